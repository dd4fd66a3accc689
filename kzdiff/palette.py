"""How each kind looks, shared by the window and the HTML export.

Colours come from the Okabe–Ito palette, chosen to stay distinct under the common forms
of colour blindness; and colour is never the only cue: every kind has a marker symbol
shown in the gutter (window) or the row head (HTML), and word changes are struck through
or underlined as well as tinted. Dark variants keep the hue and lower the fill's weight.

The data is ``kzdiff/resources/palette.json`` (read through importlib.resources);
no Qt here: the UI turns these hex strings into QColors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .core.model import Kind


@dataclass(frozen=True, slots=True)
class KindStyle:
    label: str  # what the legend calls it
    marker: str  # a symbol that tells the kind without colour
    line: str  # outlines, gutter markers, link-map band edges
    fill: str  # sentence background in a light theme
    fill_dark: str  # sentence background in a dark theme
    description: str


def _load() -> dict:
    from .resources import read_text

    return json.loads(read_text("palette.json"))


_DATA = _load()
_FIELDS = ("label", "marker", "line", "fill", "fill_dark", "description")

STYLES: dict[Kind, KindStyle] = {
    Kind(k): KindStyle(*(v[f] for f in _FIELDS)) for k, v in _DATA["kinds"].items()
}

#: Moved pairs keep their kind's colours and add this outline and marker.
MOVED = KindStyle(*(_DATA["moved"][f] for f in _FIELDS))

#: Word-level roles inside a pair (see :mod:`kzdiff.core.highlight`):
#: (text decoration, light fill, dark fill).
WORD_ROLES: dict[str, tuple[str, str, str]] = {
    role: (v["line"], v["fill"], v["fill_dark"]) for role, v in _DATA["word_roles"].items()
}


def style(kind: Kind) -> KindStyle:
    return STYLES[kind]


def count_text(kind: Kind, summary: dict) -> str:
    """How a kind's count reads, the same in the window's legend and the report's:
    ``paraphrase: 8``; sentences without a counterpart are counted per side, in the words
    of the summary line (:meth:`Comparison.summary_text`), ``only left: 12 · only right:
    12``, never as one sum under another name."""
    if kind is Kind.MISSING:
        return f"only left: {summary['only_left']} · only right: {summary['only_right']}"
    return f"{STYLES[kind].label}: {summary[kind.value]}"
