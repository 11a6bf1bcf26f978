"""Chapter 10, backpropagation: its numbers, its checks, its picture and its explorer.

The right answers are computed here independently of ``helpers.learning.backward``: by loops over
every entry (the chain rule written one derivative at a time) and by nudging (central differences).
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.chapters import ch10_backpropagation as ch10
from helpers.chapters.ch10_backpropagation import (
    SLIPS,
    backward_with_slip,
    check_backward_grid,
    check_batch_dW1,
    check_my_backward,
)
from helpers.explorers.backprop import BackpropExplorer, backward_formula
from helpers.learning import backward, network_loss, numerical_gradient
from helpers.pictures.backprop import describe_gradient_tables, gradient_tables, update_gradient_tables


# ---------------------------------------------------------------------------
# An independent backward pass: every derivative as a loop, one entry at a time
# ---------------------------------------------------------------------------

def loop_gradients(x, target, W1, b1, W2, b2):
    """dW1, db1, dW2, db2 of mse(relu(W2 relu(W1 x + b1) + b2), target), by loops (one input)."""
    x, target, W1, b1, W2, b2 = (np.array(v, dtype=float) for v in (x, target, W1, b1, W2, b2))
    n_hidden, n_inputs = W1.shape
    n_outputs = W2.shape[0]
    z1 = [sum(W1[j, i] * x[i] for i in range(n_inputs)) + b1[j] for j in range(n_hidden)]
    h = [max(z, 0.0) for z in z1]
    z2 = [sum(W2[k, j] * h[j] for j in range(n_hidden)) + b2[k] for k in range(n_outputs)]
    y = [max(z, 0.0) for z in z2]
    # dL/dz2[k] = dL/dy[k] * dy/dz2[k]; dL/dy[k] = 2 (y[k] - t[k]) / n_outputs
    d2 = [2 * (y[k] - target[k]) / n_outputs * (1.0 if z2[k] > 0 else 0.0) for k in range(n_outputs)]
    dW2 = np.array([[d2[k] * h[j] for j in range(n_hidden)] for k in range(n_outputs)])
    d1 = [sum(W2[k, j] * d2[k] for k in range(n_outputs)) * (1.0 if z1[j] > 0 else 0.0) for j in range(n_hidden)]
    dW1 = np.array([[d1[j] * x[i] for i in range(n_inputs)] for j in range(n_hidden)])
    return dW1, np.array(d1), dW2, np.array(d2)


def nudged_gradients(x, target, W1, b1, W2, b2):
    """dW1, db1, dW2, db2 measured by central differences of the loss."""
    x, target, W1, b1, W2, b2 = (np.array(v, dtype=float) for v in (x, target, W1, b1, W2, b2))

    def loss():
        return network_loss(x, target, W1, b1, W2, b2)

    return tuple(numerical_gradient(loss, array) for array in (W1, b1, W2, b2))


CHAPTER = (ch10.NETWORK_X, ch10.NETWORK_TARGET, ch10.NETWORK_W1, ch10.NETWORK_B1, ch10.NETWORK_W2, ch10.NETWORK_B2)
GRID = (ch10.NETGRID_X, ch10.NETGRID_TARGET, ch10.NETGRID_W1, ch10.NETGRID_B1, ch10.NETGRID_W2, ch10.NETGRID_B2)
NETWORK = (ch10.NETWORK_W1, ch10.NETWORK_B1, ch10.NETWORK_W2, ch10.NETWORK_B2)


def judge(check, *args):
    return check.judge(*args)


def said(check, *args) -> str:
    return check.judge(*args).message


# ---------------------------------------------------------------------------
# The numbers the chapter states
# ---------------------------------------------------------------------------

def test_the_chapter_example_has_the_numbers_the_prose_states():
    dW1, db1, dW2, db2 = loop_gradients(*CHAPTER)
    assert np.allclose(dW2, [[0, 0, 0, 0], [-1.9, 0, -2.5, 0]])
    assert np.allclose(db2, [0, -1])
    assert np.allclose(dW1, [[-1, -1.5, -2.5], [0, 0, 0], [-2, -3, -5], [0, 0, 0]])
    assert np.allclose(db1, [-0.5, 0, -1, 0])
    grads = backward(*CHAPTER)
    assert grads.loss == pytest.approx(1.0)
    assert np.allclose(grads.dL_h if hasattr(grads, "dL_h") else grads.dL_dh, [-0.5, 1, -1, -0.5])
    assert np.count_nonzero(np.concatenate([dW1.ravel(), db1, dW2.ravel(), db2]) == 0) == 15


@pytest.mark.parametrize("case", [CHAPTER, GRID], ids=["chapter", "grid"])
def test_loops_nudging_and_backward_agree(case):
    by_loops, by_nudging = loop_gradients(*case), nudged_gradients(*case)
    grads = backward(*case)
    for mine, measured, theirs in zip(by_loops, by_nudging, grads[:4]):
        assert np.allclose(mine, measured, atol=1e-8)
        assert np.allclose(mine, theirs)


def test_the_exercise_grid_has_small_exact_numbers():
    grads = backward(*GRID)
    assert np.allclose(grads.delta2, [0, -2])
    assert np.allclose(grads.dL_dh, [-2, -1, 2])
    assert np.allclose(grads.delta1, [-2, -1, 0])
    assert np.allclose(grads.dW2, [[0, 0, 0], [-1, -6, 0]])


def test_the_batch_gradient_is_the_mean_of_the_samples_gradients():
    for X, T in [(ch10.EXAMPLE_BATCH_X, ch10.EXAMPLE_BATCH_T), (ch10.EXERCISE_BATCH_X, ch10.EXERCISE_BATCH_T)]:
        per_sample = [loop_gradients(x, t, *NETWORK) for x, t in zip(X, T)]
        batch = backward_with_slip(X, T, *NETWORK)
        assert np.allclose(batch.dW1, np.mean([g[0] for g in per_sample], axis=0))
        assert np.allclose(batch.dW2, np.mean([g[2] for g in per_sample], axis=0))
        assert np.array(X).shape[0] != np.array(X).shape[1], "a batch whose rows and columns cannot be confused"


@pytest.mark.parametrize("case", [CHAPTER, GRID], ids=["chapter", "grid"])
def test_backward_with_no_slip_is_backward(case):
    mine, theirs = backward_with_slip(*case), backward(*case)
    for name in ("dL_dy", "delta2", "dW2", "db2", "dL_dh", "delta1", "dW1", "db1"):
        assert np.allclose(getattr(mine, name), getattr(theirs, name)), name


def test_an_unknown_slip_is_refused():
    with pytest.raises(ValueError, match="slip must be one of"):
        backward_with_slip(*CHAPTER, slip="gate")


# ---------------------------------------------------------------------------
# Exercise 1: the backward grid
# ---------------------------------------------------------------------------

GRID_SOLUTION = ([0, -2], [-2, -1, 2], [-2, -1, 0], [[0, 0, 0], [-1, -6, 0]])
STUB = ([..., ...], [..., ..., ...], [..., ..., ...], [[..., ..., ...], [..., ..., ...]])


def with_entry(answer, which: int, index, value):
    """``answer`` with one entry replaced (index an int, or (row, column) for dW2)."""
    parts = [list(part) for part in answer[:3]] + [[list(row) for row in answer[3]]]
    if isinstance(index, tuple):
        parts[which][index[0]][index[1]] = value
    else:
        parts[which][index] = value
    return parts


def test_grid_solution_is_correct():
    assert judge(check_backward_grid, *GRID_SOLUTION).status == "correct"
    assert judge(check_backward_grid, *(np.array(part) for part in GRID_SOLUTION)).status == "correct"


def test_grid_stub_is_not_attempted():
    assert judge(check_backward_grid, *STUB).status == "not attempted"
    assert judge(check_backward_grid, ..., ..., ..., ...).status == "not attempted"


def test_grid_partly_filled_in_lists_what_is_missing():
    feedback = judge(check_backward_grid, [0, -2], [..., ..., ...], [..., ..., ...], ...)
    assert feedback.status == "incomplete"
    assert "δ2[0], δ2[1] are right" in feedback.message and "dL/dh[0]" in feedback.message


@pytest.mark.parametrize("which, index, value, words", [
    (0, 0, -1, "this is δ2 before the gate"),
    (0, 1, 2, "sign is flipped"),
    (0, 1, -1, "factor 2 is missing"),
    (0, 1, -4, "mean is forgotten"),
    (1, 0, 2, "you used W2, not W2ᵀ"),
    (1, 0, -4, "you used dL/dy, δ2 before the gate"),
    (1, 2, -2, "sign is flipped"),
    (2, 2, 2, "the gate is forgotten"),
    (2, 0, -1, "you multiplied by h[0]"),
    (3, (1, 2), 6, "z used where h belongs"),
    (3, (1, 0), -4, "you used x[0]"),
    (3, (1, 0), 1, "sign is flipped"),
    (3, (0, 1), -3, "δ2 before the gate"),
])
def test_grid_names_each_mistake(which, index, value, words):
    feedback = judge(check_backward_grid, *with_entry(GRID_SOLUTION, which, index, value))
    assert feedback.status == "mistake"
    assert words in feedback.message, feedback.message


def test_grid_follows_through_from_a_wrong_delta2():
    # δ2 forgot the gate (−1, −2); dL/dh computed from that δ2 is "right for your δ2".
    delta2 = [-1, -2]
    dL_dh = list(np.array(ch10.NETGRID_W2).T @ delta2)
    message = said(check_backward_grid, delta2, dL_dh, [..., ..., ...], ...)
    assert "δ2 before the gate" in message and "right for your δ2" in message


def test_grid_transposed_dW2_is_named():
    message = said(check_backward_grid, *GRID_SOLUTION[:3], np.array(GRID_SOLUTION[3]).T.tolist())
    assert "transposed" in message and "3 rows of 2" in message


@pytest.mark.parametrize("answer", ["text", {"a": 1}, [1, 2, 3], 5, [[1, 2], [3, 4]]])
def test_grid_odd_answers_get_a_message_not_a_crash(answer, capsys):
    check_backward_grid(answer, answer, answer, answer)
    printed = capsys.readouterr().out
    assert printed.startswith("❌ Not yet.") and "Traceback" not in printed


def test_grid_text_entry_is_named():
    feedback = judge(check_backward_grid, *with_entry(GRID_SOLUTION, 2, 1, "one"))
    assert feedback.status == "mistake" and "δ1[1]" in feedback.message


# ---------------------------------------------------------------------------
# Exercise 2: dW1 for a batch
# ---------------------------------------------------------------------------

def batch_by_loops():
    per_sample = [loop_gradients(x, t, *NETWORK)[0] for x, t in zip(ch10.EXERCISE_BATCH_X, ch10.EXERCISE_BATCH_T)]
    return np.mean(per_sample, axis=0)


def test_batch_solution_is_correct():
    assert judge(check_batch_dW1, batch_by_loops()).status == "correct"
    assert judge(check_batch_dW1, batch_by_loops().tolist()).status == "correct"


def test_batch_stub_is_not_attempted():
    assert judge(check_batch_dW1, ...).status == "not attempted"


@pytest.mark.parametrize("slip, words", [
    ("per sample", "mean is forgotten on the batch"),
    ("mean", "mean is forgotten"),
    ("sign", "sign is flipped"),
    ("factor 2", "factor 2 is missing"),
    ("hidden gate", "hidden ReLU's gate is forgotten"),
    ("output gate", "output ReLU's gate is forgotten"),
    ("transposed", "transposed"),
])
def test_batch_names_each_mistake(slip, words):
    wrong = backward_with_slip(ch10.EXERCISE_BATCH_X, ch10.EXERCISE_BATCH_T, *NETWORK, slip=slip).dW1
    assert not np.allclose(np.resize(wrong, batch_by_loops().shape), batch_by_loops())
    feedback = judge(check_batch_dW1, wrong)
    assert feedback.status == "mistake" and words in feedback.message, feedback.message


def test_batch_sum_instead_of_mean_is_the_mean_forgotten():
    total = batch_by_loops() * len(ch10.EXERCISE_BATCH_X)
    assert "mean is forgotten" in said(check_batch_dW1, total)


def test_batch_one_sample_alone_is_named():
    alone = loop_gradients(ch10.EXERCISE_BATCH_X[0], ch10.EXERCISE_BATCH_T[0], *NETWORK)[0]
    assert "sample 0's gradient alone" in said(check_batch_dW1, alone)


@pytest.mark.parametrize("answer", ["dW1", [1, 2], np.full((4, 3), np.nan), None])
def test_batch_odd_answers(answer, capsys):
    check_batch_dW1(answer)
    printed = capsys.readouterr().out
    assert "Traceback" not in printed and printed.strip()


# ---------------------------------------------------------------------------
# Exercise 3: my_backward
# ---------------------------------------------------------------------------

def relu(z):
    return np.maximum(z, 0)


def learner_backward(output_gate=True, hidden_gate=True, use_z=False, transposed=False, sign=1.0,
                     factor=2.0, mean=True):
    """A backward pass as a learner might write it, with the given slips."""
    def my_backward(x, target, W1, b1, W2, b2):
        z1 = W1 @ x + b1
        h = relu(z1)
        z2 = W2 @ h + b2
        y = relu(z2)
        dL_dy = sign * factor * (y - target) / (y.size if mean else 1)
        delta2 = dL_dy * (z2 > 0) if output_gate else dL_dy
        dW2 = np.outer(delta2, z1 if use_z else h)
        delta1 = (W2.T @ delta2) * (z1 > 0) if hidden_gate else W2.T @ delta2
        dW1 = np.outer(delta1, x)
        if transposed:
            dW1, dW2 = dW1.T, dW2.T
        return dW1, delta1, dW2, delta2
    return my_backward


def test_my_backward_solution_is_correct():
    assert judge(check_my_backward, learner_backward()).status == "correct"
    assert judge(check_my_backward, lambda *args: backward(*args)).status == "correct"


def test_my_backward_stub_is_not_attempted():
    def my_backward(x, target, W1, b1, W2, b2):
        # Your code here
        ...
    assert judge(check_my_backward, my_backward).status == "not attempted"
    assert judge(check_my_backward, ...).status == "not attempted"


def test_my_backward_without_return_is_told_it_needs_return():
    def my_backward(x, target, W1, b1, W2, b2):
        z1 = W1 @ x + b1
        print(z1)
    feedback = judge(check_my_backward, my_backward)
    assert feedback.status == "mistake"
    assert "returned None" in feedback.message and "probably needs `return`" in feedback.message


@pytest.mark.parametrize("slips, words", [
    ({"output_gate": False}, "output ReLU's gate is forgotten"),
    ({"hidden_gate": False}, "hidden ReLU's gate is forgotten"),
    ({"use_z": True}, "z is used where h belongs"),
    ({"transposed": True}, "outer products are transposed"),
    ({"sign": -1.0}, "sign is flipped"),
    ({"factor": 1.0}, "factor 2 is missing"),
    ({"mean": False}, "mean is forgotten"),
])
def test_my_backward_names_each_mistake(slips, words):
    feedback = judge(check_my_backward, learner_backward(**slips))
    assert feedback.status == "mistake" and words in feedback.message, feedback.message


def test_my_backward_with_W2_instead_of_its_transpose_is_told():
    def my_backward(x, target, W1, b1, W2, b2):
        z1 = W1 @ x + b1
        h = relu(z1)
        z2 = W2 @ h + b2
        delta2 = (relu(z2) - target) * (z2 > 0)
        delta1 = (W2 @ delta2) * (z1 > 0)
        return np.outer(delta1, x), delta1, np.outer(delta2, h), delta2
    message = said(check_my_backward, my_backward)
    assert "W2.T @ delta2" in message and "raised" in message


def test_my_backward_other_returns_are_explained():
    assert "returned 3 values" in said(check_my_backward, lambda *args: backward(*args)[:3])
    assert "not a function" not in said(check_my_backward, 3) and "Expected a function" in said(check_my_backward, 3)
    wrong_shape = lambda *args: (np.zeros(2), *backward(*args)[1:4])  # noqa: E731
    assert "dW1 has shape (2,)" in said(check_my_backward, wrong_shape)


def test_my_backward_that_raises_is_told_which_case(capsys):
    def my_backward(x, target, W1, b1, W2, b2):
        raise KeyError("oops")
    check_my_backward(my_backward)
    printed = capsys.readouterr().out
    assert "raised KeyError" in printed and "Traceback" not in printed


def test_my_backward_cannot_change_the_cases():
    def my_backward(x, target, W1, b1, W2, b2):
        W1[:] = 0
        return backward(x, target, W1, b1, W2, b2)[:4]
    judge(check_my_backward, my_backward)
    assert judge(check_my_backward, learner_backward()).status == "correct"


def test_every_slip_is_detectable_somewhere():
    """Each slip of SLIPS changes the gradients of at least one of the function exercise's cases."""
    for name in SLIPS:
        if name == "per sample":
            continue  # a batch-only slip: tested by exercise 2
        differs = False
        for case in ch10._backward_cases():
            try:
                slipped = backward_with_slip(*case, slip=name)
            except ValueError:
                continue
            right = backward(*case)
            differs |= any(np.shape(a) != np.shape(b) or not np.allclose(a, b)
                           for a, b in zip((slipped.dW1, slipped.db1, slipped.dW2, slipped.db2), right[:4]))
        assert differs, name


