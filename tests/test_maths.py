"""Unit and property tests for ``helpers.maths``.

Every result is compared with an independent computation -- a plain Python loop,
``math`` functions or ``np.einsum`` -- never with the helper itself.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import formulas, maths
from helpers.formulas import format_number, neuron_formula
from helpers.maths import (  # noqa: E402
    LayerCount,
    count_parameters,
    dense,
    neuron,
    parameter_breakdown,
    relu,
    sigmoid,
    tanh,
    two_layer_network,
    weighted_sum,
)

MINUS = "\u2212"

# The profile's number of examples (tests/conftest.py): a few dozen keeps the whole file at a few seconds.
fast = settings(deadline=None)

values = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
any_finite = st.floats(allow_nan=False, allow_infinity=False)
sizes = st.integers(min_value=1, max_value=5)


def vectors(n, elements=values):
    """Lists of exactly ``n`` numbers."""
    return st.lists(elements, min_size=n, max_size=n)


def matrices(n_rows, n_cols, elements=values):
    """Lists of ``n_rows`` lists of ``n_cols`` numbers each."""
    return st.lists(vectors(n_cols, elements), min_size=n_rows, max_size=n_rows)


def loop_weighted_sum(inputs, weights):
    """The weighted sum, one product at a time."""
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w
    return total


# A loop and a dot product may round differently; with values in [-10, 10] and at most five terms
# the difference is far below this.
TOL = 1e-9


def loop_layer(x, W, b):
    """z_j = sum_i W[j][i] * x[i] + b[j], with plain loops over lists."""
    return [loop_weighted_sum(x, row) + bias for row, bias in zip(W, b)]


@st.composite
def input_and_weights(draw):
    n = draw(sizes)
    return draw(vectors(n)), draw(vectors(n))


@st.composite
def layer_setups(draw):
    """x, W, b for one layer, W with shape (n_neurons, n_inputs)."""
    n_inputs, n_neurons = draw(sizes), draw(sizes)
    return draw(vectors(n_inputs)), draw(matrices(n_neurons, n_inputs)), draw(vectors(n_neurons))


@st.composite
def batch_setups(draw):
    """X, W, b for one layer applied to a batch X of shape (n_samples, n_inputs)."""
    n_samples, n_inputs, n_neurons = draw(sizes), draw(sizes), draw(sizes)
    X = draw(matrices(n_samples, n_inputs))
    return X, draw(matrices(n_neurons, n_inputs)), draw(vectors(n_neurons))


@st.composite
def network_setups(draw):
    """x, W1, b1, W2, b2 for a two-layer network with random sizes."""
    n_inputs, n_hidden, n_outputs = draw(sizes), draw(sizes), draw(sizes)
    return (
        draw(vectors(n_inputs)),
        draw(matrices(n_hidden, n_inputs)),
        draw(vectors(n_hidden)),
        draw(matrices(n_outputs, n_hidden)),
        draw(vectors(n_outputs)),
    )


# ---------------------------------------------------------------------------
# weighted_sum
# ---------------------------------------------------------------------------

def test_weighted_sum_of_the_chapter_example_is_2_9():
    assert weighted_sum([2, 3, 5], [0.5, 0.3, 0.2]) == pytest.approx(2.9)


def test_weighted_sum_returns_a_python_float():
    assert type(weighted_sum([2, 3, 5], [0.5, 0.3, 0.2])) is float


def test_weighted_sum_accepts_tuples_and_arrays_alike():
    expected = 1 * 4 + 2 * 5 + 3 * 6
    assert weighted_sum((1, 2, 3), np.array([4.0, 5.0, 6.0])) == expected
    assert weighted_sum(np.array([1, 2, 3]), [4, 5, 6]) == expected


def test_weighted_sum_of_a_single_input_is_its_product():
    assert weighted_sum([-4.0], [0.25]) == -1.0


@fast
@given(input_and_weights())
def test_weighted_sum_equals_a_python_loop(pair):
    inputs, weights = pair
    expected = loop_weighted_sum(inputs, weights)
    assert weighted_sum(inputs, weights) == pytest.approx(expected, abs=TOL)


# ---------------------------------------------------------------------------
# Activations
# ---------------------------------------------------------------------------

def test_relu_of_the_docstring_examples():
    assert relu(2.9) == 2.9
    assert relu(-1.5) == 0.0
    assert relu(0.0) == 0.0


@pytest.mark.parametrize("function", [relu, sigmoid, tanh], ids=["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("number", [3, -2.5, np.float64(0.7), np.int64(4)], ids=repr)
def test_activation_of_a_number_is_a_python_float(function, number):
    assert type(function(number)) is float


@pytest.mark.parametrize("function", [relu, sigmoid, tanh], ids=["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("shape", [(1,), (4,), (2, 3), (2, 1, 3)], ids=str)
def test_activation_of_an_array_is_an_array_of_the_same_shape(function, shape):
    z = np.linspace(-3, 3, int(np.prod(shape))).reshape(shape)
    result = function(z)
    assert isinstance(result, np.ndarray)
    assert result.shape == shape


@pytest.mark.parametrize("function", [relu, sigmoid, tanh], ids=["relu", "sigmoid", "tanh"])
def test_activation_of_a_list_is_an_array(function):
    result = function([-1, 0, 2])
    assert isinstance(result, np.ndarray)
    assert result.shape == (3,)


@pytest.mark.parametrize("function", [relu, sigmoid, tanh], ids=["relu", "sigmoid", "tanh"])
def test_activation_does_not_change_its_argument(function):
    z = np.array([-2.0, 0.5, 3.0])
    function(z)
    assert z.tolist() == [-2.0, 0.5, 3.0]


@fast
@given(arrays(np.float64, st.integers(1, 8), elements=any_finite))
def test_relu_equals_max_of_zero_and_z_elementwise(z):
    expected = [max(0.0, value) for value in z.tolist()]
    assert relu(z).tolist() == expected


@fast
@given(arrays(np.float64, st.integers(1, 8), elements=any_finite))
def test_relu_is_never_negative(z):
    assert (relu(z) >= 0).all()


@fast
@given(arrays(np.float64, st.integers(1, 8), elements=any_finite))
def test_relu_applied_twice_equals_relu_applied_once(z):
    assert relu(relu(z)).tolist() == relu(z).tolist()


@fast
@given(arrays(np.float64, st.integers(1, 8), elements=any_finite))
def test_relu_of_z_minus_relu_of_minus_z_gives_back_z(z):
    assert (relu(z) - relu(-z)).tolist() == z.tolist()


def test_sigmoid_of_zero_is_one_half():
    assert sigmoid(0.0) == 0.5


@fast
@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_is_strictly_between_zero_and_one(z):
    assert 0.0 < sigmoid(z) < 1.0


@fast
@given(any_finite)
def test_sigmoid_never_leaves_zero_to_one_even_for_huge_z(z):
    assert 0.0 <= sigmoid(z) <= 1.0


@fast
@given(st.floats(min_value=-700, max_value=700))
def test_sigmoid_of_minus_z_is_one_minus_sigmoid_of_z(z):
    assert sigmoid(-z) == pytest.approx(1.0 - sigmoid(z), abs=1e-12)


@fast
@given(st.floats(min_value=-700, max_value=700))
def test_sigmoid_matches_the_textbook_formula_in_a_safe_range(z):
    assert sigmoid(z) == pytest.approx(1.0 / (1.0 + math.exp(-z)), rel=1e-9, abs=1e-300)


@fast
@given(st.floats(min_value=-50, max_value=50), st.floats(min_value=-50, max_value=50))
def test_sigmoid_never_decreases(a, b):
    low, high = sorted((a, b))
    assert sigmoid(low) <= sigmoid(high)


def test_sigmoid_of_plus_and_minus_1000_gives_no_overflow_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            big = sigmoid(1000.0)
            small = sigmoid(-1000.0)
            both = sigmoid(np.array([-1000.0, 1000.0]))
    assert big == pytest.approx(1.0)
    assert small == pytest.approx(0.0, abs=1e-300)
    assert both == pytest.approx([0.0, 1.0], abs=1e-300)


def test_tanh_of_zero_is_zero():
    assert tanh(0.0) == 0.0


@fast
@given(any_finite)
def test_tanh_is_odd(z):
    assert tanh(-z) == pytest.approx(-tanh(z), abs=1e-15)


@fast
@given(any_finite)
def test_tanh_stays_between_minus_one_and_one(z):
    assert -1.0 <= tanh(z) <= 1.0


@fast
@given(st.floats(min_value=-15, max_value=15))
def test_tanh_is_strictly_inside_minus_one_to_one_for_moderate_z(z):
    assert -1.0 < tanh(z) < 1.0


@fast
@given(st.floats(min_value=-20, max_value=20))
def test_tanh_matches_the_math_module(z):
    assert tanh(z) == pytest.approx(math.tanh(z), rel=1e-12, abs=1e-15)


def test_activations_by_name_are_listed_in_the_order_the_widgets_offer_them():
    assert list(maths.ACTIVATIONS) == ["ReLU", "sigmoid", "tanh", "none"]
    assert maths.ACTIVATIONS["none"] is None


# ---------------------------------------------------------------------------
# neuron
# ---------------------------------------------------------------------------

def test_neuron_of_the_chapter_example_with_bias_minus_one_is_1_9():
    assert neuron([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0) == pytest.approx(1.9)


def test_neuron_uses_relu_by_default():
    assert neuron([2, 3, 5], [0.5, 0.3, 0.2], bias=-5.0) == 0.0


def test_neuron_without_bias_or_activation_is_the_weighted_sum():
    assert neuron([2, 3, 5], [0.5, 0.3, 0.2], activation=None) == pytest.approx(2.9)


def test_neuron_returns_a_python_float():
    assert type(neuron([1, 2], [3, 4], bias=1)) is float
    assert type(neuron([1, 2], [3, 4], bias=1, activation=None)) is float


@fast
@given(input_and_weights(), values)
def test_neuron_without_activation_equals_loop_sum_plus_bias(pair, bias):
    inputs, weights = pair
    expected = loop_weighted_sum(inputs, weights) + bias
    result = neuron(inputs, weights, bias=bias, activation=None)
    assert result == pytest.approx(expected, abs=TOL)


@fast
@given(input_and_weights(), values)
def test_neuron_with_relu_equals_max_of_zero_and_loop_sum_plus_bias(pair, bias):
    inputs, weights = pair
    expected = max(0.0, loop_weighted_sum(inputs, weights) + bias)
    result = neuron(inputs, weights, bias=bias, activation=relu)
    assert result >= 0.0
    assert result == pytest.approx(expected, abs=TOL)


def reference_sigmoid(z):
    """1 / (1 + e^-z), written so that math.exp never overflows."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))


