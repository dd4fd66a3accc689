"""Sentence alignment: which sentences of the two texts belong together.

The method, in four steps, each near-linear in the number of sentences:

1. **Candidates**. The caller may pass *fixed* pairs (sentences whose exact text is unique
   on each side, and runs of copies, see :func:`copy_runs`; they are never re-scored).
   Sentences between the same two in-order fixed pairs are paired up exhaustively when
   the gap is small: that is where an edited sentence usually stays. Sentences without
   a confident partner there search an inverted index of content keys (and name
   skeletons): rare keys' postings are read within a budget, common keys only re-rank
   what was found, so long documents never pay n*m.
2. **Anchors**: the fixed pairs, then confident 1:1 pairs taken greedily by similarity.
   The heaviest chain of anchors that is in order on both sides is the *backbone*;
   anchors off it are moves.
3. **Fill**: weaker pairs are accepted when they sit in order between backbone pairs, or,
   for an out-of-order (moved) pair, only when they are strong. When in doubt a sentence
   stays unaligned: a wrong partner is worse than none.
4. **Splits and merges**: an unaligned sentence next to an aligned one joins its group
   (1:2 or 2:1) when the partner covers it and the group's similarity rises.

Finally the heaviest in-order chain of all groups decides which are flagged ``moved``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz.distance import Indel

from .similarity import IDENTICAL_SCORE, Features, Score, Weights, merge, score
from .text import skeleton

ANCHOR = 0.52  # a pair this similar is trusted anywhere (the best MRPC/STS cut-off)
LINK = 0.30  # an in-order pair needs this much
MOVE = 0.42  # an out-of-order pair needs this much ...
MOVE_MUTUAL = 0.33  # ... or this much if each is the other's best partner and one is mostly
MOVE_COVER = 0.45  # covered by the other (a moved sentence with context added around it)
MERGE_GAIN = 0.03  # a split/merge must raise the group's similarity by this much
MERGE_COVER = 0.5  # ... and the added sentence must be this much covered by the partner
SAME_BLOCK = 0.03  # prefer partners of the same kind (prose with prose, caption with caption)
TOP_K = 4
POSTINGS_BUDGET = 200  # postings read per sentence, rarest keys first,
REFINE = 24  # ... and only this many best partners so far are re-ranked by common keys
GAP_MAX = 8  # right-side sentences in a gap between fixed pairs to pair up exhaustively
COMMON_SLICE = 40  # postings read of the rarest key when even it is over budget
RUN_MIN = 32  # equal sentences in a row that make a run of copies (see copy_runs)


class Group(NamedTuple):
    """Aligned sentences of the two texts (their ids), how alike they are, whether they
    are out of order, and their relation (see :mod:`.overlap`). A named tuple: a 10k
    comparison makes 30,000 (every group mirrored into place twice)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: Score
    moved: bool = False
    relation: str = "same"  # or "overlap": one shared fact, each side says more


