"""Every explorer of every chapter, driven in a real browser.

For each chapter notebook that displays a widget: clear it, run it, press a key on a slider of
each explorer, and check that the formula and the picture changed and that the formula and the
summary say what ``helpers.maths`` computes from the slider values shown on the page.
"""

import re

import pytest

from tools import lab_server
from helpers import formulas, maths, pictures
from helpers import plane as geometry

pytestmark = pytest.mark.browser


def _numbered(controls: dict, prefix: str) -> list[float]:
    """The values of the controls labelled prefix1, prefix2, … in that order."""
    found = {int(label[len(prefix):]): value for label, value in controls.items() if label.startswith(prefix)}
    return [found[i] for i in sorted(found)]


def _indexed(controls: dict, name: str) -> list:
    """The values of the controls labelled name[i] (a list) or name[j,i] (a list of rows)."""
    found = {}
    for label, value in controls.items():
        if match := re.fullmatch(rf"{re.escape(name)}\[(\d+)(?:,(\d+))?\]", label):
            found[tuple(int(index) for index in match.groups() if index is not None)] = value
    rows = sorted({key[0] for key in found})
    if all(len(key) == 1 for key in found):
        return [found[(j,)] for j in rows]
    return [[found[(j, i)] for i in sorted({key[1] for key in found})] for j in rows]


def neuron(controls):
    inputs, weights = _numbered(controls, "input x"), _numbered(controls, "weight w")
    products = [x * w for x, w in zip(inputs, weights)]
    return (
        f"output = {formulas.neuron_formula(inputs, weights)}",
        pictures.bars.describe_contributions(products + [maths.weighted_sum(inputs, weights)]),
    )


def bias_activation(controls):
    inputs, weights = _numbered(controls, "input x"), _numbered(controls, "weight w")
    bias, activation = controls["bias b"], controls["activation"]
    products = [x * w for x, w in zip(inputs, weights)]
    z = sum(products) + bias
    output = maths.neuron(inputs, weights, bias, activation)
    return (
        f"output = {formulas.neuron_formula(inputs, weights, bias, activation)}",
        f"{pictures.bars.describe_contributions(products + [bias, z], bias=True)} "
        f"{pictures.activation.describe_activation(activation, z, output)}",
    )


def layer(controls):
    x, W, b = _indexed(controls, "x"), _indexed(controls, "W"), _indexed(controls, "b")
    drawing = pictures.layer.layer_drawing(x, W, b)
    return "\n".join(formulas.layer_formula(x, W, b)), pictures.layer.describe_layer_diagram(drawing)


def network(controls):
    x, W1, b1 = _indexed(controls, "x"), _indexed(controls, "W1"), _indexed(controls, "b1")
    W2, b2 = _indexed(controls, "W2"), _indexed(controls, "b2")
    activation = controls["output activation"]  # "none", "ReLU" or "sigmoid", as maths names them
    return (
        "\n".join(formulas.network_formula(x, W1, b1, W2, b2, activation)),
        pictures.network.describe_network_diagram(pictures.network.network_drawing(x, W1, b1, W2, b2, activation)),
    )


def bends(controls):
    """Chapter 04: one input through three hidden neurons; the hidden ReLU can be turned off."""
    W1, b1 = _indexed(controls, "W1"), _indexed(controls, "b1")  # W1[j,0]: rows of one weight
    W2, b2 = _indexed(controls, "W2"), _indexed(controls, "b2")
    relu_on = controls["hidden activation"] == "ReLU"
    drawing = pictures.bends.bends_drawing(W1, b1, W2, b2, relu_on)
    return "\n".join(formulas.bends_formula(W1, b1, W2, b2, relu_on)), pictures.bends.describe_bends_picture(drawing)


def batch(controls):
    """Chapter 06: Z = X @ W.T + b, with the entry picked by the sample and neuron buttons written out."""
    X, W, b = _indexed(controls, "X"), _indexed(controls, "W"), _indexed(controls, "b")
    s, j = int(controls["sample s"]), int(controls["neuron j"])
    drawing = pictures.batch.batch_drawing(X, W, b, s, j)
    lines = [f"Z[{s}, {j}] = X[{s}] · W[{j}] + b[{j}] = {formulas.neuron_formula(X[s], W[j], b[j])}"]
    lines += [f"Z[{r}] = {pictures.diagrams.listed(row)}" for r, row in enumerate(drawing.Z)]
    return "\n".join(lines), pictures.batch.describe_batch_picture(drawing)


