"""Publish flow: the report of this run, then a read-only copy of the warehouse for researchers.

The copy and its Parquet exports are built beside the published files and renamed over them, so a
researcher who holds the old copy open keeps a consistent view and never blocks a run. The exports
(DuckDB work, off the GIL) are written from the staged copy while the report renders.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import warmup
from flows.access import StagedExports, discard_staged, replace_staged, stage_parquet
from flows.settings import data_docs_index
from flows.warehouse import MEMORY_LIMIT, connect
from flows.writer import record_copy

PUBLISHED_NAME = "warehouse.duckdb"
PARQUET_DIR = "parquet"


@task(retries=2, retry_delay_seconds=[1, 5])
def render_report(warehouse: Path, reports: Path, run_id: str) -> Path:
    """The report of this run, with a copy of the GX Data Docs beside it and linked from it."""
    warmup.wait()  # statsmodels may be importing in the background
    from flows.report_io import write_report  # charts and statistics: imported when rendering

    docs_href = None
    docs = data_docs_index(warehouse)
    if docs.exists():
        shutil.copytree(docs.parent, reports / run_id / "data_docs", dirs_exist_ok=True)
        docs_href = "data_docs/index.html"
    with connect(warehouse) as con:
        return write_report(con, reports, run_id, data_docs_href=docs_href)


@task(retries=2, retry_delay_seconds=[1, 5])
def stage_copy(warehouse: Path, published: Path) -> Path:
    """Checkpoint the warehouse and copy it beside the published copy, not yet in its place."""
    published.mkdir(parents=True, exist_ok=True)
    staging = published / f".{PUBLISHED_NAME}.tmp"
    with connect(warehouse) as con:
        con.execute("checkpoint")
    shutil.copyfile(warehouse, staging)
    record_copy(warehouse, staging, published / PUBLISHED_NAME)
    return staging


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def export_tables(staging: Path, published: Path) -> StagedExports:
    """Parquet exports of the staged copy, as temporary files (see flows.access.stage_parquet)."""
    with duckdb.connect(str(staging), read_only=True) as con:
        # Bounded like the warehouse connection: the run's peak memory must not grow with it.
        con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
        return stage_parquet(con, published / PARQUET_DIR)


def _swap_in(staging: Path, exports: StagedExports, published: Path) -> Path:
    replace_staged(exports)
    target = published / PUBLISHED_NAME
    os.replace(staging, target)
    return target


@task(retries=2, retry_delay_seconds=[1, 5])
def publish_copy(warehouse: Path, published: Path) -> Path:
    """Copy the closed warehouse, export its tables as Parquet, then swap the copy in atomically."""
    staging = stage_copy.fn(warehouse, published)
    try:
        return _swap_in(staging, export_tables.fn(staging, published), published)
    finally:
        staging.unlink(missing_ok=True)


@flow(name="publish")
def publish(warehouse: Path, reports: Path, published: Path, run_id: str) -> tuple[Path, Path]:
    """Render the report while the staged copy's exports are written; swap in if both work."""
    staging = stage_copy(warehouse, published)
    try:
        exports = export_tables.submit(staging, published)
        try:
            report = render_report(warehouse, reports, run_id)
        except BaseException:
            exports.wait()
            if exports.state.is_completed():
                discard_staged(exports.result())
            raise
        return report, _swap_in(staging, exports.result(), published)
    finally:
        staging.unlink(missing_ok=True)
