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
bytes, so one file holds everything.

Opening checks every field before anything is built from it (validate.py)
and raises only ExperimentFileError, one line naming the file and the field.
Saving checks the same limits first, writes the new file beside the old one,
reads it back and checks it, then renames it over the old one: a crash, a
full disk or a refused document leaves the old file as it was, and a save
never writes a file that opening would refuse (see atomic_write.py).
"""

import base64
import json
import math
import stat
from pathlib import Path

import numpy as np

from nnviz.data.csv_import import CsvError
from nnviz.data.messages import template

from .atomic_write import atomic_write_bytes, atomic_write_text, output_mode  # writers of pictures import these here
from .config import validate_config
from .history import Snapshot, restore_snapshot
from .language import QT_TRANSLATE_NOOP, shown
from .resume import resume, save_point
from .file_errors import FALLBACK, MISSING, NOT_MAPPING, UNKNOWN_FIELD, ExperimentFileError, FieldError, split_field
from .validate import FLOAT_DTYPES, INT_DTYPES, MAX_FILE_BYTES, decode_state, json_kind, stored_array

FORMAT = "nnviz-experiment"
VERSION = 1
TOP_FIELDS = ("format", "version", "config", "state", "resume")

# What is wrong with the file as a whole, its envelope or its "resume" field (translated when shown).
_C = "ExperimentFile"
TOO_BIG_TO_SAVE = template(_C, "this experiment needs {size} MB, more than the {limit} MB an experiment file may "
                               "hold; nothing was written (save without the training state to keep the config)")
NOT_REGULAR = template(_C, "is not a regular file")
FILE_TOO_LARGE = template(_C, "file is {size} MB, more than the {limit} MB an experiment file may hold")
FILE_GREW = template(_C, "file grew beyond the {limit} MB an experiment file may hold while it was read")
NO_SUCH_FILE = template(_C, "no such file ({file})")
A_FOLDER = template(_C, "is a folder, not a file")
CANNOT_READ = template(_C, "cannot read it ({error})")
NOT_UTF8 = template(_C, "cannot read it: byte {offset} is not UTF-8 text")
NOT_JSON_AT = template(_C, "not valid JSON (line {line}, column {column}: {error})")
NOT_JSON = template(_C, "not valid JSON ({error})")
NESTS_TOO_DEEP = template(_C, "not an experiment file: lists or mappings nest hundreds of levels deep")
NESTS_DEEP = template(_C, "lists or mappings nest hundreds of levels deep")
NOT_EXPERIMENT = template(_C, "not an nnviz experiment file")
NO_VERSION = template(_C, "missing or not a whole number")
NEWER_VERSION = template(_C, "file version {version} is newer than this nnviz understands ({known}); "
                             "please update nnviz")
UNKNOWN_VERSION = template(_C, "{version} is not a known version")
NOT_MAPPING_OR_NULL = template(_C, "must be a mapping or null, got {kind}")
CANNOT_OPEN = template(_C, "cannot be opened ({error})")
UNFORESEEN = template(_C, FALLBACK + " {error}")
RESUME_MAPPING = template(_C, "must be a mapping with 'phase' and 'history' (and 'step')")
RESUME_PHASE = template(_C, "must be a whole number from -1 (ready) to {last}, got {value}")
RESUME_DIVERGED = template(_C, "a diverged run cannot be resumed in the middle of a step")
RESUME_HISTORY = template(_C, "must be a list of stored states (the update phase needs the state before its step)")
HISTORY_STEP = template(_C, "must be {expected}: the snapshots run up to state.step, one per step")
STEP_MAPPING = template(_C, "must be a mapping with 'lr' and 'regularization' (and 'clip_norm', 'dropout')")
NOT_POSITIVE = template(_C, "must be a finite number > 0, got {value}")
NOT_PENALTY = template(_C, "must be {{'kind': none, l1 or l2, 'rate': a number}}")
NEGATIVE = template(_C, "must be a finite number >= 0, got {value}")
NOT_DROPOUT = template(_C, "must be a list of {count} rates from 0 to below 1, one per hidden layer, got {value}")


def encode_array(a):
    a = np.ascontiguousarray(a)
    return {"dtype": a.dtype.str, "shape": list(a.shape), "base64": base64.b64encode(a.tobytes()).decode("ascii")}


def decode_array(obj, field):
    """A stored array back as numpy; a ValueError names the field and what is wrong (validate.stored_array)."""
    return stored_array(obj, field, FLOAT_DTYPES + INT_DTYPES)


def session_to_dict(session, weights=True):
    """The experiment document; with weights, the training state and what resuming needs (resume.py).

    Saved while a step is shown, "state" is the start of that step and
    "resume" says which phase to replay to; it also holds the newest history
    snapshots before that, so a reopened run can step back past the save point.
    """
    doc = {"format": FORMAT, "version": VERSION, "config": _jsonable(session.config)}
    if weights:
        base, phase, older, settings = save_point(session)
        doc["state"] = {**_snapshot_doc(base), "metrics": _metrics_upto(session, base.step),
                        "diverged": session.diverged}
        if phase >= 0 or older:
            doc["resume"] = {"phase": phase, "history": [_snapshot_doc(snap) for snap in older]}
            if settings is not None:
                doc["resume"]["step"] = settings
    return doc


def _snapshot_doc(snap):
    """A history snapshot (the state at a step boundary) in the file's "state" layout, without metrics."""
    return {"step": snap.step, "epoch": snap.epoch, "pos": snap.pos,
            "order": None if snap.order is None else encode_array(snap.order),
            "params": encode_array(snap.flat),
            "buffers": [{k: encode_array(v) for k, v in b.items()} for b in snap.buffers],
            "net_rng": snap.net_rng, "batch_rng": snap.batch_rng,
            "optimizer": {"name": snap.opt_name, "t": snap.opt_t,
                          "state": {k: encode_array(v) if isinstance(v, np.ndarray) else v
                                    for k, v in snap.opt_state.items()}}}


