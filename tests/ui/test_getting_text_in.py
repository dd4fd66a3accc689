"""Paste, one bad file among two, the open dialog's formats and folder, drops as copies."""

from __future__ import annotations

import os
from contextlib import ExitStack

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from kzdiff.ui import app as ui_app
from kzdiff.ui import filedialogs

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_ctrl_v_in_a_pane_pastes_its_text(window, qtbot) -> None:
    assert "Ctrl+V" in window.panes["left"].placeholderText()
    assert "paste" in window.summary_label.text()
    QGuiApplication.clipboard().setText("Copied from a browser. It has two sentences.")
    pane = window.panes["left"]
    pane.setFocus()
    with qtbot.waitSignal(window.documentsShown, timeout=30000):
        qtbot.keyClick(pane, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pane.shown_text().startswith("Copied from a browser.")
    assert window.sources["left"].text is not None


def test_edit_menu_pastes_as_left_and_right(window, qtbot) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Edit" in titles
    QGuiApplication.clipboard().setText("The left article says 12 people came.")
    with qtbot.waitSignal(window.documentsShown, timeout=30000):
        window.act_paste_left.trigger()
    QGuiApplication.clipboard().setText("The right article says 15 people came.")
    with qtbot.waitSignal(window.comparisonShown, timeout=30000) as b:
        window.act_paste_right.trigger()
    assert b.args[0].summary()["conflict"] == 1


def test_pasting_nothing_says_so(window, qtbot) -> None:
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.errorShown, timeout=5000) as b:
        window.act_paste_right.trigger()
    assert "clipboard holds no text" in b.args[0]


def test_one_bad_file_keeps_the_good_one(window, qtbot, sample_paths, write) -> None:
    photo = write("photo.png", PNG)
    with qtbot.waitSignal(window.documentsShown, timeout=30000):
        window.open_files(str(sample_paths[0]), str(photo))
    assert window.panes["left"].shown_text() == sample_paths[0].read_text(encoding="utf-8")
    assert window.sources["right"] is None
    assert window.message.isVisible()
    text = window.message.label.text()
    assert "right" in text and "photo.png" in text
    # the good file stays; opening a good right text compares
    with qtbot.waitSignal(window.comparisonShown, timeout=30000):
        window.open_files(None, str(sample_paths[1]))


def test_one_file_on_the_command_line_asks_for_the_other(
    qtbot, sample_paths, settings, monkeypatch
) -> None:
    asked = []

    def choose(parent, title, folder, many):
        asked.append(title)
        return [str(sample_paths[1])]

    monkeypatch.setattr(filedialogs, "choose_open", choose)
    with ExitStack() as stack:
        w = ui_app.start([str(sample_paths[0])], False, stack, settings)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.comparisonShown, timeout=30000):
            pass
        assert asked == ["Open the right text"]
        assert w.sources["left"].path == str(sample_paths[0])
        w.comparer.cancel(quiet=True)
        w.comparer.wait(10000)


def test_open_dialog_lists_every_format_and_starts_in_a_real_folder(tmp_path) -> None:
    f = filedialogs.open_filters()
    for suffix in ("txt", "md", "html", "htm", "docx", "odt", "pdf"):
        assert f"*.{suffix}" in f.split(";;")[0]
    assert filedialogs.start_folder(str(tmp_path)) == str(tmp_path)
    assert filedialogs.start_folder(str(tmp_path / "gone")) == os.getcwd()
    assert filedialogs.start_folder("") == os.getcwd()


def test_open_dialog_shows_dates_whole(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView

    (tmp_path / "article.txt").write_text("Some text.", encoding="utf-8")
    seen = {}

    def fake_exec(dialog):
        views = dialog.findChildren(QTreeView)
        header = views[0].header()
        seen["modes"] = [header.sectionResizeMode(i) for i in range(1, header.count())]
        seen["filters"] = dialog.nameFilters()
        seen["dir"] = dialog.directory().absolutePath()
        return 0

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert filedialogs.choose_open(None, "Open", str(tmp_path), many=False) == []
    assert all(m == QHeaderView.ResizeMode.ResizeToContents for m in seen["modes"])
    assert seen["dir"] == str(tmp_path)
    assert any("*.html" in x for x in seen["filters"])


def _drag(widget, mime, cls=QDragEnterEvent):
    args = (
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:  # the QPointF form is newer; QDragEnterEvent takes a QPoint before PySide6 6.12
        ev = cls(QPointF(widget.rect().center()), *args)
    except TypeError:
        ev = cls(widget.rect().center(), *args)
    QApplication.sendEvent(widget, ev)
    return ev


def test_drops_are_copies_and_the_pane_shows_it_is_a_target(window, qtbot, sample_paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_paths[0]))])
    vp = window.panes["left"].viewport()
    enter = _drag(vp, mime)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    assert window.panes["left"].drop_target
    img = vp.grab().toImage()
    hl = window.panes["left"].palette().color(window.panes["left"].palette().ColorRole.Highlight)
    assert any(pixel_name(img.pixel(x, 3)) == hl.name() for x in range(img.width()))
    QApplication.sendEvent(vp, QDragLeaveEvent())
    assert not window.panes["left"].drop_target
    _drag(vp, mime)
    with qtbot.waitSignal(window.documentsShown, timeout=30000):
        ev = _drag(vp, mime, QDropEvent)
    assert ev.dropAction() == Qt.DropAction.CopyAction
    assert not window.panes["left"].drop_target
    assert sample_paths[0].exists()  # a copy: the file is where it was


def pixel_name(pixel: int) -> str:
    from PySide6.QtGui import QColor

    return QColor(pixel).name()
