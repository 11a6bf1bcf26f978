"""The pictures of the loss (chapter 08): a prediction beside its target on a number line, the loss
as a curve over one weight, and the loss as a contour map over two weights.

Each picture is drawn by a function that returns its artists, moved by an ``update_…`` function,
and described in one line of text by a ``describe_…`` function. The neuron here is chapter 01's,
without bias or activation: prediction y = inputs · weights, loss L = mse(y, target) = (y − target)².
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.drawing import NEGATIVE, POSITIVE, TOTAL, new_axes, steady_limit
from helpers.formulas import MINUS, format_number
from helpers.learning import mse
from helpers.maths import weighted_sum
from helpers.validation import as_numbers, as_scalar

__all__ = [
    "LossPoint",
    "describe_loss_contours",
    "describe_loss_curve",
    "describe_prediction",
    "loss_contours",
    "loss_curve",
    "loss_point",
    "lowest_on_plane",
    "prediction_line",
    "update_loss_curve",
    "update_prediction_line",
]

TARGET = "#2ca02c"  # green: the target
CONTOUR_LEVELS = (0.1, 0.5, 1, 2, 4, 8, 16, 32)  #: the loss values the contour maps draw lines at


# ---------------------------------------------------------------------------
# The numbers every loss picture shows
# ---------------------------------------------------------------------------

class LossPoint(NamedTuple):
    """One neuron's prediction for one target, and the loss, as a function of one of its weights."""

    index: int           #: which weight varies (0 for w1)
    weight: float        #: its value
    prediction: float    #: y = inputs · weights
    error: float         #: y − target
    loss: float          #: L = (y − target)²
    best: float | None   #: the value of that weight with the lowest loss (None if its input is 0)


def loss_point(inputs, weights, target, index: int = -1) -> LossPoint:
    """The prediction, error and loss of a neuron without bias or activation, and the value of
    weight ``index`` (default: the last) that makes the loss lowest, the others staying as they are.

    Introduced in chapter 08.

    >>> point = loss_point([2, 3, 5], [0.5, 0.3, 0.2], 4)
    >>> [format_number(v) for v in (point.prediction, point.error, point.loss)]
    ['2.9', '−1.1', '1.21']
    """
    inputs, weights = as_numbers(inputs, "inputs", ndim=1), as_numbers(weights, "weights", ndim=1)
    prediction = weighted_sum(inputs, weights)  # checks that the lengths match
    target = as_scalar(target, "target")
    if not -len(weights) <= index < len(weights):
        raise ValueError(f"index {index} names no weight: the neuron has {len(weights)} weights.")
    index %= len(weights)
    rest = prediction - inputs[index] * weights[index]
    best = None if inputs[index] == 0 else (target - rest) / inputs[index]
    return LossPoint(index, float(weights[index]), prediction, prediction - target, mse(prediction, target), best)


def _curve_values(inputs, weights, target, index: int, ws: np.ndarray) -> np.ndarray:
    """The loss for each value in ``ws`` of weight ``index``, the other weights fixed."""
    inputs, weights = np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)
    rest = inputs @ weights - inputs[index] * weights[index]
    return (rest + inputs[index] * ws - target) ** 2


def _name(index: int) -> str:
    return f"w{index + 1}"


def _signed(value: float, decimals: int = 3) -> str:
    return format_number(value, decimals)


# ---------------------------------------------------------------------------
# The prediction beside its target, on a number line
# ---------------------------------------------------------------------------

def prediction_line(prediction: float, target: float, ax=None, low: float = -1.0, high: float = 7.0):
    """A number line from ``low`` to ``high`` with the target (green, dashed), the prediction (a dot)
    and the error between them (a red bar with end ticks, labelled with y − target).

    Returns a dict of the artists: ``target``, ``target_label``, ``error``, ``prediction``,
    ``prediction_label``, ``error_label``. ``update_prediction_line`` moves them.
    Introduced in chapter 08.
    """
    if ax is None:
        _, ax = new_axes(6.0, 1.4)
    ax.set_xlim(low, high)
    ax.set_ylim(-1, 1.25)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.axhline(0, color="black", linewidth=0.8)
    (target_line,) = ax.plot([], [], "--", color=TARGET, linewidth=2)
    (error,) = ax.plot([], [], "-", color=NEGATIVE, linewidth=4, solid_capstyle="butt")
    (dot,) = ax.plot([], [], "o", color=POSITIVE, markersize=10, markeredgecolor="black")
    target_label = ax.text(0, 0.75, "", ha="center", va="bottom", fontsize=9, color="black")
    prediction_label = ax.text(0, -0.4, "", ha="center", va="top", fontsize=9)
    error_label = ax.text(0, 0.25, "", ha="center", va="bottom", fontsize=9, color=NEGATIVE)
    ax.set_title("prediction and target", fontsize=10)
    artists = {"target": target_line, "error": error, "prediction": dot, "target_label": target_label,
               "prediction_label": prediction_label, "error_label": error_label}
    update_prediction_line(artists, prediction, target)
    return artists


