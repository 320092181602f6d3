"""Write a generated sample (transforms/sample.py) as inbox batches plus the truth beside them.

Layout under `out_dir`::

    inbox/notes_<k>.<ext>, inbox/outcomes_<k>.<ext>   k = 1..n_batches; csv → jsonl → parquet → …
    truth/labels.parquet, truth/bad_rows.parquet, truth/model.json
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from transforms.sample import (
    RATES,
    TRUE_EFFECTS,
    batch_format,
    generate_sample,
    text_timestamps,
)


@dataclass(frozen=True)
class SampleFiles:
    """Paths written and row counts."""

    inbox: Path
    notes_files: list[Path] = field(default_factory=list)
    outcomes_files: list[Path] = field(default_factory=list)
    labels: Path = Path()
    bad_rows: Path = Path()
    model: Path = Path()
    n_notes: int = 0
    n_outcomes: int = 0
    n_bad_rows: int = 0


def write_sample(
    out_dir: Path, n_notes: int, seed: int, n_batches: int = 4, bad_row_rate: float = 0.001
) -> SampleFiles:
    """Generate a sample and write it under `out_dir` (inbox/ and truth/); returns what it wrote."""
    sample = generate_sample(n_notes, seed, n_batches=n_batches, bad_row_rate=bad_row_rate)
    inbox, truth_dir = Path(out_dir) / "inbox", Path(out_dir) / "truth"
    inbox.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    unparseable = sample.bad_rows.filter(pl.col("reason") == "unparseable_timestamp")["note_id"]
    notes_files, outcomes_files = [], []
    for k in range(1, n_batches + 1):
        ext = batch_format(k)
        notes = sample.notes.filter(pl.col("batch") == k).drop("batch")
        outcomes = sample.outcomes.filter(pl.col("batch") == k).drop("batch")
        if ext != "parquet":
            notes = text_timestamps(notes, seed * 1000 + k, unparseable)
            outcomes = text_timestamps(outcomes, seed * 1000 + 500 + k, None)
        notes_files.append(write_frame(notes, inbox / f"notes_{k}.{ext}"))
        outcomes_files.append(write_frame(outcomes, inbox / f"outcomes_{k}.{ext}"))
    labels = truth_dir / "labels.parquet"
    sample.truth.write_parquet(labels)
    bad_rows = truth_dir / "bad_rows.parquet"
    sample.bad_rows.write_parquet(bad_rows)
    model = truth_dir / "model.json"
    model.write_text(json.dumps(_model_card(n_notes, seed, n_batches, bad_row_rate), indent=2))
    return SampleFiles(
        inbox=inbox,
        notes_files=notes_files,
        outcomes_files=outcomes_files,
        labels=labels,
        bad_rows=bad_rows,
        model=model,
        n_notes=sample.notes.height,
        n_outcomes=sample.outcomes.height,
        n_bad_rows=sample.bad_rows.height,
    )


def write_frame(frame: pl.DataFrame, path: Path) -> Path:
    """Write a batch in the format its extension names (.csv, .jsonl or .parquet)."""
    if path.suffix == ".csv":
        frame.write_csv(path)
    elif path.suffix == ".jsonl":
        frame.write_ndjson(path)
    else:
        frame.write_parquet(path)
    return path


def _model_card(n_notes: int, seed: int, n_batches: int, bad_row_rate: float) -> dict[str, object]:
    return {
        "model": "logit P(callback) = intercept + mistakes + role_family + seniority + channel"
        " + send_bucket (see transforms/sample.py)",
        "true_effects": TRUE_EFFECTS,
        "rates": RATES,
        "n_notes": n_notes,
        "seed": seed,
        "n_batches": n_batches,
        "bad_row_rate": bad_row_rate,
    }
