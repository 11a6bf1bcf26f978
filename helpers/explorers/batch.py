"""A layer on a batch, entry by entry: ``BatchExplorer`` (chapter 06)."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.drawing import new_axes
from helpers.examples import LAYER_B, LAYER_W
from helpers.explorer import Explorer, slider, slider_table, values
from helpers.formulas import neuron_formula
from helpers.pictures.batch import batch_drawing, batch_figure_size, batch_picture, describe_batch_picture
from helpers.pictures.batch import update_batch_picture
from helpers.pictures.diagrams import listed
from helpers.validation import as_numbers

__all__ = ["BATCH_START", "BatchExplorer"]

BATCH_START = ((2, 3, 5), (1, 0, -1), (0, 2, 4), (4, 1, 0), (-1, 1, 2))
"""Chapter 06's batch: five samples of three inputs, the first the course's x = [2, 3, 5]."""

class BatchExplorer(Explorer):
    """A layer run on a batch, ``Z = X @ W.T + b`` (chapter 06).

    A slider for every entry of ``X`` (row s: sample s) and of ``W`` (row j: neuron j's weights) and
    for every bias ``b[j]``; buttons labelled "sample s" and "neuron j" pick the entry ``Z[s, j]``
    whose row · column product is written out and highlighted in the picture of the whole product.

    >>> explorer = BatchExplorer()
    >>> explorer.X_sliders[2][2].value = 5.0    # X[2, 2]
    >>> explorer.formula_lines[0]
    'Z[2, 1] = X[2] · W[1] + b[1] = 0×1 + 2×0 + 5×(−1) + 1 = −4'
    """

    kind = "batch"

    def __init__(self, X=BATCH_START, W=LAYER_W, b=LAYER_B, sample: int = 2, neuron: int = 1):
        drawing = batch_drawing(X, W, b, sample, neuron)  # checks the starting values before building anything
        self.start_values = (drawing.X, drawing.W, drawing.b, drawing.sample, drawing.neuron)
        self.X_sliders = [[slider(f"X[{s},{i}]", v, -5, 5, 0.5, decimals=1) for i, v in enumerate(row)]
                          for s, row in enumerate(drawing.X)]
        self.W_sliders = [[slider(f"W[{j},{i}]", v, -2, 2, 0.05) for i, v in enumerate(row)]
                          for j, row in enumerate(drawing.W)]
        self.b_sliders = [slider(f"b[{j}]", v, -5, 5, 0.1, decimals=1) for j, v in enumerate(drawing.b)]
        for control in [*sum(self.X_sliders, []), *sum(self.W_sliders, []), *self.b_sliders]:
            control.layout.width = "200px"
        button_style = {"description_width": "initial", "button_width": "40px"}
        self.sample_buttons = widgets.ToggleButtons(options=[str(s) for s in range(len(drawing.X))],
                                                    value=str(drawing.sample), description="sample s", style=button_style)
        self.neuron_buttons = widgets.ToggleButtons(options=[str(j) for j in range(len(drawing.W))],
                                                    value=str(drawing.neuron), description="neuron j", style=button_style)
        super().__init__()

    def draw(self):
        X, W, b, sample, neuron = self.start_values
        figure, ax = new_axes(*batch_figure_size(X.shape[0], X.shape[1], W.shape[0]))
        self.artists = batch_picture(X, W, b, sample, neuron, ax=ax)
        moving = [*self.artists["highlights"], *(text for key in ("X", "WT", "b", "Z")
                                                  for row in self.artists[key] for text in row)]
        return figure, moving

    def layout(self):
        return [
            widgets.HTML("<b>the batch X</b>: row s holds sample s's inputs"),
            slider_table(self.X_sliders),
            widgets.HTML("<b>the layer</b>: row j holds neuron j's weights W[j,i] and its bias b[j]"),
            slider_table([[*row, bias] for row, bias in zip(self.W_sliders, self.b_sliders)]),
            widgets.HTML("<b>the entry Z[s, j]</b> to write out and highlight"),
            widgets.HBox([self.sample_buttons, self.neuron_buttons]),
        ]

    def controls(self):
        return [*sum(self.X_sliders, []), *sum(self.W_sliders, []), *self.b_sliders,
                self.sample_buttons, self.neuron_buttons]

    @property
    def X(self) -> list[list[float]]:
        return values(self.X_sliders)

    @property
    def W(self) -> list[list[float]]:
        return values(self.W_sliders)

    @property
    def b(self) -> list[float]:
        return values(self.b_sliders)

    @property
    def entry(self) -> tuple[int, int]:
        """The picked entry (s, j) of Z."""
        return int(self.sample_buttons.value), int(self.neuron_buttons.value)

    @property
    def formula_lines(self) -> list[str]:
        """The picked entry written out, then every row of Z."""
        drawing = batch_drawing(self.X, self.W, self.b, *self.entry)
        s, j = self.entry
        X, W, b = as_numbers(self.X, "X"), as_numbers(self.W, "W"), as_numbers(self.b, "b")
        return ([f"Z[{s}, {j}] = X[{s}] · W[{j}] + b[{j}] = {neuron_formula(X[s], W[j], b[j])}"]
                + [f"Z[{r}] = {listed(row)}" for r, row in enumerate(drawing.Z)])



    def move(self) -> str:
        return describe_batch_picture(update_batch_picture(self.artists, self.X, self.W, self.b, *self.entry))

    def __repr__(self):
        s, j = self.entry
        return f"BatchExplorer(X={self.X}, W={self.W}, b={self.b}, sample={s}, neuron={j})"
