"""What the window remembers about experiments between runs: recent files and the last experiment.

Both live in the window's QSettings:

* ``files/recent``: the experiment files opened or saved, newest first, at
  most ``MAX_RECENT``;
* ``session/last_kind`` and ``session/last_value``: what was open when the
  window closed -- ``"file"`` and its path, ``"lesson"`` and its id, or
  ``"config"`` and the experiment's config as JSON (an unsaved experiment:
  a CSV import, drawn points, File → New).

``last_experiment`` turns the stored value back into a session; anything
missing or unreadable gives the demo lesson, so a first run (or a broken
setting) always starts clean.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6 import QtCore

from nnviz.session import LESSONS, ExperimentFileError, Session, experiment_from_config_text, load_experiment
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import error_text, formula, translate

MAX_RECENT = 8
REOPENED = QT_TRANSLATE_NOOP("RecentFiles", "Reopened {path}")
RESTORED = QT_TRANSLATE_NOOP("RecentFiles", "Restored the last experiment (not saved to a file)")
NOT_REOPENED = QT_TRANSLATE_NOOP("RecentFiles",
                                 "Could not reopen the last experiment ({reason}); showing the demo lesson")


def recent_files(settings: QtCore.QSettings) -> list[str]:
    value = settings.value("files/recent")
    if value is None:
        return []
    if isinstance(value, str):          # QSettings gives one entry back as a plain string
        value = [value]
    return [str(v) for v in value if v][:MAX_RECENT]


def add_recent(settings: QtCore.QSettings, path: str) -> list[str]:
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("files/recent", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def remove_recent(settings: QtCore.QSettings, path: str) -> None:
    settings.setValue("files/recent", [p for p in recent_files(settings) if p != str(path)])


def remember_experiment(settings: QtCore.QSettings, session: Session, path: str | None) -> None:
    """Store what to reopen next time: the file, else the lesson, else the config."""
    if path:
        kind, value = "file", str(Path(path).resolve())
    elif session.lesson is not None and session.config == Session.from_lesson(session.lesson.id).config:
        kind, value = "lesson", session.lesson.id
    else:
        try:
            kind, value = "config", json.dumps(session.config)
        except (TypeError, ValueError):
            kind, value = "", ""
    settings.setValue("session/last_kind", kind)
    settings.setValue("session/last_value", value)


def last_experiment(settings: QtCore.QSettings, demo_lesson: str) -> tuple[Session, str | None, str]:
    """``(session, path or None, message)`` of the experiment open when the window last closed.

    Nothing stored, a file gone or broken, an unknown lesson: the demo lesson,
    with a message saying why when something was stored.
    """
    kind = settings.value("session/last_kind")
    value = settings.value("session/last_value")
    try:
        if kind == "file" and value:
            reopened = translate("RecentFiles", REOPENED).format(path=formula(str(value)))
            return load_experiment(str(value)), str(value), reopened
        if kind == "lesson" and value in LESSONS:
            return Session.from_lesson(str(value)), None, ""
        if kind == "config" and value:
            return experiment_from_config_text(str(value)), None, translate("RecentFiles", RESTORED)
    except ExperimentFileError as err:      # the only error a stored experiment can raise
        return (Session.from_lesson(demo_lesson), None,
                translate("RecentFiles", NOT_REOPENED).format(reason=error_text(err)))
    return Session.from_lesson(demo_lesson), None, ""
