"""Chapter 13: the checks (every solution passes, every named mistake is named, stubs are not attempted),
the overfitting picture and the overfitting explorer, against computations written out here."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.chapters import ch13_overfitting as ch13
from helpers.datasets import make_dataset, train_test_split
from helpers.explorers.overfitting import (INIT_SCALE, LEARNING_RATE, N_TEST, OverfittingExplorer, overfitting_formula,
                                           overfitting_run)
from helpers.pictures.overfitting import describe_overfitting, overfitting_picture
from helpers.training import init_network


def status(check, *answer) -> str:
    return check.judge(*answer).status


def message(check, *answer) -> str:
    return check.judge(*answer).message


# ---------------------------------------------------------------------------
# Exercise 1: the test set's size
# ---------------------------------------------------------------------------

def test_the_test_size_is_the_fraction_of_the_points():
    assert ch13.SPLIT_POINTS == 60 and ch13.SPLIT_FRACTION == 0.2
    right = 12  # 0.2 × 60, by hand
    assert status(ch13.check_test_size, right) == "correct"
    # and it is what train_test_split really keeps aside
    X, target = np.zeros((60, 2)), np.ones((60, 1))
    assert len(train_test_split(X, target, test_fraction=0.2, seed=3).X_test) == right


@pytest.mark.parametrize("answer, named", [
    (48, "the number left to train on"),
    (0.2, "the fraction itself"),
    (20, "That is the percentage"),
    (13, "Multiply test_fraction by the number of points"),
    ("12", "must be numbers, but got the text"),
])
def test_test_size_slips_are_named(answer, named):
    assert named in message(ch13.check_test_size, answer)


# ---------------------------------------------------------------------------
# Exercise 2: the early-stopping step
# ---------------------------------------------------------------------------

def lowest_position(values) -> int:
    """The position of the smallest value, by a loop (the first one, if two are equal)."""
    best = 0
    for k, value in enumerate(values):
        if value < values[best]:
            best = k
    return best


def test_the_best_step_is_where_the_test_loss_is_lowest():
    best = lowest_position(ch13.BEST_STEP_TEST_LOSSES)
    assert best == 3
    assert status(ch13.check_best_step, best) == "correct"
    assert status(ch13.check_best_step, np.int64(best)) == "correct"
    # the data make every slip a different number
    slips = {lowest_position(ch13.BEST_STEP_TRAIN_LOSSES), best + 1, min(ch13.BEST_STEP_TEST_LOSSES)}
    assert best not in slips and len(slips) == 3


@pytest.mark.parametrize("answer, named", [
    (7, "where the training loss is lowest"),
    (4, "counts the entries from 1"),
    (0.8, "the lowest test loss itself"),
    (2, "Find the smallest entry of the test losses"),
    ([3, 4], "Expected one number"),
])
def test_best_step_slips_are_named(answer, named):
    assert named in message(ch13.check_best_step, answer)


# ---------------------------------------------------------------------------
# Exercise 3: one step with weight decay
# ---------------------------------------------------------------------------

def decay_step_by_hand():
    """w − rate·(dL/dw + 2λw) and b − rate·dL/db, with the exercise's numbers: 2 − 0.1·(1 + 1) and 1 − 0.1·0.5."""
    return 1.8, 0.95


def test_the_decay_step_solution_is_correct():
    w, b = ch13.DECAY_W, ch13.DECAY_B
    rate, decay = ch13.DECAY_LEARNING_RATE, ch13.DECAY_WEIGHT_DECAY
    # the chapter's solution, as written in the notebook
    w_next = w - rate * (ch13.DECAY_DW + 2 * decay * w)
    b_next = b - rate * ch13.DECAY_DB
    assert (w_next, b_next) == pytest.approx(decay_step_by_hand())
    assert status(ch13.check_decay_step, w_next, b_next) == "correct"


