"""Labelled points on chapter 07's plane, for training (chapters 11 and 13).

Each data set scatters points over the plane chapter 07 draws (x[0] and x[1] from −3 to 3) and
labels each one by a shape: the band −1 < x[0] < 1 and the square −1 < x[0], x[1] < 1 of chapter 07's
challenges, XOR (x[0] and x[1] of the same sign) and the circle of radius 2 around (0, 0).

Conventions, chosen so that training with ``mse`` on a network whose output has no activation
(y = z2) is honest and simple:

- ``X`` has shape (n_points, 2), one point per row (a batch, chapter 06).
- ``target`` has shape (n_points, 1), the shape of the network's output y for that batch, so
  ``mse(y, target)`` and ``backward(X, target, ...)`` take it as it is.
- A point inside the shape has target +1, a point outside −1. Chapter 07 reads "y > 0" as "inside";
  with targets ±1 the same sign rule reads a trained network, and the loss pulls y towards +1 inside
  and −1 outside, symmetrically around that boundary (targets 1/0 would put it at y = 0.5).
- Half of the points (rounded down) are inside the shape and the rest outside, each uniformly
  spread over its part of the plane. A network that says "outside" everywhere therefore scores
  50 %, not the 89 % it would get on uniform points for the square.
- ``noise`` is the fraction of labels flipped: exactly ``round(noise * n_points)`` points, chosen at
  random, get the wrong target (the points themselves do not move).
- Everything is seeded: the same arguments give the same points, on every machine.

``accuracy(y, target)`` counts a point right when the sign of y agrees with its target, where
"positive" means y > ``POSITIVE_FROM`` = 1e-9, the tolerance of chapter 07's pictures and checks,
which rounding (about 1e-16) cannot cross.
"""

from __future__ import annotations

import numbers
from typing import Callable, NamedTuple

import numpy as np

from helpers.plane import PLANE_HIGH, PLANE_LOW, POSITIVE_FROM
from helpers.validation import as_numbers

__all__ = [
    "DATASETS",
    "POSITIVE_FROM",
    "Dataset",
    "Split",
    "accuracy",
    "band",
    "circle",
    "inside",
    "make_dataset",
    "square",
    "train_test_split",
    "xor",
]


CIRCLE_RADIUS = 2.0  #: the circle data set's shape: x[0]² + x[1]² < 2²


def _band(X: np.ndarray) -> np.ndarray:
    return (X[:, 0] > -1.0) & (X[:, 0] < 1.0)


def _square(X: np.ndarray) -> np.ndarray:
    return (X[:, 0] > -1.0) & (X[:, 0] < 1.0) & (X[:, 1] > -1.0) & (X[:, 1] < 1.0)


def _xor(X: np.ndarray) -> np.ndarray:
    return X[:, 0] * X[:, 1] > 0


def _circle(X: np.ndarray) -> np.ndarray:
    return X[:, 0] ** 2 + X[:, 1] ** 2 < CIRCLE_RADIUS ** 2


_SHAPES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "band": _band, "square": _square, "xor": _xor, "circle": _circle,
}
DATASETS: tuple[str, ...] = tuple(_SHAPES)
"""The names ``make_dataset`` knows, in the order the training explorer offers them."""


class Dataset(NamedTuple):
    """Labelled points: ``X`` (n_points, 2) and ``target`` (n_points, 1) of +1 (inside) and −1 (outside).

    Unpack it as ``X, target = band()``. Introduced in chapter 11."""

    X: np.ndarray
    target: np.ndarray


class Split(NamedTuple):
    """A data set cut in two: the points to train on and the points kept aside to test on.
    Introduced in chapter 13."""

    X_train: np.ndarray
    X_test: np.ndarray
    target_train: np.ndarray
    target_test: np.ndarray


# ---------------------------------------------------------------------------
# Checking arguments
# ---------------------------------------------------------------------------

