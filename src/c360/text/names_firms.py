"""Words a contact cue takes that name no person: a firm everyone knows ("Email from Amazon"), a
party a contact phrase takes ("Call with Supplier", German "Nachricht von Lieferant", capitalised
as every German noun is) and a brand before a word for a product ("Call with Nordhaus Doormat").

>>> party_word("amazon"), party_word("lieferanten"), party_word("suppliers"), party_word("okafor")
(True, True, True, False)
>>> product_word("doormat"), product_word("kettlebells"), product_word("okonkwo")
(True, True, False)
"""

from c360.text.names_german import german_firm_word
from c360.text.names_lexicon import CONTACT_OBJECTS, PRODUCT_NOUNS, SURNAMES
from c360.text.names_words import Words, is_given, word_set

# Firms, shops, carriers, banks and platforms a note names as it names a person ("Email from
# Amazon", "Mail de Cdiscount"), as `fold` writes them: general knowledge, no given name or
# surname among them (`party_word` leaves those out whatever the list holds), nor a firm named
# after a surname people bear (Rossmann, Santander, Netto, Lidl): a leak costs more than a firm
# redacted.
FIRMS = word_set(
    """
    amazon ebay aliexpress temu shein zalando etsy vinted rakuten cdiscount fnac decathlon ikea
    carrefour auchan walmart costco wayfair argos currys tesco asda primark asos boohoo
    mediamarkt kaufland aldi rewe edeka sephora zooplus
    paypal klarna stripe revolut barclays hsbc natwest bbva postbank commerzbank
    google apple microsoft samsung huawei xiaomi lenovo netflix spotify airbnb uber
    expedia ryanair easyjet lufthansa sncf renfe trustpilot facebook instagram whatsapp linkedin
    youtube tiktok telekom vodafone movistar telefonica verizon
    fedex dhl ups gls dpd chronopost colissimo correos seur evri yodel parcelforce tnt usps mrw
    nacex
    """
)

# What a German contact phrase takes that names no person and no list of frequent words holds
# ("MIT LIEFERANT TELEFONIERT", "TELEFONIERT MIT HERSTELLER", "MIT GUTSCHRIFT VEREINBART"), as
# `fold` writes them: beside `CONTACT_OBJECTS`, with the "-n" and "-en" German adds ("MIT
# KOLLEGEN GESPROCHEN").
GERMAN_CONTACT_OBJECTS = word_set(
    """
    lieferant lieferantin hersteller herstellerin handler handlerin spediteur paketdienst
    lieferdienst zusteller paketbote bote fahrer kurier vertrieb kundendienst kundenservice
    kollege kollegin chef chefin vorgesetzte mitarbeiter mitarbeiterin berater beraterin
    verkaufer verkauferin sachbearbeiter sachbearbeiterin empfang technik werkstatt bank
    sparkasse vermieter vermieterin nachbar nachbarin anwalt anwaltin versand einkauf verkauf
    zoll filialleiter filialleiterin marktleiter logistik disponent inkasso
    polizei arzt arztin notar notarin gericht finanzamt amt behorde jobcenter krankenkasse
    versicherung hausverwaltung hausmeister makler maklerin steuerberater steuerberaterin agentur
    dienstleister hotline support callcenter zentrale filiale personalabteilung buchhaltung
    ehemann ehefrau tochter sohn mutter vater eltern bruder schwester oma opa tante onkel partner
    partnerin freund freundin techniker technikerin handwerker monteur teamleiter teamleiterin
    geschaftsfuhrer geschaftsfuhrerin einkaufer einkauferin arbeitgeber kundenbetreuer
    kundenbetreuerin innendienst aussendienst jemandem niemandem jemand niemand allen beiden
    chatbot siri chatgpt post telekom vodafone ikea zalando amazon ebay aldi lidl rewe
    edeka bosch siemens allianz adac schufa dhl hermes ups dpd gls berlin hamburg munchen koln
    frankfurt stuttgart dusseldorf leipzig dresden wien zurich whatsapp sms fax brief gutschrift
    erstattung kulanz kugelschreiber bleistift stift
    vorkasse nachnahme kreditkarte lastschrift rechnung ratenzahlung paypal frist zahlungsziel
    liefertermin termin aufpreis zuschlag preisnachlass rabatt skonto umtausch austausch reparatur
    rucknahme ruckgabe gutschein pfand sperre vorbehalt mindestlaufzeit kundigung vertrag
    expressversand einschreiben briefpost signatur hand kuli fuller anhang fotos lieferschein
    sendungsnummer grossbuchstaben umlaut bindestrich betriebsrat personal meister azubi
    praktikant praktikantin stadt gemeinde landratsamt datenschutz praxis firma mahnstopp
    """
)

# Words for what a shop sells, written after a brand in a product's name ("Nordhaus Doormat",
# "Velocita Kettlebell", "Sonivo Soundbar"), as `fold` writes them, beside `PRODUCT_NOUNS`: general
# knowledge of a retailer's catalogue, in the singular.
RETAIL_NOUNS = word_set(
    """
    doormat vase hose drill lantern kettle kettlebell dumbbell racket racquet helmet backpack
    rucksack bottle roller mat knife shears scissors planter toaster blender vacuum heater
    speaker soundbar headphones headset earbuds earphones webcam monitor keyboard laptop tablet
    smartphone charger cable adapter router printer camera tracker smartwatch ssd powerbank
    lipstick mascara lotion shampoo conditioner toothbrush sunscreen serum moisturiser
    moisturizer cookbook vinegar trousers sneakers hoodie cardigan
    """
)


def party_word(folded: str) -> bool:
    """True if `folded` is a `listed_party` and no known given name or surname ("Post", "Hand"
    and "Bosch" are surnames too)."""
    return not (folded in SURNAMES or is_given(folded)) and listed_party(folded)


def listed_party(folded: str) -> bool:
    """True if `folded`, maybe in the plural or declined ("SUPPLIERS", "LIEFERANTEN"), is a firm
    (`FIRMS`), a party a contact phrase takes (`CONTACT_OBJECTS`, `GERMAN_CONTACT_OBJECTS`) or a
    German noun for a firm or an office (`german_firm_word`: "ANWALTS", "STEUERBÜRO")."""
    forms = {folded, folded.removesuffix("s"), folded.removesuffix("es")}
    if not forms.isdisjoint(CONTACT_OBJECTS) or not forms.isdisjoint(FIRMS):
        return True
    forms = {folded, folded.removesuffix("n"), folded.removesuffix("en")}
    return not forms.isdisjoint(GERMAN_CONTACT_OBJECTS) or german_firm_word(folded)


def product_word(folded: str) -> bool:
    """True if `folded`, maybe in the plural, is a word for a product (`PRODUCT_NOUNS`,
    `RETAIL_NOUNS`), and no known given name or surname."""
    if folded in SURNAMES or is_given(folded):
        return False
    forms = {folded, folded.removesuffix("s"), folded.removesuffix("es")}
    return not forms.isdisjoint(PRODUCT_NOUNS) or not forms.isdisjoint(RETAIL_NOUNS)


def no_person_after_cue(doc: Words, k: int, last: int) -> bool:
    """True if words k..last, after a name cue, name no person: a lone word that is a firm or a
    party (`party_word`: "Email from Amazon", "Nachricht von Lieferant"), or a pair whose second
    word is a product's (`product_word`: "Call with Nordhaus Doormat")."""
    if last == k:
        return party_word(doc.folded[k])
    return last == k + 1 and product_word(doc.folded[last])
