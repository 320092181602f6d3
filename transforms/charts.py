"""Charts for the report: Altair specs rendered to static SVG with vl-convert (no JavaScript).

Each public function takes a small aggregated frame and returns an SVG string, or "" when there
is nothing to draw. Only aggregates and fixed category names reach a chart, never note text.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc

from transforms.contract import MISTAKES, SEND_BUCKETS

_WIDTH = 560
# Same threshold as the tables' warnings (transforms.report.MIN_GROUP_DECIDED).
MIN_GROUP_DECIDED = 30
_RATE_TOOLTIP = alt.Tooltip("rate:Q", format=".1%")
_OR_TITLE = "adjusted odds ratio (log scale)"
_PRESENT_COLORS = alt.Scale(domain=["with", "without"], range=["#c0392b", "#7f8c8d"])
# The same colour for a mistake in every chart.
_MISTAKE_COLORS = alt.Scale(domain=list(MISTAKES), scheme="category10")
_TICKS = {"size": 8}


def render_svg(chart: alt.TopLevelMixin) -> str:
    """Render an Altair chart to an SVG string offline (vl-convert embeds Vega; no network)."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    svg = vlc.vegalite_to_svg(chart.to_dict(), vl_version=major_minor)
    # An SVG drawn from our own aggregates; make sure it is one, before it is inlined as markup.
    if not svg.lstrip().startswith("<svg"):
        raise ValueError("vl-convert did not return an SVG document")
    return svg


def warm_up() -> None:
    """Draw a one-point chart, so that vl-convert's JavaScript engine (about a second to start)
    is running before the report's charts are drawn."""
    render_svg(alt.Chart(alt.Data(values=[{"x": 0}])).mark_point().encode(x="x:Q"))


def _records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.with_columns(pl.col(pl.Date, pl.Datetime).dt.strftime("%Y-%m-%d")).to_dicts()


def _faded_when_small() -> Any:
    """Bars of groups with fewer than MIN_GROUP_DECIDED decided outcomes are drawn faded."""
    return alt.condition(f"datum.decided < {MIN_GROUP_DECIDED}", alt.value(0.35), alt.value(1.0))


def _rate_axis(title: str = "callback rate") -> alt.X:
    return alt.X("rate:Q", title=title, axis=alt.Axis(format="%"), scale=alt.Scale(zero=True))


def callback_by_feature_chart(table: pl.DataFrame) -> str:
    """Horizontal bars: callback rate with and without each feature, Wilson 95% error bars."""
    data = table.filter(pl.col("decided") > 0).with_columns(
        pl.when(pl.col("present")).then(pl.lit("with")).otherwise(pl.lit("without")).alias("group")
    )
    if data.is_empty():
        return ""
    base = alt.Chart(alt.Data(values=_records(data))).encode(
        y=alt.Y("feature:N", title=None, sort=list(dict.fromkeys(data["feature"].to_list()))),
        yOffset=alt.YOffset("group:N", sort=["with", "without"]),
        color=alt.Color("group:N", scale=_PRESENT_COLORS, title="feature"),
    )
    bars = base.mark_bar().encode(
        x=_rate_axis(),
        opacity=_faded_when_small(),
        tooltip=[
            "feature:N",
            "group:N",
            "decided:Q",
            "callbacks:Q",
            alt.Tooltip("rate:Q", format=".1%"),
        ],
    )
    errors = base.mark_errorbar(ticks=_TICKS, color="black", thickness=1.2).encode(
        x=alt.X("ci_low:Q", title="callback rate"), x2="ci_high:Q"
    )
    chart = (bars + errors).properties(
        width=_WIDTH, title="Callback rate with and without each feature (Wilson 95% CI)"
    )
    return render_svg(chart)


