"""Lessons for the remaining lecture topics: symmetry, dying ReLU, momentum, batch size, learning-rate
decay, augmentation, two more remedies for exploding gradients, and the update-to-weight ratio.

Each entry holds the fields of a ``Lesson`` (see lessons.py, which adds them to the catalogue):
id (part of the public contract), title, a short text, what to watch, the config, the steps in
which the effect shows, and the comparison run's overrides with its label. The texts claim only
what tests/test_lessons_topics.py asserts after those steps.
"""


def _layers(n, size, activation, **extra):
    return [{"size": size, "activation": activation, **extra} for _ in range(n)]


# The net of the exploding-init lesson (lessons.py), repeated here because that module builds its
# catalogue from this one; a test checks the two stay the same.
EXPLODING_NET = {"dataset": "circle", "n_samples": 300, "noise": 0.1, "test_ratio": 0.3, "seed": 6,
                 "optimizer": "sgd", "lr": 0.2, "batch_size": 16, "hidden": _layers(8, 8, "leaky_relu"),
                 "init": "he_normal", "init_gain": 2.5}

TOPIC_LESSONS = [
    dict(id="zero-init-symmetry", title="All-zero initial weights: every unit the same",
         text="When every weight starts at zero, all hidden units of a layer compute the same output and "
              "receive the same gradient, so each update changes them identically. After 300 steps the "
              "six sigmoid units still have identical incoming weights, the layer acts as one unit, and "
              "the circle stays unsolved. Random (Xavier) initial weights break the symmetry and the same "
              "net fits the circle.",
         watch="In the inspector, every hidden neuron showing the same weights and the same heatmap; the "
               "test accuracy near 50% while the Xavier run climbs above 90%.",
         config={"dataset": "circle", "n_samples": 200, "noise": 0.05, "hidden": _layers(1, 6, "sigmoid"),
                 "init": "zeros", "optimizer": "sgd", "lr": 1.0, "batch_size": 10, "seed": 0},
         steps=300, compare={"init": "xavier_uniform"}, compare_label="Xavier initialisation"),
    dict(id="dying-relu", title="Dying ReLU units",
         text="A ReLU unit whose input is negative for every training point outputs 0 and has derivative "
              "0, so no gradient reaches its weights and it never comes back. At a learning rate of 3.0 "
              "large updates push many first-layer units there: after 200 steps at least 40% of them are "
              "dead. Leaky ReLU keeps a slope of 0.01 below zero, so none of its units is ever cut off.",
         watch="The health strip flagging the first layer dead; in the activation view, its units' "
               "pre-activations left of zero where the derivative is 0.",
         config={"dataset": "circle", "n_samples": 200, "noise": 0.1, "hidden": _layers(2, 16, "relu"),
                 "init": "he_normal", "optimizer": "sgd", "lr": 3.0, "batch_size": 10, "seed": 0},
         steps=200, side_view="activations", compare={"hidden": _layers(2, 16, "leaky_relu")},
         compare_label="leaky ReLU"),
    dict(id="momentum", title="Momentum in a narrow valley",
         text="With inputs of very different scales (x1, x2 and x1 squared, unscaled) the loss is a long, "
              "narrow valley: the learning rate must be small for the steep sides, so plain SGD crawls "
              "along the flat floor. Momentum 0.9 adds up the steps that keep pointing the same way and "
              "reaches plain SGD's final training loss in less than half of its 200 steps.",
         watch="The two loss curves on the log axis: in the second hundred steps momentum's falls by "
               "orders of magnitude while plain SGD's levels off.",
         config={"dataset": "plane", "n_samples": 100, "noise": 0.0, "hidden": [],
                 "features": ["x1", "x2", "x1^2"], "standardize": False, "optimizer": "sgd",
                 "optimizer_options": {"momentum": 0.9}, "lr": 0.003, "batch_size": 100, "seed": 0},
         steps=200, side_view="landscape", compare={"optimizer_options": {}}, compare_label="plain SGD"),
    dict(id="batch-size", title="Batch size: one example against all",
         text="With a batch of one, each update follows the gradient of a single training point, which "
              "often points elsewhere than the average. The loss curve jumps from step to step: over the "
              "same 500 examples seen, its step-to-step changes vary more than three times as much as "
              "those of the full-batch run, which averages all 50 points in every step.",
         watch="The jagged batch-1 loss curve against the smooth full-batch curve; the decision boundary "
               "twitching with every point.",
         config={"dataset": "circle", "n_samples": 100, "noise": 0.1, "test_ratio": 0.5,
                 "hidden": _layers(1, 8, "tanh"), "optimizer": "sgd", "lr": 0.1, "batch_size": 1, "seed": 0},
         steps=500, side_view="loss", compare={"batch_size": 50}, compare_label="full batch"),
    dict(id="lr-decay", title="Learning-rate decay",
         text="A large learning rate makes fast progress at first but then keeps overshooting, so the "
              "loss bounces instead of settling. Exponential decay halves the rate every 100 steps, from "
              "3.0 down to 0.19 at step 400: the steps shrink as the minimum comes near, and the run "
              "ends with a far lower training loss than the same net at a constant 3.0.",
         watch="The learning-rate curve falling; the loss curve calming down, while the constant-rate run "
               "keeps jumping.",
         config={"dataset": "circle", "n_samples": 200, "noise": 0.1, "hidden": _layers(2, 8, "tanh"),
                 "optimizer": "sgd", "lr": 3.0, "batch_size": 10, "seed": 0, "schedule": "exponential",
                 "schedule_options": {"decay_steps": 100, "decay_rate": 0.5}},
         steps=400, side_view="loss", compare={"schedule": "constant"}, compare_label="constant rate 3.0"),
    dict(id="augmentation", title="Data augmentation",
         text="With only 20 training points a large network fits them exactly and draws a boundary that "
              "follows their chance positions. Augmentation trains on jittered copies instead, each epoch "
              "moving every point by noise of 0.3 times the data's spread, so the net must give the "
              "whole neighbourhood the point's class. Its test accuracy is at least 5 points higher.",
         watch="The test accuracy of the two runs, and how each decision boundary lies around the 20 "
               "training points.",
         config={"dataset": "circle", "n_samples": 100, "noise": 0.1, "test_ratio": 0.8,
                 "hidden": _layers(2, 32, "relu"), "init": "he_normal", "optimizer": "adam", "lr": 0.01,
                 "batch_size": 10, "seed": 0, "augment": 0.3},
         steps=400, compare={"augment": 0.0}, compare_label="no augmentation"),
    dict(id="fix-smaller-lr", title="Fix: a smaller learning rate",
         text="The exploding-init net starts with the same huge gradients at any learning rate, but "
              "the size of the first updates is the rate times the gradient. At 0.01 instead of 0.2 the "
              "updates stay small enough that the gradients shrink instead of growing, and the net "
              "trains for all 200 steps without a NaN.",
         watch="The global gradient norm starting above 1000 and falling; the loss staying finite, where "
               "the run at 0.2 diverges within five steps.",
         config={**EXPLODING_NET, "lr": 0.01},
         steps=200, side_view="gradients", compare={"lr": 0.2}, compare_label="learning rate 0.2"),
    dict(id="fix-weight-decay", title="Fix: weight decay",
         text="Weight decay shrinks every weight a little in each update. At the exploding-init lesson's "
              "rate of 0.2 the first update is too large for any decay, so this run uses 0.02, which still "
              "diverges within ten steps without decay. With a decay of 30 the weights are pulled in faster "
              "than the gradients push them out, and the run stays finite. The price: the weights are held "
              "so small that the net does not learn.",
         watch="The global gradient norm falling from above 1000 to below 1 instead of overflowing; the "
               "test accuracy staying at 50%.",
         config={**EXPLODING_NET, "lr": 0.02, "optimizer_options": {"weight_decay": 30.0}},
         steps=200, compare={"optimizer_options": {}}, compare_label="no weight decay",
         side_view="gradients"),
    dict(id="update-ratio", title="The update-to-weight ratio",
         text="The ratio of an update's size to the weights' size, ||dW|| / ||W|| per layer, says how "
              "hard each step pushes; a rule of thumb wants it near 1e-3. With Adam at a rate of 0.002 "
              "every layer's ratio stays between 5e-4 and 5e-3 and the loss falls smoothly. At ten times "
              "that rate the ratios are three to six times larger, and the loss jumps up by more than "
              "10% at dozens of steps.",
         watch="The update-to-weight ratio per layer on its log axis, against the 1e-3 line; the smooth "
               "loss curve against the jagged one of the faster run.",
         config={"dataset": "circle", "n_samples": 200, "noise": 0.1, "hidden": _layers(2, 16, "tanh"),
                 "optimizer": "adam", "lr": 0.002, "batch_size": 10, "seed": 0},
         steps=300, side_view="gradients", compare={"lr": 0.02}, compare_label="learning rate 0.02"),
]
