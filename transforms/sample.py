"""Synthetic sample: notes and outcomes in the input contract, with the true labels beside them.

Generation order: covariates (role family, seniority, channel) → feature truths → how each true
feature shows (text, metadata or both) → timestamps → text (transforms/sample_text.py) →
callback from the logistic model → outcome rows and batches → a few invalid rows.

The outcome model (log-odds, all effects in ``TRUE_EFFECTS``)::

    logit P(callback) = intercept
                        + Σ effect[m] · mistake_m           (generic, thanks_only, gift,
                                                              prewritten, handed_on_exit)
                        + effect[role_family[r]] + effect[seniority[s]]
                        + effect[channel[c]] + effect[send_bucket[b]]

Reference levels (effect 0): role_family ``engineering``, seniority ``mid``, channel ``email``,
send_bucket ``1–24h``; a missing role family or seniority also contributes 0. The positive signals
have no effect of their own (``specific_reference`` is exactly ``not generic`` and
``fit_argument`` exactly ``not thanks_only``; ``enthusiasm`` is independent), so the regression
``callback ~ 5 mistakes + C(role_family) + C(seniority) + C(channel) + C(send_bucket)`` on decided
interviews recovers ``TRUE_EFFECTS`` (send_bucket is computed from ``sent_at − interview_end``).

Feature rates: P(generic)≈0.30, P(thanks_only)≈0.30 (0.45 if generic, 0.24 if not), P(gift)≈0.05,
P(prewritten)≈0.07, P(handed_on_exit)≈0.06 (half of in-person notes). Empty notes (≈1%) count as
generic and thanks_only; non-English notes (≈2%) show gift, prewritten and handed_on_exit only in
metadata.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from transforms.contract import (
    CHANNELS,
    FEATURES,
    MISTAKES,
    NOTES_SCHEMA,
    SEND_BUCKETS,
    SENIORITIES,
    UTC_DATETIME,
)
from transforms.sample_phrases import GIFTS
from transforms.sample_text import LANGUAGES, TextPlan, build_texts

ROLE_FAMILIES = (
    "engineering", "sales", "marketing", "finance", "design", "data", "operations", "support",
    "product",
)  # fmt: skip
BATCH_FORMATS = ("csv", "jsonl", "parquet")
BAD_REASONS = ("end_before_start", "unknown_channel", "unparseable_timestamp")


def _levels(name: str, levels: tuple[str, ...], effects: tuple[float, ...]) -> dict[str, float]:
    return {f"{name}[{lv}]": float(v) for lv, v in zip(levels, effects, strict=True)}


TRUE_EFFECTS: dict[str, float] = {
    "intercept": -0.35,
    "generic": -0.6,
    "thanks_only": -0.4,
    "gift": -0.3,
    "prewritten": -0.8,
    "handed_on_exit": -0.5,
    **_levels("role_family", ROLE_FAMILIES, (0, .2, .1, -.1, .15, .05, -.05, .3, 0)),
    **_levels("seniority", SENIORITIES, (.3, .1, 0, -.1, -.2, -.4)),
    **_levels("channel", CHANNELS, (0, .2, -.1, -.2, -.1)),
    **_levels("send_bucket", SEND_BUCKETS, (-.1, 0, -.15, -.5)),
}  # fmt: skip

RATES: dict[str, float] = {
    "generic": 0.30,
    "thanks_only_if_generic": 0.45,
    "thanks_only_if_specific": 0.236,
    "gift": 0.05,
    "prewritten": 0.07,
    "handed_on_exit_if_in_person": 0.5,
    "enthusiasm": 0.55,
    "non_english": 0.02,
    "empty": 0.01,
    "withdrawn": 0.03,
    "pending": 0.10,
    "no_outcome_row": 0.03,
    "pending_then_decided": 0.08,
    "outcome_in_later_batch": 0.25,
    "candidates_per_interview": 0.6,
}
_CHANNEL_P = (0.6, 0.07, 0.12, 0.16, 0.05)
_ROLE_P = (0.3, 0.14, 0.1, 0.08, 0.07, 0.09, 0.08, 0.08, 0.06)
_SENIORITY_P = (0.06, 0.22, 0.32, 0.24, 0.11, 0.05)
_BUCKET_P = (0.13, 0.5, 0.27, 0.10)
_BUCKET_HOURS = ((0.02, 0.98), (1.05, 24.0), (24.0, 72.0), (72.0, 240.0))
# Interviews fall in 2025, so generated times are never in the future of a run (GX checks that).
_YEAR_START_US = 1_735_689_600_000_000  # 2025-01-01T00:00:00Z in microseconds
_OFFSETS = ("Z", "Etc/GMT-2", "Etc/GMT+5", "Asia/Kolkata", "naive")  # +02:00, -05:00, +05:30


@dataclass(frozen=True)
class Sample:
    """Generated batches (``batch`` columns) and the truth kept outside the inbox."""

    notes: pl.DataFrame
    outcomes: pl.DataFrame
    truth: pl.DataFrame
    bad_rows: pl.DataFrame


def batch_format(batch: int) -> str:
    """File format of batch `batch` (1-based): csv, jsonl, parquet, csv, …"""
    return BATCH_FORMATS[(batch - 1) % len(BATCH_FORMATS)]


def send_bucket(hours: pl.Expr) -> pl.Expr:
    """The SEND_BUCKETS label of `hours` (sent_at − interview_end; negative counts as <1h)."""
    return (
        pl.when(hours < 1)
        .then(pl.lit(SEND_BUCKETS[0]))
        .when(hours < 24)
        .then(pl.lit(SEND_BUCKETS[1]))
        .when(hours < 72)
        .then(pl.lit(SEND_BUCKETS[2]))
        .otherwise(pl.lit(SEND_BUCKETS[3]))
    )


def generate_sample(
    n_notes: int, seed: int, n_batches: int = 4, bad_row_rate: float = 0.001
) -> Sample:
    """Generate `n_notes` notes (one per interview) in `n_batches` batches; same seed, same data."""
    rng = np.random.default_rng(seed)
    n = n_notes
    cov = _draw_covariates(rng, n)
    feats, plan = _draw_features(rng, n, cov["channel"])
    times = _draw_times(rng, n, cov["channel"], feats, plan)
    text = build_texts(plan, rng)
    frame = _assemble(n, cov, feats, plan, times, text, n_batches)
    frame = frame.with_columns(_callback_probability().alias("callback_probability"))
    frame = frame.with_columns(callback=pl.Series(rng.random(n)) < pl.col("callback_probability"))
    notes = frame.select(*NOTES_SCHEMA, "batch")
    truth = frame.select(
        "note_id", "interview_id", *FEATURES, "language", "send_bucket", "callback_probability",
        "callback",
    )  # fmt: skip
    outcomes = _outcomes(rng, frame, n_batches)
    notes, bad_rows = _corrupt(rng, notes, bad_row_rate)
    return Sample(notes=notes, outcomes=outcomes, truth=truth, bad_rows=bad_rows)


def _choice(
    rng: np.random.Generator, values: tuple[str, ...], p: tuple[float, ...], n: int
) -> np.ndarray:  # noqa: E501
    return rng.choice(len(values), size=n, p=np.array(p) / sum(p))


def _draw_covariates(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Candidates (fewer than interviews) mostly keep their role family and seniority."""
    n_cand = max(1, int(n * RATES["candidates_per_interview"]))
    candidate = rng.integers(0, n_cand, n)
    role = _choice(rng, ROLE_FAMILIES, _ROLE_P, n_cand)[candidate]
    role = np.where(rng.random(n) < 0.2, _choice(rng, ROLE_FAMILIES, _ROLE_P, n), role)
    seniority = _choice(rng, SENIORITIES, _SENIORITY_P, n_cand)[candidate]
    seniority = np.where(
        rng.random(n) < 0.15, _choice(rng, SENIORITIES, _SENIORITY_P, n), seniority
    )
    return {
        "candidate": candidate,
        "role": np.where(rng.random(n) < 0.015, -1, role),
        "seniority": np.where(rng.random(n) < 0.02, -1, seniority),
        "channel": _choice(rng, CHANNELS, _CHANNEL_P, n),
    }


