"""Text that breaks naive viewers: astral characters (Qt counts UTF-16 units, the model
code points), right-to-left script, combining marks, an enormous word, a long document
whose formats are applied in slices."""

from __future__ import annotations

import random

from PySide6.QtGui import QFont, QTextCursor

from kzdiff.core.highlight import marks
from kzdiff.core.model import Kind

LEFT = (
    "The 👩‍👩‍👧‍👦 family and 👍🏽 fans said 230 people came to Zu\u0308rich. "
    "قال المتحدث إن 230 شخصا اعتقلوا في المدينة. "
    "Officials in the city declined to comment on Tuesday."
)
RIGHT = (
    "The 👩‍👩‍👧‍👦 family and 👍🏽 fans said 231 people came to Zu\u0308rich. "
    "قال المتحدث إن 231 شخصا اعتقلوا في المدينة. "
    "Officials in the city declined to comment on Tuesday."
)


def _char_format_at(pane, pos: int):
    cur = QTextCursor(pane.document())
    cur.setPosition(pane.offsets.to_qt(pos) + 1)  # the format of the character before
    return cur.charFormat()


def test_highlights_land_on_the_right_characters(window, open_pair, write) -> None:
    cmp = open_pair(write("a.txt", LEFT), write("b.txt", RIGHT))
    conflicts = [n for n, p in enumerate(cmp.pairs) if p.kind is Kind.CONFLICT]
    assert len(conflicts) == 2, [p.kind for p in cmp.pairs]
    for side in ("left", "right"):
        pane = window.panes[side]
        doc = cmp.left if side == "left" else cmp.right
        assert pane.shown_text() == doc.text
        for n in conflicts:
            ms = [m for m in marks(cmp, side, n) if m.role == "conflict"]
            assert ms
            for m in ms:
                # the same characters, found through the UTF-16 mapping
                sel = pane.cursor_at(m.start, m.end).selectedText()
                assert sel == doc.text[m.start : m.end] in ("230", "231")
                assert _char_format_at(pane, m.start).fontWeight() == QFont.Weight.Bold
        # the words around the numbers (after emoji) are not marked
        plain = doc.text.index("people")
        assert _char_format_at(pane, plain).fontWeight() != QFont.Weight.Bold
    # clicking the Arabic sentence selects its pair on both sides
    arabic = next(s for s in cmp.left.sentences if "المتحدث" in s.text)
    window.select_sentence("left", arabic.id)
    pair = cmp.pairs[window.current]
    assert pair.left == (arabic.id,) and "المتحدث" in cmp.right.sentences[pair.right[0]].text


def test_an_enormous_word_neither_hangs_nor_loses_text(window, qtbot, open_pair, write) -> None:
    rng = random.Random(1)
    word = "".join(rng.choice("abcdefghij") for _ in range(100_000))
    left = f"A storm hit the coast. {word} The mayor spoke on Friday."
    right = f"A storm hit the coast. {word}x The mayor spoke on Saturday."
    cmp = open_pair(write("a.txt", left), write("b.txt", right))
    qtbot.waitUntil(lambda: window.layout_complete, timeout=60000)
    assert window.panes["left"].shown_text() == left
    assert window.panes["right"].shown_text() == right
    # the word is cut into capped pieces; the last one runs on into the next sentence
    last = next(
        p for p in cmp.pairs if p.left and "The mayor spoke" in cmp.left.sentences[p.left[-1]].text
    )
    assert last.kind is Kind.CONFLICT and "Saturday" in "".join(d.text for d in last.diff)


def test_a_long_comparison_is_formatted_in_slices_and_completely(
    window, qtbot, open_pair, write
) -> None:
    rng = random.Random(2)
    words = "storm coast power river village minister report police council budget".split()
    sents = [
        " ".join(rng.choice(words) for _ in range(9)).capitalize() + f" {n}." for n in range(3000)
    ]
    right = list(sents)
    right[2900] = right[2900].replace(" 2900.", " 2901.")
    cmp = open_pair(write("a.txt", " ".join(sents)), write("b.txt", " ".join(right)))
    pane = window.panes["right"]
    qtbot.waitUntil(lambda: pane.formats_complete, timeout=60000)
    n = next(i for i, p in enumerate(cmp.pairs) if p.kind is Kind.CONFLICT)
    m = next(m for m in marks(cmp, "right", n) if m.role == "conflict")
    assert cmp.right.text[m.start : m.end] == "2901"
    assert _char_format_at(pane, m.start).fontWeight() == QFont.Weight.Bold
    # hiding conflicts re-formats only that pair, and undoes its word marks
    window.legend.set_hidden({"conflict"})
    qtbot.waitUntil(lambda: pane.formats_complete, timeout=60000)
    assert _char_format_at(pane, m.start).fontWeight() != QFont.Weight.Bold
    window.legend.set_hidden(set())
    qtbot.waitUntil(lambda: pane.formats_complete, timeout=60000)
    assert _char_format_at(pane, m.start).fontWeight() == QFont.Weight.Bold


def test_unbroken_runs_get_break_opportunities_that_are_not_text() -> None:
    """Qt lays out a run without a break opportunity in quadratic time (1 MB of digits
    froze the window for minutes); the pane shows a zero-width space every BREAK_EVERY
    characters of such a run, and every offset and the shown text map back exactly."""
    import random

    from kzdiff.ui.pane import BREAK_EVERY, ZWSP, OffsetMap

    rng = random.Random(1)
    for _ in range(300):
        pieces = [
            "a",
            " ",
            "\n",
            "😀",
            "é",
            "x" * rng.randint(0, 3 * BREAK_EVERY),
            " " * rng.randint(0, 3 * BREAK_EVERY),  # spaces hang: Qt cannot wrap in them
        ]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        m = OffsetMap(text)
        shown = m.shown(text)
        assert m.unshown(shown) == text
        assert all(len(run) <= BREAK_EVERY for run in shown.replace(ZWSP, " ").split())
        for line in shown.split("\n"):  # nor a run of spaces longer than that
            assert all(len(run) <= BREAK_EVERY for run in line.split(ZWSP) if not run.strip())
        utf16 = shown.encode("utf-16-le")
        for p in range(len(text) + 1):
            q = m.to_qt(p)
            assert m.from_qt(q) == p
            if p < len(text):
                assert utf16[2 * q : 2 * q + 4].decode("utf-16-le", "replace")[0] == text[p]


def test_a_megabyte_without_a_space_is_shown_quickly(window, open_pair, sample_paths, tmp_path):
    digits = tmp_path / "digits.txt"
    digits.write_text("1234567890" * 100_000, encoding="utf-8")
    cmp = open_pair(sample_paths[0], digits)
    assert window.panes["right"].shown_text() == cmp.right.text
