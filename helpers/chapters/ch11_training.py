"""Chapter 11, training: the exercises' checks and their data.

The network is chapter 07's: two inputs, a few ReLU hidden neurons, one output without an activation
(y = z2), trained by full-batch gradient descent on the labelled points of ``helpers.datasets``.
Each check judges by what training does with the answer, with a training loop written out here
(forward pass, backward pass and update in plain NumPy), independent of ``helpers.training``.
"""

from __future__ import annotations

import numbers

import numpy as np

from helpers.datasets import make_dataset
from helpers.exercises import Feedback, correct, exercise_check, is_stub, mistake, not_attempted
from helpers.formulas import format_number, format_percent
from helpers.training import init_network, network_accuracy

__all__ = [
    "EQUAL_START",
    "LOOP_CASES",
    "RATE_DATASET",
    "RATE_HIDDEN",
    "RATE_LOSS_BELOW",
    "RATE_STEPS",
    "SYMMETRY_DATASET",
    "SQUARE_BY_HAND",
    "SYMMETRY_STEPS",
    "check_learning_rate",
    "check_my_train",
    "check_symmetry_start",
    "gradient_descent_losses",
]


# ---------------------------------------------------------------------------
# A training loop written out, for judging (independent of helpers.training)
# ---------------------------------------------------------------------------

def gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate: float, steps: int, slip: str | None = None):
    """The loss before each step and after the last (steps + 1 values) of full-batch gradient descent
    on mse, for the network y = W2 @ ReLU(W1 @ x + b1) + b2, written out in NumPy.

    ``slip`` computes a typical mistake instead: "sign" (the parameters move up the gradient),
    "biases" (only the weights move), "once" (the gradient of the start is used at every step),
    "previous" (each step uses the gradient of the step before), "no rate" (the learning rate is left out).
    Introduced in chapter 11 (for its checks)."""
    return _descend(X, target, W1, b1, W2, b2, learning_rate, steps, slip)[0]


def _descend(X, target, W1, b1, W2, b2, learning_rate: float, steps: int, slip: str | None = None):
    """``gradient_descent_losses`` and the parameters after the last step."""
    X, target = np.asarray(X, dtype=float), np.asarray(target, dtype=float)
    W1, b1, W2, b2 = (np.array(a, dtype=float) for a in (W1, b1, W2, b2))
    rate = 1.0 if slip == "no rate" else learning_rate
    losses, first, previous = [], None, None
    with np.errstate(all="ignore"):
        for _ in range(steps + 1):
            Z1 = X @ W1.T + b1
            H = np.maximum(Z1, 0.0)
            Y = H @ W2.T + b2
            losses.append(float(np.mean((Y - target) ** 2)))
            if len(losses) == steps + 1:
                break
            delta2 = 2.0 * (Y - target) / Y.size      # no output activation: delta2 = dL/dy
            delta1 = (delta2 @ W2) * (Z1 > 0)
            gradients = (delta1.T @ X, delta1.sum(axis=0), delta2.T @ H, delta2.sum(axis=0))
            if slip == "once":
                first = first or gradients
                gradients = first
            elif slip == "previous":
                gradients, previous = (previous or gradients), gradients
            sign = -1.0 if slip == "sign" else 1.0
            W1 = W1 - sign * rate * gradients[0]
            W2 = W2 - sign * rate * gradients[2]
            if slip != "biases":
                b1 = b1 - sign * rate * gradients[1]
                b2 = b2 - sign * rate * gradients[3]
    return losses, (W1, b1, W2, b2)


def _case(name: str, n_points: int, n_hidden: int, seed: int, learning_rate: float, steps: int):
    X, target = make_dataset(name, n_points, seed=seed)
    return (X, target, *init_network(2, n_hidden, 1, seed=seed), learning_rate, steps)


LOOP_CASES = [
    _case("band", 12, 3, 1, 0.1, 6),
    _case("xor", 16, 2, 2, 0.05, 4),
]
"""Chapter 11, exercise 1: the test cases (X, target, W1, b1, W2, b2, learning_rate, steps) for ``my_train``."""

LOOP_SLIPS = [
    ("sign", "Your loss climbs: the update adds the gradient. Gradient descent subtracts it: "
             "W1 = W1 - learning_rate * gradients.dW1."),
    ("biases", "The weights learn but the biases do not: update b1 and b2 too, with db1 and db2."),
    ("once", "Every step uses the gradient of the start: call backward inside the loop, "
             "once per step, with the parameters as they are now."),
    ("previous", "Each step uses the gradient of the step before: call backward first, then update, "
                 "in that order, within the same step."),
    ("no rate", "The learning rate is missing: each step should move by learning_rate times the gradient."),
]


