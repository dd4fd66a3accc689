"""The overview beside each scroll bar, the link map with many moves, and the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton

from kzdiff.core.model import Kind
from kzdiff.palette import STYLES
from kzdiff.ui.window import MainWindow

from .longpair import long_pair


@pytest.fixture
def long_paths(write):
    left, right = long_pair()
    return write("left-long.txt", left), write("right-long.txt", right)


def test_overview_marks_changes_and_a_click_jumps(window, qtbot, long_paths, open_pair):
    window.resize(1024, 700)
    cmp = open_pair(*long_paths)
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    ov = window.overviews["right"]
    pane = window.panes["right"]
    marks = ov.marks()
    expected = [
        n for n, p in enumerate(cmp.pairs) if p.right and (p.kind is not Kind.IDENTICAL or p.moved)
    ]
    assert any(cmp.pairs[n].moved for n in expected)  # moved sentences are marked too
    assert sorted(n for *_, n in marks) == expected
    # a click near the bottom scrolls the pane there (sync moves the other)
    sb = pane.verticalScrollBar()
    assert sb.value() == 0
    qtbot.mouseClick(ov, Qt.MouseButton.LeftButton, pos=QPoint(5, ov.height() - 5))
    assert sb.value() == sb.maximum()
    # painted (the frame is at the bottom now): the kinds' colours appear in the strip
    img = ov.grab().toImage()
    seen = {QColor(img.pixel(x, y)).name() for x in range(img.width()) for y in range(img.height())}
    assert QColor(STYLES[Kind.MISSING].line).name() in seen
    qtbot.mouseClick(ov, Qt.MouseButton.LeftButton, pos=QPoint(5, ov.height() // 2))
    mid = sb.value()
    assert abs(mid + sb.pageStep() / 2 - pane.total_lines() / 2) <= 2
    # a mark's click lands on its sentence: the conflict mark brings the conflict into view
    a, b, kind, n = next(m for m in marks if m[2] is Kind.CONFLICT)
    y = int(1 + (a + b) / 2 * (ov.height() - 2))
    qtbot.mouseClick(ov, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert cmp.pairs[n].right[0] in pane.visible_sentences()


def test_link_map_draws_moves_faintly_and_marks_missing(window, qtbot, long_paths, open_pair):
    cmp = open_pair(*long_paths)
    lm = window.linkmap
    moved = next(n for n, p in enumerate(cmp.pairs) if p.moved)
    window.select_pair(moved)
    lm.grab()
    assert any(n == moved for n, _ in lm._bands)
    assert lm._bands[-1][0] == moved  # the selected band is drawn last, on top
    # missing sentences in view get a notch, and clicking it selects them
    window.select_pair(None)
    window.panes["right"].verticalScrollBar().setValue(0)
    lm.grab()
    assert lm._missing
    side, n, path = lm._missing[0]
    assert cmp.pairs[n].kind is Kind.MISSING
    c = path.boundingRect().center()
    qtbot.mouseClick(lm, Qt.MouseButton.LeftButton, pos=QPoint(int(c.x()), int(c.y())))
    assert window.current == n
    # hovering a band makes it the hovered one (drawn stronger)
    n0, p0 = lm._bands[0]
    pt = p0.boundingRect().center()
    if p0.contains(pt):
        qtbot.mouseMove(lm, QPoint(int(pt.x()), int(pt.y())))
        assert lm.band_at(QPointF(pt)) is not None


def test_overlap_relation_draws_a_thinner_band(window, qtbot, sample_paths, open_pair):
    cmp = open_pair(*sample_paths)
    lm = window.linkmap
    lm.grab()
    n, path = next((n, p) for n, p in lm._bands if cmp.pairs[n].kind is Kind.PARAPHRASE)
    h_same = path.boundingRect().height()
    original = cmp.pairs
    # what the model's Pair.relation will say (the model is frozen: set it underneath)
    object.__setattr__(cmp, "pairs", (*original[:n], _Overlapping(original[n]), *original[n + 1 :]))
    try:
        lm.grab()
        h_overlap = next(p for m, p in lm._bands if m == n).boundingRect().height()
    finally:
        object.__setattr__(cmp, "pairs", original)
    assert h_overlap < h_same * 0.6


def test_theme_choice_is_applied_remembered_and_readable(
    window, qtbot, sample_paths, open_pair, settings
):
    cmp = open_pair(*sample_paths)
    para = next(p for p in cmp.pairs if p.kind is Kind.PARAPHRASE)
    s = cmp.left.sentences[para.left[0]]

    def fill() -> str:
        cur = QTextCursor(window.panes["left"].document())
        cur.setPosition(s.start + 1)
        return cur.charFormat().background().color().name()

    try:
        window.theme_actions["dark"].trigger()
        assert settings.theme == "dark"
        assert QApplication.palette().color(QApplication.palette().ColorRole.Base).lightness() < 80
        qtbot.waitUntil(lambda: fill() == QColor(STYLES[Kind.PARAPHRASE].fill_dark).name())
        # the checked Sync button: highlighted background, its text in the highlighted text
        # colour, clearly apart
        button = next(
            b
            for b in window.toolbar.findChildren(QToolButton)
            if b.defaultAction() is window.act_sync
        )
        assert window.act_sync.isChecked()
        pal = QApplication.palette()

        def painted() -> set[str]:
            img = button.grab().toImage()
            return {
                QColor(img.pixel(x, y)).name()
                for x in range(img.width())
                for y in range(img.height())
            }

        qtbot.waitUntil(lambda: pal.color(pal.ColorRole.Highlight).name() in painted())
        # a hidden kind's chip stays readable: its text colour is the palette's text
        window.legend.buttons[Kind.IDENTICAL].setChecked(False)
        chip = window.legend.buttons[Kind.IDENTICAL]
        assert "palette(text)" in chip.styleSheet().split("QToolButton:checked")[0]
        # remembered: a new window with these settings starts dark
        w2 = MainWindow(settings)
        qtbot.addWidget(w2)
        assert w2.theme_actions["dark"].isChecked()
        window.theme_actions["light"].trigger()
        assert QApplication.palette().color(QApplication.palette().ColorRole.Base).lightness() > 200
    finally:
        window.set_theme("system")
    assert settings.theme == "system"


class _Overlapping:
    """A pair whose sentences only overlap (``relation == "overlap"``)."""

    relation = "overlap"

    def __init__(self, pair):
        self._pair = pair

    def __getattr__(self, name):
        return getattr(self._pair, name)


def test_overview_of_a_long_text_maps_by_characters_off_the_paint(
    window, qtbot, long_paths, open_pair, monkeypatch
):
    from kzdiff.ui import overview

    monkeypatch.setattr(overview, "EXACT_UP_TO", 0)  # as if the text were long
    cmp = open_pair(*long_paths)
    ov = window.overviews["right"]
    ov.invalidate()
    ov.grab()  # the first paint only asks for the marks
    qtbot.waitUntil(lambda: ov._marks_key() == ov._key, timeout=5000)
    doc = cmp.right
    a, b, kind, n = next(m for m in ov.marks() if m[2] is Kind.CONFLICT)
    s = doc.sentences[cmp.pairs[n].right[0]]
    assert a == s.start / len(doc.text) and kind is Kind.CONFLICT
    img = ov.grab().toImage()
    y = int(1 + (a + b) / 2 * (ov.height() - 2))
    assert QColor(img.pixel(ov.width() // 2, y)).name() == QColor(STYLES[Kind.CONFLICT].line).name()
