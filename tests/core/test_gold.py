"""The engine against hand-made gold comparisons (tests/data/gold/*/gold.json).

The same format as the shared devset (../shared/devset/README.md), checked exactly:

- every gold link comes out as ONE pair holding all its sentences, and that pair holds
  nothing the gold does not accept (another gold link's or an ``optional_links`` pair's
  sentences, or page furniture listed in ``free_left``/``free_right``); a wrong partner
  is worse than none;
- its kind is one of the link's ``labels``; it is flagged moved exactly when ``moved``;
- a conflict names every ``key`` in a reported conflict (its left, right or reason, as
  ../shared/tools/kzscore.py counts them; a key seen only in the word diff does not
  count), every reported conflict names one of the keys, and where the link gives
  ``reasons`` (our own extension) they are the pair's reasons exactly, in order;
- a pair the gold does not link at all is not aligned, and only_left/only_right
  sentences stay unaligned.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from kzdiff import compare_files, compare_texts
from kzdiff.core.model import Comparison, ConflictSpan, Document

from ..conftest import GOLD

CASES = sorted(p.parent for p in GOLD.glob("*/gold.json"))


def find(doc: Document, quote: str) -> int:
    """Id of the sentence holding a gold quote ('text' or 'text|N' for the N-th hit)."""
    m = re.search(r"\|(\d+)$", quote)
    text, n = (quote[: m.start()], int(m.group(1))) if m else (quote, 1)
    pattern = r"\s+".join(re.escape(w) for w in text.split())
    hits = [h.start() for h in re.finditer(pattern, doc.text)]
    assert len(hits) >= n, f"gold quote not in text: {quote!r}"
    assert m or len(hits) == 1, f"gold quote is ambiguous ({len(hits)} hits): {quote!r}"
    s = doc.sentence_at(hits[n - 1])
    assert s is not None, f"gold quote falls between sentences: {quote!r}"
    return s.id


def names(key: str, c: ConflictSpan) -> bool:
    """Whether a reported conflict names a gold key (as kzscore counts it)."""
    return key in c.left or key in c.right or key in c.describe()


def check(cmp: Comparison, gold: dict) -> None:
    def ids(doc: Document, quotes: list[str]) -> set[int]:
        return {find(doc, q) for q in quotes}

    links = [(ids(cmp.left, g["left"]), ids(cmp.right, g["right"]), g) for g in gold["links"]]
    optional = [
        (ids(cmp.left, g["left"]), ids(cmp.right, g["right"]))
        for g in gold.get("optional_links", [])
    ]
    accepted = {(a, b) for ls, rs, *_ in links + optional for a in ls for b in rs}
    free_l, free_r = (
        ids(cmp.left, gold.get("free_left", [])),
        ids(cmp.right, gold.get("free_right", [])),
    )
    for lids, rids, link in links:
        pair = cmp.pair_of("left", min(lids))
        assert pair is not None and pair.kind.value != "missing", f"unaligned: {link}"
        assert lids <= set(pair.left) and rids <= set(pair.right), (
            f"split: {link} came out as {pair.left} -> {pair.right}"
        )
        assert pair.kind.value in link["labels"], f"{pair.kind.value} for {link}"
        assert pair.moved == bool(link.get("moved")), f"moved={pair.moved} for {link}"
        if pair.kind.value != "conflict":
            continue
        keys = link.get("key", [])
        for key in keys:
            assert any(names(key, c) for c in pair.conflicts), (
                f"key {key!r} named by no conflict ({pair.reasons()}) for {link}"
            )
        for c in pair.conflicts if keys else ():
            assert any(names(key, c) for key in keys), f"spurious {c.describe()!r} for {link}"
        if "reasons" in link:
            assert pair.reasons() == link["reasons"], f"{pair.reasons()} for {link}"
    for pair in cmp.pairs:
        if pair.kind.value == "missing":
            continue
        wrong = {
            (a, b)
            for a in pair.left
            for b in pair.right
            if (a, b) not in accepted and a not in free_l and b not in free_r
        }
        assert not wrong, f"links no gold link accepts: {pair.left} -> {pair.right}"
    for side, doc in (("left", cmp.left), ("right", cmp.right)):
        for q in gold.get(f"only_{side}", []):
            pair = cmp.pair_of(side, find(doc, q))
            assert pair is not None and pair.kind.value == "missing", f"aligned: {q}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_gold_case(case: Path):
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    check(compare_files(case / gold["left"], case / gold["right"]), gold)


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_copy_aligns_like_the_original(sample_paths, width):
    left, right = (p.read_text(encoding="utf-8") for p in sample_paths)
    wrapped = "\n\n".join(textwrap.fill(par, width) for par in left.split("\n\n"))
    plain, wrap = compare_texts(left, right), compare_texts(wrapped, right)
    assert len(wrap.left.sentences) == len(plain.left.sentences)
    assert [(p.left, p.right, p.kind) for p in wrap.pairs] == [
        (p.left, p.right, p.kind) for p in plain.pairs
    ]
    gold = json.loads((GOLD / "kazakhstan-coup" / "gold.json").read_text(encoding="utf-8"))
    check(wrap, gold)


def test_sample_conflict_explains_sawn_off(sample_paths):
    cmp = compare_files(*sample_paths)
    conflicts = [p for p in cmp.pairs if p.kind.value == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].reasons() == ["qualifier added: sawn-off (shotguns)"]
