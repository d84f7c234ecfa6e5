"""One colored chip per layer naming its gradient health, and a divergence banner.

Labels (from the session's diagnostics): ``✓ healthy`` bluish green,
``↓ vanishing`` sky blue, ``↑ exploding`` vermillion, ``✕ dead`` dark grey,
``≈ saturated`` yellow, ``⚠ diverged`` reddish purple.  The colors are
Okabe–Ito's, which stay apart for every color-vision deficiency, and every
chip also shows its symbol and its label's name, so no one has to tell red
from green.  Each chip's tooltip explains its label; the window
passes the session's text with the actual thresholds, and
``DEFAULT_TOOLTIPS`` is the fallback.

Notes on performance: chips are ``QLabel`` widgets kept between calls; a chip's
style sheet (the expensive part: Qt re-polishes the widget) is set only when
its label, theme or scale changes, so calling ``set_health`` every frame costs
next to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore, QtWidgets

from nnviz.session.config import HEALTH_DEFAULTS
from nnviz.session.health import describe_thresholds
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.plots.base import BASE_FONT_PT, Styled, run_demo
from nnviz.ui.widgets.theme import (
    HEALTH_COLORS, HEALTH_SYMBOLS, UNKNOWN_HEALTH_COLOR, Theme, get_theme, readable_text_color,
)

HEALTH_LABELS = ("healthy", "vanishing", "exploding", "dead", "saturated", "diverged")

# Fallback texts, used when the window passes no tooltips: each label's rule
# is the line of ``nnviz.session.health.describe_thresholds`` for the default
# thresholds (the same text the session gives), followed by what helps.
_REMEDIES = {
    "healthy": QT_TRANSLATE_NOOP("Health", "This layer's gradients are neither tiny nor huge compared with the "
                                           "output layer's, and its units are neither dead nor saturated, so it "
                                           "keeps learning."),
    "vanishing": QT_TRANSLATE_NOOP("Health", "This layer's weights barely change. Typical of deep sigmoid/tanh "
                                             "nets; ReLU with He init, batch norm or residual connections help."),
    "exploding": QT_TRANSLATE_NOOP("Health", "Updates overshoot. Lower the learning rate or the init gain, or "
                                             "clip gradients."),
    "dead": QT_TRANSLATE_NOOP("Health", "No gradient flows through dead units, so they cannot recover. Lower the "
                                        "learning rate, use leaky ReLU or He initialization."),
    "saturated": QT_TRANSLATE_NOOP("Health", "On the flat ends of the curve the derivative is nearly 0. Smaller "
                                             "initial weights or batch norm keep the units in the steep middle."),
    "diverged": QT_TRANSLATE_NOOP("Health", "Training cannot continue from here. Rewind and lower the learning "
                                            "rate."),
}


def default_tooltips() -> dict[str, str]:
    """label -> the rule for the default thresholds and what helps, in the installed language."""
    translate = QtCore.QCoreApplication.translate
    t = dict(HEALTH_DEFAULTS)
    english = describe_thresholds(t).splitlines()
    shown = describe_thresholds(t, lambda rule: translate("Health", rule)).splitlines()
    rules = {line.partition(": ")[0]: rule for line, rule in zip(english, shown)}   # "label: rule"
    out = {}
    for label, remedy in _REMEDIES.items():
        rule, remedy = rules.get(label), translate("Health", remedy)
        out[label] = f"{rule}.\n{remedy}" if rule else f"{translate('Health', label)}: {remedy}"
    return out


DEFAULT_TOOLTIPS = default_tooltips()

BANNER_TEXT = QT_TRANSLATE_NOOP("HealthStrip", "Training diverged (NaN/inf) — rewind to go back")


class HealthStrip(Styled, QtWidgets.QWidget):
    """A row of chips "L1 healthy", "L2 vanishing", ... and a hidden divergence banner."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)   # L1 under the first layer, in any language
        self._theme: Theme = get_theme("light")
        self._scale = 1.0
        self._labels: list[str] = []
        self._chips: list[QtWidgets.QLabel] = []
        self._chip_keys: list[tuple] = []
        self._texts: list[tuple[str, str]] = []
        self._fit_key: tuple | None = None
        self.setAutoFillBackground(True)

        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        self.banner = QtWidgets.QLabel(self.tr(BANNER_TEXT))
        self.banner.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(False)
        outer.addWidget(self.banner)
        self._row = QtWidgets.QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self._row.addStretch(1)
        outer.addLayout(self._row)
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_health(self, labels: Sequence[str], tooltips: Sequence[str] | None = None) -> None:
        """One chip per layer, layer 1 first; ``tooltips`` (same length) replaces the defaults."""
        labels = [str(label).strip().lower() for label in labels]
        if tooltips is not None and len(tooltips) != len(labels):
            raise ValueError(f"got {len(tooltips)} tooltips for {len(labels)} labels")
        while len(self._chips) > len(labels):
            chip = self._chips.pop()
            self._chip_keys.pop()
            self._row.removeWidget(chip)
            chip.deleteLater()
        while len(self._chips) < len(labels):
            chip = QtWidgets.QLabel()
            chip.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            self._row.insertWidget(len(self._chips), chip)
            self._chips.append(chip)
            self._chip_keys.append(())
        self._labels = labels
        self._texts = []                # (full, short) per chip; _fit_texts picks one
        defaults = DEFAULT_TOOLTIPS if tooltips is not None else default_tooltips()
        for i, (chip, label) in enumerate(zip(self._chips, labels)):
            symbol = HEALTH_SYMBOLS.get(label, "?")
            self._texts.append((f"{symbol} L{i + 1} {QtCore.QCoreApplication.translate('Health', label)}",
                                f"{symbol} L{i + 1}"))
            tip = tooltips[i] if tooltips is not None else defaults.get(label, label)
            if chip.toolTip() != tip:
                chip.setToolTip(tip)
            self._style_chip(i)
        self._fit_texts()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Chips name their label ("↓ L1 vanishing") when the strip has room, else only the symbol
        and layer ("↓ L1"; the tooltip keeps the name): a narrow screen never widens the window."""
        if not self._chips:
            return
        key = (tuple(self._texts), self.width(), self._scale)
        if key == self._fit_key:
            return                      # called every frame: nothing changed, nothing to measure
        self._fit_key = key
        fm = self._chips[0].fontMetrics()
        pad = 2 * round(7 * self._scale + max(1, round(self._scale))) + 2
        need = sum(fm.horizontalAdvance(full) + pad for full, _short in self._texts)
        need += self._row.spacing() * (len(self._chips) - 1) + 8
        short = need > self.width()
        for chip, (full_text, short_text) in zip(self._chips, self._texts):
            chip.setMinimumWidth(fm.horizontalAdvance(short_text) + pad)
            text = short_text if short else full_text
            if chip.text() != text:
                chip.setText(text)

    def set_diverged(self, diverged: bool) -> None:
        """Show or hide the banner "Training diverged (NaN/inf) — rewind to go back"."""
        self.banner.setVisible(bool(diverged))

    def is_diverged(self) -> bool:
        return not self.banner.isHidden()

    def chips(self) -> list[QtWidgets.QLabel]:
        return list(self._chips)

    def labels(self) -> list[str]:
        return list(self._labels)

    @staticmethod
    def chip_color(label: str) -> str:
        """Background color of a chip with ``label`` (grey for unknown labels)."""
        return HEALTH_COLORS.get(label, UNKNOWN_HEALTH_COLOR)

    # -- styling -------------------------------------------------------------------
    def _apply_style(self) -> None:
        t, s = self._theme, self._scale
        palette = self.palette()
        palette.setColor(self.backgroundRole(), t.background)
        palette.setColor(self.foregroundRole(), t.foreground)
        self.setPalette(palette)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {t.diverged}; color: {readable_text_color(t.diverged)};"
            f" font-weight: bold; font-size: {BASE_FONT_PT * 1.15 * s:.1f}pt;"
            f" border-radius: {4 * s:.0f}px; padding: {4 * s:.0f}px {10 * s:.0f}px; }}")
        for i in range(len(self._chips)):
            self._style_chip(i)
        self._fit_texts()

    def _style_chip(self, i: int) -> None:
        label = self._labels[i]
        key = (label, self._theme.name, self._scale)
        if self._chip_keys[i] == key:
            return
        self._chip_keys[i] = key
        bg = self.chip_color(label)
        s = self._scale
        # A rim in the text color keeps dark chips visible on a dark background.
        rim = self._theme.muted if self._theme.name == "dark" else bg
        self._chips[i].setStyleSheet(
            f"QLabel {{ background: {bg}; color: {readable_text_color(bg)};"
            f" border: {max(1, round(s))}px solid {rim}; border-radius: {5 * s:.0f}px;"
            f" padding: {2 * s:.0f}px {7 * s:.0f}px; font-size: {BASE_FONT_PT * s:.1f}pt; }}")


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> HealthStrip:
    strip = HealthStrip()
    strip.set_health(["vanishing", "vanishing", "saturated", "healthy", "healthy", "dead",
                      "exploding", "diverged"])
    strip.set_diverged(True)
    return strip


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(760, 90), title="nnviz gradient health"))
