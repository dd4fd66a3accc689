"""The ``kzdiff`` command as a script sees it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "kzdiff", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_json_follows_the_schema(sample_paths) -> None:
    left, right = sample_paths
    p = run(str(left), str(right), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema"] == "kzdiff/1"
    for side, path in (("left", left), ("right", right)):
        doc = data[side]
        assert doc["path"] == str(path)
        assert doc["encoding"]
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for n, s in enumerate(doc["sentences"]):
            assert s["id"] == n
            assert text[s["start"] : s["end"]] == s["text"]
        ids = sorted(i for pr in data["pairs"] for i in pr[side])
        assert ids == list(range(len(doc["sentences"])))
    kinds = {"identical", "paraphrase", "conflict", "missing", "furniture"}
    for pr in data["pairs"]:
        assert pr["kind"] in kinds
        assert isinstance(pr["moved"], bool)
        assert 0.0 <= pr["similarity"] <= 1.0
        assert all(d["op"] in ("equal", "delete", "insert") for d in pr["diff"])
        if pr["kind"] == "missing":
            assert not pr["left"] or not pr["right"]
        for c in pr["conflicts"]:
            assert c["type"] in ("number", "date", "name", "negation", "antonym", "qualifier")
        assert pr["relation"] in ("same", "overlap")
    s = data["summary"]
    assert sum(s[k] for k in kinds) == len(data["pairs"])


def test_demo_json_is_the_sample_pair(sample_paths) -> None:
    p = run("--demo", "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["summary"]["conflict"] >= 1
    reasons = [c["reason"] for pr in data["pairs"] for c in pr["conflicts"]]
    assert any("sawn-off" in r for r in reasons)


def test_python_dash_m_and_version() -> None:
    p = run("--version")
    assert p.returncode == 0 and p.stdout.startswith("kzdiff ")


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: d / "nope.txt", "nope.txt: no such file"),
        (lambda d: d, "is a folder"),
        (
            lambda d: (d / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)) and d / "x.png",
            "x.png",
        ),
    ],
    ids=["missing", "directory", "binary"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, sample_paths, make, expected) -> None:
    bad = make(tmp_path)
    p = run(str(bad), str(sample_paths[1]), "--json")
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("kzdiff: ") and expected in lines[0]
    assert "Traceback" not in p.stderr


def test_usage_errors_exit_2_without_traceback(sample_paths) -> None:
    p = run(str(sample_paths[0]), "--json")
    assert p.returncode == 2 and "two files" in p.stderr and "Traceback" not in p.stderr


def test_html_needs_no_display(tmp_path, sample_paths) -> None:
    out = tmp_path / "report.html"
    p = run(*map(str, sample_paths), "--html", str(out))
    assert p.returncode == 0, p.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = run(*map(str, sample_paths), "--html", str(out))
    assert again.returncode == 2 and "exists" in again.stderr
    forced = run(*map(str, sample_paths), "--html", str(out), "--force")
    assert forced.returncode == 0


def test_core_imports_no_qt() -> None:
    code = (
        "import sys, kzdiff, kzdiff.core, kzdiff.export.json, kzdiff.export.html, "
        "kzdiff.cli; kzdiff.compare_texts('A b.', 'A c.'); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"


def test_window_without_a_display_says_so(sample_paths) -> None:
    p = run(*map(str, sample_paths))  # run() clears DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM
    assert p.returncode == 1
    assert "no display" in p.stderr and "--json" in p.stderr
    assert "Traceback" not in p.stderr and "core dumped" not in p.stderr


def test_json_says_which_pairs_share_only_a_fact(tmp_path) -> None:
    from .core.test_overlap import VERDICT_A, VERDICT_B

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(VERDICT_A), encoding="utf-8")
    b.write_text("\n\n".join(VERDICT_B), encoding="utf-8")
    p = run(str(a), str(b), "--json")
    assert p.returncode == 0, p.stderr
    pairs = {(tuple(x["left"]), tuple(x["right"])): x for x in json.loads(p.stdout)["pairs"]}
    assert pairs[((1,), (2,))]["relation"] == "overlap"
    assert pairs[((1,), (2,))]["kind"] == "paraphrase"
    repay = pairs[((2,), (4,))]
    assert repay["relation"] == "overlap" and repay["kind"] == "conflict"
    assert [c["reason"] for c in repay["conflicts"]] == [
        "number: 30 million euros vs 35 million euros"
    ]
    assert pairs[((0,), ())]["relation"] == "same"


def test_word_pdf_and_web_page_from_the_command_line(tmp_path) -> None:
    from .documents import ARTICLE, PAGE, write_docx, write_pdf

    docx = write_docx(tmp_path / "story.docx")
    pdf = write_pdf(tmp_path / "story.pdf", ARTICLE * 3, pages=1)
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    p = run(str(docx), str(pdf), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert (data["left"]["format"], data["right"]["format"]) == ("docx", "pdf")
    assert data["left"]["title"] == "River floods town"
    for side in ("left", "right"):
        text = data[side]["text"]
        for s in data[side]["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]
    p = run(str(page), str(docx), "--html", str(tmp_path / "r.html"))
    assert p.returncode == 0, p.stderr
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Author: Jane Rivers" in report and "Date: 2025-03-04" in report


def test_furniture_is_counted_apart_in_json(sample_paths) -> None:
    p = run(str(sample_paths[0]), str(sample_paths[1]), "--json")
    data = json.loads(p.stdout)
    s = data["summary"]
    furniture = [pr for pr in data["pairs"] if pr["kind"] == "furniture"]
    assert s["furniture"] == len(furniture) > 0
    for pr in furniture:
        side = "left" if pr["left"] else "right"
        assert len(pr["left"]) + len(pr["right"]) == 1
        assert data[side]["sentences"][pr[side][0]]["block"] == "furniture"
    right = {x["text"] for x in data["right"]["sentences"] if x["block"] == "furniture"}
    assert {"2 MIN READ", "RECOMMENDED", "SOURCE:AFP", "Explore"} <= right


def test_a_pdf_without_text_is_refused_by_name(tmp_path, sample_paths) -> None:
    from .documents import write_pdf

    scan = write_pdf(tmp_path / "scan.pdf", text=False)
    p = run(str(scan), str(sample_paths[0]), "--json")
    assert p.returncode == 2 and p.stdout == ""
    assert (
        p.stderr
        == f"kzdiff: {scan}: is a PDF without a text layer (a scan or an image?): run OCR on it first\n"
    )


def test_a_headless_run_ends_with_everything_written(tmp_path) -> None:
    """The command ends its process as soon as its output is written (no teardown): the
    JSON through a pipe, the report, the warnings on stderr are all there in full."""
    sentence = "Officials in district {n} said the plan for school {n} was approved."
    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text("\n\n".join(sentence.format(n=n) for n in range(3000)), encoding="utf-8")
    # lines without a stop: the loader warns (on stderr) that each line is a sentence
    right.write_text("\n".join(f"line {n} of a list" for n in range(300)), encoding="utf-8")
    out = tmp_path / "report.html"
    p = run(str(left), str(right), "--json", "--html", str(out))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)  # the whole JSON (over a megabyte) came through the pipe
    assert len(data["left"]["sentences"]) == 3000
    assert len(data["right"]["sentences"]) == 300
    assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert "no sentence punctuation" in p.stderr


def test_main_called_from_python_returns(tmp_path, capsys) -> None:
    """Only the command ends the process early; main() called as a function returns."""
    from kzdiff import cli

    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("A cat sat on the mat.", encoding="utf-8")
    right.write_text("A dog sat on the mat.", encoding="utf-8")
    assert cli.main([str(left), str(right), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "kzdiff/1"
