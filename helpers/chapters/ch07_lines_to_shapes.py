"""Chapter 07, lines to shapes: the exercises' checks and their data."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.exercises import INCOMPLETE, correct, entries_of, Entry, exercise_check, Feedback, grid_feedback
from helpers.exercises import is_stub, mistake, not_attempted, number_entry
from helpers.formulas import format_number, line_equation
from helpers.maths import dense, relu, two_layer_network
from helpers.plane import POSITIVE_FROM, plane_grid, plane_network, PlaneNetwork


LINE_W, LINE_B = (1.0, 2.0), -2.0
"""The neuron of chapter 07's exercises 1 and 2: z = 1·x[0] + 2·x[1] − 2."""


def _crossing_entry(name: str, value, right: float, slips: list[tuple[float, str]]) -> Entry:
    return number_entry(name, value, right, slips, lambda got: f"{format_number(got)} is not it: put the other "
                        "input to 0 in 1·x[0] + 2·x[1] − 2 = 0 and solve for this one.")


@exercise_check(chapter=7, number=1)
def check_line_crossings(crosses_x0, crosses_x1) -> Feedback:
    """Where the line 1·x[0] + 2·x[1] − 2 = 0 crosses the two axes."""
    (w0, w1), b = LINE_W, LINE_B
    entries = [
        _crossing_entry("crosses_x0", crosses_x0, -b / w0, [
            (b / w0, "the sign is flipped: 1·x[0] − 2 = 0 gives x[0] = +2 (move the −2 to the other side)."),
            (-b / w1, "that is where the line crosses the other axis: here x[1] = 0, so solve 1·x[0] − 2 = 0."),
            (w0 / -b, "divide the other way round: 1·x[0] = 2 gives x[0] = 2 / 1."),
            (w0 / b, "divide the other way round: 1·x[0] = 2 gives x[0] = 2 / 1."),
            (0.0, "without the bias the line would pass through (0, 0); with it, solve 1·x[0] − 2 = 0."),
        ]),
        _crossing_entry("crosses_x1", crosses_x1, -b / w1, [
            (b / w1, "the sign is flipped: 2·x[1] − 2 = 0 gives x[1] = +1 (move the −2 to the other side)."),
            (-b / w0, "that is where the line crosses the other axis (or 2·x[1] = 2 without dividing by the "
                      "weight 2): here x[0] = 0, so solve 2·x[1] − 2 = 0."),
            (0.0, "without the bias the line would pass through (0, 0); with it, solve 2·x[1] − 2 = 0."),
        ]),
    ]
    return grid_feedback(entries, "The line runs from (2, 0) to (0, 1): two points are all it takes to draw it.")


LINE_POINTS = {"A": (0.0, 0.0), "B": (3.0, 0.0), "C": (0.0, 2.0), "D": (1.0, 0.4)}
"""The points of chapter 07's exercise 2, for the neuron LINE_W, LINE_B."""


def _point_entry(name: str, point, value) -> Entry:
    (w0, w1), b = LINE_W, LINE_B
    x0, x1 = point
    z = w0 * x0 + w1 * x1 + b
    f = format_number
    where = f"point {name} = ({f(x0)}, {f(x1)})"
    return number_entry(name, value, max(0.0, z), [
        (z if z < 0 else None, f"z = {f(z)} at {where} is negative, and ReLU turns it into 0: "
                               "the point is on the silent side of the line."),
        (max(0.0, w0 * x0 + w1 * x1), f"the bias −2 is missing: at {where}, z = {f(w0 * x0 + w1 * x1)} − 2."),
        (max(0.0, w0 * x0 + w1 * x1 - b), "you added 2 instead of subtracting it: the bias is −2."),
        (max(0.0, w1 * x0 + w0 * x1 + b), "you swapped the weights: x[0] is multiplied by 1 and x[1] by 2."),
        (float(z > 0), f"ReLU is not an on/off switch: h is z itself where z > 0, here {f(z)}."),
    ], f"at {where}, work out z = 1·x[0] + 2·x[1] − 2, then h = ReLU(z).")


