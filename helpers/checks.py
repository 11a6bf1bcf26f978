"""Exercise checks: each prints "Correct", names the likely mistake, or says "not attempted yet".

A check never raises at the learner: whatever the answer is (a number, a list, a function that
crashes, a string), the check prints one plain message. Every ``check_…`` function returns nothing,
so the check cell shows only that message; ``judge`` returns the ``Feedback`` for the tests.
"""

from __future__ import annotations

import functools
from typing import Callable, NamedTuple, Sequence

import numpy as np

from helpers import maths

CORRECT, MISTAKE, NOT_ATTEMPTED = "correct", "mistake", "not attempted"


class Feedback(NamedTuple):
    status: str  #: one of CORRECT, MISTAKE, NOT_ATTEMPTED
    message: str

    def __str__(self):
        return self.message


def correct(note: str = "") -> Feedback:
    return Feedback(CORRECT, "✅ Correct!" + (f" {note}" if note else ""))


def mistake(why: str) -> Feedback:
    return Feedback(MISTAKE, f"❌ Not yet. {why}")


def not_attempted() -> Feedback:
    return Feedback(
        NOT_ATTEMPTED,
        "⏳ Not attempted yet: replace the ... with your answer, run that cell, then run this one again.",
    )


def is_stub(answer) -> bool:
    """True for an answer the learner has not filled in yet (``...`` or ``None``)."""
    return answer is ... or answer is None


def judge(answer, expected, mistakes: Sequence[tuple[object, str]] = (), hint: str = "",
          tolerance: float = 1e-6, note: str = "") -> Feedback:
    """Compare a numeric answer with the expected value, then with each known wrong value.

    ``mistakes`` pairs a wrong value with the sentence that explains how it arises.
    ``hint`` is given when the answer matches neither the expected value nor a known mistake.

    >>> judge(19, 6.7, mistakes=[(19, "You added the inputs without their weights.")]).message
    '❌ Not yet. You added the inputs without their weights.'
    """
    if is_stub(answer):
        return not_attempted()
    expected = np.asarray(expected, dtype=float)
    try:
        got = maths.as_numbers(answer, "your answer")
    except (TypeError, ValueError) as error:
        return mistake(f"{error} Expected {_count(expected)}.")
    if got.shape != expected.shape:
        return mistake(f"Expected {_count(expected)}, but your answer has shape {got.shape}.")
    if np.allclose(got, expected, atol=tolerance, rtol=0):
        return correct(note)
    for wrong, why in mistakes:
        if np.shape(wrong) == got.shape and np.allclose(got, wrong, atol=tolerance, rtol=0):
            return mistake(why)
    return mistake(f"Your answer is {_show(got)}. {hint}".strip())


def _count(expected: np.ndarray) -> str:
    return "one number" if expected.ndim == 0 else f"{expected.size} numbers (shape {expected.shape})"


def _show(values: np.ndarray) -> str:
    if values.ndim == 0:
        return maths.format_number(values, decimals=4)
    return "[" + ", ".join(maths.format_number(v, decimals=4) for v in values.ravel()) + "]"


def exercise_check(function: Callable[..., Feedback]) -> Callable[..., None]:
    """Turn a function returning ``Feedback`` into a check that prints it and never raises."""

    @functools.wraps(function)
    def check(*args, **kwargs) -> None:
        try:
            feedback = function(*args, **kwargs)
        except Exception as error:  # the check itself must never crash at the learner
            feedback = mistake(f"The check could not read your answer ({type(error).__name__}: {error}).")
        print(feedback.message)

    check.judge = function  # the tests call this to get the Feedback itself
    return check


# ---------------------------------------------------------------------------
# Chapter 01: one neuron
# ---------------------------------------------------------------------------

HIRING_WEIGHTS = (0.5, 0.3, 0.2)  # skill, experience, communication
ANA = (8, 5, 6)


@exercise_check
def check_ana_score(answer) -> Feedback:
    """Chapter 01, exercise 1: Ana's score with the hiring weights, by hand (6.7)."""
    x, w = ANA, HIRING_WEIGHTS
    products = [xi * wi for xi, wi in zip(x, w)]
    return judge(
        answer, maths.weighted_sum(x, w),
        mistakes=[
            (sum(x), "You added Ana's three scores without weighing them: multiply each by its weight first."),
            (sum(w), "You added the weights: multiply each weight by Ana's score for it, then add."),
            (sum(products) / 3, "You averaged the products: a neuron adds them, it does not divide by 3."),
            *[(sum(products) - p, f"One product is missing: did you include {xi}×{wi}?")
              for p, xi, wi in zip(products, x, w)],
        ],
        hint="Work out 8×0.5, 5×0.3 and 6×0.2, then add the three products.",
    )


