"""The contracts of the shared core -- input checking, the base maths, the exercise framework -- that the
chapter tests do not pin down: exact messages a learner reads, boundaries, defaults, tolerances.

Each expectation is written out by hand (the words, the numbers), never computed by the code under test.
`make mutation` (tools/mutation.py) shows what these tests catch: each one kills mutants that the
chapter tests let survive.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pytest

from helpers.chapters import all_checks
from helpers.exercises import (
    CORRECT, INCOMPLETE, MISTAKE, NOT_ATTEMPTED, Entry, array_entry, close, correct, entries_of, exercise_check,
    grid_feedback, judge_function, judge_number, mistake, number_entry, registered_checks, shape_entry,
)
from helpers.maths import activation_name, dense, parameter_breakdown, weighted_sum
from helpers.validation import as_numbers, as_scalar, describe

# ---------------------------------------------------------------------------
# helpers.validation
# ---------------------------------------------------------------------------


def test_describe_keeps_forty_characters_and_cuts_longer_text_to_forty():
    forty = "a" * 38  # its repr, with the quotes, is 40 characters long
    assert describe(forty) == "'" + "a" * 38 + "'"
    longer = "b" * 39  # repr of 41 characters: the first 37, then "..."
    assert describe(longer) == "'" + "b" * 36 + "..."
    assert len(describe(longer)) == 40


def test_both_kinds_of_ragged_list_say_every_row_needs_the_same_number_of_entries():
    with pytest.raises(ValueError) as rows:
        as_numbers([[1, 2], [3]], "W")
    assert str(rows.value) == ("W is a ragged list: its rows have 2, 1 entries. "
                               "Every row needs the same number of entries.")
    with pytest.raises(ValueError) as nested:  # rows of equal length, one entry a list: NumPy refuses it
        as_numbers([[1, [2, 3]], [4, 5]], "W")
    assert str(nested.value).endswith(": [[1, [2, 3]], [4, 5]]. Every row needs the same number of entries.")


def test_a_single_nan_or_infinity_is_named_without_a_position():
    with pytest.raises(ValueError) as nan:
        as_numbers(float("nan"), "z")
    assert str(nan.value) == "z contains NaN; every value must be a finite number."
    with pytest.raises(ValueError) as inf:
        as_numbers([1.0, float("inf")], "x")
    assert str(inf.value) == "x contains an infinite value at position 1; every value must be a finite number."


@pytest.mark.parametrize("value, message", [
    ([1 + 2j], "x must be real numbers, but got complex numbers: [(1+2j)]."),
    ([1, True], "x must be numbers, but it holds True/False values: [1, True]."),
    ([1, None], "x must contain only numbers, but it holds None: [1, None]."),
    ([1, "a"], "x must contain only numbers, but it holds the text 'a': [1, 'a']."),
    ([1, {}], "x must contain only numbers, but it holds {}: [1, {}]."),
], ids=["complex", "bool", "None", "text", "dict"])
def test_a_list_with_an_entry_that_is_not_a_number_names_the_entry_and_shows_the_list(value, message):
    with pytest.raises(TypeError) as error:
        as_numbers(value, "x")
    assert str(error.value) == message


@pytest.mark.parametrize("value, message", [
    ([5], "bias should be one number, but got 1 value: [5] (shape (1,))."),
    ([5, 6], "bias should be one number, but got 2 values: [5, 6] (shape (2,))."),
])
def test_as_scalar_counts_the_values_it_got_in_words(value, message):
    with pytest.raises(ValueError) as error:
        as_scalar(value, "bias")
    assert str(error.value) == message


def test_as_scalar_refuses_a_sequence_that_is_not_a_list_in_plain_words():
    # a range is neither a number nor a list: it must still get a plain-words error, not NumPy's own
    with pytest.raises(ValueError, match=r"^bias should be 0-D, but it is 1-D with shape \(3,\)\.$"):
        as_scalar(range(3), "bias")


# ---------------------------------------------------------------------------
# helpers.maths
# ---------------------------------------------------------------------------


def test_shape_errors_of_a_neuron_and_a_layer_say_what_to_do():
    with pytest.raises(ValueError, match=r"weights has 2 entries but inputs has 3; "
                                         r"a neuron needs exactly one weight per input\.$"):
        weighted_sum([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match=r"^b has 3 entries but W has 2 rows \(shape \(2, 2\)\); "
                                         r"give one bias per neuron\.$"):
        dense([1, 2], [[1, 0], [0, 1]], [0, 0, 0])


def test_one_input_of_the_wrong_length_is_described_by_its_entries():
    with pytest.raises(ValueError) as error:
        dense([1, 2], np.ones((4, 3)), np.zeros(4))
    assert str(error.value) == (
        "W has shape (4, 3), so each of its 4 neurons expects 3 inputs, but x has 2 entries. "
        "W should have shape (n_neurons, n_inputs) = (4, 2).")


def test_a_batch_with_rows_of_the_wrong_length_is_described_row_by_row():
    X = np.ones((5, 2))  # 5 samples of 2 inputs, for a layer of 4 neurons expecting 3 inputs
    with pytest.raises(ValueError) as error:
        dense(X, np.ones((4, 3)), np.zeros(4))
    assert str(error.value) == (
        "W has shape (4, 3), so each of its 4 neurons expects 3 inputs, but each row of x has 2 entries "
        "(x has shape (5, 2)). W should have shape (n_neurons, n_inputs) = (4, 2).")


def test_an_activation_of_the_learner_is_named_by_its_function_name():
    def leaky(z):
        return z

    assert activation_name(leaky) == "leaky"
    assert activation_name(np.abs) == "absolute"
    # a callable without a name (functools.partial) is called plainly "activation"
    assert activation_name(functools.partial(np.maximum, 0.0)) == "activation"


def test_parameter_breakdown_names_the_size_that_is_not_a_whole_number():
    with pytest.raises(TypeError) as error:
        parameter_breakdown([3, 2.5, 1])
    assert str(error.value) == "layer_sizes should hold whole numbers, but got 2.5 in [3, 2.5, 1]."


# ---------------------------------------------------------------------------
# helpers.exercises: the check decorator and the feedback
# ---------------------------------------------------------------------------


def test_the_check_decorator_registers_the_check_and_keeps_the_judge(capsys):
    def judge(answer):
        return correct() if answer == 4 else mistake("Count again.")

    # made here, outside helpers.chapters, it is registered but not one of the course's (all_checks)
    before = len(registered_checks())
    check = exercise_check(chapter=3, number=2)(judge)
    assert check.__doc__ == "Chapter 03, exercise 2:"  # no question written: nothing after the colon
    assert check.judge is judge
    assert check.judge(4) == (CORRECT, "✅ Correct!")
    assert registered_checks()[before:] == [check]
    assert check not in all_checks()
    assert check(5) is None
    assert capsys.readouterr().out == "❌ Not yet. Count again.\n"


def test_the_check_decorator_puts_the_chapter_and_number_before_the_question():
    def judge(answer):
        """How many inputs?"""
        return correct()

    check = exercise_check(chapter=12, number=7)(judge)
    assert check.__doc__ == "Chapter 12, exercise 7: How many inputs?"


def test_correct_without_a_note_says_only_correct():
    assert correct().message == "✅ Correct!"
    assert correct("Well done.").message == "✅ Correct! Well done."


# ---------------------------------------------------------------------------
# judge_number
# ---------------------------------------------------------------------------


def test_judge_number_shows_a_wrong_answer_with_four_decimals_and_no_hint_by_default():
    assert judge_number(3, 2).message == "❌ Not yet. Your answer is 3."
    assert judge_number(0.123456, 2).message == "❌ Not yet. Your answer is 0.1235."
    assert judge_number([1, 2.5], [1, 2]).message == "❌ Not yet. Your answer is [1, 2.5]."
    assert judge_number([0.123456, 1], [1, 2]).message == "❌ Not yet. Your answer is [0.1235, 1]."


def test_judge_number_passes_its_note_on_with_a_right_answer():
    assert judge_number(2, 2, note="Well done.").message == "✅ Correct! Well done."


def test_judge_number_says_what_it_expected_when_it_cannot_read_the_answer():
    assert judge_number("abc", 1).message == (
        "❌ Not yet. Your answer must be numbers, but got the text 'abc'. Expected one number.")
    assert judge_number([1, 2], 1).message == "❌ Not yet. Expected one number, but your answer has shape (2,)."
    assert judge_number(1, [1, 2]).message == (
        "❌ Not yet. Expected 2 numbers (shape (2,)), but your answer has shape ().")


def test_judge_number_uses_an_absolute_tolerance_of_one_millionth():
    assert judge_number(1.0000005, 1).status == CORRECT  # 5e-7 off: within 1e-6
    assert judge_number(1.000002, 1).status == MISTAKE   # 2e-6 off
    # no relative tolerance: 1000.005 is 0.005 away from 1000, far more than a millionth
    assert judge_number(1000.005, 1000).status == MISTAKE
    slips = [(7, "Seven is the slip."), (1000, "A thousand is the slip.")]
    assert judge_number(7.0000005, 5, mistakes=slips).message == "❌ Not yet. Seven is the slip."
    assert judge_number(1000.005, 5, mistakes=slips).message == "❌ Not yet. Your answer is 1000.005."


def test_judge_number_names_an_array_slip():
    feedback = judge_number([4, 3], [3, 4], mistakes=[([4, 3], "The entries are swapped.")])
    assert feedback.message == "❌ Not yet. The entries are swapped."


# ---------------------------------------------------------------------------
# Answers with several entries
# ---------------------------------------------------------------------------


def test_entries_of_reads_a_grid_entry_by_entry_and_shows_what_it_cannot_read():
    assert entries_of(np.array([[1, 2], [3, 4]]), 4, "grid") == [1, 2, 3, 4]
    assert entries_of(..., 2, "h") == [..., ...]
    assert entries_of("abc", 3, "h").message == "❌ Not yet. h should be a list of 3 entries, but it is 'abc'."
    assert entries_of([1, 2], 3, "h").message == "❌ Not yet. h should have 3 entries, but it has 2: [1, 2]."


def test_close_accepts_a_difference_equal_to_the_tolerance():
    assert close(1.0, 1.5, tolerance=0.5)  # 0.5 is exact in binary: the difference is the tolerance itself
    assert not close(1.0, 1.75, tolerance=0.5)


def test_number_entry_says_nothing_more_about_a_wrong_number_by_default():
    assert number_entry("z", 5, 2) == Entry("z", MISTAKE, "")


def test_grid_feedback_defaults_and_grammar():
    right = Entry("z1", CORRECT)
    assert grid_feedback([right, Entry("z2", CORRECT)]).message == "✅ Correct!"
    assert grid_feedback([right], all_right="All four.").message == "✅ Correct! All four."
    one = grid_feedback([right, Entry("h1", NOT_ATTEMPTED)])
    assert one == (INCOMPLETE, "⏳ So far so good: z1 is right.\n"
                               "Still to fill in: h1 (replace each ... with a number).")
    two = grid_feedback([right, Entry("z2", CORRECT), Entry("h1", NOT_ATTEMPTED)], each="a shape")
    assert two.message == ("⏳ So far so good: z1, z2 are right.\n"
                           "Still to fill in: h1 (replace each ... with a shape).")


def test_array_entry_says_why_it_cannot_read_an_answer_and_what_it_should_be():
    entry = array_entry("W", "two rows", [[1, 2], [3, 4]], slips=[], otherwise="")
    assert entry == Entry("W", MISTAKE, "W must be numbers, but got the text 'two rows'. "
                                        "It should be 4 numbers (shape (2, 2)).")


def test_shape_entry_shows_what_it_cannot_read_as_a_shape():
    entry = shape_entry("shape of W", "3x4", (3, 4), {"hint": "Rows first."})
    assert entry.status == MISTAKE
    assert entry.why == "write a shape as a tuple of whole numbers, such as (3, 4) or (3,); got '3x4'."


# ---------------------------------------------------------------------------
# judge_function
# ---------------------------------------------------------------------------

CASES = [(1,), (2,)]
DOUBLED = [2, 4]


def judge(function, **options):
    settings = dict(slips=[], describe_case=lambda case: f"For x={case[0]}", hint="Double x.",
                    all_right="", returns="return 2 * x")
    settings.update(options)
    return judge_function(function, CASES, DOUBLED, **settings)


def test_judge_function_tells_a_function_that_raises_which_case_and_why():
    def crashes(x):
        return 1 / (x - 1)

    assert judge(crashes).message == (
        "❌ Not yet. Your function raised ZeroDivisionError (division by zero). For x=1.")


def test_judge_function_asks_for_the_function_itself_not_its_result():
    assert judge(4).message == "❌ Not yet. Expected a function, but got int: pass the function itself, without ()."


def test_judge_function_passes_its_all_right_note_on():
    def doubled(x):
        return 2 * x

    assert judge(doubled, all_right="Two of two.").message == "✅ Correct! Two of two."


def test_judge_function_describes_the_first_wrong_case_without_repeating_not_yet():
    def tripled(x):
        return 3 * x

    assert judge(tripled).message == "❌ Not yet. For x=1: Your answer is 3. Double x."


def test_a_real_function_that_starts_by_setting_a_name_to_none_is_an_attempt():
    def doubled(x):
        best = None  # a real first line: its first instruction loads None, as a stub's does
        best = 2 * x
        return best

    assert judge(doubled).status == CORRECT

    def stub(x):
        ...

    assert judge(stub).status == NOT_ATTEMPTED
    assert re.search(r"replace the \.\.\. with your answer", judge(stub).message)


def test_a_stub_of_several_ellipsis_lines_is_not_attempted():
    def stub(x):
        ...  # first, the weighted sum
        ...  # then the bias

    # Python compiles the first ... to a NOP: a stub still, however many steps it lists
    assert judge(stub) == judge(...)
    assert judge(stub).status == NOT_ATTEMPTED
