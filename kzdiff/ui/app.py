"""Start the window: the QApplication, the main window, and what it opens first."""

from __future__ import annotations

import sys
from contextlib import ExitStack

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from .. import __version__
from .settings import Settings
from .window import MainWindow
from .worker import Source


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("kzdiff")
    app.setOrganizationName("kzdiff")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.kzdiff.kzdiff")
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    """The application icon in every shipped size (read from the package, so it works
    from a wheel or a frozen bundle alike)."""
    from ..resources import ICON_SIZES, read_bytes

    icon = QIcon()
    for size in ICON_SIZES:
        pm = QPixmap()
        if pm.loadFromData(read_bytes("icons", f"{size}.png"), "PNG"):
            icon.addPixmap(pm)
    return icon


def open_demo(window: MainWindow, stack: ExitStack) -> None:
    from ..resources import sample_files

    left, right = sample_files(stack)
    window.open_sources(Source(path=str(left)), Source(path=str(right)))


def start(
    files: list[str] | None, demo: bool, stack: ExitStack, settings: Settings | None = None
) -> MainWindow:
    """Show the window and start opening what the command line asked for."""
    window = MainWindow(settings)
    window.show()
    if demo:
        open_demo(window, stack)
    elif files and len(files) > 2:
        # from a file manager's "Open with" on several files: say so in the window
        window.show_error(
            f"kzdiff compares two texts; {len(files)} files were given. "
            "Open two with File ▸ Open or drop them here."
        )
    elif files and len(files) == 2:
        window.open_files(files[0], files[1])
    elif files:
        # one file: it is the left text, and the open dialog asks for the other
        window.open_files(files[0], None)
        QTimer.singleShot(0, window, lambda: window.open_dialog("right"))
    return window


def run(files: list[str] | None = None, demo: bool = False, quit_after_shown: bool = False) -> int:
    app = make_app()
    with ExitStack() as stack:
        window = start(files, demo, stack)
        if quit_after_shown:  # smoke tests of an installed or frozen build
            status = {"code": 1}

            def shown(cmp) -> None:
                print(f"kzdiff: window shown: {cmp.summary_text()}", flush=True)
                status["code"] = 0
                window.close()

            def failed(message: str) -> None:
                print(f"kzdiff: {message}", file=sys.stderr, flush=True)
                window.close()

            window.comparisonShown.connect(shown)
            window.errorShown.connect(failed)
            app.exec()
            return status["code"]
        return app.exec()
