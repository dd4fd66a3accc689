"""Pins of core/quantities.py found by mutation testing: each unit, currency, magnitude
and bound word as a reader sees it in the facts table (surface, dimension, value in
words), and where two figures agree, compare, or one summarises the other."""

from __future__ import annotations

import pytest

from kzdiff.core.quantities import (
    agree,
    comparable,
    quantities,
    same_quantities,
    within_bound,
)


def seen(text: str) -> list[tuple[str, str, str, str, str]]:
    """Each quantity as (surface, dimension, value in words, unit, currency)."""
    return [(q.text, q.dim, q.normal(), q.unit, q.currency) for q in quantities(text)]


def one(text: str):
    (q,) = quantities(text)
    return q


@pytest.mark.parametrize(
    "text,expected",
    [
        # lengths: shown in km from 1,000 m, in m from 1 m, in cm below
        ("The ridge is 1,500 metres high.", ("1,500 metres", "length", "1.5 km", "m", "")),
        ("The trail is 800 metres long.", ("800 metres", "length", "800 m", "m", "")),
        ("The trail is 3 centimetres long.", ("3 centimetres", "length", "3 cm", "cm", "")),
        ("The run is 26 miles long.", ("26 miles", "length", "41.8429 km", "mi", "")),
        ("The wall is 12 feet tall.", ("12 feet", "length", "3.6576 m", "ft", "")),
        ("The bus fell into a 150m ravine.", ("150m", "length", "150 m", "m", "")),
        ("They walked for three kilometres.", ("three kilometres", "length", "3 km", "km", "")),
        # areas and masses
        ("The park covers 40 hectares.", ("40 hectares", "area", "400000 m²", "ha", "")),
        ("The farm covers 200 acres.", ("200 acres", "area", "809372 m²", "acre", "")),
        ("The lake covers 30 km² of land.", ("30 km²", "area", "30 km²", "km²", "")),
        ("The load weighed 5 tonnes.", ("5 tonnes", "mass", "5 t", "t", "")),
        ("The load weighed 300 kg.", ("300 kg", "mass", "300 kg", "kg", "")),
        ("The load weighed 2 tons.", ("2 tons", "mass", "1.81436 t", "ton", "")),
        # durations: years and days take a plural, hours and seconds are symbols
        ("The siege lasted 1 day.", ("1 day", "duration", "1 day", "day", "")),
        ("The siege lasted 2 days.", ("2 days", "duration", "2 days", "day", "")),
        ("The siege lasted 2 weeks.", ("2 weeks", "duration", "14 days", "week", "")),
        ("The siege lasted 6 months.", ("6 months", "duration", "182.625 days", "month", "")),
        ("The siege lasted 1 year.", ("1 year", "duration", "1 year", "year", "")),
        (
            "The siege lasted two centuries.",
            ("two centuries", "duration", "200 years", "century", ""),
        ),
        ("The siege lasted 3 hours.", ("3 hours", "duration", "3 h", "h", "")),
        ("The siege lasted 90 minutes.", ("90 minutes", "duration", "1.5 h", "min", "")),
        ("The siege lasted 45 seconds.", ("45 seconds", "duration", "45 s", "s", "")),
        # speeds are held in km/h, whatever they were said in
        ("The wind hit 120 km/h on the coast.", ("120 km/h", "speed", "120 km/h", "km/h", "")),
        ("The wind hit 70 mph on the coast.", ("70 mph", "speed", "112.654 km/h", "mph", "")),
        # temperatures
        ("It was 30 degrees Celsius.", ("30 degrees Celsius", "temperature", "30 °C", "°C", "")),
        (
            "It was 86 degrees Fahrenheit.",
            ("86 degrees Fahrenheit", "temperature", "30 °C", "°C", ""),
        ),
        ("It was 30 degrees at noon.", ("30 degrees", "temperature", "30 °", "°", "")),
        # percentages and percentage points
        ("The gap was 2.5 per cent.", ("2.5 per cent", "percent", "2.5%", "%", "")),
        ("The gap was 2.5 percentage points.", ("2.5 percentage points", "pp", "2.5 pp", "pp", "")),
        ("The gap was 2.5 pc in May.", ("2.5", "count", "2.5", "", "")),
    ],
)
def test_units_as_shown_in_the_facts_table(text, expected):
    assert seen(text) == [expected]


