"""Backfill flow: reprocess the inbox files whose arrival date falls in a range.

Modes: `missing` loads files in the range that were never loaded; `failed` re-validates recorded
files that were refused or quarantined rows; `all` does both and re-validates every recorded file.
A recorded file is reloaded in one transaction that first forgets its rows and keeps its place in
the arrival order (so outcome supersession is unchanged); if the reload would leave the file's rows
exactly as they were, the transaction is rolled back. A second identical backfill changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task

from flows import inbox
from flows.ingest import (
    CheckedBatch,
    FileResult,
    _load_notes,
    _load_outcomes,
    _load_quarantine,
    check_inbox_file,
    hash_inbox_file,
    ingest_inbox,
    redact_notes,
)
from flows.pipeline import new_run_id, record_run
from flows.publish import publish
from flows.settings import Paths
from flows.tag import tag_untagged
from flows.warehouse import connect, sql_text
from flows.writer import writer_lock
from transforms.intake import SplitBatch

MODES: tuple[str, ...] = ("missing", "failed", "all")


@dataclass(frozen=True)
class Recorded:
    arrived_at: datetime
    needs_retry: bool  # refused, or some rows quarantined


@dataclass(frozen=True)
class Plan:
    load: list[inbox.InboxFile]
    reload: list[tuple[inbox.InboxFile, str]]


@dataclass(frozen=True)
class BackfillResult:
    run_id: str
    loaded: list[FileResult]
    reloaded: list[FileResult]
    unchanged: list[str]
    notes_tagged: int
    published: Path | None

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.reloaded)


def arrival_date(file: inbox.InboxFile, recorded: Recorded | None) -> date:
    """Recorded arrival for loaded files, the file's modification time for the others (UTC)."""
    if recorded is not None:
        return recorded.arrived_at.astimezone(UTC).date()
    return datetime.fromtimestamp(file.path.stat().st_mtime, UTC).date()


def plan_backfill(
    files: list[tuple[inbox.InboxFile, str]],
    recorded: dict[str, Recorded],
    start: date,
    end: date,
    mode: str,
) -> Plan:
    """Which files to load for the first time and which to reload, by arrival date and mode."""
    load, reload = [], []
    for file, file_hash in files:
        known = recorded.get(file_hash)
        if not start <= arrival_date(file, known) <= end:
            continue
        if known is None and mode in ("missing", "all"):
            load.append(file)
        elif known is not None and (mode == "all" or (mode == "failed" and known.needs_retry)):
            reload.append((file, file_hash))
    return Plan(load, reload)


@task
def recorded_files(warehouse: Path) -> dict[str, Recorded]:
    with connect(warehouse) as con:
        rows = con.execute(
            "select file_hash, arrived_at, file_error is not null or rows_quarantined > 0 "
            "from batch_accounting"
        ).fetchall()
    return {h: Recorded(arrived, bool(retry)) for h, arrived, retry in rows}


@task(retries=2, retry_delay_seconds=[1, 5])
def reload_batch(
    warehouse: Path, file: inbox.InboxFile, file_hash: str, checked: CheckedBatch, run_id: str
) -> tuple[FileResult, bool]:
    """Forget and reload one recorded file in one transaction; roll back if nothing changes."""
    split = checked.split
    with connect(warehouse) as con:
        con.begin()
        before = _footprint(con, file_hash)
        [(arrival_seq, arrived_at)] = con.execute(
            "select arrival_seq, arrived_at from batch_accounting where file_hash = ?", [file_hash]
        ).fetchall()
        loaded = split.loaded.with_columns(pl.lit(file_hash).alias("file_hash"))
        if file.kind == "notes":
            loaded = _without_newer_notes(con, loaded, arrival_seq)
        keep = loaded["note_id"].to_list() if "note_id" in loaded.columns else []
        for statement in _statements(sql_text("load/forget_file.sql")):
            con.execute(statement, [file_hash, keep] if "$2" in statement else [file_hash])
        if loaded.height and file.kind == "notes":
            _load_notes(con, loaded, file_hash)
        elif loaded.height:
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
                arrived_at,
                run_id,
                split.rows_read,
                loaded.height,
                split.rows_read - loaded.height,
                checked.file_error,
            ],
        )
        changed = _footprint(con, file_hash) != before
        con.commit() if changed else con.rollback()
    result = FileResult(
        file.path.name,
        file.kind,
        split.rows_read,
        loaded.height,
        split.rows_read - loaded.height,
        checked.file_error,
    )
    return result, changed


