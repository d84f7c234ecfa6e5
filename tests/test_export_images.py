"""Pictures of views: pixel sizes, real content, sharpness at 2x, SVG vectors, backgrounds, atomic files."""

import os
import xml.etree.ElementTree as ET
from functools import partial

import numpy as np
import pytest
from PIL import Image
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from nnviz.app.main_window import MainWindow
from nnviz.app.window_picture import DEFAULT_SIZES, VIEWS, open_picture
from nnviz.session import Session
from nnviz.session.files import atomic_write_bytes
from nnviz.ui import images
from nnviz.ui.picture_options import parse_phase, parse_size
from nnviz.ui.widgets import colors

SVG = "{http://www.w3.org/2000/svg}"

picture_of = partial(open_picture, window_class=MainWindow)


@pytest.fixture
def vanishing(qapp):
    """The vanishing-gradient lesson's network view during backward at layer 4."""
    s = Session.from_lesson("vanishing-sigmoid")
    picture = picture_of(s, "network", size=(800, 450))
    picture.train(5)
    picture.go_to_phase("backward", 4)
    yield picture
    picture.close()


def rgb(image: QtGui.QImage) -> np.ndarray:
    return images.to_rgb_array(image)


def distinct_colors(a: np.ndarray) -> int:
    packed = (a[..., 0].astype(np.int32) << 16) | (a[..., 1].astype(np.int32) << 8) | a[..., 2]
    return len(np.unique(packed))


