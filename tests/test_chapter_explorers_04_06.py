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
        assert repr(explorer).endswith(")" if name == "ReLU" else f", output_activation={name!r})")
        assert f"y = [{', '.join(f'{v:.2f}'.rstrip('0').rstrip('.') for v in expected[name])}]".replace(
            "-", "\u2212") in explorer.summary.value


# ---------------------------------------------------------------------------
# Chapter 04: BendsExplorer, one input through three hidden ReLU neurons
# ---------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers.explorers import BendsExplorer  # noqa: E402

BENDS = BendsExplorer()


def loop_output(x, w, b, v, c, relu_on=True):
    """y for one x, neuron by neuron, with plain Python."""
    total = c
    for wj, bj, vj in zip(w, b, v):
        z = wj * x + bj
        total += vj * (max(z, 0.0) if relu_on else z)
    return total


def test_the_bends_explorer_starts_with_three_bends_of_chapter_04():
    assert [s.description for s in BENDS.W1_sliders] == ["W1[0,0]", "W1[1,0]", "W1[2,0]"]
    assert BENDS.activation_buttons.description == "hidden activation"
    assert "bends at x = −2 (neuron 0), 0 (neuron 1), 1 (neuron 2)" in BENDS.summary.value
    assert "slopes −1, 0, −2, −1 from left to right" in BENDS.summary.value


weights = st.sampled_from([-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 2.0])
biases = st.sampled_from([-3.0, -1.0, 0.0, 0.5, 2.0])


@settings(max_examples=20, deadline=None)
@given(st.lists(weights, min_size=3, max_size=3), st.lists(biases, min_size=3, max_size=3),
       st.lists(weights, min_size=3, max_size=3), biases, st.booleans())
def test_the_curve_bends_and_slopes_follow_any_sliders(w, b, v, c, relu_on):
    for sliders, values in [(BENDS.W1_sliders, w), (BENDS.b1_sliders, b), (BENDS.W2_sliders, v)]:
        for slider, value in zip(sliders, values):
            slider.value = value
    BENDS.b2_slider.value = c
    BENDS.activation_buttons.value = "ReLU" if relu_on else "none"
    xs, ys = BENDS.artists["y"].get_data()
    assert ys == pytest.approx([loop_output(x, w, b, v, c, relu_on) for x in xs])
    drawing = pictures_bends.bends_drawing(BENDS.W1, BENDS.b1, BENDS.W2, BENDS.b2, relu_on)
    if relu_on:
        assert sorted(drawing.bends) == pytest.approx(sorted(-bj / wj for wj, bj in zip(w, b)))
        cuts = sorted({-bj / wj for wj, bj in zip(w, b)})  # bends at the same x make one
        middles = [cuts[0] - 1, *((p + q) / 2 for p, q in zip(cuts, cuts[1:])), cuts[-1] + 1]
    else:
        assert np.isnan(drawing.bends).all() and len(drawing.slopes) == 1
        middles = [0.0]
        # without ReLU, y is one straight line: every second difference is 0
        assert np.diff(ys, 2) == pytest.approx(np.zeros(len(ys) - 2), abs=1e-9)
    h = 1e-4  # slopes by central differences, in the middle of each piece (pieces may be empty)
    slopes = [(loop_output(m + h, w, b, v, c, relu_on) - loop_output(m - h, w, b, v, c, relu_on)) / (2 * h)
              for m in middles]
    assert drawing.slopes == pytest.approx(slopes, abs=1e-6)
    for line in BENDS.formula_lines[:3]:
        assert ("bends at x" in line) == relu_on


from helpers.pictures import bends as pictures_bends  # noqa: E402


# ---------------------------------------------------------------------------
# Chapter 06: a batch whose number of samples differs from its number of inputs
# ---------------------------------------------------------------------------

import ast  # noqa: E402
import pathlib  # noqa: E402

import nbformat  # noqa: E402

CHAPTER_06 = pathlib.Path(__file__).resolve().parents[1] / "chapters" / "06_batch_of_inputs.ipynb"


def test_chapter_06_shows_a_batch_that_is_not_square_and_says_its_shape():
    cells = nbformat.read(CHAPTER_06, as_version=4).cells
    code = next(c for c in cells if c.cell_type == "code" and c.source.startswith("X = np.array("))
    X = np.array(ast.literal_eval(code.source.splitlines()[0].removeprefix("X = np.array(").removesuffix(")")))
    assert X.shape[0] != X.shape[1], "rows and columns of the chapter's batch could be confused"
    assert X[0].tolist() == [2, 3, 5]  # the course's example input stays the first sample
    printed = "".join(o.get("text", "") for o in code.outputs)
    assert f"shape of X: {X.shape}" in printed


# ---------------------------------------------------------------------------
# Chapter 06: BatchExplorer and the batch picture
# ---------------------------------------------------------------------------

from helpers.explorers import BatchExplorer  # noqa: E402

BATCH = BatchExplorer()


def loop_Z(X, W, b):
    """Z[s][j] = sum_i X[s][i] W[j][i] + b[j], with plain loops."""
    return [[sum(x * w for x, w in zip(row, weights)) + bias for weights, bias in zip(W, b)] for row in X]


def test_the_batch_explorer_starts_with_chapter_06s_batch_and_entry():
    assert np.shape(BATCH.X) == (5, 3) and np.shape(BATCH.W) == (4, 3)
    assert BATCH.formula_lines[0] == "Z[2, 1] = X[2] · W[1] + b[1] = 0×1 + 2×0 + 4×(−1) + 1 = −3"
    assert (BATCH.sample_buttons.description, BATCH.neuron_buttons.description) == ("sample s", "neuron j")


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 14), st.sampled_from([-4.5, -1.0, 0.0, 2.5, 5.0]), st.integers(0, 11),
       st.sampled_from([-2.0, -0.35, 0.0, 1.5]), st.integers(0, 4), st.integers(0, 3))
def test_any_entry_moves_the_whole_Z_and_the_highlight_follows_the_pick(x_at, x_value, w_at, w_value, s, j):
    BATCH.X_sliders[x_at // 3][x_at % 3].value = x_value
    BATCH.W_sliders[w_at // 3][w_at % 3].value = w_value
    BATCH.sample_buttons.value, BATCH.neuron_buttons.value = str(s), str(j)
    Z = loop_Z(BATCH.X, BATCH.W, BATCH.b)
    shown = [[float(t.get_text().replace("\u2212", "-")) for t in row] for row in BATCH.artists["Z"]]
    assert np.allclose(shown, Z, atol=0.0051)  # written with at most 2 decimals
    assert float(BATCH.formula_lines[0].rsplit("= ", 1)[1].replace("\u2212", "-")) == pytest.approx(Z[s][j], abs=5.1e-4)
    # the highlights: row s of X (3 cells wide), column j of W.T (3 cells high), b[j], Z[s, j]
    row, column, bias, entry = (r.get_bbox() for r in BATCH.artists["highlights"])
    cell = BATCH.artists["Z"][s][j].get_position()
    assert entry.contains(*cell) and row.height == 1 and row.width == 3 and column.height == 3
    assert row.contains(row.x0 + 0.5, cell[1]) and column.contains(cell[0], column.y0 + 0.5)
    assert bias.contains(cell[0], bias.y0 + 0.5)
