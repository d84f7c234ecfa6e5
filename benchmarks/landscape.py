"""Loss-landscape speed: one grid of the vanishing-gradient lesson's net, after its steps.

    python benchmarks/landscape.py [--resolution N] [--repeats R]

Times ``Session.loss_landscape`` (random and PCA directions) on the
vanishing-sigmoid lesson's net (2-8x8-1, 210 training points) after the
lesson's 200 steps, and prints the median seconds over the repeats and the
cost per grid point. The budget is 0.5 s for a 41 x 41 grid. Each grid point
is a whole-training-set forward pass with its own weights; the points are
stacked so each layer is one batched matmul per chunk of points.

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

BUDGET = 0.5


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolution", type=int, default=41)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    session = Session.from_lesson("vanishing-sigmoid")
    session.run(LESSONS["vanishing-sigmoid"].steps)
    points = args.resolution ** 2
    print(f"vanishing-sigmoid after {session.step} steps: {session.network.flat.size} parameters, "
          f"{len(session.prep.X_train)} training points, {args.resolution}x{args.resolution} grid")
    for directions in ("random", "pca"):
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            session.loss_landscape(directions=directions, resolution=args.resolution)
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        verdict = "within" if median <= BUDGET else "OVER"
        print(f"{directions:>6}: median {median:.3f} s ({median / points * 1e6:.0f} us per grid point), "
              f"{verdict} the {BUDGET} s budget")


if __name__ == "__main__":
    main()
