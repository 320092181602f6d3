"""The rule-based spaCy tagger for the five mistakes and three positive signals (DESIGN.md §1).

The pipeline is ``spacy.blank("en")`` plus the components in ``components.py``, assembled from
``tagger.cfg``; rule sets live in ``rules.py`` (registered, versioned names) and the decisions in
``decide.py``. ``TAGGER_VERSION`` hashes the config and the rule code, so any rule change gives a
new version.

Decisions worth knowing:

* Non-English notes (``language.detect_language``) get every text feature ``None``: the rules
  are English and must not guess.
* Empty or letter-less notes get language "und" and are tagged like any English note: nothing in
  them is specific, so ``generic`` is True; they do not thank, so ``thanks_only`` is False; all
  other features are False.
* HTML is stripped before tagging; evidence offsets always index the original text.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.contract import FEATURES
from transforms.tagger import rules as _rules  # noqa: F401  (registers rule sets)
from transforms.tagger.components import TEXT_KEY, CueMatcher, FeatureDecider, Norms
from transforms.tagger.decide import decide_all
from transforms.tagger.language import detect_language
from transforms.tagger.text import OffsetMap, own_words_end, strip_html

_HERE = Path(__file__).parent
CONFIG_PATH = _HERE / "tagger.cfg"
# The metadata rules (sent early, enclosure, hand-over) live beside the tagger, in note_tags.py.
_RULE_FILES = ("tagger.cfg", "rules.py", "decide.py", "components.py", "language.py", "text.py",
               "../note_tags.py")  # fmt: skip
_RULES_MAJOR = 1
_TAGGED_LANGUAGES = frozenset({"en", "und"})
# Texts tagged together: the regex rules scan a batch at once; its Docs are held meanwhile.
_BATCH = 1000


def tagger_version(directory: Path = _HERE) -> str:
    """ "rules-<major>+<sha8>" over the config and rule code (text and metadata rules): any rule
    change, a new version."""
    digest = hashlib.sha256()
    for name in _RULE_FILES:
        digest.update(name.encode())
        digest.update((directory / name).read_bytes().replace(b"\r\n", b"\n"))
    return f"rules-{_RULES_MAJOR}+{digest.hexdigest()[:8]}"


TAGGER_VERSION: str = tagger_version()


class Evidence(NamedTuple):
    feature: str
    rule: str
    start: int
    end: int


class TextTags(NamedTuple):
    language: str
    features: dict[str, bool | None]
    evidence: tuple[Evidence, ...]


# The compact form of one text's tags, cheap to build and to send back from a worker process:
# (language, features in FEATURES order or None when not tagged, evidence as plain tuples).
CompactTags = tuple[str, tuple[bool, ...] | None, tuple[tuple[str, str, int, int], ...]]


_UNKNOWN: dict[str, bool | None] = dict.fromkeys(FEATURES)


class Tagger:
    """Wraps the spaCy pipeline: language detection, HTML stripping, tagging."""

    def __init__(self, nlp: Language, version: str = TAGGER_VERSION) -> None:
        self.nlp = nlp
        self.version = version
        self._components = [proc for _, proc in nlp.pipeline]
        self._cues = next((p for p in self._components if isinstance(p, CueMatcher)), None)
        # The components' work without the Doc extensions, when the pipeline is the usual one.
        self._direct = self._cues is not None and all(
            isinstance(p, (CueMatcher, FeatureDecider, Norms)) for p in self._components
        )

    def tag_text(self, text: str) -> TextTags:
        return self.tag_texts([text])[0]

    def tag_texts(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 1000
    ) -> list[TextTags]:
        """Tags for each text, in order (see ``tag_compact`` for the arguments)."""
        compact = self.tag_compact(texts, n_process=n_process, batch_size=batch_size)
        with _no_gc():
            return [_text_tags(c) for c in compact]

    def tag_compact(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 1000
    ) -> list[CompactTags]:
        """Tags for each text, in order, as plain tuples (``CompactTags``).

        ``n_process > 1`` splits the texts over worker processes when there are at least
        ``2 * batch_size`` of them (below that, starting workers costs more than it saves).
        """
        texts = [t if isinstance(t, str) else "" for t in texts]
        if n_process > 1 and len(texts) >= 2 * batch_size:
            return self._tag_parallel(texts, n_process)
        return self._tag_serial(texts)

    def _tag_serial(self, texts: Sequence[str]) -> list[CompactTags]:
        out: list[CompactTags] = []
        with _no_gc():
            for start in range(0, len(texts), _BATCH):
                out += self._tag_batch(texts[start : start + _BATCH])
        return out

    def _tag_batch(self, texts: Sequence[str]) -> list[CompactTags]:
        """Tags of a batch of texts: the cue matcher sees the batch at once (see
        ``CueMatcher.find_many``)."""
        languages = list(map(detect_language, texts))
        out: list[CompactTags] = [(language, None, ()) for language in languages]
        todo = [i for i, language in enumerate(languages) if language in _TAGGED_LANGUAGES]
        stripped = [strip_html(texts[i]) for i in todo]
        # A quoted earlier message is left out; evidence offsets stay valid (a prefix is kept).
        cleans = [clean[: own_words_end(clean)] for clean, _ in stripped]
        if self._direct:
            assert self._cues is not None
            docs = [self._make_doc(clean) for clean in cleans]
            all_cues = self._cues.find_many(docs, cleans)
            decided = list(map(decide_all, cleans, all_cues))
        else:
            decided = []
            for clean in cleans:
                doc = self._process(clean)
                features = tuple(doc._.followup_features[f] for f in FEATURES)
                decided.append((features, doc._.followup_evidence))
        for i, (_, offsets), (features, evidence) in zip(todo, stripped, decided, strict=True):
            if offsets is not None:
                evidence = _to_original(evidence, offsets, len(texts[i]))
            out[i] = (languages[i], features, tuple(evidence))
        return out

    def _make_doc(self, text: str) -> Doc:
        """The tokenized text, long punctuation runs blanked first (see ``_tokenizable``)."""
        return self.nlp.make_doc(_tokenizable(text))

    def _process(self, text: str) -> Doc:
        """Run the pipeline on one text: ``nlp(text)`` without the generator chain of
        ``nlp.pipe`` (none of the components batches)."""
        doc = self._make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the regex rules need the text; spare rebuilding it
        for proc in self._components:
            doc = proc(doc)
        return doc

    def _tag_parallel(self, texts: list[str], n_process: int) -> list[CompactTags]:
        """Contiguous chunks tagged in a pool of worker processes created once per tagger.

        The pool is forked where possible, so each worker inherits the loaded tagger; workers
        send back compact tuples, cheap to pickle.
        """
        n_chunks = n_process * 4
        size = -(-len(texts) // n_chunks)
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        out: list[CompactTags] = []
        pool = _pool(self, n_process)  # forked before the GC pause: workers keep their GC
        with _no_gc():
            for part in pool.map(_tag_chunk, chunks):
                out += part
        return out


# spaCy's tokenizer splits a run of punctuation one character at a time, re-scanning the rest:
# 20,000 "[" (or "_") took 30 s. Such runs are blanked (same length, so offsets hold) for the
# tokenizer only; the regex rules and decisions still read the text as written.
_PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_){30,}")


def _tokenizable(text: str) -> str:
    """The text with long punctuation runs blanked; short texts (most notes) are left as they
    are, as the tokenizer's cost on them stays small whatever they hold."""
    if len(text) < _LONG_TEXT:
        return text
    return _PUNCTUATION_RUN.sub(_blank, text)