def test_no_answer_in_a_docstring_or_before_trying():
    import pydoc

    answers = {check_backward_grid: ["[0, −2]", "[0, -2]", "[−2, −1, 2]", "[-2, -1, 2]", "−6", "-6"],
               check_batch_dW1: ["0.43125", "0.4312", "−0.6375", "-0.6375", "delta1.T @ X"],
               check_my_backward: ["np.outer", "outer(delta", "W2.T @ delta2", "(z1 > 0)"]}
    for check, spellings in answers.items():
        stub = check.judge(*[...] * check.judge.__code__.co_argcount).message
        shown = [check.__doc__ or "", pydoc.render_doc(check, renderer=pydoc.plaintext), stub]
        assert "Not attempted yet" in stub
        for text in shown:
            for spelling in spellings:
                assert spelling not in text, f"{check.__name__} shows {spelling!r} before any attempt"


# ---------------------------------------------------------------------------
# The picture
# ---------------------------------------------------------------------------

def texts(table, key):
    return [[text.get_text() for text in row] for row in table[key]]


def test_the_tables_show_every_gradient_where_its_parameter_sits():
    artists = gradient_tables(*CHAPTER)
    dW1, db1, dW2, db2 = loop_gradients(*CHAPTER)
    assert texts(artists["output"], "values") == [["0", "0", "0", "0", "0"], ["−1.9", "0", "−2.5", "0", "−1"]]
    assert texts(artists["hidden"], "values") == [["−1", "−1.5", "−2.5", "−0.5"], ["0", "0", "0", "0"],
                                                  ["−2", "−3", "−5", "−1"], ["0", "0", "0", "0"]]
    every = np.concatenate([np.column_stack([dW2, db2]).ravel(), np.column_stack([dW1, db1]).ravel()])
    dotted = [style[1] is not None for style in artists["fills"].get_linestyles()]  # (offset, dashes): None is solid
    assert dotted == [value == 0 for value in every]  # zero cells dotted, one style per cell
    hatched = [tuple(path.vertices.min(axis=0)) for path in artists["hatches"].get_paths()]
    cells = [cell for table in ("output", "hidden") for row in artists[table]["cells"] for cell in row]
    negative = [tuple(cell.get_path().transformed(cell.get_patch_transform()).vertices.min(axis=0))
                for cell, value in zip(cells, every) if value < 0]
    assert np.allclose(hatched, negative) and artists["hatches"].get_hatch() == "///"  # negative cells hatched
    labels = [label.get_text() for label in artists["output"]["labels"] + artists["hidden"]["labels"]]
    assert labels[0] == "output 0: z2 = −0.1, off, gate 0" and labels[3] == "hidden 1: z1 = −2, off, gate 0"
    assert artists["heading"].get_text() == ("L = 1;  dL/dy = [−1, −1];  through the output gates (z2 > 0) = [0, 1]:  "
                                             "δ2 = [0, −1]")


