"""The comparison pipeline: segment, align, diff, classify; returns a :class:`Comparison`.

This is the one entry point views use. It is pure Python and imports no Qt, so the
window runs it in a worker thread and scripts run it headless. ``cancelled`` lets a
caller abandon a long comparison between stages.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import logging
import operator
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from .align import Aligner, Group, copy_runs, extras_in_chain, gap_around
from .beside import Beside, BothEnds, from_both_ends, may_fork
from .conflicts import find_conflicts
from .fact_links import link_by_facts
from .facts import fact_table, sentence_facts, stated_facts
from .furniture import mark_furniture
from .headlines import headline_group
from .loading import LoadedText, load_file
from .memo import comparison_table, sentence_memo
from .model import GROUP_SEPARATOR, Comparison, DiffOp, Document, Kind, Op, Pair, Sentence
from .names import display_name
from .overlap import OVERLAP, SAME, find_overlaps, relation_of, shared_fact_conflicts
from .quantities import INVISIBLE, same_quantities
from .segment import has_sentence_stops, segment
from .semantic_links import blended_similarities, semantic_groups
from .similarity import (
    IDENTICAL_SCORE,
    Features,
    Score,
    Weights,
    features,
    received_features,
    score,
    sent_features,
)
from .text import WORD_RE, fold, tokenize
from .worddiff import REWRITTEN_BELOW, diff_words, kept_share, to_ops

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside :func:`compare_documents` when the caller's ``cancelled()`` says so."""


def make_document(loaded: LoadedText) -> Document:
    warnings = list(loaded.warnings)
    name = display_name(loaded.path) if loaded.path else "the text"
    if not loaded.text.strip():
        warnings.append(
            f"{name}: is empty" if not loaded.text else f"{name}: holds only white space"
        )
    elif "\n" in loaded.text.strip() and not has_sentence_stops(loaded.text):
        warnings.append(
            f"{name}: has no sentence punctuation; each line is compared as one sentence"
        )
    for w in warnings[len(loaded.warnings) :]:
        log.warning("%s", w)
    with gc_paused():  # as a comparison is (see gc_paused): 300,000 lines spent 30 % there
        sentences = mark_furniture(loaded.text, segment(loaded.text))
    return Document(
        text=loaded.text,
        sentences=sentences,
        path=loaded.path,
        encoding=loaded.encoding,
        size=loaded.size,
        warnings=tuple(warnings),
        format=loaded.format,
        title=loaded.title,
        author=loaded.author,
        date=loaded.date,
        encoding_guessed=loaded.encoding_guessed,
    )


