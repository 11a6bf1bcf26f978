"""The maths of the course: pure NumPy, no widgets, no plotting.

Shape convention, used everywhere in the course:
a layer's weights ``W`` have shape ``(n_neurons, n_inputs)`` -- row ``j`` holds neuron ``j``'s
weights -- so one input ``x`` of shape ``(n_inputs,)`` gives ``z = W @ x + b``,
and a batch ``X`` of shape ``(n_samples, n_inputs)`` gives ``Z = X @ W.T + b``.

Every function checks its arguments first and, when they do not fit, raises a ``ValueError``
or ``TypeError`` that says in plain words what it got and what it expected.
"""

from __future__ import annotations

import numbers
from typing import Callable, NamedTuple, Sequence

import numpy as np

__all__ = [
    "ACTIVATIONS",
    "LayerCount",
    "NetworkResult",
    "PLANE_PRESETS",
    "PlaneNetwork",
    "PlaneValues",
    "active_region",
    "count_parameters",
    "dense",
    "format_number",
    "layer_formula",
    "line_equation",
    "network_on_plane",
    "neuron_line",
    "network_formula",
    "neuron",
    "neuron_formula",
    "parameter_breakdown",
    "plane_formula",
    "plane_grid",
    "plane_network",
    "relu",
    "sigmoid",
    "tanh",
    "two_layer_network",
    "weighted_sum",
]


# ---------------------------------------------------------------------------
# Checking what a learner passes in
# ---------------------------------------------------------------------------

def _describe(value) -> str:
    """A short, readable description of a value for an error message."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _ragged_lengths(value) -> list[int] | None:
    """The row lengths of a list of lists whose rows differ in length, else None."""
    if isinstance(value, (list, tuple)) and value and all(
        isinstance(row, (list, tuple, np.ndarray)) for row in value
    ):
        lengths = [len(row) for row in value]
        if len(set(lengths)) > 1:
            return lengths
    return None


def as_numbers(value, name: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """Turn ``value`` into a float array, or explain in plain words why it cannot be one.

    ``ndim`` is the number of dimensions allowed (an int or a tuple of ints); ``None`` allows any.

    >>> as_numbers([2, 3, 5], "inputs", ndim=1)
    array([2., 3., 5.])
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers, but got the text {value!r}.")
    if value is None:
        raise TypeError(f"{name} must be numbers, but got None.")
    lengths = _ragged_lengths(value)
    if lengths is not None:
        raise ValueError(
            f"{name} is a ragged list: its rows have {', '.join(map(str, lengths))} entries. "
            "Every row needs the same number of entries."
        )
    try:
        raw = np.asarray(value)
    except ValueError:  # NumPy refuses lists whose rows differ in length
        raise ValueError(
            f"{name} is a ragged list (its rows differ in length): {_describe(value)}. "
            "Every row needs the same number of entries."
        ) from None
    # A list may mix True/False with numbers, which NumPy would quietly store as 1 and 0.
    if raw.dtype.kind not in "iuf" or (isinstance(value, (list, tuple)) and raw.dtype.kind in "iu"):
        _refuse_non_numbers(value, raw, name)
    array = raw.astype(float)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and array.ndim not in allowed:
        expected = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(
            f"{name} should be {expected}, but it is {array.ndim}-D with shape {array.shape}."
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); it needs at least one number.")
    finite = np.isfinite(array)
    if not finite.all():
        where = np.unravel_index(np.argmin(finite), array.shape)
        kind = "NaN" if np.isnan(array[where]) else "an infinite value"
        at = "" if not where else f" at position {where[0] if len(where) == 1 else tuple(map(int, where))}"
        raise ValueError(f"{name} contains {kind}{at}; every value must be a finite number.")
    return array


def _refuse_non_numbers(value, raw: np.ndarray, name: str) -> None:
    """Raise a TypeError naming the first entry of ``value`` that is not a real number.

    Entries of other numeric types (``Fraction``, ``Decimal``) are let through."""
    if raw.dtype.kind == "c":
        raise TypeError(f"{name} must be real numbers, but got complex numbers: {_describe(value)}.")
    entries = np.asarray(value, dtype=object).ravel().tolist() if raw.ndim else [value]
    for entry in entries:
        if isinstance(entry, (bool, np.bool_)):
            raise TypeError(f"{name} must be numbers, but it holds True/False values: {_describe(value)}.")
        if not isinstance(entry, numbers.Real):
            what = "None" if entry is None else f"the text {entry!r}" if isinstance(entry, str) else _describe(entry)
            raise TypeError(f"{name} must contain only numbers, but it holds {what}: {_describe(value)}.")


def _as_scalar(value, name: str) -> float:
    """One finite number, or a plain-words error."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, but got {value!r}.")
    if isinstance(value, numbers.Real):
        array = as_numbers(value, name, ndim=0)
        return float(array)
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a number, but got the text {value!r}.")
    if isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) > 0:
        count = int(np.size(value))
        raise ValueError(
            f"{name} should be one number, but got {count} value{'s' if count != 1 else ''}: "
            f"{_describe(value)} (shape {np.shape(value)})."
        )
    return float(as_numbers(value, name, ndim=0))


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


def _activation_name(activation) -> str | None:
    """The name the course writes for an activation given as a function, a name or None."""
    function = _activation_function(activation)
    for name, known in ACTIVATIONS.items():
        if known is function:
            return None if function is None else name
    return getattr(function, "__name__", "activation")


def _activation_function(activation) -> Callable | None:
    """Accept a function, None, or one of the names in ``ACTIVATIONS``."""
    if activation is None or callable(activation):
        return activation
    if isinstance(activation, str):
        by_name = {name.lower(): function for name, function in ACTIVATIONS.items()}
        if activation.lower() in by_name:
            return by_name[activation.lower()]
    raise ValueError(
        f"activation should be a function, None, or one of {list(ACTIVATIONS)}, "
        f"but got {_describe(activation)}."
    )


def neuron(inputs, weights, bias=0.0, activation=relu) -> float:
    """One neuron: the weighted sum of the inputs, plus the bias, through the activation.

    Shapes: ``inputs`` (n_inputs,), ``weights`` (n_inputs,), ``bias`` one number -> one float.
    ``activation=None`` gives the raw sum z = inputs . weights + bias.
    Introduced in chapter 01 (no bias, no activation) and completed in chapter 02.

    >>> neuron([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0)   # ReLU(2.9 - 1.0)
    1.9
    """
    z = weighted_sum(inputs, weights) + _as_scalar(bias, "bias")
    function = _activation_function(activation)
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
    function = _activation_function(output_activation)
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
            f"layer_sizes should be a list of whole numbers such as [3, 4, 2], but got {_describe(layer_sizes)}."
        )
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"layer_sizes needs at least two entries (inputs and one layer), but got {sizes}."
        )
    for size in sizes:
        if isinstance(size, (bool, np.bool_)) or not isinstance(size, numbers.Integral):
            raise TypeError(f"layer_sizes should hold whole numbers, but got {_describe(size)} in {sizes}.")
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


# ---------------------------------------------------------------------------
# Writing the numbers out, the way the chapters and widgets show them
# ---------------------------------------------------------------------------

MINUS = "\u2212"  # the typographic minus sign, wider and clearer than a hyphen


def format_number(value: float, decimals: int = 3) -> str:
    """A number as the course writes it: at most ``decimals`` decimals, no trailing zeros.

    >>> format_number(2.9000000000000004), format_number(1.0), format_number(-0.25)
    ('2.9', '1', '−0.25')
    """
    text = f"{float(value):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", MINUS)


def neuron_formula(inputs, weights, bias=None, activation=None) -> str:
    """The neuron's sum written out with its numbers substituted, ending in its value.

    ``bias=None`` leaves the bias out; ``activation`` is None or a name from ``ACTIVATIONS``.
    Introduced in chapter 01; the bias and activation in chapter 02.

    >>> neuron_formula([2, 3, 5], [0.5, 0.3, 0.2])
    '2×0.5 + 3×0.3 + 5×0.2 = 2.9'
    >>> neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation="ReLU")
    'ReLU(2×0.5 + 3×0.3 + 5×0.2 − 1) = 1.9'
    """
    value = neuron(inputs, weights, 0.0 if bias is None else bias, activation=activation)  # checks them all
    inputs, weights = as_numbers(inputs, "inputs"), as_numbers(weights, "weights")

    def factor(v):
        text = format_number(v)
        return f"({text})" if text.startswith(MINUS) else text

    terms = [f"{factor(x)}×{factor(w)}" for x, w in zip(inputs, weights)]
    total = " + ".join(terms)
    if bias is not None:
        sign = MINUS if bias < 0 else "+"
        total += f" {sign} {format_number(abs(bias))}"
    name = _activation_name(activation)
    if name is not None:
        total = f"{name}({total})"
    return f"{total} = {format_number(value)}"


def layer_formula(x, W, b) -> list[str]:
    """One line per neuron of a layer with ReLU: its z written out with the numbers, then its output h.

    Neurons are counted from 0, as in NumPy: line j uses row ``W[j]`` and bias ``b[j]``.
    Shapes: ``x`` (n_inputs,), ``W`` (n_neurons, n_inputs), ``b`` (n_neurons,) -> n_neurons lines.
    Introduced in chapter 03.

    >>> for line in layer_formula([2, 3, 5], [[0.5, 0.3, 0.2], [1, 0, -1]], [-1, 1]):
    ...     print(line)
    neuron 0: z = 2×0.5 + 3×0.3 + 5×0.2 − 1 = 1.9, h = ReLU(1.9) = 1.9
    neuron 1: z = 2×1 + 3×0 + 5×(−1) + 1 = −2, h = ReLU(−2) = 0
    """
    z = dense(x, W, b)  # checks every shape
    x, W, b = as_numbers(x, "x"), as_numbers(W, "W"), as_numbers(b, "b")
    return [
        f"neuron {j}: z = {neuron_formula(x, W[j], b[j])}, "
        f"h = ReLU({format_number(z[j])}) = {format_number(relu(z[j]))}"
        for j in range(len(z))
    ]


def network_formula(x, W1, b1, W2, b2, output_activation=relu) -> list[str]:
    """One line per neuron of a two-layer network, written out with the numbers: each hidden
    neuron's z1 and h, then each output neuron's z2 and y.

    Line ``hidden j`` uses row ``W1[j]`` and bias ``b1[j]`` on ``x``; line ``output k`` uses row
    ``W2[k]`` and bias ``b2[k]`` on ``h``, the hidden values after ReLU.
    Shapes: ``x`` (n_inputs,), ``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,),
    ``W2`` (n_outputs, n_hidden), ``b2`` (n_outputs,) -> n_hidden + n_outputs lines.
    ``output_activation`` as in ``two_layer_network`` (ReLU unless told otherwise).
    Introduced in chapter 05.

    >>> for line in network_formula([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5]):
    ...     print(line)
    hidden 0: z1[0] = 1×1 + 2×0 + 0 = 1, h[0] = ReLU(1) = 1
    hidden 1: z1[1] = 1×0 + 2×(−1) + 0 = −2, h[1] = ReLU(−2) = 0
    output 0: z2[0] = 1×1 + 0×1 + 0.5 = 1.5, y[0] = ReLU(1.5) = 1.5
    """
    result = two_layer_network(x, W1, b1, W2, b2, output_activation)  # checks every shape
    if result.z1.ndim != 1:
        raise ValueError(
            f"network_formula writes out one input x of shape (n_inputs,), but x has shape {np.shape(x)}: "
            "pass one row of the batch at a time."
        )
    x, W1, b1, W2, b2 = (as_numbers(v, name) for v, name in zip((x, W1, b1, W2, b2), ("x", "W1", "b1", "W2", "b2")))
    f = format_number
    name = _activation_name(output_activation)
    lines = [
        f"hidden {j}: z1[{j}] = {neuron_formula(x, W1[j], b1[j])}, h[{j}] = ReLU({f(z)}) = {f(h)}"
        for j, (z, h) in enumerate(zip(result.z1, result.h))
    ]
    for k, (z, y) in enumerate(zip(result.z2, result.y)):
        output = f"z2[{k}] = {f(y)}" if name is None else f"{name}({f(z)}) = {f(y)}"
        lines.append(f"output {k}: z2[{k}] = {neuron_formula(result.h, W2[k], b2[k])}, y[{k}] = {output}")
    return lines


# ---------------------------------------------------------------------------
# Lines to shapes: a network with two inputs, over the plane of its inputs (chapter 07)
# ---------------------------------------------------------------------------

PLANE_LOW, PLANE_HIGH = -3.0, 3.0
"""The part of the plane chapter 07 draws: x[0] and x[1] both from −3 to 3."""
PLANE_CELLS = 60
"""The plane is evaluated at the centres of a PLANE_CELLS × PLANE_CELLS grid of cells."""


class PlaneNetwork(NamedTuple):
    """The parameters of a network with 2 inputs, ``n_hidden`` ReLU neurons and 1 output.

    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Unpack it as ``W1, b1, W2, b2 = network``.
    Introduced in chapter 07.
    """

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


PLANE_PRESETS: dict[str, PlaneNetwork] = {
    # one line: y > 0 on the side where the neuron is silent (and a little beyond)
    "half-plane": PlaneNetwork(W1=((1.0, 1.0),), b1=(-1.0,), W2=((-1.0,),), b2=(0.2,)),
    # two lines meeting: y > 0 where both neurons are silent, right of x[0] = −1 and above x[1] = −1
    "corner": PlaneNetwork(W1=((-2.0, 0.0), (0.0, -2.0)), b1=(-2.0, -2.0), W2=((-1.0, -1.0),), b2=(0.2,)),
    # two parallel lines: y > 0 between x[0] + x[1] = −1 and x[0] + x[1] = 1
    "band": PlaneNetwork(W1=((1.0, 1.0), (-1.0, -1.0)), b1=(-1.0, -1.0), W2=((-2.0, -2.0),), b2=(0.2,)),
    # three lines around the triangle with corners (−2, −1), (2, −1) and (0, 2)
    "triangle": PlaneNetwork(W1=((0.0, -2.0), (-1.5, 1.0), (1.5, 1.0)), b1=(-2.0, -2.0, -2.0),
                             W2=((-1.0, -1.0, -1.0),), b2=(0.2,)),
    # four lines around the diamond |x[0]| + |x[1]| < 2
    "diamond": PlaneNetwork(W1=((1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)), b1=(-2.0, -2.0, -2.0, -2.0),
                            W2=((-1.0, -1.0, -1.0, -1.0),), b2=(0.2,)),
}
"""Ready-made networks for chapter 07, as plain numbers: a half-plane, a corner, a band, a triangle
and a diamond. In each, every hidden neuron is silent inside the shape and active outside it, its
output weight is negative, and the output bias 0.2 makes y positive where all of them are silent."""


def plane_network(W1, b1, W2, b2) -> PlaneNetwork:
    """Check that W1, b1, W2, b2 make a network with 2 inputs and 1 output; return them as float arrays.

    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 07.

    >>> plane_network([[1, 0], [0, 1]], [0, -1], [[1, 1]], [0.5]).W2.shape
    (1, 2)
    """
    W1 = as_numbers(W1, "W1", ndim=2)
    W2 = as_numbers(W2, "W2", ndim=2)
    b1, b2 = as_numbers(b1, "b1", ndim=1), as_numbers(b2, "b2", ndim=1)
    if W1.shape[1] != 2:
        hint = " It looks transposed: try W1.T." if W1.shape[0] == 2 else ""
        raise ValueError(
            f"W1 has shape {W1.shape}, but each hidden neuron here reads the 2 inputs x[0] and x[1]: "
            f"W1 should have shape (n_hidden, 2) = ({W1.shape[0]}, 2).{hint}"
        )
    if W2.shape[0] != 1:
        hint = " It looks transposed: try W2.T." if W2.shape[1] == 1 else ""
        raise ValueError(
            f"W2 has shape {W2.shape}, but this network has a single output: "
            f"W2 should have shape (1, n_hidden) = (1, {W1.shape[0]}).{hint}"
        )
    two_layer_network(np.zeros(2), W1, b1, W2, b2)  # checks that the remaining shapes agree
    return PlaneNetwork(W1, b1, W2, b2)


def plane_grid(low: float = PLANE_LOW, high: float = PLANE_HIGH, n: int = PLANE_CELLS):
    """The centres of an n × n grid of cells covering the square from ``low`` to ``high``, as a batch.

    Returns ``(axis, X)``: ``axis`` (n,) holds the centres along each axis, and ``X`` (n * n, 2)
    every centre, one row of the grid after the other: ``X[i * n + k] = (axis[k], axis[i])``.
    So values computed for ``X`` reshape to (n, n) with row i at x[1] = axis[i] and column k at
    x[0] = axis[k], the layout ``imshow(..., origin="lower")`` draws.
    Introduced in chapter 07.

    >>> axis, X = plane_grid(-1, 1, 2)
    >>> axis
    array([-0.5,  0.5])
    >>> X
    array([[-0.5, -0.5],
           [ 0.5, -0.5],
           [-0.5,  0.5],
           [ 0.5,  0.5]])
    """
    low, high = _as_scalar(low, "low"), _as_scalar(high, "high")
    if not high > low:
        raise ValueError(f"high must be above low, but got low = {low} and high = {high}.")
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number of cells, at least 1, but got {_describe(n)}.")
    axis = low + (np.arange(n) + 0.5) * (high - low) / n
    x0, x1 = np.meshgrid(axis, axis)
    return axis, np.column_stack([x0.ravel(), x1.ravel()])


class PlaneValues(NamedTuple):
    """A network with two inputs evaluated over a grid of the plane (``network_on_plane``).

    Each image has row i at x[1] = axis[i] and column k at x[0] = axis[k].
    """

    axis: np.ndarray  #: (n,) the centres of the grid cells along each axis
    z1: np.ndarray    #: (n_hidden, n, n) each hidden neuron's z1 over the plane
    h: np.ndarray     #: (n_hidden, n, n) each hidden neuron's output ReLU(z1)
    y: np.ndarray     #: (n, n) the network's output (no output activation: y = z2)


def network_on_plane(W1, b1, W2, b2, low: float = PLANE_LOW, high: float = PLANE_HIGH,
                     n: int = PLANE_CELLS) -> PlaneValues:
    """Every value of a 2-input, 1-output network at the centres of an n × n grid over the plane.

    The whole grid is one batch X of shape (n * n, 2) (chapter 06), so each layer is one matrix
    product: ``two_layer_network(X, W1, b1, W2, b2, output_activation=None)``, reshaped into images.
    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 07.

    >>> values = network_on_plane([[1, 0]], [0], [[1]], [-0.5], low=-1, high=1, n=2)
    >>> values.h[0]          # ReLU(x[0]) at x[0] = −0.5 (left column) and 0.5 (right column)
    array([[0. , 0.5],
           [0. , 0.5]])
    >>> values.y
    array([[-0.5,  0. ],
           [-0.5,  0. ]])
    """
    network = plane_network(W1, b1, W2, b2)
    axis, X = plane_grid(low, high, n)
    result = two_layer_network(X, *network, output_activation=None)
    n_hidden = network.W1.shape[0]
    return PlaneValues(
        axis=axis,
        z1=result.z1.T.reshape(n_hidden, n, n),
        h=result.h.T.reshape(n_hidden, n, n),
        y=result.y[:, 0].reshape(n, n),
    )


TOUCH = 1e-9  #: a segment of the plane shorter than this each way is a single point (rounding, not a line)


def neuron_line(w, b, low: float = PLANE_LOW, high: float = PLANE_HIGH):
    """Where a neuron with two inputs has z = 0: the part of its line w[0]·x[0] + w[1]·x[1] + b = 0
    inside the square from ``low`` to ``high``.

    Returns its two end points as an array of shape (2, 2), one point (x[0], x[1]) per row,
    left end first, or None when the line misses the square, when it only touches the square at a single
    point (a corner: there is no segment to draw), or when both weights are 0 (z = b everywhere:
    there is no line). On one side of the line z > 0 and the neuron is active; on the other it is silent.
    Introduced in chapter 07.

    >>> neuron_line([1, 1], -1)          # x[0] + x[1] − 1 = 0, from (−2, 3) to (3, −2)
    array([[-2.,  3.],
           [ 3., -2.]])
    """
    w = as_numbers(w, "w", ndim=1)
    b = _as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {_describe(w)}.")
    if not np.any(w):
        return None
    scale = np.abs(w).max()  # the same line with the larger weight ±1, so that w @ w cannot underflow to 0
    w, b = w / scale, b / scale
    norm = float(w @ w)
    start = -b * w / norm                     # the point of the line nearest to (0, 0)
    direction = np.array([-w[1], w[0]]) / np.sqrt(norm)
    t_low, t_high = -np.inf, np.inf
    for k in range(2):
        if direction[k] == 0:
            if not low <= start[k] <= high:
                return None
            continue
        with np.errstate(over="ignore"):  # a direction of 1e-300 gives an infinite t, which is right
            a, c = sorted(((low - start[k]) / direction[k], (high - start[k]) / direction[k]))
        t_low, t_high = max(t_low, a), min(t_high, c)
    if not t_low < t_high:
        return None
    ends = np.minimum(np.maximum(np.array([start + t_low * direction, start + t_high * direction]), low), high)
    if np.abs(ends[1] - ends[0]).max() < TOUCH:
        return None  # the line only touches the square at a corner
    if (ends[1, 0], ends[1, 1]) < (ends[0, 0], ends[0, 1]):
        ends = ends[::-1]  # left end first (lower end first for an upright line)
    return ends + 0.0  # + 0.0: no −0.0 (np.minimum/np.maximum above: np.clip is slower on tiny arrays)


def active_region(w, b, low: float = PLANE_LOW, high: float = PLANE_HIGH) -> np.ndarray:
    """The part of the square from ``low`` to ``high`` where a neuron with two inputs is active
    (z = w[0]·x[0] + w[1]·x[1] + b > 0): the corners of that polygon in order around it,
    shape (n_corners, 2), or shape (0, 2) when the neuron is active nowhere in the square.
    Introduced in chapter 07.

    >>> active_region([1, 0], -1)        # x[0] > 1: the strip from x[0] = 1 to 3
    array([[ 1., -3.],
           [ 3., -3.],
           [ 3.,  3.],
           [ 1.,  3.]])
    """
    w = as_numbers(w, "w", ndim=1)
    b = _as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {_describe(w)}.")
    square = np.array([[low, low], [high, low], [high, high], [low, high]], dtype=float)
    z = square @ w + b
    corners = []
    for k in range(4):  # keep the corners where z > 0, and add the points where an edge crosses z = 0
        p, q, zp, zq = square[k], square[(k + 1) % 4], z[k], z[(k + 1) % 4]
        if zp > 0:
            corners.append(p)
        if (zp > 0) != (zq > 0) and zp != zq:
            crossing = p + (q - p) * zp / (zp - zq)
            if not (corners and np.allclose(corners[-1], crossing)):
                corners.append(crossing)
    return np.array(corners, dtype=float).reshape(-1, 2) + 0.0


def _term(coefficient: float, name: str, first: bool, decimals: int = 2) -> str:
    """``2·x[0]`` as the first term of a sum, `` − 2·x[0]`` or `` + 2·x[0]`` after it."""
    if first:
        return f"{format_number(coefficient, decimals)}·{name}"
    sign = MINUS if coefficient < 0 else "+"
    return f" {sign} {format_number(abs(coefficient), decimals)}·{name}"


def _constant(value: float, decimals: int = 2) -> str:
    return f" {MINUS if value < 0 else '+'} {format_number(abs(value), decimals)}"


def line_equation(w, b) -> str:
    """The line z = 0 of a neuron with two inputs, solved for x[1] (or for x[0] if it is upright),
    and the side where the neuron is active (z > 0).
    Introduced in chapter 07.

    >>> line_equation([1, 1], -1)
    'line x[1] = −1·x[0] + 1, active above it'
    >>> line_equation([-2, 0], -2)
    'line x[0] = −1, active left of it'
    """
    w = as_numbers(w, "w", ndim=1)
    b = _as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {_describe(w)}.")
    f = format_number
    if w[1] != 0:
        slope, offset = -w[0] / w[1], -b / w[1]
        if slope == 0:
            solved = f"x[1] = {f(offset, 2)}"
        else:
            solved = f"x[1] = {_term(slope, 'x[0]', True)}" + ("" if offset == 0 else _constant(offset))
        return f"line {solved}, active {'above' if w[1] > 0 else 'below'} it"
    if w[0] != 0:
        return f"line x[0] = {f(-b / w[0], 2)}, active {'right' if w[0] > 0 else 'left'} of it"
    return f"no line: z = {f(b, 2)} everywhere, so {'active everywhere' if b > 0 else 'never active'}"


def plane_formula(W1, b1, W2, b2) -> list[str]:
    """One line per hidden neuron (its z1 written out, its line, its active side), then the output.

    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 07.

    >>> for line in plane_formula(*PLANE_PRESETS["corner"]):
    ...     print(line)
    neuron 0: z1[0] = −2·x[0] + 0·x[1] − 2; line x[0] = −1, active left of it
    neuron 1: z1[1] = 0·x[0] − 2·x[1] − 2; line x[1] = −1, active below it
    output: y = −1·h[0] − 1·h[1] + 0.2
    """
    W1, b1, W2, b2 = plane_network(W1, b1, W2, b2)
    lines = [
        f"neuron {j}: z1[{j}] = {_term(w[0], 'x[0]', True)}{_term(w[1], 'x[1]', False)}{_constant(b)}; "
        f"{line_equation(w, b)}"
        for j, (w, b) in enumerate(zip(W1, b1))
    ]
    output = "".join(_term(v, f"h[{j}]", j == 0) for j, v in enumerate(W2[0]))
    return lines + [f"output: y = {output}{_constant(b2[0])}"]
