"""A saved web page: its article, by trafilatura, or else its visible text.

trafilatura (the reference extractor of web-corpus work, on lxml's C parser) finds the
article's paragraphs, headline, author and date and leaves out navigation, teasers and
comments. When it finds nothing (a page that is all list, a tiny page), the page's
visible text is compared instead, with a note. Both parse with lxml, which, unlike
Python's HTMLParser, reads HTML5 the way browsers do (an omitted ``</head>``, a stray
``<head>``, ``</script x>``), never raises on a malformed character reference and stays
linear on a page of unterminated tags.
"""

from __future__ import annotations

import logging
import re

from . import Extracted

log = logging.getLogger(__name__)

_BLANKS = re.compile(r"\n[ \t]*\n\s*")


def _parse(page: str):
    from .visible import parse

    tree = parse(page)
    if tree is not None:
        separate_labels(tree)
    return tree


def read_html(page: str) -> Extracted:
    """The article of a web page (paragraphs blank-line separated), with its metadata."""
    from .visible import visible_text

    tree = _parse(page)
    if tree is None:
        return Extracted("", "html", notes=["holds no HTML elements; nothing to compare"])
    title = author = date = None
    body = ""
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_precision=False,
        )
    except Exception as e:  # a bug in the extractor must not lose the user's page
        log.warning("trafilatura failed: %s", e)
        doc = None
    if doc is not None:
        body = _paragraphs(getattr(doc, "text", "") or "")
        title = _clean(getattr(doc, "title", None))
        author = _clean(getattr(doc, "author", None))
        date = _clean(getattr(doc, "date", None))
    if body and "\n" not in body:
        body = _restore_paragraphs(body, visible_text(_parse(page)))
    if body:
        if title and not body.startswith(title):
            body = f"{title}\n\n{body}"
        return Extracted(
            body,
            "html",
            title,
            author,
            date,
            [
                "a web page: its article is compared (found by trafilatura), without menus, "
                "teasers or comments"
            ],
        )
    text = visible_text(_parse(page))  # trafilatura prunes the tree it is given
    return Extracted(
        text,
        "html",
        title or _clean(tree.findtext(".//title")),
        author,
        date,
        ["a web page in which no article was found: all its visible text is compared"],
    )


#: An inline label that makes what follows it a link to another story ("RELATED:",
#: "READ MORE", "See also"). Pages set it apart by style (a block, a margin) and often with
#: no space or line break in the markup, so an extractor glued it to its neighbours:
#: "statement.READ MORE:Saturday market…" read as one sentence of the article.
_LEAD_LABEL = re.compile(
    r"(?:related(?: articles| stories| news| content)?|read more|read next|read also"
    r"|also read|see also|recommended|more on this(?: story)?|don'?t miss|must read"
    r"|editor'?s picks?)\s*[:|»›>–—-]?",
    re.IGNORECASE,
)
_INLINE = {"strong", "b", "em", "i", "span", "small", "mark", "u", "label"}


def separate_labels(tree) -> None:
    """Put each inline "RELATED:" / "READ MORE" label on a line of its own with what it
    introduces (a line break before it, and a space after a label glued to its link,
    or a line break when the label has no ':' to end it), as the page shows it."""
    for el in list(tree.iter(*_INLINE)):
        label = " ".join((el.text_content() or "").split())
        if not label or not _LEAD_LABEL.fullmatch(label):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        before = el.getprevious()
        text_before = (before.tail if before is not None else parent.text) or ""
        if text_before.strip() or before is not None:
            el.addprevious(_br(el))
        tail = el.tail or ""
        if label[-1].isalnum():  # no ':' ends it: the headline goes on the next line
            br = _br(el)
            br.tail = tail
            el.tail = None
            el.addnext(br)
        elif tail[:1].strip() or (not tail and el.getnext() is not None):
            el.tail = " " + tail


def _br(el):
    return el.makeelement("br", {})


def _restore_paragraphs(body: str, visible: str) -> str:
    """trafilatura's fallback on a short page returns the article as one line; its
    paragraphs are the page's visible paragraphs that the line is made of."""
    flat = " ".join(body.split())
    paras = [p for p in visible.split("\n\n") if " ".join(p.split()) in flat]
    covered = sum(len(" ".join(p.split())) + 1 for p in paras)
    return "\n\n".join(paras) if covered >= 0.9 * len(flat) else body


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-paragraph text as blank-line separated paragraphs."""
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
