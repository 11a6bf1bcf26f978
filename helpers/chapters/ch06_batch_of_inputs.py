"""Chapter 06, a batch of inputs: the exercises' checks and their data."""

from __future__ import annotations

import numpy as np

from helpers.chapters.ch03_layer_of_neurons import GRID_B, GRID_W
from helpers.exercises import array_entry, exercise_check, Feedback, grid_feedback, is_stub, judge_number
from helpers.exercises import not_attempted, shape_entry


BATCH_X = ((1, 2, 3), (2, 2, -1), (-1, 2, 0))
"""Chapter 06's exercise batch: three samples (rows) for chapter 03's by-hand layer GRID_W, GRID_B."""


def _batch():
    X, W, b = (np.array(v, dtype=float) for v in (BATCH_X, GRID_W, GRID_B))
    return X, W, b, X @ W.T + b


@exercise_check(chapter=6, number=1)
def check_batch_entry(answer) -> Feedback:
    """One entry of a batch by hand: Z[2, 0]."""
    X, W, b, Z = _batch()
    return judge_number(
        answer, Z[2, 0],
        mistakes=[
            (Z[0, 2], "That is Z[0, 2]: the first index is the sample (row of X), the second the neuron. "
                      "Z[2, 0] is sample 2 through neuron 0."),
            (X[2] @ W[0], "The bias is missing: add b[0] = −1."),
            ((X.T @ W.T + b)[2, 0], "You used column 2 of X; each sample is a row: X[2] = [−1, 2, 0]."),
            (0.0, "Z is before the activation: do not apply ReLU here."),
            (X[2] @ W[0] - b[0], "The bias is added, not subtracted: z = X[2] · W[0] + b[0]."),
            (Z[1, 0], "That is sample 1; Z[2, 0] is the third sample, X[2], counting from 0."),
            (X[2] @ W[0] + b[1], "Neuron 0's bias is b[0] = −1, not b[1]."),
        ],
        hint="Z[2, 0] = X[2] · W[0] + b[0]: sample 2's three inputs times neuron 0's three weights, "
             "added, plus neuron 0's bias.",
    )


@exercise_check(chapter=6, number=2)
def check_batch_layer(Z) -> Feedback:
    """The layer on the whole batch, written with NumPy."""
    if is_stub(Z):
        return not_attempted()
    X, W, b, right = _batch()
    entry = array_entry("Z", Z, right, [
        (X.T @ W.T + b, "you used X.T: X's rows are already the samples, so Z = X @ W.T + b. "
                        "X is square here, so the shapes fit and NumPy cannot warn you."),
        (X @ W.T, "the bias b is missing: add it, and NumPy adds it to every row."),
        (np.maximum(right, 0), "Z is before the activation: leave ReLU out here."),
        (right.T, "your Z is transposed: one row per sample, one column per neuron. "
                  "W @ X.T gives (n_neurons, n_samples); X @ W.T gives (n_samples, n_neurons)."),
        (X @ W.T - b, "the bias is added, not subtracted."),
        (right[0], "that is only the first sample: X @ W.T + b computes every row of X at once."),
    ], "Z = X @ W.T + b: one row per sample (3), one column per neuron (4).")
    return grid_feedback([entry], "Row s of Z is sample s through the layer; b was added to every row.",
                         each="an array")


BATCH_SHAPES = {"n_samples": 8, "n_inputs": 5, "n_hidden": 16, "n_outputs": 3}
"""Chapter 06, exercise 3: a batch of 8 samples with 5 inputs, through 16 hidden neurons to 3 outputs."""


@exercise_check(chapter=6, number=3)
def check_batch_shapes(X_shape, W1_shape, b1_shape, H_shape, W2_shape, Y_shape) -> Feedback:
    """The shapes of every array of a two-layer network on a batch."""
    s, i, h, o = BATCH_SHAPES.values()
    entries = [
        shape_entry("X_shape", X_shape, (s, i), {
            (i, s): f"({i}, {s}) is transposed: X has one row per sample, (n_samples, n_inputs).",
            (s * i,): f"{s * i} is how many numbers X holds; its shape is (rows, columns).",
            (i,): f"({i},) is one sample; the batch stacks {s} of them as rows.",
            "hint": "X has one row per sample and one column per input.",
        }),
        shape_entry("W1_shape", W1_shape, (h, i), {
            (i, h): f"({i}, {h}) is transposed: W1 has one row per hidden neuron, (n_hidden, n_inputs).",
            (s, h): "the weights do not depend on the batch: W1 is (n_hidden, n_inputs) for any number of samples.",
            (h, s): "the weights do not depend on the batch: W1 is (n_hidden, n_inputs) for any number of samples.",
            "hint": "W1 has one row per hidden neuron and one column per input.",
        }),
        shape_entry("b1_shape", b1_shape, (h,), {
            (s, h): f"b1 is shared by every sample: one bias per hidden neuron, ({h},); NumPy adds it to each row.",
            (s,): "there is one bias per hidden neuron, not one per sample.",
            (i,): "there is one bias per hidden neuron, not one per input.",
            (1, h): f"b1 is a plain 1-D vector, ({h},); NumPy adds it to every row by itself.",
            (h, 1): f"b1 is a plain 1-D vector, ({h},); a ({h}, 1) column would not add to the rows.",
            "hint": "Each hidden neuron has one bias, the same for every sample.",
        }),
        shape_entry("H_shape", H_shape, (s, h), {
            (h, s): f"({h}, {s}) is transposed: X @ W1.T + b1 gives one row per sample, (n_samples, n_hidden).",
            (h,): f"({h},) is one sample's hidden values; the batch has {s} rows of them.",
            (s, i): "H has one column per hidden neuron, not per input.",
            "hint": "X @ W1.T: (n_samples, n_inputs) @ (n_inputs, n_hidden).",
        }),
        shape_entry("W2_shape", W2_shape, (o, h), {
            (h, o): f"({h}, {o}) is transposed: W2 has one row per output neuron, (n_outputs, n_hidden).",
            (s, o): f"({s}, {o}) is the shape of Y; W2 does not depend on the batch.",
            (o, i): "the output layer reads the hidden values, not the inputs: one column per hidden neuron.",
            "hint": "W2 has one row per output neuron and one column per hidden neuron.",
        }),
        shape_entry("Y_shape", Y_shape, (s, o), {
            (o, s): f"({o}, {s}) is transposed: H @ W2.T + b2 gives one row per sample, (n_samples, n_outputs).",
            (o,): f"({o},) is one sample's outputs; the batch has {s} rows of them.",
            (s, h): "that is H's shape; the output layer gives one column per output neuron.",
            "hint": "H @ W2.T: (n_samples, n_hidden) @ (n_hidden, n_outputs).",
        }),
    ]
    return grid_feedback(entries, "Every array of a batch keeps one row per sample; the weights never depend on it.",
                         each="a shape")
