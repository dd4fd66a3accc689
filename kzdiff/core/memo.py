"""What is read off a sentence's text, read once per comparison.

Several stages read the same things off one sentence: its word tokens (similarity, the
conflict checks, dates in the facts table) and its quantities (the conflict checks, then
the facts table). Functions of a text decorated with :func:`per_text` keep their results
for the whole comparison in progress (opened with :func:`sentence_memo`, which
``compare_documents`` does), so each distinct text is analysed once however many stages
and sentences ask, and the memory is given back when the comparison ends. Outside a
comparison they fall back on a small LRU cache of their own.

A bounded LRU cache alone did not do this: a 5 MB pair has 120,000 sentence texts, and
with a cache of 4,096 the facts table re-read the quantities of every sentence the
conflict checks had read moments before; an unbounded module cache would keep them
after the comparison. The memory is a context variable, so comparisons run in two
threads (the window cancels one and starts another) never share or clear each other's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, update_wrapper
from typing import TypeVar

T = TypeVar("T")

#: the comparison in progress: function -> {text: result}; None outside a comparison
_SCOPE: ContextVar[dict[Callable, dict[str, object]] | None] = ContextVar(
    "kzdiff_sentence_memo", default=None
)


@contextmanager
def sentence_memo() -> Iterator[None]:
    """Keep :func:`per_text` results until the block ends (an enclosing block's memory is
    used if there is one)."""
    if _SCOPE.get() is not None:
        yield
        return
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def comparison_table(owner: Callable) -> dict | None:
    """A dict of ``owner``'s own that lives as long as the comparison in progress (None
    outside one), for a memo keyed otherwise than by one text."""
    scope = _SCOPE.get()
    if scope is None:
        return None
    table = scope.get(owner)
    if table is None:
        table = scope[owner] = {}
    return table


def per_text(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorate a pure function of one text (or of what one text gives, such as its
    tokens: any hashable argument): memoised per comparison (see the module docstring),
    else by an LRU cache of ``maxsize``. Results must not be mutated."""

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(fn)

        def wrapper(text: str) -> T:
            table = comparison_table(wrapper)
            if table is None:
                return cached(text)
            got = table.get(text, table)  # the table itself: a sentinel no result can be
            if got is table:
                got = table[text] = fn(text)
            return got  # type: ignore[return-value]

        update_wrapper(wrapper, fn)
        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
