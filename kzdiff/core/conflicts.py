"""Finding the details on which two aligned sentences disagree, and saying why.

A conflict is a disagreement a reader would care about: another number, date or day,
another name, a negation present on one side only, an antonym, or a qualifier added to or
removed from the same thing ("shotguns" vs "sawn-off shotguns"). Spellings of one name
(Tokaev/Tokayev) and UK/US spelling are not conflicts; nor is added context that
contradicts nothing (an age given on one side only, "on Thursday" added).

Every check needs evidence that the two details stand in the same place: a shared
neighbouring word, or the same replaced region of the word diff. Without it two numbers
in loosely paraphrased sentences would be compared as if they measured the same thing.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from .facts import referent, referent_key, same_referent
from .memo import per_text
from .model import ConflictSpan, Op
from .quantities import (
    Quantity,
    agree,
    comparable,
    quantities,
    within_bound,
)
from .text import NEGATIONS, STOP_WORDS, Token, fold, key, number_value, spelling_variants, tokenize
from .worddiff import Hunk

#: the diff's operations, read once (an enum member looked up on its class costs 80 ns,
#: a module's name 10; the checks ask for them at every run of every changed pair)
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT
#: a replaced place: a deletion and an insertion, either first
_DELETE_INSERT = frozenset({_DELETE, _INSERT})

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)
_TIME_WORDS = WEEKDAYS | MONTHS | {"may"}
_TIME_KEYS = frozenset(key(w) for w in _TIME_WORDS)

# Pairs of words whose swap reverses a statement (compared by key, so inflections count).
ANTONYMS = [
    tuple(pair.split("/"))
    for pair in """increase/decrease rise/fall rose/fell risen/fallen gain/loss win/lose won/lost
    higher/lower more/less more/fewer before/after above/below up/down accept/reject
    approve/reject allow/ban support/oppose confirm/deny agree/disagree open/close start/end
    begin/end buy/sell bought/sold guilty/innocent alive/dead north/south east/west
    maximum/minimum largest/smallest first/last early/late strengthen/weaken success/failure
    legal/illegal import/export profit/loss majority/minority lift/impose""".split()
]
_ANTONYM_KEYS = [(key(a), key(b)) for a, b in ANTONYMS]
_ANTONYM_KEY_SET = frozenset(k for pair in _ANTONYM_KEYS for k in pair)

# Words that can be added before a noun without changing what is claimed of it.
HARMLESS_MODIFIERS = frozenset(
    """also still now already just even only really very quite rather much many some
    several various certain other new current incumbent recent latest main major key
    own whole entire such same further additional particular usual respective individual
    ongoing continuing vital crucial national federal central""".split()
)

MAX_NUMBER_REGION = 6  # likewise for a swapped number
MAX_NAME_REGION = 4  # a replaced region longer than this is a rewrite, not a swapped name
MAX_PREFIX_REGION = 2  # "uncommon" / "so common": a word swapped in place, not a rewrite
MAX_DATE_REGION = 3  # a swapped day ("on Sunday" / "on Monday"), not a rewritten clause


def find_conflicts(
    left: str, right: str, hunks: list[Hunk], similarity: float
) -> list[ConflictSpan]:
    """The disagreeing details of an aligned pair (texts are the groups' joined sentences)."""
    lt, rt = tokenize(left), tokenize(right)
    regions_l, regions_r = _regions(hunks)
    out = _numbers(left, right, lt, rt, regions_l, regions_r)
    out += _dates(lt, rt, left, right, regions_l, regions_r)
    out += _names(lt, rt, left, right, regions_l, regions_r)
    if "-" in left and "-" in right:  # a compound is hyphenated (most pairs have none)
        out += compound_names(lt, rt)
    # a word against its negating-prefix form in one small replaced place ("not uncommon"
    # / "not common") is evidence enough by itself, however loose the rest of the pair
    negated = _negation(lt, rt, left, right) if similarity >= 0.55 else []
    out += negated or _prefix_negation(lt, rt, regions_l, regions_r)
    if similarity >= 0.55:
        out += _antonyms(lt, rt, left, right)
        out += _question(left, right)
    if similarity >= 0.6:
        out += _qualifiers(hunks)
    if similarity >= REPLACED_QUALIFIER_SIM:
        out += _replaced_qualifiers(hunks)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for c in out:
        k = (c.type, c.left.casefold(), c.right.casefold())
        if k not in seen:
            seen.add(k)
            unique.append(c)
    return unique


#: what may close a sentence after its final stop: quotes, brackets, space
_CLOSERS = "\"'”’»)]} \t\n"
#: the last word of a text with the stop after it ("guilty?", "guilty.")
_LAST_WORD = re.compile(r"(\w[\w'’-]*)\W*$")


def _question(left: str, right: str) -> list[ConflictSpan]:
    """A pair where one side asks what the other states ("The suspect is guilty." /
    "The suspect is guilty?"): a question asserts nothing, so the claim is not made
    there. Judged on the final stop of each side; the conflict names the last word with
    its stop, as written."""
    a, b = left.rstrip(_CLOSERS), right.rstrip(_CLOSERS)
    if not a or not b or (a[-1] == "?") == (b[-1] == "?"):
        return []
    ma, mb = _LAST_WORD.search(a), _LAST_WORD.search(b)
    if ma is None or mb is None:
        return []
    return [ConflictSpan("question", a[ma.start() :], b[mb.start() :])]


def _regions(hunks: list[Hunk]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """(start, end, region) of every changed run per side; adjacent changed runs share a region."""
    left: list[tuple[int, int, int]] = []
    right: list[tuple[int, int, int]] = []
    pl = pr = 0
    region = 0
    for h in hunks:
        if h.op is _EQUAL:
            region += 1
        elif h.op is _DELETE:
            left.append((pl, pl + len(h.left), region))
        else:
            right.append((pr, pr + len(h.right), region))
        pl += len(h.left)
        pr += len(h.right)
    return left, right


#: a region's start and end (``itemgetter``: a region is asked for thousands of times in a
#: comparison, and a lambda costs a Python call at each step of the bisection)
_START_OF, _END_OF = itemgetter(0), itemgetter(1)


def _region_of(regions: list[tuple[int, int, int]], offset: int) -> int | None:
    """The region holding this offset. Regions are in text order and do not overlap, so
    they are searched by bisection: a sentence of thousands of numbers has thousands."""
    n = bisect.bisect_right(regions, offset, key=_START_OF) - 1
    return regions[n][2] if n >= 0 and offset < regions[n][1] else None


def _region_sizes(tokens: Sequence[Token], regions) -> dict[int, int]:
    """How many tokens start in each region."""
    sizes: dict[int, int] = defaultdict(int)
    for t in tokens:
        r = _region_of(regions, t.start)
        if r is not None:
            sizes[r] += 1
    return sizes


def _region_size(tokens: Sequence[Token], regions, region: int) -> int:
    return _region_sizes(tokens, regions).get(region, 0)


class _Reading(NamedTuple):
    """What the checks read off one text whatever it is compared with (see
    :func:`_reading`)."""

    days: tuple[tuple[int, ...], tuple[int, ...]]  # weekdays, months (_time_word_index)
    names: tuple[dict[int, str], tuple[tuple[int, bool], ...]]  # acronyms, _name_tokens
    negating: tuple[tuple[int, str, list[Token], list[Token]], ...]  # _negating_words


#: a token's text, key and name flag (tokens are named tuples), for ``map`` over them
_TEXT, _KEY, _NAME = itemgetter(0), itemgetter(2), itemgetter(4)


@per_text(maxsize=4096)
def _reading(text: str) -> _Reading:
    """The days and months, names and negating words of a text, read once
    per text (the checks of a pair, and both directions of each, ask for them) and
    without a Python loop over every token where a test can rule a whole text out: the
    checks' loops over every token of every changed pair were half of their cost on a
    10k pair. The result must not be changed."""
    tokens = tokenize(text)
    acronyms = _acronym_runs(tokens)
    return _Reading(
        _time_word_index(text, tokens),
        (acronyms, _name_tokens(tokens, acronyms)),
        _negating_words(tokens, text),
    )


# -- numbers -------------------------------------------------------------------------------
def _numbers_of(tokens: Sequence[Token], qs: Iterable[Quantity]) -> list[tuple[Quantity, int, str]]:
    """(quantity, index of its first token, type) of each of a text's quantities ``qs``;
    type is 'date' for years and for numbers next to a month."""
    out = []
    starts = [t.start for t in tokens]
    for q in qs:
        i = max(0, bisect.bisect_right(starts, q.start) - 1)
        if i + 1 < len(tokens) and tokens[i].start < q.start:
            i += 1 if tokens[i + 1].start < q.end else 0
        # an ordinal's suffix is a token of its own: "12 th of July" reaches the month too
        reach = i + 4 if i + 1 < len(tokens) and _ordinal_suffix(tokens, i + 1) else i + 3
        near = {fold(t.text) for t in tokens[max(0, i - 2) : reach]}
        typ = "date" if q.dim == "year" or (q.dim == "count" and near & MONTHS) else "number"
        out.append((q, i, typ))
    return out


def _magnitude(q: Quantity) -> str:
    """Rough kind of a count: a vague one, a small or a large number (others: their dim)."""
    if q.dim != "count":
        return q.dim
    return "large" if abs(q.value) >= 1e6 else "small"  # type: ignore[arg-type]


def _context(tokens: Sequence[Token], i: int) -> set[str]:
    lo, hi = max(0, i - 3), min(len(tokens), i + 4)
    return {
        t.key
        for t in tokens[lo:hi]
        if t.content and not t.text[:1].isdigit() and number_value([t.text], 0) is None
    }


def _quantity_region(regions, q: Quantity) -> int | None:
    """The first region overlapping a quantity (by bisection, as :func:`_region_of`)."""
    n = bisect.bisect_right(regions, q.start, key=_END_OF)
    return regions[n][2] if n < len(regions) and regions[n][0] < q.end else None


#: "by" before a number (hedges between allowed) makes it a change, not a level: "cut the
#: toll by more than 100" and "lowered the toll to 253" can both be true.
_CHANGE_BY = re.compile(
    r"\bby\s+(?:(?:more|less|fewer)\s+than\s+|at\s+(?:least|most)\s+|up\s+to\s+|"
    r"(?:about|around|nearly|almost|over|some|roughly|just|only|another|a\s+further)\s+)?$",
    re.IGNORECASE,
)


def _is_change(text: str, q: Quantity) -> bool:
    """Is this quantity an amount of change ("rose by 5%", "cut by more than 100")?"""
    return _CHANGE_BY.search(text, max(0, q.start - 40), q.start) is not None


def mirrored(a: Quantity, b: Quantity) -> bool:
    """A score or range given in the other order ("won 52-48" / "won 48-52"): the same two
    figures, so the same result, told the other way round wherever it stands."""
    return (
        a.dim == b.dim == "score"
        and isinstance(a.value, tuple)
        and a.value[0] != a.value[1]
        and a.value == tuple(reversed(b.value))  # type: ignore[arg-type]
    )


def _compatible(a: Quantity, b: Quantity) -> bool:
    """The same value, or a bound or estimate the other value satisfies."""
    return agree(a, b) or within_bound(a, b)


#: pairs of numbers (one per side) beyond which plain counts are matched by value through
#: a set instead of one by one: a pair of sentences with hundreds of numbers a side is a
#: table, and its numbers cost what they number, not their product
MANY_NUMBERS = 10_000


def _plain(q: Quantity) -> bool:
    """A count said without a bound: it agrees with a plain count of the same value only."""
    return q.dim == "count" and not q.bound


def _unmatched(xs: Sequence[Quantity], ys: Sequence[Quantity]) -> list[Quantity]:
    """The quantities of ``xs`` that no quantity of ``ys`` agrees with or satisfies as a
    bound (:func:`_compatible`)."""
    if len(xs) * len(ys) <= MANY_NUMBERS:
        return [x for x in xs if not any(_compatible(x, y) for y in ys)]
    values = {y.value for y in ys if _plain(y)}
    others = [y for y in ys if not _plain(y)]
    out = []
    for q in xs:
        if _plain(q):
            if q.value in values or any(_compatible(q, y) for y in others):
                continue
        elif any(_compatible(q, y) for y in ys):
            continue
        out.append(q)
    return out


def _numbers(left, right, lt, rt, regions_l, regions_r) -> list[ConflictSpan]:
    """Numbers that disagree: each number found on one side only is matched with one of the
    other side's that stands in the same small replaced place, shares its context, counts
    the same thing or is the same score reversed. Matches in the same replaced place come
    first, then those of one magnitude ("1 million" / "2 million" before "5"), then reading
    order; a count of millions and one of units are compared only in the same place.
    Candidates are looked up by place, context word and referent, so a sentence of
    thousands of numbers costs what its matches cost, not the product of its numbers."""
    nl, nr = quantities(left), quantities(right)
    only_l, only_r = _unmatched(nl, nr), _unmatched(nr, nl)
    if not only_l or not only_r:
        return []
    # where each number stands, for those found on one side only (most pairs have none)
    only_l, only_r = _numbers_of(lt, only_l), _numbers_of(rt, only_r)
    sizes_l, sizes_r = _region_sizes(lt, regions_l), _region_sizes(rt, regions_r)

    def small(region: int | None, sizes: dict[int, int]) -> bool:
        """Is this a replaced place of a few words (a number swapped in place)?"""
        return region is not None and sizes.get(region, 0) <= MAX_NUMBER_REGION

    info = []  # per right number: region, context, referent, whether a change
    by_region: dict[int, list[int]] = defaultdict(list)
    by_context: dict[str, list[int]] = defaultdict(list)
    by_referent: dict[str, list[int]] = defaultdict(list)
    scores = []
    for n, (q2, j, _) in enumerate(only_r):
        reg2, ctx2, ref2 = _quantity_region(regions_r, q2), _context(rt, j), referent(right, q2)
        info.append((reg2, ctx2, ref2, _is_change(right, q2)))
        if small(reg2, sizes_r):
            by_region[reg2].append(n)  # type: ignore[index]
        for k in ctx2:
            by_context[k].append(n)
        if ref2 is not None:
            by_referent[referent_key(ref2)].append(n)
        if q2.dim == "score":
            scores.append(n)
    found: list[tuple[bool, bool, int, int]] = []
    for m, (q, i, typ) in enumerate(only_l):
        reg, ctx, what = _quantity_region(regions_l, q), _context(lt, i), referent(left, q)
        cands: set[int] = set(by_region.get(reg, ())) if small(reg, sizes_l) else set()  # type: ignore[arg-type]
        for k in ctx:
            cands.update(by_context.get(k, ()))
        if what is not None:
            cands.update(by_referent.get(referent_key(what), ()))
        if q.dim == "score":
            cands.update(scores)
        change = _is_change(left, q) if cands else False
        for n in sorted(cands):
            q2, _, typ2 = only_r[n]
            reg2, ctx2, other, change2 = info[n]
            if (typ == "date") != (typ2 == "date") or not comparable(q, q2):
                continue
            if change != change2:
                continue  # a change against a level: both can be true
            same_region = small(reg, sizes_l) and reg == reg2 and small(reg2, sizes_r)
            sizes_differ = q.dim == q2.dim == "count" and _magnitude(q) != _magnitude(q2)
            if sizes_differ and not same_region:
                continue  # millions and units elsewhere in the pair count different things
            if q.dim != q2.dim and reg is None and reg2 is None:
                continue  # a count and a percentage: only where a unit was changed
            same_thing = what is not None and other is not None and same_referent(what, other)
            if same_region or ctx & ctx2 or same_thing or mirrored(q, q2):
                found.append((not same_region, sizes_differ, m, n))
    used_l: set[int] = set()
    used_r: set[int] = set()
    kept = []
    for _, _, m, n in sorted(found):
        if m not in used_l and n not in used_r:
            used_l.add(m)
            used_r.add(n)
            kept.append((m, n))
    return [
        ConflictSpan(only_l[m][2], only_l[m][0].text, only_r[n][0].text) for m, n in sorted(kept)
    ]


# -- dates ---------------------------------------------------------------------------------
def _time_words(tokens: Sequence[Token], vocab: frozenset[str]) -> list[int]:
    out = []
    for n, t in enumerate(tokens):
        f = fold(t.text)
        if f in vocab and (f != "may" or (t.text == "May" and n > 0)):
            out.append(n)
    return out


def _time_word_index(text: str, tokens: Sequence[Token]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The indices of a text's tokens that name a weekday, and a month (as
    :func:`_time_words`). A word that folds to one has that word's key, so a text none of
    whose keys is one has none: most texts are told so without a loop over their tokens."""
    if _TIME_KEYS.isdisjoint(map(_KEY, tokens)):
        return (), ()
    return tuple(_time_words(tokens, WEEKDAYS)), tuple(_time_words(tokens, MONTHS | {"may"}))


#: Words before a day that make it say when something happened ("on Sunday").
_DATING_WORDS = frozenset(
    "on in by since until till last next this that from before after every early late".split()
)
#: Words after a day that go on saying when ("Sunday night"), not what happened.
_TIME_OF_DAY = frozenset("morning afternoon evening night midnight noon".split())


def _clause_context(tokens: Sequence[Token], n: int, text: str) -> set[str]:
    """Keys of the content words up to three words either side of ``n`` in its clause."""
    out: set[str] = set()
    for step in (-1, 1):
        m = n
        for _ in range(3):
            k = m + step
            if not 0 <= k < len(tokens):
                break
            a, b = (tokens[k], tokens[m]) if step < 0 else (tokens[m], tokens[k])
            if CLAUSE_BREAK.search(text, a.start + len(a.text), b.start):
                break
            m = k
            t = tokens[k]
            if t.content and not t.text[:1].isdigit():
                out.add(t.key)
    return out


def _event(tokens: Sequence[Token], n: int, text: str) -> tuple[str, set[str]]:
    """What a day or month dates. A day that names an event ("the Easter Sunday
    attacks", "Sunday's vote") dates only that noun; one that says when ("revised the
    toll on Thursday") dates the words around it, without other days, months and numbers.
    """
    nxt = tokens[n + 1] if n + 1 < len(tokens) else None
    prev = fold(tokens[n - 1].text) if n else ""
    if (
        nxt is not None
        and prev not in _DATING_WORDS
        and nxt.content
        and fold(nxt.text) not in _TIME_OF_DAY
        and nxt.start - (tokens[n].start + len(tokens[n].text)) <= 1
        and (nxt.text[:1].islower() or tokens[n].text.endswith("'s"))
        and number_value([nxt.text], 0) is None
    ):
        return "names", {nxt.key}
    return "dates", (_clause_context(tokens, n, text) | _fronted(tokens, n, text)) - _TIME_KEYS


#: How many words of the main clause a fronted date ("On Thursday, the government will
#: present ...") dates: its subject, verb and object.
FRONTED_REACH = 8


def _fronted(tokens: Sequence[Token], n: int, text: str) -> set[str]:
    """The content keys of the clause a date opening the sentence dates: "On Thursday,
    the government will present a plan" dates the presenting. Empty unless only dating
    words ("on", "late on", "early next") come before the day and a comma follows it (or
    its time of day: "On Sunday night,")."""
    if any(fold(t.text) not in _DATING_WORDS for t in tokens[:n]):
        return set()
    end = n + 1 if n + 1 < len(tokens) and fold(tokens[n + 1].text) in _TIME_OF_DAY else n
    if end + 1 >= len(tokens):
        return set()
    gap = text[tokens[end].start + len(tokens[end].text) : tokens[end + 1].start]
    if "," not in gap:
        return set()
    out: set[str] = set()
    for k in range(end + 1, min(len(tokens), end + 1 + FRONTED_REACH)):
        t = tokens[k]
        if k > end + 1 and CLAUSE_BREAK.search(
            text, tokens[k - 1].start + len(tokens[k - 1].text), t.start
        ):
            break
        if t.content and not t.text[:1].isdigit():
            out.add(t.key)
    return out


def _dates(lt, rt, left: str, right: str, regions_l, regions_r) -> list[ConflictSpan]:
    """Another day or month for the same event: in the same replaced place, or next to a
    word both sentences share. A weekday that dates another event of the sentence ("the
    Easter Sunday attacks" against "revised on Thursday") is not compared."""
    out = []
    for a, b in zip(_reading(left).days, _reading(right).days, strict=True):
        if not (a and b):  # (most pairs name no day or month on one side at least)
            continue
        if {fold(lt[i].text) for i in a} & {fold(rt[j].text) for j in b}:
            continue
        for i in a:
            reg = _region_of(regions_l, lt[i].start)
            role, ev = _event(lt, i, left)
            j = next(
                (
                    j
                    for j in b
                    if _event(rt, j, right)[0] == role
                    and (
                        (
                            reg is not None
                            and reg == _region_of(regions_r, rt[j].start)
                            and _region_size(lt, regions_l, reg) <= MAX_DATE_REGION
                            and _region_size(rt, regions_r, reg) <= MAX_DATE_REGION
                        )
                        or ev & _event(rt, j, right)[1]
                    )
                ),
                None,
            )
            if j is not None:
                out.append(ConflictSpan("date", lt[i].text, rt[j].text))
                break
    return out


# -- names ---------------------------------------------------------------------------------
#: Time-zone abbreviations ("10:30 AEST"): a time's unit, not a name.
TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest wet est edt cst cdt mst mdt pst pdt aest aedt acst acdt "
    "awst nzst nzdt ist jst kst hkt sgt msk".split()
)
#: Courtesy titles: "Dr Kelly" and "Archbishop Thomas Kelly" name the same man.
COURTESY_TITLES = frozenset("mr mrs ms miss mx dr prof sir dame messrs mme mlle".split())


ORDINALS = {
    w: str(n + 1)
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
_ORDINAL_SUFFIXES = frozenset("st nd rd th".split())

#: Places and the adjectives of their people that no suffix rule derives.
DEMONYMS = {
    "american": frozenset("us usa america".split()),
    "british": frozenset("uk britain".split()),
}


def _is_name(t: Token) -> bool:
    """A capitalised word that names someone or something. Not a middle initial ("Stephen
    G. Breyer" is Stephen Breyer) nor a courtesy title."""
    f = fold(t.text)
    return (
        t.name
        and len(t.text) > 1
        and f not in _TIME_WORDS
        and f not in STOP_WORDS
        and f not in COURTESY_TITLES
        and f not in TIME_ZONES
        and not t.text[:1].isdigit()
    )


def _ordinal_suffix(tokens: Sequence[Token], n: int) -> bool:
    """The "St" of "1St Armored Division" (written as one word, tokenized as two)."""
    t = tokens[n]
    if n == 0 or fold(t.text) not in _ORDINAL_SUFFIXES:
        return False
    prev = tokens[n - 1]
    return prev.text.isdigit() and prev.start + len(prev.text) == t.start


def _bare(f: str) -> str:
    """A folded word without its possessive ending (Arabia's, Jones')."""
    for end in ("'s", "'"):
        if f.endswith(end) and len(f) > len(end) + 1:
            return f[: -len(end)]
    return f


def _demonym_of(short: str, long: str) -> bool:
    """Africa/African, Korea/Korean, Iraq/Iraqi, Israel/Israeli: a place and its people."""
    if len(short) < 4 or len(long) != len(short) + 1 or not long.startswith(short):
        return False
    return (long[-1] == "n" and short[-1] == "a") or (long[-1] == "i" and short[-1] not in "aeiou")


def _has_variant(word: str, tokens: Sequence[Token], acronyms: Iterable[str] = ()) -> bool:
    """Whether the other sentence has this name in another form: a spelling variant,
    part of a hyphenated name, the same words run together (SCOLinux / SCO Linux), an
    abbreviation or short form of it (Rev / Reverend, Gov / Governor, Ed / Edward), the
    place for its people (Africa's / African, U.S. / American) or an ordinal in figures
    (First / 1st)."""
    f = _bare(fold(word))
    others = {fold(a) for a in acronyms}
    if f in ORDINALS:
        digit = ORDINALS[f]
        if any(
            t.text == digit and _ordinal_suffix(tokens, n + 1) for n, t in enumerate(tokens[:-1])
        ):
            return True
    for n, t in enumerate(tokens):
        g = _bare(fold(t.text))
        others.add(g)
        if spelling_variants(word, t.text) or f in g.split("-") or g in f.split("-"):
            return True
        if n + 1 < len(tokens) and f == g + fold(tokens[n + 1].text):
            return True
        if not (t.text[:1].isupper() and word[:1].isupper()):
            continue
        short, long = (f, g) if len(f) <= len(g) else (g, f)
        if _demonym_of(short, long):
            return True
        if len(short) >= 2 and long.startswith(short) and len(long) - len(short) >= 2:
            return True
    for people, places in DEMONYMS.items():
        if (f == people and others & places) or (f in places and people in others):
            return True
    return False


def _acronym_runs(tokens: Sequence[Token]) -> dict[int, str]:
    """Single capital letters written with dots ("U.N.", "U.S.") joined into one acronym,
    keyed by the index of each letter's token."""
    out: dict[int, str] = {}
    if 1 not in map(len, map(_TEXT, tokens)):
        return out
    n = 0
    while n < len(tokens):
        m = n
        while (
            m < len(tokens)
            and len(tokens[m].text) == 1
            and tokens[m].text.isupper()
            and (m == n or tokens[m].start == tokens[m - 1].start + 2)
        ):
            m += 1
        if m - n >= 2:
            word = "".join(t.text for t in tokens[n:m])
            for k in range(n, m):
                out[k] = word
        n = max(m, n + 1)
    return out


def _is_acronym_of(acronym: str, tokens: Sequence[Token]) -> bool:
    """'FBI' against '... Federal Bureau of Investigation ...' (initials of capitalised words)."""
    if not (acronym.isupper() and 2 <= len(acronym) <= 8):
        return False
    # each capitalised part of a hyphenated word gives a letter: NPT, Non-Proliferation Treaty
    initials = "".join(
        part[0]
        for t in tokens
        if t.text[:1].isupper()
        for part in t.text.split("-")
        if part[:1].isupper()
    )
    return acronym in initials


def _expands(t: Token, acronyms: set[str], tokens: Sequence[Token], n: int) -> bool:
    """Whether a capitalised word starts an expansion of an acronym on the other side
    ("United Nations" for "U.N.")."""
    for a in acronyms:
        initials = "".join(x.text[0] for x in tokens[n : n + len(a)])
        if initials == a:
            return True
        # a later word of the expansion: look back
        for back in range(1, len(a)):
            if (
                n - back >= 0
                and "".join(x.text[0] for x in tokens[n - back : n - back + len(a)]) == a
            ):
                return True
    return False


def _name_tokens(tokens: Sequence[Token], acronyms: dict[int, str]) -> tuple[tuple[int, bool], ...]:
    """The tokens :func:`_names` reads: (index, whether it is a middle initial) of each
    name, acronym letter and initial."""
    out = []
    # neither test below holds of a word that is not a name nor in an acronym (most words)
    named = compress(range(len(tokens)), map(_NAME, tokens))
    for n in sorted({*named, *acronyms}) if acronyms else named:
        t = tokens[n]
        if t.name and len(t.text) == 1 and t.text.isupper() and n not in acronyms:
            out.append((n, True))
        elif n in acronyms or (_is_name(t) and not _ordinal_suffix(tokens, n)):
            out.append((n, False))
    return tuple(out)


def _names(lt, rt, left: str, right: str, regions_l, regions_r) -> list[ConflictSpan]:
    (acr_l, names_l), (acr_r, names_r) = _reading(left).names, _reading(right).names
    # a name conflict needs a name (or initial) on each side (equivalent mutant: "or",
    # which only reads the one side's names for nothing)
    if not (names_l and names_r):  # pragma: no mutate
        return []
    by_region: dict[int, tuple[list[str], list[str]]] = {}
    sides = (
        (lt, names_l, regions_l, rt, 0, acr_l, acr_r),
        (rt, names_r, regions_r, lt, 1, acr_r, acr_l),
    )
    initials: dict[int, tuple[list[str], list[str]]] = {}
    for tokens, names, regions, other, slot, acronyms, theirs in sides:
        other_acronyms = set(theirs.values())
        for n, initial in names:
            t = tokens[n]
            word = acronyms.get(n, t.text)
            if initial:
                # a middle initial: dropped is harmless, changed ("John F./K. Smith") is not
                reg = _region_of(regions, t.start)
                if reg is not None:
                    initials.setdefault(reg, ([], []))[slot].append(t.text)
                continue
            reg = _region_of(regions, t.start)
            if (
                reg is None
                or word in other_acronyms
                or _has_variant(word, other, other_acronyms)
                or _is_acronym_of(word, other)
                or _expands(t, other_acronyms, tokens, n)
            ):
                continue
            by_region.setdefault(reg, ([], []))[slot].append(t.text)
    out = []
    for reg, (a, b) in sorted(by_region.items()):
        if (
            a
            and b
            and _region_size(lt, regions_l, reg) <= MAX_NAME_REGION
            and _region_size(rt, regions_r, reg) <= MAX_NAME_REGION
        ):
            out.append(ConflictSpan("name", " ".join(a), " ".join(b)))
    for _reg, (a, b) in sorted(initials.items()):
        if a and b and a != b:
            out.append(ConflictSpan("name", " ".join(a), " ".join(b)))
    return out


STOP_KEYS = frozenset(key(w) for w in STOP_WORDS)
#: How many words after a compound ("Liberian-flagged oil tanker") may hold its noun.
COMPOUND_NOUN_REACH = 2


def _compound(t: Token) -> tuple[str, str] | None:
    """(name, what it says of the noun) of a compound that starts with a name
    ("Liberian-flagged", "Paris-based", "Saudi-led"), else None."""
    first, dash, rest = t.text.partition("-")
    if not dash or not first[:1].isupper() or not rest[:1].islower() or "-" in rest:
        return None
    return first, fold(rest)


def _one_stem(a: str, b: str) -> bool:
    """A place and its people by a shared start: Malta/Maltese, China/Chinese,
    Sweden/Swedish (four letters and most of the shorter word; not Austria/Australia)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= 0.6 * min(len(a), len(b))


def compound_names(lt: Sequence[Token], rt: Sequence[Token]) -> list[ConflictSpan]:
    """Another name in the same compound before the same noun: "a Liberian-flagged oil
    tanker" / "a Panama-flagged tanker", "the Paris-based firm" / "the Lyon-based firm".
    The compound's second part and the noun are the shared place, wherever the two stand
    in their sentences; spellings of one name (Liberia/Liberian) do not count."""

    def after(tokens: Sequence[Token], n: int) -> list[str]:
        return [x.key for x in tokens[n + 1 : n + 1 + COMPOUND_NOUN_REACH]]

    out = []
    for n, t in enumerate(lt):
        a = _compound(t)
        if a is None:
            continue
        nouns = after(lt, n)
        for m, u in enumerate(rt):
            b = _compound(u)
            if b is None or a[1] != b[1] or fold(a[0]) == fold(b[0]):
                continue
            theirs = after(rt, m)
            # the word right after one compound is among the two after the other: the
            # same noun, perhaps with a word of its own before it ("oil tanker")
            if not (nouns and theirs and (nouns[0] in theirs or theirs[0] in nouns)):
                continue
            if nouns[0] in STOP_KEYS or theirs[0] in STOP_KEYS:
                continue
            if (
                _has_variant(a[0], tokenize(b[0]))
                or _has_variant(b[0], tokenize(a[0]))
                or _one_stem(fold(a[0]), fold(b[0]))
            ):
                continue
            out.append(ConflictSpan("name", t.text, u.text))
            break
    return out


# -- negation and antonyms -----------------------------------------------------------------
# Verbs and prepositions that carry a negation of their own ("declined to comment" says
# what "would not comment" says), so they balance an explicit "not" on the other side.
IMPLICIT_NEGATIVE = re.compile(r"^(declin|refus|fail|den[iy]|reject|against|unable|lack)")


NEGATION_SCOPE = 3  # words after a "not" (plus one) whose content words say what it negates
#: How far a negation on the other side may reach to answer one: "did not see what all
#: the fuss was" answers "does not understand all the fuss", though its first words differ.
ANSWER_SCOPE = 7
#: Punctuation that closes a clause: a negation says nothing about what follows it.
#: Not quotes: in 'did not see what "all the fuss" was about' the quote is what is negated.
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]| - ")


def _is_explicit_negation(word: str) -> bool:
    """'not', 'never', 'without', "didn't"... (as opposed to 'declined', 'refused')."""
    f = fold(word)
    return f in NEGATIONS or f.endswith("n't")


#: "not only X but also Y" asserts X: the words after "not" that make it no negation.
NOT_ONLY = frozenset("only just merely simply solely".split())


def _is_not_only(tokens: Sequence[Token], n: int) -> bool:
    """The "not" of "not only ... but (also)", which adds rather than denies."""
    return (
        fold(tokens[n].text) == "not"
        and n + 1 < len(tokens)
        and fold(tokens[n + 1].text) in NOT_ONLY
    )


def _is_number_sign(tokens: Sequence[Token], n: int) -> bool:
    """The "No" of "No. 2", which negates nothing."""
    return fold(tokens[n].text) == "no" and n + 1 < len(tokens) and tokens[n + 1].text[:1].isdigit()


def _scope(tokens: Sequence[Token], n: int, text: str) -> tuple[list[Token], list[Token]]:
    """The content words a negating word at ``n`` bears on, up to the end of its clause:
    among the next few words (its scope), and a little further (its reach, which
    :func:`_unanswered` compares across the sides).

    "The victim, who was not identified, was taken to hospital" negates only
    "identified"; a window running past the comma would take "taken" for what is denied.
    """
    scope: list[Token] = []
    reach: list[Token] = []
    end = tokens[n].start + len(tokens[n].text)
    for k, t in enumerate(tokens[n + 1 : n + 2 + ANSWER_SCOPE]):
        if CLAUSE_BREAK.search(text, end, t.start):
            break
        end = t.start + len(t.text)
        if t.content:
            reach.append(t)
            if k <= NEGATION_SCOPE:
                scope.append(t)
    return scope, reach


@lru_cache(maxsize=50_000)  # asked of every word of every changed pair: cached
def _negates(word: str) -> bool:
    """Is this word a negation or a word that says "not" (before its context is read)?"""
    return _is_explicit_negation(word) or _says_not(fold(word))


def _negating_words(
    tokens: Sequence[Token], text: str
) -> tuple[tuple[int, str, list[Token], list[Token]], ...]:
    """(index, folded word, scope, reach) of every word that negates or says "not"."""
    out = []
    for n in compress(range(len(tokens)), map(_negates, map(_TEXT, tokens))):
        if not _is_number_sign(tokens, n) and not _is_not_only(tokens, n):
            out.append((n, fold(tokens[n].text), *_scope(tokens, n, text)))
    return tuple(out)


def _negations(
    tokens: Sequence[Token], other: Sequence[Token], text: str
) -> list[tuple[str, frozenset[str]]]:
    """Negating words whose scope the other sentence also talks about, each with the words
    of its wider reach (none when its scope cannot be told), for :func:`_unanswered`.

    "was not arrested" against "was arrested" disagrees; "abandoned without its licence
    plates" against "abandoned" only adds a detail the other sentence does not mention, so
    a negation whose following content words are all absent on the other side is context,
    not a contradiction.
    """
    other_keys = {t.key for t in other}
    out: list[tuple[str, frozenset[str]]] = []
    for n, f, scope, reach in _reading(text).negating:
        t = tokens[n]
        if _is_explicit_negation(t.text):
            if scope and not any(x.key in other_keys for x in scope):
                continue
        elif (
            not IMPLICIT_NEGATIVE.match(f)
            or not _negates_act(f, tokens, n, scope, other_keys)
            or t.key in other_keys
        ):
            continue
        out.append((t.text, frozenset(x.key for x in reach) if scope else frozenset()))
    return out


NEGATING_VERB = re.compile(r"^(declin|refus|fail|unable)")
DENYING_VERB = re.compile(r"^den(y|ie)")


def _negates_act(
    f: str, tokens: Sequence[Token], n: int, scope: Sequence[Token], other_keys: set[str]
) -> bool:
    """Does an implicit negative deny exactly what the other sentence asserts?

    "declined to comment" against "commented", "denied the report" against "confirmed the
    report": the act it negates stands on the other side. Anything looser is added
    context ("…, police declined to say"), and "against", "failure" or "rejected by" are
    no negation of what follows them.
    """
    if not scope or scope[0].key not in other_keys:
        return False
    if NEGATING_VERB.match(f):
        return fold(tokens[n + 1].text) == "to"  # scope is not empty: a word follows
    return DENYING_VERB.match(f) is not None


#: Contrast and condition that say "not" in other words: "by opinion rather than facts"
#: answers "by opinion, not on the facts"; "unless fixed" answers "without reform".
CONTRASTIVE = frozenset("rather instead unless".split())


def _says_not(f: str) -> bool:
    """A folded word that says "not" without being one ("against", "declined", "rather")."""
    return IMPLICIT_NEGATIVE.match(f) is not None or f in CONTRASTIVE


def _balances(tokens: Sequence[Token]) -> bool:
    """Does a sentence carry a negating word of its own ("voted against", "rejected",
    "declined to", "rather than") that answers a "not" on the other side, even where
    that word would not count as a negation by itself?"""
    return any(_says_not(fold(t.text)) for t in tokens)


def _negated(tokens: Sequence[Token], text: str) -> set[str] | None:
    """The keys a sentence puts under a negating word of any sort ("not", "declined to",
    "rather than"), reaching a little further than a scope; None when a negating word's
    scope cannot be told ("did not, as of that night, open"), so it may answer anything."""
    out: set[str] = set()
    for _n, _f, _scope_words, reach in _reading(text).negating:
        if not reach:
            return None
        out.update(x.key for x in reach)
    return out


def _unanswered(
    negations: list[tuple[str, frozenset[str]]], other: Sequence[Token], other_text: str
) -> list[str]:
    """The negations the other sentence does not answer with a negation of the same thing.

    Each side's scope is only a few words, so two negations of one thing in other words
    can each miss the other's: two negating words whose wider reaches share a word answer
    each other. A "not" whose scope cannot be told is answered by any negating word on
    the other side. (Matching negations by the first word they bear on instead caught
    "arrested but not charged" against "not arrested", but flagged "neither X nor Y would
    release" against "did not release", whose first words differ.)
    """
    if not negations:
        return []
    negated = _negated(other, other_text)
    if negated is None:
        return []
    return [
        word
        for word, reach in negations
        if (not reach and not negated) or (reach and not reach & negated)
    ]


def _negation(lt, rt, left: str, right: str) -> list[ConflictSpan]:
    a, b = _negations(lt, rt, left), _negations(rt, lt, right)
    if bool(a) != bool(b) and _balances(rt if a else lt):
        return []
    open_a, open_b = _unanswered(a, rt, right), _unanswered(b, lt, left)
    if not (open_a or open_b):
        return []
    return [ConflictSpan("negation", " ".join(open_a), " ".join(open_b))]


#: Prefixes that negate the word they start ("uncommon", "non-binding", "illegal").
NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "il", "ir", "dis")


@lru_cache(maxsize=50_000)  # asked of every word of every changed pair: cached
def unprefixed(word: str) -> str | None:
    """The key of a word without its negating prefix ("uncommon" -> key of "common")."""
    f = fold(word)
    for p in NEGATING_PREFIXES:
        if f.startswith(p) and len(f) - len(p) >= 4:
            return key(f[len(p) :])
    return None


def _prefix_negation(lt, rt, regions_l, regions_r) -> list[ConflictSpan]:
    """A word negated by a prefix on one side against the bare word in the same place on
    the other ("not uncommon" / "not common"): the double negation flips the claim.
    Only the words of the replaced places are read (in reading order), not every word of
    both sentences: a word elsewhere has no place to be compared in."""
    for tokens, other, regs, oregs, flip in (
        (lt, rt, regions_l, regions_r, False),
        (rt, lt, regions_r, regions_l, True),
    ):
        starts = [t.start for t in tokens] if regs else []
        sizes: list[dict[int, int]] = []  # of both sides' regions, counted once if asked
        for lo, hi, reg in regs:
            for t in tokens[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
                if not unprefixed(t.text):
                    continue
                if not sizes:
                    sizes += (_region_sizes(tokens, regs), _region_sizes(other, oregs))
                if (
                    sizes[0].get(reg, 0) > MAX_PREFIX_REGION
                    or sizes[1].get(reg, 0) > MAX_PREFIX_REGION
                ):
                    continue
                bare = unprefixed(t.text)
                for u in other:
                    if u.key == bare and _region_of(oregs, u.start) == reg:
                        a, b = (u.text, t.text) if flip else (t.text, u.text)
                        return [ConflictSpan("negation", a, b)]
    return []


def _antonyms(lt, rt, left: str, right: str) -> list[ConflictSpan]:
    """A word on one side and its antonym on the other ("approved" / "rejected"), unless
    exactly one of the two is negated there: "did not approve" says what "rejected" says.
    (A negating word whose reach cannot be told counts as negating the word.)"""
    kl = {t.key: t.text for t in lt}
    if _ANTONYM_KEY_SET.isdisjoint(kl):
        return []  # (most sentences hold no word of the list)
    kr = {t.key: t.text for t in rt}
    out = []
    negated: list[set[str] | None] = []
    for a, b in _ANTONYM_KEYS:
        for x, y in ((a, b), (b, a)):
            if x in kl and y in kr and x not in kr and y not in kl:
                if not negated:
                    negated.extend((_negated(lt, left), _negated(rt, right)))
                nl, nr = negated
                if (nl is None or x in nl) != (nr is None or y in nr):
                    continue  # "did not approve" / "rejected": one claim
                out.append(ConflictSpan("antonym", kl[x], kr[y]))
    return out


# -- qualifiers ----------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+(?:[-'’‐][^\W_]+)*")


_ADJECTIVE_SUFFIX = re.compile(
    r"(ed|en|ive|al|ic|ous|ary|ory|ful|less|able|ible|ish|ant|ent|ing|ian|ese|ar)$"
)


def _adjective_like(word: str) -> bool:
    """A word that can restrict a noun: a compound (sawn-off, semi-automatic) or a word with
    an adjective's ending. Adverbs in -ly (roughly, nearly) hedge rather than restrict."""
    f = fold(word)
    if f.endswith("ly") or len(f) < 4:
        return False
    return "-" in f or _ADJECTIVE_SUFFIX.search(f) is not None


def _restricts(words: Sequence[str]) -> bool:
    """Whether one or two words can only be a qualifier: adjective-like, lower case, and
    no stop word, harmless modifier, negation or figure."""
    if not 1 <= len(words) <= 2:
        return False
    if any(
        fold(w) in STOP_WORDS
        or fold(w) in HARMLESS_MODIFIERS
        or fold(w) in NEGATIONS
        or w[:1].isupper()
        or w[:1].isdigit()
        or number_value([w], 0) is not None  # a figure in words ("dozen", "fifteen")
        for w in words
    ):
        return False
    return all(_adjective_like(w) for w in words)


def _head(kept: str) -> str | None:
    """The kept noun a qualifier stands before: the first word of the next kept run."""
    head = _WORD.match(kept)
    if not head or fold(head.group()) in STOP_WORDS or not head.group()[:1].islower():
        return None
    return head.group()


def _qualifier(words: Sequence[str], head: str, removed: bool) -> ConflictSpan:
    qualifier = " ".join(words)
    if removed:
        return ConflictSpan(
            "qualifier",
            f"{qualifier} {head}",
            head,
            f"qualifier removed: {qualifier} ({head})",
        )
    return ConflictSpan(
        "qualifier", head, f"{qualifier} {head}", f"qualifier added: {qualifier} ({head})"
    )


#: punctuation that keeps an inserted or replaced run from being a qualifier
_PUNCTUATION = re.compile(r"[.,;:!?()\"“”]")
#: the word a kept run starts with, after its space
_KEPT_HEAD = re.compile(r" ([^\W\d_][\w'’‐-]*)")


def _qualifiers(hunks: list[Hunk]) -> list[ConflictSpan]:
    """A modifier inserted (or deleted) between two kept runs, just before a kept noun; or
    added to a replaced word before a kept noun ("provide tents" / "supply heated tents":
    one word swapped for another plus a qualifier)."""
    out = []
    for k in range(1, len(hunks) - 1):
        h = hunks[k]
        if h.op is _EQUAL or hunks[k - 1].op is not _EQUAL:
            continue
        if hunks[k + 1].op is _EQUAL:
            text = h.left or h.right
            words = _WORD.findall(text)
            if _PUNCTUATION.search(text) or not text.endswith((" ", "\n")):
                continue
            head = _head(hunks[k + 1].left)
            if head and _restricts(words):
                out.append(_qualifier(words, head, h.op is _DELETE))
        elif k + 2 < len(hunks) and hunks[k + 2].op is _EQUAL:
            # a replaced run: delete + insert between kept runs (each hunk has one side)
            left, right = h.left + hunks[k + 1].left, h.right + hunks[k + 1].right
            kept = hunks[k + 2].left
            if _PUNCTUATION.search(left + right) or not kept.startswith(" "):
                continue
            lw, rw = _WORD.findall(left), _WORD.findall(right)
            head = _head(kept[1:])
            for longer, shorter, removed in ((rw, lw, False), (lw, rw, True)):
                if len(shorter) != 1 or len(longer) != 2 or _adjective_like(shorter[0]):
                    continue
                if head and fold(longer[1]) != fold(shorter[0]) and _restricts(longer[1:]):
                    out.append(_qualifier(longer[1:], head, removed))
    return out


#: Similarity a pair needs for a qualifier found in a replaced place: the noun it
#: qualifies is kept, and bare on the other side, which is evidence of its own.
REPLACED_QUALIFIER_SIM = 0.5
#: Endings of words that are no noun for a qualifier to restrict ("needed", "quickly").
_NOT_A_NOUN = re.compile(r"(ed|ly)$")


def _replaced_qualifiers(hunks: list[Hunk]) -> list[ConflictSpan]:
    """A qualifier ending one side of a replaced place, before a kept noun that the other
    side gives bare after a function word: "carrying sawn-off shotguns" / "armed with
    shotguns". Only a compound (sawn-off, semi-automatic, long-standing): a single word
    there is as often a noun or a verb ("the ECB president said", "carrying shotguns")."""
    out = []
    for k in range(1, len(hunks) - 2):
        a, b = hunks[k], hunks[k + 1]
        if hunks[k - 1].op is not _EQUAL or hunks[k + 2].op is not _EQUAL:
            continue
        if {a.op, b.op} != _DELETE_INSERT:
            continue
        removed = a.left or b.left
        added = a.right or b.right
        head = _KEPT_HEAD.match(hunks[k + 2].left)
        if (
            not head
            or not head.group(1)[:1].islower()
            or fold(head.group(1)) in STOP_WORDS
            or _NOT_A_NOUN.search(fold(head.group(1)))
        ):
            continue
        for text, other, deleted in ((removed, added, True), (added, removed, False)):
            words, others = _WORD.findall(text), _WORD.findall(other)
            if not words or not others or not text[-1:].isalnum() or not other[-1:].isalnum():
                continue
            word, last_other = words[-1], fold(others[-1])
            f = fold(word)
            if (
                last_other not in STOP_WORDS
                or f in STOP_WORDS
                or f in HARMLESS_MODIFIERS
                or f in NEGATIONS
                or not word[:1].islower()
                or f in {fold(w) for w in others}
                or "-" not in f
                or not _adjective_like(word)
            ):
                continue
            noun = head.group(1)
            if deleted:
                out.append(
                    ConflictSpan(
                        "qualifier", f"{word} {noun}", noun, f"qualifier removed: {word} ({noun})"
                    )
                )
            else:
                out.append(
                    ConflictSpan(
                        "qualifier", noun, f"{word} {noun}", f"qualifier added: {word} ({noun})"
                    )
                )
    return out
