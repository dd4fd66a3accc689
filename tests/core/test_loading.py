"""Loading real files from disk: encodings, newlines, and clear refusals."""

from __future__ import annotations

import pytest

from kzdiff.core import loading
from kzdiff.core.loading import LoadError, load_file


def test_utf8_with_crlf_and_cr_newlines(write):
    p = write("a.txt", "One.\r\nTwo.\rThree.\n")
    t = load_file(p)
    assert t.text == "One.\nTwo.\nThree.\n" and t.encoding == "utf-8"


@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_encodings_with_and_without_bom(write, encoding, expected):
    text = "Kassym-Jomart Tokayev said “no”. Ещё одно предложение.\n"
    p = write("a.txt", text, encoding)
    t = load_file(p)
    assert t.text == text and t.encoding == expected


def test_cp1252_curly_quotes(write):
    text = "The minister said \u201cnever\u201d \u2013 twice. It\u2019s final. Café prices rose."
    p = write("a.txt", text * 20, "cp1252")
    t = load_file(p)
    assert t.encoding == "cp1252" and t.text == text * 20


@pytest.mark.parametrize(
    "content,what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "program"),
        (b"plain start\x00\x01\x02 and binary" * 10, "binary data"),
    ],
)
def test_binary_files_are_refused_by_name(write, content, what):
    p = write("thing.bin", content)
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert str(p) in str(e.value) and what in str(e.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_file(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="is a folder"):
        load_file(tmp_path)


def test_unreadable_file(unprivileged):
    p = unprivileged.folder / "secret.txt"
    p.write_text("text", encoding="utf-8")
    p.chmod(0)
    with unprivileged(), pytest.raises(LoadError, match="secret.txt: permission denied"):
        load_file(p)


def test_invalid_utf8_is_decoded_with_a_legacy_encoding(write):
    p = write("a.txt", b"Caf\xe9 au lait. Na\xefve r\xe9sum\xe9.")
    t = load_file(p)
    assert "Café" in t.text


def test_empty_file_loads_as_empty_text(write):
    assert load_file(write("e.txt", b"")).text == ""


def test_huge_file_is_refused_without_reading_it(write, monkeypatch):
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    p = write("big.txt", b"word " * 1000)
    with pytest.raises(LoadError, match="too large"):
        load_file(p)


def test_large_file_loads_with_a_warning(write, monkeypatch):
    monkeypatch.setattr(loading, "LARGE_BYTES", 100)
    t = load_file(write("big.txt", b"Some words here. " * 20))
    assert t.warnings and "large file" in t.warnings[0]


def test_read_error_is_reported_by_name(write, monkeypatch):
    """As root a chmod 000 file is still readable, so simulate the kernel's refusal."""
    p = write("locked.txt", "text")

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loading.os, "open", refuse)
    with pytest.raises(LoadError, match=f"{p}: permission denied"):
        load_file(p)


def test_io_error_while_reading_is_reported_by_name(write, monkeypatch):
    p = write("flaky.txt", "text")

    def fail(*a, **k):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(loading.os, "fdopen", fail)
    with pytest.raises(LoadError, match=r"flaky.txt: cannot be read \(Input/output error\)$"):
        load_file(p)
