"""A cross link in the window: a sentence in two pairs, its own and a fact link."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kzdiff.core.model import Kind
from kzdiff.palette import STYLES

from ..core.test_fact_links import CROSS_LEFT, CROSS_RIGHT


def _colour_at(pane, text: str, word: str) -> str:
    """The background painted under ``word`` (first found in the pane's text)."""
    at = pane.doc.text.index(word)
    cur = pane.cursor_at(at + 1)
    return cur.charFormat().background().color().name()


def test_a_cross_link_is_drawn_and_selected_without_recolouring_its_host(
    window, qtbot, write, open_pair
):
    cmp = open_pair(write("left.txt", CROSS_LEFT), write("right.txt", CROSS_RIGHT))
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    (n,) = [k for k, p in enumerate(cmp.pairs) if p.cross]
    host = cmp.pair_index_of("left", 1)
    assert host != n and cmp.pairs[host].kind is Kind.PARAPHRASE
    assert cmp.pairs[n].kind is Kind.CONFLICT
    left, right = window.panes["left"], window.panes["right"]
    # the shared left sentence keeps its own pair's colour; the right one shows the link's
    fill = {
        k: QColor(left.theme.sentence_format(k, False).background().color()).name() for k in Kind
    }
    assert _colour_at(left, CROSS_LEFT, "hill county of Ludao") == fill[Kind.PARAPHRASE]
    assert _colour_at(right, CROSS_RIGHT, "Red Cross") == fill[Kind.CONFLICT]
    # the link map draws both bands from the shared sentence
    window.linkmap.grab()
    drawn = {k for k, _ in window.linkmap._bands}
    assert {host, n} <= drawn
    # F8 (next conflict) stops at the link; the detail panel says what it is
    window.select_pair(None)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.current == n
    text = window.detail.text_shown()
    assert "≠ number: 9,000 vs 14,300" in text
    assert "the left sentence is also in pair 2 of 7" in text
    assert STYLES[Kind.CONFLICT].label in text
    # selecting it highlights both of its sentences
    assert left.current_pair == n and right.current_pair == n


def test_the_figure_a_cross_link_disputes_is_marked_on_the_shared_sentence(
    window, qtbot, write, open_pair
):
    cmp = open_pair(write("left.txt", CROSS_LEFT), write("right.txt", CROSS_RIGHT))
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    left = window.panes["left"]
    conflict = QColor(left.theme.word_format("conflict").background().color()).name()
    fill = QColor(left.theme.sentence_format(Kind.PARAPHRASE, False).background().color())
    # "9,000" (the figure the link disputes) is marked, the rest keeps its own pair's fill
    assert _colour_at(left, CROSS_LEFT, "9,000") == conflict
    assert _colour_at(left, CROSS_LEFT, "hill county of Ludao") == fill.name()
    # hiding conflicts (the legend's button) takes the mark away; showing them brings it back
    button = window.legend.buttons[Kind.CONFLICT]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: left._format_job is None, timeout=10000)
    assert _colour_at(left, CROSS_LEFT, "9,000") != conflict
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: left._format_job is None, timeout=10000)
    assert _colour_at(left, CROSS_LEFT, "9,000") == conflict
    assert cmp.pairs[cmp.pair_index_of("left", 1)].kind is Kind.PARAPHRASE
