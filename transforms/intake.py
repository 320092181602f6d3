"""Split a validated batch into rows to load and rows to quarantine; nothing is dropped."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.parse import ERROR_SCHEMA, ROW


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
    errors = pl.concat([e.select(ERROR_SCHEMA.keys()) for e in error_frames], how="vertical")
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
