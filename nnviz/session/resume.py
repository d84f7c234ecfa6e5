"""Saving in the middle of a step, and reopening exactly there.

A step is computed whole when it begins (see stepper.py) and its phases only
reveal it, so the state at the start of the shown step, plus the index of the
shown phase, determines everything the window shows: reopening restores that
boundary and replays the step's phases, which reproduces the same batch,
dropout masks, trace and update bit for bit (the rewind relies on the same
replay). The file also keeps the newest history snapshots before the save
point, so stepping back after reopening goes past the point where the file
was saved, as it would have in the saved window.

The experiment file holds the boundary as its "state" and the rest as
``"resume": {"phase": index, "history": [state, ...]}`` (files.py writes and
checks them; this module chooses and replays), and the learning rate and
penalty, clip limit and hidden dropout rates the shown step was computed with,
``"step": {"lr", "regularization", "clip_norm", "dropout"}``: a knob turned after
the step began applies from the next step, so the replay must use the step's own
(files written before the last two were kept replay with the config's). Before the update phase the
weights have not moved yet, so "state" is the start of the shown step; at the
update phase (where ``run`` leaves a session) "state" is the state after the
update, as without a shown step, and reopening shows that update again by
replaying the step before it from the history, as stepping back does.
"""

import dataclasses

from .history import take_snapshot

HISTORY_STEPS_IN_FILE = 50
"""At most this many snapshots before the save point go into the file ..."""
HISTORY_BYTES_IN_FILE = 4 * 2**20
"""... and at most this many bytes of them: a playground net keeps all 50 (2.5 KB each), a
64-128-64-10 net with Adam about 6 (0.6 MB each), so files stay small."""


def save_point(session):
    """(boundary snapshot, shown phase index, older snapshots oldest first, the step's settings).

    The phase index is -1 when no step is shown ("ready"): the boundary is
    then the live state and the settings None. Older snapshots are the
    history's, consecutive back from the boundary, for the optimizer in use.
    """
    rec, index = session.record, session.phase.index
    start = session.history.get(rec.index) if rec is not None else None
    if start is None or session.diverged:
        index = -1                      # nothing to replay (a diverged run reopens as it stopped)
    if 0 <= index < update_index(session):
        base = start                    # the weights are still those of the step's start
        if start.opt_name != session.optimizer.name:
            # the optimizer was changed during the step: its update starts the new one afresh
            base = dataclasses.replace(start, opt_name=session.optimizer.name, opt_t=0, opt_state={})
    else:                               # ready or update: the live state is a step boundary
        net = session.network
        net.sync_params()
        base = take_snapshot(session.step, net, session.optimizer, session._batch_rng, session._order,
                             session._pos, session.epoch)
    older, total, step = [], 0, base.step - 1
    while len(older) < HISTORY_STEPS_IN_FILE:
        snap = session.history.get(step)
        if snap is None or snap.opt_name != session.optimizer.name:
            break
        total += snap.nbytes
        if total > HISTORY_BYTES_IN_FILE:
            break
        older.append(snap)
        step -= 1
    settings = None
    if index >= 0:
        settings = {"lr": float(rec.lr), "regularization": dict(rec.regularization),
                    "clip_norm": float(rec.clip_norm), "dropout": [float(p) for p in rec.dropout]}
    return base, index, older[::-1], settings


def update_index(session):
    """The index of the update phase in a step's phase list."""
    return len(session._phases) - 1


def resume(session, phase_index, older, settings=None):
    """After the boundary was restored: put the older snapshots back and replay to the saved phase.

    ``settings`` ({"lr", "regularization", and optionally "clip_norm", "dropout"}) are those the shown
    step used.
    """
    for snap in older:                  # oldest first: a push forgets snapshots of later steps
        session.history.push(snap)
    if phase_index < 0:
        return
    last = update_index(session)
    if phase_index == last:
        session._restore(session.step - 1)           # show the update that led here, as stepping back does
    _begin_step_with(session, settings)
    session._index = 0
    if phase_index == last:
        session._apply_update()
        session._index = last
    else:
        for _ in range(phase_index):                 # the same path as stepping phase by phase in the window
            session._advance_phase()
    session._visible = None


def _begin_step_with(session, settings):
    """Begin the step (forward, backward) with the penalty, learning rate, clip limit and dropout rates
    it was shown with; the knobs as they are now are put back afterwards."""
    penalty = session.network.spec["regularization"]
    now = dict(penalty)
    config, hidden = session.config, session.network.layers[:-1]
    rates = [layer.get("dropout", 0.0) for layer in hidden]
    if settings:
        penalty.update(settings["regularization"])
        if settings.get("clip_norm") is not None:
            session.config = {**config, "clip_norm": settings["clip_norm"]}
        for layer, rate in zip(hidden, settings.get("dropout") or rates):
            layer["dropout"] = rate
    try:
        session._begin_step()
    finally:
        penalty.clear()
        penalty.update(now)
        session.config = config
        for layer, rate in zip(hidden, rates):
            layer["dropout"] = rate
    if settings:
        session._record.lr = settings["lr"]
