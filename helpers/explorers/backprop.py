"""The backpropagation explorer (chapter 10): drag the target, or the two biases that switch a neuron
on, and watch every backward number and which gradients are zero.

``backward_formula`` writes the backward pass out, step by step, with its numbers; the explorer shows
it live above ``helpers.pictures.backprop``'s gradient tables.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from helpers.drawing import new_axes
from helpers.examples import NETWORK_B1, NETWORK_B2, NETWORK_W1, NETWORK_W2, NETWORK_X
from helpers.explorer import Explorer, slider, values
from helpers.formulas import format_number
from helpers.learning import backward
from helpers.pictures.backprop import describe_gradient_tables, gradient_tables, gradient_tables_moving_artists
from helpers.pictures.backprop import update_gradient_tables

__all__ = ["BACKPROP_B1", "BACKPROP_B2", "BACKPROP_TARGET", "BACKPROP_W1", "BACKPROP_W2", "BACKPROP_X",
           "BackpropExplorer", "backward_formula"]

BACKPROP_X, BACKPROP_W1, BACKPROP_B1 = NETWORK_X, NETWORK_W1, NETWORK_B1
BACKPROP_W2, BACKPROP_B2 = NETWORK_W2, NETWORK_B2
BACKPROP_TARGET = (1, 3.45)
"""Chapter 05's network and chapter 10's target for it: the explorer's starting point."""


def _listed(values) -> str:
    return "[" + ", ".join(format_number(v, 3) for v in np.ravel(values)) + "]"


def _rows(matrix) -> str:
    return "[" + ", ".join(_listed(row) for row in np.asarray(matrix)) + "]"


def backward_formula(x, target, W1, b1, W2, b2) -> list[str]:
    """The backward pass through a two-layer network with ReLU in both layers, for one input ``x``,
    written out line by line with its numbers: forward, loss, dL/dy, δ2, dW2 and db2, dL/dh, δ1,
    dW1 and db1. Shapes as in ``helpers.learning.backward``.
    Introduced in chapter 10.
    """
    g = backward(x, target, W1, b1, W2, b2)
    z1, h, z2, y = g.forward
    t = np.asarray(target, dtype=float)
    f = format_number
    squares = " + ".join(f"({f(yk, 3)} − {f(tk, 3)})²" for yk, tk in zip(y, t))
    return [
        f"forward: z1 = {_listed(z1)}, h = {_listed(h)}, z2 = {_listed(z2)}, y = {_listed(y)}",
        f"L = ({squares}) / {len(y)} = {f(g.loss, 4)}",
        f"dL/dy = 2 (y − target) / {len(y)} = {_listed(g.dL_dy)}",
        f"δ2 = dL/dy × (z2 > 0) = {_listed(g.dL_dy)} × {_listed(z2 > 0)} = {_listed(g.delta2)}",
        f"dW2 = outer(δ2, h) = {_rows(g.dW2)}, db2 = δ2 = {_listed(g.db2)}",
        f"dL/dh = W2ᵀ δ2 = {_listed(g.dL_dh)}",
        f"δ1 = dL/dh × (z1 > 0) = {_listed(g.dL_dh)} × {_listed(z1 > 0)} = {_listed(g.delta1)}",
        f"dW1 = outer(δ1, x) = {_rows(g.dW1)}, db1 = δ1 = {_listed(g.db1)}",
    ]


