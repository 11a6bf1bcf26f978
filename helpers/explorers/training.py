"""Chapter 11's explorer: watch the network of chapter 07 find its lines by gradient descent.

``TrainingExplorer`` trains a network with two inputs, a few ReLU hidden neurons and one output
(no output activation, as on chapter 07's plane) on labelled points from ``helpers.datasets``, by
full-batch gradient descent (``helpers.training.train``). Its controls: play / pause / stop (a
``Play`` widget; while it plays, the kernel trains a few steps and redraws every ``FRAME_MS``, and
reads the pause button between frames; outside a kernel each tick of the widget does it), one step,
reset, the learning rate, the number of hidden neurons, the data set and its noise. It shows the
step, the loss and the update rule, the picture (the points, the output over the plane, every
hidden neuron's line, and the loss curve growing), and a text summary that follows.

A run is fixed by its settings: the same data set, noise, number of hidden neurons and learning
rate always start from the same seeded data and parameters, so changing a setting starts a new run
from step 0, and step N of a run is exactly ``train(..., steps=N)``.
"""

from __future__ import annotations

import asyncio
import html
import time
from datetime import datetime, timezone

import ipywidgets as widgets
import numpy as np

from helpers.datasets import DATASETS, make_dataset
from helpers.explorer import Explorer, slider
from helpers.formulas import format_number
from helpers.pictures.training import (MAX_HIDDEN, describe_training, new_training_figure, training_moving_artists,
                                       training_picture, update_training_picture)
from helpers.training import init_network, train, TrainingDiverged

__all__ = ["FRAME_MS", "TrainingProgress", "STEPS_PER_FRAME", "TrainingExplorer", "TrainingRun", "training_formula", "training_run"]

FRAME_MS = 40  #: a frame of play every 40 ms: at most 25 frames per second
STEPS_PER_FRAME = ("1", "5", "20")  #: how many gradient-descent steps each tick of play takes
QUEUED_S = 0.003  #: a tick that starts this soon after the last frame ended waited in a queue: train, skip the drawing
MAX_TICKS_BEHIND = 5  #: at most this many ticks of play are trained at once after a slow frame
LATE_S = FRAME_MS / 1000  #: a tick that reached the kernel this much later than the quickest one waited in a queue too
N_POINTS, SEED = 200, 0  #: the explorer's data: 200 points, and seed 0 for the points and the starting weights
LEARNING_RATE_RANGE = (0.01, 1.0, 0.01)


def message_lag() -> float | None:
    """How many seconds ago the browser sent the message the kernel is handling now; None outside a kernel.

    Read from the message's header, so it includes any difference between the browser's clock and
    the kernel's: only differences between two lags mean something."""
    try:
        from IPython import get_ipython

        sent = get_ipython().kernel.get_parent()["header"]["date"]
        if isinstance(sent, str):
            sent = datetime.fromisoformat(sent.replace("Z", "+00:00"))
        return (datetime.now(timezone.utc) - sent).total_seconds()
    except Exception:  # no kernel (tests, scripts), or a message without a date
        return None


def training_formula(step: int, loss: float, learning_rate: float) -> str:
    """The explorer's formula line: the step, the loss there, and the update every step makes.
    Introduced in chapter 11.

    >>> training_formula(3, 0.25, 0.1)
    'step 3 · loss L = mse(y, target) = 0.25 · each step: W1 ← W1 − 0.1·dW1, b1 ← b1 − 0.1·db1, W2 ← W2 − 0.1·dW2, b2 ← b2 − 0.1·db2'
    """
    rate = format_number(learning_rate)
    rule = ", ".join(f"{name} ← {name} − {rate}·d{name}" for name in ("W1", "b1", "W2", "b2"))
    return f"step {step} · loss L = mse(y, target) = {format_number(loss, 4)} · each step: {rule}"