# Explorer kind (its CSS class nnbh-<kind>) -> its controls' values by label -> (formula text, summary text).
EXPECTED = {"neuron": neuron, "bias-activation": bias_activation, "layer": layer, "bends": bends, "network": network, "batch": batch}



def plane(controls):
    """Chapter 07: only the sliders of the hidden neurons that are on are in the page."""
    W1, b1 = _indexed(controls, "W1"), _indexed(controls, "b1")
    W2, b2 = _indexed(controls, "W2"), _indexed(controls, "b2")
    return "\n".join(formulas.plane_formula(W1, b1, W2, b2)), pictures.plane.describe_plane(W1, b1, W2, b2)


EXPECTED["plane"] = plane


def loss(controls):
    """Chapter 08: the neuron 2, 3, 5 with w1 = 0.5, w2 = 0.3 fixed; the sliders set w3 and the target."""
    from helpers.pictures.loss import LossPoint, describe_loss_curve, describe_prediction

    w3, target = controls["weight w3"], controls["target"]
    y = 2 * 0.5 + 3 * 0.3 + 5 * w3
    error = y - target
    f = formulas.format_number

    def bracketed(value):
        return f"({f(value)})" if value < 0 and f(value) != "0" else f(value)

    formula = (f"L = (2×0.5 + 3×0.3 + 5×{bracketed(w3)} \u2212 {f(target)})² = ({f(y)} \u2212 {f(target)})² "
               f"= {bracketed(error)}² = {f(error * error, 4)}")
    point = LossPoint(index=2, weight=w3, prediction=y, error=error, loss=error * error, best=(target - 1.9) / 5)
    return formula, f"{describe_prediction(y, target)} {describe_loss_curve(point, -0.2, 1.0)}"


EXPECTED["loss"] = loss


def descent(controls):
    """Chapter 09: gradient descent on the chapter's neuron, for the steps and the learning rate shown."""
    from helpers.chapters import ch09_gradient_descent as ch09
    from helpers.descent import gradient_descent

    rate, steps = controls["learning rate"], int(controls["steps taken"])
    path = gradient_descent(ch09.X, ch09.W, ch09.TARGET, rate, steps)
    return ("\n".join(formulas.descent_formula(path, ch09.X, ch09.TARGET, rate)),
            pictures.descent.describe_descent(path, ch09.X, ch09.TARGET, rate))


EXPECTED["descent"] = descent


def backprop(controls):
    """Chapter 10: chapter 05's network with the page's target, and its b2[0] and b1[1]."""
    from helpers.explorers.backprop import BACKPROP_B1, BACKPROP_B2, BACKPROP_W1, BACKPROP_W2, BACKPROP_X, backward_formula
    from helpers.learning import backward
    from helpers.pictures.backprop import describe_gradient_tables

    target = _indexed(controls, "target")
    b1, b2 = list(BACKPROP_B1), list(BACKPROP_B2)
    b1[1], b2[0] = controls["b1[1]"], controls["b2[0]"]
    values = (BACKPROP_X, target, BACKPROP_W1, b1, BACKPROP_W2, b2)
    return "\n".join(backward_formula(*values)), describe_gradient_tables(backward(*values))


EXPECTED["backprop"] = backprop


def training(controls, step: int = 0):
    """Chapter 11: the run its settings fix, after `step` steps (a changed setting starts again at step 0).
    The loss comes from the chapter's training loop written out in NumPy, not from the explorer's ``train``."""
    from helpers.chapters.ch11_training import gradient_descent_losses
    from helpers.datasets import make_dataset
    from helpers.explorers.training import training_formula
    from helpers.training import init_network, train

    dataset, noise, n_hidden = controls["data set"], controls["noise"], int(controls["hidden neurons"])
    learning_rate = controls["learning rate"]
    X, target = make_dataset(dataset, 200, noise, 0)
    start = init_network(2, n_hidden, 1, seed=0)
    losses = gradient_descent_losses(X, target, *start, learning_rate, step)
    trained = train(X, target, *start, learning_rate=learning_rate, steps=step)
    return (training_formula(step, losses[-1], learning_rate),
            pictures.training.describe_training(X, target, *trained.network, trained.losses, learning_rate))


EXPECTED["training"] = training


