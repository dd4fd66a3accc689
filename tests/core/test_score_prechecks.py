"""score()'s quick tests before its variant and affix searches (issue #12, round five).

The searches are skipped when the unshared words of the two sentences have no affix in
common (the affix table of one side is then never built), and the variant signatures of
one side are looked up in a set of the other's, whichever side is the smaller. These
tests pin what those short-cuts must keep: the same score as the full search, and the
full search made whenever an affix is in common.
"""

from __future__ import annotations

import random

import pytest

from kzdiff.core import similarity
from kzdiff.core.similarity import Weights, _affix_pair, _affixes, features, merge, score

from .test_engine_shortcuts import _plain_score


@pytest.mark.parametrize(
    ("key", "pair"),
    [
        ("southern", ("^sout", "$hern")),
        ("south", ("^sout", "$outh")),
        ("bank", ("^bank", "$bank")),  # four letters: both affixes the whole word
        ("abc", ()),  # too short to have a derived form found by affix
        ("b2b4", ()),  # not alphabetic
        ("2024", ()),
    ],
)
def test_a_keys_affix_pair(key, pair):
    assert _affix_pair(key) == pair


def test_affix_pairs_are_the_affix_tables_keys():
    """The cached pair of a key is what :func:`_affixes` files it under."""
    keys = "southern south earthquake quake govern government abc b2b4 bank".split()
    for k in keys:
        assert set(_affix_pair(k)) == set(_affixes([k]))


def _count_tables(monkeypatch) -> list[int]:
    """Count the calls of the affix table that score()'s search builds for one side."""
    calls: list[int] = []
    real = similarity._affix_lists

    def counted(keys):
        calls.append(1)
        return real(keys)

    monkeypatch.setattr(similarity, "_affix_lists", counted)
    return calls


def test_no_affix_table_is_built_when_the_unshared_words_share_no_affix(monkeypatch):
    calls = _count_tables(monkeypatch)
    a = features("The council approved the budget for schools on Monday.")
    b = features("The council approved the budget for hospitals on Monday.")
    sc = score(a, b, Weights([a], [b]))
    assert calls == []
    assert 0.5 < sc.similarity < 1.0  # scored all the same


def _no_credit(a, b, w) -> float:
    """The similarity of a and b from their shared words and trigrams alone."""
    words = 2 * sum(w.table[k] for k in a.keys & b.keys) / (w.total(a.keys) + w.total(b.keys))
    grams = min(1.0, (a.grams & b.grams).bit_count() / (a.ngrams * b.ngrams or 1) ** 0.5)
    return round(0.7 * words + 0.3 * grams, 9)


def test_a_derived_word_is_still_found_and_credited(monkeypatch):
    calls = _count_tables(monkeypatch)
    a = features("Floods hit the southern provinces after the storm on Monday.")
    b = features("Floods hit the south provinces after the storm on Monday.")
    w = Weights([a], [b])
    sc = score(a, b, w)
    assert calls == [1]  # "southern" and "south" share "^sout": the search was made
    assert (sc.similarity, sc.cover_left, sc.cover_right) == _plain_score(a, b, w)
    assert sc.similarity > _no_credit(a, b, w)


def test_spelling_variants_are_found_whichever_side_has_more_unshared_words():
    """The signatures of the side with fewer unshared words make the set the other's are
    looked up in: the score is the same both ways round, with the variant credited."""
    short = features("Tokayev spoke in Astana.")
    long = features("Tokaev spoke yesterday evening to reporters and ministers in Astana.")
    w = Weights([short], [long])
    there, back = score(short, long, w), score(long, short, w)
    assert there.similarity == back.similarity > _no_credit(short, long, w)
    assert (there.cover_left, there.cover_right) == (back.cover_right, back.cover_left)
    assert (there.similarity, there.cover_left, there.cover_right) == _plain_score(short, long, w)


@pytest.mark.parametrize("swap", [False, True])
def test_a_function_word_is_never_the_base_of_a_derived_word(swap):
    """ "after" is a function word: "afterwards" is not credited as derived from it, from
    either side (only content words enter the affix search)."""
    a = features("He left afterwards with the team.")
    b = features("He left after the team won.")
    if swap:
        a, b = b, a
    w = Weights([a], [b])
    sc = score(a, b, w)
    assert "after" in (a.stops | b.stops)
    assert sc.similarity == _no_credit(a, b, w)
    assert (sc.similarity, sc.cover_left, sc.cover_right) == _plain_score(a, b, w)


VOCABULARY = (
    "Tokayev Tokaev Kassym Kasym liberalising liberalizing south southern southerner "
    "earthquake quake govern government governor the of and said council met budget "
    "colour color centre center rain train Zhaparov Japarov unlawful lawful earth works "
    "worker Jusupov Yusupov Wladimir Vladimir is was not never workshop northern north "
    "Astana Almaty people dollars hospital"
).split()


def test_score_with_the_prechecks_equals_the_search_of_every_shared_hint():
    """Random sentences of words with variants and derived forms, some of them merged
    pairs: the score is the reference search's (every signature and affix the two
    sentences share looked at), and the quick tests let through the pairs that need it."""
    rng = random.Random(23)
    sents = [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 10))) + "."
        for _ in range(200)
    ]
    feats = [features(s) for s in sents]
    w = Weights(feats[:100], feats[100:])
    credited = 0
    for _ in range(3000):
        a, b = rng.choice(feats), rng.choice(feats)
        if rng.random() < 0.2:
            n = rng.randrange(len(feats) - 1)
            a = merge(feats[n : n + 2])
        got = score(a, b, w)
        assert (got.similarity, got.cover_left, got.cover_right) == _plain_score(a, b, w)
        credited += a.norm != b.norm and got.similarity > _no_credit(a, b, w)
    assert credited > 100
