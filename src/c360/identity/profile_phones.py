"""A customer's phone: which of its numbers may win.

A mobile reaches the person; a landline whoever is home. So a landline is no candidate beside
a mobile the customer's records hold, whatever the rule, and every number stays in ``phones``.
Pure functions on Arrow tables, the records' values (``profile_records.record_values``: numbers
in E.164) in.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import phonenumbers
import pyarrow as pa

from c360.identity.profile_names import encoded

FIXED_LINE, MOBILE = phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE


@lru_cache(maxsize=1 << 16)
def number_type(number: str) -> int | None:
    """The kind of an E.164 number (``phonenumbers.PhoneNumberType``); None for anything else.

    Where a country's plan cannot tell a landline from a mobile (the United States, Canada),
    the kind is FIXED_LINE_OR_MOBILE: neither one nor the other here."""
    if not number.startswith("+"):
        return None
    try:
        return int(phonenumbers.number_type(phonenumbers.parse(number)))
    except phonenumbers.NumberParseException:
        return None


def landlines_beside_mobiles(values: pa.Table) -> np.ndarray:
    """Per record: whether its phone is a landline while a record of its customer holds a
    mobile. A customer with landlines only, or numbers whose kind no plan tells, is left to the
    rule."""
    found = np.zeros(values.num_rows, dtype=bool)
    if "phone" not in values.column_names:
        return found
    numbers, codes = encoded(values.column("phone"))
    if not len(numbers):
        return found
    _, customer = encoded(values.column("customer360_id"))
    size = len(numbers)
    held = np.unique(customer[codes >= 0] * size + codes[codes >= 0])  # each number once
    # Only a customer holding two numbers or more has one to give way: their numbers are few
    # (telling a number's kind is the costly part).
    several = np.isin(held // size, (held // size)[np.flatnonzero(np.diff(held // size) == 0)])
    asked = np.unique(held[several] % size)
    kinds = np.full(size + 1, -1, dtype=np.int64)  # code -1 (NULL) takes the last
    kinds[asked] = [
        -1 if k is None else k for k in map(number_type, numbers.take(asked).to_pylist())
    ]
    kind = kinds[codes]
    fixed = kind == FIXED_LINE
    if not fixed.any():
        return found
    # A record of no customer (code -1) takes the appended False, and gives no one a mobile.
    has_mobile = np.zeros(int(customer.max()) + 2, dtype=bool)
    has_mobile[customer[(kind == MOBILE) & (customer >= 0)]] = True
    return fixed & has_mobile[customer]
