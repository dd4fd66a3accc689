"""File names are data: shown escaped wherever kzdiff shows them."""

from __future__ import annotations

import os

import pytest

from kzdiff.core import LoadError, compare_texts
from kzdiff.core.loading import load_file
from kzdiff.core.names import display_name


@pytest.mark.parametrize(
    "raw,shown",
    [
        ("report.txt", "report.txt"),
        ("Zürich – Ещё 東京.txt", "Zürich – Ещё 東京.txt"),
        (r"C:\Users\a.txt", r"C:\Users\a.txt"),
        ("x\nkzdiff: all good", "x\\nkzdiff: all good"),
        ("t\x1b]0;HACKED\x07.txt", "t\\x1b]0;HACKED\\x07.txt"),
        ("exe\u202etxt.exe", "exe\\u202etxt.exe"),
        ("a\\b\tc", "a\\\\b\\tc"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
    ],
)
def test_display_name_escapes_only_what_is_unsafe(raw, shown) -> None:
    assert display_name(raw) == shown
    assert display_name(raw).isprintable()


def test_load_error_names_the_file_escaped(tmp_path) -> None:
    evil = tmp_path / "a\x1b[2J\nkzdiff: fine.txt"
    with pytest.raises(LoadError) as e:
        load_file(evil)
    assert str(e.value) == f"{display_name(evil)}: no such file"
    assert "\n" not in str(e.value) and "\x1b" not in str(e.value)


def test_document_name_is_escaped() -> None:
    from dataclasses import replace

    cmp = compare_texts("One.", "Two.")
    doc = replace(cmp.left, path="/tmp/x\x1b[31m\n.txt")
    assert doc.name == "x\\x1b[31m\\n.txt"
