"""The shortcuts of the engine-budget round (issues #12/#15) give what the plain code gives.

Each replaced a computation that a table of figures or a 5 MB text repeated (a word's
number value, a figure's token, Punkt's verdict on a possible sentence end) with a
cached or direct one; each is checked here against the plain version, written out.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from kzdiff.core import facts, segment
from kzdiff.core.text import (
    _FRACTIONS,
    _SCALES,
    _TENS,
    _UNITS,
    NUMBER_RE,
    Token,
    _fmt,
    _word_info,
    fold,
    normalise_number,
    number_value,
    tokenize,
)

from ..conftest import GOLD


def _plain_number_value(words: list[str], i: int) -> tuple[str, int] | None:
    """number_value as it was before its per-word cache, word for word."""
    w = fold(words[i])
    value = None
    n = 1
    if NUMBER_RE.match(w):
        base = normalise_number(w)
        pct = base.endswith("%")
        try:
            value = float(base.rstrip("%").replace(",", "."))
        except ValueError:
            return (base, 1)
        if pct:
            return (base, 1)
    elif w in _UNITS:
        value = _UNITS[w]
    elif w in _TENS:
        value = _TENS[w]
    elif "-" in w and all(p in _UNITS or p in _TENS for p in w.split("-")):
        value = sum(_UNITS.get(p, _TENS.get(p, 0)) for p in w.split("-"))
    elif w in _FRACTIONS:
        return (_FRACTIONS[w], 1)
    else:
        return None
    while i + n < len(words) and fold(words[i + n]) in _SCALES:
        value *= _SCALES[fold(words[i + n])]
        n += 1
    if i + n + 1 < len(words) and fold(words[i + n]) == "per" and fold(words[i + n + 1]) == "cent":
        return (_fmt(value) + "%", n + 2)
    if i + n < len(words) and fold(words[i + n]) == "percent":
        return (_fmt(value) + "%", n + 1)
    return (_fmt(value), n)


WORDS = [
    "7",
    "1,200",
    "1,200.50",
    "3.50",
    "5,5",
    "5%",
    "0",
    "007",
    "12345678901234567890",
    "9" * 400,
    "12.0",
    "seven",
    "Seven",
    "twenty",
    "twenty-five",
    "ninety-nine",
    "half",
    "dozen",
    "dozens",
    "Hundreds",
    "hundred",
    "Million",
    "billion",
    "per",
    "cent",
    "percent",
    "people",
    "two-thirds",
    "٣",
    "1.2.3",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.data())
def test_number_value_is_the_plain_reading(words, data):
    i = data.draw(st.integers(0, len(words) - 1))
    assert number_value(words, i) == _plain_number_value(words, i)


def test_normalise_number_keeps_its_forms():
    assert normalise_number("1,200") == "1200"
    assert normalise_number("1,200.50%") == "1200.5%"
    assert normalise_number("5,5") == "5,5"
    assert normalise_number("3.50") == "3.5"
    assert normalise_number("12") == "12"


def test_a_figure_is_tokenized_as_the_word_cache_would():
    sentence = "In 2024, 17 of 305 boats (0 crews, 1,200 tonnes) sailed; ٣ and 12b did not."
    plain = []
    for t in tokenize(sentence):
        word, k, content, name_like, upper = _word_info(t.text)
        plain.append(Token(word, t.start, k, content, name_like and (bool(plain) or upper)))
    assert list(tokenize(sentence)) == plain
    assert [t.text for t in tokenize(sentence)][:4] == ["In", "2024", "17", "of"]


def test_no_class_word_starts_with_a_digit():
    # the facts table skips a figure's key before a quantity: it can name no class
    assert not [k for k in facts._CLASS_OF if k[:1].isdigit()]


def _plain_punkt() -> PunktSentenceTokenizer:
    cached = segment._tokenizer()
    return PunktSentenceTokenizer(cached._params)


def test_punkt_with_kept_verdicts_splits_as_punkt():
    plain = _plain_punkt()
    texts = [(GOLD / case / "left.txt").read_text(encoding="utf-8") for case in ("port-strike",)]
    texts.append(
        "Gov. Smith met Sen. Jones at 5 p.m. on Monday. The U.S. said no. No. 10 agreed. "
        "He said. The end. He said. The end? (Sent1.) Sent2. It cost $5 m. in 2020. Then."
    )
    seen = 0
    for text in texts:
        for para in text.split("\n\n"):
            body = para.replace("\n", " ")
            for _ in range(2):  # the second time from the kept verdicts
                assert list(segment._tokenizer().span_tokenize(body)) == list(
                    plain.span_tokenize(body)
                )
            seen += 1
    assert seen > 5
    assert segment._tokenizer().text_contains_sentbreak.cache_info().hits > 0


BOUND_PARTS = [
    "more than",
    "over",
    "about",
    "some",
    "close to",
    "nearly",
    "up to",
    "fewer than",
    "Around",
    "cover",
    "x",
    "(",
    ",",
    " ",
    "  ",
    "\t",
    "\u2009",
    "\u00a0",
    "5",
    "1,800",
    "$2bn",
    "people",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BOUND_PARTS), min_size=1, max_size=14), st.booleans())
def test_a_bound_is_read_as_the_plain_pattern_search_reads_it(parts, spaced):
    from kzdiff.core.quantities import _BOUND, quantities

    text = (" " if spaced else "").join(parts)
    plain = text.replace("\u00a0", " ").replace("\u202f", " ")
    for q in quantities(text):
        m = _BOUND.search(plain, max(0, q.start - 24), q.start)
        if m is None or q.dim in ("year", "time", "score", "ref", "vague"):
            assert q.bound == "", (text, q)
        else:
            assert q.bound == (m.lastgroup or ""), (text, q)
