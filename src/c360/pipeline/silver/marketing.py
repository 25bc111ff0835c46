"""Seed 004's silver for the marketing bronze: campaigns (with the seed's KPIs), transactions
and pseudonymised customers."""

from __future__ import annotations

from datetime import datetime

import ibis
from ibis.expr.types import NumericValue, Table

from c360.contracts.marketing_bronze import CAMPAIGN_STATUSES
from c360.pipeline.silver import conform, parse
from c360.pipeline.silver.privacy import Pseudonymise
from c360.pipeline.silver.staged import LINEAGE, Staged, first_true, stage

CAMPAIGN_COLUMNS = (
    "campaign_id", "campaign_name", "campaign_type", "budget", "spend", "impressions", "clicks",
    "conversions", "start_date", "status", "ctr", "conversion_rate", "cpc", "cpa", "roi",
)  # fmt: skip
# The bronze text of the columns whose unreadable values the checks and repairs name (an
# amount's is a column of its own: ``parse.ambiguous`` reads its ``_source_file`` beside it).
CAMPAIGN_RAW = ("impressions", "clicks", "conversions", "start_date", "status")
CAMPAIGN_AMOUNTS = ("budget", "spend")
CAMPAIGN_COUNTS = ("impressions", "clicks", "conversions")
CAMPAIGN_NUMBERS = (*CAMPAIGN_AMOUNTS, *CAMPAIGN_COUNTS)
# The columns of text, where a JSON object, array or truth value is of the wrong type.
CAMPAIGN_TEXTS = ("campaign_name", "campaign_type", "status")


def ratio(numerator: NumericValue, denominator: NumericValue) -> NumericValue:
    """``numerator / denominator``, NULL when the denominator is 0 or NULL (never inf, never 0)."""
    return ibis.ifelse(
        denominator == 0, ibis.null("float64"), numerator.cast("float64") / denominator
    )


