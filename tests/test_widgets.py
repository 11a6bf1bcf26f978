"""Headless tests of what each explorer shows (``helpers.explorers``: chapters 01, 02, 03, 05 and 07)
and of the pictures they draw with (``helpers.pictures``, ``helpers.drawing``). What every explorer
promises (CSS classes, no pyplot, text before picture, a plain message on failure…) is tested once,
over all of them, in tests/test_explorers.py.

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

from helpers import drawing, formulas, pictures
from helpers import plane as geometry
from helpers.explorers import BiasActivationExplorer, LayerExplorer, NeuronExplorer

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


def picture_bytes(explorer):
    return bytes(explorer.picture.value)  # the Image widget may hold a memoryview


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

# ---------------------------------------------------------------------------
# helpers.plots on its own, with ax=None
# ---------------------------------------------------------------------------

def test_contribution_bars_without_axes_makes_its_own_figure():
    before = plt.get_fignums()
    artists = pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    assert set(artists) == {"bars", "labels", "zero"}
    assert isinstance(artists["bars"][0].figure, Figure)
    assert plt.get_fignums() == before


def test_contribution_bars_heights_labels_and_names():
    artists = pictures.bars.contribution_bars([2, -3, 5], [0.5, 0.25, -0.2])
    assert heights(artists) == pytest.approx([1.0, -0.75, -1.0, -0.75])
    assert label_texts(artists) == ["1", f"{MINUS}0.75", f"{MINUS}1", f"{MINUS}0.75"]
    ax = artists["bars"][0].axes
    ax.figure.canvas.draw()
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["x1·w1", "x2·w2", "x3·w3", "sum"]
    assert ax.get_ylabel() == "contribution"


def test_contribution_bars_draws_on_the_axes_it_is_given():
    figure, ax = drawing.new_axes()
    artists = pictures.bars.contribution_bars([1, 2], [3, 4], ax=ax)
    assert artists["bars"][0].axes is ax
    assert len(ax.patches) == 3
    assert heights(artists) == pytest.approx([3.0, 8.0, 11.0])


def test_update_contribution_bars_moves_the_bars_and_returns_the_heights():
    artists = pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    drawn = pictures.bars.update_contribution_bars(artists, [1, -2, 4], [0.5, 0.5, -0.25])
    assert drawn.tolist() == pytest.approx([0.5, -1.0, -1.0, -1.5])
    assert heights(artists) == pytest.approx([0.5, -1.0, -1.0, -1.5])
    assert [bar.get_hatch() or "" for bar in artists["bars"]] == ["", "//", "//", "//"]


def test_update_contribution_bars_refuses_mismatched_lengths_in_plain_words():
    artists = pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="weights has 2 entries but inputs has 3"):
        pictures.bars.update_contribution_bars(artists, [1, 2, 3], [1, 2])


def test_contribution_bars_refuses_mismatched_lengths_in_plain_words():
    with pytest.raises(ValueError, match="weights has 1 entries but inputs has 2"):
        pictures.bars.contribution_bars([1, 2], [3])


def test_describe_contributions_writes_each_height_and_the_sum():
    assert pictures.bars.describe_contributions([1.0, -0.75, 0.25]) == (
        f"Contributions: x1·w1 = 1, x2·w2 = {MINUS}0.75; sum = 0.25."
    )


def test_describe_contributions_rounds_to_two_decimals():
    assert pictures.bars.describe_contributions([0.123, 0.456, 0.579]) == (
        "Contributions: x1·w1 = 0.12, x2·w2 = 0.46; sum = 0.58."
    )


def test_figure_png_gives_png_bytes_of_a_figure_without_pyplot():
    figure, ax = drawing.new_axes()
    pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2], ax=ax)
    data = drawing.figure_png(figure)
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 1000


def test_new_axes_gives_a_figure_with_one_axes_outside_pyplot():
    before = plt.get_fignums()
    figure, ax = drawing.new_axes()
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


def test_full_explorer_carries_the_css_class_of_its_activation_buttons(full):
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


def test_the_neuron_explorer_of_chapter_01_is_unchanged_by_the_bias_and_activation():
    explorer = NeuronExplorer(inputs=[2, 3, 5], weights=[0.5, 0.3, 0.2])
    assert not hasattr(explorer, "bias_slider")
    assert explorer.formula_text == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"
    assert len(explorer.figure.axes) == 1


# ---------------------------------------------------------------------------
# helpers.plots for chapter 02, on their own
# ---------------------------------------------------------------------------

def test_contribution_bars_with_a_bias_end_with_the_bias_and_z():
    artists = pictures.bars.contribution_bars([2, -3, 5], [0.5, 0.25, -0.2], bias=0.5)
    assert heights(artists) == pytest.approx([1.0, -0.75, -1.0, 0.5, -0.25])
    assert label_texts(artists) == ["1", f"{MINUS}0.75", f"{MINUS}1", "0.5", f"{MINUS}0.25"]
    drawn = pictures.bars.update_contribution_bars(artists, [1, 1, 1], [1, 1, 1], bias=-4)
    assert drawn.tolist() == pytest.approx([1, 1, 1, -4, -1])


def test_update_contribution_bars_refuses_a_bias_the_bars_were_not_drawn_for():
    artists = pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="drawn for 4 values, but got 5"):
        pictures.bars.update_contribution_bars(artists, [2, 3, 5], [0.5, 0.3, 0.2], bias=1.0)


def test_a_small_negative_bias_bar_does_not_shrink_the_range_below_zero():
    artists = pictures.bars.contribution_bars([2, 3, 5], [0.5, 0.3, 0.2], bias=-0.1)
    bottom, top = artists["bars"][0].axes.get_ylim()
    assert top == 5 and bottom <= -0.25 * top


def test_describe_contributions_with_a_bias_names_the_bias_and_z():
    assert pictures.bars.describe_contributions([1.0, 0.9, 1.0, -1.0, 1.9], bias=True) == (
        f"Contributions: x1·w1 = 1, x2·w2 = 0.9, x3·w3 = 1; bias = {MINUS}1; z = 1.9."
    )


def test_activation_plot_without_axes_and_its_summary():
    before = plt.get_fignums()
    artists = pictures.activation.activation_plot("tanh", -0.5)
    assert plt.get_fignums() == before
    assert set(artists) == {"curve", "guide", "marker", "label", "title"}
    z, y = pictures.activation.update_activation_plot(artists, "sigmoid", 0.0)
    assert (z, y) == (0.0, 0.5)
    assert pictures.activation.describe_activation("sigmoid", z, y) == "On the sigmoid curve, the marker sits at z = 0, output 0.5."


def test_activation_plot_refuses_an_unknown_activation():
    with pytest.raises(ValueError, match="activation should be"):
        pictures.activation.activation_plot("softmax", 1.0)


def test_neuron_flow_writes_every_step_of_the_chapter_neuron():
    artists = pictures.activation.neuron_flow([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation="ReLU")
    assert [t.get_text() for t in artists["stages"]] == [
        "inputs", "× weights", "add", "+ bias", "activation", "output"]
    assert [t.get_text() for t in artists["boxes"]] == [
        "x1 = 2", "x2 = 3", "x3 = 5", "2×0.5 = 1", "3×0.3 = 0.9", "5×0.2 = 1",
        "sum\n2.9", f"2.9 {MINUS} 1\nz = 1.9", "ReLU(1.9)", "1.9"]


def test_neuron_flow_draws_a_negative_weight_dashed_and_writes_it():
    artists = pictures.activation.neuron_flow([2, 3], [0.5, -0.3], bias=1.0, activation=None)
    first, second = artists["arrows"][:2]
    assert first.arrow_patch.get_linestyle() == "-"
    assert second.arrow_patch.get_linestyle() == "--"
    texts = [t.get_text() for t in artists["boxes"]]
    assert f"3×({MINUS}0.3) = {MINUS}0.9" in texts
    assert texts[-2:] == ["none: 1.1", "1.1"]
    ax = first.axes
    assert f"w2 = {MINUS}0.3" in [t.get_text() for t in ax.texts]


def test_curves_gives_each_line_its_own_style_and_a_legend_label():
    figure, ax = drawing.new_axes()
    xs = [0, 1, 2]
    lines = pictures.bars.curves(xs, {"a": [0, 1, 2], "b": [2, 1, 0], "c": [1, 1, 1]}, ax=ax)
    assert [line.get_linestyle() for line in lines] == ["-", "--", ":"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "c"]
    assert list(lines[1].get_ydata()) == [2, 1, 0]
    with pytest.raises(ValueError, match="b has 2 values but xs has 3"):
        pictures.bars.curves(xs, {"b": [1, 2]})


def test_new_axes_row_gives_n_axes_side_by_side():
    figure, axes = drawing.new_axes_row(3)
    assert len(axes) == 3 and figure.axes == axes
    _, single = drawing.new_axes_row(1)
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
                assert (line.get_linestyle(), line.get_color()) == ("-", drawing.POSITIVE)
            elif w < 0:
                assert (line.get_linestyle(), line.get_color()) == ("--", drawing.NEGATIVE)
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


def test_layer_explorer_text_plain_form(layer):
    assert layer._repr_mimebundle_()["text/plain"] == (
        "LayerExplorer(x=[2.0, 3.0, 5.0], W=[[0.5, 0.3, 0.2], [1.0, 0.0, -1.0], [-0.5, 1.0, 0.0], "
        "[0.0, -0.5, 0.5]], b=[-1.0, 1.0, 0.5, -2.0])"
    )


def test_layer_diagram_without_axes_and_refusing_another_shape():
    artists = pictures.layer.layer_diagram(X0, W0, B0)
    assert len(artists["edges"]) == 4 and all(len(row) == 3 for row in artists["edges"])
    with pytest.raises(ValueError, match=r"drawn for W of shape \(4, 3\), but got W of shape \(2, 3\)"):
        pictures.layer.update_layer_diagram(artists, X0, W0[:2], B0[:2])


def test_edge_style_by_hand():
    assert pictures.diagrams.edge_style(0.5) == pictures.diagrams.EdgeStyle(1.5, "-", drawing.POSITIVE, "0.5")
    assert pictures.diagrams.edge_style(-2) == pictures.diagrams.EdgeStyle(6.0, "--", drawing.NEGATIVE, f"{MINUS}2")
    assert pictures.diagrams.edge_style(0.1).width == 0.6  # never thinner than this, so it stays visible
    assert pictures.diagrams.edge_style(0).linestyle == ":"


def test_describe_layer_diagram_of_a_drawing():
    drawing = pictures.layer.layer_drawing([1, 2], [[1, -1], [0, 2]], [0.5, -5])
    assert drawing.z.tolist() == [-0.5, -1.0] and drawing.h.tolist() == [0, 0]
    assert pictures.layer.describe_layer_diagram(drawing) == (
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
    data = drawing.png_bytes(pixels)
    assert data.startswith(PNG_SIGNATURE)
    assert (decode(data) == pixels).all()


def test_texts_are_drawn_once_and_then_reused(layer):
    sprites = layer.live._sprites
    n = len(sprites)
    assert n >= 12 + 3 + 4 + 4 + 4  # every edge label, input, neuron, bias and output text
    layer.weight_sliders[0][0].value = 0.55  # changes one edge label and one output text
    assert len(sprites) == n + 2
    layer.weight_sliders[0][0].value = 0.5  # back to texts already drawn
    assert len(sprites) == n + 2


# ===========================================================================
# Chapters 04 and 05: NetworkExplorer, the network diagram, the bends
# ===========================================================================

from helpers.explorer import slider_table  # noqa: E402
from helpers.explorers import NetworkExplorer  # noqa: E402
from helpers.explorers.layer import layer_sliders  # noqa: E402

NET_W2 = [[1, 0.5, -1, 1], [0.5, -1, 1, 0.5]]
NET_B2 = [0.5, -1]


@pytest.fixture
def network():
    return NetworkExplorer()


def set_network(explorer, x=None, W1=None, b1=None, W2=None, b2=None):
    for control, value in zip(explorer.input_sliders, x or []):
        control.value = value
    for rows, values in [(explorer.W1_sliders, W1 or []), (explorer.W2_sliders, W2 or [])]:
        for row, row_values in zip(rows, values):
            for control, value in zip(row, row_values):
                control.value = value
    for controls, values in [(explorer.b1_sliders, b1 or []), (explorer.b2_sliders, b2 or [])]:
        for control, value in zip(controls, values):
            control.value = value


def loop_network(x, W1, b1, W2, b2):
    """Every value of the network with ReLU in both layers, with plain loops."""
    z1 = loop_layer(x, W1, b1)
    h = [max(0.0, z) for z in z1]
    z2 = loop_layer(h, W2, b2)
    return z1, h, z2, [max(0.0, z) for z in z2]


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


def texts(explorer, key):
    return [text.get_text() for text in explorer.artists[key]]


def test_network_explorer_labels_every_slider_with_its_numpy_index(network):
    assert [s.description for s in network.input_sliders] == ["x[0]", "x[1]", "x[2]"]
    assert [[s.description for s in row] for row in network.W1_sliders] == [
        [f"W1[{j},{i}]" for i in range(3)] for j in range(4)]
    assert [s.description for s in network.b1_sliders] == [f"b1[{j}]" for j in range(4)]
    assert [[s.description for s in row] for row in network.W2_sliders] == [
        [f"W2[{k},{j}]" for j in range(4)] for k in range(2)]
    assert [s.description for s in network.b2_sliders] == ["b2[0]", "b2[1]"]
    assert (network.x, network.W1, network.b1, network.W2, network.b2) == (X0, W0, B0, NET_W2, NET_B2)


def test_network_explorer_lays_each_layer_out_like_W_and_b(network):
    grids = [child for child in network.widget.children if isinstance(child, widgets.GridBox)]
    names = [[c.description for c in grid.children if isinstance(c, widgets.FloatSlider)] for grid in grids]
    assert names == [
        ["x[0]", "x[1]", "x[2]"]
        + [name for j in range(4) for name in [*[f"W1[{j},{i}]" for i in range(3)], f"b1[{j}]"]],
        [name for k in range(2) for name in [*[f"W2[{k},{j}]" for j in range(4)], f"b2[{k}]"]],
    ]
    assert [grid.layout.grid_template_columns.split(",")[0] for grid in grids] == ["repeat(4", "repeat(5"]


def test_every_one_of_the_29_sliders_is_in_view_with_nothing_folded_away(network):
    found = list(all_widgets(network.widget))
    sliders = [w for w in found if isinstance(w, widgets.FloatSlider)]
    assert len(sliders) == 3 + 3 * 4 + 4 + 4 * 2 + 2 == len(network.controls())
    assert not [w for w in found if isinstance(w, (widgets.Tab, widgets.Accordion, widgets.Stack))]
    for w in found:
        assert w.layout.display != "none" and w.layout.visibility != "hidden"
    assert all(s.continuous_update for s in sliders)


def test_network_explorer_starts_with_one_formula_line_per_neuron(network):
    assert network.formula_lines[1] == (
        f"hidden 1: z1[1] = 2×1 + 3×0 + 5×({MINUS}1) + 1 = {MINUS}2, h[1] = ReLU({MINUS}2) = 0")
    assert network.formula_lines[4] == (
        f"output 0: z2[0] = 1.9×1 + 0×0.5 + 2.5×({MINUS}1) + 0×1 + 0.5 = {MINUS}0.1, y[0] = ReLU({MINUS}0.1) = 0")
    assert network.formula_lines[5].endswith("= 2.45, y[1] = ReLU(2.45) = 2.45")
    assert network.formula_text == "\n".join(network.formula_lines)
    assert network.formula_text in network.formula.value and "white-space:pre-line" in network.formula.value


def test_network_diagram_shows_every_value_on_its_node(network):
    assert texts(network, "inputs") == ["2", "3", "5"]
    assert texts(network, "z1") == ["1.9", f"{MINUS}2", "2.5", f"{MINUS}1"]
    assert texts(network, "h") == ["1.9", "0", "2.5", "0"]
    assert texts(network, "z2") == [f"{MINUS}0.1", "2.45"]
    assert texts(network, "y") == ["0", "2.45"]
    assert texts(network, "biases1") == [f"b1[0] = {MINUS}1", "b1[1] = 1", "b1[2] = 0.5", f"b1[3] = {MINUS}2"]
    assert texts(network, "biases2") == ["b2[0] = 0.5", f"b2[1] = {MINUS}1"]


def linestyles(explorer, key):
    return [box.get_linestyle() for box in explorer.artists[key]]


def test_neurons_that_relu_switched_off_have_dashed_boxes(network):
    assert linestyles(network, "hidden_boxes") == ["-", "--", "-", "--"]
    assert linestyles(network, "output_boxes") == ["--", "-"]
    network.b2_sliders[0].value = 1.0  # z2[0] from −0.1 to 0.4: output 0 switches on
    assert linestyles(network, "output_boxes") == ["-", "-"]
    assert texts(network, "y")[0] == "0.4"
    assert network.formula_lines[4].endswith("= 0.4, y[0] = ReLU(0.4) = 0.4")


def test_a_weight_out_of_a_neuron_that_is_off_changes_nothing_downstream(network):
    before = texts(network, "z2"), texts(network, "y")
    network.W2_sliders[0][1].value = 2.0  # hidden neuron 1 is off: h[1] = 0
    assert network.formula_lines[4] == (
        f"output 0: z2[0] = 1.9×1 + 0×2 + 2.5×({MINUS}1) + 0×1 + 0.5 = {MINUS}0.1, y[0] = ReLU({MINUS}0.1) = 0")
    assert (texts(network, "z2"), texts(network, "y")) == before
    assert network.artists["edge_labels2"][0][1].get_text() == "2"


def test_moving_an_input_moves_the_hidden_values_it_reaches_and_the_outputs(network):
    network.input_sliders[2].value = 6.0  # x[2] from 5 to 6: z1 moves by W1[:, 2] = 0.2, −1, 0, 0.5
    assert texts(network, "z1") == ["2.1", f"{MINUS}3", "2.5", f"{MINUS}0.5"]
    assert texts(network, "h") == ["2.1", "0", "2.5", "0"]
    # z2 = W2 @ [2.1, 0, 2.5, 0] + b2, by hand: 2.1 − 2.5 + 0.5 and 1.05 + 2.5 − 1
    assert texts(network, "z2") == ["0.1", "2.55"]
    assert texts(network, "y") == ["0.1", "2.55"]


def edge_of(explorer, layer, row, column):
    return explorer.artists[f"edges{layer}"][row][column], explorer.artists[f"edge_labels{layer}"][row][column]


def test_edges_of_both_layers_follow_their_weight_sliders(network):
    network.W1_sliders[2][0].value = 1.5
    line, label = edge_of(network, 1, 2, 0)
    assert (line.get_linestyle(), line.get_linewidth(), label.get_text()) == ("-", pytest.approx(4.5), "1.5")
    network.W2_sliders[1][3].value = -0.25
    line, label = edge_of(network, 2, 1, 3)
    assert (line.get_linestyle(), line.get_linewidth(), label.get_text()) == ("--", pytest.approx(0.75), f"{MINUS}0.25")
    network.W2_sliders[1][3].value = 0.0
    assert (line.get_linestyle(), line.get_color()) == (":", drawing.ZERO)


def test_edges_run_between_the_nodes_they_join(network):
    for j in range(4):
        for i in range(3):
            line, _ = edge_of(network, 1, j, i)
            (x0, x1), (y0, y1) = line.get_xdata(), line.get_ydata()
            assert (x0, y0) == pytest.approx(network.artists["inputs"][i].get_position())
            assert x1 < pictures.network.HIDDEN_X and y1 == pytest.approx(network.artists["z1"][j].get_position()[1] - pictures.network.ROW)
    for k in range(2):
        for j in range(4):
            line, _ = edge_of(network, 2, k, j)
            (x0, x1), (y0, y1) = line.get_xdata(), line.get_ydata()
            assert pictures.network.HIDDEN_X < x0 < x1 < pictures.network.OUTPUT_X


SLIDER_NET_X = np.arange(-10, 10.5, 0.5).tolist()
SHARED_NETWORK = NetworkExplorer()


@settings(max_examples=8, deadline=None)
@given(
    st.lists(st.sampled_from(SLIDER_NET_X), min_size=3, max_size=3),
    st.lists(st.lists(st.sampled_from(SLIDER_W), min_size=3, max_size=3), min_size=4, max_size=4),
    st.lists(st.sampled_from(SLIDER_B), min_size=4, max_size=4),
    st.lists(st.lists(st.sampled_from(SLIDER_W), min_size=4, max_size=4), min_size=2, max_size=2),
    st.lists(st.sampled_from(SLIDER_B), min_size=2, max_size=2),
)
def test_network_formula_and_diagram_follow_any_slider_positions(x, W1, b1, W2, b2):
    set_network(SHARED_NETWORK, x, W1, b1, W2, b2)
    z1, h, z2, y = loop_network(x, W1, b1, W2, b2)
    lines = SHARED_NETWORK.formula_lines
    for line, z, a in zip(lines, [*z1, *z2], [*h, *y]):
        z_part, a_part = line.split(", h[" if line.startswith("hidden") else ", y[")
        assert float(z_part.rsplit("= ", 1)[1].replace(MINUS, "-")) == pytest.approx(z, abs=0.0005 + 1e-9)
        assert float(a_part.rsplit("= ", 1)[1].replace(MINUS, "-")) == pytest.approx(a, abs=0.0005 + 1e-9)
    for key, values in [("z1", z1), ("h", h), ("z2", z2), ("y", y)]:
        shown = [float(t.replace(MINUS, "-")) for t in texts(SHARED_NETWORK, key)]
        assert shown == pytest.approx(values, abs=0.005 + 1e-9)
    assert linestyles(SHARED_NETWORK, "hidden_boxes") == ["--" if a == 0 else "-" for a in h]
    for k in range(2):
        for j in range(4):
            line, _ = edge_of(SHARED_NETWORK, 2, k, j)
            assert line.get_linewidth() == pytest.approx(max(0.6, 3.0 * abs(W2[k][j])))


def test_network_summary_says_what_the_diagram_shows(network):
    assert network.summary.value == (
        f"Inputs x = [2, 3, 5]; hidden z1 = [1.9, {MINUS}2, 2.5, {MINUS}1], h = [1.9, 0, 2.5, 0]; "
        f"outputs z2 = [{MINUS}0.1, 2.45], y = [0, 2.45]. "
        "Neurons off (ReLU gives 0, dashed box): hidden 1, hidden 3, output 0. "
        "Layer 1: 12 edges: 6 solid (positive), 3 dashed (negative), 3 dotted (zero); "
        "layer 2: 8 edges: 6 solid (positive), 2 dashed (negative)."
    )


def test_network_summary_counts_the_dashed_boxes_actually_drawn(network):
    set_network(network, b1=[5, 5, 5, 5], b2=[5, 5])
    dashed = linestyles(network, "hidden_boxes") + linestyles(network, "output_boxes")
    assert dashed.count("--") == 0
    assert "Neurons off (ReLU gives 0, dashed box): none." in network.summary.value


def test_network_explorer_of_another_size():
    explorer = NetworkExplorer(x=[1, 2], W1=[[1, -1], [0.5, 0.5], [0, 1]], b1=[0, 1, -1], W2=[[1, 1, 1]], b2=[0])
    assert [[s.description for s in row] for row in explorer.W2_sliders] == [["W2[0,0]", "W2[0,1]", "W2[0,2]"]]
    assert explorer.formula_lines[-1] == "output 0: z2[0] = 0×1 + 2.5×1 + 1×1 + 0 = 3.5, y[0] = ReLU(3.5) = 3.5"
    assert len(explorer.artists["edges2"]) == 1 and len(explorer.artists["edges2"][0]) == 3


def test_network_explorer_refuses_a_transposed_W2_or_a_batch_before_building_anything():
    with pytest.raises(ValueError, match=r"W2 should have shape \(n_outputs, n_hidden\) = \(4, 4\)"):
        NetworkExplorer(W2=np.array(NET_W2).T)
    with pytest.raises(ValueError, match="x should be 1-D, but it is 2-D"):
        NetworkExplorer(x=[[2, 3, 5]])


def test_network_explorer_text_plain_form(network):
    assert network._repr_mimebundle_()["text/plain"] == (
        "NetworkExplorer(x=[2.0, 3.0, 5.0], W1=[[0.5, 0.3, 0.2], [1.0, 0.0, -1.0], [-0.5, 1.0, 0.0], "
        "[0.0, -0.5, 0.5]], b1=[-1.0, 1.0, 0.5, -2.0], W2=[[1.0, 0.5, -1.0, 1.0], [0.5, -1.0, 1.0, 0.5]], "
        "b2=[0.5, -1.0])"
    )


# ---------------------------------------------------------------------------
# helpers.plots on its own: the network diagram and the bends
# ---------------------------------------------------------------------------

def test_network_diagram_without_axes_and_without_output_activation():
    before = plt.get_fignums()
    artists = pictures.network.network_diagram(X0, W0, B0, [[1, -1, 0.5, 1]], [0.5], output_activation=None)
    assert plt.get_fignums() == before
    ax = artists["edges1"][0][0].axes
    assert "output (no activation)" in [t.get_text() for t in ax.texts]
    assert [t.get_text() for t in artists["z2"]] == ["3.65"] and [t.get_text() for t in artists["y"]] == ["3.65"]
    drawing = pictures.network.network_drawing(X0, W0, B0, [[1, -1, 0.5, -10]], [-5], output_activation=None)
    assert drawing.y.tolist() == pytest.approx([1.9 + 1.25 - 5]) and not drawing.outputs_off.any()


def test_update_network_diagram_refuses_another_size():
    artists = pictures.network.network_diagram(X0, W0, B0, NET_W2, NET_B2)
    with pytest.raises(ValueError, match="drawn for 3 inputs, 4 hidden neurons and 2 outputs, but got 3, 4 and 1"):
        pictures.network.update_network_diagram(artists, X0, W0, B0, NET_W2[:1], NET_B2[:1])


def test_network_drawing_refuses_a_batch():
    with pytest.raises(ValueError, match="x should be 1-D"):
        pictures.network.network_drawing([X0, X0], W0, B0, NET_W2, NET_B2)


def test_network_moving_artists_are_every_edge_label_number_and_box():
    artists = pictures.network.network_diagram(X0, W0, B0, NET_W2, NET_B2)
    moving = pictures.network.network_moving_artists(artists)
    assert len(moving) == 2 * (12 + 8) + 3 + (4 + 2) * 4  # edges and labels; inputs; z, a, bias, box per neuron
    assert len(set(map(id, moving))) == len(moving)


def test_mark_bends_draws_a_dotted_line_and_its_value_at_each_bend():
    drawn = pictures.network.mark_bends([-2, 0, 1.5])
    assert [line.get_xdata()[0] for line in drawn["lines"]] == [-2, 0, 1.5]
    assert {line.get_linestyle() for line in drawn["lines"]} == {":"}
    assert [label.get_text() for label in drawn["labels"]] == [f"{MINUS}2", "0", "1.5"]


def test_layer_sliders_and_slider_table():
    weights, biases = layer_sliders([[1, 2]], [0.5], "W2", "b2", width="150px")
    assert [[s.description for s in row] for row in weights] == [["W2[0,0]", "W2[0,1]"]]
    assert [s.description for s in biases] == ["b2[0]"] and biases[0].layout.width == "150px"
    table = slider_table([weights[0], [biases[0]]], "160px")
    assert table.layout.grid_template_columns == "repeat(2, 160px)"
    assert [type(c).__name__ for c in table.children] == ["FloatSlider", "FloatSlider", "FloatSlider", "HTML"]


# ===========================================================================
# Chapter 07: PlaneExplorer, and the pictures of the plane it draws with
# ===========================================================================

import re  # noqa: E402

from helpers.explorers import PlaneExplorer  # noqa: E402

PLANE_AXIS = -3 + 0.1 * (np.arange(60) + 0.5)  # the centres of the explorer's 60 × 60 cells


def plane_by_einsum(W1, b1, W2, b2):
    """h (n_hidden, 60, 60) and y (60, 60) over the explorer's grid, with einsum: row i at x[1] = PLANE_AXIS[i]."""
    W1, b1, W2, b2 = (np.asarray(v, dtype=float) for v in (W1, b1, W2, b2))
    x0, x1 = np.meshgrid(PLANE_AXIS, PLANE_AXIS)
    h = np.maximum(np.einsum("j,ik->jik", W1[:, 0], x0) + np.einsum("j,ik->jik", W1[:, 1], x1) + b1[:, None, None], 0)
    return h, np.einsum("j,jik->ik", W2[0], h) + b2[0]