def test_the_decay_step_is_the_slope_of_the_decayed_loss():
    """Central differences of (w·x − t)² + λ·w² at a point where the mse's slope is DECAY_DW."""
    x, decay = 1.0, ch13.DECAY_WEIGHT_DECAY
    t = ch13.DECAY_W * x - ch13.DECAY_DW / (2 * x)        # so that 2(w·x − t)·x = DECAY_DW
    loss = lambda w: (w * x - t) ** 2 + decay * w ** 2
    h = 1e-6
    slope = (loss(ch13.DECAY_W + h) - loss(ch13.DECAY_W - h)) / (2 * h)
    assert ch13.DECAY_W - ch13.DECAY_LEARNING_RATE * slope == pytest.approx(decay_step_by_hand()[0], abs=1e-8)


@pytest.mark.parametrize("w_next, b_next, named", [
    (2.2, 1.05, ["the sign is flipped", "b_next: the step went up"]),
    (1.85, 0.95, ["the factor 2 is forgotten"]),
    (1.9, 0.95, ["the step without weight decay"]),
    (2.0, 0.95, ["the decay pulls w away from 0"]),
    (0.9, 0.95, ["without the learning rate"]),
    (1.8, 0.9, ["the bias is decayed too"]),
    (1.8, 1.0, ["the bias did not move"]),
    (1.7, 0.95, ["write the gradient of w as dL/dw + 2·λ·w"]),
])
def test_decay_step_slips_are_named(w_next, b_next, named):
    said = message(ch13.check_decay_step, w_next, b_next)
    assert said.startswith("❌ Not yet.")
    for words in named:
        assert words in said


def test_a_half_filled_decay_step_is_incomplete_not_wrong():
    feedback = ch13.check_decay_step.judge(1.8, ...)
    assert feedback.status == "incomplete" and "b_next" in feedback.message


@pytest.mark.parametrize("check, arguments", [
    (ch13.check_test_size, (...,)), (ch13.check_best_step, (...,)), (ch13.check_decay_step, (..., ...)),
])
def test_stubs_are_not_attempted(check, arguments):
    assert status(check, *arguments) == "not attempted"


@pytest.mark.parametrize("odd", ["twelve", None, [1, 2, 3], {"a": 1}, float("nan")])
def test_odd_answers_get_a_message_never_a_traceback(odd, capsys):
    for check, count in ((ch13.check_test_size, 1), (ch13.check_best_step, 1), (ch13.check_decay_step, 2)):
        check(*[odd] * count)
        printed = capsys.readouterr().out
        assert printed.strip() and "Traceback" not in printed


def test_no_check_gives_its_answer_away():
    for check, answer in ((ch13.check_test_size, "12"), (ch13.check_best_step, "= 3"),
                          (ch13.check_decay_step, "1.8")):
        stub = check.judge(*[...] * check.judge.__code__.co_argcount).message
        assert answer not in (check.__doc__ or "") and answer not in stub


# ---------------------------------------------------------------------------
# The run the picture and the explorer show, against gradient descent written out here
# ---------------------------------------------------------------------------

def written_out(n_hidden, n_train, noise, weight_decay, steps, seed=7):
    """The explorer's run, by a plain loop: data, split, start, then steps of gradient descent on
    mse + weight_decay·(sum of the weights²), with the test loss after every step."""
    X, target = make_dataset("square", n_train + N_TEST, noise, seed)
    order = np.random.default_rng(0).permutation(n_train + N_TEST)
    test, train = np.sort(order[:N_TEST]), np.sort(order[N_TEST:])
    Xtr, ttr, Xte, tte = X[train], target[train], X[test], target[test]
    W1, b1, W2, b2 = (a.copy() for a in init_network(2, n_hidden, 1, seed=0, scale=INIT_SCALE))

    def forward(X_):
        Z1 = X_ @ W1.T + b1
        H = np.maximum(Z1, 0)
        return Z1, H, H @ W2.T + b2

    losses, test_losses, params = [], [], []
    for step in range(steps + 1):
        Z1, H, Y = forward(Xtr)
        losses.append(np.mean((Y - ttr) ** 2))
        test_losses.append(np.mean((forward(Xte)[2] - tte) ** 2))
        params.append((W1.copy(), b1.copy(), W2.copy(), b2.copy()))
        if step == steps:
            break
        d2 = 2 * (Y - ttr) / Y.size
        d1 = (d2 @ W2) * (Z1 > 0)
        dW1, db1, dW2, db2 = d1.T @ Xtr, d1.sum(0), d2.T @ H, d2.sum(0)
        W1 = W1 - LEARNING_RATE * (dW1 + 2 * weight_decay * W1)
        b1 = b1 - LEARNING_RATE * db1
        W2 = W2 - LEARNING_RATE * (dW2 + 2 * weight_decay * W2)
        b2 = b2 - LEARNING_RATE * db2
    best = lowest_position(test_losses)
    return dict(X_train=Xtr, target_train=ttr, X_test=Xte, target_test=tte, losses=np.array(losses),
                test_losses=np.array(test_losses), best=best, final=params[-1], best_params=params[best])


