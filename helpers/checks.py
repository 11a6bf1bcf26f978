"""Exercise checks: each prints "Correct", names the likely mistake, or says "not attempted yet".

An answer with several entries (a list of ReLU values, a grid of z and h values) is judged entry by
entry: each wrong entry is named with its mistake, and entries still ``...`` are listed as missing.

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
INCOMPLETE = "incomplete"  #: some entries of a grid filled in and right, the others still ``...``


class Feedback(NamedTuple):
    status: str  #: one of CORRECT, MISTAKE, NOT_ATTEMPTED, INCOMPLETE
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
        got = maths.as_numbers(answer, "Your answer")
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


def function_answer_problem(function) -> Feedback | None:
    """What is wrong with an answer that should be a function, before it is called: None if nothing."""
    if is_stub(function):
        return not_attempted()
    if not callable(function):
        return mistake(f"Expected a function, but got {type(function).__name__}: "
                       "pass the function itself, without ().")
    return None


@exercise_check
def check_my_weighted_sum(function) -> Feedback:
    """Chapter 01, exercise 2: a weighted sum written with a loop."""
    if (problem := function_answer_problem(function)) is not None:
        return problem
    results = []
    for inputs, weights in MY_WEIGHTED_SUM_CASES:
        try:
            results.append(function(list(inputs), list(weights)))
        except Exception as error:
            return mistake(f"Your function raised {type(error).__name__} ({error}) "
                           f"for inputs={inputs}, weights={weights}.")
    if results[0] is None:
        return not_attempted()
    return judge_results(
        results, MY_WEIGHTED_SUM_CASES, [sum(x * w for x, w in zip(xs, ws)) for xs, ws in MY_WEIGHTED_SUM_CASES],
        MY_WEIGHTED_SUM_SLIPS, describe=lambda case: f"For inputs={case[0]} and weights={case[1]}",
        hint="Start a total at 0, and for each pair add input × weight to it.",
        all_right="Your loop agrees with the neuron on all four test cases.",
    )


def judge_results(results, cases, expected, slips, describe, hint: str, all_right: str) -> Feedback:
    """Judge a learner's function by what it returned for each test case: correct if every result is
    right; else the slip that explains every result, if one does; else the first wrong case, described.
    A slip is a function of the case's arguments with the sentence that names it."""
    verdicts = [judge(got, want) for got, want in zip(results, expected)]
    if all(v.status == CORRECT for v in verdicts):
        return correct(all_right)
    for slip, why in slips:
        if all(judge(got, slip(*case)).status == CORRECT for got, case in zip(results, cases)):
            return mistake(why)
    wrong = next(i for i, v in enumerate(verdicts) if v.status != CORRECT)
    what = verdicts[wrong].message.removeprefix("❌ Not yet. ")
    return mistake(f"{describe(cases[wrong])}: {what} {hint}")


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


# ---------------------------------------------------------------------------
# Answers with several entries: each entry judged on its own
# ---------------------------------------------------------------------------

class Entry(NamedTuple):
    """The verdict on one entry of a grid answer: its name, a status, and what to say about it."""

    name: str
    status: str  #: CORRECT, MISTAKE or NOT_ATTEMPTED
    why: str = ""
    label: str = ""  #: how the message introduces a wrong entry, if not by its name


def entries_of(answer, count: int, name: str):
    """The learner's ``answer`` as ``count`` entries (``...`` for those not filled in), or a
    ``Feedback`` explaining why it cannot be read that way.

    A whole stub (``...``) counts as ``count`` missing entries.
    """
    if is_stub(answer):
        return [...] * count
    if isinstance(answer, (str, bytes, dict, set)) or not hasattr(answer, "__len__"):
        return mistake(f"{name} should be a list of {count} entries, "
                       f"but it is {maths._describe(answer)}.")
    values = list(answer.ravel()) if isinstance(answer, np.ndarray) else list(answer)
    if len(values) != count:
        return mistake(f"{name} should have {count} entries, but it has {len(values)}: {maths._describe(answer)}.")
    return values


def number_or_reason(value, name: str):
    """``(number, None)`` for a number; ``(None, reason)`` for anything else."""
    try:
        return maths._as_scalar(value, name), None
    except (TypeError, ValueError) as error:
        return None, str(error)


def close(a, b, tolerance: float = 1e-6) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= tolerance


def grid_feedback(entries: Sequence[Entry], all_right: str = "", each: str = "a number") -> Feedback:
    """One message for a grid of entries: every wrong entry named with its mistake, the entries
    still missing listed, the right ones acknowledged."""
    wrong = [e for e in entries if e.status == MISTAKE]
    missing = [e.name for e in entries if e.status == NOT_ATTEMPTED]
    right = [e.name for e in entries if e.status == CORRECT]
    if not wrong and not right:
        return not_attempted()
    if not wrong and not missing:
        return correct(all_right)
    lines = []
    if wrong:
        lines.append("❌ Not yet.")
        lines += [f"- {e.label or e.name}: {e.why}" for e in wrong]
        if right:
            lines.append(f"Right so far: {', '.join(right)}.")
    else:
        lines.append(f"⏳ So far so good: {', '.join(right)} {'is' if len(right) == 1 else 'are'} right.")
    if missing:
        lines.append(f"Still to fill in: {', '.join(missing)} (replace each ... with {each}).")
    return Feedback(MISTAKE if wrong else INCOMPLETE, "\n".join(lines))


# ---------------------------------------------------------------------------
# Chapter 02: bias and activation
# ---------------------------------------------------------------------------

SWITCH_INPUTS, SWITCH_WEIGHTS = (2, 3, 5), (0.5, 0.3, 0.2)


@exercise_check
def check_switching_bias(answer) -> Feedback:
    """Chapter 02, exercise 1: the bias that puts the 2, 3, 5 neuron exactly at z = 0 (−2.9)."""
    total = maths.weighted_sum(SWITCH_INPUTS, SWITCH_WEIGHTS)
    return judge(
        answer, -total,
        mistakes=[
            (total, "With a bias of +2.9, z = 2.9 + 2.9 = 5.8. "
                    "The bias must cancel the sum, so it has the opposite sign."),
            (-1.0, "−1 is the bias used above: z = 2.9 − 1 = 1.9 is still above 0. "
                   "The bias must cancel all of 2.9."),
            (0.0, "With no bias z = 2.9, well above 0: the bias has to pull z all the way down to 0."),
            (-(total - 1), "That cancels 1.9, the output with bias −1; "
                           "the bias must cancel the weighted sum 2.9 itself."),
        ],
        hint="Write 2.9 + b = 0 and solve for b.",
        note="At b = −2.9, z = 0: a little more input switches the neuron on, a little less leaves it at 0.",
    )


RELU_Z = (3, -2, 0, 0.5, -0.1)


def _relu_entry(name: str, z: float, value) -> Entry:
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    right = max(0.0, z)
    f = maths.format_number
    if close(got, right):
        return Entry(name, CORRECT)
    if z < 0 and close(got, -z):
        return Entry(name, MISTAKE, f"ReLU does not flip the sign: a negative z like {f(z)} becomes 0.")
    if z < 0 and close(got, z):
        return Entry(name, MISTAKE, f"{f(z)} is negative, and ReLU replaces every negative z by 0.")
    if z > 0 and close(got, 1):
        return Entry(name, MISTAKE, f"ReLU is not an on/off switch: a positive z like {f(z)} "
                                    "passes through unchanged.")
    if z > 0 and close(got, 0):
        return Entry(name, MISTAKE, f"only negative values become 0; a positive z like {f(z)} "
                                    "passes through unchanged.")
    return Entry(name, MISTAKE, f"your {f(got)} is not ReLU({f(z)}): ReLU gives the larger of 0 and z.")


