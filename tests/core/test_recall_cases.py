"""Conflicts found in pairs of independent reports (issue #12's conflict bars).

Each test pins one general cause of a missed or a false conflict, with sentences of our
own, in both directions and with the exact reasons a reader sees.
"""

from __future__ import annotations

import pytest

from kzdiff.core.compare import classify, compare_texts


def reasons(left: str, right: str, relation: str = "same", similarity: float = 0.5) -> list[str]:
    """The reasons of a pair classified with this relation (``overlap``: one shared fact)."""
    return classify(left, right, similarity, False, (0,), (0,), relation).reasons()


def both_ways(left: str, right: str, relation: str = "same", similarity: float = 0.5):
    return reasons(left, right, relation, similarity), reasons(right, left, relation, similarity)


# -- a shared fact keeps the conflicts the facts table's evidence finds ----------------------
DEATHS_L = "A landslide buried a mountain village in northern Peru on Tuesday, causing four deaths."
DEATHS_R = (
    "A landslide hit a remote village in northern Peru overnight, killing at least 19 people "
    "and burying dozens of houses, the civil defence office said."
)


@pytest.mark.parametrize("relation", ["same", "overlap"])
def test_two_counts_of_the_dead_disagree_in_an_overlap_too(relation):
    # 'causing four deaths' and 'killing at least 19 people' both count the dead, though
    # the words after the two numbers share nothing
    ab, ba = both_ways(DEATHS_L, DEATHS_R, relation)
    assert ab == ["number: four vs 19"]
    assert ba == ["number: 19 vs four"]


def test_two_depths_disagree_in_an_overlap():
    # 'a depth of 12 kilometres' and 'a depth of 20 kilometres' measure one thing
    ab, ba = both_ways(
        "The tremor struck near Arlo at a depth of 12 kilometres, officials said.",
        "The tremor, felt across the valley, hit at a depth of 20 kilometres.",
        "overlap",
    )
    assert ab == ["number: 12 kilometres vs 20 kilometres"]
    assert ba == ["number: 20 kilometres vs 12 kilometres"]


def test_a_sum_whose_currency_is_read_into_it_still_counts_that_currency():
    # '40 million euros' is one quantity: its currency word says what it counts
    ab, ba = both_ways(
        "The board agreed to pay 40 million euros to the city over ten years.",
        "Under the deal, 45 million euros goes to the city, the mayor's office said.",
        "overlap",
    )
    assert ab == ["number: 40 million euros vs 45 million euros"]
    assert ba == ["number: 45 million euros vs 40 million euros"]


def test_different_things_counted_in_an_overlap_are_no_conflict():
    assert both_ways(
        "Four crew members were rescued from the burning ship near the port of Salalah.",
        "Five Indian nationals were among those taken off the burning ship near Salalah.",
        "overlap",
    ) == ([], [])


# -- scores in the other order ------------------------------------------------------------
@pytest.mark.parametrize("relation", ["same", "overlap"])
def test_a_score_told_the_other_way_round_is_a_conflict(relation):
    left = "Riverton won 61-55 against the Harbour Hawks in the final in Riverton on Sunday."
    right = "Riverton took the title 55-61 on Sunday, beating the Harbour Hawks at home."
    ab, ba = both_ways(left, right, relation)
    assert ab == ["number: 61-55 vs 55-61"]
    assert ba == ["number: 55-61 vs 61-55"]
    assert both_ways(left, right.replace("55-61", "61-55"), relation) == ([], [])


# -- 'not uncommon' / 'not common' -----------------------------------------------------------
@pytest.mark.parametrize("relation", ["same", "overlap"])
def test_a_prefix_negation_in_one_small_place_counts_in_a_loose_pair(relation):
    left = '"Frosts like this are not unusual in May, but we have not seen one so hard," he said.'
    right = "He said such frosts were not usual in May, even on the coast."
    ab, ba = both_ways(left, right, relation, similarity=0.35)
    assert ab == ["negation: unusual vs usual"]
    assert ba == ["negation: usual vs unusual"]


def test_a_prefixed_word_in_a_rewritten_place_is_no_negation():
    assert both_ways(
        "Officials called the decision unusual but lawful.",
        "Officials said the decision, though usual for such courts, drew complaints from lawyers.",
        similarity=0.35,
    ) == ([], [])


