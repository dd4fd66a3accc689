"""Settings survive a restart; File > Export HTML writes the report."""

from __future__ import annotations

import os

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from kzdiff.ui.window import MainWindow


def test_settings_persist_across_windows(qtbot, settings, sample_paths) -> None:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(711, 533)  # inside the offscreen screen, which clamps geometry
    w.show()
    with qtbot.waitSignal(w.comparisonShown, timeout=30000):
        w.open_files(*map(str, sample_paths))
    w.splitter.setSizes([300, 60, 300])
    w.act_zoom_in.trigger()
    w.act_hide_identical.trigger()
    w.act_sync.setChecked(False)
    sizes = w.splitter.sizes()
    w.close()

    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 711 and again.size().height() == 533
    assert again.splitter.sizes() == sizes
    assert again.panes["left"].zoom == 1
    assert again.legend.hidden() == {"identical"}
    assert again.act_hide_identical.isChecked()
    assert not again.act_sync.isChecked()
    assert settings.recent[0] == tuple(map(str, sample_paths))
    again._fill_recent()
    texts = [a.text() for a in again.recent_menu.actions()]
    assert "left.txt ↔ right.txt" in texts
    recent = next(a for a in again.recent_menu.actions() if a.text() == "left.txt ↔ right.txt")
    with qtbot.waitSignal(again.comparisonShown, timeout=30000):
        recent.trigger()


def test_export_html_from_the_menu(
    window, qtbot, sample_paths, open_pair, tmp_path, monkeypatch
) -> None:
    open_pair(*sample_paths)
    target = tmp_path / "report"
    asked = {}

    def fake_save(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    assert window.act_export.shortcut().toString() == "Ctrl+E"
    window.act_export.trigger()
    out = tmp_path / "report.html"
    assert out.exists() and "sawn-off" in out.read_text(encoding="utf-8")
    assert asked["suggested"].endswith("left-vs-right.html")
    # done: it says where, and offers to open the report (in the system's browser)
    assert window.message.isVisible() and "Exported to" in window.message.label.text()
    assert window.message.button.text() == "Open Report"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.message.button.click()
    assert [u.toLocalFile() for u in opened] == [str(out)]
    # the next export starts in the folder this one went to
    assert window.settings.export_folder == str(tmp_path)
    window.act_export.trigger()
    assert os.path.dirname(asked["suggested"]) == str(tmp_path)


def test_export_failure_is_a_message(
    window, qtbot, sample_paths, open_pair, tmp_path, monkeypatch
) -> None:
    open_pair(*sample_paths)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "missing" / "r.html"), "")
    )
    with qtbot.waitSignal(window.errorShown) as b:
        window.act_export.trigger()
    assert "Export failed" in b.args[0] and "does not exist" in b.args[0]
    assert not (tmp_path / "missing").exists()