def _draw_features(
    rng: np.random.Generator, n: int, channel: np.ndarray
) -> tuple[dict[str, np.ndarray], TextPlan]:
    """Feature truths first, then whether each shows in the text, the metadata or both."""
    u = lambda: rng.random(n)  # noqa: E731
    in_person = channel == CHANNELS.index("in_person")
    empty = u() < RATES["empty"]
    language = np.where(u() < RATES["non_english"], rng.integers(1, len(LANGUAGES), n), 0)
    text_ok = ~empty & (language == 0)
    generic = (u() < RATES["generic"]) | empty
    p_thanks = np.where(generic, RATES["thanks_only_if_generic"], RATES["thanks_only_if_specific"])
    thanks_only = (u() < p_thanks) | empty
    gift = u() < RATES["gift"]
    # In person, a note written beforehand is only detectable from its text.
    prewritten = (u() < RATES["prewritten"]) & (text_ok | ~in_person)
    handed = in_person & (u() < RATES["handed_on_exit_if_in_person"])
    r = u()
    gift_text = gift & text_ok & (r < 0.75)
    gift_meta = gift & ~(gift_text & (r < 0.35))
    r = u()
    pre_meta = prewritten & ~in_person & (~text_ok | (r < 0.4))
    future = prewritten & ~pre_meta & (r < 0.75)
    placeholder = prewritten & ~pre_meta & ~future
    feats = {
        "generic": generic,
        "thanks_only": thanks_only,
        "gift": gift,
        "prewritten": prewritten,
        "handed_on_exit": handed,
        "specific_reference": ~generic,
        "fit_argument": ~thanks_only,
        "enthusiasm": (u() < RATES["enthusiasm"]) & text_ok,
        "gift_meta": gift_meta,
        "prewritten_meta": pre_meta,
        "handed_receptionist": handed & (u() < 0.7),
    }
    informal_p = np.array([0.35, 0.1, 0.3, 0.7, 0.4])[channel]
    plan = TextPlan(
        informal=u() < informal_p,
        language=language,
        empty=empty,
        specific=~generic,
        fit=~thanks_only,
        enthusiasm=feats["enthusiasm"],
        gift_text=gift_text,
        gift_item=rng.integers(0, len(GIFTS), n),
        future_text=future,
        placeholder=placeholder,
        handed_text=handed & text_ok & (u() < 0.4),
    )
    return feats, plan


