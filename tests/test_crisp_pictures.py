"""Pictures are crisp on a high-density screen: every figure is drawn with ``DENSITY`` times the
pixels of its size on the page, and the page is told that size; the explorers' PNG encoder gives
back exactly the pixels it is given, frame after frame."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from helpers import drawing
from helpers.explorers import EXPLORERS


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(data))).convert("RGBA"))


@pytest.mark.parametrize("make", EXPLORERS, ids=lambda cls: cls.__name__)
def test_an_explorer_image_has_twice_the_pixels_of_its_size_on_the_page(make):
    explorer = make()
    width, height = drawing.display_size(explorer.figure)
    assert (explorer.picture.layout.width, explorer.picture.layout.height) == (f"{width}px", f"{height}px")
    assert decode(explorer.picture.value).shape[:2] == (2 * height, 2 * width)
    assert drawing.DENSITY == 2


def test_show_gives_the_page_the_display_size_of_a_twice_as_dense_png(monkeypatch, capsys):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects: shown.extend(objects))
    figure, ax = drawing.new_axes(4.8, 2.8)
    ax.plot([0, 1], [0, 1])
    drawing.show(figure, "a line")
    (image,) = shown
    assert (image.width, image.height) == (384, 224)  # 4.8 and 2.8 inches at 80 pixels per inch
    assert decode(image.data).shape[:2] == (448, 768)
    assert capsys.readouterr().out == "a line\n"


def test_the_encoder_gives_back_every_frame_exactly():
    rng = np.random.default_rng(0)
    encoder = drawing.PNGEncoder()
    frame = np.full((70, 23, 4), 255, dtype=np.uint8)
    frame[..., :3] = rng.integers(0, 256, size=(70, 23, 3))
    for change in [None, (0, 0), (69, 22), (33, 5), "alpha", "size"]:
        if change == "alpha":
            frame[10, 10, 3] = 7  # no longer opaque: stored with its alpha channel
        elif change == "size":
            frame = frame[:40]
        elif change is not None:
            frame[change] = [1, 2, 3, 255]
        data = encoder.encode(frame)
        assert (decode(data) == frame).all(), change
        assert data == drawing.png_bytes(frame), change  # the same bytes as a fresh encoding


def test_the_encoder_refuses_an_image_that_is_not_rgba():
    with pytest.raises(ValueError, match=r"shape \(height, width, 4\), but got shape \(3, 3\)"):
        drawing.png_bytes(np.zeros((3, 3), dtype=np.uint8))