def stg_mongo_campaigns(bronze: Table) -> Staged:
    """Typed campaigns and seed 004's KPIs; impossible rows rejected with a reason.

    KPIs exactly as seed 004 defines them: CTR = clicks / impressions × 100, conversion_rate =
    conversions / clicks × 100, CPC = spend / clicks, CPA = spend / conversions, ROI = (budget −
    spend) / budget × 100; a division by zero gives NULL. Defaults: a missing name becomes
    "Unnamed campaign", a missing type "Unknown"; a missing budget, spend or count stays NULL
    (unknown, not 0). A start date in the future is kept (a scheduled campaign). Duplicated
    campaign ids keep their first record. A JSON object, array or boolean where a name, a type
    or a status belongs is ``invalid_value``. Impressions, clicks and conversions may have their
    thousands grouped ("100,000", see ``parse.integer``). A budget or a spend that may be 1234
    or 1.234 ("1.234" from a CSV, see ``parse.money``) is ``ambiguous_amount``, one written in
    another currency ("$1,200") ``other_currency``.

    The status is one the contract allows, whatever its case or spaces (" Paused " → "paused");
    one it does not allow ("running") becomes NULL, as a missing one does, and is counted
    (``repaired``): the campaign stays, its money and KPIs are sound and the seed's "which
    campaign has the best ROI" needs every campaign. So does a start date that does not read
    ("2024-02-30") or lies before 1990 (a placeholder such as 1970-01-01, see
    ``parse.EARLIEST``): NULL, as a missing one, counted as ``invalid_date`` or
    ``implausible_date``; and a budget that does not read ("Using ad set budget", as an ads
    platform writes one spending its ad sets' budgets): NULL, its ROI then unknown, counted as
    ``invalid_number``. A spend that does not read is still ``invalid_number``, rejected.
    """
    b = bronze
    typed = b.select(
        *LINEAGE,
        campaign_id=parse.clean_text(b.campaign_id),
        campaign_name=parse.clean_text(b.campaign_name).fill_null("Unnamed campaign"),
        campaign_type=parse.clean_text(b.campaign_type).fill_null("Unknown"),
        budget=parse.money(b.budget),
        spend=parse.money(b.spend),
        impressions=parse.integer(b.impressions),
        clicks=parse.integer(b.clicks),
        conversions=parse.integer(b.conversions),
        _start=parse.written_timestamp(b.start_date),
        status=parse.category(b.status, CAMPAIGN_STATUSES),
        _mistyped=first_true([(c, parse.not_text(b[c])) for c in CAMPAIGN_TEXTS]),
        _raw=ibis.struct({c: b[c] for c in CAMPAIGN_RAW}),
        **{f"_raw_{c}": b[c] for c in CAMPAIGN_AMOUNTS},
    )
    unknown = parse.implausible(typed._start)
    t = typed.mutate(start_date=ibis.ifelse(unknown, ibis.null("timestamp"), typed._start))
    # One check per column, that the reason may name it: the first column at fault names it.
    checks = [
        ("missing_key", t.campaign_id.isnull()),
        *(
            check
            for c in CAMPAIGN_AMOUNTS
            for check in (
                (f"{c}: other_currency", parse.other_currency(t[f"_raw_{c}"], t[c])),
                (f"{c}: ambiguous_amount", parse.ambiguous(t[f"_raw_{c}"], t[c])),
                (f"{c}: invalid_number", parse.invalid(t[f"_raw_{c}"], t[c])),
            )
            if check[0] != "budget: invalid_number"  # a repair: the budget is unknown
        ),
        *((f"{c}: invalid_number", parse.invalid(t._raw[c], t[c])) for c in CAMPAIGN_COUNTS),
        (t._mistyped + ": invalid_value", t._mistyped.notnull()),
        *((f"{c}: negative_amount", t[c] < 0) for c in ("budget", "spend")),
        *((f"{c}: negative_count", t[c] < 0) for c in CAMPAIGN_COUNTS),
        *((f"{c}: out_of_range", parse.too_large(t[c])) for c in CAMPAIGN_NUMBERS),
        # More clicks than impressions: the one or the other is wrong.
        ("inconsistent_counts", (t.clicks > t.impressions) | (t.conversions > t.clicks)),
    ]
    with_kpis = t.mutate(
        ctr=ratio(t.clicks, t.impressions) * 100,
        conversion_rate=ratio(t.conversions, t.clicks) * 100,
        cpc=ratio(t.spend, t.clicks),
        cpa=ratio(t.spend, t.conversions),
        roi=ratio(t.budget - t.spend, t.budget) * 100,
    )
    repairs = [
        ("start_date: invalid_date", parse.invalid(t._raw.start_date, t._start)),
        ("start_date: implausible_date", parse.implausible(t._start)),
        ("status: invalid_value", parse.invalid(t._raw.status, t.status)),
        ("budget: invalid_number", parse.invalid(t._raw_budget, t.budget)),
    ]
    return stage(with_kpis, checks, ["campaign_id"], CAMPAIGN_COLUMNS, repairs)


TRANSACTION_COLUMNS = (
    "transaction_id", "customer_id", "product", "amount", "quantity", "payment_method",
    "discount_applied", "shipping_cost", "total_amount", "transaction_at",
)  # fmt: skip
# The usual payment methods, spelt as seed 004 writes "Card": each one way whatever the case,
# spaces, hyphens or underscores a source writes it with ("paypal", "BANK_TRANSFER").
PAYMENT_METHODS = (
    "Card", "Credit Card", "Debit Card", "PayPal", "Bank Transfer", "Cash", "Apple Pay",
    "Google Pay", "Gift Card", "Direct Debit", "Buy Now Pay Later", "Cash on Delivery",
    "Store Credit",
)  # fmt: skip
TRANSACTION_AMOUNTS = ("amount", "discount_applied", "shipping_cost")