def fine_detail(a: np.ndarray) -> float:
    """Share of aligned 2x2 blocks that are not one flat color (0 for a 2x-upscaled picture)."""
    h, w = a.shape[0] // 2 * 2, a.shape[1] // 2 * 2
    blocks = a[:h, :w].astype(int).reshape(h // 2, 2, w // 2, 2, -1)
    return float((blocks.max(axis=(1, 3)) != blocks.min(axis=(1, 3))).any(-1).mean())


@pytest.mark.parametrize("scale", [1, 2, 4])
def test_png_has_the_requested_pixel_size_and_real_content(vanishing, tmp_path, scale):
    out = tmp_path / f"net-{scale}.png"
    assert vanishing.save(out, scale=scale) == (800 * scale, 450 * scale)
    image = Image.open(out)
    assert image.size == (800 * scale, 450 * scale)
    a = np.asarray(image.convert("RGB"))
    assert distinct_colors(a) > 200
    # Each neuron is drawn where the view put it, in its own fill color.
    view = vanishing.widget
    for col, i in [(0, 0), (1, 3), (4, 0), (9, 0)]:
        p = view.node_position(col, i)
        x, y = round(p.x() * scale), round(p.y() * scale)
        want = view.node_brush(col, i).color()
        got = a[y, x].astype(int)
        assert np.abs(got - [want.red(), want.green(), want.blue()]).max() <= 3, (col, i, got)
    # PNG metadata: the picture prints at the view's size.
    dpi = image.info.get("dpi")
    assert dpi is not None and abs(dpi[0] - 96 * scale) < 1


def test_png_at_2x_is_drawn_again_not_enlarged(vanishing):
    """Cached layers, headers and the legend would come out as 2x2 blocks; the export draws them anew."""
    a = rgb(vanishing.render(2))
    header = a[: 2 * 60]
    edges = a[2 * 120: 2 * 400, 2 * 150: 2 * 650]
    assert fine_detail(header) > 0.05
    assert fine_detail(edges) > 0.05


def test_export_puts_the_view_caches_back(vanishing):
    view = vanishing.widget
    item = view.edge_item(3)
    assert item.cacheMode() == QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
    vanishing.render(2)
    assert item.cacheMode() == QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert not item.antialiasing()
    assert view.cacheMode() == QtWidgets.QGraphicsView.CacheModeFlag.CacheBackground
    assert view.backgroundBrush().style() != QtCore.Qt.BrushStyle.NoBrush


def test_themed_and_transparent_backgrounds(vanishing):
    bg = colors.get_theme("light").background
    themed = vanishing.render(1)
    assert not themed.hasAlphaChannel()
    assert tuple(rgb(themed)[2, 400]) == tuple(int(v) for v in bg)
    clear = vanishing.render(1, transparent=True)
    assert clear.hasAlphaChannel()
    assert clear.pixelColor(400, 2).alpha() == 0
    p = vanishing.widget.node_position(4, 0)
    assert clear.pixelColor(round(p.x()), round(p.y())).alpha() == 255


def test_dark_theme_picture(qapp):
    s = Session.from_lesson("xor")
    with picture_of(s, "network", size=(480, 320), theme="dark") as picture:
        picture.train(3)
        a = rgb(picture.render(1))
    assert tuple(a[2, 240]) == tuple(int(v) for v in colors.get_theme("dark").background)


def test_svg_is_xml_with_the_drawn_items(vanishing, tmp_path):
    out = tmp_path / "net.svg"
    assert vanishing.save(out) == (800, 450)
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 800 450"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for header in ("L1", "L4", "sigmoid", "output", "backward", "dL/dW"):
        assert header in texts
    assert len(list(root.iter(f"{SVG}polyline"))) > 100          # edge batches as vector lines
    shapes = len(list(root.iter(f"{SVG}path"))) + len(list(root.iter(f"{SVG}circle")))
    assert shapes >= 67                                           # every neuron a shape
    # Nothing was rasterised: no cached layer and no cached view background came out as a picture.
    assert not list(root.iter(f"{SVG}image"))


def test_svg_embeds_heatmaps_as_pictures(qapp, tmp_path):
    s = Session.from_lesson("xor")
    with picture_of(s, "network", size=(1000, 700)) as picture:
        picture.train(5)
        picture.save(tmp_path / "xor.svg")
        shown = picture.widget.visible_heatmaps()
    assert shown == 11                                            # every neuron has room for one
    root = ET.parse(tmp_path / "xor.svg").getroot()
    assert len(list(root.iter(f"{SVG}image"))) == shown


@pytest.mark.parametrize("view", [v for v in VIEWS])
def test_every_view_renders_with_content(qapp, view, tmp_path):
    s = Session.from_lesson("vanishing-sigmoid")
    size = (1300, 800) if view == "window" else None
    with picture_of(s, view, size=size) as picture:
        picture.train(4)
        image = picture.render(1)
        assert (image.width(), image.height()) == (size or DEFAULT_SIZES[view])
        assert distinct_colors(rgb(image)) > 60
        out = tmp_path / f"{view}.svg"
        picture.save(out)
    assert ET.parse(out).getroot().tag == f"{SVG}svg"


@pytest.mark.parametrize("lesson", ["housing-regression", "digits-features", "softmax-3-class"])
def test_data_view_of_other_data(qapp, lesson):
    s = Session.from_lesson(lesson)
    with picture_of(s, "boundary", size=(500, 400)) as picture:
        picture.train(3)
        assert distinct_colors(rgb(picture.render(1))) > 30


def test_window_picture_has_the_whole_loss_curve(qapp):
    s = Session.from_lesson("xor")
    with picture_of(s, "window", size=(1300, 800)) as picture:
        picture.train(12)
        picture.render(1)           # the loss tab is behind the data tab: drawn for the picture
        xs, ys = picture.widget.curves_view.train_curve.getData()
        assert len(xs) == 13 and xs[0] == 0 and np.isfinite(ys).all()     # from step 0, before any update


def test_window_picture_uses_its_own_settings(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    s = Session.from_lesson("vanishing-sigmoid")
    with picture_of(s, "window", size=(1300, 800)) as picture:
        picture.train(3)
        image = picture.render(2)
        assert (image.width(), image.height()) == (2600, 1600)
        assert picture.widget.settings.fileName().startswith(picture._scratch.name)
    assert not (tmp_path / "config").exists()


def test_clipboard_gets_the_picture(vanishing):
    image = images.copy_to_clipboard(vanishing.widget, 2)
    got = QtGui.QGuiApplication.clipboard().image()
    assert (got.width(), got.height()) == (image.width(), image.height()) == (1600, 900)


def test_bad_names_and_scales_are_refused(vanishing, tmp_path):
    with pytest.raises(ValueError, match="png or .svg"):
        images.save_image(vanishing.widget, tmp_path / "net.jpg")
    with pytest.raises(ValueError, match="scale"):
        images.render_image(vanishing.widget, 0)
    with pytest.raises(ValueError, match="too large"):
        images.check_scale(8, QtCore.QSize(4000, 1000))
    assert not list(tmp_path.iterdir())


def test_a_size_below_the_window_minimum_is_refused(qapp):
    with pytest.raises(ValueError, match="needs at least"):
        picture_of(Session.from_lesson("xor"), "window", size=(400, 300))


def test_zoom_makes_text_and_lines_larger(qapp):
    s = Session.from_lesson("vanishing-sigmoid")
    # wide enough that twice the type still fits each column (narrower, the headers' type is fitted down)
    with picture_of(s, "network", size=(1600, 450)) as plain, \
            picture_of(s, "network", size=(1600, 450), zoom=2) as big:
        a, b = plain.widget, big.widget
        assert b.header_rect(1).height() > 1.3 * a.header_rect(1).height()
        assert b.bin_pen(5).widthF() > a.bin_pen(5).widthF()


def test_a_default_size_grows_with_the_view_but_a_chosen_one_is_kept(qapp):
    s = Session.from_lesson("vanishing-sigmoid")
    s.run(3)
    with picture_of(s, "gradients", size=(600, 300)) as small:    # at zoom 1 this size fits
        assert small.render(1).width() == 600
    deep = Session({"dataset": "circle", "seed": 0, "hidden": [{"size": 2, "activation": "tanh"}] * 15})
    with picture_of(deep, "gradients", zoom=3) as grown:      # sixteen health chips, even short ones
        assert grown.size[0] > 1200 and grown.render(1).width() == grown.size[0]
    with pytest.raises(ValueError, match="needs at least"):
        picture_of(s, "gradients", size=(600, 300), zoom=3)


def test_parse_helpers():
    assert parse_size("1280x720") == (1280, 720)
    assert parse_size("640×480") == (640, 480)
    for bad in ("12x12", "wide", "1x2x3", "99999x100"):
        with pytest.raises(ValueError):
            parse_size(bad)
    assert parse_phase("backward:3", 4) == ("backward", 3)
    assert parse_phase("loss", 4) == ("loss", None)
    for bad in ("backward", "forward:5", "update:1", "sideways"):
        with pytest.raises(ValueError):
            parse_phase(bad, 4)


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "pic.png"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["pic.png"]


def test_written_files_are_not_private(tmp_path):
    mask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "new.png", b"x")
        assert (tmp_path / "new.png").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.png"
        kept.write_bytes(b"old")
        kept.chmod(0o600)
        atomic_write_bytes(kept, b"new")
        assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_bytes() == b"new"
    finally:
        os.umask(mask)


def test_writing_into_a_missing_folder_fails_cleanly(vanishing, tmp_path):
    with pytest.raises(OSError):
        vanishing.save(tmp_path / "missing" / "net.png")
    assert not (tmp_path / "missing").exists()


def test_svg_export_of_pyqtgraph_survives_many_signals(qapp, tmp_path):
    """DESIGN 5: the pinned Qt must neither leak on signal emits nor break pyqtgraph's SVGExporter."""
    import pyqtgraph as pg
    import pyqtgraph.exporters

    class Emitter(QtCore.QObject):
        fired = QtCore.Signal(bool)

    emitter = Emitter()
    seen = []
    emitter.fired.connect(seen.append)
    for k in range(5000):
        emitter.fired.emit(k % 2 == 0)
    assert len(seen) == 5000
    plot = pg.PlotWidget()
    plot.plot(np.arange(50), np.sin(np.arange(50) / 5.0))
    plot.resize(400, 300)
    out = tmp_path / "plot.svg"
    pyqtgraph.exporters.SVGExporter(plot.plotItem).export(str(out))
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg"
    assert list(root.iter(f"{SVG}path")) or list(root.iter(f"{SVG}polyline"))
    plot.close()


def test_window_svg_draws_its_controls_as_vectors(qapp, tmp_path):
    """Buttons, combo and spin boxes, frames and tabs come out as shapes: the only pictures left in a
    window SVG are square ones -- icons, the neurons' heatmaps and the decision boundary's grid."""
    s = Session.from_lesson("xor")
    with picture_of(s, "window", size=(1300, 800)) as picture:
        picture.train(5)
        picture.save(tmp_path / "window.svg")
        heatmaps = picture.widget.network_view.visible_heatmaps()
    root = ET.parse(tmp_path / "window.svg").getroot()
    sizes = [(float(i.get("width")), float(i.get("height"))) for i in root.iter(f"{SVG}image")]
    assert [wh for wh in sizes if wh[0] != wh[1]] == []          # no control drawn through a bitmap
    data = [wh for wh in sizes if wh[0] >= 20]                    # icons are smaller than a heatmap
    assert len(data) == heatmaps + 1                              # the heatmaps and the boundary
    assert len(list(root.iter(f"{SVG}path"))) > 100               # the controls' outlines as paths
    texts = ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]
    for menu in ("File", "Edit", "View", "Help"):                 # whole words, not split at their mnemonic
        assert menu in texts, (menu, texts[:40])
    image = QtGui.QImage(1300, 800, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.white)
    painter = QtGui.QPainter(image)
    QtSvg.QSvgRenderer(str(tmp_path / "window.svg")).render(painter)
    painter.end()
    bar = [QtGui.QColor(image.pixel(x, y)).value() for x in range(0, 300) for y in range(2, 17)]
    assert min(bar) < 100                                         # the menu names are drawn, not covered
