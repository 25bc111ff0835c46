"""Seed 003's silver: the e-commerce platform's products, customers, orders and inventory.

The seed's cleaning phase: remove duplicates, handle nulls, validate dates, quantities > 0.
Rejected rows keep their reason; repaired values are documented on each model.
"""

from __future__ import annotations

from datetime import datetime

import ibis
from ibis.expr.types import Table

from c360.contracts.ecommerce import CATEGORIES, ORDERS, PRODUCTS, WAREHOUSES
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.blanks import BLANK, either_case
from c360.pipeline.silver.privacy import Pseudonymise
from c360.pipeline.silver.staged import LINEAGE, Staged, first_true, kept, stage

PRODUCT_COLUMNS = ("product_id", "name", "category", "brand", "price", "cost", "margin")
CUSTOMER_COLUMNS = ("customer_id", "name", "email_hash", "has_valid_email", "city", "country",
                    "registration_date", "loyalty_tier")  # fmt: skip
ORDER_COLUMNS = ("order_id", "customer_id", "product_id", "quantity", "order_at",
                 "shipping_address")  # fmt: skip
INVENTORY_COLUMNS = ("product_id", "warehouse_id", "stock_quantity", "last_updated_at")
TIERS = ("bronze", "silver", "gold", "platinum")
# The least price the contract allows, as seed 000's catalogue does (``stg_products``).
LEAST_PRICE = PRODUCTS.column("price").min_value
# "Home and Garden", "Home&Garden" and "Home + Garden" are the catalogue's "Home & Garden".
# White space as ``parse.SPACE`` spells it: Java's \s holds a vertical tab, RE2's does not.
# "and" is a word where white space, a hyphen (a space to ``parse.category``) or an end of the
# text sets it off. Not ``\b``: a letter beyond ASCII ("Homeéand Garden") is part of a word on
# Spark (Java) and not on DuckDB (RE2). RE2 has no lookaround, so a hyphen goes with the word:
# "Home-and-Garden" is "Home & Garden" to ``parse.category``, as "Home- & -Garden" was.
_AND = rf"(^{parse.SPACE}*|{parse.SPACE}+|-){either_case('and')}({parse.SPACE}+|-|\z)"
CATEGORY_JOIN = rf"{parse.SPACE}*(&|\+){parse.SPACE}*|{_AND}"


def _future(value: ibis.ir.TimestampValue, as_of: datetime) -> ibis.ir.BooleanValue:
    return value > ibis.literal(as_of.replace(tzinfo=None))


