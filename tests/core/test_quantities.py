"""Quantities read as values: sign, magnitude, currency, unit, percent, scores, times."""

from __future__ import annotations

import pytest

from kzdiff.core.quantities import agree, comparable, quantities


def one(text: str):
    qs = quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "text,surface,dim,normal",
    [
        ("The fine was $5 million in all.", "$5 million", "money", "USD 5000000"),
        ("The fine was £5 million in all.", "£5 million", "money", "GBP 5000000"),
        ("The deal is worth $1bn to them.", "$1bn", "money", "USD 1000000000"),
        ("The deal is worth $1m to them.", "$1m", "money", "USD 1000000"),
        ("It was paid in 3 million euros.", "3 million euros", "money", "EUR 3000000"),
        ("The air cooled to -5 degrees overnight.", "-5 degrees", "temperature", "-5 °"),
        ("The air cooled to −5 degrees overnight.", "−5 degrees", "temperature", "-5 °"),
        (
            "The air cooled to 23 degrees Fahrenheit.",
            "23 degrees Fahrenheit",
            "temperature",
            "-5 °C",
        ),
        ("The tally ended 52-48 for the motion.", "52-48", "score", "52-48"),
        ("The tally ended 52–48 for the motion.", "52–48", "score", "52-48"),
        ("The bell rang at 10:30 sharp.", "10:30", "time", "10:30"),
        ("The bell rang at 10.30 sharp.", "10.30", "time", "10:30"),
        ("The bell rang at 9:05 AEST sharp.", "9:05 AEST", "time", "09:05"),
        ("Clause 5(a) was struck out.", "5(a)", "ref", "5(a)"),
        ("Inflation hit 1.5 percent in May.", "1.5 percent", "percent", "1.5%"),
        ("Inflation hit 1,5 percent in May.", "1,5 percent", "percent", "1.5%"),
        ("Inflation hit 7 per cent in May.", "7 per cent", "percent", "7%"),
        ("Inflation hit 7 % in May.", "7 %", "percent", "7%"),
        ("Inflation hit 5‰ in May.", "5‰", "percent", "0.5%"),
        ("The wall has stood for six decades now.", "six decades", "duration", "60 years"),
        ("The wall has stood for 60 years now.", "60 years", "duration", "60 years"),
        ("The road runs 72km to the coast.", "72km", "length", "72 km"),
        ("The road runs 72 kilometres to the coast.", "72 kilometres", "length", "72 km"),
        ("It fell into a 150-metre gorge.", "150-metre", "length", "150 m"),
        ("Officers counted 2,012 ballots.", "2,012", "count", "2012"),
        ("The law dates from 2012 and stands.", "2012", "year", "2012"),
        ("Filed 2022-11-17 in the capital.", "2022-11-17", "year", "2022-11-17"),
        ("Officers counted 1\u200b2 ballots.", "1\u200b2", "count", "12"),
        ("Officers counted １２ ballots.", "１２", "count", "12"),
        ("Dial 555-0100 for help.", "555-0100", "score", "555-0100"),
        ("Officers counted seven ballots.", "seven", "count", "7"),
        ("Officers counted dozens of ballots.", "dozens", "vague", "dozens"),
    ],
)
def test_values(text, surface, dim, normal):
    q = one(text)
    assert (q.text, q.dim, q.normal()) == (surface, dim, normal)
    assert text[q.start : q.end] == surface


def test_code_words_and_pronouns_are_not_quantities():
    assert quantities("The G20 summit and COVID19 talks, one of the items.") == ()
    assert quantities("No figures here at all.") == ()


@pytest.mark.parametrize(
    "a,b",
    [
        ("for six decades", "for 60 years"),
        ("runs 72km", "runs 72 kilometres"),
        ("runs 72 km", "runs 45 miles"),  # a rounded conversion
        ("counted 2,012", "in 2012"),
        ("at 10:30", "at 10.30"),
        ("rose 10%", "rose 10 per cent"),
        ("a fine of $5 million", "a fine of 5 million dollars"),
        ("a 1.2 million crowd", "a 1,200,000 crowd"),
    ],
)
def test_equal_after_conversion(a, b):
    qa, qb = one(a), one(b)
    assert comparable(qa, qb) and agree(qa, qb) and agree(qb, qa)


@pytest.mark.parametrize(
    "a,b",
    [
        ("worth $1bn", "worth $1m"),
        ("fined $5 million", "fined £5 million"),
        ("fined $5 million", "fined €5 million"),
        ("cooled to -5 degrees", "cooled to 5 degrees"),
        ("ended 52-48", "ended 48-52"),
        ("clause 5(a)", "clause 5(b)"),
        ("rose by 5%", "rose by 5‰"),
        ("rose 1.5 percent", "rose 15 percent"),
        ("runs 5 km", "runs 5 miles"),
        ("at 10:30", "at 11:30"),
    ],
)
def test_different_values(a, b):
    qa, qb = one(a), one(b)
    assert comparable(qa, qb)
    assert not agree(qa, qb) and not agree(qb, qa)


def test_different_dimensions_are_not_comparable():
    assert not comparable(one("for 60 years"), one("for 60 km"))
    assert not comparable(one("a crowd of dozens"), one("a crowd of dozens"))


def test_square_kilometres_written_with_a_plain_two():
    # "km2" is how plain-text copy writes "km²": an area, not a length
    (q,) = quantities("The lake covers 30 km2.")
    assert (q.text, q.normal(), q.dim) == ("30 km2", "30 km²", "area")
    (q,) = quantities("The road runs 30 km.")
    assert q.dim == "length"


def test_per_cent_with_more_space_between_its_words():
    # text pasted from a page or a PDF often carries two spaces (or a line break) there
    for text in ("Growth was 12 per  cent.", "Growth was 12 per\ncent."):
        ((q_text, dim, value, unit),) = [(q.text, q.dim, q.value, q.unit) for q in quantities(text)]
        assert (dim, value, unit) == ("percent", 12.0, "%") and q_text.startswith("12 per")
    ((dim, value, unit),) = [
        (q.dim, q.value, q.unit) for q in quantities("Turnout fell 3 percentage  points.")
    ]
    assert (dim, value, unit) == ("pp", 3.0, "pp")
