"""Chapter 11: the checks (every solution passes, every named mistake is named, stubs are not attempted),
the training picture and the training explorer, against independent computations."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.chapters import ch11_training as ch11
from helpers.datasets import accuracy, make_dataset
from helpers.explorers.training import FRAME_MS, TrainingExplorer, training_formula, training_run  # noqa: F401
from helpers.learning import backward, network_loss
from helpers.plane import neuron_line
from helpers.pictures.training import describe_training, training_picture, update_training_picture
from helpers.training import init_network, train


def status(check, *answer) -> str:
    return check.judge(*answer).status


def message(check, *answer) -> str:
    return check.judge(*answer).message


# ---------------------------------------------------------------------------
# The independent loop the checks use
# ---------------------------------------------------------------------------

def loop_with_backward(X, target, W1, b1, W2, b2, learning_rate, steps):
    """The chapter's solution to exercise 1: a loop around helpers.learning.backward."""
    losses = []
    for _ in range(steps):
        gradients = backward(X, target, W1, b1, W2, b2, output_activation=None)
        losses.append(gradients.loss)
        W1 = W1 - learning_rate * gradients.dW1
        b1 = b1 - learning_rate * gradients.db1
        W2 = W2 - learning_rate * gradients.dW2
        b2 = b2 - learning_rate * gradients.db2
    losses.append(network_loss(X, target, W1, b1, W2, b2, output_activation=None))
    return losses


@pytest.mark.parametrize("case", range(len(ch11.LOOP_CASES)))
def test_the_checks_loop_agrees_with_train_and_with_a_loop_around_backward(case):
    X, target, W1, b1, W2, b2, learning_rate, steps = ch11.LOOP_CASES[case]
    written_out = ch11.gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps)
    assert len(written_out) == steps + 1
    np.testing.assert_allclose(written_out, train(X, target, W1, b1, W2, b2, learning_rate, steps).losses, rtol=1e-12)
    np.testing.assert_allclose(written_out, loop_with_backward(X, target, W1, b1, W2, b2, learning_rate, steps),
                               rtol=1e-12)
    assert written_out[-1] < written_out[0], "the test cases should show the loss falling"


def test_every_slip_gives_a_different_history_from_the_right_one():
    X, target, W1, b1, W2, b2, learning_rate, steps = ch11.LOOP_CASES[0]
    right = ch11.gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps)
    for slip, _ in ch11.LOOP_SLIPS:
        wrong = ch11.gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps, slip)
        assert not np.allclose(wrong, right), slip
    climbing = ch11.gradient_descent_losses(X, target, W1, b1, W2, b2, learning_rate, steps, "sign")
    assert climbing[-1] > climbing[0], "with the sign flipped the loss climbs"


# ---------------------------------------------------------------------------
# Exercise 1: the training loop
# ---------------------------------------------------------------------------

def updated(slip):
    """A learner's loop with one typical mistake."""
    def my_train(X, target, W1, b1, W2, b2, learning_rate, steps):
        losses, first, previous = [], None, None
        for _ in range(steps):
            gradients = backward(X, target, W1, b1, W2, b2, output_activation=None)
            if slip != "after":
                losses.append(gradients.loss)
            if slip == "once":
                first = first or gradients
                gradients = first
            if slip == "previous":
                gradients, previous = previous or gradients, gradients
            rate = {"sign": -learning_rate, "no rate": 1.0}.get(slip, learning_rate)
            W1 = W1 - rate * gradients.dW1
            W2 = W2 - rate * gradients.dW2
            if slip != "biases":
                b1 = b1 - rate * gradients.db1
                b2 = b2 - rate * gradients.db2
            if slip == "after":
                losses.append(network_loss(X, target, W1, b1, W2, b2, output_activation=None))
        if slip not in ("last missing", "after"):
            losses.append(network_loss(X, target, W1, b1, W2, b2, output_activation=None))
        return losses
    return my_train


