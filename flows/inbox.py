"""Find batch files in the inbox and read each in bounded chunks with a 1-based `_row` column.

Reading never drops a row silently: a record that cannot be parsed at all (a broken JSON line, a CSV
row with the wrong number of fields) becomes an error row; a file that cannot be read at all raises
FileRejected with a message that names the problem.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

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


def discover(inbox: Path) -> list[InboxFile]:
    """Batch files by name (notes*, outcomes*) and extension, oldest first."""
    found = []
    for path in inbox.iterdir() if inbox.is_dir() else []:
        match = _NAME.match(path.stem)
        fmt = FORMATS.get(path.suffix.lower())
        if path.is_file() and match and fmt:
            found.append(InboxFile(path, match.group(1).lower(), fmt))
    return sorted(found, key=lambda f: (f.path.stat().st_mtime_ns, f.path.name))


@dataclass(frozen=True)
class FileScan:
    content_hash: str
    valid_utf8: bool


def scan_file(path: Path) -> FileScan:
    """One pass over the bytes: the content hash, and whether the text is valid UTF-8."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    valid = True
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            if valid:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    valid = False
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return FileScan(digest.hexdigest(), valid)


class ScanCache:
    """Scans of inbox files, kept in a JSON file so that a re-run need not read old files again.

    An entry holds while the file's inode, size, modification and change times (ns) are those it
    had when it was scanned: writing a file changes its change time, which no tool can set back.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._entries: dict[str, dict] = json.loads(path.read_text())
        except (OSError, ValueError):
            self._entries = {}
        self._seen: set[str] = set()

    def scan(self, path: Path) -> FileScan:
        key, stamp = str(path.resolve()), _stamp(path)  # stamped before reading, not after
        self._seen.add(key)
        entry = self._entries.get(key)
        if entry and entry.get("stamp") == stamp:
            return FileScan(entry["content_hash"], entry["valid_utf8"])
        scan = scan_file(path)
        self._entries[key] = {"stamp": stamp, **dataclasses.asdict(scan)}
        return scan

    def save(self) -> None:
        """Write the entries of the files scanned since loading (others have left the inbox)."""
        kept = {key: entry for key, entry in self._entries.items() if key in self._seen}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        staging = self.path.with_name(f".{self.path.name}.tmp")
        staging.write_text(json.dumps(kept))
        os.replace(staging, self.path)


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def read_chunks(file: InboxFile, *, chunk_rows: int, valid_utf8: bool = True) -> Iterator[RawBatch]:
    """The file as raw batches of at most `chunk_rows` rows, so memory stays bounded.

    Raises FileRejected before the first batch when the file cannot be read at all. Text that is
    not valid UTF-8 is read lossily (U+FFFD) and every batch says so, for per-cell reporting.
    """
    head = _head(file.path)
    if not head:
        raise FileRejected("the file is empty (0 bytes)")
    if file.file_format == "parquet":
        yield from _parquet_chunks(file.path, head, chunk_rows)
        return
    if head.startswith(_PARQUET_MAGIC):
        raise FileRejected(f"this is a Parquet file, not {file.file_format.upper()}")
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRejected(
            "the file has no header row"
            if file.file_format == "csv"
            else "the file has no JSON lines"
        )
    reader = _csv_chunks if file.file_format == "csv" else _jsonl_chunks
    yield from reader(file.path, chunk_rows, not valid_utf8)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(4096)


def _parquet_chunks(path: Path, head: bytes, chunk_rows: int) -> Iterator[RawBatch]:
    if not head.startswith(_PARQUET_MAGIC):
        raise FileRejected("not a Parquet file (no PAR1 header)")
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise FileRejected(f"unreadable Parquet file: {exc}") from exc
    offset = 1
    batches = parquet.iter_batches(batch_size=chunk_rows)
    first = True
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            break
        except Exception as exc:
            raise FileRejected(f"unreadable Parquet file: {exc}") from exc
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        yield RawBatch(_numbered(frame, offset), _no_errors(), False)
        offset += frame.height
        first = False
    if first:
        empty = pl.from_arrow(parquet.schema_arrow.empty_table())
        assert isinstance(empty, pl.DataFrame)
        yield RawBatch(_numbered(empty, 1), _no_errors(), False)


def _numbered(frame: pl.DataFrame, offset: int) -> pl.DataFrame:
    return frame.with_row_index(ROW, offset=offset)


def _csv_chunks(path: Path, chunk_rows: int, lossy: bool) -> Iterator[RawBatch]:
    """Polars' streaming reader; on a malformed record, the csv module takes over from there."""
    done = 0
    scan = pl.scan_csv(
        path, infer_schema=False, encoding="utf8-lossy" if lossy else "utf8", raise_if_empty=False
    ).with_row_index(ROW, offset=1)
    try:
        for frame in scan.collect_batches(chunk_size=chunk_rows):
            yield RawBatch(frame, _no_errors(), lossy)
            done += frame.height
        if not done:
            yield RawBatch(pl.DataFrame(schema=scan.collect_schema()), _no_errors(), lossy)
        return
    except pl.exceptions.PolarsError:
        pass
    yield from _csv_chunks_slowly(path, chunk_rows, lossy, skip=done)


