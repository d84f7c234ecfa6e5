"""What the main window remembers and how it looks: geometry, dock layout, theme, zoom.

Settings live in the window's QSettings (the user's, or a scratch file for
pictures and tests); a value that cannot be read falls back to its default.
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.app.screen_fit import available_rect, fold_docks, keep_inside, place_window
from nnviz.ui.panels.controls import SPEEDS
from nnviz.ui.widgets.icons import tinted_icon
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import get_theme

THEMES = ("light", "dark", "contrast")
THEME_CHOICES = ("system", *THEMES)
"""View → Theme: "system" (the default) draws light or dark as the desktop's colour scheme is, live."""
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.5, 3.0)


def _bool_setting(value, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def _int_setting(value, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(value), lo), hi)
    except (TypeError, ValueError):
        return default


class WindowSettings:
    """Restore and save the window's layout and preferences; theme and zoom (part of the main window)."""

    def _restore_settings(self) -> None:
        s = self.settings
        place_window(self)                  # inside the screen's available area, centred
        self._default_state = self.saveState()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            keep_inside(self, available_rect(self))     # remembered from a larger screen
        state = s.value("window/state")
        if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            self._needs_default_sizes = True
        split = s.value("window/centre_split")
        if isinstance(split, QtCore.QByteArray) and not split.isEmpty():
            self.centre_split.restoreState(split)
        self.controls.speed.setValue(_int_setting(s.value("play/speed"), self.controls.speed.value(),
                                                  0, len(SPEEDS) - 1))
        self.controls.animate.setChecked(_bool_setting(s.value("play/animate"), True))
        self.heatmaps_action.setChecked(_bool_setting(s.value("view/heatmaps"), True))
        self.delta_action.setChecked(_bool_setting(s.value("view/update_delta"), True))
        self.log_loss_action.setChecked(_bool_setting(s.value("view/log_loss"), False))
        theme = s.value("view/theme")
        self.set_theme(theme if theme in THEME_CHOICES else "system")
        QtGui.QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme)
        try:
            zoom = float(s.value("view/zoom", 1.0))
        except (TypeError, ValueError):
            zoom = 1.0
        if math.isfinite(zoom) and zoom != 1.0:
            self.set_zoom(zoom)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/centre_split", self.centre_split.saveState())
        s.setValue("play/speed", self.controls.speed.value())
        s.setValue("play/animate", self.controls.animate.isChecked())
        s.setValue("view/heatmaps", self.heatmaps_action.isChecked())
        s.setValue("view/update_delta", self.delta_action.isChecked())
        s.setValue("view/log_loss", self.log_loss_action.isChecked())
        s.setValue("view/theme", self._theme_choice)
        s.setValue("view/zoom", self.zoom)
        s.sync()

    def restore_default_layout(self) -> None:
        if self._default_state is not None:
            self.restoreState(self._default_state)
        for dock in (self.lessons_dock, self.inspector_dock, self.knobs_dock, self.data_dock, self.curves_dock):
            dock.show()
        self.lessons_dock.raise_()
        self._tab_feature_dock()
        self._default_sizes()

    def _tab_feature_dock(self) -> None:
        """The feature space as a tab behind the loss curves (the first start's layout)."""
        self.tabifyDockWidget(self.curves_dock, self.feature_dock)
        self.feature_dock.show()
        self.curves_dock.raise_()

    def _default_sizes(self) -> None:
        """Dock sizes of a first start, folded into tabs on a small screen; they only take once the
        window has its size."""
        fold_docks(self)

    def zoomable_views(self) -> list:
        """The views whose text, lines and points follow View → Zoom."""
        return [self.network_view, self.boundary_view, self.regression_view, self.curves_view,
                self.gradnorm_view, self.graddist_view, self.health_strip, self.confusion_view,
                self.weight_images_view, self.feature_view, self.inspector, *self.lecture.views()]

    def set_zoom(self, zoom: float) -> None:
        """Scale text, lines and points of every view (1 = normal), within ``ZOOM_RANGE``."""
        zoom = min(max(float(zoom), ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if abs(zoom - 1.0) < 1e-6:
            zoom = 1.0
        self.zoom = zoom
        for view in self.zoomable_views():
            view.set_line_scale(zoom)
        self.statusBar().showMessage(self.tr("Zoom {0}").format(f"{zoom:.0%}"), 2000)

    def theme_name(self) -> str:
        """The theme the views are drawn in: "light", "dark" or "contrast"."""
        return self._theme

    def theme_choice(self) -> str:
        """What View → Theme says: "system" or one of THEMES."""
        return self._theme_choice

    def system_theme(self) -> str:
        """"dark" when the desktop's colour scheme is dark, else "light".

        The scheme comes from ``QStyleHints.colorScheme`` (or the last
        ``colorSchemeChanged``); a platform that does not say (Unknown) is read
        from the application palette: a dark window colour means a dark desktop.
        """
        scheme = self._color_scheme
        if scheme is None or scheme == QtCore.Qt.ColorScheme.Unknown:
            scheme = QtGui.QGuiApplication.styleHints().colorScheme()
        if scheme == QtCore.Qt.ColorScheme.Unknown:
            window = QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window)
            return "dark" if window.lightness() < 128 else "light"
        return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light"

    def _on_color_scheme(self, scheme: QtCore.Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: follow it when the theme is "system"."""
        self._color_scheme = scheme
        if self._theme_choice == "system" and not self._closing:
            self.set_theme("system")

    def set_theme(self, name: str) -> None:
        """Draw every view in the theme ("system": light or dark as the desktop); with "dark" the panels
        and menus go dark too."""
        self._theme_choice = name
        if name == "system":
            name = self.system_theme()
        self._theme = name
        if name == "dark":
            apply_palette(self, get_theme(name))
        else:
            self.setPalette(QtWidgets.QApplication.palette())
            self.setAutoFillBackground(False)
        self.network_view.set_theme(name)
        self.lecture.set_theme(name)
        self._tint_toolbar_icons()
        for view in (self.boundary_view, self.regression_view, self.curves_view, self.gradnorm_view,
                     self.graddist_view, self.health_strip, self.confusion_view, self.weight_images_view,
                     self.inspector):
            view.set_theme(name)
        act = self.theme_actions.get(self._theme_choice)
        if act is not None and not act.isChecked():
            act.setChecked(True)

    def _tint_toolbar_icons(self) -> None:
        """Toolbar icons in the theme's text color on the dark theme, as the style draws them otherwise."""
        toolbar = self.findChild(QtWidgets.QToolBar, "step_controls")
        if toolbar is None:
            return
        plain, tinted = self._plain_icons, self._tinted_keys
        color = get_theme("dark").foreground if self._theme == "dark" else None
        for act in toolbar.actions():
            icon = act.icon()
            if icon.isNull():
                continue
            if act not in plain or icon.cacheKey() != tinted.get(act):
                plain[act] = icon           # a new icon from the controls (play ↔ pause)
            new = tinted_icon(plain[act], color) if color else plain[act]
            tinted[act] = new.cacheKey()
            act.setIcon(new)
