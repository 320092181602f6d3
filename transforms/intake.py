"""Split a validated batch into rows to load and rows to quarantine; nothing is dropped."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from transforms.parse import ERROR_SCHEMA, ROW, CoercedBatch, Contract, FileRejected, coerce_batch
from transforms.quality import SuiteResult, Validator, validate_rows


@dataclass(frozen=True)
class SplitBatch:
    """`loaded`: rows without any error. `quarantine`: one row per (row, column, rule) error."""

    loaded: pl.DataFrame
    quarantine: pl.DataFrame
    rows_read: int

    @property
    def rows_quarantined(self) -> int:
        return self.quarantine["row_number"].n_unique()


def split_batch(rows: pl.DataFrame, *error_frames: pl.DataFrame) -> SplitBatch:
    """Rows named in any error frame are quarantined whole; `rows` keeps only parsed rows."""
    errors = pl.concat(
        [e.select(ERROR_SCHEMA.keys()) for e in error_frames], how="vertical"
    ).unique(maintain_order=True)
    bad_rows = errors["row_number"].unique()
    loaded = rows.filter(~pl.col(ROW).cast(pl.Int64).is_in(bad_rows.implode()))
    parse_failures = errors.filter(~pl.col("row_number").is_in(rows[ROW].cast(pl.Int64).implode()))
    rows_read = rows.height + parse_failures["row_number"].n_unique()
    return SplitBatch(
        loaded=loaded, quarantine=errors.sort("row_number", "column_name"), rows_read=rows_read
    )


def whole_file_quarantine(rows: pl.DataFrame, rule: str, message: str) -> pl.DataFrame:
    """Every data row of a file that cannot be loaded, each with the file-level reason."""
    row_numbers = rows[ROW].cast(pl.Int64) if ROW in rows.columns else pl.Series([], dtype=pl.Int64)
    return pl.DataFrame(
        {
            "row_number": row_numbers,
            "column_name": pl.Series([None] * len(row_numbers), dtype=pl.String),
            "rule": [rule] * len(row_numbers),
            "value": pl.Series([None] * len(row_numbers), dtype=pl.String),
            "message": [message] * len(row_numbers),
        },
        schema=ERROR_SCHEMA,
    )


@dataclass(frozen=True)
class CheckedChunk:
    """A chunk split into rows to load and quarantined errors; `file_error` when a column lacks."""

    split: SplitBatch
    parsed_ids: pl.DataFrame
    file_error: str | None


@dataclass(frozen=True)
class PendingChunk:
    """A coerced chunk whose GX validation may still be running (see ``start_check``)."""

    coerced: CoercedBatch
    row_errors: pl.DataFrame
    suite: Future[SuiteResult]
    id_column: str


def start_check(
    raw: pl.DataFrame,
    row_errors: pl.DataFrame,
    contract: Contract,
    now: datetime,
    *,
    decode_errors: bool = False,
    validator: Validator | None = None,
    run_name: str | None = None,
) -> PendingChunk | CheckedChunk:
    """Coerce a raw chunk to the contract and start its GX validation.

    With a `validator` working in another process the suite runs there while the caller goes on
    (say, with the previous chunk); ``finish_check`` waits for it. Without one it runs here. A
    chunk that lacks a required column is quarantined whole at once: nothing to validate.
    """
    try:
        coerced = coerce_batch(raw, contract, decode_errors=decode_errors)
    except FileRejected as exc:
        rejected = whole_file_quarantine(raw, "missing_required_column", str(exc))
        return CheckedChunk(split_batch(raw, rejected, row_errors), _no_ids(), str(exc))
    bad = coerced.errors["row_number"].implode()
    parsed = coerced.rows.filter(~pl.col(ROW).cast(pl.Int64).is_in(bad))
    if validator is None:
        suite: Future[SuiteResult] = Future()
        suite.set_result(validate_rows(parsed, contract, now, run_name=run_name))
    else:
        suite = validator.submit(parsed, contract, now, run_name)
    return PendingChunk(coerced, row_errors, suite, contract.required[0])


def finish_check(pending: PendingChunk | CheckedChunk) -> CheckedChunk:
    """Split the chunk once its validation is done; loses no row.

    `parsed_ids` holds (`_row`, id) of every parsed row with an id, loaded or not, so duplicates
    across chunks of one file can be found after the last chunk.
    """
    if isinstance(pending, CheckedChunk):
        return pending
    coerced = pending.coerced
    suite = pending.suite.result()
    split = split_batch(coerced.rows, pending.row_errors, coerced.errors, suite.errors)
    ids = coerced.rows.select(pl.col(ROW).cast(pl.Int64), pl.col(pending.id_column).alias("id"))
    return CheckedChunk(split, ids.filter(pl.col("id").is_not_null()), None)


def _no_ids() -> pl.DataFrame:
    return pl.DataFrame(schema={ROW: pl.Int64, "id": pl.String})