REFERENCE_ACTIVATIONS = {
    "ReLU": lambda z: max(0.0, z),
    "sigmoid": reference_sigmoid,
    "tanh": math.tanh,
    "none": lambda z: z,
}


@pytest.mark.parametrize("name", list(REFERENCE_ACTIVATIONS))
@pytest.mark.parametrize("bias", [-4.0, 0.0, 1.5])
def test_neuron_with_activation_given_by_name(name, bias):
    inputs, weights = [2, -3, 5], [0.5, 0.25, -0.2]
    z = 2 * 0.5 + (-3) * 0.25 + 5 * (-0.2) + bias
    expected = REFERENCE_ACTIVATIONS[name](z)
    assert neuron(inputs, weights, bias=bias, activation=name) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    "spelling, name", [("relu", "ReLU"), ("RELU", "ReLU"), ("Sigmoid", "sigmoid"), ("TANH", "tanh"), ("None", "none")]
)
def test_neuron_activation_names_ignore_case(spelling, name):
    z = 1 * 0.5 + 2 * (-1.0) + 0.25  # -1.25
    expected = REFERENCE_ACTIVATIONS[name](z)
    assert neuron([1, 2], [0.5, -1.0], bias=0.25, activation=spelling) == pytest.approx(expected)


def test_neuron_accepts_any_function_as_activation():
    assert neuron([1, 2], [3, 4], bias=1, activation=lambda z: 10 * z) == pytest.approx(120.0)


