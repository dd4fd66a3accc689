"""Word, PDF and web pages in the window: open dialog, drop, recent files, reload on
change; page furniture dimmed and skipped by navigation; metadata in the side header."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from kzdiff.core.model import Kind
from kzdiff.ui import filedialogs

from ..documents import ARTICLE, PAGE, write_docx, write_pdf
from .test_opening import drop, urls


def test_open_dialog_offers_and_opens_word_and_pdf(window, qtbot, tmp_path, monkeypatch) -> None:
    docx = write_docx(tmp_path / "story.docx")
    pdf = write_pdf(tmp_path / "story.pdf", ARTICLE * 3, pages=1)
    seen = {}

    def dialog(parent, title, folder, many):
        seen["filters"] = filedialogs.open_filters()
        return [str(docx), str(pdf)]

    monkeypatch.setattr(filedialogs, "choose_open", dialog)
    with qtbot.waitSignal(window.comparisonShown, timeout=60000) as b:
        window.act_open.trigger()
    first = seen["filters"].split(";;")[0]
    assert all(ext in first for ext in ("*.docx", "*.pdf", "*.html", "*.txt"))
    cmp = b.args[0]
    assert (cmp.left.format, cmp.right.format) == ("docx", "pdf")
    assert window.panes["left"].shown_text() == cmp.left.text
    assert window.panes["left"].shown_text().startswith("River floods town\n\n" + ARTICLE[0])
    header = window.headers["left"].text()
    assert "story.docx" in header and "Word" in header and "“River floods town”" in header
    assert "Jane Rivers" in header and "PDF" in window.headers["right"].text()
    assert window.settings.recent[0] == (str(docx), str(pdf))
    assert any(k is Kind.IDENTICAL for k in (p.kind for p in cmp.pairs))


def test_drop_a_web_page_and_a_word_file(window, qtbot, write, tmp_path) -> None:
    page = write("story.html", PAGE)
    docx = write_docx(tmp_path / "story.docx")
    with qtbot.waitSignal(window.comparisonShown, timeout=60000) as b:
        drop(window.linkmap, urls(page, docx))
    cmp = b.args[0]
    assert cmp.left.format == "html" and "Council approves" not in window.panes["left"].shown_text()
    assert "2025-03-04" in window.headers["left"].text()


def test_a_changed_word_file_offers_reload(window, qtbot, tmp_path) -> None:
    a = write_docx(tmp_path / "a.docx", extras=False)
    b = write_docx(tmp_path / "b.docx", extras=False)
    with qtbot.waitSignal(window.comparisonShown, timeout=60000):
        window.open_files(str(a), str(b))
    write_docx(b, [*ARTICLE, "The mayor thanked the volunteers."], extras=False)
    qtbot.waitUntil(lambda: window.message.isVisible(), timeout=10000)
    assert "b.docx changed on disk" in window.message.label.text()
    with qtbot.waitSignal(window.comparisonShown, timeout=60000):
        window.message.button.click()
    assert "The mayor thanked the volunteers." in window.panes["right"].shown_text()


def test_furniture_is_dimmed_and_skipped_by_navigation(window, qtbot, sample_paths, open_pair):
    cmp = open_pair(*sample_paths)
    furniture = [n for n, p in enumerate(cmp.pairs) if p.kind is Kind.FURNITURE]
    assert furniture  # the sample's web copy carries 2 MIN READ, RECOMMENDED, …
    pane = window.panes["right"]
    qtbot.waitUntil(lambda: not pane._format_pending, timeout=10000)
    on_right = next(n for n in furniture if cmp.pairs[n].right)
    s = cmp.right.sentences[cmp.pairs[on_right].right[0]]
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_qt(s.start) + 1)
    dim = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert cur.charFormat().foreground().color() == dim
    visited = []
    window.select_pair(None)
    for _ in range(len(cmp.pairs) + 2):
        window.act_next.trigger()
        if window.current in visited:
            break
        visited.append(window.current)
    assert visited and not set(visited) & set(furniture)
    chip = window.legend.buttons[Kind.FURNITURE].text()
    assert chip.endswith(f"furniture: {cmp.summary()['furniture']}")
    # a furniture sentence still selects, and the panel says what it is
    window.select_pair(on_right)
    shown = window.detail.text_shown()
    assert "page furniture of the right text, set aside: not compared" in shown
    assert "pair " not in shown.splitlines()[0]  # furniture is not a pair: no number


def test_pair_numbers_count_compared_pairs_only(window, sample_paths, open_pair):
    """The detail panel's "pair k of M": M is the pairs navigation stops at or passes
    (furniture excluded), and k runs 1..M with no gap where furniture sits between."""
    cmp = open_pair(*sample_paths)
    compared = [n for n, p in enumerate(cmp.pairs) if p.kind is not Kind.FURNITURE]
    assert len(compared) < len(cmp.pairs)  # the sample has furniture
    seen = []
    for n in compared:
        window.select_pair(n, scroll=False)
        head = window.detail.text_shown().splitlines()[0]
        seen.append(head.split("pair ", 1)[1].split(" ·")[0])
    assert seen == [f"{k} of {len(compared)}" for k in range(1, len(compared) + 1)]


def test_furniture_never_looks_like_a_hidden_kind(window) -> None:
    """Both are dimmed; furniture is also in italics, so hiding paraphrases does not make
    them look set aside as page furniture."""
    theme = window.panes["left"].theme
    furniture = theme.sentence_format(Kind.FURNITURE, False)
    hidden = theme.sentence_format(Kind.PARAPHRASE, True)
    assert furniture.foreground().color() == hidden.foreground().color()
    assert furniture.fontItalic() and not hidden.fontItalic()
