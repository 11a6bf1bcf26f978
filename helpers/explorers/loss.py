"""The loss explorer (chapter 08): drag a weight, or the target, and watch the prediction, the
loss written out and the point on the loss curve move together."""

from __future__ import annotations

import html

import ipywidgets as widgets

from helpers.drawing import new_figure
from helpers.explorer import Explorer, slider
from helpers.formulas import MINUS, factor, format_number
from helpers.validation import as_numbers
from helpers.pictures.loss import (
    LossPoint,
    describe_loss_curve,
    describe_prediction,
    loss_curve,
    loss_point,
    prediction_line,
    update_loss_curve,
    update_prediction_line,
)

__all__ = ["LOSS_TARGET_RANGE", "LOSS_WEIGHT_RANGE", "LossExplorer", "loss_formula"]

LOSS_WEIGHT_RANGE = (-0.2, 1.0, 0.01)
"""The weight slider: from −0.2 to 1 in steps of 0.01, so every lowest point the target slider
can ask for, (target − 1.9) / 5 with a target in steps of 0.1, is on a step."""
LOSS_TARGET_RANGE = (1.0, 6.0, 0.1)
"""The target slider: from 1 to 6 in steps of 0.1 (the lowest w3 then stays within the weight slider)."""


def loss_formula(inputs, weights, target) -> str:
    """The loss of one neuron for one target, written out with the numbers substituted.

    Introduced in chapter 08.

    >>> loss_formula([2, 3, 5], [0.5, 0.3, 0.2], 4)
    'L = (2×0.5 + 3×0.3 + 5×0.2 − 4)² = (2.9 − 4)² = (−1.1)² = 1.21'
    """
    point = loss_point(inputs, weights, target)  # checks them all
    inputs, weights = as_numbers(inputs, "inputs"), as_numbers(weights, "weights")
    terms = " + ".join(f"{factor(x)}×{factor(w)}" for x, w in zip(inputs, weights))
    target = point.prediction - point.error
    minus_target = f"{MINUS if target >= 0 else '+'} {format_number(abs(target))}"
    return (f"L = ({terms} {minus_target})² = ({format_number(point.prediction)} {minus_target})² "
            f"= {factor(point.error)}² = {format_number(point.loss, 4)}")


class LossExplorer(Explorer):
    """One neuron and its target (chapter 08): a slider for the last weight (``w3`` for three inputs)
    and one for the target. Shows the loss written out, ``L = (2×0.5 + 3×0.3 + 5×w3 − 4)² = …``,
    the prediction beside the target on a number line, and the loss curve over ``w3`` with the
    current point on it. ``moves`` counts the slider moves since the explorer was made.

    >>> explorer = LossExplorer()
    >>> explorer.weight_slider.value = 0.3
    >>> explorer.formula_text
    'L = (2×0.5 + 3×0.3 + 5×0.3 − 4)² = (3.4 − 4)² = (−0.6)² = 0.36'
    """

    kind = "loss"

    def __init__(self, inputs=(2, 3, 5), weights=(0.5, 0.3, 0.2), target=4.0):
        loss_point(inputs, weights, target)  # check the starting values before building anything
        self.fixed_inputs = tuple(float(x) for x in as_numbers(inputs, "inputs", ndim=1))
        weights = as_numbers(weights, "weights", ndim=1)
        self.fixed_weights = tuple(float(w) for w in weights[:-1])
        low, high, step = LOSS_WEIGHT_RANGE
        t_low, t_high, t_step = LOSS_TARGET_RANGE
        for name, value, (a, b) in (("the last weight", weights[-1], (low, high)), ("target", target, (t_low, t_high))):
            if not a <= float(value) <= b:
                raise ValueError(f"{name} starts at {format_number(value)}, outside its slider's range "
                                 f"{format_number(a)} to {format_number(b)}.")
        self.name = f"w{len(weights)}"
        self.weight_slider = slider(f"weight {self.name}", float(weights[-1]), low, high, step)
        self.target_slider = slider("target", float(target), t_low, t_high, t_step, decimals=1)
        self.moves = 0  #: how many times a slider has moved since the explorer was made
        super().__init__()
        for control in self.controls():
            control.observe(self._count, names="value")

    def _count(self, change=None):
        self.moves += 1

    def controls(self):
        return [self.weight_slider, self.target_slider]

    def layout(self):
        fixed = ", ".join(f"w{i + 1} = {format_number(w)}" for i, w in enumerate(self.fixed_weights))
        inputs = ", ".join(format_number(x) for x in self.fixed_inputs)
        return [
            widgets.HTML(f"inputs {inputs}; {fixed} stay fixed. Drag <b>{self.name}</b> and the <b>target</b>:"),
            widgets.HBox([self.weight_slider, self.target_slider]),
        ]

    def draw(self):
        figure = new_figure(6.4, 4.2)
        top, bottom = figure.subplots(2, 1, height_ratios=(1, 2.6))
        point = loss_point(self.inputs, self.weights, self.target)
        low, high, _ = LOSS_WEIGHT_RANGE
        self.line_artists = prediction_line(point.prediction, self.target, ax=top,
                                            low=self._prediction_range()[0], high=self._prediction_range()[1])
        self.curve_artists = loss_curve(self.inputs, self.weights, self.target, low=low, high=high, ax=bottom)
        moving = [*self.line_artists.values(), *(a for a in self.curve_artists.values() if a is not None)]
        return figure, moving

    def _prediction_range(self) -> tuple[float, float]:
        """The number line covers every prediction and target the sliders allow."""
        low, high, _ = LOSS_WEIGHT_RANGE
        rest = sum(x * w for x, w in zip(self.fixed_inputs, self.fixed_weights))
        x = self.fixed_inputs[-1]
        ends = [rest + x * low, rest + x * high, *LOSS_TARGET_RANGE[:2]]
        return float(min(ends)) - 0.5, float(max(ends)) + 0.5

    @property
    def w3(self) -> float:
        """The weight the slider sets (``w3`` for three inputs), as the page shows it."""
        return round(self.weight_slider.value, 6)

    @property
    def target(self) -> float:
        return round(self.target_slider.value, 6)

    @property
    def inputs(self) -> list[float]:
        return list(self.fixed_inputs)

    @property
    def weights(self) -> list[float]:
        return [*self.fixed_weights, self.w3]

    @property
    def point(self) -> LossPoint:
        """The prediction, error and loss at the sliders' values."""
        return loss_point(self.inputs, self.weights, self.target)

    @property
    def formula_text(self) -> str:
        return loss_formula(self.inputs, self.weights, self.target)

    def formula_html(self) -> str:
        return f"<div style='font-size:1.2em'>{html.escape(self.formula_text)}</div>"

    def move(self) -> str:
        point = update_loss_curve(self.curve_artists, self.inputs, self.weights, self.target)
        update_prediction_line(self.line_artists, point.prediction, self.target)
        low, high, _ = LOSS_WEIGHT_RANGE
        return html.escape(f"{describe_prediction(point.prediction, self.target)} "
                           f"{describe_loss_curve(point, low, high)}")

    def __repr__(self):
        return f"LossExplorer(inputs={self.inputs}, weights={self.weights}, target={self.target})"
