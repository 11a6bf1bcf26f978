"""The exercise checks: correct answers pass, each known mistake is named, stubs say
"not attempted yet", and nothing a learner types makes a check raise."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from helpers import exercises
from helpers.chapters import ch01_one_neuron as ch01
from helpers.chapters import ch02_bias_and_activation as ch02
from helpers.chapters import ch03_layer_of_neurons as ch03
from helpers.chapters import ch04_hidden_layer as ch04
from helpers.chapters import ch05_two_layer_network as ch05
from helpers.chapters import ch06_batch_of_inputs as ch06
from helpers.chapters import ch07_lines_to_shapes as ch07
from helpers.chapters import ch08_loss as ch08
from helpers.chapters import ch12_deeper_networks as ch12
from helpers.chapters import ch13_overfitting as ch13

NUMERIC_CHECKS = {
    # check: (the right answer worked out independently, {wrong answer: words the message must use})
    ch01.check_ana_score: (8 * 0.5 + 5 * 0.3 + 6 * 0.2, {19: "without weighing", 1.0: "added the weights",
                                                           6.7 / 3: "averaged", 5.5: "missing"}),
    ch01.check_third_weight: ((4 - 1.9) / 5, {0.8: "already add 1.9", 2.1: "divided by the input",
                                                0.22: "how much w3 must grow", 1.1: "output must grow"}),
    ch01.check_doubled_inputs: (2 * 2.9, {2.9: "does change", 4.9: "doesn't add 2", 11.6: "not 4"}),
    # chapter 02: 2 + 3 + 5 weighted is 2.9, so the bias −2.9 brings z to 0
    ch02.check_switching_bias: (-(2 * 0.5 + 3 * 0.3 + 5 * 0.2), {2.9: "opposite sign", -1: "bias used above",
                                                                   0: "With no bias", -1.9: "cancels 1.9, the output with bias −1"}),
    # chapter 02: ReLU(1×0.5 + 4×(−1) + 2×0.5 + 3) = ReLU(0.5)
    ch02.check_full_neuron: (0.5, {3: "before adding the bias", 0: "leave out the bias", -2.5: "weighted sum alone",
                                     8.5: "count negatively", 5.5: "bias +3 is missing"}),
    # chapter 06: Z[2, 0] = X[2] · W[0] + b[0] with X[2] = [−1, 2, 0], W[0] = [0.5, −1, 2], b[0] = −1
    ch06.check_batch_entry: (-1 * 0.5 + 2 * -1 + 0 * 2 - 1, {2: "That is Z[0, 2]", -2.5: "bias is missing",
                                                             1.5: "column 2 of X", 0: "before the activation",
                                                             -1.5: "added, not subtracted", -4: "That is sample 1",
                                                             -2: "not b[1]"}),
}


@pytest.mark.parametrize("check", NUMERIC_CHECKS, ids=lambda c: c.__name__)
class TestNumericChecks:
    def test_right_answer_is_correct(self, check):
        right, _ = NUMERIC_CHECKS[check]
        assert check.judge(right).status == exercises.CORRECT

    def test_stub_is_not_attempted(self, check):
        assert check.judge(...).status == exercises.NOT_ATTEMPTED
        assert check.judge(None).status == exercises.NOT_ATTEMPTED

    def test_each_known_mistake_is_named(self, check):
        _, wrong = NUMERIC_CHECKS[check]
        for answer, words in wrong.items():
            feedback = check.judge(answer)
            assert feedback.status == exercises.MISTAKE
            assert words in feedback.message, f"{answer}: {feedback.message}"

    def test_an_unknown_wrong_answer_gets_a_hint_not_the_answer(self, check):
        right, _ = NUMERIC_CHECKS[check]
        feedback = check.judge(123.456)
        assert feedback.status == exercises.MISTAKE and "123.456" in feedback.message
        assert f"{right:g}" not in feedback.message

    @pytest.mark.parametrize("odd", ["seven", [1, 2], [[1], [2, 3]], math.nan, math.inf, {}, "6.7", object()])
    def test_odd_answers_get_a_message_never_an_exception(self, check, odd, capsys):
        feedback = check.judge(odd)  # the judge itself, which raises if it cannot read the answer
        assert feedback.status == exercises.MISTAKE and feedback.message.startswith("❌ Not yet."), feedback.message
        check(odd)
        said = capsys.readouterr().out
        assert said == feedback.message + "\n" and "could not read" not in said


def test_the_printed_check_shows_the_message(capsys):
    ch01.check_ana_score(6.7)
    assert capsys.readouterr().out == "✅ Correct!\n"


def test_judge_accepts_numpy_numbers_and_small_rounding():
    import numpy as np

    assert ch01.check_ana_score.judge(np.float64(6.7000000001)).status == exercises.CORRECT
    assert ch01.check_ana_score.judge(6.71).status == exercises.MISTAKE


def test_judge_names_the_expected_shape():
    feedback = exercises.judge_number([1, 2, 3], [1.0, 2.0])
    assert "2 numbers (shape (2,))" in feedback.message and "(3,)" in feedback.message


class TestMyWeightedSum:
    judge = staticmethod(ch01.check_my_weighted_sum.judge)

    def test_a_loop_is_correct(self):
        def loop(inputs, weights):
            total = 0
            for x, w in zip(inputs, weights):
                total += x * w
            return total

        assert self.judge(loop).status == exercises.CORRECT

    def test_the_untouched_stub_is_not_attempted(self):
        def stub(inputs, weights):
            ...

        assert self.judge(stub).status == exercises.NOT_ATTEMPTED
        assert self.judge(...).status == exercises.NOT_ATTEMPTED

    @pytest.mark.parametrize("wrong, words", [
        (lambda xs, ws: sum(xs), "sum of the inputs"),
        (lambda xs, ws: sum(ws), "sum of the weights"),
        (lambda xs, ws: sum(xs) * sum(ws), "multiplies the two sums"),
        (lambda xs, ws: sum(x * w for x, w in zip(xs[:-1], ws[:-1])), "one step early"),
        (lambda xs, ws: xs[-1] * ws[-1], "running total"),
        (lambda xs, ws: 1 / 0, "raised ZeroDivisionError"),
        (lambda xs, ws: "2.9", "must be numbers"),
        (lambda xs, ws: abs(sum(x * w for x, w in zip(xs, ws))), "For inputs=[1, -2]"),
    ])
    def test_each_known_mistake_is_named(self, wrong, words):
        feedback = self.judge(wrong)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_a_call_result_instead_of_the_function_is_explained(self):
        assert "without ()" in self.judge(2.9).message


def test_a_check_that_breaks_inside_still_prints_a_message(capsys):
    @exercises.exercise_check(chapter=0, number=0)
    def broken(answer):
        raise RuntimeError("boom")

    broken(1)
    assert "could not read your answer" in capsys.readouterr().out


# ---------------------------------------------------------------------------
# Checks of answers with several entries (chapters 02 and 03)
# ---------------------------------------------------------------------------

# Right answers, worked out here by hand.
GRID_Z = [1 * 0.5 + 2 * -1 + 3 * 2 - 1, 1 * -1 + 2 * 1 + 3 * -1 + 0.5, 1 * 1 + 2 * 0 + 3 * 1 - 2, 1 * 1 + 2 * -1 + 3 * -1 + 3]
GRID_H = [max(0.0, z) for z in GRID_Z]
RIGHT = {
    ch02.check_relu_values: ([3, 0, 0, 0.5, 0],),
    ch02.check_which_activation: (["tanh", "ReLU", "sigmoid", "none"],),
    ch03.check_stacked_weights: ([[1, 2], [0, -1], [0.5, 0.5]],),
    ch03.check_layer_shapes: ((5, 2), (5,), (5,)),
    ch03.check_layer_grid: (GRID_Z, GRID_H),
    # chapter 04: W2 @ W1 and W2 @ b1 + b2, multiplied out by hand
    ch04.check_collapsed_layer: ([[1 * 1 + 2 * 0, 1 * 2 + 2 * -1], [-1 * 1 + 1 * 0, -1 * 2 + 1 * -1]],
                                   [1 * 1 + 2 * -1 + 1, -1 * 1 + 1 * -1 + 1]),
    ch04.check_bends: ([-1 / 1, -2 / -2, 1 / 0.5],),
    # chapter 05: x = [2, −1] through 3 hidden neurons and 2 outputs
    ch05.check_network_grid: ([2 * 1 - 1 * 1 - 0.5, 2 * 0.5 - 1 * -1 + 1, 2 * -1 - 1 * 2 + 1],
                                [0.5, 3, 0],
                                [0.5 * 2 + 3 * -1 + 0 * 1 + 1, 0.5 * 1 + 3 * 0.5 + 0 * -1 - 1],
                                [0, 1]),
    ch05.check_parameter_counts: ([(2 * 4 + 4) + (4 * 3 + 3), (4 * 5 + 5) + (5 * 3 + 3),
                                     (784 * 128 + 128) + (128 * 10 + 10)],),
    # chapter 06: the batch [[1, 2, 3], [2, 2, −1], [−1, 2, 0]] through chapter 03's by-hand layer
    ch06.check_batch_layer: ([[3.5, -1.5, 2, -1],
                                [2 * 0.5 + 2 * -1 - 1 * 2 - 1, 2 * -1 + 2 * 1 - 1 * -1 + 0.5, 2 + 0 - 1 - 2, 2 - 2 + 1 + 3],
                                [-0.5 - 2 + 0 - 1, 1 + 2 + 0 + 0.5, -1 + 0 + 0 - 2, -1 - 2 + 0 + 3]],),
}
STUBS = {
    ch02.check_relu_values: [(...,), ([...] * 5,), (None,)],
    ch02.check_which_activation: [(...,), ([...] * 4,)],
    ch03.check_stacked_weights: [(...,), (None,)],
    ch03.check_layer_shapes: [(..., ..., ...)],
    ch03.check_layer_grid: [(..., ...), ([...] * 4, [...] * 4), ([...] * 4, ...)],
    ch04.check_collapsed_layer: [(..., ...), (None, None)],
    ch04.check_bends: [(...,), ([...] * 3,)],
    ch05.check_network_grid: [(..., ..., ..., ...), ([...] * 3, [...] * 3, [...] * 2, [...] * 2)],
    ch05.check_parameter_counts: [(...,), ([...] * 3,)],
    ch06.check_batch_layer: [(...,), (None,)],
}


def test_the_grid_of_chapter_03_is_the_one_the_hand_computation_uses():
    assert GRID_Z == [3.5, -1.5, 2, -1]
    assert ch03.GRID_X == (1, 2, 3) and ch03.GRID_B == (-1, 0.5, -2, 3)


@pytest.mark.parametrize("check", RIGHT, ids=lambda c: c.__name__)
class TestChecksOfSeveralEntries:
    def test_right_answer_is_correct(self, check):
        feedback = check.judge(*RIGHT[check])
        assert feedback.status == exercises.CORRECT, feedback.message

    def test_right_answer_as_numpy_arrays_is_correct_too(self, check):
        answer = [np.array(a) if not isinstance(a[0], str) else a for a in RIGHT[check]]
        if check is ch03.check_layer_shapes:
            answer = RIGHT[check]
        assert check.judge(*answer).status == exercises.CORRECT

    def test_stubs_are_not_attempted(self, check):
        for stub in STUBS[check]:
            assert check.judge(*stub).status == exercises.NOT_ATTEMPTED, stub

    @pytest.mark.parametrize("odd", ["seven", [1, 2], [[1], [2, 3]], math.nan, math.inf, {}, 3, object(), [None] * 4,
                                     ["a", "b", "c", "d", "e"], np.ones((2, 2)), True])
    def test_odd_answers_get_a_message_never_an_exception(self, check, odd, capsys):
        check(*[odd] * len(RIGHT[check]))
        said = capsys.readouterr().out
        assert said.startswith(("❌ Not yet.", "⏳")), said
        assert "Traceback" not in said and "could not read" not in said


class TestReluValues:
    judge = staticmethod(ch02.check_relu_values.judge)

    @pytest.mark.parametrize("answer, words", [
        ([3, -2, 0, 0.5, -0.1], "changed nothing"),
        ([3, 2, 0, 0.5, 0.1], "does not flip signs"),
        ([1, 0, 0, 1, 0], "not an on/off switch"),
        ([0, -2, 0, 0, -0.1], "does the opposite"),
    ])
    def test_a_pattern_across_the_list_names_the_idea(self, answer, words):
        feedback = self.judge(answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_a_single_wrong_entry_is_named(self):
        feedback = self.judge([3, 0, 0, 1, 0])
        assert feedback.status == exercises.MISTAKE
        assert "- ReLU(0.5): ReLU is not an on/off switch" in feedback.message
        assert "Right so far: ReLU(3), ReLU(−2), ReLU(0), ReLU(−0.1)." in feedback.message

    def test_a_partly_filled_list_says_what_is_missing(self):
        feedback = self.judge([3, 0, ..., ..., ...])
        assert feedback.status == exercises.INCOMPLETE
        assert "So far so good: ReLU(3), ReLU(−2) are right." in feedback.message
        assert "Still to fill in: ReLU(0), ReLU(0.5), ReLU(−0.1)" in feedback.message

    def test_a_partly_filled_list_still_judges_what_is_filled(self):
        feedback = self.judge([3, 2, ..., ..., ...])
        assert feedback.status == exercises.MISTAKE
        assert "- ReLU(−2): ReLU does not flip the sign" in feedback.message
        assert "Still to fill in: ReLU(0), ReLU(0.5), ReLU(−0.1)" in feedback.message

    def test_a_list_of_the_wrong_length_is_explained(self):
        assert "should have 5 entries, but it has 4" in self.judge([3, 0, 0, 0.5]).message

    def test_text_inside_the_list_is_named(self):
        assert "- ReLU(0): ReLU(0) must be a number, but got the text '0'" in self.judge([3, 0, "0", 0.5, 0]).message


class TestWhichActivation:
    judge = staticmethod(ch02.check_which_activation.judge)

    def test_the_puzzle_outputs_are_the_activations_rounded(self):
        (za, a), (zb, b), (zc, c), (zd, d) = ch02.ACTIVATION_PUZZLES
        assert a == round(math.tanh(za), 3) and b == max(0.0, zb)
        assert c == round(1 / (1 + math.exp(-zc)), 3) and d == zd

    def test_names_are_read_loosely(self):
        from helpers.maths import relu

        assert self.judge([" TANH", relu, "logistic", None]).status == exercises.CORRECT
        assert self.judge(["tanh", "relu", "sigmoid", "no activation"]).status == exercises.CORRECT

    def test_a_wrong_name_is_answered_with_what_that_activation_would_give(self):
        message = self.judge(["sigmoid", "tanh", "ReLU", "ReLU"]).message
        assert "- case A: sigmoid(2) = 0.881, but the output here is 0.964." in message
        assert "- case B: tanh(−2) = −0.964, but the output here is 0." in message
        assert "- case C: ReLU(2) = 2, but the output here is 0.881." in message
        assert "- case D: ReLU(−2) = 0, but the output here is −2." in message

    def test_none_is_explained_as_leaving_z_unchanged(self):
        assert "no activation leaves z as it is" in self.judge(["none", "ReLU", "sigmoid", "tanh"]).message

    def test_an_unknown_name_lists_the_names(self):
        message = self.judge(["softmax", "ReLU", "sigmoid", "none"]).message
        assert "'softmax' is not one of the names 'ReLU', 'sigmoid', 'tanh', 'none'" in message

    def test_partly_filled(self):
        feedback = self.judge(["tanh", ..., ..., ...])
        assert feedback.status == exercises.INCOMPLETE
        assert "Still to fill in: case B, case C, case D (replace each ... with a name in quotes)" in feedback.message


class TestStackedWeights:
    judge = staticmethod(ch03.check_stacked_weights.judge)

    @pytest.mark.parametrize("answer, words", [
        ([[1, 0, 0.5], [2, -1, 0.5]], "it is transposed"),
        ([1, 2, 0, -1, 0.5, 0.5], "flat list of 6 numbers"),
        ([[1, 2], [0, -1]], "shape (2, 2)"),
        ([[0, -1], [1, 2], [0.5, 0.5]], "wrong order"),
        ([[2, 1], [-1, 0], [0.5, 0.5]], "in reverse"),
        ([[1, 2], [0, 1], [0.5, 0.5]], "Row 1 does not match"),
        ([[1, 2, 3], ["a", 0, 0]], "must contain only numbers"),
    ])
    def test_each_known_mistake_is_named(self, answer, words):
        feedback = self.judge(answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message


class TestLayerShapes:
    judge = staticmethod(ch03.check_layer_shapes.judge)

    def test_shapes_may_be_written_as_lists_or_single_numbers(self):
        assert self.judge([5, 2], 5, [5]).status == exercises.CORRECT

    @pytest.mark.parametrize("answer, words", [
        (((2, 5), (5,), (5,)), "W_shape: (2, 5) is the transposed shape"),
        ((10, (5,), (5,)), "W_shape: 10 is how many weights there are"),
        (((5, 2), (2,), (5,)), "b_shape: there is one bias per neuron, not one per input"),
        (((5, 2), (5, 1), (5,)), "b_shape: b is a plain 1-D vector"),
        (((5, 2), (5,), (2,)), "z_shape: z has one value per neuron"),
        (((5, 2), (5,), (5, 2)), "z_shape: W @ x is not a matrix"),
        (((5, 2), (5,), (7, 7)), "z_shape: (7, 7) is not it. W @ x gives one number for each row of W."),
        (("5, 2", (5,), (5,)), "write a shape as a tuple of whole numbers"),
        (((5.0, 2.0), (5,), (5,)), "write a shape as a tuple of whole numbers"),
    ])
    def test_each_known_mistake_is_named(self, answer, words):
        feedback = self.judge(*answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_partly_filled(self):
        feedback = self.judge((5, 2), ..., ...)
        assert feedback.status == exercises.INCOMPLETE
        assert "Still to fill in: b_shape, z_shape (replace each ... with a shape)" in feedback.message


class TestLayerGrid:
    judge = staticmethod(ch03.check_layer_grid.judge)

    @staticmethod
    def with_z(j, value):
        z = list(GRID_Z)
        z[j] = value
        return z, GRID_H

    @staticmethod
    def with_h(j, value):
        h = list(GRID_H)
        h[j] = value
        return GRID_Z, h

    # Wrong values worked out by hand from x = (1, 2, 3), the rows of W and b.
    @pytest.mark.parametrize("j, value, words", [
        (3, 1 * 1 + 2 * -1 + 3 * -1, "neuron 3, z[3]: you forgot the bias"),
        (2, 1 * 2 + 2 * -1 + 3 * 1 - 2, "neuron 2, z[2]: you used column 2 of W (read downwards), not row 2"),
        (0, 1 * 0.5 + 2 * -1 + 3 * 1 - 1, "neuron 0, z[0]: you used column 0 of W"),
        (0, -1.5, "neuron 0, z[0]: that is z[1], neuron 1's value"),
        (0, 1 * -1 + 2 * 1 + 3 * -1 - 1, "neuron 0, z[0]: you used row 1 of W"),
        (1, 1 * -1 + 2 * 1 + 3 * -1 + 3, "neuron 1, z[1]: you added b[3], neuron 3's bias"),
        (2, 1 * 1 + 2 * 0 + 3 * 1 + 2, "neuron 2, z[2]: you subtracted the bias"),
        (1, 1 * 1 + 2 * 1 + 3 * 1 + 0.5, "neuron 1, z[1]: a negative weight makes its input count negatively"),
        (0, 1 * 0.5 + 2 * -1 - 1, "neuron 0, z[0]: the product W[0,2] × x[2] is missing"),
        (0, 42, "neuron 0, z[0]: multiply row W[0] by x entry by entry"),
    ])
    def test_each_known_mistake_in_a_z_cell_is_named(self, j, value, words):
        feedback = self.judge(*self.with_z(j, value))
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message
        assert f"z[{j}]" not in feedback.message.split("Right so far:")[1]

    @pytest.mark.parametrize("j, value, words", [
        (1, -1.5, "neuron 1, h[1]: z[1] is negative, and ReLU turns a negative z into 0"),
        (3, max(0.0, 1 * 1 + 2 * -1 + 3 * -1) + 3, "neuron 3, h[3]: you applied ReLU before adding the bias"),
        (1, max(0.0, 1 * -1 + 2 * 1 + 3 * -1) + 0.5, "neuron 1, h[1]: you applied ReLU before adding the bias"),
        (1, 1.5, "neuron 1, h[1]: ReLU does not flip the sign"),
        (0, 0, "neuron 0, h[0]: z[0] is positive, and ReLU passes a positive z through unchanged"),
        (2, 1, "neuron 2, h[2]: ReLU is not an on/off switch"),
        (0, 1 * 0.5 + 2 * -1 + 3 * 2, "neuron 0, h[0]: the bias b[0] = −1 is missing"),
        (2, 7, "neuron 2, h[2]: h[2] = ReLU(z[2])"),
    ])
    def test_each_known_mistake_in_an_h_cell_is_named(self, j, value, words):
        feedback = self.judge(*self.with_h(j, value))
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_an_h_that_follows_from_a_wrong_z_says_so(self):
        z = [5.5, -1.5, 2, -1]  # z[0] with the bias subtracted
        feedback = self.judge(z, [5.5, 0, 2, 0])
        assert "neuron 0, z[0]: you subtracted the bias" in feedback.message
        assert "neuron 0, h[0]: ReLU of your z[0] is right, but z[0] is not yet" in feedback.message
        assert "Right so far: z[1], z[2], z[3], h[1], h[2], h[3]." in feedback.message

    def test_several_wrong_cells_are_each_named_once(self):
        feedback = self.judge([4.5, -1.5, 1, -4], [4.5, 0, 1, 3])
        lines = feedback.message.splitlines()
        assert lines[0] == "❌ Not yet."
        assert [line.split(":")[0] for line in lines[1:-1]] == [
            "- neuron 0, z[0]", "- neuron 2, z[2]", "- neuron 3, z[3]", "- neuron 0, h[0]", "- neuron 2, h[2]",
            "- neuron 3, h[3]"]

    def test_a_partly_filled_grid_says_what_is_missing_and_judges_the_rest(self):
        feedback = self.judge([3.5, ..., 1, ...], [..., ..., ..., ...])
        assert feedback.status == exercises.MISTAKE
        assert "neuron 2, z[2]: you used column 2 of W" in feedback.message
        assert "Right so far: z[0]." in feedback.message
        assert "Still to fill in: z[1], z[3], h[0], h[1], h[2], h[3]" in feedback.message

    def test_a_partly_filled_grid_without_mistakes_is_incomplete(self):
        feedback = self.judge([3.5, -1.5, ..., ...], ...)
        assert feedback.status == exercises.INCOMPLETE
        assert feedback.message.startswith("⏳ So far so good: z[0], z[1] are right.")

    def test_the_untouched_grid_prints_not_attempted(self, capsys):
        ch03.check_layer_grid([..., ..., ..., ...], [..., ..., ..., ...])
        assert capsys.readouterr().out.startswith("⏳ Not attempted yet")

    @pytest.mark.parametrize("z, h, words", [
        ([1, 2, 3], GRID_H, "z should have 4 entries, but it has 3"),
        (GRID_Z, "3.5, 0, 2, 0", "h should be a list of 4 entries"),
        ([3.5, "−1.5", 2, -1], GRID_H, "z[1] must be a number, but got the text '−1.5'"),
        ([3.5, [1, 2], 2, -1], GRID_H, "z[1] should be one number, but got 2 values"),
        (GRID_Z, [3.5, math.nan, 2, 0], "h[1] contains NaN"),
    ])
    def test_answers_of_the_wrong_form_are_explained(self, z, h, words):
        feedback = self.judge(z, h)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message


# ===========================================================================
# Chapters 04, 05 and 06: a hidden layer, the two-layer network, a batch
# ===========================================================================

class TestGridNames:
    def test_the_default_names_are_chapter_03s(self):
        assert ch03.GridNames() == ("x", "W", "b", "z", "h", "neuron")

    def test_a_layer_with_fewer_neurons_than_inputs_is_judged_without_error(self):
        x, W, b = np.array([1.0, 2.0, 3.0]), np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]), np.array([0.0, 0.0])
        entry = ch03.layer_z_entry(0, 99, x, W, b, ch05.OUTPUT_NAMES)
        assert entry.status == exercises.MISTAKE and "multiply row W2[0] by h" in entry.why


class TestCollapsedLayer:
    judge = staticmethod(ch04.check_collapsed_layer.judge)
    # W1 = [[1, 2], [0, −1]], b1 = [1, −1], W2 = [[1, 2], [−1, 1]], b2 = [1, 1], multiplied out by hand
    W = RIGHT[ch04.check_collapsed_layer][0]
    b = RIGHT[ch04.check_collapsed_layer][1]

    def test_the_hand_computation(self):
        assert self.W == [[1, 0], [-1, -3]] and self.b == [0, -1]

    @pytest.mark.parametrize("W, words", [
        ([[1 * 1 + 2 * -1, 1 * 2 + 2 * 1], [0 * 1 + -1 * -1, 0 * 2 + -1 * 1]], "the order is swapped"),
        ([[1, 4], [0, -1]], "entry by entry (*)"),
        ([[2, 4], [-1, 0]], "the layers do not add up"),
        ([[1, -1], [0, -3]], "your W is transposed"),
        ([[1, 0, 0], [0, 0, 0]], "it has shape (2, 3), but it should have shape (2, 2)"),
        ([[1, 0], [-1, 3]], "row j of W2 times column i of W1"),
    ])
    def test_each_mistake_in_W_is_named(self, W, words):
        feedback = self.judge(W, self.b)
        assert feedback.status == exercises.MISTAKE and "- W: " in feedback.message and words in feedback.message, \
            feedback.message
        assert "Right so far: b." in feedback.message

    @pytest.mark.parametrize("b, words", [
        ([1 * 1 + 2 * -1, -1 * 1 + 1 * -1], "b2 is missing"),
        ([1 + 1, -1 + 1], "b1 passes through the second layer too"),
        ([1, 1], "b1 is missing"),
        ([1, -1], "the first layer's bias alone"),
        ([1 * 1 + 2 * 1 + 1, 0 * 1 + -1 * 1 - 1], "the layers are the other way round"),
        ([1 * 2 + 2 * 0, -1 * 2 + 1 * 0], "b2 is added after W2"),
        ([5, 5], "Expand W2 @ (W1 @ x + b1) + b2"),
    ])
    def test_each_mistake_in_b_is_named(self, b, words):
        feedback = self.judge(self.W, b)
        assert feedback.status == exercises.MISTAKE and "- b: " in feedback.message and words in feedback.message, \
            feedback.message

    def test_half_done_is_incomplete(self):
        feedback = self.judge(self.W, ...)
        assert feedback.status == exercises.INCOMPLETE
        assert "Still to fill in: b (replace each ... with an array)" in feedback.message


class TestBends:
    judge = staticmethod(ch04.check_bends.judge)

    def test_every_sign_flipped_is_named_once(self):
        feedback = self.judge([1 / 1, 2 / -2, -1 / 0.5])
        assert feedback.status == exercises.MISTAKE and "Every sign is flipped" in feedback.message

    @pytest.mark.parametrize("j, value, words", [
        (1, -1, "the sign is flipped"),
        (1, -2, "divide by the weight too"),
        (2, -0.5, "the fraction is upside down"),
        (2, 0.5, "the fraction is upside down"),
        (2, -1, "crosses 0: set it to 0 and solve for x"),
        (2, 7, "set z1[2] = 0.5·x − 1 to 0 and solve for x"),
        (1, "one", "must be a number"),
    ])
    def test_each_mistake_is_named_for_its_neuron(self, j, value, words):
        answer = [-1, 1, 2]
        answer[j] = value
        feedback = self.judge(answer)
        assert feedback.status == exercises.MISTAKE and f"- bend {j}: " in feedback.message, feedback.message
        assert words in feedback.message, feedback.message

    def test_the_hints_give_the_rule_but_not_the_numbers(self):
        feedback = self.judge([5, 5, 5])
        assert "= −1" not in feedback.message and "x = 2" not in feedback.message


class TestRightSlope:
    judge = staticmethod(ch04.check_right_slope.judge)
    # Far to the right, neurons 0 (weight 1) and 2 (weight 0.5) are on: 2×1 + (−2)×0.5
    right = 2 * 1 + (-2) * 0.5

    def test_right_and_stub(self):
        assert self.judge(self.right).status == exercises.CORRECT
        assert self.judge(...).status == exercises.NOT_ATTEMPTED

    @pytest.mark.parametrize("answer, words", [
        (2 * 1 + 1 * -2 + (-2) * 0.5, "the slope without ReLU"),
        (1 * -2, "the slope far to the left"),
        (1 + 0.5, "you left out the W2 factors"),
        (2 * 1, "Neuron 2 is on too"),
        (2 * 1 + (-2) * 0.5 - 0.5, "does not change the slope"),
        (2 + -2, "multiply its output weight by its input weight"),
        (42, "Find the neurons that are on"),
    ])
    def test_each_mistake_is_named(self, answer, words):
        feedback = self.judge(answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    @pytest.mark.parametrize("odd", ["one", [1, 2], math.nan, {}, object(), True])
    def test_odd_answers_get_a_message_never_an_exception(self, odd, capsys):
        ch04.check_right_slope(odd)
        said = capsys.readouterr().out
        assert said.startswith("❌ Not yet.") and "could not read" not in said


class TestNetworkGrid:
    judge = staticmethod(ch05.check_network_grid.judge)
    right = RIGHT[ch05.check_network_grid]

    def test_the_hand_computation(self):
        assert self.right == ([0.5, 3, -3], [0.5, 3, 0], [-1, 1], [0, 1])

    def with_entry(self, which, index, value):
        answer = [list(part) for part in self.right]
        answer[which][index] = value
        return answer

    @pytest.mark.parametrize("which, index, value, words", [
        (0, 1, 2, "hidden neuron 1, z1[1]: you forgot the bias: add b1[1] = 1"),
        (0, 1, 1 * 2 + -1 * -1 + 1, "hidden neuron 1, z1[1]: you used column 1 of W1"),
        (1, 2, -3, "hidden neuron 2, h[2]: z1[2] is negative, and ReLU turns a negative z into 0"),
        (1, 0, 0, "hidden neuron 0, h[0]: z1[0] is positive"),
        (2, 0, 0.5 * 2 + 3 * -1 + 0 * 1, "output 0, z2[0]: you forgot the bias: add b2[0] = 1"),
        (2, 1, 0.5 * 2 + 3 * -1 + 0 * 1 - 1, "output 1, z2[1]: you used row 0 of W2"),
        (3, 1, 0, "output 1, y[1]: z2[1] is positive"),
        (3, 0, -1, "output 0, y[0]: z2[0] is negative"),
    ])
    def test_each_mistake_is_named_with_the_layers_own_names(self, which, index, value, words):
        feedback = self.judge(*self.with_entry(which, index, value))
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_z2_computed_from_z1_instead_of_h_is_named(self):
        z2_from_z1 = [2 * 0.5 - 1 * 3 + 1 * -3 + 1, 1 * 0.5 + 0.5 * 3 - 1 * -3 - 1]
        feedback = self.judge([0.5, 3, -3], [0.5, 3, 0], z2_from_z1, [0, 4])
        assert feedback.message.count("you used z1 instead of h") == 2, feedback.message

    def test_z2_that_follows_from_a_wrong_h_says_so(self):
        h = [0.5, 2, 0]  # h[1] wrong
        z2 = [2 * 0.5 - 1 * 2 + 0 + 1, 1 * 0.5 + 0.5 * 2 - 0 - 1]
        feedback = self.judge([0.5, 3, -3], h, z2, [0, 0.5])
        assert "output 0, z2[0]: z2[0] is right for your h, but h is not right yet" in feedback.message
        assert "output 1, z2[1]: z2[1] is right for your h" in feedback.message

    def test_partly_filled(self):
        feedback = self.judge([0.5, 3, -3], [...] * 3, [...] * 2, ...)
        assert feedback.status == exercises.INCOMPLETE
        assert "Still to fill in: h[0], h[1], h[2], z2[0], z2[1], y[0], y[1]" in feedback.message


class TestParameterCounts:
    judge = staticmethod(ch05.check_parameter_counts.judge)

    def test_the_networks_and_their_counts(self):
        assert ch05.PARAMETER_NETWORKS == ((2, 4, 3), (4, 5, 3), (784, 128, 10))
        assert RIGHT[ch05.check_parameter_counts] == ([27, 43, 101770],)

    def test_forgetting_the_biases_everywhere_is_named_once(self):
        feedback = self.judge([2 * 4 + 4 * 3, 4 * 5 + 5 * 3, 784 * 128 + 128 * 10])
        assert feedback.status == exercises.MISTAKE and "You left out the biases in all three" in feedback.message

    @pytest.mark.parametrize("value, words", [
        (8 + 12, "forgot the biases: each neuron also has one bias, 4 + 3 more"),
        (8 + 12 + 2 + 4, "one bias per neuron, not one per input"),
        (8 + 12 + 2 + 4 + 3, "the inputs have no biases"),
        (8 + 12 + 2, "one bias per neuron, not one per layer"),
        (2 * 4 * 3, "multiplying all the sizes"),
        (2 + 4 + 3, "counts the values (inputs and neurons), not the parameters"),
        (8 + 4, "that is the first layer only"),
        (12 + 3, "that is the second layer only"),
        (100, "(2·4 + 4) + (4·3 + 3)"),
        ("27", "must be a number"),
    ])
    def test_each_mistake_is_named_for_its_network(self, value, words):
        feedback = self.judge([value, 43, 101770])
        assert feedback.status == exercises.MISTAKE and "- [2, 4, 3]: " in feedback.message, feedback.message
        assert words in feedback.message, feedback.message
        assert "Right so far: [4, 5, 3], [784, 128, 10]." in feedback.message


def _relu(z):
    return np.maximum(z, 0)


class TestMyNetwork:
    judge = staticmethod(ch05.check_my_network.judge)

    @staticmethod
    def loops(x, W1, b1, W2, b2):
        """The network with plain Python loops, written independently of the check."""
        h = [max(0.0, sum(w * v for w, v in zip(row, x)) + bias) for row, bias in zip(W1, b1)]
        return [max(0.0, sum(w * v for w, v in zip(row, h)) + bias) for row, bias in zip(W2, b2)]

    def test_a_correct_network_passes_as_arrays_or_lists(self):
        assert self.judge(lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x + b1) + b2)).status == exercises.CORRECT
        assert self.judge(self.loops).status == exercises.CORRECT

    def test_the_untouched_stub_is_not_attempted(self):
        def my_network(x, W1, b1, W2, b2):
            ...

        assert self.judge(my_network).status == exercises.NOT_ATTEMPTED
        assert self.judge(...).status == exercises.NOT_ATTEMPTED

    @pytest.mark.parametrize("function, words", [
        (lambda x, W1, b1, W2, b2: _relu(W2 @ (W1 @ x + b1) + b2), "The hidden layer has no ReLU"),
        (lambda x, W1, b1, W2, b2: W2 @ _relu(W1 @ x + b1) + b2, "It returns z2"),
        (lambda x, W1, b1, W2, b2: W2 @ (W1 @ x + b1) + b2, "There is no ReLU at all"),
        (lambda x, W1, b1, W2, b2: _relu(W1 @ x + b1), "It returns the hidden values h"),
        (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x)), "Both biases are missing"),
        (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x) + b2), "b1 is missing"),
        (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x + b1)), "b2 is missing"),
        (lambda x, W1, b1, W2, b2: _relu(W2 @ (_relu(W1 @ x) + b1) + b2), "ReLU comes after the bias"),
        (lambda x, W1, b1, W2, b2: _relu(_relu(x @ W1 + b1) @ W2 + b2), "compute W1 @ x (not x @ W1)"),
        (lambda x, W1, b1, W2, b2: 1 / 0, "raised ZeroDivisionError"),
        (lambda x, W1, b1, W2, b2: _relu(W2 @ _relu(W1 @ x + b1) + b2) + 1, "Compute z1 = W1 @ x + b1"),
        (lambda x, W1, b1, W2, b2: "y", "must be numbers"),
        (42, "Expected a function, but got int"),
    ])
    def test_each_mistake_is_named(self, function, words):
        feedback = self.judge(function)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    def test_a_function_that_stops_returning_midway_is_told_to_return(self):
        calls = []

        def sometimes(x, W1, b1, W2, b2):
            calls.append(1)
            return None if len(calls) > 1 else _relu(W2 @ _relu(W1 @ x + b1) + b2)

        assert "end it with return y" in self.judge(sometimes).message

    def test_a_function_that_changes_its_arguments_cannot_change_the_test_cases(self):
        def spoils(x, W1, b1, W2, b2):
            y = _relu(W2 @ _relu(W1 @ x + b1) + b2)
            for array in (x, W1, b1, W2, b2):
                array *= 0  # in place: changes the caller's arrays unless it was given copies
            return y

        assert self.judge(spoils).status == exercises.CORRECT
        x, W1, b1, W2, b2 = ch05.MY_NETWORK_CASES[0]  # chapter 05's network, as the chapter writes it
        assert x.tolist() == [2, 3, 5] and b1.tolist() == [-1, 1, 0.5, -2] and b2.tolist() == [0.5, -1]
        assert W1.tolist()[1] == [1, 0, -1] and W2.tolist()[0] == [1, 0.5, -1, 1]
        assert self.judge(self.loops).status == exercises.CORRECT


class TestBatchLayer:
    judge = staticmethod(ch06.check_batch_layer.judge)
    Z = RIGHT[ch06.check_batch_layer][0]

    def test_the_hand_computation(self):
        assert self.Z == [[3.5, -1.5, 2, -1], [-4, 1.5, -1, 4], [-3.5, 3.5, -3, 0]]

    @pytest.mark.parametrize("make, words", [
        (lambda X, W, b: X.T @ W.T + b, "you used X.T"),
        (lambda X, W, b: X @ W.T, "the bias b is missing"),
        (lambda X, W, b: np.maximum(X @ W.T + b, 0), "Z is before the activation"),
        (lambda X, W, b: W @ X.T + b[:, None], "your Z is transposed"),
        (lambda X, W, b: X @ W.T - b, "added, not subtracted"),
        (lambda X, W, b: W @ X[0] + b, "only the first sample"),
        (lambda X, W, b: np.zeros((3, 4)), "one row per sample (3), one column per neuron (4)"),
        (lambda X, W, b: np.zeros((2, 4)), "it has shape (2, 4), but it should have shape (3, 4)"),
    ])
    def test_each_mistake_is_named(self, make, words):
        X, W, b = (np.array(v, dtype=float) for v in (ch06.BATCH_X, ch03.GRID_W, ch03.GRID_B))
        feedback = self.judge(make(X, W, b))
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message


class TestBatchShapes:
    judge = staticmethod(ch06.check_batch_shapes.judge)
    right = ((8, 5), (16, 5), (16,), (8, 16), (3, 16), (8, 3))

    def test_right_as_tuples_lists_or_single_numbers(self):
        assert self.judge(*self.right).status == exercises.CORRECT
        assert self.judge([8, 5], [16, 5], 16, [8, 16], [3, 16], [8, 3]).status == exercises.CORRECT

    def test_stubs(self):
        assert self.judge(*[...] * 6).status == exercises.NOT_ATTEMPTED
        feedback = self.judge((8, 5), ..., ..., ..., ..., ...)
        assert feedback.status == exercises.INCOMPLETE
        assert "Still to fill in: W1_shape, b1_shape, H_shape, W2_shape, Y_shape" in feedback.message

    @pytest.mark.parametrize("index, value, words", [
        (0, (5, 8), "X_shape: (5, 8) is transposed"),
        (0, 40, "X_shape: 40 is how many numbers X holds"),
        (0, (5,), "X_shape: (5,) is one sample"),
        (1, (5, 16), "W1_shape: (5, 16) is transposed"),
        (1, (8, 16), "W1_shape: the weights do not depend on the batch"),
        (2, (8, 16), "b1_shape: b1 is shared by every sample"),
        (2, (8,), "b1_shape: there is one bias per hidden neuron, not one per sample"),
        (2, (5,), "b1_shape: there is one bias per hidden neuron, not one per input"),
        (2, (16, 1), "b1_shape: b1 is a plain 1-D vector"),
        (3, (16, 8), "H_shape: (16, 8) is transposed"),
        (3, (16,), "H_shape: (16,) is one sample's hidden values"),
        (4, (16, 3), "W2_shape: (16, 3) is transposed"),
        (4, (8, 3), "W2_shape: (8, 3) is the shape of Y"),
        (4, (3, 5), "W2_shape: the output layer reads the hidden values"),
        (5, (3, 8), "Y_shape: (3, 8) is transposed"),
        (5, (3,), "Y_shape: (3,) is one sample's outputs"),
        (5, (8, 16), "Y_shape: that is H's shape"),
        (5, (7, 7), "Y_shape: (7, 7) is not it. H @ W2.T"),
        (5, "8, 3", "Y_shape: write a shape as a tuple"),
    ])
    def test_each_mistake_is_named(self, index, value, words):
        answer = list(self.right)
        answer[index] = value
        feedback = self.judge(*answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    @pytest.mark.parametrize("odd", ["seven", math.nan, {}, object(), True, np.ones(2), [1.5, 2]])
    def test_odd_answers_get_a_message_never_an_exception(self, odd, capsys):
        ch06.check_batch_shapes(*[odd] * 6)
        said = capsys.readouterr().out
        assert said.startswith("❌ Not yet.") and "could not read" not in said


# ---------------------------------------------------------------------------
# Chapter 07: lines to shapes
# ---------------------------------------------------------------------------

class TestLineCrossings:
    judge = staticmethod(ch07.check_line_crossings.judge)

    def test_the_right_crossings_worked_out_by_hand(self):
        # 1·x[0] + 2·0 − 2 = 0 gives x[0] = 2; 1·0 + 2·x[1] − 2 = 0 gives x[1] = 1
        assert self.judge(2, 1).status == exercises.CORRECT

    def test_stubs(self):
        assert self.judge(..., ...).status == exercises.NOT_ATTEMPTED
        feedback = self.judge(2, ...)
        assert feedback.status == exercises.INCOMPLETE and "crosses_x1" in feedback.message

    @pytest.mark.parametrize("crosses_x0, crosses_x1, words", [
        (-2, 1, "sign is flipped"),
        (1, 1, "crosses the other axis"),
        (0.5, 1, "divide the other way round"),
        (-0.5, 1, "divide the other way round"),
        (0, 1, "without the bias"),
        (2, -1, "sign is flipped"),
        (2, 2, "crosses the other axis"),
        (2, 2.0001, "put the other input to 0"),
        (2, -2, "put the other input to 0"),
    ])
    def test_each_slip_is_named(self, crosses_x0, crosses_x1, words):
        feedback = self.judge(crosses_x0, crosses_x1)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message



class TestPointValues:
    judge = staticmethod(ch07.check_point_values.judge)

    def test_the_right_values_worked_out_by_hand(self):
        # z = x[0] + 2·x[1] − 2 at A (0, 0), B (3, 0), C (0, 2), D (1, 0.4): −2, 1, 2, −0.2
        assert self.judge([0, 1, 2, 0]).status == exercises.CORRECT
        assert self.judge(np.array([0.0, 1.0, 2.0, 0.0])).status == exercises.CORRECT

    def test_partly_filled_in(self):
        feedback = self.judge([0, 1, ..., ...])
        assert feedback.status == exercises.INCOMPLETE and "C, D" in feedback.message

    @pytest.mark.parametrize("answer, words", [
        ([-2, 1, 2, -0.2], "ReLU turns it into 0"),
        ([0, 3, 4, 1.8], "the bias −2 is missing"),
        ([2, 5, 6, 3.8], "instead of subtracting it"),
        ([0, 4, 0, 0.4], "swapped the weights"),
        ([0, 1, 1, 0], "not an on/off switch"),
        ([0, 1, 2, 7], "work out z"),
    ])
    def test_each_slip_is_named(self, answer, words):
        feedback = self.judge(answer)
        assert feedback.status == exercises.MISTAKE and words in feedback.message, feedback.message

    @pytest.mark.parametrize("odd", [[1, 2], "0120", 3, [None, "a", 1, 2]])
    def test_odd_answers_get_a_message(self, odd, capsys):
        ch07.check_point_values(odd)
        assert capsys.readouterr().out.startswith(("❌", "⏳"))


BAND_SOLUTION = ([[2, 0], [-2, 0]], [-2, -2], [[-1, -1]], [0.1])
SQUARE_SOLUTION = ([[2, 0], [-2, 0], [0, 2], [0, -2]], [-2, -2, -2, -2], [[-1, -1, -1, -1]], [0.1])


def wrong_points(shape, W1, b1, W2, b2):
    """The 400 check points worked out one at a time: (outside with y > 0, inside with y <= 0)."""
    outside = inside = 0
    for i in range(20):
        for k in range(20):
            x0, x1 = -2 + 0.2 * (k + 0.5), -2 + 0.2 * (i + 0.5)
            y = b2[0] + sum(W2[0][j] * max(0.0, W1[j][0] * x0 + W1[j][1] * x1 + b1[j]) for j in range(len(b1)))
            wanted = shape.left < x0 < shape.right and shape.bottom < x1 < shape.top
            outside += (not wanted) and y > 1e-9
            inside += wanted and y <= 1e-9
    return outside, inside


def changed(network, **changes):
    W1, b1, W2, b2 = (np.array(v, dtype=float) for v in network)
    values = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    for name, value in changes.items():
        values[name] = np.array(value, dtype=float)
    return values["W1"], values["b1"], values["W2"], values["b2"]


SHAPE_SLIPS = [
    # check, the answer, words its message must use
    (ch07.check_square, changed(SQUARE_SOLUTION, W2=[[1, 1, 1, 1]]), ["all around it", "W2 have the wrong sign"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, W2=[[1, 1, 1, 1]], b2=[-0.1]),
     ["inside the square where y is not positive", "opposite of the target", "Flip the signs of W2 and b2"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, b2=[-0.3]), ["b2 = −0.3 is not positive"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, b2=[0]), ["every hidden neuron is silent, y = b2", "such as 0.1"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, W1=[[2, 0], [2, 0], [0, 2], [0, -2]], b1=[-2, 2, -2, -2]),
     ["all to the left of it (x[0] < −1)", "neuron 1 is active on the wrong side of its line",
      "flip the signs of W1[1] and b1[1]"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, b1=[-2, 2, -2, -2]),
     ["all over the inside", "neuron 1's line is on the wrong side of (0, 0)"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, b1=[0, 0, 0, 0]), ["every line passes through (0, 0)"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, b2=[1]), ["a little beyond the square", "Make b2 smaller"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, W1=[[2, 0], [-2, 0], [0, 2]], b1=[-2, -2, -2], W2=[[-1, -1, -1]]),
     ["all below it (x[1] < −1)", "The square has 4 edges", "you have 3"]),
    (ch07.check_square, changed(SQUARE_SOLUTION, W1=[[2, 0], [-2, 0], [0, 2], [1, -2]]),
     ["mostly near its bottom edge (x[1] = −1)", "The line of neuron 3", "does not run along an edge"]),
    (ch07.check_band, changed(BAND_SOLUTION, W1=[[2, -2], [0, 0]]), ["W1 looks transposed"]),
    (ch07.check_band, changed(BAND_SOLUTION, W1=[[0, 2], [0, -2]]),
     ["to the left of it (x[0] < −1) and to the right of it (x[0] > 1)", "The lines of neuron 0",
      "whose edges are x[0] = −1 and x[0] = 1"]),
]


@pytest.mark.parametrize("check, answer, words", SHAPE_SLIPS, ids=range(len(SHAPE_SLIPS)))
def test_a_shape_check_counts_the_wrong_points_and_names_the_slip(check, answer, words):
    feedback = check.judge(*answer)
    assert feedback.status == exercises.MISTAKE, feedback.message
    shape = ch07.SQUARE if check is ch07.check_square else ch07.BAND
    outside, inside = wrong_points(shape, *(np.asarray(v).tolist() for v in answer))
    assert f"{outside + inside} of 400 points are wrong" in feedback.message
    if outside:
        assert f"{outside} outside the {shape.name} where y is positive" in feedback.message
    if inside:
        assert f"{inside} inside the {shape.name} where y is not positive" in feedback.message
    for fragment in words:
        assert fragment in feedback.message, feedback.message


@pytest.mark.parametrize("check, solution", [(ch07.check_band, BAND_SOLUTION),
                                             (ch07.check_square, SQUARE_SOLUTION)])
class TestShapeChecks:
    def test_the_solution_is_correct_and_has_no_wrong_point(self, check, solution):
        shape = ch07.SQUARE if check is ch07.check_square else ch07.BAND
        assert wrong_points(shape, *solution) == (0, 0)
        feedback = check.judge(*solution)
        assert feedback.status == exercises.CORRECT and "at none of the" in feedback.message

    def test_a_flat_output_weight_list_and_a_plain_number_bias_are_fine(self, check, solution):
        W1, b1, W2, b2 = solution
        feedback = check.judge(W1, b1, W2[0], b2[0])
        assert feedback.status == exercises.CORRECT and "flat list" in feedback.message

    def test_stubs(self, check, solution):
        assert check.judge(..., ..., ..., ...).status == exercises.NOT_ATTEMPTED
        feedback = check.judge(solution[0], solution[1], ..., ...)
        assert feedback.status == exercises.INCOMPLETE and "Still to fill in: W2_" in feedback.message

    @pytest.mark.parametrize("odd", ["abc", None, [[1, 2, 3]], [[np.nan, 0]], {}, object(), [[1, 0], [0, 1], [1]]])
    def test_odd_answers_get_a_message_never_an_exception(self, check, solution, odd, capsys):
        feedback = check.judge(odd, solution[1], solution[2], solution[3])  # raises if it cannot read the answer
        assert feedback.message.startswith(("❌ Not yet.", "⏳")), feedback.message
        check(odd, solution[1], solution[2], solution[3])
        said = capsys.readouterr().out
        assert said == feedback.message + "\n" and "could not read" not in said

    def test_a_shape_error_names_both_shapes(self, check, solution):
        W1, b1, W2, b2 = solution
        feedback = check.judge([[1, 2, 3]], b1, W2, b2)
        assert "W1 has shape (1, 3)" in feedback.message


# ---------------------------------------------------------------------------
# A function that returns None, the whole region of a shape, answers kept out of docstrings
# ---------------------------------------------------------------------------

def weighted_sum_printed(inputs, weights):
    total = 0
    for x, w in zip(inputs, weights):
        total += x * w
    print(total)


def weighted_sum_without_return(inputs, weights):
    total = 0
    for x, w in zip(inputs, weights):
        total += x * w


def network_without_return(x, W1, b1, W2, b2):
    h = _relu(W1 @ x + b1)
    y = _relu(W2 @ h + b2)  # noqa: F841 (the learner forgot to return it)


def network_printed(x, W1, b1, W2, b2):
    print(_relu(W2 @ _relu(W1 @ x + b1) + b2))


@pytest.mark.parametrize("check, function, returns", [
    (ch01.check_my_weighted_sum, weighted_sum_without_return, "return total"),
    (ch01.check_my_weighted_sum, weighted_sum_printed, "return total"),
    (ch05.check_my_network, network_without_return, "return y"),
    (ch05.check_my_network, network_printed, "return y"),
], ids=["weighted sum, no return", "weighted sum, printed", "network, no return", "network, printed"])
def test_a_function_that_returns_none_is_told_it_needs_return(check, function, returns, capsys):
    feedback = check.judge(function)
    assert feedback.status == exercises.MISTAKE, feedback.message
    assert "returned None" in feedback.message and returns in feedback.message, feedback.message
    assert "Not attempted" not in feedback.message


def test_the_untouched_function_stubs_of_the_notebooks_are_not_attempted():
    namespace = {}
    exec("def my_weighted_sum(inputs, weights):\n"
         "    # Your code here: start a total at 0, add each input × weight, return the total.\n"
         "    ...\n"
         "def my_network(x, W1, b1, W2, b2):\n"
         "    '''A docstring does not make it an attempt.'''\n"
         "    pass\n", namespace)
    assert ch01.check_my_weighted_sum.judge(namespace["my_weighted_sum"]).status == exercises.NOT_ATTEMPTED
    assert ch05.check_my_network.judge(namespace["my_network"]).status == exercises.NOT_ATTEMPTED


def test_a_weighted_sum_that_changes_its_lists_cannot_change_the_test_cases():
    def spoils(inputs, weights):
        total = sum(x * w for x, w in zip(inputs, weights))
        inputs.clear()
        weights.append(99)
        return total

    assert ch01.check_my_weighted_sum.judge(spoils).status == exercises.CORRECT
    assert ch01.MY_WEIGHTED_SUM_CASES[0] == ([2, 3, 5], [0.5, 0.3, 0.2])
    assert ch01.check_my_weighted_sum.judge(spoils).status == exercises.CORRECT


def test_judge_function_passes_copies_and_reports_none():
    cases = [([1, 2],)]

    def grows(values):
        values.append(3)
        return sum(values)

    kwargs = dict(slips=[], describe_case=lambda case: f"For {case[0]}", hint="", all_right="", returns="return s")
    assert exercises.judge_function(grows, cases, [6], **kwargs).status == exercises.CORRECT
    assert exercises.judge_function(grows, cases, [6], **kwargs).status == exercises.CORRECT  # the case is unchanged
    assert cases == [([1, 2],)]
    feedback = exercises.judge_function(lambda values: print(values), cases, [3], **kwargs)
    assert feedback.status == exercises.MISTAKE and "For [1, 2], your function returned None" in feedback.message


# A network whose output is positive on a box: the band's two edges, and two more at x[1] = ±2.05,
# just outside the check grid (which stops at ±2). The band goes on forever up and down: this is wrong.
BAND_CUT_AT_2_05 = ([[2, 0], [-2, 0], [0, 2], [0, -2]], [-2, -2, -4.1, -4.1], [[-1, -1, -1, -1]], [0.1])


def test_the_band_check_judges_the_whole_band_not_only_the_picture():
    W1, b1, W2, b2 = (np.array(v, dtype=float) for v in BAND_CUT_AT_2_05)
    y_far_up = b2[0] + W2[0] @ np.maximum(W1 @ np.array([0.0, 10.0]) + b1, 0)  # inside the band, far up
    assert y_far_up < 0  # worked out independently: the answer is wrong there
    feedback = ch07.check_band.judge(*BAND_CUT_AT_2_05)
    assert feedback.status == exercises.MISTAKE, feedback.message
    assert "goes on beyond them" in feedback.message and "inside the band, y is not positive" in feedback.message
    assert "do not run along an edge of the band" in feedback.message


def test_the_band_check_catches_a_tilt_the_picture_cannot_show():
    # Neuron 1's line is x[0] = −1 + 0.005·x[1]: within the check grid it is off by at most 0.01,
    # but 1000 below, it runs at x[0] = −6, and y is positive left of the band there.
    W1, b1, W2, b2 = [[2, 0], [-2, 0.01]], [-2, -2], [[-1, -1]], [0.1]
    y_far = b2[0] + sum(W2[0][j] * max(0.0, W1[j][0] * -3 + W1[j][1] * -1000 + b1[j]) for j in range(2))
    assert y_far > 0  # at (−3, −1000), outside the band: worked out independently
    feedback = ch07.check_band.judge(W1, b1, W2, b2)
    assert feedback.status == exercises.MISTAKE and "goes on beyond them" in feedback.message, feedback.message


CH08_ANSWERS = {
    # chapter 08's right answers, worked out by hand: y = 1×0.5 + 4×0.3 + 2×0.2 = 2.1 against 1.5;
    # the errors 1, 0, 2, −2 of exercise 2; w3 = (5 − 1.9) / 5 for the target 5 of exercise 4
    ch08.check_error_and_square: (0.6, 0.36),
    ch08.check_batch_loss: (2.25,),
    ch08.check_lowest_loss: (0.62,),
}
"""Chapter 08's checks (tested in tests/test_ch08_loss.py), for the test that no answer shows before trying."""