def _metrics_upto(session, steps, stored=None):
    """The metrics of the first ``steps`` steps, as stored in a file (from the session's or a stored mapping)."""
    scratch = type(session.metrics)(session.network.n_layers)
    scratch.load_state(session.metrics.state() if stored is None else stored)
    scratch.truncate(steps)
    return scratch.state()


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def save_session(session, path, weights=True):
    """Write the experiment to path, or raise leaving the old file as it was.

    The document must fit the limits that opening checks (validate.py): a
    run too large for one file is refused with ExperimentFileError before
    anything is written, and the written bytes are read back and checked
    against the session before they replace the old file.
    """
    data = json.dumps(session_to_dict(session, weights), allow_nan=True, indent=1).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise ExperimentFileError(path, None, TOO_BIG_TO_SAVE, size=f"{len(data) / 2**20:.0f}",
                                  limit=f"{MAX_FILE_BYTES / 2**20:.0f}")

    def check(written):
        doc = parse_document(written, path)
        try:
            validate_config(doc["config"])
            if doc.get("state") is not None:
                decode_state(doc["state"], session)
            if doc.get("resume") is not None:
                _resume_parts(session, doc["resume"], doc["state"])
        except ValueError as err:
            raise _file_error(path, err, "state") from None

    atomic_write_bytes(path, data, check)


def read_document(path):
    """Read, parse and check the envelope of an experiment file; ExperimentFileError says what is wrong."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):          # a pipe or a device could be read forever
            raise ExperimentFileError(path, None, NOT_REGULAR)
        if info.st_size > MAX_FILE_BYTES:
            raise ExperimentFileError(path, None, FILE_TOO_LARGE, size=f"{info.st_size / 2**20:.0f}",
                                      limit=f"{MAX_FILE_BYTES / 2**20:.0f}")
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ExperimentFileError(path, None, FILE_GREW, limit=f"{MAX_FILE_BYTES / 2**20:.0f}")
    except FileNotFoundError:
        raise ExperimentFileError(path, None, NO_SUCH_FILE, file=path) from None
    except IsADirectoryError:
        raise ExperimentFileError(path, None, A_FOLDER) from None
    except OSError as err:
        raise ExperimentFileError(path, None, CANNOT_READ, error=err.strerror or err) from None
    return parse_document(data, path)


def parse_document(data, path):
    """The experiment document in ``data`` (bytes of a file named path), its envelope checked."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ExperimentFileError(path, None, NOT_UTF8, offset=err.start) from None
    except json.JSONDecodeError as err:
        raise ExperimentFileError(path, None, NOT_JSON_AT, line=err.lineno, column=err.colno, error=err.msg) from None
    except RecursionError:
        raise ExperimentFileError(path, None, NESTS_TOO_DEEP) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExperimentFileError(path, "format", NOT_EXPERIMENT)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExperimentFileError(path, "version", NO_VERSION)
    if version > VERSION:
        raise ExperimentFileError(path, "version", NEWER_VERSION, version=version, known=VERSION)
    if version < 1:
        raise ExperimentFileError(path, "version", UNKNOWN_VERSION, version=version)
    extra = sorted(set(doc) - set(TOP_FIELDS))
    if extra:
        raise ExperimentFileError(path, extra[0], UNKNOWN_FIELD, allowed=", ".join(TOP_FIELDS))
    if "config" not in doc:
        raise ExperimentFileError(path, "config", MISSING)
    if not isinstance(doc["config"], dict):
        raise ExperimentFileError(path, "config", NOT_MAPPING, kind=json_kind(doc["config"]))
    if doc.get("state") is not None and not isinstance(doc["state"], dict):
        raise ExperimentFileError(path, "state", NOT_MAPPING_OR_NULL, kind=json_kind(doc["state"]))
    return doc


