"""Product recommendations from co-purchases: basket rules, item affinities, top-N, hit-rate.

A basket is the set of distinct products of one completed order. Counting baskets gives, for
products a and b, ``count(a)``, ``count(a, b)`` and the number of baskets N; a rule a → b has
support count(a, b)/N, confidence count(a, b)/count(a) and lift confidence/(count(b)/N).

The recommender scores product j for a customer who bought the distinct products H as the mean
over i in H of the confidence of i → j shrunk towards j's popularity p_j = count(j)/N::

    score(j) = mean over i in H of (count(i, j) + m p_j) / (count(i) + m)

an estimate of P(j in the next basket). Lift alone would rank rare products first (a single
co-purchase of two rare products has a huge lift); the shrunk confidence keeps popularity in the
score and falls back to it exactly: with no history, or no co-purchase evidence, score = p_j.
Products the customer already bought in a completed order are never recommended — the profile's
top products already list them; recommendations are for what to offer next.

Pure functions on Arrow tables; counting is sparse algebra (orders x products), ranking runs on
dense blocks of customers, so nothing loops per customer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

COMPLETED = "completed"
SHRINKAGE = 10.0  # m: pseudo-baskets of prior evidence behind every confidence
_SCALE = 1_000_000  # scores are ranked and published to 6 decimals
_BLOCK_CELLS = 1 << 22  # customers x products scored at once
BASKET_LINES = pa.schema(
    [
        ("order_id", pa.string()),
        ("customer360_id", pa.string()),
        ("product_id", pa.string()),
        ("order_at", pa.timestamp("ms")),
    ]
)

RECOMMENDATIONS = pa.schema(
    [
        ("customer360_id", pa.string()),
        ("rank", pa.int64()),
        ("product_id", pa.string()),
        ("score", pa.float64()),
    ]
)


def basket_lines(order_lines: pa.Table, orders: pa.Table) -> pa.Table:
    """Distinct (order, product) of completed orders with a customer, with the order's time."""
    done = orders.filter(
        pc.and_(pc.equal(orders["status"], COMPLETED), pc.is_valid(orders["customer360_id"]))
    ).select(["order_id", "customer360_id", "order_at"])
    lines = order_lines.select(["order_id", "product_id"]).group_by(
        ["order_id", "product_id"], use_threads=False
    )
    lines = lines.aggregate([]).join(done, "order_id", join_type="inner")
    return lines.select(BASKET_LINES.names).cast(BASKET_LINES)


def _codes(values: pa.ChunkedArray | pa.Array, dictionary: pa.Array) -> np.ndarray:
    return pc.index_in(values, value_set=dictionary).to_numpy(zero_copy_only=False)


