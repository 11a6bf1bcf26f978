"""The exercise checks: correct answers pass, each known mistake is named, stubs say
"not attempted yet", and nothing a learner types makes a check raise."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import checks

NUMERIC_CHECKS = {
    # check: (the right answer worked out independently, {wrong answer: words the message must use})
    checks.check_ana_score: (8 * 0.5 + 5 * 0.3 + 6 * 0.2, {19: "without weighing", 1.0: "added the weights",
                                                           6.7 / 3: "averaged", 5.5: "missing"}),
    checks.check_third_weight: ((4 - 1.9) / 5, {0.8: "already add 1.9", 2.1: "divided by the input",
                                                0.22: "how much w3 must grow", 1.1: "output must grow"}),
    checks.check_doubled_inputs: (2 * 2.9, {2.9: "does change", 4.9: "doesn't add 2", 11.6: "not 4"}),
    # chapter 02: 2 + 3 + 5 weighted is 2.9, so the bias −2.9 brings z to 0
    checks.check_switching_bias: (-(2 * 0.5 + 3 * 0.3 + 5 * 0.2), {2.9: "opposite sign", -1: "bias used above",
                                                                   0: "With no bias", -1.9: "not that output"}),
    # chapter 02: ReLU(1×0.5 + 4×(−1) + 2×0.5 + 3) = ReLU(0.5)
    checks.check_full_neuron: (0.5, {3: "before adding the bias", 0: "leave out the bias", -2.5: "weighted sum alone",
                                     8.5: "count negatively", 5.5: "bias +3 is missing"}),
}


@pytest.mark.parametrize("check", NUMERIC_CHECKS, ids=lambda c: c.__name__)
class TestNumericChecks:
    def test_right_answer_is_correct(self, check):
        right, _ = NUMERIC_CHECKS[check]
        assert check.judge(right).status == checks.CORRECT

    def test_stub_is_not_attempted(self, check):
        assert check.judge(...).status == checks.NOT_ATTEMPTED
        assert check.judge(None).status == checks.NOT_ATTEMPTED

    def test_each_known_mistake_is_named(self, check):
        _, wrong = NUMERIC_CHECKS[check]
        for answer, words in wrong.items():
            feedback = check.judge(answer)
            assert feedback.status == checks.MISTAKE
            assert words in feedback.message, f"{answer}: {feedback.message}"

    def test_an_unknown_wrong_answer_gets_a_hint_not_the_answer(self, check):
        right, _ = NUMERIC_CHECKS[check]
        feedback = check.judge(123.456)
        assert feedback.status == checks.MISTAKE and "123.456" in feedback.message
        assert f"{right:g}" not in feedback.message

    @pytest.mark.parametrize("odd", ["seven", [1, 2], [[1], [2, 3]], math.nan, math.inf, {}, "6.7", object()])
    def test_odd_answers_get_a_message_never_an_exception(self, check, odd, capsys):
        check(odd)
        said = capsys.readouterr().out
        assert said.startswith("❌ Not yet."), said
        assert "Traceback" not in said


def test_the_printed_check_shows_the_message(capsys):
    checks.check_ana_score(6.7)
    assert capsys.readouterr().out == "✅ Correct!\n"


def test_judge_accepts_numpy_numbers_and_small_rounding():
    import numpy as np

    assert checks.check_ana_score.judge(np.float64(6.7000000001)).status == checks.CORRECT
    assert checks.check_ana_score.judge(6.71).status == checks.MISTAKE


def test_judge_names_the_expected_shape():
    feedback = checks.judge([1, 2, 3], [1.0, 2.0])
    assert "2 numbers (shape (2,))" in feedback.message and "(3,)" in feedback.message


class TestMyWeightedSum:
    judge = staticmethod(checks.check_my_weighted_sum.judge)

    def test_a_loop_is_correct(self):
        def loop(inputs, weights):
            total = 0
            for x, w in zip(inputs, weights):
                total += x * w
            return total

        assert self.judge(loop).status == checks.CORRECT

    def test_the_untouched_stub_is_not_attempted(self):
        def stub(inputs, weights):
            ...

        assert self.judge(stub).status == checks.NOT_ATTEMPTED
        assert self.judge(...).status == checks.NOT_ATTEMPTED

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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message

    def test_a_call_result_instead_of_the_function_is_explained(self):
        assert "without ()" in self.judge(2.9).message


def test_a_check_that_breaks_inside_still_prints_a_message(capsys):
    @checks.exercise_check
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
    checks.check_relu_values: ([3, 0, 0, 0.5, 0],),
    checks.check_which_activation: (["tanh", "ReLU", "sigmoid", "none"],),
    checks.check_stacked_weights: ([[1, 2], [0, -1], [0.5, 0.5]],),
    checks.check_layer_shapes: ((5, 2), (5,), (5,)),
    checks.check_layer_grid: (GRID_Z, GRID_H),
}
STUBS = {
    checks.check_relu_values: [(...,), ([...] * 5,), (None,)],
    checks.check_which_activation: [(...,), ([...] * 4,)],
    checks.check_stacked_weights: [(...,), (None,)],
    checks.check_layer_shapes: [(..., ..., ...)],
    checks.check_layer_grid: [(..., ...), ([...] * 4, [...] * 4), ([...] * 4, ...)],
}


def test_the_grid_of_chapter_03_is_the_one_the_hand_computation_uses():
    assert GRID_Z == [3.5, -1.5, 2, -1]
    assert checks.GRID_X == (1, 2, 3) and checks.GRID_B == (-1, 0.5, -2, 3)


@pytest.mark.parametrize("check", RIGHT, ids=lambda c: c.__name__)
class TestChecksOfSeveralEntries:
    def test_right_answer_is_correct(self, check):
        feedback = check.judge(*RIGHT[check])
        assert feedback.status == checks.CORRECT, feedback.message

    def test_right_answer_as_numpy_arrays_is_correct_too(self, check):
        answer = [np.array(a) if not isinstance(a[0], str) else a for a in RIGHT[check]]
        if check is checks.check_layer_shapes:
            answer = RIGHT[check]
        assert check.judge(*answer).status == checks.CORRECT

    def test_stubs_are_not_attempted(self, check):
        for stub in STUBS[check]:
            assert check.judge(*stub).status == checks.NOT_ATTEMPTED, stub

    @pytest.mark.parametrize("odd", ["seven", [1, 2], [[1], [2, 3]], math.nan, math.inf, {}, 3, object(), [None] * 4,
                                     ["a", "b", "c", "d", "e"], np.ones((2, 2)), True])
    def test_odd_answers_get_a_message_never_an_exception(self, check, odd, capsys):
        check(*[odd] * len(RIGHT[check]))
        said = capsys.readouterr().out
        assert said.startswith(("❌ Not yet.", "⏳")), said
        assert "Traceback" not in said and "could not read" not in said


class TestReluValues:
    judge = staticmethod(checks.check_relu_values.judge)

    @pytest.mark.parametrize("answer, words", [
        ([3, -2, 0, 0.5, -0.1], "changed nothing"),
        ([3, 2, 0, 0.5, 0.1], "does not flip signs"),
        ([1, 0, 0, 1, 0], "not an on/off switch"),
        ([0, -2, 0, 0, -0.1], "does the opposite"),
    ])
    def test_a_pattern_across_the_list_names_the_idea(self, answer, words):
        feedback = self.judge(answer)
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message

    def test_a_single_wrong_entry_is_named(self):
        feedback = self.judge([3, 0, 0, 1, 0])
        assert feedback.status == checks.MISTAKE
        assert "- ReLU(0.5): ReLU is not an on/off switch" in feedback.message
        assert "Right so far: ReLU(3), ReLU(−2), ReLU(0), ReLU(−0.1)." in feedback.message

    def test_a_partly_filled_list_says_what_is_missing(self):
        feedback = self.judge([3, 0, ..., ..., ...])
        assert feedback.status == checks.INCOMPLETE
        assert "So far so good: ReLU(3), ReLU(−2) are right." in feedback.message
        assert "Still to fill in: ReLU(0), ReLU(0.5), ReLU(−0.1)" in feedback.message

    def test_a_partly_filled_list_still_judges_what_is_filled(self):
        feedback = self.judge([3, 2, ..., ..., ...])
        assert feedback.status == checks.MISTAKE
        assert "- ReLU(−2): ReLU does not flip the sign" in feedback.message
        assert "Still to fill in: ReLU(0), ReLU(0.5), ReLU(−0.1)" in feedback.message

    def test_a_list_of_the_wrong_length_is_explained(self):
        assert "should have 5 entries, but it has 4" in self.judge([3, 0, 0, 0.5]).message

    def test_text_inside_the_list_is_named(self):
        assert "- ReLU(0): ReLU(0) must be a number, but got the text '0'" in self.judge([3, 0, "0", 0.5, 0]).message


class TestWhichActivation:
    judge = staticmethod(checks.check_which_activation.judge)

    def test_the_puzzle_outputs_are_the_activations_rounded(self):
        (za, a), (zb, b), (zc, c), (zd, d) = checks.ACTIVATION_PUZZLES
        assert a == round(math.tanh(za), 3) and b == max(0.0, zb)
        assert c == round(1 / (1 + math.exp(-zc)), 3) and d == zd

    def test_names_are_read_loosely(self):
        from helpers.maths import relu

        assert self.judge([" TANH", relu, "logistic", None]).status == checks.CORRECT
        assert self.judge(["tanh", "relu", "sigmoid", "no activation"]).status == checks.CORRECT

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
        assert feedback.status == checks.INCOMPLETE
        assert "Still to fill in: case B, case C, case D (replace each ... with a name in quotes)" in feedback.message


class TestStackedWeights:
    judge = staticmethod(checks.check_stacked_weights.judge)

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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message


class TestLayerShapes:
    judge = staticmethod(checks.check_layer_shapes.judge)

    def test_shapes_may_be_written_as_lists_or_single_numbers(self):
        assert self.judge([5, 2], 5, [5]).status == checks.CORRECT

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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message

    def test_partly_filled(self):
        feedback = self.judge((5, 2), ..., ...)
        assert feedback.status == checks.INCOMPLETE
        assert "Still to fill in: b_shape, z_shape (replace each ... with a shape)" in feedback.message


class TestLayerGrid:
    judge = staticmethod(checks.check_layer_grid.judge)

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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message
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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message

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
        assert feedback.status == checks.MISTAKE
        assert "neuron 2, z[2]: you used column 2 of W" in feedback.message
        assert "Right so far: z[0]." in feedback.message
        assert "Still to fill in: z[1], z[3], h[0], h[1], h[2], h[3]" in feedback.message

    def test_a_partly_filled_grid_without_mistakes_is_incomplete(self):
        feedback = self.judge([3.5, -1.5, ..., ...], ...)
        assert feedback.status == checks.INCOMPLETE
        assert feedback.message.startswith("⏳ So far so good: z[0], z[1] are right.")

    def test_the_untouched_grid_prints_not_attempted(self, capsys):
        checks.check_layer_grid([..., ..., ..., ...], [..., ..., ..., ...])
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
        assert feedback.status == checks.MISTAKE and words in feedback.message, feedback.message
