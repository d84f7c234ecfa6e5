"""Pictures of the loss landscape, the activation view and the neuron graph: what ``nnviz render`` draws
is the session's data (and a lesson's comparison run), and bad options fail with one line."""

import numpy as np
import pytest
from PIL import Image

from nnviz.session import LESSONS, Session
from nnviz.session.landscape import trajectory
from nnviz.ui.panels.inspector_text import fmt
from nnviz.ui.picture_options import parse_neuron
from nnviz.ui.render import Picture

from test_cli import one_line_error, run_cli


def test_landscape_picture_draws_the_lesson_and_its_comparison_on_one_surface():
    s = Session.from_lesson("momentum")
    with Picture(s, "landscape") as p:
        p.train(30)
        view = p.widget
        land = view.landscape()
        assert land.path_steps[-1] == 30 and land.center_loss == pytest.approx(
            s.network.loss(s.prep.X_train, s.prep.y_train, training=False), abs=1e-10)
        np.testing.assert_array_equal(view.displayed(), np.log10(land.loss))
        assert [path.label for path in view.paths()] == [LESSONS["momentum"].title, "plain SGD"]
        plain = Session({**LESSONS["momentum"].config, **LESSONS["momentum"].compare})
        plain.run(30)
        np.testing.assert_allclose(np.column_stack(view.path_data(1)), land.project(trajectory(plain)[1]),
                                   atol=1e-12)
        computed = land
        p.go_to_phase("backward", 1)            # weights unchanged within a step: the same surface
        assert view.landscape() is computed


def test_activation_and_neuron_graph_pictures_follow_the_chosen_layer_and_neuron():
    s = Session.from_lesson("vanishing-sigmoid")
    with Picture(s, "activations") as p:
        p.train(3)
        p.go_to_phase("backward", 2)
        p.set_layer(2)
        assert p.widget.curves().layer == 2 and p.widget.layer() == 2
        np.testing.assert_array_equal(p.widget.curves().u_values, s.record.trace.layers[1].u)
        with pytest.raises(ValueError, match="layers 1 to 9"):
            p.set_layer(10)
    s = Session.from_lesson("vanishing-sigmoid")
    with Picture(s, "neuron-graph") as p:
        p.train(3)
        p.go_to_phase("backward", 2)
        p.set_neuron(2, 4)
        g = p.widget.graph()
        assert (g.layer, g.neuron) == (2, 4)
        assert p.widget.node_texts()["z"][1:] == [f"= {fmt(s.record.trace.layers[1].z[0, 4])}",
                                                  f"grad {fmt(s.record.trace.layers[1].grad_z[0, 4])}"]
        assert "neuron 5 of layer 2, sample 1" in p.widget._caption


def test_parse_neuron():
    assert parse_neuron("2:3", [2, 8, 8, 1]) == (2, 2)
    for text, words in (("x", "LAYER:NEURON"), ("4:1", "layers 1 to 3"), ("1:9", "neurons 1 to 8"),
                        ("1:0", "neurons 1 to 8")):
        with pytest.raises(ValueError, match=words):
            parse_neuron(text, [2, 8, 8, 1])


@pytest.mark.parametrize("args", [
    ["--view", "landscape", "--lesson", "momentum", "--steps", "40"],
    ["--view", "activations", "--lesson", "dying-relu", "--steps", "20", "--phase", "backward:1", "--layer", "2"],
    ["--view", "neuron-graph", "--lesson", "xor", "--steps", "20", "--phase", "backward:1", "--neuron", "1:3"],
], ids=["landscape", "activations", "neuron-graph"])
def test_cli_renders_each_view(args, tmp_path):
    out = tmp_path / "view.png"
    proc = run_cli(["render", *args, "--out", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as image:
        assert image.size == {"landscape": (960, 720), "activations": (1080, 600),
                              "neuron-graph": (1280, 720)}[args[1]]


@pytest.mark.parametrize("args, words", [
    (["--view", "loss", "--layer", "1"], ["--layer goes with --view activations"]),
    (["--view", "activations", "--layer", "5"], ["--layer 5", "layers 1 to 2"]),
    (["--view", "neuron-graph", "--neuron", "2:9"], ["layer 2 has neurons 1 to 1"]),
    (["--view", "network", "--neuron", "1:1"], ["--neuron goes with --view neuron-graph"]),
])
def test_cli_refuses_bad_choices_in_one_line(args, words, tmp_path):
    one_line_error(run_cli(["render", "--lesson", "xor", *args, "--out", str(tmp_path / "x.png")], tmp_path),
                   *words)


def test_cli_explains_a_landscape_of_a_diverged_run(tmp_path):
    proc = run_cli(["render", "--lesson", "exploding-init", "--view", "landscape",
                    "--out", str(tmp_path / "x.png")], tmp_path)
    assert proc.returncode != 0 and "diverged" in proc.stderr
