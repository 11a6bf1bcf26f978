"""The explorer base: sliders -> values -> redraw -> text summary.

An explorer shows its controls, a live formula (an ``HTML`` widget), a picture (an ``Image`` widget
holding a PNG of a matplotlib ``Figure``) and a one-line text summary of that picture. Moving a
control calls ``update``, which only sets widget traits and moves the matplotlib artists the
explorer keeps: nothing is printed and no figure is created, so a notebook's stored outputs never
change when a learner drags a slider. If the values cannot be shown, the formula shows a plain
message instead of a traceback.

A simple explorer is its controls plus its drawing. A subclass sets ``kind`` and makes its
controls, then calls ``super().__init__()``, and defines:

- ``controls()``: every control whose value changes the picture (each is observed);
- ``layout()``: the widgets shown above the formula (the controls, arranged);
- ``draw()``: make the figure with ``helpers.drawing`` and a picture; return the figure and the
  artists that move;
- ``formula_html()``: the formula for the current values, as HTML;
- ``move()``: move the artists to the current values and return the text summary.

The explorers themselves are in ``helpers.explorers``.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from helpers.drawing import freeze_layout, LivePicture

__all__ = ["Explorer", "slider", "slider_table", "values"]


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


class Explorer:
    """What every explorer shares: the formula, picture and summary widgets, the figure redrawn
    with ``LivePicture``, a CSS class for the browser tests, a clean text form, and an update that
    shows a plain message instead of a traceback if anything goes wrong."""

    kind = "explorer"  #: a short name, also set on the widget's DOM as a CSS class

    def __init__(self):
        self.formula = widgets.HTML()
        self.formula.add_class("nnbh-formula")
        self.picture = widgets.Image(format="png")
        self.picture.add_class("nnbh-picture")
        self.summary = widgets.HTML()
        self.summary.add_class("nnbh-summary")
        self.figure, moving = self.draw()
        freeze_layout(self.figure)
        self.live = LivePicture(self.figure, moving)
        self.widget = widgets.VBox([*self.layout(), self.formula, self.picture, self.summary],
                                   layout=widgets.Layout(padding="4px"))
        self.widget.add_class("nnbh-explorer")
        self.widget.add_class(f"nnbh-{self.kind}")
        for control in self.controls():
            control.observe(self.update, names="value")
        self.start()

    def start(self) -> None:
        """Show the starting values (an explorer that loads presets first overrides this)."""
        self.update()

    def update(self, change=None):
        try:
            self.redraw()
        except Exception as error:  # a widget must never show a traceback to a learner
            self.formula.value = (
                "<div class='nnbh-error'>These values cannot be shown: "
                f"{html.escape(str(error))}</div>"
            )

    def redraw(self):
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = self.formula_html()
        summary = self.move()
        self.picture.value = self.live.png()
        self.summary.value = summary

    def controls(self) -> list:
        raise NotImplementedError

    def layout(self) -> list:
        raise NotImplementedError

    def draw(self):
        raise NotImplementedError

    def formula_html(self) -> str:
        raise NotImplementedError

    def move(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle
