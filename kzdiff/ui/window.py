"""The main window: wires panes, link map, legend, detail panel, actions and the worker.

Everything it shows comes from a :class:`~kzdiff.core.model.Comparison`; the only state
it owns is which sources each side shows, the current pair and view settings.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QEvent, QFileSystemWatcher, QMimeData, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.model import Comparison, Kind
from ..core.names import display_name
from . import filedialogs
from .detail import DetailPanel
from .drops import plan_drop
from .facts_panel import FactsPanel
from .filetypes import header_text, header_tooltip
from .legend import Legend
from .linkmap import LinkMap
from .messagebar import MessageBar
from .overview import Overview
from .pane import SentencePane
from .settings import Settings
from .syncscroll import ScrollSync
from .theme import THEMES, apply_theme
from .worker import Comparer, Result, Source

log = logging.getLogger(__name__)
SIDES = ("left", "right")
#: Milliseconds between the steps of showing a result (left text, right text, the rest):
#: enough for the event loop to paint and take input between them.
STEP_MS = 4


class MainWindow(QMainWindow):
    comparisonShown = Signal(object)  # Comparison, after panes are painted with it
    documentsShown = Signal()  # after any successful load (one or two sides)
    errorShown = Signal(str)

    def __init__(self, settings: Settings | None = None):
        super().__init__()
        self.settings = settings or Settings()
        self.sources: dict[str, Source | None] = {"left": None, "right": None}
        self._pending: dict[str, Source | None] | None = None
        self.comparison: Comparison | None = None
        self.current: int | None = None
        self._showing = 0  # counts results being shown (a newer one supersedes)
        self._keep: tuple | None = None  # what a zoom brings back into view after relayout
        self._after_swap: tuple | None = None  # the pair and place to find after a swap
        self._wrap_offer: tuple | None = None  # a navigation that reached the end
        self.setAcceptDrops(True)
        self.resize(self._first_size())

        self.comparer = Comparer(self)
        self.comparer.finished.connect(self._on_result)
        self.comparer.failed.connect(self._on_failed)
        self.comparer.started.connect(lambda: self._set_busy(True))
        self.comparer.cancelled.connect(self._on_cancelled)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)

        self._build_panes()
        self._build_actions()
        self._build_statusbar()
        self._restore()
        self._update_title()

    # ---------------------------------------------------------------- construction
    def _build_panes(self) -> None:
        self.panes = {s: SentencePane(s) for s in SIDES}
        self.headers = {s: QLabel(self) for s in SIDES}
        for s in SIDES:
            self.headers[s].setObjectName(f"{s}Header")
            self.headers[s].setTextFormat(Qt.TextFormat.PlainText)
            self.headers[s].setContentsMargins(4, 2, 4, 2)
            self.panes[s].sentenceClicked.connect(lambda sid, s=s: self.select_sentence(s, sid))
            self.panes[s].dropped.connect(lambda mime, s=s: self.handle_drop(mime, s))
            self.panes[s].pasteRequested.connect(lambda s=s: self.paste_as(s))
        self.sync = ScrollSync(
            self.panes["left"],
            self.panes["right"],
            comparison=lambda: self.comparison,
            enabled=lambda: self.act_sync.isChecked(),
            zoom=lambda: self._zoom,
            parent=self,
        )
        self.sync.layoutCompleted.connect(self._on_layout_complete)
        self.overviews = {s: Overview(self.panes[s], self) for s in SIDES}
        for s in SIDES:
            self.overviews[s].jumped.connect(self.panes[s].verticalScrollBar().setValue)
        self.linkmap = LinkMap(self.panes["left"], self.panes["right"])
        self.sync.moved.connect(self.linkmap.update)
        self.linkmap.pairClicked.connect(lambda n: self.select_pair(n, scroll=True))
        self.legend = Legend(self)
        self.legend.filtersChanged.connect(self._on_filters)
        self.detail = DetailPanel(self)
        self.facts = FactsPanel(self)
        self.facts.sentenceActivated.connect(self.show_sentence)
        self._fact_rows: list | None = None  # the shown result's facts table, if made
        self.documentsShown.connect(
            lambda: self.facts.show_comparison(self.comparison, self._fact_rows)
        )

        def column(s: str) -> QWidget:
            w = QWidget(self)
            lay = QVBoxLayout(w)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(0)
            lay.addWidget(self.headers[s])
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(1)
            row.addWidget(self.panes[s], 1)
            row.addWidget(self.overviews[s])
            lay.addLayout(row, 1)
            return w

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.addWidget(column("left"))
        middle = QWidget(self)
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.setSpacing(0)
        spacer = QLabel(" ", middle)
        spacer.setContentsMargins(4, 2, 4, 2)
        ml.addWidget(spacer)
        ml.addWidget(self.linkmap, 1)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(column("right"))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setCollapsible(1, False)

        self.vsplit = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplit.addWidget(self.splitter)
        self.bottom = QTabWidget(self)
        self.bottom.addTab(self.detail, "Detail")
        self.bottom.addTab(self.facts, "Facts")
        self.bottom.currentChanged.connect(self._on_bottom_tab)
        self.vsplit.addWidget(self.bottom)
        self.vsplit.setStretchFactor(0, 4)
        self.vsplit.setStretchFactor(1, 1)

        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.legend)
        lay.addWidget(self.vsplit, 1)
        self.setCentralWidget(central)
        self.message = MessageBar(central)  # floats over the top: never pushes the panes
        self._update_headers()

    def _action(
        self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False, name: str = ""
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            a.setShortcuts([QKeySequence(k) for k in keys])
        a.setStatusTip(tip)
        a.setToolTip(
            f"{text.replace('&', '').rstrip('…')} "
            f"({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            if a.shortcut()
            else text.replace("&", "")
        )
        a.setCheckable(checkable)
        a.setObjectName(name or text)
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda *_: slot())
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        A = self._action
        self.act_open = A(
            "&Open…", self.open_dialog, K.Open, "Choose two files to compare", name="open"
        )
        self.act_open_left = A("Open &Left…", lambda: self.open_dialog("left"), name="openLeft")
        self.act_open_right = A("Open Ri&ght…", lambda: self.open_dialog("right"), name="openRight")
        self.act_reload = A(
            "&Reload", self.reload, [K.Refresh, "Ctrl+R"], "Read both files again", name="reload"
        )
        self.act_paste_left = A(
            "Paste as &Left",
            lambda: self.paste_as("left"),
            "Ctrl+Shift+V",
            "The text on the clipboard becomes the left text",
            name="pasteLeft",
        )
        self.act_paste_right = A(
            "Paste as &Right",
            lambda: self.paste_as("right"),
            "Ctrl+Alt+V",
            "The text on the clipboard becomes the right text",
            name="pasteRight",
        )
        self.act_swap = A(
            "S&wap Sides",
            self.swap,
            "Ctrl+Shift+X",
            "Exchange the left and right texts",
            name="swap",
        )
        self.act_export = A(
            "&Export HTML…",
            self.export_dialog,
            "Ctrl+E",
            "Save a self-contained HTML report",
            name="export",
        )
        self.act_quit = A("&Quit", self.close, K.Quit, name="quit")
        self.act_next = A("&Next Change", lambda: self.go_change(1), "Alt+Down", name="nextChange")
        self.act_prev = A(
            "&Previous Change", lambda: self.go_change(-1), "Alt+Up", name="prevChange"
        )
        self.act_next_conflict = A(
            "Next &Conflict", lambda: self.go_change(1, {Kind.CONFLICT}), "F8", name="nextConflict"
        )
        self.act_prev_conflict = A(
            "Previous Con&flict",
            lambda: self.go_change(-1, {Kind.CONFLICT}),
            "Shift+F8",
            name="prevConflict",
        )
        self.act_only_conflicts = A(
            "Only &Conflicts", self.only_conflicts, "Ctrl+Shift+C", name="onlyConflicts"
        )
        self.act_show_all = A(
            "Show &All Kinds", lambda: self.legend.set_hidden(set()), "Ctrl+Shift+A", name="showAll"
        )
        self.act_hide_identical = A(
            "Hide &Identical",
            self.toggle_identical,
            "Ctrl+Shift+I",
            checkable=True,
            name="hideIdentical",
        )
        self.act_sync = A(
            "&Synchronized Scrolling",
            self._on_sync_toggled,
            "Ctrl+Shift+Y",
            checkable=True,
            name="syncScroll",
        )
        self.act_zoom_in = A("Zoom I&n", lambda: self.zoom(1), [K.ZoomIn, "Ctrl+="], name="zoomIn")
        self.act_zoom_out = A("Zoom &Out", lambda: self.zoom(-1), K.ZoomOut, name="zoomOut")
        self.act_zoom_reset = A("&Reset Zoom", lambda: self.zoom(None), "Ctrl+0", name="zoomReset")
        self.act_cancel = A("&Cancel Comparison", self.comparer.cancel, "Esc", name="cancel")
        self.act_about = A("&About kzdiff", self.about, name="about")

        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addActions([self.act_open, self.act_open_left, self.act_open_right])
        self.recent_menu = m.addMenu("Open Rece&nt")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addActions([self.act_reload, self.act_swap])
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu("&Edit")
        m.addActions([self.act_paste_left, self.act_paste_right])
        m = mb.addMenu("&View")
        m.addActions([self.act_hide_identical, self.act_only_conflicts, self.act_show_all])
        m.addSeparator()
        m.addAction(self.act_sync)
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        m.addSeparator()
        self.theme_menu = m.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, label in zip(THEMES, ("&System", "&Light", "&Dark"), strict=True):
            a = self.theme_menu.addAction(label)
            a.setObjectName(f"theme-{name}")
            a.setCheckable(True)
            a.triggered.connect(lambda *_, name=name: self.set_theme(name))
            self.theme_group.addAction(a)
            self.theme_actions[name] = a
        m = mb.addMenu("&Go")
        m.addActions([self.act_prev, self.act_next, self.act_prev_conflict, self.act_next_conflict])
        m = mb.addMenu("&Help")
        m.addAction(self.act_about)

        tb = self.addToolBar("Main")
        tb.setObjectName("mainToolBar")
        self.toolbar = tb
        self._style_toolbar()
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.act_open, self.act_reload, self.act_swap])
        tb.addSeparator()
        tb.addActions(
            [self.act_prev, self.act_next, self.act_prev_conflict, self.act_next_conflict]
        )
        tb.addSeparator()
        tb.addActions([self.act_sync, self.act_export])
        self._update_actions()

    def _build_statusbar(self) -> None:
        sb = self.statusBar()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setFormat("comparing…")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.comparer.cancel)
        sb.addWidget(self.summary_label, 1)
        sb.addPermanentWidget(self.busy)
        sb.addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        self.summary_label.setText(
            "Open or drop two text files to compare them (File ▸ Open…, Ctrl+O), "
            "or paste a text into a pane (Ctrl+V)."
        )

    def _first_size(self) -> QSize:
        """1300 x 850, or what the screen has room for (a laptop's 1366 x 768, a
        1024 x 700 screen): a window larger than its screen hides its own right pane."""
        want = QSize(1300, 850)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return want
        room = screen.availableGeometry().size()
        # leave room for the window frame and title bar the window manager adds
        return want.boundedTo(QSize(room.width() - 16, room.height() - 48))

    def _restore(self) -> None:
        s = self.settings
        if s.geometry is not None:
            self.restoreGeometry(s.geometry)
        if len(s.splitter) == 3:
            self.splitter.setSizes(s.splitter)
        if len(s.detail_splitter) == 2:
            self.vsplit.setSizes(s.detail_splitter)
        else:
            self.vsplit.setSizes([800, 110])
        self._zoom = s.zoom
        for p in self.panes.values():
            p.set_zoom(self._zoom)
        self.act_sync.setChecked(s.sync_scroll)
        self.legend.set_hidden(s.hidden_kinds)
        theme = s.theme
        self.theme_actions.get(theme, self.theme_actions["system"]).setChecked(True)
        if theme != "system":
            apply_theme(theme)

    # ---------------------------------------------------------------- opening
    def open_sources(self, left: Source | None, right: Source | None) -> None:
        """The one path by which texts arrive: command line, dialog, drop, recent, reload."""
        # a side still loading counts as chosen: opening the other must not drop it
        new = dict(self._pending or self.sources)
        if left is not None:
            new["left"] = left
        if right is not None:
            new["right"] = right
        self._pending = new
        self.message.hide()
        self.comparer.request(new["left"], new["right"])

    def open_files(self, left: str | None, right: str | None) -> None:
        self.open_sources(
            Source(path=os.path.abspath(left)) if left else None,
            Source(path=os.path.abspath(right)) if right else None,
        )

    def open_dialog(self, side: str | None = None) -> None:
        folder = filedialogs.start_folder(self.settings.last_folder)
        if side is not None:
            paths = filedialogs.choose_open(self, f"Open the {side} text", folder, many=False)
        else:
            paths = filedialogs.choose_open(
                self, "Open two texts to compare (select both)", folder, many=True
            )
        if not paths:
            return
        self.settings.last_folder = os.path.dirname(paths[0])
        if len(paths) > 2:
            self.show_error(f"Select one or two files, not {len(paths)}.")
            return
        if len(paths) == 2:
            self.open_files(paths[0], paths[1])
            return
        target = side or next((s for s in SIDES if self.sources[s] is None), "right")
        self.open_files(
            paths[0] if target == "left" else None, paths[0] if target == "right" else None
        )

    def handle_drop(self, mime: QMimeData, side: str | None) -> None:
        plan = plan_drop(mime, side, [s for s in SIDES if self.sources[s] is None])
        if plan.error:
            self.show_error(f"Cannot use this drop: {plan.error}.")
            return
        self.open_sources(plan.sources.get("left"), plan.sources.get("right"))

    def paste_as(self, side: str) -> None:
        """The clipboard's text (or copied file) becomes ``side``'s text."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not (mime.hasUrls() or (mime.hasText() and mime.text().strip())):
            self.show_error("Nothing to paste: the clipboard holds no text.")
            return
        self.handle_drop(mime, side)

    # drops are always copies: the dragged file stays where it is
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.handle_drop(event.mimeData(), None)

    def reload(self) -> None:
        if any(self.sources.values()):
            self.open_sources(self.sources["left"], self.sources["right"])

    def swap(self) -> None:
        if any(self.sources.values()):
            if self.comparison is not None:
                pair = self.comparison.pairs[self.current] if self.current is not None else None
                self._after_swap = (
                    (pair.right, pair.left) if pair else None,
                    {
                        "left": self.panes["right"].verticalScrollBar().value(),
                        "right": self.panes["left"].verticalScrollBar().value(),
                    },
                )
            self.sources = {"left": self.sources["right"], "right": self.sources["left"]}
            self.open_sources(self.sources["left"], self.sources["right"])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent
        for left, right in recent:
            a = self.recent_menu.addAction(
                f"{display_name(os.path.basename(left))} ↔ {display_name(os.path.basename(right))}"
            )
            a.setToolTip(f"{display_name(left)}\n{display_name(right)}")
            a.triggered.connect(lambda *_, lf=left, rf=right: self.open_files(lf, rf))
        if not recent:
            self.recent_menu.addAction("(no recent comparisons)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Recent", self.settings.clear_recent)

    # ---------------------------------------------------------------- results
    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.act_cancel.setEnabled(busy)
        if busy:
            self.statusBar().showMessage("Comparing…")

    def _on_result(self, result: Result) -> None:
        """Show a finished comparison, one side per event-loop turn.

        Putting a long text into a pane takes tens of milliseconds; doing both sides and
        the rest at once would stall the window for longer than a user tolerates: the
        left text, the right text and the rest each get a turn. Until both are in, the
        window has no comparison, so nothing draws links between a new and an old text.
        """
        self._set_busy(False)
        self.statusBar().clearMessage()
        assert self._pending is not None
        errors = getattr(result, "errors", None) or {}
        if any(self.sources[side] is not None for side in errors):
            # a side that showed a text keeps it: report as a failed load
            side = next(iter(errors))
            self._on_failed(side, errors[side])
            return
        for side in errors:
            self._pending[side] = None
        self.sources, self._pending = self._pending, None
        self.sync.unpin()
        self.current = None
        self.detail.show_pair(None, None)
        self.comparison = None
        self.sync.reset()
        self._showing += 1
        self._show_side(result, "left")
        # a few ms later, not at 0: a zero-time call ran in the same event-loop pass as
        # this one and the paint between them (four pieces of work, 160 ms, in one pass)
        QTimer.singleShot(STEP_MS, self, lambda n=self._showing: self._finish_result(result, n))

    def _show_side(self, result: Result, side: str) -> None:
        pane = self.panes[side]
        # new text scrolls the pane; sync must not map that through another comparison
        with self.sync.paused():
            if result.comparison is not None:
                pane.show_comparison(
                    result.comparison,
                    self.legend.hidden(),
                    result.marks.get(side),
                    result.offsets.get(side),
                )
            else:
                doc = result.left if side == "left" else result.right
                pane.show_document(doc, result.offsets.get(side))

    def _finish_result(self, result: Result, showing: int) -> None:
        if showing != self._showing:
            return  # a newer result has started showing
        self._show_side(result, "right")
        QTimer.singleShot(STEP_MS, self, lambda: self._complete_result(result, showing))

    def _complete_result(self, result: Result, showing: int) -> None:
        if showing != self._showing:
            return
        self.comparison = result.comparison
        self._fact_rows = result.fact_rows
        self.sync.start_layout()
        if result.comparison is not None:
            self.summary_label.setText(result.comparison.summary_text())
            paths = [self.sources[s].path for s in SIDES]
            if all(paths):
                self.settings.add_recent(paths[0], paths[1])
        else:
            missing = "left" if result.left is None else "right"
            self.summary_label.setText(f"Now open or drop the {missing} text to compare.")
        warnings = [w for d in (result.left, result.right) if d for w in d.warnings]
        errors = getattr(result, "errors", None) or {}
        if errors:
            self.show_error(
                "; ".join(f"Cannot open the {side} text: {m}" for side, m in errors.items())
            )
        elif warnings:
            self.message.show_message("; ".join(warnings), error=False)
        self.legend.set_counts(result.comparison)
        self._watch()
        self._update_headers()
        self._update_title()
        self._update_actions()
        self.linkmap.update()
        for o in self.overviews.values():
            o.invalidate()
        focus = QGuiApplication.focusObject()
        if focus not in self.panes.values() and not isinstance(focus, QPushButton):
            self.panes["left"].setFocus()  # PageDown and the arrows scroll at once
        self._restore_after_swap()
        self.documentsShown.emit()
        if result.comparison is not None:
            self.comparisonShown.emit(result.comparison)
        log.debug("shown in %.3f s", result.seconds)

    def _restore_after_swap(self) -> None:
        """After Swap Sides: the same pair selected, the panes where they were."""
        after, self._after_swap = self._after_swap, None
        if after is None or self.comparison is None:
            return
        ids, values = after
        with self.sync.paused():
            for s in SIDES:
                self.panes[s].verticalScrollBar().setValue(values[s])
        if ids is not None:
            left_ids, right_ids = ids
            side, first = ("left", left_ids[0]) if left_ids else ("right", right_ids[0])
            n = self.comparison.pair_index_of(side, first)
            if n is not None:
                self.select_pair(n, scroll=True)

    def _on_failed(self, side: str, message: str) -> None:
        self._set_busy(False)
        self.statusBar().clearMessage()
        self._pending = None
        self.show_error(f"Cannot open the {side} text: {message}" if side else message)

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self._pending = None
        self.statusBar().showMessage(
            "Comparison cancelled; the window shows what it showed before.", 5000
        )

    def show_error(self, text: str) -> None:
        log.warning("%s", text)
        self.message.show_message(text, error=True)
        self.errorShown.emit(text)

    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        paths = [
            src.path
            for src in self.sources.values()
            if src and src.path and os.path.exists(src.path)
        ]
        if paths:
            self.watcher.addPaths(paths)

    def _on_file_changed(self, path: str) -> None:
        name = display_name(os.path.basename(path))
        if not os.path.exists(path):
            self.message.show_message(
                f"{name} was deleted or renamed on disk; "
                "the window still shows the text as loaded.",
                error=True,
            )
            return
        # editors often replace the file: watch the new one
        if path not in self.watcher.files():
            self.watcher.addPath(path)
        self.message.show_message(
            f"{name} changed on disk.", error=False, action="Reload", callback=self.reload
        )

    def _update_headers(self) -> None:
        for s in SIDES:
            src = self.sources[s]
            doc = self.panes[s].doc
            if src is None or doc is None:
                self.headers[s].setText(f"{s.capitalize()}: no text yet")
                self.headers[s].setToolTip("")
                continue
            self.headers[s].setText(header_text(src.label, doc))
            self.headers[s].setToolTip(header_tooltip(src.path, doc))

    def _update_title(self) -> None:
        names = [self.sources[s].label if self.sources[s] else None for s in SIDES]
        if any(names):
            self.setWindowTitle(f"{names[0] or '…'} ↔ {names[1] or '…'} — kzdiff")
        else:
            self.setWindowTitle("kzdiff")

    def _update_actions(self) -> None:
        has = self.comparison is not None
        for a in (self.act_next, self.act_prev, self.act_export, self.act_swap):
            a.setEnabled(has)
        conflicts = bool(self.navigable({Kind.CONFLICT}))
        for a in (self.act_next_conflict, self.act_prev_conflict):
            a.setEnabled(conflicts)
            a.setStatusTip("" if conflicts else "There is no conflict to go to")
        self.act_reload.setEnabled(any(self.sources.values()))

    # ---------------------------------------------------------------- selection and navigation
    def select_sentence(self, side: str, sid: int) -> None:
        if self.comparison is None:
            return
        n = self.comparison.pair_index_of(side, sid)
        if n is not None:
            self.select_pair(n, scroll=False, from_side=side)

    def show_sentence(self, side: str, sid: int) -> None:
        """Select the pair holding a sentence and scroll both texts to it."""
        if self.comparison is not None:
            self.select_pair(self.comparison.pair_index_of(side, sid))

    def select_pair(self, n: int | None, scroll: bool = True, from_side: str | None = None) -> None:
        """Select pair ``n`` and bring both its sides into view (the side clicked in,
        ``from_side``, stays put); scroll sync then re-anchors on this pair."""
        self.current = n
        self._wrap_offer = None
        for p in self.panes.values():
            p.set_current(n)
        for o in self.overviews.values():
            o.update()
        self.detail.show_pair(self.comparison, n)
        self._fit_detail()
        self.linkmap.update()
        if n is None or self.comparison is None:
            return
        self.show_pair(n, from_side=None if scroll else from_side)

    def show_pair(self, n: int, from_side: str | None = None) -> None:
        """Scroll so both sides of pair ``n`` are in view, then pin sync to this place."""
        assert self.comparison is not None
        pair = self.comparison.pairs[n]
        with self.sync.paused():  # scrolling to a pair must not bounce back through sync
            for s in SIDES:
                ids = pair.ids(s)
                if ids and s != from_side:
                    self.panes[s].scroll_to_sentence(min(ids), max(ids))
        if self.act_sync.isChecked():
            # a sentence with no counterpart: the other pane follows the sync map
            for s, other in (("left", "right"), ("right", "left")):
                if pair.ids(s) and not pair.ids(other):
                    self.sync.unpin()
                    self.sync.follow(s)
        self.sync.pin()

    def _on_bottom_tab(self, index: int) -> None:
        """The facts table is a list to read: give it room (40 % of the height) when shown."""
        if self.bottom.widget(index) is not self.facts:
            return
        sizes = self.vsplit.sizes()
        total = sum(sizes)
        want = int(total * 0.4)
        if len(sizes) == 2 and sizes[1] < want:
            self.vsplit.setSizes([total - want, want])

    def _fit_detail(self) -> None:
        """Give the detail panel the height its text needs (up to 40 % of the window)."""
        doc_h = self.detail.document().size().height()
        if doc_h <= 0:
            return
        frame = self.detail.frameWidth() * 2 + 6
        # the panel sits in the Detail/Facts tabs: their bar and frame take height too
        chrome = max(0, self.bottom.height() - self.detail.height())
        need = int(doc_h) + frame + chrome
        sizes = self.vsplit.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0 or sizes[1] >= need:
            return
        want = min(need, int(total * 0.4))
        if want > sizes[1]:
            self.vsplit.setSizes([total - want, want])

    def _hidden_kinds(self) -> set[Kind]:
        return {Kind(v) for v in self.legend.hidden()}

    def navigable(self, kinds: set[Kind] | None = None) -> list[int]:
        if self.comparison is None:
            return []
        return self.comparison.changes(kinds, self._hidden_kinds())

    def go_change(self, step: int, kinds: set[Kind] | None = None) -> None:
        if not self.navigable(kinds):
            self.statusBar().showMessage(
                "No " + ("conflicts" if kinds else "changes") + " to go to.", 3000
            )
            return
        assert self.comparison is not None
        target = self.comparison.next_change(self.current, step, kinds, self._hidden_kinds())
        what = "conflict" if kinds else "change"
        if target is None:
            offer = (step, frozenset(kinds or ()), self.current)
            if self._wrap_offer == offer:  # asked again at the end: wrap around
                items = self.navigable(kinds)
                self.select_pair(items[0] if step > 0 else items[-1], scroll=True)
                self.statusBar().showMessage(
                    f"Wrapped around to the {'first' if step > 0 else 'last'} {what}.", 4000
                )
                return
            action = (
                self.act_next_conflict
                if kinds and step > 0
                else (
                    self.act_prev_conflict
                    if kinds
                    else (self.act_next if step > 0 else self.act_prev)
                )
            )
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(
                f"That was the {'last' if step > 0 else 'first'} {what}. Press {keys} again "
                f"to wrap around to the {'first' if step > 0 else 'last'}.",
                6000,
            )
            self._wrap_offer = offer
            return
        self.select_pair(target, scroll=True)

    # ---------------------------------------------------------------- view
    def _on_filters(self, hidden: set[str]) -> None:
        self.settings.hidden_kinds = hidden
        self.act_hide_identical.blockSignals(True)
        self.act_hide_identical.setChecked("identical" in hidden)
        self.act_hide_identical.blockSignals(False)
        for p in self.panes.values():
            p.set_hidden_kinds(hidden)
        self.linkmap.update()
        if hasattr(self, "act_next_conflict"):
            self._update_actions()

    def toggle_identical(self, hide: bool) -> None:
        hidden = self.legend.hidden()
        hidden = hidden | {"identical"} if hide else hidden - {"identical"}
        self.legend.set_hidden(hidden)

    def only_conflicts(self) -> None:
        self.legend.set_hidden({k.value for k in Kind if k is not Kind.CONFLICT})

    def zoom(self, step: int | None) -> None:
        """Change the text size and keep the place: the selected pair (else the sentence
        at the top of the left pane) is brought back into view now, and again once the
        background layout has made line numbers exact."""
        if self.current is not None:
            self._keep = ("pair", self.current)
        elif self.comparison is not None:
            top = self.panes["left"].visible_sentences()
            self._keep = ("sentence", "left", top.start) if top else None
        self._zoom = 0 if step is None else max(-8, min(30, self._zoom + step))
        for p in self.panes.values():
            p.set_zoom(self._zoom)
        self.settings.zoom = self._zoom
        self.sync.start_layout()
        self._restore_place()
        self._drop_scroll_fractions()
        self.linkmap.update()

    def _drop_scroll_fractions(self) -> None:
        with self.sync.paused():  # the panes go a line away and back: nothing to follow
            for p in self.panes.values():
                p.drop_scroll_fraction()

    @property
    def layout_complete(self) -> bool:
        """Both panes are laid out (line numbers exact); see :class:`ScrollSync`."""
        return self.sync.layout_complete

    def _on_layout_complete(self) -> None:
        # after a zoom: the place once more, now that line numbers are exact; then the
        # user's own scrolling is left alone
        self._restore_place()
        self._keep = None
        self._drop_scroll_fractions()
        self.linkmap.update()

    def _restore_place(self) -> None:
        keep = self._keep
        if keep is None or self.comparison is None:
            return
        if keep[0] == "pair" and keep[1] == self.current:
            self.show_pair(keep[1])
        elif keep[0] == "sentence":
            pane = self.panes[keep[1]]
            with self.sync.paused():
                pane.verticalScrollBar().setValue(
                    int(pane.line_of(pane.doc.sentences[keep[2]].start))
                )
            self.sync.follow(keep[1])

    def _style_toolbar(self) -> None:
        """A checked button (Sync) reads as pressed in light and dark themes alike: the
        palette's highlight behind its highlighted-text colour (set as colours, as a
        style sheet's palette() is not re-read when the palette changes)."""
        pal = self.palette()
        hl = pal.color(pal.ColorRole.Highlight).name()
        text = pal.color(pal.ColorRole.HighlightedText).name()
        self.toolbar.setStyleSheet(
            f"QToolButton:checked {{ background: {hl}; color: {text}; border-radius: 3px; }}"
        )

    def set_theme(self, name: str) -> None:
        """View ▸ Theme: system, light or dark; remembered."""
        self.settings.theme = name
        self.theme_actions[name].setChecked(True)
        apply_theme(name)
        self.retheme()

    def _on_sync_toggled(self, on: bool) -> None:
        self.settings.sync_scroll = on
        self.sync.unpin()
        if on:
            self.sync.follow("left")

    # ---------------------------------------------------------------- export, about, close
    def export_dialog(self) -> None:
        if self.comparison is None:
            return
        from ..export.html import ExportError, write_html

        stem = lambda s: os.path.splitext(self.sources[s].label)[0] if self.sources[s] else s  # noqa: E731
        folder = filedialogs.start_folder(self.settings.export_folder or self.settings.last_folder)
        suggested = os.path.join(folder, f"{stem('left')}-vs-{stem('right')}.html")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the comparison as HTML", suggested, "HTML files (*.html *.htm)"
        )
        if not path:
            return
        if not path.lower().endswith((".html", ".htm")):
            path += ".html"
        try:
            # the save dialog has already asked before replacing an existing file
            write_html(self.comparison, path, overwrite=True)
        except ExportError as e:
            self.show_error(f"Export failed: {e}")
            return
        self.settings.export_folder = os.path.dirname(path)
        self.message.show_message(
            f"Exported to {display_name(path)}",
            error=False,
            action="Open Report",
            callback=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)),
        )

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About kzdiff",
            f"kzdiff {__version__}\n\nA sentence-level diff for prose: what one "
            "article says that the other does not.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.comparer.cancel(quiet=True)
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.sizes()
        self.settings.detail_splitter = self.vsplit.sizes()
        self.settings.sync()
        # a cancelled job stops at its next check; one stuck in a read is a daemon thread
        # that does not hold the process, so this wait is short and bounded
        self.comparer.wait(1000)
        super().closeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.linkmap.update)

    def changeEvent(self, event: QEvent) -> None:
        """Re-theme when the palette changes (light <-> dark) while a comparison is shown."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.retheme()

    def retheme(self) -> None:
        if self.comparison is not None:
            for p in self.panes.values():
                p.show_comparison(self.comparison, self.legend.hidden())
                p.set_current(self.current)
        for o in self.overviews.values():
            o.update()
        self._style_toolbar()
        self.legend.set_counts(self.comparison)
        self.detail.show_pair(self.comparison, self.current)
        self.linkmap.update()
