"""The exercise checks: correct answers pass, each known mistake is named, stubs say
"not attempted yet", and nothing a learner types makes a check raise."""

from __future__ import annotations

import math

import pytest

from helpers import checks

NUMERIC_CHECKS = {
    # check: (the right answer worked out independently, {wrong answer: words the message must use})
    checks.check_ana_score: (8 * 0.5 + 5 * 0.3 + 6 * 0.2, {19: "without weighing", 1.0: "added the weights",
                                                           6.7 / 3: "averaged", 5.5: "missing"}),
    checks.check_third_weight: ((4 - 1.9) / 5, {0.8: "already add 1.9", 2.1: "divided by the input",
                                                0.22: "how much w3 must grow", 1.1: "output must grow"}),
    checks.check_doubled_inputs: (2 * 2.9, {2.9: "does change", 4.9: "doesn't add 2", 11.6: "not 4"}),
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
