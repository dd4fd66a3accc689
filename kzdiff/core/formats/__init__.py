"""Readers for the file formats kzdiff extracts text from: web pages, Word and PDF.

Each reader takes the file's bytes (or decoded text, for a web page) and returns an
:class:`Extracted`: the text that is compared (paragraphs separated by blank lines, so
the segmenter sees them as it would in a plain text copy), what the file says of itself
(title, author, date), and notes for the user. A file that cannot be read raises
:class:`~kzdiff.core.loading.LoadError`-compatible :class:`FormatError` with the reason.
:mod:`kzdiff.core.loading` only dispatches here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field


class FormatError(Exception):
    """A file of a known format that cannot be read; ``str()`` says why (without the name)."""


@dataclass
class Extracted:
    text: str
    format: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    notes: list[str] = field(default_factory=list)


def binary_format(raw: bytes) -> str | None:
    """'pdf', 'docx' or 'odt' for a file kzdiff can extract text from, by its content."""
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "content.xml" in names and b"opendocument.text" in _mimetype(z):
                    return "odt"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    return None


def _mimetype(z: zipfile.ZipFile) -> bytes:
    try:
        return z.read("mimetype")[:100]
    except KeyError:
        return b""


def extract_binary(raw: bytes, fmt: str) -> Extracted:
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(raw)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(raw)
    from .odt import read_odt

    return read_odt(raw)


def extract_html(text: str) -> Extracted:
    from .html import read_html

    return read_html(text)
