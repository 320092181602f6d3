"""Find batch files in the inbox and read each into a raw frame with a 1-based `_row` column.

Reading never drops a row silently: a record that cannot be parsed at all (a broken JSON line, a CSV
row with the wrong number of fields) becomes an error row; a file that cannot be read at all raises
FileRejected with a message that names the problem.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from transforms.parse import ERROR_SCHEMA, ROW, FileRejected

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
_NAME = re.compile(r"^(notes|outcomes)[^/]*$", re.IGNORECASE)
_PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class InboxFile:
    path: Path
    kind: str
    file_format: str


@dataclass(frozen=True)
class RawBatch:
    frame: pl.DataFrame
    row_errors: pl.DataFrame
    decode_errors: bool

    @property
    def rows_read(self) -> int:
        return self.frame.height + self.row_errors["row_number"].n_unique()


def discover(inbox: Path) -> list[InboxFile]:
    """Batch files by name (notes*, outcomes*) and extension, oldest first."""
    found = []
    for path in inbox.iterdir() if inbox.is_dir() else []:
        match = _NAME.match(path.stem)
        fmt = FORMATS.get(path.suffix.lower())
        if path.is_file() and match and fmt:
            found.append(InboxFile(path, match.group(1).lower(), fmt))
    return sorted(found, key=lambda f: (f.path.stat().st_mtime_ns, f.path.name))


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_raw(file: InboxFile) -> RawBatch:
    data = file.path.read_bytes()
    if not data:
        raise FileRejected("the file is empty (0 bytes)")
    if file.file_format == "parquet":
        return _read_parquet(data)
    if data.startswith(_PARQUET_MAGIC):
        raise FileRejected(f"this is a Parquet file, not {file.file_format.upper()}")
    text, decode_errors = _decode(data)
    batch = _read_csv(text) if file.file_format == "csv" else _read_jsonl(text)
    return RawBatch(batch.frame, batch.row_errors, decode_errors)


def _decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 with or without BOM; invalid bytes become U+FFFD and are reported per cell later."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), True


def _read_parquet(data: bytes) -> RawBatch:
    if not data.startswith(_PARQUET_MAGIC):
        raise FileRejected("not a Parquet file (no PAR1 header)")
    try:
        frame = pl.read_parquet(io.BytesIO(data))
    except Exception as exc:  # polars raises several types for corrupt files
        raise FileRejected(f"unreadable Parquet file: {exc}") from exc
    return RawBatch(frame.with_row_index(ROW, offset=1), _no_errors(), False)


def _read_csv(text: str) -> RawBatch:
    if not text.strip():
        raise FileRejected("the file has no header row")
    try:
        frame = pl.read_csv(io.StringIO(text), infer_schema=False, raise_if_empty=False)
        return RawBatch(frame.with_row_index(ROW, offset=1), _no_errors(), False)
    except pl.exceptions.PolarsError:
        return _read_csv_slowly(text)


def _read_csv_slowly(text: str) -> RawBatch:
    """Record by record, so a malformed record is reported with its number, not fatal."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    records, errors = [], []
    for number, record in enumerate(reader, start=1):
        if len(record) == len(header):
            records.append([number, *record])
        else:
            errors.append(
                _row_error(
                    number,
                    "wrong_field_count",
                    ",".join(record),
                    f"expected {len(header)} fields, found {len(record)}",
                )
            )
    frame = pl.DataFrame(records, schema=[ROW, *header], orient="row").with_columns(
        pl.col(ROW).cast(pl.UInt32)
    )
    return RawBatch(frame, _errors(errors), False)


def _read_jsonl(text: str) -> RawBatch:
    records: list[dict[str, object]] = []
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(_row_error(number, "invalid_json", line, f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(value, dict):
            errors.append(_row_error(number, "not_an_object", line, "a line must be a JSON object"))
            continue
        records.append({ROW: number, **{k: _as_text(v) for k, v in value.items()}})
    if not records and not errors:
        raise FileRejected("the file has no JSON lines")
    columns = list(dict.fromkeys(k for r in records for k in r))
    schema = {c: pl.UInt32 if c == ROW else pl.String for c in columns}
    return RawBatch(pl.DataFrame(records, schema=schema), _errors(errors), False)


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def _row_error(number: int, rule: str, value: str, message: str) -> dict[str, object]:
    return {
        "row_number": number,
        "column_name": None,
        "rule": rule,
        "value": value[:200],
        "message": message,
    }


def _errors(rows: list[dict[str, object]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=ERROR_SCHEMA) if rows else _no_errors()


def _no_errors() -> pl.DataFrame:
    return pl.DataFrame(schema=ERROR_SCHEMA)
