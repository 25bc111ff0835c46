"""Entities: catalogue products and brands, competitors, amounts in every locale, dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import entities
from c360.text.entities import DEFAULT_COMPETITORS, Entity, brand_of, extract_entities, fold

PRODUCTS = [
    ("PROD_00001", "Nordhaus Doormat Premium"),
    ("PROD_00002", "Nordhaus Doormat Premium 2"),
    ("PROD_00003", "La Belle Récolte Protein Bar Eco"),
    ("PROD_00004", "Teklaro External SSD Plus"),
]


def kinds(text: str, language: str | None = "en", **kw: object) -> list[tuple[str, str, str]]:
    found = extract_entities(text, language, PRODUCTS, **kw)  # type: ignore[arg-type]
    return [(e.kind, e.text, e.ref or "") for e in found]


def test_products_link_to_their_id_ignoring_case_and_accents() -> None:
    text = "Wants the nordhaus doormat PREMIUM and la belle recolte protein bar eco."
    found = extract_entities(text, "en", PRODUCTS)
    products = [e for e in found if e.kind == "product"]
    assert [(e.text, e.ref) for e in products] == [
        ("nordhaus doormat PREMIUM", "PROD_00001"),
        ("la belle recolte protein bar eco", "PROD_00003"),
    ]
    assert all(text[e.start : e.end] == e.text for e in found)


def test_the_longest_product_name_wins() -> None:
    assert ("product", "Nordhaus Doormat Premium 2", "PROD_00002") in kinds(
        "Ordered a Nordhaus Doormat Premium 2 today."
    )
    assert ("product", "Nordhaus Doormat Premium", "PROD_00001") in kinds(
        "Ordered a Nordhaus Doormat Premium 20 times."
    )


def test_brands_from_product_names_or_from_a_list() -> None:
    assert brand_of("La Belle Récolte Protein Bar Eco") == "La Belle"
    assert brand_of("Teklaro External SSD Plus") == "Teklaro"
    text = "Compared Teklaro with Maison Verlaine."
    assert [k for k in kinds(text) if k[0] == "brand"] == [("brand", "Teklaro", "Teklaro")]
    listed = kinds(text, brands=["Teklaro", "Maison Verlaine"])
    assert ("brand", "Maison Verlaine", "Maison Verlaine") in listed
    assert ("brand", "Nordhaus", "Nordhaus") in kinds("The Nordhaus Doormat Premium is back.")


def test_competitors_are_proper_nouns_and_configurable() -> None:
    assert ("competitor", "Amazon", "Amazon") in kinds("Found it cheaper on Amazon.")
    assert ("competitor", "El Corte Ingles", "El Corte Inglés") in kinds(
        "Lo vio en El Corte Ingles.", "es"
    )
    assert not [k for k in kinds("Le boulanger du coin.", "fr") if k[0] == "competitor"]
    assert kinds("Saw it at Globex.", competitors=["Globex"]) == [
        ("competitor", "Globex", "Globex")
    ]
    assert "Target" not in DEFAULT_COMPETITORS  # a common word


@pytest.mark.parametrize(
    ("text", "language", "amount", "ref"),
    [
        ("Devis à 1 299,00 € HT.", "fr", "1 299,00 €", "1299.00 EUR"),
        ("Devis à 4\u202f800 € HT.", "fr", "4\u202f800 €", "4800.00 EUR"),
        ("Betrag von 1.200 € bestritten.", "de", "1.200 €", "1200.00 EUR"),
        ("Rechnung über 49,99€.", "de", "49,99€", "49.99 EUR"),
        ("Acuerdo en 890 €, firma el viernes.", "es", "890 €", "890.00 EUR"),
        ("Agreed at $1,200 excl. VAT.", "en", "$1,200", "1200.00 USD"),
        ("Invoice in question: £600 incl. VAT.", "en", "£600", "600.00 GBP"),
        ("Only €49.99 this week.", "en", "€49.99", "49.99 EUR"),
        ("Budget of 300 EUR max.", "en", "300 EUR", "300.00 EUR"),
        ("Budget de 300 euros.", "fr", "300 euros", "300.00 EUR"),
        ("Costs USD 2,500.50 a year.", "en", "USD 2,500.50", "2500.50 USD"),
    ],
)
def test_amounts_in_every_locale(text: str, language: str, amount: str, ref: str) -> None:
    assert [k for k in kinds(text, language) if k[0] == "amount"] == [("amount", amount, ref)]


@pytest.mark.parametrize(
    "text",
    [
        "Call him on 06 12 34 56 78 before noon.",
        "Tel: +33 6 12 34 56 78",
        "Reached on (617) 588-1661, mornings.",
        "Order #4521 arrived broken.",
        "Ticket #3518: fault reported since Monday.",
        "Commande n° 2024-00123 livrée.",
        "Competitor about 20% cheaper, 15 % off.",
        "Bestellung 4711 am 12.03.2024.",
        "Call 0614332982 €",  # a phone number is not a price even with a stray sign
    ],
)
def test_phone_and_order_numbers_are_not_amounts(text: str) -> None:
    assert not [k for k in kinds(text, None) if k[0] == "amount"]


@pytest.mark.parametrize(
    ("text", "language", "date_text", "ref"),
    [
        ("Delivered on 2024-03-12.", "en", "2024-03-12", "2024-03-12"),
        ("Livrée le 12/03/2024.", "fr", "12/03/2024", "2024-03-12"),
        ("Geliefert am 12.03.2024.", "de", "12.03.2024", "2024-03-12"),
        ("Shipped 03/25/2024.", "en", "03/25/2024", "2024-03-25"),
        ("Rendez-vous le 12 mars 2024.", "fr", "12 mars 2024", "2024-03-12"),
        ("Rendez-vous le 1er février.", "fr", "1er février", "--02-01"),
        ("Termin am 12. März 2024.", "de", "12. März 2024", "2024-03-12"),
        ("Cita el 12 de marzo de 2024.", "es", "12 de marzo de 2024", "2024-03-12"),
        ("Meeting on March 12, 2024.", "en", "March 12, 2024", "2024-03-12"),
        ("Meeting on March 12.", "en", "March 12", "--03-12"),
        ("Meeting on 12 March.", "en", "12 March", "--03-12"),
    ],
)
def test_dates(text: str, language: str, date_text: str, ref: str) -> None:
    assert [k for k in kinds(text, language) if k[0] == "date"] == [("date", date_text, ref)]


@pytest.mark.parametrize(
    "text",
    ["Call back on Monday.", "Tel 06.12.34.56.78", "Room 31/02/2024 is not a date.", "May 2024"],
)
def test_not_dates(text: str) -> None:
    assert not [k for k in kinds(text, "en") if k[0] == "date"]


def test_entities_are_ordered_and_their_offsets_hold() -> None:
    text = (
        "Le 12 mars, [PERSON] a payé 1 299,00 € pour la Nordhaus Doormat Premium (vu sur Amazon)."
    )
    found = extract_entities(text, "fr", PRODUCTS)
    assert [e.kind for e in found] == ["date", "amount", "product", "brand", "competitor"]
    assert all(text[e.start : e.end] == e.text for e in found)
    assert found[0] == Entity("date", "12 mars", 3, 10, "--03-12")


def test_fold_keeps_offsets() -> None:
    text = "Récolte İstanbul Straße\u00a0ÉTÉ"
    assert len(fold(text)) == len(text)
    assert fold("Récolte ÉTÉ\u00a0x") == "recolte ete x"


class CountingTable(dict[int, str]):
    """The fold table, counting its look-ups."""

    looked_up = 0

    def __getitem__(self, code: int) -> str:
        self.looked_up += 1
        return super().__getitem__(code)


def test_only_the_characters_the_fold_table_maps_are_looked_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = CountingTable(entities._FOLD)
    monkeypatch.setattr(entities, "_FOLD", table)
    text = "Crème brûlée — Straße\u00a0Nº 5, ÇA İRA " * 10
    assert fold(text) == "creme brulee — straße nº 5, ca ira " * 10
    assert table.looked_up == 5 * 10  # è, û, é, the no-break space and ç: not "—", "ß" or "º"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF) | st.sampled_from("İ—\u202f")))
def test_fold_is_the_table_applied_to_every_character(text: str) -> None:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower()[0] for c in text)
    assert fold(text) == lowered.translate(entities._FOLD)


def test_matcher_of_reuses_an_equal_catalogue_and_sees_one_changed_in_place() -> None:
    pairs = [("P1", "Nordhaus Doormat"), ("P2", "Teklaro SSD")]
    first = entities.matcher_of("test-kind", pairs, paired=True)
    assert entities.matcher_of("test-kind", list(pairs), paired=True) is first
    pairs.append(("P3", "Lumavo Lamp"))
    changed = entities.matcher_of("test-kind", pairs, paired=True)
    assert changed is not first and changed[1]["lumavo lamp"] == "P3"
    names = entities.matcher_of("test-names", ("Amazon", "eBay"), paired=False)
    assert names[1] == {"amazon": "Amazon", "ebay": "eBay"}
