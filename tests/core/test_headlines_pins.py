"""Pins of core/headlines.py found by mutation testing: when two texts' first lines are
linked as headlines, and the group that link is. Texts written for these tests."""

from __future__ import annotations

from kzdiff import compare_texts
from kzdiff.core.align import Group
from kzdiff.core.headlines import HEADLINE_WORDS, headline_group
from kzdiff.core.similarity import Features, Weights, features

LEFT = [
    "Flood in Assam: 4,000 homes swept away",
    "Floodwater swept through villages overnight, officials said.",
    "Rescue boats reached Dhemaji by morning.",
]
RIGHT = [
    "Assam flood destroys 6,500 homes",
    "The river rose faster than at any time since 2012.",
    "Army helicopters dropped food parcels on roofs.",
]


def link(
    left: list[str],
    right: list[str],
    groups: list[Group] = (),
    blocks: tuple[str, str] = ("line", "line"),
    lf: list[Features | None] | None = None,
    rf: list[Features | None] | None = None,
) -> Group | None:
    """headline_group on two texts given as sentences (the first of each a line)."""
    lf = [features(s) for s in left] if lf is None else lf
    rf = [features(s) for s in right] if rf is None else rf
    w = Weights([f for f in lf if f is not None], [f for f in rf if f is not None])
    lb = [blocks[0]] + ["prose"] * (len(left) - 1)
    rb = [blocks[1]] + ["prose"] * (len(right) - 1)
    return headline_group(list(groups), lb, rb, lf, rf, w)


def test_two_headlines_above_three_sentences_each_are_one_unmoved_group():
    g = link(LEFT, RIGHT)
    assert g is not None
    assert (g.left, g.right, g.moved, g.relation) == ((0,), (0,), False, "same")
    assert g.score.similarity >= 0.10


def test_each_text_needs_three_sentences():
    assert link(LEFT[:2], RIGHT) is None
    assert link(LEFT, RIGHT[:2]) is None


def test_only_the_first_lines_are_compared():
    # the right text's second sentence says what the left headline says; its first line
    # shares nothing: no headline link (the second sentence is no headline)
    right = ["Monsoon misery", "Flood in Assam: 4,000 homes swept away today", RIGHT[2]]
    assert link(LEFT, right) is None
    # and a second sentence that takes no part does not stop the first lines' link
    lf = [features(s) for s in LEFT]
    rf = [features(RIGHT[0]), None, features(RIGHT[2])]
    g = link(LEFT, RIGHT, lf=lf, rf=rf)
    assert g is not None and (g.left, g.right) == ((0,), (0,))


def test_a_first_sentence_that_takes_no_part_is_no_headline():
    lf = [None] + [features(s) for s in LEFT[1:]]
    rf = [None] + [features(s) for s in RIGHT[1:]]
    assert link(LEFT, RIGHT, lf=lf) is None
    assert link(LEFT, RIGHT, rf=rf) is None


def test_both_first_sentences_must_be_lines():
    assert link(LEFT, RIGHT, blocks=("prose", "line")) is None
    assert link(LEFT, RIGHT, blocks=("line", "prose")) is None


def test_a_headline_is_a_line_of_one_to_twenty_five_words():
    long = " ".join(["Flood in Assam homes"] + [f"word{n}" for n in range(HEADLINE_WORDS - 4)])
    assert len(features(long).tokens) == HEADLINE_WORDS
    assert link([long, *LEFT[1:]], RIGHT) is not None
    longer = long + " more"
    assert link([longer, *LEFT[1:]], RIGHT) is None  # the left line is too long
    assert link(LEFT, [longer, *RIGHT[1:]]) is None  # the right line is too long
    # one word is a headline; a line of no words is none, even against another such line
    g = link(["Assam", *LEFT[1:]], ["Assam", *RIGHT[1:]])
    assert g is not None and g.score.similarity == 1.0
    assert link(["***", *LEFT[1:]], ["***", *RIGHT[1:]]) is None


def test_a_first_sentence_already_paired_on_either_side_is_left_as_it_is():
    left_paired = Group((0,), (2,), None, False)  # (scores are not read)
    right_paired = Group((2,), (0,), None, False)
    assert link(LEFT, RIGHT, [left_paired]) is None
    assert link(LEFT, RIGHT, [right_paired]) is None
    # a group of other sentences leaves the headlines free
    others = Group((1, 2), (1, 2), None, False)
    g = link(LEFT, RIGHT, [others])
    assert g is not None and (g.left, g.right) == ((0,), (0,))


def test_headlines_of_texts_compared_are_not_flagged_moved():
    left = "\n\n".join(LEFT)
    right = "\n\n".join(RIGHT)
    head = next(p for p in compare_texts(left, right).pairs if p.left == (0,) and p.right)
    assert head.right == (0,)
    assert head.moved is False
    assert head.reasons() == ["number: 4,000 vs 6,500"]
