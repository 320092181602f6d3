"""PII guard: redact emails, phones, URLs, street addresses and names before anything is stored.

Notes are meant to arrive anonymized (DESIGN.md §3); this checks anyway. Every match is replaced by
a typed placeholder (``[EMAIL]``, ``[PHONE]``, ``[URL]``, ``[ADDRESS]``, ``[NAME]``) and the number
of replacements per type is recorded in ``pii_<type>`` columns.

Everything is a vectorised Polars expression over Rust regexes (no look-around, so context words
are kept with capture groups and ``${1}`` replacements). Names are only redacted in clear
positions: a greeting at the start of the note, a title before a surname, a sign-off at the end.
Placeholders never match any pattern, so redacting twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import polars as pl

PII_TYPES: tuple[str, ...] = ("email", "phone", "url", "address", "name")

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)

_PLACEHOLDER = {kind: f"[{kind.upper()}]" for kind in PII_TYPES}
_PLACEHOLDER_RE = r"\[(?:EMAIL|PHONE|URL|ADDRESS|NAME)\]"
# ASCII word boundary: a Unicode \b makes Rust's lazy DFA give up on any non-ASCII note and
# fall back to a ~20x slower engine.
_B = r"(?-u:\b)"

# --- emails and URLs -------------------------------------------------------------------------

_EMAIL = (
    r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"
    # obfuscated "jordan [at] mail [dot] com"
    r"|[\p{L}\p{N}._%+\-]+[ \t]?[\[(](?i:at)[\])][ \t]?[\p{L}\p{N}\-]+"
    r"(?:[ \t]?[\[(](?i:dot)[\])][ \t]?[\p{L}\p{N}\-]+)+"
)
# A URL ends on a character that cannot be sentence punctuation; brackets stop it so that
# "[URL]" and template placeholders next to it survive.
_URL_TAIL = r"""[^\s<>"'\[\]()]*[^\s<>"'\[\]().,;:!?]"""
# Bare domains only with common lowercase TLDs, so "Node.js", "ASP.NET" and "3.11" stay.
_TLDS = "com|org|net|io|dev|co|ai|app|edu|gov|info|me|uk|de|ca|au|nl|ly|tech|xyz"
_URL = (
    rf"(?i:{_B}(?:https?|ftp)://|{_B}www\.){_URL_TAIL}"
    rf"|{_B}(?:[\p{{L}}\p{{N}}](?:[\p{{L}}\p{{N}}\-]*[\p{{L}}\p{{N}}])?\.)+(?:{_TLDS}){_B}"
    rf"(?:/{_URL_TAIL})?"
)

# --- phones ----------------------------------------------------------------------------------

_SEP = r"[ .\-]"
_PHONE = (
    # international: "+44 20 7946 0958", "+1 415.555.0100", "+33 1 42 68 53 00"
    rf"\+[0-9]{{1,3}}{_SEP}?(?:\([0-9]{{1,4}}\){_SEP}?)?[0-9]{{1,4}}(?:{_SEP}?[0-9]{{2,4}}){{2,4}}{_B}"
    # North American: "(555) 123-4567", "555-123-4567", "1-800-555-0199"; 3-3-4 digits with
    # separators, so dates, times, years, versions and money never fit.
    rf"|(?:\+?{_B}1{_SEP}?)?(?:\([0-9]{{3}}\)[ ]?|{_B}[0-9]{{3}}{_SEP})"
    rf"[0-9]{{3}}{_SEP}[0-9]{{4}}{_B}"
)

# --- street addresses ------------------------------------------------------------------------

_STREET_SUFFIX = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Parkway|Pkwy"
    "|Way|Terrace|Circle|Cir|Highway|Hwy|Square|Sq|Loop|Trail|Alley|Plaza|Crescent"
)
_UNIT = rf"(?:Apt|Apartment|Suite|Ste|Unit)\.?[ \t]*#?[0-9]+[A-Za-z]?{_B}"
_ADDRESS = (
    rf"{_B}[0-9]{{1,6}}[A-Za-z]?[ \t]+"
    rf"(?:(?:\p{{Lu}}[\p{{L}}'’\-]*|[0-9]+(?:st|nd|rd|th))\.?[ \t]+){{1,4}}"
    rf"(?:{_STREET_SUFFIX}){_B}"
    rf"(?:\.?,?[ \t]*{_UNIT})?"
    # optional ", City, ST 12345"
    r"(?:,[ \t]*\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2},[ \t]*[A-Z]{2}[ \t]+[0-9]{5}"
    r"(?:-[0-9]{4})?)?"
    rf"|{_B}(?:Apt|Apartment|Suite|Ste)\.?[ \t]*#?[0-9]+[A-Za-z]?{_B}"
    rf"|{_B}P\.?[ \t]?O\.?[ \t]?Box[ \t]+[0-9]+{_B}"
)

