"""Errors a user reads, kept translatable without Qt.

A :class:`UserError` is a ValueError whose text is an English template with
named fields, ``"row {row}, column {column}: {value} is not a number"``, and
the fields' values. ``str(err)`` is the English text, so callers and tests that
read the message keep working; the window shows it in its own language:

    translate(err.context, err.template).format(**err.fields)

(``err.shown(translate, isolate)`` does that, ``isolate`` keeping file names,
column names and numbers left to right in a right-to-left sentence).

Templates are declared once with :func:`template`, which records them in
:data:`TEMPLATES`; ``tools/update_translations.py`` reads that registry (they
are values, so lupdate cannot find them) and puts them in the ``.ts`` file.
"""

from __future__ import annotations

TEMPLATES: dict[tuple[str, str], None] = {}
"""Every declared (context, template), in declaration order: what the translation tool collects."""


def template(context: str, text: str) -> tuple[str, str]:
    """Declare the message ``text`` of ``context`` (a template with {named} fields); returns (context, text)."""
    TEMPLATES[(context, text)] = None
    return context, text


SYSTEM_CONTEXT = "SystemMessages"
SYSTEM_PHRASES = frozenset(template(SYSTEM_CONTEXT, text)[1] for text in (
    # what the operating system says of a file (errno's text) ...
    "Permission denied", "No space left on device", "Read-only file system", "Input/output error",
    "File name too long", "Too many levels of symbolic links", "Disk quota exceeded",
    "Operation not permitted", "Not a directory", "No such file or directory", "Is a directory",
    "Device or resource busy", "Stale file handle", "Too many open files", "File too large",
    # ... and Python's JSON reader of a document it cannot parse
    "Expecting value", "Expecting ',' delimiter", "Expecting ':' delimiter",
    "Expecting property name enclosed in double quotes", "Unterminated string starting at",
    "Invalid control character at", "Invalid \\escape", "Invalid \\uXXXX escape", "Extra data"))
"""English reasons from outside that messages quote in a field: shown translated, so a sentence
in the reader's language does not end in English (others are quoted as they are)."""


class UserError(ValueError):
    """A problem to show to the user: English ``template`` of ``context`` filled with ``fields``.

    ``message`` is a (context, template) pair from :func:`template`; the field
    values are turned into text here (quote names with ``repr`` before passing them).

    Subclasses that name where the problem is (a file, a field) put those
    arguments before ``message`` and return them from :meth:`_head`, so copies
    and pickles are rebuilt as ``cls(*head, message, **fields)``; they may
    translate a field's value in :meth:`_shown_field`.
    """

    def __init__(self, message: tuple[str, str], **fields):
        self.context, self.template = message
        self.fields = {name: str(value) for name, value in fields.items()}
        super().__init__(self.template.format(**self.fields))

    @property
    def message(self):
        """The (context, template) pair this error was made from."""
        return self.context, self.template

    def shown(self, translate, isolate=lambda text: text) -> str:
        """The message through ``translate(context, template)``, each field passed through ``isolate``."""
        return translate(self.context, self.template).format(
            **{name: self._shown_field(name, value, translate, isolate) for name, value in self.fields.items()})

    def _shown_field(self, name, value, translate, isolate):
        if value in SYSTEM_PHRASES:
            return translate(SYSTEM_CONTEXT, value)
        return isolate(value)

    def _head(self) -> tuple:
        """The arguments before ``message`` that rebuild this error (none here)."""
        return ()

    def __reduce__(self):               # copy and pickle rebuild from the template, not from the text
        return _rebuild, (type(self), self._head(), self.message, self.fields)


def _rebuild(cls, head, message, fields):
    return cls(*head, message, **fields)
