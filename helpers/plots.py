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
from matplotlib import colormaps
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import ListedColormap, Normalize, to_rgba
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import FancyArrow, FancyBboxPatch, Polygon, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox, IdentityTransform

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


def show(figure: Figure, summary: str) -> None:
    """Show a figure in a notebook with its one-line text summary above it.

    The summary says in words what the picture shows, for anyone who cannot see it, and it is the
    part of the output that the tests compare (the PNG itself is not compared).
    """
    from IPython.display import Image as PNG, display  # only needed inside a notebook

    print(summary)
    display(PNG(data=figure_png(figure)))


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
    """An axis limit for ``needed``: the ``current`` one while it is big enough and not much too
    big (``needed`` at least 40% of it), else the next ``nice_limit``. The 40% is below the
    largest step between nice limits (2 to 5), so a slider moving back and forth across a
    boundary does not make the axis, and the whole picture, redraw on every step.

    >>> steady_limit(2.5, 1.9), steady_limit(2.5, 2.6), steady_limit(5.0, 2.3), steady_limit(2.5, 0.9)
    (2.5, 5.0, 5.0, 1.0)
    """
    return float(current) if 0.4 * current <= needed <= current else nice_limit(needed)


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
    return LayerDrawing(x=np.asarray(x, dtype=float), z=z, h=maths.relu(z), edges=_edge_styles(W))


def _edge_styles(W) -> list:
    """The ``EdgeStyle`` of every weight of ``W``, as rows like ``W``'s."""
    return [[edge_style(w) for w in row] for row in np.asarray(W, dtype=float)]


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
CIRCLE = {"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": "black", "linewidth": 1.2}


def _dense_edges(ax, source, target, label_at=LABEL_AT):
    """A line and a value label for every edge of a layer, from the nodes at ``source`` to those at
    ``target`` (each ``(x, heights)``), as rows like ``W``'s: ``[j][i]`` from source i to target j.
    Returns ``(edges, labels)``; ``_restyle_edges`` styles them by weight."""
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


def _restyle_edges(edges, labels, styles) -> None:
    """Give the edges and labels of ``_dense_edges`` their ``EdgeStyle`` (rows ``[j][i]``)."""
    for row, row_labels, row_styles in zip(edges, labels, styles):
        for line, text, style in zip(row, row_labels, row_styles):
            line.set_linewidth(style.width)
            line.set_linestyle(style.linestyle)
            line.set_color(style.colour)
            text.set_text(style.label)
            text.set_color(style.colour)


def _input_circles(ax, at: float, heights) -> list:
    """One circle per input, labelled ``x[i]`` on its left; returns the circles' (empty) texts."""
    circles = []
    for i, yi in enumerate(heights):
        ax.text(at - 0.55, yi, f"x[{i}]", ha="right", va="center", fontsize=10)
        circles.append(ax.text(at, yi, "", ha="center", va="center", fontsize=9, zorder=4, bbox=CIRCLE))
    return circles


def _edge_counts(styles) -> str:
    """How many edges are drawn, and how many of each line style: ``6 edges: 4 solid (positive), …``."""
    found = [style.linestyle for row in styles for style in row]
    counts = [(found.count("-"), "solid (positive)"), (found.count("--"), "dashed (negative)"),
              (found.count(":"), "dotted (zero)")]
    return f"{len(found)} edges: " + ", ".join(f"{count} {what}" for count, what in counts if count)


def _listed(values) -> str:
    """Values as the diagrams' summaries write them: ``[1.9, −2, 2.5]``."""
    return "[" + ", ".join(maths.format_number(v, 2) for v in values) + "]"


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
    edges, edge_labels = _dense_edges(ax, (INPUT_X, in_y), (NEURON_X, out_y))
    inputs = _input_circles(ax, INPUT_X, in_y)
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
    f = maths.format_number
    b = np.asarray(b, dtype=float)
    _restyle_edges(artists["edges"], artists["edge_labels"], drawing.edges)
    for text, value in zip(artists["inputs"], drawing.x):
        text.set_text(f(value, 2))
    for j, (bias_text, output_text) in enumerate(zip(artists["biases"], artists["outputs"])):
        bias_text.set_text(f"b[{j}] = {f(b[j], 2)}")
        output_text.set_text(f"z = {f(drawing.z[j], 2)} → h = {f(drawing.h[j], 2)}")
    return drawing


