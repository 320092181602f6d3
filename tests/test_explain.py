from __future__ import annotations

from transforms.explain import format_explanation

NOTE = {
    "note_id": "n1",
    "interview_id": "i1",
    "channel": "in_person",
    "sent_at": "2025-03-04 11:20",
    "interview_end": "2025-03-04 11:00",
    "text": "Thanks! I left a fruit basket at the front desk.",
}
TAGS = {
    "tagger_version": "rules-1+abc",
    "language": "en",
    "hours_to_send": 0.33,
    "send_bucket": "<1h",
    "gift": True,
    "generic": None,
}


def test_text_evidence_is_shown_in_context_with_its_rule() -> None:
    evidence = [
        {"feature": "gift", "source": "text", "rule": "gift.sent", "span_start": 17,
         "span_end": 29, "fields": None},
    ]  # fmt: skip
    out = format_explanation(NOTE, TAGS, evidence)
    assert "[fruit basket]" in out and "rule gift.sent" in out


def test_metadata_evidence_names_the_fields() -> None:
    evidence = [
        {"feature": "handed_on_exit", "source": "metadata", "rule": "meta.in_person_60min",
         "span_start": None, "span_end": None, "fields": "channel,sent_at,interview_end"},
    ]  # fmt: skip
    out = format_explanation(NOTE, {**TAGS, "handed_on_exit": True}, evidence)
    assert "metadata channel,sent_at,interview_end" in out


def test_unknown_features_are_said_to_be_unjudged() -> None:
    out = format_explanation(NOTE, TAGS, [])
    assert "generic              unknown (text not judged)" in out


def test_an_untagged_note_says_so() -> None:
    assert "not tagged yet" in format_explanation(NOTE, None, [])
