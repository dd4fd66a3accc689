"""The HTML report's structure, escaping and atomic writing (no browser needed)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from kzdiff import compare_files, compare_texts
from kzdiff.export import atomic
from kzdiff.export.html import ExportError, render_html, write_html

HOSTILE_LEFT = (
    'He wrote <script>document.title="pwned"</script> in the log. '
    "The cell ended with </td></tr></table> and & &amp; \"quoted\" 'single'. "
    "A bell \x07 and an escape \x1b[31m rang."
)
HOSTILE_RIGHT = (
    'He wrote <script>document.title="pwned"</script> in the log! '
    "Then <img src=x onerror=alert(1)> appeared 3 times."
)


class Collect(HTMLParser):
    """Rows of the diff table and the sentence spans inside each side's cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.spans: dict[str, list[str]] = {"l": [], "r": []}
        self.tags: list[str] = []
        self.scripts = 0
        self._span: str | None = None
        self._depth = 0
        self._text: list[str] = []
        self.external: list[str] = []
        self.texts: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "script":
            self.scripts += 1
            if "src" in a:
                self.external.append(a["src"])
        if tag in ("link", "img", "iframe") and (a.get("href") or a.get("src")):
            self.external.append(a.get("href") or a.get("src"))
        if tag == "tr" and "row" in (a.get("class") or "").split():
            self.rows.append(a)
        if tag == "span" and a.get("class") == "s":
            self._span, self._depth, self._text = a["id"], 0, []
            self.spans[a["id"][0]].append(a["id"])
        elif self._span and tag == "span":
            self._depth += 1

    def handle_endtag(self, tag):
        if self._span and tag == "span":
            if self._depth == 0:
                self.texts[self._span] = "".join(self._text)
                self._span = None
            else:
                self._depth -= 1

    def handle_data(self, data):
        if self._span:
            self._text.append(data)


def parse(html: str) -> Collect:
    c = Collect()
    c.feed(html)
    return c


def test_one_row_per_pair_and_every_sentence_once(sample_paths) -> None:
    cmp = compare_files(*sample_paths)
    page = parse(render_html(cmp))
    real = [r for r in page.rows if "ghost" not in r["class"].split()]
    assert len(real) == len(cmp.pairs)
    for pair, row in zip(cmp.pairs, real, strict=True):
        assert f"k-{pair.kind.value}" in row["class"].split()
        assert ("moved" in row["class"].split()) == pair.moved
    assert sorted(page.spans["l"]) == sorted(f"l{s.id}" for s in cmp.left.sentences)
    assert sorted(page.spans["r"]) == sorted(f"r{s.id}" for s in cmp.right.sentences)
    for s in cmp.left.sentences:
        assert page.texts[f"l{s.id}"] == s.text
    ghosts = [r for r in page.rows if "ghost" in r["class"].split()]
    assert len(ghosts) == sum(p.moved for p in cmp.pairs)


def test_conflict_reason_and_highlight_are_on_the_page(sample_paths) -> None:
    html = render_html(compare_files(*sample_paths))
    assert "qualifier added: sawn-off" in html
    assert '<mark class="c">sawn-off shotguns</mark>' in html
    assert "left.txt" in html and "utf-8" in html and "KB" in html


def test_self_contained() -> None:
    html = render_html(compare_texts("One. Two.", "One. Three."))
    page = parse(html)
    assert page.external == []
    assert '<meta charset="utf-8">' in html
    assert "http://" not in html and "https://" not in html
    assert "@media print" in html and "prefers-color-scheme: dark" in html


def test_hostile_text_is_escaped() -> None:
    html = render_html(compare_texts(HOSTILE_LEFT, HOSTILE_RIGHT))
    page = parse(html)
    assert page.scripts == 1  # only the report's own navigation script
    assert "img" not in page.tags
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;" in html
    assert "&amp; &amp;amp;" in html
    assert "\x07" not in html and "\x1b" not in html
    assert "\u2407" in html and "\u241b" in html  # shown as control pictures
    # the text a reader sees is the file's text, character for character (controls aside)
    texts = " ".join(page.texts[k] for k in sorted(page.texts) if k.startswith("l"))
    assert '<script>document.title="pwned"</script>' in texts


def test_empty_comparison_has_an_empty_state() -> None:
    html = render_html(compare_texts("", ""))
    assert "nothing to compare" in html
    assert parse(html).rows == []


