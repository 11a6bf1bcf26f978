"""Checking what a learner passes in: numbers, arrays and single values, with plain-words errors.

Every helper of the course reads its arguments through ``as_numbers`` or ``as_scalar``: when they
do not fit, the learner gets a ``ValueError`` or ``TypeError`` saying what was given and what was
expected, never a NumPy traceback. Imports nothing of the course.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["as_numbers", "as_scalar", "describe"]


def describe(value) -> str:
    """A short, readable description of a value for an error message."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _ragged_lengths(value) -> list[int] | None:
    """The row lengths of a list of lists whose rows differ in length, else None."""
    if isinstance(value, (list, tuple)) and value and all(
        isinstance(row, (list, tuple, np.ndarray)) for row in value
    ):
        lengths = [len(row) for row in value]
        if len(set(lengths)) > 1:
            return lengths
    return None


def as_numbers(value, name: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """Turn ``value`` into a float array, or explain in plain words why it cannot be one.

    ``ndim`` is the number of dimensions allowed (an int or a tuple of ints); ``None`` allows any.

    >>> as_numbers([2, 3, 5], "inputs", ndim=1)
    array([2., 3., 5.])
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers, but got the text {value!r}.")
    if value is None:
        raise TypeError(f"{name} must be numbers, but got None.")
    lengths = _ragged_lengths(value)
    if lengths is not None:
        raise ValueError(
            f"{name} is a ragged list: its rows have {', '.join(map(str, lengths))} entries. "
            "Every row needs the same number of entries."
        )
    try:
        raw = np.asarray(value)
    except ValueError:  # NumPy refuses lists whose rows differ in length
        raise ValueError(
            f"{name} is a ragged list (its rows differ in length): {describe(value)}. "
            "Every row needs the same number of entries."
        ) from None
    # A list may mix True/False with numbers, which NumPy would quietly store as 1 and 0.
    if raw.dtype.kind not in "iuf" or (isinstance(value, (list, tuple)) and raw.dtype.kind in "iu"):
        _refuse_non_numbers(value, raw, name)
    array = raw.astype(float)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and array.ndim not in allowed:
        expected = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(
            f"{name} should be {expected}, but it is {array.ndim}-D with shape {array.shape}."
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); it needs at least one number.")
    finite = np.isfinite(array)
    if not finite.all():
        where = np.unravel_index(np.argmin(finite), array.shape)
        kind = "NaN" if np.isnan(array[where]) else "an infinite value"
        at = "" if not where else f" at position {where[0] if len(where) == 1 else tuple(map(int, where))}"
        raise ValueError(f"{name} contains {kind}{at}; every value must be a finite number.")
    return array


def _refuse_non_numbers(value, raw: np.ndarray, name: str) -> None:
    """Raise a TypeError naming the first entry of ``value`` that is not a real number.

    Entries of other numeric types (``Fraction``, ``Decimal``) are let through."""
    if raw.dtype.kind == "c":
        raise TypeError(f"{name} must be real numbers, but got complex numbers: {describe(value)}.")
    entries = np.asarray(value, dtype=object).ravel().tolist() if raw.ndim else [value]
    for entry in entries:
        if isinstance(entry, (bool, np.bool_)):
            raise TypeError(f"{name} must be numbers, but it holds True/False values: {describe(value)}.")
        if not isinstance(entry, numbers.Real):
            what = "None" if entry is None else f"the text {entry!r}" if isinstance(entry, str) else describe(entry)
            raise TypeError(f"{name} must contain only numbers, but it holds {what}: {describe(value)}.")


def as_scalar(value, name: str) -> float:
    """One finite number, or a plain-words error."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, but got {value!r}.")
    if isinstance(value, numbers.Real):
        array = as_numbers(value, name, ndim=0)
        return float(array)
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a number, but got the text {value!r}.")
    if isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) > 0:
        count = int(np.size(value))
        raise ValueError(
            f"{name} should be one number, but got {count} value{'s' if count != 1 else ''}: "
            f"{describe(value)} (shape {np.shape(value)})."
        )
    return float(as_numbers(value, name, ndim=0))

