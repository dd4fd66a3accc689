"""Runs of copies paired before the anchor search, and the aligner's shortcuts for copies
(issue #15: 150,000 list lines): each must give the aligner's own answer, faster."""

from __future__ import annotations

import pytest

import kzdiff.core.align as align_mod
import kzdiff.core.compare as compare_mod
from kzdiff import compare_texts
from kzdiff.core.align import (
    ANCHOR,
    LINK,
    RUN_MIN,
    Aligner,
    _all_in_order,
    _runs,
    _spread,
    chain_item,
    copy_runs,
    heaviest_chain,
)
from kzdiff.core.similarity import Score, features


def lines(*parts: tuple[str, int]) -> str:
    return "\n".join(text for text, count in parts for _ in range(count))


def test_a_run_is_run_min_equal_texts_in_a_row():
    texts = ["a"] * RUN_MIN + ["b"] * (RUN_MIN - 1) + ["c"] + ["a"] * (RUN_MIN + 3)
    assert _runs(texts) == [("a", 0, RUN_MIN), ("a", 2 * RUN_MIN, RUN_MIN + 3)]
    assert _runs(["a"] * (RUN_MIN - 1)) == []
    assert _runs([]) == []


def test_spread_pairs_a_run_with_an_equal_one_copy_by_copy():
    assert _spread(0, 5, 5, 0, 5, 5) == [0, 1, 2, 3, 4]
    assert _spread(10, 3, 20, 4, 3, 20) == [4, 5, 6]


def test_spread_leaves_the_copies_nearest_the_diagonal_and_spaces_the_others_evenly():
    # 14 of 15: the middle one is left (the pairs nearest the diagonal of 14 x 15)
    got = _spread(0, 14, 14, 0, 15, 15)
    assert sorted(set(range(15)) - set(got)) == [7]
    # 1490 of 1500: one left in every 150, the first at 75
    got = _spread(0, 1490, 1490, 0, 1500, 1500)
    assert sorted(set(range(1500)) - set(got)) == list(range(75, 1500, 150))


def test_spread_stays_in_order_and_inside_the_run_when_the_diagonal_is_elsewhere():
    # the run's own place is far off the diagonal: pairs are pushed into it, in order
    got = _spread(0, 40, 100, 50, 45, 100)
    assert got == list(range(50, 90))
    got = _spread(90, 10, 100, 0, 12, 100)
    assert got == list(range(2, 12))
    for x0, short, ns, y0, long, nl in [(3, 33, 80, 7, 50, 70), (40, 35, 90, 1, 36, 200)]:
        got = _spread(x0, short, ns, y0, long, nl)
        assert len(got) == short
        assert all(a < b for a, b in zip(got, got[1:], strict=False))
        assert y0 <= got[0] and got[-1] < y0 + long


def test_copy_runs_pairs_runs_of_one_text_in_order_and_nothing_else():
    n = RUN_MIN
    left = ["a"] * n + ["x"] + ["b"] * n + ["c"] * n
    right = ["b"] * n + ["y"] + ["c"] * (n + 2)
    pairs = copy_runs(left, right)
    assert all(left[i] == right[j] for i, j in pairs)
    # the "a" run has no partner; "b" with "b", "c" with "c", every copy of the shorter
    assert sorted({left[i] for i, _ in pairs}) == ["b", "c"]
    assert len(pairs) == 2 * n
    assert pairs == sorted(pairs)
    assert {i for i, _ in pairs} == set(range(n + 1, 3 * n + 1))
    assert copy_runs(["a"] * (n - 1), ["a"] * (n - 1)) == []
    assert copy_runs(["a"] * n, ["b"] * n) == []


def _groups(left: str, right: str, runs: bool, monkeypatch) -> list:
    if not runs:
        monkeypatch.setattr(compare_mod, "copy_runs", lambda ls, rs: [])
    cmp = compare_texts(left, right)
    monkeypatch.undo()
    return [(p.left, p.right, p.kind, p.moved) for p in cmp.pairs]


@pytest.mark.parametrize(
    "left, right",
    [
        (lines(("- item", 200)), lines(("- item", 199))),
        (lines(("- item", 100)), lines(("- item", 37))),
        (lines(("- item", 99)), lines(("- item", 100))),
        (
            lines(("Intro one.", 1), ("- item", 300), ("Outro here.", 1)),
            lines(("Intro one.", 1), ("- item", 280), ("Outro here.", 1)),
        ),
        (
            lines(("- a", 50), ("Middle text.", 1), ("- b", 60)),
            lines(("- a", 45), ("Middle text.", 1), ("- b", 70)),
        ),
        (
            "\n\n".join(["The council met on Monday to discuss the budget."] * 500),
            "\n\n".join(["The council met on Monday to discuss the budget."] * 499),
        ),
    ],
    ids=["one-short", "a third", "one-more", "between-lines", "two-runs", "paragraphs"],
)
def test_runs_paired_up_front_give_what_the_anchor_search_gives(left, right, monkeypatch):
    with_runs = _groups(left, right, True, monkeypatch)
    assert with_runs == _groups(left, right, False, monkeypatch)
    mirrored = _groups(right, left, True, monkeypatch)
    assert sorted((r, lt, k, m) for lt, r, k, m in with_runs) == sorted(mirrored)


