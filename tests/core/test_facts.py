"""The facts table: what each text states, what it refers to, and its counterpart."""

from __future__ import annotations

import json

from kzdiff import compare_texts
from kzdiff.core.model import Fact

LEFT = (
    "Floods killed 30 people in the north on Sunday. "
    "The army sent 400 soldiers to the region. "
    "The dam has stood for six decades."
)
RIGHT = (
    "Floods hit the north on Sunday. "
    "The army sent 400 soldiers to the region. "
    "The death toll rose to 35, officials said. "
    "The dam has stood for 60 years."
)


def table(cmp) -> list[tuple]:
    """Each fact as (side, sentence ids, text, value, about, counterpart's text, agree)."""
    return [
        (
            f.side,
            f.sentences,
            f.text,
            f.value,
            f.about,
            None if f.counterpart is None else cmp.facts[f.counterpart].text,
            f.agree,
        )
        for f in cmp.facts
    ]


def test_facts_are_matched_across_the_texts():
    cmp = compare_texts(LEFT, RIGHT)
    assert table(cmp) == [
        ("left", (0,), "30", "30", "dead", "35", False),
        ("left", (0,), "Sunday", "Sunday", "", "Sunday", True),
        ("left", (1,), "400", "400", "soldiers", "400", True),
        ("left", (2,), "six decades", "60 years", "", "60 years", True),
        ("right", (0,), "Sunday", "Sunday", "", "Sunday", True),
        ("right", (1,), "400", "400", "soldiers", "400", True),
        # in a sentence the left text does not have, still matched by what it counts
        ("right", (2,), "35", "35", "dead", "30", False),
        ("right", (3,), "60 years", "60 years", "", "six decades", True),
    ]
    # the counterpart relation is symmetric
    for n, f in enumerate(cmp.facts):
        if f.counterpart is not None:
            assert cmp.facts[f.counterpart].counterpart == n
            assert cmp.facts[f.counterpart].side != f.side


def test_swapping_the_texts_swaps_the_table():
    ab = compare_texts(LEFT, RIGHT)
    ba = compare_texts(RIGHT, LEFT)

    def rows(cmp, side):
        return [r[1:] for r in table(cmp) if r[0] == side]

    assert rows(ab, "left") == rows(ba, "right")
    assert rows(ab, "right") == rows(ba, "left")


def test_referents_in_other_words():
    cmp = compare_texts(
        "The quake struck at dawn, causing three deaths and injuring 40 in the hills.",
        "The quake struck at dawn, killing at least 22 people and injuring 300 in the hills.",
    )
    assert [(f.side, f.text, f.about, f.agree) for f in cmp.facts] == [
        ("left", "three", "dead", False),
        ("left", "40", "injured", False),
        ("right", "22", "dead", False),
        ("right", "300", "injured", False),
    ]


def test_one_sided_facts_have_no_counterpart():
    cmp = compare_texts("The fine was $5 million.", "The regulator announced a fine.")
    [fact] = cmp.facts
    assert (fact.side, fact.text, fact.value, fact.about, fact.counterpart, fact.agree) == (
        "left",
        "$5 million",
        "USD 5000000",
        "",
        None,
        None,
    )


def test_symbols_values_and_dates():
    cmp = compare_texts(
        "The vote on March 3 ended 52-48, and the fine was $1bn.",
        "The vote on March 3 ended 48-52, and the fine was £1bn.",
    )
    assert [(f.side, f.kind, f.text, f.value, f.agree) for f in cmp.facts] == [
        ("left", "date", "March 3", "March 3", True),
        ("left", "quantity", "52-48", "52-48", False),
        ("left", "quantity", "$1bn", "USD 1000000000", False),
        ("right", "date", "March 3", "March 3", True),
        ("right", "quantity", "48-52", "48-52", False),
        ("right", "quantity", "£1bn", "GBP 1000000000", False),
    ]


def test_facts_in_json():
    cmp = compare_texts(LEFT, RIGHT)
    data = json.loads(json.dumps(cmp.to_dict()))
    assert data["facts"][0] == {
        "side": "left",
        "sentences": [0],
        "kind": "quantity",
        "text": "30",
        "value": "30",
        "unit": "",
        "about": "dead",
        "counterpart": 6,
        "agree": False,
    }
    assert len(data["facts"]) == len(cmp.facts) == 8
    assert isinstance(cmp.facts[0], Fact)