# --- names -----------------------------------------------------------------------------------

# One capitalised name word of two letters or more: Zoë, José, Łukasz, O'Brien, Smith-Jones.
_NAME_WORD = r"\p{Lu}(?:['’]\p{Lu})?[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*"
_NAME_NEXT = rf"[ \t]+(?:\p{{Lu}}\.[ \t]*)?{_NAME_WORD}"  # allows a middle initial
_NAMES = rf"(?:\p{{Lu}}\.[ \t]*)?{_NAME_WORD}(?:{_NAME_NEXT}){{0,2}}"  # "N. Silva"
_TITLE = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor)"

_TITLED_NAME = rf"{_B}({_TITLE}\.?[ \t]+)(?:\p{{Lu}}\.[ \t]*)?{_NAME_WORD}(?:{_NAME_NEXT})?"

_GREETING_WORD = r"(?i:dear|hi|hello|hey|hiya|greetings|good[ \t]+(?:morning|afternoon|evening))"
# Several name words only when a delimiter follows ("Hi Sarah Kim,"); otherwise one word, so
# "Hi Sarah Thanks for..." keeps "Thanks".
_GREETING = (
    rf"\A(\s*(?:(?i:subject|re)[ \t]*:[^\n]*\n\s*)?{_GREETING_WORD}[ \t,]+(?:{_TITLE}\.?[ \t]+)?)"
    rf"(?:({_NAMES})([ \t]*(?:[,:;!.?\n—–\-]|\z))|({_NAME_WORD}))"
)

_SIGNOFF_WORD = (
    r"(?i:best(?:[ \t]+(?:regards|wishes))?|all[ \t]+the[ \t]+best"
    r"|(?:kind|warm|warmest)[ \t]+regards|regards|warmly|warm[ \t]+wishes"
    r"|(?:mit[ \t]+freundlichen|viele|liebe)[ \t]+grüßen?"
    r"|sincerely(?:[ \t]+yours)?|yours(?:[ \t]+(?:truly|sincerely))?"
    r"|respectfully|cordially|gratefully|with[ \t]+(?:gratitude|appreciation|thanks)"
    r"|many[ \t]+thanks|thanks(?:[ \t]+(?:again|so[ \t]+much))?"
    r"|thank[ \t]+you(?:[ \t]+(?:again|so[ \t]+much))?|cheers|take[ \t]+care|talk[ \t]+soon)"
)
_SIGNOFF = (
    r"("
    rf"(?:\A|\n|[.!?][ \t]+)[ \t]*{_SIGNOFF_WORD}[ \t]*[,!.:;]?[ \t]*(?:\r?\n[ \t]*)*"
    r"|(?:\A|\n)[ \t]*(?:—|–|--?|~)[ \t]*"
    # a short closing line ending in a comma ("Un cordial saludo,"), or a blank line
    r"|\n[^\n]{1,40},[ \t]*\n[ \t]*|\n[ \t]*\n[ \t]*"
    r"|[ \t](?:—|–|--)[ \t]*"
    r")"
    rf"({_NAMES})"
    # contact lines already redacted may follow the name
    rf"([ \t]*[.!]?(?:\s*{_PLACEHOLDER_RE}[.,]?)*\s*)\z"
)

