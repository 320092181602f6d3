"""Ingest flow: every new inbox file is read, checked against the contract, redacted and loaded.

Each file is one DuckDB transaction that also writes its `batch_accounting` row, so a file is either
fully loaded and recorded, or not at all; a re-run skips files whose content hash is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows import inbox
from flows.settings import gx_project_dir
from flows.warehouse import connect, sql_text
from transforms.intake import SplitBatch, split_batch, whole_file_quarantine
from transforms.parse import ERROR_SCHEMA, FileRejected, coerce_batch, contract_for
from transforms.quality import file_context, validate_rows
from transforms.redact import PII_TYPES, redact_text_column


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
class CheckedBatch:
    split: SplitBatch
    file_error: str | None


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def open_gx_project(warehouse: Path) -> Any:
    return file_context(str(gx_project_dir(warehouse)))


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def build_data_docs(gx_context: Any) -> None:
    """Data Docs of every validation so far, next to the warehouse; the report links to them."""
    gx_context.build_data_docs()


@task(retries=2, retry_delay_seconds=[1, 5])
def hash_inbox_file(file: inbox.InboxFile) -> str:
    return inbox.content_hash(file.path)


@task
def known_file_hashes(warehouse: Path) -> set[str]:
    with connect(warehouse) as con:
        return {row[0] for row in con.execute("select file_hash from batch_accounting").fetchall()}


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def check_inbox_file(
    file: inbox.InboxFile, now: datetime, gx_context: Any | None = None
) -> CheckedBatch:
    """Read, coerce and validate one file; never raises for bad content.

    With a file-backed GX context the validation result is kept for Data Docs.
    """
    contract = contract_for(file.kind)
    try:
        raw = inbox.read_raw(file)
    except FileRejected as exc:
        empty = pl.DataFrame(schema={"_row": pl.UInt32})
        return CheckedBatch(split_batch(empty, pl.DataFrame(schema=ERROR_SCHEMA)), str(exc))
    try:
        coerced = coerce_batch(raw.frame, contract, decode_errors=raw.decode_errors)
    except FileRejected as exc:
        rejected = whole_file_quarantine(raw.frame, "missing_required_column", str(exc))
        return CheckedBatch(split_batch(raw.frame, rejected, raw.row_errors), str(exc))
    parsed = coerced.rows.filter(
        ~pl.col("_row").cast(pl.Int64).is_in(coerced.errors["row_number"].implode())
    )
    suite = validate_rows(parsed, contract, now, context=gx_context, run_name=file.path.name)
    return CheckedBatch(
        split_batch(coerced.rows, raw.row_errors, coerced.errors, suite.errors), None
    )


@task(cache_policy=NO_CACHE)
def redact_notes(rows: pl.DataFrame) -> pl.DataFrame:
    return redact_text_column(rows, "text")


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def load_batch(
    warehouse: Path, file: inbox.InboxFile, file_hash: str, checked: CheckedBatch, run_id: str
) -> FileResult:
    """One transaction: rows, quarantine, redaction counts and the accounting row."""
    split = checked.split
    with connect(warehouse) as con:
        con.begin()
        arrival_seq = con.execute(
            "select coalesce(max(arrival_seq), 0) + 1 from batch_accounting"
        ).fetchall()[0][0]
        loaded = split.loaded.with_columns(pl.lit(file_hash).alias("file_hash"))
        if file.kind == "notes":
            _load_notes(con, loaded, file_hash)
        else:
            _load_outcomes(con, loaded.with_columns(pl.lit(arrival_seq).alias("arrival_seq")))
        _load_quarantine(con, split.quarantine, file, file_hash)
        con.execute(
            "insert into batch_accounting values (?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?)",
            [
                file_hash,
                file.path.name,
                file.kind,
                file.file_format,
                arrival_seq,
                datetime.fromtimestamp(file.path.stat().st_mtime, UTC),
                run_id,
                split.rows_read,
                split.loaded.height,
                split.rows_quarantined,
                checked.file_error,
            ],
        )
        con.commit()
    return FileResult(
        file.path.name,
        file.kind,
        split.rows_read,
        split.loaded.height,
        split.rows_quarantined,
        checked.file_error,
    )


def _load_notes(con, loaded: pl.DataFrame, file_hash: str) -> None:  # type: ignore[no-untyped-def]
    counts = loaded.select(
        *(pl.col(f"pii_{t}").sum().alias(f"{t}_replacements") for t in PII_TYPES),
        *((pl.col(f"pii_{t}") > 0).sum().alias(f"{t}_notes") for t in PII_TYPES),
    )
    incoming_frame = loaded.drop([f"pii_{t}" for t in PII_TYPES]).to_arrow()  # noqa: F841
    con.register("incoming_frame", incoming_frame)
    for step in ("stage_notes", "note_replacements", "forget_replaced_tags", "notes"):
        con.execute(sql_text(f"load/{step}.sql"))
    con.unregister("incoming_frame")
    con.executemany(
        "insert into redaction_counts values (?, ?, ?, ?)",
        [
            [file_hash, t, counts[f"{t}_replacements"][0] or 0, counts[f"{t}_notes"][0] or 0]
            for t in PII_TYPES
        ],
    )


def _load_outcomes(con, loaded: pl.DataFrame) -> None:  # type: ignore[no-untyped-def]
    con.register("incoming_frame", loaded.to_arrow())
    for step in ("stage_outcomes", "outcome_events"):
        con.execute(sql_text(f"load/{step}.sql"))
    con.unregister("incoming_frame")


def _load_quarantine(con, quarantine: pl.DataFrame, file: inbox.InboxFile, file_hash: str) -> None:  # type: ignore[no-untyped-def]
    rows = quarantine.select(
        pl.lit(file_hash).alias("file_hash"),
        pl.lit(file.path.name).alias("file_name"),
        "row_number",
        "column_name",
        "rule",
        "value",
        "message",
    )
    con.register("quarantined", rows.to_arrow())
    con.execute("insert into quarantine select * from quarantined")
    con.unregister("quarantined")


@flow(name="ingest")
def ingest_inbox(
    inbox_dir: Path, warehouse: Path, run_id: str, *, only: list[Path] | None = None
) -> list[FileResult]:
    """Load every inbox file not loaded before; a bad file is reported and the others still load.

    `only` restricts the run to those files (a backfill), still skipping any already recorded.
    """
    logger = get_run_logger()
    known = known_file_hashes(warehouse)
    now = datetime.now(UTC)
    results = []
    wanted = {p.resolve() for p in only} if only is not None else None
    gx_context = None
    for file in inbox.discover(inbox_dir):
        if wanted is not None and file.path.resolve() not in wanted:
            continue
        file_hash = hash_inbox_file(file)
        if file_hash in known:
            results.append(FileResult(file.path.name, file.kind, 0, 0, 0, None, skipped=True))
            continue
        gx_context = gx_context or open_gx_project(warehouse)
        checked = check_inbox_file(file, now, gx_context)
        if file.kind == "notes":
            redacted = redact_notes(checked.split.loaded)
            checked = CheckedBatch(
                SplitBatch(redacted, checked.split.quarantine, checked.split.rows_read),
                checked.file_error,
            )
        result = load_batch(warehouse, file, file_hash, checked, run_id)
        known.add(file_hash)
        if result.file_error:
            logger.error("%s refused: %s", file.path.name, result.file_error)
        logger.info(
            "%s: read %d, loaded %d, quarantined %d",
            result.file_name,
            result.rows_read,
            result.rows_loaded,
            result.rows_quarantined,
        )
        results.append(result)
    if gx_context is not None:
        build_data_docs(gx_context)
    return results
