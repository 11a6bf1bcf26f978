"""Tests for ``helpers.training``: starting parameters and gradient descent.

``train`` is compared with loops written here: one calling ``helpers.learning.backward`` step by
step (the course's own gradients, tested on their own in test_learning.py), and one step against
central differences of a forward pass written here, which does not use ``backward`` at all.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.datasets import accuracy, make_dataset, train_test_split
from helpers.learning import backward
from helpers.maths import relu, sigmoid, tanh
from helpers.training import (DIVERGES_ABOVE, Network, Progress, TrainingDiverged, TrainingResult, init_network,
                              network_accuracy, train)

OUTPUTS = {"none": None, "relu": relu, "sigmoid": sigmoid, "tanh": tanh}
Y_OF = {"none": lambda z: z, "relu": lambda z: np.maximum(z, 0.0),
        "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)), "tanh": np.tanh}


def loop_with_backward(X, target, W1, b1, W2, b2, learning_rate, steps, output=None, weight_decay=0.0):
    """Gradient descent written out around the course's backward: the losses and the parameters after each step."""
    W1, b1, W2, b2 = (np.array(a, dtype=float) for a in (W1, b1, W2, b2))
    losses, history = [], [(W1.copy(), b1.copy(), W2.copy(), b2.copy())]
    for _ in range(steps):
        grads = backward(X, target, W1, b1, W2, b2, output_activation=output)
        losses.append(grads.loss)
        W1 = W1 - learning_rate * (grads.dW1 + 2 * weight_decay * W1)
        b1 = b1 - learning_rate * grads.db1
        W2 = W2 - learning_rate * (grads.dW2 + 2 * weight_decay * W2)
        b2 = b2 - learning_rate * grads.db2
        history.append((W1.copy(), b1.copy(), W2.copy(), b2.copy()))
    losses.append(backward(X, target, W1, b1, W2, b2, output_activation=output).loss)
    return np.array(losses), history


def loss_written_out(X, target, W1, b1, W2, b2, output="none"):
    y = Y_OF[output](np.maximum(X @ W1.T + b1, 0.0) @ W2.T + b2)
    return np.mean((y - target) ** 2)


@st.composite
def problems(draw):
    """A random small network and batch, with z1 and z2 kept away from ReLU's kink."""
    n_inputs, n_hidden, n_outputs, n_samples = (draw(st.integers(1, 4)) for _ in range(4))
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    X = rng.uniform(-2, 2, (n_samples, n_inputs))
    target = rng.uniform(-1, 1, (n_samples, n_outputs))
    W1, b1, W2, b2 = init_network(n_inputs, n_hidden, n_outputs, seed=draw(st.integers(0, 1000)), scale=0.7)
    b1, b2 = b1 + rng.uniform(-0.5, 0.5, n_hidden), b2 + rng.uniform(-0.5, 0.5, n_outputs)
    z1 = X @ W1.T + b1
    assume(np.all(np.abs(z1) > 1e-3) and np.all(np.abs(np.maximum(z1, 0) @ W2.T + b2) > 1e-3))
    return X, target, W1, b1, W2, b2


@settings(deadline=None)
@given(problems(), st.sampled_from(list(OUTPUTS)), st.integers(0, 12), st.sampled_from([0.0, 0.01, 0.3]))
def test_train_is_the_loop_around_backward(problem, output, steps, weight_decay):
    X, target, W1, b1, W2, b2 = problem
    result = train(X, target, W1, b1, W2, b2, learning_rate=0.05, steps=steps, output_activation=OUTPUTS[output],
                   weight_decay=weight_decay)
    losses, history = loop_with_backward(X, target, W1, b1, W2, b2, 0.05, steps, OUTPUTS[output], weight_decay)
    np.testing.assert_allclose(result.losses, losses, rtol=1e-10, atol=1e-13)
    for got, want in zip(result.network, history[-1]):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-13)
        assert got.shape == want.shape
    assert result.best_step == steps and len(result.losses) == steps + 1 and result.test_losses is None


