"""A PDF's text layer, as paragraphs: lines re-joined across line and page breaks, running
headers, footers and page numbers dropped.

Read with pypdf: pure Python, BSD-licensed, no system library, and fast enough for a
press release or a report (see ``bench/bench.py --formats``). pdfminer.six would give
finer layout at several times the run time; PyMuPDF is faster but a large AGPL binary.
pypdf gives each page's lines in reading order; here a line ends its paragraph when it
ends a sentence and is clearly shorter than the page's full lines (or the next line is
indented / a heading), and a page's last paragraph runs on into the next page unless it
ended a sentence.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from . import Extracted, FormatError

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_END = re.compile(r"[.!?…:][\"'”’)\]]*\Z")


def read_pdf(raw: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the file
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")  # many PDFs are "encrypted" with no password
            except (DependencyError, NotImplementedError):
                ok = 0
            if not ok:
                raise FormatError("is a password-protected PDF; save an unprotected copy first")
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
        meta = reader.metadata
    except FormatError:
        raise
    except FileNotDecryptedError:
        raise FormatError("is a password-protected PDF; save an unprotected copy first") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as e:
        why = " ".join(str(e).split())[:120] or type(e).__name__
        raise FormatError(f"is a damaged PDF ({why})") from None
    except RecursionError:
        raise FormatError("is a damaged PDF (its structure loops)") from None
    if not any(pages):
        raise FormatError(
            "is a PDF without a text layer (a scan or an image?): run OCR on it first"
        )
    pages = _drop_running_lines(pages)
    text = _paragraphs(pages)
    title = author = date = None
    if meta is not None:
        title = _clean(meta.get("/Title"))
        author = _clean(meta.get("/Author"))
        date = _clean(meta.get("/CreationDate"))
        if date and date.startswith("D:") and len(date) >= 10:
            date = f"{date[2:6]}-{date[6:8]}-{date[8:10]}"
    notes = [f"a PDF of {len(pages)} page(s): its text layer is compared"]
    return Extracted(text, "pdf", title, author, date, notes)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _page_lines(text: str) -> list[str]:
    return [" ".join(ln.split()) for ln in text.replace("\r", "\n").split("\n") if ln.strip()]


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages."""

    def key(line: str) -> str:
        return _DIGITS.sub("#", line.lower())

    # a running line is short and stands at the same place (first, second, last or
    # second-to-last line) on most pages
    edge: Counter[tuple[int, str]] = Counter()
    for lines in pages:
        for pos in {0, 1, -1, -2}:
            if -len(lines) <= pos < len(lines) and len(lines[pos]) <= 90:
                edge[(pos, key(lines[pos]))] += 1
    running = {k for k, n in edge.items() if len(pages) >= 3 and n >= 0.6 * len(pages)}
    out = []
    for lines in pages:
        kept = []
        for n, ln in enumerate(lines):
            pos = n if n < 2 else n - len(lines)
            at_edge = n < 2 or n >= len(lines) - 2
            if at_edge and ((pos, key(ln)) in running or _PAGE_NUMBER.fullmatch(ln)):
                continue
            kept.append(ln)
        out.append(kept)
    return out


def _paragraphs(pages: list[list[str]]) -> str:
    lengths = sorted(len(ln) for lines in pages for ln in lines)
    full = lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0
    paras: list[str] = []
    current = ""
    prev_len = 0
    for lines in pages:
        for ln in lines:
            if current and _ends_paragraph(current, prev_len, full, ln):
                paras.append(current)
                current = ""
            if not current:
                current = ln
            elif current.endswith("-") and ln[:1].islower():
                current = current[:-1] + ln
            else:
                current = f"{current} {ln}"
            prev_len = len(ln)
    if current:
        paras.append(current)
    return "\n\n".join(paras)


def _ends_paragraph(current: str, last_len: int, full: int, nxt: str) -> bool:
    """Does the paragraph so far end before line ``nxt``?"""
    stopped = bool(_END.search(current))
    short = last_len < 0.85 * full
    heading = not stopped and last_len < 0.6 * full and nxt[:1].isupper()
    return (stopped and short) or heading
