"""spaCy components of the follow-up tagger, assembled by ``tagger.cfg``.

* ``followup_norms``: writes the misspelling table into lexeme NORMs once, at construction, so
  that every phrase rule matching on NORM sees "recieve" as "receive" at no per-token cost.
* ``followup_cues``: runs all rule sets (one PhraseMatcher on NORM, regexes on the text) and
  stores the hits as ``Doc._.followup_cues`` (label -> list of Cue, in character offsets).
* ``followup_features``: turns cues into features and evidence (``decide.py``) and stores them
  as ``Doc._.followup_features`` and ``Doc._.followup_evidence``.

Callers that hold the text may put it in ``doc.user_data[TEXT_KEY]`` (the Tagger does) to spare
rebuilding ``Doc.text`` from the tokens.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import partial
from importlib.metadata import version
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import hyperscan
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NORM
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from transforms.contract import FEATURES
from transforms.tagger.decide import Cue, Cues, decide_all
from transforms.tagger.rules import Rule

for _name in ("followup_cues", "followup_features", "followup_evidence"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

TEXT_KEY = "followup_text"
# Cues kept per label and note, in text order. Some decisions pair cues (a gift item with a
# delivery cue in its sentence), so a note repeating "I sent flowers." a thousand times would
# cost a million checks; real notes have a handful of cues per label.
MAX_CUES_PER_LABEL = 64


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


class Norms:
    """No-op at run time: the work is done once on the shared vocab."""

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("followup_norms", default_config={"table": {}})
def make_norms(nlp: Language, name: str, *, table: dict[str, str]) -> Norms:
    for word, norm in table.items():
        for form in {word, word.capitalize(), word.upper()}:
            nlp.vocab[form].norm_ = norm
    # Tokenizer exceptions carry their own NORM, which wins over the lexeme's: "I'd" splits
    # into "I" + "'d" with the norm "'d", so without this "I'd love to" never meets a phrase
    # written "i would love to".
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer) and tokenizer.rules:
        rules = tokenizer.rules
        if any(token.get(NORM) in table for tokens in rules.values() for token in tokens):
            tokenizer.rules = {
                text: [{**token, NORM: table.get(token[NORM], token[NORM])} if NORM in token
                       else token for token in tokens]
                for text, tokens in rules.items()
            }  # fmt: skip
    return Norms()


class _RegexRule(NamedTuple):
    label: str
    rule: str
    regex: re.Pattern[str]
    # The IGNORECASE regex without the flag, for lower-cased ASCII text (where the two agree):
    # the regex engine scans that two to three times faster.
    folded: re.Pattern[str] | None
    group: int | str  # of the cue span
    needs: frozenset[str]
    also: frozenset[str]
    after: str


class CueMatcher:
    """All phrase rules in one PhraseMatcher (NORM), and the regex rules."""

    def __init__(self, nlp: Language, rule_sets: dict[str, list[Rule]]) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.regexes: list[_RegexRule] = []
        phrase_groups: dict[str, list[str]] = defaultdict(list)
        for rules in rule_sets.values():
            for rule in rules:
                if isinstance(rule.pattern, str):
                    phrase_groups[f"{rule.label}|{rule.name}"].append(rule.pattern)
                else:
                    self.regexes.append(_regex_rule(rule, rule.pattern))
        for key, phrases in phrase_groups.items():
            self.phrases.add(key, [nlp.make_doc(phrase) for phrase in phrases])
        self.keys = {nlp.vocab.strings[k]: tuple(k.split("|", 1)) for k in phrase_groups}
        self._prefilter = _Prefilter(self.regexes)
        self._literals = _automaton({w for r in self.regexes for w in (*r.needs, *r.also)})
        # literal -> the regex rules (by index) that need it
        self._needing: dict[str, list[int]] = defaultdict(list)
        for index, regex_rule in enumerate(self.regexes):
            for literal in regex_rule.needs:
                self._needing[literal].append(index)

    def __call__(self, doc: Doc) -> Doc:
        doc._.followup_cues = self.find_many([doc], [doc_text(doc)])[0]
        return doc

    def find_many(self, docs: Sequence[Doc], texts: Sequence[str]) -> list[Cues]:
        """The cues of each Doc (whose text is the matching entry of `texts`), by label.

        The Tagger's hot path. Phrases are matched per Doc; each regex runs once over the
        joined texts that may match it (see ``_candidates`` and ``_regex_hits``), which spares a
        Python-level call per rule and Doc.
        """
        all_cues = [self._phrase_cues(doc) for doc in docs]
        lowers = [text.lower() for text in texts]
        ascii = [text.isascii() for text in texts]
        candidates, present = self._candidates(texts, lowers, ascii)
        for (label, rule, regex, folded, group, _, also, after), maybe in zip(
            self.regexes, candidates, strict=True
        ):
            if after:
                maybe = [i for i in maybe if after in all_cues[i]]
            if also:  # (the prefilter already checked the ASCII texts)
                chosen = [i for i in maybe if i not in present or not also.isdisjoint(present[i])]
            else:
                chosen = maybe
            if not chosen:
                continue
            if folded is None:
                hits = _regex_hits(regex, group, [texts[i] for i in chosen], chosen)
            else:
                plain = [i for i in chosen if ascii[i]]
                hits = _regex_hits(folded, group, [lowers[i] for i in plain], plain)
                if len(plain) < len(chosen):
                    other = [i for i in chosen if not ascii[i]]
                    hits += _regex_hits(regex, group, [texts[i] for i in other], other)
            for i, start, end in hits:
                cue = _CUE((label, rule, start, end))
                found = all_cues[i].get(label)
                if found is None:
                    all_cues[i][label] = [cue]
                else:
                    found.append(cue)
        for cues in all_cues:
            for label, found in cues.items():
                if len(found) > 1:
                    cues[label] = _longest(found)[:MAX_CUES_PER_LABEL]
        return all_cues

    def _phrase_cues(self, doc: Doc) -> Cues:
        cues: Cues = {}
        keys = self.keys
        for match_id, start, end in self.phrases(doc):
            label, rule = keys[match_id]
            last = doc[end - 1]
            cue = _CUE((label, rule, doc[start].idx, last.idx + len(last)))
            found = cues.get(label)
            if found is None:
                cues[label] = [cue]
            else:
                found.append(cue)
        return cues

    def _candidates(
        self, texts: Sequence[str], lowers: list[str], ascii: list[bool]
    ) -> tuple[list[list[int]], dict[int, set[str]]]:
        """For each regex rule, the texts it may match, in order; and the rules' literals found
        in each non-ASCII text.

        An ASCII text goes to the rules the prefilter flags for it. The others go to the rules
        without literals and to those whose literal they hold.
        """
        candidates: list[list[int]] = [[] for _ in self.regexes]
        unfiltered = [index for index, r in enumerate(self.regexes) if not r.needs]
        present: dict[int, set[str]] = {}
        flagged = self._prefilter.flagged
        automaton, needing = self._literals, self._needing
        for i, text in enumerate(texts):
            if ascii[i]:
                indices: Iterable[int] = flagged(text)
            else:
                found = set(map(_second, automaton.iter(lowers[i]))) if automaton else set()
                present[i] = found
                indices = {index for literal in found for index in needing.get(literal, ())}
                indices.update(unfiltered)
            for index in indices:
                candidates[index].append(i)
        return candidates, present


class _Prefilter:
    """Which regex rules may match an ASCII text, from one Hyperscan scan for all of them.

    Each rule is compiled in Hyperscan's prefilter mode, which may report a match that the
    regex would not make but never misses one (look-arounds are widened, for instance); the
    rule's own regex then runs only on the texts flagged for it. Python's and Hyperscan's
    character classes agree on ASCII text only, so other texts are not prefiltered.
    """

    def __init__(self, rules: list[_RegexRule], cache_dir: Path | None = None) -> None:
        self._local = threading.local()  # a scan's scratch space is one thread's at a time
        self._database = _prefilter_database(rules, cache_dir or _cache_dir()) if rules else None

    def flagged(self, text: str) -> list[int]:
        """Indices of the rules that may match `text` (ASCII), each once."""
        found: list[int] = []
        if self._database is not None:
            self._database.scan(
                text.encode(), match_event_handler=_collect, context=found, scratch=self._scratch()
            )
        return found

    def _scratch(self) -> hyperscan.Scratch:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self._database)
        return scratch


# Prefilter mode may report a text the regex does not match, never the reverse; one report per
# rule and text is all the decision needs.
_PREFILTER = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH


def _prefilter_database(rules: list[_RegexRule], cache_dir: Path) -> hyperscan.Database:
    """The rules compiled for the prefilter, or the copy saved by an earlier process: compiling
    takes about 0.4 s of CPU, loading well under a millisecond."""
    flags = [_PREFILTER | _caseless(rule) for rule in rules]
    expressions = [rule.regex.pattern.encode() for rule in rules]
    key = hashlib.sha256(repr((version("hyperscan"), expressions, flags)).encode()).hexdigest()
    saved = cache_dir / f"prefilter-{key[:20]}.hsdb"
    try:
        # Hyperscan checks the header and the CPU it was compiled for, and refuses a mismatch.
        return hyperscan.loadb(saved.read_bytes(), hyperscan.HS_MODE_BLOCK)
    except (OSError, hyperscan.error):
        pass
    database = hyperscan.Database()
    try:
        database.compile(
            expressions=expressions, ids=list(range(len(rules))), elements=len(rules), flags=flags
        )
    except hyperscan.error:
        for rule, expression, flag in zip(rules, expressions, flags, strict=True):
            try:
                hyperscan.Database().compile(expressions=[expression], flags=[flag])
            except hyperscan.error as error:
                raise ValueError(f"rule {rule.rule}: no prefilter pattern: {error}") from error
        raise
    try:  # written whole, then renamed: a reader never sees half a file
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = saved.with_name(f"{saved.name}.{os.getpid()}.tmp")
        partial.write_bytes(hyperscan.dumpb(database))
        partial.replace(saved)
    except OSError:
        pass  # a read-only home: compile again next time
    return database


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "followup"


def _caseless(rule: _RegexRule) -> int:
    return hyperscan.HS_FLAG_CASELESS if rule.regex.flags & re.IGNORECASE else 0


def _collect(index: int, start: int, end: int, flags: int, found: object) -> None:
    found.append(index)  # type: ignore[attr-defined]  # the list that `flagged` passes


# Joins the texts one regex scans at once. A line break before a text reads like its start to the
# rule patterns (\b, look-aheads; they have no look-behinds); a match reaching into the separator
# would not be a match of one text alone, and sends the rule back to scanning text by text.
_SEPARATOR = "\n\x00\n"


def _regex_hits(
    regex: re.Pattern[str], group: int | str, texts: list[str], owners: list[int]
) -> list[tuple[int, int, int]]:
    """(owner, start, end) of every match of `regex` in each text, in text order, as
    ``finditer`` on each text alone finds them, from one scan of the joined texts."""
    if len(texts) > 1:
        starts = list(accumulate((len(t) + len(_SEPARATOR) for t in texts), initial=0))
        hits = []
        for m in regex.finditer(_SEPARATOR.join(texts)):
            k = bisect_right(starts, m.start()) - 1
            offset = starts[k]
            if m.end() > offset + len(texts[k]):
                break
            start, end = m.span(group)
            hits.append((owners[k], start - offset, end - offset))
        else:
            return hits
    return [
        (owner, *m.span(group))
        for text, owner in zip(texts, owners, strict=True)
        for m in regex.finditer(text)
    ]


def _regex_rule(rule: Rule, regex: re.Pattern[str]) -> _RegexRule:
    folded = None
    if regex.flags & re.IGNORECASE:
        folded = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
    group = "cue" if "cue" in regex.groupindex else 0
    return _RegexRule(rule.label, rule.name, regex, folded, group, frozenset(rule.needs),
                      frozenset(rule.also), rule.after)  # fmt: skip


def _automaton(literals: set[str]) -> ahocorasick.Automaton | None:
    """An Aho-Corasick automaton finding all the literals (overlapping too) in one pass: the
    rules' literal pre-checks cost a third of this as separate `in` tests."""
    if not literals:
        return None
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


_second = itemgetter(1)
# Cues built by tuple.__new__ directly: the named tuple's Python-level __new__ costs more.
_CUE = partial(tuple.__new__, Cue)


def _longest(cues: list[Cue]) -> list[Cue]:
    """Drop cues lying inside a longer cue of the same label (optional words match twice)."""
    if len(cues) < 2:
        return cues
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.start, c.start - c.end)):
        if not kept or cue.end > kept[-1].end:
            kept.append(cue)
    return kept


@Language.factory("followup_cues", default_config={"rule_sets": {}})
def make_cues(nlp: Language, name: str, *, rule_sets: dict[str, Any]) -> CueMatcher:
    return CueMatcher(nlp, rule_sets)


class FeatureDecider:
    def __call__(self, doc: Doc) -> Doc:
        features, evidence = decide_all(doc_text(doc), doc._.followup_cues or {})
        doc._.followup_features = dict(zip(FEATURES, features, strict=True))
        doc._.followup_evidence = evidence
        return doc


@Language.factory("followup_features")
def make_features(nlp: Language, name: str) -> FeatureDecider:
    return FeatureDecider()
