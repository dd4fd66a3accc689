"""Regenerate docs/screenshot.png: the window on the built-in sample, under a real X server.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshot.py

It selects the sample's conflict, as a user would after pressing F8, and grabs the screen.
"""

from __future__ import annotations

import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QTimer

from kzdiff.ui.app import make_app, open_demo
from kzdiff.ui.settings import Settings
from kzdiff.ui.window import MainWindow

OUT = Path(__file__).with_name("screenshot.png")


def main() -> int:
    app = make_app()
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(Settings.at(Path(tmp) / "s.ini"))
        w.setGeometry(0, 0, 1600, 1000)
        w.show()

        def shoot() -> None:
            w.act_next_conflict.trigger()
            app.processEvents()
            QTimer.singleShot(500, grab)

        def grab() -> None:
            screen = app.primaryScreen()
            screen.grabWindow(0).save(str(OUT))
            print(f"wrote {OUT}")
            app.quit()

        w.comparisonShown.connect(lambda _c: QTimer.singleShot(300, shoot))
        open_demo(w, stack)
        return app.exec()


if __name__ == "__main__":
    sys.exit(main())