@settings(deadline=None)
@given(problems(), st.sampled_from(list(OUTPUTS)))
def test_one_step_moves_against_the_nudged_slope(problem, output):
    X, target, W1, b1, W2, b2 = problem
    start = [a.copy() for a in (W1, b1, W2, b2)]
    learning_rate, h = 0.1, 1e-6
    moved = train(X, target, W1, b1, W2, b2, learning_rate, 1, output_activation=OUTPUTS[output]).network
    for k, parameter in enumerate(start):
        slope = np.zeros_like(parameter)
        for index in np.ndindex(parameter.shape):
            nudged = [a.copy() for a in start]
            nudged[k][index] += h
            up = loss_written_out(X, target, *nudged, output)
            nudged[k][index] -= 2 * h
            down = loss_written_out(X, target, *nudged, output)
            slope[index] = (up - down) / (2 * h)
        np.testing.assert_allclose(moved[k], parameter - learning_rate * slope, atol=1e-7)


def test_worked_steps():
    result = train([[1.0], [2.0]], [[2.0], [4.0]], [[1.0]], [0.0], [[1.0]], [0.0], learning_rate=0.05, steps=1)
    # By hand: y = x is 1 and 2 too low; dL/dy = y − target = [−1, −2];
    # every gradient is −5 (the weights) or −3 (the biases).
    assert result.losses[0] == 2.5
    np.testing.assert_allclose(np.concatenate([a.ravel() for a in result.network]), [1.25, 0.15, 1.25, 0.15])
    # After the step y = 1.25 (1.25 x + 0.15) + 0.15: 1.9 and 3.4625 for targets 2 and 4.
    assert result.losses[1] == pytest.approx((0.1 ** 2 + 0.5375 ** 2) / 2, rel=1e-12)


def test_the_starting_arrays_are_left_alone():
    W1, b1, W2, b2 = init_network(2, 3, 1, seed=4)
    kept = [a.copy() for a in (W1, b1, W2, b2)]
    X, target = make_dataset("band", 20)
    result = train(X, target, W1, b1, W2, b2, 0.1, 5)
    for a, b in zip((W1, b1, W2, b2), kept):
        np.testing.assert_array_equal(a, b)
    assert not np.shares_memory(result.W1, W1)


def test_a_run_is_repeatable():
    X, target = make_dataset("xor", 100, noise=0.1, seed=2)
    first = train(X, target, *init_network(2, 8, 1, seed=5), learning_rate=0.1, steps=50)
    again = train(X, target, *init_network(2, 8, 1, seed=5), learning_rate=0.1, steps=50)
    other = train(X, target, *init_network(2, 8, 1, seed=6), learning_rate=0.1, steps=50)
    for a, b in zip(first, again):
        if isinstance(a, np.ndarray):
            np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first.losses, other.losses)


def test_training_finds_the_band():
    X, target = make_dataset("band", 200, seed=0)
    result = train(X, target, *init_network(2, 8, 1, seed=0), learning_rate=0.1, steps=2000)
    assert result.losses[-1] < 0.5 * result.losses[0]
    y = np.maximum(X @ result.W1.T + result.b1, 0) @ result.W2.T + result.b2
    assert accuracy(y, target) >= 0.95


def test_equal_starting_weights_stay_equal():
    """Chapter 11's symmetry: neurons that start the same get the same gradient, so they stay the same."""
    X, target = make_dataset("circle", 60, seed=1)
    W1, b1, W2, b2 = np.full((4, 2), 0.5), np.full(4, 0.1), np.full((1, 4), 0.3), np.zeros(1)
    result = train(X, target, W1, b1, W2, b2, learning_rate=0.1, steps=100)
    assert not np.allclose(result.W1, W1)                      # they did move...
    np.testing.assert_allclose(result.W1, np.tile(result.W1[0], (4, 1)), rtol=1e-12)   # ...all together
    np.testing.assert_allclose(result.W2, result.W2[0, 0], rtol=1e-12)


