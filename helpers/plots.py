"""The pictures of the course, drawn with matplotlib.

Each function takes ``ax=None`` (a new figure is made when no axes is given) and returns the
artists it draws, so that a widget can keep them and update them in place instead of redrawing.
Colour is never the only cue: negative values are also hatched and every bar carries its value.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image  # installed with matplotlib
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
    """The whole figure drawn afresh, as PNG bytes."""
    buffer = io.BytesIO()
    figure.canvas.print_png(buffer)
    return buffer.getvalue()


class LivePicture:
    """A figure for a widget, redrawn quickly: only its moving artists are drawn on each update.

    The rest (axes, ticks, titles) is drawn once and kept as a background image, and drawn again
    only when an axis range changes. This is matplotlib's blitting; on a small figure it takes
    about 4 ms per update instead of about 19 ms for a full redraw.
    """

    def __init__(self, figure: Figure, moving):
        self.figure, self.moving = figure, list(moving)
        for artist in self.moving:
            artist.set_animated(True)  # left out of the background, drawn on top each time
        self._background, self._limits = None, None

    def _axis_limits(self):
        return [(ax.get_xlim(), ax.get_ylim()) for ax in self.figure.axes]

    def png(self) -> bytes:
        canvas = self.figure.canvas
        if self._background is None or self._limits != self._axis_limits():
            canvas.draw()
            self._background, self._limits = canvas.copy_from_bbox(self.figure.bbox), self._axis_limits()
        else:
            canvas.restore_region(self._background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        buffer = io.BytesIO()
        # Fast compression: a slightly larger PNG is quicker to make than to send.
        Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).save(
            buffer, format="png", compress_level=1
        )
        return buffer.getvalue()


def nice_limit(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value`` (> 0).

    Axis ranges jump between such values, so they change rarely while a slider moves.

    >>> nice_limit(2.9), nice_limit(0.3), nice_limit(11)
    (5.0, 0.5, 20.0)
    """
    power = 10.0 ** np.floor(np.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


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
    top = nice_limit(max(1.0, float(products.max()) * 1.2))
    low = float(products.min())
    bottom = -nice_limit(-low * 1.2) if low < 0 else -0.1 * top
    artists["bars"][0].axes.set_ylim(bottom, top)
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
