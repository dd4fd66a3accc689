"""The ``kzdiff`` command: a thin layer that parses arguments and hands over.

With ``--json`` or ``--html`` it runs headless (no Qt is imported, no display needed);
otherwise it opens the window. A user's mistake (bad path, binary file) is one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import NoReturn

from . import __version__

log = logging.getLogger("kzdiff")

EPILOG = """\
examples:
  kzdiff                                  open the window; drop or open two files
  kzdiff old.txt new.txt                  compare two articles in the window
  kzdiff --demo                           the built-in sample pair in the window
  kzdiff old.txt new.txt --json           print the comparison as JSON (schema kzdiff/1)
  kzdiff old.txt new.txt --html out.html  write a self-contained HTML report
  kzdiff --demo --json | jq .summary      counts per kind of the sample

exit status: 0 on success, 2 on bad input (the message names the file), 1 on other errors
(including output that cannot be written: a full disk, a closed pipe)
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kzdiff",
        description="Compare two prose articles sentence by sentence: what is kept, "
        "reworded, dropped, moved, or changed in fact.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="the left and the right text file (the window also takes one, and asks for "
        "the other); text (any encoding), Markdown, a saved web page, Word (.docx, .odt) "
        "or PDF; with --json or --html, - for one of them reads standard input",
    )
    p.add_argument("--json", action="store_true", help="print the comparison as JSON and exit")
    p.add_argument(
        "--html", metavar="OUT", help="write a self-contained HTML report to OUT and exit"
    )
    p.add_argument("--force", action="store_true", help="with --html, overwrite OUT if it exists")
    p.add_argument("--demo", action="store_true", help="use the built-in sample pair")
    p.add_argument("--debug", action="store_true", help="log what kzdiff does to stderr")
    p.add_argument("--version", action="version", version=f"kzdiff {__version__}")
    # for smoke tests of a build: open the window, show the comparison, close, exit 0
    p.add_argument("--quit-after-shown", action="store_true", help=argparse.SUPPRESS)
    return p


def command() -> int:
    """Entry point of the ``kzdiff`` command (and ``python -m kzdiff``): :func:`main`, and
    a headless run ends the process at once when its output is written (see there)."""
    return main(exit_when_written=True)


def main(argv: list[str] | None = None, exit_when_written: bool = False) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="kzdiff: %(levelname)s: %(message)s"
        if not args.debug
        else "%(asctime)s %(name)s %(levelname)s: %(message)s",
    )
    if args.demo and args.files:
        parser.error("--demo takes no file arguments")
    headless = args.json or args.html
    if headless and not (args.demo or len(args.files) == 2):
        parser.error("--json and --html need two files (or --demo)")
    if not headless:
        return _run_window(args)
    if args.files.count("-") > 1:
        parser.error("standard input (-) can be only one of the two files")
    if args.json and sys.stdout is None:
        _say("standard output is closed; nothing to write the JSON to")
        return 1
    args.left, args.right = args.files or (None, None)

    from .core.compare import gc_paused
    from .core.memo import sentence_memo

    # One comparison, written once, then the process ends. So the cyclic collector is
    # paused throughout: it would only re-scan the comparison's millions of objects while
    # the report is built (a third of the JSON export's time on a 10k pair). And the
    # comparison's memo of what it read off each sentence (core/memo.py) is opened here,
    # so that it is handed back when the run ends rather than when the comparison does:
    # with the process ending at once, never (0.1 s of a 10k pair).
    held: list[object] = []
    with gc_paused(), sentence_memo():
        status = _headless(args, held)
        if exit_when_written:
            _exit_now(status)  # with the comparison still held: nothing is freed one by one
    return status


def _exit_now(status: int) -> NoReturn:
    """End the process without tearing the interpreter down.

    Once a headless run has written its output, all that is left is freeing: the
    comparison's millions of objects, then at shutdown every module and cache, one object
    at a time (0.2 s of CPU after a 10k pair's JSON was written), for memory the system
    takes back at once when the process ends. What a normal exit would still do is done
    here: the standard streams and the log handlers are flushed. (mypy ends its runs the
    same way.) The window never ends like this: Qt saves its settings on the way out.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    logging.shutdown()
    os._exit(status)


def _headless(args: argparse.Namespace, held: list[object]) -> int:
    """Compare the two files and write the JSON to stdout and/or the HTML report; the
    comparison is put in ``held``, for the caller to free or not."""
    from .core import LoadError

    with ExitStack() as stack:
        try:
            cmp = _compare(args, stack)
            held.append(cmp)
        except LoadError as e:
            _say(str(e))
            return 2
        except MemoryError:
            _say("not enough memory to compare these files")
            return 1
    if args.html:
        from .export.html import ExportError, write_html

        try:
            write_html(cmp, args.html, overwrite=args.force)
        except ExportError as e:
            _say(str(e))
            return 2
    if args.json:
        from .export.json import dumps

        return _write_stdout(dumps(cmp) + "\n")
    return 0


def _compare(args: argparse.Namespace, stack: ExitStack):  # -> Comparison
    from .core import compare_files
    from .core.compare import compare_documents, make_document
    from .core.loading import load_file, load_stream

    if args.demo:
        from .resources import sample_files

        return compare_files(*sample_files(stack))
    if "-" not in (args.left, args.right):
        return compare_files(Path(args.left), Path(args.right))
    docs = [
        make_document(load_stream(sys.stdin.buffer) if a == "-" else load_file(a))
        for a in (args.left, args.right)
    ]
    return compare_documents(*docs)


def _say(message: str) -> None:
    """One line on stderr (if there is a stderr to write to)."""
    try:
        print(f"kzdiff: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _write_stdout(data: str) -> int:
    """Write the result to stdout; a failure is one line and exit 1, a closed pipe silent.

    A reader that stops early (``| head``) closes the pipe: like any Unix tool, kzdiff
    then stops without a word. A full disk or a write error is said in one line. Either
    way stdout is pointed at /dev/null, so Python's own flush at exit cannot fail again.
    """
    out = sys.stdout
    try:
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8")
        out.write(data)
        out.flush()
        return 0
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except (OSError, ValueError) as e:
        _silence_stdout()
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        _say(f"cannot write the output ({reason})")
        return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _no_display() -> bool:
    """On X11/Wayland systems, no display means Qt would abort with a cryptic fatal error."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_window(args: argparse.Namespace) -> int:
    if _no_display():
        print(
            "kzdiff: no display to open the window on (DISPLAY is not set); "
            "use --json or --html OUT for a headless comparison",
            file=sys.stderr,
        )
        return 1
    try:
        from .ui.app import run
    except ImportError as e:  # Qt or its system libraries missing
        print(f"kzdiff: cannot open the window ({e}); use --json or --html", file=sys.stderr)
        return 1
    files = args.files or None
    if args.quit_after_shown:
        return run(files=files, demo=args.demo, quit_after_shown=True)
    return run(files=files, demo=args.demo)


def gui_main() -> int:
    """Entry point of the ``kzdiff-gui`` launcher (no console window on Windows)."""
    return main()
