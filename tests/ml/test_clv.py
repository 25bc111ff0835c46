"""BG/NBD + Gamma-Gamma: parameters recovered from simulated customers, predictions calibrated
against simulated futures, RFM summaries worked by hand."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import numpy as np
import pyarrow as pa
import pytest
from scipy import integrate, stats
from threadpoolctl import threadpool_limits

from c360.ml.clv import (
    BgNbdParams,
    GammaGammaParams,
    bgnbd_log_likelihood,
    clv,
    expected_order_value,
    expected_purchases,
    fit_bgnbd,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
    p_alive,
    rfm_summary,
    simulate,
)
from c360.ml.clv_fit import MIN_REPEAT_CUSTOMERS, TooFewCustomersError, fit_clv, orders_clv

# CDNOW-like parameters (Fader, Hardie & Lee 2005), alpha in days: one purchase every ~4 months
# for the typical customer, a 24% chance of leaving after each repeat purchase.
TRUE_BGNBD = BgNbdParams(r=0.25, alpha=28.0, a=0.8, b=2.5)
TRUE_SPEND = GammaGammaParams(p=6.0, q=4.0, v=15.0)
# Relative tolerances, about four standard deviations of each estimate at 20,000 customers
# observed 180-720 days (measured over 20 seeds: sd r 1.7%, alpha 2.3%, a 5.7%, b 7.5%,
# p 4.1%, q 2.0%, v 5.4%). a, b, p and v are the weakly identified ones.
TOLERANCE = {"r": 0.10, "alpha": 0.10, "a": 0.30, "b": 0.30, "p": 0.25, "q": 0.10, "v": 0.25}


@pytest.fixture(scope="module")
def customers() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(2026)
    n = 20_000
    return simulate(TRUE_BGNBD, n, rng.uniform(180, 720, n), rng, spend=TRUE_SPEND)


def test_bgnbd_recovers_its_parameters(customers: dict[str, np.ndarray]) -> None:
    fitted = fit_bgnbd(customers["frequency"], customers["recency"], customers["T"])
    assert fitted.converged
    for name in ("r", "alpha", "a", "b"):
        true = getattr(TRUE_BGNBD, name)
        assert getattr(fitted, name) == pytest.approx(true, rel=TOLERANCE[name]), name
    # And the truth is inside the 99.9% likelihood-ratio region of the estimate.
    truth = bgnbd_log_likelihood(
        (TRUE_BGNBD.r, TRUE_BGNBD.alpha, TRUE_BGNBD.a, TRUE_BGNBD.b),
        customers["frequency"],
        customers["recency"],
        customers["T"],
    ).sum()
    assert 0 <= 2 * (fitted.log_likelihood - truth) < stats.chi2.ppf(0.999, df=4)


def test_gamma_gamma_recovers_its_parameters(customers: dict[str, np.ndarray]) -> None:
    fitted = fit_gamma_gamma(customers["frequency"], customers["monetary"])
    assert fitted.converged
    for name in ("p", "q", "v"):
        true = getattr(TRUE_SPEND, name)
        assert getattr(fitted, name) == pytest.approx(true, rel=TOLERANCE[name]), name
    repeat = customers["frequency"] > 0
    truth = gamma_gamma_log_likelihood(
        (TRUE_SPEND.p, TRUE_SPEND.q, TRUE_SPEND.v),
        customers["frequency"][repeat],
        customers["monetary"][repeat],
    ).sum()
    assert 0 <= 2 * (fitted.log_likelihood - truth) < stats.chi2.ppf(0.999, df=3)


@pytest.mark.parametrize(("x", "tx", "big_t"), [(0, 0.0, 50.0), (1, 20.0, 50.0), (4, 35.0, 90.0)])
def test_bgnbd_likelihood_is_the_integral_over_rates_and_dropouts(
    x: int, tx: float, big_t: float
) -> None:
    """The closed form equals the individual likelihood integrated over Gamma x Beta."""
    r, alpha, a, b = 1.5, 20.0, 1.5, 3.0

    rates = math.exp(r * math.log(alpha) - math.lgamma(r))  # the Gamma density's constant
    dropouts = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b))  # the Beta's

    def individual(p: float, lam: float) -> float:
        alive = (1 - p) ** x * lam**x * math.exp(-lam * big_t)
        dead = p * (1 - p) ** (x - 1) * lam**x * math.exp(-lam * tx) if x > 0 else 0.0
        density = rates * lam ** (r - 1) * math.exp(-alpha * lam)
        return (alive + dead) * density * dropouts * p ** (a - 1) * (1 - p) ** (b - 1)

    numeric, _ = integrate.dblquad(individual, 0, 2, 0, 1, epsabs=0, epsrel=1e-9)
    closed = bgnbd_log_likelihood((r, alpha, a, b), np.array([x]), np.array([tx]), big_t)
    assert np.exp(closed[0]) == pytest.approx(numeric, rel=1e-5)


def _futures(
    params: BgNbdParams, n: int, big_t: float, ahead: float, rng: np.random.Generator
) -> tuple[np.ndarray, ...]:
    """Whole purchase histories: (frequency, recency) at ``big_t``, alive at ``big_t``, and the
    purchases made in the ``ahead`` days after it."""
    rate = rng.gamma(params.r, 1 / params.alpha, n)
    lives = rng.geometric(rng.beta(params.a, params.b, n))  # repeat purchases before leaving
    events = rng.poisson(rate * (big_t + ahead))
    who = np.repeat(np.arange(n), events)
    when = rng.uniform(0, big_t + ahead, len(who))
    order = np.lexsort((when, who))
    who, when = who[order], when[order]
    rank = np.arange(len(who)) - np.repeat(np.cumsum(events) - events, events)
    made = rank < lives[who]
    before = made & (when <= big_t)
    frequency = np.bincount(who[before], minlength=n)
    recency = np.zeros(n)
    np.maximum.at(recency, who[before], when[before])
    future = np.bincount(who[made & (when > big_t)], minlength=n)
    return frequency, recency, lives > frequency, future


def test_predictions_match_simulated_futures() -> None:
    """Conditional on each customer's past, P(alive) and expected purchases are calibrated."""
    rng = np.random.default_rng(7)
    big_t, ahead = 365.0, 180.0
    x, tx, alive, future = _futures(TRUE_BGNBD, 100_000, big_t, ahead, rng)
    alive_p = p_alive(TRUE_BGNBD, x, tx, big_t)
    predicted = expected_purchases(TRUE_BGNBD, ahead, x, tx, big_t)
    assert alive_p.mean() == pytest.approx(alive.mean(), abs=0.01)
    assert predicted.sum() == pytest.approx(future.sum(), rel=0.03)
    for group in (x == 0, x == 1, x == 2, (x >= 3) & (x < 6), x >= 6):
        assert predicted[group].sum() == pytest.approx(future[group].sum(), rel=0.08)
        assert alive_p[group].mean() == pytest.approx(alive[group].mean(), abs=0.03)