class TrainingRun:
    """One run of the explorer: its data, its starting parameters, and where it has got to."""

    def __init__(self, dataset: str, noise: float, n_hidden: int, learning_rate: float,
                 n_points: int = N_POINTS, seed: int = SEED):
        self.settings = (dataset, float(noise), int(n_hidden), float(learning_rate))
        self.X, self.target = make_dataset(dataset, n_points, noise, seed)
        self.learning_rate = float(learning_rate)
        self.parameters = tuple(init_network(2, int(n_hidden), 1, seed=seed))
        first = train(self.X, self.target, *self.parameters, learning_rate=self.learning_rate, steps=0)
        self.losses = [float(first.losses[0])]
        self.diverged: str | None = None  #: the message, once the loss has run away

    @property
    def step(self) -> int:
        return len(self.losses) - 1

    def advance(self, steps: int) -> None:
        """``steps`` more steps of gradient descent, unless the loss has already run away."""
        if self.diverged or steps < 1:
            return
        try:
            result = train(self.X, self.target, *self.parameters, learning_rate=self.learning_rate, steps=steps)
        except TrainingDiverged as error:
            step = self.step + error.step
            self._take(train(self.X, self.target, *self.parameters, learning_rate=self.learning_rate,
                             steps=error.step - 1))  # keep the steps before the runaway one
            self.diverged = (f"The loss ran away at step {step} with learning rate {format_number(self.learning_rate)}: "
                             f"each step overshot the valley (chapter 09). Choose a smaller learning rate, or reset.")
            return
        self._take(result)

    def _take(self, result) -> None:
        self.parameters = tuple(result.network)
        self.losses.extend(float(loss) for loss in result.losses[1:])


def training_run(dataset: str = "square", noise: float = 0.0, n_hidden: int = 4, learning_rate: float = 0.1,
                 steps: int = 0) -> TrainingRun:
    """The explorer's run for these settings after ``steps`` steps (for tests and for the notebook).
    Introduced in chapter 11."""
    run = TrainingRun(dataset, noise, n_hidden, learning_rate)
    run.advance(steps)
    return run


