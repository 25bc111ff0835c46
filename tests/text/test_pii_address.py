"""Addresses that open with a house number are searched from the text's first digit, and find
what a search of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.text import pii_address
from c360.text.pii_address import find_addresses
from c360.text.redact import redact

FILLER = "Rappel prévu jeudi, pas de nouvelles.\n" * 20


class Counting:
    """A pattern that records how many characters each search is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched: list[int] = []

    def finditer(self, text: str, pos: int = 0) -> object:
        self.searched.append(len(text) - pos)
        return self.pattern.finditer(text, pos)


@pytest.mark.parametrize(
    ("name", "address"),
    [("_FRENCH", "12 bis rue de la Paix, 75002 Paris"), ("_ENGLISH", "221B Baker Street")],
)
def test_numbered_addresses_are_searched_from_the_first_digit(
    monkeypatch: pytest.MonkeyPatch, name: str, address: str
) -> None:
    counting = Counting(getattr(pii_address, name))
    monkeypatch.setattr(pii_address, name, counting)
    text = FILLER + "Livraison au " + address + "\n" + FILLER
    assert [text[a:b] for a, b in find_addresses(text)] == [address]
    assert list(find_addresses(FILLER)) == []
    assert counting.searched == [len(text) - text.index(address)]


PIECES = st.sampled_from(
    ["1", "12", "221B", "5", " ", ",", "\n", "a", "x", "rue", "Rue", "de", "la", "Paix", "75002",
     "Paris", "Baker", "Street", "St", "Main", "Apt", "4", "IL", "62704", "SW1A", "1AA", "-"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=24).map(" ".join) | st.lists(PIECES, max_size=24).map("".join))
def test_numbered_addresses_are_those_of_the_whole_text(text: str) -> None:
    whole = [
        *(m.span() for m in re.compile(pii_address._FR).finditer(text)),
        *(m.span() for m in re.compile(pii_address._EN).finditer(text)),
    ]
    assert [m.span() for m in pii_address._numbered_matches(text)] == whole