def deep(controls):
    """Chapter 12: the gradient size of each layer and the mean slopes, computed by loops over samples and
    neurons (``independent_signal`` in tests/test_ch12_deeper_networks.py), not by ``helpers.deep``."""
    from helpers.explorers.deep import deep_formula, deep_summary
    from tests.test_ch12_deeper_networks import independent_signal

    depth, width = int(controls["layers"]), int(controls["neurons per layer"])
    activation, gain, bias = controls["activation"], controls["weight scale g"], controls["hidden bias b"]
    norms, slopes = independent_signal(depth, width, activation, gain, bias)
    return ("\n".join(deep_formula(depth, width, activation, gain, bias, norms, slopes)),
            deep_summary(depth, activation, gain, bias, norms))


EXPECTED["deep"] = deep


def overfitting(controls):
    """Chapter 13: the run the page's settings fix, trained again here with helpers' train (the last step's
    weights from a run without early stopping, the best step's from a run with it), its texts written out here."""
    from helpers.datasets import accuracy, make_dataset, train_test_split
    from helpers.training import init_network, train

    f = formulas.format_number
    n_hidden, n_train, steps = int(controls["hidden neurons"]), int(controls["training points"]), int(controls["steps"])
    noise, decay = controls["noise"], controls["weight decay"]
    X, target = make_dataset("square", n_train + 60, noise, 7)  # the square, 60 test points, seed 7
    split = train_test_split(X, target, test_fraction=60 / (n_train + 60), seed=0)
    start = init_network(2, n_hidden, 1, seed=0, scale=0.2)
    common = dict(learning_rate=0.04, steps=steps, weight_decay=decay, X_test=split.X_test,
                  target_test=split.target_test)
    end = train(split.X_train, split.target_train, *start, **common)
    stopped = train(split.X_train, split.target_train, *start, early_stopping=True, **common)
    best, losses, tests = stopped.best_step, end.losses, end.test_losses

    def share(network, X_, target_):
        y = maths.two_layer_network(X_, *network, output_activation=None).y
        return f"{f(100 * accuracy(y, target_), 1)}%"

    train_end = share(end.network, split.X_train, split.target_train)
    test_end, test_best = share(end.network, split.X_test, split.target_test), share(stopped.network, split.X_test,
                                                                                     split.target_test)
    descended = (f"each step descends L = mse(y, target) + {f(decay)}·(sum of every weight²)" if decay
                 else "each step descends L = mse(y, target) (no weight decay)")
    formula = "\n".join([
        f"{descended}, on the {n_train} training points",
        f"after {steps} steps: training loss {f(losses[-1], 4)} · test loss {f(tests[-1], 4)}",
        f"lowest test loss {f(tests[best], 4)} at step {best}: early stopping keeps the weights of step {best}",
        f"accuracy after {steps} steps: training {train_end} · test {test_end}; at step {best}: test {test_best}",
    ])
    summary = (f"{n_hidden} hidden neurons trained on {n_train} points and tested on 60 others: after {steps} steps "
               f"the training loss is {f(losses[-1], 4)} and the test loss {f(tests[-1], 4)}.")
    if best == steps:
        summary += " The test loss is lowest at the last step: it has not started to rise."
    else:
        rose = (f"the test loss rose to {f(tests[-1], 4)}: overfitting" if tests[-1] > 1.05 * tests[best]
                else "the test loss stayed close to its lowest")
        summary += (f" The test loss was lowest, {f(tests[best], 4)}, at step {best}; after that the training loss "
                    f"went on from {f(losses[best], 4)} to {f(losses[-1], 4)} while {rose}.")
    summary += (f" The boundary drawn is the last step's: it gets {train_end} of the training points and {test_end} "
                f"of the test points right; at step {best}, {test_best} of the test points.")
    return formula, summary


EXPECTED["overfitting"] = overfitting


def expected_texts(state) -> tuple[str, str]:
    controls = {**state["sliders"], **state["choices"]}
    if state["kind"] not in EXPECTED:
        pytest.fail(
            f"No expectation for explorers of kind {state['kind']!r} (controls {list(controls)}): "
            f"add a function to EXPECTED in {__file__} that computes its formula and summary texts.",
            pytrace=False,
        )
    return EXPECTED[state["kind"]](controls)


def assert_follows_maths(state, where: str):
    formula, summary = expected_texts(state)
    assert (state["formula"], state["summary"]) == (formula, summary), f"{where}: {state['sliders']} {state['choices']}"


