"""Deeper networks and the gradient that reaches each layer (chapter 12).

A deep network here is a list of layers, each a ``Layer(W, b)`` with the course's shapes
(``W`` (n_neurons, n_inputs), ``b`` (n_neurons,)); every layer but the last passes its z through the
hidden activation (sigmoid, ReLU or tanh), the last is the output, y = z (as on chapter 07's plane).
A batch ``X`` is (n_samples, n_inputs) and ``target`` (n_samples, n_outputs); the loss is ``mse``.

Backpropagation is chapter 10's, repeated layer after layer from the output back:
delta = dL/dz of a layer; dW = delta.T @ (that layer's input), db = delta.sum(axis=0);
dL/d(input) = delta @ W; and through the activation below, delta = dL/dh × slope(z).
Each layer multiplies the signal by its W and by the activation's slope. The slope of sigmoid is at
most 0.25 (at z = 0), so in a deep sigmoid network the signal shrinks layer by layer on its way back
to the first layer: ``gradient_norms_per_layer`` measures it.
"""

from __future__ import annotations

import numbers
from typing import NamedTuple, Sequence

import numpy as np

from helpers.maths import relu, sigmoid, tanh
from helpers.validation import as_numbers, as_whole_number

__all__ = [
    "DeepForward",
    "DeepGradients",
    "Layer",
    "LayerSignal",
    "activation_slope",
    "deep_backward",
    "deep_forward",
    "gradient_norms_per_layer",
    "init_deep_network",
    "layer_signal",
    "narrow_data",
    "narrow_network",
]

INIT_SCALES = ("xavier", "he")  #: the named starting scales; a number is taken as the spread itself


class Layer(NamedTuple):
    """One layer of a deep network: ``W`` (n_neurons, n_inputs) and ``b`` (n_neurons,). Introduced in chapter 12."""

    W: np.ndarray
    b: np.ndarray


class DeepForward(NamedTuple):
    """Every value a deep network computes for a batch: ``z[k]`` and ``h[k]`` for each layer k
    (h = activation(z) for the hidden layers, h = z for the output layer), and ``y = h[-1]``.
    Introduced in chapter 12."""

    z: list
    h: list
    y: np.ndarray


class DeepGradients(NamedTuple):
    """``deep_backward``'s result: ``dW[k]`` and ``db[k]`` with the shapes of layer k's W and b,
    ``delta[k]`` = dL/dz of layer k (one row per sample), the forward pass and the loss.
    Introduced in chapter 12."""

    dW: list
    db: list
    delta: list
    forward: DeepForward
    loss: float


# ---------------------------------------------------------------------------
# Checking arguments
# ---------------------------------------------------------------------------

def _activation(activation) -> str:
    """"sigmoid", "relu" or "tanh" from a name or one of helpers.maths' functions."""
    for key, function in (("sigmoid", sigmoid), ("relu", relu), ("tanh", tanh)):
        if activation is function or (isinstance(activation, str) and activation.lower() == key):
            return key
    raise ValueError(f"activation should be sigmoid, relu or tanh (a name or the function), but got {activation!r}.")


def _scale(init_scale, n_inputs: int, n_neurons: int) -> float:
    """The spread of one layer's starting weights: a number, or Xavier's or He's for its size."""
    if isinstance(init_scale, str) and init_scale.lower() in INIT_SCALES:
        if init_scale.lower() == "xavier":
            return float(np.sqrt(2.0 / (n_inputs + n_neurons)))
        return float(np.sqrt(2.0 / n_inputs))
    if isinstance(init_scale, (bool, np.bool_)) or not isinstance(init_scale, numbers.Real):
        raise TypeError(f"init_scale should be 'xavier', 'he' or a number such as 0.01, but got {init_scale!r}.")
    if not (np.isfinite(init_scale) and init_scale >= 0):
        raise ValueError(f"init_scale should be 'xavier', 'he' or a number of 0 or more, but got {init_scale!r}.")
    return float(init_scale)