# -- a change against a level ---------------------------------------------------------------
def test_a_change_is_not_compared_with_a_level():
    # both count the dead, but one gives by how much the toll fell, the other where it is
    assert both_ways(
        "Ministry cuts flood death toll by more than 40",
        "Floods: ministry lowers death toll to 85",
    ) == ([], [])


def test_two_changes_or_two_levels_still_disagree():
    ab, ba = both_ways(
        "Ministry cuts flood damage estimate by more than 200",
        "Ministry cuts flood damage estimate by more than 250",
    )
    assert (ab, ba) == (["number: 200 vs 250"], ["number: 250 vs 200"])
    ab, ba = both_ways(
        "The ministry lowered its estimate to 450 damaged homes.",
        "The ministry lowered its estimate to 480 damaged homes.",
    )
    assert (ab, ba) == (["number: 450 vs 480"], ["number: 480 vs 450"])


# -- a date opening the sentence dates its main clause --------------------------------------
def test_a_fronted_day_dates_the_main_clause():
    ab, ba = both_ways(
        "The council will put a revised budget to the assembly on Tuesday, she added.",
        "On Wednesday, the city council will put to the assembly a revised budget.",
        similarity=0.75,
    )
    assert ab == ["date: Tuesday vs Wednesday"]
    assert ba == ["date: Wednesday vs Tuesday"]


def test_a_fronted_day_of_another_event_is_no_conflict():
    assert both_ways(
        "On Monday, storms flooded the lower town and closed two schools.",
        "The council will put a revised budget to the assembly on Tuesday.",
        similarity=0.75,
    ) == ([], [])


def test_a_day_said_by_the_source_is_still_no_conflict():
    assert both_ways(
        "The suspect was held before midnight on Monday, police said.",
        "Police told reporters on Tuesday that the suspect was being held.",
        similarity=0.6,
    ) == ([], [])


# -- end to end: an overlap pair of two reports -----------------------------------------------
def test_reports_sharing_the_toll_disagree_on_it():
    left = [
        "A landslide buried a mountain village in northern Peru on Tuesday, causing four "
        "deaths among the farming families of Huallanca.",
        "Rescue teams from Huaraz reached the village by helicopter after the road collapsed.",
        "The regional governor asked the national government for tents and blankets.",
    ]
    right = [
        "Heavy rain had soaked the slopes above the valley for a week.",
        "The landslide hit Huallanca overnight, killing at least 19 people among the farming "
        "families and burying dozens of houses, the civil defence office said.",
        "Schools across the province stayed closed.",
    ]
    for a, b, want in ((left, right, "number: four vs 19"), (right, left, "number: 19 vs four")):
        pairs = [p for p in compare_texts(" ".join(a), " ".join(b)).pairs if p.left and p.right]
        assert len(pairs) == 1
        assert pairs[0].kind.value == "conflict"
        assert pairs[0].reasons() == [want]


# -- a heavy shared fact links two loosely similar sentences ------------------------------
FIND_L = [
    "Scientists digging near Lake Baringo in western Kenya have recovered eleven teeth of a "
    "hitherto unknown monkey that lived some 3.4 million years ago, a paper in a leading "
    "journal reported on Monday.",
    "The team was funded by a national museum and two universities.",
    "Earlier digs in the region had turned up mostly pig and antelope bones.",
]
FIND_R = [
    "A handful of teeth shows that an unknown monkey once lived where goats now graze.",
    "In three dry seasons the crew led by palaeontologist Joyce Wambui collected twelve teeth, "
    "nearly all of them premolars, from ash layers dated to about 3.4 million years ago.",
    "Wambui said more work was needed before the animal could be named.",
]


def test_a_heavy_shared_fact_links_loosely_similar_sentences_and_shows_its_conflict():
    # the two share a find (3.4 million years ago, teeth) in otherwise different words:
    # similarity under the usual bar, but several words only these two sentences use
    for a, b, want, key in (
        (FIND_L, FIND_R, "number: eleven vs twelve", ((0,), (1,))),
        (FIND_R, FIND_L, "number: twelve vs eleven", ((1,), (0,))),
    ):
        cmp = compare_texts(" ".join(a), " ".join(b))
        linked = {(p.left, p.right): p for p in cmp.pairs if p.left and p.right}
        assert set(linked) == {key}
        assert linked[key].relation == "overlap"
        assert linked[key].reasons() == [want]


