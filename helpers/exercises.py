"""The exercise framework: each check prints "Correct", names the likely mistake, or says "not attempted yet".

A check is a function returning a ``Feedback``, decorated with ``exercise_check(chapter=…, number=…)``:
calling the check prints the message and returns None, so the check cell shows only that message;
``check.judge(...)`` returns the ``Feedback`` itself (for the tests), and ``check.chapter`` and
``check.number`` say which exercise it is. A check never raises at the learner: whatever the answer
is (a number, a list, a function that crashes, a string), it prints one plain message.

The judges every chapter builds its checks from:

- ``judge_number``: a number (or a small array) against the answer and the known wrong values;
- ``array_entry``: a whole array, with the known wrong arrays;
- ``shape_entry``: a shape such as ``(3, 4)``;
- ``entries_of``, ``number_entry`` and ``grid_feedback``: an answer with several entries (a list of
  ReLU values, a grid of z and h values), judged entry by entry: each wrong entry is named with its
  mistake, and entries still ``...`` are listed as missing;
- ``judge_function``: a function the learner writes, run on test cases.

Nothing here gives an answer away: a check's docstring states the question only, and the message
for an answer not yet given says only how to give one.
"""

from __future__ import annotations

import copy
import dis
import functools
from typing import Callable, NamedTuple, Sequence

import numpy as np

from helpers.formulas import format_number
from helpers.validation import as_numbers, as_scalar, describe

__all__ = [
    "CORRECT", "INCOMPLETE", "MISTAKE", "NOT_ATTEMPTED", "Entry", "Feedback", "array_entry", "close",
    "correct", "entries_of", "exercise_check", "grid_feedback", "is_stub", "judge_function", "judge_number",
    "judge_results", "mistake", "not_attempted", "number_entry", "number_or_reason", "registered_checks", "shape_entry",
]

CORRECT, MISTAKE, NOT_ATTEMPTED = "correct", "mistake", "not attempted"
INCOMPLETE = "incomplete"  #: some entries of a grid filled in and right, the others still ``...``


class Feedback(NamedTuple):
    status: str  #: one of CORRECT, MISTAKE, NOT_ATTEMPTED, INCOMPLETE
    message: str

    def __str__(self):
        return self.message


def correct(note: str = "") -> Feedback:
    return Feedback(CORRECT, "✅ Correct!" + (f" {note}" if note else ""))


def mistake(why: str) -> Feedback:
    return Feedback(MISTAKE, f"❌ Not yet. {why}")


def not_attempted() -> Feedback:
    return Feedback(
        NOT_ATTEMPTED,
        "⏳ Not attempted yet: replace the ... with your answer, run that cell, then run this one again.",
    )


def is_stub(answer) -> bool:
    """True for an answer the learner has not filled in yet (``...`` or ``None``)."""
    return answer is ... or answer is None


# ---------------------------------------------------------------------------
# The check decorator
# ---------------------------------------------------------------------------

_CHECKS: list = []


def exercise_check(chapter: int, number: int) -> Callable[[Callable[..., Feedback]], Callable[..., None]]:
    """Turn a function returning ``Feedback`` into the check of exercise ``number`` of ``chapter``:
    it prints the message and never raises. Its docstring (the question, never the answer) is
    shown as "Chapter NN, exercise N: …".

    >>> @exercise_check(chapter=1, number=9)
    ... def check_demo(answer):
    ...     '''Any number.'''
    ...     return correct() if answer == 1 else mistake("Try 1.")
    >>> check_demo(2)
    ❌ Not yet. Try 1.
    >>> check_demo.chapter, check_demo.number, check_demo.judge(1).status, check_demo.__doc__
    (1, 9, 'correct', 'Chapter 01, exercise 9: Any number.')
    """

    def decorate(function: Callable[..., Feedback]) -> Callable[..., None]:
        @functools.wraps(function)
        def check(*args, **kwargs) -> None:
            try:
                feedback = function(*args, **kwargs)
            except Exception as error:  # the check itself must never crash at the learner
                feedback = mistake(f"The check could not read your answer ({type(error).__name__}: {error}).")
            print(feedback.message)

        check.__doc__ = f"Chapter {chapter:02d}, exercise {number}: {function.__doc__ or ''}".strip()
        check.judge = function  # the tests call this to get the Feedback itself
        check.chapter, check.number = chapter, number
        _CHECKS.append(check)
        return check

    return decorate


def registered_checks() -> list:
    """Every check made with ``exercise_check`` so far, in the order they were made
    (``helpers.chapters.all_checks`` imports every chapter first and keeps the course's own)."""
    return list(_CHECKS)


# ---------------------------------------------------------------------------
# A number
# ---------------------------------------------------------------------------