def set_plane(explorer, W1=None, b1=None, W2=None, b2=None):
    """Move the sliders of the first len(W1) hidden neurons, one at a time."""
    for j, row in enumerate(W1 or []):
        for i, value in enumerate(row):
            explorer.W1_sliders[j][i].value = value
    for j, value in enumerate(b1 or []):
        explorer.b1_sliders[j].value = value
    for j, value in enumerate(W2 or []):
        explorer.W2_sliders[j].value = value
    if b2 is not None:
        explorer.b2_slider.value = b2


@pytest.fixture(scope="module")
def shared_plane():
    return PlaneExplorer("corner")


@pytest.fixture
def plane():
    return PlaneExplorer("corner")


def test_plane_explorer_has_a_labelled_control_for_everything(plane):
    assert [[s.description for s in row] for row in plane.W1_sliders] == [
        [f"W1[{j},0]", f"W1[{j},1]"] for j in range(4)]
    assert [s.description for s in plane.b1_sliders] == ["b1[0]", "b1[1]", "b1[2]", "b1[3]"]
    assert [s.description for s in plane.W2_sliders] == ["W2[0,0]", "W2[0,1]", "W2[0,2]", "W2[0,3]"]
    assert plane.b2_slider.description == "b2[0]"
    assert plane.count_buttons.description == "hidden neurons"
    assert list(plane.count_buttons.options) == ["1", "2", "3", "4"]
    assert [b.description for b in plane.preset_buttons] == list(geometry.PLANE_PRESETS)
    labels = [child for child in plane.widget.children[0].children if isinstance(child, widgets.HTML)]
    assert "load a preset" in labels[0].value


