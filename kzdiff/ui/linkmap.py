"""The strip between the panes: one band per visible pair, from its left sentences to its
right ones, coloured by kind (as Meld's linkmap). Moved pairs cross; a band whose other
end is off-screen shrinks to a stub pointing up or down. It paints only what is visible
and holds no logic beyond asking the panes where their sentences are."""

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
        for n in self.visible_pairs():
            pair = cmp.pairs[n]
            t0, b0 = self.left.y_span(pair.left)
            t1, b1 = self.right.y_span(pair.right)
            t0, b0, t1, b1 = t0 + ol, b0 + ol, t1 + orr, b1 + orr
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
            line = theme.moved if pair.moved else theme.line(pair.kind)
            fill = QColor(theme.line(pair.kind))
            fill.setAlpha(150 if n == current else (45 if pair.kind is Kind.IDENTICAL else 90))
            p.fillPath(path, fill)
            pen = QPen(line, 2.0 if (n == current or pair.moved) else 1.0)
            if pair.moved:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.strokePath(path, pen)
            self._bands.append((n, path))

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

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for n, path in reversed(self._bands):
            if path.contains(pos):
                self.pairClicked.emit(n)
                return
        super().mousePressEvent(event)
