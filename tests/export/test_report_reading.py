"""The report as a reader goes through it, in real headless Chromium: the row numbers
run without gaps whether page furniture is folded away or shown, and the legend counts
what the window's legend counts, in the same words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kzdiff import compare_files
from kzdiff.core.model import Kind
from kzdiff.export.html import render_html
from kzdiff.palette import count_text

from .test_browser import browse, chromium  # noqa: F401  (chromium is a fixture)

pytestmark = pytest.mark.browser

PROBE = """
<script>
window.addEventListener("load", function () {
  function shown() {
    return Array.prototype.filter.call(document.querySelectorAll("table.diff tr.row"),
      function (e) { return e.offsetParent !== null && e.getBoundingClientRect().height > 0; })
      .map(function (r) {
        return {num: r.querySelector("td.num").firstChild ?
                       (r.querySelector("td.num").firstChild.nodeType === 3 ?
                        r.querySelector("td.num").firstChild.textContent.trim() : "") : "",
                furniture: r.classList.contains("k-furniture")};
      });
  }
  var out = {folded: shown(),
             legend: Array.prototype.map.call(document.querySelectorAll("ul.legend li b.count"),
               function (b) { return b.innerText; }),
             summary: document.getElementById("summary").innerText};
  document.getElementById("show-furniture").click();
  out.unfolded = shown();
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def read(chromium: str, html: str, tmp_path: Path) -> dict:  # noqa: F811
    page = tmp_path / "report.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    p = browse(
        chromium, tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.as_uri(), text=True
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_row_numbers_have_no_gaps_with_furniture_folded_or_shown(
    chromium,  # noqa: F811
    sample_paths,
    tmp_path,
) -> None:
    cmp = compare_files(*sample_paths)
    furniture = cmp.summary()["furniture"]
    assert furniture > 0  # the sample's web copy has page furniture between its rows
    seen = read(chromium, render_html(cmp), tmp_path)
    folded = [r["num"] for r in seen["folded"]]
    assert not any(r["furniture"] for r in seen["folded"])
    assert folded == [str(k) for k in range(1, len(folded) + 1)]  # 1, 2, 3… no gap
    unfolded = seen["unfolded"]
    assert sum(r["furniture"] for r in unfolded) == furniture
    # shown, furniture rows take no number, and the numbered rows are the same 1..N
    assert all(r["num"] == "" for r in unfolded if r["furniture"])
    assert [r["num"] for r in unfolded if not r["furniture"]] == folded


def test_report_legend_counts_as_the_window_does(chromium, sample_paths, tmp_path) -> None:  # noqa: F811
    cmp = compare_files(*sample_paths)
    s = cmp.summary()
    assert s["only_left"] and s["only_right"]  # both sides have sentences of their own
    seen = read(chromium, render_html(cmp), tmp_path)
    missing = f"only left: {s['only_left']} · only right: {s['only_right']}"
    assert missing in seen["legend"]
    assert count_text(Kind.MISSING, s) == missing
    assert f"furniture: {s['furniture']}" in seen["legend"]
    # the summary line says the same numbers in the same words
    assert f"{s['only_left']} only left, {s['only_right']} only right" in seen["summary"]
    assert not any("issing" in text for text in seen["legend"])