def test_expected_purchases_of_a_new_customer_is_the_population_mean() -> None:
    rng = np.random.default_rng(3)
    sample = simulate(TRUE_BGNBD, 200_000, 365.0, rng)
    new = expected_purchases(TRUE_BGNBD, 365.0, 0, 0.0, 0.0)
    assert new == pytest.approx(sample["frequency"].mean(), rel=0.02)


def test_expected_purchases_of_nearly_equal_purchase_rates_are_numbers() -> None:
    """r and alpha in the tens of thousands (every customer buying at about the same rate, as a
    fit on such customers finds) overflow scipy's hyp2f1: the series still gives the answer,
    that of a ten times smaller r and alpha within a part in a thousand, the simulated mean."""
    x, tx, big_t = np.array([0, 1, 3, 8]), np.array([0.0, 100.0, 200.0, 290.0]), 300.0
    near = expected_purchases(BgNbdParams(1e4, 1e6, 0.5, 1000.0), 365.0, x, tx, big_t)
    equal = expected_purchases(BgNbdParams(1e5, 1e7, 0.5, 1000.0), 365.0, x, tx, big_t)
    assert np.all(np.isfinite(equal))
    assert equal == pytest.approx(near, rel=1e-3)
    params = BgNbdParams(3e4, 3e6, 0.5, 1000.0)
    sample = simulate(params, 200_000, 365.0, np.random.default_rng(5))
    new = expected_purchases(params, 365.0, 0, 0.0, 0.0)
    assert new == pytest.approx(sample["frequency"].mean(), rel=0.01)


