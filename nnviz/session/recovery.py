"""Where "rewind" goes after a run diverged: the newest sound step.

Going back one step from a divergence lands just before the fatal update,
where the weights are already enormous (around 1e74 in a run whose learning
rate is far too large) and the loss already infinite: from there even a tiny
learning rate diverges again. So after a divergence the session goes back
to the newest step boundary k (the state after k updates) that is *sound*:

- its kept snapshot holds finite weights, batch-norm statistics and
  optimizer state;
- the loss there is finite and has not blown up: at most ``BLOWUP_FACTOR``
  (10) times the loss the run started from. The loss at boundary k is the
  whole training set's loss recorded after step k (``train_loss[k - 1]``;
  for k = 0 the first mini-batch's loss). The starting loss is the smaller
  of the first mini-batch's loss and the training loss after the first
  step, so a first update that already blew up does not raise the bar;
- the gradient computed there (``global_norm[k]``, when step k was taken)
  is finite.

A student continuing from that state at a smaller learning rate trains on
with finite numbers. If no kept snapshot is sound (the run diverged from its
very start, or older steps are beyond the history limit) there is none.
"""

import math

import numpy as np

BLOWUP_FACTOR = 10.0


def starting_loss(metrics):
    """The loss the run started from (see the module text), or None when it was not finite."""
    if not len(metrics):
        return None
    candidates = [v for v in (metrics["batch_loss"][0], metrics["train_loss"][0]) if math.isfinite(v)]
    return min(candidates) if candidates else None


def loss_at(metrics, k):
    """The loss at step boundary k as recorded (NaN counts as not finite), or None when none was."""
    if 1 <= k <= len(metrics):
        return float(metrics["train_loss"][k - 1])
    if k == 0 and len(metrics):
        return float(metrics["batch_loss"][0])
    return None


def is_sound(snapshot, metrics, k, limit):
    """Whether boundary k, kept as ``snapshot``, is a state to continue from (see the module text)."""
    arrays = [snapshot.flat] + [v for b in snapshot.buffers for v in b.values()]
    arrays += [v for v in snapshot.opt_state.values() if isinstance(v, np.ndarray)]
    if not all(np.isfinite(a).all() for a in arrays):
        return False
    loss = loss_at(metrics, k)
    if loss is not None and not (math.isfinite(loss) and loss <= limit):
        return False
    return k >= len(metrics) or math.isfinite(float(metrics["global_norm"][k]))


def sound_step(history, metrics, newest):
    """The newest sound step boundary at or before ``newest`` that the history keeps, or None."""
    start = starting_loss(metrics)
    if start is None and len(metrics):
        return None
    limit = math.inf if start is None else BLOWUP_FACTOR * max(start, 1e-12)
    oldest = history.oldest
    if oldest is None:
        return None
    for k in range(newest, oldest - 1, -1):
        snapshot = history.get(k)
        if snapshot is not None and is_sound(snapshot, metrics, k, limit):
            return k
    return None
