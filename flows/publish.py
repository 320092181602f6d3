"""Publish flow: the report of this run, then a read-only copy of the warehouse for researchers.

The copy and its Parquet exports are built beside the published files and renamed over them, so a
researcher who holds the old copy open keeps a consistent view and never blocks a run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
from prefect import flow, task

from flows.access import export_parquet
from flows.report_io import write_report
from flows.settings import data_docs_index
from flows.warehouse import connect

PUBLISHED_NAME = "warehouse.duckdb"
PARQUET_DIR = "parquet"


@task(retries=2, retry_delay_seconds=[1, 5])
def render_report(warehouse: Path, reports: Path, run_id: str) -> Path:
    """The report of this run, with a copy of the GX Data Docs beside it and linked from it."""
    docs_href = None
    docs = data_docs_index(warehouse)
    if docs.exists():
        shutil.copytree(docs.parent, reports / run_id / "data_docs", dirs_exist_ok=True)
        docs_href = "data_docs/index.html"
    with connect(warehouse) as con:
        return write_report(con, reports, run_id, data_docs_href=docs_href)


@task(retries=2, retry_delay_seconds=[1, 5])
def publish_copy(warehouse: Path, published: Path) -> Path:
    """Copy the closed warehouse, export its tables as Parquet, then swap the copy in atomically."""
    published.mkdir(parents=True, exist_ok=True)
    target = published / PUBLISHED_NAME
    staging = published / f".{PUBLISHED_NAME}.tmp"
    with connect(warehouse) as con:
        con.execute("checkpoint")
    shutil.copyfile(warehouse, staging)
    try:
        with duckdb.connect(str(staging), read_only=True) as con:
            export_parquet(con, published / PARQUET_DIR)
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return target


@flow(name="publish")
def publish(warehouse: Path, reports: Path, published: Path, run_id: str) -> tuple[Path, Path]:
    report = render_report(warehouse, reports, run_id)
    return report, publish_copy(warehouse, published)
