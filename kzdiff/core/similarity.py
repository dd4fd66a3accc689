"""How much two sentences (or groups of adjacent sentences) say the same thing.

A similarity that survives rewording: overlap of content-word keys (stemmed, US-spelled,
reporting verbs folded) weighted by rarity within the documents, with names matched
through spelling variants, blended with character-trigram overlap, which catches
inflections and transliterations that stemming misses. Containment (how much of one side
the other covers) drives the detection of split and merged sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .text import Token, fold, spelling_variants, tokenize

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
    grams: frozenset[str]  # character trigrams of the content words
    norm: str  # folded alphanumerics only: equal norms mean an identical sentence


def features(sentence: str) -> Features:
    toks = tuple(tokenize(sentence))
    content = [t for t in toks if t.content] or list(toks)
    keys = frozenset(t.key for t in toks)
    stops = frozenset(t.key for t in toks if not t.content) - {t.key for t in content}
    names = frozenset(t.key for t in content if t.name or t.text[:1].isdigit())
    surfaces = tuple(sorted({(t.key, t.text) for t in content}))
    letters = " ".join(fold(t.text) for t in content)
    grams = frozenset(letters[i : i + 3] for i in range(max(0, len(letters) - 2)))
    norm = " ".join(fold(t.text) for t in toks)
    return Features(toks, keys, stops, names, surfaces, grams, norm)


class Weights:
    """Rarity weights of keys within the two documents being compared.

    A word found in one sentence of each document weighs 1; one repeated across many
    sentences of a document (the country in a story about it) weighs less. Computed per
    document so that comparing two single sentences (df = 1 everywhere) stays neutral.
    """

    def __init__(self, left: Sequence[Features], right: Sequence[Features]):
        dl: Counter[str] = Counter(k for f in left for k in f.keys)
        dr: Counter[str] = Counter(k for f in right for k in f.keys)
        self._df = {k: max(dl.get(k, 0), dr.get(k, 0)) for k in set(dl) | set(dr)}
        self._names = {k for f in (*left, *right) for k in f.names}
        self._stops = {k for f in (*left, *right) for k in f.stops}
        self._cache: dict[str, float] = {}
        self._totals: dict[frozenset[str], float] = {}

    def total(self, keys: frozenset[str]) -> float:
        """Summed weight of a key set (cached: every sentence is scored against several)."""
        t = self._totals.get(keys)
        if t is None:
            t = self._totals[keys] = sum(self(k) for k in keys)
        return t

    def df(self, k: str) -> int:
        return self._df.get(k, 1)

    def __call__(self, k: str) -> float:
        w = self._cache.get(k)
        if w is None:
            w = 1.0 / (1.0 + math.log(max(1, self._df.get(k, 1))))
            if k in self._names:
                w *= NAME_BOOST
            elif k in self._stops:
                w *= STOP_WEIGHT
            self._cache[k] = w
        return w


@dataclass(frozen=True, slots=True)
class Score:
    similarity: float
    cover_left: float  # share of the left's weight matched on the right
    cover_right: float


def merge(parts: Iterable[Features]) -> Features:
    """The features of adjacent sentences taken together (for 1:2 and 2:1 groups)."""
    parts = list(parts)
    if len(parts) == 1:
        return parts[0]
    return Features(
        tuple(t for p in parts for t in p.tokens),
        frozenset().union(*(p.keys for p in parts)),
        frozenset().union(*(p.stops for p in parts)) - frozenset().union(
            *(p.keys - p.stops for p in parts)),
        frozenset().union(*(p.names for p in parts)),
        tuple(sorted(set().union(*(p.surfaces for p in parts)))),
        frozenset().union(*(p.grams for p in parts)),
        " ".join(p.norm for p in parts),
    )


def score(a: Features, b: Features, w: Weights) -> Score:
    """Similarity in [0, 1] and the two coverages; symmetric in a and b."""
    if a.norm == b.norm:
        return Score(1.0, 1.0, 1.0)
    shared = a.keys & b.keys
    matched = sum(w(k) for k in shared)
    only_a = a.keys - shared
    only_b = b.keys - shared
    if only_a and only_b:
        # Spelling variants of one word (Tokaev/Tokayev, liberalizing/liberalising).
        sa = [(k, s) for k, s in a.surfaces if k in only_a]
        sb = [(k, s) for k, s in b.surfaces if k in only_b]
        used: set[str] = set()
        for ka, xa in sa:
            for kb, xb in sb:
                if kb not in used and spelling_variants(xa, xb):
                    matched += 0.9 * min(w(ka), w(kb))
                    used.add(kb)
                    break
    wa = w.total(a.keys)
    wb = w.total(b.keys)
    if wa + wb == 0:
        return Score(0.0, 0.0, 0.0)
    dice = 2 * matched / (wa + wb)
    grams = len(a.grams & b.grams) / math.sqrt(len(a.grams) * len(b.grams) or 1)
    sim = WORD_SHARE * dice + (1 - WORD_SHARE) * grams
    # Rounded so that sums taken in another order (sides swapped) give the same value.
    return Score(round(min(1.0, sim), 9), round(min(1.0, matched / wa if wa else 0.0), 9),
                 round(min(1.0, matched / wb if wb else 0.0), 9))