def update_prediction_line(artists, prediction: float, target: float) -> tuple[float, float]:
    """Move the artists of ``prediction_line`` to a new prediction and target; returns them."""
    prediction, target = as_scalar(prediction, "prediction"), as_scalar(target, "target")
    low, high = artists["target"].axes.get_xlim()
    shown = lambda v: min(max(v, low), high)  # noqa: E731  (a value off the line sits at its end)
    artists["target"].set_data([shown(target)] * 2, [-0.25, 0.7])
    artists["target_label"].set_position((shown(target), 0.75))
    artists["target_label"].set_text(f"target {format_number(target)}")
    artists["error"].set_data([shown(prediction), shown(target)], [0.1, 0.1])
    artists["error_label"].set_position(((shown(prediction) + shown(target)) / 2, 0.2))
    error = prediction - target
    artists["error_label"].set_text(f"error {_signed(error)}" if abs(error) > 1e-12 else "")
    artists["prediction"].set_data([shown(prediction)], [0.0])
    artists["prediction_label"].set_position((shown(prediction), -0.35))
    artists["prediction_label"].set_text(f"y = {format_number(prediction)}")
    return prediction, target


def describe_prediction(prediction: float, target: float) -> str:
    """A one-line text summary of ``prediction_line``: where the prediction is, and its error."""
    error = prediction - target
    if abs(error) < 1e-9:
        return f"The prediction {format_number(prediction)} hits the target {format_number(target)}: the error is 0."
    where = "below" if error < 0 else "above"
    return (f"The prediction {format_number(prediction)} is {format_number(abs(error))} {where} the target "
            f"{format_number(target)}: error y {MINUS} target = {_signed(error)}.")


# ---------------------------------------------------------------------------
# The loss as a curve over one weight
# ---------------------------------------------------------------------------

