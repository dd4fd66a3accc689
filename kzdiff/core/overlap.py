"""Links for shared facts: sentences that report one fact inside otherwise different text.

Two outlets' own reports of one event rarely share whole sentences. "Abah Abah was
sentenced to 25 years in prison by a special criminal court for embezzling 6 billion CFA
francs" and "The former Director of Taxation and others were found guilty of embezzling
over FCFA 6 billion" share one fact and each says more, so their similarity (a share of
all their words) stays under the aligner's bar, and, the texts having no common order,
no confident neighbour vouches for them either.

This pass runs after the aligner, on the sentences it left unpaired. What it measures is
not a share but an amount: the summed rarity weight of the content words (and number
values: "eight" = "8") the two sentences have in common. A sentence pair carrying several
rare shared words (a name, a sum, what it counts) shares a fact; two unrelated sentences
that share a name or a number do not reach it. Pairs are taken greedily, heaviest first,
each sentence at most once, and only when their similarity is also not negligible, so a
long sentence cannot collect a partner from scattered common words alone. A sentence left
over may then join a 1:1 pair (found here or by the aligner; 1:2 or 2:1, not necessarily
adjacent) when it passes the same test with that pair's sentence on the other side and
what it adds to that pair's shared words is another fact, a quantity: one sentence whose
facts the other text spreads over two.

A pair found here is an *overlap* (``relation="overlap"``): its kind is still identical,
paraphrase or conflict, but conflicts are looked for only in the shared fact
(:func:`shared_fact_conflicts`): a number counts as disagreeing only when the words
after it on each side say it counts the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from .conflicts import compound_names, mirrored, unprefixed
from .facts import referent, same_referent
from .memo import per_text
from .model import ConflictSpan
from .quantities import quantities
from .similarity import Features, Score, Weights, merge, score
from .text import WORD_RE, Token, fold, is_number, key, number_value, tokenize

#: shared weight (a word found once in each text weighs 1) an overlap needs: about three
#: rare words in common, e.g. a name, an amount and what the amount counts
OVERLAP_WEIGHT = 2.4
#: ... and a similarity (see :func:`~kzdiff.core.similarity.score`) of at least this much,
#: so that two long sentences sharing several common words of the story are not linked
OVERLAP_SIM = 0.30
#: ... unless what they share weighs this much and holds at least ``UNIQUE_SHARED`` words
#: found once in each text (a place, a find: words only these two sentences use), when a
#: lower similarity will do: two long sentences that each say much more around one fact
#: share a small part of their words, however rare those are
STRONG_WEIGHT = 3.0
UNIQUE_SHARED = 2
LOOSE_SIM = 0.20
#: shared weight of the words numbers count on both sides ("nine *suicide bombers*" /
#: "eight *suicide bombers*") that makes them one fact (see :func:`_counts_alike`)
COUNTED_WEIGHT = 1.5
#: a number value both sides give in different words ("eight" / "8") counts this much
VALUE_WEIGHT = 0.5
#: the words right after a number on both sides that, said nowhere else in either text,
#: name what both numbers count ("three *other teeth*" / "four *other teeth*"): a fact
#: of its own, however common each word is in the texts ...
PHRASE = 2
#: ... and what such a phrase weighs as a shared fact (as a word found once in each text)
PHRASE_WEIGHT = 1.0
#: how many partners each unpaired sentence is scored against
OVERLAP_TOP_K = 6
#: words after a number that say what it counts ("30 million *pounds*", "four *crew members*")
CONTEXT = 3
#: sentences each text needs for the pass to run: the weights are rarity within the
#: documents, and in two texts of a sentence or two every word is equally rare, so a few
#: shared words say nothing about a shared *fact* (the similarity bar alone decides there)
MIN_SENTENCES = 3
#: a pair neither of whose sentences is covered this much by the other (share of its
#: weight matched there) says more than what it shares on both sides: an overlap
SAME_COVER = 0.5
#: words that say how many or when without saying which or what ("several", "earlier"):
#: content words to the aligner, but no part of a fact two sentences could share. Two
#: sentences that both say "several" and "earlier" about different events share no fact,
#: however rare the two words are in the texts.
VAGUE = frozenset(
    key(w)
    for w in "several many various numerous earlier later previously recently already "
    "still also again soon ago meanwhile".split()
)
#: relation of a pair: the same content, or one shared fact with more said on each side
SAME, OVERLAP = "same", "overlap"


def relation_of(sc: Score) -> str:
    """'overlap' when each side of a scored pair says much the other does not, else 'same'."""
    return OVERLAP if max(sc.cover_left, sc.cover_right) < SAME_COVER else SAME


@lru_cache(maxsize=50_000)
def _is_numeral(word: str) -> bool:
    return word[:1].isdigit() or number_value([word], 0) is not None


def _numerals(f: Features) -> int:
    """How many of a sentence's words could be numbers (at least its distinct values)."""
    return sum(map(_is_numeral, [t.text for t in f.tokens]))


