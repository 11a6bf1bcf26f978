"""A layer of neurons as a network diagram (chapter 03): ``layer_diagram`` draws,
``update_layer_diagram`` moves, ``describe_layer_diagram`` says in one line what is drawn;
``layer_drawing`` gives the values and edge styles without drawing.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.drawing import new_axes
from helpers.formulas import format_number
from helpers.maths import dense, relu
from helpers.pictures.diagrams import CIRCLE, INPUT_X, NEURON_X, dense_edges, edge_counts, edge_styles
from helpers.pictures.diagrams import input_circles, layer_positions, listed, restyle_edges

__all__ = [
    "LayerDrawing",
    "describe_layer_diagram",
    "layer_diagram",
    "layer_drawing",
    "update_layer_diagram",
]


class LayerDrawing(NamedTuple):
    """What ``layer_diagram`` shows for given x, W, b: the values and how each edge is drawn."""

    x: np.ndarray
    z: np.ndarray
    h: np.ndarray
    edges: list  #: edges[j][i] is the EdgeStyle of the edge from input i to neuron j


def layer_drawing(x, W, b) -> LayerDrawing:
    """The values and edge styles ``layer_diagram`` draws for a layer with ReLU (no drawing).

    Introduced in chapter 03.
    """
    z = dense(x, W, b)  # checks the shapes
    return LayerDrawing(x=np.asarray(x, dtype=float), z=z, h=relu(z), edges=edge_styles(W))


def layer_diagram(x, W, b, ax=None):
    """A layer drawn as a network: one circle per input (left) and per neuron (right), an edge for
    every weight ``W[j, i]`` (width |weight|, solid/blue positive, dashed/red negative, dotted/grey
    zero, its value written on it), each neuron's bias, z and ReLU output written beside it.

    Indices start at 0, as in NumPy: the edge from input ``i`` to neuron ``j`` carries ``W[j, i]``.
    Returns a dict of the artists: ``edges`` and ``edge_labels`` (lists of rows, [j][i]),
    ``inputs`` (the input circles with their values), ``neurons`` (the neuron circles),
    ``biases`` and ``outputs`` (texts per neuron), in the order they are drawn (bottom to top).
    ``update_layer_diagram`` moves them to new numbers.
    Introduced in chapter 03.
    """
    drawing = layer_drawing(x, W, b)
    n_neurons, n_inputs = len(drawing.z), len(drawing.x)
    if ax is None:
        _, ax = new_axes(7.0, 4.0)
    in_y, out_y = layer_positions(n_inputs, n_neurons)
    edges, edge_labels = dense_edges(ax, (INPUT_X, in_y), (NEURON_X, out_y))
    inputs = input_circles(ax, INPUT_X, in_y)
    neurons, biases, outputs = [], [], []
    for j, yj in enumerate(out_y):
        neurons.append(ax.text(NEURON_X, yj, f"{j}", ha="center", va="center", fontsize=10, zorder=4,
                               bbox={**CIRCLE, "facecolor": "#f2f2f2"}))
        biases.append(ax.text(NEURON_X + 0.45, yj + 0.04, "", ha="left", va="bottom", fontsize=8))
        outputs.append(ax.text(NEURON_X + 0.45, yj - 0.04, "", ha="left", va="top", fontsize=9))
    ax.text(INPUT_X, in_y[0] + 0.7, "inputs", ha="center", fontsize=9, fontweight="bold")
    ax.text(NEURON_X, out_y[0] + 0.75, "neurons", ha="center", fontsize=9, fontweight="bold")
    ax.set_xlim(INPUT_X - 1.4, NEURON_X + 3.4)
    ax.set_ylim(min(out_y.min(), in_y.min()) - 0.5, max(out_y.max(), in_y.max()) + 1.0)
    ax.set_axis_off()
    artists = {"edges": edges, "edge_labels": edge_labels, "inputs": inputs, "neurons": neurons,
               "biases": biases, "outputs": outputs}
    update_layer_diagram(artists, x, W, b)
    return artists


def update_layer_diagram(artists, x, W, b) -> LayerDrawing:
    """Move the edges and texts of ``layer_diagram`` to new x, W, b. Returns the ``LayerDrawing`` drawn."""
    drawing = layer_drawing(x, W, b)
    n_neurons, n_inputs = len(artists["edges"]), len(artists["inputs"])
    if (len(drawing.z), len(drawing.x)) != (n_neurons, n_inputs):
        raise ValueError(
            f"this diagram was drawn for W of shape ({n_neurons}, {n_inputs}), "
            f"but got W of shape ({len(drawing.z)}, {len(drawing.x)})."
        )
    f = format_number
    b = np.asarray(b, dtype=float)
    restyle_edges(artists["edges"], artists["edge_labels"], drawing.edges)
    for text, value in zip(artists["inputs"], drawing.x):
        text.set_text(f(value, 2))
    for j, (bias_text, output_text) in enumerate(zip(artists["biases"], artists["outputs"])):
        bias_text.set_text(f"b[{j}] = {f(b[j], 2)}")
        output_text.set_text(f"z = {f(drawing.z[j], 2)} → h = {f(drawing.h[j], 2)}")
    return drawing


def describe_layer_diagram(drawing: LayerDrawing) -> str:
    """A one-line text summary of what ``layer_diagram`` shows for this ``LayerDrawing``."""
    return (f"Inputs x = {listed(drawing.x)}; z = {listed(drawing.z)}; ReLU outputs h = {listed(drawing.h)}. "
            f"{edge_counts(drawing.edges)}.")
