"""Names read against the customer's own e-mail addresses (``profile_addresses``): an address
that writes an umlaut out corrects no name."""

from __future__ import annotations

from c360.identity.profile_attributes import survivors
from tests.identity.test_profile_attributes import (
    FEB,
    JAN,
    mailed,
    names_and_emails,
    values_table,
)


def test_an_address_writing_the_umlaut_out_leaves_the_name_as_the_record_spells_it() -> None:
    # An address holds no umlaut: mueller@ writes Müller's ü out, it corrects no typo.
    rows = [
        mailed("crm:1", JAN, "Anna", "Müller", "anna.mueller@web.de"),
        mailed("crm:2", JAN, "Jörg", "Schäfer", "joerg.schaefer@gmx.de", "c2"),
        mailed("crm:3", JAN, "Anna", "Müller", "mueller@gmx.de", "c3"),
        mailed("crm:4", JAN, "Götz", "Köhler", "goetz.koehler@gmx.de", "c4"),
        mailed("crm:5", JAN, "Änne", "JÄGER", "aenne.jaeger@web.de", "c5"),
        mailed("crm:6", JAN, "Jürgen", "Weißmüller", "j.weissmueller@gmx.de", "c6"),
        # ß written ss is the name's key already.
        mailed("crm:7", JAN, "Jürgen", "Groß", "juergen.gross@gmx.de", "c7"),
        # The record spelling the umlaut is another of the customer's: shown as it spells it.
        mailed("crm:8", JAN, "Anna", "Muller", "anna.mueller@example.de", "c8"),
        mailed("web:8", FEB, "Anna", "Müller", None, "c8"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Anna", "Müller"), ("c2", "Jörg", "Schäfer"), ("c3", "Anna", "Müller"),
        ("c4", "Götz", "Köhler"), ("c5", "Änne", "JÄGER"), ("c6", "Jürgen", "Weißmüller"),
        ("c7", "Jürgen", "Groß"), ("c8", "Anna", "Müller"),
    ]  # fmt: skip
    won = survivors(values_table(rows, ("first_name", "last_name", "email")), {}).to_pylist()
    shown = {(r["customer360_id"], r["attribute"]): r["record_key"] for r in won}
    assert shown["c1", "last_name"] == "crm:1"
    assert shown["c8", "last_name"] == "web:8"


def test_an_address_writing_the_umlaut_out_corrects_a_typo_of_the_name_with_it() -> None:
    # Schäffer and Müler are one typo from Schäfer and Müller, whose umlauts the addresses
    # write out: the record's umlaut and case are kept. Muller holds no umlaut and no record
    # of the customer spells one: the address is read as it is written.
    rows = [
        mailed("crm:1", JAN, "Anna", "Schäffer", "a.schaefer@example.com"),
        mailed("crm:2", JAN, "Anna", "Müler", "anna.mueller@example.de", "c2"),
        mailed("crm:3", JAN, "Anna", "MÜLER", "mueller.anna@example.de", "c3"),
        mailed("crm:4", JAN, "Anna", "Muller", "anna.mueller@example.com", "c4"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "Anna", "Schäfer"), ("c2", "Anna", "Müller"), ("c3", "Anna", "MÜLLER"),
        ("c4", "Anna", "Mueller"),
    ]  # fmt: skip


def test_an_address_in_letters_of_any_script_spells_the_name_as_its_key_reads_it() -> None:
    # josé.garcía@ and pierre.dupré@ spell José García and Pierre Dupré: read a to z only,
    # "dupr" was one typo from Dupré and "corrected" it. Lefèvre, which the address spells,
    # outvotes the typo Lefèrve of two records; an address of another script spells its name.
    rows = [
        mailed("crm:1", JAN, "José", "García", "josé.garcía@correo.es"),
        mailed("crm:2", JAN, "Pierre", "Dupré", "pierre.dupré@orange.fr", "c2"),
        mailed("crm:3", JAN, "Renée", "Lefèvre", "renée.lefèvre@orange.fr", "c3"),
        mailed("web:3", FEB, "Renée", "Lefèrve", None, "c3"),
        mailed("web:4", FEB, "Renée", "Lefèrve", None, "c3"),
        mailed("crm:5", JAN, "Jürgen", "Groß", "jürgen.groß@gmx.de", "c5"),
        mailed("crm:6", JAN, "Ηλίας", "Παππάς", "ηλίας.παππάς@example.gr", "c6"),
        mailed("web:6", FEB, "Ηλίας", "Παπάς", None, "c6"),
        mailed("web:7", FEB, "Ηλίας", "Παπάς", None, "c6"),
    ]
    assert names_and_emails(rows) == [
        ("c1", "José", "García"), ("c2", "Pierre", "Dupré"), ("c3", "Renée", "Lefèvre"),
        ("c5", "Jürgen", "Groß"), ("c6", "Ηλίας", "Παππάς"),
    ]  # fmt: skip


def test_an_address_with_accents_reads_as_the_same_address_without_them() -> None:
    # What an ASCII address decides, the address spelt with the name's accents decides alike.
    def customers(mail: dict[str, str]) -> list[tuple[str, str, str]]:
        return names_and_emails([
            mailed("crm:1", JAN, "Hélène", "Dubé", mail["dube"]),
            mailed("web:1", FEB, "Hélène", "Dubée", None),
            mailed("crm:2", JAN, "Inès", "Lebrun", mail["lebrun"], "c2"),
            mailed("web:2", FEB, "Inès", "Leburn", None, "c2"),
        ])  # fmt: skip

    accented = {"dube": "hélène.dubé@orange.fr", "lebrun": "inès.lebrun@orange.fr"}
    plain = {"dube": "helene.dube@orange.fr", "lebrun": "ines.lebrun@orange.fr"}
    assert customers(accented) == customers(plain) == [
        ("c1", "Hélène", "Dubé"), ("c2", "Inès", "Lebrun"),
    ]  # fmt: skip
