"""The maths every chapter builds on: pure NumPy, no widgets, no plotting.

Shape convention, used everywhere in the course:
a layer's weights ``W`` have shape ``(n_neurons, n_inputs)`` -- row ``j`` holds neuron ``j``'s
weights -- so one input ``x`` of shape ``(n_inputs,)`` gives ``z = W @ x + b``,
and a batch ``X`` of shape ``(n_samples, n_inputs)`` gives ``Z = X @ W.T + b``.

Every function checks its arguments first (with ``helpers.validation``) and, when they do not fit,
raises a ``ValueError`` or ``TypeError`` that says in plain words what it got and what it expected.
The text a learner reads (substituted formulas) is in ``helpers.formulas``; chapter 07's plane
geometry in ``helpers.plane``.
"""

from __future__ import annotations

import numbers
from typing import Callable, NamedTuple, Sequence

import numpy as np

from helpers.validation import as_numbers, as_scalar, describe

__all__ = [
    "ACTIVATIONS",
    "LayerCount",
    "NetworkResult",
    "activation_function",
    "activation_name",
    "count_parameters",
    "dense",
    "neuron",
    "parameter_breakdown",
    "relu",
    "sigmoid",
    "tanh",
    "two_layer_network",
    "weighted_sum",
]


# ---------------------------------------------------------------------------
# One neuron (chapters 01 and 02)
# ---------------------------------------------------------------------------

def weighted_sum(inputs, weights) -> float:
    """Multiply each input by its weight and add the products up.

    Shapes: ``inputs`` (n_inputs,), ``weights`` (n_inputs,) -> one float.
    Introduced in chapter 01.

    >>> weighted_sum([2, 3, 5], [0.5, 0.3, 0.2])   # 2*0.5 + 3*0.3 + 5*0.2
    2.9
    """
    x = as_numbers(inputs, "inputs", ndim=1)
    w = as_numbers(weights, "weights", ndim=1)
    if w.shape != x.shape:
        raise ValueError(
            f"weights has {w.size} entries but inputs has {x.size}; "
            "a neuron needs exactly one weight per input."
        )
    return float(x @ w)


def _elementwise(function: Callable[[np.ndarray], np.ndarray], z, name: str = "z"):
    """Apply ``function`` to a number (giving a float) or to an array (giving an array)."""
    array = as_numbers(z, name)
    result = function(array)
    return float(result) if result.ndim == 0 else result


def relu(z):
    """ReLU(z) = max(0, z): negative values become 0, positive values pass unchanged.

    Shapes: a number gives a float; an array gives an array of the same shape.
    Introduced in chapter 02.

    >>> relu(2.9), relu(-1.5)
    (2.9, 0.0)
    """
    return _elementwise(lambda a: np.maximum(a, 0.0), z)


def sigmoid(z):
    """sigmoid(z) = 1 / (1 + exp(-z)): squashes any number into the range (0, 1).

    Shapes: a number gives a float; an array gives an array of the same shape.
    Introduced in chapter 02.

    >>> sigmoid(0.0)
    0.5
    """
    # exp(-logaddexp(0, -z)) equals 1 / (1 + exp(-z)) without overflowing for large |z|.
    return _elementwise(lambda a: np.exp(-np.logaddexp(0.0, -a)), z)


def tanh(z):
    """tanh(z): squashes any number into the range (-1, 1), with tanh(0) = 0.

    Shapes: a number gives a float; an array gives an array of the same shape.
    Introduced in chapter 02.

    >>> tanh(0.0)
    0.0
    """
    return _elementwise(np.tanh, z)


ACTIVATIONS: dict[str, Callable | None] = {"ReLU": relu, "sigmoid": sigmoid, "tanh": tanh, "none": None}
"""The activations by name, in the order the widgets offer them."""


