"""The text a learner reads: numbers as the course writes them, and formulas written out with
the numbers substituted (one neuron, a layer, a network, a neuron's line on the plane, a step of
gradient descent).

Each function checks its arguments through the maths it writes out, so bad input gets the same
plain-words error as the maths itself.
"""

from __future__ import annotations

import numpy as np

from helpers.maths import activation_name, dense, neuron, relu, two_layer_network
from helpers.plane import plane_network
from helpers.validation import as_numbers, as_scalar, describe

__all__ = [
    "MINUS",
    "descent_formula",
    "factor",
    "bends_formula",
    "format_number",
    "format_percent",
    "layer_formula",
    "line_equation",
    "loss_text",
    "network_formula",
    "neuron_formula",
    "plane_formula",
]

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


def format_percent(share: float, decimals: int = 1) -> str:
    """A share from 0 to 1 as a percentage, written as ``format_number`` writes numbers.

    >>> format_percent(0.9), format_percent(0.8333333)
    ('90%', '83.3%')
    """
    return f"{format_number(100 * share, decimals)}%"


def factor(value: float) -> str:
    """A number as a factor of a product: in brackets when it is negative.

    >>> factor(-1.5), factor(2)
    ('(−1.5)', '2')
    """
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text


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
    terms = [f"{factor(x)}×{factor(w)}" for x, w in zip(inputs, weights)]
    total = " + ".join(terms)
    if bias is not None:
        sign = MINUS if bias < 0 else "+"
        total += f" {sign} {format_number(abs(bias))}"
    name = activation_name(activation)
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
    name = activation_name(output_activation)
    lines = [
        f"hidden {j}: z1[{j}] = {neuron_formula(x, W1[j], b1[j])}, h[{j}] = ReLU({f(z)}) = {f(h)}"
        for j, (z, h) in enumerate(zip(result.z1, result.h))
    ]
    for k, (z, y) in enumerate(zip(result.z2, result.y)):
        output = f"z2[{k}] = {f(y)}" if name is None else f"{name}({f(z)}) = {f(y)}"
        lines.append(f"output {k}: z2[{k}] = {neuron_formula(result.h, W2[k], b2[k])}, y[{k}] = {output}")
    return lines


def bends_formula(W1, b1, W2, b2, hidden_relu: bool = True) -> list[str]:
    """A network with one input x, written out: one line per hidden neuron (its h[j] and where it
    bends), then the output y; without ReLU, y is also written as the one straight line it is.

    Shapes: ``W1`` (n_hidden, 1), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 04.

    >>> for line in bends_formula([[1], [-1]], [2, 1], [[1, -2]], [0.5]):
    ...     print(line)
    hidden 0: h[0] = ReLU(1·x + 2), bends at x = −2
    hidden 1: h[1] = ReLU(−1·x + 1), bends at x = 1
    output: y = 1×h[0] + (−2)×h[1] + 0.5
    >>> bends_formula([[1], [-1]], [2, 1], [[1, -2]], [0.5], hidden_relu=False)[-1]
    'output: y = 1×h[0] + (−2)×h[1] + 0.5 = 3·x + 0.5, one straight line'
    """
    dense(dense([0.0], W1, b1), W2, b2)  # checks every shape
    W1, b1, W2, b2 = (as_numbers(v, name) for v, name in zip((W1, b1, W2, b2), ("W1", "b1", "W2", "b2")))
    if W1.shape[1] != 1 or W2.shape[0] != 1:
        raise ValueError(f"bends_formula writes out a network with one input and one output, but W1 has shape "
                         f"{W1.shape} and W2 has shape {W2.shape}.")
    f = format_number
    lines = []
    for j, (w, b) in enumerate(zip(W1[:, 0], b1)):
        z = f"{_term(w, 'x', True)}{_constant(b)}"
        if not hidden_relu:
            lines.append(f"hidden {j}: h[{j}] = {z}, no ReLU: no bend")
        elif w == 0:
            lines.append(f"hidden {j}: h[{j}] = ReLU({z}), no bend: W1[{j},0] = 0 makes it constant")
        else:
            lines.append(f"hidden {j}: h[{j}] = ReLU({z}), bends at x = {f(-b / w, 2)}")
    output = " + ".join(f"{factor(v)}×h[{j}]" for j, v in enumerate(W2[0])) + _constant(b2[0])
    if not hidden_relu:
        slope, intercept = (W2 @ W1)[0, 0], (W2 @ b1 + b2)[0]
        output += f" = {_term(slope, 'x', True)}{_constant(intercept)}, one straight line"
    return lines + [f"output: y = {output}"]


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
    b = as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {describe(w)}.")
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

    >>> from helpers.plane import PLANE_PRESETS
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


def loss_text(value: float) -> str:
    """A loss as the summaries write it: three significant digits, small and large ones as powers of ten.

    >>> loss_text(1.21), loss_text(0.069696), loss_text(0.0000133191), loss_text(23400.5), loss_text(0)
    ('1.21', '0.0697', '1.33×10⁻⁵', '2.34×10⁴', '0')
    """
    value = float(value)
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return format_number(float(f"{value:.3g}"), decimals=6)
    mantissa, exponent = f"{value:.2e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{format_number(float(mantissa), 2)}×10{superscript}"


def _vector(values, decimals: int = 4) -> str:
    return "[" + ", ".join(format_number(v, decimals) for v in values) + "]"


def descent_formula(path, x, target, learning_rate) -> list[str]:
    """The last step of ``path`` (a list of ``helpers.descent.DescentStep``) written out with its numbers.

    Before any step: where the neuron starts, and the gradient the first step will follow.

    >>> from helpers.descent import gradient_descent
    >>> for line in descent_formula(gradient_descent([2, 3, 5], [0.5, 0.3, 0.2], 4, 0.01, 1), [2, 3, 5], 4, 0.01):
    ...     print(line)
    step 1: gradient = 2 × (y − 4) × x = 2 × (2.9 − 4) × [2, 3, 5] = [−4.4, −6.6, −11]
    w ← w − learning_rate × gradient = [0.5, 0.3, 0.2] − 0.01 × [−4.4, −6.6, −11] = [0.544, 0.366, 0.31]
    now y = 3.736 and L = (3.736 − 4)² = 0.0697
    """
    f, t = format_number, format_number(target)
    before = path[-2] if len(path) > 1 else path[0]
    slope = f"2 × (y − {t}) × x = 2 × ({f(before.y, 4)} − {t}) × {_vector(x)} = {_vector(before.gradient)}"
    now = path[-1]
    if len(path) == 1:
        upcoming = np.asarray(now.w) - learning_rate * np.asarray(now.gradient)
        return [
            f"no step yet: w = {_vector(now.w)}, y = {f(now.y, 4)}, L = ({f(now.y, 4)} − {t})² = {loss_text(now.loss)}",
            f"the first step follows the gradient {slope}",
            f"it will take w to w − learning_rate × gradient = {_vector(now.w)} − {f(learning_rate, 4)} × "
            f"{_vector(now.gradient)} = {_vector(upcoming)}",
        ]
    return [
        f"step {len(path) - 1}: gradient = {slope}",
        f"w ← w − learning_rate × gradient = {_vector(before.w)} − {f(learning_rate, 4)} × "
        f"{_vector(before.gradient)} = {_vector(now.w)}",
        f"now y = {f(now.y, 4)} and L = ({f(now.y, 4)} − {t})² = {loss_text(now.loss)}",
    ]
