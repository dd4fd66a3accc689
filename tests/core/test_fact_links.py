"""Links the facts table makes: one figure both texts give in sentences nothing else pairs.

Texts written for these tests, modelled on two outlets' own reports of one earthquake.
"""

from __future__ import annotations

import json

from kzdiff import compare_texts
from kzdiff.core.model import Kind

# The figure is the two sentences' only common fact: "homes" / "houses", and little else.
APART_LEFT = (
    "Rescuers dug through shattered homes on Monday looking for survivors of the earthquake, "
    "which killed 310 people and injured more than 1,500. "
    "About 9,000 homes collapsed when the quake struck on Sunday afternoon in the poor hill "
    "county. "
    "Aid workers handed out tents and bottled water in the main square."
)
APART_RIGHT = (
    "By late Monday, 310 people were reported dead and 1,512 injured in the hill county. "
    "More than 14,300 houses fell and 200,000 were damaged, according to the Red Cross. "
    "Schools will stay closed for the rest of the week. "
    "Heavy rain is expected to slow the search."
)
# The left sentence with the figure already has a partner: the link is a cross link.
CROSS_LEFT = (
    "Rescuers dug through the rubble on Monday looking for survivors. "
    "About 9,000 homes collapsed when the quake struck the poor hill county of Ludao on "
    "Sunday afternoon, killing 310 people. "
    "Aid workers handed out tents and bottled water in the main square. "
    "Roads into the valley were cut by landslides."
)
CROSS_RIGHT = (
    "The quake struck the poor hill county of Ludao on Sunday afternoon and killed 310 people. "
    "Schools will stay closed for the rest of the week. "
    "More than 14,300 houses fell and 200,000 were damaged, according to the Red Cross. "
    "Heavy rain is expected to slow the search."
)


def rows(cmp) -> list[tuple]:
    return [(p.left, p.right, p.kind.value, p.relation, p.cross, p.moved) for p in cmp.pairs]


def test_two_unpaired_sentences_giving_one_figure_differently_are_a_conflict():
    cmp = compare_texts(APART_LEFT, APART_RIGHT)
    assert rows(cmp) == [
        ((0,), (0,), "paraphrase", "overlap", False, False),
        # in reading order, before what only the right text says
        ((1,), (1,), "conflict", "overlap", False, False),
        ((), (2,), "missing", "same", False, False),
        ((), (3,), "missing", "same", False, False),
        ((2,), (), "missing", "same", False, False),
    ]
    link = cmp.pairs[1]
    assert link.reasons() == ["number: 9,000 vs 14,300"]
    # shown whole, the shared words kept as the diff's equal runs
    assert link.rewritten
    assert 0 < link.similarity < 0.5
    assert cmp.summary()["only_right"] == 2


def test_the_link_mirrors_when_the_texts_are_swapped():
    cmp = compare_texts(APART_RIGHT, APART_LEFT)
    link = next(p for p in cmp.pairs if p.left == (1,) and p.right == (1,))
    assert link.kind is Kind.CONFLICT and link.relation == "overlap"
    assert link.reasons() == ["number: 14,300 vs 9,000"]


def test_a_sentence_already_paired_takes_a_cross_link():
    cmp = compare_texts(CROSS_LEFT, CROSS_RIGHT)
    assert rows(cmp) == [
        ((0,), (), "missing", "same", False, False),
        ((1,), (0,), "paraphrase", "same", False, False),
        ((), (1,), "missing", "same", False, False),
        # left sentence 1 is in two pairs: its own, and this link to what the right says
        # of the houses; in order (the right sentence follows sentence 1's partner)
        ((1,), (2,), "conflict", "overlap", True, False),
        ((), (3,), "missing", "same", False, False),
        ((2,), (), "missing", "same", False, False),
        ((3,), (), "missing", "same", False, False),
    ]
    assert cmp.pairs[3].reasons() == ["number: 9,000 vs 14,300"]
    # views find each sentence's own pair; the right sentence's own pair is the link
    assert cmp.pair_index_of("left", 1) == 1
    assert cmp.pair_index_of("right", 2) == 3
    s = cmp.summary()
    assert (s["pairs"], s["conflict"], s["only_left"], s["only_right"]) == (7, 1, 3, 2)
    out = json.loads(json.dumps(cmp.to_dict()))
    assert [p["cross"] for p in out["pairs"]] == [False, False, False, True, False, False, False]
    # swapped, the link is a cross link from the other side, where its free sentence stood
    ba = compare_texts(CROSS_RIGHT, CROSS_LEFT)
    assert rows(ba) == [
        ((), (0,), "missing", "same", False, False),
        ((0,), (1,), "paraphrase", "same", False, False),
        ((), (2,), "missing", "same", False, False),
        ((), (3,), "missing", "same", False, False),
        ((1,), (), "missing", "same", False, False),
        ((2,), (1,), "conflict", "overlap", True, False),
        ((3,), (), "missing", "same", False, False),
    ]
    assert ba.pair_index_of("right", 1) == next(
        n for n, p in enumerate(ba.pairs) if p.right == (1,) and not p.cross
    )