MY_WEIGHTED_SUM_CASES = [
    ([2, 3, 5], [0.5, 0.3, 0.2]), ([1, -2], [3, 4]), ([7], [0.5]), ([4, 0, 1, 2], [0.25, 9, -1, 0.5]),
]

# Each pattern is what a common slip computes; a slip is named only if it explains every case.
MY_WEIGHTED_SUM_SLIPS = [
    (lambda xs, ws: sum(xs), "It returns the sum of the inputs: multiply each input by its weight."),
    (lambda xs, ws: sum(ws), "It returns the sum of the weights: multiply each weight by its input."),
    (lambda xs, ws: sum(xs) * sum(ws), "It multiplies the two sums: multiply pairs first, then add the products."),
    (lambda xs, ws: sum(x * w for x, w in zip(xs[:-1], ws[:-1])),
     "The last product is missing: does the loop stop one step early?"),
    (lambda xs, ws: xs[-1] * ws[-1],
     "It returns only the last product: add to a running total (+=) instead of replacing it (=)."),
]


@exercise_check
def check_my_weighted_sum(function) -> Feedback:
    """Chapter 01, exercise 2: a weighted sum written with a loop."""
    if is_stub(function):
        return not_attempted()
    if not callable(function):
        return mistake(f"Expected a function, but got {type(function).__name__}: "
                       "pass the function itself, without ().")
    results = []
    for inputs, weights in MY_WEIGHTED_SUM_CASES:
        try:
            results.append(function(list(inputs), list(weights)))
        except Exception as error:
            return mistake(f"Your function raised {type(error).__name__} ({error}) "
                           f"for inputs={inputs}, weights={weights}.")
    if results[0] is None:
        return not_attempted()
    verdicts = [judge(got, sum(x * w for x, w in zip(xs, ws)))
                for got, (xs, ws) in zip(results, MY_WEIGHTED_SUM_CASES)]
    wrong = [(v, case) for v, case in zip(verdicts, MY_WEIGHTED_SUM_CASES) if v.status != CORRECT]
    if not wrong:
        return correct("Your loop agrees with the neuron on all four test cases.")
    for slip, why in MY_WEIGHTED_SUM_SLIPS:
        if all(judge(got, slip(xs, ws)).status == CORRECT for got, (xs, ws) in zip(results, MY_WEIGHTED_SUM_CASES)):
            return mistake(why)
    verdict, (inputs, weights) = wrong[0]
    what = verdict.message.removeprefix("❌ Not yet. ")
    return mistake(f"For inputs={inputs} and weights={weights}: {what} "
                   "Start a total at 0, and for each pair add input × weight to it.")


@exercise_check
def check_third_weight(answer) -> Feedback:
    """Chapter 01, exercise 3: the w3 that makes the 2, 3, 5 neuron output 4.0 (0.42)."""
    target, already = 4.0, 2 * 0.5 + 3 * 0.3
    return judge(
        answer, (target - already) / 5,
        mistakes=[
            (target / 5, "You divided 4 by 5, but the first two inputs already add 1.9: only the rest must come from 5×w3."),
            (target - already, "4 − 1.9 = 2.1 is what 5×w3 must give; w3 itself is that divided by the input 5."),
            ((target - 2.9) / 5, "0.22 is how much w3 must grow; the new weight is 0.2 plus that."),
            (target - 2.9, "1.1 is how much the output must grow; that growth comes from 5×(change in w3)."),
        ],
        hint="Write 2×0.5 + 3×0.3 + 5×w3 = 4 and solve for w3.",
    )


@exercise_check
def check_doubled_inputs(answer) -> Feedback:
    """Chapter 01, exercise 4: the output when every input doubles (5.8)."""
    return judge(
        answer, maths.weighted_sum([4, 6, 10], [0.5, 0.3, 0.2]),
        mistakes=[
            (2.9, "The output does change: every product doubles, so the sum doubles too."),
            (2.9 + 2, "Doubling the inputs doesn't add 2: it multiplies every product, and so the sum, by 2."),
            (2.9 * 4, "Only the inputs double, not the weights: each product is multiplied by 2, not 4."),
        ],
        hint="Each product input × weight doubles. What happens to their sum?",
    )