@pytest.mark.parametrize(
    "written,currency",
    [
        ("US$5", "USD"),
        ("A$5", "AUD"),
        ("C$5", "CAD"),
        ("HK$5", "HKD"),
        ("NZ$5", "NZD"),
        ("$5", "USD"),
        ("£5", "GBP"),
        ("€5", "EUR"),
        ("¥5", "JPY"),
        ("₹5", "INR"),
        ("₽5", "RUB"),
        ("USD 5", "USD"),
        ("GBP 5", "GBP"),
        ("EUR 5", "EUR"),
        ("5 dollars", "USD"),
        ("5 pounds", "GBP"),
        ("5 sterling", "GBP"),
        ("5 euros", "EUR"),
        ("5 yen", "JPY"),
        ("5 yuan", "CNY"),
        ("5 rupees", "INR"),
        ("5 roubles", "RUB"),
        ("5 rubles", "RUB"),
        ("5 tenge", "KZT"),
    ],
)
def test_every_currency_is_named(written, currency):
    assert seen(f"They paid {written} for it.") == [
        (written, "money", f"{currency} 5", "", currency)
    ]


@pytest.mark.parametrize(
    "written,value",
    [
        ("$5k", "5000"),
        ("$5 thousand", "5000"),
        ("$5m", "5000000"),
        ("$5mn", "5000000"),
        ("$5mln", "5000000"),
        ("$5 million", "5000000"),
        ("$5b", "5000000000"),
        ("$5bn", "5000000000"),
        ("$5 billion", "5000000000"),
        ("$5tn", "5000000000000"),
        ("$5 trillion", "5000000000000"),
        ("$1.5bn", "1500000000"),
    ],
)
def test_every_magnitude_multiplies(written, value):
    assert seen(f"They paid {written} for it.") == [(written, "money", f"USD {value}", "", "USD")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a number glued to letters or an underscore is part of a name
        ("The G20 met in 2019 with 20 leaders.", [("2019", "year", "2019"), ("20", "count", "20")]),
        ("The file_2 was lost.", []),
        ("Officers counted 1.2.3 ballots.", []),
        # the sign: after a space or a bracket it is a minus, inside a code it is a hyphen
        ("Temperatures fell to -5 overnight.", [("-5", "count", "-5")]),
        ("Temperatures fell to (-5) overnight.", [("-5", "count", "-5")]),
        ("-5 was the low.", [("-5", "count", "-5")]),
        ("-5 was the low", [("-5", "count", "-5")]),
        ("The A-5 road was shut.", [("5", "count", "5")]),
        ("The debt was -2012 units.", [("-2012", "count", "-2012")]),
        # scores and references
        ("The score was 3-5-7 overall.", [("3-5", "score", "3-5"), ("7", "count", "7")]),
        ("Section 12(iv) applies.", [("12(iv)", "ref", "12(iv)")]),
        # times of day: a colon, or a dot after "at" or before a.m./p.m.
        ("The office opened at 9.15 p.m. today.", [("9.15 p.m", "time", "09:15")]),
        ("The office opened at 9.15 today.", [("9.15", "time", "09:15")]),
        ("The rate was 9.15 today.", [("9.15", "count", "9.15")]),
        ("The office opened 25:30 today.", [("25", "count", "25"), ("30", "count", "30")]),
        ("The office opened at 9:15 pm GMT today.", [("9:15 pm", "time", "09:15")]),
        # years: 1800-2099, not signed, not counting people or homes
        (
            "In 1850 the town had 2012 people.",
            [("1850", "year", "1850"), ("2012", "count", "2012")],
        ),
        ("In 1850 the town had 1999 homes.", [("1850", "year", "1850"), ("1999", "count", "1999")]),
        ("In 2150 the town was gone.", [("2150", "count", "2150")]),
        ("In 1799 the town was founded.", [("1799", "count", "1799")]),
        # numbers in words
        ("They paid two million dollars.", [("two million dollars", "money", "USD 2000000")]),
        ("He was one of the leaders.", []),
        ("He was one leader.", [("one", "count", "1")]),
        ("Half the staff left.", [("Half", "count", "0.5")]),
        ("A dozen staff left.", [("dozen", "count", "12")]),
        ("Thousands of staff left.", [("Thousands", "vague", "thousands")]),
        ("Twenty-five staff left.", [("Twenty-five", "count", "25")]),
    ],
)
def test_what_counts_as_a_quantity(text, expected):
    assert [(q.text, q.dim, q.normal()) for q in quantities(text)] == expected