def describe_layer_diagram(drawing: LayerDrawing) -> str:
    """A one-line text summary of what ``layer_diagram`` shows for this ``LayerDrawing``."""
    return (f"Inputs x = {_listed(drawing.x)}; z = {_listed(drawing.z)}; ReLU outputs h = {_listed(drawing.h)}. "
            f"{_edge_counts(drawing.edges)}.")


# ---------------------------------------------------------------------------
# A two-layer network as a diagram (chapters 04 and 05)
# ---------------------------------------------------------------------------

HIDDEN_X, OUTPUT_X = NEURON_X, 2 * NEURON_X
# Where the weights are written along the edges of a network: nearer the middle than in
# ``layer_diagram``, so that no label hides under the boxes of the hidden and output neurons.
NETWORK_LABEL_AT = (0.66, 0.52, 0.38, 0.59, 0.45)
BOX_WIDTH, BOX_HEIGHT = 1.7, 0.46  #: a neuron's box in a network diagram, in data units
ROW = 0.11  #: half the distance between the two lines of text in a neuron's box


class NetworkDrawing(NamedTuple):
    """What ``network_diagram`` shows for a two-layer network: every value, and how each edge is drawn."""

    x: np.ndarray
    z1: np.ndarray
    h: np.ndarray
    z2: np.ndarray
    y: np.ndarray
    edges1: list  #: edges1[j][i] is the EdgeStyle of W1[j, i], the edge from input i to hidden neuron j
    edges2: list  #: edges2[k][j] is the EdgeStyle of W2[k, j], the edge from hidden neuron j to output k
    hidden_off: np.ndarray   #: True for each hidden neuron whose ReLU gives 0 (drawn in a dashed box)
    outputs_off: np.ndarray  #: the same for the outputs (never True without a ReLU at the output)


def network_drawing(x, W1, b1, W2, b2, output_activation="ReLU") -> NetworkDrawing:
    """The values and edge styles ``network_diagram`` draws for one input ``x`` (no drawing).

    Shapes as in ``maths.two_layer_network``, with one input ``x`` of shape (n_inputs,).
    Introduced in chapter 04.

    >>> drawing = network_drawing([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    >>> drawing.h, drawing.hidden_off, drawing.y
    (array([1., 0.]), array([False,  True]), array([1.5]))
    """
    x = maths.as_numbers(x, "x", ndim=1)  # one input, not a batch
    result = maths.two_layer_network(x, W1, b1, W2, b2, output_activation)  # checks the shapes
    relu_output = maths._activation_name(output_activation) == "ReLU"
    return NetworkDrawing(x, *result, _edge_styles(W1), _edge_styles(W2),
                          hidden_off=result.h == 0, outputs_off=(result.y == 0) & relu_output)


def _neuron_boxes(ax, at: float, heights, names: tuple[str, str, str]) -> dict:
    """A box per neuron with its z and activation written in it, and its bias above it.

    The names (``z1[j] =``, ``h[j] =``) and the grey fill never change: they are drawn once, and
    only the numbers, the biases and the boxes' outlines are returned to be updated."""
    z_name, a_name, b_name = names
    drawn = {"z": [], "a": [], "biases": [], "boxes": []}
    for j, yj in enumerate(heights):
        corner, size = (at - BOX_WIDTH / 2, yj - BOX_HEIGHT / 2), (BOX_WIDTH, BOX_HEIGHT)
        ax.add_patch(FancyBboxPatch(corner, *size, boxstyle="round,pad=0.04", facecolor="#f2f2f2",
                                    edgecolor="none", zorder=2))
        drawn["boxes"].append(ax.add_patch(FancyBboxPatch(corner, *size, boxstyle="round,pad=0.04",
                                                          facecolor="none", linewidth=1.2, zorder=4)))
        for row, name, key in [(ROW, z_name, "z"), (-ROW, a_name, "a")]:
            ax.text(at + 0.02, yj + row, f"{name}[{j}] =", ha="right", va="center", fontsize=8, zorder=3)
            drawn[key].append(ax.text(at + 0.1, yj + row, "", ha="left", va="center", fontsize=8, zorder=3))
        drawn["biases"].append(ax.text(at, yj + BOX_HEIGHT / 2 + 0.08, "", ha="center", va="bottom", fontsize=8))
    return drawn


