"""The gradient-descent explorer of chapter 09: step by step down the loss of one neuron.

A button takes one step of gradient descent, another goes back to the start, and a slider sets the
learning rate. The number of steps taken is a slider too (the buttons move it), so everything the
explorer shows follows from its controls: the path from the start, at this learning rate, for this
many steps. Moving the learning rate redraws the same number of steps at the new rate.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from helpers.descent import gradient_descent
from helpers.explorer import Explorer, slider
from helpers.formulas import descent_formula
from helpers.maths import weighted_sum
from helpers.pictures.descent import descent_picture, describe_descent, moving_artists, update_descent_picture

__all__ = ["DescentExplorer", "LEARNING_RATE_RANGE", "MAX_STEPS"]

LEARNING_RATE_RANGE = (0.001, 0.03, 0.001)
"""The learning-rate slider: from 0.001 to 0.03 in steps of 0.001."""
MAX_STEPS = 20  #: the most steps the explorer takes


class DescentExplorer(Explorer):
    """Gradient descent on one neuron without activation, y = x · w, with L = (y − target)² (chapter 09).

    Controls: a "take one step" button, a "back to the start" button, a "learning rate" slider and a
    "steps taken" slider. Shows the last step written out (gradient, update, new loss), the path on
    the loss curve with a cross where the next step would land, the loss after each step, and a
    one-line summary.

    >>> explorer = DescentExplorer()
    >>> explorer.step_button.click()
    >>> explorer.formula_lines[1]
    'w ← w − learning_rate × gradient = [0.5, 0.3, 0.2] − 0.01 × [−4.4, −6.6, −11] = [0.544, 0.366, 0.31]'
    """

    kind = "descent"

    def __init__(self, x=(2, 3, 5), w=(0.5, 0.3, 0.2), target=4.0, learning_rate=0.01, steps=0):
        weighted_sum(x, w)  # check the starting values before building anything
        self.x, self.w, self.target = [float(v) for v in x], [float(v) for v in w], float(target)
        gradient_descent(self.x, self.w, self.target, learning_rate, 0)
        low, high, step = LEARNING_RATE_RANGE
        if not low <= learning_rate <= high:
            raise ValueError(f"learning_rate = {learning_rate} is outside the slider's range, {low} to {high}.")
        if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= MAX_STEPS:
            raise ValueError(f"steps should be a whole number from 0 to {MAX_STEPS}, but got {steps!r}.")
        self.rate_slider = slider("learning rate", learning_rate, low, high, step, decimals=3)
        self.steps_slider = slider("steps taken", steps, 0, MAX_STEPS, 1, decimals=0)
        self.step_button = widgets.Button(description="take one step", icon="step-forward",
                                          tooltip="one step of gradient descent: w ← w − learning_rate × gradient")
        self.step_button.add_class("nnbh-step")
        self.reset_button = widgets.Button(description="back to the start", icon="undo",
                                           tooltip="back to the starting weights, no step taken")
        self.reset_button.add_class("nnbh-reset")
        self.step_button.on_click(self.take_step)
        self.reset_button.on_click(self.reset)
        self.path = None  #: the ``helpers.descent.DescentStep`` list last drawn
        super().__init__()

    def controls(self) -> list:
        return [self.rate_slider, self.steps_slider]

    def layout(self) -> list:
        return [widgets.HBox([self.step_button, self.reset_button]), widgets.HBox(self.controls())]

    def draw(self):
        *path, upcoming = self._path(extra=1)
        self.artists = descent_picture(path, self.target, MAX_STEPS, upcoming=upcoming)
        return self.artists["figure"], moving_artists(self.artists)

    def take_step(self, button=None) -> None:
        """One more step (the "take one step" button); nothing more after ``MAX_STEPS``."""
        self.steps_slider.value = min(self.steps + 1, MAX_STEPS)

    def reset(self, button=None) -> None:
        """Back to the start (the "back to the start" button)."""
        self.steps_slider.value = 0

    @property
    def learning_rate(self) -> float:
        # A slider moved in the browser can report 0.011000000000000001 for the 0.011 it shows.
        return round(self.rate_slider.value, 6)

    @property
    def steps(self) -> int:
        return int(round(self.steps_slider.value))

    def _path(self, extra: int = 0):
        """The path from the start for the steps taken (and ``extra`` steps beyond, for the one to come)."""
        return gradient_descent(self.x, self.w, self.target, self.learning_rate, self.steps + extra)

    @property
    def formula_lines(self) -> list[str]:
        return descent_formula(self._path(), self.x, self.target, self.learning_rate)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line each for the gradient, the update, the loss."""
        return "\n".join(self.formula_lines)

    def formula_html(self) -> str:
        return f"<div style='white-space:pre-line; font-size:1.05em'>{html.escape(self.formula_text)}</div>"

    def move(self) -> str:
        *self.path, upcoming = self._path(extra=1)
        update_descent_picture(self.artists, self.path, self.target, upcoming)
        return html.escape(describe_descent(self.path, self.x, self.target, self.learning_rate))

    def __repr__(self):
        return (f"DescentExplorer(x={self.x}, w={self.w}, target={self.target}, "
                f"learning_rate={self.learning_rate}, steps={self.steps})")
