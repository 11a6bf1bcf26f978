"""Chapter 08, loss: its pictures, its explorer (headless) and its checks.

Expected numbers are computed here independently: by hand, with loops over the inputs, and by
nudging a weight (finite differences) to find where the loss is lowest.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers.chapters import ch08_loss as ch08
from helpers.chapters.ch08_loss import (
    check_batch_loss,
    check_error_and_square,
    check_lowest_loss,
    check_my_mse,
)
from helpers.explorers.loss import LOSS_TARGET_RANGE, LOSS_WEIGHT_RANGE, LossExplorer, loss_formula
from helpers.pictures.loss import (
    describe_loss_contours,
    describe_loss_curve,
    describe_prediction,
    loss_contours,
    loss_curve,
    loss_point,
    lowest_on_plane,
    prediction_line,
)

MINUS = "\u2212"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def by_loop(inputs, weights):
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w
    return total


def squared(a):
    return a * a


# ---------------------------------------------------------------------------
# The chapter's numbers
# ---------------------------------------------------------------------------

def test_the_chapter_neuron_misses_its_target_by_minus_1_1_and_costs_1_21():
    point = loss_point(ch08.NEURON_INPUTS, ch08.NEURON_WEIGHTS, ch08.NEURON_TARGET)
    assert point.prediction == pytest.approx(2.9)
    assert point.error == pytest.approx(-1.1)
    assert point.loss == pytest.approx(1.21)
    assert point.best == pytest.approx(0.42)  # chapter 01's exercise 3


def test_the_chapter_batch_has_errors_minus_1_1_minus_0_2_and_0_5_and_mean_squared_error_0_5():
    errors = [by_loop(x, ch08.NEURON_WEIGHTS) - t for x, t in zip(ch08.THREE_SAMPLES_X, ch08.THREE_SAMPLES_TARGETS)]
    assert errors == pytest.approx([-1.1, -0.2, 0.5])
    assert sum(squared(e) for e in errors) / 3 == pytest.approx(0.5)


def test_the_yes_no_batch_costs_0_01_0_64_0_09_0_01_and_0_1875_on_average():
    costs = [squared(p - t) for p, t in zip(ch08.YES_NO_PREDICTIONS, ch08.YES_NO_TARGETS)]
    assert costs == pytest.approx([0.01, 0.64, 0.09, 0.01])
    assert sum(costs) / 4 == pytest.approx(0.1875)


def test_the_two_samples_are_both_fitted_exactly_by_the_weights_0_5_0_3_0_42():
    for x, t in zip(ch08.TWO_SAMPLES_X, ch08.TWO_SAMPLES_TARGETS):
        assert by_loop(x, (0.5, 0.3, 0.42)) == pytest.approx(t)


# ---------------------------------------------------------------------------
# loss_point and loss_formula
# ---------------------------------------------------------------------------

@settings(deadline=None)
@given(
    st.lists(st.integers(-5, 5), min_size=1, max_size=4).flatmap(
        lambda xs: st.tuples(st.just(xs), st.lists(st.integers(-10, 10), min_size=len(xs), max_size=len(xs)))),
    st.integers(-20, 20),
    st.integers(0, 3),
)
def test_loss_point_matches_a_loop_and_its_best_weight_is_the_bottom_found_by_nudging(case, target, index):
    inputs, tenths = case
    weights = [w / 10 for w in tenths]
    index = index % len(inputs)
    target = target / 10
    point = loss_point(inputs, weights, target, index)
    y = by_loop(inputs, weights)
    assert point.prediction == pytest.approx(y)
    assert point.error == pytest.approx(y - target)
    assert point.loss == pytest.approx(squared(y - target))
    if inputs[index] == 0:
        assert point.best is None
        return

    def loss_at(w):
        changed = list(weights)
        changed[index] = w
        return squared(by_loop(inputs, changed) - target)

    h = 1e-4
    assert loss_at(point.best) == pytest.approx(0, abs=1e-9)
    assert (loss_at(point.best + h) - loss_at(point.best - h)) / (2 * h) == pytest.approx(0, abs=1e-6)
    assert loss_at(point.best + 0.1) > loss_at(point.best) < loss_at(point.best - 0.1)


def test_loss_formula_writes_the_loss_out_step_by_step():
    assert loss_formula([2, 3, 5], [0.5, 0.3, 0.2], 4) == \
        f"L = (2×0.5 + 3×0.3 + 5×0.2 {MINUS} 4)² = (2.9 {MINUS} 4)² = ({MINUS}1.1)² = 1.21"
    assert loss_formula([2, 3, 5], [0.5, 0.3, 0.6], 4) == \
        f"L = (2×0.5 + 3×0.3 + 5×0.6 {MINUS} 4)² = (4.9 {MINUS} 4)² = 0.9² = 0.81"
    assert loss_formula([2, -1], [-0.5, 1], -2) == \
        f"L = (2×({MINUS}0.5) + ({MINUS}1)×1 + 2)² = ({MINUS}2 + 2)² = 0² = 0"


@pytest.mark.parametrize("inputs, weights, target, problem, words", [
    ([2, 3, 5], [0.5, 0.3], 4, ValueError, "weights has 2 entries but inputs has 3"),
    ([2, 3, 5], [0.5, 0.3, 0.2], "four", TypeError, "target must be a number"),
    ([2, 3, 5], [0.5, 0.3, 0.2], [4, 5], ValueError, "target should be one number"),
    ([2, 3, 5], [0.5, np.nan, 0.2], 4, ValueError, "NaN"),
])
def test_loss_point_refuses_bad_input_in_plain_words(inputs, weights, target, problem, words):
    with pytest.raises(problem, match=words):
        loss_point(inputs, weights, target)


def test_loss_point_refuses_an_index_that_names_no_weight():
    with pytest.raises(ValueError, match="index 3 names no weight: the neuron has 3 weights"):
        loss_point([2, 3, 5], [0.5, 0.3, 0.2], 4, index=3)


# ---------------------------------------------------------------------------
# The pictures
# ---------------------------------------------------------------------------

def test_loss_curve_draws_the_parabola_the_loop_computes_and_the_dot_on_it():
    artists = loss_curve([2, 3, 5], [0.5, 0.3, 0.2], 4, low=-0.2, high=1.0, lowest=True)
    ws, losses = artists["curve"].get_data()
    assert ws[0] == pytest.approx(-0.2) and ws[-1] == pytest.approx(1.0)
    assert losses == pytest.approx([squared(by_loop([2, 3, 5], [0.5, 0.3, w]) - 4) for w in ws])
    assert list(artists["point"].get_xdata()) == pytest.approx([0.2])
    assert list(artists["point"].get_ydata()) == pytest.approx([1.21])
    assert list(artists["lowest"].get_xdata()) == pytest.approx([0.42])
    assert artists["label"].get_text() == "L = 1.21"
    assert isinstance(artists["curve"].figure, Figure)
    ax = artists["curve"].axes
    assert ax.get_ylim()[1] >= max(losses)


def test_describe_loss_curve_says_which_way_the_loss_falls():
    def said(w3, target=4):
        return describe_loss_curve(loss_point([2, 3, 5], [0.5, 0.3, w3], target), -0.2, 1.0)

    assert said(0.2).endswith("the dot at w3 = 0.2 has loss L = 1.21, where the curve falls to the right: "
                              "a larger w3 lowers the loss.")
    assert said(0.6).endswith("where the curve rises to the right: a smaller w3 lowers the loss.")
    assert said(0.42).endswith("has loss L = 0, at the bottom of the curve.")
    assert describe_loss_curve(loss_point([2, 3, 0], [0.5, 0.3, 0.2], 4), -0.2, 1.0).endswith(
        "the same for every w3, since its input is 0.")
    lowest = describe_loss_curve(loss_point([2, 3, 5], [0.5, 0.3, 0.2], 4), -0.2, 1.0, lowest=True)
    assert lowest.endswith("The lowest point (diamond) is at w3 = 0.42, L = 0.")


def test_prediction_line_and_its_description():
    artists = prediction_line(2.9, 4)
    assert list(artists["prediction"].get_xdata()) == pytest.approx([2.9])
    assert list(artists["target"].get_xdata()) == pytest.approx([4, 4])
    assert list(artists["error"].get_xdata()) == pytest.approx([2.9, 4])
    assert artists["error_label"].get_text() == f"error {MINUS}1.1"
    assert describe_prediction(2.9, 4) == f"The prediction 2.9 is 1.1 below the target 4: error y {MINUS} target = {MINUS}1.1."
    assert describe_prediction(4.9, 4) == f"The prediction 4.9 is 0.9 above the target 4: error y {MINUS} target = 0.9."
    assert describe_prediction(4, 4) == "The prediction 4 hits the target 4: the error is 0."


def test_one_sample_gives_a_valley_along_a_line_of_lowest_points():
    lowest = lowest_on_plane([[2, 3, 5]], [4], [0.5, 0.3, 0.2])
    assert lowest.point is None and lowest.loss == pytest.approx(0)
    a, b, c = lowest.line
    assert (a, b, c) == pytest.approx((3, 5, 3))  # 1 + 3·w2 + 5·w3 = 4
    for w2 in np.linspace(-0.4, 1.0, 8):  # every point of the line fits the sample exactly
        w3 = (c - a * w2) / b
        assert squared(by_loop([2, 3, 5], [0.5, w2, w3]) - 4) == pytest.approx(0, abs=1e-12)
    assert describe_loss_contours([[2, 3, 5]], [4], [0.5, 0.3, 0.2]) == (
        "Loss over 1 sample as w2 and w3 vary; at the dot (w2 = 0.3, w3 = 0.2) L = 1.21. "
        "A valley: the loss is lowest, L = 0, all along the dashed line 3·w2 + 5·w3 = 3.")


def test_two_samples_give_a_bowl_whose_bottom_is_the_lowest_point_of_a_fine_grid():
    lowest = lowest_on_plane(ch08.TWO_SAMPLES_X, ch08.TWO_SAMPLES_TARGETS, [0.5, 0.3, 0.2])
    assert lowest.point == pytest.approx((0.3, 0.42)) and lowest.loss == pytest.approx(0, abs=1e-12)
    axis = np.round(np.arange(-0.4, 1.0001, 0.01), 2)
    grid = {(w2, w3): np.mean([squared(by_loop(x, [0.5, w2, w3]) - t) for x, t in zip(ch08.TWO_SAMPLES_X, ch08.TWO_SAMPLES_TARGETS)])
            for w2, w3 in itertools.product(axis, axis)}
    assert min(grid, key=grid.get) == pytest.approx((0.3, 0.42))
    assert describe_loss_contours(ch08.TWO_SAMPLES_X, ch08.TWO_SAMPLES_TARGETS, [0.5, 0.3, 0.2]) == (
        "Loss over 2 samples as w2 and w3 vary; at the dot (w2 = 0.3, w3 = 0.2) L = 0.605. "
        "A bowl: one lowest point (diamond) at w2 = 0.3, w3 = 0.42, where L = 0.")


def test_a_batch_that_no_weights_fit_has_a_bowl_whose_bottom_is_above_zero():
    X, t = ch08.THREE_SAMPLES_X, ch08.THREE_SAMPLES_TARGETS
    lowest = lowest_on_plane(X, t, [0.5, 0.3, 0.2])
    w2, w3 = lowest.point

    def loss(a, b):
        return np.mean([squared(by_loop(x, [0.5, a, b]) - target) for x, target in zip(X, t)])

    assert lowest.loss == pytest.approx(loss(w2, w3)) and lowest.loss > 0
    h = 1e-5
    assert (loss(w2 + h, w3) - loss(w2 - h, w3)) / (2 * h) == pytest.approx(0, abs=1e-6)
    assert (loss(w2, w3 + h) - loss(w2, w3 - h)) / (2 * h) == pytest.approx(0, abs=1e-6)


def test_loss_contours_mark_the_valley_or_the_bowl():
    valley = loss_contours([[2, 3, 5]], [4], [0.5, 0.3, 0.2])
    xs, ys = valley["lowest"].get_data()
    assert np.allclose(3 * np.asarray(xs) + 5 * np.asarray(ys), 3)
    assert valley["lowest"].get_linestyle() == "--"
    bowl = loss_contours(ch08.TWO_SAMPLES_X, ch08.TWO_SAMPLES_TARGETS, [0.5, 0.3, 0.2])
    assert list(bowl["lowest"].get_xdata()) == pytest.approx([0.3])
    assert list(bowl["lowest"].get_ydata()) == pytest.approx([0.42])
    assert list(bowl["current"].get_xdata()) == pytest.approx([0.3])


def test_loss_contours_refuse_mismatched_batches_in_plain_words():
    with pytest.raises(ValueError, match=r"targets has 1 entries but X has 2 samples \(shape \(2, 3\)\)"):
        lowest_on_plane(ch08.TWO_SAMPLES_X, [4], [0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="X has 3 inputs per sample .* but weights has 2 entries"):
        lowest_on_plane(ch08.TWO_SAMPLES_X, [4, 1.7], [0.5, 0.3])
    with pytest.raises(ValueError, match="vary needs two different weights"):
        lowest_on_plane(ch08.TWO_SAMPLES_X, [4, 1.7], [0.5, 0.3, 0.2], vary=(1, 1))


# ---------------------------------------------------------------------------
# The explorer, without a browser
# ---------------------------------------------------------------------------

@pytest.fixture
def explorer():
    return LossExplorer()


def test_explorer_has_labelled_sliders_for_the_weight_and_the_target(explorer):
    assert (explorer.weight_slider.description, explorer.target_slider.description) == ("weight w3", "target")
    assert (explorer.weight_slider.value, explorer.target_slider.value) == (0.2, 4)
    assert {"nnbh-explorer", "nnbh-loss"} <= set(explorer.widget._dom_classes)
    assert explorer.kind == "loss"


def test_explorer_starts_with_the_chapter_example(explorer):
    assert explorer.formula_text == f"L = (2×0.5 + 3×0.3 + 5×0.2 {MINUS} 4)² = (2.9 {MINUS} 4)² = ({MINUS}1.1)² = 1.21"
    assert bytes(explorer.picture.value).startswith(PNG_SIGNATURE)
    assert explorer.summary.value.startswith("The prediction 2.9 is 1.1 below the target 4")


@pytest.fixture(scope="module")
def dragged():
    """One explorer for many moves in a row, as a learner drags it."""
    return LossExplorer()


@settings(deadline=None, max_examples=20)
@given(st.integers(-20, 100), st.integers(10, 60))
def test_formula_summary_and_artists_follow_any_slider_positions(dragged, hundredths, tenths):
    explorer = dragged
    w3, target = hundredths / 100, tenths / 10
    explorer.weight_slider.value = w3
    explorer.target_slider.value = target
    y = 2 * 0.5 + 3 * 0.3 + 5 * w3
    loss = squared(y - target)
    assert explorer.formula_text.endswith(f"= {loss:.4f}".rstrip("0").rstrip(".").replace("-", MINUS))
    assert f"5×{w3:g}".replace("-", MINUS) in explorer.formula_text.replace("(", "").replace(")", "")
    assert list(explorer.curve_artists["point"].get_xdata()) == pytest.approx([w3])
    assert list(explorer.curve_artists["point"].get_ydata()) == pytest.approx([loss])
    ws, losses = explorer.curve_artists["curve"].get_data()
    assert losses == pytest.approx([squared(1.9 + 5 * w - target) for w in ws])
    assert list(explorer.line_artists["prediction"].get_xdata()) == pytest.approx([y])
    best = (target - 1.9) / 5
    side = ("at the bottom of the curve" if abs(w3 - best) < 1e-9 else
            "falls to the right" if w3 < best else "rises to the right")
    assert side in explorer.summary.value


def test_every_lowest_point_the_target_slider_asks_for_is_on_a_step_of_the_weight_slider():
    low, high, step = LOSS_WEIGHT_RANGE
    t_low, t_high, t_step = LOSS_TARGET_RANGE
    for k in range(round((t_high - t_low) / t_step) + 1):
        best = loss_point([2, 3, 5], [0.5, 0.3, 0.2], t_low + k * t_step).best
        steps = (best - low) / step
        assert low <= best <= high
        assert steps == pytest.approx(round(steps), abs=1e-6), f"target {t_low + k * t_step}: w3 = {best}"


def test_moving_a_slider_counts_as_a_move_and_redraws_the_picture(explorer):
    before = explorer.picture.value
    assert explorer.moves == 0
    explorer.weight_slider.value = 0.3
    assert explorer.moves == 1 and bytes(explorer.picture.value) != bytes(before)


def test_explorer_refuses_starting_values_outside_its_sliders():
    with pytest.raises(ValueError, match="target starts at 9, outside its slider's range 1 to 6"):
        LossExplorer(target=9)
    with pytest.raises(ValueError, match="weights has 2 entries but inputs has 3"):
        LossExplorer(weights=(0.5, 0.3))


def test_an_error_while_redrawing_shows_a_plain_message(explorer, monkeypatch):
    def broken():
        raise ValueError("something went wrong")

    monkeypatch.setattr(explorer, "move", broken)
    explorer.weight_slider.value = 0.3
    assert "These values cannot be shown: something went wrong" in explorer.formula.value


def test_repr_names_the_current_values(explorer):
    explorer.weight_slider.value = 0.42
    assert repr(explorer) == "LossExplorer(inputs=[2.0, 3.0, 5.0], weights=[0.5, 0.3, 0.42], target=4.0)"


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

def status(check, *answer):
    return check.judge(*answer).status


def message(check, *answer):
    return check.judge(*answer).message


def test_stubs_are_not_attempted():
    def stub(y, target):
        # Your code here
        ...

    assert status(check_error_and_square, ..., ...) == "not attempted"
    assert status(check_batch_loss, ...) == "not attempted"
    assert status(check_my_mse, ...) == "not attempted"
    assert status(check_my_mse, stub) == "not attempted"
    assert status(check_lowest_loss, ...) == "not attempted"
    assert status(check_lowest_loss, LossExplorer(target=5)) == "not attempted"


def test_the_solutions_are_correct():
    assert status(check_error_and_square, 0.6, 0.36) == "correct"
    assert status(check_error_and_square, 2.1 - 1.5, (2.1 - 1.5) ** 2) == "correct"
    assert status(check_batch_loss, 2.25) == "correct"
    assert status(check_my_mse, lambda y, target: np.mean((y - target) ** 2)) == "correct"
    explorer = LossExplorer(target=5)
    explorer.weight_slider.value = 0.62
    assert status(check_lowest_loss, explorer) == "correct"


@pytest.mark.parametrize("error, square, words", [
    (-0.6, 0.36, "that is target − y"),
    (0.6, 0.6, "that is the error itself, not squared"),
    (0.6, -0.36, "In Python, -0.6**2 means −(0.6²)"),
    (0.6, 1.2, "that is 2 × error"),
    (2.1, 0.36, "is the prediction y itself"),
    (0.36, 0.36, "that is the squared error; the error itself is y − target"),
])
def test_check_error_and_square_names_each_mistake(error, square, words):
    feedback = check_error_and_square.judge(error, square)
    assert feedback.status == "mistake" and words in feedback.message


@pytest.mark.parametrize("answer, words", [
    (9, "That is the sum of the squared errors"),
    (3, "You divided by 3"),
    (0.0625, "You squared the mean error"),
    (0.25, "That is the mean error, without squaring"),
    (1.25, "That is the mean of the errors' sizes"),
    (1, "That is the sum of the errors"),
    (5, "That is the sum of the errors' sizes"),
    (7, "Your answer is 7."),
    ("2.25", "got the text '2.25'"),
])
def test_check_batch_loss_names_each_mistake(answer, words):
    feedback = check_batch_loss.judge(answer)
    assert feedback.status == "mistake" and words in feedback.message


def test_the_batch_slips_give_different_numbers_so_each_can_be_named():
    values = [round(float(v), 9) for v, _ in ch08._batch_slips(ch08.MSE_PREDICTIONS, ch08.MSE_TARGETS)]
    assert len(set(values)) == len(values) and 2.25 not in values


@pytest.mark.parametrize("function, words", [
    (lambda y, t: np.sum((y - t) ** 2), "It returns the sum of the squared errors"),
    (lambda y, t: np.sum((y - t) ** 2) / len(y), "It divides by len(y), the number of rows"),
    (lambda y, t: np.mean(y - t) ** 2, "It squares the mean error"),
    (lambda y, t: np.mean(y - t), "It returns the mean error, without squaring"),
    (lambda y, t: np.mean(np.abs(y - t)), "It returns the mean of the errors' sizes"),
    (lambda y, t: np.sum((y - t) ** 2) / (y.size - 1), "It divides by one less than the number of entries"),
    (lambda y, t: sum((y - t) ** 2) / len(y), "It uses Python's sum, which adds the rows"),
    (lambda y, t: print(y), "your function returned None"),
    (lambda y, t: y[5], "Your function raised IndexError"),
    (lambda y, t: 1.0, "For y = [2.9, 1.0] and target = [4.0, 1.0]: Your answer is 1."),
    (np.mean, "Your function raised TypeError"),
    (3, "Expected a function, but got int"),
])
def test_check_my_mse_names_each_mistake(function, words, capsys):
    feedback = check_my_mse.judge(function)
    assert feedback.status == "mistake" and words in feedback.message


def test_check_lowest_loss_judges_every_slider_position_and_says_which_way_to_go():
    explorer = LossExplorer(target=5)
    low, high, step = LOSS_WEIGHT_RANGE
    right = []
    for k in range(round((high - low) / step) + 1):
        w3 = round(low + k * step, 2)
        explorer.weight_slider.value = w3
        feedback = check_lowest_loss.judge(explorer)
        if feedback.status == "correct":
            right.append(w3)
            continue
        assert feedback.status == "mistake"
        loss = squared(1.9 + 5 * w3 - 5)
        assert f"the loss {loss:.4f}".rstrip("0").rstrip(".") in feedback.message.replace("−", "-")
        assert ("increase w3" if w3 < 0.62 else "decrease w3") in feedback.message
    assert right == [0.62]


def test_check_lowest_loss_asks_for_the_target_5_and_for_the_explorer_itself():
    explorer = LossExplorer(target=5)
    explorer.target_slider.value = 4
    explorer.weight_slider.value = 0.42
    assert "asks for the target 5, but the explorer's target is 4" in message(check_lowest_loss, explorer)
    assert "Pass the loss explorer itself" in message(check_lowest_loss, 0.62)


def test_checks_print_one_message_and_never_raise(capsys):
    for check, answers in [(check_error_and_square, [("a", None), ([1, 2], 3)]),
                           (check_batch_loss, [([1, 2],), (None,), (np.nan,)]),
                           (check_my_mse, [(lambda: 1,), ("f",)]),
                           (check_lowest_loss, [(object(),), ("explorer",)])]:
        for answer in answers:
            assert check(*answer) is None
            printed = capsys.readouterr().out
            assert printed.startswith(("❌", "⏳")), printed


@pytest.mark.parametrize("check, answers", [
    (check_error_and_square, ["0.6", "0.36"]),
    (check_batch_loss, ["2.25"]),
    (check_my_mse, ["np.mean((y - target) ** 2)"]),
    (check_lowest_loss, ["0.62"]),
])
def test_no_answer_in_a_docstring_or_before_trying(check, answers):
    before = [check.__doc__ or "", check.judge(*[...] * check.judge.__code__.co_argcount).message]
    before.append(check.judge(LossExplorer(target=5)).message if check is check_lowest_loss else "")
    for answer in answers:
        assert not any(answer in text for text in before), f"{check.__name__} gives away {answer}"
