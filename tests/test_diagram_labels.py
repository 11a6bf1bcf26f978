"""The weights written on the edges of the layer and network diagrams (chapters 03 to 05) never
overlap one another: each label's box, as the renderer lays it out, is measured for the chapters'
starting values and for any slider positions."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.examples import LAYER_B, LAYER_W, LAYER_X, NETWORK_B1, NETWORK_B2, NETWORK_W1, NETWORK_W2, NETWORK_X
from helpers.explorers import BendsExplorer, LayerExplorer, NetworkExplorer


def label_boxes(explorer, keys) -> list:
    """The window extent of every edge label (its text and its white box), as drawn now."""
    renderer = explorer.figure.canvas.get_renderer()
    labels = [text for key in keys for row in explorer.artists[key] for text in row]
    return [(text.get_text(), text.get_bbox_patch().get_window_extent(renderer).union(
        [text.get_window_extent(renderer), text.get_bbox_patch().get_window_extent(renderer)]))
            for text in labels if text.get_visible() and text.get_text()]


def overlaps(boxes) -> list:
    return [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]


LAYER = LayerExplorer()
NETWORK = NetworkExplorer()
# The longest label a weight slider can give (−1.95: five characters) and short ones, in any mix.
WEIGHTS = st.sampled_from([-1.95, -1.05, -0.55, -0.05, 0.0, 0.05, 0.5, 1.0, 1.95, -2.0, 2.0])


def set_matrix(sliders, values) -> None:
    for row, row_values in zip(sliders, values):
        for slider, value in zip(row, row_values):
            slider.value = value


def test_the_layer_diagram_of_chapter_03_has_no_overlapping_edge_labels():
    explorer = LayerExplorer(LAYER_X, LAYER_W, LAYER_B)
    boxes = label_boxes(explorer, ["edge_labels"])
    assert len(boxes) == np.size(LAYER_W)
    assert not overlaps(boxes)


def test_the_network_diagram_of_chapter_05_has_no_overlapping_edge_labels():
    explorer = NetworkExplorer(NETWORK_X, NETWORK_W1, NETWORK_B1, NETWORK_W2, NETWORK_B2)
    boxes = label_boxes(explorer, ["edge_labels1", "edge_labels2"])
    assert len(boxes) == np.size(NETWORK_W1) + np.size(NETWORK_W2)
    assert not overlaps(boxes)


def test_the_check_finds_labels_that_do_overlap():
    explorer = LayerExplorer()
    first, second = explorer.artists["edge_labels"][0][:2]
    second.set_position(first.get_position())
    assert overlaps(label_boxes(explorer, ["edge_labels"]))


@settings(max_examples=25, deadline=None)
@given(st.lists(WEIGHTS, min_size=12, max_size=12))
def test_layer_edge_labels_never_overlap_for_any_weights(weights):
    set_matrix(LAYER.weight_sliders, np.reshape(weights, (4, 3)))
    assert not overlaps(label_boxes(LAYER, ["edge_labels"]))


@settings(max_examples=25, deadline=None)
@given(st.lists(WEIGHTS, min_size=20, max_size=20))
def test_network_edge_labels_never_overlap_for_any_weights(weights):
    set_matrix(NETWORK.W1_sliders, np.reshape(weights[:12], (4, 3)))
    set_matrix(NETWORK.W2_sliders, np.reshape(weights[12:], (2, 4)))
    assert not overlaps(label_boxes(NETWORK, ["edge_labels1", "edge_labels2"]))


BENDS = BendsExplorer()


def bend_label_boxes(explorer) -> list:
    """The window extent of every bend's label above chapter 04's curves, as drawn now."""
    renderer = explorer.figure.canvas.get_renderer()
    return [(text.get_text(), text.get_window_extent(renderer))
            for text in explorer.artists["bend_labels"] if text.get_visible() and text.get_text()]


def test_bend_labels_that_would_touch_are_moved_apart():
    # Bends at x = 0, 0.1 and -0.1: written side by side, their labels would cover one another.
    for j, (w, b) in enumerate([(1.0, 0.0), (1.0, -0.1), (1.0, 0.1)]):
        BENDS.W1_sliders[j].value, BENDS.b1_sliders[j].value = w, b
    boxes = bend_label_boxes(BENDS)
    assert sorted(text for text, _ in boxes) == sorted(["0", "0.1", "−0.1"])
    assert not overlaps(boxes)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([-3.0, -1.0, -0.3, -0.1, 0.1, 0.3, 1.0, 3.0]),
                          st.sampled_from([-5.0, -2.1, -0.4, -0.1, 0.0, 0.1, 0.2, 0.5, 2.0, 4.9])),
                min_size=3, max_size=3))
def test_bend_labels_never_overlap_for_any_weights_and_biases(neurons):
    for j, (w, b) in enumerate(neurons):
        BENDS.W1_sliders[j].value, BENDS.b1_sliders[j].value = w, b
    assert not overlaps(bend_label_boxes(BENDS))


def test_bend_labels_of_close_bends_at_the_edge_stay_inside_the_figure_in_the_bends_order():
    for j, b in enumerate([-3.9, -3.8, -3.7]):  # bends at x = 3.9, 3.8, 3.7
        BENDS.W1_sliders[j].value, BENDS.b1_sliders[j].value = 1.0, b
    figure_box, boxes = BENDS.figure.bbox, bend_label_boxes(BENDS)
    assert [text for text, _ in sorted(boxes, key=lambda item: item[1].x0)] == ["3.7", "3.8", "3.9"]
    assert not overlaps(boxes)
    for text, box in boxes:
        assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1, text