def _numbers(f: Features) -> tuple[tuple[str, int], ...]:
    """Each number of a sentence: its value and the index of the token after it."""
    return _number_ends(f.tokens)


@per_text(maxsize=4096)  # read by number_values, counted and _counted_phrases: once
def _number_ends(tokens: tuple[Token, ...]) -> tuple[tuple[str, int], ...]:
    words = [t.text for t in tokens]
    out = []
    i = 0
    while i < len(words):
        got = number_value(words, i)
        if got is None:
            i += 1
            continue
        i += got[1]
        out.append((got[0], i))
    return tuple(out)


def _memo(cache: dict, key, fn, f: Features):
    """``fn(f)``, computed once per ``key`` (a sentence is scored against several)."""
    got = cache.get(key)
    if got is None:
        got = cache[key] = fn(f)
    return got


def number_values(f: Features) -> frozenset[str]:
    """The values of the numbers in a sentence ("eight" and "8" both give '8')."""
    return frozenset(value for value, _ in _numbers(f))


def shared_words(a: Features, b: Features) -> frozenset[str]:
    """The content keys two sentences share, vague words left out (see ``VAGUE``)."""
    # (the shared keys first, then the function words of either side taken out: the
    # same set, from a far smaller one)
    return (a.keys & b.keys) - a.stops - b.stops - VAGUE


def shared_facts(
    a: Features, b: Features, values: tuple[frozenset[str], frozenset[str]] | None = None
) -> frozenset[str]:
    """What two sentences have in common: content keys, plus ``#value`` for each number
    value the two give in different words (``values``: both sentences' number values, if
    the caller has them)."""
    shared = shared_words(a, b)
    va, vb = values or (number_values(a), number_values(b))
    return shared | {"#" + v for v in (va & vb) - shared}


def counted(f: Features) -> frozenset[str]:
    """Content keys of the words just after each number: what the numbers count."""
    out = set()
    for _, i in _numbers(f):
        out.update(t.key for t in f.tokens[i : i + CONTEXT] if t.content and not is_number(t.text))
    return frozenset(out)


def fact_weight(shared: frozenset[str], w: Weights) -> float:
    """The rarity weight of :func:`shared_facts` (a word found once in each text weighs 1)."""
    return sum(VALUE_WEIGHT if k.startswith("#") else w(k) for k in shared)


def _counts_alike(
    shared: frozenset[str],
    a: Features,
    b: Features,
    w: Weights,
    counts: Callable[[Features], frozenset[str]],
) -> bool:
    """Do numbers on both sides count the same rare thing ("nine suicide bombers" /
    "eight suicide bombers")? That is one fact, whatever the two figures: worth a number
    value, and evidence enough for a lower similarity. Needs ``COUNTED_WEIGHT`` of shared
    words after the numbers, one of them found once in each text."""
    words = {k for k in shared if not k.startswith("#")}
    if fact_weight(frozenset(words), w) < COUNTED_WEIGHT or not any(w(k) >= 0.99 for k in words):
        return False  # cheap test first: most candidate pairs stop here
    both = shared & counts(a) & counts(b)
    return fact_weight(both, w) >= COUNTED_WEIGHT and any(w(k) >= 0.99 for k in both)