class TrainingExplorer(Explorer):
    """Train chapter 07's network on labelled points and watch its lines move (chapter 11).

    >>> explorer = TrainingExplorer("band", n_hidden=2)
    >>> explorer.step(10)
    >>> explorer.run.step
    10
    """

    kind = "training"

    def __init__(self, dataset: str = "square", n_hidden: int = 4, learning_rate: float = 0.1, noise: float = 0.0):
        TrainingRun(dataset, noise, n_hidden, learning_rate)  # check the settings before building anything
        if not 1 <= n_hidden <= MAX_HIDDEN:
            raise ValueError(f"the explorer has room for 1 to {MAX_HIDDEN} hidden neurons, but got n_hidden = {n_hidden}.")
        low, high, step = LEARNING_RATE_RANGE
        if not low <= learning_rate <= high:
            raise ValueError(f"the learning rate slider runs from {low} to {high}, but got learning_rate = {learning_rate}.")
        self.play = widgets.Play(value=0, min=0, max=1_000_000, step=1, interval=FRAME_MS, description="play",
                                 show_repeat=False)
        self.play.add_class("nnbh-play")
        self.step_button = widgets.Button(description="one step", tooltip="one step of gradient descent")
        self.step_button.add_class("nnbh-step")
        self.reset_button = widgets.Button(description="reset", tooltip="back to step 0, the same starting weights")
        self.reset_button.add_class("nnbh-reset")
        self.learning_rate_slider = slider("learning rate", learning_rate, low, high, step)
        self.hidden_slider = widgets.IntSlider(value=n_hidden, min=1, max=MAX_HIDDEN, description="hidden neurons",
                                               style={"description_width": "initial"},
                                               layout=widgets.Layout(width="330px"))
        self.dataset_buttons = widgets.ToggleButtons(options=list(DATASETS), value=dataset.lower(), description="data set",
                                                     style={"description_width": "initial", "button_width": "70px"})
        self.noise_slider = slider("noise", noise, 0.0, 0.5, 0.05)
        self.speed_buttons = widgets.ToggleButtons(options=list(STEPS_PER_FRAME), value="5", description="steps per frame",
                                                   style={"description_width": "initial", "button_width": "40px"})
        self.run: TrainingRun | None = None
        self._frame_end, self._behind, self._quickest = 0.0, False, float("inf")
        self._animation: asyncio.Task | None = None  #: the kernel's own frames while playing
        super().__init__()
        # --- own controls: play, one step, reset
        self.play.observe(self._tick, names="value")
        self.play.observe(self._playing, names="playing")
        self.step_button.on_click(lambda _: self._safely(self.step, 1))
        self.reset_button.on_click(lambda _: self._safely(self.reset))

    # The explorer base's contract: controls, layout, draw, formula_html, move.

    def controls(self) -> list:
        """The settings: changing one starts a new run from step 0."""
        return [self.learning_rate_slider, self.hidden_slider, self.dataset_buttons, self.noise_slider]

    def layout(self) -> list:
        return [
            widgets.HBox([widgets.HTML("<b>play / pause / stop:</b>&nbsp;"), self.play, self.step_button,
                          self.reset_button, self.speed_buttons]),
            self.dataset_buttons,
            widgets.HBox([self.noise_slider, self.hidden_slider]),
            self.learning_rate_slider,
        ]

    def draw(self):
        figure, plane_ax, loss_ax = new_training_figure()
        run = self._current_run()
        self.artists = training_picture(run.X, run.target, *run.parameters, run.losses, plane_ax, loss_ax,
                                        learning_rate=run.learning_rate)
        return figure, training_moving_artists(self.artists)

    def formula_html(self) -> str:
        run = self._current_run()
        text = html.escape(training_formula(run.step, run.losses[-1], run.learning_rate))
        if run.diverged:
            text += f"<br><b>{html.escape(run.diverged)}</b>"
        return f"<div style='font-size:1.1em'>{text}</div>"

    def move(self) -> str:
        run = self.run
        update_training_picture(self.artists, run.X, run.target, *run.parameters, run.losses, run.learning_rate)
        summary = describe_training(run.X, run.target, *run.parameters, run.losses, run.learning_rate)
        return f"{run.diverged} {summary}" if run.diverged else summary

    # Redrawing (the base's redraw and update, with a run that follows the settings)

    @property
    def settings(self) -> tuple:
        return (self.dataset_buttons.value, float(self.noise_slider.value), int(self.hidden_slider.value),
                float(self.learning_rate_slider.value))

    def _current_run(self) -> TrainingRun:
        """The run for the current settings: a new one, at step 0, when a setting changed."""
        if self.run is None or self.run.settings != self.settings:
            self.run = TrainingRun(*self.settings)
        return self.run

    def redraw(self):
        # The text goes first: it reaches the browser while the picture is still being drawn.
        self.formula.value = self.formula_html()
        summary = self.move()
        self.picture.value = self.live.png()
        self.summary.value = summary
        self._behind = False

    def _safely(self, action, *args) -> None:
        try:
            action(*args)
        except Exception as error:  # a widget must never show a traceback to a learner
            self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        self.formula.value = f"<div class='nnbh-error'>This cannot be shown: {html.escape(str(error))}</div>"

    # What the buttons do (also callable from code)

    def step(self, steps: int = 1) -> None:
        """Train ``steps`` more steps and redraw."""
        self._current_run().advance(steps)
        self.update()

    def reset(self) -> None:
        """Back to step 0 of the same run: the same data and the same starting weights."""
        self.run = None
        self.update()

    def _tick(self, change) -> None:
        """A tick of play: train a few steps for each tick since the last one; redraw unless this tick
        waited behind a slow frame.

        While the kernel is busy, the browser keeps ticking but sends only the latest value when the
        kernel is free again: the ticks in between are trained here too (up to ``MAX_TICKS_BEHIND``),
        so that a slow machine shows fewer frames but trains at the same pace."""
        if change["new"] == 0:  # the play widget's stop button: back to the start
            self._safely(self.reset)
            return
        if self._animation is not None:  # the kernel draws the frames itself (see _playing)
            return
        started = time.perf_counter()
        ticks = min(max(int(change["new"]) - int(change["old"] or 0), 1), MAX_TICKS_BEHIND)
        try:
            run = self._current_run()
            run.advance(ticks * int(self.speed_buttons.value))
            if run.diverged:
                self.play.playing = False
        except Exception as error:  # never a traceback
            self._show_error(error)
            return
        if self._queued(started) and not run.diverged:
            self._behind = True  # the next tick, or the pause, draws it
            return
        self.update()
        self._frame_end = time.perf_counter()

    def _queued(self, started: float) -> bool:
        """Did this tick wait behind a slow frame? Then drawing it would only make the queue longer."""
        lag = message_lag()
        if lag is not None:
            self._quickest = min(self._quickest, lag)
            if lag - self._quickest > LATE_S:
                return True
        return started - self._frame_end < QUEUED_S

    def _playing(self, change) -> None:
        """Play pressed: inside a running kernel, the kernel itself draws a frame every FRAME_MS
        (an asyncio task, which lets the kernel read the pause button between frames), instead of
        waiting for each tick's round trip through the browser. Elsewhere, each tick draws a frame."""
        if change["new"]:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # no event loop running here (a script, a test): the ticks draw
                return
            if self._animation is None:
                self._animation = loop.create_task(self._animate())
        elif self._behind:
            self.update()

    async def _animate(self) -> None:
        try:
            while self.play.playing:
                started = time.perf_counter()
                run = self._current_run()
                run.advance(int(self.speed_buttons.value))
                if run.diverged:
                    self.play.playing = False
                self.update()
                await asyncio.sleep(max(FRAME_MS / 1000 - (time.perf_counter() - started), 0.002))
        except Exception as error:  # never a traceback
            self._show_error(error)
        finally:
            self._animation = None

    def __repr__(self):
        dataset, noise, n_hidden, learning_rate = self.settings
        step = self.run.step if self.run else 0
        return (f"TrainingExplorer(dataset={dataset!r}, n_hidden={n_hidden}, learning_rate={format_number(learning_rate)}, "
                f"noise={format_number(noise)}) at step {step}")


