"""Gradient descent on one neuron, pictured (chapter 09).

Two panels side by side. On the left, the loss against the neuron's output, L = (y − target)²,
a parabola, with the path of gradient descent on it: one dot per step, joined in order, so a
learning rate that overshoots draws a zigzag across the bottom. Every weight enters the loss through
y alone, so this one curve holds the whole path, however many weights move. On the right, the loss
after each step on a logarithmic scale: a straight line down while it converges, up when it diverges.

``descent_picture`` draws, ``update_descent_picture`` moves the artists, and ``describe_descent`` says
in one line what the picture shows; ``helpers.formulas.descent_formula`` writes the last step out.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter

from helpers.descent import error_factor, learning_rate_verdict
from helpers.drawing import NEGATIVE, POSITIVE, new_axes_row, nice_limit, steady_limit
from helpers.formulas import format_number, loss_text

__all__ = [
    "LOSS_RANGE",
    "descent_picture",
    "describe_descent",
    "moving_artists",
    "update_descent_picture",
]

LOSS_RANGE = (1e-12, 1e5)
"""The right panel's loss axis; a loss below 10⁻¹² is drawn on its bottom edge, above 10⁵ on its top."""


def describe_descent(path, x, target, learning_rate) -> str:
    """One line: the loss from the start to the last step, and what each step does to the error."""
    x = np.asarray(x, dtype=float)
    factor = error_factor(x, learning_rate)
    f, t, rate = format_number, format_number(target), format_number(learning_rate, 4)
    how = (f"each step multiplies the error y − {t} by 1 − 2 × {rate} × {f(x @ x)} = {f(factor, 4)}: "
           f"{learning_rate_verdict(factor)}.")
    steps = len(path) - 1
    if steps == 0:
        return f"No step yet: the loss is {loss_text(path[0].loss)} at y = {f(path[0].y, 4)}. At learning rate {rate}, {how}"
    return (f"After {steps} step{'s' if steps != 1 else ''} at learning rate {rate}, the loss went from "
            f"{loss_text(path[0].loss)} to {loss_text(path[-1].loss)} (y from {f(path[0].y, 4)} to "
            f"{f(path[-1].y, 4)}); {how}")


def _short_tick(value: float, position=None) -> str:
    """A tick label of the left panel, right-aligned to four digits' width with figure spaces, so that
    the labels of a wider range (up to 300k) fit in the margin laid out for the first ones."""
    text = f"{format_number(value / 1000, 1)}k" if abs(value) >= 1000 else format_number(value, 2)
    return text.rjust(4, "\u2007")


def _curve(target: float, reach: float):
    ys = np.linspace(target - reach, target + reach, 121)
    return ys, (ys - target) ** 2


def descent_picture(path, target, max_steps: int, axes=None, upcoming=None):
    """Draw the path on the loss curve (left) and the loss after each step (right).

    ``upcoming``, if given, is where the next step would land (a ``DescentStep``): a dotted line to a cross.
    ``axes`` is a pair of axes; without it a new figure is made (``artists["figure"]``).
    Returns the artists that move, for ``update_descent_picture``.
    """
    if axes is None:
        figure, axes = new_axes_row(2, 8.4, 3.0)
    curve_ax, steps_ax = axes
    artists = {"figure": curve_ax.figure, "axes": (curve_ax, steps_ax), "reach": 0.0}
    artists["curve"], = curve_ax.plot([], [], color="#888888", linewidth=1.5, label="L = (y − target)²")
    artists["target"] = curve_ax.axvline(target, color="#888888", linestyle=":", linewidth=1)
    artists["path"], = curve_ax.plot([], [], color=NEGATIVE, linestyle="--", linewidth=1.2, marker="o",
                                     markersize=4, label="one dot per step")
    artists["start"], = curve_ax.plot([], [], linestyle="none", marker="s", markersize=8, color=POSITIVE,
                                      label="start")
    artists["next"], = curve_ax.plot([], [], color="black", linestyle=":", linewidth=1, marker="x", markersize=6,
                                     markevery=[1], label="the next step")
    artists["now"], = curve_ax.plot([], [], linestyle="none", marker="o", markersize=10, markerfacecolor="none",
                                    markeredgecolor="black", markeredgewidth=1.5, label="now")
    curve_ax.yaxis.set_major_formatter(FuncFormatter(_short_tick))
    curve_ax.set_xlabel("output y")
    curve_ax.set_ylabel("loss L")
    curve_ax.set_title(f"the path on L = (y − {format_number(target)})²", fontsize=10)
    curve_ax.legend(loc="upper center", fontsize=7, ncols=2, frameon=False)
    artists["losses"], = steps_ax.plot([], [], color=NEGATIVE, linestyle="--", linewidth=1.2, marker="o", markersize=4)
    steps_ax.set_yscale("log")
    steps_ax.set_ylim(*LOSS_RANGE)
    steps_ax.set_xlim(-0.5, max_steps + 0.5)
    steps_ax.set_xlabel("step")
    steps_ax.set_ylabel("loss L (log scale)")
    steps_ax.set_title("the loss after each step", fontsize=10)
    steps_ax.grid(True, which="major", axis="y", linewidth=0.4, alpha=0.5)
    update_descent_picture(artists, path, target, upcoming)
    return artists


def moving_artists(artists) -> list:
    """The artists ``update_descent_picture`` moves, for ``LivePicture``."""
    return [artists[name] for name in ("curve", "path", "next", "start", "now", "losses")]


def update_descent_picture(artists, path, target, upcoming=None) -> None:
    """Move the path, the dots and the loss line to ``path`` (and the cross to ``upcoming``, the next
    step, if given); widen the left panel if y runs off it."""
    ys = np.array([step.y for step in path])
    losses = np.array([step.loss for step in path])
    shown = ys if upcoming is None else np.append(ys, upcoming.y)
    needed = max(float(np.max(np.abs(shown - target))) * 1.1, 0.1)
    reach = steady_limit(artists["reach"], needed) if artists["reach"] else nice_limit(needed)
    if reach != artists["reach"]:
        artists["reach"] = reach
        curve_ax = artists["axes"][0]
        curve_ax.set_xlim(target - reach, target + reach)
        curve_ax.set_ylim(-0.04 * reach ** 2, 1.25 * reach ** 2)
        artists["curve"].set_data(*_curve(target, reach))
    artists["path"].set_data(ys, losses)
    artists["start"].set_data(ys[:1], losses[:1])
    artists["now"].set_data(ys[-1:], losses[-1:])
    if upcoming is None:
        artists["next"].set_data([], [])
    else:
        artists["next"].set_data([ys[-1], upcoming.y], [losses[-1], upcoming.loss])
    low, high = LOSS_RANGE
    artists["losses"].set_data(np.arange(len(path)), np.clip(losses, low, high))
