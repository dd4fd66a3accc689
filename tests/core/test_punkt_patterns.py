"""Punkt without NLTK's per-call time limit: the same sentence spans as NLTK's own
tokenizer with the same parameters, on news prose and on odd text alike."""

from __future__ import annotations

import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from kzdiff.core.punkt_patterns import untimed
from kzdiff.core.segment import _tokenizer

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "devset")


@pytest.fixture(scope="module")
def stock() -> PunktSentenceTokenizer:
    """NLTK's tokenizer as shipped (its patterns under the time limit), same parameters."""
    return PunktSentenceTokenizer(_tokenizer()._params)


def spans(tok, text: str) -> list[tuple[int, int]]:
    return list(tok.span_tokenize(text))


def test_the_patterns_punkt_runs_are_plain_compiled_patterns() -> None:
    tok = _tokenizer()
    lv = tok._lang_vars
    patterns = [
        lv.period_context_re(),
        lv._word_tokenizer_re(),
        lv.re_boundary_realignment,
        tok._Token._RE_NUMERIC,
        tok._Token._RE_ALPHA,
    ]
    for p in patterns:
        assert type(p).__name__ != "TimedPattern"
        assert type(p).__name__ == "Pattern"
    # and NLTK's own are wrapped (the time limit this module removes), so the test above
    # is not vacuous on this NLTK; with NLTK 3.9 they are plain already
    from nltk.tokenize import punkt

    if type(punkt.PunktToken._RE_ALPHA).__name__ == "TimedPattern":
        assert untimed(punkt.PunktToken._RE_ALPHA).pattern == punkt.PunktToken._RE_ALPHA.pattern


NEWS = [
    "Gov. Smith met Sen. Jones at 10 a.m. on Jan. 5 in the U.S. capital. Acme Corp. agreed.",
    "He said: “It is over.” Then he left… The end?! Yes. (It was.) ‘Fine,’ she said. Next.",
    "The rate rose 2.5 per cent. It fell to 1.2. J. R. R. Tolkien wrote it. See p. 12. Done.",
    "Caf\u0065\u0301 owners met. The ca\u0301fe\u0301 closed... Then what? Nothing -- nothing.",
    "हिन्दी समाचार. यह दूसरा वाक्य है. Москва. Это второе предложение. 東京. 次の文。",
    "No. 10 said no. The U.N. met. It ended at 5 p.m. Mr. and Mrs. Doe left. etc. And so on.",
    "\"Quoted.\" 'Single.' [Bracketed.] {Braced.} «Guillemets.» Last one.",
]


@pytest.mark.parametrize("text", NEWS)
def test_same_spans_as_nltk_on_news_and_odd_text(stock, text: str) -> None:
    assert spans(_tokenizer(), text) == spans(stock, text)


@pytest.mark.skipif(not os.path.isdir(SHARED), reason="../shared/devset not present")
def test_same_spans_as_nltk_on_every_devset_text(stock) -> None:
    files = sorted(glob.glob(os.path.join(SHARED, "*", "left.*")))
    files += sorted(glob.glob(os.path.join(SHARED, "*", "right.*")))
    assert files
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            for para in f.read().split("\n\n"):
                para = para.replace("\n", " ")
                assert spans(_tokenizer(), para) == spans(stock, para), path


PIECES = st.sampled_from(
    [
        "The",
        "said",
        "Mr.",
        "U.S.",
        "No.",
        "a.m.",
        "2.5",
        "1,200",
        "J.",
        "etc.",
        "vs.",
        ".",
        ". ",
        "...",
        "…",
        "?",
        "!",
        "?!",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "(",
        ")",
        "--",
        "-",
        ",",
        ";",
        ":",
        " ",
        "  ",
        "\u0301",
        "é",
        "हि",
        "न्",
        "Москва",
        "東京。",
        "McDonald",
        "iPhone",
        "x",
        "Ab",
        "ZZ",
        "5",
        "12.",
        "\t",
        "\u00a0",
        "_",
        "‿",
        "\u200d",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join))
def test_same_spans_as_nltk_on_generated_text(stock, text: str) -> None:
    assert spans(_tokenizer(), text) == spans(stock, text)
