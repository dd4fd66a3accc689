"""More pins of core/quantities.py found by mutation testing (issue #17): every field of
a percentage parsed from digits or from words. Texts written for these tests."""

from __future__ import annotations

import pytest

from kzdiff.core.quantities import Quantity, quantities


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "Some 40 people and 12% of voters agreed.",
            [
                Quantity("40", 5, 7, "count", 40.0, "", "", "about"),
                Quantity("12%", 19, 22, "percent", 12.0, "%", "", ""),
            ],
        ),
        (
            "Turnout was twelve per cent, up 3 points.",
            [
                Quantity("twelve per cent", 12, 27, "percent", 12.0, "%", "", ""),
                Quantity("3", 32, 33, "count", 3.0, "", "", ""),
            ],
        ),
        # "per cent" after a hyphen is read as a unit word, and is a percentage all the same
        (
            "It was a 12-per cent rise.",
            [Quantity("12-per cent", 9, 20, "percent", 12.0, "%", "", "")],
        ),
        (
            "Support rose 4 percentage points.",
            [Quantity("4 percentage points", 13, 32, "pp", 4.0, "pp", "", "")],
        ),
    ],
)
def test_percentages_in_digits_and_in_words(sentence, expected):
    assert list(quantities(sentence)) == expected
