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


BENCH = os.path.join(os.path.dirname(__file__), "..", "..", "bench")


def run(code: str, cwd: str | None = None) -> list[str]:
    """Run ``code`` in a fresh interpreter (in ``cwd``); its stdout lines."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "KZDIFF_PROCESSES": ""},
        cwd=cwd,
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
def test_a_long_comparison_uses_helpers_with_the_same_result(tmp_path) -> None:
    # a long comparison shares the features of its sentences with a helper process, which
    # then reads their facts, and the classification of its groups with another: the JSON
    # is the same byte for byte as with everything in process
    out = run(
        """
        import os, sys
        sys.path.insert(0, BENCH)
        from corpus import make_pair
        from kzdiff.core import compare
        from kzdiff.export.json import dumps
        def traced(fn, name):
            def run(*args):
                with open("pids.txt", "a") as f:
                    f.write(f"{name} {os.getpid()}\\n")
                return fn(*args)
            return run
        compare.sentence_facts = traced(compare.sentence_facts, "facts")
        compare._classify_job = traced(compare._classify_job, "classify")
        compare.sent_features = traced(compare.sent_features, "features")
        left, right, _ = make_pair(2000)
        forked = dumps(compare.compare_texts(left, right))
        calls = {(name, int(pid) == os.getpid()) for name, pid in map(str.split, open("pids.txt"))}
        os.remove("pids.txt")
        # (past EARLY_CHARS the helper starts classifying only once the groups are final)
        compare.EARLY_CHARS = 0
        late = dumps(compare.compare_texts(left, right))
        late_calls = {(n, int(p) == os.getpid()) for n, p in map(str.split, open("pids.txt"))}
        os.remove("pids.txt")
        os.environ["KZDIFF_PROCESSES"] = "1"
        alone = dumps(compare.compare_texts(left, right))
        print(forked == alone == late, len(forked) > 100_000, late_calls == calls)
        print(sorted(calls))
        print({tuple(line.split()) for line in open("pids.txt")} == {("classify", str(os.getpid()))})
        os.remove("pids.txt")
        """.replace("BENCH", repr(os.path.abspath(BENCH))),
        cwd=str(tmp_path),
    )
    # helpers: the features of some sentences made in one child (the rest here), which
    # then reads the facts; the groups classified here and in another; alone: everything
    # here, the facts read by the table itself
    assert out == [
        "True True True",
        "[('classify', False), ('classify', True), ('facts', False), ('features', False)]",
        "True",
    ]


BOTH = (
    HEAD
    + """
        import time
        from kzdiff.core.beside import BothEnds, from_both_ends
        parent = os.getpid()
        def slow(x):
            time.sleep(0.001)
            return x * x, os.getpid() == parent
