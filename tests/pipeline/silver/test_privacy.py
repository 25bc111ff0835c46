"""Pseudonyms: HMAC-SHA256 with the workspace's key, the same for every key length."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from c360.pipeline.silver.privacy import pseudonym


@pytest.mark.parametrize("key", [b"k", b"0123456789abcdef" * 4, b"x" * 65, "clé".encode()])
def test_a_pseudonym_is_the_hmac_sha256_of_the_value(key: bytes) -> None:
    for value in ["ann@mail.fr", "", "Élodie", "+33612345678"]:
        expected = hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
        assert pseudonym(key, value) == expected


def test_each_key_gives_its_own_pseudonyms_and_nothing_stays_nothing() -> None:
    first, second = pseudonym(b"one", "ann@mail.fr"), pseudonym(b"two", "ann@mail.fr")
    assert first != second
    assert pseudonym(b"one", "ann@mail.fr") == first  # the keyed start is reused, unchanged
    assert pseudonym(b"one", None) is None
    assert pseudonym(b"one", "ann@mail.fr", "md5") == hashlib.md5(b"ann@mail.fr").hexdigest()
