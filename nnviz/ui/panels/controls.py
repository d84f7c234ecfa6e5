"""Step controls: the actions of the Run menu and toolbar, the speed slider, the counters.

:class:`StepControls` only builds widgets and actions and reports what the
user asked for; the window connects the actions to session calls and to its
play timer.  Shortcuts (shown in tooltips and the Help dialog):

=================  =========================================
Right              step one phase
Shift+Right        step one mini-batch (a whole training step)
Ctrl+Right         step one epoch
Left               step back one phase
Shift+Left         step back one training step
Space              play / pause
Ctrl+R             reset (fresh weights, step 0)
Ctrl+Shift+A       animation on / off
] and [            faster / slower
=================  =========================================

Text fields (spin boxes) keep their own arrow keys while they have focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import translate

SP = QtWidgets.QStyle.StandardPixmap


@dataclass(frozen=True)
class Speed:
    """One notch of the speed slider.

    animated_ms: time per phase while animating phase by phase.
    steps: training steps per frame with the animation off.
    """

    animated_ms: int
    steps: int

    def label(self, animate: bool) -> str:
        if animate:
            per_s = 1000.0 / self.animated_ms
            return translate("Speed", "{0} phases/s").format(f"{per_s:.3g}")
        if self.steps > 1:
            return translate("Speed", "{0} steps/frame").format(self.steps)
        return translate("Speed", "1 step/frame")


SPEEDS = (
    Speed(2000, 1), Speed(1000, 2), Speed(600, 5), Speed(350, 10),
    Speed(200, 20), Speed(100, 50), Speed(50, 100), Speed(16, 250),
)
DEFAULT_SPEED = 3

# The controls a classroom setup can hide (config "classroom" → "hidden_controls"): name -> label.
CONTROL_NAMES = {
    "reset": QT_TRANSLATE_NOOP("Controls", "Reset"), "back_step": QT_TRANSLATE_NOOP("Controls", "Back step"),
    "back_phase": QT_TRANSLATE_NOOP("Controls", "Back phase"), "step_phase": QT_TRANSLATE_NOOP("Controls", "Phase"),
    "step_batch": QT_TRANSLATE_NOOP("Controls", "Step"), "step_epoch": QT_TRANSLATE_NOOP("Controls", "Epoch"),
    "play": QT_TRANSLATE_NOOP("Controls", "Play / pause"), "speed": QT_TRANSLATE_NOOP("Controls", "Speed"),
    "animate": QT_TRANSLATE_NOOP("Controls", "Animate"), "sample": QT_TRANSLATE_NOOP("Controls", "Sample picker"),
    "batch_mean": QT_TRANSLATE_NOOP("Controls", "Batch mean"),
}
"""Labels marked for translation (context "Controls"): show them through ``translate("Controls", label)``."""


def shortcut_table() -> list[tuple[str, str]]:
    """(keys, what they do) for the Help dialog, in the installed language (the keys stay as typed)."""
    return [
        ("Right", translate("Shortcuts", "step one phase (forward layer by layer, loss, backward, update)")),
        ("Shift+Right", translate("Shortcuts", "step one mini-batch: a whole training step")),
        ("Ctrl+Right", translate("Shortcuts", "step one epoch")),
        ("Left", translate("Shortcuts", "step back one phase")),
        ("Shift+Left", translate("Shortcuts", "step back one training step")),
        ("Space", translate("Shortcuts", "play / pause")),
        ("] / [", translate("Shortcuts", "faster / slower")),
        ("Ctrl+Shift+A", translate("Shortcuts", "animation on / off (off: play trains whole steps)")),
        ("Ctrl+R", translate("Shortcuts", "reset: fresh weights, back to step 0")),
        ("M", translate("Shortcuts", "neurons show the batch mean / the focused sample")),
        ("Ctrl+N", translate("Shortcuts", "new experiment with the default settings")),
        ("Ctrl+O / Ctrl+S / Ctrl+Shift+S", translate("Shortcuts", "open / save / save an experiment as")),
        ("Ctrl+Z",
         translate("Shortcuts", "undo the last edit (a setting, a typed weight, a switched neuron, a drawn point)")),
        ("Ctrl+Shift+Z / Ctrl+Y", translate("Shortcuts", "redo the edit undone")),
        ("Ctrl++ / Ctrl+- / Ctrl+0", translate("Shortcuts", "zoom the views in / out / back to normal")),
        ("Ctrl+E",
         translate("Shortcuts", "export the window or a view as PNG or SVG (right-click a view: export just it)")),
        ("Ctrl+Shift+C", translate("Shortcuts", "copy a picture of the window")),
        ("F5", translate("Shortcuts", "presenter mode: the same keys, R reveals the lit layer's numbers, Esc leaves")),
        ("F11", translate("Shortcuts", "full screen on / off")),
        ("F1", translate("Shortcuts", "the user guide's page for the view under the mouse")),
        ("Ctrl+W", translate("Shortcuts", "close the window (asks about unsaved changes)")),
        ("Ctrl+Q", translate("Shortcuts", "quit")),
    ]


class StepControls(QtCore.QObject):
    """Actions (for menus, toolbar and shortcuts), the speed slider, the sample picker, counters."""

    speedChanged = QtCore.Signal(int)
    sampleChanged = QtCore.Signal(int)

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        style = parent.style()

        def action(text, tip, keys=(), icon=None, checkable=False):
            act = QtGui.QAction(text, parent)
            if icon is not None:
                act.setIcon(style.standardIcon(icon))
            if keys:
                act.setShortcuts([QtGui.QKeySequence(k) for k in keys])
                tip = tip + " (" + self.tr(" or ").join(keys) + ")"
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.setCheckable(checkable)
            act.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            parent.addAction(act)       # shortcuts work even when the toolbar is hidden
            return act

        self.back_step = action(self.tr("Back step"), self.tr("Step back to the end of the previous training step"),
                                ("Shift+Left",), SP.SP_MediaSkipBackward)
        self.back_phase = action(self.tr("Back"), self.tr("Step back one phase"), ("Left",),
                                 SP.SP_MediaSeekBackward)
        self.step_phase = action(self.tr("Phase"),
                                 self.tr("Step one phase: forward layer by layer, loss, backward, update"),
                                 ("Right",), SP.SP_MediaSeekForward)
        self.step_batch = action(self.tr("Step"), self.tr("Step one mini-batch: finish a whole training step"),
                                 ("Shift+Right",), SP.SP_MediaSkipForward)
        self.step_epoch = action(self.tr("Epoch"), self.tr("Train one epoch: every training sample once"),
                                 ("Ctrl+Right",), SP.SP_ArrowForward)
        self.play = action(self.tr("Play"), self.tr("Play / pause: train continuously at the chosen speed"),
                           ("Space",), SP.SP_MediaPlay, checkable=True)
        self.reset = action(self.tr("Reset"), self.tr("Reset: fresh weights from the seed, back to step 0"),
                            ("Ctrl+R",), SP.SP_BrowserReload)
        self.animate = action(self.tr("Animate"), self.tr("Animation on: play shows every phase; off: play trains "
                                                          "whole steps and redraws once per frame"),
                              ("Ctrl+Shift+A",), checkable=True)
        self.animate.setChecked(True)
        self.faster = action(self.tr("Faster"), self.tr("Play faster"), ("]",))
        self.slower = action(self.tr("Slower"), self.tr("Play slower"), ("[",))
        self.batch_mean = action(self.tr("Batch mean"), self.tr("Neurons show the mean over the mini-batch "
                                                                "instead of one focused sample"),
                                 ("M",), checkable=True)
        self.play.toggled.connect(self._on_play_toggled)

        self.speed = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(DEFAULT_SPEED)
        self.speed.setPageStep(1)
        self.speed.setFixedWidth(110)
        self.speed.setToolTip(self.tr("Play speed: phases per second with the animation on, training steps "
                                      "per frame with it off ([ and ] change it)"))
        self.speed_label = QtWidgets.QLabel()
        self.speed_label.setMinimumWidth(96)
        self.speed_label.setToolTip(self.speed.toolTip())
        self.speed.valueChanged.connect(self._on_speed)
        self.animate.toggled.connect(lambda _on: self._update_speed_label())
        self.faster.triggered.connect(lambda: self.speed.setValue(self.speed.value() + 1))
        self.slower.triggered.connect(lambda: self.speed.setValue(self.speed.value() - 1))

        self.sample = QtWidgets.QSpinBox()
        self.sample.setRange(1, 1)
        self.sample.setPrefix(self.tr("sample "))
        self.sample.setKeyboardTracking(False)
        self.sample.setToolTip(self.tr("The focused sample of the mini-batch: neurons show its activations "
                                       "and deltas (M: the batch mean instead)"))
        self.sample.valueChanged.connect(lambda v: self.sampleChanged.emit(v - 1))
        self.batch_mean.toggled.connect(lambda on: self.sample.setEnabled(not on))

        self.counters = QtWidgets.QLabel()
        self.counters.setToolTip(self.tr("Updates applied so far, the current epoch, and the phase shown"))
        self.counters.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self._widget_actions: dict[str, list[QtGui.QAction]] = {}   # toolbar slots of the widgets
        self._update_speed_label()

    # ------------------------------------------------------------------ widgets
    def toolbar(self, parent: QtWidgets.QMainWindow) -> QtWidgets.QToolBar:
        bar = QtWidgets.QToolBar("Step controls", parent)
        bar.setObjectName("step_controls")
        bar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QtCore.QSize(18, 18))
        # The counters come first: a toolbar too long for a small screen moves its last
        # items into the overflow menu, and the step, epoch and phase must stay in view.
        self.fit_counters()
        bar.addWidget(self.counters)
        bar.addSeparator()
        for act in (self.reset, self.back_step, self.back_phase, self.step_phase, self.step_batch,
                    self.step_epoch):
            bar.addAction(act)
        bar.addSeparator()
        bar.addAction(self.play)
        self._widget_actions["speed"] = [bar.addWidget(self.speed), bar.addWidget(self.speed_label)]
        bar.addAction(self.animate)
        bar.addSeparator()
        self._widget_actions["sample"] = [bar.addWidget(self.sample)]
        bar.addAction(self.batch_mean)
        return bar

    def run_menu_actions(self) -> list:
        """Actions of the Run menu, None for separators."""
        return [self.step_phase, self.step_batch, self.step_epoch, None, self.back_phase, self.back_step,
                None, self.play, self.faster, self.slower, self.animate, None, self.reset]

    def apply_classroom(self, hidden: list[str]) -> None:
        """Hide the controls named in ``hidden`` (names of ``CONTROL_NAMES``) and show the others.

        A hidden action leaves the toolbar and the menus and its keys do nothing.
        """
        hidden = set(hidden)
        for name in CONTROL_NAMES:
            if name in self._widget_actions:
                for act in self._widget_actions[name]:
                    act.setVisible(name not in hidden)
            else:
                getattr(self, name).setVisible(name not in hidden)
            if name == "speed":
                for act in (self.faster, self.slower):
                    act.setVisible(name not in hidden)

    # ------------------------------------------------------------------ state
    def current_speed(self) -> Speed:
        return SPEEDS[self.speed.value()]

    def set_batch_size(self, n: int) -> None:
        """Range of the sample picker: 1..n."""
        n = max(1, int(n))
        if self.sample.maximum() != n:
            self.sample.setMaximum(n)
            self.sample.setSuffix(self.tr(" of {0}").format(n))

    def fit_counters(self) -> None:
        """Counters wide enough for long texts in their current font, so the buttons beside them do
        not move while stepping (call again after the font changes)."""
        bold = QtGui.QFont(self.counters.font())
        bold.setBold(True)
        metrics = QtGui.QFontMetrics(bold)
        self.counters.setMinimumWidth(metrics.horizontalAdvance("step 00000   epoch 0000   phase backward layer 00"))

    def set_counters(self, step: int, epoch: int, phase: str, note: str = "") -> None:
        text = self.tr("step <b>{0}</b> &nbsp; epoch <b>{1}</b> &nbsp; phase <b>{2}</b>").format(step, epoch, phase)
        if note:
            text += f" &nbsp; {note}"
        self.counters.setText(text)

    def set_playing(self, playing: bool) -> None:
        if self.play.isChecked() != playing:
            self.play.setChecked(playing)

    def _on_play_toggled(self, on: bool) -> None:
        style = self.parent().style()
        self.play.setText(self.tr("Pause") if on else self.tr("Play"))
        self.play.setIcon(style.standardIcon(SP.SP_MediaPause if on else SP.SP_MediaPlay))

    def _on_speed(self, value: int) -> None:
        self._update_speed_label()
        self.speedChanged.emit(value)

    def _update_speed_label(self) -> None:
        self.speed_label.setText(self.current_speed().label(self.animate.isChecked()))


def _demo() -> QtWidgets.QMainWindow:
    window = QtWidgets.QMainWindow()
    controls = StepControls(window)
    window.addToolBar(controls.toolbar(window))
    controls.set_batch_size(10)
    controls.set_counters(12, 1, "backward layer 2")
    label = QtWidgets.QLabel("Press the step controls; the actions print what they would do.")
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    for name in ("step_phase", "step_batch", "step_epoch", "back_phase", "back_step", "reset"):
        getattr(controls, name).triggered.connect(lambda _=False, n=name: label.setText(n))
    controls.play.toggled.connect(lambda on: label.setText("playing" if on else "paused"))
    window._controls = controls
    return window


def main(argv=None) -> int:
    from nnviz.ui.widgets.demo_runner import run_widget
    return run_widget(_demo, argv, size=(1100, 120), title="nnviz step controls")


if __name__ == "__main__":
    raise SystemExit(main())