def text_document(text: str, name: str | None = None) -> Document:
    """A document from text in memory (newlines normalised here)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return make_document(LoadedText(text, "utf-8", name, len(text.encode("utf-8"))))


def _group_text(sentences: Sequence[Sentence], ids: Sequence[int]) -> str:
    if len(ids) == 1:  # (most groups: a join over a generator cost five times as much)
        return sentences[ids[0]].text
    return GROUP_SEPARATOR.join([sentences[i].text for i in ids])


_EQUAL = Op.EQUAL  # (an enum member looked up on its class costs 80 ns, a global 10)


def classify(
    left: str,
    right: str,
    similarity: float,
    moved: bool,
    lids: tuple[int, ...],
    rids: tuple[int, ...],
    relation: str = SAME,
    reported: float | None = None,
) -> Pair:
    """Kind, word diff and conflicts of one aligned group.

    ``similarity`` is the lexical one, which the conflict checks' thresholds were set on;
    the pair reports ``reported`` instead when given (lexical blended with meaning, see
    :func:`~kzdiff.core.semantic_links.blended_similarities`).
    An ``overlap`` pair shares one fact and each side says more: only conflicts in that
    shared fact count (see :func:`~kzdiff.core.overlap.shared_fact_conflicts`).
    """
    if left == right:  # the common case in revisions: no diff to compute
        return Pair(lids, rids, Kind.IDENTICAL, moved, 1.0, (DiffOp(Op.EQUAL, left),))
    hunks = diff_words(left, right)
    if all(h.op is _EQUAL for h in hunks) or _same_words(left, right):
        return Pair(lids, rids, Kind.IDENTICAL, moved, 1.0, to_ops(hunks))
    conflicts = tuple(find_conflicts(left, right, hunks, similarity))
    if relation == OVERLAP:
        conflicts = shared_fact_conflicts(left, right, conflicts)
    kind = Kind.CONFLICT if conflicts else Kind.PARAPHRASE
    if relation == OVERLAP:
        # Each side says more than the shared fact, so a word diff is confetti: shown whole
        # (rewritten), but the diff keeps its equal runs, the words the two share.
        rewritten, ops = True, to_ops(hunks)
    else:
        rewritten = kept_share(hunks) < REWRITTEN_BELOW
        ops = to_ops(hunks, rewritten)
    return Pair(
        lids,
        rids,
        kind,
        moved,
        similarity if reported is None else reported,
        ops,
        conflicts,
        rewritten,
        relation,
    )


_PERCENT_SPACE = re.compile(r"(\d)\s+%")


def _same_words(left: str, right: str) -> bool:
    """Identical but for white space, punctuation, quote style and case."""
    a, b = (
        _PERCENT_SPACE.sub(r"\1%", INVISIBLE.sub("", x)) if "%" in x else INVISIBLE.sub("", x)
        for x in (left, right)
    )
    if a.rstrip().endswith("?") != b.rstrip().endswith("?"):
        return False  # a statement made a question
    if a == left and b == right and _keys(left) != _keys(right):
        # Texts left as they are: their words are their tokens' (read for the conflict
        # checks anyway), and words of other keys are other words once folded. Most
        # changed pairs are told apart so, without folding every word again.
        return False
    words = list(map(fold, WORD_RE.findall(a))) == list(map(fold, WORD_RE.findall(b)))
    return words and same_quantities(a, b)


def _keys(text: str) -> list[str]:
    """The keys of a text's word tokens, in order."""
    return list(map(_TOKEN_KEY, tokenize(text)))


_TOKEN_KEY = operator.itemgetter(2)  # a Token's key (tokens are named tuples)


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block (restoring the caller's setting).

    A comparison allocates millions of small objects that hold no reference cycles
    (reference counting frees them); the cyclic collector would re-scan the whole growing
    heap every time it grows by a quarter, which costs a quarter of the run time and, in
    the window, pauses of a fifth of a second on whichever thread triggers it. With
    ``freeze``, what is alive at the end is moved out of the collector's sight
    (``gc.freeze``), so a comparison kept on screen is never re-scanned either; that is
    the application's call (the window's worker makes it), not a library's.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def compare_documents(
    left: Document, right: Document, cancelled: Callable[[], bool] = lambda: False
) -> Comparison:
    """Align and classify two segmented documents."""
    with gc_paused(), sentence_memo():
        return _compare_documents(left, right, cancelled)


