"""Alignment shapes: 1:1, split and merge, moves, and no partner rather than a wrong one."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts
from kzdiff.core.align import heaviest_chain

from ..strategies import mirrored

STORY = [
    "Heavy rain flooded the lower town of Vilnius on Tuesday night.",
    "Firefighters evacuated forty residents from their homes near the river.",
    "The mayor promised compensation for damaged shops and cars.",
    "Forecasters expect more storms across Lithuania later in the week.",
    "Schools in the district will stay closed until Friday.",
]


def groups(cmp):
    return {(p.left, p.right): p for p in cmp.pairs}


def test_one_to_one_in_order_identical():
    cmp = compare_texts(" ".join(STORY), "\n\n".join(STORY))
    assert all(p.kind.value == "identical" and not p.moved for p in cmp.pairs)
    assert len(cmp.pairs) == 5


def test_moved_sentence_is_flagged():
    right = [STORY[0], STORY[1], STORY[3], STORY[4], STORY[2]]
    g = groups(compare_texts(" ".join(STORY), " ".join(right)))
    assert g[((2,), (4,))].moved
    assert sum(p.moved for p in g.values()) == 1


def test_split_and_merge():
    merged = (
        "Heavy rain flooded the lower town of Vilnius on Tuesday night, and firefighters "
        "evacuated forty residents from their homes near the river."
    )
    right = [merged] + STORY[2:]
    g = groups(compare_texts(" ".join(STORY), " ".join(right)))
    assert ((0, 1), (0,)) in g
    g2 = groups(compare_texts(" ".join(right), " ".join(STORY)))
    assert ((0,), (0, 1)) in g2


def test_unrelated_sentence_stays_missing():
    right = STORY[:2] + ["A new bridge across the river opened to traffic last spring."] + STORY[3:]
    cmp = compare_texts(" ".join(STORY), " ".join(right))
    g = groups(cmp)
    assert ((2,), ()) in g and ((), (2,)) in g
    s = cmp.summary()
    assert s["only_left"] == 1 and s["only_right"] == 1


def test_unrelated_single_sentences_do_not_pair():
    cmp = compare_texts("The cat sat on the mat.", "Stocks fell in Tokyo.")
    assert all(p.kind.value == "missing" for p in cmp.pairs)


def test_heaviest_chain():
    items = [(0, 0, 1.0), (1, 5, 1.0), (2, 1, 1.0), (3, 2, 1.0)]
    assert heaviest_chain(items) == {0, 2, 3}
    assert heaviest_chain([]) == set()


M = "The minister resigned on Tuesday after weeks of protests."
P = "Police said 230 people had been detained in Almaty."


@pytest.mark.parametrize(
    "a, b",
    [
        (f"{M} {M} {M}\n\n{M} {M} {P}", f"{M} {P} {M}"),  # found by scripts/fuzz.py
        (f"{M} {M}\n\n{M} {M} {M} {M} {P}", f"{M} {M} {M}\n\n{M} {P} {M} {M}"),
    ],
)
def test_repeated_sentences_pair_the_same_way_whichever_side_is_left(a, b) -> None:
    """Copies of one sentence tie; the tie is broken by position, not by scan order."""
    ab, ba = compare_texts(a, b), compare_texts(b, a)
    assert mirrored(ab, ba)
    assert sum(p.moved for p in ab.pairs) <= 1