def load_session(cls, path):
    """Open an experiment file; raises only ExperimentFileError (one line naming the file and field).

    Every field is checked before it is used, so the last clause below is
    the boundary's guarantee, not the way errors are normally reported: a
    document that still trips an unforeseen error is refused too.
    """
    return only_file_errors(path, lambda: session_from_document(cls, read_document(path), path))


def only_file_errors(path, build):
    """``build()``, letting only ExperimentFileError (naming path) come out of it.

    A ValueError becomes one, its ``field: reason`` kept; an unforeseen error
    that a bad document could still trip becomes one starting with FALLBACK.
    """
    try:
        return build()
    except ExperimentFileError:
        raise
    except ValueError as err:
        raise _file_error(path, err, None) from None
    except OSError as err:                      # e.g. a data file the experiment needs cannot be read
        raise ExperimentFileError(path, None, CANNOT_OPEN, error=err.strerror or err) from None
    except (ArithmeticError, AttributeError, IndexError, KeyError, LookupError, MemoryError, RecursionError,
            TypeError) as err:
        raise ExperimentFileError(path, None, UNFORESEEN, error=f"{type(err).__name__}: {err}") from None


def session_from_config_text(cls, text, origin):
    """A session from a config kept as JSON text outside a file (the window's unsaved last experiment).

    The same checks and the same single error as opening a file, with
    ``origin`` (e.g. "last experiment") in place of the file name.
    """
    def build():
        try:
            config = json.loads(text)
        except json.JSONDecodeError as err:
            raise ExperimentFileError(origin, None, NOT_JSON, error=err.msg) from None
        except RecursionError:
            raise ExperimentFileError(origin, None, NESTS_DEEP) from None
        if not isinstance(config, dict):
            raise ExperimentFileError(origin, "config", NOT_MAPPING, kind=json_kind(config))
        return session_from_document(cls, {"config": config}, origin)
    return only_file_errors(origin, build)


def _file_error(path, err, default_field):
    """ExperimentFileError for a ``field: reason`` ValueError raised while reading path."""
    if isinstance(err, ExperimentFileError):
        return err
    if isinstance(err, FieldError):
        return ExperimentFileError(path, err.field, err.message, **err.fields)
    field, reason = split_field(str(err))
    return ExperimentFileError(path, field or default_field, reason)


def session_from_document(cls, doc, path=None):
    """A session from an experiment document (as :func:`session_to_dict` makes).

    ``path`` names the file in errors (ExperimentFileError); the config is
    checked and the session built before the state is checked against it.
    """
    try:
        session = cls(doc["config"])
    except ValueError as err:
        raise _config_error(path, doc["config"], err) from None
    if doc.get("state") is not None:
        try:
            _restore_state(session, doc["state"])
        except ValueError as err:
            raise _file_error(path, err, "state") from None
        if doc.get("resume") is not None:
            try:
                phase, older, settings = _resume_parts(session, doc["resume"], doc["state"])
            except ValueError as err:
                raise _file_error(path, err, "resume") from None
            resume(session, phase, older, settings)
    return session


