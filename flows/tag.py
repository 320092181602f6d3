"""Tag flow: run the spaCy tagger over every note that has no tags from the current version."""

from __future__ import annotations

import json
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.settings import GOLD_NOTES
from flows.warehouse import connect, sql_text
from transforms.evaluate import evaluate_records
from transforms.note_tags import tag_notes
from transforms.tagger import load_tagger

# Notes per chunk: bounds memory, and each chunk is committed on its own.
CHUNK_SIZE = 50_000


@task(cache_policy=NO_CACHE)
def notes_to_tag(warehouse: Path, tagger_version: str) -> list[str]:
    """Notes never tagged, or tagged by another tagger version."""
    with connect(warehouse) as con:
        rows = con.execute(sql_text("load/notes_to_tag.sql"), [tagger_version]).fetchall()
    return [row[0] for row in rows]


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def tag_chunk(warehouse: Path, note_ids: list[str], n_process: int) -> int:
    """Tag one chunk and replace its tags and evidence in one transaction."""
    tagger = load_tagger()
    with connect(warehouse) as con:
        notes = con.sql(
            "select * from notes where note_id in (select unnest($1::varchar[]))",
            params=[note_ids],
        ).pl()
        tagged = tag_notes(notes, tagger, n_process=n_process)
        con.begin()
        con.register("chunk_tags", tagged.note_tags.to_arrow())
        con.register("chunk_evidence", tagged.evidence.to_arrow())
        con.execute(sql_text("load/note_tags.sql"))
        con.commit()
    return notes.height


@task(cache_policy=NO_CACHE)
def score_on_gold(warehouse: Path, gold_notes: Path = GOLD_NOTES) -> None:
    """Measure this tagger version on the gold set once; the report's methods section shows it."""
    tagger = load_tagger()
    with connect(warehouse) as con:
        scored = con.execute(
            "select count(*) from tagger_accuracy where tagger_version = ?", [tagger.version]
        ).fetchall()[0][0]
        if scored or not gold_notes.exists():
            return
        records = [json.loads(line) for line in gold_notes.read_text().splitlines() if line]
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
def tag_untagged(warehouse: Path, n_process: int = 1) -> int:
    """Tag what the current tagger version has not tagged yet; returns how many were tagged."""
    logger = get_run_logger()
    version = load_tagger().version
    pending = notes_to_tag(warehouse, version)
    tagged = 0
    for start in range(0, len(pending), CHUNK_SIZE):
        tagged += tag_chunk(warehouse, pending[start : start + CHUNK_SIZE], n_process)
    logger.info("tagged %d notes with tagger %s", tagged, version)
    score_on_gold(warehouse)
    return tagged
