"""Reading a text file the way a user means it: right encoding, plain newlines, clear refusals.

Everything that can go wrong with a user's file ends here in a :class:`LoadError` whose
message names the file and says what is wrong, so the CLI and the window can show it as
is. Nothing here modifies the file.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from .htmltext import looks_like_html
from .names import display_name

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
# Open flags: never block on a FIFO or wait for a terminal; binary on Windows.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


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
    #: the encoding was inferred from the bytes (no BOM, not UTF-8): a guess
    encoding_guessed: bool = False


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_file(path: str | os.PathLike[str]) -> LoadedText:
    """Read ``path`` as text, detecting its encoding; raise :class:`LoadError` if it is not.

    Only a regular file is read. The file is opened without blocking and checked with
    ``fstat`` before any read, so a named pipe, a device or a socket is refused by name
    rather than waited on for ever.
    """
    p = Path(path)
    name = display_name(p)
    try:
        fd = os.open(p, os.O_RDONLY | _O_NONBLOCK | _O_NOCTTY | _O_BINARY)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except IsADirectoryError:  # Windows cannot open a folder
        raise LoadError(f"{name}: is a folder, not a text file") from None
    except OSError as e:
        raise LoadError(f"{name}: cannot be read ({e.strerror or e})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise LoadError(f"{name}: is a folder, not a text file")
        if not stat.S_ISREG(st.st_mode):
            hint = " (the command line reads a pipe as -)" if stat.S_ISFIFO(st.st_mode) else ""
            raise LoadError(f"{name}: is {_kind(st.st_mode)}, not a regular file{hint}")
        if st.st_size > MAX_BYTES:
            raise LoadError(_too_large(name, st.st_size))
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(MAX_BYTES + 1)
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as e:
        raise LoadError(f"{name}: cannot be read ({e.strerror or e})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:  # it grew after fstat
        raise LoadError(_too_large(name, len(raw), more=True))
    return loaded_from_bytes(raw, name, str(p))


def load_stream(stream: BinaryIO, name: str = "(standard input)") -> LoadedText:
    """Read a pipe or standard input to its end (refused beyond the size limit)."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= MAX_BYTES:
            chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise LoadError(f"{name}: cannot be read ({e.strerror or e})") from None
    if size > MAX_BYTES:
        raise LoadError(_too_large(name, size, more=True))
    return loaded_from_bytes(b"".join(chunks), name, name)


def _too_large(name: str, size: int, more: bool = False) -> str:
    what = f"more than {MAX_BYTES // 2**20} MB" if more else f"{size / 2**20:.0f} MB"
    return f"{name}: too large to compare ({what}; the limit is {MAX_BYTES // 2**20} MB)"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def loaded_from_bytes(raw: bytes, name: str, path: str | None) -> LoadedText:
    """Extract a Word/OpenDocument/PDF file's text, or decode, warn and extract a web
    page's article: what every reader of bytes shares."""
    extracted = read_by_format(raw, name, path, len(raw))
    if extracted is not None:
        return extracted
    d = decode(raw, name)
    warnings = list(d.warnings)
    if len(raw) > LARGE_BYTES:
        warnings.append(
            f"{name}: large file ({len(raw) / 2**20:.1f} MB); comparing may take a while"
        )
    for w in warnings:
        log.warning("%s", w)
    if looks_like_html(d.text, path or name):
        return _from_extracted(
            extract_page(d.text, name), d.encoding, name, path, len(raw), warnings, d.guessed
        )
    return LoadedText(
        d.text, d.encoding, path, len(raw), tuple(warnings), "text", encoding_guessed=d.guessed
    )


#: Extensions whose files must be one of the extracted formats (a damaged one is refused
#: as that format, not as "a ZIP archive").
_EXTENSIONS = {".docx": "Word document", ".odt": "OpenDocument text", ".pdf": "PDF"}


def read_by_format(raw: bytes, name: str, path: str | None, size: int) -> LoadedText | None:
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
    return _from_extracted(extracted, "utf-8", name, path, size, [])


