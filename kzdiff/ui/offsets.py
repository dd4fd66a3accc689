"""Positions in a pane: the model counts Python characters (code points), Qt counts
UTF-16 units, and the pane shows break opportunities the text does not hold.

Pure Python (no Qt), so the worker thread builds a long text's map before the result
reaches the window: the scans cost tens of milliseconds on a few megabytes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

#: Characters scanned per regex call. Python's re holds the GIL for a whole call, so a
#: scan of a long text in the worker would stall the GUI thread as long; between pieces
#: the interpreter can hand the GIL over (a piece of 128K characters: a few ms).
PIECE = 1 << 17
_SPACE = re.compile(r"\s")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Qt lays out a run of text without a break opportunity in time quadratic in its length
#: (1 MB of digits: minutes, the window frozen); the pane shows a zero-width space after
#: every BREAK_EVERY characters of such a run, which the text itself does not hold.
BREAK_EVERY = 200
#: ... and so is a run of spaces in one line (spaces hang at the end of a line, so Qt finds
#: no place to wrap in them either): a line of a million spaces froze the window too
_UNBROKEN = re.compile(rf"\S{{{BREAK_EVERY + 1},}}|[^\S\n\r\u2028\u2029]{{{BREAK_EVERY + 1},}}")
ZWSP = "\u200b"


class OffsetMap:
    """Code-point offsets of a text <-> UTF-16 offsets of what the pane shows of it."""

    def __init__(self, text: str):
        #: the text this map is for (the same object: a pane checks it was made for its text)
        self.text = text
        # regex scans, a piece at a time (see _scan): a Python loop over a long text would
        # stall the window, and so would one scan of it (a regex holds the GIL throughout:
        # 60-80 ms on 2.8 MB, in whichever thread)
        self.astral = [m.start() for m in _scan(_ASTRAL, text)] if not text.isascii() else []
        #: text positions before which the pane shows a zero-width space (see BREAK_EVERY)
        self.breaks = [
            p
            for m in _scan(_UNBROKEN, text)
            for p in range(m.start() + BREAK_EVERY, m.end(), BREAK_EVERY)
        ]

    def shown(self, text: str) -> str:
        """The text as the pane shows it: with the break opportunities inserted."""
        if not self.breaks:
            return text
        cuts = [0, *self.breaks, len(text)]
        return ZWSP.join(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False))

    def unshown(self, shown: str) -> str:
        """The text back from what the pane shows (the inserted spaces removed)."""
        if not self.breaks:
            return shown
        at = [p + k for k, p in enumerate(self.breaks)]  # where each inserted space sits
        cuts = [-1, *at, len(shown)]
        return "".join(shown[a + 1 : b] for a, b in zip(cuts, cuts[1:], strict=False))

    def to_qt(self, pos: int) -> int:
        q = pos + bisect.bisect_left(self.astral, pos) if self.astral else pos
        return q + bisect.bisect_right(self.breaks, pos) if self.breaks else q

    def from_qt(self, qpos: int) -> int:
        if not self.astral and not self.breaks:
            return qpos
        # each astral character before pos adds one unit
        lo, hi = 0, qpos
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_qt(mid) < qpos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _scan(pattern: re.Pattern[str], text: str, piece: int = PIECE) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` a piece at a time; each piece ends at white space (or the
    text's end), so no match of a run without spaces is cut between two pieces (a run of
    spaces may be: each part longer than ``BREAK_EVERY`` still gets its breaks, and a
    part shorter than that is short enough to lay out)."""
    pos, n = 0, len(text)
    while pos < n:
        end = min(n, pos + piece)
        if end < n:
            space = _SPACE.search(text, end)
            end = space.start() if space else n
        yield from pattern.finditer(text, pos, end)
        pos = end