def _losses_answer(result, steps: int) -> tuple[np.ndarray | None, Feedback | None]:
    """The learner's loss history as floats, or the feedback that says why it cannot be read."""
    if result is None:
        return None, mistake("Your function returned None: it probably needs `return losses` at the end.")
    if isinstance(result, tuple) and len(result) > 1 and not np.isscalar(result[0]):
        return None, mistake("Your function returned several things: return only the list of losses.")
    try:
        losses = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None, mistake(f"Your function returned {type(result).__name__}, not a list of numbers: "
                             "return the list of losses.")
    if losses.ndim != 1:
        return None, mistake(f"Your function returned an array of shape {losses.shape}: "
                             "return a flat list with one loss per entry.")
    return losses, None


def _same(got: np.ndarray, want) -> bool:
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-7, atol=1e-9, equal_nan=True))


@exercise_check(chapter=11, number=1)
def check_my_train(function) -> Feedback:
    """`my_train(X, target, W1, b1, W2, b2, learning_rate, steps)`: full-batch gradient descent that
    returns the list of losses, one before the first step and one after each step."""
    if is_stub(function):
        return not_attempted()
    if not callable(function):
        return mistake(f"Expected a function, but got {type(function).__name__}: pass the function itself, without ().")
    for number, case in enumerate(LOOP_CASES, start=1):
        X, target, W1, b1, W2, b2, learning_rate, steps = case
        copies = [np.array(a, dtype=float) for a in (X, target, W1, b1, W2, b2)]
        try:
            with np.errstate(all="ignore"):
                result = function(*copies, learning_rate, steps)
        except Exception as error:
            return mistake(f"Your function raised {type(error).__name__} ({error}) on test case {number} "
                           f"({len(X)} points, {len(b1)} hidden neurons, {steps} steps).")
        if result is None and number == 1 and _looks_untouched(function):
            return not_attempted()
        losses, problem = _losses_answer(result, steps)
        if problem:
            return problem
        want = gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps)
        if _same(losses, want):
            continue
        if len(losses) == steps and _same(losses, want[1:]):
            return mistake(f"Your list has {steps} losses and starts after the first step: "
                           "record the loss before the first step too, so there are steps + 1 of them.")
        if len(losses) == steps and _same(losses, want[:-1]):
            return mistake(f"Your list has {steps} losses: the loss after the last step is missing "
                           "(compute it once more after the loop).")
        if len(losses) != steps + 1:
            return mistake(f"For {steps} steps your function returned {len(losses)} losses; expected {steps + 1}: "
                           "one before the first step and one after each step.")
        for slip, why in LOOP_SLIPS:
            if _same(losses, gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps, slip)):
                return mistake(why)
        where = int(np.argmax(~np.isclose(losses, want, rtol=1e-7, atol=1e-9)))
        return mistake(f"On test case {number}, loss {where} is {format_number(losses[where], 6)} where gradient "
                       f"descent gives {format_number(want[where], 6)}. Check the order: loss and gradients "
                       "from backward, then every parameter minus learning_rate times its gradient.")
    return correct("Your loop gives the same loss, step after step, as gradient descent written out independently.")