def judge_number(answer, expected, mistakes: Sequence[tuple[object, str]] = (), hint: str = "",
                 tolerance: float = 1e-6, note: str = "") -> Feedback:
    """Compare a numeric answer with the expected value, then with each known wrong value.

    ``mistakes`` pairs a wrong value with the sentence that explains how it arises.
    ``hint`` is given when the answer matches neither the expected value nor a known mistake.

    >>> judge_number(19, 6.7, mistakes=[(19, "You added the inputs without their weights.")]).message
    '❌ Not yet. You added the inputs without their weights.'
    """
    if is_stub(answer):
        return not_attempted()
    expected = np.asarray(expected, dtype=float)
    try:
        got = as_numbers(answer, "Your answer")
    except (TypeError, ValueError) as error:
        return mistake(f"{error} Expected {_count(expected)}.")
    if got.shape != expected.shape:
        return mistake(f"Expected {_count(expected)}, but your answer has shape {got.shape}.")
    if np.allclose(got, expected, atol=tolerance, rtol=0):
        return correct(note)
    for wrong, why in mistakes:
        if np.shape(wrong) == got.shape and np.allclose(got, wrong, atol=tolerance, rtol=0):
            return mistake(why)
    return mistake(f"Your answer is {_show(got)}. {hint}".strip())


def _count(expected: np.ndarray) -> str:
    return "one number" if expected.ndim == 0 else f"{expected.size} numbers (shape {expected.shape})"


def _show(values: np.ndarray) -> str:
    if values.ndim == 0:
        return format_number(values, decimals=4)
    return "[" + ", ".join(format_number(v, decimals=4) for v in values.ravel()) + "]"


# ---------------------------------------------------------------------------
# Answers with several entries: each entry judged on its own
# ---------------------------------------------------------------------------

class Entry(NamedTuple):
    """The verdict on one entry of a grid answer: its name, a status, and what to say about it."""

    name: str
    status: str  #: CORRECT, MISTAKE or NOT_ATTEMPTED
    why: str = ""
    label: str = ""  #: how the message introduces a wrong entry, if not by its name


def entries_of(answer, count: int, name: str):
    """The learner's ``answer`` as ``count`` entries (``...`` for those not filled in), or a
    ``Feedback`` explaining why it cannot be read that way.

    A whole stub (``...``) counts as ``count`` missing entries.
    """
    if is_stub(answer):
        return [...] * count
    if isinstance(answer, (str, bytes, dict, set)) or not hasattr(answer, "__len__"):
        return mistake(f"{name} should be a list of {count} entries, but it is {describe(answer)}.")
    values = list(answer.ravel()) if isinstance(answer, np.ndarray) else list(answer)
    if len(values) != count:
        return mistake(f"{name} should have {count} entries, but it has {len(values)}: {describe(answer)}.")
    return values


def number_or_reason(value, name: str):
    """``(number, None)`` for a number; ``(None, reason)`` for anything else."""
    try:
        return as_scalar(value, name), None
    except (TypeError, ValueError) as error:
        return None, str(error)


def close(a, b, tolerance: float = 1e-6) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= tolerance


def number_entry(name: str, value, right: float, slips: Sequence[tuple[float | None, str]] = (),
                 otherwise: str | Callable[[float], str] = "") -> Entry:
    """A number answer judged as one entry of a grid: right, one of the known ``slips`` (a wrong
    value, or None for a slip that does not apply here, with why), or ``otherwise`` (a hint, or a
    function of the learner's number giving one).

    >>> number_entry("x", 3, 2, [(-2, "the sign is flipped.")], "solve for x.").why
    'solve for x.'
    """
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    got, reason = number_or_reason(value, name)
    if reason:
        return Entry(name, MISTAKE, reason)
    if close(got, right):
        return Entry(name, CORRECT)
    for wrong, why in slips:
        if wrong is not None and close(got, wrong):
            return Entry(name, MISTAKE, why)
    return Entry(name, MISTAKE, otherwise(got) if callable(otherwise) else otherwise)


def grid_feedback(entries: Sequence[Entry], all_right: str = "", each: str = "a number") -> Feedback:
    """One message for a grid of entries: every wrong entry named with its mistake, the entries
    still missing listed, the right ones acknowledged."""
    wrong = [e for e in entries if e.status == MISTAKE]
    missing = [e.name for e in entries if e.status == NOT_ATTEMPTED]
    right = [e.name for e in entries if e.status == CORRECT]
    if not wrong and not right:
        return not_attempted()
    if not wrong and not missing:
        return correct(all_right)
    lines = []
    if wrong:
        lines.append("❌ Not yet.")
        lines += [f"- {e.label or e.name}: {e.why}" for e in wrong]
        if right:
            lines.append(f"Right so far: {', '.join(right)}.")
    else:
        lines.append(f"⏳ So far so good: {', '.join(right)} {'is' if len(right) == 1 else 'are'} right.")
    if missing:
        lines.append(f"Still to fill in: {', '.join(missing)} (replace each ... with {each}).")
    return Feedback(MISTAKE if wrong else INCOMPLETE, "\n".join(lines))


