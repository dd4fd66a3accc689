"""The command line against odd streams and targets: output that cannot be written,
standard input, and --html onto something that is not a regular file (#15)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from .badinput import EVIL_NAME, readable


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "kzdiff", *args], env=env, timeout=120, **kw)


@pytest.fixture
def big(tmp_path):
    """A comparison whose JSON is larger than any pipe buffer."""
    text = "\n\n".join(f"Sentence number {i} is here." for i in range(3000))
    return readable(tmp_path, "big.txt", text), readable(tmp_path)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_one_line(big) -> None:
    with open("/dev/full", "w") as full:
        r = _run(*map(str, big), "--json", stdout=full, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 1
    assert r.stderr == "kzdiff: cannot write the output (No space left on device)\n"


def test_closed_pipe_is_silent(big) -> None:
    """The reader has gone (``| head -c 100`` that has exited): no message, exit 1."""
    r, w = os.pipe()
    os.close(r)
    try:
        p = _run(*map(str, big), "--json", stdout=w, stderr=subprocess.PIPE)
    finally:
        os.close(w)
    assert p.returncode == 1 and p.stderr == b""


def test_closed_stdout_is_one_line(big) -> None:
    r = subprocess.run(
        f'"{sys.executable}" -m kzdiff "{big[0]}" "{big[1]}" --json >&-',
        shell=True,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "standard output is closed" in r.stderr


def test_standard_input_as_one_side(tmp_path) -> None:
    other = readable(tmp_path)
    r = _run(
        "-", str(other), "--json", input=b"A storm hit the coast on Friday.", capture_output=True
    )
    assert r.returncode == 0, r.stderr
    assert b'"path": "(standard input)"' in r.stdout and b'"identical": 1' in r.stdout
    r = _run("-", "-", "--json", input=b"x", capture_output=True)
    assert r.returncode == 2 and b"only one of the two files" in r.stderr


def test_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    r = _run(str(fifo), str(readable(tmp_path)), "--json", capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr == (
        f"kzdiff: {fifo}: is a named pipe (FIFO), not a regular file "
        "(the command line reads a pipe as -)\n"
    )


def test_hostile_file_name_is_escaped_on_stderr(tmp_path) -> None:
    r = _run(str(tmp_path / EVIL_NAME), str(readable(tmp_path)), "--json", capture_output=True)
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1
    assert b"\x1b" not in r.stderr and b"\x07" not in r.stderr
    assert b"evil\\x1b]0;HACKED\\x07\\x1b[31m\\nkzdiff: all good.txt: no such file" in r.stderr


@pytest.mark.parametrize("what", ["device", "symlink", "fifo"])
def test_force_replaces_only_a_regular_file(tmp_path, what) -> None:
    other, left = readable(tmp_path), readable(tmp_path, "left.txt", "A storm hit the coast.")
    target = tmp_path / "out.html"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    if what == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(target, 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    elif what == "symlink":
        target.symlink_to(victim)
    else:
        os.mkfifo(target)
    before = os.lstat(target)
    r = _run(
        str(left), str(other), "--html", str(target), "--force", capture_output=True, text=True
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "it is not replaced" in r.stderr
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["left.txt", "other.txt", "out.html", "victim.txt"]
    )


def test_report_permissions_follow_the_umask_and_a_replaced_file_keeps_its_own(tmp_path) -> None:
    other = readable(tmp_path)
    new, private = tmp_path / "new.html", tmp_path / "private.html"
    private.write_text("secret", encoding="utf-8")
    private.chmod(0o600)
    old = os.umask(0o077)
    try:
        assert _run(str(other), str(other), "--html", str(new)).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    old = os.umask(0o022)
    try:
        assert _run(str(other), str(other), "--html", str(private), "--force").returncode == 0
        assert _run(str(other), str(other), "--html", str(tmp_path / "open.html")).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "<html" in private.read_text(encoding="utf-8")
    assert stat.S_IMODE((tmp_path / "open.html").stat().st_mode) == 0o644
