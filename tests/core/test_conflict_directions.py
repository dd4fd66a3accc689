"""Every kind of conflict, both ways round, with its reasons compared exactly.

Each case is one aligned pair of sentences and the complete list of reasons expected
with the left text on the left, then with the two texts swapped: a conflict's sides swap
and "added" becomes "removed". Comparing the whole list (not ``reason in reasons``)
means an extra, duplicated or spurious reason fails, and so does a reason that comes out
with its sides the wrong way round.
"""

from __future__ import annotations

import pytest

from kzdiff import compare_texts
from kzdiff.core.model import Comparison


def only_pair(cmp: Comparison):
    pairs = [p for p in cmp.pairs if p.left and p.right]
    assert len(pairs) == 1, "the two sentences should align"
    return pairs[0]


def both_ways(a: str, b: str) -> tuple[list[str], list[str]]:
    return only_pair(compare_texts(a, b)).reasons(), only_pair(compare_texts(b, a)).reasons()


# (left, right, reasons left->right, reasons right->left)
CONFLICTS = {
    "number": (
        "Police arrested 230 people in the capital on Sunday.",
        "Police arrested 225 people in the capital on Sunday.",
        ["number: 230 vs 225"],
        ["number: 225 vs 230"],
    ),
    "number in words": (
        "Police arrested seven people in the capital on Sunday.",
        "Police arrested eight people in the capital on Sunday.",
        ["number: seven vs eight"],
        ["number: eight vs seven"],
    ),
    # the numbers share no neighbouring word ("injured miners" / "hurt workers"): only
    # standing in the same replaced run of the word diff says they count the same thing
    "number in one replaced region": (
        "Rescuers said most of the 40 injured miners were in good condition.",
        "Rescuers said most of the 60 hurt workers were in good condition.",
        ["number: 40 vs 60"],
        ["number: 60 vs 40"],
    ),
    "weekday": (
        "The vote was held on Sunday in the capital of the country.",
        "The vote was held on Monday in the capital of the country.",
        ["date: Sunday vs Monday"],
        ["date: Monday vs Sunday"],
    ),
    "month": (
        "The vote was held in June in the capital of the country.",
        "The vote was held in July in the capital of the country.",
        ["date: June vs July"],
        ["date: July vs June"],
    ),
    "the month May": (
        "The vote was held in May in the capital of the country.",
        "The vote was held in June in the capital of the country.",
        ["date: May vs June"],
        ["date: June vs May"],
    ),
    # the modal "may" is no month: the months are June and July, nothing else
    "month beside the modal may": (
        "Officials said the vote may take place in June.",
        "Officials said the vote will take place in July.",
        ["date: June vs July"],
        ["date: July vs June"],
    ),
    "year": (
        "The law was passed in 2019 after a long debate in parliament.",
        "The law was passed in 2021 after a long debate in parliament.",
        ["date: 2019 vs 2021"],
        ["date: 2021 vs 2019"],
    ),
    "name": (
        "The statement was signed by Foreign Minister Lavrov in Geneva.",
        "The statement was signed by Foreign Minister Blinken in Geneva.",
        ["name: Lavrov vs Blinken"],
        ["name: Blinken vs Lavrov"],
    ),
    "middle initial": (
        "The report was written by John F. Smith of the agency.",
        "The report was written by John K. Smith of the agency.",
        ["name: F vs K"],
        ["name: K vs F"],
    ),
    "negation": (
        "The company said it would raise its offer to the workers.",
        "The company said it would not raise its offer to the workers.",
        ["negation: — vs not"],
        ["negation: not vs —"],
    ),
    "negating verb": (
        "The spokesman declined to comment on the report on Monday.",
        "The spokesman commented on the report on Monday.",
        ["negation: declined vs —"],
        ["negation: — vs declined"],
    ),
    "antonym": (
        "Shares rose sharply in early trading in New York on Tuesday.",
        "Shares fell sharply in early trading in New York on Tuesday.",
        ["antonym: rose vs fell"],
        ["antonym: fell vs rose"],
    ),
    "qualifier": (
        "Officers seized rifles, shotguns and ammunition in the raid.",
        "Officers seized rifles, sawn-off shotguns and ammunition in the raid.",
        ["qualifier added: sawn-off (shotguns)"],
        ["qualifier removed: sawn-off (shotguns)"],
    ),
    # a word swapped for a synonym and a qualifier added in the same place
    "qualifier beside a replaced word": (
        "The government ordered ministries to provide tents and food to the victims.",
        "The government ordered ministries to supply heated tents and food to the victims.",
        ["qualifier added: heated (tents)"],
        ["qualifier removed: heated (tents)"],
    ),
    # a question asserts nothing: what one side states, the other only asks
    "question": (
        "The court found that the former minister is guilty.",
        "The court found that the former minister is guilty?",
        ["question: guilty. vs guilty?"],
        ["question: guilty? vs guilty."],
    ),
    # several details of one pair disagree: each is reported, once, in sentence order
    "several conflicts on one pair": (
        "Police arrested 230 people in Almaty on Sunday, Interior Minister Lavrov said.",
        "Police arrested 225 people in Almaty on Monday, Interior Minister Blinken said.",
        ["number: 230 vs 225", "date: Sunday vs Monday", "name: Lavrov vs Blinken"],
        ["number: 225 vs 230", "date: Monday vs Sunday", "name: Blinken vs Lavrov"],
    ),
}


