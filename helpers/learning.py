"""How a network learns, by hand: the loss, its slopes, and backpropagation (chapters 08 to 10).

Pure NumPy, with the course's shape convention (``W`` is (n_neurons, n_inputs), ``z = W @ x + b``,
a batch ``X`` is (n_samples, n_inputs)) and its Part II names: the loss ``L`` is ``mse(y, target)``;
a gradient is named after what it differentiates and has its shape (``dW1`` like ``W1``);
``delta2 = dL/dz2``, ``dL_dh = W2.T @ delta2``, ``delta1 = dL_dh * (z1 > 0)``, ``dW1 = outer(delta1, x)``.

Every function checks its arguments first and, when they do not fit, raises a ``ValueError``
or ``TypeError`` that says in plain words what it got and what it expected.
"""

from __future__ import annotations

import numbers
from typing import Callable, NamedTuple

import numpy as np

from helpers.validation import as_numbers, describe
from helpers.maths import ACTIVATIONS, NetworkResult, relu, sigmoid, tanh, two_layer_network

__all__ = [
    "Gradients",
    "backward",
    "mse",
    "mse_gradient",
    "network_loss",
    "numerical_gradient",
]


# ---------------------------------------------------------------------------
# The loss (chapter 08) and its slope with respect to the output (chapter 09)
# ---------------------------------------------------------------------------

def _prediction_and_target(y, target) -> tuple[np.ndarray, np.ndarray]:
    """``y`` and ``target`` as float arrays of the same shape, or a plain-words error."""
    y = as_numbers(y, "y")
    target = as_numbers(target, "target")
    if y.shape != target.shape:
        raise ValueError(
            f"y has shape {y.shape} but target has shape {target.shape}; "
            "the loss compares each output with its own target, so they need the same shape."
        )
    return y, target


def mse(y, target) -> float:
    """The mean squared error: the mean of (y − target)² over all entries.

    Shapes: ``y`` and ``target`` the same shape: one number, one output (n_outputs,)
    or a batch (n_samples, n_outputs) -> one float, the loss L.
    Introduced in chapter 08.

    >>> round(mse(2.9, 4), 12)                 # the 2, 3, 5 neuron should have said 4: (−1.1)²
    1.21
    >>> mse([[0, 2.5], [1, 1]], [[1, 2], [1, 1]])   # (1 + 0.25 + 0 + 0) / 4
    0.3125
    """
    y, target = _prediction_and_target(y, target)
    return float(np.mean((y - target) ** 2))


def mse_gradient(y, target) -> np.ndarray:
    """dL/dy for L = mse(y, target): 2 (y − target) / (number of entries), with y's shape.

    Each entry is how fast the loss grows when that output grows; the mean divides by the
    number of entries, so on a batch every sample's share is smaller.
    Introduced in chapter 09.

    >>> mse_gradient([0, 2.5], [1, 2])         # 2 × [−1, 0.5] / 2
    array([-1. ,  0.5])
    """
    y, target = _prediction_and_target(y, target)
    return 2.0 * (y - target) / y.size


# ---------------------------------------------------------------------------
# The slope, measured: nudge one number at a time (chapter 09)
# ---------------------------------------------------------------------------

def _as_step(h) -> float:
    """The nudge h: one positive, finite number."""
    if isinstance(h, (bool, np.bool_)) or isinstance(h, (str, bytes)) or not isinstance(h, numbers.Real):
        raise TypeError(f"h must be one small positive number such as 1e-5, but got {describe(h)}.")
    h = float(h)
    if not (np.isfinite(h) and h > 0):
        raise ValueError(f"h must be a small positive number such as 1e-5, but got {h}.")
    return h


def _read(f: Callable[[], float], when: str) -> float:
    """Call ``f()`` and check that it gives one finite number."""
    value = f()
    if isinstance(value, (bool, np.bool_)) or isinstance(value, (str, bytes)) or value is None:
        returned = "None (does it need a return?)" if value is None else repr(value)
        raise TypeError(f"f() must return one number (the loss), but {when} it returned {returned}.")
    if np.ndim(value) != 0:
        raise ValueError(
            f"f() must return one number (the loss), but {when} it returned {np.size(value)} values "
            f"with shape {np.shape(value)}; take the mean, for example with mse."
        )
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"f() must return one number (the loss), but {when} it returned {describe(value)}.") from None
    if not np.isfinite(number):
        raise ValueError(f"f() must return a finite number, but {when} it returned {number}.")
    return number


