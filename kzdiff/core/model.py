"""The result model: the contract between the engine, the exporters and the window.

Frozen dataclasses only, with the queries views need (group at a sentence, next change,
summary) so that no view ever re-derives comparison facts from raw data. ``to_dict`` gives
the ``kzdiff/1`` JSON schema; its field names are a public contract (add, never rename).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from .names import display_name

SCHEMA = "kzdiff/1"
#: What joins the sentences of a 1:2 or 2:1 group into the one text the word diff compares.
GROUP_SEPARATOR = " "


class _PickledByFields:
    """Pickled as the class and its fields in order, made again by its constructor: the
    default for a dataclass with slots calls a ``__setstate__`` in Python per object, and
    a helper process (:mod:`.beside`) sends thousands of pairs back."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple]:
        return type(self), tuple([getattr(self, f) for f in self.__dataclass_fields__])


class Kind(str, Enum):
    """What an aligned group (or an unaligned sentence) says about the two texts."""

    IDENTICAL = "identical"
    PARAPHRASE = "paraphrase"
    CONFLICT = "conflict"
    MISSING = "missing"
    #: page furniture (navigation, labels, credits, prompts, other stories' headlines):
    #: one sentence, never paired, counted apart from "missing"
    FURNITURE = "furniture"


class Op(str, Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class DiffOp(_PickledByFields):
    """One run of a word diff: text kept, only in the left (delete) or only in the right."""

    op: Op
    text: str
    right: str | None = None  # for an equal run whose right-side text differs in case or quotes

    def side_text(self, side: str) -> str:
        """This run's text as it stands in side 'left' or 'right' ('' if absent there)."""
        if self.op is Op.EQUAL:
            return self.right if side == "right" and self.right is not None else self.text
        if (self.op is Op.DELETE) == (side == "left"):
            return self.text
        return ""


@dataclass(frozen=True, slots=True)
class ConflictSpan(_PickledByFields):
    """A detail on which the two sides disagree, and why it counts as a disagreement."""

    type: str  # number | date | name | negation | antonym | qualifier | question
    left: str
    right: str
    note: str = ""  # a finer explanation, e.g. "qualifier added: sawn-off"

    def describe(self) -> str:
        if self.note:
            return self.note
        return f"{self.type}: {self.left or '—'} vs {self.right or '—'}"


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity or date one text states, and its counterpart in the other text.

    ``counterpart`` is the index in :attr:`Comparison.facts` of the fact the other text
    states about the same thing (None when it states none); ``agree`` says whether the
    two give the same value (after conversion: "six decades" agrees with "60 years").
    """

    side: str  # "left" | "right"
    sentences: tuple[int, ...]  # ids of the sentence(s) of that side stating it
    kind: str  # quantity | date | time | name (a name the other text gives differently)
    text: str  # as written
    value: str  # normalised, with its unit ("60 year", "USD 1000000", "52-48", "Sunday")
    about: str = ""  # what it refers to: "dead", "injured", "fine" ("" when not told)
    unit: str = ""
    dim: str = ""  # count | percent | money | length | duration | score | time | year ...
    counterpart: int | None = None
    agree: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "sentences": list(self.sentences),
            "kind": self.kind,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "about": self.about,
            "counterpart": self.counterpart,
            "agree": self.agree,
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its span ``[start, end)`` in the loaded (newline-normalised) text."""

    id: int
    start: int
    end: int
    text: str
    paragraph: int
    #: "prose" (paragraph text), "line" (headline, caption, byline...) or "furniture"
    #: (page furniture, see :mod:`kzdiff.core.furniture`)
    block: str = "prose"


@dataclass(frozen=True, slots=True)
class Document:
    """One side of a comparison: the loaded text and its sentences."""

    text: str
    sentences: tuple[Sentence, ...]
    path: str | None = None
    encoding: str = "utf-8"
    size: int = 0  # bytes on disk (0 for text not read from a file)
    warnings: tuple[str, ...] = ()
    #: "text", or "html" for a web page: then ``text`` is the page's visible text (what
    #: sentence offsets index), not the file's content
    format: str = "text"
    #: what the file says of itself (a web page's or document's title, author, date)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    #: the encoding was inferred from the bytes (no BOM, not UTF-8): a guess, shown as one
    encoding_guessed: bool = False

    @property
    def name(self) -> str:
        """The file's base name, safe to show (control characters escaped)."""
        if not self.path:
            return "(text)"
        return display_name(self.path.replace("\\", "/").rsplit("/", 1)[-1])

    @property
    def encoding_label(self) -> str:
        """The encoding as shown to a person: a guess says it is one."""
        return f"{self.encoding} (guessed)" if self.encoding_guessed else self.encoding

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence covering a character offset, or None between sentences."""
        i = bisect.bisect_right(self.sentences, offset, key=_start) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_between(self, start: int, end: int) -> range:
        """Ids of the sentences overlapping the text from ``start`` to ``end`` (inclusive)."""
        first = max(0, bisect.bisect_right(self.sentences, start, key=_start) - 1)
        return range(first, bisect.bisect_right(self.sentences, end, key=_start))


def _start(s: Sentence) -> int:
    return s.start


@dataclass(frozen=True, slots=True)
class Pair(_PickledByFields):
    """An aligned group (1:1, 1:2, 2:1) or an unaligned sentence (one side empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    kind: Kind
    moved: bool = False
    similarity: float = 0.0
    diff: tuple[DiffOp, ...] = ()
    conflicts: tuple[ConflictSpan, ...] = ()
    rewritten: bool = False  # shares too little for a useful word diff: show both whole
    #: "same" (the sentences say the same thing) or "overlap" (they share one fact and each
    #: says more; conflicts then concern only the shared fact)
    relation: str = "same"
    #: a link from the facts table (see :mod:`~kzdiff.core.fact_links`) between a sentence
    #: said only on its side and one that also belongs to a pair of its own: that one
    #: sentence is in two pairs (views show it under its own and draw this link to it)
    cross: bool = False

    @property
    def is_change(self) -> bool:
        """A pair navigation stops at (furniture is set aside, not a change)."""
        return self.kind not in (Kind.IDENTICAL, Kind.FURNITURE) or self.moved

    def reasons(self) -> list[str]:
        return [c.describe() for c in self.conflicts]

    def ids(self, side: str) -> tuple[int, ...]:
        return self.left if side == "left" else self.right

    def diff_spans(self, side: str) -> list[tuple[int, int, Op]]:
        """(start, end, op) of each diff run within this side's group text.

        The group text is the side's sentence texts joined by one space (GROUP_SEPARATOR),
        which is what the word diff was computed on.
        """
        out = []
        pos = 0
        for d in self.diff:
            t = d.side_text(side)
            if t:
                out.append((pos, pos + len(t), d.op))
                pos += len(t)
        return out


@dataclass(frozen=True)
class Comparison:
    """Two documents and the pairs that cover every sentence of each exactly once, but for
    cross pairs (:attr:`Pair.cross`), which link a sentence to one already in a pair."""

    left: Document
    right: Document
    pairs: tuple[Pair, ...]
    _by_left: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _by_right: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    #: the facts table (see :mod:`kzdiff.core.facts`): left's facts, then right's
    facts: tuple[Fact, ...] = ()

    def __post_init__(self) -> None:
        for n, p in enumerate(self.pairs):
            if p.cross:
                continue
            for i in p.left:
                self._by_left[i] = n
            for j in p.right:
                self._by_right[j] = n
        for n, p in enumerate(self.pairs):  # a cross pair holds a sentence no other pair has
            if p.cross:
                for i in p.left:
                    self._by_left.setdefault(i, n)
                for j in p.right:
                    self._by_right.setdefault(j, n)

    # -- queries for views -------------------------------------------------------------
    def pair_index_of(self, side: str, sentence_id: int) -> int | None:
        """Index in ``pairs`` of the group holding a sentence of side 'left' or 'right'
        (its own pair, not a cross pair that also links it)."""
        table = self._by_left if side == "left" else self._by_right
        return table.get(sentence_id)

    def cross_host(self, n: int) -> tuple[str, int] | None:
        """For a cross pair (see :attr:`Pair.cross`): the side of its sentence that also
        stands in a pair of its own, and the index of that pair; None for other pairs."""
        p = self.pairs[n]
        if p.cross:
            for side in ("left", "right"):
                host = self.pair_index_of(side, p.ids(side)[0])
                if host is not None and host != n:
                    return side, host
        return None

    def pair_of(self, side: str, sentence_id: int) -> Pair | None:
        n = self.pair_index_of(side, sentence_id)
        return None if n is None else self.pairs[n]

    def changes(self, kinds: set[Kind] | None = None, exclude: Collection[Kind] = ()) -> list[int]:
        """Indices of pairs that are changes (optionally only of some kinds, and none of the
        ``exclude`` kinds, which a view hides), in reading order."""
        out = []
        for n, p in enumerate(self.pairs):
            if p.kind in exclude:
                continue
            if kinds is None:
                if p.is_change:
                    out.append(n)
            elif p.kind in kinds:
                out.append(n)
        return out

    def next_change(
        self,
        current: int | None,
        step: int = 1,
        kinds: set[Kind] | None = None,
        exclude: Collection[Kind] = (),
    ) -> int | None:
        """The next (step=1) or previous (step=-1) change after pair ``current``.

        None past the last (or before the first) change.
        """
        items = self.changes(kinds, exclude)
        if not items:
            return None
        if current is None:
            return items[0] if step > 0 else items[-1]
        if step > 0:
            i = bisect.bisect_right(items, current)
            return items[i] if i < len(items) else None
        i = bisect.bisect_left(items, current) - 1
        return items[i] if i >= 0 else None

    def summary(self) -> dict[str, Any]:
        """Counts per kind; ``missing`` is split into only-left and only-right."""
        return dict(self._summary)

    @cached_property
    def _summary(self) -> dict[str, Any]:
        # counted once: the status bar, legend and exports all ask, and a long
        # comparison has tens of thousands of pairs
        counts = {k.value: 0 for k in Kind}
        only_left = only_right = moved = 0
        for p in self.pairs:
            counts[p.kind.value] += 1
            if p.kind is Kind.MISSING:
                if p.left:
                    only_left += len(p.left)
                else:
                    only_right += len(p.right)
            moved += p.moved
        return {
            "left_sentences": len(self.left.sentences),
            "right_sentences": len(self.right.sentences),
            "pairs": len(self.pairs),
            **counts,
            "only_left": only_left,
            "only_right": only_right,
            "moved": moved,
        }

    def summary_text(self) -> str:
        s = self.summary()
        return (
            f"{s['left_sentences']} sentences left, {s['right_sentences']} right: "
            f"{s['identical']} identical, {s['paraphrase']} paraphrased, "
            f"{s['conflict']} conflict{'s' if s['conflict'] != 1 else ''}, "
            f"{s['only_left']} only left, {s['only_right']} only right"
            + (f" · {s['furniture']} furniture" if s["furniture"] else "")
            + f", {s['moved']} moved"
        )

    def to_dict(self) -> dict[str, Any]:
        """The ``kzdiff/1`` JSON structure (see the README for the schema)."""

        def doc(d: Document) -> dict[str, Any]:
            out: dict[str, Any] = {
                "path": d.path,
                "encoding": d.encoding,
                "encoding_guessed": d.encoding_guessed,
                "size": d.size,
                "format": d.format,
                "warnings": list(d.warnings),
            }
            if d.format != "text":  # offsets index this text, which the file does not hold
                out["text"] = d.text
            for key in ("title", "author", "date"):
                if getattr(d, key):
                    out[key] = getattr(d, key)
            out["sentences"] = [
                {
                    "id": s.id,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "paragraph": s.paragraph,
                    "block": s.block,
                }
                for s in d.sentences
            ]
            return out

        return {
            "schema": SCHEMA,
            "left": doc(self.left),
            "right": doc(self.right),
            "pairs": [
                {
                    "left": list(p.left),
                    "right": list(p.right),
                    "kind": p.kind.value,
                    "moved": p.moved,
                    "similarity": round(p.similarity, 4),
                    "rewritten": p.rewritten,
                    "relation": p.relation,
                    "cross": p.cross,
                    "diff": [{"op": d.op.value, "text": d.text} for d in p.diff],
                    "conflicts": [
                        {"type": c.type, "left": c.left, "right": c.right, "reason": c.describe()}
                        for c in p.conflicts
                    ],
                }
                for p in self.pairs
            ],
            "summary": self.summary(),
            "facts": [f.to_dict() for f in self.facts],
        }