@exercise_check
def check_relu_values(answer) -> Feedback:
    """Chapter 02, exercise 2: ReLU of 3, −2, 0, 0.5, −0.1, predicted by hand ([3, 0, 0, 0.5, 0])."""
    values = entries_of(answer, len(RELU_Z), "relu_values")
    if isinstance(values, Feedback):
        return values
    numbers = [number_or_reason(v, "")[0] if not is_stub(v) else None for v in values]
    if None not in numbers:  # a pattern across the whole list names the idea behind it
        patterns = [
            ([float(z) for z in RELU_Z], "ReLU changed nothing here: every negative z becomes 0."),
            ([abs(z) for z in RELU_Z], "ReLU does not flip signs: a negative z becomes 0, not its positive version."),
            ([float(z > 0) for z in RELU_Z],
             "ReLU is not an on/off switch: a positive z passes through unchanged (ReLU(0.5) = 0.5)."),
            ([min(0.0, z) for z in RELU_Z],
             "That keeps the negative values and zeroes the positive ones: ReLU does the opposite, max(0, z)."),
        ]
        for pattern, why in patterns:
            if all(close(a, b) for a, b in zip(numbers, pattern)) and not all(
                close(a, max(0.0, z)) for a, z in zip(numbers, RELU_Z)
            ):
                return mistake(why)
    entries = [_relu_entry(f"ReLU({maths.format_number(z)})", z, v) for z, v in zip(RELU_Z, values)]
    return grid_feedback(entries, "Negative values became 0; the others passed through unchanged.")


FULL_INPUTS, FULL_WEIGHTS, FULL_BIAS = (1, 4, 2), (0.5, -1, 0.5), 3.0


@exercise_check
def check_full_neuron(answer) -> Feedback:
    """Chapter 02, exercise 3: the whole neuron by hand, ReLU(1×0.5 + 4×(−1) + 2×0.5 + 3) = 0.5."""
    total = maths.weighted_sum(FULL_INPUTS, FULL_WEIGHTS)  # −2.5
    positive_total = sum(x * abs(w) for x, w in zip(FULL_INPUTS, FULL_WEIGHTS))  # sign of −1 ignored
    return judge(
        answer, maths.neuron(FULL_INPUTS, FULL_WEIGHTS, FULL_BIAS),
        mistakes=[
            (maths.relu(total) + FULL_BIAS,
             "You applied ReLU before adding the bias: ReLU(−2.5) + 3. Add the bias first, then apply ReLU to z."),
            (0.0, "ReLU gives 0 only when z is negative. Did you leave out the bias +3, or subtract it? "
                  "Add it to the weighted sum before applying ReLU."),
            (total, "That is the weighted sum alone: add the bias, then apply ReLU."),
            (positive_total + FULL_BIAS,
             "The weight −1 makes the input 4 count negatively: 4×(−1) = −4, not +4."),
            (positive_total, "The weight −1 makes the input 4 count negatively (4×(−1) = −4), "
                             "and the bias +3 is missing."),
        ],
        hint="Three products, their sum, plus the bias, then ReLU: in that order.",
    )


ACTIVATION_PUZZLES = ((2.0, 0.964), (-2.0, 0.0), (2.0, 0.881), (-2.0, -2.0))
"""(z, output) for the cases A, B, C, D of chapter 02's "which activation?" exercise."""
ACTIVATION_ANSWERS = ("tanh", "ReLU", "sigmoid", "none")
_ACTIVATION_SPELLINGS = {
    "relu": "ReLU", "sigmoid": "sigmoid", "logistic": "sigmoid", "tanh": "tanh",
    "none": "none", "no activation": "none", "linear": "none", "identity": "none",
}


def _activation_named(value) -> str | None:
    """The activation a learner means by ``value`` (a name, a function, or None), or None if unknown."""
    if value is None:
        return "none"
    if isinstance(value, str):
        return _ACTIVATION_SPELLINGS.get(value.strip().lower())
    for name, function in maths.ACTIVATIONS.items():
        if function is not None and value is function:
            return name
    return None


def _apply(name: str, z: float) -> float:
    function = maths.ACTIVATIONS[name]
    return z if function is None else float(function(z))


@exercise_check
def check_which_activation(answer) -> Feedback:
    """Chapter 02, exercise 4: name the activation behind each (z, output) pair."""
    values = entries_of(answer, len(ACTIVATION_PUZZLES), "activations")
    if isinstance(values, Feedback):
        return values
    f = maths.format_number
    entries = []
    for case, (z, output), right, value in zip("ABCD", ACTIVATION_PUZZLES, ACTIVATION_ANSWERS, values):
        name = f"case {case}"
        if value is ...:
            entries.append(Entry(name, NOT_ATTEMPTED))
            continue
        guess = _activation_named(value)
        if guess is None:
            entries.append(Entry(name, MISTAKE, f"{maths._describe(value)} is not one of the names "
                                                f"{', '.join(repr(n) for n in maths.ACTIVATIONS)}."))
        elif guess == right:
            entries.append(Entry(name, CORRECT))
        else:
            gives = f(_apply(guess, z), 3)
            what = "no activation leaves z as it is" if guess == "none" else f"{guess}({f(z)}) = {gives}"
            entries.append(Entry(name, MISTAKE, f"{what}, but the output here is {f(output, 3)}."))
    return grid_feedback(entries, "ReLU cuts negatives to 0, sigmoid squashes into (0, 1), tanh into (−1, 1).",
                         each="a name in quotes")


# ---------------------------------------------------------------------------
# Chapter 03: a layer of neurons
# ---------------------------------------------------------------------------

STACK_WEIGHTS = ((1, 2), (0, -1), (0.5, 0.5))
"""The weights of neurons 0, 1 and 2 in chapter 03's "stack the rows" exercise."""


@exercise_check
def check_stacked_weights(W) -> Feedback:
    """Chapter 03, exercise 1: the weights of three neurons with two inputs stacked as the rows of W."""
    if is_stub(W):
        return not_attempted()
    expected = np.array(STACK_WEIGHTS, dtype=float)
    try:
        got = maths.as_numbers(W, "W", ndim=(1, 2))
    except (TypeError, ValueError) as error:
        return mistake(f"{error} W should be a list of 3 rows of 2 numbers, or the same as a NumPy array.")
    if got.shape == expected.T.shape and np.allclose(got, expected.T):
        return mistake(f"Your W has shape {got.shape}: it is transposed. Each row of W holds one neuron's "
                       f"weights, so W has one row per neuron and one column per input: shape {expected.shape}.")
    if got.ndim == 1:
        return mistake(f"Your W is a flat list of {got.size} numbers. W needs one row per neuron: "
                       "a list of 3 lists, each holding that neuron's 2 weights.")
    if got.shape != expected.shape:
        return mistake(f"Your W has shape {got.shape}, but 3 neurons with 2 inputs each need shape (3, 2): "
                       "one row per neuron, one column per input.")
    if np.allclose(got, expected):
        return correct("Row j of W is neuron j's weights.")
    if sorted(map(tuple, got.tolist())) == sorted(map(tuple, expected.tolist())):
        return mistake("You have the right rows in the wrong order: row j must be neuron j's weights.")
    if np.allclose(got, expected[:, ::-1]):
        return mistake("Each row lists its weights in reverse: W[j, i] is the weight neuron j gives input i, "
                       "so W[j, 0] comes first.")
    wrong = [j for j in range(3) if not np.allclose(got[j], expected[j])]
    return mistake(f"Row{'s' if len(wrong) > 1 else ''} {', '.join(map(str, wrong))} "
                   f"{'do' if len(wrong) > 1 else 'does'} not match the neuron's weights: row j is neuron j.")


SHAPES_NEURONS, SHAPES_INPUTS = 5, 2


