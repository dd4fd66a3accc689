"""The report in a real browser (Debian's headless Chromium): what a reader sees.

A probe script is appended to a copy of the report; Chromium loads it, the probe clicks
the filter and measures which rows are visible, and ``--dump-dom`` hands the result back.
A screenshot checks that the colours a reader relies on are actually painted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kzdiff import compare_files, compare_texts
from kzdiff.export.html import render_html

from .test_html import HOSTILE_LEFT, HOSTILE_RIGHT

pytestmark = pytest.mark.browser

CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def browse(chromium: str, tmp_path: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        **kw,
    )


@pytest.fixture(scope="module")
def chromium() -> str:
    if not CHROMIUM:
        if os.environ.get("KZDIFF_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed but KZDIFF_REQUIRE_BROWSER is set")
        pytest.skip("chromium is not installed")
    return CHROMIUM


PROBE = """
<script>
window.addEventListener("load", function () {
  function visible(sel) {
    return Array.prototype.filter.call(document.querySelectorAll(sel),
      function (e) { return e.offsetParent !== null && e.getBoundingClientRect().height > 0; }).length;
  }
  var out = {title: document.title, all: visible("tr.row"),
             conflictColour: getComputedStyle(document.querySelector("mark.c") || document.body).backgroundColor,
             text: document.querySelector("table.diff").innerText};
  document.getElementById("show-conflicts").click();
  out.conflicts = visible("tr.row");
  document.getElementById("show-changes").click();
  out.changes = visible("tr.row");
  out.furnitureShown = visible("tr.k-furniture");
  document.getElementById("show-all").click();
  var toggle = document.getElementById("show-furniture");
  if (toggle) { toggle.click(); }
  out.allWithFurniture = visible("tr.row");
  out.furnitureAfterToggle = visible("tr.k-furniture");
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def dump(chromium: str, html: str, tmp_path: Path) -> dict:
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    p = browse(
        chromium, tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri(), text=True
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    raw = (
        m.group(1)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )
    return json.loads(raw)


def test_filters_show_what_they_say(chromium, sample_paths, tmp_path) -> None:
    cmp = compare_files(*sample_paths)
    seen = dump(chromium, render_html(cmp), tmp_path)
    ghosts = sum(p.moved for p in cmp.pairs)
    furniture = cmp.summary()["furniture"]
    assert furniture > 0
    # page furniture is folded away until its toggle (a checkbox: no JavaScript) is on
    assert seen["all"] == len(cmp.pairs) - furniture + ghosts
    assert seen["furnitureShown"] == 0
    assert seen["allWithFurniture"] == len(cmp.pairs) + ghosts
    assert seen["furnitureAfterToggle"] == furniture
    assert seen["conflicts"] == cmp.summary()["conflict"] == 1
    assert seen["changes"] == len(cmp.changes())
    assert "sawn-off shotguns" in seen["text"]
    assert seen["conflictColour"] == "rgb(240, 228, 66)"  # Okabe–Ito yellow behind the words


def test_hostile_text_shows_as_text_and_runs_nothing(chromium, tmp_path) -> None:
    seen = dump(chromium, render_html(compare_texts(HOSTILE_LEFT, HOSTILE_RIGHT)), tmp_path)
    assert seen["title"].startswith("kzdiff:") and "pwned" not in seen["title"]
    assert '<script>document.title="pwned"</script>' in seen["text"]
    assert "</td></tr></table>" in seen["text"]
    assert "<img src=x onerror=alert(1)>" in seen["text"]


def test_screenshot_paints_the_kinds(chromium, sample_paths, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    page = tmp_path / "report.html"
    page.write_text(render_html(compare_files(*sample_paths)), encoding="utf-8")
    shot = tmp_path / "shot.png"
    browse(
        chromium,
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=1400,1000",
        page.as_uri(),
        check=True,
    )
    img = QImage(str(shot))
    assert img.width() == 1400 and img.height() == 1000
    colours = {QColor(img.pixel(x, y)).name() for x in range(0, 1400, 4) for y in range(0, 1000, 4)}
    assert "#dcebf7" in colours  # paraphrase rows
    assert "#f6e1ee" in colours  # missing rows
    assert "#ffffff" in colours  # light background


OVERLAP_PROBE = """
<script>
window.addEventListener("load", function () {
  function edge(sel) {
    var td = document.querySelector(sel + " td.side");
    return td ? getComputedStyle(td).borderLeftWidth : null;
  }
  var shared = document.querySelector("mark.shared");
  var out = {overlap: edge("tr.overlap.k-paraphrase"), paraphrase: edge("tr.k-paraphrase:not(.overlap)"),
             sharedLine: shared ? getComputedStyle(shared).borderBottomStyle : null,
             note: (document.querySelector("tr.overlap td.why") || document.body).innerText};
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def test_an_overlap_is_drawn_thinner_than_a_paraphrase(chromium, tmp_path) -> None:
    from ..core.test_overlap import VERDICT_A, VERDICT_B

    left = [*VERDICT_A, "Kask's party has since been renamed twice."]
    right = [*VERDICT_B, "Kask's party has since been renamed two times."]
    html = render_html(compare_texts(" ".join(left), " ".join(right)))
    page = tmp_path / "overlap.html"
    page.write_text(html.replace("</body>", OVERLAP_PROBE + "</body>"), encoding="utf-8")
    p = browse(
        chromium, tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri(), text=True
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    seen = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert seen["overlap"] == "2px" and seen["paraphrase"] == "5px"
    assert seen["sharedLine"] == "dotted"
    assert "shares a fact" in seen["note"]


CROSS_PROBE = """
<script>
window.addEventListener("load", function () {
  var note = document.querySelector("a.note.also");
  var row = note.closest("tr");
  var out = {note: note.innerText, noteShown: note.getBoundingClientRect().height > 0,
             copy: row.querySelector("span.s.copy").innerText,
             copies: document.querySelectorAll("span.s.copy").length};
  note.click();
  var target = document.getElementById(location.hash.slice(1));
  var box = target.getBoundingClientRect();
  out.hash = location.hash;
  out.targetInView = box.top > -2 && box.top < window.innerHeight;  // (sub-pixel scroll)
  out.targetLeft = target.querySelector("span.s").innerText;
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def test_a_cross_link_row_names_its_shared_sentence_row_and_goes_there(chromium, tmp_path):
    from ..core.test_fact_links import CROSS_LEFT, CROSS_RIGHT

    filler = " ".join(f"Officials met again on day {n} of the search." for n in range(40))
    cmp = compare_texts(CROSS_LEFT + "\n\n" + filler, CROSS_RIGHT)
    page = tmp_path / "cross.html"
    page.write_text(render_html(cmp).replace("</body>", CROSS_PROBE + "</body>"), encoding="utf-8")
    p = browse(
        chromium,
        tmp_path,
        "--window-size=1200,500",
        "--virtual-time-budget=3000",
        "--dump-dom",
        page.as_uri(),
        text=True,
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    seen = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    shared = cmp.left.sentences[1].text
    assert seen["noteShown"] and "also in row 2" in seen["note"]
    assert seen["copy"] == shared and seen["copies"] == 1
    assert seen["hash"] == "#row-2" and seen["targetInView"]
    assert seen["targetLeft"] == shared
