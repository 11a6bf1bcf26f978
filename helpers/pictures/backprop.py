"""The gradients of a two-layer network as two tables (chapter 10): ``gradient_tables`` draws,
``update_gradient_tables`` moves, ``describe_gradient_tables`` says in one line what is drawn.

The output layer's table is on top, [dW2 | db2], one row per output; the hidden layer's below it,
[dW1 | db1], one row per hidden neuron: each gradient sits where its weight sits in [W | b].
Each row is labelled with its neuron's z and whether ReLU lets the gradient through; each column
with what the weight multiplies (h[j] or x[i]). Colour is never the only cue: every cell carries its
value, negative cells are also hatched, and zero cells have a dotted outline.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Rectangle

from helpers.drawing import NEGATIVE, POSITIVE, ZERO, new_axes
from helpers.formulas import format_number
from helpers.learning import Gradients, backward

__all__ = ["describe_gradient_tables", "gradient_tables", "gradient_tables_moving_artists", "update_gradient_tables"]

CELL_WIDTH, CELL_HEIGHT = 1.15, 0.5
LABEL_RIGHT = 0.0  #: the row labels end here; the cells start just right of it
GAP = 0.95  #: the space between the two tables, for the lower table's title and headers
FILLS = {1: "#d6e6f5", -1: "#f7d4d1", 0: "white"}
EDGES = {1: POSITIVE, -1: NEGATIVE, 0: ZERO}


def _sign(value: float) -> int:
    return 0 if abs(value) < 1e-12 else (1 if value > 0 else -1)


def _table(ax, top: float, n_rows: int, n_columns: int, title: str):
    """The cells (rectangles and texts), row labels and column headers of one table, its top at ``top``."""
    ax.text(LABEL_RIGHT - 3.3, top + 0.62, title, ha="left", va="bottom", fontsize=9, fontweight="bold")
    headers = [ax.text(LABEL_RIGHT + 0.1 + (i + 0.5) * CELL_WIDTH, top + 0.08, "", ha="center", va="bottom",
                       fontsize=8) for i in range(n_columns)]
    cells, values, labels = [], [], []
    for j in range(n_rows):
        y = top - (j + 1) * CELL_HEIGHT
        labels.append(ax.text(LABEL_RIGHT - 0.05, y + CELL_HEIGHT / 2, "", ha="right", va="center", fontsize=8))
        row, row_values = [], []
        for i in range(n_columns):
            x = LABEL_RIGHT + 0.1 + i * CELL_WIDTH
            # The cells' outlines and fills are drawn by two collections (see ``gradient_tables``),
            # each in one call: far quicker than 26 patches, most of a redraw's time otherwise.
            row.append(Rectangle((x + 0.03, y + 0.03), CELL_WIDTH - 0.06, CELL_HEIGHT - 0.06))
            row_values.append(ax.text(x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2, "", ha="center", va="center",
                                      fontsize=8.5, zorder=3,
                                      bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none",
                                            "alpha": 0.85}))
        cells.append(row)
        values.append(row_values)
    return {"cells": cells, "values": values, "labels": labels, "headers": headers}


def gradient_tables(x, target, W1, b1, W2, b2, ax=None):
    """The gradients of L = mse(y, target) for chapter 05's kind of network (ReLU in both layers),
    one input ``x``, drawn as two tables: [dW2 | db2] on top and [dW1 | db1] below.

    Shapes as in ``helpers.learning.backward``, with one input x (n_inputs,).
    Returns a dict of the artists: ``heading`` (the loss, dL/dy and δ2), ``output`` and ``hidden``, each with ``cells`` (the rectangles,
    rows of ``Rectangle``), ``values`` (their texts), ``labels`` (one per row) and ``headers`` (one
    per column); and ``fills``, every cell drawn as one collection (output rows first), and
    ``hatches``, the negative cells again, hatched.
    ``update_gradient_tables`` moves them to new numbers.
    Introduced in chapter 10.
    """
    gradients = backward(x, target, W1, b1, W2, b2)
    if gradients.forward.h.ndim != 1:
        raise ValueError(f"gradient_tables draws one input x of shape (n_inputs,), but x has shape {np.shape(x)}.")
    n_outputs, n_hidden = gradients.dW2.shape
    n_inputs = gradients.dW1.shape[1]
    if ax is None:
        _, ax = new_axes(7.2, 1.3 + 0.5 * (n_outputs + n_hidden))
    output_top = 0.0
    hidden_top = output_top - n_outputs * CELL_HEIGHT - GAP
    artists = {
        "output": _table(ax, output_top, n_outputs, n_hidden + 1,
                         "output layer: [dW2 | db2], dW2 = outer(δ2, h), db2 = δ2"),
        "hidden": _table(ax, hidden_top, n_hidden, n_inputs + 1,
                         "hidden layer: [dW1 | db1], dW1 = outer(δ1, x), db1 = δ1"),
    }
    # The loss and dL/dy on top: dL/dy follows every target, even where a closed gate stops it.
    artists["heading"] = ax.text(LABEL_RIGHT - 3.3, output_top + 1.05, "", ha="left", va="bottom", fontsize=9)
    rectangles = [cell for table in (artists["output"], artists["hidden"]) for row in table["cells"] for cell in row]
    artists["fills"] = ax.add_collection(PatchCollection(rectangles, linewidths=1.0, zorder=2))
    artists["hatches"] = ax.add_collection(PatchCollection([], facecolors="none", edgecolors=NEGATIVE,
                                                           linewidths=0, hatch="///", zorder=2.5))
    width = max(n_hidden, n_inputs) + 1
    ax.set_xlim(LABEL_RIGHT - 3.35, LABEL_RIGHT + 0.2 + width * CELL_WIDTH)
    ax.set_ylim(hidden_top - n_hidden * CELL_HEIGHT - 0.05, output_top + 1.45)
    ax.set_axis_off()
    update_gradient_tables(artists, x, target, W1, b1, W2, b2)
    return artists


def gradient_tables_moving_artists(artists) -> list:
    """Every artist of ``gradient_tables`` that changes when the numbers do (for ``LivePicture``)."""
    texts = [text for name in ("output", "hidden") for key, value in artists[name].items() if key != "cells"
             for text in (sum(value, []) if key == "values" else value)]
    return [artists["fills"], artists["hatches"], artists["heading"], *texts]


def _write(texts, matrix) -> None:
    for row_texts, row_values in zip(texts, matrix):
        for text, value in zip(row_texts, row_values):
            text.set_text(format_number(value, 2))
            text.set_color("#555555" if _sign(value) == 0 else "black")


def update_gradient_tables(artists, x, target, W1, b1, W2, b2) -> Gradients:
    """Move the cells and texts of ``gradient_tables`` to new numbers. Returns the ``Gradients`` drawn."""
    gradients = backward(x, target, W1, b1, W2, b2)
    output, hidden = artists["output"], artists["hidden"]
    drawn = (len(hidden["cells"]), len(hidden["headers"]) - 1, len(output["cells"]))
    given = (*gradients.dW1.shape, len(gradients.db2))
    if given != drawn:
        raise ValueError(f"these tables were drawn for {drawn[1]} inputs, {drawn[0]} hidden neurons and "
                         f"{drawn[2]} outputs, but got {given[1]}, {given[0]} and {given[2]}.")
    z1, h, z2, _ = gradients.forward
    f = format_number
    artists["heading"].set_text(f"L = {f(gradients.loss, 4)};  dL/dy = {_listed(gradients.dL_dy)};  "
                                f"through the output gates (z2 > 0) = {_listed(z2 > 0)}:  δ2 = {_listed(gradients.delta2)}")
    output_values = np.column_stack([gradients.dW2, gradients.db2])
    hidden_values = np.column_stack([gradients.dW1, gradients.db1])
    _write(output["values"], output_values)
    _write(hidden["values"], hidden_values)
    signs = [_sign(v) for v in np.concatenate([output_values.ravel(), hidden_values.ravel()])]
    artists["fills"].set_facecolors([FILLS[sign] for sign in signs])
    artists["fills"].set_edgecolors([EDGES[sign] for sign in signs])
    artists["fills"].set_linestyles([":" if sign == 0 else "-" for sign in signs])
    rectangles = [cell for table in (output, hidden) for row in table["cells"] for cell in row]
    artists["hatches"].set_paths([cell for cell, sign in zip(rectangles, signs) if sign < 0])
    for k, label in enumerate(output["labels"]):
        label.set_text(f"output {k}: z2 = {f(z2[k], 2)}, " + ("on" if z2[k] > 0 else "off, gate 0"))
    for j, label in enumerate(hidden["labels"]):
        label.set_text(f"hidden {j}: z1 = {f(z1[j], 2)}, " + ("on" if z1[j] > 0 else "off, gate 0"))
    for j, header in enumerate(output["headers"][:-1]):
        header.set_text(f"× h[{j}] = {f(h[j], 2)}")
    output["headers"][-1].set_text("db2 = δ2")
    for i, header in enumerate(hidden["headers"][:-1]):
        header.set_text(f"× x[{i}] = {f(np.ravel(x)[i], 2)}")
    hidden["headers"][-1].set_text("db1 = δ1")
    return gradients


def _rows(matrix) -> str:
    return "[" + ", ".join(_listed(row) for row in matrix) + "]"


def _listed(values) -> str:
    return "[" + ", ".join(format_number(v, 3) for v in values) + "]"


def describe_gradient_tables(gradients: Gradients) -> str:
    """A one-line text summary of what ``gradient_tables`` shows for these ``Gradients``."""
    z1, _, z2, _ = gradients.forward
    every = np.concatenate([gradients.dW2.ravel(), gradients.db2, gradients.dW1.ravel(), gradients.db1])
    signs = [_sign(v) for v in every]
    closed = [f"output {k} (z2 = {format_number(z2[k], 3)})" for k in np.flatnonzero(z2 <= 0)]
    closed += [f"hidden {j} (z1 = {format_number(z1[j], 3)})" for j in np.flatnonzero(z1 <= 0)]
    return (f"Loss L = {format_number(gradients.loss, 4)}, dL/dy = {_listed(gradients.dL_dy)}, "
            f"δ2 = {_listed(gradients.delta2)}. "
            f"dW2 = {_rows(gradients.dW2)}, db2 = {_listed(gradients.db2)}; "
            f"dW1 = {_rows(gradients.dW1)}, db1 = {_listed(gradients.db1)}. "
            f"{signs.count(0)} of the {len(signs)} derivatives are 0 (dotted cells), {signs.count(-1)} negative "
            f"(hatched), {signs.count(1)} positive. "
            f"ReLU gates closed, so no gradient passes back through: {', '.join(closed) if closed else 'none'}.")
