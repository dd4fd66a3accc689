"""More pins of core/align.py found by mutation testing (issue #17): which of two rival
partners a sentence gets. Texts written for these tests."""

from __future__ import annotations

import itertools

import pytest

from kzdiff.core.align import POSTINGS_BUDGET, Aligner, candidates
from kzdiff.core.similarity import Weights, features, score

from .test_align import STORY

BASE = "The mayor opened the new steel bridge over the river on Monday {}."
FILLER_L = "Fishermen said the catch had been poor all season."
FILLER_R = ["Bakers sold bread at dawn in the square.", "Teachers held classes in the old hall."]


def aligned(left, right, left_blocks=None, right_blocks=None):
    lf = [features(s) for s in left]
    rf = [features(s) for s in right]
    groups = Aligner(lf, rf, left_blocks, right_blocks).align()
    return sorted((g.left, g.right, g.moved) for g in groups)


def test_of_two_near_equal_partners_the_one_of_the_same_kind_of_block_wins():
    # the evening line is a little more similar to the right sentence than the night
    # line; a partner of the same kind of block (prose with prose) is preferred
    right = [BASE.format("morning")]
    left = [BASE.format("evening"), BASE.format("night")]
    assert aligned(left, right) == [((0,), (0,), False)]
    assert aligned(left, right, ["caption", "prose"], ["prose"]) == [((1,), (0,), False)]
    assert aligned(left, right, ["prose", "caption"], ["caption"]) == [((1,), (0,), False)]
    # a side given no blocks is all prose
    assert aligned(left, right, ["caption", "prose"]) == [((1,), (0,), False)]
    assert aligned(right, left, None, ["caption", "prose"]) == [((0,), (1,), False)]


@pytest.mark.parametrize(
    "right,expected",
    [
        # the right sentence is last: the left one at the end is on the diagonal
        ([*FILLER_R, BASE.format("morning")], [((2,), (2,), False)]),
        # ... first: the left one at the start is
        ([BASE.format("morning"), *FILLER_R], [((0,), (0,), False)]),
    ],
)
def test_of_two_equally_similar_partners_the_one_nearer_the_diagonal_wins(right, expected):
    left = [BASE.format("tonight"), FILLER_L, BASE.format("sunrise")]
    lf, rf = [features(s) for s in left], [features(s) for s in right]
    w = Weights(lf, rf)
    r = 2 if expected[0][1] == (2,) else 0
    # the two candidates really are equally similar: only position decides
    assert score(lf[0], rf[r], w).similarity == score(lf[2], rf[r], w).similarity
    assert aligned(left, right) == expected


# STORY[2] ("The mayor promised compensation for damaged shops and cars.") said inside a
# long sentence: it covers most of STORY[2], so each is the other's best partner, but
# the more is said around it, the weaker the pair
AROUND = (
    "The mayor promised compensation for everyone while hundreds of angry fishermen "
    "gathered outside the town hall waving flags and banners demanding answers about the "
    "flooded harbour{}."
)


@pytest.mark.parametrize(
    "more,linked",
    [
        ("", True),  # similarity 0.34: over MOVE_MUTUAL, a moved pair
        (" district late", False),  # 0.32: under it, however much is covered
    ],
)
def test_a_moved_mutual_partner_needs_the_mutual_similarity_however_much_it_covers(more, linked):
    right = [AROUND.format(more), *STORY[:2], *STORY[3:]]
    expected = {((0,), (1,), False), ((1,), (2,), False), ((3,), (3,), False)}
    expected |= {((4,), (4,), False)} | ({((2,), (0,), True)} if linked else set())
    assert set(aligned(STORY, right)) == expected
    flipped = {(r, lt, moved) for lt, r, moved in expected}
    assert set(aligned(right, STORY)) == flipped


def test_a_partner_is_found_through_the_rarest_words_when_a_common_one_is_everywhere():
    # 250 sentences a side share "annual" (over the postings budget); the edited pair
    # shares rare words ("zebra", "parade"), which are searched first
    syllables = ["".join(p) for p in itertools.product("bdfgklmnprstvz", "aeiou")]
    made = [a + b for a in syllables for b in syllables]
    left = [f"The annual {made[2 * n]} report of {made[2 * n + 1]}." for n in range(250)]
    right = [f"The annual {made[600 + 2 * n]} report of {made[601 + 2 * n]}." for n in range(250)]
    left.append("The annual zebra parade crossed Vilnius on Sunday.")
    right.append("The annual zebra parade went through Vilnius on Sunday.")
    groups = aligned(left, right)
    assert ((250,), (250,), False) in groups
    assert all(250 not in lt and 250 not in rt for lt, rt, _ in groups if lt != (250,))


def test_a_fixed_pair_whose_features_are_left_out_on_one_side_takes_no_neighbour():
    # fixed pairs are the same sentence: their features may be None, on either side
    left = [None, features("Cats sleep most of the day.")]
    right = [features("The mayor spoke at noon."), features("Boats left the harbour early.")]
    for a, b in ((left, right), (right, left)):
        groups = Aligner(a, b, fixed=[(0, 0)]).align()
        assert [(g.left, g.right, g.moved) for g in groups] == [((0,), (0,), False)]


STORM = "The storm closed the port of Gdansk on Monday."
FERRIES = "Ferries to Sweden were cancelled."
ASHORE = "Fishermen stayed ashore all week."


@pytest.mark.parametrize(
    "right,expected",
    [
        # both right sentences hold the ferries: they join the group they raise most
        (
            [
                "The storm closed the port of Gdansk on Monday, and ferries to Sweden were cancelled.",
                "Fishermen stayed ashore all week as ferries to Sweden were cancelled.",
            ],
            [((0,), (0,)), ((1, 2), (1,))],
        ),
        (
            [
                "The storm closed the port of Gdansk on Monday, and ferries to Sweden were cancelled.",
                "Fishermen stayed ashore all week as ferries were cancelled.",
            ],
            [((0, 1), (0,)), ((2,), (1,))],
        ),
        (
            [
                "The storm closed the port of Gdansk on Monday, and ferries were cancelled.",
                "Fishermen stayed ashore all week as ferries to Sweden were cancelled.",
            ],
            [((0,), (0,)), ((1, 2), (1,))],
        ),
    ],
)
def test_a_sentence_between_two_groups_joins_the_one_it_raises_most(right, expected):
    left = [STORM, FERRIES, ASHORE]
    assert [(lt, rt) for lt, rt, _ in aligned(left, right)] == expected
    assert [(rt, lt) for lt, rt, _ in aligned(right, left)] == expected


def test_a_key_with_just_the_postings_left_in_the_budget_is_still_read():
    # "zebra" (1 posting) is read first, leaving 199 of the budget of 200: "annual", in
    # exactly 199 right sentences, is read too, so its best holders are candidates as
    # well; a key over the budget would only re-rank what was found
    syllables = ["".join(p) for p in itertools.product("bdfgklmnprstvz", "aeiou")]
    made = [a + b for a in syllables for b in syllables]
    left = [f"Annual {made[n]}." for n in range(199)] + ["Annual zebra."]
    right = [f"Annual {made[1000 + n]}." for n in range(199)] + ["Zebra crossing."]
    assert POSTINGS_BUDGET == 200
    lf, rf = [features(s) for s in left], [features(s) for s in right]
    found = candidates(lf, rf, Weights(lf, rf))
    assert sorted(j for i, j in found if i == 199) == [0, 1, 2, 199]
