"""Reading a text file the way a user means it: right encoding, plain newlines, clear refusals.

Everything that can go wrong with a user's file ends here in a :class:`LoadError` whose
message names the file and says what is wrong, so the CLI and the window can show it as
is. Nothing here modifies the file.
"""

from __future__ import annotations

import codecs
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .htmltext import looks_like_html

log = logging.getLogger(__name__)

#: Files above this size load, with a warning that the comparison will take a while.
LARGE_BYTES = 5 * 1024 * 1024
#: Files above this size are refused: a prose article is never this big, and holding two
#: of them with their sentence index would take gigabytes.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),  # the name says which BOM was there
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Magic numbers of common binary formats a user might pick by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    # (a readable PDF, .docx or .odt never gets here: see read_by_format)
    b"%PDF": "a damaged PDF document",
    b"PK\x03\x04": "a ZIP archive (not a Word or OpenDocument file)",
    b"\x7fELF": "a program (ELF executable)",
    b"MZ": "a program (Windows executable)",
    b"\xd0\xcf\x11\xe0": "an old Office document (save it as plain text first)",
    b"\x1f\x8b": "a gzip archive",
}


_HIGH_BYTES = bytes(range(0x80, 0x100))


class LoadError(Exception):
    """A file that cannot be compared; ``str()`` is a one-line message naming the file."""


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str
    path: str | None
    size: int
    warnings: tuple[str, ...] = ()
    #: "text"; "html", "docx" or "pdf": ``text`` is what was extracted from the file
    format: str = "text"
    title: str | None = None
    author: str | None = None
    date: str | None = None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_file(path: str | os.PathLike[str]) -> LoadedText:
    """Read ``path`` as text, detecting its encoding; raise :class:`LoadError` if it is not."""
    p = Path(path)
    name = str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as e:
        raise LoadError(f"{name}: cannot be read ({e.strerror or e})") from None
    if p.is_dir():
        raise LoadError(f"{name}: is a folder, not a text file")
    if st.st_size > MAX_BYTES:
        raise LoadError(
            f"{name}: too large to compare ({st.st_size / 2**20:.0f} MB; "
            f"the limit is {MAX_BYTES // 2**20} MB)"
        )
    try:
        with p.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(f"{name}: the file vanished while it was being read") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as e:
        raise LoadError(f"{name}: cannot be read ({e.strerror or e})") from None
    extracted = read_by_format(raw, name, len(raw))
    if extracted is not None:
        return extracted
    text, encoding, warnings = decode_bytes(raw, name)
    if len(raw) > LARGE_BYTES:
        warnings.append(
            f"{name}: large file ({len(raw) / 2**20:.1f} MB); comparing may take a while"
        )
    for w in warnings:
        log.warning("%s", w)
    if looks_like_html(text, name):
        return _from_extracted(extract_page(text, name), encoding, str(p), len(raw), warnings)
    return LoadedText(text, encoding, str(p), len(raw), tuple(warnings), "text")


#: Extensions whose files must be one of the extracted formats (a damaged one is refused
#: as that format, not as "a ZIP archive").
_EXTENSIONS = {".docx": "Word document", ".odt": "OpenDocument text", ".pdf": "PDF"}


def read_by_format(raw: bytes, name: str, size: int) -> LoadedText | None:
    """A Word, OpenDocument or PDF file's extracted text, or None for any other file."""
    from .formats import FormatError, binary_format, extract_binary

    fmt = binary_format(raw)
    if fmt is None:
        what = _EXTENSIONS.get(Path(name).suffix.lower())
        if what and raw.startswith((b"PK\x03\x04", b"%PDF")):
            raise LoadError(f"{name}: is a damaged {what} (it cannot be opened)")
        if what and what != "PDF" and raw.startswith(b"\xd0\xcf\x11\xe0"):
            # Office saves a password-protected .docx in its old container format
            raise LoadError(
                f"{name}: is a password-protected or old-format {what}; "
                "save an unprotected .docx copy first"
            )
        return None
    try:
        extracted = extract_binary(raw, fmt)
    except FormatError as e:
        raise LoadError(f"{name}: {e}") from None
    except MemoryError:
        raise LoadError(f"{name}: is too large to extract its text") from None
    return _from_extracted(extracted, "utf-8", name, size, [])


def extract_page(text: str, name: str):  # -> formats.Extracted
    """A web page's article (or visible text), see :mod:`kzdiff.core.formats.html`."""
    from .formats import extract_html

    return extract_html(text)


def _from_extracted(ex, encoding: str, path: str, size: int, warnings: list[str]) -> LoadedText:
    text = normalise_newlines(ex.text)
    for note in ex.notes:
        warnings.append(f"{path}: {note}")
        log.info("%s: %s", path, note)
    return LoadedText(
        text, encoding, path, size, tuple(warnings), ex.format, ex.title, ex.author, ex.date
    )


def decode_bytes(raw: bytes, name: str = "(input)") -> tuple[str, str, list[str]]:
    """Decode file bytes to text with newlines normalised; return (text, encoding, warnings)."""
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return normalise_newlines(raw[len(bom) :].decode(enc)), enc, warnings
            except UnicodeDecodeError:
                raise LoadError(f"{name}: starts as {enc} but is not valid {enc} text") from None
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise LoadError(f"{name}: is {what}, not a text file")
    utf16 = _sniff_utf16(raw)
    if utf16:
        try:
            return normalise_newlines(raw.decode(utf16)), utf16, warnings
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:65536]:
        raise LoadError(f"{name}: contains binary data (NUL bytes), not a text file")
    try:
        return normalise_newlines(raw.decode("utf-8")), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    encoding = _detect(raw)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "cp1252" if encoding == "cp1252" else "utf-8"
        text = raw.decode(encoding, errors="replace")
        warnings.append(f"{name}: not valid {encoding} text; undecodable bytes are shown as \ufffd")
    if _looks_binary(text):
        raise LoadError(f"{name}: contains binary data, not a text file")
    return normalise_newlines(text), encoding, warnings


def _sniff_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _detect(raw: bytes) -> str:
    """The legacy encoding of bytes that are not UTF-8.

    Text that is mostly ASCII with a few other bytes is Western copy from Windows
    (cp1252: curly quotes, accents, the euro sign); a detector given so few non-ASCII
    bytes guesses wildly (Baltic, Turkish, Mac code pages), so it is asked only when the
    non-ASCII bytes are many, as in Cyrillic, Greek or East Asian text.
    """
    sample = raw[:1_000_000]
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))  # counted in C
    if non_ascii <= 0.1 * len(sample):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    return best.encoding if best is not None else "cp1252"


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad > 0.05 * len(sample)