def _whole(value, name: str, least: int, example: int) -> int:
    """A whole number at least ``least``, or a plain-words error."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, such as {example}, but got {value!r}.")
    if value < least:
        raise ValueError(f"{name} must be at least {least}, but got {value}.")
    return int(value)


def _fraction(value, name: str, high: float, why: str) -> float:
    """A number from 0 to ``high``, or a plain-words error."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number from 0 to {high:g}, but got {value!r}.")
    value = float(value)
    if not 0.0 <= value <= high:
        raise ValueError(f"{name} must be a number from 0 to {high:g} {why}, but got {value!r}.")
    return value


def _known(name) -> Callable[[np.ndarray], np.ndarray]:
    if isinstance(name, str) and name.lower() in _SHAPES:
        return _SHAPES[name.lower()]
    raise ValueError(f"there is no data set called {name!r}; the data sets are {', '.join(DATASETS)}.")


def _points(X) -> np.ndarray:
    X = as_numbers(X, "X", ndim=2)
    if X.shape[1] != 2:
        hint = " It looks transposed: try X.T." if X.shape[0] == 2 else ""
        raise ValueError(f"X has shape {X.shape}, but each point of the plane has 2 coordinates: "
                         f"X should have shape (n_points, 2).{hint}")
    return X


# ---------------------------------------------------------------------------
# The data sets (chapter 11)
# ---------------------------------------------------------------------------

def inside(name: str, X) -> np.ndarray:
    """Which points of ``X`` (n_points, 2) lie inside the data set ``name``'s shape: booleans (n_points,).

    The noise-free rule, for drawing the shape and for judging a trained network over the whole plane.
    Introduced in chapter 11.

    >>> inside("xor", [[1, 2], [-1, 2], [-1, -0.5]])
    array([ True, False,  True])
    """
    rule = _known(name)
    return rule(_points(X))


