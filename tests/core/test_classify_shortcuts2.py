"""The classifier's shortcuts of the fifth speed round give what the plain computation gives.

As in ``test_classify_shortcuts.py``: each cheaper computation (the words before a figure
skipped where there can be none, the facts of a sentence naming no date taken in order)
is checked against the plain version written out here, on texts made to hit the edge
cases (letters outside ASCII that fold into ASCII ones).
"""

from __future__ import annotations

import random

from kzdiff.core import conflicts, facts, quantities, worddiff
from kzdiff.core.model import Op
from kzdiff.core.quantities import Quantity
from kzdiff.core.worddiff import Hunk, diff_words, kept_share


def _texts(rng: random.Random, parts: list[str], n: int, longest: int = 8) -> list[str]:
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, longest))) for _ in range(n)]


# -- word diff ---------------------------------------------------------------------------
def test_the_kept_share_counts_word_characters_of_both_sides():
    hunks = [
        Hunk(Op.EQUAL, "The cat ", "the Cat "),
        Hunk(Op.DELETE, "sat", ""),
        Hunk(Op.INSERT, "", "slept!"),
    ]
    assert kept_share(hunks) == 12 / 20
    # a kept run that reads the same on both sides counts on both
    assert kept_share([*hunks, Hunk(Op.EQUAL, " on the mat", " on the mat")]) == 28 / 36
    assert kept_share([Hunk(Op.INSERT, "", "a b"), Hunk(Op.EQUAL, "c", "c")]) == 2 / 4
    assert kept_share([Hunk(Op.EQUAL, "", "")]) == 1.0
    assert kept_share([Hunk(Op.DELETE, "!!", ""), Hunk(Op.INSERT, "", "a")]) == 0.0
    assert kept_share(diff_words("a b c", "a x c")) == 4 / 6


# -- facts ---------------------------------------------------------------------------------
def _plain_words_before(sentence: str, q: Quantity) -> tuple[str | None, str | None]:
    """The words before a figure read as before the shortcut for text without letters."""
    chunk = facts._LAST_BREAK.split(sentence[max(0, q.start - 50) : q.start])[-1]
    words = chunk.split()[-4:]
    of = None
    if len(words) >= 2 and facts.fold(words[-1]) == "of":
        if facts.fold(words[-2]) not in facts.STOP_WORDS:
            of = facts.fold(words[-2].strip("\"'“”‘’"))
    for w in reversed(words):
        k = facts._class_key(w)
        if k is not None:
            return k, of
    return None, of


def test_the_words_before_a_figure_are_read_only_where_a_letter_can_be():
    rng = random.Random(3)
    parts = ["12 ", "7", " ", ", ", "(", "$", "killed ", "fine of ", "𝐤𝐢𝐥𝐥𝐞𝐝 ", "toll ", "-"]
    parts += ["Deaths: ", "the ", "“", "%", "."]
    seen = set()
    for text in _texts(rng, parts, 3000) + ["1 2 3 4 5", "𝐤𝐢𝐥𝐥𝐞𝐝 5 people"]:
        for q in quantities.quantities(text):
            got = facts._words_before(text, q)
            assert got == _plain_words_before(text, q), (text, q)
            seen.add(got[0])
    assert {None, "kill", "toll"} <= seen
    # a table of figures: no word, no class, no "of"
    table = "812 33 1907 4 55 61"
    assert [facts.referent(table, q) for q in quantities.quantities(table)] == [None] * 6
    # letters outside ASCII that fold into a class's word still name it
    text = "Those 𝐤𝐢𝐥𝐥𝐞𝐝 12 in the blast"
    (q,) = quantities.quantities(text)
    assert facts._words_before(text, q) == ("kill", None)
    assert facts.referent(text, q) == "dead"


def test_a_sentence_naming_no_date_gives_its_quantities_facts_in_order():
    text = "In 2019 five died at 10:30 and 3 hurt, a toll of 12"
    got = [(f.kind, f.text, f.about) for f, _q in facts._text_facts(text)]
    assert got == [
        ("date", "2019", ""),
        ("quantity", "five", "dead"),
        ("time", "10:30", ""),
        ("quantity", "3", "injured"),
        ("quantity", "12", "dead"),
    ]
    assert [q for _f, q in facts._text_facts(text)] == list(quantities.quantities(text))
    assert facts._text_facts("No figure here.") == ()
    # with a day named, the day takes its place in reading order
    dated = "On Sunday 5 died"
    assert [f.text for f, _q in facts._text_facts(dated)] == ["Sunday", "5"]


