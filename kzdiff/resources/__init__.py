"""Files the program reads at run time, found through importlib.resources (works in wheels
and frozen bundles alike, never relative to the working directory)."""

from __future__ import annotations

from contextlib import AbstractContextManager, ExitStack
from importlib import resources
from pathlib import Path


def read_text(*parts: str) -> str:
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resources.files(__name__).joinpath(*parts).read_bytes()


#: the PNG sizes of the application icon (rendered from its SVG by scripts/make_icons.py)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def as_file(*parts: str) -> AbstractContextManager[Path]:
    return resources.as_file(resources.files(__name__).joinpath(*parts))


def sample_files(stack: ExitStack) -> tuple[Path, Path]:
    """The built-in sample pair as files on disk, valid until ``stack`` closes."""
    return (
        stack.enter_context(as_file("sample", "left.txt")),
        stack.enter_context(as_file("sample", "right.txt")),
    )


def sample_texts() -> tuple[str, str]:
    """The built-in sample pair: one AFP story as two outlets published it."""
    return read_text("sample", "left.txt"), read_text("sample", "right.txt")
