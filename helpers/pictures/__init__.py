"""The pictures of the course, one module per family, drawn with the engine in ``helpers.drawing``.

- ``bars``: a neuron's contributions as bars, and curves (chapters 01, 02);
- ``activation``: an activation's curve with z marked, the neuron as a flow (chapter 02);
- ``diagrams``: what the layer and network diagrams share (edge styles, input circles);
- ``layer``: a layer as a network diagram (chapter 03);
- ``network``: a two-layer network as a diagram, and the bends of one input (chapters 04, 05);
- ``bends``: a network with one input as curves over x, its bends moving with its weights (chapter 04);
- ``batch``: a layer on a batch as matrices, Z = X @ W.T + b, one entry's row and column highlighted (chapter 06);
- ``plane``: a network with two inputs over the plane (chapter 07);
- ``loss``: a prediction beside its target, the loss over one weight and over two (chapter 08);
- ``descent``: gradient descent on one neuron, its path on the loss curve (chapter 09);
- ``backprop``: a network's gradients as tables, [dW2 | db2] and [dW1 | db1] (chapter 10);
- ``training``: a network training on labelled points, with its loss curve (chapter 11);
- ``deep``: the gradient size of each layer of a deep network, as bars on a log scale (chapter 12);
- ``overfitting``: a network's decision boundary with training and test points, and both loss curves (chapter 13).

Each picture is a function that draws it and returns its artists, an ``update_…`` that moves those
artists to new numbers, and a ``describe_…`` that says in one line of text what is drawn.
Colour is never the only cue: negative bars are also hatched, negative edges and arrows dashed,
zero edges dotted, and every bar and edge carries its value.
"""

from helpers.pictures import (activation, backprop, bars, batch, bends, deep, descent, diagrams, layer, loss, network,
                              overfitting, plane, training)

__all__ = ["activation", "backprop", "bars", "batch", "bends", "deep", "descent", "diagrams", "layer", "loss", "network",
           "overfitting", "plane", "training"]
