"""More pins of core/loading.py found by mutation testing: damaged UTF-8 at the end and
in the middle, wide text without a BOM that does or does not read as text, read errors of
a stream, and what a loaded page or document reports (its size, whether its encoding was
guessed)."""

from __future__ import annotations

import stat

import pytest

from kzdiff.core.loading import LoadError, _kind, decode, load_file, load_stream

from ..documents import write_docx

DAMAGED = "(a cut or damaged character); undecodable bytes are shown as \ufffd"


@pytest.mark.parametrize(
    "raw,text,bad",
    [
        # the last character cut after its lead byte, in text with other accents
        (b"Caf\xc3\xa9 ouvert \xc3", "Café ouvert \ufffd", "1 invalid byte"),
        # a three-byte character cut after two bytes, even in ASCII text
        (b"Price in euro: \xe2\x82", "Price in euro: \ufffd", "1 invalid byte"),
        # two lead bytes at the end: two damaged characters, not one cut
        (b"Caf\xc3\xa9 \xc3\xc3", "Caf\xe9 \ufffd\ufffd", "2 invalid bytes"),
        # a real U+FFFD in the file is text, not a damaged byte
        (
            b"A \xef\xbf\xbd and caf\xc3\xa9 \xff end",
            "A \ufffd and café \ufffd end",
            "1 invalid byte",
        ),
    ],
)
def test_mostly_utf8_counts_only_the_damaged_bytes(raw, text, bad):
    d = decode(raw, "note.txt")
    assert (d.text, d.encoding, d.guessed) == (text, "utf-8", False)
    assert d.warnings == (f"note.txt: UTF-8 but for {bad} {DAMAGED}",)


def test_an_ascii_text_ending_in_a_lone_lead_byte_is_cp1252_not_damaged_utf8():
    d = decode(b"Cafe au lait, s'il vous pla\xc3", "note.txt")
    assert (d.text, d.encoding) == ("Cafe au lait, s'il vous plaÃ", "cp1252")


def test_wide_text_whose_code_points_end_in_a_nul_byte_is_binary():
    # U+0100 in UTF-16-LE is 00 01: every code point with a NUL low byte says the bytes
    # were paired up wrongly
    with pytest.raises(LoadError, match=r"^x\.bin: contains binary data \(NUL bytes\)"):
        decode("\u0100\u0100\u0100".encode("utf-16-le"), "x.bin")


def test_wide_text_may_change_script_at_one_letter_in_ten():
    # four Greek letters among Latin ones: eight changes of script in 93 letters
    text = (
        "The crew of the old boat said a word like β and then δ, ζ and θ in the middle "
        "of a long line of plain words written here today."
    )
    d = decode(text.encode("utf-16-le"), "crew.txt")
    assert (d.text, d.encoding, d.guessed) == (text, "utf-16-le", True)


class _Broken:
    def __init__(self, error: OSError):
        self.error = error

    def read(self, n: int) -> bytes:
        raise self.error


@pytest.mark.parametrize(
    "error,message",
    [
        (OSError(5, "Input/output error"), "pipe: cannot be read (Input/output error)"),
        (OSError("connection reset"), "pipe: cannot be read (connection reset)"),
    ],
)
def test_a_stream_that_fails_is_named_with_the_reason(error, message):
    with pytest.raises(LoadError) as e:
        load_stream(_Broken(error), "pipe")
    assert str(e.value) == message


@pytest.mark.parametrize(
    "mode,kind",
    [
        (stat.S_IFIFO, "a named pipe (FIFO)"),
        (stat.S_IFSOCK, "a socket"),
        (stat.S_IFCHR, "a device"),
        (stat.S_IFBLK, "a device"),
        (0, "a special file"),
    ],
)
def test_special_files_are_named_by_kind(mode, kind):
    assert _kind(mode) == kind


PAGE = (
    "<html><head><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 est ferm\xe9. "
    + "Il pleut beaucoup ici. " * 20
    + "</p></article></body></html>"
)


def test_a_page_in_a_legacy_encoding_says_its_encoding_was_guessed(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("cp1252"))
    loaded = load_file(page)
    assert (loaded.format, loaded.encoding, loaded.encoding_guessed) == ("html", "cp1252", True)
    assert loaded.size == len(PAGE.encode("cp1252"))
    page.write_bytes(PAGE.encode("utf-8"))
    loaded = load_file(page)
    assert (loaded.format, loaded.encoding, loaded.encoding_guessed) == ("html", "utf-8", False)


def test_a_document_reports_the_size_of_its_file(tmp_path):
    path = write_docx(tmp_path / "story.docx")
    loaded = load_file(path)
    assert (loaded.format, loaded.encoding, loaded.encoding_guessed) == ("docx", "utf-8", False)
    assert loaded.size == path.stat().st_size
