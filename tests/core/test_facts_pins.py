"""Pins of core/facts.py found by mutation testing: what a figure is said to count, which
words make a date, how facts are matched (in a pair, across the texts, by value) and the
order of the facts table's rows. Texts written for these tests."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts
from kzdiff.core.facts import referent, same_referent, table_rows
from kzdiff.core.quantities import quantities


def referents(sentence: str) -> list[tuple[str, str | None]]:
    return [(q.text, referent(sentence, q)) for q in quantities(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a class named by the noun after, or by a word before (the verb)
        ("The quake killed 30 people.", [("30", "dead")]),
        ("There were 30 deaths.", [("30", "dead")]),
        ("The toll rose to 35.", [("35", "dead")]),
        ('The "toll" of 30 was given.', [("30", "dead")]),
        ("12 wounded were taken away.", [("12", "injured")]),
        ("Some 40 remain missing.", [("40", "missing")]),
        ("Police arrested 200 protesters.", [("200", "arrested")]),
        ("Police detained 200 protesters.", [("200", "arrested")]),
        ("Troops evacuated 3,000 residents.", [("3,000", "evacuated")]),
        ("The storm left 500 homeless.", [("500", "homeless")]),
        ("The storm displaced 500 families.", [("500", "homeless")]),
        ("The jet had 150 passengers aboard.", [("150", "passengers")]),
        # the noun it is "of", else the noun after (the last of two content words)
        ("A fine of $5 million was set.", [("$5 million", "fine")]),
        ("The army sent 400 soldiers.", [("400", "soldiers")]),
        ("The army sent 400 armed soldiers.", [("400", "soldiers")]),
        # a function word after it, nothing before: refers to nothing said
        ("The army sent 400 of its soldiers.", [("400", None)]),
        ("$5 million was set aside.", [("$5 million", None)]),
        # a clause break stops the look back: each figure gets its own verb
        ("It killed 30, officials said, and hurt 12 people.", [("30", "dead"), ("12", "injured")]),
        ("Killed, wounded: 30 others.", [("30", None)]),
    ],
)
def test_referent(sentence, expected):
    assert referents(sentence) == expected


def test_same_referent_is_the_same_word_or_the_same_stem():
    assert same_referent("soldiers", "soldiers")
    assert same_referent("soldier", "soldiers")
    assert not same_referent("soldiers", "sailors")


def facts_of(text: str) -> list[tuple[str, str, str, str]]:
    """The facts one text states alone: (kind, as written, value, about)."""
    cmp = compare_texts(text, "Nothing else was said.")
    return [(f.kind, f.text, f.value, f.about) for f in cmp.facts if f.side == "left"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Floods hit on Monday, July 3, at dawn.",
            [("date", "Monday", "Monday", ""), ("date", "July 3", "July 3", "")],
        ),
        ("Floods hit on 3 July at dawn.", [("date", "3 July", "July 3", "")]),
        ("Floods hit on July 3rd at dawn.", [("date", "July 3", "July 3", "")]),
        ("Floods hit in July at dawn.", [("date", "July", "July", "")]),
        # no 32nd day: a month, then a figure
        (
            "Floods hit on July 32 at dawn.",
            [("date", "July", "July", ""), ("quantity", "32", "32", "")],
        ),
        # "May" starting a sentence is the verb; lower-case "may" is never the month
        (
            "May we ask about the 3 cases, he said in May.",
            [("quantity", "3", "3", "cases"), ("date", "May", "May", "")],
        ),
        ("He said in may 4 cases were open.", [("quantity", "4", "4", "cases")]),
        (
            "The vote was held on Sunday and counted on MONDAY.",
            [("date", "Sunday", "Sunday", ""), ("date", "MONDAY", "Monday", "")],
        ),
        # in reading order: the month, the year, the figure
        (
            "In December 2019 the plant opened with 300 workers.",
            [
                ("date", "December", "December", ""),
                ("date", "2019", "2019", ""),
                ("quantity", "300", "300", "workers"),
            ],
        ),
        ("The bell rang at 10:30 sharp.", [("time", "10:30", "10:30", "")]),
    ],
)
def test_dates_and_their_order(text, expected):
    assert facts_of(text) == expected


def table(left: str, right: str) -> list[tuple]:
    """Each fact as (side, sentences, text, about, dim, counterpart's text, agree)."""
    cmp = compare_texts(left, right)
    return [
        (
            f.side,
            f.sentences,
            f.text,
            f.about,
            f.dim,
            None if f.counterpart is None else cmp.facts[f.counterpart].text,
            f.agree,
        )
        for f in cmp.facts
    ]


def rows(left: str, right: str) -> list[tuple]:
    cmp = compare_texts(left, right)
    return [
        (r.status, r.about, r.left and r.left.text, r.right and r.right.text)
        for r in table_rows(cmp.facts)
    ]


SAME = "Police said 30 people were killed and 12 hurt in the blast on Monday."


def test_an_identical_pair_matches_its_facts_in_order():
    assert table(SAME, SAME) == [
        ("left", (0,), "30", "", "count", "30", True),
        ("left", (0,), "12", "injured", "count", "12", True),
        ("left", (0,), "Monday", "", "", "Monday", True),
        ("right", (0,), "30", "", "count", "30", True),
        ("right", (0,), "12", "injured", "count", "12", True),
        ("right", (0,), "Monday", "", "", "Monday", True),
    ]


def test_a_conflict_of_the_pair_links_its_two_figures_as_disagreeing():
    other = SAME.replace("30", "31")
    assert table(SAME, other) == [
        ("left", (0,), "30", "", "count", "31", False),
        ("left", (0,), "12", "injured", "count", "12", True),
        ("left", (0,), "Monday", "", "", "Monday", True),
        ("right", (0,), "31", "", "count", "30", False),
        ("right", (0,), "12", "injured", "count", "12", True),
        ("right", (0,), "Monday", "", "", "Monday", True),
    ]
    # disagreements first, then agreements, each in the left text's order
    assert rows(SAME, other) == [
        ("disagree", "", "30", "31"),
        ("agree", "injured", "12", "12"),
        ("agree", "", "Monday", "Monday"),
    ]


def test_equal_values_in_another_order_are_matched_by_value():
    assert table(
        "The firm paid 300 workers and 40 managers in the town last year.",
        "The firm paid 40 managers and 300 workers in the town last year.",
    ) == [
        ("left", (0,), "300", "workers", "count", "300", True),
        ("left", (0,), "40", "managers", "count", "40", True),
        ("right", (0,), "40", "managers", "count", "40", True),
        ("right", (0,), "300", "workers", "count", "300", True),
    ]


def test_a_bound_the_exact_figure_keeps_agrees_and_one_it_breaks_disagrees():
    assert rows(
        "The quake injured more than 1,800 people in the north.",
        "The quake injured 1,891 people in the north.",
    ) == [("agree", "injured", "1,800", "1,891")]
    assert rows(
        "The quake injured nearly 2,000 people in the north.",
        "The quake injured 2,500 people in the north.",
    ) == [("disagree", "injured", "2,000", "2,500")]


def test_a_sum_and_the_date_of_a_conflicting_pair():
    assert rows(
        "A court set a fine of $5 million for the firm on Monday.",
        "A court set a fine of $6 million for the firm on Monday.",
    ) == [("disagree", "fine", "$5 million", "$6 million"), ("agree", "", "Monday", "Monday")]


def test_another_date_of_a_pair_disagrees_and_the_same_length_agrees():
    assert table(
        "The mayor opened a 300-metre bridge over the wide river on Monday.",
        "Crowds cheered as the 300-metre bridge opened over the wide river on Tuesday.",
    ) == [
        ("left", (0,), "300-metre", "bridge", "length", "300-metre", True),
        ("left", (0,), "Monday", "", "", "Tuesday", False),
        ("right", (0,), "300-metre", "opened", "length", "300-metre", True),
        ("right", (0,), "Tuesday", "", "", "Monday", False),
    ]


def test_a_class_said_once_on_each_side_is_one_fact_across_the_texts():
    assert table(
        "Rescuers said 30 people died in the flood. The river rose in the night.",
        "The river rose in the night. Officials later put the toll at 35.",
    ) == [
        ("left", (0,), "30", "dead", "count", "35", False),
        ("right", (1,), "35", "dead", "count", "30", False),
    ]


def test_a_class_said_twice_on_one_side_is_not_guessed_across_the_texts():
    assert rows(
        "Rescuers said 30 people died in the flood. Another 4 died in a fire.",
        "The river rose in the night. Officials later put the toll at 35.",
    ) == [
        ("only-left", "dead", "30", None),
        ("only-left", "dead", "4", None),
        ("only-right", "dead", None, "35"),
    ]


def test_the_same_value_once_on_each_side_in_unpaired_sentences_agrees():
    assert table(
        "The mayor, 69, opened the new bridge over the river.",
        "Crowds watched in the rain. The minister, 69, said little.",
    ) == [
        ("left", (0,), "69", "", "count", "69", True),
        ("right", (1,), "69", "", "count", "69", True),
    ]
    # said twice on one side: not one fact
    assert rows(
        "The mayor, 69, opened the new bridge. His wife, 69, watched.",
        "Crowds watched in the rain. The minister, 69, said little.",
    ) == [
        ("only-left", "", "69", None),
        ("only-left", "", "69", None),
        ("only-right", "", None, "69"),
    ]


def test_one_sided_rows_come_between_disagreements_and_agreements():
    got = rows(
        "Police said 30 people were killed on Monday. The mayor, 52, left.",
        "Police said 31 people were killed on Monday. Crowds cheered in Paris.",
    )
    assert [r[0] for r in got] == ["disagree", "only-left", "agree"]
    assert got[0] == ("disagree", "", "30", "31")
    assert got[1] == ("only-left", "", "52", None)


def test_a_count_and_a_year_of_the_same_number_are_not_one_fact():
    assert table(
        "The plant had 2012 people on its payroll when it opened on the river.",
        "The plant opened on the river in 2012 with a big payroll.",
    ) == [
        ("left", (0,), "2012", "", "count", None, None),
        ("right", (0,), "2012", "", "year", None, None),
    ]


def test_one_length_in_two_units_is_one_fact_that_agrees():
    assert table(
        "The road runs 72 km from the old town to the coast.",
        "The road runs 45 miles from the old town to the coast.",
    ) == [
        ("left", (0,), "72 km", "", "length", "45 miles", True),
        ("right", (0,), "45 miles", "", "length", "72 km", True),
    ]


def test_a_class_matched_in_a_pair_leaves_the_next_mention_to_be_matched_across():
    # the dead counted alike in the shared sentence; then 35 and 40, once on each side
    assert table(
        "Floods killed 30 people in the north on Sunday. The army sent boats to the region. "
        "Later the toll rose to 35 in the valley, a doctor said.",
        "Floods killed 30 people in the north on Sunday. Rain is expected to ease by Friday. "
        "Officials now put the number of dead at 40.",
    ) == [
        ("left", (0,), "30", "dead", "count", "30", True),
        ("left", (0,), "Sunday", "", "", "Sunday", True),
        ("left", (2,), "35", "dead", "count", "40", False),
        ("right", (0,), "30", "dead", "count", "30", True),
        ("right", (0,), "Sunday", "", "", "Sunday", True),
        ("right", (1,), "Friday", "", "", None, None),
        ("right", (2,), "40", "dead", "count", "35", False),
    ]