def test_the_series_of_customers_ending_at_different_terms_warns_of_nothing() -> None:
    """A one-day horizon ends its series within tens of terms, a year's runs for thousands: each
    customer gets the answer it gets alone, and no overflow is reported."""
    params = BgNbdParams(5e4, 1e5, 0.8, 2.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        both = expected_purchases(params, [1.0, 365.0], [0, 50], [0.0, 290.0], 300.0)
        alone = [expected_purchases(params, 1.0, 0, 0.0, 300.0),
                 expected_purchases(params, 365.0, 50, 290.0, 300.0)]  # fmt: skip
    assert np.all(np.isfinite(both))
    assert both.tolist() == [float(a) for a in alone]


def test_a_customer_of_unknown_history_gets_no_series() -> None:
    """A NaN input leaves its customer NaN (the series is not run for it) and the others as
    they are alone."""
    params = BgNbdParams(0.3, 5.0, 0.8, 2.5)
    got = expected_purchases(params, 365.0, [1.0, np.nan, 2.0], [10.0, 5.0, np.nan], [100, 50, 60])
    assert math.isnan(got[1]) and math.isnan(got[2])
    assert got[0] == float(expected_purchases(params, 365.0, 1.0, 10.0, 100.0))


def test_p_alive_is_one_without_a_repeat_purchase() -> None:
    assert p_alive(TRUE_BGNBD, [0, 0, 0], [0.0, 0.0, 0.0], [0.0, 30.0, 900.0]).tolist() == [1, 1, 1]


def test_predictions_move_the_right_way() -> None:
    params = TRUE_BGNBD
    recency = np.array([10.0, 100.0, 200.0, 300.0])
    # A more recent last purchase: more likely alive, more purchases to come.
    assert np.all(np.diff(p_alive(params, 3, recency, 300.0)) > 0)
    assert np.all(np.diff(expected_purchases(params, 90.0, 3, recency, 300.0)) > 0)
    # The same history seen for longer without a purchase: less likely alive.
    assert np.all(np.diff(p_alive(params, 3, 100.0, np.array([100.0, 200.0, 400.0]))) < 0)
    # A longer horizon: more purchases; more frequent recent buyers: more purchases.
    horizons = np.array([30.0, 90.0, 365.0])
    assert np.all(np.diff(expected_purchases(params, horizons, 3, 250.0, 300.0)) > 0)
    freq = np.array([1, 3, 6, 10])
    assert np.all(np.diff(expected_purchases(params, 90.0, freq, 290.0, 300.0)) > 0)
    # Order value: between the population mean and the customer's own, nearer its own with
    # more purchases.
    population = TRUE_SPEND.p * TRUE_SPEND.v / (TRUE_SPEND.q - 1)
    values = expected_order_value(TRUE_SPEND, [0, 1, 5, 50], [np.nan, 100.0, 100.0, 100.0])
    assert values[0] == pytest.approx(population)
    assert population < values[1] < values[2] < values[3] < 100.0
    # CLV: grows with the horizon, falls with the discount rate.
    args = (params, TRUE_SPEND, 3, 250.0, 300.0, 80.0)
    assert clv(*args, horizon_months=6) < clv(*args, horizon_months=12)
    assert clv(*args, discount_rate=0.3) < clv(*args, discount_rate=0.0)


def test_clv_undiscounted_is_purchases_times_order_value() -> None:
    args = (TRUE_BGNBD, 4, 200.0, 300.0)
    purchases = expected_purchases(TRUE_BGNBD, 12 * 365.25 / 12, *args[1:])
    value = expected_order_value(TRUE_SPEND, 4, 50.0)
    lifetime = clv(TRUE_BGNBD, TRUE_SPEND, 4, 200.0, 300.0, 50.0, discount_rate=0.0)
    assert lifetime == pytest.approx(purchases * value)


def test_clv_does_not_depend_on_how_many_threads_linear_algebra_may_use() -> None:
    """Split between two threads, the monthly sum of one customer in 119,561 rounded
    differently: every machine gives the same bits."""
    rng = np.random.default_rng(0)
    n = 119_561
    c = simulate(TRUE_BGNBD, n, rng.uniform(180, 720, n), rng, spend=TRUE_SPEND)
    values = []
    for threads in (1, 2):
        with threadpool_limits(threads, user_api="blas"):
            values.append(clv(TRUE_BGNBD, TRUE_SPEND, c["frequency"], c["recency"], c["T"],
                              np.nan_to_num(c["monetary"])))  # fmt: skip
    assert np.array_equal(values[0], values[1])


def test_rfm_summary_by_hand() -> None:
    """Same-day purchases count once (amounts summed); the first purchase is not in monetary;
    purchases after as_of are left out."""
    rows = [
        ("ann", "2024-01-01", 10.0),
        ("ann", "2024-01-01", 5.0),  # same day as the first: one purchase of 15
        ("ann", "2024-01-11", 20.0),
        ("ann", "2024-01-31", 30.0),
        ("ann", "2024-01-31", 10.0),  # one purchase of 40
        ("bob", "2024-01-21", 7.0),  # a single purchase
        ("cid", "2024-01-05", 3.0),
        ("cid", "2024-03-01", 99.0),  # after as_of: not seen
        ("dan", "2024-02-15", 1.0),  # first purchase after as_of: not a customer yet
    ]
    customer, date, amount = zip(*rows, strict=True)
    dates = [dt.date.fromisoformat(d) for d in date]
    table = rfm_summary(pa.array(customer), pa.array(dates), pa.array(amount), dt.date(2024, 2, 10))
    assert table.to_pylist() == [
        {"customer": "ann", "frequency": 2, "recency": 30.0, "T": 40.0, "monetary": 30.0},
        {"customer": "bob", "frequency": 0, "recency": 0.0, "T": 20.0, "monetary": None},
        {"customer": "cid", "frequency": 0, "recency": 0.0, "T": 36.0, "monetary": None},
    ]


def test_rfm_summary_reads_timestamps_by_day_and_ends_at_the_last_purchase() -> None:
    stamps = pa.array(
        [dt.datetime(2024, 1, 1, 23, 59), dt.datetime(2024, 1, 2, 0, 1), dt.datetime(2024, 1, 9)],
        pa.timestamp("ms"),
    )
    table = rfm_summary(["a", "a", "b"], stamps, [1.0, 2.0, 3.0])
    assert table.to_pylist() == [
        {"customer": "a", "frequency": 1, "recency": 1.0, "T": 8.0, "monetary": 2.0},
        {"customer": "b", "frequency": 0, "recency": 0.0, "T": 0.0, "monetary": None},
    ]


def test_rfm_summary_refuses_missing_values() -> None:
    with pytest.raises(ValueError, match="missing"):
        rfm_summary(["a", None], ["2024-01-01", "2024-01-02"], [1.0, 2.0])
    with pytest.raises(ValueError, match="missing"):
        rfm_summary(["a", "a"], ["2024-01-01", None], [1.0, 2.0])


def test_rfm_summary_reads_days_before_1970() -> None:
    # Day numbers are negative there: no sign of a missing date.
    t = rfm_summary(["a", "a"], ["1969-12-30", "1970-01-10"], [10.0, 20.0])
    assert t.to_pylist() == [
        {"customer": "a", "frequency": 1, "recency": 11.0, "T": 11.0, "monetary": 20.0}
    ]


def test_fit_clv_predicts_every_customer(customers: dict[str, np.ndarray]) -> None:
    n = 3_000
    rfm = pa.table(
        {"customer": [f"c{i:05d}" for i in range(n)]}
        | {k: customers[k][:n] for k in ("frequency", "recency", "T", "monetary")}
    )
    fit = fit_clv(rfm)
    t = fit.predictions
    assert t.column_names[-4:] == ["p_alive", "expected_purchases", "expected_order_value", "clv"]
    assert t.num_rows == n and fit.bgnbd.converged and fit.gamma_gamma.converged
    assert fit.repeat_customers == int((customers["frequency"][:n] > 0).sum())
    assert all(t[c].null_count == 0 for c in t.column_names[-4:])


def test_fit_clv_says_how_many_repeat_customers_it_needs() -> None:
    few = MIN_REPEAT_CUSTOMERS - 1
    rfm = pa.table(
        {
            "customer": [str(i) for i in range(50)],
            "frequency": [1] * few + [0] * (50 - few),
            "recency": [5.0] * 50,
            "T": [30.0] * 50,
            "monetary": [10.0] * few + [None] * (50 - few),
        }
    )
    with pytest.raises(TooFewCustomersError, match=f"{few} of 50 .* at least 20 needed"):
        fit_clv(rfm)


def test_orders_clv_fits_completed_orders_per_customer360_id() -> None:
    start = dt.datetime(2024, 1, 1, 9, 30)
    n = 25  # two completed orders each: day 0 and day 10 + i
    ids = [f"c360_{i:02d}" for i in range(n) for _ in range(2)]
    at = [start + dt.timedelta(days=d) for i in range(n) for d in (0, 10 + i)]
    orders = pa.table(
        {
            "customer360_id": [*ids, "c360_00", "c360_xx"],
            "order_at": pa.array([*at, start + dt.timedelta(days=500), start], pa.timestamp("ms")),
            "total_amount_eur": [float(20 + i) for i in range(2 * n)] + [999.0, 5.0],
            "status": ["completed"] * 2 * n + ["canceled", "pending"],  # neither one counts
        }
    )
    fit = orders_clv(orders)
    t = fit.predictions
    assert t.column_names[0] == "customer360_id" and t.num_rows == n
    assert t.slice(0, 1).select(["frequency", "recency", "T", "monetary"]).to_pylist() == [
        {"frequency": 1, "recency": 10.0, "T": 34.0, "monetary": 21.0}
    ]
