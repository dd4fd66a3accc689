"""Pins of core/overlap.py found by mutation testing: which conflicts of a shared-fact
link are kept, what two sentences share and weigh, and which unpaired sentences the pass
links, grows or leaves alone. Texts written for these tests."""

from __future__ import annotations

import pytest

from kzdiff.core.model import ConflictSpan
from kzdiff.core.overlap import (
    counted,
    fact_weight,
    find_overlaps,
    number_values,
    relation_of,
    shared_fact_conflicts,
    shared_facts,
)
from kzdiff.core.similarity import Score, Weights, features


@pytest.mark.parametrize(
    "left,right,conflict,kept",
    [
        # a number: kept when the words after both figures count the same thing ...
        (
            "He must repay 30 million euros to the port.",
            "Kask must pay 35 million euros, a sum.",
            ("number", "30 million euros", "35 million euros"),
            True,
        ),
        (
            "Four crew members were questioned.",
            "Five Indian nationals were held.",
            ("number", "Four", "Five"),
            False,
        ),
        (
            "The quake struck at a depth of 10 kilometres.",
            "It had a depth of 15 kilometres.",
            ("number", "10 kilometres", "15 kilometres"),
            True,
        ),
        # ... or the facts table reads one referent for both ...
        (
            "The blast caused three deaths in the city.",
            "Police said the attack killed at least 22 people.",
            ("number", "three", "22"),
            True,
        ),
        # ... or they are one score in the other order
        (
            "The vote ended 52-48 in the chamber.",
            "Critics noted the 48-52 result.",
            ("number", "52-48", "48-52"),
            True,
        ),
        (
            "The vote ended 52-48 in the chamber.",
            "Critics noted the 47-53 result.",
            ("number", "52-48", "47-53"),
            False,
        ),
        # two times of day are never one score told the other way round
        (
            "The first train leaves at 5:10 from the main station.",
            "Buses run until 10:05 at night.",
            ("number", "5:10", "10:05"),
            False,
        ),
        # a number said on one side only is more content, not a disagreement
        ("He paid 30 euros.", "He paid.", ("number", "30 euros", ""), False),
        # a date with nothing around it in common
        (
            "The quake struck on Monday in the north.",
            "The quake struck on Tuesday, officials said.",
            ("date", "Monday", "Tuesday"),
            False,
        ),
        # a name: kept when a word before both says what it is, or in the same compound
        (
            "Presiding judge Tamm read the verdict.",
            "The ruling by judge Saar was final.",
            ("name", "Tamm", "Saar"),
            True,
        ),
        (
            "Minister Tamm read the verdict.",
            "The ruling by judge Saar was final.",
            ("name", "Tamm", "Saar"),
            False,
        ),
        (
            "The Liberian-flagged oil tanker sank.",
            "A Panama-flagged tanker sank later.",
            ("name", "Liberian-flagged", "Panama-flagged"),
            True,
        ),
        # a negation only as one word against its prefixed form
        (
            "Such storms are uncommon here.",
            "Such storms are common in the south.",
            ("negation", "uncommon", "common"),
            True,
        ),
        (
            "Such storms are very uncommon here.",
            "Such storms are common.",
            ("negation", "very uncommon", "common"),
            False,
        ),
        (
            "Such storms are not frequent here.",
            "Such storms are frequent in the south.",
            ("negation", "not", ""),
            False,
        ),
        # antonyms and qualifiers need a word-for-word correspondence
        (
            "Such storms are rare here.",
            "Such storms are frequent in the south.",
            ("antonym", "rare", "frequent"),
            False,
        ),
    ],
)
def test_shared_fact_conflicts_both_ways(left, right, conflict, kept):
    kind, a, b = conflict
    forward = ConflictSpan(kind, a, b)
    assert shared_fact_conflicts(left, right, [forward]) == ((forward,) if kept else ())
    backward = ConflictSpan(kind, b, a)
    assert shared_fact_conflicts(right, left, [backward]) == ((backward,) if kept else ())


def test_only_the_kept_conflicts_are_returned_in_order():
    left = "Judge Tamm ordered him to repay 30 million euros on Monday."
    right = "Judge Saar said he must pay 35 million euros on Tuesday."
    cs = [
        ConflictSpan("number", "30 million euros", "35 million euros"),
        ConflictSpan("date", "Monday", "Tuesday"),
        ConflictSpan("antonym", "ordered", "said"),
        ConflictSpan("name", "Tamm", "Saar"),
    ]
    # a conflict of a kind an overlap does not keep is passed over, not the end of the list
    assert shared_fact_conflicts(left, right, cs) == (cs[0], cs[3])


A = features("Eight suicide bombers and 30 million pounds were found near 3 bridges.")
B = features("Police found 8 suicide bombers and 35 million pounds.")


def test_number_values_read_words_and_digits_alike():
    assert number_values(A) == {"8", "30000000", "3"}
    assert number_values(B) == {"8", "35000000"}


def test_shared_facts_are_content_words_and_values_said_in_other_words():
    assert shared_facts(A, B) == {"#8", "bomber", "found", "million", "pound", "suicid"}
    # with values given by the caller, those are used
    assert shared_facts(A, B, (frozenset({"7"}), frozenset({"7"}))) == {
        "#7",
        "bomber",
        "found",
        "million",
        "pound",
        "suicid",
    }


def test_counted_is_what_the_numbers_count():
    assert counted(A) == {"bomber", "bridg", "found", "pound", "suicid"}
    assert counted(B) == {"bomber", "pound", "suicid"}


