from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from transforms.parse import NOTES, OUTCOMES, FileRejected, coerce_batch, parsed_timestamp

GOOD = {
    "note_id": "n1",
    "interview_id": "i1",
    "candidate_id": "c1",
    "interview_start": "2026-03-04T10:00:00Z",
    "interview_end": "2026-03-04T11:00:00Z",
    "sent_at": "2026-03-05T09:00:00Z",
    "channel": "email",
    "text": "Thank you!",
}


def _raw(*rows: dict[str, str | None]) -> pl.DataFrame:
    return pl.DataFrame(list(rows)).with_row_index("_row", offset=1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-04T10:00:00Z",
        "2026-03-04T12:00:00+02:00",
        "2026-03-04T05:00:00-0500",
        "2026-03-04T10:00:00",
        "2026-03-04 10:00",
        "2026-03-04T10:00:00.000000Z",
        "2026-03-04T12:00:00+02",
        "20260304T100000Z",
        "2026-03-04T10:00:00,0Z",
    ],
)
def test_iso_timestamps_with_or_without_offset_are_the_same_instant(text: str) -> None:
    value = pl.select(parsed_timestamp(pl.lit(text))).item()
    assert value == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["yesterday", "2026-13-01T00:00:00", "04/03/2026 10:00"])
def test_unparseable_timestamp_is_reported_with_row_and_column(text: str) -> None:
    batch = coerce_batch(_raw(GOOD, {**GOOD, "note_id": "n2", "sent_at": text}), NOTES)
    assert batch.errors.select("row_number", "column_name", "rule", "value").rows() == [
        (2, "sent_at", "unparseable_timestamp", text)
    ]
    assert batch.rows.height == 2


def test_missing_required_column_rejects_the_file_and_names_it() -> None:
    raw = _raw({k: v for k, v in GOOD.items() if k != "channel"})
    with pytest.raises(FileRejected, match="channel"):
        coerce_batch(raw, NOTES)


def test_optional_columns_may_be_absent() -> None:
    batch = coerce_batch(_raw(GOOD), NOTES)
    assert batch.rows["enclosure"].to_list() == [None]
    assert batch.errors.height == 0


def test_unknown_extra_columns_are_kept_as_json() -> None:
    batch = coerce_batch(_raw({**GOOD, "recruiter_notes": "x"}), NOTES)
    assert batch.rows["extra"].to_list() == ['{"recruiter_notes":"x"}']


def test_enum_values_are_trimmed_and_lowercased() -> None:
    batch = coerce_batch(_raw({**GOOD, "channel": " In_Person "}), NOTES)
    assert batch.rows["channel"].to_list() == ["in_person"]


def test_missing_text_is_an_empty_note_not_an_error() -> None:
    batch = coerce_batch(_raw({**GOOD, "text": None}), NOTES)
    assert batch.rows["text"].to_list() == [""]
    assert batch.errors.height == 0


def test_invalid_utf8_is_reported_per_cell() -> None:
    batch = coerce_batch(_raw({**GOOD, "text": "caf\ufffd"}), NOTES, decode_errors=True)
    assert batch.errors.select("row_number", "column_name", "rule").rows() == [
        (1, "text", "invalid_utf8")
    ]


def test_parquet_timestamps_of_the_wrong_type_are_errors() -> None:
    raw = _raw({"interview_id": "i1", "outcome": "callback"}).with_columns(
        decided_at=pl.lit(20260304, dtype=pl.Int64)
    )
    batch = coerce_batch(raw, OUTCOMES)
    assert batch.errors.select("column_name", "rule").rows() == [("decided_at", "wrong_type")]


def test_naive_parquet_timestamps_are_utc() -> None:
    raw = _raw({"interview_id": "i1", "outcome": "callback"}).with_columns(
        decided_at=pl.lit(datetime(2026, 3, 4, 10, 0))
    )
    batch = coerce_batch(raw, OUTCOMES)
    assert batch.rows["decided_at"].to_list() == [datetime(2026, 3, 4, 10, 0, tzinfo=UTC)]
