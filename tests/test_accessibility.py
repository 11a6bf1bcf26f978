"""Every explorer can be used without seeing colour and without a mouse: each control has a
visible label, and the picture comes with a text summary that follows the sliders."""

from __future__ import annotations

import importlib
import pkgutil

import ipywidgets
import pytest

from helpers import explorer, explorers

EXPLORERS = list(explorers.EXPLORERS)
CONTROLS = (ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.ToggleButtons, ipywidgets.Dropdown,
            ipywidgets.RadioButtons, ipywidgets.Button)


def parts(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from parts(child)


def test_every_explorer_class_is_listed_here():
    modules = [importlib.import_module(f"helpers.explorers.{info.name}") for info in pkgutil.iter_modules(explorers.__path__)]
    defined = {cls for module in modules for cls in vars(module).values()
               if isinstance(cls, type) and issubclass(cls, explorer.Explorer) and cls is not explorer.Explorer}
    assert defined == set(EXPLORERS), "add the new explorer to EXPLORERS in helpers/explorers/__init__.py"


@pytest.mark.parametrize("make", EXPLORERS, ids=lambda cls: cls.__name__)
class TestExplorer:
    def test_every_control_has_a_visible_label(self, make):
        controls = [part for part in parts(make().widget) if isinstance(part, CONTROLS)]
        assert controls
        unlabelled = [type(c).__name__ for c in controls if not (c.description or "").strip()]
        assert not unlabelled, f"controls without a label: {unlabelled}"

    def test_labels_are_unique_so_a_screen_reader_can_tell_controls_apart(self, make):
        labels = [c.description for c in parts(make().widget) if isinstance(c, ipywidgets.FloatSlider)]
        assert len(labels) == len(set(labels)), sorted(labels)

    def test_sliders_answer_the_keyboard_in_small_steps(self, make):
        for slider in (p for p in parts(make().widget) if isinstance(p, ipywidgets.FloatSlider)):
            assert 0 < slider.step <= (slider.max - slider.min) / 10, slider.description
            assert slider.continuous_update, f"{slider.description} only updates when released"

    def test_the_text_summary_follows_the_sliders(self, make):
        explorer = make()
        slider = next(p for p in parts(explorer.widget) if isinstance(p, ipywidgets.FloatSlider))
        before = explorer.summary.value
        slider.value = slider.min if slider.value != slider.min else slider.max
        assert explorer.summary.value and explorer.summary.value != before, slider.description
