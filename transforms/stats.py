"""Statistics for the report: Wilson intervals, Newcombe differences, and the adjusted model.

Pure functions over Polars frames and NumPy arrays; statsmodels does the estimation.

The logistic regression is fitted on covariate-pattern aggregates (one binomial row per distinct
combination of the five mistakes and the controls), which gives the same maximum-likelihood
estimates as one row per note at a fraction of the cost. Standard errors are clustered by
candidate: the score contributions are summed per candidate from a frame aggregated by
(candidate, pattern), and combined with the model's information matrix in the usual sandwich,
with the same small-sample correction statsmodels applies, G/(G-1) * (N-1)/(N-K).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
import polars as pl

from transforms.contract import MISTAKES

Z95 = NormalDist().inv_cdf(0.975)
# Fewer decided outcomes than this and the model is not fitted at all.
MIN_DECIDED_FOR_MODEL = 50
# Rule of thumb: at least this many events of the rarer outcome per estimated term.
MIN_EVENTS_PER_TERM = 10
# Category levels with fewer decided notes than this are pooled, so that rare free-text values
# (role families) do not each cost a parameter.
MIN_LEVEL_DECIDED = 30
RARE_LEVEL = "other (rare)"
MISSING_LEVEL = "unknown"
CONTROLS = ("role_family", "seniority", "channel", "send_bucket")
# A log-odds this large in absolute value means the likelihood has no finite maximum.
_SEPARATION_COEF = 15.0

MODEL_FORMULA = (
    "logit P(callback) ~ " + " + ".join(MISTAKES) + " + " + " + ".join(f"C({c})" for c in CONTROLS)
)

ODDS_RATIO_COLUMNS = (
    "term",
    "odds_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "p_adjusted",
    "log_odds",
    "std_error",
)


def wilson_interval(
    successes: np.ndarray, trials: np.ndarray, alpha: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for each proportion; NaN where there are no trials."""
    successes = np.asarray(successes, dtype=float)
    trials = np.asarray(trials, dtype=float)
    low = np.full(trials.shape, np.nan)
    high = np.full(trials.shape, np.nan)
    ok = trials > 0
    if ok.any():
        # statsmodels is imported where it is used: importing it costs seconds on every run.
        from statsmodels.stats.proportion import proportion_confint

        low[ok], high[ok] = proportion_confint(
            successes[ok], trials[ok], alpha=alpha, method="wilson"
        )
    return low, high


def with_rate_and_ci(
    frame: pl.DataFrame, successes: str = "callbacks", trials: str = "decided"
) -> pl.DataFrame:
    """Add rate, ci_low and ci_high (Wilson 95%) to a frame of counts; null where trials is 0."""
    s = frame[successes].cast(pl.Float64).fill_null(0).to_numpy()
    n = frame[trials].cast(pl.Float64).fill_null(0).to_numpy()
    low, high = wilson_interval(s, n)
    rate = np.divide(s, n, out=np.full(n.shape, np.nan), where=n > 0)
    return frame.with_columns(
        pl.Series("rate", rate).fill_nan(None),
        pl.Series("ci_low", low).fill_nan(None),
        pl.Series("ci_high", high).fill_nan(None),
    )


