"""Dialogs that take the window's content out: pictures and animations.

* :class:`ExportImageDialog` -- a view or the whole window as PNG at 1x, 2x
  or 4x, or as SVG; themed or transparent background; save or copy to the
  clipboard (:mod:`nnviz.ui.images` draws it).
* :class:`RecordDialog` -- one training step phase by phase, or a training
  run, as GIF or MP4 (the note says which suits); records an independent copy of the
  session in the window's theme and zoom, so the window is left as it is,
  with a progress dialog that can cancel (:mod:`nnviz.export.animation`).

The code dialog is :mod:`nnviz.app.code_dialog`.

Every dialog opens without blocking (``open()``); ``save_to(path)``,
``copy()`` and ``record_to(path)`` do the work without a file dialog, which
is what the buttons call after asking for a file name.  Files are written
atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.dialog_files import error_box, last_dir, remember_dir, with_suffix
from nnviz.app.window_picture import open_picture
from nnviz.export import animation as anim
from nnviz.session.files import copy_session
from nnviz.ui.i18n import error_text
from nnviz.ui.images import copy_to_clipboard, save_image
from nnviz.ui.recording import record

SCALES = (1, 2, 4)
DEFAULT_SCALE = 2
ANIMATION_SIZES = ((960, 540), (1280, 720), (1920, 1080))


class ExportImageDialog(QtWidgets.QDialog):
    """Save or copy a picture of one of ``targets`` ({name: (label, widget or callable)})."""

    def __init__(self, targets: dict, current: str, parent: QtWidgets.QWidget | None = None,
                 settings: QtCore.QSettings | None = None, title: str = "nnviz") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export image"))
        self.targets = targets
        self.settings = settings
        self.picture_title = title
        self.error_box: QtWidgets.QMessageBox | None = None

        self.target = QtWidgets.QComboBox()
        for name, (label, _w) in targets.items():
            self.target.addItem(label, name)
        self.target.setToolTip(self.tr("What to draw: one view, or the whole window"))
        self.format = QtWidgets.QComboBox()
        self.format.addItem(self.tr("PNG picture"), "png")
        self.format.addItem(self.tr("SVG drawing (vectors, for slides)"), "svg")
        self.format.setToolTip(self.tr("PNG: pixels at the chosen scale. SVG: lines and text stay sharp at any "
                                       "size; decision boundaries and heatmaps are embedded as pictures."))
        self.scale = QtWidgets.QComboBox()
        for s in SCALES:
            self.scale.addItem(f"{s}×", s)
        self.scale.setCurrentIndex(SCALES.index(DEFAULT_SCALE))
        self.scale.setToolTip(self.tr("2× and 4× draw everything again at that resolution (4K projectors, "
                                      "print), not an enlarged screenshot"))
        self.size_label = QtWidgets.QLabel()
        self.transparent = QtWidgets.QCheckBox(self.tr("Transparent background"))
        self.transparent.setToolTip(self.tr("Leave out the views' background, for slides with their own"))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Export"), self.target)
        form.addRow(self.tr("As"), self.format)
        scale_row = QtWidgets.QHBoxLayout()
        scale_row.addWidget(self.scale)
        scale_row.addWidget(self.size_label, 1)
        form.addRow(self.tr("Scale"), scale_row)
        form.addRow("", self.transparent)

        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy to clipboard"),
                                             QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button.setToolTip(self.tr("Put the picture (PNG at the chosen scale) on the clipboard"))
        self.save_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for combo in (self.target, self.format, self.scale):
            combo.currentIndexChanged.connect(self._update)
        self.set_target(current)

    def set_target(self, name: str) -> None:
        i = self.target.findData(name)
        if i >= 0:
            self.target.setCurrentIndex(i)
        self._update()

    def widget(self) -> QtWidgets.QWidget:
        _label, w = self.targets[self.target.currentData()]
        return w() if callable(w) else w

    def chosen_scale(self) -> float:
        return float(self.scale.currentData())

    def _update(self, *_args) -> None:
        png = self.format.currentData() == "png"
        self.scale.setEnabled(png)
        w = self.widget()
        s = self.chosen_scale() if png else 1
        unit = self.tr("pixels") if png else self.tr("(vector; drawn at this size)")
        self.size_label.setText(f"→ {round(w.width() * s)} × {round(w.height() * s)} {unit}")

    def default_name(self) -> str:
        return f"nnviz-{self.target.currentData()}.{self.format.currentData()}"

    def save_dialog(self) -> None:
        kind = self.format.currentData()
        start = str(Path(last_dir(self.settings)) / self.default_name())
        filt = self.tr("PNG pictures") + " (*.png)" if kind == "png" else self.tr("SVG drawings") + " (*.svg)"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Export image"), start, filt)
        if path:
            self.save_to(with_suffix(path, f".{kind}"))

    def save_to(self, path: str) -> bool:
        """Write the picture to ``path``; its suffix (.png or .svg) decides the format."""
        try:
            w, h = save_image(self.widget(), path, self.chosen_scale(), self.transparent.isChecked(),
                              title=self.picture_title)
        except (ValueError, OSError) as err:
            self.error_box = error_box(self, self.tr("Could not export the image"), f"{path}\n\n{error_text(err)}")
            return False
        remember_dir(self.settings, path)
        what = f"{w}×{h} px" if Path(path).suffix.lower() == ".png" else "SVG"
        self.status.setText(self.tr("Saved {0} ({1})").format(Path(path).name, what))
        return True

    def copy(self) -> QtGui.QImage:
        """Put the picture on the clipboard (at the chosen scale) and return it."""
        image = copy_to_clipboard(self.widget(), self.chosen_scale(), self.transparent.isChecked())
        self.status.setText(self.tr("Copied {0}×{1} px to the clipboard").format(image.width(), image.height()))
        return image


class RecordDialog(QtWidgets.QDialog):
    """Record one training step (phase by phase) or a training run of a copy of ``session``."""

    def __init__(self, session, parent: QtWidgets.QWidget | None = None,
                 settings: QtCore.QSettings | None = None, theme: str = "light", zoom: float = 1.0,
                 window_class=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record animation"))
        self.session = session
        self.window_class = window_class        # records of the whole window draw one of these
        self.settings = settings
        self.theme = theme
        self.zoom = zoom
        self.progress_dialog: QtWidgets.QProgressDialog | None = None
        self.error_box: QtWidgets.QMessageBox | None = None
        self.cancelled = False

        self.what = QtWidgets.QComboBox()
        self.what.addItem(self.tr("The next training step, phase by phase"), "step")
        self.what.addItem(self.tr("A training run"), "run")
        self.what.setToolTip(self.tr("One step: forward layer by layer, loss, backward, update. A run: the "
                                     "picture every few steps while training."))
        self.steps = QtWidgets.QSpinBox()
        self.steps.setRange(1, 100000)
        self.steps.setValue(200)
        self.steps.setSuffix(self.tr(" steps"))
        self.every = QtWidgets.QSpinBox()
        self.every.setRange(1, 10000)
        self.every.setValue(5)
        self.every.setPrefix(self.tr("a frame every "))
        self.every.setSuffix(self.tr(" steps"))
        self.view = QtWidgets.QComboBox()
        self.view.addItem(self.tr("Network"), "network")
        if window_class is not None:
            self.view.addItem(self.tr("Whole window"), "window")
        self.size = QtWidgets.QComboBox()
        for w, h in ANIMATION_SIZES:
            self.size.addItem(f"{w} × {h}", (w, h))
        self.size.setCurrentIndex(1)
        self.fps = QtWidgets.QSpinBox()
        self.fps.setRange(1, 60)
        self.fps.setValue(10)
        self.fps.setSuffix(self.tr(" frames/s"))
        self.tween = QtWidgets.QSpinBox()
        self.tween.setRange(0, 12)
        self.tween.setValue(3)
        self.tween.setToolTip(self.tr("In-between frames as the lit layer moves to the next one: a smooth sweep; "
                                      "each phase lasts this many frames plus one"))
        self.frames_label = QtWidgets.QLabel()
        self.ffmpeg_note = QtWidgets.QLabel()
        self.ffmpeg_note.setWordWrap(True)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Record"), self.what)
        form.addRow(self.tr("Run length"), self.steps)
        form.addRow("", self.every)
        form.addRow(self.tr("View"), self.view)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Frame rate"), self.fps)
        form.addRow(self.tr("In-between frames"), self.tween)
        form.addRow("", self.frames_label)

        buttons = QtWidgets.QDialogButtonBox()
        self.record_button = buttons.addButton(self.tr("Record…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setDefault(True)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.record_button.clicked.connect(self.record_dialog)
        buttons.rejected.connect(self.reject)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ffmpeg_note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for w in (self.what, self.view, self.size):
            w.currentIndexChanged.connect(self._update)
        for w in (self.steps, self.every, self.tween, self.fps):
            w.valueChanged.connect(self._update)
        self._update()

    def plan(self):
        if self.what.currentData() == "step":
            return anim.step_plan(self.session.n_layers, self.tween.value())
        return anim.run_plan(self.steps.value(), self.every.value())

    def _update(self, *_args) -> None:
        run = self.what.currentData() == "run"
        self.steps.setEnabled(run)
        self.every.setEnabled(run)
        self.tween.setEnabled(not run)
        plan = self.plan()
        seconds = (plan.frames if run else 1 + plan.moves * (plan.tween + 1)) / self.fps.value()
        self.frames_label.setText(self.tr("{0} frames, about {1} s").format(plan.frames, f"{seconds:.1f}"))
        if not anim.ffmpeg_path():
            note = self.tr("MP4 needs ffmpeg, which was not found: animations are saved as GIF.")
        elif run:       # measured: 200 steps of xor, GIF 4 to 7 times the MP4 (heatmaps change every frame)
            note = self.tr("Which format: for a training run choose MP4, several times smaller than the same "
                           "GIF; a GIF plays without a video player (slides, web pages), so keep it short.")
        else:
            note = self.tr("Which format: one step is about as small in either; a GIF plays anywhere without "
                           "a video player, MP4 suits a video.")
        self.ffmpeg_note.setText(note)

    def record_dialog(self) -> None:
        filters = self.tr("GIF animations") + " (*.gif)" + (
            ";;" + self.tr("MP4 videos") + " (*.mp4)" if anim.ffmpeg_path() else "")
        start = str(Path(last_dir(self.settings)) / f"nnviz-{self.what.currentData()}.gif")
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Record animation"), start, filters)
        if path:
            self.record_to(with_suffix(path, ".mp4" if "mp4" in chosen else ".gif"))

    def record_to(self, path: str) -> bool:
        """Record to ``path`` (.gif or .mp4) with a progress dialog; False if cancelled or failed."""
        self.cancelled = False
        try:
            plan = self.plan()
            anim.format_of(path)
        except ValueError as err:
            self.error_box = error_box(self, self.tr("Could not record"), str(err))
            return False
        progress = QtWidgets.QProgressDialog(self.tr("Recording…"), self.tr("Cancel"), 0, plan.frames, self)
        progress.setWindowTitle(self.tr("Record animation"))
        progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.progress_dialog = progress

        def step(done: int, total: int) -> bool:
            progress.setLabelText(self.tr("Recording frame {0} of {1}…").format(done, total))
            progress.setValue(done)
            QtWidgets.QApplication.processEvents()
            return not progress.wasCanceled()

        picture = None
        try:
            with _busy():
                picture = open_picture(copy_session(self.session), self.view.currentData(),
                                       window_class=self.window_class, size=self.size.currentData(),
                                       theme=self.theme, zoom=self.zoom)
                n = record(picture, plan, path, fps=self.fps.value(), progress=step)
        except anim.Cancelled:
            self.cancelled = True
            self.status.setText(self.tr("Cancelled; nothing was saved."))
            return False
        except (ValueError, OSError, RuntimeError) as err:
            self.error_box = error_box(self, self.tr("Could not record"), f"{path}\n\n{error_text(err)}")
            return False
        finally:
            if picture is not None:
                picture.close()
            progress.close()
        remember_dir(self.settings, path)
        self.status.setText(self.tr("Saved {0}: {1} frames").format(Path(path).name, n))
        return True


class _busy:
    """The wait cursor while something long runs."""

    def __enter__(self):
        QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QtWidgets.QApplication.restoreOverrideCursor()