def stg_ecommerce_products(bronze: Table) -> Staged:
    """Products with ``margin = price − cost``; a missing brand is "Unknown", a missing cost
    leaves the margin NULL; an unreadable price, or one under the contract's least (0.01), is
    rejected (a negative one as ``negative_amount``, 0 as ``out_of_range``, as seed 000's
    catalogue), and so is a price or a cost that may be 1234 or 1.234 (``ambiguous_amount``:
    "1.234" from a CSV, see ``parse.money``) or is written in another currency ("$1,200":
    ``other_currency``); mis-encoded names and brands are repaired ("Ã‰ditions" → "Éditions").

    The seed fixes no list of categories: a shop's own ("T-Shirts", "Gift Cards") is kept as
    written, trimmed and each run of white space made one space ("Gift   Cards" → "Gift
    Cards"); one of the catalogue's is spelt as the catalogue spells it, whatever its case or
    spaces (" sports " → "Sports", "Home and Garden" → "Home & Garden"); a missing one is
    "Unknown" (the daily sales by category keep its money there).
    """
    b = bronze
    # "Unknown" as written stays, uncounted.
    joined = b.category.re_replace(CATEGORY_JOIN, " & ")
    known = parse.category(joined, (*CATEGORIES, "Unknown"))
    written = parse.clean_text(b.category).re_replace(BLANK + "+", " ")
    # Not COALESCE: DuckDB would clean every category, not only those the catalogue lacks.
    category = ibis.cases((known.notnull(), known), else_=written)
    t = b.select(
        *LINEAGE,
        product_id=parse.clean_text(b.product_id),
        name=conform.repaired_text(b.name),
        category=category.fill_null("Unknown"),
        brand=conform.repaired_text(b.brand).fill_null("Unknown"),
        price=parse.money(b.price),
        cost=parse.money(b.cost),
        _raw_price=b.price,
        _raw_cost=b.cost,
    )
    t = t.mutate(margin=t.price - t.cost)
    checks = [
        ("missing_key", t.product_id.isnull()),
        ("price: other_currency", parse.other_currency(t._raw_price, t.price)),
        ("price: ambiguous_amount", parse.ambiguous(t._raw_price, t.price)),
        ("price: invalid_number", parse.invalid(t._raw_price, t.price)),
        ("cost: other_currency", parse.other_currency(t._raw_cost, t.cost)),
        ("cost: ambiguous_amount", parse.ambiguous(t._raw_cost, t.cost)),
        ("cost: invalid_number", parse.invalid(t._raw_cost, t.cost)),
        ("price: missing_price", t.price.isnull()),
        ("price: negative_amount", t.price < 0),
        ("cost: negative_amount", t.cost < 0),
        ("price: out_of_range", parse.too_large(t.price) | (t.price < LEAST_PRICE)),
        ("cost: out_of_range", parse.too_large(t.cost)),
    ]
    return stage(t, checks, ["product_id"], PRODUCT_COLUMNS)


def stg_ecommerce_customers(bronze: Table, pseudonymise: Pseudonymise, as_of: datetime) -> Staged:
    """Customers with a pseudonymised e-mail (kept only when deliverable), ISO country and a
    loyalty tier ("bronze" when missing); mis-encoded text is repaired, and a name or a city
    written all in upper or all in lower case is title-cased ("SAN ANTONIO" → "San Antonio").

    A JSON object, array or boolean where text belongs, or a number as a name or a city, is
    ``invalid_value``: the record is not what the contract describes. A value of the right
    type that does not read — an unknown country or tier, an undeliverable e-mail, an invalid
    or future registration date, or one before 1990 (``parse.EARLIEST``: a placeholder such as
    1900-01-01) — becomes NULL and is counted (``repaired``, by column and
    reason): the customer is real even if that one field is not, and its orders, RFM and CLV
    need it. A missing tier made "bronze" is counted too (``missing_value``): the shop did not
    write that tier, silver chose it.
    """
    b = bronze.mutate(
        _name=conform.repaired_text(bronze.name), _city=conform.repaired_text(bronze.city)
    )
    b = parse.display_cased(b, "_name", "_city")
    mail = conform.email(b.email)
    registered = parse.written_timestamp(b.registration_date)
    # The first column, in the source's order, holding a value of the wrong type; NULL if none.
    mistyped = first_true([
        ("name", parse.not_a_name(b.name)), ("email", parse.not_text(b.email)),
        ("city", parse.not_a_name(b.city)), ("country", parse.not_text(b.country)),
        ("loyalty_tier", parse.not_text(b.loyalty_tier)),
    ])  # fmt: skip
    t = b.select(
        *LINEAGE,
        customer_id=parse.clean_text(b.customer_id),
        name=b._name.fill_null("Unknown"),
        email_hash=pseudonymise(mail),
        has_valid_email=mail.notnull(),
        city=b._city,
        country=conform.country_iso(b.country),
        registration_date=_plausible(registered, as_of).cast("date"),
        loyalty_tier=_tier(parse.lower(parse.clean_text(b.loyalty_tier)).fill_null("bronze")),
        _registered=registered,
        _mistyped=mistyped,
        _raw=ibis.struct(
            {c: b[c] for c in ("email", "country", "registration_date", "loyalty_tier")}
        ),
    )
    checks = [
        ("missing_key", t.customer_id.isnull()),
        (t._mistyped + ": invalid_value", t._mistyped.notnull()),
    ]
    repairs = [
        ("country: invalid_value", parse.invalid(t._raw.country, t.country)),
        ("loyalty_tier: invalid_value", parse.invalid(t._raw.loyalty_tier, t.loyalty_tier)),
        ("loyalty_tier: missing_value", parse.clean_text(t._raw.loyalty_tier).isnull()),
        ("registration_date: invalid_date",
         parse.invalid(t._raw.registration_date, t._registered)),
        ("registration_date: future_date", _future(t._registered, as_of)),
        ("registration_date: implausible_date", parse.implausible(t._registered)),
        ("email: invalid_value", parse.invalid(t._raw.email, t.email_hash)),
    ]  # fmt: skip
    return stage(t, checks, ["customer_id"], CUSTOMER_COLUMNS, repairs)