def _statements(text: str) -> list[str]:
    return [s.strip() for s in text.split(";") if s.strip() and not _only_comments(s)]


def _only_comments(statement: str) -> bool:
    return all(line.strip().startswith("--") or not line.strip() for line in statement.splitlines())


def _without_newer_notes(con, loaded: pl.DataFrame, arrival_seq: int) -> pl.DataFrame:  # type: ignore[no-untyped-def]
    """Drop notes that a later file has replaced since: the reload must not undo that."""
    if not loaded.height:
        return loaded
    newer = con.execute(
        "select notes.note_id from notes inner join batch_accounting using (file_hash) "
        "where batch_accounting.arrival_seq > ? and list_contains(?::varchar[], notes.note_id)",
        [arrival_seq, loaded["note_id"].to_list()],
    ).fetchall()
    return loaded.filter(~pl.col("note_id").is_in([row[0] for row in newer]))


def _footprint(con, file_hash: str) -> list[list[tuple]]:  # type: ignore[no-untyped-def]
    """Everything the file put in the warehouse, except when and by which run it was loaded."""
    queries = (
        "select * exclude (loaded_at, run_id) from batch_accounting where file_hash = $1",
        "select * from quarantine where file_hash = $1",
        "select * from redaction_counts where file_hash = $1",
        "select * from outcome_events where file_hash = $1",
        "select * from notes where file_hash = $1",
        "select note_tags.* from note_tags inner join notes using (note_id) "
        "where notes.file_hash = $1",
    )
    return [sorted(con.execute(q, [file_hash]).fetchall(), key=repr) for q in queries]


def _reload(
    warehouse: Path, file: inbox.InboxFile, file_hash: str, run_id: str, now: datetime
) -> tuple[FileResult, bool]:
    checked = check_inbox_file(file, now)
    if file.kind == "notes" and checked.split.loaded.height:
        redacted = redact_notes(checked.split.loaded)
        checked = CheckedBatch(
            SplitBatch(redacted, checked.split.quarantine, checked.split.rows_read),
            checked.file_error,
        )
    return reload_batch(warehouse, file, file_hash, checked, run_id)


@flow(name="backfill")
def backfill(
    start: date,
    end: date,
    mode: str = "missing",
    inbox_dir: Path | None = None,
    warehouse: Path | None = None,
    reports: Path | None = None,
    published: Path | None = None,
) -> BackfillResult:
    """Reprocess the inbox files that arrived between `start` and `end` (inclusive, UTC)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    logger = get_run_logger()
    paths = Paths.from_env(inbox_dir, warehouse, reports, published)
    run_id = new_run_id() + "-backfill"
    with writer_lock(paths.warehouse):
        found = [(f, hash_inbox_file(f)) for f in inbox.discover(paths.inbox)]
        plan = plan_backfill(found, recorded_files(paths.warehouse), start, end, mode)
        logger.info(
            "backfill %s: %d to load, %d to re-validate", mode, len(plan.load), len(plan.reload)
        )
        loaded = []
        if plan.load:
            loaded = ingest_inbox(
                paths.inbox, paths.warehouse, run_id, only=[f.path for f in plan.load]
            )
            loaded = [f for f in loaded if not f.skipped]
        now = datetime.now(UTC)
        outcomes = [
            (f.path.name, *_reload(paths.warehouse, f, h, run_id, now)) for f, h in plan.reload
        ]
        reloaded = [result for _, result, changed in outcomes if changed]
        unchanged = [name for name, _, changed in outcomes if not changed]
        tagged, published_copy = 0, None
        if loaded or reloaded:
            tagged = tag_untagged(paths.warehouse)
            report, published_copy = publish(
                paths.warehouse, paths.reports, paths.published, run_id
            )
            record_run(
                paths.warehouse,
                run_id,
                "completed",
                files_new=len(loaded) + len(reloaded),
                notes_tagged=tagged,
                report_path=report,
            )
    return BackfillResult(run_id, loaded, reloaded, unchanged, tagged, published_copy)
