"""A self-contained HTML report of a comparison: one file, no network, prints well.

The page mirrors the window: one table row per aligned group in the left text's reading
order, each side's sentences in its column, word highlights, conflict reasons, the same
colours and markers (:mod:`kzdiff.palette`). Moved pairs get a placeholder row where the
right text has them, linked both ways.

Every piece of text from the files reaches the page through Jinja2 with auto-escaping;
nothing here builds HTML by string concatenation. The file is written atomically.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from .. import __version__
from ..core.facts import FactRow, table_rows
from ..core.highlight import Mark, marks, segments
from ..core.model import GROUP_SEPARATOR, Comparison, Document, Kind, Op
from ..core.names import display_name
from ..core.text import STOP_WORDS, fold
from ..palette import MOVED, STYLES, WORD_ROLES, count_text
from .atomic import ExportError, write_atomic

__all__ = ["ExportError", "render_html", "write_html"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def visible(text: str) -> str:
    """Show control characters as their Unicode pictures (U+2400…) instead of raw bytes."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: "\u2421" if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), text
    )


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


_TAGS = {
    "": ("", ""),
    "delete": ("<del>", "</del>"),
    "insert": ("<ins>", "</ins>"),
    "conflict": ('<mark class="c">', "</mark>"),
    "shared": ('<mark class="shared">', "</mark>"),
}


def runs_html(runs: list[tuple[str, str]]) -> Markup:
    """A sentence's highlighted runs as markup.

    Every piece of file text goes through ``markupsafe.escape`` (Jinja's own escaper);
    only the constant tags around it are literal. This is the template's inner loop,
    moved out of Jinja because a 10k-sentence report spent most of its time there.
    """
    out = []
    for text, role in runs:
        opening, closing = _TAGS[role]
        out.append(opening + str(escape(visible(text))) + closing)
    return Markup("".join(out))


@dataclass
class Cell:
    sentences: list[tuple[int, list[tuple[str, str]]]] = field(default_factory=list)
    #: the sentences stand in another row too (a cross link's shared sentence): this copy
    #: takes no ids, which belong to the sentences' own row
    copy: bool = False

    def html(self, side: str) -> Markup:
        """The cell's sentences, each a ``<span class="s" id="l12">`` of escaped runs.

        Ids are integers and ``side`` is "l" or "r"; all file text goes through
        :func:`runs_html`. (A Jinja loop here was half the time of a 10k-row report.)
        """
        assert side in ("l", "r")
        if self.copy:
            return Markup(
                " ".join(
                    f'<span class="s copy">{runs_html(runs)}</span>' for _, runs in self.sentences
                )
            )
        return Markup(
            " ".join(
                f'<span class="s" id="{side}{int(sid)}" data-id="{int(sid)}">'
                f"{runs_html(runs)}</span>"
                for sid, runs in self.sentences
            )
        )


@dataclass
class Row:
    #: 1-based, as shown; page furniture has none (it is folded away and is not compared:
    #: numbering it would leave gaps in the numbers a reader sees)
    number: int | None
    kind: str
    marker: str
    moved: bool
    similarity: int  # percent
    reasons: list[str]
    left: Cell
    right: Cell
    ghost_of: int | None = None  # a placeholder row for a moved pair shown at row ``ghost_of``
    ghost_ids: tuple[int, ...] = ()
    ghost_at: int | None = None  # for a moved pair: the number of its placeholder row
    rewritten: bool = False
    overlap: bool = False  # the pair shares a fact and each side says more
    furniture_number: int = 0  # for page furniture: its place among the furniture rows
    #: a cross link's row: the side ("left"/"right") whose sentence stands in another row
    #: too (its own pair's), and that row's number
    also_side: str = ""
    also_row: int | None = None

    @property
    def anchor(self) -> str:
        """The row's id in the page (links to rows use it)."""
        return (
            f"row-{self.number}"
            if self.number is not None
            else f"furniture-{self.furniture_number}"
        )


def shared_marks(cmp: Comparison, side: str, n: int) -> list[Mark]:
    """For an overlap pair: the content words both sides share (in the diff's equal runs),
    marked ``shared``, plus the conflict marks. Its other words are expected to differ (each
    side says more), so a full word diff would be noise."""
    pair = cmp.pairs[n]
    doc = cmp.left if side == "left" else cmp.right
    out = [m for m in marks(cmp, side, n) if m.role == "conflict"]
    starts, pos = [], 0
    for i in pair.ids(side):
        s = doc.sentences[i]
        starts.append((pos, pos + len(s.text), s.start))
        pos += len(s.text) + len(GROUP_SEPARATOR)
    for a, b, op in pair.diff_spans(side):
        if op is not Op.EQUAL:
            continue
        for gs, ge, ds in starts:
            for w in re.finditer(r"\w+", doc.text[ds : ds + ge - gs]):
                lo, hi = gs + w.start(), gs + w.end()
                if a <= lo and hi <= b and fold(w.group()) not in STOP_WORDS:
                    out.append(Mark(ds + w.start(), ds + w.end(), "shared"))
    out.sort(key=lambda m: (m.start, m.role != "conflict"))
    return out


def _cell(cmp: Comparison, doc: Document, side: str, n: int) -> Cell:
    overlap = cmp.pairs[n].relation == "overlap"
    ms = shared_marks(cmp, side, n) if overlap else marks(cmp, side, n)
    sentences = [doc.sentences[i] for i in cmp.pairs[n].ids(side)]
    return Cell([(s.id, segments(s.text, s.start, ms)) for s in sentences])


