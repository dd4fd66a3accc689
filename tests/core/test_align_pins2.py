"""More pins of core/align.py found by mutation testing (texts written for these tests)."""

from __future__ import annotations

import pytest

from kzdiff import compare_texts

SAME = "The harbour reopened on Monday after a week of repairs to the main pier."
EDITED = "Fishermen said the catch had been poor all season because of the storms."
EDITED_2 = "Fishermen said the catch had been very poor this season because of the storms."


@pytest.mark.parametrize(
    "left,right,expected",
    [
        (
            [SAME, EDITED],
            [EDITED_2, SAME],
            [("identical", (0,), (1,), False), ("paraphrase", (1,), (0,), True)],
        ),
        (
            [EDITED, SAME],
            [SAME, EDITED_2],
            [("paraphrase", (0,), (1,), True), ("identical", (1,), (0,), False)],
        ),
    ],
)
def test_of_two_crossing_pairs_the_more_similar_keeps_the_order(left, right, expected):
    # both pairs are sure anchors, but only one can be in order: the identical one is, the
    # edited one is the sentence that moved
    cmp = compare_texts(" ".join(left), " ".join(right))
    assert [(p.kind.value, p.left, p.right, p.moved) for p in cmp.pairs] == expected
