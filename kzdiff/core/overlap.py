"""Links for shared facts: sentences that report one fact inside otherwise different text.

Two outlets' own reports of one event rarely share whole sentences. "Abah Abah was
sentenced to 25 years in prison by a special criminal court for embezzling 6 billion CFA
francs" and "The former Director of Taxation and others were found guilty of embezzling
over FCFA 6 billion" share one fact and each says more, so their similarity (a share of
all their words) stays under the aligner's bar, and, the texts having no common order,
no confident neighbour vouches for them either.

This pass runs after the aligner, on the sentences it left unpaired. What it measures is
not a share but an amount: the summed rarity weight of the content words (and number
values: "eight" = "8") the two sentences have in common. A sentence pair carrying several
rare shared words (a name, a sum, what it counts) shares a fact; two unrelated sentences
that share a name or a number do not reach it. Pairs are taken greedily, heaviest first,
each sentence at most once, and only when their similarity is also not negligible, so a
long sentence cannot collect a partner from scattered common words alone. A sentence left
over may then join its best partner's pair (1:2 or 2:1, not necessarily adjacent) when it
passes the same test with that partner: one sentence whose facts the other text spreads
over two.

A pair found here is an *overlap* (``relation="overlap"``): its kind is still identical,
paraphrase or conflict, but conflicts are looked for only in the shared fact
(:func:`shared_fact_conflicts`): a number counts as disagreeing only when the words
around it on each side say it counts the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import ConflictSpan
from .similarity import Features, Score, Weights, merge, score
from .text import fold, key, number_value, tokenize

#: shared weight (a word found once in each text weighs 1) an overlap needs: about three
#: rare words in common, e.g. a name, an amount and what the amount counts
OVERLAP_WEIGHT = 2.4
#: ... and a similarity (see :func:`~kzdiff.core.similarity.score`) of at least this much,
#: so that two long sentences sharing several common words of the story are not linked
OVERLAP_SIM = 0.30
#: a number value both sides give in different words ("eight" / "8") counts this much
VALUE_WEIGHT = 0.5
#: how many partners each unpaired sentence is scored against
OVERLAP_TOP_K = 6
#: words after a number that say what it counts ("30 million *pounds*", "four *crew members*")
CONTEXT = 3
#: sentences each text needs for the pass to run: the weights are rarity within the
#: documents, and in two texts of a sentence or two every word is equally rare, so a few
#: shared words say nothing about a shared *fact* (the similarity bar alone decides there)
MIN_SENTENCES = 3
#: a pair neither of whose sentences is covered this much by the other (share of its
#: weight matched there) says more than what it shares on both sides: an overlap
SAME_COVER = 0.5
#: relation of a pair: the same content, or one shared fact with more said on each side
SAME, OVERLAP = "same", "overlap"


def relation_of(sc: Score) -> str:
    """'overlap' when each side of a scored pair says much the other does not, else 'same'."""
    return OVERLAP if max(sc.cover_left, sc.cover_right) < SAME_COVER else SAME


def number_values(f: Features) -> frozenset[str]:
    """The values of the numbers in a sentence ("eight" and "8" both give '8')."""
    words = [t.text for t in f.tokens]
    out = set()
    i = 0
    while i < len(words):
        got = number_value(words, i)
        if got is None:
            i += 1
            continue
        out.add(got[0])
        i += got[1]
    return frozenset(out)


def shared_weight(
    a: Features,
    b: Features,
    w: Weights,
    values: tuple[frozenset[str], frozenset[str]] | None = None,
) -> float:
    """The rarity weight of what two sentences have in common: content keys, plus number
    values given in different words on each side (``values``: both sentences'
    :func:`number_values`, if the caller has them)."""
    shared = (a.keys - a.stops) & (b.keys - b.stops)
    total = sum(w(k) for k in shared)
    va, vb = values or (number_values(a), number_values(b))
    return total + VALUE_WEIGHT * len((va & vb) - shared)


def _too_light(f: Features | None, w: Weights) -> bool:
    """Could this sentence not share enough with any other, even if all its words were?"""
    if f is None:
        return True
    content = f.keys - f.stops
    return sum(w(k) for k in content) + VALUE_WEIGHT * len(content) < OVERLAP_WEIGHT


def overlap_pairs(
    left: Sequence[Features | None],
    right: Sequence[Features | None],
    w: Weights,
    taken_left: Iterable[int],
    taken_right: Iterable[int],
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """(left ids, right ids, similarity) of the shared-fact groups among sentences not
    yet paired: 1:1, or 1:2 / 2:1 when one side's sentence shares a fact with two of the
    other's (which need not be adjacent).

    Candidates come from an inverted index of content keys (as in the aligner), so the
    pass stays near-linear in the number of unpaired sentences.
    """
    from .align import candidates  # align imports nothing from here; avoid a cycle at load

    if min(len(left), len(right)) < MIN_SENTENCES:
        return []
    tl, tr = set(taken_left), set(taken_right)
    lf = [None if i in tl or _too_light(f, w) else f for i, f in enumerate(left)]
    rf = [None if j in tr or _too_light(f, w) else f for j, f in enumerate(right)]
    if not any(lf) or not any(rf):
        return []
    found = []
    values: dict[tuple[int, int], frozenset[str]] = {}  # (side, index) -> number values
    for i, j in candidates(lf, rf, w, top_k=OVERLAP_TOP_K):
        a, b = lf[i], rf[j]
        if a is None or b is None:
            continue
        va = values.get((0, i))
        if va is None:
            va = values[(0, i)] = number_values(a)
        vb = values.get((1, j))
        if vb is None:
            vb = values[(1, j)] = number_values(b)
        weight = shared_weight(a, b, w, (va, vb))
        if weight < OVERLAP_WEIGHT:
            continue
        sim = score(a, b, w).similarity
        if sim >= OVERLAP_SIM:
            # heaviest first; ties by position, which reads the same with the sides swapped
            found.append((-round(weight, 9), -sim, min(i, j), i, j))
    found.sort()
    group_of_l: dict[int, int] = {}
    group_of_r: dict[int, int] = {}
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for _, _, _, i, j in found:
        if i not in group_of_l and j not in group_of_r:
            group_of_l[i] = group_of_r[j] = len(groups)
            groups.append(((i,), (j,)))
    # One sentence may carry facts that the other text spreads over two: a sentence still
    # unpaired joins its heaviest partner's pair when that pair is 1:1.
    for _, _, _, i, j in found:
        if (i in group_of_l) == (j in group_of_r):
            continue
        if i in group_of_l:
            g = group_of_l[i]
            lt, rt = groups[g]
            if len(lt) == len(rt) == 1:
                groups[g] = (lt, tuple(sorted((*rt, j))))
                group_of_r[j] = g
        else:
            g = group_of_r[j]
            lt, rt = groups[g]
            if len(lt) == len(rt) == 1:
                groups[g] = (tuple(sorted((*lt, i))), rt)
                group_of_l[i] = g
    out = []
    for lt, rt in groups:
        a = merge([left[x] for x in lt])
        b = merge([right[x] for x in rt])
        out.append((lt, rt, score(a, b, w).similarity))
    return out


def _contexts(text: str, surface: str) -> list[set[str]]:
    """For each place ``surface`` (a number as written) stands in ``text``: the content
    keys of the few words after it, which say what the number counts. (Words before it
    often belong to the sentence's other content: "date 2025-08-24 Researchers ...".)"""
    toks = tokenize(text)
    words = [fold(t.text) for t in toks]
    target = [fold(x) for x in surface.split()]
    out = []
    for n in range(len(words) - len(target) + 1):
        if words[n : n + len(target)] != target:
            continue
        lo, hi = n + len(target), min(len(toks), n + len(target) + CONTEXT)
        out.append(
            {
                key(t.text)
                for t in toks[lo:hi]
                if t.content and not t.text[:1].isdigit() and number_value([t.text], 0) is None
            }
        )
    return out


def shared_fact_conflicts(
    left: str, right: str, conflicts: Sequence[ConflictSpan]
) -> tuple[ConflictSpan, ...]:
    """The conflicts of an overlap pair that concern its shared fact.

    Sentences that share one fact say different things around it, so a number, name or
    negation found on one side only is usually just more content. A number conflict is
    kept when the words around the two numbers share a content word (30 million *pounds*
    vs 35 million *pounds*; not four *crew members* vs five *Indian nationals*); dates are
    kept likewise. Other kinds need word-for-word correspondence an overlap does not have.
    """
    out = []
    for c in conflicts:
        if c.type not in ("number", "date") or not c.left or not c.right:
            continue
        cl, cr = _contexts(left, c.left), _contexts(right, c.right)
        if any(x & y for x in cl for y in cr):
            out.append(c)
    return tuple(out)