def _csv_chunks_slowly(path: Path, chunk_rows: int, lossy: bool, skip: int) -> Iterator[RawBatch]:
    """Record by record, so a malformed record is reported with its number, not fatal."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        records: list[list[object]] = []
        errors: list[dict[str, object]] = []
        for number, record in enumerate(reader, start=1):
            if number <= skip:
                continue
            if len(record) == len(header):
                records.append([number, *record])
            else:
                errors.append(_wrong_field_count(number, record, len(header)))
            if len(records) + len(errors) >= chunk_rows:
                yield _csv_batch(header, records, errors, lossy)
                records, errors = [], []
        if records or errors:
            yield _csv_batch(header, records, errors, lossy)


def _wrong_field_count(number: int, record: list[str], expected: int) -> dict[str, object]:
    message = f"expected {expected} fields, found {len(record)}"
    return _row_error(number, "wrong_field_count", ",".join(record), message)


def _csv_batch(
    header: list[str], records: list[list[object]], errors: list[dict[str, object]], lossy: bool
) -> RawBatch:
    frame = pl.DataFrame(records, schema=[ROW, *header], orient="row").with_columns(
        pl.col(ROW).cast(pl.UInt32)
    )
    return RawBatch(frame, _errors(errors), lossy)


def _jsonl_chunks(path: Path, chunk_rows: int, lossy: bool) -> Iterator[RawBatch]:
    lines: list[bytes] = []
    numbers: list[int] = []
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            lines.append(line)
            numbers.append(number)
            if len(lines) >= chunk_rows:
                yield _jsonl_batch(lines, numbers, lossy)
                lines, numbers = [], []
    if lines:
        yield _jsonl_batch(lines, numbers, lossy)


def _jsonl_batch(lines: list[bytes], numbers: list[int], lossy: bool) -> RawBatch:
    """Polars parses a clean chunk at once; any surprise sends the chunk line by line."""
    if not lossy:
        try:
            frame = pl.read_ndjson(io.BytesIO(b"\n".join(lines)), infer_schema_length=None)
            if frame.height == len(lines) and not any(t.is_nested() for t in frame.dtypes):
                text = frame.select(pl.all().cast(pl.String))
                numbered = text.with_columns(pl.Series(ROW, numbers, dtype=pl.UInt32))
                return RawBatch(numbered.select(ROW, *text.columns), _no_errors(), False)
        except pl.exceptions.PolarsError:
            pass
    return _jsonl_batch_slowly(lines, numbers, lossy)


def _jsonl_batch_slowly(lines: list[bytes], numbers: list[int], lossy: bool) -> RawBatch:
    records: list[dict[str, object]] = []
    errors = []
    for number, raw in zip(numbers, lines, strict=True):
        line = raw.decode("utf-8", errors="replace")
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(_row_error(number, "invalid_json", line, f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(value, dict):
            errors.append(_row_error(number, "not_an_object", line, "a line must be a JSON object"))
            continue
        records.append({ROW: number, **{k: _as_text(v) for k, v in value.items()}})
    columns = list(dict.fromkeys(k for r in records for k in r)) or [ROW]
    schema = {c: pl.UInt32 if c == ROW else pl.String for c in columns}
    return RawBatch(pl.DataFrame(records, schema=schema), _errors(errors), lossy)


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