@pytest.mark.parametrize(
    ("text", "address"),
    [("Livraison au 12 rue des Lilas, 49000 Angers.", "12 rue des Lilas, 49000 Angers"),
     ("Livraison au 8 rue Jean Jaurès, 35400 Saint-Malo.", "8 rue Jean Jaurès, 35400 Saint-Malo"),
     ("Envoi au 4 rue des Écoles, 13100 Aix-en-Provence.",
      "4 rue des Écoles, 13100 Aix-en-Provence"),
     ("Adresse : 45 Grande Rue, 25000 Besançon.", "45 Grande Rue, 25000 Besançon"),
     ("Adresse : 3 Grand'Rue.", "3 Grand'Rue"),
     ("Adresse : 7 pl. de la Mairie.", "7 pl. de la Mairie"),
     ("Adresse : 7 all. des Tilleuls.", "7 all. des Tilleuls"),
     ("Adresse : 7 ch. des Vignes.", "7 ch. des Vignes"),
     ("Adresse : 7 imp. des Roses.", "7 imp. des Roses"),
     ("Adresse : 7 rte de Lyon.", "7 rte de Lyon"),
     ("Adresse : 7 allee des Tilleuls, 17000 La Rochelle.",
      "7 allee des Tilleuls, 17000 La Rochelle"),
     ("Adresse : 2 rue du 8 Mai 1945, 63000 Clermont-Ferrand Cedex 1.",
      "2 rue du 8 Mai 1945, 63000 Clermont-Ferrand Cedex 1"),
     ("Adresse :\n12 rue Pasteur\n49000 Angers\nMerci", "12 rue Pasteur\n49000 Angers")],
)  # fmt: skip
def test_french_streets(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [("Neu: Konrad-Adenauer-Straße 12, 53113 Bonn.", "Konrad-Adenauer-Straße 12, 53113 Bonn"),
     ("Neu: Friedrich-Ebert-Str. 47.", "Friedrich-Ebert-Str. 47"),
     ("Neu: Heinrich-Heine-Strasse 3a.", "Heinrich-Heine-Strasse 3a"),
     ("Neu: Am Markt 3, 53111 Bonn.", "Am Markt 3, 53111 Bonn"),
     ("Neu: Am Sportplatz 14.", "Am Sportplatz 14"),
     ("Neu: Am Bahnhof 2, 60311 Frankfurt am Main.", "Am Bahnhof 2, 60311 Frankfurt am Main"),
     ("Neu: Unter den Linden 77, 10117 Berlin.", "Unter den Linden 77, 10117 Berlin"),
     ("Neu: Alte Dorfstraße 5, 79098 Freiburg im Breisgau.",
      "Alte Dorfstraße 5, 79098 Freiburg im Breisgau"),
     ("Neu: Neue Str. 9.", "Neue Str. 9"),
     ("Neu:\nAmselweg 12\n24937 Flensburg\nDanke", "Amselweg 12\n24937 Flensburg")],
)  # fmt: skip
def test_german_streets(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [("Ship to 55 Broadway, New York, NY 10001.", "55 Broadway, New York, NY 10001"),
     ("Ship to 12 Meadow View, Harrogate HG1 2DH.", "12 Meadow View, Harrogate HG1 2DH"),
     ("Ship to 12 Chestnut Cl, Leeds LS1 4DY.", "12 Chestnut Cl, Leeds LS1 4DY"),
     ("Ship to 174 Pine St, New York 10001.", "174 Pine St, New York 10001"),
     ("Ship to 9 Mill Lane, Newcastle upon Tyne NE1 4ST.",
      "9 Mill Lane, Newcastle upon Tyne NE1 4ST"),
     ("Ship to 9 Mill Lane, Stratford-upon-Avon CV37 6AA.",
      "9 Mill Lane, Stratford-upon-Avon CV37 6AA"),
     ("Ship to 3 Oak Ave, St. Louis, MO 63101.", "3 Oak Ave, St. Louis, MO 63101"),
     ("Ship to 3 Mill Lane, Dundee dd11hn.", "3 Mill Lane, Dundee dd11hn")],
)  # fmt: skip
def test_english_streets(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [("Envío a Gran Vía, 28, 28013 Madrid.", "Gran Vía, 28, 28013 Madrid"),
     ("Envío a Gran Via 28.", "Gran Via 28"),
     ("Envío a Rúa Nova, 5, 15003 A Coruña.", "Rúa Nova, 5, 15003 A Coruña"),
     ("Envío a Rua Nova, 5.", "Rua Nova, 5"),
     ("Envío a Pº de la Estación, 14.", "Pº de la Estación, 14"),
     ("Envío a Po Maritimo, 3.", "Po Maritimo, 3"),
     ("Envío a Travesia del Molino, 7.", "Travesia del Molino, 7"),
     ("Envío a Calle Nueva, 5, 35001 Las Palmas de Gran Canaria.",
      "Calle Nueva, 5, 35001 Las Palmas de Gran Canaria"),
     ("Envío a Calle Real, 5, 08901 L'Hospitalet de Llobregat.",
      "Calle Real, 5, 08901 L'Hospitalet de Llobregat")],
)  # fmt: skip
def test_spanish_streets(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    "text",
    ["Im Jahr 2020 kaufte er 3 Artikel.", "Am Montag 3 Pakete erhalten.",
     "Zum Glück 2 Tage früher.", "Am Ende 5 Sterne vergeben.",
     "Ordered 3 Street View cameras.", "Bought 2 Green Tea Sport packs.",
     "Il a commandé 12 cours de cuisine.", "Le 12 mai, 3 colis livrés à Paris."],
)  # fmt: skip
def test_dates_quantities_and_products_are_no_addresses(text: str) -> None:
    assert list(find_addresses(text)) == []


def test_an_address_ending_in_a_zip_plus_4_code_is_redacted_whole() -> None:
    # The phone finder, which runs first, once took the code and the address was dropped.
    text = "Ship to 3 Main St, Boston, MA 02108-1234 today."
    assert redact(text, "en")[0] == "Ship to [ADDRESS] today."


