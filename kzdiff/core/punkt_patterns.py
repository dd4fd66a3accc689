"""Punkt's own regular expressions, run without NLTK's per-call time limit.

NLTK 3.10 routes every regular expression it applies through ``nltk.redos``: compiled
with the third-party ``regex`` engine and called with a wall-clock ``timeout``, a backstop
against patterns a *caller* supplies (a chunk grammar, a tokenizer pattern) that backtrack
catastrophically. Punkt's patterns are NLTK's own, fixed and linear; kzdiff supplies
none. Run through that guard they were over half of segmenting (0.53 s against 0.23 s on
the 20,000 paragraphs of a 10k pair, `bench/bench.py ratio`): the per-call wrapper and the
time checks, not the matching.

So the tokenizer gets the very same compiled patterns (the same ``regex`` engine, the same
flags: same matches) without the wrapper, through Punkt's own extension points (its
``lang_vars`` and ``token_cls``). What the time limit guarded against is held here by
bounding the input instead: ``segment`` hands Punkt pieces of at most
:data:`~kzdiff.core.segment.PUNKT_CHUNK` characters, and the hostile-input bench
(``bench/bench.py hostile``: a megabyte of dots, spaces, apostrophes, hyphens, one
paragraph of 20,000 sentences) holds the budget without it. With an NLTK that compiles
with the standard ``re`` (3.9), the patterns are already plain and are kept as they are.
"""

from __future__ import annotations

from typing import Any


def untimed(pattern: Any) -> Any:
    """The compiled pattern a ``nltk.redos.TimedPattern`` wraps (same engine and flags),
    or ``pattern`` itself when it is already a plain compiled pattern."""
    if type(pattern).__name__ != "TimedPattern":
        return pattern
    import regex  # NLTK's own dependency, the engine it compiled the pattern with

    return regex.compile(pattern.pattern, pattern.flags)


def punkt_classes(punkt: Any) -> tuple[type, type]:
    """Punkt's language variables and token class with untimed patterns (``punkt``: the
    module ``nltk.tokenize.punkt``, see :mod:`.punkt_module`)."""

    class LangVars(punkt.PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = untimed(punkt.PunktLanguageVars.re_boundary_realignment)

        def __init__(self) -> None:
            # Punkt compiles these two on first use and keeps them in its slots: compile
            # them now, then keep the untimed pattern in their place
            self._re_period_context = untimed(self.period_context_re())
            self._re_word_tokenizer = untimed(self._word_tokenizer_re())

    non_punct = untimed(punkt._re_non_punct)

    class Token(punkt.PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = untimed(punkt.PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = untimed(punkt.PunktToken._RE_NUMERIC)
        _RE_INITIAL = untimed(punkt.PunktToken._RE_INITIAL)
        _RE_ALPHA = untimed(punkt.PunktToken._RE_ALPHA)

        @property
        def is_non_punct(self) -> Any:
            """True if the token is either a number or is alphabetic (Punkt's own test)."""
            return non_punct.search(self.type)

    return LangVars, Token
