"""A network with two inputs drawn over the plane of its inputs (chapter 07): ``plane_picture``
(the output as a heat map, each hidden neuron's line and active side, a small map per neuron) and
``neuron_map`` (one hidden neuron), each with its ``update_…`` and ``describe_…``.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.image import AxesImage
from matplotlib.patches import FancyArrow, Polygon, Rectangle
from matplotlib.transforms import Bbox, IdentityTransform

from helpers.drawing import LINE_STYLES, new_axes, new_figure
from helpers.formulas import format_number, format_percent, line_equation
from helpers.plane import PLANE_CELLS, PLANE_HIGH, PLANE_LOW, POSITIVE_FROM, active_region, measure_plane, network_on_plane
from helpers.plane import neuron_line, plane_network, PlaneValues

__all__ = [
    "BlockImage",
    "block_imshow",
    "describe_neuron_map",
    "describe_plane",
    "neuron_map",
    "new_plane_figure",
    "plane_moving_artists",
    "plane_picture",
    "update_neuron_map",
    "update_plane_picture",
]


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
    # The maps get almost as much width as the plane's half, so their lines and ticks can be read.
    figure = new_figure(9.2, 4.6)
    grid = figure.add_gridspec(rows, 4, width_ratios=(1, 1, 0.9, 0.9))
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


def neuron_map(w, b, index: int = 0, ax=None, low: float = PLANE_LOW, high: float = PLANE_HIGH,
               n: int = PLANE_CELLS):
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
        ax.tick_params(labelsize=8, length=2, pad=1)
    if alone:
        ax.set_title(f"neuron {index}: h[{index}] = ReLU(z1[{index}])", fontsize=10)
    else:
        ax.set_title(f"h[{index}], {LINE_STYLE_NAMES[style]} line", fontsize=9)
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
        h = network_on_plane([w], [b], [[1.0]], [0.0], low, high, n).h[0]
    artists["image"].set_data(h)
    artists["region"].set_xy(active_region(w, b, low, high))
    ends = neuron_line(w, b, low, high)
    artists["line"].set_data(*(ends.T if ends is not None else ([], [])))


def describe_neuron_map(w, b, index: int = 0, low: float = PLANE_LOW, high: float = PLANE_HIGH) -> str:
    """A one-line text summary of ``neuron_map``: the neuron's line, where it is active, how large h gets,
    measured exactly (``measure_plane``), not from the picture's cells.

    Introduced in chapter 07.
    """
    f = format_number
    if not np.any(w):
        return f"Neuron {index}: {line_equation(w, b)}; h = {f(max(0.0, b), 2)} at every point."
    measures = measure_plane([w], [b], [[1.0]], [0.0], low, high)
    if measures.active_share[0] == 0.0:
        return f"Neuron {index}: {line_equation(w, b)}; it is silent (h = 0) everywhere in the plane shown."
    return (f"Neuron {index}: {line_equation(w, b)}, on {f(100 * measures.active_share[0], 1)}% of the plane "
            f"shown (hatched); h grows from 0 at the line to {f(measures.h_max[0], 2)}.")


def plane_picture(W1, b1, W2, b2, ax=None, map_axes=None, slots: int | None = None, target=None,
                  low: float = PLANE_LOW, high: float = PLANE_HIGH, n: int = PLANE_CELLS):
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
    network = plane_network(W1, b1, W2, b2)
    n_hidden = network.W1.shape[0]
    if ax is None:
        _, ax, map_axes = new_plane_figure(max(n_hidden, slots or 0))
    map_axes = list(map_axes or [])
    slots = max(n_hidden, len(map_axes), slots or 0)
    heat = block_imshow(ax, np.zeros((n, n)), (low, high, low, high), PLANE_COLOURS,
                        -PLANE_COLOUR_LIMIT, PLANE_COLOUR_LIMIT)
    colourbar = ax.figure.colorbar(heat, ax=ax, extend="both", shrink=0.8, pad=0.02)
    colourbar.set_label(f"output y (colours stop at ±{format_number(PLANE_COLOUR_LIMIT)})", fontsize=8)
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


def update_plane_picture(artists, W1, b1, W2, b2) -> PlaneValues:
    """Move the artists of ``plane_picture`` to a new network; returns the ``PlaneValues`` drawn."""
    heat = artists["heat"]
    low, high = heat.axes.get_xlim()
    n = heat.get_array().shape[0]
    network = plane_network(W1, b1, W2, b2)
    n_hidden = network.W1.shape[0]
    if n_hidden > len(artists["lines"]):
        raise ValueError(
            f"this picture has room for {len(artists['lines'])} hidden neurons, but the network has {n_hidden} "
            f"(W1 has shape {network.W1.shape})."
        )
    values = network_on_plane(*network, low=low, high=high, n=n)
    heat.set_data(values.y)
    marked = values.y[MARK_EVERY // 2::MARK_EVERY, MARK_EVERY // 2::MARK_EVERY] > POSITIVE_FROM
    centres = values.axis[MARK_EVERY // 2::MARK_EVERY]
    rows, columns = np.nonzero(marked)
    artists["marks"].set_data(centres[columns], centres[rows])
    drawn_lines = zip(artists["lines"], artists["arrows"], artists["labels"], artists["numbers"])
    for j, (line, arrow, label, number) in enumerate(drawn_lines):
        ends = neuron_line(network.W1[j], network.b1[j], low, high) if j < n_hidden else None
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


def describe_plane(W1, b1, W2, b2, low: float = PLANE_LOW, high: float = PLANE_HIGH) -> str:
    """A one-line text summary of what ``plane_picture`` draws for this network: where the output is
    positive (share of the plane and its extent), the output's range, and where each hidden neuron is
    active, all measured exactly (``measure_plane``), so the text never depends on the picture's cells.

    Introduced in chapter 07.
    """
    f = format_number
    measures = measure_plane(W1, b1, W2, b2, low, high)
    plane = f"x[0] and x[1] from {f(low, 2)} to {f(high, 2)}"
    share = measures.positive_share
    if share >= 1.0 - 1e-12:
        where = f"The output y is positive everywhere in the plane shown ({plane})"
    elif share == 0.0:
        where = f"The output y is positive nowhere in the plane shown ({plane})"
    else:
        corners = np.concatenate(measures.positive)
        (x0_min, x1_min), (x0_max, x1_max) = corners.min(axis=0), corners.max(axis=0)
        where = (f"The output y is positive on {format_percent(share)} of the plane shown ({plane}), "
                 f"for x[0] from {f(x0_min, 2)} to {f(x0_max, 2)} and x[1] from {f(x1_min, 2)} to {f(x1_max, 2)}")
    active = ", ".join(f"neuron {j} on {format_percent(part)}" for j, part in enumerate(measures.active_share))
    return f"{where}; y runs from {f(measures.y_min, 2)} to {f(measures.y_max, 2)}. Active: {active}."