def test_fact_weight_sums_word_weights_and_half_a_word_per_value():
    w = Weights([A], [B])
    assert fact_weight(shared_facts(A, B), w) == pytest.approx(5.5)
    assert fact_weight(frozenset({"#1", "#2"}), w) == pytest.approx(1.0)
    assert fact_weight(frozenset(), w) == 0


@pytest.mark.parametrize(
    "cover,relation",
    [((0.49, 0.49), "overlap"), ((0.5, 0.1), "same"), ((0.1, 0.5), "same"), ((1.0, 1.0), "same")],
)
def test_relation_of(cover, relation):
    assert relation_of(Score(0.4, *cover)) == relation


VERDICT_L = [
    "A court in Tallinn on Friday sentenced former minister Aivar Kask to 12 years in prison "
    "and banned him from office.",
    "The scandal brought down the coalition government last year.",
    "Judges ordered him to repay 30 million euros to the port authority, which lost the money.",
]
VERDICT_R = [
    "Opposition parties welcomed the ruling, saying nobody stands above the law.",
    "On Friday, Aivar Kask got 12 years in prison, the prosecutor's office said in a statement.",
    "Under the verdict Kask must pay 35 million euros to the port authority, a sum his lawyers "
    "called absurd.",
]


def overlaps(left, right, groups):
    fl, fr = [features(s) for s in left], [features(s) for s in right]
    return [(g, lt, rt) for g, lt, rt, _ in find_overlaps(fl, fr, Weights(fl, fr), groups)]


def test_unpaired_sentences_sharing_a_fact_are_linked_heaviest_first():
    assert overlaps(VERDICT_L, VERDICT_R, []) == [(None, (0,), (1,)), (None, (2,), (2,))]
    # sentences already aligned are not linked again
    assert overlaps(VERDICT_L, VERDICT_R, [((0,), (1,))]) == [(None, (2,), (2,))]
    assert overlaps(VERDICT_L, VERDICT_R, [((0,), (1,)), ((2,), (2,))]) == []


def test_two_sentence_texts_are_left_to_the_similarity_bar():
    assert overlaps(VERDICT_L[:2], VERDICT_R[:2], []) == []


STORM_L = [
    "The storm killed 30 people and left 5,000 homes without power in the province of Zarn.",
    "Schools stayed shut.",
    "Roads were cleared.",
]
STORM_R = [
    "The storm killed 30 people in the province of Zarn.",
    "Some 5,000 homes in Zarn were left without power.",
    "Markets opened late.",
]


def test_a_sentence_whose_facts_the_other_text_spreads_over_two_gets_both():
    assert overlaps(STORM_L, STORM_R, []) == [(None, (0,), (0, 1))]
    # an aligned 1:1 pair grows: the index of the group that grew is returned
    assert overlaps(STORM_L, STORM_R, [((0,), (0,))]) == [(0, (0,), (0, 1))]
    # a 1:2 group takes no more partners
    assert overlaps(STORM_L, STORM_R, [((0,), (0, 2))]) == []
    # nor does a sentence another group already holds
    assert overlaps(STORM_L, STORM_R, [((0,), (0,)), ((2,), (1,))]) == []
    # mirrored: the same links from the other side
    assert overlaps(STORM_R, STORM_L, []) == [(None, (0, 1), (0,))]


# Loosely similar sentences (similarity between 0.20 and 0.30): linked only when what they
# share weighs 3 and holds two words found once in each text (a name, a place).
HARBOUR_L = [
    "Harbour pilots in Varnok reported that the dredger Osprey scraped the breakwater while "
    "turning in heavy fog before dawn.",
    "The breakwater was rebuilt after storms.",
    "Fog delayed ferries across the bay.",
]
HARBOUR_R = [
    "Maritime inspectors opened an inquiry once the Osprey, an ageing vessel owned by a Danish "
    "consortium, limped into Varnok through fog with a dented hull after hitting the "
    "breakwater.",
    "The breakwater has needed repairs for years.",
    "Fog closed the airport too.",
]


def test_a_loose_pair_sharing_two_unique_words_and_enough_weight_is_linked():
    assert overlaps(HARBOUR_L, HARBOUR_R, []) == [(None, (0,), (0,))]


def test_a_loose_pair_sharing_one_unique_word_is_not_linked_whatever_it_weighs():
    # Osprey is the one word found once in each text; harbour, dredger, fog, quay and
    # breakwater, each in two sentences of each text, weigh 0.59: 3.95 in all
    left = [
        "Harbour pilots reported that the dredger Osprey scraped the breakwater while turning "
        "in fog near the quay before dawn.",
        "The breakwater and the quay were rebuilt after storms.",
        "Fog delayed the harbour ferries and the dredger crews.",
    ]
    right = [
        "Inspectors opened an inquiry once the Osprey, an ageing vessel owned by a Danish "
        "consortium, limped through fog past the breakwater to the quay of the harbour with "
        "its dredger arm bent, inspectors from the coastguard and maritime authority "
        "confirmed on Thursday.",
        "The breakwater and the quay have needed repairs for years.",
        "Fog closed the harbour and stopped dredger work.",
    ]
    assert overlaps(left, right, []) == []


def test_a_kept_compound_name_does_not_end_the_list():
    left = "The Liberian-flagged oil tanker carried 30 million euros of cargo."
    right = "A Panama-flagged tanker carried 35 million euros of cargo."
    cs = [
        ConflictSpan("name", "Liberian-flagged", "Panama-flagged"),
        ConflictSpan("number", "30 million euros", "35 million euros"),
    ]
    assert shared_fact_conflicts(left, right, cs) == tuple(cs)
