"""The engine's shortcuts give what the plain computation gives.

Each speed-up of issue #12/#15 replaced a straightforward computation with a cheaper one
that must agree with it: the furniture forms as one pattern, spelling variants and
affixes built on first use (also for merged groups), the heaviest chain's tie-breaking.
Each is checked here against the plain version, written out in the test.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzdiff.core import furniture
from kzdiff.core.align import chain_item, extras_in_chain, heaviest_chain
from kzdiff.core.similarity import Score, _affixes, features, merge
from kzdiff.core.text import variant_signatures

FORM_SAMPLES = [
    "2 MIN READ",
    "Reading time: 3 minutes",
    "PHOTO: AFP",
    "By Jane Doe",
    "by jane doe",  # "By" lines are case-sensitive: this is no byline form
    "BY JANE DOE",
    "Image caption, Protesters gather in the square",
    "Published 3 hours ago",
    "Story continues below advertisement",
    "View 12 comments",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "($1 = 556.9300 CFA francs)",
    "The council met on Monday to discuss the budget.",
    "source: the ministry said so",
]


def test_the_forms_as_one_pattern_match_what_any_single_form_matches():
    singles = [
        re.compile(f, 0 if f.startswith("[Bb]y") else re.IGNORECASE) for f in furniture._LINE_FORMS
    ]
    rng = random.Random(7)
    texts = list(FORM_SAMPLES)
    for _ in range(3000):  # the samples, damaged at random
        base = rng.choice(FORM_SAMPLES)
        texts.append(
            "".join(c if rng.random() > 0.06 else rng.choice("aB1 :()$=,.-") for c in base)
        )
    matched = 0
    for t in texts:
        plain = any(f.fullmatch(t) for f in singles)
        assert bool(furniture._ANY_FORM.fullmatch(t)) == plain, t
        matched += plain
    assert 0 < matched < len(texts)
    assert furniture.line_kind("by jane doe") != "form"
    assert furniture.line_kind("2 MIN READ") == "form"


def _plain_variants(surfaces):
    out = {}
    for kx in reversed(surfaces):
        out.update(dict.fromkeys(variant_signatures(kx[1]), kx))
    return out


SENTENCES = [
    "President Kassym-Jomart Tokayev said the liberalising reforms would continue.",
    "President Kassym-Jomart Tokaev said the liberalizing reforms would go on in the south.",
    "The southern government announced an earthquake relief plan for 12,000 people.",
    "Officials said the quake killed 14 people.",
    "the and of",  # function words only
    "",
]


def test_lazily_built_variants_and_affixes_are_the_plain_ones():
    for s in SENTENCES:
        f = features(s)
        assert f.variants == _plain_variants(f.surfaces)
        assert f.affixes == _affixes({t.key for t in f.tokens if t.content} or f.keys)
        assert f.variants is f.variants  # built once


def test_a_merged_groups_variants_let_the_first_sentence_win_a_shared_signature():
    a, b, c = (features(s) for s in SENTENCES[:3])
    m = merge([a, b, c])
    expected = {g: kx for p in (c, b, a) for g, kx in p.variants.items()}
    assert m.variants == expected
    assert m.affixes == _affixes((a.keys - a.stops) | (b.keys - b.stops) | (c.keys - c.stops))
    shared = a.variants.keys() & b.variants.keys()
    assert shared and all(m.variants[g] == a.variants[g] for g in shared)


def _plain_chain(items):
    """The heaviest increasing chain, ends broken as the engine always did: the first
    item of the greatest (weight, -i, -j)."""
    js = sorted({j for _, j, _ in items})
    best, prev = [0.0] * len(items), [-1] * len(items)
    order = sorted(range(len(items)), key=lambda n: (items[n][0], -items[n][1]))
    for k, n in enumerate(order):
        i, j, w = items[n]
        cands = [m for m in order[:k] if items[m][0] < i and items[m][1] < j]
        top = max(cands, key=lambda m: best[m], default=-1)  # first of the best, by order
        best[n] = (best[top] if top >= 0 else 0.0) + w
        prev[n] = top
    del js
    end = max(range(len(items)), key=lambda n: (best[n], -items[n][0], -items[n][1]))
    chain = set()
    while end != -1:
        chain.add(end)
        end = prev[end]
    return chain


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from([1.0, 1.5, 2.0, 0.25])),
        min_size=1,
        max_size=14,
    )
)
def test_heaviest_chain_weighs_and_breaks_ties_as_the_plain_search(items):
    got = heaviest_chain(items)
    want = _plain_chain(items)
    weight = lambda c: sum(items[n][2] for n in c)  # noqa: E731
    assert abs(weight(got) - weight(want)) < 1e-9
    pairs = sorted(items[n][:2] for n in got)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(pairs, pairs[1:], strict=False))
    # the end of the chain (its last pair) is the one the plain rule picks
    assert max(items[n][:2] for n in got) == max(items[n][:2] for n in want)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.integers(0, 40),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4),
    st.integers(0, 2**32),
)
def test_extras_join_the_chain_as_in_the_chain_of_everything(n, moves, extras, seed):
    # anchors in order (the in-order groups of an alignment), some out of order with
    # each other (moves: then every anchor competes), and a few new links; weighed as the
    # aligner weighs them, near the diagonal a little heavier (so ties are rare: where
    # two chains weigh the same, either is right)
    rng = random.Random(seed)
    steps = sorted(rng.sample(range(1, 61), min(n, 60)))
    diag = list(zip(steps, sorted(rng.sample(range(1, 61), len(steps))), strict=True))
    for anchors_at in (diag, diag + moves):
        at = list(dict.fromkeys(anchors_at))
        anchors = [chain_item(i, j, 1.0, 61, 61) for i, j in at]
        new = [chain_item(i, j, 1.0, 61, 61) for i, j in extras]
        got = extras_in_chain(at, extras, 61, 61)
        chain = heaviest_chain([*anchors, *new])
        want = {k for k in range(len(new)) if len(anchors) + k in chain}
        weight = lambda c, items: sum(items[x][2] for x in c)  # noqa: E731
        if got != want:  # (only where two chains weigh the same)
            everything = [*anchors, *new]
            best = weight(chain, everything)
            taken = [new[k] for k in got]
            free = [a for a in anchors if all(_in_order(a, e) for e in taken)]
            assert (
                abs(weight(range(len(free)), free) + weight(range(len(taken)), taken) - best) < 1e-9
            )
            assert all(_in_order(a, b) for a in taken for b in taken if a is not b)


def _in_order(a, b) -> bool:
    return (a[0] < b[0] and a[1] < b[1]) or (a[0] > b[0] and a[1] > b[1])


def test_extras_in_chain_against_a_long_chain() -> None:
    # 10,000 in-order anchors and three links: one in order between two anchors, one that
    # crosses a single anchor (the chain keeps the anchor nearer the diagonal: this link
    # is 1 off it, the anchor on it), one from the start of one text to the end of the other
    n = 2 * 10_000
    anchors = [(2 * k, 2 * k) for k in range(n // 2)]
    new = [(101, 101), (4000, 3999), (1, n - 1)]
    assert extras_in_chain(anchors, new, n, n) == {0}
    assert extras_in_chain(anchors, [(101, 101), (4001, 4001)], n, n) == {0, 1}
    # anchors out of order among themselves: the chain of everything decides
    crossed = [*anchors, (3, 1)]
    items = [chain_item(i, j, 1.0, n, n) for i, j in crossed + new]
    chain = heaviest_chain(items)
    assert extras_in_chain(crossed, new, n, n) == {k for k in range(3) if len(crossed) + k in chain}


def _plain_score(a, b, w):
    """score() as it was before the shortcuts: every shared signature and affix of the two
    sentences' variant and affix tables is looked at (the tables themselves are the plain
    ones, checked above)."""
    import math

    from kzdiff.core.similarity import RELATED, SCORE_FLOOR, WORD_SHARE, related
    from kzdiff.core.text import spelling_variants

    if a.norm == b.norm:
        return (1.0, 1.0, 1.0)
    shared = a.keys & b.keys
    matched = sum(map(w.table.__getitem__, shared))
    only_a, only_b = a.keys - shared, b.keys - shared
    wa, wb = w.total(a.keys), w.total(b.keys)
    if wa + wb == 0:
        return (0.0, 0.0, 0.0)
    grams = min(1.0, (a.grams & b.grams).bit_count() / math.sqrt(a.ngrams * b.ngrams or 1))
    if only_a and only_b:
        bound = matched + 0.9 * min(wa - matched, wb - matched)
        if WORD_SHARE * 2 * bound / (wa + wb) + (1 - WORD_SHARE) * grams < SCORE_FLOOR:
            only_a = only_b = frozenset()
    if only_a and only_b:
        av, bv = a.variants, b.variants
        found = sorted(
            {
                (av[g], bv[g])
                for g in av.keys() & bv.keys()
                if av[g][0] in only_a and bv[g][0] in only_b
            }
        )
        used_a, used_b = set(), set()
        for (ka, xa), (kb, xb) in found:
            if ka not in used_a and kb not in used_b and spelling_variants(xa, xb):
                matched += 0.9 * min(w(ka), w(kb))
                used_a.add(ka)
                used_b.add(kb)
        fa, fb = a.affixes, b.affixes
        for ka, kb in sorted(
            {
                (ka, kb)
                for g in fa.keys() & fb.keys()
                for ka in fa[g]
                for kb in fb[g]
                if ka in only_a and kb in only_b and related(ka, kb)
            }
        ):
            if ka not in used_a and kb not in used_b:
                matched += RELATED * min(w(ka), w(kb))
                used_a.add(ka)
                used_b.add(kb)
    sim = WORD_SHARE * 2 * matched / (wa + wb) + (1 - WORD_SHARE) * grams
    return (
        round(min(1.0, sim), 9),
        round(min(1.0, matched / wa if wa else 0.0), 9),
        round(min(1.0, matched / wb if wb else 0.0), 9),
    )


VOCABULARY = (
    "Tokayev Tokaev Tokaiev Kassym Kasym liberalising liberalizing south southern "
    "southerner earthquake quake govern government governor the of and said says council "
    "met Monday budget school colour color centre center rain train Zhaparov Japarov "
    "unlawful lawful 12 twelve 1,200 1200 earth works worker workers Jusupov Yusupov "
    "Wladimir Vladimir Rachmaninoff Rachmaninov is was not never"
).split()


def random_pairs(feats: list, rng: random.Random, n: int):
    """``n`` random pairs of the features, a fifth of them with two adjacent sentences
    merged on the left (a 1:2 group)."""
    for _ in range(n):
        a, b = rng.choice(feats), rng.choice(feats)
        if rng.random() < 0.2:
            k = rng.randrange(len(feats) - 1)
            a = merge(feats[k : k + 2])
        yield a, b


def test_score_looks_only_at_the_unshared_words_and_finds_what_the_full_search_finds():
    from kzdiff.core.similarity import Weights, score

    rng = random.Random(5)
    sents = [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 12))) + "."
        for _ in range(300)
    ]
    feats = [features(s) for s in sents]
    w = Weights(feats[:150], feats[150:])
    raised = 0
    for a, b in random_pairs(feats, rng, 6000):
        got = score(a, b, w)
        assert (got.similarity, got.cover_left, got.cover_right) == _plain_score(a, b, w)
        # count the pairs where variants or affixes changed the similarity
        raised += got.similarity > round(
            0.7 * 2 * sum(w.table[k] for k in a.keys & b.keys) / (w.total(a.keys) + w.total(b.keys))
            + 0.3 * min(1.0, (a.grams & b.grams).bit_count() / (a.ngrams * b.ngrams or 1) ** 0.5),
            9,
        )
    assert raised > 100  # the variant and affix matching was exercised, not skipped


@pytest.mark.parametrize("kept", [0, 5, 10_000])
@pytest.mark.parametrize("in_comparison", [False, True])
def test_a_sentences_trigram_bits_are_its_words_set_one_by_one(kept, in_comparison, monkeypatch):
    """Whether a word's bits are kept as an integer (within a comparison, the first
    MASKS_KEPT words) or set one by one, a sentence gets the bits of its trigrams."""
    from contextlib import nullcontext

    from kzdiff.core import similarity
    from kzdiff.core.memo import comparison_table, sentence_memo
    from kzdiff.core.similarity import _gram_bits
    from kzdiff.core.text import fold

    monkeypatch.setattr(similarity, "MASKS_KEPT", kept)
    rng = random.Random(7)
    with sentence_memo() if in_comparison else nullcontext():
        for _ in range(200):
            s = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 12))) + "."
            f = features(s)
            content = [t for t in f.tokens if t.content] or list(f.tokens)
            words = {fold(t.text) for t in content}
            grams = {f" {w} "[i : i + 3] for w in words for i in range(len(w))}
            assert f.grams == _gram_bits(grams)
            assert f.ngrams == len(grams) - _collisions(grams)
        table = comparison_table(similarity._sentence_grams)
    if not in_comparison:
        assert table is None
    elif kept == 10_000:
        assert 20 < len(table) <= len(VOCABULARY)  # every word kept
    else:
        assert len(table) == kept  # the first ones only


def _collisions(grams: set[str]) -> int:
    """Trigrams that share a bit with another of the set (crc32 mod 16,384)."""
    import zlib

    from kzdiff.core.similarity import GRAM_BITS

    bits = [zlib.crc32(g.encode("utf-8")) % GRAM_BITS for g in grams]
    return len(bits) - len(set(bits))


def test_score_finds_the_same_variants_whether_or_not_a_sentences_table_was_built():
    """score() looks the few signatures both sides' unshared words have up in a sentence's
    variant table if it was built, else among its surfaces: the same first surface."""
    from kzdiff.core.similarity import Weights, score

    rng = random.Random(11)
    sents = [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 12))) + "."
        for _ in range(200)
    ]
    w = Weights([features(s) for s in sents[:100]], [features(s) for s in sents[100:]])
    differs = 0
    for _ in range(2000):
        x, y = rng.choice(sents), rng.choice(sents)
        fresh = score(features(x), features(y), w)
        a, b = features(x), features(y)
        assert a._variants is None
        a.variants, b.variants  # noqa: B018 (the tables built before scoring)
        assert a._variants is not None
        built = score(a, b, w)
        assert fresh == built == Score(*_plain_score(a, b, w))
        differs += fresh.similarity > _no_variant_similarity(a, b, w)
    assert differs > 50  # pairs where a variant or affix was found


def _no_variant_similarity(a, b, w):
    import math

    matched = sum(w.table[k] for k in a.keys & b.keys)
    wa, wb = w.total(a.keys), w.total(b.keys)
    grams = min(1.0, (a.grams & b.grams).bit_count() / math.sqrt(a.ngrams * b.ngrams or 1))
    return round(min(1.0, 0.7 * 2 * matched / (wa + wb) + 0.3 * grams), 9)


@pytest.mark.parametrize(
    "text",
    [
        "Kassym-Jomart Tokayev said 164 people, including 8 police, died in Almaty.",
        "The the THE a an, said; Said SAID!",
        "",
        "Zürich's café owners — 12% of them — met on 3 Jan 2022.",
    ],
)
def test_features_sent_from_a_helper_are_the_features_with_their_sets_in_order(text):
    # a helper process sends features as plain tuples (sent_features); made again here
    # (received_features) they are equal, and their sets iterate in the same order, which
    # the aligner's indexes and candidate order follow
    from kzdiff.core.similarity import received_features, sent_features

    f = features(text)
    g = received_features(sent_features(text))
    assert g == f
    assert [type(t) for t in g.tokens] == [type(t) for t in f.tokens]
    for name in ("keys", "stops", "names"):
        assert list(getattr(g, name)) == list(getattr(f, name))
    assert list(g.keys - g.stops) == list(f.keys - f.stops)
