"""Details of the conflict rules, each pinned both ways round with exact reasons: where
numbers, dates, names, negations and qualifiers are found, what they are compared with,
and that each disagreement is reported once.

Each case: left, right, the reasons left->right, the reasons right->left. An empty list
is a look-alike that must not be reported.
"""

from __future__ import annotations

import pytest

from kzdiff import compare_texts


def reasons(a: str, b: str) -> list[str]:
    pairs = [p for p in compare_texts(a, b).pairs if p.left and p.right]
    assert len(pairs) == 1, "the two sentences should align"
    return pairs[0].reasons()


CASES = [
    # a number in a replaced run of four words
    (
        "Rescuers said most of the 40 injured coal miners were in good condition.",
        "Rescuers said most of the 60 hurt mine workers were in good condition.",
        ["number: 40 vs 60"],
        ["number: 60 vs 40"],
    ),
    # no number conflict across a rewritten run of seven words or more: nothing says the numbers count the same thing
    (
        "Rescuers said most of the 40 injured coal miners from the north were in good condition.",
        "Rescuers said most of the 60 hurt mine workers of the southern region were in good condition.",
        [],
        [],
    ),
    # a number as the first word
    (
        "230 people were arrested in the capital on Sunday.",
        "225 people were arrested in the capital on Sunday.",
        ["number: 230 vs 225"],
        ["number: 225 vs 230"],
    ),
    # a number of several words
    (
        "Two hundred people were arrested in the capital on Sunday.",
        "Three hundred people were arrested in the capital on Sunday.",
        ["number: Two hundred vs Three hundred"],
        ["number: Three hundred vs Two hundred"],
    ),
    # a day of the month after the month
    (
        "The vote was held on June 5 in the capital of the country.",
        "The vote was held on June 7 in the capital of the country.",
        ["date: 5 vs 7"],
        ["date: 7 vs 5"],
    ),
    # a day of the month before the month
    (
        "The vote was held on 5 June in the capital of the country.",
        "The vote was held on 7 June in the capital of the country.",
        ["date: 5 vs 7"],
        ["date: 7 vs 5"],
    ),
    # 'one' as the last word is a count
    (
        "Police said the number of people injured in the attack was one.",
        "Police said the number of people injured in the attack was two.",
        ["number: one vs two"],
        ["number: two vs one"],
    ),
    # a million is a large number
    (
        "The company said its debt stood at 1 million dollars last year.",
        "The company said its debt stood at 2 million dollars last year.",
        ["number: 1 million dollars vs 2 million dollars"],
        ["number: 2 million dollars vs 1 million dollars"],
    ),
    # a number in words equals its figures; the other numbers are compared
    (
        "Police said 7 people were arrested and 12 were hurt in the clashes.",
        "Police said seven people were arrested and 15 were hurt in the clashes.",
        ["number: 12 vs 15"],
        ["number: 15 vs 12"],
    ),
    # a year is compared with a year, a count with a count
    (
        "In 2019 the plant employed 300 workers in the town.",
        "In 2021 the plant employed 250 workers in the town.",
        ["date: 2019 vs 2021", "number: 300 vs 250"],
        ["date: 2021 vs 2019", "number: 250 vs 300"],
    ),
    # a percentage with a percentage
    (
        "Unemployment rose to 5% and 300 jobs were lost in the region.",
        "Unemployment rose to 7% and 250 jobs were lost in the region.",
        ["number: 5% vs 7%", "number: 300 vs 250"],
        ["number: 7% vs 5%", "number: 250 vs 300"],
    ),
    # each number pairs with one other number
    (
        "Police said 300 people were arrested and 200 injured in the city.",
        "Police said 350 people were arrested and 250 injured in the city.",
        ["number: 300 vs 350", "number: 200 vs 250"],
        ["number: 350 vs 300", "number: 250 vs 200"],
    ),
    # 'May' first in a sentence is the modal verb
    (
        "May we see the results, the judge asked the lawyers in June.",
        "Can we see the results, the judge asked the lawyers in June.",
        [],
        [],
    ),
    # each changed initial is its own conflict
    (
        "The report was written by John F. Smith and Mary K. Jones of the agency.",
        "The report was written by John G. Smith and Mary L. Jones of the agency.",
        ["name: F vs G", "name: K vs L"],
        ["name: G vs F", "name: L vs K"],
    ),
    # names after an unchanged initial are still compared
    (
        "The report by John F. Smith was praised by Lavrov at the meeting.",
        "The report by John F. Smith was praised by Blinken at the meeting.",
        ["name: Lavrov vs Blinken"],
        ["name: Blinken vs Lavrov"],
    ),
    # a whole name swapped
    (
        "The statement was signed by Sergei Lavrov in Geneva on Friday.",
        "The statement was signed by Antony Blinken in Geneva on Friday.",
        ["name: Sergei Lavrov vs Antony Blinken"],
        ["name: Antony Blinken vs Sergei Lavrov"],
    ),
    # a four-letter qualifier
    (
        "The dealer sold used cars to the police on Monday.",
        "The dealer sold cars to the police on Monday.",
        ["qualifier removed: used (cars)"],
        ["qualifier added: used (cars)"],
    ),
    # a qualifier of two words
    (
        "Officers seized shotguns in the raid on the farm.",
        "Officers seized loaded sawn-off shotguns in the raid on the farm.",
        ["qualifier added: loaded sawn-off (shotguns)"],
        ["qualifier removed: loaded sawn-off (shotguns)"],
    ),
    # a harmless insertion before a qualifier
    (
        "Police found rifles and shotguns in the raid on the farm.",
        "Police also found rifles and sawn-off shotguns in the raid on the farm.",
        ["qualifier added: sawn-off (shotguns)"],
        ["qualifier removed: sawn-off (shotguns)"],
    ),
    # an acronym swapped
    (
        "The NATO summit was held in Madrid on Tuesday.",
        "The EU summit was held in Madrid on Tuesday.",
        ["name: NATO vs EU"],
        ["name: EU vs NATO"],
    ),
    # 'no' as the last word negates
    (
        "Asked whether he would resign, the minister said no.",
        "Asked whether he would resign, the minister said yes.",
        ["negation: no vs —"],
        ["negation: — vs no"],
    ),
    # "No. 2" at the end of a sentence is still a rank, not a negation
    (
        "In the final poll, the senator was ranked No. 2",
        "In the final poll, the senator was ranked second",
        [],
        [],
    ),
    # a negation's scope starts after it: the comma before "not" does not end it early,
    # and "not the president" is context the other side does not mention
    (
        "The minister, not the president, signed the decree on Monday.",
        "The minister signed the decree on Monday.",
        [],
        [],
    ),
    # an adverb in -ly hedges rather than restricts, also in a compound
    (
        "The police half-heartedly responded to the protest on Monday.",
        "The police responded to the protest on Monday.",
        [],
        [],
    ),
    # a measurement starting with a figure is no qualifier (numbers are compared as numbers)
    (
        "Workers laid pipes under the road on Monday.",
        "Workers laid 3-inch pipes under the road on Monday.",
        [],
        [],
    ),
    # a region with punctuation is skipped, and the next qualifier is still found
    (
        "The mayor, Smith, said officials would provide tents for the victims.",
        "The mayor (Jones) said officials would supply heated tents for the victims.",
        ["name: Smith vs Jones", "qualifier added: heated (tents)"],
        ["name: Jones vs Smith", "qualifier removed: heated (tents)"],
    ),
    # an inserted comma is skipped, and the next qualifier is still found
    (
        "Police found rifles and shotguns in the raid on the farm.",
        "Police found rifles, and sawn-off shotguns in the raid on the farm.",
        ["qualifier added: sawn-off (shotguns)"],
        ["qualifier removed: sawn-off (shotguns)"],
    ),
    # a word replaced at the very end, with nothing after it
    (
        "Officials said that in the end the ministry would provide",
        "Officials said that in the end the ministry would supply",
        [],
        [],
    ),
    # a qualifier in brackets beside a replaced word is an aside, not a qualifier
    (
        "The government ordered ministries to provide tents and food to the victims.",
        "The government ordered ministries to supply (heated) tents and food to the victims.",
        [],
        [],
    ),
    # any word in -n't negates
    (
        "The minister mightn't resign over the scandal, aides said.",
        "The minister might resign over the scandal, aides said.",
        ["negation: mightn't vs \u2014"],
        ["negation: \u2014 vs mightn't"],
    ),
    # a number whose first candidate is a percentage still finds the count after it
    (
        "Some 300 jobs were lost in the region and unemployment rose to 5% last year.",
        "Unemployment rose to 7% last year and some 250 jobs were lost in the region.",
        ["number: 300 vs 250", "number: 5% vs 7%"],
        ["number: 7% vs 5%", "number: 250 vs 300"],
    ),
    # the same disagreement twice is reported once
    (
        "Police arrested 230 people on Sunday; 230 were later freed by the court.",
        "Police arrested 225 people on Sunday; 225 were later freed by the court.",
        ["number: 230 vs 225"],
        ["number: 225 vs 230"],
    ),
    # two unanswered negations on one side are one conflict naming both
    (
        "The minister did not resign and did not apologise for the remarks on Monday.",
        "The minister resigned and apologised for the remarks on Monday.",
        ["negation: not not vs —"],
        ["negation: — vs not not"],
    ),
]


@pytest.mark.parametrize("a,b,forward,backward", CASES)
def test_reasons_both_ways(a, b, forward, backward):
    assert (reasons(a, b), reasons(b, a)) == (forward, backward)
