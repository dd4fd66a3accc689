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
