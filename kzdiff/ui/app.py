"""Start the window: the QApplication, the main window, and what it opens first."""

from __future__ import annotations

import sys
from contextlib import ExitStack

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
    return app  # type: ignore[return-value]


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
    elif files:
        window.open_files(files[0], files[1])
    return window


def run(files: list[str] | None = None, demo: bool = False) -> int:
    app = make_app()
    with ExitStack() as stack:
        window = start(files, demo, stack)  # noqa: F841 (kept alive until exec returns)
        return app.exec()
