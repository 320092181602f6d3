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

import re
from collections import defaultdict
from operator import itemgetter
from typing import Any

import ahocorasick
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from transforms.contract import FEATURES
from transforms.tagger.decide import Cue, Cues, decide_all
from transforms.tagger.rules import Rule

for _name in ("followup_cues", "followup_features", "followup_evidence"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

TEXT_KEY = "followup_text"


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
    return Norms()


_RegexRule = tuple[str, str, re.Pattern[str], int | str, frozenset[str], frozenset[str], str]


class CueMatcher:
    """All phrase rules in one PhraseMatcher (NORM), and the regex rules."""

    def __init__(self, nlp: Language, rule_sets: dict[str, list[Rule]]) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        # (label, rule, regex, group of the cue span, rule.needs, rule.also, rule.after)
        self.regexes: list[_RegexRule] = []
        phrase_groups: dict[str, list[str]] = defaultdict(list)
        for rules in rule_sets.values():
            for rule in rules:
                if isinstance(rule.pattern, str):
                    phrase_groups[f"{rule.label}|{rule.name}"].append(rule.pattern)
                else:
                    group = "cue" if "cue" in rule.pattern.groupindex else 0
                    self.regexes.append(
                        (rule.label, rule.name, rule.pattern, group, frozenset(rule.needs),
                         frozenset(rule.also), rule.after)
                    )  # fmt: skip
        for key, phrases in phrase_groups.items():
            self.phrases.add(key, [nlp.make_doc(phrase) for phrase in phrases])
        self.keys = {nlp.vocab.strings[k]: tuple(k.split("|", 1)) for k in phrase_groups}
        self._literals = _automaton({w for r in self.regexes for w in (*r[4], *r[5])})

    def __call__(self, doc: Doc) -> Doc:
        doc._.followup_cues = self.find(doc, doc_text(doc))
        return doc

    def find(self, doc: Doc, text: str) -> Cues:
        """The cues of one Doc whose text is `text`, by label (the Tagger's hot path)."""
        cues: Cues = {}
        keys = self.keys
        for match_id, start, end in self.phrases(doc):
            label, rule = keys[match_id]
            last = doc[end - 1]
            cue = Cue(label, rule, doc[start].idx, last.idx + len(last))
            found = cues.get(label)
            if found is None:
                cues[label] = [cue]
            else:
                found.append(cue)
        # Every literal of every regex rule that occurs in the lower-cased text, in one pass.
        present = set(map(_second, self._literals.iter(text.lower()))) if self._literals else ()
        for label, rule, regex, group, needs, also, after in self.regexes:
            if (
                (after and after not in cues)
                or (needs and needs.isdisjoint(present))
                or (also and also.isdisjoint(present))
            ):
                continue
            hits = [Cue(label, rule, *m.span(group)) for m in regex.finditer(text)]
            if hits:
                found = cues.get(label)
                if found is None:
                    cues[label] = hits
                else:
                    found += hits
        for label, found in cues.items():
            if len(found) > 1:
                cues[label] = _longest(found)
        return cues


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
