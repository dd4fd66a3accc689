"""The classifier's shortcuts give what the plain computation gives.

The speed work of issues #12 and #15 on the classification half (conflicts, word diff,
quantities, facts) replaced straightforward computations with cheaper ones that must
agree with them: tests on a whole sentence that rule a costly expression out, per-text
readings kept for the comparison, loops narrowed to the places that can matter. Each is
checked here against the plain version, written out in the test, on texts made to hit
the edge cases (case folding, letters outside ASCII, words glued to figures).
"""

from __future__ import annotations

import random
import re

from kzdiff.core import conflicts, facts, quantities, worddiff
from kzdiff.core.compare import _same_words, compare_texts
from kzdiff.core.memo import per_text
from kzdiff.core.quantities import (
    INVISIBLE,
    WORD_CHARS,
    WORD_CHARS_LOWER,
    Quantity,
    ascii_words,
    same_quantities,
)
from kzdiff.core.text import WORD_RE, fold, key, tokenize
from kzdiff.core.worddiff import diff_words


def _texts(rng: random.Random, parts: list[str], n: int, longest: int = 6) -> list[str]:
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, longest))) for _ in range(n)]


# -- quantities ----------------------------------------------------------------------------
def test_ascii_words_are_the_runs_a_word_boundary_delimits():
    assert ascii_words("Don't stop_5 x-y, ok?") == [b"Don", b"t", b"stop_5", b"x", b"y", b"ok"]
    assert ascii_words("Seven SIX", WORD_CHARS_LOWER) == [b"seven", b"six"]
    assert ascii_words("  ") == []
    assert ascii_words("café") is None  # not ASCII: the caller asks the expression
    assert WORD_CHARS[ord("_")] == ord("_") and WORD_CHARS[ord("-")] == ord(" ")


def test_the_number_word_test_agrees_with_the_expression():
    parts = ["one", "Two", "SEVEN", "ty", "s", "ix", "half", "dozens", "_", "x", "3", " ", "-"]
    parts += [".", "'", "\n", "twenty", "ſ", "é"]
    texts = _texts(random.Random(3), parts, 20_000)
    texts += ["They saw ſix boats", "seventy", "sevens", "one's", "x1one", "no figure here"]
    held = 0
    for t in texts:
        plain = quantities._NUMBER_WORD.search(t) is not None
        may = quantities._may_hold_number_word(t)
        if t.isascii():
            assert may == plain, t
        else:
            assert may, t  # the expression decides
        held += plain
    assert 0 < held < len(texts)
    # "ſix" is "six" to the expression's case folding, not to lower(): still read
    assert [q.value for q in quantities.quantities("They saw ſix boats")] == [6.0]
    assert quantities.quantities("They saw the sixth boat") == ()


def _plain_bounded(text: str, q: Quantity) -> Quantity:
    """_bounded as it was: the expression asked after every word."""
    lo, j = max(0, q.start - 24), q.start - 1
    while j >= lo and text[j].isspace():
        j -= 1
    if j < lo or j == q.start - 1 or not text[j].isalpha():
        return q
    m = quantities._BOUND.search(text, lo, q.start)
    if m is None or q.dim in ("year", "time", "score", "ref", "vague"):
        return q
    return q._replace(bound=m.lastgroup or "")


def test_bounds_are_found_as_the_expression_finds_them():
    parts = ["more than ", "over ", "Over  ", "up to ", "close to ", "ſome ", "some ", "x"]
    parts += ["xover ", "5over ", "hangover ", "é", "about\t", "(about ", "NEARLY ", "the "]
    parts += ["approximately ", "of ", "in excess of ", "under", " ", "fewer than\n"]
    parts += ["upwardſ of ", "UPWARDS OF ", "more  than ", "budget of "]
    rng = random.Random(5)
    found = set()
    for pre in _texts(rng, parts, 20_000, 4):
        for dim in ("count", "year", "money"):
            q = Quantity("1,800", len(pre), len(pre) + 5, dim, 1800.0)
            text = pre + "1,800 people"
            got = quantities._bounded(text, q)
            assert got == _plain_bounded(text, q), text
            found.add(got.bound)
    assert found == {"", "min", "max", "about"}
    assert quantities.quantities("ſome 2,000 people")[0].bound == "about"
    assert quantities.quantities("a hangover 2,000 people")[0].bound == ""


