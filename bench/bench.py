"""kzdiff benchmarks: prints figures; not a test. Medians over several runs.

    .venv/bin/python bench/bench.py            everything
    .venv/bin/python bench/bench.py engine     align+classify time and peak memory, 1k/3k/10k
    .venv/bin/python bench/bench.py ratio      10k vs 10k: a whole comparison against segmenting
                                               both texts alone, alternated in one process
    .venv/bin/python bench/bench.py cli        `kzdiff A B --json` wall time on the sample pair
                                               and on a 10k vs 10k pair from files
    .venv/bin/python bench/bench.py export     HTML and JSON export time and size, 10k sentences
    .venv/bin/python bench/bench.py ui         launch-to-painted window; showing a 10k comparison
    .venv/bin/python bench/bench.py load       20k pair in the window: event-loop stalls while
                                               opening, navigating, filtering, scrolling,
                                               cancelling; memory over 20 comparisons
    .venv/bin/python bench/bench.py formats    text extraction: a 1 MB web page, a 50-page PDF,
                                               a 50-page .docx (generated; needs fpdf2)
    .venv/bin/python bench/bench.py hostile    hostile inputs (bench/hostile.py) through the
                                               engine from files: time and peak memory each

Targets (issues #2-#4): 10k vs 10k < 3 s and < 400 MB, (#12) at most 4x segmenting alone;
sample through the CLI < 0.5 s; launch-to-painted < 1.5 s; showing 10k < 2 s; export of
10k < 1 s; (#6) no event-loop stall over 100 ms with 20k sentences, 10k vs 10k < 400 MB,
no growth over 20 comparisons.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
PY = sys.executable
SAMPLE = ROOT / "kzdiff" / "resources" / "sample"


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def _child_engine(n: int) -> None:
    """Run in a fresh process so peak RSS belongs to one comparison."""
    import resource

    from corpus import make_pair_with_links

    from kzdiff.core.compare import compare_documents, text_document

    left, right, _, links = make_pair_with_links(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    a, b = text_document(left), text_document(right)
    t1, c1 = time.perf_counter(), time.process_time()
    cmp = compare_documents(a, b)
    t2, c2 = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = {(i, j) for p in cmp.pairs for i in p.left for j in p.right}
    print(
        json.dumps(
            {
                "segment": t1 - t0,
                "compare": t2 - t1,
                "cpu_segment": c1 - c0,
                "cpu_compare": c2 - c1,
                "peak_mb": peak / 1024,
                "delta_mb": (peak - base) / 1024,
                "pairs": len(cmp.pairs),
                "sentences": [len(a.sentences), len(b.sentences)],
                "link_p": len(found & links) / max(1, len(found)),
                "link_r": len(found & links) / max(1, len(links)),
            }
        )
    )


def engine(runs: int = 3) -> None:
    from corpus import make_pair

    print(
        f"== engine: segmentation, then align + classify (median of {runs} runs; CPU s:"
        f" segment+compare; load average {os.getloadavg()[0]:.1f})"
    )
    print(
        f"{'sentences':>10} {'segment s':>10} {'compare s':>10} {'CPU s':>11} {'peak MB':>9}"
        f" {'pairs':>7} {'link P':>7} {'link R':>7}  edits"
    )
    prev = None
    for n in (1000, 3000, 10000):
        _, _, edits = make_pair(n)
        rows = []
        for _ in range(runs):
            out = subprocess.run(
                [PY, __file__, "_engine", str(n)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            rows.append(json.loads(out.stdout))
        seg = median([r["segment"] for r in rows])
        cmpt = median([r["compare"] for r in rows])
        peak = median([r["peak_mb"] for r in rows])
        cpu_seg = median([r["cpu_segment"] for r in rows])
        cpu = f"{cpu_seg:.2f}+{median([r['cpu_compare'] for r in rows]):.2f}"
        growth = f"  (x{cmpt / prev[1]:.1f} time for x{n / prev[0]:.0f} size)" if prev else ""
        print(
            f"{n:>10} {seg:>10.2f} {cmpt:>10.2f} {cpu:>11} {peak:>9.0f} {rows[0]['pairs']:>7} "
            f"{rows[0]['link_p']:>7.3f} {rows[0]['link_r']:>7.3f}  "
            f"{', '.join(f'{k} {v}' for k, v in edits.items())}{growth}"
        )
        prev = (n, cmpt)


def _child_ratio(n: int, runs: int) -> None:
    """Segmenting both texts, then the whole comparison (segmenting included), alternated in
    one process so both see the same machine load; medians and their ratio as JSON."""
    import gc

    from corpus import make_pair

    from kzdiff.core.compare import compare_documents, text_document
    from kzdiff.core.segment import _tokenizer

    # Punkt's kept verdicts (see segment._tokenizer) are forgotten before each timing, so
    # every run segments as a fresh process does, not from the previous run's contexts
    forget = getattr(_tokenizer().text_contains_sentbreak, "cache_clear", lambda: None)
    left, right, _ = make_pair(n)
    seg, whole, cpu_seg, cpu_whole = [], [], [], []
    for _ in range(runs):
        gc.collect()
        forget()
        t0, c0 = time.perf_counter(), time.process_time()
        text_document(left), text_document(right)
        t1, c1 = time.perf_counter(), time.process_time()
        gc.collect()
        forget()
        t2, c2 = time.perf_counter(), time.process_time()
        compare_documents(text_document(left), text_document(right))
        t3, c3 = time.perf_counter(), time.process_time()
        seg.append(t1 - t0)
        whole.append(t3 - t2)
        cpu_seg.append(c1 - c0)
        cpu_whole.append(c3 - c2)
    print(
        json.dumps(
            {
                "segment": median(seg),
                "whole": median(whole),
                "cpu_segment": median(cpu_seg),
                "cpu_whole": median(cpu_whole),
            }
        )
    )


def ratio(runs: int = 5, n: int = 10000) -> None:
    out = subprocess.run(
        [PY, __file__, "_ratio", str(n), str(runs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    r = json.loads(out.stdout)
    print(
        f"== ratio: {n // 1000}k vs {n // 1000}k sentences, median of {runs} alternated runs: "
        f"whole comparison {r['whole']:.2f} s, segmenting both texts alone {r['segment']:.2f} s, "
        f"ratio {r['whole'] / r['segment']:.1f}x (target < 3 s and <= 4x); CPU seconds "
        f"{r['cpu_whole']:.2f} vs {r['cpu_segment']:.2f}, "
        f"{r['cpu_whole'] / r['cpu_segment']:.1f}x; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def _kzdiff_json(left: Path, right: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``kzdiff LEFT RIGHT --json`` process (its helpers
    included), output discarded."""
    cpu0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run(
        [str(Path(PY).with_name("kzdiff")), str(left), str(right), "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - t0, _children_cpu() - cpu0


def cli(runs: int = 9, big_runs: int = 5) -> None:
    """The sample pair, then a 10k vs 10k pair from files, through the command as a user
    runs it: start-up, loading, segmenting, comparing and writing the JSON included."""
    from corpus import make_pair

    # kzdiff's modules compiled, as scripts/install.sh leaves them: a source edited since
    # would be compiled again on every run where bytecode is not written
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "kzdiff")], check=True)
    times = [_kzdiff_json(SAMPLE / "left.txt", SAMPLE / "right.txt")[0] for _ in range(runs)]
    print(
        f"== cli: kzdiff sample --json wall time: median {median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s ({runs} runs, start-up included)"
    )
    left, right, _ = make_pair(10000)
    with tempfile.TemporaryDirectory() as tmp:
        paths = Path(tmp) / "left.txt", Path(tmp) / "right.txt"
        paths[0].write_text(left, encoding="utf-8")
        paths[1].write_text(right, encoding="utf-8")
        runs_10k = [_kzdiff_json(*paths) for _ in range(big_runs)]
    print(
        f"== cli: kzdiff 10k vs 10k --json: wall median {median([w for w, _ in runs_10k]):.2f} s"
        f" (min {min(w for w, _ in runs_10k):.2f}), CPU median"
        f" {median([c for _, c in runs_10k]):.2f} s ({big_runs} runs; target < 3 s);"
        f" load average {os.getloadavg()[0]:.1f}"
    )


