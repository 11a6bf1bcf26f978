"""Chapter 12's explorer: how much learning signal reaches each layer of a deep narrow network.

``DeepExplorer`` has sliders for the number of layers, the neurons per layer, the weight scale g
(each weight is drawn with the spread σ = g/√n_inputs; buttons set g to a small 0.1, Xavier's 1 or
He's 1.41) and the hidden neurons' bias, and buttons for the activation (sigmoid, tanh, ReLU). It
shows the slopes and the sizes written out (``deep_formula``), the gradient size of each layer as
bars on a log scale (``helpers.pictures.deep``), and a one-line summary (``deep_summary``).
The numbers come from ``helpers.deep.layer_signal``.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from helpers.deep import layer_signal
from helpers.explorer import Explorer, slider
from helpers.formulas import format_number
from helpers.drawing import new_axes
from helpers.pictures.deep import (MAX_DEPTH, SUPERSCRIPTS, describe_gradient_bars, format_size, gradient_bars,
                                   gradient_bars_moving_artists, update_gradient_bars)

__all__ = ["ACTIVATION_NAMES", "DeepExplorer", "GAIN_PRESETS", "MAX_SLOPE", "deep_formula", "deep_summary",
           "deep_settings_text", "PICTURE_TITLE"]

ACTIVATION_NAMES = ("sigmoid", "tanh", "ReLU")
MAX_SLOPE = {"sigmoid": 0.25, "tanh": 1.0, "ReLU": 1.0}  #: the largest slope of each activation (at z = 0, or z > 0)
GAIN_PRESETS = {"small": 0.1, "Xavier": 1.0, "He": 1.41}  #: the weight scales the buttons set
MAX_WIDTH = 16


def _listed(values, decimals: int = 2) -> str:
    return "[" + ", ".join(format_number(v, decimals) for v in values) + "]"


def deep_formula(depth: int, width: int, activation: str, gain: float, bias: float, norms, slopes) -> list[str]:
    """The explorer's formula lines for the settings and the numbers measured with them: the network and
    its weights' spread, the mean slope of each hidden layer, and the first layer's gradient as a share
    of the output layer's, written as a factor per layer.
    Introduced in chapter 12."""
    f = format_number
    norms, slopes = np.asarray(norms, dtype=float), np.asarray(slopes, dtype=float)
    lines = [
        f"{depth} layers: {depth - 1} hidden of {width} {activation} neurons, then 1 output · "
        f"weights drawn with spread σ = g/√{width} = {f(gain, 2)}/√{width} = {f(gain / np.sqrt(width), 3)} · "
        f"hidden biases b = {f(bias, 1)}",
        f"mean slope of {activation} in hidden layers 1 to {depth - 1}: {_listed(slopes)} "
        f"(at most {f(MAX_SLOPE[activation], 2)})",
    ]
    first, last = norms[0], norms[-1]
    sizes = f"gradient size ‖dW‖: layer 1 {format_size(first)}, layer {depth} (output) {format_size(last)}"
    if first > 0 and last > 0:
        ratio = first / last
        per_layer = ratio ** (1.0 / (depth - 1))
        lines.append(f"{sizes} · layer 1 gets {format_size(ratio)} of the output layer's "
                     f"≈ {format_size(per_layer)}{str(depth - 1).translate(SUPERSCRIPTS)}: × {format_size(per_layer)} per layer "
                     "on the way back")
    else:
        lines.append(f"{sizes} · a layer with gradient 0 learns nothing")
    return lines


def deep_summary(depth: int, activation: str, gain: float, bias: float, norms) -> str:
    """The explorer's one-line summary: what happens to the learning signal on its way back, then the bars.
    Introduced in chapter 12."""
    norms = np.asarray(norms, dtype=float)
    first, last = norms[0], norms[-1]
    if last == 0 or first == 0:
        verdict = "some layer gets no gradient at all: its neurons are switched off for every input"
    else:
        ratio = first / last
        if ratio < 1e-3:
            verdict = f"the learning signal vanishes on its way back: the first layer gets {format_size(ratio)} of the output layer's gradient"
        elif ratio < 0.1:
            verdict = f"the learning signal shrinks on its way back: the first layer gets {format_size(ratio)} of the output layer's gradient"
        elif ratio <= 10:
            verdict = "the learning signal reaches every layer at about the same size"
        else:
            verdict = f"the learning signal grows on its way back: the first layer gets {format_size(ratio)} times the output layer's gradient"
    tiny = " Every gradient is below 10⁻⁶: with weights this small the signal fades on the way forward too." \
        if norms.max() < 1e-6 else ""
    return (f"With {depth} layers of {activation}, weight scale g = {format_number(gain, 2)} and hidden bias "
            f"{format_number(bias, 1)}, {verdict}.{tiny} {describe_gradient_bars(norms)}")


PICTURE_TITLE = "gradient size per layer (log scale)"  #: the picture's title, on the left; the settings are on the right


def deep_settings_text(depth: int, activation: str, gain: float, bias: float) -> str:
    """The settings as the picture writes them beside its title. Introduced in chapter 12."""
    return f"{depth} layers of {activation}, g = {format_number(gain, 2)}, b = {format_number(bias, 1)}"


class DeepExplorer(Explorer):
    """A deep narrow network's gradient per layer, for its depth, width, activation, weight scale and bias
    (chapter 12).

    >>> explorer = DeepExplorer()
    >>> explorer.activation_buttons.value = "ReLU"
    >>> explorer.gain_slider.value = 1.41
    >>> explorer.summary.value.split(":")[0]
    'With 8 layers of ReLU, weight scale g = 1.41 and hidden bias 0, the learning signal reaches every layer at about the same size. Bars on a log scale, the gradient size of each layer from the first to the output'
    """

    kind = "deep"

    def __init__(self, depth: int = 8, width: int = 8, activation: str = "sigmoid", gain: float = 1.0,
                 bias: float = 0.0):
        if activation not in ACTIVATION_NAMES:
            raise ValueError(f"activation should be one of {', '.join(ACTIVATION_NAMES)}, but got {activation!r}.")
        if not 2 <= depth <= MAX_DEPTH or not 1 <= width <= MAX_WIDTH:
            raise ValueError(f"the explorer has room for 2 to {MAX_DEPTH} layers of 1 to {MAX_WIDTH} neurons, "
                             f"but got depth = {depth!r} and width = {width!r}.")
        layer_signal(depth, width, activation, gain, bias)  # check the starting values before building anything
        self._signal, self._signal_for = None, None  # the last settings' layer_signal, for the formula and the picture
        style = {"description_width": "initial"}
        self.depth_slider = widgets.IntSlider(value=depth, min=2, max=MAX_DEPTH, description="layers", style=style,
                                              layout=widgets.Layout(width="330px"))
        self.width_slider = widgets.IntSlider(value=width, min=1, max=MAX_WIDTH, description="neurons per layer",
                                              style=style, layout=widgets.Layout(width="330px"))
        self.activation_buttons = widgets.ToggleButtons(options=list(ACTIVATION_NAMES), value=activation,
                                                        description="activation",
                                                        style={**style, "button_width": "80px"})
        self.gain_slider = slider("weight scale g", gain, 0.01, 3.0, 0.01)
        self.bias_slider = slider("hidden bias b", bias, -2.0, 2.0, 0.1, decimals=1)
        self.preset_buttons = [widgets.Button(description=f"{name}: g = {format_number(value, 2)}",
                                              tooltip=f"weight scale g = {format_number(value, 2)}")
                               for name, value in GAIN_PRESETS.items()]
        for button, value in zip(self.preset_buttons, GAIN_PRESETS.values()):
            button.add_class("nnbh-preset")
            button.on_click(lambda _, value=value: setattr(self.gain_slider, "value", value))
        super().__init__()

    # -- the explorer base's contract --------------------------------------------------------------

    def controls(self) -> list:
        return [self.gain_slider, self.bias_slider, self.depth_slider, self.width_slider, self.activation_buttons]

    def layout(self) -> list:
        return [
            widgets.HTML("<b>the network</b>: layers of the same width, one output neuron at the end"),
            widgets.HBox([self.depth_slider, self.width_slider]),
            self.activation_buttons,
            widgets.HTML("<b>the starting weights</b>: spread σ = g/√(inputs per neuron), and every hidden bias b"),
            widgets.HBox([self.gain_slider, self.bias_slider]),
            widgets.HBox(self.preset_buttons),
        ]

    def draw(self):
        figure, ax = new_axes(7.2, 3.2)
        self.artists = gradient_bars(self.signal.norms, ax=ax, room=MAX_DEPTH)  # bars keep their place as layers come and go
        # The title never changes and stays in the background; only the settings, a shorter text,
        # are drawn again when they change (text is a large part of a frame). ``move`` writes them.
        ax.set_title(PICTURE_TITLE, loc="left", fontsize=9)
        self.settings_text = ax.set_title("", loc="right", fontsize=9)
        return figure, [*gradient_bars_moving_artists(self.artists), self.settings_text]

    def move(self) -> str:
        depth, width, activation, gain, bias = self.settings
        norms = update_gradient_bars(self.artists, self.signal.norms)
        self.settings_text.set_text(deep_settings_text(depth, activation, gain, bias))
        return deep_summary(depth, activation, gain, bias, norms)

    # -- the current values -------------------------------------------------------------------------

    @property
    def settings(self) -> tuple:
        """(depth, width, activation, gain, bias), rounded to what the sliders show."""
        return (int(self.depth_slider.value), int(self.width_slider.value), self.activation_buttons.value,
                round(float(self.gain_slider.value), 2), round(float(self.bias_slider.value), 1))

    @property
    def signal(self):
        """``layer_signal`` for the current settings: the gradient sizes and the mean slopes
        (worked out once per settings: the formula and the picture both need it)."""
        settings = self.settings
        if self._signal_for != settings:
            self._signal, self._signal_for = layer_signal(*settings), settings
        return self._signal

    @property
    def formula_lines(self) -> list[str]:
        signal = self.signal
        return deep_formula(*self.settings, signal.norms, signal.slopes)

    def __repr__(self):
        depth, width, activation, gain, bias = self.settings
        return (f"DeepExplorer(depth={depth}, width={width}, activation={activation!r}, gain={gain}, bias={bias})")