@pytest.mark.parametrize("bias", [2, 2.0, np.float64(2.0), np.int32(2), np.array(2.0)], ids=repr)
def test_neuron_accepts_the_bias_as_any_kind_of_single_number(bias):
    assert neuron([1, 1], [1, 1], bias=bias, activation=None) == 4.0


# ---------------------------------------------------------------------------
# dense
# ---------------------------------------------------------------------------

def test_dense_of_the_docstring_example():
    z = dense([2, 3, 5], [[0.5, 0.3, 0.2], [1.0, 0.0, -1.0]], [0.0, 1.0])
    assert z.tolist() == pytest.approx([2.9, -2.0])


def test_dense_row_j_of_W_holds_neuron_j_weights():
    # Only neuron 1 (row 1) looks at input 0; only neuron 0 (row 0) looks at input 2.
    W = [[0, 0, 1], [1, 0, 0]]
    assert dense([10, 20, 30], W, [0, 0]).tolist() == [30.0, 10.0]


@fast
@given(layer_setups())
def test_dense_equals_one_neuron_without_activation_per_row_of_W(setup):
    x, W, b = setup
    expected = [neuron(x, row, bias=bias, activation=None) for row, bias in zip(W, b)]
    z = dense(x, W, b)
    assert z.shape == (len(W),)
    assert z.tolist() == pytest.approx(expected, abs=TOL)


@fast
@given(layer_setups())
def test_dense_equals_plain_loops_over_rows_and_inputs(setup):
    x, W, b = setup
    assert dense(x, W, b).tolist() == pytest.approx(loop_layer(x, W, b), abs=TOL)


@fast
@given(batch_setups())
def test_dense_on_a_batch_equals_einsum_plus_b(setup):
    X, W, b = setup
    expected = np.einsum("ij,sj->si", np.array(W), np.array(X)) + np.array(b)
    Z = dense(X, W, b)
    assert Z.shape == (len(X), len(W))
    np.testing.assert_allclose(Z, expected, rtol=1e-12, atol=TOL)


@fast
@given(batch_setups())
def test_dense_on_a_batch_equals_one_sample_at_a_time(setup):
    X, W, b = setup
    Z = dense(X, W, b)
    for s, sample in enumerate(X):
        assert Z[s].tolist() == pytest.approx(loop_layer(sample, W, b), abs=TOL)


def test_dense_on_a_batch_of_one_sample_keeps_the_batch_dimension():
    Z = dense([[1, 2]], [[1, 1], [1, -1], [0, 2]], [0, 0, 0])
    assert Z.shape == (1, 3)
    assert Z.tolist() == [[3.0, -1.0, 4.0]]


# ---------------------------------------------------------------------------
# two_layer_network
# ---------------------------------------------------------------------------

