"""Where the comparison uses sentence meaning (:mod:`.semantic`), and where it does not.

Two uses, both only when the model is installed and both capped so a long text never
waits on it (the lexical result stands when a cap is exceeded). The full model costs
about 0.3-0.8 ms per word piece on one core (measured on a loaded 2-core machine), plus
0.25-0.4 s to import numpy and load the weights the first time, so each use embeds at
most :data:`MAX_WORDS` words: sentence pairs, a paragraph or two, the unpaired remainder
of short texts. The built-in sample pair (407 words in its 9 changed pairs, 474 in its 42
unpaired sentences) stays lexical and never loads the model, which keeps a comparison
through the command line under half a second.

* **Links the lexical passes missed.** Sentences still unpaired on both sides after the
  aligner and the shared-fact pass are linked when each is the other's closest meaning
  among them (mutual best), their cosine is high (:data:`LINK_COSINE`) and they also share
  some words (:data:`LINK_FLOOR`, the lexical similarity): precision first, since a wrong
  link hides an omission. The link's ``relation`` is "same" when the cosine is very high
  (:data:`SAME_COSINE`), else as the lexical coverage says (an "overlap", whose conflicts
  are only those of the shared fact, when each side says much the other does not).
* **The similarity a pair reports** (``Pair.similarity``): the lexical similarity blended
  with the cosine (:data:`BLEND`), for pairs whose texts differ. Decisions (kind,
  conflicts, *rewritten*) still use the lexical similarity their thresholds were set on;
  only the figure shown changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import semantic
from .align import Group
from .overlap import SAME, relation_of
from .similarity import Weights, score

#: words (white-space separated) one use may embed in a comparison; beyond, lexical only
MAX_WORDS = 120

#: cosine two unpaired sentences need to be linked by meaning
LINK_COSINE = 0.65
#: a link by meaning this close says the same thing (relation "same"); below, the lexical
#: coverage decides, as for any aligned pair: "overlap" when each side says much more
SAME_COSINE = 0.80
#: ... and a lexical similarity of at least this much (some words in common)
LINK_FLOOR = 0.10
#: weight of the cosine in the reported similarity (the rest is the lexical similarity)
BLEND = 0.5


def blended_similarities(
    lexical: Sequence[float], texts: Sequence[tuple[str, str]]
) -> list[float | None]:
    """For each group, its reported similarity, or None to keep the lexical one."""
    out: list[float | None] = [None] * len(lexical)
    todo = [n for n, (a, b) in enumerate(texts) if a != b and lexical[n] < 1.0]
    if not todo or not _within_budget(t for n in todo for t in texts[n]):
        return out
    if not semantic.available():
        return out
    vecs = semantic.embed([texts[n][0] for n in todo] + [texts[n][1] for n in todo])
    if vecs is None:
        return out
    k = len(todo)
    cos = (vecs[:k] * vecs[k:]).sum(1)
    for n, c in zip(todo, cos, strict=True):
        out[n] = (1.0 - BLEND) * lexical[n] + BLEND * max(0.0, min(1.0, float(c)))
    return out


def semantic_groups(
    groups: Sequence[Group],
    ls: Sequence,
    rs: Sequence,
    lf: Sequence,
    rf: Sequence,
    w: Weights,
) -> list[Group]:
    """New 1:1 groups of sentences left unpaired that mean the same (see the module doc).

    ``lf``/``rf`` are the sentences' lexical features, None for those that take no part
    (page furniture, or sentences paired before features were computed).
    """
    taken_l = {i for g in groups for i in g.left}
    taken_r = {j for g in groups for j in g.right}
    free_l = [i for i, f in enumerate(lf) if i not in taken_l and f is not None and f.keys]
    free_r = [j for j, f in enumerate(rf) if j not in taken_r and f is not None and f.keys]
    if not free_l or not free_r:
        return []
    if not _within_budget([ls[i].text for i in free_l] + [rs[j].text for j in free_r]):
        return []
    if not semantic.available():
        return []
    vecs = semantic.embed([ls[i].text for i in free_l] + [rs[j].text for j in free_r])
    if vecs is None:
        return []
    sims = vecs[: len(free_l)] @ vecs[len(free_l) :].T
    best_r = sims.argmax(1)
    best_l = sims.argmax(0)
    out = []
    for a, i in enumerate(free_l):
        b = int(best_r[a])
        if int(best_l[b]) != a or float(sims[a, b]) < LINK_COSINE:
            continue
        j = free_r[b]
        sc = score(lf[i], rf[j], w)
        if sc.similarity < LINK_FLOOR:
            continue
        cos = float(sims[a, b])
        relation = SAME if cos >= SAME_COSINE else relation_of(sc)
        out.append(Group((i,), (j,), sc, False, relation))
    return out


def _within_budget(texts: Iterable[str]) -> bool:
    """Whether ``texts`` hold at most :data:`MAX_WORDS` words (counted without the model)."""
    total = 0
    for t in texts:
        total += len(t.split())
        if total > MAX_WORDS:
            return False
    return True
