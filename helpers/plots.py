"""The pictures of the course, drawn with matplotlib.

Each function takes ``ax=None`` (a new figure is made when no axes is given) and returns the
artists it draws, so that a widget can keep them and update them in place instead of redrawing.
Colour is never the only cue: negative bars are also hatched, negative edges and arrows dashed,
zero edges dotted, and every bar and edge carries its value.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import OrderedDict
from typing import NamedTuple

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

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

    Texts are the slow part of a redraw (about 0.5 ms each, most of it FreeType laying out and
    rendering glyphs), and most of them read the same after a slider moves. So each moving text
    is drawn once, alone, on a transparent scratch canvas; its pixels are kept under a key made of
    everything that shapes them (string, position, font, colours, box), and pasted with alpha
    blending while the key is unchanged.
    """

    SPRITES_KEPT = 256  #: the most recently used text images kept (a redraw uses a few dozen)

    def __init__(self, figure: Figure, moving):
        # Drawn in the order a full redraw would use: by zorder, then in the order given.
        self.figure, self.moving = figure, sorted(moving, key=lambda artist: artist.get_zorder())
        for artist in self.moving:
            artist.set_animated(True)  # left out of the background, drawn on top each time
        self._background, self._limits = None, None
        self._sprites: OrderedDict = OrderedDict()
        self._scratch = None

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
            if type(artist) is Text:  # plain texts only: an Annotation also draws its arrow
                self._paste_text(artist)
            else:
                self.figure.draw_artist(artist)
        return png_bytes(np.asarray(canvas.buffer_rgba()))

    def _text_key(self, text: Text, renderer):
        """Everything that decides the pixels of ``text``."""
        x, y = text.get_transform().transform(text.get_unitless_position())
        patch = text.get_bbox_patch()
        box = None if patch is None else (
            str(patch.get_boxstyle()), patch.get_facecolor(), patch.get_edgecolor(), patch.get_linewidth(),
            patch.get_linestyle(), patch.get_alpha(),
        )
        return (
            text.get_text(), round(float(x), 3), round(float(y), 3), to_rgba(text.get_color(), text.get_alpha()),
            hash(text.get_fontproperties()), text.get_horizontalalignment(), text.get_verticalalignment(),
            text.get_rotation(), text.get_visible(),
            box, renderer.width, renderer.height, renderer.dpi,
        )

    def _paste_text(self, text: Text) -> None:
        renderer = self.figure.canvas.get_renderer()
        if not text.get_visible() or not text.get_text():
            return
        key = self._text_key(text, renderer)
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = self._sprites[key] = self._render_text(text, renderer)
            if len(self._sprites) > self.SPRITES_KEPT:
                self._sprites.popitem(last=False)
        else:
            self._sprites.move_to_end(key)
        if sprite is None:  # nothing visible
            return
        (row, column), colour, opacity = sprite
        target = np.asarray(renderer.buffer_rgba())
        region = target[row:row + colour.shape[0], column:column + colour.shape[1], :3]
        region[...] = (colour + region * (1.0 - opacity) + 0.5).astype(np.uint8)

    def _render_text(self, text: Text, renderer):
        """Draw ``text`` alone on a transparent canvas; return where its pixels go and the pixels."""
        if self._scratch is None or (self._scratch.width, self._scratch.height) != (renderer.width, renderer.height):
            self._scratch = RendererAgg(int(renderer.width), int(renderer.height), renderer.dpi)
        scratch = self._scratch
        text.draw(scratch)
        pixels = np.asarray(scratch.buffer_rgba())
        extent = text.get_window_extent(scratch)
        if text.get_bbox_patch() is not None:
            extent = Bbox.union([extent, text.get_bbox_patch().get_window_extent(scratch)])
        height, width = pixels.shape[:2]
        left, right = max(0, int(extent.x0) - 3), min(width, int(np.ceil(extent.x1)) + 3)
        top, bottom = max(0, int(height - extent.y1) - 3), min(height, int(np.ceil(height - extent.y0)) + 3)
        if left >= right or top >= bottom:
            scratch.clear()
            return None
        patch = pixels[top:bottom, left:right].astype(np.float32)
        scratch.clear()
        opacity = patch[..., 3:] / 255.0
        return (top, left), patch[..., :3] * opacity, opacity


