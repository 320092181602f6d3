"""Run the ingest task code file by file without a Prefect server (for crash and load tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from flows import inbox
from flows.ingest import CheckedBatch, SplitBatch, check_inbox_file, load_batch, redact_notes
from flows.warehouse import connect

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def ingest_without_server(
    inbox_dir: Path, warehouse: Path, before_load: Callable[[str], None] | None = None
) -> None:
    with connect(warehouse) as con:
        known = {r[0] for r in con.execute("select file_hash from batch_accounting").fetchall()}
    for file in inbox.discover(inbox_dir):
        file_hash = inbox.content_hash(file.path)
        if file_hash in known:
            continue
        checked = check_inbox_file.fn(file, NOW)
        if file.kind == "notes":
            split = checked.split
            redacted = SplitBatch(redact_notes.fn(split.loaded), split.quarantine, split.rows_read)
            checked = CheckedBatch(redacted, checked.file_error)
        if before_load:
            before_load(file.path.name)
        load_batch.fn(warehouse, file, file_hash, checked, "test-run")
