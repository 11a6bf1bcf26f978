"""Headless tests of the explorers in ``helpers.widgets`` and of the ``helpers.plots`` they draw with:
``NeuronExplorer`` (chapter 01), ``BiasActivationExplorer`` (chapter 02), ``LayerExplorer`` (chapter 03).

No browser and no kernel: the sliders are set from Python, their ``observe`` callbacks run at once,
and the tests read the widget traits (``formula.value``, ``picture.value``, ``summary.value``)
and the matplotlib artists the explorer keeps. Expected numbers are computed here, by hand.
"""

from __future__ import annotations

import io
import math

import ipywidgets as widgets
import matplotlib.pyplot as plt  # only to check that nothing is drawn through pyplot
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from PIL import Image

from helpers import plots
from helpers.widgets import BiasActivationExplorer, LayerExplorer, NeuronExplorer

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


# ===========================================================================
# Chapter 02: BiasActivationExplorer, and the plots it draws with
# ===========================================================================

def by_hand(name, z):
    """The four activations, written out with the math module."""
    return {"ReLU": max(0.0, z), "sigmoid": 1 / (1 + math.exp(-z)), "tanh": math.tanh(z), "none": z}[name]


@pytest.fixture
def full():
    """The chapter-02 explorer: inputs (2, 3, 5), weights (0.5, 0.3, 0.2), bias −1, ReLU."""
    return BiasActivationExplorer()


def set_full(explorer, inputs=None, weights=None, bias=None, activation=None):
    set_values(explorer, inputs, weights)
    if bias is not None:
        explorer.bias_slider.value = bias
    if activation is not None:
        explorer.activation_buttons.value = activation


def marker_at(explorer):
    marker = explorer.curve_artists["marker"]
    return float(marker.get_xdata()[0]), float(marker.get_ydata()[0])


def test_full_explorer_has_labelled_sliders_and_a_labelled_activation_choice(full):
    assert [s.description for s in full.input_sliders] == ["input x1", "input x2", "input x3"]
    assert [s.description for s in full.weight_sliders] == ["weight w1", "weight w2", "weight w3"]
    assert full.bias_slider.description == "bias b"
    assert full.bias_slider.value == -1.0
    assert full.activation_buttons.description == "activation"
    assert list(full.activation_buttons.options) == ["ReLU", "sigmoid", "tanh", "none"]
    assert full.activation_buttons.value == "ReLU"


def test_full_explorer_carries_its_own_css_classes(full):
    assert {"nnbh-explorer", "nnbh-bias-activation"} <= set(full.widget._dom_classes)
    assert "nnbh-neuron" not in full.widget._dom_classes  # the browser tests tell the two apart
    assert "nnbh-formula" in full.formula._dom_classes
    assert "nnbh-picture" in full.picture._dom_classes
    assert "nnbh-summary" in full.summary._dom_classes
    assert "nnbh-activation" in full.activation_buttons._dom_classes


def test_full_explorer_starts_with_the_formula_of_the_issue(full):
    assert full.formula_text == f"ReLU(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = 1.9"
    assert f"<b>output</b> = ReLU(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = 1.9" in full.formula.value


def test_full_explorer_bars_are_the_products_the_bias_and_z(full):
    assert heights(full.artists) == pytest.approx([1.0, 0.9, 1.0, -1.0, 1.9])
    ax = full.artists["bars"][0].axes
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["x1·w1", "x2·w2", "x3·w3", "bias", "z"]
    assert [bar.get_hatch() or "" for bar in full.artists["bars"]] == ["", "", "", "//", ""]


def test_full_explorer_marks_z_on_the_relu_curve(full):
    assert marker_at(full) == pytest.approx((1.9, 1.9))
    guide = full.curve_artists["guide"]
    assert list(guide.get_xdata()) == pytest.approx([1.9, 1.9])
    assert list(guide.get_ydata()) == pytest.approx([0.0, 1.9])
    assert full.curve_artists["label"].get_text() == "z = 1.9 → 1.9"
    assert full.curve_artists["title"].get_text() == "ReLU(z)"


