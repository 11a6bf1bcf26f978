"""Gradient descent on one neuron, pictured (chapter 09).

Two panels side by side. On the left, the loss against the neuron's output, L = (y − target)²,
a parabola, with the path of gradient descent on it: one dot per step, joined in order, so a
learning rate that overshoots draws a zigzag across the bottom. Every weight enters the loss through
y alone, so this one curve holds the whole path, however many weights move. On the right, the loss
after each step on a logarithmic scale: a straight line down while it converges, up when it diverges.

``descent_picture`` draws, ``update_descent_picture`` moves the artists, ``descent_formula`` writes the
last step out with its numbers, and ``describe_descent`` says in one line what the picture shows.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter

from helpers.descent import error_factor, learning_rate_verdict
from helpers.maths import format_number
from helpers.plots import NEGATIVE, POSITIVE, new_axes_row, nice_limit, steady_limit

__all__ = [
    "LOSS_RANGE",
    "descent_formula",
    "descent_picture",
    "describe_descent",
    "loss_text",
    "update_descent_picture",
]

LOSS_RANGE = (1e-12, 1e5)
"""The right panel's loss axis; a loss below 10⁻¹² is drawn on its bottom edge, above 10⁵ on its top."""
MINUS = "\u2212"


def loss_text(value: float) -> str:
    """A loss as the summaries write it: three significant digits, small and large ones as powers of ten.

    >>> loss_text(1.21), loss_text(0.069696), loss_text(0.0000133191), loss_text(23400.5), loss_text(0)
    ('1.21', '0.0697', '1.33×10⁻⁵', '2.34×10⁴', '0')
    """
    value = float(value)
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return format_number(float(f"{value:.3g}"), decimals=6)
    mantissa, exponent = f"{value:.2e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{format_number(float(mantissa), 2)}×10{superscript}"


def _vector(values, decimals: int = 4) -> str:
    return "[" + ", ".join(format_number(v, decimals) for v in values) + "]"


def descent_formula(path, x, target, learning_rate) -> list[str]:
    """The last step of ``path`` (a list of ``descent.DescentStep``) written out with its numbers.

    Before any step: where the neuron starts, and the gradient the first step will follow.

    >>> from helpers.descent import gradient_descent
    >>> for line in descent_formula(gradient_descent([2, 3, 5], [0.5, 0.3, 0.2], 4, 0.01, 1), [2, 3, 5], 4, 0.01):
    ...     print(line)
    step 1: gradient = 2 × (y − 4) × x = 2 × (2.9 − 4) × [2, 3, 5] = [−4.4, −6.6, −11]
    w ← w − learning_rate × gradient = [0.5, 0.3, 0.2] − 0.01 × [−4.4, −6.6, −11] = [0.544, 0.366, 0.31]
    now y = 3.736 and L = (3.736 − 4)² = 0.0697
    """
    f, t = format_number, format_number(target)
    before = path[-2] if len(path) > 1 else path[0]
    slope = f"2 × (y − {t}) × x = 2 × ({f(before.y, 4)} − {t}) × {_vector(x)} = {_vector(before.gradient)}"
    now = path[-1]
    if len(path) == 1:
        upcoming = np.asarray(now.w) - learning_rate * np.asarray(now.gradient)
        return [
            f"no step yet: w = {_vector(now.w)}, y = {f(now.y, 4)}, L = ({f(now.y, 4)} − {t})² = {loss_text(now.loss)}",
            f"the first step follows the gradient {slope}",
            f"it will take w to w − learning_rate × gradient = {_vector(now.w)} − {f(learning_rate, 4)} × "
            f"{_vector(now.gradient)} = {_vector(upcoming)}",
        ]
    return [
        f"step {len(path) - 1}: gradient = {slope}",
        f"w ← w − learning_rate × gradient = {_vector(before.w)} − {f(learning_rate, 4)} × "
        f"{_vector(before.gradient)} = {_vector(now.w)}",
        f"now y = {f(now.y, 4)} and L = ({f(now.y, 4)} − {t})² = {loss_text(now.loss)}",
    ]


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
