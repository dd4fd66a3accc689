"""What a drop (or a file dialog) asks for, decided before anything is loaded.

One code path opens files whether they come from the menu, the command line or a drop;
this module turns dropped data into :class:`~kzdiff.ui.worker.Source` objects per side, or
a clear reason for refusing it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from .worker import Source


@dataclass(frozen=True)
class DropPlan:
    sources: dict[str, Source]  # side -> what to show there
    error: str | None = None


def plan_drop(mime: QMimeData, side: str | None, empty_sides: list[str]) -> DropPlan:
    """Decide what a drop on ``side`` (None: not on a pane) means.

    Two files anywhere: compared, first left. One file or text on a pane: that side. One
    file or text elsewhere: the empty side, if exactly one is empty. Directories, more than
    two files and remote URLs are refused.
    """
    if mime.hasUrls():
        urls = mime.urls()
        remote = [u.toString() for u in urls if not u.isLocalFile()]
        if remote:
            return DropPlan({}, f"only files on this computer can be compared, not {remote[0]}")
        paths = [os.path.normpath(u.toLocalFile()) for u in urls]
        if len(paths) > 2:
            return DropPlan({}, f"drop one or two files, not {len(paths)}")
        for p in paths:
            if os.path.isdir(p):
                return DropPlan({}, f"{os.path.basename(p) or p}: is a folder; drop text files")
        if len(paths) == 2:
            return DropPlan({"left": Source(path=paths[0]), "right": Source(path=paths[1])})
        if not paths:
            return DropPlan({}, "nothing to open in this drop")
        src = Source(path=paths[0])
    elif mime.hasText() and mime.text().strip():
        src = Source(text=mime.text())
    else:
        return DropPlan({}, "only text files or plain text can be dropped here")
    target = side or (empty_sides[0] if len(empty_sides) == 1 else None)
    if target is None:
        if len(empty_sides) == 2:
            target = "left"
        else:
            return DropPlan({}, "drop it on the left or the right pane to choose its side")
    return DropPlan({target: src})
