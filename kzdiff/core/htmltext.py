"""The readable text of an HTML page, for comparing saved web pages as articles.

A line diff of two saved pages is a diff of their markup. Here block elements (p, div,
h1-h6, li, blockquote, …) become paragraphs separated by blank lines and ``<br>`` a line
break, so the segmenter sees headlines, paragraphs and list items as it would in a plain
text copy; scripts, styles, the head and other invisible parts are left out; entities
are decoded. The stdlib parser is lenient, as browsers are, and never executes anything.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split()
)
#: Elements whose content is never shown as text.
HIDDEN = frozenset("head script style noscript template svg math iframe object canvas".split())
_SPACE = re.compile(r"[ \t\r\n\f]+")
_SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


def looks_like_html(text: str, name: str = "") -> bool:
    """An HTML page by its name (.html, .htm, .xhtml) or by how it starts."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return _SNIFF.match(text[:4096]) is not None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []  # finished paragraphs
        self.line: list[str] = []  # text of the current paragraph
        self.hidden = 0  # depth inside HIDDEN elements
        self.pre = 0

    def _end_block(self) -> None:
        text = "".join(self.line)
        lines = [_SPACE.sub(" ", ln).strip() for ln in text.split("\n")] if not self.pre else []
        para = "\n".join(ln for ln in lines if ln) if not self.pre else text.strip("\n")
        if para.strip():
            self.blocks.append(para)
        self.line = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag == "br":
            self.line.append("\n")
        elif tag in BLOCKS:
            self._end_block()
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" and not self.hidden:
            self.line.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif not self.hidden and tag in BLOCKS:
            self._end_block()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # source line breaks are white space; only <br> (already "\n") breaks a line
            self.line.append(data if self.pre else _SPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Visible text of ``html``: one paragraph per block element, blank-line separated."""
    p = _Extractor()
    p.feed(html)
    p.close()
    p._end_block()
    return "\n\n".join(p.blocks)
