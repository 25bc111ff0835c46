"""Probabilistic customer lifetime value: BG/NBD for purchases, Gamma-Gamma for order values.

The models of Fader, Hardie and Lee ("Counting your customers the easy way", 2005; "RFM and CLV",
2005), with their log-likelihoods written here on ``scipy.special`` and fitted by maximum
likelihood on log-parameters, vectorised over customers.

Conventions (those of the papers and of the ``lifetimes`` package):

- time is in **days**; purchases on the same day are one purchase (their amounts summed);
- ``frequency``: repeat purchases (purchase days after the first); ``recency``: days from the
  first to the last purchase; ``T``: days from the first purchase to the end of observation;
- ``monetary``: the mean value of the repeat purchases (the first one is left out; NaN without
  a repeat purchase: null in the table) — what the Gamma-Gamma model describes.

Seed 000's and seed 003's simple CLV formulas stay where they are, under their own names
(``kpi_measures.clv`` and ``mart_ecommerce_customer_lifetime_value.clv_eur``); this module is
the probabilistic model beside them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

from c360.ml.threads import one_thread

Floats = NDArray[np.float64]
DAYS_PER_MONTH = 365.25 / 12
LOG_BOUND = 15.0  # parameters are searched between exp(-15) and exp(15)


@dataclass(frozen=True)
class BgNbdParams:
    """BG/NBD: purchase rates ~ Gamma(shape r, rate alpha), dropout ~ Beta(a, b); alpha in days."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = float("nan")
    converged: bool = True


@dataclass(frozen=True)
class GammaGammaParams:
    """Gamma-Gamma: order values ~ Gamma(shape p, rate nu) per customer, nu ~ Gamma(q, rate v)."""

    p: float
    q: float
    v: float
    log_likelihood: float = float("nan")
    converged: bool = True


def rfm_summary(
    customer: ArrayLike | pa.Array | pa.ChunkedArray,
    date: ArrayLike | pa.Array | pa.ChunkedArray,
    amount: ArrayLike | pa.Array | pa.ChunkedArray,
    as_of: dt.date | dt.datetime | None = None,
) -> pa.Table:
    """One row per customer (sorted): customer, frequency, recency, T, monetary (days).

    Purchases after ``as_of`` (default: the last purchase day) are left out.

    >>> t = rfm_summary(["a", "b", "a", "a"], ["2024-01-01", "2024-01-05", "2024-01-01",
    ...                 "2024-01-11"], [10.0, 5.0, 2.0, 30.0], as_of=dt.date(2024, 1, 21))
    >>> t.to_pylist()  # doctest: +NORMALIZE_WHITESPACE
    [{'customer': 'a', 'frequency': 1, 'recency': 10.0, 'T': 20.0, 'monetary': 30.0},
     {'customer': 'b', 'frequency': 0, 'recency': 0.0, 'T': 16.0, 'monetary': None}]
    """
    customers = pa.chunked_array([_arrow(customer)]).combine_chunks()
    days = _days(date)
    values = np.asarray(_arrow(amount).to_numpy(zero_copy_only=False), dtype=np.float64)
    if not len(customers) == len(days) == len(values):
        raise ValueError("customer, date and amount must have the same length")
    if customers.null_count or np.isnan(values).any() or (days == MISSING).any():
        raise ValueError("customer, date and amount must have no missing values")
    end = int(days.max(initial=MISSING)) if as_of is None else _day_number(as_of)
    kept = days <= end
    codes, names = _codes(customers.filter(pa.array(kept)))
    days, values = days[kept], values[kept]
    # One purchase per customer and day, in time order within each customer.
    order = np.lexsort((days, codes))
    codes, days, values = codes[order], days[order], values[order]
    new_day = np.ones(len(codes), dtype=bool)
    new_day[1:] = (codes[1:] != codes[:-1]) | (days[1:] != days[:-1])
    starts = np.flatnonzero(new_day)
    codes, days = codes[starts], days[starts]
    day_values = np.add.reduceat(values, starts) if len(starts) else values[:0]
    first = np.ones(len(codes), dtype=bool)
    first[1:] = codes[1:] != codes[:-1]
    n = len(names)
    purchases = np.bincount(codes, minlength=n)
    first_day = np.zeros(n, dtype=np.int64)
    first_day[codes[first]] = days[first]
    last = np.ones(len(codes), dtype=bool)
    last[:-1] = first[1:]
    last_day = np.zeros(n, dtype=np.int64)
    last_day[codes[last]] = days[last]
    repeat_total = np.bincount(codes[~first], weights=day_values[~first], minlength=n)
    frequency = purchases - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, repeat_total / frequency, np.nan)
    return pa.table(
        {
            "customer": names,
            "frequency": pa.array(frequency, pa.int64()),
            "recency": pa.array((last_day - first_day).astype(np.float64)),
            "T": pa.array((end - first_day).astype(np.float64)),
            "monetary": pa.array(monetary, from_pandas=True),  # null without a repeat
        }
    )


