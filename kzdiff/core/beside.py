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

One child works at a time (the machine may have two cores, and this process is busy
too): a second is started only once the first has done its work, whose result is then
kept for its owner; while the first still works, the second's work is done in process.

:class:`BothEnds` shares a list of like jobs (the sentences' features, the classification
of the aligned groups) with a child: this process takes them from the front, the child
from the back, until the two meet. However the two processes' speeds compare (a child
pays for the pages it touches after the fork), neither waits long for the other.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import logging
import mmap
import os
import pickle
import select
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover (not on Windows, where nothing forks)
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")
X = TypeVar("X")

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
    """``fn(*args)`` computed in a forked child, or nothing (see the module docstring);
    with ``then``, a second function and its arguments, that function's result too,
    worked out after the first one's is sent (:meth:`result` gives one, then the other).

    With ``streams``, ``fn`` is also given a ``send`` function, with which it sends parts
    of its work as it goes; :meth:`parts` gives those that have come.

    Use it as a context manager, so that a child whose result is not asked for (the
    caller raised, or was cancelled) is stopped and reaped.
    """

    def __init__(
        self,
        fn: Callable[..., T],
        *args: object,
        worth_it: bool = True,
        then: tuple[Callable, tuple] | None = None,
        streams: bool = False,
    ) -> None:
        self._pid: int | None = None
        self._fd: int | None = None  # (read unbuffered: select() then says what is sent)
        #: of the work the child was given, whether each piece whose result has not been
        #: read sends parts (see ``streams``)
        self._unread: list[bool] = []
        #: results read before they were asked for (None: the child failed), to start
        #: another child (see :func:`_others_done`); and parts read, not yet taken
        self._kept: list[bytes | None] = []
        self._parts: list[bytes] = []
        if worth_it and may_fork() and _others_done():
            work = [(fn, args, streams)]
            if then is not None:
                work.append((*then, False))
            self._start(work)

    @property
    def running(self) -> bool:
        """Was a child started, a result of it not yet taken?"""
        return self._pid is not None or bool(self._kept)

    def _start(self, work: list[tuple[Callable, tuple, bool]]) -> None:
        _reap_exited()
        read, write = os.pipe()
        with contextlib.suppress(OSError, AttributeError):  # (room for parts, on Linux)
            fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running any clean-up
            code = 1
            try:
                os.close(read)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
                with open(write, "wb") as out:

                    def frame(kind: bytes, obj: object) -> None:
                        # each framed by its kind (a part, a result) and its length
                        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
                        out.write(kind + len(data).to_bytes(8, "little"))
                        out.write(data)
                        out.flush()

                    for fn, args, streams in work:
                        if streams:
                            frame(_RESULT, fn(*args, send=lambda obj: frame(_PART, obj)))
                        else:
                            frame(_RESULT, fn(*args))
                code = 0
            finally:
                # (os._exit: no atexit handlers, no flush of the parent's buffered output)
                os._exit(code)
        os.close(write)
        self._pid, self._fd, self._unread = pid, read, [streams for _, _, streams in work]
        _working.append(self)

    def _read(self) -> bytes | None:
        """The child's next result, the parts sent before it kept (waiting for it); None
        when it failed before sending it whole. After the last one the child is reaped."""
        while True:
            kind, data = self._frame()
            if kind != _PART:
                return data
            self._parts.append(data)

    def _frame(self) -> tuple[bytes, bytes | None]:
        """The child's next frame (waiting for it): its kind, and its data (None when the
        child failed before sending a whole result)."""
        assert self._pid is not None and self._fd is not None
        kind, data = _RESULT, None
        head = _read_exactly(self._fd, 9)
        if head is not None:
            data = _read_exactly(self._fd, int.from_bytes(head[1:], "little"))
            kind = head[:1] if data is not None else _RESULT
        if kind == _PART and data is not None:
            return kind, data
        self._unread.pop(0)
        if data is None or not self._unread:
            pid = self._pid
            os.close(self._fd)
            self._pid = self._fd = None
            self._unread = []
            _working.remove(self)
            # (the child closes the pipe once it has written; its exit, which frees its
            # memory, may take milliseconds more: it is reaped later, not waited for)
            _reap_later(pid)
            if data is None:
                log.debug("helper process %d failed: working in process", pid)
        return kind, data

    def parts(self) -> list[object]:
        """The parts the child has sent so far, not waiting for more (see ``streams``)."""
        while self._fd is not None and self._unread and self._unread[0] and _readable(self._fd):
            kind, data = self._frame()
            if kind == _PART:
                self._parts.append(data)
            else:
                self._kept.append(data)
        parts, self._parts = self._parts, []
        return [pickle.loads(p) for p in parts]

    def done(self) -> bool:
        """Has the child done its work? (It writes its last result only at the end; an
        earlier one is read, and parts taken, before another child may start.)"""
        if self._pid is None or self._fd is None:
            return True
        if len(self._unread) > 1 or self._unread[0]:
            return False
        return _readable(self._fd)

    def keep(self) -> None:
        """Read the results of a child that is done, kept for :meth:`result`."""
        while self._pid is not None:
            self._kept.append(self._read())

    def result(self) -> T | None:
        """The child's next result (waiting for it), or None: no child, or it failed."""
        if self._kept:
            data = self._kept.pop(0)
        elif self._pid is not None:
            data = self._read()
        else:
            return None
        if data is None:
            return None
        try:
            return pickle.loads(data)  # (our own child's, through a pipe of our own)
        except Exception:
            log.debug("helper process sent no readable result", exc_info=True)
            return None

    def close(self) -> None:
        """Stop a child whose results were not all asked for, and reap it."""
        self._kept, self._parts = [], []
        if self._pid is None:
            return
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        _working.remove(self)
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


