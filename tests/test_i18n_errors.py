"""Errors a user reads (a CSV file's problem, a refused weight, a bad field of an experiment file) are shown
in the window's language, while ``str(err)`` stays English for callers, logs and the command line."""

import copy
import json
import pickle
import re

import pytest
from PySide6 import QtCore

from nnviz.app.csv_import_dialog import CsvImportDialog
from nnviz.app.main_window import MainWindow
from nnviz.app.recent_files import last_experiment
from nnviz.data import CsvError, load_csv
from nnviz.data.csv_errors import CANNOT_READ
from nnviz.data.messages import TEMPLATES, UserError
from nnviz.session import ExperimentFileError, Session
from nnviz.session.language import catalogue
from nnviz.ui import i18n
from nnviz.ui.panels.inspector import InspectorPanel

PERSIAN = re.compile("[\u0600-\u06ff]")
LRI, PDI = "\u2066", "\u2069"
TEXT_IN_NUMBERS = "x1,x2,y\n1,2,0\n3,abc,1\n5,6,0\n"


@pytest.fixture
def persian(qapp):
    i18n.install_language(qapp, "fa")
    yield
    i18n.install_language(qapp, "en")


def _csv(tmp_path, text, name="grades.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_error_template_has_a_persian_translation_with_its_fields():
    table = catalogue("fa")
    contexts = {context for context, _ in TEMPLATES}
    assert {"CsvError", "Session", "ExperimentFile"} <= contexts and len(TEMPLATES) >= 60
    for context, text in TEMPLATES:
        fa = table.get((context, text))
        assert fa and PERSIAN.search(fa), (context, text)
        assert sorted(re.findall(r"\{\w+\}", fa)) == sorted(re.findall(r"\{\w+\}", text)), text


def test_text_in_a_numeric_column_is_reported_in_persian_naming_row_column_and_cell(persian, qtbot, tmp_path):
    path = _csv(tmp_path, TEXT_IN_NUMBERS)
    with pytest.raises(CsvError) as caught:
        load_csv(path)
    assert str(caught.value) == "row 3, column 'x2': 'abc' is not a number"     # English for callers
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    qtbot.mouseClick(dialog.ok_button, QtCore.Qt.MouseButton.LeftButton)
    shown = dialog.error_text()
    assert shown == f"سطر {LRI}3{PDI}، ستون {LRI}'x2'{PDI}: {LRI}'abc'{PDI} عدد نیست"
    assert dialog.marked == (1, 1)                     # the bad cell is still found and highlighted
    assert dialog.result_config() is None


def test_missing_file_and_column_name_the_file_and_column_in_persian(persian, tmp_path):
    missing = tmp_path / "نمرات.csv"
    with pytest.raises(CsvError) as caught:
        load_csv(missing)
    text = i18n.error_text(caught.value)
    assert PERSIAN.search(text.replace(str(missing), "")) and f"{LRI}{missing}{PDI}" in text
    assert "no such file" not in text
    with pytest.raises(CsvError) as caught:
        load_csv(_csv(tmp_path, TEXT_IN_NUMBERS.replace("abc", "4")), target="grade")
    text = i18n.error_text(caught.value)
    assert "ستونی به نام" in text and f"{LRI}'grade'{PDI}" in text and f"{LRI}x1, x2, y{PDI}" in text


def test_english_window_shows_the_english_text(qapp, tmp_path):
    i18n.install_language(qapp, "en")
    with pytest.raises(CsvError) as caught:
        load_csv(_csv(tmp_path, "x1,y\n1,0\nnan,1\n"))
    assert i18n.error_text(caught.value) == str(caught.value) == "row 3, column 'x1': 'nan' is not a finite number"
    assert i18n.error_text(ValueError("plain")) == "plain"


def test_a_refused_weight_is_explained_in_persian_in_the_inspector(persian, qtbot):
    s = Session({"dataset": "xor", "n_samples": 20, "seed": 1, "hidden": [{"size": 3, "activation": "tanh"}]})
    with pytest.raises(ValueError, match="a weight must be a finite number, got nan"):
        s.set_param(1, "W", (0, 0), float("nan"))
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.show_edge(s, 1, 0, 0)
    assert panel.apply_edit("inf") is False
    assert panel.error_text() == f"وزن باید عددی متناهی باشد، اما {LRI}inf{PDI} داده شد"


def test_a_gradient_check_before_any_step_is_explained_in_persian(persian, qtbot):
    s = Session({"dataset": "xor", "n_samples": 20, "seed": 1, "hidden": [{"size": 3, "activation": "tanh"}]})
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.show_edge(s, 1, 0, 0)
    assert panel.run_gradient_check() is None
    assert panel.error_text() == "بررسی گرادیان: ابتدا یک گام بردارید (هنوز گرادیانی نیست)"


def test_a_user_error_copies_and_pickles_with_its_template():
    err = CsvError(("CsvError", "row {row}, column {column}: empty cell"), row=4, column="'x'")
    for again in (copy.copy(err), pickle.loads(pickle.dumps(err))):
        assert type(again) is CsvError and str(again) == str(err) == "row 4, column 'x': empty cell"
        assert again.fields == {"row": "4", "column": "'x'"} and isinstance(again, UserError)


def _experiment(tmp_path, edit, name="run.json"):
    path = tmp_path / name
    s = Session({"dataset": "moons", "n_samples": 40})
    s.run(3)
    s.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_bad_field_of_an_experiment_file_is_explained_in_persian(persian, shown, tmp_path):
    path = _experiment(tmp_path, lambda doc: doc["state"].update(step=5000.5))
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    english = "run.json: state.step: must be a whole number from 0 to 1000000000, got 5000.5"
    assert str(caught.value) == english and caught.value.field == "state.step"      # English for callers
    assert caught.value.reason == "must be a whole number from 0 to 1000000000, got 5000.5"
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = shown(MainWindow(Session({"dataset": "xor", "n_samples": 20}), settings=settings))
    before = window.session
    assert not window.open_path(str(path)) and window.session is before
    box = window.error_box
    assert box.windowTitle() == "باز کردن آزمایش ممکن نشد"
    assert box.text() == (f"{path}\n\n{LRI}run.json{PDI}: {LRI}state.step{PDI}: "
                          f"باید عددی صحیح از {LRI}0{PDI} تا {LRI}1000000000{PDI} باشد، اما {LRI}5000.5{PDI} است")
    box.done(0)


def test_a_broken_last_experiment_is_reported_in_persian_and_its_errors_copy(persian, tmp_path):
    path = _experiment(tmp_path, lambda doc: doc["state"]["optimizer"].update(name="adam"))
    settings = QtCore.QSettings(str(tmp_path / "nnviz.ini"), QtCore.QSettings.Format.IniFormat)
    settings.setValue("session/last_kind", "file")
    settings.setValue("session/last_value", str(path))
    session, reopened, message = last_experiment(settings, "xor")
    assert session.lesson.id == "xor" and reopened is None
    assert message.startswith("باز کردن دوبارهٔ آخرین آزمایش ممکن نشد")
    assert (f"{LRI}state.optimizer.name{PDI}: {LRI}'adam'{PDI} است، اما config.optimizer برابر {LRI}'sgd'{PDI}"
            in message)
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    for again in (copy.copy(caught.value), pickle.loads(pickle.dumps(caught.value))):
        assert type(again) is ExperimentFileError and str(again) == str(caught.value)
        assert (again.path, again.field, again.reason) == (str(path), "state.optimizer.name", caught.value.reason)
        assert i18n.error_text(again) == i18n.error_text(caught.value)


def test_a_broken_experiment_file_and_a_bad_resume_field_are_explained_in_persian(persian, tmp_path):
    path = tmp_path / "half.json"
    path.write_text('{"format": "nnviz-experiment", "version": 1, "config": {', encoding="utf-8")
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    assert str(caught.value) == "half.json: not valid JSON (line 1, column 57: Expecting property name enclosed " \
                                "in double quotes)" and caught.value.field is None
    assert i18n.error_text(caught.value) == (f"{LRI}half.json{PDI}: {LRI}JSON{PDI} معتبر نیست (سطر {LRI}1{PDI}، "
                                             f"ستون {LRI}57{PDI}: اینجا نام یک کلید میان دو نشانهٔ \" لازم است)")
    s = Session({"dataset": "moons", "n_samples": 40})
    s.run(3)
    s.advance("phase")
    s.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["resume"]["step"]["lr"] = -0.5
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    err = caught.value
    assert str(err) == "half.json: resume.step.lr: must be a finite number > 0, got -0.5"
    assert (err.field, err.reason) == ("resume.step.lr", "must be a finite number > 0, got -0.5")
    assert i18n.error_text(err) == (f"{LRI}half.json{PDI}: {LRI}resume.step.lr{PDI}: "
                                    f"باید عددی متناهی و {LRI}> 0{PDI} باشد، اما {LRI}-0.5{PDI} است")
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) and i18n.error_text(again) == i18n.error_text(err)