def test_moving_the_bias_shifts_z_and_the_marker(full):
    full.bias_slider.value = -3.0
    assert full.formula_text == f"ReLU(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 3) = 0"
    assert marker_at(full) == pytest.approx((-0.1, 0.0))
    assert heights(full.artists)[-2:] == pytest.approx([-3.0, -0.1])
    assert full.curve_artists["label"].get_text() == f"z = {MINUS}0.1 → 0"


def test_a_positive_bias_is_added_with_a_plus_sign(full):
    full.bias_slider.value = 0.5
    assert full.formula_text == "ReLU(2×0.5 + 3×0.3 + 5×0.2 + 0.5) = 3.4"


@pytest.mark.parametrize("name, expected_formula", [
    ("sigmoid", f"sigmoid(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = 0.87"),
    ("tanh", f"tanh(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = 0.956"),
    ("none", f"2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1 = 1.9"),
])
def test_choosing_an_activation_changes_formula_curve_and_marker(full, name, expected_formula):
    full.activation_buttons.value = name
    assert full.formula_text == expected_formula
    assert marker_at(full) == pytest.approx((1.9, by_hand(name, 1.9)))
    curve = full.curve_artists["curve"]
    xs, ys = curve.get_xdata(), curve.get_ydata()
    assert list(ys) == pytest.approx([by_hand(name, float(x)) for x in xs])
    expected_title = "no activation: output = z" if name == "none" else f"{name}(z)"
    assert full.curve_artists["title"].get_text() == expected_title


def test_the_curve_covers_the_visible_range_and_the_marker_stays_inside(full):
    for inputs, weights, bias in [((10, 10, 10), (1, 1, 1), 5), ((10, 10, 10), (-1, -1, -1), -5), ((0, 0, 0), (0, 0, 0), 0)]:
        for name in ["ReLU", "sigmoid", "tanh", "none"]:
            set_full(full, inputs, weights, bias, name)
            ax = full.curve_artists["curve"].axes
            (x_low, x_high), (y_low, y_high) = ax.get_xlim(), ax.get_ylim()
            z, y = marker_at(full)
            assert x_low <= z <= x_high and y_low <= y <= y_high, (inputs, weights, bias, name)
            xs = full.curve_artists["curve"].get_xdata()
            assert xs[0] == pytest.approx(x_low) and xs[-1] == pytest.approx(x_high)


SLIDER_BIASES = np.round(np.arange(-5, 5.05, 0.1), 1).tolist()
SHARED_FULL = BiasActivationExplorer()


@settings(max_examples=10, deadline=None)
@given(
    st.lists(st.sampled_from(SLIDER_INPUTS), min_size=3, max_size=3),
    st.lists(st.sampled_from(SLIDER_WEIGHTS), min_size=3, max_size=3),
    st.sampled_from(SLIDER_BIASES),
    st.sampled_from(["ReLU", "sigmoid", "tanh", "none"]),
)
def test_bars_marker_and_formula_follow_any_slider_positions(inputs, weights, bias, name):
    set_full(SHARED_FULL, inputs, weights, bias, name)
    products = [x * w for x, w in zip(inputs, weights)]
    z = products[0] + products[1] + products[2] + bias
    assert heights(SHARED_FULL.artists) == pytest.approx(products + [bias, z], abs=1e-9)
    assert marker_at(SHARED_FULL) == pytest.approx((z, by_hand(name, z)), abs=1e-9)
    shown = SHARED_FULL.formula.value.rsplit("= ", 1)[1].removesuffix("</div>")
    assert float(shown.replace(MINUS, "-")) == pytest.approx(by_hand(name, z), abs=0.0005)


def test_full_explorer_summary_describes_bars_and_marker(full):
    assert full.summary.value == (
        f"Contributions: x1·w1 = 1, x2·w2 = 0.9, x3·w3 = 1; bias = {MINUS}1; z = 1.9. "
        "On the ReLU curve, the marker sits at z = 1.9, output 1.9."
    )
    full.activation_buttons.value = "none"
    assert full.summary.value.endswith("On the line output = z (no activation), the marker sits at z = 1.9, output 1.9.")


