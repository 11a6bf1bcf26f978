"""What the explorers of chapters 04 and 06 show, and the output activation of chapter 05's network
explorer, each checked against an independent computation (loops, closed forms)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.explorers import NetworkExplorer


# ---------------------------------------------------------------------------
# Chapter 05: the network explorer's output activation
# ---------------------------------------------------------------------------

def test_the_network_explorer_starts_with_relu_at_the_output_and_can_switch_it():
    explorer = NetworkExplorer()
    assert explorer.activation_buttons.description == "output activation"
    assert explorer.activation_buttons.value == "ReLU" and list(explorer.activation_buttons.options) == [
        "none", "ReLU", "sigmoid"]
    z2 = [1.9 * 1 + 2.5 * -1 + 0.5, 1.9 * 0.5 + 2.5 * 1 - 1]  # h = [1.9, 0, 2.5, 0] through W2, b2
    title = explorer.artists["output_title"][0]
    expected = {"ReLU": [max(z, 0) for z in z2], "none": z2, "sigmoid": [1 / (1 + math.exp(-z)) for z in z2]}
    for name in ["sigmoid", "none", "ReLU"]:
        explorer.activation_buttons.value = name
        shown = [float(line.rsplit("= ", 1)[1].replace("\u2212", "-")) for line in explorer.formula_lines[4:]]
        assert shown == pytest.approx(expected[name], abs=5e-4), name
        assert title.get_text() == f"outputs ({'no activation' if name == 'none' else name})"
        assert f"y = [{', '.join(f'{v:.2f}'.rstrip('0').rstrip('.') for v in expected[name])}]".replace(
            "-", "\u2212") in explorer.summary.value
