"""An activation's curve with the neuron's z marked on it, and the whole neuron as one flow
diagram (chapter 02). ``activation_plot`` draws, ``update_activation_plot`` moves,
``describe_activation`` says in one line what is drawn.
"""

from __future__ import annotations

import numpy as np

from helpers.drawing import NEGATIVE, POSITIVE, TOTAL, new_axes, steady_limit
from helpers.formulas import factor, format_number
from helpers.maths import activation_function, activation_name, neuron
from helpers.validation import as_numbers, as_scalar

__all__ = [
    "activation_plot",
    "describe_activation",
    "neuron_flow",
    "update_activation_plot",
]


# ---------------------------------------------------------------------------
# An activation function, with the neuron's z marked (chapter 02)
# ---------------------------------------------------------------------------

def _activation_limits(name: str, z: float, current: float = 4.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """The x and y ranges that show this activation around ``z``; they change in jumps, rarely."""
    lim = steady_limit(current, max(4.0, abs(z) * 1.1))
    y_range = {
        "ReLU": (-0.1 * lim, 1.05 * lim),
        "sigmoid": (-0.1, 1.1),
        "tanh": (-1.15, 1.15),
    }.get(name, (-lim, lim))
    return (-lim, lim), y_range


def activation_plot(activation, z: float = 0.0, ax=None):
    """The curve of an activation (``"ReLU"``, ``"sigmoid"``, ``"tanh"`` or ``"none"``), with a
    marker on it at the neuron's ``z`` and a dotted line from z on the axis up to the output.

    Returns a dict of the artists, bottom to top: ``curve``, ``guide`` (the dotted line), ``marker``,
    ``label`` (the text "z = … → …") and ``title``. ``update_activation_plot`` moves them.
    Introduced in chapter 02.
    """
    if ax is None:
        _, ax = new_axes(3.6, 2.8)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.axvline(0, color="black", linewidth=0.6)
    (curve,) = ax.plot([], [], color=POSITIVE, linewidth=2)
    (guide,) = ax.plot([], [], ":", color=TOTAL, linewidth=1.2)
    (marker,) = ax.plot([], [], "o", color=NEGATIVE, markersize=8, markeredgecolor="black")
    label = ax.text(0, 0, "", fontsize=9, ha="left", va="bottom",
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    ax.set_xlabel("z (weighted sum + bias)")
    ax.set_ylabel("output")
    title = ax.set_title("", fontsize=10)
    artists = {"curve": curve, "guide": guide, "marker": marker, "label": label, "title": title}
    update_activation_plot(artists, activation, z)
    return artists


def update_activation_plot(artists, activation, z: float) -> tuple[float, float]:
    """Draw the curve of ``activation`` and move the marker to ``z``. Returns ``(z, output)`` drawn."""
    function = activation_function(activation)
    name = activation_name(activation) or "none"
    z = as_scalar(z, "z")
    y = z if function is None else float(function(z))
    ax = artists["curve"].axes
    (x_low, x_high), y_range = _activation_limits(name, z, current=ax.get_xlim()[1])
    xs = np.linspace(x_low, x_high, 201)
    artists["curve"].set_data(xs, xs if function is None else function(xs))
    artists["marker"].set_data([z], [y])
    artists["guide"].set_data([z, z], [0.0, y])
    artists["label"].set_text(f"z = {format_number(z, 2)} → {format_number(y, 2)}")
    # The label sits beside the marker, on the side with more room.
    right = z < 0.35 * x_high
    artists["label"].set_position((z + (0.04 if right else -0.04) * x_high, y))
    artists["label"].set_horizontalalignment("left" if right else "right")
    artists["label"].set_verticalalignment("top" if y > 0.6 * y_range[1] else "bottom")
    artists["title"].set_text("no activation: output = z" if function is None else f"{name}(z)")
    ax.set_xlim(x_low, x_high)
    ax.set_ylim(*y_range)
    return z, y


def describe_activation(activation, z: float, output: float) -> str:
    """A one-line text summary of ``activation_plot`` with the marker at ``(z, output)``."""
    name = activation_name(activation)
    curve = "the line output = z (no activation)" if name is None else f"the {name} curve"
    return (f"On {curve}, the marker sits at z = {format_number(z, 2)}, "
            f"output {format_number(output, 2)}.")


# ---------------------------------------------------------------------------
# The whole neuron as one flow diagram (chapter 02)
# ---------------------------------------------------------------------------

def _box(ax, x, y, text, **style):
    options = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "black", "linewidth": 1}
    options.update(style)
    return ax.text(x, y, text, ha="center", va="center", fontsize=10, bbox=options, zorder=3)


def _arrow(ax, source, target, linestyle="-", linewidth=1.2, colour="black"):
    """An arrow from the right edge of the ``source`` text box to the left edge of ``target``."""
    return ax.annotate(
        "", xy=(0, 0.5), xycoords=target, xytext=(1, 0.5), textcoords=source,
        arrowprops={"arrowstyle": "-|>", "linestyle": linestyle, "linewidth": linewidth, "color": colour,
                    "shrinkA": 7, "shrinkB": 7},
        zorder=1,
    )


def neuron_flow(inputs, weights, bias=0.0, activation="ReLU", ax=None):
    """The whole neuron drawn as one flow: inputs → × weights → add → + bias → activation → output,
    with every intermediate number written in.

    Arrows carrying a negative weight are dashed and red; the weight is written on each arrow.
    Returns a dict of the artists: ``stages`` (the stage titles), ``boxes`` (the texts in the
    boxes, in order of the flow) and ``arrows``.
    Introduced in chapter 02.
    """
    z = neuron(inputs, weights, bias, activation=None)  # checks every argument
    function = activation_function(activation)
    name = activation_name(activation)
    output = z if function is None else float(function(z))
    x = as_numbers(inputs, "inputs")
    w = as_numbers(weights, "weights")
    if ax is None:
        _, ax = new_axes(9.6, 3.2)
    n = len(x)
    rows = np.linspace(1, -1, n) if n > 1 else np.zeros(1)
    f = format_number
    columns = {"inputs": 0.0, "× weights": 2.4, "add": 4.6, "+ bias": 6.4, "activation": 8.3, "output": 10.2}
    stages = [ax.text(cx, 1.75, title, ha="center", va="center", fontsize=10, fontweight="bold")
              for title, cx in columns.items()]
    cx = list(columns.values())
    inputs_boxes = [_box(ax, cx[0], row, f"x{i + 1} = {f(xi)}", boxstyle="circle,pad=0.3")
                    for i, (xi, row) in enumerate(zip(x, rows))]
    product_boxes = [_box(ax, cx[1], row, f"{factor(xi)}×{factor(wi)} = {f(xi * wi)}")
                     for xi, wi, row in zip(x, w, rows)]
    total = float(x @ w)
    sum_box = _box(ax, cx[2], 0, f"sum\n{f(total)}", boxstyle="circle,pad=0.25")
    bias_box = _box(ax, cx[3], 0, f"{f(total)} {'−' if bias < 0 else '+'} {f(abs(bias))}\nz = {f(z)}")
    activation_box = _box(ax, cx[4], 0, f"{name}({f(z)})" if name else f"none: {f(z)}", facecolor="#f2f2f2")
    output_box = _box(ax, cx[5], 0, f(output), boxstyle="circle,pad=0.3", linewidth=2)
    boxes = [*inputs_boxes, *product_boxes, sum_box, bias_box, activation_box, output_box]
    arrows = []
    for i, (wi, row, source, target) in enumerate(zip(w, rows, inputs_boxes, product_boxes)):
        negative = wi < 0
        colour = NEGATIVE if negative else POSITIVE
        arrows.append(_arrow(ax, source, target, "--" if negative else "-", 1 + 2 * min(abs(wi), 1.5), colour))
        ax.text((cx[0] + cx[1]) / 2, row + 0.12, f"w{i + 1} = {f(wi)}", ha="center", va="bottom",
                fontsize=9, color=colour)
    arrows += [_arrow(ax, source, sum_box) for source in product_boxes]
    arrows += [_arrow(ax, a, b) for a, b in [(sum_box, bias_box), (bias_box, activation_box),
                                             (activation_box, output_box)]]
    ax.set_xlim(-0.9, 11.0)
    ax.set_ylim(-1.45, 2.0)
    ax.set_axis_off()
    return {"stages": stages, "boxes": boxes, "arrows": arrows}