def network_diagram(x, W1, b1, W2, b2, output_activation="ReLU", ax=None):
    """A two-layer network drawn as circles, boxes and edges: the inputs (left), the hidden neurons
    (middle), the output neurons (right), and an edge for every weight, styled as in ``layer_diagram``.

    Each neuron is a box holding its z and its activation (``z1[j]`` and ``h[j]``; ``z2[k]`` and
    ``y[k]``), with its bias written above it; a neuron whose ReLU gives 0 has a dashed box.
    The edge from input ``i`` to hidden neuron ``j`` carries ``W1[j, i]``; from hidden neuron ``j``
    to output ``k``, ``W2[k, j]``.
    Returns a dict of the artists: ``edges1``, ``edge_labels1``, ``edges2``, ``edge_labels2`` (lists
    of rows, as W1 and W2), ``inputs`` (the input circles with their values), and the numbers
    ``z1``, ``h``, ``z2``, ``y``, ``biases1``, ``biases2`` and box outlines ``hidden_boxes``,
    ``output_boxes``, one per neuron. ``update_network_diagram`` moves them to new numbers.
    Introduced in chapter 04.
    """
    drawing = network_drawing(x, W1, b1, W2, b2, output_activation)
    if ax is None:
        _, ax = new_axes(8.6, 4.0)
    sizes = len(drawing.x), len(drawing.h), len(drawing.y)
    in_y, hidden_y, out_y = (_layer_positions(max(sizes), n)[1] for n in sizes)
    # The edges end at the sides of the boxes, so that the boxes can be drawn once, under the numbers.
    side = BOX_WIDTH / 2 + 0.04
    edges1, edge_labels1 = _dense_edges(ax, (INPUT_X, in_y), (HIDDEN_X - side, hidden_y), NETWORK_LABEL_AT)
    edges2, edge_labels2 = _dense_edges(ax, (HIDDEN_X + side, hidden_y), (OUTPUT_X - side, out_y), NETWORK_LABEL_AT)
    inputs = _input_circles(ax, INPUT_X, in_y)
    hidden = _neuron_boxes(ax, HIDDEN_X, hidden_y, ("z1", "h", "b1"))
    outputs = _neuron_boxes(ax, OUTPUT_X, out_y, ("z2", "y", "b2"))
    top = max(in_y.max(), hidden_y.max(), out_y.max()) + 0.75
    name = maths._activation_name(output_activation)
    plural = "s" if len(drawing.y) > 1 else ""
    for at, title in [(INPUT_X, "inputs x"), (HIDDEN_X, "hidden layer (ReLU)"),
                      (OUTPUT_X, f"output{plural} ({name or 'no activation'})")]:
        ax.text(at, top, title, ha="center", fontsize=9, fontweight="bold")
    ax.set_xlim(INPUT_X - 1.4, OUTPUT_X + 1.2)
    ax.set_ylim(-top + 0.35, top + 0.3)
    ax.set_axis_off()
    artists = {"edges1": edges1, "edge_labels1": edge_labels1, "edges2": edges2, "edge_labels2": edge_labels2,
               "inputs": inputs, "z1": hidden["z"], "h": hidden["a"], "biases1": hidden["biases"],
               "hidden_boxes": hidden["boxes"], "z2": outputs["z"], "y": outputs["a"],
               "biases2": outputs["biases"], "output_boxes": outputs["boxes"]}
    update_network_diagram(artists, x, W1, b1, W2, b2, output_activation)
    return artists


def network_moving_artists(artists) -> list:
    """Every artist of a ``network_diagram`` that changes when the numbers do (for ``LivePicture``)."""
    return [artist for key, value in artists.items()
            for artist in (sum(value, []) if key.startswith("edge") else value)]


