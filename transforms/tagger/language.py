"""A fast language guess from stop-word counts (spaCy's shipped stop-word lists).

English scores the note's words found in its stop-word list; every other language scores its
stop words that are not English ones (so "a", "i" or "me" do not count for it), plus a few
thank-you words. English wins unless another language clearly scores higher. Text with no
letters is "und" (undetermined).

Text written mostly in another script (Cyrillic, Greek, Arabic, Devanagari, CJK, ...) is not
English whatever its words: its language is the script's candidate with most stop words, or the
script's first candidate ("ru" for Cyrillic without a stop word, say).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
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
    "pl": {"dziękuję", "dziekuje", "rozmowę", "rozmowe", "pozdrawiam", "dzień", "dobry"},
    "ro": {"mulțumesc", "mulţumesc", "multumesc", "interviu", "stimă", "bună", "buna"},
    "cs": {"děkuji", "dekuji", "pohovor", "pozdravem", "dobrý"},
    "sk": {"ďakujem", "dakujem", "pohovor", "pozdravom", "dobrý"},
    "sv": {"tack", "hälsningar", "intervjun", "vänliga"},
    "da": {"tak", "hilsen", "samtalen", "venlig"},
    "nb": {"takk", "hilsen", "intervjuet", "vennlig"},
    "fi": {"kiitos", "haastattelusta", "terveisin", "ystävällisin"},
    "hu": {"köszönöm", "koszonom", "interjút", "üdvözlettel", "tisztelettel"},
    "tr": {"teşekkür", "tesekkur", "ederim", "görüşme", "saygılarımla"},
    "hr": {"hvala", "razgovor", "pozdrav", "lijep"},
    "sl": {"hvala", "razgovor", "pozdrav", "lep"},
    "ca": {"gràcies", "gracies", "entrevista", "salutacions"},
    "id": {"terima", "kasih", "wawancara", "hormat"},
    "tl": {"salamat", "po", "panayam"},
    "vi": {"cảm", "ơn", "phỏng", "vấn"},
    "af": {"dankie", "onderhoud", "groete", "baie"},
    "sq": {"faleminderit", "intervistën", "përshëndetje"},
    "lt": {"ačiū", "aciu", "pokalbį", "pagarbiai"},
    "lv": {"paldies", "intervijas", "cieņu"},
    "et": {"aitäh", "aitah", "intervjuu", "lugupidamisega"},
}
# Informal English that other languages list as stop words ("Hi Ana, thx 4 da chat": not French)
_ENGLISH_INFORMAL = frozenset(
    {"hi", "hey", "ok", "okay", "da", "ya", "yo", "u", "ur", "thx", "pls", "plz", "ta", "x", "xx",
     "lol"}
)  # fmt: skip
# Languages added beyond the first six score only their stop words of three letters or more:
# their short ones ("ja", "se", "na", single letters) also turn up in English notes.
_LONG_WORDS_ONLY = frozenset(_THANKS) - {"es", "fr", "de", "pt", "it", "nl"}
# The languages of each script other than Latin, by the first word of a letter's Unicode name;
# the first is the answer when none of their stop words occurs.
_SCRIPTS = {
    "CYRILLIC": ("ru", "uk", "bg", "sr", "mk"),
    "GREEK": ("el",),
    "ARABIC": ("ar", "fa", "ur"),
    "HEBREW": ("he",),
    "DEVANAGARI": ("hi",),  # (its vowel signs split words: stop words cannot tell hi/mr/ne)
    "BENGALI": ("bn",),
    "GUJARATI": ("gu",),
    "TAMIL": ("ta",),
    "TELUGU": ("te",),
    "KANNADA": ("kn",),
    "MALAYALAM": ("ml",),
    "SINHALA": ("si",),
    "THAI": ("th",),
    "HANGUL": ("ko",),
    "HIRAGANA": ("ja",),
    "KATAKANA": ("ja",),
    "CJK": ("zh",),
    "ARMENIAN": ("hy",),
    "ETHIOPIC": ("am",),
}
# Words no other supported language uses: three of them early on settle it (the common case).
_ENGLISH_QUICK = re.compile(r"\b(?:the|you|your|thank|thanks|and|for|with|this|was)\b", re.I)
# The same for lower-cased ASCII text, where the two agree: scanned about twice as fast.
_ENGLISH_QUICK_LOWER = re.compile(_ENGLISH_QUICK.pattern)


@cache
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
        words = set(_stop_words(code)) - english
        if code in _LONG_WORDS_ONLY:
            words = {w for w in words if len(w) >= 3}
        sets[code] = (words - _ENGLISH_INFORMAL) | thanks
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
    if not text.isascii() and (script := _other_script(words)) is not None:
        return script
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


def _other_script(words: list[str]) -> str | None:
    """The language of words written mostly in a script other than Latin, else None."""
    letters = "".join(words)
    latin = sum(ch < "\u0250" for ch in letters)  # Basic Latin to Latin Extended-B
    if latin * 2 >= len(letters):
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        if ch >= "\u0250":
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            scripts[script] = scripts.get(script, 0) + 1
    candidates = _SCRIPTS.get(max(scripts, key=scripts.__getitem__), ())
    if not candidates:
        return "und"
    if len(candidates) == 1:
        return candidates[0]
    found = [sum(word in _stop_words(code) for word in words) for code in candidates]
    return candidates[found.index(max(found))]


def _looks_english(text: str) -> bool:
    """Three quick English words in the first 200 characters (the scan stops at the third)."""
    if text.isascii():
        found = _ENGLISH_QUICK_LOWER.finditer(text[:200].lower())
    else:
        found = _ENGLISH_QUICK.finditer(text, 0, 200)
    return len(list(islice(found, 3))) == 3