def test_plane_explorer_carries_the_css_classes_of_its_own_controls(plane):
    assert "nnbh-hidden-count" in plane.count_buttons._dom_classes
    assert all("nnbh-preset" in b._dom_classes for b in plane.preset_buttons)


def test_plane_explorer_starts_with_the_corner_written_out(plane):
    assert plane.formula_lines == [
        f"neuron 0: z1[0] = {MINUS}2·x[0] + 0·x[1] {MINUS} 2; line x[0] = {MINUS}1, active left of it",
        f"neuron 1: z1[1] = 0·x[0] {MINUS} 2·x[1] {MINUS} 2; line x[1] = {MINUS}1, active below it",
        f"output: y = {MINUS}1·h[0] {MINUS} 1·h[1] + 0.2",
    ]
    assert "white-space:pre-line" in plane.formula.value
    assert plane.formula_text in plane.formula.value
    assert plane.n_hidden == 2
    assert len(plane.table.children) == 2 * 5  # the label and 4 sliders of each neuron that is on


def test_moving_a_slider_rewrites_that_neuron_and_its_line(plane):
    plane.b1_sliders[0].value = 1.0
    assert plane.formula_lines[0] == (
        f"neuron 0: z1[0] = {MINUS}2·x[0] + 0·x[1] + 1; line x[0] = 0.5, active left of it"
    )
    assert plane.artists["lines"][0].get_xdata().tolist() == [0.5, 0.5]
    assert plane.artists["lines"][0].get_ydata().tolist() == [-3.0, 3.0]
    plane.W2_sliders[1].value = 0.5
    assert plane.formula_lines[-1] == f"output: y = {MINUS}1·h[0] + 0.5·h[1] + 0.2"


