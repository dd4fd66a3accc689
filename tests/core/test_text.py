"""Word keys: what counts as the same word and as one name spelled two ways."""

from __future__ import annotations

import pytest

from kzdiff.core.text import key, number_value, spelling_variants


@pytest.mark.parametrize(
    "a,b",
    [
        ("organise", "organize"),
        ("colour", "color"),
        ("centre", "center"),
        ("travelled", "traveled"),
        ("liberalising", "liberalizing"),
        ("Organised", "organized"),
        ("said", "indicated"),
    ],
)
def test_same_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Tokaev", "Tokayev"),
        ("Kasim-Jomart", "Kassym-Jomart"),
        ("Djihad", "Jihad"),
        ("Zelensky", "Zelenskyy"),
    ],
)
def test_spelling_variants_of_one_name(a, b):
    assert spelling_variants(a, b)


@pytest.mark.parametrize(
    "a,b", [("Iran", "Iraq"), ("Austria", "Australia"), ("230", "231"), ("Smith", "Jones")]
)
def test_different_words_are_not_variants(a, b):
    assert not spelling_variants(a, b)


@pytest.mark.parametrize(
    "words,value",
    [
        (["seven"], ("7", 1)),
        (["twenty-five"], ("25", 1)),
        (["1,200"], ("1200", 1)),
        (["3", "million"], ("3000000", 2)),
        (["5", "per", "cent"], ("5%", 3)),
        (["4.50"], ("4.5", 1)),
        (["dozens"], ("dozens", 1)),
    ],
)
def test_number_values(words, value):
    assert number_value(words, 0) == value


def test_non_numbers():
    assert number_value(["shotguns"], 0) is None