_LONG_TEXT = 500


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _to_original(
    evidence: list[tuple[str, str, int, int]], offsets: OffsetMap, length: int
) -> list[tuple[str, str, int, int]]:
    """Evidence spans in the text before HTML stripping; "generic" points at the whole note,
    whatever HTML it carried."""
    return [
        (f, rule, 0, length) if f == "generic" else (f, rule, *offsets.span(start, end))
        for f, rule, start, end in evidence
    ]


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: tagging makes many short-lived tuples and no
    cycles (reference counting frees them), yet each collection would scan the whole
    pipeline's objects (~9% of the tagging time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _pool(tagger: Tagger, n_process: int) -> ProcessPoolExecutor:
    """The worker pool for this tagger and size, started on first use and kept until exit."""
    global _POOL, _WORKER_TAGGER
    key = (id(tagger), n_process)
    if _POOL is None or _POOL[0] != key:
        if _POOL is not None:
            _POOL[1].shutdown()
        _WORKER_TAGGER = tagger
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        _POOL = (key, ProcessPoolExecutor(n_process, mp_context=context))
        _POOL[1].map(int, range(n_process))  # start (fork) the workers now, with the tagger
    return _POOL[1]


_WORKER_TAGGER: Tagger | None = None
_POOL: tuple[tuple[int, int], ProcessPoolExecutor] | None = None


def stop_workers() -> None:
    """End the worker processes of parallel tagging, if any are running: idle, they still hold
    their memory (about 200 MiB each after a million notes). The next parallel call starts new
    ones."""
    global _POOL, _WORKER_TAGGER
    if _POOL is not None:
        _POOL[1].shutdown()
        _POOL = _WORKER_TAGGER = None


# The named tuples built by tuple.__new__ directly: their Python-level __new__ / _make cost more
# than the rest of the conversion (the compact tuples always have the right length).
_EVIDENCE = partial(tuple.__new__, Evidence)
_TEXT_TAGS = partial(tuple.__new__, TextTags)


def _text_tags(compact: CompactTags) -> TextTags:
    language, features, evidence = compact
    if features is None:
        return TextTags(language, dict(_UNKNOWN), ())
    return _TEXT_TAGS(
        (language, dict(zip(FEATURES, features, strict=True)), tuple(map(_EVIDENCE, evidence)))
    )


def _tag_chunk(texts: list[str]) -> list[CompactTags]:
    """Worker entry point: a forked worker reuses the parent's tagger, a spawned one loads it."""
    tagger = _WORKER_TAGGER or load_tagger()
    return tagger._tag_serial(texts)


def build_nlp(config_path: Path = CONFIG_PATH) -> Language:
    """The spaCy Language built from the config file (no model download, blank English)."""
    config = spacy.util.load_config(config_path)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@cache
def load_tagger() -> Tagger:
    """The tagger built from ``tagger.cfg``; cached per process."""
    return Tagger(build_nlp(), TAGGER_VERSION)


__all__ = [
    "TAGGER_VERSION",
    "CompactTags",
    "Evidence",
    "Tagger",
    "TextTags",
    "detect_language",
    "load_tagger",
    "stop_workers",
    "tagger_version",
]
