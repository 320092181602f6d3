"""Metadata + text combination into one row of tags per note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_series_equal

from transforms.contract import FEATURES, NOTES_SCHEMA
from transforms.note_tags import EVIDENCE_SCHEMA, NOTE_TAGS_COLUMNS, tag_notes
from transforms.tagger import Tagger

END = datetime(2025, 3, 3, 11, 0, tzinfo=UTC)


def notes(*rows: dict[str, Any]) -> pl.DataFrame:
    base = {
        "interview_id": "i",
        "candidate_id": "c",
        "interview_start": END - timedelta(hours=1),
        "interview_end": END,
        "sent_at": END + timedelta(hours=5),
        "channel": "email",
        "handed_to": None,
        "enclosure": None,
        "role_family": "engineering",
        "seniority": "mid",
        "text": "Thank you!",
    }
    full = [{**base, "note_id": f"n{i}", **row} for i, row in enumerate(rows)]
    return pl.DataFrame(full, schema=NOTES_SCHEMA)


def test_columns_are_exactly_the_contract(tagger: Tagger) -> None:
    result = tag_notes(notes({}), tagger)
    assert tuple(result.note_tags.columns) == NOTE_TAGS_COLUMNS
    assert dict(result.evidence.schema) == EVIDENCE_SCHEMA


def test_feature_columns_are_boolean(tagger: Tagger) -> None:
    schema = tag_notes(notes({}), tagger).note_tags.schema
    assert all(schema[f] == pl.Boolean for f in FEATURES)


@pytest.mark.parametrize(
    ("sent_after", "bucket"),
    [(-2.0, "<1h"), (0.5, "<1h"), (1.0, "1–24h"), (30.0, "1–3d"), (72.0, ">3d")],
)
def test_hours_to_send_and_bucket(tagger: Tagger, sent_after: float, bucket: str) -> None:
    row = tag_notes(notes({"sent_at": END + timedelta(hours=sent_after)}), tagger).note_tags
    assert row["hours_to_send"][0] == pytest.approx(sent_after)
    assert row["send_bucket"][0] == bucket


@pytest.mark.parametrize(
    ("enclosure", "gift"),
    [
        ("fruit basket", True),
        ("  ", False),
        (None, False),
        ("N/A", False),
        (" none ", False),
        ("-", False),
        ("false", False),
        ("No", False),
        ("a box of noodles", True),
    ],
)
def test_enclosure_is_a_gift(tagger: Tagger, enclosure: str | None, gift: bool) -> None:
    assert tag_notes(notes({"enclosure": enclosure}), tagger).note_tags["gift"][0] is gift


def test_sent_before_interview_end_is_prewritten(tagger: Tagger) -> None:
    frame = notes({"sent_at": END - timedelta(minutes=10)})
    assert tag_notes(frame, tagger).note_tags["prewritten"][0] is True


@pytest.mark.parametrize(
    ("channel", "handed_to", "hours", "handed"),
    [
        ("in_person", "receptionist", 5.0, True),
        ("in_person", "interviewer", 0.5, True),
        ("in_person", "interviewer", 2.0, False),
        ("in_person", None, -0.5, False),
        ("email", "receptionist", 0.2, False),
    ],
)
def test_handed_on_exit_from_metadata(
    tagger: Tagger, channel: str, handed_to: str | None, hours: float, handed: bool
) -> None:
    frame = notes(
        {"channel": channel, "handed_to": handed_to, "sent_at": END + timedelta(hours=hours)}
    )
    assert tag_notes(frame, tagger).note_tags["handed_on_exit"][0] is handed


def test_text_and_metadata_combine_with_or(tagger: Tagger) -> None:
    frame = notes({"text": "I sent you a fruit basket."}, {"enclosure": "wine"}, {})
    assert tag_notes(frame, tagger).note_tags["gift"].to_list() == [True, True, False]


def test_non_english_note_is_null_unless_metadata_decides(tagger: Tagger) -> None:
    frame = notes({"text": "Muchas gracias por la entrevista de hoy.", "enclosure": "vino"})
    row = tag_notes(frame, tagger).note_tags.row(0, named=True)
    assert row["language"] == "es" and row["gift"] is True
    assert row["thanks_only"] is None and row["prewritten"] is None


def test_null_text_is_tagged_as_empty(tagger: Tagger) -> None:
    row = tag_notes(notes({"text": None}), tagger).note_tags.row(0, named=True)
    assert row["language"] == "und" and row["generic"] is True


def test_metadata_evidence_names_fields(tagger: Tagger) -> None:
    frame = notes({"sent_at": END - timedelta(hours=1)})
    evidence = tag_notes(frame, tagger).evidence.filter(pl.col("source") == "metadata")
    assert evidence.select("feature", "rule", "fields").rows() == [
        ("prewritten", "metadata.sent_before_end", "sent_at,interview_end")
    ]


def test_text_evidence_has_spans_and_no_fields(tagger: Tagger) -> None:
    frame = notes({"text": "I sent you a fruit basket."})
    ev = tag_notes(frame, tagger).evidence.filter(pl.col("feature") == "gift")
    assert_series_equal(ev["span_start"].sort(), pl.Series("span_start", [2, 13], pl.Int32))
    assert ev["fields"].is_null().all()


def test_tagger_version_is_stamped(tagger: Tagger) -> None:
    result = tag_notes(notes({}), tagger)
    assert result.note_tags["tagger_version"].to_list() == [tagger.version]
    assert set(result.evidence["tagger_version"]) == {tagger.version}


def test_optional_columns_may_be_missing(tagger: Tagger) -> None:
    frame = notes({}).drop("handed_to", "enclosure", "role_family", "seniority")
    assert tag_notes(frame, tagger).note_tags["gift"].to_list() == [False]


def test_no_notes_gives_empty_frames(tagger: Tagger) -> None:
    result = tag_notes(notes().clear(), tagger)
    assert result.note_tags.height == 0 and result.evidence.height == 0
    assert tuple(result.note_tags.columns) == NOTE_TAGS_COLUMNS


def test_parallel_tagging_matches_serial(tagger: Tagger) -> None:
    frame = notes(*[{"text": f"I sent {i} cookies to the team."} for i in range(30)])
    serial = tag_notes(frame, tagger)
    parallel = tagger.tag_texts(frame["text"].to_list(), n_process=2, batch_size=5)
    assert [t.features["gift"] for t in parallel] == serial.note_tags["gift"].to_list()
