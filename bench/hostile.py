"""Hostile inputs for the engine's time and memory budget (issue #15).

Each case is a pair of texts built here (no real articles): repeated sentences, one
sentence against very many, long sentences, digits, dots, lines without punctuation, a
5 MB pair. The budget: no input up to 5 MB a side takes more than 10 s or 1 GB, and the
cost stays near-linear in the number of sentences whatever their content.

    .venv/bin/python bench/bench.py hostile            every case, one process each
    .venv/bin/python bench/bench.py hostile digits     the cases whose name contains 'digits'
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

S = "The council met on Monday to discuss the budget for the new school."
OTHER = "A storm hit the coast on Friday. Thousands lost power."


def _rng(seed: int = 1) -> random.Random:
    return random.Random(seed)


def _w(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.ascii_lowercase) for _ in range(n))


def _oneword(n: int) -> tuple[str, str]:
    r = _rng()
    t = "Officials in the district said the plan for the {} school was approved by the board."
    return (
        "\n\n".join(t.format(_w(r, 8)) for _ in range(n)),
        "\n\n".join(t.format(_w(r, 8)) for _ in range(n)),
    )


def _long500() -> tuple[str, str]:
    r = _rng()
    longs = []
    for _ in range(500):
        words: list[str] = []
        while len(" ".join(words)) < 2980:
            words.append(_w(r, r.randint(3, 9)))
        longs.append(" ".join(words[:-1]).capitalize() + ".")
    return "\n\n".join(longs), "\n\n".join(s.replace(" ", " changed ", 1) for s in longs)


def _onepara(n: int) -> str:
    r = _rng()
    return " ".join(
        f"The {_w(r, 6)} council met on {_w(r, 7)} to discuss the budget." for _ in range(n)
    )


def _fifty_k() -> tuple[str, str]:
    r = _rng()
    right = "\n\n".join(
        f"The {_w(r, 6)} council met on {_w(r, 7)} to discuss the {_w(r, 5)} budget."
        for _ in range(50000)
    )
    return S, right


def _digits() -> str:
    r = _rng()
    return "".join(r.choice(string.digits) for _ in range(1_000_000))


def _digits_spaced(seed: int) -> str:
    r = _rng(seed)
    return " ".join(str(r.randint(0, 10**6)) for _ in range(140_000))


def _commas(seed: int) -> str:
    r = _rng(seed)
    return ",".join(str(r.randint(100, 999)) for _ in range(250_000))


def _no_punctuation(n: int, seed: int) -> str:
    r = _rng(seed)
    words = "storm coast power river village minister report police council budget".split()
    return "\n".join(" ".join(r.choice(words) for _ in range(9)) for _ in range(n))


def _xlled() -> str:
    r = _rng()
    return " ".join(_w(r, 2995) + "xlled" for _ in range(330))


def _five_mb() -> tuple[str, str]:
    r = _rng()
    sents = [
        f"The {_w(r, 6)} council met on {_w(r, 7)} to discuss the {_w(r, 5)} budget of "
        f"{r.randint(1, 10**6)} dollars."
        for _ in range(60000)
    ]
    r2 = _rng(2)
    left = "\n\n".join(" ".join(sents[i : i + 5]) for i in range(0, len(sents), 5))
    right = "\n\n".join(
        " ".join(
            s.replace("council", "board") if r2.random() < 0.3 else s for s in sents[i : i + 5]
        )
        for i in range(0, len(sents), 5)
    )
    return left, right


ABBREV = "U.S. Gen. Sen. Dr. Mr. No. 5 a.m. p.m. e.g. i.e. etc."

#: name -> a function giving (left text, right text)
CASES: dict[str, Callable[[], tuple[str, str]]] = {
    "same10k_paras": lambda: ("\n\n".join([S] * 10000), "\n\n".join([S] * 10000)),
    "same10k_minus1": lambda: ("\n\n".join([S] * 10000), "\n\n".join([S] * 9999)),
    "same10k_onepara": lambda: (" ".join([S] * 10000), " ".join([S] * 10000)),
    "yes20k_lines": lambda: ("Yes.\n\n" * 20000, "Yes.\n\n" * 20000 + "No.\n"),
    "oneword10k": lambda: _oneword(10000),
    "one_vs_50k": _fifty_k,
    "long500": _long500,
    "onepara5k": lambda: (_onepara(5000), OTHER),
    "onepara20k": lambda: (_onepara(20000), _onepara(20000)),
    "dots_abbrev_1mb": lambda: (" ".join([ABBREV] * 20000), " ".join([ABBREV] * 19990)),
    "dots_spaced_1mb": lambda: (". " * 500_000, OTHER),
    "dots_run_1mb": lambda: ("Wait" + "." * 1_000_000 + " Then.", OTHER),
    "digits_1mb": lambda: (_digits(), OTHER),
    "digits_spaced_1mb": lambda: (_digits_spaced(1), _digits_spaced(2)),
    "numbers_commas_1mb": lambda: (_commas(1), _commas(2)),
    "seven_1mb": lambda: (
        " ".join(["seven"] * 170_000),
        " ".join(["seven"] * 169_000 + ["eight"] * 1000),
    ),
    "line_items_1mb": lambda: ("\n".join(["- item"] * 150_000), "\n".join(["- item"] * 149_000)),
    "no_punctuation_1mb": lambda: (_no_punctuation(17000, 1), _no_punctuation(17000, 2)),
    "xlled_1mb": lambda: (_xlled(), OTHER),
    "spaces_1mb": lambda: ("Start" + " " * 1_000_000 + "end.", OTHER),
    "dashes_1mb": lambda: ("-" * 1_000_000, OTHER),
    "apostrophes_1mb": lambda: ("a'" * 500_000 + "a", OTHER),
    "hyphen_word_1mb": lambda: ("-".join(["re"] * 333_000), OTHER),
    "five_mb": _five_mb,
}
