"""The inspector's numbers equal the engine's; the chain-rule product equals the gradient;
hands-on edits behave as promised."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.inspect import decision_line, person_label

CONFIG = {"dataset": "circle", "n_samples": 40, "batch_size": 6, "seed": 7, "optimizer": "adam", "lr": 0.05,
          "hidden": [{"size": 4, "activation": "tanh", "batch_norm": True},
                     {"size": 3, "activation": "relu", "dropout": 0.3}],
          "regularization": "l2", "reg_rate": 0.01}


def _at(kind, layer=None, config=CONFIG):
    s = Session(config)
    while not (s.phase.kind == kind and (layer is None or s.phase.layer == layer)):
        s.advance("phase")
    return s


def test_neuron_numbers_equal_the_trace():
    s = _at("backward", 1)
    info = s.inspect_neuron(1, 2, sample=3)
    lt = s.trace.layers[0]
    assert info["z"] == lt.z[3, 2] and info["xhat"] == lt.xhat[3, 2] and info["a"] == lt.a[3, 2]
    assert info["mean"] == lt.mean[2] and info["var"] == lt.var[2]
    assert info["gamma"] == s.network.params[0]["gamma"][2] and info["delta"] == lt.grad_z[3, 2]
    assert info["bias"] is None                              # batch norm replaces the bias


def test_neuron_before_its_layer_is_reached():
    s = _at("forward", 1)
    assert s.inspect_neuron(2, 0)["known"] is False
    assert "delta" not in s.inspect_neuron(1, 0)


def test_edge_chain_rule_sums_to_the_gradient():
    s = _at("backward", 2)
    info = s.inspect_edge(2, 1, 2)
    lt = s.record.trace.layers[1]
    np.testing.assert_allclose(info["terms"], lt.grad_z[:, 2] * lt.inp[:, 1])
    assert info["data_grad"] + info["penalty_grad"] == pytest.approx(info["grad"], rel=1e-12, abs=1e-15)
    assert info["grad"] == s.grads[1]["W"][1, 2]
    assert s.inspect_edge(1, 0, 0)["known"] is False         # backward has not reached layer 1


def test_edge_update_shows_adams_moments_and_the_step():
    s = _at("update")
    info = s.inspect_edge(3, 2, 0)
    w0 = info["w_before"]
    assert info["w_after"] == pytest.approx(w0 + info["step"])
    m_hat, v_hat = info["m_hat"], info["v_hat"]
    assert info["step"] == pytest.approx(-0.05 * m_hat / (np.sqrt(v_hat) + 1e-8), rel=1e-9)
    assert info["optimizer"] == "adam" and info["t"] == 1


def test_gradient_check_agrees_with_backprop():
    s = _at("update")
    for layer, key in ((1, "W"), (1, "gamma"), (2, "W"), (3, "b")):
        result = s.gradient_check(layer, key)
        assert result["relative_error"] < 1e-6, (layer, key, result)
    flat = s.network.flat.copy()
    s.gradient_check(2, "W", indices=[0, 5])
    np.testing.assert_array_equal(s.network.flat, flat)      # the check leaves the weights alone
    with pytest.raises(ValueError, match="take a step first"):
        Session(CONFIG).gradient_check(1)


def test_softmax_example_of_the_lecture():
    s = Session({"dataset": "blobs3", "hidden": [], "seed": 0})
    s.network.params[0]["W"][...] = 0.0
    s.network.params[0]["b"][...] = [-0.21, 0.47, 1.72]
    s.advance("phase")
    probs = s.trace.output[0]
    np.testing.assert_allclose(probs, [0.1, 0.2, 0.7], atol=0.01)


def test_set_weight_by_hand_cancels_the_shown_step():
    s = _at("backward", 2)
    s.set_param(1, "W", (0, 1), 3.0)
    assert s.phase.kind == "ready" and s.step == 0
    assert s.network.params[0]["W"][0, 1] == 3.0
    s.advance("phase")
    np.testing.assert_allclose(s.trace.layers[0].z[:, 1], (s.trace.X @ s.network.params[0]["W"])[:, 1])
    with pytest.raises(ValueError, match="finite"):
        s.set_param(1, "W", (0, 0), float("inf"))
    with pytest.raises(ValueError, match="outside"):
        s.set_param(1, "W", (9, 9), 1.0)


def test_switching_a_neuron_off_and_on():
    s = Session(CONFIG)
    s.set_neuron_enabled(2, 1, False)
    assert s.config["disabled_neurons"] == [[2, 1]]
    s.advance("step")
    assert np.all(s.trace.layers[1].a[:, 1] == 0)
    s.set_neuron_enabled(2, 1, True)
    assert s.config["disabled_neurons"] == [] and s.network.keep[1] is None
    with pytest.raises(ValueError, match="no hidden neuron"):
        s.set_neuron_enabled(3, 0, False)
    s.advance("phase")
    s.advance("phase")
    s.set_neuron_enabled(1, 0, False)                        # a shown step is cancelled, as for weights
    assert s.phase.kind == "ready"
    s.advance("phase")
    assert s.inspect_neuron(1, 0)["switched_off"] is True and s.inspect_neuron(1, 0)["a"] == 0.0
    s.set_neuron_enabled(1, 0, True)
    s.set_neuron_enabled(2, 2, False)
    s.configure(hidden=CONFIG["hidden"][:1])                 # the layer is gone: so is the switch
    assert s.config["disabled_neurons"] == []


def test_confusion_matrix_and_feature_space():
    s = Session({"dataset": "blobs3", "hidden": [{"size": 4, "activation": "tanh"}], "seed": 0})
    s.run(50)
    m = s.confusion_matrix("test")
    assert m.shape == (3, 3) and m.sum() == len(s.prep.test)
    np.testing.assert_array_equal(m.sum(axis=1), np.bincount(s.prep.test.y, minlength=3))
    feats = s.hidden_features(1, 0, 3)
    assert feats.shape == (len(s.prep.train), 2)
    with pytest.raises(ValueError, match="classification data set"):
        Session({"dataset": "sine", "hidden": []}).confusion_matrix()


def test_undo_a_knob_change():
    s = Session(CONFIG)
    s.configure(lr=0.5)
    s.configure(seed=3)
    assert s.undo_config() and s.config["seed"] == 7
    assert s.undo_config() and s.config["lr"] == 0.05
    assert not s.undo_config() and not s.can_undo


def test_inspecting_a_diverged_step_raises_no_warnings():
    s = Session({"dataset": "housing", "hidden": [{"size": 3, "activation": "relu"}], "lr": 50.0,
                 "standardize": False})
    s.run(500)
    assert s.diverged
    info = s.inspect_edge(1, 0, 0)
    assert info["known"] is True and "data_grad" in info
    s.inspect_neuron(1, 0)


# ---------------------------------------------------------------- what a person reads
def test_people_count_from_one_and_code_from_zero():
    s = _at("update")
    info = s.inspect_edge(2, 2, 0)
    assert (info["source"], info["target"]) == (2, 0)                      # code: numpy indices
    assert info["name"] == "W₂[3,1]" == person_label("weight", 2, 2, 0)    # people: from 1
    assert info["source_name"] == "neuron 3 of layer 1" and info["target_name"] == "neuron 1 of layer 2"
    assert s.inspect_edge(1, 1, 3)["source_name"] == "x₂"
    neuron = s.inspect_neuron(2, 0)
    assert neuron["neuron"] == 0 and neuron["name"] == "neuron 1 of layer 2"
    assert person_label("bias", 3, j=0) == "b₃[1]" and person_label("input", None, 0) == "x₁"
    assert info["rule"]["worked"][-1].startswith("W₂[3,1] ← ")


OPTIMIZERS = [("sgd", {}), ("sgd", {"momentum": 0.9}), ("sgd", {"momentum": 0.9, "nesterov": True}),
              ("sgd", {"momentum": 0.5, "dampening": 0.3, "weight_decay": 0.01}),
              ("adagrad", {"lr_decay": 0.1}), ("rmsprop", {}), ("rmsprop", {"momentum": 0.9, "centered": True}),
              ("adam", {}), ("adam", {"amsgrad": True, "weight_decay": 0.01}), ("adamw", {}), ("nadam", {})]


@pytest.mark.parametrize("name, options", OPTIMIZERS)
def test_update_caption_is_the_rule_of_the_optimizer_in_use(name, options):
    """The caption's rule, fed with the numbers it prints, gives the change the engine made (3 steps)."""
    s = Session({**CONFIG, "optimizer": name, "optimizer_options": options, "lr": 0.05})
    for _ in range(3):
        s.advance("step")
        info = s.inspect_edge(3, 1, 0)
        rule = info["rule"]
        assert rule["optimizer"] == name and len(rule["rule"]) == len(rule["worked"])
        assert rule["step"] == pytest.approx(info["step"], rel=1e-9, abs=1e-15)
    text = " ".join(rule["rule"])
    expected = {"sgd": "−lr·" if not options else "buf", "adagrad": "√G + ε", "rmsprop": "√(v − ḡ²)",
                "adam": "m̂ / (√v̂ + ε)", "adamw": "decoupled", "nadam": "Nesterov"}[name]
    if name == "rmsprop" and not options:
        expected = "√v + ε"
    assert expected in text
    if name != "sgd" or options:
        assert "W ← W − lr·g" not in text


