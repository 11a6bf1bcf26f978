"""Training: gradient descent with ``backward``, step after step (chapters 11 and 13).

Pure NumPy, with the course's shapes (``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,), ``W2``
(n_outputs, n_hidden), ``b2`` (n_outputs,); a batch ``X`` (n_samples, n_inputs) with ``target``
(n_samples, n_outputs)) and Part II's names. One step of full-batch gradient descent is chapter 09's
step with chapter 10's gradients: every parameter moves by ``-learning_rate`` times its gradient,
``W1 = W1 - learning_rate * dW1`` and so on, with the gradients of ``mse`` over the whole batch.

``train`` checks its arguments once, with ``helpers.learning.backward`` itself (so a bad shape gets
the same message as in chapter 10), and then runs its steps with the same formulas written for speed
(buffers reused, nothing checked again): the tests compare it with a loop calling ``backward``.
Nothing in it is random: the same data and starting parameters give the same run, and
``init_network(..., seed=...)`` makes seeded starting parameters.

A run whose loss runs away (inf, NaN, or a million times its start) raises ``TrainingDiverged``,
a ``ValueError`` whose message names the learning rate and the step, with the history so far
attached; training never silently hands back NaN.
"""

from __future__ import annotations

import numbers
from typing import Callable, NamedTuple

import numpy as np

from helpers.datasets import accuracy
from helpers.learning import backward
from helpers.maths import relu, sigmoid, tanh, two_layer_network
from helpers.validation import as_numbers, as_whole_number

__all__ = [
    "DIVERGES_ABOVE",
    "Network",
    "Progress",
    "TrainingDiverged",
    "TrainingResult",
    "init_network",
    "network_accuracy",
    "train",
]

DIVERGES_ABOVE = 1e6
"""A run has diverged when its loss is inf, NaN, or above DIVERGES_ABOVE × max(first loss, 1)."""


class Network(NamedTuple):
    """The parameters of a two-layer network: ``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,),
    ``W2`` (n_outputs, n_hidden), ``b2`` (n_outputs,). Unpack it as ``W1, b1, W2, b2 = network``.
    Introduced in chapter 11."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


class Progress(NamedTuple):
    """What ``train`` hands its ``callback``: the step (0 before the first), the training loss there,
    the test loss (None without a test set) and copies of the parameters at that step.
    Introduced in chapter 11 (for the live loss curve)."""

    step: int
    loss: float
    test_loss: float | None
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


class TrainingResult(NamedTuple):
    """What ``train`` returns.

    ``losses[k]`` is the training loss (``mse``, without the weight-decay term) after k steps, from
    ``losses[0]`` before the first step to ``losses[-1]`` after the last: one more entry than steps taken.
    ``test_losses`` is the same on the test set (None without one). ``W1, b1, W2, b2`` are the
    parameters after ``best_step`` steps: the last step, or with ``early_stopping`` the step with the
    lowest test loss. Introduced in chapter 11."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    losses: np.ndarray
    test_losses: np.ndarray | None
    best_step: int
    learning_rate: float

    @property
    def network(self) -> Network:
        """The returned parameters as a ``Network``."""
        return Network(self.W1, self.b1, self.W2, self.b2)


class TrainingDiverged(ValueError):
    """Training ran away: the loss became inf or NaN or grew a million-fold.

    Its message names the learning rate and the step. ``learning_rate`` and ``step`` are attributes;
    ``losses`` holds the training losses up to and including the runaway one; ``result`` is a
    ``TrainingResult`` with that history and the parameters that gave it. Introduced in chapter 11."""

    def __init__(self, message: str, learning_rate: float, step: int, result: TrainingResult):
        super().__init__(message)
        self.learning_rate, self.step, self.result = learning_rate, step, result
        self.losses = result.losses


# ---------------------------------------------------------------------------
# Checking arguments
# ---------------------------------------------------------------------------

def _number(value, name: str, example: str, positive: bool) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number such as {example}, but got {value!r}.")
    value = float(value)
    if not np.isfinite(value) or value < 0 or (positive and value == 0):
        need = "a positive number" if positive else "a number of 0 or more"
        raise ValueError(f"{name} must be {need}, such as {example}, but got {value!r}.")
    return value


def _output_key(output_activation) -> str | None:
    """"relu", "sigmoid", "tanh" or None, for an output activation ``backward`` has already accepted."""
    for key, function in (("relu", relu), ("sigmoid", sigmoid), ("tanh", tanh)):
        if output_activation is function or (isinstance(output_activation, str) and output_activation.lower() == key):
            return key
    return None


# ---------------------------------------------------------------------------
# Starting parameters (chapter 11)
# ---------------------------------------------------------------------------