def test_the_kind_of_a_wrong_value_is_named_in_persian(persian, tmp_path):
    path = _experiment(tmp_path, lambda doc: doc.update(config=[doc["config"]]))
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    assert str(caught.value) == "run.json: config: must be a mapping, got a list"          # English for callers
    assert i18n.error_text(caught.value) == (f"{LRI}run.json{PDI}: {LRI}config{PDI}: "
                                             "باید یک نگاشت (mapping) باشد، اما یک فهرست است")
    path = _experiment(tmp_path, lambda doc: doc.update(state="weights"))
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(path)
    assert caught.value.reason == "must be a mapping or null, got text" and caught.value.fields == {"kind": "text"}
    assert i18n.error_text(caught.value) == (f"{LRI}run.json{PDI}: {LRI}state{PDI}: "
                                             f"باید یک نگاشت (mapping) یا {LRI}null{PDI} باشد، اما متن است")
    again = pickle.loads(pickle.dumps(caught.value))
    assert i18n.error_text(again) == i18n.error_text(caught.value) and str(again) == str(caught.value)


def test_a_model_file_that_cannot_be_shown_is_explained_in_persian(persian, tmp_path):
    import torch

    from nnviz.torch import load_state_dict_file
    path = tmp_path / "model.pt"
    torch.save({"0.weight": torch.zeros(3, 2), "1.weight": torch.zeros(1, 4)}, path)
    with pytest.raises(ExperimentFileError) as caught:
        load_state_dict_file(path, ["relu", "linear"])
    err = caught.value
    assert str(err) == "model.pt: 1.weight: takes 4 inputs after a layer of 3" and err.field == "1.weight"
    assert i18n.error_text(err) == (f"{LRI}model.pt{PDI}: {LRI}1.weight{PDI}: {LRI}4{PDI} ورودی می‌گیرد، "
                                    f"اما پس از لایه‌ای با {LRI}3{PDI} خروجی آمده است")
    torch.save({"0.weight": torch.zeros(3, 2), "1.weight": torch.zeros(1, 3)}, path)
    with pytest.raises(ExperimentFileError) as caught:
        load_state_dict_file(path, ["prelu", "linear"])
    assert str(caught.value) == "model.pt: Linear 1: activation 'prelu', but the file has no PReLU slopes"
    assert i18n.error_text(caught.value) == (f"{LRI}model.pt{PDI}: {LRI}Linear{PDI} {LRI}1{PDI}: تابع فعال‌سازی "
                                             f"{LRI}'prelu'{PDI} است، اما پرونده شیب‌های {LRI}PReLU{PDI} ندارد")


