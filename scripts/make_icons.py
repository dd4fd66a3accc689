"""Render the application icon's PNG sizes from its SVG (run after editing the SVG).

    .venv/bin/python scripts/make_icons.py

Writes kzdiff/resources/icons/<size>.png for the sizes desktops and the PyInstaller
bundle ask for; the SVG stays the source of truth.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "kzdiff" / "resources" / "icons"
SVG = ICONS / "io.github.kzdiff.kzdiff.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: {SVG}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        out = ICONS / f"{size}.png"
        img.save(str(out))
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
