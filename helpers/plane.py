"""Chapter 07's plane geometry: a network with two inputs x[0], x[1] and one output, evaluated
over the plane of its inputs; each hidden neuron's line z = 0 and the side where it is active.

Pure NumPy, built on ``helpers.maths``; the pictures of it are in ``helpers.pictures.plane``.
"""

from __future__ import annotations

import numbers
from typing import NamedTuple

import numpy as np

from helpers.maths import two_layer_network
from helpers.validation import as_numbers, as_scalar, describe

__all__ = [
    "PLANE_CELLS",
    "PLANE_HIGH",
    "PLANE_LOW",
    "PLANE_PRESETS",
    "POSITIVE_FROM",
    "PlaneMeasures",
    "PlaneNetwork",
    "PlaneValues",
    "active_region",
    "clip_polygon",
    "measure_plane",
    "network_on_plane",
    "neuron_line",
    "plane_grid",
    "plane_network",
    "polygon_area",
]

PLANE_LOW, PLANE_HIGH = -3.0, 3.0
"""The part of the plane chapter 07 draws: x[0] and x[1] both from −3 to 3."""
PLANE_CELLS = 60
"""The plane is evaluated at the centres of a PLANE_CELLS × PLANE_CELLS grid of cells."""
POSITIVE_FROM = 1e-9
"""y (or h) counts as positive above this, so that a rounding error of 1e-16 is not "positive"."""


class PlaneNetwork(NamedTuple):
    """The parameters of a network with 2 inputs, ``n_hidden`` ReLU neurons and 1 output.

    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Unpack it as ``W1, b1, W2, b2 = network``.
    Introduced in chapter 07.
    """

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


PLANE_PRESETS: dict[str, PlaneNetwork] = {
    # one line: y > 0 on the side where the neuron is silent (and a little beyond)
    "half-plane": PlaneNetwork(W1=((1.0, 1.0),), b1=(-1.0,), W2=((-1.0,),), b2=(0.2,)),
    # two lines meeting: y > 0 where both neurons are silent, right of x[0] = −1 and above x[1] = −1
    "corner": PlaneNetwork(W1=((-2.0, 0.0), (0.0, -2.0)), b1=(-2.0, -2.0), W2=((-1.0, -1.0),), b2=(0.2,)),
    # two parallel lines: y > 0 between x[0] + x[1] = −1 and x[0] + x[1] = 1
    "band": PlaneNetwork(W1=((1.0, 1.0), (-1.0, -1.0)), b1=(-1.0, -1.0), W2=((-2.0, -2.0),), b2=(0.2,)),
    # three lines around the triangle with corners (−2, −1), (2, −1) and (0, 2)
    "triangle": PlaneNetwork(W1=((0.0, -2.0), (-1.5, 1.0), (1.5, 1.0)), b1=(-2.0, -2.0, -2.0),
                             W2=((-1.0, -1.0, -1.0),), b2=(0.2,)),
    # four lines around the diamond |x[0]| + |x[1]| < 2
    "diamond": PlaneNetwork(W1=((1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)), b1=(-2.0, -2.0, -2.0, -2.0),
                            W2=((-1.0, -1.0, -1.0, -1.0),), b2=(0.2,)),
}
"""Ready-made networks for chapter 07, as plain numbers: a half-plane, a corner, a band, a triangle
and a diamond. In each, every hidden neuron is silent inside the shape and active outside it, its
output weight is negative, and the output bias 0.2 makes y positive where all of them are silent."""


def plane_network(W1, b1, W2, b2) -> PlaneNetwork:
    """Check that W1, b1, W2, b2 make a network with 2 inputs and 1 output; return them as float arrays.

    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 07.

    >>> plane_network([[1, 0], [0, 1]], [0, -1], [[1, 1]], [0.5]).W2.shape
    (1, 2)
    """
    W1 = as_numbers(W1, "W1", ndim=2)
    W2 = as_numbers(W2, "W2", ndim=2)
    b1, b2 = as_numbers(b1, "b1", ndim=1), as_numbers(b2, "b2", ndim=1)
    if W1.shape[1] != 2:
        hint = " It looks transposed: try W1.T." if W1.shape[0] == 2 else ""
        raise ValueError(
            f"W1 has shape {W1.shape}, but each hidden neuron here reads the 2 inputs x[0] and x[1]: "
            f"W1 should have shape (n_hidden, 2) = ({W1.shape[0]}, 2).{hint}"
        )
    if W2.shape[0] != 1:
        hint = " It looks transposed: try W2.T." if W2.shape[1] == 1 else ""
        raise ValueError(
            f"W2 has shape {W2.shape}, but this network has a single output: "
            f"W2 should have shape (1, n_hidden) = (1, {W1.shape[0]}).{hint}"
        )
    two_layer_network(np.zeros(2), W1, b1, W2, b2)  # checks that the remaining shapes agree
    return PlaneNetwork(W1, b1, W2, b2)