def _counted_phrases(f: Features) -> frozenset[tuple[str, ...]]:
    """The ``PHRASE`` words right after each number of a sentence (their keys), when they
    follow each other with nothing but a space between, hold a content word and no
    number: "three other teeth" gives ("other", "teeth")."""
    out = set()
    toks = f.tokens
    for _, i in _numbers(f):
        ph = toks[i : i + PHRASE]
        if (
            len(ph) == PHRASE
            and any(t.content for t in ph)
            and not any(_is_numeral(t.text) for t in ph)
            and _adjacent(ph)
        ):
            out.add(tuple(t.key for t in ph))
    return frozenset(out)


def _adjacent(toks: Sequence) -> bool:
    """Do these words follow each other with one space between (no punctuation)?"""
    return all(
        toks[n + 1].start - toks[n].start - len(toks[n].text) == 1 for n in range(len(toks) - 1)
    )


def _phrase_counts(feats: Sequence[Features | None]) -> dict[tuple[str, ...], int]:
    """In how many sentences of a text each run of ``PHRASE`` adjacent words occurs."""
    counts: dict[tuple[str, ...], int] = {}
    for f in feats:
        if f is None:
            continue
        toks = f.tokens
        seen = {
            tuple(t.key for t in toks[n : n + PHRASE])
            for n in range(len(toks) - PHRASE + 1)
            if _adjacent(toks[n : n + PHRASE])
        }
        for k in seen:
            counts[k] = counts.get(k, 0) + 1
    return counts


def _strong(shared: frozenset[str], weight: float, w: Weights) -> bool:
    """Is a shared fact heavy enough to link two loosely similar sentences: a weight of
    ``STRONG_WEIGHT`` with ``UNIQUE_SHARED`` words found once in each text?"""
    if weight < STRONG_WEIGHT:
        return False
    return sum(1 for k in shared if not k.startswith("#") and w(k) >= 0.99) >= UNIQUE_SHARED


def _too_light(f: Features | None, w: Weights) -> bool:
    """Could this sentence not share enough with any other, even if all its words were?"""
    if f is None:
        return True
    content = f.keys - f.stops
    return sum(w(k) for k in content) + VALUE_WEIGHT * _numerals(f) < OVERLAP_WEIGHT


