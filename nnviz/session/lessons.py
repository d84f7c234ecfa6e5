"""Built-in lessons: presets that reproduce the classic demonstrations of backprop.

Each lesson has an id (part of the public contract), a title, a short
explanation, what to watch, a config, the number of steps in which it shows
its effect, and optionally a comparison: the overrides that give the "other
side" (the fix, or the model that cannot do it). The test suite runs every
lesson for its steps and checks that the effect really appears.
"""

from dataclasses import dataclass, field

from .lessons_topics import TOPIC_LESSONS


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
    side_view: str = "boundary"     # what presenter mode shows beside the network (one of SIDE_VIEWS)
    loss_from_zero: bool = False    # the loss axis starts at 0, so a nearly flat curve looks flat
    sample: int = 0                 # the mini-batch row the network shows first: one that shows the point


SIDE_VIEWS = ("boundary", "loss", "gradients", "landscape", "activations")
"""A lesson's ``side_view``: the data with the model's output, the loss curves, the gradient
norm per layer, the loss landscape with the path, or a layer's activation function -- the one picture besides the network that its point needs on a projector."""


def _hidden(n, size, activation, **extra):
    return [{"size": size, "activation": activation, **extra} for _ in range(n)]


# The deep net of the vanishing lesson and its fixes: circle data, eight hidden layers of 8, SGD.
_DEEP = {"dataset": "circle", "n_samples": 300, "noise": 0.1, "test_ratio": 0.3, "seed": 1,
         "optimizer": "sgd", "lr": 0.1, "batch_size": 16}
_DEEP_SIGMOID = {**_DEEP, "hidden": _hidden(8, 8, "sigmoid")}
# Same depth and width with large initial weights. Leaky ReLU keeps the gradient flowing where
# plain ReLU units would die after the first huge update (and hide the explosion).
_EXPLODING = {**_DEEP, "hidden": _hidden(8, 8, "leaky_relu"), "init": "he_normal", "init_gain": 2.5, "lr": 0.2,
              "seed": 6}
# 50 noisy training points for about 2,500 parameters; 150 test points measure the gap steadily.
# At this noise (and seed) both regularizers raise the test accuracy by about 7 points; with more
# noise the circle is too blurred for any model to gain, with less there is little to overfit.
_OVERFIT = {"dataset": "circle", "n_samples": 200, "noise": 0.3, "test_ratio": 0.75, "seed": 3,
            "hidden": _hidden(2, 48, "relu"), "init": "he_normal", "optimizer": "adam", "lr": 0.01,
            "batch_size": 50}
# The learning-rate lessons: one small net at three rates.
_CIRCLE_TANH = {"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _hidden(2, 8, "tanh"),
                "optimizer": "sgd", "batch_size": 10, "seed": 0}

