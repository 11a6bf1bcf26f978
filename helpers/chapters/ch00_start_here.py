"""Chapter 00, start here: the chapter shows how a check works on chapter 01's first exercise."""

from helpers.chapters.ch01_one_neuron import check_ana_score

__all__ = ["check_ana_score"]