def newcombe_difference(
    s1: np.ndarray, n1: np.ndarray, s2: np.ndarray, n2: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Difference p1 - p2 with Newcombe's hybrid score 95% interval (method 10, from Wilson)."""
    s1, n1, s2, n2 = (np.asarray(a, dtype=float) for a in (s1, n1, s2, n2))
    ok = (n1 > 0) & (n2 > 0)
    p1 = np.divide(s1, n1, out=np.full(n1.shape, np.nan), where=n1 > 0)
    p2 = np.divide(s2, n2, out=np.full(n2.shape, np.nan), where=n2 > 0)
    l1, u1 = wilson_interval(s1, n1)
    l2, u2 = wilson_interval(s2, n2)
    diff = p1 - p2
    low = diff - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = diff + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    nan = np.full(n1.shape, np.nan)
    return np.where(ok, diff, nan), np.where(ok, low, nan), np.where(ok, high, nan)


def feature_differences(callback_by_feature: pl.DataFrame) -> pl.DataFrame:
    """Per feature: rate with minus rate without, with its Newcombe interval."""
    wide = (
        callback_by_feature.select("feature", "present", "decided", "callbacks")
        .pivot(on="present", index="feature", values=["decided", "callbacks"])
        .rename(lambda c: c.replace("true", "with").replace("false", "without"))
    )
    for col in ("decided_with", "decided_without", "callbacks_with", "callbacks_without"):
        if col not in wide.columns:
            wide = wide.with_columns(pl.lit(0, pl.Int64).alias(col))
    wide = wide.with_columns(pl.col("^decided_.*$", "^callbacks_.*$").fill_null(0))
    diff, low, high = newcombe_difference(
        wide["callbacks_with"].to_numpy(),
        wide["decided_with"].to_numpy(),
        wide["callbacks_without"].to_numpy(),
        wide["decided_without"].to_numpy(),
    )
    return wide.select(
        "feature",
        "decided_with",
        "callbacks_with",
        "decided_without",
        "callbacks_without",
        pl.Series("difference", diff).fill_nan(None),
        pl.Series("ci_low", low).fill_nan(None),
        pl.Series("ci_high", high).fill_nan(None),
    )


def bh_adjust(p_values: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate)."""
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return p
    from statsmodels.stats.multitest import multipletests

    return multipletests(p, method="fdr_bh")[1]


@dataclass(frozen=True)
class ModelResult:
    """The adjusted model: status 'fitted' with a table of odds ratios, or 'not_fitted' and why."""

    status: str
    reason: str
    odds_ratios: pl.DataFrame
    n_decided: int = 0
    n_callbacks: int = 0
    n_terms: int = 0
    n_clusters: int = 0
    dropped_terms: tuple[str, ...] = field(default_factory=tuple)
    formula: str = MODEL_FORMULA

    @property
    def fitted(self) -> bool:
        return self.status == "fitted"


def _empty_odds_ratios() -> pl.DataFrame:
    schema = {"term": pl.String} | {c: pl.Float64 for c in ODDS_RATIO_COLUMNS[1:]}
    return pl.DataFrame(schema=schema)


def _not_fitted(reason: str, **counts: int) -> ModelResult:
    return ModelResult(
        "not_fitted",
        reason,
        _empty_odds_ratios(),
        n_decided=counts.get("n_decided", 0),
        n_callbacks=counts.get("n_callbacks", 0),
        n_terms=counts.get("n_terms", 0),
    )


def _pool_levels(frame: pl.DataFrame, column: str) -> pl.Expr:
    """Missing values become 'unknown'; levels with few decided notes become 'other (rare)'.

    If the rare levels together are still too few to estimate, they join the largest level
    instead (a one-note level would otherwise separate and stop the whole model).
    """
    filled = pl.col(column).cast(pl.String).fill_null(MISSING_LEVEL)
    sizes = frame.group_by(filled.alias("level")).agg(pl.col("decided").sum())
    big = sizes.filter(pl.col("decided") >= MIN_LEVEL_DECIDED)
    rare_total = int(sizes["decided"].sum()) - int(big["decided"].sum())
    if big.is_empty() or rare_total >= MIN_LEVEL_DECIDED:
        rare = pl.lit(RARE_LEVEL)
    else:
        rare = pl.lit(big.sort("decided", "level")["level"][-1])
    common = big["level"].to_list()
    return pl.when(filled.is_in(common)).then(filled).otherwise(rare).alias(column)


def _design(patterns: pl.DataFrame, mistakes: list[str]) -> tuple[np.ndarray, list[str]]:
    """Intercept, the mistakes as 0/1, and treatment dummies (reference: the largest level)."""
    columns = [np.ones(patterns.height)]
    names = ["intercept"]
    for m in mistakes:
        columns.append(patterns[m].cast(pl.Float64).to_numpy())
        names.append(m)
    for c in CONTROLS:
        sizes = patterns.group_by(c).agg(pl.col("decided").sum()).sort(["decided", c])
        levels = sizes[c].to_list()
        for level in sorted(levels[:-1]):  # the last (largest) level is the reference
            columns.append((patterns[c] == level).cast(pl.Float64).to_numpy())
            names.append(f"C({c})[{level}]")
    return np.column_stack(columns), names


def _separated(frame: pl.DataFrame, mistakes: list[str]) -> list[str]:
    """Mistakes whose present (or absent) group has only callbacks or only rejections."""
    out = []
    for m in mistakes:
        for value in (True, False):
            g = frame.filter(pl.col(m) == value)
            n, s = g["decided"].sum(), g["callbacks"].sum()
            if n > 0 and s in (0, n):
                out.append(m)
                break
    return out


def _cluster_cov(
    bread: np.ndarray,
    x: np.ndarray,
    rows: tuple[np.ndarray, np.ndarray, np.ndarray],
    n_obs: int,
) -> tuple[np.ndarray, int]:
    """Sandwich covariance with scores summed per cluster (statsmodels' small-sample factor).

    rows: (pattern, cluster, residual) per row, patterns indexing x's rows and clusters coded
    0..G-1. A row's score is x[pattern] * residual, so a cluster's summed score is its residuals
    summed per pattern (a sparse G x P matrix) times x: no row-by-term matrix is built.
    """
    from scipy.sparse import csr_matrix

    pattern, cluster, resid = rows
    g, k = int(cluster.max()) + 1, x.shape[1]
    summed = csr_matrix((resid, (cluster, pattern)), shape=(g, x.shape[0])) @ x
    meat = summed.T @ summed
    factor = g / (g - 1) * (n_obs - 1) / (n_obs - k) if g > 1 and n_obs > k else 1.0
    return factor * bread @ meat @ bread, g


def fit_adjusted_model(model_frame: pl.DataFrame) -> ModelResult:
    """Logistic regression of callback on the five mistakes plus controls, clustered by candidate.

    model_frame: one row per (candidate_id, mistakes, controls) with decided and callbacks counts,
    decided notes only, no null mistake. Returns a clear 'not_fitted' status instead of numbers
    when there are too few outcomes or events, separation, or a singular design.
    """
    frame = model_frame.filter(pl.col("decided") > 0)
    n, s = int(frame["decided"].sum() or 0), int(frame["callbacks"].sum() or 0)
    counts = {"n_decided": n, "n_callbacks": s}
    if n < MIN_DECIDED_FOR_MODEL:
        return _not_fitted(
            f"only {n} decided outcomes; the model needs at least {MIN_DECIDED_FOR_MODEL}", **counts
        )
    if s in (0, n):
        return _not_fitted(
            "every decided outcome is the same, so nothing can be compared", **counts
        )
    frame = frame.with_columns(pl.col(list(MISTAKES)).cast(pl.Boolean))
    constant = [m for m in MISTAKES if frame[m].n_unique() < 2]
    mistakes = [m for m in MISTAKES if m not in constant]
    if not mistakes:
        return _not_fitted("no mistake varies among the decided notes", **counts)
    separated = _separated(frame, mistakes)
    if separated:
        return _not_fitted(
            "perfect separation: among notes with or without "
            + ", ".join(separated)
            + " every decided outcome is the same",
            **counts,
        )
    frame = frame.with_columns([_pool_levels(frame, c) for c in CONTROLS])
    keys = [*mistakes, *CONTROLS]
    patterns = (
        frame.group_by(keys).agg(pl.col("decided", "callbacks").sum()).with_row_index("pattern")
    )
    x, names = _design(patterns, mistakes)
    n_terms = x.shape[1] - 1
    counts |= {"n_terms": n_terms}
    events = min(s, n - s)
    if events < MIN_EVENTS_PER_TERM * n_terms:
        return _not_fitted(
            f"too few events: {events} of the rarer outcome for {n_terms} terms "
            f"(needs at least {MIN_EVENTS_PER_TERM} per term)",
            **counts,
        )
    # The rank of X'X equals that of X and costs k x k, not n x k.
    if np.linalg.matrix_rank(x.T @ x) < x.shape[1]:
        return _not_fitted(
            "the design matrix is singular: some terms are collinear "
            "(e.g. a mistake that occurs only with one channel)",
            **counts,
        )
    return _fit(frame, patterns, x, names, mistakes, constant, counts)


def _fit(
    frame: pl.DataFrame,
    patterns: pl.DataFrame,
    x: np.ndarray,
    names: list[str],
    mistakes: list[str],
    constant: list[str],
    counts: dict[str, int],
) -> ModelResult:
    from statsmodels.genmod.families import Binomial
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools.sm_exceptions import PerfectSeparationError, PerfectSeparationWarning

    decided = patterns["decided"].to_numpy().astype(float)
    callbacks = patterns["callbacks"].to_numpy().astype(float)
    endog = np.column_stack([callbacks, decided - callbacks])
    with warnings.catch_warnings():
        warnings.simplefilter("error", PerfectSeparationWarning)
        try:
            result = GLM(endog, x, family=Binomial()).fit()
        except (PerfectSeparationError, PerfectSeparationWarning):
            return _not_fitted("perfect separation: the likelihood has no finite maximum", **counts)
        except np.linalg.LinAlgError:
            return _not_fitted("the design matrix is singular", **counts)
    params = np.asarray(result.params)
    if not result.converged or np.abs(params).max() > _SEPARATION_COEF:
        return _not_fitted(
            "the fit did not converge to finite estimates (quasi-separation)", **counts
        )
    # Per (candidate, pattern) rows: score = x_pattern * (callbacks - decided * p_pattern).
    keys = [*mistakes, *CONTROLS]
    rows = frame.join(patterns.select(*keys, "pattern"), on=keys)
    idx = rows["pattern"].to_numpy()
    p = np.asarray(result.fittedvalues)
    resid = rows["callbacks"].to_numpy() - rows["decided"].to_numpy() * p[idx]
    clusters = rows["candidate_id"].rank("dense").cast(pl.Int64).to_numpy() - 1
    bread = np.asarray(result.cov_params())
    cov, g = _cluster_cov(bread, x, (idx, clusters, resid), counts["n_decided"])
    se = np.sqrt(np.diag(cov))
    table = _odds_ratio_table(names, params, se, mistakes)
    return ModelResult(
        "fitted",
        "",
        table,
        n_decided=counts["n_decided"],
        n_callbacks=counts["n_callbacks"],
        n_terms=counts["n_terms"],
        n_clusters=g,
        dropped_terms=tuple(constant),
    )


def _odds_ratio_table(
    names: list[str], params: np.ndarray, se: np.ndarray, mistakes: list[str]
) -> pl.DataFrame:
    """Odds ratios with Wald 95% intervals; BH adjustment over the family of the five mistakes."""
    from scipy.special import ndtr

    z = params / se
    p = 2 * ndtr(-np.abs(z))
    is_mistake = np.array([n in mistakes for n in names])
    adjusted = np.full(p.shape, np.nan)
    adjusted[is_mistake] = bh_adjust(p[is_mistake])
    table = pl.DataFrame(
        {
            "term": names,
            "log_odds": params,
            "std_error": se,
            "odds_ratio": np.exp(params),
            "ci_low": np.exp(params - Z95 * se),
            "ci_high": np.exp(params + Z95 * se),
            "p_value": p,
            "p_adjusted": adjusted,
        }
    )
    order = {n: i for i, n in enumerate(mistakes)}
    return (
        table.select(ODDS_RATIO_COLUMNS)
        .filter(pl.col("term") != "intercept")
        .with_columns(
            pl.col("term")
            .replace_strict(order, default=len(order), return_dtype=pl.Int64)
            .alias("_o"),
            pl.col("p_adjusted").fill_nan(None),
        )
        .sort("_o", maintain_order=True)
        .drop("_o")
    )
