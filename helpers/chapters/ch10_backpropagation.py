"""Chapter 10, backpropagation by hand: the chapter's data and its exercise checks.

- ``check_backward_grid`` (exercise 1): δ2, dL/dh, δ1 and dW2 of a small network, by hand, entry by entry;
- ``check_batch_dW1`` (exercise 2): dW1 for a batch of four samples, with NumPy;
- ``check_my_backward`` (exercise 3): a function that returns dW1, db1, dW2, db2 for one input.

Each check names the typical mistakes of backpropagation: the ReLU gate forgotten, the outer product
transposed, z used where h belongs, W2 used instead of W2ᵀ, the sign flipped, the factor 2 or the
mean forgotten. The checks compute the right answers with ``helpers.learning.backward`` and each
mistake with ``backward_with_slip``, the same steps with that one slip made.
"""

from __future__ import annotations

import dis
from typing import NamedTuple

import numpy as np

from helpers.chapters.ch05_two_layer_network import NETGRID_B1, NETGRID_B2, NETGRID_W1, NETGRID_W2, NETGRID_X
from helpers.examples import NETWORK_B1, NETWORK_B2, NETWORK_W1, NETWORK_W2, NETWORK_X
from helpers.exercises import CORRECT, NOT_ATTEMPTED, Entry, Feedback, array_entry, correct, entries_of
from helpers.exercises import exercise_check, grid_feedback, is_stub, mistake, not_attempted, number_entry
from helpers.exercises import number_or_reason
from helpers.formulas import format_number
from helpers.learning import backward
from helpers.maths import relu
from helpers.validation import as_numbers

__all__ = [
    "EXAMPLE_BATCH_T", "EXAMPLE_BATCH_X", "EXERCISE_BATCH_T", "EXERCISE_BATCH_X", "NETGRID_B1", "NETGRID_B2",
    "NETGRID_TARGET", "NETGRID_W1", "NETGRID_W2", "NETGRID_X", "NETWORK_B1", "NETWORK_B2", "NETWORK_TARGET",
    "NETWORK_W1", "NETWORK_W2", "NETWORK_X", "SLIPS", "backward_with_slip", "check_backward_grid",
    "check_batch_dW1", "check_my_backward",
]

NETWORK_TARGET = (1, 3.45)
"""The answer chapter 10 wants from chapter 05's network, which gives y = [0, 2.45]: both outputs 1 too low."""

EXAMPLE_BATCH_X = ((2, 3, 5), (4, 2, 2))
EXAMPLE_BATCH_T = ((1, 3.45), (2.5, 1))
"""Chapter 10's batch: two samples (rows) of three inputs for chapter 05's network, and their targets."""

EXERCISE_BATCH_X = ((1, 2, 1), (4, 2, 2), (0, 2, 4), (1, 3, 1))
EXERCISE_BATCH_T = ((0.5, 1), (3, 0.5), (0, 2), (1, 1))
"""Exercise 2's batch for chapter 05's network: four samples (rows) of three inputs, and their targets."""

NETGRID_TARGET = (1, 3)
"""Exercise 1's target for chapter 05's by-hand network NETGRID_X, NETGRID_W1, … (which gives y = [0, 1])."""


def _arrays(*values) -> list[np.ndarray]:
    return [np.array(value, dtype=float) for value in values]


def _network():
    return _arrays(NETWORK_X, NETWORK_W1, NETWORK_B1, NETWORK_W2, NETWORK_B2)


def _grid():
    return _arrays(NETGRID_X, NETGRID_TARGET, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2)


def _show(values) -> str:
    values = np.asarray(values, dtype=float)
    if values.ndim == 0:
        return format_number(values, 4)
    return "[" + ", ".join(_show(v) for v in values) + "]"


# ---------------------------------------------------------------------------
# The typical slips, each as the whole backward pass computed with it
# ---------------------------------------------------------------------------

