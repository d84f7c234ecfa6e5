"""Snapshots of the training state at step boundaries, for exact rewind.

A snapshot holds everything the next step depends on: the parameter vector,
batch-norm buffers, optimizer state, both random generators' states (dropout
and batch shuffling) and the position in the epoch. Restoring one and
replaying gives the same numbers bit for bit.

Memory per step is about ``(1 + m) * P * 8`` bytes for P parameters in
float64, where m is the number of optimizer state vectors (0 for plain SGD,
1 for momentum/Adagrad/RMSprop, 2 for Adam/AdamW/NAdam), plus about
``SNAPSHOT_OVERHEAD`` bytes of Python objects (generator states, dicts): for
a 2-8-8-1 net with Adam about 4.5 KB, for 64-128-64-10 about 0.6 MB. The
epoch's batch order is shared by the snapshots of one epoch and counted once.

The history keeps the newest ``max_steps`` snapshots within ``max_bytes``,
evicting the oldest. Snapshots arrive in step order (a rewind first forgets
the future it replaces), so pushing, evicting and forgetting are O(1) per
snapshot touched: a step never scans the whole history.
"""

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

MAX_HISTORY_STEPS = 100_000
"""The most snapshots a history may be asked to keep (``config.history_steps``)."""
MAX_HISTORY_MB = 4096
"""The most memory a history may be asked to use, in MiB (``config.history_mb``)."""
SNAPSHOT_OVERHEAD = 1700
"""Bytes of Python objects per snapshot besides its arrays' data: the two
generator states (dicts of big integers), the snapshot and its dicts, and one
numpy header per array. Measured with tracemalloc (a test keeps it honest)."""
ARRAY_OVERHEAD = 112
"""Bytes of one numpy array's header (its object), added per array held."""


def _copy_rng_state(state):
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in state.items()}


@dataclass(slots=True)
class Snapshot:
    step: int
    flat: np.ndarray
    buffers: list
    net_rng: dict
    opt_name: str
    opt_t: int
    opt_state: dict
    batch_rng: dict
    order: np.ndarray        # this epoch's permutation (shared, never modified)
    pos: int
    epoch: int

    @property
    def nbytes(self):
        """Bytes this snapshot holds on its own (the shared ``order`` is not included)."""
        arrays = [self.flat] + [v for b in self.buffers for v in b.values()]
        arrays += [v for v in self.opt_state.values() if isinstance(v, np.ndarray)]
        return sum(a.nbytes + ARRAY_OVERHEAD for a in arrays) + SNAPSHOT_OVERHEAD


def take_snapshot(step, net, opt, batch_rng, order, pos, epoch):
    # A generator's ``state`` property builds a fresh dict on every read: no copy needed.
    return Snapshot(step, net.flat.copy(), [{k: v.copy() for k, v in b.items()} for b in net.buffers],
                    net.rng.bit_generator.state, opt.name, opt.t,
                    {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in opt.state.items()},
                    batch_rng.bit_generator.state, order, pos, epoch)


def restore_snapshot(snap, net, opt, batch_rng):
    """Put net, optimizer and generators back; returns (order, pos, epoch)."""
    net.flat[...] = snap.flat
    for live, saved in zip(net.buffers, snap.buffers):
        for k, v in saved.items():
            live[k][...] = v
    net.rng.bit_generator.state = _copy_rng_state(snap.net_rng)
    if opt.name == snap.opt_name:
        opt.t = snap.opt_t
        opt.state = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in snap.opt_state.items()}
    else:                       # the optimizer was changed since: start it afresh
        opt.t, opt.state = 0, {}
    batch_rng.bit_generator.state = _copy_rng_state(snap.batch_rng)
    return snap.order, snap.pos, snap.epoch


class History:
    """Step-boundary snapshots by step number, in step order, newest kept within both bounds.

    ``nbytes`` counts every array a snapshot holds (its data and header), a
    measured allowance for its Python objects, and each distinct epoch order
    once however many snapshots share it.
    """

    def __init__(self, max_steps, max_bytes):
        self.max_steps, self.max_bytes = max_steps, max_bytes
        self._snaps = OrderedDict()
        self._sizes = {}                # step -> bytes counted for that snapshot
        self._orders = {}               # id(order) -> [array, snapshots sharing it]
        self._bytes = 0
        self.work = 0                   # snapshots touched so far (tests count it)

    def push(self, snap):
        """Add the snapshot of ``snap.step``, forgetting any of that step or later first."""
        self.drop_from(snap.step)
        self._add(snap)
        while len(self._snaps) > self.max_steps or (self._bytes > self.max_bytes and len(self._snaps) > 1):
            self._remove(self._snaps.popitem(last=False)[1])

    def get(self, step):
        return self._snaps.get(step)

    def drop_from(self, step):
        """Forget snapshots of this step and later (the future after a rewind is replayed).

        Only the snapshots forgotten are touched: they are the newest ones.
        """
        snaps = self._snaps
        while snaps and next(reversed(snaps)) >= step:
            self._remove(snaps.popitem(last=True)[1])

    def _add(self, snap):
        self.work += 1
        size = snap.nbytes
        self._snaps[snap.step] = snap
        self._sizes[snap.step] = size
        self._bytes += size
        if snap.order is not None:
            shared = self._orders.setdefault(id(snap.order), [snap.order, 0])
            shared[1] += 1
            if shared[1] == 1:
                self._bytes += snap.order.nbytes + ARRAY_OVERHEAD

    def _remove(self, snap):
        self.work += 1
        self._bytes -= self._sizes.pop(snap.step)
        if snap.order is not None:
            shared = self._orders[id(snap.order)]
            shared[1] -= 1
            if shared[1] == 0:
                del self._orders[id(snap.order)]
                self._bytes -= snap.order.nbytes + ARRAY_OVERHEAD

    def copy(self):
        """A history of the same snapshots and limits, to change on its own (snapshots are never
        modified, so the two share them)."""
        twin = History(self.max_steps, self.max_bytes)
        twin._snaps, twin._sizes = OrderedDict(self._snaps), dict(self._sizes)
        twin._orders = {key: list(shared) for key, shared in self._orders.items()}
        twin._bytes, twin.work = self._bytes, self.work
        return twin

    def clear(self):
        self._snaps.clear()
        self._sizes.clear()
        self._orders.clear()
        self._bytes = 0

    @property
    def oldest(self):
        return next(iter(self._snaps), None)

    @property
    def nbytes(self):
        return self._bytes

    def __len__(self):
        return len(self._snaps)
