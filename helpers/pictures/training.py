"""Chapter 11's pictures: a network training on labelled points of chapter 07's plane.

``training_picture`` draws, side by side, chapter 07's plane picture of the network (the output y as
a heat map, each hidden neuron's line with an arrow towards its active side) with the labelled
points on top, and the loss curve so far. ``update_training_picture`` moves it to new parameters
and a longer loss history; ``describe_training`` says in one line what it shows.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import NullFormatter

from helpers.datasets import accuracy
from helpers.drawing import new_figure, nice_limit, POSITIVE
from helpers.formulas import format_number, line_equation
from helpers.pictures.plane import plane_moving_artists, plane_picture, update_plane_picture
from helpers.plane import PlaneValues

__all__ = [
    "MAX_HIDDEN",
    "TRAINING_CELLS",
    "describe_training",
    "new_training_figure",
    "training_moving_artists",
    "training_picture",
    "update_training_picture",
]

MAX_HIDDEN = 8  #: the most hidden neurons the training picture has room for
TRAINING_CELLS = 48  #: grid cells along each side of the heat map (chapter 07 draws 60; fewer keeps training fluid)
INSIDE_MARKER, OUTSIDE_MARKER = "o", "x"  #: target +1 and −1: the shape, not only the colour, says which


def new_training_figure():
    """A fresh figure with the plane on the left and the loss curve on the right: ``(figure, plane_ax, loss_ax)``.

    Introduced in chapter 11."""
    figure = new_figure(7.6, 3.3)
    grid = figure.add_gridspec(1, 2, width_ratios=(1.25, 1))
    return figure, figure.add_subplot(grid[0, 0]), figure.add_subplot(grid[0, 1])


def _loss_limits(losses: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis limits for a loss curve: steps from 0 to a round number, the loss on a log scale between powers of 10."""
    steps = max(len(losses) - 1, 1)
    finite = losses[np.isfinite(losses) & (losses > 0)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.1, 1.0)
    bottom = 10.0 ** np.floor(np.log10(low))
    top = 10.0 ** np.ceil(np.log10(high) + 1e-9)
    return (0.0, nice_limit(max(steps, 10))), (bottom, max(top, 10 * bottom))


def training_picture(X, target, W1, b1, W2, b2, losses, plane_ax=None, loss_ax=None, slots: int = MAX_HIDDEN,
                     n: int = TRAINING_CELLS, learning_rate: float | None = None) -> dict:
    """The network over the plane with the points ``X`` (inside: circles, outside: crosses) and the loss curve.

    ``losses`` is the loss history so far (``losses[k]`` after k steps). ``slots`` is how many hidden
    neurons the picture has room for; ``learning_rate``, if given, is written above the loss curve. Returns a dict of the artists: ``plane`` (chapter 07's
    ``plane_picture`` dict), ``inside`` and ``outside`` (the points), ``curve`` and ``now`` (the loss
    curve and its last point) and ``title`` (the loss curve's title). ``update_training_picture`` moves them.
    Introduced in chapter 11.
    """
    if plane_ax is None or loss_ax is None:
        _, plane_ax, loss_ax = new_training_figure()
    plane = plane_picture(W1, b1, W2, b2, ax=plane_ax, map_axes=[], slots=slots, n=n)
    plane["marks"].set_alpha(0.35)  # the points matter more here than the "+" of y > 0
    plane_ax.set_title("output y: blue > 0, red < 0 (+ where y > 0)", fontsize=9)
    (inside,) = plane_ax.plot([], [], INSIDE_MARKER, markersize=4.5, markerfacecolor=POSITIVE, markeredgecolor="black",
                              markeredgewidth=0.6, linestyle="none", zorder=4, label="target +1 (inside)")
    (outside,) = plane_ax.plot([], [], OUTSIDE_MARKER, markersize=4.5, color="black", markeredgewidth=1.1,
                               linestyle="none", zorder=4, label="target −1 (outside)")
    (curve,) = loss_ax.plot([], [], "-", color="black", linewidth=1.6)
    (now,) = loss_ax.plot([], [], "o", color="black", markersize=4)
    loss_ax.set_yscale("log")
    loss_ax.yaxis.set_minor_formatter(NullFormatter())  # labels at the powers of 10 only
    loss_ax.set_xlabel("step")
    loss_ax.set_ylabel("loss L = mse(y, target)")
    title = loss_ax.set_title("", fontsize=9)
    loss_ax.grid(True, which="major", linewidth=0.5, color="#dddddd")
    artists = {"plane": plane, "inside": inside, "outside": outside, "curve": curve, "now": now, "title": title}
    update_training_picture(artists, X, target, W1, b1, W2, b2, losses, learning_rate)
    return artists


def training_moving_artists(artists) -> list:
    """Every artist of a ``training_picture`` that changes while the network trains (for ``LivePicture``)."""
    return [*plane_moving_artists(artists["plane"]), artists["inside"], artists["outside"], artists["curve"],
            artists["now"], artists["title"]]


def update_training_picture(artists, X, target, W1, b1, W2, b2, losses, learning_rate: float | None = None
                            ) -> PlaneValues:
    """Move a ``training_picture`` to new points, parameters, loss history (and learning rate);
    returns the ``PlaneValues`` drawn."""
    X, target = np.asarray(X, dtype=float), np.asarray(target, dtype=float).reshape(-1)
    values = update_plane_picture(artists["plane"], W1, b1, W2, b2)
    inside = target > 0
    artists["inside"].set_data(X[inside, 0], X[inside, 1])
    artists["outside"].set_data(X[~inside, 0], X[~inside, 1])
    losses = np.asarray(losses, dtype=float)
    steps = np.arange(len(losses))
    artists["curve"].set_data(steps, losses)
    artists["now"].set_data(steps[-1:], losses[-1:])
    rate = "" if learning_rate is None else f" at learning rate {format_number(learning_rate)}"
    artists["title"].set_text(f"the loss, step after step{rate}")
    ax = artists["curve"].axes
    xlim, ylim = _loss_limits(losses)
    if ax.get_xlim() != xlim:
        ax.set_xlim(*xlim)
    if ax.get_ylim() != ylim:
        ax.set_ylim(*ylim)
    return values


def describe_training(X, target, W1, b1, W2, b2, losses, learning_rate: float) -> str:
    """A one-line text summary of a ``training_picture``: the step, the loss and where it started,
    how many points get the sign of their target, and each hidden neuron's line.
    (Chapter 07's ``describe_plane`` measures the output exactly, too slow for every frame of play.)
    Introduced in chapter 11."""
    f = format_number
    X, target = np.asarray(X, dtype=float), np.asarray(target, dtype=float)
    W1, b1 = np.asarray(W1, dtype=float), np.asarray(b1, dtype=float)
    losses = np.asarray(losses, dtype=float)
    y = np.maximum(X @ W1.T + b1, 0.0) @ np.asarray(W2, dtype=float).T + np.asarray(b2, dtype=float)
    right = int(round(accuracy(y, target) * len(X)))
    step = len(losses) - 1
    history = "" if step == 0 else f" (it was {f(losses[0], 4)} at step 0)"
    lines = "; ".join(f"neuron {j}: {line_equation(W1[j], b1[j])}" for j in range(len(b1)))
    return (f"Step {step} at learning rate {f(learning_rate)}: the loss is {f(losses[-1], 4)}{history}; "
            f"{right} of {len(X)} points ({f(100 * right / len(X), 1)}%) get the sign of their target. "
            f"The hidden neurons' lines: {lines}.")