class BackpropExplorer(Explorer):
    """Chapter 05's network with a target (chapter 10): a slider for each target, and for the two
    biases that can switch a neuron on, ``b2[0]`` (output 0) and ``b1[1]`` (hidden neuron 1).

    Shows the backward pass written out with its numbers, the gradients as two tables
    ([dW2 | db2] and [dW1 | db1], zero cells dotted), and a one-line summary of which are zero and why.

    >>> explorer = BackpropExplorer()
    >>> explorer.formula_lines[3]
    'δ2 = dL/dy × (z2 > 0) = [−1, −1] × [0, 1] = [0, −1]'
    >>> explorer.b2_slider.value = 0.7      # output 0 switches on: z2[0] = 0.1
    >>> explorer.formula_lines[3]
    'δ2 = dL/dy × (z2 > 0) = [−0.9, −1] × [1, 1] = [−0.9, −1]'
    """

    kind = "backprop"

    def __init__(self, x=BACKPROP_X, target=BACKPROP_TARGET, W1=BACKPROP_W1, b1=BACKPROP_B1,
                 W2=BACKPROP_W2, b2=BACKPROP_B2):
        backward(x, target, W1, b1, W2, b2)  # check the starting values before building anything
        if np.shape(b1)[0] < 2:
            raise ValueError(f"the explorer needs at least 2 hidden neurons (it has a slider for b1[1]), "
                             f"but b1 has shape {np.shape(b1)}.")
        self._x = np.array(x, dtype=float)
        self._W1, self._b1 = np.array(W1, dtype=float), np.array(b1, dtype=float)
        self._W2, self._b2 = np.array(W2, dtype=float), np.array(b2, dtype=float)
        self.target_sliders = [slider(f"target[{k}]", value, -5, 5, 0.05) for k, value in enumerate(target)]
        self.b2_slider = slider("b2[0]", self._b2[0], -3, 3, 0.05)
        self.b1_slider = slider("b1[1]", self._b1[1], -5, 5, 0.1, decimals=1)
        super().__init__()

    # -- what the explorer is made of -------------------------------------------------------------

    def controls(self) -> list:
        return [*self.target_sliders, self.b2_slider, self.b1_slider]

    def layout(self) -> list:
        start = backward(*self.parameters).forward
        f = format_number

        def state(name: str, z: float) -> str:
            return f"{'on' if z > 0 else 'off'} at {name} = {f(z, 3)}"

        return [
            widgets.HTML(f"<b>the target</b>: what the network should answer for x = {_listed(self._x)}"),
            widgets.HBox(self.target_sliders),
            widgets.HTML(f"<b>two switches</b>: the bias of output 0 ({state('z2[0]', start.z2[0])}) and of "
                         f"hidden neuron 1 ({state('z1[1]', start.z1[1])})"),
            widgets.HBox([self.b2_slider, self.b1_slider]),
        ]

    def draw(self):
        figure, ax = new_axes(7.2, 4.3)
        self.artists = gradient_tables(*self.parameters, ax=ax)
        return figure, gradient_tables_moving_artists(self.artists)

    def formula_html(self) -> str:
        return f"<div style='white-space:pre-line; font-size:1.05em'>{html.escape(self.formula_text)}</div>"

    def move(self) -> str:
        return describe_gradient_tables(update_gradient_tables(self.artists, *self.parameters))

    # -- the current values -----------------------------------------------------------------------

    # Each value is rounded to its slider's readout (2 or 1 decimals), so that the numbers computed are
    # those of the values shown, whatever rounding error the slider's steps have added.

    @property
    def target(self) -> list[float]:
        return [round(value, 2) for value in values(self.target_sliders)]

    @property
    def b1(self) -> np.ndarray:
        b1 = self._b1.copy()
        b1[1] = round(self.b1_slider.value, 1)
        return b1

    @property
    def b2(self) -> np.ndarray:
        b2 = self._b2.copy()
        b2[0] = round(self.b2_slider.value, 2)
        return b2

    @property
    def parameters(self) -> tuple:
        """(x, target, W1, b1, W2, b2) as the sliders set them now."""
        return self._x, self.target, self._W1, self.b1, self._W2, self.b2

    @property
    def formula_lines(self) -> list[str]:
        return backward_formula(*self.parameters)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per step."""
        return "\n".join(self.formula_lines)

    def __repr__(self):
        return f"BackpropExplorer(target={self.target}, b1={self.b1.tolist()}, b2={self.b2.tolist()})"
