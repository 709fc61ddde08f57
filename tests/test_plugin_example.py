"""The example plugin (examples/plugin_detector) works through the entry-point path.

No network and no pip: the example's source folder goes on ``sys.path`` and a generated
``*.dist-info`` folder (with the ``entry_points.txt`` its pyproject declares) goes in a temporary
folder on ``sys.path``, which is all ``importlib.metadata`` needs to find an installed package.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from cleannews import Cleaner, ConfigError, Kind, UnknownDetectorError
from cleannews.detectors import ENTRY_POINT_GROUP, available_detectors, default_detector_names
from cleannews.detectors.phrases import load_table
from cleannews.detectors.registry import plugin_detectors

tomllib = pytest.importorskip("tomllib")  # Python >= 3.11
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "plugin_detector"
PROSE = (
    "The city council approved the budget for the new tram line on Tuesday evening. "
    "Construction is expected to begin next spring and to last about three years."
)
MORE = "Residents welcomed the decision, though some shop owners fear months of roadworks."
PAGE = f"Tram line approved\n{PROSE}\nListen to this article · 4 min\n{MORE}"


def fake_install(
    site: Path, name: str, entry_points: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Make ``importlib.metadata`` see a distribution ``name`` with these entry points."""
    info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    info.joinpath("METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n", "utf-8"
    )
    lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{k} = {v}" for k, v in entry_points.items())]
    info.joinpath("entry_points.txt").write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.syspath_prepend(str(site))


@pytest.fixture
def example_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))["project"]
    declared = project["entry-points"][ENTRY_POINT_GROUP]
    assert declared == {"listen_widget": "cleannews_listen:ListenWidgetDetector"}
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    fake_install(tmp_path / "site", project["name"], declared, monkeypatch)
    yield
    for module in [m for m in sys.modules if m.split(".")[0] == "cleannews_listen"]:
        del sys.modules[module]  # not monkeypatch.delitem: its undo would put them back


def test_not_available_unless_installed() -> None:
    if importlib.util.find_spec("cleannews_listen") is not None:
        pytest.skip("the example plugin is really installed in this environment")
    assert "listen_widget" not in available_detectors()
    with pytest.raises(UnknownDetectorError):
        Cleaner(extra=["listen_widget"])


def test_found_through_its_entry_point(example_installed: None) -> None:
    cls = available_detectors()["listen_widget"]
    assert cls.__module__ == "cleannews_listen.detector"
    assert cls.name == "listen_widget" and cls.kinds == frozenset({Kind.WIDGET})
    assert "listen_widget" not in default_detector_names()  # plugins are opt-in


def test_ships_its_phrase_files(example_installed: None) -> None:
    table = load_table("cleannews_listen", "listen_widget")
    assert table.languages == {"en", "de", "fr", "es"}
    assert "listen to this article" in table.whole


def test_runs_as_an_extra_detector(example_installed: None) -> None:
    cleaner = Cleaner(extra=["listen_widget"])
    assert [d.name for d in cleaner.detectors][-1] == "listen_widget"
    doc = cleaner.clean(PAGE, detect_language=False)
    flagged = [s for s in doc.removed if "listen_widget" in s.detectors]
    assert [s.text for s in flagged] == ["Listen to this article · 4 min"]
    assert flagged[0].kind is Kind.WIDGET
    assert flagged[0].reasons == ("listen_widget.prefix",)
    assert PROSE in doc.text and MORE in doc.text


def test_runs_alone(example_installed: None) -> None:
    doc = Cleaner(["listen_widget"]).clean(PAGE, detect_language=False)
    assert [s.text for s in doc.removed] == ["Listen to this article · 4 min"]


def test_keeps_prose_that_starts_like_a_widget(example_installed: None) -> None:
    text = f"{PROSE}\nListen to this article's critics and you hear only doubt."
    assert Cleaner(["listen_widget"]).clean(text, detect_language=False).removed == ()


def test_disable_a_builtin_next_to_the_plugin(example_installed: None) -> None:
    builtin = default_detector_names()[0]
    names = [d.name for d in Cleaner(extra=["listen_widget"], disable=[builtin]).detectors]
    assert builtin not in names and "listen_widget" in names


def test_disable_the_plugin_by_name(example_installed: None) -> None:
    names = [d.name for d in Cleaner(extra=["listen_widget"], disable=["listen_widget"]).detectors]
    assert names == list(default_detector_names())


def test_an_entry_point_that_is_not_a_detector(tmp_path: Path, monkeypatch) -> None:
    fake_install(tmp_path, "broken-plugin", {"broken": "pathlib:Path"}, monkeypatch)
    # One broken plugin must not break everyone else's cleaning: listing skips it, loudly...
    with pytest.warns(RuntimeWarning, match="broken"):
        names = available_detectors()
    assert "broken" not in names and "related" in names
    # ...while asking for it by name, or strictly, is an error.
    with pytest.raises(ConfigError, match="broken"):
        Cleaner(extra=["broken"])
    with pytest.raises(ConfigError, match="broken"):
        plugin_detectors(strict=True)
