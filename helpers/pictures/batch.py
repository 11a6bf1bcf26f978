"""A layer on a batch as matrices (chapter 06): ``X``, ``W.T``, ``b`` and ``Z = X @ W.T + b`` laid out
so that row s of X and column j of W.T meet at Z[s, j], with that row, column, bias and entry
highlighted. ``batch_picture`` draws, ``update_batch_picture`` moves, ``describe_batch_picture`` says
in one line what is drawn; ``batch_drawing`` gives the values.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.patches import Rectangle

from helpers.drawing import new_axes
from helpers.formulas import format_number
from helpers.maths import dense
from helpers.pictures.diagrams import listed
from helpers.validation import as_numbers

__all__ = ["BatchDrawing", "batch_drawing", "batch_picture", "describe_batch_picture", "update_batch_picture"]

HIGHLIGHT = {"facecolor": "#fff0a8", "edgecolor": "black", "linewidth": 2.2}  #: thick outline too: not colour alone
GAP = 0.6  #: the space between the blocks, in cells


class BatchDrawing(NamedTuple):
    """What ``batch_picture`` shows: the matrices, and the entry of Z picked out."""

    X: np.ndarray
    W: np.ndarray
    b: np.ndarray
    Z: np.ndarray
    sample: int
    neuron: int


def batch_drawing(X, W, b, sample: int = 0, neuron: int = 0) -> BatchDrawing:
    """The values ``batch_picture`` draws (no drawing): Z = X @ W.T + b and the entry Z[sample, neuron].

    Introduced in chapter 06.

    >>> batch_drawing([[1, 2], [3, 4], [0, 1]], [[1, 0]], [0.5], sample=1).Z.tolist()
    [[1.5], [3.5], [0.5]]
    """
    Z = dense(X, W, b)  # checks every shape
    X, W, b = as_numbers(X, "X", ndim=2), as_numbers(W, "W", ndim=2), as_numbers(b, "b", ndim=1)
    for name, index, size, what in [("sample", sample, X.shape[0], "samples"), ("neuron", neuron, W.shape[0], "neurons")]:
        if not isinstance(index, (int, np.integer)) or not 0 <= index < size:
            raise ValueError(f"{name} should be a whole number from 0 to {size - 1} (there are {size} {what}), "
                             f"but got {index!r}.")
    return BatchDrawing(X, W, b, Z, int(sample), int(neuron))


def _layout(n_samples: int, n_inputs: int, n_neurons: int):
    """Where each block's top-left corner is: W.T and b above Z (columns lined up), X left of Z (rows lined up)."""
    left = n_inputs + GAP  # Z, W.T and b start here
    top_b = -(n_inputs + GAP)  # b's row, under W.T
    top_z = top_b - 1 - GAP  # Z's first row, under b
    return {"X": (0.0, top_z), "WT": (left, 0.0), "b": (left, top_b), "Z": (left, top_z)}


def _grid(ax, corner, rows: int, columns: int) -> list:
    """Empty cells with a grey outline and a text in each; returns the texts as rows."""
    x0, y0 = corner
    texts = []
    for r in range(rows):
        row = []
        for c in range(columns):
            ax.add_patch(Rectangle((x0 + c, y0 - r - 1), 1, 1, facecolor="white", edgecolor="#999999", linewidth=0.8))
            row.append(ax.text(x0 + c + 0.5, y0 - r - 0.5, "", ha="center", va="center", fontsize=9, zorder=3))
        texts.append(row)
    return texts


