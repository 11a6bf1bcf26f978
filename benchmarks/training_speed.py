"""Training speed in the kernel: ``train`` against a bare NumPy loop doing the same steps.

    python benchmarks/training_speed.py [--steps 1000] [--repeats 15]

The run chapter 11 makes: a 2 -> 8 -> 1 network (ReLU hidden layer, no output activation) on the
200 points of the circle data set, full-batch gradient descent with learning_rate 0.1.
Three runs compute, at every step, the forward pass, the loss (kept as the history), the four
gradients of chapter 10 and the update, plus the loss after the last step: ``train``, the bare loop a
learner writes in the course's layout, and the same bare loop with samples along the columns, the layout
``train`` uses inside. They run in turn, ``--repeats`` times each, after a check that they end with the
same losses and parameters. Prints p50 and p95 of each and the ratios of the p50s.
The goal: ``train`` <= 0.5 s for 1,000 steps, and at most 1.3 x the bare loop.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from helpers.datasets import circle
from helpers.training import init_network, train

LEARNING_RATE = 0.1


def bare_loop(X, target, W1, b1, W2, b2, learning_rate, steps):
    """The same steps written plainly, as a learner would after chapter 10: no checks, no buffers."""
    W1, b1, W2, b2 = W1.copy(), b1.copy(), W2.copy(), b2.copy()
    losses = np.empty(steps + 1)
    for step in range(steps + 1):
        z1 = X @ W1.T + b1
        h = np.maximum(z1, 0.0)
        y = h @ W2.T + b2
        losses[step] = np.mean((y - target) ** 2)
        if step == steps:
            break
        delta2 = 2.0 * (y - target) / y.size
        dW2, db2 = delta2.T @ h, delta2.sum(axis=0)
        delta1 = (delta2 @ W2) * (z1 > 0)
        dW1, db1 = delta1.T @ X, delta1.sum(axis=0)
        W1 -= learning_rate * dW1
        b1 -= learning_rate * db1
        W2 -= learning_rate * dW2
        b2 -= learning_rate * db2
    return losses, W1, b1, W2, b2


def bare_loop_transposed(X, target, W1, b1, W2, b2, learning_rate, steps):
    """The same plain loop with samples along the columns (z1 is (n_hidden, n_samples)), the layout
    ``train`` uses inside: NumPy's element-wise operations then run along rows of 200 numbers, not 8."""
    W1, W2 = W1.copy(), W2.copy()
    b1, b2 = b1.reshape(-1, 1).copy(), b2.reshape(-1, 1).copy()
    XT, T = np.ascontiguousarray(X.T), np.ascontiguousarray(target.T)
    losses = np.empty(steps + 1)
    for step in range(steps + 1):
        z1 = W1 @ XT + b1
        h = np.maximum(z1, 0.0)
        y = W2 @ h + b2
        losses[step] = np.mean((y - T) ** 2)
        if step == steps:
            break
        delta2 = 2.0 * (y - T) / y.size
        dW2, db2 = delta2 @ h.T, delta2.sum(axis=1, keepdims=True)
        delta1 = (W2.T @ delta2) * (z1 > 0)
        dW1, db1 = delta1 @ X, delta1.sum(axis=1, keepdims=True)
        W1 -= learning_rate * dW1
        b1 -= learning_rate * db1
        W2 -= learning_rate * dW2
        b2 -= learning_rate * db2
    return losses, W1, b1.ravel(), W2, b2.ravel()


def percentile(times, q):
    return float(np.percentile(np.array(times), q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()

    X, target = circle(200, seed=0)
    W1, b1, W2, b2 = init_network(2, 8, 1, seed=0)

    by_train = train(X, target, W1, b1, W2, b2, LEARNING_RATE, args.steps)
    difference = max(float(np.abs(a - b).max())
                     for loop in (bare_loop, bare_loop_transposed)
                     for a, b in zip((by_train.losses, *by_train.network),
                                     loop(X, target, W1, b1, W2, b2, LEARNING_RATE, args.steps)))
    print(f"{args.steps} steps, 2 -> 8 -> 1 on 200 points; final loss {by_train.losses[-1]:.6f}; "
          f"largest difference train vs bare loop {difference:.1e}")
    assert difference < 1e-9, "train and the bare loop disagree"

    runs = {"train": train, "bare loop": bare_loop, "bare loop, transposed": bare_loop_transposed}
    times = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run(X, target, W1, b1, W2, b2, LEARNING_RATE, args.steps)
            times[name].append(time.perf_counter() - start)
    for name, measured in times.items():
        print(f"{name:>21}: p50 {percentile(measured, 50):.4f} s  p95 {percentile(measured, 95):.4f} s  "
              f"({args.repeats} repeats)")
    for name in ("bare loop", "bare loop, transposed"):
        ratio = percentile(times["train"], 50) / percentile(times[name], 50)
        print(f"ratio train / {name} (p50): {ratio:.2f}  (goal <= 1.3)")
    print(f"train p50 {percentile(times['train'], 50):.4f} s for {args.steps} steps (goal <= 0.5 s for 1,000)")
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
