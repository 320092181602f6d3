"""Tag flow: run the spaCy tagger over every note that has no tags from the current version."""

from __future__ import annotations

from collections import deque
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows import warmup
from flows.settings import GOLD_NOTES
from flows.warehouse import connect, sql_text
from transforms.evaluate import evaluate_records, parse_records
from transforms.note_tags import TaggedNotes, tag_notes

if TYPE_CHECKING:
    from transforms.tagger import Tagger

# Notes per chunk: bounds memory, and each chunk is committed on its own. Replacing older tags
# (a new tagger version) costs DuckDB more memory than adding them: smaller chunks then.
CHUNK_SIZE = 50_000
RETAG_CHUNK_SIZE = 25_000


def _tagger() -> Tagger:
    """The process's tagger, imported on first use: spaCy costs most of a second to import, which
    a run spends in the background (flows.warmup) rather than before its flow starts."""
    from transforms.tagger import load_tagger

    return load_tagger()


@task(cache_policy=NO_CACHE)
def notes_to_tag(warehouse: Path, tagger_version: str) -> list[str]:
    """Notes never tagged, or tagged by another tagger version."""
    with connect(warehouse) as con:
        rows = con.execute(sql_text("load/notes_to_tag.sql"), [tagger_version]).fetchall()
    return [row[0] for row in rows]


@task(cache_policy=NO_CACHE)
def has_older_tags(warehouse: Path, tagger_version: str) -> bool:
    """Whether some note carries tags from another tagger version (they will be replaced)."""
    with connect(warehouse) as con:
        query = "select exists(select 1 from note_tags where tagger_version <> ?)"
        row = con.execute(query, [tagger_version]).fetchone()
    return bool(row and row[0])


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def read_notes(warehouse: Path, note_ids: list[str]) -> pl.DataFrame:
    # A semi join on the ids as a registered table: the same rows as `note_id in (select
    # unnest($1))`, which took 0.4-0.7 s for 10,000 ids among 1M notes, against 0.14 s.
    with connect(warehouse) as con:
        con.register(
            "wanted_notes",
            pl.DataFrame({"note_id": note_ids}, schema={"note_id": pl.String}).to_arrow(),
        )
        return con.sql("select notes.* from notes semi join wanted_notes using (note_id)").pl()


@task(cache_policy=NO_CACHE)
def tag_notes_chunk(notes: pl.DataFrame, n_process: int) -> TaggedNotes:
    """Pure computation: where a Dask cluster is configured, this runs on its workers."""
    return tag_notes(notes, _tagger(), n_process=n_process)


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def write_tags(warehouse: Path, tagged: TaggedNotes) -> int:
    """Replace the chunk's tags and evidence in one transaction."""
    with connect(warehouse) as con:
        con.begin()
        con.register("chunk_tags", tagged.note_tags.to_arrow())
        con.register("chunk_evidence", tagged.evidence.to_arrow())
        con.execute(sql_text("load/note_tags.sql"))
        con.commit()
    return tagged.note_tags.height


@task(cache_policy=NO_CACHE)
def score_on_gold(warehouse: Path, gold_notes: Path = GOLD_NOTES) -> None:
    """Measure this tagger version on the gold set once; the report's methods section shows it."""
    tagger = _tagger()
    with connect(warehouse) as con:
        scored = con.execute(
            "select count(*) from tagger_accuracy where tagger_version = ?", [tagger.version]
        ).fetchall()[0][0]
        if scored or not gold_notes.exists():
            return
        records, _ = parse_records(gold_notes.read_text(encoding="utf-8").split("\n"))
        result = evaluate_records(records, tagger)
        con.executemany(
            "insert into tagger_accuracy values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
            [
                [tagger.version, name, result["n"], s["precision"], s["recall"], s["f1"]]
                + [s["tp"], s["fp"], s["fn"], s["support"], result["abstained"].get(name, 0)]
                for name, s in result["features"].items()
            ],
        )


@flow(name="tag")
def tag_untagged(
    warehouse: Path, n_process: int = 1, in_flight: int = 2, chunk_size: int | None = None
) -> int:
    """Tag what the current tagger version has not tagged yet; returns how many were tagged.

    Chunks are tagged by `tag_notes_chunk` on the flow's task runner with `in_flight` chunks
    submitted at a time (on a Dask cluster: one per worker, plus one), so the taggers keep working
    while this flow, the only writer, reads the next chunk and writes the last one's tags.
    """
    logger = get_run_logger()
    warmup.wait(warmup.TAGGER)  # the tagger may be being built in the background
    version = _tagger().version
    pending = notes_to_tag(warehouse, version)
    if chunk_size is None:
        retag = bool(pending) and has_older_tags(warehouse, version)
        chunk_size = RETAG_CHUNK_SIZE if retag else CHUNK_SIZE
    tagged = 0
    running: deque[PrefectFuture[TaggedNotes]] = deque()
    for start in range(0, len(pending), chunk_size):
        notes = read_notes(warehouse, pending[start : start + chunk_size])
        running.append(tag_notes_chunk.submit(notes, n_process))
        if len(running) >= in_flight:
            tagged += write_tags(warehouse, running.popleft().result())
    while running:
        tagged += write_tags(warehouse, running.popleft().result())
    if tagged:
        # The run goes on to its report: the idle tagger processes would hold memory meanwhile.
        from transforms.tagger import stop_workers

        stop_workers()
    logger.info("tagged %d notes with tagger %s", tagged, version)
    score_on_gold(warehouse)
    return tagged


def tag_flow(dask_address: str | None) -> Any:
    """The tag flow, on the Dask cluster at `dask_address` when one is given."""
    if not dask_address:
        return tag_untagged
    from dask.distributed import Client
    from prefect_dask import DaskTaskRunner

    with Client(dask_address, timeout=30) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
    runner = DaskTaskRunner(address=dask_address)
    on_dask = tag_untagged.with_options(task_runner=runner)  # type: ignore[arg-type]
    return partial(on_dask, in_flight=workers + 1)
