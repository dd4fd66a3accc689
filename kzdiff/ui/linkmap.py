"""The strip between the panes: one band per visible pair, from its left sentences to its
right ones, coloured by kind (as Meld's linkmap). Moved pairs cross; a band whose other
end is off-screen shrinks to a stub pointing up or down. It paints only what is visible
and holds no logic beyond asking the panes where their sentences are.

With many moves the crossing bands would be a tangle: moved bands are drawn faintly
(thin, pale, no fill) unless selected or under the mouse, and the selected pair's band
is drawn last, strongest. A sentence with no counterpart gets a notch on its side of the
map. A pair whose sentences only overlap (``Pair.relation == "overlap"``) gets a
thinner band than one saying the same thing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.model import Kind
from .pane import SentencePane


class LinkMap(QWidget):
    pairClicked = Signal(int)

    def __init__(self, left: SentencePane, right: SentencePane, parent: QWidget | None = None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.setObjectName("linkMap")
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip("Links between paired sentences; click a band to select the pair")
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.updateRequest.connect(lambda *_: self.update())
        self._bands: list[tuple[int, QPainterPath]] = []
        self.hovered: int | None = None
        self._missing: list[tuple[str, int, QPainterPath]] = []
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(80, 100)

    def visible_pairs(self) -> list[int]:
        cmp = self.left.comparison
        if cmp is None or self.right.comparison is not cmp:
            return []
        seen: set[int] = set()
        for pane in (self.left, self.right):
            for sid in pane.visible_sentences():
                n = cmp.pair_index_of(pane.side, sid)
                if n is not None:
                    seen.add(n)
        return sorted(
            n
            for n in seen
            if cmp.pairs[n].left
            and cmp.pairs[n].right
            and cmp.pairs[n].kind.value not in self.left.hidden_kinds
        )

    def visible_missing(self) -> list[tuple[str, int]]:
        """(side, pair index) of the sentences in view that have no counterpart."""
        cmp = self.left.comparison
        if cmp is None or self.right.comparison is not cmp:
            return []
        out = []
        for pane in (self.left, self.right):
            if Kind.MISSING.value in pane.hidden_kinds:
                continue
            for sid in pane.visible_sentences():
                n = cmp.pair_index_of(pane.side, sid)
                if n is not None and cmp.pairs[n].kind is Kind.MISSING:
                    if (pane.side, n) not in out:
                        out.append((pane.side, n))
        return out

    def _offset(self, pane: SentencePane) -> int:
        """Viewport top in this widget's coordinates (panes may have a header above)."""
        return (
            pane.viewport().mapTo(self.window(), pane.viewport().rect().topLeft()).y()
            - self.mapTo(self.window(), self.rect().topLeft()).y()
        )

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._bands = []
        cmp = self.left.comparison
        if cmp is None:
            return
        w, h = float(self.width()), float(self.height())
        ol, orr = self._offset(self.left), self._offset(self.right)
        theme = self.left.theme
        current = self.left.current_pair
        visible = self.visible_pairs()
        order = [n for n in visible if n != current]
        # quiet bands first, moved ones above them, the selected pair's last (on top)
        order.sort(key=lambda n: (cmp.pairs[n].moved, n == self.hovered))
        if current is not None and current in visible:
            order.append(current)
        for n in order:
            pair = cmp.pairs[n]
            t0, b0 = self.left.y_span(pair.left)
            t1, b1 = self.right.y_span(pair.right)
            t0, b0, t1, b1 = t0 + ol, b0 + ol, t1 + orr, b1 + orr
            if getattr(pair, "relation", "same") == "overlap":
                # sentences that only overlap: a band a third as thick, centred
                t0, b0 = _thin(t0, b0)
                t1, b1 = _thin(t1, b1)
            off_left, off_right = (b0 < 0 or t0 > h), (b1 < 0 or t1 > h)
            if off_left and off_right:
                continue
            if off_left or off_right:
                path = self._stub(
                    w,
                    h,
                    (t1, b1) if off_left else (t0, b0),
                    off_left,
                    up=(b0 < 0) if off_left else (b1 < 0),
                )
            else:
                path = QPainterPath()
                path.moveTo(0, t0)
                path.cubicTo(QPointF(w / 2, t0), QPointF(w / 2, t1), QPointF(w, t1))
                path.lineTo(w, b1)
                path.cubicTo(QPointF(w / 2, b1), QPointF(w / 2, b0), QPointF(0, b0))
                path.closeSubpath()
            selected, hovered = n == current, n == self.hovered
            line = QColor(theme.moved if pair.moved else theme.line(pair.kind))
            fill = QColor(theme.line(pair.kind))
            if selected:
                fill.setAlpha(170)
                width = 2.5
            elif pair.moved and not hovered:
                fill.setAlpha(0)  # faint: an outline only, so many moves stay legible
                line = theme.moved_faint
                width = 1.2
            else:
                fill.setAlpha(130 if hovered else (45 if pair.kind is Kind.IDENTICAL else 90))
                width = 1.5 if (hovered or pair.moved) else 1.0
            p.fillPath(path, fill)
            pen = QPen(line, width)
            if pair.moved:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.strokePath(path, pen)
            if selected:
                p.strokePath(path, QPen(self.palette().color(self.foregroundRole()), 1.0))
            self._bands.append((n, path))
        self._paint_missing(p, w, h, ol, orr, current)

    def _paint_missing(
        self, p: QPainter, w: float, h: float, ol: int, orr: int, current: int | None
    ) -> None:
        """A notch at the map's edge beside each sentence that has no counterpart."""
        cmp = self.left.comparison
        assert cmp is not None
        colour = self.left.theme.line(Kind.MISSING)
        self._missing = []
        for side, n in self.visible_missing():
            pane = self.left if side == "left" else self.right
            top, bottom = pane.y_span(cmp.pairs[n].ids(side))
            off = ol if side == "left" else orr
            top, bottom = max(top + off, 0), min(bottom + off, int(h))
            if bottom <= top:
                continue
            depth = 9.0 if n == current else 6.0
            x_edge, x_in = (0.0, depth) if side == "left" else (w, w - depth)
            path = QPainterPath()
            path.moveTo(x_edge, top)
            path.lineTo(x_in, top + min(4.0, (bottom - top) / 2))
            path.lineTo(x_in, bottom - min(4.0, (bottom - top) / 2))
            path.lineTo(x_edge, bottom)
            path.closeSubpath()
            p.fillPath(path, colour)
            self._missing.append((side, n, path))

    @staticmethod
    def _stub(
        w: float, h: float, span: tuple[float, float], from_right: bool, up: bool
    ) -> QPainterPath:
        """A short tapered band from the visible side, pointing up or down to a partner that
        is off-screen: long bands to far-away partners would cross everything."""
        top, bottom = max(span[0], -2.0), min(span[1], h + 2.0)
        tip_y = (top + bottom) / 2 + (-12.0 if up else 12.0)
        x_edge, x_tip = (w, w * 0.62) if from_right else (0.0, w * 0.38)
        path = QPainterPath()
        path.moveTo(x_edge, top)
        path.cubicTo(
            QPointF((x_edge + x_tip) / 2, top), QPointF(x_tip, tip_y), QPointF(x_tip, tip_y)
        )
        path.cubicTo(
            QPointF(x_tip, tip_y), QPointF((x_edge + x_tip) / 2, bottom), QPointF(x_edge, bottom)
        )
        path.closeSubpath()
        return path

    def band_at(self, pos: QPointF) -> int | None:
        for n, path in reversed(self._bands):  # the top-most band first
            if path.contains(pos):
                return n
        for _side, n, path in reversed(self._missing):
            if path.contains(pos):
                return n
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        n = self.band_at(event.position())
        if n is not None:
            self.pairClicked.emit(n)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        n = self.band_at(event.position())
        if n != self.hovered:
            self.hovered = n
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.update()
        super().leaveEvent(event)


def _thin(top: float, bottom: float) -> tuple[float, float]:
    mid, half = (top + bottom) / 2, max(1.5, (bottom - top) / 6)
    return mid - half, mid + half
