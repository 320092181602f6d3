"""Turn cue spans into the eight features, with evidence.

Each ``decide_*`` function takes the Doc and the cues grouped by label and returns evidence
tuples ``(feature, rule, start_char, end_char)``; a feature is True when it has evidence.
``generic`` and ``thanks_only`` are derived: generic = no specific reference (evidence: the
whole text); thanks_only = thanks but no fit argument (evidence: the thanks cues).

An empty note is generic (nothing in it is specific) and not thanks_only (it does not thank).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from transforms.contract import FEATURES


class Cue(NamedTuple):
    label: str
    rule: str
    start: int  # token index
    end: int  # token index, exclusive


EvidenceTuple = tuple[str, str, int, int]
Cues = dict[str, list[Cue]]

_NEGATIONS = frozenset(
    {"not", "no", "never", "without", "nor", "neither", "n't", "nt", "hardly", "instead"}
)
_SENT_END = frozenset({".", "!", "?", ";", "…"})
_GENERIC_OBJECTS = frozenset(
    [
        "role",
        "position",
        "job",
        "opportunity",
        "opportunities",
        "company",
        "team",
        "organization",
        "organisation",
        "culture",
        "interview",
        "interviews",
        "conversation",
        "discussion",
        "time",
        "day",
        "meeting",
        "process",
        "everything",
        "things",
        "thing",
        "work",
        "more",
        "lot",
        "today",
        "yesterday",
        "chance",
        "details",
        "company's",
        "team's",
        "firm",
        "business",
        "department",
        "group",
        "vision",
        "mission",
        "values",
        "place",
        "people",
        "environment",
        "great",
        "good",
        "much",
        "really",
        "hiring",
        "recruitment",
        "opening",
        "responsibilities",
        "duties",
        "expectations",
        "goals",
        "position's",
        "role's",
        "whole",
        "all",
        "it",
        "position.",
        "questions",
        "question",
        "answers",
        "you",
        "me",
        "us",
        "them",
        "everyone",
        "working",
        "learning",
        "hear",
        "learn",
        "talking",
        "speaking",
        "discussing",
        "how",
        "what",
        "why",
        "chat",
        "call",
    ]
)
_CAPS_STOP = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "miss",
        "sir",
        "madam",
        "thank",
        "thanks",
        "dear",
        "hi",
        "hello",
        "hey",
        "best",
        "regards",
        "sincerely",
        "cheers",
        "warmly",
        "team",
        "hiring",
        "manager",
        "senior",
        "junior",
        "lead",
        "principal",
        "staff",
        "head",
        "chief",
        "director",
        "engineer",
        "engineering",
        "developer",
        "designer",
        "analyst",
        "associate",
        "specialist",
        "coordinator",
        "intern",
        "internship",
        "recruiter",
        "recruiting",
        "talent",
        "acquisition",
        "position",
        "role",
        "interview",
        "company",
        "inc",
        "llc",
        "ltd",
        "corp",
        "co",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "vp",
        "hr",
        "ok",
        "okay",
        "ps",
        "asap",
        "fyi",
        "cv",
        "resume",
        "linkedin",
        "zoom",
        "teams",
        "skype",
        "meet",
        "name",
        "email",
        "phone",
        "url",
        "address",
        "officer",
        "executive",
        "assistant",
        "representative",
        "consultant",
        "administrator",
        "admin",
        "officer",
        "sr",
        "jr",
        "mid",
        "level",
        "ii",
        "iii",
        "iv",
        "please",
        "kind",
        "yours",
        "respectfully",
        "gratefully",
        "truly",
        "warm",
        "all",
        "again",
        "p.s.",
        "re",
        "subject",
    ]
)
_ROLE_WORDS = frozenset({"role", "position", "job", "opening", "vacancy", "post", "title"})
_CLOSINGS = frozenset(
    [
        "best",
        "regards",
        "sincerely",
        "cheers",
        "thanks",
        "warmly",
        "respectfully",
        "yours",
        "thank",
        "gratefully",
        "cordially",
        "kind",
        "warm",
    ]
)
_GREETINGS = frozenset({"dear", "hi", "hello", "hey", "greetings", "good", "to"})
_NAME_PRECEDERS = frozenset(
    {
        "at",
        "with",
        "for",
        "from",
        "join",
        "joining",
        "dear",
        "hi",
        "hello",
        "hey",
        "mr",
        "ms",
        "mrs",
        "dr",
        "thank",
        "thanks",
        "you",
        "to",
        "and",
        "of",
        "meet",
        "meeting",
        "met",
    }
)
_NUMBER_EXCLUDE_NEXT = frozenset(
    {
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "o'clock",
        "years",
        "year",
        "yrs",
        "months",
        "+",
        ":",
        "st",
        "nd",
        "rd",
        "th",
        "min",
        "mins",
        "minutes",
        "hours",
        "hour",
        "hrs",
    }
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_PII_TAGS = frozenset({"NAME", "EMAIL", "PHONE", "URL", "ADDRESS"})
_PLACEHOLDER_WORDS = frozenset(
    [
        "name",
        "company",
        "organization",
        "organisation",
        "role",
        "position",
        "title",
        "job",
        "interviewer",
        "hiring",
        "manager",
        "date",
        "team",
        "department",
        "recipient",
        "insert",
        "your",
        "first",
        "last",
        "surname",
        "specific",
        "topic",
        "project",
        "detail",
        "details",
        "something",
        "skill",
        "skills",
        "industry",
        "product",
        "city",
        "day",
        "time",
        "contact",
        "person",
        "field",
        "employer",
        "firm",
        "agency",
        "school",
        "mention",
        "point",
        "example",
    ]
)


# --- helpers ---------------------------------------------------------------------------------


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _is_boundary(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.text in _SENT_END or (token.is_space and "\n" in token.text)


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not any(_is_boundary(doc, i) for i in range(lo, hi))


def _negated(doc: Doc, start: int, window: int = 4) -> bool:
    """A negation within `window` tokens before `start`, in the same sentence."""
    i = start - 1
    while i >= 0 and start - i <= window:
        if _is_boundary(doc, i):
            return False
        if doc[i].norm_ in _NEGATIONS:
            return True
        i -= 1
    return False


def _evidence(doc: Doc, feature: str, cues: Iterable[Cue]) -> list[EvidenceTuple]:
    return [(feature, c.rule, *_chars(doc, c.start, c.end)) for c in cues]


def _line_start(doc: Doc, i: int) -> bool:
    """Token i starts a sentence or line (skipping quotes/brackets/dashes before it)."""
    j = i - 1
    while j >= 0 and (doc[j].is_quote or doc[j].is_bracket or doc[j].text in {"-", "*", "•"}):
        j -= 1
    return j < 0 or _is_boundary(doc, j) or doc[j].text == ":"


def _signoff_start(doc: Doc) -> int:
    """Index after which tokens belong to the sign-off ("Best,\\nJane")."""
    n = len(doc)
    for i in range(n - 1, max(-1, n - 15), -1):
        if doc[i].norm_ in _CLOSINGS and (
            i + 1 == n or doc[i + 1].text in {",", "!", "-"} or doc[i + 1].is_space
        ):
            return i
    return n


def _greeting_end(doc: Doc) -> int:
    """Index where the salutation line ("Dear Ms. X,") ends, 0 if there is none."""
    if len(doc) and doc[0].norm_ in _GREETINGS:
        for i, token in enumerate(doc[:12]):
            if token.text in {",", ":", "!"} or (token.is_space and "\n" in token.text):
                return i
    return 0


# --- features --------------------------------------------------------------------------------


def decide_thanks(doc: Doc, cues: Cues) -> list[Cue]:
    return [c for c in cues.get("THANKS", []) if not _negated(doc, c.start, 2)]


def decide_enthusiasm(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    ok = [c for c in cues.get("ENTHUSIASM", []) if not _negated(doc, c.start)]
    return _evidence(doc, "enthusiasm", ok)


def decide_fit(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    ok = [c for c in cues.get("FIT", []) if not _negated(doc, c.start, 3)]
    return _evidence(doc, "fit_argument", ok)


def _overlaps(cue: Cue, others: list[Cue]) -> bool:
    return any(o.start < cue.end and cue.start < o.end for o in others)


def decide_gift(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    """A gift item and a delivery cue in the same sentence, neither negated nor excluded."""
    excluded = cues.get("GIFT_EXCLUDE", [])
    items = [c for c in cues.get("GIFT_ITEM", []) if not _overlaps(c, excluded)]
    sends = [c for c in cues.get("GIFT_SEND", []) if not _overlaps(c, items)]
    out: list[EvidenceTuple] = []
    for item in items:
        for send in sends:
            if _same_sentence(doc, item.start, send.start) and not (
                _negated(doc, item.start, 6) or _negated(doc, send.start, 4)
            ):
                out += _evidence(doc, "gift", [item, send])
    return out


def _later_round_near(doc: Doc, cue: Cue, cues: Cues) -> bool:
    return any(_same_sentence(doc, cue.start, later.start) for later in cues.get("LATER_ROUND", []))


def _soon_after(doc: Doc, cue: Cue, cues: Cues) -> bool:
    return any(
        cue.end <= soon.start <= cue.end + 6 and _same_sentence(doc, cue.start, soon.start)
        for soon in cues.get("SOON", [])
    )


def placeholder_ok(text: str) -> bool:
    """A bracketed/braced/angled span is an unfilled template field, not a literal bracket."""
    inner = text.strip("[]{}<>%()$ \t")
    if not inner or set(text) <= {"_"}:
        return bool(text) and set(text) <= {"_"}
    if inner in _PII_TAGS or inner.rstrip("0123456789_") in _PII_TAGS:
        return False
    if text.startswith(("{", "<<", "%(", "${")):
        return True
    words = {w.strip(".,:;'’").lower() for w in inner.replace("/", " ").split()}
    return bool(words & _PLACEHOLDER_WORDS) or inner.upper().strip("X") == ""


def decide_prewritten(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    """The interview still to come (and not a later round), or an unfilled placeholder."""
    out: list[EvidenceTuple] = []
    for cue in cues.get("FUTURE_MEET_YOU", []) + cues.get("FUTURE_INTERVIEW", []):
        if not _later_round_near(doc, cue, cues) and not _negated(doc, cue.start):
            out += _evidence(doc, "prewritten", [cue])
    for cue in cues.get("FUTURE_MEET", []):
        if _soon_after(doc, cue, cues) and not _later_round_near(doc, cue, cues):
            out += _evidence(doc, "prewritten", [cue])
    for cue in cues.get("PLACEHOLDER", []):
        start, end = _chars(doc, cue.start, cue.end)
        if placeholder_ok(doc.text[start:end]):
            out.append(("prewritten", cue.rule, start, end))
    return out


def decide_handed(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    """Left with the front desk, or a hand-over of the note together with 'on my way out'."""
    out = _evidence(
        doc,
        "handed_on_exit",
        [c for c in cues.get("HANDOFF_DESK", []) if not _negated(doc, c.start)],
    )
    for exit_cue in cues.get("EXIT", []):
        for hand in cues.get("HAND_NOTE", []):
            if _same_sentence(doc, exit_cue.start, hand.start) and not _negated(doc, hand.start):
                out += _evidence(doc, "handed_on_exit", [exit_cue, hand])
    return out


def _has_content(doc: Doc, start: int, limit: int = 7) -> bool:
    """A content word (not a stop word, not a generic object) soon after `start`."""
    for token in doc[start : start + limit]:
        if token.is_punct or (token.is_space and "\n" in token.text):
            return False
        norm = token.norm_
        if (
            (token.is_alpha or token.is_digit)
            and norm not in STOP_WORDS
            and (norm not in _GENERIC_OBJECTS)
        ):
            return True
    return False


def _number_ok(doc: Doc, i: int) -> bool:
    nxt = doc[i + 1].norm_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].norm_ if i > 0 else ""
    return nxt not in _NUMBER_EXCLUDE_NEXT and nxt not in _MONTHS and prev not in _MONTHS


def _capitalised_ok(doc: Doc, i: int, greeting_end: int, signoff: int) -> bool:
    token = doc[i]
    if token.norm_ in _CAPS_STOP or i < greeting_end or i >= signoff or _line_start(doc, i):
        return False
    prev = doc[i - 1]
    if prev.text in {"[", "<", "{"}:
        return False
    j = i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j >= 0 and doc[j].norm_ in _NAME_PRECEDERS:
        return False
    # Title-case run ending in a role word ("Backend Engineer role") names the job, not a topic.
    k = i + 1
    while k < len(doc) and doc[k].is_title:
        k += 1
    return not (k < len(doc) and doc[k].norm_ in _ROLE_WORDS)


def decide_specific(doc: Doc, cues: Cues) -> list[EvidenceTuple]:
    """Remarks, content after topic cues, quotes, numbers, proper terms mid-sentence."""
    ok = list(cues.get("SPEC_REMARK", [])) + list(cues.get("QUOTE", []))
    ok += [c for c in cues.get("SPEC_TOPIC", []) if _has_content(doc, c.end)]
    fit = cues.get("FIT", [])
    # Numbers and names in a sentence about the candidate's own record are not from the talk.
    ok += [
        c for c in cues.get("NUMBER", []) if _number_ok(doc, c.start) and not _near_any(doc, c, fit)
    ]
    caps = cues.get("CAPITALISED", [])
    if caps:
        greeting_end, signoff = _greeting_end(doc), _signoff_start(doc)
        ok += [
            c
            for c in caps
            if _capitalised_ok(doc, c.start, greeting_end, signoff) and not _near_any(doc, c, fit)
        ]
    return _evidence(doc, "specific_reference", ok)


def _near_any(doc: Doc, cue: Cue, others: list[Cue]) -> bool:
    return any(_same_sentence(doc, cue.start, other.start) for other in others)


def decide_all(doc: Doc, cues: Cues) -> tuple[dict[str, bool], list[EvidenceTuple]]:
    """All eight features and their evidence for one Doc."""
    evidence = (
        decide_gift(doc, cues)
        + decide_prewritten(doc, cues)
        + decide_handed(doc, cues)
        + decide_specific(doc, cues)
        + decide_fit(doc, cues)
        + decide_enthusiasm(doc, cues)
    )
    found = {e[0] for e in evidence}
    thanks = decide_thanks(doc, cues)
    if "specific_reference" not in found:
        evidence.append(("generic", "generic.no_specific_reference", 0, len(doc.text)))
    if thanks and "fit_argument" not in found:
        without_case = [c._replace(rule="thanks_only.thanks_without_case") for c in thanks]
        evidence += _evidence(doc, "thanks_only", without_case)
    evidence = list(dict.fromkeys(evidence))
    found = {e[0] for e in evidence}
    return {f: f in found for f in FEATURES}, evidence
