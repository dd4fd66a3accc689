"""Saved web pages are compared by their visible text, not their markup."""

from __future__ import annotations

from kzdiff import compare_files
from kzdiff.core.htmltext import html_to_text, looks_like_html
from kzdiff.core.loading import load_file

PAGE = """<!DOCTYPE html><html><head><title>Site | Story</title>
<style>p { color: red }</style><script>var secret = "tracking";</script></head>
<body><nav><a href="/">Home</a> » <a href="/w">World</a></nav>
<article><h1>Kazakhstan has thwarted a coup attempt</h1>
<p>Kazakhstan has announced it has thwarted a coup attempt by supporters of an
exiled opposition figure &amp; critic. The country&rsquo;s authorities arrested seven.</p>
<p>Line one<br>line two<br/>line three</p>
<pre>  kept
    as is</pre>
<ul><li>First item</li><li>Second item</li></ul>
<script>document.write("<p>injected</p>")</script><noscript>Enable JS</noscript>
</article></body></html>"""


def test_blocks_become_paragraphs_and_hidden_parts_are_left_out() -> None:
    text = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "Home » World",
        "Kazakhstan has thwarted a coup attempt",
        "Kazakhstan has announced it has thwarted a coup attempt by supporters of an "
        "exiled opposition figure & critic. The country’s authorities arrested seven.",
        "Line one\nline two\nline three",
        "  kept\n    as is",
        "First item",
        "Second item",
    ]
    for hidden in ("Site | Story", "color", "tracking", "injected", "Enable JS"):
        assert hidden not in text


def test_pages_are_recognised_by_name_or_by_how_they_start() -> None:
    assert looks_like_html("plain", "story.HTM")
    assert looks_like_html("\n <!-- saved --> <!doctype HTML><p>x", "saved")
    assert looks_like_html('<?xml version="1.0"?><html lang="en">', "x.xhtml")
    assert not looks_like_html("The <b>bold</b> claim was repeated.", "notes.txt")
    assert not looks_like_html("<p>A fragment of a page</p>", "clip.txt")


def test_a_saved_page_loads_as_its_article_with_a_note(write) -> None:
    page = write("story.html", PAGE)
    loaded = load_file(page)
    # the article (trafilatura): the navigation trail is not part of it
    assert loaded.text.startswith("Kazakhstan has thwarted a coup attempt\n\nKazakhstan has")
    assert "Home" not in loaded.text and "Enable JS" not in loaded.text
    assert loaded.title == "Kazakhstan has thwarted a coup attempt"
    assert loaded.warnings == (
        f"{page}: a web page: its article is compared (found by trafilatura), without "
        "menus, teasers or comments",
    )
    plain = write(
        "story.txt",
        "Home » World\n\nKazakhstan has thwarted a coup attempt\n\nKazakhstan has announced "
        "it has thwarted a coup attempt by supporters of an exiled opposition figure & critic.",
    )
    cmp = compare_files(page, plain)
    kinds = {cmp.right.sentences[p.right[0]].text: p.kind.value for p in cmp.pairs if p.right}
    assert kinds["Kazakhstan has thwarted a coup attempt"] == "identical"
    assert kinds["Home » World"] == "furniture"  # the plain copy's trail is set aside


def test_a_text_file_that_quotes_markup_is_left_alone(write) -> None:
    p = write("notes.txt", "Use <p> for paragraphs. The <script> tag runs code.")
    assert load_file(p).text == "Use <p> for paragraphs. The <script> tag runs code."


def test_json_says_what_the_offsets_of_a_page_index(write) -> None:
    """A page's offsets index its visible text, which the file does not hold: the JSON
    carries that text, and says which side is which format."""
    page = write("story.html", PAGE)
    plain = write("story.txt", "Kazakhstan has thwarted a coup attempt.")
    d = compare_files(page, plain).to_dict()
    assert d["left"]["format"] == "html" and d["right"]["format"] == "text"
    assert "text" not in d["right"]  # a text file's offsets index the file itself
    text = d["left"]["text"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in d["left"]["sentences"])
