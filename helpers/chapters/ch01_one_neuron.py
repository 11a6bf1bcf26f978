"""Chapter 01, one neuron: the exercises' checks and their data."""

from __future__ import annotations

from helpers.exercises import exercise_check, Feedback, judge_function, judge_number
from helpers.maths import weighted_sum


HIRING_WEIGHTS = (0.5, 0.3, 0.2)  # skill, experience, communication
ANA = (8, 5, 6)


@exercise_check(chapter=1, number=1)
def check_ana_score(answer) -> Feedback:
    """Ana's score with the hiring weights, worked out by hand."""
    x, w = ANA, HIRING_WEIGHTS
    products = [xi * wi for xi, wi in zip(x, w)]
    return judge_number(
        answer, weighted_sum(x, w),
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


@exercise_check(chapter=1, number=2)
def check_my_weighted_sum(function) -> Feedback:
    """A weighted sum written with a loop."""
    return judge_function(
        function, MY_WEIGHTED_SUM_CASES, [sum(x * w for x, w in zip(xs, ws)) for xs, ws in MY_WEIGHTED_SUM_CASES],
        MY_WEIGHTED_SUM_SLIPS, describe_case=lambda case: f"For inputs={case[0]} and weights={case[1]}",
        hint="Start a total at 0, and for each pair add input × weight to it.",
        all_right="Your loop agrees with the neuron on all four test cases.", returns="return total",
        on_error=lambda case, error: (f"Your function raised {type(error).__name__} ({error}) "
                                      f"for inputs={case[0]}, weights={case[1]}."),
    )


@exercise_check(chapter=1, number=3)
def check_third_weight(answer) -> Feedback:
    """The weight w3 that makes the neuron with inputs 2, 3, 5 output 4.0."""
    target, already = 4.0, 2 * 0.5 + 3 * 0.3
    return judge_number(
        answer, (target - already) / 5,
        mistakes=[
            (target / 5, "You divided 4 by 5, but the first two inputs already add 1.9: only the rest must come from 5×w3."),
            (target - already, "4 − 1.9 = 2.1 is what 5×w3 must give; w3 itself is that divided by the input 5."),
            ((target - 2.9) / 5, "0.22 is how much w3 must grow; the new weight is 0.2 plus that."),
            (target - 2.9, "1.1 is how much the output must grow; that growth comes from 5×(change in w3)."),
        ],
        hint="Write 2×0.5 + 3×0.3 + 5×w3 = 4 and solve for w3.",
    )


@exercise_check(chapter=1, number=4)
def check_doubled_inputs(answer) -> Feedback:
    """The neuron's output when every input doubles."""
    return judge_number(
        answer, weighted_sum([4, 6, 10], [0.5, 0.3, 0.2]),
        mistakes=[
            (2.9, "The output does change: every product doubles, so the sum doubles too."),
            (2.9 + 2, "Doubling the inputs doesn't add 2: it multiplies every product, and so the sum, by 2."),
            (2.9 * 4, "Only the inputs double, not the weights: each product is multiplied by 2, not 4."),
        ],
        hint="Each product input × weight doubles. What happens to their sum?",
    )
