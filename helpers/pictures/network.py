"""A two-layer network as a diagram (chapters 04 and 05), and the bends of a network with one
input (chapter 04): ``network_diagram`` draws, ``update_network_diagram`` moves,
``describe_network_diagram`` says in one line what is drawn.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.patches import FancyBboxPatch

from helpers.drawing import ZERO, new_axes
from helpers.formulas import format_number
from helpers.maths import activation_name, two_layer_network
from helpers.pictures.diagrams import INPUT_X, NEURON_X, dense_edges, edge_counts, edge_styles, input_circles
from helpers.pictures.diagrams import layer_positions, listed, restyle_edges
from helpers.validation import as_numbers

__all__ = [
    "NetworkDrawing",
    "describe_network_diagram",
    "mark_bends",
    "network_diagram",
    "network_drawing",
    "network_moving_artists",
    "update_network_diagram",
]


HIDDEN_X, OUTPUT_X = NEURON_X, 2 * NEURON_X
# Where the weights are written along the edges of a network: nearer the middle than in
# ``layer_diagram``, so that no label hides under the boxes of the hidden and output neurons.
NETWORK_LABEL_AT = (0.66, 0.52, 0.38, 0.59, 0.45)
BOX_WIDTH, BOX_HEIGHT = 1.7, 0.46  #: a neuron's box in a network diagram, in data units
ROW = 0.11  #: half the distance between the two lines of text in a neuron's box


class NetworkDrawing(NamedTuple):
    """What ``network_diagram`` shows for a two-layer network: every value, and how each edge is drawn."""

    x: np.ndarray
    z1: np.ndarray
    h: np.ndarray
    z2: np.ndarray
    y: np.ndarray
    edges1: list  #: edges1[j][i] is the EdgeStyle of W1[j, i], the edge from input i to hidden neuron j
    edges2: list  #: edges2[k][j] is the EdgeStyle of W2[k, j], the edge from hidden neuron j to output k
    hidden_off: np.ndarray   #: True for each hidden neuron whose ReLU gives 0 (drawn in a dashed box)
    outputs_off: np.ndarray  #: the same for the outputs (never True without a ReLU at the output)


def network_drawing(x, W1, b1, W2, b2, output_activation="ReLU") -> NetworkDrawing:
    """The values and edge styles ``network_diagram`` draws for one input ``x`` (no drawing).

    Shapes as in ``two_layer_network``, with one input ``x`` of shape (n_inputs,).
    Introduced in chapter 04.

    >>> drawing = network_drawing([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    >>> drawing.h, drawing.hidden_off, drawing.y
    (array([1., 0.]), array([False,  True]), array([1.5]))
    """
    x = as_numbers(x, "x", ndim=1)  # one input, not a batch
    result = two_layer_network(x, W1, b1, W2, b2, output_activation)  # checks the shapes
    relu_output = activation_name(output_activation) == "ReLU"
    return NetworkDrawing(x, *result, edge_styles(W1), edge_styles(W2),
                          hidden_off=result.h == 0, outputs_off=(result.y == 0) & relu_output)


def _neuron_boxes(ax, at: float, heights, names: tuple[str, str, str]) -> dict:
    """A box per neuron with its z and activation written in it, and its bias above it.

    The names (``z1[j] =``, ``h[j] =``) and the grey fill never change: they are drawn once, and
    only the numbers, the biases and the boxes' outlines are returned to be updated."""
    z_name, a_name, b_name = names
    drawn = {"z": [], "a": [], "biases": [], "boxes": []}
    for j, yj in enumerate(heights):
        corner, size = (at - BOX_WIDTH / 2, yj - BOX_HEIGHT / 2), (BOX_WIDTH, BOX_HEIGHT)
        ax.add_patch(FancyBboxPatch(corner, *size, boxstyle="round,pad=0.04", facecolor="#f2f2f2",
                                    edgecolor="none", zorder=2))
        drawn["boxes"].append(ax.add_patch(FancyBboxPatch(corner, *size, boxstyle="round,pad=0.04",
                                                          facecolor="none", linewidth=1.2, zorder=4)))
        for row, name, key in [(ROW, z_name, "z"), (-ROW, a_name, "a")]:
            ax.text(at + 0.02, yj + row, f"{name}[{j}] =", ha="right", va="center", fontsize=8, zorder=3)
            drawn[key].append(ax.text(at + 0.1, yj + row, "", ha="left", va="center", fontsize=8, zorder=3))
        drawn["biases"].append(ax.text(at, yj + BOX_HEIGHT / 2 + 0.08, "", ha="center", va="bottom", fontsize=8))
    return drawn


def network_diagram(x, W1, b1, W2, b2, output_activation="ReLU", ax=None):
    """A two-layer network drawn as circles, boxes and edges: the inputs (left), the hidden neurons
    (middle), the output neurons (right), and an edge for every weight, styled as in ``layer_diagram``.

    Each neuron is a box holding its z and its activation (``z1[j]`` and ``h[j]``; ``z2[k]`` and
    ``y[k]``), with its bias written above it; a neuron whose ReLU gives 0 has a dashed box.
    The edge from input ``i`` to hidden neuron ``j`` carries ``W1[j, i]``; from hidden neuron ``j``
    to output ``k``, ``W2[k, j]``.
    Returns a dict of the artists: ``edges1``, ``edge_labels1``, ``edges2``, ``edge_labels2`` (lists
    of rows, as W1 and W2), ``inputs`` (the input circles with their values), and the numbers
    ``z1``, ``h``, ``z2``, ``y``, ``biases1``, ``biases2`` and box outlines ``hidden_boxes``,
    ``output_boxes``, one per neuron. ``update_network_diagram`` moves them to new numbers.
    Introduced in chapter 04.
    """
    drawing = network_drawing(x, W1, b1, W2, b2, output_activation)
    if ax is None:
        _, ax = new_axes(8.6, 4.0)
    sizes = len(drawing.x), len(drawing.h), len(drawing.y)
    in_y, hidden_y, out_y = (layer_positions(max(sizes), n)[1] for n in sizes)
    # The edges end at the sides of the boxes, so that the boxes can be drawn once, under the numbers.
    side = BOX_WIDTH / 2 + 0.04
    edges1, edge_labels1 = dense_edges(ax, (INPUT_X, in_y), (HIDDEN_X - side, hidden_y), NETWORK_LABEL_AT)
    edges2, edge_labels2 = dense_edges(ax, (HIDDEN_X + side, hidden_y), (OUTPUT_X - side, out_y), NETWORK_LABEL_AT)
    inputs = input_circles(ax, INPUT_X, in_y)
    hidden = _neuron_boxes(ax, HIDDEN_X, hidden_y, ("z1", "h", "b1"))
    outputs = _neuron_boxes(ax, OUTPUT_X, out_y, ("z2", "y", "b2"))
    top = max(in_y.max(), hidden_y.max(), out_y.max()) + 0.75
    name = activation_name(output_activation)
    plural = "s" if len(drawing.y) > 1 else ""
    for at, title in [(INPUT_X, "inputs x"), (HIDDEN_X, "hidden layer (ReLU)"),
                      (OUTPUT_X, f"output{plural} ({name or 'no activation'})")]:
        ax.text(at, top, title, ha="center", fontsize=9, fontweight="bold")
    ax.set_xlim(INPUT_X - 1.4, OUTPUT_X + 1.2)
    ax.set_ylim(-top + 0.35, top + 0.3)
    ax.set_axis_off()
    artists = {"edges1": edges1, "edge_labels1": edge_labels1, "edges2": edges2, "edge_labels2": edge_labels2,
               "inputs": inputs, "z1": hidden["z"], "h": hidden["a"], "biases1": hidden["biases"],
               "hidden_boxes": hidden["boxes"], "z2": outputs["z"], "y": outputs["a"],
               "biases2": outputs["biases"], "output_boxes": outputs["boxes"]}
    update_network_diagram(artists, x, W1, b1, W2, b2, output_activation)
    return artists


def network_moving_artists(artists) -> list:
    """Every artist of a ``network_diagram`` that changes when the numbers do (for ``LivePicture``)."""
    return [artist for key, value in artists.items()
            for artist in (sum(value, []) if key.startswith("edge") else value)]


def update_network_diagram(artists, x, W1, b1, W2, b2, output_activation="ReLU") -> NetworkDrawing:
    """Move the edges and texts of ``network_diagram`` to new values (with the activation it was
    drawn with). Returns the ``NetworkDrawing`` drawn."""
    drawing = network_drawing(x, W1, b1, W2, b2, output_activation)
    drawn = len(artists["inputs"]), len(artists["h"]), len(artists["y"])
    given = len(drawing.x), len(drawing.h), len(drawing.y)
    if given != drawn:
        raise ValueError(f"this diagram was drawn for {drawn[0]} inputs, {drawn[1]} hidden neurons and "
                         f"{drawn[2]} outputs, but got {given[0]}, {given[1]} and {given[2]}.")
    restyle_edges(artists["edges1"], artists["edge_labels1"], drawing.edges1)
    restyle_edges(artists["edges2"], artists["edge_labels2"], drawing.edges2)
    f = format_number
    for text, value in zip(artists["inputs"], drawing.x):
        text.set_text(f(value, 2))
    for key, values in [("z1", drawing.z1), ("h", drawing.h), ("z2", drawing.z2), ("y", drawing.y)]:
        for text, value in zip(artists[key], values):
            text.set_text(f(value, 2))
    for key, name, b in [("biases1", "b1", b1), ("biases2", "b2", b2)]:
        for j, (text, value) in enumerate(zip(artists[key], np.asarray(b, dtype=float))):
            text.set_text(f"{name}[{j}] = {f(value, 2)}")
    for key, off in [("hidden_boxes", drawing.hidden_off), ("output_boxes", drawing.outputs_off)]:
        for box, is_off in zip(artists[key], off):
            box.set_linestyle("--" if is_off else "-")
    return drawing


def describe_network_diagram(drawing: NetworkDrawing) -> str:
    """A one-line text summary of what ``network_diagram`` shows for this ``NetworkDrawing``."""
    off = [f"hidden {j}" for j in np.flatnonzero(drawing.hidden_off)]
    off += [f"output {k}" for k in np.flatnonzero(drawing.outputs_off)]
    return (f"Inputs x = {listed(drawing.x)}; hidden z1 = {listed(drawing.z1)}, h = {listed(drawing.h)}; "
            f"outputs z2 = {listed(drawing.z2)}, y = {listed(drawing.y)}. "
            f"Neurons off (ReLU gives 0, dashed box): {', '.join(off) if off else 'none'}. "
            f"Layer 1: {edge_counts(drawing.edges1)}; layer 2: {edge_counts(drawing.edges2)}.")


# ---------------------------------------------------------------------------
# One input: where the hidden ReLUs bend the output (chapter 04)
# ---------------------------------------------------------------------------

def mark_bends(xs, ax=None):
    """A dotted grey vertical line at each x in ``xs``, with the value written above the axes:
    the places where a ReLU neuron switches on or off. Returns a dict: ``lines``, ``labels``.

    Introduced in chapter 04.
    """
    if ax is None:
        _, ax = new_axes()
    above = ax.get_xaxis_transform()  # x in data units, y from 0 (bottom) to 1 (top of the axes)
    lines, labels = [], []
    for x in as_numbers(xs, "xs", ndim=1):
        lines.append(ax.axvline(x, color=ZERO, linestyle=":", linewidth=1.2))
        labels.append(ax.text(x, 1.01, format_number(x, 2), transform=above, ha="center", va="bottom",
                              fontsize=8, color="#555555"))
    return {"lines": lines, "labels": labels}
