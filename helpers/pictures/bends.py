"""A network with one input as a curve over x (chapter 04): each hidden ReLU neuron's part of the
output, the output y, and the bends. ``bends_picture`` draws, ``update_bends_picture`` moves,
``describe_bends_picture`` says in one line what is drawn; ``bends_drawing`` gives the values.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.drawing import LINE_COLOURS, LINE_STYLES, ZERO, new_axes, steady_limit
from helpers.formulas import format_number
from helpers.maths import dense, relu
from helpers.validation import as_numbers

__all__ = ["BendsDrawing", "X_RANGE", "bends_drawing", "bends_picture", "describe_bends_picture",
           "update_bends_picture"]

X_RANGE = (-4.0, 4.0)  #: the inputs x the picture shows
SAMPLES = 161  #: points along x, besides the bends themselves


class BendsDrawing(NamedTuple):
    """What ``bends_picture`` shows: the points along x, each neuron's part of y, y, and the bends."""

    xs: np.ndarray
    parts: np.ndarray  #: parts[j] is W2[0, j] × h[j] at each x
    y: np.ndarray
    bends: np.ndarray  #: bends[j] is where neuron j switches on or off (nan: it never does, or no ReLU)
    slopes: list  #: the slope of y on each straight piece, left to right (one piece without ReLU)
    hidden_relu: bool