def test_the_tables_move_with_new_numbers():
    artists = gradient_tables(*CHAPTER)
    x, target, W1, b1, W2, b2 = CHAPTER
    b2 = (0.7, -1)  # output 0 on: z2[0] = 0.1
    update_gradient_tables(artists, x, target, W1, b1, W2, b2)
    dW1, db1, dW2, db2 = loop_gradients(x, target, W1, b1, W2, b2)
    assert texts(artists["output"], "values")[0] == ["−1.71", "0", "−2.25", "0", "−0.9"]
    assert np.allclose(dW2[0], [-1.71, 0, -2.25, 0])
    assert artists["output"]["labels"][0].get_text() == "output 0: z2 = 0.1, on"


def test_the_summary_counts_the_zeros_and_names_the_closed_gates():
    summary = describe_gradient_tables(backward(*CHAPTER))
    assert "15 of the 26 derivatives are 0" in summary and "11 negative" in summary
    assert "output 0 (z2 = −0.1), hidden 1 (z1 = −2), hidden 3 (z1 = −1)" in summary


def test_the_tables_refuse_other_shapes():
    artists = gradient_tables(*CHAPTER)
    with pytest.raises(ValueError, match="drawn for 3 inputs, 4 hidden neurons and 2 outputs"):
        update_gradient_tables(artists, *GRID)
    with pytest.raises(ValueError, match="one input"):
        gradient_tables(ch10.EXAMPLE_BATCH_X, ch10.EXAMPLE_BATCH_T, *NETWORK)


