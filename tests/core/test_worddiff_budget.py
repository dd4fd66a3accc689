"""Word diffs of long, thoroughly different sentences (issue #15): bounded cost, same result.

Two 3,000-character runs of figures that differ throughout cost diff-match-patch's
bisection and its semantic cleanup 0.2-0.5 s a pair. Past ``MAX_DMP_EDITS`` token edits
the edit script comes from rapidfuzz's LCS, and the cleanup runs in linear time; these
tests hold both to the library's own result.
"""

from __future__ import annotations

import random

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from kzdiff.core import worddiff
from kzdiff.core.model import Op
from kzdiff.core.worddiff import MAX_DMP_EDITS, _lcs_diffs, cleanup_semantic, diff_words


def _figures(seed: int, n: int = 400) -> str:
    r = random.Random(seed)
    return " ".join(str(r.randint(0, 10**6)) for _ in range(n))


def _dmp() -> diff_match_patch:
    d = diff_match_patch()
    d.Diff_Timeout = 0
    return d


def _library_only(monkeypatch: pytest.MonkeyPatch, left: str, right: str):
    """The hunks diff-match-patch alone gives (bisection and its own cleanup, at any cost)."""
    with monkeypatch.context() as m:
        m.setattr(worddiff, "MAX_DMP_EDITS", 10**9)
        m.setattr(worddiff, "cleanup_semantic", lambda dmp, diffs: dmp.diff_cleanupSemantic(diffs))
        return diff_words(left, right)


def test_two_runs_of_figures_take_the_long_path_and_give_the_librarys_diff(monkeypatch):
    left, right = _figures(1), _figures(2)
    # a figure both share, so the diff has something to keep
    left, right = left + " 424242 end", right + " 424242 end"
    tokens = [worddiff.TOKEN_RE.findall(x) for x in (left, right)]
    assert len(tokens[0]) > MAX_DMP_EDITS  # the case really is past the bar
    fast = diff_words(left, right)
    assert "".join(h.left for h in fast) == left
    assert "".join(h.right for h in fast) == right
    assert fast == _library_only(monkeypatch, left, right)
    assert fast[-1].op is Op.EQUAL and fast[-1].left.endswith("424242 end")


def test_words_in_another_order_take_the_long_path_and_recover_both_sides(monkeypatch):
    # the same words shuffled: no count of shared tokens tells the edit distance is large,
    # the measured distance does. Several edit scripts are minimal here, and rapidfuzz's
    # may keep other tokens than the bisection's (the README says so): both sides must
    # still be rebuilt exactly.
    r = random.Random(3)
    words = [f"w{r.randint(0, 300)}" for _ in range(600)]
    shuffled = words[:]
    r.shuffle(shuffled)
    left, right = " ".join(words), " ".join(shuffled)
    used = []
    real = worddiff._lcs_diffs
    monkeypatch.setattr(worddiff, "_lcs_diffs", lambda a, b: used.append(1) or real(a, b))
    h = diff_words(left, right)
    assert used
    assert "".join(x.left for x in h) == left and "".join(x.right for x in h) == right
    assert h == diff_words(left, right)  # deterministic


def test_an_ordinary_pair_is_diffed_by_the_library_alone(monkeypatch):
    def no_lcs(*_):
        raise AssertionError("rapidfuzz's script used for a short pair")

    monkeypatch.setattr(worddiff, "_lcs_diffs", no_lcs)
    h = diff_words(
        "Police said 230 people had been detained in Almaty on Monday.",
        "Police said 225 people were detained in Almaty.",
    )
    assert [(x.left, x.right) for x in h if x.op is not Op.EQUAL][:2] == [("230", ""), ("", "225")]


def test_the_lcs_script_is_minimal_and_rebuilds_both_texts():
    a, b = "abcabba" * 20, "cbabac" * 25
    diffs = _lcs_diffs(a, b)
    assert "".join(t for op, t in diffs if op <= 0) == a
    assert "".join(t for op, t in diffs if op >= 0) == b
    edits = sum(len(t) for op, t in diffs if op)
    assert edits == Indel.distance(a, b)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab c.", max_size=40),
    st.text(alphabet="ab c.", max_size=40),
    st.booleans(),
)
def test_linear_cleanup_equals_the_librarys(a, b, from_lcs):
    dmp = _dmp()
    if from_lcs:
        diffs = _lcs_diffs(a, b)
        dmp.diff_cleanupMerge(diffs)
    else:
        diffs = dmp.diff_main(a, b, False)
    ours, theirs = list(diffs), list(diffs)
    cleanup_semantic(dmp, ours)
    dmp.diff_cleanupSemantic(theirs)
    assert ours == theirs


def test_linear_cleanup_equals_the_librarys_on_figures():
    table: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(
            table.setdefault(t, chr(0x100 + len(table))) for t in worddiff.TOKEN_RE.findall(text)
        )

    a, b = encode(_figures(5, 300)), encode(_figures(6, 320))
    dmp = _dmp()
    diffs = _lcs_diffs(a, b)
    dmp.diff_cleanupMerge(diffs)
    assert len(diffs) > 300  # a long run of small equalities: what was quadratic
    ours, theirs = list(diffs), list(diffs)
    cleanup_semantic(dmp, ours)
    dmp.diff_cleanupSemantic(theirs)
    assert ours == theirs
