"""Chapter 08, loss: the chapter's data, and the exercises' checks."""

from __future__ import annotations

import numpy as np

from helpers.exercises import (
    CORRECT,
    MISTAKE,
    NOT_ATTEMPTED,
    Entry,
    Feedback,
    close,
    correct,
    exercise_check,
    grid_feedback,
    is_stub,
    judge_function,
    judge_number,
    mistake,
    not_attempted,
    number_or_reason,
)
from helpers.formulas import format_number
from helpers.maths import weighted_sum

# ---------------------------------------------------------------------------
# The chapter's data
# ---------------------------------------------------------------------------

NEURON_INPUTS = (2, 3, 5)
NEURON_WEIGHTS = (0.5, 0.3, 0.2)
NEURON_TARGET = 4
"""Chapter 01's neuron gives 2×0.5 + 3×0.3 + 5×0.2 = 2.9; it should have given 4."""

THREE_SAMPLES_X = ((2, 3, 5), (1, 0, 2), (4, 1, 0))
THREE_SAMPLES_TARGETS = (4, 1.1, 1.8)
"""Three samples for the same neuron, one per row of X, each with its target."""

YES_NO_PREDICTIONS = (0.9, 0.2, 0.3, 0.1)
YES_NO_TARGETS = (1, 1, 0, 0)
"""A yes/no output: the first two samples are yeses (target 1), the last two noes (target 0)."""

TWO_SAMPLES_X = ((2, 3, 5), (1, 4, 0))
TWO_SAMPLES_TARGETS = (4, 1.7)
"""Two samples that the weights 0.5, 0.3, 0.42 both fit exactly."""


# ---------------------------------------------------------------------------
# Exercise 1: the error and the squared error, by hand
# ---------------------------------------------------------------------------

ERROR_INPUTS = (1, 4, 2)
ERROR_TARGET = 1.5
"""Exercise 1: the same weights 0.5, 0.3, 0.2, other inputs, another target."""


def _entry(name: str, value, right: float, slips) -> Entry:
    """One number of a two-number answer: right, a known slip (value, why), or wrong."""
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    if close(got, right):
        return Entry(name, CORRECT)
    for wrong, why in slips:
        if close(got, wrong):
            return Entry(name, MISTAKE, why)
    return Entry(name, MISTAKE, f"{format_number(got, 4)} is not it.")


@exercise_check(chapter=8, number=1)
def check_error_and_square(error, squared_error) -> Feedback:
    """The error y − target and the squared error of the neuron with inputs
    1, 4, 2 and weights 0.5, 0.3, 0.2, whose target is 1.5."""
    y = weighted_sum(ERROR_INPUTS, NEURON_WEIGHTS)
    e = y - ERROR_TARGET
    f = format_number
    error_entry = _entry("error", error, e, [
        (-e, f"that is target − y. The course writes the error as y − target, so it is positive when the "
             f"prediction is too high, as here ({f(y)} against {f(ERROR_TARGET)})."),
        (y, f"{f(y)} is the prediction y itself; the error is how far it is from the target: y − target."),
        (ERROR_TARGET, "that is the target; the error is the prediction minus the target."),
        (e ** 2, "that is the squared error; the error itself is y − target, before squaring."),
    ])
    square_entry = _entry("squared_error", squared_error, e ** 2, [
        (e, "that is the error itself, not squared: multiply the error by itself."),
        (-e, "that is the error with its sign flipped, not squared: multiply the error by itself."),
        (-(e ** 2), "a square is never negative. In Python, -0.6**2 means −(0.6²): "
                    "write (-0.6)**2, or error**2 with error = -0.6."),
        (2 * e, "that is 2 × error; squaring multiplies the error by itself."),
        (abs(e), "that is the size of the error, not its square: multiply the error by itself."),
    ])
    return grid_feedback([error_entry, square_entry],
                         all_right=f"The prediction {f(y)} is {f(e)} too high, and the squared error is {f(e ** 2)}.")


# ---------------------------------------------------------------------------
# Exercise 2: the mean squared error of a batch, by hand
# ---------------------------------------------------------------------------

MSE_PREDICTIONS = (2, 0.5, 3, 0)
MSE_TARGETS = (1, 0.5, 1, 2)
"""Exercise 2: four predictions and their targets."""


def _batch_slips(y, t) -> list[tuple[float, str]]:
    """What the usual slips compute for the batch (y, t), each with the sentence that names it."""
    y, t = np.asarray(y, dtype=float), np.asarray(t, dtype=float)
    errors = y - t
    n = errors.size
    return [
        (np.sum(errors ** 2), f"That is the sum of the squared errors: the mean divides it by the number of samples, {n}."),
        (np.sum(errors ** 2) / (n - 1), f"You divided by {n - 1}; the mean divides by the number of samples, {n}."),
        (np.mean(errors) ** 2, "You squared the mean error: the errors of opposite signs cancelled before squaring. "
                               "Square each error first, then take the mean."),
        (np.mean(errors), "That is the mean error, without squaring: square each error first, then take the mean."),
        (np.mean(np.abs(errors)), "That is the mean of the errors' sizes (without their signs); "
                                  "the loss squares each error instead."),
        (np.sum(errors), "That is the sum of the errors: square each one, then take the mean."),
        (np.sum(np.abs(errors)), "That is the sum of the errors' sizes: square each error, then take the mean."),
    ]


