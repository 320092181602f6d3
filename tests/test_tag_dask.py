"""The tag stage on a local Dask cluster of two workers gives exactly the single-process result."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.sample_writer import write_sample
from flows.tag import tag_flow
from flows.warehouse import connect
from tests.loading import ingest_without_server

pytestmark = pytest.mark.e2e


def _tags(warehouse: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tags = con.execute("select * from note_tags order by note_id").fetchall()
        evidence = con.execute(
            "select * from tag_evidence order by note_id, feature, rule, span_start, fields"
        ).fetchall()
    return tags, evidence


def test_dask_cluster_tags_like_a_single_process(prefect_server: None, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    sample = write_sample(tmp_path / "sample", n_notes=1500, seed=4, n_batches=2)
    single = tmp_path / "single.duckdb"
    ingest_without_server(sample.inbox, single)
    on_dask = tmp_path / "dask.duckdb"
    shutil.copyfile(single, on_dask)

    tag_flow(None)(single, chunk_size=400)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        tagged = tag_flow(cluster.scheduler_address)(on_dask, chunk_size=400)

    assert tagged == 1500 - pl.read_parquet(sample.bad_rows).height
    assert _tags(single) == _tags(on_dask)
    with connect(on_dask) as con:
        assert con.execute("select count(*) from note_tags").fetchall() == [(tagged,)]
