"""Statistics of the report: intervals, multiple comparisons, and the adjusted model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

from transforms import stats
from transforms.contract import MISTAKES

TRUE_LOG_ODDS = {
    "generic": -0.8,
    "thanks_only": -0.5,
    "gift": 0.0,
    "prewritten": -0.6,
    "handed_on_exit": 0.4,
}


def _simulate_notes(n: int, seed: int) -> pl.DataFrame:
    """One row per decided note, with known log-odds for the mistakes and a role effect."""
    rng = np.random.default_rng(seed)
    mistakes = {m: rng.random(n) < 0.3 for m in MISTAKES}
    role = rng.choice(["engineering", "sales", "ops"], n)
    linear = -0.2 + 0.3 * (role == "sales") + sum(TRUE_LOG_ODDS[m] * mistakes[m] for m in MISTAKES)
    return pl.DataFrame(
        {
            "candidate_id": rng.integers(0, n // 2, n).astype(str),
            **mistakes,
            "role_family": role,
            "seniority": rng.choice(["junior", "mid", "senior"], n),
            "channel": rng.choice(["email", "letter"], n),
            "send_bucket": rng.choice(["<1h", "1–24h", "1–3d"], n),
            "callback": rng.random(n) < 1 / (1 + np.exp(-linear)),
        }
    )


def _model_frame(notes: pl.DataFrame) -> pl.DataFrame:
    keys = ["candidate_id", *MISTAKES, *stats.CONTROLS]
    return notes.group_by(keys).agg(
        pl.len().alias("decided"), pl.col("callback").sum().alias("callbacks")
    )


@pytest.fixture(scope="module")
def notes() -> pl.DataFrame:
    return _simulate_notes(20_000, seed=7)


@pytest.fixture(scope="module")
def fitted(notes: pl.DataFrame) -> stats.ModelResult:
    return stats.fit_adjusted_model(_model_frame(notes))


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),
        (5, 10, 0.2366, 0.7634),
        (81, 263, 0.2553, 0.3662),  # Newcombe (1998), Statistics in Medicine 17, 857
        (10, 10, 0.7225, 1.0),
    ],
)
def test_wilson_interval_matches_published_values(successes, trials, low, high):
    got_low, got_high = stats.wilson_interval(np.array([successes]), np.array([trials]))
    assert got_low[0] == pytest.approx(low, abs=5e-5)
    assert got_high[0] == pytest.approx(high, abs=5e-5)


def test_wilson_interval_is_missing_without_trials():
    low, high = stats.wilson_interval(np.array([0]), np.array([0]))
    assert np.isnan(low[0]) and np.isnan(high[0])


def test_rate_and_ci_columns_are_null_for_empty_groups():
    out = stats.with_rate_and_ci(pl.DataFrame({"decided": [4, 0], "callbacks": [1, 0]}))
    assert out["rate"].to_list() == [0.25, None]
    assert out["ci_low"][1] is None


def test_newcombe_difference_matches_published_example():
    # Newcombe (1998), second paper, example (a): 56/70 vs 48/80, method 10: 0.0524 to 0.3339.
    diff, low, high = stats.newcombe_difference(
        np.array([56]), np.array([70]), np.array([48]), np.array([80])
    )
    assert (diff[0], low[0], high[0]) == pytest.approx((0.2, 0.0524, 0.3339), abs=5e-5)


def test_feature_differences_subtracts_without_from_with():
    table = pl.DataFrame(
        {
            "feature": ["gift", "gift"],
            "present": [True, False],
            "decided": [70, 80],
            "callbacks": [56, 48],
        }
    )
    out = stats.feature_differences(table)
    assert out["difference"][0] == pytest.approx(0.2)
    assert out["ci_low"][0] == pytest.approx(0.0524, abs=5e-5)


def test_benjamini_hochberg_adjusts_in_original_order():
    adjusted = stats.bh_adjust(np.array([0.01, 0.04, 0.03, 0.005]))
    assert adjusted == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_model_recovers_simulated_effects(fitted):
    assert fitted.status == "fitted"
    table = fitted.odds_ratios.filter(pl.col("term").is_in(list(MISTAKES)))
    for row in table.iter_rows(named=True):
        assert abs(row["log_odds"] - TRUE_LOG_ODDS[row["term"]]) < 3 * row["std_error"]


def test_model_lists_the_five_mistakes_first(fitted):
    assert fitted.odds_ratios["term"].to_list()[:5] == list(MISTAKES)


def test_model_adjusts_p_values_over_the_mistakes_only(fitted):
    table = fitted.odds_ratios
    mistakes = table.filter(pl.col("term").is_in(list(MISTAKES)))
    expected = stats.bh_adjust(mistakes["p_value"].to_numpy())
    assert mistakes["p_adjusted"].to_numpy() == pytest.approx(expected)
    assert table.filter(~pl.col("term").is_in(list(MISTAKES)))["p_adjusted"].null_count() > 0


def test_clustered_errors_match_statsmodels_on_one_row_per_note(notes, fitted):
    frame = notes.with_columns(pl.col(list(MISTAKES)).cast(pl.Float64)).to_pandas()
    frame["y"] = frame["callback"].astype(float)
    formula = "y ~ " + " + ".join(MISTAKES) + " + " + " + ".join(f"C({c})" for c in stats.CONTROLS)
    reference = smf.glm(formula, frame, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(frame["candidate_id"])[0]}
    )
    ours = fitted.odds_ratios.filter(pl.col("term").is_in(list(MISTAKES)))
    assert ours["log_odds"].to_numpy() == pytest.approx(reference.params[list(MISTAKES)].values)
    assert ours["std_error"].to_numpy() == pytest.approx(
        reference.bse[list(MISTAKES)].values, rel=1e-6
    )


def _with(notes: pl.DataFrame, **exprs: pl.Expr) -> pl.DataFrame:
    return _model_frame(notes.with_columns(**exprs))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda n: _model_frame(n.head(40)), "decided outcomes"),
        (lambda n: _model_frame(n.head(150)), "too few events"),
        (lambda n: _with(n, callback=pl.lit(False)), "same"),
        (lambda n: _with(n, callback=pl.col("callback") & ~pl.col("gift")), "separation"),
        (lambda n: _with(n, thanks_only=pl.col("generic")), "singular"),
    ],
    ids=["few-decided", "few-events", "no-variation", "separation", "singular"],
)
def test_unfittable_model_says_why_and_shows_no_numbers(notes, make, reason):
    result = stats.fit_adjusted_model(make(notes))
    assert result.status == "not_fitted"
    assert reason in result.reason
    assert result.odds_ratios.is_empty()
    assert set(stats.ODDS_RATIO_COLUMNS) <= set(result.odds_ratios.columns)


def test_a_mistake_that_never_occurs_is_dropped_and_named(notes):
    result = stats.fit_adjusted_model(_with(notes, gift=pl.lit(False)))
    assert result.status == "fitted"
    assert result.dropped_terms == ("gift",)
    assert "gift" not in result.odds_ratios["term"].to_list()


def _rare_roles(n_each: int) -> pl.Expr:
    row = pl.int_range(pl.len())
    return (
        pl.when(row < n_each)
        .then(pl.lit("astronaut"))
        .when(row < 2 * n_each)
        .then(pl.lit("pilot"))
        .otherwise("role_family")
    )


def test_rare_levels_are_pooled_into_one_level(notes):
    result = stats.fit_adjusted_model(_with(notes, role_family=_rare_roles(20)))
    terms = result.odds_ratios["term"].to_list()
    assert not any("astronaut" in t or "pilot" in t for t in terms)
    assert f"C(role_family)[{stats.RARE_LEVEL}]" in terms


def test_too_few_rare_notes_join_the_largest_level(notes):
    result = stats.fit_adjusted_model(_with(notes, role_family=_rare_roles(2)))
    assert result.status == "fitted"
    assert not any(stats.RARE_LEVEL in t or "pilot" in t for t in result.odds_ratios["term"])