SLIPS = {
    "sign": "The sign is flipped: dL/dy = 2 (y − target) / n, and a step along a flipped gradient climbs the loss.",
    "factor 2": "The factor 2 is missing: the slope of (y − target)² is 2 (y − target).",
    "mean": "The mean is forgotten: L is the mean over all entries of y, so dL/dy divides 2 (y − target) "
            "by their number.",
    "per sample": "The mean is forgotten on the batch: L is the mean over all entries of Y (samples × outputs), "
                  "so divide 2 (Y − T) by Y.size, not by the number of outputs.",
    "output gate": "The output ReLU's gate is forgotten: δ2 = dL/dy × (z2 > 0), and an output that is off "
                   "passes nothing back.",
    "hidden gate": "The hidden ReLU's gate is forgotten: δ1 = dL/dh × (z1 > 0), and a hidden neuron that is off "
                   "passes nothing back.",
    "z for h": "z is used where h belongs: dW2 = outer(δ2, h), because the output layer reads h = ReLU(z1).",
    "W2 not W2.T": "You used W2, not W2ᵀ: dL/dh = W2ᵀ δ2, so dL/dh[j] collects W2[k, j] × δ2[k] from every "
                   "output k (column j of W2).",
    "transposed": "The outer products are transposed: dW1 = outer(δ1, x) and dW2 = outer(δ2, h) have the shapes "
                  "of W1 and W2, one row per neuron.",
}
"""Each typical slip of backpropagation, by name, with the sentence a check says about it."""


class Backward(NamedTuple):
    """The backward pass as the chapter writes it: every quantity, for one input or a batch."""

    dL_dy: np.ndarray
    delta2: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray
    dL_dh: np.ndarray
    delta1: np.ndarray
    dW1: np.ndarray
    db1: np.ndarray


def backward_with_slip(x, target, W1, b1, W2, b2, slip: str | None = None) -> Backward:
    """The backward pass through chapter 05's kind of network (ReLU in both layers) with one of the
    typical ``SLIPS`` made (``None``: no slip, the right gradients).

    ``x`` is one input (n_inputs,) or a batch (n_samples, n_inputs). A slip that cannot be made for
    these shapes (W2 used where W2ᵀ belongs, with W2 not square) raises ValueError.
    """
    if slip is not None and slip not in SLIPS:
        raise ValueError(f"slip must be one of {list(SLIPS)} or None, but got {slip!r}.")
    x, target, W1, b1, W2, b2 = _arrays(x, target, W1, b1, W2, b2)
    batch = x.ndim == 2
    z1 = x @ W1.T + b1
    h = relu(z1)
    z2 = h @ W2.T + b2
    y = relu(z2)
    count = {"mean": 1, "per sample": y.shape[-1]}.get(slip, y.size)
    dL_dy = (1.0 if slip == "factor 2" else 2.0) * (y - target) / count
    if slip == "sign":
        dL_dy = -dL_dy
    delta2 = dL_dy if slip == "output gate" else dL_dy * (z2 > 0)
    if slip == "W2 not W2.T":
        if W2.shape[0] != W2.shape[1]:
            raise ValueError("W2 is not square, so W2 @ δ2 does not fit.")
        dL_dh = delta2 @ W2.T
    else:
        dL_dh = delta2 @ W2
    delta1 = dL_dh if slip == "hidden gate" else dL_dh * (z1 > 0)
    read = z1 if slip == "z for h" else h
    if batch:
        dW2, dW1 = delta2.T @ read, delta1.T @ x
        db2, db1 = delta2.sum(axis=0), delta1.sum(axis=0)
    else:
        dW2, dW1 = np.outer(delta2, read), np.outer(delta1, x)
        db2, db1 = delta2.copy(), delta1.copy()
    if slip == "transposed":
        dW2, dW1 = dW2.T, dW1.T
    return Backward(*(value + 0.0 for value in (dL_dy, delta2, dW2, db2, dL_dh, delta1, dW1, db1)))


# ---------------------------------------------------------------------------
# Exercise 1: the backward grid, by hand
# ---------------------------------------------------------------------------

def _numbers(values) -> np.ndarray | None:
    """The learner's entries as an array, or None while any is missing or not a number."""
    numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]
    return None if None in numbers else np.array(numbers, dtype=float)