def test_the_solution_of_exercise_1_is_correct():
    assert status(ch11.check_my_train, loop_with_backward) == "correct"


def test_a_loop_that_changes_the_arrays_in_place_is_still_correct():
    def in_place(X, target, W1, b1, W2, b2, learning_rate, steps):
        losses = []
        for _ in range(steps):
            gradients = backward(X, target, W1, b1, W2, b2, output_activation=None)
            losses.append(gradients.loss)
            for parameter, gradient in zip((W1, b1, W2, b2), gradients[:4]):
                parameter -= learning_rate * gradient
        return [*losses, network_loss(X, target, W1, b1, W2, b2, output_activation=None)]
    assert status(ch11.check_my_train, in_place) == "correct"
    assert status(ch11.check_my_train, in_place) == "correct", "the check's data must not have been changed"


@pytest.mark.parametrize("slip, named", [
    ("sign", "loss climbs"),
    ("biases", "biases do not"),
    ("once", "gradient of the start"),
    ("previous", "gradient of the step before"),
    ("no rate", "learning rate is missing"),
    ("after", "starts after the first step"),
    ("last missing", "after the last step is missing"),
])
def test_each_slip_in_the_loop_is_named(slip, named):
    feedback = ch11.check_my_train.judge(updated(slip))
    assert feedback.status == "mistake" and named in feedback.message, feedback.message


def test_loop_answers_that_are_not_loops():
    def stub(X, target, W1, b1, W2, b2, learning_rate, steps):
        ...

    def no_return(X, target, W1, b1, W2, b2, learning_rate, steps):
        losses = loop_with_backward(X, target, W1, b1, W2, b2, learning_rate, steps)  # noqa: F841

    def raises(X, target, W1, b1, W2, b2, learning_rate, steps):
        return W1 @ X

    assert status(ch11.check_my_train, ...) == "not attempted"
    assert status(ch11.check_my_train, stub) == "not attempted"
    assert "needs `return" in message(ch11.check_my_train, no_return)
    assert "raised ValueError" in message(ch11.check_my_train, raises)
    assert "without ()" in message(ch11.check_my_train, 3.5)
    assert "only the list of losses" in message(ch11.check_my_train,
                                                lambda *args: (loop_with_backward(*args), args[2]))
    assert "expected 7" in message(ch11.check_my_train, lambda *args: [0.5, 0.4])
    assert "not a list of numbers" in message(ch11.check_my_train, lambda *args: "losses")
    wrong = message(ch11.check_my_train, lambda *args: [x * 1.01 for x in loop_with_backward(*args)])
    assert "loss 0 is" in wrong


def test_the_loop_check_prints_one_line_and_never_raises(capsys):
    ch11.check_my_train(lambda *args: 1 / 0)
    out = capsys.readouterr().out
    assert out.startswith("❌") and "ZeroDivisionError" in out


# ---------------------------------------------------------------------------
# Exercise 2: the learning rate
# ---------------------------------------------------------------------------

def band_loss(rate):
    X, target = make_dataset("band")
    return train(X, target, *init_network(2, 4, 1), learning_rate=rate, steps=200).losses[-1]


@pytest.mark.parametrize("rate", [0.02, 0.05, 0.1, 0.2])
def test_learning_rates_that_work_are_correct_and_agree_with_train(rate):
    assert band_loss(rate) < ch11.RATE_LOSS_BELOW
    assert status(ch11.check_learning_rate, rate) == "correct"


@pytest.mark.parametrize("rate, named", [
    (0.01, "falls, but slowly"),
    (0.3, "bounce"),
    (0.4, "runs away at step"),
    (5, "runs away at step"),
    (0.0, "must be positive"),
    (-0.1, "must be positive"),
    (float("nan"), "finite"),
    ("0.1", "one number"),
    (True, "one number"),
    ([0.1], "one number"),
])
def test_learning_rates_that_do_not_work_are_named(rate, named):
    feedback = ch11.check_learning_rate.judge(rate)
    assert feedback.status == "mistake" and named in feedback.message, feedback.message


