"""HealthStrip: chip text, colors, tooltips and the divergence banner."""

import pytest

from nnviz.ui.panels.health_strip import BANNER_TEXT, DEFAULT_TOOLTIPS, HEALTH_LABELS, HealthStrip
from nnviz.ui.widgets.theme import HEALTH_COLORS, HEALTH_SYMBOLS, THEME_NAMES

EXPECTED = {       # Okabe–Ito: no red/green pair
    "healthy": "#009e73",
    "vanishing": "#56b4e9",
    "exploding": "#d55e00",
    "dead": "#3a3a3a",
    "saturated": "#f0e442",
    "diverged": "#cc79a7",
}


@pytest.fixture
def strip(qtbot):
    s = HealthStrip()
    qtbot.addWidget(s)
    s.resize(900, 60)
    s.show()
    qtbot.waitExposed(s)
    return s


def _rendered_color(chip):
    """The chip's painted background, sampled inside its left padding."""
    image = chip.grab().toImage()
    return image.pixelColor(4, image.height() // 2).name()


def test_chips_text_and_colors(qtbot, strip):
    labels = list(HEALTH_LABELS)
    strip.set_health(labels)
    qtbot.wait(10)
    chips = strip.chips()
    assert [c.text() for c in chips] == [f"{HEALTH_SYMBOLS[label]} L{i + 1} {label}" for i, label in enumerate(labels)]
    for chip, label in zip(chips, labels):
        assert HealthStrip.chip_color(label) == EXPECTED[label] == HEALTH_COLORS[label]
        assert _rendered_color(chip) == EXPECTED[label]
        assert chip.toolTip() == DEFAULT_TOOLTIPS[label]
        assert label in chip.toolTip()


def test_labels_are_normalized_and_unknown_is_grey(strip):
    strip.set_health([" Healthy", "weird"])
    assert [c.text() for c in strip.chips()] == ["✓ L1 healthy", "? L2 weird"]
    assert HealthStrip.chip_color("weird") == "#9a9a9a"
    assert strip.chips()[1].toolTip() == "weird"


def test_custom_tooltips_and_count_changes(strip):
    strip.set_health(["vanishing", "healthy", "healthy"], tooltips=["a", "b", "c"])
    assert [c.toolTip() for c in strip.chips()] == ["a", "b", "c"]
    first = strip.chips()[0]
    strip.set_health(["exploding"])
    assert len(strip.chips()) == 1
    assert strip.chips()[0] is first
    assert first.text() == "↑ L1 exploding"
    with pytest.raises(ValueError):
        strip.set_health(["healthy"], tooltips=["a", "b"])


def test_diverged_banner(qtbot, strip):
    strip.set_health(["healthy", "diverged"])
    assert not strip.is_diverged()
    strip.set_diverged(True)
    qtbot.wait(10)
    assert strip.is_diverged()
    assert strip.banner.isVisible()
    assert strip.banner.text() == BANNER_TEXT == "Training diverged (NaN/inf) — rewind to go back"
    image = strip.banner.grab().toImage()
    assert image.pixelColor(6, image.height() // 2).name() == strip.theme().diverged
    strip.set_diverged(False)
    assert not strip.banner.isVisible()


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_theme_and_scale(qtbot, strip, theme):
    strip.set_health(["healthy", "dead"])
    height = strip.chips()[0].sizeHint().height()
    strip.set_theme(theme)
    strip.set_line_scale(2.0)
    qtbot.wait(10)
    assert strip.chips()[0].sizeHint().height() > height
    image = strip.grab().toImage()
    assert image.pixelColor(image.width() - 3, 2).name() == strip.theme().background
    assert _rendered_color(strip.chips()[1]) == EXPECTED["dead"]


def test_fallback_tooltips_state_the_sessions_rules():
    from nnviz.session import HEALTH_DEFAULTS
    from nnviz.session.health import describe_thresholds

    rules = describe_thresholds(dict(HEALTH_DEFAULTS)).splitlines()
    for line in rules:
        label, _, rule = line.partition(": ")
        assert rule in DEFAULT_TOOLTIPS[label]
    assert "mean |dL/dz|" in DEFAULT_TOOLTIPS["vanishing"] and "mean |dL/dz|" in DEFAULT_TOOLTIPS["exploding"]
