"""Invariants of segmentation and alignment, checked on generated texts (hypothesis).

News-like texts share material (moves, deletions, rewordings) rather than being unrelated
noise; ``mixed`` texts add what real files carry that breaks naive code. The same checks
run for as long as one likes in ``scripts/fuzz.py``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzdiff import compare_texts
from kzdiff.core.loading import LoadError, decode_bytes
from kzdiff.core.model import Kind

from ..strategies import check_all, check_cover, check_spans, mirrored, mixed, noise, text

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text, text)
def test_every_sentence_is_in_exactly_one_pair(a: str, b: str) -> None:
    check_cover(compare_texts(a, b))


@FAST
@given(st.one_of(text, noise, mixed))
def test_spans_slice_back_to_the_sentence_text(a: str) -> None:
    check_spans(compare_texts(a, ""))


@FAST
@given(text, text)
def test_output_is_deterministic(a: str, b: str) -> None:
    assert compare_texts(a, b).to_dict() == compare_texts(a, b).to_dict()


@FAST
@given(text, text)
def test_swapping_sides_mirrors_the_result(a: str, b: str) -> None:
    assert mirrored(compare_texts(a, b), compare_texts(b, a))


@FAST
@given(st.one_of(text, noise, mixed))
def test_a_text_against_itself_is_all_identical(a: str) -> None:
    cmp = compare_texts(a, a)
    check_cover(cmp)
    for p in cmp.pairs:
        if p.kind is Kind.FURNITURE:  # set aside on each side, never paired
            assert len(p.left) + len(p.right) == 1
            continue
        assert p.kind is Kind.IDENTICAL and not p.moved
        assert p.left == p.right
    assert cmp.summary()["furniture"] % 2 == 0  # the same furniture on both sides


@FAST
@given(st.one_of(text, mixed), st.one_of(text, mixed))
def test_adversarial_pairs_keep_every_invariant(a: str, b: str) -> None:
    """Hostile pieces (bidi, combining marks, emoji, markup, huge words) break nothing:
    cover, spans, word diffs that spell out both sides, highlights inside their sentences."""
    ab = compare_texts(a, b)
    check_all(ab)
    assert mirrored(ab, compare_texts(b, a))


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_with_a_message(raw: bytes) -> None:
    try:
        text_, encoding, _ = decode_bytes(raw, "f.txt")
    except LoadError as e:
        assert str(e).startswith("f.txt: ") and "\n" not in str(e)
    else:
        assert encoding and "\r" not in text_
