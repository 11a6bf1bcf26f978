"""The interactive explorers, one module per family, each built on ``helpers.explorer.Explorer``:

- ``neuron``: ``NeuronExplorer`` (chapter 01) and ``BiasActivationExplorer`` (chapter 02);
- ``layer``: ``LayerExplorer`` (chapter 03);
- ``bends``: ``BendsExplorer`` (chapter 04);
- ``network``: ``NetworkExplorer`` (chapter 05);
- ``batch``: ``BatchExplorer`` (chapter 06);
- ``plane``: ``PlaneExplorer`` (chapter 07).

``EXPLORERS`` lists them all, for the tests that every explorer must pass.
"""

from helpers.explorers.batch import BatchExplorer
from helpers.explorers.bends import BendsExplorer
from helpers.explorers.layer import LayerExplorer
from helpers.explorers.network import NetworkExplorer
from helpers.explorers.neuron import BiasActivationExplorer, NeuronExplorer
from helpers.explorers.plane import PlaneExplorer

EXPLORERS = (NeuronExplorer, BiasActivationExplorer, LayerExplorer, BendsExplorer, NetworkExplorer, BatchExplorer,
             PlaneExplorer)
"""Every explorer of the course, in the order the chapters introduce them."""

__all__ = ["EXPLORERS", "BatchExplorer", "BendsExplorer", "BiasActivationExplorer", "LayerExplorer", "NetworkExplorer", "NeuronExplorer", "PlaneExplorer"]
