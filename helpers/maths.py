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
    "count_parameters",
    "dense",
    "format_number",
    "layer_formula",
    "neuron",
    "neuron_formula",
    "parameter_breakdown",
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
