"""A long article pair written for these tests (no real article is copied): the right
text has paragraphs the left lacks near its top, so the two texts are out of step by a
screen or more, one figure changed (a conflict) far down, and one paragraph moved."""

from __future__ import annotations

CITIES = [
    "Aldermoor",
    "Brackwater",
    "Calderwick",
    "Dunmere",
    "Elsworth",
    "Fernhollow",
    "Greyhaven",
    "Hollinsby",
    "Ivybridge",
    "Jessop",
    "Kestrel",
    "Lowmarsh",
    "Millbeck",
    "Northam",
    "Oakhurst",
    "Pennick",
    "Quarrydale",
    "Ravensholt",
    "Stanmore",
    "Thornby",
    "Ulverstone",
    "Vexley",
    "Wendham",
    "Yarrowfield",
    "Zennor",
    "Ashgrove",
    "Bellmoor",
    "Crowhurst",
    "Dalby",
    "Eastleigh",
    "Foxley",
    "Gorsedene",
    "Harwick",
    "Ingleby",
]
TOPICS = [
    "bus routes",
    "school meals",
    "flood barriers",
    "library hours",
    "street lights",
    "park benches",
    "bridge repairs",
    "recycling bins",
    "cycle lanes",
    "market stalls",
    "harbour fees",
    "parking permits",
    "swimming pools",
    "tree planting",
    "noise rules",
    "allotment plots",
    "footpath signs",
    "water mains",
    "bin collections",
    "bike racks",
    "bus shelters",
    "road gritting",
    "council tax",
    "youth clubs",
    "care homes",
    "fire hydrants",
    "speed bumps",
    "ferry timetables",
    "museum tickets",
    "rail crossings",
    "dog wardens",
    "snow ploughs",
    "taxi licences",
    "pothole repairs",
]


def paragraph(k: int, figure: int | None = None) -> str:
    c, t = CITIES[k % len(CITIES)], TOPICS[k % len(TOPICS)]
    n = figure if figure is not None else 10 + 3 * k
    return (
        f"The council of {c} met on Tuesday to discuss {t} for the coming year. "
        f"Members of the {c} committee approved {n} new measures on {t} after a long debate. "
        f"Residents of {c} had written hundreds of letters about {t} since the spring."
    )


def extra(k: int) -> str:
    c = CITIES[(k + 7) % len(CITIES)]
    return (
        f"Separately, a reporter in {c} noted that turnout at public hearings number {k} "
        f"was the lowest this decade. Officials in {c} blamed the weather and a clash with "
        f"a football final."
    )


def long_pair(paragraphs: int = 34, conflict_at: int = 28) -> tuple[str, str]:
    left = [paragraph(k) for k in range(paragraphs)]
    right = [extra(k) for k in range(6)]
    body = [paragraph(k, 99 if k == conflict_at else None) for k in range(paragraphs)]
    moved = body.pop(5)  # the sixth paragraph is told near the end on the right
    body.insert(paragraphs - 3, moved)
    right += body
    return "\n\n".join(left) + "\n", "\n\n".join(right) + "\n"
