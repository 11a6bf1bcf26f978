"""Chapter 13, overfitting: the exercises' checks and their data.

Each check works its answer out here, from the exercise's data, with plain arithmetic: how many
points a split keeps aside, which step early stopping keeps, and one step of gradient descent with
weight decay on one weight and one bias.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import (Feedback, exercise_check, grid_feedback, is_stub, judge_number, not_attempted,
                               number_entry)

__all__ = [
    "BEST_STEP_TEST_LOSSES",
    "BEST_STEP_TRAIN_LOSSES",
    "DECAY_B",
    "DECAY_DB",
    "DECAY_DW",
    "DECAY_LEARNING_RATE",
    "DECAY_W",
    "DECAY_WEIGHT_DECAY",
    "SPLIT_FRACTION",
    "SPLIT_POINTS",
    "check_best_step",
    "check_decay_step",
    "check_test_size",
]


# ---------------------------------------------------------------------------
# Exercise 1: how many points go to the test set
# ---------------------------------------------------------------------------

SPLIT_POINTS, SPLIT_FRACTION = 60, 0.2
"""Chapter 13, exercise 1: 60 labelled points, split with ``train_test_split(X, target, test_fraction=0.2)``."""


@exercise_check(chapter=13, number=1)
def check_test_size(n_test) -> Feedback:
    """How many of the 60 points `train_test_split(X, target, test_fraction=0.2)` keeps aside for testing."""
    if is_stub(n_test):
        return not_attempted()
    n_test_right = round(SPLIT_FRACTION * SPLIT_POINTS)
    n_train = SPLIT_POINTS - n_test_right
    return judge_number(n_test, n_test_right, mistakes=[
        (n_train, f"That is the number left to train on. The test set is the other part: "
                  f"test_fraction × the {SPLIT_POINTS} points."),
        (SPLIT_FRACTION, f"That is the fraction itself: multiply it by the {SPLIT_POINTS} points to get a count."),
        (100 * SPLIT_FRACTION, f"That is the percentage: the test set is {100 * SPLIT_FRACTION:g}% "
                               f"of the {SPLIT_POINTS} points, not that many points."),
    ], hint=f"Multiply test_fraction by the number of points, {SPLIT_POINTS}, and round to a whole number.")


# ---------------------------------------------------------------------------
# Exercise 2: the step early stopping keeps
# ---------------------------------------------------------------------------

BEST_STEP_TRAIN_LOSSES = (1.2, 0.9, 0.7, 0.55, 0.45, 0.38, 0.33, 0.3)
"""Chapter 13, exercise 2: the training loss after 0, 1, 2, … 7 steps (``losses[k]`` after k steps)."""
BEST_STEP_TEST_LOSSES = (1.3, 1.0, 0.85, 0.8, 0.82, 0.9, 1.0, 1.1)
"""Chapter 13, exercise 2: the test loss after 0, 1, 2, … 7 steps (``test_losses[k]`` after k steps)."""


@exercise_check(chapter=13, number=2)
def check_best_step(best_step) -> Feedback:
    """The step whose weights early stopping keeps, for the losses BEST_STEP_TRAIN_LOSSES and
    BEST_STEP_TEST_LOSSES (entry k is the loss after k steps)."""
    if is_stub(best_step):
        return not_attempted()
    test, training = np.array(BEST_STEP_TEST_LOSSES), np.array(BEST_STEP_TRAIN_LOSSES)
    best = int(np.argmin(test))
    lowest_training = int(np.argmin(training))
    slips = [
        (lowest_training, "That is the step where the training loss is lowest. The training loss keeps falling "
                          "as the network learns its own points ever better; early stopping watches the test loss."),
        (best + 1, "That counts the entries from 1. Entry k is the loss after k steps, and the list starts with "
                   "entry 0, the loss before the first step: count from 0."),
        (float(test[best]), "That is the lowest test loss itself: the question asks for its step, "
                            "the position of that loss in the list."),
        (len(test) - 1, "That is the last step. By then the test loss has been rising for a while."),
    ]
    return judge_number(best_step, best, mistakes=slips,
                        hint="Find the smallest entry of the test losses; its position, counted from 0, is the step.")


# ---------------------------------------------------------------------------
# Exercise 3: one step with weight decay
# ---------------------------------------------------------------------------

DECAY_W, DECAY_B = 2.0, 1.0
"""Chapter 13, exercise 3: one weight w and one bias b before the step."""
DECAY_DW, DECAY_DB = 1.0, 0.5
"""Chapter 13, exercise 3: the gradients of the mse, dL/dw and dL/db, at that w and b."""
DECAY_LEARNING_RATE, DECAY_WEIGHT_DECAY = 0.1, 0.25
"""Chapter 13, exercise 3: the learning rate and the weight decay λ (the loss descended is mse + λ·w²)."""


def _decay_step(decay_factor: float = 2.0, sign: float = 1.0, decay_sign: float = 1.0, decay_rate: float | None = None,
                decay_bias: bool = False, move_bias: bool = True) -> tuple[float, float]:
    """w and b after one step, as written out, or as a typical slip computes it."""
    rate = DECAY_LEARNING_RATE
    decay = decay_sign * decay_factor * DECAY_WEIGHT_DECAY
    w_gradient = DECAY_DW + decay * DECAY_W
    if decay_rate is None:
        w = DECAY_W - sign * rate * w_gradient
    else:  # the learning rate applied to the mse's gradient only
        w = DECAY_W - sign * (rate * DECAY_DW + decay_rate * decay * DECAY_W)
    b_gradient = DECAY_DB + (decay * DECAY_B if decay_bias else 0.0)
    b = DECAY_B - sign * rate * b_gradient if move_bias else DECAY_B
    return w, b


@exercise_check(chapter=13, number=3)
def check_decay_step(w_next, b_next) -> Feedback:
    """w and b after one step of gradient descent on mse + λ·w² (weight decay), from DECAY_W and DECAY_B,
    with the gradients DECAY_DW and DECAY_DB of the mse, DECAY_LEARNING_RATE and DECAY_WEIGHT_DECAY."""
    w_right, b_right = _decay_step()
    w_slips = [
        (_decay_step(sign=-1.0)[0], "the step went up: w moves by minus the learning rate times its gradient, "
                                     "so the sign is flipped and the loss would climb."),
        (_decay_step(decay_factor=1.0)[0], "the factor 2 is forgotten: the slope of λ·w² is 2·λ·w, not λ·w."),
        (_decay_step(decay_factor=0.0)[0], "that is the step without weight decay: add 2·λ·w to dL/dw first."),
        (_decay_step(decay_sign=-1.0)[0], "the decay pulls w away from 0: add 2·λ·w to the gradient (then the step "
                                          "subtracts it), so that w shrinks."),
        (_decay_step(decay_rate=1.0)[0], "the decay term is subtracted without the learning rate: the whole "
                                         "gradient, dL/dw + 2·λ·w, is multiplied by the learning rate."),
    ]
    b_slips = [
        (_decay_step(decay_bias=True)[1], "the bias is decayed too. Weight decay adds λ times the sum of the "
                                          "weights², not the biases: b moves by its mse gradient alone."),
        (_decay_step(sign=-1.0)[1], "the step went up: b moves by minus the learning rate times its gradient."),
        (_decay_step(move_bias=False)[1], "the bias did not move: it still takes its ordinary gradient step."),
    ]
    entries = [
        number_entry("w_next", w_next, w_right, w_slips,
                     "write the gradient of w as dL/dw + 2·λ·w, then w − learning_rate × that."),
        number_entry("b_next", b_next, b_right, b_slips, "b moves by minus the learning rate times dL/db."),
    ]
    return grid_feedback(entries, "Weight decay shrinks the weight a little at every step, and leaves the bias alone.")