def _draw_times(
    rng: np.random.Generator,
    n: int,
    channel: np.ndarray,
    feats: dict[str, np.ndarray],
    plan: TextPlan,
) -> dict[str, np.ndarray]:
    """Start in 2025 business hours, 30–120 min long; sent_at consistent with the truths."""
    day = rng.integers(0, 365, n)
    start_min = day * 1440 + rng.integers(8, 18, n) * 60 + rng.integers(0, 4, n) * 15
    duration = rng.integers(6, 25, n) * 5
    end_min = start_min + duration
    in_person = channel == CHANNELS.index("in_person")
    p = np.tile(np.array(_BUCKET_P), (n, 1))
    p[in_person, 0] = 0.0  # in person an hour later is not "on exit"
    p /= p.sum(axis=1, keepdims=True)
    bucket = np.minimum((rng.random((n, 1)) > np.cumsum(p, axis=1)).sum(axis=1), 3)
    lo, hi = np.array(_BUCKET_HOURS).T
    hours = lo[bucket] + rng.random(n) * (hi[bucket] - lo[bucket])
    during = end_min - rng.random(n) * (duration - 1) - 1
    night_before = start_min - 30 - rng.random(n) * 36 * 60
    sent_min = np.where(
        feats["handed_on_exit"], end_min + 2 + rng.random(n) * 53, end_min + hours * 60
    )
    sent_min = np.where(
        feats["prewritten_meta"], np.where(rng.random(n) < 0.5, during, night_before), sent_min
    )
    return {"start": _to_us(start_min), "end": _to_us(end_min), "sent": _to_us(sent_min)}


def _to_us(minutes: np.ndarray) -> np.ndarray:
    """Minutes since 2025-01-01 → epoch microseconds, truncated to whole seconds."""
    return _YEAR_START_US + (np.asarray(minutes) * 60).astype(np.int64) * 1_000_000


