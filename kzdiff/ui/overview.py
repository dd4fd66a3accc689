"""A thin map of one whole text beside its scroll bar (as Meld's diff map): a mark per
changed sentence in its kind's colour, the part in view as a frame, the selected pair
as a bold line; a click or drag scrolls there.

Positions are scroll-bar lines, the unit the pane scrolls by, so the frame and the
marks agree with what the pane shows; they are computed once per layout (cached on the
scroll range, zoom, width and filters), not on every paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.model import Kind
from .pane import SentencePane


class Overview(QWidget):
    jumped = Signal(int)  # the scroll value a click asked for

    WIDTH = 14

    def __init__(self, pane: SentencePane, parent: QWidget | None = None):
        super().__init__(parent)
        self.pane = pane
        self.setObjectName(f"{pane.side}Overview")
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("The whole text: a mark per change, the frame is what is in view")
        sb = pane.verticalScrollBar()
        sb.valueChanged.connect(self.update)
        sb.rangeChanged.connect(lambda *_: self.invalidate())
        pane.formatsApplied.connect(self.invalidate)
        pane.layoutInvalidated.connect(self.invalidate)
        self._key: tuple | None = None
        self._marks: list[tuple[float, float, Kind, int]] = []  # top, bottom (lines), kind, pair

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 100)

    def invalidate(self) -> None:
        self._key = None
        self.update()

    def marks(self) -> list[tuple[float, float, Kind, int]]:
        """(first line, last line, kind, pair index) of every changed sentence shown."""
        pane = self.pane
        cmp = pane.comparison
        sb = pane.verticalScrollBar()
        key = (id(cmp), sb.maximum(), sb.pageStep(), pane.zoom, frozenset(pane.hidden_kinds))
        if key == self._key:
            return self._marks
        out = []
        if cmp is not None and pane.doc is not None:
            for n, pair in enumerate(cmp.pairs):
                ids = pair.ids(pane.side)
                if not ids or pair.kind is Kind.IDENTICAL:
                    continue
                if pair.kind.value in pane.hidden_kinds:
                    continue
                a, b = pane.sentence_lines(ids)
                out.append((a, b, pair.kind, n))
        self._marks, self._key = out, key
        return out

    def _scale(self) -> float:
        total = self.pane.total_lines()
        return (self.height() - 2) / total if total > 0 else 0.0

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.AlternateBase))
        pane = self.pane
        if pane.doc is None:
            return
        k = self._scale()
        theme = pane.theme
        w = self.width()
        for a, b, kind, _n in self.marks():
            y0 = 1 + a * k
            h = max(2.0, (b - a) * k)
            p.fillRect(QRectF(2, y0, w - 4, h), theme.line(kind))
        cur = pane.current_pair
        if cur is not None and pane.comparison is not None:
            ids = pane.comparison.pairs[cur].ids(pane.side)
            if ids:
                a, b = pane.sentence_lines(ids)
                p.fillRect(
                    QRectF(0, 1 + a * k - 1, w, max(3.0, (b - a) * k + 2)),
                    pal.color(QPalette.ColorRole.Text),
                )
        sb = pane.verticalScrollBar()
        frame = QRectF(0.5, 1 + sb.value() * k, w - 1.0, max(4.0, sb.pageStep() * k))
        fill = QColor(pal.color(QPalette.ColorRole.Text))
        fill.setAlpha(40)
        p.fillRect(frame, fill)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.0))
        p.drawRect(frame)

    def value_at(self, y: float) -> int:
        """The scroll value that centres the view on the line drawn at ``y``."""
        k = self._scale()
        if k <= 0:
            return 0
        sb = self.pane.verticalScrollBar()
        line = (y - 1) / k
        return int(max(sb.minimum(), min(sb.maximum(), line - sb.pageStep() / 2)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.jumped.emit(self.value_at(event.position().y()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.jumped.emit(self.value_at(event.position().y()))
