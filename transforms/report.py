"""Build the research report (DESIGN.md §4) from aggregated tables: pure, no files or database.

flows/report_io.py runs the report SQL, reads the template and writes what this returns.
Note text is untrusted: it is only ever shown through `highlight_spans`, which escapes every
piece of the raw string itself and adds nothing but <mark> tags around the evidence spans.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import jinja2
import polars as pl
from markupsafe import Markup, escape

from transforms import charts, stats
from transforms.contract import FEATURES, MISTAKES, SEND_BUCKETS, SIGNALS

# Groups with fewer decided outcomes than this get a warning next to their numbers.
MIN_GROUP_DECIDED = charts.MIN_GROUP_DECIDED
EXAMPLES_PER_MISTAKE = 3
# Long notes are cut for display after this many characters (spans beyond it are not shown).
MAX_EXAMPLE_CHARS = 2_000
_SAFE_LINK_SCHEMES = ("", "file", "http", "https")

CALLBACK_BY_FEATURE_COLUMNS = (
    "feature",
    "present",
    "decided",
    "callbacks",
    "rate",
    "ci_low",
    "ci_high",
)


@dataclass(frozen=True)
class ReportContext:
    """What the report needs besides the tables: the run, the template text and extras."""

    run_id: str
    generated_at: datetime
    template: str
    gold_metrics: dict[str, Any] | None = None
    data_docs_href: str | None = None


@dataclass(frozen=True)
class RenderedReport:
    """The HTML document and the tables behind it (name -> frame), written out as CSV."""

    html: str
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)


def highlight_spans(text: str, spans: list[tuple[int, int, str]]) -> Markup:
    """Escape `text` and wrap each evidence span (character offsets) in <mark>.

    The raw string is split at the offsets first and each piece is escaped on its own, so an
    offset can never fall inside an HTML entity. Spans are clipped to the text; overlapping spans
    are merged (their rules joined in the title).
    """
    merged: list[list[Any]] = []
    for start, end, rule in sorted((max(0, s), min(len(text), e), r) for s, e, r in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(rule)
        else:
            merged.append([start, end, [rule]])
    out: list[Markup] = []
    cursor = 0
    for start, end, rules in merged:
        out.append(escape(text[cursor:start]))
        title = escape(", ".join(dict.fromkeys(rules)))
        out.append(Markup('<mark title="{}">{}</mark>').format(title, text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


def safe_link(href: str | None) -> str | None:
    """A link target only if its scheme is harmless (no javascript:, data: and the like)."""
    if not href:
        return None
    return href if urlsplit(href).scheme.lower() in _SAFE_LINK_SCHEMES else None


def _order_features(frame: pl.DataFrame, column: str = "feature") -> pl.DataFrame:
    rank = {f: i for i, f in enumerate(FEATURES)}
    return frame.sort(
        pl.col(column).replace_strict(rank, default=len(rank), return_dtype=pl.Int64),
        maintain_order=True,
    )


def _callback_by_feature(raw: pl.DataFrame) -> pl.DataFrame:
    frame = stats.with_rate_and_ci(raw).select(CALLBACK_BY_FEATURE_COLUMNS)
    return _order_features(frame.sort("present", descending=True))


def _with_ci(raw: pl.DataFrame) -> pl.DataFrame:
    return stats.with_rate_and_ci(raw)


def _send_buckets(raw: pl.DataFrame) -> pl.DataFrame:
    rank = {b: i for i, b in enumerate(SEND_BUCKETS)}
    return _with_ci(raw).sort(
        pl.col("send_bucket").replace_strict(rank, default=len(rank), return_dtype=pl.Int64)
    )


def _monthly(raw: pl.DataFrame) -> pl.DataFrame:
    """Monthly counts with the callback rate with and without each mistake (null when 0)."""

    def rate(side: str) -> pl.Expr:
        decided = pl.col(f"decided_{side}")
        return (
            pl.when(decided > 0).then(pl.col(f"callbacks_{side}") / decided).alias(f"rate_{side}")
        )

    return raw.with_columns(rate("with"), rate("without")).sort("interview_month", "feature")


def _month_sizes(monthly: pl.DataFrame) -> pl.DataFrame:
    """Notes and decided outcomes per month (the largest count over the mistakes)."""
    return (
        monthly.group_by("interview_month")
        .agg(
            pl.col("notes_known").max().alias("notes"),
            (pl.col("decided_with") + pl.col("decided_without")).max().alias("decided"),
        )
        .sort("interview_month")
    )


def _examples(raw: pl.DataFrame) -> list[dict[str, Any]]:
    """Per mistake, up to three notes with the evidence spans marked."""
    out = []
    for row in raw.sort("feature", "example").iter_rows(named=True):
        text = row["text"] or ""
        spans = [
            (int(s["span_start"]), int(s["span_end"]), str(s["rule"]))
            for s in (row["spans"] or [])
            if s["span_start"] is not None and s["span_end"] is not None
        ]
        truncated = len(text) > MAX_EXAMPLE_CHARS
        shown = text[:MAX_EXAMPLE_CHARS]
        out.append(
            {
                "feature": row["feature"],
                "note_id": row["note_id"],
                "html": highlight_spans(shown, spans),
                "truncated": truncated,
                "rules": sorted({r for _, _, r in spans} | set(row["metadata_rules"] or [])),
                "metadata_fields": row["metadata_fields"],
            }
        )
    return [e for e in out if e["feature"] in MISTAKES]


def _examples_table(raw: pl.DataFrame) -> pl.DataFrame:
    """The examples flattened for CSV: one row per evidence span (or one per metadata-only note)."""
    exploded = raw.select(
        "feature", "example", "note_id", "metadata_fields", pl.col("spans").fill_null([])
    ).explode("spans")
    return exploded.select(
        "feature",
        "example",
        "note_id",
        pl.col("spans").struct.field("span_start").alias("span_start"),
        pl.col("spans").struct.field("span_end").alias("span_end"),
        pl.col("spans").struct.field("rule").alias("rule"),
        "metadata_fields",
    )


def _gold_table(gold: dict[str, Any] | None) -> pl.DataFrame | None:
    if not gold or not gold.get("features"):
        return None
    rows = [
        {
            "feature": name,
            "precision": _num(m.get("precision")),
            "recall": _num(m.get("recall")),
            "f1": _num(m.get("f1")),
        }
        for name, m in gold["features"].items()
    ]
    return _order_features(
        pl.DataFrame(
            rows,
            schema={"feature": pl.String}
            | dict.fromkeys(("precision", "recall", "f1"), pl.Float64),
        )
    )


def _num(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _model_status(model: stats.ModelResult) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "status": [model.status],
            "reason": [model.reason],
            "n_decided": [model.n_decided],
            "n_callbacks": [model.n_callbacks],
            "n_terms": [model.n_terms],
            "n_clusters": [model.n_clusters],
            "dropped_terms": [", ".join(model.dropped_terms)],
            "formula": [model.formula],
        }
    )


def _fmt(value: Any, kind: str = "text") -> str:
    """Cell formatting for the template; missing values show as an en dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "pct":
        return f"{value:.1%}"
    if kind == "pp":
        shown = round(value * 100, 1)
        return "0.0 pp" if shown == 0 else f"{shown:+.1f} pp"
    if kind == "int":
        return f"{int(value):,}"
    if kind == "ratio":
        return f"{value:.2f}"
    if kind == "p":
        return "< 0.001" if value < 0.001 else f"{value:.3f}"
    return str(value)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["fmt"] = _fmt
    return env


