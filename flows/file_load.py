"""Stream one inbox file into the warehouse inside the caller's transaction.

Chunks of at most CHUNK_ROWS rows are read, checked (contract, GX suite), redacted and staged in
temporary tables; only at the end of the file do its rows, quarantine entries, redaction counts
and accounting row reach the warehouse tables. Memory is bounded by the chunk, not the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import polars as pl

from flows import inbox
from flows.warehouse import execute_script, sql_text
from transforms.intake import CheckedChunk, PendingChunk, finish_check, start_check
from transforms.parse import ERROR_SCHEMA, FileRejected, contract_for
from transforms.quality import Validator
from transforms.redact import PII_TYPES, redact_text_column

CHUNK_ROWS = 50_000


@dataclass(frozen=True)
class FileResult:
    """What one inbox file became: its counts and, for a refused file, why."""

    file_name: str
    kind: str
    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    file_error: str | None
    skipped: bool = False


@dataclass(frozen=True)
class Arrival:
    """A file's place in the arrival order (later outcome rows supersede earlier ones)."""

    seq: int
    arrived_at: datetime


def next_arrival(con: duckdb.DuckDBPyConnection, file: inbox.InboxFile) -> Arrival:
    [(seq,)] = con.execute(
        "select coalesce(max(arrival_seq), 0) + 1 from batch_accounting"
    ).fetchall()
    return Arrival(seq, datetime.fromtimestamp(file.path.stat().st_mtime, UTC))


