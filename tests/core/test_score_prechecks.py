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
from kzdiff.core.similarity import (
    Score,
    Weights,
    _affix_pair,
    _affixes,
    features,
    merge,
    related,
    score,
)

from .test_engine_shortcuts import _plain_score, random_pairs


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
    for a, b in random_pairs(feats, rng, 3000):
        got = score(a, b, w)
        assert (got.similarity, got.cover_left, got.cover_right) == _plain_score(a, b, w)
        credited += a.norm != b.norm and got.similarity > _no_credit(a, b, w)
    assert credited > 100


def _vocabulary_sentences(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 10))) + "." for _ in range(n)
    ]


def test_partners_are_variants_and_derived_words_of_the_sentences():
    feats = [features(s) for s in _vocabulary_sentences(3, 120)]
    p = similarity.partners(feats)
    assert p.of is not None
    assert p.ids == frozenset(map(id, feats))
    assert p.keys == frozenset(p.of)
    key = {t.text: t.key for f in feats for t in f.tokens}
    assert key["Tokaev"] in p.of[key["Tokayev"]]  # one signature: a spelling variant
    assert key["south"] in p.of[key["southern"]]  # related: a derived word
    assert key["southern"] in p.of[key["south"]]  # both ways
    assert key["council"] not in p.of.get(key["budget"], ())
    # every pair of keys is a partner pair exactly when the searches could match them
    keys = {k for f in feats for k in f.keys}
    derived = {
        (x, y)
        for x in keys
        for y in keys
        if len(x) >= 4 and len(y) >= 4 and x.isalpha() and y.isalpha() and related(x, y)
    }
    assert derived <= {(x, y) for x, ys in p.of.items() for y in ys}
    assert {tuple(sorted(xy)) for xy in similarity._related_keys(keys)} == {
        tuple(sorted(xy)) for xy in derived
    }


def test_no_partner_table_for_a_few_sentences():
    few = [features(s) for s in _vocabulary_sentences(4, similarity.PARTNER_SENTENCES - 1)]
    assert similarity.partners(few).of is None
    enough = few + [features("One more sentence about the council.")]
    assert similarity.partners(enough).of is not None


def test_a_pair_without_partners_among_its_unshared_words_is_not_searched():
    sents = _vocabulary_sentences(5, 60) + [
        "The council met on Monday about the budget.",
        "The council met on Friday about the school.",
        "The council met on Friday about the schools of Tokaev.",
    ]
    feats = [features(s) for s in sents]
    w = Weights(feats[:30], feats[30:])
    p = w.partners()
    a, b, c = feats[-3:]
    only = lambda x, y: (x.keys - y.keys, y.keys - x.keys)  # noqa: E731
    assert not p.may_match(a, b, *only(a, b))  # monday/friday, budget/school: no partners
    assert score(a, b, w) == Score(*_plain_score(a, b, w))
    # a sentence the table was not made of (an equal one, computed again) is searched
    again = features(sents[-3])
    assert again == a and not p.made_of(again)
    assert p.may_match(again, b, *only(again, b))
    # a group merged of sentences the table was made of counts as made of them
    m = merge(feats[-3:-1])
    assert p.made_of(m) and not p.made_of(merge([again, b]))
    assert score(m, c, w) == Score(*_plain_score(m, c, w))


def test_scores_within_a_comparison_equal_the_full_search():
    """Sentences of variants and derived words with a partner table (more than
    PARTNER_SENTENCES): the scores are the reference search's; most pairs skip the
    searches, and some are credited a match."""
    feats = [features(s) for s in _vocabulary_sentences(9, 300)]
    w = Weights(feats[:150], feats[150:])
    rng = random.Random(10)
    skipped = credited = 0
    for a, b in random_pairs(feats, rng, 3000):
        got = score(a, b, w)
        assert (got.similarity, got.cover_left, got.cover_right) == _plain_score(a, b, w)
        skipped += not w.partners().may_match(a, b, a.keys - b.keys, b.keys - a.keys)
        credited += a.norm != b.norm and got.similarity > _no_credit(a, b, w)
    assert skipped > 300 and credited > 100


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("The storm hit the port today.", "The storm hit the airport today."),  # 3 letters more
        ("The quake hit the city today.", "The earthquake hit the city today."),  # 5 more
        ("The south was hit today.", "The southern was hit today."),  # an ending
    ],
)
@pytest.mark.parametrize("swap", [False, True])
def test_a_derived_word_is_matched_from_either_side_within_a_comparison(short, long, swap):
    """With a partner table (a comparison of enough sentences), the shorter word may be
    on either side: the pair is still searched and the derived word credited."""
    filler = [features(s) for s in _vocabulary_sentences(6, 60)]
    a, b = features(short), features(long)
    if swap:
        a, b = b, a
    w = Weights([*filler[:30], a], [*filler[30:], b])
    assert w.partners().of is not None
    got = score(a, b, w)
    assert (got.similarity, got.cover_left, got.cover_right) == _plain_score(a, b, w)
    assert got.similarity > _no_credit(a, b, w)


def test_the_partner_table_is_of_the_sentences_the_weights_were_made_of():
    """Weights keeps its own lists: a caller's list emptied afterwards changes nothing
    (the table knows sentences by id, which must stay theirs)."""
    feats = [features(s) for s in _vocabulary_sentences(12, 80)]
    left, right = feats[:40], feats[40:]
    w = Weights(left, right)
    left.clear()
    p = w.partners()
    assert p.ids == frozenset(map(id, feats))
    assert all(p.made_of(f) for f in feats)
