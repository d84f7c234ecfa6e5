"""Why an experiment file cannot be opened: the errors, their one-line form, and the reasons' templates.

A refusal is one :class:`ExperimentFileError` (a ValueError) whose message is
one line naming the file and the field path as it is written in the file::

    exp.json: config.hidden[1].size: must be a whole number from 1 to 4096, got 5000

The reason is an English template of the "ExperimentFile" context with named
fields (a :class:`~nnviz.data.messages.UserError`), so ``str(err)`` stays this
English line while the window shows the reason translated, the file name, the
field path and the values as they are. :class:`FieldError` is the same reason
before the file's name is known. The checks that raise them are in
:mod:`nnviz.session.validate`.
"""

import re
from pathlib import Path

from nnviz.data.messages import UserError, template

FALLBACK = "cannot be opened:"
"""Start of the reason given when an unforeseen error is caught at the boundary (see files.load_session)."""

_FIELD_MESSAGE = re.compile(r"^([A-Za-z_][\w.\[\]]*): (.+)$", re.DOTALL)

# The reasons a field is refused, translated when the window shows them (nnviz.ui.i18n.error_text).
_C = "ExperimentFile"
TOO_DEEP = template(_C, "lists and mappings nest more than {limit} levels deep")
NOT_WHOLE = template(_C, "must be a whole number from {low} to {high}, got {value}")
NOT_MAPPING = template(_C, "must be a mapping, got {kind}")
NOT_MAPPING_WITH = template(_C, "must be a mapping with {keys}, got {kind}")
UNKNOWN_FIELD = template(_C, "unknown field; allowed: {allowed}")
MISSING = template(_C, "missing")
MISSING_WITH = template(_C, "missing (stored with {present})")
MISSING_AMSGRAD = template(_C, "missing (amsgrad is on)")
ARRAY_NOT_MAPPING = template(_C, "not a valid stored array: must be a mapping of dtype, shape and base64, got {value}")
ARRAY_DTYPE = template(_C, "not a valid stored array: dtype {dtype} is not one of {dtypes}")
ARRAY_SHAPE = template(_C, "not a valid stored array: shape must be a list of 1 or 2 sizes, got {shape}")
ARRAY_WRONG_SHAPE = template(_C, "shape {shape}, but the network needs {needed}")
ARRAY_TOO_LARGE = template(_C, "not a valid stored array: shape {shape} is more than {limit} numbers")
ARRAY_CHARACTERS = template(_C, "not a valid stored array: base64 holds {count} characters; "
                                "shape {shape} of {dtype} needs {need}")
ARRAY_TEXT_KIND = template(_C, "not a valid stored array: base64 holds {kind}; shape {shape} of {dtype} needs {need}")
ARRAY_DAMAGED = template(_C, "not a valid stored array: base64 is damaged (not base64 text)")
ARRAY_BYTES = template(_C, "not a valid stored array: base64 holds {count} bytes; shape {shape} needs {need}")
NOT_FINITE = template(_C, "holds NaN or infinite values, but state.diverged is not true")
NOT_PCG64 = template(_C, "must be 'PCG64', got {value}")
NOT_BOOLEAN = template(_C, "must be true or false, got {value}")
ORDER_LENGTH = template(_C, "{count} indices stored, the training set has {n} samples "
                            "(was config.n_samples, config.test_ratio or the data changed?)")
ORDER_INDICES = template(_C, "must hold each training-sample index 0..{last} once")
ONE_SAMPLE_LEFT = template(_C, "{pos} leaves one sample for the next batch, and batch norm needs at least 2")
BUFFERS_LIST = template(_C, "must be a list of {count} mappings, one per layer")
NEGATIVE_VARIANCE = template(_C, "a variance cannot be negative")
OTHER_OPTIMIZER = template(_C, "{name}, but config.optimizer is {expected}")
NOT_FRACTION = template(_C, "must be a number from 0 up to (not including) 1, got {value}")
NEGATIVE_SQUARES = template(_C, "holds negative values; it is a running sum of squares")
METRICS_LENGTH = template(_C, "{count} steps of metrics stored, but state.step is {step}")
# The kinds of JSON value a {kind} field names (json_kind); null and true/false are JSON's own words.
KINDS = {template(_C, kind)[1] for kind in ("a number", "text", "a list", "a mapping")}


class _Reason(UserError):
    """What is wrong with a field: an English template of ``CONTEXT`` with its fields, or a plain text.

    ``message`` is a (context, template) pair from :func:`template`, or text
    that has no translation (a reason retold from elsewhere); :meth:`shown`
    translates the template and keeps the file name and the field path as they are.
    """

    def _set_reason(self, message, fields):
        self.fields = {name: one_line(value) for name, value in fields.items()}
        if isinstance(message, tuple):
            self.context, self.template = message
            self.reason = one_line(self.template.format(**self.fields))
        else:
            self.context, self.template, self.fields = None, None, {}
            self.reason = one_line(message)

    @property
    def message(self):
        """The (context, template) pair of the reason, or its plain text."""
        return self.reason if self.template is None else (self.context, self.template)

    def shown_reason(self, translate, isolate=lambda text: text):
        """The reason in the language of ``translate``, its fields through ``isolate``."""
        return self.reason if self.template is None else UserError.shown(self, translate, isolate)

    def _shown_field(self, name, value, translate, isolate):
        if name == "kind" and value in KINDS:
            return translate(_C, value)
        return super()._shown_field(name, value, translate, isolate)


class ExperimentFileError(_Reason):
    """An experiment file (or document) that cannot be opened; one line: ``name: field: reason``.

    ``path`` is the file as given (None for an in-memory document), ``field``
    the path of the bad field as written in the file (None for the whole
    file) and ``reason`` what is wrong with it: a (context, template) pair
    filled with ``fields`` (translated when shown), or plain text.
    """

    def __init__(self, path, field, reason, **fields):
        self.path = None if path is None else str(path)
        self.field = field
        self._set_reason(reason, fields)
        if len(self.reason) > 300:
            self._set_reason(self.reason[:300] + "…", {})
        self.name = Path(path).name if path is not None else "experiment"
        ValueError.__init__(self, ": ".join(part for part in (self.name, field, self.reason) if part))

    def _head(self):
        return self.path, self.field

    def shown(self, translate, isolate=lambda text: text):
        """``name: field: reason``, the reason translated, the name and the field kept left to right."""
        parts = (isolate(self.name), self.field and isolate(self.field), self.shown_reason(translate, isolate))
        return ": ".join(part for part in parts if part)


class FieldError(_Reason):
    """A bad field of a document, before the file's name is known: ``field: reason``.

    ``reason`` is a (context, template) pair filled with ``fields``, or plain text.
    """

    def __init__(self, field, reason, **fields):
        self.field = field
        self._set_reason(reason, fields)
        ValueError.__init__(self, f"{field}: {self.reason}")

    def _head(self):
        return (self.field,)

    def shown(self, translate, isolate=lambda text: text):
        """``field: reason``, the reason translated, the field kept left to right."""
        return f"{isolate(self.field)}: {self.shown_reason(translate, isolate)}"


def one_line(text):
    """``text`` with its line breaks and runs of spaces made single spaces."""
    return " ".join(str(text).split())


def split_field(message):
    """(field, reason) from a ``field: reason`` message, or (None, message)."""
    match = _FIELD_MESSAGE.match(one_line(message))
    return (match.group(1), match.group(2)) if match else (None, one_line(message))
