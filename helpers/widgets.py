"""The interactive explorers: thin views over ``helpers.maths`` and ``helpers.plots``.

An explorer builds its sliders, a live formula (an ``HTML`` widget), a picture (an ``Image``
widget holding a PNG of a matplotlib ``Figure``) and a one-line text summary of that picture.
Moving a slider calls ``update``, which only sets widget traits and moves the matplotlib
artists the explorer keeps: nothing is printed and no figure is created, so the notebook's
stored outputs never change when a learner drags a slider.

The explorers: ``NeuronExplorer`` (chapter 01), ``BiasActivationExplorer`` (chapter 02),
``LayerExplorer`` (chapter 03), ``NetworkExplorer`` (chapter 05) and ``PlaneExplorer`` (chapter 07).
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from helpers import maths, plots


def slider(description: str, value: float, low: float, high: float, step: float, decimals: int = 2):
    """A labelled float slider that reports every move as it happens."""
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        readout_format=f".{decimals}f", continuous_update=True,
        style={"description_width": "initial"}, layout=widgets.Layout(width="330px"),
    )


def values(controls) -> list:
    """The values of a list of controls, or of a list of rows of controls (as ``W``)."""
    return [values(control) if isinstance(control, list) else control.value for control in controls]


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
        return values(self.input_sliders)

    @property
    def weights(self) -> list[float]:
        return values(self.weight_sliders)

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


def slider_table(rows, column_width: str = "210px") -> widgets.GridBox:
    """Controls laid out as a table, one list per row; shorter rows are padded with empty cells.

    A layer's rows are ``[*W[j], b[j]]``: its sliders sit like the matrix ``[W | b]``.
    Introduced in chapter 03.
    """
    n_columns = max(len(row) for row in rows)
    cells = [cell for row in rows for cell in [*row, *(widgets.HTML("") for _ in range(n_columns - len(row)))]]
    return widgets.GridBox(
        cells, layout=widgets.Layout(grid_template_columns=f"repeat({n_columns}, {column_width})", grid_gap="2px 6px")
    )


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
        self.weight_sliders, self.bias_sliders = layer_sliders(W, b)
        for control in self.input_sliders:
            control.layout.width = "200px"
        self.formula, self.picture, self.summary = _outputs()
        self.figure, ax = plots.new_axes(7.0, 4.0)
        self.artists = plots.layer_diagram(x, W, b, ax=ax)
        plots.freeze_layout(self.figure)
        # Everything that changes, and the circles that must stay on top of the edges.
        moving = [*sum(self.artists["edges"], []), *sum(self.artists["edge_labels"], []), *self.artists["inputs"],
                  *self.artists["neurons"], *self.artists["biases"], *self.artists["outputs"]]
        self.live = plots.LivePicture(self.figure, moving)
        heading = widgets.HTML(
            f"<b>inputs</b> (one row) and <b>weights and bias of each neuron</b> "
            f"(row j of W and b[j]; counting from 0)"
        )
        rows = [[*row, bias] for row, bias in zip(self.weight_sliders, self.bias_sliders)]
        grid = slider_table([self.input_sliders, *rows])
        super().__init__([heading, grid, self.formula, self.picture, self.summary])
        for control in self._controls():
            control.observe(self.update, names="value")
        self.update()

    def _controls(self):
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


# Five columns of sliders side by side fit in a notebook beside JupyterLab's file browser.
NETWORK_SLIDER_WIDTH, NETWORK_COLUMN_WIDTH = "158px", "162px"
NETWORK_W2 = ((1, 0.5, -1, 1), (0.5, -1, 1, 0.5))
NETWORK_B2 = (0.5, -1)
"""The output layer of chapter 05's network; its hidden layer is chapter 03's layer."""


class NetworkExplorer(Explorer):
    """A two-layer network, x -> hidden layer (ReLU) -> output layer (ReLU) (chapter 05).

    A slider for every input ``x[i]``, every weight and bias of the hidden layer (``W1[j,i]``,
    ``b1[j]``) and of the output layer (``W2[k,j]``, ``b2[k]``), each layer's sliders laid out
    like ``[W | b]``. Shows every neuron's z and activation written out, and the network as a
    diagram with the values on every node and every edge.

    >>> explorer = NetworkExplorer()
    >>> explorer.b2_sliders[0].value = 1.0
    >>> explorer.formula_lines[4]
    'output 0: z2[0] = 1.9×1 + 0×0.5 + 2.5×(−1) + 0×1 + 1 = 0.4, y[0] = ReLU(0.4) = 0.4'
    """

    kind = "network"

    def __init__(self, x=LAYER_X, W1=LAYER_W, b1=LAYER_B, W2=NETWORK_W2, b2=NETWORK_B2):
        maths.two_layer_network(maths.as_numbers(x, "x", ndim=1), W1, b1, W2, b2)  # check them before building
        self.input_sliders = [slider(f"x[{i}]", value, -10, 10, 0.5, decimals=1) for i, value in enumerate(x)]
        for control in self.input_sliders:
            control.layout.width = NETWORK_SLIDER_WIDTH
        self.W1_sliders, self.b1_sliders = layer_sliders(
            maths.as_numbers(W1, "W1"), b1, "W1", "b1", width=NETWORK_SLIDER_WIDTH)
        self.W2_sliders, self.b2_sliders = layer_sliders(
            maths.as_numbers(W2, "W2"), b2, "W2", "b2", width=NETWORK_SLIDER_WIDTH)
        self.formula, self.picture, self.summary = _outputs()
        self.figure, ax = plots.new_axes(8.6, 4.0)
        self.artists = plots.network_diagram(x, W1, b1, W2, b2, ax=ax)
        plots.freeze_layout(self.figure)
        self.live = plots.LivePicture(self.figure, plots.network_moving_artists(self.artists))
        # As in the layer explorer: the inputs on top of the columns of W1 they meet, then one row per
        # neuron, like [W | b]. The output layer's five columns fit only with narrower readouts, so this
        # explorer's readouts are narrowed (a style that applies inside this explorer only).
        hidden_rows = [[*row, bias] for row, bias in zip(self.W1_sliders, self.b1_sliders)]
        output_rows = [[*row, bias] for row, bias in zip(self.W2_sliders, self.b2_sliders)]
        controls = [
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
        super().__init__([*controls, self.formula, self.picture, self.summary])
        for control in self._controls():
            control.observe(self.update, names="value")
        self.update()

    def _controls(self):
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
        return maths.network_formula(self.x, self.W1, self.b1, self.W2, self.b2)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per neuron, hidden then output."""
        return "\n".join(self.formula_lines)

    def redraw(self):
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = f"<div style='white-space:pre-line; font-size:1.05em'>{self.formula_text}</div>"
        drawing = plots.update_network_diagram(self.artists, self.x, self.W1, self.b1, self.W2, self.b2)
        self.picture.value = self.live.png()
        self.summary.value = plots.describe_network_diagram(drawing)

    def __repr__(self):
        return f"NetworkExplorer(x={self.x}, W1={self.W1}, b1={self.b1}, W2={self.W2}, b2={self.b2})"