@exercise_check(chapter=7, number=2)
def check_point_values(h_values) -> Feedback:
    """h = ReLU(1·x[0] + 2·x[1] − 2) at the points A, B, C and D."""
    values = entries_of(h_values, len(LINE_POINTS), "h_points")
    if isinstance(values, Feedback):
        return values
    entries = [_point_entry(name, point, value) for (name, point), value in zip(LINE_POINTS.items(), values)]
    return grid_feedback(entries, "B and C are on the active side of the line, A and D on the silent side "
                                  "(D only just: z = −0.2).")


CHECK_LOW, CHECK_HIGH, CHECK_CELLS = -2.0, 2.0, 20
"""The shape checks sample the centres of a 20 × 20 grid over x[0], x[1] from −2 to 2: 400 points,
none of them on the edge of a shape (the nearest are 0.1 away)."""


class Shape(NamedTuple):
    """A target region of chapter 07's challenges: x[0] from ``left`` to ``right``, x[1] from ``bottom`` to ``top``."""

    name: str
    left: float
    right: float
    bottom: float
    top: float
    answer: str  #: how the stubs are named, e.g. "band" for W1_band, b1_band, W2_band, b2_band

    def inside(self, X: np.ndarray) -> np.ndarray:
        return (X[:, 0] > self.left) & (X[:, 0] < self.right) & (X[:, 1] > self.bottom) & (X[:, 1] < self.top)


BAND = Shape("band", -1.0, 1.0, -np.inf, np.inf, "band")
"""Chapter 07, exercise 3: the output positive exactly where −1 < x[0] < 1."""
SQUARE = Shape("square", -1.0, 1.0, -1.0, 1.0, "square")
"""Chapter 07, exercise 4: the output positive exactly inside the square −1 < x[0] < 1, −1 < x[1] < 1."""


def _outside_direction(shape: Shape, x0: float, x1: float) -> str:
    """Where a point outside ``shape`` lies: "to the right of it (x[0] > 1)", "above and to the left of it (…)"."""
    f = format_number
    vertical = ("above", f"x[1] > {f(shape.top)}") if x1 > shape.top else (
        ("below", f"x[1] < {f(shape.bottom)}") if x1 < shape.bottom else None)
    horizontal = ("to the left", f"x[0] < {f(shape.left)}") if x0 < shape.left else (
        ("to the right", f"x[0] > {f(shape.right)}") if x0 > shape.right else None)
    parts = [part for part in (vertical, horizontal) if part]
    words = " and ".join(part[0] for part in parts) + (" of it" if horizontal else " it")
    return f"{words} ({', '.join(part[1] for part in parts)})"


def _nearest_edge(shape: Shape, x0: float, x1: float) -> str:
    f = format_number
    edges = [(x0 - shape.left, f"its left edge (x[0] = {f(shape.left)})"),
             (shape.right - x0, f"its right edge (x[0] = {f(shape.right)})"),
             (x1 - shape.bottom, f"its bottom edge (x[1] = {f(shape.bottom)})"),
             (shape.top - x1, f"its top edge (x[1] = {f(shape.top)})")]
    return f"near {min(edges)[1]}"


def _mostly(places: list[str], everywhere: str) -> str:
    """'all to the right of it (x[0] > 1)', 'mostly …', the two commonest places, or ``everywhere``."""
    counts = sorted(((places.count(p), p) for p in set(places)), key=lambda item: (-item[0], item[1]))
    if len(counts) == 1:
        return ("all " if len(places) > 1 else "") + counts[0][1]
    if counts[0][0] >= 0.6 * len(places):
        return f"mostly {counts[0][1]}"
    if len(counts) == 2:
        return f"{counts[0][1]} and {counts[1][1]}"
    return everywhere


