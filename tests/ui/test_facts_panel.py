"""The facts panel: the table a fact-checker reads first, and a click that goes to the
sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kzdiff.core.model import Kind
from kzdiff.ui.facts_panel import FactsPanel

FILLER = " ".join(
    f"Paragraph {a}{b}o of the report says nothing new at all." for a in "bdfgkl" for b in "aeiu"
)
LEFT = (
    "Floods killed 30 people in the north on Sunday. "
    "The army sent 400 soldiers to the <b>region</b>. "
    "A fine of $5 million was set. " + FILLER
)
RIGHT = (
    FILLER + " Floods hit the north on Sunday. "
    "The army sent 400 soldiers to the <b>region</b>. "
    "The death toll rose to 35, officials said."
)


def write_pair(tmp_path):
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return left, right


def click(qtbot, panel: FactsPanel, row: int, column: int) -> None:
    rect = panel.visualRect(panel.model().index(row, column))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_table_lists_facts_with_verdicts(window, open_pair, tmp_path):
    open_pair(*write_pair(tmp_path))
    assert window.bottom.tabText(window.bottom.indexOf(window.facts)) == "Facts"
    assert window.facts.rows() == [
        ("dead", "30", "35", "≠ disagree"),
        ("fine", "$5 million  (= USD 5000000)", "—", "only left"),
        ("—", "Sunday", "Sunday", "= agree"),
        ("soldiers", "400", "400", "= agree"),
    ]
    model = window.facts.model()
    disagree = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    agree = model.data(model.index(3, 0), Qt.ItemDataRole.BackgroundRole)
    assert disagree is not None and agree is None  # a disagreement is marked


def test_clicking_a_fact_goes_to_its_sentences(window, open_pair, qtbot, tmp_path):
    cmp = open_pair(*write_pair(tmp_path))
    window.bottom.setCurrentWidget(window.facts)
    qtbot.waitExposed(window.facts)
    # the right cell of "dead: 30 vs 35": the right text's sentence the left lacks
    with qtbot.waitSignal(window.facts.sentenceActivated) as got:
        click(qtbot, window.facts, 0, 2)
    side, sid = got.args
    assert (side, cmp.right.sentences[sid].text) == (
        "right",
        "The death toll rose to 35, officials said.",
    )
    # no other pair holds it: its own is the fact link to "killed 30", a cross link (the
    # left sentence has a pair of its own)
    pair = cmp.pairs[window.current]
    assert pair.right == (sid,) and pair.kind is Kind.CONFLICT and pair.cross
    assert pair.reasons() == ["number: 30 vs 35"]
    assert sid in window.panes["right"].visible_sentences()
    # the left cell of the same row: the left sentence, scrolled into view
    with qtbot.waitSignal(window.facts.sentenceActivated) as got:
        click(qtbot, window.facts, 0, 1)
    assert got.args == ["left", 0]
    assert cmp.pairs[window.current].left == (0,)
    assert 0 in window.panes["left"].visible_sentences()


def test_new_comparison_replaces_the_table(window, open_pair, tmp_path):
    open_pair(*write_pair(tmp_path))
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Nothing here is counted.", encoding="utf-8")
    b.write_text("Nothing there is counted.", encoding="utf-8")
    open_pair(a, b)
    assert window.facts.rows() == []


def test_file_text_is_shown_as_text(qtbot):
    from kzdiff import compare_texts

    panel = FactsPanel()
    qtbot.addWidget(panel)
    panel.show_comparison(
        compare_texts(
            "The fine of $5 million stood, <b>said</b> the court.",
            "The fine of £5 million stood, <b>said</b> the court.",
        )
    )
    assert panel.rows() == [
        ("fine", "$5 million  (= USD 5000000)", "£5 million  (= GBP 5000000)", "≠ disagree")
    ]
    panel.show_comparison(None)
    assert panel.rows() == []


def test_the_facts_tab_takes_room_when_shown(window, qtbot, sample_paths, open_pair) -> None:
    """Two or three rows in a strip under the panes was no table to read."""
    open_pair(*sample_paths)
    window.vsplit.setSizes([900, 80])
    window.bottom.setCurrentWidget(window.facts)
    top, bottom = window.vsplit.sizes()
    assert bottom >= 0.39 * (top + bottom)