def make_dataset(name: str, n_points: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """``n_points`` labelled points of the data set ``name`` (one of ``DATASETS``), seeded.

    Half the points (rounded down) lie inside the shape, target +1, the rest outside, target −1,
    uniformly over the plane from −3 to 3. ``noise`` is the fraction of targets flipped
    (``round(noise * n_points)`` points, at most half of them). The points come in a random order.
    Shapes: ``X`` (n_points, 2), ``target`` (n_points, 1).
    Introduced in chapter 11.

    >>> X, target = make_dataset("band", n_points=4, seed=1)
    >>> X.shape, target.ravel().tolist()
    ((4, 2), [1.0, -1.0, 1.0, -1.0])
    >>> bool(np.all((target[:, 0] > 0) == inside("band", X)))
    True
    """
    rule = _known(name)
    n_points = _whole(n_points, "n_points", 2, 200)
    noise = _fraction(noise, "noise", 0.5, "(the fraction of labels flipped; beyond 0.5 most labels would be wrong)")
    seed = _whole(seed, "seed", 0, 0)
    rng = np.random.default_rng(seed)
    n_inside = n_points // 2
    kept_inside, kept_outside, have_in, have_out = [], [], 0, 0
    while have_in < n_inside or have_out < n_points - n_inside:
        batch = rng.uniform(PLANE_LOW, PLANE_HIGH, size=(2 * n_points, 2))
        where = rule(batch)
        kept_inside.append(batch[where])
        kept_outside.append(batch[~where])
        have_in, have_out = have_in + int(where.sum()), have_out + int((~where).sum())
    X = np.concatenate([np.concatenate(kept_inside)[:n_inside],
                        np.concatenate(kept_outside)[:n_points - n_inside]])
    target = np.where(np.arange(n_points) < n_inside, 1.0, -1.0)
    order = rng.permutation(n_points)
    X, target = X[order], target[order]
    flipped = rng.choice(n_points, size=int(round(noise * n_points)), replace=False)
    target[flipped] = -target[flipped]
    return Dataset(X, target.reshape(n_points, 1))


def band(n_points: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The band −1 < x[0] < 1 of chapter 07 as labelled points: ``make_dataset("band", ...)``.
    Introduced in chapter 11."""
    return make_dataset("band", n_points, noise, seed)


def square(n_points: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The square −1 < x[0] < 1, −1 < x[1] < 1 of chapter 07 as labelled points: ``make_dataset("square", ...)``.
    Introduced in chapter 11."""
    return make_dataset("square", n_points, noise, seed)


def xor(n_points: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """XOR: inside where x[0] and x[1] have the same sign (two opposite quadrants): ``make_dataset("xor", ...)``.
    Introduced in chapter 11."""
    return make_dataset("xor", n_points, noise, seed)


def circle(n_points: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The disc x[0]² + x[1]² < 4 (radius 2 around (0, 0)) as labelled points: ``make_dataset("circle", ...)``.
    Introduced in chapter 11."""
    return make_dataset("circle", n_points, noise, seed)


# ---------------------------------------------------------------------------
# Judging a network and keeping points aside (chapters 11 and 13)
# ---------------------------------------------------------------------------

def _labels(y, target) -> tuple[np.ndarray, np.ndarray]:
    """``y`` and ``target`` as flat float arrays of the same length, or a plain-words error."""
    y, target = as_numbers(y, "y", ndim=(1, 2)), as_numbers(target, "target", ndim=(1, 2))
    for name, array in (("y", y), ("target", target)):
        if array.ndim == 2 and array.shape[1] != 1:
            raise ValueError(f"{name} has shape {array.shape}; accuracy reads one output per point: "
                             "shape (n_points, 1) or (n_points,).")
    if y.shape[0] != target.shape[0]:
        raise ValueError(f"y has {y.shape[0]} values (shape {y.shape}) but target has {target.shape[0]} "
                         f"(shape {target.shape}); give one output per point.")
    return y.ravel(), target.ravel()


def accuracy(y, target) -> float:
    """The fraction of points whose output has the right sign: y > 1e-9 where target > 0 (inside),
    y ≤ 1e-9 elsewhere (outside). Targets may be ±1 or 1/0.

    Shapes: ``y`` and ``target`` (n_points, 1) or (n_points,) -> one float from 0 to 1.
    Introduced in chapter 11.

    >>> accuracy([[0.8], [-0.3], [0.2], [1e-16]], [[1], [-1], [-1], [-1]])   # rounding is not "positive"
    0.75
    """
    y, target = _labels(y, target)
    return float(np.mean((y > POSITIVE_FROM) == (target > 0)))


def train_test_split(X, target, test_fraction: float = 0.25, seed: int = 0) -> Split:
    """Keep ``round(test_fraction * n_points)`` points aside (at least 1, and at least 1 left to train on),
    chosen at random with ``seed``; the others are for training. Rows keep their pairing of X and target.

    Returns ``Split(X_train, X_test, target_train, target_test)``.
    Introduced in chapter 13.

    >>> X, target = np.arange(8.0).reshape(4, 2), np.array([[1.0], [-1.0], [1.0], [-1.0]])
    >>> split = train_test_split(X, target, test_fraction=0.5, seed=0)
    >>> split.X_test.shape, split.target_train.shape
    ((2, 2), (2, 1))
    """
    X = as_numbers(X, "X", ndim=2)
    target = as_numbers(target, "target", ndim=(1, 2))
    if target.shape[0] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} points (shape {X.shape}) but target has {target.shape[0]} rows "
                         f"(shape {target.shape}); give one target per point.")
    n_points = X.shape[0]
    if n_points < 2:
        raise ValueError(f"X has {n_points} point; splitting needs at least 2 (one to train on, one to test).")
    test_fraction = _fraction(test_fraction, "test_fraction", 1.0, "(the share of points kept for testing)")
    seed = _whole(seed, "seed", 0, 0)
    n_test = min(max(int(round(test_fraction * n_points)), 1), n_points - 1)
    order = np.random.default_rng(seed).permutation(n_points)
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])
    return Split(X[train], X[test], target[train], target[test])
