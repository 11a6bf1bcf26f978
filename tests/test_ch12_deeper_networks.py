"""Chapter 12: the maths the chapter adds to ``helpers.deep``, its checks (every solution passes, every
named mistake is named, stubs are not attempted), its pictures and its explorer, each against an
independent computation: loops over samples and neurons, central differences, exact fractions."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from helpers.chapters import ch12_deeper_networks as ch12
from helpers.deep import activation_slope, deep_backward, gradient_norms_per_layer, init_deep_network, layer_signal
from helpers.deep import narrow_data, narrow_network
from helpers.explorers.deep import DeepExplorer, deep_formula, deep_summary, GAIN_PRESETS
from helpers.pictures.deep import (describe_gradient_bars, describe_slope_curves, format_size, gradient_bars,
                                   update_gradient_bars)

ACTIVATIONS = {
    "sigmoid": (lambda z: 1.0 / (1.0 + math.exp(-z)), lambda z, h: h * (1.0 - h)),
    "tanh": (math.tanh, lambda z, h: 1.0 - h * h),
    "relu": (lambda z: max(z, 0.0), lambda z, h: 1.0 if z > 0 else 0.0),
}


def independent_signal(depth: int, width: int, activation: str, gain: float, bias: float, seed: int = 0,
                       n_samples: int = 64) -> tuple[list[float], list[float]]:
    """The size of every layer's dL/dW and the mean slope of every hidden layer, for the chapter's deep
    narrow network, computed with loops over samples and neurons (no helpers.deep): the weights are
    drawn as the chapter says (a normal distribution seeded by ``seed``, one layer after the other,
    spread gain/√width), the data from the seed's own stream [seed, 1]; L is the mean of (y − target)².
    Also the oracle of the browser test."""
    act, slope = ACTIVATIONS[activation.lower()]
    rng = np.random.default_rng(seed)
    sizes = [width] * depth + [1]
    Ws = [rng.normal(0.0, 1.0, (n_out, n_in)) * (gain / math.sqrt(width)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    bs = [[bias] * n_out for n_out in sizes[1:-1]] + [[0.0]]
    data = np.random.default_rng([seed, 1])
    X, target = data.normal(size=(n_samples, width)), data.normal(size=(n_samples, 1))
    dWs = [np.zeros_like(W) for W in Ws]
    slope_sums = [0.0] * (depth - 1)
    for s in range(n_samples):
        hs, zs = [list(X[s])], []
        for k, (W, b) in enumerate(zip(Ws, bs)):
            z = [sum(W[j, i] * hs[-1][i] for i in range(len(hs[-1]))) + b[j] for j in range(len(b))]
            zs.append(z)
            hs.append(z if k == depth - 1 else [act(v) for v in z])
        delta = [2.0 * (hs[-1][0] - target[s, 0]) / n_samples]
        for k in range(depth - 1, -1, -1):
            for j in range(len(delta)):
                for i in range(len(hs[k])):
                    dWs[k][j, i] += delta[j] * hs[k][i]
            if k > 0:
                slopes = [slope(z, h) for z, h in zip(zs[k - 1], hs[k])]
                slope_sums[k - 1] += sum(slopes)
                delta = [sum(delta[j] * Ws[k][j, i] for j in range(len(delta))) * slopes[i] for i in range(len(hs[k]))]
    norms = [math.sqrt(sum(v * v for v in dW.ravel())) for dW in dWs]
    return norms, [total / (n_samples * width) for total in slope_sums]


# ---------------------------------------------------------------------------
# The maths (helpers.deep, the parts chapter 12 added)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("depth, width, activation, gain, bias", [
    (8, 8, "sigmoid", 1.0, 0.0), (5, 3, "tanh", 1.3, 0.4), (4, 6, "relu", 1.41, -0.2), (3, 2, "sigmoid", 0.1, 1.0),
])
def test_layer_signal_matches_loops_over_samples_and_neurons(depth, width, activation, gain, bias):
    signal = layer_signal(depth, width, activation, gain, bias, n_samples=12)
    norms, slopes = independent_signal(depth, width, activation, gain, bias, n_samples=12)
    np.testing.assert_allclose(signal.norms, norms, rtol=1e-10)
    np.testing.assert_allclose(signal.slopes, slopes, rtol=1e-10)


def test_narrow_network_is_init_deep_network_with_the_spread_and_the_bias():
    layers = narrow_network(4, 9, gain=1.5, bias=-0.5, seed=3)
    plain = init_deep_network([9] * 4 + [1], 1.5 / 3, seed=3)
    for k, ((W, b), (W0, _)) in enumerate(zip(layers, plain)):
        np.testing.assert_array_equal(W, W0)
        np.testing.assert_array_equal(b, np.full(len(b), -0.5 if k < 3 else 0.0))
    wide = narrow_network(2, 400, gain=1.0)
    assert np.std(wide[0].W) == pytest.approx(1 / 20, rel=0.02)


def test_gradient_norms_per_layer_still_uses_the_data_narrow_data_gives():
    X, target = narrow_data(3, 10, seed=4)
    layers = init_deep_network([3] * 5 + [1], "xavier", seed=4)
    want = [np.linalg.norm(dW) for dW in deep_backward(X, target, layers, "tanh").dW]
    np.testing.assert_allclose(gradient_norms_per_layer(5, 3, "tanh", "xavier", seed=4, n_samples=10), want, rtol=1e-12)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_activation_slope_matches_central_differences(activation):
    act = np.vectorize(ACTIVATIONS[activation][0])
    z = np.array([-3.1, -0.7, 0.0001, 0.4, 2.5])
    h = 1e-6
    np.testing.assert_allclose(activation_slope(activation, z), (act(z + h) - act(z - h)) / (2 * h), rtol=1e-6, atol=1e-9)


def test_the_slope_of_sigmoid_is_never_above_a_quarter():
    z = np.linspace(-20, 20, 40001)
    slopes = activation_slope("sigmoid", z)
    assert slopes.max() == 0.25 and z[slopes.argmax()] == 0


@pytest.mark.parametrize("arguments, error", [
    ((4, 3, "big"), TypeError), ((4, 3, -1.0), ValueError), ((4, 3, 1.0, "zero"), TypeError),
    ((4, 3, 1.0, float("nan")), ValueError), ((1, 3), ValueError), ((4, 0), ValueError),
])
def test_narrow_network_rejects_bad_settings_in_plain_words(arguments, error):
    with pytest.raises(error, match="should|must"):
        narrow_network(*arguments)


@pytest.mark.parametrize("n_sigmoid, weight", [(5, 1.0), (5, 2.0), (3, 0.5)])
def test_the_chain_multiplies_by_w_times_a_quarter_at_each_sigmoid_neuron(n_sigmoid, weight):
    grads = deep_backward([[0.0]], [[1.0]], ch12.sigmoid_chain(n_sigmoid, weight), "sigmoid")
    assert all(z.item() == 0 for z in grads.forward.z[:-1])
    deltas = [Fraction(d.item()) for d in grads.delta]
    factor = Fraction(weight) * Fraction(1, 4)
    assert [deltas[k] / deltas[-1] for k in range(n_sigmoid + 1)] == [factor ** (n_sigmoid - k) for k in range(n_sigmoid + 1)]


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

def status(check, *answer) -> str:
    return check.judge(*answer).status


def message(check, *answer) -> str:
    return check.judge(*answer).message


def test_the_largest_slope_of_sigmoid():
    s = 1 / (1 + math.exp(0))
    assert status(ch12.check_largest_sigmoid_slope, s * (1 - s)) == "correct"
    assert status(ch12.check_largest_sigmoid_slope, 0.25) == "correct"


@pytest.mark.parametrize("answer, named", [
    (0.5, "sigmoid(0), the value"), (1, "largest slope of tanh"), (0, "largest slope, at z = 0"),
    (-0.25, "never negative"), ("0.25", "text"), ([0.25, 0.5], "one number"),
])
def test_slips_about_the_largest_slope_are_named(answer, named):
    assert named in message(ch12.check_largest_sigmoid_slope, answer)


def test_the_chain_factor_is_right_by_exact_fractions():
    right = (Fraction(2) * Fraction(1, 4)) ** 5
    assert status(ch12.check_chain_factor, float(right)) == "correct"
    grads = deep_backward([[0.0]], [[1.0]], ch12.sigmoid_chain(ch12.CHAIN_LAYERS, ch12.CHAIN_WEIGHT), "sigmoid")
    assert status(ch12.check_chain_factor, grads.delta[0].item() / grads.delta[-1].item()) == "correct"


@pytest.mark.parametrize("answer, named", [
    (0.25 ** 5, "left out the weights"), (5 * 2 * 0.25, "added the factors"), (5 * 0.25, "added the slopes"),
    (0.5 ** 4, "One factor short"), (0.5 ** 6, "One factor too many"), (1.0, "sigmoid(0) = 0.5 for the slope"),
    (0.5, "one layer's factor"), (0.3, "Multiply the 5 factors"),
])
def test_slips_about_the_chain_are_named(answer, named):
    assert named in message(ch12.check_chain_factor, answer)


def weight_spread(n_inputs, activation):  # the chapter's solution
    if activation == "relu":
        return np.sqrt(2 / n_inputs)
    return 1 / np.sqrt(n_inputs)


def test_the_weight_spread_solution_is_correct_and_keeps_z_spread_like_its_inputs():
    assert status(ch12.check_weight_spread, weight_spread) == "correct"
    rng = np.random.default_rng(5)
    x = rng.normal(size=(4000, 200))
    z = x @ (rng.normal(size=(200, 50)) * weight_spread(200, "tanh"))
    assert np.std(z) == pytest.approx(1.0, rel=0.05)


@pytest.mark.parametrize("function, named", [
    (lambda n, a: 2 / n if a == "relu" else 1 / n, "forgot the square root"),
    (lambda n, a: math.sqrt(2 / n), "He's √(2/n_inputs) for sigmoid and tanh too"),
    (lambda n, a: 1 / math.sqrt(n), "gave ReLU the same"),
    (lambda n, a: 1 / math.sqrt(n) if a == "relu" else math.sqrt(2 / n), "swapped"),
    (lambda n, a: math.sqrt(n), "grows with n_inputs"),
    (lambda n, a: 0.01, "small constant"),
    (lambda n, a: 0.3, "twice the variance"),
    (lambda n, a: print(n), "returned None"),
    (lambda n: 1, "raised TypeError"),
])
def test_slips_in_the_weight_spread_are_named(function, named):
    assert named in message(ch12.check_weight_spread, function)


def gradient_sizes(dWs):  # the chapter's solution
    return [np.sqrt(np.sum(dW ** 2)) for dW in dWs]


def test_the_gradient_sizes_solution_is_correct_and_gives_the_bars_of_the_chapter():
    assert status(ch12.check_gradient_sizes, gradient_sizes) == "correct"
    assert status(ch12.check_gradient_sizes, lambda dWs: [np.linalg.norm(dW) for dW in dWs]) == "correct"
    assert gradient_sizes(ch12.SIZE_CASES[0][0]) == [5.0, 3.0]  # √(9 + 16) and √(1 + 4 + 4)


@pytest.mark.parametrize("function, named", [
    (lambda dWs: [float(np.sum(dW ** 2)) for dW in dWs], "no square root"),
    (lambda dWs: [float(np.sum(np.abs(dW))) for dW in dWs], "absolute values"),
    (lambda dWs: [float(np.max(np.abs(dW))) for dW in dWs], "largest entry"),
    (lambda dWs: [float(np.mean(np.abs(dW))) for dW in dWs], "averaged"),
    (lambda dWs: [float(np.linalg.norm(dW)) for dW in dWs][::-1], "reverse order"),
    (lambda dWs: [np.linalg.norm(dW) for dW in dWs] and None, "returned None"),
    (lambda dWs: [1.0] * len(dWs), "square every entry"),
])
def test_slips_in_the_gradient_sizes_are_named(function, named):
    assert named in message(ch12.check_gradient_sizes, function)


@pytest.mark.parametrize("check", [ch12.check_largest_sigmoid_slope, ch12.check_chain_factor,
                                   ch12.check_weight_spread, ch12.check_gradient_sizes])
def test_stubs_are_not_attempted(check):
    def stub(*args):
        ...

    assert status(check, ...) == "not attempted"
    assert status(check, None) == "not attempted"
    if check in (ch12.check_weight_spread, ch12.check_gradient_sizes):
        assert status(check, stub) == "not attempted"


@pytest.mark.parametrize("check", [ch12.check_largest_sigmoid_slope, ch12.check_chain_factor,
                                   ch12.check_weight_spread, ch12.check_gradient_sizes])
@pytest.mark.parametrize("odd", ["text", [1, 2], {"a": 1}, float("nan"), lambda *a: 1 / 0, 3])
def test_odd_answers_get_a_message_not_a_crash(check, odd, capsys):
    check(odd)
    said = capsys.readouterr().out
    assert said.startswith("❌ Not yet.") and "Traceback" not in said


# ---------------------------------------------------------------------------
# The pictures
# ---------------------------------------------------------------------------

def test_format_size_writes_two_significant_digits():
    assert [format_size(v) for v in (0.7563, 0.01578, 0.0011, 1.672e-05, 3.3e-16, 12.3, 0, 9.96e-7)] == [
        "0.76", "0.016", "0.0011", "1.7×10⁻⁵", "3.3×10⁻¹⁶", "12", "0", "1×10⁻⁶"]


def test_the_bars_are_as_high_as_an_independent_loop_says():
    norms, _ = independent_signal(6, 4, "sigmoid", 1.0, 0.0, n_samples=16)
    artists = gradient_bars(layer_signal(6, 4, "sigmoid", 1.0, 0.0, n_samples=16).norms)
    bars = artists["bars"]
    tops = [bar.get_y() + bar.get_height() for bar in bars if bar.get_visible()]
    np.testing.assert_allclose(tops, norms, rtol=1e-9)
    assert [bar.get_visible() for bar in bars] == [True] * 6 + [False] * (len(bars) - 6)
    assert [bar.get_hatch() for bar in bars[:6]] == [None] * 5 + ["//"]  # the output layer, not by colour alone
    ax = bars[0].axes
    assert ax.get_yscale() == "log" and ax.get_xlim() == (0.5, 8.5)  # room for 8: the axis moves in steps of 4
    bottom, top = ax.get_ylim()
    assert bottom <= min(norms) and top >= max(norms) and math.log10(bottom) % 1 == 0
    np.testing.assert_allclose(artists["level"].get_ydata(), [norms[-1]] * 2)


def test_the_log_axis_holds_every_bar_and_stays_put_while_a_slider_moves():
    # A new axis redraws the whole picture; moving "neurons per layer" step by step should not
    # change it at nearly every step, yet every bar must stay between its limits.
    explorer = DeepExplorer()
    ax = explorer.figure.axes[0]
    limits = [ax.get_ylim()]
    for width in [*range(9, 17), *range(15, 0, -1), *range(2, 9)]:
        explorer.width_slider.value = width
        bottom, top = ax.get_ylim()
        norms = layer_signal(explorer.depth_slider.value, width, "sigmoid", 1.0, 0.0).norms
        positive = norms[norms > 0]
        assert bottom <= positive.min() and positive.max() <= top, (width, norms, (bottom, top))
        assert math.log10(bottom) % 1 == 0 and math.log10(top) % 1 == 0
        limits.append((bottom, top))
    changes = sum(a != b for a, b in zip(limits, limits[1:]))
    # Without steadying it changed at all 30 steps.
    assert changes <= (len(limits) - 1) / 4, f"the log axis changed {changes} times in {len(limits) - 1} steps"


def test_the_explorers_layer_axis_shows_every_bar_and_never_moves():
    explorer = DeepExplorer()
    ax = explorer.figure.axes[0]
    limits, log_limits = [], []
    for depth in [*range(2, 17), *range(15, 1, -1)]:
        explorer.depth_slider.value = depth
        log_limits.append(ax.get_ylim())
        visible = [bar for bar in explorer.artists["bars"] if bar.get_visible()]
        centres = [bar.get_x() + bar.get_width() / 2 for bar in visible]
        low, high = ax.get_xlim()
        assert centres == list(range(1, depth + 1)) and low < 1 and depth < high, (depth, (low, high))
        limits.append((low, high))
    changes = sum(a != b for a, b in zip(limits, limits[1:]))
    assert changes == 0, f"the layer axis moved {changes} times in {len(limits) - 1} steps"  # it moved at every one
    log_changes = sum(a != b for a, b in zip(log_limits, log_limits[1:]))
    assert log_changes <= (len(log_limits) - 1) / 4, f"the log axis moved {log_changes} times"


def test_updating_the_bars_to_fewer_layers_hides_the_rest_and_zero_gets_no_bar():
    artists = gradient_bars([1e-3, 1e-2, 0.1, 1.0])
    update_gradient_bars(artists, [0.0, 0.5])
    visible = [bar for bar in artists["bars"] if bar.get_visible()]
    assert len(visible) == 2 and visible[0].get_height() == 0
    assert visible[1].get_y() + visible[1].get_height() == pytest.approx(0.5)


def test_the_descriptions_say_what_is_drawn():
    text = describe_gradient_bars([1.672e-5, 0.1, 0.7563])
    assert "1.7×10⁻⁵, 0.1, 0.76" in text and f"{format_size(1.672e-5 / 0.7563)} times the output layer's" in text
    s4 = 1 / (1 + math.exp(-4))
    assert f"{s4 * (1 - s4):.3f}" in describe_slope_curves() and "0.25" in describe_slope_curves()


# ---------------------------------------------------------------------------
# The explorer
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("settings", [
    dict(depth=8, width=8, activation="sigmoid", gain=1.0, bias=0.0),
    dict(depth=5, width=3, activation="tanh", gain=0.1, bias=0.5),
    dict(depth=12, width=6, activation="ReLU", gain=1.41, bias=0.1),
])
def test_the_explorer_shows_the_numbers_of_an_independent_loop_for_the_controls_set(settings):
    explorer = DeepExplorer()
    explorer.depth_slider.value = settings["depth"]
    explorer.width_slider.value = settings["width"]
    explorer.activation_buttons.value = settings["activation"]
    explorer.gain_slider.value = settings["gain"]
    explorer.bias_slider.value = settings["bias"]
    norms, slopes = independent_signal(**settings)
    formula = deep_formula(*settings.values(), norms, slopes)
    assert explorer.formula_text == "\n".join(formula)
    summary = deep_summary(settings["depth"], settings["activation"], settings["gain"], settings["bias"], norms)
    assert explorer.summary.value == summary
    tops = [bar.get_y() + bar.get_height() for bar in explorer.artists["bars"] if bar.get_visible()]
    np.testing.assert_allclose(tops, norms, rtol=1e-9)
    assert f"{settings['depth']} layers" in formula[0] and f"layer 1 {format_size(norms[0])}" in formula[2]


def test_the_default_explorer_says_the_sigmoid_signal_vanishes():
    explorer = DeepExplorer()
    norms, slopes = independent_signal(8, 8, "sigmoid", 1.0, 0.0)
    ratio = norms[0] / norms[-1]
    assert ratio < 1e-3
    assert f"vanishes on its way back: the first layer gets {format_size(ratio)}" in explorer.summary.value
    assert f"≈ {format_size(ratio ** (1 / 7))}⁷: × {format_size(ratio ** (1 / 7))} per layer" in explorer.formula_text
    assert "[" + ", ".join(f"{s:.2f}".rstrip("0").rstrip(".") for s in slopes) + "]" in explorer.formula_text


def test_the_preset_buttons_set_the_weight_scale():
    explorer = DeepExplorer()
    for button, gain in zip(explorer.preset_buttons, GAIN_PRESETS.values()):
        button.click()
        assert explorer.gain_slider.value == gain and f"g = {gain:g}" in explorer.summary.value


def test_relu_with_a_negative_bias_switches_everything_off_and_says_so():
    explorer = DeepExplorer(activation="ReLU", gain=1.41, bias=-1.0)
    norms, _ = independent_signal(8, 8, "relu", 1.41, -1.0)
    assert norms[0] == 0
    assert "gets no gradient at all" in explorer.summary.value and "learns nothing" in explorer.formula_text
    assert "cannot be shown" not in explorer.formula.value


def test_small_weights_are_called_tiny_whatever_the_share():
    explorer = DeepExplorer(activation="tanh", gain=0.05)
    assert "Every gradient is below 10⁻⁶" in explorer.summary.value


@pytest.mark.parametrize("arguments", [dict(activation="softmax"), dict(depth=1), dict(depth=17), dict(width=0)])
def test_bad_starting_values_get_a_plain_error(arguments):
    with pytest.raises(ValueError, match="should|room for"):
        DeepExplorer(**arguments)