def export(runs: int = 5) -> None:
    import json as stdlib_json

    from corpus import make_pair

    from kzdiff.core.compare import compare_documents, text_document
    from kzdiff.export.html import write_html
    from kzdiff.export.json import dumps

    left, right, _ = make_pair(10000)
    cmp = compare_documents(text_document(left), text_document(right))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.html"
        for _ in range(runs):
            t0 = time.perf_counter()
            write_html(cmp, out, overwrite=True)
            times.append(time.perf_counter() - t0)
        size = out.stat().st_size
    print(
        f"== export: 10k sentences ({len(cmp.pairs)} rows) to HTML: median {median(times):.2f} s "
        f"({runs} runs), {size / 1e6:.1f} MB"
    )
    # the JSON as the CLI writes it (orjson), against the standard library's indenting
    # encoder it replaced, alternated
    ours, stdlib = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        text = dumps(cmp)
        t1 = time.perf_counter()
        stdlib_json.dumps(cmp.to_dict(), ensure_ascii=False, indent=1)
        t2 = time.perf_counter()
        ours.append(t1 - t0)
        stdlib.append(t2 - t1)
    print(
        f"== export: the same to JSON: median {median(ours):.2f} s with orjson,"
        f" {median(stdlib):.2f} s with the standard library's json (indent 1) it replaced"
        f" ({runs} runs each, alternated; both include to_dict), {len(text) / 1e6:.1f} MB"
    )


