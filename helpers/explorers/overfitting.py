"""Chapter 13's explorer: many hidden neurons on a few noisy points, and the two loss curves.

``OverfittingExplorer`` trains chapter 07's network (two inputs, ReLU hidden neurons, one output
without an activation) on a few labelled points of the square (``helpers.datasets``), keeps other
points of the same data set aside as a test set, and shows both loss curves, the step where the
test loss is lowest (where early stopping would stop), and the decision boundary after the last
step with the training and the test points. Its controls: the number of hidden neurons, the number
of training points, the noise (the share of labels flipped), the weight decay and the number of steps.

A run is fixed by its settings (``overfitting_run``): the same settings always give the same data,
the same seeded starting weights and the same run of ``helpers.training.train``. Each change trains
a new run from the start (a few hundred to a few thousand steps on a few dozen points, well under a
second); runs already seen are kept, so going back to a setting is instant.
"""

from __future__ import annotations

from collections import OrderedDict

import ipywidgets as widgets

from helpers.datasets import make_dataset, train_test_split
from helpers.explorer import Explorer, slider
from helpers.formulas import format_number, format_percent
from helpers.pictures.overfitting import (OverfittingRun, describe_overfitting, new_overfitting_figure,
                                          overfitting_moving_artists, overfitting_picture, update_overfitting_picture)
from helpers.training import init_network, network_accuracy, train

__all__ = [
    "DATASET", "INIT_SCALE", "LEARNING_RATE", "N_TEST", "OverfittingExplorer", "SEED", "overfitting_formula",
    "overfitting_run",
]

DATASET = "square"     #: the explorer's data set: chapter 07's square
N_TEST = 60            #: points kept aside for testing, whatever the number of training points
SEED = 7               #: the data's seed (the points and the flipped labels)
INIT_SEED = 0          #: the starting weights' seed
INIT_SCALE = 0.2       #: the spread of the starting weights: small, so the loss starts near 1
LEARNING_RATE = 0.04
RUNS_KEPT = 64         #: runs kept, so that moving a slider back redraws at once
HIDDEN_RANGE = (1, 40)
TRAIN_RANGE = (10, 60, 5)
NOISE_RANGE = (0.0, 0.5, 0.05)
DECAY_RANGE = (0.0, 0.05, 0.005)
STEPS_RANGE = (500, 3000, 250)


def overfitting_run(n_hidden: int = 30, n_train: int = 20, noise: float = 0.1, weight_decay: float = 0.0,
                    steps: int = 2000, dataset: str = DATASET, n_test: int = N_TEST, seed: int = SEED) -> OverfittingRun:
    """The explorer's run for these settings: ``make_dataset(dataset, n_train + n_test, noise, seed)`` split by
    ``train_test_split`` into ``n_train`` training and ``n_test`` test points, ``init_network(2, n_hidden, 1,
    seed=INIT_SEED, scale=INIT_SCALE)``, then ``steps`` steps of ``train`` at ``LEARNING_RATE`` with the
    test set and early stopping. Returns an ``OverfittingRun`` with the network at the end and at the best step.
    Introduced in chapter 13."""
    n_points = n_train + n_test
    X, target = make_dataset(dataset, n_points, noise, seed)
    split = train_test_split(X, target, test_fraction=n_test / n_points, seed=0)
    last = []
    result = train(split.X_train, split.target_train, *init_network(2, n_hidden, 1, seed=INIT_SEED, scale=INIT_SCALE),
                   learning_rate=LEARNING_RATE, steps=steps, weight_decay=weight_decay, X_test=split.X_test,
                   target_test=split.target_test, early_stopping=True, every=max(steps, 1),
                   callback=lambda progress: last.append(progress))
    final, best = tuple(getattr(last[-1], name) for name in ("W1", "b1", "W2", "b2")), tuple(result.network)
    return OverfittingRun(split.X_train, split.target_train, split.X_test, split.target_test, final, best,
                          result.losses, result.test_losses, result.best_step,
                          network_accuracy(final, split.X_train, split.target_train),
                          network_accuracy(final, split.X_test, split.target_test),
                          network_accuracy(best, split.X_test, split.target_test))


