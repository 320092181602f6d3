"""Score the tagger against hand-labelled records (precision, recall, F1 per feature).

A record is ``{"note_id", "text", "labels": {feature: 0|1}, ...}`` with optional metadata
(``interview_start``/``interview_end``/``sent_at`` as ISO strings, ``channel``, ``handed_to``,
``enclosure``). Missing metadata is null, so metadata rules that need it simply do not fire.
A null prediction (non-English note) is an abstention: counted apart, not in tp/fp/fn.

``parse_records`` reads the JSON Lines of a file: a line that is not a valid record is rejected
with its line number, field and reason, and the other lines are still evaluated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

import polars as pl

from transforms.contract import FEATURES, NOTES_SCHEMA
from transforms.note_tags import tag_notes

if TYPE_CHECKING:
    from transforms.tagger import Tagger

_TIMESTAMPS = ("interview_start", "interview_end", "sent_at")


def _parse_timestamp(value: object) -> datetime | None:
    """An ISO 8601 string (offset, "Z" or none) as an aware UTC datetime; no offset means UTC."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).strip())
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


class RejectedLine(NamedTuple):
    line: int  # 1-based line number in the file
    field: str  # the offending field ("" for the line as a whole)
    message: str


_METADATA_TEXT = ("channel", "handed_to", "enclosure")


def parse_records(
    lines: Iterable[str], seen: set[str] | None = None
) -> tuple[list[dict[str, Any]], list[RejectedLine]]:
    """The valid records among JSON Lines, and each rejected line with the reason.

    Blank lines are skipped. A record needs a ``note_id`` (string or integer, unique: also among
    the ids in `seen`, which is updated), ``text`` (string or null), and ``labels`` (an object of
    known features, each 0 or 1); timestamps must be ISO 8601 and the other metadata strings or
    null.
    """
    records: list[dict[str, Any]] = []
    rejected: list[RejectedLine] = []
    seen = set() if seen is None else seen
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            rejected.append(RejectedLine(number, "", f"not JSON: {exc.msg} at column {exc.colno}"))
            continue
        problem = _record_problem(record, seen)
        if problem is not None:
            rejected.append(RejectedLine(number, *problem))
            continue
        seen.add(str(record["note_id"]))
        records.append(record)
    return records, rejected


def _record_problem(record: object, seen: set[str]) -> tuple[str, str] | None:
    """(field, reason) of the first thing wrong with a parsed line, or None."""
    if not isinstance(record, dict):
        return "", f"expected a JSON object, got {type(record).__name__}"
    note_id = record.get("note_id")
    if isinstance(note_id, bool) or not isinstance(note_id, str | int) or str(note_id) == "":
        return "note_id", "missing, or not a string or integer"
    if str(note_id) in seen:
        return "note_id", f"{note_id!r} appears on an earlier line"
    if not isinstance(record.get("text"), str | None):
        return "text", "must be a string or null"
    labels = record.get("labels")
    if not isinstance(labels, dict):
        return "labels", "must be an object of feature: 0 or 1"
    for feature, value in labels.items():
        if feature not in FEATURES:
            return "labels", f"unknown feature {feature!r} (known: {', '.join(FEATURES)})"
        if value not in (0, 1):
            return "labels", f"{feature} must be 0 or 1, not {value!r}"
    for column in _TIMESTAMPS:
        try:
            _parse_timestamp(record.get(column))
        except (TypeError, ValueError):
            return column, f"not an ISO 8601 timestamp: {record.get(column)!r}"
    for column in _METADATA_TEXT:
        if not isinstance(record.get(column), str | None):
            return column, "must be a string or null"
    for column in ("interview_id", "candidate_id"):
        value = record.get(column)
        if isinstance(value, bool) or not isinstance(value, str | int | None):
            return column, "must be a string, an integer or null"
    return None


def records_frame(records: list[dict[str, Any]]) -> pl.DataFrame:
    """A notes frame (NOTES_SCHEMA) from evaluation records; absent fields are null."""
    rows = [
        {
            "note_id": str(r["note_id"]),
            "interview_id": str(r.get("interview_id", r["note_id"])),
            "candidate_id": str(r.get("candidate_id", r["note_id"])),
            **{c: r.get(c) for c in NOTES_SCHEMA if c not in {"note_id", "interview_id",
                                                               "candidate_id", *_TIMESTAMPS}},
            **{c: _parse_timestamp(r.get(c)) for c in _TIMESTAMPS},
        }
        for r in records
    ]  # fmt: skip
    frame = pl.DataFrame(rows, schema=NOTES_SCHEMA)
    return frame.with_columns(pl.col("text").fill_null(""))


def _scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def evaluate_records(records: list[dict[str, Any]], tagger: Tagger) -> dict[str, Any]:
    """Per-feature precision/recall/F1 of the combined (text + metadata) tags vs the labels."""
    predicted = tag_notes(records_frame(records), tagger).note_tags.to_dicts()
    labelled = [f for f in FEATURES if any(f in r.get("labels", {}) for r in records)]
    abstained = {f: sum(row[f] is None for row in predicted) for f in labelled}
    features: dict[str, dict[str, float | int]] = {}
    for feature in labelled:
        tp = fp = fn = support = 0
        for record, row in zip(records, predicted, strict=True):
            gold, guess = record.get("labels", {}).get(feature), row[feature]
            if gold is None or guess is None:
                continue
            support += int(bool(gold))
            tp += int(bool(gold) and guess)
            fp += int(not gold and guess)
            fn += int(bool(gold) and not guess)
        features[feature] = {**_scores(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn,
                             "support": support}  # fmt: skip
    return {"n": len(records), "abstained": abstained, "features": features}


def format_evaluation(result: dict[str, Any]) -> str:
    """A plain-text table of the evaluation result."""
    header = f"{'feature':<20} {'prec':>6} {'recall':>6} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    header += f" {'support':>7} {'abstain':>7}"
    lines = [f"n = {result['n']}", header, "-" * len(header)]
    for feature, s in result["features"].items():
        lines.append(
            f"{feature:<20} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
            f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5} {s['support']:>7} "
            f"{result['abstained'].get(feature, 0):>7}"
        )
    return "\n".join(lines)
