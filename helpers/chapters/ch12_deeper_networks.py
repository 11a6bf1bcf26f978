"""Chapter 12, deeper networks: the exercises' checks and their data.

The checks work the answers out here, with exact arithmetic or plain NumPy loops, independently
of ``helpers.deep``: the largest slope of sigmoid, the factor by which a chain of sigmoid layers
multiplies the learning signal, the spread of the starting weights, and the size of each layer's gradient.
"""

from __future__ import annotations

import math

import numpy as np

from helpers.deep import Layer, deep_backward, narrow_data, narrow_network
from helpers.exercises import Feedback, exercise_check, judge_function, judge_number

__all__ = [
    "CHAIN_LAYERS",
    "CHAIN_WEIGHT",
    "SIZE_CASES",
    "SPREAD_CASES",
    "check_chain_factor",
    "check_gradient_sizes",
    "check_largest_sigmoid_slope",
    "check_weight_spread",
    "sigmoid_chain",
]


def sigmoid_chain(n_sigmoid: int, weight: float) -> list[Layer]:
    """A chain of ``n_sigmoid`` sigmoid layers of one neuron each, then one output neuron, every weight
    ``weight``; with the input x = 0 each bias is chosen so that every z is 0, where sigmoid is steepest:
    b = 0 in the first layer, b = −weight × 0.5 in the others (sigmoid(0) = 0.5 comes in).
    As layers for ``helpers.deep.deep_backward`` (hidden activation "sigmoid").
    Introduced in chapter 12."""
    layers = [Layer(np.array([[float(weight)]]), np.array([0.0]))]
    layers += [Layer(np.array([[float(weight)]]), np.array([-0.5 * weight])) for _ in range(n_sigmoid)]
    return layers


# ---------------------------------------------------------------------------
# Exercise 1: the largest slope of sigmoid
# ---------------------------------------------------------------------------

@exercise_check(chapter=12, number=1)
def check_largest_sigmoid_slope(answer) -> Feedback:
    """The largest slope sigmoid has anywhere, as one number."""
    right = 0.5 * (1 - 0.5)  # sigmoid(0) (1 − sigmoid(0)), at z = 0 where it is steepest
    return judge_number(answer, right, mistakes=[
        (0.5, "0.5 is sigmoid(0), the value of sigmoid at 0, not its slope there: "
              "the slope is sigmoid(z) × (1 − sigmoid(z))."),
        (1.0, "1 is the largest slope of tanh (and of ReLU where it is on), not of sigmoid: "
              "sigmoid rises from 0 to 1 over a wide stretch, so it is never that steep."),
        (0.0, "The slope is close to 0 far from z = 0, but the question asks for the largest slope, at z = 0."),
        (-0.25, "Sigmoid only rises: its slope is never negative."),
    ], hint="The slope is sigmoid(z) × (1 − sigmoid(z)): where is it largest, and how large?")


# ---------------------------------------------------------------------------
# Exercise 2: the factor after a chain of layers
# ---------------------------------------------------------------------------

CHAIN_LAYERS, CHAIN_WEIGHT = 5, 2.0
"""Chapter 12, exercise 2: a chain of 5 sigmoid neurons, then an output neuron; every weight 2, every z = 0."""


@exercise_check(chapter=12, number=2)
def check_chain_factor(answer) -> Feedback:
    """By how much is the learning signal dL/dz multiplied on its way back from the output neuron to the
    first of the CHAIN_LAYERS sigmoid neurons, every weight CHAIN_WEIGHT and every z = 0?"""
    n, w, slope = CHAIN_LAYERS, CHAIN_WEIGHT, 0.25
    right = (w * slope) ** n
    return judge_number(answer, right, tolerance=1e-9, mistakes=[
        (slope ** n, "You left out the weights: each layer back multiplies by the weight w = 2 as well as by the slope."),
        (n * w * slope, "You added the factors up; going back through each layer multiplies the signal by its factor."),
        (n * slope, "You added the slopes up (and left out the weights); each layer multiplies the signal by w × slope."),
        ((w * slope) ** (n - 1), "One factor short: there are 5 sigmoid neurons, so 5 slopes on the way back, "
                                 "each with the weight above it."),
        ((w * slope) ** (n + 1), "One factor too many: only the 5 sigmoid neurons have a slope below 1; "
                                 "the output neuron has no activation."),
        (w ** n * 0.5 ** n, "You used sigmoid(0) = 0.5 for the slope: the slope at 0 is 0.5 × (1 − 0.5)."),
        (w * slope, "That is one layer's factor: the signal passes 5 of them."),
    ], hint="Each of the 5 steps back multiplies by w × slope. Multiply the 5 factors.")


# ---------------------------------------------------------------------------
# Exercise 3: the spread of the starting weights
# ---------------------------------------------------------------------------

SPREAD_CASES = [(8, "sigmoid"), (8, "relu"), (50, "tanh"), (2, "relu"), (200, "sigmoid")]
"""Chapter 12, exercise 3: the test cases (n_inputs, activation) for ``weight_spread``."""


