"""Pairs of sentences holding hundreds of numbers (a table pasted as a paragraph) are
matched through indexes by value; the result must be what one-by-one matching gives."""

from __future__ import annotations

import random

import pytest

from kzdiff import compare_texts
from kzdiff.core import conflicts, facts


def table_pair(seed: int) -> tuple[str, str]:
    """Two runs of figures of our own: counts, bounds, percentages and sums, the right one
    with some figures changed, dropped or added."""
    rng = random.Random(seed)
    forms = [
        lambda v: f"{v}",
        lambda v: f"more than {v * 100}",
        lambda v: f"{v}%",
        lambda v: f"${v} million",
        lambda v: f"{v} people",
    ]
    left, right = [], []
    for _ in range(160):
        form = rng.choice(forms)
        v = rng.randint(1, 60)
        left.append(form(v))
        r = rng.random()
        if r < 0.7:
            right.append(form(v))
        elif r < 0.85:
            right.append(form(rng.randint(1, 60)))
        elif r < 0.95:
            right.append(form(v))
            right.append(form(rng.randint(1, 60)))
    return "Figures: " + ", ".join(left) + ".", "Figures: " + ", ".join(right) + "."


def judged(a: str, b: str):
    cmp = compare_texts(a, b)
    return (
        [(p.left, p.right, p.kind.value, p.reasons()) for p in cmp.pairs],
        [(f.side, f.text, f.counterpart, f.agree) for f in cmp.facts],
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_matching_equals_one_by_one(seed, monkeypatch):
    a, b = table_pair(seed)
    indexed = judged(a, b)  # 160 figures a side: above both thresholds
    monkeypatch.setattr(conflicts, "MANY_NUMBERS", 10**9)
    monkeypatch.setattr(facts, "MANY_FACTS", 10**9)
    assert judged(a, b) == indexed
    # and the pair does hold disagreements and agreements to match
    (pairs, fs) = indexed
    assert any(kind == "conflict" for _, _, kind, _ in pairs)
    assert any(agree for *_, agree in fs) and any(agree is False for *_, agree in fs)
