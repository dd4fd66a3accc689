"""Quantities read as values: "six decades" is 60 years, "$1bn" is a billion US dollars.

A sentence's numbers are found in its raw text (not its word tokens, which drop the
symbols that carry facts: the currency of "£5 million", the sign of "-5 degrees", the
order of "52-48", the letter of "Section 5(a)"). Each becomes a :class:`Quantity` with a
dimension (count, percent, money, length, duration, time of day, score ...), a value in
that dimension's base unit, and for money its currency; :func:`agree` compares two of
them after conversion.

Hand-written on purpose: quantulum3, pint, dateparser and number-parser were measured
against these rules on the shared articles (README, "Facts as values") and cost
milliseconds a sentence or a second at import, where this costs microseconds.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from .memo import per_text
from .text import fold, number_value

#: Unit words and symbols: (dimension, factor to the dimension's base unit, display unit).
UNITS: dict[str, tuple[str, float, str]] = {}


def _units(dim: str, factor: float, display: str, names: str) -> None:
    for n in names.split():
        UNITS[n] = (dim, factor, display)


_units("length", 1000.0, "km", "km kilometre kilometres kilometer kilometers")
_units("length", 1.0, "m", "metre metres meter meters")
_units("length", 0.01, "cm", "cm centimetre centimetres centimeter centimeters")
_units("length", 1609.344, "mi", "mile miles mi")
_units("length", 0.3048, "ft", "ft foot feet")
_units("area", 1e6, "km²", "km2 km² sq-km")
_units("area", 10000.0, "ha", "ha hectare hectares")
_units("area", 4046.86, "acre", "acre acres")
_units("mass", 1.0, "kg", "kg kilogram kilograms kilogramme kilogrammes kilo kilos")
_units("mass", 1000.0, "t", "tonne tonnes")
_units("mass", 907.18, "ton", "ton tons")
_units("duration", 1.0, "s", "second seconds sec secs")
_units("duration", 60.0, "min", "minute minutes mins")
_units("duration", 3600.0, "h", "hour hours hrs")
_units("duration", 86400.0, "day", "day days")
_units("duration", 604800.0, "week", "week weeks")
_units("duration", 2629800.0, "month", "month months")
_units("duration", 31557600.0, "year", "year years")
_units("duration", 315576000.0, "decade", "decade decades")
_units("duration", 3155760000.0, "century", "century centuries")
_units("temperature", 1.0, "°", "degree degrees °")
_units("temperature", 1.0, "°C", "°c celsius centigrade")
_units("speed", 1.0, "km/h", "km/h kph kmh")
_units("speed", 1.609344, "mph", "mph")
_units("energy", 1.0, "magnitude", "magnitude")

CURRENCY_SYMBOLS = {
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "tenge": "KZT",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
}
MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
PERCENT = {"%": 1.0, "‰": 0.1, "percent": 1.0, "per cent": 1.0, "pc": 1.0}

#: Zero-width and soft-hyphen characters, which change no number a reader sees.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

_CORE = re.compile(r"\d(?:[\d\u00ad\u200b\u200c\u200d\u2060\ufeff]*\d)?(?:[.,]\d+)*")
_CUR_BEFORE = re.compile(r"(?i)(us\$|a\$|c\$|hk\$|nz\$|[$£€¥₹₽]|usd|gbp|eur)\s?$")
#: the last characters of what ``_CUR_BEFORE`` matches, either case
_CUR_LAST = frozenset("$dDpPrR")
_AFTER = re.compile(
    r"""(?ix)
    (?P<score>[-–](?P<n2>\d+(?:[.,]\d+)?)(?![.,]?\d))?
    (?P<clock>:(?P<mm>[0-5]\d)(?!\d))?
    (?P<sub>\((?P<subv>[a-z]|\d{1,2}|[ivx]{1,4})\))?
    (?P<mag>(?:[ -]?(?:thousand|million|billion|trillion|mln|mn|bn|tn|m|b|k)(?![\w-]))*)
    (?P<pct>\s?(?:%|‰)|\s(?:per\s*cent|percent)\b)?
    """
)
#: what ``_AFTER`` can start with but white space (a score, a clock, a sub-clause, a
#: magnitude, a percent), and after a white space (a magnitude or a percent); a space is
#: not in the first set: it was, and then every figure followed by a space and a word
#: went to the expression, which the second character rules out for nearly all
_AFTER_FIRST = frozenset("-–:(%‰tmbkTMBK")
_AFTER_SECOND = frozenset("%‰tmbkpTMBKP")


def _nothing_after(text: str, e: int) -> bool:
    """Can ``_AFTER`` match nothing but the empty string at ``e``? Told by the one or
    two characters there (most figures are followed by a space and a word that is no
    magnitude: " people", " dollars"), which spares the expression; a character outside
    ASCII goes to it (its case folding reads "K", the kelvin sign, as "k")."""
    first = text[e : e + 1]
    if not first:
        return True
    if first in _AFTER_FIRST or not first.isascii():
        return False
    if not first.isspace():
        return True
    second = text[e + 1 : e + 2]
    return second not in _AFTER_SECOND and second.isascii()


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DOTTED_TIME = re.compile(r"(\d{1,2})\.([0-5]\d)")
_UNIT_AFTER = re.compile(r"[ -]?(°[cfCF]?|[A-Za-z²/]+(?:[23](?!\d))?(?:-[a-z]+)?)")
_PER_CENT = re.compile(r"(?i)\s*(cent|points?)\b")
_SCALE = re.compile(r"(?i)\s?(celsius|centigrade|fahrenheit|c|f)\b")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_COUNTED_AFTER = re.compile(r"\s?(people|persons|homes|houses)\b")
_DIGIT = re.compile(r"\d")
_ISO_DATE = re.compile(r"-(0[1-9]|1[0-2])-([0-2]\d|3[01])(?!\d)")
_CLOCK_CONTEXT = re.compile(r"(?i)\b(at|from|until|till|by|before|after|around)\s$")
_CLOCK_AFTER = re.compile(r"(?i)\s?(a\.?m\.?|p\.?m\.?|gmt|utc|bst|cet|est|edt|pst|aest|ist)\b")
_SIGN = "-−–"


class Quantity(NamedTuple):
    """One quantity of a sentence: where it is, what it measures and how much.

    A named tuple, not a frozen dataclass: every figure of both texts is one (a 1 MB
    table of numbers holds 140,000), and a frozen dataclass's ``__init__`` cost three
    times as much to make."""

    text: str  # as written
    start: int  # character offsets in the sentence
    end: int
    dim: str  # count | percent | money | year | time | score | ref | vague | a unit's dimension
    value: float | tuple | str  # in the dimension's base unit; (a, b) for a score
    unit: str = ""  # the unit as displayed ("km", "°", "%")
    currency: str = ""  # ISO code for money ("" when the text names none)
    #: "min" ("more than", "at least", "over"), "max" ("less than", "up to"), "about"
    #: ("nearly", "around", "some"), or "" for a value said as exact
    bound: str = ""

    def normal(self) -> str:
        """The value in words a reader can check: "60 year", "USD 1000000000", "52-48"."""
        if self.dim == "score":
            return re.sub(r"\s+|\u2013", lambda m: "-" if m.group() == "\u2013" else "", self.text)
        if self.dim == "time":
            h, m = self.value  # type: ignore[misc]
            return f"{int(h):02d}:{int(m):02d}"
        if isinstance(self.value, str):
            return self.value
        if self.dim == "money":
            return f"{self.currency or '?'} {_fmt(self.value)}"
        if self.dim == "percent":
            return f"{_fmt(self.value)}%"
        if self.dim in ("count", "year"):
            return _fmt(self.value)
        for name, factor in _SHOWN_IN.get(self.dim, ()):
            if abs(self.value) >= factor:
                x = round(self.value / factor, 6)
                words = name in ("year", "day")  # "h" and "s" are symbols
                plural = "s" if self.dim == "duration" and words and x != 1 else ""
                return f"{_fmt(x)} {name}{plural}"
        return f"{_fmt(self.value)} {self.unit}".strip()


#: Units a dimension's values are shown in (the largest that gives at least 1).
_SHOWN_IN = {
    "length": (("km", 1000.0), ("m", 1.0), ("cm", 0.01)),
    "area": (("km²", 1e6), ("m²", 1.0)),
    "mass": (("t", 1000.0), ("kg", 1.0)),
    "duration": (("year", 31557600.0), ("day", 86400.0), ("h", 3600.0), ("s", 1.0)),
    "speed": (("km/h", 1.0),),  # a speed in mph is held in km/h
}


def _fmt(v: float) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return str(int(v))
    return f"{v:.6g}" if isinstance(v, float) else str(v)


def _number(core: str) -> float | None:
    """'1,200' -> 1200, '1.5' -> 1.5, '1,5' -> 1.5 (a decimal comma), '2,012' -> 2012."""
    if core.isdigit():
        return float(core)
    if _THOUSANDS.fullmatch(core):
        core = core.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(core):
        core = core.replace(",", ".")
    try:
        return float(core)
    except ValueError:
        return None


def quantities(sentence: str) -> tuple[Quantity, ...]:
    """The quantities of one sentence, in order (cached: conflicts and facts both ask)."""
    # (equivalent mutant: "or" for the inner "and", the test being exact for ASCII text
    # and True otherwise)
    if not _DIGIT.search(sentence) and not (
        _may_hold_number_word(sentence) and _NUMBER_WORD.search(sentence)  # pragma: no mutate
    ):
        return ()
    return _quantities(sentence)


@per_text(maxsize=4096)  # read by conflicts and then by facts: once per comparison
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    text = sentence.replace("\u00a0", " ").replace("\u202f", " ")
    out: list[Quantity] = []
    taken = 0
    for m in _CORE.finditer(text):
        s = m.start()
        if s < taken:
            continue
        if s and (text[s - 1].isalpha() or text[s - 1] == "_"):
            continue  # part of a code word ("G20", "COVID-19" keeps its digits as a name)
        q = _digits_quantity(text, m)
        if q is not None:
            out.append(q)
            taken = q.end
    if _may_hold_number_word(sentence):  # (most sentences hold no number in words)
        out.extend(_word_quantities(sentence, [(q.start, q.end) for q in out]))
    # (equivalent mutant: sorting one quantity too, which changes nothing)
    if len(out) > 1:  # pragma: no mutate
        out.sort(key=_START)
    # (a year, time, score... takes no bound: _bounded's first test, without a call)
    return tuple([q if q.dim in _EXACT_DIMS else _bounded(text, q) for q in out])


_START = itemgetter(1)  # a Quantity's start (quantities are named tuples)


#: Words before a round figure that make it a summary of a more exact one ("more than
#: 1,800" for 1,891, "nearly 2,000" for 1,950). "At least" / "at most" are left out: they
#: are how a count is reported ("at least 24 dead"), and another count is another report.
BOUND_WORDS = {
    "min": ("more than", "over", "upwards of", "in excess of"),
    "max": ("less than", "fewer than", "under", "up to"),
    "about": (
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "some",
        "close to",
    ),
}
_BOUND = re.compile(
    r"(?i)\b(?:"
    + "|".join(f"(?P<{name}>{'|'.join(words)})" for name, words in BOUND_WORDS.items())
    + r")\s+$"
)
#: the bound phrases: a figure after ASCII text that ends on none of them has no bound
_BOUND_PHRASES = tuple(w for words in BOUND_WORDS.values() for w in words)
#: dimensions said exactly whatever word comes before them ("over 2020" is no bound)
_EXACT_DIMS = frozenset({"year", "time", "score", "ref", "vague"})
#: How far an estimate ("about 1,800") may be from an exact figure and still agree.
ABOUT_TOLERANCE = 0.1


def _bounded(text: str, q: Quantity) -> Quantity:
    """``q`` with the bound the words before it give it ("more than", "nearly"), if any.

    Most figures have none: the dimension and the words before a figure rule the
    expression out for most of them (it cost a sixth of reading a sentence's quantities),
    as the white space before it does for a table of figures."""
    if q.dim in _EXACT_DIMS:
        return q
    lo, j = max(0, q.start - 24), q.start - 1
    while j >= lo and text[j].isspace():
        j -= 1
    if j < lo or j == q.start - 1 or not text[j].isalpha():
        return q  # no word then white space before it: no bound can match (a table of figures)
    chunk = text[lo : j + 1]
    # (ASCII text only: the expression's case folding reads "ſome" as "some", lower not)
    if chunk.isascii() and not chunk.lower().endswith(_BOUND_PHRASES):
        return q
    m = _BOUND.search(text, lo, q.start)
    if m is None:
        return q
    return q._replace(bound=m.lastgroup or "")


def _round(x: float) -> bool:
    return x >= 10 and x % 5 == 0


def within_bound(a: Quantity, b: Quantity) -> bool:
    """Whether a round figure said as a bound or an estimate summarises the other, exact
    one of the same dimension and unit ("more than 1,800" and "1,891", "nearly 2,000" and
    "1,950"); two bounds, or a bound the other value breaks, are two different figures."""
    if bool(a.bound) == bool(b.bound) or a.dim != b.dim or a.unit != b.unit:
        return False
    if a.dim == "money" and a.currency != b.currency:
        return False
    bound, exact = (a, b) if a.bound else (b, a)
    x, y = bound.value, exact.value
    if not isinstance(x, float | int) or not isinstance(y, float | int) or not _round(x):
        return False
    if bound.bound == "min":
        return y > x
    if bound.bound == "max":
        return y < x
    return _close(x, y, ABOUT_TOLERANCE)


def _digits_quantity(text: str, m: re.Match[str]) -> Quantity | None:
    core = m.group()
    if not core.isdigit():  # (digits alone hold no invisible character)
        core = INVISIBLE.sub("", core)
    s, e = m.span()
    value = _number(core)
    if value is None:
        return None
    before = text[max(0, s - 4) : s]
    cur = ""
    # (a currency ends on one of these: a figure after none of them is searched no further)
    cm = None if before.isascii() and _CUR_LAST.isdisjoint(before) else _CUR_BEFORE.search(before)
    start = s
    if cm:
        cur = CURRENCY_SYMBOLS.get(cm.group(1).lower()) or CURRENCY_WORDS[cm.group(1).lower()]
        start = s - len(cm.group())
    sign = 1.0
    if start and text[start - 1] in _SIGN and (start == 1 or not text[start - 2].isalnum()):
        if start < 2 or text[start - 2] in " (\n\t":
            sign = -1.0
            start -= 1
    iso = _ISO_DATE.match(text, e) if len(core) == 4 and core.isdigit() else None
    if iso:  # 2022-11-17
        return Quantity(text[s : iso.end()], s, iso.end(), "year", text[s : iso.end()])
    # what follows the figure (a score, a clock, a magnitude, a percent): most figures
    # are followed by none, and then no group of the expression is asked about
    a = None if _nothing_after(text, e) else _AFTER.match(text, e)
    # a time of day: 10:30, or 10.30 after "at" / before "a.m."
    if a is not None and a.group("clock") and value <= 24 and value.is_integer():
        end = a.end("clock")
        z = _CLOCK_AFTER.match(text, end)
        if z:
            end = z.end()
        return Quantity(text[start:end], start, end, "time", (value, float(a.group("mm"))))
    hm = _DOTTED_TIME.fullmatch(core) if "." in core else None
    if hm and int(hm.group(1)) <= 24:
        z = _CLOCK_AFTER.match(text, e)
        if z or _CLOCK_CONTEXT.search(text[max(0, s - 8) : s]):
            end = z.end() if z else e
            h, mm = float(hm.group(1)), float(hm.group(2))
            return Quantity(text[start:end], start, end, "time", (h, mm))
    end = e
    mag = 1.0
    if a is not None:
        if a.group("score"):
            end = a.end("score")
            v2 = _number(a.group("n2")) or 0.0
            return Quantity(text[start:end], start, end, "score", (sign * value, v2))
        if a.group("sub"):
            end = a.end("sub")
            value_ref = f"{_fmt(value)}({a.group('subv')})"
            return Quantity(text[start:end], start, end, "ref", value_ref)
        if a.group("mag"):
            words = re.findall(r"[a-z]+", a.group("mag").lower())
            # a bare "m" is a million after a currency, else metres (a "150m ravine")
            if not (words == ["m"] and not cur):
                for w in words:
                    mag *= MAGNITUDES[w]
                end = a.end("mag")
    x = sign * value * mag
    if a is not None and a.group("pct") and a.start("pct") == end:
        p = fold(a.group("pct").strip())
        p = re.sub(r"\s+", " ", p)
        end = a.end("pct")
        return Quantity(text[start:end], start, end, "percent", x * PERCENT.get(p, 1.0), "%")
    unit_m = _UNIT_AFTER.match(text, end)
    if unit_m:
        word = fold(unit_m.group(1))
        pm = _PER_CENT.match(text, unit_m.end()) if word in ("per", "percentage") else None
        if pm:
            end = pm.end()
            unit = "%" if fold(pm.group(1)) == "cent" else "pp"
            return Quantity(
                text[start:end], start, end, "percent" if unit == "%" else "pp", x, unit
            )
        if word in CURRENCY_WORDS and not cur:
            end = unit_m.end()
            return Quantity(text[start:end], start, end, "money", x, "", CURRENCY_WORDS[word])
        if word in UNITS or (word == "m" and not cur):
            dim, factor, display = UNITS.get(word, UNITS["metre"])
            if word == "m":
                display = "m"
            end = unit_m.end()
            if display == "°":  # "degrees Celsius/Fahrenheit"
                sc = _SCALE.match(text, end)
                if sc:
                    end = sc.end()
                    display = "°F" if fold(sc.group(1)).startswith("f") else "°C"
            if display == "°F":
                return Quantity(text[start:end], start, end, dim, (x - 32) * 5 / 9, "°C")
            return Quantity(text[start:end], start, end, dim, x * factor, display)
    if cur:
        return Quantity(text[start:end], start, end, "money", x, "", cur)
    is_year = (
        mag == 1.0
        and sign > 0
        # (what _YEAR matches: most figures are ruled out without it; equivalent mutants
        # "<=" and ">=", which leave the test to the expression)
        and len(core) == 4  # pragma: no mutate
        and _YEAR.fullmatch(core) is not None
        and not _COUNTED_AFTER.match(text, end)
    )
    return Quantity(text[start:end], start, end, "year" if is_year else "count", x)


#: Words that start a number in words ("six decades", "half", "dozens").
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety half dozen dozens hundreds thousands millions"
).split()
_NUMBER_WORD = re.compile(  # the lookahead lets the engine skip most positions fast
    r"(?i)\b(?=[zotfsenhdm])(?:" + "|".join(NUMBER_WORDS) + r")\b"
)
#: How :func:`ascii_words` reads ASCII bytes: which stay (as what) and which become a
#: space. Word characters, as a regular expression's ``\\b`` delimits words (letters,
#: digits, "_"), and the same lower-cased.
WORD_CHARS = bytes(c if chr(c).isalnum() and c < 128 or c == 95 else 32 for c in range(256))
WORD_CHARS_LOWER = WORD_CHARS.lower()
_NUMBER_WORD_BYTES = frozenset(w.encode("ascii") for w in NUMBER_WORDS)


def ascii_words(text: str, table: bytes = WORD_CHARS) -> list[bytes] | None:
    """The runs of the characters ``table`` keeps (see ``WORD_CHARS``) of an ASCII text,
    as bytes; None for a text that is not ASCII.

    Whether a sentence holds one of a list of words ("seven", "Sunday") is asked of every
    sentence, and most hold none: an expression that tries the list at every word start
    cost 2-4 µs a sentence, splitting the bytes costs a third of that. Text that is not
    ASCII goes to the expression (its case folding knows letters such as "ſ" that
    ``lower`` does not)."""
    if not text.isascii():
        return None
    return text.encode("ascii").translate(table).split()


def _may_hold_number_word(sentence: str) -> bool:
    """False only when ``_NUMBER_WORD`` cannot match (see :func:`ascii_words`)."""
    words = ascii_words(sentence, WORD_CHARS_LOWER)
    return words is None or not _NUMBER_WORD_BYTES.isdisjoint(words)


_WORD = re.compile(r"[^\W_]+(?:[-'’‐][^\W_]+)*")


def _word_quantities(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers in words ("six decades", "three deaths", "two million dollars"), in a
    sentence :func:`_may_hold_number_word` lets through."""
    out: list[Quantity] = []
    pos = 0
    while True:
        m = _NUMBER_WORD.search(sentence, pos)
        if m is None:
            return out
        words = [w for w in _WORD.finditer(sentence, m.start(), min(len(sentence), m.start() + 80))]
        pos = m.end()
        if any(s <= m.start() < e for s, e in taken) or m.start() != words[0].start():
            continue
        texts = [w.group() for w in words]
        got = number_value(texts, 0)
        if got is None:
            continue
        value, n = got
        if fold(texts[0]) == "one" and len(texts) > 1 and fold(texts[1]) == "of":
            continue  # "one of the": a pronoun, not a quantity
        start, end = m.start(), words[n - 1].end()
        pos = end
        q: Quantity
        if value.endswith("%"):
            q = Quantity(sentence[start:end], start, end, "percent", float(value[:-1]), "%")
        else:
            try:
                x = float(value)
            except ValueError:  # "dozens", "hundreds"
                q = Quantity(sentence[start:end], start, end, "vague", value)
            else:
                q = Quantity(sentence[start:end], start, end, "count", x)
                if n < len(words) and words[n].start() - end <= 1:
                    w = fold(words[n].group())
                    if w in UNITS:
                        dim, factor, display = UNITS[w]
                        end = words[n].end()
                        q = Quantity(sentence[start:end], start, end, dim, x * factor, display)
                    elif w in CURRENCY_WORDS:
                        end = words[n].end()
                        cur = CURRENCY_WORDS[w]
                        q = Quantity(sentence[start:end], start, end, "money", x, "", cur)
        out.append(q)


#: Relative difference below which two quantities given in different units agree: a
#: conversion is rounded in print ("72km (45 miles)" is 72.4 km).
CONVERSION_TOLERANCE = 0.05
_NUMERIC = frozenset({"count", "year"})


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same kind of thing, so that a difference of
    value is a disagreement (a count and a percentage in one place count as such)."""
    if a.dim == b.dim:
        return a.dim != "vague"
    pair = {a.dim, b.dim}
    return pair <= _NUMERIC or pair <= {"count", "percent", "pp"} or pair <= {"count", "money"}


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities state the same value (after conversion)."""
    if a.dim == "vague" or b.dim == "vague":
        return a.value == b.value
    if {a.dim, b.dim} <= _NUMERIC:
        return a.value == b.value
    if {a.dim, b.dim} == {"count", "money"}:
        return False
    if a.dim != b.dim:
        return False
    if a.dim == "money":
        if a.currency and b.currency and a.currency != b.currency:
            return False
        return _close(a.value, b.value, 0.0)  # type: ignore[arg-type]
    if a.dim in ("score", "time", "ref"):
        return a.value == b.value
    if a.dim == "temperature" and "°" in (a.unit, b.unit) and a.unit != b.unit:
        return _close(a.value, b.value, 0.0)  # type: ignore[arg-type]
    tol = 0.0 if a.unit == b.unit else CONVERSION_TOLERANCE
    return _close(a.value, b.value, tol)  # type: ignore[arg-type]


def _close(x: float, y: float, tol: float) -> bool:
    if x == y:
        return True
    return abs(x - y) <= tol * max(abs(x), abs(y)) + 1e-9 * max(abs(x), abs(y))


def same_quantities(a: str, b: str) -> bool:
    """Whether two texts state the same quantities in the same order (used to keep a
    change of currency, sign or order from passing as 'identical')."""
    qa, qb = quantities(a), quantities(b)
    return len(qa) == len(qb) and all(
        x.dim == y.dim and agree(x, y) and x.currency == y.currency
        for x, y in zip(qa, qb, strict=True)
    )