def test_what_follows_a_figure_is_ruled_out_only_where_the_expression_finds_nothing():
    parts = [" ", "\n", "\t", "-", "–", ":", "(", ")", "%", "‰", "t", "m", "b", "k", "p", "T"]
    parts += ["M", "B", "K", "P", "x", "d", "5", "a", "\u212a", "é", "per", "cent", "bn", "a)"]
    ruled_out = 0
    for tail in _texts(random.Random(29), parts, 30_000, 5):
        text = "5" + tail
        if quantities._nothing_after(text, 1):
            ruled_out += 1
            m = quantities._AFTER.match(text, 1)
            assert m.end() == 1 and not any(m.groupdict().values()), text
    assert 5000 < ruled_out < 25_000
    # the kelvin sign is "k" to the expression: "5\u212a" is five thousand
    assert not quantities._nothing_after("5 \u212a", 1)
    assert [q.value for q in quantities.quantities("5k people, 5 people, 5 km")] == [
        5000.0,
        5.0,
        5000.0,
    ]


def test_the_currency_test_agrees_with_the_expression():
    parts = ["u", "s", "d", "U", "S", "D", "$", " ", "\n", "g", "b", "p", "e", "r", "R", "£", "ſ"]
    for before in _texts(random.Random(9), parts, 20_000, 4):
        plain = quantities._CUR_BEFORE.search(before) is not None
        ruled_out = before.isascii() and quantities._CUR_LAST.isdisjoint(before)
        assert not (ruled_out and plain), before
    money = quantities.quantities("US$5 million and usd 7 and GBP 3")
    assert [(q.currency, q.value) for q in money] == [("USD", 5e6), ("USD", 7.0), ("GBP", 3.0)]


def test_figures_read_in_full_past_the_shortcuts():
    # an invisible character inside a figure is still dropped; a year and a time take no
    # bound whatever word stands before them; a dotted time needs its dot
    found = quantities.quantities("some 1\u200b000 people in about 2020 at 10.30 a.m. or 1030")
    assert [(q.dim, q.value, q.bound) for q in found] == [
        ("count", 1000.0, "about"),
        ("year", 2020.0, ""),
        ("time", (10.0, 30.0), ""),
        ("count", 1030.0, ""),
    ]


def test_a_quantity_is_an_immutable_named_tuple_of_its_fields():
    q = quantities.quantities("nearly 2,000 people")[0]
    assert q == Quantity("2,000", 7, 12, "count", 2000.0, "", "", "about")
    assert q._fields[-1] == "bound" and q.normal() == "2000"
    try:
        q.value = 3.0  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a quantity can be changed")


# -- facts ---------------------------------------------------------------------------------
def test_the_date_name_test_agrees_with_the_expression():
    parts = ["Monday", "monday", "May", "may", "Mayday", "June", "_", "5", " ", "'s", "é", "."]
    texts = _texts(random.Random(11), parts, 10_000)
    for t in texts:
        assert facts._has_date_name(t) == (facts._DATE_HINT.search(t) is not None), t
    assert facts._has_date_name("Le 3 Mai, Lundi déjà") is False
    assert facts._has_date_name("déjà Monday") is True


