"""A network with one input and its bends: ``BendsExplorer`` (chapter 04)."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.drawing import new_axes
from helpers.explorer import Explorer, slider, slider_table, values
from helpers.formulas import bends_formula
from helpers.pictures.bends import bends_picture, describe_bends_picture, update_bends_picture
from helpers.validation import as_numbers

__all__ = ["BENDS_START", "BendsExplorer"]

BENDS_START = ([[1], [1], [-1]], [2, 0, 1], [[1, -2, 1]], [-1])
"""The explorer's starting network: the first three hidden neurons of chapter 04's four-bend network."""


class BendsExplorer(Explorer):
    """One input x through a few hidden ReLU neurons to one output without activation (chapter 04).

    A slider for each hidden neuron's weight ``W1[j,0]`` and bias ``b1[j]``, its output weight
    ``W2[0,j]``, and the output bias ``b2[0]``; buttons labelled "hidden activation" turn the
    hidden ReLU off, and the curve collapses to one straight line. Shows each neuron's h[j] and its
    bend written out, and the curves over x with the bends marked.

    >>> explorer = BendsExplorer()
    >>> explorer.b1_sliders[2].value = 2.0
    >>> explorer.formula_lines[2]
    'hidden 2: h[2] = ReLU(−1·x + 2), bends at x = 2'
    """

    kind = "bends"

    def __init__(self, W1=BENDS_START[0], b1=BENDS_START[1], W2=BENDS_START[2], b2=BENDS_START[3]):
        bends_formula(W1, b1, W2, b2)  # checks the starting values before building anything
        W1, b1, W2, b2 = (as_numbers(v, name) for v, name in zip((W1, b1, W2, b2), ("W1", "b1", "W2", "b2")))
        self.start_values = (W1, b1, W2, b2)
        self.W1_sliders = [slider(f"W1[{j},0]", w, -3, 3, 0.1, decimals=1) for j, w in enumerate(W1[:, 0])]
        self.b1_sliders = [slider(f"b1[{j}]", b, -5, 5, 0.1, decimals=1) for j, b in enumerate(b1)]
        self.W2_sliders = [slider(f"W2[0,{j}]", v, -3, 3, 0.1, decimals=1) for j, v in enumerate(W2[0])]
        self.b2_slider = slider("b2[0]", float(b2[0]), -5, 5, 0.1, decimals=1)
        for control in [*self.W1_sliders, *self.b1_sliders, *self.W2_sliders, self.b2_slider]:
            control.layout.width = "220px"
        self.activation_buttons = widgets.ToggleButtons(
            options=["ReLU", "none"], value="ReLU", description="hidden activation",
            style={"description_width": "initial", "button_width": "72px"},
        )
        self.activation_buttons.add_class("nnbh-activation")
        super().__init__()

    def draw(self):
        figure, ax = new_axes(6.4, 3.4)
        self.artists = bends_picture(*self.start_values, ax=ax)
        moving = [*self.artists["parts"], self.artists["y"], *self.artists["bend_lines"],
                  *self.artists["bend_labels"], self.artists["title"]]
        return figure, moving

    def layout(self):
        rows = [[w, b, v] for w, b, v in zip(self.W1_sliders, self.b1_sliders, self.W2_sliders)]
        return [
            widgets.HTML("<b>hidden neuron j</b>, one per row: its weight W1[j,0] and bias b1[j], "
                         "then its weight into the output, W2[0,j]"),
            slider_table([*rows, [self.b2_slider]], "230px"),
            self.activation_buttons,
        ]

    def controls(self):
        return [*self.W1_sliders, *self.b1_sliders, *self.W2_sliders, self.b2_slider, self.activation_buttons]

    @property
    def hidden_relu(self) -> bool:
        return self.activation_buttons.value == "ReLU"

    @property
    def W1(self) -> list[list[float]]:
        return [[value] for value in values(self.W1_sliders)]

    @property
    def b1(self) -> list[float]:
        return values(self.b1_sliders)

    @property
    def W2(self) -> list[list[float]]:
        return [values(self.W2_sliders)]

    @property
    def b2(self) -> list[float]:
        return [self.b2_slider.value]

    @property
    def formula_lines(self) -> list[str]:
        return bends_formula(self.W1, self.b1, self.W2, self.b2, self.hidden_relu)



    def move(self) -> str:
        drawing = update_bends_picture(self.artists, self.W1, self.b1, self.W2, self.b2, self.hidden_relu)
        return describe_bends_picture(drawing)

    def __repr__(self):
        return (f"BendsExplorer(W1={self.W1}, b1={self.b1}, W2={self.W2}, b2={self.b2}, "
                f"hidden_activation={self.activation_buttons.value!r})")
