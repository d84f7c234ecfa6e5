"""Learning-rate schedules, functions of the step count only (so rewind needs no state).

- constant: lr.
- step (torch StepLR): lr * gamma ** floor(step / step_size).
- exponential (Keras ExponentialDecay): lr * decay_rate ** (step / decay_steps),
  with the exponent floored when ``staircase``.
"""

import math


def scheduled_lr(config, step):
    """The learning rate of the 0-based ``step`` under the config's schedule."""
    lr, kind, o = config["lr"], config["schedule"], config["schedule_options"]
    if kind == "step":
        return lr * o["gamma"] ** (step // o["step_size"])
    if kind == "exponential":
        exponent = step / o["decay_steps"]
        return lr * o["decay_rate"] ** (math.floor(exponent) if o["staircase"] else exponent)
    return lr
