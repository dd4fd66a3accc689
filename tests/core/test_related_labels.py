"""A "RELATED:" / "READ MORE" label in a saved web page, written inline with no space or
line break after it (or before it, after the article's sentence), stays apart from the
text around it: the label and the headline it introduces are one line of page
furniture, never glued into "RELATED:Ferry fares…" or into the article's sentence."""

from __future__ import annotations

from pathlib import Path

from kzdiff import compare_texts
from kzdiff.core.compare import compare_documents, make_document, text_document
from kzdiff.core.loading import load_file
from kzdiff.core.model import Kind

PAGE = Path(__file__).resolve().parents[1] / "data" / "pages" / "related-labels.html"

ARTICLE = [
    "Harbour bridge reopens after repairs",
    "The harbour bridge in Westport reopened to traffic on Friday after six months of "
    "repairs that cost 4.2 million pounds.",
    "Engineers replaced 40 steel cables and resurfaced the deck, the council said in a statement.",
    "Traffic had been diverted through the town centre since September, adding up to "
    "twenty minutes to journeys.",
    "Local businesses said trade had fallen during the closure, and the council promised "
    "a review of the diversion.",
    "The bridge was first opened in 1932 and carries about 12,000 vehicles a day.",
]
FURNITURE = [
    "READ MORE: Saturday market moves to the quay for the summer",
    "RELATED: Ferry fares to rise in April as fuel costs bite",
    "Read more",
    "Council approves new cycle lane on Harbour Road",
    "SEE ALSO",
    "Lighthouse keeper's cottage to become a museum",
]


def test_labels_and_their_headlines_are_furniture_apart_from_the_article() -> None:
    doc = make_document(load_file(str(PAGE)))
    text = [s.text for s in doc.sentences if s.block != "furniture"]
    furniture = [s.text for s in doc.sentences if s.block == "furniture"]
    byline = [t for t in text if t.startswith("By ")]
    assert [t for t in text if t not in byline] == ARTICLE
    assert [t for t in furniture if not t.startswith("By ")] == FURNITURE
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text  # offsets index the shown text
    assert "statement.READ" not in doc.text and "RELATED:Ferry" not in doc.text


def test_the_page_against_its_article_pairs_every_sentence_and_no_teaser() -> None:
    page = make_document(load_file(str(PAGE)))
    plain = text_document("\n\n".join(ARTICLE))
    cmp = compare_documents(page, plain)
    kinds = {p.kind for p in cmp.pairs if p.left and p.right}
    assert kinds == {Kind.IDENTICAL}
    assert not [p for p in cmp.pairs if p.kind is Kind.MISSING and p.left]
    assert cmp.summary()["only_right"] == 0


def test_a_pasted_label_line_alone_takes_the_headlines_after_it() -> None:
    """The same in plain text (copied from a browser): "RELATED" alone on its line, then
    two headlines, then the article goes on; a headline-like line after prose stays."""
    left = (
        "The council met on Monday. It approved the budget.\n\n"
        "RELATED\n\nFerry fares to rise in April as fuel costs bite\n\n"
        "Council approves new cycle lane on Harbour Road\n\n"
        "The vote was unanimous."
    )
    cmp = compare_texts(left, left)
    furniture = [s.text for s in cmp.left.sentences if s.block == "furniture"]
    assert furniture == [
        "RELATED",
        "Ferry fares to rise in April as fuel costs bite",
        "Council approves new cycle lane on Harbour Road",
    ]
    plain = compare_texts("A storm hit.\n\nFerry fares to rise in April as fuel costs bite", "x")
    assert all(s.block != "furniture" for s in plain.left.sentences)