def _as_shape(value):
    """A shape written as a tuple, a list, or a single whole number for 1-D; else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return (int(value),)
    if isinstance(value, (tuple, list)) and all(
        isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in value
    ):
        return tuple(int(v) for v in value)
    return None


def _shape_entry(name: str, value, right: tuple, slips: dict) -> Entry:
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    shape = _as_shape(value)
    if shape is None:
        return Entry(name, MISTAKE, f"write a shape as a tuple of whole numbers, such as (3, 4) or (3,); "
                                    f"got {maths._describe(value)}.")
    if shape == right:
        return Entry(name, CORRECT)
    return Entry(name, MISTAKE, slips.get(shape, f"{shape} is not it. {slips['hint']}"))


@exercise_check
def check_layer_shapes(W_shape, b_shape, z_shape) -> Feedback:
    """Chapter 03, exercise 2: the shapes of W, b and z for 5 neurons reading 2 inputs."""
    n, m = SHAPES_NEURONS, SHAPES_INPUTS
    entries = [
        _shape_entry("W_shape", W_shape, (n, m), {
            (m, n): f"({m}, {n}) is the transposed shape: W has one row per neuron, so (n_neurons, n_inputs).",
            (n * m,): f"{n * m} is how many weights there are; "
                      "the shape says how they are arranged: (rows, columns).",
            "hint": "W has one row per neuron and one column per input.",
        }),
        _shape_entry("b_shape", b_shape, (n,), {
            (m,): "there is one bias per neuron, not one per input.",
            (n, 1): f"b is a plain 1-D vector with one number per neuron: ({n},).",
            (1, n): f"b is a plain 1-D vector with one number per neuron: ({n},).",
            (n, m): "b is not a matrix: each neuron has a single bias.",
            "hint": "Each neuron has one bias.",
        }),
        _shape_entry("z_shape", z_shape, (n,), {
            (m,): "z has one value per neuron, not per input: W @ x gives one number for each row of W.",
            (n, m): "W @ x is not a matrix: each row of W dotted with x gives a single number, so z is 1-D.",
            (n, 1): f"W @ x with a 1-D x gives a 1-D result: ({n},).",
            "hint": "W @ x gives one number for each row of W.",
        }),
    ]
    return grid_feedback(entries, f"A ({n}, {m}) W times a ({m},) x gives ({n},): the inner {m}s match and cancel.",
                         each="a shape")


GRID_X = (1, 2, 3)
GRID_W = ((0.5, -1, 2), (-1, 1, -1), (1, 0, 1), (1, -1, -1))
GRID_B = (-1, 0.5, -2, 3)
"""The layer of chapter 03's by-hand grid: x, W (4 neurons × 3 inputs) and b."""


class GridNames(NamedTuple):
    """What the messages of a by-hand grid call the values: chapter 03's layer unless told otherwise."""

    x: str = "x"
    W: str = "W"
    b: str = "b"
    z: str = "z"
    h: str = "h"
    neuron: str = "neuron"


def _grid_z_entry(j: int, value, x, W, b, names: GridNames = GridNames()) -> Entry:
    X, Wn, B, Z, N = names.x, names.W, names.b, names.z, names.neuron
    name, label = f"{Z}[{j}]", f"{N} {j}, {Z}[{j}]"
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    z = W @ x + b
    if close(got, z[j]):
        return Entry(name, CORRECT)
    f = maths.format_number
    n_neurons, n_inputs = W.shape
    slips = [(W[j] @ x, f"you forgot the bias: add {B}[{j}] = {f(b[j])} to the weighted sum.")]
    if j < n_inputs <= n_neurons:  # a column of W read downwards, as if it were a row
        slips.append((W[:n_inputs, j] @ x + b[j],
                      f"you used column {j} of {Wn} (read downwards), not row {j}: "
                      f"{N} {j}'s weights are the row {Wn}[{j}], read across."))
    for k in range(n_neurons):
        if k != j:
            slips.append((z[k], f"that is {Z}[{k}], {N} {k}'s value: use row {Wn}[{j}] and {B}[{j}]."))
    for k in range(n_neurons):
        if k != j:
            slips.append((W[k] @ x + b[j], f"you used row {k} of {Wn}; {N} {j}'s weights are row {j}."))
            slips.append((W[j] @ x + b[k], f"you added {B}[{k}], {N} {k}'s bias, instead of {B}[{j}]."))
    slips.append((W[j] @ x - b[j], f"you subtracted the bias; {Z} = {Wn}[{j}] @ {X} + {B}[{j}] adds it."))
    slips.append((np.abs(W[j]) @ x + b[j],
                  f"a negative weight makes its input count negatively ({Wn}[{j}, i] × {X}[i] < 0)."))
    for i in range(n_inputs):
        if W[j, i] * x[i] != 0:
            slips.append((z[j] - W[j, i] * x[i], f"the product {Wn}[{j},{i}] × {X}[{i}] is missing."))
    for wrong, why in slips:
        if close(got, wrong) and not close(wrong, z[j]):
            return Entry(name, MISTAKE, why, label)
    return Entry(name, MISTAKE, f"multiply row {Wn}[{j}] by {X} entry by entry, add the "
                                f"{n_inputs} products, then add {B}[{j}].", label)


def _grid_h_entry(j: int, value, z_given, x, W, b, names: GridNames = GridNames()) -> Entry:
    B, Z, H, N = names.b, names.z, names.h, names.neuron
    name, label = f"{H}[{j}]", f"{N} {j}, {H}[{j}]"
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason, label)
    z = W @ x + b
    right = max(0.0, z[j])
    if close(got, right):
        return Entry(name, CORRECT)
    f = maths.format_number
    if z_given is not None and not close(z_given, z[j]) and close(got, max(0.0, z_given)):
        return Entry(name, MISTAKE, f"ReLU of your {Z}[{j}] is right, but {Z}[{j}] is not yet: "
                                    f"fix {Z}[{j}] and {H}[{j}] follows.", label)
    if z[j] < 0 and close(got, z[j]):
        return Entry(name, MISTAKE, f"{Z}[{j}] is negative, and ReLU turns a negative z into 0.", label)
    relu_first = max(0.0, W[j] @ x) + b[j]
    if close(got, relu_first):
        return Entry(name, MISTAKE, f"you applied ReLU before adding the bias: add {B}[{j}] first, "
                                    f"then apply ReLU to {Z}[{j}].", label)
    if z[j] < 0 and close(got, -z[j]):
        return Entry(name, MISTAKE, "ReLU does not flip the sign: a negative z gives 0.", label)
    if z[j] > 0 and close(got, 0):
        return Entry(name, MISTAKE, f"{Z}[{j}] is positive, and ReLU passes a positive z through unchanged.", label)
    if z[j] > 0 and close(got, 1):
        return Entry(name, MISTAKE, "ReLU is not an on/off switch: a positive z passes through unchanged.", label)
    if close(got, max(0.0, W[j] @ x)):
        return Entry(name, MISTAKE, f"the bias {B}[{j}] = {f(b[j])} is missing: {H}[{j}] = ReLU({Z}[{j}]), "
                                    f"and {Z}[{j}] includes it.", label)
    return Entry(name, MISTAKE, f"{H}[{j}] = ReLU({Z}[{j}]): the larger of 0 and {Z}[{j}].", label)


@exercise_check
def check_layer_grid(z, h) -> Feedback:
    """Chapter 03, exercise 3: the four z values and the four ReLU outputs of a layer, by hand."""
    x, W, b = (np.array(v, dtype=float) for v in (GRID_X, GRID_W, GRID_B))
    n = len(b)
    z_values, h_values = entries_of(z, n, "z"), entries_of(h, n, "h")
    for values in (z_values, h_values):
        if isinstance(values, Feedback):
            return values
    z_numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in z_values]
    entries = [_grid_z_entry(j, z_values[j], x, W, b) for j in range(n)]
    entries += [_grid_h_entry(j, h_values[j], z_numbers[j], x, W, b) for j in range(n)]
    return grid_feedback(entries, "All four z values and all four ReLU outputs are right.")


# ---------------------------------------------------------------------------
# Chapter 07: lines to shapes
# ---------------------------------------------------------------------------

LINE_W, LINE_B = (1.0, 2.0), -2.0
"""The neuron of chapter 07's exercises 1 and 2: z = 1·x[0] + 2·x[1] − 2."""


def _crossing_entry(name: str, value, right: float, slips: list[tuple[float, str]]) -> Entry:
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
    return Entry(name, MISTAKE, f"{maths.format_number(got)} is not it: put the other input to 0 in "
                                "1·x[0] + 2·x[1] − 2 = 0 and solve for this one.")