def activation_name(activation) -> str | None:
    """The name the course writes for an activation given as a function, a name or None
    (None for no activation).

    >>> activation_name(relu), activation_name("tanh"), activation_name(None)
    ('ReLU', 'tanh', None)
    """
    function = activation_function(activation)
    for name, known in ACTIVATIONS.items():
        if known is function:
            return None if function is None else name
    return getattr(function, "__name__", "activation")


def activation_function(activation) -> Callable | None:
    """The activation as a function (or None): accepts a function, None, or one of the names in
    ``ACTIVATIONS``, in any case.

    >>> activation_function("relu") is relu
    True
    """
    if activation is None or callable(activation):
        return activation
    if isinstance(activation, str):
        by_name = {name.lower(): function for name, function in ACTIVATIONS.items()}
        if activation.lower() in by_name:
            return by_name[activation.lower()]
    raise ValueError(
        f"activation should be a function, None, or one of {list(ACTIVATIONS)}, "
        f"but got {describe(activation)}."
    )


def neuron(inputs, weights, bias=0.0, activation=relu) -> float:
    """One neuron: the weighted sum of the inputs, plus the bias, through the activation.

    Shapes: ``inputs`` (n_inputs,), ``weights`` (n_inputs,), ``bias`` one number -> one float.
    ``activation=None`` gives the raw sum z = inputs . weights + bias.
    Introduced in chapter 01 (no bias, no activation) and completed in chapter 02.

    >>> neuron([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0)   # ReLU(2.9 - 1.0)
    1.9
    """
    z = weighted_sum(inputs, weights) + as_scalar(bias, "bias")
    function = activation_function(activation)
    return z if function is None else float(function(z))


# ---------------------------------------------------------------------------
# Layers and networks (chapters 03 to 06)
# ---------------------------------------------------------------------------

def dense(x, W, b) -> np.ndarray:
    """A layer of neurons without activation: z = W @ x + b (or Z = X @ W.T + b for a batch).

    Shapes: ``W`` (n_neurons, n_inputs), ``b`` (n_neurons,);
    ``x`` (n_inputs,) gives z of shape (n_neurons,);
    a batch ``X`` (n_samples, n_inputs) gives Z of shape (n_samples, n_neurons).
    Introduced in chapter 03; batches in chapter 06.

    >>> dense([2, 3, 5], [[0.5, 0.3, 0.2], [1.0, 0.0, -1.0]], [0.0, 1.0])
    array([ 2.9, -2. ])
    """
    return _layer(x, W, b, names=("x", "W", "b"))


def _layer(x, W, b, names: tuple[str, str, str]) -> np.ndarray:
    """``dense``, with the names its error messages use for x, W and b."""
    x_name, W_name, b_name = names
    x = as_numbers(x, x_name, ndim=(1, 2))
    W = as_numbers(W, W_name, ndim=2)
    b = as_numbers(b, b_name, ndim=1)
    n_neurons, n_inputs = W.shape
    got = x.shape[-1]
    if got != n_inputs:
        what = (
            f"{x_name} has {got} entries" if x.ndim == 1
            else f"each row of {x_name} has {got} entries ({x_name} has shape {x.shape})"
        )
        if n_neurons == got:  # W's rows match x: W was most likely written the other way round
            message = (
                f"{W_name} has shape {W.shape}, so each of its {n_neurons} neurons expects {n_inputs} inputs, "
                f"but {what}. {W_name} should have shape (n_neurons, n_inputs) = ({n_inputs}, {got}). "
                f"It looks transposed: try {W_name}.T."
            )
        else:
            message = (
                f"{W_name} has shape {W.shape}, so each of its {n_neurons} neurons expects {n_inputs} inputs, "
                f"but {what}. {W_name} should have shape (n_neurons, n_inputs) = ({n_neurons}, {got})."
            )
        raise ValueError(message)
    if b.shape != (n_neurons,):
        raise ValueError(
            f"{b_name} has {b.size} entries but {W_name} has {n_neurons} rows (shape {W.shape}); "
            "give one bias per neuron."
        )
    return x @ W.T + b


