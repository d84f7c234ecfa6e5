"""Built-in lessons: presets that reproduce the classic demonstrations of backprop.

Each lesson has an id (part of the public contract), a title, a short
explanation, what to watch, a config, the number of steps in which it shows
its effect, and optionally a comparison: the overrides that give the "other
side" (the fix, or the model that cannot do it). The test suite runs every
lesson for its steps and checks that the effect really appears.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    text: str
    watch: str
    config: dict
    steps: int
    compare: dict = field(default_factory=dict)     # config overrides for the contrasting run
    compare_label: str = ""


def _hidden(n, size, activation, **extra):
    return [{"size": size, "activation": activation, **extra} for _ in range(n)]


_DEEP = {"dataset": "circle", "n_samples": 300, "noise": 0.1, "test_ratio": 0.3, "seed": 1,
         "optimizer": "sgd", "lr": 0.1, "batch_size": 16}
_DEEP_SIGMOID = {**_DEEP, "hidden": _hidden(8, 8, "sigmoid")}
_OVERFIT = {"dataset": "spiral", "n_samples": 80, "noise": 0.35, "test_ratio": 0.5, "seed": 3,
            "hidden": _hidden(2, 48, "relu"), "init": "he_normal", "optimizer": "adam", "lr": 0.01,
            "batch_size": 40}

_LESSONS = [
    Lesson("xor", "XOR needs a hidden layer",
           "The XOR pattern cannot be separated by one straight line, so a network without hidden "
           "layers (logistic regression) is stuck near 50% accuracy. One hidden layer of a few tanh "
           "units bends the decision boundary and solves it.",
           "Test accuracy climbing toward 100%, and each hidden neuron's heatmap drawing one line; "
           "compare with the no-hidden-layer run.",
           {"dataset": "xor", "n_samples": 200, "noise": 0.05, "hidden": _hidden(1, 4, "tanh"),
            "optimizer": "sgd", "lr": 0.3, "batch_size": 10, "seed": 0},
           steps=600, compare={"hidden": []}, compare_label="no hidden layer"),
    Lesson("linear-collapse", "Linear layers collapse into one",
           "Stacking layers without a nonlinearity gives a product of matrices, which is again one "
           "matrix: however deep, the network is a linear model and cannot fit a circle.",
           "The boundary stays a straight line; switch the activation to tanh and it closes around the circle.",
           {"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _hidden(3, 6, "linear"),
            "optimizer": "sgd", "lr": 0.1, "batch_size": 10, "seed": 0},
           steps=500, compare={"hidden": _hidden(3, 6, "tanh")}, compare_label="tanh activations"),
    Lesson("step-activation", "Step units cannot learn",
           "The binary step was the first neuron model, but its derivative is zero everywhere: "
           "backprop multiplies by that zero, so no gradient reaches the weights below it.",
           "During backward the edges into the step layer stay grey (zero gradient) and their weights never change.",
           {"dataset": "xor", "n_samples": 200, "noise": 0.05, "hidden": _hidden(1, 6, "step"),
            "optimizer": "sgd", "lr": 0.3, "batch_size": 10, "seed": 0},
           steps=300, compare={"hidden": _hidden(1, 6, "sigmoid")}, compare_label="sigmoid units"),
    Lesson("lr-too-small", "A learning rate too small",
           "Each update moves the weights by the learning rate times the gradient. With a tiny rate "
           "the loss creeps down so slowly that after hundreds of steps almost nothing is learned.",
           "The loss curve is nearly flat; the update-to-weight ratio is far below 1e-3.",
           {"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _hidden(2, 8, "tanh"),
            "optimizer": "sgd", "lr": 0.0005, "batch_size": 10, "seed": 0},
           steps=400, compare={"lr": 0.1}, compare_label="learning rate 0.1"),
    Lesson("lr-too-large", "A learning rate too large",
           "With a rate too large each update overshoots the minimum: the loss jumps up and down or "
           "grows without bound until the numbers overflow.",
           "The loss curve oscillating or shooting up, and the run diverging (NaN).",
           {"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _hidden(2, 8, "relu"),
            "init": "he_normal", "optimizer": "sgd", "lr": 5.0, "batch_size": 10, "seed": 0},
           steps=200, compare={"lr": 0.1}, compare_label="learning rate 0.1"),
    Lesson("vanishing-sigmoid", "Vanishing gradients in a deep sigmoid net",
           "The sigmoid's derivative is at most 0.25, and backprop multiplies one such factor per "
           "layer. Through eight layers the gradient shrinks by orders of magnitude, so the first "
           "layers barely learn.",
           "The gradient-norm plot: lines for the first layers far below the last; the health strip "
           "flags them vanishing; edges fade toward the input during backward.",
           _DEEP_SIGMOID, steps=200),
    Lesson("exploding-init", "Exploding gradients from large initial weights",
           "When weights start too large, every layer multiplies the gradient by more than one on "
           "the way back: gradients grow toward the input until the updates blow the network up.",
           "The first layers' gradient norms far above the last's, flagged exploding, then divergence.",
           {**_DEEP, "hidden": _hidden(8, 8, "relu"), "init": "he_normal", "init_gain": 2.5, "lr": 0.05},
           steps=100, compare={"clip_norm": 1.0}, compare_label="gradient clipping"),
    Lesson("fix-relu-he", "Fix: ReLU with He initialisation",
           "ReLU's derivative is 1 for active units, and He initialisation scales the weights so the "
           "signal keeps its size through each layer: the deep net of the vanishing lesson now "
           "learns in every layer.",
           "All layers' gradient norms within a factor of ten of each other; the health strip green.",
           {**_DEEP, "hidden": _hidden(8, 8, "relu"), "init": "he_normal"},
           steps=200, compare={"hidden": _hidden(8, 8, "sigmoid"), "init": "xavier_uniform"},
           compare_label="sigmoid, Xavier"),
    Lesson("fix-batchnorm", "Fix: batch normalisation",
           "Batch norm re-centres and re-scales each layer's pre-activations over the mini-batch, "
           "keeping sigmoid units in their steep middle range and rescaling the gradient on the way "
           "back: the same deep sigmoid net trains in every layer.",
           "Compare the gradient-norm lines with the vanishing lesson: now they stay together.",
           {**_DEEP, "hidden": _hidden(8, 8, "sigmoid", batch_norm=True)},
           steps=200, compare={"hidden": _hidden(8, 8, "sigmoid")}, compare_label="without batch norm"),
    Lesson("fix-residual", "Fix: residual connections",
           "A residual connection adds a layer's input to its output, a = f(z) + x, so the gradient "
           "has a path that skips every multiplication by a small derivative.",
           "The first layers' gradients stay close to the last layers'.",
           {**_DEEP, "hidden": _hidden(1, 8, "sigmoid") + _hidden(7, 8, "sigmoid", residual=True)},
           steps=200, compare={"hidden": _hidden(8, 8, "sigmoid")}, compare_label="without residuals"),
    Lesson("fix-clipping", "Fix: gradient clipping",
           "Clipping rescales the whole gradient whenever its norm exceeds a limit, so one huge "
           "gradient cannot throw the weights far away: the exploding net now trains instead of diverging.",
           "The loss goes down and stays finite; the global gradient norm is capped at the limit.",
           {**_DEEP, "hidden": _hidden(8, 8, "relu"), "init": "he_normal", "init_gain": 2.5, "lr": 0.05,
            "clip_norm": 1.0},
           steps=200, compare={"clip_norm": 0.0}, compare_label="no clipping"),
    Lesson("dropout-overfitting", "Dropout against overfitting",
           "A large network on a few noisy points memorises them: the training loss falls while the "
           "test loss rises. Dropout randomly silences units in each step, so no unit can rely on "
           "another, and the gap shrinks.",
           "The gap between the train and test loss curves, with and without dropout.",
           {**_OVERFIT, "hidden": _hidden(2, 48, "relu", dropout=0.5)},
           steps=1500, compare={"hidden": _hidden(2, 48, "relu")}, compare_label="no dropout"),
    Lesson("l2-overfitting", "L2 regularisation against overfitting",
           "The L2 penalty adds rate x sum(w^2) to the loss, so every update also shrinks the weights: "
           "the boundary stays smooth instead of wrapping around each noisy point.",
           "The train/test gap and the smoother boundary, with and without the penalty.",
           {**_OVERFIT, "regularization": "l2", "reg_rate": 0.003},
           steps=1500, compare={"regularization": "none", "reg_rate": 0.0}, compare_label="no penalty"),
    Lesson("early-stopping", "Early stopping",
           "When a model starts to overfit, the test loss reaches a minimum and turns up while the "
           "training loss keeps falling. Stopping at that minimum keeps the best model.",
           "The marker at the best test loss, long before the end of training.",
           dict(_OVERFIT), steps=1500),
    Lesson("softmax-3-class", "Three classes with softmax",
           "A softmax output turns three scores into probabilities that sum to one; cross-entropy "
           "pushes up the probability of the right class. The spiral's three arms need a curved "
           "boundary from two hidden layers.",
           "The three colored regions winding along the arms; the output neurons' probabilities.",
           {"dataset": "spiral3", "n_samples": 300, "noise": 0.05, "hidden": _hidden(2, 16, "tanh"),
            "optimizer": "adam", "lr": 0.02, "batch_size": 20, "seed": 0},
           steps=1500),
    Lesson("housing-regression", "Regression: house price from size",
           "Predicting a number instead of a class: one input (the size), one linear output (the "
           "price), and the mean squared error. Without hidden layers this is linear regression "
           "trained by gradient descent.",
           "The prediction line settling on the data, and the loss falling to the noise level.",
           {"dataset": "housing", "n_samples": 100, "noise": 0.1, "hidden": [], "optimizer": "sgd",
            "lr": 0.05, "batch_size": 10, "seed": 0},
           steps=300),
    Lesson("digits-features", "Handwritten digits: what the first layer learns",
           "Each first-layer neuron has 64 weights, one per pixel of an 8x8 digit: drawn as an image "
           "they show the strokes the neuron responds to. A small network reaches high accuracy on "
           "the ten digits.",
           "The first-layer weight images turning from noise into stroke detectors; the confusion matrix.",
           {"dataset": "digits", "test_ratio": 0.25, "hidden": _hidden(1, 32, "tanh"), "optimizer": "adam",
            "lr": 0.01, "batch_size": 32, "seed": 0},
           steps=600),
]

LESSONS = {lesson.id: lesson for lesson in _LESSONS}
"""Lesson id -> Lesson, in the order the window lists them."""
