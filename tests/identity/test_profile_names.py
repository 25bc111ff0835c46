"""Names written the other way round (``profile_names``), read against the customer's e-mail
addresses in letters of any script."""

from __future__ import annotations

import pytest

from c360.identity.profile_names import address_order
from tests.identity.test_profile_attributes import FEB, JAN, mailed, names_and_emails


@pytest.mark.parametrize("address", ["dupré.lefèvre@orange.fr", "dupre.lefevre@orange.fr"])
def test_an_address_with_accents_orders_two_surnames_as_the_ascii_one_does(address: str) -> None:
    # Neither name is a given name and the records disagree: the address says which is first.
    rows = [
        mailed("crm:1", JAN, "Lefèvre", "Dupré", address),
        mailed("web:1", FEB, "Dupré", "Lefèvre", None),
    ]
    assert names_and_emails(rows) == [("c1", "Dupré", "Lefèvre")]


def test_the_letters_of_a_mailbox_are_read_in_any_script_without_accents() -> None:
    assert address_order("garcia", "jose", ("josé.garcía",)) == (-1, 0)
    assert address_order("jurgen", "gross", ("jürgen.groß",)) == (1, 0)
    assert address_order("jose", "garcia", ("jgarcía",)) == (0, 1)
    assert address_order("παππασ", "ηλιασ", ("ηλίας.παππάς",)) == (-1, 0)
