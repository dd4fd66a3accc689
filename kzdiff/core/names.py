"""File names as data: how a name from outside is shown in a message, a title or a report.

A file name may hold any byte but ``/`` and NUL: an escape sequence that retitles or
recolours the terminal, a newline that forges a second message line, a right-to-left
override that makes ``txt.exe`` read as ``exe.txt``. Every place that shows a name (stderr,
the window's title, headers and tooltips, the HTML report) goes through
:func:`display_name`, which shows such characters escaped, as Python's ``repr`` would.
"""

from __future__ import annotations

import os

# Invisible characters that change how the text around them is laid out or read.
_FORMAT_CONTROLS = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
        return f"\\x{o - 0xDC00:02x}"
    if o <= 0xFF:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"


def _unsafe(ch: str) -> bool:
    # not printable: controls, format characters (invisible: bidi overrides, soft hyphen,
    # joiners), surrogates (undecodable bytes), private use, unassigned, separators but
    # the space
    return ch in _FORMAT_CONTROLS or (ch != " " and not ch.isprintable())


def display_name(path: str | os.PathLike[str] | bytes | None) -> str:
    """``path`` as one safe line of text: control and layout characters escaped.

    Ordinary names (any script, spaces, punctuation) come back unchanged; a backslash is
    doubled only in a name that needed escaping, so Windows paths read as usual.
    """
    if path is None:
        return ""
    name = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not any(_unsafe(ch) for ch in name):
        return name
    return "".join(_escape(ch) if _unsafe(ch) or ch == "\\" else ch for ch in name)