def test_a_too_small_rate_really_misses_the_goal():
    assert band_loss(0.01) > ch11.RATE_LOSS_BELOW
    assert status(ch11.check_learning_rate, ...) == "not attempted"


# ---------------------------------------------------------------------------
# Exercise 3: breaking the symmetry
# ---------------------------------------------------------------------------

SOLUTION_START = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])


def circle_accuracy(W1_start):
    X, target = make_dataset("circle")
    _, b1, W2, b2 = ch11.EQUAL_START
    result = train(X, target, W1_start, b1, W2, b2, learning_rate=0.1, steps=1000)
    y = np.maximum(X @ result.W1.T + result.b1, 0) @ result.W2.T + result.b2
    return accuracy(y, target), result


def test_the_solution_of_exercise_3_is_correct_and_reaches_90_percent_with_train():
    assert circle_accuracy(SOLUTION_START)[0] >= 0.9
    assert status(ch11.check_symmetry_start, SOLUTION_START) == "correct"
    assert status(ch11.check_symmetry_start, SOLUTION_START.tolist()) == "correct"


def test_equal_rows_stay_equal_under_training():
    accuracy_equal, result = circle_accuracy(ch11.EQUAL_START[0])
    assert np.allclose(result.W1, result.W1[0]) and not np.allclose(result.W1, ch11.EQUAL_START[0])
    assert accuracy_equal < 0.9


@pytest.mark.parametrize("W1_start, named", [
    (np.full((4, 2), 0.5), "All four rows are the same"),
    (np.zeros((4, 2)), "every weight 0"),
    ([[1, 0], [1, 0], [0, 1], [0, -1]], "Rows 0 and 1 are the same"),
    ([[1, 0], [0, 1], [1, 0], [0, 1]], "Rows 0 and 2, 1 and 3 are the same"),
    ([[0.1, 0], [0, 0.1], [-0.1, 0], [0, -0.1]], "only 55%"),
    ([[10, 20], [30, 40], [50, 60], [70, 80]], "runs away"),
    (np.zeros((2, 4)), "try W1_start.T"),
    (np.zeros((4, 3)), "need shape (4, 2)"),
    ([[np.nan, 0], [0, 1], [1, 1], [2, 2]], "NaN"),
    ("rows", "4 rows of 2 numbers, but got str"),
])
def test_starts_that_do_not_break_the_symmetry_are_named(W1_start, named):
    feedback = ch11.check_symmetry_start.judge(W1_start)
    assert feedback.status == "mistake" and named in feedback.message, feedback.message


def test_the_symmetry_stub_is_not_attempted():
    assert status(ch11.check_symmetry_start, ...) == "not attempted"


def test_no_check_gives_its_answer_away():
    for check in (ch11.check_my_train, ch11.check_learning_rate, ch11.check_symmetry_start):
        said = check.__doc__ + check.judge(...).message
        assert "0.1" not in said.replace("0.1,", "")  # the learning rate of the solution
        assert "[1, 0]" not in said and "[-1" not in said
        assert check.__doc__.startswith("Chapter 11, exercise")


# ---------------------------------------------------------------------------
# The training picture
# ---------------------------------------------------------------------------

def test_the_picture_draws_the_points_the_lines_and_the_loss_curve():
    X, target = make_dataset("xor", 40, seed=3)
    W1, b1, W2, b2 = init_network(2, 3, 1, seed=3)
    result = train(X, target, W1, b1, W2, b2, learning_rate=0.1, steps=30)
    artists = training_picture(X, target, *result.network, result.losses, slots=5)
    inside = target[:, 0] > 0
    assert np.array_equal(np.column_stack(artists["inside"].get_data()), X[inside])
    assert np.array_equal(np.column_stack(artists["outside"].get_data()), X[~inside])
    steps, losses = artists["curve"].get_data()
    assert list(steps) == list(range(31)) and np.allclose(losses, result.losses)
    assert artists["now"].get_data()[0][0] == 30
    lines = artists["plane"]["lines"]
    for j in range(3):
        ends = neuron_line(result.W1[j], result.b1[j])
        if ends is not None:
            assert np.allclose(np.column_stack(lines[j].get_data()), ends)
    assert not lines[3].get_visible() and not lines[4].get_visible()
    assert artists["curve"].axes.get_xlim()[1] >= 30 and artists["curve"].axes.get_ylim()[0] <= min(result.losses)