def stg_mongo_transactions(bronze: Table, customers: Table, as_of: datetime) -> Staged:
    """Typed transactions with seed 004's ``total_amount = amount − discount_applied +
    shipping_cost``; impossible rows rejected with a reason.

    ``customers`` (the customers source: its ``customer_id`` column) are the known customers:
    a transaction of anyone else is an orphan. Defaults: a missing discount or shipping cost is
    0, counted (``repaired``: ``discount_applied: missing_value``, ``shipping_cost:
    missing_value``, as the source did not write that 0, silver chose it), a missing product
    "Unknown product", a missing payment method "Unknown"; a JSON object,
    array or boolean where a product or a payment method belongs is ``invalid_value``; an
    amount written NaN is ``invalid_number`` (a value, not a number), one that may be 1234 or
    1.234 ("1.234" from a CSV, see ``parse.money``) ``ambiguous_amount``, one in another
    currency ("$1,200", a discount or shipping cost too) ``other_currency``. A missing
    timestamp is ``missing_timestamp``, one that does not read ``invalid_date``; one after
    ``as_of`` has not happened yet and is rejected, and so is one before 1990
    (``implausible_date``: a placeholder such as 1970-01-01, see ``parse.EARLIEST``); so is a
    discount that exceeds the amount plus shipping (``inconsistent_amount``: a total below 0).
    Duplicated transaction ids keep their first record.

    Products and payment methods are spelt as seed 004 writes them ("Laptop", "Card"): trimmed,
    and title-cased where written all in upper or all in lower case ("LAPTOP", "t-shirt" →
    "Laptop", "T-Shirt"; a mixed-case one, "iPhone", is kept as written); a usual payment
    method (``PAYMENT_METHODS``) is spelt one way whatever its case, spaces, hyphens or
    underscores ("paypal", "BANK_TRANSFER" → "PayPal", "Bank Transfer"), so that seed 004's
    product performance counts each product once.
    """
    b = bronze.mutate(
        _product=parse.clean_text(bronze.product),
        _method=parse.clean_text(bronze.payment_method),
    )
    b = parse.display_cased(b, "_product", "_method")
    # Not COALESCE: DuckDB would case every method, not only those it does not know.
    usual = parse.category(b.payment_method, PAYMENT_METHODS)
    method = ibis.cases((usual.notnull(), usual), else_=b._method)
    typed = b.select(
        *LINEAGE,
        transaction_id=parse.clean_text(b.transaction_id),
        customer_id=parse.clean_text(b.customer_id),
        product=b._product.fill_null("Unknown product"),
        amount=parse.money(b.amount),
        quantity=parse.integer(b.quantity),
        payment_method=method.fill_null("Unknown"),
        _discount=parse.money(b.discount_applied),
        _shipping=parse.money(b.shipping_cost),
        transaction_at=parse.written_timestamp(b.timestamp),
        _mistyped=first_true([(c, parse.not_text(b[c])) for c in ("product", "payment_method")]),
        _raw=ibis.struct({c: b[c] for c in ("quantity", "timestamp")}),
        # An amount's text is a column of its own: ``parse.ambiguous`` reads its source file.
        **{f"_raw_{c}": b[c] for c in TRANSACTION_AMOUNTS},
    )
    # Only a missing discount or shipping cost is 0: one written but unreadable is rejected.
    t = typed.mutate(
        discount_applied=typed._discount.fill_null(0.0),
        shipping_cost=typed._shipping.fill_null(0.0),
    )
    checks = [
        ("missing_key", t.transaction_id.isnull()),
        ("customer_id: missing_customer", t.customer_id.isnull()),
        (
            "customer_id: orphan_customer",
            parse.absent(t.customer_id, parse.clean_text(customers.customer_id)),
        ),
        ("amount: other_currency", parse.other_currency(t._raw_amount, t.amount)),
        ("amount: ambiguous_amount", parse.ambiguous(t._raw_amount, t.amount)),
        ("amount: invalid_number", parse.invalid_number(t._raw_amount, t.amount)),
        ("quantity: invalid_number", parse.invalid(t._raw.quantity, t.quantity)),
        *(
            check
            for c, parsed in (("discount_applied", t._discount), ("shipping_cost", t._shipping))
            for check in (
                (f"{c}: other_currency", parse.other_currency(t[f"_raw_{c}"], parsed)),
                (f"{c}: ambiguous_amount", parse.ambiguous(t[f"_raw_{c}"], parsed)),
                (f"{c}: invalid_number", parse.invalid(t[f"_raw_{c}"], parsed)),
            )
        ),
        (t._mistyped + ": invalid_value", t._mistyped.notnull()),
        ("amount: missing_amount", t.amount.isnull()),
        *((f"{c}: negative_amount", t[c] < 0) for c in TRANSACTION_AMOUNTS),
        ("quantity: missing_quantity", t.quantity.isnull()),
        ("quantity: non_positive_quantity", t.quantity <= 0),
        *(
            (f"{c}: out_of_range", parse.too_large(t[c]))
            for c in (*TRANSACTION_AMOUNTS, "quantity")
        ),
        ("timestamp: invalid_date", parse.invalid(t._raw.timestamp, t.transaction_at)),
        ("timestamp: missing_timestamp", t.transaction_at.isnull()),
        ("timestamp: implausible_date", parse.implausible(t.transaction_at)),
        ("timestamp: future_date", t.transaction_at > ibis.literal(as_of.replace(tzinfo=None))),
        # A discount larger than the amount and the shipping would make the total negative.
        ("inconsistent_amount", t.amount - t.discount_applied + t.shipping_cost < 0),
    ]
    typed_total = t.mutate(total_amount=t.amount - t.discount_applied + t.shipping_cost)
    # Counted on the rows kept only, where a NULL read is a value missing: one unreadable is
    # rejected by the checks above.
    repairs = [
        ("discount_applied: missing_value", t._discount.isnull()),
        ("shipping_cost: missing_value", t._shipping.isnull()),
    ]
    return stage(typed_total, checks, ["transaction_id"], TRANSACTION_COLUMNS, repairs)