PLANE_RANGE = (-3.0, 3.0, 0.1)
"""Every slider of the plane explorer: from −3 to 3 in steps of 0.1."""
PLANE_SPARE = ((1.0, 0.0), 0.0, 0.0)
"""The weights, bias and output weight a hidden neuron gets when a preset leaves it unused:
a line at x[0] = 0, and an output weight of 0, so that switching it on changes nothing until you move it."""


class PlaneExplorer(Explorer):
    """A network with two inputs x[0], x[1], up to four ReLU hidden neurons and one output,
    drawn over the plane of its inputs (chapter 07).

    A row of sliders per hidden neuron j -- its weights ``W1[j,0]``, ``W1[j,1]``, its bias ``b1[j]``
    and its output weight ``W2[0,j]`` -- and a slider for the output bias ``b2[0]``; buttons labelled
    "hidden neurons" for how many are on, and buttons that load a preset (``maths.PLANE_PRESETS``).
    Shows each neuron's line and active side, the output's formula, the output over the plane as a
    heat map with each line drawn on it, and a small map per hidden neuron. ``network`` is a preset's
    name or (W1, b1, W2, b2); ``target``, a box (left, right, bottom, top), is outlined on the plane.

    >>> explorer = PlaneExplorer("corner")
    >>> explorer.b1_sliders[0].value = 1.0
    >>> explorer.formula_lines[0]
    'neuron 0: z1[0] = −2·x[0] + 0·x[1] + 1; line x[0] = 0.5, active left of it'
    """

    kind = "plane"
    MAX_HIDDEN = 4

    def __init__(self, network="corner", target=None):
        W1, b1, W2, b2 = self._checked(network)
        low, high, step = PLANE_RANGE
        spare_w, spare_b, spare_v = PLANE_SPARE
        self.W1_sliders = [[slider(f"W1[{j},{i}]", spare_w[i], low, high, step, decimals=1) for i in range(2)]
                           for j in range(self.MAX_HIDDEN)]
        self.b1_sliders = [slider(f"b1[{j}]", spare_b, low, high, step, decimals=1) for j in range(self.MAX_HIDDEN)]
        self.W2_sliders = [slider(f"W2[0,{j}]", spare_v, low, high, step, decimals=1) for j in range(self.MAX_HIDDEN)]
        self.b2_slider = slider("b2[0]", 0.0, low, high, step, decimals=1)
        for control in self._sliders():
            control.layout.width = "100%"  # as wide as the table's column, which grows with the page
        self.b2_slider.layout.width = "260px"
        self.count_buttons = widgets.ToggleButtons(
            options=[str(n) for n in range(1, self.MAX_HIDDEN + 1)], value=str(len(b1)), description="hidden neurons",
            style={"description_width": "initial", "button_width": "40px"},
        )
        self.count_buttons.add_class("nnbh-hidden-count")
        self.preset_buttons = []
        for name in maths.PLANE_PRESETS:
            button = widgets.Button(description=name, tooltip=f"load the {name}",
                                    layout=widgets.Layout(width="auto"))
            button.add_class("nnbh-preset")
            button.on_click(lambda _, name=name: self.load(name))
            self.preset_buttons.append(button)
        self.rows = [
            [widgets.HTML(f"<b>neuron {j}</b>"), *self.W1_sliders[j], self.b1_sliders[j], self.W2_sliders[j]]
            for j in range(self.MAX_HIDDEN)
        ]
        self.table = widgets.GridBox(layout=widgets.Layout(
            grid_template_columns="70px repeat(4, minmax(185px, 1fr))", grid_gap="2px 6px", max_width="1100px",
        ))
        self.formula, self.picture, self.summary = _outputs()
        self.figure, ax, map_axes = plots.new_plane_figure(self.MAX_HIDDEN)
        self.artists = plots.plane_picture(W1, b1, W2, b2, ax=ax, map_axes=map_axes, slots=self.MAX_HIDDEN,
                                           target=target)
        plots.freeze_layout(self.figure)
        self.live = plots.LivePicture(self.figure, plots.plane_moving_artists(self.artists))
        self.values = None  #: the ``maths.PlaneValues`` last drawn
        self._holding = False
        controls = [
            widgets.HBox([widgets.HTML("<b>load a preset:</b>&nbsp;"), *self.preset_buttons]),
            self.count_buttons,
            widgets.HTML("one row per hidden neuron j: its weights <b>W1[j,0]</b> and <b>W1[j,1]</b>, "
                         "its bias <b>b1[j]</b>, and the output weight <b>W2[0,j]</b> its h[j] gets"),
            self.table,
            self.b2_slider,
        ]
        super().__init__([*controls, self.formula, self.picture, self.summary])
        for control in self._sliders():
            control.observe(self.update, names="value")
        self.count_buttons.observe(self._count_changed, names="value")
        self.load((W1, b1, W2, b2))

    @classmethod
    def _checked(cls, network) -> maths.PlaneNetwork:
        """A preset name or (W1, b1, W2, b2), checked to fit the sliders; as float arrays."""
        if isinstance(network, str):
            if network not in maths.PLANE_PRESETS:
                raise ValueError(f"there is no preset {network!r}; the presets are {list(maths.PLANE_PRESETS)}.")
            network = maths.PLANE_PRESETS[network]
        try:
            W1, b1, W2, b2 = network
        except (TypeError, ValueError):
            raise TypeError(f"network should be a preset name or the four arrays (W1, b1, W2, b2), "
                            f"but got {maths._describe(network)}.") from None
        network = maths.plane_network(W1, b1, W2, b2)
        n_hidden = network.W1.shape[0]
        if n_hidden > cls.MAX_HIDDEN:
            raise ValueError(f"the explorer has room for {cls.MAX_HIDDEN} hidden neurons, "
                             f"but W1 has {n_hidden} rows (shape {network.W1.shape}).")
        low, high, _ = PLANE_RANGE
        for name, values in zip(("W1", "b1", "W2", "b2"), network):
            for index, value in np.ndenumerate(values):
                if not low <= value <= high:
                    where = ",".join(map(str, index))
                    raise ValueError(f"{name}[{where}] = {maths.format_number(value)} is outside the sliders' "
                                     f"range, {maths.format_number(low)} to {maths.format_number(high)}.")
        return network

    def load(self, network) -> None:
        """Set every slider to a preset (by name) or to the given (W1, b1, W2, b2), and redraw once."""
        W1, b1, W2, b2 = self._checked(network)
        n_hidden = len(b1)
        spare_w, spare_b, spare_v = PLANE_SPARE
        self._holding = True  # one redraw at the end, not one per slider
        try:
            for j in range(self.MAX_HIDDEN):
                on = j < n_hidden
                for i in range(2):
                    self.W1_sliders[j][i].value = float(W1[j, i]) if on else spare_w[i]
                self.b1_sliders[j].value = float(b1[j]) if on else spare_b
                self.W2_sliders[j].value = float(W2[0, j]) if on else spare_v
            self.b2_slider.value = float(b2[0])
            self.count_buttons.value = str(n_hidden)
        finally:
            self._holding = False
        self._show_rows()
        self.update()

    def _sliders(self):
        return [*sum(self.W1_sliders, []), *self.b1_sliders, *self.W2_sliders, self.b2_slider]

    def _show_rows(self):
        """Only the sliders of the hidden neurons that are on are in the page."""
        self.table.children = [control for row in self.rows[:self.n_hidden] for control in row]

    def _count_changed(self, change=None):
        if not self._holding:
            self._show_rows()
            self.update()

    def update(self, change=None):
        if not self._holding:
            super().update(change)

    @property
    def n_hidden(self) -> int:
        """How many hidden neurons are on."""
        return int(self.count_buttons.value)

    @property
    def parameters(self) -> maths.PlaneNetwork:
        """The network the sliders show, hidden neurons that are on only: ``W1, b1, W2, b2 = explorer.parameters``.

        Each value is rounded to 6 decimals: a slider moved in the browser can report 0.30000000000000004
        for the 0.3 it shows, and the formula and summary should be those of the numbers on the page.
        """
        n = self.n_hidden

        def value(control):
            return round(control.value, 6)

        return maths.PlaneNetwork(
            W1=np.array([[value(control) for control in row] for row in self.W1_sliders[:n]]),
            b1=np.array([value(control) for control in self.b1_sliders[:n]]),
            W2=np.array([[value(control) for control in self.W2_sliders[:n]]]),
            b2=np.array([value(self.b2_slider)]),
        )

    @property
    def formula_lines(self) -> list[str]:
        return maths.plane_formula(*self.parameters)

    @property
    def formula_text(self) -> str:
        """The formula as the page shows it as text: one line per hidden neuron, then the output."""
        return "\n".join(self.formula_lines)

    def redraw(self):
        network = self.parameters
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = ("<div style='white-space:pre-line; font-size:1.05em'>"
                              f"{html.escape(self.formula_text)}</div>")
        self.values = plots.update_plane_picture(self.artists, *network)
        self.picture.value = self.live.png()
        self.summary.value = html.escape(plots.describe_plane(self.values))

    def __repr__(self):
        W1, b1, W2, b2 = (values.tolist() for values in self.parameters)
        return f"PlaneExplorer(W1={W1}, b1={b1}, W2={W2}, b2={b2})"
