"""scripts/mutation_table.py: the per-module table printed after a mutation run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "scripts" / "mutation_table.py"


def meta(folder: Path, module: str, codes: dict) -> None:
    path = folder / f"{module}.meta"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")


def test_table_counts_each_status_per_module_and_in_total(tmp_path):
    mutants = tmp_path / "mutants"
    # a: 3 killed (exit 1), 1 survived (0), 1 timeout (36), 1 not yet checked (None)
    meta(mutants, "kzdiff/core/a.py", {"m1": 1, "m2": 1, "m3": 1, "m4": 0, "m5": 36, "m6": None})
    # b: 1 killed, 3 survived
    meta(mutants, "kzdiff/core/b.py", {"n1": 1, "n2": 0, "n3": 0, "n4": 0})
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(mutants)], capture_output=True, text=True, check=True
    ).stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    # killed timeout survived no-tests other unchecked total  share
    assert rows["kzdiff/core/a.py"][1:] == ["3", "1", "1", "0", "0", "1", "6", "80.0", "%"]
    assert rows["kzdiff/core/b.py"][1:] == ["1", "0", "3", "0", "0", "0", "4", "25.0", "%"]
    assert rows["TOTAL"][1:] == ["4", "1", "4", "0", "0", "1", "10", "55.6", "%"]


def test_table_without_results_says_what_to_run(tmp_path):
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "none")], capture_output=True, text=True
    ).stdout
    assert "run scripts/mutation.sh first" in out


def test_sample_takes_every_kth_mutant_of_each_module_not_killed_yet(tmp_path):
    mutants = tmp_path / "mutants"
    # numbers sort as numbers (2 before 10), functions by name, each module on its own
    meta(
        mutants,
        "kzdiff/core/a.py",
        {f"kzdiff.core.a.x_f__mutmut_{n}": None for n in (10, 1, 2, 3)}
        | {"kzdiff.core.a.x_g__mutmut_1": None},
    )
    # b: the 1st survived, the 3rd is killed already (it is left out)
    meta(
        mutants,
        "kzdiff/core/b.py",
        {"kzdiff.core.b.x_h__mutmut_1": 0}
        | {"kzdiff.core.b.x_h__mutmut_2": None, "kzdiff.core.b.x_h__mutmut_3": 1},
    )
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--sample", "2", str(mutants)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == [
        "kzdiff.core.a.x_f__mutmut_1",
        "kzdiff.core.a.x_f__mutmut_3",
        "kzdiff.core.a.x_g__mutmut_1",
        "kzdiff.core.b.x_h__mutmut_1",
    ]


def test_table_of_a_sample_counts_only_its_mutants(tmp_path):
    mutants = tmp_path / "mutants"
    # every 2nd in number order: 1 (killed), 3 (survived); 2 and 10 are not in the sample
    codes = {f"kzdiff.core.a.x_f__mutmut_{n}": c for n, c in ((10, 0), (1, 1), (2, 0), (3, 0))}
    meta(mutants, "kzdiff/core/a.py", codes)
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--of-sample", "2", str(mutants)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert rows["kzdiff/core/a.py"][1:] == ["1", "0", "1", "0", "0", "0", "2", "50.0", "%"]