def test_runs_skip_the_candidate_search(monkeypatch):
    calls = []
    real = align_mod.identical_candidates

    def counting(left, right):
        out = real(left, right)
        calls.append(len(out))
        return out

    monkeypatch.setattr(align_mod, "identical_candidates", counting)
    cmp = compare_texts(lines(("- item", 3000)), lines(("- item", 2990)))
    assert sum(p.kind.value == "identical" for p in cmp.pairs) == 2990
    # the ten left over have no copy left to pair with on the other side
    assert calls == [0]


def test_all_in_order_needs_both_sides_increasing_and_every_weight_to_count():
    assert _all_in_order([(0, 0, 1.0), (1, 2, 1.0), (3, 3, 0.5)])
    assert not _all_in_order([(0, 0, 1.0), (1, 0, 1.0)])
    assert not _all_in_order([(0, 1, 1.0), (0, 2, 1.0)])
    assert not _all_in_order([(1, 1, 1.0), (0, 2, 1.0)])
    assert not _all_in_order([(0, 0, 1.0), (1, 1, 0.0)])
    assert not _all_in_order([(0, 0, 1.0), (1, 1, -1.0)])
    # a weight too small to change the sum: the tree search ends the chain before it
    assert not _all_in_order([(0, 0, 1.0), (1, 1, 1e-20)])
    assert heaviest_chain([(0, 0, 1.0), (1, 1, 1e-20)]) == {0}


def test_heaviest_chain_of_items_in_order_is_all_of_them():
    items = [chain_item(k, k + (k > 500), 1.0, 1000, 1001) for k in range(1000)]
    assert heaviest_chain(items) == set(range(1000))
    items[400] = (400, 100, 1.0)  # one out of order: the tree search, which drops it
    assert heaviest_chain(items) == set(range(1000)) - {400}


def _aligner(pairs: dict[tuple[int, int], float], blocks=None) -> Aligner:
    n = 1 + max(i for i, _ in pairs)
    m = 1 + max(j for _, j in pairs)
    f = features("One sentence here.")
    return Aligner([f] * n, [f] * m, blocks, None)


def test_ranked_drops_confident_pairs_of_paired_sentences_but_keeps_the_weak_ones():
    sims = {(0, 0): 0.9, (0, 1): 0.8, (1, 1): 0.7, (2, 0): 0.4, (2, 2): 0.6, (3, 3): 0.2}
    scores = {p: Score(s, s, s) for p, s in sims.items()}
    al = _aligner(sims)
    every = [p for p, s in scores.items() if s.similarity >= LINK]
    every.sort(key=al._rank_key(scores))
    got = al._ranked(scores, {0: 0}, {0: 0})
    # (0, 1) goes: left 0 is paired and it is confident; (2, 0) stays, below ANCHOR
    assert got == [p for p in every if p not in {(0, 0), (0, 1)}]
    assert (2, 0) in got and sims[(2, 0)] < ANCHOR
    assert (3, 3) not in got  # below LINK
    assert al._ranked(scores, {}, {}) == every


def test_a_weak_pair_of_a_paired_sentence_stays_ranked_to_end_the_anchor_pass():
    # ranked by similarity plus a bonus for the same kind of block: the weak pair (1, 1)
    # of two headlines ranks above the confident (2, 2) of a headline and prose, and
    # ends the anchor pass before it, though left 1 is already paired
    sims = {(1, 1): ANCHOR - 0.01, (2, 2): ANCHOR + 0.005, (1, 0): 1.0}
    scores = {p: Score(s, s, s) for p, s in sims.items()}
    al = _aligner(sims, ["prose", "headline", "headline"])
    al.rb = ["prose", "headline", "prose"]
    got = al._ranked(scores, {1: 0}, {0: 1})
    assert got == [(1, 1), (2, 2)]


def test_largest_gives_what_heapq_nlargest_gives_ties_in_the_order_found():
    import heapq
    import random
    from operator import itemgetter

    from kzdiff.core.align import _largest

    rng = random.Random(3)
    for _ in range(500):
        acc = {rng.randrange(100): rng.choice([0.5, 1.0, 1.5, 0.25]) for _ in range(30)}
        n = rng.choice([1, 4, 24])
        assert _largest(n, acc) == heapq.nlargest(n, acc.items(), key=itemgetter(1))
    assert _largest(2, {5: 1.0, 3: 2.0, 9: 1.0}) == [(3, 2.0), (5, 1.0)]
