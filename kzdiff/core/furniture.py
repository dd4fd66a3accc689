"""Page furniture: the parts of a web copy that are not the article.

A copy of an article from a site carries navigation (``Home » World »``), section labels,
"2 MIN READ", "RECOMMENDED", "READ MORE: …", photo credits, share and subscribe prompts,
comment-policy lines, bylines and datelines standing alone, a text cut off mid-word where
the copy ended, and runs of other stories' headlines after the article. Reported as
sentences "only on one side" they bury the sentences that really differ. Here each
sentence is judged by its form (a label, a credit, a prompt) and its place (standing
alone on its line, after the article's last paragraph); a furniture sentence gets
``block="furniture"`` and is set aside from alignment.

The rule is: when unsure, it is text. Every test below asks for a sentence that stands
alone on its line (or a whole parenthesised note) and matches a form that article prose
does not take; a headline run must come after the article's prose and share little with
it, so an article's own headline and subheads stay text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .model import Sentence

FURNITURE = "furniture"

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun"
).split()

#: Labels that are furniture when they make up a whole line (case and a final ':' or '»'
#: aside): navigation, teasers, prompts, section names.
_LABELS = {
    "advertisement",
    "ad",
    "sponsored",
    "sponsored content",
    "recommended",
    "recommended for you",
    "explore",
    "explore more",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "read more",
    "read next",
    "more about",
    "more on this story",
    "more from",
    "more stories",
    "see also",
    "also read",
    "read also",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "latest",
    "latest news",
    "latest stories",
    "top stories",
    "editor's picks",
    "editors' picks",
    "you may also like",
    "you might also like",
    "don't miss",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "print",
    "email",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "follow us",
    "subscribe",
    "sign up",
    "newsletter",
    "tags",
    "topics",
    "skip to content",
    "skip to main content",
    "listen",
    "listen to this article",
    "watch",
    "gallery",
    "photos",
    "photo",
    "video",
    "breaking news",
    "live",
    "world",
    "world news",
    "news",
    "politics",
    "business",
    "sport",
    "sports",
    "opinion",
    "health",
    "science",
    "technology",
    "tech",
    "culture",
    "entertainment",
    "lifestyle",
    "economy",
    "markets",
    "asia",
    "europe",
    "africa",
    "americas",
    "middle east",
    "international",
    "national",
    "local",
    "today",
}

#: Whole-sentence forms (matched against a sentence standing alone on its line).
_LINE_FORMS = [
    # "2 MIN READ", "5 minute read", "Reading time: 3 minutes"
    r"\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+read",
    r"reading time\s*:?\s*\d+\s*(?:min|mins|minute|minutes)",
    # "SOURCE: AFP", "PHOTO: AFP", "Image: Reuters / John Smith", "Credit: …" (short)
    r"(?:source|sources|photo|photos|image|images|picture|pictures|photograph|credit|credits"
    r"|photo credit|image credit|file photo|graphic|video|illustration)\s*[:|]\s*\S.{0,60}",
    # "By Jane Doe", "By REUTERS, JPOST.COM STAFF", "By Jane Doe and John Roe, Reuters"
    r"[Bb]y\s+[A-Z][\w.'’-]*(?:[ ,&]+(?:and\s+)?[A-Z@][\w.'’@-]*){0,7}",
    # "Press 'Enter' to skip to content"
    r".{0,30}\bskip to (?:main )?content",
    # "Image source, Getty Images", "Image caption, Protesters in …", "Media caption, …"
    r"(?:image|media|video|photo) (?:source|caption|credit)\s*[,:]\s*\S.{0,250}",
    # "Published 3 hours ago", "Updated: 12 minutes ago"
    r"(?:published|updated|posted|last updated)\s*:?\s*(?:\d+|an?|one|two|three)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?\s+ago",
    # "Story continues below advertisement", "Article continues after this ad"
    r"(?:the )?(?:story|article|content) continues (?:below|after)\b.{0,30}",
    r"continue reading(?: (?:below|the main story|the article))?",
    r"(?:view|show|hide|load|read) (?:\d+ )?comments?(?: \(\d+\))?",
    r"comments? \(\d+\)",
    # "(Reporting by Jane Doe; Editing by John Roe)": a wire's credit note
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|written) by"
    r"\s[^()]{1,200}\)?",
    # "($1 = 556.9300 CFA francs)": a wire's currency note
    r"\(\s*[$€£¥]?\s*1\s*=\s*[^()]{1,40}\)",
]

#: the forms as one pattern (a line fullmatches it when it fullmatches one of them; "By"
#: lines are case-sensitive, the rest not): one regex call per line instead of fourteen
_ANY_FORM = re.compile(
    "|".join(f"(?:{f})" if f.startswith("[Bb]y") else f"(?i:{f})" for f in _LINE_FORMS)
)
#: No furniture line is longer than this (a disclaimer sentence is about 200 characters).
_LONGEST = 300

#: Lead-ins that make the rest of their line a link to another story or a prompt.
_LEAD_IN = re.compile(
    r"(?:read more|read also|also read|see also|related|recommended|more on this|more from"
    r"|watch|listen|click here|editor'?s pick|top story|must read|don'?t miss|read next"
    r"|read more on|more on|also see|suggested|trending)\s*[:|»›>–—-]\s*\S",
    re.IGNORECASE,
)

#: Prompts and notices that are furniture wherever they stand.
_PROMPTS = re.compile(
    r"(?:this site uses akismet"
    r"|learn how your comment data is processed"
    r"|subscribe to (?:get|our|the|receive)"
    r"|sign up (?:for|to) (?:our|the|get)"
    r"|discover more from"
    r"|get (?:the )?latest (?:articles|news|stories|updates|headlines)"
    r"|follow us on"
    r"|share (?:this|on) (?:article|story|post|facebook|twitter|whatsapp|linkedin)"
    r"|click here to"
    r"|all rights reserved"
    r"|copyright ©"
    r"|(?:this|the above) (?:story|article|post|report) (?:is|was|has been)"
    r" (?:verified|auto-generated|published from|edited)"
    r"|the views (?:appearing|expressed) in the above"
    r"|we use cookies"
    r"|comments? (?:are|is) (?:closed|moderated)"
    r"|enable javascript"
    r"|(?:sign up|subscribe|register)\b.{0,40}\bnewsletter"
    r"|join the conversation"
    r"|(?:contact|email) the (?:author|reporter|writer)"
    r")",
    re.IGNORECASE,
)

#: Fragments one of which every prompt holds: a cheap test before the regular expression.
_PROMPT_KEYS = (
    "akismet",
    "comment",
    "subscribe",
    "sign up",
    "discover more",
    "latest",
    "follow us",
    "share ",
    "click here",
    "rights reserved",
    "copyright",
    "the above",
    "this story",
    "this article",
    "this post",
    "this report",
    "cookies",
    "javascript",
    "newsletter",
    "conversation",
    "the author",
    "the reporter",
    "the writer",
)


def _prompt(t: str) -> bool:
    low = t.lower()
    return (
        any(k in low for k in _PROMPT_KEYS)
        and len(t.split()) <= 25
        and _PROMPTS.search(t) is not None
    )


#: Wire and photo agencies, as credited on a line of their own ("AFP", "Kyodo News/AP",
#: "(AFP/Getty Images)", "/ Reuters Archive", "Jane Doe Associated Press").
_AGENCIES = (
    "afp|ap|associated press|reuters|pa|pa media|pa wire|pti|ani|ians|xinhua|dpa|efe|ansa"
    "|anadolu|anadolu agency|bloomberg|getty|getty images|kyodo|kyodo news|epa|shutterstock"
    "|alamy|ria novosti|tass|bernama|yonhap|upi|cnn|bbc|bbc news|aa"
)
_CREDIT = re.compile(
    rf"[(/|\s]*(?:(?:{_AGENCIES})(?:\s+(?:photo|photos|archive|file|images?|via|staff))*"
    rf"\s*(?:[/,;]|and|via)?\s*)+[)\s]*",
    re.IGNORECASE,
)
#: A credit and nothing else ("PHOTO: AFP", "Image: Jane Doe/Reuters", "(AFP/Getty Images)").
_CREDIT_ONLY = re.compile(
    rf"(?:(?:photo|image|picture|credit|photo credit|file photo)\s*:\s*\S+(?:\s+\S+){{0,3}}"
    rf"|{_CREDIT.pattern})",
    re.IGNORECASE,
)
_BYLINE_AGENCY = re.compile(rf"(?:[A-Z][\w'’.-]+\s+){{1,3}}(?:{_AGENCIES})", re.IGNORECASE)
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^()]{2,40}\)")
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|last modified|last updated|modified|posted|date|on|at|am|pm|a\.m|"
    r"p\.m|gmt|utc|ist|est|edt|bst|cet|cest|pst|pdt|hrs|" + "|".join(_MONTHS + _WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_DATE_SIGNAL = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(?:" + "|".join(_MONTHS) + r")\b.{0,12}\d{4}|"
    r"\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\b)",
    re.IGNORECASE,
)
_STOP_END = re.compile(r"[.!?…][\"'”’»)\]]*\Z")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TAG_LABELS = {"more about", "tags", "topics", "related topics", "read more on"}


def _norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _label(text: str) -> str:
    return _norm(text).strip(" :»›>|•·-–—").lower().replace("’", "'")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_date_line(text: str) -> bool:
    """A line holding nothing but a date or time (and 'Published', 'Updated', a section)."""
    if not _DATE_SIGNAL.search(text) and not re.search(r"\b\d{4}\b", text):
        return False
    rest = _DATE_WORDS.sub(" ", text)
    rest = re.sub(r"[\d\W_]+", " ", rest).split()
    # one section label may ride along ("date 2022-11-17 WORLD", "Updated 3 June 2024 | Asia")
    return len(rest) == 0 or (len(rest) == 1 and (rest[0].isupper() or _label(rest[0]) in _LABELS))


def line_kind(text: str) -> str | None:
    """Why a line standing alone is furniture, or None if it may be text."""
    if len(text) > _LONGEST:  # furniture is short; a paragraph is text
        return None
    t = _norm(text)
    if not t:
        return None
    lab = _label(t)
    if not any(ch.isalnum() for ch in t):
        return "punctuation" if len(t) <= 3 else None
    if lab in _LABELS:
        return "label"
    if _breadcrumb(t):
        return "breadcrumb"
    if _ANY_FORM.fullmatch(t):
        return "form"
    if re.fullmatch(r"by\s+.{1,60}", t, re.IGNORECASE) and not _STOP_END.search(t):
        words = t.split()[1:]
        if len(words) <= 8 and all(w[:1].isupper() or w.lower() in {"and", "&"} for w in words):
            return "byline"
    if _LEAD_IN.match(t):
        return "teaser"
    if _prompt(t):
        return "prompt"
    if _CREDIT.fullmatch(t):
        return "credit"
    if len(t.split()) <= 6 and _BYLINE_AGENCY.fullmatch(t) and not _STOP_END.search(t):
        return "byline"
    if _DATELINE.fullmatch(t):
        return "dateline"
    if len(t) <= 80 and not _STOP_END.search(t) and _is_date_line(t):
        return "date"
    return None


def _sentence_kind(text: str) -> str | None:
    """Furniture that shares a line with other sentences: a prompt ('This site uses
    Akismet …'), a credit ('… province. (AFP/Getty Images)'), a '/ Reuters Archive'."""
    if len(text) > _LONGEST:
        return None
    t = _norm(text)
    if _prompt(t):
        return "prompt"
    if _CREDIT.fullmatch(t):
        return "credit"
    if _ANY_FORM.fullmatch(t):
        return "form"
    return None


@dataclasses.dataclass
class _Unit:
    """Sentences that share a line (or a wrapped paragraph) of the text."""

    ids: list[int]
    text: str
    first: int


def _units(text: str, sentences: Sequence[Sentence]) -> list[_Unit]:
    units: list[_Unit] = []
    for s in sentences:
        if units and "\n" not in text[sentences[units[-1].ids[-1]].end : s.start]:
            units[-1].ids.append(s.id)
        else:
            units.append(_Unit([s.id], s.text, s.id))
    for u in units:  # once at the end: re-slicing as a unit grew was quadratic in its length
        if len(u.ids) > 1:
            u.text = text[sentences[u.ids[0]].start : sentences[u.ids[-1]].end]
    return units


def find_furniture(text: str, sentences: Sequence[Sentence]) -> dict[int, str]:
    """Ids of the furniture sentences of a segmented text, each with the reason."""
    if not sentences:
        return {}
    units = _units(text, sentences)
    out: dict[int, str] = {}
    # each distinct text judged once (150,000 list lines "- item" are one line's work)
    lines: dict[str, str | None] = {}
    shared: dict[str, str | None] = {}
    for u in units:
        kind = lines[u.text] if u.text in lines else lines.setdefault(u.text, line_kind(u.text))
        if kind:
            out.update(dict.fromkeys(u.ids, kind))
            continue
        if len(u.ids) == 1:
            continue
        for i in u.ids:  # a prompt or credit sentence sharing its line with others
            t = sentences[i].text
            k = shared[t] if t in shared else shared.setdefault(t, _sentence_kind(t))
            if k:
                out[i] = k
    _crumbs_into_title(sentences, units, out)
    _parenthesised_notes(text, sentences, out)
    _captions(sentences, units, out)
    _bylines_continued(units, out)
    _tags_at_end(units, out)
    _cut_off_tail(sentences, units, out)
    _headline_runs(sentences, units, out)
    _teasers_inside(sentences, units, out)
    _teasers_after_label(units, out)
    return out


#: A label alone on its line that introduces links to other stories ("RELATED",
#: "READ MORE", "See also"): the headlines on the lines after it are those links.
_INTRODUCES = re.compile(
    r"(?:related|read more|read next|read also|also read|see also|recommended|more on this"
    r"|more from|more stories|don'?t miss|must read|editor'?s picks?|trending|suggested)\b"
)
#: At most this many headlines follow one such label.
_TEASERS_AFTER_LABEL = 5


def _teasers_after_label(units: list[_Unit], out: dict[int, str]) -> None:
    """The headlines right after a "RELATED" / "READ MORE" label standing alone: lines
    without a final stop (a headline, not prose), up to the first line of prose."""
    for k, u in enumerate(units):
        if out.get(u.ids[0]) != "label" or not _INTRODUCES.match(_label(u.text)):
            continue
        for nxt in units[k + 1 : k + 1 + _TEASERS_AFTER_LABEL]:
            if any(i in out for i in nxt.ids):
                break  # furniture already (another label, a credit): its own reason
            t = _norm(nxt.text)
            if len(nxt.ids) > 1 or len(t) > 160 or _STOP_END.search(t) or len(_words(t)) < 3:
                break  # prose, or not a headline
            out[nxt.ids[0]] = "teaser"


def _crumbs_into_title(
    sentences: Sequence[Sentence], units: list[_Unit], out: dict[int, str]
) -> None:
    """'Home » World » Kazakhstan has thwarted a coup' above the headline it repeats: the
    whole line is navigation (a trail whose last step is not repeated stays text)."""
    lines: set[str] | None = None  # every line's text, built for the first trail only
    for u in units:
        if u.ids[0] in out or not _CRUMB_MARK.search(u.text):
            continue  # (the mark first: _CRUMB tries a match at every space of the line)
        seps = list(_CRUMB.finditer(u.text))
        if len(seps) < 2:
            continue
        if lines is None:
            lines = {_norm(u.text) for u in units}
        trail, title = u.text[: seps[-1].start()], _norm(u.text[seps[-1].end() :])
        if title in lines and all(len(p.split()) <= 4 for p in _CRUMB.split(trail)):
            out.update(dict.fromkeys(u.ids, "breadcrumb"))


def _parenthesised_notes(text: str, sentences: Sequence[Sentence], out: dict[int, str]) -> None:
    """A paragraph in parentheses that holds a disclaimer: all of it is the outlet's note."""
    by_para: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_para.setdefault(s.paragraph, []).append(s)
    for para in by_para.values():
        body = text[para[0].start : para[-1].end].strip()
        if (
            len(para) > 1
            and body.startswith("(")
            and body.rstrip(".").endswith(")")
            and any(out.get(s.id) == "prompt" for s in para)
        ):
            out.update({s.id: "note" for s in para})


def _captions(sentences: Sequence[Sentence], units: list[_Unit], out: dict[int, str]) -> None:
    """A photo caption: a line standing next to its credit ('PHOTO: AFP', 'Kyodo News/AP').

    Only a line of its own in the credit's paragraph, never the text's first line (the
    headline), and never a line whose text the article repeats (a caption that quotes the
    article is kept: it is a sentence of the article too).
    """
    texts: dict[str, int] | None = None  # how often each sentence's text occurs, if needed
    for n, u in enumerate(units):
        for i in u.ids:
            if out.get(i) not in {"credit", "form"}:  # first: the common case, and cheap
                continue
            if not _CREDIT_ONLY.fullmatch(_norm(sentences[i].text)):
                continue
            if texts is None:
                texts = {}
                for s in sentences:
                    key = _norm(s.text)
                    texts[key] = texts.get(key, 0) + 1
            pos = u.ids.index(i)
            if pos > 0:  # "… in Yunnan province. (AFP/Getty Images)"
                cands = [u.ids[pos - 1]]
            else:
                cands = [
                    v.ids[-1]
                    for v in (
                        units[n - 1] if n else None,
                        units[n + 1] if n + 1 < len(units) else None,
                    )
                    if v is not None and len(v.ids) == 1
                ]
            for c in cands:
                s = sentences[c]
                if (
                    c in out
                    or c == 0
                    or s.block != "line"
                    or s.paragraph != sentences[i].paragraph
                    or texts[_norm(s.text)] > 1
                    or len(s.text.split()) < 6
                ):
                    continue
                out[c] = "caption"


def _bylines_continued(units: list[_Unit], out: dict[int, str]) -> None:
    """'By Jane Doe' followed by the outlet's name on a line of its own ('BBC News')."""
    for a, b in zip(units, units[1:], strict=False):
        if out.get(a.ids[0]) == "byline" and b.ids[0] not in out and len(b.ids) == 1:
            words = _norm(b.text).split()
            if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                if not _STOP_END.search(b.text):
                    out[b.ids[0]] = "byline"


def _tags_at_end(units: list[_Unit], out: dict[int, str]) -> None:
    """After a 'More about' / 'Tags' label at the end, short lines are topic links."""
    for n, u in enumerate(units):
        if out.get(u.ids[0]) == "label" and _label(u.text) in _TAG_LABELS:
            rest = units[n + 1 :]
            if rest and len(rest) <= 8 and all(len(_norm(r.text).split()) <= 4 for r in rest):
                for r in rest:
                    out.update(dict.fromkeys(r.ids, "tags"))


def _cut_off_tail(sentences: Sequence[Sentence], units: list[_Unit], out: dict[int, str]) -> None:
    """A copy that ends mid-word ('… would allow more tim'): the fragment is not a sentence.

    Only prose-like fragments count (five words or more, ending in a lower-case letter with
    no closing stop), and only as the very last sentence, after at least three sentences
    of prose.
    """
    last = sentences[-1]
    if last.id in out or len(sentences) < 4:
        return
    t = _norm(last.text)
    words = t.split()
    if len(words) < 5 or not t[-1:].isalpha() or not t[-1].islower():
        return
    if not has_stopped_prose(sentences[:-1]):
        return
    out[last.id] = "cut off"


def has_stopped_prose(sentences: Sequence[Sentence]) -> bool:
    return sum(1 for s in sentences if _STOP_END.search(s.text.rstrip())) >= 3


def _content(text: str) -> set[str]:
    return {w.lower() for w in _words(text) if len(w) >= 4}


def _headline_runs(sentences: Sequence[Sentence], units: list[_Unit], out: dict[int, str]) -> None:
    """Other stories' headlines listed after the article.

    The run is read back from the end of the text: lines without a closing stop (furniture
    already found may sit among them) until the first line of prose. It must hold at least
    three such lines and follow at least three sentences of stopped prose; each line that
    shares under half of its content words with the article before it is furniture, and
    a line that shares more (a related story on the same subject, a subhead) stays text.
    """
    run: list[_Unit] = []
    for u in reversed(units):
        if all(i in out for i in u.ids):
            run.append(u)
            continue
        t = _norm(u.text)
        if len(u.ids) == 1 and not _STOP_END.search(t) and 2 <= len(t.split()) <= 25:
            run.append(u)
            continue
        break
    heads = [u for u in run if not all(i in out for i in u.ids)]
    labelled = any(out.get(u.ids[0]) == "label" for u in run)  # "Related", "Explore" …
    if len(heads) < (2 if labelled else 3):
        return
    first = min(u.first for u in run)
    body = [s for s in sentences[:first] if s.id not in out]
    if not has_stopped_prose(body):
        return
    article = set().union(*(_content(s.text) for s in body))
    for u in heads:
        words = _content(u.text)
        if not words or len(words & article) < 0.5 * len(words):
            out.update(dict.fromkeys(u.ids, "headlines"))


#: a step separator of a breadcrumb trail; it starts only where a run of spaces starts, so a
#: line of a million spaces is scanned once, not once from each of its spaces
_CRUMB = re.compile(r"(?<!\s)\s+[»›>]\s+")
_CRUMB_MARK = re.compile(r"[»›>]")


def _breadcrumb(text: str) -> bool:
    """'Home » World » Asia', 'News › Politics': short steps joined by » or ›."""
    t = _norm(text)
    parts = _CRUMB.split(t.strip(" »›>"))
    return (
        len(parts) >= 2
        and all(1 <= len(p.split()) <= 4 for p in parts)
        and not _STOP_END.search(t)
        and ("»" in t or "›" in t or len(parts) >= 3)
    )


def _teasers_inside(sentences: Sequence[Sentence], units: list[_Unit], out: dict[int, str]) -> None:
    """Links to other stories set between the article's paragraphs: two or more headlines
    in a row, each a paragraph of its own (5 to 20 words, no closing stop, no list mark),
    with stopped prose before and after. An article's subhead stands alone before its
    section's prose, so two in a row are not subheads; a list has marks or short items.
    """

    def headline(u: _Unit) -> bool:
        s = sentences[u.ids[0]]
        t = _norm(s.text)
        return (
            len(u.ids) == 1
            and u.ids[0] not in out
            and s.block == "line"
            and 5 <= len(t.split()) <= 20
            and t[:1].isupper()
            and not _STOP_END.search(t)
            and not t.endswith((":", ",", ";"))
            and not _LIST_MARK.match(t)
        )

    def prose(u: _Unit) -> bool:
        return u.ids[-1] not in out and bool(_STOP_END.search(sentences[u.ids[-1]].text))

    n = 2
    while n < len(units):
        m = n
        while m < len(units) and headline(units[m]):
            m += 1
        run = units[n:m]
        paragraphs = {sentences[u.ids[0]].paragraph for u in run}
        if (
            len(run) >= 2
            and len(paragraphs) == len(run)
            and prose(units[n - 1])
            and m < len(units)
            and prose(units[m])
        ):
            for u in run:
                out[u.ids[0]] = "teasers"
        n = max(m, n + 1)


_LIST_MARK = re.compile(r"(?:[-*•·–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")


def mark_furniture(text: str, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """The sentences, with ``block="furniture"`` on those that are page furniture."""
    found = find_furniture(text, sentences)
    return tuple(dataclasses.replace(s, block=FURNITURE) if s.id in found else s for s in sentences)
