"""Pictures for slides: the 16:9 and 4:3 presets, no text cut off at any preset, theme or zoom, and
lines as thick in a 4x picture shown at slide size as in the 1x one.

A text is cut off when part of it lies outside what its view shows: each
text item's bounding rectangle (without a text document's margin), mapped to
its view, must lie inside the view's viewport and inside every ancestor item
that clips its children (a plot's view box).
"""

from functools import partial

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.main_window import MainWindow
from nnviz.app.window_picture import VIEWS, open_picture
from nnviz.cli import main as cli_main
from nnviz.session import Session
from nnviz.ui.images import format_of, to_rgb_array
from nnviz.ui.picture_options import SLIDE_SIZES, parse_size

picture_of = partial(open_picture, window_class=MainWindow)
TEXT_ITEMS = (QtWidgets.QGraphicsTextItem, QtWidgets.QGraphicsSimpleTextItem)
CLIPS = QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape


def cut_texts(widget: QtWidgets.QWidget) -> list[str]:
    """The texts of ``widget``'s graphics views that are drawn only in part."""
    views = widget.findChildren(QtWidgets.QGraphicsView)
    if isinstance(widget, QtWidgets.QGraphicsView):
        views.insert(0, widget)
    cut = []
    for view in views:
        if not view.isVisible() or view.scene() is None:
            continue
        shown = QtCore.QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)
        for item in view.scene().items():
            if not isinstance(item, TEXT_ITEMS) or not item.isVisible():
                continue
            text = item.toPlainText() if hasattr(item, "toPlainText") else item.text()
            if not text.strip() or item.effectiveOpacity() == 0:
                continue
            rect = item.boundingRect()
            if isinstance(item, QtWidgets.QGraphicsTextItem):    # the glyphs, not the document's margin
                m = item.document().documentMargin()
                rect = rect.adjusted(m, m, -m, -m)
            rect = item.mapRectToScene(rect)
            box = view.mapFromScene(rect).boundingRect()
            ok = shown.contains(QtCore.QRectF(box))
            parent = item.parentItem()
            while ok and parent is not None:
                if parent.flags() & CLIPS:
                    ok = parent.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(rect)
                parent = parent.parentItem()
            if not ok:
                cut.append(f"{type(view).__name__}: {text!r}")
    return cut


def test_slide_presets_parse():
    assert parse_size("16:9") == (1920, 1080) == SLIDE_SIZES["16:9"]
    assert parse_size("4:3") == (1600, 1200)
    with pytest.raises(ValueError, match="16:9"):
        parse_size("3:2")


@pytest.mark.parametrize("preset", list(SLIDE_SIZES))
@pytest.mark.parametrize("view", VIEWS)
def test_each_view_fills_a_slide_with_no_text_cut(qapp, view, preset):
    s = Session.from_lesson("vanishing-sigmoid")
    s.run(20)
    size = parse_size(preset)
    for theme in ("light", "dark", "contrast"):
        for zoom in (1.0, 1.5):
            with picture_of(s, view, size=size, theme=theme, zoom=zoom) as picture:
                if view != "loss":
                    picture.go_to_phase("backward", 3)
                image = picture.render(1)
                assert (image.width(), image.height()) == size
                assert cut_texts(picture.widget) == [], (view, preset, theme, zoom)


def test_render_command_takes_a_slide_preset(qapp, tmp_path, capsys):
    out = tmp_path / "slide.png"
    code = cli_main(["render", "--lesson", "xor", "--steps", "5", "--view", "boundary", "--size", "4:3",
                     "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert format_of(out) == "png"
    from PySide6 import QtGui
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1200)


def _downsampled(rgb, k: int):
    h, w, _ = rgb.shape
    return rgb[:h // k * k, :w // k * k].reshape(h // k, k, w // k, k, 3).mean(axis=(1, 3))


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "window"])
def test_a_4x_picture_shown_at_1x_looks_like_the_1x_picture(qapp, view):
    """Lines, rims and points are 4 times wider in a 4x picture: averaged back down to 1x it has the
    same ink as the 1x picture (with lines left 1 device pixel wide it had 17 to 59 % less)."""
    s = Session.from_lesson("vanishing-sigmoid")
    s.run(20)
    with picture_of(s, view) as picture:
        if view != "loss":
            picture.go_to_phase("backward", 3)
        one = to_rgb_array(picture.render(1)).astype(float)
        four = _downsampled(to_rgb_array(picture.render(4)).astype(float), 4)
    assert four.shape == one.shape
    assert np.abs(four - one).mean() < 1.6
    ink_one, ink_four = (one.mean(axis=2) < 200).mean(), (four.mean(axis=2) < 200).mean()
    assert abs(ink_four - ink_one) < 0.08 * ink_one, (ink_one, ink_four)
