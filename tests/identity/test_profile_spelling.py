"""Names and cities written without accents, case or hyphens, shown with those most people of the
customer's country who hold the same name write it with (``profile_spelling.with_common_accents``,
``with_common_case``, ``with_common_separators``); a doubled hyphen dropped
(``profile_spelling.tidied``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pyarrow as pa

from c360.identity.normalise import city_key, name_key
from c360.identity.profile_attributes import survivors

JAN = datetime(2024, 1, 1)
SCHEMA = pa.schema([
    ("record_key", pa.string()), ("source", pa.string()), ("customer360_id", pa.string()),
    ("updated_at", pa.timestamp("us")),
    ("first_name", pa.string()), ("first_name_key", pa.string()),
    ("last_name", pa.string()), ("last_name_key", pa.string()),
    ("city", pa.string()), ("city_key", pa.string()), ("country", pa.string()),
])  # fmt: skip


def person(
    customer: str, country: str | None, first: str, last: str = "Martin", city: str | None = None
) -> dict[str, Any]:
    """A record of ``customer`` (its key the customer's, from source crm)."""
    return {
        "record_key": f"crm:{customer}", "source": "crm", "customer360_id": customer,
        "updated_at": JAN, "first_name": first, "first_name_key": name_key(first),
        "last_name": last, "last_name_key": name_key(last),
        "city": city, "city_key": city_key(city), "country": country,
    }  # fmt: skip


def shown(rows: list[dict[str, Any]], customer: str) -> dict[str, tuple[str, str]]:
    """Each attribute's (display, record_key) that ``customer``'s profile shows."""
    won = survivors(pa.Table.from_pylist(rows, schema=SCHEMA), {}).to_pylist()
    return {
        r["attribute"]: (r["display"], r["record_key"])
        for r in won
        if r["customer360_id"] == customer
    }


def test_a_name_without_accents_takes_those_most_of_its_country_write_it_with() -> None:
    # Three French customers of four called Helene write Hélène: the fourth, whose records
    # dropped the accents, is Hélène too. The record shown stays its own.
    rows = [person(c, "FR", "Hélène") for c in ("c1", "c2", "c3")]
    rows += [person("c4", "FR", "Helene")]
    assert shown(rows, "c4")["first_name"] == ("Hélène", "crm:c4")
    # Most German Helenes write no accent: a German Helene stays Helene, whatever the French.
    rows += [person(c, "DE", "Helene") for c in ("d1", "d2", "d3")]
    rows += [person(c, "DE", "Hélène") for c in ("d4", "d5")]
    assert shown(rows, "d1")["first_name"] == ("Helene", "crm:d1")
    # Half is no majority: Kühn and Kuhn are two names.
    rows = [person(c, "DE", "Jan", "Kühn") for c in ("c1", "c2", "c3")]
    rows += [person(c, "DE", "Jan", "Kuhn") for c in ("c4", "c5", "c6")]
    assert shown(rows, "c4")["last_name"] == ("Kuhn", "crm:c4")


def test_a_common_spelling_needs_enough_people_and_the_same_letters() -> None:
    # Two people are too few to speak for a country.
    rows = [person(c, "ES", "Raúl") for c in ("c1", "c2")] + [person("c3", "ES", "Raul")]
    assert shown(rows, "c3")["first_name"] == ("Raul", "crm:c3")
    # Of two accented spellings the one more people hold; only for the very same letters and
    # case (RAUL or Raul-Angel are other spellings), and never for a customer of no country.
    rows = [person(c, "ES", "Raúl") for c in ("c1", "c2", "c3")] + [person("c4", "ES", "Raül")]
    rows += [person("c5", "ES", "Raul"), person("c6", "ES", "Raul-Angel"),
             person("c7", None, "Raul")]  # fmt: skip
    assert shown(rows, "c5")["first_name"] == ("Raúl", "crm:c5")
    assert shown(rows, "c6")["first_name"] == ("Raul-Angel", "crm:c6")
    assert shown(rows, "c7")["first_name"] == ("Raul", "crm:c7")


def test_a_city_without_accents_takes_those_most_of_its_country_write_it_with() -> None:
    rows = [person(c, "FR", "Marie", city="Orléans") for c in ("c1", "c2", "c3")]
    rows += [person("c4", "FR", "Marie", city="Orleans")]
    assert shown(rows, "c4")["city"] == ("Orléans", "crm:c4")
    # A customer's own record spelling the city still comes first.
    rows += [person("c5", "FR", "Marie", city="Orleans"),
             {**person("c5", "FR", "Marie", city="Orlèans"), "record_key": "web:c5"}]  # fmt: skip
    assert shown(rows, "c5")["city"] == ("Orlèans", "web:c5")


def test_sharp_s_and_dotless_i_count_as_accents() -> None:
    # Weiss is how a system without ß writes Weiß: most German Weisses write Weiß.
    rows = [person(c, "DE", "Jan", "Weiß") for c in ("c1", "c2", "c3")]
    rows += [person("c4", "DE", "Jan", "Weiss"), person("c5", "DE", "Jan", "Yilmaz")]
    rows += [person(c, "DE", "Jan", "Yılmaz") for c in ("c6", "c7", "c8")]
    assert shown(rows, "c4")["last_name"] == ("Weiß", "crm:c4")
    assert shown(rows, "c5")["last_name"] == ("Yılmaz", "crm:c5")
    # Weiss is a name too: where as many write it so, it stays.
    rows += [person(c, "DE", "Jan", "Weiss") for c in ("d1", "d2")]
    assert shown(rows, "c4")["last_name"] == ("Weiss", "crm:c4")


def test_an_umlaut_written_out_takes_the_umlaut_most_of_its_country_write() -> None:
    # Dörte written out as Doerte, or without its dots: most German Dörtes write the umlaut.
    rows = [person(c, "DE", "Dörte") for c in ("c1", "c2", "c3", "c4")]
    rows += [person("c5", "DE", "Doerte"), person("c6", "DE", "Dorte")]
    rows += [person("c7", "DE", "Anna", "von Buelow")]
    rows += [person(c, "DE", "Anna", "von Bülow") for c in ("c8", "c9", "c10")]
    assert shown(rows, "c5")["first_name"] == ("Dörte", "crm:c5")
    assert shown(rows, "c6")["first_name"] == ("Dörte", "crm:c6")
    assert shown(rows, "c7")["last_name"] == ("von Bülow", "crm:c7")
    # Those writing it out count among the people holding the name: Moeller is a name too.
    rows = [person(c, "DE", "Jan", "Möller") for c in ("c1", "c2", "c3")]
    rows += [person(c, "DE", "Jan", "Moeller") for c in ("c4", "c5", "c6")]
    rows += [person("c7", "DE", "Jan", "Moller")]
    assert shown(rows, "c4")["last_name"] == ("Moeller", "crm:c4")
    assert shown(rows, "c7")["last_name"] == ("Moller", "crm:c7")
    # Michael holds "ae" and no umlaut: no one writes Michäl.
    rows = [person(c, "DE", "Michael") for c in ("c1", "c2", "c3")]
    assert shown(rows, "c1")["first_name"] == ("Michael", "crm:c1")


def test_a_particle_title_cased_takes_the_case_most_of_its_country_write() -> None:
    # Von Stein title-cased (from capitals, say): most German von Steins write "von".
    rows = [person(c, "DE", "Jan", "von Stein") for c in ("c1", "c2", "c3")]
    rows += [person("c4", "DE", "Jan", "Von Stein"), person("c5", "FR", "Jan", "Von Stein")]
    assert shown(rows, "c4")["last_name"] == ("von Stein", "crm:c4")
    # Another country's Von Stein is its own.
    assert shown(rows, "c5")["last_name"] == ("Von Stein", "crm:c5")
    # People writing the name without its accents lend their case to one written with them.
    rows = [person(c, "ES", "Ana", "Fernandez de Castro") for c in ("c1", "c2")]
    rows += [person(c, "ES", "Ana", "Fernández de Castro") for c in ("c3",)]
    rows += [person("c4", "ES", "Ana", "Fernández De Castro")]
    assert shown(rows, "c4")["last_name"] == ("Fernández de Castro", "crm:c4")
    # Half is no majority.
    rows = [person(c, "FR", "Luc", "de Villiers") for c in ("c1", "c2", "c3")]
    rows += [person(c, "FR", "Luc", "De Villiers") for c in ("c4", "c5", "c6")]
    assert shown(rows, "c4")["last_name"] == ("De Villiers", "crm:c4")


def test_a_doubled_hyphen_or_a_space_beside_a_hyphen_is_dropped() -> None:
    rows = [person("c1", "DE", "Marie--Luise", "Schmidt - Wagner", city="Halle (Saale)")]
    assert {a: d for a, (d, _) in shown(rows, "c1").items()} == {
        "first_name": "Marie-Luise", "last_name": "Schmidt-Wagner", "city": "Halle (Saale)",
        "country": "DE",
    }  # fmt: skip
    # Nor when the accents come from a record writing one.
    rows = [person("c1", "FR", "Marie-Helene"),
            {**person("c1", "FR", "Marie--Hélène"), "record_key": "web:c1"}]  # fmt: skip
    assert shown(rows, "c1")["first_name"] == ("Marie-Hélène", "web:c1")


def test_a_hyphen_or_apostrophe_a_slip_dropped_takes_those_most_of_its_country_write() -> None:
    # Ten German customers write Hans-Peter: one whose records all write HansPeter, or Hans
    # Peter, is Hans-Peter too; as is a US OConnor among O'Connors. The record shown stays its own.
    rows = [person(f"d{i}", "DE", "Hans-Peter", "O'Connor") for i in range(10)]
    rows += [person(f"u{i}", "US", "Hans-Peter", "O'Connor") for i in range(10)]
    rows += [person("c1", "DE", "HansPeter"), person("c2", "DE", "Hans Peter")]
    rows += [person("c3", "US", "Jan", "OConnor"), person("c4", "DE", "Jan", "OConnor")]
    assert shown(rows, "c1")["first_name"] == ("Hans-Peter", "crm:c1")
    assert shown(rows, "c2")["first_name"] == ("Hans-Peter", "crm:c2")
    assert shown(rows, "c3")["last_name"] == ("O'Connor", "crm:c3")
    assert shown(rows, "c4")["last_name"] == ("O'Connor", "crm:c4")
    # A sign moved or doubled is put back in its place, in title case where title case gave the
    # case shown (OB'RIEN, a slip of O'BRIEN title-cased, as O'Brien; LeG all as Le Gall).
    rows = [person(f"g{i}", "GB", "Jan", "O'Brien", city="St. Ives") for i in range(10)]
    rows += [person(f"f{i}", "FR", "Jan", "Le Gall") for i in range(10)]
    rows += [person("c1", "GB", "Jan", "Ob'Rien", city="St.. Ives"),
             person("c2", "FR", "Jan", "LeG all")]  # fmt: skip
    assert shown(rows, "c1")["last_name"] == ("O'Brien", "crm:c1")
    assert shown(rows, "c1")["city"] == ("St. Ives", "crm:c1")
    assert shown(rows, "c2")["last_name"] == ("Le Gall", "crm:c2")


def test_a_name_written_without_a_hyphen_by_enough_people_is_a_name_of_its_own() -> None:
    # Leroux is as many French people's name as Le Roux: more than half of them write Le Roux,
    # but Leroux is no slip of it.
    rows = [person(f"f{i}", "FR", "Jan", "Le Roux") for i in range(11)]
    rows += [person(f"g{i}", "FR", "Jan", "Leroux") for i in range(9)]
    assert shown(rows, "g0")["last_name"] == ("Leroux", "crm:g0")
    # A slip is one spelling of many: two people writing it of ten holding the name are too many.
    rows = [person(f"d{i}", "DE", "Hans-Peter") for i in range(10)]
    rows += [person(c, "DE", "HansPeter") for c in ("c1", "c2")]
    assert shown(rows, "c1")["first_name"] == ("HansPeter", "crm:c1")
    # Nor without a common spelling: half is no majority.
    rows = [person(f"d{i}", "DE", "Hans-Peter") for i in range(10)]
    rows += [person(f"e{i}", "DE", "Hans Peter") for i in range(10)]
    rows += [person("c1", "DE", "HansPeter")]
    assert shown(rows, "c1")["first_name"] == ("HansPeter", "crm:c1")
    # Other letters are another name (Jean-Pierre lends nothing to JeanPierr), accents and case
    # aside (Jean-François to Jeanfrancois, title-cased from capitals, in the majority's accents).
    rows = [person(f"f{i}", "FR", "Jean-François") for i in range(10)]
    rows += [person(f"p{i}", "FR", "Jean-Pierre") for i in range(10)]
    rows += [person("c1", "FR", "JeanPierr"), person("c2", "FR", "Jeanfrancois")]
    assert shown(rows, "c1")["first_name"] == ("JeanPierr", "crm:c1")
    assert shown(rows, "c2")["first_name"] == ("Jean-François", "crm:c2")
