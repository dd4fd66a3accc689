"""Generated texts and the invariants every comparison must keep.

Shared by the property tests (a few dozen examples each, in CI) and ``scripts/fuzz.py``
(the same checks for as long as it is left running). The texts are news-like sentences
mixed with what real files carry that breaks naive code: right-to-left scripts, combining
marks, emoji sequences, markup, control characters, enormous words, lone punctuation.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

from kzdiff.core.highlight import marks, segments
from kzdiff.core.model import GROUP_SEPARATOR, Comparison, Kind, Op

SENTENCES = [
    "The minister resigned on Tuesday after weeks of protests.",
    "Police said 230 people had been detained in Almaty.",
    "Dr. Smith told reporters the plan was approved by the U.S. Senate.",
    "Prices rose by 4.5 percent in March, the central bank said.",
    "“We will not give up,” the union leader said.",
    "He did not say when the talks would resume.",
    "Rescue teams reached the village at 3 p.m. on Sunday.",
    "The company, founded in 1998, employs 12,000 workers.",
    "Разговоры о перемирии продолжаются в Москве.",
    "Officials declined to comment.",
]

#: Pieces that have broken text tools before: bidi text, decomposed accents, emoji with
#: joiners and skin tones, markup that must stay text, control and format characters.
HOSTILE = [
    "قال المتحدث إن 230 شخصا اعتقلوا.",
    "השר התפטר ביום שלישי.",
    "Cafe\u0301 owners in Zu\u0308rich said no.",
    "The 👩‍👩‍👧‍👦 family and 👍🏽 emoji stayed.",
    "<script>alert('x')</script> was in the text.",
    "<b>Bold</b> &amp; <i>italic</i> &lt;tags&gt;.",
    "Tab\there, form\x0cfeed and a bell\x07 char.",
    "Zero\u200bwidth\u200djoiners and a \u202eright-to-left override.",
    "...",
    "* * *",
    "“",
    "A" * 3000,
]

sentence = st.sampled_from(SENTENCES)
hostile = st.sampled_from(HOSTILE)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=0, max_size=5).map("\n\n".join)
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
separator = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r", "\n\n\n", "  \t"])
#: Adversarial documents: news sentences, hostile pieces and random characters, joined by
#: every kind of white space and line ending.
mixed = st.lists(st.one_of(sentence, hostile, noise), min_size=0, max_size=8).flatmap(
    lambda parts: st.lists(separator, min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))
    )
)

# --- hostile input of issue #15: encodings, disguised binary, names, costly structure ---

#: (text, encoding) pairs a detector should read back: the text in an encoding that can
#: hold it, long enough to be recognisable.
LEGACY = {
    "cp1251": "Президент подписал указ в понедельник. Цены выросли на пять процентов.",
    "koi8_r": "Правительство объявило о новых мерах поддержки экономики во вторник.",
    "gb18030": "政府周一宣布了新的经济政策。专家表示，这些措施将有助于稳定市场信心。",
    "shift_jis": "日本政府は月曜日、新たな経済対策を発表した。専門家はこの対策を評価している。",
    "euc_kr": "한국 정부는 월요일 새로운 경제 정책을 발표했다. 전문가들은 이를 환영했다.",
    "utf-16-le": "Президент подписал указ в понедельник. The talks resume on Monday.",
    "utf-16-be": "政府周一宣布了新的经济政策。The council met on Friday.",
    "utf-32-le": "Η κυβέρνηση ανακοίνωσε νέα μέτρα τη Δευτέρα. Prices rose.",
}
legacy = st.sampled_from(sorted(LEGACY)).flatmap(
    lambda enc: st.integers(1, 4).map(lambda k: (LEGACY[enc] * k, enc))
)
#: UTF-8 text cut or damaged at one random byte: must stay UTF-8 with a warning.
damaged_utf8 = st.tuples(
    st.lists(sentence, min_size=2, max_size=6).map(" ".join).map(lambda t: t + " Zürich café"),
    st.sampled_from(["cut", "flip"]),
)
#: Binary data in disguise: NULs at odd offsets, behind a BOM, zero-filled wide text.
disguised_binary = st.one_of(
    st.binary(min_size=30, max_size=300).map(
        lambda b: bytes(x for i in range(0, len(b) - 2, 3) for x in (*b[i : i + 3], 0))
    ),
    st.tuples(
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]),
        st.binary(min_size=8, max_size=400),
    ).map(lambda t: t[0] + b"\x00\x00" + t[1] + b"\x00\x01\x02" * 8),
)
#: File names with every kind of character a file system allows (no "/" and no NUL).
file_name = st.text(
    alphabet=st.characters(exclude_characters="/\x00", exclude_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(lambda n: n not in (".", ".."))
#: Texts whose structure once made the engine quadratic or hungry: copies of one
#: sentence, one long paragraph, lines without stops, digits, dots, long words.
costly = st.one_of(
    st.tuples(sentence, st.integers(50, 3000), st.sampled_from(["\n\n", " ", "\n"])).map(
        lambda t: t[2].join([t[0]] * t[1])
    ),
    st.integers(100, 3000).map(lambda n: "Yes.\n\n" * n),
    st.lists(sentence, min_size=200, max_size=1500).map(" ".join),
    st.integers(1000, 100_000).map(lambda n: "".join(str(i % 10) for i in range(n))),
    st.integers(1000, 100_000).map(lambda n: ". " * n),
    st.integers(10, 300).map(lambda n: " ".join(["U.S. Gen. Dr. No. 5 a.m. e.g."] * n)),
    st.lists(
        st.sampled_from(["storm coast", "power river", "police report"]),
        min_size=100,
        max_size=3000,
    ).map("\n".join),
    st.integers(5, 60).map(lambda n: " ".join("x" * 2995 + "lled" for _ in range(n))),
)


def check_cover(cmp: Comparison) -> None:
    """Every sentence of each side is in exactly one pair, but for the one sentence of a
    cross pair that also stands in a pair of its own (that pair is the one views find)."""
    for side, doc in (("left", cmp.left), ("right", cmp.right)):
        seen = sorted(i for p in cmp.pairs for i in p.ids(side) if not p.cross)
        own = [i for p in cmp.pairs if p.cross for i in p.ids(side) if i not in set(seen)]
        assert sorted(seen + own) == list(range(len(doc.sentences))), f"{side}: one pair each"
        for i in range(len(doc.sentences)):
            n = cmp.pair_index_of(side, i)
            assert n is not None and i in cmp.pairs[n].ids(side)
    for n, p in enumerate(cmp.pairs):
        if p.cross:  # one sentence a side: one in a pair of its own, the other only here
            assert len(p.left) == len(p.right) == 1 and p.relation == "overlap"
            hosted = [cmp.pair_index_of(side, p.ids(side)[0]) != n for side in ("left", "right")]
            assert sorted(hosted) == [False, True]


def check_spans(cmp: Comparison) -> None:
    """Sentences slice back out of their text, in order, trimmed and non-empty."""
    for doc in (cmp.left, cmp.right):
        last_end = 0
        for s in doc.sentences:
            assert doc.text[s.start : s.end] == s.text
            assert s.text.strip() == s.text and s.text
            assert s.start >= last_end
            last_end = s.end


def check_views(cmp: Comparison) -> None:
    """What views are given stays inside the sentences and agrees with the word diff."""
    for n, pair in enumerate(cmp.pairs):
        if pair.left and pair.right:
            for side in ("left", "right"):
                doc = cmp.left if side == "left" else cmp.right
                recovered = "".join(d.side_text(side) for d in pair.diff)
                own = GROUP_SEPARATOR.join(doc.sentences[i].text for i in pair.ids(side))
                assert recovered == own, "the word diff spells out each side's text"
                bounds = [(doc.sentences[i].start, doc.sentences[i].end) for i in pair.ids(side)]
                for m in marks(cmp, side, n):
                    assert m.start < m.end
                    assert any(a <= m.start and m.end <= b for a, b in bounds), m
                for i in pair.ids(side):
                    s = doc.sentences[i]
                    runs = segments(s.text, s.start, marks(cmp, side, n))
                    assert "".join(t for t, _ in runs) == s.text
        else:
            assert pair.kind in (Kind.MISSING, Kind.FURNITURE) and not pair.diff
        if pair.kind is Kind.FURNITURE:  # one furniture sentence, marked as such
            ((side, i),) = [(sd, i) for sd in ("left", "right") for i in pair.ids(sd)]
            assert (cmp.left if side == "left" else cmp.right).sentences[i].block == "furniture"
        if pair.kind is Kind.CONFLICT:
            assert pair.conflicts and all(c.describe() for c in pair.conflicts)
        assert all(d.op in (Op.EQUAL, Op.DELETE, Op.INSERT) for d in pair.diff)
    json.dumps(cmp.to_dict(), ensure_ascii=False)


def check_all(cmp: Comparison) -> None:
    check_cover(cmp)
    check_spans(cmp)
    check_views(cmp)


def mirrored(ab: Comparison, ba: Comparison) -> bool:
    """Swapping the two texts swaps every group and keeps its kind and relation."""

    def groups(cmp: Comparison, flip: bool) -> set:
        return {
            ((p.right, p.left) if flip else (p.left, p.right)) + (p.kind, p.relation)
            for p in cmp.pairs
        }

    return groups(ab, False) == groups(ba, True)