def plane_grid(low: float = PLANE_LOW, high: float = PLANE_HIGH, n: int = PLANE_CELLS):
    """The centres of an n × n grid of cells covering the square from ``low`` to ``high``, as a batch.

    Returns ``(axis, X)``: ``axis`` (n,) holds the centres along each axis, and ``X`` (n * n, 2)
    every centre, one row of the grid after the other: ``X[i * n + k] = (axis[k], axis[i])``.
    So values computed for ``X`` reshape to (n, n) with row i at x[1] = axis[i] and column k at
    x[0] = axis[k], the layout ``imshow(..., origin="lower")`` draws.
    Introduced in chapter 07.

    >>> axis, X = plane_grid(-1, 1, 2)
    >>> axis
    array([-0.5,  0.5])
    >>> X
    array([[-0.5, -0.5],
           [ 0.5, -0.5],
           [-0.5,  0.5],
           [ 0.5,  0.5]])
    """
    low, high = as_scalar(low, "low"), as_scalar(high, "high")
    if not high > low:
        raise ValueError(f"high must be above low, but got low = {low} and high = {high}.")
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number of cells, at least 1, but got {describe(n)}.")
    axis = low + (np.arange(n) + 0.5) * (high - low) / n
    x0, x1 = np.meshgrid(axis, axis)
    return axis, np.column_stack([x0.ravel(), x1.ravel()])


class PlaneValues(NamedTuple):
    """A network with two inputs evaluated over a grid of the plane (``network_on_plane``).

    Each image has row i at x[1] = axis[i] and column k at x[0] = axis[k].
    """

    axis: np.ndarray  #: (n,) the centres of the grid cells along each axis
    z1: np.ndarray    #: (n_hidden, n, n) each hidden neuron's z1 over the plane
    h: np.ndarray     #: (n_hidden, n, n) each hidden neuron's output ReLU(z1)
    y: np.ndarray     #: (n, n) the network's output (no output activation: y = z2)


def network_on_plane(W1, b1, W2, b2, low: float = PLANE_LOW, high: float = PLANE_HIGH,
                     n: int = PLANE_CELLS) -> PlaneValues:
    """Every value of a 2-input, 1-output network at the centres of an n × n grid over the plane.

    The whole grid is one batch X of shape (n * n, 2) (chapter 06), so each layer is one matrix
    product: ``two_layer_network(X, W1, b1, W2, b2, output_activation=None)``, reshaped into images.
    Shapes: ``W1`` (n_hidden, 2), ``b1`` (n_hidden,), ``W2`` (1, n_hidden), ``b2`` (1,).
    Introduced in chapter 07.

    >>> values = network_on_plane([[1, 0]], [0], [[1]], [-0.5], low=-1, high=1, n=2)
    >>> values.h[0]          # ReLU(x[0]) at x[0] = −0.5 (left column) and 0.5 (right column)
    array([[0. , 0.5],
           [0. , 0.5]])
    >>> values.y
    array([[-0.5,  0. ],
           [-0.5,  0. ]])
    """
    network = plane_network(W1, b1, W2, b2)
    axis, X = plane_grid(low, high, n)
    result = two_layer_network(X, *network, output_activation=None)
    n_hidden = network.W1.shape[0]
    return PlaneValues(
        axis=axis,
        z1=result.z1.T.reshape(n_hidden, n, n),
        h=result.h.T.reshape(n_hidden, n, n),
        y=result.y[:, 0].reshape(n, n),
    )


TOUCH = 1e-9  #: a segment of the plane shorter than this each way is a single point (rounding, not a line)


