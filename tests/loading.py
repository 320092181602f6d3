"""Run the ingest task code file by file without a Prefect server (for crash and load tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from flows import inbox
from flows.file_load import FileResult
from flows.ingest import ingest_file
from flows.warehouse import connect

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def ingest_without_server(
    inbox_dir: Path, warehouse: Path, before_load: Callable[[str], None] | None = None
) -> list[FileResult]:
    with connect(warehouse) as con:
        known = {r[0] for r in con.execute("select file_hash from batch_accounting").fetchall()}
    results = []
    for file in inbox.discover(inbox_dir):
        scan = inbox.scan_file(file.path)
        if scan.content_hash in known:
            continue
        if before_load:
            before_load(file.path.name)
        results.append(ingest_file.fn(warehouse, file, scan, NOW, "test-run"))
    return results
