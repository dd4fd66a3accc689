"""Links for shared facts: two outlets' own reports of one event (texts written by us)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzdiff import compare_texts
from kzdiff.core.model import ConflictSpan
from kzdiff.core.overlap import shared_fact_conflicts

from ..strategies import check_all, mirrored

# Two independent reports of one (invented) verdict: no sentence says the same as another,
# but some share a fact (the sentence handed down, the sum to repay).
VERDICT_A = [
    "Prosecutors had accused the politician of steering harbour dredging contracts to a "
    "shipping firm owned by his brother-in-law between 2015 and 2019.",
    "A court in Tallinn on Friday sentenced former transport minister Aivar Kask to 12 years "
    "in prison and banned him from public office for life.",
    "Judges also ordered him to repay 30 million euros to the port authority, which lost the "
    "money through inflated invoices.",
    "Kask, who denied the charges, left the country in March and was tried in absentia.",
    "The scandal brought down the coalition government last year.",
]
VERDICT_B = [
    "Estonia's once powerful transport chief faces a long stay in jail if he ever comes home.",
    "Opposition parties welcomed the ruling, saying it showed that nobody stands above the law.",
    "On Friday, Aivar Kask got 12 years in prison, the prosecutor's office said in a statement "
    "that gave no further details about his whereabouts.",
    "Four crew members of the firm's dredger were questioned as witnesses during the trial, "
    "which lasted eight months.",
    "Under the verdict Kask must pay 35 million euros to the port authority, a sum his lawyers "
    "called absurd.",
]


def by_ids(cmp):
    return {(p.left, p.right): p for p in cmp.pairs}


def test_sentences_sharing_a_fact_are_linked_as_overlap():
    g = by_ids(compare_texts(" ".join(VERDICT_A), " ".join(VERDICT_B)))
    sentence = g[((1,), (2,))]  # 12 years in prison, on Friday, Aivar Kask
    assert sentence.relation == "overlap"
    assert sentence.kind.value == "paraphrase"
    # what only one report says stays missing: an overlap never hides an omission
    for only in (((0,), ()), ((3,), ()), ((4,), ()), ((), (0,)), ((), (1,)), ((), (3,))):
        assert g[only].kind.value == "missing"


def test_a_disagreement_in_the_shared_fact_is_a_conflict():
    g = by_ids(compare_texts(" ".join(VERDICT_A), " ".join(VERDICT_B)))
    repay = g[((2,), (4,))]
    assert repay.relation == "overlap" and repay.kind.value == "conflict"
    assert repay.reasons() == ["number: 30 million euros vs 35 million euros"]


def test_swapping_the_reports_mirrors_the_overlaps():
    ab = compare_texts(" ".join(VERDICT_A), " ".join(VERDICT_B))
    ba = compare_texts(" ".join(VERDICT_B), " ".join(VERDICT_A))
    assert mirrored(ab, ba)
    assert by_ids(ba)[((4,), (2,))].reasons() == ["number: 35 million euros vs 30 million euros"]


def test_numbers_of_different_things_are_no_conflict_in_an_overlap():
    left = (
        "Four crew members of the tanker Ocean Star were detained in the port of Fujairah on "
        "Monday, a coastguard spokesman said."
    )
    right = (
        "Five Indian nationals were among those detained aboard the Ocean Star at Fujairah "
        "port, relatives told reporters."
    )
    four_five = ConflictSpan("number", "Four", "Five")
    assert shared_fact_conflicts(left, right, [four_five]) == ()
    # the same numbers counting the same thing do disagree
    same_thing = right.replace("Five Indian nationals", "Five crew members")
    assert shared_fact_conflicts(left, same_thing, [four_five]) == (four_five,)


def test_an_overlap_keeps_only_number_and_date_conflicts():
    left = "Kask was sentenced to 12 years on Friday by judge Tamm, the court said."
    right = "Kask got 12 years on Monday, reported Saar, who did not explain the verdict."
    spans = [
        ConflictSpan("name", "Tamm", "Saar"),
        ConflictSpan("negation", "", "not"),
        ConflictSpan("date", "Friday", "Monday"),  # nothing after them says what they date
    ]
    assert shared_fact_conflicts(left, right, spans) == ()
    # the same role held by another person is a disagreement in the shared fact
    judge = ConflictSpan("name", "Tamm", "Saar")
    assert shared_fact_conflicts(
        left, right.replace(", reported Saar", " from judge Saar"), [judge]
    ) == (judge,)
    kept = ConflictSpan("date", "2019", "2018")
    assert shared_fact_conflicts(
        "Contracts signed in 2019 contracts were void.", "It began in 2018 contracts.", [kept]
    ) == (kept,)


def test_one_sentence_may_link_to_two_that_share_its_facts():
    left = [
        "The storm cut power to 40,000 homes in Bergen and closed the Fana tunnel for two days.",
        "Ferries to the islands were cancelled.",
        "Schools reopened on Thursday.",
        "Insurers expect claims to reach record levels this winter.",
    ]
    right = [
        "About 40,000 homes in Bergen lost power when the storm hit on Sunday evening.",
        "Residents were told to stay indoors and to check on elderly neighbours.",
        "Engineers kept the Fana tunnel closed for two days while debris was removed.",
        "Forecasters warned of another gale at the weekend.",
    ]
    for a, b, flip in ((left, right, False), (right, left, True)):
        g = by_ids(compare_texts(" ".join(a), " ".join(b)))
        key = ((0, 2), (0,)) if flip else ((0,), (0, 2))
        assert key in g, list(g)
        assert g[key].relation == "overlap"
        assert g[key].kind.value == "paraphrase"


def test_unrelated_sentences_sharing_a_name_or_a_number_do_not_link():
    left = [
        "Aivar Kask opened a bakery in Tartu in 2012.",
        "Prices of rye bread have doubled since then.",
        "The shop employs 12 people.",
        "It closes on Sundays.",
    ]
    right = [
        "Aivar Kask won the national chess championship last weekend.",
        "The tournament drew 12 grandmasters to Parnu.",
        "Spectators filled the hall every evening.",
        "Next year's event moves to Narva.",
    ]
    cmp = compare_texts(" ".join(left), " ".join(right))
    assert all(p.kind.value == "missing" for p in cmp.pairs), [
        (p.left, p.right) for p in cmp.pairs if p.left and p.right
    ]


def test_two_single_sentences_are_not_linked_as_overlap(monkeypatch):
    # one sentence a side gives no rarity to weigh shared words by: the ordinary bar decides
    # (lexically; the sentence model links these two by meaning, see test_semantic.py)
    monkeypatch.setenv("KZDIFF_SEMANTIC", "0")
    cmp = compare_texts(VERDICT_A[1], VERDICT_B[2])
    assert all(p.kind.value == "missing" for p in cmp.pairs)


def test_relation_defaults_to_same_and_is_in_the_json():
    text = " ".join(VERDICT_A)
    edited = text.replace("last year", "in 2023")
    cmp = compare_texts(text, edited)
    assert {p.relation for p in cmp.pairs} == {"same"}
    assert {p["relation"] for p in cmp.to_dict()["pairs"]} == {"same"}
    rel = {
        (tuple(p["left"]), tuple(p["right"])): p["relation"]
        for p in compare_texts(" ".join(VERDICT_A), " ".join(VERDICT_B)).to_dict()["pairs"]
    }
    assert rel[((1,), (2,))] == "overlap" and rel[((0,), ())] == "same"


def test_a_pair_found_by_its_neighbours_is_an_overlap_too():
    # a shared closing sentence gives the aligner a backbone; the fact-sharing pairs before
    # it are then found in order, and are still overlaps, with conflicts in the fact only
    left = [*VERDICT_A, "Kask's party has since been renamed twice."]
    right = [*VERDICT_B, "Kask's party has since been renamed two times."]
    g = by_ids(compare_texts(" ".join(left), " ".join(right)))
    assert g[((1,), (2,))].relation == "overlap"
    assert g[((2,), (4,))].relation == "overlap"
    assert g[((2,), (4,))].reasons() == ["number: 30 million euros vs 35 million euros"]
    assert g[((5,), (5,))].relation == "same"


QUAKE_A = [
    "Rescuers searched collapsed homes in the valley through the night.",
    "The magnitude-6.1 quake struck at 4:30 p.m. on Sunday at a depth of 10 kilometers, "
    "the geological survey said.",
    "Harbour Board chief executive Anna Berg said the port would reopen within a week.",
    "Power was restored to most of the town by Tuesday.",
]
QUAKE_B = [
    "Rescuers searched collapsed homes in the valley through the night.",
    "The quake struck at 4:30 p.m. on Sunday.",
    "Anna Berg, chief executive of the Harbour Board, spoke at the board's offices.",
    "The geological survey put its magnitude at 6.1 and its depth at 10 kilometers.",
    "The port will reopen within a week, the board said.",
    "Power was restored to most of the town by Tuesday.",
]


def test_an_aligned_pair_takes_a_sentence_that_adds_another_shared_quantity():
    for a, b, flip in ((QUAKE_A, QUAKE_B, False), (QUAKE_B, QUAKE_A, True)):
        g = by_ids(compare_texts(" ".join(a), " ".join(b)))
        key = ((1, 3), (1,)) if flip else ((1,), (1, 3))  # not adjacent: a sentence between
        assert key in g, list(g)
        assert g[key].relation == "overlap" and g[key].kind.value == "paraphrase"


def test_a_shared_name_and_title_is_no_second_fact():
    # B's sentence 2 shares with A's sentence 2 only who Anna Berg is, and that one is
    # paired with what it reports (B's sentence 4): a description is not a second fact
    for a, b, flip in ((QUAKE_A, QUAKE_B, False), (QUAKE_B, QUAKE_A, True)):
        g = by_ids(compare_texts(" ".join(a), " ".join(b)))
        assert (((4,), (2,)) if flip else ((2,), (4,))) in g, list(g)
        assert (((), (2,)) if not flip else ((2,), ())) in g


# reports drawn from sentences that share facts across the two sets, in any order
A_REPORT = st.lists(st.sampled_from(VERDICT_A + QUAKE_A), min_size=3, max_size=9, unique=True).map(
    " ".join
)
B_REPORT = st.lists(st.sampled_from(VERDICT_B + QUAKE_B), min_size=3, max_size=11, unique=True).map(
    " ".join
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(A_REPORT, B_REPORT)
def test_overlaps_keep_every_invariant_and_mirror(a: str, b: str) -> None:
    ab, ba = compare_texts(a, b), compare_texts(b, a)
    check_all(ab)
    assert mirrored(ab, ba)
    for p in ab.pairs:
        assert p.relation in ("same", "overlap")
        assert p.relation == "same" or (p.left and p.right)


def test_page_furniture_takes_no_part_in_shared_fact_links():
    import dataclasses

    from kzdiff.core.compare import compare_documents, text_document

    left = text_document(" ".join(VERDICT_A))
    right = text_document(" ".join(VERDICT_B))
    assert ((1,), (2,)) in by_ids(compare_documents(left, right))
    marked = dataclasses.replace(
        right,
        sentences=tuple(
            dataclasses.replace(s, block="furniture") if s.id == 2 else s for s in right.sentences
        ),
    )
    g = by_ids(compare_documents(left, marked))
    assert ((), (2,)) in g  # the same sentence, now a caption: not linked


# Two takes of one (invented) bus crash story. The second take's copy of the last
# sentence of the first is missing; its remaining sentences share only vague words with
# that sentence ("several", "earlier") and the story's common words (people, bus,
# passengers), which each take uses again and again.
TAKE_ONE = [
    "A bus carrying 40 people fell into a gorge in the hills of Kerala on Sunday night, "
    "killing at least 19 passengers.",
    "Several weeks earlier, nine people were killed and dozens more hurt in Idukki district "
    "when a drunk man fought the driver for the wheel of a bus near Munnar following a "
    "quarrel over a fare.",
    "The bus driver lost control on a hairpin bend, the district collector told reporters.",
    "Rescuers pulled people from the wreck of the bus through the night with ropes.",
    "Passengers who survived were taken to hospital in Kottayam.",
]
TAKE_TWO = [
    "A bus carrying 40 people fell into a gorge in the hills of Kerala on Sunday night, "
    "killing at least 23 passengers.",
    "The bus driver lost control on a hairpin bend, the district collector told reporters.",
    "Rescuers pulled people from the wreck of the bus through the night with ropes.",
    "Passengers who survived were taken to hospital in Kottayam.",
    "The collector earlier said the bus was carrying more people than its permit allowed "
    "and that several passengers had climbed aboard at village stops along the highway.",
]


def test_vague_words_in_common_are_no_shared_fact():
    g = by_ids(compare_texts(" ".join(TAKE_ONE), " ".join(TAKE_TWO)))
    # the older crash has no counterpart: it must stay missing, not be linked to the
    # sentence about passengers because both say "several" and "earlier"
    assert g[((1,), ())].kind.value == "missing"
    assert g[((), (4,))].kind.value == "missing"
    assert g[((0,), (0,))].kind.value == "conflict"


# Two independent reports of one (invented) find. "Bones" is said everywhere, so no word
# of the two sentences about the older bones is rare; what marks them as one fact is the
# phrase both numbers count, "other bones", which neither report uses anywhere else.
FIND_A = [
    "Researchers have unearthed bones in the Gobi desert that belong to a new kind of "
    "horned dinosaur, they reported in a journal on Wednesday.",
    "The team found 14 bones in a dry riverbed during a survey of the Nemegt basin.",
    "The bones came from two animals that died together.",
    "Until now, five species of the group had been named from bones found in Asia.",
    "The scientists also dug up three other bones that belonged to a duck-billed species "
    "first described from a skull found in the same valley in 2011.",
    "The bones will be kept in a museum in Ulaanbaatar.",
]
FIND_B = [
    "A handful of bones from the Gobi has given palaeontologists a new horned dinosaur.",
    "The first of the bones was spotted by a driver who had stopped to fix a tyre.",
    "Over the next month, the crew collected a total of 14 bones from the riverbed.",
    "Years of comparing the bones with those of known species followed.",
    "Earlier digs had turned up four other bones at the site, from a duck-billed "
    "animal, while the rest came from the horned one.",
    "The horned dinosaur's bones differ in size and shape from those of its relatives.",
]


def test_numbers_counting_one_rare_phrase_link_and_disagree():
    g = by_ids(compare_texts(" ".join(FIND_A), " ".join(FIND_B)))
    other = g[((4,), (4,))]  # three vs four "other bones"
    assert other.relation == "overlap"
    assert other.kind.value == "conflict"
    assert other.reasons() == ["number: three vs four"]
    # the sentences about the bones' animals and the museum stay missing
    assert g[((2,), ())].kind.value == "missing"
    assert g[((5,), ())].kind.value == "missing"


def test_a_counted_phrase_said_elsewhere_too_is_no_shared_fact():
    # the same two reports, but the right one also speaks of "other bones" elsewhere: the
    # phrase no longer marks one fact, and the two sentences share nothing rare
    b = list(FIND_B)
    b[3] = "Years of comparing them with other bones of known species followed."
    g = by_ids(compare_texts(" ".join(FIND_A), " ".join(b)))
    assert g[((4,), ())].kind.value == "missing"
    assert g[((), (4,))].kind.value == "missing"
