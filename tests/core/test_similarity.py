"""Similarity: derived and compound words count as related, look-alikes do not."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts
from kzdiff.core.similarity import related


@pytest.mark.parametrize(
    "a, b",
    [("south", "southern"), ("quak", "earthquak"), ("govern", "government"), ("pres", "president")],
)
def test_derived_and_compound_words_are_related(a, b) -> None:
    assert related(a, b) and related(b, a)


@pytest.mark.parametrize(
    "a, b",
    [("rain", "train"), ("plan", "plane"), ("war", "warn"), ("port", "port"), ("state", "estate")],
)
def test_look_alikes_are_not_related(a, b) -> None:
    assert not related(a, b)


def test_headlines_in_other_words_pair_up() -> None:
    """Found on a two-outlet gold case: the headlines share one name, plus south/southern
    and quake/earthquake, which stemming keeps apart."""
    left = "Strong earthquake shakes south of Kyrgyzstan\n\nAn earthquake of magnitude 6.1 struck the south of Kyrgyzstan on Monday."
    right = "Quake of magnitude 6.4 hits southern Kyrgyzstan, injuring 12\n\nA magnitude 6.4 earthquake hit southern Kyrgyzstan late on Monday."
    cmp = compare_texts(left, right)
    assert [(p.left, p.right) for p in cmp.pairs] == [((0,), (0,)), ((1,), (1,))]