def test_write_refuses_to_overwrite_unless_asked(tmp_path) -> None:
    cmp = compare_texts("A cat sat.", "A dog sat.")
    out = tmp_path / "r.html"
    write_html(cmp, out)
    first = out.read_bytes()
    out.write_text("precious", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_html(cmp, out)
    assert out.read_text(encoding="utf-8") == "precious"
    write_html(cmp, out, overwrite=True)
    assert out.read_bytes() == first
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_write_errors_are_clear_and_leave_nothing(tmp_path, monkeypatch) -> None:
    cmp = compare_texts("A cat sat.", "A dog sat.")
    with pytest.raises(ExportError, match="is a folder"):
        write_html(cmp, tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        write_html(cmp, tmp_path / "no" / "r.html")

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        write_html(cmp, tmp_path / "r.html")
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder(unprivileged) -> None:
    ro = unprivileged.folder / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    cmp = compare_texts("A.", "B.")
    try:
        with unprivileged(), pytest.raises(ExportError, match="permission denied"):
            write_html(cmp, ro / "r.html")
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def test_moved_pair_links_both_ways() -> None:
    left = (
        "The storm hit the coast on Friday. Thousands lost power across the region. "
        "Schools will stay closed until Wednesday. The mayor urged residents to stay home."
    )
    right = (
        "Schools will stay closed until Wednesday. The storm hit the coast on Friday. "
        "Thousands lost power across the region. The mayor urged residents to stay home."
    )
    cmp = compare_texts(left, right)
    assert any(p.moved for p in cmp.pairs)
    html = render_html(cmp)
    page = parse(html)
    ghost = next(r for r in page.rows if "ghost" in r["class"].split())
    moved = next(r for r in page.rows if "moved" in r["class"].split())
    assert f'href="#{moved["id"]}"' in html and f'href="#{ghost["id"]}"' in html
    # the placeholder sits where the right text has the sentence: before the storm row
    ids = [r["id"] for r in page.rows]
    assert ids.index(ghost["id"]) == 0


def test_written_file_path_is_returned(tmp_path) -> None:
    p = write_html(compare_texts("A.", "B."), tmp_path / "x.html")
    assert isinstance(p, Path) and p.exists()


def test_unwritable_folder_is_a_clear_message(tmp_path, monkeypatch) -> None:
    """The read-only case as the OS reports it (root ignores permission bits, so the
    refusal is simulated where it happens: creating the temporary file)."""

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="cannot write here \\(permission denied\\)"):
        write_html(compare_texts("A.", "B."), tmp_path / "r.html")
    assert list(tmp_path.iterdir()) == []


def overlap_comparison():
    from ..core.test_overlap import VERDICT_A, VERDICT_B

    return compare_texts(" ".join(VERDICT_A), " ".join(VERDICT_B))


def test_an_overlap_row_says_it_shares_a_fact_and_marks_the_shared_words() -> None:
    cmp = overlap_comparison()
    html = render_html(cmp)
    page = parse(html)
    real = [r for r in page.rows if "ghost" not in r["class"].split()]
    for pair, row in zip(cmp.pairs, real, strict=True):
        assert ("overlap" in row["class"].split()) == (pair.relation == "overlap")
    assert sum("overlap" in r["class"].split() for r in real) == 2
    rows = html.split('<tr id="row-')
    sentence = next(r for r in rows if 'id="l1"' in r)  # "... Aivar Kask to 12 years in prison"
    assert "shares a fact" in sentence
    assert '<mark class="shared">Kask</mark>' in sentence
    assert '<mark class="shared">prison</mark>' in sentence
    assert "<del>" not in sentence and "<ins>" not in sentence  # no full word diff
    assert '<mark class="shared">in</mark>' not in sentence  # function words are not a fact
    repay = next(r for r in rows if 'id="l2"' in r)
    assert '<mark class="c">30 million euros</mark>' in repay
    assert '<mark class="c">35 million euros</mark>' in repay
    assert "number: 30 million euros vs 35 million euros" in repay
    # a paraphrase of the same content keeps its full word diff and no overlap note
    plain = render_html(compare_texts(" ".join(VERDICT_A_EDITED), " ".join(VERDICT_A_ORIG)))
    assert "shares a fact" not in plain.split("</ul>", 1)[1]
    assert "<del>" in plain or "<ins>" in plain


VERDICT_A_ORIG = [
    "A court in Tallinn on Friday sentenced former transport minister Aivar Kask to 12 years.",
    "The scandal brought down the coalition government last year.",
    "His lawyer said the ruling would be appealed.",
]
VERDICT_A_EDITED = [
    "A court in Tallinn on Friday sentenced ex-transport minister Aivar Kask to 12 years.",
    "The scandal brought down the coalition government last year.",
    "His lawyer said the ruling would be appealed.",
]


def test_hostile_file_names_are_shown_escaped(tmp_path) -> None:
    evil = tmp_path / "a\x1b]0;HACKED\x07\n<b>x<i>.txt"
    evil.write_text("The storm hit the coast.", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("The storm hit the coast on Friday.", encoding="utf-8")
    html = render_html(compare_files(evil, other))
    assert "\x1b" not in html and "\x07" not in html and "<b>x<i>" not in html
    assert "a\\x1b]0;HACKED\\x07\\n&lt;b&gt;x&lt;i&gt;.txt" in html


def test_a_guessed_encoding_says_so_in_the_report(tmp_path) -> None:
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Президент подписал указ в понедельник. Цены выросли.".encode("cp1251"))
    html = render_html(compare_files(ru, ru))
    assert "cp1251 (guessed)" in html


def test_a_cross_link_row_shows_its_shared_sentence_as_a_copy_and_points_to_its_row() -> None:
    from ..core.test_fact_links import CROSS_LEFT, CROSS_RIGHT

    cmp = compare_texts(CROSS_LEFT, CROSS_RIGHT)
    html = render_html(cmp)
    page = parse(html)
    # every sentence has one id on the page, as without cross links
    assert sorted(page.spans["l"]) == sorted(f"l{s.id}" for s in cmp.left.sentences)
    assert sorted(page.spans["r"]) == sorted(f"r{s.id}" for s in cmp.right.sentences)
    real = [r for r in page.rows if "ghost" not in r["class"].split()]
    assert len(real) == len(cmp.pairs)
    rows = html.split('<tr id="row-')
    (link,) = [r for r in rows if 'id="r2"' in r]
    assert link.startswith('4"')
    assert '<span class="s copy">' in link  # the left sentence, again, without its id
    assert 'href="#row-2"' in link
    assert "the left sentence is also in row 2: linked here by a figure both texts give" in link
    assert "number: 9,000 vs 14,300" in link
    (own,) = [r for r in rows if 'id="l1"' in r]
    assert own.startswith('2"') and "also in row" not in own
