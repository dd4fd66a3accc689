"""More pins of core/overlap.py found by mutation testing (issue #17): which sentence
joins a pair as a second fact. Texts written for these tests."""

from __future__ import annotations

from kzdiff.core.overlap import find_overlaps
from kzdiff.core.similarity import Weights, features


def overlaps(left, right, groups):
    fl, fr = [features(s) for s in left], [features(s) for s in right]
    return [(g, lt, rt) for g, lt, rt, _ in find_overlaps(fl, fr, Weights(fl, fr), groups)]


STORM_L = [
    "The storm killed 30 people and left 5,000 homes without power in the province of Zarn.",
    "Schools stayed shut.",
    "Roads were cleared.",
]
STORM_R = [
    "The storm killed 30 people in the province of Zarn.",
    # the same figure of what the left calls homes: the number itself is the added fact
    "Some 5,000 households in Zarn were left without power.",
    "Markets opened late.",
]


def test_a_number_both_give_is_a_second_fact_whatever_each_says_it_counts():
    assert overlaps(STORM_L, STORM_R, []) == [(None, (0,), (0, 1))]
    assert overlaps(STORM_R, STORM_L, []) == [(None, (0, 1), (0,))]
    # an aligned 1:1 pair grows the same way
    assert overlaps(STORM_L, STORM_R, [((0,), (0,))]) == [(0, (0,), (0, 1))]