SETTINGS_07 = [
    # W1, b1, W2, b2 of the neurons that are on
    ([[1, 1]], [-1], [-1], 0.2),
    ([[2, 0], [-2, 0]], [-2, -2], [-1, -1], 0.1),
    ([[0.5, -1.5], [3, 0.2], [-1, -1]], [0.3, -2.5, 1], [2, -0.7, 1.1], -0.4),
    ([[2, 0], [-2, 0], [0, 2], [0, -2]], [-2, -2, -2, -2], [-1, -1, -1, -1], 0.1),
]


@pytest.mark.parametrize("W1, b1, W2, b2", SETTINGS_07)
def test_heat_map_and_neuron_maps_are_the_network_computed_with_einsum(shared_plane, W1, b1, W2, b2):
    shared_plane.count_buttons.value = str(len(b1))
    set_plane(shared_plane, W1, b1, W2, b2)
    h, y = plane_by_einsum(W1, b1, [W2], [b2])
    np.testing.assert_allclose(shared_plane.artists["heat"].get_array(), y, atol=1e-9)
    for j, drawn in enumerate(shared_plane.artists["maps"]):
        assert drawn["image"].get_visible() == (j < len(b1))
        assert drawn["off"].get_visible() == (j >= len(b1))
        if j < len(b1):
            np.testing.assert_allclose(drawn["image"].get_array(), h[j], atol=1e-9)