def test_two_layer_network_docstring_example():
    result = two_layer_network([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    assert result.z1.tolist() == [1.0, -2.0]
    assert result.h.tolist() == [1.0, 0.0]
    assert result.z2.tolist() == [1.5]
    assert result.y.tolist() == [1.5]


def test_two_layer_network_result_has_named_fields_in_order():
    result = two_layer_network([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5])
    assert isinstance(result, maths.NetworkResult)
    assert result._fields == ("z1", "h", "z2", "y")


def loop_network(x, W1, b1, W2, b2, output_activation):
    z1 = loop_layer(x, W1, b1)
    h = [max(0.0, value) for value in z1]
    z2 = loop_layer(h, W2, b2)
    y = [output_activation(value) for value in z2]
    return z1, h, z2, y


@pytest.mark.parametrize(
    "output_activation, reference",
    [
        (relu, REFERENCE_ACTIVATIONS["ReLU"]),
        ("ReLU", REFERENCE_ACTIVATIONS["ReLU"]),
        ("sigmoid", REFERENCE_ACTIVATIONS["sigmoid"]),
        ("tanh", REFERENCE_ACTIVATIONS["tanh"]),
        (None, REFERENCE_ACTIVATIONS["none"]),
        ("none", REFERENCE_ACTIVATIONS["none"]),
    ],
    ids=["relu-function", "ReLU", "sigmoid", "tanh", "None", "none"],
)
@settings(max_examples=max(1, settings.default.max_examples * 3 // 8), deadline=None)
@given(setup=network_setups())
def test_two_layer_network_equals_its_layers_computed_with_loops(setup, output_activation, reference):
    x, W1, b1, W2, b2 = setup
    z1, h, z2, y = loop_network(x, W1, b1, W2, b2, reference)
    result = two_layer_network(x, W1, b1, W2, b2, output_activation=output_activation)
    assert result.z1.tolist() == pytest.approx(z1, abs=TOL)
    assert result.h.tolist() == pytest.approx(h, abs=TOL)
    assert result.z2.tolist() == pytest.approx(z2, abs=TOL)
    assert result.y.tolist() == pytest.approx(y, abs=TOL)


@fast
@given(network_setups())
def test_two_layer_network_uses_relu_on_the_output_by_default(setup):
    result = two_layer_network(*setup)
    assert result.y.tolist() == [max(0.0, value) for value in result.z2.tolist()]


@fast
@given(network_setups())
def test_two_layer_network_without_output_activation_gives_y_equal_to_z2(setup):
    result = two_layer_network(*setup, output_activation=None)
    assert result.y.tolist() == result.z2.tolist()


@fast
@given(network_setups())
def test_two_layer_network_hidden_values_are_relu_of_z1(setup):
    result = two_layer_network(*setup)
    assert result.h.tolist() == [max(0.0, value) for value in result.z1.tolist()]


@fast
@given(network_setups(), st.integers(min_value=1, max_value=4), st.data())
def test_two_layer_network_on_a_batch_equals_one_sample_at_a_time(setup, n_samples, data):
    _, W1, b1, W2, b2 = setup
    X = data.draw(matrices(n_samples, len(W1[0])))
    batch = two_layer_network(X, W1, b1, W2, b2)
    assert batch.y.shape == (n_samples, len(W2))
    for s, sample in enumerate(X):
        single = two_layer_network(sample, W1, b1, W2, b2)
        for name in ("z1", "h", "z2", "y"):
            np.testing.assert_allclose(getattr(batch, name)[s], getattr(single, name), rtol=1e-12, atol=TOL)


# ---------------------------------------------------------------------------
# count_parameters and parameter_breakdown
# ---------------------------------------------------------------------------

def test_count_parameters_of_3_4_2_is_26():
    # 3*4 weights + 4 biases, then 4*2 weights + 2 biases
    assert count_parameters([3, 4, 2]) == 26


def test_count_parameters_of_a_single_layer():
    assert count_parameters([5, 1]) == 5 + 1


def test_count_parameters_returns_a_python_int():
    assert type(count_parameters([3, 4, 2])) is int
    assert type(count_parameters(np.array([3, 4, 2]))) is int


def test_parameter_breakdown_of_3_4_2_layer_by_layer():
    assert parameter_breakdown([3, 4, 2]) == [
        LayerCount(n_inputs=3, n_neurons=4, weights=12, biases=4, total=16),
        LayerCount(n_inputs=4, n_neurons=2, weights=8, biases=2, total=10),
    ]


layer_size_lists = st.lists(st.integers(min_value=1, max_value=60), min_size=2, max_size=7)


@fast
@given(layer_size_lists)
def test_count_parameters_equals_sum_of_weights_and_biases_per_layer(layer_sizes):
    expected = 0
    for i in range(len(layer_sizes) - 1):
        n_in, n_out = layer_sizes[i], layer_sizes[i + 1]
        expected += n_in * n_out + n_out
    assert count_parameters(layer_sizes) == expected


@fast
@given(layer_size_lists)
def test_parameter_breakdown_has_one_entry_per_layer_adding_up_to_the_count(layer_sizes):
    breakdown = parameter_breakdown(layer_sizes)
    assert len(breakdown) == len(layer_sizes) - 1
    for layer, n_in, n_out in zip(breakdown, layer_sizes, layer_sizes[1:]):
        assert (layer.n_inputs, layer.n_neurons) == (n_in, n_out)
        assert layer.weights == n_in * n_out
        assert layer.biases == n_out
        assert layer.total == layer.weights + layer.biases
    assert sum(layer.total for layer in breakdown) == count_parameters(layer_sizes)


@fast
@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6))
def test_count_parameters_equals_the_number_of_entries_in_the_arrays_a_network_uses(n_inputs, n_hidden, n_outputs):
    W1, b1 = np.ones((n_hidden, n_inputs)), np.ones(n_hidden)
    W2, b2 = np.ones((n_outputs, n_hidden)), np.ones(n_outputs)
    two_layer_network(np.ones(n_inputs), W1, b1, W2, b2)  # the arrays really fit this network
    assert count_parameters([n_inputs, n_hidden, n_outputs]) == W1.size + b1.size + W2.size + b2.size


# ---------------------------------------------------------------------------
# format_number and neuron_formula
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, text",
    [
        (2.9000000000000004, "2.9"),
        (1.0, "1"),
        (0, "0"),
        (-0.25, MINUS + "0.25"),
        (-3, MINUS + "3"),
        (1234.5678, "1234.568"),
        (10, "10"),
        (100.0, "100"),
        (0.1 + 0.2, "0.3"),
        (-0.0001, "0"),  # rounds to zero: no "−0"
        (-0.0, "0"),
        (np.float64(0.5), "0.5"),
    ],
    ids=repr,
)
def test_format_number_writes_at_most_three_decimals_without_trailing_zeros(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (1.23456, 2, "1.23"),
        (-1.26, 1, MINUS + "1.3"),
        (0.5, 1, "0.5"),
        (2.75, 4, "2.75"),
        (10, 0, "10"),  # the zeros of a whole number stay
        (100.0, 0, "100"),
        (2.4, 0, "2"),
    ],
    ids=repr,
)
def test_format_number_with_other_numbers_of_decimals(value, decimals, text):
    assert format_number(value, decimals=decimals) == text


