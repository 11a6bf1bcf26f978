"""The worked examples several chapters and explorers share, as plain numbers (tuples, so that
nothing can change them by accident; ``np.array(...)`` makes an array of any of them).

Chapter 03's layer reads three inputs with four ReLU neurons; chapter 05's network is that layer
as its hidden layer, followed by an output layer of two ReLU neurons. Later chapters start from
the same network: import it from here (or from ``helpers.chapters.ch05_two_layer_network``).
"""

from __future__ import annotations

__all__ = ["LAYER_B", "LAYER_W", "LAYER_X", "NETWORK_B1", "NETWORK_B2", "NETWORK_W1", "NETWORK_W2", "NETWORK_X"]

LAYER_X = (2, 3, 5)
LAYER_W = ((0.5, 0.3, 0.2), (1, 0, -1), (-0.5, 1, 0), (0, -0.5, 0.5))
LAYER_B = (-1, 1, 0.5, -2)
"""Chapter 03's layer: inputs x (3,), weights W (4, 3), one row per neuron, and biases b (4,)."""

NETWORK_X, NETWORK_W1, NETWORK_B1 = LAYER_X, LAYER_W, LAYER_B
NETWORK_W2 = ((1, 0.5, -1, 1), (0.5, -1, 1, 0.5))
NETWORK_B2 = (0.5, -1)
"""Chapter 05's network: x (3,) -> hidden layer W1 (4, 3), b1 (4,), ReLU -> output layer W2 (2, 4),
b2 (2,), ReLU. Its hidden layer is chapter 03's layer."""