def test_the_summary_counts_the_points_and_follows_the_losses():
    X, target = make_dataset("band", 20, seed=1)
    W1, b1, W2, b2 = init_network(2, 2, 1, seed=1)
    y = np.array([np.maximum(W1 @ x + b1, 0) @ W2[0] + b2[0] for x in X])  # a loop over points
    right = int(np.sum((y > 1e-9) == (target[:, 0] > 0)))
    text = describe_training(X, target, W1, b1, W2, b2, [0.75, 0.5], learning_rate=0.25)
    assert text.startswith(f"Step 1 at learning rate 0.25: the loss is 0.5 (it was 0.75 at step 0); "
                           f"{right} of 20 points ({right * 5}%) get the sign of their target. The hidden neurons' lines: neuron 0: ")


def test_updating_the_picture_to_fewer_hidden_neurons_hides_their_lines():
    X, target = make_dataset("circle", 30)
    artists = training_picture(X, target, *init_network(2, 6, 1), [1.0])
    update_training_picture(artists, X, target, *init_network(2, 2, 1), [1.0, 0.9])
    assert [line.get_visible() for line in artists["plane"]["lines"][2:]] == [False] * 6


# ---------------------------------------------------------------------------
# The training explorer
# ---------------------------------------------------------------------------

def independent_run(dataset, noise, n_hidden, learning_rate, steps):
    X, target = make_dataset(dataset, 200, noise, 0)
    losses = ch11.gradient_descent_losses(X, target, *init_network(2, n_hidden, 1, seed=0), learning_rate, steps)
    return X, target, losses


def formula_text(explorer) -> str:
    import re
    return re.sub(r"<[^>]+>", "", explorer.formula.value).replace("&amp;", "&")


def test_the_explorer_starts_at_step_0_with_the_loss_of_its_start():
    explorer = TrainingExplorer("square", n_hidden=4, learning_rate=0.1)
    _, _, losses = independent_run("square", 0.0, 4, 0.1, 0)
    assert formula_text(explorer).startswith(f"step 0 · loss L = mse(y, target) = {round(losses[0], 4):g}")
    assert "W1 ← W1 − 0.1·dW1" in formula_text(explorer)
    assert explorer.summary.value.startswith("Step 0 at learning rate 0.1: the loss is")
    assert explorer.picture.value[:4] == b"\x89PNG"
    assert repr(explorer) == "TrainingExplorer(dataset='square', n_hidden=4, learning_rate=0.1, noise=0) at step 0"


def test_one_step_button_takes_one_step_of_gradient_descent():
    explorer = TrainingExplorer("xor", n_hidden=3, learning_rate=0.2)
    before = explorer.formula.value
    explorer.step_button.click()
    explorer.step_button.click()
    X, target, losses = independent_run("xor", 0.0, 3, 0.2, 2)
    assert explorer.run.step == 2 and explorer.formula.value != before
    assert np.allclose(explorer.run.losses, losses, rtol=1e-12)
    shown = float(formula_text(explorer).split(" = ")[2].split(" ")[0])
    assert formula_text(explorer).startswith("step 2 · loss L = mse(y, target) = ") and shown == round(losses[2], 4)
    assert explorer.summary.value.startswith("Step 2 at learning rate 0.2")
    trained = train(X, target, *init_network(2, 3, 1, seed=0), learning_rate=0.2, steps=2)
    assert explorer.summary.value == describe_training(X, target, *trained.network, trained.losses, 0.2)


