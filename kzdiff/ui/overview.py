"""A thin map of one whole text beside its scroll bar (as Meld's diff map): a mark per
changed sentence in its kind's colour, the part in view as a frame, the selected pair
as a bold line; a click or drag scrolls there.

Positions are scroll-bar lines, the unit the pane scrolls by, so the frame and the
marks agree with what the pane shows; they are computed once per layout (cached on the
scroll range, zoom, width and filters), not on every paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.model import Kind
from .pane import SentencePane

#: Texts of up to this many sentences are mapped by laid-out lines, longer ones by
#: character offsets (a line per sentence would cost too much on every relayout).
EXACT_UP_TO = 1500


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
        sb.rangeChanged.connect(lambda *_: self._relaid())
        pane.formatsApplied.connect(self.invalidate)
        pane.layoutInvalidated.connect(self._relaid)
        self._key: tuple | None = None
        self._marks: list[tuple[float, float, Kind, int]] = []  # top, bottom, kind, pair
        self._pixmap = QPixmap()
        self._pixmap_key: tuple | None = None
        self._generation = 0  # counts recomputed marks (the pixmap's key)
        self._computing = False

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 100)

    def invalidate(self) -> None:
        self._key = None
        self.update()

    def _relaid(self) -> None:
        """Line numbers changed (the background layout, a resize, a zoom): marks placed by
        lines must be placed again; a long text's marks, placed by character offsets, stay
        (recomputing them took 25 ms a side on each layout slice of a 20k-sentence pair:
        a third of every event-loop turn while the window laid the text out)."""
        if self._exact():
            self._key = None
        self.update()

    def marks(self) -> list[tuple[float, float, Kind, int]]:
        """(top, bottom, kind, pair index) of every changed or moved sentence shown, top and
        bottom as fractions of the whole text's height.

        Up to :data:`EXACT_UP_TO` sentences they come from the laid-out lines (what the
        scroll bar counts); beyond, from character offsets, which costs nothing while
        a long text is still being laid out and never stalls the window.
        """
        pane = self.pane
        cmp = pane.comparison
        doc = pane.doc
        exact = self._exact()
        key = self._marks_key()
        if key == self._key:
            return self._marks
        out = []
        if cmp is not None and doc is not None:
            total = pane.total_lines() if exact else float(max(1, len(doc.text)))
            for n, pair in enumerate(cmp.pairs):
                ids = pair.ids(pane.side)
                if (
                    not ids
                    or (pair.kind is Kind.IDENTICAL and not pair.moved)
                    or pair.kind is Kind.FURNITURE
                ):
                    continue  # unchanged text needs no mark; a moved sentence does
                if pair.kind.value in pane.hidden_kinds:
                    continue
                if exact:
                    a, b = pane.sentence_lines(ids)
                else:
                    a, b = doc.sentences[min(ids)].start, doc.sentences[max(ids)].end
                out.append((a / total, b / total, pair.kind, n))
        self._marks, self._key = out, key
        self._generation += 1
        return out

    def _exact(self) -> bool:
        doc = self.pane.doc
        return doc is not None and len(doc.sentences) <= EXACT_UP_TO

    def _marks_key(self) -> tuple:
        pane = self.pane
        sb = pane.verticalScrollBar()
        return (
            id(pane.comparison),
            frozenset(pane.hidden_kinds),
            (sb.maximum(), sb.pageStep(), pane.zoom) if self._exact() else None,
        )

    def _compute_later(self) -> None:
        """Marks of a long text are computed in an event-loop turn of their own, not in
        the same turn as everything a new comparison paints."""
        self._computing = False
        self.marks()
        self.update()

    def _scale(self) -> float:
        """Pixels per scroll-bar line."""
        total = self.pane.total_lines()
        return (self.height() - 2) / total if total > 0 else 0.0

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        pane = self.pane
        if pane.doc is None:
            p.fillRect(self.rect(), pal.color(QPalette.ColorRole.AlternateBase))
            return
        # the marks change with the comparison, filters and layout, not with scrolling:
        # they are painted once into a pixmap, and each scroll only adds the frame
        if self._exact() or self._marks_key() == self._key:
            marks = self.marks()
        else:
            marks = []  # for a moment: the marks are on their way
            if not self._computing:
                self._computing = True
                QTimer.singleShot(0, self, self._compute_later)
        key = (self._generation if marks else -1, self.size(), pane.theme, pal.cacheKey())
        if key != self._pixmap_key:
            self._pixmap = self._paint_marks(marks)
            self._pixmap_key = key
        p.drawPixmap(0, 0, self._pixmap)
        w = self.width()
        k = self._scale()
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

    def _paint_marks(self, marks: list[tuple[float, float, Kind, int]]) -> QPixmap:
        pm = QPixmap(self.size())
        pm.fill(self.palette().color(QPalette.ColorRole.AlternateBase))
        p = QPainter(pm)
        h = self.height() - 2.0
        w = self.width()
        theme = self.pane.theme
        colours = {kind: theme.line(kind) for kind in Kind}
        last = None
        for a, b, kind, _n in marks:
            y0, y1 = int(1 + a * h), int(1 + b * h)
            if (y0, y1, kind) == last:
                continue  # many sentences on one pixel row: paint it once
            last = (y0, y1, kind)
            # an identical sentence is marked only because it moved: in the moved colour
            colour = theme.moved if kind is Kind.IDENTICAL else colours[kind]
            p.fillRect(QRectF(2, y0, w - 4, max(2, y1 - y0)), colour)
        p.end()
        return pm

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
