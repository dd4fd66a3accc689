"""What users throw at kzdiff: one table of bad files, run at three levels by
``tests/core/test_bad_input.py``, ``tests/test_cli_bad_input.py`` and
``tests/ui/test_bad_input.py``.

Every case ends either in a comparison (with a warning naming the file where something
is odd) or in a one-line message naming the file; never a traceback, a crash or a hang,
and in the window never the loss of what was shown before.
"""

from __future__ import annotations

import os
import random
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kzdiff.core.segment import MAX_SENTENCE_CHARS

from .documents import write_docx, write_pdf

OTHER = "A storm hit the coast on Friday. Thousands lost power."
WORDS = ["storm", "coast", "power", "river", "village", "minister", "report", "police"]


def _no_stops(n_lines: int) -> str:
    rng = random.Random(7)
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(11)) for _ in range(n_lines))


def _megabyte_sentence() -> str:
    rng = random.Random(8)
    return " ".join(rng.choice(WORDS) for _ in range(150_000))[:1_000_000]


FR = (
    "Le gouvernement a adopté le budget.\n\nLe ministre a déclaré que le déficit atteindrait "
    "trois pour cent.\n\nLa séance a été levée à minuit.\n\nFin à"
)
RU = "Президент подписал указ в понедельник. Цены на хлеб выросли на пять процентов."
ZH = "政府周一宣布了新的经济政策。专家表示，这些措施将有助于稳定市场信心。"
JA = "日本政府は月曜日、新たな経済対策を発表した。専門家はこの対策を評価している。"
PL = "Rząd ogłosił w poniedziałek nowe środki. Ceny wzrosły o pięć procent, podało ministerstwo."
#: a file name that would retitle the terminal and forge a second message line
EVIL_NAME = "evil\x1b]0;HACKED\x07\x1b[31m\nkzdiff: all good.txt"


def _long_paragraph(n: int) -> str:
    """One paragraph of n sentences, no blank line (segmentation was quadratic in it)."""
    rng = random.Random(9)
    w = lambda k: "".join(rng.choice(string.ascii_lowercase) for _ in range(k))  # noqa: E731
    return " ".join(f"The {w(6)} council met on {w(7)} to discuss the budget." for _ in range(n))


def _digits(n: int) -> str:
    rng = random.Random(10)
    return "".join(rng.choice(string.digits) for _ in range(n))


@dataclass
class Case:
    """A file to make; either the error it must give or what its comparison must show."""

    name: str
    make: Callable[[Path], None]
    error: str | None = None  # part of the one-line message, after "<path>: "
    warning: str | None = None  # part of a warning naming the file
    #: part of a note naming the file: in the document's warnings (JSON, window) but,
    #: being no problem, not printed on stderr (a Word file or PDF says what was read)
    note: str | None = None
    check: Callable = field(default=lambda doc: None)  # on the loaded Document


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        with p.open("wb") as f:
            f.truncate(size)

    return make


