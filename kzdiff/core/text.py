"""Word tokens and their normal forms, shared by similarity, word diff and conflict checks.

Every comparison decision in kzdiff rests on one notion of "the same word": case, accents,
UK/US spelling and inflection are folded away (``key``), and proper names get a looser
``skeleton`` so that transliterations of one name (Tokaev/Tokayev) still meet. Keeping this
in one module means the aligner and the conflict finder can never disagree about it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import Stemmer

from .memo import per_text

# A word: letters/digits in any script, joined by inner hyphens or apostrophes (sawn-off,
# don't, Kassym-Jomart); or a number with separators (1,200.5) and an optional percent sign.
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W_]+(?:[-'’‐][^\W_]+)*", re.UNICODE)
NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*%?$")

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself nor of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m o re ve y shall may might must upon whose per via
    according one's it's its' ’s 's
    """.split()
)

# Words that reverse a statement; counted, not matched, by the conflict finder.
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot can't won't don't doesn't didn't "
    "isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't without "
    "n't "
    # the same without an apostrophe, as web copies often lose it
    "dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt shouldnt wouldnt couldnt "
    "cant wont".split()
)

# Reporting verbs are interchangeable in news copy ("said", "indicated", "announced");
# folding them keeps a change of verb from lowering similarity as if content had changed.
_REPORTING = frozenset(
    "say said says saying state stated states told tell tells announce announced announces "
    "indicate indicated indicates report reported reports add added adds declare declared "
    "claim claimed".split()
)

# Snowball English (Porter2) in C: NLTK's pure-Python Porter took ~70 µs a word, which was
# a third of a 10k-sentence comparison (every new word is stemmed once); this takes 0.4 µs.
_STEMMER = Stemmer.Stemmer("english")

#: Longer "words" (a run of 3,000 digits or letters with no space) are not prose words:
#: they get no spelling-variant treatment, whose cost grows with the square of the length
#: (deletion signatures: 1 MB of digits took 3 GB; a regex tried at every start: minutes).
LONGEST_WORD = 40

