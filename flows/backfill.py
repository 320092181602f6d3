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

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows import inbox
from flows.file_load import Arrival, FileResult, load_file
from flows.ingest import ingest_inbox, scan_inbox_file
from flows.pipeline import new_run_id, record_run
from flows.publish import publish
from flows.settings import Paths
from flows.subflows import parent_heartbeat_only
from flows.tag import tag_untagged
from flows.warehouse import connect, execute_script
from flows.writer import writer_lock

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


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def reload_file(
    warehouse: Path, file: inbox.InboxFile, scan: inbox.FileScan, run_id: str, now: datetime
) -> tuple[FileResult, bool]:
    """Forget and reload one recorded file in one transaction; roll back if nothing changes."""
    file_hash = scan.content_hash
    with connect(warehouse) as con:
        con.begin()
        before = _footprint(con, file_hash)
        [(seq, arrived_at)] = con.execute(
            "select arrival_seq, arrived_at from batch_accounting where file_hash = ?", [file_hash]
        ).fetchall()
        result = load_file(
            con,
            file,
            scan,
            arrival=Arrival(seq, arrived_at),
            now=now,
            run_id=run_id,
            before_insert=lambda c: execute_script(c, "load/forget_file.sql", [file_hash]),
        )
        changed = _footprint(con, file_hash) != before
        con.commit() if changed else con.rollback()
    return result, changed


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
    with writer_lock(paths.warehouse), parent_heartbeat_only():
        scans = {f.path: scan_inbox_file(f) for f in inbox.discover(paths.inbox)}
        found = [(f, scans[f.path].content_hash) for f in inbox.discover(paths.inbox)]
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
            (f.name, *reload_file(paths.warehouse, f, scans[f.path], run_id, now))
            for f, _ in plan.reload
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
