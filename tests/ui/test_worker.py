"""Comparisons off the GUI thread: busy indicator, cancel, supersede, responsiveness."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from kzdiff.core.model import Kind
from kzdiff.ui.window import MainWindow


def big_text(n: int, seed: int) -> str:
    words = (
        "minister council port union strike court budget storm river bank police "
        "election village harbour school hospital farmers ministry airport"
    ).split()
    out = []
    for i in range(n):
        a, b, c = (
            words[(i * 7 + seed) % len(words)],
            words[(i * 3) % len(words)],
            words[(i * 11) % len(words)],
        )
        out.append(
            f"The {a} said on day {i} that {i * 13 % 997} {b} workers met the {c} officials."
        )
        if i % 5 == 4:
            out.append("\n\n")
    return " ".join(out)


def test_cancel_keeps_what_was_shown(window, qtbot, write, sample_paths, open_pair) -> None:
    shown = open_pair(*sample_paths)
    a, b = write("a.txt", big_text(6000, 0)), write("b.txt", big_text(6000, 1))
    window.open_files(str(a), str(b))
    assert window.busy.isVisible() and window.cancel_button.isVisible()
    window.cancel_button.click()
    assert not window.busy.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.comparer.wait(30000)
    qtbot.wait(50)  # let a late result from the cancelled job arrive, if it were to
    assert window.comparison is shown
    assert window.sources["left"].path == str(sample_paths[0])


def test_new_request_supersedes_running_one(window, qtbot, write, sample_paths) -> None:
    a, b = write("a.txt", big_text(6000, 0)), write("b.txt", big_text(6000, 1))
    window.open_files(str(a), str(b))
    with qtbot.waitSignal(window.comparisonShown, timeout=60000) as blocker:
        window.open_files(*map(str, sample_paths))
    assert blocker.args[0].left.path == str(sample_paths[0])
    window.comparer.wait(60000)
    qtbot.wait(50)
    assert window.comparison.left.path == str(sample_paths[0])


def test_gui_stays_responsive_during_a_long_comparison(window, qtbot, write) -> None:
    a, b = write("a.txt", big_text(10000, 0)), write("b.txt", big_text(10000, 1))
    ticks = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(window.comparisonShown, timeout=120000) as blocker:
        window.open_files(str(a), str(b))
    timer.stop()
    cmp = blocker.args[0]
    assert len(cmp.left.sentences) == 10000
    assert len(ticks) >= 5  # the event loop kept running while the worker compared
    assert cmp.summary()["paraphrase"] + cmp.summary()["identical"] > 0
    assert window.navigable({Kind.CONFLICT}) == [n for n in cmp.changes({Kind.CONFLICT})]


def test_window_deleted_while_a_result_is_being_shown(qtbot, settings, sample_paths) -> None:
    """A result is shown over several event-loop turns; a window deleted in between must
    take its pending turns with it (no call into a deleted widget)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    w = MainWindow(settings)
    w.show()
    with qtbot.waitSignal(w.comparer.finished, timeout=30000):  # the first turn has run
        w.open_files(str(sample_paths[0]), str(sample_paths[1]))
    assert w.comparison is None  # not complete yet
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(5):
        QCoreApplication.processEvents()  # the turns that were pending


def test_a_stalled_read_is_cancelled_and_never_blocks(
    window, qtbot, sample_paths, open_pair, monkeypatch
) -> None:
    """A read that never returns (a file on a hung share) ties up only its own daemon
    thread: cancel frees the window, the next comparison runs, quitting does not wait."""
    import threading

    from kzdiff.ui import worker

    release = threading.Event()
    real = worker.load_file

    def stalled(path):
        if path.endswith("hung.txt"):
            release.wait(120)
        return real(path)

    monkeypatch.setattr(worker, "load_file", stalled)
    shown = open_pair(*sample_paths)
    try:
        window.open_files(str(sample_paths[0]), "/mnt/share/hung.txt")
        qtbot.wait(100)
        assert window.busy.isVisible()
        window.cancel_button.click()
        assert not window.busy.isVisible() and window.comparison is shown
        hung = [t for t in threading.enumerate() if t.name.startswith("kzdiff-compare")]
        assert hung and all(t.daemon for t in hung)
        again = open_pair(*reversed(sample_paths))  # the window is not tied up
        assert again.left.path == str(sample_paths[1])
        assert not window.comparer.wait(100)  # the stalled job is still stuck ...
    finally:
        release.set()  # ... until the share answers
    assert window.comparer.wait(30000)


def test_process_exits_while_a_read_is_stalled(tmp_path) -> None:
    """The window's process quits even though a comparison thread is stuck in a read."""
    import os
    import subprocess
    import sys

    script = tmp_path / "stall.py"
    script.write_text(
        "import sys, threading\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kzdiff.ui import worker\n"
        "app = QApplication([])\n"
        "worker.load_file = lambda path: threading.Event().wait()  # never returns\n"
        "c = worker.Comparer()\n"
        "c.request(worker.Source(path='/a.txt'), worker.Source(path='/b.txt'))\n"
        "QTimer.singleShot(300, app.quit)\n"
        "app.exec()\n"
        "c.cancel()\n"
        "print('quit', flush=True)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env
    )
    assert r.returncode == 0 and r.stdout == "quit\n", r.stderr


def test_the_window_never_forks_a_helper_process(window, qtbot, write, monkeypatch) -> None:
    # a comparison long enough for helper processes in a headless run (core/beside): the
    # window's run in a worker thread, where a fork would copy one thread of many
    import os

    from kzdiff.core.compare import BESIDE_CHARS

    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or (_ for _ in ()).throw(OSError))
    left, right = big_text(3000, 0), big_text(3000, 1)
    assert len(left) + len(right) >= BESIDE_CHARS
    a, b = write("a.txt", left), write("b.txt", right)
    with qtbot.waitSignal(window.comparisonShown, timeout=120000):
        window.open_files(str(a), str(b))
    assert window.comparison.left.path == str(a) and window.comparison.facts
    assert forks == []
