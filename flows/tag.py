"""Tag flow: run the spaCy tagger over every note that has no tags from the current version."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task

from flows.warehouse import connect, sql_text
from transforms.note_tags import tag_notes
from transforms.tagger import load_tagger

# Notes per chunk: bounds memory, and each chunk is committed on its own.
CHUNK_SIZE = 50_000


@task
def notes_to_tag(warehouse: Path, tagger_version: str) -> list[str]:
    """Notes never tagged, or tagged by another tagger version."""
    with connect(warehouse) as con:
        rows = con.execute(sql_text("load/notes_to_tag.sql"), [tagger_version]).fetchall()
    return [row[0] for row in rows]


@task(retries=2, retry_delay_seconds=[1, 5])
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
    return tagged