def _plausible(value: ibis.ir.TimestampValue, as_of: datetime) -> ibis.ir.TimestampValue:
    """``value``, NULL when in the future or before ``parse.EARLIEST`` (a placeholder)."""
    wrong = _future(value, as_of) | parse.implausible(value)
    return ibis.ifelse(wrong, ibis.null("timestamp"), value)


def _tier(value: ibis.ir.StringValue) -> ibis.ir.StringValue:
    return ibis.ifelse(value.isin(TIERS), value, ibis.null("string"))


def stg_ecommerce_orders(
    bronze: Table, customers: Table, products: Table, as_of: datetime
) -> Staged:
    """Order lines of the platform, one per order and product (a shop's export repeats the
    order id on each line; a line repeating both is a ``duplicate_key``, one naming another
    customer or order time than its order's first line a ``conflicting_order_line``, see
    :func:`_order_conflicts`): quantity > 0, a real
    date not in the future nor before 1990
    (``implausible_date``: a placeholder such as 1970-01-01), a customer and
    a product that exist in their sources (bronze). A line without a customer or an order
    date (blank, as a shop writes the later lines of an order) takes its order's, from the
    order's first clean line, counted (``repaired``: ``customer_id: missing_value``,
    ``order_date: missing_value``); the checks then read the values taken. A line without a
    shipping address takes its order's, from the order's first clean line that has one (see
    :func:`_order_address`), counted (``repaired``: ``shipping_address: missing_value``);
    where no clean line of the order has one (a one-line order), it stays NULL. A
    missing customer, product or quantity is ``missing_customer``, ``missing_product`` or
    ``missing_quantity``, not an orphan or a quantity of 0; a missing date is
    ``missing_order_date``, one that does not read ``invalid_date`` (it takes no date)."""
    b = bronze
    t = b.select(
        *LINEAGE,
        order_id=parse.clean_text(b.order_id),
        customer_id=parse.clean_text(b.customer_id),
        product_id=parse.clean_text(b.product_id),
        quantity=parse.integer(b.quantity),
        order_at=parse.written_timestamp(b.order_date),
        shipping_address=conform.repaired_text(b.shipping_address),
        _raw_quantity=b.quantity,
        _raw_date=b.order_date,
    )
    t = _order_conflicts(t, _order_checks(t, customers, products, as_of))
    checks = [
        *_order_checks(t, customers, products, as_of),
        ("order_id: conflicting_order_line", t._conflicting),
    ]
    t = _order_address(t)
    repairs = [
        ("customer_id: missing_value", t._customer_filled),
        ("order_date: missing_value", t._date_filled),
        ("shipping_address: missing_value", t._address_filled),
    ]
    return stage(t, checks, ORDERS.primary_key, ORDER_COLUMNS, repairs)


# The checks a line fails when it lacks what it may take from its order's first line.
_TAKEN = ("customer_id: missing_customer", "order_date: missing_order_date")


