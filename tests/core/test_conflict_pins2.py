"""More pins of core/conflicts.py found by mutation testing, each pair in both directions
with its exact kind and reasons (texts written for these tests)."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts


def flipped(reason: str) -> str:
    """The reason as the swapped pair gives it: "number: 3 vs 5" -> "number: 5 vs 3"."""
    if reason.startswith("qualifier removed"):
        return reason.replace("removed", "added", 1)
    if reason.startswith("qualifier added"):
        return reason.replace("added", "removed", 1)
    kind, _, rest = reason.partition(": ")
    a, _, b = rest.partition(" vs ")
    return f"{kind}: {b} vs {a}"


def judged(a: str, b: str) -> list[tuple[str, list[str]]]:
    return [(p.kind.value, p.reasons()) for p in compare_texts(a, b).pairs]


@pytest.mark.parametrize(
    "a,b,kind,reasons",
    [
        # a count of millions replaced in place by a count of units disagrees with it
        (
            "Officials said 1 million people live in the valley.",
            "Officials said 5 people live in the valley.",
            "conflict",
            ["number: 1 million vs 5"],
        ),
        # ... and each of two replaced counts is compared with its own replacement
        (
            "About 1 million people and 3 dogs were moved.",
            "About 5 people and 4 dogs were moved.",
            "conflict",
            ["number: 1 million vs 5", "number: 3 vs 4"],
        ),
        # ... but the count of millions on the other side is, further on
        (
            "Officials said 1 million people voted in the city.",
            "Officials said 5 regions and 2 million people voted in the city.",
            "conflict",
            ["number: 1 million vs 2 million"],
        ),
        # a length and a duration are never compared
        (
            "The convoy travelled 5 km on Monday, officials said.",
            "The convoy travelled 5 days on Monday, officials said.",
            "paraphrase",
            [],
        ),
        # a "not" answered by a negating word of the other side
        (
            "The council did not approve the plan on Monday, the mayor said.",
            "The council voted against the plan on Monday, the mayor said.",
            "paraphrase",
            [],
        ),
        # a word against its prefixed form, the stem four letters long
        (
            "The remark was unkind, the coach said after the game.",
            "The remark was kind, the coach said after the game.",
            "conflict",
            ["negation: unkind vs kind"],
        ),
        (
            "The remark was unfair, the coach said after the game.",
            "The remark was fair, the coach said after the game.",
            "conflict",
            ["negation: unfair vs fair"],
        ),
        # a qualifier before a noun written in lower case then capitals
        (
            "The firm sold refurbished iPhones to the police on Monday.",
            "The firm sold iPhones to the police on Monday.",
            "conflict",
            ["qualifier removed: refurbished (iPhones)"],
        ),
        # another compound of a name before the same noun
        (
            "The winner was Kazakh-born Smith, the jury said on Monday.",
            "The winner was Russian-born Smith, the jury said on Monday.",
            "conflict",
            ["name: Kazakh-born vs Russian-born"],
        ),
        # times of day in the other order are two times, not one told backwards
        (
            "The trains leave at 5:10 each day from the main station.",
            "The trains leave at 10:05 each day from the main station.",
            "conflict",
            ["number: 5:10 vs 10:05"],
        ),
    ],
)
def test_reasons_both_ways(a, b, kind, reasons):
    assert judged(a, b) == [(kind, reasons)]
    assert judged(b, a) == [(kind, [flipped(r) for r in reasons])]