def bends_drawing(W1, b1, W2, b2, hidden_relu: bool = True) -> BendsDrawing:
    """The values ``bends_picture`` draws for a network with one input (no drawing).

    Shapes: ``W1`` (n_hidden, 1), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 04.

    >>> drawing = bends_drawing([[1], [1], [-1]], [2, 0, 1], [[1, -2, 1]], [-1])
    >>> drawing.bends.tolist(), drawing.slopes
    ([-2.0, -0.0, 1.0], [-1.0, 0.0, -2.0, -1.0])
    """
    dense(dense([0.0], W1, b1), W2, b2)  # checks every shape
    W1, b1, W2, b2 = (as_numbers(v, name) for v, name in zip((W1, b1, W2, b2), ("W1", "b1", "W2", "b2")))
    if W1.shape[1] != 1 or W2.shape[0] != 1:
        raise ValueError(f"this picture is of a network with one input and one output, but W1 has shape "
                         f"{W1.shape} and W2 has shape {W2.shape}.")
    w, v = W1[:, 0], W2[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        bends = np.where((w != 0) & hidden_relu, -b1 / np.where(w == 0, 1, w), np.nan)
    inside = bends[(bends > X_RANGE[0]) & (bends < X_RANGE[1])]
    xs = np.unique(np.concatenate([np.linspace(*X_RANGE, SAMPLES), inside]))
    z = np.outer(w, xs) + b1[:, None]
    parts = v[:, None] * (relu(z) if hidden_relu else z)
    y = parts.sum(axis=0) + b2[0]
    # One slope per straight piece: the neurons on in the middle of each piece, from the left.
    edges = np.unique(bends[~np.isnan(bends)])  # sorted; bends at the same x make one
    middles = np.concatenate([[edges[0] - 1] if len(edges) else [0.0], (edges[:-1] + edges[1:]) / 2,
                              [edges[-1] + 1] if len(edges) else []])
    slopes = [float(sum(v[j] * w[j] for j in range(len(w)) if not hidden_relu or w[j] * m + b1[j] > 0))
              for m in middles]
    return BendsDrawing(xs, parts, y, bends, slopes, bool(hidden_relu))


LABEL_GAP = 0.75  #: the least distance in x between two bends' labels: the widest, "−3.75", is about 0.55 wide


def label_positions(bends) -> list:
    """Where in x to write each bend's label above the picture (None for a bend outside it).

    A label sits above its bend; labels of bends closer than ``LABEL_GAP`` are spread apart,
    in the bends' order, around the middle of their group, so that they never cover one another.

    >>> label_positions([0.0, 0.1, -0.1, 2.0, float("nan")])
    [0.0, 0.75, -0.75, 2.0, None]
    """
    shown = sorted((j for j, x in enumerate(bends) if np.isfinite(x) and X_RANGE[0] < x < X_RANGE[1]),
                   key=lambda j: bends[j])
    groups = [[j] for j in shown]  # neighbouring labels, written LABEL_GAP apart around their mean
    start = lambda group: float(np.mean([bends[j] for j in group])) - LABEL_GAP * (len(group) - 1) / 2  # noqa: E731
    merged = True
    while merged:
        merged = False
        for k in range(len(groups) - 1):
            if start(groups[k + 1]) - (start(groups[k]) + LABEL_GAP * (len(groups[k]) - 1)) < LABEL_GAP:
                groups[k:k + 2] = [groups[k] + groups[k + 1]]
                merged = True
                break
    positions: list = [None] * len(bends)
    for group in groups:
        # Kept inside the picture: the group slides in if it would stick out at either end.
        first = min(max(start(group), X_RANGE[0] + LABEL_GAP / 2), X_RANGE[1] - LABEL_GAP / 2 - LABEL_GAP * (len(group) - 1))
        for k, j in enumerate(group):
            positions[j] = round(first + k * LABEL_GAP, 10)
    return positions


def bends_picture(W1, b1, W2, b2, hidden_relu: bool = True, ax=None):
    """A network with one input drawn as curves over x: each hidden neuron's part W2[0, j] × h[j]
    (thin, one line style and colour per neuron), the output y (thick, black), and a dotted line at
    each bend with its x written above the axes (spread apart, in order, when bends are close).

    Returns a dict of the artists: ``parts``, ``y``, ``bend_lines``, ``bend_labels`` and ``title``.
    ``update_bends_picture`` moves them. Introduced in chapter 04.
    """
    if ax is None:
        _, ax = new_axes(6.4, 3.4)
    drawing = bends_drawing(W1, b1, W2, b2, hidden_relu)
    n = len(drawing.bends)
    parts = [ax.plot([], [], LINE_STYLES[j % 4], color=LINE_COLOURS[j % 4], linewidth=1.4,
                     label=f"neuron {j}: W2[0,{j}] × h[{j}]")[0] for j in range(n)]
    (y_line,) = ax.plot([], [], "-", color="black", linewidth=2.6, label="output y")
    above = ax.get_xaxis_transform()
    bend_lines = [ax.axvline(0, color=ZERO, linestyle=":", linewidth=1.2) for _ in range(n)]
    bend_labels = [ax.text(0, 1.01, "", transform=above, ha="center", va="bottom", fontsize=8, color="#555555")
                   for _ in range(n)]
    ax.axhline(0, color="#cccccc", linewidth=0.8, zorder=0)
    ax.set_xlim(*X_RANGE)
    ax.set_ylim(-5, 5)
    ax.set_xlabel("input x")
    ax.set_ylabel("y, and each neuron's part")
    ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
    title = ax.text(1.0, -0.16, "", transform=ax.transAxes, ha="right", va="top", fontsize=8)
    artists = {"parts": parts, "y": y_line, "bend_lines": bend_lines, "bend_labels": bend_labels, "title": title}
    update_bends_picture(artists, W1, b1, W2, b2, hidden_relu)
    return artists


def update_bends_picture(artists, W1, b1, W2, b2, hidden_relu: bool = True) -> BendsDrawing:
    """Move the curves and bends of ``bends_picture`` to new numbers. Returns the ``BendsDrawing`` drawn."""
    drawing = bends_drawing(W1, b1, W2, b2, hidden_relu)
    if len(drawing.bends) != len(artists["parts"]):
        raise ValueError(f"this picture was drawn for {len(artists['parts'])} hidden neurons, "
                         f"but got {len(drawing.bends)}.")
    for line, part in zip(artists["parts"], drawing.parts):
        line.set_data(drawing.xs, part)
    artists["y"].set_data(drawing.xs, drawing.y)
    positions = label_positions(drawing.bends)
    for line, label, bend, position in zip(artists["bend_lines"], artists["bend_labels"], drawing.bends, positions):
        shown = position is not None
        line.set_visible(shown)
        label.set_visible(shown)
        if shown:
            line.set_xdata([bend, bend])
            label.set_x(position)
            label.set_text(format_number(bend, 2))
    ax = artists["y"].axes
    needed = max(1.0, float(np.abs(np.concatenate([drawing.y, drawing.parts.ravel()])).max()))
    limit = steady_limit(ax.get_ylim()[1], needed)
    if (-limit, limit) != tuple(ax.get_ylim()):
        ax.set_ylim(-limit, limit)
    artists["title"].set_text("hidden layer with ReLU" if hidden_relu else "hidden layer without ReLU: one straight line")
    return drawing


def describe_bends_picture(drawing: BendsDrawing) -> str:
    """A one-line text summary of what ``bends_picture`` shows for this ``BendsDrawing``."""
    f = format_number
    low, high = (f(v) for v in X_RANGE)
    span = f"y runs from {f(drawing.y.min(), 2)} to {f(drawing.y.max(), 2)} for x from {low} to {high}"
    if not drawing.hidden_relu:
        return (f"Without ReLU: y is one straight line with slope {f(drawing.slopes[0], 2)} and no bends; "
                f"each neuron's part is a straight line too; {span}.")
    order = np.argsort(drawing.bends)  # nan last
    bends = [f"{f(drawing.bends[j], 2)} (neuron {j})" for j in order if np.isfinite(drawing.bends[j])]
    outside = [f"neuron {j}" for j in order if np.isfinite(drawing.bends[j])
               and not X_RANGE[0] < drawing.bends[j] < X_RANGE[1]]
    never = [f"neuron {j}" for j in range(len(drawing.bends)) if not np.isfinite(drawing.bends[j])]
    text = f"With ReLU: bends at x = {', '.join(bends) if bends else 'none'} (dotted lines"
    text += f"; outside the picture: {', '.join(outside)})" if outside else ")"
    if never:
        text += f"; no bend for {', '.join(never)} (weight 0)"
    return (f"{text}; y is straight between the bends, with slopes {', '.join(f(s, 2) for s in drawing.slopes)} "
            f"from left to right; {span}.")
