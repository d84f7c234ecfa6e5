"""The app keeps freed memory in the heap: a whole-set evaluation pass faults in no fresh pages.

Counted with the process's minor page faults, not timed: without the fixed
malloc thresholds each pass of an 8×64 net over 500 points faults in about
a thousand pages (its 256 KB arrays come from mmap every time).
"""

import os
import subprocess
import sys

SCRIPT = """
import resource
import nnviz.app
import numpy as np
from nnviz.engine import Network
spec = {"input_size": 2, "loss": "bce", "seed": 0,
        "layers": [{"size": 64, "activation": "tanh"}] * 8 + [{"size": 1, "activation": "sigmoid"}]}
net = Network.from_spec(spec)
X = np.random.default_rng(0).normal(size=(500, 2))
flats = net.flat[None].copy()
for _ in range(3):
    net.forward_many(X, flats)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(10):
    net.forward_many(X, flats)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    env.update(env_extra or {})
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def test_evaluation_passes_reuse_the_heap_once_the_app_is_imported():
    assert _faults() < 50                       # ten passes of 4 MB of temporaries each


def test_a_users_malloc_setting_is_left_alone():
    # The user's own (default-sized) threshold wins: the passes fault pages in again.
    assert _faults({"MALLOC_TRIM_THRESHOLD_": str(128 * 1024)}) > 1000
