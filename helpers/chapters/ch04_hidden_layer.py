"""Chapter 04, a hidden layer: the exercises' checks and their data."""

from __future__ import annotations

import numpy as np

from helpers.exercises import array_entry, entries_of, Entry, exercise_check, Feedback, grid_feedback, is_stub
from helpers.exercises import judge_number, mistake, number_entry, number_or_reason
from helpers.formulas import format_number


COLLAPSE_W1, COLLAPSE_B1 = ((1, 2), (0, -1)), (1, -1)
COLLAPSE_W2, COLLAPSE_B2 = ((1, 2), (-1, 1)), (1, 1)
"""Chapter 04, exercise 1: two layers without activation, to be written as one."""


@exercise_check(chapter=4, number=1)
def check_collapsed_layer(W, b) -> Feedback:
    """The one layer (W, b) that equals two layers without activation."""
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
    w, b = float(BEND_W1[j]), float(BEND_B1[j])
    f = format_number
    z = f"z1[{j}] = {f(w)}·x {'−' if b < 0 else '+'} {f(abs(b))}"
    slips = [
        (b / w, f"the sign is flipped: {z} is 0 at x = −b1[{j}] / W1[{j}, 0], not b1[{j}] / W1[{j}, 0]."),
        (-b, f"divide by the weight too: {z} is 0 at x = −b1[{j}] / W1[{j}, 0]."),
        (-w / b, f"the fraction is upside down: the bend is at x = −b1[{j}] / W1[{j}, 0]."),
        (w / b, f"the fraction is upside down: the bend is at x = −b1[{j}] / W1[{j}, 0]."),
        (b, f"the bend is where {z} crosses 0: set it to 0 and solve for x."),
    ]
    return number_entry(f"bend {j}", value, -b / w, slips, f"set {z} to 0 and solve for x.")


@exercise_check(chapter=4, number=2)
def check_bends(answer) -> Feedback:
    """Where each hidden neuron bends the output."""
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


@exercise_check(chapter=4, number=3)
def check_right_slope(answer) -> Feedback:
    """The slope of the network's output far to the right of every bend."""
    w1, w2 = np.array(BEND_W1, dtype=float), np.array(BEND_W2, dtype=float)
    on_right, on_left = w1 > 0, w1 < 0  # for large x, a neuron is on when its weight is positive
    return judge_number(
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
