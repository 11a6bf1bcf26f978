"""Headless tests of ``helpers.widgets.NeuronExplorer`` and of the ``helpers.plots`` it draws with.

No browser and no kernel: the sliders are set from Python, their ``observe`` callbacks run at once,
and the tests read the widget traits (``formula.value``, ``picture.value``, ``summary.value``)
and the matplotlib artists the explorer keeps. Expected numbers are computed here, by hand.
"""

from __future__ import annotations

import matplotlib.pyplot as plt  # only to check that nothing is drawn through pyplot
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers import plots
from helpers.widgets import NeuronExplorer

MINUS = "\u2212"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def explorer():
    """The chapter-01 explorer: inputs (2, 3, 5), weights (0.5, 0.3, 0.2)."""
    return NeuronExplorer()


def set_values(explorer, inputs=None, weights=None):
    """Move the sliders as a learner would, one at a time."""
    for control, value in zip(explorer.input_sliders, inputs or []):
        control.value = value
    for control, value in zip(explorer.weight_sliders, weights or []):
        control.value = value


def heights(artists):
    return [bar.get_height() for bar in artists["bars"]]


def label_texts(artists):
    return [label.get_text() for label in artists["labels"]]


# ---------------------------------------------------------------------------
# Building the explorer
# ---------------------------------------------------------------------------

def test_explorer_has_a_labelled_slider_for_each_input_and_weight(explorer):
    assert [s.description for s in explorer.input_sliders] == ["input x1", "input x2", "input x3"]
    assert [s.description for s in explorer.weight_sliders] == ["weight w1", "weight w2", "weight w3"]
    assert [s.value for s in explorer.input_sliders] == [2, 3, 5]
    assert [s.value for s in explorer.weight_sliders] == [0.5, 0.3, 0.2]


def test_explorer_starts_with_the_chapter_example_formula(explorer):
    assert "<b>output</b> = 2×0.5 + 3×0.3 + 5×0.2 = 2.9" in explorer.formula.value
    assert explorer.formula_text == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"


def test_explorer_starts_with_the_products_as_bar_heights(explorer):
    assert heights(explorer.artists) == pytest.approx([1.0, 0.9, 1.0, 2.9])


def test_explorer_with_two_inputs_has_two_pairs_of_sliders_and_three_bars():
    explorer = NeuronExplorer(inputs=(1, -2), weights=(0.5, 0.25))
    assert len(explorer.input_sliders) == len(explorer.weight_sliders) == 2
    assert heights(explorer.artists) == pytest.approx([0.5, -0.5, 0.0])
    assert f"1×0.5 + ({MINUS}2)×0.25 = 0" in explorer.formula.value


def test_explorer_refuses_mismatched_starting_values_before_building_anything():
    with pytest.raises(ValueError, match="weights has 2 entries but inputs has 3"):
        NeuronExplorer(inputs=(2, 3, 5), weights=(0.5, 0.3))


def test_explorer_draws_on_a_figure_not_through_pyplot():
    before = plt.get_fignums()
    explorer = NeuronExplorer()
    set_values(explorer, weights=[0.1])
    assert isinstance(explorer.figure, Figure)
    assert plt.get_fignums() == before


def test_explorer_widget_carries_the_css_classes_the_browser_tests_use(explorer):
    assert {"nnbh-explorer", "nnbh-neuron"} <= set(explorer.widget._dom_classes)
    assert "nnbh-formula" in explorer.formula._dom_classes
    assert "nnbh-picture" in explorer.picture._dom_classes
    assert "nnbh-summary" in explorer.summary._dom_classes


# ---------------------------------------------------------------------------
# Moving the sliders
# ---------------------------------------------------------------------------

def test_moving_a_weight_slider_updates_the_formula_at_once(explorer):
    explorer.weight_sliders[2].value = 0.4
    assert "2×0.5 + 3×0.3 + 5×0.4 = 3.9" in explorer.formula.value


def test_moving_an_input_slider_updates_the_formula_at_once(explorer):
    explorer.input_sliders[0].value = -4
    assert f"({MINUS}4)×0.5 + 3×0.3 + 5×0.2 = {MINUS}0.1" in explorer.formula.value


SETTINGS = [
    # inputs, weights, the products written out by hand
    ((2, 3, 5), (0.5, 0.3, 0.2), [1.0, 0.9, 1.0]),
    ((2, -3, 5), (0.5, 0.25, -0.2), [1.0, -0.75, -1.0]),
    ((-10, 10, 0), (1, 1, -1), [-10.0, 10.0, 0.0]),
    ((4, 4, 4), (-0.5, -0.5, -0.5), [-2.0, -2.0, -2.0]),
]


@pytest.mark.parametrize("inputs, weights, products", SETTINGS)
def test_bar_heights_are_the_products_then_their_sum(explorer, inputs, weights, products):
    set_values(explorer, inputs, weights)
    assert heights(explorer.artists) == pytest.approx(products + [sum(products)])


SLIDER_INPUTS = np.arange(-10, 10.5, 0.5).tolist()           # the input sliders' steps
SLIDER_WEIGHTS = np.round(np.arange(-1, 1.05, 0.05), 2).tolist()  # the weight sliders' steps
SHARED_EXPLORER = NeuronExplorer()  # hypothesis reuses one explorer: building one takes a while


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.sampled_from(SLIDER_INPUTS), min_size=3, max_size=3),
    st.lists(st.sampled_from(SLIDER_WEIGHTS), min_size=3, max_size=3),
)
def test_bars_and_formula_follow_any_slider_positions(inputs, weights):
    set_values(SHARED_EXPLORER, inputs, weights)
    products = [x * w for x, w in zip(inputs, weights)]
    total = products[0] + products[1] + products[2]
    assert heights(SHARED_EXPLORER.artists) == pytest.approx(products + [total], abs=1e-9)
    shown = SHARED_EXPLORER.formula.value.rsplit("= ", 1)[1].removesuffix("</div>")
    assert float(shown.replace(MINUS, "-")) == pytest.approx(total, abs=0.0005)


def test_bar_labels_show_each_height_with_at_most_two_decimals(explorer):
    set_values(explorer, inputs=[2, -3, 5], weights=[0.5, 0.25, -0.2])
    assert label_texts(explorer.artists) == ["1", f"{MINUS}0.75", f"{MINUS}1", f"{MINUS}0.75"]


def test_bar_labels_sit_at_the_top_of_their_bars(explorer):
    set_values(explorer, inputs=[2, -3, 5], weights=[0.5, 0.25, -0.2])
    for bar, label in zip(explorer.artists["bars"], explorer.artists["labels"]):
        assert label.get_position()[1] == pytest.approx(bar.get_height())
        assert label.get_verticalalignment() == ("top" if bar.get_height() < 0 else "bottom")


def test_negative_bars_are_hatched_so_colour_is_not_the_only_cue(explorer):
    set_values(explorer, inputs=[2, -3, 5], weights=[0.5, 0.25, -0.2])  # products 1, -0.75, -1; sum -0.75
    hatches = [bar.get_hatch() or "" for bar in explorer.artists["bars"]]
    assert hatches == ["", "//", "//", "//"]


def test_hatching_goes_away_when_a_bar_becomes_positive_again(explorer):
    explorer.weight_sliders[0].value = -0.5
    assert explorer.artists["bars"][0].get_hatch() == "//"
    explorer.weight_sliders[0].value = 0.5
    assert not explorer.artists["bars"][0].get_hatch()


def test_negative_contributions_are_coloured_differently_from_positive_ones(explorer):
    set_values(explorer, inputs=[2, -3, 5], weights=[0.5, 0.25, -0.2])
    first, second = explorer.artists["bars"][0], explorer.artists["bars"][1]
    assert first.get_facecolor() != second.get_facecolor()


@pytest.mark.parametrize("inputs, weights, products", SETTINGS)
def test_every_bar_stays_inside_the_visible_range(explorer, inputs, weights, products):
    set_values(explorer, inputs, weights)
    bottom, top = explorer.artists["bars"][0].axes.get_ylim()
    for height in products + [sum(products)]:
        assert bottom <= min(0.0, height) and max(0.0, height) <= top


def test_moving_a_slider_updates_the_same_artists_instead_of_drawing_new_ones(explorer):
    ax = explorer.artists["bars"][0].axes
    bars_before = list(explorer.artists["bars"])
    n_patches, n_texts = len(ax.patches), len(ax.texts)
    explorer.weight_sliders[1].value = -0.8
    assert list(explorer.artists["bars"]) == bars_before
    assert (len(ax.patches), len(ax.texts)) == (n_patches, n_texts)
    assert explorer.figure.axes == [ax]


def picture_bytes(explorer):
    return bytes(explorer.picture.value)  # the Image widget may hold a memoryview


def test_picture_is_png_bytes(explorer):
    assert explorer.picture.format == "png"
    assert picture_bytes(explorer).startswith(PNG_SIGNATURE)


def test_picture_changes_when_a_slider_moves(explorer):
    before = picture_bytes(explorer)
    explorer.weight_sliders[0].value = -0.9
    after = picture_bytes(explorer)
    assert after.startswith(PNG_SIGNATURE)
    assert after != before


def test_picture_comes_back_the_same_when_the_slider_returns(explorer):
    before = picture_bytes(explorer)
    explorer.weight_sliders[0].value = -0.9
    explorer.weight_sliders[0].value = 0.5
    assert picture_bytes(explorer) == before


def test_summary_lists_each_contribution_and_the_sum(explorer):
    assert explorer.summary.value == "Contributions: x1·w1 = 1, x2·w2 = 0.9, x3·w3 = 1; sum = 2.9."


def test_summary_follows_the_sliders(explorer):
    set_values(explorer, inputs=[2, -3, 5], weights=[0.5, 0.25, -0.2])
    assert explorer.summary.value == (
        f"Contributions: x1·w1 = 1, x2·w2 = {MINUS}0.75, x3·w3 = {MINUS}1; sum = {MINUS}0.75."
    )


