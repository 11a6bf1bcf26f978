"""Chapter 09, slopes and gradient descent: the chapter's neuron and its exercise checks.

The chapter's neuron is chapter 01's: inputs 2, 3, 5, weights 0.5, 0.3, 0.2, output 2.9, which
should have been 4 (chapter 08's loss, L = (2.9 − 4)² = 1.21). The exercises follow Ana, the
candidate of chapter 01, whose score 6.7 should have been 7.
"""

from __future__ import annotations

import numpy as np

from helpers.chapters.ch01_one_neuron import ANA
from helpers.descent import error_factor, gradient_descent, learning_rate_verdict, neuron_gradient
from helpers.exercises import Feedback, MISTAKE, exercise_check, is_stub, judge_function, judge_number, mistake
from helpers.exercises import not_attempted
from helpers.formulas import format_number
from helpers.validation import as_scalar

__all__ = [
    "ANA", "ANA_LEARNING_RATE", "ANA_TARGET", "GRADIENT_CASES", "LEARNING_RATE", "TARGET", "W", "X",
    "check_ana_learning_rate", "check_ana_slope", "check_ana_step", "check_gradient",
]

X = (2, 3, 5)
W = (0.5, 0.3, 0.2)
TARGET = 4.0
LEARNING_RATE = 0.01
"""The chapter's neuron (chapter 01's), the output it should give, and the learning rate of its first step."""

ANA_TARGET = 7.0
"""Ana's marks ``ANA`` (skill, experience, communication; chapter 01's, re-exported here) give a score of
6.7 with the weights W; exercises 1, 3 and 4 suppose it should have been 7."""
ANA_LEARNING_RATE = 0.001


def _ana():
    return np.array(ANA, dtype=float), np.array(W, dtype=float), ANA_TARGET


@exercise_check(chapter=9, number=1)
def check_ana_slope(answer) -> Feedback:
    """The slope dL/dw2 of Ana's loss L = (y − 7)², by hand."""
    x, w, target = _ana()
    error = float(x @ w) - target  # 6.7 − 7
    right = 2 * error * x[1]
    return judge_number(
        answer, right,
        mistakes=[
            (-right, "The sign is flipped: you used (7 − y) instead of (y − 7). Ana's score is below 7, so a "
                     "larger w2 brings it closer and lowers the loss: the slope is negative. Stepping along a "
                     "positive slope would climb the loss."),
            (error * x[1], "The factor 2 is missing: the slope of (y − 7)² with respect to y is 2 (y − 7)."),
            (-error * x[1], "Two slips: the factor 2 is missing and the sign is flipped (use y − 7, not 7 − y)."),
            (2 * error, "That is dL/dy, the slope with respect to the output. A change in w2 changes y by "
                        "5 times as much (Ana's experience is 5), so multiply by x2."),
            (error ** 2, "That is the loss itself, L = (6.7 − 7)², not its slope."),
            (2 * error * x[0], "That uses Ana's skill, 8: the slope for w1. For w2, use her experience, 5."),
            (2 * error * x[2], "That uses Ana's communication, 6: the slope for w3. For w2, use her experience, 5."),
            (2 * error * w[1], "You multiplied by the weight w2 = 0.3; the slope for a weight is multiplied by "
                               "its input, x2 = 5."),
        ],
        hint="First Ana's score y and the error y − 7; then dL/dw2 = 2 × (y − 7) × x2.",
    )


# Each case: (x, w, target) for a neuron y = ReLU(x · w). Case 2's z is negative: the gate is shut.
GRADIENT_CASES = [
    ([2.0, 3.0, 5.0], [0.5, 0.3, 0.2], 4.0),
    ([1.0, -2.0], [0.5, 1.0], 1.0),
    ([4.0, 1.0], [0.5, 2.0], 1.0),
    ([1.0, -1.0, 2.0], [1.0, -1.0, 0.5], 2.0),
]


def _z(x, w):
    return float(np.dot(x, w))


def _relu(z):
    return max(z, 0.0)


GRADIENT_SLIPS = [
    (lambda x, w, t: 2 * (t - _relu(_z(x, w))) * (_z(x, w) > 0) * np.array(x),
     "The sign is flipped: it computes 2 (target − y) x. Stepping against that gradient would climb the loss; "
     "the slope is 2 (y − target) x."),
    (lambda x, w, t: (_relu(_z(x, w)) - t) * (_z(x, w) > 0) * np.array(x),
     "The factor 2 is missing: the slope of (y − target)² with respect to y is 2 (y − target)."),
    (lambda x, w, t: 2 * (_relu(_z(x, w)) - t) * np.array(x),
     "The ReLU gate is missing: where z = x · w is not positive, y = ReLU(z) stays 0 whatever the weights do, "
     "so every slope there is 0. Multiply by (z > 0)."),
    (lambda x, w, t: 2 * (_z(x, w) - t) * np.array(x),
     "It ignores the ReLU: it uses y = z and no gate. Where z is not positive, y = ReLU(z) = 0 and every "
     "slope is 0; multiply by (z > 0)."),
    (lambda x, w, t: 2 * (_relu(_z(x, w)) - t) * (_z(x, w) > 0) * np.ones(len(x)),
     "Each slope needs its input: dL/dwᵢ = 2 (y − target) × gate × xᵢ. It returns dL/dy (times the gate) for every weight."),
    (lambda x, w, t: 2 * (_relu(_z(x, w)) - t) * (_z(x, w) > 0) * np.array(w),
     "It multiplies by the weights; each slope is multiplied by its input: 2 (y − target) × gate × xᵢ."),
]


