"""The interactive explorers: thin views over ``helpers.maths`` and ``helpers.plots``.

An explorer builds its sliders, a live formula (an ``HTML`` widget), a picture (an ``Image``
widget holding a PNG of a matplotlib ``Figure``) and a one-line text summary of that picture.
Moving a slider calls ``update``, which only sets widget traits and moves the matplotlib
artists the explorer keeps: nothing is printed and no figure is created, so the notebook's
stored outputs never change when a learner drags a slider.

The explorers: ``NeuronExplorer`` (chapter 01), ``BiasActivationExplorer`` (chapter 02) and
``LayerExplorer`` (chapter 03).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from helpers import maths, plots


def slider(description: str, value: float, low: float, high: float, step: float, decimals: int = 2):
    """A labelled float slider that reports every move as it happens."""
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        readout_format=f".{decimals}f", continuous_update=True,
        style={"description_width": "initial"}, layout=widgets.Layout(width="330px"),
    )


class Explorer:
    """What every explorer shares: a CSS class for the browser tests, a clean text form,
    and an update that shows a plain message instead of a traceback if anything goes wrong."""

    kind = "explorer"  #: a short name, also set on the widget's DOM as a CSS class

    def __init__(self, children):
        self.widget = widgets.VBox(children, layout=widgets.Layout(padding="4px"))
        self.widget.add_class("nnbh-explorer")
        self.widget.add_class(f"nnbh-{self.kind}")

    def update(self, change=None):
        try:
            self.redraw()
        except Exception as error:  # a widget must never show a traceback to a learner
            self.formula.value = (
                "<div class='nnbh-error'>These values cannot be shown: "
                f"{html.escape(str(error))}</div>"
            )

    def redraw(self):
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle


def _outputs():
    """The three views every explorer shows: the formula, the picture and its text summary."""
    formula = widgets.HTML()
    formula.add_class("nnbh-formula")
    picture = widgets.Image(format="png")
    picture.add_class("nnbh-picture")
    summary = widgets.HTML()
    summary.add_class("nnbh-summary")
    return formula, picture, summary


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
        maths.weighted_sum(inputs, weights)  # check the starting values before building anything
        self.input_sliders = [
            slider(f"input x{i + 1}", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(inputs)
        ]
        self.weight_sliders = [
            slider(f"weight w{i + 1}", value, -1, 1, 0.05) for i, value in enumerate(weights)
        ]
        self.formula, self.picture, self.summary = _outputs()
        self._draw(inputs, weights)
        super().__init__(self._children())
        for control in self._controls():
            control.observe(self.update, names="value")
        self.update()

    def _draw(self, inputs, weights):
        """Make the figure and keep the artists that move."""
        self.figure, ax = plots.new_axes()
        self.artists = plots.contribution_bars(inputs, weights, ax=ax)
        plots.freeze_layout(self.figure)
        # The zero line is drawn on top of the bars, as in a full redraw.
        self.live = plots.LivePicture(
            self.figure, [*self.artists["bars"], *self.artists["labels"], self.artists["zero"]]
        )

    def _children(self):
        return [
            widgets.HBox([widgets.VBox(self.input_sliders), widgets.VBox(self.weight_sliders)]),
            self.formula,
            self.picture,
            self.summary,
        ]

    def _controls(self):
        return self.input_sliders + self.weight_sliders

    @property
    def inputs(self) -> list[float]:
        return [control.value for control in self.input_sliders]

    @property
    def weights(self) -> list[float]:
        return [control.value for control in self.weight_sliders]

    @property
    def formula_text(self) -> str:
        return maths.neuron_formula(self.inputs, self.weights)

    def redraw(self):
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = f"<div style='font-size:1.25em'><b>output</b> = {self.formula_text}</div>"
        heights = plots.update_contribution_bars(self.artists, self.inputs, self.weights)
        self.picture.value = self.live.png()
        self.summary.value = plots.describe_contributions(heights)

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
        maths.neuron(inputs, weights, bias, activation)  # check the starting values first
        name = maths._activation_name(activation) or "none"
        if name not in maths.ACTIVATIONS:
            raise ValueError(f"the explorer offers the activations {list(maths.ACTIVATIONS)}, not {name!r}.")
        self.bias_slider = slider("bias b", bias, -5, 5, 0.1, decimals=1)
        self.activation_buttons = widgets.ToggleButtons(
            options=list(maths.ACTIVATIONS), value=name, description="activation",
            style={"description_width": "initial", "button_width": "84px"},
        )
        self.activation_buttons.add_class("nnbh-activation")
        self._bias, self._activation = bias, name  # used while drawing, before the sliders are read
        super().__init__(inputs, weights)

    def _draw(self, inputs, weights):
        self.figure, (bars_ax, curve_ax) = plots.new_axes_row(2, 8.4, 2.8)
        self.artists = plots.contribution_bars(inputs, weights, ax=bars_ax, bias=self._bias)
        z = maths.neuron(inputs, weights, self._bias, activation=None)
        self.curve_artists = plots.activation_plot(self._activation, z, ax=curve_ax)
        plots.freeze_layout(self.figure)
        self.live = plots.LivePicture(
            self.figure,
            [*self.artists["bars"], *self.artists["labels"], self.artists["zero"], *self.curve_artists.values()],
        )

    def _children(self):
        return [
            widgets.HBox([widgets.VBox(self.input_sliders), widgets.VBox(self.weight_sliders)]),
            widgets.HBox([self.bias_slider, self.activation_buttons]),
            self.formula,
            self.picture,
            self.summary,
        ]

    def _controls(self):
        return [*super()._controls(), self.bias_slider, self.activation_buttons]

    @property
    def bias(self) -> float:
        return self.bias_slider.value

    @property
    def activation(self) -> str:
        return self.activation_buttons.value

    @property
    def formula_text(self) -> str:
        return maths.neuron_formula(self.inputs, self.weights, self.bias, self.activation)

    def redraw(self):
        self.formula.value = f"<div style='font-size:1.25em'><b>output</b> = {self.formula_text}</div>"
        heights = plots.update_contribution_bars(self.artists, self.inputs, self.weights, self.bias)
        z, output = plots.update_activation_plot(self.curve_artists, self.activation, heights[-1])
        self.picture.value = self.live.png()
        self.summary.value = (
            f"{plots.describe_contributions(heights, bias=True)} "
            f"{plots.describe_activation(self.activation, z, output)}"
        )

    def __repr__(self):
        return (f"BiasActivationExplorer(inputs={self.inputs}, weights={self.weights}, "
                f"bias={self.bias}, activation={self.activation!r})")


LAYER_X = (2, 3, 5)
LAYER_W = ((0.5, 0.3, 0.2), (1, 0, -1), (-0.5, 1, 0), (0, -0.5, 0.5))
LAYER_B = (-1, 1, 0.5, -2)


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
        maths.dense(x, W, b)  # check the starting values before building anything
        W = maths.as_numbers(W, "W", ndim=2)
        self.input_sliders = [slider(f"x[{i}]", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(x)]
        self.weight_sliders = [
            [slider(f"W[{j},{i}]", value, -2, 2, 0.05) for i, value in enumerate(row)] for j, row in enumerate(W)
        ]
        self.bias_sliders = [slider(f"b[{j}]", value, -5, 5, 0.1, decimals=1) for j, value in enumerate(b)]
        for control in [*self.input_sliders, *self.bias_sliders, *sum(self.weight_sliders, [])]:
            control.layout.width = "200px"
        self.formula, self.picture, self.summary = _outputs()
        self.figure, ax = plots.new_axes(7.0, 4.0)
        self.artists = plots.layer_diagram(x, W, b, ax=ax)
        plots.freeze_layout(self.figure)
        # Everything that changes, and the circles that must stay on top of the edges.
        moving = [*sum(self.artists["edges"], []), *sum(self.artists["edge_labels"], []), *self.artists["inputs"],
                  *self.artists["neurons"], *self.artists["biases"], *self.artists["outputs"]]
        self.live = plots.LivePicture(self.figure, moving)
        n_inputs = len(self.input_sliders)
        heading = widgets.HTML(
            f"<b>inputs</b> (one row) and <b>weights and bias of each neuron</b> "
            f"(row j of W and b[j]; counting from 0)"
        )
        grid = widgets.GridBox(
            [*self.input_sliders, widgets.HTML(""),
             *[control for row, bias in zip(self.weight_sliders, self.bias_sliders) for control in [*row, bias]]],
            layout=widgets.Layout(grid_template_columns=f"repeat({n_inputs + 1}, 210px)", grid_gap="2px 6px"),
        )
        super().__init__([heading, grid, self.formula, self.picture, self.summary])
        for control in self._controls():
            control.observe(self.update, names="value")
        self.update()

    def _controls(self):
        return [*self.input_sliders, *sum(self.weight_sliders, []), *self.bias_sliders]

    @property
    def x(self) -> list[float]:
        return [control.value for control in self.input_sliders]

    @property
    def W(self) -> list[list[float]]:
        return [[control.value for control in row] for row in self.weight_sliders]

    @property
    def b(self) -> list[float]:
        return [control.value for control in self.bias_sliders]

    @property
    def formula_lines(self) -> list[str]:
        return maths.layer_formula(self.x, self.W, self.b)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per neuron."""
        return "\n".join(self.formula_lines)

    def redraw(self):
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = f"<div style='white-space:pre-line; font-size:1.1em'>{self.formula_text}</div>"
        drawing = plots.update_layer_diagram(self.artists, self.x, self.W, self.b)
        self.picture.value = self.live.png()
        self.summary.value = plots.describe_layer_diagram(drawing)

    def __repr__(self):
        return f"LayerExplorer(x={self.x}, W={self.W}, b={self.b})"
