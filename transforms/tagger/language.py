"""A fast language guess from stop-word counts (spaCy's shipped stop-word lists).

English scores the note's words found in its stop-word list; every other language scores its
stop words that are not English ones (so "a", "i" or "me" do not count for it), plus a few
thank-you words. English wins unless another language clearly scores higher. Text with no
letters is "und" (undetermined).
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from itertools import islice
from pathlib import Path

import spacy

_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 40
_MAX_CHARS = 300
_THANKS = {
    "es": {"gracias", "saludos", "entrevista", "atentamente", "oportunidad", "agradezco"},
    "fr": {"merci", "cordialement", "entretien", "remercie", "opportunité", "bonjour"},
    "de": {"danke", "vielen", "grüßen", "gespräch", "herzlichen", "freundlichen"},
    "pt": {"obrigado", "obrigada", "entrevista", "atenciosamente", "oportunidade"},
    "it": {"grazie", "colloquio", "cordiali", "saluti", "opportunità"},
    "nl": {"bedankt", "dank", "gesprek", "groeten", "hartelijk"},
}
# Words no other supported language uses: three of them early on settle it (the common case).
_ENGLISH_QUICK = re.compile(r"\b(?:the|you|your|thank|thanks|and|for|with|this|was)\b", re.I)
# The same for lower-cased ASCII text, where the two agree: scanned about twice as fast.
_ENGLISH_QUICK_LOWER = re.compile(_ENGLISH_QUICK.pattern)


def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for a language, read from their module file alone: importing the
    language package would also load its tokenizer exceptions (seconds for French)."""
    path = Path(spacy.__file__).parent / "lang" / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_followup_stop_words_{code}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages it counts for (one dict look-up per word when scoring)."""
    english = _stop_words("en")
    sets = {"en": set(english)}
    for code, thanks in _THANKS.items():
        sets[code] = (set(_stop_words(code)) - english) | thanks
    index: dict[str, list[str]] = {}
    for code, words in sets.items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the note's language: en, es, fr, de, pt, it, nl, or "und".

    Ties and notes without any stop word (e.g. "thx!!") are English: the corpus is English and a
    short English note must not lose its tags. A non-English language must beat English.
    """
    if _looks_english(text):
        return "en"
    words = _WORD.findall(text[:_MAX_CHARS].lower())[:_MAX_WORDS]
    if not words:
        return "und"
    scores = dict.fromkeys(("en", *_THANKS), 0)
    index = _languages_of_word()
    for word in words:
        for code in index.get(word, ()):
            scores[code] += 1
    best = max(scores, key=lambda code: (scores[code], code == "en"))
    if best != "en" and scores[best] >= 2 and scores[best] > 1.5 * scores["en"]:
        return best
    if best != "en" and scores["en"] == 0 and len(words) <= 4 and set(words) & _THANKS[best]:
        return best
    return "en"


def _looks_english(text: str) -> bool:
    """Three quick English words in the first 200 characters (the scan stops at the third)."""
    if text.isascii():
        found = _ENGLISH_QUICK_LOWER.finditer(text[:200].lower())
    else:
        found = _ENGLISH_QUICK.finditer(text, 0, 200)
    return len(list(islice(found, 3))) == 3
