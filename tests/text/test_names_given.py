"""The given-name lists: nicknames and the forms of a name that identity matching reads are
names in free text too, but those that are also words, places, brands or abbreviations."""

import pytest

from c360.identity.given_names import GENDERED
from c360.identity.nicknames import FORMS
from c360.text.names_given import GIVEN_NAMES, NAMES_ALSO_WORDS
from c360.text.redact import redact


# Given names the identity lists know (a nickname, a short form, a woman's form of a man's name)
# are names in a note, at its start or after a cue, with a surname or alone.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Ivy Chen wants a refund", "[PERSON] wants a refund"),
     ("en", "Archibald asked for a discount", "[PERSON] asked for a discount"),
     ("en", "Called Antoinette Lefebvre today", "Called [PERSON] today"),
     ("en", "Antoinette Lefebvre wants a refund.", "[PERSON] wants a refund."),
     ("en", "Bella Rossi asked for a discount.", "[PERSON] asked for a discount."),
     ("en", "Bob Smith wants a refund.", "[PERSON] wants a refund."),
     ("en", "Spoke with Ivy about the order.", "Spoke with [PERSON] about the order."),
     ("en", "Henrietta Clarke asked for the invoice.", "[PERSON] asked for the invoice."),
     ("en", "Steph Okafor confirmed the new address.", "[PERSON] confirmed the new address."),
     ("en", "Sandy wants a refund.", "[PERSON] wants a refund."),
     ("en", "CALLED BELLA ABOUT THE INVOICE", "CALLED [PERSON] ABOUT THE INVOICE"),
     ("en", "MET SANDY AT THE STORE", "MET [PERSON] AT THE STORE"),
     ("es", "LLAMÉ A SANDY AYER", "LLAMÉ A [PERSON] AYER"),
     ("fr", "Pierrette Dubois souhaite un avoir.", "[PERSON] souhaite un avoir."),
     ("fr", "Noelle Girard a rappelé ce matin.", "[PERSON] a rappelé ce matin."),
     ("de", "Steffi Brandl hat angerufen, Gutschrift fehlt.",
      "[PERSON] hat angerufen, Gutschrift fehlt."),
     ("de", "Gretchen Obermaier bedankt sich für die Lieferung.",
      "[PERSON] bedankt sich für die Lieferung."),
     ("es", "Juanjo Ferrán pide la factura.", "[PERSON] pide la factura."),
     ("es", "Maribel Azcona quiere un reembolso.", "[PERSON] quiere un reembolso.")],
)  # fmt: skip
def test_given_names_of_the_identity_lists_are_redacted(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# The words, places, brands and products those names also are stay: "ivy" in lower case, a
# season before a heading's noun, a garment, a German noun, a Spanish drink, an abbreviation.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "the ivy on the wall"),
     ("en", "The ivy on the wall needs cutting before the delivery."),
     ("en", "Autumn Sale starts on Monday."),
     ("en", "Crystal glasses arrived broken."),
     ("en", "Hunter boots returned, wrong size."),
     ("en", "Mason jars missing from the parcel."),
     ("en", "Poncho returned unworn."),
     ("en", "Memo sent to the warehouse."),
     ("en", "Hello Kitty backpack out of stock."),
     ("en", "Cash ISA transfer pending."),
     ("en", "Drew up the quote for the new kitchen."),
     ("de", "Die Lupe war nicht im Paket."),
     ("de", "Teddy für das Kind kam beschädigt an."),
     ("de", "Nach dem Abi zieht die Tochter um."),
     ("es", "Ron y ginebra agotados en la tienda."),
     ("fr", "Marge trop faible sur cette commande."),
     ("fr", "Séjour à Val Thorens annulé.")],
)  # fmt: skip
def test_words_that_are_also_nicknames_are_not_redacted(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


def test_every_one_word_name_of_the_identity_lists_is_listed_or_left_out_by_name() -> None:
    # A name identity adds later is a given name here too unless listed as a word.
    words = {name for name in FORMS if " " not in name}
    words |= {name for pair in GENDERED for name in pair}
    missing = {n for n in words if n not in GIVEN_NAMES and n not in NAMES_ALSO_WORDS}
    assert not {n for n in missing if len(n) > 2}


def test_names_left_out_are_no_given_names() -> None:
    assert GIVEN_NAMES.isdisjoint(NAMES_ALSO_WORDS)
    assert {"ivy", "archibald", "antoinette", "bella", "bob"} <= GIVEN_NAMES
    assert {"autumn", "crystal", "poncho", "memo", "lupe", "ron"} <= NAMES_ALSO_WORDS
