"""Bars for a neuron's contributions (chapters 01 and 02) and curves side by side (chapter 02).

``contribution_bars`` draws, ``update_contribution_bars`` moves, ``describe_contributions`` says in
one line what is drawn. Negative bars are hatched as well as red.
"""

from __future__ import annotations

import numpy as np

from helpers.drawing import LINE_COLOURS, LINE_STYLES, NEGATIVE, POSITIVE, TOTAL, new_axes, steady_limit
from helpers.formulas import format_number
from helpers.maths import neuron, weighted_sum
from helpers.validation import as_numbers

__all__ = [
    "contribution_bars",
    "curves",
    "describe_contributions",
    "update_contribution_bars",
]


def contribution_bars(inputs, weights, ax=None, bias=None):
    """One bar per input for its contribution ``input × weight``, and a last bar for their sum.

    With a ``bias`` (chapter 02), a bar for the bias comes before the last bar, which is then
    ``z``, the sum of the contributions and the bias.
    Returns a dict of the artists: ``bars`` (the bar container), ``labels`` (value texts),
    ``zero`` (the axis line). ``update_contribution_bars`` moves them to new numbers.
    Introduced in chapter 01; the bias bar in chapter 02.
    """
    if ax is None:
        _, ax = new_axes()
    heights = _contributions(inputs, weights, bias)
    n_inputs = len(heights) - (1 if bias is None else 2)
    names = [f"x{i + 1}·w{i + 1}" for i in range(n_inputs)] + (["sum"] if bias is None else ["bias", "z"])
    bars = ax.bar(names, heights, edgecolor="black", linewidth=0.8)
    labels = [ax.text(i, 0, "", ha="center", fontsize=9) for i in range(len(heights))]
    zero = ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("contribution")
    ax.set_title("What each input adds to the sum" if bias is None else "The sum, the bias and z", fontsize=10)
    artists = {"bars": bars, "labels": labels, "zero": zero}
    update_contribution_bars(artists, inputs, weights, bias)
    return artists


def update_contribution_bars(artists, inputs, weights, bias=None) -> np.ndarray:
    """Move the bars and labels of ``contribution_bars`` to new inputs and weights (and bias).

    Returns the heights drawn: the contributions, then their sum
    (with a bias: the contributions, the bias, then z = their sum plus the bias).
    """
    heights = _contributions(inputs, weights, bias)
    if len(heights) != len(artists["bars"]):
        raise ValueError(
            f"these bars were drawn for {len(artists['bars'])} values, but got {len(heights)} "
            f"({len(heights) - (1 if bias is None else 2)} inputs{'' if bias is None else ' and a bias'})."
        )
    for bar, label, height, is_total in zip(
        artists["bars"], artists["labels"], heights, [False] * (len(heights) - 1) + [True]
    ):
        bar.set_height(height)
        bar.set_facecolor(TOTAL if is_total else POSITIVE if height >= 0 else NEGATIVE)
        bar.set_hatch("//" if height < 0 else "")
        label.set_position((label.get_position()[0], height))
        label.set_text(format_number(height, decimals=2))
        label.set_verticalalignment("bottom" if height >= 0 else "top")
    ax = artists["bars"][0].axes
    old_bottom, old_top = ax.get_ylim()
    top = steady_limit(old_top, max(1.0, float(heights.max()) * 1.2))
    low = float(heights.min())
    # Below zero, at least a quarter of the height above: the range then changes rarely while a
    # small negative bar (a bias near 0) moves, and each change means a full redraw.
    bottom = -steady_limit(-old_bottom, max(-low * 1.2, 0.25 * top)) if low < 0 else -0.1 * top
    ax.set_ylim(bottom, top)
    return heights


def describe_contributions(heights, bias: bool = False) -> str:
    """A one-line text summary of the contribution bars drawn with these ``heights``.

    With ``bias=True`` the heights are the contributions, the bias and z (chapter 02).
    """
    values = list(heights)
    products = values[:-2] if bias else values[:-1]
    parts = [f"x{i + 1}·w{i + 1} = {format_number(p, decimals=2)}" for i, p in enumerate(products)]
    if bias:
        return (f"Contributions: {', '.join(parts)}; bias = {format_number(values[-2], decimals=2)}; "
                f"z = {format_number(values[-1], decimals=2)}.")
    return f"Contributions: {', '.join(parts)}; sum = {format_number(values[-1], decimals=2)}."


def _contributions(inputs, weights, bias=None) -> np.ndarray:
    """Each input times its weight, followed by their sum (with a bias: the bias, then z)."""
    total = weighted_sum(inputs, weights)  # also checks the shapes
    products = np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)
    if bias is None:
        return np.append(products, total)
    z = neuron(inputs, weights, bias, activation=None)  # also checks the bias
    return np.append(products, [float(bias), z])


def curves(xs, named_values: dict, ax=None, xlabel: str = "input", ylabel: str = "output"):
    """Several curves over the same ``xs``, each with its own colour *and* line style, and a legend.

    ``named_values`` maps a legend label to the y values. Returns the list of lines.
    Introduced in chapter 02.
    """
    if ax is None:
        _, ax = new_axes()
    xs = as_numbers(xs, "xs", ndim=1)
    lines = []
    for k, (label, ys) in enumerate(named_values.items()):
        ys = as_numbers(ys, label, ndim=1)
        if ys.shape != xs.shape:
            raise ValueError(f"{label} has {ys.size} values but xs has {xs.size}; give one y per x.")
        (line,) = ax.plot(xs, ys, LINE_STYLES[k % 4], color=LINE_COLOURS[k % 4], linewidth=2, label=label)
        lines.append(line)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, loc="upper center")
    return lines
