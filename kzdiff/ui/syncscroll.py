"""Synchronized scrolling between the two panes, and the background layout it needs.

The maths is in :mod:`kzdiff.core.scrollsync`; this object owns the state: the anchors
for the current layout (computed on the spot for a short comparison, in slices from the
event loop for a long one), the background layout of both panes that makes line numbers
exact, and the *pin* that re-anchors sync on a selected pair (see
:func:`~kzdiff.core.scrollsync.pinned_value`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.model import Comparison
from ..core.scrollsync import monotone_anchors, other_value, pinned_value
from .pane import SLICE, SentencePane

#: Up to this many pairs, anchors are computed when asked (a few ms); more are computed
#: in the background after layout.
SYNC_ANCHORS_AT_ONCE = 1500


class ScrollSync(QObject):
    layoutCompleted = Signal()  # both panes are laid out: line numbers are exact
    moved = Signal()  # the other pane was scrolled to follow, or anchors changed

    def __init__(
        self,
        left: SentencePane,
        right: SentencePane,
        comparison: Callable[[], Comparison | None],
        enabled: Callable[[], bool],
        zoom: Callable[[], int],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.panes = {"left": left, "right": right}
        self._comparison, self._enabled, self._zoom = comparison, enabled, zoom
        self._syncing = False
        self._anchor_key: tuple | None = None
        self._anchors: list[tuple[float, float]] = []
        self._anchors_from_right: list[tuple[float, float]] = []
        self._anchoring: Iterator[None] | None = None
        # sync re-anchored on a selected pair: side -> (scroll value then, offset)
        self._pin: dict[str, tuple[float, float]] = {}
        self.layout_complete = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.layout_step)
        for side, pane in self.panes.items():
            pane.verticalScrollBar().valueChanged.connect(
                lambda v, side=side: self.on_scrolled(side, v)
            )
            pane.layoutInvalidated.connect(self.start_layout)

    @contextmanager
    def paused(self):
        """Scroll the panes without one dragging the other (new text, a jump to a pair)."""
        was, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = was

    def reset(self) -> None:
        """A new comparison: forget anchors and pin."""
        self._anchors = []
        self._anchors_from_right = []
        self._pin = {}

    # -- pin ---------------------------------------------------------------------------
    def unpin(self) -> None:
        self._pin = {}

    def pin(self) -> None:
        """Note how far the panes now stand from where sync would put them, so scrolling
        from here keeps the selected pair level (the offset fades over a page)."""
        self._pin = {}
        if not self._enabled() or self._comparison() is None:
            return
        pin = {}
        for side, other in (("left", "right"), ("right", "left")):
            a = self.panes[side].verticalScrollBar()
            b = self.panes[other].verticalScrollBar()
            target = other_value(
                a.value(), a.pageStep(), a.maximum(), b.pageStep(), b.maximum(), self.anchors(side)
            )
            pin[side] = (float(a.value()), float(b.value() - target))
        self._pin = pin

    # -- following -----------------------------------------------------------------------
    def on_scrolled(self, side: str, value: int) -> None:
        if self._syncing or not self._enabled() or self._comparison() is None:
            return
        other = "right" if side == "left" else "left"
        a, b = self.panes[side].verticalScrollBar(), self.panes[other].verticalScrollBar()
        anchors = self.anchors(side)
        target = other_value(value, a.pageStep(), a.maximum(), b.pageStep(), b.maximum(), anchors)
        if side in self._pin:
            pin_value, offset = self._pin[side]
            target = round(pinned_value(target, offset, value, pin_value, a.pageStep()))
            target = max(0, min(b.maximum(), target))
        with self.paused():
            b.setValue(target)
        self.moved.emit()

    def follow(self, side: str) -> None:
        """Bring the other pane level with ``side`` as it stands now."""
        self.on_scrolled(side, self.panes[side].verticalScrollBar().value())

    # -- anchors and background layout ----------------------------------------------------
    def _layout_key(self) -> tuple:
        L, R = self.panes["left"], self.panes["right"]
        return (
            id(self._comparison()),
            L.viewport().width(),
            R.viewport().width(),
            self._zoom(),
            self.layout_complete
            or (L.verticalScrollBar().maximum(), R.verticalScrollBar().maximum()),
        )

    def anchors(self, side: str = "left") -> list[tuple[float, float]]:
        """Scroll-sync anchors (this side's line, the other side's line) for the current
        layout; both orientations are kept, as every scroll event needs one.

        A short comparison computes them on the spot. A long one (thousands of pairs,
        a second of layout queries) gets them from the background layout job; until it
        is done, the last anchors (or plain proportion) stand in.
        """
        cmp = self._comparison()
        key = self._layout_key()
        if key != self._anchor_key and cmp is not None:
            if len(cmp.pairs) <= SYNC_ANCHORS_AT_ONCE:
                for _ in self._anchor_job():
                    pass
            else:
                if not self._anchors:
                    self._set_anchors([])
                if not self._timer.isActive():
                    self._timer.start()
        return self._anchors if side == "left" else self._anchors_from_right

    def _anchor_job(self) -> Iterator[None]:
        """Collect the line extents of every in-order pair, yielding now and then."""
        cmp = self._comparison()
        assert cmp is not None
        L, R = self.panes["left"], self.panes["right"]
        key = self._layout_key()
        ext = []
        for n, p in enumerate(cmp.pairs):
            if p.left and p.right and not p.moved and not p.cross:
                a0, a1 = L.sentence_lines(p.left)
                b0, b1 = R.sentence_lines(p.right)
                ext.append((a0, a1, b0, b1))
            if n % 64 == 63:
                yield
        self._set_anchors(ext)
        self._anchor_key = key

    def _set_anchors(self, ext: list[tuple[float, float, float, float]]) -> None:
        L, R = self.panes["left"], self.panes["right"]
        self._anchors = monotone_anchors(ext, L.total_lines(), R.total_lines())
        self._anchors_from_right = [(y, x) for x, y in self._anchors]

    def start_layout(self) -> None:
        self.layout_complete = False
        self._anchor_key = None
        self._anchoring = None
        if self._comparison() is not None:
            self._timer.start()

    def layout_step(self, budget: float = SLICE) -> None:
        """One slice of background work: lay out both panes, then compute the anchors."""
        if self._comparison() is None:
            self._timer.stop()
            return
        if not self.layout_complete:
            done = all([p.layout_step(budget / 2) for p in self.panes.values()])
            if not done:
                return
            self.layout_complete = True
            self._anchor_key = None
            self._anchoring = None
            self.layoutCompleted.emit()
        if self._anchor_key == self._layout_key():
            self._timer.stop()
            return
        if self._anchoring is None:
            self._anchoring = self._anchor_job()
        deadline = time.perf_counter() + budget
        for _ in self._anchoring:
            if time.perf_counter() > deadline:
                return
        self._anchoring = None
        self._timer.stop()
        self.moved.emit()