# A one-word street after its number ("12 Broadway") is one before a word that cannot go on a
# street's name ("since", "in", "and"), as at a clause end; before a noun it is a quantity.
@pytest.mark.parametrize(
    ("text", "address"),
    [("Lives at 12 Broadway since March.", "12 Broadway"),
     ("Moved to 1 Broadway in 2023, still a client.", "1 Broadway"),
     ("Office at 100 Bowery and a shop in Brooklyn.", "100 Bowery"),
     ("Deliver to 5 Kingsway from Monday.", "5 Kingsway"),
     ("Ship to 3 Oak Ave since the move.", "3 Oak Ave")],
)  # fmt: skip
def test_a_one_word_street_before_a_function_word(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


# Street names typed in lower case: after an English street word, a German street word ending
# the word, a Spanish street word opening it; the house number decides where it is required.
@pytest.mark.parametrize(
    ("text", "address"),
    [("lives at 14 main street now", "14 main street"),
     ("new address: 221 baker st, london", "221 baker st"),
     ("moved to 9 old mill road in may", "9 old mill road"),
     ("ship to 7 elm ave.", "7 elm ave"),
     ("wohnt in der hauptstraße 5, ruft an", "hauptstraße 5"),
     ("neue adresse bahnhofstr. 12a", "bahnhofstr. 12a"),
     ("Lieferung an lindenallee 3 in Köln", "lindenallee 3"),
     ("envío a calle mayor 5, madrid", "calle mayor 5"),
     ("envío a avenida de la constitución, 12", "avenida de la constitución, 12"),
     ("envoi au 5 chemin des vignes, merci", "5 chemin des vignes")],
)  # fmt: skip
def test_street_names_in_lower_case(text: str, address: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


# Ordinary words beside a number, which the rules above must leave alone.
@pytest.mark.parametrize(
    "text",
    ["Bought 2 Broadway tickets for the client.", "Sold 3 Broadway shows in May.",
     "Main reason: 2 main street shops closed.", "Will send the offer, 3 main reasons.",
     "Replaced 2 hard drive units.", "Customer may call, 2 high street stores.",
     "ich bin unterwegs 5 Minuten zu spät", "der weg 5 ist frei", "la calle 5 veces",
     "3 place de parking réservées", "Il a commandé 12 cours de cuisine.",
     "Auf dem rückweg 3 Pakete abgeholt.", "die hauptstraße 5 mal gesperrt",
     "Pidió avenida de 3 carriles.", "Pris 3 route de campagne.",
     "Posé 2 chemin de fer miniatures.",
     "Drove 30 miles down main road to the depot.", "Sent 3 street maps and 2 road atlases."],
)  # fmt: skip
def test_numbers_before_ordinary_words_are_no_addresses(text: str) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == []


# Inside a sentence a capital on the preposition is the street name's ("wohnt Am Markt 3 seit
# März"): a street there, whatever follows the house number. Opening a sentence the capital is
# the sentence's, and a noun after the number makes it a quantity ("Im Markt 3 Artikel").
@pytest.mark.parametrize(
    ("text", "address"),
    [("Kunde wohnt Am Markt 3 seit März.", "Am Markt 3"),
     ("wohnt Am Markt 3 seit März", "Am Markt 3"),
     ("Lieferung an Im Winkel 4a bitte bis Freitag.", "Im Winkel 4a"),
     ("Neue Adresse An der Kirche 5 ab Juni.", "An der Kirche 5"),
     ("Zustellung Auf dem Berg 12 klappt nicht.", "Auf dem Berg 12"),
     ("Paket ging an In der Au 7 statt an die alte Adresse.", "In der Au 7"),
     ("Sie wohnt Zum Löwen 2 und ist selten zu Hause.", "Zum Löwen 2"),
     ("Umzug nach Zur Alten Post 9, 53111 Bonn, im Mai.", "Zur Alten Post 9, 53111 Bonn"),
     ("Kunde, Am Alten Markt 3, ruft morgen an.", "Am Alten Markt 3")],
)  # fmt: skip
def test_a_german_street_opening_with_a_capitalised_preposition_inside_a_sentence(
    text: str, address: str
) -> None:
    assert [text[a:b] for a, b in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    "text",
    ["Im Markt 3 Artikel gekauft.", "am Markt kaufen", "Wir waren am Markt 3 Stunden.",
     "Am Markt 3 Stände besucht.", "Zur Sicherheit 2 Pakete geschickt.",
     "Kunde war im Markt 3 Mal.", "Am Montag 3 Pakete erhalten, im Jahr 2020 Kunde geworden.",
     "Becher Zum Mitnehmen 2 Stück bestellt.", "Gutschein Zum Geburtstag 20 € eingelöst.",
     "Alles Zum Muttertag 2025 – jetzt bestellen.", "Jetzt Im Angebot 2 für 1 sichern.",
     "Neu Im Sortiment 2024: Gartenmöbel.", "Unsere Aktion Zum Schulstart 2025 läuft.",
     "Rabatt Im Winter 2023 war höher.", "Der Kunde bestellt Am Montag 3 mal pro Woche.",
     "Sale Im Januar 20 prozent.", "I Am Number 4 is my favourite film.",
     "We watched I Am Legend 2 times."],
)  # fmt: skip
def test_a_german_preposition_and_a_number_in_an_ordinary_sentence_are_no_address(
    text: str,
) -> None:
    assert list(find_addresses(text)) == []