def right_share(network, X, target) -> float:
    W1, b1, W2, b2 = network
    y = np.maximum(X @ W1.T + b1, 0) @ W2.T + b2
    return float(np.mean((y[:, 0] > 1e-9) == (target[:, 0] > 0)))


SETTINGS = [(30, 20, 0.1, 0.0, 600), (5, 35, 0.2, 0.01, 500), (12, 10, 0.0, 0.03, 250)]


@pytest.mark.parametrize("settings", SETTINGS)
def test_the_run_is_gradient_descent_written_out(settings):
    run, want = overfitting_run(*settings), written_out(*settings)
    np.testing.assert_allclose(run.losses, want["losses"], rtol=1e-9)
    np.testing.assert_allclose(run.test_losses, want["test_losses"], rtol=1e-9)
    assert run.best_step == want["best"]
    for got, expected in zip(run.final, want["final"]):
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    for got, expected in zip(run.best, want["best_params"]):
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    assert len(run.X_train) == settings[1] and len(run.X_test) == N_TEST


def test_the_chapters_run_overfits_clearly():
    """The chapter's story: the training loss falls all the way while the test loss, after its lowest, doubles."""
    want = written_out(30, 20, 0.1, 0.0, 2000)
    best, losses, tests = want["best"], want["losses"], want["test_losses"]
    assert 100 < best < 1000
    assert losses[-1] < 0.5 * losses[best] and tests[-1] > 2 * tests[best]
    assert right_share(want["best_params"], want["X_test"], want["target_test"]) > \
        right_share(want["final"], want["X_test"], want["target_test"])
    decayed = written_out(30, 20, 0.1, 0.02, 2000)
    assert decayed["test_losses"][-1] < 0.6 * tests[-1]


# ---------------------------------------------------------------------------
# The picture and the explorer
# ---------------------------------------------------------------------------

def test_the_picture_draws_both_sets_both_curves_and_the_best_step():
    run = overfitting_run(8, 15, 0.2, 0.0, 300)
    artists = overfitting_picture(run)
    inside_train, outside_train = artists["train_inside"].get_xdata(), artists["train_outside"].get_xdata()
    assert len(inside_train) + len(outside_train) == 15
    assert len(artists["test_inside"].get_xdata()) + len(artists["test_outside"].get_xdata()) == N_TEST
    assert len(inside_train) == int(np.sum(run.target_train > 0))
    np.testing.assert_array_equal(artists["train_curve"].get_ydata(), run.losses)
    np.testing.assert_array_equal(artists["test_curve"].get_ydata(), run.test_losses)
    assert list(artists["best_dot"].get_xdata()) == [run.best_step]
    assert list(artists["best_line"].get_xdata()) == [run.best_step] * 2
    assert f"at step {run.best_step}" in artists["best_text"].get_text()
    # the map is the sign of the network's output at the centres of the grid's cells
    image = artists["image"].get_array()
    n = image.shape[0]
    centres = -3 + 6 * (np.arange(n) + 0.5) / n
    row, column = 5, n - 7
    W1, b1, W2, b2 = run.final
    y = np.maximum(np.array([centres[column], centres[row]]) @ W1.T + b1, 0) @ W2.T + b2
    assert image[row, column] == pytest.approx(y[0])


