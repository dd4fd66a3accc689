"""Fuzz the loader and the engine for as long as you like (outside CI).

    .venv/bin/python scripts/fuzz.py --minutes 10

Runs the property checks of ``tests/strategies.py`` with hypothesis at scale, batch after
batch with fresh random seeds, until the time is up:

- bytes: any file content decodes to text or is refused with a one-line LoadError naming
  the file, through ``load_file`` on a real file;
- engine: adversarial text pairs keep every invariant (cover, spans, word diffs, highlight
  ranges, JSON), swapping sides mirrors the result, a second run gives the same result;
- export: the HTML report renders, and no markup from a text survives unescaped;
- encodings (#15): text in a legacy or BOM-less wide encoding reads back as written, with
  the encoding marked as a guess; UTF-8 cut or damaged at one byte stays UTF-8 with a
  warning; binary data in disguise (NULs at odd offsets, behind a BOM) is refused;
- names (#15): any file name shows as one printable line in messages;
- costs (#15): texts of one structure repeated (copies, one long paragraph, lines without
  stops, digits, dots, 3,000-letter words) compare within a CPU-time budget.

A failure prints hypothesis' shrunk example and the traceback, and the run goes on with
the next target; the exit status is 1 if anything failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kzdiff.core.compare import compare_texts  # noqa: E402
from kzdiff.core.loading import LoadError, load_file  # noqa: E402
from kzdiff.core.names import display_name  # noqa: E402
from kzdiff.export.html import render_html  # noqa: E402
from tests.strategies import (  # noqa: E402
    check_all,
    costly,
    damaged_utf8,
    disguised_binary,
    file_name,
    legacy,
    mirrored,
    mixed,
    text,
)

BATCH = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=list(HealthCheck),
)
FOLDER = Path(tempfile.mkdtemp(prefix="kzdiff-fuzz-"))


@BATCH
@given(st.one_of(st.binary(max_size=4096), mixed.map(lambda t: t.encode("utf-8", "replace"))))
def fuzz_loader(raw: bytes) -> None:
    p = FOLDER / "input.txt"
    p.write_bytes(raw)
    try:
        loaded = load_file(p)
    except LoadError as e:
        msg = str(e)
        assert msg.startswith(display_name(p) + ": ") and "\n" not in msg, msg
        return
    assert "\r" not in loaded.text
    check_all(compare_texts(loaded.text, loaded.text[::-1]))


@BATCH
@given(st.one_of(text, mixed), st.one_of(text, mixed))
def fuzz_engine(a: str, b: str) -> None:
    ab = compare_texts(a, b)
    check_all(ab)
    assert mirrored(ab, compare_texts(b, a))
    assert ab.to_dict() == compare_texts(a, b).to_dict()


@BATCH
@given(mixed, mixed)
def fuzz_export(a: str, b: str) -> None:
    page = render_html(compare_texts(a + " <script>x()</script>", b + " <img src=x>"))
    assert "<script>x()" not in page and "<img src=x>" not in page


@BATCH
@given(legacy)
def fuzz_encodings(case: tuple[str, str]) -> None:
    text_, encoding = case
    p = FOLDER / "encoded.txt"
    p.write_bytes(text_.encode(encoding))
    loaded = load_file(p)
    assert loaded.text == text_, (encoding, loaded.encoding, loaded.text[:40])
    assert loaded.encoding_guessed


@BATCH
@given(damaged_utf8, st.data())
def fuzz_damaged_utf8(case: tuple[str, str], data) -> None:
    text_, how = case
    raw = bytearray(text_.encode("utf-8"))
    if how == "cut":
        raw = raw[:-1]  # the last character, é, loses a byte
    else:
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = 0xFF
    p = FOLDER / "damaged.txt"
    p.write_bytes(bytes(raw))
    loaded = load_file(p)
    assert loaded.encoding == "utf-8" and "UTF-8 but for" in loaded.warnings[0]
    assert "Zürich" in loaded.text or how == "flip"


@BATCH
@given(disguised_binary)
def fuzz_disguised_binary(raw: bytes) -> None:
    p = FOLDER / "binary.txt"
    p.write_bytes(raw)
    try:
        loaded = load_file(p)
    except LoadError as e:
        assert "binary" in str(e) or "is not valid" in str(e), str(e)
    else:
        raise AssertionError(f"binary accepted as {loaded.encoding}: {loaded.text[:40]!r}")


@BATCH
@given(file_name)
def fuzz_names(name: str) -> None:
    shown = display_name(name)
    assert all(ch.isprintable() or ch == " " for ch in shown), shown
    try:
        load_file(FOLDER / "missing" / name)
    except LoadError as e:
        assert "\n" not in str(e) and "\x1b" not in str(e) and str(e).endswith(": no such file")


COST = settings(BATCH, max_examples=10)
COST_SECONDS = 5.0  # CPU seconds for any of these (a few hundred KB at most)


@COST
@given(costly, st.one_of(costly, text))
def fuzz_costs(a: str, b: str) -> None:
    t0 = time.process_time()
    cmp = compare_texts(a, b)
    spent = time.process_time() - t0
    assert spent < COST_SECONDS, f"{spent:.1f} s CPU for {len(a)} / {len(b)} characters"
    check_all(cmp)


TARGETS = [
    fuzz_loader,
    fuzz_engine,
    fuzz_export,
    fuzz_encodings,
    fuzz_damaged_utf8,
    fuzz_disguised_binary,
    fuzz_names,
    fuzz_costs,
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    args = ap.parse_args()
    logging.disable(logging.WARNING)  # the loader's warnings about odd bytes are expected
    deadline = time.monotonic() + args.minutes * 60
    runs = {t.__name__: 0 for t in TARGETS}
    failures: list[str] = []
    started = time.monotonic()
    while time.monotonic() < deadline:
        for target in TARGETS:
            try:
                target()
            except Exception:  # report, and keep fuzzing the other targets
                failures.append(target.__name__)
                print(f"FAILED {target.__name__}:\n{traceback.format_exc()}", flush=True)
            runs[target.__name__] += target.hypothesis.inner_test and getattr(
                getattr(target, "_hypothesis_internal_use_settings", BATCH), "max_examples", 200
            )
        done = ", ".join(f"{k} {v}" for k, v in runs.items())
        print(f"{time.monotonic() - started:6.0f} s: examples {done}", flush=True)
    print(f"fuzzing finished: {sum(runs.values())} examples, {len(failures)} failing batches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