def _where_wrong(shape: Shape, X: np.ndarray, want: np.ndarray, positive: np.ndarray) -> str:
    """How many of the points X are wrong, and where: a line each for those outside the shape where y
    is positive and those inside it where y is not."""
    outside_wrong = X[positive & ~want]
    inside_wrong = X[want & ~positive]
    wrong = len(outside_wrong) + len(inside_wrong)
    lines = [f"{wrong} of {len(X)} points {'is' if wrong == 1 else 'are'} wrong:"]
    if len(outside_wrong):
        places = [_outside_direction(shape, *point) for point in outside_wrong]
        lines.append(f"- {len(outside_wrong)} outside the {shape.name} where y is positive: "
                     f"{_mostly(places, 'all around it')};")
    if len(inside_wrong):
        places = [_nearest_edge(shape, *point) for point in inside_wrong]
        where = "all over the inside" if len(inside_wrong) > want.sum() / 2 else _mostly(places, "here and there")
        lines.append(f"- {len(inside_wrong)} inside the {shape.name} where y is not positive: {where};")
    lines[-1] = lines[-1].removesuffix(";") + "."
    return "\n".join(lines)


FAR = (2.5, 3.0, 5.0, 10.0, 30.0, 100.0, 1e3, 1e4, 1e6)
"""How far beyond the check grid the shape checks look: the grid's coordinates and these (with both
signs) combined in pairs, and the points at these distances from (0, 0) in 72 directions."""


def _far_points(shape: Shape) -> np.ndarray:
    """Points beyond the check grid, out to 10⁶ in every direction, none within 0.1 of an edge line
    of the shape: a shape such as the band goes on forever, and the answer must too."""
    axis, _ = plane_grid(CHECK_LOW, CHECK_HIGH, CHECK_CELLS)
    coordinates = np.concatenate([axis, FAR, np.negative(FAR)])
    x0, x1 = np.meshgrid(coordinates, coordinates)
    grid = np.column_stack([x0.ravel(), x1.ravel()])
    grid = grid[(np.abs(grid) > CHECK_HIGH).any(axis=1)]  # the check grid itself is judged on its own
    angles = np.radians(np.arange(0, 360, 5))
    rays = np.concatenate([radius * np.column_stack([np.cos(angles), np.sin(angles)]) for radius in FAR])
    points = np.concatenate([grid, rays])
    near = np.zeros(len(points), dtype=bool)
    for axis_index, at in _edges(shape):
        near |= np.abs(points[:, axis_index] - at) < 0.1
    return points[~near]


def _where_wrong_far(shape: Shape, n_grid: int, far: np.ndarray, want: np.ndarray, positive: np.ndarray) -> str:
    """The message when the check grid is right but points beyond it are not: how many, and the nearest."""
    f = format_number
    wrong = want != positive
    nearest = far[wrong][np.argmin(np.abs(far[wrong]).max(axis=1))]
    inside = bool(shape.inside(nearest[None, :])[0])
    what = f"inside the {shape.name}, y is not positive" if inside else f"outside the {shape.name}, y is positive"
    return (f"y is right at all {n_grid} points from {f(CHECK_LOW)} to {f(CHECK_HIGH)}, but the {shape.name} "
            f"goes on beyond them, and farther out y is wrong at {int(wrong.sum())} of the {len(far)} points "
            f"checked, out to 10⁶; at ({f(nearest[0], 2)}, {f(nearest[1], 2)}), for one, {what}.")


def _wrong_count(shape: Shape, X, W1, b1, W2, b2) -> int:
    y = two_layer_network(X, W1, b1, W2, b2, output_activation=None).y[:, 0]
    return int(((y > POSITIVE_FROM) != shape.inside(X)).sum())