def init_network(n_inputs: int, n_hidden: int, n_outputs: int, seed: int = 0, scale: float | None = None) -> Network:
    """Seeded starting parameters: every weight drawn from a normal distribution around 0, biases 0.

    ``scale`` is the spread (standard deviation) of the weights. ``None`` (the default) scales each
    layer to its number of inputs: sqrt(2 / n_inputs) for W1, which feeds ReLU (He), and
    sqrt(1 / n_hidden) for W2 (LeCun), so that z1 and z2 start neither tiny nor huge (chapter 12).
    ``scale=0`` starts every weight at 0, where every hidden neuron is the same (chapter 11's symmetry).
    Shapes: ``W1`` (n_hidden, n_inputs), ``b1`` (n_hidden,), ``W2`` (n_outputs, n_hidden), ``b2`` (n_outputs,).
    Introduced in chapter 11.

    >>> W1, b1, W2, b2 = init_network(2, 8, 1, seed=0)
    >>> W1.shape, b1.shape, W2.shape, b2.shape
    ((8, 2), (8,), (1, 8), (1,))
    >>> init_network(2, 3, 1, scale=0.0).W1.tolist()
    [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]
    """
    n_inputs = as_whole_number(n_inputs, "n_inputs", 1, 2)
    n_hidden = as_whole_number(n_hidden, "n_hidden", 1, 8)
    n_outputs = as_whole_number(n_outputs, "n_outputs", 1, 1)
    seed = as_whole_number(seed, "seed", 0, 0)
    if scale is None:
        scale1, scale2 = np.sqrt(2.0 / n_inputs), np.sqrt(1.0 / n_hidden)
    else:
        scale1 = scale2 = _number(scale, "scale", "0.5", positive=False)
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, 1.0, (n_hidden, n_inputs)) * scale1 + 0.0
    W2 = rng.normal(0.0, 1.0, (n_outputs, n_hidden)) * scale2 + 0.0
    return Network(W1, np.zeros(n_hidden), W2, np.zeros(n_outputs))


# ---------------------------------------------------------------------------
# Gradient descent (chapters 11 and 13)
# ---------------------------------------------------------------------------

class _Forward:
    """The network's forward pass and loss on one fixed batch, into buffers made once.

    Inside, every batch quantity is stored one row per neuron and one column per sample (z1 is
    (n_hidden, n_samples), the transpose of the course's layout): NumPy then runs each element-wise
    operation along rows of n_samples numbers instead of rows of n_hidden, which is several times faster
    for a narrow layer. The numbers are the same; only the order they sit in memory differs."""

    def __init__(self, X: np.ndarray, target: np.ndarray, n_hidden: int, output: str | None):
        self.X, self.output = np.ascontiguousarray(X), output
        self.XT, self.target = np.ascontiguousarray(X.T), np.ascontiguousarray(target.T)
        n_outputs, n_samples = self.target.shape
        self.z1 = np.empty((n_hidden, n_samples))
        self.h = np.empty((n_hidden, n_samples))
        self.z2 = np.empty((n_outputs, n_samples))
        self.error = np.empty((n_outputs, n_samples))
        self.flat_error = self.error.reshape(-1)
        self.size = self.target.size

    def loss(self, W1, b1_column, W2, b2_column) -> float:
        """mse(y, target), leaving z1, h, z2, y and y − target (all transposed) in the buffers."""
        np.dot(W1, self.XT, out=self.z1)
        self.z1 += b1_column
        np.maximum(self.z1, 0.0, out=self.h)
        np.dot(W2, self.h, out=self.z2)
        self.z2 += b2_column
        if self.output is None:
            self.y = self.z2
        elif self.output == "relu":
            self.y = np.maximum(self.z2, 0.0)
        elif self.output == "sigmoid":
            self.y = np.exp(-np.logaddexp(0.0, -self.z2))
        else:
            self.y = np.tanh(self.z2)
        np.subtract(self.y, self.target, out=self.error)
        return float(self.flat_error @ self.flat_error) / self.size


def _delta2(forward: _Forward) -> np.ndarray:
    """dL/dz2 = 2 (y − target) / y.size times the output activation's slope (transposed)."""
    delta2 = forward.error * (2.0 / forward.size)
    if forward.output == "relu":
        delta2 *= forward.z2 > 0
    elif forward.output == "sigmoid":
        delta2 *= forward.y * (1.0 - forward.y)
    elif forward.output == "tanh":
        delta2 *= 1.0 - forward.y ** 2
    return delta2