def _rows(frame: pl.DataFrame | None) -> list[dict[str, Any]]:
    return [] if frame is None else frame.to_dicts()


def build_report(
    tables: dict[str, pl.DataFrame], model_frame: pl.DataFrame, context: ReportContext
) -> RenderedReport:
    """Compute the statistics, draw the charts and render the HTML; return it with its tables."""
    by_feature = _callback_by_feature(tables["callback_by_feature"])
    differences = _order_features(stats.feature_differences(by_feature))
    by_count = _with_ci(tables["callback_by_mistake_count"]).sort("mistakes")
    by_bucket = _send_buckets(tables["callback_by_send_bucket"])
    cooccurrence = tables["mistake_cooccurrence"]
    monthly = _monthly(tables["monthly_trend"])
    model = stats.fit_adjusted_model(model_frame)
    gold = _gold_table(context.gold_metrics)
    out_tables = {
        "callback_by_feature": by_feature,
        "feature_differences": differences,
        "adjusted_odds_ratios": model.odds_ratios,
        "model_status": _model_status(model),
        "callback_by_mistake_count": by_count,
        "callback_by_send_bucket": by_bucket,
        "mistake_cooccurrence": cooccurrence,
        "monthly_trend": monthly,
        "outcome_counts": tables["outcome_counts"],
        "feature_exclusions": _order_features(tables["feature_exclusions"]),
        "file_accounting": tables["file_accounting"],
        "quarantine_reasons": tables["quarantine_reasons"],
        "redaction_totals": tables["redaction_totals"],
        "tagger_versions": tables["tagger_versions"],
        "evidence_examples": _examples_table(tables["evidence_examples"]),
    }
    if gold is not None:
        out_tables["gold_metrics"] = gold
    figures = {
        "by_feature": charts.callback_by_feature_chart(by_feature),
        "odds_ratios": charts.odds_ratio_chart(model.odds_ratios) if model.fitted else "",
        "by_count": charts.mistake_count_chart(by_count),
        "by_bucket": charts.send_bucket_chart(by_bucket),
        "cooccurrence": charts.cooccurrence_chart(cooccurrence),
        "monthly_share": charts.monthly_trend_chart(monthly),
        "monthly_callback": charts.monthly_callback_chart(monthly),
    }
    outcomes = tables["outcome_counts"]
    html = (
        _environment()
        .from_string(context.template)
        .render(
            run_id=context.run_id,
            generated_at=context.generated_at.isoformat(timespec="seconds"),
            # SVG produced by vl-convert from our aggregates (see charts.render_svg), not user text.
            figures={k: Markup(v) for k, v in figures.items()},
            by_feature=_rows(by_feature),
            differences=_rows(differences),
            exclusions=_rows(out_tables["feature_exclusions"]),
            model=model,
            odds_ratios=_rows(model.odds_ratios),
            by_count=_rows(by_count),
            by_bucket=_rows(by_bucket),
            cooccurrence=_rows(cooccurrence),
            month_sizes=_rows(_month_sizes(monthly)),
            outcomes=_rows(outcomes),
            n_notes=int(outcomes["notes"].sum() or 0),
            n_decided=int(outcomes.filter(pl.col("decided"))["notes"].sum() or 0),
            examples=_examples(tables["evidence_examples"]),
            files=_rows(tables["file_accounting"]),
            quarantine=_rows(tables["quarantine_reasons"]),
            redactions=_rows(tables["redaction_totals"]),
            taggers=_rows(tables["tagger_versions"]),
            gold=_rows(gold),
            data_docs_href=safe_link(context.data_docs_href),
            mistakes=MISTAKES,
            signals=SIGNALS,
            min_group=MIN_GROUP_DECIDED,
            min_decided_model=stats.MIN_DECIDED_FOR_MODEL,
            min_events_per_term=stats.MIN_EVENTS_PER_TERM,
            min_level=stats.MIN_LEVEL_DECIDED,
        )
    )
    return RenderedReport(html=html, tables=out_tables)
