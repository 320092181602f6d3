"""Everyday phrasings the rules must read right: emphatic negation, contractions, hand-overs."""

from __future__ import annotations

import pytest

from transforms.tagger import Tagger, load_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def has(tagger: Tagger, text: str, feature: str) -> bool | None:
    return tagger.tag_texts([text])[0].features[feature]


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I couldn't be more excited about the role.", "enthusiasm"),
        ("I can't tell you how excited I am about the project.", "enthusiasm"),
        ("I'm not just excited, I'm thrilled.", "enthusiasm"),
        ("I have never been more excited about a job.", "enthusiasm"),
        ("I can't thank you enough for the time.", "thanks_only"),
        ("I can't wait for our interview tomorrow.", "prewritten"),
    ],
)
def test_emphatic_negation_does_not_negate(tagger: Tagger, text: str, feature: str) -> None:
    assert has(tagger, text, feature)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I'm not excited about the commute.", "enthusiasm"),
        ("I didn't send a gift card, just this note.", "gift"),
        ("I don't thank people lightly.", "thanks_only"),
    ],
)
def test_plain_negation_still_negates(tagger: Tagger, text: str, feature: str) -> None:
    assert not has(tagger, text, feature)


@pytest.mark.parametrize(
    "text",
    [
        "There's no place I'd rather work.",
        "Nowhere I’d rather be.",
        "This is the role I have been waiting for.",
        "Honestly the job sounds perfect.",
    ],
)
def test_contractions_and_more_ways_of_enthusiasm(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


def test_i_d_meets_phrases_written_with_would(tagger: Tagger) -> None:
    norms = [t.norm_ for t in tagger.nlp.make_doc("I'd love to, we’d go")]
    assert norms[1] == norms[6] == "would"


@pytest.mark.parametrize(
    "text",
    [
        "I gave this note to the lady at the front desk before I left.",
        "I've left this with the guy on the front desk.",
        "I asked security to pass this on to you.",
        "Hope [NAME] at reception passed this on to you.",
    ],
)
def test_note_left_with_someone_at_the_desk_is_handed(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "The lady at reception gave me this lanyard.",
        "The receptionist gave me a visitor badge.",
        "Thanks to the team at reception for the coffee.",
    ],
)
def test_the_desk_handing_something_else_is_not_handed(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "handed_on_exit")