def test_format_number_uses_the_typographic_minus_sign():
    text = format_number(-1.5)
    assert text == "\u22121.5"
    assert "-" not in text


@fast
@given(st.floats(min_value=-1e6, max_value=1e6))
def test_format_number_reads_back_as_the_value_rounded_to_three_decimals(value):
    text = format_number(value)
    assert "-" not in text
    assert not text.endswith(".")
    if "." in text:
        assert not text.endswith("0")
        assert len(text.split(".")[1]) <= 3
    assert float(text.replace(MINUS, "-")) == pytest.approx(value, abs=0.0005 + 1e-9 * abs(value))


def test_neuron_formula_of_the_chapter_example():
    assert neuron_formula([2, 3, 5], [0.5, 0.3, 0.2]) == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"


def test_neuron_formula_with_negative_bias_and_relu_uses_the_minus_sign():
    text = neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation="ReLU")
    assert text == "ReLU(2×0.5 + 3×0.3 + 5×0.2 \u2212 1) = 1.9"


def test_neuron_formula_with_positive_bias_adds_it():
    assert neuron_formula([1, 2], [3, 4], bias=0.5) == "1×3 + 2×4 + 0.5 = 11.5"


def test_neuron_formula_puts_negative_factors_in_brackets():
    text = neuron_formula([-2, 3], [0.5, -0.25])
    assert text == f"({MINUS}2)×0.5 + 3×({MINUS}0.25) = {MINUS}1.75"


def test_neuron_formula_with_relu_cutting_a_negative_sum_to_zero():
    assert neuron_formula([1, 1], [-1, -1], bias=0.5, activation="ReLU") == f"ReLU(1×({MINUS}1) + 1×({MINUS}1) + 0.5) = 0"


# sigmoid(1.9) = 0.86989..., tanh(1.9) = 0.95624...
@pytest.mark.parametrize("activation, value", [("sigmoid", "0.87"), ("tanh", "0.956")])
def test_neuron_formula_names_the_activation_and_ends_in_its_value(activation, value):
    text = neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation=activation)
    assert text == f"{activation}(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = {value}"


def test_neuron_formula_with_the_relu_function_writes_its_name():
    # neuron() accepts the function as well as its name; the formula must name it, not print a repr
    assert neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], bias=-1.0, activation=relu) == (
        f"ReLU(2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1) = 1.9"
    )


def test_neuron_formula_with_activation_none_shows_the_plain_sum():
    assert neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], activation="none") == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"
    assert neuron_formula([2, 3, 5], [0.5, 0.3, 0.2], activation=None) == "2×0.5 + 3×0.3 + 5×0.2 = 2.9"


@fast
@given(input_and_weights())
def test_neuron_formula_has_one_term_per_input_and_ends_in_the_loop_sum(pair):
    inputs, weights = pair
    text = neuron_formula(inputs, weights)
    left, right = text.rsplit(" = ", 1)
    assert left.count("×") == len(inputs)
    assert float(right.replace(MINUS, "-")) == pytest.approx(
        loop_weighted_sum(inputs, weights), abs=0.0005 + TOL
    )


# ---------------------------------------------------------------------------
# layer_formula
# ---------------------------------------------------------------------------

def test_layer_formula_of_the_chapter_03_layer():
    lines = formulas.layer_formula([2, 3, 5], [[0.5, 0.3, 0.2], [1, 0, -1], [-0.5, 1, 0], [0, -0.5, 0.5]],
                                [-1, 1, 0.5, -2])
    assert lines == [
        f"neuron 0: z = 2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1 = 1.9, h = ReLU(1.9) = 1.9",
        f"neuron 1: z = 2×1 + 3×0 + 5×({MINUS}1) + 1 = {MINUS}2, h = ReLU({MINUS}2) = 0",
        f"neuron 2: z = 2×({MINUS}0.5) + 3×1 + 5×0 + 0.5 = 2.5, h = ReLU(2.5) = 2.5",
        f"neuron 3: z = 2×0 + 3×({MINUS}0.5) + 5×0.5 {MINUS} 2 = {MINUS}1, h = ReLU({MINUS}1) = 0",
    ]


@fast
@given(layer_setups())
def test_layer_formula_has_one_line_per_neuron_ending_in_relu_of_the_loop_sum(setup):
    x, W, b = setup
    lines = formulas.layer_formula(x, W, b)
    expected = loop_layer(x, W, b)
    assert len(lines) == len(W)
    for j, (line, z) in enumerate(zip(lines, expected)):
        assert line.startswith(f"neuron {j}: z = ")
        z_part, h_part = line.split(", h = ")
        assert z_part.count("×") == len(x)
        assert float(z_part.rsplit(" = ", 1)[1].replace(MINUS, "-")) == pytest.approx(z, abs=0.0005 + TOL)
        assert float(h_part.rsplit(" = ", 1)[1].replace(MINUS, "-")) == pytest.approx(max(0.0, z), abs=0.0005 + TOL)