@pytest.mark.parametrize(
    "text,bound",
    [
        ("More than 1,800 people were hurt.", "min"),
        ("Over 200 were hurt.", "min"),
        ("Upwards of 40 died.", "min"),
        ("In excess of 40 died.", "min"),
        ("Less than 40 died.", "max"),
        ("Fewer than 50 were hurt.", "max"),
        ("Under 40 died.", "max"),
        ("Up to 50 were hurt.", "max"),
        ("About 40 died.", "about"),
        ("Around 40 died.", "about"),
        ("Nearly 2,000 were hurt.", "about"),
        ("Almost 40 died.", "about"),
        ("Roughly 40 died.", "about"),
        ("Approximately 40 died.", "about"),
        ("Some 300 were hurt.", "about"),
        ("Close to 40 died.", "about"),
        # how a count is reported, not a summary of another figure
        ("At least 24 were hurt.", ""),
        # a year is never a bound
        ("More than 2012 was a year.", ""),
    ],
)
def test_bound_words(text, bound):
    assert one(text).bound == bound


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("More than 1,800 hurt", "1,891 hurt", True),
        ("More than 1,800 hurt", "1,800 hurt", False),
        ("More than 1,800 hurt", "1,700 hurt", False),
        ("Under 50 hurt", "45 hurt", True),
        ("Under 50 hurt", "50 hurt", False),
        ("Under 50 hurt", "55 hurt", False),
        # "about": within 10 % of the larger figure
        ("Nearly 2,000 hurt", "1,950 hurt", True),
        ("Nearly 2,000 hurt", "1,800 hurt", True),
        ("Nearly 2,000 hurt", "1,799 hurt", False),
        ("Nearly 2,000 hurt", "2,222 hurt", True),
        ("Nearly 2,000 hurt", "2,223 hurt", False),
        # only a round figure (a multiple of 5, from 10) summarises another
        ("About 10 hurt", "10 hurt", True),
        ("About 15 hurt", "15 hurt", True),
        ("About 8 hurt", "8 hurt", False),
        ("About 12 hurt", "12 hurt", False),
        ("About 16 hurt", "16 hurt", False),
        # two bounds, no bound, another currency, unit or dimension: two figures
        ("More than 1,800 hurt", "Nearly 2,000 hurt", False),
        ("1,800 hurt", "1,891 hurt", False),
        ("More than $1,800 paid", "£1,891 paid", False),
        ("More than $1,800 paid", "$1,891 paid", True),
        ("More than 1,800 km", "1,891 miles", False),
        ("More than 20 km", "25 km", True),
        ("Over 20%", "25%", True),
        ("Over 20 km", "25%", False),
        ("Over 20 years", "the 2-1 win", False),
    ],
)
def test_within_bound_both_ways(a, b, expected):
    qa, qb = quantities(a)[0], quantities(b)[0]
    assert (within_bound(qa, qb), within_bound(qb, qa)) == (expected, expected)