def test_weight_decay_shrinks_the_weights():
    X, target = make_dataset("square", 100, seed=3)
    start = init_network(2, 8, 1, seed=1)
    plain = train(X, target, *start, learning_rate=0.1, steps=300)
    decayed = train(X, target, *start, learning_rate=0.1, steps=300, weight_decay=0.01)
    size = lambda r: np.sum(r.W1 ** 2) + np.sum(r.W2 ** 2)
    assert size(decayed) < size(plain)


# ---------------------------------------------------------------------------
# Test loss, early stopping, the callback
# ---------------------------------------------------------------------------

def overfitting_run(**options):
    """Chapter 13's picture: 30 hidden neurons on 20 noisy XOR points; the test loss is lowest early on."""
    X, target = make_dataset("xor", 40, noise=0.2, seed=1)
    split = train_test_split(X, target, 0.5, seed=0)
    start = init_network(2, 30, 1, seed=0)
    return split, start, train(split.X_train, split.target_train, *start, learning_rate=0.05, steps=3000,
                               X_test=split.X_test, target_test=split.target_test, **options)


def test_the_test_loss_is_recorded_at_every_step():
    split, start, result = overfitting_run()
    assert result.test_losses.shape == result.losses.shape == (3001,)
    _, history = loop_with_backward(split.X_train, split.target_train, *start, 0.05, 400)
    for k in (0, 1, 66, 400):
        want = loss_written_out(split.X_test, split.target_test, *history[k])
        assert result.test_losses[k] == pytest.approx(want, rel=1e-10)


def test_overfitting_shows_in_the_two_losses():
    _, _, result = overfitting_run()
    best = int(np.argmin(result.test_losses))
    assert result.losses[-1] < 0.2 * result.losses[best]             # training goes on improving...
    assert result.test_losses[-1] > 2 * result.test_losses[best]      # ...while the test loss has doubled


def test_early_stopping_returns_the_parameters_with_the_lowest_test_loss():
    split, start, result = overfitting_run(early_stopping=True)
    best = int(np.argmin(result.test_losses))
    assert result.best_step == best and 0 < best < 3000
    _, history = loop_with_backward(split.X_train, split.target_train, *start, 0.05, best)
    for got, want in zip(result.network, history[best]):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-13)
    assert len(result.losses) == 3001                           # without patience it still runs every step


def test_patience_stops_once_the_test_loss_stops_improving():
    _, _, full = overfitting_run(early_stopping=True)
    _, _, patient = overfitting_run(patience=20)                 # patience turns early stopping on
    n = len(patient.losses)
    np.testing.assert_array_equal(patient.test_losses, full.test_losses[:n])
    best = int(np.argmin(patient.test_losses))
    assert patient.best_step == best and n == best + 20 + 1      # 20 steps without a new lowest test loss
    assert all(k - int(np.argmin(full.test_losses[:k + 1])) < 20 for k in range(n - 1))   # and not sooner


def test_the_callback_sees_the_run():
    X, target = make_dataset("band", 30)
    seen = []
    result = train(X, target, *init_network(2, 3, 1), learning_rate=0.1, steps=25, every=10,
                   callback=lambda progress: seen.append(progress))
    assert [p.step for p in seen] == [0, 10, 20, 25]
    assert all(isinstance(p, Progress) and p.test_loss is None for p in seen)
    assert [p.loss for p in seen] == [result.losses[k] for k in (0, 10, 20, 25)]
    np.testing.assert_array_equal(seen[-1].W1, result.W1)
    assert not np.shares_memory(seen[-1].W1, result.W1)


def test_a_callback_returning_true_stops_the_run():
    X, target = make_dataset("band", 30)
    result = train(X, target, *init_network(2, 3, 1), learning_rate=0.1, steps=100, every=5,
                   callback=lambda progress: progress.step >= 15)
    assert len(result.losses) == 16 and result.best_step == 15


# ---------------------------------------------------------------------------
# A run that diverges
# ---------------------------------------------------------------------------

