"""Bad inbox files: each meets a clear error or a quarantine, never a crash or a silent drop."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.inbox import InboxFile, discover
from tests.loading import ingest_without_server

HEADER = "note_id,interview_id,candidate_id,interview_start,interview_end,sent_at,channel,text"


@dataclass(frozen=True)
class Loaded:
    """What one file became in a real warehouse: accounting, quarantine and loaded notes."""

    rows_read: int
    rows_loaded: int
    rows_quarantined: int
    file_error: str | None
    quarantined: list[tuple[int | None, str | None, str]]
    note_ids: list[str]
    extra: list[str | None]
    texts: list[str]


def _row(note_id: str = "n1", **over: str) -> dict[str, str]:
    row = {
        "note_id": note_id,
        "interview_id": f"i-{note_id}",
        "candidate_id": "c1",
        "interview_start": "2026-03-04T10:00:00Z",
        "interview_end": "2026-03-04T11:00:00Z",
        "sent_at": "2026-03-05T09:00:00Z",
        "channel": "email",
        "text": "Thanks for the chat about the billing migration.",
    }
    return {**row, **over}


def _csv(*rows: dict[str, str]) -> bytes:
    return pl.DataFrame(list(rows)).write_csv().encode()


def _check(tmp_path: Path, name: str, data: bytes) -> Loaded:
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir(exist_ok=True)
    (inbox_dir / name).write_bytes(data)
    warehouse = tmp_path / "warehouse.duckdb"
    ingest_without_server(inbox_dir, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [accounting] = con.execute(
            "select rows_read, rows_loaded, rows_quarantined, file_error from batch_accounting"
        ).fetchall()
        quarantined = con.execute(
            "select row_number, column_name, rule from quarantine order by all"
        ).fetchall()
        notes = con.execute("select note_id, extra, text from notes order by row_number").fetchall()
    return Loaded(
        *accounting,
        quarantined=quarantined,
        note_ids=[n for n, _, _ in notes],
        extra=[None if e is None else str(e) for _, e, _ in notes],
        texts=[t for _, _, t in notes],
    )


def _assert_nothing_lost(loaded: Loaded) -> None:
    assert loaded.rows_read == loaded.rows_loaded + loaded.rows_quarantined


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes_empty.csv", b"", "empty"),
        ("notes_zero.parquet", b"", "empty"),
        ("notes_blank.csv", b"\n\n", "no header"),
        ("notes_fake.parquet", HEADER.encode() + b"\n", "not a Parquet file"),
        ("notes_really_parquet.csv", b"PAR1\x00\x00garbage", "Parquet file, not CSV"),
        ("notes_corrupt.parquet", b"PAR1\x00\x01\x02PAR1", "unreadable Parquet"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    checked = _check(tmp_path, name, data)
    assert checked.file_error is not None and message in checked.file_error
    assert checked.rows_read == 0
    _assert_nothing_lost(checked)


def test_header_only_file_reads_zero_rows_without_error(tmp_path: Path) -> None:
    checked = _check(tmp_path, "notes_h.csv", HEADER.encode() + b"\n")
    assert checked.file_error is None and checked.rows_read == 0


def test_missing_column_quarantines_every_row_and_names_the_column(tmp_path: Path) -> None:
    rows = [{k: v for k, v in _row(n).items() if k != "sent_at"} for n in ("a", "b")]
    checked = _check(tmp_path, "notes_m.csv", _csv(*rows))
    assert checked.file_error is not None and "sent_at" in checked.file_error
    assert checked.rows_quarantined == 2 and checked.rows_loaded == 0
    _assert_nothing_lost(checked)


def test_wrong_delimiter_is_refused_as_missing_columns(tmp_path: Path) -> None:
    data = _csv(_row()).decode().replace(",", ";").encode()
    checked = _check(tmp_path, "notes_semi.csv", data)
    assert checked.file_error is not None and "missing required column" in checked.file_error
    _assert_nothing_lost(checked)


def test_extra_column_is_kept_not_fatal(tmp_path: Path) -> None:
    checked = _check(tmp_path, "notes_x.csv", _csv(_row(mood="sunny")))
    assert checked.extra == ['{"mood":"sunny"}']


def test_invalid_utf8_quarantines_only_that_row(tmp_path: Path) -> None:
    data = _csv(_row("a"), _row("b", text="caf\u00e9")).replace("caf\u00e9".encode(), b"caf\xe9")
    checked = _check(tmp_path, "notes_latin1.csv", data)
    assert checked.quarantined == [(2, "text", "invalid_utf8")]
    assert checked.note_ids == ["a"]


def test_broken_json_line_is_quarantined_with_its_line_number(tmp_path: Path) -> None:
    lines = [json.dumps(_row("a")), '{"note_id": "b", oops', json.dumps(_row("c")), "[1, 2]"]
    checked = _check(tmp_path, "notes_j.jsonl", "\n".join(lines).encode())
    assert checked.quarantined == [(2, None, "invalid_json"), (4, None, "not_an_object")]
    assert checked.note_ids == ["a", "c"]
    _assert_nothing_lost(checked)


def test_csv_row_with_too_many_fields_is_quarantined(tmp_path: Path) -> None:
    data = _csv(_row("a"), _row("b")) + b"c,1,2,3,4,5,6,7,8,9,10\n"
    checked = _check(tmp_path, "notes_r.csv", data)
    assert checked.quarantined == [(3, None, "wrong_field_count")]
    assert checked.rows_loaded == 2


def test_csv_row_with_too_few_fields_is_quarantined(tmp_path: Path) -> None:
    data = _csv(_row("a")) + b"c,only,three\n"
    checked = _check(tmp_path, "notes_r.csv", data)
    assert checked.quarantined == [(2, None, "wrong_field_count")]
    assert checked.note_ids == ["a"]


def test_csv_row_short_of_only_its_text_is_not_an_empty_note(tmp_path: Path) -> None:
    # Polars would pad the missing last field with null: the note would load with no text.
    short = ",".join(v for k, v in _row("b").items() if k != "text") + "\n"
    checked = _check(tmp_path, "notes_r.csv", _csv(_row("a")) + short.encode())
    assert checked.quarantined == [(2, None, "wrong_field_count")]
    assert checked.note_ids == ["a"]


@pytest.mark.parametrize(
    ("bad", "column", "rule"),
    [
        ({"sent_at": "yesterday"}, "sent_at", "unparseable_timestamp"),
        ({"interview_end": "2026-03-04T09:00:00Z"}, "interview_end", "greater_than_b"),
        ({"channel": "fax"}, "channel", "in_set"),
        ({"candidate_id": ""}, "candidate_id", "not_be_null"),
        ({"sent_at": "2091-01-01T00:00:00Z"}, "sent_at", "between"),
        ({"text": "x" * 5_000_000}, "text", "between"),
    ],
)
def test_bad_values_quarantine_the_row_by_row_and_column(
    tmp_path: Path, bad: dict[str, str], column: str, rule: str
) -> None:
    checked = _check(tmp_path, "notes_v.csv", _csv(_row("a"), _row("b", **bad)))
    [(row, col, found_rule)] = checked.quarantined
    assert (row, col) == (2, column) and rule in found_rule
    assert checked.note_ids == ["a"]


def test_duplicate_ids_in_one_file_quarantine_every_copy(tmp_path: Path) -> None:
    checked = _check(tmp_path, "notes_d.csv", _csv(_row("a"), _row("b"), _row("a")))
    assert [r[0] for r in checked.quarantined] == [1, 3]
    _assert_nothing_lost(checked)


def test_duplicates_in_different_chunks_quarantine_every_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flows.file_load.CHUNK_ROWS", 2)
    rows = [_row("a"), _row("b"), _row("c"), _row("a"), _row("d")]
    checked = _check(tmp_path, "notes_d.csv", _csv(*rows))
    assert [r[0] for r in checked.quarantined] == [1, 4]
    assert checked.note_ids == ["b", "c", "d"]
    _assert_nothing_lost(checked)


def test_parquet_with_wrong_types_quarantines_the_rows(tmp_path: Path) -> None:
    frame = pl.DataFrame([_row("a")]).with_columns(sent_at=pl.lit(20260305))
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    checked = _check(tmp_path, "notes_t.parquet", buffer.getvalue())
    assert checked.quarantined == [(1, "sent_at", "wrong_type")]


def test_bom_crlf_and_quoted_newlines_load(tmp_path: Path) -> None:
    text = _row("a", text='Thanks,\r\nfor "everything", really')
    data = b"\xef\xbb\xbf" + _csv(text).replace(b"\n", b"\r\n")
    checked = _check(tmp_path, "notes_bom.csv", data)
    assert checked.quarantined == []
    assert checked.note_ids == ["a"]
    assert "everything" in checked.texts[0]


def test_files_not_named_like_batches_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "readme.csv").write_text(HEADER)
    (tmp_path / ".~lock.notes.csv#").write_text("lock")
    (tmp_path / "notes_dir.csv").mkdir()
    assert discover(tmp_path) == []


def test_batch_files_in_other_formats_are_refused_by_name_not_passed_over(tmp_path: Path) -> None:
    import gzip

    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    (inbox_dir / "notes_1.xlsx").write_bytes(b"PK\x03\x04")
    (inbox_dir / "outcomes.tsv").write_text("interview_id\toutcome\n")
    (inbox_dir / "notes_2.csv.gz").write_bytes(gzip.compress(_csv(_row("a"))))
    warehouse = tmp_path / "warehouse.duckdb"
    ingest_without_server(inbox_dir, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        files = dict(con.execute("select file_name, file_error from batch_accounting").fetchall())
        notes = con.execute("select note_id from notes").fetchall()
    assert notes == [("a",)] and files["notes_2.csv.gz"] is None
    assert "not a format the pipeline reads (.xlsx)" in files["notes_1.xlsx"]
    assert "(.tsv)" in files["outcomes.tsv"]


def test_outcomes_are_recognised_by_name(tmp_path: Path) -> None:
    (tmp_path / "Outcomes-2026-03.jsonl").write_text('{"interview_id": "i", "outcome": "pending"}')
    assert discover(tmp_path) == [
        InboxFile(tmp_path / "Outcomes-2026-03.jsonl", "outcomes", "jsonl")
    ]


# --- found by a fuzzing session (fifth session): each crashed the run or lost rows ------------

_BAD_ROW = b"c,1,2,3,4,5,6,7,8,9,10,11,12\n"  # too many fields: the csv module takes over


def test_duplicate_csv_header_beside_a_malformed_row_loads(tmp_path: Path) -> None:
    data = (HEADER + ",text\n").encode() + b"".join(
        (",".join(_row(i).values()) + ",again\n").encode() for i in ("a", "b")
    )
    checked = _check(tmp_path, "notes_d.csv", data + _BAD_ROW)
    assert checked.note_ids == ["a", "b"]
    assert checked.quarantined == [(3, None, "wrong_field_count")]
    assert all(e is not None and "text_duplicated_0" in e for e in checked.extra)


@pytest.mark.parametrize("malformed", [b"", _BAD_ROW])
def test_an_input_column_named_row_is_kept_as_an_extra(tmp_path: Path, malformed: bytes) -> None:
    data = pl.DataFrame([_row("a"), _row("b")]).with_columns(_row=pl.lit("7")).write_csv()
    checked = _check(tmp_path, "notes_r.csv", data.encode() + malformed)
    assert checked.note_ids == ["a", "b"]
    assert all(e is not None and "_row_duplicated_0" in e for e in checked.extra)
    _assert_nothing_lost(checked)


def test_a_text_longer_than_the_csv_module_allows_is_quarantined_not_fatal(
    tmp_path: Path,
) -> None:
    data = _csv(_row("a"), _row("long", text="x" * 200_000)) + _BAD_ROW
    checked = _check(tmp_path, "notes_l.csv", data)
    assert checked.note_ids == ["a"]
    assert (2, "text", "expect_column_values_to_be_between") in checked.quarantined


def test_jsonl_row_key_does_not_replace_the_line_numbers(tmp_path: Path) -> None:
    lines = [json.dumps({**_row(i), "_row": 100 + n}) for n, i in enumerate(("a", "b"))]
    bad = json.dumps({**_row("c"), "sent_at": "yesterday", "_row": 102})
    checked = _check(tmp_path, "notes_j.jsonl", "\n".join([*lines, bad]).encode())
    assert checked.quarantined == [(3, "sent_at", "unparseable_timestamp")]
    assert checked.note_ids == ["a", "b"]


@pytest.mark.parametrize(
    ("value", "kind"), [(["Thanks", "for", "today"], "a list"), ({"t": "hi"}, "an object")]
)
def test_jsonl_list_or_object_where_text_belongs_is_wrong_type(
    tmp_path: Path, value: object, kind: str
) -> None:
    lines = [json.dumps(_row("a")), json.dumps({**_row("b"), "text": value})]
    checked = _check(tmp_path, "notes_n.jsonl", "\n".join(lines).encode())
    assert checked.quarantined == [(2, "text", "wrong_type")]
    assert checked.note_ids == ["a"]


def test_parquet_duplicate_names_row_column_and_nested_extras_load(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = pl.DataFrame([_row("a"), _row("b")]).with_columns(
        _row=pl.lit("x"), tags=pl.lit([1, 2]), meta=pl.struct(k=pl.lit("v"))
    )
    table = frame.to_arrow()
    table = table.append_column("channel", pa.array(["x", "y"]))  # a second "channel"
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    checked = _check(tmp_path, "notes_p.parquet", buffer.getvalue())
    assert checked.note_ids == ["a", "b"] and checked.file_error is None
    extra = json.loads(checked.extra[0] or "{}")
    assert extra["tags"] == [1, 2] and extra["meta"] == {"k": "v"}
    assert extra["channel_duplicated_0"] == "x" and "_row_duplicated_0" in extra


def test_parquet_categorical_strings_and_dates_load(tmp_path: Path) -> None:
    frame = pl.DataFrame([_row("a"), _row("b")]).with_columns(
        pl.col("channel").cast(pl.Categorical),
        pl.col("candidate_id").cast(pl.Enum(["c1"])),
        sent_at=pl.date(2026, 3, 5),
    )
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    checked = _check(tmp_path, "notes_c.parquet", buffer.getvalue())
    assert checked.note_ids == ["a", "b"] and checked.quarantined == []


def test_cr_only_line_endings_load(tmp_path: Path) -> None:
    data = _csv(_row("a"), _row("b"), _row("c")).replace(b"\n", b"\r")
    checked = _check(tmp_path, "notes_cr.csv", data)
    assert checked.note_ids == ["a", "b", "c"] and checked.rows_read == 3


def test_gzip_csv_with_a_malformed_row_loads_the_rest(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress(_csv(_row("a"), _row("b")) + _BAD_ROW)
    checked = _check(tmp_path, "notes_g.csv", data)
    assert checked.note_ids == ["a", "b"]
    assert checked.quarantined == [(3, None, "wrong_field_count")]


@pytest.mark.parametrize("ending", [b"\n\n\n", b"\r\n\r\n"])
def test_blank_lines_are_not_rows(tmp_path: Path, ending: bytes) -> None:
    checked = _check(tmp_path, "notes_b.csv", _csv(_row("a"), _row("b")).rstrip(b"\n") + ending)
    assert (checked.rows_read, checked.quarantined) == (2, [])


def test_utf16_file_is_refused_as_utf16(tmp_path: Path) -> None:
    data = _csv(_row("a")).decode().encode("utf-16")
    checked = _check(tmp_path, "notes_u.csv", data)
    assert checked.file_error is not None and "UTF-16" in checked.file_error


def test_a_reader_surprise_refuses_that_file_only_and_names_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import inbox

    real = inbox.read_chunks

    def breaks_on_one(file: InboxFile, **kwargs: object):  # type: ignore[no-untyped-def]
        if file.path.name == "notes_broken.csv":
            raise RuntimeError("reader fell over")
        yield from real(file, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inbox, "read_chunks", breaks_on_one)
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    (inbox_dir / "notes_broken.csv").write_bytes(_csv(_row("x")))
    (inbox_dir / "notes_fine.csv").write_bytes(_csv(_row("a")))
    warehouse = tmp_path / "warehouse.duckdb"
    ingest_without_server(inbox_dir, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select file_name, rows_loaded, file_error from batch_accounting order by file_name"
        ).fetchall()
    assert rows[0][0] == "notes_broken.csv" and "RuntimeError: reader fell over" in rows[0][2]
    assert rows[1] == ("notes_fine.csv", 1, None)


def test_header_names_differing_in_case_or_spaces_are_the_contract_columns(
    tmp_path: Path,
) -> None:
    data = _csv(_row("a"), _row("b"))
    header, rest = data.split(b"\n", 1)
    loud = b",".join(b" " + name.upper() + b" " for name in header.split(b","))
    checked = _check(tmp_path, "notes_h.csv", loud + b"\n" + rest)
    assert checked.note_ids == ["a", "b"] and checked.quarantined == []


def test_semicolon_header_is_refused_with_a_hint(tmp_path: Path) -> None:
    data = _csv(_row("a")).replace(b",", b";")
    checked = _check(tmp_path, "notes_s.csv", data)
    assert checked.file_error is not None
    assert "separated by ';'" in checked.file_error and "_row" not in checked.file_error


def test_a_quote_left_open_to_the_end_is_named_not_merged(tmp_path: Path) -> None:
    good = _csv(_row("a"), _row("b"), _row("c")).decode()
    header, first, *rest = good.splitlines()
    broken = first.replace("Thanks for", '"Thanks for', 1)  # opens a quote it never closes
    checked = _check(tmp_path, "notes_q.csv", "\n".join([header, broken, *rest, ""]).encode())
    assert checked.quarantined == [(1, None, "unclosed_quote")] and checked.rows_loaded == 0


def test_a_file_name_in_another_encoding_is_refused_by_name_and_the_rest_loads(
    tmp_path: Path,
) -> None:
    import os

    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    (inbox_dir / os.fsdecode(b"notes_\xe9quipe.csv")).write_bytes(_csv(_row("a")))
    (inbox_dir / "notes_ok.csv").write_bytes(_csv(_row("b")))
    warehouse = tmp_path / "warehouse.duckdb"
    ingest_without_server(inbox_dir, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        files = con.execute("select file_name, file_error from batch_accounting").fetchall()
        notes = con.execute("select note_id from notes").fetchall()
    assert notes == [("b",)]
    errors = dict(files)
    assert errors["notes_ok.csv"] is None
    assert "not UTF-8" in errors["notes_\\xe9quipe.csv"]


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("notes_excel.csv", b"sep=,\n" + _csv(_row("a")), '"sep=" marker'),
        ("notes_array.jsonl", json.dumps([_row("a"), _row("b")]).encode(), "JSON array"),
        ("notes_pretty.jsonl", json.dumps(_row("a"), indent=2).encode(), "several lines"),
    ],
)
def test_spreadsheet_and_json_shapes_get_a_hint(
    tmp_path: Path, name: str, data: bytes, hint: str
) -> None:
    checked = _check(tmp_path, name, data)
    assert checked.file_error is not None and hint in checked.file_error


def test_parquet_text_stored_as_binary_loads_and_a_bad_byte_is_named(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_row("a", text="ok"), _row("b", text="caf\udce9")]  # b: the byte 0xE9 alone
    columns = {
        name: pa.array([r[name].encode("utf-8", "surrogateescape") for r in rows], type=pa.binary())
        for name in rows[0]
    }
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    checked = _check(tmp_path, "notes_bin.parquet", buffer.getvalue())
    assert checked.file_error is None and checked.note_ids == ["a"]
    assert checked.quarantined == [(2, "text", "invalid_utf8")]
    _assert_nothing_lost(checked)


@pytest.mark.parametrize("neighbour", [b"", b'{"note_id": NaN}\n'])
def test_a_numeric_json_id_reads_the_same_whatever_its_neighbours(
    tmp_path: Path, neighbour: bytes
) -> None:
    rows = [{**_row(), "note_id": 5}, {**_row(), "note_id": 4.5}]
    data = b"".join(json.dumps(r).encode() + b"\n" for r in rows) + neighbour
    checked = _check(tmp_path, "notes_num.jsonl", data)
    assert checked.note_ids == ["5", "4.5"]