def _layers(layers) -> list[Layer]:
    """The layers as float arrays whose shapes chain, or a plain-words error naming the layer."""
    if isinstance(layers, (str, bytes)) or not isinstance(layers, Sequence) or len(layers) == 0:
        raise TypeError(f"layers must be a list of (W, b) pairs, one per layer, but got {layers!r:.60}.")
    checked = []
    for k, layer in enumerate(layers):
        if not (isinstance(layer, (tuple, list)) and len(layer) == 2):
            raise TypeError(f"layers[{k}] should be a pair (W, b), but got {layer!r:.60}.")
        W = as_numbers(layer[0], f"layers[{k}].W", ndim=2)
        b = as_numbers(layer[1], f"layers[{k}].b", ndim=1)
        if b.shape != (W.shape[0],):
            raise ValueError(f"layers[{k}].b has {b.size} entries but layers[{k}].W has {W.shape[0]} rows "
                             f"(shape {W.shape}); give one bias per neuron.")
        if checked and W.shape[1] != checked[-1].W.shape[0]:
            below = checked[-1].W.shape[0]
            raise ValueError(f"layers[{k}].W has shape {W.shape}, so each of its neurons expects {W.shape[1]} inputs, "
                             f"but layer {k - 1} has {below} neurons: it should have shape ({W.shape[0]}, {below}).")
        checked.append(Layer(W, b))
    return checked


def _batch(X, layers: list[Layer]) -> np.ndarray:
    X = as_numbers(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X should be a batch of shape (n_samples, n_inputs), but it has shape {X.shape}; "
                         "one input x becomes a batch of one with [x].")
    if X.shape[1] != layers[0].W.shape[1]:
        raise ValueError(f"each row of X has {X.shape[1]} entries (X has shape {X.shape}), but the first layer's W "
                         f"has shape {layers[0].W.shape}: it expects {layers[0].W.shape[1]} inputs.")
    return X


# ---------------------------------------------------------------------------
# Forward, backward and the gradient per layer (chapter 12)
# ---------------------------------------------------------------------------

def init_deep_network(layer_sizes: Sequence[int], init_scale="xavier", seed: int = 0) -> list[Layer]:
    """Seeded starting layers for the sizes ``[n_inputs, n_1, ..., n_outputs]`` (as ``count_parameters``):
    weights from a normal distribution around 0, biases 0.

    ``init_scale`` is the weights' spread: a number (the same in every layer, e.g. 0.01 for "small"),
    ``"xavier"`` (sqrt(2 / (n_inputs + n_neurons)) per layer, for sigmoid and tanh) or ``"he"``
    (sqrt(2 / n_inputs) per layer, for ReLU, which silences half of its inputs).
    Introduced in chapter 12.

    >>> [layer.W.shape for layer in init_deep_network([2, 4, 4, 1])]
    [(4, 2), (4, 4), (1, 4)]
    """
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Sequence) or len(layer_sizes) < 2:
        raise ValueError("layer_sizes should list at least 2 sizes, [n_inputs, ..., n_outputs], "
                         f"but got {layer_sizes!r}.")
    sizes = [as_whole_number(n, f"layer_sizes[{k}]", 1, 4) for k, n in enumerate(layer_sizes)]
    rng = np.random.default_rng(as_whole_number(seed, "seed", 0, 0))
    layers = []
    for n_inputs, n_neurons in zip(sizes[:-1], sizes[1:]):
        spread = _scale(init_scale, n_inputs, n_neurons)
        layers.append(Layer(rng.normal(0.0, 1.0, (n_neurons, n_inputs)) * spread + 0.0, np.zeros(n_neurons)))
    return layers


def _apply(key: str, z: np.ndarray) -> np.ndarray:
    if key == "sigmoid":
        return np.exp(-np.logaddexp(0.0, -z))
    if key == "relu":
        return np.maximum(z, 0.0)
    return np.tanh(z)


def _slope(key: str, z: np.ndarray, h: np.ndarray) -> np.ndarray:
    """dh/dz: h (1 − h) for sigmoid (at most 0.25), the gate (z > 0) for ReLU, 1 − h² for tanh."""
    if key == "sigmoid":
        return h * (1.0 - h)
    if key == "relu":
        return (z > 0).astype(float)
    return 1.0 - h ** 2


def deep_forward(X, layers, activation="sigmoid") -> DeepForward:
    """The forward pass of a deep network: z = h_below @ W.T + b in each layer, the hidden activation
    on every layer but the last, y = z of the last.

    Shapes: ``X`` (n_samples, n_inputs); ``layers`` a list of (W, b), W (n_neurons, n_inputs).
    Introduced in chapter 12.

    >>> forward = deep_forward([[1.0, -1.0]], [([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0.5])], "relu")
    >>> forward.h[0], forward.y                  # ReLU keeps 1 and silences −1; y = 1 + 0 + 0.5
    (array([[1., 0.]]), array([[1.5]]))
    """
    key, layers = _activation(activation), _layers(layers)
    h = _batch(X, layers)
    zs, hs = [], []
    for k, (W, b) in enumerate(layers):
        z = h @ W.T + b
        h = z if k == len(layers) - 1 else _apply(key, z)
        zs.append(z)
        hs.append(h)
    return DeepForward(zs, hs, hs[-1])


