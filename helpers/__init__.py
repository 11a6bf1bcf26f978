"""Helpers for the course "Neural networks by hand".

- ``helpers.maths``: the maths, pure NumPy (neurons, layers, networks, parameter counts).
- ``helpers.plots``: the pictures, drawn with matplotlib.
- ``helpers.widgets``: the interactive explorers, thin views over ``maths`` and ``plots``.
- ``helpers.checks``: the exercise checks, which print "correct" or name the likely mistake.
"""

from helpers.maths import (
    count_parameters,
    dense,
    neuron,
    parameter_breakdown,
    relu,
    sigmoid,
    tanh,
    two_layer_network,
    weighted_sum,
)

__all__ = [
    "count_parameters",
    "dense",
    "neuron",
    "parameter_breakdown",
    "relu",
    "sigmoid",
    "tanh",
    "two_layer_network",
    "weighted_sum",
]