def _arrow(values: ArrayLike | pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks()
    return values if isinstance(values, pa.Array) else pa.array(np.asarray(values))


MISSING = np.iinfo(np.int64).min  # no day: below any date's day number


def _days(date: ArrayLike | pa.Array | pa.ChunkedArray) -> NDArray[np.int64]:
    """Days since 1970-01-01 of dates, timestamps or ISO text (negative before it); ``MISSING``
    where there is none."""
    values = _arrow(date)
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        values = pc.cast(pc.utf8_slice_codeunits(values, 0, 10), pa.date32())
    elif not pa.types.is_date32(values.type):
        values = pc.cast(values, pa.date32())  # a timestamp counts on its day
    days = pc.cast(values, pa.int32()).to_numpy(zero_copy_only=False)
    return np.where(np.isnan(days.astype(np.float64)), MISSING, days).astype(np.int64)


def _day_number(day: dt.date | dt.datetime) -> int:
    day = day.date() if isinstance(day, dt.datetime) else day
    return (day - dt.date(1970, 1, 1)).days


def _codes(customers: pa.Array) -> tuple[NDArray[np.int64], pa.Array]:
    """Each row's customer as a number, numbered in the customers' sorted order."""
    names = pc.unique(customers)
    names = names.take(pc.sort_indices(names))
    return pc.index_in(customers, value_set=names).to_numpy().astype(np.int64), names


def _fit(nll: Callable[[Floats], float], start: Floats) -> tuple[Floats, float, bool]:
    """Minimise a mean negative log-likelihood over log-parameters: quasi-Newton, then simplex
    from where it stopped when the line search gives up (flat likelihood ridges).

    Converged means the optimiser stopped at a minimum inside the bounds: a parameter pushed to
    ``exp(±LOG_BOUND)`` is one the data cannot pin down (e.g. no customer ever drops out).
    """
    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(start)

    def finite(log_params: Floats) -> float:
        value = nll(log_params)
        return value if np.isfinite(value) else 1e10  # far from any real likelihood

    result = minimize(finite, start, method="L-BFGS-B", bounds=bounds, options={"ftol": 1e-12})
    if not result.success:
        options = {"xatol": 1e-7, "fatol": 1e-10, "maxiter": 20_000}
        result = minimize(finite, result.x, method="Nelder-Mead", bounds=bounds, options=options)
    inside = bool(np.all(np.abs(result.x) < LOG_BOUND - 1e-3))
    return np.exp(result.x), float(result.fun), bool(result.success) and inside


def bgnbd_log_likelihood(
    params: tuple[float, float, float, float], frequency: Floats, recency: Floats, T: Floats
) -> Floats:
    """Each customer's BG/NBD log-likelihood of (frequency, recency, T)."""
    r, alpha, a, b = params
    x, tx = frequency, recency
    shared = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    alive = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        dead = np.where(
            x > 0,
            betaln(a + 1, np.maximum(b + x - 1, 1e-300)) - betaln(a, b)
            - (r + x) * np.log(alpha + tx),
            -np.inf,
        )  # fmt: skip
    return shared + np.logaddexp(alive, dead)


def fit_bgnbd(frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters of customers' (frequency, recency, T)."""
    x, tx, t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
    start = np.log([1.0, max(float(t.mean()) / max(float(x.mean()), 0.1), 1e-3), 1.0, 1.0])

    def nll(log_params: Floats) -> float:
        r, alpha, a, b = np.exp(log_params)
        return -float(bgnbd_log_likelihood((r, alpha, a, b), x, tx, t).mean())

    (r, alpha, a, b), mean_nll, converged = _fit(nll, start)
    return BgNbdParams(float(r), float(alpha), float(a), float(b), -mean_nll * len(x), converged)


def gamma_gamma_log_likelihood(
    params: tuple[float, float, float], frequency: Floats, monetary: Floats
) -> Floats:
    """Each repeat customer's Gamma-Gamma log-likelihood of the mean of its repeat order values."""
    p, q, v = params
    x, m = frequency, monetary
    return (
        gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
        + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(x * m + v)
    )  # fmt: skip


def fit_gamma_gamma(frequency: ArrayLike, monetary: ArrayLike) -> GammaGammaParams:
    """Maximum-likelihood Gamma-Gamma parameters, on the customers with a repeat purchase of
    positive mean value (the others say nothing about spend)."""
    x, m = (np.asarray(v, dtype=np.float64) for v in (frequency, monetary))
    used = (x > 0) & (m > 0)
    x, m = x[used], m[used]
    if not len(x):
        raise ValueError("no customer with a repeat purchase of positive value")
    start = np.log([1.0, 2.0, float(m.mean())])

    def nll(log_params: Floats) -> float:
        p, q, v = np.exp(log_params)
        return -float(gamma_gamma_log_likelihood((p, q, v), x, m).mean())

    (p, q, v), mean_nll, converged = _fit(nll, start)
    return GammaGammaParams(float(p), float(q), float(v), -mean_nll * len(x), converged)


def p_alive(params: BgNbdParams, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> Floats:
    """Probability that each customer has not dropped out by ``T``; 1 without a repeat purchase.

    >>> float(p_alive(BgNbdParams(0.25, 4.0, 0.8, 2.5), [0], [0.0], [30.0])[0])
    1.0
    """
    x, tx, t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(divide="ignore", invalid="ignore"):
        odds_dead = np.where(
            x > 0, a / (b + x - 1) * np.exp((r + x) * np.log((alpha + t) / (alpha + tx))), 0.0
        )
    return 1.0 / (1.0 + odds_dead)


def expected_purchases(
    params: BgNbdParams, t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Floats:
    """Expected purchases of each customer in the ``t`` days after ``T`` (needs ``a != 1``)."""
    x, tx, big_t = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
    ahead = np.asarray(t, dtype=np.float64)
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    z = ahead / (alpha + big_t + ahead)
    shrink = np.exp((r + x) * np.log((alpha + big_t) / (alpha + big_t + ahead)))
    with np.errstate(invalid="ignore", over="ignore"):
        shrunk = shrink * hyp2f1(r + x, b + x, a + b + x - 1, z)
    if not np.all(np.isfinite(shrunk)):
        shrunk = _shrunk_series(shrunk, r + x, b + x, a + b + x - 1, z)
    bracket = 1.0 - shrunk
    return (a + b + x - 1) / (a - 1) * bracket * p_alive(params, x, tx, big_t)


SERIES_TERMS = 100_000  # beyond it, a sum is left NaN


def _shrunk_series(
    shrunk: ArrayLike, first: ArrayLike, second: ArrayLike, third: ArrayLike, z: ArrayLike
) -> Floats:
    """``(1 - z)^first * hyp2f1(first, second; third; z)`` by the hypergeometric series, where
    ``shrunk`` (scipy's) is not a number: at ``first`` in the tens of thousands (customers who
    all buy at about the same rate, r and alpha large) scipy's hyp2f1 overflows.

    Here ``0 <= z < 1``, ``first``, ``second`` > 0 and ``third`` > -1 (the terms after the
    first are negative when it is below 0): the terms, each scaled by ``(1 - z)^first``, are
    added in logarithms until, past their peak, they fall below 1e-17 of the sum. A row with an
    input that is not a finite number is left NaN; a row is set aside once its sum is done.
    """
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in
                                   (shrunk, first, second, third, z)))  # fmt: skip
    out, f, s, t, w = (v.ravel().copy() for v in arrays)
    wrong = ~np.isfinite(out)
    out[wrong] = np.nan  # unless its sum is done within SERIES_TERMS
    todo = np.flatnonzero(wrong & np.isfinite(f) & np.isfinite(s) & np.isfinite(t) & np.isfinite(w))
    f, s, t, w = f[todo], s[todo], t[todo], w[todo]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_w = np.log(w)
        log_term = f * np.log1p(-w)  # the n = 0 term, its sign +
        sign = np.ones(len(todo))
        top, total = log_term.copy(), np.ones(len(todo))  # the sum is total * exp(top)
        done = w == 0
        for n in range(SERIES_TERMS):
            if done.any():  # set the rows done aside: the arrays hold the others alone
                out[todo[done]] = total[done] * np.exp(top[done])
                left = ~done
                todo, f, s, t, w, log_w = (v[left] for v in (todo, f, s, t, w, log_w))
                log_term, sign, top, total = (v[left] for v in (log_term, sign, top, total))
            if not len(todo):
                break
            ratio = (f + n) * (s + n) / ((t + n) * (n + 1))
            sign = sign * np.sign(ratio)
            log_term = log_term + np.log(np.abs(ratio)) + log_w
            higher = log_term > top
            scaled = np.exp(-np.abs(log_term - top))  # the smaller over the larger: no overflow
            total = np.where(higher, total * scaled + sign, total + sign * scaled)
            top = np.where(higher, log_term, top)
            falling = np.abs(ratio) * w < 1
            done = falling & (log_term < top + np.log(np.abs(total)) - 40)
        else:
            out[todo[done]] = total[done] * np.exp(top[done])
    return out.reshape(arrays[0].shape)


def expected_order_value(
    params: GammaGammaParams, frequency: ArrayLike, monetary: ArrayLike
) -> Floats:
    """Expected value of each customer's future orders: its repeat orders' mean shrunk towards
    the population's ``p v / (q - 1)`` (which it is without a repeat purchase); needs ``q > 1``.
    """
    x = np.asarray(frequency, dtype=np.float64)
    m = np.nan_to_num(np.asarray(monetary, dtype=np.float64), nan=0.0)
    m = np.where(x > 0, m, 0.0)
    p, q, v = params.p, params.q, params.v
    return p * (v + x * m) / (p * x + q - 1)


@one_thread
def clv(
    bgnbd: BgNbdParams,
    gamma_gamma: GammaGammaParams,
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    monetary: ArrayLike,
    horizon_months: int = 12,
    discount_rate: float = 0.10,
) -> Floats:
    """Discounted expected revenue of each customer over the next ``horizon_months``.

    The standard sum (as in ``lifetimes``): for each month m = 1..H, the purchases expected in
    that month (of 365.25/12 days) times the expected order value, divided by ``(1 + d)^m``,
    where d is the monthly rate equivalent to the **annual** ``discount_rate``.
    """
    monthly = (1.0 + discount_rate) ** (1 / 12) - 1.0
    value = expected_order_value(gamma_gamma, frequency, monetary)
    months = np.arange(horizon_months + 1, dtype=np.float64)
    cumulative = np.stack(
        [expected_purchases(bgnbd, m * DAYS_PER_MONTH, frequency, recency, T) for m in months]
    )  # one row per month boundary: a loop over months, never over customers
    in_month = np.diff(cumulative, axis=0)
    discount = (1.0 + monthly) ** -months[1:]
    return value * (discount @ in_month)


def simulate(
    params: BgNbdParams,
    n: int,
    T: ArrayLike,
    rng: np.random.Generator,
    spend: GammaGammaParams | None = None,
) -> dict[str, Floats]:
    """``n`` customers drawn from the models, first purchase at 0, observed for ``T`` days each:
    frequency, recency, T and (with ``spend``) monetary, NaN without a repeat purchase."""
    big_t = np.broadcast_to(np.asarray(T, dtype=np.float64), (n,)).copy()
    rate = rng.gamma(params.r, 1.0 / params.alpha, n)
    dropout = rng.beta(params.a, params.b, n)
    # Repeat purchases come as a Poisson process; after each one the customer leaves with
    # probability `dropout`, so the ones made while alive number Geometric(dropout).
    in_window = rng.poisson(rate * big_t)
    while_alive = rng.geometric(dropout)
    frequency = np.minimum(in_window, while_alive)
    # The x-th of N uniform arrival times in [0, T] is T times a Beta(x, N - x + 1).
    bought = frequency > 0
    recency = np.zeros(n)
    recency[bought] = big_t[bought] * rng.beta(
        frequency[bought], in_window[bought] - frequency[bought] + 1
    )
    monetary = np.full(n, np.nan)
    if spend is not None:
        scale = rng.gamma(spend.q, 1.0 / spend.v, n)  # each customer's nu
        total = rng.gamma(spend.p * np.maximum(frequency, 1), 1.0 / scale)
        monetary[bought] = total[bought] / frequency[bought]
    return {
        "frequency": frequency.astype(np.float64),
        "recency": recency,
        "T": big_t,
        "monetary": monetary,
    }
