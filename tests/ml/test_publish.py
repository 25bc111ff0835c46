"""The CLV model fitted on a workspace's gold orders: its table and its model card."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.ml.publish import CARD, publish_clv
from c360.pipeline import lake


def _orders(customers: int, seed: int = 3) -> pa.Table:
    rng = np.random.default_rng(seed)
    rows = []
    start = datetime(2024, 1, 1)
    for c in range(customers):
        first = int(rng.integers(0, 300))
        for k in range(int(rng.integers(1, 6))):
            day = first + k * int(rng.integers(5, 60))
            rows.append({"customer360_id": f"c360_{c:08d}", "status": "completed",
                         "order_at": start + timedelta(days=day),
                         "total_amount_eur": float(rng.gamma(4, 20))})  # fmt: skip
    rows.append({"customer360_id": "c360_99999999", "status": "canceled",
                 "order_at": start, "total_amount_eur": 5.0})  # fmt: skip
    return pa.Table.from_pylist(rows)


def test_the_fit_is_published_with_its_card(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _orders(400))
    rows, _ = publish_clv(tmp_path)
    table = lake.read_table(tmp_path, "gold", "customer_clv")
    assert rows == table.num_rows == 400  # the canceled-only customer is not there
    p_alive = table["p_alive"].to_numpy()
    assert ((p_alive >= 0) & (p_alive <= 1)).all()
    one_purchase = table.filter(pc.equal(table["frequency"], 0))
    assert set(one_purchase["p_alive"].to_pylist()) == {1.0}
    card = (tmp_path / "reports" / CARD).read_text()
    assert "| BG/NBD | r=" in card and "400 customers" not in card and "Customers: 400" in card


def test_too_few_repeat_customers_say_so(tmp_path: Path) -> None:
    lake.publish_table(tmp_path, "gold", "fct_orders", _orders(5))
    assert publish_clv(tmp_path)[0] == 0
    assert "Not fitted: too few customers to fit" in (tmp_path / "reports" / CARD).read_text()
