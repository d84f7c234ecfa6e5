"""The classroom setup locked with a password: stored as a salted hash, kept in the file, unlocked only by it."""

import json

import pytest

from nnviz.session import Session
from nnviz.session import classroom

SETUP = {"hidden_controls": ["rewind"], "locked_knobs": ["lr", "hidden"]}


def _locked(password="chalk"):
    s = Session({"dataset": "xor", "classroom": SETUP})
    classroom.lock(s, password)
    return s


def test_the_file_holds_a_salted_hash_not_the_password(tmp_path):
    s = _locked()
    lock = s.config["classroom"]["lock"]
    assert lock["kdf"] == "scrypt" and len(lock["salt"]) == 32 and len(lock["hash"]) == 64
    other = _locked().config["classroom"]["lock"]
    assert other["salt"] != lock["salt"] and other["hash"] != lock["hash"]      # a fresh salt each time
    s.save(tmp_path / "class.json")
    text = (tmp_path / "class.json").read_text()
    assert "chalk" not in text and lock["hash"] in text


def test_a_locked_setup_cannot_be_changed_or_undone():
    s = _locked()
    with pytest.raises(ValueError, match="locked with a password"):
        s.configure(classroom={"hidden_controls": [], "locked_knobs": []})
    with pytest.raises(ValueError, match="locked with a password"):
        s.undo_config()                                      # undoing the lock is a change of the setup too
    assert classroom.is_locked(s.config) and s.config["classroom"]["locked_knobs"] == ["lr", "hidden"]
    s.configure(noise=0.2)                                   # the rest of the experiment stays editable
    assert classroom.is_locked(s.config)


def test_only_the_password_unlocks():
    s = _locked()
    with pytest.raises(ValueError, match="wrong password"):
        classroom.unlock(s, "chalk ")
    assert classroom.is_locked(s.config)
    events = []
    s.subscribe(events.append)
    classroom.unlock(s, "chalk")
    assert not classroom.is_locked(s.config) and events == ["config"] and s.edited
    assert s.config["classroom"] == SETUP                    # the setup itself stays
    s.configure(classroom={"hidden_controls": [], "locked_knobs": []})


def test_the_lock_travels_in_the_experiment_file(tmp_path):
    path = tmp_path / "class.json"
    _locked("χαρτί").save(path)
    t = Session.load(path)
    assert classroom.is_locked(t.config)
    with pytest.raises(ValueError, match="locked"):
        t.configure(classroom=SETUP | {"locked_knobs": []})
    classroom.unlock(t, "χαρτί")
    assert not classroom.is_locked(t.config)


def test_an_empty_password_is_refused():
    with pytest.raises(ValueError, match="must not be empty"):
        classroom.lock(Session(), "")


@pytest.mark.parametrize("field, value, message", [
    ("n", 2**30, "lock.n: must be a whole number"),
    ("n", 3000, "lock.n: must be a power of 2"),
    ("salt", "xyz", "lock.salt: must be 16 bytes"),
    ("kdf", "md5", "lock.kdf"),
])
def test_a_bad_lock_in_a_file_is_named(tmp_path, field, value, message):
    path = tmp_path / "class.json"
    _locked().save(path)
    doc = json.loads(path.read_text())
    doc["config"]["classroom"]["lock"][field] = value
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=message):
        Session.load(path)
