"""Evaluation of the tagger against tiny inline labelled records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from transforms.evaluate import evaluate_records, format_evaluation, parse_records, records_frame
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


def test_bad_lines_are_rejected_with_line_field_and_reason() -> None:
    lines = [
        '{"note_id": "a", "text": "Thanks!", "labels": {"generic": 1}}',
        "",
        '{"note_id": "b", "text": ',
        '["not", "an", "object"]',
        '{"note_id": "c", "text": "Hi", "labels": {"generic": "yes"}}',
        '{"note_id": "d", "text": "Hi", "labels": {"genric": 1}}',
        '{"note_id": "e", "text": "Hi", "labels": {}, "sent_at": "last Tuesday"}',
        '{"note_id": "a", "text": "again", "labels": {"generic": 0}}',
        '{"text": "no id", "labels": {"generic": 0}}',
        '{"note_id": "f", "text": 42, "labels": {"generic": 0}}',
        '{"note_id": "g", "text": null, "labels": {"gift": true}, "channel": "email"}',
    ]
    records, rejected = parse_records(lines)
    assert [r["note_id"] for r in records] == ["a", "g"]
    assert [(r.line, r.field) for r in rejected] == [
        (3, ""),
        (4, ""),
        (5, "labels"),
        (6, "labels"),
        (7, "sent_at"),
        (8, "note_id"),
        (9, "note_id"),
        (10, "text"),
    ]
    assert "column 26" in rejected[0].message and "genric" in rejected[3].message


def test_cli_scores_the_valid_lines_and_names_the_rejected(tmp_path: Path) -> None:
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        '{"note_id": "a", "text": "I sent you a fruit basket.", "labels": {"gift": 1}}\n'
        '{"note_id": "b", "text": "Thanks", "labels": {"gift": 2}}\n'
    )
    result = CliRunner().invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0
    assert f"{path}:2: labels: gift must be 0 or 1, not 2" in result.stderr
    scored = json.loads(result.stdout)
    assert scored["n"] == 1 and scored["features"]["gift"]["tp"] == 1
    rejected = {
        "file": str(path),
        "line": 2,
        "field": "labels",
        "message": "gift must be 0 or 1, not 2",
    }
    assert scored["rejected"] == [rejected]


def test_cli_fails_clearly_when_nothing_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text("not json at all\n")
    result = CliRunner().invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1: not JSON" in result.stderr and "no valid record" in result.stderr


def test_a_text_holding_a_line_separator_stays_one_record(tmp_path: Path) -> None:
    path = tmp_path / "labelled.jsonl"
    record = {"note_id": 7, "interview_id": 70, "text": "Thanks\u2028again", "labels": {"gift": 0}}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["n"] == 1


def test_cli_scores_several_files_together_with_ids_unique_across_them(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(
        '{"note_id": "x", "text": "I sent you a fruit basket.", "labels": {"gift": 1}}\n'
    )
    second.write_text(
        '{"note_id": "y", "text": "Thanks for your time.", "labels": {"gift": 0}}\n'
        '{"note_id": "x", "text": "Thanks.", "labels": {"gift": 0}}\n'
    )
    result = CliRunner().invoke(app, ["evaluate", str(first), str(second), "--json"])
    scored = json.loads(result.stdout)
    assert scored["n"] == 2 and scored["features"]["gift"]["tp"] == 1
    assert f"{second}:2: note_id: 'x' appears on an earlier line" in result.stderr