def _describe_case(case) -> str:
    x, w, target = case
    return f"For x = {x}, w = {w}, target = {format_number(target)}"


@exercise_check(chapter=9, number=2)
def check_gradient(function) -> Feedback:
    """Write gradient(x, w, target): the slopes dL/dw of one ReLU neuron without bias."""
    return judge_function(
        function, GRADIENT_CASES, [neuron_gradient(*case, activation="relu") for case in GRADIENT_CASES],
        GRADIENT_SLIPS, describe_case=_describe_case,
        hint="Compute z = x · w, y = ReLU(z), then 2 × (y − target) × (z > 0) × x, one entry per weight.",
        all_right="It agrees with the chain rule on all four neurons, including one whose ReLU is shut.",
        returns="return gradient",
    )


@exercise_check(chapter=9, number=3)
def check_ana_step(new_w) -> Feedback:
    """The weights after one step of gradient descent on Ana's loss, learning_rate = 0.001."""
    x, w, target = _ana()
    rate = ANA_LEARNING_RATE
    gradient = neuron_gradient(x, w, target)
    climbed = gradient_descent(x, w, target, -rate, 1)[1]
    return judge_number(
        new_w, w - rate * gradient,
        mistakes=[
            (w + rate * gradient,
             f"The sign is flipped: you added the gradient, which climbs the loss. Ana's score would fall to "
             f"{format_number(climbed.y, 4)} and the loss rise to {format_number(climbed.loss, 6)}. "
             "Step against the gradient: w − learning_rate × gradient."),
            (w - rate * gradient / 2, "The factor 2 is missing from the gradient: it is 2 × (y − 7) × x."),
            (rate * gradient, "That is the change, learning_rate × gradient, alone: subtract it from the weights."),
            (w - 0.01 * gradient, "That uses the chapter's learning rate 0.01; this exercise uses 0.001."),
            (w - gradient, "The learning rate is missing: the step is learning_rate × gradient, not the whole gradient."),
            (rate * w - gradient, "The learning rate multiplies the gradient, not the weights: w − learning_rate × gradient."),
            (rate * (w - gradient), "The learning rate multiplies the gradient only, not the weights: "
                                    "w − learning_rate × gradient."),
            (w - rate * w, "The learning rate multiplies the gradient, not the weights: w − learning_rate × gradient."),
        ],
        hint="The gradient is 2 × (6.7 − 7) × [8, 5, 6]; then new_w = w − 0.001 × gradient, entry by entry.",
    )


@exercise_check(chapter=9, number=4)
def check_ana_learning_rate(answer) -> Feedback:
    """The learning rate that takes Ana's score to 7 in a single step."""
    if is_stub(answer):
        return not_attempted()
    x, w, target = _ana()
    squares = float(x @ x)  # 125
    right = 1 / (2 * squares)
    slips = [
        (1 / squares, f"With 1 / {format_number(squares)} the factor 2 is missing: each step multiplies the "
                      f"error by 1 − 2 × learning_rate × {format_number(squares)} = −1, so the score bounces "
                      "between 6.7 and 7.3 for ever."),
        (1 / (2 * 38), "1/76 suits the chapter's neuron, whose inputs give x · x = 38; Ana's inputs 8, 5, 6 "
                       f"give x · x = {format_number(squares)}."),
    ]
    judged = judge_number(answer, right, tolerance=1e-7, mistakes=slips)
    if judged.status != MISTAKE or judged.message in [mistake(why).message for _, why in slips]:
        return judged
    try:
        rate = as_scalar(answer, "learning_rate")
    except (TypeError, ValueError):
        return judged  # judge_number has said why the answer cannot be read
    factor = error_factor(x, rate)
    return mistake(f"With learning_rate = {format_number(rate, 6)}, each step multiplies Ana's error y − 7 by "
                   f"1 − 2 × {format_number(rate, 6)} × {format_number(squares)} = {format_number(factor, 4)}: "
                   f"{learning_rate_verdict(factor)}. One step lands on 7 when that factor is 0.")