def _order_checks(
    t: Table, customers: Table, products: Table, as_of: datetime
) -> list[tuple[str, ibis.ir.BooleanValue]]:
    """The checks of an order line, on the values ``t`` holds (its own, or those it took);
    those of ``_TAKEN`` are true where its customer or its order time is NULL."""
    return [
        ("missing_key", t.order_id.isnull()),
        ("customer_id: missing_customer", t.customer_id.isnull()),
        (
            "customer_id: orphan_customer",
            parse.absent(t.customer_id, _keys(customers.customer_id)),
        ),
        ("product_id: missing_product", t.product_id.isnull()),
        ("product_id: orphan_product", parse.absent(t.product_id, _keys(products.product_id))),
        ("quantity: invalid_number", parse.invalid(t._raw_quantity, t.quantity)),
        ("quantity: missing_quantity", t.quantity.isnull()),
        ("quantity: non_positive_quantity", t.quantity <= 0),
        ("quantity: out_of_range", parse.too_large(t.quantity)),
        ("order_date: invalid_date", parse.invalid(t._raw_date, t.order_at)),
        ("order_date: missing_order_date", t.order_at.isnull()),
        ("order_date: implausible_date", parse.implausible(t.order_at)),
        ("order_date: future_date", _future(t.order_at, as_of)),
    ]


def _order_conflicts(t: Table, checks: list[tuple[str, ibis.ir.BooleanValue]]) -> Table:
    """``t`` with a missing customer or order time taken from its order's first line
    (``_customer_filled``, ``_date_filled`` true where it was), ``_conflicting``: true on a
    line whose customer or order time is not those of its order's first line, so that gold
    counts the order once, for one customer and month, and ``_clean``: true on a line that
    passes ``checks`` on the values it holds then, and is not in conflict.

    The first line is the one :class:`Staged` would keep of the order among those passing
    ``checks`` on the lines' own values (the file named last, then the record written first):
    a line without a customer, or of an unknown one, is rejected for that and names no order,
    and the order is its first clean line's. A line without a customer or a date (NULL, blank
    or a word for missing: a date that does not read takes none) takes the first line's, as
    a shop writes them on an order's first line only; where the order has no clean line (one
    line, or none with them), it has none to take. Times are compared as read
    ("2024-01-01T10:00" is "2024-01-01 10:00:00"). A line repeating the first line's product
    with another customer or time is in conflict too, not a mere copy. A line passes on the
    values it took when it passes every check but those of ``_TAKEN`` on its own (its checks
    on a NULL fail none) and now holds both: those it took are the first line's, which passed.
    """
    failed: dict[bool, list[ibis.ir.BooleanValue]] = {True: [], False: []}
    for name, bad in checks:
        failed[name in _TAKEN].append(bad.fill_null(False))
    t = t.mutate(_sound=~ibis.or_(*failed[False]))
    t = t.mutate(_passes=t._sound & ~ibis.or_(*failed[True]))
    t = t.mutate(_first_line=kept(t, ["order_id"], t._passes))
    order = ibis.window(group_by=t.order_id)
    first = {
        f"_order_{c}": ibis.ifelse(t._first_line, t[c], ibis.null(t[c].type())).max().over(order)
        for c in ("customer_id", "order_at")
    }
    t = t.mutate(**first)
    # Read only where the date is NULL (the few rows): a date that reads was written.
    no_date = ibis.ifelse(t.order_at.isnull(), parse.clean_text(t._raw_date).isnull(), False)
    t = t.mutate(
        customer_id=ibis.coalesce(t.customer_id, t._order_customer_id),
        order_at=ibis.ifelse(no_date, t._order_order_at, t.order_at),
        _customer_filled=t.customer_id.isnull() & t._order_customer_id.notnull(),
        _date_filled=no_date & t._order_order_at.notnull(),
    )
    differs = (t.customer_id != t._order_customer_id) | (t.order_at != t._order_order_at)
    t = t.mutate(_conflicting=differs)
    named = t.customer_id.notnull() & t.order_at.notnull()
    return t.mutate(_clean=t._sound & named & ~t._conflicting.fill_null(False))