def test_sentences_sharing_only_common_words_of_the_story_stay_apart():
    # 'million years ago' and a place are the story's words, not one fact of two sentences
    left = [
        FIND_L[0],
        "The monkey's closest relatives are found today in the forests of Uganda.",
        "Fossils of such age are rare because the soils of the region are acidic.",
    ]
    right = [
        "It is almost a miracle that any animal died where its bones could turn to stone and "
        "wait millions of years for someone to find them, said Joyce Wambui.",
        "The period between three and four million years ago saw grasslands spread across "
        "East Africa as forests shrank.",
        "Goats now graze on the slopes where the ash layers lie.",
    ]
    for a, b in ((left, right), (right, left)):
        cmp = compare_texts(" ".join(a), " ".join(b))
        assert [p for p in cmp.pairs if p.left and p.right] == []


# -- a qualifier in a replaced place ---------------------------------------------------------
def test_a_qualifier_ending_a_replaced_place_before_a_kept_noun():
    ab, ba = both_ways(
        "The gang, carrying semi-automatic rifles, held three cashiers before emptying the safe.",
        "The men, armed with rifles, held three cashiers before emptying the safe.",
        similarity=0.55,
    )
    assert ab == ["qualifier removed: semi-automatic (rifles)"]
    assert ba == ["qualifier added: semi-automatic (rifles)"]


@pytest.mark.parametrize(
    "left, right",
    [
        # a verb before the noun, not a qualifier
        (
            "The gang, carrying rifles, held three cashiers.",
            "The men, armed with rifles, held three cashiers.",
        ),
        ("Police arrested the armed men on Friday.", "Police arrested some of the men on Friday."),
        # the other side qualifies the noun too
        (
            "The gang, carrying semi-automatic rifles, fled.",
            "The men, with automatic rifles, fled.",
        ),
    ],
)
def test_no_qualifier_where_a_verb_or_another_qualifier_stands(left, right):
    assert both_ways(left, right, similarity=0.55) == ([], [])


# -- another name in the same compound before the same noun ---------------------------------
@pytest.mark.parametrize("relation", ["same", "overlap"])
def test_another_name_in_the_same_compound_is_a_name_conflict(relation):
    ab, ba = both_ways(
        "A Maltese-flagged cargo ship ran aground off the island at dawn, the coastguard said.",
        "The Cyprus-flagged ship, carrying grain, ran aground after its engine failed.",
        relation,
        similarity=0.4,
    )
    assert ab == ["name: Maltese-flagged vs Cyprus-flagged"]
    assert ba == ["name: Cyprus-flagged vs Maltese-flagged"]


@pytest.mark.parametrize(
    "left, right",
    [
        # one country, written as its people and as itself
        ("A Malta-flagged cargo ship ran aground.", "The Maltese-flagged ship ran aground."),
        # the same compound before different nouns: two things, two places
        (
            "The Paris-based firm was fined, the court said.",
            "A Lyon-based bank appealed, the court said.",
        ),
    ],
)
def test_no_compound_conflict_for_one_name_or_another_noun(left, right):
    assert both_ways(left, right, "overlap", similarity=0.4) == ([], [])


# -- numbers that count the same thing join a sentence to its pair ---------------------------
RAID_L = [
    "Fires destroyed two fuel depots in the river port of Tarnow on Friday, police said.",
    "Nine masked arsonists set the fires at the depots and a warehouse, according to police.",
    "About 40 people were hurt.",
    "The city council has asked for more patrols.",
]
RAID_R = [
    "Police in Tarnow are hunting those who burned two fuel depots on Friday.",
    "Officers say eight masked arsonists were behind the coordinated blazes, which also hurt "
    "around 40 people.",
    "Shops in the old town stayed shut on Saturday.",
]


def test_a_sentence_whose_numbers_count_the_same_thing_joins_the_pair():
    # 'nine masked arsonists' / 'eight masked arsonists' is one fact told two ways, though the
    # two sentences share little else: the right's sentence takes both left ones (2:1)
    for a, b, want in (
        (RAID_L, RAID_R, "number: Nine vs eight"),
        (RAID_R, RAID_L, "number: eight vs Nine"),
    ):
        cmp = compare_texts(" ".join(a), " ".join(b))
        flip = a is RAID_R
        joined = [p for p in cmp.pairs if (p.right if flip else p.left) == (1, 2)]
        assert len(joined) == 1
        assert joined[0].kind.value == "conflict"
        assert joined[0].reasons() == [want]
