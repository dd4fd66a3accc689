"""Queries of the result model that the views rely on."""

from __future__ import annotations

from kzdiff import compare_texts
from kzdiff.core.model import Kind

LEFT = (
    "The port reopened on Monday. Workers ended a strike over pay. "
    "About 300 ships waited offshore. The union thanked its members."
)
RIGHT = (
    "The port reopened on Monday. About 250 ships waited offshore. "
    "Workers ended their strike over wages. A new contract starts in May."
)


def test_pair_lookup_and_navigation() -> None:
    cmp = compare_texts(LEFT, RIGHT)
    for side, doc in (("left", cmp.left), ("right", cmp.right)):
        for s in doc.sentences:
            n = cmp.pair_index_of(side, s.id)
            assert n is not None and s.id in cmp.pairs[n].ids(side)
            assert doc.sentence_at(s.start) == s
            assert doc.sentence_at(s.end - 1) == s
    changes = cmp.changes()
    assert changes == sorted(changes)
    assert all(cmp.pairs[n].is_change for n in changes)
    assert cmp.pairs[0].kind is Kind.IDENTICAL and 0 not in changes
    # walking forward visits every change once, backward visits them in reverse
    walk, cur = [], None
    while (cur := cmp.next_change(cur)) is not None:
        walk.append(cur)
    assert walk == changes
    back, cur = [], None
    while (cur := cmp.next_change(cur, -1)) is not None:
        back.append(cur)
    assert back == changes[::-1]
    conflicts = cmp.changes({Kind.CONFLICT})
    assert conflicts and all(cmp.pairs[n].kind is Kind.CONFLICT for n in conflicts)


def test_summary_counts_and_text() -> None:
    cmp = compare_texts(LEFT, RIGHT)
    s = cmp.summary()
    assert s["left_sentences"] == 4 and s["right_sentences"] == 4
    assert s["identical"] + s["paraphrase"] + s["conflict"] + s["missing"] == len(cmp.pairs)
    assert s["only_left"] == 1 and s["only_right"] == 1
    assert s["moved"] == 1
    assert cmp.summary_text().startswith("4 sentences left, 4 right: 1 identical")


def test_diff_spans_cover_each_side_text() -> None:
    cmp = compare_texts(LEFT, RIGHT)
    for p in cmp.pairs:
        if not (p.left and p.right):
            continue
        for side, doc in (("left", cmp.left), ("right", cmp.right)):
            joined = " ".join(doc.sentences[i].text for i in p.ids(side))
            spans = p.diff_spans(side)
            assert "".join(joined[a:b] for a, b, _ in spans) == joined