class NetworkResult(NamedTuple):
    """Every value a two-layer network computes, before and after ReLU in each layer."""

    z1: np.ndarray  #: hidden layer before ReLU, W1 @ x + b1
    h: np.ndarray   #: hidden layer after ReLU
    z2: np.ndarray  #: output layer before its activation, W2 @ h + b2
    y: np.ndarray   #: the network's output


def two_layer_network(x, W1, b1, W2, b2, output_activation=relu) -> NetworkResult:
    """x -> hidden layer (ReLU) -> output layer, keeping every intermediate value.

    Shapes: ``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,),
    ``W2`` (n_outputs, n_hidden), ``b2`` (n_outputs,);
    ``x`` (n_inputs,) or a batch (n_samples, n_inputs).
    The output layer uses ReLU too unless ``output_activation`` says otherwise (None: raw z2).
    Introduced in chapter 05.

    >>> result = two_layer_network([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    >>> result.z1, result.h, result.y
    (array([ 1., -2.]), array([1., 0.]), array([1.5]))
    """
    z1 = _layer(x, W1, b1, names=("x", "W1", "b1"))
    h = relu(z1)
    W1 = as_numbers(W1, "W1", ndim=2)
    W2 = as_numbers(W2, "W2", ndim=2)
    if W2.shape[1] != W1.shape[0]:
        raise ValueError(
            f"W2 has shape {W2.shape}, so each output neuron expects {W2.shape[1]} hidden values, "
            f"but the hidden layer has {W1.shape[0]} neurons (W1 has shape {W1.shape}). "
            f"W2 should have shape (n_outputs, n_hidden) = ({W2.shape[0]}, {W1.shape[0]})."
        )
    z2 = _layer(h, W2, b2, names=("h", "W2", "b2"))
    function = activation_function(output_activation)
    y = z2 if function is None else function(z2)
    return NetworkResult(z1=z1, h=h, z2=z2, y=y)


class LayerCount(NamedTuple):
    """The parameters of one layer: a weight per (neuron, input) pair and a bias per neuron."""

    n_inputs: int
    n_neurons: int
    weights: int
    biases: int
    total: int


def parameter_breakdown(layer_sizes: Sequence[int]) -> list[LayerCount]:
    """Weights and biases of each layer of a network with the given layer sizes.

    ``layer_sizes`` lists the number of values at each stage, inputs first:
    ``[3, 4, 2]`` is 3 inputs -> 4 hidden neurons -> 2 outputs.
    Introduced in chapter 05.

    >>> [layer.total for layer in parameter_breakdown([3, 4, 2])]   # 3*4 + 4, 4*2 + 2
    [16, 10]
    """
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, (Sequence, np.ndarray)):
        raise TypeError(
            f"layer_sizes should be a list of whole numbers such as [3, 4, 2], but got {describe(layer_sizes)}."
        )
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"layer_sizes needs at least two entries (inputs and one layer), but got {sizes}."
        )
    for size in sizes:
        if isinstance(size, (bool, np.bool_)) or not isinstance(size, numbers.Integral):
            raise TypeError(f"layer_sizes should hold whole numbers, but got {describe(size)} in {sizes}.")
        if size < 1:
            raise ValueError(f"every layer needs at least one neuron, but layer_sizes is {sizes}.")
    return [
        LayerCount(int(n_in), int(n_out), int(n_in * n_out), int(n_out), int(n_in * n_out + n_out))
        for n_in, n_out in zip(sizes[:-1], sizes[1:])
    ]


def count_parameters(layer_sizes: Sequence[int]) -> int:
    """The number of weights and biases in a network with the given layer sizes.

    Each layer has n_inputs * n_neurons weights and n_neurons biases.
    Introduced in chapter 05; ``parameter_breakdown`` gives the count per layer.

    >>> count_parameters([3, 4, 2])   # (3*4 + 4) + (4*2 + 2)
    26
    """
    return sum(layer.total for layer in parameter_breakdown(layer_sizes))
