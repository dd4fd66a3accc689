"""Shared fixtures. Qt runs offscreen unless a display platform was chosen explicitly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"


@pytest.fixture
def sample_paths() -> tuple[Path, Path]:
    """The built-in sample pair as files on disk (the user's own example)."""
    case = GOLD / "kazakhstan-coup"
    return case / "left.txt", case / "right.txt"


@pytest.fixture
def write(tmp_path):
    """Write bytes or text to a file in the test's folder and return its path."""

    def _write(name: str, content: bytes | str, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return p

    return _write


@pytest.fixture
def unprivileged(tmp_path_factory):
    """Run a block as a user without privileges, so permission bits really apply.

    CI runs as root, which reads and writes anything; dropping the effective uid to
    ``nobody`` (and back) makes an unreadable file or a read-only folder behave as it does
    for a user. Yields a folder that user can reach, and the ``user`` to hand subprocesses.
    """
    import contextlib

    root = os.geteuid() == 0
    # import everything a comparison and an export use while still root: that user cannot
    # read the interpreter's own library where it lives under /root
    from kzdiff.core import compare_texts
    from kzdiff.export.html import render_html
    from kzdiff.export.json import dumps

    dumps(compare_texts("A cat sat.", "A dog sat."))
    render_html(compare_texts("A cat sat.", "A dog sat."))
    folder = tmp_path_factory.mktemp("perm")
    folder.chmod(0o777)
    base = tmp_path_factory.getbasetemp()
    for parent in (base.parent, base):  # pytest's folders are 0700: let others pass through
        parent.chmod(parent.stat().st_mode | 0o111)

    @contextlib.contextmanager
    def as_user():
        if not root:
            yield
            return
        os.seteuid(65534)
        try:
            yield
        finally:
            os.seteuid(0)

    as_user.folder = folder
    as_user.user = "nobody" if root else None
    return as_user
