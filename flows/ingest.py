"""Ingest flow: every new inbox file is read, checked against the contract, redacted and loaded.

Each file is one DuckDB transaction that also writes its `batch_accounting` row, so a file is either
fully loaded and recorded, or not at all; a re-run skips files whose content hash is recorded.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows import inbox, warmup
from flows.file_load import FileResult, load_file, next_arrival
from flows.settings import data_docs_index, gx_project_dir, inbox_scans_path
from flows.warehouse import connect
from transforms.quality import file_context

__all__ = ["FileResult", "ingest_file", "ingest_inbox"]


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def open_gx_project(warehouse: Path) -> Any:
    warmup.wait(warmup.GX)  # GX may be importing in the background: never import it twice
    return file_context(str(gx_project_dir(warehouse)))


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def build_data_docs(warehouse: Path, since: datetime, gx_context: Any | None = None) -> None:
    """Data Docs of every validation so far, next to the warehouse; the report links to them.

    Pages of earlier runs' validations are already built and do not change: only the suites, this
    run's validations and the index are rendered, unless the site does not exist yet.
    """
    gx_context = gx_context or open_gx_project.fn(warehouse)
    if not data_docs_index(warehouse).exists():
        gx_context.build_data_docs()
        return
    new = [
        key
        for key in gx_context.validation_results_store.list_keys()
        if key.run_id.run_time >= since
    ]
    suites = gx_context.expectations_store.list_keys()
    gx_context.build_data_docs(resource_identifiers=[*suites, *new])


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
    gx_context: Any | None = None,
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
            gx_context=gx_context,
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
    data_docs: bool = True,
) -> list[FileResult]:
    """Load every inbox file not loaded before; a bad file is reported and the others still load.

    `only` restricts the run to those files (a backfill), still skipping any already recorded.
    `data_docs=False` leaves the Data Docs of this run's validations to the caller
    (``build_data_docs``), which may render them while other work goes on.
    """
    logger = get_run_logger()
    known = known_file_hashes(warehouse)
    now = datetime.now(UTC)
    results = []
    wanted = {p.resolve() for p in only} if only is not None else None
    # A full sweep remembers its scans: a file not written since is not read again next time.
    scans = inbox.ScanCache(inbox_scans_path(warehouse)) if only is None else None
    gx_context = None
    for file in inbox.discover(inbox_dir):
        if wanted is not None and file.path.resolve() not in wanted:
            continue
        scan = scan_inbox_file(file, scans)
        if scan.content_hash in known:
            results.append(FileResult(file.path.name, file.kind, 0, 0, 0, None, skipped=True))
            continue
        gx_context = gx_context or open_gx_project(warehouse)
        result = ingest_file(warehouse, file, scan, now, run_id, gx_context)
        known.add(scan.content_hash)
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
    if scans is not None:
        scans.save()
    if gx_context is not None and data_docs:
        build_data_docs(warehouse, now, gx_context)
    return results
