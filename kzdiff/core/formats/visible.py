"""The visible text of an HTML page, parsed by lxml: block elements as paragraphs.

Scripts, styles, the head, templates and elements hidden by the ``hidden`` attribute or
an inline ``display:none`` / ``visibility:hidden`` are left out; ``<br>`` is a line
break; ``<pre>`` keeps its lines.
"""

from __future__ import annotations

import re

BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul body html".split()
)
HIDDEN = frozenset(
    "head script style noscript template svg math iframe object canvas title meta link".split()
)
_SPACE = re.compile(r"[ \t\r\n\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def parse(page: str):  # -> lxml.html.HtmlElement | None
    """The page's element tree (lxml's HTML parser: C, lenient as browsers are)."""
    import lxml.html
    from lxml import etree

    if not page.strip():
        return None
    # lxml refuses str input with an XML encoding declaration; the text is decoded already
    page = re.sub(r"\A\s*<\?xml[^>]*\?>", "", page)
    parser = lxml.html.HTMLParser(recover=True, no_network=True, remove_comments=True)
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    drop_hidden(root)
    return root


def drop_hidden(root) -> None:
    """Remove what a browser does not show (``hidden``, inline ``display:none``), keeping
    the text that follows each removed element."""
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""))
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _hidden(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in HIDDEN:
        return True
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(root) -> str:
    blocks: list[str] = []
    line: list[str] = []

    def end_block(pre: bool = False) -> None:
        text = "".join(line)
        if pre:
            para = text.strip("\n")
        else:
            lines = [_SPACE.sub(" ", ln).strip() for ln in text.split("\n")]
            para = "\n".join(ln for ln in lines if ln)
        if para:
            blocks.append(para)
        line.clear()

    def walk(el, pre: bool) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                line.append(el.tail if pre else _SPACE.sub(" ", el.tail))
            return
        tag = el.tag.lower()
        hidden = _hidden(el)
        if not hidden:
            if tag == "br":
                line.append("\n")
            block = tag in BLOCKS
            inner_pre = pre or tag == "pre"
            if block:
                end_block(pre)
            if el.text:
                line.append(el.text if inner_pre else _SPACE.sub(" ", el.text))
            for child in el:
                walk(child, inner_pre)
            if block:
                end_block(inner_pre)
        if el.tail:
            line.append(el.tail if pre else _SPACE.sub(" ", el.tail))

    # iterative depth would be nicer, but lxml caps tree depth (256 by default in libxml2's
    # HTML parser), so the recursion stays shallow
    walk(root, False)
    end_block()
    return "\n\n".join(blocks)
