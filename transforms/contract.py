"""The input contract (DESIGN.md §2) and the feature names, in one place.

Everything that needs a column name, an allowed value or a Polars dtype imports it from here.
"""

from __future__ import annotations

import polars as pl

UTC_DATETIME = pl.Datetime("us", "UTC")

CHANNELS = ("email", "letter", "in_person", "linkedin", "other")
HANDED_TO = ("interviewer", "receptionist", "recruiter", "other")
SENIORITIES = ("intern", "junior", "mid", "senior", "lead", "executive")
OUTCOMES = ("callback", "rejected", "pending", "withdrawn")
# Only these two are decisions; pending, withdrawn and missing outcomes are undecided.
DECIDED_OUTCOMES = ("callback", "rejected")

MISTAKES = ("generic", "thanks_only", "gift", "prewritten", "handed_on_exit")
SIGNALS = ("specific_reference", "fit_argument", "enthusiasm")
FEATURES = MISTAKES + SIGNALS

SEND_BUCKETS = ("<1h", "1–24h", "1–3d", ">3d")

NOTES_SCHEMA: dict[str, pl.DataType] = {
    "note_id": pl.String(),
    "interview_id": pl.String(),
    "candidate_id": pl.String(),
    "interview_start": UTC_DATETIME,
    "interview_end": UTC_DATETIME,
    "sent_at": UTC_DATETIME,
    "channel": pl.String(),
    "handed_to": pl.String(),
    "enclosure": pl.String(),
    "role_family": pl.String(),
    "seniority": pl.String(),
    "text": pl.String(),
}
NOTES_REQUIRED = (
    "note_id",
    "interview_id",
    "candidate_id",
    "interview_start",
    "interview_end",
    "sent_at",
    "channel",
    "text",
)
NOTES_ALLOWED: dict[str, tuple[str, ...]] = {
    "channel": CHANNELS,
    "handed_to": HANDED_TO,
    "seniority": SENIORITIES,
}

OUTCOMES_SCHEMA: dict[str, pl.DataType] = {
    "interview_id": pl.String(),
    "outcome": pl.String(),
    "decided_at": UTC_DATETIME,
}
OUTCOMES_REQUIRED = ("interview_id", "outcome")
OUTCOMES_ALLOWED: dict[str, tuple[str, ...]] = {"outcome": OUTCOMES}

# Longest note text accepted; longer rows are quarantined rather than tagged.
MAX_TEXT_CHARS = 20_000
