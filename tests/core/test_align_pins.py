"""Alignment rules pinned one by one, each both ways round (left/right swapped).

The rules are the ones the aligner documents (kzdiff/core/align.py): a weak partner is
believed in order, not out of order ("a wrong partner is worse than none"); a moved pair
needs a strong similarity, or to be each other's best partner with one mostly covering
the other; a neighbour joins a group only when the group's similarity rises; and the
output does not depend on Python's string hashing.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kzdiff import compare_texts
from kzdiff.core.align import (
    GAP_MAX,
    chain_item,
    gap_around,
    gap_candidates,
    identical_candidates,
)
from kzdiff.core.model import Comparison
from kzdiff.core.similarity import features

from .test_align import STORY
from .test_synthetic import load_corpus

ROOT = Path(__file__).resolve().parents[2]

# similar to STORY[2] ("The mayor promised compensation for damaged shops and cars.") but
# weakly: under the bar for a moved pair, and covering too little of it to vouch for itself
WEAK = (
    "The mayor spoke at a rally near the old harbour on Wednesday about compensation for everyone."
)
# as weak, but covering most of STORY[2]: each is the other's best partner
MUTUAL = (
    "The mayor, speaking at a rally near the old harbour on Wednesday, promised "
    "compensation to everyone."
)


def shape(cmp: Comparison, flip: bool = False) -> set[tuple]:
    """Every group as (left ids, right ids, kind, moved), sides swapped if ``flip``."""
    return {
        ((p.right, p.left) if flip else (p.left, p.right)) + (p.kind.value, p.moved)
        for p in cmp.pairs
    }


def both_ways(left: list[str], right: list[str]) -> set[tuple]:
    """The groups of left vs right, checked to be exactly those of right vs left swapped
    (moved flags included)."""
    ab = compare_texts(" ".join(left), " ".join(right))
    ba = compare_texts(" ".join(right), " ".join(left))
    assert shape(ab) == shape(ba, flip=True)
    return shape(ab)


def test_weak_partner_in_order_is_linked():
    right = STORY[:2] + [WEAK] + STORY[3:]
    assert ((2,), (2,), "paraphrase", False) in both_ways(STORY, right)


def test_weak_partner_out_of_order_is_left_unaligned():
    right = [WEAK] + STORY[:2] + STORY[3:]
    groups = both_ways(STORY, right)
    assert ((2,), (), "missing", False) in groups
    assert ((), (0,), "missing", False) in groups
    # the others keep their partners, in order
    assert {g for g in groups if g[2] == "identical"} == {
        ((0,), (1,), "identical", False),
        ((1,), (2,), "identical", False),
        ((3,), (3,), "identical", False),
        ((4,), (4,), "identical", False),
    }


def test_mutual_best_partner_that_covers_the_other_is_a_moved_pair():
    right = [MUTUAL] + STORY[:2] + STORY[3:]
    assert ((2,), (0,), "paraphrase", True) in both_ways(STORY, right)


def test_a_moved_pair_is_flagged_on_the_moved_sentence_only():
    right = [STORY[0], STORY[1], STORY[3], STORY[4], STORY[2]]
    groups = both_ways(STORY, right)
    assert [g for g in groups if g[3]] == [((2,), (4,), "identical", True)]


EDITED = "The mayor promised compensation for damaged shops and cars on Monday."


@pytest.mark.parametrize(
    "neighbour",
    [
        # covered by the partner, but the merged group is less similar than the pair alone
        "He promised compensation for shops.",
        "The mayor promised it again.",
    ],
)
def test_a_neighbour_joins_a_group_only_when_similarity_rises(neighbour):
    left = STORY[:3] + [neighbour] + STORY[3:]
    right = STORY[:2] + [EDITED] + STORY[3:]
    groups = both_ways(left, right)
    assert ((2,), (2,), "paraphrase", False) in groups
    assert ((3,), (), "missing", False) in groups


PROGRAM = """
import json, sys
from kzdiff import compare_files
print(json.dumps(compare_files(sys.argv[1], sys.argv[2]).to_dict(), sort_keys=True))
"""


@pytest.mark.parametrize("case", ["kazakhstan-coup", "quake-two-outlets"])
def test_result_does_not_depend_on_string_hashing(case):
    """Two processes with different hash seeds (set iteration order) agree byte for byte."""
    gold = ROOT / "tests" / "data" / "gold" / case
    spec = json.loads((gold / "gold.json").read_text(encoding="utf-8"))
    outs = []
    for seed in ("1", "2024"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", PROGRAM, str(gold / spec["left"]), str(gold / spec["right"])],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["pairs"]


def test_gap_around_gives_the_in_order_neighbours():
    anchors = [(0, 2), (5, 7), (9, 12)]
    assert gap_around(anchors, 3, 20) == (2, 7)  # after the first anchor
    assert gap_around(anchors, 7, 20) == (7, 12)
    assert gap_around(anchors, 10, 20) == (12, 20)  # after the last: up to the end
    assert gap_around([(4, 4)], 1, 20) == (-1, 4)  # before the first: from the start
    assert gap_around([], 3, 20) == (-1, 20)


def test_gap_candidates_pair_up_sentences_between_the_same_fixed_pairs():
    """Sentences 1-2 sit between fixed pairs (0,0) and (3,3) on both sides, sentence 4
    after (3,3): each is paired with every sentence of its gap on the other side, and
    with nothing outside it. ``None`` stands for a fixed sentence's features."""
    left = [None, "a", "b", None, "c"]
    right = [None, "x", "y", None, "z"]
    assert gap_candidates(left, right, [(0, 0), (3, 3)]) == {
        (1, 1),
        (1, 2),
        (2, 1),
        (2, 2),
        (4, 4),
    }


