"""The report printed by a real browser (Debian's headless Chromium, --print-to-pdf).

The sample pair's report used to print as 7 portrait pages and 12.3 MB: every "only in the
other text" cell was hatched with a repeating gradient, which a PDF holds as thousands of
vector stripes, and the texts had about 25 characters a line. Printed, the report is now
landscape, without patterns, with the texts in wide columns.
"""

from __future__ import annotations

import json
import re

import pytest

from kzdiff import compare_files
from kzdiff.export.html import render_html

from .test_browser import browse, chromium  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

# the width a landscape Letter page leaves inside 10 mm margins, in CSS pixels
LANDSCAPE_PX = round((11 * 25.4 - 20) / 25.4 * 96)


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of each page, in points (Chromium writes page objects plainly)."""
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == len(pages) > 0
    return [(float(w), float(h)) for w, h in boxes]


def test_sample_prints_small_landscape_and_in_few_pages(chromium, sample_paths, tmp_path) -> None:  # noqa: F811
    page = tmp_path / "report.html"
    page.write_text(render_html(compare_files(*sample_paths)), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    browse(
        chromium,
        tmp_path,
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        page.as_uri(),
        check=True,
    )
    data = pdf.read_bytes()
    pages = pdf_pages(data)
    assert len(data) < 500_000, f"{len(data)} bytes"  # 12.3 MB with the hatching
    assert len(pages) <= 5, len(pages)  # 7 in portrait with narrow columns
    assert all(w > h for w, h in pages)  # landscape


PROBE = """
<script>
window.addEventListener("load", function () {
  // the first text cell shown (furniture rows are folded away, so they have no width)
  var cell = Array.from(document.querySelectorAll("tr.row td.side:not(.empty)"))
                  .find(function (c) { return c.clientWidth > 0; });
  var ruler = document.createElement("span");
  ruler.textContent = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789";
  ruler.style.whiteSpace = "nowrap";  // one line, as long as its text: the width of a char
  ruler.style.display = "inline-block";
  cell.appendChild(ruler);
  var perChar = ruler.getBoundingClientRect().width / ruler.textContent.length;
  var empty = getComputedStyle(document.querySelector("td.side.empty"));
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({chars: (cell.clientWidth - 16) / perChar,
                                    image: empty.backgroundImage});
  document.body.appendChild(pre);
});
</script>
"""


def test_printed_columns_are_wide_and_plain(chromium, sample_paths, tmp_path) -> None:  # noqa: F811
    """The print rules applied on a screen as wide as the printed page: a text column holds
    about 47 characters a line (24 before), and the one-sided cells have no pattern."""
    html = render_html(compare_files(*sample_paths))
    assert "@media print {" in html
    page = tmp_path / "as-printed.html"
    page.write_text(
        html.replace("@media print {", "@media all {").replace("</body>", PROBE + "</body>"),
        encoding="utf-8",
    )
    p = browse(
        chromium,
        tmp_path,
        f"--window-size={LANDSCAPE_PX},800",
        "--virtual-time-budget=3000",
        "--dump-dom",
        page.as_uri(),
        text=True,
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    seen = json.loads(m.group(1).replace("&quot;", '"'))
    assert seen["image"] == "none"
    assert seen["chars"] >= 40, seen  # 24 before (portrait, wide side columns), 47 now
