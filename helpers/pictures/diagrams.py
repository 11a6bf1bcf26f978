"""What the layer and network diagrams share (chapters 03 to 05): how an edge is styled by its
weight (width |weight|; solid positive, dashed negative, dotted zero; its value written on it),
the input circles, the edges of a dense layer, and how the summaries count and list them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.drawing import NEGATIVE, POSITIVE, ZERO
from helpers.formulas import format_number

__all__ = [
    "CIRCLE",
    "EDGE_WIDTH_PER_UNIT",
    "EdgeStyle",
    "INPUT_X",
    "LABEL_AT",
    "MIN_EDGE_WIDTH",
    "NEURON_X",
    "dense_edges",
    "edge_counts",
    "edge_style",
    "edge_styles",
    "input_circles",
    "layer_positions",
    "listed",
    "restyle_edges",
]


EDGE_WIDTH_PER_UNIT = 3.0  #: an edge's line width is this times |weight| (at least MIN_EDGE_WIDTH)
MIN_EDGE_WIDTH = 0.6
ZERO = "#999999"  # grey: an edge whose weight is 0

class EdgeStyle(NamedTuple):
    """How one edge of the layer diagram is drawn: its width, line style, colour and label."""

    width: float
    linestyle: str  #: "-" positive (solid), "--" negative (dashed), ":" zero (dotted)
    colour: str
    label: str


def edge_style(weight: float) -> EdgeStyle:
    """Width |weight| (scaled), solid for positive, dashed for negative, dotted grey for zero.

    >>> edge_style(-0.5)
    EdgeStyle(width=1.5, linestyle='--', colour='#d62728', label='−0.5')
    """
    weight = float(weight)
    if weight == 0:
        return EdgeStyle(MIN_EDGE_WIDTH, ":", ZERO, "0")
    return EdgeStyle(
        max(MIN_EDGE_WIDTH, EDGE_WIDTH_PER_UNIT * abs(weight)),
        "-" if weight > 0 else "--",
        POSITIVE if weight > 0 else NEGATIVE,
        format_number(weight, 2),
    )


def edge_styles(W) -> list:
    """The ``EdgeStyle`` of every weight of ``W``, as rows like ``W``'s."""
    return [[edge_style(w) for w in row] for row in np.asarray(W, dtype=float)]


def layer_positions(n_inputs: int, n_neurons: int):
    """The heights of the input circles and of the neuron circles, both spread over the same span."""
    half = 0.6 * (max(n_inputs, n_neurons) - 1)

    def spread(n):
        return np.linspace(half, -half, n) if n > 1 else np.zeros(1)

    return spread(n_inputs), spread(n_neurons)


INPUT_X, NEURON_X = 0.0, 5.0
# How far along each edge (from input to neuron) its weight is written: a different distance for
# each input, so the labels of edges that meet at one neuron stand apart.
LABEL_AT = (0.84, 0.71, 0.58, 0.77, 0.64)
CIRCLE = {"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": "black", "linewidth": 1.2}


def dense_edges(ax, source, target, label_at=LABEL_AT):
    """A line and a value label for every edge of a layer, from the nodes at ``source`` to those at
    ``target`` (each ``(x, heights)``), as rows like ``W``'s: ``[j][i]`` from source i to target j.
    Returns ``(edges, labels)``; ``restyle_edges`` styles them by weight."""
    (x0, ys0), (x1, ys1) = source, target
    edges, labels = [], []
    for yj in ys1:
        row, row_labels = [], []
        for i, yi in enumerate(ys0):
            (line,) = ax.plot([x0, x1], [yi, yj], solid_capstyle="butt", zorder=1)
            t = label_at[i % len(label_at)]
            text = ax.text(x0 + t * (x1 - x0), yi + t * (yj - yi), "", fontsize=8,
                           ha="center", va="center", zorder=3,
                           bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none"})
            row.append(line)
            row_labels.append(text)
        edges.append(row)
        labels.append(row_labels)
    return edges, labels


def restyle_edges(edges, labels, styles) -> None:
    """Give the edges and labels of ``dense_edges`` their ``EdgeStyle`` (rows ``[j][i]``)."""
    for row, row_labels, row_styles in zip(edges, labels, styles):
        for line, text, style in zip(row, row_labels, row_styles):
            line.set_linewidth(style.width)
            line.set_linestyle(style.linestyle)
            line.set_color(style.colour)
            text.set_text(style.label)
            text.set_color(style.colour)


def input_circles(ax, at: float, heights) -> list:
    """One circle per input, labelled ``x[i]`` on its left; returns the circles' (empty) texts."""
    circles = []
    for i, yi in enumerate(heights):
        ax.text(at - 0.55, yi, f"x[{i}]", ha="right", va="center", fontsize=10)
        circles.append(ax.text(at, yi, "", ha="center", va="center", fontsize=9, zorder=4, bbox=CIRCLE))
    return circles


def edge_counts(styles) -> str:
    """How many edges are drawn, and how many of each line style: ``6 edges: 4 solid (positive), …``."""
    found = [style.linestyle for row in styles for style in row]
    counts = [(found.count("-"), "solid (positive)"), (found.count("--"), "dashed (negative)"),
              (found.count(":"), "dotted (zero)")]
    return f"{len(found)} edges: " + ", ".join(f"{count} {what}" for count, what in counts if count)


def listed(values) -> str:
    """Values as the diagrams' summaries write them: ``[1.9, −2, 2.5]``."""
    return "[" + ", ".join(format_number(v, 2) for v in values) + "]"