@pytest.mark.parametrize("W1, b1, W2, b2", SETTINGS_07)
def test_each_line_drawn_is_where_its_neuron_has_z_0_on_the_edge_of_the_plane(shared_plane, W1, b1, W2, b2):
    shared_plane.count_buttons.value = str(len(b1))
    set_plane(shared_plane, W1, b1, W2, b2)
    for j, line in enumerate(shared_plane.artists["lines"]):
        if j >= len(b1):
            assert not line.get_visible()
            continue
        assert line.get_visible()
        for x0, x1 in zip(line.get_xdata(), line.get_ydata()):
            assert W1[j][0] * x0 + W1[j][1] * x1 + b1[j] == pytest.approx(0, abs=1e-9)
            assert max(abs(x0), abs(x1)) == pytest.approx(3)  # on the square's edge


@pytest.mark.parametrize("W1, b1, W2, b2", SETTINGS_07)
def test_the_plus_marks_sit_on_the_cells_where_y_is_positive(shared_plane, W1, b1, W2, b2):
    shared_plane.count_buttons.value = str(len(b1))
    set_plane(shared_plane, W1, b1, W2, b2)
    marks = shared_plane.artists["marks"]
    drawn = sorted(zip(np.round(marks.get_xdata(), 6), np.round(marks.get_ydata(), 6)))
    expected = []
    for i in range(1, 60, 3):
        for k in range(1, 60, 3):
            x0, x1 = PLANE_AXIS[k], PLANE_AXIS[i]
            y = b2 + sum(W2[j] * max(0.0, W1[j][0] * x0 + W1[j][1] * x1 + b1[j]) for j in range(len(b1)))
            if y > 1e-9:
                expected.append((round(x0, 6), round(x1, 6)))
    assert drawn == sorted(expected)


