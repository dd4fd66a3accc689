"""How a side's header describes its file (the formats the open dialog lists are in
:mod:`.filedialogs`)."""

from __future__ import annotations

from ..core.model import Document
from ..core.names import display_name

_FORMATS = {"html": "web page", "docx": "Word", "odt": "OpenDocument", "pdf": "PDF"}


def header_text(label: str, doc: Document) -> str:
    """'story.pdf · PDF · 42 sentences (3 furniture) · “Title” · Author · 2025-03-04'."""
    furniture = sum(1 for s in doc.sentences if s.block == "furniture")
    parts = [label, _FORMATS.get(doc.format, doc.encoding_label)]
    count = f"{len(doc.sentences)} sentences"
    if furniture:
        count += f" ({furniture} furniture)"
    parts.append(count)
    if doc.title:
        title = display_name(doc.title)  # from the file: one line, no control characters
        title = title if len(title) <= 60 else title[:59] + "…"
        parts.append(f"“{title}”")
    parts += [display_name(x) for x in (doc.author, doc.date) if x]
    return "  ·  ".join(parts)


def header_tooltip(path: str | None, doc: Document) -> str:
    lines = [display_name(path) if path else "text dropped into the window"]
    for key in ("title", "author", "date"):
        value = getattr(doc, key)
        if value:
            lines.append(f"{key.capitalize()}: {display_name(value)}")
    return "\n".join(lines)
