"""More pins of core/conflicts.py found by mutation testing (issue #17), each pair in both
directions with its exact conflicts (texts written for these tests)."""

from __future__ import annotations

from kzdiff import compare_texts
from kzdiff.core.model import ConflictSpan


def conflicts(a: str, b: str) -> list[tuple[str, list[ConflictSpan]]]:
    return [(p.kind.value, list(p.conflicts)) for p in compare_texts(a, b).pairs]


def test_a_sentence_opening_may_is_no_month_and_hides_no_other_month():
    # "May" opening a question is the verb: the months that differ are June and July
    a = "May the court rule on it in June?"
    b = "May the court rule on it in July?"
    assert conflicts(a, b) == [("conflict", [ConflictSpan("date", "June", "July")])]
    assert conflicts(b, a) == [("conflict", [ConflictSpan("date", "July", "June")])]


def test_a_qualifier_before_a_noun_the_other_side_gives_bare_is_a_qualifier_conflict():
    bare = "The gang was armed with shotguns when police arrived."
    qualified = "The gang was carrying sawn-off shotguns when police arrived."
    added = ConflictSpan(
        "qualifier", "shotguns", "sawn-off shotguns", "qualifier added: sawn-off (shotguns)"
    )
    removed = ConflictSpan(
        "qualifier", "sawn-off shotguns", "shotguns", "qualifier removed: sawn-off (shotguns)"
    )
    assert conflicts(bare, qualified) == [("conflict", [added])]
    assert conflicts(qualified, bare) == [("conflict", [removed])]
    # and the JSON says what kind of conflict it is
    pair = compare_texts(bare, qualified).to_dict()["pairs"][0]
    assert [c["type"] for c in pair["conflicts"]] == ["qualifier"]