def png_bytes(rgba: np.ndarray) -> bytes:
    """An RGBA image (rows from the top, shape (height, width, 4), uint8) as PNG bytes, made fast.

    Rows are stored unfiltered and compressed at zlib's fastest level: about half the time
    Pillow takes with its row filters, for a PNG slightly larger -- quicker to make than to send.
    """
    height, width = rgba.shape[:2]
    rows = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 (none) for every row
    rows[:, 1:] = rgba.reshape(height, -1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits per channel, RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + chunk(b"IEND", b""))


def steady_limit(current: float, needed: float) -> float:
    """An axis limit for ``needed``: the ``current`` one while it is big enough and not more than
    twice too big, else the next ``nice_limit``. So a slider moving back and forth across a
    boundary does not make the axis (and the whole picture) redraw on every step.

    >>> steady_limit(2.5, 1.9), steady_limit(2.5, 2.6), steady_limit(2.5, 1.0)
    (2.5, 5.0, 1.0)
    """
    return float(current) if 0.5 * current <= needed <= current else nice_limit(needed)


def nice_limit(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value`` (> 0).

    Axis ranges jump between such values, so they change rarely while a slider moves.

    >>> nice_limit(2.9), nice_limit(0.3), nice_limit(11)
    (5.0, 0.5, 20.0)
    """
    power = 10.0 ** np.floor(np.log10(value))
    return float(next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value))


def contribution_bars(inputs, weights, ax=None, bias=None):
    """One bar per input for its contribution ``input × weight``, and a last bar for their sum.

    With a ``bias`` (chapter 02), a bar for the bias comes before the last bar, which is then
    ``z``, the sum of the contributions and the bias.
    Returns a dict of the artists: ``bars`` (the bar container), ``labels`` (value texts),
    ``zero`` (the axis line). ``update_contribution_bars`` moves them to new numbers.
    Introduced in chapter 01; the bias bar in chapter 02.
    """
    if ax is None:
        _, ax = new_axes()
    heights = _contributions(inputs, weights, bias)
    n_inputs = len(heights) - (1 if bias is None else 2)
    names = [f"x{i + 1}·w{i + 1}" for i in range(n_inputs)] + (["sum"] if bias is None else ["bias", "z"])
    bars = ax.bar(names, heights, edgecolor="black", linewidth=0.8)
    labels = [ax.text(i, 0, "", ha="center", fontsize=9) for i in range(len(heights))]
    zero = ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("contribution")
    ax.set_title("What each input adds to the sum" if bias is None else "The sum, the bias and z", fontsize=10)
    artists = {"bars": bars, "labels": labels, "zero": zero}
    update_contribution_bars(artists, inputs, weights, bias)
    return artists


def update_contribution_bars(artists, inputs, weights, bias=None) -> np.ndarray:
    """Move the bars and labels of ``contribution_bars`` to new inputs and weights (and bias).

    Returns the heights drawn: the contributions, then their sum
    (with a bias: the contributions, the bias, then z = their sum plus the bias).
    """
    heights = _contributions(inputs, weights, bias)
    if len(heights) != len(artists["bars"]):
        raise ValueError(
            f"these bars were drawn for {len(artists['bars'])} values, but got {len(heights)} "
            f"({len(heights) - (1 if bias is None else 2)} inputs{'' if bias is None else ' and a bias'})."
        )
    for bar, label, height, is_total in zip(
        artists["bars"], artists["labels"], heights, [False] * (len(heights) - 1) + [True]
    ):
        bar.set_height(height)
        bar.set_facecolor(TOTAL if is_total else POSITIVE if height >= 0 else NEGATIVE)
        bar.set_hatch("//" if height < 0 else "")
        label.set_position((label.get_position()[0], height))
        label.set_text(maths.format_number(height, decimals=2))
        label.set_verticalalignment("bottom" if height >= 0 else "top")
    ax = artists["bars"][0].axes
    old_bottom, old_top = ax.get_ylim()
    top = steady_limit(old_top, max(1.0, float(heights.max()) * 1.2))
    low = float(heights.min())
    # Below zero, at least a quarter of the height above: the range then changes rarely while a
    # small negative bar (a bias near 0) moves, and each change means a full redraw.
    bottom = -steady_limit(-old_bottom, max(-low * 1.2, 0.25 * top)) if low < 0 else -0.1 * top
    ax.set_ylim(bottom, top)
    return heights


def describe_contributions(heights, bias: bool = False) -> str:
    """A one-line text summary of the contribution bars drawn with these ``heights``.

    With ``bias=True`` the heights are the contributions, the bias and z (chapter 02).
    """
    values = list(heights)
    products = values[:-2] if bias else values[:-1]
    parts = [f"x{i + 1}·w{i + 1} = {maths.format_number(p, decimals=2)}" for i, p in enumerate(products)]
    if bias:
        return (f"Contributions: {', '.join(parts)}; bias = {maths.format_number(values[-2], decimals=2)}; "
                f"z = {maths.format_number(values[-1], decimals=2)}.")
    return f"Contributions: {', '.join(parts)}; sum = {maths.format_number(values[-1], decimals=2)}."


def _contributions(inputs, weights, bias=None) -> np.ndarray:
    """Each input times its weight, followed by their sum (with a bias: the bias, then z)."""
    total = maths.weighted_sum(inputs, weights)  # also checks the shapes
    products = np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)
    if bias is None:
        return np.append(products, total)
    z = maths.neuron(inputs, weights, bias, activation=None)  # also checks the bias
    return np.append(products, [float(bias), z])


def new_axes_row(n: int, width: float = 8.4, height: float = 2.8):
    """A fresh ``Figure`` with ``n`` axes side by side; returns the figure and the list of axes.

    Introduced in chapter 02.
    """
    figure = Figure(figsize=(width, height), dpi=80, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, list(np.atleast_1d(figure.subplots(1, n)))


LINE_STYLES = ["-", "--", ":", "-."]
LINE_COLOURS = [POSITIVE, NEGATIVE, "#2ca02c", "#9467bd"]


def curves(xs, named_values: dict, ax=None, xlabel: str = "input", ylabel: str = "output"):
    """Several curves over the same ``xs``, each with its own colour *and* line style, and a legend.

    ``named_values`` maps a legend label to the y values. Returns the list of lines.
    Introduced in chapter 02.
    """
    if ax is None:
        _, ax = new_axes()
    xs = maths.as_numbers(xs, "xs", ndim=1)
    lines = []
    for k, (label, ys) in enumerate(named_values.items()):
        ys = maths.as_numbers(ys, label, ndim=1)
        if ys.shape != xs.shape:
            raise ValueError(f"{label} has {ys.size} values but xs has {xs.size}; give one y per x.")
        (line,) = ax.plot(xs, ys, LINE_STYLES[k % 4], color=LINE_COLOURS[k % 4], linewidth=2, label=label)
        lines.append(line)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, loc="upper center")
    return lines


# ---------------------------------------------------------------------------
# An activation function, with the neuron's z marked (chapter 02)
# ---------------------------------------------------------------------------

def _activation_limits(name: str, z: float, current: float = 4.0) -> tuple[tuple[float, float], tuple[float, float]]:
    """The x and y ranges that show this activation around ``z``; they change in jumps, rarely."""
    lim = steady_limit(current, max(4.0, abs(z) * 1.1))
    y_range = {
        "ReLU": (-0.1 * lim, 1.05 * lim),
        "sigmoid": (-0.1, 1.1),
        "tanh": (-1.15, 1.15),
    }.get(name, (-lim, lim))
    return (-lim, lim), y_range


def activation_plot(activation, z: float = 0.0, ax=None):
    """The curve of an activation (``"ReLU"``, ``"sigmoid"``, ``"tanh"`` or ``"none"``), with a
    marker on it at the neuron's ``z`` and a dotted line from z on the axis up to the output.

    Returns a dict of the artists, bottom to top: ``curve``, ``guide`` (the dotted line), ``marker``,
    ``label`` (the text "z = … → …") and ``title``. ``update_activation_plot`` moves them.
    Introduced in chapter 02.
    """
    if ax is None:
        _, ax = new_axes(3.6, 2.8)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.axvline(0, color="black", linewidth=0.6)
    (curve,) = ax.plot([], [], color=POSITIVE, linewidth=2)
    (guide,) = ax.plot([], [], ":", color=TOTAL, linewidth=1.2)
    (marker,) = ax.plot([], [], "o", color=NEGATIVE, markersize=8, markeredgecolor="black")
    label = ax.text(0, 0, "", fontsize=9, ha="left", va="bottom",
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    ax.set_xlabel("z (weighted sum + bias)")
    ax.set_ylabel("output")
    title = ax.set_title("", fontsize=10)
    artists = {"curve": curve, "guide": guide, "marker": marker, "label": label, "title": title}
    update_activation_plot(artists, activation, z)
    return artists


def update_activation_plot(artists, activation, z: float) -> tuple[float, float]:
    """Draw the curve of ``activation`` and move the marker to ``z``. Returns ``(z, output)`` drawn."""
    function = maths._activation_function(activation)
    name = maths._activation_name(activation) or "none"
    z = maths._as_scalar(z, "z")
    y = z if function is None else float(function(z))
    ax = artists["curve"].axes
    (x_low, x_high), y_range = _activation_limits(name, z, current=ax.get_xlim()[1])
    xs = np.linspace(x_low, x_high, 201)
    artists["curve"].set_data(xs, xs if function is None else function(xs))
    artists["marker"].set_data([z], [y])
    artists["guide"].set_data([z, z], [0.0, y])
    artists["label"].set_text(f"z = {maths.format_number(z, 2)} → {maths.format_number(y, 2)}")
    # The label sits beside the marker, on the side with more room.
    right = z < 0.35 * x_high
    artists["label"].set_position((z + (0.04 if right else -0.04) * x_high, y))
    artists["label"].set_horizontalalignment("left" if right else "right")
    artists["label"].set_verticalalignment("top" if y > 0.6 * y_range[1] else "bottom")
    artists["title"].set_text("no activation: output = z" if function is None else f"{name}(z)")
    ax.set_xlim(x_low, x_high)
    ax.set_ylim(*y_range)
    return z, y


def describe_activation(activation, z: float, output: float) -> str:
    """A one-line text summary of ``activation_plot`` with the marker at ``(z, output)``."""
    name = maths._activation_name(activation)
    curve = "the line output = z (no activation)" if name is None else f"the {name} curve"
    return (f"On {curve}, the marker sits at z = {maths.format_number(z, 2)}, "
            f"output {maths.format_number(output, 2)}.")


# ---------------------------------------------------------------------------
# The whole neuron as one flow diagram (chapter 02)
# ---------------------------------------------------------------------------

def _box(ax, x, y, text, **style):
    options = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "black", "linewidth": 1}
    options.update(style)
    return ax.text(x, y, text, ha="center", va="center", fontsize=10, bbox=options, zorder=3)


def _arrow(ax, source, target, linestyle="-", linewidth=1.2, colour="black"):
    """An arrow from the right edge of the ``source`` text box to the left edge of ``target``."""
    return ax.annotate(
        "", xy=(0, 0.5), xycoords=target, xytext=(1, 0.5), textcoords=source,
        arrowprops={"arrowstyle": "-|>", "linestyle": linestyle, "linewidth": linewidth, "color": colour,
                    "shrinkA": 7, "shrinkB": 7},
        zorder=1,
    )


def neuron_flow(inputs, weights, bias=0.0, activation="ReLU", ax=None):
    """The whole neuron drawn as one flow: inputs → × weights → add → + bias → activation → output,
    with every intermediate number written in.

    Arrows carrying a negative weight are dashed and red; the weight is written on each arrow.
    Returns a dict of the artists: ``stages`` (the stage titles), ``boxes`` (the texts in the
    boxes, in order of the flow) and ``arrows``.
    Introduced in chapter 02.
    """
    z = maths.neuron(inputs, weights, bias, activation=None)  # checks every argument
    function = maths._activation_function(activation)
    name = maths._activation_name(activation)
    output = z if function is None else float(function(z))
    x = maths.as_numbers(inputs, "inputs")
    w = maths.as_numbers(weights, "weights")
    if ax is None:
        _, ax = new_axes(9.6, 3.2)
    n = len(x)
    rows = np.linspace(1, -1, n) if n > 1 else np.zeros(1)
    f = maths.format_number
    columns = {"inputs": 0.0, "× weights": 2.4, "add": 4.6, "+ bias": 6.4, "activation": 8.3, "output": 10.2}
    stages = [ax.text(cx, 1.75, title, ha="center", va="center", fontsize=10, fontweight="bold")
              for title, cx in columns.items()]
    cx = list(columns.values())
    inputs_boxes = [_box(ax, cx[0], row, f"x{i + 1} = {f(xi)}", boxstyle="circle,pad=0.3")
                    for i, (xi, row) in enumerate(zip(x, rows))]
    def factor(value):  # negative factors in brackets, as in maths.neuron_formula
        return f"({f(value)})" if value < 0 else f(value)

    product_boxes = [_box(ax, cx[1], row, f"{factor(xi)}×{factor(wi)} = {f(xi * wi)}")
                     for xi, wi, row in zip(x, w, rows)]
    total = float(x @ w)
    sum_box = _box(ax, cx[2], 0, f"sum\n{f(total)}", boxstyle="circle,pad=0.25")
    bias_box = _box(ax, cx[3], 0, f"{f(total)} {'−' if bias < 0 else '+'} {f(abs(bias))}\nz = {f(z)}")
    activation_box = _box(ax, cx[4], 0, f"{name}({f(z)})" if name else f"none: {f(z)}", facecolor="#f2f2f2")
    output_box = _box(ax, cx[5], 0, f(output), boxstyle="circle,pad=0.3", linewidth=2)
    boxes = [*inputs_boxes, *product_boxes, sum_box, bias_box, activation_box, output_box]
    arrows = []
    for i, (wi, row, source, target) in enumerate(zip(w, rows, inputs_boxes, product_boxes)):
        negative = wi < 0
        colour = NEGATIVE if negative else POSITIVE
        arrows.append(_arrow(ax, source, target, "--" if negative else "-", 1 + 2 * min(abs(wi), 1.5), colour))
        ax.text((cx[0] + cx[1]) / 2, row + 0.12, f"w{i + 1} = {f(wi)}", ha="center", va="bottom",
                fontsize=9, color=colour)
    arrows += [_arrow(ax, source, sum_box) for source in product_boxes]
    arrows += [_arrow(ax, a, b) for a, b in [(sum_box, bias_box), (bias_box, activation_box),
                                             (activation_box, output_box)]]
    ax.set_xlim(-0.9, 11.0)
    ax.set_ylim(-1.45, 2.0)
    ax.set_axis_off()
    return {"stages": stages, "boxes": boxes, "arrows": arrows}


# ---------------------------------------------------------------------------
# A layer of neurons as a network diagram (chapter 03)
# ---------------------------------------------------------------------------

EDGE_WIDTH_PER_UNIT = 3.0  #: an edge's line width is this times |weight| (at least MIN_EDGE_WIDTH)
MIN_EDGE_WIDTH = 0.6
ZERO = "#999999"  # grey: an edge whose weight is 0


class EdgeStyle(NamedTuple):
    """How one edge of the layer diagram is drawn: its width, line style, colour and label."""

    width: float
    linestyle: str  #: "-" positive (solid), "--" negative (dashed), ":" zero (dotted)
    colour: str
    label: str


class LayerDrawing(NamedTuple):
    """What ``layer_diagram`` shows for given x, W, b: the values and how each edge is drawn."""

    x: np.ndarray
    z: np.ndarray
    h: np.ndarray
    edges: list  #: edges[j][i] is the EdgeStyle of the edge from input i to neuron j


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
        maths.format_number(weight, 2),
    )


def layer_drawing(x, W, b) -> LayerDrawing:
    """The values and edge styles ``layer_diagram`` draws for a layer with ReLU (no drawing).

    Introduced in chapter 03.
    """
    z = maths.dense(x, W, b)  # checks the shapes
    W = np.asarray(W, dtype=float)
    return LayerDrawing(
        x=np.asarray(x, dtype=float), z=z, h=maths.relu(z),
        edges=[[edge_style(w) for w in row] for row in W],
    )


def _layer_positions(n_inputs: int, n_neurons: int):
    """The heights of the input circles and of the neuron circles, both spread over the same span."""
    half = 0.6 * (max(n_inputs, n_neurons) - 1)

    def spread(n):
        return np.linspace(half, -half, n) if n > 1 else np.zeros(1)

    return spread(n_inputs), spread(n_neurons)


INPUT_X, NEURON_X = 0.0, 5.0
# How far along each edge (from input to neuron) its weight is written: a different distance for
# each input, so the labels of edges that meet at one neuron stand apart.
LABEL_AT = (0.84, 0.71, 0.58, 0.77, 0.64)


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
    in_y, out_y = _layer_positions(n_inputs, n_neurons)
    edges, edge_labels = [], []
    for j, yj in enumerate(out_y):
        row, row_labels = [], []
        for i, yi in enumerate(in_y):
            (line,) = ax.plot([INPUT_X, NEURON_X], [yi, yj], solid_capstyle="butt", zorder=1)
            t = LABEL_AT[i % len(LABEL_AT)]
            text = ax.text(INPUT_X + t * (NEURON_X - INPUT_X), yi + t * (yj - yi), "", fontsize=8,
                           ha="center", va="center", zorder=3,
                           bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none"})
            row.append(line)
            row_labels.append(text)
        edges.append(row)
        edge_labels.append(row_labels)
    circle = {"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": "black", "linewidth": 1.2}
    inputs = []
    for i, yi in enumerate(in_y):
        ax.text(INPUT_X - 0.55, yi, f"x[{i}]", ha="right", va="center", fontsize=10)
        inputs.append(ax.text(INPUT_X, yi, "", ha="center", va="center", fontsize=9, zorder=4, bbox=circle))
    neurons, biases, outputs = [], [], []
    for j, yj in enumerate(out_y):
        neurons.append(ax.text(NEURON_X, yj, f"{j}", ha="center", va="center", fontsize=10, zorder=4,
                               bbox={**circle, "facecolor": "#f2f2f2"}))
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
    f = maths.format_number
    b = np.asarray(b, dtype=float)
    for row, row_labels, styles in zip(artists["edges"], artists["edge_labels"], drawing.edges):
        for line, text, style in zip(row, row_labels, styles):
            line.set_linewidth(style.width)
            line.set_linestyle(style.linestyle)
            line.set_color(style.colour)
            text.set_text(style.label)
            text.set_color(style.colour)
    for text, value in zip(artists["inputs"], drawing.x):
        text.set_text(f(value, 2))
    for j, (bias_text, output_text) in enumerate(zip(artists["biases"], artists["outputs"])):
        bias_text.set_text(f"b[{j}] = {f(b[j], 2)}")
        output_text.set_text(f"z = {f(drawing.z[j], 2)} → h = {f(drawing.h[j], 2)}")
    return drawing


def describe_layer_diagram(drawing: LayerDrawing) -> str:
    """A one-line text summary of what ``layer_diagram`` shows for this ``LayerDrawing``."""
    f = maths.format_number
    styles = [style.linestyle for row in drawing.edges for style in row]
    counts = [(styles.count("-"), "solid (positive)"), (styles.count("--"), "dashed (negative)"),
              (styles.count(":"), "dotted (zero)")]
    edges = ", ".join(f"{count} {what}" for count, what in counts if count)

    def listed(values):
        return "[" + ", ".join(f(v, 2) for v in values) + "]"

    return (f"Inputs x = {listed(drawing.x)}; z = {listed(drawing.z)}; ReLU outputs h = {listed(drawing.h)}. "
            f"{len(styles)} edges: {edges}.")
