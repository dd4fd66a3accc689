"""The headlines of two reports of one event are linked (texts written by us)."""

from __future__ import annotations

from kzdiff import compare_texts
from kzdiff.core.facts import referent, same_referent
from kzdiff.core.quantities import quantities

from ..strategies import mirrored

LEFT = """Flood in Assam: 4,000 homes swept away, dozens missing

Floodwater from the Brahmaputra swept through villages in Assam overnight on Tuesday, officials said.

Rescue boats reached the worst-hit district of Dhemaji by morning.

Schools were shut across the state until further notice.
"""
RIGHT = """Brahmaputra bursts its banks in Assam, destroys an estimated 6,500 houses

The river rose faster than at any time since 2012, a water commission official said.

Army helicopters dropped food parcels on roofs in Dhemaji district.

Power was cut to more than a million people across the state.
"""


def by_ids(cmp):
    return {(p.left, p.right): p for p in cmp.pairs}


def test_two_headlines_are_linked_and_their_figures_compared():
    g = by_ids(compare_texts(LEFT, RIGHT))
    head = g[((0,), (0,))]
    assert head.relation == "overlap"
    assert head.kind.value == "conflict"
    assert head.reasons() == ["number: 4,000 vs 6,500"]


def test_swapped_texts_link_the_headlines_the_other_way():
    ab, ba = compare_texts(LEFT, RIGHT), compare_texts(RIGHT, LEFT)
    assert mirrored(ab, ba)
    assert by_ids(ba)[((0,), (0,))].reasons() == ["number: 6,500 vs 4,000"]


def test_headlines_with_nothing_in_common_stay_apart():
    right = RIGHT.replace(
        "Brahmaputra bursts its banks in Assam, destroys an estimated 6,500 houses",
        "Monsoon misery",
    )
    g = by_ids(compare_texts(LEFT, right))
    assert g[((0,), ())].kind.value == "missing"
    assert g[((), (0,))].kind.value == "missing"


def test_a_text_without_a_headline_links_no_first_line():
    # the right text opens with prose: its first sentence is no headline
    right = RIGHT.replace("houses\n\nThe river", "houses. The river")
    g = by_ids(compare_texts(LEFT, right))
    assert ((0,), (0,)) not in g


def test_homes_and_houses_count_one_thing():
    def about(text: str) -> str | None:
        return referent(text, quantities(text)[0])

    assert about("Flood: 4,000 homes swept away") == "houses"
    assert about("It destroyed 6,500 houses.") == "houses"
    assert same_referent("homes", "houses") and same_referent("troops", "soldiers")
    assert not same_referent("houses", "soldiers")


def test_two_one_line_texts_are_no_headlines():
    # a line each: two sentences to compare, which the aligner judges alone
    a = "Flood in Assam: 4,000 homes swept away, dozens missing"
    b = "Brahmaputra bursts its banks in Assam, destroys an estimated 6,500 houses"
    kinds = [p.kind.value for p in compare_texts(a, b).pairs]
    assert kinds == ["missing", "missing"]


def test_the_headlines_are_linked_before_a_shared_fact_can_give_one_to_the_body():
    # our own case: the left headline shares "teeth", "ape" and "early humans" with the
    # right's lead sentence, and the shared-fact pass linked the two; the headlines share
    # "teeth" only, but a reader sets them side by side first
    from pathlib import Path

    from kzdiff import compare_files

    case = Path(__file__).parents[1] / "data" / "gold-independent" / "fossil-teeth-kenya"
    cmp = compare_files(case / "left.txt", case / "right.txt")
    head = cmp.pair_of("left", 0)
    assert (head.left, head.right, head.relation) == ((0,), (0,), "overlap")
    lead = cmp.pair_of("right", 1)
    assert lead.kind.value == "missing"
