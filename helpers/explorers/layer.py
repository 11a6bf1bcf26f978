"""A layer of neurons: ``LayerExplorer`` (chapter 03), and the sliders of a layer's ``W`` and ``b``
that the network explorer uses too."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.drawing import new_axes
from helpers.examples import LAYER_B, LAYER_W, LAYER_X
from helpers.explorer import Explorer, slider, slider_table, values
from helpers.formulas import layer_formula
from helpers.maths import dense
from helpers.pictures.layer import describe_layer_diagram, layer_diagram, update_layer_diagram
from helpers.validation import as_numbers

__all__ = ["LayerExplorer", "layer_sliders"]


def layer_sliders(W, b, W_name: str = "W", b_name: str = "b", width: str = "200px"):
    """A slider for every weight ``W[j, i]`` (as rows, like ``W``) and every bias ``b[j]``,
    labelled with their NumPy indices: ``W[0,2]``, ``b[0]`` (or ``W1[0,2]``, ``b1[0]`` …).

    Introduced in chapter 03; the names in chapter 05.
    """
    weights = [
        [slider(f"{W_name}[{j},{i}]", value, -2, 2, 0.05) for i, value in enumerate(row)] for j, row in enumerate(W)
    ]
    biases = [slider(f"{b_name}[{j}]", value, -5, 5, 0.1, decimals=1) for j, value in enumerate(b)]
    for control in [*sum(weights, []), *biases]:
        control.layout.width = width
    return weights, biases


class LayerExplorer(Explorer):
    """A layer of neurons reading the same inputs, with ReLU (chapter 03).

    A slider for every input ``x[i]``, every weight ``W[j, i]`` (row j: neuron j's weights) and
    every bias ``b[j]``, counted from 0 as in NumPy. Shows each neuron's z and ReLU output written
    out, and the layer as a network diagram whose edges follow the weights.

    >>> explorer = LayerExplorer()
    >>> explorer.weight_sliders[1][2].value = 0    # W[1, 2]
    >>> explorer.formula_lines[1]
    'neuron 1: z = 2×1 + 3×0 + 5×0 + 1 = 3, h = ReLU(3) = 3'
    """

    kind = "layer"

    def __init__(self, x=LAYER_X, W=LAYER_W, b=LAYER_B):
        dense(x, W, b)  # check the starting values before building anything
        self.start_values = (x, as_numbers(W, "W", ndim=2), b)
        self.input_sliders = [slider(f"x[{i}]", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(x)]
        self.weight_sliders, self.bias_sliders = layer_sliders(self.start_values[1], b)
        for control in self.input_sliders:
            control.layout.width = "200px"
        super().__init__()

    def draw(self):
        figure, ax = new_axes(7.0, 4.0)
        self.artists = layer_diagram(*self.start_values, ax=ax)
        # Everything that changes, and the circles that must stay on top of the edges.
        return figure, [*sum(self.artists["edges"], []), *sum(self.artists["edge_labels"], []), *self.artists["inputs"],
                        *self.artists["neurons"], *self.artists["biases"], *self.artists["outputs"]]

    def layout(self):
        heading = widgets.HTML(
            "<b>inputs</b> (one row) and <b>weights and bias of each neuron</b> "
            "(row j of W and b[j]; counting from 0)"
        )
        rows = [[*row, bias] for row, bias in zip(self.weight_sliders, self.bias_sliders)]
        return [heading, slider_table([self.input_sliders, *rows])]

    def controls(self):
        return [*self.input_sliders, *sum(self.weight_sliders, []), *self.bias_sliders]

    @property
    def x(self) -> list[float]:
        return values(self.input_sliders)

    @property
    def W(self) -> list[list[float]]:
        return values(self.weight_sliders)

    @property
    def b(self) -> list[float]:
        return values(self.bias_sliders)

    @property
    def formula_lines(self) -> list[str]:
        return layer_formula(self.x, self.W, self.b)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per neuron."""
        return "\n".join(self.formula_lines)

    def formula_html(self) -> str:
        return f"<div style='white-space:pre-line; font-size:1.1em'>{self.formula_text}</div>"

    def move(self) -> str:
        return describe_layer_diagram(update_layer_diagram(self.artists, self.x, self.W, self.b))

    def __repr__(self):
        return f"LayerExplorer(x={self.x}, W={self.W}, b={self.b})"
