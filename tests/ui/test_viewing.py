"""What the panes show and how a user moves through a comparison."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from kzdiff.core.model import Kind
from kzdiff.export.html import render_html
from kzdiff.palette import STYLES, WORD_ROLES


def fmt_at(pane, pos: int) -> QTextCharFormat:
    """The character format of the character at model offset ``pos``."""
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_qt(pos) + 1)
    return cur.charFormat()


def test_each_kind_gets_its_format(window, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    seen = set()
    for pair in cmp.pairs:
        for side, doc in (("left", cmp.left), ("right", cmp.right)):
            pane = window.panes[side]
            for i in pair.ids(side):
                s = doc.sentences[i]
                f = fmt_at(pane, s.start)
                if pair.kind is Kind.IDENTICAL:
                    continue
                # first character of a sentence: kind fill unless a word mark is on it
                if f.background().color().name() == QColor(STYLES[pair.kind].fill).name():
                    seen.add(pair.kind)
                    # sentences are not underlined: the gutter marker is the kind's cue
                    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert {Kind.PARAPHRASE, Kind.MISSING} <= seen
    # the disagreeing words of the conflict stand out most: bold, yellow, wavy underline
    conflict = next(p for p in cmp.pairs if p.kind is Kind.CONFLICT)
    right = cmp.right.sentences[conflict.right[0]]
    k = right.text.index("sawn-off")
    f = fmt_at(window.panes["right"], right.start + k)
    assert f.fontWeight() >= 700
    assert f.background().color().name() == QColor(WORD_ROLES["conflict"][1]).name()
    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    left = cmp.left.sentences[conflict.left[0]]
    k = left.text.index("petrol bombs")
    assert fmt_at(window.panes["left"], left.start + k).fontStrikeOut()  # deleted words


def test_gutter_and_legend_give_non_colour_cues(window, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    s = cmp.summary()
    texts = {k: b.text() for k, b in window.legend.buttons.items()}
    assert texts[Kind.CONFLICT] == f"≠ conflict: {s['conflict']}"
    # the same words and numbers as the report's legend and the summary line
    only = f"only left: {s['only_left']} · only right: {s['only_right']}"
    assert texts[Kind.MISSING] == f"∅ {only}"
    assert only in render_html(cmp)
    assert window.summary_label.text() == cmp.summary_text()
    assert f"{s['only_left']} only left, {s['only_right']} only right" in cmp.summary_text()
    img = window.panes["left"].gutter.grab().toImage()
    conflict_line = QColor(STYLES[Kind.MISSING].line).name()
    colours = {
        QColor(img.pixel(x, y)).name() for x in range(img.width()) for y in range(img.height())
    }
    assert conflict_line in colours  # missing markers (∅) painted in the gutter


def test_navigation_visits_changes_in_order(window, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    visited = []
    for _ in range(len(cmp.pairs) + 2):
        window.act_next.trigger()
        if window.current in visited:
            break
        visited.append(window.current)
    assert visited == cmp.changes()
    window.act_prev.trigger()
    assert window.current == cmp.changes()[-2]
    window.act_next_conflict.trigger()  # no conflict below the last changes: stays put
    assert window.current == cmp.changes()[-2]
    window.select_pair(None)
    window.act_next_conflict.trigger()
    assert cmp.pairs[window.current].kind is Kind.CONFLICT


def test_keyboard_shortcuts_navigate(window, qtbot, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    window.panes["left"].setFocus()
    qtbot.keyClick(window.panes["left"], Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current == cmp.changes()[0]
    qtbot.keyClick(window.panes["left"], Qt.Key.Key_F8)
    assert cmp.pairs[window.current].kind is Kind.CONFLICT


def test_filters_hide_kinds(window, qtbot, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    window.act_only_conflicts.trigger()
    assert window.legend.hidden() == {"identical", "paraphrase", "missing", "furniture"}
    assert window.navigable() == cmp.changes({Kind.CONFLICT})
    assert window.linkmap.visible_pairs() == [
        n for n in window.linkmap.visible_pairs() if cmp.pairs[n].kind is Kind.CONFLICT
    ]
    para = next(p for p in cmp.pairs if p.kind is Kind.PARAPHRASE)
    s = cmp.left.sentences[para.left[0]]
    f = fmt_at(window.panes["left"], s.start)
    assert f.background().style() == Qt.BrushStyle.NoBrush  # dimmed: no kind fill
    assert window.settings.hidden_kinds == {"identical", "paraphrase", "missing", "furniture"}
    window.act_show_all.trigger()
    assert window.legend.hidden() == set()
    qtbot.mouseClick(window.legend.buttons[Kind.MISSING], Qt.MouseButton.LeftButton)
    assert window.legend.hidden() == {"missing"}
    assert all(cmp.pairs[n].kind is not Kind.MISSING for n in window.navigable())


def test_clicking_a_sentence_selects_its_partner(window, qtbot, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    n = next(k for k, p in enumerate(cmp.pairs) if p.kind is Kind.CONFLICT)
    pair = cmp.pairs[n]
    left = window.panes["left"]
    s = cmp.left.sentences[pair.left[0]]
    left.scroll_to_sentence(s.id)
    rect = left.cursorRect(left.cursor_at(s.start + 3))
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert window.current == n
    assert window.panes["right"].current_pair == n
    right = window.panes["right"]
    assert pair.right[0] in right.visible_sentences()  # partner scrolled into view
    r = cmp.right.sentences[pair.right[0]]
    # the selection is an outline drawn over the partner's text, not a format
    assert right.current_ranges() == [(right.offsets.to_qt(r.start), right.offsets.to_qt(r.end))]
    assert not right.selection_path().isEmpty()
    text = window.detail.text_shown()
    assert "conflict" in text and "qualifier added: sawn-off" in text
    assert "sawn-off shotguns" in text


def test_synchronized_scrolling_keeps_a_pair_level(window, qtbot, sample_paths, open_pair) -> None:
    cmp = open_pair(*sample_paths)
    window.resize(1400, 500)
    qtbot.waitUntil(lambda: window.panes["left"].verticalScrollBar().maximum() > 0)
    assert window.act_sync.isChecked()
    L, R = window.panes["left"], window.panes["right"]
    # a long in-order pair well down the document
    n = max(k for k, p in enumerate(cmp.pairs) if p.left and p.right and not p.moved)
    pair = cmp.pairs[n]
    qtbot.waitUntil(lambda: window.layout_complete, timeout=10000)  # background layout
    a0, a1 = L.sentence_lines(pair.left)
    sb = L.verticalScrollBar()
    # scroll so the sync point (value + page * value / max) lands inside the pair
    for v in range(sb.maximum() + 1):
        if a0 <= v + sb.pageStep() * v / sb.maximum() < a1:
            break
    sb.setValue(v)
    lt, _ = L.y_span(pair.left)
    rt, _ = R.y_span(pair.right)
    line = L.fontMetrics().lineSpacing()
    assert abs(lt - rt) <= 2 * line, (lt, rt)
    # switched off, the other pane stays put
    window.act_sync.setChecked(False)
    before = R.verticalScrollBar().value()
    sb.setValue(0)
    assert R.verticalScrollBar().value() == before
    assert window.settings.sync_scroll is False


def test_zoom_changes_font_and_persists(window, sample_paths, open_pair) -> None:
    open_pair(*sample_paths)
    size = window.panes["left"].font().pointSizeF()
    window.act_zoom_in.trigger()
    window.act_zoom_in.trigger()
    assert window.panes["left"].font().pointSizeF() == size + 2
    assert window.panes["right"].font().pointSizeF() == size + 2
    assert window.settings.zoom == 2
    window.act_zoom_reset.trigger()
    assert window.panes["left"].font().pointSizeF() == size


def test_markup_in_a_document_is_never_interpreted(window, qtbot, write) -> None:
    a = write("a.txt", "<h1>Title</h1> <script>alert(1)</script> &amp; done. Second sentence here.")
    b = write("b.txt", "<h1>Title</h1> <b>bold</b> &amp; done. Second sentence here.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.open_files(str(a), str(b))
    assert window.panes["left"].shown_text() == a.read_text(encoding="utf-8")
    window.select_pair(0)
    assert "<script>alert(1)</script>" in window.detail.text_shown()


def test_dark_palette_rethemes_the_panes(window, qtbot, sample_paths, open_pair) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    cmp = open_pair(*sample_paths)
    para = next(p for p in cmp.pairs if p.kind is Kind.PARAPHRASE)
    s = cmp.left.sentences[para.left[0]]
    app = QApplication.instance()
    old = app.palette()
    dark = QPalette(old)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1e1f22"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(colour))

    def fill_becomes(colour: str) -> None:
        qtbot.waitUntil(
            lambda: (
                fmt_at(window.panes["left"], s.start).background().color().name()
                == QColor(colour).name()
            ),
            timeout=5000,
        )

    try:
        app.setPalette(dark)
        fill_becomes(STYLES[Kind.PARAPHRASE].fill_dark)
    finally:
        app.setPalette(old)
    fill_becomes(STYLES[Kind.PARAPHRASE].fill)


def test_link_map_draws_bands_and_a_click_selects_the_pair(
    window, qtbot, sample_paths, open_pair
) -> None:
    from PySide6.QtCore import QPointF

    cmp = open_pair(*sample_paths)
    window.linkmap.grab()  # paints
    bands = window.linkmap._bands
    assert bands, "visible pairs have bands"
    assert all(cmp.pairs[n].left and cmp.pairs[n].right for n, _ in bands)
    n, path = next((n, p) for n, p in bands if cmp.pairs[n].kind is Kind.PARAPHRASE)
    box = path.boundingRect()
    point = next(
        QPointF(x, y)
        for x in range(int(box.left()) + 1, int(box.right()))
        for y in range(int(box.top()) + 1, int(box.bottom()))
        if path.contains(QPointF(x, y))
        and not any(p.contains(QPointF(x, y)) for m, p in bands if m != n)
    )
    qtbot.mouseClick(window.linkmap, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.current == n
    assert "paraphrase" in window.detail.text_shown()
