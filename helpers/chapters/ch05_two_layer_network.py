"""Chapter 05, the two-layer network: the exercises' checks and their data.

Chapter 05's network itself (``NETWORK_X``, ``NETWORK_W1``, ``NETWORK_B1``, ``NETWORK_W2``, ``NETWORK_B2``)
lives in ``helpers.examples`` and is imported here too, so a notebook finds it in its chapter module."""

from __future__ import annotations

import numpy as np

from helpers.chapters.ch03_layer_of_neurons import GridNames, layer_h_entry, layer_z_entry
from helpers.examples import NETWORK_B1, NETWORK_B2, NETWORK_W1, NETWORK_W2, NETWORK_X
from helpers.exercises import MISTAKE, close, entries_of, Entry, exercise_check, Feedback, grid_feedback, is_stub
from helpers.exercises import judge_function, mistake, number_entry, number_or_reason
from helpers.maths import count_parameters, two_layer_network
from helpers.validation import describe


NETGRID_X = (2, -1)
NETGRID_W1, NETGRID_B1 = ((1, 1), (0.5, -1), (-1, 2)), (-0.5, 1, 1)
NETGRID_W2, NETGRID_B2 = ((2, -1, 1), (1, 0.5, -1)), (1, -1)
"""The network of chapter 05's by-hand grid: 2 inputs, 3 hidden neurons, 2 outputs, ReLU in both layers."""

HIDDEN_NAMES = GridNames(x="x", W="W1", b="b1", z="z1", h="h", neuron="hidden neuron")
OUTPUT_NAMES = GridNames(x="h", W="W2", b="b2", z="z2", h="y", neuron="output")


def _output_z_entry(k: int, value, h_given, x, W1, b1, W2, b2) -> Entry:
    """z2[k], judged as a layer-2 grid entry, after two mistakes that only a network can make."""
    z1 = W1 @ x + b1
    h = np.maximum(z1, 0)
    right = (W2 @ h + b2)[k]
    got, reason = (None, None) if is_stub(value) else number_or_reason(value, f"z2[{k}]")
    if got is not None and not close(got, right):
        label = f"output {k}, z2[{k}]"
        if close(got, (W2 @ z1 + b2)[k]):
            return Entry(f"z2[{k}]", MISTAKE, "you used z1 instead of h: the output layer reads the hidden "
                                              "values after ReLU, so a negative z1 counts as 0.", label)
        if h_given is not None and not np.allclose(h_given, h) and close(got, (W2 @ h_given + b2)[k]):
            return Entry(f"z2[{k}]", MISTAKE, f"z2[{k}] is right for your h, but h is not right yet: "
                                              f"fix h and z2[{k}] follows.", label)
    return layer_z_entry(k, value, h, W2, b2, OUTPUT_NAMES)


@exercise_check(chapter=5, number=1)
def check_network_grid(z1, h, z2, y) -> Feedback:
    """Every value of a small two-layer network, by hand."""
    x, W1, b1, W2, b2 = (np.array(v, dtype=float)
                         for v in (NETGRID_X, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2))
    n_hidden, n_outputs = len(b1), len(b2)
    answers = [entries_of(z1, n_hidden, "z1"), entries_of(h, n_hidden, "h"),
               entries_of(z2, n_outputs, "z2"), entries_of(y, n_outputs, "y")]
    for values in answers:
        if isinstance(values, Feedback):
            return values
    z1_values, h_values, z2_values, y_values = answers

    def numbers(values):
        return [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]

    h_numbers = numbers(h_values)
    h_given = None if None in h_numbers else np.array(h_numbers)
    hidden_z = numbers(z1_values)
    output_z = numbers(z2_values)
    hidden = np.maximum(W1 @ x + b1, 0)
    entries = [layer_z_entry(j, z1_values[j], x, W1, b1, HIDDEN_NAMES) for j in range(n_hidden)]
    entries += [layer_h_entry(j, h_values[j], hidden_z[j], x, W1, b1, HIDDEN_NAMES) for j in range(n_hidden)]
    entries += [_output_z_entry(k, z2_values[k], h_given, x, W1, b1, W2, b2) for k in range(n_outputs)]
    entries += [layer_h_entry(k, y_values[k], output_z[k], hidden, W2, b2, OUTPUT_NAMES) for k in range(n_outputs)]
    return grid_feedback(entries, "Layer by layer: z1 = W1 @ x + b1, h = ReLU(z1), z2 = W2 @ h + b2, y = ReLU(z2).")


PARAMETER_NETWORKS = ((2, 4, 3), (4, 5, 3), (784, 128, 10))
"""The layer sizes of chapter 05's parameter-count exercise, inputs first."""


