"""Session speed: one recorded training step, one epoch, and every lesson's steps per second.

    python benchmarks/session.py [--rounds R] [--against DIR] [--lessons]

Cases (the Playground's configurations: tanh hidden layers, learning rate
0.03, batch 10, spiral of 500 points without noise, half for training):

- ``step 2-8-8-1``: one ``Session.run`` step of a 2-8-8-1 net with all it
  records (whole-set losses and accuracies, gradient statistics, the rewind
  snapshot), in microseconds;
- ``epoch 2-8x6-1``: one epoch (25 steps) of six hidden layers of 8, in ms.

``--against DIR`` times another checkout of nnviz (e.g. an older commit in a
``git worktree``) in the same run: each side runs in its own worker process
and the rounds alternate between them, so a change in the machine's load
hits both alike. The other checkout is timed with every step evaluated
(``metrics=True``, the same work) and, for reference, with ``metrics=False``
(the whole-set evaluation skipped, which older versions allowed). For each
checkout that scores the whole sets in a function of its own, the time
outside it is shown too ("without the evaluation": the step, its gradient
statistics, its snapshot and the bookkeeping of deferred scoring; what the
older metrics=False timed). Medians and the range over the rounds are
printed, and the ratio of each median to this checkout's.

Times are the workers' CPU time by default (``--clock wall`` for wall time):
on a machine shared with other work, CPU time varies far less.

``--lessons`` adds the old table: median steps per second of ``Session.run``
for every lesson's own net.

BLAS is limited to one thread before numpy loads: the matrices here are tiny,
and on a shared 2-core machine threaded OpenBLAS was seen to take 100x longer
for a small product while another process kept the cores busy.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve()
PLAYGROUND = {"dataset": "spiral", "n_samples": 500, "noise": 0.0, "test_ratio": 0.5, "lr": 0.03,
              "batch_size": 10, "optimizer": "sgd"}
CASES = {  # name: (hidden layers, steps per timing, unit, scale of seconds per timing)
    "step 2-8-8-1": (2, 100, "µs/step", 1e6 / 100),
    "epoch 2-8x6-1": (6, 25, "ms/epoch", 1e3),
}


def playground_config(n_hidden):
    return {**PLAYGROUND, "hidden": [{"size": 8, "activation": "tanh"} for _ in range(n_hidden)]}


# ------------------------------------------------------------------ worker
CLOCK = time.process_time


def _timed(owner, fn):
    """fn, adding the seconds each call takes to ``owner.spent``."""
    def timed(*args):
        t = CLOCK()
        try:
            return fn(*args)
        finally:
            owner.spent += CLOCK() - t
    return timed


def worker(root, clock):
    """Answer timing requests on stdin (JSON lines) with seconds on stdout, importing nnviz from root."""
    global CLOCK
    CLOCK = time.perf_counter if clock == "wall" else time.process_time
    sys.path.insert(0, str(root))
    from nnviz.session import Session
    sessions = {}
    for line in sys.stdin:
        request = json.loads(line)
        key = (request["case"], str(request["metrics"]))
        hidden, steps, _, _ = CASES[request["case"]]
        s = sessions.get(key)
        if s is None or s.diverged or s.step > 20_000:
            s = sessions[key] = Session(playground_config(hidden))
            s.run(50, metrics=request["metrics"])                   # warm up
        evaluator = getattr(s, "_evaluator", None)         # checkouts that evaluate every step
        if evaluator is not None and not hasattr(evaluator, "spent"):
            name = "score" if hasattr(evaluator, "score") else "fields"     # batched, or one step at a time
            setattr(evaluator, name, _timed(evaluator, getattr(evaluator, name)))
        if evaluator is not None:
            evaluator.spent = 0.0
        t0 = CLOCK()
        s.run(steps, metrics=request["metrics"])
        print(json.dumps([CLOCK() - t0, getattr(evaluator, "spent", 0.0)]), flush=True)


class Worker:
    def __init__(self, root, clock):
        self.proc = subprocess.Popen([sys.executable, str(HERE), "--worker", str(root), "--clock", clock],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def time(self, case, metrics):
        """(seconds of the run, seconds of it spent in the whole-set evaluation where it is separate)."""
        self.proc.stdin.write(json.dumps({"case": case, "metrics": metrics}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


# ------------------------------------------------------------------ lessons table
def lesson_table(steps=200, repeats=3):
    sys.path.insert(0, str(HERE.parents[1]))
    from nnviz.session import LESSONS, Session
    print(f"\n{'lesson':<20} {'params':>6} {'train':>5} {'batch':>5} {'steps/s':>8} {'ms/step':>7} {'KB/step':>7}")
    for lesson_id, lesson in LESSONS.items():
        rates = []
        for _ in range(repeats):
            s, spent, done = None, 0.0, 0
            while done < steps:
                if s is None or s.diverged or s.stopped_early:
                    s = Session(lesson.config)
                t0 = time.perf_counter()
                done += s.run(steps - done)
                spent += time.perf_counter() - t0
            rates.append(steps / spent)
        rate = statistics.median(rates)
        kb = (s.history.nbytes / max(len(s.history), 1) + s.metrics.bytes_per_step) / 1024
        print(f"{lesson_id:<20} {s.network.flat.size:>6} {len(s.prep.X_train):>5} {s.config['batch_size']:>5} "
              f"{rate:>8.0f} {1e3 / rate:>7.2f} {kb:>7.1f}", flush=True)


def summary(times, scale):
    values = sorted(t * scale for t in times)
    return statistics.median(values), values[len(values) // 10], values[-1 - len(values) // 10]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="alternating rounds per case (default 30)")
    parser.add_argument("--against", type=Path, help="another nnviz checkout to time alternately")
    parser.add_argument("--lessons", action="store_true", help="also time every lesson's net")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="cpu: the worker's CPU time (default; steadier on a shared machine), or wall time")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.clock)
        return
    sides = [("this", HERE.parents[1], True)]
    if args.against:
        sides += [("other", args.against, True), ("other, metrics=False", args.against, False)]
    workers = {root: Worker(root, args.clock) for _, root, _ in sides}
    try:
        print(f"{'case':<15} {'checkout':<30} {'median':>8} {'p10–p90':>17}  unit      ratio to this")
        for case, (_, _, unit, scale) in CASES.items():
            times = {}
            for _ in range(args.rounds):
                for name, root, metrics in sides:
                    total, evaluation = workers[root].time(case, metrics)
                    times.setdefault(name, []).append(total)
                    if metrics is True and evaluation > 0:
                        times.setdefault(f"{name}, without the evaluation", []).append(total - evaluation)
            base = summary(times["this"], scale)[0]
            for name in times:
                median, low, high = summary(times[name], scale)
                print(f"{case:<15} {name:<30} {median:>8.1f} {low:>8.1f}–{high:<8.1f} {unit:<9} "
                      f"{median / base:>5.2f}", flush=True)
    finally:
        for w in workers.values():
            w.close()
    if args.lessons:
        lesson_table()


if __name__ == "__main__":
    main()
