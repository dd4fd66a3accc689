"""Word-level diff of two sentences (or sentence groups) with diff-match-patch.

Each token (a word, a run of white space, or one punctuation mark) is mapped to one
character, the character strings are diffed and semantically cleaned up, and the result
is mapped back: diff-match-patch's ``linesToChars`` idea applied to words. Tokens are
compared case-folded, with white space and quote styles folded, so that the diff shows
changes of wording, not of typography. Rendering is the caller's job.

diff-match-patch's bisection is Myers' O(N·D) algorithm in pure Python: a pair of long
sentences that differ in nearly every token (two 3,000-character runs of figures) took
0.2–0.5 s each, and semantic cleanup as long again. So the edit distance is measured
first with rapidfuzz's bit-parallel LCS (C++, microseconds); past ``MAX_DMP_EDITS`` the
same minimal insert/delete script comes from rapidfuzz's opcodes instead of the bisection,
merged and cleaned up as diff-match-patch's own result is. Both are minimal edit scripts
of one LCS length; where several exist they may pick different ones. Every pair of real
text measured (the shared devset, the gold pairs, 10k synthetic sentences) stays under the
bar (at most 112 token edits), so its diff is diff-match-patch's, byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from .model import DiffOp, Op
from .text import fold

TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’‐][^\W_]+)*|\s+|.", re.UNICODE | re.DOTALL)
_WORDS = re.compile(r"\w+")
#: Below this share of kept words a diff is confetti: show the pair as rewritten instead.
REWRITTEN_BELOW = 0.3
#: token edits (inserted plus deleted words, spaces and marks) above which the edit script
#: comes from rapidfuzz rather than diff-match-patch's bisection, whose cost grows with
#: their square (about 15 ms at this bar for 3,000-character sentences)
MAX_DMP_EDITS = 250

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
    }
)


@lru_cache(maxsize=100_000)  # news repeats its words: each is normalised once
def _norm_token(tok: str) -> str:
    if tok.isspace():
        return " "
    return fold(tok.translate(_QUOTES))


#: the diff's operations, read once: an enum member looked up on its class costs 80 ns,
#: a module's name 10 (a changed pair's diff and checks ask for them by the dozen)
_EQUAL, _DELETE, _INSERT = Op.EQUAL, Op.DELETE, Op.INSERT


class Hunk(NamedTuple):
    """A diff run with the text each side has there ('' when that side has nothing).
    (A named tuple: a 5 MB pair's diffs make 100,000 of them.)"""

    op: Op
    left: str
    right: str


def _differ() -> diff_match_patch:
    """The differ every word diff uses: its settings are all it holds (its methods keep no
    state between calls), so one serves every pair, in any thread."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut short by the clock
    return dmp


_DMP = _differ()


def diff_words(left: str, right: str) -> list[Hunk]:
    """Word diff of two texts; concatenating each side's hunks gives back that text."""
    lt = TOKEN_RE.findall(left)
    rt = TOKEN_RE.findall(right)
    a, b = _encode(list(map(_norm_token, lt)), list(map(_norm_token, rt)))
    dmp = _DMP
    if Indel.distance(a, b, score_cutoff=MAX_DMP_EDITS) <= MAX_DMP_EDITS:
        diffs = dmp.diff_main(a, b, False)
    else:
        diffs = _lcs_diffs(a, b)
        dmp.diff_cleanupMerge(diffs)  # as diff_main leaves its result
    cleanup_semantic(dmp, diffs)
    hunks: list[Hunk] = []
    pa = pb = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            hunks.append(Hunk(_EQUAL, "".join(lt[pa : pa + n]), "".join(rt[pb : pb + n])))
            pa += n
            pb += n
        elif op < 0:
            hunks.append(Hunk(_DELETE, "".join(lt[pa : pa + n]), ""))
            pa += n
        else:
            hunks.append(Hunk(_INSERT, "", "".join(rt[pb : pb + n])))
            pb += n
    return hunks


def _encode(nl: list[str], nr: list[str]) -> tuple[str, str]:
    """Each token (by its normal form) as one character, the same for one form: characters
    from U+0100 up in the order their forms first appear, left then right (the surrogate
    range skipped). The order matters beyond equality: diff-match-patch's cleanup reads
    the characters' classes (letter, space), so the n-th form always gets the n-th one.
    Done by dictionaries and ``map`` rather than a loop over the tokens: 12 % of
    classifying a 10k pair went on that loop."""
    table = dict.fromkeys(nl)
    table.update(dict.fromkeys(nr))  # new forms of the right after all of the left's
    for n, form in enumerate(table):
        code = 0x100 + n
        if code >= 0xD800:  # skip the surrogate range
            code += 0x800
        table[form] = chr(code)
    get = table.__getitem__
    return "".join(map(get, nl)), "".join(map(get, nr))


def _lcs_diffs(a: str, b: str) -> list[tuple[int, str]]:
    """A minimal insert/delete script from ``a`` to ``b`` in diff-match-patch's form."""
    diffs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            diffs.append((0, a[op.src_start : op.src_end]))
            continue
        if op.src_end > op.src_start:
            diffs.append((-1, a[op.src_start : op.src_end]))
        if op.dest_end > op.dest_start:
            diffs.append((1, b[op.dest_start : op.dest_end]))
    return diffs


def cleanup_semantic(dmp: diff_match_patch, diffs: list[tuple[int, str]]) -> None:
    """``dmp.diff_cleanupSemantic(diffs)``, the same result in linear time.

    Its first step removes each equality no longer than the edits on both sides of it,
    steps back two equalities and scans again; the removed equality's text stays in the
    list as separate entries until the end, so each step back re-reads a growing run of
    them: quadratic, 60 ms for one pair of 900-token runs of figures that differ
    throughout. Here each gap between kept equalities is held as its deleted and inserted
    text (what diff_cleanupMerge makes of the gap anyway) and the equalities on a stack:
    an equality is removed on the same test (the edits' lengths on both sides, which only
    grow as a gap is read, so testing the whole gap once decides as testing it edit by
    edit does), and the one before it is tested again against the merged gap, as the
    library's step back does. The last two steps are the library's own code path.
    """
    # each kept equality: (its text, the gap before it: deleted texts, inserted texts and
    # their lengths)
    stack: list[tuple[str, list[str], list[str], int, int]] = []
    dels: list[str] = []
    ins: list[str] = []
    n_del = n_ins = 0
    changes = False
    for op, text in [*diffs, (0, "")]:  # a last, empty equality closes the last gap
        if op == -1:
            dels.append(text)
            n_del += len(text)
            continue
        if op == 1:
            ins.append(text)
            n_ins += len(text)
            continue
        while stack and (n_del or n_ins):
            eq, b_dels, b_ins, b_del, b_in = stack[-1]
            if not eq or len(eq) > max(b_del, b_in) or len(eq) > max(n_del, n_ins):
                break
            stack.pop()  # the equality becomes a deletion and an insertion
            b_dels.append(eq)
            b_dels += dels
            b_ins.append(eq)
            b_ins += ins
            dels, ins = b_dels, b_ins
            n_del, n_ins = b_del + len(eq) + n_del, b_in + len(eq) + n_ins
            changes = True
        stack.append((text, dels, ins, n_del, n_ins))
        dels, ins = [], []
        n_del = n_ins = 0
    if not changes:
        # nothing removed: the library goes straight on to its last two steps
        _semantic_tail(dmp, diffs)
        return
    out: list[tuple[int, str]] = []
    for eq, gap_del, gap_ins, _, _ in stack:
        out += [(-1, t) for t in gap_del] + [(1, t) for t in gap_ins]
        if eq:
            out.append((0, eq))
    diffs[:] = out
    dmp.diff_cleanupMerge(diffs)
    _semantic_tail(dmp, diffs)


def _semantic_tail(dmp: diff_match_patch, diffs: list[tuple[int, str]]) -> None:
    """The end of ``diff_cleanupSemantic`` (diff-match-patch 20230430, Apache-2.0): align
    edits to word boundaries, then turn an overlap of a deletion and the insertion after
    it into an equality when it is at least half of either."""
    dmp.diff_cleanupSemanticLossless(diffs)
    pointer = 1
    while pointer < len(diffs):
        if diffs[pointer - 1][0] == -1 and diffs[pointer][0] == 1:
            deletion, insertion = diffs[pointer - 1][1], diffs[pointer][1]
            overlap1 = dmp.diff_commonOverlap(deletion, insertion)
            overlap2 = dmp.diff_commonOverlap(insertion, deletion)
            if overlap1 >= overlap2:
                if overlap1 >= len(deletion) / 2.0 or overlap1 >= len(insertion) / 2.0:
                    diffs.insert(pointer, (0, insertion[:overlap1]))
                    diffs[pointer - 1] = (-1, deletion[: len(deletion) - overlap1])
                    diffs[pointer + 1] = (1, insertion[overlap1:])
                    pointer += 1
            elif overlap2 >= len(deletion) / 2.0 or overlap2 >= len(insertion) / 2.0:
                diffs.insert(pointer, (0, deletion[:overlap2]))
                diffs[pointer - 1] = (1, insertion[: len(insertion) - overlap2])
                diffs[pointer + 1] = (-1, deletion[overlap2:])
                pointer += 1
            pointer += 1
        pointer += 1


def kept_share(hunks: list[Hunk]) -> float:
    """Share of word characters that are kept, over both sides."""
    kept = total = 0
    for h in hunks:
        # (a run one side lacks has no words there; a kept run most often reads the same
        # on both sides, and its words are counted once)
        lw = _word_chars(h.left) if h.left else 0
        rw = lw if h.right == h.left else _word_chars(h.right)
        total += lw + rw
        if h.op is _EQUAL:
            kept += lw + rw
    return kept / total if total else 1.0


def _word_chars(text: str) -> int:
    """How many word characters a text holds (its words' lengths added up)."""
    return sum(map(len, _WORDS.findall(text)))


def to_ops(hunks: list[Hunk], rewritten: bool = False) -> tuple[DiffOp, ...]:
    """The public diff: equal runs carry the left's text; a rewritten pair is two runs."""
    if rewritten:
        left = "".join(h.left for h in hunks)
        right = "".join(h.right for h in hunks)
        return tuple(x for x in (DiffOp(Op.DELETE, left), DiffOp(Op.INSERT, right)) if x.text)
    out = []
    for h in hunks:
        if h.op is _EQUAL:
            out.append(DiffOp(_EQUAL, h.left, h.right if h.right != h.left else None))
        else:
            out.append(DiffOp(h.op, h.left or h.right))
    return tuple(out)
