"""spaCy components of the follow-up tagger, assembled by ``tagger.cfg``.

* ``followup_norms``: writes the misspelling table into lexeme NORMs once, at construction, so
  that every rule matching on NORM sees "recieve" as "receive" at no per-token cost.
* ``followup_cues``: runs all rule sets (PhraseMatcher on NORM, Matcher, regexes on the text)
  and stores the hits as ``Doc._.followup_cues`` (label -> list of Cue).
* ``followup_features``: turns cues into features and evidence (``decide.py``) and stores them
  as ``Doc._.followup_features`` and ``Doc._.followup_evidence``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from transforms.tagger.decide import Cue, decide_all
from transforms.tagger.rules import Rule

for _name in ("followup_cues", "followup_features", "followup_evidence"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class _Norms:
    """No-op at run time: the work is done once on the shared vocab."""

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("followup_norms", default_config={"table": {}})
def make_norms(nlp: Language, name: str, *, table: dict[str, str]) -> _Norms:
    for word, norm in table.items():
        for form in {word, word.capitalize(), word.upper()}:
            nlp.vocab[form].norm_ = norm
    return _Norms()


class CueMatcher:
    """All rule sets in one Matcher, one PhraseMatcher (NORM) and a list of regexes."""

    def __init__(self, nlp: Language, rule_sets: dict[str, list[Rule]]) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.regexes: list[tuple[str, str, re.Pattern[str]]] = []
        phrase_groups: dict[str, list[Doc]] = defaultdict(list)
        token_groups: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
        for rules in rule_sets.values():
            for rule in rules:
                key = f"{rule.label}|{rule.name}"
                if isinstance(rule.pattern, str):
                    phrase_groups[key].append(nlp.make_doc(rule.pattern))
                elif isinstance(rule.pattern, re.Pattern):
                    self.regexes.append((rule.label, rule.name, rule.pattern))
                else:
                    token_groups[key].append(rule.pattern)
        for key, docs in phrase_groups.items():
            self.phrases.add(key, docs)
        for key, patterns in token_groups.items():
            self.matcher.add(key, patterns)
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        cues: dict[str, list[Cue]] = defaultdict(list)
        for match_id, start, end in [*self.phrases(doc), *self.matcher(doc)]:
            label, rule = self.strings[match_id].split("|", 1)
            cues[label].append(Cue(label, rule, start, end))
        text = doc.text
        for label, rule, regex in self.regexes:
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    cues[label].append(Cue(label, rule, span.start, span.end))
        doc._.followup_cues = {label: _longest(found) for label, found in cues.items()}
        return doc


def _longest(cues: list[Cue]) -> list[Cue]:
    """Drop cues lying inside a longer cue of the same label (optional tokens match twice)."""
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
        features, evidence = decide_all(doc, doc._.followup_cues or {})
        doc._.followup_features = features
        doc._.followup_evidence = evidence
        return doc


@Language.factory("followup_features")
def make_features(nlp: Language, name: str) -> FeatureDecider:
    return FeatureDecider()