"""
)


@needs_two_cpus
def test_both_ends_give_every_result_in_order_each_process_doing_a_share() -> None:
    out = run(
        BOTH
        + """
        for chunk in (1, 3, 32):
            got = from_both_ends(slow, range(300), chunk=chunk)
            here = sum(h for _, h in got)
            print([v for v, _ in got] == [x * x for x in range(300)], 50 < here < 250)
        print(from_both_ends(slow, range(5)) == [(x * x, True) for x in range(5)])
        print(from_both_ends(slow, []), from_both_ends(slow, range(100), worth_it=False)[-1])
        """
    )
    # (too few items for a chunk each, or not worth it: all done here)
    assert out == ["True True"] * 3 + ["True", "[] (9801, True)"]


@needs_two_cpus
def test_a_child_started_early_works_alone_until_this_process_joins_it() -> None:
    out = run(
        BOTH
        + """
        with BothEnds(slow, range(200), chunk=8) as shared:
            print(shared.running)
            time.sleep(2)  # (this process busy elsewhere: the child does everything)
            got = shared.results()
            print(shared.running)
        print([v for v, _ in got] == [x * x for x in range(200)], sum(h for _, h in got))
        """
    )
    assert out == ["True", "False", "True 0"]


@needs_two_cpus
def test_a_child_that_dies_half_way_leaves_the_rest_to_this_process() -> None:
    out = run(
        BOTH
        + """
        def dies_at_290(x):
            if x == 290 and os.getpid() != parent:
                os.kill(os.getpid(), 9)
            return slow(x)
        got = from_both_ends(dies_at_290, range(300), chunk=4)
        print([v for v, _ in got] == [x * x for x in range(300)], got[290][1], got[-1][1])
        """
    )
    # (the child takes the last items first: it died at its third chunk, before sending
    # any, and this process did them all)
    assert out == ["True True True"]


@needs_two_cpus
def test_cancelling_while_both_work_stops_and_reaps_the_child() -> None:
    out = run(
        BOTH
        + """
        calls = []
        def check():
            calls.append(1)
            if len(calls) == 5:
                raise KeyError("cancelled")
        with BothEnds(slow, range(2000), chunk=4) as shared:
            pid = shared._child._pid
            try:
                shared.results(check)
            except KeyError:
                print("cancelled", shared.running)
        try:
            os.waitpid(pid, os.WNOHANG)
            print("not reaped")
        except ChildProcessError:
            print("reaped")
        """
    )
    assert out == ["cancelled False", "reaped"]


@needs_two_cpus
def test_one_child_works_at_a_time_and_a_finished_ones_result_is_kept() -> None:
    out = run(
        BOTH
        + """
        from kzdiff.core import beside
        def sleepy(seconds):
            time.sleep(seconds)
            return seconds
        with Beside(sleepy, 1.0) as first:
            # (the first still works: the second's work is done here)
            with BothEnds(slow, range(100)) as second:
                print(second.running, sum(h for _, h in second.results()))
            time.sleep(1.5)
            # (the first is done: its result is read and kept, and the next one forks)
            with Beside(work, 10) as third:
                print(third.running, first.running, beside._working == [third])
                print(third.result()[1], first.result())
        beside._reap_all()
        print(beside._exiting)
        """
    )
    assert out == ["False 100", "True True True", "45 1.0", "[]"]


@needs_two_cpus
def test_two_long_files_are_read_at_once_with_their_messages_in_order(tmp_path) -> None:
    # the right file read and segmented in a helper while the left one is here: the same
    # comparison, the same messages in the same order (the left file's first), once each
    out = run(
        """
        import logging, os, sys
        sys.path.insert(0, BENCH)
        from corpus import make_pair
        from kzdiff.core import compare
        from kzdiff.core.loading import LoadError
        from kzdiff.export.json import dumps
        logging.basicConfig(stream=sys.stdout, format="LOG %(name)s %(levelname)s %(message)s")
        def traced(path):
            with open("pids.txt", "a") as f:
                f.write(f"{os.getpid()}\\n")
            return document_and_log(path)
        document_and_log = compare._document_and_log
        compare._document_and_log = traced
        left, right, _ = make_pair(1500)
        # a byte cut from the last character of each: a warning each, naming its file
        tail = ("Le café était fermé à Zürich. " * 40).encode() + b"caf\\xc3"
        with open("left.txt", "wb") as f:
            f.write(left.encode() + tail)
        with open("right.txt", "wb") as f:
            f.write(right.encode() + tail)
        forked = dumps(compare.compare_files("left.txt", "right.txt"))
        print("helper", [int(p) != os.getpid() for p in open("pids.txt")])
        try:
            compare.compare_files("left.txt", "missing.txt")
        except LoadError as e:
            print("error", e)
        os.environ["KZDIFF_PROCESSES"] = "1"
        alone = dumps(compare.compare_files("left.txt", "right.txt"))
        print("same", forked == alone)
        try:
            compare.compare_files("left.txt", "missing.txt")
        except LoadError as e:
            print("error", e)
        """.replace("BENCH", repr(os.path.abspath(BENCH))),
        cwd=str(tmp_path),
    )
    warned = [
        f"LOG kzdiff.core.loading WARNING {name}.txt: UTF-8 but for 1 invalid byte (a cut or "
        "damaged character); undecodable bytes are shown as \ufffd"
        for name in ("left", "right")
    ]
    missing = "error missing.txt: no such file"
    # (the right file missing: the helper fails, the file is read here and says why)
    assert out == [
        *warned,
        "helper [True]",
        warned[0],
        missing,
        *warned,
        "same True",
        warned[0],
        missing,
    ]


@needs_two_cpus
def test_a_child_sends_a_second_result_after_the_first_and_is_done_only_then() -> None:
    out = run(
        BOTH
        + """
        from kzdiff.core import beside
        def first(n):
            return n + 1
        def second(seconds):
            time.sleep(seconds)
            return "second"
        with Beside(first, 1, then=(second, (0.5,))) as b:
            print(b.result(), b.running, b.done())  # (the second still being worked out)
            # another child waits for it: its work is done here meanwhile
            print(from_both_ends(slow, range(100))[-1])
            time.sleep(1)
            third = Beside(work, 3)  # (the second is done now: it is kept, and this forks)
            print(b.done(), third.running, third.result()[1])
            print(b.result(), b.running, b.result())
        def fails():
            raise ValueError
        with Beside(first, 1, then=(fails, ())) as b:
            print(b.result(), b.result())
        """
    )
    assert out == ["2 True False", "(9801, True)", "True True 3", "second False None", "2 None"]


@needs_two_cpus
def test_both_ends_with_a_cheaper_form_sent_and_then_other_work() -> None:
    out = run(
        BOTH
        + """
        def sent(x):  # (what the child sends: a cheaper form of slow(x))
            time.sleep(0.001)
            return str(x * x)
        def rebuilt(text):
            return int(text), "rebuilt"
        def then(a, b):
            return a + b
        with BothEnds(slow, range(300), chunk=4, child_fn=sent, rebuild=rebuilt,
                      then=(then, (2, 3))) as shared:
            got = shared.results()
            print([v for v, _ in got] == [x * x for x in range(300)])
            print({how for _, how in got} == {True, "rebuilt"}, shared.running)
            print(shared.then_result(), shared.then_result())
        # not worth a child: everything here, and no other work
        with BothEnds(slow, range(300), worth_it=False, then=(then, (2, 3))) as shared:
            print({how for _, how in shared.results()}, shared.then_result())
        """
    )
    assert out == ["True", "True False", "5 None", "{True} None"]


@needs_two_cpus
def test_a_child_sends_parts_as_it_goes_and_its_result_after_them() -> None:
    out = run(
        BOTH
        + """
        def parts(n, send):
            for k in range(n):
                send(("part", k))
                time.sleep(0.05)
            return "whole"
        with Beside(parts, 5, streams=True, then=(sum, ((1, 2),))) as b:
            time.sleep(0.12)
            seen = b.parts()  # (those sent so far: not waiting for more)
            print(0 < len(seen) < 5, b.done())
            print(b.result(), seen + b.parts())
            print(b.done(), b.result(), b.parts())
        """
    )
    assert out == [
        "True False",
        "whole [('part', 0), ('part', 1), ('part', 2), ('part', 3), ('part', 4)]",
        "True 3 []",
    ]