@exercise_check
def check_line_crossings(crosses_x0, crosses_x1) -> Feedback:
    """Chapter 07, exercise 1: where the line 1·x[0] + 2·x[1] − 2 = 0 crosses the axes (x[0] = 2, x[1] = 1)."""
    (w0, w1), b = LINE_W, LINE_B
    entries = [
        _crossing_entry("crosses_x0", crosses_x0, -b / w0, [
            (b / w0, "the sign is flipped: 1·x[0] − 2 = 0 gives x[0] = +2 (move the −2 to the other side)."),
            (-b / w1, "that is where the line crosses the other axis: here x[1] = 0, so solve 1·x[0] − 2 = 0."),
            (w0 / -b, "divide the other way round: 1·x[0] = 2 gives x[0] = 2 / 1."),
            (w0 / b, "divide the other way round: 1·x[0] = 2 gives x[0] = 2 / 1."),
            (0.0, "without the bias the line would pass through (0, 0); with it, solve 1·x[0] − 2 = 0."),
        ]),
        _crossing_entry("crosses_x1", crosses_x1, -b / w1, [
            (b / w1, "the sign is flipped: 2·x[1] − 2 = 0 gives x[1] = +1 (move the −2 to the other side)."),
            (-b / w0, "that is where the line crosses the other axis (or 2·x[1] = 2 without dividing by the "
                      "weight 2): here x[0] = 0, so solve 2·x[1] − 2 = 0."),
            (0.0, "without the bias the line would pass through (0, 0); with it, solve 2·x[1] − 2 = 0."),
        ]),
    ]
    return grid_feedback(entries, "The line runs from (2, 0) to (0, 1): two points are all it takes to draw it.")


LINE_POINTS = {"A": (0.0, 0.0), "B": (3.0, 0.0), "C": (0.0, 2.0), "D": (1.0, 0.4)}
"""The points of chapter 07's exercise 2, for the neuron LINE_W, LINE_B."""


def _point_entry(name: str, point, value) -> Entry:
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    (w0, w1), b = LINE_W, LINE_B
    x0, x1 = point
    z = w0 * x0 + w1 * x1 + b
    f = maths.format_number
    if close(got, max(0.0, z)):
        return Entry(name, CORRECT)
    where = f"point {name} = ({f(x0)}, {f(x1)})"
    if z < 0 and close(got, z):
        return Entry(name, MISTAKE, f"z = {f(z)} at {where} is negative, and ReLU turns it into 0: "
                                    "the point is on the silent side of the line.")
    if close(got, max(0.0, w0 * x0 + w1 * x1)):
        return Entry(name, MISTAKE, f"the bias −2 is missing: at {where}, z = {f(w0 * x0 + w1 * x1)} − 2.")
    if close(got, max(0.0, w0 * x0 + w1 * x1 - b)):
        return Entry(name, MISTAKE, "you added 2 instead of subtracting it: the bias is −2.")
    if close(got, max(0.0, w1 * x0 + w0 * x1 + b)):
        return Entry(name, MISTAKE, "you swapped the weights: x[0] is multiplied by 1 and x[1] by 2.")
    if close(got, float(z > 0)):
        return Entry(name, MISTAKE, f"ReLU is not an on/off switch: h is z itself where z > 0, here {f(z)}.")
    return Entry(name, MISTAKE, f"at {where}, work out z = 1·x[0] + 2·x[1] − 2, then h = ReLU(z).")


@exercise_check
def check_point_values(h_values) -> Feedback:
    """Chapter 07, exercise 2: h = ReLU(1·x[0] + 2·x[1] − 2) at the points A, B, C, D ([0, 1, 2, 0])."""
    values = entries_of(h_values, len(LINE_POINTS), "h_points")
    if isinstance(values, Feedback):
        return values
    entries = [_point_entry(name, point, value) for (name, point), value in zip(LINE_POINTS.items(), values)]
    return grid_feedback(entries, "B and C are on the active side of the line, A and D on the silent side "
                                  "(D only just: z = −0.2).")


CHECK_LOW, CHECK_HIGH, CHECK_CELLS = -2.0, 2.0, 20
"""The shape checks sample the centres of a 20 × 20 grid over x[0], x[1] from −2 to 2: 400 points,
none of them on the edge of a shape (the nearest are 0.1 away)."""
POSITIVE_FROM = 1e-9  #: y counts as positive above this (so that a rounding error of 1e-16 is not "positive")


class Shape(NamedTuple):
    """A target region of chapter 07's challenges: x[0] from ``left`` to ``right``, x[1] from ``bottom`` to ``top``."""

    name: str
    left: float
    right: float
    bottom: float
    top: float
    answer: str  #: how the stubs are named, e.g. "band" for W1_band, b1_band, W2_band, b2_band

    def inside(self, X: np.ndarray) -> np.ndarray:
        return (X[:, 0] > self.left) & (X[:, 0] < self.right) & (X[:, 1] > self.bottom) & (X[:, 1] < self.top)


BAND = Shape("band", -1.0, 1.0, -np.inf, np.inf, "band")
"""Chapter 07, exercise 3: the output positive exactly where −1 < x[0] < 1."""
SQUARE = Shape("square", -1.0, 1.0, -1.0, 1.0, "square")
"""Chapter 07, exercise 4: the output positive exactly inside the square −1 < x[0] < 1, −1 < x[1] < 1."""


def _outside_direction(shape: Shape, x0: float, x1: float) -> str:
    """Where a point outside ``shape`` lies: "to the right of it (x[0] > 1)", "above and to the left of it (…)"."""
    f = maths.format_number
    vertical = ("above", f"x[1] > {f(shape.top)}") if x1 > shape.top else (
        ("below", f"x[1] < {f(shape.bottom)}") if x1 < shape.bottom else None)
    horizontal = ("to the left", f"x[0] < {f(shape.left)}") if x0 < shape.left else (
        ("to the right", f"x[0] > {f(shape.right)}") if x0 > shape.right else None)
    parts = [part for part in (vertical, horizontal) if part]
    words = " and ".join(part[0] for part in parts) + (" of it" if horizontal else " it")
    return f"{words} ({', '.join(part[1] for part in parts)})"


def _nearest_edge(shape: Shape, x0: float, x1: float) -> str:
    f = maths.format_number
    edges = [(x0 - shape.left, f"its left edge (x[0] = {f(shape.left)})"),
             (shape.right - x0, f"its right edge (x[0] = {f(shape.right)})"),
             (x1 - shape.bottom, f"its bottom edge (x[1] = {f(shape.bottom)})"),
             (shape.top - x1, f"its top edge (x[1] = {f(shape.top)})")]
    return f"near {min(edges)[1]}"


def _mostly(places: list[str], everywhere: str) -> str:
    """'all to the right of it (x[0] > 1)', 'mostly …', the two commonest places, or ``everywhere``."""
    counts = sorted(((places.count(p), p) for p in set(places)), key=lambda item: (-item[0], item[1]))
    if len(counts) == 1:
        return ("all " if len(places) > 1 else "") + counts[0][1]
    if counts[0][0] >= 0.6 * len(places):
        return f"mostly {counts[0][1]}"
    if len(counts) == 2:
        return f"{counts[0][1]} and {counts[1][1]}"
    return everywhere


def _where_wrong(shape: Shape, X: np.ndarray, want: np.ndarray, positive: np.ndarray) -> str:
    """How many of the points X are wrong, and where: a line each for those outside the shape where y
    is positive and those inside it where y is not."""
    outside_wrong = X[positive & ~want]
    inside_wrong = X[want & ~positive]
    wrong = len(outside_wrong) + len(inside_wrong)
    lines = [f"{wrong} of {len(X)} points {'is' if wrong == 1 else 'are'} wrong:"]
    if len(outside_wrong):
        places = [_outside_direction(shape, *point) for point in outside_wrong]
        lines.append(f"- {len(outside_wrong)} outside the {shape.name} where y is positive: "
                     f"{_mostly(places, 'all around it')};")
    if len(inside_wrong):
        places = [_nearest_edge(shape, *point) for point in inside_wrong]
        where = "all over the inside" if len(inside_wrong) > want.sum() / 2 else _mostly(places, "here and there")
        lines.append(f"- {len(inside_wrong)} inside the {shape.name} where y is not positive: {where};")
    lines[-1] = lines[-1].removesuffix(";") + "."
    return "\n".join(lines)


