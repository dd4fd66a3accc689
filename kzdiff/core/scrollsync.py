"""The maths of synchronized scrolling, kept out of the widgets so it can be unit-tested.

Like Meld, the panes are synchronised at a *sync point*: a line of the scrolling pane
that sits mid-screen in the middle of the document and moves towards the top (bottom) at
the start (end), so both ends of both documents can be reached. The matching line on the
other side is found by piecewise-linear interpolation between *anchors*: the tops and
bottoms of the in-order pairs (moved pairs would fold the mapping back on itself, so
they are left out). Inside a pair the other pane moves proportionally; across an
unmatched stretch it moves proportionally too, so nothing jumps.

Units are whatever the caller's scroll bars count (lines for a QPlainTextEdit).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def monotone_anchors(
    pairs: Sequence[tuple[float, float, float, float]], total_a: float, total_b: float
) -> list[tuple[float, float]]:
    """Anchor points (a, b) from pair extents (a_top, a_bottom, b_top, b_bottom).

    Points that would make the mapping go backwards on either side are dropped, and the
    document ends are pinned to each other.
    """
    pts = [(0.0, 0.0)]
    for a0, a1, b0, b1 in sorted(pairs):
        for a, b in ((a0, b0), (a1, b1)):
            if a >= pts[-1][0] and b >= pts[-1][1] and (a, b) != pts[-1]:
                pts.append((a, b))
    if total_a >= pts[-1][0] and total_b >= pts[-1][1]:
        pts.append((float(total_a), float(total_b)))
    return pts


def interpolate(anchors: Sequence[tuple[float, float]], a: float) -> float:
    """The b matching a under the piecewise-linear map through ``anchors``."""
    if not anchors:
        return a
    k = bisect.bisect_right(anchors, a, key=_first)  # called on every scroll: no list copy
    if k == 0:
        return anchors[0][1]
    if k == len(anchors):
        return anchors[-1][1]
    (a0, b0), (a1, b1) = anchors[k - 1], anchors[k]
    if a1 == a0:
        return b1
    return b0 + (b1 - b0) * (a - a0) / (a1 - a0)


def _first(point: tuple[float, float]) -> float:
    return point[0]


def sync_fraction(value: float, maximum: float) -> float:
    """Where on the screen the sync point sits: 0 (top) at the start, 1 (bottom) at the end.

    Linear in the scroll position, so it is mid-screen mid-document, and at either end
    both documents' ends are reachable (value 0 maps to 0; the last value maps to the
    other pane's last value because the document ends are anchored to each other).
    """
    if maximum <= 0:
        return 0.0
    return min(1.0, max(0.0, value / maximum))


def other_value(
    value: float,
    page_a: float,
    max_a: float,
    page_b: float,
    max_b: float,
    anchors: Sequence[tuple[float, float]],
) -> int:
    """The scroll value for pane B that keeps it level with pane A scrolled to ``value``."""
    f = sync_fraction(value, max_a)
    point_a = value + page_a * f
    point_b = interpolate(anchors, point_a)
    v = point_b - page_b * f
    return int(round(min(max(v, 0.0), max(max_b, 0.0))))


def pinned_value(
    target: float, offset: float, value: float, pin_value: float, page: float
) -> float:
    """``target`` (from :func:`other_value`) moved by a *pin*: the difference between where
    the other pane was put (to show both sentences of a selected pair) and where the
    anchors would have put it, noted when the pane stood at ``pin_value``.

    The difference fades linearly over one page of scrolling away from the pin, so the
    selected pair stays level while the user reads around it, and the panes drift back
    to the anchors' mapping without a jump.
    """
    if page <= 0:
        return target
    weight = max(0.0, 1.0 - abs(value - pin_value) / page)
    return target + offset * weight