def test_full_explorer_moves_its_artists_instead_of_drawing_new_ones(full):
    axes = full.figure.axes
    counts = [(len(ax.lines), len(ax.patches), len(ax.texts)) for ax in axes]
    set_full(full, [1, 2, 3], [0.1, -0.2, 0.3], 2.0, "tanh")
    assert full.figure.axes == axes
    assert [(len(ax.lines), len(ax.patches), len(ax.texts)) for ax in axes] == counts


def test_full_explorer_draws_on_a_figure_not_through_pyplot():
    before = plt.get_fignums()
    explorer = BiasActivationExplorer()
    explorer.activation_buttons.value = "sigmoid"
    assert isinstance(explorer.figure, Figure)
    assert plt.get_fignums() == before


def test_full_explorer_picture_changes_with_the_activation_and_comes_back(full):
    before = picture_bytes(full)
    assert before.startswith(PNG_SIGNATURE)
    full.activation_buttons.value = "tanh"
    assert picture_bytes(full) != before
    full.activation_buttons.value = "ReLU"
    assert picture_bytes(full) == before


def test_full_explorer_accepts_another_start_and_a_function_as_activation():
    from helpers.maths import sigmoid

    explorer = BiasActivationExplorer(inputs=[1, -2], weights=[0.5, 0.25], bias=0.5, activation=sigmoid)
    assert explorer.activation_buttons.value == "sigmoid"
    assert explorer.formula_text == f"sigmoid(1×0.5 + ({MINUS}2)×0.25 + 0.5) = 0.622"
    assert heights(explorer.artists) == pytest.approx([0.5, -0.5, 0.5, 0.5])


def test_full_explorer_refuses_bad_starting_values_in_plain_words():
    with pytest.raises(ValueError, match="weights has 2 entries but inputs has 3"):
        BiasActivationExplorer(weights=[0.5, 0.3])
    with pytest.raises(ValueError, match="activation should be a function, None, or one of"):
        BiasActivationExplorer(activation="softmax")
    with pytest.raises(ValueError, match="the explorer offers the activations"):
        BiasActivationExplorer(activation=abs)
    with pytest.raises(TypeError, match="bias must be a number"):
        BiasActivationExplorer(bias="one")


def test_full_explorer_text_plain_form(full):
    assert full._repr_mimebundle_()["text/plain"] == (
        "BiasActivationExplorer(inputs=[2.0, 3.0, 5.0], weights=[0.5, 0.3, 0.2], bias=-1.0, activation='ReLU')"
    )


def test_full_explorer_shows_a_plain_message_if_the_curve_cannot_be_drawn(full, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("no <curve> today")

    monkeypatch.setattr(plots, "update_activation_plot", broken)
    full.bias_slider.value = 0.0  # must not raise
    assert "These values cannot be shown: no &lt;curve&gt; today" in full.formula.value
    monkeypatch.undo()
    full.bias_slider.value = 1.0
    assert full.formula_text == "ReLU(2×0.5 + 3×0.3 + 5×0.2 + 1) = 3.9"
    assert "nnbh-error" not in full.formula.value


def test_the_neuron_explorer_of_chapter_01_is_unchanged_by_the_bias_and_activation():
    explorer = NeuronExplorer(inputs=[2, 3, 5], weights=[0.5, 0.3, 0.2])
    assert not hasattr(explorer, "bias_slider")
    assert explorer.formula_text == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"
    assert len(explorer.figure.axes) == 1


# ---------------------------------------------------------------------------
# helpers.plots for chapter 02, on their own
# ---------------------------------------------------------------------------

def test_contribution_bars_with_a_bias_end_with_the_bias_and_z():
    artists = plots.contribution_bars([2, -3, 5], [0.5, 0.25, -0.2], bias=0.5)
    assert heights(artists) == pytest.approx([1.0, -0.75, -1.0, 0.5, -0.25])
    assert label_texts(artists) == ["1", f"{MINUS}0.75", f"{MINUS}1", "0.5", f"{MINUS}0.25"]
    drawn = plots.update_contribution_bars(artists, [1, 1, 1], [1, 1, 1], bias=-4)
    assert drawn.tolist() == pytest.approx([1, 1, 1, -4, -1])


def test_update_contribution_bars_refuses_a_bias_the_bars_were_not_drawn_for():
    artists = plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="drawn for 4 values, but got 5"):
        plots.update_contribution_bars(artists, [2, 3, 5], [0.5, 0.3, 0.2], bias=1.0)