def _grid_entries(delta2, dL_dh, delta1, dW2) -> list[Entry]:
    x, target, W1, b1, W2, b2 = _grid()
    z1 = W1 @ x + b1
    h = relu(z1)
    z2 = W2 @ h + b2
    right = backward(x, target, W1, b1, W2, b2)
    slip = {name: backward_with_slip(x, target, W1, b1, W2, b2, name) for name in
            ("sign", "factor 2", "mean", "output gate", "hidden gate", "z for h")}
    f = format_number
    n_outputs, n_hidden = W2.shape
    entries = []
    for k in range(n_outputs):
        gate = f"output {k} is off (z2[{k}] = {f(z2[k])} < 0), so its gate is 0"
        slips = [(right.dL_dy[k], f"this is δ2 before the gate, dL/dy[{k}]: {gate} and δ2[{k}] = 0."
                  if z2[k] <= 0 else f"this is dL/dy[{k}]."),
                 (slip["sign"].delta2[k], SLIPS["sign"]),
                 (slip["factor 2"].delta2[k], SLIPS["factor 2"]),
                 (slip["mean"].delta2[k], SLIPS["mean"]),
                 (-right.dL_dy[k] if z2[k] <= 0 else None, f"the sign is flipped, and {gate}.")]
        entries.append(number_entry(f"δ2[{k}]", delta2[k], right.delta2[k], slips,
                              f"δ2[{k}] = dL/dy[{k}] × (z2[{k}] > 0), with dL/dy = 2 (y − target) / {len(target)}."))
    given_delta2 = _numbers(delta2)
    for j in range(n_hidden):
        slips = []
        if given_delta2 is not None and not np.allclose(given_delta2, right.delta2):
            slips.append((W2[:, j] @ given_delta2, f"dL/dh[{j}] is right for your δ2, but δ2 is not right yet: "
                                                   f"fix δ2 and dL/dh[{j}] follows."))
        if j < n_outputs:
            slips.append((W2[j, :n_outputs] @ right.delta2,
                          f"you used W2, not W2ᵀ: you read row {j} of W2, but dL/dh[{j}] collects W2[k, {j}] × δ2[k] "
                          f"from every output k: column {j} of W2, read downwards."))
        slips += [(W2[:, j] @ right.dL_dy, f"you used dL/dy, δ2 before the gate. {SLIPS['output gate']}"),
                  (-right.dL_dh[j], "the sign is flipped: dL/dy = 2 (y − target) / n, and it carries its sign back.")]
        entries.append(number_entry(f"dL/dh[{j}]", dL_dh[j], right.dL_dh[j], slips,
                              f"dL/dh[{j}] = Σ over outputs k of W2[k, {j}] × δ2[k]: column {j} of W2 times δ2."))
    given_dL_dh = _numbers(dL_dh)
    for j in range(n_hidden):
        slips = []
        if given_dL_dh is not None and not np.allclose(given_dL_dh, right.dL_dh):
            slips.append((given_dL_dh[j] * (z1[j] > 0),
                          f"δ1[{j}] is right for your dL/dh, but dL/dh is not right yet: fix it and δ1[{j}] follows."))
        slips += [(right.dL_dh[j], f"the gate is forgotten: hidden neuron {j} is off (z1[{j}] = {f(z1[j])} < 0), "
                                   f"so δ1[{j}] = dL/dh[{j}] × 0 = 0."),
                  (right.dL_dh[j] * h[j], f"you multiplied by h[{j}]; the gate is ReLU's slope, 1 if z1[{j}] > 0, else 0."),
                  (right.dL_dh[j] * z1[j], f"you multiplied by z1[{j}]; the gate is ReLU's slope, 1 if z1[{j}] > 0, else 0."),
                  (-right.delta1[j], "the sign is flipped.")]
        entries.append(number_entry(f"δ1[{j}]", delta1[j], right.delta1[j], slips,
                              f"δ1[{j}] = dL/dh[{j}] × (z1[{j}] > 0)."))
    for k in range(n_outputs):
        for j in range(n_hidden):
            value = dW2[k][j]
            slips = []
            if given_delta2 is not None and not np.allclose(given_delta2, right.delta2):
                slips.append((given_delta2[k] * h[j], f"dW2[{k},{j}] is right for your δ2, but δ2 is not right yet."))
            slips += [(slip["z for h"].dW2[k, j], f"z used where h belongs: dW2[{k},{j}] = δ2[{k}] × h[{j}], and "
                                                  f"h[{j}] = ReLU(z1[{j}]) = {f(h[j])}."),
                      (right.dL_dy[k] * h[j], f"this uses dL/dy[{k}], δ2 before the gate: output {k} is off, "
                                              f"so δ2[{k}] = 0 and its whole row of dW2 is 0."),
                      (right.delta2[k] * x[j] if j < len(x) else None,
                       f"you used x[{j}]; the output layer reads h, so dW2[{k},{j}] = δ2[{k}] × h[{j}]."),
                      (-right.dW2[k, j], "the sign is flipped.")]
            entries.append(number_entry(f"dW2[{k},{j}]", value, right.dW2[k, j], slips,
                                  f"dW2[{k},{j}] = δ2[{k}] × h[{j}]: the error at output {k} times what "
                                  f"hidden neuron {j} sent it."))
    return entries