# -- quantities ----------------------------------------------------------------------------
def test_figures_and_numbers_in_words_come_in_reading_order():
    got = quantities.quantities("five dead, 3 hurt and two missing; 7")
    assert [q.text for q in got] == ["five", "3", "two", "7"]
    assert [q.text for q in quantities.quantities("two and 3")] == ["two", "3"]
    assert [q.text for q in quantities.quantities("3 and two")] == ["3", "two"]


def test_only_a_four_figure_number_can_be_a_year():
    dims = {t: quantities.quantities(t)[0].dim for t in ("1999", "19990", "199", "2024 homes")}
    assert dims == {"1999": "year", "19990": "count", "199": "count", "2024 homes": "count"}


# -- conflicts -----------------------------------------------------------------------------
def _plain_region_of(regions: list[tuple[int, int, int]], offset: int) -> int | None:
    return next((reg for lo, hi, reg in regions if lo <= offset < hi), None)


def test_the_region_of_an_offset_is_the_changed_run_holding_it():
    rng = random.Random(4)
    for _ in range(300):
        regions, pos = [], 0
        for reg in range(rng.randint(0, 6)):
            lo = pos + rng.randint(0, 4)
            pos = lo + rng.randint(1, 5)
            regions.append((lo, pos, reg * 2))
        for offset in range(-1, pos + 2):
            assert conflicts._region_of(regions, offset) == _plain_region_of(regions, offset)


def test_a_day_named_on_one_side_only_is_no_date_conflict():
    a, b = "The vote was held on Sunday in the capital.", "The vote was held in the capital."
    assert not [c for c in conflicts.find_conflicts(a, b, diff_words(a, b), 0.9)]
    a, b = "The vote was held on Sunday.", "The vote was held on Monday."
    got = conflicts.find_conflicts(a, b, diff_words(a, b), 0.9)
    assert [(c.type, c.left, c.right) for c in got] == [("date", "Sunday", "Monday")]
    a, b = "On Sunday and Monday it rained.", "On Monday it rained hard."
    assert not conflicts.find_conflicts(a, b, diff_words(a, b), 0.9)  # a day both name


# -- word diff -----------------------------------------------------------------------------
def test_one_differ_serves_every_pair_and_is_never_cut_short_by_the_clock():
    assert worddiff._DMP.Diff_Timeout == 0
    assert worddiff._differ() is not worddiff._DMP  # (a fresh one is made alike)
    assert worddiff._differ().Diff_Timeout == 0


# -- quantities: what follows a figure -----------------------------------------------------
def test_a_space_and_a_word_no_magnitude_or_percent_can_start_need_no_expression():
    # every ASCII character after the space, before the tails a magnitude or percent needs
    tails = ["", "illion", "housand", "er cent", "ercent", "n", "ln", "%"]
    ruled_out = 0
    for c in map(chr, range(128)):
        for tail in tails:
            text = "5 " + c + tail
            if quantities._nothing_after(text, 1):
                ruled_out += 1
                m = quantities._AFTER.match(text, 1)
                assert m.end() == 1 and not any(m.groupdict().values()), repr(text)
    # all but the 11 ASCII characters that can start a magnitude or a percent there
    assert ruled_out == 8 * (128 - 11)
    assert quantities._nothing_after("5 dollars", 1) and quantities._nothing_after("5 596", 1)
    assert not quantities._nothing_after("5 people", 1)  # (p: "per cent" is asked of it)
    for text in ("5 million", "5 Thousand", "5 per cent", "5 %", "5 bn", "5 k", "5 ‰"):
        assert not quantities._nothing_after(text, 1), text
    got = quantities.quantities("5 million people, 7 per cent, 140891 596853 dollars")
    assert [(q.text, q.dim, q.value) for q in got] == [
        ("5 million", "count", 5e6),
        ("7 per cent", "percent", 7.0),
        ("140891", "count", 140891.0),
        ("596853 dollars", "money", 596853.0),
    ]
