"""Loads into a real DuckDB file, through the ingest task code (no Prefect server needed)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.warehouse import connect
from tests.loading import ingest_without_server


def _note(note_id: str, text: str) -> dict[str, str]:
    return {
        "note_id": note_id,
        "interview_id": f"i-{note_id}",
        "candidate_id": "c1",
        "interview_start": "2025-03-04T10:00:00Z",
        "interview_end": "2025-03-04T11:00:00Z",
        "sent_at": "2025-03-05T09:00:00Z",
        "channel": "email",
        "text": text,
    }


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def _ingest(inbox_dir: Path, warehouse: Path) -> None:
    ingest_without_server(inbox_dir, warehouse)


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    return inbox_dir, tmp_path / "warehouse.duckdb"


def _query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_same_content_under_a_new_name_loads_nothing_new(paths: tuple[Path, Path]) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(inbox_dir / "notes_a.jsonl", [_note("n1", "Thanks!")])
    _ingest(inbox_dir, warehouse)
    (inbox_dir / "notes_copy.jsonl").write_bytes((inbox_dir / "notes_a.jsonl").read_bytes())
    _ingest(inbox_dir, warehouse)
    assert _query(warehouse, "select count(*) from batch_accounting") == [(1,)]


def test_a_changed_file_under_the_same_name_is_a_new_batch(paths: tuple[Path, Path]) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(inbox_dir / "notes_a.jsonl", [_note("n1", "Thanks!")])
    _ingest(inbox_dir, warehouse)
    _write_jsonl(inbox_dir / "notes_a.jsonl", [_note("n1", "Thanks!"), _note("n2", "Hi")])
    _ingest(inbox_dir, warehouse)
    assert _query(warehouse, "select count(*) from batch_accounting") == [(2,)]
    assert _query(warehouse, "select count(*) from notes") == [(2,)]


def test_a_note_that_arrives_again_changed_replaces_the_old_row(paths: tuple[Path, Path]) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(inbox_dir / "notes_1.jsonl", [_note("n1", "First version.")])
    _ingest(inbox_dir, warehouse)
    with connect(warehouse) as con:  # pretend it was tagged
        con.execute(
            "insert into note_tags (note_id, interview_id, candidate_id, language, "
            "hours_to_send, send_bucket, channel, tagger_version) "
            "values ('n1', 'i-n1', 'c1', 'en', 22, '1–24h', 'email', 'v')"
        )
    _write_jsonl(inbox_dir / "notes_2.jsonl", [_note("n1", "Second version.")])
    _ingest(inbox_dir, warehouse)
    assert _query(warehouse, "select text from notes") == [("Second version.",)]
    assert _query(warehouse, "select count(*) from note_replacements") == [(1,)]
    assert _query(warehouse, "select count(*) from note_tags") == [(0,)]


def test_redacted_text_is_what_gets_stored(paths: tuple[Path, Path]) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(inbox_dir / "notes_1.jsonl", [_note("n1", "Write to me at a.b@example.com")])
    _ingest(inbox_dir, warehouse)
    assert _query(warehouse, "select text from notes") == [("Write to me at [EMAIL]",)]
    assert _query(
        warehouse, "select replacements from redaction_counts where pii_type = 'email'"
    ) == [(1,)]


def test_later_outcome_rows_supersede_earlier_ones(paths: tuple[Path, Path]) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(
        inbox_dir / "outcomes_1.jsonl",
        [
            {"interview_id": "i1", "outcome": "pending"},
            {"interview_id": "i2", "outcome": "callback"},
            {"interview_id": "orphan", "outcome": "rejected"},
        ],
    )
    _ingest(inbox_dir, warehouse)
    _write_jsonl(inbox_dir / "outcomes_2.jsonl", [{"interview_id": "i1", "outcome": "rejected"}])
    _ingest(inbox_dir, warehouse)
    latest = _query(warehouse, "select interview_id, outcome from interview_outcomes order by 1")
    # outcomes without notes are kept
    assert latest == [("i1", "rejected"), ("i2", "callback"), ("orphan", "rejected")]


@pytest.mark.parametrize(
    ("outcome", "decided", "callback"),
    [("callback", True, True), ("rejected", True, False), ("pending", False, None),
     ("withdrawn", False, None), (None, False, None)],
)  # fmt: skip
def test_only_callbacks_and_rejections_are_decided(
    paths: tuple[Path, Path], outcome: str | None, decided: bool, callback: bool | None
) -> None:
    inbox_dir, warehouse = paths
    _write_jsonl(inbox_dir / "notes_1.jsonl", [_note("n1", "Thanks!")])
    if outcome:
        _write_jsonl(inbox_dir / "outcomes_1.jsonl", [{"interview_id": "i-n1", "outcome": outcome}])
    _ingest(inbox_dir, warehouse)
    with connect(warehouse) as con:
        con.execute(
            "insert into note_tags (note_id, interview_id, candidate_id, language, "
            "hours_to_send, send_bucket, channel, tagger_version) "
            "values ('n1', 'i-n1', 'c1', 'en', 22, '1–24h', 'email', 'v')"
        )
    assert _query(warehouse, "select decided, callback from note_facts") == [(decided, callback)]
