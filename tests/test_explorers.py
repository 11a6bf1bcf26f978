"""What every explorer promises, written once and run over every explorer of the course
(``helpers.explorers.EXPLORERS``): a new explorer gets these tests by being listed there.

Each explorer's own maths (its formula, its picture's numbers) is tested in tests/test_widgets.py.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt  # only to check that nothing is drawn through pyplot
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from helpers import drawing
from helpers.explorer import Explorer
from helpers.explorers import EXPLORERS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(params=EXPLORERS, ids=lambda cls: cls.__name__)
def explorer(request):
    return request.param()


def picture_bytes(explorer) -> bytes:
    return bytes(explorer.picture.value)  # the Image widget may hold a memoryview


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")).astype(int)


def sliders(explorer) -> list:
    return [control for control in explorer.controls() if isinstance(control, widgets.FloatSlider)]


def elsewhere(slider) -> float:
    """A value of ``slider`` a quarter of its range away from where it is."""
    quarter = 0.25 * (slider.max - slider.min)
    value = slider.value + quarter if slider.value + quarter <= slider.max else slider.value - quarter
    return round(round((value - slider.min) / slider.step) * slider.step + slider.min, 6)


def nudged(slider) -> float:
    """A value of ``slider`` two steps away from where it is: a small move, which changes no axis range."""
    value = slider.value + 2 * slider.step if slider.value + 2 * slider.step <= slider.max else slider.value - 2 * slider.step
    return round(value, 6)


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


def test_every_explorer_is_an_explorer_with_its_own_kind():
    assert all(issubclass(cls, Explorer) for cls in EXPLORERS)
    kinds = [cls.kind for cls in EXPLORERS]
    assert len(set(kinds)) == len(kinds) and "explorer" not in kinds


def test_it_carries_the_css_classes_the_browser_tests_use(explorer):
    assert {"nnbh-explorer", f"nnbh-{explorer.kind}"} <= set(explorer.widget._dom_classes)
    others = {f"nnbh-{cls.kind}" for cls in EXPLORERS if cls.kind != explorer.kind}
    assert not others & set(explorer.widget._dom_classes)  # the browser tests tell them apart
    assert "nnbh-formula" in explorer.formula._dom_classes
    assert "nnbh-picture" in explorer.picture._dom_classes
    assert "nnbh-summary" in explorer.summary._dom_classes


def test_every_control_is_in_the_page_and_reports_every_move(explorer):
    shown = set(map(id, all_widgets(explorer.widget)))
    visible = explorer.controls()[:4] if explorer.kind == "plane" else explorer.controls()  # rows hidden when off
    assert all(id(control) in shown for control in visible)
    assert all(s.continuous_update for s in sliders(explorer))
    assert explorer.formula.value and explorer.summary.value


def test_it_draws_on_a_figure_of_its_own_and_prints_nothing(capsys):
    before = plt.get_fignums()
    for make in EXPLORERS:
        explorer = make()
        for slider in sliders(explorer)[:3]:
            slider.value = elsewhere(slider)
        assert isinstance(explorer.figure, Figure)
    assert plt.get_fignums() == before
    assert capsys.readouterr() == ("", "")


def test_moving_a_slider_changes_the_formula_summary_and_picture_then_they_come_back(explorer):
    slider = sliders(explorer)[0]
    start = slider.value
    slider.value = nudged(slider)  # once there and back first: the chapter 02 explorer's first picture
    slider.value = start           # differs from later ones in a few pixels (it did before too)
    before = (explorer.formula.value, explorer.summary.value, picture_bytes(explorer))
    assert before[2].startswith(PNG_SIGNATURE) and explorer.picture.format == "png"
    slider.value = nudged(slider)
    after = (explorer.formula.value, explorer.summary.value, picture_bytes(explorer))
    assert after[0] != before[0] and after[2] != before[2] and after[2].startswith(PNG_SIGNATURE)
    slider.value = start
    assert (explorer.formula.value, explorer.summary.value, picture_bytes(explorer)) == before


def test_it_moves_its_artists_instead_of_drawing_new_ones(explorer):
    def inventory():
        return [(ax, len(ax.patches), len(ax.texts), len(ax.lines), len(ax.images)) for ax in explorer.figure.axes]

    before, moving = inventory(), list(explorer.live.moving)
    for slider in sliders(explorer)[:3]:
        slider.value = elsewhere(slider)
    assert inventory() == before
    assert list(explorer.live.moving) == moving


def test_it_sets_the_text_before_the_picture(explorer):
    order = []
    for name in ("formula", "picture", "summary"):
        getattr(explorer, name).observe(lambda change, name=name: order.append(name), names="value")
    slider = sliders(explorer)[-1]
    slider.value = elsewhere(slider)
    assert order == ["formula", "picture", "summary"]


def test_the_live_picture_looks_like_a_full_redraw(explorer):
    """Blitting and the text cache may differ from a full redraw only in a few edge pixels."""
    for slider in sliders(explorer)[:2]:
        slider.value = elsewhere(slider)
    live = decode(picture_bytes(explorer))
    for artist in explorer.live.moving:
        artist.set_animated(False)
    full = decode(drawing.figure_png(explorer.figure))
    difference = np.abs(live - full).max(axis=2)
    assert live.shape == full.shape
    assert (difference > 3).sum() <= 0.0005 * difference.size


def test_a_failing_redraw_shows_a_plain_message_then_it_recovers(explorer, monkeypatch):
    picture_before = picture_bytes(explorer)
    slider = sliders(explorer)[0]

    def broken():
        raise ValueError("the picture <cannot> be drawn")

    monkeypatch.setattr(explorer, "move", broken)
    slider.value = elsewhere(slider)  # must not raise
    message = explorer.formula.value
    assert "These values cannot be shown: the picture &lt;cannot&gt; be drawn" in message
    assert "nnbh-error" in message and "Traceback" not in message
    assert "<cannot>" not in message  # the message is escaped, not read as HTML
    assert picture_bytes(explorer) == picture_before  # the old picture stays
    monkeypatch.undo()
    other = sliders(explorer)[1]
    other.value = elsewhere(other)
    assert "These values cannot be shown" not in explorer.formula.value
    assert picture_bytes(explorer) != picture_before


def test_its_text_form_names_the_explorer_and_its_current_values(explorer):
    slider = sliders(explorer)[0]
    slider.value = elsewhere(slider)
    text = repr(explorer)
    assert text.startswith(f"{type(explorer).__name__}(") and "0x" not in text
    assert str(slider.value) in text
    assert explorer._repr_mimebundle_()["text/plain"] == text
