"""Real documents made by the tests: a news-site page, a Word file, a PDF.

The Word file is written as WordprocessingML in a ZIP (as Word saves it), with a heading,
a table, a footnote and tracked changes; the PDF by fpdf2, with a running header and page
numbers on every page. All text here is written for the tests.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ARTICLE = [
    "The river rose two metres on Monday after three days of rain in the hills.",
    "Forty homes in the lower town were evacuated before dawn, the mayor said.",
    "Engineers will inspect the old stone bridge once the water falls.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>River floods town | The Valley Post</title>
<meta name="author" content="Jane Rivers">
<meta property="article:published_time" content="2025-03-04">
<script>window.track = 1;</script></head>
<body>
<header><nav><a href="/">Home</a> » <a href="/news">News</a> » <a href="/local">Local</a></nav>
<ul class="menu"><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></header>
<main><article>
<h1>River floods town</h1>
<p class="byline">By Jane Rivers</p>
<p>{ARTICLE[0]}</p>
<p>{ARTICLE[1]}</p>
<p>{ARTICLE[2]}</p>
</article>
<aside><h2>Recommended</h2><ul>
<li><a href="/a">Council approves new budget for schools</a></li>
<li><a href="/b">Local bakery wins national prize</a></li></ul></aside></main>
<footer><p>Share this article</p><p>© 2025 The Valley Post. All rights reserved.</p></footer>
</body></html>"""


def long_article(paragraphs: int, seed: int = 3) -> list[str]:
    """Paragraphs of varied made-up news prose (each four sentences), for many-page files."""
    import random

    rng = random.Random(seed)
    subjects = ["The mayor", "A spokesman", "The council", "Engineers", "Residents", "Police"]
    verbs = ["said", "reported", "warned", "confirmed", "announced", "estimated"]
    objects = ["the river", "the bridge", "the schools", "the harbour", "the old mill", "the road"]
    out = []
    for n in range(paragraphs):
        sentences = [
            f"{rng.choice(subjects)} {rng.choice(verbs)} on day {n} that {rng.choice(objects)} "
            f"would need {rng.randint(2, 900)} more workers and {rng.choice(objects)} "
            f"would stay shut until {rng.choice(['spring', 'autumn', 'June', 'May'])}."
            for _ in range(4)
        ]
        out.append(" ".join(sentences))
    return out


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(inner: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def docx_bytes(paragraphs: list[str] | None = None, *, extras: bool = True) -> bytes:
    """A .docx: a heading, the paragraphs, and (with ``extras``) a tracked deletion and
    insertion, a table and a footnote."""
    paragraphs = ARTICLE if paragraphs is None else paragraphs
    body = [_p(_run("River floods town"), "Heading1")]
    body += [_p(_run(t)) for t in paragraphs]
    if extras:
        body.append(
            _p(
                _run("The bridge will ")
                + '<w:del w:id="1" w:author="Ed"><w:r><w:delText>not </w:delText></w:r></w:del>'
                + _run("reopen ")
                + '<w:ins w:id="2" w:author="Ed"><w:r><w:t>next week</w:t></w:r></w:ins>'
                + _run(".")
                + '<w:r><w:footnoteReference w:id="1"/></w:r>'
            )
        )
        body.append(
            "<w:tbl><w:tr><w:tc>"
            + _p(_run("Homes evacuated"))
            + "</w:tc><w:tc>"
            + _p(_run("40"))
            + "</w:tc></w:tr></w:tbl>"
        )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1">' + _p(_run("Figures from the county council.")) + "</w:footnote>"
        "</w:footnotes>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:title>River floods town</dc:title><dc:creator>Jane Rivers</dc:creator>"
        "<dcterms:modified>2025-03-04T10:00:00Z</dcterms:modified></cp:coreProperties>"
    )
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document)
        if extras:
            z.writestr("word/footnotes.xml", footnotes)
        z.writestr("docProps/core.xml", core)
    return buf.getvalue()


def write_docx(path: Path, paragraphs: list[str] | None = None, *, extras: bool = True) -> Path:
    path.write_bytes(docx_bytes(paragraphs, extras=extras))
    return path


def write_pdf(
    path: Path,
    paragraphs: list[str] | None = None,
    *,
    pages: int = 2,
    password: str | None = None,
    text: bool = True,
) -> Path:
    """A PDF whose paragraphs wrap over lines and run across pages, with a running header
    ("The Valley Post - Local news") and a page number on each page."""
    from fpdf import FPDF

    paragraphs = ARTICLE if paragraphs is None else paragraphs

    class Doc(FPDF):
        def header(self) -> None:
            if text:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, "The Valley Post - Local news", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if text:
                self.set_y(-15)
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Doc()
    pdf.set_title("River floods town")
    pdf.set_author("Jane Rivers")
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.set_font("Helvetica", size=12)
    per_page = max(1, -(-len(paragraphs) // pages))
    for n in range(pages):
        pdf.add_page()
        if not text:
            pdf.set_fill_color(30, 30, 30)
            pdf.rect(20, 20, 100, 60, style="F")  # a "scan": drawing, no text
            continue
        for para in paragraphs[n * per_page : (n + 1) * per_page]:
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))
    return path
