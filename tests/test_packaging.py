"""What ships: the wheel carries the runtime files, desktop integration files are valid."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import tomllib

from kzdiff.resources import ICON_SIZES

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"


def test_desktop_file_launches_the_gui_entry_point() -> None:
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(PKG / "io.github.kzdiff.kzdiff.desktop", encoding="utf-8")
    entry = cp["Desktop Entry"]
    assert entry["Type"] == "Application"
    # %F: "Open with kzdiff" on two selected files compares them
    assert entry["Exec"] == "kzdiff %F"
    assert entry["Icon"] == "io.github.kzdiff.kzdiff"
    assert set(entry["MimeType"].strip(";").split(";")) == {
        "text/plain",
        "text/markdown",
        "text/html",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["kzdiff-gui"] == "kzdiff.cli:gui_main"
    assert project["scripts"]["kzdiff"] == "kzdiff.cli:command"


def test_metainfo_and_icon_are_well_formed() -> None:
    meta = ET.parse(PKG / "io.github.kzdiff.kzdiff.metainfo.xml").getroot()
    assert meta.findtext("id") == "io.github.kzdiff.kzdiff"
    assert meta.find("launchable").text == "io.github.kzdiff.kzdiff.desktop"
    assert meta.find("screenshots/screenshot/image").text.endswith("docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").exists()
    icons = ROOT / "kzdiff" / "resources" / "icons"
    svg = ET.parse(icons / "io.github.kzdiff.kzdiff.svg").getroot()
    assert svg.tag.endswith("svg")
    for size in ICON_SIZES:  # PNG: the signature, then the IHDR width and height
        head = (icons / f"{size}.png").read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == int.from_bytes(head[20:24], "big") == size


@pytest.mark.parametrize(
    "tool, args, name",
    [
        ("desktop-file-validate", [], "io.github.kzdiff.kzdiff.desktop"),
        ("appstreamcli", ["validate", "--no-net"], "io.github.kzdiff.kzdiff.metainfo.xml"),
    ],
)
def test_desktop_files_pass_the_freedesktop_validators(tool, args, name) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing: scripts/install.sh --test installs it")
        pytest.skip(f"{tool} is not installed (scripts/install.sh --test installs it)")
    r = subprocess.run([tool, *args, str(PKG / name)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    if tool == "desktop-file-validate":
        assert r.stdout == "", r.stdout  # not even a hint


def test_bundle_build_and_smoke_scripts_are_wired() -> None:
    """The PyInstaller build itself runs in CI (.ci/run), with packaging/smoke.sh."""
    spec = (PKG / "kzdiff.spec").read_text(encoding="utf-8")
    assert '["entry.py"]' in spec and (PKG / "entry.py").exists()
    assert "from kzdiff.cli import command" in (PKG / "entry.py").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "packaging/build.sh" in ci and "packaging/smoke.sh" in ci


@pytest.mark.slow
def test_wheel_contains_what_the_program_reads(tmp_path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("kzdiff-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "kzdiff/resources/sample/left.txt",
        "kzdiff/resources/sample/right.txt",
        "kzdiff/export/templates/report.html.j2",
        "kzdiff/export/templates/report.css.j2",
        "kzdiff/resources/palette.json",
        "kzdiff/resources/icons/io.github.kzdiff.kzdiff.svg",
        "kzdiff/resources/icons/256.png",
        "kzdiff/ui/window.py",
        "kzdiff/core/segment.py",
    ):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)
