# ruff: noqa: E501  (the sample pages hold long CJK lines)
"""Synthetic Japanese, Chinese and Korean news pages: the page chrome phrase lists know is
removed (share buttons, ads, related and comment headings with what follows, reprint notices)
and the article prose is never removed. CJK text has no spaces between words, so phrases sit
inside runs of letters and a long sentence is one whitespace "word" (see ``Block.words``)."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.text.blocks import make_block, normalise_key

JA = """\
ホーム
ニュース
経済
政治
国際
スポーツ
政府、来年度予算案を閣議決定　過去最大の規模に
2024年12月27日 15:30
政府は27日の閣議で、一般会計の総額が115兆円を超える来年度予算案を決定した。社会保障費や防衛費の増加が続き、当初予算としては過去最大の規模となった。
財務省によると、歳出の約3分の1を社会保障費が占める。高齢化に伴う医療や介護の費用が膨らんでおり、前年度から約5000億円増えた。
一方、税収は企業業績の回復を背景に過去最高を見込むが、歳出の増加には追いつかず、新たな国債の発行額は約28兆円となる。専門家は「財政の健全化に向けた道筋が見えない」と指摘している。
首相は記者会見で「物価高への対応と経済の再生を両立させる予算だ」と述べ、来年の通常国会での早期成立を目指す考えを示した。
この記事をシェア
ツイート
広告
関連記事
日銀、金融政策の現状維持を決定
円相場、一時1ドル＝158円台に下落
コメント（12）
ログインしてコメントする
12件のコメント
本サイトに掲載される記事の無断転載を禁じます。
Copyright © 2024 Example Shimbun. All rights reserved.
"""
ZH = """\
首页
新闻
财经
科技
体育
我国新能源汽车产销量连续九年位居全球第一
2024-01-12 10:20:35 来源：新华社
中国汽车工业协会12日发布数据显示，2023年我国新能源汽车产销量分别完成958.7万辆和949.5万辆，同比分别增长35.8%和37.9%，连续九年位居全球第一。
协会副秘书长表示，新能源汽车已经成为引领全球汽车产业转型的重要力量。随着充电基础设施的不断完善，消费者对新能源汽车的接受程度明显提高。
数据显示，去年新能源汽车出口120.3万辆，同比增长77.6%。业内人士认为，今年新能源汽车市场仍将保持较快增长，但价格竞争也将更加激烈。
分享到：
微信
微博
广告
相关阅读
工信部：加快推进新能源汽车下乡
充电桩建设提速 全国总量突破800万台
网友评论
条评论
发表评论前请先登录
本网站所刊载信息，不代表本站观点。未经授权禁止转载、摘编、复制及建立镜像。
版权所有 © 2024 示例新闻网
"""
KO = """\
홈
정치
경제
사회
국제
스포츠
정부, 내년 예산안 656조원 편성…복지 지출 역대 최대
입력 2024.08.27 10:00 수정 2024.08.27 11:30
정부가 내년도 예산안을 올해보다 3.2% 늘어난 656조원 규모로 편성했다. 저출산 대응과 취약계층 지원을 위한 복지 예산이 크게 늘어 전체 지출에서 차지하는 비중이 역대 최대를 기록했다.
기획재정부는 27일 국무회의에서 이런 내용의 예산안을 의결했다고 밝혔다. 정부는 재정 건전성을 유지하면서도 민생 안정에 필요한 분야에는 지출을 늘렸다고 설명했다.
전문가들은 세수 여건이 좋지 않은 상황에서 지출 구조조정이 충분히 이뤄졌는지 국회 심사 과정에서 꼼꼼히 따져봐야 한다고 지적했다.
홍길동 기자 hong@example.co.kr
공유하기
광고
관련기사
한은, 기준금리 3.50% 동결…13회 연속
원·달러 환율 1,330원대로 하락
댓글 3
로그인 후 댓글을 작성할 수 있습니다
<저작권자 ⓒ 예시뉴스, 무단 전재 및 재배포 금지>
"""
PAGES = {"ja": JA, "zh": ZH, "ko": KO}
CHROME = {
    "ja": [
        "この記事をシェア",
        "広告",
        "関連記事",
        "日銀、金融政策の現状維持を決定",
        "コメント（12）",
        "12件のコメント",
        "本サイトに掲載される記事の無断転載を禁じます。",
    ],
    "zh": [
        "分享到：",
        "微信",
        "微博",
        "广告",
        "相关阅读",
        "工信部：加快推进新能源汽车下乡",
        "网友评论",
        "本网站所刊载信息，不代表本站观点。未经授权禁止转载、摘编、复制及建立镜像。",
        "版权所有 © 2024 示例新闻网",
    ],
    "ko": [
        "공유하기",
        "광고",
        "관련기사",
        "한은, 기준금리 3.50% 동결…13회 연속",
        "댓글 3",
        "<저작권자 ⓒ 예시뉴스, 무단 전재 및 재배포 금지>",
    ],
}


def _prose(source: str) -> list[str]:
    return [line for line in source.splitlines() if len(line) > 40 and not line.isascii()]


@pytest.mark.parametrize("detect_language", [False, True])
@pytest.mark.parametrize("lang", sorted(PAGES))
def test_chrome_removed_prose_kept(lang: str, detect_language: bool) -> None:
    source = PAGES[lang]
    doc = cleannews.clean(source, detect_language=detect_language)
    removed = [source[s.start : s.end] for s in doc.removed]
    for line in _prose(source):
        if line.startswith(("Copyright", "©")) or "©" in line:
            continue
        assert not any(line in r or r in line for r in removed), line
        assert line in doc.text
    for line in CHROME[lang]:
        assert any(line in r for r in removed), line


@pytest.mark.parametrize(
    ("lang", "chrome", "removed"),
    [
        ("ja", "コメント 5件", True),
        ("ja", "関連記事：日銀、金融政策の現状維持を決定", True),
        ("ja", "はてなブックマーク", True),
        ("ja", "記事の無断転載・複製を禁じます。", True),
        ("ja", "残り1234文字（全文2345文字）", True),
        ("zh", "上一篇：工信部加快推进新能源汽车下乡", True),
        ("zh", "版权声明：本文为原创，转载请注明出处。", True),
        ("zh", "1234人阅读", True),
        ("ko", "댓글 3개", True),
        ("ko", "[사진=연합뉴스]", True),
        ("ko", "저작권자 © 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지", True),
        ("ko", "관련 기사 더보기", True),
        # Headlines and sentences that hold a chrome word are kept.
        ("ja", "広告業界の最新動向を探る", False),
        ("ja", "共同通信によると、政府は関連記事を削除したという。", False),
        ("zh", "广告业迎来新一轮变革", False),
        ("zh", "关于版权所有者的新规定", False),
        ("ko", "광고주들이 예산을 줄이고 있다", False),
    ],
)
def test_chrome_line_between_prose(lang: str, chrome: str, removed: bool) -> None:
    prose = [p for p in _prose(PAGES[lang]) if "©" not in p]
    source = "\n".join([*prose[:2], chrome, *prose[2:]])
    doc = cleannews.clean(source, detect_language=False)
    at = source.index(chrome)
    hits = [s for s in doc.removed if s.start <= at < s.end]
    assert bool(hits) is removed
    assert all(s.start <= at < s.end for s in doc.removed)  # no prose lost


def test_cjk_words_count_characters() -> None:
    sentence = "政府は二十七日の閣議で、来年度予算案を決定した。"
    assert make_block(0, 0, len(sentence), 1, sentence).words == 11  # 22 Han/kana characters
    assert make_block(0, 0, 4, 1, "関連記事").words == 2
    assert make_block(0, 0, 10, 1, "관련 기사 더보기").words == 3  # Korean is spaced
    assert make_block(0, 0, 11, 1, "Hello world").words == 2


def test_turkish_dotted_capital_i_key() -> None:
    assert normalise_key("İLGİLİ HABERLER") == normalise_key("ilgili haberler")
    assert make_block(0, 0, 15, 1, "İlgili Haberler").key == "ilgili haberler"
