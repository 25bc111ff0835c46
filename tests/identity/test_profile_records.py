"""Profile phones: one parse per distinct number, the same answer as parsing each record's."""

from __future__ import annotations

import pyarrow as pa

from c360.identity.normalise import phone_e164
from c360.identity.profile_records import phones

NUMBERS = [
    ("06 12 34 56 78", "FR"), ("0612345678", "FR"), ("06.12.34.56.78.", "FR"),
    ("+33 (0)6 12 34 56 78", "GB"), ("+33612345678", None), ("+ 33 6 12 34 56 78", "US"),
    ("0033 6 12 34 56 78", "FR"), ("(+33) 612345678", "FR"), ("+33+612345678", "FR"),
    ("(650) 253-0000", "US"), ("650 253 0000", "CA"), ("1-650-253-0000", "US"),
    ("+1 650-253-0000 x12", "US"), ("+1 650-253-0000 #12", "US"), ("0612345678,,12", "FR"),
    ("06 12 34 56 78 / 06 12 34 56 79", "FR"), ("１２３４５６７８９０", "US"),
    ("12", "FR"), ("1 2", "FR"), ("+12", None), ("+", "FR"), ("", "FR"), ("  ", None),
    ("07442 408691", "GB"), ("07442 408691", None), ("+44 7442 408691", "FR"),
    ("06 12 34 56 78", None), ("call 0612345678", "FR"), (None, "FR"), ("0" * 251, "FR"),
]  # fmt: skip


def test_phones_match_parsing_every_record() -> None:
    values = pa.array([n for n, _ in NUMBERS], pa.string())
    countries = pa.array([c for _, c in NUMBERS], pa.string())
    expected = [phone_e164(n, c) for n, c in NUMBERS]
    assert phones(values, countries).to_pylist() == expected
    assert expected[:6] == ["+33612345678"] * 6  # the cases merged into one parse
    assert expected[9] == "+16502530000" and expected[18] is None
