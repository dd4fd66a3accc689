"""The ``kzdiff/1`` JSON of a comparison (the structure is :meth:`Comparison.to_dict`).

Encoded by orjson (C): a 10k-sentence comparison is 15-17 MB of JSON, which the standard
library's indenting encoder (pure Python once ``indent`` is set) took 0.6 s to write
against orjson's 0.04 s. orjson indents by two spaces only, so that is the indent.

One thing orjson refuses: a lone surrogate. A file name that is not valid UTF-8 (bytes
that ``os.fsdecode`` keeps as surrogate escapes) gives one; that JSON is written by the
standard library with every non-ASCII character escaped (``"\\udcff"``), which loses
nothing: ``json.loads`` gives back the very name, and the file can be opened with it.
"""

from __future__ import annotations

import json

import orjson

from ..core.model import Comparison


def dumps(cmp: Comparison, indent: bool = True) -> str:
    """The comparison as JSON text, indented by two spaces unless ``indent`` is false."""
    data = cmp.to_dict()
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    except orjson.JSONEncodeError:  # a lone surrogate (see the module docstring)
        return json.dumps(data, ensure_ascii=True, indent=2 if indent else None)