class TrainingProgress:
    """A progress bar with the step and the loss, for a cell that trains for more than a moment:
    show it, then hand it to ``train`` as its ``callback``; it follows the run as it goes.

    >>> progress = TrainingProgress(steps=100)
    >>> from helpers.training import Progress
    >>> progress(Progress(50, 0.25, None, None, None, None, None))
    >>> progress.bar.value, progress.label.value
    (50, 'step 50 of 100: loss 0.25')

    In a notebook: ``progress = TrainingProgress(1000); progress.show(); train(..., callback=progress)``.
    Introduced in chapter 11."""

    def __init__(self, steps: int):
        if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
            raise ValueError(f"steps must be a whole number of steps, 1 or more, such as 1000, but got {steps!r}.")
        self.steps = int(steps)
        self.bar = widgets.IntProgress(value=0, min=0, max=self.steps, description="training",
                                       style={"description_width": "initial"})
        self.label = widgets.HTML(f"step 0 of {self.steps}")
        self.widget = widgets.HBox([self.bar, self.label])
        self.widget.add_class("nnbh-progress")

    def __call__(self, progress) -> None:
        """Follow one ``Progress`` report of ``train``: the bar and the loss move to its step."""
        self.bar.value = min(int(progress.step), self.steps)
        self.label.value = f"step {progress.step} of {self.steps}: loss {format_number(progress.loss, 4)}"

    def show(self) -> None:
        from IPython.display import display  # only needed inside a notebook

        display(self)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self):
        return f"TrainingProgress(steps={self.steps})"