def _wrong_count(shape: Shape, X, W1, b1, W2, b2) -> int:
    y = maths.two_layer_network(X, W1, b1, W2, b2, output_activation=None).y[:, 0]
    return int(((y > POSITIVE_FROM) != shape.inside(X)).sum())


def _likely_causes(shape: Shape, network: maths.PlaneNetwork):
    """Each (changed network, what the learner should change) for the slips the chapter warns about."""
    W1, b1, W2, b2 = network
    f = maths.format_number
    for j in range(len(b1)):
        flipped_W1, flipped_b1 = W1.copy(), b1.copy()
        flipped_W1[j], flipped_b1[j] = -W1[j], -b1[j]
        yield (flipped_W1, flipped_b1, W2, b2,
               f"neuron {j} is active on the wrong side of its line ({maths.line_equation(W1[j], b1[j])}): "
               f"flip the signs of W1[{j}] and b1[{j}]. The line stays where it is and the neuron "
               f"switches sides: silent inside the {shape.name}, active outside it.")
    yield (W1, b1, -W2, b2,
           f"the output weights W2 have the wrong sign: a neuron active outside the {shape.name} must pull "
           "y down there, so its output weight must be negative. Flip the signs of W2.")
    yield (W1, b1, -W2, -b2,
           f"your output is the opposite of the target: positive outside the {shape.name} and negative "
           "inside it. Flip the signs of W2 and b2.")
    for j in range(len(b1)):
        if b1[j] != 0:
            moved = b1.copy()
            moved[j] = -b1[j]
            yield (W1, moved, W2, b2,
                   f"neuron {j}'s line is on the wrong side of (0, 0): its bias b1[{j}] = {f(b1[j])} "
                   f"has the wrong sign ({maths.line_equation(W1[j], b1[j])}).")
    if W1.shape == (2, 2):
        yield (W1.T, b1, W2, b2, "W1 looks transposed: row j must hold neuron j's two weights, W1[j, 0] and W1[j, 1].")
    if b2[0] <= 0:
        yield (W1, b1, W2, np.array([0.1]),
               f"inside the {shape.name}, where every hidden neuron is silent, y = b2, and b2 = {f(b2[0])} is not "
               "positive: give the output bias b2 a small positive value, such as 0.1.")
    for small in (0.1, 0.05, 0.02):
        if b2[0] > small:
            yield (W1, b1, W2, np.array([small]),
                   f"y is positive a little beyond the {shape.name}: outside it y = b2 minus what the active "
                   f"neurons pull off, and b2 = {f(b2[0])} takes a while to pull down. Make b2 smaller "
                   "(such as 0.1), or the weights steeper.")


def _shape_feedback(shape: Shape, W1, b1, W2, b2) -> Feedback:
    """Sample the check grid; say how many points are wrong and where, and name the likely slip."""
    names = [f"{name}_{shape.answer}" for name in ("W1", "b1", "W2", "b2")]
    given = [W1, b1, W2, b2]
    missing = [name for name, value in zip(names, given) if is_stub(value)]
    if len(missing) == 4:
        return not_attempted()
    if missing:
        return Feedback(INCOMPLETE, f"⏳ Still to fill in: {', '.join(missing)} (replace each ... with its numbers).")
    note = ""
    if np.ndim(W2) == 1:  # a flat list of output weights is clear enough here
        W2 = [list(W2)]
        note = (f" (Your {names[2]} is a flat list; two_layer_network wants it as one row, "
                f"[[…]], of shape (1, n_hidden), as here.)")
    if np.ndim(b2) == 0:
        b2 = [b2]
    try:
        network = maths.plane_network(W1, b1, W2, b2)
    except (TypeError, ValueError) as error:
        return mistake(f"{error}")
    _, X = maths.plane_grid(CHECK_LOW, CHECK_HIGH, CHECK_CELLS)
    y = maths.two_layer_network(X, *network, output_activation=None).y[:, 0]
    want, positive = shape.inside(X), y > POSITIVE_FROM
    wrong = int((want != positive).sum())
    if wrong == 0:
        return correct(f"y is positive at all {int(want.sum())} points inside the {shape.name} and at none of "
                       f"the {int((~want).sum())} outside it.{note}")
    message = _where_wrong(shape, X, want, positive)
    W1, b1, W2, b2 = network
    f = maths.format_number
    if not np.any(b1):
        return mistake(f"{message}\nAll the hidden biases b1 are 0, so every line passes through (0, 0): "
                       f"the biases move the lines out to the edges of the {shape.name}.")
    best = None
    for *candidate, why in _likely_causes(shape, network):
        left = _wrong_count(shape, X, *candidate)
        if left == 0:
            return mistake(f"{message}\nLikely cause: {why}")
        if best is None or left < best[0]:
            best = (left, why)
    silent_inside = not (maths.relu(maths.dense(X[want], W1, b1)) > POSITIVE_FROM).any()
    if silent_inside and b2[0] <= POSITIVE_FROM and not positive[want].any():
        return mistake(f"{message}\nInside the {shape.name} every hidden neuron is silent (h = 0), so y = b2 there, "
                       f"and b2 = {f(b2[0])} is not positive: give the output bias b2 a small positive value, "
                       "such as 0.1.")
    if best is not None and best[0] <= wrong / 2:
        return mistake(f"{message}\nOne likely cause: {best[1]}")
    edges = _edges(shape)
    if len(b1) < len(edges):
        return mistake(f"{message}\nThe {shape.name} has {len(edges)} edges, and each needs a hidden neuron of its "
                       f"own, silent inside and active beyond that edge: you have {len(b1)}.")
    astray = [f"neuron {j} ({maths.line_equation(w, b)})" for j, (w, b) in enumerate(zip(W1, b1))
              if not any(_along(w, b, edge) for edge in edges)]
    if astray:
        def listed(items):
            return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

        lines = "The line of " if len(astray) == 1 else "The lines of "
        verb = "does" if len(astray) == 1 else "do"
        return mistake(f"{message}\n{lines}{listed(astray)} {verb} not run along an edge of the {shape.name}, "
                       f"whose edges are {listed([f'x[{axis}] = {f(at)}' for axis, at in edges])}.")
    h_inside = maths.relu(maths.dense(X[want], W1, b1)) > POSITIVE_FROM
    seen = [f"neuron {j} is active at {int(h_inside[:, j].sum())} of the {len(h_inside)} points inside the "
            f"{shape.name}" for j in range(len(b1)) if h_inside[:, j].any()]
    seen += [f"W2[0,{j}] = {f(v)} is positive, so neuron {j} pushes y up where it is active"
             for j, v in enumerate(W2[0]) if v > 0]
    if b2[0] <= 0:
        seen.append(f"b2 = {f(b2[0])} is not positive")
    return mistake(f"{message}\nEach hidden neuron should be silent inside the {shape.name} and active beyond "
                   "one of its edges, with a negative output weight; a small positive b2 then makes y "
                   "positive where all of them are silent." + "".join(f"\n- {item}." for item in seen))


def _edges(shape: Shape) -> list[tuple[int, float]]:
    """The edges of a shape as (axis, position): (0, 1.0) is the line x[0] = 1."""
    return [(axis, at) for axis, at in ((0, shape.left), (0, shape.right), (1, shape.bottom), (1, shape.top))
            if np.isfinite(at)]


def _along(w, b, edge, tolerance: float = 0.2) -> bool:
    """Whether the line w·x + b = 0 runs along ``edge`` (upright or level, within ``tolerance``)."""
    axis, at = edge
    other = 1 - axis
    return w[other] == 0 and w[axis] != 0 and abs(-b / w[axis] - at) <= tolerance


@exercise_check
def check_band(W1_band, b1_band, W2_band, b2_band) -> Feedback:
    """Chapter 07, exercise 3: a network whose output is positive exactly where −1 < x[0] < 1."""
    return _shape_feedback(BAND, W1_band, b1_band, W2_band, b2_band)


