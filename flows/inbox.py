"""Find batch files in the inbox and read each in bounded chunks with a 1-based `_row` column.

Reading never drops a row silently: a record that cannot be parsed at all (a broken JSON line, a CSV
row with the wrong number of fields) becomes an error row; a file that cannot be read at all raises
FileRejected with a message that names the problem.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import gzip
import hashlib
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, cast

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from transforms.parse import ERROR_SCHEMA, ROW, FileRejected, contract_for

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
OTHER_FORMAT = "other"
_NAME = re.compile(r"^(notes|outcomes)[^/]*$", re.IGNORECASE)
_PARQUET_MAGIC = b"PAR1"
_GZIP_MAGIC = b"\x1f\x8b"
# A text may be long (the contract's limit is checked later, per row); the csv module's own
# limit (128 KiB a field) would otherwise end the file at the first long field.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class InboxFile:
    path: Path
    kind: str
    file_format: str

    @property
    def name(self) -> str:
        """The file's name as text that can be stored and shown: a name in another encoding
        (a Windows zip unpacked here: "notes_\\xe9quipe.csv") keeps its bytes as escapes."""
        return self.path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class RawBatch:
    frame: pl.DataFrame
    row_errors: pl.DataFrame
    decode_errors: bool


def discover(inbox: Path) -> list[InboxFile]:
    """Batch files by name (notes*, outcomes*), oldest first. A batch file in a format the
    pipeline does not read (notes.xlsx, outcomes.tsv) is listed as "other", to be refused by
    name rather than passed over in silence; gzip CSV may be named .csv.gz."""
    found = []
    for path in inbox.iterdir() if inbox.is_dir() else []:
        inner = Path(path.name[:-3]) if path.name.lower().endswith(".gz") else Path(path.name)
        match = _NAME.match(inner.stem)
        if not (match and path.is_file()):
            continue
        fmt = FORMATS.get(inner.suffix.lower(), OTHER_FORMAT)
        if inner.name != path.name and fmt != "csv":
            fmt = OTHER_FORMAT  # the JSON Lines and Parquet readers take plain files only
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
    if file.name != file.path.name:  # the readers take text paths only
        raise FileRejected(
            "the file name is not UTF-8 (its odd bytes are shown as \\x escapes): rename the "
            "file and it will be read"
        )
    if file.file_format == OTHER_FORMAT:
        raise FileRejected(
            f"not a format the pipeline reads ({''.join(file.path.suffixes) or 'no extension'}): "
            "save it as CSV (UTF-8), JSON Lines or Parquet"
        )
    head = _head(file.path)
    if not head:
        raise FileRejected("the file is empty (0 bytes)")
    if file.file_format == "parquet":
        yield from _parquet_chunks(file.path, head, chunk_rows)
        return
    if head.startswith(_PARQUET_MAGIC):
        raise FileRejected(f"this is a Parquet file, not {file.file_format.upper()}")
    compressed = head.startswith(_GZIP_MAGIC)
    if compressed:
        head = _head(file.path, compressed=True)
    if (
        head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        or head[:200].count(b"\x00") > 20
    ):
        raise FileRejected("the file is UTF-16 (or another encoding with NUL bytes), not UTF-8")
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRejected(
            "the file has no header row"
            if file.file_format == "csv"
            else "the file has no JSON lines"
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if file.file_format == "csv" and start[:4].lower() == b"sep=":
        raise FileRejected(
            'the first line is a spreadsheet\'s "sep=" marker: delete that line so that the '
            "header row comes first"
        )
    if file.file_format == "jsonl" and start[:1] == b"[":
        raise FileRejected("this is a JSON array, not JSON Lines: write one object per line")
    if file.file_format == "jsonl" and start.split(b"\n", 1)[0].strip() == b"{":
        raise FileRejected(
            "this is JSON spread over several lines, not JSON Lines: write one object per line"
        )
    if file.file_format == "csv":
        yield from _csv_chunks(file.path, chunk_rows, not valid_utf8, head, compressed)
    else:
        typed = tuple(contract_for(file.kind).schema)
        yield from _jsonl_chunks(file.path, chunk_rows, not valid_utf8, typed)


def _head(path: Path, compressed: bool = False) -> bytes:
    with _open_bytes(path) if compressed else path.open("rb") as handle:
        return handle.read(4096)


def _open_bytes(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip (Polars reads such a CSV as is)."""
    with path.open("rb") as handle:
        compressed = handle.read(2) == _GZIP_MAGIC
    if compressed:
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def _safe_names(names: list[str]) -> list[str]:
    """Column names as read, made unique the way Polars does ("text", "text_duplicated_0"), with
    an input column called `_row` renamed: that name is the reader's row number."""
    unique: list[str] = []
    for name in names:
        candidate, k = (name if name != ROW else f"{ROW}_duplicated_0"), 0
        while candidate in unique or candidate == ROW:
            candidate, k = f"{name}_duplicated_{k}", k + 1
        unique.append(candidate)
    return unique


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
        frame, lossy = _plain_columns(batch)
        yield RawBatch(_numbered(frame, offset), _no_errors(), lossy)
        offset += frame.height
        first = False
    if first:
        empty, _ = _plain_columns(parquet.schema_arrow.empty_table())
        yield RawBatch(_numbered(empty, 1), _no_errors(), False)