@pytest.mark.parametrize("case", list(CONFLICTS), ids=list(CONFLICTS))
def test_conflict_both_ways_with_exact_reasons(case):
    a, b, forward, backward = CONFLICTS[case]
    cmp = compare_texts(a, b)
    pair = only_pair(cmp)
    assert pair.kind.value == "conflict"
    assert (pair.reasons(), only_pair(compare_texts(b, a)).reasons()) == (forward, backward)


def test_a_conflict_names_its_two_sides():
    """The left and right of a reported conflict are the words of that side."""
    pair = only_pair(compare_texts(*CONFLICTS["qualifier"][:2]))
    (c,) = pair.conflicts
    assert (c.type, c.left, c.right) == ("qualifier", "shotguns", "sawn-off shotguns")
    pair = only_pair(compare_texts(*CONFLICTS["qualifier"][1::-1]))
    (c,) = pair.conflicts
    assert (c.type, c.left, c.right) == ("qualifier", "sawn-off shotguns", "shotguns")


# Look-alikes: each would be a conflict without a rule of the engine, both ways round.
NOT_CONFLICTS = {
    # "one of the" uses a number word as a pronoun, not as a count to compare with 12
    "one of the": (
        "He was one of the miners rescued from the flooded pit on Monday.",
        "He was among the 12 miners rescued from the flooded pit on Monday.",
    ),
    # the "No" of "No. 2" negates nothing
    "No. 2": (
        "The party's No. 2 leader resigned on Monday after the vote.",
        "The party's deputy leader resigned on Monday after the vote.",
    ),
    # transliterations of one Cyrillic name
    "Japarov/Zhaparov": (
        "President Sadyr Japarov ordered the government to provide tents.",
        "President Sadyr Zhaparov ordered the government to provide tents.",
    ),
    "Yusupov/Jusupov": (
        "The report was presented by Senator Yusupov in the capital.",
        "The report was presented by Senator Jusupov in the capital.",
    ),
    "Aliyev/Alijev": (
        "The talks were opened by President Ilham Aliyev in Baku.",
        "The talks were opened by President Ilham Alijev in Baku.",
    ),
    "Qazaqstan/Kazakhstan": (
        "The pipeline will carry oil from Qazaqstan to the coast.",
        "The pipeline will carry oil from Kazakhstan to the coast.",
    ),
    "Rachmaninoff/Rachmaninov": (
        "The orchestra played a concerto by Rachmaninoff on Friday.",
        "The orchestra played a concerto by Rachmaninov on Friday.",
    ),
    "Dzhabarov/Jabarov": (
        "The mayor, Mr Dzhabarov, opened the new bridge on Sunday.",
        "The mayor, Mr Jabarov, opened the new bridge on Sunday.",
    ),
    # both ask: the same question in two wordings
    "both questions": (
        "Will the minister resign before the vote on Friday?",
        "Will the minister step down before the vote on Friday?",
    ),
    # a verb swapped for another before a kept noun, no qualifier added
    "replaced verb only": (
        "The government ordered ministries to provide tents and food to the victims.",
        "The government ordered ministries to supply tents and food to the victims.",
    ),
}


@pytest.mark.parametrize("case", list(NOT_CONFLICTS), ids=list(NOT_CONFLICTS))
def test_look_alikes_are_not_conflicts_either_way(case):
    a, b = NOT_CONFLICTS[case]
    assert both_ways(a, b) == ([], [])


def test_different_names_still_conflict_despite_transliteration_rules():
    """The folded spellings (zh/j, y/j, q/k, -off/-ov) only join one name's spellings."""
    assert both_ways(
        "The statement was read by Senator Zhaparov in the capital.",
        "The statement was read by Senator Zakharov in the capital.",
    ) == (["name: Zhaparov vs Zakharov"], ["name: Zakharov vs Zhaparov"])


def test_a_negated_word_agrees_with_its_antonym_either_way():
    # "did not approve" says what "rejected" says; both negated, they disagree again
    a = "The board did not approve the merger on Monday."
    b = "The board rejected the merger on Monday."
    assert both_ways(a, b) == ([], [])
    assert only_pair(compare_texts(a, b)).kind.value == "paraphrase"
    c = "The board did not reject the merger on Monday."
    assert both_ways(a, c) == (["antonym: approve vs reject"], ["antonym: reject vs approve"])