@pytest.mark.parametrize(
    "a,b,agrees,comparable_,same",
    [
        ("rose 5 km", "rose 5 km", True, True, True),
        ("rose 5 km", "rose 5.1 km", False, True, False),
        # another unit: 5 % of slack for the rounding of a conversion
        ("ran 72 km", "ran 45 miles", True, True, True),
        ("ran 72 km", "ran 48 miles", False, True, False),
        ("ran 100 km", "ran 1 km", False, True, False),
        ("at 30 degrees", "at 30 degrees Celsius", True, True, True),
        ("at 30 degrees", "at 31 degrees Celsius", False, True, False),
        ("at 86 degrees Fahrenheit", "at 30 degrees Celsius", True, True, True),
        ("paid $5", "paid 5 dollars", True, True, True),
        ("paid $5", "paid £5", False, True, False),
        ("paid 5 yuan", "paid 5 yen", False, True, False),
        ("paid 5 pounds", "paid £5", True, True, True),
        ("paid $5", "paid $6", False, True, False),
        # a sum against a bare count: comparable, never the same
        ("paid $5", "paid 5", False, True, False),
        ("won 3-2", "won 3-2", True, True, True),
        ("won 3-2", "won 2-3", False, True, False),
        ("at 10:30", "at 10:31", False, True, False),
        ("clause 5(a)", "clause 5(a)", True, True, True),
        ("clause 5(a)", "clause 5(b)", False, True, False),
        # vague amounts: equal words agree, but are never compared as figures
        ("dozens left", "dozens left", True, False, True),
        ("dozens left", "hundreds left", False, False, False),
        # a year and a count of the same number state the same value, in other roles
        ("in 2012", "2012 people", True, True, False),
        ("in 2012", "2013 people", False, True, False),
        ("rose 5%", "rose 5 percentage points", False, True, False),
        ("rose 5%", "rose 5", False, True, False),
        ("lasted 2 days", "lasted 2 km", False, False, False),
        ("lasted 2 days", "won 2-1", False, False, False),
        ("lasted 2 weeks", "lasted 14 days", True, True, True),
    ],
)
def test_agree_comparable_and_same_both_ways(a, b, agrees, comparable_, same):
    qa, qb = one(a), one(b)
    assert (agree(qa, qb), agree(qb, qa)) == (agrees, agrees)
    assert (comparable(qa, qb), comparable(qb, qa)) == (comparable_, comparable_)
    assert (same_quantities(a, b), same_quantities(b, a)) == (same, same)


def test_same_quantities_needs_the_same_number_of_them_in_the_same_order():
    assert same_quantities("3 dead and 5 hurt", "3 dead and 5 hurt")
    assert not same_quantities("3 dead and 5 hurt", "5 hurt and 3 dead")
    assert not same_quantities("3 dead and 5 hurt", "3 dead")
    assert same_quantities("no figure here", "none here either")


def test_offsets_cover_the_surface_in_the_sentence():
    text = (
        "Police said 3 people and $5m and 10:30 and -4 degrees, at 9.15 p.m. on "
        "2022-11-17, in a 3-0 win."
    )
    assert [(text[q.start : q.end], q.text, q.value) for q in quantities(text)] == [
        ("3", "3", 3.0),
        ("$5m", "$5m", 5e6),
        ("10:30", "10:30", (10.0, 30.0)),
        ("-4 degrees", "-4 degrees", -4.0),
        ("9.15 p.m", "9.15 p.m", (9.0, 15.0)),
        ("2022-11-17", "2022-11-17", "2022-11-17"),
        ("3-0", "3-0", (3.0, 0.0)),
    ]


def test_a_score_with_a_nil_side():
    assert not agree(one("won 3-0"), one("won 3-1"))
    assert agree(one("won 3-0"), one("won 3–0"))


def test_no_break_spaces_read_as_spaces():
    assert seen("They paid $5\u00a0million and 3\u202fkm.") == [
        ("$5 million", "money", "USD 5000000", "", "USD"),
        ("3 km", "length", "3 km", "km", ""),
    ]
