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


def test_special_files_are_refused_without_blocking(tmp_path):
    """A FIFO with no writer would block open() and read() for ever; it is refused at once."""
    import os
    import time

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    with pytest.raises(LoadError, match=r"pipe: is a named pipe \(FIFO\), not a regular file"):
        load_file(fifo)
    assert time.monotonic() - t0 < 2
    with pytest.raises(LoadError, match="is a device, not a regular file"):
        load_file(os.devnull)


def test_stream_over_the_limit_is_refused_not_truncated(monkeypatch):
    import io

    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    with pytest.raises(LoadError, match=r"^\(standard input\): too large .*more than"):
        loading.load_stream(io.BytesIO(b"word " * 1000))
    t = loading.load_stream(io.BytesIO(b"Short. Text."))
    assert t.text == "Short. Text." and t.path == "(standard input)"


def test_file_that_grows_past_the_limit_while_read_is_refused(write, monkeypatch):
    p = write("grows.txt", b"word " * 10)
    real = loading.os.fstat

    class Small:  # fstat saw it small; by the read it is large
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(loading.os, "fstat", lambda fd: Small(real(fd)))
    monkeypatch.setattr(loading, "MAX_BYTES", 20)
    with pytest.raises(LoadError, match="too large to compare \\(more than"):
        load_file(p)


@pytest.mark.parametrize(
    "raw",
    [
        b"abc\0def\0",  # NULs at odd offsets: not UTF-16
        b"\xef\xbb\xbfHello.\0\0\0\x01\x02 binary\0\0",  # a BOM does not excuse binary
        b"\xff\xfeH\0i\0.\0\0\0\0\0\x01\0\x02\0",
        b"\xff\xfe\x00\x00" + bytes(4000),
    ],
)
def test_binary_in_disguise_is_refused(write, raw):
    with pytest.raises(LoadError, match="binary data"):
        load_file(write("b.txt", raw))


@pytest.mark.parametrize(
    "encoding", ["gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "koi8_r", "cp1256"]
)
def test_legacy_encodings_are_detected_and_said_to_be_guesses(write, encoding):
    text = {
        "gb18030": "政府周一宣布了新的经济政策。专家表示，这些措施将有助于稳定市场信心。",
        "big5": "中華民國行政院長週一宣布了新的經濟政策。專家表示，這些措施將有助於穩定市場。",
        "shift_jis": "日本政府は月曜日、新たな経済対策を発表した。専門家はこの対策を評価している。",
        "euc_kr": "한국 정부는 월요일 새로운 경제 정책을 발표했다. 전문가들은 이를 환영했다.",
        "cp1251": "Президент подписал указ в понедельник. Цены на хлеб выросли на пять процентов.",
        "koi8_r": "Президент подписал указ в понедельник. Цены на хлеб выросли на пять процентов.",
        "cp1256": "أعلنت الحكومة يوم الاثنين عن إجراءات اقتصادية جديدة. وارتفعت الأسعار.",
    }[encoding] * 3
    t = load_file(write("a.txt", text.encode(encoding)))
    assert t.text == text and t.encoding_guessed


def test_utf8_with_a_cut_last_character_stays_utf8(write):
    text = "Le ministre a déclaré que la séance était levée à minuit. Fin à"
    t = load_file(write("a.txt", text.encode("utf-8")[:-1]))
    assert t.encoding == "utf-8" and t.text == text[:-1] + "\ufffd"
    assert "UTF-8 but for 1 invalid byte" in t.warnings[0] and not t.encoding_guessed


def test_a_western_guess_that_reads_oddly_asks_the_detector(write):
    """Polish in cp1250 has few non-ASCII bytes; read as cp1252 it would say 'Rz¹d'."""
    text = "Rząd ogłosił w poniedziałek nowe środki. Ceny wzrosły o pięć procent."
    t = load_file(write("a.txt", text.encode("cp1250")))
    assert t.text == text and t.encoding == "cp1250"
