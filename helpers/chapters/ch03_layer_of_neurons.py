"""Chapter 03, a layer of neurons: the exercises' checks and their data.

``layer_z_entry`` and ``layer_h_entry`` judge one z or ReLU output of a layer worked out by hand,
naming the slips a learner makes (bias forgotten, a column of W read as a row, …); chapter 05's
network grid uses them for each of its layers."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.exercises import CORRECT, MISTAKE, NOT_ATTEMPTED, close, correct, entries_of, Entry, exercise_check
from helpers.exercises import Feedback, grid_feedback, is_stub, mistake, not_attempted, number_or_reason
from helpers.exercises import shape_entry
from helpers.formulas import format_number
from helpers.validation import as_numbers


STACK_WEIGHTS = ((1, 2), (0, -1), (0.5, 0.5))
"""The weights of neurons 0, 1 and 2 in chapter 03's "stack the rows" exercise."""


@exercise_check(chapter=3, number=1)
def check_stacked_weights(W) -> Feedback:
    """The weights of three neurons with two inputs stacked as the rows of W."""
    if is_stub(W):
        return not_attempted()
    expected = np.array(STACK_WEIGHTS, dtype=float)
    try:
        got = as_numbers(W, "W", ndim=(1, 2))
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
"""Chapter 03, exercise 2: a layer of 5 neurons reading 2 inputs."""


@exercise_check(chapter=3, number=2)
def check_layer_shapes(W_shape, b_shape, z_shape) -> Feedback:
    """The shapes of W, b and z for 5 neurons reading 2 inputs."""
    n, m = SHAPES_NEURONS, SHAPES_INPUTS
    entries = [
        shape_entry("W_shape", W_shape, (n, m), {
            (m, n): f"({m}, {n}) is the transposed shape: W has one row per neuron, so (n_neurons, n_inputs).",
            (n * m,): f"{n * m} is how many weights there are; "
                      "the shape says how they are arranged: (rows, columns).",
            "hint": "W has one row per neuron and one column per input.",
        }),
        shape_entry("b_shape", b_shape, (n,), {
            (m,): "there is one bias per neuron, not one per input.",
            (n, 1): f"b is a plain 1-D vector with one number per neuron: ({n},).",
            (1, n): f"b is a plain 1-D vector with one number per neuron: ({n},).",
            (n, m): "b is not a matrix: each neuron has a single bias.",
            "hint": "Each neuron has one bias.",
        }),
        shape_entry("z_shape", z_shape, (n,), {
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


def layer_z_entry(j: int, value, x, W, b, names: GridNames = GridNames()) -> Entry:
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
    f = format_number
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


def layer_h_entry(j: int, value, z_given, x, W, b, names: GridNames = GridNames()) -> Entry:
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
    f = format_number
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


@exercise_check(chapter=3, number=3)
def check_layer_grid(z, h) -> Feedback:
    """The four z values and the four ReLU outputs of a layer, by hand."""
    x, W, b = (np.array(v, dtype=float) for v in (GRID_X, GRID_W, GRID_B))
    n = len(b)
    z_values, h_values = entries_of(z, n, "z"), entries_of(h, n, "h")
    for values in (z_values, h_values):
        if isinstance(values, Feedback):
            return values
    z_numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in z_values]
    entries = [layer_z_entry(j, z_values[j], x, W, b) for j in range(n)]
    entries += [layer_h_entry(j, h_values[j], z_numbers[j], x, W, b) for j in range(n)]
    return grid_feedback(entries, "All four z values and all four ReLU outputs are right.")
