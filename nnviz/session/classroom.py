"""The classroom setup's password lock: hidden controls and locked knobs that students cannot undo.

The setup itself is part of the config (``classroom``: ``hidden_controls``,
``locked_knobs``). A lecturer can lock it with a password: the config then
holds ``classroom.lock``, a salted scrypt hash of the password (never the
password), and the session refuses any change of the classroom section until
:func:`unlock` is given the same password. The hash travels in the
experiment file, so the handout a student opens is locked too.

scrypt with n = 2**14, r = 8 (16 MB, a few tens of milliseconds) makes
guessing slow; a file's own cost parameters are bounded when it is opened,
so a crafted file cannot make opening it take minutes or gigabytes.
"""

import hashlib
import hmac
import os

KDF = "scrypt"
COST = {"n": 2**14, "r": 8, "p": 1}
_SALT_BYTES, _HASH_BYTES = 16, 32
_LIMITS = {"n": (2**10, 2**16), "r": (1, 16), "p": (1, 4)}


def _digest(password, salt, n, r, p):
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**27, dklen=_HASH_BYTES)


def make_lock(password):
    """A new lock for ``password``: {"kdf", "n", "r", "p", "salt", "hash"} (hex strings), with a fresh salt."""
    if not isinstance(password, str) or not password:
        raise ValueError("config.classroom.lock: the password must not be empty")
    salt = os.urandom(_SALT_BYTES)
    return {"kdf": KDF, **COST, "salt": salt.hex(), "hash": _digest(password, salt, **COST).hex()}


def verify(lock, password):
    """True when ``password`` is the one the lock was made with (compared in constant time)."""
    expected = bytes.fromhex(lock["hash"])
    actual = _digest(password, bytes.fromhex(lock["salt"]), lock["n"], lock["r"], lock["p"])
    return hmac.compare_digest(expected, actual)


def check_lock(lock):
    """A stored lock, checked (the config's validation calls this); ValueError names the field."""
    field = "config.classroom.lock"
    keys = ("kdf", "n", "r", "p", "salt", "hash")
    if not isinstance(lock, dict) or set(lock) != set(keys):
        raise ValueError(f"{field}: must be a mapping with {', '.join(keys)}")
    if lock["kdf"] != KDF:
        raise ValueError(f"{field}.kdf: must be {KDF!r}, got {lock['kdf']!r}")
    for key, (low, high) in _LIMITS.items():
        value = lock[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{field}.{key}: must be a whole number from {low} to {high}, got {value!r}")
    if lock["n"] & (lock["n"] - 1):
        raise ValueError(f"{field}.n: must be a power of 2, got {lock['n']}")
    for key, size in (("salt", _SALT_BYTES), ("hash", _HASH_BYTES)):
        value = lock[key]
        try:
            ok = isinstance(value, str) and len(bytes.fromhex(value)) == size
        except ValueError:
            ok = False
        if not ok:
            raise ValueError(f"{field}.{key}: must be {size} bytes written as {2 * size} hex digits")
    return dict(lock)


def is_locked(config):
    return config["classroom"].get("lock") is not None


def check_change(old, new):
    """Refuse a change of the classroom section of a locked config (Session.configure calls this)."""
    if is_locked(old) and new["classroom"] != old["classroom"]:
        raise ValueError("config.classroom: the classroom setup is locked with a password; unlock it first")


def lock(session, password):
    """Lock the session's classroom setup with ``password`` (a locked one must be unlocked first)."""
    if is_locked(session.config):
        raise ValueError("config.classroom: already locked; unlock it first")
    session.configure(classroom={**session.config["classroom"], "lock": make_lock(password)})


def unlock(session, password):
    """Remove the lock when ``password`` is right; a wrong one raises ValueError and changes nothing."""
    current = session.config["classroom"].get("lock")
    if current is None:
        return
    if not verify(current, password):
        raise ValueError("config.classroom: wrong password; the classroom setup stays locked")
    # not through configure, whose guard refuses any change of a locked setup, nor undoable:
    # undoing it would only lock again
    unlocked = {k: v for k, v in session.config["classroom"].items() if k != "lock"}
    session.config = {**session.config, "classroom": unlocked}
    session.edited = True
    session._notify("config")
