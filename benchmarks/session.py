"""Session speed: training steps per second of Session.run() for every lesson's net.

    python benchmarks/session.py [--steps N] [--repeats R] [LESSON ...]

For each lesson it times ``Session.run()`` on the lesson's config with
metrics=True (every step evaluates the whole training and test sets and the
per-unit shares: what the window plots) and with metrics=False (only the
step's own gradient statistics), and prints the median steps per second over
the repeats. A run that diverges is rebuilt, untimed, and continues until N
steps have been timed. The last column is the rewind history's memory per
step, ``History.nbytes / len(history)``, after a run of the lesson's own
number of steps (or until it diverges).

BLAS is limited to one thread before numpy loads: the matrices here are tiny,
and on a shared 2-core machine threaded OpenBLAS was seen to take 100x longer
for a small product while another process kept the cores busy.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nnviz.session import LESSONS, Session  # noqa: E402


def timed_steps(config, steps, metrics):
    """Seconds spent in Session.run() for ``steps`` steps (sessions built outside the clock)."""
    spent, done, session = 0.0, 0, None
    while done < steps:
        if session is None or session.diverged:
            session = Session(config)
        t0 = time.perf_counter()
        n = session.run(steps - done, metrics=metrics)
        spent += time.perf_counter() - t0
        done += n
    return spent


def steps_per_second(config, steps, repeats, metrics):
    return statistics.median(steps / timed_steps(config, steps, metrics) for _ in range(repeats))


def history_bytes_per_step(lesson):
    s = Session(lesson.config)
    s.run(lesson.steps, metrics=False)
    return s.history.nbytes / max(len(s.history), 1)


def shape(session):
    """Layer sizes from input to output, runs of equal hidden layers as 8x8: '2-8x8-1'."""
    hidden = [layer["size"] for layer in session.network.layers[:-1]]
    groups = []
    for size in hidden:
        if groups and groups[-1][0] == size:
            groups[-1][1] += 1
        else:
            groups.append([size, 1])
    parts = [str(session.prep.n_inputs)]
    for size, count in groups:
        parts += [f"{size}x{count}"] if count > 2 else [str(size)] * count
    return "-".join(parts + [str(session.network.layers[-1]["size"])])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson ids (default: all)")
    parser.add_argument("--steps", type=int, default=200, help="steps timed per repeat (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats; the median is shown (default 3)")
    args = parser.parse_args()
    ids = args.lessons or list(LESSONS)
    unknown = [i for i in ids if i not in LESSONS]
    if unknown:
        parser.error(f"unknown lesson {unknown[0]!r}; lessons: {', '.join(LESSONS)}")

    print(f"{'lesson':<20} {'net':<13} {'params':>6} {'train':>5} {'batch':>5} "
          f"{'steps/s':>8} {'no metrics':>10} {'ms/step':>7} {'KB/step':>7}")
    for lesson_id in ids:
        lesson = LESSONS[lesson_id]
        s = Session(lesson.config)
        with_metrics = steps_per_second(lesson.config, args.steps, args.repeats, metrics=True)
        without = steps_per_second(lesson.config, args.steps, args.repeats, metrics=False)
        kb = history_bytes_per_step(lesson) / 1024
        print(f"{lesson_id:<20} {shape(s):<13} {s.network.flat.size:>6} {len(s.prep.X_train):>5} "
              f"{s.config['batch_size']:>5} {with_metrics:>8.0f} {without:>10.0f} {1e3 / with_metrics:>7.2f} "
              f"{kb:>7.1f}", flush=True)


if __name__ == "__main__":
    main()
