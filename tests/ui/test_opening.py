"""Opening texts: command line, dialog, drag-and-drop (real drop events), errors."""

from __future__ import annotations

from contextlib import ExitStack

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kzdiff import cli
from kzdiff.ui import app as ui_app
from kzdiff.ui import filedialogs


def drop(widget, mime: QMimeData, pos: QPoint | None = None) -> None:
    """Deliver a drag-enter then a drop, as the platform's drag manager does."""
    pos = pos or widget.rect().center()
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:  # PySide6 >= 6.12 takes a QPointF (the QPoint form is deprecated there)
        enter = QDragEnterEvent(QPointF(pos), *args)
    except TypeError:
        enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the widget must accept the drag"
    ev = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, ev)


def urls(*paths) -> QMimeData:
    m = QMimeData()
    m.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return m


def test_empty_window_invites_to_open(window) -> None:
    assert window.windowTitle() == "kzdiff"
    assert "Open or drop two text files" in window.summary_label.text()
    assert "Drop the left text here" in window.panes["left"].placeholderText()
    assert not window.act_export.isEnabled() and not window.act_next.isEnabled()


def test_command_line_arguments_open_the_files(qtbot, sample_paths, settings, monkeypatch) -> None:
    seen = {}
    monkeypatch.setattr(
        ui_app, "run", lambda files=None, demo=False: seen.update(files=files, demo=demo) or 0
    )
    assert cli.main([str(sample_paths[0]), str(sample_paths[1])]) == 0
    assert seen == {"files": [str(sample_paths[0]), str(sample_paths[1])], "demo": False}
    with ExitStack() as stack:
        w = ui_app.start(seen["files"], False, stack, settings)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.comparisonShown, timeout=30000):
            pass
        assert w.windowTitle() == "left.txt ↔ right.txt — kzdiff"
        assert w.panes["left"].shown_text() == sample_paths[0].read_text(encoding="utf-8")
        assert w.headers["right"].text().startswith("right.txt  ·  utf-8  ·  ")


def test_one_file_from_a_launcher_opens_left_and_asks_for_right(
    qtbot, sample_paths, settings, monkeypatch
) -> None:
    asked = []
    # the user cancels the dialog that asks for the right text
    monkeypatch.setattr(filedialogs, "choose_open", lambda *a, **k: asked.append(a[1]) or [])
    with ExitStack() as stack:
        window = ui_app.start([str(sample_paths[0])], False, stack, settings)
        qtbot.addWidget(window)
        qtbot.waitSignal(window.documentsShown, timeout=30000).wait()
    assert window.sources["left"].path == str(sample_paths[0]) and window.sources["right"] is None
    assert "Now open or drop the right text" in window.summary_label.text()
    assert asked == ["Open the right text"]


def test_three_files_from_a_launcher_are_a_message(qtbot, sample_paths, settings) -> None:
    with ExitStack() as stack:
        window = ui_app.start(
            [str(sample_paths[0]), str(sample_paths[1]), "x.txt"], False, stack, settings
        )
        qtbot.addWidget(window)
    assert window.message.isVisible()
    assert "compares two texts; 3 files were given" in window.message.label.text()
    assert window.sources == {"left": None, "right": None}


def test_window_has_the_application_icon(qtbot) -> None:
    app = ui_app.make_app()
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_demo_opens_the_sample(qtbot, settings) -> None:
    with ExitStack() as stack:
        w = ui_app.start(None, True, stack, settings)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.comparisonShown, timeout=30000) as b:
            pass
        assert b.args[0].summary()["conflict"] == 1


def test_open_dialog_both_files(window, qtbot, sample_paths, monkeypatch) -> None:
    monkeypatch.setattr(filedialogs, "choose_open", lambda *a, **k: [str(p) for p in sample_paths])
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.act_open.trigger()
    assert window.sources["left"].path == str(sample_paths[0])
    assert window.settings.recent[0] == (str(sample_paths[0]), str(sample_paths[1]))


def test_open_dialog_one_side(window, qtbot, sample_paths, write, monkeypatch) -> None:
    other = write("other.txt", "A quite different article. It has two sentences.")
    monkeypatch.setattr(filedialogs, "choose_open", lambda *a, **k: [str(other)])
    with qtbot.waitSignal(window.documentsShown, timeout=30000):
        window.act_open_right.trigger()
    assert window.comparison is None
    assert window.panes["right"].shown_text().startswith("A quite different")
    assert "Now open or drop the left text" in window.summary_label.text()
    monkeypatch.setattr(filedialogs, "choose_open", lambda *a, **k: [str(sample_paths[0])])
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.act_open_left.trigger()
    assert window.windowTitle() == "left.txt ↔ other.txt — kzdiff"


