"""When two names are one name: the rules of kzdiff/core/conflicts.py, each pinned by the
examples its docstring gives and by the nearest words it must NOT take for the same name.

The helpers are pure functions of words or tokens; checking them directly pins each rule
at its edges (lengths, suffixes, positions), which whole sentences rarely reach.
"""

from __future__ import annotations

import pytest

from kzdiff import compare_texts
from kzdiff.core.conflicts import (
    _acronym_runs,
    _bare,
    _demonym_of,
    _expands,
    _has_variant,
    _is_acronym_of,
    _is_name,
    _ordinal_suffix,
)
from kzdiff.core.text import tokenize


def reasons(a: str, b: str) -> tuple[list[str], list[str]]:
    out = []
    for x, y in ((a, b), (b, a)):
        pairs = [p for p in compare_texts(x, y).pairs if p.left and p.right]
        assert len(pairs) == 1, "the two sentences should align"
        out.append(pairs[0].reasons())
    return out[0], out[1]


@pytest.mark.parametrize(
    "short,long,same",
    [
        ("africa", "african", True),
        ("korea", "korean", True),
        ("asia", "asian", True),  # four letters is enough
        ("iraq", "iraqi", True),
        ("israel", "israeli", True),
        ("oman", "omani", True),
        ("fiji", "fijii", False),  # -i after a vowel is no demonym
        ("cuba", "cubai", False),
        ("peru", "perun", False),  # -n only after -a
        ("chad", "chadn", False),
        ("china", "chinaman", False),  # one letter more, no other length
        ("iraq", "iraqis", False),
        ("uga", "ugan", False),  # too short to tell
        ("kenya", "tenyan", False),  # must start with the place
    ],
)
def test_demonym_of(short, long, same):
    assert _demonym_of(short, long) is same


@pytest.mark.parametrize(
    "word,bare",
    [
        ("arabia's", "arabia"),
        ("jones'", "jones"),
        ("jo's", "jo"),
        ("x's", "x's"),  # too short to be a possessive of anything
        ("a'", "a'"),
        ("ab'", "ab"),
        ("jones", "jones"),
    ],
)
def test_bare_drops_a_possessive(word, bare):
    assert _bare(word) == bare


def test_ordinal_suffix_is_the_st_of_1st_written_as_one_word():
    toks = tokenize("the 1St Armored Division and the 1 St Armored")
    found = [n for n in range(len(toks)) if _ordinal_suffix(toks, n)]
    assert [toks[n].text for n in found] == ["St"]
    assert found == [2]
    assert _ordinal_suffix(tokenize("1St Armored Division"), 1)
    assert not _ordinal_suffix(tokenize("St Petersburg"), 0)
    assert not _ordinal_suffix(tokenize("the 1 Street"), 2)
    assert not _ordinal_suffix(tokenize("5 of the 1St"), 1)


@pytest.mark.parametrize(
    "word,other,same",
    [
        ("First", "the 1St Armored Division", True),
        ("Second", "the 1St Armored Division", False),
        ("First", "the 2Nd Armored Division", False),
        ("First", "the 1 division", False),
        ("First", "led by the 1St", True),  # the ordinal as the last word
        ("Smith-Jones", "Smith said", True),  # part of a hyphenated name
        ("Smith", "Smith-Jones said", True),
        ("Jones", "Smith-Jones", True),
        ("Smith-Jones", "Jones said", True),
        ("SCOLinux", "sales of SCO Linux", True),  # the same words run together
        ("XBox", "the X Box", True),  # a one-letter part is no short form
        ("Ed", "Edward said", True),  # a short form
        ("Edward", "Ed said", True),
        ("Jo", "John said", True),
        ("Al", "Alf said", False),  # one letter more is another name
        ("ed", "Edward said", False),  # a short form is capitalised
        ("Edward", "ed said", False),
        ("Africa's", "African leaders", True),  # a place and its people
        ("African", "Africa's leaders", True),
        ("American", "the US team", True),
        ("US", "the American team", True),
        ("British", "the UK team", True),
        ("American", "the UK team", False),
        ("Canadian", "the US team", False),
        ("British", "the US team", False),
        ("Paris", "the American team", False),
        ("US", "the British team", False),
    ],
)
def test_has_variant(word, other, same):
    assert _has_variant(word, tokenize(other)) is same


