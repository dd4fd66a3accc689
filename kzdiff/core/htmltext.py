"""Is a file a web page, and what is its visible text.

Pages are parsed by lxml (see :mod:`kzdiff.core.formats.visible`); the article is found
by :mod:`kzdiff.core.formats.html`. Python's HTMLParser, used here before, dropped the
text of valid HTML5 without ``</head>``, raised on a 5,000-digit character reference and
took quadratic time on unterminated tags.
"""

from __future__ import annotations

import re

_SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


def looks_like_html(text: str, name: str = "") -> bool:
    """An HTML page by its name (.html, .htm, .xhtml) or by how it starts."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return _SNIFF.match(text[:4096]) is not None


def html_to_text(html: str) -> str:
    """Visible text of ``html``: one paragraph per block element, blank-line separated."""
    from .formats.visible import parse, visible_text

    root = parse(html)
    return visible_text(root) if root is not None else ""