def test_layer_formula_refuses_a_transposed_W_like_dense():
    with pytest.raises(ValueError, match=r"\(n_neurons, n_inputs\) = \(4, 3\). It looks transposed"):
        formulas.layer_formula([2, 3, 5], np.ones((3, 4)), [0, 0, 0, 0])


# ===========================================================================
# Chapter 07: a network with two inputs over the plane
# ===========================================================================

from helpers.formulas import line_equation, plane_formula
from helpers.plane import PLANE_PRESETS, active_region, network_on_plane, neuron_line, plane_grid, plane_network

# Weights and biases as the sliders set them, or anything in between that is not vanishingly small
# (at 1e-200 the reference computations below underflow, not the helpers).
small = st.one_of(
    st.integers(min_value=-30, max_value=30).map(lambda k: k / 10),
    st.floats(min_value=-3, max_value=3, allow_nan=False, allow_infinity=False).filter(lambda v: abs(v) > 1e-6),
)


@st.composite
def plane_networks(draw, n_hidden=st.integers(min_value=1, max_value=4)):
    """(W1, b1, W2, b2) of a network with 2 inputs, 1 to 4 hidden neurons and 1 output, as lists."""
    n = draw(n_hidden)
    return (draw(matrices(n, 2, small)), draw(vectors(n, small)), draw(matrices(1, n, small)), draw(vectors(1, small)))


def test_plane_grid_lists_the_cell_centres_row_by_row():
    axis, X = plane_grid(-3, 3, 6)
    assert axis.tolist() == pytest.approx([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5])
    expected = [[-3 + (k + 0.5), -3 + (i + 0.5)] for i in range(6) for k in range(6)]  # row i: x[1]; column k: x[0]
    np.testing.assert_allclose(X, expected)


@pytest.mark.parametrize("bad", [0, -2, 2.5, True, "60"])
def test_plane_grid_refuses_a_number_of_cells_that_is_not_a_whole_number_above_0(bad):
    with pytest.raises(ValueError, match="n must be a whole number of cells"):
        plane_grid(-1, 1, bad)


def test_plane_grid_refuses_an_empty_range():
    with pytest.raises(ValueError, match="high must be above low"):
        plane_grid(1, 1, 4)


def loop_output(x0, x1, W1, b1, W2, b2):
    """z1, h and y of the network at one point, one multiplication at a time."""
    z1 = [W1[j][0] * x0 + W1[j][1] * x1 + b1[j] for j in range(len(b1))]
    h = [max(0.0, z) for z in z1]
    y = b2[0]
    for j, value in enumerate(h):
        y += W2[0][j] * value
    return z1, h, y


@fast
@given(plane_networks())
def test_network_on_plane_equals_loops_at_every_cell(network):
    W1, b1, W2, b2 = network
    values = network_on_plane(W1, b1, W2, b2, low=-2, high=2, n=5)
    centres = [-2 + 0.8 * (k + 0.5) for k in range(5)]
    assert values.axis.tolist() == pytest.approx(centres)
    for i, x1 in enumerate(centres):
        for k, x0 in enumerate(centres):
            z1, h, y = loop_output(x0, x1, W1, b1, W2, b2)
            assert values.z1[:, i, k].tolist() == pytest.approx(z1, abs=TOL)
            assert values.h[:, i, k].tolist() == pytest.approx(h, abs=TOL)
            assert values.y[i, k] == pytest.approx(y, abs=TOL)


def test_network_on_plane_at_the_chapter_size_equals_einsum():
    W1, b1, W2, b2 = (np.array(v, dtype=float) for v in PLANE_PRESETS["triangle"])
    values = network_on_plane(W1, b1, W2, b2)
    axis = -3 + 0.1 * (np.arange(60) + 0.5)
    x0, x1 = np.meshgrid(axis, axis)  # x0[i, k] = axis[k], x1[i, k] = axis[i]
    z1 = np.einsum("j,ik->jik", W1[:, 0], x0) + np.einsum("j,ik->jik", W1[:, 1], x1) + b1[:, None, None]
    h = np.maximum(z1, 0)
    np.testing.assert_allclose(values.z1, z1, atol=TOL)
    np.testing.assert_allclose(values.h, h, atol=TOL)
    np.testing.assert_allclose(values.y, np.einsum("j,jik->ik", W2[0], h) + b2[0], atol=TOL)
    assert values.y.shape == (60, 60) and values.h.shape == (3, 60, 60)


def border_crossings(w, b, low=-3.0, high=3.0):
    """Where the line w·x + b = 0 meets the four sides of the square, solved side by side."""
    found, fuzz = [], 1e-9  # a line through a corner may miss it by a rounding error
    for edge in (low, high):
        if w[1] != 0:  # the upright sides x[0] = edge
            x1 = -(b + w[0] * edge) / w[1]
            if low - fuzz <= x1 <= high + fuzz:
                found.append((edge, min(max(x1, low), high)))
        if w[0] != 0:  # the level sides x[1] = edge
            x0 = -(b + w[1] * edge) / w[0]
            if low - fuzz <= x0 <= high + fuzz:
                found.append((min(max(x0, low), high), edge))
    unique = []
    for point in found:
        if not any(abs(point[0] - q[0]) < 1e-9 and abs(point[1] - q[1]) < 1e-9 for q in unique):
            unique.append(point)
    return sorted(unique)