CH12_ANSWERS = {
    # chapter 12's right answers, worked out by hand: sigmoid's slope at 0 is 0.5 × (1 − 0.5);
    # a chain of 5 sigmoid neurons with weights 2 multiplies by (2 × 0.25) five times
    ch12.check_largest_sigmoid_slope: (0.25,),
    ch12.check_chain_factor: (0.03125,),
}
"""Chapter 12's number checks (tested in tests/test_ch12_deeper_networks.py), for the test that no answer shows before trying."""

CH13_ANSWERS = {
    # chapter 13's right answers, worked out by hand: 0.2 × 60 points; the lowest of the test losses
    # 1.3, 1.0, 0.85, 0.8, … is entry 3; w = 2 − 0.1 × (1 + 2 × 0.25 × 2) and b = 1 − 0.1 × 0.5
    ch13.check_test_size: (12,),
    ch13.check_best_step: (3,),
    ch13.check_decay_step: (1.8, 0.95),
}
"""Chapter 13's checks (tested in tests/test_ch13_overfitting.py), for the test that no answer shows before trying."""


def reference_answers() -> dict:
    """Each check's right answer, from the tables above (worked out independently of the checks)."""
    answers = {check: (right,) for check, (right, _) in NUMERIC_CHECKS.items()}
    answers.update(RIGHT)
    answers[ch07.check_line_crossings] = (2, 1)
    answers[ch07.check_point_values] = ([0, 1, 2, 0],)
    answers[ch04.check_right_slope] = (1,)
    answers.update(CH08_ANSWERS)
    answers.update(CH12_ANSWERS)
    answers.update(CH13_ANSWERS)
    return answers


