"""More pins of core/facts.py found by mutation testing (issue #17): dates with the day
first or last, facts matched within a pair by the same value or the same referent, and
the indexes by value (facts and number conflicts) giving what one-by-one matching gives. Texts written for these tests."""

from __future__ import annotations

import random

import pytest

from kzdiff import compare_texts
from kzdiff.core import conflicts, facts
from kzdiff.core.facts import table_rows


def facts_of(text: str) -> list[tuple[str, str, str, str]]:
    """The facts one text states alone: (kind, as written, value, about)."""
    cmp = compare_texts(text, "Nothing else was said.")
    return [(f.kind, f.text, f.value, f.about) for f in cmp.facts if f.side == "left"]


def rows(a: str, b: str) -> list[tuple[str, str, str | None, str | None]]:
    """The facts table of two texts: (status, about, left as written, right as written)."""
    return [
        (r.status, r.about, r.left and r.left.text, r.right and r.right.text)
        for r in table_rows(compare_texts(a, b).facts)
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("It happened on July 13.", [("date", "July 13", "July 13", "")]),
        ("It happened on July 3.", [("date", "July 3", "July 3", "")]),
        # the day first, as British and many other outlets write it: one date, not a
        # count of 13 "july" and a month (a two-digit day before the month was missed)
        ("It happened on 13 July.", [("date", "13 July", "July 13", "")]),
        ("It happened on 3 July.", [("date", "3 July", "July 3", "")]),
        # the day as the sentence's first word, and the first day of a month
        ("13 July was the hottest day.", [("date", "13 July", "July 13", "")]),
        ("It opened on July 1.", [("date", "July 1", "July 1", "")]),
        (
            "On 13 July 2023 it rained.",
            [("date", "13 July", "July 13", ""), ("date", "2023", "2023", "")],
        ),
        # a number of three digits or over 31 is no day
        (
            "It sold 130 July editions.",
            [("quantity", "130", "130", "editions"), ("date", "July", "July", "")],
        ),
        ("It happened on July 32.", [("date", "July", "July", ""), ("quantity", "32", "32", "")]),
    ],
)
def test_a_month_with_its_day_on_either_side_is_one_date(sentence, expected):
    assert facts_of(sentence) == expected


def test_day_first_and_day_last_dates_agree_across_texts():
    left = "The court will rule on 13 July, the judge said."
    right = "The judge said the court will rule on July 13."
    assert rows(left, right) == [("agree", "", "13 July", "July 13")]
    assert rows(right, left) == [("agree", "", "July 13", "13 July")]


def test_weekdays_said_twice_on_each_side_agree_pair_by_pair():
    # each "Tuesday" is matched within its pair by value: said twice on each side, the
    # match across the texts by value (once a side) could not pair them up
    left = (
        "In 2012 the new bridge over the river opened to traffic on Tuesday. "
        "The mayor of the town cut the ribbon on Tuesday afternoon."
    )
    right = (
        "The new bridge over the river opened to cars on Tuesday. "
        "The town's mayor cut the ribbon on Tuesday afternoon."
    )
    expected = [
        ("only-left", "", "2012", None),
        ("agree", "", "Tuesday", "Tuesday"),
        ("agree", "", "Tuesday", "Tuesday"),
    ]
    assert rows(left, right) == expected
    assert rows(right, left) == [
        ("only-right", "", None, "2012"),
        ("agree", "", "Tuesday", "Tuesday"),
        ("agree", "", "Tuesday", "Tuesday"),
    ]


def test_a_year_is_not_compared_with_a_weekday():
    left = "In 2012 the bridge opened on Tuesday."
    right = "The bridge opened on Tuesday to cars."
    assert rows(left, right) == [
        ("only-left", "", "2012", None),
        ("agree", "", "Tuesday", "Tuesday"),
    ]


def test_a_bound_and_a_figure_within_it_about_one_thing_agree_in_a_pair():
    # "soldiers" and "troops" name one thing; "more than 1,800" holds 1,891
    left = "The army sent more than 1,800 soldiers to the border region on Monday night."
    right = "On Monday night the army moved 1,891 troops to the border region."
    assert rows(left, right) == [
        ("agree", "soldiers", "1,800", "1,891"),
        ("agree", "", "Monday", "Monday"),
    ]
    left2 = left.replace("more than 1,800", "2,400")
    assert rows(left2, right)[0] == ("disagree", "soldiers", "2,400", "1,891")