# ---------------------------------------------------------------------------
# The explorer
# ---------------------------------------------------------------------------

def expected_lines(x, target, W1, b1, W2, b2):
    """The formula's numbers, computed by loops: δ2 and dW1 as the explorer writes them."""
    dW1, db1, dW2, db2 = loop_gradients(x, target, W1, b1, W2, b2)
    return db2, dW1


def test_explorer_starts_at_the_chapter_example():
    explorer = BackpropExplorer()
    assert explorer.kind == "backprop"
    assert "nnbh-backprop" in explorer.widget._dom_classes
    lines = explorer.formula_lines
    assert lines[3] == "δ2 = dL/dy × (z2 > 0) = [−1, −1] × [0, 1] = [0, −1]"
    assert lines[5] == "dL/dh = W2ᵀ δ2 = [−0.5, 1, −1, −0.5]"
    assert "15 of the 26 derivatives are 0" in explorer.summary.value
    assert explorer.formula.value.count("\n") == 7


@pytest.mark.parametrize("control, value", [("target0", 2.0), ("target1", 2.45), ("b2", 0.7), ("b1", 3.5)])
def test_explorer_follows_its_sliders(control, value):
    explorer = BackpropExplorer()
    slider = {"target0": explorer.target_sliders[0], "target1": explorer.target_sliders[1],
              "b2": explorer.b2_slider, "b1": explorer.b1_slider}[control]
    before = (explorer.formula.value, explorer.picture.value)
    slider.value = value
    x, target, W1, b1, W2, b2 = (np.array(v, dtype=float) for v in CHAPTER)
    target[0], target[1] = explorer.target_sliders[0].value, explorer.target_sliders[1].value
    b2[0], b1[1] = explorer.b2_slider.value, explorer.b1_slider.value
    delta2, dW1 = expected_lines(x, target, W1, b1, W2, b2)
    f = lambda v: ("−" if v < 0 else "") + f"{abs(v):g}"  # noqa: E731  (numbers here have ≤ 3 decimals)
    assert explorer.formula_lines[3].endswith("[" + ", ".join(f(v) for v in delta2) + "]")
    assert explorer.formula_lines[7].startswith(
        "dW1 = outer(δ1, x) = [" + ", ".join("[" + ", ".join(f(v) for v in row) + "]" for row in dW1) + "]")
    # Even target[0], which changes no gradient while output 0 is off, changes dL/dy on top of the tables.
    assert explorer.formula.value != before[0] and explorer.picture.value != before[1]
    zeros = int(np.sum(np.concatenate([g.ravel() for g in loop_gradients(x, target, W1, b1, W2, b2)]) == 0))
    assert f"{zeros} of the 26 derivatives are 0" in explorer.summary.value


