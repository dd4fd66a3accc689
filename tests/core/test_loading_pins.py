"""Loading pinned exactly: each encoding route gives back the very text that was saved,
and each refusal says what the file is, naming it."""

from __future__ import annotations

import codecs

import pytest

from kzdiff.core.loading import LoadError, decode_bytes, load_file

RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев заявил в понедельник, что попытка "
    "переворота была предотвращена.\r\nКомитет национальной безопасности задержал семь "
    "человек.\r\n"
)
GREEK = (
    "Ο πρόεδρος της χώρας δήλωσε τη Δευτέρα ότι η απόπειρα πραξικοπήματος αποτράπηκε. "
    "Επτά άνθρωποι συνελήφθησαν.\n"
)


@pytest.mark.parametrize(
    "text,encoding,unsure",
    [
        (RUSSIAN, "cp1251", False),
        # a short KOI8-R text reads almost as well in another Cyrillic code page: said so
        (RUSSIAN, "koi8-r", True),
        (GREEK, "cp1253", True),
        (RUSSIAN * 30, "cp1251", False),
    ],
)
def test_non_latin_single_byte_text_is_detected_not_turned_to_mojibake(
    write, text, encoding, unsure
):
    """Cyrillic or Greek in a legacy code page: most bytes are non-ASCII, so the detector
    is asked, and the article comes back letter for letter (newlines normalised)."""
    p = write("article.txt", text, encoding)
    t = load_file(p)
    assert t.text == text.replace("\r\n", "\n")
    assert codecs.lookup(t.encoding).name == codecs.lookup(encoding).name
    assert t.encoding_guessed
    guess = (
        f"{p}: not UTF-8; read as {t.encoding}, a guess that may be wrong "
        "(save it as UTF-8 to be sure)"
    )
    assert t.warnings == ((guess,) if unsure else ())


def test_mostly_ascii_with_a_few_accents_is_cp1252(write):
    text = "The caf\u00e9 on the corner reopened on Monday, its owner said. " * 5
    t = load_file(write("a.txt", text, "cp1252"))
    assert (t.text, t.encoding, t.warnings) == (text, "cp1252", ())


def test_bytes_no_code_page_defines_are_shown_as_replacement_characters(write):
    p = write("a.txt", b"Caf\xe9 \x81 prices rose. " + b"More plain words here. " * 5)
    t = load_file(p)
    assert t.text == "Café \ufffd prices rose. " + "More plain words here. " * 5
    assert t.encoding == "cp1252"
    assert t.warnings == (f"{p}: not valid cp1252 text; undecodable bytes are shown as \ufffd",)


@pytest.mark.parametrize(
    "encoding,bom,expected",
    [
        ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32-be"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ],
)
def test_byte_order_marks(write, encoding, bom, expected):
    text = "Tokayev said “no”.\r\nЕщё одно предложение.\r\n"
    t = load_file(write("a.txt", bom + text.encode(encoding)))
    assert (t.text, t.encoding) == (text.replace("\r\n", "\n"), expected)


def test_a_byte_order_mark_over_broken_text_is_refused(write):
    p = write("a.txt", codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: starts as utf-16-le but is not valid utf-16-le text"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(write, encoding):
    text = "Police arrested 230 people.\r\nThe vote is on Sunday.\r\n" * 3
    t = load_file(write("a.txt", text.encode(encoding)))
    assert (t.text, t.encoding) == (text.replace("\r\n", "\n"), encoding)


@pytest.mark.parametrize(
    "content,what",
    [
        (b"GIF89a" + bytes(range(256)), "a GIF image"),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)), "a JPEG image"),
        (b"MZ\x90\x00" + bytes(range(256)), "a program (Windows executable)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)),
            "an old Office document (save it as plain text first)",
        ),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)), "a gzip archive"),
    ],
)
def test_binary_formats_are_named(write, content, what):
    p = write("thing.txt", content)
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: is {what}, not a text file"


def test_a_pdf_that_cannot_be_read_says_it_is_damaged(write):
    p = write("thing.txt", b"%PDF-1.7\n" + bytes(range(256)))
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: is a damaged PDF (Stream has ended unexpectedly)"


def test_control_characters_in_a_legacy_encoding_are_refused(write):
    p = write("data.txt", bytes(range(1, 9)) * 40 + b"\xff")
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: contains binary data, not a text file"


def test_a_few_control_characters_are_text(write):
    raw = b"Caf\xe9 opens.\x0c" + b"Plain words of an article. " * 10
    text, encoding, warnings = decode_bytes(raw, "a.txt")
    assert (text, encoding, warnings) == (raw.decode("cp1252"), "cp1252", [])


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(65 * 2**20)  # sparse: nothing is written
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: too large to compare (65 MB; the limit is 64 MB)"


