"""The GX project's own process: the same per-row failures as validating in this process, results
kept in the project for Data Docs, and the process really gone once stopped."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from flows import gx_process
from transforms.parse import NOTES, OUTCOMES, coerce_batch
from transforms.quality import rule_columns, validate_rows

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _note(note_id: str, end: str = "2026-03-04T11:00:00Z", text: str = "Thank you!") -> dict:
    return {
        "note_id": note_id,
        "interview_id": f"i-{note_id}",
        "candidate_id": "c1",
        "interview_start": "2026-03-04T10:00:00Z",
        "interview_end": end,
        "sent_at": "2026-03-05T09:00:00Z",
        "channel": "email",
        "text": text,
    }


def _notes() -> pl.DataFrame:
    raw = pl.DataFrame(
        [_note("n1"), _note("n2", end="2026-03-04T09:00:00Z"), _note("n3"), _note("n3")]
    ).with_row_index("_row", offset=1)
    return coerce_batch(raw, NOTES).rows


def _children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


def _ended(before: set[int], within: float = 60.0) -> bool:
    """Whether every process started since `before` has ended (a stopped worker winds down in
    the background, after any GX import it was in the middle of)."""
    deadline = time.monotonic() + within
    while _children() - before:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _sorted(errors: pl.DataFrame) -> pl.DataFrame:
    return errors.sort(pl.all())


def test_the_process_finds_the_failures_validation_here_finds_and_keeps_them(
    tmp_path: Path,
) -> None:
    before = _children()
    project_dir = tmp_path / "warehouse_gx"
    project = gx_process.start(project_dir)
    try:
        assert gx_process.start(project_dir) is project  # one process per project
        there = project.submit(_notes(), NOTES, NOW, "notes_1.csv").result()
        project.build_data_docs(None)
    finally:
        gx_process.stop(project_dir)
    here = validate_rows(_notes(), NOTES, NOW)
    assert _sorted(there.errors).equals(_sorted(here.errors))
    # n2 ends before it starts, n3 is there twice: rows 2, 3 and 4 fail, row 1 does not.
    assert sorted(set(there.errors["row_number"].to_list())) == [2, 3, 4]
    assert there.gx_result is None  # GX objects stay in the worker
    site = project_dir / "gx" / "uncommitted" / "data_docs" / "local_site"
    assert (site / "index.html").exists()
    assert any((site / "validations").rglob("*.html"))
    assert _ended(before)


def test_stopping_does_not_wait_for_a_process_still_importing(tmp_path: Path) -> None:
    before = _children()
    gx_process.start(tmp_path / "warehouse_gx")
    gx_process.stop(tmp_path / "warehouse_gx")  # a run that found nothing new
    gx_process.stop(tmp_path / "warehouse_gx")  # stopping twice is harmless
    assert _ended(before)


def test_only_the_checked_columns_cross_to_the_process() -> None:
    notes = _notes()
    checked = rule_columns(notes, NOTES)
    assert "text" not in checked.columns
    assert checked["text_length"].to_list() == [len("Thank you!")] * notes.height
    assert rule_columns(checked, NOTES).equals(checked)
    outcomes = pl.DataFrame(
        [{"interview_id": "i1", "outcome": "callback", "decided_at": "2026-03-06T10:00:00Z"}]
    ).with_row_index("_row", offset=1)
    rows = coerce_batch(outcomes, OUTCOMES).rows
    assert "text_length" not in rule_columns(rows, OUTCOMES).columns


def _load(tmp_path: Path, name: str, validator: gx_process.GxProject | None) -> tuple[list, list]:
    """Load the notes file `tmp_path/inbox/notes_1.csv` into a new warehouse `name`."""
    from flows import inbox
    from flows.file_load import load_file, next_arrival
    from flows.warehouse import connect

    [file] = inbox.discover(tmp_path / "inbox")
    with connect(tmp_path / name) as con:
        con.begin()
        result = load_file(
            con,
            file,
            inbox.scan_file(file.path),
            arrival=next_arrival(con, file),
            now=NOW,
            run_id="r",
            validator=validator,
        )
        con.commit()
        notes = con.execute("select note_id, text from notes order by note_id").fetchall()
        quarantine = con.execute(
            "select row_number, column_name, rule from quarantine order by all"
        ).fetchall()
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    return notes, quarantine


def test_chunks_validated_in_the_process_while_the_last_one_is_staged_load_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flows.file_load.CHUNK_ROWS", 2)  # five chunks
    rows = [_note(f"n{i}") for i in range(9)]
    rows[1]["interview_end"] = "2026-03-04T09:00:00Z"  # chunk 1: ends before it starts
    rows[6]["channel"] = "fax"  # chunk 4: not a channel
    rows[8]["note_id"] = "n2"  # chunk 5 repeats an id of chunk 2
    (tmp_path / "inbox").mkdir()
    pl.DataFrame(rows).write_csv(tmp_path / "inbox" / "notes_1.csv")
    project = gx_process.start(tmp_path / "warehouse_gx")
    try:
        there = _load(tmp_path, "there.duckdb", project)
    finally:
        gx_process.stop(tmp_path / "warehouse_gx")
    here = _load(tmp_path, "here.duckdb", None)
    assert there == here
    notes, quarantine = there
    assert sorted({row for row, _, _ in quarantine}) == [2, 3, 7, 9]
    assert [note_id for note_id, _ in notes] == ["n0", "n3", "n4", "n5", "n7"]


def test_a_worker_that_died_is_replaced_for_the_next_task(tmp_path: Path) -> None:
    before = _children()
    project = gx_process.start(tmp_path / "warehouse_gx")
    try:
        with pytest.raises(BrokenProcessPool):
            project._submit(os._exit, 1).result()  # as if killed for memory mid-task
        # The task's retry: a new worker, same project.
        there = project.submit(_notes(), NOTES, NOW, "notes_1.csv").result()
    finally:
        gx_process.stop(tmp_path / "warehouse_gx")
    assert sorted(set(there.errors["row_number"].to_list())) == [2, 3, 4]
    assert _ended(before)


def test_an_ingest_that_fails_still_ends_the_gx_process(
    prefect_server: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import ingest

    (tmp_path / "inbox").mkdir()
    pl.DataFrame([_note("n1")]).write_csv(tmp_path / "inbox" / "notes_1.csv")

    def broken(*args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(ingest, "ingest_file", broken)
    before = _children()
    with pytest.raises(RuntimeError, match="disk is full"):
        ingest.ingest_inbox(tmp_path / "inbox", tmp_path / "warehouse.duckdb", "run-1")
    assert _ended(before)
