"""Work in a helper process (kzdiff.core.beside): done in a forked child where that is
safe, its result the same as in process; nothing forked where it is not safe or not
wanted; a failed or abandoned child costs nothing but the work done again in process.

Each case runs in a fresh interpreter: the test process itself may hold threads (Qt's,
from the window's tests), where kzdiff rightly never forks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the platform cannot fork")


def run(code: str, **env: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; its stdout lines."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "KZDIFF_PROCESSES": "", **env},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


HEAD = """
        import os, sys, threading
        from kzdiff.core.beside import Beside, may_fork
        def work(n):
            return os.getpid(), sum(range(n)), ["é", None, (1.5, 2)]
"""  # (indented as the tests' code, which is dedented with it)

needs_two_cpus = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one CPU: kzdiff does not fork",
)


@needs_two_cpus
def test_the_work_is_done_in_a_child_and_comes_back_whole() -> None:
    out = run(
        HEAD
        + """
        with Beside(work, 1000) as b:
            running = b.running
            pid, total, rest = b.result()
            print(running, pid != os.getpid(), total, rest, b.running, b.result())
        """
    )
    assert out == ["True True 499500 ['é', None, (1.5, 2)] False None"]


def test_nothing_is_forked_when_not_worth_it_or_not_wanted_or_with_a_thread() -> None:
    out = run(
        HEAD
        + """
        print(Beside(work, 10, worth_it=False).running)
        os.environ["KZDIFF_PROCESSES"] = "1"
        print(may_fork(), Beside(work, 10).running)
        os.environ["KZDIFF_PROCESSES"] = ""
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        print(may_fork(), Beside(work, 10).running)
        stop.set(); t.join()
        box = []
        t = threading.Thread(target=lambda: box.append(may_fork()))
        t.start(); t.join()
        print(box)
        """
    )
    assert out == ["False", "False False", "False False", "[False]"]


@needs_two_cpus
def test_a_thread_python_does_not_know_of_also_stops_the_fork() -> None:
    # a thread started by native code (as Qt's are): Python's threading module does not
    # count it, the system does
    out = run(
        """
        import ctypes, os, threading, time
        from kzdiff.core.beside import may_fork
        print(may_fork())
        libc = ctypes.CDLL(None)
        sleep = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(lambda _: time.sleep(2))
        tid = ctypes.c_ulong()
        assert libc.pthread_create(ctypes.byref(tid), None, sleep, None) == 0
        time.sleep(0.1)
        print(threading.active_count(), may_fork())
        libc.pthread_join(tid, None)
        """
    )
    assert out == ["True", "1 False"]


@needs_two_cpus
def test_a_child_that_fails_gives_none_and_the_parent_goes_on() -> None:
    out = run(
        HEAD
        + """
        def fails():
            raise ValueError("no")
        def unpicklable():
            return lambda: 1
        def dies():
            os.kill(os.getpid(), 9)
        for fn in (fails, unpicklable, dies):
            with Beside(fn) as b:
                print(b.running, b.result())
        print("parent alive", os.getpid() > 0)
        """
    )
    assert out == ["True None"] * 3 + ["parent alive True"]


@needs_two_cpus
def test_an_abandoned_child_is_stopped_and_reaped() -> None:
    out = run(
        HEAD
        + """
        import time
        def slow():
            time.sleep(60)
        t = time.monotonic()
        try:
            with Beside(slow) as b:
                pid = b._pid
                raise KeyError("the caller gave up")
        except KeyError:
            pass
        try:
            os.waitpid(pid, os.WNOHANG)
            print("not reaped")
        except ChildProcessError:
            print("reaped", time.monotonic() - t < 10, os.path.exists(f"/proc/{pid}"))
        """
    )
    assert out == ["reaped True False"]


@needs_two_cpus
def test_a_long_comparison_reads_its_facts_in_a_child_with_the_same_result() -> None:
    # the facts of a comparison of more than BESIDE_SENTENCES sentences are read in a
    # helper process: the JSON is the same byte for byte as when read in process
    out = run(
        """
        import os, sys
        sys.path.insert(0, "bench")
        from corpus import make_pair
        from kzdiff.core import compare
        from kzdiff.core.facts import sentence_facts
        from kzdiff.export.json import dumps
        pids = []
        def traced(left, right):
            pids.append(os.getpid())
            with open("pids.txt", "a") as f:
                f.write(f"{os.getpid()}\\n")
            return sentence_facts(left, right)
        compare.sentence_facts = traced
        left, right, _ = make_pair(1200)
        forked = dumps(compare.compare_texts(left, right))
        os.environ["KZDIFF_PROCESSES"] = "1"
        alone = dumps(compare.compare_texts(left, right))
        print(forked == alone, len(forked) > 100_000)
        child = int(open("pids.txt").read().split()[0])
        print(child != os.getpid(), pids)
        os.remove("pids.txt")
        """
    )
    assert out == ["True True", "True []"]