_LESSONS = [
    Lesson("xor", "XOR needs a hidden layer",
           "The XOR pattern cannot be separated by one straight line, so a network without hidden "
           "layers (logistic regression) stays near 50% accuracy. One hidden layer of eight tanh "
           "units bends the decision boundary and solves it within a few hundred steps.",
           "Test accuracy climbing to 100% while the no-hidden-layer run stays at chance; each hidden "
           "neuron's heatmap draws one straight edge, and the output combines them.",
           {"dataset": "xor", "n_samples": 200, "noise": 0.05, "hidden": _hidden(1, 8, "tanh"),
            "optimizer": "sgd", "lr": 0.3, "batch_size": 10, "seed": 0},
           steps=400, compare={"hidden": []}, compare_label="no hidden layer"),
    Lesson("linear-collapse", "Linear layers collapse into one",
           "Stacking layers without a nonlinearity gives a product of matrices, which is again one "
           "matrix. However deep, this network is a linear model: its boundary is a straight line "
           "and it cannot enclose the circle. The same three layers with tanh activations fit it.",
           "The boundary stays a straight line and the accuracy near 55%; in the tanh run it closes "
           "around the circle.",
           {"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _hidden(3, 6, "linear"),
            "optimizer": "sgd", "lr": 0.1, "batch_size": 10, "seed": 0},
           steps=500, compare={"hidden": _hidden(3, 6, "tanh")}, compare_label="tanh activations"),
    Lesson("step-activation", "Step units cannot learn",
           "The binary step was the first neuron model, but its derivative is zero everywhere. "
           "Backprop multiplies by that zero, so no gradient reaches the weights into the step layer "
           "and they never change: only the output layer learns, and XOR stays unsolved. Sigmoid "
           "units, a smooth step, learn it in the same 300 steps.",
           "During backward the edges into the step layer stay grey (zero gradient) and the health "
           "strip flags that layer vanishing; its weights never move.",
           {"dataset": "xor", "n_samples": 200, "noise": 0.05, "hidden": _hidden(1, 6, "step"),
            "optimizer": "sgd", "lr": 1.0, "batch_size": 10, "seed": 0},
           steps=300, compare={"hidden": _hidden(1, 6, "sigmoid")}, compare_label="sigmoid units"),
    Lesson("lr-too-small", "A learning rate too small",
           "Each update moves the weights by the learning rate times the gradient. With a rate of "
           "0.0005 the loss creeps down so slowly that after 400 steps almost nothing is learned; "
           "at 0.1 the same net fits the circle.",
           "The nearly flat loss curve; the update-to-weight ratio far below 1e-3.",
           {**_CIRCLE_TANH, "lr": 0.0005},
           steps=400, side_view="loss", loss_from_zero=True, compare={"lr": 0.1},
           compare_label="learning rate 0.1"),
    Lesson("lr-too-large", "A learning rate too large",
           "With a rate too large each update overshoots the minimum and lands higher on the other "
           "side. At 5.0 the first updates throw the loss far above where it started, the weights "
           "grow until the tanh units saturate and pass almost no gradient, and for 100 steps the "
           "loss jumps up and down while, after the first few steps, the test accuracy stays at 50% "
           "(chance). At 0.5 the same "
           "net fits the circle in the same 100 steps.",
           "The loss curve jumping up and down far above its start instead of falling; the health "
           "strip flagging both hidden layers vanishing as their units saturate; the test accuracy "
           "stuck at 50%.",
           {**_CIRCLE_TANH, "lr": 5.0},
           steps=100, side_view="loss", compare={"lr": 0.5}, compare_label="learning rate 0.5"),
    Lesson("vanishing-sigmoid", "Vanishing gradients in a deep sigmoid net",
           "The sigmoid's derivative is at most 0.25, and backprop multiplies by one such factor "
           "(and by the weights) at every layer. Through eight hidden layers the gradient reaching "
           "the first layer is a few millionths of the output layer's, so the first layers barely "
           "learn and the net stays at chance.",
           "The gradient-norm plot: lines for the first layers orders of magnitude below the last; "
           "the health strip flags the first six layers vanishing; deltas fade toward the input "
           "during backward.",
           _DEEP_SIGMOID, steps=200, side_view="gradients"),
    Lesson("exploding-init", "Exploding gradients from large initial weights",
           "When weights start too large, every layer multiplies the error signal by more than one "
           "on the way back. Here the initial weights are 2.5 times He's, and the deltas grow about "
           "a hundredfold from the output to the first layer. The first update is huge, the next "
           "gradients are larger still, and within a few steps the numbers overflow.",
           "During backward the deltas growing toward the input and the first layer flagged "
           "exploding; then the loss shooting up and the run diverging (NaN) within five steps. "
           "Compare with gradient clipping.",
           dict(_EXPLODING),
           steps=100, side_view="gradients", compare={"clip_norm": 2.0}, compare_label="gradient clipping",
           # the saturated output passes no error back from the rows it already classifies right (row 1
           # among them); row 15's deltas grow from 0.06 at the output to 42 in the first layer
           sample=14),
    Lesson("fix-relu-he", "Fix: ReLU with He initialisation",
           "ReLU's derivative is 1 for active units, and He initialisation scales the weights so the "
           "signal keeps its size through each layer. The deep net of the vanishing lesson (same "
           "data, same eight hidden layers, same learning rate) now learns in every layer. It takes "
           "batches of 32 instead of 16, because ReLU's unbounded outputs make the loss of small "
           "batches at this rate jump now and then.",
           "The gradient-norm lines close together; the health strip green; test accuracy near 97% "
           "where the sigmoid net stays at 50%.",
           {**_DEEP, "hidden": _hidden(8, 8, "relu"), "init": "he_normal", "batch_size": 32},
           steps=200, compare={"hidden": _hidden(8, 8, "sigmoid"), "init": "xavier_uniform"},
           compare_label="sigmoid, Xavier", side_view="gradients"),
    Lesson("fix-batchnorm", "Fix: batch normalisation",
           "Batch norm re-centres and re-scales each layer's pre-activations over the mini-batch, "
           "keeping the sigmoid units in their steep middle range and rescaling the gradient on the "
           "way back. The same deep sigmoid net, with the same training, now learns in every layer. "
           "Each epoch's last two rows join the batch before them: a batch of two would normalise "
           "every unit to exactly -1 and +1 and pass no gradient to the weights.",
           "Compare the gradient-norm lines with the vanishing lesson: now they stay together, and "
           "the test accuracy climbs, unevenly: it first passes 90% before step 170, and from step "
           "120 on swings between about 50% and 100%, near 80% on average, while the sigmoid net "
           "stays at 50%.",
           {**_DEEP, "hidden": _hidden(8, 8, "sigmoid", batch_norm=True)},
           steps=200, compare={"hidden": _hidden(8, 8, "sigmoid")}, compare_label="without batch norm",
           side_view="gradients"),
    Lesson("fix-residual", "Fix: residual connections",
           "A residual connection adds a layer's input to its output, a = f(z) + x, so the gradient "
           "has a path that skips every multiplication by a small derivative. The same deep sigmoid "
           "net, on the same data at the same learning rate of 0.1, now learns in every layer, in "
           "batches of 32 instead of 16 to steady its steps. It learns slowly: every sigmoid output is "
           "positive, so the residual sums grow with depth and the output layer's inputs are large and "
           "move together. A larger rate overshoots (at 1.5 the first step throws the loss from 3.8 "
           "to about 38), so it takes about 2,400 steps, while without residuals the net stays at "
           "chance however long it trains.",
           "The first layers' gradients staying within reach of the last layers'; the health strip "
           "green; the loss falling from its start without a spike; the test accuracy wandering near "
           "chance for a thousand steps, then climbing above 95% around step 2,400, while the net "
           "without residuals stays at 50%.",
           {**_DEEP, "hidden": _hidden(1, 8, "sigmoid") + _hidden(7, 8, "sigmoid", residual=True),
            "batch_size": 32},
           steps=2700, compare={"hidden": _hidden(8, 8, "sigmoid")}, compare_label="without residuals",
           side_view="gradients"),
    Lesson("fix-clipping", "Fix: gradient clipping",
           "Clipping rescales the whole gradient whenever its global norm exceeds a limit (here 2), "
           "so one huge gradient cannot throw the weights far away. The net, data and learning rate "
           "of the exploding-init lesson (not those of the vanishing lesson: it fixes that lesson's "
           "explosion) start with the same huge gradients, but the capped steps bring them down, and "
           "it trains instead of diverging.",
           "The global gradient norm starting far above the limit and falling below it; the loss "
           "going down and staying finite; without clipping the run diverges within five steps.",
           {**_EXPLODING, "clip_norm": 2.0},
           steps=200, side_view="gradients", compare={"clip_norm": 0.0}, compare_label="no clipping"),
    Lesson("dropout-overfitting", "Dropout against overfitting",
           "A large network trained on a few noisy points memorises them: the training loss falls "
           "toward zero while the test loss climbs. Dropout silences a random half of the hidden "
           "units in each step, so no unit can rely on another: the gap between the curves shrinks "
           "and the test accuracy ends about 7 points higher.",
           "The gap between the train and test loss curves, with and without dropout; without it "
           "the boundary wraps around single noisy points.",
           {**_OVERFIT, "hidden": _hidden(2, 48, "relu", dropout=0.5)},
           steps=600, compare={"hidden": _hidden(2, 48, "relu")}, compare_label="no dropout",
           side_view="loss"),
    Lesson("l2-overfitting", "L2 regularisation against overfitting",
           "The L2 penalty adds rate x sum(w^2) to the loss, so every update also shrinks the "
           "weights. The boundary stays smooth instead of wrapping around each noisy point: the test "
           "loss stays close to the training loss, and the test accuracy is higher than without the "
           "penalty.",
           "The train/test gap and the smoother boundary, with and without the penalty.",
           {**_OVERFIT, "regularization": "l2", "reg_rate": 0.01},
           steps=600, compare={"regularization": "none", "reg_rate": 0.0}, compare_label="no penalty",
           side_view="loss"),
    Lesson("early-stopping", "Early stopping",
           "When a model starts to overfit, the test loss reaches a minimum and turns up while the "
           "training loss keeps falling. Stopping at that minimum keeps the best model; here it comes "
           "within the first hundred steps, and the test loss climbs for the rest of the run.",
           "The marker at the best test loss, long before the end of training; turn on early "
           "stopping to halt there.",
           dict(_OVERFIT), steps=600, side_view="loss"),
    Lesson("softmax-3-class", "Three classes with softmax",
           "A softmax output turns three scores into probabilities that sum to one; cross-entropy "
           "pushes up the probability of the right class. The spiral's three arms need a curved "
           "boundary, which two hidden layers of 32 ReLU units learn.",
           "The three colored regions winding along the arms; the output neurons' probabilities.",
           {"dataset": "spiral3", "n_samples": 500, "noise": 0.05, "hidden": _hidden(2, 32, "relu"),
            "init": "he_normal", "optimizer": "adam", "lr": 0.02, "batch_size": 50, "seed": 0},
           steps=1000),
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
           "they show the strokes the neuron responds to. The weights start at a tenth of the usual "
           "scale, so what the images show after training is what was learned, not the random start. "
           "One hidden layer of 32 tanh units reaches over 95% test accuracy on the ten digits.",
           "The first-layer weight images turning from noise into smooth blobs and strokes (their colour "
           "scale only grows, so the learned weights are seen to grow darker); the confusion matrix.",
           {"dataset": "digits", "test_ratio": 0.25, "hidden": _hidden(1, 32, "tanh"), "optimizer": "adam",
            "lr": 0.01, "batch_size": 32, "init_gain": 0.1, "seed": 0},
           steps=300, side_view="loss"),
]

_LESSONS += [Lesson(**fields) for fields in TOPIC_LESSONS]

LESSONS = {lesson.id: lesson for lesson in _LESSONS}
"""Lesson id -> Lesson, in the order the window lists them."""