def test_a_figure_given_alike_links_as_a_paraphrase():
    left = APART_LEFT.replace("About 9,000 homes", "About 14,300 homes")
    cmp = compare_texts(left, APART_RIGHT)
    link = cmp.pairs[1]
    assert (link.left, link.right, link.kind, link.conflicts) == ((1,), (1,), Kind.PARAPHRASE, ())


B1 = "Bombs hit churches and hotels across the island. "
B2 = " Schools stayed shut. Curfews were lifted."
R1 = "The army patrolled the capital. "
R2 = " Tourists cancelled bookings. Shops reopened."


def test_a_figure_the_other_sentence_also_gives_is_no_conflict():
    # the table matches what each side says of the arrests (16 / 76), but the left
    # sentence gives 76 too: the two agree on the number held
    left = "Police said they had detained 16 more people, bringing the number held to 76."
    right = "Security forces have now arrested 76, among them foreign nationals."
    cmp = compare_texts(B1 + left + B2, R1 + right + R2)
    arrests = [(f.text, f.about, f.agree) for f in cmp.facts if f.about == "arrested"]
    assert arrests == [("16", "arrested", False), ("76", "arrested", False)]
    link = cmp.pair_of("left", 1)
    assert (link.right, link.kind, link.conflicts) == ((1,), Kind.PARAPHRASE, ())
    # from the other side, the same
    ba = compare_texts(R1 + right + R2, B1 + left + B2)
    assert ba.pair_of("left", 1).kind is Kind.PARAPHRASE
    # a sentence that gives only the other figure disagrees
    alone = compare_texts(
        B1 + left.replace(", bringing the number held to 76", "") + B2, R1 + right + R2
    )
    assert alone.pair_of("left", 1).reasons() == ["number: 16 vs 76"]


def test_a_weekday_a_small_bare_number_or_a_headline_makes_no_link():
    weekday = compare_texts(
        "Ships were diverted. Fire crews worked through the night. The tanker sank on Tuesday. "
        "Oil reached the coast.",
        "Talks broke down. Markets fell sharply on Tuesday. Prices rose. Shares recovered.",
    )
    small = compare_texts(
        "Ships were diverted. Twenty volunteers arrived by boat. Fire crews worked all night. "
        "Oil reached the coast.",
        "Talks broke down. The ministry has 20 offices abroad. Prices rose. Shares recovered.",
    )
    headline = compare_texts(
        "Quake kills 22 in mountain county\n\nRescuers searched the rubble. "
        "Roads were cut. Tents were handed out.",
        "Officials met in the capital. The three deaths were reported in the south. "
        "Power was restored. Schools reopened.",
    )
    # a bare figure the table matches (said once on each side), in sentences with not
    # one other word in common
    bare = compare_texts(
        "Ships were diverted. Fire crews worked through the night. Officials said the figure "
        "stood at 4,250. Oil reached the coast.",
        "Talks broke down. The ministry's reference for the file is 4,250. Prices rose. "
        "Shares recovered.",
    )
    assert [(f.text, f.about, f.counterpart is not None) for f in bare.facts] == [
        ("4,250", "", True),
        ("4,250", "", True),
    ]
    for cmp in (weekday, small, headline, bare):
        assert all(not (p.left and p.right) for p in cmp.pairs), rows(cmp)