def update_network_diagram(artists, x, W1, b1, W2, b2, output_activation="ReLU") -> NetworkDrawing:
    """Move the edges and texts of ``network_diagram`` to new values (with the activation it was
    drawn with). Returns the ``NetworkDrawing`` drawn."""
    drawing = network_drawing(x, W1, b1, W2, b2, output_activation)
    drawn = len(artists["inputs"]), len(artists["h"]), len(artists["y"])
    given = len(drawing.x), len(drawing.h), len(drawing.y)
    if given != drawn:
        raise ValueError(f"this diagram was drawn for {drawn[0]} inputs, {drawn[1]} hidden neurons and "
                         f"{drawn[2]} outputs, but got {given[0]}, {given[1]} and {given[2]}.")
    _restyle_edges(artists["edges1"], artists["edge_labels1"], drawing.edges1)
    _restyle_edges(artists["edges2"], artists["edge_labels2"], drawing.edges2)
    f = maths.format_number
    for text, value in zip(artists["inputs"], drawing.x):
        text.set_text(f(value, 2))
    for key, values in [("z1", drawing.z1), ("h", drawing.h), ("z2", drawing.z2), ("y", drawing.y)]:
        for text, value in zip(artists[key], values):
            text.set_text(f(value, 2))
    for key, name, b in [("biases1", "b1", b1), ("biases2", "b2", b2)]:
        for j, (text, value) in enumerate(zip(artists[key], np.asarray(b, dtype=float))):
            text.set_text(f"{name}[{j}] = {f(value, 2)}")
    for key, off in [("hidden_boxes", drawing.hidden_off), ("output_boxes", drawing.outputs_off)]:
        for box, is_off in zip(artists[key], off):
            box.set_linestyle("--" if is_off else "-")
    return drawing


def describe_network_diagram(drawing: NetworkDrawing) -> str:
    """A one-line text summary of what ``network_diagram`` shows for this ``NetworkDrawing``."""
    off = [f"hidden {j}" for j in np.flatnonzero(drawing.hidden_off)]
    off += [f"output {k}" for k in np.flatnonzero(drawing.outputs_off)]
    return (f"Inputs x = {_listed(drawing.x)}; hidden z1 = {_listed(drawing.z1)}, h = {_listed(drawing.h)}; "
            f"outputs z2 = {_listed(drawing.z2)}, y = {_listed(drawing.y)}. "
            f"Neurons off (ReLU gives 0, dashed box): {', '.join(off) if off else 'none'}. "
            f"Layer 1: {_edge_counts(drawing.edges1)}; layer 2: {_edge_counts(drawing.edges2)}.")


# ---------------------------------------------------------------------------
# One input: where the hidden ReLUs bend the output (chapter 04)
# ---------------------------------------------------------------------------

def mark_bends(xs, ax=None):
    """A dotted grey vertical line at each x in ``xs``, with the value written above the axes:
    the places where a ReLU neuron switches on or off. Returns a dict: ``lines``, ``labels``.

    Introduced in chapter 04.
    """
    if ax is None:
        _, ax = new_axes()
    above = ax.get_xaxis_transform()  # x in data units, y from 0 (bottom) to 1 (top of the axes)
    lines, labels = [], []
    for x in maths.as_numbers(xs, "xs", ndim=1):
        lines.append(ax.axvline(x, color=ZERO, linestyle=":", linewidth=1.2))
        labels.append(ax.text(x, 1.01, maths.format_number(x, 2), transform=above, ha="center", va="bottom",
                              fontsize=8, color="#555555"))
    return {"lines": lines, "labels": labels}


# ---------------------------------------------------------------------------
# Lines to shapes: a network over the plane of its two inputs (chapter 07)
# ---------------------------------------------------------------------------

# The output's heat map: red where y < 0, white at 0, blue where y > 0; the middle of matplotlib's
# RdBu, without its darkest ends, so that the black lines drawn over it stay easy to see.
PLANE_COLOURS = ListedColormap(colormaps["RdBu"](np.linspace(0.12, 0.88, 256)), name="RdBu_middle")
PLANE_COLOUR_LIMIT = 0.5  #: the heat map's colours stop changing beyond y = ±0.5
NEURON_COLOURS = "Purples"  #: a hidden neuron's map: white where h = 0, darker as h grows
NEURON_COLOUR_LIMIT = 3.0
MARK_EVERY = 3  #: a "+" (y > 0) on every 3rd cell of the grid, each way
LINE_STYLE_NAMES = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dash-dot"}
ARROW_LENGTH = 0.7  #: the arrow from each line towards its active side, in units of the plane
TARGET = "#2ca02c"  #: green: the outline of a challenge's target shape
POSITIVE_FROM = 1e-9  #: y (or h) counts as positive above this, so a rounding error of 1e-16 is not "positive"