def test_the_summary_says_whether_the_test_loss_rose():
    rose = overfitting_run(30, 20, 0.1, 0.0, 2000)
    said = describe_overfitting(rose)
    assert f"was lowest, {f4(rose.test_losses[rose.best_step])}, at step {rose.best_step}" in said
    assert f"the test loss rose to {f4(rose.test_losses[-1])}: overfitting" in said
    flat = overfitting_run(30, 20, 0.1, 0.02, 2000)
    assert flat.test_losses[-1] < 1.05 * flat.test_losses[flat.best_step]
    assert "stayed close to its lowest" in describe_overfitting(flat)
    still_falling = overfitting_run(2, 20, 0.1, 0.0, 500)
    assert still_falling.best_step == 500
    assert "lowest at the last step: it has not started to rise" in describe_overfitting(still_falling)


def f4(value) -> str:
    """A loss as the course prints it, written independently: 4 decimals, trailing zeros dropped."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text


def pct(share) -> str:
    return f"{100 * share:.1f}".rstrip("0").rstrip(".") + "%"


@pytest.mark.parametrize("settings", [(5, 35, 0.2, 0.01, 500), (12, 10, 0.0, 0.03, 750)])
def test_the_explorer_shows_the_numbers_of_its_settings(settings):
    n_hidden, n_train, noise, decay, steps = settings
    explorer = OverfittingExplorer()
    explorer.hidden_slider.value, explorer.train_slider.value = n_hidden, n_train
    explorer.noise_slider.value, explorer.decay_slider.value, explorer.steps_slider.value = noise, decay, steps
    want = written_out(*settings)
    best, losses, tests = want["best"], want["losses"], want["test_losses"]
    lines = explorer.formula_text.splitlines()
    assert lines[0] == (f"each step descends L = mse(y, target) + {decay:g}·(sum of every weight²), "
                        f"on the {n_train} training points")
    assert lines[1] == f"after {steps} steps: training loss {f4(losses[-1])} · test loss {f4(tests[-1])}"
    assert lines[2] == (f"lowest test loss {f4(tests[best])} at step {best}: "
                        f"early stopping keeps the weights of step {best}")
    assert lines[3] == (f"accuracy after {steps} steps: training "
                        f"{pct(right_share(want['final'], want['X_train'], want['target_train']))} · test "
                        f"{pct(right_share(want['final'], want['X_test'], want['target_test']))}; at step {best}: test "
                        f"{pct(right_share(want['best_params'], want['X_test'], want['target_test']))}")
    summary = explorer.summary.value
    assert summary.startswith(f"{n_hidden} hidden neurons trained on {n_train} points and tested on {N_TEST} others: "
                              f"after {steps} steps the training loss is {f4(losses[-1])}")
    np.testing.assert_array_equal(explorer.artists["test_curve"].get_ydata(), explorer.run.test_losses)


def test_the_formula_without_weight_decay_says_so():
    run = overfitting_run(3, 10, 0.0, 0.0, 500)
    assert overfitting_formula(run, 0.0)[0] == "each step descends L = mse(y, target) (no weight decay), on the 10 training points"


def test_moving_back_to_a_setting_uses_the_kept_run():
    explorer = OverfittingExplorer(steps=500)
    first = explorer.run
    explorer.hidden_slider.value = 10
    explorer.hidden_slider.value = 30
    assert explorer.run is first


@pytest.mark.parametrize("arguments, named", [
    ({"n_hidden": 0}, "n_hidden runs from 1 to 40"),
    ({"n_train": 100}, "n_train runs from 10 to 60"),
    ({"noise": 0.6}, "noise runs from 0.0 to 0.5"),
    ({"weight_decay": "a lot"}, "weight_decay runs from 0.0 to 0.05"),
    ({"steps": 10_000}, "steps runs from 500 to 3000"),
])
def test_bad_starting_values_get_a_plain_error(arguments, named):
    with pytest.raises(ValueError, match=named):
        OverfittingExplorer(**arguments)


def test_one_step_of_the_weight_decay_slider_changes_the_picture():
    """The browser test moves the roomiest slider, weight decay, one step: the picture must change."""
    explorer = OverfittingExplorer()
    before = bytes(explorer.picture.value)
    explorer.decay_slider.value = explorer.decay_slider.step
    assert bytes(explorer.picture.value) != before
    assert LEARNING_RATE == 0.04
