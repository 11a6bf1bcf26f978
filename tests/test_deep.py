"""Tests for ``helpers.deep``: deep networks, their gradients, and the gradient per layer (chapter 12).

Gradients are compared with central differences of a forward pass written here, with a loop over
samples, and with ``helpers.learning.backward`` on a two-layer network; the shrinking per layer with
the bound the chapter states (the slope of sigmoid is at most 0.25).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.deep import (DeepGradients, Layer, deep_backward, deep_forward, gradient_norms_per_layer,
                          init_deep_network)
from helpers.learning import backward

ACTIVATIONS = {"sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)), "relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh}


def loss_written_out(X, target, layers, activation):
    h = X
    for k, (W, b) in enumerate(layers):
        z = h @ W.T + b
        h = z if k == len(layers) - 1 else ACTIVATIONS[activation](z)
    return np.mean((h - target) ** 2)


@st.composite
def deep_cases(draw, n_layers=None):
    """Random layers (1 to 4 of them unless given), a batch and its targets, with z away from ReLU's kink."""
    n_layers = draw(st.integers(1, 4)) if n_layers is None else n_layers
    sizes = [draw(st.integers(1, 4)) for _ in range(n_layers + 1)]
    n_samples = draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    layers = [Layer(rng.uniform(-1.5, 1.5, (n_out, n_in)), rng.uniform(-0.5, 0.5, n_out))
              for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    X = rng.uniform(-2, 2, (n_samples, sizes[0]))
    target = rng.uniform(-1, 1, (n_samples, sizes[-1]))
    h = X
    for W, b in layers[:-1]:
        z = h @ W.T + b
        assume(np.all(np.abs(z) > 1e-3))        # away from ReLU's kink
        h = np.maximum(z, 0)
    return X, target, layers


@settings(deadline=None)
@given(deep_cases(), st.sampled_from(list(ACTIVATIONS)))
def test_gradients_match_central_differences(case, activation):
    X, target, layers = case
    grads = deep_backward(X, target, layers, activation)
    assert grads.loss == pytest.approx(loss_written_out(X, target, layers, activation), rel=1e-12)
    h = 1e-6
    for k, layer in enumerate(layers):
        for name, array, got in (("W", layer.W, grads.dW[k]), ("b", layer.b, grads.db[k])):
            assert got.shape == array.shape
            slopes = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                kept = array[index]
                array[index] = kept + h
                up = loss_written_out(X, target, layers, activation)
                array[index] = kept - h
                down = loss_written_out(X, target, layers, activation)
                array[index] = kept
                slopes[index] = (up - down) / (2 * h)
            np.testing.assert_allclose(got, slopes, rtol=1e-5, atol=1e-7, err_msg=f"d{name}[{k}]")


@settings(deadline=None)
@given(deep_cases(), st.sampled_from(list(ACTIVATIONS)))
def test_a_batch_adds_up_its_samples(case, activation):
    X, target, layers = case
    n = len(X)
    batch = deep_backward(X, target, layers, activation)
    for k in range(len(layers)):
        # each sample's gradient of its own loss, weighted by its share of the mean (1 / n)
        summed = sum(deep_backward(X[i:i + 1], target[i:i + 1], layers, activation).dW[k] for i in range(n)) / n
        np.testing.assert_allclose(batch.dW[k], summed, rtol=1e-10, atol=1e-14)


@settings(deadline=None)
@given(deep_cases(n_layers=2))
def test_two_relu_layers_are_chapter_10s_backward(case):
    X, target, layers = case
    (W1, b1), (W2, b2) = layers
    ours = deep_backward(X, target, layers, "relu")
    theirs = backward(X, target, W1, b1, W2, b2, output_activation=None)
    for a, b in zip((ours.dW[0], ours.db[0], ours.dW[1], ours.db[1]), (theirs.dW1, theirs.db1, theirs.dW2, theirs.db2)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)


def test_worked_example():
    layers = [([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0.5])]
    forward = deep_forward([[1.0, -1.0]], layers, "relu")
    np.testing.assert_array_equal(forward.z[0], [[1.0, -1.0]])
    np.testing.assert_array_equal(forward.y, [[1.5]])
    grads = deep_backward([[1.0, -1.0]], [[1.0]], layers, "relu")
    assert isinstance(grads, DeepGradients) and grads.loss == 0.25
    np.testing.assert_array_equal(grads.delta[1], [[1.0]])           # 2 (1.5 − 1) / 1
    np.testing.assert_array_equal(grads.delta[0], [[1.0, 0.0]])      # the gate of the silenced neuron
    np.testing.assert_array_equal(grads.dW[0], [[1.0, -1.0], [0.0, 0.0]])
    sig = deep_forward([[0.0]], [([[1.0]], [0.0]), ([[2.0]], [0.0])], "sigmoid")
    assert sig.h[0][0, 0] == 0.5 and sig.y[0, 0] == 1.0


# ---------------------------------------------------------------------------
# The starting layers and the gradient per layer
# ---------------------------------------------------------------------------

def test_init_deep_network_scales_and_seed():
    layers = init_deep_network([300, 200, 100], "xavier", seed=1)
    assert [layer.W.shape for layer in layers] == [(200, 300), (100, 200)]
    assert np.std(layers[0].W) == pytest.approx(np.sqrt(2 / 500), rel=0.02)
    assert np.std(init_deep_network([300, 200], "he")[0].W) == pytest.approx(np.sqrt(2 / 300), rel=0.02)
    assert np.std(init_deep_network([300, 200], 0.01)[0].W) == pytest.approx(0.01, rel=0.02)
    assert not any(layer.b.any() for layer in layers)
    np.testing.assert_array_equal(layers[1].W, init_deep_network([300, 200, 100], "xavier", seed=1)[1].W)
    assert not np.array_equal(layers[1].W, init_deep_network([300, 200, 100], "xavier", seed=2)[1].W)


def test_norms_are_the_sizes_of_deep_backwards_gradients():
    norms = gradient_norms_per_layer(5, 3, "tanh", "xavier", seed=4, n_samples=10)
    layers = init_deep_network([3, 3, 3, 3, 3, 1], "xavier", seed=4)
    rng = np.random.default_rng([4, 1])
    X, target = rng.normal(size=(10, 3)), rng.normal(size=(10, 1))
    grads = deep_backward(X, target, layers, "tanh")
    want = [np.sqrt(np.sum(dW ** 2)) for dW in grads.dW]
    np.testing.assert_allclose(norms, want, rtol=1e-12)
    np.testing.assert_array_equal(norms, gradient_norms_per_layer(5, 3, "tanh", "xavier", seed=4, n_samples=10))


def test_sigmoid_shrinks_the_signal_layer_by_layer():
    depth, width = 10, 8
    layers = init_deep_network([width] * depth + [1], "xavier", seed=0)
    rng = np.random.default_rng([0, 1])
    X, target = rng.normal(size=(64, width)), rng.normal(size=(64, 1))
    grads = deep_backward(X, target, layers, "sigmoid")
    # The bound the chapter states: each layer passes back at most 0.25 × |W| of what reaches it.
    for k in range(1, depth):
        bound = 0.25 * np.linalg.norm(grads.delta[k], axis=1) * np.linalg.norm(layers[k].W, 2)
        assert np.all(np.linalg.norm(grads.delta[k - 1], axis=1) <= bound + 1e-15)
    norms = gradient_norms_per_layer(depth, width, "sigmoid", "xavier")
    assert np.all(np.diff(np.log10(norms[:-1])) > 0)          # growing towards the output: shrinking backwards
    assert norms[0] < 1e-4 * norms[-2]


def test_relu_with_he_keeps_the_signal_and_small_weights_lose_it():
    he = gradient_norms_per_layer(10, 8, "relu", "he")
    assert he.max() / he.min() < 10                              # every layer gets a similar share
    small = gradient_norms_per_layer(10, 8, "relu", 0.01)
    assert small.max() < 1e-10 * he.min()                        # tiny weights pass almost nothing either way


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

LAYERS = [([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0]), ([[1.0, 1.0]], [0.5])]


@pytest.mark.parametrize("call, error, message", [
    (lambda: deep_forward([[1.0, 2.0]], LAYERS, "softmax"), ValueError,
     "activation should be sigmoid, relu or tanh .* but got 'softmax'"),
    (lambda: deep_forward([1.0, 2.0], LAYERS), ValueError, r"X should be a batch of shape \(n_samples, n_inputs\)"),
    (lambda: deep_forward([[1.0, 2.0, 3.0]], LAYERS), ValueError, r"each row of X has 3 entries .* expects 2 inputs"),
    (lambda: deep_forward([[1.0, float("nan")]], LAYERS), ValueError, "X contains NaN"),
    (lambda: deep_forward([["a", 1.0]], LAYERS), TypeError, "X must contain only numbers, but it holds the text 'a'"),
    (lambda: deep_forward([[1.0, 2.0]], [LAYERS[0], ([[1.0, 1.0, 1.0]], [0.0])]), ValueError,
     r"layers\[1\].W has shape \(1, 3\).*layer 0 has 2 neurons: it should have shape \(1, 2\)"),
    (lambda: deep_forward([[1.0, 2.0]], [([[1.0, 0.0]], [0.0, 0.0])]), ValueError,
     r"layers\[0\].b has 2 entries but layers\[0\].W has 1 rows"),
    (lambda: deep_forward([[1.0, 2.0]], "layers"), TypeError, "layers must be a list of \\(W, b\\) pairs"),
    (lambda: deep_forward([[1.0, 2.0]], [[1.0, 2.0, 3.0]]), TypeError, r"layers\[0\] should be a pair \(W, b\)"),
    (lambda: deep_backward([[1.0, 2.0]], [[1.0, 2.0]], LAYERS), ValueError,
     r"target has shape \(1, 2\) but the network's output y has shape \(1, 1\)"),
    (lambda: gradient_norms_per_layer(1, 4), ValueError, "depth must be at least 2, but got 1"),
    (lambda: gradient_norms_per_layer(5, 4.0), TypeError, "width must be a whole number such as 4, but got 4.0"),
    (lambda: gradient_norms_per_layer(5, 4, init_scale="huge"), TypeError,
     "init_scale should be 'xavier', 'he' or a number such as 0.01, but got 'huge'"),
    (lambda: gradient_norms_per_layer(5, 4, init_scale=-1.0), ValueError, "init_scale should be .* 0 or more"),
    (lambda: init_deep_network([4]), ValueError, r"layer_sizes should list at least 2 sizes.*\[4\]"),
    (lambda: init_deep_network([4, 0, 1]), ValueError, r"layer_sizes\[1\] must be at least 1, but got 0"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()