@exercise_check
def check_square(W1_square, b1_square, W2_square, b2_square) -> Feedback:
    """Chapter 07, exercise 4: a network whose output is positive exactly inside the square
    −1 < x[0] < 1, −1 < x[1] < 1."""
    return _shape_feedback(SQUARE, W1_square, b1_square, W2_square, b2_square)


# ---------------------------------------------------------------------------
# Answers that are whole arrays (chapters 04 and 06)
# ---------------------------------------------------------------------------

def array_entry(name: str, value, right, slips: Sequence[tuple[object, str]], otherwise: str) -> Entry:
    """An array answer judged as one entry: right, one of the known ``slips`` (wrong array, why),
    or ``otherwise`` (a hint, after the shape it should have if that is wrong)."""
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    right = np.asarray(right, dtype=float)
    try:
        got = maths.as_numbers(value, name)
    except (TypeError, ValueError) as error:
        return Entry(name, MISTAKE, f"{error} It should be {_count(right)}.")
    if got.shape == right.shape and np.allclose(got, right):
        return Entry(name, CORRECT)
    for wrong, why in slips:
        if got.shape == np.shape(wrong) and np.allclose(got, wrong):
            return Entry(name, MISTAKE, why)
    if got.shape != right.shape:
        return Entry(name, MISTAKE, f"it has shape {got.shape}, but it should have shape {right.shape}. {otherwise}")
    return Entry(name, MISTAKE, otherwise)


# ---------------------------------------------------------------------------
# Chapter 04: a hidden layer
# ---------------------------------------------------------------------------

COLLAPSE_W1, COLLAPSE_B1 = ((1, 2), (0, -1)), (1, -1)
COLLAPSE_W2, COLLAPSE_B2 = ((1, 2), (-1, 1)), (1, 1)
"""Chapter 04, exercise 1: two layers without activation, to be written as one."""


@exercise_check
def check_collapsed_layer(W, b) -> Feedback:
    """Chapter 04, exercise 1: the one layer (W, b) that equals two layers without activation."""
    W1, b1, W2, b2 = (np.array(v, dtype=float) for v in (COLLAPSE_W1, COLLAPSE_B1, COLLAPSE_W2, COLLAPSE_B2))
    right_W, right_b = W2 @ W1, W2 @ b1 + b2
    entries = [
        array_entry("W", W, right_W, [
            (W1 @ W2, "the order is swapped: x meets W1 first, so W1 stands next to x, on the right: W2 @ W1."),
            (W1 * W2, "you multiplied entry by entry (*); one layer after the other is a matrix product: W2 @ W1."),
            (W1 + W2, "the layers do not add up: the second one acts on what the first one gives, "
                      "so their matrices multiply: W2 @ W1."),
            (right_W.T, "your W is transposed: row j of W must hold output j's weights, as W2 @ W1 gives."),
        ], "Entry W[j, i] is row j of W2 times column i of W1: multiply entry by entry and add."),
        array_entry("b", b, right_b, [
            (W2 @ b1, "b2 is missing: the second layer adds its own bias after W2 @ b1."),
            (b1 + b2, "b1 passes through the second layer too, so it is multiplied by W2 on the way: W2 @ b1 + b2."),
            (b2, "b1 is missing: the first layer's bias passes through W2, which adds W2 @ b1."),
            (b1, "that is the first layer's bias alone: it passes through W2 (W2 @ b1), then b2 is added."),
            (W2 @ (b1 + b2), "b2 is added after W2, so it is not multiplied by it: W2 @ b1 + b2."),
            (W1 @ b2 + b1, "the layers are the other way round: b1 goes through W2, then b2 is added: W2 @ b1 + b2."),
        ], "Expand W2 @ (W1 @ x + b1) + b2: the part without x is the bias."),
    ]
    return grid_feedback(entries, "Without an activation two layers are one: W = W2 @ W1, b = W2 @ b1 + b2.",
                         each="an array")


BEND_W1 = (1, -2, 0.5)   #: W1[:, 0], the weights of the three hidden neurons on the one input x
BEND_B1 = (1, 2, -1)
BEND_W2, BEND_B2 = (2, 1, -2), -0.5
"""The network of chapter 04's exercises 2 and 3: one input x, three hidden ReLU neurons, one output."""


def _bend_entry(j: int, value) -> Entry:
    name = f"bend {j}"
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    w, b = float(BEND_W1[j]), float(BEND_B1[j])
    if close(got, -b / w):
        return Entry(name, CORRECT)
    f = maths.format_number
    z = f"z1[{j}] = {f(w)}·x {'−' if b < 0 else '+'} {f(abs(b))}"
    slips = [
        (b / w, f"the sign is flipped: {z} is 0 at x = −b1[{j}] / W1[{j}, 0], not b1[{j}] / W1[{j}, 0]."),
        (-b, f"divide by the weight too: {z} is 0 at x = −b1[{j}] / W1[{j}, 0]."),
        (-w / b, f"the fraction is upside down: the bend is at x = −b1[{j}] / W1[{j}, 0]."),
        (w / b, f"the fraction is upside down: the bend is at x = −b1[{j}] / W1[{j}, 0]."),
        (b, f"the bend is where {z} crosses 0: set it to 0 and solve for x."),
    ]
    for wrong, why in slips:
        if close(got, wrong):
            return Entry(name, MISTAKE, why)
    return Entry(name, MISTAKE, f"set {z} to 0 and solve for x.")


@exercise_check
def check_bends(answer) -> Feedback:
    """Chapter 04, exercise 2: where each hidden neuron bends, x = −b1[j] / W1[j, 0] ([−1, 1, 2])."""
    values = entries_of(answer, len(BEND_W1), "bends")
    if isinstance(values, Feedback):
        return values
    w, b = np.array(BEND_W1, dtype=float), np.array(BEND_B1, dtype=float)
    numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]
    if None not in numbers and not np.allclose(numbers, -b / w) and np.allclose(numbers, b / w):
        return mistake("Every sign is flipped: a neuron bends where its z = W1[j, 0]·x + b1[j] crosses 0, "
                       "that is at x = −b1[j] / W1[j, 0].")
    return grid_feedback([_bend_entry(j, v) for j, v in enumerate(values)],
                         "Each neuron bends where its z crosses 0: x = −b1[j] / W1[j, 0].")


@exercise_check
def check_right_slope(answer) -> Feedback:
    """Chapter 04, exercise 3: the slope of the network's output far to the right of every bend (1)."""
    w1, w2 = np.array(BEND_W1, dtype=float), np.array(BEND_W2, dtype=float)
    on_right, on_left = w1 > 0, w1 < 0  # for large x, a neuron is on when its weight is positive
    return judge(
        answer, float(w2[on_right] @ w1[on_right]),
        mistakes=[
            (float(w2 @ w1), "That is W2 @ W1, the slope without ReLU. Far to the right, neuron 1 "
                             "(weight −2) has z < 0: it is off and adds nothing to the slope."),
            (float(w2[on_left] @ w1[on_left]), "That is the slope far to the left, where only neuron 1 is on. "
                                               "Far to the right, the neurons with a positive weight are on."),
            (float(w1[on_right].sum()), "Each neuron that is on adds W2[0, j] × W1[j, 0] to the slope: "
                                        "you left out the W2 factors."),
            (float(w2[0] * w1[0]), "Neuron 2 is on too for large x: it switches on at x = 2 "
                                   "and then adds W2[0, 2] × W1[2, 0] = −2 × 0.5."),
            (float(w2[on_right] @ w1[on_right] + BEND_B2), "b2 moves the whole line up or down; "
                                                          "it does not change the slope."),
            (float(w2[on_right].sum()), "Each neuron that is on adds W2[0, j] × W1[j, 0]: "
                                        "multiply its output weight by its input weight."),
        ],
        hint="Find the neurons that are on for a large x, then add W2[0, j] × W1[j, 0] over those neurons.",
    )


# ---------------------------------------------------------------------------
# Chapter 05: the two-layer network
# ---------------------------------------------------------------------------

