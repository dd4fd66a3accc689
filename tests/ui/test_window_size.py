"""A first window fits its screen: on a small screen a 1300 x 850 window hid its own
right pane, detail panel and status bar."""

from __future__ import annotations

from kzdiff.ui.window import MainWindow


def test_a_first_window_fits_the_screen(qtbot, settings) -> None:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    room = w.screen().availableGeometry().size()
    assert w.width() <= room.width() - 16 and w.height() <= room.height() - 48
    # as large as the screen allows, up to 1300 x 850
    assert (w.width(), w.height()) == (
        min(1300, room.width() - 16),
        min(850, room.height() - 48),
    )
    w.show()
    qtbot.waitExposed(w)
    assert w.frameGeometry().width() <= room.width()