def test_plain_sgd_caption_with_numbers():
    s = Session({**CONFIG, "optimizer": "sgd", "lr": 0.05, "regularization": "none"})
    s.advance("step")
    info = s.inspect_edge(3, 1, 0)
    assert info["rule"]["rule"][0] == "ΔW = −lr·g"
    assert f"−0.05·" in info["rule"]["worked"][0]


def test_batch_norm_neuron_shows_the_running_statistics():
    s = _at("backward", 1)
    info = s.inspect_neuron(1, 2)
    assert info["running_mean"] == s.network.buffers[0]["running_mean"][2]
    assert info["running_var"] == s.network.buffers[0]["running_var"][2]
    assert "running_mean" not in s.inspect_neuron(2, 0)                   # no batch norm there


def _lecture_neuron(standardize):
    """The lecture's sigmoid neuron: bias 1, W = [3, -2] on the network's inputs."""
    s = Session({"dataset": "gaussian", "n_samples": 60, "hidden": [], "standardize": standardize, "seed": 2})
    s.set_param(1, "W", (0, 0), 3.0)
    s.set_param(1, "W", (1, 0), -2.0)
    s.set_param(1, "b", 0, 1.0)
    return s


@pytest.mark.parametrize("standardize", [False, True])
def test_decision_line_is_printed_in_the_plotted_units(standardize):
    s = _lecture_neuron(standardize)
    line = decision_line(s, 0)
    assert line["standardized"] is standardize
    assert ("standardized" in line["text"]) is standardize
    (w1, w2), b = line["w"], line["b"]
    # two raw points on the printed line: the network's output there is exactly 0.5 (z = 0)
    x1 = np.array([-1.0, 2.0])
    raw = np.column_stack([x1, -(w1 * x1 + b) / w2])
    np.testing.assert_allclose(s.predict(raw)[:, 0], 0.5, atol=1e-12)
    if not standardize:
        assert (w1, w2, b) == (3.0, -2.0, 1.0)
        assert line["text"].startswith("3·x₁ − 2·x₂ + 1 = 0")