def spellings(value) -> set[str]:
    """The ways a docstring or a message might write an answer: 6.7, −2.9 or -2.9, [3, 0, 0, 0.5, 0]…"""
    if isinstance(value, str):
        return {value}
    array = np.asarray(value, dtype=object if isinstance(value, (list, tuple)) and value and isinstance(
        np.ravel(value)[0], str) else float)
    if array.dtype == object:
        return {", ".join(map(str, array.ravel())), ", ".join(map(repr, array.ravel()))}
    if array.ndim == 0:
        text = f"{float(array):.4g}"
        forms = {text, text.replace("-", "\u2212")}
        if "." in text or abs(float(array)) >= 10:  # the number on its own, not inside another (2×0.5, 10.5)
            return {re.compile(rf"(?<![\d.×·]){re.escape(form)}(?![\d×·])") for form in forms}
        return {f"({form})" for form in forms} | {f"= {form}." for form in forms}  # a small whole number alone
    flat = [f"{float(v):.4g}" for v in array.ravel()]
    joined = ", ".join(flat)
    return {f"[{joined}]", f"[{joined.replace('-', chr(0x2212))}]", f"({joined})"}


@pytest.mark.parametrize("check", list(reference_answers()), ids=lambda c: c.__name__)
def test_no_answer_in_a_docstring_or_before_trying(check):
    import pydoc

    shown_before_trying = [check.__doc__ or "", pydoc.render_doc(check, renderer=pydoc.plaintext),
                           check.judge(*[...] * check.judge.__code__.co_argcount).message]
    for answer in reference_answers()[check]:
        for form in spellings(answer):
            for text in shown_before_trying:
                found = form.search(text) if isinstance(form, re.Pattern) else form in text
                assert not found, f"{check.__name__} shows its answer {form!r} before any attempt:\n{text}"


def test_every_check_says_which_exercise_it_is():
    from helpers.chapters import all_checks

    checks = all_checks()
    assert len(checks) == 45  # chapters 01-07: 24; chapter 08: 4; chapter 09: 4; chapter 10: 3; chapter 11: 3; chapter 12: 4; chapter 13: 3
    assert len({(c.chapter, c.number) for c in checks}) == len(checks)
    for check in checks:
        assert check.__doc__.startswith(f"Chapter {check.chapter:02d}, exercise {check.number}: ")
        assert check.__module__.startswith(f"helpers.chapters.ch{check.chapter:02d}_")