def find_overlaps(
    left: Sequence[Features | None],
    right: Sequence[Features | None],
    w: Weights,
    groups: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    indexes: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None,
) -> list[tuple[int | None, tuple[int, ...], tuple[int, ...], float]]:
    """Shared-fact links for the sentences the aligner left unpaired.

    ``groups`` are the (left ids, right ids) already aligned. Returns (index of the group
    in ``groups`` that grew, or None for a new one; its left ids, right ids, similarity):

    * new 1:1 pairs of unpaired sentences that share a fact, heaviest first;
    * then 1:2 / 2:1: a sentence still unpaired joins the 1:1 pair (new or aligned) of the
      partner it shares most with, when it passes the same test with that partner. One
      sentence's facts may be spread over two of the other text's, adjacent or not.

    Candidates come from an inverted index of content keys (as in the aligner), probed
    only from unpaired sentences, so the pass stays near-linear; ``indexes`` are the
    aligner's, if the caller has them (see :func:`~kzdiff.core.align.candidates`).
    """
    from .align import candidates  # align imports nothing from here; avoid a cycle at load

    if min(len(left), len(right)) < MIN_SENTENCES:
        return []
    owner_l = {i: n for n, (lt, _) in enumerate(groups) for i in lt}
    owner_r = {j: n for n, (_, rt) in enumerate(groups) for j in rt}
    single = {n for n, (lt, rt) in enumerate(groups) if len(lt) == len(rt) == 1}
    # A sentence of a 1:2 or 2:1 group takes no more partners; one of a 1:1 pair may. An
    # unpaired sentence too light to share a fact is left out (a paired one is only looked
    # up, and if light it cannot pass the test anyway).
    lf = [
        (None if owner_l[i] not in single else f)
        if i in owner_l
        else (None if _too_light(f, w) else f)
        for i, f in enumerate(left)
    ]
    rf = [
        (None if owner_r[j] not in single else f)
        if j in owner_r
        else (None if _too_light(f, w) else f)
        for j, f in enumerate(right)
    ]
    # (equivalent mutant: free_l and free_r only decide an early return that saves work)
    free_l = [
        i
        for i, f in enumerate(lf)
        if f is not None and i not in owner_l  # pragma: no mutate
    ]
    free_r = [j for j, f in enumerate(rf) if f is not None and j not in owner_r]
    if not free_l and not free_r:
        return []
    fresh: list[tuple[float, float, int, int, int]] = []  # both sentences unpaired
    joins: list[tuple[float, float, int, int, int]] = []  # one of them in an aligned 1:1
    values: dict[tuple[int, int], frozenset[str]] = {}  # (side, index) -> number values
    numerals: dict[tuple[int, int], int] = {}  # (side, index) -> words that may be numbers
    shared_of: dict[tuple[int, int], frozenset[str]] = {}
    phrases: dict[tuple[int, int], frozenset[tuple[str, ...]]] = {}  # (side, index) -> phrases
    phrase_counts: list[dict[tuple[str, ...], int]] = []  # per side, made on first need

    def same_phrase(i: int, j: int, a: Features, b: Features) -> bool:
        """Do numbers on both sides count one phrase said nowhere else (see ``PHRASE``)?"""
        both = _memo(phrases, (0, i), _counted_phrases, a) & _memo(
            phrases, (1, j), _counted_phrases, b
        )
        if not both:
            return False
        if not phrase_counts:
            phrase_counts.extend((_phrase_counts(left), _phrase_counts(right)))
        return any(phrase_counts[0].get(p) == 1 == phrase_counts[1].get(p) for p in both)

    counted_of: dict[int, frozenset[str]] = {}  # id of a sentence's features -> counted

    def counts(f: Features) -> frozenset[str]:
        """:func:`counted`, once per sentence (a sentence is scored against several)."""
        return _memo(counted_of, id(f), counted, f)

    skip = (set(owner_l), set(owner_r))
    # partners by their rare shared words: a fact is carried by those, so common words
    # need not re-rank them (which is most of the search's cost)
    found_pairs = candidates(lf, rf, w, skip, OVERLAP_TOP_K, indexes, identical=False, refine=False)
    for i, j in found_pairs:
        a, b = lf[i], rf[j]
        if a is None or b is None or (i in owner_l and j in owner_r):
            continue
        words = fact_weight(shared_words(a, b), w)
        if words < OVERLAP_WEIGHT:
            na, nb = _memo(numerals, (0, i), _numerals, a), _memo(numerals, (1, j), _numerals, b)
            n = min(na, nb)
            if words + VALUE_WEIGHT * n + (PHRASE_WEIGHT if n else 0.0) < OVERLAP_WEIGHT:
                continue  # cannot pass even if every number matched (the common case)
        va, vb = _memo(values, (0, i), number_values, a), _memo(values, (1, j), number_values, b)
        # (equivalent mutant: shared_facts computes the same values when not given them)
        facts = shared_facts(a, b, (va, vb))  # pragma: no mutate
        weight = fact_weight(facts, w)
        phrase = same_phrase(i, j, a, b)
        same_count = phrase or _counts_alike(facts, a, b, w, counts)
        weight += VALUE_WEIGHT * same_count + PHRASE_WEIGHT * phrase
        if weight < OVERLAP_WEIGHT:
            continue
        sim = score(a, b, w).similarity
        if sim >= OVERLAP_SIM or (sim >= LOOSE_SIM and (same_count or _strong(facts, weight, w))):
            # heaviest first; ties by position (the caller aligns in a canonical orientation)
            item = (-round(weight, 9), -sim, min(i, j), i, j)
            (joins if i in owner_l or j in owner_r else fresh).append(item)
            shared_of[(i, j)] = facts
    fresh.sort()
    out: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # group number -> ids
    new_l: dict[int, int] = {}
    new_r: dict[int, int] = {}
    base = len(groups)
    for _, _, _, i, j in fresh:
        if i not in new_l and j not in new_r:
            new_l[i] = new_r[j] = base + len(out)
            out[base + len(out)] = ((i,), (j,))

    def adds_a_fact(i: int, j: int, partner: int, side: int) -> bool:
        """Does the pair (i, j) share a fact that the partner's own pair does not?
        ``side`` 0: ``i`` is the partner (a left sentence) and ``j`` would join it."""
        had = shared_of.get((i, partner)) if side == 0 else shared_of.get((partner, j))
        if had is None:
            a, b = (lf[i], rf[partner]) if side == 0 else (lf[partner], rf[j])
            if a is None or b is None:
                return False
            had = shared_facts(a, b)
        novel = shared_of[(i, j)] - had
        bonus = VALUE_WEIGHT * _counts_alike(novel, lf[i], rf[j], w, counts)
        if fact_weight(novel, w) + bonus < OVERLAP_WEIGHT:
            return False
        # ... and is that a quantity: a number both give, or what numbers on both sides
        # count ("30 million pounds" / "35 million pounds")? A name with a title shared by
        # a caption and a quote is a description, not a fact spread over two sentences.
        a, b = lf[i], rf[j]
        return any(k.startswith("#") or k[:1].isdigit() for k in novel) or bool(
            novel & counts(a) & counts(b)
        )

    # Grow 1:1 pairs (aligned or new) with a sentence still unpaired that shares another
    # fact with the pair's sentence on the other side (not the one its partner shares).
    for _, _, _, i, j in sorted(joins + [x for x in fresh if (x[3] in new_l) != (x[4] in new_r)]):
        if i in new_l or i in owner_l:
            if j in new_r or j in owner_r:
                continue
            g = new_l.get(i, owner_l.get(i))
            lt, rt = out.get(g, groups[g] if g < base else ((), ()))
            if len(lt) == len(rt) == 1 and adds_a_fact(i, j, rt[0], 0):
                out[g] = (lt, tuple(sorted((*rt, j))))
                new_r[j] = g
        else:
            g = new_r.get(j, owner_r.get(j))
            lt, rt = out.get(g, groups[g] if g < base else ((), ()))
            if len(lt) == len(rt) == 1 and adds_a_fact(i, j, lt[0], 1):
                out[g] = (tuple(sorted((*lt, i))), rt)
                new_l[i] = g
    result = []
    for g, (lt, rt) in sorted(out.items()):
        a = merge([left[x] for x in lt])
        b = merge([right[x] for x in rt])
        result.append((g if g < base else None, lt, rt, score(a, b, w).similarity))
    return result