def array_entry(name: str, value, right, slips: Sequence[tuple[object, str]], otherwise: str) -> Entry:
    """An array answer judged as one entry: right, one of the known ``slips`` (wrong array, why),
    or ``otherwise`` (a hint, after the shape it should have if that is wrong)."""
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    right = np.asarray(right, dtype=float)
    try:
        got = as_numbers(value, name)
    except (TypeError, ValueError) as error:
        return Entry(name, MISTAKE, f"{error} It should be {_count(right)}.")
    if got.shape == right.shape and np.allclose(got, right):
        return Entry(name, CORRECT)
    for wrong, why in slips:
        if got.shape == np.shape(wrong) and np.allclose(got, wrong):
            return Entry(name, MISTAKE, why)
    if got.shape != right.shape:
        return Entry(name, MISTAKE, f"it has shape {got.shape}, but it should have shape {right.shape}. {otherwise}")
    return Entry(name, MISTAKE, otherwise)


def _as_shape(value):
    """A shape written as a tuple, a list, or a single whole number for 1-D; else None."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return (int(value),)
    if isinstance(value, (tuple, list)) and all(
        isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in value
    ):
        return tuple(int(v) for v in value)
    return None


def shape_entry(name: str, value, right: tuple, slips: dict) -> Entry:
    """A shape answer judged as one entry: ``slips`` maps a wrong shape to what it means, and
    ``slips["hint"]`` is said for any other wrong shape."""
    if is_stub(value):
        return Entry(name, NOT_ATTEMPTED)
    shape = _as_shape(value)
    if shape is None:
        return Entry(name, MISTAKE, f"write a shape as a tuple of whole numbers, such as (3, 4) or (3,); "
                                    f"got {describe(value)}.")
    if shape == right:
        return Entry(name, CORRECT)
    return Entry(name, MISTAKE, slips.get(shape, f"{shape} is not it. {slips['hint']}"))


# ---------------------------------------------------------------------------
# A function the learner writes
# ---------------------------------------------------------------------------

def _does_nothing(function) -> bool:
    """True for a function whose body is still only ``...`` or ``pass`` (and comments): the stub."""
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("RESUME", "NOP", "CACHE", "RETURN_VALUE"):
            continue
        if instruction.opname in ("LOAD_CONST", "RETURN_CONST") and instruction.argval is None:
            continue
        return False
    return True


def judge_function(function, cases, expected, slips, describe_case: Callable[[tuple], str], hint: str,
                   all_right: str, returns: str, on_error: Callable[[tuple, Exception], str] | None = None
                   ) -> Feedback:
    """Run a learner's ``function`` on each test case (a tuple of arguments, passed as copies, so the
    function cannot change the cases) and judge what it returns with ``judge_results``.

    The stub (``...`` or a function whose body is still ``...``) is not attempted; a function that
    returns None (no ``return``, or it prints instead) is told so, and that it probably needs
    ``returns`` (such as "return total"); one that raises is told which case, by ``on_error``.
    ``describe_case`` writes a case for a message, as "For inputs=[1, 2] and weights=[3, 4]".
    """
    if is_stub(function) or _does_nothing(function):
        return not_attempted()
    if not callable(function):
        return mistake(f"Expected a function, but got {type(function).__name__}: "
                       "pass the function itself, without ().")
    results = []
    for case in cases:
        try:
            result = function(*copy.deepcopy(case))
        except Exception as error:
            return mistake(on_error(case, error) if on_error else
                           f"Your function raised {type(error).__name__} ({error}). {describe_case(case)}.")
        if result is None:
            return mistake(f"{describe_case(case)}, your function returned None: it gives nothing back, "
                           f"which is what a function without return (or one that only prints) does. "
                           f"It probably needs a return line: end it with {returns}.")
        results.append(result)
    return judge_results(results, cases, expected, slips, describe_case, hint, all_right)


def judge_results(results, cases, expected, slips, describe_case, hint: str, all_right: str) -> Feedback:
    """Judge a learner's function by what it returned for each test case: correct if every result is
    right; else the slip that explains every result, if one does; else the first wrong case, described.
    A slip is a function of the case's arguments with the sentence that names it."""
    verdicts = [judge_number(got, want) for got, want in zip(results, expected)]
    if all(v.status == CORRECT for v in verdicts):
        return correct(all_right)
    for slip, why in slips:
        if all(judge_number(got, slip(*case)).status == CORRECT for got, case in zip(results, cases)):
            return mistake(why)
    wrong = next(i for i, v in enumerate(verdicts) if v.status != CORRECT)
    what = verdicts[wrong].message.removeprefix("❌ Not yet. ")
    return mistake(f"{describe_case(cases[wrong])}: {what} {hint}")