def test_what_the_system_and_the_json_reader_say_is_translated_too(persian, tmp_path):
    """An experiment file that is not JSON, a CSV file that cannot be read: the reason quoted from
    Python's JSON reader or the operating system reads in Persian, not as an English tail."""
    broken = tmp_path / "broken.nnviz.json"
    broken.write_text('{"format": "nnviz-experiment" "version": 1}', encoding="utf-8")
    with pytest.raises(ExperimentFileError) as caught:
        Session.load(broken)
    assert "Expecting ',' delimiter" in str(caught.value)               # English for callers
    shown = i18n.error_text(caught.value)
    assert "Expecting" not in shown and "«,»" in shown, shown
    csv_path = tmp_path / "data.csv"
    err = CsvError(CANNOT_READ, path=csv_path, reason="Permission denied")
    shown = i18n.error_text(err)
    assert "Permission" not in shown and "دسترسی داده نشد" in shown, shown
    # a reason that is no known phrase is quoted as it is
    other = CsvError(CANNOT_READ, path=csv_path, reason="Weird error 7")
    assert "Weird error 7" in i18n.error_text(other)
    # a failed save: the dialog names the file, then the system's reason in the window's language
    denied = OSError(13, "Permission denied", str(tmp_path / "x.json"))
    assert i18n.error_text(denied) == "دسترسی داده نشد"
    assert i18n.error_text(OSError(5, "Some rare trouble")) == "Some rare trouble"