def _contexts(text: str, surface: str, before: bool) -> list[set[str]]:
    """For each place ``surface`` (a number or a name as written) stands in ``text``: the
    content keys of the few words after it, which say what a number counts, or (with
    ``before``) of the few words before it, which say what a name is ("judge Tamm"). (A
    number's words before often belong to other content: "date 2025-08-24 Researchers".)"""
    toks = tokenize(text)
    words = [fold(t.text) for t in toks]
    target = [fold(x) for x in WORD_RE.findall(surface)]
    out = []
    for n in range(len(words) - len(target) + 1):
        if not target or words[n : n + len(target)] != target:
            continue
        if before:
            lo, hi = max(0, n - CONTEXT), n
        else:
            # a unit or currency read into the quantity ("30 million *euros*") says what
            # it counts as much as a word after it would
            lo, hi = n, min(len(toks), n + len(target) + CONTEXT)
        out.append(
            {
                key(t.text)
                for t in toks[lo:hi]
                if t.content and not t.text[:1].isdigit() and number_value([t.text], 0) is None
            }
        )
    return out


def shared_fact_conflicts(
    left: str, right: str, conflicts: Sequence[ConflictSpan]
) -> tuple[ConflictSpan, ...]:
    """The conflicts of an overlap pair that concern its shared fact.

    Sentences that share one fact say different things around it, so a number, name or
    negation found on one side only is usually just more content. A number (or date)
    conflict is kept when the unit and few words after the two numbers share a content
    word (30 million *euros* vs 35 million *euros*; not four *crew members* vs five
    *Indian nationals*), when the facts table reads the same referent for both ("causing
    three deaths" / "killing at least 22 people") or when the two are one score in the
    other order (52-48 / 48-52); a name conflict when the few words before the two names
    share a word (*judge* Tamm vs *judge* Saar) or the names stand in the same compound
    before the same noun ("Liberian-flagged oil tanker" / "Panama-flagged tanker"); a
    negation when it is one word against its prefixed form ("uncommon" / "common").
    Other negations, antonyms and qualifiers need a word-for-word correspondence that an
    overlap does not have.
    """
    out = []
    for c in conflicts:
        if c.type == "negation" and _prefix_pair(c):
            out.append(c)  # "not uncommon" / "not common": one word, negated in place
            continue
        if c.type not in ("number", "date", "name") or not c.left or not c.right:
            continue
        if c.type != "name" and (
            _same_referents(left, c.left, right, c.right) or _mirrored(c.left, c.right)
        ):
            out.append(c)
            continue
        if c.type == "name" and _same_compound(left, c.left, right, c.right):
            out.append(c)  # "Liberian-flagged tanker" / "Panama-flagged tanker"
            continue
        before = c.type == "name"
        cl, cr = _contexts(left, c.left, before), _contexts(right, c.right, before)
        if any(x & y for x in cl for y in cr):
            out.append(c)
    return tuple(out)


