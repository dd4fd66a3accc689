"""The detail panel: the selected pair's sentences with their word diff, its kind,
similarity and, for a conflict, the reasons. Built with text cursors and formats, so file
text is inserted as text and never parsed as markup."""

from __future__ import annotations

import bisect

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ..core.highlight import marks, segments
from ..core.model import Comparison, Kind
from ..palette import MOVED, STYLES
from .colors import current_theme


def compared_pairs(cmp: Comparison) -> list[int]:
    """Indices of the pairs that are compared: every pair but page furniture, which is
    set aside, is no step of navigation and so takes no number."""
    return [k for k, p in enumerate(cmp.pairs) if p.kind is not Kind.FURNITURE]


class DetailPanel(QTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detail")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)
        self.setPlaceholderText(
            "Click a sentence to see it next to its counterpart, "
            "with the words that differ and why."
        )
        self.pair_index: int | None = None
        self._numbered: tuple[Comparison, list[int]] | None = None

    def pair_position(self, cmp: Comparison, n: int) -> str:
        """The pair's place, "pair 3 of 48", counted among the compared pairs only (see
        :func:`compared_pairs`); kept per comparison, as a long one has tens of thousands."""
        if self._numbered is None or self._numbered[0] is not cmp:
            self._numbered = (cmp, compared_pairs(cmp))
        compared = self._numbered[1]
        return f"pair {bisect.bisect_left(compared, n) + 1} of {len(compared)}"

    def show_pair(self, cmp: Comparison | None, n: int | None) -> None:
        self.pair_index = n
        self.clear()
        if cmp is None or n is None:
            self._numbered = None  # let a comparison no longer shown go
            return
        pair = cmp.pairs[n]
        theme = current_theme()
        cur = QTextCursor(self.document())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        st = STYLES[pair.kind]
        head = QTextCharFormat(bold)
        head.setForeground(theme.line(pair.kind))
        title = f"{st.marker} {st.label}"
        if pair.kind is Kind.MISSING:
            title += " — only in the " + ("left" if pair.left else "right") + " text"
        elif pair.kind is Kind.FURNITURE:
            # not a pair: say what it is, and give it no number among the pairs
            side = "left" if pair.left else "right"
            title = f"{st.marker} page furniture of the {side} text, set aside: not compared"
        cur.insertText(title, head)
        info = "" if pair.kind is Kind.FURNITURE else "   " + self.pair_position(cmp, n)
        if pair.left and pair.right and pair.kind is not Kind.IDENTICAL:
            info += f" · {round(pair.similarity * 100)}% similar"
        if pair.moved:
            info += f" · {MOVED.marker} moved"
        if pair.relation == "overlap":
            info += " · shares a fact, each text says more"
        elif pair.rewritten:
            info += " · rewritten (too little shared for a word diff)"
        cur.insertText(info, plain)
        hosted = cmp.cross_host(n)
        if hosted is not None:
            side, host = hosted
            cur.insertBlock()
            cur.insertText(
                f"Linked by a figure both texts give; the {side} sentence is also in "
                f"{self.pair_position(cmp, host)}",
                plain,
            )
        for why in pair.reasons():
            cur.insertBlock()
            reason = QTextCharFormat(bold)
            reason.setForeground(theme.line(Kind.CONFLICT))
            cur.insertText("≠ " + why, reason)
        for side, doc in (("left", cmp.left), ("right", cmp.right)):
            ids = pair.ids(side)
            cur.insertBlock()
            label = QTextCharFormat()
            label.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
            cur.insertText(f"{'Left' if side == 'left' else 'Right'} ({doc.name}): ", label)
            if not ids:
                cur.insertText("— no counterpart —", label)
                continue
            ms = marks(cmp, side, n)
            for k, i in enumerate(ids):
                s = doc.sentences[i]
                if k:
                    cur.insertText(" ", plain)
                for text, role in segments(s.text, s.start, ms):
                    cur.insertText(text, theme.word_format(role) if role else plain)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def text_shown(self) -> str:
        return self.toPlainText()