def test_has_variant_counts_the_other_sides_acronyms():
    """'U.S.' is tokenized as letters; the caller passes it joined as an acronym."""
    assert _has_variant("American", tokenize("the U.S. team"), ["US"])
    assert not _has_variant("American", tokenize("the U.S. team"), ["UK"])


def test_acronym_runs_join_dotted_capitals():
    toks = tokenize("U.S. and U.N. officials met J Smith at the U.N.")
    assert _acronym_runs(toks) == {0: "US", 1: "US", 3: "UN", 4: "UN", 11: "UN", 12: "UN"}
    assert _acronym_runs(tokenize("U.S.A. officials")) == {0: "USA", 1: "USA", 2: "USA"}
    assert _acronym_runs(tokenize("said J Smith")) == {}  # a single initial
    assert _acronym_runs(tokenize("the NATO summit")) == {}
    assert _acronym_runs(tokenize("U N officials")) == {0: "UN", 1: "UN"}
    assert _acronym_runs(tokenize("U  N officials")) == {}  # not one word


@pytest.mark.parametrize(
    "acronym,words,expected",
    [
        ("FBI", "the Federal Bureau of Investigation", True),
        ("NPT", "the Nuclear Non-Proliferation Treaty", True),
        ("FB", "the Federal Bureau", True),
        ("F", "the Federal Bureau", False),  # one letter is no acronym
        ("fbi", "the Federal Bureau of Investigation", False),
        ("ABCDEFGH", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel", True),
        ("ABCDEFGHI", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India", False),
        ("CIA", "the Federal Bureau of Investigation", False),
    ],
)
def test_is_acronym_of(acronym, words, expected):
    assert _is_acronym_of(acronym, tokenize(words)) is expected


def test_expands_finds_each_word_of_an_expansion():
    toks = tokenize("at the United Nations tribunal in Geneva")
    starts = {t.text: n for n, t in enumerate(toks)}
    assert _expands(toks[starts["United"]], {"UN"}, toks, starts["United"])
    assert _expands(toks[starts["Nations"]], {"UN"}, toks, starts["Nations"])
    assert not _expands(toks[starts["Geneva"]], {"UN"}, toks, starts["Geneva"])
    assert not _expands(toks[starts["United"]], {"EU"}, toks, starts["United"])
    toks = tokenize("United Nations officials")  # the expansion first in the sentence
    assert _expands(toks[1], {"UN"}, toks, 1)
    toks = tokenize("the Bank of United Nations")
    assert not _expands(toks[1], {"UN"}, toks, 1)


def test_is_name():
    toks = tokenize("Mr Smith met A. Jones in May at 10 Downing Street")
    names = [t.text for t in toks if _is_name(t)]
    assert names == ["Smith", "Jones", "Downing", "Street"]


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "The 1st Armored Division crossed the river on Monday.",
            "The First Armored Division crossed the river on Monday.",
        ),
        (
            "Officials at the United Nations said the talks would resume.",
            "Officials at the U.N. said the talks would resume.",
        ),
        (
            "Officers of the Federal Bureau of Investigation arrested him on Friday.",
            "Officers of the FBI arrested him on Friday.",
        ),
        (
            "The minister praised Israel's response to the crisis on Monday.",
            "The minister praised the Israeli response to the crisis on Monday.",
        ),
    ],
)
def test_one_name_in_two_forms_is_no_conflict(a, b):
    assert reasons(a, b) == ([], [])


def test_another_ordinal_is_a_name_conflict():
    assert reasons(
        "The First Armored Division crossed the river on Monday.",
        "The Second Armored Division crossed the river on Monday.",
    ) == (["name: First vs Second"], ["name: Second vs First"])