def test_dates_are_read_off_the_words_as_off_the_tokens():
    # "Monday's" is one word, no weekday (as a token it was too); "may" is no month
    text = "On Monday's vote, 3 May and July 14 came; may 5 did not, nor 12 June. Sunday"
    found = [(f.kind, f.text, f.value) for f, q in facts._text_facts(text)]
    assert found == [
        ("date", "3 May", "May 3"),
        ("date", "July 14", "July 14"),
        ("quantity", "5", "5"),
        ("date", "12 June", "June 12"),
        ("date", "Sunday", "Sunday"),
    ]
    words = WORD_RE.findall("until 3 May")
    starts = [m.start() for m in WORD_RE.finditer("until 3 May")]
    assert facts._month_value(words, starts, 2) == ("May 3", (6, 11), 6)


def _plain_class_key(word: str) -> str | None:
    k = key(word.strip("\"'“”‘’"))
    return k if k in facts._CLASS_OF else None


def test_a_word_names_a_class_exactly_when_its_key_does():
    words = [w for names in facts.REFERENT_CLASSES.values() for w in names.split()]
    forms = [w + end for w in words for end in ("", "s", "ed", "ing", "'s", "ings", "ly")]
    forms += [f.capitalize() for f in forms] + [f"'{f}" for f in forms] + [f'"{f}"' for f in forms]
    rng = random.Random(13)
    letters = "abcdefghijklmnopqrstuvwxyz'"
    forms += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 10))) for _ in range(5000)]
    named = 0
    for w in forms:
        assert facts._class_key(w) == _plain_class_key(w), w
        named += facts._class_key(w) is not None
    assert named > len(words)
    assert facts._class_key("dying") == key("die")  # the stemmer's own form: "dy" -> "die"
    assert facts._class_key("budget") is None


# -- conflicts -----------------------------------------------------------------------------
SENTENCES = [
    "On Monday the U.N. said Dr John F. Smith was not arrested in May.",
    "The Paris-based firm did not deny the uncommon report on Friday, May 3.",
    "Officials declined to comment; the 1st Armored Division and the FBI were there.",
    "It was not only legal but also approved by Mayor Jones on march 3.",
    "the council rejected the plan, rather than accept it, on sunday night.",
    "Nobody knew about the inactive illegal vessels the Liberian-flagged tanker held.",
]


def _plain_time_words(tokens) -> tuple[list[int], list[int]]:
    return (
        conflicts._time_words(tokens, conflicts.WEEKDAYS),
        conflicts._time_words(tokens, conflicts.MONTHS | {"may"}),
    )


def _plain_name_tokens(tokens, acronyms) -> list[tuple[int, bool]]:
    out = []
    for n, t in enumerate(tokens):
        if t.name and len(t.text) == 1 and t.text.isupper() and n not in acronyms:
            out.append((n, True))
        elif n in acronyms or (conflicts._is_name(t) and not conflicts._ordinal_suffix(tokens, n)):
            out.append((n, False))
    return out


def _plain_negating_words(tokens, text):
    out = []
    for n, t in enumerate(tokens):
        f = fold(t.text)
        if (
            (conflicts._is_explicit_negation(t.text) or conflicts._says_not(f))
            and not conflicts._is_number_sign(tokens, n)
            and not conflicts._is_not_only(tokens, n)
        ):
            out.append((n, f, *conflicts._scope(tokens, n, text)))
    return out


def _mixed(rng: random.Random) -> str:
    words = " ".join(SENTENCES).split()
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))


def test_what_the_checks_read_off_a_text_is_what_the_token_loops_read():
    rng = random.Random(17)
    texts = SENTENCES + [_mixed(rng) for _ in range(800)]
    seen_days = seen_names = seen_negations = 0
    for text in texts:
        tokens = tokenize(text)
        reading = conflicts._reading(text)
        days = _plain_time_words(tokens)
        assert [list(x) for x in reading.days] == list(days), text
        acronyms, names = reading.names
        assert acronyms == conflicts._acronym_runs(tokens)
        assert list(names) == _plain_name_tokens(tokens, acronyms), text
        assert list(reading.negating) == _plain_negating_words(tokens, text), text
        seen_days += bool(days[0] or days[1])
        seen_names += bool(names)
        seen_negations += bool(reading.negating)
    assert min(seen_days, seen_names, seen_negations) > 50