def test_switching_l2_to_l1_mid_step_shows_the_penalty_the_gradient_holds():
    s = _at("backward", 1)                                  # the step's gradient has the L2 term
    s.configure(regularization="l1")
    info = s.inspect_edge(1, 0, 1)
    assert info["penalty_kind"] == "l2" and info["penalty_rate"] == 0.01
    assert info["penalty_grad"] == pytest.approx(2 * 0.01 * info["w_before"])
    assert info["data_grad"] + info["penalty_grad"] == pytest.approx(info["grad"], rel=1e-12, abs=1e-15)
    s.advance("step")
    s.advance("phase")
    while s.phase.kind != "backward" or s.phase.layer != 1:
        s.advance("phase")
    info = s.inspect_edge(1, 0, 1)                          # the next step uses L1
    assert info["penalty_kind"] == "l1"
    assert info["penalty_grad"] == pytest.approx(0.01 * np.sign(info["w_before"]))
    assert info["data_grad"] + info["penalty_grad"] == pytest.approx(info["grad"], rel=1e-12, abs=1e-15)


def test_toggling_standardization_keeps_typed_weights():
    s = _lecture_neuron(False)
    s.run(3)
    weights = s.network.flat.copy()
    s.configure(standardize=True)
    assert s.step == 0                                      # new inputs: a new run ...
    np.testing.assert_array_equal(s.network.flat, weights)  # ... with the weights as they were
    line = decision_line(s, 0)
    assert line["network_w"] == [s.network.params[0]["W"][0, 0], s.network.params[0]["W"][1, 0]]
    s.configure(seed=5)                                     # other rebuilds start afresh
    assert not np.array_equal(s.network.flat, weights)
