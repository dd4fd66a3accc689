"""One side of the window: the document's full text, as loaded, with its sentences marked.

A read-only QPlainTextEdit (it lays out long documents lazily and never interprets
markup: text from files is data). Sentence kinds and word changes are character formats
applied once per comparison; the current pair is an extra selection. A gutter on the
left shows each sentence's kind marker, so colour is never the only cue.

Positions: the model counts Python characters (code points), Qt counts UTF-16 units;
:class:`OffsetMap` converts when a text has characters outside the BMP (emoji, etc.).
"""

from __future__ import annotations

import bisect
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..core.highlight import Mark, marks
from ..core.model import Comparison, Document, Kind
from ..palette import MOVED, STYLES, WORD_ROLES
from .colors import Theme, current_theme
from .offsets import BREAK_EVERY, ZWSP, OffsetMap

__all__ = ["BREAK_EVERY", "ZWSP", "OffsetMap", "SentencePane", "Gutter"]

#: Seconds of one slice of background work. Qt runs every due timer in one pass of its
#: event loop, and each pane formats and lays out on timers of its own, so a slice must
#: stay small for the slices of one pass together to stay well under 100 ms.
SLICE = 0.008
#: Texts up to this many characters get their first slice of formats in the same turn as
#: the text (a short document is then finished before the pane returns).
FORMAT_AT_ONCE_UP_TO = 200_000


