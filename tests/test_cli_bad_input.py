"""Bad input through the command line: exit 2 and one line on stderr naming the file for
a refusal, exit 0 with the JSON and a warning on stderr for an odd but readable file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kzdiff import cli
from kzdiff.core.names import display_name

from .badinput import CASES, IDS, Case, readable, unreadable


@pytest.fixture
def other(tmp_path):
    return readable(tmp_path)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "kzdiff", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_cli(case: Case, tmp_path, other) -> None:
    path = tmp_path / case.name
    case.make(path)
    r = _cli(str(other), str(path), "--json")
    assert "Traceback" not in r.stderr
    if case.error:
        assert r.returncode == 2 and r.stdout == ""
        assert r.stderr.startswith(f"kzdiff: {display_name(path)}: ")
        assert case.error in r.stderr and r.stderr.count("\n") == 1 and "\x1b" not in r.stderr
    else:
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["schema"] == "kzdiff/1"
        if case.warning:
            assert f"{display_name(path)}: " in r.stderr and case.warning in r.stderr


def _cli_as(unprivileged, capsys, *args: str) -> tuple[int, str]:
    """The command's main() under the unprivileged user (a subprocess could not even start
    the interpreter as that user); returns the exit status and what went to stderr."""
    with unprivileged():
        status = cli.main(list(args))
    return status, capsys.readouterr().err


def test_cli_unreadable_file(unprivileged, capsys) -> None:
    secret, other = unreadable(unprivileged.folder), readable(unprivileged.folder)
    status, err = _cli_as(unprivileged, capsys, str(other), str(secret), "--json")
    assert status == 2 and err == f"kzdiff: {secret}: permission denied\n"


def test_cli_same_file_on_both_sides(other) -> None:
    r = _cli(str(other), str(other), "--json")
    assert r.returncode == 0 and "is the same file as" in r.stderr


@pytest.mark.parametrize("where", ["folder", "read-only folder", "missing folder", "existing file"])
def test_cli_export_failures_leave_nothing(where, unprivileged, capsys) -> None:
    other = readable(unprivileged.folder)
    base = unprivileged.folder / where.replace(" ", "-")
    base.mkdir()
    target = {
        "folder": base,
        "read-only folder": base / "r.html",
        "missing folder": base / "no" / "r.html",
        "existing file": base / "r.html",
    }[where]
    if where == "existing file":
        target.write_text("precious", encoding="utf-8")
    if where == "read-only folder":
        base.chmod(0o555)
    before = sorted(base.rglob("*"))
    status, err = _cli_as(unprivileged, capsys, str(other), str(other), "--html", str(target))
    assert status == 2 and "Traceback" not in err
    assert err.startswith(f"kzdiff: {target}: ") and err.count("\n") == 1, err
    assert sorted(base.rglob("*")) == before
    if where == "existing file":
        assert target.read_text(encoding="utf-8") == "precious"