def _looks_untouched(function) -> bool:
    """True for the stub: a function whose body is only ``...`` (it returns None without doing anything)."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_names == () and len(code.co_code) <= 8


# ---------------------------------------------------------------------------
# Exercise 2: a learning rate that works
# ---------------------------------------------------------------------------

RATE_DATASET, RATE_HIDDEN, RATE_STEPS, RATE_LOSS_BELOW = "band", 4, 200, 0.25
"""Chapter 11, exercise 2: the band (200 points, seed 0), 4 hidden neurons (seed 0), 200 steps, a loss below 0.25."""
SLOW_BELOW = 0.05  #: a learning rate under this that misses the goal is too small; above, it bounces


@exercise_check(chapter=11, number=2)
def check_learning_rate(learning_rate) -> Feedback:
    """A learning rate with which 200 steps on the band, 4 hidden neurons, end with a loss below 0.25."""
    if is_stub(learning_rate):
        return not_attempted()
    if isinstance(learning_rate, (bool, np.bool_)) or not isinstance(learning_rate, numbers.Real):
        return mistake(f"Give one number, such as 0.5, but got {type(learning_rate).__name__} {learning_rate!r}.")
    rate = float(learning_rate)
    if not np.isfinite(rate):
        return mistake(f"The learning rate must be a finite number, but got {rate}.")
    if rate <= 0:
        return mistake(f"With a learning rate of {format_number(rate)} the steps do not go downhill: "
                       "it must be positive.")
    X, target = make_dataset(RATE_DATASET)
    losses = gradient_descent_losses(X, target, *init_network(2, RATE_HIDDEN, 1), rate, RATE_STEPS)
    runaway = next((k for k, loss in enumerate(losses) if not loss <= 1e6 * max(losses[0], 1.0)), None)
    if runaway is not None:
        return mistake(f"With learning rate {format_number(rate)} the loss runs away at step {runaway}: "
                       "each step overshoots the valley and lands higher on the other side. Try a much smaller one.")
    final = losses[-1]
    if final < RATE_LOSS_BELOW:
        return correct(f"After {RATE_STEPS} steps the loss is {format_number(final, 4)}.")
    if max(losses[1:]) > losses[0]:
        return mistake(f"The loss goes up on the way (to {format_number(max(losses), 3)}) and ends at "
                       f"{format_number(final, 4)}: the steps are so large that they bounce across the valley. "
                       "Try a smaller learning rate.")
    if rate < SLOW_BELOW:
        return mistake(f"The loss falls, but slowly: after {RATE_STEPS} steps it is still {format_number(final, 4)}. "
                       "Try a larger learning rate.")
    return mistake(f"After {RATE_STEPS} steps the loss is {format_number(final, 4)}, not below "
                   f"{format_number(RATE_LOSS_BELOW)}: the steps are large enough to bounce. Try a smaller learning rate.")


# ---------------------------------------------------------------------------
# Exercise 3: break the symmetry
# ---------------------------------------------------------------------------

SYMMETRY_DATASET, SYMMETRY_STEPS, SYMMETRY_RATE, SYMMETRY_ACCURACY = "circle", 1000, 0.1, 0.9
"""Chapter 11, exercise 3: the circle (200 points, seed 0), 1000 steps at learning rate 0.1, 90% of points right."""
EQUAL_START = (np.full((4, 2), 0.5), np.zeros(4), np.full((1, 4), 0.5), np.zeros(1))
"""Chapter 11, exercise 3: every hidden neuron starts the same: W1 rows [0.5, 0.5], b1 = 0, W2 = [[0.5] * 4], b2 = 0."""


SQUARE_BY_HAND = (np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.0], [0.0, -2.0]]), np.array([-2.0, -2.0, -2.0, -2.0]),
                  np.array([[-1.0, -1.0, -1.0, -1.0]]), np.array([0.1]))
"""Chapter 11: the square placed by hand in chapter 07 (its exercise 4), as W1, b1, W2, b2: the four sides
x[0] = ±1 and x[1] = ±1, each neuron active outside its side."""


def _twins(W1: np.ndarray) -> list[tuple[int, int]]:
    return [(j, k) for j in range(len(W1)) for k in range(j + 1, len(W1)) if np.array_equal(W1[j], W1[k])]


@exercise_check(chapter=11, number=3)
def check_symmetry_start(W1_start) -> Feedback:
    """Starting weights W1 (4 rows, 2 columns) for the circle, with b1, W2 and b2 as in EQUAL_START,
    from which 1000 steps of gradient descent get at least 90% of the points right."""
    if is_stub(W1_start):
        return not_attempted()
    try:
        W1 = np.array(W1_start, dtype=float)
    except (TypeError, ValueError):
        return mistake(f"W1_start should be 4 rows of 2 numbers, but got {type(W1_start).__name__}.")
    if W1.shape != (4, 2):
        hint = " It looks transposed: try W1_start.T." if W1.shape == (2, 4) else ""
        return mistake(f"W1_start has shape {W1.shape}, but 4 hidden neurons reading 2 inputs need shape (4, 2).{hint}")
    if not np.all(np.isfinite(W1)):
        return mistake("W1_start holds NaN or infinity: give ordinary numbers.")
    _, b1, W2, b2 = EQUAL_START
    X, target = make_dataset(SYMMETRY_DATASET)
    losses, (W1_end, b1_end, W2_end, b2_end) = _descend(X, target, W1, b1, W2, b2, SYMMETRY_RATE, SYMMETRY_STEPS)
    if not np.isfinite(losses[-1]) or losses[-1] > 1e6 * max(losses[0], 1.0):
        return mistake("From this start the loss runs away: the starting weights are so large that the first steps "
                       "overshoot. Use weights around 1 or smaller.")
    right = network_accuracy((W1_end, b1_end, W2_end, b2_end), X, target)
    share = format_percent(right)
    if not np.any(W1):
        return mistake(f"With every weight 0, z1 is 0 at every point, so ReLU's gate is shut and no gradient reaches "
                       f"W1: only b2 learns, and {share} of the points come out right. Start from weights that are not 0.")
    twins = _twins(W1)
    if len(twins) == 6:
        return mistake(f"All four rows are the same, so all four neurons get the same gradient at every step and stay "
                       f"twins: they draw one line, and {share} of the points come out right. Make the rows differ.")
    if twins:
        pairs = ", ".join(f"{j} and {k}" for j, k in twins)
        return mistake(f"Rows {pairs} are the same: those neurons get the same gradient at every step and stay twins, "
                       f"one line between them ({share} of the points come out right). Make every row different.")
    if right < SYMMETRY_ACCURACY:
        return mistake(f"Your rows differ, so each neuron can go its own way, but after {SYMMETRY_STEPS} steps only "
                       f"{share} of the points are right. Tiny weights start near a flat spot of the loss; "
                       "try rows of size about 1 pointing in different directions.")
    return correct(f"The four neurons went their own ways: {share} of the points are right after {SYMMETRY_STEPS} steps.")