def test_each_arrow_points_from_its_line_to_the_active_side(shared_plane):
    shared_plane.load("triangle")
    W1, b1, _, _ = shared_plane.parameters
    for j, arrow in enumerate(shared_plane.artists["arrows"][:3]):
        tip = arrow.get_xy().mean(axis=0)  # the middle of the arrow's outline lies on the active side
        assert W1[j] @ tip + b1[j] > 0


def test_summary_of_a_half_plane_worked_out_by_hand(plane):
    # y = 0.5 − ReLU(x[0]): positive where x[0] < 0.5, 3.5 of the square's 6 units across (58.3%);
    # lowest at the right edge x[0] = 3 (0.5 − 3 = −2.5); neuron 0 is active right of 0, on half the square.
    plane.load(([[1, 0]], [0], [[-1]], [0.5]))
    assert plane.summary.value == (
        f"The output y is positive on 58.3% of the plane shown (x[0] and x[1] from {MINUS}3 to 3), "
        f"for x[0] from {MINUS}3 to 0.5 and x[1] from {MINUS}3 to 3; y runs from {MINUS}2.5 to 0.5. "
        "Active: neuron 0 on 50%."
    )


def test_summary_says_nowhere_and_everywhere(plane):
    plane.load(([[1, 0]], [0], [[0]], [-1]))
    assert plane.summary.value.startswith("The output y is positive nowhere in the plane shown")
    plane.b2_slider.value = 1
    assert plane.summary.value.startswith("The output y is positive everywhere in the plane shown")


