"""The picture engine: the one figure factory, fast redrawing for widgets (``LivePicture``), the PNG
writer, ``show`` for a figure with its text summary, steady axis limits, and the colours and line
styles every picture shares.

The pictures themselves are in ``helpers.pictures``, one module per family; each is drawn by a
function that returns its artists, moved by an ``update_…`` function, and described in one line
of text by a ``describe_…`` function.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import OrderedDict

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox


__all__ = [
    "DENSITY", "DISPLAY_DPI", "LINE_COLOURS", "LINE_STYLES", "LivePicture", "NEGATIVE", "PNGEncoder", "POSITIVE",
    "TOTAL", "ZERO", "display_size", "figure_png", "freeze_layout", "new_axes", "new_axes_row", "new_figure",
    "nice_limit", "png_bytes", "show", "steady_limit",
]


POSITIVE = "#1f77b4"  # blue
NEGATIVE = "#d62728"  # red, and hatched
TOTAL = "#555555"     # grey: the sum of the contributions
ZERO = "#999999"     # grey: an edge whose weight is 0
LINE_STYLES = ["-", "--", ":", "-."]  #: one line style per curve or hidden neuron, so colour is never the only cue
LINE_COLOURS = [POSITIVE, NEGATIVE, "#2ca02c", "#9467bd"]


DISPLAY_DPI = 80  #: pixels per inch of a figure as the page shows it (a 4.8-inch figure is 384 pixels wide)
DENSITY = 2  #: image pixels per displayed pixel: crisp on a high-density screen, the same size on the page


def new_figure(width: float = 4.8, height: float = 2.8) -> Figure:
    """The course's one figure factory: a fresh ``Figure`` (not pyplot, so nothing is shown twice)
    with a canvas to draw on, laid out by matplotlib's constrained layout. Every picture and every
    explorer makes its figure here.

    It is drawn at ``DENSITY`` times ``DISPLAY_DPI``, and shown at ``display_size``: the same size on the
    page, with twice the pixels in each direction."""
    figure = Figure(figsize=(width, height), dpi=DISPLAY_DPI * DENSITY, layout="constrained")
    FigureCanvasAgg(figure)  # gives the figure a canvas to draw on, without pyplot
    return figure


def new_axes(width: float = 4.8, height: float = 2.8):
    """A fresh figure (``new_figure``) and its single axes."""
    figure = new_figure(width, height)
    return figure, figure.add_subplot()


def new_axes_row(n: int, width: float = 8.4, height: float = 2.8):
    """A fresh figure (``new_figure``) with ``n`` axes side by side; returns the figure and the list of axes.

    Introduced in chapter 02.
    """
    figure = new_figure(width, height)
    return figure, list(np.atleast_1d(figure.subplots(1, n)))

def freeze_layout(figure: Figure) -> Figure:
    """Lay the figure out once and keep that layout: redrawing then skips the layout pass,
    which is most of the time a redraw takes in a widget."""
    figure.canvas.draw()
    figure.set_layout_engine("none")
    return figure


def display_size(figure: Figure) -> tuple[int, int]:
    """The width and height, in page pixels, at which a figure is shown (its image has ``DENSITY``
    times as many pixels in each direction).

    >>> display_size(new_figure(4.8, 2.8))
    (384, 224)
    """
    width, height = figure.get_size_inches() * DISPLAY_DPI
    return int(round(width)), int(round(height))


def figure_png(figure: Figure) -> bytes:
    """The whole figure drawn afresh, as PNG bytes."""
    buffer = io.BytesIO()
    figure.canvas.print_png(buffer)
    return buffer.getvalue()


def show(figure: Figure, summary: str) -> None:
    """Show a figure in a notebook with its one-line text summary above it.

    The image has ``DENSITY`` times the pixels of its size on the page (``display_size``), so it
    stays crisp on a high-density screen. The summary says in words what the picture shows, for
    anyone who cannot see it, and it is the
    part of the output that the tests compare (the PNG itself is not compared).
    """
    from IPython.display import Image as PNG, display  # only needed inside a notebook

    print(summary)
    width, height = display_size(figure)
    display(PNG(data=figure_png(figure), width=width, height=height))


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
        self._encoder = PNGEncoder()

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
        return self._encoder.encode(np.asarray(canvas.buffer_rgba()))

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
    """An RGBA image (rows from the top, shape (height, width, 4), uint8) as PNG bytes, made fast:
    rows unfiltered, zlib's fastest level (half Pillow's time, for a PNG slightly larger), no alpha
    channel if the image is opaque. ``PNGEncoder`` compresses again only the rows that changed."""
    return PNGEncoder().encode(rgba)


class PNGEncoder:
    """PNG bytes of successive frames, as ``png_bytes`` makes them, made faster for a widget: the
    rows are compressed in bands of ``BAND`` rows, each band on its own (deflate's full flush after
    each band forgets what came before, so the bands' bytes can be put one after the other), and a band whose pixels
    are those of the previous frame keeps its compressed bytes. Compression is most of the time a
    2x picture takes, and a slider move changes only some of the rows.
    """

    BAND = 32  #: rows per band: small enough to skip most unchanged rows, big enough to compress well

    def __init__(self):
        self._previous = None  # the previous frame's pixels, as one uint32 per pixel
        self._bands: list[bytes] = []
        self._key = None
        # One raw deflate stream (fastest level), reset after each band by a full flush: a band's
        # compressed bytes then depend on that band alone, so unchanged bands can be kept.
        self._compressor = zlib.compressobj(1, zlib.DEFLATED, -15)

    def encode(self, rgba: np.ndarray) -> bytes:
        rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
        if rgba.ndim != 3 or rgba.shape[2] != 4:
            raise ValueError(f"an RGBA image has shape (height, width, 4), but got shape {rgba.shape}.")
        (height, width), opaque = rgba.shape[:2], bool((rgba[..., 3] == 255).all())
        channels, pixels = 3 if opaque else 4, rgba.view(np.uint32).reshape(height, width)
        key, n_bands = (height, width, channels), -(-height // self.BAND)
        if self._key != key:
            changed = np.ones(n_bands, dtype=bool)
            self._bands = [b""] * n_bands
        else:
            rows_changed = (pixels != self._previous).any(axis=1)
            changed = np.zeros(n_bands, dtype=bool)
            np.logical_or.at(changed, np.arange(height) // self.BAND, rows_changed)
        rows = np.empty((height, 1 + channels * width), dtype=np.uint8)
        rows[:, 0] = 0  # filter type 0 (none) for every row
        pixels_of_rows = rows[:, 1:].reshape(height, width, channels)
        for channel in range(channels):  # channel by channel: ten times faster than one strided copy
            pixels_of_rows[..., channel] = rgba[..., channel]
        for band in np.flatnonzero(changed):
            data = rows[band * self.BAND:(band + 1) * self.BAND]
            self._bands[band] = self._compressor.compress(data) + self._compressor.flush(zlib.Z_FULL_FLUSH)
        self._previous, self._key = pixels.copy(), key
        # zlib's header (deflate, fastest), the bands, an empty last block, and the checksum of all the rows.
        stream = b"\x78\x01" + b"".join(self._bands) + b"\x03\x00" + struct.pack(">I", zlib.adler32(rows))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        colour_type = 2 if opaque else 6  # RGB or RGBA, 8 bits per channel
        header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", stream) + chunk(b"IEND", b"")


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
