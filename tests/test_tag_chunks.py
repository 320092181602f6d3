"""The tag flow replaces older tags in smaller chunks (deleting rows costs DuckDB more memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.tag import CHUNK_SIZE, RETAG_CHUNK_SIZE, has_older_tags
from flows.warehouse import connect


def _tag_row(warehouse: Path, note_id: str, version: str) -> None:
    with connect(warehouse) as con:
        con.execute(
            "insert into note_tags (note_id, interview_id, candidate_id, language, hours_to_send,"
            " send_bucket, channel, tagger_version) values (?, 'i1', 'c1', 'en', 2.0, 'same_day',"
            " 'email', ?)",
            [note_id, version],
        )


def test_replacing_chunks_are_smaller() -> None:
    assert RETAG_CHUNK_SIZE < CHUNK_SIZE


@pytest.mark.parametrize(("stored", "expected"), [("rules-1+old", True), ("rules-1+new", False)])
def test_older_tags_are_found_by_version(tmp_path: Path, stored: str, expected: bool) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    _tag_row(warehouse, "n1", stored)
    assert has_older_tags.fn(warehouse, "rules-1+new") is expected


def test_an_empty_warehouse_has_no_older_tags(tmp_path: Path) -> None:
    assert has_older_tags.fn(tmp_path / "warehouse.duckdb", "rules-1+new") is False
