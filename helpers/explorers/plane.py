"""A network with two inputs over the plane of its inputs: ``PlaneExplorer`` (chapter 07)."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from helpers.explorer import Explorer, slider
from helpers.formulas import format_number, plane_formula
from helpers.pictures.plane import describe_plane, new_plane_figure, plane_moving_artists, plane_picture
from helpers.pictures.plane import update_plane_picture
from helpers.plane import PLANE_PRESETS, plane_network, PlaneNetwork
from helpers.validation import describe

__all__ = ["PLANE_RANGE", "PLANE_SPARE", "PlaneExplorer"]


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
    "hidden neurons" for how many are on, and buttons that load a preset (``PLANE_PRESETS``).
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
        for name in PLANE_PRESETS:
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
        self.start_network, self.target = (W1, b1, W2, b2), target
        self._holding = False
        super().__init__()

    def draw(self):
        figure, ax, map_axes = new_plane_figure(self.MAX_HIDDEN)
        self.artists = plane_picture(*self.start_network, ax=ax, map_axes=map_axes, slots=self.MAX_HIDDEN,
                                     target=self.target)
        return figure, plane_moving_artists(self.artists)

    def layout(self):
        return [
            widgets.HBox([widgets.HTML("<b>load a preset:</b>&nbsp;"), *self.preset_buttons]),
            self.count_buttons,
            widgets.HTML("one row per hidden neuron j: its weights <b>W1[j,0]</b> and <b>W1[j,1]</b>, "
                         "its bias <b>b1[j]</b>, and the output weight <b>W2[0,j]</b> its h[j] gets"),
            self.table,
            self.b2_slider,
        ]

    def controls(self):
        return self._sliders()

    def start(self):
        self.count_buttons.observe(self._count_changed, names="value")
        self.load(self.start_network)

    @classmethod
    def _checked(cls, network) -> PlaneNetwork:
        """A preset name or (W1, b1, W2, b2), checked to fit the sliders; as float arrays."""
        if isinstance(network, str):
            if network not in PLANE_PRESETS:
                raise ValueError(f"there is no preset {network!r}; the presets are {list(PLANE_PRESETS)}.")
            network = PLANE_PRESETS[network]
        try:
            W1, b1, W2, b2 = network
        except (TypeError, ValueError):
            raise TypeError(f"network should be a preset name or the four arrays (W1, b1, W2, b2), "
                            f"but got {describe(network)}.") from None
        network = plane_network(W1, b1, W2, b2)
        n_hidden = network.W1.shape[0]
        if n_hidden > cls.MAX_HIDDEN:
            raise ValueError(f"the explorer has room for {cls.MAX_HIDDEN} hidden neurons, "
                             f"but W1 has {n_hidden} rows (shape {network.W1.shape}).")
        low, high, _ = PLANE_RANGE
        for name, values in zip(("W1", "b1", "W2", "b2"), network):
            for index, value in np.ndenumerate(values):
                if not low <= value <= high:
                    where = ",".join(map(str, index))
                    raise ValueError(f"{name}[{where}] = {format_number(value)} is outside the sliders' "
                                     f"range, {format_number(low)} to {format_number(high)}.")
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
    def parameters(self) -> PlaneNetwork:
        """The network the sliders show, hidden neurons that are on only: ``W1, b1, W2, b2 = explorer.parameters``.

        Each value is rounded to 6 decimals: a slider moved in the browser can report 0.30000000000000004
        for the 0.3 it shows, and the formula and summary should be those of the numbers on the page.
        """
        n = self.n_hidden

        def value(control):
            return round(control.value, 6)

        return PlaneNetwork(
            W1=np.array([[value(control) for control in row] for row in self.W1_sliders[:n]]),
            b1=np.array([value(control) for control in self.b1_sliders[:n]]),
            W2=np.array([[value(control) for control in self.W2_sliders[:n]]]),
            b2=np.array([value(self.b2_slider)]),
        )

    @property
    def formula_lines(self) -> list[str]:
        return plane_formula(*self.parameters)



    def move(self) -> str:
        update_plane_picture(self.artists, *self.parameters)
        return html.escape(describe_plane(*self.parameters))

    def __repr__(self):
        W1, b1, W2, b2 = (values.tolist() for values in self.parameters)
        return f"PlaneExplorer(W1={W1}, b1={b1}, W2={W2}, b2={b2})"