def test_a_small_negative_bias_bar_does_not_shrink_the_range_below_zero():
    artists = plots.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2], bias=-0.1)
    bottom, top = artists["bars"][0].axes.get_ylim()
    assert top == 5 and bottom <= -0.25 * top


def test_describe_contributions_with_a_bias_names_the_bias_and_z():
    assert plots.describe_contributions([1.0, 0.9, 1.0, -1.0, 1.9], bias=True) == (
        f"Contributions: x1·w1 = 1, x2·w2 = 0.9, x3·w3 = 1; bias = {MINUS}1; z = 1.9."
    )


def test_activation_plot_without_axes_and_its_summary():
    before = plt.get_fignums()
    artists = plots.activation_plot("tanh", -0.5)
    assert plt.get_fignums() == before
    assert set(artists) == {"curve", "guide", "marker", "label", "title"}
    z, y = plots.update_activation_plot(artists, "sigmoid", 0.0)
    assert (z, y) == (0.0, 0.5)
    assert plots.describe_activation("sigmoid", z, y) == "On the sigmoid curve, the marker sits at z = 0, output 0.5."


def test_activation_plot_refuses_an_unknown_activation():
    with pytest.raises(ValueError, match="activation should be"):
        plots.activation_plot("softmax", 1.0)


def test_neuron_flow_writes_every_step_of_the_chapter_neuron():
    artists = plots.neuron_flow([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation="ReLU")
    assert [t.get_text() for t in artists["stages"]] == [
        "inputs", "× weights", "add", "+ bias", "activation", "output"]
    assert [t.get_text() for t in artists["boxes"]] == [
        "x1 = 2", "x2 = 3", "x3 = 5", "2×0.5 = 1", "3×0.3 = 0.9", "5×0.2 = 1",
        "sum\n2.9", f"2.9 {MINUS} 1\nz = 1.9", "ReLU(1.9)", "1.9"]


def test_neuron_flow_draws_a_negative_weight_dashed_and_writes_it():
    artists = plots.neuron_flow([2, 3], [0.5, -0.3], bias=1.0, activation=None)
    first, second = artists["arrows"][:2]
    assert first.arrow_patch.get_linestyle() == "-"
    assert second.arrow_patch.get_linestyle() == "--"
    texts = [t.get_text() for t in artists["boxes"]]
    assert f"3×({MINUS}0.3) = {MINUS}0.9" in texts
    assert texts[-2:] == ["none: 1.1", "1.1"]
    ax = first.axes
    assert f"w2 = {MINUS}0.3" in [t.get_text() for t in ax.texts]


def test_curves_gives_each_line_its_own_style_and_a_legend_label():
    figure, ax = plots.new_axes()
    xs = [0, 1, 2]
    lines = plots.curves(xs, {"a": [0, 1, 2], "b": [2, 1, 0], "c": [1, 1, 1]}, ax=ax)
    assert [line.get_linestyle() for line in lines] == ["-", "--", ":"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "c"]
    assert list(lines[1].get_ydata()) == [2, 1, 0]
    with pytest.raises(ValueError, match="b has 2 values but xs has 3"):
        plots.curves(xs, {"b": [1, 2]})


def test_new_axes_row_gives_n_axes_side_by_side():
    figure, axes = plots.new_axes_row(3)
    assert len(axes) == 3 and figure.axes == axes
    _, single = plots.new_axes_row(1)
    assert len(single) == 1


# ===========================================================================
# Chapter 03: LayerExplorer, and the network diagram
# ===========================================================================

X0 = [2, 3, 5]
W0 = [[0.5, 0.3, 0.2], [1, 0, -1], [-0.5, 1, 0], [0, -0.5, 0.5]]
B0 = [-1, 1, 0.5, -2]


@pytest.fixture
def layer():
    return LayerExplorer()


def set_layer(explorer, x=None, W=None, b=None):
    for control, value in zip(explorer.input_sliders, x or []):
        control.value = value
    for row, values in zip(explorer.weight_sliders, W or []):
        for control, value in zip(row, values):
            control.value = value
    for control, value in zip(explorer.bias_sliders, b or []):
        control.value = value


def loop_layer(x, W, b):
    return [sum(wi * xi for wi, xi in zip(row, x)) + bias for row, bias in zip(W, b)]


def test_layer_explorer_labels_every_slider_with_its_numpy_index(layer):
    assert [s.description for s in layer.input_sliders] == ["x[0]", "x[1]", "x[2]"]
    assert [[s.description for s in row] for row in layer.weight_sliders] == [
        [f"W[{j},{i}]" for i in range(3)] for j in range(4)]
    assert [s.description for s in layer.bias_sliders] == ["b[0]", "b[1]", "b[2]", "b[3]"]
    assert layer.x == X0 and layer.W == W0 and layer.b == B0


def test_layer_explorer_lays_the_sliders_out_like_W_and_b(layer):
    grid = next(child for child in layer.widget.children if isinstance(child, widgets.GridBox))
    controls = [c for c in grid.children if isinstance(c, widgets.FloatSlider)]
    assert [c.description for c in controls] == (
        ["x[0]", "x[1]", "x[2]"] + [name for j in range(4) for name in [f"W[{j},0]", f"W[{j},1]", f"W[{j},2]", f"b[{j}]"]]
    )
    assert grid.layout.grid_template_columns.startswith("repeat(4,")


def test_layer_explorer_carries_the_css_classes_the_browser_tests_use(layer):
    assert {"nnbh-explorer", "nnbh-layer"} <= set(layer.widget._dom_classes)
    assert "nnbh-formula" in layer.formula._dom_classes
    assert "nnbh-picture" in layer.picture._dom_classes
    assert "nnbh-summary" in layer.summary._dom_classes


def test_layer_explorer_starts_with_one_formula_line_per_neuron(layer):
    assert layer.formula_lines == [
        f"neuron 0: z = 2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1 = 1.9, h = ReLU(1.9) = 1.9",
        f"neuron 1: z = 2×1 + 3×0 + 5×({MINUS}1) + 1 = {MINUS}2, h = ReLU({MINUS}2) = 0",
        f"neuron 2: z = 2×({MINUS}0.5) + 3×1 + 5×0 + 0.5 = 2.5, h = ReLU(2.5) = 2.5",
        f"neuron 3: z = 2×0 + 3×({MINUS}0.5) + 5×0.5 {MINUS} 2 = {MINUS}1, h = ReLU({MINUS}1) = 0",
    ]
    assert layer.formula_text == "\n".join(layer.formula_lines)
    assert layer.formula_text in layer.formula.value
    assert "white-space:pre-line" in layer.formula.value  # one line per neuron on the page


def test_moving_a_weight_changes_only_its_neuron_line(layer):
    before = layer.formula_lines
    layer.weight_sliders[1][2].value = 0.0
    after = layer.formula_lines
    assert after[1] == "neuron 1: z = 2×1 + 3×0 + 5×0 + 1 = 3, h = ReLU(3) = 3"
    assert [a for j, a in enumerate(after) if j != 1] == [b for j, b in enumerate(before) if j != 1]


def test_moving_a_bias_switches_its_neuron_on(layer):
    layer.bias_sliders[1].value = 4.0
    assert layer.formula_lines[1] == f"neuron 1: z = 2×1 + 3×0 + 5×({MINUS}1) + 4 = 1, h = ReLU(1) = 1"
    assert layer.artists["outputs"][1].get_text() == "z = 1 → h = 1"
    assert layer.artists["biases"][1].get_text() == "b[1] = 4"


def test_moving_an_input_moves_every_neuron(layer):
    layer.input_sliders[0].value = 4.0  # x[0] from 2 to 4: each z[j] moves by 2 × W[j, 0] = 1, 2, −1, 0
    assert [line.split(", h")[0].rsplit("= ", 1)[1] for line in layer.formula_lines] == [
        "2.9", "0", "1.5", f"{MINUS}1"]
    assert [t.get_text() for t in layer.artists["outputs"]] == [
        f"z = {z} → h = {h}" for z, h in [("2.9", "2.9"), ("0", "0"), ("1.5", "1.5"), (f"{MINUS}1", "0")]]
    assert layer.artists["inputs"][0].get_text() == "4"


def edge(layer, j, i):
    return layer.artists["edges"][j][i], layer.artists["edge_labels"][j][i]


def test_edges_are_as_wide_as_their_weight_and_styled_by_sign(layer):
    for j, row in enumerate(W0):
        for i, w in enumerate(row):
            line, label = edge(layer, j, i)
            if w > 0:
                assert (line.get_linestyle(), line.get_color()) == ("-", plots.POSITIVE)
            elif w < 0:
                assert (line.get_linestyle(), line.get_color()) == ("--", plots.NEGATIVE)
            else:
                assert line.get_linestyle() == ":"
            assert line.get_linewidth() == pytest.approx(max(0.6, 3.0 * abs(w)))
            assert label.get_text() == ("0" if w == 0 else f"{abs(w):g}" if w > 0 else f"{MINUS}{abs(w):g}")


def test_an_edge_follows_its_weight_slider(layer):
    layer.weight_sliders[2][0].value = 1.5  # W[2,0] from −0.5 to 1.5
    line, label = edge(layer, 2, 0)
    assert (line.get_linestyle(), line.get_linewidth(), label.get_text()) == ("-", pytest.approx(4.5), "1.5")
    layer.weight_sliders[2][0].value = -0.25
    assert (line.get_linestyle(), line.get_linewidth(), label.get_text()) == ("--", pytest.approx(0.75), f"{MINUS}0.25")
    layer.weight_sliders[2][0].value = 0.0
    assert (line.get_linestyle(), line.get_linewidth(), label.get_text()) == (":", pytest.approx(0.6), "0")


def test_edge_j_i_runs_from_input_i_to_neuron_j(layer):
    for j in range(4):
        for i in range(3):
            line, label = edge(layer, j, i)
            start = layer.artists["inputs"][i].get_position()
            end = layer.artists["neurons"][j].get_position()
            assert [*line.get_xdata(), *line.get_ydata()] == pytest.approx([start[0], end[0], start[1], end[1]])
            # the label sits on its edge, between the two circles
            (x0, y0), (x1, y1), (lx, ly) = start, end, label.get_position()
            t = (lx - x0) / (x1 - x0)
            assert 0 < t < 1 and ly == pytest.approx(y0 + t * (y1 - y0))
    assert [t.get_text() for t in layer.artists["neurons"]] == ["0", "1", "2", "3"]


SLIDER_W = np.round(np.arange(-2, 2.05, 0.05), 2).tolist()
SLIDER_B = np.round(np.arange(-5, 5.05, 0.1), 1).tolist()
SHARED_LAYER = LayerExplorer()


@settings(max_examples=8, deadline=None)
@given(
    st.lists(st.sampled_from(SLIDER_INPUTS), min_size=3, max_size=3),
    st.lists(st.lists(st.sampled_from(SLIDER_W), min_size=3, max_size=3), min_size=4, max_size=4),
    st.lists(st.sampled_from(SLIDER_B), min_size=4, max_size=4),
)
def test_layer_formula_edges_and_outputs_follow_any_slider_positions(x, W, b):
    set_layer(SHARED_LAYER, x, W, b)
    z = loop_layer(x, W, b)
    for j, line in enumerate(SHARED_LAYER.formula_lines):
        shown_z = line.split(", h = ")[0].rsplit("= ", 1)[1]
        shown_h = line.rsplit("= ", 1)[1]
        assert float(shown_z.replace(MINUS, "-")) == pytest.approx(z[j], abs=0.0005)
        assert float(shown_h.replace(MINUS, "-")) == pytest.approx(max(0.0, z[j]), abs=0.0005)
    for j in range(4):
        for i in range(3):
            line, _ = edge(SHARED_LAYER, j, i)
            assert line.get_linewidth() == pytest.approx(max(0.6, 3.0 * abs(W[j][i])))
            assert line.get_linestyle() == ("-" if W[j][i] > 0 else "--" if W[j][i] < 0 else ":")


def test_layer_summary_says_what_the_diagram_shows(layer):
    assert layer.summary.value == (
        f"Inputs x = [2, 3, 5]; z = [1.9, {MINUS}2, 2.5, {MINUS}1]; ReLU outputs h = [1.9, 0, 2.5, 0]. "
        "12 edges: 6 solid (positive), 3 dashed (negative), 3 dotted (zero)."
    )


def test_layer_summary_counts_the_edge_styles_actually_drawn(layer):
    set_layer(layer, W=[[1, 1, 1], [1, 1, 1], [-1, -1, -1], [0, 1, -1]])
    styles = [line.get_linestyle() for row in layer.artists["edges"] for line in row]
    assert layer.summary.value.endswith(
        f"12 edges: {styles.count('-')} solid (positive), {styles.count('--')} dashed (negative), "
        f"{styles.count(':')} dotted (zero)."
    )
    assert (styles.count("-"), styles.count("--"), styles.count(":")) == (7, 4, 1)


def test_layer_explorer_moves_its_artists_instead_of_drawing_new_ones(layer):
    ax = layer.figure.axes[0]
    counts = (len(ax.lines), len(ax.texts))
    set_layer(layer, [1, 1, 1], [[0.1] * 3] * 4, [0, 0, 0, 0])
    assert (len(ax.lines), len(ax.texts)) == counts
    assert layer.figure.axes == [ax]


def test_layer_picture_changes_and_comes_back(layer):
    before = picture_bytes(layer)
    assert before.startswith(PNG_SIGNATURE)
    layer.weight_sliders[0][0].value = -1.0
    assert picture_bytes(layer) != before
    layer.weight_sliders[0][0].value = 0.5
    assert picture_bytes(layer) == before


def test_layer_explorer_of_another_size():
    explorer = LayerExplorer(x=[1, 2], W=[[1, -1], [0.5, 0.5]], b=[0, 1])
    assert [[s.description for s in row] for row in explorer.weight_sliders] == [
        ["W[0,0]", "W[0,1]"], ["W[1,0]", "W[1,1]"]]
    assert explorer.formula_lines == [
        f"neuron 0: z = 1×1 + 2×({MINUS}1) + 0 = {MINUS}1, h = ReLU({MINUS}1) = 0",
        "neuron 1: z = 1×0.5 + 2×0.5 + 1 = 2.5, h = ReLU(2.5) = 2.5",
    ]


def test_layer_explorer_refuses_a_transposed_W_before_building_anything():
    with pytest.raises(ValueError, match=r"It looks transposed: try W\.T"):
        LayerExplorer(W=np.array(W0).T)


def test_layer_explorer_shows_a_plain_message_if_the_diagram_cannot_be_drawn(layer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("diagram <lost>")

    monkeypatch.setattr(plots, "update_layer_diagram", broken)
    layer.bias_sliders[0].value = 0.0
    assert "These values cannot be shown: diagram &lt;lost&gt;" in layer.formula.value
    monkeypatch.undo()
    layer.bias_sliders[0].value = 0.5
    assert layer.formula_lines[0] == "neuron 0: z = 2×0.5 + 3×0.3 + 5×0.2 + 0.5 = 3.4, h = ReLU(3.4) = 3.4"


def test_layer_explorer_text_plain_form(layer):
    assert layer._repr_mimebundle_()["text/plain"] == (
        "LayerExplorer(x=[2.0, 3.0, 5.0], W=[[0.5, 0.3, 0.2], [1.0, 0.0, -1.0], [-0.5, 1.0, 0.0], "
        "[0.0, -0.5, 0.5]], b=[-1.0, 1.0, 0.5, -2.0])"
    )


def test_layer_explorer_draws_on_a_figure_not_through_pyplot():
    before = plt.get_fignums()
    LayerExplorer().weight_sliders[0][0].value = 0.1
    assert plt.get_fignums() == before


def test_layer_diagram_without_axes_and_refusing_another_shape():
    artists = plots.layer_diagram(X0, W0, B0)
    assert len(artists["edges"]) == 4 and all(len(row) == 3 for row in artists["edges"])
    with pytest.raises(ValueError, match=r"drawn for W of shape \(4, 3\), but got W of shape \(2, 3\)"):
        plots.update_layer_diagram(artists, X0, W0[:2], B0[:2])


def test_edge_style_by_hand():
    assert plots.edge_style(0.5) == plots.EdgeStyle(1.5, "-", plots.POSITIVE, "0.5")
    assert plots.edge_style(-2) == plots.EdgeStyle(6.0, "--", plots.NEGATIVE, f"{MINUS}2")
    assert plots.edge_style(0.1).width == 0.6  # never thinner than this, so it stays visible
    assert plots.edge_style(0).linestyle == ":"


def test_describe_layer_diagram_of_a_drawing():
    drawing = plots.layer_drawing([1, 2], [[1, -1], [0, 2]], [0.5, -5])
    assert drawing.z.tolist() == [-0.5, -1.0] and drawing.h.tolist() == [0, 0]
    assert plots.describe_layer_diagram(drawing) == (
        f"Inputs x = [1, 2]; z = [{MINUS}0.5, {MINUS}1]; ReLU outputs h = [0, 0]. "
        "4 edges: 2 solid (positive), 1 dashed (negative), 1 dotted (zero)."
    )


# ===========================================================================
# The fast picture: blitting with cached texts, and the PNG writer
# ===========================================================================

def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA")).astype(int)


def test_png_bytes_decode_to_exactly_the_pixels_given():
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    data = plots.png_bytes(pixels)
    assert data.startswith(PNG_SIGNATURE)
    assert (decode(data) == pixels).all()


@pytest.mark.parametrize("make", [NeuronExplorer, BiasActivationExplorer, LayerExplorer])
def test_the_live_picture_looks_like_a_full_redraw(make):
    """Blitting and the text cache may differ from a full redraw only in a few edge pixels."""
    explorer = make()
    for control in list(explorer._controls())[:2]:
        if isinstance(control, widgets.FloatSlider):
            control.value = control.min + 0.25 * (control.max - control.min)
    live = decode(picture_bytes(explorer))
    for artist in explorer.live.moving:
        artist.set_animated(False)
    full = decode(plots.figure_png(explorer.figure))
    difference = np.abs(live - full).max(axis=2)
    assert live.shape == full.shape
    assert (difference > 3).sum() <= 0.0005 * difference.size


def test_texts_are_drawn_once_and_then_reused(layer):
    sprites = layer.live._sprites
    n = len(sprites)
    assert n >= 12 + 3 + 4 + 4 + 4  # every edge label, input, neuron, bias and output text
    layer.weight_sliders[0][0].value = 0.55  # changes one edge label and one output text
    assert len(sprites) == n + 2
    layer.weight_sliders[0][0].value = 0.5  # back to texts already drawn
    assert len(sprites) == n + 2
