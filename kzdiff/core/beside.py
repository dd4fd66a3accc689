"""Work done in a second process while this one goes on: the second core of a headless run.

A comparison's stages run one after another in one Python thread (no two threads run
Python at once). Some of the work needs nothing but the texts, such as the facts each
sentence states (quantities, dates and what they refer to: a sixth of a long comparison).
In a headless run (the ``kzdiff`` command, a script) such work can be handed to a child
process, forked before the aligner starts; it works out its result while the aligner
runs and sends it back, pickled, through a pipe.

This is done only where it is safe and worth it:

- the platform forks (``os.fork``);
- the process runs one thread. A fork copies only the calling thread, and a lock another
  thread held at that moment would stay held in the child. So the window, whose
  comparisons run in worker threads, never forks;
- the process may use more than one CPU;
- the caller says the input is large enough for a process to pay;
- ``KZDIFF_PROCESSES=1`` is not set in the environment.

Otherwise, and whenever the child fails, dies or sends something unreadable,
:meth:`Beside.result` returns None. The caller then does the work itself, as it would
have without this module, so the result is the same either way.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


def may_fork() -> bool:
    """May this process fork a helper now (see the module docstring)?"""
    if not hasattr(os, "fork") or os.environ.get("KZDIFF_PROCESSES", "").strip() == "1":
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    if threading.active_count() != 1 or _os_threads() != 1:
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # (not on Linux)
        cpus = os.cpu_count() or 1
    return cpus > 1


def _os_threads() -> int:
    """The threads of this process as the system counts them, those no Python code
    started included (Qt's, a numerical library's pool); 1 where it cannot be told."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


class Beside(Generic[T]):
    """``fn(*args)`` computed in a forked child, or nothing (see the module docstring).

    Use it as a context manager, so that a child whose result is not asked for (the
    caller raised, or was cancelled) is stopped and reaped.
    """

    def __init__(self, fn: Callable[..., T], *args: object, worth_it: bool = True) -> None:
        self._pid: int | None = None
        self._fd: int | None = None
        if worth_it and may_fork():
            self._start(fn, args)

    @property
    def running(self) -> bool:
        """Was a child started, its result not yet collected?"""
        return self._pid is not None

    def _start(self, fn: Callable[..., T], args: tuple) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running any clean-up
            code = 1
            try:
                os.close(read)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
                data = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
                with open(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                # (os._exit: no atexit handlers, no flush of the parent's buffered output)
                os._exit(code)
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> T | None:
        """The child's result (waiting for it), or None: no child, or it failed."""
        if self._pid is None or self._fd is None:
            return None
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        try:
            with open(fd, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            log.debug("helper process %d failed (status %d): working in process", pid, status)
            return None
        try:
            return pickle.loads(data)  # (our own child's, through a pipe of our own)
        except Exception:
            log.debug("helper process %d sent no readable result", pid, exc_info=True)
            return None

    def close(self) -> None:
        """Stop a child whose result was not asked for, and reap it."""
        if self._pid is None:
            return
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