def _copies(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    return tuple(array.copy() for array in arrays)


def network_accuracy(network, X, target) -> float:
    """The share of the points ``X`` that ``network`` = (W1, b1, W2, b2), chapter 07's network with no
    output activation, puts on the side of their target (``helpers.datasets.accuracy``).
    Introduced in chapter 11."""
    return accuracy(two_layer_network(X, *network, output_activation=None).y, target)


def train(X, target, W1, b1, W2, b2, learning_rate: float, steps: int, output_activation=None,
          weight_decay: float = 0.0, X_test=None, target_test=None, early_stopping: bool = False,
          patience: int | None = None, callback: Callable[[Progress], bool | None] | None = None,
          every: int = 10) -> TrainingResult:
    """Full-batch gradient descent: ``steps`` times, ``backward`` on the whole batch, then every
    parameter moves by −``learning_rate`` × its gradient. The starting arrays are not changed.

    ``output_activation``: None (the default, y = z2, as on chapter 07's plane), relu, sigmoid or tanh.
    ``weight_decay`` (chapter 13) adds weight_decay × (sum of every weight²) to the loss being
    descended (not the biases): each step also shrinks every weight a little towards 0, so a
    network only keeps large weights that the data keep asking for. ``losses`` records ``mse`` alone.
    ``X_test, target_test`` (chapter 13): a test set whose loss is recorded at every step;
    ``early_stopping=True`` then returns the parameters with the lowest test loss; ``patience=k``
    does the same and also stops once the test loss has not improved for k steps.
    ``callback(progress)`` is called with a ``Progress`` before the first step, every ``every``
    steps and after the last (for a live loss curve); if it returns True, training stops there.
    Shapes as in ``backward``, with a batch: ``X`` (n_samples, n_inputs), ``target`` (n_samples, n_outputs).
    Returns a ``TrainingResult``; raises ``TrainingDiverged`` if the loss runs away.
    Introduced in chapter 11 (the test set, early stopping and weight decay in chapter 13).

    >>> result = train([[1.0], [2.0]], [[2.0], [4.0]], [[1.0]], [0.0], [[1.0]], [0.0],
    ...                learning_rate=0.05, steps=2)     # y = x at the start, the target is 2x
    >>> result.losses.round(4).tolist()                 # the loss falls step after step
    [2.5, 0.1495, 0.0197]
    >>> train([[1.0], [2.0]], [[2.0], [4.0]], [[1.0]], [0.0], [[1.0]], [0.0], learning_rate=0.05, steps=1).W1
    array([[1.25]])
    """
    X = as_numbers(X, "X")
    if X.ndim != 2:
        raise ValueError(f"train needs a batch X of shape (n_samples, n_inputs), but X has shape {X.shape}; "
                         "one point x becomes a batch of one with [x].")
    # backward checks every other shape, NaN, text and the output activation, with chapter 10's messages.
    with np.errstate(over="ignore", invalid="ignore"):  # huge starting weights are reported as a runaway below
        backward(X, target, W1, b1, W2, b2, output_activation=output_activation)
    target = as_numbers(target, "target")
    W1, b1, W2, b2 = (as_numbers(a, name).copy() for a, name in ((W1, "W1"), (b1, "b1"), (W2, "W2"), (b2, "b2")))
    learning_rate = _number(learning_rate, "learning_rate", "0.1", positive=True)
    steps = as_whole_number(steps, "steps", 0, 1000)
    weight_decay = _number(weight_decay, "weight_decay", "0.001", positive=False)
    every = as_whole_number(every, "every", 1, 10)
    if not isinstance(early_stopping, (bool, np.bool_)):
        raise TypeError(f"early_stopping must be True or False, but got {early_stopping!r}.")
    if patience is not None:
        patience = as_whole_number(patience, "patience", 1, 50)
        early_stopping = True
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function taking a Progress, or None, but got {callback!r}.")
    if (X_test is None) != (target_test is None):
        raise ValueError("give both X_test and target_test (the test points and their targets), or neither.")
    if X_test is None and early_stopping:
        raise ValueError("early stopping watches the test loss: give X_test and target_test too.")
    output = _output_key(output_activation)
    n_hidden = W1.shape[0]
    forward = _Forward(X, target, n_hidden, output)
    tested = None
    if X_test is not None:
        tested = _Forward(*_test_set(X_test, target_test, X, target), n_hidden, output)
    return _descend(forward, tested, W1, b1, W2, b2, learning_rate, steps, weight_decay,
                    early_stopping, patience, callback, every)


def _test_set(X_test, target_test, X: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The test points and targets as float arrays shaped like the training ones, or a plain-words error."""
    X_test, target_test = as_numbers(X_test, "X_test", ndim=2), as_numbers(target_test, "target_test", ndim=2)
    if X_test.shape[1] != X.shape[1]:
        raise ValueError(f"X_test has shape {X_test.shape}, but the network reads {X.shape[1]} inputs (X has shape "
                         f"{X.shape}): X_test should have shape (n_test, {X.shape[1]}).")
    if target_test.shape != (X_test.shape[0], target.shape[1]):
        raise ValueError(f"target_test has shape {target_test.shape}, but {X_test.shape[0]} test points with "
                         f"{target.shape[1]} output(s) need shape {(X_test.shape[0], target.shape[1])}.")
    return X_test, target_test


def _descend(forward: _Forward, tested: _Forward | None, W1, b1, W2, b2, learning_rate: float, steps: int,
             weight_decay: float, early_stopping: bool, patience: int | None, callback, every: int) -> TrainingResult:
    """The steps themselves, on checked float arrays that it changes in place."""
    losses = np.empty(steps + 1)
    test_losses = None if tested is None else np.empty(steps + 1)
    best_loss, best_step, best = np.inf, 0, None
    b1_column, b2_column = b1.reshape(-1, 1), b2.reshape(-1, 1)   # views: they follow b1 and b2
    X, z1, h = forward.X, forward.z1, forward.h
    dW1, dW2, dL_dh = np.empty_like(W1), np.empty_like(W2), np.empty_like(h)
    decay = 2.0 * weight_decay
    step, limit = 0, np.finfo(float).max   # from step 1: DIVERGES_ABOVE × max(first loss, 1)
    with np.errstate(over="ignore", invalid="ignore"):  # a runaway is reported below, not as warnings
        while True:
            loss = forward.loss(W1, b1_column, W2, b2_column)
            losses[step] = loss
            if not loss <= limit:  # also catches NaN
                _diverged(losses[:step + 1], test_losses, W1, b1, W2, b2, learning_rate, step, steps)
            if step == 0:
                limit = DIVERGES_ABOVE * max(loss, 1.0)
            test_loss = None
            if tested is not None:
                test_loss = tested.loss(W1, b1_column, W2, b2_column)
                test_losses[step] = test_loss
                if early_stopping and test_loss < best_loss:
                    best_loss, best_step, best = test_loss, step, _copies(W1, b1, W2, b2)
            stop = step == steps or (patience is not None and step - best_step >= patience)
            if callback is not None and (stop or step % every == 0):
                stop = bool(callback(Progress(step, loss, test_loss, *_copies(W1, b1, W2, b2)))) or stop
            if stop:
                break
            # backward, as chapter 10 writes it for a batch (here with samples along the columns)
            delta2 = _delta2(forward)
            np.dot(delta2, h.T, out=dW2)         # dW2 = delta2.T @ H in the course's layout
            db2 = delta2.sum(axis=1)
            np.dot(W2.T, delta2, out=dL_dh)      # dL/dh = W2.T @ delta2, for each sample
            delta1 = np.multiply(dL_dh, z1 > 0, out=dL_dh)   # through the hidden ReLU's gate
            np.dot(delta1, X, out=dW1)           # dW1 = delta1.T @ X in the course's layout
            db1 = delta1.sum(axis=1)
            if decay:
                dW1 += decay * W1
                dW2 += decay * W2
            # the gradient-descent step
            dW1 *= learning_rate
            W1 -= dW1
            db1 *= learning_rate
            b1 -= db1
            dW2 *= learning_rate
            W2 -= dW2
            db2 *= learning_rate
            b2 -= db2
            step += 1
    losses = losses[:step + 1]
    if tested is not None:
        test_losses = test_losses[:step + 1]
    if best is None:
        best, best_step = (W1, b1, W2, b2), step
    return TrainingResult(*best, losses=losses, test_losses=test_losses, best_step=best_step,
                          learning_rate=learning_rate)


def _diverged(losses, test_losses, W1, b1, W2, b2, learning_rate: float, step: int, steps: int) -> None:
    loss = losses[-1]
    if step == 0:
        raise TrainingDiverged(
            f"Training diverged at step 0 of {steps} with learning_rate = {learning_rate:g}: the loss is already "
            f"{loss} before the first step, because the starting weights are too large for floating-point numbers. "
            "Start from smaller weights, for example init_network(...).", learning_rate, 0,
            TrainingResult(W1.copy(), b1.copy(), W2.copy(), b2.copy(), losses=losses.copy(), test_losses=None,
                           best_step=0, learning_rate=learning_rate))
    grew = "became NaN" if np.isnan(loss) else "became infinite" if np.isinf(loss) else f"grew to {loss:.3g}"
    message = (f"Training diverged at step {step} of {steps} with learning_rate = {learning_rate:g}: "
               f"the loss started at {losses[0]:.3g} and {grew}. Each step overshot the valley and landed "
               f"higher up the other side (chapter 09). Try a smaller learning rate, such as {learning_rate / 10:g}. "
               "The losses so far are in error.losses.")
    result = TrainingResult(W1.copy(), b1.copy(), W2.copy(), b2.copy(), losses=losses.copy(),
                            test_losses=None if test_losses is None else test_losses[:step + 1].copy(),
                            best_step=step, learning_rate=learning_rate)
    raise TrainingDiverged(message, learning_rate, step, result)
