"""Recommendations of a workspace: basket rules and top-N per customer on gold, a model card."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.gold_reco import BASKET_RULES, CUSTOMER_RECOMMENDATIONS
from c360.contracts.gold_star import FCT_ORDER_LINES, FCT_ORDERS
from c360.ml import recommend
from c360.ml.publish import record_metrics
from c360.ml.recommend import Evaluation
from c360.pipeline import lake
from c360.pipeline.gold.run import conform

CARD = "model_card_recommendations.md"
TOP_N = 10
MIN_SUPPORT = 0.001  # about 50 baskets at scale 1: rarer pairs are mostly noise
MIN_CONFIDENCE = 0.05


def model_card(lines: pa.Table, rules: pa.Table, evaluation: Evaluation) -> str:
    """The recommendations model card: data window, method, parameters, hit-rate, date."""
    first, last = pc.min(lines["order_at"]).as_py(), pc.max(lines["order_at"]).as_py()
    baskets = pc.count_distinct(lines["order_id"]).as_py()
    lift = pc.quantile(rules["lift"], q=[0.1, 0.5, 0.9]).to_pylist() if rules.num_rows else []
    e = evaluation
    lines_ = [
        "# Model card — product recommendations (co-purchase affinities)",
        "",
        f"- Date: {datetime.now(UTC).date().isoformat()}",
        f"- Data window: completed orders of `fct_orders` from {first} to {last}: {baskets:,} "
        f"baskets (an order's distinct products of `fct_order_lines`), "
        f"{pc.count_distinct(lines['customer360_id']).as_py():,} customers, "
        f"{pc.count_distinct(lines['product_id']).as_py():,} products",
        "- Method: score(j) = mean over the customer's bought products i of the confidence "
        "i → j shrunk towards j's popularity p_j, (count(i, j) + m·p_j) / (count(i) + m); "
        "products already bought are left out; no history → the most popular products",
        f"- Parameters: m = {recommend.SHRINKAGE:g}, top {TOP_N}; rules kept with support ≥ "
        f"{MIN_SUPPORT:g} and confidence ≥ {MIN_CONFIDENCE:g}",
        f"- Output: `gold.customer_recommendations`, `gold.basket_rules` ({rules.num_rows:,} "
        "rules" + (f"; lift 10/50/90%: {lift[0]:.2f} / {lift[1]:.2f} / {lift[2]:.2f})" if lift
                   else ")"),
        "",
        f"## Evaluation: hit-rate@{e.k} on each repeat customer's held-out last order",
        "",
        "Fitted on every other completed order; a hit is at least one product of the held-out "
        f"order among the customer's top {e.k} (bought products excluded for both).",
        "",
        "| recommender | hit-rate@10 |",
        "| --- | ---: |",
        f"| co-purchase affinities | {e.model:.4f} |",
        f"| popularity baseline | {e.popularity:.4f} |",
        "",
        f"Customers evaluated: {e.customers:,}. "
        + (
            "The model is not better than popularity (below it, or less than half a point "
            "above): these baskets carry no co-purchase signal that popularity does not."
            if e.customers and e.model < e.popularity + 0.005
            else ""
        ),
    ]  # fmt: skip
    return "\n".join(lines_).rstrip() + "\n"


def _customers(workspace: Path, lines: pa.Table) -> pa.Array:
    """The people of ``identity_links`` (the rows of ``customer_profile``), else every buyer;
    read from identity rather than the profile so the profile can be built from the result."""
    if not lake.table_dir(workspace, "gold", "identity_links").exists():
        return pc.unique(lines["customer360_id"])
    people = lake.read_table(workspace, "gold", "identity_links")["customer360_id"]
    return pc.unique(people.filter(pc.is_valid(people)))


def publish_recommendations(workspace: Path) -> list[tuple[str, int, float]]:
    """Publish ``basket_rules`` and ``customer_recommendations`` from gold's completed orders,
    and the model card; (table, rows, seconds) of each table."""
    workspace = Path(workspace)
    started = time.perf_counter()
    lines = recommend.basket_lines(
        lake.read_built(workspace, "gold", FCT_ORDER_LINES),
        lake.read_built(workspace, "gold", FCT_ORDERS),
    )
    rules = conform(recommend.basket_rules(lines, MIN_SUPPORT, MIN_CONFIDENCE), BASKET_RULES)
    lake.publish_table(workspace, "gold", BASKET_RULES.name, rules)
    built = [(BASKET_RULES.name, rules.num_rows, time.perf_counter() - started)]

    started = time.perf_counter()
    model = recommend.affinities(lines)
    top = recommend.recommend(lines, model, TOP_N, _customers(workspace, lines))
    top = conform(top, CUSTOMER_RECOMMENDATIONS)
    lake.publish_table(workspace, "gold", CUSTOMER_RECOMMENDATIONS.name, top)
    evaluation = recommend.evaluate(lines, TOP_N)
    reports = workspace / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / CARD).write_text(model_card(lines, rules, evaluation), encoding="utf-8")
    record_metrics(
        workspace,
        "recommendations",
        {"fitted": True, "customers": evaluation.customers,
         "model": {f"hit_rate_at_{evaluation.k}": evaluation.model},
         "baseline": {f"hit_rate_at_{evaluation.k}": evaluation.popularity}},
    )  # fmt: skip
    built.append((CUSTOMER_RECOMMENDATIONS.name, top.num_rows, time.perf_counter() - started))
    return built
