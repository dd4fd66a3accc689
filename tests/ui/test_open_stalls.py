"""What keeps a long comparison from stalling the window as it is shown (see
``bench/bench.py load`` for the stalls themselves, which depend on the machine): the
work that can be done off the GUI thread is done in the worker and used as it is."""

from __future__ import annotations

import random
import sys

import pytest

from kzdiff.ui import offsets as offsets_module
from kzdiff.ui.offsets import _ASTRAL, _UNBROKEN, BREAK_EVERY, OffsetMap, _scan
from kzdiff.ui.worker import SWITCH_INTERVAL

from .longpair import long_pair


@pytest.fixture
def long_paths(write):
    left, right = long_pair()
    return write("left-long.txt", left), write("right-long.txt", right)


def test_scanning_in_pieces_finds_what_one_scan_finds() -> None:
    """Runs without a space and astral characters across the ends of pieces: the scan
    a piece at a time (which lets the worker hand over Python's lock between pieces)
    finds exactly the matches of one scan of the whole text."""
    rng = random.Random(7)
    pieces = ["a", " ", "\n", "😀", "é", "x" * 50, "y" * (BREAK_EVERY + 37), "\t"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for piece in (1, 7, 64, 1000):
            for pattern in (_UNBROKEN, _ASTRAL):
                got = [m.span() for m in _scan(pattern, text, piece)]
                assert got == [m.span() for m in pattern.finditer(text)], (piece, text)


def test_the_worker_makes_the_maps_facts_and_counts_the_window_uses(
    window, qtbot, long_paths, open_pair, monkeypatch
) -> None:
    results = []
    window.comparer.finished.connect(results.append)
    made_here = []
    real = offsets_module.OffsetMap.__init__

    def spy(self, text):
        import threading

        made_here.append(threading.current_thread() is threading.main_thread())
        real(self, text)

    monkeypatch.setattr(offsets_module.OffsetMap, "__init__", spy)
    cmp = open_pair(*long_paths)
    (result,) = results
    assert made_here == [False, False]  # both maps made in the worker, none here
    for side in ("left", "right"):
        assert window.panes[side].offsets is result.offsets[side]
        assert isinstance(result.offsets[side], OffsetMap)
    assert result.fact_rows is not None
    assert window.facts.facts_model.rows is result.fact_rows
    assert "_summary" in cmp.__dict__  # counted in the worker (a cached property)
    assert sys.getswitchinterval() <= SWITCH_INTERVAL


def test_a_long_texts_overview_keeps_its_marks_through_relayout(
    window, qtbot, long_paths, open_pair, monkeypatch
) -> None:
    """Marks placed by character offsets do not change when lines do: the background
    layout, a resize, a zoom must not recompute them (25 ms a side on 20k sentences, on
    every slice of layout)."""
    from kzdiff.ui import overview

    monkeypatch.setattr(overview, "EXACT_UP_TO", 0)  # as if the text were long
    open_pair(*long_paths)
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    ov = window.overviews["left"]
    ov.marks()
    generation = ov._generation
    window.zoom(2)
    window.resize(window.width() - 80, window.height())
    qtbot.waitUntil(lambda: window.layout_complete, timeout=20000)
    ov.grab()
    assert ov._generation == generation
    window.legend.set_hidden({"paraphrase"})  # a filter does change them
    ov.grab()
    ov.marks()
    assert ov._generation > generation
    assert not [m for m in ov.marks() if m[2].value == "paraphrase"]
