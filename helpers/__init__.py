"""Helpers for the course "Neural networks by hand".

The shared core, which every chapter builds on:

- ``helpers.validation``: input checking with plain-words errors (``as_numbers``, ``as_scalar``, ``describe``).
- ``helpers.maths``: the maths, pure NumPy (neurons, layers, networks, parameter counts).
- ``helpers.drawing``: the picture engine (the one figure factory ``new_figure``, ``LivePicture``,
  the PNG writer, ``show``).
- ``helpers.explorer``: the explorer base (sliders -> values -> redraw -> text summary).
- ``helpers.exercises``: the exercise framework (``Feedback``, ``exercise_check``, the judges).

Beside it:

- ``helpers.formulas``: the text a learner reads (numbers as the course writes them, substituted formulas).
- ``helpers.plane``: chapter 07's plane geometry.
- ``helpers.examples``: the worked examples several chapters share (chapter 03's layer, chapter 05's network).
- ``helpers.pictures``: the pictures, one module per family, each drawn, updated and described.
- ``helpers.explorers``: the interactive explorers, one module per family.
- ``helpers.chapters``: one module per chapter, ``chNN_<notebook name>``, with its exercise checks and data.
- ``helpers.server``: a Jupyter server setting and a kernel extension for quick widget updates.

docs/contributing.md says where a new chapter's pieces go.
"""

from helpers.maths import count_parameters, dense, neuron, parameter_breakdown, relu, sigmoid, tanh
from helpers.maths import two_layer_network, weighted_sum

__all__ = ["count_parameters", "dense", "neuron", "parameter_breakdown", "relu", "sigmoid", "tanh",
           "two_layer_network", "weighted_sum"]
