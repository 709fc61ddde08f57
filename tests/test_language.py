"""Language identification: script shortcuts, deterministic backends, bounded samples."""

from __future__ import annotations

import pytest

from cleannews import Cleaner, CleanerConfig
from cleannews.language import identify_language, language_sample, make_identifier
from cleannews.language.scripts import script_language
from cleannews.text.blocks import split_blocks

ENGLISH = "The government announced on Tuesday that new rules for energy prices would apply."
GERMAN = "Die Regierung kündigte am Dienstag an, dass neue Regeln für die Energiepreise gelten."
FRENCH = "Le gouvernement a annoncé mardi que de nouvelles règles sur les prix seront appliquées."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("東京で新しい駅が開業しました。", "ja"),  # kana among kanji: Japanese
        ("カタカナのニュース", "ja"),
        ("서울에서 새로운 역이 문을 열었다", "ko"),
        ("รัฐบาลประกาศมาตรการใหม่", "th"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα", "el"),
        ("הממשלה הודיעה על צעדים חדשים", "he"),
        ("北京今天宣布新的能源政策", "zh"),  # Han only: Chinese
        (ENGLISH, None),  # Latin script decides nothing
        ("Привет, мир", None),  # Cyrillic is shared by many languages
        ("12345 !!! ---", None),
        ("", None),
    ],
)
def test_script_shortcuts(text: str, expected: str | None) -> None:
    assert script_language(text) == expected


def test_a_few_foreign_letters_do_not_decide() -> None:
    assert script_language(ENGLISH + " α") is None


@pytest.mark.parametrize("text", ["", "   \n\t", "\u3000"])
def test_nothing_to_go_on(text: str) -> None:
    assert identify_language(text) is None


@pytest.mark.parametrize("backend", ["auto", "py3langid", "langdetect"])
@pytest.mark.parametrize("text, expected", [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr")])
def test_backends_identify_prose(backend: str, text: str, expected: str) -> None:
    assert identify_language(text, backend) == expected


@pytest.mark.parametrize("backend", ["py3langid", "langdetect"])
def test_script_shortcut_precedes_the_model(backend: str) -> None:
    assert identify_language("東京で新しい駅", backend) == "ja"


def test_langdetect_is_deterministic() -> None:
    # Short, ambiguous text is where an unseeded langdetect flips between answers.
    texts = ["ok", "hola hello", "Paris Berlin Roma", "nice ciao"]
    first = [identify_language(t, "langdetect") for t in texts]
    make_identifier.cache_clear()
    for _ in range(5):
        assert [identify_language(t, "langdetect") for t in texts] == first


def test_langdetect_without_features_gives_none() -> None:
    assert make_identifier("langdetect")("1234 5678") is None


def test_codes_are_normalised() -> None:
    assert identify_language("台北市政府今天宣布新的交通政策，市民表示歡迎。", "langdetect") == "zh"


def test_sample_is_bounded_and_prefers_long_blocks_in_order() -> None:
    source = "short\n" + "B" * 50 + "\nmid line\n" + "D" * 40
    blocks = split_blocks(source)
    assert language_sample(blocks, 0) == ""
    assert language_sample(blocks, 10) == "B" * 10
    # The two longest blocks fill the budget; they come back in document order, cut to size.
    assert language_sample(blocks, 90) == ("B" * 50 + "\n" + "D" * 40)[:90]
    assert len(language_sample(blocks, 10_000)) == len("\n".join(b.text for b in blocks))


def test_sample_never_exceeds_the_limit() -> None:
    blocks = split_blocks("\n".join(["word " * 40] * 50))
    for limit in (1, 7, 100, 600):
        assert len(language_sample(blocks, limit)) <= limit


def test_cleaner_identifies_and_respects_overrides() -> None:
    cleaner = Cleaner([])
    assert cleaner.clean(GERMAN).language == "de"
    assert cleaner.clean(GERMAN, language="fr").language == "fr"
    assert cleaner.clean(GERMAN, detect_language=False).language is None
    off = Cleaner([], config=CleanerConfig(detect_language=False))
    assert off.clean(GERMAN).language is None
    assert off.clean(GERMAN, detect_language=True).language == "de"


def test_sample_size_is_configured() -> None:
    cleaner = Cleaner([], config=CleanerConfig(language_sample_chars=0))
    assert cleaner.clean(GERMAN).language is None