def load_file(
    con: duckdb.DuckDBPyConnection,
    file: inbox.InboxFile,
    scan: inbox.FileScan,
    *,
    arrival: Arrival,
    now: datetime,
    run_id: str,
    validator: Validator | None = None,
    before_insert: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> FileResult:
    """Stage the file chunk by chunk, then write it; the caller begins and commits.

    `before_insert` runs once everything is staged and before anything is written (a backfill
    forgets the file's old rows there).
    """
    contract = contract_for(file.kind)
    execute_script(con, "load/staging.sql")
    rows_read, file_error = 0, None
    redactions = dict.fromkeys(PII_TYPES, (0, 0))

    def stage(checked: CheckedChunk) -> None:
        nonlocal rows_read, file_error
        file_error = file_error or checked.file_error
        rows_read += checked.split.rows_read
        loaded = checked.split.loaded.with_columns(pl.lit(scan.content_hash).alias("file_hash"))
        if checked.file_error is None and file.kind == "notes":
            _stage_notes(con, loaded, checked.parsed_ids, redactions)
        elif checked.file_error is None:
            outcomes = loaded.with_columns(arrival_seq=pl.lit(arrival.seq))
            _register_and_run(con, outcomes, "load/stage_outcomes.sql")
        _stage_quarantine(con, checked.split.quarantine, file, scan.content_hash)

    # A chunk is validated (in the GX process) while the one before it is redacted and staged
    # here: the two processes work at once instead of taking turns.
    pending: PendingChunk | CheckedChunk | None = None
    try:
        chunks = _refused_on_surprise(
            inbox.read_chunks(file, chunk_rows=CHUNK_ROWS, valid_utf8=scan.valid_utf8)
        )
        for number, raw in enumerate(chunks, start=1):
            try:
                started = start_check(
                    raw.frame,
                    raw.row_errors,
                    contract,
                    now,
                    decode_errors=raw.decode_errors,
                    validator=validator,
                    run_name=file.name if number == 1 else f"{file.name} #{number}",
                )
            except FileRejected:
                raise
            except (pl.exceptions.PolarsError, TypeError, ValueError) as exc:
                raise FileRejected(_surprise(exc, number)) from exc
            if pending is not None:
                stage(finish_check(pending))
            pending = started
    except FileRejected as exc:
        if pending is not None:  # the chunks read before the file broke off are kept
            stage(finish_check(pending))
            pending = None
        file_error = str(exc)
        refused = pl.DataFrame(
            [{"rule": "file_rejected", "message": file_error}], schema=ERROR_SCHEMA
        )
        _stage_quarantine(con, refused, file, scan.content_hash)
    if pending is not None:
        stage(finish_check(pending))
    if before_insert:
        before_insert(con)
    rows_loaded = _insert_staged(con, file, scan.content_hash, arrival)
    _insert_redactions(con, scan.content_hash, redactions)
    [(rows_quarantined,)] = con.execute(
        "select count(distinct row_number) from quarantine where file_hash = ?",
        [scan.content_hash],
    ).fetchall()
    con.execute(
        "insert into batch_accounting values (?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?)",
        [scan.content_hash, file.name, file.kind, file.file_format, arrival.seq,
         arrival.arrived_at, run_id, rows_read, rows_loaded, rows_quarantined, file_error],
    )  # fmt: skip
    return FileResult(file.name, file.kind, rows_read, rows_loaded, rows_quarantined, file_error)


def _refused_on_surprise(chunks: Iterator[inbox.RawBatch]) -> Iterator[inbox.RawBatch]:
    """The file's chunks; anything the reader did not foresee refuses this file (named, with the
    error) instead of failing the run and every later run on the same inbox."""
    read = 0
    try:
        for raw in chunks:
            yield raw
            read += 1
    except FileRejected:
        raise
    except Exception as exc:
        raise FileRejected(_surprise(exc, read + 1)) from exc


def _surprise(exc: Exception, chunk: int) -> str:
    where = "" if chunk == 1 else f" (in rows {(chunk - 1) * CHUNK_ROWS + 1:,} onwards)"
    return f"could not be read{where}: {type(exc).__name__}: {exc}"[:500]


def _stage_notes(
    con: duckdb.DuckDBPyConnection,
    loaded: pl.DataFrame,
    parsed_ids: pl.DataFrame,
    redactions: dict[str, tuple[int, int]],
) -> None:
    """Redact, count what was redacted, stage; only redacted text goes any further."""
    redacted = redact_text_column(loaded, "text")
    assert isinstance(redacted, pl.DataFrame)
    counts = redacted.select(
        *(pl.col(f"pii_{t}").sum().alias(f"{t}_n") for t in PII_TYPES),
        *((pl.col(f"pii_{t}") > 0).sum().alias(f"{t}_notes") for t in PII_TYPES),
    ).row(0, named=True)
    for t in PII_TYPES:
        replaced, notes = redactions[t]
        redactions[t] = (replaced + (counts[f"{t}_n"] or 0), notes + (counts[f"{t}_notes"] or 0))
    staged = redacted.drop([f"pii_{t}" for t in PII_TYPES])
    _register_and_run(con, staged, "load/stage_notes.sql")
    con.register("chunk_ids", parsed_ids.rename({"id": "note_id"}).to_arrow())
    con.execute("insert into staged_note_ids by name select * from chunk_ids")
    con.unregister("chunk_ids")


def _register_and_run(con: duckdb.DuckDBPyConnection, frame: pl.DataFrame, script: str) -> None:
    con.register("chunk_frame", frame.to_arrow())
    con.execute(sql_text(script))
    con.unregister("chunk_frame")


def _stage_quarantine(
    con: duckdb.DuckDBPyConnection, errors: pl.DataFrame, file: inbox.InboxFile, file_hash: str
) -> None:
    rows = errors.select(
        pl.lit(file_hash).alias("file_hash"),
        pl.lit(file.name).alias("file_name"),
        "row_number",
        "column_name",
        "rule",
        "value",
        "message",
    )
    con.register("chunk_quarantine", rows.to_arrow())
    con.execute("insert into staged_quarantine select * from chunk_quarantine")
    con.unregister("chunk_quarantine")


def _insert_staged(
    con: duckdb.DuckDBPyConnection, file: inbox.InboxFile, file_hash: str, arrival: Arrival
) -> int:
    """Move the staged file into the tables; returns how many rows were loaded."""
    if file.kind == "outcomes":
        [(loaded,)] = con.execute("select count(*) from staged_outcomes").fetchall()
        execute_script(con, "load/outcome_events.sql")
    else:
        _quarantine_repeated_ids(con, file, file_hash)
        [(loaded,)] = con.execute("select count(*) from staged_notes").fetchall()
        # Notes a later file has replaced since still count as loaded: they were, then replaced.
        execute_script(con, "load/superseded_notes.sql", [arrival.seq])
        for step in ("note_replacements", "forget_replaced_tags", "notes"):
            execute_script(con, f"load/{step}.sql")
    con.execute("insert into quarantine select * from staged_quarantine")
    return int(loaded)


def _quarantine_repeated_ids(
    con: duckdb.DuckDBPyConnection, file: inbox.InboxFile, file_hash: str
) -> None:
    """A note_id repeated across chunks is quarantined in every copy, as GX does within one."""
    repeated = con.sql(sql_text("load/file_duplicates.sql")).pl()
    if repeated.is_empty():
        return
    errors = repeated.select(
        pl.col("row_number").cast(pl.Int64),
        pl.lit("note_id").alias("column_name"),
        pl.lit("expect_column_values_to_be_unique").alias("rule"),
        pl.col("note_id").alias("value"),
        pl.format("note_id appears {} times in this file", pl.col("copies")).alias("message"),
    )
    _stage_quarantine(con, errors, file, file_hash)
    con.execute(
        "delete from staged_notes where note_id in "
        "(select note_id from staged_note_ids group by note_id having count(*) > 1)"
    )


def _insert_redactions(
    con: duckdb.DuckDBPyConnection, file_hash: str, redactions: dict[str, tuple[int, int]]
) -> None:
    con.executemany(
        "insert into redaction_counts values (?, ?, ?, ?)",
        [[file_hash, t, replaced, notes] for t, (replaced, notes) in redactions.items()],
    )
