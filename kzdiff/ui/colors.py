"""QColors and text formats for each kind, from :mod:`kzdiff.palette`, for the current theme.

Whether the theme is dark is read from the application palette (window colour lightness),
so the panes re-theme when the palette changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from ..core.model import Kind
from ..palette import MOVED, STYLES, WORD_ROLES


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


@dataclass(frozen=True)
class Theme:
    dark: bool

    def line(self, kind: Kind) -> QColor:
        return QColor(STYLES[kind].line)

    def fill(self, kind: Kind) -> QColor:
        st = STYLES[kind]
        return QColor(st.fill_dark if self.dark else st.fill)

    @property
    def moved(self) -> QColor:
        return QColor(MOVED.line)

    @property
    def moved_faint(self) -> QColor:
        """The dashed outline of a moved pair's band that is neither selected nor under
        the mouse: faint, so many moves stay legible, but visible. On a dark background
        the moved green at the light theme's weight (alpha 90) could hardly be seen (ΔL*
        22 from the map's background, thin and dashed); there it is lighter and more
        opaque (ΔL* 33; the light theme's is 25). See tests/ui/test_moved_bands_theme.py."""
        c = QColor(MOVED.line)
        if self.dark:
            c = c.lighter(120)
            c.setAlpha(110)
        else:
            c.setAlpha(110)
        return c

    def sentence_format(self, kind: Kind, dimmed: bool) -> QTextCharFormat:
        """The format of a whole sentence of this kind: its fill only.

        Sentences are not underlined: with word marks (strike-through, underline) on
        top, a page of underlined sentences reads like a page of links. The kind's
        non-colour cue is its marker in the gutter (and the link map's band)."""
        f = QTextCharFormat()
        if dimmed or kind is Kind.FURNITURE:
            # furniture is always dimmed: set aside, shown only so the text reads whole;
            # and in italics, so that it never looks like a kind the user has hidden
            fg = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            f.setForeground(fg)
            f.setFontItalic(kind is Kind.FURNITURE)
            return f
        if kind is not Kind.IDENTICAL:
            f.setBackground(self.fill(kind))
        return f

    def word_format(self, role: str) -> QTextCharFormat:
        line, light, dark = WORD_ROLES[role]
        f = QTextCharFormat()
        f.setBackground(QColor(dark if self.dark else light))
        if role == "delete":
            f.setFontStrikeOut(True)
        elif role == "insert":
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            f.setUnderlineColor(QColor(line))
        else:  # conflict: what the reader must see first
            f.setFontWeight(QFont.Weight.Bold)
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            f.setUnderlineColor(QColor(line))
            if not self.dark:
                f.setForeground(QColor("#000000"))
        return f


def current_theme() -> Theme:
    return Theme(is_dark())
