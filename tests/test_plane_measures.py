"""``measure_plane``: exact shares, extents and ranges over chapter 07's square.

The oracles are areas worked out by hand, and an independent dense grid of the plane evaluated with
a plain matrix product: never ``measure_plane`` itself.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers.pictures.plane import describe_plane
from helpers.plane import PLANE_PRESETS, clip_polygon, measure_plane, polygon_area

AREA = 36.0  # the square from −3 to 3


def square_network(left, right, bottom, top):
    """Chapter 07's square recipe: four neurons silent inside, output weights −1, output bias 0.1."""
    W1 = np.array([[2, 0], [-2, 0], [0, 2], [0, -2]])
    b1 = np.array([-2 * right, 2 * left, -2 * top, 2 * bottom])
    return W1, b1, np.array([[-1, -1, -1, -1]]), np.array([0.1])


def grid_values(W1, b1, W2, b2, n=401):
    """y and h at the points of an n × n grid over the square, edges and corners included."""
    axis = np.linspace(-3, 3, n)
    x0, x1 = np.meshgrid(axis, axis)
    X = np.column_stack([x0.ravel(), x1.ravel()])
    h = np.maximum(X @ np.asarray(W1, float).T + np.asarray(b1, float), 0)
    return h @ np.asarray(W2, float).T[:, 0] + np.asarray(b2, float)[0], h


def test_shares_worked_out_by_hand():
    # The corner: the quarter x[0], x[1] > −1 (4 × 4), two strips 0.1 wide where one neuron pulls off
    # less than 0.2 (4 × 0.1 each), and the triangle with legs 0.1 where both do (0.005).
    corner = measure_plane(*PLANE_PRESETS["corner"])
    assert corner.positive_share == pytest.approx((16 + 0.4 + 0.4 + 0.005) / AREA, abs=1e-8)  # the border sits 1e-9 (POSITIVE_FROM) inside
    assert (corner.y_min, corner.y_max) == pytest.approx((-7.8, 0.2), abs=1e-12)
    assert corner.active_share.tolist() == pytest.approx([12 / AREA, 12 / AREA], abs=1e-12)
    assert corner.h_max.tolist() == pytest.approx([4.0, 4.0], abs=1e-12)
    # A square of side 2 with margins 0.05 wide: 4 + 4 × (2 × 0.05) + 4 corner triangles with legs 0.05.
    expected = (4 + 4 * 0.1 + 4 * 0.05 ** 2 / 2) / AREA
    for square in [square_network(-2.5, -0.5, -1, 1), square_network(0.5, 2.5, -2, 0)]:
        assert measure_plane(*square).positive_share == pytest.approx(expected, abs=1e-8)


def test_xor_from_one_hidden_layer_is_two_squares_of_side_2_75():
    xor = ([[1, 1], [-1, -1], [1, -1], [-1, 1]], [0, 0, 0, 0], [[1, 1, -1, -1]], [-0.5])
    measures = measure_plane(*xor)
    assert measures.positive_share == pytest.approx(2 * 2.75 ** 2 / AREA, abs=1e-8)  # the border sits 1e-9 (POSITIVE_FROM) inside
    corners = np.concatenate(measures.positive)
    assert corners.min(axis=0).tolist() == pytest.approx([-3, -3]) and corners.max(axis=0).tolist() == pytest.approx([3, 3])


def test_a_rounding_error_is_not_positive():
    measures = measure_plane([[1, 0]], [0], [[0]], [3.6e-16])
    assert measures.positive_share == 0.0 and measures.positive == []
    assert describe_plane([[1, 0]], [0], [[0]], [3.6e-16]).startswith("The output y is positive nowhere")


def test_polygon_area_and_clipping_worked_out_by_hand():
    square = np.array([[0, 0], [2, 0], [2, 2], [0, 2]], dtype=float)
    assert polygon_area(square) == 4.0
    assert polygon_area(clip_polygon(square, [1, 1], -2)) == pytest.approx(2.0)  # x[0] + x[1] >= 2: half
    assert polygon_area(clip_polygon(square, [1, 0], -5)) == 0.0                  # x[0] >= 5: nothing
    assert polygon_area(clip_polygon(square, [0, 0], 1)) == 4.0                   # 1 >= 0 everywhere
    assert len(clip_polygon(square, [0, 0], -1)) == 0                             # −1 >= 0 nowhere


weights = st.floats(min_value=-3, max_value=3, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def plane_networks(draw):
    n = draw(st.integers(min_value=1, max_value=4))
    W1 = [[draw(weights), draw(weights)] for _ in range(n)]
    b1 = [draw(weights) for _ in range(n)]
    W2 = [[draw(weights) for _ in range(n)]]
    return W1, b1, W2, [draw(weights)]


@settings(max_examples=max(1, settings.default.max_examples // 2), deadline=None)
@given(plane_networks())
# Neurons without weights (z1 = 0 everywhere) once counted the square twice, once active, once silent.
@example(network=([[0.0, 1.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], [0.0, 0.0, 0.0, 0.0], [[1.0, 0.0, 0.0, 0.0]], [0.0]))
def test_measures_agree_with_a_dense_grid(network):
    y, h = grid_values(*network)
    measures = measure_plane(*network)
    # The grid's share is off by at most the cells the boundary crosses: a few in a thousand here.
    assert measures.positive_share == pytest.approx((y > 1e-9).mean(), abs=0.03)
    # Exact extremes can only be more extreme than the grid's, and by less than one step of the grid.
    W1, W2 = np.asarray(network[0], float), np.asarray(network[2], float)
    slope = np.abs(W2).sum() * np.abs(W1).sum() * 6 / 400 + 1e-9
    assert y.min() - slope <= measures.y_min <= y.min() + 1e-9
    assert y.max() - 1e-9 <= measures.y_max <= y.max() + slope
    assert measures.h_max == pytest.approx(h.max(axis=0), abs=1e-9)  # the grid holds the corners
    assert measures.active_share == pytest.approx((h > 1e-9).mean(axis=0), abs=0.01)