def _plain_columns(batch: pa.RecordBatch | pa.Table) -> tuple[pl.DataFrame, bool]:
    """A Parquet batch with unique column names; dictionary-encoded (categorical) strings, as
    pandas writes them, and binary columns, as some writers store text, read as plain strings.
    Also whether some binary value was not UTF-8 (read lossily, U+FFFD, to be reported per
    cell)."""
    frame = pl.from_arrow(batch.rename_columns(_safe_names(batch.schema.names)))
    assert isinstance(frame, pl.DataFrame)
    coded = [n for n, t in frame.schema.items() if isinstance(t, (pl.Categorical, pl.Enum))]
    if coded:
        frame = frame.with_columns(pl.col(coded).cast(pl.String))
    lossy = False
    for name in [n for n, t in frame.schema.items() if t == pl.Binary]:
        texts = []
        for value in frame[name].to_list():
            try:
                texts.append(None if value is None else value.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(value.decode("utf-8", "replace"))
                lossy = True
        frame = frame.with_columns(pl.Series(name, texts, dtype=pl.String))
    return frame, lossy


def _numbered(frame: pl.DataFrame, offset: int) -> pl.DataFrame:
    return frame.with_row_index(ROW, offset=offset)


def _csv_chunks(
    path: Path, chunk_rows: int, lossy: bool, head: bytes, compressed: bool
) -> Iterator[RawBatch]:
    """Polars' streaming reader when every record has the header's field count; otherwise, and
    for gzip or line endings Polars does not split on (CR alone), the csv module, record by
    record. Polars pads a record that is short of fields with nulls, so a counting pass goes
    first (about 1 s for 250,000 notes)."""
    cr_only = b"\r" in head and b"\n" not in head
    if compressed or cr_only or not _regular(path):
        yield from _csv_chunks_slowly(path, chunk_rows, lossy, skip=0)
        return
    done = 0
    scan = pl.scan_csv(
        path, infer_schema=False, encoding="utf8-lossy" if lossy else "utf8", raise_if_empty=False
    )
    names = scan.collect_schema().names()
    if ROW in names:
        scan = scan.rename(dict(zip(names, _safe_names(names), strict=True)))
    scan = scan.with_row_index(ROW, offset=1)
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


def _regular(path: Path) -> bool:
    """Every record has as many fields as the header, and none is blank."""
    with _csv_text(path) as handle:
        reader = csv.reader(handle, strict=True)  # strict: a quote left open ends in an error
        try:
            width = len(next(reader, []))
            return all(len(record) == width for record in reader)
        except csv.Error:
            return False


def _csv_text(path: Path) -> io.TextIOWrapper:
    return io.TextIOWrapper(_open_bytes(path), encoding="utf-8-sig", errors="replace", newline="")


def _csv_chunks_slowly(path: Path, chunk_rows: int, lossy: bool, skip: int) -> Iterator[RawBatch]:
    """Record by record, so a malformed record is reported with its number, not fatal. Blank
    lines are not records."""
    with _csv_text(path) as handle:
        reader = csv.reader(handle)
        header = _safe_names(next(reader, []))
        records: list[list[object]] = []
        errors: list[dict[str, object]] = []
        number = 0
        for record in reader:
            if not record:
                continue
            number += 1
            if number <= skip:
                continue
            if len(record) == len(header):
                records.append([number, *record])
            else:
                errors.append(_wrong_field_count(number, record, len(header)))
            if len(records) + len(errors) >= chunk_rows:
                yield _csv_batch(header, records, errors, lossy)
                records, errors = [], []
        if records and _open_quote_at_end(path, records[-1]):
            last = records.pop()
            errors.append(
                _row_error(int(str(last[0])), "unclosed_quote", ",".join(map(str, last[1:])),
                           "a quote opened in this record is never closed: the rest of the file "
                           "was read into it")
            )  # fmt: skip
        if records or errors:
            yield _csv_batch(header, records, errors, lossy)


def _open_quote_at_end(path: Path, record: list[object]) -> bool:
    """The file's last record runs over several lines and the file does not end on a quote: the
    csv module read everything after an unclosed quote into it."""
    if not any("\n" in str(field) for field in record[1:]):
        return False
    tail = b""
    with _open_bytes(path) as handle:
        if not isinstance(handle, gzip.GzipFile):  # a plain file is read from near its end
            handle.seek(max(0, path.stat().st_size - 64))
        for block in iter(lambda: handle.read(1 << 20), b""):
            tail = (tail + block)[-64:]
    return not tail.rstrip(b"\r\n \t").endswith(b'"')


def _wrong_field_count(number: int, record: list[str], expected: int) -> dict[str, object]:
    message = f"expected {expected} fields, found {len(record)}"
    if any("\n" in field for field in record):
        message += " (a quote left open may have joined several lines into this record)"
    return _row_error(number, "wrong_field_count", ",".join(record), message)


def _csv_batch(
    header: list[str], records: list[list[object]], errors: list[dict[str, object]], lossy: bool
) -> RawBatch:
    frame = pl.DataFrame(records, schema=[ROW, *header], orient="row").with_columns(
        pl.col(ROW).cast(pl.UInt32)
    )
    return RawBatch(frame, _errors(errors), lossy)


def _jsonl_chunks(
    path: Path, chunk_rows: int, lossy: bool, typed: tuple[str, ...]
) -> Iterator[RawBatch]:
    lines: list[bytes] = []
    numbers: list[int] = []
    with _open_bytes(path) as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            lines.append(line)
            numbers.append(number)
            if len(lines) >= chunk_rows:
                yield _jsonl_batch(lines, numbers, lossy, typed)
                lines, numbers = [], []
    if lines:
        yield _jsonl_batch(lines, numbers, lossy, typed)


def _jsonl_batch(
    lines: list[bytes], numbers: list[int], lossy: bool, typed: tuple[str, ...]
) -> RawBatch:
    """Polars parses a clean chunk at once; any surprise sends the chunk line by line. So does a
    list or object under a contract key, which Polars would turn into its JSON text."""
    joined = b"\n".join(lines)
    if not lossy and not _nested_under(typed).search(joined):
        try:
            frame = pl.read_ndjson(io.BytesIO(joined), infer_schema_length=None)
            frame.columns = _safe_names(frame.columns)
            # A float column under a contract key would write 5 as "5.0" where the line-by-line
            # reader writes "5": the same note's id must not depend on its neighbours.
            floats = any(frame.schema.get(key) == pl.Float64 for key in typed)
            if (
                frame.height == len(lines)
                and not floats
                and not any(t.is_nested() for t in frame.dtypes)
            ):
                text = frame.select(pl.all().cast(pl.String))
                numbered = text.with_columns(pl.Series(ROW, numbers, dtype=pl.UInt32))
                return RawBatch(numbered.select(ROW, *text.columns), _no_errors(), False)
        except pl.exceptions.PolarsError:
            pass
    return _jsonl_batch_slowly(lines, numbers, lossy, typed)


@cache
def _nested_under(keys: tuple[str, ...]) -> re.Pattern[bytes]:
    """`"key": [` or `"key": {` for any of the keys (inside a JSON string the quotes would be
    escaped, so a match is a real list or object, or at worst a needless slow parse)."""
    names = b"|".join(re.escape(k.encode()) for k in keys)
    return re.compile(b'"(?:' + names + rb')"\s*:\s*[\[{]')


def _jsonl_batch_slowly(
    lines: list[bytes], numbers: list[int], lossy: bool, typed: tuple[str, ...]
) -> RawBatch:
    """Line by line; a list or object where the contract wants text or a timestamp makes the
    line an error for that column (elsewhere it is kept as JSON text)."""
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
        nested = next((k for k in typed if isinstance(value.get(k), (list, dict))), None)
        if nested is not None:
            kind = "a list" if isinstance(value[nested], list) else "an object"
            message = f"wrong_type: cannot read {nested} as a single value ({kind})"
            errors.append(
                {**_row_error(number, "wrong_type", json.dumps(value[nested]), message),
                 "column_name": nested}
            )  # fmt: skip
            continue
        names = _safe_names(list(value))
        values = {n: _as_text(v) for n, v in zip(names, value.values(), strict=True)}
        records.append({ROW: number, **values})
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
