"""Gradient check of chapter 10: backward against numerical_gradient on chapter 05's network.

    python benchmarks/gradient_check.py [--h 1e-5]

Chapter 05's network (x = [2, 3, 5], 3 inputs -> 4 hidden -> 2 outputs, ReLU in both layers, 26
parameters) gets the target [1, 3.45]: both outputs are then exactly 1 too low, so dL/dy = [-1, -1],
yet output 0 is switched off by its ReLU (z2[0] = -0.1) and gets no gradient at all.
Prints the forward and backward tables, then every one of the 26 derivatives both ways,
the largest absolute difference and the relative error |a - n| / (|a| + |n|) over all 26.
"""

from __future__ import annotations

import argparse

import numpy as np

from helpers.learning import backward, network_loss, numerical_gradient

x = np.array([2.0, 3.0, 5.0])
W1 = np.array([[0.5, 0.3, 0.2], [1.0, 0.0, -1.0], [-0.5, 1.0, 0.0], [0.0, -0.5, 0.5]])
b1 = np.array([-1.0, 1.0, 0.5, -2.0])
W2 = np.array([[1.0, 0.5, -1.0, 1.0], [0.5, -1.0, 1.0, 0.5]])
b2 = np.array([0.5, -1.0])
target = np.array([1.0, 3.45])


def show(array) -> str:
    return np.array2string(np.asarray(array), precision=6, suppress_small=True, floatmode="maxprec")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--h", type=float, default=1e-5, help="the nudge of numerical_gradient (default 1e-5)")
    h = parser.parse_args().h

    grads = backward(x, target, W1, b1, W2, b2)
    z1, hidden, z2, y = grads.forward
    print(f"target = {show(target)}")
    print(f"forward:  z1 = {show(z1)}  h = {show(hidden)}  z2 = {show(z2)}  y = {show(y)}  L = {grads.loss:.6g}")
    for name in ("dL_dy", "delta2", "dW2", "db2", "dL_dh", "delta1", "dW1", "db1"):
        print(f"{name:>7} = {show(getattr(grads, name))}".replace("\n", "\n" + " " * 10))

    def loss() -> float:
        return network_loss(x, target, W1, b1, W2, b2)

    print(f"\nthe 26 derivatives, backward vs numerical_gradient (central differences, h = {h:g}):")
    analytic, numeric = [], []
    for name, parameter in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)):
        by_backward = getattr(grads, "d" + name)
        by_nudging = numerical_gradient(loss, parameter, h=h)
        for index in np.ndindex(parameter.shape):
            where = f"d{name}[{', '.join(map(str, index))}]"
            print(f"  {where:<11} {by_backward[index]: .6f}  {by_nudging[index]: .12f}")
        analytic.append(by_backward.ravel())
        numeric.append(by_nudging.ravel())
    analytic, numeric = np.concatenate(analytic), np.concatenate(numeric)
    difference = np.abs(analytic - numeric)
    relative = np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))
    print(f"\n{analytic.size} parameters; largest |backward - numerical| = {difference.max():.2e}; "
          f"relative error |a - n| / (|a| + |n|) = {relative:.2e}")


if __name__ == "__main__":
    main()