UI_CHILD = r"""
import sys, time, json
t0 = float(sys.argv[1])
from contextlib import ExitStack
from PySide6.QtCore import QTimer, QObject, QEvent
from kzdiff.ui.app import make_app, open_demo
from kzdiff.ui.settings import Settings
from kzdiff.ui.window import MainWindow
import tempfile, pathlib
app = make_app()
tmp = tempfile.mkdtemp()
w = MainWindow(Settings.at(pathlib.Path(tmp) / "s.ini"))
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and w.comparison is not None:
            print(json.dumps({"painted": time.time() - t0}), flush=True)
            app.quit()
        return False
f = Painted()
w.linkmap.installEventFilter(f)  # painted once the comparison is complete (both panes in)
w.show()
stack = ExitStack()
open_demo(w, stack)
app.exec()
"""

UI_SHOW = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
from corpus import make_pair
from kzdiff.core.compare import compare_documents, text_document
from kzdiff.ui.app import make_app
from kzdiff.ui.settings import Settings
from kzdiff.ui.window import MainWindow
from kzdiff.ui.worker import Result, Source
import tempfile, pathlib
left, right, _ = make_pair(10000)
cmp = compare_documents(text_document(left), text_document(right))
app = make_app()
w = MainWindow(Settings.at(pathlib.Path(tempfile.mkdtemp()) / "s.ini"))
w.resize(1400, 900); w.show(); app.processEvents()
w._pending = {"left": Source(text=left), "right": Source(text=right)}
t0 = time.perf_counter()
w._on_result(Result(cmp.left, cmp.right, cmp, 0.0))
w.repaint(); app.processEvents()
t1 = time.perf_counter()
longest = 0.0
while not w.layout_complete:  # background layout, in slices between events
    a = time.perf_counter(); app.processEvents(); longest = max(longest, time.perf_counter() - a)
t2 = time.perf_counter()
scrolls = []
for v in (1000, 5000, 9000, 2000):
    a = time.perf_counter(); w.panes["left"].verticalScrollBar().setValue(v); app.processEvents()
    scrolls.append(time.perf_counter() - a)