# Greeting/sign-off targets that are not a person: "Hi Team", "Dear Hiring Manager", "Dear Ms."
_NOT_A_NAME = (
    rf"{_B}(?:team|all|everyone|everybody|there|folks|friends|sir|madam|hiring|manager|recruiter"
    r"|recruiting|committee|panel|colleagues|again|engineer|engineering|developer|designer"
    r"|analyst|director|department|hr|talent|people|company|inc|llc|ltd|corp|role|position"
    r"|candidate|applicant|interviewer|interviewers|staff|board|insert|name|firstname|surname|thanks|thank|you|cheers|regards|best|sincerely|yours|love|sent|soon|bye|ciao|looking|forward|hope|kind|warm|mr|mrs|ms|mx|miss|dr|prof"
    rf"|professor){_B}"
)


def _replace_all(pattern: str, replacement: str) -> Callable[[pl.Expr], pl.Expr]:
    return lambda text: text.str.replace_all(pattern, replacement)


def _replace_name_once(
    pattern: str, replacement: str, name_groups: tuple[int, ...]
) -> Callable[[pl.Expr], pl.Expr]:
    """Replace the single anchored match of `pattern` unless the captured name is a stop word."""

    def step(text: pl.Expr) -> pl.Expr:
        name = pl.coalesce([text.str.extract(pattern, group) for group in name_groups])
        is_person = name.is_not_null() & ~name.str.to_lowercase().str.contains(_NOT_A_NAME)
        return pl.when(is_person).then(text.str.replace(pattern, replacement)).otherwise(text)

    return step


# Order matters: emails before URLs (a bare domain is part of an email), both before phones
# (digits in paths), and titles before greetings so "Dear Ms. Alvarez" keeps "Ms.".
_STEPS: tuple[Callable[[pl.Expr], pl.Expr], ...] = (
    _replace_all(_EMAIL, _PLACEHOLDER["email"]),
    _replace_all(_URL, _PLACEHOLDER["url"]),
    _replace_all(_PHONE, _PLACEHOLDER["phone"]),
    _replace_all(_ADDRESS, _PLACEHOLDER["address"]),
    _replace_all(_TITLED_NAME, "${1}[NAME]"),
    _replace_name_once(_GREETING, "${1}[NAME]${3}", (2, 4)),
    _replace_name_once(_SIGNOFF, "${1}[NAME]${3}", (2,)),
)


def _count_column(kind: str) -> str:
    return f"pii_{kind}"


def _placeholder_count(text: pl.Expr, kind: str) -> pl.Expr:
    return text.str.count_matches(_PLACEHOLDER[kind], literal=True).fill_null(0).cast(pl.Int32)


def redact_text_column(notes: FrameT, column: str = "text") -> FrameT:
    """Return `notes` with `column` redacted and one Int32 ``pii_<type>`` count column per type.

    Counts are placeholders added per row: since no pattern can match inside a placeholder,
    counting them before and after is exact and cheaper than counting every regex twice.
    """
    if isinstance(notes, pl.DataFrame):
        # One lazy plan is ~1.5x faster than seven eager passes.
        return _redact_lazy(notes.lazy(), column).collect()
    return _redact_lazy(notes, column)


def _redact_lazy(notes: pl.LazyFrame, column: str) -> pl.LazyFrame:
    text = pl.col(column)
    before = [_placeholder_count(text, kind).alias(_count_column(kind)) for kind in PII_TYPES]
    redacted = notes.with_columns(*before)
    for step in _STEPS:
        redacted = redacted.with_columns(step(text).alias(column))
    return redacted.with_columns(
        (_placeholder_count(text, kind) - pl.col(_count_column(kind)))
        .clip(lower_bound=0)
        .cast(pl.Int32)
        .alias(_count_column(kind))
        for kind in PII_TYPES
    )


def redact_text(text: str) -> tuple[str, dict[str, int]]:
    """Redact one string; returns the redacted text and the count per PII type."""
    frame = redact_text_column(pl.DataFrame({"text": [text]}, schema={"text": pl.String}))
    row = frame.row(0, named=True)
    return row["text"], {kind: row[_count_column(kind)] for kind in PII_TYPES}