def numerical_gradient(f: Callable[[], float], array: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """The slope of ``f()`` with respect to every entry of ``array``, measured by nudging.

    For each entry: add ``h``, read ``f()``; subtract ``h``, read ``f()``; the slope is
    (f(+h) − f(−h)) / 2h (central differences). ``f`` takes no arguments: it must read
    ``array`` itself, which is changed in place during the nudges and restored exactly afterwards
    (even if ``f`` raises). ``array`` must therefore be a NumPy array of floats.
    Shapes: the result has ``array``'s shape.
    Introduced in chapter 09.

    >>> w = np.array([1.0, -2.0])
    >>> np.round(numerical_gradient(lambda: float(np.sum(w ** 2)), w), 6)   # 2w
    array([ 2., -4.])
    >>> w
    array([ 1., -2.])
    """
    if not callable(f):
        raise TypeError(
            f"f must be a function with no arguments that returns the loss, such as "
            f"lambda: mse(neuron(x, w), target), but got {describe(f)}."
        )
    h = _as_step(h)
    if not isinstance(array, np.ndarray):
        raise TypeError(
            f"array must be the NumPy array that f reads (it is nudged in place), but got {describe(array)}. "
            "Make it with np.array(..., dtype=float) and let f read that same array."
        )
    if array.dtype.kind != "f":
        if array.dtype.kind in "iu":
            why = (f"it holds whole numbers (dtype {array.dtype}), so a nudge of h = {h} would be rounded away. "
                   "Use a float array, for example W = W.astype(float), and let f read that array.")
        else:
            why = f"it holds {array.dtype} values. Use an array of floats, for example np.array(..., dtype=float)."
        raise TypeError(f"array must be an array of floats that can be nudged by h, but {why}")
    if array.size == 0:
        raise ValueError(f"array is empty (shape {array.shape}); there is nothing to nudge.")
    if not array.flags.writeable:
        raise ValueError("array is read-only, so it cannot be nudged; pass a writeable copy that f reads.")
    _read(f, "before any nudge")
    gradient = np.zeros(array.shape, dtype=float)
    for index in np.ndindex(array.shape):
        original = array[index].copy()
        try:
            array[index] = original + h
            up = _read(f, f"with entry {index} nudged up")
            array[index] = original - h
            down = _read(f, f"with entry {index} nudged down")
        finally:
            array[index] = original
        gradient[index] = (up - down) / (2 * h)
    return gradient


# ---------------------------------------------------------------------------
# Backpropagation through the two-layer network (chapter 10)
# ---------------------------------------------------------------------------

_OUTPUT_ACTIVATIONS: dict[str, Callable | None] = {name.lower(): function for name, function in ACTIVATIONS.items()}


def _output_function(output_activation) -> Callable | None:
    """The output activation as relu, sigmoid, tanh or None; only those have a known slope here."""
    if output_activation is None or any(output_activation is known for known in (relu, sigmoid, tanh)):
        return output_activation
    if isinstance(output_activation, str) and output_activation.lower() in _OUTPUT_ACTIVATIONS:
        return _OUTPUT_ACTIVATIONS[output_activation.lower()]
    raise ValueError(
        "output_activation should be relu, sigmoid, tanh or None (no activation: y = z2), "
        f"or one of the names {list(ACTIVATIONS)}, but got {describe(output_activation)}."
    )


def _output_slope(function: Callable | None, z2: np.ndarray, y: np.ndarray) -> np.ndarray:
    """dy/dz2, entry by entry: the gate (z2 > 0) for ReLU, y (1 − y) for sigmoid, 1 − y² for tanh, 1 for none."""
    if function is relu:
        return (z2 > 0).astype(float)
    if function is sigmoid:
        return y * (1.0 - y)
    if function is tanh:
        return 1.0 - y ** 2
    return np.ones_like(z2)


def _check_target(target, y: np.ndarray) -> np.ndarray:
    """``target`` as a float array with the network output's shape, or a plain-words error."""
    target = as_numbers(target, "target", ndim=(0, 1, 2))
    if target.shape == y.shape:
        return target
    message = f"target has shape {target.shape} but the network's output y has shape {y.shape}"
    if y.ndim == 2 and target.shape == y.shape[::-1]:
        hint = ("; one row per sample, one column per output. It looks transposed: try target.T.")
    elif y.ndim == 2 and target.shape == y.shape[1:]:
        hint = (f"; a batch of {y.shape[0]} samples needs one target row per sample, "
                f"shape (n_samples, n_outputs) = {y.shape}.")
    elif y.ndim == 1 and target.ndim == 2:
        hint = f"; one input x needs one target per output, shape (n_outputs,) = {y.shape}."
    else:
        hint = f"; give one target per output, shape {y.shape}."
    raise ValueError(message + hint)


def network_loss(x, target, W1, b1, W2, b2, output_activation=relu) -> float:
    """The loss of chapter 05's two-layer network: mse(two_layer_network(...).y, target).

    Shapes as in ``two_layer_network``; ``target`` has the output's shape,
    (n_outputs,) for one input x, (n_samples, n_outputs) for a batch X.
    Introduced in chapter 10, where ``numerical_gradient`` nudges it to check ``backward``.

    >>> network_loss([1, 2], [1], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])   # y = 1.5: 0.5²
    0.25
    """
    function = _output_function(output_activation)
    y = two_layer_network(x, W1, b1, W2, b2, function).y
    return mse(y, _check_target(target, y))


class Gradients(NamedTuple):
    """What ``backward`` computes: the gradient of the loss for every parameter, with that
    parameter's shape, and the backward quantities the chapter writes by hand.

    For a batch, each backward quantity has one row per sample (as the forward values do)."""

    dW1: np.ndarray      #: dL/dW1, shape of W1 (n_hidden, n_inputs)
    db1: np.ndarray      #: dL/db1, shape of b1 (n_hidden,)
    dW2: np.ndarray      #: dL/dW2, shape of W2 (n_outputs, n_hidden)
    db2: np.ndarray      #: dL/db2, shape of b2 (n_outputs,)
    dL_dy: np.ndarray    #: dL/dy = 2 (y − target) / y.size, shape of y
    delta2: np.ndarray   #: dL/dz2: dL/dy through the output activation's slope, shape of z2
    dL_dh: np.ndarray    #: W2.T @ delta2, shape of h
    delta1: np.ndarray   #: dL/dz1 = dL_dh * (z1 > 0), shape of z1
    forward: NetworkResult  #: the forward pass: z1, h, z2, y
    loss: float          #: L = mse(y, target)


def backward(x, target, W1, b1, W2, b2, output_activation=relu) -> Gradients:
    """Backpropagation: the gradient of L = mse(two_layer_network(x, W1, b1, W2, b2).y, target)
    with respect to every weight and bias, one layer at a time from the output back.

    The steps, as chapter 10 does them by hand for one input x:
    dL/dy = 2 (y − target) / y.size; delta2 = dL/dy × (z2 > 0), the output ReLU's gate;
    dW2 = outer(delta2, h), db2 = delta2; dL/dh = W2.T @ delta2;
    delta1 = dL/dh × (z1 > 0), the hidden ReLU's gate; dW1 = outer(delta1, x), db1 = delta1.
    For a batch X the loss is the mean over all entries of Y, each row of delta2 and delta1 belongs
    to one sample, and the samples' contributions add up: dW1 = delta1.T @ X, db1 = delta1.sum(axis=0),
    dW2 = delta2.T @ H, db2 = delta2.sum(axis=0).

    ReLU's slope is 1 where z > 0 and 0 where z < 0; at z == 0 exactly it is taken as 0 (the gate
    is z > 0), so a neuron sitting exactly on its kink gets no gradient.
    ``output_activation``: ``relu`` (the default, as in ``two_layer_network``), ``None`` or
    ``"none"`` (y = z2, delta2 = dL/dy), ``sigmoid`` (slope y (1 − y)) or ``tanh`` (slope 1 − y²).

    Shapes: ``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,), ``W2`` (n_outputs, n_hidden),
    ``b2`` (n_outputs,); ``x`` (n_inputs,) with ``target`` (n_outputs,), or a batch
    (n_samples, n_inputs) with ``target`` (n_samples, n_outputs).
    Returns ``Gradients``: ``dW1, db1, dW2, db2`` with their parameters' shapes, and
    ``dL_dy, delta2, dL_dh, delta1, forward, loss``.
    Introduced in chapter 10.

    >>> grads = backward([1, 2], [1], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    >>> grads.forward.y, grads.dL_dy, grads.delta2         # y = 1.5 is 0.5 too high
    (array([1.5]), array([1.]), array([1.]))
    >>> grads.dW2, grads.dL_dh, grads.delta1               # hidden neuron 1 is off (z1 = −2)
    (array([[1., 0.]]), array([1., 1.]), array([1., 0.]))
    >>> grads.dW1, grads.db1
    (array([[1., 2.],
           [0., 0.]]), array([1., 0.]))
    """
    function = _output_function(output_activation)
    forward = two_layer_network(x, W1, b1, W2, b2, function)  # checks every shape, with the course's messages
    z1, h, z2, y = forward
    x, W2 = as_numbers(x, "x"), as_numbers(W2, "W2")
    target = _check_target(target, y)

    # Each "+ 0.0" turns the −0.0 of a closed gate times a negative slope into 0.0, so printouts read 0.
    dL_dy = 2.0 * (y - target) / y.size + 0.0
    delta2 = dL_dy * _output_slope(function, z2, y) + 0.0
    dL_dh = delta2 @ W2 + 0.0          # W2.T @ delta2, for each sample of a batch
    delta1 = dL_dh * (z1 > 0) + 0.0    # the hidden ReLU's gate
    if x.ndim == 1:
        dW2, db2 = np.outer(delta2, h) + 0.0, delta2.copy()
        dW1, db1 = np.outer(delta1, x) + 0.0, delta1.copy()
    else:
        dW2, db2 = delta2.T @ h + 0.0, delta2.sum(axis=0) + 0.0
        dW1, db1 = delta1.T @ x + 0.0, delta1.sum(axis=0) + 0.0
    loss = float(np.mean((y - target) ** 2))
    return Gradients(dW1=dW1, db1=db1, dW2=dW2, db2=db2, dL_dy=dL_dy, delta2=delta2, dL_dh=dL_dh,
                     delta1=delta1, forward=forward, loss=loss)
