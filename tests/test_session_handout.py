"""An experiment file is all a student needs: imported and drawn data and the classroom set-up travel in it."""

import json

import numpy as np
import pytest

from nnviz.session import Session

CSV = "size,rooms,kind\n" + "\n".join(
    f"{s},{r},{'big' if s + 20 * r > 160 else 'small'}" for s, r in
    [(50, 1), (80, 2), (120, 3), (60, 2), (150, 4), (95, 3), (40, 1), (130, 2), (70, 3), (110, 4),
     (55, 2), (140, 3), (85, 1), (125, 4), (65, 1), (100, 2)])


def csv_session(folder, **extra):
    (folder / "houses.csv").write_text(CSV, encoding="utf-8")
    config = {"dataset": "csv", "csv": {"path": str(folder / "houses.csv"), "target": "kind", "task": None},
              "hidden": [{"size": 3, "activation": "tanh"}], "batch_size": 4, "test_ratio": 0.25, **extra}
    return Session(config)


def same_data(a, b):
    da, db = a.prep.dataset, b.prep.dataset
    np.testing.assert_array_equal(da.X, db.X)
    np.testing.assert_array_equal(da.y, db.y)
    assert (da.task, da.n_classes, da.feature_names, da.target_name, da.class_names, da.name) == \
        (db.task, db.n_classes, db.feature_names, db.target_name, db.class_names, db.name)


@pytest.mark.parametrize("weights", [True, False])
def test_csv_experiment_opens_from_another_folder_with_the_csv_deleted(tmp_path, monkeypatch, weights):
    teacher, student = tmp_path / "teacher", tmp_path / "student"
    teacher.mkdir()
    student.mkdir()
    original = csv_session(teacher, classroom={"hidden_controls": ["optimizer"], "locked_knobs": ["lr"]})
    original.run(steps=6)
    original.save(teacher / "lesson.json", weights=weights)
    (student / "lesson.json").write_bytes((teacher / "lesson.json").read_bytes())
    (teacher / "houses.csv").unlink()
    (teacher / "lesson.json").unlink()
    monkeypatch.chdir(student)

    opened = Session.load("lesson.json")
    same_data(original, opened)
    assert opened.config["csv"]["path"] == str(teacher / "houses.csv")       # kept as a note only
    assert opened.config["classroom"] == {"hidden_controls": ["optimizer"], "locked_knobs": ["lr"]}
    if weights:
        assert opened.step == 6
        np.testing.assert_array_equal(opened.network.flat, original.network.flat)
    else:
        original = Session(original.config)          # the same experiment from step 0
    original.run(steps=5)
    opened.run(steps=5)
    np.testing.assert_array_equal(opened.network.flat, original.network.flat)
    np.testing.assert_array_equal(opened.metrics.train_loss, original.metrics.train_loss)


def test_the_csv_is_read_once_and_a_new_import_reads_it_again(tmp_path):
    session = csv_session(tmp_path)
    first = session.prep.dataset.X.copy()
    (tmp_path / "houses.csv").write_text(CSV.replace("50,1", "51,1"), encoding="utf-8")
    session.configure(test_ratio=0.5, lr=0.1)                 # rebuilds, same data source
    np.testing.assert_array_equal(session.prep.dataset.X, first)
    csv = {k: v for k, v in session.config["csv"].items() if k != "data"}
    session.configure(csv=csv)                                # choosing the file again re-reads it
    assert session.prep.dataset.X[:, 0].tolist().count(51.0) == 1


def test_points_drawn_by_hand_open_from_another_folder(tmp_path, monkeypatch):
    session = Session({"dataset": "xor", "n_samples": 20, "hidden": [{"size": 2, "activation": "tanh"}]})
    session.add_point(0.5, -0.25, 1)
    session.add_point(-0.75, 0.5, 0)
    path = tmp_path / "drawn.json"
    session.save(path, weights=False)
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)
    opened = Session.load(path)
    assert opened.config["dataset"] == "custom"
    same_data(session, opened)


def test_damaged_embedded_data_names_the_file_and_field(tmp_path):
    session = csv_session(tmp_path)
    path = tmp_path / "lesson.json"
    session.save(path, weights=False)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["config"]["csv"]["data"]["X"]["base64"] = "not base64!"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match=r"^lesson\.json: config\.csv\.data\.X: not a valid stored array"):
        Session.load(path)
    doc["config"]["csv"]["data"] = [1, 2]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match=r"^lesson\.json: config\.csv\.data: must be"):
        Session.load(path)
    del doc["config"]["csv"]["data"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "houses.csv").unlink()
    with pytest.raises(ValueError, match="houses.csv"):
        Session.load(path)