def extract_page(text: str, name: str):  # -> formats.Extracted
    """A web page's article (or visible text), see :mod:`kzdiff.core.formats.html`."""
    from .formats import extract_html

    return extract_html(text)


def _from_extracted(
    ex,  # formats.Extracted
    encoding: str,
    name: str,
    path: str | None,
    size: int,
    warnings: list[str],
    guessed: bool = False,
) -> LoadedText:
    text = normalise_newlines(ex.text)
    for note in ex.notes:
        warnings.append(f"{name}: {note}")
        log.info("%s: %s", name, note)
    return LoadedText(
        text,
        encoding,
        path,
        size,
        tuple(warnings),
        ex.format,
        ex.title,
        ex.author,
        ex.date,
        encoding_guessed=guessed,
    )


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    #: the encoding was inferred from the bytes (no BOM, not valid UTF-8): a guess
    guessed: bool = False


def decode_bytes(raw: bytes, name: str = "(input)") -> tuple[str, str, list[str]]:
    """Decode file bytes to text with newlines normalised; return (text, encoding, warnings)."""
    d = decode(raw, name)
    return d.text, d.encoding, list(d.warnings)


def decode(raw: bytes, name: str = "(input)") -> Decoded:
    """Decode file bytes to text with newlines normalised, or refuse them as not text.

    In order: a BOM says the encoding; a binary format's magic number refuses the file;
    NUL bytes are UTF-32/UTF-16 without a BOM only if that decodes to plausible text,
    else binary; valid UTF-8 is UTF-8, and so is text that is UTF-8 but for a few bytes
    (a cut last character); the rest is a legacy encoding, guessed. Whatever the route,
    decoded text full of control characters is refused.
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise LoadError(f"{name}: starts as {enc} but is not valid {enc} text") from None
            _refuse_binary(text, name)
            return Decoded(normalise_newlines(text), enc)
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise LoadError(f"{name}: is {what}, not a text file")
    if b"\x00" in raw[:65536]:
        wide = _sniff_wide(raw)
        if wide is None:
            raise LoadError(f"{name}: contains binary data (NUL bytes), not a text file")
        text, enc = wide  # checked to read as text: a guess, but not an unsure one
        return Decoded(normalise_newlines(text), enc, guessed=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text, name)
        return Decoded(normalise_newlines(text), "utf-8")
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        text, bad = mostly
        _refuse_binary(text, name)
        note = (
            f"{name}: UTF-8 but for {bad} invalid byte{'s' if bad > 1 else ''} "
            "(a cut or damaged character); undecodable bytes are shown as \ufffd"
        )
        return Decoded(normalise_newlines(text), "utf-8", (note,))
    encoding, sure = _detect(raw)
    warnings: list[str] = []
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "cp1252" if encoding == "cp1252" else "utf-8"
        text = raw.decode(encoding, errors="replace")
        warnings.append(f"{name}: not valid {encoding} text; undecodable bytes are shown as \ufffd")
    else:
        if not sure:
            warnings.append(
                f"{name}: not UTF-8; read as {encoding}, a guess that may be wrong "
                "(save it as UTF-8 to be sure)"
            )
    _refuse_binary(text, name)
    return Decoded(normalise_newlines(text), encoding, tuple(warnings), guessed=True)


def _refuse_binary(text: str, name: str) -> None:
    if "\x00" in text[:65536]:
        raise LoadError(f"{name}: contains binary data (NUL bytes), not a text file")
    if _looks_binary(text):
        raise LoadError(f"{name}: contains binary data, not a text file")


def _mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """Text that is UTF-8 but for a few bytes, and how many: a cut last character or a
    damaged byte must not turn every accented letter of an article into mojibake.

    Either the only fault is a character cut at the very end (a file truncated by a byte
    count) of text that has other multi-byte characters, or valid multi-byte characters
    are at least half as many as bad bytes: in text from a legacy code page, a valid UTF-8
    sequence is a rare accident (and a lone "é" at the end of ASCII is cp1252's).
    """
    for cut in (1, 2, 3):
        if len(raw) > cut and raw[-cut] >= 0xC0:  # a lead byte whose sequence was cut
            try:
                text = raw[:-cut].decode("utf-8")
            except UnicodeDecodeError:
                break
            if cut > 1 or not text.isascii():
                return text + "\ufffd", 1
            break
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid >= 1 and bad <= 2 * valid:
        return text, bad
    return None


def _sniff_wide(raw: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a BOM, if the bytes decode to something that reads as text.

    NULs at every other byte are also what binary data and chance give (``abc\\0def\\0``
    is valid UTF-16 for two CJK characters among Latin letters); the decoded text must
    hold no control characters and keep to one script within words.
    """
    for enc, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(raw) % unit:
            continue
        try:
            head = raw[: 65536 - 65536 % unit].decode(enc)
        except UnicodeDecodeError:
            continue
        if not _plausible(head):
            continue
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


_TEXT_CONTROLS = frozenset("\n\r\t\f\v")


def _plausible(text: str) -> bool:
    """Does decoded text read as prose: no control or unassigned characters, and letters
    that change script only rarely (at word boundaries), as in any real text?"""
    sample = text[:20000]
    if not sample:
        return False
    # Real wide text has its NUL bytes in the high half of ASCII characters; a NUL read
    # as the low byte of a code point (U+6300) says the bytes were paired up wrongly.
    if sum(1 for ch in sample if ord(ch) > 0xFF and not ord(ch) & 0xFF) > 0.1 * len(sample):
        return False
    for ch in sample:
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch)[0] == "C":
            return False
    scripts = [_script(ch) for ch in sample if ch.isalpha()]
    if len(scripts) < 2:
        return False
    changes = sum(1 for a, b in zip(scripts, scripts[1:], strict=False) if a != b)
    return changes <= 0.1 * len(scripts)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    word = unicodedata.name(ch, "?").split(" ", 1)[0]
    # Japanese writes one word in kanji and kana; Chinese and Korean text mix them too
    return "CJK" if word in ("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH") else word


