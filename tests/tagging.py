"""Tagging one text at a time, for the tagger's rule tests."""

from __future__ import annotations

from transforms.tagger import Tagger, TextTags


def tag(tagger: Tagger, text: str) -> TextTags:
    return tagger.tag_texts([text])[0]


def has(tagger: Tagger, text: str, feature: str) -> bool | None:
    """The feature's value for `text`: True, False, or None when the text was not judged."""
    return tag(tagger, text).features[feature]
