"""A sentence's text is analysed once per comparison, and the memory goes with it."""

from __future__ import annotations

import threading

from kzdiff.core import memo, quantities, text
from kzdiff.core.compare import compare_texts
from kzdiff.core.memo import per_text, sentence_memo


def _counting():
    calls: list[str] = []

    @per_text(maxsize=2)
    def words(s: str) -> tuple[str, ...]:
        calls.append(s)
        return tuple(s.split())

    return words, calls


def test_each_text_is_analysed_once_within_a_comparison_however_many_texts():
    words, calls = _counting()
    texts = [f"sentence number {n}" for n in range(50)]
    with sentence_memo():
        first = [words(t) for t in texts]
        again = [words(t) for t in reversed(texts)]  # an LRU of 2 would have lost them all
    assert calls == texts
    assert again == first[::-1]
    assert first[3] == ("sentence", "number", "3")


def test_outside_a_comparison_a_small_lru_cache_serves():
    words, calls = _counting()
    for t in ("a b", "c d", "e f", "c d", "a b"):
        words(t)
    assert calls == ["a b", "c d", "e f", "a b"]  # two entries kept: "a b" was dropped


def test_the_memory_is_given_back_when_the_comparison_ends():
    words, calls = _counting()
    with sentence_memo():
        words("x y")
    assert memo._SCOPE.get() is None
    words.cache_clear()
    with sentence_memo():
        words("x y")  # a new comparison analyses it again
    assert calls == ["x y", "x y"]


def test_a_comparison_inside_another_shares_its_memory():
    words, calls = _counting()
    with sentence_memo():
        words("p q")
        with sentence_memo():
            words("p q")
        words("p q")
    assert calls == ["p q"]


def test_threads_have_memories_of_their_own():
    words, calls = _counting()
    seen: dict[str, object] = {}

    def run(name: str) -> None:
        with sentence_memo():
            words("same text")
            seen[name] = memo._SCOPE.get()

    threads = [threading.Thread(target=run, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == ["same text", "same text"]  # neither thread saw the other's memory
    assert seen["a"] is not seen["b"]


def test_tokens_and_quantities_are_read_once_in_a_real_comparison(monkeypatch):
    """compare_documents opens the memory: the conflict checks and the facts table read a
    sentence's tokens and quantities from it instead of analysing the sentence again."""
    counts: dict[str, int] = {}
    real_tok = text.tokenize.__wrapped__
    real_q = quantities._quantities.__wrapped__

    def spy(fn, name):
        def f(s):
            counts[f"{name}:{s}"] = counts.get(f"{name}:{s}", 0) + 1
            return fn(s)

        return f

    tok = per_text(maxsize=1)(spy(real_tok, "tok"))
    qs = per_text(maxsize=1)(spy(real_q, "q"))
    for mod in ("similarity", "conflicts", "facts", "overlap"):
        m = __import__(f"kzdiff.core.{mod}", fromlist=["x"])
        if hasattr(m, "tokenize"):
            monkeypatch.setattr(m, "tokenize", tok)
    monkeypatch.setattr(quantities, "_quantities", qs)
    left = (
        "The storm killed 12 people on Monday in the north. "
        "Officials said 300 homes were damaged. Rescue teams arrived on Tuesday."
    )
    right = (
        "The storm killed 15 people on Monday in the north. "
        "Officials said 300 homes were damaged. Rescue teams arrived on Tuesday."
    )
    cmp = compare_texts(left, right)
    assert any(p.conflicts for p in cmp.pairs)  # the conflict checks and facts did run
    assert any(f.kind == "date" for f in cmp.facts)
    assert counts, "the spies were not called"
    assert max(counts.values()) == 1, counts


def test_a_comparison_table_lives_as_long_as_the_comparison():
    def owner():
        return None

    assert memo.comparison_table(owner) is None  # outside a comparison: no memory kept
    with sentence_memo():
        table = memo.comparison_table(owner)
        table["word"] = 1
        assert memo.comparison_table(owner) is table
        assert memo.comparison_table(_counting) is not table  # one per owner
        with sentence_memo():  # an enclosing comparison's memory is used
            assert memo.comparison_table(owner) is table
    with sentence_memo():
        assert memo.comparison_table(owner) == {}  # the next comparison starts afresh
