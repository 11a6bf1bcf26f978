"""Chapter 13's pictures: a network that learns its training points too well.

``overfitting_picture`` draws, side by side, the output y of a trained network over chapter 07's
plane (blue where y > 0, red where y < 0: the decision boundary is where the colours meet) with the
training points (large) and the test points (small) on top, and the two loss curves, training
(solid) and test (dashed), with the step where the test loss is lowest marked (early stopping).
``update_overfitting_picture`` moves it to another run; ``describe_overfitting`` says in one line
what it shows.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import NullFormatter

from helpers.drawing import NEGATIVE, new_figure
from helpers.formulas import format_number, format_percent
from helpers.pictures.plane import PLANE_COLOUR_LIMIT, PLANE_COLOURS, block_imshow
from helpers.plane import PLANE_HIGH, PLANE_LOW, network_on_plane

__all__ = [
    "OVERFITTING_CELLS",
    "RISE",
    "OverfittingRun",
    "describe_overfitting",
    "new_overfitting_figure",
    "overfitting_moving_artists",
    "overfitting_picture",
    "update_overfitting_picture",
]

OVERFITTING_CELLS = 48  #: grid cells along each side of the output map
RISE = 1.05  #: a test loss that ends more than 5% above its lowest has risen (the summary says so)
TEST_COLOUR = "#666666"  #: the test points: small and grey, where the training points are large and black


class OverfittingRun(NamedTuple):
    """What the picture shows: the data split in two, the network at the end and at the best step,
    both loss histories (``losses[k]`` and ``test_losses[k]`` after k steps), and the accuracies the
    formula and the summary quote. Introduced in chapter 13."""

    X_train: np.ndarray
    target_train: np.ndarray
    X_test: np.ndarray
    target_test: np.ndarray
    final: tuple          #: (W1, b1, W2, b2) after the last step
    best: tuple           #: (W1, b1, W2, b2) at ``best_step``
    losses: np.ndarray
    test_losses: np.ndarray
    best_step: int
    train_accuracy: float      #: on the training points, after the last step
    test_accuracy: float       #: on the test points, after the last step
    best_test_accuracy: float  #: on the test points, at ``best_step``


def new_overfitting_figure():
    """A fresh figure with the plane on the left and the two loss curves on the right:
    ``(figure, plane_ax, loss_ax)``. Introduced in chapter 13."""
    figure = new_figure(7.8, 3.4)
    grid = figure.add_gridspec(1, 2, width_ratios=(1.0, 1.15))
    return figure, figure.add_subplot(grid[0, 0]), figure.add_subplot(grid[0, 1])


def _loss_limits(losses: np.ndarray, test_losses: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """Steps from 0 to the last; the losses on a log scale between powers of 10."""
    both = np.concatenate([losses, test_losses])
    finite = both[np.isfinite(both) & (both > 0)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.1, 1.0)
    bottom = 10.0 ** np.floor(np.log10(low))
    top = 10.0 ** np.ceil(np.log10(high) + 1e-9)
    return (0.0, float(max(len(losses) - 1, 10))), (bottom, max(top, 10 * bottom))


def overfitting_picture(run: OverfittingRun, plane_ax=None, loss_ax=None, n: int = OVERFITTING_CELLS) -> dict:
    """The trained network's output over the plane with the training points (large and black: open circles +1,
    crosses −1) and the test points (small and grey: dots +1, plus signs −1), beside the training loss (solid)
    and the test loss (dashed), the lowest test loss marked with a dotted line at its step.
    Returns a dict of the artists; ``update_overfitting_picture`` moves them. Introduced in chapter 13."""
    if plane_ax is None or loss_ax is None:
        _, plane_ax, loss_ax = new_overfitting_figure()
    image = block_imshow(plane_ax, np.zeros((n, n)), (PLANE_LOW, PLANE_HIGH, PLANE_LOW, PLANE_HIGH),
                         PLANE_COLOURS, -PLANE_COLOUR_LIMIT, PLANE_COLOUR_LIMIT)
    plane_ax.set_xlim(PLANE_LOW, PLANE_HIGH)
    plane_ax.set_ylim(PLANE_LOW, PLANE_HIGH)
    plane_ax.set_aspect("equal")
    plane_ax.set_xlabel("x[0]")
    plane_ax.set_ylabel("x[1]")
    plane_ax.set_title("y > 0 blue, y < 0 red; large: training, small: test", fontsize=9)
    # The heat map covers the axes' edge pixels: a frame drawn after it, instead of the spines, stays visible.
    for spine in plane_ax.spines.values():
        spine.set_visible(False)
    frame = Rectangle((0, 0), 1, 1, transform=plane_ax.transAxes, fill=False, edgecolor="black",
                      linewidth=plane_ax.spines["left"].get_linewidth(), zorder=2.5)
    plane_ax.add_patch(frame)
    point = dict(linestyle="none", zorder=4)
    (train_inside,) = plane_ax.plot([], [], "o", markersize=6.5, markerfacecolor="white", markeredgecolor="black",
                                    markeredgewidth=1.4, **point)
    (train_outside,) = plane_ax.plot([], [], "x", markersize=6, color="black", markeredgewidth=1.6, **point)
    (test_inside,) = plane_ax.plot([], [], "o", markersize=3.5, markerfacecolor=TEST_COLOUR,
                                   markeredgecolor="white", markeredgewidth=0.5, **point)
    (test_outside,) = plane_ax.plot([], [], "+", markersize=4, color=TEST_COLOUR, markeredgewidth=1.0, **point)
    (train_curve,) = loss_ax.plot([], [], "-", color="black", linewidth=1.6, label="training loss")
    (test_curve,) = loss_ax.plot([], [], "--", color=NEGATIVE, linewidth=1.6, label="test loss")
    (best_line,) = loss_ax.plot([], [], ":", color="#555555", linewidth=1.2)
    (best_dot,) = loss_ax.plot([], [], "o", color=NEGATIVE, markersize=5, zorder=3)
    best_text = loss_ax.text(0, 0, "", fontsize=8, color="#333333", ha="left", va="bottom")
    loss_ax.set_yscale("log")
    loss_ax.yaxis.set_minor_formatter(NullFormatter())
    loss_ax.set_xlabel("step")
    loss_ax.set_ylabel("loss = mse(y, target)")
    loss_ax.set_title("training loss (solid) and test loss (dashed)", fontsize=9)
    loss_ax.grid(True, which="major", linewidth=0.5, color="#dddddd")
    loss_ax.legend(loc="lower left", fontsize=8, frameon=False)
    artists = {"image": image, "frame": frame, "train_inside": train_inside, "train_outside": train_outside,
               "test_inside": test_inside, "test_outside": test_outside, "train_curve": train_curve,
               "test_curve": test_curve, "best_line": best_line, "best_dot": best_dot, "best_text": best_text}
    update_overfitting_picture(artists, run)
    return artists


def overfitting_moving_artists(artists) -> list:
    """Every artist of an ``overfitting_picture`` that changes with the run (for ``LivePicture``)."""
    return [artists[name] for name in ("image", "frame", "train_inside", "train_outside", "test_inside", "test_outside",
                                       "train_curve", "test_curve", "best_line", "best_dot", "best_text")]


def _split_by_target(line_inside, line_outside, X, target) -> None:
    X, inside = np.asarray(X, dtype=float), np.asarray(target, dtype=float).reshape(-1) > 0
    line_inside.set_data(X[inside, 0], X[inside, 1])
    line_outside.set_data(X[~inside, 0], X[~inside, 1])


def update_overfitting_picture(artists, run: OverfittingRun) -> None:
    """Move an ``overfitting_picture`` to another run."""
    image = artists["image"]
    n = image.get_array().shape[0]
    image.set_data(network_on_plane(*run.final, PLANE_LOW, PLANE_HIGH, n).y)
    _split_by_target(artists["train_inside"], artists["train_outside"], run.X_train, run.target_train)
    _split_by_target(artists["test_inside"], artists["test_outside"], run.X_test, run.target_test)
    losses, test_losses = np.asarray(run.losses, dtype=float), np.asarray(run.test_losses, dtype=float)
    steps = np.arange(len(losses))
    artists["train_curve"].set_data(steps, losses)
    artists["test_curve"].set_data(steps, test_losses)
    ax = artists["train_curve"].axes
    xlim, ylim = _loss_limits(losses, test_losses)
    if ax.get_xlim() != xlim:
        ax.set_xlim(*xlim)
    if ax.get_ylim() != ylim:
        ax.set_ylim(*ylim)
    best, lowest = run.best_step, test_losses[run.best_step]
    artists["best_line"].set_data([best, best], list(ylim))
    artists["best_dot"].set_data([best], [lowest])
    text = artists["best_text"]
    text.set_text(f" lowest test loss\n at step {best}")
    # Beside the dotted line, on the side with more room, near the top of the axes.
    right = best <= 0.6 * xlim[1]
    text.set_horizontalalignment("left" if right else "right")
    text.set_position((best, ylim[1] / 10 ** 0.35))


def describe_overfitting(run: OverfittingRun) -> str:
    """A one-line text summary of an ``overfitting_picture``: both losses at the end, the lowest test loss
    and its step, what happened after it, and the accuracies on both sets at the end and at that step.
    Introduced in chapter 13."""
    f = format_number
    steps, best = len(run.losses) - 1, run.best_step
    n_hidden, n_train, n_test = len(run.final[1]), len(run.X_train), len(run.X_test)
    train_end, test_end = run.losses[-1], run.test_losses[-1]
    test_best = run.test_losses[best]
    head = (f"{n_hidden} hidden neurons trained on {n_train} points and tested on {n_test} others: after {steps} steps "
            f"the training loss is {f(train_end, 4)} and the test loss {f(test_end, 4)}.")
    if best == steps:
        story = " The test loss is lowest at the last step: it has not started to rise."
    else:
        if test_end > RISE * test_best:
            rose = f"the test loss rose to {f(test_end, 4)}: overfitting"
        else:
            rose = "the test loss stayed close to its lowest"
        story = (f" The test loss was lowest, {f(test_best, 4)}, at step {best}; after that the training loss went on "
                 f"from {f(run.losses[best], 4)} to {f(train_end, 4)} while {rose}.")
    accuracies = (f" The boundary drawn is the last step's: it gets {format_percent(run.train_accuracy)} "
                  f"of the training points and {format_percent(run.test_accuracy)} of the test "
                  f"points right; at step {best}, {format_percent(run.best_test_accuracy)} of the test points.")
    return head + story + accuracies