def _order_address(t: Table) -> Table:
    """``t`` (of :func:`_order_conflicts`) with a missing ``shipping_address`` taken from the
    order's first clean line that has one, and ``_address_filled`` true where it was.

    The lines that may give it pass every check, on their own values or on the customer and
    time they took, and agree with their order's first line (``_clean``): a line quarantined
    for itself or as in conflict with its order gives none (a copy of a clean line,
    quarantined as a ``duplicate_key``, may: it is that line written again). The first of
    them is the one :class:`Staged` would claim first (the file named last, then the record
    written first). One window over the order: its first value among those lines.
    """
    gives = t._clean & t.shipping_address.notnull()
    given = ibis.ifelse(gives, t.shipping_address, ibis.null("string"))
    first = given.first().over(
        group_by=t.order_id, order_by=[~gives, ibis.desc(t._source_file), t._row_number]
    )
    t = t.mutate(_order_address=first)
    return t.mutate(
        shipping_address=ibis.coalesce(t.shipping_address, t._order_address),
        _address_filled=t.shipping_address.isnull() & t._order_address.notnull(),
    )


def _keys(column: ibis.ir.StringColumn) -> ibis.ir.StringColumn:
    """The ids a source holds, as the staging models clean them."""
    return parse.clean_text(column)


def stg_ecommerce_inventory(bronze: Table, products: Table, as_of: datetime) -> Staged:
    """Stock snapshots: a known product, a stock ≥ 0 (0 is a real stock-out), a valid date
    from 1990 on (an earlier one is ``implausible_date``: a placeholder); a
    missing product, warehouse or date is a ``missing_key`` (all three are part of the
    snapshot's key); a date that does not read is ``invalid_date``.

    A warehouse id is a key, kept as the source writes it, cleaned as ids are ("Paris
    Warehouse", " Berlin Store " → "Berlin Store"); one of the generated data's five is spelt
    as the contract spells it, whatever its case, spaces, hyphens or underscores (" wh_par " →
    "WH-PAR"), so that one snapshot written twice is one duplicate, not two stocks."""
    b = bronze
    t = b.select(
        *LINEAGE,
        product_id=parse.clean_text(b.product_id),
        warehouse_id=_warehouse(b.warehouse_id),
        stock_quantity=parse.integer(b.stock_quantity),
        last_updated_at=parse.written_timestamp(b.last_updated),
        _raw_stock=b.stock_quantity,
        _raw_date=b.last_updated,
    )
    checks = [
        ("missing_key", t.product_id.isnull()),
        ("product_id: orphan_product", parse.absent(t.product_id, _keys(products.product_id))),
        ("missing_key", t.warehouse_id.isnull()),
        ("missing_key", parse.clean_text(t._raw_date).isnull()),
        ("stock_quantity: invalid_number", parse.invalid(t._raw_stock, t.stock_quantity)),
        ("stock_quantity: missing_stock", t.stock_quantity.isnull()),
        ("stock_quantity: negative_stock", t.stock_quantity < 0),
        ("stock_quantity: out_of_range", parse.too_large(t.stock_quantity)),
        ("last_updated: invalid_date", t.last_updated_at.isnull()),
        ("last_updated: implausible_date", parse.implausible(t.last_updated_at)),
        ("last_updated: future_date", _future(t.last_updated_at, as_of)),
    ]
    return stage(t, checks, ["product_id", "warehouse_id", "last_updated_at"], INVENTORY_COLUMNS)


def _warehouse(value: ibis.ir.StringValue) -> ibis.ir.StringValue:
    """One of ``WAREHOUSES`` as the contract spells it, any other id as written (trimmed)."""
    # Not COALESCE: DuckDB would clean every id, not only those the contract does not know.
    known = parse.category(value, WAREHOUSES)
    return ibis.cases((known.notnull(), known), else_=parse.clean_text(value))
