"""More pins of core/loading.py found by mutation testing (issue #17): Western copy from
Windows with one odd character is still read as cp1252. Texts written for these tests."""

from __future__ import annotations

import pytest

from kzdiff.core.loading import load_file


@pytest.mark.parametrize(
    "text",
    [
        # no odd character: accents and the euro sign
        "The café sells a cake for €3, said the owner, René Dupré.\nIt opens at nine.\n",
        # one odd character inside a word ("A×B"): still Western copy, not Baltic (a
        # detector given these few bytes reads them as cp775)
        "The café sells an A×B cake for €3, said the owner, René Dupré.\nIt opens at nine.\n",
    ],
)
def test_western_copy_with_at_most_one_odd_character_reads_as_cp1252(write, text):
    loaded = load_file(write("cafe.txt", text.encode("cp1252")))
    assert (loaded.text, loaded.encoding, loaded.warnings) == (text, "cp1252", ())