def test_a_large_file_loads_with_its_size_in_the_warning(write):
    sentence = b"Police arrested 230 people in the capital on Sunday. "
    p = write("big.txt", sentence * (int(5.5 * 2**20) // len(sentence)))
    t = load_file(p)
    assert t.text.startswith("Police arrested") and t.encoding == "utf-8"
    assert t.warnings == (f"{p}: large file (5.5 MB); comparing may take a while",)


def test_a_web_page_is_compared_by_its_visible_text(write):
    p = write(
        "page.html", "<html><head><title>T</title></head><body><p>A cat sat.</p></body></html>"
    )
    t = load_file(p)
    assert t.format == "html" and "A cat sat." in t.text and "<p>" not in t.text
    assert t.warnings == (
        f"{p}: a web page: its article is compared (found by trafilatura), without menus,"
        " teasers or comments",
    )


def test_an_impossible_path_is_reported_by_name(tmp_path):
    p = tmp_path / ("x" * 5000)
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: cannot be read (File name too long)"


def test_a_file_of_exactly_the_limit_is_not_refused_for_its_size(tmp_path):
    p = tmp_path / "limit.txt"
    with p.open("wb") as f:
        f.truncate(64 * 2**20)  # sparse zeros: refused, but for what it holds
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert "too large" not in str(e.value) and "NUL" in str(e.value)


def test_warnings_are_also_logged(write, caplog):
    p = write("a.txt", b"Caf\xe9 \x81 prices rose. " + b"More plain words here. " * 5)
    with caplog.at_level("WARNING", logger="kzdiff.core.loading"):
        t = load_file(p)
    assert [r.getMessage() for r in caplog.records] == list(t.warnings)


@pytest.mark.parametrize(
    "error,message",
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "cannot be read (Input/output error)"),
    ],
)
def test_errors_of_stat_are_reported_by_name(write, monkeypatch, error, message):
    import os

    p = write("a.txt", "text")
    real_open, real_fstat, ours = os.open, os.fstat, set()

    def opened(path, *a, **k):  # remember the descriptor of this file only
        fd = real_open(path, *a, **k)
        if str(path) == str(p):
            ours.add(fd)
        return fd

    def fail(fd, *a, **k):  # pytest itself calls fstat on its own descriptors
        if fd in ours:
            raise error
        return real_fstat(fd, *a, **k)

    monkeypatch.setattr(os, "open", opened)
    monkeypatch.setattr(os, "fstat", fail)
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: {message}"


def test_errors_of_reading_are_reported_by_name(write, monkeypatch):
    import os

    p = write("a.txt", "text")

    def fail(*a, **k):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdopen", fail)
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(e.value) == f"{p}: cannot be read (Input/output error)"


def test_control_characters_up_to_one_in_twenty_are_text():
    raw = b"\x01" * 5 + b"a" * 94 + b"\xe9"  # 5 of 100 characters, not valid UTF-8
    text, encoding, warnings = decode_bytes(raw, "a.txt")
    assert (text, encoding, warnings) == (raw.decode("cp1252"), "cp1252", [])
    with pytest.raises(LoadError, match="contains binary data"):
        decode_bytes(b"\x01" * 6 + b"a" * 93 + b"\xe9", "a.txt")


def test_line_breaks_and_tabs_are_not_control_characters():
    raw = b"Caf\xe9\n\tau lait\r\n\x0b\x0c" * 30
    text, encoding, _ = decode_bytes(raw, "a.txt")
    assert text == raw.decode("cp1252").replace("\r\n", "\n") and encoding == "cp1252"


def test_a_file_of_exactly_the_large_size_loads_without_a_warning(write):
    p = write("big.txt", b"word " * (5 * 2**20 // 5))
    t = load_file(p)
    assert t.size == 5 * 2**20 and t.warnings == ()


def test_a_page_named_html_is_a_page_whatever_it_starts_with(write, caplog):
    p = write("page.html", "Just a line of text.\n<p>And a paragraph.</p>")
    with caplog.at_level("INFO", logger="kzdiff.core.loading"):
        t = load_file(p)
    assert t.format == "html" and "<p>" not in t.text
    note = (
        f"{p}: a web page: its article is compared (found by trafilatura), without menus,"
        " teasers or comments"
    )
    assert [r.getMessage() for r in caplog.records] == [note]


def test_size_is_the_number_of_bytes_read(write):
    t = load_file(write("a.txt", "Ещё.\n"))
    assert t.size == len("Ещё.\n".encode()) == 8


def test_decode_errors_name_the_input_when_no_name_is_given():
    with pytest.raises(LoadError) as e:
        decode_bytes(b"%PDF-1.4")
    assert str(e.value) == "(input): is a damaged PDF document, not a text file"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_down_to_two_characters(encoding):
    assert decode_bytes("ab".encode(encoding), "a.txt") == ("ab", encoding, [])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_with_a_few_nul_bytes_of_its_own(encoding):
    """'Ā' (U+0100) has a zero byte where ASCII letters do not: one in 41 is allowed."""
    text = "\u0100" + "a" * 40
    assert decode_bytes(text.encode(encoding), "a.txt") == (text, encoding, [])