def loss_curve(inputs, weights, target, index: int = -1, low: float = -0.2, high: float = 1.0, ax=None,
               lowest: bool = False):
    """The loss L = (y − target)² as weight ``index`` (default: the last) runs from ``low`` to
    ``high``, the other weights fixed: a parabola. A dot marks the neuron's current weight, with a
    dotted line down to the axis and its loss written beside it. ``lowest=True`` also marks the
    lowest point with a hollow diamond (the chapter's picture; the explorer leaves it to the learner).

    Returns a dict of the artists: ``curve``, ``guide``, ``point``, ``label``, ``lowest`` (None without
    it). ``update_loss_curve`` moves them.
    Introduced in chapter 08.
    """
    point = loss_point(inputs, weights, target, index)
    if not low < high:
        raise ValueError(f"low must be below high, but got low = {low} and high = {high}.")
    if ax is None:
        _, ax = new_axes(4.8, 3.0)
    ax.set_xlim(low, high)
    ax.axhline(0, color="black", linewidth=0.6)
    (curve,) = ax.plot([], [], color=POSITIVE, linewidth=2)
    (guide,) = ax.plot([], [], ":", color=TOTAL, linewidth=1.2)
    marker = None
    if lowest:
        (marker,) = ax.plot([], [], "D", markerfacecolor="white", markeredgecolor="black", markersize=8)
    (dot,) = ax.plot([], [], "o", color=NEGATIVE, markersize=9, markeredgecolor="black")
    label = ax.text(0, 0, "", fontsize=9, va="bottom",
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    name = _name(point.index)
    ax.set_xlabel(f"weight {name}")
    ax.set_ylabel("loss L")
    ax.set_title(f"the loss as {name} varies", fontsize=10)
    ax.set_ylim(-0.05, 1.0)
    artists = {"curve": curve, "guide": guide, "point": dot, "label": label, "lowest": marker}
    update_loss_curve(artists, inputs, weights, target, index)
    return artists


def update_loss_curve(artists, inputs, weights, target, index: int = -1) -> LossPoint:
    """Draw the curve for these inputs, weights and target and move the dot to the current weight.

    Returns the ``LossPoint`` drawn. The loss axis changes only in jumps (``steady_limit``)."""
    point = loss_point(inputs, weights, target, index)
    ax = artists["curve"].axes
    low, high = ax.get_xlim()
    ws = np.linspace(low, high, 241)
    losses = _curve_values(inputs, weights, point.prediction - point.error, point.index, ws)
    top = steady_limit(ax.get_ylim()[1], max(1.0, float(losses.max()), point.loss))
    ax.set_ylim(-0.04 * top, top)
    artists["curve"].set_data(ws, losses)
    artists["point"].set_data([point.weight], [point.loss])
    artists["guide"].set_data([point.weight, point.weight], [0.0, point.loss])
    if artists.get("lowest") is not None:
        visible = point.best is not None and low <= point.best <= high
        artists["lowest"].set_visible(visible)
        artists["lowest"].set_data(([point.best], [0.0]) if visible else ([], []))
    right = point.weight < low + 0.6 * (high - low)
    artists["label"].set_text(f"L = {format_number(point.loss, 4)}")
    artists["label"].set_position((point.weight + (0.03 if right else -0.03) * (high - low),
                                   point.loss + 0.03 * top))
    artists["label"].set_horizontalalignment("left" if right else "right")
    return point


def describe_loss_curve(point: LossPoint, low: float, high: float, lowest: bool = False) -> str:
    """A one-line text summary of ``loss_curve`` with the dot at ``point``: where the dot sits, and
    which way the loss falls from there (the picture shows that much). ``lowest=True`` also says
    where the marked lowest point is."""
    name = _name(point.index)
    text = (f"The loss curve over {name} from {format_number(low)} to {format_number(high)}; "
            f"the dot at {name} = {format_number(point.weight)} has loss L = {format_number(point.loss, 4)}")
    if point.best is None:
        text += f", the same for every {name}, since its input is 0."
    elif abs(point.weight - point.best) < 1e-9:
        text += ", at the bottom of the curve."
    elif point.weight < point.best:
        text += f", where the curve falls to the right: a larger {name} lowers the loss."
    else:
        text += f", where the curve rises to the right: a smaller {name} lowers the loss."
    if lowest and point.best is not None and low <= point.best <= high:
        text += f" The lowest point (diamond) is at {name} = {format_number(point.best)}, L = 0."
    return text


# ---------------------------------------------------------------------------
# The loss over two weights, as a contour map
# ---------------------------------------------------------------------------

def _batch(X, targets, weights, vary) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, int]]:
    """Check a batch and the two weights that vary; return X, targets, weights, (i, j)."""
    X = as_numbers(X, "X", ndim=(1, 2))
    X = X[None, :] if X.ndim == 1 else X
    weights = as_numbers(weights, "weights", ndim=1)
    if X.shape[1] != weights.size:
        raise ValueError(f"X has {X.shape[1]} inputs per sample (shape {X.shape}) but weights has "
                         f"{weights.size} entries; give one weight per input.")
    targets = as_numbers(targets, "targets", ndim=(0, 1)).reshape(-1)
    if targets.size != X.shape[0]:
        raise ValueError(f"targets has {targets.size} entries but X has {X.shape[0]} samples (shape {X.shape}); "
                         "give one target per sample.")
    i, j = (int(v) % weights.size for v in vary)
    if i == j:
        raise ValueError(f"vary needs two different weights, but got {tuple(vary)}.")
    return X, targets, weights, (i, j)


def _plane_problem(X, targets, weights, vary):
    """The loss over the two weights of ``vary`` is mean((A @ [wi, wj] − c)²): return A and c."""
    X, targets, weights, (i, j) = _batch(X, targets, weights, vary)
    fixed = X @ weights - X[:, i] * weights[i] - X[:, j] * weights[j]
    return X[:, [i, j]], targets - fixed, (i, j)


class Lowest(NamedTuple):
    """Where the loss over two weights is lowest: a single point, or a whole line of points."""

    loss: float                     #: the lowest loss
    point: tuple | None             #: (wi, wj) when there is one lowest point, else None
    line: tuple | None              #: (a, b, c): every wi, wj with a·wi + b·wj = c, when the lowest is a line


def lowest_on_plane(X, targets, weights, vary=(1, 2)) -> Lowest:
    """Where the mean squared error of a linear neuron over a batch is lowest, as two of its weights
    (``vary``, default w2 and w3) change and the others stay fixed.

    With samples whose two inputs are in proportion (one sample, for instance), the loss is lowest
    along a whole line (a valley); otherwise at one point (a bowl).
    Introduced in chapter 08.
    """
    A, c, _ = _plane_problem(X, targets, weights, vary)
    if np.linalg.matrix_rank(A) == 2:
        best, *_ = np.linalg.lstsq(A, c, rcond=None)
        return Lowest(float(np.mean((A @ best - c) ** 2)), (float(best[0]), float(best[1])), None)
    row = A[np.argmax(np.abs(A).sum(axis=1))]
    if not row.any():
        return Lowest(float(np.mean(c ** 2)), None, None)  # these weights change nothing
    scale = A @ row / (row @ row)  # each sample's row is scale × row
    s = float(scale @ c / (scale @ scale))  # the best value of row · (wi, wj)
    return Lowest(float(np.mean((scale * s - c) ** 2)), None, (float(row[0]), float(row[1]), s))