def test_hidden_neuron_buttons_show_only_the_sliders_of_the_neurons_that_are_on(plane):
    plane.count_buttons.value = "1"
    assert plane.table.children == tuple(plane.rows[0])
    assert len(plane.formula_lines) == 2
    assert [line.get_visible() for line in plane.artists["lines"]] == [True, False, False, False]
    plane.count_buttons.value = "4"
    assert len(plane.table.children) == 20
    assert len(plane.formula_lines) == 5


def test_switching_on_a_spare_neuron_changes_no_output(plane):
    before = plane.artists["heat"].get_array().copy()
    plane.count_buttons.value = "3"  # the corner uses 2; neuron 2 waits with output weight 0
    assert plane.formula_lines[2] == "neuron 2: z1[2] = 1·x[0] + 0·x[1] + 0; line x[0] = 0, active right of it"
    np.testing.assert_array_equal(plane.artists["heat"].get_array(), before)
    plane.W2_sliders[2].value = -1
    assert not np.array_equal(plane.artists["heat"].get_array(), before)


@pytest.mark.parametrize("name", list(geometry.PLANE_PRESETS))
def test_a_preset_button_sets_every_slider_and_redraws_once(plane, name, monkeypatch):
    redraws = []
    original = plane.redraw
    monkeypatch.setattr(plane, "redraw", lambda: (redraws.append(1), original()))
    button = plane.preset_buttons[list(geometry.PLANE_PRESETS).index(name)]
    button.click()
    W1, b1, W2, b2 = geometry.PLANE_PRESETS[name]
    assert len(redraws) == 1
    assert plane.n_hidden == len(b1)
    assert [[s.value for s in row] for row in plane.W1_sliders[:len(b1)]] == [list(row) for row in W1]
    assert [s.value for s in plane.b1_sliders[:len(b1)]] == list(b1)
    assert [s.value for s in plane.W2_sliders[:len(b1)]] == list(W2[0])
    assert plane.b2_slider.value == b2[0]
    assert plane.formula_lines == formulas.plane_formula(W1, b1, W2, b2)


def test_parameters_give_back_the_network_shown_in_the_course_shapes(plane):
    plane.load("triangle")
    W1, b1, W2, b2 = plane.parameters
    assert (W1.shape, b1.shape, W2.shape, b2.shape) == ((3, 2), (3,), (1, 3), (1,))
    plane.W1_sliders[0][1].value = 0.1 + 0.2  # 0.30000000000000004, as a browser may send it
    assert plane.parameters.W1[0, 1] == 0.3


