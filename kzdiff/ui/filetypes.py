"""The file types the window offers to open, and how a side's header describes its file."""

from __future__ import annotations

from ..core.model import Document

#: Open-dialog filters: every format kzdiff reads first, then each kind alone.
OPEN_FILTERS = ";;".join(
    [
        "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.docx *.odt *.pdf)",
        "Text files (*.txt *.text *.md *.markdown)",
        "Web pages (*.html *.htm *.xhtml)",
        "Word documents (*.docx *.odt)",
        "PDF documents (*.pdf)",
        "All files (*)",
    ]
)

_FORMATS = {"html": "web page", "docx": "Word", "odt": "OpenDocument", "pdf": "PDF"}


def header_text(label: str, doc: Document) -> str:
    """'story.pdf · PDF · 42 sentences (3 furniture) · “Title” · Author · 2025-03-04'."""
    furniture = sum(1 for s in doc.sentences if s.block == "furniture")
    parts = [label, _FORMATS.get(doc.format, doc.encoding)]
    count = f"{len(doc.sentences)} sentences"
    if furniture:
        count += f" ({furniture} furniture)"
    parts.append(count)
    if doc.title:
        title = doc.title if len(doc.title) <= 60 else doc.title[:59] + "…"
        parts.append(f"“{title}”")
    parts += [x for x in (doc.author, doc.date) if x]
    return "  ·  ".join(parts)


def header_tooltip(path: str | None, doc: Document) -> str:
    lines = [path or "text dropped into the window"]
    for key in ("title", "author", "date"):
        value = getattr(doc, key)
        if value:
            lines.append(f"{key.capitalize()}: {value}")
    return "\n".join(lines)
