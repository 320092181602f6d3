"""Coerce a raw input batch to the contract's types, row by row, without losing a row.

A raw batch is a frame read from CSV, JSON Lines or Parquet with a 1-based `_row` column. Values
that cannot be coerced (an unparseable timestamp, a list where a string belongs, a Parquet column
of the wrong type, text that was not valid UTF-8) are reported per row and column; business rules
(not null, allowed values, uniqueness, ordering) are the Great Expectations suites' job
(`transforms.quality`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.contract import (
    NOTES_ALLOWED,
    NOTES_REQUIRED,
    NOTES_SCHEMA,
    OUTCOMES_ALLOWED,
    OUTCOMES_REQUIRED,
    OUTCOMES_SCHEMA,
    UTC_DATETIME,
)

ROW = "_row"
ERROR_SCHEMA: dict[str, pl.DataType] = {
    "row_number": pl.Int64(),
    "column_name": pl.String(),
    "rule": pl.String(),
    "value": pl.String(),
    "message": pl.String(),
}
# The character a lenient UTF-8 decode puts where the bytes were invalid.
REPLACEMENT_CHAR = "\ufffd"


class FileRejected(ValueError):
    """The whole file cannot be loaded (unreadable, or a required column is missing)."""


@dataclass(frozen=True)
class Contract:
    kind: str
    schema: dict[str, pl.DataType]
    required: tuple[str, ...]
    allowed: dict[str, tuple[str, ...]]


NOTES = Contract("notes", NOTES_SCHEMA, NOTES_REQUIRED, NOTES_ALLOWED)
OUTCOMES = Contract("outcomes", OUTCOMES_SCHEMA, OUTCOMES_REQUIRED, OUTCOMES_ALLOWED)


@dataclass(frozen=True)
class CoercedBatch:
    """Typed rows (contract columns, `_row`, `extra` JSON of unknown columns) and the errors."""

    rows: pl.DataFrame
    errors: pl.DataFrame


def contract_for(kind: str) -> Contract:
    return {"notes": NOTES, "outcomes": OUTCOMES}[kind]


def normalized_timestamp(text: pl.Expr) -> pl.Expr:
    """ISO 8601 strings to one shape with an explicit offset; a missing offset means UTC."""
    s = (
        text.str.strip_chars()
        # the basic format ("20260304T100000Z") and a decimal comma ("10:00:00,5") are ISO too
        .str.replace(
            r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})", "${1}-${2}-${3}T${4}:${5}:${6}"
        )
        .str.replace(r"^(\d{4}-\d{2}-\d{2}[ tT]\d{2}:\d{2}:\d{2}),(\d)", "${1}.${2}")
        .str.replace(r"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{2})$", "${1}:00")  # "+02"
        .str.replace(r"^(\d{4}-\d{2}-\d{2})$", "${1}T00:00:00")
        .str.replace(r"^(\d{4}-\d{2}-\d{2})[ tT]", "${1}T")
        .str.replace(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})($|[zZ+-])", "${1}:00${2}")
        .str.replace(r"[zZ]$", "+00:00")
        .str.replace(r"\s*(?i:utc)$", "+00:00")
    )
    return pl.when(s.str.contains(r"[+-]\d{2}:?\d{2}$")).then(s).otherwise(s + "+00:00")


def parsed_timestamp(text: pl.Expr) -> pl.Expr:
    return normalized_timestamp(text).str.to_datetime(
        "%Y-%m-%dT%H:%M:%S%.f%z", time_zone="UTC", strict=False
    )


def coerce_batch(
    raw: pl.DataFrame, contract: Contract, *, decode_errors: bool = False
) -> CoercedBatch:
    """Cast `raw` to the contract; every cell that fails becomes one error row, the row is kept."""
    raw = raw.rename(_contract_names(raw.columns, contract))
    missing = [c for c in contract.required if c not in raw.columns]
    if missing:
        found = [c for c in raw.columns if c != ROW]
        hint = next(
            (f" (the header looks separated by {d!r}, not ',')" for d in (";", "\t", "|")
             if found and found[0].count(d) >= 2),
            "",
        )  # fmt: skip
        raise FileRejected(
            f"missing required column(s) {', '.join(missing)}; "
            f"found: {', '.join(found) or 'no columns'}{hint}"
        )
    extra_columns = [c for c in raw.columns if c not in contract.schema and c != ROW]
    typed: list[pl.Expr] = [pl.col(ROW)]
    checks: list[tuple[pl.Expr, list[pl.Expr]]] = []
    for name, dtype in contract.schema.items():
        if name not in raw.columns:
            typed.append(pl.lit(None, dtype=dtype).alias(name))
            continue
        value, failed, rule = _coerce_column(name, raw.schema[name], dtype, contract)
        typed.append(value.alias(name))
        checks.append(_error_rows(name, failed, rule))
    if decode_errors:
        checks.extend(_invalid_utf8(c) for c in raw.columns if raw.schema[c] == pl.String)
    typed.append(_extra_json({c: raw.schema[c] for c in extra_columns}))
    rows = raw.select(typed)
    errors = (
        pl.concat([raw.filter(check[0]).select(check[1]) for check in checks], how="vertical")
        if checks
        else pl.DataFrame(schema=ERROR_SCHEMA)
    )
    return CoercedBatch(rows=rows, errors=errors.sort("row_number", "column_name"))


def _contract_names(columns: list[str], contract: Contract) -> dict[str, str]:
    """Input names that are a contract column but for case and surrounding spaces ("Note_ID",
    " text "), renamed to it; never when the exact name is also there."""
    wanted = {name.lower(): name for name in contract.schema}
    renames: dict[str, str] = {}
    for column in columns:
        target = wanted.get(column.strip().lower())
        if target and column != target and target not in columns and target not in renames.values():
            renames[column] = target
    return renames


def _coerce_column(
    name: str, source: pl.DataType, target: pl.DataType, contract: Contract
) -> tuple[pl.Expr, pl.Expr, str]:
    """The typed value, a flag for cells that failed, and the rule name for them."""
    col = pl.col(name)
    present = col.is_not_null()
    if target == UTC_DATETIME:
        if isinstance(source, pl.Datetime):
            value = col.dt.replace_time_zone("UTC") if source.time_zone is None else col
            return value.dt.convert_time_zone("UTC").dt.cast_time_unit("us"), pl.lit(False), ""
        if source == pl.Date:  # midnight UTC, as a date-only text value is read
            value = col.cast(pl.Datetime("us")).dt.replace_time_zone("UTC")
            return value, pl.lit(False), ""
        if source == pl.String:
            text = pl.when(col.str.strip_chars() == "").then(None).otherwise(col)
            value = parsed_timestamp(text)
            return value, text.is_not_null() & value.is_null(), "unparseable_timestamp"
        return pl.lit(None, dtype=target), present, "wrong_type"
    if source in (pl.String, pl.Null) or source.is_numeric() or source == pl.Boolean:
        value = col.cast(pl.String).str.strip_chars()
        if name == "text":
            # Text keeps its own whitespace; a missing text is an empty note.
            value = col.cast(pl.String).fill_null("")
        elif name in contract.allowed:
            value = value.str.to_lowercase()
        if name != "text":
            value = pl.when(value == "").then(None).otherwise(value)
        return value, pl.lit(False), ""
    return pl.lit(None, dtype=target), present, "wrong_type"


def _error_rows(name: str, failed: pl.Expr, rule: str) -> tuple[pl.Expr, list[pl.Expr]]:
    shown = pl.col(name).cast(pl.String, strict=False).str.slice(0, 200)
    return failed, [
        pl.col(ROW).cast(pl.Int64).alias("row_number"),
        pl.lit(name).alias("column_name"),
        pl.lit(rule).alias("rule"),
        shown.alias("value"),
        pl.format(
            "{}: cannot read {} as {}", pl.lit(rule), pl.lit(name), pl.lit(_type_name(name))
        ).alias("message"),
    ]


def _invalid_utf8(name: str) -> tuple[pl.Expr, list[pl.Expr]]:
    failed = pl.col(name).str.contains(REPLACEMENT_CHAR, literal=True).fill_null(False)
    return failed, [
        pl.col(ROW).cast(pl.Int64).alias("row_number"),
        pl.lit(name).alias("column_name"),
        pl.lit("invalid_utf8").alias("rule"),
        pl.col(name).str.slice(0, 200).alias("value"),
        pl.lit(f"invalid_utf8: {name} holds bytes that are not UTF-8 (shown as U+FFFD)").alias(
            "message"
        ),
    ]


def _type_name(name: str) -> str:
    return "an ISO 8601 timestamp" if name.endswith(("_start", "_end", "_at")) else "text"


def _extra_json(columns: dict[str, pl.DataType]) -> pl.Expr:
    """Unknown extra columns are kept, as one JSON object per row."""
    if not columns:
        return pl.lit(None, dtype=pl.String).alias("extra")
    # Scalars as text; lists and structs stay JSON arrays and objects (with their field names).
    fields = [
        pl.col(c) if t.is_nested() else pl.col(c).cast(pl.String, strict=False)
        for c, t in columns.items()
    ]
    return pl.struct(fields).struct.json_encode().alias("extra")