def _same_referents(left: str, surface_l: str, right: str, surface_r: str) -> bool:
    """Do the two quantities written ``surface_l`` and ``surface_r`` refer to one thing by
    the facts table's reading (:func:`~kzdiff.core.facts.referent`): "causing three
    deaths" and "killing at least 22 people" both count the dead, "a depth of 10
    kilometres" and "a depth of 15 kilometres" are both depths. The same evidence the
    classifier and the facts table accept, so a shared fact keeps the conflict they find."""
    ra = [referent(left, q) for q in quantities(left) if q.text == surface_l]
    rb = [referent(right, q) for q in quantities(right) if q.text == surface_r]
    return any(a is not None and b is not None and same_referent(a, b) for a in ra for b in rb)


def _mirrored(surface_l: str, surface_r: str) -> bool:
    """Two scores with the same figures in the other order ("52-48" / "48-52")."""
    a, b = quantities(surface_l), quantities(surface_r)
    return len(a) == len(b) == 1 and mirrored(a[0], b[0])


def _same_compound(left: str, surface_l: str, right: str, surface_r: str) -> bool:
    """Is this name conflict two compounds of a name with one second part before one noun
    ("Liberian-flagged oil tanker" / "Panama-flagged tanker")? That place is shared."""
    if "-" not in surface_l or "-" not in surface_r:
        return False
    found = compound_names(tokenize(left), tokenize(right))
    return any(c.left == surface_l and c.right == surface_r for c in found)


def _prefix_pair(c: ConflictSpan) -> bool:
    """A negation that is one word against its prefixed form ("uncommon" / "common")."""
    a, b = c.left.strip(), c.right.strip()
    if not a or not b or " " in a or " " in b:
        return False
    return unprefixed(a) == key(b) or unprefixed(b) == key(a)