def _resume_parts(session, value, state):
    """Check the "resume" field against the restored session: (phase index, older snapshots, step settings)."""
    if not isinstance(value, dict) or not {"phase", "history"} <= set(value) <= {"phase", "history", "step"}:
        raise FieldError("resume", RESUME_MAPPING)
    phase, history = value["phase"], value["history"]
    last = len(session._phases) - 1
    if isinstance(phase, bool) or not isinstance(phase, int) or not -1 <= phase <= last:
        raise FieldError("resume.phase", RESUME_PHASE, last=last, value=repr(phase))
    if phase >= 0 and session.diverged:
        raise FieldError("resume.phase", RESUME_DIVERGED)
    if not isinstance(history, list) or (phase == last and not history):
        raise FieldError("resume.history", RESUME_HISTORY)
    older = []
    for i, entry in enumerate(history):
        field = f"resume.history[{i}]"
        expected = session.step - len(history) + i
        if not isinstance(entry, dict) or entry.get("step") != expected:
            raise FieldError(f"{field}.step", HISTORY_STEP, expected=expected)
        s = decode_state(entry, session, field, with_metrics=False)
        older.append(Snapshot(s["step"], s["params"], s["buffers"], s["net_rng"], s["opt_name"], s["opt_t"],
                              s["opt_state"], s["batch_rng"], s["order"], s["pos"], s["epoch"]))
    return phase, older, _step_settings(value.get("step"), phase, len(session.config["hidden"]))


def _step_settings(value, phase, n_hidden):
    """The learning rate, penalty, and (newer files) clip limit and hidden dropout rates the shown step
    used ("resume.step"), or None at ready."""
    if value is None or phase < 0:
        return None
    if not isinstance(value, dict) or not {"lr", "regularization"} <= set(value) <= {"lr", "regularization",
                                                                                  "clip_norm", "dropout"}:
        raise FieldError("resume.step", STEP_MAPPING)
    knobs = _step_knobs(value, n_hidden)
    lr, penalty = value["lr"], value["regularization"]
    if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr <= 0:
        raise FieldError("resume.step.lr", NOT_POSITIVE, value=repr(lr))
    if not isinstance(penalty, dict) or set(penalty) != {"kind", "rate"} or penalty["kind"] not in ("none", "l1", "l2"):
        raise FieldError("resume.step.regularization", NOT_PENALTY)
    rate = penalty["rate"]
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not math.isfinite(rate) or rate < 0:
        raise FieldError("resume.step.regularization.rate", NEGATIVE, value=repr(rate))
    return {"lr": float(lr), "regularization": {"kind": penalty["kind"], "rate": float(rate)}, **knobs}


def _step_knobs(value, n_hidden):
    """The clip limit and hidden dropout rates of "resume.step" (absent in older files: {})."""
    knobs = {}
    if "clip_norm" in value:
        clip = value["clip_norm"]
        if isinstance(clip, bool) or not isinstance(clip, (int, float)) or not math.isfinite(clip) or clip < 0:
            raise FieldError("resume.step.clip_norm", NEGATIVE, value=repr(clip))
        knobs["clip_norm"] = float(clip)
    if "dropout" in value:
        rates = value["dropout"]
        if (not isinstance(rates, list) or len(rates) != n_hidden
                or any(isinstance(r, bool) or not isinstance(r, (int, float)) or not 0 <= r < 1 for r in rates)):
            raise FieldError("resume.step.dropout", NOT_DROPOUT, count=n_hidden, value=repr(rates))
        knobs["dropout"] = [float(r) for r in rates]
    return knobs


def _config_error(path, config, err):
    """The error of building a session from config, naming a field of the config."""
    if isinstance(err, ExperimentFileError):
        return err
    if isinstance(err, CsvError) and isinstance(config.get("csv"), dict):
        return ExperimentFileError(path, "config.csv.path", f"{config['csv'].get('path')}: {err}")
    return _file_error(path, err, "config")


def copy_session(session):
    """An independent session at the same config, weights, training state and shown phase (see resume.py).

    The copy has no listeners; its lesson is the original's.
    """
    copy = session_from_document(type(session), session_to_dict(session, weights=True))
    copy.lesson = getattr(session, "lesson", None)
    return copy


def _restore_state(session, state):
    """Check the stored state against the built session (validate.decode_state), then adopt it."""
    net, opt = session.network, session.optimizer
    s = decode_state(state, session)
    snap = Snapshot(s["step"], s["params"], s["buffers"], s["net_rng"], s["opt_name"], s["opt_t"],
                    s["opt_state"], s["batch_rng"], s["order"], s["pos"], s["epoch"])
    session._order, session._pos, session.epoch = restore_snapshot(snap, net, opt, session._batch_rng)
    session._steps_done = snap.step
    session.metrics.load_state(s["metrics"])
    session.metrics.truncate(snap.step)
    if s["diverged"]:
        session.diverged = True
        session.message = shown("Session", QT_TRANSLATE_NOOP(
            "Session", "This run diverged at step {0}: its weights are NaN or infinite. "
                       "Reset, then lower the learning rate, clip gradients or shrink the initial weights.")
        ).format(snap.step)
    session._notify("rebuild")
