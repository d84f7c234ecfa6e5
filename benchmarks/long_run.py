"""A long run of a lesson net: memory, speed at the start and the end, and a file that reopens.

    python benchmarks/long_run.py [--lesson xor] [--steps 1000000] [--chunk 10000]

Trains the lesson's net for ``--steps`` steps with ``Session.run`` (every
step's metrics recorded), printing progress every tenth of the run, then
saves the experiment (``Session.save``) and opens it again
(``Session.load``). The last line is one JSON object:

- ``peak_rss_mb_run``: peak resident memory after training (getrusage);
- ``peak_rss_mb_save``, ``peak_rss_mb_load``: the peak after saving and after
  opening the file (a peak never goes down, so each includes the ones before);
- ``steps_per_s_start`` / ``steps_per_s_end``: the median over the first and
  the last tenth of the chunks, as the run went;
- ``steps_per_s_fresh`` / ``steps_per_s_long``: after the run, a fresh session
  of the same lesson and the long-run session timed in alternating chunks
  (medians), so that a busy machine slows both alike: their ratio is what
  the run's length costs per step;
- ``metrics_mb``: what the metrics hold (``bytes_per_step`` times steps),
  ``history_mb``: the rewind history's own count;
- ``file_mb``, ``reopened``: the saved file's size, and whether it opened at
  the same step with every step's metrics.

BLAS is limited to one thread before numpy loads (see DESIGN section 4).
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nnviz.session import Session  # noqa: E402


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024      # Linux reports KiB


def current_rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="xor")
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=10_000, help="steps per timed chunk (default 10000)")
    args = parser.parse_args()

    s = Session.from_lesson(args.lesson)
    rates, done, next_report = [], 0, args.steps / 10
    t_start = time.perf_counter()
    while done < args.steps:
        n = min(args.chunk, args.steps - done)
        t0 = time.perf_counter()
        ran = s.run(n)
        rates.append(ran / (time.perf_counter() - t0))
        done += ran
        if ran < n:
            sys.exit(f"the run stopped at step {s.step}: {s.message}")
        if done >= next_report:
            next_report += args.steps / 10
            print(f"step {done:>9}  {rates[-1]:7.0f} steps/s  rss {current_rss_mb():6.1f} MB  "
                  f"peak {peak_rss_mb():6.1f} MB  {time.perf_counter() - t_start:6.0f} s", flush=True)
    tenth = max(1, len(rates) // 10)
    result = {"lesson": args.lesson, "steps": s.step, "peak_rss_mb_run": round(peak_rss_mb(), 1),
              "steps_per_s_start": round(statistics.median(rates[:tenth])),
              "steps_per_s_end": round(statistics.median(rates[-tenth:])),
              "metrics_mb": round(s.metrics.bytes_per_step * len(s.metrics) / 2**20, 1),
              "history_mb": round(s.history.nbytes / 2**20, 1), "history_steps": len(s.history)}
    fresh, times = Session.from_lesson(args.lesson), {"fresh": [], "long": []}
    for _ in range(10):
        for name, session in (("fresh", fresh), ("long", s)):
            t0 = time.perf_counter()
            session.run(args.chunk // 10)
            times[name].append(args.chunk // 10 / (time.perf_counter() - t0))
    result.update(steps_per_s_fresh=round(statistics.median(times["fresh"])),
                  steps_per_s_long=round(statistics.median(times["long"])))
    del fresh
    losses = s.metrics.test_loss.copy()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long-run.json"
        t0 = time.perf_counter()
        s.save(path)
        result.update(save_s=round(time.perf_counter() - t0, 1), file_mb=round(path.stat().st_size / 2**20, 1),
                      peak_rss_mb_save=round(peak_rss_mb(), 1))
        s_step = s.step
        del s
        t0 = time.perf_counter()
        try:
            again = Session.load(path)
        except ValueError as err:
            result.update(reopened=False, error=str(err))
        else:
            result.update(load_s=round(time.perf_counter() - t0, 1), peak_rss_mb_load=round(peak_rss_mb(), 1),
                          reopened=again.step == s_step and len(again.metrics) == s_step
                          and bool(np.array_equal(again.metrics.test_loss, losses, equal_nan=True)))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