def _plain_prefix_negation(lt, rt, regions_l, regions_r):
    for tokens, other, regs, oregs, flip in (
        (lt, rt, regions_l, regions_r, False),
        (rt, lt, regions_r, regions_l, True),
    ):
        for t in tokens:
            bare = conflicts.unprefixed(t.text)
            reg = conflicts._region_of(regs, t.start) if bare else None
            if (
                reg is None
                or conflicts._region_size(tokens, regs, reg) > conflicts.MAX_PREFIX_REGION
                or conflicts._region_size(other, oregs, reg) > conflicts.MAX_PREFIX_REGION
            ):
                continue
            for u in other:
                if u.key == bare and conflicts._region_of(oregs, u.start) == reg:
                    a, b = (u.text, t.text) if flip else (t.text, u.text)
                    return [conflicts.ConflictSpan("negation", a, b)]
    return []


def test_a_prefixed_negation_is_looked_for_in_the_replaced_places_as_everywhere():
    words = "it is uncommon common inactive active illegal legal so quite not the rule".split()
    rng = random.Random(19)
    found = 0
    for _ in range(3000):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        b = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        lt, rt = tokenize(a), tokenize(b)
        regions_l, regions_r = conflicts._regions(diff_words(a, b))
        got = conflicts._prefix_negation(lt, rt, regions_l, regions_r)
        assert got == _plain_prefix_negation(lt, rt, regions_l, regions_r), (a, b)
        found += bool(got)
    assert found > 20


def test_texts_ruled_out_whole_still_find_their_conflicts():
    # no antonym word on the left, no hyphen on one side, no name on one side: nothing;
    # each present: found as before the tests on the whole text
    assert conflicts.find_conflicts(
        "Prices rose.", "Prices fell.", diff_words("Prices rose.", "Prices fell."), 0.9
    )
    # compounds far apart, which only the compound check pairs
    pair = (
        "The Paris-based firm said profits rose sharply this year.",
        "Profits rose sharply this year, the Lyon-based firm said.",
    )
    found = conflicts.find_conflicts(*pair, diff_words(*pair), 0.5)
    assert [(c.type, c.left, c.right) for c in found] == [("name", "Paris-based", "Lyon-based")]
    pair = ("Mr Smith met Mr Jones.", "Mr Brown met Mr Jones.")
    found = conflicts.find_conflicts(*pair, diff_words(*pair), 0.9)
    assert [(c.type, c.left, c.right) for c in found] == [("name", "Smith", "Brown")]
    pair = ("the mayor met them.", "Mr Brown met them.")
    assert not [
        c for c in conflicts.find_conflicts(*pair, diff_words(*pair), 0.9) if c.type == "name"
    ]


def test_the_checks_read_a_text_once_in_a_comparison(monkeypatch):
    counts: dict[str, int] = {}
    real = conflicts._reading.__wrapped__

    def spy(text: str):
        counts[text] = counts.get(text, 0) + 1
        return real(text)

    monkeypatch.setattr(conflicts, "_reading", per_text(maxsize=1)(spy))
    left = "Officials did not confirm the report on Monday. The storm killed 12 people."
    right = "Officials did not deny the report on Tuesday. The storm killed 15 people."
    cmp = compare_texts(left, right)
    assert any(p.conflicts for p in cmp.pairs)
    assert counts and max(counts.values()) == 1, counts


# -- word diff and the same-words test -----------------------------------------------------
def test_each_normal_form_gets_the_next_character_in_order_of_first_use():
    forms = [worddiff._norm_token(t) for t in ("The", " ", "cat", "  ")]
    a, b = worddiff._encode(forms, [worddiff._norm_token(t) for t in ("the", "\t", "dog", "cow")])
    assert a == "\u0100\u0101\u0102\u0101" and b == "\u0100\u0101\u0103\u0104"
    forms = [str(n) for n in range(0xD800 - 0x100 + 2)]  # past the surrogate range
    a, _ = worddiff._encode(forms, [])
    assert a[0xD800 - 0x100 - 1] == "\ud7ff" and a[0xD800 - 0x100] == "\ue000"
    assert worddiff._norm_token("“Don’t”") == '"don\'t"' and worddiff._norm_token("\n\n") == " "


