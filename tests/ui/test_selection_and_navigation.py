"""Selecting shows what it selects; navigating shows both sides of a pair; zoom keeps the
place; the keyboard works from the start; navigation says when it reaches the end."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from kzdiff.core.model import Kind
from kzdiff.palette import STYLES, WORD_ROLES

from .longpair import long_pair, paragraph


def fmt_at(pane, pos: int):
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_qt(pos) + 1)
    return cur.charFormat()


def colours(img) -> set[str]:
    return {
        QColor(img.pixel(x, y)).name()
        for x in range(0, img.width(), 2)
        for y in range(img.height())
    }


def both_in_view(window, n: int) -> bool:
    pair = window.comparison.pairs[n]
    for side in ("left", "right"):
        pane = window.panes[side]
        ids = pair.ids(side)
        if not ids:
            continue
        top, bottom = pane.y_span(ids)
        # the pair's first line at least, well inside the viewport
        line = pane.fontMetrics().lineSpacing()
        if top < 0 or top + line > pane.viewport().height():
            return False
    return True


@pytest.fixture
def long_paths(write):
    left, right = long_pair()
    return write("left-long.txt", left), write("right-long.txt", right)


def test_selection_keeps_kind_fill_and_word_highlights(window, qtbot, sample_paths, open_pair):
    cmp = open_pair(*sample_paths)
    window.act_next_conflict.trigger()
    n = window.current
    pair = cmp.pairs[n]
    assert pair.kind is Kind.CONFLICT
    right = window.panes["right"]
    s = cmp.right.sentences[pair.right[0]]
    k = s.start + s.text.index("sawn-off")
    yellow = QColor(WORD_ROLES["conflict"][1]).name()
    # the text's own format keeps the yellow, and no extra selection paints over it
    assert fmt_at(right, k).background().color().name() == yellow
    for sel in right.extraSelections():
        covers = sel.cursor.selectionStart() <= right.offsets.to_qt(k) < sel.cursor.selectionEnd()
        assert not (covers and sel.format.hasProperty(sel.format.Property.BackgroundBrush))
    # on screen: the yellow and the conflict fill are still painted, and an outline is added
    img = right.viewport().grab().toImage()
    seen = colours(img)
    assert yellow in seen
    assert QColor(STYLES[Kind.CONFLICT].fill).name() in seen
    assert not right.selection_path().isEmpty()
    # the selection's own mark: a bar in the gutter as tall as the pair
    top, bottom = right.current_span()
    assert bottom - top >= right.fontMetrics().lineSpacing()
    # a missing sentence selected keeps its own fill (not a selection blue)
    m = next(i for i, p in enumerate(cmp.pairs) if p.kind is Kind.MISSING and p.left)
    window.select_pair(m)
    ms = cmp.left.sentences[cmp.pairs[m].left[0]]
    f = fmt_at(window.panes["left"], ms.start + 2)
    assert f.background().color().name() == QColor(STYLES[Kind.MISSING].fill).name()


def test_sentences_are_not_underlined(window, sample_paths, open_pair):
    cmp = open_pair(*sample_paths)
    para = next(p for p in cmp.pairs if p.kind is Kind.PARAPHRASE)
    s = cmp.left.sentences[para.left[0]]
    f = fmt_at(window.panes["left"], s.start)
    assert f.background().color().name() == QColor(STYLES[Kind.PARAPHRASE].fill).name()
    assert f.underlineStyle() == f.UnderlineStyle.NoUnderline


def test_navigation_shows_both_sides_at_1024x700(window, qtbot, long_paths, open_pair):
    window.resize(1024, 700)
    cmp = open_pair(*long_paths)
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    assert window.act_sync.isChecked()
    changes = [n for n in cmp.changes() if cmp.pairs[n].left and cmp.pairs[n].right]
    assert any(cmp.pairs[n].kind is Kind.CONFLICT for n in changes)
    checked = 0
    for _ in range(len(cmp.changes())):
        window.act_next.trigger()
        n = window.current
        if cmp.pairs[n].left and cmp.pairs[n].right:
            assert both_in_view(window, n), (n, cmp.pairs[n])
            checked += 1
    assert checked >= 3
    # F8 to the conflict far down, where the texts are a screen out of step
    window.select_pair(None)
    window.act_next_conflict.trigger()
    assert both_in_view(window, window.current)
    # sync re-anchors on it: a small scroll keeps the pair on both sides
    L = window.panes["left"].verticalScrollBar()
    L.setValue(L.value() + 1)
    assert both_in_view(window, window.current)


def test_clicking_a_sentence_or_a_band_shows_both_sides(window, qtbot, long_paths, open_pair):
    window.resize(1024, 700)
    cmp = open_pair(*long_paths)
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    n = next(i for i, p in enumerate(cmp.pairs) if p.kind is Kind.CONFLICT)
    left = window.panes["left"]
    s = cmp.left.sentences[cmp.pairs[n].left[0]]
    left.verticalScrollBar().setValue(int(left.line_of(s.start)) - 3)
    rect = left.cursorRect(left.cursor_at(s.start + 3))
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert window.current == n
    assert both_in_view(window, n)
    # a band click too
    window.select_pair(None)
    window.linkmap.grab()
    band, path = window.linkmap._bands[0]
    window.linkmap.pairClicked.emit(band)
    assert window.current == band and both_in_view(window, band)


def test_zoom_keeps_the_selected_pair_in_view(window, qtbot, long_paths, open_pair):
    window.resize(1024, 700)
    cmp = open_pair(*long_paths)
    window.act_next_conflict.trigger()
    n = window.current
    for _ in range(3):
        window.act_zoom_in.trigger()
        assert both_in_view(window, n)
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    assert both_in_view(window, n)
    window.act_zoom_out.trigger()
    window.act_zoom_reset.trigger()
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    assert window.current == n and both_in_view(window, n)
    assert cmp.pairs[n].kind is Kind.CONFLICT


def test_layout_stays_consistent_after_filters_and_quick_zooms(
    window, qtbot, long_paths, open_pair
):
    """Every laid-out block is drawn where the pane counts its lines: no line drawn over
    another, no gutter marker a line off."""
    window.resize(1024, 700)
    open_pair(*long_paths)
    for step in (1, 1, -1, 1):
        window.act_only_conflicts.trigger()
        window.zoom(step)
        window.act_show_all.trigger()
        window.act_hide_identical.trigger()
        QApplication.processEvents()
    qtbot.waitUntil(
        lambda: window.layout_complete and all(p.formats_complete for p in window.panes.values()),
        timeout=20000,
    )
    for pane in window.panes.values():
        # the background layout has laid out every block again after the re-formatting:
        # line numbers (what sync, the overview and navigation scroll by) are exact
        block = pane.document().begin()
        while block.isValid():
            assert block.layout().lineCount() == block.lineCount() > 0
            block = block.next()
        sb = pane.verticalScrollBar()
        line = pane.fontMetrics().lineSpacing()
        for value in (0, sb.maximum() // 2, sb.maximum()):
            sb.setValue(value)
            offset = pane.contentOffset()
            block, bottom = pane.firstVisibleBlock(), None
            while block.isValid():
                geo = pane.blockBoundingGeometry(block).translated(offset)
                if geo.top() > pane.viewport().height():
                    break
                # each block is laid out as the pane counts it, and blocks touch
                assert block.layout().lineCount() == block.lineCount()
                if bottom is not None:
                    assert abs(geo.top() - bottom) < 0.5, (value, block.blockNumber())
                bottom = geo.bottom()
                block = block.next()
            # each gutter marker sits on the line its sentence starts on
            starts = {
                pane.cursorRect(pane.cursor_at(pane.doc.sentences[i].start)).top()
                for i in pane.visible_sentences()
            }
            for y, _text, _kinds, _cur in pane.gutter.rows():
                assert y in starts and y > -line


def test_a_pane_has_focus_and_keys_scroll_it_without_a_caret(window, qtbot, long_paths, open_pair):
    open_pair(*long_paths)
    pane = QApplication.focusWidget()
    assert pane in window.panes.values()
    assert not (pane.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)
    sb = pane.verticalScrollBar()
    before = sb.value()
    qtbot.keyClick(pane, Qt.Key.Key_PageDown)
    assert sb.value() > before
    mid = sb.value()
    qtbot.keyClick(pane, Qt.Key.Key_Down)
    assert sb.value() > mid
    # text selected with the mouse still copies with Ctrl+C
    cur = pane.textCursor()
    cur.setPosition(0)
    cur.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cur)
    qtbot.keyClick(pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == pane.shown_text()[:9]


def test_menu_mnemonics_are_unique(window) -> None:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        keys = []
        for a in menu.actions():
            m = re.search(r"&(\w)", a.text())
            if m:
                keys.append(m.group(1).lower())
        assert len(keys) == len(set(keys)), (menu.title(), keys)


def test_conflict_navigation_is_disabled_without_conflicts(window, qtbot, write, open_pair):
    a = write("a.txt", "The mayor opened the new bridge on Monday. Crowds came to watch.")
    b = write("b.txt", "On Monday the mayor opened the new bridge. Crowds came to watch.")
    open_pair(a, b)
    assert not window.act_next_conflict.isEnabled()
    assert not window.act_prev_conflict.isEnabled()


def test_the_last_conflict_says_so_and_offers_to_wrap(window, qtbot, long_paths, open_pair):
    cmp = open_pair(*long_paths)
    conflicts = cmp.changes({Kind.CONFLICT})
    window.select_pair(conflicts[-1])
    window.act_next_conflict.trigger()
    assert window.current == conflicts[-1]
    msg = window.statusBar().currentMessage()
    assert "last conflict" in msg and "wrap" in msg
    window.act_next_conflict.trigger()
    assert window.current == conflicts[0]
    assert "Wrapped" in window.statusBar().currentMessage()


def test_swap_keeps_the_selected_pair(window, qtbot, long_paths, open_pair):
    cmp = open_pair(*long_paths)
    window.act_next_conflict.trigger()
    pair = cmp.pairs[window.current]
    with qtbot.waitSignal(window.comparisonShown, timeout=30000) as b:
        window.act_swap.trigger()
    swapped = b.args[0]
    qtbot.waitUntil(lambda: window.current is not None, timeout=5000)
    now = swapped.pairs[window.current]
    assert now.left == pair.right and now.right == pair.left
    assert both_in_view(window, window.current)


def test_gutter_markers_of_one_line_share_a_slot(window, qtbot, write, open_pair):
    a = write("a.txt", "Rain fell. The mayor spoke for 20 minutes. A band played on.\n")
    b = write("b.txt", "Snow fell. The mayor spoke for 40 minutes. A band played on.\n")
    open_pair(a, b)
    rows = window.panes["left"].gutter.rows()
    ys = [y for y, *_ in rows]
    assert len(ys) == len(set(ys))  # one slot per visual line
    assert any(len(kinds) > 1 for _y, _t, kinds, _c in rows)  # joined, not overdrawn


def test_detail_panel_shows_the_whole_pair_at_1024x700(window, qtbot, sample_paths, open_pair):
    window.resize(1024, 700)
    open_pair(*sample_paths)
    window.act_next_conflict.trigger()
    d = window.detail
    assert "Right (" in d.text_shown()
    assert d.document().size().height() <= d.viewport().height() + 1


def test_message_bar_does_not_push_the_panes_down(window, qtbot, sample_paths, open_pair):
    open_pair(*sample_paths)
    y = window.vsplit.mapTo(window, QPoint(0, 0)).y()
    window.show_error("Something to say about a file")
    assert window.message.isVisible()
    QApplication.processEvents()
    assert window.vsplit.mapTo(window, QPoint(0, 0)).y() == y


def test_a_group_of_two_sentences_is_shown_whole(window, qtbot, write, open_pair):
    """A 2:1 pair far down: both sentences of the group come into view, not just the first
    with the second cut off at the bottom of the pane."""
    window.resize(1024, 700)
    left, right = long_pair()
    k = 26
    one = paragraph(k).split(". ")
    joined = f"{one[0]}. {one[1]}, and r{one[2][1:]}"  # the right joins two sentences
    right = right.replace(paragraph(k), joined)
    cmp = open_pair(write("l.txt", left), write("r.txt", right))
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    n = next(i for i, p in enumerate(cmp.pairs) if len(p.left) == 2 and len(p.right) == 1)
    pair = cmp.pairs[n]
    # the group's first sentence just in view at the bottom of the left pane, the second
    # below it: the first alone is "visible", the group is not
    window.act_sync.setChecked(False)
    pane, sb = window.panes["left"], window.panes["left"].verticalScrollBar()
    first = pane.doc.sentences[pair.left[0]]
    for value in range(sb.maximum() + 1):
        sb.setValue(value)
        top, bottom = pane.y_span((pair.left[0],))
        if bottom <= pane.viewport().height() and top >= 0:
            break
    assert pane.y_span(pair.left)[1] > pane.viewport().height(), first.text
    window.select_pair(n)
    for side in ("left", "right"):
        pane = window.panes[side]
        top, bottom = pane.y_span(pair.ids(side))
        assert 0 <= top and bottom <= pane.viewport().height(), (side, top, bottom, pair)
