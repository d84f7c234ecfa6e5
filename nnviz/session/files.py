"""Experiment files: versioned JSON holding the config and, optionally, the training state.

Layout (version 1)::

    {"format": "nnviz-experiment", "version": 1,
     "config": {...},                       # validate_config's fields
     "state": {                             # optional: resume exactly where the run was
        "step": 120, "epoch": 4, "pos": 30, "order": <array>,
        "params": <array>, "buffers": [{name: <array>}], "net_rng": {...}, "batch_rng": {...},
        "optimizer": {"name": "adam", "t": 120, "state": {name: <array> or number}},
        "metrics": {series: [...]}}}

Arrays are stored as {"dtype", "shape", "base64"} of their little-endian
bytes, so one file holds everything. Saving writes a temporary file beside
the target and renames it over, so a crash never leaves a half-written file.
"""

import base64
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from .history import Snapshot, restore_snapshot

FORMAT = "nnviz-experiment"
VERSION = 1
MAX_FILE_BYTES = 200 * 2**20


def encode_array(a):
    a = np.ascontiguousarray(a)
    return {"dtype": a.dtype.str, "shape": list(a.shape), "base64": base64.b64encode(a.tobytes()).decode("ascii")}


def decode_array(obj, field):
    try:
        dtype = np.dtype(obj["dtype"])
        if dtype.kind not in "fiub":
            raise ValueError
        data = np.frombuffer(base64.b64decode(obj["base64"], validate=True), dtype=dtype)
        return data.reshape(obj["shape"]).copy()
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"{field}: not a valid stored array ({err or 'bad dtype'})") from None


def session_to_dict(session, weights=True):
    doc = {"format": FORMAT, "version": VERSION, "config": _jsonable(session.config)}
    if weights:
        net, opt = session.network, session.optimizer
        doc["state"] = {
            "step": session.step, "epoch": session.epoch, "pos": session._pos,
            "order": None if session._order is None else encode_array(session._order),
            "params": encode_array(net.flat),
            "buffers": [{k: encode_array(v) for k, v in b.items()} for b in net.buffers],
            "net_rng": net.rng.bit_generator.state, "batch_rng": session._batch_rng.bit_generator.state,
            "optimizer": {"name": opt.name, "t": opt.t,
                          "state": {k: encode_array(v) if isinstance(v, np.ndarray) else v
                                    for k, v in opt.state.items()}},
            "metrics": session.metrics.state(),
        }
    return doc


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def atomic_write_bytes(path, data):
    """Write bytes to path via a temporary file in the same folder and a rename.

    Either the whole new file is there afterwards or, on any error, the old one
    (or none): the temporary file is removed.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), output_mode(path))    # mkstemp's file is private; the output is not
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def output_mode(path):
    """Permissions for a file written to ``path``: the old file's, else those of a new file (umask)."""
    try:
        return Path(path).stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write_text(path, text):
    """Write text (UTF-8) to path as :func:`atomic_write_bytes` does."""
    atomic_write_bytes(path, text.encode("utf-8"))


def save_session(session, path, weights=True):
    text = json.dumps(session_to_dict(session, weights), allow_nan=True, indent=1)
    atomic_write_text(path, text)


def read_document(path):
    """Parse and check the envelope of an experiment file; ValueError says what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(f"{path.name}: file is {size / 2**20:.0f} MB, more than an experiment file can be")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read it ({err})") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{path.name}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{path.name}: format: not an nnviz experiment file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(f"{path.name}: version: missing or not a whole number")
    if version > VERSION:
        raise ValueError(f"{path.name}: version: file version {version} is newer than this nnviz "
                         f"understands ({VERSION}); please update nnviz")
    if version < 1:
        raise ValueError(f"{path.name}: version: {version} is not a known version")
    if "config" not in doc:
        raise ValueError(f"{path.name}: config: missing")
    return doc


def load_session(cls, path):
    return session_from_document(cls, read_document(path), Path(path).name)


def session_from_document(cls, doc, name="experiment"):
    """A session from an experiment document (as :func:`session_to_dict` makes); ``name`` prefixes errors."""
    try:
        session = cls(doc["config"])
    except ValueError as err:
        raise ValueError(f"{name}: {err}") from None
    if doc.get("state") is not None:
        try:
            _restore_state(session, doc["state"])
        except KeyError as err:
            raise ValueError(f"{name}: state: missing field {err}") from None
        except (TypeError, ValueError) as err:
            message = str(err) if str(err).startswith("state") else f"state: {err}"
            raise ValueError(f"{name}: {message}") from None
    return session


def copy_session(session):
    """An independent session at the same config, weights and training state (at a step boundary).

    The copy has no listeners; its lesson is the original's.
    """
    copy = session_from_document(type(session), session_to_dict(session, weights=True))
    copy.lesson = getattr(session, "lesson", None)
    return copy


def _restore_state(session, state):
    net, opt = session.network, session.optimizer
    flat = decode_array(state["params"], "state.params")
    if flat.shape != net.flat.shape:
        raise ValueError(f"state.params: {flat.size} numbers stored, the network has {net.flat.size}")
    buffers = [{k: decode_array(v, f"state.buffers[{i}].{k}") for k, v in b.items()}
               for i, b in enumerate(state["buffers"])]
    if [set(b) for b in buffers] != [set(b) for b in net.buffers]:
        raise ValueError("state.buffers: do not match the network's batch-norm layers")
    opt_doc = state["optimizer"]
    opt_state = {k: decode_array(v, f"state.optimizer.state.{k}") if isinstance(v, dict) else v
                 for k, v in opt_doc["state"].items()}
    order = None if state["order"] is None else decode_array(state["order"], "state.order")
    snap = Snapshot(int(state["step"]), flat, buffers, state["net_rng"], opt_doc["name"], int(opt_doc["t"]),
                    opt_state, state["batch_rng"], order, int(state["pos"]), int(state["epoch"]))
    session._order, session._pos, session.epoch = restore_snapshot(snap, net, opt, session._batch_rng)
    session._steps_done = snap.step
    session.metrics.load_state(state.get("metrics", {}))
    session.metrics.truncate(snap.step)
    session._notify("rebuild")