def _sorted_unique(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    unique = pc.unique(values)
    return unique.take(pc.sort_indices(unique))


@dataclass(frozen=True)
class Counts:
    """Basket counts: N, count(a) and count(a, b) (a sparse products x products matrix)."""

    products: pa.Array  # product_id of each code, sorted
    n_baskets: int
    item: np.ndarray  # count(a)
    pair: sparse.csr_matrix  # count(a, b), zero diagonal


def count_baskets(lines: pa.Table, products: pa.Array | None = None) -> Counts:
    """The co-occurrence counts of :func:`basket_lines` (``products``: the codes to use)."""
    products = _sorted_unique(lines["product_id"]) if products is None else products
    orders = pc.unique(lines["order_id"])
    rows, cols = _codes(lines["order_id"], orders), _codes(lines["product_id"], products)
    ones = np.ones(len(rows), np.float64)
    basket = sparse.csr_matrix((ones, (rows, cols)), shape=(len(orders), len(products)))
    pair = (basket.T @ basket).tocsr()
    item = pair.diagonal().astype(np.int64)
    pair.setdiag(0)
    pair.eliminate_zeros()
    return Counts(products, len(orders), item, pair)


def basket_rules(lines: pa.Table, min_support: float, min_confidence: float) -> pa.Table:
    """Rules a → b between single products with support >= ``min_support`` and confidence >=
    ``min_confidence``: antecedent, consequent, support, confidence, lift, count_orders."""
    counts = count_baskets(lines)
    pair = counts.pair.tocoo()
    a, b, together = pair.row, pair.col, pair.data
    n = max(counts.n_baskets, 1)
    support = together / n
    confidence = together / counts.item[a]
    lift = confidence / (counts.item[b] / n)
    keep = (support >= min_support) & (confidence >= min_confidence)
    return pa.table(
        {
            "antecedent_product_id": counts.products.take(pa.array(a[keep])),
            "consequent_product_id": counts.products.take(pa.array(b[keep])),
            "support": support[keep],
            "confidence": confidence[keep],
            "lift": lift[keep],
            "count_orders": together[keep].astype(np.int64),
        }
    )


@dataclass(frozen=True)
class Affinities:
    """score(j | i) = residual[i, j] + prior[i] x popularity[j]; see the module docstring."""

    products: pa.Array
    popularity: np.ndarray  # p_j = count(j) / N
    residual: sparse.csr_matrix  # count(i, j) / (count(i) + m)
    prior: np.ndarray  # m / (count(i) + m)
    shrinkage: float
    n_baskets: int


def affinities(lines: pa.Table, shrinkage: float = SHRINKAGE) -> Affinities:
    """The shrunk confidences i → j of the baskets in ``lines``."""
    counts = count_baskets(lines)
    scale = 1.0 / (counts.item + shrinkage)
    residual = sparse.diags(scale) @ counts.pair
    popularity = counts.item / max(counts.n_baskets, 1)
    return Affinities(
        counts.products, popularity, residual.tocsr(), shrinkage * scale, shrinkage,
        counts.n_baskets,
    )  # fmt: skip


def popularity_only(model: Affinities) -> Affinities:
    """The baseline: the same products and popularity, no co-purchase evidence (score = p_j)."""
    n = len(model.products)
    return Affinities(
        model.products, model.popularity, sparse.csr_matrix((n, n)), np.ones(n), 0.0,
        model.n_baskets,
    )  # fmt: skip


def recommend(
    lines: pa.Table, model: Affinities, n: int = 10, customers: pa.Array | None = None
) -> pa.Table:
    """Top-``n`` products per customer not bought in ``lines``: customer360_id, rank (1 = best),
    product_id, score. Ties go to the more popular product, then the smaller product_id.

    ``customers`` adds customers without history (they get the most popular products).
    """
    ids = _sorted_unique(lines["customer360_id"])
    k = min(n, len(model.products))
    if k == 0:
        return RECOMMENDATIONS.empty_table()
    if customers is not None:
        ids = _sorted_unique(pa.chunked_array([ids, pa.array(customers, pa.string())]))
    known = pc.is_in(lines["product_id"], value_set=model.products)
    lines = lines.filter(known)
    u, j = _codes(lines["customer360_id"], ids), _codes(lines["product_id"], model.products)
    n_products = len(model.products)
    bought = sparse.csr_matrix(
        (np.ones(len(u)), (u, j)), shape=(len(ids), n_products), dtype=np.float64
    )
    bought.data[:] = 1.0  # a product bought in several orders counts once
    sizes = np.asarray(bought.sum(axis=1)).ravel()
    mean = (sparse.diags(1.0 / np.maximum(sizes, 1)) @ bought).tocsr()
    # A small catalogue's affinities are nearly dense: sparse x dense is then much faster.
    small = n_products * n_products <= _BLOCK_CELLS
    weights = model.residual.toarray() if small else model.residual
    prior = np.where(sizes > 0, mean @ model.prior, 1.0)
    # Ties break on popularity (then product_id): the rank of each product in that order.
    order = np.lexsort((np.arange(n_products), -model.popularity))
    tiebreak = np.empty(n_products, np.int64)
    tiebreak[order] = np.arange(n_products)[::-1]
    top = np.empty((len(ids), k), np.int64)
    scores = np.empty((len(ids), k), np.float64)
    step = max(1, _BLOCK_CELLS // max(n_products, 1))
    for start in range(0, len(ids), step):
        rows = slice(start, min(start + step, len(ids)))
        evidence = mean[rows] @ weights
        score = np.asarray(evidence if small else evidence.toarray())
        score += np.outer(prior[rows], model.popularity)
        key = np.round(score * _SCALE).astype(np.int64) * n_products + tiebreak
        key[bought[rows].toarray() > 0] = -1
        best = np.argpartition(-key, k - 1, axis=1)[:, :k]
        ranked = np.take_along_axis(best, np.argsort(-np.take_along_axis(key, best, 1), 1), 1)
        top[rows] = ranked
        scores[rows] = np.where(
            np.take_along_axis(key, ranked, 1) < 0, np.nan, np.take_along_axis(score, ranked, 1)
        )
    available = ~np.isnan(scores.ravel())  # a customer who bought everything gets fewer rows
    return pa.table(
        {
            "customer360_id": ids.take(pa.array(np.repeat(np.arange(len(ids)), k)[available])),
            "rank": np.tile(np.arange(1, k + 1, dtype=np.int64), len(ids))[available],
            "product_id": model.products.take(pa.array(top.ravel()[available])),
            "score": np.round(scores.ravel()[available], 6),
        }
    )


def split_last_order(lines: pa.Table) -> tuple[pa.Table, pa.Table]:
    """(training, held out): each customer's last completed order (latest ``order_at``, then
    largest ``order_id``) is held out when the customer has at least two."""
    orders = lines.group_by(["customer360_id", "order_id"], use_threads=False).aggregate(
        [("order_at", "max")]
    )
    orders = orders.sort_by(
        [
            ("customer360_id", "ascending"),
            ("order_at_max", "descending"),
            ("order_id", "descending"),
        ]
    )
    customer = orders["customer360_id"].to_numpy(zero_copy_only=False)
    first = np.ones(len(customer), bool)
    first[1:] = customer[1:] != customer[:-1]  # the customer's last order comes first
    count = np.diff(np.flatnonzero(np.append(first, True)))
    last = first & np.repeat(count >= 2, count)
    held = pc.is_in(lines["order_id"], value_set=orders["order_id"].filter(pa.array(last)))
    return lines.filter(pc.invert(held)), lines.filter(held)


def hit_rate_at_k(recommended: pa.Table, held_out: pa.Table, k: int = 10) -> float:
    """Share of the customers of ``held_out`` with at least one of its products among their
    top-``k`` recommendations (rank <= k); 0 when nobody is held out."""
    wanted = held_out.select(["customer360_id", "product_id"]).group_by(
        ["customer360_id", "product_id"], use_threads=False
    )
    wanted = wanted.aggregate([])
    offered = recommended.filter(pc.less_equal(recommended["rank"], k))
    offered = offered.select(["customer360_id", "product_id"])
    hits = offered.join(wanted, ["customer360_id", "product_id"], join_type="inner")
    customers = pc.count_distinct(wanted["customer360_id"]).as_py()
    return pc.count_distinct(hits["customer360_id"]).as_py() / customers if customers else 0.0


@dataclass(frozen=True)
class Evaluation:
    """Hit-rate@k of the model and of the popularity baseline on held-out last orders."""

    k: int
    customers: int
    model: float
    popularity: float


def evaluate(lines: pa.Table, k: int = 10, shrinkage: float = SHRINKAGE) -> Evaluation:
    """Fit on all but each repeat customer's last order, recommend ``k``, score on that order."""
    train, held = split_last_order(lines)
    model = affinities(train, shrinkage)
    evaluated = train.filter(
        pc.is_in(train["customer360_id"], value_set=pc.unique(held["customer360_id"]))
    )
    rates = [
        hit_rate_at_k(recommend(evaluated, m, k), held, k) for m in (model, popularity_only(model))
    ]
    return Evaluation(k, len(pc.unique(held["customer360_id"])), rates[0], rates[1])