def read(explorer):
    return explorer.evaluate(lab_server.READ_EXPLORER)


def roomiest_slider(explorer):
    """The slider furthest from its maximum, so that moving it right changes its value."""
    handles = explorer.locator(".noUi-handle")
    room = handles.evaluate_all(
        "handles => handles.map(h => (h.ariaValueMax - h.ariaValueNow) / (h.ariaValueMax - h.ariaValueMin))"
    )
    return explorer.locator(".widget-slider").nth(room.index(max(room)))


def move_right(page, slider, how: str):
    """Move a slider right, by the keyboard (focus its handle, ArrowRight) or by a click on its track."""
    if how == "key":
        slider.locator(".noUi-handle").focus()
        page.keyboard.press("ArrowRight")
    else:
        track = slider.locator(".noUi-target")
        box = track.bounding_box()
        track.click(position={"x": 0.9 * box["width"], "y": box["height"] / 2})


# Resolves when the formula and the picture have both changed, an error shows, or after `ms`.
CHANGED = """async ([explorer, formula, picture, ms]) => {
    const changed = () => explorer.querySelector('.nnbh-formula').textContent.trim() !== formula
        && explorer.querySelector('img.nnbh-picture').src !== picture;
    for (const end = performance.now() + ms; performance.now() < end && !changed();)
        await new Promise(resolve => setTimeout(resolve, 20));
}"""


def assert_updates(page, explorer, before, problems, where: str, seconds: float = 10):
    """Wait for the explorer to redraw after a move, then check it did."""
    page.evaluate(CHANGED, [explorer.element_handle(), before["formula"], before["picture"], seconds * 1000])
    lab_server.settle(explorer)
    after = read(explorer)
    changed = {key: after[key] != before[key] for key in ("sliders", "formula", "picture")}
    assert all(changed.values()), f"{where}: not all changed within {seconds} s: {changed}; now {after}; {problems()}"
    return after


NOTEBOOKS = [path.name for path in lab_server.widget_notebooks()]
NO_WIDGETS = pytest.mark.skipif(not NOTEBOOKS, reason=f"no notebook in {lab_server.CHAPTERS} displays a widget yet")
CASES = [pytest.param(name, "lab", "key", id=f"{name}-lab") for name in NOTEBOOKS]
# Notebook 7 by keyboard too: its arrow-key heading shortcuts are turned off by
# jupyter-config/overrides.json (tools/install_jupyter_config.py), or they would take the keys.
CASES += [pytest.param(name, "notebook", "key", id=f"{name}-notebook7") for name in NOTEBOOKS[:1]]
# And once with the mouse: a click on a slider's track.
CASES += [pytest.param(name, "lab", "click", id=f"{name}-lab-mouse") for name in NOTEBOOKS[:1]]


@NO_WIDGETS
@pytest.mark.parametrize("notebook, ui, how", CASES or [pytest.param(None, None, None, id="none")])
def test_moving_a_slider_updates_formula_and_picture(lab, page, problems, notebook, ui, how):
    explorers = lab_server.open_and_run(page, lab, notebook, ui)
    assert explorers.count() > 0, f"{notebook} uses helpers.widgets but shows no .nnbh-explorer"
    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        where = f"{notebook} in {ui}, explorer {i + 1}"
        before = read(explorer)
        assert_follows_maths(before, f"{where}, before any change")
        move_right(page, roomiest_slider(explorer), how)
        after = assert_updates(page, explorer, before, problems, where)
        assert_follows_maths(after, f"{where}, after moving a slider by {how}")
    lab_server.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    explorers.first.scroll_into_view_if_needed()
    page.screenshot(path=lab_server.SCREENSHOTS / f"{notebook.removesuffix('.ipynb')}-{ui}.png")
    assert not (found := problems()), "\n".join(found)


@NO_WIDGETS
def test_a_burst_of_key_presses_ends_on_the_right_value(lab, page, problems):
    explorer = lab_server.open_and_run(page, lab, NOTEBOOKS[0]).first
    slider = roomiest_slider(explorer)
    label = slider.locator(".widget-label").text_content().strip()
    start = read(explorer)["sliders"][label]
    move_right(page, slider, "key")  # one step first, to learn the slider's step
    lab_server.settle(explorer)
    one_step = read(explorer)["sliders"][label]
    for key in ["ArrowRight", "ArrowLeft"] * 49 + ["ArrowRight", "ArrowRight"]:  # 100 presses, net +2 steps
        page.keyboard.press(key)
    lab_server.settle(explorer, quiet_ms=1000)
    end = read(explorer)
    assert end["sliders"][label] == pytest.approx(one_step + 2 * (one_step - start)), f"{label} after the burst"
    assert_follows_maths(end, f"{NOTEBOOKS[0]}, after 100 key presses on {label}")
    assert not (found := problems()), "\n".join(found)


