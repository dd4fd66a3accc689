"""The JSON export: orjson's encoding holds exactly what ``Comparison.to_dict`` holds, and a
name orjson cannot encode (not valid UTF-8) is still written, losing nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kzdiff.core.compare import compare_files, compare_texts
from kzdiff.export.json import dumps


def test_json_holds_exactly_the_result_model() -> None:
    cmp = compare_texts(
        "Police said 12 people died on Monday. The mayor, Ana Ruiz, spoke. “Quiet,” she said.",
        "Police said 14 people died on Monday. The mayor spoke. An inquiry opens in May.",
    )
    text = dumps(cmp)
    assert json.loads(text) == json.loads(json.dumps(cmp.to_dict(), ensure_ascii=False))
    assert "“Quiet,”" in text  # non-ASCII written as itself, not escaped
    assert text.startswith('{\n  "schema": "kzdiff/1"')  # indented by two spaces
    assert "\n" not in dumps(cmp, indent=False)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_name_that_is_not_utf8_is_written_and_reads_back(tmp_path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes: a surrogate escape in Python
    left = tmp_path / name
    left.write_text("A cat sat on the mat.\n", encoding="utf-8")
    right = tmp_path / "b.txt"
    right.write_text("A dog sat on the mat.\n", encoding="utf-8")
    data = json.loads(dumps(compare_files(left, right)))
    assert data["left"]["path"] == str(left)
    with open(data["left"]["path"], encoding="utf-8") as f:  # the very file
        assert f.read().startswith("A cat")

    p = subprocess.run(
        [sys.executable, "-m", "kzdiff", os.fsencode(left), os.fsencode(right), "--json"],
        capture_output=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["left"]["path"] == str(left)
    assert p.stdout.isascii()  # the fallback escapes every non-ASCII character
