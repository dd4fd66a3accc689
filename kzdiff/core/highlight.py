"""Where to highlight: character ranges of a document that a view should mark.

Both the window and the HTML export show the same things inside a pair — words only on
this side (``delete`` on the left, ``insert`` on the right) and the words that disagree in
a conflict (``conflict``, which views make stand out most). Computing the ranges here
keeps the two views consistent and out of the business of re-reading diffs.

Offsets are into the document's loaded text, like :class:`~kzdiff.core.model.Sentence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import GROUP_SEPARATOR, Comparison, Kind, Op, Pair

CHANGED = {"left": Op.DELETE, "right": Op.INSERT}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    role: str  # "delete" | "insert" | "conflict"


def _group_offsets(cmp: Comparison, side: str, pair: Pair) -> list[tuple[int, int, int]]:
    """(group_start, group_end, doc_start) of each sentence of the pair on ``side``."""
    doc = cmp.left if side == "left" else cmp.right
    out, pos = [], 0
    for i in pair.ids(side):
        s = doc.sentences[i]
        out.append((pos, pos + len(s.text), s.start))
        pos += len(s.text) + len(GROUP_SEPARATOR)
    return out


def _to_doc(parts: list[tuple[int, int, int]], a: int, b: int, role: str) -> list[Mark]:
    """Map a range of the group text to document ranges, split at sentence boundaries."""
    out = []
    for gs, ge, ds in parts:
        lo, hi = max(a, gs), min(b, ge)
        if lo < hi:
            out.append(Mark(ds + lo - gs, ds + hi - gs, role))
    return out


def marks(cmp: Comparison, side: str, pair_index: int) -> list[Mark]:
    """Ranges to highlight in the sentences of one pair on one side, in text order.

    A rewritten pair (too little shared for a useful word diff) gets no word marks: the
    whole sentence is the change, and shredding it into confetti helps nobody.
    """
    pair = cmp.pairs[pair_index]
    if not (pair.left and pair.right) or pair.kind is Kind.IDENTICAL:
        return []  # nothing on one side to compare with / only case, quotes or spacing differ
    parts = _group_offsets(cmp, side, pair)
    out: list[Mark] = []
    changed: list[tuple[int, int]] = []
    for a, b, op in pair.diff_spans(side):
        if op is CHANGED[side]:
            changed.append((a, b))
            if not pair.rewritten:
                out.extend(_to_doc(parts, a, b, op.value))
    doc = cmp.left if side == "left" else cmp.right
    group = GROUP_SEPARATOR.join(doc.sentences[i].text for i in pair.ids(side))
    for c in pair.conflicts:
        needle = c.left if side == "left" else c.right
        span = _find(group, needle, changed)
        if span:
            out.extend(_to_doc(parts, span[0], span[1], "conflict"))
    out.sort(key=lambda m: (m.start, m.role != "conflict"))
    return out


def marks_by_pair(cmp: Comparison, side: str) -> dict[int, list[Mark]]:
    """:func:`marks` of every pair that has any, by pair index (for a view to apply later)."""
    out = {}
    for n, pair in enumerate(cmp.pairs):
        if pair.left and pair.right and pair.kind is not Kind.IDENTICAL:
            ms = marks(cmp, side, n)
            if ms:
                out[n] = ms
    return out


def _find(text: str, needle: str, changed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The occurrence of ``needle`` in ``text`` that lies in a changed run (else the first)."""
    needle = needle.strip()
    if not needle:
        return None
    hits = [
        (m.start(), m.end())
        for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text, re.IGNORECASE)
    ]
    if not hits:
        return None
    for a, b in hits:
        if any(a < ce and ca < b for ca, ce in changed):
            return a, b
    return hits[0]


def segments(text: str, offset: int, ms: list[Mark]) -> list[tuple[str, str]]:
    """Split ``text`` (which starts at document ``offset``) into (piece, role) runs.

    ``role`` is "" for plain text; where a conflict mark overlaps a word mark the conflict
    wins, because it is what the reader must see first.
    """
    n = len(text)
    local = [
        (max(0, m.start - offset), min(n, m.end - offset), m.role)
        for m in ms
        if m.start < offset + n and m.end > offset
    ]
    if not local:  # most sentences: identical, missing, or untouched by the word diff
        return [(text, "")] if text else []
    cuts = sorted({0, n, *(a for a, _, _ in local), *(b for _, b, _ in local)})
    out: list[tuple[str, str]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [r for lo, hi, r in local if lo <= a and b <= hi]
        role = "conflict" if "conflict" in covering else (covering[0] if covering else "")
        if out and out[-1][1] == role:
            out[-1] = (out[-1][0] + text[a:b], role)
        else:
            out.append((text[a:b], role))
    return out
