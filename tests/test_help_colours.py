"""The user guide (English and Persian) names the colours the window paints with."""

from pathlib import Path

import numpy as np

from nnviz.ui.widgets import colors

HELP = Path(__file__).resolve().parents[1] / "resources" / "help"


def _hue(rgb) -> float:
    """CIELAB hue angle in degrees."""
    lab = colors.rgb_to_lab(np.array(rgb, dtype=float))
    return float(np.degrees(np.arctan2(lab[2], lab[1])) % 360)


def test_the_palette_has_the_hues_the_guide_names():
    for th in colors.THEMES.values():
        assert 290 <= _hue(th.negative) <= 330                # purple
        assert 100 <= _hue(th.positive) <= 150                # olive to mint green
        orange, blue, bluish_green = (_hue(c) for c in th.classes[:3])
        assert 55 <= orange <= 80 and 260 <= blue <= 290 and 145 <= bluish_green <= 165


def test_english_guide_names_sign_and_class_colours():
    page = (HELP / "en" / "network.html").read_text(encoding="utf-8")
    assert "purple (violet) for negative,\nolive green for positive" in page
    assert "purple negative, olive green positive" in page
    assert "orange for class 0, dark blue for class 1, bluish\ngreen for class 2" in page


def test_persian_guide_names_sign_and_class_colours():
    page = (HELP / "fa" / "network.html").read_text(encoding="utf-8")
    assert "نارنجی برای منفی" not in page and "آبی برای مثبت" not in page    # the old sign colours
    assert "بنفش برای منفی، سبز زیتونی برای مثبت" in page
    assert "بنفش منفی، سبز زیتونی مثبت" in page
    assert "نارنجی برای کلاس ۰، آبی تیره برای کلاس ۱، سبز مایل به آبی برای کلاس ۲" in page