# British -> American spellings by regular pattern; applied to both sides, so an over-eager
# rule can only make two words meet that are already spelled almost alike. Anchored at the
# start, so a failing pattern is tried once per word, not once per letter.
_UK_US = [
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{3,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ful)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{2,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(\w{3,})ence$"), r"\1ense"),
]
# Endings any of those patterns can match: a cheap test that spares most words the regexes.
_UK_US_ENDINGS = tuple(
    "ise ised ises ising isation isations iser isers yse ysed yses ysing our ours oured "
    "ouring ourite ourites ourable ourful tre tres lled lling ller llers ogue ogues ence".split()
)


def strip_accents(s: str) -> str:
    """Drop combining marks so that 'Zelenskyy' and 'Zélenskyy' compare equal."""
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Case-folded, accent-free, with typographic apostrophes and hyphens made plain."""
    if s.isascii():
        return s.lower()
    if _CYRILLIC.search(s) and _LATIN.search(s):  # "Ivаnov" with a Cyrillic "а"
        s = s.translate(_HOMOGLYPHS)
    return strip_accents(s).casefold().replace("’", "'").replace("‐", "-")


#: Cyrillic letters drawn like Latin ones: a word mixing scripts is read as Latin.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕ", "ABEKMHOPCTXaeopcyxijs")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The matching key of one word token: folded, US-spelled, stemmed.

    Numbers keep their value (``1,200`` and ``1200`` meet); reporting verbs share one key.
    """
    w = fold(word)
    if NUMBER_RE.match(w):
        return normalise_number(w)
    if w in _REPORTING:
        return "<say>"
    if w.endswith("'s"):
        w = w[:-2]
    for pattern, repl in _UK_US if w.endswith(_UK_US_ENDINGS) and len(w) <= LONGEST_WORD else ():
        new = pattern.sub(repl, w, count=1)
        if new != w:
            w = new
            break
    if "-" in w:
        return "-".join(_STEMMER.stemWords(w.split("-")))
    return _STEMMER.stemWord(w)


def normalise_number(w: str) -> str:
    """'1,200' -> '1200', '3.50' -> '3.5'; a lone comma group like '5,5' stays as written."""
    pct = w.endswith("%")
    w = w.rstrip("%")
    if "," in w and _THOUSANDS.fullmatch(w):
        w = w.replace(",", "")
    if "." in w and _DECIMAL.fullmatch(w):
        w = w.rstrip("0").rstrip(".")
    return w + ("%" if pct else "")


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL = re.compile(r"\d+\.\d+")


#: Latin spellings of one Cyrillic/Arabic letter, folded to one (dzh before zh).
_TRANSLIT = (("dzh", "j"), ("zh", "j"), ("dj", "j"), ("tch", "ch"), ("q", "k"))
#: ... and first letters: Yusupov/Jusupov, Wladimir/Vladimir.
_FIRST = {"y": "j", "w": "v"}


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """A loose phonetic key for names: Tokaev/Tokayev -> 'tkv', Kassym/Kasim -> 'ksm'.

    Vowels (and y, h, w, which transliterations add or drop) after the first letter are
    removed and doubled consonants collapsed; ks/x and ph/f are folded, and so are the
    ways one Cyrillic or Arabic letter is written in Latin: zh/dzh/dj/j (Zhaparov/Japarov),
    y/j (Yusupov/Jusupov, Aliyev/Alijev), q/k (Qazaqstan/Kazakhstan), tch/ch,
    w/v at the start (Wladimir/Vladimir) and -off/-ov at the end (Rachmaninoff/-ov).
    """
    w = fold(word).replace("-", "").replace("'", "")
    if not w:
        return w
    w = w.replace("ph", "f").replace("x", "ks").replace("ck", "k")
    for spelling, letter in _TRANSLIT:
        if spelling in w:
            w = w.replace(spelling, letter)
    if w.endswith("ff"):
        w = w[:-2] + "v"
    head, tail = _FIRST.get(w[0], w[0]), w[1:]
    tail = re.sub(r"[aeiouyhwj]", "", tail)
    out = head
    for ch in tail:
        if ch != out[-1]:
            out += ch
    return out


def is_name_like(word: str) -> bool:
    """A capitalised word or acronym (the caller decides about sentence-initial position)."""
    return word[:1].isupper() or (len(word) > 1 and word.isupper())


@lru_cache(maxsize=200_000)
def spelling_variants(a: str, b: str) -> bool:
    """True when two words are one name or word spelled two ways (not two different words)."""
    if key(a) == key(b):
        return True
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if NUMBER_RE.match(fa) or NUMBER_RE.match(fb):
        return False
    if max(len(fa), len(fb)) > LONGEST_WORD:
        return False
    # equal skeletons start with the same sound (Japarov/Zhaparov): no first-letter test
    if len(fa) >= 4 and len(fb) >= 4 and skeleton(a) == skeleton(b):
        return True
    return min(len(fa), len(fb)) >= 5 and _edit_distance_le1(fa, fb)


@lru_cache(maxsize=200_000)
def variant_signatures(word: str) -> tuple[str, ...]:
    """Strings that two spelling variants of a word (in the sense of spelling_variants)
    have in common: the phonetic skeleton, and the word with and without each letter
    (two words one edit apart share one of those). A shared signature is only a hint;
    spelling_variants decides."""
    f = fold(word)
    sigs = []
    if len(f) > LONGEST_WORD or NUMBER_RE.match(f):  # numbers are never spelling variants
        return ()
    if len(f) >= 4:
        sigs.append("s:" + skeleton(word))
    if len(f) >= 5:
        sigs.append("d:" + f)
        sigs.extend("d:" + f[:i] + f[i + 1 :] for i in range(len(f)))
    return tuple(sigs)


def _edit_distance_le1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


class Token(NamedTuple):
    """One word of a sentence: its surface form, offset in the sentence, and matching key.

    A NamedTuple rather than a frozen dataclass: sentences are tokenized by the ten
    thousand, and a frozen dataclass's __init__ costs several times as much.
    """

    text: str
    start: int
    key: str
    content: bool  # not a stop word
    name: bool  # capitalised and not at the start of the sentence (or an acronym)


@per_text(maxsize=20_000)
def tokenize(sentence: str) -> tuple[Token, ...]:
    """Word tokens of one sentence, with keys; punctuation and spaces are not tokens.

    Read once per comparison (and so a tuple; see :mod:`.memo`): features, the conflict
    checks and the facts table all tokenize a sentence.
    """
    out: list[Token] = []
    new = tuple.__new__  # what Token._make does, without its Python frame per word
    for m in WORD_RE.finditer(sentence):
        word = m.group()
        if word.isdigit() and word.isascii():
            # a figure is its own key, a content word and no name (what _word_info says of
            # it), and a table of figures would fill that cache with them and evict words
            out.append(new(Token, (word, m.start(), word, True, False)))
            continue
        word, k, content, name_like, upper = _word_info(word)
        out.append(new(Token, (word, m.start(), k, content, name_like and (bool(out) or upper))))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> tuple[str, str, bool, bool, bool]:
    """(the word, its key, is a content word, looks like a name, is an acronym) in one
    cached lookup: news repeats its words, and tokenizing is the engine's most frequent
    step. The word returned is the cached copy, so every token of one word shares one
    string (60,000 sentences a side held a million copies of "the")."""
    folded = fold(word)
    content = folded not in STOP_WORDS and folded not in NEGATIONS
    return word, key(word), content, is_name_like(word), word.isupper() and len(word) > 1


# Number words, so that "seven people" and "7 people" carry the same value.
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_FRACTIONS = {
    "half": "0.5",
    "dozen": "12",
    "dozens": "dozens",
    "hundreds": "hundreds",
    "thousands": "thousands",
    "millions": "millions",
}


def number_value(words: list[str], i: int) -> tuple[str, int] | None:
    """The value of a number starting at words[i] and how many words it spans, else None.

    Handles digits ("230", "1,200", "5%"), number words ("seven", "twenty-five",
    "two hundred"), scale words after digits ("3 million") and percent ("5 per cent").
    """
    got = _word_number(words[i])
    if got is None:
        return None
    value, alone, final = got
    if final or i + 1 == len(words) or fold(words[i + 1]) not in _AFTER_NUMBER:
        return (alone, 1)
    n = 1
    while i + n < len(words) and fold(words[i + n]) in _SCALES:
        value *= _SCALES[fold(words[i + n])]
        n += 1
    if i + n + 1 < len(words) and fold(words[i + n]) == "per" and fold(words[i + n + 1]) == "cent":
        return (_fmt(value) + "%", n + 2)
    if i + n < len(words) and fold(words[i + n]) == "percent":
        return (_fmt(value) + "%", n + 1)
    return (_fmt(value), n)


def is_number(word: str) -> bool:
    """Is this word a number on its own ("7", "seven", "5%", "half")? As
    ``number_value([word], 0) is not None``, from the cache."""
    return _word_number(word) is not None


#: words after a number that change its value: scales, "per cent", "percent"
_AFTER_NUMBER = frozenset(_SCALES) | {"per", "percent"}


@lru_cache(maxsize=100_000)
def _word_number(word: str) -> tuple[float, str, bool] | None:
    """What one word says as a number, cached (a table of figures reads the same words
    again and again): its value, that value as text, and whether it is final (no scale or
    percent word after it applies: "5%", "half"); None when it is no number."""
    if word.isdigit() and word.isascii():  # "2024": what the general path below makes of it
        value = float(word)
        return (value, _fmt(value), False)
    w = fold(word)
    if NUMBER_RE.match(w):
        base = normalise_number(w)
        try:
            value = float(base.rstrip("%").replace(",", "."))
        except ValueError:
            return (0.0, base, True)
        return (value, base, True) if base.endswith("%") else (value, _fmt(value), False)
    if w in _UNITS:
        value = _UNITS[w]
    elif w in _TENS:
        value = _TENS[w]
    elif "-" in w and all(p in _UNITS or p in _TENS for p in w.split("-")):
        value = sum(_UNITS.get(p, _TENS.get(p, 0)) for p in w.split("-"))
    elif w in _FRACTIONS:
        return (0.0, _FRACTIONS[w], True)
    else:
        return None
    return (value, _fmt(value), False)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)