def batch_picture(X, W, b, sample: int = 0, neuron: int = 0, ax=None):
    """``X`` (n_samples, n_inputs), ``W.T`` (n_inputs, n_neurons), ``b`` and ``Z = X @ W.T + b`` as grids of
    numbers: W.T and b sit above Z, their columns over Z's; X sits left of Z, its rows beside Z's.
    Row ``sample`` of X, column ``neuron`` of W.T, ``b[neuron]`` and ``Z[sample, neuron]`` are
    highlighted (yellow, with a thick outline): the row · column product behind that entry.

    Returns a dict of the artists: the numbers ``X``, ``WT``, ``b``, ``Z`` (rows of texts) and the
    four highlight rectangles ``highlights``. ``update_batch_picture`` moves them.
    Introduced in chapter 06.
    """
    drawing = batch_drawing(X, W, b, sample, neuron)
    (n_samples, n_inputs), n_neurons = drawing.X.shape, drawing.W.shape[0]
    if ax is None:
        _, ax = new_axes(*batch_figure_size(n_samples, n_inputs, n_neurons))
    at = _layout(n_samples, n_inputs, n_neurons)
    highlights = [ax.add_patch(Rectangle((0, 0), 1, 1, zorder=2, **HIGHLIGHT)) for _ in range(4)]
    artists = {"X": _grid(ax, at["X"], n_samples, n_inputs), "WT": _grid(ax, at["WT"], n_inputs, n_neurons),
               "b": _grid(ax, at["b"], 1, n_neurons), "Z": _grid(ax, at["Z"], n_samples, n_neurons),
               "highlights": highlights}
    name = {"X": f"X  ({n_samples}, {n_inputs})\none row per sample",
            "WT": f"W.T  ({n_inputs}, {n_neurons})\ncolumn j: neuron j's weights",
            "b": f"+ b  ({n_neurons},)", "Z": f"Z = X @ W.T + b  ({n_samples}, {n_neurons})"}
    ax.text(at["X"][0] + n_inputs / 2, at["X"][1] + 0.15, name["X"], ha="center", va="bottom", fontsize=9)
    ax.text(at["WT"][0] - 0.2, at["WT"][1] - n_inputs / 2, name["WT"], ha="right", va="center", fontsize=9)
    ax.text(at["b"][0] - 0.2, at["b"][1] - 0.5, name["b"], ha="right", va="center", fontsize=9)
    ax.text(at["Z"][0] + n_neurons / 2, at["Z"][1] - n_samples - 0.15, name["Z"], ha="center", va="top", fontsize=9)
    for c in range(n_neurons):  # the neuron of each column, over W.T
        ax.text(at["WT"][0] + c + 0.5, 0.1, f"j = {c}", ha="center", va="bottom", fontsize=8, color="#555555")
    for r in range(n_samples):  # the sample of each row, left of X
        ax.text(-0.1, at["X"][1] - r - 0.5, f"s = {r}", ha="right", va="center", fontsize=8, color="#555555")
    ax.set_xlim(-1.2, at["Z"][0] + n_neurons + 0.2)
    ax.set_ylim(at["Z"][1] - n_samples - 0.9, 0.6)
    ax.set_axis_off()
    update_batch_picture(artists, X, W, b, sample, neuron)
    return artists


def batch_figure_size(n_samples: int, n_inputs: int, n_neurons: int) -> tuple[float, float]:
    """The figure size (inches) that gives ``batch_picture`` square cells of about 0.42 inch."""
    cell = 0.42
    return (n_inputs + n_neurons + GAP + 1.4) * cell + 0.3, (n_samples + n_inputs + 1 + 2 * GAP + 1.5) * cell + 0.2


def update_batch_picture(artists, X, W, b, sample: int = 0, neuron: int = 0) -> BatchDrawing:
    """Move the numbers and highlights of ``batch_picture`` to new values. Returns the ``BatchDrawing`` drawn."""
    drawing = batch_drawing(X, W, b, sample, neuron)
    drawn = (len(artists["X"]), len(artists["WT"]), len(artists["b"][0]))
    given = (drawing.X.shape[0], drawing.X.shape[1], drawing.W.shape[0])
    if drawn != given:
        raise ValueError(f"this picture was drawn for {drawn[0]} samples of {drawn[1]} inputs and {drawn[2]} neurons, "
                         f"but got {given[0]}, {given[1]} and {given[2]}.")
    f = format_number
    for key, values in [("X", drawing.X), ("WT", drawing.W.T), ("b", drawing.b[None, :]), ("Z", drawing.Z)]:
        for row, row_values in zip(artists[key], values):
            for text, value in zip(row, row_values):
                text.set_text(f(value, 2))
    n_samples, n_inputs = drawing.X.shape
    at = _layout(n_samples, n_inputs, drawing.W.shape[0])
    s, j = drawing.sample, drawing.neuron
    boxes = [(at["X"][0], at["X"][1] - s - 1, n_inputs, 1), (at["WT"][0] + j, at["WT"][1] - n_inputs, 1, n_inputs),
             (at["b"][0] + j, at["b"][1] - 1, 1, 1), (at["Z"][0] + j, at["Z"][1] - s - 1, 1, 1)]
    for rectangle, (x, y, width, height) in zip(artists["highlights"], boxes):
        rectangle.set_bounds(x, y, width, height)
    return drawing


def describe_batch_picture(drawing: BatchDrawing) -> str:
    """A one-line text summary of what ``batch_picture`` shows for this ``BatchDrawing``."""
    (n_samples, n_inputs), n_neurons = drawing.X.shape, drawing.W.shape[0]
    s, j = drawing.sample, drawing.neuron
    rows = "; ".join(f"Z[{r}] = {listed(row)}" for r, row in enumerate(drawing.Z))
    return (f"X ({n_samples}, {n_inputs}) @ W.T ({n_inputs}, {n_neurons}) + b ({n_neurons},) gives Z ({n_samples}, "
            f"{n_neurons}). Highlighted: row {s} of X = {listed(drawing.X[s])} and column {j} of W.T = "
            f"{listed(drawing.W[j])}, plus b[{j}] = {format_number(drawing.b[j], 2)}, give "
            f"Z[{s}, {j}] = {format_number(drawing.Z[s, j], 2)}. {rows}.")
