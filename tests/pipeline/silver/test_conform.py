"""Conformed values on every engine: ISO countries, E.164 phones, e-mails, repaired encoding."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import conform


def test_conformers_on_literal_values(engine: Engine) -> None:
    t = engine.register(
        "conform_cases",
        pa.table(
            {
                "country": [" France", "fra", "UK", "Atlantis"],
                "phone": ["06 12 34 56 78", "1212ABC5799", "+49 30 901820", "n/a"],
                "region": ["FR", "US", "DE", "FR"],
                "email": [" Ann@Mail.COM ", "bo@", "a b@x.com", "z@x.io"],
                "text": ["MÃ¼nchen", "Ã‰lodie", "plain", None],
            }
        ),
    )
    out = engine.to_arrow(
        t.select(
            country=conform.country_iso(t.country),
            phone=conform.phone_e164(t.phone, t.region),
            email=conform.email(t.email),
            text=conform.repair_encoding(t.text),
        )
    ).to_pydict()
    assert out == {
        "country": ["FR", "FR", "GB", None],
        # Letters in a number are a typo, not a vanity number.
        "phone": ["+33612345678", None, "+4930901820", None],
        "email": ["ann@mail.com", None, None, "z@x.io"],
        "text": ["München", "Élodie", "plain", None],
    }


def test_every_country_of_the_world_reads_by_its_codes_or_names(engine: Engine) -> None:
    """Not only the five of the seeds: Italy however written, an accented official name, a
    common name, names in French, German and Dutch; text that only looks like the lookup's
    separators finds nothing."""
    written = [
        "Italy", " IT ", "ita", "Italian Republic", "Côte d'Ivoire", "Viet Nam", "Belgique",
        "Schweiz", "Nederland", "it=IT|fr", "be|", "Atlantis", None,
    ]  # fmt: skip
    t = engine.register("countries", pa.table({"country": pa.array(written, pa.string())}))
    out = engine.to_arrow(t.select(iso=conform.country_iso(t.country))).column("iso")
    assert out.to_pylist() == [
        "IT", "IT", "IT", "IT", "CI", "VN", "BE", "CH", "NL", None, None, None, None
    ]  # fmt: skip