def test_play_ticks_train_a_few_steps_each_and_stop_goes_back_to_step_0():
    explorer = TrainingExplorer("band", n_hidden=2)
    explorer.speed_buttons.value = "5"
    for tick in range(1, 5):
        explorer._frame_end = 0.0  # as if each tick came after a pause (no queue)
        explorer.play.value = tick
    assert explorer.run.step == 20
    _, _, losses = independent_run("band", 0.0, 2, 0.1, 20)
    assert np.allclose(explorer.run.losses, losses, rtol=1e-12)
    assert explorer.artists["curve"].get_data()[0][-1] == 20
    explorer.play.value = 0  # the stop button
    assert explorer.run.step == 0 and formula_text(explorer).startswith("step 0 ·")
    assert explorer.play.interval == FRAME_MS


def test_a_tick_that_waited_behind_a_slow_frame_trains_but_draws_on_the_next_one():
    explorer = TrainingExplorer("band", n_hidden=2)
    explorer.speed_buttons.value = "1"
    explorer._frame_end = 0.0
    explorer.play.value = 1
    drawn = explorer.formula.value
    explorer._frame_end = float("inf")  # this tick comes right after the last frame ended: queued
    explorer.play.value = 2
    assert explorer.run.step == 2 and explorer.formula.value == drawn
    explorer.play.playing = True
    explorer.play.playing = False  # pausing draws what was skipped
    assert formula_text(explorer).startswith("step 2 ·")


def test_chunks_of_steps_give_exactly_the_same_run_as_one_call_of_train():
    run = training_run("circle", 0.1, 5, 0.3, 0)
    for steps in (1, 5, 20, 7):
        run.advance(steps)
    once = training_run("circle", 0.1, 5, 0.3, 33)
    assert run.step == once.step == 33
    assert all(np.array_equal(a, b) for a, b in zip(run.parameters, once.parameters))
    assert run.losses == once.losses


def test_changing_a_setting_starts_a_new_run_from_step_0():
    explorer = TrainingExplorer("square", n_hidden=4)
    explorer.step(10)
    for control, value in ((explorer.learning_rate_slider, 0.3), (explorer.hidden_slider, 6),
                           (explorer.dataset_buttons, "circle"), (explorer.noise_slider, 0.2)):
        explorer.step(3)
        control.value = value
        assert explorer.run.step == 0, control.description
    _, target, losses = independent_run("circle", 0.2, 6, 0.3, 0)
    assert np.array_equal(explorer.run.target, target)
    assert np.isclose(explorer.run.losses[0], losses[0])
    assert sum(line.get_visible() for line in explorer.artists["plane"]["lines"]) <= 6
    explorer.reset_button.click()
    assert explorer.run.step == 0


def test_a_runaway_stops_play_and_says_so_without_a_traceback():
    explorer = TrainingExplorer("band", n_hidden=4, learning_rate=1.0)
    explorer.speed_buttons.value = "20"
    explorer.play.playing = True
    explorer._frame_end = 0.0
    explorer.play.value = 1
    assert explorer.play.playing is False
    assert "The loss ran away at step" in explorer.formula.value and "learning rate 1" in explorer.formula.value
    assert explorer.summary.value.startswith("The loss ran away")
    assert all(np.all(np.isfinite(p)) for p in explorer.run.parameters)
    X, target, losses = independent_run("band", 0.0, 4, 1.0, explorer.run.step)
    assert np.allclose(explorer.run.losses, losses, rtol=1e-12)
    explorer.step(5)  # nothing more happens until a reset
    assert explorer.run.step == len(losses) - 1
    explorer.learning_rate_slider.value = 0.1
    assert "ran away" not in explorer.formula.value


