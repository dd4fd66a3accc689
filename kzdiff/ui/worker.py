"""Comparisons run off the GUI thread.

Each request gets a token; a newer request cancels the older one (through the engine's
``cancelled`` callback) and any result that still arrives for an old token is dropped
(git-cola's diff token), so the window only ever shows the latest request.

Each job runs in a daemon thread of its own rather than in a Qt thread pool: a read that
stalls (a file on a hung network share) then ties up only its own thread, a cancelled
job is simply forgotten, and quitting never waits for it (a QThreadPool would wait for
its threads when destroyed, so one stuck read kept the process alive for ever).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..core.compare import (
    Cancelled,
    compare_documents,
    gc_paused,
    make_document,
    right_same_file_noted,
    text_document,
)
from ..core.facts import FactRow, table_rows
from ..core.highlight import Mark, marks_by_pair
from ..core.loading import LoadError, load_file
from ..core.model import Comparison, Document
from ..core.names import display_name
from .offsets import OffsetMap

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """What one side shows: a file on disk, or text dropped/pasted into the window."""

    path: str | None = None
    text: str | None = None

    @property
    def label(self) -> str:
        if self.path:
            return display_name(self.path.replace("\\", "/").rsplit("/", 1)[-1])
        return "(dropped text)"

    def load(self) -> Document:
        if self.path is not None:
            return make_document(load_file(self.path))
        return text_document(self.text or "", None)


@dataclass(frozen=True)
class Result:
    left: Document | None
    right: Document | None
    comparison: Comparison | None
    seconds: float
    #: word highlights per side and pair index, computed here rather than on the GUI thread
    marks: dict[str, dict[int, list[Mark]]] = field(default_factory=dict)
    #: side -> why its file could not be read, when the other side's could (that one is
    #: shown alone rather than losing it)
    errors: dict[str, str] = field(default_factory=dict)
    #: side -> the map of positions of its text in a pane, made here (a regex scan of a
    #: long text would stall the GUI thread; see :mod:`.offsets`)
    offsets: dict[str, OffsetMap] = field(default_factory=dict)
    #: the facts table's rows, sorted here (70 ms for a 20k-sentence pair on the GUI thread)
    fact_rows: list[FactRow] | None = None


class _Signals(QObject):
    finished = Signal(int, object)  # token, Result
    failed = Signal(int, str, str)  # token, side, message


class _Job:
    def __init__(
        self,
        token: int,
        left: Source | None,
        right: Source | None,
        signals: _Signals,
        stop: threading.Event,
    ):
        self.token, self.left, self.right = token, left, right
        self.signals, self.stop = signals, stop

    def run(self) -> None:
        t0 = time.perf_counter()
        docs: dict[str, Document | None] = {"left": None, "right": None}
        errors: dict[str, str] = {}
        try:
            for side, src in (("left", self.left), ("right", self.right)):
                if self.stop.is_set():
                    raise Cancelled
                if src is not None:
                    try:
                        docs[side] = src.load()
                    except LoadError as e:
                        errors[side] = str(e)
            if errors and all(docs[side] is None for side in ("left", "right")):
                if len(errors) == 1:
                    side = next(iter(errors))
                    self.signals.failed.emit(self.token, side, errors[side])
                else:
                    text = "; ".join(f"Cannot open the {k} text: {m}" for k, m in errors.items())
                    self.signals.failed.emit(self.token, "", text)
                return
            cmp = None
            pair_marks = {}
            if docs["left"] is not None and docs["right"] is not None:
                docs["right"] = right_same_file_noted(docs["left"], docs["right"])
                # the result will stay on screen: keep the collector off it for good
                with gc_paused(freeze=True):
                    cmp = compare_documents(docs["left"], docs["right"], self.stop.is_set)
                    for side in ("left", "right"):
                        if self.stop.is_set():
                            raise Cancelled
                        pair_marks[side] = marks_by_pair(cmp, side)
            offsets = {}
            for side, doc in docs.items():
                if self.stop.is_set():
                    raise Cancelled
                if doc is not None:
                    offsets[side] = OffsetMap(doc.text)
            fact_rows = None
            if cmp is not None:
                cmp.summary()  # counted once, here: the window's legend and status ask
                fact_rows = table_rows(cmp.facts)
            self.signals.finished.emit(
                self.token,
                Result(
                    docs["left"],
                    docs["right"],
                    cmp,
                    time.perf_counter() - t0,
                    pair_marks,
                    errors=errors,
                    offsets=offsets,
                    fact_rows=fact_rows,
                ),
            )
        except Cancelled:  # the cancel() that caused it has already told the window
            log.debug("job %d cancelled", self.token)
        except MemoryError:
            self.signals.failed.emit(self.token, "", "not enough memory to compare these texts")
        except Exception as e:  # a bug must not kill the worker silently
            log.exception("comparison failed")
            self.signals.failed.emit(self.token, "", f"internal error: {e}")


#: Seconds a thread may hold the GIL while another waits for it. A comparison runs in
#: Python in the worker; every timer, paint and event handler of the window written in
#: Python waits for the GIL, up to this long each time (Python's default, 5 ms, added up
#: over the handful of Python calls of one event-loop turn to 50-140 ms stalls while a
#: long pair was compared). 1 ms costs the worker a few switches more per second.
SWITCH_INTERVAL = 0.001


class Comparer(QObject):
    """Starts comparisons in daemon threads and reports only the latest one."""

    started = Signal()
    finished = Signal(object)  # Result
    failed = Signal(str, str)  # side ("left"/"right"/""), message
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._threads: list[threading.Thread] = []
        self._token = 0
        self._stop: threading.Event | None = None
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))

    def request(self, left: Source | None, right: Source | None) -> int:
        """Start a new job; a running one is cancelled and its result will be ignored."""
        self.cancel(quiet=True)
        self._token += 1
        self._stop = threading.Event()
        job = _Job(self._token, left, right, self._signals, self._stop)
        t = threading.Thread(target=job.run, name=f"kzdiff-compare-{self._token}", daemon=True)
        self._threads = [x for x in self._threads if x.is_alive()] + [t]
        t.start()
        self.started.emit()
        return self._token

    def cancel(self, quiet: bool = False) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None
            if not quiet:
                self.cancelled.emit()

    def wait(self, msecs: int = 5000) -> bool:
        """Wait up to ``msecs`` for every started job to end; whether they all did."""
        deadline = time.monotonic() + msecs / 1000
        for t in list(self._threads):
            t.join(max(0.0, deadline - time.monotonic()))
        self._threads = [x for x in self._threads if x.is_alive()]
        return not self._threads

    def _is_current(self, token: int) -> bool:
        """Whether a report comes from the latest, still running job (and ends that job)."""
        if token != self._token or self._stop is None:
            return False
        self._stop = None
        return True

    def _on_finished(self, token: int, result: Result) -> None:
        if self._is_current(token):
            self.finished.emit(result)

    def _on_failed(self, token: int, side: str, message: str) -> None:
        if self._is_current(token):
            self.failed.emit(side, message)