def test_a_bare_figure_of_three_digits_links_sentences_that_share_another_word(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")  # (the sentence model links these by meaning)
    left = B1 + "The Easter count now stands at 1,253, the ministry said." + B2
    right = R1 + "Police gave the Easter total as 1,253 on Friday." + R2
    cmp = compare_texts(left, right)
    assert [f.about for f in cmp.facts if f.text == "1,253"] == ["", ""]  # bare on both sides
    link = cmp.pair_of("left", 1)
    assert (link.right, link.kind, link.relation) == ((1,), Kind.PARAPHRASE, "overlap")
    # without the word both share, the same figure is a coincidence
    apart = compare_texts(left, right.replace("the Easter total", "the total"))
    assert apart.pair_of("left", 1).kind is Kind.MISSING


def test_a_figure_with_its_unit_needs_no_other_word(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    cmp = compare_texts(
        B1 + "The ferry sank in 65 metres of water." + B2,
        R1 + "Its hull rests 65 metres down." + R2,
    )
    assert [(f.about, f.unit) for f in cmp.facts if f.text == "65 metres"] == [("", "m")] * 2
    link = cmp.pair_of("left", 1)
    assert (link.right, link.kind, link.relation) == ((1,), Kind.PARAPHRASE, "overlap")


def test_a_link_out_of_order_is_moved(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    left = (
        "The Easter count now stands at 1,253, the ministry said. "
        "Bombs hit churches and hotels across the island. Schools stayed shut. "
        "Curfews were lifted."
    )
    right = (
        "Bombs hit churches and hotels across the island. Schools stayed shut. "
        "Curfews were lifted. Police gave the Easter total as 1,253 on Friday."
    )
    cmp = compare_texts(left, right)
    link = cmp.pair_of("left", 0)
    assert (link.right, link.relation, link.moved) == ((3,), "overlap", True)
    assert cmp.summary()["moved"] == 1


def test_texts_of_a_sentence_or_two_make_no_fact_links():
    cmp = compare_texts(
        "About 9,000 homes collapsed when the quake struck.",
        "More than 14,300 houses fell, the Red Cross said.",
    )
    assert [p.kind for p in cmp.pairs] == [Kind.MISSING, Kind.MISSING]


def test_a_paired_sentence_takes_one_cross_link_whichever_text_is_on_the_left():
    left = CROSS_LEFT.replace("killing 310 people.", "killing 310 people and injuring 1,200.")
    right = CROSS_RIGHT.replace("Heavy rain", "Hospitals took in 1,500 injured. Heavy rain")
    ab, ba = compare_texts(left, right), compare_texts(right, left)
    assert [(p.left, p.right, p.reasons()) for p in ab.pairs if p.cross] == [
        ((1,), (2,), ["number: 9,000 vs 14,300"])
    ]
    assert [(p.right, p.left, p.reasons()) for p in ba.pairs if p.cross] == [
        ((1,), (2,), ["number: 14,300 vs 9,000"])
    ]
    # the injured figure has its counterpart in the table, but its sentence stays unlinked
    injured = [(f.text, f.agree) for f in ab.facts if f.about == "injured"]
    assert injured == [("1,200", False), ("1,500", False)]
    assert ab.pair_of("right", 3).kind is Kind.MISSING
    assert ba.pair_of("left", 3).kind is Kind.MISSING


def test_a_year_is_no_figure_to_link_by(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    cmp = compare_texts(
        B1 + "The Easter attacks of 2019 shocked the island." + B2,
        R1 + "Easter services resumed in 2019 under guard." + R2,
    )
    assert [(f.kind, f.counterpart is not None) for f in cmp.facts] == [("date", True)] * 2
    assert cmp.pair_of("left", 1).kind is Kind.MISSING


def test_three_digits_make_a_bare_figure_specific(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    left = B1 + "The Easter count now stands at 253, the ministry said." + B2
    right = R1 + "Police gave the Easter total as 253 on Friday." + R2
    assert compare_texts(left, right).pair_of("left", 1).right == (1,)
    small = compare_texts(left.replace("253", "53"), right.replace("253", "53"))
    assert small.pair_of("left", 1).kind is Kind.MISSING


def test_a_sum_of_money_needs_no_other_word(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    cmp = compare_texts(
        B1 + "Prosecutors said $4.5 million was taken." + B2,
        R1 + "Auditors traced 4,500,000 dollars to a shell firm." + R2,
    )
    assert [(f.about, f.unit, f.dim) for f in cmp.facts] == [("", "", "money")] * 2
    assert cmp.pair_of("left", 1).right == (1,)


def test_page_furniture_does_not_count_towards_the_sentences_a_text_needs():
    cmp = compare_texts(
        "ADVERTISEMENT\n\nAbout 9,000 homes collapsed when the quake struck.\n\nAid came.\n\n"
        "READ MORE",
        "ADVERTISEMENT\n\nMore than 14,300 houses fell, the Red Cross said.\n\nSchools shut.\n\n"
        "READ MORE",
    )
    assert [s.block for s in cmp.left.sentences] == ["furniture", "prose", "prose", "furniture"]
    assert [f.counterpart is not None for f in cmp.facts] == [True, True]  # the table pairs them
    assert cmp.pair_of("left", 1).kind is Kind.MISSING


def test_figures_passed_over_do_not_stop_the_links_after_them(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    # first a headline's figure (a headline is no place for a link), then a bare figure
    # in sentences with nothing else in common: the body's figure still links
    from .test_facts import HOMES_LEFT, HOMES_RIGHT

    headline = compare_texts(HOMES_LEFT, HOMES_RIGHT)
    assert [s.block for s in headline.left.sentences][0] == "line"
    assert headline.pair_of("left", 2).right == (3,)
    bare = compare_texts(
        B1 + "Officials said the figure stood at 4,250. About 9,000 homes collapsed when the "
        "quake struck the poor hill county." + B2,
        R1 + "The ministry's reference for the file is 4,250. More than 14,300 houses fell and "
        "200,000 were damaged, according to the Red Cross." + R2,
    )
    assert [(p.left, p.right, p.reasons()) for p in bare.pairs if p.left and p.right] == [
        ((2,), (2,), ["number: 9,000 vs 14,300"])
    ]


def test_two_sentences_that_each_have_a_pair_take_no_link():
    left = CROSS_LEFT.replace(
        "Roads into the valley were cut by landslides.",
        "Aid workers said 200,000 homes were damaged, according to the Red Cross.",
    )
    cmp = compare_texts(left, CROSS_RIGHT)
    houses = [(f.side, f.sentences, f.counterpart is not None) for f in cmp.facts]
    assert ("left", (1,), True) in houses and ("right", (2,), True) in houses
    assert not any(p.cross for p in cmp.pairs)
    assert cmp.pair_of("left", 1).right == (0,) and cmp.pair_of("right", 2).left == (3,)


def test_links_in_and_out_of_order_in_one_comparison(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    left = (
        "About 9,000 homes collapsed when the quake struck the poor hill county. "
        "The Easter count now stands at 1,253, the ministry said. "
        "Bombs hit churches and hotels across the island. Schools stayed shut. "
        "Curfews were lifted."
    )
    right = (
        "More than 14,300 houses fell and 200,000 were damaged, according to the Red Cross. "
        "Bombs hit churches and hotels across the island. Schools stayed shut. "
        "Curfews were lifted. Police gave the Easter total as 1,253 on Friday."
    )
    cmp = compare_texts(left, right)
    assert [(p.left, p.right, p.kind.value, p.moved) for p in cmp.pairs] == [
        ((0,), (0,), "conflict", False),
        ((1,), (4,), "paraphrase", True),
        ((2,), (1,), "identical", False),
        ((3,), (2,), "identical", False),
        ((4,), (3,), "identical", False),
    ]


def test_every_figure_two_linked_sentences_give_differently_is_a_reason(monkeypatch):
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    left = B1 + "About 9,000 homes collapsed and 120 people died in the hill villages." + B2
    right = R1 + "The Red Cross counted 14,300 houses fallen and a toll of 150." + R2
    link = compare_texts(left, right).pair_of("left", 1)
    assert (link.right, link.relation) == ((1,), "overlap")
    assert link.reasons() == ["number: 9,000 vs 14,300", "number: 120 vs 150"]


def test_a_link_in_order_with_the_text_around_it_is_not_moved():
    # our own case: "About 2,000 soldiers" / "some 2,000 troops" stands between in-order
    # pairs; a later pair of the aligner's crosses it, and the heaviest chain keeps the link
    from pathlib import Path

    from kzdiff import compare_files

    case = Path(__file__).parents[1] / "data" / "gold-independent" / "yunnan-quake-toll"
    cmp = compare_files(case / "left.txt", case / "right.txt")
    link = cmp.pair_of("left", 5)
    assert (link.right, link.relation, link.moved) == ((8,), "overlap", False)