def test_explorer_formula_is_backward_formula_of_its_values():
    explorer = BackpropExplorer()
    explorer.target_sliders[0].value = -1
    assert explorer.formula_text == "\n".join(backward_formula(*explorer.parameters))
    assert explorer.parameters[1] == [-1, 3.45]


def test_explorer_shows_a_message_not_a_traceback():
    explorer = BackpropExplorer()
    explorer._W2 = np.zeros((3, 4))  # a broken state: the output layer no longer fits the tables
    explorer.b2_slider.value = 0.6
    assert "cannot be shown" in explorer.formula.value and "Traceback" not in explorer.formula.value


def test_explorer_refuses_bad_starting_values():
    with pytest.raises(ValueError, match="target"):
        BackpropExplorer(target=(1, 2, 3))
    with pytest.raises(ValueError, match="at least 2 hidden neurons"):
        BackpropExplorer(x=(1,), W1=((1,),), b1=(0,), W2=((1,),), b2=(0,), target=(1,))


def test_explorer_computes_with_the_values_its_readouts_show():
    explorer = BackpropExplorer()
    explorer.target_sliders[0].value = 0.1 + 0.2  # 0.30000000000000004, shown as 0.30
    explorer.b2_slider.value = 0.7 - 0.1          # 0.6 - a rounding error, shown as 0.60: z2[0] is exactly 0
    assert explorer.target[0] == 0.3 and explorer.b2[0] == 0.6
    assert explorer.formula_lines[0].startswith("forward: z1 = [1.9, −2, 2.5, −1], h = [1.9, 0, 2.5, 0], z2 = [0, 2.45]")
