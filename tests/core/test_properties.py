"""Invariants of segmentation and alignment, checked on generated texts (hypothesis).

The texts are built from a small vocabulary of news-like sentences so that generated pairs
share material (moves, deletions, rewordings) rather than being unrelated noise.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzdiff import compare_texts
from kzdiff.core.model import Kind

SENTENCES = [
    "The minister resigned on Tuesday after weeks of protests.",
    "Police said 230 people had been detained in Almaty.",
    "Dr. Smith told reporters the plan was approved by the U.S. Senate.",
    "Prices rose by 4.5 percent in March, the central bank said.",
    "“We will not give up,” the union leader said.",
    "He did not say when the talks would resume.",
    "Rescue teams reached the village at 3 p.m. on Sunday.",
    "The company, founded in 1998, employs 12,000 workers.",
    "Разговоры о перемирии продолжаются в Москве.",
    "Officials declined to comment.",
]

sentence = st.sampled_from(SENTENCES)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=0, max_size=5).map("\n\n".join)
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_cover(cmp) -> None:
    for side, doc in (("left", cmp.left), ("right", cmp.right)):
        seen = sorted(i for p in cmp.pairs for i in p.ids(side))
        assert seen == list(range(len(doc.sentences))), f"{side}: each sentence in one pair"


@FAST
@given(text, text)
def test_every_sentence_is_in_exactly_one_pair(a: str, b: str) -> None:
    _check_cover(compare_texts(a, b))


@FAST
@given(st.one_of(text, noise))
def test_spans_slice_back_to_the_sentence_text(a: str) -> None:
    cmp = compare_texts(a, "")
    last_end = 0
    for s in cmp.left.sentences:
        assert cmp.left.text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text
        assert s.start >= last_end
        last_end = s.end


@FAST
@given(text, text)
def test_output_is_deterministic(a: str, b: str) -> None:
    assert compare_texts(a, b).to_dict() == compare_texts(a, b).to_dict()


@FAST
@given(text, text)
def test_swapping_sides_mirrors_the_result(a: str, b: str) -> None:
    ab = compare_texts(a, b)
    ba = compare_texts(b, a)

    def groups(cmp, flip: bool) -> set:
        out = set()
        for p in cmp.pairs:
            lhs, rhs = (p.right, p.left) if flip else (p.left, p.right)
            out.add((lhs, rhs, p.kind))
        return out

    assert groups(ab, False) == groups(ba, True)


@FAST
@given(st.one_of(text, noise))
def test_a_text_against_itself_is_all_identical(a: str) -> None:
    cmp = compare_texts(a, a)
    _check_cover(cmp)
    for p in cmp.pairs:
        assert p.kind is Kind.IDENTICAL and not p.moved
        assert p.left == p.right
