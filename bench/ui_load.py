"""The window under load: is the event loop ever blocked, and does memory grow?

    .venv/bin/python bench/ui_load.py [SENTENCES]     (run by ``bench/bench.py load``)

Drives a real MainWindow through what a user does with a large pair (default 20,000
sentences a side), each step started from the event loop, never from a sleep:
open two files, navigate from change to change, toggle filters, scroll, start another
comparison and cancel it mid-way, start yet another. A 5 ms watchdog timer records the
gap between its ticks; a gap is the time the GUI thread spent not processing events.
Then 20 comparisons of 2,000-sentence pairs in a row in the same window, with the
process's resident memory after each. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from corpus import make_pair  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from kzdiff.ui.app import make_app  # noqa: E402
from kzdiff.ui.settings import Settings  # noqa: E402
from kzdiff.ui.window import MainWindow  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Watchdog:
    """Measures how long the event loop goes without running a 5 ms timer."""

    def __init__(self) -> None:
        self.phase = "start"
        self.worst: dict[str, float] = {}
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last - 0.005
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), gap)
        self.last = now

    def enter(self, phase: str) -> None:
        self.tick()
        self.phase = phase


def main(n: int) -> None:
    app = make_app()
    tmp = Path(tempfile.mkdtemp(prefix="kzdiff-load-"))
    left, right, _ = make_pair(n)
    other_left, other_right, _ = make_pair(n, seed=2)
    files = {}
    for name, text in (("l", left), ("r", right), ("ol", other_left), ("or", other_right)):
        files[name] = tmp / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    small, medium, medium2 = (
        make_pair(300, seed=3),
        make_pair(2000, seed=4),
        make_pair(2000, seed=5),
    )
    for name, text in (
        ("sl", small[0]),
        ("sr", small[1]),
        ("ml", medium[0]),
        ("mr", medium[1]),
        ("nl", medium2[0]),
        ("nr", medium2[1]),
    ):
        files[name] = tmp / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")

    w = MainWindow(Settings.at(tmp / "settings.ini"))
    w.resize(1400, 900)
    w.show()
    dog = Watchdog()
    shown = {"n": 0}
    w.comparisonShown.connect(lambda _c: shown.__setitem__("n", shown["n"] + 1))
    timings: dict[str, float] = {}
    memory: list[float] = []

    def open_pair(a: str, b: str):
        def start():
            w.open_files(str(files[a]), str(files[b]))

        return start

    def shown_and_laid_out(count: int):
        return lambda: shown["n"] >= count and w.layout_complete

    def repeat(action, times: int):
        state = {"left": times}

        def start():
            state["left"] = times

        def step():
            if state["left"] > 0:
                action()
                state["left"] -= 1
            return state["left"] == 0

        return start, step

    nav_start, nav_step = repeat(lambda: w.act_next.trigger(), 60)
    filters = [
        lambda: w.act_hide_identical.trigger(),
        lambda: w.act_only_conflicts.trigger(),
        lambda: w.act_show_all.trigger(),
        lambda: w.act_hide_identical.trigger(),
        lambda: w.act_show_all.trigger(),
    ]
    filt_state = {"i": 0}

    def filt_step():
        if filt_state["i"] < len(filters):
            filters[filt_state["i"]]()
            filt_state["i"] += 1
        return filt_state["i"] == len(filters)

    bar = w.panes["left"].verticalScrollBar()
    scroll_state = {"i": 0}

    def scroll_step():
        i = scroll_state["i"]
        bar.setValue(int(bar.maximum() * ((i * 37) % 41) / 40))
        scroll_state["i"] += 1
        return scroll_state["i"] >= 40

    cancel_state = {"t": 0.0}

    def cancel_start():
        cancel_state["t"] = time.perf_counter()
        w.open_files(str(files["ol"]), str(files["or"]))

    def cancel_step():
        if time.perf_counter() - cancel_state["t"] > 0.3:
            w.act_cancel.trigger()
            return True
        return False

    def many_start():
        memory.clear()

    many_state = {"i": 0, "waiting": False, "seen": 0}

    def many_step():
        if many_state["waiting"]:
            if shown["n"] > many_state["seen"] and w.layout_complete:
                many_state["waiting"] = False
                memory.append(rss_mb())
                many_state["i"] += 1
            return many_state["i"] >= 20
        many_state["seen"] = shown["n"]
        many_state["waiting"] = True
        a, b = ("ml", "mr") if many_state["i"] % 2 == 0 else ("nl", "nr")
        w.open_files(str(files[a]), str(files[b]))
        return False

    steps = [
        ("open", open_pair("l", "r"), shown_and_laid_out(1)),
        ("navigate", nav_start, nav_step),
        ("filter", lambda: None, filt_step),
        ("scroll", lambda: None, scroll_step),
        ("cancel", cancel_start, cancel_step),
        ("open another", open_pair("sl", "sr"), shown_and_laid_out(2)),
        ("20 comparisons", many_start, many_step),
    ]
    state = {"k": -1, "t0": 0.0}

    def drive():
        k = state["k"]
        if k >= 0:
            name, _start, done = steps[k]
            if not done():
                return
            timings[name] = time.perf_counter() - state["t0"]
            print(
                f"{name}: {timings[name]:.2f} s, "
                f"worst stall {dog.worst.get(name, 0) * 1000:.0f} ms",
                file=sys.stderr,
                flush=True,
            )
        state["k"] = k = k + 1
        if k == len(steps):
            driver.stop()
            dog.timer.stop()
            app.quit()
            return
        name, start, _done = steps[k]
        dog.enter(name)
        state["t0"] = time.perf_counter()
        start()

    driver = QTimer()
    driver.setInterval(20)
    driver.timeout.connect(drive)
    driver.start()
    app.exec()
    w.comparer.wait(60000)
    print(
        json.dumps(
            {
                "sentences": [len(w.comparison.left.sentences), len(w.comparison.right.sentences)]
                if w.comparison
                else None,
                "stall_ms": {k: round(v * 1000, 1) for k, v in dog.worst.items()},
                "seconds": {k: round(v, 2) for k, v in timings.items()},
                "rss_mb": [round(m, 1) for m in memory],
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
