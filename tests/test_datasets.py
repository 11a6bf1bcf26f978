"""Tests for ``helpers.datasets``: the labelled points of chapters 11 and 13, accuracy and the split.

Labels are checked against each shape's rule written again here, point by point in plain Python;
the accuracy against a loop; the split against the rows it was given.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.datasets import (DATASETS, POSITIVE_FROM, Dataset, accuracy, band, circle, inside, make_dataset,
                              square, train_test_split, xor)

# Each shape's rule, one point at a time, written from the chapter's words.
RULES = {
    "band": lambda a, b: -1 < a < 1,
    "square": lambda a, b: -1 < a < 1 and -1 < b < 1,
    "xor": lambda a, b: (a > 0 and b > 0) or (a < 0 and b < 0),
    "circle": lambda a, b: a * a + b * b < 4,
}


def test_the_names():
    assert DATASETS == ("band", "square", "xor", "circle")
    assert POSITIVE_FROM == 1e-9


@pytest.mark.parametrize("name", DATASETS)
def test_shapes_labels_and_balance(name):
    X, target = make_dataset(name)
    assert X.shape == (200, 2) and target.shape == (200, 1)
    assert X.dtype == float and target.dtype == float
    assert np.all((X >= -3) & (X <= 3))
    assert sorted(set(target.ravel().tolist())) == [-1.0, 1.0]
    assert int((target > 0).sum()) == 100                       # half inside, half outside
    for (a, b), t in zip(X.tolist(), target.ravel().tolist()):
        assert (t > 0) == RULES[name](a, b), (name, a, b, t)
    np.testing.assert_array_equal(inside(name, X), [RULES[name](a, b) for a, b in X.tolist()])


@pytest.mark.parametrize("name, function", [("band", band), ("square", square), ("xor", xor), ("circle", circle)])
def test_each_generator_is_the_dispatcher(name, function):
    given_by_name = make_dataset(name, 30, 0.2, 5)
    given_by_function = function(30, 0.2, 5)
    assert isinstance(given_by_function, Dataset)
    for a, b in zip(given_by_name, given_by_function):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", DATASETS)
def test_same_seed_same_points_other_seed_other_points(name):
    first, again, other = make_dataset(name, seed=3), make_dataset(name, seed=3), make_dataset(name, seed=4)
    np.testing.assert_array_equal(first.X, again.X)
    np.testing.assert_array_equal(first.target, again.target)
    assert not np.array_equal(first.X, other.X)


def test_points_come_in_a_random_order():
    target = band(200).target.ravel()
    assert 0 < (target[:100] > 0).sum() < 100      # not all the inside points first


@settings(deadline=None)
@given(st.sampled_from(DATASETS), st.integers(2, 60), st.floats(0, 0.5), st.integers(0, 2 ** 32 - 1))
def test_noise_flips_exactly_that_many_labels(name, n_points, noise, seed):
    X, target = make_dataset(name, n_points, noise, seed)
    wrong = sum((t > 0) != RULES[name](a, b) for (a, b), t in zip(X.tolist(), target.ravel().tolist()))
    assert wrong == round(noise * n_points)
    assert X.shape == (n_points, 2)


def test_noise_keeps_the_points_where_they_were():
    clean, noisy = circle(100, 0.0, 7), circle(100, 0.3, 7)
    np.testing.assert_array_equal(clean.X, noisy.X)
    assert int((clean.target != noisy.target).sum()) == 30


def test_unknown_names_list_the_known_ones():
    with pytest.raises(ValueError, match="no data set called 'moons'; the data sets are band, square, xor, circle"):
        make_dataset("moons")
    with pytest.raises(ValueError, match="no data set called 3"):
        inside(3, [[0, 0]])
    assert make_dataset("XOR", 10).X.shape == (10, 2)       # names are not case-sensitive


def test_bad_arguments():
    with pytest.raises(TypeError, match="n_points must be a whole number.*but got 2.5"):
        make_dataset("band", 2.5)
    with pytest.raises(TypeError, match="n_points must be a whole number.*but got '200'"):
        make_dataset("band", "200")
    with pytest.raises(ValueError, match="n_points must be at least 2, but got 1"):
        make_dataset("band", 1)
    with pytest.raises(ValueError, match="noise must be a number from 0 to 0.5 .*labels flipped.*but got 0.7"):
        make_dataset("band", noise=0.7)
    with pytest.raises(ValueError, match="but got nan"):
        make_dataset("band", noise=float("nan"))
    with pytest.raises(TypeError, match="noise must be a number from 0 to 0.5, but got 'some'"):
        make_dataset("band", noise="some")
    with pytest.raises(ValueError, match="seed must be at least 0, but got -1"):
        make_dataset("band", seed=-1)
    with pytest.raises(TypeError, match="seed must be a whole number"):
        make_dataset("band", seed=True)
    with pytest.raises(ValueError, match=r"X has shape \(2, 3\).*\(n_points, 2\). It looks transposed"):
        inside("band", np.zeros((2, 3)))


# ---------------------------------------------------------------------------
# accuracy
# ---------------------------------------------------------------------------

def test_accuracy_worked_values():
    assert accuracy([[0.8], [-0.3], [0.2], [1e-16]], [[1], [-1], [-1], [-1]]) == 0.75
    assert accuracy([0.5, 0.5], [1, 0]) == 0.5                  # targets 1/0 read the same way
    assert accuracy([2e-9, 1e-9], [1, 1]) == 0.5                # exactly 1e-9 is not positive
    assert accuracy([0.0], [-1]) == 1.0


@settings(deadline=None)
@given(st.lists(st.tuples(st.floats(-5, 5), st.sampled_from([-1.0, 1.0])), min_size=1, max_size=30))
def test_accuracy_matches_a_loop(pairs):
    y = np.array([[p[0]] for p in pairs])
    target = np.array([[p[1]] for p in pairs])
    right = sum((a > 1e-9) == (t > 0) for a, t in pairs)
    assert accuracy(y, target) == pytest.approx(right / len(pairs), abs=1e-15)
    assert accuracy(y.ravel(), target) == accuracy(y, target)


def test_accuracy_errors():
    with pytest.raises(ValueError, match=r"y has 3 values \(shape \(3, 1\)\) but target has 2"):
        accuracy(np.zeros((3, 1)), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"y has shape \(3, 2\); accuracy reads one output per point"):
        accuracy(np.zeros((3, 2)), np.ones((3, 1)))
    with pytest.raises(ValueError, match="y contains NaN"):
        accuracy([0.1, float("nan")], [1, 1])
    with pytest.raises(TypeError, match="target must be numbers, but got the text 'yes'"):
        accuracy([0.1], "yes")


# ---------------------------------------------------------------------------
# train_test_split
# ---------------------------------------------------------------------------

@settings(deadline=None)
@given(st.integers(2, 50), st.floats(0, 1), st.integers(0, 1000))
def test_split_keeps_every_row_once_with_its_target(n_points, test_fraction, seed):
    X = np.column_stack([np.arange(n_points), -np.arange(n_points)]).astype(float)
    target = np.arange(n_points, dtype=float).reshape(-1, 1) * 10
    split = train_test_split(X, target, test_fraction, seed)
    n_test = min(max(round(test_fraction * n_points), 1), n_points - 1)
    assert len(split.X_test) == len(split.target_test) == n_test
    assert len(split.X_train) == len(split.target_train) == n_points - n_test
    rows = sorted(split.X_train[:, 0].tolist() + split.X_test[:, 0].tolist())
    assert rows == list(range(n_points))
    for part_X, part_t in ((split.X_train, split.target_train), (split.X_test, split.target_test)):
        np.testing.assert_array_equal(part_t[:, 0], part_X[:, 0] * 10)
        np.testing.assert_array_equal(part_X[:, 1], -part_X[:, 0])


def test_split_is_seeded():
    X, target = xor(40)
    a, b, c = (train_test_split(X, target, 0.25, seed) for seed in (1, 1, 2))
    np.testing.assert_array_equal(a.X_test, b.X_test)
    assert not np.array_equal(a.X_test, c.X_test)
    assert a.X_test.shape == (10, 2)


def test_split_errors():
    with pytest.raises(ValueError, match=r"X has 4 points \(shape \(4, 2\)\) but target has 3 rows"):
        train_test_split(np.zeros((4, 2)), np.zeros((3, 1)))
    with pytest.raises(ValueError, match="test_fraction must be a number from 0 to 1 .*but got 1.5"):
        train_test_split(np.zeros((4, 2)), np.zeros((4, 1)), 1.5)
    with pytest.raises(ValueError, match="X has 1 point; splitting needs at least 2"):
        train_test_split(np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="X contains NaN"):
        train_test_split([[0, float("nan")], [1, 1]], [1, 1])