CASES = [
    Case("empty.txt", _bytes(b""), warning="is empty", check=lambda d: not d.sentences),
    Case(
        "blank.txt",
        _bytes(b"  \n\n\t \n"),
        warning="holds only white space",
        check=lambda d: not d.sentences,
    ),
    Case(
        "word.txt",
        _bytes(b"Kazakhstan"),
        check=lambda d: [s.text for s in d.sentences] == ["Kazakhstan"],
    ),
    Case(
        "nostops.txt",
        lambda p: p.write_text(_no_stops(30), encoding="utf-8"),
        warning="no sentence punctuation",
        check=lambda d: len(d.sentences) == 30,
    ),
    Case(
        "onesentence.txt",
        lambda p: p.write_text(_megabyte_sentence(), encoding="utf-8"),
        check=lambda d: (
            len(d.sentences) > 300 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in d.sentences)
        ),
    ),
    Case("huge.txt", _sparse(200 * 2**20), error="too large to compare (200 MB"),
    Case("photo.png", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), error="is a PNG image"),
    Case("notes.zip", _bytes(b"PK\x03\x04" + bytes(200)), error="is a ZIP archive"),
    Case("story.docx", _bytes(b"PK\x03\x04" + bytes(200)), error="is a damaged Word document"),
    Case(
        "renamed.docx",  # a Word file is recognised by its content, not its name
        lambda p: write_docx(p.with_suffix(".tmp"), extras=False).rename(p),
        check=lambda d: d.format == "docx" and d.sentences[0].text == "River floods town",
    ),
    Case(
        "tracked.docx",
        lambda p: write_docx(p),
        note="tracked changes: read as if they were accepted",
        check=lambda d: "The bridge will reopen next week." in [s.text for s in d.sentences],
    ),
    Case(
        "report.pdf",
        lambda p: write_pdf(p),
        note="its text layer is compared",
        check=lambda d: d.format == "pdf" and d.title == "River floods town",
    ),
    Case("scan.pdf", lambda p: write_pdf(p, text=False), error="is a PDF without a text layer"),
    Case("locked.pdf", lambda p: write_pdf(p, password="x"), error="is a password-protected PDF"),
    Case("broken.pdf", _bytes(b"%PDF-1.7\n" + bytes(300)), error="is a damaged PDF"),
    Case(
        "entity.html",
        _bytes(b"<!doctype html><p>Text &#" + b"1" * 5000 + b"; more.</p><p>Second one.</p>"),
        note="a web page",
        check=lambda d: d.format == "html" and "Second one." in d.text,
    ),
    Case("tool", _bytes(Path(sys.executable).resolve().read_bytes()[:4096]), error="is a program"),
    Case("nul.txt", _bytes(b"Hello there.\x00\x00 More text."), error="NUL bytes"),
    Case(
        "latin.txt",
        _bytes("Café owners said no. The price was €5.".encode("cp1252") + b" \x81\x8d"),
        warning="undecodable bytes are shown as",
        check=lambda d: d.encoding == "cp1252" and d.text.startswith("Café owners"),
    ),
    Case(
        "utf16bom.txt",
        _bytes("Zürich said “no”. Then it said yes.".encode("utf-16")),
        check=lambda d: d.text == "Zürich said “no”. Then it said yes.",
    ),
    Case(
        "utf16.txt",
        _bytes("Zürich said “no”. Then it said yes.".encode("utf-16-be")),
        check=lambda d: d.text == "Zürich said “no”. Then it said yes.",
    ),
    Case(
        "curly.txt",
        _bytes("“We will not,” he said. It’s over.".encode("cp1252")),
        check=lambda d: d.encoding == "cp1252" and d.sentences[0].text == "“We will not,” he said.",
    ),
    Case(
        "newlines.txt",
        _bytes(b"Headline\r\n\r\nLine one is here.\rLine two is here.\nLine three."),
        check=lambda d: "\r" not in d.text and d.sentences[0].text == "Headline",
    ),
    Case("folder", lambda p: p.mkdir(), error="is a folder"),
    Case("missing.txt", lambda p: None, error="no such file"),
    # special files: refused by name, never waited on (#15)
    Case("fifo.txt", lambda p: os.mkfifo(p), error="is a named pipe (FIFO), not a regular file"),
    Case("device.txt", lambda p: p.symlink_to(os.devnull), error="is a device, not a regular file"),
    # binary data that looked like UTF-16 or hid behind a BOM (#15)
    Case("nulpairs.txt", _bytes(b"abc\0def\0"), error="NUL bytes"),
    Case(
        "bombinary.txt", _bytes(b"\xef\xbb\xbfHello.\0\0\0\x01\x02 binary\0\0"), error="NUL bytes"
    ),
    Case("utf32zeros.txt", _bytes(b"\xff\xfe\x00\x00" + bytes(4000)), error="NUL bytes"),
    Case(EVIL_NAME, _bytes(b"\x00\x01\x02" * 100), error="NUL bytes"),
    # encodings: UTF-8 cut by a byte stays UTF-8; BOM-less wide and East Asian legacy
    # encodings detected, a guess said to be one (#15)
    Case(
        "utf8cut.txt",
        _bytes(FR.encode("utf-8")[:-1]),
        warning="UTF-8 but for 1 invalid byte",
        check=lambda d: d.encoding == "utf-8" and "adopté" in d.text and "séance a été" in d.text,
    ),
    Case(
        "ru16.txt",
        _bytes(RU.encode("utf-16-le")),
        check=lambda d: d.text == RU and d.encoding == "utf-16-le" and d.encoding_guessed,
    ),
    Case(
        "zh32.txt",
        _bytes(ZH.encode("utf-32-be")),
        check=lambda d: d.text == ZH and d.encoding == "utf-32-be" and d.encoding_guessed,
    ),
    Case(
        "zh-gb18030.txt",
        _bytes((ZH * 3).encode("gb18030")),
        check=lambda d: d.text == ZH * 3 and d.encoding_guessed,
    ),
    Case(
        "ja-sjis.txt",
        _bytes((JA * 3).encode("shift_jis")),
        check=lambda d: d.text == JA * 3 and d.encoding in ("shift_jis", "cp932"),
    ),
    Case(
        "ru-cp1251.txt",
        _bytes((RU * 3).encode("cp1251")),
        check=lambda d: d.text == RU * 3 and d.encoding == "cp1251" and d.encoding_guessed,
    ),
    Case(
        "pl-cp1250.txt",
        _bytes((PL * 3).encode("cp1250")),
        warning="a guess that may be wrong",
        check=lambda d: d.text == PL * 3 and d.encoding == "cp1250",
    ),
    # time and memory: each once minutes or gigabytes (#15; budgets in bench/hostile.py)
    Case(
        "paragraph.txt",
        lambda p: p.write_text(_long_paragraph(5000), encoding="utf-8"),
        check=lambda d: len(d.sentences) == 5000,
    ),
    Case(
        "digits.txt",
        lambda p: p.write_text(_digits(1_000_000), encoding="utf-8"),
        check=lambda d: len(d.sentences) >= 1_000_000 // MAX_SENTENCE_CHARS,
    ),
    Case(
        "yes.txt",
        lambda p: p.write_text("Yes.\n\n" * 20000, encoding="utf-8"),
        check=lambda d: len(d.sentences) == 20000,
    ),
    # a line of a million spaces: furniture's breadcrumb test scanned it from each space,
    # and Qt found no place to wrap it (the window froze)
    Case(
        "spaces.txt",
        lambda p: p.write_text("Start" + " " * 1_000_000 + "end.", encoding="utf-8"),
        check=lambda d: [s.text for s in d.sentences] == ["Start", "end."],
    ),
]


def _test_id(name: str) -> str:
    """The case's name as a test id, control and non-ASCII characters spelled U+XXXX: pytest
    escapes them itself, but escapes its own escapes again on a second collection in one
    process (mutmut collects, then runs named tests), and the named test is then not found."""
    return "".join(ch if " " <= ch <= "~" and ch != "\\" else f"U+{ord(ch):04X}" for ch in name)


IDS = [_test_id(c.name) for c in CASES]
assert len(set(IDS)) == len(IDS), "two bad-input cases share a test id"


def readable(folder: Path, name: str = "other.txt", text: str = OTHER) -> Path:
    """A plain article any user can read (for the tests that drop privileges)."""
    p = folder / name
    p.write_text(text, encoding="utf-8")
    p.chmod(0o644)
    return p


def unreadable(folder: Path) -> Path:
    p = folder / "secret.txt"
    p.write_text("Nobody may read this.", encoding="utf-8")
    p.chmod(0o000)
    return p