@pytest.mark.parametrize("network, message", [
    ("circle", "there is no preset 'circle'"),
    (([[1, 0]] * 5, [0] * 5, [[1] * 5], [0]), "room for 4 hidden neurons, but W1 has 5 rows"),
    (([[1, 5]], [0], [[1]], [0]), "W1[0,1] = 5 is outside the sliders' range"),
    (([[1, 0]], [0], [[1]], [-4]), f"b2[0] = {MINUS}4 is outside the sliders' range"),
    (([[1, 0, 1]], [0], [[1]], [0]), "W1 has shape (1, 3)"),
])
def test_plane_explorer_refuses_what_it_cannot_show_before_building(network, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        PlaneExplorer(network)


def test_plane_explorer_refuses_a_network_that_is_not_four_arrays():
    with pytest.raises(TypeError, match="a preset name or the four arrays"):
        PlaneExplorer(42)


def test_plane_explorer_text_form_names_the_network(plane):
    assert repr(plane) == "PlaneExplorer(W1=[[-2.0, 0.0], [0.0, -2.0]], b1=[-2.0, -2.0], W2=[[-1.0, -1.0]], b2=[0.2])"
    assert plane._repr_mimebundle_()["text/plain"] == repr(plane)


def test_plane_explorer_outlines_a_target_when_given_one():
    explorer = PlaneExplorer("diamond", target=(-1, 1, -1, 1))
    outline = explorer.artists["target"]
    assert (outline.get_x(), outline.get_y(), outline.get_width(), outline.get_height()) == (-1, -1, 2, 2)
    assert outline in explorer.live.moving  # drawn over the heat map
    band = PlaneExplorer("band", target=(-1, 1, -np.inf, np.inf)).artists["target"]
    assert (band.get_y(), band.get_height()) == (-3, 6)  # an endless band is cut at the edge of the plane
    assert PlaneExplorer("band").artists["target"] is None


# ---------------------------------------------------------------------------
# plots: the neuron map, the plane picture without a widget, BlockImage
# ---------------------------------------------------------------------------

def test_neuron_map_without_axes_makes_its_own_figure_outside_pyplot():
    before = plt.get_fignums()
    artists = pictures.plane.neuron_map([1, 1], -1)
    assert set(artists) == {"image", "region", "line", "cover", "off", "frame"}
    assert isinstance(artists["image"].figure, Figure) and plt.get_fignums() == before
    h, _ = plane_by_einsum([[1, 1]], [-1], [[1]], [0])
    np.testing.assert_allclose(artists["image"].get_array(), h[0], atol=1e-9)
    assert artists["region"].get_hatch() == "//"  # the active side is hatched, not only coloured


def test_update_neuron_map_switches_a_neuron_off_and_on():
    artists = pictures.plane.neuron_map([1, 1], -1)
    pictures.plane.update_neuron_map(artists, None, None)
    assert artists["off"].get_visible() and artists["cover"].get_visible()
    assert not artists["image"].get_visible() and not artists["line"].get_visible()
    pictures.plane.update_neuron_map(artists, [0, 2], -2)
    assert artists["image"].get_visible() and not artists["off"].get_visible()
    assert artists["line"].get_ydata().tolist() == [1.0, 1.0]


def test_describe_neuron_map_worked_out_by_hand():
    # 2·x[0] − 2 > 0 right of x[0] = 1: 2 of the square's 6 units across; h is largest at the edge x[0] = 3: 2·3 − 2 = 4
    assert pictures.plane.describe_neuron_map([2, 0], -2, index=1) == (
        "Neuron 1: line x[0] = 1, active right of it, on 33.3% of the plane shown (hatched); "
        "h grows from 0 at the line to 4."
    )


def test_plane_picture_without_axes_makes_a_figure_with_a_map_per_neuron():
    before = plt.get_fignums()
    artists = pictures.plane.plane_picture(*geometry.PLANE_PRESETS["triangle"])
    assert len(artists["maps"]) == 3 and len(artists["lines"]) == 3
    assert len(artists["heat"].figure.axes) == 1 + 3 + 1  # the plane, three maps, the colour bar
    assert plt.get_fignums() == before


def test_update_plane_picture_refuses_more_neurons_than_it_has_room_for():
    artists = pictures.plane.plane_picture(*geometry.PLANE_PRESETS["corner"])
    with pytest.raises(ValueError, match="room for 2 hidden neurons, but the network has 3"):
        pictures.plane.update_plane_picture(artists, *geometry.PLANE_PRESETS["triangle"])


@pytest.mark.parametrize("origin", ["lower", "upper"])
@pytest.mark.parametrize("size, extent", [((4.4, 4.4), (-3, 3, -3, 3)), ((3.1, 2.3), (-1, 2, 0.5, 4)),
                                          ((5.0, 3.0), (2, -2, -1, 1))])
def test_block_image_draws_the_same_pixels_as_imshow_nearest(origin, size, extent):
    data = np.random.default_rng(7).normal(size=(13, 17))
    drawn = []
    for kind in ("imshow", "block"):
        figure, ax = drawing.new_axes(*size)
        options = {"extent": extent, "origin": origin, "cmap": "RdBu", "vmin": -1, "vmax": 1}
        if kind == "imshow":
            ax.imshow(data, interpolation="nearest", **options)
        else:
            image = pictures.plane.block_imshow(ax, data, **options)
            assert isinstance(image, pictures.plane.BlockImage)
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_aspect("equal")
        figure.set_layout_engine("none")
        figure.canvas.draw()
        drawn.append(np.asarray(figure.canvas.buffer_rgba()).copy())
    assert np.array_equal(drawn[0], drawn[1])