def _assemble(
    n: int,
    cov: dict[str, np.ndarray],
    feats: dict[str, np.ndarray],
    plan: TextPlan,
    times: dict[str, np.ndarray],
    text: pl.Series,
    n_batches: int,
) -> pl.DataFrame:
    """One frame with contract columns, truths and batch (by interview_start order)."""
    handed_other = np.array(["interviewer", "recruiter", "other"])
    in_person = cov["channel"] == CHANNELS.index("in_person")
    handed_to = np.where(
        feats["handed_receptionist"], "receptionist", handed_other[cov["candidate"] % 3]
    )
    ts = lambda a: pl.Series(a, dtype=pl.Int64).cast(UTC_DATETIME)  # noqa: E731
    frame = pl.DataFrame(
        {
            "candidate_id": pl.Series(cov["candidate"]),
            "interview_start": ts(times["start"]),
            "interview_end": ts(times["end"]),
            "sent_at": ts(times["sent"]),
            "channel": pl.Series(CHANNELS).gather(cov["channel"]),
            "handed_to": pl.Series(handed_to).set(pl.Series(~in_person), None),
            "enclosure": pl.Series(GIFTS)
            .gather(plan.gift_item)
            .set(pl.Series(~feats["gift_meta"]), None),  # noqa: E501
            "role_family": _labels(ROLE_FAMILIES, cov["role"]),
            "seniority": _labels(SENIORITIES, cov["seniority"]),
            "text": text,
            **{f: pl.Series(feats[f]) for f in FEATURES},
            "language": pl.Series(LANGUAGES).gather(plan.language),
        }
    )
    hours = (pl.col("sent_at") - pl.col("interview_end")).dt.total_seconds() / 3600
    return (
        frame.sort("interview_start", maintain_order=True)
        .with_row_index("row")
        .with_columns(
            note_id=pl.format("note-{}", pl.col("row").cast(pl.String).str.zfill(7)),
            interview_id=pl.format("int-{}", pl.col("row").cast(pl.String).str.zfill(7)),
            candidate_id=pl.format("cand-{}", pl.col("candidate_id").cast(pl.String).str.zfill(7)),
            batch=(pl.col("row") * n_batches // n + 1).cast(pl.Int32),
            send_bucket=send_bucket(hours),
        )
        .drop("row")
    )


def _labels(values: tuple[str, ...], idx: np.ndarray) -> pl.Series:
    return pl.Series(values).gather(np.maximum(idx, 0)).set(pl.Series(idx < 0), None)


def _callback_probability() -> pl.Expr:
    eff = TRUE_EFFECTS
    logit = pl.lit(eff["intercept"]) + sum(pl.col(m).cast(pl.Float64) * eff[m] for m in MISTAKES)
    for col, prefix in (
        ("role_family", "role_family"),
        ("seniority", "seniority"),
        ("channel", "channel"),
        ("send_bucket", "send_bucket"),
    ):
        mapping = {k[len(prefix) + 1 : -1]: v for k, v in eff.items() if k.startswith(prefix + "[")}
        effect = pl.col(col).replace_strict(mapping, default=0.0, return_dtype=pl.Float64)
        logit = logit + effect.fill_null(0.0)
    return 1 / (1 + (-logit).exp())


def _outcomes(rng: np.random.Generator, frame: pl.DataFrame, n_batches: int) -> pl.DataFrame:
    """Final status per interview, some late, some first pending, some missing."""
    n = frame.height
    r = rng.random(n)
    status = np.where(frame["callback"].to_numpy(), "callback", "rejected")
    status = np.where(r < RATES["withdrawn"], "withdrawn", status)
    cut = RATES["withdrawn"] + RATES["pending"]
    status = np.where((r >= RATES["withdrawn"]) & (r < cut), "pending", status)
    has_row = (r < cut) | (r >= cut + RATES["no_outcome_row"])
    batch = frame["batch"].to_numpy()
    later = batch + np.ceil(rng.random(n) * (n_batches - batch)).astype(int)
    late = rng.random(n) < RATES["outcome_in_later_batch"]
    decided = np.isin(status, ("callback", "rejected"))
    two_rows = has_row & decided & (rng.random(n) < RATES["pending_then_decided"])
    end = frame["interview_end"]

    def days(lo: float, hi: float) -> pl.Series:
        micros = ((lo + rng.random(n) * (hi - lo)) * 86400e6).astype("int64")
        return pl.Series(micros).cast(pl.Duration("us"))

    final = pl.DataFrame(
        {
            "interview_id": frame["interview_id"],
            "outcome": status,
            "decided_at": (end + days(2, 45))
            .dt.truncate("1s")
            .set(pl.Series(status == "pending"), None),
            "batch": np.where(late | two_rows, later, batch).astype(np.int32),
            "order": np.ones(n, dtype=np.int8),
        }
    ).filter(pl.Series(has_row))
    first = pl.DataFrame(
        {
            "interview_id": frame["interview_id"],
            "outcome": np.full(n, "pending"),
            "decided_at": (end + days(0.5, 2)).dt.truncate("1s"),
            "batch": batch.astype(np.int32),
            "order": np.zeros(n, dtype=np.int8),
        }
    ).filter(pl.Series(two_rows))
    return (
        pl.concat([first, final])
        .sort("batch", "order", "interview_id")
        .drop("order")
        .with_columns(pl.col("decided_at").cast(UTC_DATETIME))
    )


def _corrupt(
    rng: np.random.Generator, notes: pl.DataFrame, rate: float
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Make a few rows invalid. ``unparseable_timestamp`` rows keep a valid sent_at here; the
    text serialiser (`text_timestamps`) writes them as "yesterday". Parquet batches only get
    ``end_before_start`` so their column types stay valid."""
    n = notes.height
    bad = rng.random(n) < rate
    batches = notes["batch"].to_numpy()
    in_parquet = np.array(
        [batch_format(b) == "parquet" for b in range(1, batches.max(initial=0) + 1)]
    )
    in_parquet = in_parquet[batches - 1] if n else np.zeros(0, dtype=bool)
    reason = np.where(in_parquet, 0, rng.integers(0, len(BAD_REASONS), n))
    reasons = pl.Series(BAD_REASONS).gather(reason)
    early = pl.col("interview_start") - pl.lit(
        pl.Series(rng.integers(10, 90, n) * 60_000_000)
    ).cast(pl.Duration("us"))
    is_bad = pl.Series(bad)
    notes = notes.with_columns(
        interview_end=pl.when(is_bad & (reasons == "end_before_start"))
        .then(early)
        .otherwise("interview_end"),
        channel=pl.when(is_bad & (reasons == "unknown_channel"))
        .then(pl.lit("fax"))
        .otherwise("channel"),
    )
    bad_rows = pl.DataFrame(
        {"note_id": notes["note_id"], "batch": notes["batch"], "reason": reasons}
    ).filter(is_bad)
    return notes, bad_rows


def text_timestamps(
    frame: pl.DataFrame, seed: int, unparseable: pl.Series | None = None
) -> pl.DataFrame:
    """Timestamp columns as ISO 8601 strings for CSV/JSON Lines: per row ``Z``, a fixed offset
    (``+02:00``, ``-05:00``, ``+05:30``; same instant) or naive UTC. Rows whose id is in
    `unparseable` get sent_at ``"yesterday"``."""
    rng = np.random.default_rng(seed)
    ts_cols = [c for c, t in frame.schema.items() if isinstance(t, pl.Datetime)]
    style = pl.Series(rng.integers(0, len(_OFFSETS), frame.height))
    out = frame.with_columns(_format_ts(pl.col(c), style) for c in ts_cols)
    if unparseable is not None and "sent_at" in out.columns:
        out = out.with_columns(
            sent_at=pl.when(pl.col("note_id").is_in(unparseable.implode()))
            .then(pl.lit("yesterday"))
            .otherwise("sent_at")
        )
    return out


def _format_ts(col: pl.Expr, style: pl.Series) -> pl.Expr:
    fmt = "%Y-%m-%dT%H:%M:%S"
    expr: pl.Expr = col.dt.to_string(fmt)  # naive, read as UTC
    for i, zone in enumerate(_OFFSETS[1:-1], start=1):
        local = col.dt.convert_time_zone(zone).dt.to_string(fmt + "%:z")
        expr = pl.when(style == i).then(local).otherwise(expr)
    return pl.when(style == 0).then(col.dt.to_string(fmt + "Z")).otherwise(expr).name.keep()
