"""Bad input in the window: a refusal is a message naming the file and keeps what was
shown; an odd but readable file is shown with its warning in the message bar."""

from __future__ import annotations

import pytest

from kzdiff.core.names import display_name

from ..badinput import CASES, IDS, Case, unreadable


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_window(case: Case, window, qtbot, open_pair, sample_paths, tmp_path) -> None:
    before = open_pair(*sample_paths)
    path = tmp_path / case.name
    case.make(path)
    if case.error:
        with qtbot.waitSignal(window.errorShown, timeout=60000) as b:
            window.open_files(str(sample_paths[0]), str(path))
        assert f"{display_name(path)}: " in b.args[0] and case.error in b.args[0]
        assert "\x1b" not in window.message.label.text() + window.windowTitle()
        assert window.message.isVisible() and case.error in window.message.label.text()
        assert window.comparison is before  # nothing lost
        assert window.sources["right"].path == str(sample_paths[1])
        return
    with qtbot.waitSignal(window.comparisonShown, timeout=60000) as b:
        window.open_files(str(sample_paths[0]), str(path))
    cmp = b.args[0]
    assert case.check(cmp.right) is not False
    assert window.panes["right"].shown_text() == cmp.right.text
    if case.warning or case.note:
        assert window.message.isVisible()
        assert f"{display_name(path)}: " in window.message.label.text()
        assert (case.warning or case.note) in window.message.label.text()
    guessed = "(guessed)" in window.headers["right"].text()
    assert guessed is cmp.right.encoding_guessed, window.headers["right"].text()


def test_window_shows_a_hostile_file_name_escaped(
    window, open_pair, sample_paths, tmp_path
) -> None:
    evil = tmp_path / "story\x1b]0;HACKED\x07\u202etxt.exe\n.txt"
    evil.write_text("A storm hit the coast on Friday.", encoding="utf-8")
    open_pair(sample_paths[0], evil)
    shown = [
        window.windowTitle(),
        window.headers["right"].text(),
        window.headers["right"].toolTip(),
    ]
    for text in shown:
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        assert "\n" not in text, text
    assert "story\\x1b]0;HACKED\\x07\\u202etxt.exe\\n.txt" in window.windowTitle()


def test_window_unreadable_file(window, qtbot, open_pair, sample_paths, unprivileged) -> None:
    before = open_pair(*sample_paths)
    secret = unreadable(unprivileged.folder)
    left = unprivileged.copy(sample_paths[0])  # the checkout may be out of that user's reach
    with unprivileged(), qtbot.waitSignal(window.errorShown, timeout=30000) as b:
        window.open_files(str(left), str(secret))
    assert f"{secret}: permission denied" in b.args[0]
    assert window.comparison is before


def test_window_same_file_on_both_sides(window, open_pair, sample_paths) -> None:
    cmp = open_pair(sample_paths[0], sample_paths[0])
    assert {p.kind.value for p in cmp.pairs} - {"furniture"} == {"identical"}
    assert "is the same file as" in window.message.label.text()


@pytest.mark.parametrize("where", ["onto a folder", "read-only folder", "full disk"])
def test_window_export_failures_are_a_message_and_leave_nothing(
    where, window, qtbot, open_pair, sample_paths, unprivileged, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kzdiff.export import atomic

    open_pair(*sample_paths)
    base = unprivileged.folder / where.replace(" ", "-")
    base.mkdir()
    base.chmod(0o777)  # writable by the unprivileged user, but for the read-only case
    target = base / "report.html"
    expected = {"onto a folder": "is a folder", "read-only folder": "permission denied"}
    if where == "onto a folder":
        target.mkdir()
    elif where == "read-only folder":
        base.chmod(0o555)
    else:

        def full_disk(*a, **k):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", full_disk)
        expected[where] = "No space left on device"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    before = sorted(base.rglob("*"))
    with unprivileged(), qtbot.waitSignal(window.errorShown, timeout=10000) as b:
        window.act_export.trigger()
    assert b.args[0].startswith("Export failed: ") and expected[where] in b.args[0]
    assert str(target) in b.args[0]
    assert sorted(base.rglob("*")) == before  # no report, no temporary file
    assert window.comparison is not None
