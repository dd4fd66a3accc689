"""The report's facts table: rows, verdicts, links to the sentences, escaping; and in a
real browser, that a reader sees it above the sentences and its links lead to them."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from kzdiff import compare_texts
from kzdiff.export import html as html_export
from kzdiff.export.html import fact_rows, render_html

from .test_browser import browse, chromium  # noqa: F401  (the fixture)

LEFT = (
    "Floods killed 30 people in the north on Sunday. "
    "The army sent 400 soldiers to the <b>region</b>. "
    "A fine of $5 million was set."
)
RIGHT = (
    "Floods hit the north on Sunday. "
    "The army sent 400 soldiers to the <b>region</b>. "
    "The death toll rose to 35, officials said."
)


class FactTable(HTMLParser):
    """The facts table's rows (class and cell texts), its links, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, list[str]]] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.in_facts = False
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "table" and a.get("class") == "facts":
            self.in_facts = True
        elif self.in_facts and tag == "tr" and "fact" in (a.get("class") or ""):
            self.rows.append((a["class"], []))
        elif self.in_facts and tag == "td":
            self.cell = []
        elif self.in_facts and tag == "a":
            self.links.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_facts = False
        elif tag == "td" and self.cell is not None and self.rows:
            self.rows[-1][1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def parse(page: str) -> FactTable:
    p = FactTable()
    p.feed(page)
    return p


def test_table_rows_verdicts_and_links():
    page = render_html(compare_texts(LEFT, RIGHT))
    t = parse(page)
    assert t.rows == [
        ("fact disagree", ["dead", "30", "35", "≠ disagree"]),
        ("fact only-left", ["fine", "$5 million = USD 5000000", "—", "only left"]),
        ("fact agree", ["—", "Sunday", "Sunday", "= agree"]),
        ("fact agree", ["soldiers", "400", "400", "= agree"]),
    ]
    assert t.links == ["#l0", "#r2", "#l2", "#l0", "#r0", "#l1", "#r1"]
    # every link leads to a sentence of the report
    assert {h[1:] for h in t.links} <= t.ids
    assert "Facts: 1 disagree, 2 agree, 1 stated on one side only" in page
    # the table stands above the sentences
    assert page.index('<table class="facts">') < page.index('<table class="diff">')


def test_fact_text_is_escaped():
    left = "The fine of $5 million & more was set by <script>x()</script> <i>staff</i>."
    right = "The fine of £5 million & more was set by <script>x()</script> <i>staff</i>."
    page = render_html(compare_texts(left, right))
    section = page[page.index('<section class="facts"') : page.index("</section>")]
    assert "<script>" not in section and "<i>" not in section
    assert parse(page).rows == [
        (
            "fact disagree",
            ["fine", "$5 million = USD 5000000", "£5 million = GBP 5000000", "≠ disagree"],
        )
    ]


def test_no_facts_no_table():
    page = render_html(compare_texts("Nothing is counted here.", "Nothing is counted there."))
    assert 'class="facts"' not in page


def test_long_tables_are_cut_with_a_note(monkeypatch):
    monkeypatch.setattr(html_export, "MAX_FACT_ROWS", 2)
    cmp = compare_texts(LEFT, RIGHT)
    assert len(fact_rows(cmp)) == 4
    page = render_html(cmp)
    assert len(parse(page).rows) == 2
    assert "2 more facts (agreeing or one-sided) are in the JSON export." in page


PROBE = """
<script>
window.addEventListener("load", function () {
  var table = document.querySelector("table.facts"), diff = document.querySelector("table.diff");
  var row = document.querySelector("tr.fact.disagree");
  var out = {visible: table.getBoundingClientRect().height > 0,
             above: table.getBoundingClientRect().bottom <= diff.getBoundingClientRect().top,
             disagreeFill: getComputedStyle(row.querySelector("td")).backgroundColor,
             agreeFill: getComputedStyle(document.querySelector("tr.fact.agree td")).backgroundColor,
             text: row.innerText};
  var link = row.querySelectorAll("a")[1];
  var target = document.getElementById(link.getAttribute("href").slice(1));
  link.click();
  out.target = target.textContent;
  out.targetInView = target.getBoundingClientRect().top >= 0 &&
                     target.getBoundingClientRect().top < window.innerHeight;
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def test_reader_sees_the_table_and_its_links_lead_to_the_sentences(chromium, tmp_path):  # noqa: F811
    filler = " ".join(f"Paragraph {n} says nothing new at all." for n in range(60))
    page = render_html(compare_texts(LEFT + " " + filler, filler + " " + RIGHT))
    path = tmp_path / "facts.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    p = browse(
        chromium,
        tmp_path,
        "--window-size=1200,800",
        "--virtual-time-budget=3000",
        "--dump-dom",
        path.as_uri(),
        text=True,
    )
    m = re.search(r'<pre id="probe">(.*?)</pre>', p.stdout, re.S)
    assert m, p.stderr[-2000:]
    out = json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert out["visible"] and out["above"]
    assert out["disagreeFill"] != out["agreeFill"]  # a disagreement is marked
    assert out["text"].split("\t")[:4] == ["dead", "30", "35", "≠ disagree"]
    assert out["target"] == "The death toll rose to 35, officials said."
    assert out["targetInView"]
