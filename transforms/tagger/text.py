"""HTML stripping that keeps a map back to the original character offsets.

Notes pasted from mail clients may carry HTML. Tags, comments, <script>/<style> blocks are
removed (block tags become a newline so sentences do not run together) and entities decoded;
``OffsetMap`` maps every position of the clean text back to the original text, so evidence spans
found on the clean text index the original text. Template placeholders written with angle
brackets (``<<Role>>``, ``<Company Name>``) are not HTML tag names and are kept.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

_INLINE = (
    "a|abbr|b|code|em|font|i|img|small|span|strong|sub|sup|u|o:p|wbr|del|ins|mark|q|cite|s|"
    "strike|tt|big|label|input|button|meta|link|source|picture"
)
_BLOCK = (
    "blockquote|body|br|center|div|h[1-6]|head|hr|html|li|ol|p|pre|table|tbody|td|th|thead|"
    "title|tr|ul|section|article|header|footer|nav|form|main|figure|figcaption|dl|dt|dd|"
    "caption|col|colgroup"
)
_HTML = re.compile(
    r"(?P<drop><!--.*?-->|<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>)"
    r"|(?<!<)(?P<block></?(?:" + _BLOCK + r")\b(?:\s[^<>]*)?/?>)(?!>)"
    r"|(?<!<)(?P<inline></?(?:" + _INLINE + r")\b(?:\s[^<>]*)?/?>)(?!>)"
    r"|(?P<entity>&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});)",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map clean -> original: (clean_start, original_start) for each kept segment."""

    clean_starts: tuple[int, ...]
    original_starts: tuple[int, ...]
    original_length: int

    def to_original(self, clean_pos: int) -> int:
        k = bisect_right(self.clean_starts, clean_pos) - 1
        if k < 0:
            return clean_pos
        return min(self.original_starts[k] + clean_pos - self.clean_starts[k], self.original_length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a clean span [start, end)."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end - 1) + 1


def strip_html(text: str) -> tuple[str, OffsetMap | None]:
    """Clean text and its offset map; (text, None) when there is nothing to strip."""
    if "<" not in text and "&" not in text:
        return text, None
    pieces: list[str] = []
    clean_starts: list[int] = []
    original_starts: list[int] = []
    clean_len = 0
    last = 0

    def keep(segment: str, original_start: int) -> None:
        nonlocal clean_len
        if segment:
            clean_starts.append(clean_len)
            original_starts.append(original_start)
            pieces.append(segment)
            clean_len += len(segment)

    for m in _HTML.finditer(text):
        keep(text[last : m.start()], last)
        if m.group("block"):
            keep("\n", m.start())
        elif m.group("entity"):
            char = html.unescape(m.group(0))[:1]
            # &nbsp; must not split a phrase into two tokens around a whitespace token.
            keep(" " if char.isspace() else char, m.start())
        last = m.end()
    if last == 0:
        return text, None
    keep(text[last:], last)
    return "".join(pieces), OffsetMap(tuple(clean_starts), tuple(original_starts), len(text))


# Where a quoted earlier message starts: "On Tue 4 Mar 2025 at 09:15, [NAME] <[EMAIL]> wrote:",
# "-----Original Message-----", or a line starting with ">". (A forwarded message is kept:
# it is usually the writer's own note.)
_QUOTED_REPLY = re.compile(
    r"^[ \t]*(?:On\b[^\n]{4,160}\bwrote:|-{2,}[ \t]*Original Message[ \t]*-{2,}|>)",
    re.MULTILINE | re.IGNORECASE,
)


def own_words_end(text: str) -> int:
    """Where the writer's own words end: before a quoted earlier message (the interviewer's
    "looking forward to meeting you" is not the candidate's), or len(text)."""
    m = _QUOTED_REPLY.search(text)
    if m is None or not any(ch.isalpha() for ch in text[: m.start()]):
        return len(text)
    return m.start()