def _compare_documents(
    left: Document, right: Document, cancelled: Callable[[], bool]
) -> Comparison:
    # Page furniture is set aside: the aligner sees the article's sentences only (renumbered
    # in order), and the furniture comes back as pairs of its own in reading order.
    lkeep = [s.id for s in left.sentences if s.block != "furniture"]
    rkeep = [s.id for s in right.sentences if s.block != "furniture"]
    ls, rs = _renumbered(left.sentences, lkeep), _renumbered(right.sentences, rkeep)
    chars = len(left.text) + len(right.text)
    sizes = len(left.sentences), len(right.sentences)
    # Align in one canonical orientation and mirror back: ties (copies of one sentence,
    # equally good partners) are then broken the same way whichever text is on the left.
    flip = (len(rs), right.text) < (len(ls), left.text)
    a, b = (rs, ls) if flip else (ls, rs)
    fixed = fixed_pairs(a, b)
    needed = _featured_texts(a, b, fixed)
    # In a headless run of a long comparison a helper process computes the sentences'
    # features from the back while this one does from the front, then reads the facts
    # each sentence states, which need only the texts (see beside)
    with BothEnds(
        features,
        needed,
        worth_it=chars >= BESIDE_CHARS,
        chunk=16,
        child_fn=sent_features,
        rebuild=received_features,
        then=(sentence_facts, (left.sentences, right.sentences)),
    ) as helper:
        made = dict(zip(needed, helper.results(_check(cancelled)), strict=True))
        _keep_tokens(made)
        first, more = _aligned(a, b, flip, fixed, made, cancelled)
        del made
        with _Classifying(first, ls, rs, chars <= EARLY_CHARS) as early:
            groups = more()
            if cancelled():
                raise Cancelled
            # what is left to do here before joining it is shared with the helper, which
            # meanwhile takes more of the groups: giving back the sentences' features and
            # the aligner's tables, reading the facts the first helper sent, and filing
            # the facts each sentence states
            del first, more
            known = helper.then_result()
            stated = stated_facts(left.sentences, right.sentences, known)
            pairs = _pairs(groups, ls, rs, lkeep, rkeep, sizes, cancelled, early)
    facts = fact_table(left.sentences, right.sentences, pairs, known, stated)
    pairs = link_by_facts(left.sentences, right.sentences, pairs, facts, _fact_pair(left, right))
    return Comparison(left, right, tuple(pairs), facts=facts)


#: characters (both texts) up to which the groups' classification begins in a helper
#: before the shared-fact pass: after a fork, every page either process writes is copied,
#: and on 5 MB a side the copies the shared-fact pass and the freeing of the features made
#: cost more than the head start (0.7 s and 190 MB more); on the 10k pair (2.7 MB) it
#: pays
EARLY_CHARS = 4_000_000

#: characters (both texts) from which a helper process pays, sharing the features and
#: reading the facts (about 2,000 sentences): the fork takes milliseconds, sending a
#: sentence's facts back ~5 µs, reading them ~25 µs
BESIDE_CHARS = 200_000


def _aligned(
    ls: Sequence[Sentence],
    rs: Sequence[Sentence],
    flip: bool,
    fixed: list[tuple[int, int]],
    made: dict[str, Features],
    cancelled: Callable[[], bool],
) -> tuple[list[Group], Callable[[], list[Group]]]:
    """The aligner's groups of ``ls`` and ``rs`` (the sentences that are not furniture,
    renumbered, in the canonical orientation: ``flip``, the right text's first), and how
    to get all of them (see :func:`align_sentences`), mirrored back when flipped;
    ``fixed``: their :func:`fixed_pairs`, ``made``: features already computed."""
    first, more = _align_in_two(ls, rs, cancelled, fixed, made)
    if cancelled():
        raise Cancelled
    if not flip:
        return first, more
    return [_mirror(g) for g in first], lambda: [_mirror(g) for g in more()]


def _featured_texts(
    ls: Sequence[Sentence], rs: Sequence[Sentence], fixed: Sequence[tuple[int, int]]
) -> list[str]:
    """The distinct texts of the sentences the aligner computes features of (those not
    in ``fixed`` pairs), in reading order, the left text's first."""
    fixed_l = {i for i, _ in fixed}
    fixed_r = {j for _, j in fixed}
    texts = [s.text for s in ls if s.id not in fixed_l]
    texts += [s.text for s in rs if s.id not in fixed_r]
    return list(dict.fromkeys(texts))


def _keep_tokens(made: dict[str, Features]) -> None:
    """Keep the tokens of features made in a helper process for the later stages, as
    features() made here keeps them (see :mod:`.memo`)."""
    table = comparison_table(tokenize)
    if table is not None:
        for text, f in made.items():
            table.setdefault(text, f.tokens)


