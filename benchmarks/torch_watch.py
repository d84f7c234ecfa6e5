"""The cost of watching a PyTorch training loop: a watched step against an unwatched one.

Run: python benchmarks/torch_watch.py

A 784-128-64-10 ReLU MLP, batch 64, cross-entropy and Adam, float32 on the
CPU, one torch thread (the machines here have 2 busy cores). Two copies of
the model train side by side, one with ``nnviz.torch.watch`` hooks and
``watcher.step()`` after every ``optimizer.step()``, one without; their
steps are timed alternately in the same run, so machine load hits both
alike. Printed: the median of each and their ratio, and the 10th percentile
of each: on a shared machine a step is sometimes descheduled for
milliseconds, and the low percentile is the cost of the work itself.
"""

import statistics
import sys
import time
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nnviz.torch import watch  # noqa: E402

STEPS = 600


def _model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))


def _trainer(model, watcher=None):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(1)
    X, y = torch.randn(64, 784, generator=g), torch.randint(0, 10, (64,), generator=g)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        if watcher is not None:
            watcher.step(loss=loss)
    return step


def main():
    torch.set_num_threads(1)
    plain_model, watched_model = _model(), _model()
    plain = _trainer(plain_model)
    watched = _trainer(watched_model, watch(watched_model))
    for _ in range(STEPS // 10):
        plain()
        watched()
    times_plain, times_watched = [], []
    for _ in range(STEPS):
        t0 = time.perf_counter()
        plain()
        t1 = time.perf_counter()
        watched()
        t2 = time.perf_counter()
        times_plain.append(t1 - t0)
        times_watched.append(t2 - t1)
    print(f"784-128-64-10, batch 64, Adam, {STEPS} steps each, alternately (torch {torch.__version__}, 1 thread)")
    for label, pick in (("median", statistics.median), ("10th percentile", _tenth)):
        a, b = pick(times_plain) * 1e6, pick(times_watched) * 1e6
        print(f"  {label:>15}: unwatched {a:6.0f} µs, watched {b:6.0f} µs, ratio {b / a:4.2f} "
              f"(+{b - a:.0f} µs per step)")


def _tenth(values):
    return statistics.quantiles(values, n=10)[0]


if __name__ == "__main__":
    main()