def overfitting_formula(run: OverfittingRun, weight_decay: float) -> list[str]:
    """The explorer's readout, line by line: the loss descended, both losses at the end, the best step,
    and the accuracies. Introduced in chapter 13."""
    f = format_number
    steps, best = len(run.losses) - 1, run.best_step
    descended = (f"each step descends L = mse(y, target) + {f(weight_decay)}·(sum of every weight²)"
                 if weight_decay else "each step descends L = mse(y, target) (no weight decay)")
    return [
        f"{descended}, on the {len(run.X_train)} training points",
        f"after {steps} steps: training loss {f(run.losses[-1], 4)} · test loss {f(run.test_losses[-1], 4)}",
        f"lowest test loss {f(run.test_losses[best], 4)} at step {best}: early stopping keeps the weights of step {best}",
        f"accuracy after {steps} steps: training {format_percent(run.train_accuracy)} · "
        f"test {format_percent(run.test_accuracy)}; at step {best}: test {format_percent(run.best_test_accuracy)}",
    ]


def _int_slider(description: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    return widgets.IntSlider(value=value, min=low, max=high, step=step, description=description,
                             continuous_update=True, style={"description_width": "initial"},
                             layout=widgets.Layout(width="330px"))


class OverfittingExplorer(Explorer):
    """Train many hidden neurons on a few noisy points and watch the test loss turn up (chapter 13).

    >>> explorer = OverfittingExplorer(n_hidden=5, steps=500)
    >>> explorer.run.best_step <= 500
    True
    """

    kind = "overfitting"

    def __init__(self, n_hidden: int = 30, n_train: int = 20, noise: float = 0.1, weight_decay: float = 0.0,
                 steps: int = 2000):
        for name, value, (low, high, *_) in (("n_hidden", n_hidden, HIDDEN_RANGE), ("n_train", n_train, TRAIN_RANGE),
                                             ("noise", noise, NOISE_RANGE), ("weight_decay", weight_decay, DECAY_RANGE),
                                             ("steps", steps, STEPS_RANGE)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise ValueError(f"the explorer's {name} runs from {low} to {high}, but got {name} = {value!r}.")
        self.hidden_slider = _int_slider("hidden neurons", n_hidden, *HIDDEN_RANGE)
        self.train_slider = _int_slider("training points", n_train, *TRAIN_RANGE)
        self.noise_slider = slider("noise", noise, *NOISE_RANGE)
        self.decay_slider = slider("weight decay", weight_decay, *DECAY_RANGE, decimals=3)
        self.steps_slider = _int_slider("steps", steps, *STEPS_RANGE)
        self._runs: OrderedDict = OrderedDict()
        super().__init__()

    @property
    def settings(self) -> tuple:
        return (int(self.hidden_slider.value), int(self.train_slider.value), round(float(self.noise_slider.value), 6),
                round(float(self.decay_slider.value), 6), int(self.steps_slider.value))

    @property
    def run(self) -> OverfittingRun:
        """The run for the current settings (trained once, then kept)."""
        settings = self.settings
        if settings not in self._runs:
            self._runs[settings] = overfitting_run(*settings)
            if len(self._runs) > RUNS_KEPT:
                self._runs.popitem(last=False)
        self._runs.move_to_end(settings)
        return self._runs[settings]

    def controls(self) -> list:
        return [self.hidden_slider, self.train_slider, self.noise_slider, self.decay_slider, self.steps_slider]

    def layout(self) -> list:
        return [widgets.HBox([self.hidden_slider, self.train_slider]),
                widgets.HBox([self.noise_slider, self.decay_slider]),
                self.steps_slider]

    def draw(self):
        figure, plane_ax, loss_ax = new_overfitting_figure()
        self.artists = overfitting_picture(self.run, plane_ax, loss_ax)
        return figure, overfitting_moving_artists(self.artists)

    @property
    def formula_lines(self) -> list[str]:
        return overfitting_formula(self.run, self.settings[3])

    def move(self) -> str:
        run = self.run
        update_overfitting_picture(self.artists, run)
        return describe_overfitting(run)

    def __repr__(self):
        n_hidden, n_train, noise, weight_decay, steps = self.settings
        return (f"OverfittingExplorer(n_hidden={n_hidden}, n_train={n_train}, noise={format_number(noise, 4)}, "
                f"weight_decay={format_number(weight_decay, 4)}, steps={steps})")
