"""The report end to end on a tiny in-memory warehouse, and its escaping helpers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from flows.report_io import TEMPLATE_PATH, read_report_tables, write_report
from flows.warehouse import apply_schema
from transforms.contract import FEATURES, MISTAKES
from transforms.report import (
    ReportContext,
    build_report,
    highlight_spans,
    safe_link,
)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT_NOTE = "Thank you! <script>alert(1)</script> It was a pleasure to discuss the roadmap."

# note_id, candidate, outcome, language, the 8 features, hours_to_send, bucket, channel, month
NOTES = [
    ("n1", "c1", "callback", "en", (1, 0, 0, 0, 0, 1, 1, 1), 5.0, "1–24h", "email", "01"),
    ("n2", "c2", "rejected", "en", (1, 1, 0, 0, 0, 0, 0, 0), 30.0, "1–3d", "email", "01"),
    ("n3", "c3", "rejected", "en", (1, 0, 1, 0, 1, 0, 0, 1), 0.2, "<1h", "in_person", "02"),
    ("n4", "c3", "callback", "en", (0, 1, 0, 1, 0, 1, 0, 0), 2.0, "1–24h", "email", "02"),
    ("n5", "c4", "pending", "en", (1, 1, 0, 0, 0, 0, 0, 0), 80.0, ">3d", "letter", "02"),
    ("n6", "c5", "withdrawn", "en", (0, 0, 1, 0, 0, 1, 1, 0), 3.0, "1–24h", "email", "03"),
    ("n7", "c6", None, "en", (1, 0, 0, 0, 0, 0, 0, 0), 4.0, "1–24h", "email", "03"),
    (
        "n8",
        "c7",
        "callback",
        "es",
        (None, None, None, 0, 0, None, None, None),
        6.0,
        "1–24h",
        "email",
        "03",
    ),
    ("n9", "c8", "rejected", "en", (1, 1, 0, 1, 0, 0, 0, 0), -1.0, "<1h", "email", "03"),
]
TEXTS = {
    "n1": SCRIPT_NOTE,
    "n2": "Thanks for your time.",
    "n3": "🍎 Here is a fruit basket for you.",
}
EVIDENCE = [
    ("n2", "generic", "text", "generic.no_specifics", 0, 21, None),
    ("n3", "gift", "text", "gift.enclosure", 12, 24, None),
    ("n3", "handed_on_exit", "metadata", "exit.receptionist", None, None, "channel,handed_to"),
    ("n1", "generic", "text", "generic.thanks", 0, 9, None),
]


def _load_ddl(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)


def _insert(con: duckdb.DuckDBPyConnection) -> None:
    for i, (nid, cand, outcome, lang, feats, hours, bucket, channel, month) in enumerate(NOTES):
        end = f"2026-{month}-10 11:00:00+00"
        con.execute(
            "insert into notes values (?, ?, ?, ?, ?, ?, ?, null, null, 'engineering', 'mid', ?,"
            " null, 'h', 'f1', ?)",
            [
                nid,
                f"i{nid}",
                cand,
                f"2026-{month}-10 10:00:00+00",
                end,
                end,
                channel,
                TEXTS.get(nid, "Merci beaucoup."),
                i + 1,
            ],
        )
        con.execute(
            "insert into note_tags values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null,"
            " 'engineering', 'mid', 'rules.v1')",
            [
                nid,
                f"i{nid}",
                cand,
                lang,
                *[None if f is None else bool(f) for f in feats],
                hours,
                bucket,
                channel,
            ],
        )
        if outcome:
            con.execute(
                "insert into outcome_events values (?, ?, null, null, 1, ?, 'f2')",
                [f"i{nid}", outcome, i + 1],
            )
    for row in EVIDENCE:
        con.execute("insert into tag_evidence values (?, ?, ?, ?, ?, ?, ?, 'rules.v1')", row)
    con.execute(
        "insert into batch_accounting values ('f1', 'notes_1.csv', 'notes', 'csv', 1, now(),"
        " now(), 'r1', 10, 9, 1, null)"
    )
    con.execute(
        "insert into quarantine values ('f1', 'notes_1.csv', 10, 'channel', 'accepted_values',"
        " 'fax', 'channel must be one of the allowed values')"
    )
    con.execute("insert into redaction_counts values ('f1', 'email', 2, 1)")


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    _load_ddl(con)
    _insert(con)
    return con


@pytest.fixture(scope="module")
def report(warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    return write_report(
        warehouse,
        out,
        "run-1",
        gold_metrics={"features": {"gift": {"precision": 0.9, "recall": 0.8, "f1": 0.85}}},
        data_docs_href="../../gx/data_docs/index.html",
    )


@pytest.fixture(scope="module")
def html(report: Path) -> str:
    return report.read_text(encoding="utf-8")


def _csv(report: Path, name: str) -> pl.DataFrame:
    return pl.read_csv(report.parent / "tables" / f"{name}.csv")


def _direct_callback_by_feature(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The same numbers straight from note_facts, Wilson bounds written out in SQL."""
    parts = [
        f"select '{f}' as feature, {f} as present, count(*) as decided,"
        f" count(*) filter (where callback) as callbacks from note_facts"
        f" where decided and {f} is not null group by {f}"
        for f in FEATURES
    ]
    sql = f"""
        with counts as ({" union all ".join(parts)}),
        z as (select 1.959963984540054 as z)
        select feature, present, decided, callbacks,
            callbacks / decided as rate,
            (rate + z*z/(2*decided) - z*sqrt(rate*(1-rate)/decided + z*z/(4*decided*decided)))
                / (1 + z*z/decided) as ci_low,
            (rate + z*z/(2*decided) + z*sqrt(rate*(1-rate)/decided + z*z/(4*decided*decided)))
                / (1 + z*z/decided) as ci_high
        from counts, z
    """
    return con.sql(sql).pl()


