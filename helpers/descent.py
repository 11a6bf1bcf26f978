"""Gradient descent on one neuron, by hand (chapter 09).

The chapter's neuron has no bias: y = x · w, or y = ReLU(x · w), and its loss is L = (y − target)².
``neuron_gradient`` gives the slopes by the chain rule, ``gradient_descent`` takes the steps
w ← w − learning_rate · gradient, and ``error_factor`` says what one step does to the error:
it multiplies it by 1 − 2 · learning_rate · (x · x). ``learning_rate_verdict`` puts that factor in words.

Pure NumPy; arguments are read with ``helpers.validation``, and bad ones get a plain-words error.
The words for the factor (``learning_rate_verdict``) are the text the summary and the checks share.
"""

from __future__ import annotations

import numbers
from typing import NamedTuple

import numpy as np

from helpers.maths import relu
from helpers.validation import as_numbers, describe

__all__ = ["DescentStep", "error_factor", "gradient_descent", "learning_rate_verdict", "neuron_gradient"]


def _neuron_activation(activation) -> str | None:
    """The neuron's activation for the slopes of chapter 09: None (y = z) or "ReLU"."""
    if activation is None or activation is relu:
        return None if activation is None else "ReLU"
    if isinstance(activation, str) and activation.strip().lower() in ("none", "relu"):
        return None if activation.strip().lower() == "none" else "ReLU"
    raise ValueError(f"activation should be None (y = z) or relu, but got {describe(activation)}.")


def _learning_rate(learning_rate) -> float:
    """The learning rate: one finite number."""
    if isinstance(learning_rate, (bool, np.bool_, str, bytes)) or not isinstance(learning_rate, numbers.Real):
        raise TypeError(f"learning_rate must be one number such as 0.01, but got {describe(learning_rate)}.")
    learning_rate = float(learning_rate)
    if not np.isfinite(learning_rate):
        raise ValueError(f"learning_rate must be a finite number such as 0.01, but got {learning_rate}.")
    return learning_rate


def _neuron_values(x, w, target) -> tuple[np.ndarray, np.ndarray, float]:
    x = as_numbers(x, "x", ndim=1)
    w = as_numbers(w, "w", ndim=1)
    if x.shape != w.shape:
        raise ValueError(f"x has shape {x.shape} but w has shape {w.shape}; a neuron needs one weight per input.")
    target = as_numbers(target, "target")
    if target.ndim != 0:
        raise ValueError(f"target should be one number (the neuron has one output), but got shape {target.shape}.")
    return x, w, float(target)


def neuron_gradient(x, w, target, activation=None) -> np.ndarray:
    """dL/dw for one neuron without bias, y = activation(x · w), and L = (y − target)².

    The chain rule, one weight at a time: dL/dwᵢ = 2 (y − target) · gate · xᵢ, where the gate is 1
    without an activation and (z > 0) with ReLU (at z == 0 exactly it is taken as 0).
    Shapes: ``x`` and ``w`` (n_inputs,), ``target`` one number -> (n_inputs,), like ``w``.
    Introduced in chapter 09.

    >>> neuron_gradient([1, 2], [0.5, 0.5], 2)          # y = 1.5: 2 × (−0.5) × [1, 2]
    array([-1., -2.])
    >>> neuron_gradient([1, 2], [-1, 0], 2, activation=relu)   # z = −1: the gate is shut
    array([0., 0.])
    """
    gated = _neuron_activation(activation) == "ReLU"
    x, w, target = _neuron_values(x, w, target)
    z = float(x @ w)
    y = max(z, 0.0) if gated else z
    gate = float(z > 0) if gated else 1.0
    return 2.0 * (y - target) * gate * x + 0.0


def error_factor(x, learning_rate) -> float:
    """What one gradient-descent step does to the error y − target of a neuron without activation:
    it multiplies it by 1 − 2 · learning_rate · (x · x).

    A step moves w by −learning_rate · 2 (y − target) · x, so y = x · w moves by
    −2 · learning_rate · (x · x) · (y − target). Between 0 and 1: the error shrinks without changing
    sign; between −1 and 0: y overshoots the target, but the error still shrinks; below −1: it
    overshoots further each step, and diverges. Introduced in chapter 09.

    >>> round(error_factor([2, 3, 5], 0.01), 12)      # x · x = 38: 1 − 0.76
    0.24
    """
    x = as_numbers(x, "x", ndim=1)
    return 1.0 - 2.0 * _learning_rate(learning_rate) * float(x @ x)


def learning_rate_verdict(factor: float) -> str:
    """What a factor 1 − 2 · learning_rate · (x · x) on the error (``error_factor``) means for gradient
    descent, in words: too small, about right, too large but converging, far too large.
    Introduced in chapter 09.

    >>> learning_rate_verdict(0.24)
    'about right: y closes in on the target from one side'
    """
    if abs(factor) < 1e-9:
        return "y lands on the target in one step"
    if abs(factor + 1) < 1e-9:
        return "too large: y bounces between the same two values for ever"
    if factor > 1:
        return "the error grows on the same side of the target: the weights climb the loss"
    if abs(factor - 1) < 1e-9:
        return "nothing moves: a learning rate of 0 takes no step"
    if factor >= 0.75:
        return "too small: y creeps towards the target, slowly"
    if factor > 0:
        return "about right: y closes in on the target from one side"
    if factor > -1:
        return "too large: y overshoots the target every step, but by less each time, so it still converges"
    return "far too large: y overshoots by more every step, and the loss diverges"


class DescentStep(NamedTuple):
    """Where gradient descent stands after some steps: the weights, the output, the loss, and the
    gradient there (the one the next step follows)."""

    w: np.ndarray          #: the weights, shape (n_inputs,)
    y: float               #: the neuron's output with these weights
    loss: float            #: L = (y − target)²
    gradient: np.ndarray   #: dL/dw at these weights, shape (n_inputs,)


def gradient_descent(x, w, target, learning_rate, steps: int, activation=None) -> list[DescentStep]:
    """Gradient descent on one neuron: ``steps`` times, w ← w − learning_rate · dL/dw.

    Returns ``steps + 1`` entries: where it starts (entry 0), then after each step.
    ``x`` and ``w`` (n_inputs,), ``target`` one number; ``activation`` None or relu.
    Introduced in chapter 09.

    >>> path = gradient_descent([2, 3, 5], [0.5, 0.3, 0.2], 4, 0.01, steps=1)
    >>> [round(step.loss, 6) for step in path]          # 1.21, then 0.264²
    [1.21, 0.069696]
    >>> np.round(path[1].w, 6)
    array([0.544, 0.366, 0.31 ])
    """
    x, w, target = _neuron_values(x, w, target)
    learning_rate = _learning_rate(learning_rate)
    if isinstance(steps, (bool, np.bool_)) or not isinstance(steps, numbers.Integral) or steps < 0:
        raise TypeError(f"steps must be a whole number, 0 or more, but got {describe(steps)}.")
    gated = _neuron_activation(activation) == "ReLU"
    path = []
    for _ in range(int(steps) + 1):
        z = float(x @ w)
        y = max(z, 0.0) if gated else z
        gradient = neuron_gradient(x, w, target, activation)
        path.append(DescentStep(w=w.copy(), y=y, loss=(y - target) ** 2, gradient=gradient))
        w = w - learning_rate * gradient
    return path