def _count_entry(sizes: tuple, value) -> Entry:
    n_in, n_hidden, n_out = sizes
    weights = n_in * n_hidden + n_hidden * n_out
    slips = [
        (weights, f"you counted the weights but forgot the biases: each neuron also has one bias, "
                  f"{n_hidden} + {n_out} more."),
        (weights + n_in + n_hidden, "one bias per neuron, not one per input: "
                                    f"the layers have {n_hidden} and {n_out} biases."),
        (weights + n_in + n_hidden + n_out, "the inputs have no biases: only the hidden and output neurons do."),
        (weights + 2, f"one bias per neuron, not one per layer: {n_hidden} + {n_out} biases."),
        (n_in * n_hidden * n_out, "multiplying all the sizes does not count anything: "
                                  "each layer has n_inputs × n_neurons weights plus n_neurons biases."),
        (n_in + n_hidden + n_out, "that counts the values (inputs and neurons), not the parameters: "
                                  "count the weights and biases of each layer."),
        (n_in * n_hidden + n_hidden, f"that is the first layer only: add the second layer's "
                                     f"{n_hidden} × {n_out} weights and {n_out} biases."),
        (n_hidden * n_out + n_out, f"that is the second layer only: add the first layer's "
                                   f"{n_in} × {n_hidden} weights and {n_hidden} biases."),
    ]
    return number_entry("[" + ", ".join(map(str, sizes)) + "]", value, count_parameters(list(sizes)), slips,
                        f"({n_in}·{n_hidden} + {n_hidden}) + ({n_hidden}·{n_out} + {n_out}): "
                        "weights plus biases, layer by layer.")


@exercise_check(chapter=5, number=2)
def check_parameter_counts(answer) -> Feedback:
    """The number of parameters of three networks."""
    values = entries_of(answer, len(PARAMETER_NETWORKS), "counts")
    if isinstance(values, Feedback):
        return values
    numbers = [None if is_stub(v) else number_or_reason(v, "")[0] for v in values]
    without_biases = [a * b + b * c for a, b, c in PARAMETER_NETWORKS]
    if None not in numbers and all(close(got, wrong) for got, wrong in zip(numbers, without_biases)):
        return mistake("You left out the biases in all three: besides its weights, every hidden and "
                       "output neuron has one bias, so add n_hidden + n_outputs to each count.")
    return grid_feedback([_count_entry(sizes, v) for sizes, v in zip(PARAMETER_NETWORKS, values)],
                         "Each layer has n_inputs × n_neurons weights and n_neurons biases.")


MY_NETWORK_CASES = tuple(
    tuple(np.array(v, dtype=float) for v in case)
    for case in (
        (NETWORK_X, NETWORK_W1, NETWORK_B1, NETWORK_W2, NETWORK_B2),  # chapter 05's network
        (NETGRID_X, NETGRID_W1, NETGRID_B1, NETGRID_W2, NETGRID_B2),  # the by-hand grid's
        ((1, -2), ((1, 2), (-1, 0.5)), (0.5, 1), ((1, -1), (2, 1)), (1, -0.5)),  # square: a transposed W still fits
    )
)
"""(x, W1, b1, W2, b2) for the test cases of ``check_my_network``; the learner's function gets copies."""


def _relu(z):
    return np.maximum(z, 0.0)


# Each slip is what a common mistake computes; it is named only if it explains every test case.
MY_NETWORK_SLIPS = [
    (lambda x, W1, b1, W2, b2: _relu(W2 @ (W1 @ x + b1) + b2),
     "The hidden layer has no ReLU: apply relu to z1 before the output layer reads it."),
    (lambda x, W1, b1, W2, b2: W2 @ _relu(W1 @ x + b1) + b2,
     "It returns z2: the output layer has a ReLU too, y = relu(z2)."),
    (lambda x, W1, b1, W2, b2: W2 @ (W1 @ x + b1) + b2,
     "There is no ReLU at all: apply relu after each layer."),
    (lambda x, W1, b1, W2, b2: _relu(W1 @ x + b1),
     "It returns the hidden values h: pass them through the output layer, y = relu(W2 @ h + b2)."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x)),
     "Both biases are missing: z1 = W1 @ x + b1 and z2 = W2 @ h + b2."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x) + b2),
     "b1 is missing: z1 = W1 @ x + b1."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x + b1)),
     "b2 is missing: z2 = W2 @ h + b2."),
    (lambda x, W1, b1, W2, b2: _relu(W2 @ (_relu(W1 @ x) + b1) + b2),
     "ReLU comes after the bias: h = relu(W1 @ x + b1), not relu(W1 @ x) + b1."),
]


@exercise_check(chapter=5, number=3)
def check_my_network(function) -> Feedback:
    """A two-layer network written with NumPy, returning y."""
    def on_error(case, error):
        x, W1, _, W2, _ = case
        hint = (" Each row of W1 is one hidden neuron's weights, so compute W1 @ x (not x @ W1)."
                if "matmul" in str(error) or "shapes" in str(error) else "")
        return (f"Your function raised {type(error).__name__} ({error}) "
                f"when x has shape {x.shape}, W1 {W1.shape}, W2 {W2.shape}.{hint}")

    return judge_function(
        function, MY_NETWORK_CASES, [two_layer_network(*case).y for case in MY_NETWORK_CASES], MY_NETWORK_SLIPS,
        describe_case=lambda case: f"For x = {describe(case[0].tolist())}",
        hint="Compute z1 = W1 @ x + b1, h = relu(z1), z2 = W2 @ h + b2, then return y = relu(z2).",
        all_right="It agrees with two_layer_network on all three test networks.", returns="return y",
        on_error=on_error,
    )