def test_callback_by_feature_csv_equals_direct_sql(warehouse, report):
    got = _csv(report, "callback_by_feature").sort("feature", "present")
    expected = _direct_callback_by_feature(warehouse).sort("feature", "present")
    assert got.columns == [
        "feature",
        "present",
        "decided",
        "callbacks",
        "rate",
        "ci_low",
        "ci_high",
    ]
    assert_frame_equal(got, expected, check_dtypes=False, abs_tol=1e-9)


def test_non_english_note_is_left_out_of_its_features(report):
    exclusions = _csv(report, "feature_exclusions")
    generic = exclusions.filter(pl.col("feature") == "generic").row(0, named=True)
    assert (generic["notes_null"], generic["decided_null"]) == (1, 1)


def test_undecided_outcomes_are_counted_by_kind(report):
    counts = dict(_csv(report, "outcome_counts").select("outcome", "notes").iter_rows())
    assert counts == {"callback": 3, "rejected": 3, "pending": 1, "withdrawn": 1, "none": 1}


def test_odds_ratio_csv_has_its_columns_even_when_not_fitted(report):
    table = _csv(report, "adjusted_odds_ratios")
    assert table.columns[:6] == ["term", "odds_ratio", "ci_low", "ci_high", "p_value", "p_adjusted"]


def test_tiny_warehouse_says_the_model_was_not_fitted(html):
    assert "The model was not fitted" in html
    assert "only 5 decided outcomes" in html


def test_script_in_a_note_is_shown_as_text(html):
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_has_no_scripts_or_external_resources(html):
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html, re.I)


def test_evidence_span_is_marked_at_character_offsets(html):
    # The emoji before the span would shift byte offsets; character offsets must be used.
    assert '<mark title="gift.enclosure">fruit basket</mark>' in html


def test_every_chart_is_inline_svg(html):
    assert html.count('<figure class="chart"><svg') >= 5


def test_latest_html_is_the_same_report(report, html):
    assert (report.parent.parent / "latest.html").read_text(encoding="utf-8") == html


def test_data_docs_link_and_gold_metrics_are_shown(report, html):
    docs = (report.parent.parent.parent / "gx" / "data_docs" / "index.html").resolve()
    assert f'href="{docs.as_uri()}"' in html
    assert "Tagger accuracy on the gold set" in html