CUSTOMER_COLUMNS = (
    "customer_id", "first_name", "last_name", "full_name", "email_hash", "phone_hash",
    "has_valid_email", "has_valid_phone", "age", "country", "city", "gender", "marketing_consent",
)  # fmt: skip
GENDERS = {"m": "M", "male": "M", "man": "M", "h": "M", "homme": "M", "hombre": "M",
           "f": "F", "female": "F", "woman": "F", "w": "F", "femme": "F", "mujer": "F"}  # fmt: skip
# As ``parse.boolean`` reads a truth value: "sí", "ja" or "t" is as much a yes as "oui".
CONSENT = parse.TRUTH
AGE_RANGE = (13, 110)
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Ages typed out in words, as free-text form fields hold them ("thirty-five").
AGE_WORDS = {
    (_UNITS[n] if n < 20 else _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")): n
    for n in range(AGE_RANGE[0], 100)
}


def stg_mongo_customers(bronze: Table, pseudonymise: Pseudonymise) -> Staged:
    """Marketing contacts: seed 004's ``full_name``, pseudonymised e-mail and phone, conformed
    country, gender and consent; rejected: a row without an id or repeating one, and a value
    of the wrong JSON type (an object, array or boolean where text belongs, a number as a
    name or a city: ``invalid_value``, the record is not what the contract describes).

    Repairs and defaults (seed 004: missing values get defaults): e-mail trimmed and
    lower-cased, kept (hashed) only when deliverable; phone in E.164 for the contact's
    country, kept (hashed) only when valid; country as ISO code; gender M, F or U; ages like
    "46 years" or "forty-six" read, mis-encoded names and cities repaired ("Ã©" → "é"), then
    title-cased where written all in upper or all in lower case ("jean" "DUPONT" → "Jean"
    "Dupont", "SAN ANTONIO" → "San Antonio"; ``full_name`` joins the cased parts); consent
    "yes"/"Y"/"1"/"oui" → true, missing → false (the most restrictive reading). A value
    present but unreadable — an unknown country, an undeliverable e-mail or phone, an age
    that does not read or lies outside 13–110, an unknown gender or consent — becomes NULL
    (U for gender, false for consent) and is counted (``repaired``, by column and reason): the
    contact stays, its transactions need it. No clear-text e-mail or phone leaves this model.
    """
    # Values used more than once are worked out once, in a first step: a later use would
    # repeat the whole expression (the country's spellings, a phone parsed twice).
    b = bronze.mutate(
        _country=conform.country_iso(bronze.country),
        _mail=conform.email(bronze.email),
        _age_text=parse.lower(parse.clean_text(bronze.age)),
        _gender=parse.lower(parse.clean_text(bronze.gender)),
        _consent=parse.lower(parse.clean_text(bronze.marketing_consent)),
        _first=conform.repaired_text(bronze.first_name),
        _last=conform.repaired_text(bronze.last_name),
        _city=conform.repaired_text(bronze.city),
    )
    b = parse.display_cased(b, "_first", "_last", "_city")
    b = b.mutate(_phone=conform.phone_e164(parse.clean_text(b.phone), b._country))
    first, last = b._first, b._last
    digits = b._age_text.re_extract(r"^([0-9]{1,3})(\.0+)?( ?(years|ans|yrs))?\z", 1).nullif("")
    # Not COALESCE: DuckDB would look every age up among the words.
    age = ibis.cases(
        (digits.notnull(), digits.try_cast("int64")),
        else_=b._age_text.substitute(AGE_WORDS, else_=ibis.null("int64")),
    )
    gender = b._gender.substitute(GENDERS, else_=ibis.null("string"))
    consent = b._consent.substitute(CONSENT, else_=ibis.null("boolean"))
    # The first column, in the source's order, holding a value of the wrong type; NULL if none.
    mistyped = first_true([
        ("first_name", parse.not_a_name(b.first_name)),
        ("last_name", parse.not_a_name(b.last_name)),
        ("email", parse.not_text(b.email)), ("phone", parse.not_text(b.phone)),
        ("age", parse.structured(b.age)), ("country", parse.not_text(b.country)),
        ("city", parse.not_a_name(b.city)), ("gender", parse.not_text(b.gender)),
        ("marketing_consent", parse.structured(b.marketing_consent)),
    ])  # fmt: skip
    typed = b.select(
        *LINEAGE,
        customer_id=parse.clean_text(b.customer_id),
        first_name=first,
        last_name=last,
        full_name=ibis.coalesce(
            ibis.ifelse(
                first.notnull() & last.notnull(), first + " " + last, ibis.coalesce(first, last)
            ),
            ibis.literal("Unknown"),
        ),
        email_hash=pseudonymise(b._mail),
        phone_hash=pseudonymise(b._phone),
        has_valid_email=b._mail.notnull(),
        has_valid_phone=b._phone.notnull(),
        age=ibis.ifelse(age.between(*AGE_RANGE), age, ibis.null("int64")),
        country=b._country,
        city=b._city,
        gender=gender.fill_null("U"),
        marketing_consent=consent.fill_null(False),
        _age=age,
        _mistyped=mistyped,
        _known=ibis.struct(
            {
                "gender": b._gender.isnull() | gender.notnull(),
                "consent": b._consent.isnull() | consent.notnull(),
            }
        ),
        _raw=ibis.struct({c: b[c] for c in ("email", "phone", "age", "country")}),
    )
    t = typed
    checks = [
        ("missing_key", t.customer_id.isnull()),
        (t._mistyped + ": invalid_value", t._mistyped.notnull()),
    ]
    repairs = [
        ("country: invalid_value", parse.invalid(t._raw.country, t.country)),
        ("email: invalid_value", parse.invalid(t._raw.email, t.email_hash)),
        ("phone: invalid_value", parse.invalid(t._raw.phone, t.phone_hash)),
        ("age: invalid_number", parse.invalid(t._raw.age, t._age)),
        ("age: out_of_range", t._age.notnull() & t.age.isnull()),
        ("gender: invalid_value", ~t._known.gender),
        ("marketing_consent: invalid_value", ~t._known.consent),
    ]
    return stage(t, checks, ["customer_id"], CUSTOMER_COLUMNS, repairs)
