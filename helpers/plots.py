"""The pictures of the course, drawn with matplotlib.

Each function takes ``ax=None`` (a new figure is made when no axes is given) and returns the
artists it draws, so that a widget can keep them and update them in place instead of redrawing.
Colour is never the only cue: negative values are also hatched and every bar carries its value.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import maths

POSITIVE = "#1f77b4"  # blue
NEGATIVE = "#d62728"  # red, and hatched
TOTAL = "#555555"     # grey: the sum of the contributions


def new_axes(width: float = 4.8, height: float = 2.8):
    """A fresh ``Figure`` (not pyplot, so nothing is shown twice) and its single axes."""
    figure = Figure(figsize=(width, height), dpi=80, layout="constrained")
    FigureCanvasAgg(figure)  # gives the figure a canvas to draw on, without pyplot
    return figure, figure.add_subplot()


def freeze_layout(figure: Figure) -> Figure:
    """Lay the figure out once and keep that layout: redrawing then skips the layout pass,
    which is most of the time a redraw takes in a widget."""
    figure.canvas.draw()
    figure.set_layout_engine("none")
    return figure


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, for an ``ipywidgets.Image``."""
    buffer = io.BytesIO()
    figure.canvas.print_png(buffer)
    return buffer.getvalue()


def contribution_bars(inputs, weights, ax=None):
    """One bar per input for its contribution ``input × weight``, and a last bar for their sum.

    Returns a dict of the artists: ``bars`` (the bar container), ``labels`` (value texts),
    ``zero`` (the axis line). ``update_contribution_bars`` moves them to new numbers.
    Introduced in chapter 01.
    """
    if ax is None:
        _, ax = new_axes()
    products = _contributions(inputs, weights)
    names = [f"x{i + 1}·w{i + 1}" for i in range(len(products) - 1)] + ["sum"]
    bars = ax.bar(names, products, edgecolor="black", linewidth=0.8)
    labels = [ax.text(i, 0, "", ha="center", fontsize=9) for i in range(len(products))]
    zero = ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("contribution")
    ax.set_title("What each input adds to the sum", fontsize=10)
    artists = {"bars": bars, "labels": labels, "zero": zero}
    update_contribution_bars(artists, inputs, weights)
    return artists


def update_contribution_bars(artists, inputs, weights) -> np.ndarray:
    """Move the bars and labels of ``contribution_bars`` to new inputs and weights.

    Returns the heights drawn: the contributions, then their sum.
    """
    products = _contributions(inputs, weights)
    for bar, label, height, is_total in zip(
        artists["bars"], artists["labels"], products, [False] * (len(products) - 1) + [True]
    ):
        bar.set_height(height)
        bar.set_facecolor(TOTAL if is_total else POSITIVE if height >= 0 else NEGATIVE)
        bar.set_hatch("//" if height < 0 else "")
        label.set_position((label.get_position()[0], height))
        label.set_text(maths.format_number(height, decimals=2))
        label.set_verticalalignment("bottom" if height >= 0 else "top")
    ax = artists["bars"][0].axes
    top = max(1.0, float(products.max())) * 1.25
    bottom = min(0.0, float(products.min())) * 1.25
    ax.set_ylim(bottom if bottom < 0 else -0.1 * top, top)
    return products


def describe_contributions(heights) -> str:
    """A one-line text summary of the contribution bars drawn with these ``heights``."""
    products = list(heights)
    parts = [
        f"x{i + 1}·w{i + 1} = {maths.format_number(p, decimals=2)}" for i, p in enumerate(products[:-1])
    ]
    return f"Contributions: {', '.join(parts)}; sum = {maths.format_number(products[-1], decimals=2)}."


def _contributions(inputs, weights) -> np.ndarray:
    """Each input times its weight, followed by the sum of those products."""
    total = maths.weighted_sum(inputs, weights)  # also checks the shapes
    products = np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)
    return np.append(products, total)
