"""Ingest flow: every new inbox file is read, checked against the contract, redacted and loaded.

Each file is one DuckDB transaction that also writes its `batch_accounting` row, so a file is either
fully loaded and recorded, or not at all; a re-run skips files whose content hash is recorded.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows import gx_process, inbox
from flows.file_load import FileResult, load_file, next_arrival
from flows.settings import data_docs_index, gx_project_dir, inbox_scans_path
from flows.warehouse import connect

__all__ = ["FileResult", "ingest_file", "ingest_inbox"]


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def build_data_docs(warehouse: Path, since: datetime) -> None:
    """Data Docs of every validation so far, next to the warehouse; the report links to them.

    Only this run's validations (since `since`), the suites and the index are rendered, unless
    the site does not exist yet.
    """
    fresh = not data_docs_index(warehouse).exists()
    gx_process.start(gx_project_dir(warehouse)).build_data_docs(None if fresh else since)


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def scan_inbox_file(file: inbox.InboxFile, cache: inbox.ScanCache | None = None) -> inbox.FileScan:
    return cache.scan(file.path) if cache else inbox.scan_file(file.path)


@task(cache_policy=NO_CACHE)
def known_file_hashes(warehouse: Path) -> set[str]:
    with connect(warehouse) as con:
        return {row[0] for row in con.execute("select file_hash from batch_accounting").fetchall()}


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def ingest_file(
    warehouse: Path,
    file: inbox.InboxFile,
    scan: inbox.FileScan,
    now: datetime,
    run_id: str,
    gx_project: gx_process.GxProject | None = None,
) -> FileResult:
    """One transaction: the file's rows, quarantine, redaction counts and its accounting row."""
    with connect(warehouse) as con:
        con.begin()
        result = load_file(
            con,
            file,
            scan,
            arrival=next_arrival(con, file),
            now=now,
            run_id=run_id,
            validator=gx_project,
        )
        con.commit()
    return result


@flow(name="ingest")
def ingest_inbox(
    inbox_dir: Path,
    warehouse: Path,
    run_id: str,
    *,
    only: list[Path] | None = None,
) -> list[FileResult]:
    """Load every inbox file not loaded before; a bad file is reported and the others still load.

    `only` restricts the run to those files (a backfill), still skipping any already recorded.
    Files are validated in the GX project's own process (flows.gx_process), which renders the
    Data Docs of this run's validations at the end and is then stopped.
    """
    logger = get_run_logger()
    known = known_file_hashes(warehouse)
    now = datetime.now(UTC)
    results = []
    wanted = {p.resolve() for p in only} if only is not None else None
    # A full sweep remembers its scans: a file not written since is not read again next time.
    scans = inbox.ScanCache(inbox_scans_path(warehouse)) if only is None else None
    gx_project = None
    # The GX process ends with the ingest, failed or not: the tag stage needs the memory.
    try:
        for file in inbox.discover(inbox_dir):
            if wanted is not None and file.path.resolve() not in wanted:
                continue
            scan = scan_inbox_file(file, scans)
            if scan.content_hash in known:
                results.append(FileResult(file.name, file.kind, 0, 0, 0, None, skipped=True))
                continue
            gx_project = gx_project or gx_process.start(gx_project_dir(warehouse))
            result = ingest_file(warehouse, file, scan, now, run_id, gx_project)
            known.add(scan.content_hash)
            if result.file_error:
                logger.error("%s refused: %s", file.name, result.file_error)
            logger.info(
                "%s: read %d, loaded %d, quarantined %d",
                result.file_name,
                result.rows_read,
                result.rows_loaded,
                result.rows_quarantined,
            )
            results.append(result)
        if scans is not None:
            scans.save()
        if gx_project is not None:
            build_data_docs(warehouse, now)
    finally:
        gx_process.stop(gx_project_dir(warehouse))
    return results