@exercise_check(chapter=8, number=2)
def check_batch_loss(answer) -> Feedback:
    """The mean squared error of four predictions against their targets."""
    y, t = np.asarray(MSE_PREDICTIONS, dtype=float), np.asarray(MSE_TARGETS, dtype=float)
    return judge_number(
        answer, np.mean((y - t) ** 2), mistakes=_batch_slips(y, t),
        hint="Write down the four errors y − target, square each, add the squares, then divide by 4.",
    )


# ---------------------------------------------------------------------------
# Exercise 3: the mean squared error as a function
# ---------------------------------------------------------------------------

MY_MSE_CASES = [
    (np.array([2.9, 1.0]), np.array([4.0, 1.0])),
    (np.array([2.0, 0.5, 3.0, 0.0]), np.array([1.0, 0.5, 1.0, 2.0])),
    (np.array([0.9, 0.2, 0.3, 0.1]), np.array([1.0, 1.0, 0.0, 0.0])),
    (np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 3.0]]), np.array([[0.0, 2.0], [1.0, 1.0], [3.0, 0.0]])),
]
"""Exercise 3's test cases: two predictions, a batch, a yes/no batch, and a batch of 3 samples with 2 outputs each."""

MY_MSE_SLIPS = [
    (lambda y, t: np.sum((y - t) ** 2), "It returns the sum of the squared errors: divide by the number of entries "
                                        "(np.mean does both)."),
    (lambda y, t: np.sum((y - t) ** 2) / len(y),
     "It divides by len(y), the number of rows: for a batch with 2 outputs per sample that counts samples, "
     "not entries. Divide by y.size, or use np.mean."),
    (lambda y, t: np.mean(y - t) ** 2, "It squares the mean error: errors of opposite signs cancel before squaring. "
                                       "Square each error first, then take the mean."),
    (lambda y, t: np.mean(y - t), "It returns the mean error, without squaring: square each error first."),
    (lambda y, t: np.mean(np.abs(y - t)), "It returns the mean of the errors' sizes; the loss squares each error."),
    (lambda y, t: sum((y - t) ** 2) / len(y),
     "It uses Python's sum, which adds the rows of a 2-D array and so gives one number per output. "
     "np.mean (or np.sum, then dividing by y.size) takes every entry."),
    (lambda y, t: np.sum((y - t) ** 2) / (np.size(y) - 1),
     "It divides by one less than the number of entries; the mean divides by the number of entries."),
]


def _case(case) -> str:
    y, t = case
    return f"For y = {y.tolist()} and target = {t.tolist()}"


@exercise_check(chapter=8, number=3)
def check_my_mse(function) -> Feedback:
    """my_mse(y, target), the mean squared error of two arrays of the same shape."""
    return judge_function(
        function, MY_MSE_CASES, [np.mean((y - t) ** 2) for y, t in MY_MSE_CASES], MY_MSE_SLIPS,
        describe_case=_case, hint="Square each error y − target, then take the mean over every entry.",
        all_right="It agrees with helpers.learning.mse on all four cases, the batch with 2 outputs included.",
        returns="return np.mean(...)",
    )


# ---------------------------------------------------------------------------
# Exercise 4: drag to the lowest loss
# ---------------------------------------------------------------------------

LOWEST_TARGET = 5
"""Exercise 4: the explorer's target; the learner drags w3 until the loss is lowest."""


@exercise_check(chapter=8, number=4)
def check_lowest_loss(explorer) -> Feedback:
    """The loss explorer with target 5, dragged to the lowest loss."""
    if is_stub(explorer):
        return not_attempted()
    if getattr(explorer, "kind", None) != "loss":
        return mistake("Pass the loss explorer itself (the name you gave it, such as lowest), "
                       f"not {type(explorer).__name__}.")
    f = format_number
    if not close(explorer.target, LOWEST_TARGET, 1e-9):
        return mistake(f"The exercise asks for the target {LOWEST_TARGET}, but the explorer's target is "
                       f"{f(explorer.target)}: set it back to {LOWEST_TARGET}, then find the lowest loss again.")
    if explorer.moves == 0:
        return Feedback(NOT_ATTEMPTED, "⏳ Not attempted yet: drag the w3 slider (or click it and use the arrow "
                                       "keys) until the loss is as low as you can make it, then run this check again.")
    point = explorer.point
    step = explorer.weight_slider.step
    if abs(point.weight - point.best) < step / 2:
        return correct(f"At w3 = {f(point.weight)} the prediction is {f(point.prediction)} and the loss "
                       f"{f(point.loss, 4)}: no other w3 does better.")
    way = "increase w3: the curve still falls to the right" if point.weight < point.best else \
        "decrease w3: the curve rises to the right of the dot"
    return mistake(f"At w3 = {f(point.weight)} the prediction is {f(point.prediction)}, and the loss "
                   f"{f(point.loss, 4)} is not yet the lowest a w3 can reach. To go lower, {way}.")
