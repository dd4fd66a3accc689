"""Word, PDF and web pages load as their text, with metadata; bad ones are refused."""

from __future__ import annotations

import time

import pytest

from kzdiff import compare_files
from kzdiff.core.loading import LoadError, load_file

from ..documents import ARTICLE, PAGE, long_article, write_docx, write_pdf


def test_docx_paragraphs_heading_table_footnote_and_tracked_changes(tmp_path):
    loaded = load_file(write_docx(tmp_path / "story.docx"))
    assert loaded.format == "docx"
    paras = loaded.text.split("\n\n")
    assert paras[:4] == ["River floods town", *ARTICLE]
    assert "The bridge will reopen next week." in paras  # w:del left out, w:ins kept
    assert "not reopen" not in loaded.text
    assert {"Homes evacuated", "40", "Figures from the county council."} <= set(paras)
    assert (loaded.title, loaded.author) == ("River floods town", "Jane Rivers")
    assert any("tracked changes" in w for w in loaded.warnings)
    assert all(w.startswith(str(tmp_path / "story.docx")) for w in loaded.warnings)


def test_pdf_lines_rejoined_running_header_and_page_numbers_dropped(tmp_path):
    paras = long_article(12)
    loaded = load_file(write_pdf(tmp_path / "story.pdf", paras, pages=4))
    assert loaded.format == "pdf" and loaded.title == "River floods town"
    assert "Valley Post - Local news" not in loaded.text
    flat = " ".join(loaded.text.split())
    for p in paras:  # every paragraph whole: re-joined across line and page breaks
        assert p in flat
    assert not any(line.strip().isdigit() for line in loaded.text.split("\n"))


def test_a_pdf_without_text_and_an_encrypted_pdf_are_refused(tmp_path):
    with pytest.raises(LoadError, match=r"scan\.pdf: is a PDF without a text layer"):
        load_file(write_pdf(tmp_path / "scan.pdf", text=False))
    with pytest.raises(LoadError, match=r"locked\.pdf: is a password-protected PDF"):
        load_file(write_pdf(tmp_path / "locked.pdf", password="secret"))


def test_damaged_word_and_pdf_files_are_refused_by_name(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04" + bytes(300))
    with pytest.raises(LoadError, match=r"broken\.docx: is a damaged Word document"):
        load_file(bad)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(write_pdf(tmp_path / "whole.pdf").read_bytes()[:400])
    with pytest.raises(LoadError, match=r"cut\.pdf: is (a damaged PDF|a PDF without)"):
        load_file(cut)


def test_web_page_article_with_metadata_and_json(write, tmp_path):
    page = write("story.html", PAGE)
    loaded = load_file(page)
    assert loaded.format == "html"
    assert loaded.text.split("\n\n")[-3:] == ARTICLE
    for furniture in ("Sport", "Council approves", "Share this", "All rights"):
        assert furniture not in loaded.text
    assert (loaded.title, loaded.author, loaded.date) == (
        "River floods town",
        "Jane Rivers",
        "2025-03-04",
    )
    d = compare_files(page, write_docx(tmp_path / "story.docx")).to_dict()
    assert d["left"]["format"] == "html" and d["right"]["format"] == "docx"
    assert d["left"]["title"] == "River floods town" and d["right"]["author"] == "Jane Rivers"
    for side in ("left", "right"):
        text = d[side]["text"]
        assert all(text[s["start"] : s["end"]] == s["text"] for s in d[side]["sentences"])
    kinds = [p["kind"] for p in d["pairs"] if p["left"] and p["right"]]
    assert kinds.count("identical") >= 3


def test_html_that_broke_the_old_parser(write):
    """HTML5 without </head>, a stray <head>, '</script x>', a 5,000-digit character
    reference and 60 KB of unterminated tags: all read, none slow."""
    cases = {
        "minified.html": "<!doctype html><html><head><meta charset=utf-8><title>Flood</title>"
        "<h1>River floods town</h1><p>The river rose two metres on Monday.<p>Forty homes.",
        "stray.html": "<!doctype html><body><p>The river rose two metres on Monday.</p><head>"
        "<p>Forty homes.</p></body>",
        "script.html": "<!doctype html><body><p>The river rose two metres on Monday.</p>"
        "<script>x</script foo=bar><p>Forty homes.</p></body>",
        "entity.html": "<!doctype html><p>The river rose two metres on Monday &#"
        + "1" * 5000
        + "; Forty homes.</p>",
    }
    for name, html in cases.items():
        text = load_file(write(name, html)).text
        assert "The river rose two metres on Monday" in text and "Forty homes" in text, name
    t = time.perf_counter()
    text = load_file(
        write("tags.html", "<!doctype html><p>The bridge reopened.</p>" + "<a " * 20000)
    ).text
    assert "The bridge reopened." in text
    assert time.perf_counter() - t < 5  # Python's HTMLParser took 20 s


def test_hidden_html_is_not_text(write):
    html = (
        "<!doctype html><body><p>The river rose.</p><p hidden>The mayor resigned.</p>"
        '<p style="display:none">Officials denied it.</p></body>'
    )
    text = load_file(write("hidden.html", html)).text
    assert "The river rose." in text
    assert "resigned" not in text and "denied" not in text


def test_odt_paragraphs_without_tracked_deletions(tmp_path):
    import zipfile

    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>gone</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:h>River floods town</text:h><text:p>The river rose two metres.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    p = tmp_path / "story.odt"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    loaded = load_file(p)
    assert loaded.format == "odt"
    assert loaded.text == "River floods town\n\nThe river rose two metres."


def test_hostile_and_protected_word_files_are_refused(tmp_path, monkeypatch):
    from kzdiff.core.formats import ooxml

    locked = tmp_path / "locked.docx"  # Office keeps an encrypted .docx in an OLE container
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(LoadError, match=r"locked\.docx: is a password-protected or old-format"):
        load_file(locked)
    big = write_docx(tmp_path / "bomb.docx", long_article(40))
    monkeypatch.setattr(ooxml, "MAX_PART", 10_000)  # a ZIP bomb, scaled down
    with pytest.raises(LoadError, match=r"bomb\.docx: is a Word document whose text part is"):
        load_file(big)
    monkeypatch.undo()
    import zipfile

    laughs = tmp_path / "laughs.docx"  # entities are not expanded
    doc = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Safe text. &b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(laughs, "w") as z:
        z.writestr("word/document.xml", doc)
    loaded = load_file(laughs)
    assert loaded.text.startswith("Safe text.") and "haha" not in loaded.text
