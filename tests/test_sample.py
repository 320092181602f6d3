"""The synthetic sample: contract, truth/text consistency, outcomes, and the files written."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from flows.sample_writer import SampleFiles, write_sample
from transforms import sample_phrases as ph
from transforms.contract import CHANNELS, HANDED_TO, MISTAKES, NOTES_SCHEMA, SENIORITIES
from transforms.sample import TRUE_EFFECTS, Sample, batch_format, generate_sample


@pytest.fixture(scope="module")
def sample() -> Sample:
    return generate_sample(2000, seed=11, bad_row_rate=0.01)


@pytest.fixture(scope="module")
def joined(sample: Sample) -> pl.DataFrame:
    """Valid notes with their truth."""
    return sample.notes.join(sample.truth, on=["note_id", "interview_id"]).join(
        sample.bad_rows, on="note_id", how="anti"
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> SampleFiles:
    return write_sample(tmp_path_factory.mktemp("sample"), 1200, seed=5, bad_row_rate=0.02)


def test_same_seed_gives_same_sample() -> None:
    a, b = generate_sample(300, seed=3), generate_sample(300, seed=3)
    for name in ("notes", "outcomes", "truth", "bad_rows"):
        assert_frame_equal(getattr(a, name), getattr(b, name))


def test_other_seed_gives_other_texts() -> None:
    a, b = generate_sample(300, seed=3), generate_sample(300, seed=4)
    assert not a.notes["text"].equals(b.notes["text"])


def test_notes_have_contract_columns_and_types(sample: Sample) -> None:
    assert sample.notes.schema == pl.Schema({**NOTES_SCHEMA, "batch": pl.Int32()})


@pytest.mark.parametrize(
    ("column", "allowed"), [("handed_to", HANDED_TO), ("seniority", SENIORITIES)]
)
def test_optional_columns_use_allowed_values(
    joined: pl.DataFrame, column: str, allowed: tuple[str, ...]
) -> None:
    assert set(joined[column].drop_nulls()) <= set(allowed)


def test_channel_is_allowed_except_unknown_channel_rows(sample: Sample) -> None:
    bad = sample.bad_rows.filter(pl.col("reason") == "unknown_channel")["note_id"]
    odd = sample.notes.filter(~pl.col("channel").is_in(CHANNELS))
    assert set(odd["note_id"]) == set(bad)
    assert set(odd["channel"]) <= {"fax"}


def test_handed_to_only_for_in_person(joined: pl.DataFrame) -> None:
    assert joined.filter(pl.col("handed_to").is_not_null())["channel"].unique().to_list() == [
        "in_person"
    ]


def test_ids_unique_and_candidates_repeat(sample: Sample) -> None:
    assert sample.notes["note_id"].is_unique().all()
    assert sample.notes["interview_id"].is_unique().all()
    assert sample.notes["candidate_id"].n_unique() < 0.8 * sample.notes.height


@pytest.mark.parametrize("bank", [ph.TOPICS, ph.PROJECTS])
def test_generic_notes_contain_no_specific_value(
    joined: pl.DataFrame, bank: tuple[str, ...]
) -> None:
    generic = joined.filter("generic")["text"].str.to_lowercase()
    assert not generic.str.contains_any([v.lower() for v in bank]).any()


def test_generic_notes_name_no_team(joined: pl.DataFrame) -> None:
    pattern = r"\b(" + "|".join(ph.TEAMS).replace("&", r"\&") + r")\b"
    assert not joined.filter("generic")["text"].str.contains(pattern).any()


def test_specific_english_notes_mostly_carry_a_value(joined: pl.DataFrame) -> None:
    values = [*ph.TOPICS, *ph.PROJECTS, *ph.TEAMS]
    specific = joined.filter(pl.col("specific_reference") & (pl.col("language") == "en"))
    # Typos may mangle a value ("the " -> "teh "), so not all, but nearly all.
    assert specific["text"].str.contains_any(values, ascii_case_insensitive=True).mean() > 0.97


def test_signals_are_complements_of_their_mistakes(joined: pl.DataFrame) -> None:
    assert (joined["specific_reference"] == ~joined["generic"]).all()
    assert (joined["fit_argument"] == ~joined["thanks_only"]).all()


def test_sent_before_end_only_when_prewritten(joined: pl.DataFrame) -> None:
    early = joined.filter(pl.col("sent_at") < pl.col("interview_end"))
    assert early.height > 0
    assert early["prewritten"].all()


@pytest.mark.parametrize("placeholder", ["[Interviewer Name]", "{company", "____", "[Team Name]"])
def test_placeholders_only_in_prewritten_notes(joined: pl.DataFrame, placeholder: str) -> None:
    hits = joined.filter(pl.col("text").str.contains(placeholder, literal=True))
    assert hits["prewritten"].all()


def test_handed_on_exit_matches_metadata_rule(joined: pl.DataFrame) -> None:
    minutes = (pl.col("sent_at") - pl.col("interview_end")).dt.total_minutes()
    rule = (pl.col("channel") == "in_person") & (
        (pl.col("handed_to") == "receptionist") | (minutes <= 60)
    )
    assert joined.select((rule.fill_null(False) == pl.col("handed_on_exit")).all()).item()


def test_enclosure_only_with_gift(joined: pl.DataFrame) -> None:
    assert joined.filter(pl.col("enclosure").is_not_null())["gift"].all()


def test_gift_without_enclosure_names_the_gift(joined: pl.DataFrame) -> None:
    text_only = joined.filter(pl.col("gift") & pl.col("enclosure").is_null())
    assert text_only.height > 0
    assert text_only["text"].str.to_lowercase().str.contains_any(list(ph.GIFTS)).all()


def test_empty_and_foreign_notes_exist(sample: Sample) -> None:
    assert (sample.notes["text"] == "").sum() > 0
    assert set(sample.truth["language"]) >= {"en", "es", "fr", "de"}


def test_empty_notes_are_generic_and_thanks_only(joined: pl.DataFrame) -> None:
    empty = joined.filter(pl.col("text") == "")
    assert empty["generic"].all() and empty["thanks_only"].all()


def test_timestamps_are_in_2025_and_ordered(joined: pl.DataFrame) -> None:
    minutes = (pl.col("interview_end") - pl.col("interview_start")).dt.total_minutes()
    assert joined.select(minutes.is_between(30, 120).all()).item()
    assert set(joined["interview_start"].dt.year()) == {2025}


def test_mistakes_lower_callback_odds() -> None:
    assert all(TRUE_EFFECTS[m] < 0 for m in MISTAKES)


def test_outcomes_reference_existing_interviews(sample: Sample) -> None:
    assert set(sample.outcomes["interview_id"]) <= set(sample.notes["interview_id"])


def test_outcomes_never_precede_their_notes_batch(sample: Sample) -> None:
    batches = sample.outcomes.join(sample.notes, on="interview_id", suffix="_note")
    assert (batches["batch"] >= batches["batch_note"]).all()
    assert (batches["batch"] > batches["batch_note"]).any()


def test_some_interviews_have_no_outcome(sample: Sample) -> None:
    assert sample.outcomes["interview_id"].n_unique() < sample.notes.height


def test_repeated_outcome_goes_from_pending_to_decision(sample: Sample) -> None:
    repeated = sample.outcomes.filter(pl.len().over("interview_id") == 2)
    assert repeated.height > 0
    first = repeated.group_by("interview_id", maintain_order=True).first()
    last = repeated.group_by("interview_id", maintain_order=True).last()
    assert set(first["outcome"]) == {"pending"}
    assert set(last["outcome"]) <= {"callback", "rejected"}
    assert (last["decided_at"] > first["decided_at"]).all()


def test_all_outcome_kinds_occur(sample: Sample) -> None:
    assert set(sample.outcomes["outcome"]) == {"callback", "rejected", "pending", "withdrawn"}


def test_end_before_start_rows_are_really_bad(sample: Sample) -> None:
    ids = sample.bad_rows.filter(pl.col("reason") == "end_before_start")["note_id"]
    rows = sample.notes.filter(pl.col("note_id").is_in(ids.implode()))
    assert rows.height > 0
    assert (rows["interview_end"] < rows["interview_start"]).all()


def test_parquet_batches_only_get_typed_bad_rows(sample: Sample) -> None:
    in_parquet = sample.bad_rows.filter(
        pl.col("batch").map_elements(batch_format, return_dtype=pl.String) == "parquet"
    )
    assert set(in_parquet["reason"]) <= {"end_before_start"}


def test_writer_rotates_formats(files: SampleFiles) -> None:
    assert [p.name for p in files.notes_files] == [
        "notes_1.csv",
        "notes_2.jsonl",
        "notes_3.parquet",
        "notes_4.csv",
    ]


def _read(path: Path) -> pl.DataFrame:
    reader = {".csv": pl.read_csv, ".jsonl": pl.read_ndjson, ".parquet": pl.read_parquet}
    return reader[path.suffix](path)


@pytest.mark.parametrize("k", [0, 1, 2, 3])
def test_notes_files_round_trip(files: SampleFiles, k: int) -> None:
    frame = _read(files.notes_files[k])
    assert frame.columns == list(NOTES_SCHEMA)
    assert frame.height > 0


def test_written_rows_add_up(files: SampleFiles) -> None:
    assert sum(_read(p).height for p in files.notes_files) == files.n_notes == 1200
    assert sum(_read(p).height for p in files.outcomes_files) == files.n_outcomes


def test_parquet_keeps_timestamp_types(files: SampleFiles) -> None:
    assert _read(files.notes_files[2]).schema["sent_at"] == NOTES_SCHEMA["sent_at"]


def test_empty_text_survives_csv(files: SampleFiles) -> None:
    texts = pl.concat([_read(p)["text"] for p in (files.notes_files[0], files.notes_files[3])])
    assert texts.null_count() == 0


def _instant(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@pytest.mark.parametrize("k", [0, 1])
def test_text_timestamps_mix_styles_for_the_same_instants(files: SampleFiles, k: int) -> None:
    written = _read(files.notes_files[k]).select("note_id", "interview_start")
    strings = written["interview_start"]
    assert strings.str.ends_with("Z").any()
    assert strings.str.contains(r"[+-]\d\d:\d\d$").any()
    assert strings.str.contains(r"T\d\d:\d\d:\d\d$").any()
    truth = generate_sample(1200, seed=5, bad_row_rate=0.02).notes.select(
        "note_id", pl.col("interview_start").alias("expected")
    )
    both = written.join(truth, on="note_id")
    assert [_instant(s) for s in both["interview_start"]] == both["expected"].to_list()


def test_unparseable_rows_are_written_as_text(files: SampleFiles) -> None:
    bad = pl.read_parquet(files.bad_rows).filter(pl.col("reason") == "unparseable_timestamp")
    text_files = [p for p in files.notes_files if p.suffix != ".parquet"]
    sent = pl.concat([_read(p).select("note_id", "sent_at") for p in text_files])
    assert bad.height > 0
    assert set(sent.filter(pl.col("sent_at") == "yesterday")["note_id"]) == set(bad["note_id"])


def test_truth_is_written_beside_the_inbox(files: SampleFiles) -> None:
    assert files.labels.parent.name == "truth" and files.inbox.name == "inbox"
    assert pl.read_parquet(files.labels).height == files.n_notes
    assert json.loads(files.model.read_text())["true_effects"] == TRUE_EFFECTS