def test_no_facts():
    cmp = compare_texts("Nothing here is counted.", "Nothing there is counted.")
    assert cmp.facts == ()
    assert cmp.to_dict()["facts"] == []


def test_referents_are_words_as_written_and_match_by_stem():
    from kzdiff.core.facts import referent, same_referent
    from kzdiff.core.quantities import quantities

    text = "A fine of $5 million was set and 400 armed soldiers left."
    fine, soldiers = quantities(text)
    assert (referent(text, fine), referent(text, soldiers)) == ("fine", "soldiers")
    assert same_referent("soldiers", "soldier") and not same_referent("soldiers", "fine")
    cmp = compare_texts(
        "Officials counted 300 destroyed homes in the valley.",
        "Officials counted 250 destroyed homes in the valley.",
    )
    assert [(f.text, f.about, f.agree) for f in cmp.facts] == [
        ("300", "homes", False),
        ("250", "homes", False),
    ]


def test_names_given_differently_are_facts():
    cmp = compare_texts(
        "The minister John Smith resigned on Friday after 12 years.",
        "The minister Peter Jones resigned on Friday after 12 years.",
    )
    assert [(f.side, f.kind, f.text, f.agree) for f in cmp.facts] == [
        ("left", "date", "Friday", True),
        ("left", "quantity", "12 years", True),
        ("left", "name", "John Smith", False),
        ("right", "date", "Friday", True),
        ("right", "quantity", "12 years", True),
        ("right", "name", "Peter Jones", False),
    ]
    assert cmp.facts[2].counterpart == 5 and cmp.facts[5].counterpart == 2
    # a name said alike on both sides is not listed
    same = compare_texts("John Smith resigned on Friday.", "John Smith quit on Friday.")
    assert [f.kind for f in same.facts] == ["date", "date"]


# A saved page prints its headline twice; the body gives the figure again in a sentence
# the other text has no counterpart for. Modelled on two outlets' own quake reports.
HOMES_LEFT = (
    "Quake flattens 9,000 homes in mountain county\n\n"
    "Rescuers searched the rubble on Monday for survivors of the earthquake. "
    "About 9,000 homes collapsed when the quake struck the remote county on Sunday. "
    "Aid workers handed out tents and water."
)
HOMES_RIGHT = (
    "Earthquake destroys an estimated 14,300 houses\n\n"
    "Earthquake destroys an estimated 14,300 houses\n\n"
    "The regional government sent doctors to the county on Monday. "
    "More than 14,300 houses fell and 200,000 were damaged, according to the Red Cross. "
    "Schools will stay closed this week."
)


def test_a_thing_in_other_words_is_matched_across_the_texts_once_a_repeat_is_set_aside():
    cmp = compare_texts(HOMES_LEFT, HOMES_RIGHT)
    houses = [r for r in table(cmp) if r[4] == "houses"]
    assert houses == [
        ("left", (0,), "9,000", "9000", "houses", "14,300", False),
        # the body's figure: its counterpart is the body's figure, although the right
        # text says "14,300 houses" three times (twice in one headline printed twice)
        ("left", (2,), "9,000", "9000", "houses", "14,300", False),
        ("right", (0,), "14,300", "14300", "houses", "9,000", False),
        ("right", (1,), "14,300", "14300", "houses", None, None),
        ("right", (3,), "14,300", "14300", "houses", "9,000", False),
    ]
    left_body = next(f for f in cmp.facts if f.side == "left" and f.sentences == (2,))
    assert cmp.facts[left_body.counterpart].sentences == (3,)
    # the table found the disagreement between sentences the alignment left apart (the
    # link it makes of it: tests/core/test_fact_links.py)


def test_a_figure_said_twice_in_other_sentences_stays_unmatched():
    # without the repeat being word for word, two right sentences claim the figure: the
    # table cannot tell which one the left's figure answers, and matches neither
    right = HOMES_RIGHT.replace(
        "Earthquake destroys an estimated 14,300 houses\n\nThe",
        "Officials said 14,300 houses were lost.\n\nThe",
        1,
    )
    cmp = compare_texts(HOMES_LEFT, right)
    left_body = next(f for f in cmp.facts if f.side == "left" and f.sentences == (2,))
    assert left_body.counterpart is None
