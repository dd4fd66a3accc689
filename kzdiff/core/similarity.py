"""How much two sentences (or groups of adjacent sentences) say the same thing.

A similarity that survives rewording: overlap of content-word keys (stemmed, US-spelled,
reporting verbs folded) weighted by rarity within the documents, with names matched
through spelling variants, blended with character-trigram overlap, which catches
inflections and transliterations that stemming misses. Containment (how much of one side
the other covers) drives the detection of split and merged sentences.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from itertools import chain, repeat
from operator import or_
from typing import NamedTuple

from .memo import comparison_table
from .text import Token, fold, spelling_variants, tokenize, variant_signatures

SCORE_FLOOR = 0.25  # below this a pair is never linked (align.LINK is 0.30), so skip refinements
WORD_SHARE = 0.7  # the rest is character-trigram overlap
NAME_BOOST = 1.0  # extra weight of names and numbers (calibrated on STS/MRPC: none helps)
STOP_WEIGHT = 0.6  # function words count, less: they carry a sentence's structure


@dataclass(frozen=True, slots=True)
class Features:
    """What similarity needs of one sentence, computed once."""

    tokens: tuple[Token, ...]
    keys: frozenset[str]  # all word keys (content and function words)
    stops: frozenset[str]  # the function-word keys among them
    names: frozenset[str]  # content keys of name-like tokens and numbers
    surfaces: tuple[tuple[str, str], ...]  # (key, surface) of content tokens, for variants
    grams: int  # padded character trigrams of the content words, as a bit set (_gram_bits)
    ngrams: int  # how many bits are set in ``grams``
    norm: str  # folded alphanumerics only: equal norms mean an identical sentence
    #: the sentences a merged group's features were made of (see :func:`merge`), else ()
    parts: tuple[Features, ...] = ()
    # ``variants`` and ``affixes``, computed on first use: score() reads a sentence's
    # variant table only if it was built (merged groups build theirs), and building them
    # for every sentence was a third of the cost of features() on 50,000 sentences of
    # rare words
    _variants: dict[str, tuple[str, str]] | None = field(default=None, compare=False, repr=False)
    _affixes: dict[str, tuple[str, ...]] | None = field(default=None, compare=False, repr=False)

    @property
    def variants(self) -> dict[str, tuple[str, str]]:
        """Variant signature -> (key, surface) of content words (the first surface wins a
        shared signature; in a merged group, the first sentence's)."""
        v = self._variants
        if v is None:
            if self.parts:
                v = {g: kx for p in reversed(self.parts) for g, kx in p.variants.items()}
            else:
                v = {}
                for kx in reversed(self.surfaces):  # reversed + update: the first one wins
                    v.update(dict.fromkeys(variant_signatures(kx[1]), kx))
            object.__setattr__(self, "_variants", v)
        return v

    @property
    def affixes(self) -> dict[str, tuple[str, ...]]:
        """Content keys by "^" + first / "$" + last 4 letters (see :func:`_affixes`)."""
        a = self._affixes
        if a is None:
            a = _affixes(self.keys - self.stops)
            object.__setattr__(self, "_affixes", a)
        return a


def _first_surface(f: Features, sig: str) -> tuple[str, str]:
    """``f.variants[sig]``: the first (key, surface) of f with that variant signature."""
    if f.parts or f._variants is not None:
        return f.variants[sig]
    return next(kx for kx in f.surfaces if sig in variant_signatures(kx[1]))


def features(sentence: str) -> Features:
    toks = tokenize(sentence)
    content = [t for t in toks if t.content] or list(toks)
    keys, stops, names = _key_sets(toks, content)
    surfaces = tuple(sorted({(t.key, t.text) for t in content}))
    folded = [fold(t.text) for t in content]
    grams = _sentence_grams(set(folded))
    norm = " ".join(folded) if len(content) == len(toks) else " ".join([fold(t.text) for t in toks])
    return Features(toks, keys, stops, names, surfaces, grams, grams.bit_count(), norm)


def _key_sets(
    toks: Sequence[Token], content: Sequence[Token]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A sentence's keys, stop-word keys and name keys (see :class:`Features`), made from
    its tokens (and its content tokens) always in this way: the order a set iterates in
    depends on how it was made, and the aligner's indexes follow it."""
    keys = frozenset([t.key for t in toks])
    content_keys = {t.key for t in content}
    stops = frozenset([t.key for t in toks if not t.content]) - content_keys
    names = frozenset([t.key for t in content if t.name or t.text[:1].isdigit()])
    return keys, stops, names


def sent_features(sentence: str) -> tuple:
    """:func:`features` as plain tuples, for a helper process to send (see
    :mod:`.beside`): a tenth of the cost of pickling them as they are; and
    :func:`received_features` makes them again in a fifth of the time features() takes
    (the word sets from the tokens, the costly parts as they come)."""
    f = features(sentence)
    return tuple(map(tuple, f.tokens)), f.surfaces, f.grams, f.ngrams, f.norm


_new_tuple = tuple.__new__


def received_features(sent: tuple) -> Features:
    """The :class:`Features` that :func:`sent_features` sent: equal to those features()
    makes, their sets made in the same way (and so iterating in the same order)."""
    tokens, surfaces, grams, ngrams, norm = sent
    toks = tuple(map(_new_tuple, repeat(Token), tokens))
    content = [t for t in toks if t.content] or list(toks)
    return Features(toks, *_key_sets(toks, content), surfaces, grams, ngrams, norm)


RELATED = 0.6  # the credit of a derived or compound word (south/southern, quake/earthquake)


def _affixes(keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Keys by their first and last four letters: words that may be derived from one another
    or compounded share one, so only those few are compared (see :func:`related`)."""
    return {g: tuple(sorted(ks)) for g, ks in _affix_lists(keys).items()}


def _affix_lists(keys: Iterable[str]) -> dict[str, list[str]]:
    """:func:`_affixes` unsorted, for a caller that only looks keys up."""
    out: dict[str, list[str]] = {}
    for k in keys:
        for g in _affix_pair(k):
            out.setdefault(g, []).append(k)
    return out


@lru_cache(maxsize=200_000)
def _affix_pair(key: str) -> tuple[str, ...]:
    """The two affixes of one key (see :func:`_affixes`), () for one too short or not
    alphabetic; cached, as score() asks for the same keys again and again."""
    return ("^" + key[:4], "$" + key[-4:]) if len(key) >= 4 and key.isalpha() else ()


def related(x: str, y: str) -> bool:
    """Is one key the other plus a derivational ending or a compound's first part?

    "south"/"southern", "govern"/"government" (an ending of 2+ letters), "quak"/"earthquak"
    (a first part of 3+ letters: "rain"/"train" is no compound).
    """
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 4 or short == long:
        return False
    if long.startswith(short):
        return len(long) - len(short) >= 2
    return long.endswith(short) and len(long) - len(short) >= 3


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> tuple[int, ...]:
    """The bits (see _gram_bits) of the trigrams of one folded word, padded with a space
    each side (' wo', 'wor', 'rd ').

    Per word, so they are computed once per distinct word rather than once per sentence;
    kept as bit positions, not as a 16k-bit integer: 200,000 cached words of made-up text
    held 400 MB as integers.
    """
    padded = f" {word} "
    bit_of = _bit_of
    out = set()
    for i in range(len(padded) - 2):
        g = padded[i : i + 3]
        b = bit_of.get(g)
        if b is None:
            b = bit_of[g] = zlib.crc32(g.encode("utf-8")) % GRAM_BITS
        out.add(b)
    return tuple(out)


MASKS_KEPT = 16_384  # words whose trigram bits a comparison keeps as an integer (<= 36 MB)


def _sentence_grams(words: Iterable[str]) -> int:
    """The trigram bits (see :func:`_gram_bits`) of a sentence's distinct folded words.

    Within a comparison, the first MASKS_KEPT distinct words keep their bits as an
    integer, and a sentence's are the OR of its words': a sixth of the cost of setting
    them one by one, which was most of the cost of features() on 10,000 sentences. The
    other words' bits are set one by one, as before: made-up text has so many distinct
    words that an integer for each would hold gigabytes, and evicting them from a
    smaller cache cost more than it saved.
    """
    masks = comparison_table(_sentence_grams)
    grams = 0
    rest: set[int] = set()
    for word in words:
        mask = masks.get(word) if masks is not None else None
        if mask is None:
            if masks is None or len(masks) >= MASKS_KEPT:
                rest.update(_word_grams(word))
                continue
            mask = masks[word] = _bits_int(_word_grams(word))
        grams |= mask
    return grams | _bits_int(rest) if rest else grams


def _bits_int(bits: Iterable[int]) -> int:
    """Bit positions as one integer (a bytearray set bit by bit, converted once)."""
    buf = bytearray(GRAM_BITS // 8)
    for b in bits:
        buf[b >> 3] |= 1 << (b & 7)
    return int.from_bytes(buf, "little")


GRAM_BITS = 1 << 14
_bit_of: dict[str, int] = {}  # trigram -> bit position


def _gram_bits(grams: Iterable[str]) -> int:
    """Trigrams as bits of one integer, so two sentences' overlap is one AND and a popcount.

    Scoring every candidate pair with set intersections was a third of the time of a long
    comparison. Each trigram gets a bit from a fixed hash (crc32, not Python's salted
    hash, so results do not vary between runs); with ~100 trigrams a sentence and 16,384
    bits, a chance collision adds about one shared trigram, which is below the noise of
    the measure.
    """
    buf = bytearray(GRAM_BITS // 8)
    bit_of = _bit_of
    for g in grams:
        b = bit_of.get(g)
        if b is None:
            b = bit_of[g] = zlib.crc32(g.encode("utf-8")) % GRAM_BITS
        buf[b >> 3] |= 1 << (b & 7)
    # one conversion at the end: OR-ing into a growing 16k-bit int copied it every time
    return int.from_bytes(buf, "little")


class Weights:
    """Rarity weights of keys within the two documents being compared.

    A word found in one sentence of each document weighs 1; one repeated across many
    sentences of a document (the country in a story about it) weighs less. Computed per
    document so that comparing two single sentences (df = 1 everywhere) stays neutral.
    """

    def __init__(self, left: Sequence[Features], right: Sequence[Features]):
        # (keys counted and gathered by chain/union, in C: a generator over every key of
        # 10,000 sentences was most of this)
        dl: Counter[str] = Counter(chain.from_iterable(f.keys for f in left))
        dr: Counter[str] = Counter(chain.from_iterable(f.keys for f in right))
        names = set().union(*[f.names for f in left], *[f.names for f in right])
        stops = set().union(*[f.stops for f in left], *[f.stops for f in right])
        #: every key's weight, computed once: score() sums these in C (map + dict lookup)
        self.table: dict[str, float] = {}
        for k in set(dl) | set(dr):
            w = 1.0 / (1.0 + math.log(max(1, dl.get(k, 0), dr.get(k, 0))))
            self.table[k] = w * NAME_BOOST if k in names else w * STOP_WEIGHT if k in stops else w
        self._totals: dict[frozenset[str], float] = {}
        # (copies, kept: the partner table knows sentences by id, and an id is only a
        # sentence's while it lives)
        self._sentences = (list(left), list(right))
        self._partners: Partners | None = None

    def partners(self) -> Partners:
        """Which of the two documents' words score()'s searches may match (see
        :class:`Partners`), found on first use."""
        p = self._partners
        if p is None:
            p = self._partners = partners(chain(*self._sentences))
        return p

    def total(self, keys: frozenset[str]) -> float:
        """Summed weight of a key set (cached: every sentence is scored against several)."""
        t = self._totals.get(keys)
        if t is None:
            t = self._totals[keys] = sum(map(self, keys))
        return t

    def __call__(self, k: str) -> float:
        return self.table.get(k, 1.0)  # a key in neither document: as rare as can be


PARTNER_SENTENCES = 50  # fewer sentences than this: score() searches every pair as before
PARTNER_SURFACES = 50_000  # more distinct words than this: likewise (the table's cost)


@dataclass(frozen=True, slots=True)
class Partners:
    """Which keys of a set of sentences may be matched to another key by score()'s
    searches: a spelling variant (a word of each key shares a variant signature, see
    variant_signatures) or a derived or compound word (:func:`related`). Only a pair of
    sentences with such two keys among their unshared words needs the searches: on a 10k
    pair, about 400 of the 11,000 candidate pairs, where the searches cost 20 µs a pair.

    ``of`` maps a key to the keys it may be matched to; ``ids`` are the sentences'
    features the table was made from (a group merged of them counts as one of them).
    ``of`` is None when no table was made (see PARTNER_SENTENCES, PARTNER_SURFACES):
    then every pair is searched.
    """

    of: dict[str, frozenset[str]] | None
    ids: frozenset[int]
    keys: frozenset[str] = frozenset()  # those of ``of``

    def may_match(
        self, a: Features, b: Features, only_a: frozenset[str], only_b: frozenset[str]
    ) -> bool:
        """May the searches match an unshared key of a to one of b? False only when both
        sentences are among those the table was made of and none of a's unshared keys has
        a partner among b's. (Called for most candidate pairs: a loop, not any() over a
        generator, and the table's keys a set of their own.)"""
        of = self.of
        if of is None or not (self.made_of(a) and self.made_of(b)):
            return True
        for k in only_a & self.keys:
            if not of[k].isdisjoint(only_b):
                return True
        return False

    def made_of(self, f: Features) -> bool:
        """Are the features of ``f`` (or of each sentence it was merged of) in the table?"""
        ids = self.ids
        return id(f) in ids or (bool(f.parts) and all(id(p) in ids for p in f.parts))


def partners(feats: Iterable[Features]) -> Partners:
    """:class:`Partners` of ``feats``: their distinct (key, surface) words filed by variant
    signature (the keys filed under one signature are partners), and their keys that a
    longer key starts or ends with as :func:`related` asks (partners too)."""
    feats = list(feats)
    none = Partners(None, frozenset())
    # (equivalent mutants: either limit only decides whether the table is made)
    if len(feats) < PARTNER_SENTENCES:  # pragma: no mutate
        return none
    surfaces: set[tuple[str, str]] = set()
    for f in feats:
        surfaces.update(f.surfaces)
        if len(surfaces) > PARTNER_SURFACES:  # pragma: no mutate
            return none  # (as soon as it is known: 5 MB a side has 110,000)
    of: dict[str, set[str]] = {}
    # the first key filed under each signature, and the keys of a signature with more
    # (a set only for those: most of the signatures of 7,000 words are filed once)
    first: dict[str, str] = {}
    by_sig: dict[str, set[str]] = {}
    for k, x in surfaces:
        for g in variant_signatures(x):
            k0 = first.setdefault(g, k)
            if k0 != k:
                by_sig.setdefault(g, {k0}).add(k)
    for keys in by_sig.values():
        for k in keys:
            of.setdefault(k, set()).update(keys - {k})
    for x, y in _related_keys({k for f in feats for k in f.keys}):
        of.setdefault(x, set()).add(y)
        of.setdefault(y, set()).add(x)
    return Partners(
        {k: frozenset(ks) for k, ks in of.items()}, frozenset(map(id, feats)), frozenset(of)
    )


def _related_keys(keys: set[str]) -> list[tuple[str, str]]:
    """The pairs of ``keys`` the affix search of score() may match: both alphabetic, of 4
    letters or more, and one :func:`related` to the other (the shorter is the longer's
    start, 2 letters or more short of it, or its end, 3 or more short)."""
    out = []
    for long in keys:
        if len(long) >= 6 and long.isalpha():
            out.extend((long, long[:n]) for n in range(4, len(long) - 1) if long[:n] in keys)
            out.extend((long, long[n:]) for n in range(3, len(long) - 3) if long[n:] in keys)
    return out


class Score(NamedTuple):
    """A pair's similarity in [0, 1] and how much of each side's weight the other covers.

    A named tuple, not a frozen dataclass: 20,000 are made in a 10k comparison (every
    candidate pair scored, every group mirrored), at a third of the cost."""

    similarity: float
    cover_left: float  # share of the left's weight matched on the right
    cover_right: float


#: the score of two sentences with the same words
IDENTICAL_SCORE = Score(1.0, 1.0, 1.0)


def merge(parts: Iterable[Features]) -> Features:
    """The features of adjacent sentences taken together (for 1:2 and 2:1 groups)."""
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    grams = reduce(or_, (p.grams for p in parts), 0)
    return Features(
        tuple(t for p in parts for t in p.tokens),
        frozenset().union(*(p.keys for p in parts)),
        frozenset().union(*(p.stops for p in parts))
        - frozenset().union(*(p.keys - p.stops for p in parts)),
        frozenset().union(*(p.names for p in parts)),
        tuple(sorted(set().union(*(p.surfaces for p in parts)))),
        grams,
        grams.bit_count(),
        " ".join(p.norm for p in parts),
        tuple(parts),
    )


def score(a: Features, b: Features, w: Weights) -> Score:
    """Similarity in [0, 1] and the two coverages; symmetric in a and b."""
    if a.norm == b.norm:
        return IDENTICAL_SCORE
    shared = a.keys & b.keys
    matched = sum(map(w.table.__getitem__, shared))
    only_a = a.keys - shared
    only_b = b.keys - shared
    wa = w.total(a.keys)
    wb = w.total(b.keys)
    if wa + wb == 0:
        return Score(0.0, 0.0, 0.0)
    grams = min(1.0, (a.grams & b.grams).bit_count() / math.sqrt(a.ngrams * b.ngrams or 1))
    if only_a and only_b:
        # Even if every unshared word were a spelling variant, could this pair matter?
        # Most candidate pairs cannot, and the variant search is the costly part.
        bound = matched + 0.9 * min(wa - matched, wb - matched)
        if WORD_SHARE * 2 * bound / (wa + wb) + (1 - WORD_SHARE) * grams < SCORE_FLOOR:
            only_a = only_b = frozenset()
        # ... and has any unshared word of one side a possible match among the other's?
        # Most candidate pairs have none (see Partners).
        elif not w.partners().may_match(a, b, only_a, only_b):
            only_a = only_b = frozenset()
    if only_a and only_b:
        # Spelling variants of one word (Tokaev/Tokayev, liberalizing/liberalising).
        found = _variant_pairs(a, b, only_a, only_b)
        used_a: set[str] = set()
        used_b: set[str] = set()
        for (ka, xa), (kb, xb) in found:
            if ka not in used_a and kb not in used_b and spelling_variants(xa, xb):
                matched += 0.9 * min(w(ka), w(kb))
                used_a.add(ka)
                used_b.add(kb)
        # Derived and compound words (south/southern, quake/earthquake), by shared affix
        # (see :func:`_affixes`), among the unshared content words of each side. (Most
        # pairs have no affix in common: known from a set of one side's affixes, cached
        # per key, before a table of the other side's is built.)
        xs, ys = only_a - a.stops, only_b - b.stops
        affixes_a = set().union(*map(_affix_pair, xs))
        related_pairs = set()
        if affixes_a and not affixes_a.isdisjoint(chain.from_iterable(map(_affix_pair, ys))):
            fb = _affix_lists(ys)
            related_pairs = {
                (x, y) for x in xs for g in _affix_pair(x) for y in fb.get(g, ()) if related(x, y)
            }
        for ka, kb in sorted(related_pairs):
            if ka not in used_a and kb not in used_b:
                matched += RELATED * min(w(ka), w(kb))
                used_a.add(ka)
                used_b.add(kb)
    dice = 2 * matched / (wa + wb)
    sim = WORD_SHARE * dice + (1 - WORD_SHARE) * grams
    # Rounded so that sums taken in another order (sides swapped) give the same value.
    return Score(
        round(min(1.0, sim), 9),
        round(min(1.0, matched / wa if wa else 0.0), 9),
        round(min(1.0, matched / wb if wb else 0.0), 9),
    )


def _variant_pairs(
    a: Features, b: Features, only_a: frozenset[str], only_b: frozenset[str]
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The (key, surface) pairs of a's and b's unshared words that may be spelling variants,
    sorted: those with a variant signature in common (see variant_signatures), each
    side's first surface with it standing for the side.

    Words that could be variants share a signature, so only those few are checked rather
    than every unshared word against every other. (The signatures looked at are those of
    the unshared words: any signature that passes the test is one of them, and there are
    far fewer of them than signatures of all words. The few in common, if any, are looked
    up: a sentence's whole table is built only for merged groups, where the first part's
    surface wins.)
    """
    sigs_a = [variant_signatures(x) for k, x in a.surfaces if k in only_a]
    sigs_b = [variant_signatures(x) for k, x in b.surfaces if k in only_b]
    # (equivalent mutant: which side makes the set changes only the cost)
    if len(sigs_a) > len(sigs_b):  # pragma: no mutate
        sigs_a, sigs_b = sigs_b, sigs_a
    # (a set of one side's, the other's looked up in it as they come: a second set of a
    # few hundred signatures was a third of the search)
    common = set().union(*sigs_a).intersection(chain.from_iterable(sigs_b))
    if not common:
        return []
    return sorted(
        {
            (va, vb)
            for g in common
            if (va := _first_surface(a, g))[0] in only_a
            and (vb := _first_surface(b, g))[0] in only_b
        }
    )
