"""Both CLV models fitted on one RFM summary, and every customer's predictions from them.

:func:`fit_clv` serves any transactions (the standalone ``c360 clv fit``); :func:`orders_clv`
the gold orders of a workspace: completed orders per ``customer360_id``.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.ml.clv import (
    DAYS_PER_MONTH,
    BgNbdParams,
    GammaGammaParams,
    clv,
    expected_order_value,
    expected_purchases,
    fit_bgnbd,
    fit_gamma_gamma,
    p_alive,
    rfm_summary,
)

# Seven parameters between the two models: below this many customers with a repeat purchase the
# estimates are mostly noise (and the Gamma-Gamma model sees nobody else).
MIN_REPEAT_CUSTOMERS = 20
# Below this expected chance of dropping out after a repeat purchase, a/(a+b), the BG/NBD fit
# found almost no dropout: even after 100 repeat purchases a customer would have left with
# under 10% chance, so P(alive) is about 1 for everyone whatever their silence. Fits of real
# purchase histories with dropout find tenths (0.25 on the CDNOW sample).
NEGLIGIBLE_DROPOUT = 1e-3


class TooFewCustomersError(ValueError):
    """Too few customers with a repeat purchase to fit the models; the message says how many."""


@dataclass(frozen=True)
class ClvFit:
    """Fitted parameters and one row of predictions per customer (sorted by customer)."""

    bgnbd: BgNbdParams
    gamma_gamma: GammaGammaParams
    predictions: pa.Table
    horizon_months: int
    discount_rate: float
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def dropout_per_purchase(self) -> float:
        """The BG/NBD's expected chance that a customer drops out after a repeat purchase: the
        mean of Beta(a, b), a/(a+b)."""
        return dropout_per_purchase(self.bgnbd)

    @property
    def negligible_dropout(self) -> bool:
        """Whether the fit found almost no dropout (:data:`NEGLIGIBLE_DROPOUT`): P(alive) then
        tells no churn."""
        return self.dropout_per_purchase < NEGLIGIBLE_DROPOUT

    @property
    def repeat_customers(self) -> int:
        """Customers with at least one repeat purchase: the ones the spend model learns from."""
        return int(pc.sum(pc.greater(self.predictions["frequency"], 0)).as_py() or 0)


def dropout_per_purchase(params: BgNbdParams) -> float:
    """a/(a+b): the expected chance of dropping out after a repeat purchase.

    >>> dropout_per_purchase(BgNbdParams(r=1.0, alpha=60.0, a=1.0, b=3.0))
    0.25
    """
    return params.a / (params.a + params.b)


def no_dropout_note(params: BgNbdParams) -> str:
    """What a fit of negligible dropout means for its P(alive)."""
    return (
        f"the BG/NBD fit found almost no dropout (a/(a+b) = {dropout_per_purchase(params):.2g} "
        f"per repeat purchase, below {NEGLIGIBLE_DROPOUT:g}): P(alive) is about 1 for every "
        "customer, however long their silence, so it tells no churn here"
    )


def fit_clv(rfm: pa.Table, horizon_months: int = 12, discount_rate: float = 0.10) -> ClvFit:
    """Fit BG/NBD and Gamma-Gamma on an :func:`~c360.ml.clv.rfm_summary` and predict, for each
    customer, P(alive), purchases and discounted CLV over ``horizon_months``, order value."""
    started = time.perf_counter()
    x, tx, big_t, m = (
        rfm[c].to_numpy(zero_copy_only=False).astype(np.float64)
        for c in ("frequency", "recency", "T", "monetary")
    )
    repeat = int(((x > 0) & (m > 0)).sum())
    if repeat < MIN_REPEAT_CUSTOMERS:
        raise TooFewCustomersError(
            f"too few customers to fit: {repeat:,} of {len(x):,} with a repeat purchase "
            f"(on another day, of positive value); at least {MIN_REPEAT_CUSTOMERS} needed"
        )
    bgnbd = fit_bgnbd(x, tx, big_t)
    spend = fit_gamma_gamma(x, m)
    notes = _warnings(bgnbd, spend, x, m)
    value = lifetime = np.full(len(x), np.nan)  # left empty when the mean spend is infinite
    if spend.q > 1:
        value = expected_order_value(spend, x, m)
        lifetime = clv(bgnbd, spend, x, tx, big_t, m, horizon_months, discount_rate)
    ahead = horizon_months * DAYS_PER_MONTH
    columns = {
        "p_alive": p_alive(bgnbd, x, tx, big_t),
        "expected_purchases": expected_purchases(bgnbd, ahead, x, tx, big_t),
        "expected_order_value": value,
        "clv": lifetime,
    }
    predictions = rfm
    for name, values in columns.items():
        predictions = predictions.append_column(name, pa.array(values, from_pandas=True))
    seconds = time.perf_counter() - started
    return ClvFit(bgnbd, spend, predictions, horizon_months, discount_rate, seconds, notes)


def _warnings(
    bgnbd: BgNbdParams, spend: GammaGammaParams, x: np.ndarray, m: np.ndarray
) -> list[str]:
    notes = [
        f"the {name} fit did not converge (or a parameter ran to its bound): the data do not "
        "pin its parameters down; treat its predictions with care"
        for name, params in (("BG/NBD", bgnbd), ("Gamma-Gamma", spend))
        if not params.converged
    ]
    if dropout_per_purchase(bgnbd) < NEGLIGIBLE_DROPOUT:
        notes.append(no_dropout_note(bgnbd))
    if spend.q <= 1:
        notes.append(
            f"Gamma-Gamma q = {spend.q:.3g} ≤ 1: the model's mean order value is infinite, so "
            "order values and CLV are left empty"
        )
    repeat = (x > 0) & (m > 0)
    if repeat.sum() > 2 and np.ptp(x[repeat]) > 0 and np.ptp(m[repeat]) > 0:
        correlation = float(np.corrcoef(x[repeat], m[repeat])[0, 1])
        if abs(correlation) > 0.3:  # the Gamma-Gamma model assumes spend ignores frequency
            notes.append(
                f"frequency and order value correlate ({correlation:+.2f}): the Gamma-Gamma "
                "model assumes they are independent"
            )
    return notes


def orders_clv(
    orders: pa.Table,
    as_of: dt.date | None = None,
    horizon_months: int = 12,
    discount_rate: float = 0.10,
) -> ClvFit:
    """:func:`fit_clv` on a gold ``fct_orders``: its completed orders per ``customer360_id``,
    ``total_amount_eur`` as the value; ``as_of`` defaults to the last order day."""
    completed = orders.filter(pc.equal(orders["status"], "completed"))
    completed = completed.filter(pc.is_valid(completed["customer360_id"]))
    rfm = rfm_summary(
        completed["customer360_id"], completed["order_at"], completed["total_amount_eur"], as_of
    )
    rfm = rfm.rename_columns(["customer360_id", *rfm.column_names[1:]])
    return fit_clv(rfm, horizon_months, discount_rate)
