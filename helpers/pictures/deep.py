"""Chapter 12's pictures: how much learning signal reaches each layer of a deep network.

``gradient_bars`` draws one bar per layer, first layer (next to the inputs) on the left, the output
layer on the right, each as high as the size of that layer's gradient dL/dW, on a log scale (each
grid line is ten times the one below), with a dashed line at the output layer's size.
``update_gradient_bars`` moves it to new sizes; ``describe_gradient_bars`` says in one line what is
drawn. ``slope_curves`` draws sigmoid and its slope, which is never above 0.25. ``format_size`` writes a size as the chapter does: 0.76, 0.016 or 1.7×10⁻⁵.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

from helpers.drawing import new_axes, POSITIVE, TOTAL
from helpers.formulas import format_number

__all__ = ["MAX_DEPTH", "SUPERSCRIPTS", "describe_gradient_bars", "describe_slope_curves", "format_size", "gradient_bars",
           "gradient_bars_moving_artists", "slope_curves", "update_gradient_bars"]

MAX_DEPTH = 16  #: the most layers the picture has room for
LIFT = 10 ** 0.04  #: the bars start this factor above the bottom of the log axis, clear of the axis line
SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")  #: str(7).translate(SUPERSCRIPTS) is "⁷"


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


SLACK_DECADES = 4  #: how many powers of ten wider than needed the log axis may stay, so that it rarely moves


def steady_log_limits(current: tuple[float, float], needed: tuple[float, float]) -> tuple[float, float]:
    """The log axis for sizes that need ``needed`` (bottom, top), starting from ``current`` (both
    powers of ten): kept while it holds them and is at most ``SLACK_DECADES`` powers of ten wider;
    else grown to hold both, if that is not too wide; else ``needed``. A new axis redraws the
    whole picture, and one slider step can move the sizes by a power of ten and back.

    >>> steady_log_limits((1e-5, 10.0), (1e-5, 0.01)), steady_log_limits((1e-5, 1.0), (1e-6, 0.1))
    ((1e-05, 10.0), (1e-06, 1.0))
    >>> steady_log_limits((1e-5, 10.0), (1e-12, 1e-10))
    (1e-12, 1e-10)
    """
    (low, high), (bottom, top) = (np.round(np.log10(pair)).astype(int) for pair in (current, needed))
    spare = top - bottom + SLACK_DECADES
    for first, last in [(low, high), (min(low, bottom), max(high, top))]:
        if first <= bottom and top <= last and last - first <= spare:
            return float(f"1e{first}"), float(f"1e{last}")  # exact powers of ten: 10.0 ** -5 is not 1e-05
    return float(f"1e{bottom}"), float(f"1e{top}")


ROOM_STEP = 4  #: the layer axis grows and shrinks by this many slots, so that it rarely moves


def room_for(depth: int, slots: int) -> int:
    """How many layers the axis shows for ``depth`` layers: the next multiple of ``ROOM_STEP``, at
    most ``slots``. A new axis redraws the whole picture, and the depth moves one layer at a time.

    >>> [room_for(depth, 16) for depth in (1, 2, 4, 5, 8, 9, 15, 16)], room_for(6, 6)
    ([4, 4, 4, 8, 8, 12, 16, 16], 6)
    """
    return min(slots, -(-depth // ROOM_STEP) * ROOM_STEP)


def gradient_bars(norms, ax=None, title: str = "", slots: int = MAX_DEPTH, limits: tuple | None = None,
                  room: int | None = None) -> dict:
    """One bar per layer, as high as ``norms[k]`` (the size of layer k's dL/dW), on a log scale.

    The last bar is the output layer: grey and hatched, where the hidden layers' bars are blue.
    A dashed line marks the output layer's size, so the gap to each layer below it reads as a
    factor. ``slots`` is how many layers the picture has room for; ``limits`` (bottom, top) pins the
    log axis (to compare pictures side by side), else it runs between the powers of ten around the sizes.
    ``room`` fixes how many layers the layer axis shows (an explorer whose depth changes: the
    axis then never moves); by default it is ``room_for`` the depth.
    Returns the artists: ``bars`` (one Rectangle per slot), ``level`` (the dashed line) and ``title``.
    Introduced in chapter 12.
    """
    if ax is None:
        _, ax = new_axes(6.4, 3.0)
    ax.set_yscale("log")
    bars = list(ax.bar(np.arange(1, slots + 1), np.ones(slots), bottom=1e-3, width=0.7, color=POSITIVE,
                       edgecolor="black", linewidth=0.6))
    (level,) = ax.plot([], [], "--", color=TOTAL, linewidth=1.1)
    ax.set_xlabel("layer (1 = first, next to the inputs; hatched: the output layer, dashed: its size)")
    ax.set_ylabel("gradient size ‖dW‖")
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=30))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.grid(True, axis="y", which="major", linewidth=0.5, color="#dddddd")
    ax.set_axisbelow(True)
    artists = {"bars": bars, "level": level, "title": ax.set_title(title, fontsize=9), "limits": limits, "room": room}
    update_gradient_bars(artists, norms, title)
    return artists


def gradient_bars_moving_artists(artists) -> list:
    """Every artist of ``gradient_bars`` that moves (for ``LivePicture``)."""
    return [*artists["bars"], artists["level"], artists["title"]]


def update_gradient_bars(artists, norms, title: str | None = None) -> np.ndarray:
    """Move ``gradient_bars`` to new sizes (and title); returns the sizes drawn."""
    norms = np.asarray(norms, dtype=float).reshape(-1)
    bars = artists["bars"]
    if not 1 <= norms.size <= len(bars):
        raise ValueError(f"the picture has room for 1 to {len(bars)} layers, but got {norms.size} sizes.")
    ax = bars[0].axes
    needed = _limits(norms)
    bottom, top = artists.get("limits") or (
        steady_log_limits(artists["shown_limits"], needed) if artists.get("shown_limits") else needed)
    artists["shown_limits"] = (bottom, top)
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
    if title is not None:
        artists["title"].set_text(title)
    room = artists.get("room") or room_for(depth, len(bars))
    if ax.get_xlim() != (0.5, room + 0.5):
        ax.set_xlim(0.5, room + 0.5)
        ax.set_xticks(np.arange(1, room + 1))
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


def slope_curves(ax=None, reach: float = 6.0) -> dict:
    """Sigmoid over z from −reach to reach (solid), its slope sigmoid(z)(1 − sigmoid(z)) (dashed, highest,
    0.25, at z = 0, marked) and tanh's slope 1 − tanh(z)² (dotted) for comparison. Returns the artists:
    ``sigmoid``, ``slope``, ``tanh_slope`` and ``peak``.
    Introduced in chapter 12."""
    if ax is None:
        _, ax = new_axes(6.0, 2.8)
    z = np.linspace(-reach, reach, 241)
    s = 1.0 / (1.0 + np.exp(-z))
    (sigmoid_line,) = ax.plot(z, s, "-", color=POSITIVE, linewidth=1.8, label="sigmoid(z)")
    (slope_line,) = ax.plot(z, s * (1 - s), "--", color="black", linewidth=1.8,
                            label="its slope, sigmoid(z)(1 − sigmoid(z))")
    (tanh_line,) = ax.plot(z, 1 - np.tanh(z) ** 2, ":", color=TOTAL, linewidth=1.5, label="tanh's slope, 1 − tanh(z)²")
    (peak,) = ax.plot([0], [0.25], "o", color="black", markersize=5)
    ax.annotate("0.25 at z = 0", (0, 0.25), xytext=(1.2, 0.33), fontsize=8, arrowprops={"arrowstyle": "->"})
    ax.set_xlim(-reach, reach)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("z")
    ax.grid(True, linewidth=0.5, color="#dddddd")
    ax.legend(fontsize=7, loc="upper left")
    return {"sigmoid": sigmoid_line, "slope": slope_line, "tanh_slope": tanh_line, "peak": peak}


def describe_slope_curves(reach: float = 6.0) -> str:
    """A one-line text summary of ``slope_curves``, with the slopes computed at 0 and at ±4.
    Introduced in chapter 12."""
    def slope(z: float) -> float:
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1 - s)

    return (f"Sigmoid (solid) rises from 0 to 1 as z goes from {format_number(-reach)} to {format_number(reach)}; "
            f"its slope (dashed) is highest at z = 0, where it is {format_number(slope(0.0), 3)}, and only "
            f"{format_number(slope(4.0), 3)} at z = ±4; tanh's slope (dotted) reaches {format_number(1 - np.tanh(0.0) ** 2)} at z = 0.")
