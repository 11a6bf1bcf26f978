"""The interactive explorers, one module per family, each built on ``helpers.explorer.Explorer``:

- ``neuron``: ``NeuronExplorer`` (chapter 01) and ``BiasActivationExplorer`` (chapter 02);
- ``layer``: ``LayerExplorer`` (chapter 03);
- ``bends``: ``BendsExplorer`` (chapter 04);
- ``network``: ``NetworkExplorer`` (chapter 05);
- ``batch``: ``BatchExplorer`` (chapter 06);
- ``plane``: ``PlaneExplorer`` (chapter 07);
- ``loss``: ``LossExplorer`` (chapter 08);
- ``descent``: ``DescentExplorer`` (chapter 09);
- ``backprop``: ``BackpropExplorer`` (chapter 10);
- ``training``: ``TrainingExplorer`` (chapter 11);
- ``deep``: ``DeepExplorer`` (chapter 12);
- ``overfitting``: ``OverfittingExplorer`` (chapter 13).

``EXPLORERS`` lists them all, for the tests that every explorer must pass.
"""

from helpers.explorers.backprop import BackpropExplorer
from helpers.explorers.batch import BatchExplorer
from helpers.explorers.bends import BendsExplorer
from helpers.explorers.deep import DeepExplorer
from helpers.explorers.descent import DescentExplorer
from helpers.explorers.layer import LayerExplorer
from helpers.explorers.loss import LossExplorer
from helpers.explorers.network import NetworkExplorer
from helpers.explorers.overfitting import OverfittingExplorer
from helpers.explorers.neuron import BiasActivationExplorer, NeuronExplorer
from helpers.explorers.plane import PlaneExplorer
from helpers.explorers.training import TrainingExplorer

EXPLORERS = (NeuronExplorer, BiasActivationExplorer, LayerExplorer, BendsExplorer, NetworkExplorer, BatchExplorer,
             PlaneExplorer, LossExplorer, DescentExplorer, BackpropExplorer, TrainingExplorer, DeepExplorer,
             OverfittingExplorer)
"""Every explorer of the course, in the order the chapters introduce them."""

__all__ = ["EXPLORERS", "BackpropExplorer", "BatchExplorer", "BendsExplorer", "BiasActivationExplorer",
           "DeepExplorer", "DescentExplorer", "LayerExplorer", "LossExplorer", "NetworkExplorer", "NeuronExplorer",
           "OverfittingExplorer", "PlaneExplorer", "TrainingExplorer"]
