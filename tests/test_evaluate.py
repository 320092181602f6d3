"""Evaluation of the tagger against tiny inline labelled records."""

from __future__ import annotations

import pytest

from transforms.evaluate import evaluate_records, format_evaluation, records_frame
from transforms.tagger import Tagger

RECORDS = [
    {"note_id": "1", "text": "I sent you a fruit basket.", "labels": {"gift": 1}},
    {"note_id": "2", "text": "Thank you for the gift of your time.", "labels": {"gift": 1}},
    {"note_id": "3", "text": "Please enjoy the flowers.", "labels": {"gift": 0}},
    {"note_id": "4", "text": "Danke für das schöne Gespräch heute.", "labels": {"gift": 0}},
    {
        "note_id": "5",
        "text": "Thanks!",
        "interview_end": "2025-01-01T11:00:00",
        "sent_at": "2025-01-01T10:30:00+00:00",
        "labels": {"prewritten": 1},
    },
]


def test_counts_true_and_false_positives(tagger: Tagger) -> None:
    gift = evaluate_records(RECORDS, tagger)["features"]["gift"]
    assert (gift["tp"], gift["fp"], gift["fn"], gift["support"]) == (1, 1, 1, 2)


def test_scores_follow_from_counts(tagger: Tagger) -> None:
    gift = evaluate_records(RECORDS, tagger)["features"]["gift"]
    assert gift["precision"] == gift["recall"] == gift["f1"] == pytest.approx(0.5)


def test_null_predictions_are_abstentions(tagger: Tagger) -> None:
    result = evaluate_records(RECORDS, tagger)
    assert result["abstained"]["gift"] == 1 and result["n"] == 5


def test_only_labelled_features_are_reported(tagger: Tagger) -> None:
    assert set(evaluate_records(RECORDS, tagger)["features"]) == {"gift", "prewritten"}


def test_metadata_timing_is_used_when_present(tagger: Tagger) -> None:
    assert evaluate_records(RECORDS, tagger)["features"]["prewritten"]["tp"] == 1


def test_mixed_iso_timestamps_are_parsed_to_utc() -> None:
    frame = records_frame(
        [
            {"note_id": "a", "text": "", "sent_at": "2025-01-01T10:00:00"},
            {"note_id": "b", "text": "", "sent_at": "2025-01-01T12:00:00+02:00"},
            {"note_id": "c", "text": "", "sent_at": "2025-01-01T10:00:00Z"},
        ]
    )
    assert frame["sent_at"].dt.hour().to_list() == [10, 10, 10]


def test_missing_timestamps_are_null() -> None:
    frame = records_frame([{"note_id": "x", "text": "hi"}])
    assert (
        frame["sent_at"].is_null().all()
        and str(frame["sent_at"].dtype) == "Datetime(time_unit='us', time_zone='UTC')"
    )


def test_format_lists_every_feature(tagger: Tagger) -> None:
    table = format_evaluation(evaluate_records(RECORDS, tagger))
    assert "gift" in table and "prewritten" in table and "n = 5" in table
