"""Fixtures for the window tests: redirected settings, a shown main window, helpers that
wait on the window's signals (never sleep)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzdiff.ui.settings import Settings
from kzdiff.ui.window import MainWindow


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.comparer.cancel(quiet=True)
    w.comparer.wait(10000)


@pytest.fixture
def open_pair(qtbot, window):
    """Open two files (paths) in the window and wait until the comparison is shown."""

    def _open(left: Path, right: Path):
        with qtbot.waitSignal(window.comparisonShown, timeout=30000) as blocker:
            window.open_files(str(left), str(right))
        return blocker.args[0]

    return _open
