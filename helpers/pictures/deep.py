"""Chapter 12's pictures: how much learning signal reaches each layer of a deep network.

``gradient_bars`` draws one bar per layer, first layer (next to the inputs) on the left, the output
layer on the right, each as high as the size of that layer's gradient dL/dW, on a log scale (each
grid line is ten times the one below), with a dashed line at the output layer's size.
``update_gradient_bars`` moves it to new sizes; ``describe_gradient_bars`` says in one line what is
drawn. ``format_size`` writes a size as the chapter does: 0.76, 0.016 or 1.7×10⁻⁵.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

from helpers.drawing import new_axes, POSITIVE, TOTAL
from helpers.formulas import format_number

__all__ = ["MAX_DEPTH", "describe_gradient_bars", "format_size", "gradient_bars", "gradient_bars_moving_artists",
           "update_gradient_bars"]

MAX_DEPTH = 16  #: the most layers the picture has room for
LIFT = 10 ** 0.04  #: the bars start this factor above the bottom of the log axis, clear of the axis line
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_size(value: float) -> str:
    """A gradient size with 2 significant digits: plainly from 0.001 to 999, else as a power of ten.

    Introduced in chapter 12.

    >>> format_size(0.7563), format_size(0.01578), format_size(1.672e-05), format_size(0), format_size(9.96e-7)
    ('0.76', '0.016', '1.7×10⁻⁵', '0', '1×10⁻⁶')
    """
    value = float(value)
    if value == 0 or not np.isfinite(value):
        return "0" if value == 0 else str(value)
    exponent = int(np.floor(np.log10(abs(value))))
    mantissa = round(value / 10.0 ** exponent, 1)
    if abs(mantissa) >= 10:  # 9.96 rounds up to 10: one power of ten more
        exponent, mantissa = exponent + 1, mantissa / 10
    if -3 <= exponent <= 2:
        return format_number(mantissa * 10.0 ** exponent, max(0, 1 - exponent))
    return f"{format_number(mantissa, 1)}×10{str(exponent).translate(SUPERSCRIPTS)}"


def _limits(norms: np.ndarray) -> tuple[float, float]:
    """The log axis from the power of ten below the smallest positive size to the one above the largest."""
    positive = norms[np.isfinite(norms) & (norms > 0)]
    if positive.size == 0:
        return 1e-3, 1.0
    bottom = 10.0 ** np.floor(np.log10(positive.min()) - 1e-9)
    top = 10.0 ** np.ceil(np.log10(positive.max()) + 1e-9)
    return float(bottom), float(max(top, 10 * bottom))


def gradient_bars(norms, ax=None, title: str = "", slots: int = MAX_DEPTH) -> dict:
    """One bar per layer, as high as ``norms[k]`` (the size of layer k's dL/dW), on a log scale.

    The last bar is the output layer: grey and hatched, where the hidden layers' bars are blue.
    A dashed line marks the output layer's size, so the gap to each layer below it reads as a
    factor. ``slots`` is how many layers the picture has room for. Returns the artists:
    ``bars`` (one Rectangle per slot), ``level`` (the dashed line), ``level_label`` and ``title``.
    Introduced in chapter 12.
    """
    if ax is None:
        _, ax = new_axes(6.4, 3.0)
    ax.set_yscale("log")
    bars = list(ax.bar(np.arange(1, slots + 1), np.ones(slots), bottom=1e-3, width=0.7, color=POSITIVE,
                       edgecolor="black", linewidth=0.6))
    (level,) = ax.plot([], [], "--", color=TOTAL, linewidth=1.1)
    level_label = ax.text(0, 0, "", fontsize=8, color=TOTAL, ha="left", va="bottom")
    ax.set_xlabel("layer (1 = first, next to the inputs; the last is the output)")
    ax.set_ylabel("gradient size ‖dW‖")
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=30))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.grid(True, axis="y", which="major", linewidth=0.5, color="#dddddd")
    ax.set_axisbelow(True)
    artists = {"bars": bars, "level": level, "level_label": level_label, "title": ax.set_title(title, fontsize=9)}
    update_gradient_bars(artists, norms, title)
    return artists


def gradient_bars_moving_artists(artists) -> list:
    """Every artist of ``gradient_bars`` that moves (for ``LivePicture``)."""
    return [*artists["bars"], artists["level"], artists["level_label"], artists["title"]]


def update_gradient_bars(artists, norms, title: str | None = None) -> np.ndarray:
    """Move ``gradient_bars`` to new sizes (and title); returns the sizes drawn."""
    norms = np.asarray(norms, dtype=float).reshape(-1)
    bars = artists["bars"]
    if not 1 <= norms.size <= len(bars):
        raise ValueError(f"the picture has room for 1 to {len(bars)} layers, but got {norms.size} sizes.")
    ax = bars[0].axes
    bottom, top = _limits(norms)
    depth = norms.size
    for k, bar in enumerate(bars):
        shown = k < depth
        bar.set_visible(shown)
        if shown:
            bar.set_y(bottom * LIFT)  # just above the axis line, which a redraw draws over them
            bar.set_height(max(norms[k] - bottom * LIFT, 0.0))
            last = k == depth - 1
            bar.set_facecolor(TOTAL if last else POSITIVE)
            bar.set_hatch("//" if last else None)
    artists["level"].set_data([0.55, depth + 0.45], [norms[-1], norms[-1]])
    label = artists["level_label"]
    label.set_position((0.6, norms[-1] if norms[-1] > 0 else bottom))
    label.set_text(f"the output layer's size, {format_size(norms[-1])}")
    if title is not None:
        artists["title"].set_text(title)
    if ax.get_xlim() != (0.5, depth + 0.5):
        ax.set_xlim(0.5, depth + 0.5)
        ax.set_xticks(np.arange(1, depth + 1))
    if ax.get_ylim() != (bottom, top):
        ax.set_ylim(bottom, top)
    return norms


def describe_gradient_bars(norms) -> str:
    """A one-line text summary of ``gradient_bars``: every layer's size, first to last, and the
    first layer's share of the output layer's.
    Introduced in chapter 12."""
    norms = np.asarray(norms, dtype=float).reshape(-1)
    sizes = ", ".join(format_size(n) for n in norms)
    if norms[-1] > 0:
        share = f"the first layer's bar is {format_size(norms[0] / norms[-1])} times the output layer's"
    else:
        share = "the output layer gets no gradient"
    return f"Bars on a log scale, the gradient size of each layer from the first to the output: {sizes}; {share}."