NETGRID_X = (2, -1)
NETGRID_W1, NETGRID_B1 = ((1, 1), (0.5, -1), (-1, 2)), (-0.5, 1, 1)
NETGRID_W2, NETGRID_B2 = ((2, -1, 1), (1, 0.5, -1)), (1, -1)
"""The network of chapter 05's by-hand grid: 2 inputs, 3 hidden neurons, 2 outputs, ReLU in both layers."""

HIDDEN_NAMES = GridNames(x="x", W="W1", b="b1", z="z1", h="h", neuron="hidden neuron")
OUTPUT_NAMES = GridNames(x="h", W="W2", b="b2", z="z2", h="y", neuron="output")


def _output_z_entry(k: int, value, h_given, x, W1, b1, W2, b2) -> Entry:
    """z2[k], judged as a layer-2 grid entry, after two mistakes that only a network can make."""
    z1 = W1 @ x + b1
    h = np.maximum(z1, 0)
    right = (W2 @ h + b2)[k]
    got, reason = (None, None) if is_stub(value) else number_or_reason(value, f"z2[{k}]")
    if got is not None and not close(got, right):
        label = f"output {k}, z2[{k}]"
        if close(got, (W2 @ z1 + b2)[k]):
            return Entry(f"z2[{k}]", MISTAKE, "you used z1 instead of h: the output layer reads the hidden "
                                              "values after ReLU, so a negative z1 counts as 0.", label)
        if h_given is not None and not np.allclose(h_given, h) and close(got, (W2 @ h_given + b2)[k]):
            return Entry(f"z2[{k}]", MISTAKE, f"z2[{k}] is right for your h, but h is not right yet: "
                                              f"fix h and z2[{k}] follows.", label)
    return _grid_z_entry(k, value, h, W2, b2, OUTPUT_NAMES)


@exercise_check
def check_network_grid(z1, h, z2, y) -> Feedback:
    """Chapter 05, exercise 1: every value of a small two-layer network, by hand."""
    x, W1, b1, W2, b2 = (np.array(v, dtype=float)
                         for v in (NETGRID_X, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2))
    n_hidden, n_outputs = len(b1), len(b2)
    answers = [entries_of(z1, n_hidden, "z1"), entries_of(h, n_hidden, "h"),
               entries_of(z2, n_outputs, "z2"), entries_of(y, n_outputs, "y")]
    for values in answers:
        if isinstance(values, Feedback):
            return values
    z1_values, h_values, z2_values, y_values = answers

    def numbers(values):
        return [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]

    h_numbers = numbers(h_values)
    h_given = None if None in h_numbers else np.array(h_numbers)
    hidden_z = numbers(z1_values)
    output_z = numbers(z2_values)
    hidden = np.maximum(W1 @ x + b1, 0)
    entries = [_grid_z_entry(j, z1_values[j], x, W1, b1, HIDDEN_NAMES) for j in range(n_hidden)]
    entries += [_grid_h_entry(j, h_values[j], hidden_z[j], x, W1, b1, HIDDEN_NAMES) for j in range(n_hidden)]
    entries += [_output_z_entry(k, z2_values[k], h_given, x, W1, b1, W2, b2) for k in range(n_outputs)]
    entries += [_grid_h_entry(k, y_values[k], output_z[k], hidden, W2, b2, OUTPUT_NAMES) for k in range(n_outputs)]
    return grid_feedback(entries, "Layer by layer: z1 = W1 @ x + b1, h = ReLU(z1), z2 = W2 @ h + b2, y = ReLU(z2).")


PARAMETER_NETWORKS = ((2, 4, 3), (4, 5, 3), (784, 128, 10))
"""The layer sizes of chapter 05's parameter-count exercise, inputs first."""


def _count_entry(sizes: tuple, value) -> Entry:
    name = "[" + ", ".join(map(str, sizes)) + "]"
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    if close(got, maths.count_parameters(list(sizes))):
        return Entry(name, CORRECT)
    n_in, n_hidden, n_out = sizes
    weights = n_in * n_hidden + n_hidden * n_out
    slips = [
        (weights, f"you counted the weights but forgot the biases: each neuron also has one bias, "
                  f"{n_hidden} + {n_out} more."),
        (weights + n_in + n_hidden, "one bias per neuron, not one per input: "
                                    f"the layers have {n_hidden} and {n_out} biases."),
        (weights + n_in + n_hidden + n_out, "the inputs have no biases: only the hidden and output neurons do."),
        (weights + 2, f"one bias per neuron, not one per layer: {n_hidden} + {n_out} biases."),
        (n_in * n_hidden * n_out, "multiplying all the sizes does not count anything: "
                                  "each layer has n_inputs × n_neurons weights plus n_neurons biases."),
        (n_in + n_hidden + n_out, "that counts the values (inputs and neurons), not the parameters: "
                                  "count the weights and biases of each layer."),
        (n_in * n_hidden + n_hidden, f"that is the first layer only: add the second layer's "
                                     f"{n_hidden} × {n_out} weights and {n_out} biases."),
        (n_hidden * n_out + n_out, f"that is the second layer only: add the first layer's "
                                   f"{n_in} × {n_hidden} weights and {n_hidden} biases."),
    ]
    for wrong, why in slips:
        if close(got, wrong):
            return Entry(name, MISTAKE, why)
    return Entry(name, MISTAKE, f"({n_in}·{n_hidden} + {n_hidden}) + ({n_hidden}·{n_out} + {n_out}): "
                                "weights plus biases, layer by layer.")


@exercise_check
def check_parameter_counts(answer) -> Feedback:
    """Chapter 05, exercise 2: the number of parameters of three networks ([27, 43, 101770])."""
    values = entries_of(answer, len(PARAMETER_NETWORKS), "counts")
    if isinstance(values, Feedback):
        return values
    numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]
    without_biases = [a * b + b * c for a, b, c in PARAMETER_NETWORKS]
    if None not in numbers and all(close(got, wrong) for got, wrong in zip(numbers, without_biases)):
        return mistake("You left out the biases in all three: besides its weights, every hidden and "
                       "output neuron has one bias, so add n_hidden + n_outputs to each count.")
    return grid_feedback([_count_entry(sizes, v) for sizes, v in zip(PARAMETER_NETWORKS, values)],
                         "Each layer has n_inputs × n_neurons weights and n_neurons biases.")


def _network_cases():
    """(x, W1, b1, W2, b2) for the test cases of ``check_my_network``: chapter 05's network,
    the by-hand grid's, and one with square matrices (where a transposed W still fits)."""
    chapter = ((2, 3, 5), ((0.5, 0.3, 0.2), (1, 0, -1), (-0.5, 1, 0), (0, -0.5, 0.5)), (-1, 1, 0.5, -2),
               ((1, 0.5, -1, 1), (0.5, -1, 1, 0.5)), (0.5, -1))
    square = ((1, -2), ((1, 2), (-1, 0.5)), (0.5, 1), ((1, -1), (2, 1)), (1, -0.5))
    grid = (NETGRID_X, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2)
    return [tuple(np.array(v, dtype=float) for v in case) for case in (chapter, grid, square)]


def _relu(z):
    return np.maximum(z, 0.0)


# Each slip is what a common mistake computes; it is named only if it explains every test case.
MY_NETWORK_SLIPS = [
    (lambda x, W1, b1, W2, b2: _relu(W2 @ (W1 @ x + b1) + b2),
     "The hidden layer has no ReLU: apply relu to z1 before the output layer reads it."),
    (lambda x, W1, b1, W2, b2: W2 @ _relu(W1 @ x + b1) + b2,
     "It returns z2: the output layer has a ReLU too, y = relu(z2)."),
    (lambda x, W1, b1, W2, b2: W2 @ (W1 @ x + b1) + b2,
     "There is no ReLU at all: apply relu after each layer."),
    (lambda x, W1, b1, W2, b2: _relu(W1 @ x + b1),
     "It returns the hidden values h: pass them through the output layer, y = relu(W2 @ h + b2)."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x)),
     "Both biases are missing: z1 = W1 @ x + b1 and z2 = W2 @ h + b2."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x) + b2),
     "b1 is missing: z1 = W1 @ x + b1."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x + b1)),
     "b2 is missing: z2 = W2 @ h + b2."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ (_relu(W1 @ x) + b1) + b2),
     "ReLU comes after the bias: h = relu(W1 @ x + b1), not relu(W1 @ x) + b1."),
]


