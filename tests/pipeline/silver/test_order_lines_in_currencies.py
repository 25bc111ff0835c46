"""Order lines in another currency: each amount converted to euros and rounded on its own, so a
line that adds up to the cent in dollars may be a cent or two off in euros."""

from __future__ import annotations

from c360 import contracts
from c360.engines import Engine
from c360.pipeline.silver import parse
from c360.pipeline.silver.commerce import stg_order_lines
from c360.pipeline.silver.staged import Staged
from tests.pipeline.silver.test_commerce import LINE, ORDER, PRODUCT
from tests.pipeline.silver.test_crm import bronze, clean, reasons, row

RATES = {"USD": 0.92}
AMOUNTS = ("qty", "unit_price_eur", "discount_eur", "line_total_eur")


def _lines(engine: Engine, currency: str, amounts: list[tuple[str, ...]]) -> Staged:
    """``stg_order_lines`` of lines with ``amounts`` (qty, unit price, discount, total) in a
    table whose ``currency`` is ``currency``, read at ``RATES`` as a run reads them."""
    rows = [
        row("order_lines", LINE, order_line_id=f"LINE_{i:08}", **dict(zip(AMOUNTS, a, strict=True)))
        for i, a in enumerate(amounts, 1)
    ]
    contract = contracts.get("order_lines")
    lines = parse.in_euros(bronze(engine, "order_lines", rows), contract, currency, RATES)
    orders = bronze(engine, "orders", [row("orders", ORDER)])
    products = bronze(engine, "products", [row("products", PRODUCT)])
    return stg_order_lines(lines, orders, products)


def test_a_line_in_dollars_adds_up_within_the_rounding_of_its_converted_amounts(
    engine: Engine,
) -> None:
    """$3.33 × 4 − $0.55 = $12.77 is €3.06 × 4 − €0.51 = €11.73 against €11.75: two cents
    apart, half a cent per converted amount allows three. A line wrong in dollars, one two
    cents apart with room for a cent and a half, and one in euros a cent apart stay
    ``inconsistent_amount``."""
    staged = _lines(engine, "USD", [
        ("4", "3.33", "0.55", "12.77"),
        ("1", "12.35", "0.55", "11.80"),  # €11.36 − €0.51 = €10.85 against €10.86
        ("3", "5.99", "2.22", "16.75"),  # a dollar too much
        ("1", "10.00", "0", "10.02"),  # €9.20 against €9.22
        ("3", "€5.99", "€2.22", "€15.76"),  # euros: a cent too much
    ])  # fmt: skip
    kept = {
        r["order_line_id"]: tuple(r[a] for a in AMOUNTS)
        for r in clean(engine, staged, "order_lines")
    }
    assert kept == {
        "LINE_00000001": (4, 3.06, 0.51, 11.75),
        "LINE_00000002": (1, 11.36, 0.51, 10.86),
    }
    assert reasons(engine, staged) == {
        3: "inconsistent_amount",
        4: "inconsistent_amount",
        5: "inconsistent_amount",
    }


def test_a_line_marked_in_dollars_in_a_table_of_euros_is_converted_alike(engine: Engine) -> None:
    """In a table of euros the line written in dollars gets the rounding its conversion
    allows; one in euros keeps the half cent."""
    staged = _lines(engine, "EUR", [
        ("4", "$3.33", "$0.55", "$12.77"),
        ("4", "3.06", "0.51", "11.75"),  # the same euros, written so: two cents apart
    ])  # fmt: skip
    assert [r["order_line_id"] for r in clean(engine, staged, "order_lines")] == ["LINE_00000001"]
    assert reasons(engine, staged) == {2: "inconsistent_amount"}