def copy_runs(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of sentences in runs of copies: RUN_MIN or more equal sentences in a row (a
    list of identical lines, a repeated refrain), paired run with run, in order.

    Every copy of a sentence is a candidate for the copies of it nearest its place on the
    other side, so 150,000 lines of "- item" made 600,000 candidate pairs for the anchor
    search. Here the runs are matched as a diff matches equal lines (the longest common
    subsequence of the two sides' runs, by rapidfuzz in C++) and each matched pair of runs
    is paired up copy by copy, spread along the longer run as the anchor search spreads
    them along the diagonal (see :func:`_spread`); the copies that remain go to the
    aligner as before. Articles never repeat a sentence RUN_MIN times in a row, so their
    alignment is not changed by this.
    """
    lr, rr = _runs(left), _runs(right)
    if not lr or not rr:
        return []
    n, m = max(1, len(left)), max(1, len(right))
    out: list[tuple[int, int]] = []
    # each text as a number of its own: rapidfuzz compares hashes, and two texts must
    # never meet by a chance collision of theirs
    code: dict[str, int] = {}
    lcodes = [code.setdefault(t, len(code)) for t, _, _ in lr]
    rcodes = [code.setdefault(t, len(code)) for t, _, _ in rr]
    for op in Indel.opcodes(lcodes, rcodes):
        if op.tag != "equal":
            continue
        for (_, a0, p), (_, b0, q) in zip(
            lr[op.src_start : op.src_end], rr[op.dest_start : op.dest_end], strict=True
        ):
            # (equivalent mutant: runs of one length pair copy by copy whichever is "short")
            if p <= q:  # pragma: no mutate
                out.extend((a0 + k, j) for k, j in enumerate(_spread(a0, p, n, b0, q, m)))
            else:
                out.extend((i, b0 + k) for k, i in enumerate(_spread(b0, q, m, a0, p, n)))
    return out


def _runs(texts: Sequence[str]) -> list[tuple[str, int, int]]:
    """(text, first position, length) of each run of RUN_MIN or more equal texts in a row."""
    out = []
    start = 0
    for k in range(1, len(texts) + 1):
        if k == len(texts) or texts[k] != texts[start]:
            if k - start >= RUN_MIN:
                out.append((texts[start], start, k - start))
            start = k
    return out


def _spread(x0: int, short: int, ns: int, y0: int, long: int, nl: int) -> list[int]:
    """Partners of the ``short`` copies from position x0 (of a side of ns sentences) in a
    run of ``long`` (>= short) copies from y0 (of a side of nl): each at the nearest whole
    position to its own relative position (x * nl / ns), moved just enough to keep them
    in order and in the run. The anchor search, which prefers pairs near the diagonal of
    the two texts, pairs copies so; and the unpaired copies of the longer run are spread
    evenly, not heaped at one end. Integer arithmetic, rounding halves up."""
    out = []
    prev = y0 - 1
    for k in range(short):
        x = x0 + k
        want = (2 * x * nl + ns) // (2 * ns)
        prev = min(max(want, prev + 1), y0 + long - short + k)
        out.append(prev)
    return out


def _index(feats: Sequence[Features]) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for n, f in enumerate(feats):
        if f is None:
            continue
        for k in f.keys - f.stops:
            idx[k].append(n)
        for t in f.tokens:
            if t.name and len(t.text) >= 4:
                sk = "~" + skeleton(t.text)
                lst = idx[sk]
                if not lst or lst[-1] != n:
                    lst.append(n)
    return idx


def _probe_keys(f: Features) -> set[str]:
    return set(f.keys - f.stops) | {
        "~" + skeleton(t.text) for t in f.tokens if t.name and len(t.text) >= 4
    }


def gap_around(anchors: Sequence[tuple[int, int]], i: int, n_right: int) -> tuple[int, int]:
    """The right-side positions (lo, hi) of the in-order pairs just before and after left
    sentence ``i``; ``anchors`` are (left, right) pairs sorted by left, ``i`` not among
    them. A partner of ``i`` strictly between lo and hi keeps the order of both texts."""
    k = bisect.bisect_left(anchors, i, key=itemgetter(0))
    lo = anchors[k - 1][1] if k > 0 else -1
    hi = anchors[k][1] if k < len(anchors) else n_right
    return lo, hi


def gap_candidates(
    left: Sequence[Features | None],
    right: Sequence[Features | None],
    fixed: Sequence[tuple[int, int]],
) -> set[tuple[int, int]]:
    """Sentences between the same two in-order fixed pairs on each side: the usual place of
    an edited sentence in a revision. Small gaps are paired up exhaustively."""
    n, m = len(left), len(right)
    chain = heaviest_chain([chain_item(i, j, 1.0, n, m) for i, j in fixed])
    anchors = sorted(fixed[n] for n in chain)
    out: set[tuple[int, int]] = set()
    for i, f in enumerate(left):
        if f is None:
            continue
        lo, hi = gap_around(anchors, i, len(right))
        if hi - lo - 1 <= GAP_MAX:
            out.update((i, j) for j in range(lo + 1, hi) if right[j] is not None)
    return out


def candidates(
    left: Sequence[Features | None],
    right: Sequence[Features | None],
    w: Weights,
    skip: tuple[set[int], set[int]] = (set(), set()),
    top_k: int = TOP_K,
    indexes: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None,
    identical: bool = True,
    refine: bool = True,
) -> set[tuple[int, int]]:
    """A few likely partners for every sentence, found both ways (so the result is symmetric).

    ``indexes`` (of the left and the right features, see :func:`_index`) may come from an
    earlier call on the same texts; a sentence they hold whose features are now None is
    passed over. With ``identical``, identical sentences are candidates too; with
    ``refine``, keys too common to search re-rank the best partners found.
    """
    out = identical_candidates(left, right) if identical else set()
    weight = w.table.get
    for src, dst, flip, done in ((left, right, False, skip[0]), (right, left, True, skip[1])):
        idx = _index(dst) if indexes is None else indexes[0 if flip else 1]
        # Copies of one sentence find the same partners (the search depends only on the
        # words): search once per distinct sentence, or 10,000 copies cost 10,000 searches;
        # and not at all for a sentence with identical copies on the other side, which
        # identical_candidates has already paired with the nearest of them.
        found: dict[str, list[int]] = {}
        copied = {g.norm for g in dst if g is not None and g.norm}
        for a, f in enumerate(src):
            if f is None or a in done:  # fixed, or already has a confident partner nearby
                continue
            if f.norm in copied:
                continue
            if f.norm in found:
                out.update((b, a) if flip else (a, b) for b in found[f.norm])
                continue
            acc: dict[int, float] = defaultdict(float)
            # Rare keys first: their postings are read while a budget lasts, which finds
            # the likely partners. Common keys would make the search quadratic in the
            # document length, so they only re-rank those partners (a set lookup each).
            # (sorted as (length, key) tuples: a key function was a Python call per key)
            keys = [k for _, k in sorted([(len(idx[k]), k) for k in _probe_keys(f) if k in idx])]
            budget = POSTINGS_BUDGET
            common: list[tuple[str, float]] = []
            for k in keys:
                post = idx[k]
                wk = weight(k, 1.0) if not k.startswith("~") else 0.5  # (what w(k) gives)
                if len(post) <= budget or not acc:
                    read = max(budget, COMMON_SLICE)
                    for b in post if len(post) <= read else post[:read]:
                        if dst[b] is not None:
                            acc[b] += wk
                    budget -= len(post)
                elif refine and not k.startswith("~"):
                    common.append((k, wk))
            if common:
                for b, _ in _largest(REFINE, acc):
                    keys_b = dst[b].keys
                    acc[b] += sum([wk for k, wk in common if k in keys_b])
            # (stable: ties keep their deterministic order of discovery)
            top = [b for b, _ in _largest(top_k, acc)]
            found[f.norm] = top
            out.update((b, a) if flip else (a, b) for b in top)
    return out


def _largest(n: int, acc: dict[int, float]) -> list[tuple[int, float]]:
    """The ``n`` heaviest (sentence, weight) of ``acc``, ties in the order found: what
    ``heapq.nlargest`` gives (its documented equivalent), sorted in C rather than kept
    in a heap in Python, which was a tenth of the search."""
    return sorted(acc.items(), key=itemgetter(1), reverse=True)[:n]


def identical_candidates(
    left: Sequence[Features | None], right: Sequence[Features | None]
) -> set[tuple[int, int]]:
    """Identical sentences are always candidates, whatever their words.

    A sentence repeated many times (a refrain, a boilerplate line) pairs with the TOP_K
    copies nearest its own relative position, looked for from both sides, so that
    swapping the texts gives the same candidates.
    """
    n, m = max(1, len(left)), max(1, len(right))
    where: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, feats in enumerate((left, right)):
        for x, f in enumerate(feats):
            if f is not None and f.norm:
                where[f.norm][side].append(x)
    out: set[tuple[int, int]] = set()
    for ls, rs in where.values():
        if not (ls and rs):
            continue
        for a in ls:
            out.update((a, b) for b in _nearest(rs, a / n, m))
        for b in rs:
            out.update((a, b) for a in _nearest(ls, b / m, n))
    return out


def _nearest(xs: list[int], rel: float, size: int) -> list[int]:
    """The TOP_K positions of ascending ``xs`` nearest relative position ``rel`` (ties to
    the lower), as ``sorted(xs, key=(abs(rel - x / size), x))[:TOP_K]`` but from a window
    around the bisection point: sorting every copy for every copy was quadratic in the
    copies (20,000 lines of "Yes." took 80 s)."""
    k = bisect.bisect_left(xs, rel * size)
    window = xs[max(0, k - TOP_K) : k + TOP_K]
    # (tuples sorted as they are, not by a key function: one Python call per copy less;
    # the order is the same, as xs holds no position twice)
    return [x for _, x in sorted([(abs(rel - x / size), x) for x in window])[:TOP_K]]


def chain_item(i: int, j: int, weight: float, n: int, m: int) -> tuple[int, int, float]:
    """A pair for :func:`heaviest_chain`, its weight raised by far less than any real
    difference for being near the diagonal of the n x m texts.

    Chains of equal weight (repeated sentences) are then chosen by where the pairs lie,
    which does not change when the two texts are swapped, rather than by scan order.
    """
    return i, j, weight + 1e-6 * (1.0 - abs(i / max(1, n) - j / max(1, m)))


def heaviest_chain(items: Sequence[tuple[int, int, float]]) -> set[int]:
    """Indices of the heaviest subsequence of (i, j, weight) increasing in both i and j.

    O(k log k) with a Fenwick tree of prefix maxima over j.
    """
    if not items:
        return set()
    if _all_in_order(items):
        return set(range(len(items)))
    js = sorted({j for _, j, _ in items})
    rank = {j: r + 1 for r, j in enumerate(js)}
    size = len(js)
    # (equivalent mutant: a longer tree is never read past ``size``)
    tree_val = [0.0] * (size + 1)  # pragma: no mutate
    tree_idx = [-1] * (size + 1)
    # (sort keys made once and read by index: a lambda per item was a third of the cost on
    # 150,000 copies of a line; and one int per item, (i, -j) packed, compares faster than
    # a tuple; equal keys keep the listed order, as the sort is stable)
    order_keys = [i * size + (size - rank[j]) for i, j, _ in items]
    order = sorted(range(len(items)), key=order_keys.__getitem__)
    best = [0.0] * len(items)
    prev = [-1] * len(items)
    for n in order:
        _, j, wt = items[n]
        rj = rank[j]
        r = rj - 1
        val, arg = 0.0, -1
        while r > 0:
            if tree_val[r] > val:
                val, arg = tree_val[r], tree_idx[r]
            r -= r & -r
        here = val + wt
        best[n] = here
        prev[n] = arg
        r = rj
        while r <= size:
            if here > tree_val[r]:
                tree_val[r], tree_idx[r] = here, n
            r += r & -r
    # the heaviest end, ties to the smallest (i, j), then the first listed
    top = max(best)
    end = min((n for n in range(len(items)) if best[n] == top), key=lambda n: items[n][:2])
    chain = set()
    while end != -1:
        chain.add(end)
        end = prev[end]
    return chain


def extras_in_chain(
    anchors: Sequence[tuple[int, int]], extras: Sequence[tuple[int, int]], n: int, m: int
) -> set[int]:
    """Which of ``extras`` (their indices) the heaviest chain of ``anchors`` and ``extras``
    together takes, each (left, right) pair of the n x m texts weighing 1 (see
    :func:`chain_item`).

    When the anchors are in order among themselves (the in-order groups of an alignment),
    an anchor in order with every extra is in that chain (adding it to any chain keeps a
    chain, and weighs more), so only the anchors some extra is out of order with compete
    with the extras: a few new links judged against 10,000 groups cost a chain of 10,000
    each time (0.035 s) before.
    """
    new = [chain_item(i, j, 1.0, n, m) for i, j in extras]
    ordered = sorted(anchors)
    if not all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(ordered)):
        chain = heaviest_chain([*(chain_item(i, j, 1.0, n, m) for i, j in anchors), *new])
        return {k for k in range(len(extras)) if len(anchors) + k in chain}
    ai = [a[0] for a in ordered]
    aj = [a[1] for a in ordered]
    clash: set[int] = set()
    for i, j in extras:
        # the anchors before it in both texts, and those after it in both, are in order
        # with it: the rest lie between
        lo = min(bisect.bisect_left(ai, i), bisect.bisect_left(aj, j))
        hi = max(bisect.bisect_right(ai, i), bisect.bisect_right(aj, j))
        clash.update(range(lo, hi))
    rivals = [chain_item(*ordered[x], 1.0, n, m) for x in sorted(clash)]
    chain = heaviest_chain([*rivals, *new])
    return {k for k in range(len(extras)) if len(rivals) + k in chain}


def _all_in_order(items: Sequence[tuple[int, int, float]]) -> bool:
    """Are the items, as listed, increasing in both i and j, each adding to the weight of
    those before it? Then the heaviest chain is all of them: two texts that differ only by
    deletions and insertions end with 150,000 such groups, which need no tree."""
    i0, j0, total = -1, -1, 0.0
    for i, j, wt in items:
        if i <= i0 or j <= j0 or not total + wt > total:
            return False
        i0, j0, total = i, j, total + wt
    return True


class Aligner:
    """Aligns two lists of sentence features; see the module docstring for the method."""

    def __init__(
        self,
        left: Sequence[Features],
        right: Sequence[Features],
        left_blocks: Sequence[str] | None = None,
        right_blocks: Sequence[str] | None = None,
        fixed: Sequence[tuple[int, int]] = (),
    ):
        """``fixed`` pairs are known to be the same sentence (the caller matched their text
        exactly); their features may be None, and they are never re-scored."""
        self.L, self.R = left, right
        self.lb = left_blocks or ["prose"] * len(left)
        self.rb = right_blocks or ["prose"] * len(right)
        self.fixed = list(fixed)
        self.w = Weights([f for f in left if f is not None], [f for f in right if f is not None])
        #: the inverted indexes of both sides' features, kept for later passes (overlap)
        self.indexes: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None

    def _rank_key(self, scores: dict[tuple[int, int], Score]):
        """The order pairs are taken in: the most similar first (a bonus for the same kind
        of block), then nearest the diagonal, then earliest. One call per pair (a million
        candidate pairs of copies are sorted by it)."""
        n, m = max(1, len(self.L)), max(1, len(self.R))
        lb, rb = self.lb, self.rb

        def key(p: tuple[int, int]) -> tuple[float, float, int, int]:
            i, j = p
            s = scores[p].similarity + (SAME_BLOCK if lb[i] == rb[j] else 0.0)
            return (-s, abs(i / n - j / m), i + j, abs(i - j))

        return key

    def _ranked(
        self,
        scores: dict[tuple[int, int], Score],
        left_of: dict[int, int],
        right_of: dict[int, int],
    ) -> list[tuple[int, int]]:
        """The pairs worth linking (similarity LINK or more) in the order they are taken
        (see :meth:`_rank_key`), leaving out the confident pairs of a sentence already
        paired (``left_of``, ``right_of``: fixed pairs and copies, which only grow).

        Those could only be passed over: 150,000 copies of a list line made 600,000 such
        pairs to sort. A pair below ANCHOR stays even so, as the first of them ends the
        anchor pass wherever it is ranked; the order of the others is what sorting them
        all gives (the sort is stable).
        """
        ranked = [
            p
            for p, s in scores.items()
            if s.similarity >= LINK
            and (s.similarity < ANCHOR or (p[0] not in left_of and p[1] not in right_of))
        ]
        ranked.sort(key=self._rank_key(scores))
        return ranked

    def align(self) -> list[Group]:
        L, R, w = self.L, self.R, self.w
        scores: dict[tuple[int, int], Score] = {}
        if self.fixed:
            # edited sentences usually stay between the same unchanged neighbours: try
            # there first, and search the whole text only for those not found there
            scores = {(i, j): score(L[i], R[j], w) for i, j in gap_candidates(L, R, self.fixed)}
        found_l = {i for (i, _), sc in scores.items() if sc.similarity >= ANCHOR}
        found_r = {j for (_, j), sc in scores.items() if sc.similarity >= ANCHOR}
        # (equivalent mutant: without them the overlap pass builds the same indexes itself)
        self.indexes = (_index(L), _index(R))  # pragma: no mutate
        for i, j in candidates(L, R, w, (found_l, found_r), indexes=self.indexes):
            if (i, j) not in scores:
                a, b = L[i], R[j]
                # copies of one sentence (150,000 list lines) need no call to know it
                # (equivalent mutant: score() gives IDENTICAL_SCORE for equal norms itself)
                scores[(i, j)] = (
                    IDENTICAL_SCORE if a.norm == b.norm else score(a, b, w)  # pragma: no mutate
                )
        for pair in self.fixed:
            scores[pair] = IDENTICAL_SCORE
        left_of: dict[int, int] = {}
        right_of: dict[int, int] = {}

        # 2. anchors: the fixed pairs, then copies of one sentence paired as a diff pairs
        # equal lines (the longest in-order chain), then the rest greedily
        n, m = len(L), len(R)
        anchors = list(self.fixed)
        for i, j in self.fixed:
            left_of[i], right_of[j] = j, i
        copies = [
            (i, j)
            for (i, j) in scores
            if L[i] is not None and R[j] is not None and L[i].norm and L[i].norm == R[j].norm
        ]
        if copies:
            both = self.fixed + copies
            chain = heaviest_chain([chain_item(i, j, 1.0, n, m) for i, j in both])
            for i, j in sorted(both[k] for k in chain):
                if i not in left_of and j not in right_of:
                    left_of[i], right_of[j] = j, i
                    anchors.append((i, j))
        ranked = self._ranked(scores, left_of, right_of)
        for i, j in ranked:
            if scores[(i, j)].similarity < ANCHOR:
                break
            if i not in left_of and j not in right_of:
                left_of[i], right_of[j] = j, i
                anchors.append((i, j))
        chain = heaviest_chain(
            [chain_item(i, j, 1.0 + scores[(i, j)].similarity, n, m) for i, j in anchors]
        )
        backbone = sorted(anchors[n] for n in chain)

        # 3. fill
        best_l: dict[int, float] = defaultdict(float)
        best_r: dict[int, float] = defaultdict(float)
        for (i, j), sc in scores.items():
            best_l[i] = max(best_l[i], sc.similarity)
            best_r[j] = max(best_r[j], sc.similarity)
        for i, j in ranked:
            if i in left_of or j in right_of:
                continue
            s = scores[(i, j)].similarity
            lo, hi = gap_around(backbone, i, len(R))
            # A weak pair is believed only with a confident pair beside it to vouch for it.
            in_order = bool(backbone) and lo < j < hi
            sc = scores[(i, j)]
            mutual = (
                s >= best_l[i]
                and s >= best_r[j]
                and s >= MOVE_MUTUAL
                and max(sc.cover_left, sc.cover_right) >= MOVE_COVER
            )
            if in_order or (backbone and (s >= MOVE or mutual)):
                left_of[i], right_of[j] = j, i
                if in_order:
                    bisect.insort(backbone, (i, j))

        groups = {(i,): ((j,), scores[(i, j)]) for i, j in left_of.items()}
        groups = self._merge_neighbours(groups, left_of, right_of)

        # final: moved flags from the heaviest in-order chain of groups
        items = [
            chain_item(min(lt), min(rt), 1.0 + sc.similarity, n, m)
            for lt, (rt, sc) in groups.items()
        ]
        keys = list(groups)
        chain = heaviest_chain(items)
        return [
            Group(keys[n], groups[keys[n]][0], groups[keys[n]][1], moved=n not in chain)
            for n in range(len(keys))
        ]

    def _merge_neighbours(self, groups, left_of, right_of):
        """Grow 1:1 groups into 1:2 / 2:1 with an adjacent unaligned sentence."""
        L, R, w = self.L, self.R, self.w
        proposals = []
        for lt, (rt, sc) in groups.items():
            i, j = lt[0], rt[0]
            if L[i] is None or R[j] is None:
                continue  # fixed pairs are identical sentences: nothing to grow
            for side, own, other_f, feats, taken, blocks in (
                ("left", i, R[j], L, left_of, self.lb),
                ("right", j, L[i], R, right_of, self.rb),
            ):
                for nb in (own - 1, own + 1):
                    if not 0 <= nb < len(feats) or nb in taken:
                        continue
                    if blocks[nb] != blocks[own]:
                        continue  # a headline standing alone is never half of a prose sentence
                    ids = tuple(sorted((own, nb)))
                    merged = merge(feats[x] for x in ids)
                    new = score(merged, other_f, w) if side == "left" else score(other_f, merged, w)
                    gain = new.similarity - sc.similarity
                    # (how much of the neighbour the partner covers is asked only of a
                    # merge that gains: most do not, and it is a second score)
                    if (
                        gain >= MERGE_GAIN
                        and score(feats[nb], other_f, w).cover_left >= MERGE_COVER
                    ):
                        proposals.append((-gain, side, min(i, j), nb, lt, ids, new))
        proposals.sort(key=lambda p: (p[0], p[2], p[3], p[1]))
        grown: set[tuple[int, ...]] = set()
        for _, side, _, nb, lt, ids, new in proposals:
            if lt in grown or lt not in groups:
                continue
            taken = left_of if side == "left" else right_of
            if nb in taken:
                continue
            rt, _ = groups.pop(lt)
            if side == "left":
                for x in ids:
                    left_of[x] = rt[0]
                groups[ids] = (rt, new)
                grown.add(ids)
            else:
                right_of[nb] = lt[0]
                groups[lt] = (ids, new)
                grown.add(lt)
        return groups
