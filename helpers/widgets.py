"""The interactive explorers: thin views over ``helpers.maths`` and ``helpers.plots``.

An explorer builds its sliders, a live formula (an ``HTML`` widget), a picture (an ``Image``
widget holding a PNG of a matplotlib ``Figure``) and a one-line text summary of that picture.
Moving a slider calls ``update``, which only sets widget traits and moves the matplotlib
artists the explorer keeps: nothing is printed and no figure is created, so the notebook's
stored outputs never change when a learner drags a slider.
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
        self.formula = widgets.HTML()
        self.formula.add_class("nnbh-formula")
        self.picture = widgets.Image(format="png")
        self.picture.add_class("nnbh-picture")
        self.summary = widgets.HTML()
        self.summary.add_class("nnbh-summary")
        self.figure, ax = plots.new_axes()
        self.artists = plots.contribution_bars(inputs, weights, ax=ax)
        plots.freeze_layout(self.figure)
        self.live = plots.LivePicture(self.figure, [*self.artists["bars"], *self.artists["labels"]])
        super().__init__([
            widgets.HBox([widgets.VBox(self.input_sliders), widgets.VBox(self.weight_sliders)]),
            self.formula,
            self.picture,
            self.summary,
        ])
        for control in self.input_sliders + self.weight_sliders:
            control.observe(self.update, names="value")
        self.update()

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
