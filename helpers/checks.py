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
            (-(total - 1), "1.9 is the output with bias −1. "
                           "The bias must cancel the weighted sum 2.9, not that output."),
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


def _grid_z_entry(j: int, value, x, W, b) -> Entry:
    name, label = f"z[{j}]", f"neuron {j}, z[{j}]"
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
    slips = [(W[j] @ x, f"you forgot the bias: add b[{j}] = {f(b[j])} to the weighted sum.")]
    if j < n_inputs:
        slips.append((W[:n_inputs, j] @ x + b[j],
                      f"you used column {j} of W (read downwards), not row {j}: "
                      f"neuron {j}'s weights are the row W[{j}], read across."))
    for k in range(n_neurons):
        if k != j:
            slips.append((z[k], f"that is z[{k}], neuron {k}'s value: use row W[{j}] and b[{j}]."))
    for k in range(n_neurons):
        if k != j:
            slips.append((W[k] @ x + b[j], f"you used row {k} of W; neuron {j}'s weights are row {j}."))
            slips.append((W[j] @ x + b[k], f"you added b[{k}], neuron {k}'s bias, instead of b[{j}]."))
    slips.append((W[j] @ x - b[j], f"you subtracted the bias; z = W[{j}] @ x + b[{j}] adds it."))
    slips.append((np.abs(W[j]) @ x + b[j],
                  f"a negative weight makes its input count negatively (W[{j}, i] × x[i] < 0)."))
    for i in range(n_inputs):
        if W[j, i] * x[i] != 0:
            slips.append((z[j] - W[j, i] * x[i], f"the product W[{j},{i}] × x[{i}] is missing."))
    for wrong, why in slips:
        if close(got, wrong) and not close(wrong, z[j]):
            return Entry(name, MISTAKE, why, label)
    return Entry(name, MISTAKE, f"multiply row W[{j}] by x entry by entry, add the "
                                f"{n_inputs} products, then add b[{j}].", label)


def _grid_h_entry(j: int, value, z_given, x, W, b) -> Entry:
    name, label = f"h[{j}]", f"neuron {j}, h[{j}]"
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
        return Entry(name, MISTAKE, f"ReLU of your z[{j}] is right, but z[{j}] is not yet: "
                                    f"fix z[{j}] and h[{j}] follows.", label)
    if z[j] < 0 and close(got, z[j]):
        return Entry(name, MISTAKE, f"z[{j}] is negative, and ReLU turns a negative z into 0.", label)
    relu_first = max(0.0, W[j] @ x) + b[j]
    if close(got, relu_first):
        return Entry(name, MISTAKE, f"you applied ReLU before adding the bias: add b[{j}] first, "
                                    f"then apply ReLU to z[{j}].", label)
    if z[j] < 0 and close(got, -z[j]):
        return Entry(name, MISTAKE, "ReLU does not flip the sign: a negative z gives 0.", label)
    if z[j] > 0 and close(got, 0):
        return Entry(name, MISTAKE, f"z[{j}] is positive, and ReLU passes a positive z through unchanged.", label)
    if z[j] > 0 and close(got, 1):
        return Entry(name, MISTAKE, "ReLU is not an on/off switch: a positive z passes through unchanged.", label)
    if close(got, max(0.0, W[j] @ x)):
        return Entry(name, MISTAKE, f"the bias b[{j}] = {f(b[j])} is missing: h[{j}] = ReLU(z[{j}]), "
                                    f"and z[{j}] includes it.", label)
    return Entry(name, MISTAKE, f"h[{j}] = ReLU(z[{j}]): the larger of 0 and z[{j}].", label)


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