def _plain_same_words(a: str, b: str) -> bool:
    a, b = (re.sub(r"(\d)\s+%", r"\1%", INVISIBLE.sub("", x)) for x in (a, b))
    if a.rstrip().endswith("?") != b.rstrip().endswith("?"):
        return False
    words = [fold(w) for w in WORD_RE.findall(a)] == [fold(w) for w in WORD_RE.findall(b)]
    return words and same_quantities(a, b)


def test_the_same_words_test_agrees_with_folding_every_word():
    parts = ["Run", "run", "runs", " ", ", ", ".", "?", "“a”", '"a"', "5 %", "5%", "\u200b"]
    parts += ["1,200", "1200", "x5", "5x", "Café", "cafe", "$5", "£5", "-"]
    rng = random.Random(23)
    same = 0
    for _ in range(20_000):
        a = "".join(rng.choice(parts) for _ in range(rng.randint(0, 5)))
        b = "".join(rng.choice(parts) for _ in range(rng.randint(0, 5)))
        assert bool(_same_words(a, b)) == bool(_plain_same_words(a, b)), (a, b)
        same += bool(_plain_same_words(a, b))
    assert same > 500
    assert _same_words('He said: "yes".', "he said yes")
    assert not _same_words("runs fast", "run fast")  # one key, two words


def test_a_pair_of_two_sentences_a_side_matches_the_facts_of_both():
    """The facts of a pair's sentences, one or two a side, are matched within the pair; the
    same figures said again elsewhere keep the matching across the texts from doing it."""
    from kzdiff.core.model import Kind, Pair, Sentence

    def sentences(texts: list[str]) -> list[Sentence]:
        return [Sentence(n, 0, len(t), t, n) for n, t in enumerate(texts)]

    left = sentences(
        ["The ministry counted 12 boats and 30 nets.", "Others saw 12 boats, 30 nets."]
    )
    right = sentences(
        [
            "The ministry counted 12 boats.",
            "It counted 30 nets.",
            "Others saw 12 boats, 30 nets.",
            "Later 12 boats and 30 nets left.",  # said only on the right
        ]
    )
    pairs = [
        Pair((0,), (0, 1), Kind.PARAPHRASE),
        Pair((1,), (2,), Kind.IDENTICAL),
        Pair((), (3,), Kind.MISSING),
    ]
    table = facts.fact_table(left, right, pairs)
    linked = {
        (f.sentences[0], f.text, table[f.counterpart].sentences[0])
        for f in table
        if f.side == "left" and f.counterpart is not None
    }
    assert linked == {(0, "12", 0), (0, "30", 1), (1, "12", 2), (1, "30", 2)}


def test_facts_filed_before_the_pairs_are_known_are_filed_again_for_a_pairs_names():
    # the comparison files each sentence's facts while a helper classifies (stated_facts);
    # a pair's names are facts of their own ("Almaty" / "Astana"), so then the table files
    # them again, and lists the same facts as when it files them itself
    left = "The court in Almaty sentenced Karim Massimov to 18 years. He was prime minister."
    right = "The court in Astana sentenced Karim Massimov to 18 years. He was prime minister."
    c = compare_texts(left, right)
    ls, rs = c.left.sentences, c.right.sentences
    for pairs in (c.pairs, [p for p in c.pairs if not p.conflicts]):
        early = facts.stated_facts(ls, rs)
        assert facts.fact_table(ls, rs, pairs, None, early) == facts.fact_table(ls, rs, pairs)
    names = [(f.side, f.text) for f in facts.fact_table(ls, rs, c.pairs, None, early)]
    assert ("left", "Almaty") in names and ("right", "Astana") in names
