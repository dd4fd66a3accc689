"""Bad input in the window: a refusal is a message naming the file and keeps what was
shown; an odd but readable file is shown with its warning in the message bar."""

from __future__ import annotations

import pytest

from ..badinput import CASES, IDS, Case, unreadable


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_window(case: Case, window, qtbot, open_pair, sample_paths, tmp_path) -> None:
    before = open_pair(*sample_paths)
    path = tmp_path / case.name
    case.make(path)
    if case.error:
        with qtbot.waitSignal(window.errorShown, timeout=60000) as b:
            window.open_files(str(sample_paths[0]), str(path))
        assert f"{path}: " in b.args[0] and case.error in b.args[0]
        assert window.message.isVisible() and case.error in window.message.label.text()
        assert window.comparison is before  # nothing lost
        assert window.sources["right"].path == str(sample_paths[1])
        return
    with qtbot.waitSignal(window.comparisonShown, timeout=60000) as b:
        window.open_files(str(sample_paths[0]), str(path))
    cmp = b.args[0]
    assert case.check(cmp.right) is not False
    assert window.panes["right"].shown_text() == cmp.right.text
    if case.warning:
        assert window.message.isVisible()
        assert f"{path}: " in window.message.label.text()
        assert case.warning in window.message.label.text()


def test_window_unreadable_file(window, qtbot, open_pair, sample_paths, unprivileged) -> None:
    before = open_pair(*sample_paths)
    secret = unreadable(unprivileged.folder)
    with unprivileged(), qtbot.waitSignal(window.errorShown, timeout=30000) as b:
        window.open_files(str(sample_paths[0]), str(secret))
    assert f"{secret}: permission denied" in b.args[0]
    assert window.comparison is before


def test_window_same_file_on_both_sides(window, open_pair, sample_paths) -> None:
    cmp = open_pair(sample_paths[0], sample_paths[0])
    assert {p.kind.value for p in cmp.pairs} == {"identical"}
    assert "is the same file as" in window.message.label.text()
