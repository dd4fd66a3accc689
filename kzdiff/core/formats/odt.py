"""An OpenDocument text (.odt): paragraphs and headings, tracked deletions left out.

ODF keeps deleted text of tracked changes inside ``text:tracked-changes`` (skipped here)
and marks insertions in place, so the visible text is the text outside that element.
"""

from __future__ import annotations

from . import Extracted, FormatError
from .ooxml import open_zip, read_part

T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_WHAT = "OpenDocument text"
_SKIP = {f"{T}tracked-changes", f"{T}note", f"{T}sequence-decls"}


def _text(el) -> str:
    out: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP:
            pass
        elif tag == f"{T}s":
            out.append(" " * int(child.get(f"{T}c", "1") or 1))
        elif tag == f"{T}tab":
            out.append(" ")
        elif tag == f"{T}line-break":
            out.append("\n")
        else:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def read_odt(raw: bytes) -> Extracted:
    with open_zip(raw, _WHAT) as z:
        root = read_part(z, "content.xml", _WHAT)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise FormatError(f"is a damaged {_WHAT} (it has no text body)")
    paras: list[str] = []
    for el in body.iter(f"{T}p", f"{T}h"):
        if any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        text = _text(el).strip()
        if text:
            paras.append(text)
    return Extracted("\n\n".join(paras), "odt")
