"""Chapter 09: the slopes of one neuron, gradient descent, its picture, its explorer and its checks.

The maths is checked against independent computations: finite differences, an exact loop in
fractions, and the error's ratio from one step to the next.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, strategies as st

from helpers.chapters import ch09_gradient_descent as ch09
from helpers.explorers.descent import MAX_STEPS, DescentExplorer
from helpers.formulas import loss_text
from helpers.descent import error_factor, gradient_descent, learning_rate_verdict, neuron_gradient
from helpers.learning import numerical_gradient
from helpers.pictures import descent as picture

MINUS = "\u2212"


# ---------------------------------------------------------------------------
# The maths: neuron_gradient, error_factor, gradient_descent
# ---------------------------------------------------------------------------

def exact_descent(x, w, target, learning_rate, steps):
    """Gradient descent in exact fractions, written out with loops: [(w, y, L)] for each step."""
    x = [Fraction(v) for v in x]
    w = [Fraction(v).limit_denominator(10**6) for v in w]
    rate, target = Fraction(learning_rate).limit_denominator(10**6), Fraction(target)
    found = []
    for _ in range(steps + 1):
        y = sum(a * b for a, b in zip(x, w))
        found.append((list(w), y, (y - target) ** 2))
        w = [wi - rate * 2 * (y - target) * xi for wi, xi in zip(w, x)]
    return found


def test_the_chapters_numbers_exactly():
    path = gradient_descent(ch09.X, ch09.W, ch09.TARGET, ch09.LEARNING_RATE, 4)
    exact = exact_descent(ch09.X, ch09.W, ch09.TARGET, ch09.LEARNING_RATE, 4)
    assert [float(v) for v in exact[1][0]] == [0.544, 0.366, 0.31]
    assert (exact[1][1], exact[1][2]) == (Fraction("3.736"), Fraction("0.069696"))
    for step, (w, y, loss) in zip(path, exact):
        np.testing.assert_allclose(step.w, [float(v) for v in w], rtol=0, atol=1e-12)
        assert step.y == pytest.approx(float(y), abs=1e-12)
        assert step.loss == pytest.approx(float(loss), abs=1e-12)
    np.testing.assert_allclose(path[0].gradient, [-4.4, -6.6, -11], atol=1e-12)


def test_nudging_w3_measures_a_slope_of_minus_11():
    w = np.array(ch09.W)
    loss = lambda: (float(np.dot(ch09.X, w)) - ch09.TARGET) ** 2  # noqa: E731
    before = loss()
    w[2] += 0.001
    assert loss() - before == pytest.approx(-0.010975, abs=1e-12)  # one-sided: about −11 × 0.001
    w[2] -= 0.001
    np.testing.assert_allclose(numerical_gradient(loss, w), [-4.4, -6.6, -11], atol=1e-6)


@pytest.mark.parametrize("rate, factor", [(0.001, 0.924), (0.01, 0.24), (0.02, -0.52), (0.03, -1.28)])
def test_each_step_multiplies_the_error_by_the_factor(rate, factor):
    assert error_factor(ch09.X, rate) == pytest.approx(factor, abs=1e-12)
    exact = exact_descent(ch09.X, ch09.W, ch09.TARGET, rate, 5)
    errors = [y - Fraction(ch09.TARGET) for _, y, _ in exact]
    assert {e2 / e1 for e1, e2 in zip(errors, errors[1:])} == {Fraction(factor).limit_denominator(1000)}


finite = st.floats(-3, 3, allow_nan=False).map(lambda v: round(v, 3))


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(st.lists(finite, min_size=n, max_size=n),
                                                     st.lists(finite, min_size=n, max_size=n), finite)),
       st.sampled_from([None, "relu"]))
def test_neuron_gradient_against_finite_differences(case, activation):
    x, w, target = case
    z = float(np.dot(x, w))
    if activation and abs(z) < 1e-2:
        return  # the kink of ReLU: the two one-sided slopes differ
    w = np.array(w, dtype=float)
    loss = lambda: ((max(float(np.dot(x, w)), 0.0) if activation else float(np.dot(x, w))) - target) ** 2  # noqa: E731
    np.testing.assert_allclose(neuron_gradient(x, w, target, activation), numerical_gradient(loss, w),
                               rtol=1e-6, atol=1e-6)


def test_a_shut_relu_gate_gives_no_gradient():
    np.testing.assert_array_equal(neuron_gradient([1, -2], [0.5, 1], 1, activation="relu"), [0, 0])
    np.testing.assert_array_equal(neuron_gradient([1, -2], [0.5, 1], 1), [-5, 10])  # no activation: y = z


@pytest.mark.parametrize("call, error, words", [
    (lambda: neuron_gradient([2, 3], [0.5, 0.3, 0.2], 4), ValueError, "x has shape (2,) but w has shape (3,)"),
    (lambda: neuron_gradient([2, 3, 5], [0.5, 0.3, 0.2], [4, 1]), ValueError, "target should be one number"),
    (lambda: neuron_gradient([2, 3, 5], "0.5", 4), TypeError, "w must be numbers"),
    (lambda: neuron_gradient([2, np.nan], [1, 1], 4), ValueError, "x contains NaN"),
    (lambda: neuron_gradient([2, 3], [1, 1], 4, activation="sigmoid"), ValueError, "None (y = z) or relu"),
    (lambda: gradient_descent([2], [1], 4, "0.01", 3), TypeError, "learning_rate must be one number"),
    (lambda: gradient_descent([2], [1], 4, np.inf, 3), ValueError, "learning_rate must be a finite number"),
    (lambda: gradient_descent([2], [1], 4, 0.01, -1), TypeError, "steps must be a whole number"),
    (lambda: gradient_descent([2], [1], 4, 0.01, 2.5), TypeError, "steps must be a whole number"),
])
def test_clear_errors(call, error, words):
    with pytest.raises(error) as raised:
        call()
    assert words in str(raised.value)


# ---------------------------------------------------------------------------
# The picture and its words
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("rate, words", [
    (0.001, "too small"), (0.01, "about right"), (0.02, "overshoots the target every step, but by less"),
    (0.03, "diverges"), (1 / 76, "lands on the target in one step"), (1 / 38, "bounces"),
    (0, "nothing moves"), (-0.01, "climb the loss"),
])
def test_the_verdict_on_each_learning_rate(rate, words):
    assert words in learning_rate_verdict(error_factor(ch09.X, rate))


def test_the_summary_states_the_losses_and_the_factor():
    path = gradient_descent(ch09.X, ch09.W, ch09.TARGET, 0.02, 3)
    text = picture.describe_descent(path, ch09.X, ch09.TARGET, 0.02)
    assert text.startswith("After 3 steps at learning rate 0.02, the loss went from 1.21 to 0.0239 ")
    assert f"1 {MINUS} 2 × 0.02 × 38 = {MINUS}0.52" in text


def test_loss_text():
    assert [loss_text(v) for v in (1.21, 0.000231234, 23401.0, 0.0)] == ["1.21", "2.31×10⁻⁴", "2.34×10⁴", "0"]


def test_the_picture_draws_every_step():
    path = gradient_descent(ch09.X, ch09.W, ch09.TARGET, 0.03, 6)
    artists = picture.descent_picture(path, ch09.TARGET, MAX_STEPS)
    ys, losses = artists["path"].get_data()
    np.testing.assert_allclose(ys, [s.y for s in path])
    np.testing.assert_allclose(losses, [(s.y - 4) ** 2 for s in path])
    low, high = artists["axes"][0].get_xlim()
    assert low <= min(ys) and max(ys) <= high, "every dot is inside the left panel"
    steps, logged = artists["losses"].get_data()
    assert list(steps) == list(range(7))
    np.testing.assert_allclose(logged, losses)


# ---------------------------------------------------------------------------
# The explorer, without a browser
# ---------------------------------------------------------------------------

def test_the_explorer_starts_before_any_step():
    explorer = DescentExplorer()
    assert explorer.formula_lines[0] == f"no step yet: w = [0.5, 0.3, 0.2], y = 2.9, L = (2.9 {MINUS} 4)² = 1.21"
    assert "No step yet: the loss is 1.21" in explorer.summary.value
    assert explorer.formula_lines[2].endswith("= [0.544, 0.366, 0.31]")
    ys, losses = explorer.artists["next"].get_data()
    assert list(ys) == pytest.approx([2.9, 3.736]) and list(losses) == pytest.approx([1.21, 0.264 ** 2])


def test_the_step_button_takes_a_step_and_reset_goes_back():
    explorer = DescentExplorer()
    picture_before = explorer.picture.value
    explorer.step_button.click()
    explorer.step_button.click()
    assert explorer.steps_slider.value == 2
    exact = exact_descent(ch09.X, ch09.W, ch09.TARGET, 0.01, 2)
    w, y, loss = exact[2]
    assert explorer.formula_lines[1].endswith("= [" + ", ".join(f"{float(v):.4f}".rstrip("0") for v in w) + "]")
    assert explorer.formula_lines[2] == f"now y = {float(y):.4f} and L = ({float(y):.4f} {MINUS} 4)² = 0.00401"
    assert explorer.summary.value.startswith("After 2 steps at learning rate 0.01, the loss went from 1.21 to 0.00401")
    assert explorer.picture.value != picture_before
    explorer.reset_button.click()
    assert explorer.steps_slider.value == 0 and explorer.formula_lines[0].startswith("no step yet")


def test_the_explorer_stops_at_its_last_step():
    explorer = DescentExplorer(steps=MAX_STEPS)
    explorer.step_button.click()
    assert explorer.steps == MAX_STEPS and len(explorer.path) == MAX_STEPS + 1


def test_the_learning_rate_moves_the_next_step_before_any_step():
    explorer = DescentExplorer()
    before = explorer.picture.value
    explorer.rate_slider.value = 0.02
    assert explorer.formula_lines[2].endswith("= [0.588, 0.432, 0.42]")  # w + 0.02 × [4.4, 6.6, 11]
    assert explorer.artists["next"].get_data()[0][1] == pytest.approx(4.572)
    assert explorer.picture.value != before


def test_moving_the_learning_rate_redraws_the_same_steps():
    explorer = DescentExplorer(steps=5)
    explorer.rate_slider.value = 0.03
    exact = exact_descent(ch09.X, ch09.W, ch09.TARGET, 0.03, 5)
    assert explorer.path[-1].loss == pytest.approx(float(exact[-1][2]))
    assert "diverges" in explorer.summary.value
    ys, _ = explorer.artists["path"].get_data()
    assert len(ys) == 6


def test_the_explorer_refuses_bad_starting_values():
    with pytest.raises(ValueError, match="one weight per input"):
        DescentExplorer(w=(0.5, 0.3))
    with pytest.raises(ValueError, match="outside the slider's range"):
        DescentExplorer(learning_rate=0.5)
    for steps in (-1, 21, 2.5, True):
        with pytest.raises(ValueError, match="whole number from 0 to 20"):
            DescentExplorer(steps=steps)


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

def said(check, *answer):
    return check.judge(*answer)


def test_every_stub_is_not_attempted():
    def gradient(x, w, target):
        # Your code here
        ...

    for check, stub in [(ch09.check_ana_slope, ...), (ch09.check_gradient, gradient), (ch09.check_gradient, ...),
                        (ch09.check_ana_step, ...), (ch09.check_ana_learning_rate, ...)]:
        assert said(check, stub).status == "not attempted"


def test_the_slope_check():
    assert said(ch09.check_ana_slope, -3).status == "correct"
    for wrong, words in [(3, "sign is flipped"), (-1.5, "factor 2 is missing"), (-0.6, "dL/dy"),
                         (-4.8, "skill, 8"), (0.09, "the loss itself"), (-0.18, "weight w2 = 0.3"),
                         (-2, "Your answer is")]:
        feedback = said(ch09.check_ana_slope, wrong)
        assert feedback.status == "mistake" and words in feedback.message, (wrong, feedback.message)


def relu_gradient(x, w, target):
    z = np.dot(x, w)
    y = max(z, 0)
    return 2 * (y - target) * (z > 0) * np.array(x)


def without_return(x, w, target):
    gradient = relu_gradient(x, w, target)  # noqa: F841


@pytest.mark.parametrize("function, words", [
    (lambda x, w, t: -relu_gradient(x, w, t), "sign is flipped"),
    (lambda x, w, t: relu_gradient(x, w, t) / 2, "factor 2 is missing"),
    (lambda x, w, t: 2 * (max(np.dot(x, w), 0) - t) * np.array(x), "ReLU gate is missing"),
    (lambda x, w, t: 2 * (np.dot(x, w) - t) * np.array(x), "ignores the ReLU"),
    (lambda x, w, t: 2 * (max(np.dot(x, w), 0) - t) * (np.dot(x, w) > 0) * np.array(w), "multiplies by the weights"),
    (without_return, "returned None"),
    (lambda x, w, t: print(relu_gradient(x, w, t)), "probably needs a return line"),
    (lambda x, w, t: 1 / 0, "ZeroDivisionError"),
    (lambda x, w, t: relu_gradient(x, w, t)[:1], "shape"),
    (3.5, "Expected a function"),
])
def test_the_gradient_check_names_the_mistake(function, words):
    feedback = said(ch09.check_gradient, function)
    assert feedback.status == "mistake" and words in feedback.message, feedback.message


def test_the_gradient_check_accepts_a_loop_and_lists():
    def gradient(x, w, target):
        z = sum(xi * wi for xi, wi in zip(x, w))
        if z <= 0:
            return [0.0] * len(x)
        return [2 * (z - target) * xi for xi in x]

    assert said(ch09.check_gradient, relu_gradient).status == "correct"
    assert said(ch09.check_gradient, gradient).status == "correct"


def test_the_step_check():
    assert said(ch09.check_ana_step, [0.5048, 0.303, 0.2036]).status == "correct"
    for wrong, words in [([0.4952, 0.297, 0.1964], "sign is flipped"), ([0.5024, 0.3015, 0.2018], "factor 2"),
                         ([0.548, 0.33, 0.236], "chapter's learning rate"), ([5.3, 3.3, 3.8], "learning rate is missing"),
                         ([4.8005, 3.0003, 3.6002], "multiplies the gradient, not the weights"),
                         ([0.0053, 0.0033, 0.0038], "gradient only"), ([-0.0048, -0.003, -0.0036], "the change"),
                         ([0.5, 0.3], "shape")]:
        feedback = said(ch09.check_ana_step, wrong)
        assert feedback.status == "mistake" and words in feedback.message, (wrong, feedback.message)
    assert "climbs the loss" in said(ch09.check_ana_step, [0.4952, 0.297, 0.1964]).message
    assert "0.140625" in said(ch09.check_ana_step, [0.4952, 0.297, 0.1964]).message  # (6.625 − 7)²


def test_the_learning_rate_check():
    assert said(ch09.check_ana_learning_rate, 0.004).status == "correct"
    assert said(ch09.check_ana_learning_rate, 1 / 250).status == "correct"
    for wrong, words in [(0.008, "factor 2 is missing"), (1 / 76, "x · x = 38"), (0.01, "diverges"),
                         (0.002, "about right"), (0.0005, "too small"), (-0.004, "climb the loss"),
                         ("0.004", "numbers")]:
        feedback = said(ch09.check_ana_learning_rate, wrong)
        assert feedback.status == "mistake" and words in feedback.message, (wrong, feedback.message)


def test_checks_print_and_never_raise(capsys):
    ch09.check_ana_slope(object())
    ch09.check_gradient(lambda: 1)
    out = capsys.readouterr().out
    assert out.count("❌ Not yet.") == 2


@pytest.mark.parametrize("check, answers", [
    (ch09.check_ana_slope, ["-3", "−3"]),
    (ch09.check_ana_step, ["0.5048", "0.303", "0.2036"]),
    (ch09.check_ana_learning_rate, ["0.004", "1/250", "1 / 250"]),
    (ch09.check_gradient, ["(z > 0)", "2 * (y - target)"]),
])
def test_no_answer_in_a_docstring_or_before_trying(check, answers):
    import pydoc

    shown = [check.__doc__ or "", pydoc.render_doc(check, renderer=pydoc.plaintext), check.judge(...).message]
    for text in shown:
        for answer in answers:
            assert answer not in text, f"{check.__name__} shows {answer!r} before any attempt"


@pytest.mark.parametrize("check", [ch09.check_ana_slope, ch09.check_ana_step, ch09.check_ana_learning_rate],
                         ids=lambda c: c.__name__)
@pytest.mark.parametrize("odd", ["seven", [1, 2], [[1], [2, 3]], np.nan, np.inf, {}, "0.004", object(), True])
def test_odd_answers_get_a_message_never_an_exception(check, odd, capsys):
    feedback = check.judge(odd)  # the judge itself, which raises if it cannot read the answer
    assert feedback.status == "mistake" and feedback.message.startswith("❌ Not yet."), feedback.message
    check(odd)
    assert capsys.readouterr().out == feedback.message + "\n"


@pytest.mark.parametrize("check, right", [(ch09.check_ana_slope, "−3"), (ch09.check_ana_learning_rate, "0.004")],
                         ids=["slope", "learning rate"])
def test_an_unknown_wrong_answer_gets_a_hint_not_the_answer(check, right):
    feedback = check.judge(123.456)
    assert feedback.status == "mistake" and "123.456" in feedback.message
    assert right not in feedback.message and right.replace("−", "-") not in feedback.message
