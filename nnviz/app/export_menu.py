"""The window's export entries: File menu actions, shortcuts and a right-click menu on every view.

:class:`ExportActions` adds to a menu

* **Export image…** (Ctrl+E): the export dialog on the whole window;
* **Copy window image** (Ctrl+Shift+C): the window at the last chosen scale
  on the clipboard;
* **Record animation…** and **Show code…**;

and gives each view a right-click menu with **Export this view…** and
**Copy this view** (the data views export the whole data panel).  For plots whose view box has its own menu (zoom,
axes), the two entries join that menu in place of pyqtgraph's own
"Export..."; elsewhere a right-click opens them alone.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.code_dialog import CodeDialog
from nnviz.app.export_dialogs import DEFAULT_SCALE, ExportImageDialog, RecordDialog
from nnviz.ui.images import copy_to_clipboard


class ExportActions(QtCore.QObject):
    """Export entries of ``window`` (a MainWindow), added to ``menu``."""

    def __init__(self, window, menu: QtWidgets.QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QtWidgets.QDialog | None = None
        self.view_menu: QtWidgets.QMenu | None = None
        self.scale = float(DEFAULT_SCALE)
        self.transparent = False
        self.export_action = self._action(menu, self.tr("&Export image…"), self.export_dialog, "Ctrl+E",
                                          self.tr("Save the window or one view as PNG (1×, 2×, 4×) or SVG, "
                                                  "for slides"))
        self.copy_action = self._action(menu, self.tr("&Copy window image"), self.copy_window, "Ctrl+Shift+C",
                                        self.tr("Put a picture of the window on the clipboard"))
        self.record_action = self._action(menu, self.tr("&Record animation…"), self.record_dialog, None,
                                          self.tr("Save one step's forward/backward animation, or a training "
                                                  "run, as GIF or MP4"))
        self.code_action = self._action(menu, self.tr("Show &code…"), self.code_dialog, None,
                                        self.tr("The network and its training as PyTorch or Keras code"))
        for target, scene in self.view_scenes():
            self._install_view_menu(target, scene)

    def _action(self, menu, text, slot, keys, tip) -> QtGui.QAction:
        act = QtGui.QAction(text, self.window)
        if keys:
            act.setShortcut(QtGui.QKeySequence(keys))
            tip = f"{tip} ({keys})"
        act.setToolTip(tip)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        self.window.addAction(act)
        return act

    # ------------------------------------------------------------------ targets
    def view_scenes(self) -> list[tuple[str, object]]:
        """(export target, graphics scene) of every view with a right-click export."""
        w = self.window
        out = [("network", w.network_view.scene())]
        for target, view in (("data", w.boundary_view), ("data", w.regression_view),
                             ("data", w.confusion_view), ("data", w.weight_images_view),
                             ("loss", w.curves_view), ("gradnorm", w.gradnorm_view),
                             ("graddist", w.graddist_view)):
            out.append((target, view.plot_widget.scene()))
        lecture = w.lecture                 # the loss landscape, activation and neuron-graph docks
        out += [("landscape", lecture.landscape.view.plot_widget.scene()),
                ("activations", lecture.activations.plot_widget.scene()),
                ("neuron-graph", lecture.neuron_graph.scene())]
        return out

    def targets(self) -> dict:
        """{name: (label, widget or callable)} offered by the export dialog."""
        w = self.window
        return {"window": (self.tr("Whole window"), w), "network": (self.tr("Network"), w.network_view),
                "data": (self.tr("Data and output"), lambda: w.data_stack.currentWidget()),
                "loss": (self.tr("Loss curves"), w.curves_view),
                "gradnorm": (self.tr("Gradient norm per layer"), w.gradnorm_view),
                "graddist": (self.tr("This step's gradients"), w.graddist_view),
                "landscape": (self.tr("Loss landscape"), w.lecture.landscape.view),
                "activations": (self.tr("Activation function"), w.lecture.activations.plot_widget),
                "neuron-graph": (self.tr("Neuron graph"), w.lecture.neuron_graph)}

    # ------------------------------------------------------------------ actions
    def _title(self) -> str:
        return self.window.windowTitle().replace("[*]", "") or "nnviz"   # no unsaved-changes mark

    def export_dialog(self, target: str = "window") -> ExportImageDialog:
        self._close_dialog()
        dialog = ExportImageDialog(self.targets(), target, self.window, self.window.settings, self._title())
        dialog.finished.connect(lambda _r, d=dialog: self._remember(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _remember(self, dialog: ExportImageDialog) -> None:
        self.scale = dialog.chosen_scale()
        self.transparent = dialog.transparent.isChecked()

    def copy_window(self) -> QtGui.QImage:
        return self.copy_view("window")

    def copy_view(self, target: str) -> QtGui.QImage:
        _label, widget = self.targets()[target]
        widget = widget() if callable(widget) else widget
        image = copy_to_clipboard(widget, self.scale, self.transparent)
        self.window.statusBar().showMessage(
            self.tr("Copied a {0}×{1} px picture to the clipboard").format(image.width(), image.height()), 4000)
        return image

    def record_dialog(self) -> RecordDialog:
        self._close_dialog()
        self.window.pause()
        dialog = RecordDialog(self.window.session, self.window, self.window.settings,
                              theme=self.window.theme_name(), zoom=getattr(self.window, "zoom", 1.0),
                              window_class=type(self.window))
        self.dialog = dialog
        dialog.open()
        return dialog

    def code_dialog(self) -> CodeDialog:
        self._close_dialog()
        dialog = CodeDialog(self.window.session, self.window, self.window.settings)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # ------------------------------------------------------------------ right-click
    def _install_view_menu(self, name: str, scene) -> None:
        export = QtGui.QAction(self.tr("Export this view…"), scene)
        export.triggered.connect(lambda _=False, n=name: self.export_dialog(n))
        copy = QtGui.QAction(self.tr("Copy this view"), scene)
        copy.triggered.connect(lambda _=False, n=name: self.copy_view(n))
        # pyqtgraph adds the scene's contextMenu entries to its view boxes' menus.
        scene.contextMenu = [export, copy]
        scene.sigMouseClicked.connect(lambda ev, n=name, s=scene: self._on_click(ev, n, s))

    def _on_click(self, ev, name: str, scene) -> None:
        if ev.button() != QtCore.Qt.MouseButton.RightButton or ev.isAccepted():
            return          # a view box's own menu already holds the entries
        self.popup_view_menu(scene, ev.screenPos().toPoint())

    def popup_view_menu(self, scene, pos: QtCore.QPoint | None = None) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self.window)
        for act in scene.contextMenu:
            menu.addAction(act)
        if self.view_menu is not None:
            self.view_menu.deleteLater()
        self.view_menu = menu
        menu.popup(pos if pos is not None else QtGui.QCursor.pos())
        return menu