def build_rows(cmp: Comparison) -> list[Row]:
    rows: list[Row] = []
    for n, p in enumerate(cmp.pairs):
        st = STYLES[p.kind]
        rows.append(
            Row(
                number=0,
                kind=p.kind.value,
                marker=st.marker,
                moved=p.moved,
                similarity=round(p.similarity * 100),
                reasons=p.reasons(),
                left=_cell(cmp, cmp.left, "left", n),
                right=_cell(cmp, cmp.right, "right", n),
                rewritten=p.rewritten,
                overlap=p.relation == "overlap",
            )
        )
    # placeholders for moved pairs at their place in the right text's order
    anchors = sorted((min(p.right), k) for k, p in enumerate(cmp.pairs) if p.right and not p.moved)
    firsts = [r for r, _ in anchors]
    inserts: dict[int, list[int]] = {}
    for k, p in enumerate(cmp.pairs):
        if p.moved and p.right:
            # after the last in-order row whose right sentence comes before this one's
            at = bisect.bisect_left(firsts, min(p.right)) - 1
            inserts.setdefault(anchors[at][1] if at >= 0 else -1, []).append(k)
    ordered: list[Row] = []
    ghost_for: dict[int, Row] = {}

    def ghosts(after: int) -> None:
        for k in inserts.get(after, []):
            g = Row(
                0,
                rows[k].kind,
                MOVED.marker,
                True,
                0,
                [],
                Cell(),
                Cell(),
                ghost_ids=cmp.pairs[k].right,
            )
            ghost_for[k] = g
            ordered.append(g)

    ghosts(-1)
    for k, row in enumerate(rows):
        ordered.append(row)
        ghosts(k)
    # rows a reader sees are numbered 1, 2, 3… without gaps whether the furniture is
    # folded away (the default) or shown: furniture rows take no number of their own
    num = furniture = 0
    for row in ordered:
        if row.kind == Kind.FURNITURE.value:
            furniture += 1
            row.number, row.furniture_number = None, furniture
        else:
            num += 1
            row.number = num
    for k, g in ghost_for.items():
        g.ghost_of = rows[k].number
        rows[k].ghost_at = g.number
    for k, p in enumerate(cmp.pairs):
        hosted = cmp.cross_host(k) if p.cross else None
        if hosted is not None:
            side, host = hosted
            (rows[k].left if side == "left" else rows[k].right).copy = True
            rows[k].also_side, rows[k].also_row = side, rows[host].number
    return ordered


#: Rows the report's facts table shows at most (the JSON export has them all): a
#: 10,000-sentence pair states some 25,000 facts, which no one reads in a page.
MAX_FACT_ROWS = 1000


def fact_rows(cmp: Comparison) -> list[FactRow]:
    """The facts table's rows (see :func:`kzdiff.core.facts.table_rows`)."""
    return table_rows(cmp.facts)


_env = Environment(
    loader=PackageLoader("kzdiff.export", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_env.filters["visible"] = visible


def render_html(cmp: Comparison, generated: _dt.datetime | None = None) -> str:
    generated = generated or _dt.datetime.now().astimezone()
    sides = [
        {
            "side": side,
            "doc": doc,
            "name": doc.name,
            "path": display_name(doc.path) if doc.path else "(text)",
            "size": human_size(doc.size),
            "encoding": doc.encoding_label,
            "sentences": len(doc.sentences),
            "warnings": list(doc.warnings),
            "meta": [(k, getattr(doc, k)) for k in ("title", "author", "date") if getattr(doc, k)],
        }
        for side, doc in (("left", cmp.left), ("right", cmp.right))
    ]
    summary = cmp.summary()
    legend = [
        {
            "kind": k.value,
            "style": STYLES[k],
            "count": summary[k.value]
            if k is not Kind.MISSING
            else summary["only_left"] + summary["only_right"],
            # the words and numbers the window's legend shows
            "text": count_text(k, summary),
        }
        for k in Kind
    ]
    legend.append(
        {
            "kind": "moved",
            "style": MOVED,
            "count": summary["moved"],
            "text": f"moved: {summary['moved']}",
        }
    )
    facts = fact_rows(cmp)
    fact_counts = {k: sum(1 for r in facts if r.status == k) for k in ("disagree", "agree")}
    fact_counts["one-sided"] = len(facts) - fact_counts["disagree"] - fact_counts["agree"]
    return _env.get_template("report.html.j2").render(
        title=f"{cmp.left.name} ↔ {cmp.right.name}",
        sides=sides,
        summary_text=cmp.summary_text(),
        summary=summary,
        legend=legend,
        rows=build_rows(cmp),
        styles=STYLES,
        moved=MOVED,
        roles=WORD_ROLES,
        generated=generated.strftime("%Y-%m-%d %H:%M %Z").strip(),
        version=__version__,
        facts=facts[:MAX_FACT_ROWS],
        facts_total=len(facts),
        fact_counts=fact_counts,
    )


def write_html(cmp: Comparison, path: str | os.PathLike[str], overwrite: bool = False) -> Path:
    """Render and write atomically; raises :class:`ExportError` with a one-line reason."""
    return write_atomic(path, render_html(cmp), overwrite=overwrite)