def odds_ratio_chart(table: pl.DataFrame) -> str:
    """Forest plot of the adjusted odds ratios of the five mistakes, log scale, line at 1."""
    data = table.filter(pl.col("term").is_in(list(MISTAKES)))
    if data.is_empty():
        return ""
    y = alt.Y("term:N", title=None, sort=list(MISTAKES))
    scale = alt.Scale(type="log")
    points = (
        alt.Chart(alt.Data(values=_records(data)))
        .mark_point(filled=True, size=80, color="#2c3e50")
        .encode(x=alt.X("odds_ratio:Q", title="adjusted odds ratio (log scale)", scale=scale), y=y)
    )
    errors = (
        alt.Chart(alt.Data(values=_records(data)))
        .mark_errorbar(ticks=_TICKS, color="black", thickness=1.2)
        .encode(
            x=alt.X("ci_low:Q", scale=scale, title="adjusted odds ratio (log scale)"),
            x2="ci_high:Q",
            y=y,
        )
    )
    one = alt.Chart(alt.Data(values=[{"x": 1.0}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    chart = (errors + points + one).properties(
        width=_WIDTH,
        height=36 * data.height,
        title="Adjusted odds ratios of callback (95% CI, clustered by candidate)",
    )
    return render_svg(chart)


def _rate_bars(data: pl.DataFrame, x_field: str, x_title: str, sort: list[Any], title: str) -> str:
    if data.is_empty():
        return ""
    base = alt.Chart(alt.Data(values=_records(data))).encode(
        x=alt.X(x_field, title=x_title, sort=sort, axis=alt.Axis(labelAngle=0))
    )
    y = alt.Y(
        "rate:Q", title="callback rate", axis=alt.Axis(format="%"), scale=alt.Scale(zero=True)
    )
    bars = base.mark_bar(color="#2980b9").encode(
        y=y,
        opacity=_faded_when_small(),
        tooltip=[x_field, "decided:Q", "callbacks:Q", _RATE_TOOLTIP],
    )
    errors = base.mark_errorbar(ticks=_TICKS, color="black", thickness=1.2).encode(
        y=alt.Y("ci_low:Q", title="callback rate"), y2="ci_high:Q"
    )
    return render_svg((bars + errors).properties(width=_WIDTH * 0.7, title=title))


def mistake_count_chart(table: pl.DataFrame) -> str:
    """Bars: callback rate by the number of mistakes in a note, with Wilson intervals."""
    data = table.filter(pl.col("decided") > 0)
    return _rate_bars(
        data,
        "mistakes:O",
        "number of mistakes in the note",
        sorted(data["mistakes"].to_list()),
        "Callback rate by number of mistakes (Wilson 95% CI)",
    )


def send_bucket_chart(table: pl.DataFrame) -> str:
    """Bars: callback rate by time to send, buckets in time order, with Wilson intervals."""
    data = table.filter(pl.col("decided") > 0)
    return _rate_bars(
        data,
        "send_bucket:N",
        "time from end of interview to note",
        list(SEND_BUCKETS),
        "Callback rate by time to send (Wilson 95% CI)",
    )


def cooccurrence_chart(table: pl.DataFrame) -> str:
    """Heat map: share of notes with mistake A that also have mistake B (diagonal = 100%)."""
    data = table.with_columns(
        pl.when(pl.col("with_a") > 0).then(pl.col("both_present") / pl.col("with_a")).alias("share")
    )
    if data.is_empty():
        return ""
    order = list(MISTAKES)
    base = alt.Chart(alt.Data(values=_records(data))).encode(
        x=alt.X("feature_b:N", title="… also has mistake B", sort=order),
        y=alt.Y("feature_a:N", title="notes with mistake A …", sort=order),
    )
    rects = base.mark_rect().encode(
        color=alt.Color(
            "share:Q",
            title="share",
            scale=alt.Scale(scheme="oranges", domain=[0, 1]),
            legend=alt.Legend(format="%"),
        ),
        tooltip=[
            "feature_a:N",
            "feature_b:N",
            "both_present:Q",
            "with_a:Q",
            alt.Tooltip("share:Q", format=".1%"),
        ],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("both_present:Q", format=","),
        color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("black")),
    )
    chart = (rects + text).properties(
        width=340, height=340, title="Mistake co-occurrence (cell: notes with both)"
    )
    return render_svg(chart)


def monthly_trend_chart(table: pl.DataFrame) -> str:
    """Lines: share of notes with each mistake, by interview month."""
    return _monthly_lines(
        table, "notes_present", "notes_known", "share of notes",
        "How common each mistake is, by month",
    )  # fmt: skip


def monthly_callback_chart(table: pl.DataFrame) -> str:
    """Lines: callback rate of notes with each mistake, by interview month."""
    return _monthly_lines(
        table, "callbacks_with", "decided_with", "callback rate",
        "Callback rate of notes with each mistake, by month",
    )  # fmt: skip


def _monthly_lines(
    table: pl.DataFrame, numerator: str, denominator: str, y_title: str, title: str
) -> str:
    """One line per mistake of numerator / denominator by month; months with a zero denominator
    are left out, and an empty table draws nothing."""
    data = table.filter(pl.col(denominator) > 0).with_columns(
        (pl.col(numerator) / pl.col(denominator)).alias("value")
    )
    if data.is_empty():
        return ""
    chart = (
        alt.Chart(alt.Data(values=_records(data)))
        .mark_line(point=True)
        .encode(
            x=alt.X("interview_month:T", title="interview month", timeUnit="yearmonth"),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format="%")),
            color=alt.Color("feature:N", title="mistake", scale=_MISTAKE_COLORS),
            tooltip=["interview_month:T", "feature:N", f"{numerator}:Q", f"{denominator}:Q"],
        )
        .properties(width=_WIDTH, title=title)
    )
    return render_svg(chart)
