"""Links the facts table makes: a figure both texts give, in sentences nothing else pairs.

Two outlets' own reports often give one figure in sentences that share little else: "About
12,000 homes collapsed when the quake struck Sunday afternoon in Ludian county" against
"More than 22,550 houses collapsed and nearly 200,000 others were damaged". Their words
barely meet, so neither the aligner nor the shared-fact pass (:mod:`.overlap`) pairs them,
and the second sentence was reported as said only on the right although the left states
its main fact, differently. The facts table (:mod:`.facts`) matches the two figures (a
thing of a known class, said once in each text); this pass turns that match into a link.

A fact link is an overlap (``relation="overlap"``): the two sentences share the figure and
each says more. Its kind is ``conflict`` when the two figures disagree (the disagreement
is its conflict), else ``paraphrase``. The evidence is one figure, so the bar is set on
what it is:

* a quantity, not a date or a time ("on Sunday" dates many events of one story);
* specific: it says what it counts ("dead", "houses"), carries a unit or currency
  ("$1.2 million"), or has three digits or more ("253") and the two sentences have another
  word in common ("toll" / "killed" are no such word, "Easter" is): bare numbers coincide;
* in two sentences of prose (a headline sums the story up: its figure is the story's,
  not one sentence's), not already in one pair, one of them at least said only on its side;
* in texts of a few sentences at least (``MIN_SENTENCES``, as for shared facts): in a text
  of a sentence or two every figure is "said once".

When both sentences are unpaired they become a pair like any other. When one of them
already belongs to a pair (its other facts have a counterpart elsewhere), the link is a
*cross* pair (``cross=True``): that sentence is in two pairs, its own and this one, and
views show it under its own pair and draw the cross link to it. Each unpaired sentence
takes one fact link, each paired one at most one.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence

from .align import extras_in_chain
from .memo import per_text
from .model import ConflictSpan, Fact, Kind, Pair, Sentence
from .overlap import MIN_SENTENCES
from .text import tokenize

#: quantities that name rather than measure ("Section 5"), or say no figure ("hundreds")
_NO_FIGURE = frozenset({"ref", "vague"})
#: digits that make a bare number specific enough to stand for a fact ("253", "1,891")
SPECIFIC_DIGITS = 3


def _specific(f: Fact) -> bool:
    """Is this fact a quantity specific enough that two texts giving it share a fact?"""
    if f.kind != "quantity" or f.dim in _NO_FIGURE:  # dates and times are kinds of their own
        return False
    return _told(f) or sum(ch.isdigit() for ch in f.text) >= SPECIFIC_DIGITS


def _told(f: Fact) -> bool:
    """Does the figure say what it is: what it counts, a unit or currency, a measure?"""
    return bool(f.about or f.unit or f.dim != "count")


@per_text(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """The content words of a sentence (their keys), numbers left out."""
    return frozenset(t.key for t in tokenize(text) if t.content and not t.text[:1].isdigit())


def link_by_facts(
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    pairs: Sequence[Pair],
    facts: Sequence[Fact],
    make_pair: Callable[[int, int, bool], Pair],
) -> list[Pair]:
    """``pairs`` with the fact links added (see the module's doc), in reading order.

    ``make_pair(i, j, cross)`` builds the pair of left sentence ``i`` and right sentence
    ``j`` (its word diff and similarity); this pass sets its conflicts from the facts.
    """
    if not (_enough(left) and _enough(right)):
        return list(pairs)  # in a text of a sentence or two every figure is "said once"
    # the pair of each sentence (every sentence is in one, furniture too)
    own_l = {i: n for n, p in enumerate(pairs) for i in p.left}
    own_r = {j: n for n, p in enumerate(pairs) for j in p.right}
    found: dict[tuple[int, int], list[tuple[Fact, Fact]]] = {}  # candidates, their figures
    for f in facts:
        if f.side != "left" or f.counterpart is None or not _specific(f):
            continue
        g = facts[f.counterpart]  # (about the same thing: told alike, or bare alike)
        i, j = f.sentences[0], g.sentences[0]
        if (i, j) in found:
            found[(i, j)].append((f, g))
            continue
        a, b = own_l[i], own_r[j]
        if (
            a == b
            or (pairs[a].kind is not Kind.MISSING and pairs[b].kind is not Kind.MISSING)
            or left[i].block != "prose"
            or right[j].block != "prose"
        ):
            continue
        if not _told(f) and not _words(left[i].text) & _words(right[j].text):
            continue  # a bare number, and not one other word in common: a coincidence
        found[(i, j)] = [(f, g)]
    if not found:
        return list(pairs)
    # one link a sentence, in reading order: two candidates that compete share a sentence,
    # so their order is that of their other sentences whichever text is on the left, and
    # swapping the texts swaps the links
    taken: set[tuple[str, int]] = set()
    links: dict[tuple[int, int], list[tuple[Fact, Fact]]] = {}
    for i, j in sorted(found):
        if ("left", i) not in taken and ("right", j) not in taken:
            taken.update({("left", i), ("right", j)})
            links[(i, j)] = found[(i, j)]
    said: dict[tuple[str, int], set[str]] = defaultdict(set)  # linked sentence -> its figures
    for f in facts:
        if (f.side, f.sentences[0]) in taken:
            said[(f.side, f.sentences[0])].add(f.value)
    out: list[Pair | None] = list(pairs)
    placed: dict[int, list[Pair]] = {}  # index in ``pairs`` -> fact links put after it
    hosts: set[int] = set()  # (ids of) the pairs holding a cross link's other sentence
    for (i, j), figures in links.items():
        a, b = own_l[i], own_r[j]
        free_l, free_r = pairs[a].kind is Kind.MISSING, pairs[b].kind is Kind.MISSING
        pair = make_pair(i, j, not (free_l and free_r))
        # a figure the other sentence also gives is no disagreement, whichever figure the
        # table matched it with ("detained 16 more, bringing the number held to 76" /
        # "detained 76 people")
        conflicts = tuple(
            ConflictSpan("number", f.text, g.text)
            for f, g in figures
            if g.agree is False
            and g.value not in said[("left", i)]
            and f.value not in said[("right", j)]
        )
        pair = dataclasses.replace(
            pair,
            kind=Kind.CONFLICT if conflicts else Kind.PARAPHRASE,
            conflicts=conflicts,
        )
        # the link stands where its unpaired sentence stood (the first, if both were)
        at = min(a, b) if free_l and free_r else a if free_l else b
        placed.setdefault(at, []).append(pair)
        if pair.cross:  # its order is judged without the pair it shares a sentence with
            hosts.add(id(pairs[b if free_l else a]))
        for n, free in ((a, free_l), (b, free_r)):
            if free:
                out[n] = None
    merged: list[Pair] = []
    fresh: list[int] = []  # where the fact links stand in ``merged`` (in order)
    for n, p in enumerate(out):
        if p is not None:
            merged.append(p)
        for link in placed.get(n, ()):
            fresh.append(len(merged))
            merged.append(link)
    return _with_moved(merged, fresh, hosts, len(left), len(right))


def _with_moved(pairs: list[Pair], fresh: list[int], hosts: set[int], n: int, m: int) -> list[Pair]:
    """``pairs`` with each fact link (at the indices ``fresh``) moved when it is out of
    order with the in-order pairs and the other links, as the aligner judges its own: the
    heaviest chain of them all decides (a link may stay in order where an in-order pair
    then is not, which the aligner had no other candidate to judge against). A cross link
    shares a sentence with its host pair, so it can never follow that pair in both texts:
    it is judged against the others (``hosts``: the hosts' ids)."""
    links = set(fresh)
    anchors = [
        (min(p.left), min(p.right))
        for k, p in enumerate(pairs)
        if p.left and p.right and not p.moved and k not in links and id(p) not in hosts
    ]
    kept = extras_in_chain(
        anchors, [(min(pairs[k].left), min(pairs[k].right)) for k in fresh], n, m
    )
    out = list(pairs)
    for c, k in enumerate(fresh):
        if c not in kept:
            out[k] = dataclasses.replace(out[k], moved=True)
    return out


def _enough(sentences: Sequence[Sentence]) -> bool:
    """Has a text ``MIN_SENTENCES`` sentences that are not page furniture?"""
    n = 0
    for s in sentences:
        n += s.block != "furniture"
        if n >= MIN_SENTENCES:
            return True
    return False
