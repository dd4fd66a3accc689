"""Synthetic article pairs of a given size with controlled edits, for the benchmarks.

Sentences are drawn from a Zipf-like vocabulary harvested from the project's sample
articles (so word frequencies look like news), with capitalised names and numbers. The
right side is the left side with: rewordings (a few words replaced), deletions,
insertions, moves, changed numbers and splits; the counts are returned so a benchmark can
print what it measured.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: A fixed list, so that adding a gold case does not change the benchmark's texts.
SOURCES = [
    *(
        ROOT / "tests" / "data" / "gold" / case / side
        for case in ("kazakhstan-coup", "port-strike", "uk-us-spelling")
        for side in ("left.txt", "right.txt")
    ),
    *sorted((ROOT / "kzdiff" / "resources" / "sample").glob("*.txt")),
]


def vocabulary() -> tuple[list[str], list[str]]:
    words: dict[str, int] = {}
    names: set[str] = set()
    for p in SOURCES:
        for w in re.findall(r"[A-Za-z][a-z]+", p.read_text(encoding="utf-8")):
            if w[0].isupper():
                if (
                    len(w) >= 5
                ):  # short ones include abbreviations (Mr, Gen, Jan) that end no sentence
                    names.add(w)
            else:
                words[w] = words.get(w, 0) + 1
    common = sorted(words, key=lambda w: (-words[w], w))
    return common, sorted(names)


SYLLABLES = "ka ri to mel an dor vi sen lo tra pe mun gal isk or ber nu fa che lin".split()


def rare_words(rng: random.Random, n: int) -> list[str]:
    """Made-up words for the long tail: a real article's vocabulary grows with its length
    (Heaps' law), and a fixed vocabulary would make every word common in a long text."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def make_sentence(
    rng: random.Random, common: list[str], names: list[str], rare: list[str] | None = None
) -> str:
    n = rng.randint(10, 28)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.10:
            out.append(rng.choice(names))
        elif r < 0.15:
            out.append(str(rng.randint(2, 2000)))
        elif rare and r < 0.27:
            out.append(rng.choice(rare))
        else:
            # Zipf-like: index ~ exponential so a few words are very common
            i = min(len(common) - 1, int(rng.expovariate(1 / 120)))
            out.append(common[i])
    out[0] = out[0].capitalize()
    if rng.random() < 0.3:
        out.insert(rng.randint(3, n - 2), ",")
    return " ".join(out).replace(" ,", ",") + "."


def make_pair(n: int, seed: int = 1) -> tuple[str, str, dict[str, int]]:
    left, right, edits, _ = make_pair_with_links(n, seed)
    return left, right, edits


def make_pair_with_links(
    n: int, seed: int = 1
) -> tuple[str, str, dict[str, int], set[tuple[int, int]]]:
    """Also the true links (left sentence id, right sentence id), to score an alignment."""
    rng = random.Random(seed)
    common, names = vocabulary()
    rare = rare_words(rng, 3 * n)
    left = [make_sentence(rng, common, names, rare) for _ in range(n)]
    right: list[tuple[str, int | None, int]] = []  # (text, left source, sentences in it)
    edits = dict(reworded=0, deleted=0, inserted=0, moved=0, numbers=0, split=0, kept=0)
    moved: list[tuple[str, int | None, int]] = []
    for i, s in enumerate(left):
        r = rng.random()
        parts = 1
        if r < 0.08:
            edits["deleted"] += 1
            continue
        if r < 0.25:
            words = s.rstrip(".").split()
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = rng.choice(common[:400])
            words[0] = words[0][:1].upper() + words[0][1:]
            s = " ".join(words) + "."
            edits["reworded"] += 1
        elif r < 0.30:
            s2 = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), s, count=1)
            edits["numbers"] += s2 != s
            s = s2
        elif r < 0.33:
            words = s.rstrip(".").split()
            cut = len(words) // 2
            rest = " ".join(words[cut:])
            s = " ".join(words[:cut]) + ". " + rest[:1].upper() + rest[1:] + "."
            parts = 2
            edits["split"] += 1
        elif r < 0.35:
            moved.append((s, i, 1))
            edits["moved"] += 1
            continue
        else:
            edits["kept"] += 1
        right.append((s, i, parts))
        if rng.random() < 0.04:
            right.append((make_sentence(rng, common, names, rare), None, 1))
            edits["inserted"] += 1
    for entry in moved:
        right.insert(rng.randrange(len(right) + 1), entry)
    links: set[tuple[int, int]] = set()
    j = 0
    for _, src, parts in right:
        for k in range(parts):
            if src is not None:
                links.add((src, j + k))
        j += parts

    def paragraphs(sents: list[str]) -> str:
        out, para = [], []
        for s in sents:
            para.append(s)
            if len(para) >= rng.randint(2, 6):
                out.append(" ".join(para))
                para = []
        if para:
            out.append(" ".join(para))
        return "\n\n".join(out) + "\n"

    return paragraphs(left), paragraphs([t for t, _, _ in right]), edits, links