@fast
@given(vectors(2, small), small)
@example(w=[0.1, 0.9], b=3.0)   # touches the square only at its corner (-3, -3)
@example(w=[1.0, 1.0], b=6.0)   # the same, through the corner exactly
@example(w=[1.0, -1.0], b=6.0)  # touches only the corner (-3, 3)
def test_neuron_line_ends_where_the_line_meets_the_sides_of_the_square(w, b):
    ends = neuron_line(w, b)
    expected = border_crossings(w, b)
    if len(expected) < 2:  # the line misses the square, or touches it at a single point: no segment to draw
        assert ends is None
        return
    assert ends is not None, f"the line crosses the square from {expected[0]} to {expected[-1]}"
    np.testing.assert_allclose(sorted(map(tuple, ends.tolist())), expected, atol=1e-6)
    for x0, x1 in ends:
        assert w[0] * x0 + w[1] * x1 + b == pytest.approx(0, abs=1e-6)


def test_neuron_line_of_an_upright_and_a_level_line():
    assert neuron_line([2, 0], -2).tolist() == [[1.0, -3.0], [1.0, 3.0]]
    assert neuron_line([0, -2], -2).tolist() == [[-3.0, -1.0], [3.0, -1.0]]


def test_neuron_line_is_none_without_weights_or_outside_the_square():
    assert neuron_line([0, 0], 1) is None
    assert neuron_line([1, 0], -5) is None       # x[0] = 5
    assert neuron_line([1, 1], -10) is None      # x[0] + x[1] = 10


def shoelace(corners) -> float:
    x, y = np.asarray(corners, dtype=float).T
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


@fast
@given(vectors(2, small), st.floats(min_value=-6, max_value=6, allow_nan=False))
def test_active_region_covers_the_share_of_the_square_where_z_is_positive(w, b):
    corners = active_region(w, b)
    axis = np.linspace(-3, 3, 301)
    x0, x1 = np.meshgrid(axis, axis)
    share = float((w[0] * x0 + w[1] * x1 + b > 0).mean())
    assert shoelace(corners) / 36 == pytest.approx(share, abs=0.015) if len(corners) else share < 0.015
    for x0_corner, x1_corner in corners:
        assert -3 - 1e-9 <= x0_corner <= 3 + 1e-9 and -3 - 1e-9 <= x1_corner <= 3 + 1e-9
        assert w[0] * x0_corner + w[1] * x1_corner + b >= -1e-6


def test_active_region_of_the_half_plane_x0_above_1_is_a_strip():
    assert sorted(map(tuple, active_region([2, 0], -2).tolist())) == [(1, -3), (1, 3), (3, -3), (3, 3)]
    assert active_region([2, 0], -10).shape == (0, 2)


MINUS7 = "\u2212"


@pytest.mark.parametrize("w, b, text", [
    ([1, 1], -1, f"line x[1] = {MINUS7}1·x[0] + 1, active above it"),
    ([2, 0], -2, "line x[0] = 1, active right of it"),
    ([-2, 0], -2, f"line x[0] = {MINUS7}1, active left of it"),
    ([0, -2], -2, f"line x[1] = {MINUS7}1, active below it"),
    ([1, -2], 0, "line x[1] = 0.5·x[0], active below it"),
    ([1, 3], 1, f"line x[1] = {MINUS7}0.33·x[0] {MINUS7} 0.33, active above it"),
    ([0, 0], 0.5, "no line: z = 0.5 everywhere, so active everywhere"),
    ([0, 0], -1, f"no line: z = {MINUS7}1 everywhere, so never active"),
])
def test_line_equation_written_out(w, b, text):
    assert line_equation(w, b) == text


def test_plane_formula_of_the_corner_written_out_by_hand():
    assert plane_formula(*PLANE_PRESETS["corner"]) == [
        f"neuron 0: z1[0] = {MINUS7}2·x[0] + 0·x[1] {MINUS7} 2; line x[0] = {MINUS7}1, active left of it",
        f"neuron 1: z1[1] = 0·x[0] {MINUS7} 2·x[1] {MINUS7} 2; line x[1] = {MINUS7}1, active below it",
        f"output: y = {MINUS7}1·h[0] {MINUS7} 1·h[1] + 0.2",
    ]


# Points inside and outside each preset's shape, worked out from its lines by hand.
PRESET_POINTS = {
    "half-plane": ([(0, 0), (-2, 2)], [(1, 1), (3, 0)]),
    "corner": ([(0, 0), (2.5, 2.5), (-0.9, -0.9)], [(-2, 0), (0, -2), (-2, -2)]),
    "band": ([(0, 0), (2, -2), (-1, 1.5)], [(1, 1), (-1, -1), (2.5, 2.5)]),
    "triangle": ([(0, 0), (0, 1.5), (-1.5, -0.8)], [(0, -1.5), (-1.5, 1.5), (1.5, 1.5)]),
    "diamond": ([(0, 0), (1.5, 0), (-1, 0.9)], [(1.2, 1.2), (0, -2.5), (-2.2, 0)]),
}


@pytest.mark.parametrize("name", PLANE_PRESETS)
def test_each_preset_is_positive_inside_its_shape_and_negative_outside(name):
    W1, b1, W2, b2 = PLANE_PRESETS[name]
    inside, outside = PRESET_POINTS[name]
    for x0, x1 in inside:
        assert loop_output(x0, x1, W1, b1, W2, b2)[2] > 0, (x0, x1)
    for x0, x1 in outside:
        assert loop_output(x0, x1, W1, b1, W2, b2)[2] < 0, (x0, x1)


