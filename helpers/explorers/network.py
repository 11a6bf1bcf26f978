"""A two-layer network: ``NetworkExplorer`` (chapter 05)."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.drawing import new_axes
from helpers.examples import NETWORK_B1, NETWORK_B2, NETWORK_W1, NETWORK_W2, NETWORK_X
from helpers.explorer import Explorer, slider, slider_table, values
from helpers.explorers.layer import layer_sliders
from helpers.formulas import network_formula
from helpers.maths import two_layer_network
from helpers.pictures.network import describe_network_diagram, network_diagram, network_moving_artists
from helpers.pictures.network import update_network_diagram
from helpers.validation import as_numbers

__all__ = ["NetworkExplorer"]

# Five columns of sliders side by side fit in a notebook beside JupyterLab's file browser.
NETWORK_SLIDER_WIDTH, NETWORK_COLUMN_WIDTH = "158px", "162px"


class NetworkExplorer(Explorer):
    """A two-layer network, x -> hidden layer (ReLU) -> output layer (ReLU) (chapter 05).

    A slider for every input ``x[i]``, every weight and bias of the hidden layer (``W1[j,i]``,
    ``b1[j]``) and of the output layer (``W2[k,j]``, ``b2[k]``), each layer's sliders laid out
    like ``[W | b]``. Shows every neuron's z and activation written out, and the network as a
    diagram with the values on every node and every edge. It starts with chapter 05's network
    (``helpers.examples``).

    >>> explorer = NetworkExplorer()
    >>> explorer.b2_sliders[0].value = 1.0
    >>> explorer.formula_lines[4]
    'output 0: z2[0] = 1.9×1 + 0×0.5 + 2.5×(−1) + 0×1 + 1 = 0.4, y[0] = ReLU(0.4) = 0.4'
    """

    kind = "network"

    def __init__(self, x=NETWORK_X, W1=NETWORK_W1, b1=NETWORK_B1, W2=NETWORK_W2, b2=NETWORK_B2):
        two_layer_network(as_numbers(x, "x", ndim=1), W1, b1, W2, b2)  # check them before building
        self.start_values = (x, W1, b1, W2, b2)
        self.input_sliders = [slider(f"x[{i}]", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(x)]
        for control in self.input_sliders:
            control.layout.width = NETWORK_SLIDER_WIDTH
        self.W1_sliders, self.b1_sliders = layer_sliders(
            as_numbers(W1, "W1"), b1, "W1", "b1", width=NETWORK_SLIDER_WIDTH)
        self.W2_sliders, self.b2_sliders = layer_sliders(
            as_numbers(W2, "W2"), b2, "W2", "b2", width=NETWORK_SLIDER_WIDTH)
        super().__init__()

    def draw(self):
        figure, ax = new_axes(8.6, 4.0)
        self.artists = network_diagram(*self.start_values, ax=ax)
        return figure, network_moving_artists(self.artists)

    def layout(self):
        # As in the layer explorer: the inputs on top of the columns of W1 they meet, then one row per
        # neuron, like [W | b]. The output layer's five columns fit only with narrower readouts, so this
        # explorer's readouts are narrowed (a style that applies inside this explorer only).
        hidden_rows = [[*row, bias] for row, bias in zip(self.W1_sliders, self.b1_sliders)]
        output_rows = [[*row, bias] for row, bias in zip(self.W2_sliders, self.b2_sliders)]
        return [
            widgets.HTML(
                f"<style>.nnbh-{self.kind} .widget-readout {{width: 3.2em; min-width: 3.2em;}}</style>"
                "<b>hidden layer</b>: the inputs x[i] on top; then row j holds hidden neuron j's weights "
                "W1[j,i], one per input, and its bias b1[j]"
            ),
            slider_table([self.input_sliders, *hidden_rows], NETWORK_COLUMN_WIDTH),
            widgets.HTML("<b>output layer</b>: row k holds output neuron k's weights W2[k,j], one per hidden "
                         "neuron, and its bias b2[k]"),
            slider_table(output_rows, NETWORK_COLUMN_WIDTH),
        ]

    def controls(self):
        return [*self.input_sliders, *sum(self.W1_sliders, []), *self.b1_sliders,
                *sum(self.W2_sliders, []), *self.b2_sliders]

    @property
    def x(self) -> list[float]:
        return values(self.input_sliders)

    @property
    def W1(self) -> list[list[float]]:
        return values(self.W1_sliders)

    @property
    def b1(self) -> list[float]:
        return values(self.b1_sliders)

    @property
    def W2(self) -> list[list[float]]:
        return values(self.W2_sliders)

    @property
    def b2(self) -> list[float]:
        return values(self.b2_sliders)

    @property
    def formula_lines(self) -> list[str]:
        return network_formula(self.x, self.W1, self.b1, self.W2, self.b2)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per neuron, hidden then output."""
        return "\n".join(self.formula_lines)

    def formula_html(self) -> str:
        return f"<div style='white-space:pre-line; font-size:1.05em'>{self.formula_text}</div>"

    def move(self) -> str:
        drawing = update_network_diagram(self.artists, self.x, self.W1, self.b1, self.W2, self.b2)
        return describe_network_diagram(drawing)

    def __repr__(self):
        return f"NetworkExplorer(x={self.x}, W1={self.W1}, b1={self.b1}, W2={self.W2}, b2={self.b2})"
