"""Every bad input a learner can give a ``helpers.maths`` function ends in a plain-words error.

Each case names the exception expected and fragments its message must contain:
what the function got (shapes, lengths, the offending value) and what it expected.
No raw NumPy or Python internals may leak into the message.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from helpers.formulas import format_number, neuron_formula
from helpers.maths import (  # noqa: E402
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
from helpers.validation import as_numbers

NAN, INF = math.nan, math.inf

# Fragments of raw NumPy / Python messages that a learner should never see.
LEAKS = [
    "could not broadcast",
    "matmul",
    "inhomogeneous",
    "setting an array element with a sequence",
    "could not convert",
    "not supported between instances",
    "object is not iterable",
    "float() argument",
    "operands could not",
]


def check_error(call, error, fragments):
    """``call()`` raises ``error`` whose message contains every fragment and no raw NumPy text."""
    with pytest.raises(error, match=re.escape(fragments[0])) as raised:
        call()
    message = str(raised.value)
    for fragment in fragments[1:]:
        assert fragment in message, f"{fragment!r} missing from the message: {message!r}"
    for leak in LEAKS:
        assert leak not in message, f"raw message {leak!r} leaked: {message!r}"
    context = raised.value.__context__
    assert context is None or raised.value.__suppress_context__, f"the traceback of {context!r} is shown too"
    return message


# ---------------------------------------------------------------------------
# weighted_sum
# ---------------------------------------------------------------------------

WEIGHTED_SUM_CASES = [
    pytest.param([2, 3, 5], [0.5, 0.3], ValueError,
                 ["weights has 2 entries but inputs has 3", "one weight per input"], id="too-few-weights"),
    pytest.param([2, 3], [0.5, 0.3, 0.2], ValueError,
                 ["weights has 3 entries but inputs has 2", "one weight per input"], id="too-many-weights"),
    pytest.param([[1, 2], [3]], [1, 1], ValueError,
                 ["inputs is a ragged list", "2, 1 entries", "same number of entries"], id="ragged-rows"),
    pytest.param([1, [2, 3]], [1, 1], ValueError,
                 ["inputs is a ragged list", "[1, [2, 3]]"], id="number-and-list-mixed"),
    pytest.param("235", [1, 1, 1], TypeError, ["inputs must be numbers", "the text '235'"], id="inputs-text"),
    pytest.param([1, 2], b"12", TypeError, ["weights must be numbers", "the text b'12'"], id="weights-bytes"),
    pytest.param([1, "a", 3], [1, 1, 1], TypeError, ["inputs", "only numbers", "'a'"], id="text-inside-list"),
    pytest.param([1, 2], [{"w": 1}, 2], TypeError, ["weights", "only numbers", "{'w': 1}"], id="dict-inside-list"),
    pytest.param([1, NAN, 3], [1, 1, 1], ValueError,
                 ["inputs contains NaN at position 1", "finite number"], id="nan-in-inputs"),
    pytest.param([1, 2, 3], [0.5, 0.3, INF], ValueError,
                 ["weights contains an infinite value at position 2", "finite number"], id="inf-in-weights"),
    pytest.param([-INF, 2], [1, 1], ValueError,
                 ["inputs contains an infinite value at position 0"], id="minus-inf-in-inputs"),
    pytest.param([], [], ValueError, ["inputs is empty", "at least one number"], id="both-empty"),
    pytest.param(np.array([]), [1], ValueError, ["inputs is empty", "(0,)"], id="empty-array"),
    pytest.param([[2, 3, 5]], [0.5, 0.3, 0.2], ValueError,
                 ["inputs should be 1-D", "2-D with shape (1, 3)"], id="inputs-2d"),
    pytest.param([2, 3, 5], np.ones((3, 1)), ValueError,
                 ["weights should be 1-D", "2-D with shape (3, 1)"], id="weights-column"),
    pytest.param(5, [1], ValueError, ["inputs should be 1-D", "0-D"], id="inputs-single-number"),
    pytest.param(True, [1], TypeError, ["inputs must be numbers", "True/False"], id="inputs-bool"),
    pytest.param(np.array([True, False]), [1, 1], TypeError,
                 ["inputs must be numbers", "True/False"], id="inputs-bool-array"),
    pytest.param([1 + 2j], [1], TypeError, ["inputs", "real numbers", "complex"], id="complex-in-list"),
    pytest.param(np.array([1 + 2j]), [1], TypeError, ["inputs", "real numbers", "complex"], id="complex-array"),
    pytest.param([1, None, 3], [1, 1, 1], (TypeError, ValueError), ["inputs", "None"], id="none-inside-list"),
    pytest.param([[1, None], [3, 4]], [1, 1], (TypeError, ValueError), ["inputs", "None"], id="none-inside-rows"),
    pytest.param(None, [1, 2], (TypeError, ValueError), ["inputs", "None"], id="inputs-none"),
    pytest.param([1, 2], None, (TypeError, ValueError), ["weights", "None"], id="weights-none"),
    pytest.param(["2", "3", "5"], [1, 1, 1], TypeError, ["inputs", "'2'"], id="numbers-written-as-text"),
    pytest.param([True, False, True], [1, 1, 1], TypeError, ["inputs", "True/False"], id="list-of-bools"),
    pytest.param([True, 2, 3], [1, 1, 1], TypeError, ["inputs", "True"], id="bool-among-numbers"),
]


@pytest.mark.parametrize("inputs, weights, error, fragments", WEIGHTED_SUM_CASES)
def test_weighted_sum_rejects_bad_input_in_plain_words(inputs, weights, error, fragments):
    check_error(lambda: weighted_sum(inputs, weights), error, fragments)


@pytest.mark.filterwarnings("error")
def test_complex_array_is_refused_without_a_numpy_warning_first():
    check_error(lambda: weighted_sum(np.array([1 + 2j]), [1]), TypeError, ["inputs", "complex"])


def test_nan_in_a_2d_array_is_located_by_row_and_column():
    # as_numbers is what every function uses; a 2-D position is written (row, column).
    check_error(lambda: as_numbers([[1, 2], [3, NAN]], "X"), ValueError, ["X contains NaN at position (1, 1)"])


# ---------------------------------------------------------------------------
# as_numbers (the checker every function relies on)
# ---------------------------------------------------------------------------

AS_NUMBERS_CASES = [
    pytest.param([1, 2], (2, 3), ValueError, ["W should be 2-D or 3-D", "1-D with shape (2,)"], id="ndim-tuple"),
    pytest.param([[[1.0]]], 1, ValueError, ["W should be 1-D", "3-D with shape (1, 1, 1)"], id="3d-for-1d"),
    pytest.param(np.zeros((2, 0)), 2, ValueError, ["W is empty (shape (2, 0))"], id="empty-rows"),
    pytest.param([[1, 2], [3, 4, 5], [6]], 2, ValueError, ["W is a ragged list", "2, 3, 1 entries"], id="ragged-3"),
    pytest.param("W", None, TypeError, ["W must be numbers", "the text 'W'"], id="text"),
]


@pytest.mark.parametrize("value, ndim, error, fragments", AS_NUMBERS_CASES)
def test_as_numbers_rejects_bad_input_in_plain_words(value, ndim, error, fragments):
    check_error(lambda: as_numbers(value, "W", ndim=ndim), error, fragments)


def test_as_numbers_message_uses_the_name_it_is_given():
    message = check_error(lambda: as_numbers([NAN], "my_weights"), ValueError, ["my_weights contains NaN"])
    assert "inputs" not in message


# ---------------------------------------------------------------------------
# relu, sigmoid, tanh
# ---------------------------------------------------------------------------

ACTIVATION_CASES = [
    pytest.param("3", TypeError, ["z must be numbers", "the text '3'"], id="text"),
    pytest.param([1, "a"], TypeError, ["z", "only numbers", "'a'"], id="text-inside-list"),
    pytest.param([[1, 2], [3]], ValueError, ["z is a ragged list", "2, 1 entries"], id="ragged"),
    pytest.param(NAN, ValueError, ["z contains NaN", "finite number"], id="nan"),
    pytest.param([0, INF], ValueError, ["z contains an infinite value at position 1"], id="inf-in-list"),
    pytest.param(np.array([[0, 1], [NAN, 2]]), ValueError, ["z contains NaN at position (1, 0)"], id="nan-in-2d"),
    pytest.param([], ValueError, ["z is empty", "at least one number"], id="empty"),
    pytest.param(np.zeros((3, 0)), ValueError, ["z is empty (shape (3, 0))"], id="empty-2d"),
    pytest.param(True, TypeError, ["z must be numbers", "True/False"], id="bool"),
    pytest.param(None, (TypeError, ValueError), ["z", "None"], id="none"),
    pytest.param([0.5, None], (TypeError, ValueError), ["z", "None"], id="none-inside-list"),
]


@pytest.mark.parametrize("function", [relu, sigmoid, tanh], ids=["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("z, error, fragments", ACTIVATION_CASES)
def test_activation_rejects_bad_input_in_plain_words(function, z, error, fragments):
    check_error(lambda: function(z), error, fragments)


# ---------------------------------------------------------------------------
# neuron
# ---------------------------------------------------------------------------

NEURON_CASES = [
    pytest.param({"inputs": [2, 3, 5], "weights": [0.5, 0.3]}, ValueError,
                 ["weights has 2 entries but inputs has 3"], id="mismatched-lengths"),
    pytest.param({"bias": [1, 2]}, ValueError, ["bias should be one number", "2 values", "(2,)"], id="bias-list"),
    pytest.param({"bias": np.array([[1.0]])}, ValueError,
                 ["bias should be one number", "(1, 1)"], id="bias-2d-array"),
    pytest.param({"bias": "1"}, TypeError, ["bias must be a number", "the text '1'"], id="bias-text"),
    pytest.param({"bias": True}, TypeError, ["bias must be a number", "True"], id="bias-bool"),
    pytest.param({"bias": NAN}, ValueError, ["bias contains NaN", "finite number"], id="bias-nan"),
    pytest.param({"bias": -INF}, ValueError, ["bias contains an infinite value"], id="bias-inf"),
    pytest.param({"bias": 1 + 1j}, TypeError, ["bias", "complex"], id="bias-complex"),
    pytest.param({"bias": None}, (TypeError, ValueError), ["bias", "None"], id="bias-none"),
    pytest.param({"activation": "softmax"}, ValueError,
                 ["activation should be a function, None, or one of", "'ReLU', 'sigmoid', 'tanh', 'none'",
                  "but got 'softmax'"], id="unknown-activation"),
    pytest.param({"activation": ""}, ValueError, ["activation should be", "but got ''"], id="empty-activation-name"),
    pytest.param({"activation": 5}, (TypeError, ValueError), ["activation should be", "but got 5"],
                 id="activation-number"),
    pytest.param({"inputs": "235"}, TypeError, ["inputs must be numbers", "'235'"], id="inputs-text"),
    pytest.param({"weights": [0.5, NAN, 0.2]}, ValueError, ["weights contains NaN at position 1"], id="weights-nan"),
]


@pytest.mark.parametrize("changes, error, fragments", NEURON_CASES)
def test_neuron_rejects_bad_input_in_plain_words(changes, error, fragments):
    arguments = {"inputs": [2, 3, 5], "weights": [0.5, 0.3, 0.2], "bias": 0.0, "activation": "ReLU"} | changes
    check_error(lambda: neuron(**arguments), error, fragments)


# ---------------------------------------------------------------------------
# dense
# ---------------------------------------------------------------------------

W_2x3 = np.array([[0.5, 0.3, 0.2], [1.0, 0.0, -1.0]])

DENSE_CASES = [
    pytest.param([2, 3, 5], W_2x3.T, [0, 0], ValueError,
                 ["W has shape (3, 2)", "expects 2 inputs", "x has 3 entries",
                  "(n_neurons, n_inputs) = (2, 3)", "It looks transposed: try W.T."], id="W-transposed"),
    pytest.param(np.ones((5, 3)), W_2x3.T, [0, 0], ValueError,
                 ["W has shape (3, 2)", "each row of x has 3 entries (x has shape (5, 3))", "try W.T"],
                 id="W-transposed-batch"),
    pytest.param([2, 3, 5], np.ones((2, 4)), [0, 0], ValueError,
                 ["W has shape (2, 4)", "each of its 2 neurons expects 4 inputs", "x has 3 entries",
                  "(n_neurons, n_inputs) = (2, 3)"], id="W-too-wide"),
    pytest.param([2, 3, 5], W_2x3, [0, 0, 0], ValueError,
                 ["b has 3 entries but W has 2 rows (shape (2, 3))", "one bias per neuron"], id="b-too-long"),
    pytest.param([2, 3, 5], W_2x3, [0], ValueError,
                 ["b has 1 entries but W has 2 rows (shape (2, 3))"], id="b-too-short"),
    pytest.param([2, 3, 5], W_2x3, 0.0, ValueError, ["b should be 1-D", "0-D"], id="b-single-number"),
    pytest.param([2, 3, 5], W_2x3, [[0, 0]], ValueError, ["b should be 1-D", "2-D with shape (1, 2)"], id="b-2d"),
    pytest.param([2, 3, 5], [0.5, 0.3, 0.2], [0], ValueError,
                 ["W should be 2-D", "1-D with shape (3,)"], id="W-1d"),
    pytest.param(np.ones((2, 2, 3)), W_2x3, [0, 0], ValueError,
                 ["x should be 1-D or 2-D", "3-D with shape (2, 2, 3)"], id="x-3d"),
    pytest.param(2.0, W_2x3, [0, 0], ValueError, ["x should be 1-D or 2-D", "0-D"], id="x-single-number"),
    pytest.param([2, 3, 5], [[0.5, 0.3, 0.2], [1.0, 0.0]], [0, 0], ValueError,
                 ["W is a ragged list", "3, 2 entries"], id="W-ragged"),
    pytest.param([2, 3, 5], [[0.5, 0.3, 0.2], [NAN, 0.0, 1.0]], [0, 0], ValueError,
                 ["W contains NaN at position (1, 0)"], id="W-nan"),
    pytest.param([2, INF, 5], W_2x3, [0, 0], ValueError, ["x contains an infinite value at position 1"], id="x-inf"),
    pytest.param("235", W_2x3, [0, 0], TypeError, ["x must be numbers", "'235'"], id="x-text"),
    pytest.param([2, 3, 5], [[]], [0], ValueError, ["W is empty", "(1, 0)"], id="W-empty"),
    pytest.param([], W_2x3, [0, 0], ValueError, ["x is empty"], id="x-empty"),
]


@pytest.mark.parametrize("x, W, b, error, fragments", DENSE_CASES)
def test_dense_rejects_bad_input_in_plain_words(x, W, b, error, fragments):
    check_error(lambda: dense(x, W, b), error, fragments)


def test_dense_suggests_W_T_only_when_transposing_would_fit():
    message = check_error(lambda: dense([2, 3, 5], np.ones((2, 4)), [0, 0]), ValueError, ["W has shape (2, 4)"])
    assert "W.T" not in message


# ---------------------------------------------------------------------------
# two_layer_network
# ---------------------------------------------------------------------------

GOOD = {  # 3 inputs -> 4 hidden -> 2 outputs
    "x": [1.0, 2.0, 3.0],
    "W1": np.ones((4, 3)),
    "b1": np.zeros(4),
    "W2": np.ones((2, 4)),
    "b2": np.zeros(2),
}

NETWORK_CASES = [
    pytest.param({"W2": np.ones((2, 3))}, ValueError,
                 ["W2 has shape (2, 3)", "expects 3 hidden values", "the hidden layer has 4 neurons",
                  "W1 has shape (4, 3)", "(n_outputs, n_hidden) = (2, 4)"], id="W2-not-matching-W1"),
    pytest.param({"x": [1.0, 2.0]}, ValueError,
                 ["W1 has shape (4, 3)", "expects 3 inputs", "x has 2 entries"], id="x-not-matching-W1"),
    pytest.param({"x": np.ones((5, 2))}, ValueError,
                 ["W1 has shape (4, 3)", "each row of x has 2 entries (x has shape (5, 2))"], id="batch-not-matching-W1"),
    pytest.param({"x": [1.0, 2.0, 3.0, 4.0], "W1": np.ones((4, 3))}, ValueError,
                 ["W1 has shape (4, 3)", "x has 4 entries", "try W1.T"], id="W1-transposed-square-hidden"),
    pytest.param({"W1": np.ones((3, 4)), "W2": np.ones((2, 3))}, ValueError,
                 ["W1 has shape (3, 4)", "x has 3 entries", "try W1.T"], id="W1-transposed-W2-adjusted"),
    pytest.param({"W1": np.ones((3, 4))}, ValueError,
                 ["W1 has shape (3, 4)", "x has 3 entries", "try W1.T"], id="W1-transposed"),
    pytest.param({"W2": np.ones((4, 2))}, ValueError,
                 ["W2 has shape (4, 2)", "W1 has shape (4, 3)"], id="W2-transposed"),
    pytest.param({"b1": np.zeros(3)}, ValueError,
                 ["b1 has 3 entries but W1 has 4 rows (shape (4, 3))"], id="b1-wrong-length"),
    pytest.param({"b2": np.zeros(4)}, ValueError,
                 ["b2 has 4 entries but W2 has 2 rows (shape (2, 4))"], id="b2-wrong-length"),
    pytest.param({"W2": [1.0, 1.0, 1.0, 1.0]}, ValueError, ["W2 should be 2-D", "1-D with shape (4,)"], id="W2-1d"),
    pytest.param({"W1": [[1, 1, 1], [1, 1]]}, ValueError, ["W1 is a ragged list", "3, 2 entries"], id="W1-ragged"),
    pytest.param({"x": [1.0, NAN, 3.0]}, ValueError, ["x contains NaN at position 1"], id="x-nan"),
    pytest.param({"b2": [0.0, INF]}, ValueError, ["b2 contains an infinite value at position 1"], id="b2-inf"),
    pytest.param({"output_activation": "softmax"}, ValueError,
                 ["activation should be a function, None, or one of", "but got 'softmax'"], id="unknown-activation"),
]


@pytest.mark.parametrize("changes, error, fragments", NETWORK_CASES)
def test_two_layer_network_rejects_bad_input_in_plain_words(changes, error, fragments):
    arguments = GOOD | changes
    check_error(lambda: two_layer_network(**arguments), error, fragments)


def test_two_layer_network_good_arguments_used_above_really_work():
    # Guards the table above: each case differs from a working call by the change it names.
    assert two_layer_network(**GOOD).y.tolist() == [24.0, 24.0]


# ---------------------------------------------------------------------------
# count_parameters and parameter_breakdown
# ---------------------------------------------------------------------------

COUNT_CASES = [
    pytest.param([3, 4.0, 2], TypeError, ["layer_sizes should hold whole numbers", "4.0", "[3, 4.0, 2]"], id="float"),
    pytest.param([3, 2.5], TypeError, ["whole numbers", "2.5"], id="fraction"),
    pytest.param([3, "4", 2], TypeError, ["whole numbers", "'4'"], id="text-inside"),
    pytest.param([3, None, 2], TypeError, ["whole numbers", "None"], id="none-inside"),
    pytest.param([3, True], TypeError, ["whole numbers", "True"], id="bool-inside"),
    pytest.param([3], ValueError, ["at least two entries", "[3]"], id="one-size"),
    pytest.param([], ValueError, ["at least two entries", "[]"], id="no-sizes"),
    pytest.param([3, 0, 2], ValueError, ["at least one neuron", "[3, 0, 2]"], id="zero-size"),
    pytest.param([0, 2], ValueError, ["at least one neuron", "[0, 2]"], id="zero-inputs"),
    pytest.param([3, -1], ValueError, ["at least one neuron", "[3, -1]"], id="negative-size"),
    pytest.param("342", TypeError, ["layer_sizes should be a list of whole numbers such as [3, 4, 2]", "'342'"],
                 id="text"),
    pytest.param(5, TypeError, ["such as [3, 4, 2]", "got 5"], id="single-number"),
    pytest.param(None, TypeError, ["such as [3, 4, 2]", "got None"], id="none"),
    pytest.param({3, 4}, TypeError, ["such as [3, 4, 2]", "{3, 4}"], id="set"),
]


@pytest.mark.parametrize("function", [count_parameters, parameter_breakdown])
@pytest.mark.parametrize("layer_sizes, error, fragments", COUNT_CASES)
def test_parameter_counting_rejects_bad_layer_sizes_in_plain_words(function, layer_sizes, error, fragments):
    check_error(lambda: function(layer_sizes), error, fragments)


# ---------------------------------------------------------------------------
# neuron_formula and format_number
# ---------------------------------------------------------------------------

FORMULA_CASES = [
    pytest.param({"inputs": [2, 3, 5], "weights": [0.5, 0.3]}, ValueError,
                 ["weights has 2 entries but inputs has 3"], id="too-few-weights"),
    pytest.param({"inputs": [2, 3], "weights": [0.5, 0.3, 0.2]}, ValueError,
                 ["weights has 3 entries but inputs has 2"], id="too-many-weights"),
    pytest.param({"activation": "softmax"}, ValueError, ["activation should be", "'softmax'"], id="unknown-activation"),
    pytest.param({"inputs": [2, NAN, 5]}, ValueError, ["inputs contains NaN at position 1"], id="nan-input"),
    pytest.param({"bias": "1"}, TypeError, ["bias must be a number", "the text '1'"], id="bias-text"),
    pytest.param({"bias": [1, 2]}, ValueError, ["bias should be one number", "2 values"], id="bias-list"),
    pytest.param({"inputs": "235"}, TypeError, ["inputs must be numbers", "'235'"], id="inputs-digits-text"),
    pytest.param({"inputs": "abc"}, TypeError, ["inputs must be numbers", "'abc'"], id="inputs-text"),
    pytest.param({"inputs": 5}, ValueError, ["inputs should be 1-D", "0-D"], id="inputs-number"),
]


@pytest.mark.parametrize("changes, error, fragments", FORMULA_CASES)
def test_neuron_formula_rejects_bad_input_in_plain_words(changes, error, fragments):
    arguments = {"inputs": [2, 3, 5], "weights": [0.5, 0.3, 0.2], "bias": None, "activation": None} | changes
    check_error(lambda: neuron_formula(**arguments), error, fragments)


@pytest.mark.parametrize("value", ["abc", None, [1, 2]], ids=repr)
def test_format_number_refuses_what_is_not_a_number(value):
    with pytest.raises((TypeError, ValueError)):
        format_number(value)


# ---------------------------------------------------------------------------
# Chapter 07: networks with two inputs and one output
# ---------------------------------------------------------------------------

from helpers.formulas import line_equation  # noqa: E402
from helpers.plane import neuron_line, plane_network  # noqa: E402

PLANE_ERRORS = [
    # (W1, b1, W2, b2), error, fragments
    (([[1, 0, 1], [0, 1, 1]], [0, 0], [[1, 1]], [0]), ValueError,
     ["W1 has shape (2, 3)", "reads the 2 inputs x[0] and x[1]", "(n_hidden, 2) = (2, 2)"]),
    (([[1, 0, 1, 0], [0, 1, 0, 1]], [0, 0, 0, 0], [[1, 1, 1, 1]], [0]), ValueError,
     ["W1 has shape (2, 4)", "It looks transposed: try W1.T"]),
    (([[1, 0], [0, 1], [1, 1]], [0, 0, 0], [[1], [1], [1]], [0]), ValueError,
     ["W2 has shape (3, 1)", "a single output", "(1, n_hidden) = (1, 3)", "try W2.T"]),
    (([[1, 0], [0, 1]], [0, 0], [[1, 1], [1, 1]], [0, 0]), ValueError, ["W2 has shape (2, 2)", "a single output"]),
    (([[1, 0], [0, 1]], [0, 0, 0], [[1, 1]], [0]), ValueError, ["b1 has 3 entries but W1 has 2 rows"]),
    (([[1, 0], [0, 1]], [0, 0], [[1, 1, 1]], [0]), ValueError, ["W2 has shape (1, 3)", "2 neurons"]),
    (([[1, 0], [0, 1]], [0, 0], [1, 1], [0]), ValueError, ["W2 should be 2-D"]),
    (([[1, 0], [0, "a"]], [0, 0], [[1, 1]], [0]), TypeError, ["W1 must contain only numbers"]),
    (([[1, 0], [0, 1]], [0, NAN], [[1, 1]], [0]), ValueError, ["b1 contains NaN"]),
]


@pytest.mark.parametrize("network, error, fragments", PLANE_ERRORS)
def test_plane_network_says_what_does_not_fit(network, error, fragments):
    check_error(lambda: plane_network(*network), error, fragments)


@pytest.mark.parametrize("function", [neuron_line, line_equation])
def test_a_line_needs_exactly_two_weights(function):
    check_error(lambda: function([1, 2, 3], 0), ValueError, ["w should hold the neuron's 2 weights", "it has 3"])
    check_error(lambda: function([1, 2], [0, 1]), ValueError, ["b should be one number"])