def deep_backward(X, target, layers, activation="sigmoid") -> DeepGradients:
    """The gradient of L = mse(deep_forward(X, layers, activation).y, target) for every layer's W and b.

    From the output back: delta = dL/dy = 2 (y − target) / y.size for the output layer; in each layer
    dW = delta.T @ h_below, db = delta.sum(axis=0); then delta_below = (delta @ W) × slope(z_below).
    Shapes: ``target`` (n_samples, n_outputs), the shape of y; each ``dW[k]`` and ``db[k]`` has its
    layer's shape.
    Introduced in chapter 12.

    >>> grads = deep_backward([[1.0, -1.0]], [[1.0]], [([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0.5])], "relu")
    >>> grads.loss, grads.dW[1], grads.dW[0]     # y = 1.5 is 0.5 too high; the silenced neuron learns nothing
    (0.25, array([[1., 0.]]), array([[ 1., -1.],
           [ 0.,  0.]]))
    """
    key, layers = _activation(activation), _layers(layers)
    X = _batch(X, layers)
    forward = deep_forward(X, layers, key)
    y = forward.y
    target = as_numbers(target, "target")
    if target.shape != y.shape:
        raise ValueError(f"target has shape {target.shape} but the network's output y has shape {y.shape}; "
                         "give one target row per sample, one column per output.")
    delta = 2.0 * (y - target) / y.size
    dWs, dbs, deltas = [None] * len(layers), [None] * len(layers), [None] * len(layers)
    for k in range(len(layers) - 1, -1, -1):
        below = X if k == 0 else forward.h[k - 1]
        deltas[k] = delta + 0.0
        dWs[k], dbs[k] = delta.T @ below + 0.0, delta.sum(axis=0) + 0.0
        if k > 0:
            delta = (delta @ layers[k].W) * _slope(key, forward.z[k - 1], forward.h[k - 1])
    loss = float(np.mean((y - target) ** 2))
    return DeepGradients(dWs, dbs, deltas, forward, loss)


def gradient_norms_per_layer(depth: int, width: int, activation="sigmoid", init_scale="xavier", seed: int = 0,
                             n_samples: int = 64) -> np.ndarray:
    """How much learning signal reaches each layer of a deep narrow network: the size (Frobenius norm,
    the square root of the sum of squares) of dL/dW for each of its ``depth`` layers, first layer first.

    The network reads ``width`` inputs, has ``depth − 1`` hidden layers of ``width`` neurons with the
    given activation and one output neuron (layer sizes [width] × depth + [1]), starts from
    ``init_deep_network(..., init_scale, seed)`` and sees ``n_samples`` inputs and targets drawn from a
    standard normal distribution with the same seed. With sigmoid the values shrink towards the first
    layer; a log scale shows it.
    Introduced in chapter 12.

    >>> norms = gradient_norms_per_layer(8, 8, "sigmoid", "xavier")
    >>> norms.shape, bool(norms[0] < norms[-2] / 100)       # the first layer gets a tiny share
    ((8,), True)
    """
    depth = as_whole_number(depth, "depth", 2, 10)
    width = as_whole_number(width, "width", 1, 4)
    n_samples = as_whole_number(n_samples, "n_samples", 1, 64)
    seed = as_whole_number(seed, "seed", 0, 0)
    key = _activation(activation)
    layers = init_deep_network([width] * depth + [1], init_scale, seed)
    X, target = narrow_data(width, n_samples, seed)
    grads = deep_backward(X, target, layers, key)
    return np.array([np.linalg.norm(dW) for dW in grads.dW])