def _pairs(
    groups: list[Group],
    ls: Sequence[Sentence],
    rs: Sequence[Sentence],
    lkeep: list[int],
    rkeep: list[int],
    sizes: tuple[int, int],
    cancelled: Callable[[], bool],
    early: _Classifying,
) -> list[Pair]:
    """The groups classified, with the missing sentences and the furniture, in reading
    order (``sizes``: the two documents' sentences, furniture included); ``early``, the
    groups' classification, perhaps begun in a helper process."""
    jobs = _jobs(groups, _texts(groups, ls, rs))
    if cancelled():
        raise Cancelled
    order = _reading_order(groups, len(ls), len(rs))  # (made while a helper classifies)
    done = early.classified(jobs, _check(cancelled))
    pairs = [done[x] if isinstance(x, int) else x for x in order]
    return _with_furniture(pairs, lkeep, rkeep, *sizes)


def _texts(
    groups: Sequence[Group], ls: Sequence[Sentence], rs: Sequence[Sentence]
) -> list[tuple[str, str]]:
    """The two texts of each group."""
    return [(_group_text(ls, g.left), _group_text(rs, g.right)) for g in groups]


def _worth_sharing(texts: Sequence[tuple[str, ...]]) -> bool:
    """Are the characters of the groups (given by their two texts, first in each tuple)
    whose texts differ enough for a helper process to pay (BESIDE_CHANGED_CHARS)?"""
    return sum(len(t[0]) + len(t[1]) for t in texts if t[0] != t[1]) >= BESIDE_CHANGED_CHARS


def _jobs(groups: Sequence[Group], texts: Sequence[tuple[str, str]]) -> list[tuple]:
    """The arguments of :func:`classify` for each group (``texts``: its two texts)."""
    reported = blended_similarities([g.score.similarity for g in groups], texts)
    return [
        (*texts[n], g.score.similarity, g.moved, g.left, g.right, g.relation, reported[n])
        for n, g in enumerate(groups)
    ]


#: characters of changed groups from which sharing their classification with a helper
#: process pays (about 400 changed pairs of news sentences)
BESIDE_CHANGED_CHARS = 100_000


class _Classifying:
    """The classification of the aligner's groups, begun in a helper process (see
    :class:`~.beside.BothEnds`) when their changed texts are long enough for one to pay
    (the groups whose texts differ are the work: a word diff, the conflict checks), and
    when ``early``; otherwise the helper, if any, starts when the final groups are
    classified."""

    def __init__(
        self,
        groups: Sequence[Group],
        ls: Sequence[Sentence],
        rs: Sequence[Sentence],
        early: bool = True,
    ):
        self.jobs: list[tuple] = []
        if groups and early and may_fork():
            texts = _texts(groups, ls, rs)
            if _worth_sharing(texts):
                self.jobs = _jobs(groups, texts)
        self.shared = BothEnds(_classify_job, self.jobs, worth_it=bool(self.jobs), chunk=8)

    def classified(self, jobs: list[tuple], check: Callable[[], None]) -> list[Pair]:
        """The pair of each job (the final groups'): a job begun early keeps its result
        when it is the very same job, the others are classified here."""
        if not self.shared.running:
            return from_both_ends(
                _classify_job, jobs, worth_it=_worth_sharing(jobs), chunk=8, check=check
            )
        done = self.shared.results(check)
        early = self.jobs
        return [
            done[n] if n < len(early) and job == early[n] else classify(*job)
            for n, job in enumerate(jobs)
        ]

    def __enter__(self) -> _Classifying:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shared.close()


def _classify_job(job: tuple) -> Pair:
    return classify(*job)


def _check(cancelled: Callable[[], bool]) -> Callable[[], None]:
    """A check that raises :class:`Cancelled` once ``cancelled()``."""

    def check() -> None:
        if cancelled():
            raise Cancelled

    return check


def _fact_pair(left: Document, right: Document) -> Callable[[int, int, bool], Pair]:
    """How :func:`~kzdiff.core.fact_links.link_by_facts` makes the pair of two sentences:
    an overlap (:func:`classify`), its similarity that of the two sentences alone (every
    word as rare as the next); its kind and conflicts are the facts'."""

    def make(i: int, j: int, cross: bool) -> Pair:
        a, b = left.sentences[i].text, right.sentences[j].text
        fa, fb = features(a), features(b)
        sim = score(fa, fb, Weights([fa], [fb])).similarity
        return dataclasses.replace(classify(a, b, sim, False, (i,), (j,), OVERLAP), cross=cross)

    return make


