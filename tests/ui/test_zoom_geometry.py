"""Zoom and filters leave no trace in the geometry: after filter toggles and quick
Ctrl+= / Ctrl+- presses (real key events, the next one before the last is laid out),
every block, line, gutter marker and link-map band stands exactly where a fresh window
opened at that zoom with those filters puts it. Geometry must depend on the text, font,
width and scroll position only, never on the history that led there."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from kzdiff.ui.settings import Settings
from kzdiff.ui.window import MainWindow

from .longpair import long_pair

SIDES = ("left", "right")


@pytest.fixture
def long_paths(write):
    left, right = long_pair()
    return write("left-long.txt", left), write("right-long.txt", right)


def settle(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: w.layout_complete and all(p.formats_complete for p in w.panes.values()),
        timeout=30000,
    )
    QApplication.processEvents()


def drawn_at_font(pane) -> list[str]:
    """What is wrong in view right now: a line laid out for another font size (drawn
    over its neighbours), blocks that overlap or leave a gap, a gutter marker not on
    the top of a line."""
    line = math.ceil(QFontMetricsF(pane.font()).height())
    offset = pane.contentOffset()
    wrong, tops, bottom = [], set(), None
    block = pane.firstVisibleBlock()
    while block.isValid():
        geo = pane.blockBoundingGeometry(block).translated(offset)
        if geo.top() > pane.viewport().height():
            break
        layout = block.layout()
        for k in range(layout.lineCount()):
            ln = layout.lineAt(k)
            if ln.height() != line:
                wrong.append(f"block {block.blockNumber()} line {k}: {ln.height()} not {line}")
            tops.add(geo.top() + ln.y())
        if bottom is not None and abs(geo.top() - bottom) > 0.5:
            wrong.append(f"block {block.blockNumber()} at {geo.top()}, previous ends {bottom}")
        bottom = geo.bottom()
        block = block.next()
    for y, text, _k, _c in pane.gutter.rows():
        # within a pixel: the view may scroll by a fraction of a line, the gutter draws
        # at whole pixels; a marker a line off is a line height away
        if 0 <= y < pane.viewport().height() and not any(abs(y - t) < 1 for t in tops):
            wrong.append(f"marker {text} at {y}: no line starts there")
    return wrong


def geometry(w: MainWindow, side: str, value: int) -> dict:
    """What a reader sees of one pane scrolled to ``value``: each block in view (top,
    height, lines, each line's height), each visible sentence's first line (what the
    gutter and the link map are drawn from), the gutter's markers and the map's bands."""
    pane = w.panes[side]
    pane.verticalScrollBar().setValue(value)
    other = w.panes["right" if side == "left" else "left"]
    other.verticalScrollBar().setValue(value)
    # Qt keeps the part of a pixel a scroll could not move (fonts of fractional height)
    # and so depends on the scroll history; compare what a jump to ``value`` shows
    for p in (pane, other):
        p.drop_scroll_fraction()
    QApplication.processEvents()
    offset = pane.contentOffset()
    blocks = []
    block = pane.firstVisibleBlock()
    while block.isValid():
        geo = pane.blockBoundingGeometry(block).translated(offset)
        if geo.top() > pane.viewport().height():
            break
        layout = block.layout()
        lines = [round(layout.lineAt(k).height(), 2) for k in range(layout.lineCount())]
        blocks.append((block.blockNumber(), round(geo.top(), 2), round(geo.height(), 2), lines))
        block = block.next()
    starts = {
        i: pane.cursorRect(pane.cursor_at(pane.doc.sentences[i].start)).top()
        for i in pane.visible_sentences()
    }
    gutter = sorted((y, text) for y, text, _k, _c in pane.gutter.rows())
    w.linkmap.grab()  # paints: the bands are where the panes say the sentences are
    bands = sorted(
        (n, tuple(round(v) for v in path.boundingRect().getCoords()))
        for n, path in w.linkmap._bands
    )
    return {"blocks": blocks, "starts": starts, "gutter": gutter, "bands": bands}


def test_quick_zooms_and_filter_toggles_leave_geometry_as_a_fresh_window_has_it(
    window, qtbot, long_paths, open_pair, tmp_path
):
    window.resize(1024, 700)
    open_pair(*long_paths)
    window.act_next_conflict.trigger()  # mid-text, with a selection the zoom keeps
    assert window.panes["left"].verticalScrollBar().value() > 0
    pane = window.panes["left"]
    pane.setFocus()
    window.activateWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier
    # filters toggled while the panes are formatting and laying out, zooms in between
    for key, toggle in (
        (Qt.Key.Key_Equal, window.act_only_conflicts),
        (Qt.Key.Key_Equal, window.act_show_all),
        (Qt.Key.Key_Minus, window.act_hide_identical),
        (Qt.Key.Key_Equal, None),
        (Qt.Key.Key_Equal, window.act_show_all),
        (Qt.Key.Key_Minus, window.act_hide_identical),
    ):
        qtbot.keyClick(pane, key, ctrl)
        if toggle is not None:
            toggle.trigger()
        QApplication.processEvents()  # one turn: the background work has barely begun
        for p in window.panes.values():
            assert drawn_at_font(p) == []
    assert window.panes["left"].zoom == 2  # the keys reached the zoom (+4 -2)
    settle(qtbot, window)
    for p in window.panes.values():
        assert drawn_at_font(p) == []
    fresh = MainWindow(Settings.at(tmp_path / "fresh.ini"))
    qtbot.addWidget(fresh)
    fresh.resize(1024, 700)
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.legend.set_hidden(window.legend.hidden())
    fresh.zoom(window.panes["left"].zoom)
    with qtbot.waitSignal(fresh.comparisonShown, timeout=30000):
        fresh.open_files(*(str(p) for p in long_paths))
    settle(qtbot, fresh)
    assert fresh.legend.hidden() == window.legend.hidden() == {"identical"}
    try:
        for side in SIDES:
            a, b = window.panes[side], fresh.panes[side]
            assert a.font().pointSizeF() == b.font().pointSizeF()
            assert a.viewport().width() == b.viewport().width()
            sb = a.verticalScrollBar()
            assert sb.maximum() == b.verticalScrollBar().maximum()
            markers = 0
            for value in [*range(0, sb.maximum(), sb.pageStep()), sb.maximum()]:  # each page
                got, want = geometry(window, side, value), geometry(fresh, side, value)
                assert got["blocks"] == want["blocks"], (side, value)
                assert got["starts"] == want["starts"], (side, value)
                assert got["gutter"] == want["gutter"], (side, value)
                assert got["bands"] == want["bands"], (side, value)
                markers += len(got["gutter"])
            assert markers  # there was something to compare
    finally:
        fresh.comparer.cancel(quiet=True)
        fresh.comparer.wait(10000)