class BlockImage(AxesImage):
    """An ``imshow`` image drawn the way ``interpolation="nearest"`` draws it -- each cell of the
    array a block of pixels of its colour -- but made with two index arrays: a few tenths of a
    millisecond where matplotlib's general resampling takes a few milliseconds for a large image.

    ``plane_picture`` redraws its heat maps on every slider move, so this is most of its speed.
    Anything this does not cover (a rotated or log-scaled axes, RGB arrays, vector output) is left
    to ``AxesImage`` itself. Introduced in chapter 07.
    """

    def make_image(self, renderer, magnification=1.0, unsampled=False):
        data = self.get_array()
        if unsampled or data is None or data.ndim != 2 or not self.get_transform().is_affine:
            return super().make_image(renderer, magnification, unsampled)
        x_first, x_last, y_first, y_last = self.get_extent()
        (left, bottom), (right, top) = self.get_transform().transform([[x_first, y_first], [x_last, y_last]])
        drawn = Bbox.from_extents(min(left, right), min(bottom, top), max(left, right), max(bottom, top))
        clip = (self.get_clip_box() or self.axes.bbox) if self.get_clip_on() else self.get_figure(root=True).bbox
        shown = Bbox.intersection(drawn, clip)
        if shown is None:
            return None, 0, 0, None
        # Rounded to whole output pixels exactly as AxesImage rounds them, so the image meets the axes' edges.
        x0, y0, x1, y1 = shown.extents * magnification
        x0, y0 = np.floor(x0 + 0.5), np.ceil(y0 - 0.5 - 1e-8)
        x1, y1 = np.floor(x1 + 0.5 + 1e-8), np.ceil(y1 - 0.5)
        width, height = int(x1 - x0), int(y1 - y0)
        if width <= 0 or height <= 0:
            return None, 0, 0, None
        n_rows, n_columns = data.shape
        # The cell under the centre of each output pixel: columns left to right, rows bottom to top (as Agg takes them).
        across = (x0 + np.arange(width) + 0.5) / magnification
        up = (y0 + np.arange(height) + 0.5) / magnification
        columns = np.minimum(np.maximum(((across - left) / (right - left) * n_columns).astype(int), 0), n_columns - 1)
        rows = np.minimum(np.maximum(((up - bottom) / (top - bottom) * n_rows).astype(int), 0), n_rows - 1)
        if self.origin == "upper":
            rows = n_rows - 1 - rows
        colours = self.to_rgba(data, bytes=True)  # the colour map on the small array, not on every pixel
        # Each RGBA pixel moved as one 32-bit number: a quarter of the indexing work.
        pixels = np.ascontiguousarray(colours).view(np.uint32)[..., 0][rows[:, None], columns[None, :]]
        return pixels.view(np.uint8).reshape(height, width, 4), x0 / magnification, y0 / magnification, \
            IdentityTransform()


def block_imshow(ax, data, extent, cmap, vmin: float, vmax: float, origin: str = "lower") -> BlockImage:
    """Like ``ax.imshow(data, extent=..., cmap=..., vmin=..., vmax=..., origin=..., interpolation="nearest")``,
    drawn as a ``BlockImage``. Introduced in chapter 07."""
    image = BlockImage(ax, cmap=cmap, norm=Normalize(vmin, vmax), origin=origin, extent=extent,
                       interpolation="nearest")
    image.set_data(data)
    ax.add_image(image)
    ax.update_datalim([(extent[0], extent[2]), (extent[1], extent[3])])
    return image