def _renumbered(sentences: Sequence[Sentence], keep: list[int]) -> Sequence[Sentence]:
    if len(keep) == len(sentences):
        return sentences
    return [dataclasses.replace(sentences[i], id=n) for n, i in enumerate(keep)]


def _with_furniture(
    pairs: list[Pair], lkeep: list[int], rkeep: list[int], n: int, m: int
) -> list[Pair]:
    """Map the aligned pairs back to the sentence ids and put each furniture sentence in
    as a pair of its own, just after the pair that precedes it on its side."""
    if len(lkeep) == n and len(rkeep) == m:
        return pairs
    mapped = [
        dataclasses.replace(
            p, left=tuple(lkeep[i] for i in p.left), right=tuple(rkeep[j] for j in p.right)
        )
        for p in pairs
    ]
    keyed: list[tuple[float, float, int, Pair]] = [(k, 0, 0, p) for k, p in enumerate(mapped)]
    for side, keep, total in (("left", lkeep, n), ("right", rkeep, m)):
        kept = set(keep)
        # the position (in ``mapped``) of the pair holding each kept sentence of this side
        where = {i: k for k, p in enumerate(mapped) for i in p.ids(side)}
        last = -1.0
        for i in range(total):
            if i in kept:
                last = max(last, where.get(i, last))
                continue
            ids = ((i,), ()) if side == "left" else ((), (i,))
            keyed.append((last + 0.5, 1 if side == "left" else 2, i, Pair(*ids, Kind.FURNITURE)))
    keyed.sort(key=lambda t: (t[0], t[1], t[2]))
    return [t[3] for t in keyed]


def align_sentences(
    ls: Sequence[Sentence], rs: Sequence[Sentence], cancelled: Callable[[], bool]
) -> list[Group]:
    """The aligned groups of two sentence lists (see :mod:`kzdiff.core.align`)."""
    _, more = _align_in_two(ls, rs, cancelled)
    return more()


