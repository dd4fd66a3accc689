"""What ships: the wheel carries the runtime files, desktop integration files are valid."""

from __future__ import annotations

import configparser
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"


def test_desktop_file_launches_the_gui_entry_point() -> None:
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(PKG / "io.github.kzdiff.kzdiff.desktop", encoding="utf-8")
    entry = cp["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "kzdiff-gui"
    assert entry["Icon"] == "io.github.kzdiff.kzdiff"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["kzdiff-gui"] == "kzdiff.cli:gui_main"
    assert project["scripts"]["kzdiff"] == "kzdiff.cli:main"


def test_metainfo_and_icon_are_well_formed() -> None:
    meta = ET.parse(PKG / "io.github.kzdiff.kzdiff.metainfo.xml").getroot()
    assert meta.findtext("id") == "io.github.kzdiff.kzdiff"
    assert meta.find("launchable").text == "io.github.kzdiff.kzdiff.desktop"
    assert meta.find("screenshots/screenshot/image").text.endswith("docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").exists()
    svg = ET.parse(ROOT / "resources" / "io.github.kzdiff.kzdiff.svg").getroot()
    assert svg.tag.endswith("svg")


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
        "kzdiff/ui/window.py",
        "kzdiff/core/segment.py",
    ):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)
