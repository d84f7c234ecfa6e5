"""What the loss-landscape, activation and neuron-graph views show of a session, in one place.

The window's docks (:mod:`nnviz.app.lecture_docks`) and the offscreen
pictures (:mod:`nnviz.ui.render`, ``nnviz render --view landscape|activations|neuron-graph``)
draw these views through the functions here, so a picture shows what the
window shows. The numbers come from the session (``activation_curves``,
``neuron_graph``, ``loss_landscape``); nothing here computes a training
quantity.
"""

from __future__ import annotations

from PySide6 import QtCore

from nnviz.session import Session
from nnviz.session.inspect import person_label


def show_activations(view, session, layer: int | None = None) -> None:
    """The activation view of ``layer`` (1..L; default: the view's chosen one), its chooser filled."""
    layers = [spec["activation"] for spec in session.network.layers]
    layer = min(layer if layer is not None else view.layer(), len(layers))
    if view.layer_activations() != layers:
        view.set_layers(layers, layer)
    view.set_curves(session.activation_curves(layer))


def show_neuron_graph(view, session, layer: int, j: int, sample: int = 0) -> None:
    """Neuron ``j`` (0-based) of ``layer`` (1..L) for ``sample`` of the step, with a caption saying which."""
    graph = session.neuron_graph(layer, j, sample)
    caption = QtCore.QCoreApplication.translate("NeuronGraphView", "{0}, sample {1} · step {2} · {3}").format(
        person_label("neuron", layer, j=j), graph.sample + 1, session.step, session.phase.label())
    view.set_graph(graph, caption)


def comparison_run(session) -> tuple[list, list[str]]:
    """(runs, labels): the session and, for a lesson with a comparison run of the same network shape, that
    run trained to the same step; the runs whose paths a picture of the landscape draws.

    The comparison starts from the same data, seed and initial weights (the
    lesson's config with its overrides), so both paths start at one point.
    """
    lesson = getattr(session, "lesson", None)
    if lesson is None or not lesson.compare:
        return [session], [""]
    other = Session({**lesson.config, **lesson.compare})
    if other.network.flat.size != session.network.flat.size:
        return [session], [""]
    other.run(session.step)
    return [session, other], [lesson.title, lesson.compare_label]