def test_a_diverging_run_names_the_learning_rate_and_the_step():
    X, target = make_dataset("band", 200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                          # no overflow warnings on the way
        with pytest.raises(TrainingDiverged) as caught:
            train(X, target, *init_network(2, 8, 1), learning_rate=0.3, steps=1000)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.learning_rate == 0.3 and 0 < error.step < 1000
    assert f"diverged at step {error.step} of 1000 with learning_rate = 0.3" in str(error)
    assert "Try a smaller learning rate, such as 0.03" in str(error)
    assert len(error.losses) == error.step + 1
    assert np.all(np.isfinite(error.losses[:-1]))
    assert not error.losses[-1] <= DIVERGES_ABOVE * max(error.losses[0], 1.0)
    assert isinstance(error.result, TrainingResult) and error.result.best_step == error.step
    # the losses up to there are the loop's
    losses, _ = loop_with_backward(X, target, *init_network(2, 8, 1), 0.3, error.step - 1)
    np.testing.assert_allclose(error.losses[:-1], losses, rtol=1e-9)


def test_a_loss_that_becomes_infinite_or_nan_is_caught():
    X, target = np.array([[1.0], [2.0]]), np.array([[2.0], [4.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged,
                           match=r"diverged at step 0 of 3 .*the loss is already (inf|nan) before the first step"):
            train(X, target, [[1e200]], [0.0], [[1e200]], [0.0], learning_rate=0.1, steps=3)
        with pytest.raises(TrainingDiverged, match="learning_rate = 1e\\+10") as caught:
            train(X, target, [[1.0]], [0.0], [[1.0]], [0.0], learning_rate=1e10, steps=50)
    assert caught.value.step == 1


# ---------------------------------------------------------------------------
# init_network
# ---------------------------------------------------------------------------

def test_init_network_shapes_and_seed():
    network = init_network(3, 5, 2, seed=7)
    assert isinstance(network, Network)
    assert [a.shape for a in network] == [(5, 3), (5,), (2, 5), (2,)]
    assert not network.b1.any() and not network.b2.any()
    np.testing.assert_array_equal(network.W1, init_network(3, 5, 2, seed=7).W1)
    assert not np.array_equal(network.W1, init_network(3, 5, 2, seed=8).W1)


def test_init_network_scales():
    wide = init_network(400, 300, 200, seed=0)
    assert np.std(wide.W1) == pytest.approx(np.sqrt(2 / 400), rel=0.02)     # He, for ReLU
    assert np.std(wide.W2) == pytest.approx(np.sqrt(1 / 300), rel=0.02)
    assert np.std(init_network(400, 300, 1, scale=0.5).W1) == pytest.approx(0.5, rel=0.02)
    assert not init_network(2, 3, 1, scale=0).W1.any()


def test_init_network_errors():
    with pytest.raises(TypeError, match="n_hidden must be a whole number such as 8, but got 2.5"):
        init_network(2, 2.5, 1)
    with pytest.raises(ValueError, match="n_inputs must be at least 1, but got 0"):
        init_network(0, 3, 1)
    with pytest.raises(ValueError, match="scale must be a number of 0 or more, such as 0.5, but got -1.0"):
        init_network(2, 3, 1, scale=-1)
    with pytest.raises(TypeError, match="scale must be a number such as 0.5, but got 'small'"):
        init_network(2, 3, 1, scale="small")


# ---------------------------------------------------------------------------
# Bad input to train
# ---------------------------------------------------------------------------

X4, T4 = np.zeros((4, 2)), np.zeros((4, 1))
NET = init_network(2, 3, 1)


@pytest.mark.parametrize("change, error, message", [
    ({"X": np.zeros(2)}, ValueError, r"train needs a batch X of shape \(n_samples, n_inputs\), but X has shape \(2,\)"),
    ({"X": "points"}, TypeError, "X must be numbers, but got the text 'points'"),
    ({"X": [[0, float("nan")]] * 4}, ValueError, r"X contains NaN at position \(0, 1\)"),
    ({"X": [[0, 1], [1]]}, ValueError, "X is a ragged list"),
    ({"target": np.zeros((1, 4))}, ValueError, r"target has shape \(1, 4\).*transposed"),
    ({"target": np.zeros(4)}, ValueError, r"target has shape \(4,\)"),
    ({"W1": NET.W1.T}, ValueError, r"W1 has shape \(2, 3\).*transposed"),
    ({"learning_rate": 0}, ValueError, "learning_rate must be a positive number, such as 0.1, but got 0.0"),
    ({"learning_rate": -0.1}, ValueError, "learning_rate must be a positive number"),
    ({"learning_rate": float("nan")}, ValueError, "learning_rate must be a positive number"),
    ({"learning_rate": "0.1"}, TypeError, "learning_rate must be a number such as 0.1, but got '0.1'"),
    ({"steps": -1}, ValueError, "steps must be at least 0, but got -1"),
    ({"steps": 10.0}, TypeError, "steps must be a whole number such as 1000, but got 10.0"),
    ({"weight_decay": -0.01}, ValueError, "weight_decay must be a number of 0 or more"),
    ({"every": 0}, ValueError, "every must be at least 1"),
    ({"callback": 3}, TypeError, "callback must be a function taking a Progress, or None, but got 3"),
    ({"X_test": X4}, ValueError, "give both X_test and target_test"),
    ({"early_stopping": True}, ValueError, "early stopping watches the test loss: give X_test and target_test"),
    ({"X_test": np.zeros((3, 3)), "target_test": np.zeros((3, 1))}, ValueError,
     r"X_test has shape \(3, 3\), but the network reads 2 inputs .*should have shape \(n_test, 2\)"),
    ({"X_test": np.zeros((3, 2)), "target_test": np.zeros((1, 3))}, ValueError,
     r"target_test has shape \(1, 3\), but 3 test points with 1 output\(s\) need shape \(3, 1\)"),
    ({"X_test": np.zeros((3, 2)), "target_test": [0, "a", 1]}, TypeError, "target_test must contain only numbers"),
    ({"early_stopping": "yes"}, TypeError, "early_stopping must be True or False, but got 'yes'"),
    ({"patience": 5}, ValueError, "early stopping watches the test loss"),
    ({"output_activation": "softmax"}, ValueError, "output_activation should be relu, sigmoid, tanh or None"),
])
def test_bad_input_is_named(change, error, message):
    arguments = dict(X=X4, target=T4, W1=NET.W1, b1=NET.b1, W2=NET.W2, b2=NET.b2, learning_rate=0.1, steps=3)
    arguments.update(change)
    with pytest.raises(error, match=message):
        train(**arguments)


@pytest.mark.parametrize("given_as, function", [("none", None), ("ReLU", relu), ("sigmoid", sigmoid), ("tanh", tanh)])
def test_output_activations_by_name_or_function(given_as, function):
    X, target = make_dataset("band", 30)
    by_name = train(X, target, *NET, learning_rate=0.1, steps=5, output_activation=given_as)
    by_function = train(X, target, *NET, learning_rate=0.1, steps=5, output_activation=function)
    np.testing.assert_array_equal(by_name.losses, by_function.losses)
    losses, _ = loop_with_backward(X, target, *NET, 0.1, 5, function)
    np.testing.assert_allclose(by_name.losses, losses, rtol=1e-12)


def test_network_accuracy_counts_the_points_a_per_point_loop_puts_on_their_side():
    X, target = make_dataset("circle", 60, noise=0.1, seed=3)
    network = init_network(2, 5, 1, seed=4)
    W1, b1, W2, b2 = network
    right = 0
    for x, t in zip(X, target):
        h = [max(0.0, sum(W1[j, i] * x[i] for i in range(2)) + b1[j]) for j in range(5)]
        y = sum(W2[0, j] * h[j] for j in range(5)) + b2[0]
        right += (y > 1e-9) == (t[0] > 0)
    assert network_accuracy(network, X, target) == pytest.approx(right / len(X))