@exercise_check(chapter=10, number=1)
def check_backward_grid(delta2, dL_dh, delta1, dW2) -> Feedback:
    """δ2, dL/dh, δ1 and dW2 of a small network with its target, by hand."""
    x, target, W1, b1, W2, b2 = _grid()
    n_outputs, n_hidden = W2.shape
    values = [entries_of(delta2, n_outputs, "delta2"), entries_of(dL_dh, n_hidden, "dL_dh"),
              entries_of(delta1, n_hidden, "delta1")]
    for found in values:
        if isinstance(found, Feedback):
            return found
    if isinstance(dW2, np.ndarray):
        dW2 = dW2.tolist()
    if is_stub(dW2):
        rows = [[...] * n_hidden for _ in range(n_outputs)]
    else:
        rows = entries_of(dW2, n_outputs, "dW2")
        if isinstance(rows, Feedback):
            transposed = entries_of(dW2, n_hidden, "dW2")
            if not isinstance(transposed, Feedback) and all(
                    not isinstance(r, (str, bytes)) and hasattr(r, "__len__") and len(r) == n_outputs
                    for r in transposed):
                return mistake(f"dW2 has {n_hidden} rows of {n_outputs}. {SLIPS['transposed']} "
                               f"Write dW2 as {n_outputs} rows, one per output, each with {n_hidden} entries.")
            return rows
        for k, row in enumerate(rows):
            row_values = [...] * n_hidden if is_stub(row) else entries_of(row, n_hidden, f"dW2[{k}]")
            if isinstance(row_values, Feedback):
                return row_values
            rows[k] = row_values
    entries = _grid_entries(*values, rows)
    return grid_feedback(entries, "From the output back: δ2 through the output gate, dW2 = outer(δ2, h), "
                                  "dL/dh = W2ᵀ δ2, and δ1 through the hidden gate.")


# ---------------------------------------------------------------------------
# Exercise 2: dW1 for a batch, with NumPy
# ---------------------------------------------------------------------------

@exercise_check(chapter=10, number=2)
def check_batch_dW1(answer) -> Feedback:
    """dW1 of chapter 05's network for the batch EXERCISE_BATCH_X, targets EXERCISE_BATCH_T."""
    X, T = _arrays(EXERCISE_BATCH_X, EXERCISE_BATCH_T)
    _, W1, b1, W2, b2 = _network()
    right = backward(X, T, W1, b1, W2, b2).dW1
    n_samples = len(X)
    slips = []
    for name in ("per sample", "mean", "sign", "factor 2", "hidden gate", "output gate"):
        slips.append((backward_with_slip(X, T, W1, b1, W2, b2, name).dW1, SLIPS[name]))
    slips.append((backward_with_slip(X, T, W1, b1, W2, b2, "transposed").dW1,
                  "The product is transposed: dW1 has W1's shape (4, 3), one row per hidden neuron: delta1.T @ X."))
    for i in range(n_samples):
        alone = backward(X[i], T[i], W1, b1, W2, b2).dW1
        slips.append((alone, f"That is sample {i}'s gradient alone: the batch's gradient is the mean of the "
                             f"{n_samples} samples' gradients, delta1.T @ X with the 1/Y.size inside delta1."))
        slips.append((alone / n_samples, f"That is only sample {i}'s share: delta1.T @ X adds the shares of all "
                                         f"{n_samples} samples."))
    entry = array_entry("dW1", answer, right, slips,
                        "Do the backward steps for the whole batch: dL_dY = 2 (Y − T) / Y.size, delta2 = dL_dY × (Z2 > 0), "
                        "dL_dH = delta2 @ W2, delta1 = dL_dH × (Z1 > 0), dW1 = delta1.T @ X.")
    if entry.status == NOT_ATTEMPTED:
        return not_attempted()
    if entry.status == CORRECT:
        return correct(f"It equals the mean of the {n_samples} samples' own gradients.")
    return mistake(entry.why)


# ---------------------------------------------------------------------------
# Exercise 3: my_backward, a function
# ---------------------------------------------------------------------------

def _backward_cases():
    """(x, target, W1, b1, W2, b2) for ``check_my_backward``: chapter 10's example, exercise 1's
    network, and a network with two hidden neurons and two outputs (so W2 is square and W2 @ δ2
    fits) where every gate but one is open."""
    chapter = (NETWORK_X, NETWORK_TARGET, NETWORK_W1, NETWORK_B1, NETWORK_W2, NETWORK_B2)
    grid = (NETGRID_X, NETGRID_TARGET, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2)
    square = ((1, 2), (0.5, 3), ((1, 0.5), (2, -1)), (0.5, 1), ((1, -0.5), (0.5, 2)), (-1, 0.5))
    return [tuple(_arrays(*case)) for case in (chapter, grid, square)]


GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2")


def _does_nothing(function) -> bool:
    """True for a function whose body is still only ``...`` or ``pass`` (and comments): the stub."""
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("RESUME", "NOP", "CACHE", "RETURN_VALUE", "POP_TOP"):
            continue
        if instruction.opname in ("LOAD_CONST", "RETURN_CONST") and instruction.argval in (None, ...):
            continue
        return False
    return True


def _four_gradients(result):
    """The learner's result as four arrays (dW1, db1, dW2, db2), or a sentence saying why it is not."""
    if all(hasattr(result, name) for name in GRADIENT_NAMES):
        result = tuple(getattr(result, name) for name in GRADIENT_NAMES)
    if isinstance(result, (str, bytes, dict)) or not isinstance(result, (tuple, list)) or len(result) != 4:
        what = f"{len(result)} values" if isinstance(result, (tuple, list)) else f"a {type(result).__name__}"
        return None, f"Your function returned {what}; it should return four: return dW1, db1, dW2, db2."
    arrays = []
    for name, value in zip(GRADIENT_NAMES, result):
        try:
            arrays.append(as_numbers(value, name))
        except (TypeError, ValueError) as error:
            return None, f"{error} (the {GRADIENT_NAMES.index(name) + 1}th value returned, {name})."
    return arrays, None


def _same(got, want) -> bool:
    return all(g.shape == np.shape(w) and np.allclose(g, w, atol=1e-6, rtol=0) for g, w in zip(got, want))


def _slip_gradients(case, name):
    try:
        slipped = backward_with_slip(*case, slip=name)
    except ValueError:
        return None
    return slipped.dW1, slipped.db1, slipped.dW2, slipped.db2


@exercise_check(chapter=10, number=3)
def check_my_backward(function) -> Feedback:
    """A function my_backward(x, target, W1, b1, W2, b2) that returns
    dW1, db1, dW2, db2 for one input, with ReLU in both layers."""
    if is_stub(function) or _does_nothing(function):
        return not_attempted()
    if not callable(function):
        return mistake(f"Expected a function, but got {type(function).__name__}: pass the function itself, without ().")
    cases = _backward_cases()
    results = []
    for case in cases:
        x, target, W1, b1, W2, b2 = case
        shapes = f"x has shape {x.shape}, W1 {W1.shape}, W2 {W2.shape}"
        try:
            result = function(*(value.copy() for value in case))
        except Exception as error:
            hint = ""
            if "matmul" in str(error) or "shape" in str(error) or "broadcast" in str(error):
                hint = (" W2 has a row per output, so dL/dh = W2.T @ delta2 (not W2 @ delta2), "
                        "and each gradient has its parameter's shape.")
            return mistake(f"Your function raised {type(error).__name__} ({error}) when {shapes}.{hint}")
        if result is None:
            return mistake(f"Your function returned None when {shapes}: it gives nothing back, which is what a "
                           "function without return does. It probably needs `return`: end it with "
                           "return dW1, db1, dW2, db2.")
        gradients, problem = _four_gradients(result)
        if problem:
            return mistake(problem)
        results.append(gradients)
    expected = [tuple(backward(*case)[:4]) for case in cases]
    if all(_same(got, want) for got, want in zip(results, expected)):
        return correct("Your function agrees with backward on all three test networks.")
    for name, why in SLIPS.items():
        slipped = [_slip_gradients(case, name) for case in cases]
        # A slip that cannot be made for a case (W2 not square) is judged on the others.
        judged = [(got, want) for got, want in zip(results, slipped) if want is not None]
        if judged and all(_same(got, want) for got, want in judged):
            return mistake(why)
    for case, got, want in zip(cases, results, expected):
        for name, g, w in zip(GRADIENT_NAMES, got, want):
            if g.shape != w.shape:
                transposed = " It looks transposed." if g.shape == w.shape[::-1] else ""
                return mistake(f"For x = {_show(case[0])}, {name} has shape {g.shape}, but it should have "
                               f"{name[1:]}'s shape {w.shape}.{transposed}")
            if not np.allclose(g, w, atol=1e-6, rtol=0):
                return mistake(f"For x = {_show(case[0])} and target = {_show(case[1])}, {name} is {_show(g)}. "
                               "Go step by step: dL/dy, δ2 through the output gate, dW2 and db2, "
                               "dL/dh = W2.T @ δ2, δ1 through the hidden gate, dW1 and db1.")
    return mistake("Your gradients differ from backward's.")  # not reached: some gradient differs above