def neuron_line(w, b, low: float = PLANE_LOW, high: float = PLANE_HIGH):
    """Where a neuron with two inputs has z = 0: the part of its line w[0]·x[0] + w[1]·x[1] + b = 0
    inside the square from ``low`` to ``high``.

    Returns its two end points as an array of shape (2, 2), one point (x[0], x[1]) per row,
    left end first, or None when the line misses the square, when it only touches the square at a single
    point (a corner: there is no segment to draw), or when both weights are 0 (z = b everywhere:
    there is no line). On one side of the line z > 0 and the neuron is active; on the other it is silent.
    Introduced in chapter 07.

    >>> neuron_line([1, 1], -1)          # x[0] + x[1] − 1 = 0, from (−2, 3) to (3, −2)
    array([[-2.,  3.],
           [ 3., -2.]])
    """
    w = as_numbers(w, "w", ndim=1)
    b = as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {describe(w)}.")
    if not np.any(w):
        return None
    scale = np.abs(w).max()  # the same line with the larger weight ±1, so that w @ w cannot underflow to 0
    w, b = w / scale, b / scale
    norm = float(w @ w)
    start = -b * w / norm                     # the point of the line nearest to (0, 0)
    direction = np.array([-w[1], w[0]]) / np.sqrt(norm)
    t_low, t_high = -np.inf, np.inf
    for k in range(2):
        if direction[k] == 0:
            if not low <= start[k] <= high:
                return None
            continue
        with np.errstate(over="ignore"):  # a direction of 1e-300 gives an infinite t, which is right
            a, c = sorted(((low - start[k]) / direction[k], (high - start[k]) / direction[k]))
        t_low, t_high = max(t_low, a), min(t_high, c)
    if not t_low < t_high:
        return None
    ends = np.minimum(np.maximum(np.array([start + t_low * direction, start + t_high * direction]), low), high)
    if np.abs(ends[1] - ends[0]).max() < TOUCH:
        return None  # the line only touches the square at a corner
    if (ends[1, 0], ends[1, 1]) < (ends[0, 0], ends[0, 1]):
        ends = ends[::-1]  # left end first (lower end first for an upright line)
    return ends + 0.0  # + 0.0: no −0.0 (np.minimum/np.maximum above: np.clip is slower on tiny arrays)


def active_region(w, b, low: float = PLANE_LOW, high: float = PLANE_HIGH) -> np.ndarray:
    """The part of the square from ``low`` to ``high`` where a neuron with two inputs is active
    (z = w[0]·x[0] + w[1]·x[1] + b > 0): the corners of that polygon in order around it,
    shape (n_corners, 2), or shape (0, 2) when the neuron is active nowhere in the square.
    Introduced in chapter 07.

    >>> active_region([1, 0], -1)        # x[0] > 1: the strip from x[0] = 1 to 3
    array([[ 1., -3.],
           [ 3., -3.],
           [ 3.,  3.],
           [ 1.,  3.]])
    """
    w = as_numbers(w, "w", ndim=1)
    b = as_scalar(b, "b")
    if w.shape != (2,):
        raise ValueError(f"w should hold the neuron's 2 weights, but it has {w.size}: {describe(w)}.")
    square = np.array([[low, low], [high, low], [high, high], [low, high]], dtype=float)
    z = square @ w + b
    corners = []
    for k in range(4):  # keep the corners where z > 0, and add the points where an edge crosses z = 0
        p, q, zp, zq = square[k], square[(k + 1) % 4], z[k], z[(k + 1) % 4]
        if zp > 0:
            corners.append(p)
        if (zp > 0) != (zq > 0) and zp != zq:
            crossing = p + (q - p) * zp / (zp - zq)
            if not (corners and np.allclose(corners[-1], crossing)):
                corners.append(crossing)
    return np.array(corners, dtype=float).reshape(-1, 2) + 0.0


# ---------------------------------------------------------------------------
# Exact measures: the shares, extents and ranges the text states, from polygons rather than grid cells
# ---------------------------------------------------------------------------

class PlaneMeasures(NamedTuple):
    """What a network with two inputs does over the square from ``low`` to ``high``, measured exactly
    (``measure_plane``): no grid, so two shapes of the same size always get the same share.
    Shares are fractions of the square, from 0 to 1."""

    positive_share: float        #: where y > POSITIVE_FROM
    positive: list               #: the pieces where y > POSITIVE_FROM, each a polygon (n_corners, 2)
    y_min: float                 #: the smallest y in the square
    y_max: float                 #: the largest y in the square
    active_share: np.ndarray     #: (n_hidden,) where each hidden neuron is active (z1 > 0)
    h_max: np.ndarray            #: (n_hidden,) each hidden neuron's largest h in the square