def test_drop_two_files_anywhere(window, qtbot, sample_paths) -> None:
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        drop(window, urls(*sample_paths))
    assert window.sources["left"].path.endswith("left.txt")
    assert window.sources["right"].path.endswith("right.txt")


def test_drop_one_file_on_a_pane_goes_to_that_side(
    window, qtbot, sample_paths, open_pair, write
) -> None:
    open_pair(*sample_paths)
    new = write("rewrite.txt", "Kazakhstan has thwarted a coup attempt, officials said.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        drop(window.panes["right"].viewport(), urls(new))
    assert window.sources["right"].path == str(new)
    assert window.sources["left"].path == str(sample_paths[0])


def test_dropped_plain_text_becomes_that_side(window, qtbot, sample_paths, open_pair) -> None:
    open_pair(*sample_paths)
    m = QMimeData()
    m.setText("Kazakhstan has thwarted a coup attempt. <b>Not bold</b> & fine.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        drop(window.panes["left"].viewport(), m)
    assert window.sources["left"].text.startswith("Kazakhstan")
    assert window.panes["left"].shown_text() == m.text()  # markup shown as text
    assert window.headers["left"].text().startswith("(dropped text)")


@pytest.mark.parametrize("kind", ["folder", "three", "remote"])
def test_bad_drops_are_refused_with_a_message(window, qtbot, sample_paths, tmp_path, kind) -> None:
    if kind == "folder":
        mime, expected = urls(tmp_path), "is a folder"
    elif kind == "three":
        mime, expected = urls(*sample_paths, sample_paths[0]), "one or two files, not 3"
    else:
        mime = QMimeData()
        mime.setUrls([QUrl("https://example.com/a.txt")])
        expected = "only files on this computer"
    with qtbot.waitSignal(window.errorShown, timeout=5000) as b:
        drop(window.panes["left"].viewport(), mime)
    assert expected in b.args[0]
    assert window.message.isVisible() and expected in window.message.label.text()
    assert window.sources == {"left": None, "right": None}


def test_binary_file_error_names_it_and_loses_nothing(
    window, qtbot, sample_paths, open_pair, write
) -> None:
    cmp = open_pair(*sample_paths)
    png = write("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with qtbot.waitSignal(window.errorShown, timeout=30000) as b:
        drop(window.panes["right"].viewport(), urls(png))
    assert "photo.png" in b.args[0] and "right" in b.args[0]
    assert window.comparison is cmp  # what was shown stays
    assert window.sources["right"].path == str(sample_paths[1])
    assert window.panes["right"].shown_text() == sample_paths[1].read_text(encoding="utf-8")


def test_vanished_file_on_reload(window, qtbot, write) -> None:
    a = write("a.txt", "One sentence here. Another one there.")
    b = write("b.txt", "One sentence here. A different one there.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.open_files(str(a), str(b))
    b.unlink()
    with qtbot.waitSignal(window.errorShown, timeout=30000) as blocker:
        window.act_reload.trigger()
    assert "b.txt" in blocker.args[0] and "no such file" in blocker.args[0]
    assert window.comparison is not None


def test_changed_file_offers_reload(window, qtbot, write) -> None:
    a = write("a.txt", "One sentence here. Another one there.")
    b = write("b.txt", "One sentence here. A different one there.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.open_files(str(a), str(b))
    b.write_text("One sentence here. A changed one there. And a new one.", encoding="utf-8")
    qtbot.waitUntil(lambda: window.message.isVisible(), timeout=10000)
    assert "b.txt changed on disk" in window.message.label.text()
    assert window.message.button.text() == "Reload"
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.message.button.click()
    assert "And a new one." in window.panes["right"].shown_text()


def test_swap_sides(window, qtbot, sample_paths, open_pair) -> None:
    open_pair(*sample_paths)
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.act_swap.trigger()
    assert window.windowTitle() == "right.txt ↔ left.txt — kzdiff"
    assert window.comparison.left.path.endswith("right.txt")
