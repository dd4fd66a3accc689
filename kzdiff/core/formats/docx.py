"""A Word document (.docx): paragraphs, headings, tables and footnotes, as the reader sees
them after accepting tracked changes.

Read with lxml straight from the WordprocessingML parts rather than python-docx: the
text needed is a walk over ``w:p`` / ``w:tbl`` in document order, and python-docx's
``Paragraph.text`` skips the runs of a tracked insertion (``w:ins``) and cannot read
footnotes, which are both needed here; lxml is already installed for web pages, so no
new dependency is added. Deleted runs (``w:del``, text in ``w:delText``), moved-from text
(``w:moveFrom``) and field codes (``w:instrText``) are not text; inserted runs are.
"""

from __future__ import annotations

from . import Extracted, FormatError
from .ooxml import open_zip, read_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}pPr", f"{W}rPr"}
_WHAT = "Word document"


def _para_text(p) -> str:
    out: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                continue
            else:
                walk(child)

    walk(p)
    return "".join(out).strip()


def _style(p) -> str:
    st = p.find(f"{W}pPr/{W}pStyle")
    return (st.get(f"{W}val") or "") if st is not None else ""


def _blocks(container) -> list[str]:
    """Paragraph texts of a body, table cell or note, tables read row by row, cell by cell."""
    out: list[str] = []
    for el in container:
        if el.tag == f"{W}p":
            text = _para_text(el)
            if text:
                out.append(text)
        elif el.tag == f"{W}tbl":
            for row in el.iter(f"{W}tr"):
                for cell in row.findall(f"{W}tc"):
                    out.extend(_blocks(cell))
        elif el.tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            inner = el.find(f"{W}sdtContent")
            out.extend(_blocks(inner if inner is not None else el))
    return out


def read_docx(raw: bytes) -> Extracted:
    with open_zip(raw, _WHAT) as z:
        root = read_part(z, "word/document.xml", _WHAT)
        body = root.find(f"{W}body")
        if body is None:
            raise FormatError(f"is a damaged {_WHAT} (it has no body)")
        paras = _blocks(body)
        notes = []
        tables = len(body.findall(f".//{W}tbl"))
        tracked = body.find(f".//{W}del") is not None or body.find(f".//{W}ins") is not None
        footnotes = []
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            fn = read_part(z, part, _WHAT, required=False)
            if fn is None:
                continue
            for note in fn.findall(f"{W}{tag}"):
                if note.get(f"{W}type") in (None, "normal"):
                    footnotes.extend(_blocks(note))
        title, author, date = _core_properties(z)
    if tracked:
        notes.append("a Word document with tracked changes: read as if they were accepted")
    if tables:
        notes.append(f"a Word document with {tables} table(s): read row by row, cell by cell")
    if footnotes:
        notes.append(f"its {len(footnotes)} footnote paragraph(s) are compared at the end")
        paras += ["Notes", *footnotes]
    text = "\n\n".join(p.replace("\t", " ") for p in paras)
    return Extracted(text, "docx", title, author, date, notes)


def _core_properties(z) -> tuple[str | None, str | None, str | None]:
    core = read_part(z, "docProps/core.xml", _WHAT, required=False)
    if core is None:
        return None, None, None

    def find(tag: str) -> str | None:
        for el in core:
            if isinstance(el.tag, str) and el.tag.endswith("}" + tag):
                value = " ".join((el.text or "").split())
                return value or None
        return None

    return find("title"), find("creator"), find("modified") or find("created")