print(json.dumps({"show": t1 - t0, "layout": t2 - t1, "slice": longest,
                  "scroll": sorted(scrolls)[len(scrolls) // 2]}))
"""


def _qt_child(args: list[str], timeout: float) -> dict:
    """Run a benchmark child with Qt offscreen (unless a platform is set) in a fresh
    process; return the JSON object it printed last."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = subprocess.run(
        [PY, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def ui(runs: int = 5) -> None:
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    launch = [_qt_child(["-c", UI_CHILD, repr(time.time())], 120)["painted"] for _ in range(runs)]
    print(
        f"== ui: launch to painted window on the sample: median {median(launch):.2f} s "
        f"({runs} runs; platform {platform})"
    )
    rows = [_qt_child(["-c", UI_SHOW, str(HERE)], 300) for _ in range(3)]
    m = {k: median([r[k] for r in rows]) for k in rows[0]}
    print(
        f"== ui: showing a computed 10k-sentence comparison: median {m['show']:.2f} s; "
        f"background layout {m['layout']:.2f} s in slices of at most {m['slice'] * 1000:.0f} ms; "
        f"a synchronized scroll then takes {m['scroll'] * 1000:.0f} ms (3 runs)"
    )


def load(runs: int = 3) -> None:
    """The window under load (bench/ui_load.py), each run in a fresh process."""
    rows = [_qt_child([str(HERE / "ui_load.py"), "20000"], 900) for _ in range(runs)]
    phases = list(rows[0]["stall_ms"])
    stalls = ", ".join(
        f"{k} {median([r['stall_ms'][k] for r in rows]):.0f}" for k in phases if k != "start"
    )
    worst = max(max(r["stall_ms"].values()) for r in rows)
    print(
        f"== load: 20k-sentence pair in the window; longest event-loop stall per step, "
        f"median of {runs} runs (ms): {stalls}; worst of all runs {worst:.0f} ms"
    )
    mem = [r["rss_mb"] for r in rows]
    print(
        "== load: resident memory across 20 comparisons in one window (MB, median): "
        f"after the 1st {median([m[0] for m in mem]):.0f}, "
        f"5th {median([m[4] for m in mem]):.0f}, 20th {median([m[-1] for m in mem]):.0f}"
    )


def _timed(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return median(times), out


def formats(runs: int = 5) -> None:
    """Extraction time per format (load_file: read, detect, extract), then segmentation
    with furniture marking, on generated files; for PDF also pdfminer.six when installed,
    the alternative that was weighed against pypdf."""
    sys.path.insert(0, str(ROOT))
    from kzdiff.core.compare import make_document
    from kzdiff.core.loading import load_file
    from tests.documents import long_article, write_docx, write_pdf

    print(f"== formats: load (extract) and segment + furniture, median of {runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paras = long_article(400)
        nav = "".join(f'<li><a href="/s/{n}">Section {n} of the site</a></li>' for n in range(800))
        script = "<script>" + "var x = 1;" * 75000 + "</script>"
        body = "".join(f"<p>{p}</p>" for p in paras)
        page = (
            f"<!doctype html><html><head><title>Bench</title>{script}</head><body>"
            f"<nav><ul>{nav}</ul></nav><article><h1>Bench article</h1>{body}</article>"
            f"<aside><ul>{nav}</ul></aside></body></html>"
        )
        html = folder / "page.html"
        html.write_text(page, encoding="utf-8")
        pdf = write_pdf(folder / "report.pdf", long_article(150), pages=50)
        docx = write_docx(folder / "report.docx", long_article(250))
        for label, path in (("1 MB web page", html), ("50-page PDF", pdf), ("50-page .docx", docx)):
            load_s, loaded = _timed(lambda p=path: load_file(p), runs)
            seg_s, doc = _timed(lambda ld=loaded: make_document(ld), runs)
            size = f"{path.stat().st_size / 1024:7.0f} KB -> {len(loaded.text) / 1024:6.0f} KB text"
            times = f"extract {load_s:.2f} s, segment + furniture {seg_s:.2f} s"
            print(f"  {label:15} {size}, {len(doc.sentences):5} sentences: {times}")
        try:
            from pdfminer.high_level import extract_text
        except ImportError:
            return
        mined, _ = _timed(lambda: extract_text(str(pdf)), max(1, runs // 2))
        print(f"  (the same PDF by pdfminer.six: {mined:.2f} s)")


def _child_hostile(name: str) -> None:
    """One hostile case from files, in a fresh process: load, segment, compare."""
    import resource

    from hostile import CASES

    from kzdiff.core.compare import compare_files

    left, right = CASES[name]()
    with tempfile.TemporaryDirectory() as d:
        a, b = Path(d, "left.txt"), Path(d, "right.txt")
        a.write_text(left, encoding="utf-8")
        b.write_text(right, encoding="utf-8")
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0, c0, h0 = time.perf_counter(), time.process_time(), _children_cpu()
        cmp = compare_files(a, b)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        helpers = _children_cpu() - h0  # the CPU of kzdiff's helper processes (core/beside)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "helpers_cpu": helpers,
                "peak_mb": peak / 1024,
                "delta_mb": (peak - base) / 1024,
                "sizes_mb": [len(left.encode()) / 2**20, len(right.encode()) / 2**20],
                "sentences": [len(cmp.left.sentences), len(cmp.right.sentences)],
                "pairs": len(cmp.pairs),
            }
        )
    )


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (their own children too)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _tree_pss_mb(pid: int) -> float:
    """Memory of a process and its children, shared pages split between them (the sum of
    their PSS, Linux): a forked helper shares most of its parent's pages, which its RSS
    would count again. 0 where /proc does not tell."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += map(int, f.read().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def _run_watched(args: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, float]:
    """Run a command; also the peak memory of it and its children (see _tree_pss_mb),
    sampled every 200 ms (reading a large process's page tables more often slowed it)."""
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    peak = 0.0
    box: dict[str, str] = {}

    def drain() -> None:  # (the pipes read beside the sampling, so a full pipe never blocks)
        box["out"], box["err"] = proc.communicate()

    import threading

    reader = threading.Thread(target=drain)
    reader.start()
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if time.monotonic() > deadline:
            proc.kill()
            reader.join()
            raise subprocess.TimeoutExpired(args, timeout)
        peak = max(peak, _tree_pss_mb(proc.pid))
        time.sleep(0.2)
    reader.join()
    return subprocess.CompletedProcess(args, proc.returncode, box["out"], box["err"]), peak


HOSTILE_SECONDS, HOSTILE_MB, HOSTILE_TIMEOUT = 10.0, 1024, 120


def hostile(patterns: list[str] | None = None) -> None:
    from hostile import CASES

    names = [n for n in CASES if not patterns or any(p in n for p in patterns)]
    print(
        f"== hostile inputs: load + compare from files; budget {HOSTILE_SECONDS:.0f} s, "
        f"{HOSTILE_MB} MB (one run each, in a fresh process; seconds are wall time, judged "
        "on a quiet machine; CPU is kzdiff's process + its helpers; peak MB the larger of "
        "the process's peak RSS and the peak PSS of it and its helpers together)"
    )
    print(
        f"{'case':<22} {'MB a side':>12} {'sentences':>14} {'seconds':>8} {'CPU s':>12} "
        f"{'peak MB':>8}  verdict"
    )
    over = 0
    for name in names:
        try:
            out, tree_mb = _run_watched([PY, __file__, "_hostile", name], HOSTILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"{name:<22} {'':>12} {'':>14} {'>' + str(HOSTILE_TIMEOUT):>8} {'':>8}  OVER")
            over += 1
            continue
        if out.returncode:
            print(f"{name:<22} failed: {out.stderr.strip().splitlines()[-1:]}")
            over += 1
            continue
        r = json.loads(out.stdout)
        # Wall time is judged: kzdiff's helper processes (core/beside) work beside it, so
        # its own CPU time says less than the wait; on a shared machine this measures the
        # neighbours too, so the figures that count are taken on a quiet one
        peak = max(r["peak_mb"], tree_mb)
        ok = r["seconds"] <= HOSTILE_SECONDS and peak <= HOSTILE_MB
        over += not ok
        sizes = "/".join(f"{x:.2f}" for x in r["sizes_mb"])
        sents = "/".join(str(x) for x in r["sentences"])
        cpu = f"{r['cpu']:.2f}+{r['helpers_cpu']:.2f}"
        print(
            f"{name:<22} {sizes:>12} {sents:>14} {r['seconds']:>8.2f} {cpu:>12} "
            f"{peak:>8.0f}  "
            f"{'ok' if ok else 'OVER'}"
        )
    print(f"{len(names) - over} of {len(names)} within budget")


def main(argv: list[str]) -> None:
    if argv[:1] == ["_engine"]:
        _child_engine(int(argv[1]))
        return
    if argv[:1] == ["_hostile"]:
        _child_hostile(argv[1])
        return
    if argv[:1] == ["hostile"]:
        hostile(argv[1:])
        return
    if argv[:1] == ["_ratio"]:
        _child_ratio(int(argv[1]), int(argv[2]))
        return
    which = argv or ["engine", "ratio", "cli", "export", "ui", "load"]
    modes = {"engine": engine, "ratio": ratio, "cli": cli, "export": export, "ui": ui}
    for name in which:
        {**modes, "load": load, "formats": formats}[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