def _likely_causes(shape: Shape, network: PlaneNetwork):
    """Each (changed network, what the learner should change) for the slips the chapter warns about."""
    W1, b1, W2, b2 = network
    f = format_number
    for j in range(len(b1)):
        flipped_W1, flipped_b1 = W1.copy(), b1.copy()
        flipped_W1[j], flipped_b1[j] = -W1[j], -b1[j]
        yield (flipped_W1, flipped_b1, W2, b2,
               f"neuron {j} is active on the wrong side of its line ({line_equation(W1[j], b1[j])}): "
               f"flip the signs of W1[{j}] and b1[{j}]. The line stays where it is and the neuron "
               f"switches sides: silent inside the {shape.name}, active outside it.")
    yield (W1, b1, -W2, b2,
           f"the output weights W2 have the wrong sign: a neuron active outside the {shape.name} must pull "
           "y down there, so its output weight must be negative. Flip the signs of W2.")
    yield (W1, b1, -W2, -b2,
           f"your output is the opposite of the target: positive outside the {shape.name} and negative "
           "inside it. Flip the signs of W2 and b2.")
    for j in range(len(b1)):
        if b1[j] != 0:
            moved = b1.copy()
            moved[j] = -b1[j]
            yield (W1, moved, W2, b2,
                   f"neuron {j}'s line is on the wrong side of (0, 0): its bias b1[{j}] = {f(b1[j])} "
                   f"has the wrong sign ({line_equation(W1[j], b1[j])}).")
    if W1.shape == (2, 2):
        yield (W1.T, b1, W2, b2, "W1 looks transposed: row j must hold neuron j's two weights, W1[j, 0] and W1[j, 1].")
    if b2[0] <= 0:
        yield (W1, b1, W2, np.array([0.1]),
               f"inside the {shape.name}, where every hidden neuron is silent, y = b2, and b2 = {f(b2[0])} is not "
               "positive: give the output bias b2 a small positive value, such as 0.1.")
    for small in (0.1, 0.05, 0.02):
        if b2[0] > small:
            yield (W1, b1, W2, np.array([small]),
                   f"y is positive a little beyond the {shape.name}: outside it y = b2 minus what the active "
                   f"neurons pull off, and b2 = {f(b2[0])} takes a while to pull down. Make b2 smaller "
                   "(such as 0.1), or the weights steeper.")


