"""Refresh the translation sources and compile them: ``python tools/update_translations.py``.

1. ``pyside6-lupdate`` collects every string marked in nnviz/ — ``self.tr(...)``,
   ``QCoreApplication.translate(context, ...)`` and ``QT_TRANSLATE_NOOP(context, ...)`` —
   plus the session's data strings (lesson titles, texts, "Watch" lines and
   comparison labels; the health labels and "diverged"; the data sets' names, descriptions, noise
   help, tasks and the words naming their inputs and targets; the templates of the errors a user reads,
   declared with ``nnviz.data.messages.template``: CSV import problems, refused edits), which it cannot
   find by itself because they are values, not calls. They are written as ``QT_TRANSLATE_NOOP`` calls
   to a temporary file that lupdate reads with the sources, so a rewritten or
   new lesson is picked up by the next run. The result is merged into
   ``resources/translations/nnviz_<lang>.ts``: new strings arrive unfinished,
   strings that left the code are dropped.
2. Translate the unfinished entries (Qt Linguist, ``pyside6-linguist``, or any editor).
3. Run this again: ``pyside6-lrelease`` compiles the ``.ts`` into the ``.qm`` the app loads.

``--check`` changes nothing: it lists strings of the code without a finished
translation, translations whose placeholders differ from their source, a
``.qm`` that is not the compiled ``.ts``, and translation calls lupdate cannot
read (inside or of an f-string); exit status 1 if there is any.
Locations are not stored (``-locations none``) so that moving code does not
churn the ``.ts``; the context (the class name) says where a string belongs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TARGETS = ("fa",)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")

sys.path.insert(0, str(ROOT))


def tool(name: str) -> str:
    """Path of a PySide6 tool: beside this Python first (a venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this Python")
    return found


def session_strings() -> str:
    """Python source marking the session's data strings, one QT_TRANSLATE_NOOP call a line."""
    from nnviz.data import DATASETS, make_dataset
    from nnviz.data.messages import TEMPLATES       # filled as the modules declaring them are imported
    from nnviz.session import LESSONS
    from nnviz.session.health import LABELS
    from nnviz.session import model_file_errors  # noqa: F401 - a PyTorch file's errors, declared without torch

    lines = []
    for lesson in LESSONS.values():
        for text in (lesson.title, lesson.text, lesson.watch, lesson.compare_label):
            if text:
                lines.append(f"QT_TRANSLATE_NOOP('Lesson', {text!r})")
    lines += [f"QT_TRANSLATE_NOOP('Health', {label!r})" for label in (*LABELS, "diverged")]
    for name, info in DATASETS.items():
        lines += [f"QT_TRANSLATE_NOOP('Dataset', {text!r})" for text in (name, info.description, info.noise_help)
                  if text]
    lines += [f"QT_TRANSLATE_NOOP('Dataset', {task!r})" for task in sorted({i.task for i in DATASETS.values()})]
    names = set()                       # words that name a built-in set's inputs and target ("size", "price")
    for name in DATASETS:
        ds = make_dataset(name, n=4)
        names.update(w for w in (*ds.feature_names, ds.target_name) if len(w) > 2 and w.isalpha())
    lines += [f"QT_TRANSLATE_NOOP('Dataset', {w!r})" for w in sorted(names)]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in TEMPLATES]
    return "\n".join(lines) + "\n"


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "nnviz").rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts: Path, lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "session_strings.py"
        extra.write_text(session_strings(), encoding="utf-8")
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", lang,
                        *sources(), str(extra), "-ts", str(ts)], check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) -> (translation type or None when finished, translation text)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            kind = None if node is None else node.get("type")
            text = "" if node is None else (node.text or "")
            out[(name, message.findtext("source", ""))] = (kind if text else "unfinished", text)
    return out


_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def unseen_calls(files=None) -> list[str]:
    """Translation calls lupdate cannot read: inside an f-string, of an f-string, tr(context, text), x.tr().

    lupdate reads string literals only. A call on a variable is fine when its
    strings are marked elsewhere (the session's strings above), so only
    literals inside f-strings and f-string arguments are reported.
    """
    import ast

    found = []
    for name in sources() if files is None else files:
        tree = ast.parse(Path(name).read_text(encoding="utf-8"), name)
        inside = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = 0 if func in ("tr", "QT_TR_NOOP") else 1
            if func not in _CALLS or len(node.args) <= position:
                continue
            text = node.args[position]
            where = f"{Path(name).name}:{node.lineno}"
            if (func == "tr" and isinstance(node.func, ast.Attribute) and isinstance(text, ast.Constant)
                    and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("self", "cls"))):
                found.append(f"{where}: x.tr() takes lupdate's context from the name x, not from x's class; "
                             "use QCoreApplication.translate(\"ClassName\", ...)")
            elif (func == "tr" and isinstance(node.func, ast.Name) and len(node.args) == 2
                    and all(isinstance(arg, ast.Constant) for arg in node.args)):
                found.append(f"{where}: tr(context, text) is read by lupdate as tr(text, comment); "
                             "name the alias translate")
            elif isinstance(text, ast.Constant) and isinstance(text.value, str) and id(node) in inside:
                found.append(f"{where}: {func}() inside an f-string; lupdate does not see it (use a variable)")
            elif isinstance(text, ast.JoinedStr):
                found.append(f"{where}: {func}() of an f-string; translate a template, then .format() it")
    return found


def problems(lang: str) -> list[str]:
    """What stands between the code and a complete, compiled translation into ``lang``."""
    ts, qm = TRANSLATIONS / f"nnviz_{lang}.ts", TRANSLATIONS / f"nnviz_{lang}.qm"
    if not ts.exists():
        return [f"{ts.name}: missing; run python tools/update_translations.py"]
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        run_lupdate(fresh, lang)
        current = messages(fresh)
        compiled = Path(tmp) / qm.name
        run_lrelease(ts, compiled)
        if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
            found.append(f"{qm.name}: not compiled from the current {ts.name}; run python tools/update_translations.py")
    for (context, source), (kind, text) in sorted(current.items()):
        where = f"{ts.name}: [{context}] {source[:70]!r}"
        if kind is not None:
            found.append(f"{where}: no {lang} translation")
        elif sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
            found.append(f"{where}: placeholders differ in the translation")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; list what is missing or stale")
    args = parser.parse_args(argv)
    if args.check:
        found = unseen_calls() + [p for lang in TARGETS for p in problems(lang)]
        print("\n".join(found) if found else "translations complete and compiled")
        return 1 if found else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in TARGETS:
        ts = TRANSLATIONS / f"nnviz_{lang}.ts"
        run_lupdate(ts, lang)
        run_lrelease(ts, TRANSLATIONS / f"nnviz_{lang}.qm")
        unfinished = sum(kind is not None for kind, _ in messages(ts).values())
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {unfinished} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
