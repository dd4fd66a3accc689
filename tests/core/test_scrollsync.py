"""The scroll-sync mapping: pairs stay level, ends meet ends, nothing runs backwards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kzdiff.core.scrollsync import interpolate, monotone_anchors, other_value


def test_pairs_line_up_at_the_sync_point() -> None:
    # pair 1: A lines 0-10 / B 0-4; pair 2: A 10-20 / B 30-40 (B has 26 extra lines between)
    anchors = monotone_anchors([(0, 10, 0, 4), (10, 20, 30, 40)], 100, 120)
    assert interpolate(anchors, 5) == 2  # half-way through pair 1 on both sides
    assert interpolate(anchors, 15) == 35
    assert interpolate(anchors, 10) in (4, 30)  # the boundary may belong to either


def test_ends_meet_ends() -> None:
    anchors = monotone_anchors([(10, 20, 50, 60)], 100, 200)
    assert other_value(0, 30, 70, 30, 170, anchors) == 0
    assert other_value(70, 30, 70, 30, 170, anchors) == 170


def test_mid_document_pair_is_level() -> None:
    anchors = monotone_anchors([(50, 60, 150, 160)], 200, 400)
    page, max_a, max_b = 20, 180, 380
    v = 49.5  # A's sync point (v + page * v / max_a) is line 55, inside the pair
    w = other_value(v, page, max_a, page, max_b, anchors)
    # the pair's top is the same number of lines from the top of both screens
    assert abs((50 - v) - (150 - w)) <= 1


def test_moved_pairs_do_not_fold_the_map() -> None:
    anchors = monotone_anchors([(0, 5, 0, 5), (10, 15, 40, 45), (20, 25, 20, 25)], 50, 50)
    bs = [b for _, b in anchors]
    assert bs == sorted(bs)


@given(
    st.lists(st.tuples(*[st.integers(0, 500)] * 4), max_size=30),
    st.integers(1, 500),
    st.integers(1, 500),
    st.floats(0, 600),
)
def test_mapping_is_monotone_and_in_range(raw, ta, tb, a) -> None:
    pairs = [(min(a0, a1), max(a0, a1), min(b0, b1), max(b0, b1)) for a0, a1, b0, b1 in raw]
    anchors = monotone_anchors(pairs, ta, tb)
    xs = [p[0] for p in anchors]
    ys = [p[1] for p in anchors]
    assert xs == sorted(xs) and ys == sorted(ys)
    assert interpolate(anchors, a) <= interpolate(anchors, a + 1)
    v = other_value(a, 10, ta, 10, tb, anchors)
    assert 0 <= v <= tb
