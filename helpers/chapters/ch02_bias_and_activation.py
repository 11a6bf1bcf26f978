"""Chapter 02, bias and activation: the exercises' checks and their data."""

from __future__ import annotations

from helpers.exercises import CORRECT, MISTAKE, NOT_ATTEMPTED, close, entries_of, Entry, exercise_check, Feedback
from helpers.exercises import grid_feedback, is_stub, judge_number, mistake, number_entry, number_or_reason
from helpers.formulas import format_number
from helpers.maths import ACTIVATIONS, neuron, relu, weighted_sum
from helpers.validation import describe


SWITCH_INPUTS, SWITCH_WEIGHTS = (2, 3, 5), (0.5, 0.3, 0.2)


@exercise_check(chapter=2, number=1)
def check_switching_bias(answer) -> Feedback:
    """The bias that puts the 2, 3, 5 neuron exactly at z = 0."""
    total = weighted_sum(SWITCH_INPUTS, SWITCH_WEIGHTS)
    return judge_number(
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
    f = format_number
    return number_entry(name, value, max(0.0, z), [
        (-z if z < 0 else None, f"ReLU does not flip the sign: a negative z like {f(z)} becomes 0."),
        (z if z < 0 else None, f"{f(z)} is negative, and ReLU replaces every negative z by 0."),
        (1 if z > 0 else None, f"ReLU is not an on/off switch: a positive z like {f(z)} passes through unchanged."),
        (0 if z > 0 else None, f"only negative values become 0; a positive z like {f(z)} passes through unchanged."),
    ], lambda got: f"your {f(got)} is not ReLU({f(z)}): ReLU gives the larger of 0 and z.")


@exercise_check(chapter=2, number=2)
def check_relu_values(answer) -> Feedback:
    """ReLU of 3, −2, 0, 0.5 and −0.1, predicted by hand."""
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
    entries = [_relu_entry(f"ReLU({format_number(z)})", z, v) for z, v in zip(RELU_Z, values)]
    return grid_feedback(entries, "Negative values became 0; the others passed through unchanged.")


FULL_INPUTS, FULL_WEIGHTS, FULL_BIAS = (1, 4, 2), (0.5, -1, 0.5), 3.0


@exercise_check(chapter=2, number=3)
def check_full_neuron(answer) -> Feedback:
    """The whole neuron by hand: ReLU(1×0.5 + 4×(−1) + 2×0.5 + 3)."""
    total = weighted_sum(FULL_INPUTS, FULL_WEIGHTS)  # −2.5
    positive_total = sum(x * abs(w) for x, w in zip(FULL_INPUTS, FULL_WEIGHTS))  # sign of −1 ignored
    return judge_number(
        answer, neuron(FULL_INPUTS, FULL_WEIGHTS, FULL_BIAS),
        mistakes=[
            (relu(total) + FULL_BIAS,
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
    for name, function in ACTIVATIONS.items():
        if function is not None and value is function:
            return name
    return None


def _apply(name: str, z: float) -> float:
    function = ACTIVATIONS[name]
    return z if function is None else float(function(z))


@exercise_check(chapter=2, number=4)
def check_which_activation(answer) -> Feedback:
    """Name the activation behind each (z, output) pair."""
    values = entries_of(answer, len(ACTIVATION_PUZZLES), "activations")
    if isinstance(values, Feedback):
        return values
    f = format_number
    entries = []
    for case, (z, output), right, value in zip("ABCD", ACTIVATION_PUZZLES, ACTIVATION_ANSWERS, values):
        name = f"case {case}"
        if value is ...:
            entries.append(Entry(name, NOT_ATTEMPTED))
            continue
        guess = _activation_named(value)
        if guess is None:
            entries.append(Entry(name, MISTAKE, f"{describe(value)} is not one of the names "
                                                f"{', '.join(repr(n) for n in ACTIVATIONS)}."))
        elif guess == right:
            entries.append(Entry(name, CORRECT))
        else:
            gives = f(_apply(guess, z), 3)
            what = "no activation leaves z as it is" if guess == "none" else f"{guess}({f(z)}) = {gives}"
            entries.append(Entry(name, MISTAKE, f"{what}, but the output here is {f(output, 3)}."))
    return grid_feedback(entries, "ReLU cuts negatives to 0, sigmoid squashes into (0, 1), tanh into (−1, 1).",
                         each="a name in quotes")
