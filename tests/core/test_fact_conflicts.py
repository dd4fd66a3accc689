"""Facts carried by symbols and units: each pair gets the verdict a careful reader gives,
with the exact reasons, whichever text is on the left (issue #12)."""

from __future__ import annotations

import re

import pytest

from kzdiff import compare_texts
from kzdiff.core.model import Kind


def verdict(a: str, b: str) -> tuple[str, list[str]]:
    cmp = compare_texts(a, b)
    pairs = [p for p in cmp.pairs if p.left and p.right]
    assert len(pairs) == 1, "the two sentences should align"
    return pairs[0].kind.value, pairs[0].reasons()


def swapped(reason: str) -> str:
    """'number: A vs B' as the other direction says it."""
    m = re.fullmatch(r"(\w+): (.*) vs (.*)", reason)
    assert m, reason
    return f"{m.group(1)}: {m.group(3)} vs {m.group(2)}"


# Changes of fact carried by a symbol, a magnitude, an order or a prefix: conflicts.
CONFLICTS = [
    (
        "The court set the fine at $5 million on appeal.",
        "The court set the fine at £5 million on appeal.",
        "number: $5 million vs £5 million",
    ),
    (
        "The court set the fine at $5 million on appeal.",
        "The court set the fine at €5 million on appeal.",
        "number: $5 million vs €5 million",
    ),
    (
        "The takeover is worth $1bn to the group.",
        "The takeover is worth $1m to the group.",
        "number: $1bn vs $1m",
    ),
    (
        "Night frost took the valley to -5 degrees.",
        "Night frost took the valley to 5 degrees.",
        "number: -5 degrees vs 5 degrees",
    ),
    (
        "Night frost took the valley to −5 degrees.",
        "Night frost took the valley to 5 degrees.",
        "number: −5 degrees vs 5 degrees",
    ),
    (
        "Support for the mayor grew by 5% this year.",
        "Support for the mayor grew by 5‰ this year.",
        "number: 5% vs 5‰",
    ),
    (
        "Support for the mayor grew by 5% this year.",
        "Support for the mayor grew by 5 this year.",
        "number: 5% vs 5",
    ),
    (
        "The council won the vote 52-48 last night.",
        "The council won the vote 48-52 last night.",
        "number: 52-48 vs 48-52",
    ),
    (
        "The port output rose 1.5 percent in spring.",
        "The port output rose 15 percent in spring.",
        "number: 1.5 percent vs 15 percent",
    ),
    (
        "The port output rose 1,5 percent in spring.",
        "The port output rose 15 percent in spring.",
        "number: 1,5 percent vs 15 percent",
    ),
    (
        "The ruling rests on Section 5(a) of the act.",
        "The ruling rests on Section 5(b) of the act.",
        "number: 5(a) vs 5(b)",
    ),
    (
        "For tickets call 555-0100 before noon.",
        "For tickets call 555-0199 before noon.",
        "number: 555-0100 vs 555-0199",
    ),
    (
        "A rash like this is not uncommon in children, the doctor said.",
        "A rash like this is not common in children, the doctor said.",
        "negation: uncommon vs common",
    ),
    (
        "The answer the clerk gave was yes.",
        "The answer the clerk gave was no.",
        "negation: — vs no",
    ),
    (
        "The village was cut off for six decades, elders said.",
        "The village was cut off for 50 years, elders said.",
        "number: six decades vs 50 years",
    ),
    (
        "The village was cut off for six days, elders said.",
        "The village was cut off for six weeks, elders said.",
        "number: six days vs six weeks",
    ),
    # the dead counted in other words: the same referent, another number
    (
        "The storm struck the coast on Monday, causing three deaths in the port.",
        "The storm struck the coast on Monday, killing at least 22 people in the port.",
        "number: three vs 22",
    ),
]


@pytest.mark.parametrize("a,b,reason", CONFLICTS)
def test_conflicts_in_symbols(a, b, reason):
    assert verdict(a, b) == ("conflict", [reason])
    assert verdict(b, a) == ("conflict", [swapped(reason)])


# The same fact in other symbols, units or spellings: nothing disagrees.
SAME = [
    (
        "The meeting of the board opens at 10:30 today.",
        "The meeting of the board opens at 10.30 today.",
        "paraphrase",
    ),
    (
        "Police held 12 people after the match.",
        "Police held 1\u200b2 people after the match.",
        "identical",
    ),
    (
        "Police held 12 people after the match.",
        "Police held １２ people after the match.",
        "identical",
    ),
    (
        "The minister Petrov resigned on Friday.",
        "The minister Petrоv resigned on Friday.",
        "identical",
    ),  # Cyrillic о
    (
        "Prices in the shops rose 10% in a year.",
        "Prices in the shops rose 10 % in a year.",
        "identical",
    ),
    (
        "The dam has stood for six decades, engineers said.",
        "The dam has stood for 60 years, engineers said.",
        "paraphrase",
    ),
    (
        "The new road runs 72km along the coast.",
        "The new road runs 72 kilometres along the coast.",
        "paraphrase",
    ),
    (
        "Officials counted 2,012 ballots by hand.",
        "Officials counted 2012 ballots by hand.",
        "paraphrase",
    ),
    (
        "Police revised the death toll from the Easter Sunday attacks, officials said.",
        "Police revised the death toll from the Easter attacks on Thursday, officials said.",
        "paraphrase",
    ),
    (
        "The rocket lifted off at 6:15 AEST from the coast.",
        "The rocket lifted off at 6:15 Sydney time from the coast.",
        "paraphrase",
    ),
    (
        "The storm not only flooded the town but also cut power to the port.",
        "The storm flooded the town and cut power to the port.",
        "paraphrase",
    ),
    (
        "The national government will pay for the repairs, the mayor said.",
        "The government will pay for the repairs, the mayor said.",
        "paraphrase",
    ),
    (
        "The bus fell into a 150-metre ravine just before midnight on Monday, police said.",
        "The bus fell into a 150-meter ravine just before midnight, police told reporters on Tuesday.",
        "paraphrase",
    ),
]


@pytest.mark.parametrize("a,b,kind", SAME)
def test_no_conflict(a, b, kind):
    assert verdict(a, b) == (kind, [])
    assert verdict(b, a) == (kind, [])


def test_a_statement_made_a_question_is_a_conflict():
    # a question asserts nothing: the claim is made on one side only
    a, b = "The suspect in the case is guilty.", "The suspect in the case is guilty?"
    assert verdict(a, b) == ("conflict", ["question: guilty. vs guilty?"])
    assert verdict(b, a) == ("conflict", ["question: guilty? vs guilty."])


def test_a_symbol_change_is_never_identical():
    # the word diff drops symbols; the verdict must not
    for a, b, _ in CONFLICTS[:5]:
        kind = compare_texts(a, b).pairs[0].kind
        assert kind is Kind.CONFLICT
