"""A run that fails part-way leaves the warehouse as it was, records why, and keeps the copy."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import pipeline
from flows.sample_writer import write_sample

pytestmark = pytest.mark.e2e


def _count(warehouse: Path, sql: str) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return int(con.execute(sql).fetchall()[0][0])


def test_a_failed_run_restores_the_warehouse_and_says_so(
    prefect_server: None, tmp_path: Path
) -> None:
    sample = write_sample(tmp_path / "sample", n_notes=200, seed=8, n_batches=2)
    warehouse = tmp_path / "warehouse.duckdb"
    not_a_folder = tmp_path / "reports"
    not_a_folder.write_text("a file where the reports folder should be")

    with pytest.raises(Exception):  # noqa: B017 - the report cannot be written, whatever the type
        pipeline(inbox=sample.inbox, warehouse=warehouse, reports=not_a_folder,
                 published=tmp_path / "published")  # fmt: skip

    assert _count(warehouse, "select count(*) from notes") == 0
    assert _count(warehouse, "select count(*) from batch_accounting") == 0
    assert _count(warehouse, "select count(*) from runs where status = 'failed'") == 1
    assert not (tmp_path / "published" / "warehouse.duckdb").exists()
