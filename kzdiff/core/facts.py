"""The facts table: the quantities and dates each text states, what they refer to, and
whether the other text states the same.

A fact-checker reads this first: "3 dead" on the left against "22 dead" on the right,
wherever the two sentences are. Facts are matched within aligned pairs first (by the
conflicts found there, then by equal values, then by what they refer to), then across
the whole texts when what they refer to is specific and said once on each side ("killed
30" against "the toll rose to 35" in a sentence the other text does not have).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from operator import methodcaller
from typing import NamedTuple

from .model import Fact, Kind, Pair, Sentence
from .quantities import Quantity, agree, ascii_words, comparable, quantities, within_bound
from .text import STOP_WORDS, WORD_RE, fold, key

#: What a number counts, when the words around it say so; one name per class, so that
#: "three deaths", "killing 22 people" and "the toll rose to 35" all count the dead.
REFERENT_CLASSES = {
    "dead": "kill killed killing kills death deaths dead die died dying fatalities toll "
    "lives bodies perished",
    "injured": "injure injured injuring injury injuries wounded wounding hurt",
    "missing": "missing",
    "arrested": "arrest arrested arresting arrests detained detain detention",
    "evacuated": "evacuate evacuated evacuation evacuees",
    "homeless": "homeless displaced",
    "passengers": "passenger passengers aboard",
}
_CLASS_OF = {key(w): name for name, words in REFERENT_CLASSES.items() for w in words.split()}
#: Nouns news copy uses for one thing ("12,000 homes" / "22,550 houses", "400 troops" /
#: "400 soldiers"): a number before any of a group counts that group's thing.
SYNONYM_NOUNS = {
    "houses": "home homes house houses dwelling dwellings",
    "soldiers": "soldier soldiers troop troops",
    "children": "child children kid kids",
    "ships": "ship ships vessel vessels",
}
_SYNONYM_OF = {key(w): name for name, words in SYNONYM_NOUNS.items() for w in words.split()}
#: what a fact may be about for the table to match it across the texts
_CLASSES = frozenset(REFERENT_CLASSES) | frozenset(SYNONYM_NOUNS)
#: Head nouns that say nothing of what is counted ("22 people"): look at the verb instead.
GENERIC = frozenset(key(w) for w in "people persons others times percent cent".split())
_BREAK = re.compile(r"[,;:()\[\]—–.!?]")
#: The names that make a sentence worth reading for dates (case as written).
DATE_NAMES = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December"
).split()
_DATE_HINT = re.compile(r"\b(?:" + "|".join(DATE_NAMES) + r")\b")
_DATE_NAME_BYTES = frozenset(w.encode("ascii") for w in DATE_NAMES)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def referent(sentence: str, q: Quantity) -> str | None:
    """What a quantity refers to: a class ("dead", "injured") when the noun after it or a
    word before it names one, else a group of nouns for one thing when the word after it
    is one ("12,000 homes" and "22,550 houses" both count "houses"), else the noun it is
    "of" ("a fine of $5 million"), else the noun after it ("400 soldiers"), else None."""
    first = _NEXT_WORDS.match(sentence, q.end)
    after = _head_after(first)
    if after is not None and key(after) in _CLASS_OF:
        return _CLASS_OF[key(after)]
    if first is not None and key(first.group(1)) in _SYNONYM_OF:  # "12,000 homes collapse"
        return _SYNONYM_OF[key(first.group(1))]
    before, of = _words_before(sentence, q)
    if before is not None:
        return _CLASS_OF[before]
    if of is not None:
        return of
    if after is not None and key(after) not in GENERIC:
        return after
    return None


def referent_key(a: str) -> str:
    """What :func:`same_referent` compares: a word's stem, or "=" and its group of nouns
    for one thing (which no stem can equal)."""
    k = key(a)
    group = _SYNONYM_OF.get(k)
    return k if group is None else "=" + group


def same_referent(a: str, b: str) -> bool:
    """Whether two referents name one thing ("soldier" and "soldiers", "troops")."""
    return a == b or referent_key(a) == referent_key(b)


#: The two words right after a quantity ("400 armed soldiers", "$5 million was set").
_NEXT_WORDS = re.compile(r"[ -]([^\W\d_][\w'’‐-]*)(?: ([a-z][\w'’‐-]*))?")
_LAST_BREAK = re.compile(r"[,;:()\[\]—–!?]|\.(?=\s)")


def _head_after(m: re.Match[str] | None) -> str | None:
    """The noun right after a quantity (folded), from ``_NEXT_WORDS`` matched at its end:
    the last of up to two content words that follow it directly ("400 soldiers", "400
    armed soldiers"), None if a function word or punctuation comes first ("$5 million was
    set")."""
    if m is None or fold(m.group(1)) in STOP_WORDS:
        return None
    second = m.group(2)
    if second and fold(second) not in STOP_WORDS:
        return fold(second)
    return fold(m.group(1))


def _words_before(sentence: str, q: Quantity) -> tuple[str | None, str | None]:
    """Before the quantity, in its clause: the key of the nearest of four words that names
    a class ("killing at least 22 people"), and the noun it is "of" ("a fine of $5m")."""
    chunk = sentence[max(0, q.start - 50) : q.start]
    # ASCII without a letter (a table of figures) holds neither (a word of a class starts
    # with two letters); other text may fold into letters ("𝐤𝐢𝐥𝐥𝐞𝐝" is "killed")
    if chunk.isascii() and chunk.lower() == chunk.upper():
        return None, None
    breaks = _LAST_BREAK.split(chunk)
    chunk = breaks[-1]
    words = chunk.split()[-4:]
    of = None
    # (a figure folds to no "of": a table of figures asks no cache about each)
    if (
        len(words) >= 2
        and not words[-1][:1].isdigit()
        and fold(words[-1]) == "of"
        and fold(words[-2]) not in STOP_WORDS
    ):
        of = fold(words[-2].strip("\"'“”‘’"))
    for w in reversed(words):
        if w[:1].isdigit():  # a figure names no class (tables of figures: skip its key)
            continue
        k = _class_key(w)
        if k is not None:
            return k, of
    return None, of


#: The first two letters a word naming a class can have once folded (its leading
#: apostrophes left out): those of the classes' keys, as the stemmer keeps a word's first
#: two letters, and of the words it makes another stem of ("dying" is "die").
_CLASS_STARTS = frozenset(
    [k[:2] for k in _CLASS_OF]
    + [w[:2] for words in REFERENT_CLASSES.values() for w in words.split()]
    # the stemmer's own forms (dying, lying, tying, skies); equivalent while "dying" is a
    # class word itself, kept for a list without it
    + ["dy", "ly", "ty", "sk"]  # pragma: no mutate
)


@lru_cache(maxsize=50_000)  # four words before every figure of both texts: cached
def _class_key(word: str) -> str | None:
    """The key of a word (quotes around it left out) when it names a class of
    ``REFERENT_CLASSES``, else None. A word that cannot start as one does is not stemmed:
    5 MB of distinct words asked for the keys of 200,000 words no cache held."""
    word = word.strip("\"'“”‘’")
    if fold(word).lstrip("'")[:2] not in _CLASS_STARTS:
        return None
    k = key(word)
    return k if k in _CLASS_OF else None


class Found(NamedTuple):
    """A fact as a sentence's text states it: :class:`~kzdiff.core.model.Fact`'s fields
    from ``kind`` to ``dim``, in its order. The table reads the facts of every sentence
    (a 10k pair holds 15,000) and makes its ``Fact`` once it knows the counterpart; a
    frozen dataclass made twice cost 30 ms there."""

    kind: str
    text: str
    value: str
    about: str = ""
    unit: str = ""
    dim: str = ""


def _has_date_name(text: str) -> bool:
    """Does the text name a day or a month, capitalised (``_DATE_HINT``)?"""
    words = ascii_words(text)
    if words is None:
        return _DATE_HINT.search(text) is not None
    return not _DATE_NAME_BYTES.isdisjoint(words)


def _text_facts(text: str) -> tuple[tuple[Found, Quantity | None], ...]:
    """The quantities and dates a sentence's text states, in reading order, each with its
    quantity (None for a day or month); side and sentence are filled in by the caller."""
    qs = quantities(text)
    if not _has_date_name(text):  # (most sentences): the quantities' facts, in their order
        return tuple([(_quantity_fact(text, q), q) for q in qs])
    out: list[tuple[int, Found, Quantity | None]] = []
    month_days: set[int] = set()
    # the words of the sentence (its tokens' texts and offsets): most sentences that
    # name a day or month are unchanged ones no other stage tokenizes, and making
    # their tokens, keys and all, was a tenth of the table's time; the words and their
    # offsets come from one pass (a second one cost a fifth of reading the words)
    found = list(WORD_RE.finditer(text))
    words = list(map(_GROUP, found))
    folded = list(map(fold, words))
    hits = [n for n, f in enumerate(folded) if f in _DATE_WORDS]
    starts = list(map(_START, found)) if hits else []
    for n in hits:
        f, word = folded[n], words[n]
        if f in WEEKDAYS:
            out.append((starts[n], Found("date", word, f.capitalize()), None))
        elif f != "may" or (word == "May" and n > 0):  # (a month)
            value, span, day = _month_value(words, starts, n)
            if day is not None:
                month_days.add(day)
            fact = Found("date", text[span[0] : span[1]], value)
            out.append((span[0], fact, None))
    for q in qs:
        if q.start not in month_days:
            out.append((q.start, _quantity_fact(text, q), q))
    out.sort(key=lambda x: x[0])
    return tuple((f, q) for _, f, q in out)


def _quantity_fact(text: str, q: Quantity) -> Found:
    """The fact of one of a sentence's quantities: a year is a date, a time of day a time,
    anything else a quantity, with what it refers to."""
    dim = q.dim
    if dim == "year":
        return Found("date", q.text, q.normal(), "", q.unit, dim)
    if dim == "time":
        return Found("time", q.text, q.normal(), "", q.unit, dim)
    return Found("quantity", q.text, q.normal(), referent(text, q) or "", q.unit, dim)


_DATE_WORDS = WEEKDAYS | MONTHS
_START, _GROUP = methodcaller("start"), methodcaller("group")


def _month_value(
    words: Sequence[str], starts: Sequence[int], n: int
) -> tuple[str, tuple[int, int], int | None]:
    """A month (the ``n``-th of a sentence's words, which start at ``starts``) with the day
    next to it ("July 3", "3 July"): value, span and the day's offset."""
    month = fold(words[n]).capitalize()
    start, end = starts[n], starts[n] + len(words[n])
    for m in (n + 1, n - 1):
        if 0 <= m < len(words):
            d, d_start = words[m], starts[m]
            if d.isdigit() and len(d) <= 2 and 1 <= int(d) <= 31:
                # the space between the day and the month ("July 13", "13 July")
                gap = d_start - end if m > n else start - (d_start + len(d))
                if gap <= 2:
                    lo, hi = min(start, d_start), max(end, d_start + len(d))
                    return f"{month} {int(d)}", (lo, hi), d_start
    return month, (start, end), None


TextFacts = tuple[tuple[Found, Quantity | None], ...]


def sentence_facts(left: Sequence[Sentence], right: Sequence[Sentence]) -> dict[str, TextFacts]:
    """The facts each distinct sentence text of both sides states (page furniture left
    out), as :func:`fact_table` reads them: what a helper process can work out from the
    texts alone (see :mod:`.beside`), for ``fact_table``'s ``known``."""
    texts = dict.fromkeys(s.text for s in (*left, *right) if s.block != "furniture")
    return {t: _text_facts(t) for t in texts}


Stated = tuple["_Facts", dict[tuple[str, int], list[int]], int]


def stated_facts(
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    known: dict[str, TextFacts] | None = None,
    names: dict[tuple[str, int], tuple[tuple[Found, None], ...]] | None = None,
) -> Stated:
    """The facts each sentence states, as :func:`fact_table` matches them: the table of
    them all (left first), each sentence's (by side and id), and where the right side's
    begin. ``names``: facts a pair's names add to a sentence (see :func:`_name_facts`)."""
    memo: dict[str, TextFacts] = known if known is not None else {}
    off = 0  # pragma: no mutate (equivalent: set after the left side, before any use)
    facts = _Facts()
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for side, sentences in (("left", left), ("right", right)):
        said: set[str] = set()  # the texts of this side's sentences so far
        for s in sentences:
            if s.block == "furniture":  # page furniture states no fact of the article
                continue
            found = memo.get(s.text)
            if found is None:
                found = memo[s.text] = _text_facts(s.text)
            if names:  # (a pair's name conflicts: most comparisons have none)
                found += names.get((side, s.id), ())
            if found:
                by_sentence[(side, s.id)] = facts.add(side, s.id, found, s.text in said)
            said.add(s.text)
        if side == "left":
            off = len(facts.facts)
    return facts, by_sentence, off


def fact_table(
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    pairs: Sequence[Pair],
    known: dict[str, TextFacts] | None = None,
    stated: Stated | None = None,
) -> tuple[Fact, ...]:
    """Every fact of both texts, left first then right, each with its counterpart.

    ``known``: the facts of sentence texts already read (:func:`sentence_facts`); the
    others are read here. ``stated``: :func:`stated_facts` of the two texts, made before
    the pairs were known (used unless a pair's names add facts of their own)."""
    names = _name_facts(left, right, pairs)
    if stated is None or names:
        stated = stated_facts(left, right, known, names)
    facts, by_sentence, off = stated
    match: dict[int, tuple[int, bool]] = {}

    def link(a: int, b: int, same: bool) -> None:
        match[a] = (b, same)
        match[b] = (a, same)

    for p in pairs:
        if not (p.left and p.right):
            continue
        ls = _pair_facts(by_sentence, "left", p.left)
        rs = _pair_facts(by_sentence, "right", p.right)
        if not (ls and rs):
            continue
        if p.kind is Kind.IDENTICAL and len(ls) == len(rs):
            # (equivalent mutant: strict=False, the lengths being equal)
            for a, b in zip(ls, rs, strict=True):  # pragma: no mutate
                link(a, b, True)
            continue
        _match_pair(facts, ls, rs, p, link, match)
    _match_texts(facts, range(off), range(off, len(facts.facts)), link, match)
    unmatched = (None, None)  # (counterpart, agree) of a fact said on one side only
    told = zip(facts.facts, facts.sides, facts.sids, strict=True)
    return tuple(
        [Fact(side, (sid,), *f, *match.get(n, unmatched)) for n, (f, side, sid) in enumerate(told)]
    )


def _pair_facts(
    by_sentence: dict[tuple[str, int], list[int]], side: str, ids: tuple[int, ...]
) -> Sequence[int]:
    """The facts of a pair's sentences on one side, in order (not to be changed: a single
    sentence's are its own list, the common case made without a new one)."""
    # (equivalent mutants: either way gives the same facts in the same order)
    if len(ids) == 1:  # pragma: no mutate
        return by_sentence.get((side, ids[0]), ())
    return [n for i in ids for n in by_sentence.get((side, i), ())]


def _name_facts(
    left: Sequence[Sentence], right: Sequence[Sentence], pairs: Sequence[Pair]
) -> dict[tuple[str, int], tuple[tuple[Found, None], ...]]:
    """The names two linked sentences give differently (their pair's name conflicts), as
    facts of the sentence that says each: a name said alike on both sides, or on one side
    only, is no fact a reader needs listed (there are hundreds in an article)."""
    out: dict[tuple[str, int], tuple[tuple[Found, None], ...]] = {}
    for p in pairs:
        for c in p.conflicts:
            if c.type != "name":
                continue
            for side, sentences, ids, text in (
                ("left", left, p.left, c.left),
                ("right", right, p.right, c.right),
            ):
                sid = next((i for i in ids if text in sentences[i].text), ids[0])
                fact = Found("name", text, text, "name")
                out[(side, sid)] = (*out.get((side, sid), ()), (fact, None))
    return out


class _Facts:
    """The facts being matched: each sentence text's facts (shared by the sentences that
    have that text), with the side and sentence id of each occurrence."""

    def __init__(self) -> None:
        self.facts: list[Found] = []
        self.qs: list[Quantity | None] = []
        self.sides: list[str] = []
        self.sids: list[int] = []
        #: facts of a sentence that repeats an earlier one of its side word for word (a
        #: page printing its headline twice): stated once, so no second claim on a fact
        self.repeats: set[int] = set()

    def add(
        self,
        side: str,
        sid: int,
        found: tuple[tuple[Found, Quantity | None], ...],
        repeat: bool = False,
    ) -> list[int]:
        start = len(self.facts)
        for f, q in found:
            self.facts.append(f)
            self.qs.append(q)
            self.sides.append(side)
            self.sids.append(sid)
        if repeat:
            self.repeats.update(range(start, len(self.facts)))
        return list(range(start, len(self.facts)))

    def plain(self, a: int) -> bool:
        """Is this fact a count said without a bound (the same as a plain count of its
        value only)?"""
        # (equivalent mutants: a fact called plain or not takes the index by value or the
        # one-by-one search, which find the same matches: tests/core/test_many_numbers.py)
        # pragma: no mutate block
        q = self.qs[a]
        return (
            q is not None and q.dim == "count" and not q.bound and self.facts[a].kind == "quantity"
        )

    def comparable(self, a: int, b: int) -> bool:
        fa, fb = self.facts[a], self.facts[b]
        if fa.kind != fb.kind or self.sides[a] == self.sides[b]:
            return False
        qa, qb = self.qs[a], self.qs[b]
        if qa is not None and qb is not None:
            return comparable(qa, qb)
        return qa is None and qb is None

    def same(self, a: int, b: int) -> bool:
        qa, qb = self.qs[a], self.qs[b]
        if qa is not None and qb is not None:
            return agree(qa, qb)
        return self.facts[a].value == self.facts[b].value

    def consistent(self, a: int, b: int) -> bool:
        """Two facts already known to be about one thing can both be true: the same
        value, or a bound the other satisfies ("more than 1,800" and "1,891")."""
        qa, qb = self.qs[a], self.qs[b]
        if qa is not None and qb is not None and within_bound(qa, qb):
            return True
        return self.same(a, b)


#: pairs of facts (one per side) beyond which equal plain counts are found through an index
#: by value instead of one pair at a time (a pair of sentences holding a table of numbers)
MANY_FACTS = 10_000


def _first_free(ids: Sequence[int], match) -> int | None:
    return next((n for n in ids if n not in match), None)


def _first_same(facts, n: int, ids: Sequence[int], match) -> int | None:
    """The first fact of ``ids`` not matched yet that states what fact ``n`` states."""
    return next(
        (m for m in ids if m not in match and facts.comparable(n, m) and facts.same(n, m)),
        None,
    )


def _match_pair(facts, ls, rs, pair: Pair, link, match) -> None:
    free_l = [n for n in ls if n not in match]
    free_r = [n for n in rs if n not in match]
    # 1. the disagreements the pair's conflicts name
    if pair.conflicts:
        by_text: list[dict[str, list[int]]] = [defaultdict(list), defaultdict(list)]
        for side, free in enumerate((free_l, free_r)):
            for n in free:
                by_text[side][facts.facts[n].text].append(n)
        for c in pair.conflicts:
            a = _first_free(by_text[0].get(c.left, ()), match)
            b = _first_free(by_text[1].get(c.right, ()), match)
            if a is not None and b is not None:
                link(a, b, False)
    # 2. equal values; 3. the same referent
    plain_r: dict[object, list[int]] | None = None
    # (equivalent mutant: ">=": where the index by value takes over changes no match)
    if len(free_l) * len(free_r) > MANY_FACTS:  # pragma: no mutate
        plain_r = defaultdict(list)
        for m in free_r:
            if facts.plain(m):
                plain_r[facts.qs[m].value].append(m)
        others = [m for m in free_r if not facts.plain(m)]
    for n in free_l:
        if n in match:
            continue
        if plain_r is not None and facts.plain(n):
            # a plain count is the same as a plain count of its value and nothing else
            # plain; the first such in reading order, or an earlier other fact that agrees
            b = _first_free(plain_r.get(facts.qs[n].value, ()), match)
            c = _first_same(facts, n, others, match)
            if c is not None and (b is None or c < b):
                b = c
        else:
            b = _first_same(facts, n, free_r, match)
        if b is not None:
            link(n, b, True)
    for n in free_l:
        if n in match or not facts.facts[n].about:
            continue
        b = next(
            (
                m
                for m in free_r
                if m not in match
                and same_referent(facts.facts[m].about, facts.facts[n].about)
                and facts.comparable(n, m)
            ),
            None,
        )
        if b is not None:
            link(n, b, facts.consistent(n, b))


def _match_texts(facts, lrange, rrange, link, match) -> None:
    """Across the texts: a referent of a known class (or a thing news copy names in
    several words, ``SYNONYM_NOUNS``) said once on each side (among the facts still
    unmatched; a sentence repeated word for word says it once) is one fact, told the same
    or differently."""
    ls: dict[str, list[int]] = defaultdict(list)
    rs: dict[str, list[int]] = defaultdict(list)
    for rng, by_about in ((lrange, ls), (rrange, rs)):
        for n in rng:
            about = facts.facts[n].about
            if n not in match and n not in facts.repeats and about in _CLASSES:
                by_about[about].append(n)
    for about, a in ls.items():
        b = rs.get(about, [])
        if len(a) == 1 and len(b) == 1 and facts.comparable(a[0], b[0]):
            link(a[0], b[0], facts.consistent(a[0], b[0]))
    # The same value (with its unit) stated once on each side, among the facts still
    # unmatched, about the same thing or about nothing said: one fact, told alike
    # ("Tokayev, 69," in both texts, in sentences the alignment did not pair). Without this
    # the table listed it twice, as said only on the left and only on the right.
    by_value: list[dict[tuple[str, str, str], list[int]]] = [defaultdict(list), defaultdict(list)]
    for side, rng in enumerate((lrange, rrange)):
        for n in rng:
            if n not in match:
                f = facts.facts[n]
                by_value[side][(f.kind, f.value, f.about)].append(n)
    for k, a in by_value[0].items():
        b = by_value[1].get(k, [])
        if len(a) == 1 and len(b) == 1 and a[0] not in match and b[0] not in match:
            link(a[0], b[0], True)


class FactRow(NamedTuple):
    """A row of the facts table as views show it: a fact and its counterpart."""

    status: str  # disagree | agree | only-left | only-right
    about: str
    left: Fact | None
    right: Fact | None


_ROW_ORDER = {"disagree": 0, "only-left": 1, "only-right": 1, "agree": 2}


def table_rows(facts: Sequence[Fact]) -> list[FactRow]:
    """One row per matched pair of facts or per fact said once: disagreements first,
    then one-sided facts, then agreements, each in the left text's reading order."""
    rows = []
    for f in facts:
        other = None if f.counterpart is None else facts[f.counterpart]
        if other is not None and f.side == "right":
            continue  # the row is made from its left fact
        if other is None:
            status = f"only-{f.side}"
        else:
            status = "agree" if f.agree else "disagree"
        left, right = (f, other) if f.side == "left" else (None, f)
        rows.append(FactRow(status, f.about or (other.about if other else ""), left, right))
    rows.sort(key=lambda r: _ROW_ORDER[r.status])
    return rows