# Explorers with a button that takes a step (CSS class nnbh-step) and one that goes back (nnbh-reset).
STEPPING = re.compile(r"\bDescentExplorer\(")
STEP_NOTEBOOKS = [name for name in NOTEBOOKS if STEPPING.search((lab_server.CHAPTERS / name).read_text(encoding="utf-8"))]


@pytest.mark.skipif(not STEP_NOTEBOOKS, reason="no notebook shows an explorer with a step button")
@pytest.mark.parametrize("notebook", STEP_NOTEBOOKS or [None])
def test_clicking_step_and_reset_buttons_updates_formula_and_picture(lab, page, problems, notebook):
    explorers = lab_server.open_and_run(page, lab, notebook)
    clicked = 0
    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        step, reset = explorer.locator("button.nnbh-step"), explorer.locator("button.nnbh-reset")
        if not step.count():
            continue
        where = f"{notebook}, explorer {i + 1}"
        start = read(explorer)
        assert_follows_maths(start, f"{where}, before any click")
        step.first.click()
        after = assert_updates(page, explorer, start, problems, f"{where}, after a click on the step button")
        assert after["sliders"]["steps taken"] == start["sliders"]["steps taken"] + 1
        assert_follows_maths(after, f"{where}, after a click on the step button")
        reset.first.click()
        back = assert_updates(page, explorer, after, problems, f"{where}, after a click on the reset button")
        assert back["sliders"]["steps taken"] == 0
        assert_follows_maths(back, f"{where}, after a click on the reset button")
        clicked += 1
    assert clicked, f"{notebook} shows no explorer with a button.nnbh-step"


# Resolves with the number of times the picture changed while `ms` passed.
COUNT_PICTURES = """async ([explorer, ms]) => {
    let count = 0;
    const observer = new MutationObserver(() => { count += 1; });
    observer.observe(explorer.querySelector('img.nnbh-picture'), {attributes: true, attributeFilter: ['src']});
    await new Promise(resolve => setTimeout(resolve, ms));
    observer.disconnect();
    return count;
}"""

TRAINING_NOTEBOOK = "11_training.ipynb"


def shown_step(state) -> int:
    return int(re.match(r"step (\d+) ·", state["formula"]).group(1))


@pytest.mark.skipif(TRAINING_NOTEBOOK not in NOTEBOOKS, reason="chapter 11 is not in this folder")
def test_the_training_explorer_steps_and_plays(lab, page, problems):
    lab_server.open_and_run(page, lab, TRAINING_NOTEBOOK)
    explorer = page.locator(".nnbh-explorer.nnbh-training").first
    explorer.scroll_into_view_if_needed()
    before = read(explorer)
    assert shown_step(before) == 0
    assert_follows_maths(before, "chapter 11 before any step")
    explorer.locator(".nnbh-step").click()
    page.evaluate(CHANGED, [explorer.element_handle(), before["formula"], before["picture"], 10_000])
    lab_server.settle(explorer)
    stepped = read(explorer)
    controls = {**stepped["sliders"], **stepped["choices"]}
    assert shown_step(stepped) == 1 and stepped["picture"] != before["picture"]
    assert (stepped["formula"], stepped["summary"]) == training(controls, 1), "after one step"
    explorer.locator(".nnbh-play button").first.click()  # play
    changes = page.evaluate(COUNT_PICTURES, [explorer.element_handle(), 2000])
    explorer.locator(".nnbh-play button").first.click()  # the same button pauses
    lab_server.settle(explorer, quiet_ms=600)
    played = read(explorer)
    assert changes >= 3, f"the picture changed only {changes} times in 2 s of play"  # it animates (speed: benchmarks)
    steps_per_frame = int(controls["steps per frame"])
    assert shown_step(played) >= 1 + 3 * steps_per_frame
    assert (played["formula"], played["summary"]) == training(controls, shown_step(played)), "after play and pause"
    assert not (found := problems()), "\n".join(found)