@exercise_check
def check_my_network(function) -> Feedback:
    """Chapter 05, exercise 3: a two-layer network written with NumPy, returning y."""
    if (problem := function_answer_problem(function)) is not None:
        return problem
    cases = _network_cases()
    results = []
    for x, W1, b1, W2, b2 in cases:
        try:
            result = function(x.copy(), W1.copy(), b1.copy(), W2.copy(), b2.copy())
        except Exception as error:
            shapes = f"x has shape {x.shape}, W1 {W1.shape}, W2 {W2.shape}"
            hint = (" Each row of W1 is one hidden neuron's weights, so compute W1 @ x (not x @ W1)."
                    if "matmul" in str(error) or "shapes" in str(error) else "")
            return mistake(f"Your function raised {type(error).__name__} ({error}) when {shapes}.{hint}")
        if result is None:
            return not_attempted() if not results else mistake(
                "Your function returned nothing for one network: end it with return y.")
        results.append(result)
    return judge_results(
        results, cases, [maths.two_layer_network(*case).y for case in cases], MY_NETWORK_SLIPS,
        describe=lambda case: f"For x = {maths._describe(case[0].tolist())}",
        hint="Compute z1 = W1 @ x + b1, h = relu(z1), z2 = W2 @ h + b2, then return y = relu(z2).",
        all_right="It agrees with two_layer_network on all three test networks.",
    )


# ---------------------------------------------------------------------------
# Chapter 06: a batch of inputs
# ---------------------------------------------------------------------------

BATCH_X = ((1, 2, 3), (2, 2, -1), (-1, 2, 0))
"""Chapter 06's exercise batch: three samples (rows) for chapter 03's by-hand layer GRID_W, GRID_B."""


def _batch():
    X, W, b = (np.array(v, dtype=float) for v in (BATCH_X, GRID_W, GRID_B))
    return X, W, b, X @ W.T + b


@exercise_check
def check_batch_entry(answer) -> Feedback:
    """Chapter 06, exercise 1: one entry of a batch by hand, Z[2, 0] (−3.5)."""
    X, W, b, Z = _batch()
    return judge(
        answer, Z[2, 0],
        mistakes=[
            (Z[0, 2], "That is Z[0, 2]: the first index is the sample (row of X), the second the neuron. "
                      "Z[2, 0] is sample 2 through neuron 0."),
            (X[2] @ W[0], "The bias is missing: add b[0] = −1."),
            ((X.T @ W.T + b)[2, 0], "You used column 2 of X; each sample is a row: X[2] = [−1, 2, 0]."),
            (0.0, "Z is before the activation: do not apply ReLU here."),
            (X[2] @ W[0] - b[0], "The bias is added, not subtracted: z = X[2] · W[0] + b[0]."),
            (Z[1, 0], "That is sample 1; Z[2, 0] is the third sample, X[2], counting from 0."),
            (X[2] @ W[0] + b[1], "Neuron 0's bias is b[0] = −1, not b[1]."),
        ],
        hint="Z[2, 0] = X[2] · W[0] + b[0]: sample 2's three inputs times neuron 0's three weights, "
             "added, plus neuron 0's bias.",
    )


@exercise_check
def check_batch_layer(Z) -> Feedback:
    """Chapter 06, exercise 2: the layer on the whole batch, Z = X @ W.T + b, written with NumPy."""
    if is_stub(Z):
        return not_attempted()
    X, W, b, right = _batch()
    entry = array_entry("Z", Z, right, [
        (X.T @ W.T + b, "you used X.T: X's rows are already the samples, so Z = X @ W.T + b. "
                        "X is square here, so the shapes fit and NumPy cannot warn you."),
        (X @ W.T, "the bias b is missing: add it, and NumPy adds it to every row."),
        (np.maximum(right, 0), "Z is before the activation: leave ReLU out here."),
        (right.T, "your Z is transposed: one row per sample, one column per neuron. "
                  "W @ X.T gives (n_neurons, n_samples); X @ W.T gives (n_samples, n_neurons)."),
        (X @ W.T - b, "the bias is added, not subtracted."),
        (right[0], "that is only the first sample: X @ W.T + b computes every row of X at once."),
    ], "Z = X @ W.T + b: one row per sample (3), one column per neuron (4).")
    return grid_feedback([entry], "Row s of Z is sample s through the layer; b was added to every row.",
                         each="an array")


BATCH_SHAPES = {"n_samples": 8, "n_inputs": 5, "n_hidden": 16, "n_outputs": 3}
"""Chapter 06, exercise 3: a batch of 8 samples with 5 inputs, through 16 hidden neurons to 3 outputs."""


@exercise_check
def check_batch_shapes(X_shape, W1_shape, b1_shape, H_shape, W2_shape, Y_shape) -> Feedback:
    """Chapter 06, exercise 3: the shapes of every array of a two-layer network on a batch."""
    s, i, h, o = BATCH_SHAPES.values()
    entries = [
        _shape_entry("X_shape", X_shape, (s, i), {
            (i, s): f"({i}, {s}) is transposed: X has one row per sample, (n_samples, n_inputs).",
            (s * i,): f"{s * i} is how many numbers X holds; its shape is (rows, columns).",
            (i,): f"({i},) is one sample; the batch stacks {s} of them as rows.",
            "hint": "X has one row per sample and one column per input.",
        }),
        _shape_entry("W1_shape", W1_shape, (h, i), {
            (i, h): f"({i}, {h}) is transposed: W1 has one row per hidden neuron, (n_hidden, n_inputs).",
            (s, h): "the weights do not depend on the batch: W1 is (n_hidden, n_inputs) for any number of samples.",
            (h, s): "the weights do not depend on the batch: W1 is (n_hidden, n_inputs) for any number of samples.",
            "hint": "W1 has one row per hidden neuron and one column per input.",
        }),
        _shape_entry("b1_shape", b1_shape, (h,), {
            (s, h): f"b1 is shared by every sample: one bias per hidden neuron, ({h},); NumPy adds it to each row.",
            (s,): "there is one bias per hidden neuron, not one per sample.",
            (i,): "there is one bias per hidden neuron, not one per input.",
            (1, h): f"b1 is a plain 1-D vector, ({h},); NumPy adds it to every row by itself.",
            (h, 1): f"b1 is a plain 1-D vector, ({h},); a ({h}, 1) column would not add to the rows.",
            "hint": "Each hidden neuron has one bias, the same for every sample.",
        }),
        _shape_entry("H_shape", H_shape, (s, h), {
            (h, s): f"({h}, {s}) is transposed: X @ W1.T + b1 gives one row per sample, (n_samples, n_hidden).",
            (h,): f"({h},) is one sample's hidden values; the batch has {s} rows of them.",
            (s, i): "H has one column per hidden neuron, not per input.",
            "hint": "X @ W1.T: (n_samples, n_inputs) @ (n_inputs, n_hidden).",
        }),
        _shape_entry("W2_shape", W2_shape, (o, h), {
            (h, o): f"({h}, {o}) is transposed: W2 has one row per output neuron, (n_outputs, n_hidden).",
            (s, o): f"({s}, {o}) is the shape of Y; W2 does not depend on the batch.",
            (o, i): "the output layer reads the hidden values, not the inputs: one column per hidden neuron.",
            "hint": "W2 has one row per output neuron and one column per hidden neuron.",
        }),
        _shape_entry("Y_shape", Y_shape, (s, o), {
            (o, s): f"({o}, {s}) is transposed: H @ W2.T + b2 gives one row per sample, (n_samples, n_outputs).",
            (o,): f"({o},) is one sample's outputs; the batch has {s} rows of them.",
            (s, h): "that is H's shape; the output layer gives one column per output neuron.",
            "hint": "H @ W2.T: (n_samples, n_hidden) @ (n_hidden, n_outputs).",
        }),
    ]
    return grid_feedback(entries, "Every array of a batch keeps one row per sample; the weights never depend on it.",
                         each="a shape")