def test_text_plain_form_names_the_current_values(explorer):
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == "NeuronExplorer(inputs=[2.0, 3.0, 5.0], weights=[0.5, 0.3, 0.2])"
    assert "application/vnd.jupyter.widget-view+json" in bundle
    explorer.input_sliders[1].value = -1.5
    assert explorer._repr_mimebundle_()["text/plain"] == (
        "NeuronExplorer(inputs=[2.0, -1.5, 5.0], weights=[0.5, 0.3, 0.2])"
    )


# ---------------------------------------------------------------------------
# When something goes wrong inside redraw
# ---------------------------------------------------------------------------

def test_error_inside_redraw_shows_a_plain_message_instead_of_raising(explorer, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("the bars <cannot> be drawn")

    monkeypatch.setattr(plots, "update_contribution_bars", broken)
    explorer.weight_sliders[0].value = 0.1  # must not raise
    assert "These values cannot be shown: the bars &lt;cannot&gt; be drawn" in explorer.formula.value
    assert "nnbh-error" in explorer.formula.value
    assert "Traceback" not in explorer.formula.value
    assert "<cannot>" not in explorer.formula.value  # the message is escaped, not read as HTML


def test_explorer_recovers_after_an_error_in_redraw(explorer, monkeypatch):
    picture_before = picture_bytes(explorer)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(plots, "update_contribution_bars", broken)
    explorer.weight_sliders[2].value = 0.4
    assert "These values cannot be shown: division by zero" in explorer.formula.value
    assert picture_bytes(explorer) == picture_before  # the old picture stays
    monkeypatch.undo()
    explorer.weight_sliders[2].value = 0.6
    assert "2×0.5 + 3×0.3 + 5×0.6 = 4.9" in explorer.formula.value
    assert "These values cannot be shown" not in explorer.formula.value
    assert heights(explorer.artists) == pytest.approx([1.0, 0.9, 3.0, 4.9])
    assert picture_bytes(explorer) != picture_before


# ---------------------------------------------------------------------------
# helpers.plots on its own, with ax=None
# ---------------------------------------------------------------------------

def test_contribution_bars_without_axes_makes_its_own_figure():
    before = plt.get_fignums()
    artists = plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    assert set(artists) == {"bars", "labels", "zero"}
    assert isinstance(artists["bars"][0].figure, Figure)
    assert plt.get_fignums() == before


def test_contribution_bars_heights_labels_and_names():
    artists = plots.contribution_bars([2, -3, 5], [0.5, 0.25, -0.2])
    assert heights(artists) == pytest.approx([1.0, -0.75, -1.0, -0.75])
    assert label_texts(artists) == ["1", f"{MINUS}0.75", f"{MINUS}1", f"{MINUS}0.75"]
    ax = artists["bars"][0].axes
    ax.figure.canvas.draw()
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["x1·w1", "x2·w2", "x3·w3", "sum"]
    assert ax.get_ylabel() == "contribution"


def test_contribution_bars_draws_on_the_axes_it_is_given():
    figure, ax = plots.new_axes()
    artists = plots.contribution_bars([1, 2], [3, 4], ax=ax)
    assert artists["bars"][0].axes is ax
    assert len(ax.patches) == 3
    assert heights(artists) == pytest.approx([3.0, 8.0, 11.0])


def test_update_contribution_bars_moves_the_bars_and_returns_the_heights():
    artists = plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    drawn = plots.update_contribution_bars(artists, [1, -2, 4], [0.5, 0.5, -0.25])
    assert drawn.tolist() == pytest.approx([0.5, -1.0, -1.0, -1.5])
    assert heights(artists) == pytest.approx([0.5, -1.0, -1.0, -1.5])
    assert [bar.get_hatch() or "" for bar in artists["bars"]] == ["", "//", "//", "//"]


def test_update_contribution_bars_refuses_mismatched_lengths_in_plain_words():
    artists = plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="weights has 2 entries but inputs has 3"):
        plots.update_contribution_bars(artists, [1, 2, 3], [1, 2])


def test_contribution_bars_refuses_mismatched_lengths_in_plain_words():
    with pytest.raises(ValueError, match="weights has 1 entries but inputs has 2"):
        plots.contribution_bars([1, 2], [3])


def test_describe_contributions_writes_each_height_and_the_sum():
    assert plots.describe_contributions([1.0, -0.75, 0.25]) == (
        f"Contributions: x1·w1 = 1, x2·w2 = {MINUS}0.75; sum = 0.25."
    )


def test_describe_contributions_rounds_to_two_decimals():
    assert plots.describe_contributions([0.123, 0.456, 0.579]) == (
        "Contributions: x1·w1 = 0.12, x2·w2 = 0.46; sum = 0.58."
    )


def test_figure_png_gives_png_bytes_of_a_figure_without_pyplot():
    figure, ax = plots.new_axes()
    plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2], ax=ax)
    data = plots.figure_png(figure)
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1000


def test_new_axes_gives_a_figure_with_one_axes_outside_pyplot():
    before = plt.get_fignums()
    figure, ax = plots.new_axes()
    assert isinstance(figure, Figure)
    assert figure.axes == [ax]
    assert plt.get_fignums() == before