def fixed_pairs(ls: Sequence[Sentence], rs: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Unique sentences and runs of copies, paired before any features are computed;
    sorted by left position as unique_identical gives them."""
    fixed = unique_identical(ls, rs)
    runs = copy_runs([s.text for s in ls], [s.text for s in rs])
    return sorted(fixed + runs) if runs else fixed


def _align_in_two(
    ls: Sequence[Sentence],
    rs: Sequence[Sentence],
    cancelled: Callable[[], bool],
    fixed: list[tuple[int, int]] | None = None,
    made: dict[str, Features] | None = None,
) -> tuple[list[Group], Callable[[], list[Group]]]:
    """:func:`align_sentences` in two steps: the aligner's groups (the two headlines'
    included), and a function giving all the groups, those of the shared-fact and meaning
    passes added (some of the aligner's grown by a sentence). ``fixed``: the
    :func:`fixed_pairs`, if known; ``made``: features already computed, by text."""
    if fixed is None:
        fixed = fixed_pairs(ls, rs)
    fixed_l = {i for i, _ in fixed}
    fixed_r = {j for _, j in fixed}
    # one Features per distinct text: a sentence repeated 10,000 times is analysed once
    memo: dict[str, Features] = made if made is not None else {}

    def feats(text: str) -> Features:
        f = memo.get(text)
        if f is None:
            f = memo[text] = features(text)
        return f

    lf = [None if s.id in fixed_l else feats(s.text) for s in ls]
    if cancelled():
        raise Cancelled
    rf = [None if s.id in fixed_r else feats(s.text) for s in rs]
    if cancelled():
        raise Cancelled
    aligner = Aligner(lf, rf, [s.block for s in ls], [s.block for s in rs], fixed)
    groups = aligner.align()
    groups = _pair_exact_leftovers(groups, ls, rs)
    groups = [_with_relation(g) for g in groups]
    # (page furniture never gets here: _compare_documents sets it aside before aligning)
    # the two headlines first: a shared-fact or meaning link would give either one to a
    # sentence of the other text's body
    head = headline_group(groups, [s.block for s in ls], [s.block for s in rs], lf, rf, aligner.w)
    if head is not None:
        groups = _with_fresh(groups, [head], len(ls), len(rs))

    def more() -> list[Group]:
        out = _overlap_groups(groups, lf, rf, aligner)
        if cancelled():
            raise Cancelled
        fresh = semantic_groups(out, ls, rs, lf, rf, aligner.w)
        return _with_fresh(out, fresh, len(ls), len(rs)) if fresh else out

    return groups, more


def _with_relation(g: Group) -> Group:
    """An aligned group whose sentences each say much the other does not is an overlap,
    however it was found (an in-order neighbour may vouch for a pair that shares one fact)."""
    if relation_of(g.score) == OVERLAP:
        return g._replace(relation=OVERLAP)
    return g


def _overlap_groups(
    groups: Sequence[Group], lf: Sequence, rf: Sequence, aligner: Aligner
) -> list[Group]:
    """``groups`` with the shared-fact links added (see :mod:`.overlap`): new pairs of
    sentences left unpaired, and 1:1 pairs grown by a sentence that shares their fact."""
    found = find_overlaps(lf, rf, aligner.w, [(g.left, g.right) for g in groups], aligner.indexes)
    if not found:
        return list(groups)
    out = list(groups)
    fresh = []
    for n, lt, rt, sim in found:
        if n is None:
            fresh.append(Group(lt, rt, Score(sim, sim, sim), False, OVERLAP))
        else:  # grown: an aligned pair plus a sentence that shares its fact
            out[n] = Group(lt, rt, Score(sim, sim, sim), groups[n].moved, OVERLAP)
    return _with_fresh(out, fresh, len(lf), len(rf), groups)


def _with_fresh(
    groups: Sequence[Group],
    fresh: Sequence[Group],
    n: int,
    m: int,
    order: Sequence[Group] | None = None,
) -> list[Group]:
    """``groups`` plus new pairs, each moved when out of order with the in-order groups
    of ``order`` (default: ``groups``) and the other new ones."""
    anchors = [(min(g.left), min(g.right)) for g in (order or groups) if not g.moved]
    kept = extras_in_chain(anchors, [(min(g.left), min(g.right)) for g in fresh], n, m)
    return list(groups) + [g._replace(moved=k not in kept) for k, g in enumerate(fresh)]


def _mirror(g: Group) -> Group:
    sc = g.score
    return Group(
        g.right, g.left, Score(sc.similarity, sc.cover_right, sc.cover_left), g.moved, g.relation
    )


def unique_identical(ls: Sequence[Sentence], rs: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Pairs of sentences whose exact text occurs once on each side (patience diff's idea).

    In two revisions of a text most sentences are unchanged; pairing those up front spares
    the aligner from computing features and scoring candidates for them.
    """
    count_l: dict[str, list[int]] = defaultdict(list)
    count_r: dict[str, list[int]] = defaultdict(list)
    for s in ls:
        count_l[s.text].append(s.id)
    for s in rs:
        count_r[s.text].append(s.id)
    return [
        (ids[0], count_r[t][0])
        for t, ids in count_l.items()
        if len(ids) == 1 and len(count_r.get(t, ())) == 1
    ]


def _pair_exact_leftovers(
    groups: list[Group], ls: Sequence[Sentence], rs: Sequence[Sentence]
) -> list[Group]:
    """Pair unaligned sentences that are character-for-character equal, in order.

    The aligner works on words; a sentence without any ("* * *", ":", a lone dash) gives it
    nothing to score. Equal leftovers between the same in-order neighbours are the same
    sentence, so they are paired here rather than reported missing on both sides.
    """
    taken_l = {i for g in groups for i in g.left}
    taken_r = {j for g in groups for j in g.right}
    free_r: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(rs):
        if j not in taken_r:
            free_r[s.text].append(j)
    if not free_r:
        return groups
    anchors = sorted((min(g.left), min(g.right)) for g in groups if not g.moved)
    out = list(groups)
    for i, s in enumerate(ls):
        if i in taken_l or not free_r.get(s.text):
            continue
        lo, hi = gap_around(anchors, i, len(rs))
        for j in free_r[s.text]:
            if lo < j < hi:
                free_r[s.text].remove(j)
                out.append(Group((i,), (j,), IDENTICAL_SCORE))
                break
    return out


def _reading_order(groups: Sequence[Group], n: int, m: int) -> list[int | Pair]:
    """The groups (by index) and the unaligned sentences (as ``missing`` pairs) in reading
    order, before the groups are classified (a group's pair keeps its sentences and its
    moved flag).

    Groups sort by their first left sentence; a right-only sentence goes just after the
    in-order group that precedes it on the right, so the list reads down both texts.
    """
    aligned_l = {i for g in groups for i in g.left}
    aligned_r = {j for g in groups for j in g.right}
    keyed: list[tuple[float, float, int | Pair]] = [
        (min(g.left), min(g.right), k) for k, g in enumerate(groups)
    ]
    for i in range(n):
        if i not in aligned_l:
            keyed.append((i, -1, Pair((i,), (), Kind.MISSING)))
    anchors = sorted((min(g.right), min(g.left)) for g in groups if not g.moved)
    rights = [a for a, _ in anchors]
    for j in range(m):
        if j in aligned_r:
            continue
        k = bisect.bisect_left(rights, j) - 1
        x = anchors[k][1] + 0.5 if k >= 0 else -0.5
        keyed.append((x, j, Pair((), (j,), Kind.MISSING)))
    keyed.sort(key=_FIRST_TWO)
    return [x for _, _, x in keyed]


_FIRST_TWO = operator.itemgetter(0, 1)  # (a sort key made in C: a lambda was a call per item)


def compare_texts(left: str, right: str) -> Comparison:
    """Compare two texts held in memory."""
    return compare_documents(text_document(left), text_document(right))


def compare_files(
    left_path: str | os.PathLike[str],
    right_path: str | os.PathLike[str],
    cancelled: Callable[[], bool] = lambda: False,
) -> Comparison:
    """Load (raising :class:`~kzdiff.core.loading.LoadError`) and compare two files.

    Two long files (BESIDE_CHARS or more) are read and segmented at once where a helper
    process may work (see :mod:`.beside`): the right one in the helper, whose messages
    are kept and logged here after the left one's, as they were when one followed the
    other. If the helper fails (the file cannot be read, say), the right file is read
    here, with its messages and errors as ever.
    """
    big = _file_size(left_path) + _file_size(right_path) >= BESIDE_CHARS
    with Beside(_document_and_log, right_path, worth_it=big) as right_read:
        left = make_document(load_file(left_path))
        if cancelled():
            raise Cancelled
        read = right_read.result()
    if read is None:
        right = make_document(load_file(right_path))
    else:
        right, records = read
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
    return compare_documents(left, right_same_file_noted(left, right), cancelled)


def _file_size(path: str | os.PathLike[str]) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0  # (loading says what is wrong with it)


class _Kept(logging.Handler):
    """Keeps what is logged, as (logger, level, message)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _document_and_log(path: str | os.PathLike[str]) -> tuple[Document, list]:
    """``make_document(load_file(path))`` and what it logged, kept rather than printed
    (run in a helper process: see :func:`compare_files`)."""
    root = logging.getLogger()
    kept, handlers = _Kept(), root.handlers[:]
    root.handlers = [kept]
    try:
        return make_document(load_file(path)), kept.records
    finally:
        root.handlers = handlers


def right_same_file_noted(left: Document, right: Document) -> Document:
    """``right``, with a warning if it is the very file ``left`` is (under any name): the
    user almost surely meant to pick another, and an all-identical result says why."""
    try:
        same = bool(left.path and right.path) and os.path.samefile(left.path, right.path)
    except OSError:
        same = False
    if not same:
        return right
    note = (
        f"{display_name(right.path)}: is the same file as {display_name(left.path)}; "
        "every sentence is identical"
    )
    log.warning("%s", note)
    return dataclasses.replace(right, warnings=(*right.warnings, note))
