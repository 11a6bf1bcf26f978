"""One module per chapter, named after its notebook: that chapter's exercise checks and their data.

A notebook imports its chapter's data and checks from its own module, e.g.
``from helpers.chapters.ch01_one_neuron import ANA, check_ana_score``.
``all_checks()`` imports every chapter and returns every check, by chapter and exercise number.
"""

from __future__ import annotations

import importlib

CHAPTERS = (
    "ch00_start_here",
    "ch01_one_neuron",
    "ch02_bias_and_activation",
    "ch03_layer_of_neurons",
    "ch04_hidden_layer",
    "ch05_two_layer_network",
    "ch06_batch_of_inputs",
    "ch07_lines_to_shapes",
    "ch08_loss",
    "ch09_gradient_descent",
    "ch10_backpropagation",
    "ch11_training",
    "ch12_deeper_networks",
    "ch13_overfitting",
)
"""The chapter modules, in the order of the course."""


def all_checks() -> list:
    """Every exercise check of the course, by chapter and exercise number."""
    from helpers.exercises import registered_checks

    for name in CHAPTERS:
        importlib.import_module(f"helpers.chapters.{name}")
    own = [check for check in registered_checks() if check.__module__.startswith("helpers.chapters.")]
    return sorted(own, key=lambda check: (check.chapter, check.number))