def _spread(n_inputs: int, activation: str) -> float:
    return math.sqrt(2 / n_inputs) if activation == "relu" else 1 / math.sqrt(n_inputs)


GROWS = "Your spread grows with n_inputs: it should shrink, 1/√n_inputs, so that a sum of more inputs keeps its size."
SPREAD_SLIPS = [
    (lambda n, a: (2 / n) if a == "relu" else 1 / n,
     "You forgot the square root: the spread is 1/√n_inputs (or √(2/n_inputs) for ReLU), not 1/n_inputs."),
    (lambda n, a: math.sqrt(2 / n),
     "You gave He's √(2/n_inputs) for sigmoid and tanh too: the 2 makes up for the half that ReLU silences, "
     "so only ReLU gets it."),
    (lambda n, a: 1 / math.sqrt(n),
     "You gave ReLU the same 1/√n_inputs as sigmoid and tanh: ReLU silences about half of its inputs, "
     "so its weights need √(2/n_inputs), twice the variance."),
    (lambda n, a: 1 / math.sqrt(n) if a == "relu" else math.sqrt(2 / n),
     "The two are swapped: √(2/n_inputs) is for ReLU, 1/√n_inputs for sigmoid and tanh."),
    (lambda n, a: 1 / _spread(n, a), GROWS),
    (lambda n, a: math.sqrt(n), GROWS),
    (lambda n, a: 0.01,
     "A small constant such as 0.01 is what the chapter warns about: the signal fades layer after layer. "
     "The spread depends on n_inputs."),
]


@exercise_check(chapter=12, number=3)
def check_weight_spread(function) -> Feedback:
    """`weight_spread(n_inputs, activation)`: the spread of the starting weights of a layer whose neurons
    have n_inputs inputs each, for activation "sigmoid", "tanh" or "relu", as the chapter's rule gives it."""
    return judge_function(
        function, SPREAD_CASES, [_spread(*case) for case in SPREAD_CASES], SPREAD_SLIPS,
        describe_case=lambda case: f"For n_inputs={case[0]} and activation={case[1]!r}",
        hint="The spread should keep z about as spread out as the inputs, and ReLU, which silences half of them, "
             "needs twice the variance.",
        all_right="Wider layers get smaller weights, so every z keeps about the spread of its inputs.",
        returns="return spread",
    )


# ---------------------------------------------------------------------------
# Exercise 4: the size of each layer's gradient
# ---------------------------------------------------------------------------

def _size_case(depth: int, width: int, activation: str, seed: int) -> tuple:
    X, target = narrow_data(width, 6, seed)
    grads = deep_backward(X, target, narrow_network(depth, width, 1.0, 0.0, seed), activation)
    return ([dW.copy() for dW in grads.dW],)


SIZE_CASES = [
    ([np.array([[3.0, 4.0]]), np.array([[1.0], [-2.0], [2.0]])],),
    _size_case(4, 3, "sigmoid", 1),
    _size_case(3, 2, "tanh", 2),
]
"""Chapter 12, exercise 4: the test cases for ``gradient_sizes``: each a list of gradients dW, first layer first."""


def _norms(dWs, how: str = "size") -> list[float]:
    """Each array's size, the square root of the sum of its squared entries, by loops; or a slip."""
    sizes = []
    for dW in dWs:
        entries = [float(v) for v in np.ravel(dW)]
        if how == "squares":
            sizes.append(sum(v * v for v in entries))
        elif how == "abs":
            sizes.append(sum(abs(v) for v in entries))
        elif how == "max":
            sizes.append(max(abs(v) for v in entries))
        elif how == "mean":
            sizes.append(sum(abs(v) for v in entries) / len(entries))
        else:
            sizes.append(math.sqrt(sum(v * v for v in entries)))
    return sizes


SIZE_SLIPS = [
    (lambda dWs: _norms(dWs, "squares"), "You added the squares but took no square root: the size is the square root "
                                         "of that sum (np.sqrt, or np.linalg.norm)."),
    (lambda dWs: _norms(dWs, "abs"), "You added the entries' absolute values: the size squares them, adds, "
                                     "and takes the square root."),
    (lambda dWs: _norms(dWs, "max"), "You took the largest entry: the size counts every entry, "
                                     "the square root of the sum of their squares."),
    (lambda dWs: _norms(dWs, "mean"), "You averaged the absolute values: the size is the square root of the sum "
                                      "of the squares."),
    (lambda dWs: _norms(dWs)[::-1], "Your sizes are in reverse order: keep the order of dWs, first layer first."),
]


@exercise_check(chapter=12, number=4)
def check_gradient_sizes(function) -> Feedback:
    """`gradient_sizes(dWs)`: for a list of gradients dW, one per layer, the size of each, in the same order:
    the square root of the sum of the squares of its entries."""
    return judge_function(
        function, SIZE_CASES, [_norms(*case) for case in SIZE_CASES], SIZE_SLIPS,
        describe_case=lambda case: f"For {len(case[0])} gradients of shapes {[np.shape(dW) for dW in case[0]]}",
        hint="For each dW: square every entry, add them all up, take the square root.",
        all_right="These are the heights of the chapter's bars.",
        returns="return sizes",
    )
