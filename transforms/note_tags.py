"""Combine the text tags with the note metadata into one row of tags per note (DESIGN.md §1).

Text and metadata combine with OR. For a non-English note the text features are null; a
metadata hit still gives True, otherwise the feature stays null (unknown, not False).
Metadata rules, each a Polars expression builder:

* gift           |= enclosure is not null, blank or a "none" ("N/A", "-", "false")
* prewritten     |= sent_at < interview_end
* handed_on_exit |= channel == "in_person" and (handed_to == "receptionist"
                                                or 0 <= hours_to_send <= 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from transforms.contract import FEATURES, NOTES_SCHEMA, SEND_BUCKETS

if TYPE_CHECKING:  # spaCy costs most of a second to import: the run imports it in the background
    from transforms.tagger import CompactTags, Tagger

NOTE_TAGS_COLUMNS = (
    "note_id", "interview_id", "candidate_id", "language", *FEATURES, "hours_to_send",
    "send_bucket", "channel", "handed_to", "role_family", "seniority", "tagger_version",
)  # fmt: skip
EVIDENCE_SCHEMA: dict[str, pl.DataType] = {
    "note_id": pl.String(),
    "feature": pl.String(),
    "source": pl.String(),
    "rule": pl.String(),
    "span_start": pl.Int32(),
    "span_end": pl.Int32(),
    "fields": pl.String(),
    "tagger_version": pl.String(),
}
# Metadata rules: (feature, rule name = its flag column in _metadata_exprs, fields it reads).
_METADATA_RULES = (
    ("gift", "metadata.enclosure", "enclosure"),
    ("prewritten", "metadata.sent_before_end", "sent_at,interview_end"),
    ("handed_on_exit", "metadata.in_person_receptionist", "channel,handed_to"),
    ("handed_on_exit", "metadata.in_person_within_1h", "channel,sent_at,interview_end"),
)


@dataclass
class TaggedNotes:
    note_tags: pl.DataFrame
    evidence: pl.DataFrame


# --- expression builders ---------------------------------------------------------------------


def hours_to_send() -> pl.Expr:
    """(sent_at - interview_end) in hours; negative when sent before the interview ended."""
    return ((pl.col("sent_at") - pl.col("interview_end")).dt.total_microseconds() / 3.6e9).cast(
        pl.Float64
    )


def send_bucket(hours: pl.Expr) -> pl.Expr:
    """<1h (including negative), 1–24h, 1–3d, >3d; null when the timing is unknown."""
    lt1h, day, three_days, later = SEND_BUCKETS
    return (
        pl.when(hours.is_null())
        .then(pl.lit(None, pl.String))
        .when(hours < 1)
        .then(pl.lit(lt1h))
        .when(hours < 24)
        .then(pl.lit(day))
        .when(hours < 72)
        .then(pl.lit(three_days))
        .otherwise(pl.lit(later))
    )


def enclosure_gift() -> pl.Expr:
    """Something was enclosed with the note: not blank, and not a spreadsheet's way of saying
    nothing ("none", "N/A", "-", "false")."""
    value = pl.col("enclosure").str.strip_chars().str.to_lowercase()
    return (value.str.len_chars() > 0).fill_null(False) & ~value.is_in(NOTHING_ENCLOSED).fill_null(
        False
    )


# What a spreadsheet cell holds when nothing was enclosed.
NOTHING_ENCLOSED = ["none", "n/a", "na", "n.a.", "-", "--", "—", "null", "nil", "no", "false", "0",
                    "nothing", "not applicable"]  # fmt: skip


def sent_before_end() -> pl.Expr:
    """The note reached the employer before the interview ended."""
    return (pl.col("sent_at") < pl.col("interview_end")).fill_null(False)


def in_person_receptionist() -> pl.Expr:
    """Delivered in person and handed to the receptionist."""
    in_person = pl.col("channel") == "in_person"
    return (in_person & (pl.col("handed_to") == "receptionist")).fill_null(False)


def in_person_within_1h(hours: pl.Expr) -> pl.Expr:
    """Delivered in person within the hour after the interview ended (0 <= hours <= 1)."""
    return ((pl.col("channel") == "in_person") & hours.is_between(0, 1)).fill_null(False)


def _metadata_exprs() -> dict[str, pl.Expr]:
    hours = pl.col("hours_to_send")
    return {
        "metadata.enclosure": enclosure_gift(),
        "metadata.sent_before_end": sent_before_end(),
        "metadata.in_person_receptionist": in_person_receptionist(),
        "metadata.in_person_within_1h": in_person_within_1h(hours),
    }


def combine(text_col: str, *metadata: pl.Expr) -> pl.Expr:
    """Text OR metadata; a metadata hit decides even when the text feature is unknown (null)."""
    hit = pl.any_horizontal(*metadata) if metadata else pl.lit(False)
    return pl.when(hit).then(pl.lit(True)).otherwise(pl.col(text_col)).alias(text_col)


# --- frames ----------------------------------------------------------------------------------


def _text_frame(tags: list[CompactTags]) -> pl.DataFrame:
    """language and the eight text features, one column each, built once from the tuples."""
    unknown = (None,) * len(FEATURES)
    columns = list(zip(*[f if f is not None else unknown for _, f, _ in tags], strict=True))
    data: dict[str, list[object] | tuple[object, ...]] = {"language": [t[0] for t in tags]}
    for k, feature in enumerate(FEATURES):
        data[feature] = columns[k] if columns else []
    schema = {"language": pl.String(), **{f: pl.Boolean() for f in FEATURES}}
    return pl.DataFrame(data, schema=schema)


def _text_evidence(note_ids: list[str], tags: list[CompactTags], version: str) -> pl.DataFrame:
    """One row per text evidence tuple, columns built once from the flattened tuples."""
    rows = [i for i, t in enumerate(tags) for _ in t[2]]
    flat = [e for t in tags for e in t[2]]
    features, rules, starts, ends = zip(*flat, strict=True) if flat else ((), (), (), ())
    ids = pl.Series("note_id", note_ids, pl.String).gather(rows)
    return (
        pl.DataFrame(ids)
        .with_columns(
            pl.Series("feature", features, pl.String),
            pl.Series("rule", rules, pl.String),
            pl.Series("span_start", starts, pl.Int32),
            pl.Series("span_end", ends, pl.Int32),
            source=pl.lit("text"),
            fields=pl.lit(None, pl.String),
            tagger_version=pl.lit(version),
        )
        .select(list(EVIDENCE_SCHEMA))
    )


def _metadata_evidence(flagged: pl.DataFrame, version: str) -> pl.DataFrame:
    parts = [
        flagged.filter(pl.col(rule)).select(
            "note_id",
            feature=pl.lit(feature),
            source=pl.lit("metadata"),
            rule=pl.lit(rule),
            span_start=pl.lit(None, pl.Int32),
            span_end=pl.lit(None, pl.Int32),
            fields=pl.lit(fields),
            tagger_version=pl.lit(version),
        )
        for feature, rule, fields in _METADATA_RULES
    ]
    return pl.concat(parts)


def _with_optional_columns(notes: pl.DataFrame) -> pl.DataFrame:
    missing = [pl.lit(None, dtype).alias(c) for c, dtype in NOTES_SCHEMA.items()
               if c not in notes.columns]  # fmt: skip
    return notes.with_columns(missing) if missing else notes


def tag_notes(notes: pl.DataFrame, tagger: Tagger, *, n_process: int = 1) -> TaggedNotes:
    """One row of tags per note, plus one evidence row per reason for every True tag."""
    notes = _with_optional_columns(notes)
    texts = notes.get_column("text").fill_null("").to_list()
    tags = tagger.tag_compact(texts, n_process=n_process)
    rules = _metadata_exprs()
    flagged = (
        pl.concat([notes, _text_frame(tags)], how="horizontal")
        .with_columns(hours_to_send=hours_to_send())
        .with_columns(**rules, send_bucket=send_bucket(pl.col("hours_to_send")))
    )
    note_tags = flagged.with_columns(
        combine("gift", pl.col("metadata.enclosure")),
        combine("prewritten", pl.col("metadata.sent_before_end")),
        combine("handed_on_exit", pl.col("metadata.in_person_receptionist"),
                pl.col("metadata.in_person_within_1h")),
        tagger_version=pl.lit(tagger.version),
    ).select(NOTE_TAGS_COLUMNS)  # fmt: skip
    note_ids = notes.get_column("note_id").to_list()
    evidence = pl.concat(
        [
            _text_evidence(note_ids, tags, tagger.version),
            _metadata_evidence(flagged, tagger.version),
        ]
    )
    return TaggedNotes(note_tags=note_tags, evidence=evidence)
