"""Alignment of a longer synthetic pair with known links (the benchmark's generator):
rewordings, deletions, insertions, moves, changed numbers and splits over 500 sentences."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from kzdiff import compare_texts

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus.py"


def load_corpus():
    spec = importlib.util.spec_from_file_location("kzdiff_bench_corpus", CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_links_of_a_500_sentence_pair_are_found() -> None:
    left, right, edits, links = load_corpus().make_pair_with_links(500, seed=7)
    assert edits["moved"] and edits["split"] and edits["deleted"] and edits["numbers"]
    cmp = compare_texts(left, right)
    found = {(i, j) for p in cmp.pairs for i in p.left for j in p.right}
    precision = len(found & links) / len(found)
    recall = len(found & links) / len(links)
    assert precision >= 0.99 and recall >= 0.99, (precision, recall)
    linked_right = {j for _, j in links}
    inserted = [j for j in range(len(cmp.right.sentences)) if j not in linked_right]
    assert all(cmp.pair_of("right", j).left == () for j in inserted)  # insertions stay missing
