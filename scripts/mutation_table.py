#!/usr/bin/env python3
"""Per-module table of a mutmut run: killed / survived / total and the share killed.

Reads what ``mutmut run`` left in ``mutants/`` (one ``<module>.py.meta`` JSON file per
mutated module, holding each mutant's exit code), so it can be run at any time, also on
a partial run: mutants not yet checked are counted apart and left out of the share.

    python3 scripts/mutation_table.py [MUTANTS_DIR]
    python3 scripts/mutation_table.py --of-sample K [MUTANTS_DIR]
    python3 scripts/mutation_table.py --sample K [MUTANTS_DIR]

``--of-sample K`` counts only the mutants of the fixed 1-in-K sample described below.

``--sample K`` prints, instead, the names of a fixed sample: in each module, its mutants
ordered by function name and mutant number, the 1st, the (K+1)th, the (2K+1)th... A run
of those is a deterministic 1-in-K sample, the same on every machine as long as the
code is the same (scripts/mutation.sh --sample K). Only those not killed (or timed out)
yet are printed: a killed mutant stays killed when tests are added, and mutmut resets the
results of a function whose code changed.

Stdlib only; used by scripts/mutation.sh.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# mutmut's exit codes (mutmut/stats.py): 1 and 3 mean a test failed, i.e. killed.
KILLED = {1, 3, 37}  # 37: caught by the type checker
SURVIVED = {0}
TIMEOUT = {36, 24, -24, 152, 255}
NO_TESTS = {5, 33}
COLUMNS = ("killed", "timeout", "survived", "no tests", "other", "unchecked", "total")


def status(code: int | None) -> str:
    if code is None:
        return "unchecked"
    for name, codes in (
        ("killed", KILLED),
        ("survived", SURVIVED),
        ("timeout", TIMEOUT),
        ("no tests", NO_TESTS),
    ):
        if code in codes:
            return name
    return "other"  # suspicious, skipped, interrupted, segfault


def count(meta: Path, k: int = 1) -> dict[str, int]:
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    keys = sorted(codes, key=_order)[::k]
    row = dict.fromkeys(COLUMNS, 0)
    for key in keys:
        row[status(codes[key])] += 1
    row["total"] = len(keys)
    return row


def share(row: dict[str, int]) -> float | None:
    """Killed (a timeout is a kill: the mutant made the tests hang) of those checked."""
    checked = row["total"] - row["unchecked"]
    return (row["killed"] + row["timeout"]) / checked if checked else None


def table(mutants: Path, k: int = 1) -> str:
    """The table of all mutants, or (``k`` > 1) of the fixed 1-in-k sample only."""
    rows = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        name = str(meta.relative_to(mutants))[: -len(".meta")]
        row = count(meta, k)
        if row["total"]:
            rows[name] = row
    if not rows:
        return f"no mutation results in {mutants}/ (run scripts/mutation.sh first)"
    rows["TOTAL"] = {c: sum(r[c] for r in rows.values()) for c in COLUMNS}
    width = max(len(n) for n in rows)
    head = f"{'module':<{width}}  " + "  ".join(f"{c:>9}" for c in COLUMNS) + "    killed %"
    lines = [head, "-" * len(head)]
    for name, row in rows.items():
        s = share(row)
        pct = "       —" if s is None else f"{100 * s:7.1f} %"
        lines.append(
            f"{name:<{width}}  " + "  ".join(f"{row[c]:>9}" for c in COLUMNS) + f"    {pct}"
        )
    return "\n".join(lines)


def _order(name: str) -> tuple[str, int]:
    """``kzdiff.core.x.x_f__mutmut_12`` -> (``kzdiff.core.x.x_f``, 12): numbers in order."""
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number) if number.isdigit() else 0


def sample(mutants: Path, k: int) -> list[str]:
    """Every k-th mutant of each module (the first included), in a fixed order, but for
    those already killed or timed out (a mutant that made the tests hang was noticed, and
    running it again costs the whole time-out)."""
    names: list[str] = []
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        done = ("killed", "timeout")
        names += [n for n in sorted(codes, key=_order)[::k] if status(codes[n]) not in done]
    return names


def main(argv: list[str]) -> int:
    args = argv[1:]
    if args[:1] == ["--sample"]:
        k = int(args[1])
        mutants = Path(args[2] if len(args) > 2 else "mutants")
        print("\n".join(sample(mutants, k)))
        return 0
    k = 1
    if args[:1] == ["--of-sample"]:
        k, args = int(args[1]), args[2:]
    mutants = Path(args[0] if args else "mutants")
    print(table(mutants, k))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
