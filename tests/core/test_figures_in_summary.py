"""Figures a reader takes for one fact though they are written differently: "two dozen" is
24, a round figure after "more than" / "nearly" summarises an exact one, and the same value
stated in both texts is one fact even when its sentences are not paired. Found by a review
of the window on real pairs, where each of these was shown as a disagreement."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts


def reasons(a: str, b: str) -> list[str]:
    (pair,) = compare_texts(a, b).pairs
    return pair.reasons()


@pytest.mark.parametrize(
    "a,b",
    [
        ("At least two dozen people died in the crash.", "At least 24 people died in the crash."),
        ("More than 1,800 people were hurt in the quake.", "The quake hurt 1,891 people."),
        ("Nearly 2,000 homes were destroyed.", "1,950 homes were destroyed."),
        ("Fewer than 300 people attended.", "Only 280 people attended."),
    ],
)
def test_a_summary_of_the_same_figure_is_no_conflict(a, b):
    assert reasons(a, b) == []
    assert reasons(b, a) == []


@pytest.mark.parametrize(
    "a,b,why",
    [
        (
            "At least two dozen people died in the crash.",
            "At least 25 people died in the crash.",
            "number: two dozen vs 25",
        ),
        ("At least 24 people died.", "At least 25 people died.", "number: 24 vs 25"),
        ("More than 1,800 people were hurt.", "1,700 people were hurt.", "number: 1,800 vs 1,700"),
        ("Nearly 25 people died.", "31 people died.", "number: 25 vs 31"),
    ],
)
def test_another_count_or_a_broken_bound_is_a_conflict(a, b, why):
    assert reasons(a, b) == [why]
    left, _, right = why.removeprefix("number: ").partition(" vs ")
    assert reasons(b, a) == [f"number: {right} vs {left}"]


def test_dozen_is_a_figure_not_a_qualifier():
    assert reasons("Two dozen people died.", "Thirty people died.") == [
        "number: Two dozen vs Thirty"
    ]


def test_the_same_value_in_unpaired_sentences_is_one_fact():
    cmp = compare_texts(
        "Tokayev, 69, came to power in 2019.", "Tokayev, 69, has led the country since 2019."
    )
    by_text = {(f.side, f.text): f for f in cmp.facts}
    for text in ("69", "2019"):
        left, right = by_text[("left", text)], by_text[("right", text)]
        assert left.agree is True and right.agree is True
        assert cmp.facts[left.counterpart] is right and cmp.facts[right.counterpart] is left