def narrow_data(width: int, n_samples: int = 64, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The inputs and targets a deep narrow network is measured on: ``X`` (n_samples, width) and
    ``target`` (n_samples, 1), both from a standard normal distribution, seeded by ``seed`` in a
    stream of their own (apart from the weights'). ``gradient_norms_per_layer`` uses them.
    Introduced in chapter 12."""
    width = as_whole_number(width, "width", 1, 4)
    n_samples = as_whole_number(n_samples, "n_samples", 1, 64)
    rng = np.random.default_rng([as_whole_number(seed, "seed", 0, 0), 1])
    return rng.normal(size=(n_samples, width)), rng.normal(size=(n_samples, 1))


def narrow_network(depth: int, width: int, gain: float = 1.0, bias: float = 0.0, seed: int = 0) -> list[Layer]:
    """The starting layers of a deep narrow network: ``depth`` layers, sizes [width] × depth + [1],
    every weight drawn around 0 with the spread σ = gain / sqrt(width) (every layer has ``width``
    inputs), every hidden neuron's bias ``bias`` and the output's 0.

    gain 1 keeps the spread of z about that of the layer's inputs: Xavier's scale for square layers;
    gain sqrt(2) is He's, for ReLU. The weights are ``init_deep_network``'s for the spread σ and ``seed``.
    Introduced in chapter 12.

    >>> [round(float(np.std(layer.W) * np.sqrt(300)), 1) for layer in narrow_network(2, 300, gain=0.5)][:1]
    [0.5]
    """
    depth = as_whole_number(depth, "depth", 2, 10)
    width = as_whole_number(width, "width", 1, 4)
    if isinstance(gain, str):
        raise TypeError(f"gain should be a number such as 1 (Xavier's scale) or 1.41 (He's), but got {gain!r}.")
    gain = _scale(gain, width, width)  # a number of 0 or more
    if isinstance(bias, (bool, np.bool_)) or not isinstance(bias, numbers.Real):
        raise TypeError(f"bias should be one number such as 0 or -1, but got {bias!r}.")
    if not np.isfinite(bias):
        raise ValueError(f"bias should be a finite number such as 0 or -1, but got {bias!r}.")
    layers = init_deep_network([width] * depth + [1], gain / np.sqrt(width), seed)
    return [Layer(W, np.full(len(b), float(bias)) if k < depth - 1 else b) for k, (W, b) in enumerate(layers)]


def activation_slope(activation, z) -> np.ndarray:
    """dh/dz, the slope of the activation at each z: sigmoid(z)(1 − sigmoid(z)) (at most 0.25, at z = 0),
    the gate (z > 0) for ReLU, 1 − tanh(z)² for tanh (at most 1).
    Introduced in chapter 12.

    >>> activation_slope("sigmoid", [0.0, 2.0]).round(3), activation_slope("relu", [-1.0, 2.0])
    (array([0.25 , 0.105]), array([0., 1.]))
    """
    key = _activation(activation)
    z = as_numbers(z, "z")
    return _slope(key, z, _apply(key, z))


class LayerSignal(NamedTuple):
    """``layer_signal``'s result: ``norms[k]``, the size of dL/dW of layer k (first layer first);
    ``slopes[k]``, the mean slope of the activation in hidden layer k (one fewer than ``norms``);
    ``layers``, the starting layers. Introduced in chapter 12."""

    norms: np.ndarray
    slopes: np.ndarray
    layers: list


def layer_signal(depth: int, width: int, activation="sigmoid", gain: float = 1.0, bias: float = 0.0, seed: int = 0,
                 n_samples: int = 64) -> LayerSignal:
    """How much learning signal reaches each layer of ``narrow_network(depth, width, gain, bias, seed)``
    on ``narrow_data(width, n_samples, seed)``: the sizes (Frobenius norms) of every layer's dL/dW, as
    ``gradient_norms_per_layer`` measures them, and the mean slope of the activation in each hidden layer.
    Chapter 12's explorer shows it.
    Introduced in chapter 12.

    >>> signal = layer_signal(6, 8, "sigmoid", gain=1.0)
    >>> signal.norms.shape, signal.slopes.shape, bool(signal.slopes.max() <= 0.25)
    ((6,), (5,), True)
    """
    key = _activation(activation)
    layers = narrow_network(depth, width, gain, bias, seed)
    X, target = narrow_data(width, n_samples, seed)
    grads = deep_backward(X, target, layers, key)
    slopes = [float(np.mean(_slope(key, z, h))) for z, h in zip(grads.forward.z[:-1], grads.forward.h[:-1])]
    return LayerSignal(np.array([np.linalg.norm(dW) for dW in grads.dW]), np.array(slopes), layers)