@pytest.mark.parametrize("arguments, named", [
    (dict(dataset="moon"), "no data set called 'moon'"),
    (dict(n_hidden=9), "room for 1 to 8"),
    (dict(n_hidden=0), "n_hidden"),
    (dict(learning_rate=3.0), "runs from 0.01 to 1.0"),
    (dict(noise=0.7), "noise"),
])
def test_bad_starting_values_get_a_plain_error(arguments, named):
    with pytest.raises((ValueError, TypeError), match=named):
        TrainingExplorer(**arguments)


def test_the_formula_writes_the_update_with_the_learning_rate():
    assert training_formula(12, 0.123456, 0.05) == (
        "step 12 · loss L = mse(y, target) = 0.1235 · each step: W1 ← W1 − 0.05·dW1, b1 ← b1 − 0.05·db1, "
        "W2 ← W2 − 0.05·dW2, b2 ← b2 − 0.05·db2")


def test_a_tick_that_reached_the_kernel_late_trains_without_drawing(monkeypatch):
    from helpers.explorers import training as module

    explorer = TrainingExplorer("band", n_hidden=2)
    explorer.speed_buttons.value = "1"
    lags = iter([0.010, 0.012, 0.010 + 2 * module.LATE_S, 0.011])  # the third tick waited in a queue
    monkeypatch.setattr(module, "message_lag", lambda: next(lags))
    drawn = []
    for tick in range(1, 5):
        explorer._frame_end = 0.0
        explorer.play.value = tick
        drawn.append(formula_text(explorer).split(" ·")[0])
    assert drawn == ["step 1", "step 2", "step 2", "step 4"]
    monkeypatch.undo()
    assert module.message_lag() is None  # outside a kernel


def test_the_progress_bar_follows_a_run_of_train():
    from helpers.explorers.training import TrainingProgress

    X, target = make_dataset("band", 30)
    progress = TrainingProgress(40)
    result = train(X, target, *init_network(2, 3, 1), learning_rate=0.1, steps=40, callback=progress, every=10)
    assert progress.bar.value == 40 and progress.bar.max == 40
    assert progress.label.value == f"step 40 of 40: loss {round(float(result.losses[-1]), 4):g}"
    assert repr(progress) == "TrainingProgress(steps=40)"
    assert progress._repr_mimebundle_()["text/plain"] == "TrainingProgress(steps=40)"
    for bad in (0, 2.5, True, "10"):
        with pytest.raises(ValueError, match="steps must be a whole number"):
            TrainingProgress(bad)


def test_ticks_the_browser_merged_while_the_kernel_was_busy_are_trained_too():
    from helpers.explorers.training import MAX_TICKS_BEHIND

    explorer = TrainingExplorer("band", n_hidden=2)
    explorer.speed_buttons.value = "5"
    explorer._frame_end = 0.0
    explorer.play.value = 1
    explorer._frame_end = 0.0
    explorer.play.value = 4  # the browser ticked three times while the kernel drew
    assert explorer.run.step == 5 * 4
    explorer._frame_end = 0.0
    explorer.play.value = 100  # a long stall: at most MAX_TICKS_BEHIND ticks' worth
    assert explorer.run.step == 5 * 4 + 5 * MAX_TICKS_BEHIND


def test_inside_a_running_event_loop_the_kernel_draws_the_frames_itself_until_paused():
    import asyncio

    explorer = TrainingExplorer("band", n_hidden=2)
    explorer.speed_buttons.value = "5"

    async def play_a_while():
        explorer.play.playing = True
        assert explorer._animation is not None
        await asyncio.sleep(0.3)
        explorer.play.value = 7  # the browser's ticks change nothing meanwhile
        explorer.play.playing = False
        await asyncio.sleep(0.1)  # the task sees the pause and ends

    asyncio.run(play_a_while())
    assert explorer._animation is None
    step = explorer.run.step
    assert step > 0 and step % 5 == 0
    assert formula_text(explorer).startswith(f"step {step} ·")
    _, _, losses = independent_run("band", 0.0, 2, 0.1, step)
    assert np.allclose(explorer.run.losses, losses, rtol=1e-12)
