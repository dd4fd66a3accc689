"""Word diffs: whole words, typography folded, sides recoverable, rewrites not shredded."""

from __future__ import annotations

from kzdiff.core.model import Op
from kzdiff.core.worddiff import diff_words, kept_share, to_ops


def test_changes_are_whole_words():
    h = diff_words(
        "assault rifles, shotguns, ammunition", "assault rifles, sawn-off shotguns, ammunition"
    )
    assert [(x.op, x.left or x.right) for x in h if x.op is not Op.EQUAL] == [
        (Op.INSERT, "sawn-off ")
    ]


def test_each_side_is_recovered_from_the_hunks():
    a = "The “tough” response, said TOKAEV.\nIt came."
    b = 'The "tough" reply, said Tokaev. It came later.'
    h = diff_words(a, b)
    assert "".join(x.left for x in h) == a and "".join(x.right for x in h) == b


def test_case_and_quote_style_are_not_changes():
    h = diff_words("He said “No” today", 'he said "no" today')
    assert all(x.op is Op.EQUAL for x in h)


def test_cyrillic_words_are_tokens():
    h = diff_words("Президент подписал закон", "Президент отклонил закон")
    changed = [x.left or x.right for x in h if x.op is not Op.EQUAL]
    assert changed == ["подписал", "отклонил"]


def test_rewritten_pair_is_two_runs():
    h = diff_words("The cat sat on the mat in the sun.", "Dogs bark loudly at night outside.")
    assert kept_share(h) < 0.3
    ops = to_ops(h, rewritten=True)
    assert [o.op for o in ops] == [Op.DELETE, Op.INSERT]
    assert ops[0].text == "The cat sat on the mat in the sun."
