"""The two headlines of two reports of one event are linked.

Two outlets' headlines of one story rarely share many words ("China earthquake: 12,000
homes collapse, hundreds dead" / "Earthquake in China's Yunnan province razes an
estimated 22,550 houses"), so the aligner's similarity bar leaves them apart, and the
shared-fact pass, which weighs words by their rarity in the texts, finds the story's
commonest words there. Yet a reader lays the two headlines side by side first: each says
what its outlet thinks the news is, and a figure they give differently is a disagreement
to see at once.

So when each text opens with a headline (a short line standing alone above more text,
see :mod:`.segment`), neither of which the other passes paired, the two are linked when
they share some words at all (:data:`HEADLINE_FLOOR`). The link is an overlap unless one
covers the other (its conflicts are then only those of a shared fact, see
:func:`~kzdiff.core.overlap.shared_fact_conflicts`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .align import Group
from .overlap import relation_of
from .similarity import Features, Weights, score

#: lexical similarity two headlines need: some words in common (the story's name, place)
HEADLINE_FLOOR = 0.10
#: a headline is a short line: at most this many words ...
HEADLINE_WORDS = 25
#: ... above a text: each side needs this many sentences in all (two one-line texts are
#: two sentences to compare, which the aligner judges alone, not two articles' headlines)
MIN_SENTENCES = 3


def headline_group(
    groups: Sequence[Group],
    left_blocks: Sequence[str],
    right_blocks: Sequence[str],
    lf: Sequence[Features | None],
    rf: Sequence[Features | None],
    w: Weights,
) -> Group | None:
    """A 1:1 group of the two texts' headlines, when both open with one and neither is
    paired yet; else None. ``*_blocks`` are the sentences' blocks ("line" or "prose"),
    ``lf``/``rf`` their features (None for a sentence that takes no part)."""
    if min(len(lf), len(rf)) < MIN_SENTENCES:
        return None
    if left_blocks[0] != "line" or right_blocks[0] != "line":
        return None
    a, b = lf[0], rf[0]
    if a is None or b is None or not _short(a) or not _short(b):
        return None
    if any(0 in g.left or 0 in g.right for g in groups):
        return None
    sc = score(a, b, w)
    # (equivalent mutant: "<=" differs only at a similarity of exactly the floor, a blend
    # with a trigram share over a square root that no two lines give)
    if sc.similarity < HEADLINE_FLOOR:  # pragma: no mutate
        return None
    return Group((0,), (0,), sc, False, relation_of(sc))


def _short(f: Features) -> bool:
    return 0 < len(f.tokens) <= HEADLINE_WORDS