class Gutter(QWidget):
    """The strip left of the text with one kind marker per sentence."""

    WIDTH_CHARS = 2.6

    def __init__(self, pane: SentencePane):
        super().__init__(pane)
        self.pane = pane
        self.setToolTip(
            "Kind of each sentence: = identical, ≈ paraphrase, ≠ conflict, "
            "∅ no counterpart, ↕ moved"
        )

    def sizeHint(self) -> QSize:
        return QSize(self.width_px(), 0)

    def width_px(self) -> int:
        return int(self.fontMetrics().horizontalAdvance("≈") * self.WIDTH_CHARS) + 8

    def rows(self) -> list[tuple[int, str, list[Kind], bool]]:
        """(y, markers, kinds, holds the current pair) per visual line that starts a
        sentence in view. Sentences starting on one line share one slot: their markers
        are joined (each once), never drawn over each other."""
        pane = self.pane
        if pane.comparison is None or pane.doc is None:
            return []
        rows: dict[int, tuple[list[str], list[Kind], bool]] = {}
        for sid in pane.visible_sentences():
            pair_index = pane.comparison.pair_index_of(pane.side, sid)
            if pair_index is None:
                continue
            pair = pane.comparison.pairs[pair_index]
            if pair.kind.value in pane.hidden_kinds:
                continue
            s = pane.doc.sentences[sid]
            y = pane.cursorRect(pane.cursor_at(s.start)).top()
            marker = STYLES[pair.kind].marker + (MOVED.marker if pair.moved else "")
            markers, kinds, current = rows.setdefault(y, ([], [], False))
            if marker not in markers:
                markers.append(marker)
                kinds.append(pair.kind)
            rows[y] = (markers, kinds, current or pair_index == pane.current_pair)
        return [(y, "".join(m), k, c) for y, (m, k, c) in rows.items()]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(event.rect(), pal.color(QPalette.ColorRole.AlternateBase))
        pane = self.pane
        if pane.comparison is None or pane.doc is None:
            return
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        fm = p.fontMetrics()
        rows = self.rows()
        span = pane.current_span()
        if span is not None and pane.current_pair is not None:
            kind = pane.comparison.pairs[pane.current_pair].kind
            top, bottom = span
            # the selection's bar: the pair's whole height, at the text's edge
            p.fillRect(QRect(self.width() - 4, top, 4, bottom - top), pane.theme.line(kind))
        for y, text, kinds, current in rows:
            f = QFont(font)
            avail = self.width() - 8
            while fm.horizontalAdvance(text) > avail and f.pointSizeF() > 5:
                f.setPointSizeF(f.pointSizeF() - 1)
                p.setFont(f)
                fm = p.fontMetrics()
            kind = max(kinds, key=_severity)
            if current:
                box = QRect(0, y, self.width() - 4, fm.height())
                p.fillRect(box, pane.theme.line(kind))
                p.setPen(QColor("#ffffff"))
            else:
                p.setPen(pane.theme.line(kind))
            p.drawText(
                QRect(2, y, self.width() - 8, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                text,
            )
            p.setFont(font)
            fm = p.fontMetrics()


def _severity(kind: Kind) -> int:
    """Which kind colours a shared gutter slot: the one a reader must see first."""
    order = (Kind.IDENTICAL, Kind.PARAPHRASE, Kind.MISSING, Kind.CONFLICT)
    return order.index(kind) if kind in order else 0


class SentencePane(QPlainTextEdit):
    sentenceClicked = Signal(int)  # sentence id
    dropped = Signal(object)  # QMimeData
    pasteRequested = Signal()  # Ctrl+V in this pane: the clipboard becomes this side
    layoutInvalidated = Signal()  # line numbers will change: new text, width or zoom
    formatsApplied = Signal()  # every pair's formats are in place

    def __init__(self, side: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side}Pane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # selectable with the mouse (to copy), but no caret: the keys scroll the page
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._drop_target = False
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.base_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        self.base_font.setPointSizeF(max(self.base_font.pointSizeF(), 10.5))
        self.zoom = 0
        self.setFont(self.base_font)
        self.doc: Document | None = None
        self.comparison: Comparison | None = None
        self.hidden_kinds: set[str] = set()
        self.current_pair: int | None = None
        self.theme: Theme = current_theme()
        self.offsets = OffsetMap("")
        # highlights by pair index, when a worker computed them (else computed here)
        self._marks: Mapping[int, list[Mark]] | None = None
        # the comparison's cross pairs by the pair holding their sentence here (_hosted)
        self._hosted_for: tuple[Comparison | None, dict[int, list[int]]] = (None, {})
        self._format_job: Iterator[None] | None = None
        self._format_full = False
        self._format_pending: deque[int] = deque()
        self._format_timer = QTimer(self)
        self._format_timer.setInterval(0)
        self._format_timer.timeout.connect(self._format_step)
        self.restart_layout()
        self.gutter = Gutter(self)
        self.setViewportMargins(self.gutter.width_px(), 0, 0, 0)
        self.updateRequest.connect(lambda *_: self.gutter.update())
        self.setPlaceholderText(
            f"Drop the {side} text here (a file or text), paste it (Ctrl+V, or Edit ▸ "
            f"Paste as {side.capitalize()}), or use File ▸ Open {side.capitalize()}…"
        )

    # -- content ----------------------------------------------------------------------
    def show_document(self, doc: Document | None, offsets: OffsetMap | None = None) -> None:
        """Show a document's text as plain text (no markup is interpreted); ``offsets``,
        its map made off the GUI thread (see :mod:`.offsets`), saves scanning it here."""
        self.doc = doc
        self.comparison = None
        self.current_pair = None
        self._format_job = None
        self._format_pending.clear()
        self._format_timer.stop()
        text = doc.text if doc else ""
        self.offsets = offsets if offsets is not None and offsets.text is text else OffsetMap(text)
        self.setPlainText(self.offsets.shown(doc.text) if doc else "")
        self.restart_layout()
        self.setExtraSelections([])
        self.gutter.update()

    def show_comparison(
        self,
        cmp: Comparison,
        hidden_kinds: Iterable[str] = (),
        pair_marks: Mapping[int, list[Mark]] | None = None,
        offsets: OffsetMap | None = None,
    ) -> None:
        """Show a comparison; ``pair_marks`` (word highlights by pair index, computed off
        the GUI thread; a pair not in it has none) saves computing them here. Shown again
        (a new theme), the same comparison keeps the highlights it had."""
        if pair_marks is not None:
            self._marks = pair_marks
        elif cmp is not self.comparison:
            self._marks = None
        doc = cmp.left if self.side == "left" else cmp.right
        if doc is not self.doc:
            self.show_document(doc, offsets)
        self.comparison = cmp
        self.hidden_kinds = set(hidden_kinds)
        self.theme = current_theme()
        self._start_formats(range(len(cmp.pairs)), reset=True)

    def set_hidden_kinds(self, kinds: Iterable[str]) -> None:
        """Dim or restore kinds; only the pairs of the kinds that changed are re-formatted."""
        kinds = set(kinds)
        changed = kinds ^ self.hidden_kinds
        self.hidden_kinds = kinds
        if self.comparison is None or not changed:
            return
        if self._format_job is not None and self._format_full:
            self._start_formats(range(len(self.comparison.pairs)), reset=True)
        else:
            cmp = self.comparison
            todo = [n for n, p in enumerate(cmp.pairs) if p.kind.value in changed]
            for host, crosses in self._hosted().items():  # a cross link's mark stands there
                if any(cmp.pairs[c].kind.value in changed for c in crosses):
                    todo.append(host)
            todo.extend(self._format_pending)
            self._start_formats(sorted(set(todo)), reset=False)

    @property
    def formats_complete(self) -> bool:
        return self._format_job is None

    def _start_formats(self, pairs: Sequence[int], reset: bool) -> None:
        """Format ``pairs`` in slices from the event loop, those in view first.

        Formatting a long document takes a second of Qt calls; done at once it would
        freeze the window. The first slice runs now, so a short document is finished
        before this returns, and what is in view is formatted before what is not.
        """
        assert self.comparison is not None
        visible = self.visible_sentences()
        first = self.comparison.pair_index_of(self.side, visible.start) if visible else None
        k = bisect.bisect_left(pairs, first) if first is not None else 0
        order = [*pairs[k:], *pairs[:k]]
        self._format_pending = deque(order)
        self._format_full = reset
        self._format_job = self._format_ops(order, reset)
        self._format_timer.start()
        if self.document().characterCount() <= FORMAT_AT_ONCE_UP_TO:
            self._format_step()
        # else the first slice waits for the timer: a long text was just put in, which
        # took this event-loop turn's share (25 ms for 2.8 MB)

    def _format_ops(self, order: Sequence[int], reset: bool) -> Iterator[None]:
        """Apply formats pair by pair, yielding between pairs so a slice can stop."""
        cmp, doc = self.comparison, self.doc
        assert cmp is not None and doc is not None
        cur = QTextCursor(self.document())
        if reset:
            cur.select(QTextCursor.SelectionType.Document)
            cur.setCharFormat(QTextCharFormat())
        sentence_formats = {
            kind: self.theme.sentence_format(kind, kind.value in self.hidden_kinds) for kind in Kind
        }
        word_formats = {role: self.theme.word_format(role) for role in WORD_ROLES}
        hosted = self._hosted()
        shared_here = {c for crosses in hosted.values() for c in crosses}
        for n in order:
            pair = cmp.pairs[n]
            ids = pair.ids(self.side)
            if n in shared_here:
                yield  # its shared sentence is coloured as its own pair's (below)
                continue
            if ids:
                fmt = sentence_formats[pair.kind]
                for i in ids:
                    s = doc.sentences[i]
                    self._format(cur, s.start, s.end, fmt)
                if pair.kind.value not in self.hidden_kinds and pair.kind is not Kind.IDENTICAL:
                    ms = (
                        self._marks.get(n, ())
                        if self._marks is not None
                        else marks(cmp, self.side, n)
                    )
                    # conflict marks last: they must win over the word marks they overlap
                    for m in sorted(ms, key=lambda m: m.role == "conflict"):
                        self._format(cur, m.start, m.end, word_formats[m.role], merge=True)
                for c in hosted.get(n, ()):
                    # the figure a cross link finds in disagreement, marked on the sentence
                    # it shares with this pair
                    if cmp.pairs[c].kind.value in self.hidden_kinds:
                        continue
                    for m in marks(cmp, self.side, c):
                        if m.role == "conflict":
                            self._format(cur, m.start, m.end, word_formats["conflict"], merge=True)
            yield

    def _hosted(self) -> dict[int, list[int]]:
        """The cross pairs (see :attr:`Pair.cross`) whose shared sentence is on this side,
        by the pair that holds that sentence (found once per comparison)."""
        cmp = self.comparison
        if cmp is None:
            return {}
        if self._hosted_for[0] is not cmp:
            hosted: dict[int, list[int]] = {}
            for n, p in enumerate(cmp.pairs):
                got = cmp.cross_host(n) if p.cross else None
                if got is not None and got[0] == self.side:
                    hosted.setdefault(got[1], []).append(n)
            self._hosted_for = (cmp, hosted)
        return self._hosted_for[1]

    def _format_step(self, budget: float = SLICE) -> None:
        """One slice of formatting: as many pairs as fit in ``budget`` seconds."""
        job = self._format_job
        if job is None:
            self._format_timer.stop()
            return
        deadline = time.perf_counter() + budget
        # one edit block per slice: the document lays out what changed once, at its end,
        # not after every format (quadratic in one long paragraph)
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        try:
            for _ in job:
                self._format_pending.popleft()
                if time.perf_counter() > deadline:
                    self.viewport().update()
                    return
        finally:
            edit.endEditBlock()
        self._format_job = None
        self._format_pending.clear()
        self._format_timer.stop()
        self._update_current()
        # a format change over several blocks makes Qt forget their layouts (each counts
        # as one line again): line numbers, and what scroll sync and the overview map
        # by them, are stale until the blocks are laid out again
        self.restart_layout()
        self.layoutInvalidated.emit()
        self.formatsApplied.emit()

    def _format(self, cur: QTextCursor, start: int, end: int, fmt, merge: bool = False) -> None:
        cur.setPosition(self.offsets.to_qt(start))
        cur.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        if merge:
            cur.mergeCharFormat(fmt)
        else:
            cur.setCharFormat(fmt)

    def shown_text(self) -> str:
        """The text exactly as shown (toPlainText() would turn no-break spaces into spaces)."""
        return self.offsets.unshown(self.document().toRawText().replace("\u2029", "\n"))

    # -- current pair -------------------------------------------------------------------
    def set_current(self, pair_index: int | None) -> None:
        self.current_pair = pair_index
        self._update_current()

    def _update_current(self) -> None:
        """The selection is drawn over the text (see :meth:`paintEvent`), never as a
        format: the kind's fill and the word highlights must stay visible under it."""
        self.viewport().update()
        self.gutter.update()

    def current_ranges(self) -> list[tuple[int, int]]:
        """Qt positions (start, end) of the current pair's sentences on this side."""
        if self.comparison is None or self.current_pair is None or not self.doc:
            return []
        pair = self.comparison.pairs[self.current_pair]
        return [
            (
                self.offsets.to_qt(self.doc.sentences[i].start),
                self.offsets.to_qt(self.doc.sentences[i].end),
            )
            for i in pair.ids(self.side)
        ]

    def _blocks_in_view(self, start: int, end: int) -> bool:
        """Whether Qt positions start..end touch the blocks in view. Geometry queries for
        blocks far outside it walk every block in between: skip them, or a selection
        scrolled far away would stall every paint of a long text."""
        qdoc = self.document()
        first = self.firstVisibleBlock().blockNumber()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).blockNumber()
        return qdoc.findBlock(end).blockNumber() >= first - 1 and (
            qdoc.findBlock(start).blockNumber() <= last + 1
        )

    def current_span(self) -> tuple[int, int] | None:
        """Top and bottom (viewport pixels) of the current pair on this side, if it is
        in view."""
        if self.comparison is None or self.current_pair is None or not self.doc:
            return None
        ids = self.comparison.pairs[self.current_pair].ids(self.side)
        if not ids:
            return None
        first, last = self.doc.sentences[min(ids)], self.doc.sentences[max(ids)]
        if not self._blocks_in_view(self.offsets.to_qt(first.start), self.offsets.to_qt(last.end)):
            return None
        top = self.cursorRect(self.cursor_at(first.start)).top()
        bottom = self.cursorRect(self.cursor_at(max(first.start, last.end - 1))).bottom()
        return top, bottom + 1

    def selection_path(self) -> QPainterPath:
        """The outline of the current pair's text, line by line, in viewport pixels."""
        path = QPainterPath()
        vp_h = self.viewport().height()
        offset = self.contentOffset()
        qdoc = self.document()
        for start, end in self.current_ranges():
            if not self._blocks_in_view(start, end):
                continue
            block = qdoc.findBlock(start)
            while block.isValid() and block.position() <= end:
                geo = self.blockBoundingGeometry(block).translated(offset)
                if geo.top() > vp_h:
                    break
                layout = block.layout()
                if geo.bottom() >= 0 and layout is not None:
                    b0 = block.position()
                    for k in range(layout.lineCount()):
                        line = layout.lineAt(k)
                        l0, l1 = b0 + line.textStart(), b0 + line.textStart() + line.textLength()
                        if l1 <= start or l0 >= end:
                            continue
                        x0 = line.cursorToX(max(start, l0) - b0)[0]
                        x1 = line.cursorToX(min(end, l1) - b0)[0]
                        r = line.rect().translated(geo.topLeft())
                        r.setLeft(geo.left() + x0 - 1)
                        r.setRight(geo.left() + x1 + 1)
                        path.addRect(r)
                block = block.next()
        return path.simplified()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.current_pair is None and not self._drop_target:
            return
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.current_pair is not None:
            path = self.selection_path()
            if not path.isEmpty():
                pen = QPen(self.palette().color(QPalette.ColorRole.Text), 1.6)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                p.strokePath(path, pen)
        if self._drop_target:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 4)
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawRect(self.viewport().rect().adjusted(2, 2, -2, -2))

    # -- geometry queries (for the link map and scroll sync) ----------------------------
    def cursor_at(self, start: int, end: int | None = None) -> QTextCursor:
        cur = QTextCursor(self.document())
        cur.setPosition(self.offsets.to_qt(start))
        if end is not None:
            cur.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cur

    def sentence_at_point(self, point: QPoint) -> int | None:
        if not self.doc:
            return None
        qpos = self.cursorForPosition(point).position()
        s = self.doc.sentence_at(self.offsets.from_qt(qpos))
        return None if s is None else s.id

    def visible_sentences(self) -> range:
        """Ids of the sentences at least partly in view."""
        if not self.doc or not self.doc.sentences:
            return range(0)
        vp = self.viewport().rect()
        top = self.offsets.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = self.offsets.from_qt(
            self.cursorForPosition(QPoint(vp.width(), vp.height())).position()
        )
        return self.doc.sentences_between(top, bottom)

    def y_span(self, ids: tuple[int, ...]) -> tuple[int, int]:
        """Top and bottom, in viewport pixels, of a group of sentences (may be off-screen)."""
        assert self.doc is not None
        first, last = self.doc.sentences[min(ids)], self.doc.sentences[max(ids)]
        h = self.viewport().height()
        fv = self.firstVisibleBlock().blockNumber()
        qdoc = self.document()
        b0 = qdoc.findBlock(self.offsets.to_qt(first.start)).blockNumber()
        if b0 < fv - 1:
            top = -40
        else:
            top = self.cursorRect(self.cursor_at(first.start)).top()
        end_cursor = self.cursor_at(max(last.start, last.end - 1))
        b1 = end_cursor.blockNumber()
        if b1 < fv - 1:
            bottom = -30
        elif top > h + 40:
            bottom = top + 10
        else:
            bottom = self.cursorRect(end_cursor).bottom()
        return top, max(bottom, top + 2)

    def restart_layout(self) -> None:
        """Forget layout progress (after new text, a resize or a zoom)."""
        self._layout_block = self.document().begin()

    def layout_step(self, budget: float = SLICE) -> bool:
        """Lay out blocks for up to ``budget`` seconds; True once every block is laid out.

        QPlainTextEdit lays out lazily and counts an unvisited block as one line, so line
        numbers (the scroll bar's units, which scroll sync maps between) change as the
        user scrolls. Laying everything out in short slices from the event loop makes them
        exact without freezing the window on a long document.
        """
        layout = self.document().documentLayout()
        block = self._layout_block
        deadline = time.perf_counter() + budget
        n = 0
        while block.isValid():
            if block.layout() is None or block.layout().lineCount() == 0:
                layout.blockBoundingRect(block)
                n += 1
                if n % 16 == 0 and time.perf_counter() > deadline:
                    block = block.next()
                    break
            block = block.next()
        self._layout_block = block
        return not block.isValid()

    def line_of(self, pos: int) -> float:
        """The scroll-bar line (QPlainTextEdit scrolls by lines) holding a text position."""
        qpos = self.offsets.to_qt(pos)
        block = self.document().findBlock(qpos)
        layout = block.layout()
        n = block.firstLineNumber()
        if layout is not None and layout.lineCount():
            n += layout.lineForTextPosition(qpos - block.position()).lineNumber()
        return float(n)

    def sentence_lines(self, ids: tuple[int, ...]) -> tuple[float, float]:
        assert self.doc is not None
        first, last = self.doc.sentences[min(ids)], self.doc.sentences[max(ids)]
        return self.line_of(first.start), self.line_of(max(last.start, last.end - 1)) + 1.0

    def total_lines(self) -> float:
        sb = self.verticalScrollBar()
        return float(sb.maximum() + sb.pageStep())

    def scroll_to_sentence(self, sid: int, last: int | None = None) -> None:
        """Bring a sentence (or the sentences ``sid`` to ``last`` of a group) into view
        unless already fully visible: the group whole when it fits the page, its start a
        third of the way down when it does not."""
        if not self.doc:
            return
        s = self.doc.sentences[sid]
        e = self.doc.sentences[sid if last is None else max(sid, last)]
        rect = self.cursorRect(self.cursor_at(s.start))
        end = self.cursorRect(self.cursor_at(max(e.start, e.end - 1)))
        vp = self.viewport().rect()
        if rect.top() >= 0 and end.bottom() <= vp.height():
            return
        sb = self.verticalScrollBar()
        self.lay_out_around(s.start, sb.pageStep())
        line = self.line_of(s.start)
        span = self.line_of(max(e.start, e.end - 1)) + 1 - line
        above = sb.pageStep() / 3
        if span > sb.pageStep() - above:  # a tall group: as much of it as fits
            above = max(0.0, (sb.pageStep() - span) / 2)
        sb.setValue(int(max(0, line - above)))

    def lay_out_around(self, pos: int, page: int) -> None:
        """Lay out a page of blocks before ``pos`` and two after it.

        Until a block is laid out it counts as one line. Scrolling to a line computed
        among such blocks lands wrong once they are laid out (the target slides down by
        the lines they gain), and the scroll range ends too early to bring a sentence
        near the end up from the bottom. A few blocks around the target make both exact
        (cheap, unlike laying out the whole text).
        """
        layout = self.document().documentLayout()
        start = self.document().findBlock(self.offsets.to_qt(pos))
        for step, lines in ((QTextBlock.previous, page + 1), (QTextBlock.next, 2 * page)):
            block, n = start, 0
            while block.isValid() and n < lines:
                if block.layout() is None or block.layout().lineCount() == 0:
                    layout.blockBoundingRect(block)
                n += max(1, block.lineCount())
                block = step(block)

    # -- zoom -----------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self.zoom = steps
        f = QFont(self.base_font)
        f.setPointSizeF(max(5.0, self.base_font.pointSizeF() + steps))
        self.setFont(f)
        self.gutter.setFont(f)
        self.setViewportMargins(self.gutter.width_px(), 0, 0, 0)
        # Every block's layout was made with the old font: clear them all (in C++, fast),
        # or a block Qt kept laid out is drawn with the old line heights over its
        # neighbours, and the gutter's markers stand a line off.
        doc = self.document()
        doc.markContentsDirty(0, doc.characterCount())
        self.restart_layout()
        self.layoutInvalidated.emit()

    def drop_scroll_fraction(self) -> None:
        """Put the top line exactly at the top again.

        QPlainTextEdit scrolls its viewport by whole pixels and keeps the fraction it
        could not scroll (``topLineFracture``, below one pixel), computed from the
        geometry the previous top block had. After a zoom that geometry is of the old
        font, and the fraction stayed for good: every line drawn a fraction of a pixel
        off the place the pane's own geometry (cursorRect, so the gutter and the link
        map) gives it, different from a window opened at that zoom. Qt sets the top line
        without a fraction while the viewport does not update: move a line away and
        back that way.
        """
        sb = self.verticalScrollBar()
        value = sb.value()
        vp = self.viewport()
        vp.setUpdatesEnabled(False)
        try:
            sb.setValue(value + 1 if value < sb.maximum() else value - 1)
            sb.setValue(value)
        finally:
            vp.setUpdatesEnabled(True)
        vp.update()
        self.gutter.update()

    # -- events ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter.width_px(), cr.height()))
        if event.oldSize().width() != event.size().width():
            self.restart_layout()  # wrapping changes with the width
            self.layoutInvalidated.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            sid = self.sentence_at_point(event.position().toPoint())
            if sid is not None:
                self.sentenceClicked.emit(sid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            event.accept()
            self.pasteRequested.emit()
            return
        super().keyPressEvent(event)

    # drops are always copies: the file stays where it is
    def dragEnterEvent(self, event) -> None:
        md = event.mimeData()
        if md.hasUrls() or md.hasText():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_drop_target(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        md = event.mimeData()
        if md.hasUrls() or md.hasText():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_target(False)
        event.accept()

    def dropEvent(self, event) -> None:
        self._set_drop_target(False)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(event.mimeData())

    @property
    def drop_target(self) -> bool:
        """Whether something is being dragged over this pane (it shows a dashed frame)."""
        return self._drop_target

    def _set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.viewport().update()
