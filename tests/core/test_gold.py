"""The engine against hand-made gold comparisons (tests/data/gold/*/gold.json).

The same format as the shared devset: every gold link must come out aligned with an
acceptable kind, every conflict key must be shown, every only_left/only_right sentence
must stay unaligned, and moved links must be flagged.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from kzdiff import compare_files, compare_texts
from kzdiff.core.model import Comparison, Document

from ..conftest import GOLD

CASES = sorted(p.parent for p in GOLD.glob("*/gold.json"))


def find(doc: Document, quote: str) -> int:
    """Id of the sentence holding a gold quote ('text' or 'text|N' for the N-th hit)."""
    m = re.search(r"\|(\d+)$", quote)
    text, n = (quote[: m.start()], int(m.group(1))) if m else (quote, 1)
    pattern = r"\s+".join(re.escape(w) for w in text.split())
    hits = [h.start() for h in re.finditer(pattern, doc.text)]
    assert len(hits) >= n, f"gold quote not in text: {quote!r}"
    s = doc.sentence_at(hits[n - 1])
    assert s is not None, f"gold quote falls between sentences: {quote!r}"
    return s.id


def check(cmp: Comparison, gold: dict) -> None:
    for link in gold["links"]:
        lids = {find(cmp.left, q) for q in link["left"]}
        rids = {find(cmp.right, q) for q in link["right"]}
        for i in lids:
            pair = cmp.pair_of("left", i)
            assert pair is not None and pair.kind.value != "missing", f"unaligned: {link}"
            assert rids <= set(pair.right) or set(pair.right) <= rids, f"wrong partner: {link}"
            assert pair.kind.value in link["labels"], f"{pair.kind.value} for {link}"
            blob = json.dumps([[d.text for d in pair.diff], pair.reasons()], ensure_ascii=False)
            for key in link.get("key", []):
                assert key in blob, f"key {key!r} not shown for {link}"
            if link.get("moved"):
                assert pair.moved, f"not flagged moved: {link}"
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