# What Western copy read as cp1252 does not have: three non-ASCII characters in a row, or
# a non-ASCII symbol inside a word ("Rz¹d": Polish cp1250 read as cp1252).
_ODD_RUN = re.compile(r"[^\x00-\x7f]{3,}|(?<=[a-zA-Z])[^\x00-\x7f](?=[a-zA-Z])")
_IN_WORD_MARKS = frozenset("’‘´–—·")


def _not_western(text: str) -> int:
    return sum(
        1
        for m in _ODD_RUN.finditer(text)
        if len(m.group()) > 1 or not (m.group().isalpha() or m.group() in _IN_WORD_MARKS)
    )


def _detect(raw: bytes) -> tuple[str, bool]:
    """The legacy encoding of bytes that are not UTF-8, and whether the guess is sure.

    Text that is mostly ASCII with a few other bytes is Western copy from Windows
    (cp1252: curly quotes, accents, the euro sign); a detector given so few non-ASCII
    bytes guesses wildly (Baltic, Turkish, Mac code pages), so it is asked only when the
    non-ASCII bytes are many, as in Cyrillic, Greek or East Asian text, or when cp1252
    gives runs of three and more non-ASCII characters, which Western words do not have
    (Greek or Cyrillic words read in the wrong code page do).
    """
    sample = raw[:1_000_000]
    non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))  # counted in C
    if non_ascii <= 0.1 * len(sample):
        if _not_western(sample.decode("cp1252", errors="replace")) <= 1:
            return "cp1252", True
    from charset_normalizer import from_bytes

    results = list(from_bytes(sample))
    if not results:
        return "cp1252", False
    best = results[0]
    enc = codecs.lookup(best.encoding).name
    # Sure when the text reads cleanly in the chosen encoding and clearly worse in the
    # runner-up (cp1250 and cp1252 read Polish equally cleanly: a guess, said so).
    sure = best.chaos <= 0.05 and all(r.chaos - best.chaos >= 0.05 for r in results[1:])
    return enc, sure


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad > 0.05 * len(sample)
