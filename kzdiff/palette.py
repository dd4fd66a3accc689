"""How each kind looks, shared by the window and the HTML export.

Colours come from the Okabe–Ito palette, chosen to stay distinct under the common forms
of colour blindness; and colour is never the only cue: every kind has a marker symbol
shown in the gutter (window) or the row head (HTML), and word changes are struck through
or underlined as well as tinted. Dark variants keep the hue and lower the fill's weight.

Pure data, no Qt: the UI turns these hex strings into QColors.
"""

from __future__ import annotations

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


STYLES: dict[Kind, KindStyle] = {
    Kind.IDENTICAL: KindStyle(
        "identical",
        "=",
        "#8a8a8a",
        "#f1f1f1",
        "#33363a",
        "same words; only spacing, punctuation, quotes or case differ",
    ),
    Kind.PARAPHRASE: KindStyle(
        "paraphrase", "≈", "#0072B2", "#dcebf7", "#1d3447", "same content in other words"
    ),
    Kind.CONFLICT: KindStyle(
        "conflict",
        "≠",
        "#D55E00",
        "#fbdcc8",
        "#54301a",
        "a detail disagrees: number, date, name, negation or qualifier",
    ),
    Kind.MISSING: KindStyle(
        "missing", "∅", "#CC79A7", "#f6e1ee", "#48293b", "no counterpart in the other text"
    ),
}

#: Moved pairs keep their kind's colours and add this outline and marker.
MOVED = KindStyle(
    "moved", "↕", "#009E73", "#d5f0e6", "#1b3d32", "in a different place in the other text"
)

#: Word-level roles inside a pair (see :mod:`kzdiff.core.highlight`).
WORD_ROLES = {
    "delete": ("#b8561f", "#f3c9b0", "#6b3a20"),  # (text decoration, light fill, dark fill)
    "insert": ("#0072B2", "#bfe0f5", "#1f4a66"),
    "conflict": ("#D55E00", "#F0E442", "#8a6d00"),
}


def style(kind: Kind) -> KindStyle:
    return STYLES[kind]