def _shape_feedback(shape: Shape, W1, b1, W2, b2) -> Feedback:
    """Sample the check grid; say how many points are wrong and where, and name the likely slip."""
    names = [f"{name}_{shape.answer}" for name in ("W1", "b1", "W2", "b2")]
    given = [W1, b1, W2, b2]
    missing = [name for name, value in zip(names, given) if is_stub(value)]
    if len(missing) == 4:
        return not_attempted()
    if missing:
        return Feedback(INCOMPLETE, f"⏳ Still to fill in: {', '.join(missing)} (replace each ... with its numbers).")
    note = ""
    if np.ndim(W2) == 1:  # a flat list of output weights is clear enough here
        W2 = [list(W2)]
        note = (f" (Your {names[2]} is a flat list; two_layer_network wants it as one row, "
                f"[[…]], of shape (1, n_hidden), as here.)")
    if np.ndim(b2) == 0:
        b2 = [b2]
    try:
        network = plane_network(W1, b1, W2, b2)
    except (TypeError, ValueError) as error:
        return mistake(f"{error}")
    _, X = plane_grid(CHECK_LOW, CHECK_HIGH, CHECK_CELLS)
    y = two_layer_network(X, *network, output_activation=None).y[:, 0]
    want, positive = shape.inside(X), y > POSITIVE_FROM
    wrong = int((want != positive).sum())
    if wrong:
        message = _where_wrong(shape, X, want, positive)
    else:  # right in the window: the shape goes on beyond it, and so must the answer
        far = _far_points(shape)
        y_far = two_layer_network(far, *network, output_activation=None).y[:, 0]
        want_far, positive_far = shape.inside(far), y_far > POSITIVE_FROM
        wrong_far = int((want_far != positive_far).sum())
        if wrong_far == 0:
            return correct(f"y is positive at all {int(want.sum())} points inside the {shape.name} and at none of "
                           f"the {int((~want).sum())} outside it.{note}")
        message = _where_wrong_far(shape, len(X), far, want_far, positive_far)
        X, want, positive = (np.concatenate(pair) for pair in ((X, far), (want, want_far), (positive, positive_far)))
        wrong = int((want != positive).sum())
    W1, b1, W2, b2 = network
    f = format_number
    if not np.any(b1):
        return mistake(f"{message}\nAll the hidden biases b1 are 0, so every line passes through (0, 0): "
                       f"the biases move the lines out to the edges of the {shape.name}.")
    best = None
    for *candidate, why in _likely_causes(shape, network):
        left = _wrong_count(shape, X, *candidate)
        if left == 0:
            return mistake(f"{message}\nLikely cause: {why}")
        if best is None or left < best[0]:
            best = (left, why)
    silent_inside = not (relu(dense(X[want], W1, b1)) > POSITIVE_FROM).any()
    if silent_inside and b2[0] <= POSITIVE_FROM and not positive[want].any():
        return mistake(f"{message}\nInside the {shape.name} every hidden neuron is silent (h = 0), so y = b2 there, "
                       f"and b2 = {f(b2[0])} is not positive: give the output bias b2 a small positive value, "
                       "such as 0.1.")
    if best is not None and best[0] <= wrong / 2:
        return mistake(f"{message}\nOne likely cause: {best[1]}")
    edges = _edges(shape)
    if len(b1) < len(edges):
        return mistake(f"{message}\nThe {shape.name} has {len(edges)} edges, and each needs a hidden neuron of its "
                       f"own, silent inside and active beyond that edge: you have {len(b1)}.")
    astray = [f"neuron {j} ({line_equation(w, b)})" for j, (w, b) in enumerate(zip(W1, b1))
              if not any(_along(w, b, edge) for edge in edges)]
    if astray:
        def listed(items):
            return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

        lines = "The line of " if len(astray) == 1 else "The lines of "
        verb = "does" if len(astray) == 1 else "do"
        return mistake(f"{message}\n{lines}{listed(astray)} {verb} not run along an edge of the {shape.name}, "
                       f"whose edges are {listed([f'x[{axis}] = {f(at)}' for axis, at in edges])}.")
    h_inside = relu(dense(X[want], W1, b1)) > POSITIVE_FROM
    seen = [f"neuron {j} is active at {int(h_inside[:, j].sum())} of the {len(h_inside)} points inside the "
            f"{shape.name}" for j in range(len(b1)) if h_inside[:, j].any()]
    seen += [f"W2[0,{j}] = {f(v)} is positive, so neuron {j} pushes y up where it is active"
             for j, v in enumerate(W2[0]) if v > 0]
    if b2[0] <= 0:
        seen.append(f"b2 = {f(b2[0])} is not positive")
    return mistake(f"{message}\nEach hidden neuron should be silent inside the {shape.name} and active beyond "
                   "one of its edges, with a negative output weight; a small positive b2 then makes y "
                   "positive where all of them are silent." + "".join(f"\n- {item}." for item in seen))


def _edges(shape: Shape) -> list[tuple[int, float]]:
    """The edges of a shape as (axis, position): (0, 1.0) is the line x[0] = 1."""
    return [(axis, at) for axis, at in ((0, shape.left), (0, shape.right), (1, shape.bottom), (1, shape.top))
            if np.isfinite(at)]


def _along(w, b, edge, tolerance: float = 0.2) -> bool:
    """Whether the line w·x + b = 0 runs along ``edge`` (upright or level, within ``tolerance``)."""
    axis, at = edge
    other = 1 - axis
    return w[other] == 0 and w[axis] != 0 and abs(-b / w[axis] - at) <= tolerance


@exercise_check(chapter=7, number=3)
def check_band(W1_band, b1_band, W2_band, b2_band) -> Feedback:
    """A network whose output is positive exactly where −1 < x[0] < 1 (for every x[1])."""
    return _shape_feedback(BAND, W1_band, b1_band, W2_band, b2_band)


@exercise_check(chapter=7, number=4)
def check_square(W1_square, b1_square, W2_square, b2_square) -> Feedback:
    """A network whose output is positive exactly inside the square −1 < x[0] < 1, −1 < x[1] < 1."""
    return _shape_feedback(SQUARE, W1_square, b1_square, W2_square, b2_square)
