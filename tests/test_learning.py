"""Tests for ``helpers.learning``: the loss, numerical gradients and backpropagation.

Every gradient is compared with an independent computation written here -- central differences
of a forward pass written here, a plain Python loop over samples, the formula with ``np.einsum``,
or derivatives worked out by hand -- never with the helper itself.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from helpers.learning import Gradients, backward, mse, mse_gradient, network_loss, numerical_gradient
from helpers.maths import relu, sigmoid, tanh

# A few dozen examples per property keeps the whole file at a few seconds.
fast = settings(max_examples=40, deadline=None)

# Chapter 05's network, and the target chapter 10 gives it.
X05 = np.array([2.0, 3.0, 5.0])
W1_05 = np.array([[0.5, 0.3, 0.2], [1, 0, -1], [-0.5, 1, 0], [0, -0.5, 0.5]])
B1_05 = np.array([-1, 1, 0.5, -2.0])
W2_05 = np.array([[1, 0.5, -1, 1], [0.5, -1, 1, 0.5]])
B2_05 = np.array([0.5, -1])
TARGET_05 = np.array([1, 3.45])

# Output activations as the test writes them: (y from z2, dy/dz2 from z2 and y), with numpy and math.
REFERENCE = {
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, y: (z > 0) * 1.0),
    "none": (lambda z: z, lambda z, y: np.ones_like(z)),
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z, y: y * (1.0 - y)),
    "tanh": (lambda z: np.tanh(z), lambda z, y: 1.0 - y ** 2),
}
SCALAR = {
    "relu": (lambda z: max(z, 0.0), lambda z, y: 1.0 if z > 0 else 0.0),
    "none": (lambda z: z, lambda z, y: 1.0),
    "sigmoid": (lambda z: 1.0 / (1.0 + math.exp(-z)), lambda z, y: y * (1.0 - y)),
    "tanh": (math.tanh, lambda z, y: 1.0 - y * y),
}
# How each is passed to backward: the functions of helpers.maths, None, or a name.
PASSED = {"relu": relu, "none": None, "sigmoid": sigmoid, "tanh": tanh}
ACTIVATION_NAMES = list(REFERENCE)


def forward(x, W1, b1, W2, b2, activation):
    """The two-layer network written out again: z1, h, z2, y for one x or a batch."""
    z1 = x @ W1.T + b1
    h = np.maximum(z1, 0.0)
    z2 = h @ W2.T + b2
    return z1, h, z2, REFERENCE[activation][0](z2)


def loss_of(case, activation):
    z1, h, z2, y = forward(case["x"], case["W1"], case["b1"], case["W2"], case["b2"], activation)
    return np.mean((y - case["target"]) ** 2)


def nudged_slopes(case, activation, name, h=1e-6):
    """dL/d(parameter) by central differences, on a copy of the case."""
    case = {key: value.copy() for key, value in case.items()}
    array = case[name]
    slopes = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        kept = array[index]
        array[index] = kept + h
        up = loss_of(case, activation)
        array[index] = kept - h
        down = loss_of(case, activation)
        array[index] = kept
        slopes[index] = (up - down) / (2 * h)
    return slopes


@st.composite
def networks(draw, batch=None):
    """Random sizes and values, one input or a batch, with every z1 and z2 at least 1e-3 from 0."""
    n_inputs, n_hidden, n_outputs = (draw(st.integers(1, 4)) for _ in range(3))
    if batch is None:
        batch = draw(st.booleans())
    n_samples = draw(st.integers(1, 4)) if batch else None
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    x_shape = (n_inputs,) if n_samples is None else (n_samples, n_inputs)
    y_shape = (n_outputs,) if n_samples is None else (n_samples, n_outputs)
    case = {
        "x": rng.uniform(-2, 2, x_shape),
        "W1": rng.uniform(-2, 2, (n_hidden, n_inputs)),
        "b1": rng.uniform(-1, 1, n_hidden),
        "W2": rng.uniform(-2, 2, (n_outputs, n_hidden)),
        "b2": rng.uniform(-1, 1, n_outputs),
        "target": rng.uniform(-2, 2, y_shape),
    }
    z1, _, z2, _ = forward(case["x"], case["W1"], case["b1"], case["W2"], case["b2"], "none")
    assume(np.all(np.abs(z1) > 1e-3) and np.all(np.abs(z2) > 1e-3))  # away from the ReLU kinks
    return case


def run_backward(case, activation):
    return backward(case["x"], case["target"], case["W1"], case["b1"], case["W2"], case["b2"],
                    output_activation=PASSED[activation])


# ---------------------------------------------------------------------------
# mse and mse_gradient
# ---------------------------------------------------------------------------

def test_mse_of_the_course_neuron():
    assert mse(2.9, 4) == pytest.approx(1.21, abs=1e-15)      # (2.9 - 4)² = 1.1²
    assert mse([2.9], [4]) == pytest.approx(1.21, abs=1e-15)


def test_mse_exact_values():
    assert mse([0.5, 1.5], [0, 0]) == 1.25                       # (0.25 + 2.25) / 2
    assert mse([[0, 2.5], [1, 1]], [[1, 2], [1, 1]]) == 0.3125   # (1 + 0.25) / 4: the mean over all entries
    assert mse([3, -1], [3, -1]) == 0.0
    assert isinstance(mse([1], [0]), float)


@fast
@given(arrays(float, array_shapes(max_dims=2, max_side=5), elements=st.floats(-100, 100)), st.data())
def test_mse_matches_a_loop(y, data):
    target = data.draw(arrays(float, y.shape, elements=st.floats(-100, 100)))
    squares = [(a - b) ** 2 for a, b in zip(y.ravel().tolist(), target.ravel().tolist())]
    assert mse(y, target) == pytest.approx(math.fsum(squares) / len(squares), rel=1e-12, abs=1e-12)


def test_mse_gradient_exact_values():
    np.testing.assert_array_equal(mse_gradient([0, 2.5], [1, 2]), [-1.0, 0.5])
    np.testing.assert_array_equal(mse_gradient([[3, 1], [1, 1]], [[1, 1], [1, 2]]), [[1.0, 0.0], [0.0, -0.5]])


@fast
@given(arrays(float, array_shapes(max_dims=2, max_side=4), elements=st.floats(-10, 10)), st.data())
def test_mse_gradient_matches_nudging(y, data):
    target = data.draw(arrays(float, y.shape, elements=st.floats(-10, 10)))
    h, slopes = 1e-6, np.zeros_like(y)
    for index in np.ndindex(y.shape):
        up, down = y.copy(), y.copy()
        up[index] += h
        down[index] -= h
        slopes[index] = (np.mean((up - target) ** 2) - np.mean((down - target) ** 2)) / (2 * h)
    gradient = mse_gradient(y, target)
    assert gradient.shape == y.shape
    np.testing.assert_allclose(gradient, slopes, atol=1e-6)


@pytest.mark.parametrize("function", [mse, mse_gradient])
def test_mse_errors_name_what_was_wrong(function):
    with pytest.raises(ValueError, match=r"y has shape \(2,\) but target has shape \(3,\).*same shape"):
        function([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"y has shape \(2, 1\) but target has shape \(2,\)"):
        function([[1], [2]], [1, 2])
    with pytest.raises(TypeError, match="target must be numbers, but got the text 'four'"):
        function([2.9], "four")
    with pytest.raises(ValueError, match="y contains NaN at position 1"):
        function([1, float("nan")], [1, 2])
    with pytest.raises(TypeError, match="target must be numbers, but it holds True/False"):
        function([1, 2], [True, False])
    with pytest.raises(TypeError, match="y must be numbers, but got None"):
        function(None, [1])


# ---------------------------------------------------------------------------
# numerical_gradient
# ---------------------------------------------------------------------------

finite_arrays = arrays(float, array_shapes(max_dims=3, max_side=3), elements=st.floats(-10, 10))


@fast
@given(finite_arrays)
def test_numerical_gradient_of_a_sum_of_squares_is_twice_the_array(a):
    gradient = numerical_gradient(lambda: float(np.sum(a ** 2)), a)
    assert gradient.shape == a.shape
    np.testing.assert_allclose(gradient, 2 * a, atol=1e-6)


@fast
@given(finite_arrays)
def test_numerical_gradient_of_sin_is_cos(a):
    np.testing.assert_allclose(numerical_gradient(lambda: float(np.sum(np.sin(a))), a), np.cos(a), atol=1e-8)


def test_numerical_gradient_of_a_product():
    a = np.array([[2.0, 3.0], [5.0, 0.5]])
    gradient = numerical_gradient(lambda: a[0, 0] * a[1, 1] ** 2 - 4 * a[0, 1], a)
    np.testing.assert_allclose(gradient, [[0.25, -4.0], [0.0, 2.0]], atol=1e-8)


@fast
@given(arrays(float, array_shapes(max_dims=2, max_side=4),
              elements=st.floats(-1e6, 1e6, allow_subnormal=True)))
def test_numerical_gradient_restores_the_array_bit_for_bit(a):
    before = a.tobytes()
    numerical_gradient(lambda: float(np.sum(a)), a)
    assert a.tobytes() == before


def test_numerical_gradient_restores_even_values_that_adding_and_subtracting_h_would_change():
    a = np.array([0.1, 0.7, 1e-9])
    assert ((0.1 + 1e-5) - 2e-5) + 1e-5 != 0.1   # so nudging up, down and back by arithmetic would not do
    numerical_gradient(lambda: float(a @ a), a)
    assert a.tolist() == [0.1, 0.7, 1e-9]


def test_numerical_gradient_reads_f_after_each_nudge():
    a = np.array([1.0, 4.0])
    seen = []
    numerical_gradient(lambda: seen.append(a.tolist()) or 0.0, a, h=0.5)
    assert seen == [[1.0, 4.0], [1.5, 4.0], [0.5, 4.0], [1.0, 4.5], [1.0, 3.5]]


def test_numerical_gradient_restores_the_array_when_f_fails():
    a = np.array([1.0, 2.0, 3.0])
    calls = []

    def f():
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("f broke")
        return float(a.sum())

    with pytest.raises(RuntimeError, match="f broke"):
        numerical_gradient(f, a)
    assert a.tolist() == [1.0, 2.0, 3.0]


def test_numerical_gradient_of_a_view_nudges_the_array_it_views():
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    row = W[1]
    np.testing.assert_allclose(numerical_gradient(lambda: float(np.sum(W ** 2)), row), [6.0, 8.0], atol=1e-6)
    assert W.tolist() == [[1.0, 2.0], [3.0, 4.0]]


def test_numerical_gradient_errors_name_what_was_wrong():
    a = np.array([1.0, 2.0])
    with pytest.raises(TypeError, match=r"f must be a function with no arguments.*but got 3\.0"):
        numerical_gradient(3.0, a)
    with pytest.raises(TypeError, match=r"array must be the NumPy array that f reads.*got \[1\.0, 2\.0\]"):
        numerical_gradient(lambda: 0.0, [1.0, 2.0])
    whole = np.array([1, 2])
    with pytest.raises(TypeError, match=r"whole numbers \(dtype int64\).*h = 1e-05 would be rounded away.*astype\(float\)"):
        numerical_gradient(lambda: float(whole.sum()), whole)
    with pytest.raises(TypeError, match=r"array must be an array of floats.*bool"):
        numerical_gradient(lambda: 0.0, np.array([True, False]))
    with pytest.raises(ValueError, match=r"array is empty \(shape \(0,\)\)"):
        numerical_gradient(lambda: 0.0, np.zeros(0))
    frozen = np.array([1.0])
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        numerical_gradient(lambda: 0.0, frozen)
    with pytest.raises(ValueError, match="h must be a small positive number such as 1e-5, but got 0.0"):
        numerical_gradient(lambda: 0.0, a, h=0)
    with pytest.raises(ValueError, match="but got -0.1"):
        numerical_gradient(lambda: 0.0, a, h=-0.1)
    for h in ("small", True, [1e-5]):
        with pytest.raises(TypeError, match="h must be one small positive number"):
            numerical_gradient(lambda: 0.0, a, h=h)


def test_numerical_gradient_errors_about_what_f_returns():
    a = np.array([1.0, 2.0])
    with pytest.raises(TypeError, match=r"f\(\) must return one number.*before any nudge it returned None \(does it need a return\?\)"):
        numerical_gradient(lambda: None, a)
    with pytest.raises(ValueError, match=r"returned 2 values with shape \(2,\); take the mean"):
        numerical_gradient(lambda: a ** 2, a)
    with pytest.raises(TypeError, match="it returned 'loss'"):
        numerical_gradient(lambda: "loss", a)
    with pytest.raises(TypeError, match="it returned True"):
        numerical_gradient(lambda: True, a)
    with pytest.raises(ValueError, match=r"f\(\) must return a finite number, but before any nudge it returned nan"):
        numerical_gradient(lambda: float("nan"), a)
    edge = np.array([3.0, 5e-4])
    with np.errstate(divide="ignore"):
        with pytest.raises(ValueError, match=r"with entry \(1,\) nudged down it returned -?inf"):
            numerical_gradient(lambda: float(np.sum(np.log(np.maximum(edge, 0.0)))), edge, h=1e-3)
    assert edge.tolist() == [3.0, 5e-4]


# ---------------------------------------------------------------------------
# backward: chapter 10's worked example
# ---------------------------------------------------------------------------

def test_backward_on_chapter_05_network_by_hand():
    g = backward(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05)
    # Forward: z1 = [1.9, -2, 2.5, -1], h = [1.9, 0, 2.5, 0], z2 = [-0.1, 2.45], y = [0, 2.45].
    np.testing.assert_allclose(g.forward.y, [0, 2.45], atol=1e-12)
    assert g.loss == pytest.approx(1.0, abs=1e-12)                       # ((0 - 1)² + (2.45 - 3.45)²) / 2
    expected = {
        "dL_dy": [-1, -1],                                               # 2 (y - t) / 2
        "delta2": [0, -1],                                               # output 0 is off: z2[0] = -0.1
        "dW2": [[0, 0, 0, 0], [-1.9, 0, -2.5, 0]],                       # outer(delta2, h)
        "db2": [0, -1],
        "dL_dh": [-0.5, 1, -1, -0.5],                                    # -1 × W2[1]
        "delta1": [-0.5, 0, -1, 0],                                      # hidden 1 and 3 are off
        "dW1": [[-1, -1.5, -2.5], [0, 0, 0], [-2, -3, -5], [0, 0, 0]],   # outer(delta1, x)
        "db1": [-0.5, 0, -1, 0],
    }
    for name, value in expected.items():
        np.testing.assert_allclose(getattr(g, name), value, atol=1e-12, err_msg=name)
        assert not np.signbit(getattr(g, name)[np.asarray(value) == 0]).any(), f"{name} prints a -0"


def test_backward_matches_nudging_on_chapter_05_network():
    case = {"x": X05, "W1": W1_05, "b1": B1_05, "W2": W2_05, "b2": B2_05, "target": TARGET_05}
    g = run_backward(case, "relu")
    for name in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(getattr(g, "d" + name), nudged_slopes(case, "relu", name), atol=1e-8)


def test_backward_accepts_lists_and_returns_each_gradient_with_its_parameters_shape():
    g = backward([2, 3, 5], [1, 3.45], W1_05.tolist(), B1_05.tolist(), W2_05.tolist(), B2_05.tolist())
    assert isinstance(g, Gradients)
    assert (g.dW1.shape, g.db1.shape, g.dW2.shape, g.db2.shape) == ((4, 3), (4,), (2, 4), (2,))
    assert (g.dL_dy.shape, g.delta2.shape, g.dL_dh.shape, g.delta1.shape) == ((2,), (2,), (4,), (4,))


def test_relu_gate_at_exactly_zero_gives_no_gradient():
    # z1 = [0, 1]: hidden neuron 0 sits on its kink; z2 = 0 + 1 = 1.
    g = backward([1.0], [0.0], [[1.0], [1.0]], [-1.0, 0.0], [[1.0, 1.0]], [0.0])
    assert g.forward.z1.tolist() == [0.0, 1.0]
    assert g.dL_dh.tolist() == [2.0, 2.0] and g.delta1.tolist() == [0.0, 2.0]
    # Output neuron on its kink: z2 = 0 exactly.
    g = backward([1.0], [1.0], [[1.0]], [0.0], [[1.0]], [-1.0])
    assert g.forward.z2.tolist() == [0.0] and g.delta2.tolist() == [0.0] and g.dW1.tolist() == [[0.0]]


@pytest.mark.parametrize("name", ["none", "None", "NONE"])
def test_output_activation_by_name(name):
    g = backward(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05, output_activation=name)
    # y = z2 = [-0.1, 2.45]: dL/dy = [-1.1, -1] passes straight through to delta2.
    np.testing.assert_allclose(g.delta2, [-1.1, -1.0], atol=1e-12)
    assert network_loss(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05, output_activation=name) == pytest.approx(1.105)
    g = backward(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05, output_activation="Sigmoid")
    np.testing.assert_allclose(g.forward.y, 1 / (1 + np.exp([0.1, -2.45])))


# ---------------------------------------------------------------------------
# backward: properties on random networks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
@fast
@given(case=networks())
def test_backward_matches_finite_differences(activation, case):
    g = run_backward(case, activation)
    for name in ("W1", "b1", "W2", "b2"):
        gradient = getattr(g, "d" + name)
        assert gradient.shape == case[name].shape
        np.testing.assert_allclose(gradient, nudged_slopes(case, activation, name), rtol=1e-5, atol=1e-6)
    assert g.loss == pytest.approx(loss_of(case, activation), rel=1e-12, abs=1e-15)


def loop_gradients(case, activation):
    """The chain rule in plain Python, one sample and one number at a time."""
    act, slope = SCALAR[activation]
    batch = case["x"].ndim == 2
    samples = case["x"].tolist() if batch else [case["x"].tolist()]
    targets = case["target"].tolist() if batch else [case["target"].tolist()]
    W1, b1, W2, b2 = (case[name].tolist() for name in ("W1", "b1", "W2", "b2"))
    n_hidden, n_inputs, n_outputs = len(W1), len(W1[0]), len(W2)
    n_entries = len(samples) * n_outputs
    dW1 = [[0.0] * n_inputs for _ in range(n_hidden)]
    dW2 = [[0.0] * n_hidden for _ in range(n_outputs)]
    db1, db2 = [0.0] * n_hidden, [0.0] * n_outputs
    for x, t in zip(samples, targets):
        z1 = [sum(W1[j][i] * x[i] for i in range(n_inputs)) + b1[j] for j in range(n_hidden)]
        h = [max(z, 0.0) for z in z1]
        z2 = [sum(W2[k][j] * h[j] for j in range(n_hidden)) + b2[k] for k in range(n_outputs)]
        y = [act(z) for z in z2]
        d2 = [2 * (y[k] - t[k]) / n_entries * slope(z2[k], y[k]) for k in range(n_outputs)]
        d1 = [sum(W2[k][j] * d2[k] for k in range(n_outputs)) if z1[j] > 0 else 0.0 for j in range(n_hidden)]
        for k in range(n_outputs):
            db2[k] += d2[k]
            for j in range(n_hidden):
                dW2[k][j] += d2[k] * h[j]
        for j in range(n_hidden):
            db1[j] += d1[j]
            for i in range(n_inputs):
                dW1[j][i] += d1[j] * x[i]
    return dW1, db1, dW2, db2


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
@fast
@given(case=networks())
def test_backward_matches_a_loop_over_samples(activation, case):
    g = run_backward(case, activation)
    for name, expected in zip(("dW1", "db1", "dW2", "db2"), loop_gradients(case, activation)):
        np.testing.assert_allclose(getattr(g, name), expected, rtol=1e-10, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
@fast
@given(case=networks())
def test_backward_matches_the_formula_with_einsum(activation, case):
    X = np.atleast_2d(case["x"])            # one input as a batch of one: the same mean, the same sums
    T = np.atleast_2d(case["target"])
    W1, b1, W2, b2 = case["W1"], case["b1"], case["W2"], case["b2"]
    Z1 = np.einsum("ji,ni->nj", W1, X) + b1
    H = np.maximum(Z1, 0.0)
    Z2 = np.einsum("kj,nj->nk", W2, H) + b2
    Y = REFERENCE[activation][0](Z2)
    D2 = 2 * (Y - T) / Y.size * REFERENCE[activation][1](Z2, Y)
    dH = np.einsum("kj,nk->nj", W2, D2)
    D1 = np.where(Z1 > 0, dH, 0.0)
    expected = {
        "dW2": np.einsum("nk,nj->kj", D2, H), "db2": np.einsum("nk->k", D2),
        "dW1": np.einsum("nj,ni->ji", D1, X), "db1": np.einsum("nj->j", D1),
        "dL_dy": 2 * (Y - T) / Y.size, "delta2": D2, "dL_dh": dH, "delta1": D1,
    }
    g = run_backward(case, activation)
    for name, value in expected.items():
        got = getattr(g, name)
        assert got.shape == (value.shape if name[0] == "d" and name[1] in "Wb" else np.shape(case["x"])[:-1] + value.shape[1:])
        np.testing.assert_allclose(got, value.reshape(got.shape), rtol=1e-10, atol=1e-12, err_msg=name)


@fast
@given(case=networks(batch=True))
def test_batch_gradient_is_the_mean_of_the_samples_gradients(case):
    g = run_backward(case, "relu")
    singles = [backward(x, t, case["W1"], case["b1"], case["W2"], case["b2"])
               for x, t in zip(case["x"], case["target"])]
    for name in ("dW1", "db1", "dW2", "db2"):
        mean = np.mean([getattr(single, name) for single in singles], axis=0)
        np.testing.assert_allclose(getattr(g, name), mean, rtol=1e-10, atol=1e-12, err_msg=name)


def test_a_batch_of_one_gives_the_single_input_gradients():
    single = backward(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05)
    batch = backward(X05[None], TARGET_05[None], W1_05, B1_05, W2_05, B2_05)
    for name in ("dW1", "db1", "dW2", "db2"):
        np.testing.assert_allclose(getattr(batch, name), getattr(single, name), atol=1e-12)
    assert batch.delta1.shape == (1, 4) and batch.dL_dy.shape == (1, 2)


# ---------------------------------------------------------------------------
# backward and network_loss: bad input
# ---------------------------------------------------------------------------

def call(x=X05, target=TARGET_05, W1=W1_05, b1=B1_05, W2=W2_05, b2=B2_05, **options):
    return backward(x, target, W1, b1, W2, b2, **options)


@pytest.mark.parametrize("function", [backward, network_loss])
def test_target_of_the_wrong_shape(function):
    def run(x, target):
        return function(x, target, W1_05, B1_05, W2_05, B2_05)

    with pytest.raises(ValueError, match=r"target has shape \(3,\) but the network's output y has shape \(2,\); give one target per output"):
        run(X05, [1, 2, 3])
    with pytest.raises(ValueError, match=r"target has shape \(1, 2\) but .* shape \(2,\); one input x needs one target per output"):
        run(X05, [[1, 3.45]])
    batch = np.array([X05, X05, X05])
    with pytest.raises(ValueError, match=r"target has shape \(2,\) but .* shape \(3, 2\); a batch of 3 samples needs one target row per sample"):
        run(batch, TARGET_05)
    with pytest.raises(ValueError, match=r"target has shape \(2, 3\) but .* shape \(3, 2\).*It looks transposed: try target.T"):
        run(batch, np.ones((2, 3)))


def test_transposed_weights_get_the_course_messages():
    with pytest.raises(ValueError, match=r"W1 has shape \(3, 4\).*It looks transposed: try W1.T"):
        call(W1=W1_05.T)
    with pytest.raises(ValueError, match=r"W2 has shape \(4, 2\).*the hidden layer has 4 neurons"):
        call(W2=W2_05.T)
    with pytest.raises(ValueError, match=r"b2 has 3 entries but W2 has 2 rows"):
        call(b2=[1, 2, 3])


def test_nan_text_and_booleans_are_refused():
    with pytest.raises(ValueError, match=r"x contains NaN at position 1"):
        call(x=[2, float("nan"), 5])
    with pytest.raises(ValueError, match=r"target contains NaN at position 0"):
        call(target=[float("nan"), 1])
    with pytest.raises(ValueError, match="target contains an infinite value"):
        call(target=[1, float("inf")])
    with pytest.raises(TypeError, match="target must contain only numbers, but it holds the text 'one'"):
        call(target=["one", 2])
    with pytest.raises(TypeError, match="target must be numbers, but got the text '1, 3.45'"):
        call(target="1, 3.45")
    with pytest.raises(TypeError, match="W1 must be numbers, but it holds True/False values"):
        call(W1=(W1_05 > 0).tolist())
    with pytest.raises(TypeError, match="b1 must be numbers, but it holds True/False values"):
        call(b1=np.array([True, False, True, False]))


@pytest.mark.parametrize("bad", ["softmax", "max", 3, True, abs])
def test_unknown_output_activation(bad):
    with pytest.raises(ValueError, match=r"output_activation should be relu, sigmoid, tanh or None .*but got"):
        call(output_activation=bad)
    with pytest.raises(ValueError, match="output_activation should be"):
        network_loss(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05, output_activation=bad)


def test_network_loss_is_the_mse_of_the_output():
    assert network_loss(X05, TARGET_05, W1_05, B1_05, W2_05, B2_05) == pytest.approx(1.0, abs=1e-12)
    assert network_loss([1, 2], [1], [[1, 0], [0, -1]], [0, 0], [[1, 1]], [0.5]) == 0.25