@pytest.mark.parametrize("name", PLANE_PRESETS)
def test_each_preset_follows_the_recipe_silent_inside_negative_output_weights(name):
    W1, b1, W2, b2 = PLANE_PRESETS[name]
    z1, h, y = loop_output(0, 0, W1, b1, W2, b2)  # (0, 0) is inside every preset's shape
    assert h == [0.0] * len(b1) and y == b2[0] > 0
    assert all(weight < 0 for weight in W2[0])
    assert len(W1) == len(b1) == len(W2[0]) <= 4


def test_plane_network_gives_float_arrays_of_the_convention_shapes():
    network = plane_network([[1, 0], [0, 1], [1, 1]], [0, 0, 1], [[1, 2, 3]], [0.5])
    assert [array.shape for array in network] == [(3, 2), (3,), (1, 3), (1,)]
    assert all(array.dtype == float for array in network)


# ===========================================================================
# Chapter 05: network_formula
# ===========================================================================

def test_network_formula_of_the_chapter_05_network():
    lines = formulas.network_formula([2, 3, 5], [[0.5, 0.3, 0.2], [1, 0, -1], [-0.5, 1, 0], [0, -0.5, 0.5]],
                                  [-1, 1, 0.5, -2], [[1, 0.5, -1, 1], [0.5, -1, 1, 0.5]], [0.5, -1])
    # By hand: h = [1.9, 0, 2.5, 0]; z2[0] = 1.9 − 2.5 + 0.5 = −0.1; z2[1] = 0.95 + 2.5 − 1 = 2.45
    assert lines == [
        f"hidden 0: z1[0] = 2×0.5 + 3×0.3 + 5×0.2 {MINUS} 1 = 1.9, h[0] = ReLU(1.9) = 1.9",
        f"hidden 1: z1[1] = 2×1 + 3×0 + 5×({MINUS}1) + 1 = {MINUS}2, h[1] = ReLU({MINUS}2) = 0",
        f"hidden 2: z1[2] = 2×({MINUS}0.5) + 3×1 + 5×0 + 0.5 = 2.5, h[2] = ReLU(2.5) = 2.5",
        f"hidden 3: z1[3] = 2×0 + 3×({MINUS}0.5) + 5×0.5 {MINUS} 2 = {MINUS}1, h[3] = ReLU({MINUS}1) = 0",
        f"output 0: z2[0] = 1.9×1 + 0×0.5 + 2.5×({MINUS}1) + 0×1 + 0.5 = {MINUS}0.1, y[0] = ReLU({MINUS}0.1) = 0",
        f"output 1: z2[1] = 1.9×0.5 + 0×({MINUS}1) + 2.5×1 + 0×0.5 {MINUS} 1 = 2.45, y[1] = ReLU(2.45) = 2.45",
    ]


def number_after_last_equals(text):
    return float(text.rsplit(" = ", 1)[1].replace(MINUS, "-"))


@fast
@given(network_setups())
def test_network_formula_has_one_line_per_neuron_ending_in_the_loop_values(setup):
    x, W1, b1, W2, b2 = setup
    z1, h, z2, y = loop_network(x, W1, b1, W2, b2, lambda z: max(0.0, z))
    lines = formulas.network_formula(x, W1, b1, W2, b2)
    assert len(lines) == len(W1) + len(W2)
    for j, line in enumerate(lines[:len(W1)]):
        z_part, h_part = line.split(f", h[{j}] = ")
        assert z_part.startswith(f"hidden {j}: z1[{j}] = ") and z_part.count("×") == len(x)
        assert number_after_last_equals(z_part) == pytest.approx(z1[j], abs=0.0005 + TOL)
        assert number_after_last_equals(h_part) == pytest.approx(h[j], abs=0.0005 + TOL)
    for k, line in enumerate(lines[len(W1):]):
        z_part, y_part = line.split(f", y[{k}] = ")
        assert z_part.startswith(f"output {k}: z2[{k}] = ") and z_part.count("×") == len(h)
        assert number_after_last_equals(z_part) == pytest.approx(z2[k], abs=0.0005 + 1e-6)
        assert number_after_last_equals(y_part) == pytest.approx(y[k], abs=0.0005 + 1e-6)


def test_network_formula_without_output_activation_says_y_is_z2():
    lines = formulas.network_formula([1, 2], [[1, 0], [0, -1]], [0, 0], [[1, -3]], [0.5], output_activation=None)
    assert lines[-1] == f"output 0: z2[0] = 1×1 + 0×({MINUS}3) + 0.5 = 1.5, y[0] = z2[0] = 1.5"


def test_network_formula_names_other_output_activations():
    line = formulas.network_formula([0], [[1]], [0], [[1]], [0], output_activation="sigmoid")[-1]
    assert line.endswith("y[0] = sigmoid(0) = 0.5")


def test_network_formula_refuses_a_batch_and_names_the_shape():
    with pytest.raises(ValueError, match=r"one input x of shape \(n_inputs,\), but x has shape \(2, 2\)"):
        formulas.network_formula([[1, 2], [3, 4]], [[1, 0], [0, 1]], [0, 0], [[1, 1]], [0])


def test_network_formula_refuses_a_W2_that_does_not_fit_the_hidden_layer():
    with pytest.raises(ValueError, match=r"W2 should have shape \(n_outputs, n_hidden\) = \(1, 2\)"):
        formulas.network_formula([1, 2], [[1, 0], [0, 1]], [0, 0], [[1, 1, 1]], [0])