def polygon_area(corners) -> float:
    """The area of a polygon given by its corners in order (the shoelace formula); 0 for fewer than 3.

    >>> polygon_area([[0, 0], [2, 0], [2, 1], [0, 1]])
    2.0
    """
    corners = np.asarray(corners, dtype=float).reshape(-1, 2)
    if len(corners) < 3:
        return 0.0
    x, y = corners[:, 0], corners[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def clip_polygon(corners: np.ndarray, a, c: float) -> np.ndarray:
    """The part of a convex polygon where a[0]·x[0] + a[1]·x[1] + c >= 0, as a polygon (maybe empty).

    >>> clip_polygon(np.array([[0., 0.], [2., 0.], [2., 2.], [0., 2.]]), [1, 0], -1)   # x[0] >= 1
    array([[1., 0.],
           [2., 0.],
           [2., 2.],
           [1., 2.]])
    """
    corners = np.asarray(corners, dtype=float).reshape(-1, 2)
    if len(corners) == 0:
        return corners
    side = corners @ np.asarray(a, dtype=float) + c
    kept = []
    for k in range(len(corners)):
        p, q, sp, sq = corners[k], corners[(k + 1) % len(corners)], side[k], side[(k + 1) % len(corners)]
        if sp >= 0:
            kept.append(p)
        if (sp >= 0) != (sq >= 0):  # this edge crosses the border: keep the crossing point
            kept.append(p + (q - p) * sp / (sp - sq))
    return np.array(kept, dtype=float).reshape(-1, 2)


def measure_plane(W1, b1, W2, b2, low: float = PLANE_LOW, high: float = PLANE_HIGH) -> PlaneMeasures:
    """Where y is positive, how far y ranges, and where each hidden neuron is active, measured exactly.

    Inside each region where the same hidden neurons are active, y is a linear function of x, so the
    square is cut into those regions (one convex polygon per pattern of active neurons), each region
    into the part where y > POSITIVE_FROM, and the areas are added up; y's smallest and largest values
    lie at the corners of the regions. Introduced in chapter 07.

    >>> measures = measure_plane(*PLANE_PRESETS["corner"])
    >>> round(measures.positive_share, 4), round(measures.y_min, 12), round(measures.y_max, 12)
    (0.4668, -7.8, 0.2)
    """
    W1, b1, W2, b2 = plane_network(W1, b1, W2, b2)
    low, high = as_scalar(low, "low"), as_scalar(high, "high")
    if not high > low:
        raise ValueError(f"high must be above low, but got low = {low} and high = {high}.")
    square = np.array([[low, low], [high, low], [high, high], [low, high]], dtype=float)
    area = (high - low) ** 2
    n_hidden = len(b1)
    flat = ~W1.any(axis=1)  # neurons whose z1 = b1 is the same everywhere
    positive, y_values, positive_area = [], [], 0.0
    for pattern in range(2 ** n_hidden):
        active = np.array([(pattern >> j) & 1 for j in range(n_hidden)], dtype=bool)
        if np.any(active[flat] != (b1[flat] > 0)):
            continue  # a neuron without weights is active everywhere (b > 0) or nowhere: one pattern, not two
        region = square
        for j in range(n_hidden):  # active: z1[j] >= 0; silent: z1[j] <= 0
            sign = 1.0 if active[j] else -1.0
            region = clip_polygon(region, sign * W1[j], sign * b1[j])
        if polygon_area(region) == 0.0:
            continue
        a = W2[0, active] @ W1[active] if active.any() else np.zeros(2)   # y = a·x + c in this region
        c = float(W2[0, active] @ b1[active] + b2[0]) if active.any() else float(b2[0])
        y_values.append(region @ a + c)
        piece = clip_polygon(region, a, c - POSITIVE_FROM)
        if polygon_area(piece) > 0.0:
            positive.append(piece + 0.0)
            positive_area += polygon_area(piece)
    y_all = np.concatenate(y_values)
    z_corners = square @ W1.T + b1                      # (4, n_hidden): z1 is linear, so its extremes are at corners
    active_share = np.array([polygon_area(active_region(W1[j], b1[j], low, high)) for j in range(n_hidden)]) / area
    return PlaneMeasures(
        positive_share=min(positive_area / area, 1.0), positive=positive,
        y_min=float(y_all.min()) + 0.0, y_max=float(y_all.max()) + 0.0,
        active_share=active_share, h_max=np.maximum(z_corners.max(axis=0), 0.0) + 0.0,
    )