def test_gap_candidates_follow_the_in_order_fixed_pairs_only():
    # (1, 4) is out of order with the others: the gaps are those of (0,0) and (3,3)
    left = [None, None, "a", None]
    right = [None, "x", "y", None, None]
    assert gap_candidates(left, right, [(0, 0), (1, 4), (3, 3)]) == {(2, 1), (2, 2)}


@pytest.mark.parametrize("size,paired", [(GAP_MAX, True), (GAP_MAX + 1, False)])
def test_only_small_gaps_are_paired_up_exhaustively(size, paired):
    left = [None, "a", None]
    right = [None] + ["x"] * size + [None]
    expected = {(1, j) for j in range(1, size + 1)} if paired else set()
    assert gap_candidates(left, right, [(0, 0), (2, size + 1)]) == expected


def test_every_edited_sentence_of_a_long_revision_is_found_through_the_index():
    """Every sentence edited, so no sentence is unchanged to anchor the others: each must
    be found through the inverted index, over 400 sentences of news-like words."""
    corpus = load_corpus()
    rng = random.Random(5)
    common, names = corpus.vocabulary()
    rare = corpus.rare_words(rng, 900)
    left = [corpus.make_sentence(rng, common, names, rare) for _ in range(400)]
    right = [s[:-1] + " today." for s in left]
    cmp = compare_texts("\n\n".join(left), "\n\n".join(right))
    assert len(cmp.left.sentences) == len(cmp.right.sentences) == 400
    assert [(p.left, p.right) for p in cmp.pairs] == [((i,), (i,)) for i in range(400)]


def test_chain_item_prefers_the_diagonal_by_a_hair():
    """The tie-breaker is a millionth at most: it orders equal chains, never outweighs a
    real difference."""
    assert chain_item(0, 0, 1.0, 10, 10) == (0, 0, 1.0 + 1e-6)
    assert chain_item(5, 0, 1.0, 10, 10) == (5, 0, 1.0 + 0.5e-6)
    assert chain_item(0, 1, 1.0, 1, 1) == (0, 1, 1.0)  # one sentence a side: no division by 0
    assert chain_item(3, 3, 2.0, 0, 0) == (3, 3, 2.0 + 1e-6 * (1.0 - 0.0))


def test_identical_candidates_pair_copies_by_relative_position():
    same = features("The minister resigned on Tuesday after weeks of protests.")
    other = features("Police said 230 people had been detained in Almaty.")
    # a sentence on one side only is skipped, the copies after it still paired
    assert identical_candidates([other, same], [same]) == {(1, 0)}
    # six copies a side: each is paired with the four nearest its own relative position
    left, right = [same] * 6, [same] * 6
    got = identical_candidates(left, right)
    assert {b for a, b in got if a == 0} == {0, 1, 2, 3}
    assert {b for a, b in got if a == 5} == {2, 3, 4, 5}
    assert {a for a, b in got if b == 0} == {0, 1, 2, 3}


def test_edited_sentences_after_an_unchanged_first_one_are_found_through_the_index():
    """Only the first sentence is unchanged (a fixed pair, not indexed); the eleven edited
    ones after it are too many to pair up exhaustively, so each is found in the index of
    the sentences that follow the unchanged one."""
    corpus = load_corpus()
    rng = random.Random(11)
    common, names = corpus.vocabulary()
    rare = corpus.rare_words(rng, 60)
    left = [corpus.make_sentence(rng, common, names, rare) for _ in range(12)]
    right = left[:1] + [s[:-1] + " today." for s in left[1:]]
    groups = both_ways(left, right)
    assert {(g[0], g[1]) for g in groups} == {((i,), (i,)) for i in range(12)}


def test_the_first_sentence_can_join_its_neighbours_group():
    left = [
        "Heavy rain fell on Tuesday.",
        "Firefighters evacuated forty residents from their homes near the river in the "
        "lower town of Vilnius.",
    ] + STORY[2:]
    right = [
        "Heavy rain fell on Tuesday, and firefighters evacuated forty residents from their "
        "homes near the river in the lower town of Vilnius."
    ] + STORY[2:]
    groups = both_ways(left, right)
    assert ((0, 1), (0,), "paraphrase", False) in groups


def test_a_headline_standing_alone_is_not_merged_into_a_prose_group():
    # the right sentence says what the left headline and lead say between them, but a
    # headline is a line of its own: grouping it with the lead would make the headline a
    # partner of the body's sentence (and its conflict a false one)
    left = (
        "Ferry hit by storm off Crete, passengers rescued\n\n"
        "ATHENS - A Maltese-registered car ferry was struck by a freak wave in the Aegean "
        "late on Friday, flooding its lower deck.\n\n"
        "The ship had left Piraeus in the morning. Its captain turned back. Nobody was hurt."
    )
    right = (
        "A Cypriot-registered ferry carrying cars took on water after being hit by a storm "
        "off the coast of Crete late on Friday.\n\n"
        "The ship had left Piraeus in the morning. Its captain turned back. Nobody was hurt."
    )
    from kzdiff import compare_texts

    cmp = compare_texts(left, right)
    assert [s.block for s in cmp.left.sentences][:2] == ["line", "prose"]
    assert [(p.left, p.right, p.kind.value) for p in cmp.pairs[:2]] == [
        ((0,), (), "missing"),
        ((1,), (0,), "conflict"),
    ]
