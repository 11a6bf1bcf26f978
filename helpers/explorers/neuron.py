"""One neuron: ``NeuronExplorer`` (chapter 01) and, with a bias and an activation,
``BiasActivationExplorer`` (chapter 02)."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.drawing import new_axes, new_axes_row
from helpers.explorer import Explorer, slider, values
from helpers.formulas import neuron_formula
from helpers.maths import ACTIVATIONS, activation_name, neuron, weighted_sum
from helpers.pictures.activation import activation_plot, describe_activation, update_activation_plot
from helpers.pictures.bars import contribution_bars, describe_contributions, update_contribution_bars

__all__ = ["BiasActivationExplorer", "NeuronExplorer"]


class NeuronExplorer(Explorer):
    """One neuron with a slider for each input and each weight (chapter 01).

    Shows the substituted formula ``2×0.5 + 3×0.3 + 5×0.2 = 2.9`` and a bar per contribution.

    >>> explorer = NeuronExplorer()
    >>> explorer.weight_sliders[2].value = 0.4
    >>> explorer.formula_text
    '2×0.5 + 3×0.3 + 5×0.4 = 3.9'
    """

    kind = "neuron"

    def __init__(self, inputs=(2, 3, 5), weights=(0.5, 0.3, 0.2)):
        weighted_sum(inputs, weights)  # check the starting values before building anything
        self.start_values = (inputs, weights)
        self.input_sliders = [
            slider(f"input x{i + 1}", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(inputs)
        ]
        self.weight_sliders = [
            slider(f"weight w{i + 1}", value, -1, 1, 0.05) for i, value in enumerate(weights)
        ]
        super().__init__()

    def draw(self):
        figure, ax = new_axes()
        self.artists = contribution_bars(*self.start_values, ax=ax)
        # The zero line is drawn on top of the bars, as in a full redraw.
        return figure, [*self.artists["bars"], *self.artists["labels"], self.artists["zero"]]

    def layout(self):
        return [widgets.HBox([widgets.VBox(self.input_sliders), widgets.VBox(self.weight_sliders)])]

    def controls(self):
        return self.input_sliders + self.weight_sliders

    @property
    def inputs(self) -> list[float]:
        return values(self.input_sliders)

    @property
    def weights(self) -> list[float]:
        return values(self.weight_sliders)

    @property
    def formula_text(self) -> str:
        return neuron_formula(self.inputs, self.weights)

    def formula_html(self) -> str:
        return f"<div style='font-size:1.25em'><b>output</b> = {self.formula_text}</div>"

    def move(self) -> str:
        heights = update_contribution_bars(self.artists, self.inputs, self.weights)
        return describe_contributions(heights)

    def __repr__(self):
        return f"NeuronExplorer(inputs={self.inputs}, weights={self.weights})"


class BiasActivationExplorer(NeuronExplorer):
    """The complete neuron of chapter 02: inputs, weights, a bias and a choice of activation.

    Shows the formula ``ReLU(2×0.5 + 3×0.3 + 5×0.2 − 1) = 1.9``, the contributions with the bias
    and z as bars, and the activation's curve with the neuron's z marked on it.

    >>> explorer = BiasActivationExplorer()
    >>> explorer.bias_slider.value = -3
    >>> explorer.formula_text
    'ReLU(2×0.5 + 3×0.3 + 5×0.2 − 3) = 0'
    """

    kind = "bias-activation"

    def __init__(self, inputs=(2, 3, 5), weights=(0.5, 0.3, 0.2), bias=-1.0, activation="ReLU"):
        neuron(inputs, weights, bias, activation)  # check the starting values first
        name = activation_name(activation) or "none"
        if name not in ACTIVATIONS:
            raise ValueError(f"the explorer offers the activations {list(ACTIVATIONS)}, not {name!r}.")
        self.bias_slider = slider("bias b", bias, -5, 5, 0.1, decimals=1)
        self.activation_buttons = widgets.ToggleButtons(
            options=list(ACTIVATIONS), value=name, description="activation",
            style={"description_width": "initial", "button_width": "84px"},
        )
        self.activation_buttons.add_class("nnbh-activation")
        self.start_bias = bias  # used while drawing, before the sliders are read
        super().__init__(inputs, weights)

    def draw(self):
        figure, (bars_ax, curve_ax) = new_axes_row(2, 8.4, 2.8)
        inputs, weights = self.start_values
        self.artists = contribution_bars(inputs, weights, ax=bars_ax, bias=self.start_bias)
        z = neuron(inputs, weights, self.start_bias, activation=None)
        self.curve_artists = activation_plot(self.activation, z, ax=curve_ax)
        return figure, [*self.artists["bars"], *self.artists["labels"], self.artists["zero"],
                        *self.curve_artists.values()]

    def layout(self):
        return [*super().layout(), widgets.HBox([self.bias_slider, self.activation_buttons])]

    def controls(self):
        return [*super().controls(), self.bias_slider, self.activation_buttons]

    @property
    def bias(self) -> float:
        return self.bias_slider.value

    @property
    def activation(self) -> str:
        return self.activation_buttons.value

    @property
    def formula_text(self) -> str:
        return neuron_formula(self.inputs, self.weights, self.bias, self.activation)

    def move(self) -> str:
        heights = update_contribution_bars(self.artists, self.inputs, self.weights, self.bias)
        z, output = update_activation_plot(self.curve_artists, self.activation, heights[-1])
        return f"{describe_contributions(heights, bias=True)} {describe_activation(self.activation, z, output)}"

    def __repr__(self):
        return (f"BiasActivationExplorer(inputs={self.inputs}, weights={self.weights}, "
                f"bias={self.bias}, activation={self.activation!r})")
