"""Engine speed: microseconds per training step (forward + backward + Adam).

Run: python benchmarks/engine.py

For each net it prints the median over many steps of the recording engine and
of a minimal hand-written numpy step of the same net (no trace, no checks),
timed alternately in the same run, and their ratio: the cost of recording everything
the window shows. BLAS is limited to one thread: these matrices are far too
small to gain from threads, and on a busy 2-core machine threaded OpenBLAS
was seen to take 100x longer for a 128x64 product.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nnviz.engine import Network, make_optimizer  # noqa: E402

CASES = [  # name, input, hidden, output, batch, hidden activation
    ("2-8-8-1", 2, [8, 8], 1, 10, "tanh"),
    ("2-32x6-1", 2, [32] * 6, 1, 32, "relu"),
    ("64-128-64-10", 64, [128, 64], 10, 64, "relu"),
]


def _spec(n_in, hidden, n_out, act):
    out = {"size": n_out, "activation": "sigmoid" if n_out == 1 else "softmax"}
    return {"input_size": n_in, "layers": [{"size": h, "activation": act} for h in hidden] + [out],
            "loss": "bce" if n_out == 1 else "cross_entropy", "init": "he_normal", "seed": 0}


def _data(n_in, n_out, batch):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, n_in))
    y = rng.integers(0, 2, (batch, 1)).astype(float) if n_out == 1 else rng.integers(0, n_out, batch)
    return X, y


def _paired_medians_us(step_a, step_b, repeats):
    """Median µs of two steps timed alternately, so drifting machine load hits both alike."""
    for _ in range(repeats // 10):
        step_a()
        step_b()
    times_a, times_b = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        step_a()
        t1 = time.perf_counter()
        step_b()
        t2 = time.perf_counter()
        times_a.append(t1 - t0)
        times_b.append(t2 - t1)
    return statistics.median(times_a) * 1e6, statistics.median(times_b) * 1e6


def engine_step(n_in, hidden, n_out, batch, act):
    net = Network.from_spec(_spec(n_in, hidden, n_out, act))
    opt = make_optimizer("adam", net, lr=1e-3)
    X, y = _data(n_in, n_out, batch)

    def step():
        opt.step(net.backward(net.forward(X, training=True), y))
    return step


def plain_step(n_in, hidden, n_out, batch, act):
    """The least a numpy step can do: affine, activation, loss gradient, Adam."""
    net = Network.from_spec(_spec(n_in, hidden, n_out, act))
    Ws = [p["W"].copy() for p in net.params]
    bs = [p["b"].copy() for p in net.params]
    params = Ws + bs
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    X, y = _data(n_in, n_out, batch)
    t = [0]
    relu = act == "relu"

    def step():
        acts, a = [X], X
        for W, b in zip(Ws[:-1], bs[:-1]):
            z = a @ W + b
            a = np.maximum(z, 0) if relu else np.tanh(z)
            acts.append(a)
        logits = a @ Ws[-1] + bs[-1]
        if n_out == 1:
            delta = (1 / (1 + np.exp(-logits)) - y) / batch
        else:
            e = np.exp(logits - logits.max(1, keepdims=True))
            delta = e / e.sum(1, keepdims=True)
            delta[np.arange(batch), y] -= 1
            delta /= batch
        gW, gb = [None] * len(Ws), [None] * len(Ws)
        for i in range(len(Ws) - 1, -1, -1):
            gW[i], gb[i] = acts[i].T @ delta, delta.sum(0)
            if i:
                g = delta @ Ws[i].T
                delta = g * (acts[i] > 0) if relu else g * (1 - acts[i] ** 2)
        t[0] += 1
        c1, c2 = 1 - 0.9 ** t[0], np.sqrt(1 - 0.999 ** t[0])
        for p, g, mi, vi in zip(params, gW + gb, m, v):
            mi *= 0.9
            mi += 0.1 * g
            vi *= 0.999
            vi += 0.001 * g * g
            p -= (1e-3 / c1) * mi / (np.sqrt(vi) / c2 + 1e-8)
    return step


def main():
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(1)
    except ImportError:
        pass
    print(f"{'net':<14} {'batch':>5} {'engine µs':>10} {'plain µs':>9} {'ratio':>6}  budget")
    for name, n_in, hidden, n_out, batch, act in CASES:
        repeats = 3000 if batch <= 32 else 500
        eng, ref = _paired_medians_us(engine_step(n_in, hidden, n_out, batch, act),
                                      plain_step(n_in, hidden, n_out, batch, act), repeats)
        budget = f"{eng / 100:.2f} of 100 µs" if name == "2-8-8-1" else ""
        print(f"{name:<14} {batch:>5} {eng:>10.1f} {ref:>9.1f} {eng / ref:>6.2f}  {budget}")


if __name__ == "__main__":
    main()
