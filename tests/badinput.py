"""What users throw at kzdiff: one table of bad files, run at three levels by
``tests/core/test_bad_input.py``, ``tests/test_cli_bad_input.py`` and
``tests/ui/test_bad_input.py``.

Every case ends either in a comparison (with a warning naming the file where something
is odd) or in a one-line message naming the file; never a traceback, a crash or a hang,
and in the window never the loss of what was shown before.
"""

from __future__ import annotations

import random
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
]

IDS = [c.name for c in CASES]


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