_PART, _RESULT = b"p", b"r"  # the kinds of a child's frames
#: bytes a child may write before this process reads (Linux lets a pipe grow to 1 MB):
#: parts of 16 sentences' features are 50 KB each
PIPE_SIZE = 1 << 20


def _readable(fd: int) -> bool:
    readable, _, _ = select.select([fd], [], [], 0)
    return bool(readable)


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from a pipe (waiting for them), None if it closes before."""
    parts = []
    while size:
        got = os.read(fd, min(size, 1 << 20))
        if not got:
            return None
        parts.append(got)
        size -= len(got)
    return b"".join(parts)


#: the children started and not yet collected (at most one: see the module docstring)
_working: list[Beside] = []
#: children collected but maybe not yet exited (see :func:`_reap_later`)
_exiting: list[int] = []


def _reap_later(pid: int) -> None:
    """Reap a child that has sent its result if it has exited, else when it has: at the
    next fork, or when this process exits."""
    if os.waitpid(pid, os.WNOHANG)[0] == 0:
        _exiting.append(pid)


def _reap_exited() -> None:
    """Reap the collected children that have exited since."""
    for pid in list(_exiting):
        if os.waitpid(pid, os.WNOHANG)[0] != 0:
            _exiting.remove(pid)


@atexit.register
def _reap_all() -> None:
    while _exiting:
        os.waitpid(_exiting.pop(), 0)


def _others_done() -> bool:
    """May another child start? Yes once every child started before has done its work
    (their results are then read and kept for their owners); no while one still works."""
    for other in list(_working):
        if not other.done():
            return False
        other.keep()
    return True


def from_both_ends(
    fn: Callable[[X], T],
    items: Sequence[X],
    *,
    worth_it: bool = True,
    chunk: int = 32,
    check: Callable[[], None] = lambda: None,
) -> list[T]:
    """``[fn(x) for x in items]``, shared with a helper process where one may work: see
    :class:`BothEnds`, whose child starts here and is joined at once."""
    with BothEnds(fn, items, worth_it=worth_it, chunk=chunk) as shared:
        return shared.results(check)


class BothEnds(Generic[X, T]):
    """``[fn(x) for x in items]``, shared with a forked child where one may work (see the
    module docstring). The child starts at once, taking ``chunk`` items at a time from
    the back; :meth:`results` has this process take them from the front (it may do other
    work first, while the child goes on alone), each process first claiming its items in
    a word of memory the two share, until the two meet. An item both happened to claim
    is worked out twice, to the same result.

    The child may work out ``child_fn(x)`` instead, something cheaper to send, which
    ``rebuild`` makes into ``fn(x)`` here; and, with ``then`` (a function and its
    arguments), go on with other work once its share is sent (:meth:`then_result`).

    Use it as a context manager, so that a child whose results are not asked for is
    stopped and reaped.
    """

    def __init__(
        self,
        fn: Callable[[X], T],
        items: Sequence[X],
        *,
        worth_it: bool = True,
        chunk: int = 32,
        child_fn: Callable[[X], object] | None = None,
        rebuild: Callable[[object], T] | None = None,
        then: tuple[Callable, tuple] | None = None,
    ) -> None:
        self.fn, self.items, self.chunk, self.rebuild = fn, items, chunk, rebuild
        self._shared: mmap.mmap | None = None
        #: views of the shared map: this process has claimed items[:front], the child
        #: items[back:] (None without a child)
        self._front: ctypes.c_int64 | None = None
        self._back: ctypes.c_int64 | None = None
        self._child: Beside | None = None
        self._joined = False
        if not (worth_it and (len(items) > chunk or then is not None) and may_fork()):
            return
        shared = mmap.mmap(-1, 16)  # (anonymous and shared: the child's writes are seen here)
        self._front = ctypes.c_int64.from_buffer(shared, 0)
        self._back = ctypes.c_int64.from_buffer(shared, 8)
        self._front.value, self._back.value = 0, len(items)
        child = Beside(
            _from_back,
            child_fn or fn,
            items,
            self._front,
            self._back,
            chunk,
            then=then,
            streams=True,
        )
        if child.running:
            self._shared, self._child = shared, child
        else:
            self._release(shared)

    @property
    def running(self) -> bool:
        """Was a child started, its share not yet joined?"""
        return self._child is not None and not self._joined

    def results(self, check: Callable[[], None] = lambda: None) -> list[T]:
        """Every item's result, this process working from the front until it meets the
        child (or through all of them, without one), making the child's into results
        (``rebuild``) as they come; ``check`` is called before each chunk here (it may
        raise, to cancel)."""
        fn, items, chunk = self.fn, self.items, self.chunk
        child = self._child
        if child is None or self._joined:
            return _from_front(fn, items, 0, chunk, check)
        out: list[T] = []
        got: dict[int, list[T]] = {}  # the child's, by the first item of each part
        lo = 0
        try:
            while True:
                check()
                self._take(child.parts(), got)
                hi = self._back.value
                if lo >= hi:
                    break
                end = self._front.value = min(lo + chunk, hi)
                out += [fn(x) for x in items[lo:end]]
                lo = end
        except BaseException:
            self.close()  # (cancelled: the child is stopped at once)
            raise
        stop = child.result()  # (where the child stopped; the parts before it kept)
        self._take(child.parts(), got)
        self._joined = True
        self._release(self._shared)
        if stop is None:  # (the child failed: the rest is done here)
            return out + _from_front(fn, items, lo, chunk, check)
        for start in sorted(got):  # (its parts lie end to end from where it stopped)
            part = got[start]
            if start + len(part) > lo:
                out += part[max(0, lo - start) :]
        return out

    def _take(self, parts: list, got: dict[int, list[T]]) -> None:
        rebuild = self.rebuild
        for start, results in parts:
            got[start] = results if rebuild is None else list(map(rebuild, results))

    def then_result(self) -> object | None:
        """The result of the child's ``then`` work (waiting for it), or None: no child,
        or it failed; asked for after :meth:`results`."""
        return self._child.result() if self._child is not None and self._joined else None

    def _release(self, shared: mmap.mmap | None) -> None:
        self._front = self._back = None  # (the views first: a viewed map cannot close)
        if shared is not None:
            shared.close()
        self._shared = None

    def close(self) -> None:
        """Stop a child whose results were not asked for, and reap it."""
        child, self._child = self._child, None
        if child is not None:
            child.close()
            self._release(self._shared)

    def __enter__(self) -> BothEnds[X, T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _from_front(
    fn: Callable[[X], T], items: Sequence[X], lo: int, chunk: int, check: Callable[[], None]
) -> list[T]:
    """``[fn(x) for x in items[lo:]]``, calling ``check`` before each chunk."""
    out: list[T] = []
    for start in range(lo, len(items), chunk):
        check()
        out += [fn(x) for x in items[start : start + chunk]]
    return out


def _from_back(
    fn: Callable[[X], T],
    items: Sequence[X],
    front: ctypes.c_int64,
    back: ctypes.c_int64,
    chunk: int,
    send: Callable[[object], None],
) -> int:
    """The child's part of :class:`BothEnds`: the results of each chunk it claims sent as
    it goes, with the chunk's first item; where it stopped, returned at the end."""
    hi = len(items)
    while True:
        claimed = front.value  # (read once: this process's claim only grows)
        if hi <= claimed:
            break
        lo = back.value = max(hi - chunk, claimed)
        send((lo, [fn(x) for x in items[lo:hi]]))
        hi = lo
    return hi