def bounded_table_pair(seed: int) -> tuple[str, str]:
    """Two runs of 160 small figures, plain and bounded, of the same few values (so a
    plain count and a bound of one value meet), the right one partly changed."""
    rng = random.Random(seed)
    forms = [
        lambda v: f"{v}",
        lambda v: f"more than {v}",
        lambda v: f"about {v}",
        lambda v: f"{v} people",
    ]
    left, right = [], []
    for _ in range(160):
        v = rng.randint(1, 20)
        left.append(rng.choice(forms)(v))
        right.append(rng.choice(forms)(v if rng.random() < 0.8 else rng.randint(1, 20)))
    return "Figures: " + ", ".join(left) + ".", "Figures: " + ", ".join(right) + "."


def judged(a: str, b: str):
    cmp = compare_texts(a, b)
    return (
        [(p.left, p.right, p.kind.value, p.reasons()) for p in cmp.pairs],
        [(f.side, f.text, f.counterpart, f.agree) for f in cmp.facts],
    )


@pytest.mark.parametrize("seed", [4, 5])
def test_bounds_and_plain_counts_of_one_value_match_as_one_by_one(seed, monkeypatch):
    a, b = bounded_table_pair(seed)
    indexed = judged(a, b)  # 160 figures a side: over both thresholds
    assert len(indexed[1]) >= 320
    monkeypatch.setattr(conflicts, "MANY_NUMBERS", 10**9)
    monkeypatch.setattr(facts, "MANY_FACTS", 10**9)
    assert judged(a, b) == indexed


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "May" is a month when capitalised and not the first word ("May prices rise?")
        ("In May prices rose.", [("date", "May", "May", "")]),
        ("May prices rise?", []),
        # a class word that opens the sentence names what the figure counts
        ("Toll rose to 35.", [("quantity", "35", "35", "dead")]),
        # the noun a sum is "of", when it opens the sentence
        ("Fines of $5 million were set.", [("quantity", "$5 million", "USD 5000000", "fines")]),
    ],
)
def test_words_at_the_start_of_a_sentence(sentence, expected):
    assert facts_of(sentence) == expected


def test_a_name_given_differently_is_a_row_about_a_name():
    left = "The minister John Smith resigned on Friday."
    right = "The minister Peter Jones resigned on Friday."
    assert rows(left, right) == [
        ("disagree", "name", "John Smith", "Peter Jones"),
        ("agree", "", "Friday", "Friday"),
    ]


def test_identical_texts_agree_fact_by_fact_in_every_pair():
    # the weekday said twice in the second sentence is matched there, in order
    text = "The bridge cost $5 million. It rained on Tuesday and again on Tuesday."
    cmp = compare_texts(text, text)
    assert [(f.side, f.sentences, f.text, f.counterpart, f.agree) for f in cmp.facts] == [
        ("left", (0,), "$5 million", 3, True),
        ("left", (1,), "Tuesday", 4, True),
        ("left", (1,), "Tuesday", 5, True),
        ("right", (0,), "$5 million", 0, True),
        ("right", (1,), "Tuesday", 1, True),
        ("right", (1,), "Tuesday", 2, True),
    ]


def test_page_furniture_states_no_fact():
    left = "The bridge cost $5 million to build.\n\nCopyright © 2024 Example News. All rights reserved.\n"
    right = "The bridge cost $5 million to build.\n"
    cmp = compare_texts(left, right)
    assert [s.block for s in cmp.left.sentences] == ["prose", "furniture", "furniture"]
    assert rows(left, right) == [("agree", "", "$5 million", "$5 million")]


def test_a_row_is_about_what_either_side_says_the_figure_counts():
    # only the right sentence says what 30 counts: the row is about the dead
    left = "Officials said the figure rose to 30 by noon on the island."
    right = "Officials said the storm killed 30 by noon on the island."
    assert rows(left, right) == [("agree", "dead", "30", "30")]
    assert rows(right, left) == [("agree", "dead", "30", "30")]
