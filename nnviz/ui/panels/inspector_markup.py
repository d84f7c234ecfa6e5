"""How an inspector page is written: its numbers, colours and HTML pieces (Qt-free).

inspector_text.py says what each page (neuron, edge, layer, gradient check)
shows; this module is the small vocabulary it writes with: :func:`fmt` prints
every number the same way (the one formatter, nnviz.session.formatting, at
:data:`DIGITS` digits), :func:`sub` and :func:`hat` write lecture symbols,
and :class:`Doc` collects a page's titles, lines and tables in the theme's
colours for a ``QTextBrowser``.
"""

from __future__ import annotations

import html

from nnviz.session.formatting import format_number
from nnviz.ui.widgets.theme import Theme

DIGITS = 5
"""Significant digits of every number on an inspector page."""

ERROR_COLORS = {"light": "#c62828", "dark": "#ff6b6b", "contrast": "#c00000"}
OK_COLORS = {"light": "#2e7d32", "dark": "#5ccf6c", "contrast": "#006b3c"}


def fmt(x: float | None) -> str:
    """A number as the inspector prints it: :data:`DIGITS` significant digits (see nnviz.session.formatting)."""
    return format_number(x, DIGITS)


def fmt_full(x: float) -> str:
    """A number with ten significant digits (for the edit box)."""
    return f"{float(x):.10g}"


def error_color(theme: Theme) -> str:
    return ERROR_COLORS.get(theme.name, ERROR_COLORS["light"])


def ok_color(theme: Theme) -> str:
    return OK_COLORS.get(theme.name, OK_COLORS["light"])


# -- small HTML helpers ----------------------------------------------------------------------
def esc(text: str) -> str:
    return html.escape(str(text), quote=False)


def sub(symbol: str, index) -> str:
    return f"{symbol}<sub>{index}</sub>"


def hat(symbol: str) -> str:
    """``symbol`` with a circumflex, in italics: upright letters with a combining
    circumflex are misplaced by some fonts (DejaVu Sans among them), italics are not."""
    return f"<i>{symbol}&#770;</i>"


def paren(x: float | None) -> str:
    """``fmt(x)``, in parentheses when negative (for products written out)."""
    s = fmt(x)
    return f"({s})" if s.startswith("-") else s


class Doc:
    """Collects the HTML of one inspector page with the theme's colors."""

    def __init__(self, theme: Theme) -> None:
        self.t = theme
        self.parts: list[str] = []

    def title(self, text: str, note: str = "") -> None:
        extra = f' &nbsp;<span style="color:{self.t.muted}">{note}</span>' if note else ""
        self.parts.append(f'<p style="margin-bottom:2px"><span style="font-size:large">'
                          f'<b>{text}</b></span>{extra}</p>')

    def line(self, text: str, muted: bool = False, color: str | None = None) -> None:
        c = self.t.muted if muted else color
        style = f' style="color:{c}"' if c else ""
        self.parts.append(f'<p style="margin-top:2px; margin-bottom:2px"><span{style}>{text}</span></p>')

    def section(self, text: str) -> None:
        self.parts.append(f'<p style="margin-top:8px; margin-bottom:2px"><b>{text}</b></p>')

    def table(self, rows: list[tuple[str, str, str]], header: tuple[str, ...] | None = None,
              emphasize: set[int] | None = None) -> None:
        """Rows of (symbol, formula or note, value); values right-aligned."""
        emphasize = emphasize or set()
        out = ['<table cellspacing="0" cellpadding="2">']
        if header:
            cells = "".join(f'<td align="{"right" if k else "left"}" style="color:{self.t.muted}">'
                            f"{h}</td>" for k, h in enumerate(header))
            out.append(f"<tr>{cells}</tr>")
        for n, row in enumerate(rows):
            bold = ("<b>", "</b>") if n in emphasize else ("", "")
            cells = []
            for k, cell in enumerate(row):
                align = "right" if k == len(row) - 1 or (header and k > 0) else "left"
                color = f' style="color:{self.t.muted}"' if (k == 1 and not header) else ""
                cells.append(f'<td align="{align}"{color}>{bold[0]}{cell}{bold[1]}&nbsp;</td>')
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        self.parts.append("".join(out))

    def html(self) -> str:
        return ('<html><body style="color:%s">%s</body></html>'
                % (self.t.foreground, "".join(self.parts)))