def loss_contours(X, targets, weights, vary=(1, 2), low: float = -0.4, high: float = 1.0, ax=None, n: int = 121):
    """The loss over a batch (mean squared error) as two weights (``vary``, default w2 and w3)
    change, the others fixed: filled contours with labelled contour lines at ``CONTOUR_LEVELS``,
    the neuron's current weights as a dot, and where the loss is lowest: a hollow diamond for one
    lowest point, a dashed line for a valley of them.

    Returns a dict of the artists: ``filled``, ``lines``, ``current``, ``lowest``.
    Introduced in chapter 08.
    """
    A, c, (i, j) = _plane_problem(X, targets, weights, vary)
    if ax is None:
        _, ax = new_axes(4.2, 3.6)
    axis = np.linspace(low, high, n)
    wi, wj = np.meshgrid(axis, axis)
    residuals = A[:, 0, None, None] * wi + A[:, 1, None, None] * wj - c[:, None, None]
    loss = np.mean(residuals ** 2, axis=0)
    levels = [0, *CONTOUR_LEVELS, max(float(loss.max()), CONTOUR_LEVELS[-1]) * 1.01]
    filled = ax.contourf(wi, wj, loss, levels=levels, cmap="Blues_r")
    lines = ax.contour(wi, wj, loss, levels=CONTOUR_LEVELS, colors="black", linewidths=0.6)
    ax.clabel(lines, fontsize=7, fmt=lambda v: format_number(v, 2))
    lowest = lowest_on_plane(X, targets, weights, vary)
    marked = None
    if lowest.point is not None:
        (marked,) = ax.plot([lowest.point[0]], [lowest.point[1]], "D", markerfacecolor="white",
                            markeredgecolor="black", markersize=8)
    elif lowest.line is not None:
        a, b, s = lowest.line
        if b != 0:
            (marked,) = ax.plot(axis, (s - a * axis) / b, "--", color="white", linewidth=2.2)
        else:
            (marked,) = ax.plot([s / a] * 2, [low, high], "--", color="white", linewidth=2.2)
    weights = np.asarray(weights, dtype=float)
    (current,) = ax.plot([weights[i]], [weights[j]], "o", color=NEGATIVE, markersize=8, markeredgecolor="black")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    ax.set_xlabel(f"weight {_name(i)}")
    ax.set_ylabel(f"weight {_name(j)}")
    samples = A.shape[0]
    ax.set_title(f"loss over {samples} sample{'s' if samples != 1 else ''}", fontsize=10)
    return {"filled": filled, "lines": lines, "current": current, "lowest": marked}


def _equation(a: float, b: float, c: float, names: tuple[str, str]) -> str:
    """a·wi + b·wj = c, written as the course writes numbers."""
    first = f"{format_number(a)}·{names[0]}"
    second = f"{MINUS if b < 0 else '+'} {format_number(abs(b))}·{names[1]}"
    return f"{first} {second} = {format_number(c)}"


def describe_loss_contours(X, targets, weights, vary=(1, 2)) -> str:
    """A one-line text summary of ``loss_contours``: the loss at the current weights, and the
    shape of the landscape: a valley (a line of lowest points) or a bowl (one lowest point)."""
    A, c, (i, j) = _plane_problem(X, targets, weights, vary)
    names = (_name(i), _name(j))
    weights = np.asarray(weights, dtype=float)
    current = float(np.mean((A @ weights[[i, j]] - c) ** 2))
    samples = A.shape[0]
    text = (f"Loss over {samples} sample{'s' if samples != 1 else ''} as {names[0]} and {names[1]} vary; "
            f"at the dot ({names[0]} = {format_number(weights[i])}, {names[1]} = {format_number(weights[j])}) "
            f"L = {format_number(current, 4)}. ")
    lowest = lowest_on_plane(X, targets, weights, vary)
    if lowest.point is not None:
        return text + (f"A bowl: one lowest point (diamond) at {names[0]} = {format_number(lowest.point[0])}, "
                       f"{names[1]} = {format_number(lowest.point[1])}, where L = {format_number(lowest.loss, 4)}.")
    if lowest.line is not None:
        return text + (f"A valley: the loss is lowest, L = {format_number(lowest.loss, 4)}, all along the dashed "
                       f"line {_equation(*lowest.line, names)}.")
    return text + f"Flat: {names[0]} and {names[1]} multiply inputs of 0, so they change nothing."