def new_plane_figure(n_maps: int = 4):
    """A fresh ``Figure`` with the plane on the left and ``n_maps`` small maps (2 per row) on the right.

    Returns ``(figure, ax, map_axes)``. Introduced in chapter 07.
    """
    rows = max(1, (n_maps + 1) // 2)
    figure = Figure(figsize=(8.0, 4.1), dpi=80, layout="constrained")
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(rows, 4, width_ratios=(1, 1, 0.62, 0.62))
    ax = figure.add_subplot(grid[:, :2])
    map_axes = [figure.add_subplot(grid[k // 2, 2 + k % 2]) for k in range(n_maps)]
    return figure, ax, map_axes


def _plane_axes(ax, low: float, high: float, xlabel: bool = True) -> Rectangle:
    """Square axes over the plane; returns the frame drawn instead of the spines.

    The frame is one patch, drawn after the heat map (which covers the axes' edge pixels): a
    widget redraws it on top cheaply, where redrawing four spines costs about 0.2 ms per axes.
    """
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    if xlabel:
        ax.set_xlabel("x[0]")
        ax.set_ylabel("x[1]")
    for spine in ax.spines.values():
        spine.set_visible(False)
    frame = Rectangle((0, 0), 1, 1, transform=ax.transAxes, fill=False, edgecolor="black",
                      linewidth=ax.spines["left"].get_linewidth(), zorder=2.5)
    ax.add_patch(frame)
    return frame


def neuron_map(w, b, index: int = 0, ax=None, low: float = maths.PLANE_LOW, high: float = maths.PLANE_HIGH,
               n: int = maths.PLANE_CELLS):
    """One hidden neuron over the plane: its output h = ReLU(w·x + b) as a map (white where h = 0),
    its line z = 0 (in the line style of neuron ``index``), and the side where it is active hatched.

    Returns a dict of the artists: ``image``, ``region`` (the hatched polygon), ``line``, ``cover`` and
    ``off`` (a grey patch and the text "off", shown instead while the neuron is switched off) and
    ``frame`` (the axes' frame). ``update_neuron_map`` moves them.
    Introduced in chapter 07.
    """
    alone = ax is None
    if alone:
        _, ax = new_axes(3.4, 3.2)
    style = LINE_STYLES[index % len(LINE_STYLES)]
    image = block_imshow(ax, np.zeros((n, n)), (low, high, low, high), NEURON_COLOURS, 0, NEURON_COLOUR_LIMIT)
    region = Polygon(np.zeros((0, 2)), closed=True, facecolor="none", edgecolor="#555555", hatch="//",
                     linewidth=0)
    ax.add_patch(region)
    (line,) = ax.plot([], [], style, color="black", linewidth=2)
    # Shown instead of the map while the neuron is switched off.
    cover = Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor="#eeeeee", edgecolor="none", visible=False)
    ax.add_patch(cover)
    off = ax.text(0.5, 0.5, "off", transform=ax.transAxes, ha="center", va="center", fontsize=11,
                  color="#555555", visible=False)
    frame = _plane_axes(ax, low, high, xlabel=alone)
    if not alone:  # a small map among others: fewer ticks
        ax.set_xticks([low, 0, high])
        ax.set_yticks([low, 0, high])
        ax.tick_params(labelsize=7, length=2, pad=1)
    if alone:
        ax.set_title(f"neuron {index}: h[{index}] = ReLU(z1[{index}])", fontsize=10)
    else:
        ax.set_title(f"h[{index}], {LINE_STYLE_NAMES[style]} line", fontsize=8)
    artists = {"image": image, "region": region, "line": line, "cover": cover, "off": off, "frame": frame}
    update_neuron_map(artists, w, b)
    return artists


def update_neuron_map(artists, w, b, h=None) -> None:
    """Move a ``neuron_map`` to new weights ``w`` and bias ``b``; ``w=None`` shows the neuron as off.

    ``h`` is the neuron's output over the grid, when already computed (``PlaneValues.h[j]``).
    """
    ax = artists["image"].axes
    low, high = ax.get_xlim()
    on = w is not None
    for name in ("image", "region", "line"):
        artists[name].set_visible(on)
    artists["cover"].set_visible(not on)
    artists["off"].set_visible(not on)
    if not on:
        return
    if h is None:
        n = artists["image"].get_array().shape[0]
        h = maths.network_on_plane([w], [b], [[1.0]], [0.0], low, high, n).h[0]
    artists["image"].set_data(h)
    artists["region"].set_xy(maths.active_region(w, b, low, high))
    ends = maths.neuron_line(w, b, low, high)
    artists["line"].set_data(*(ends.T if ends is not None else ([], [])))


def describe_neuron_map(w, b, index: int = 0, low: float = maths.PLANE_LOW, high: float = maths.PLANE_HIGH,
                        n: int = maths.PLANE_CELLS) -> str:
    """A one-line text summary of ``neuron_map``: the neuron's line, where it is active, how large h gets.

    Introduced in chapter 07.
    """
    f = maths.format_number
    h = maths.network_on_plane([w], [b], [[1.0]], [0.0], low, high, n).h[0]
    active = h > POSITIVE_FROM
    if not np.any(w):
        return f"Neuron {index}: {maths.line_equation(w, b)}; h = {f(max(0.0, b), 2)} at every point."
    if not active.any():
        return f"Neuron {index}: {maths.line_equation(w, b)}; it is silent (h = 0) everywhere in the plane shown."
    return (f"Neuron {index}: {maths.line_equation(w, b)}, on {f(100 * active.mean(), 1)}% of the plane shown "
            f"(hatched); h grows from 0 at the line to {f(h.max(), 2)}.")


def plane_picture(W1, b1, W2, b2, ax=None, map_axes=None, slots: int | None = None, target=None,
                  low: float = maths.PLANE_LOW, high: float = maths.PLANE_HIGH, n: int = maths.PLANE_CELLS):
    """A network with two inputs drawn over the plane: the output y as a heat map (blue y > 0, red y < 0,
    and a "+" on the cells where y > 0), each hidden neuron's line in its own line style with an arrow
    towards the side where it is active, and, on ``map_axes``, a small ``neuron_map`` per hidden neuron.

    ``slots`` is how many hidden neurons the picture can show (default: as many as the network has,
    or as there are map axes); the unused ones are hidden. ``target``, a box (left, right, bottom, top)
    whose sides may be infinite, is outlined in thick green: the shape a challenge asks for.
    ``ax=None`` makes a figure with ``new_plane_figure``. Returns a dict of the artists: ``heat``,
    ``marks``, ``lines``, ``arrows``, ``labels`` and ``numbers`` (a white circle and the neuron's number, as
    markers), ``maps`` (one ``neuron_map`` dict per map axes), ``target`` (None without a target) and
    ``frame``. ``update_plane_picture`` moves them.
    Introduced in chapter 07.
    """
    network = maths.plane_network(W1, b1, W2, b2)
    n_hidden = network.W1.shape[0]
    if ax is None:
        _, ax, map_axes = new_plane_figure(max(n_hidden, slots or 0))
    map_axes = list(map_axes or [])
    slots = max(n_hidden, len(map_axes), slots or 0)
    heat = block_imshow(ax, np.zeros((n, n)), (low, high, low, high), PLANE_COLOURS,
                        -PLANE_COLOUR_LIMIT, PLANE_COLOUR_LIMIT)
    colourbar = ax.figure.colorbar(heat, ax=ax, extend="both", shrink=0.8, pad=0.02)
    colourbar.set_label(f"output y (colours stop at ±{maths.format_number(PLANE_COLOUR_LIMIT)})", fontsize=8)
    colourbar.ax.tick_params(labelsize=7)
    (marks,) = ax.plot([], [], "+", color="black", markersize=5, markeredgewidth=0.8)
    lines, arrows, labels, numbers = [], [], [], []
    for j in range(slots):
        (line,) = ax.plot([], [], LINE_STYLES[j % len(LINE_STYLES)], color="black", linewidth=2.2)
        arrow = FancyArrow(0, 0, 0, 0, width=0.04, head_width=0.22, head_length=0.2, length_includes_head=True,
                           color="black")
        ax.add_patch(arrow)
        # The neuron's number in a white circle, drawn as markers: a text would be laid out afresh each move.
        (label,) = ax.plot([], [], "o", markersize=13, markerfacecolor="white", markeredgecolor="black",
                           markeredgewidth=0.8)
        (number,) = ax.plot([], [], marker=f"${j}$", markersize=7, color="black", linestyle="none")
        lines.append(line)
        arrows.append(arrow)
        labels.append(label)
        numbers.append(number)
    frame = _plane_axes(ax, low, high)
    title = "output y over the plane: + where y > 0"
    outline = None
    if target is not None:
        left, right, bottom, top = np.clip(np.asarray(target, dtype=float), low, high)
        outline = Rectangle((left, bottom), right - left, top - bottom, fill=False, edgecolor=TARGET,
                            linewidth=3, zorder=3)
        ax.add_patch(outline)
        title += "; green: target"
    ax.set_title(title, fontsize=10)
    maps = [neuron_map([1.0, 0.0], 0.0, j, ax=map_ax, low=low, high=high, n=n) for j, map_ax in enumerate(map_axes)]
    artists = {"heat": heat, "marks": marks, "lines": lines, "arrows": arrows, "labels": labels, "numbers": numbers,
               "maps": maps, "target": outline, "frame": frame}
    update_plane_picture(artists, *network)
    return artists


def plane_moving_artists(artists) -> list:
    """Every artist of a ``plane_picture`` that changes when the network does (for ``LivePicture``)."""
    moving = [artists["heat"], artists["marks"], *artists["lines"], *artists["arrows"]]
    if artists.get("target") is not None:
        moving.append(artists["target"])  # drawn again over the heat map
    moving += [artist for pair in zip(artists["labels"], artists["numbers"]) for artist in pair]
    moving.append(artists["frame"])  # the frame is drawn over the heat map's edge pixels, as in a full redraw
    for drawn in artists["maps"]:
        moving += [drawn["image"], drawn["region"], drawn["line"], drawn["cover"], drawn["off"], drawn["frame"]]
    return moving


def update_plane_picture(artists, W1, b1, W2, b2) -> maths.PlaneValues:
    """Move the artists of ``plane_picture`` to a new network; returns the ``PlaneValues`` drawn."""
    heat = artists["heat"]
    low, high = heat.axes.get_xlim()
    n = heat.get_array().shape[0]
    network = maths.plane_network(W1, b1, W2, b2)
    n_hidden = network.W1.shape[0]
    if n_hidden > len(artists["lines"]):
        raise ValueError(
            f"this picture has room for {len(artists['lines'])} hidden neurons, but the network has {n_hidden} "
            f"(W1 has shape {network.W1.shape})."
        )
    values = maths.network_on_plane(*network, low=low, high=high, n=n)
    heat.set_data(values.y)
    marked = values.y[MARK_EVERY // 2::MARK_EVERY, MARK_EVERY // 2::MARK_EVERY] > POSITIVE_FROM
    centres = values.axis[MARK_EVERY // 2::MARK_EVERY]
    rows, columns = np.nonzero(marked)
    artists["marks"].set_data(centres[columns], centres[rows])
    drawn_lines = zip(artists["lines"], artists["arrows"], artists["labels"], artists["numbers"])
    for j, (line, arrow, label, number) in enumerate(drawn_lines):
        ends = maths.neuron_line(network.W1[j], network.b1[j], low, high) if j < n_hidden else None
        for artist in (line, arrow, label, number):
            artist.set_visible(ends is not None)
        if ends is None:
            continue
        w = network.W1[j]
        middle, towards = ends.mean(axis=0), ARROW_LENGTH * w / np.sqrt(w @ w)
        line.set_data(ends[:, 0], ends[:, 1])
        arrow.set_data(x=middle[0], y=middle[1], dx=towards[0], dy=towards[1])
        where = np.minimum(np.maximum(middle + 1.45 * towards, low + 0.25), high - 0.25)
        label.set_data([where[0]], [where[1]])
        number.set_data([where[0]], [where[1]])
    for j, drawn in enumerate(artists["maps"]):
        if j < n_hidden:
            update_neuron_map(drawn, network.W1[j], network.b1[j], values.h[j])
        else:
            update_neuron_map(drawn, None, None)
    return values


def _span(axis: np.ndarray, inside: np.ndarray) -> str:
    """From the first to the last cell where ``inside`` holds, measured to the cells' outer edges."""
    f = maths.format_number
    half = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.0
    found = axis[inside]
    return f"from {f(found.min() - half, 2)} to {f(found.max() + half, 2)}"


def describe_plane(values: maths.PlaneValues) -> str:
    """A one-line text summary of what ``plane_picture`` draws for these ``PlaneValues``: where the
    output is positive (share of the plane and its extent), the output's range, and where each hidden
    neuron is active."""
    f = maths.format_number
    axis, y = values.axis, values.y
    half = (axis[1] - axis[0]) / 2 if len(axis) > 1 else 0.0
    plane = f"x[0] and x[1] from {f(axis[0] - half, 2)} to {f(axis[-1] + half, 2)}"
    positive = y > POSITIVE_FROM
    share = 100 * positive.mean()
    if positive.all():
        where = f"The output y is positive everywhere in the plane shown ({plane})"
    elif not positive.any():
        where = f"The output y is positive nowhere in the plane shown ({plane})"
    else:
        where = (f"The output y is positive on {f(share, 1)}% of the plane shown ({plane}), "
                 f"for x[0] {_span(axis, positive.any(axis=0))} and x[1] {_span(axis, positive.any(axis=1))}")
    active = ", ".join(f"neuron {j} on {f(100 * (h > POSITIVE_FROM).mean(), 1)}%" for j, h in enumerate(values.h))
    return f"{where}; y runs from {f(y.min(), 2)} to {f(y.max(), 2)}. Active: {active}."