def test_every_output_table_is_written(report):
    names = {p.stem for p in (report.parent / "tables").glob("*.csv")}
    expected = {
        "callback_by_feature",
        "adjusted_odds_ratios",
        "callback_by_mistake_count",
        "mistake_cooccurrence",
        "callback_by_send_bucket",
        "monthly_trend",
        "outcome_counts",
        "evidence_examples",
        "gold_metrics",
    }
    assert expected <= names


def test_empty_warehouse_still_gives_a_report(tmp_path):
    con = duckdb.connect()
    _load_ddl(con)
    html = write_report(con, tmp_path, "empty").read_text(encoding="utf-8")
    assert "The model was not fitted" in html
    assert "No data to chart." in html


def test_report_reads_a_read_only_warehouse(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as con:
        _load_ddl(con)
        _insert(con)
    with duckdb.connect(str(path), read_only=True) as con:
        assert write_report(con, tmp_path / "reports", "ro").exists()


def test_monthly_trend_has_rates_with_and_without(report):
    monthly = _csv(report, "monthly_trend")
    row = monthly.filter(pl.col("feature") == "generic").sort("interview_month").row(0, named=True)
    assert (row["decided_with"], row["rate_with"]) == (2, 0.5)


def test_no_temporary_table_is_left_behind(warehouse, report):
    assert warehouse.execute("select count(*) from duckdb_tables() where temporary").fetchall() == [
        (0,)
    ]


def test_unsafe_run_id_is_refused(warehouse, tmp_path):
    with pytest.raises(ValueError, match="run_id"):
        write_report(warehouse, tmp_path, "../escape")


def _fitted_model_frame(n: int = 4_000) -> pl.DataFrame:
    rng = np.random.default_rng(3)
    mistakes = {m: rng.random(n) < 0.35 for m in MISTAKES}
    linear = -0.3 - 0.7 * mistakes["generic"] + 0.5 * mistakes["gift"]
    return pl.DataFrame(
        {
            "candidate_id": rng.integers(0, n // 2, n).astype(str),
            **mistakes,
            "role_family": "engineering",
            "seniority": rng.choice(["mid", "senior"], n),
            "channel": "email",
            "send_bucket": rng.choice(["<1h", "1–24h"], n),
            "decided": 1,
            "callbacks": (rng.random(n) < 1 / (1 + np.exp(-linear))).astype(int),
        }
    )


def test_fitted_model_is_shown_with_odds_ratios(warehouse):
    tables = read_report_tables(warehouse)
    tables.pop("model_frame")
    context = ReportContext(
        run_id="r",
        generated_at=datetime(2026, 1, 1, tzinfo=UTC),
        template=TEMPLATE_PATH.read_text(encoding="utf-8"),
    )
    rendered = build_report(tables, _fitted_model_frame(), context)
    assert "Adjusted odds ratios of callback" in rendered.html
    assert rendered.tables["adjusted_odds_ratios"]["term"].to_list()[:5] == list(MISTAKES)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("a<b>c", [(1, 4, "r")], 'a<mark title="r">&lt;b&gt;</mark>c'),
        ("x & y", [], "x &amp; y"),
        ("héllo wörld", [(6, 11, "r")], 'héllo <mark title="r">wörld</mark>'),
        ("abcdef", [(0, 3, "r1"), (2, 5, "r2")], '<mark title="r1, r2">abcde</mark>f'),
        ("abc", [(2, 99, "r"), (5, 9, "gone")], 'ab<mark title="r">c</mark>'),
        ("abc", [(0, 1, '"><script>')], '<mark title="&#34;&gt;&lt;script&gt;">a</mark>bc'),
    ],
    ids=["escapes-inside", "escapes-outside", "unicode", "overlap", "clipped", "rule-escaped"],
)
def test_highlight_spans(text, spans, expected):
    assert str(highlight_spans(text, spans)) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("gx/index.html", "gx/index.html"),
        ("file:///tmp/gx/index.html", "file:///tmp/gx/index.html"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        (None, None),
    ],
)
def test_safe_link(href, expected):
    assert safe_link(href) == expected
