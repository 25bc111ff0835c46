"""Postal addresses: a house number and a street type in the way each locale writes them.

French "12 bis rue de la Paix, 75002 Paris", English "221B Baker Street" and "1600 Main St.,
Springfield, IL 62704", German "Hauptstraße 5, 10115 Berlin" and "Am Markt 3", Spanish "C/ Mayor,
12, 3º B, 28013 Madrid". A postal code and town right after the street are part of the span.
"""

import re
from collections.abc import Callable, Iterator

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_W = r"[\w'’.-]"
# A street name: words that are capitalised, numbers or elided ("d'Alsace", "l'Église"), with
# particles between them ("rue de la Paix", "Calle de los Olivos"). A particle is a whole word
# ("des", not its "de"), and a name never ends on one ("12 cours de cuisine" is no street).
_PARTICLE = (
    r"(?:des|de|du|la|le|les|del|los|las|y|of|the|am|an|der|dem|den|zum|zur|sur|sous|en|aux?"
    r"|lès)\b"
)
_NAME_WORD = rf"(?:[{_UP}]{_W}*|\d{{1,4}}\b|[dlDL]['’]{_W}+)"
_STREET_NAME = (
    rf"(?:{_PARTICLE}[ ]){{0,3}}{_NAME_WORD}(?:[ ](?:{_PARTICLE}[ ]){{0,3}}{_NAME_WORD}){{0,4}}"
)
# After the commonest street words a name may be written in lower case ("12 rue des lilas",
# "5 chemin des vignes"); not after those that are also common words ("12 cours de cuisine",
# "3 place de parking", "2 route de campagne"), nor in "chemin de fer".
_LOWER_NAME = rf"(?:{_PARTICLE}[ ]){{1,3}}[{_LOW}][{_LOW}'’-]+"

# A town: capitalised words, joined by hyphens or spaces and the particles of place names
# ("Saint-Malo", "Aix-en-Provence", "Frankfurt am Main", "Newcastle upon Tyne", "Las Palmas de
# Gran Canaria", "L'Hospitalet de Llobregat", "A Coruña", "St. Louis", "Frankfurt (Oder)").
_TOWN_WORD = rf"(?:(?:St|Ste|Mt|Ft)\.|(?:[dlDL]['’])?[{_UP}][{_LOW}'’]+)"
_TOWN_JOIN = (
    r"(?:-(?:(?:en|sur|sous|lès|lez|le|la|les|de|du|des|on|upon|am|an|im|et|y)-){0,2}"
    r"|[ ](?:(?:de|del|de[ ]la|de[ ]las|de[ ]los|am|im|an[ ]der|ob[ ]der|vor[ ]der|upon)[ ])?)"
)
_TOWN = (
    rf"(?:[AO][ ](?=[{_UP}]))?{_TOWN_WORD}(?:{_TOWN_JOIN}(?!Cedex\b){_TOWN_WORD}){{0,3}}"
    rf"(?:[ ]\([{_UP}][{_LOW}]+\))?"
)
# The postal code and town after the street, on its line or the next.
_POSTAL_TOWN = rf"(?:,?(?:[ ]|[ ]?\n)\d{{5}}[ ]{_TOWN})"

# The numbered patterns open with the house number's first digit and check the character before
# it right after (`(?<!\w\d)` is `\b` there): so the engine skips from digit to digit.
_FR = (
    r"\d(?<!\w\d)\d{0,3}(?:[ ]?(?:bis|ter|quater|[A-D]))?,?[ ]"
    r"(?:(?i:rue|avenue|av\.?|boulevard|bd|bld|boul\.|impasse|imp\.|allée|allee|all\.|quai"
    r"|chemin|chem\.|sentier|ruelle|faubourg|fbg\.?)"
    rf"[ ](?!de[ ]fer\b)(?:{_STREET_NAME}|{_LOWER_NAME})"
    r"|(?i:place|pl\.|ch\.|route|rte\.?|cours|passage|square|sq\.|résidence"
    r"|lotissement|rond-point|voie|parvis|esplanade|promenade|montée"
    r"|traverse|hameau|lieu-dit)"
    rf"[ ]{_STREET_NAME}"
    r"|(?:Grande?|Petite?|Haute|Basse|Vieille)[ '’-](?:Rue|rue|Route|route)"
    rf"(?:[ ]{_STREET_NAME})?)"
    rf"(?:{_POSTAL_TOWN}(?:[ ]Cedex(?:[ ]\d{{1,2}})?)?)?"
)
# What may follow a street whose last word is also an ordinary word: the end of the clause, or
# a word no street name holds (a preposition, a conjunction, an adverb of time).
_CLAUSE_GOES_ON = (
    r"(?:since|in|on|at|for|from|to|until|till|near|by|and|but|or|with|now|then|where|which|who"
    r"|is|was|has|had|before|after|during|last|this|next|every|as|so|because|when|yet|via)"
)
_STREET_ENDS = rf"(?=[,.;:)!?]|$|\n|[ ]{_CLAUSE_GOES_ON}\b)"
# Street words that are also ordinary words ("Street View", "Broadway tickets") and streets of one
# well-known word ("12 Broadway", "5 Kingsway"): a street only where the clause ends after it or
# goes on with a word no street name holds ("12 Broadway since March").
_EN = (
    rf"\d(?<!\w\d)\d{{0,4}}[A-Za-z]?[ ](?:(?:[{_UP}][\w'’-]*[ ]){{1,4}}"
    r"(?:(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Close|Crescent|Square|Parkway|Pkwy|Highway|Hwy|Row|Gardens|Grove|Mews|Walk)\b\.?"
    r"|(?:Cl|View|Rise|Hill|Vale|Circle|Cir|Trail|Trl|Plaza|Alley|Parade|Wharf|Quay)\b\.?"
    rf"{_STREET_ENDS})"
    r"|(?:Broadway|Bowery|Kingsway|Piccadilly|Aldwych|Haymarket|Whitehall|Cheapside|Moorgate"
    rf"|Bishopsgate|Deansgate)\b{_STREET_ENDS})"
    r"(?:[ ](?:N|S|E|W|NE|NW|SE|SW)\b)?(?![ ][A-Z][a-z])"
    r"(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor)\.?[ ]?#?\w{1,5})?"
    rf"(?:,[ ]{_TOWN}(?:[ ]\d{{5}}\b(?!-\d))?)?"
    r"(?:,?[ ](?:[A-Z]{2}[ ]\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})"
    rf"|(?<=[{_LOW}])[ ](?i:[A-Z]{{1,2}}\d[A-Z\d]?[ ]?\d[A-Z]{{2}})\b)?"
)
# German streets: one word ending in a street word ("Hauptstraße", "Konrad-Adenauer-Straße"),
# perhaps after an adjective ("Alte Dorfstraße"); an adjective and a street word ("Berliner
# Straße"); or a preposition and a place ("Am Markt 3", "Unter den Linden 77"), which is a street
# only with a postal code after it, a place word ending the sentence ("Im Jahr 2020" is none) or
# the preposition capitalised inside a sentence, where the capital is the name's, before a place
# word ("Kunde wohnt Am Markt 3 seit März") or after a word saying where someone lives ("wohnt
# Zum Löwen 2"), and no noun after the number ("Becher Zum Mitnehmen 2 Stück"); marketing's
# capitals ("Alles Zum Muttertag 2025", "Jetzt Im Angebot 2 für 1") are none.
_DE_STREET = r"straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt"
_DE_ADJECTIVE = (
    r"(?:Alte|Neue|Große|Grosse|Kleine|Lange|Hohe|Obere|Untere|Hintere|Vordere|Innere|Äußere"
    r"|Breite|Kurze|Krumme|Stille|Schöne|Grüne|Rote|Weiße|Schwarze)"
)
_DE_PLACE = (
    r"(?=[A-ZÄÖÜ])[\wäöüß-]*?(?i:markt|bahnhof|hafen|park|berg|bach|anger|graben|wall|hang|hof"
    r"|feld|wald|see|brunnen|mühle|schloss|rathaus|turm|tor|deich|kanal|garten|acker|wiesen?"
    r"|kamp|brink|bruch|rain|eck|kreuz|stein|teich|weiher|busch|holz|heide|höhe|bogen|winkel"
    r"|weiden?|steg|grund|kirche|dom|kloster|linden|eichen|birken|buchen|tannen|stadion|hain|au"
    rf"|aue|{_DE_STREET})(?![\w-])"
)
_DE_PREPOSITION = (
    r"(?:Am|Im|Zum|Zur|Beim|An[ ]de[rn]|Auf[ ]de[mrn]|In[ ]de[rn]|Unter[ ]de[nm]|Hinter[ ]de[rm]"
    r"|Vor[ ]de[mr]|Über[ ]de[mr]|Bei[ ]de[rn])"
)
_DE_NAME = r"[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*"
# After a word saying where someone lives or gets parcels, any name is the street's.
_DE_LIVES = "(?:" + "|".join(
    f"(?<={cue}[ ])"
    for cue in ("wohnt", "wohnen", "wohnhaft", "lebt", "Adresse", "Adresse:", "Anschrift",
                "Anschrift:", "nach", r"\ban", r"\bAn")
) + ")"  # fmt: skip
# Then a postal town, or no amount or noun after the house number ("Zum Geburtstag 20 €").
_DE_NOT_COUNTED = rf"(?:{_POSTAL_TOWN}|(?![ ]?[€%]|[ ][A-ZÄÖÜ]))"
_DE = (
    r"(?:(?<![\wäöüß-])"
    rf"{_DE_PREPOSITION}[ ](?:{_DE_ADJECTIVE}[nr]?[ ])?"
    rf"(?:{_DE_PLACE}[ ]\d{{1,4}}[a-z]?(?![\w-])(?:{_POSTAL_TOWN}|(?![ ]*\w))"
    rf"|{_DE_NAME}[ ]\d{{1,4}}[a-z]?(?![\w-]){_POSTAL_TOWN})"
    rf"|(?<=[\w,][ ]){_DE_PREPOSITION}[ ](?:{_DE_ADJECTIVE}[nr]?[ ])?{_DE_PLACE}"
    rf"[ ]\d{{1,4}}[a-z]?(?![\w-]){_DE_NOT_COUNTED}"
    rf"|{_DE_LIVES}{_DE_PREPOSITION}[ ]{_DE_NAME}(?:[ ]{_DE_NAME})?[ ]\d{{1,4}}[a-z]?(?![\w-])"
    rf"{_DE_NOT_COUNTED}"
    rf"|(?:(?<![\wäöüß-]){_DE_ADJECTIVE}[rns]?[ ])?"
    r"(?:\b[A-ZÄÖÜ][\wäöüß-]*?(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer"
    r"|chaussee|steig|pfad|markt|-(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer"
    r"|Chaussee|Steig|Pfad|Markt))"
    r"|\b[A-ZÄÖÜ][\wäöüß-]+[ ](?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r"[ ]\d{1,4}[ ]?[a-z]?\b"
    rf"{_POSTAL_TOWN}?)"
)
_ES = (
    r"(?:\b(?:(?:Calle|Avenida|Avda\.?|Av\.|Paseo|P\.?º|Po\.?(?=[ ](?:de|del|[A-Z]))|Plaza|Pza\."
    r"|Camino|Carretera|Ctra\.|Ronda|Traves[ií]a|Glorieta|Rambla|Vía|Carrer|Passeig|R[úu]a)"
    rf"[ ]?{_STREET_NAME}|Gran[ ]V[ií]a)|(?<!\w)[Cc]/[ ]?{_STREET_NAME})"
    r",?[ ](?:nº[ ]?|n\.º[ ]?|núm\.[ ]?|no\.[ ]?)?\d{1,4}\b"
    r"(?:,?[ ]\d{1,2}º(?:[ ]?[A-Z]\b|[ ]?\d{1,2}ª)?)?"
    rf"{_POSTAL_TOWN}?"
)
# Streets typed all in lower case: an English street word after up to three words ("14 main
# street", "9 old mill road"), where the clause ends or goes on as after `_STREET_ENDS` (so "2
# high street shops" stays); a German word ending in a street word before a house number
# ("hauptstraße 5"; not a way home, "rückweg 3", nor a count after the number, "5 mal"); a
# Spanish street word, a name and a number ("calle mayor 5"), the number no quantity ("calle
# principal 2 veces").
_LOWER_WORD = rf"[{_LOW}][{_LOW}'’-]*"
_EN_NOT_NAME = (
    r"(?:the|a|an|and|or|of|on|in|at|to|for|per|by|via|up|down|off|out|over|along|across|from"
    r"|into|onto|past|miles?|km|mins?|minutes?|hours?|days?|weeks?|times?|x|pcs|units?|items?"
    r"|more|less|other|same|each|every|new)\b"
)
_EN_LOWER = (
    rf"\d(?<![\w$£€.,:/-]\d)\d{{0,4}}[a-z]?[ ](?:(?!{_EN_NOT_NAME}){_LOWER_WORD}[ ]){{1,3}}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane)\b\.?"
    rf"(?=[ ]?[,.;:)!?]|$|\n|[ ]{_CLAUSE_GOES_ON}\b|[ ]\d|[ ][{_UP}])"
)
_DE_NOT_STREET = (
    r"(?:rück|ruck|heim|hin|um|aus|ab|post|dienst|rechts|liefer|versand|zu|fuß|fuss)weg\b"
)
_DE_LOWER = (
    rf"(?<![\w-])(?!{_DE_NOT_STREET})[{_LOW}][{_LOW}-]{{2,}}?"
    r"(?:straße|strasse|str\.|allee|gasse|weg)[ ]\d{1,4}"
    r"(?![ ]?(?:mal|x|tagen?|minuten|min|stunden|std|wochen|monaten?|jahren?|stück|stk|euro|eur"
    r"|pakete?|artikel|kartons?)\b|[ ]?[€%])"
    r"[ ]?[a-z]?\b"
    rf"{_POSTAL_TOWN}?"
)
_ES_NOT_NAME = rf"(?:{_PARTICLE}|por|para|con|sin|el|un|una|que|hasta|durante|cada|muy|mas|más)\b"
_ES_LOWER = (
    r"(?<!\w)(?:calle|avenida|avda\.?|carrer|c/)[ ]?"
    rf"(?:(?:{_PARTICLE}[ ]){{0,3}}(?!{_ES_NOT_NAME}){_LOWER_WORD}[ ]?){{1,3}}"
    r",?[ ](?:nº[ ]?|n\.º[ ]?|núm\.[ ]?|no\.[ ]?)?\d{1,4}\b"
    r"(?![ ]?(?:veces|horas?|d[ií]as?|minutos?|semanas?|meses|mes|años?|euros?|€|%|unidades"
    r"|x\b))"
    r"(?:,?[ ]\d{1,2}º(?:[ ]?[A-Z]\b|[ ]?\d{1,2}ª)?)?"
    rf"{_POSTAL_TOWN}?"
)
_GERMAN = re.compile(_DE)
_GERMAN_START = re.compile(r"\b[A-ZÄÖÜ]")
_GERMAN_WORD_END = re.compile(r"[^\wäöüß-]")


def _german_matches(text: str) -> Iterator[re.Match[str]]:
    """`_GERMAN.finditer(text)`, trying each word of letters and hyphens from its first capital
    only.

    The street word ("-straße", "-weg" …) ends the word, so where the pattern fails from the
    word's first capital it fails from every later one; `finditer` would still read the rest of
    the word again from each of them, quadratic in a long word ("A-B-C-…"). A preposition or an
    adjective opens a word, so it is tried from its first capital too.
    """
    pos = 0
    while start := _GERMAN_START.search(text, pos):
        found = _GERMAN.match(text, start.start())
        if found:
            yield found
            pos = found.end()
        else:
            end = _GERMAN_WORD_END.search(text, start.end())
            pos = end.start() if end else len(text)


_FRENCH = re.compile(_FR)
_ENGLISH = re.compile(_EN)
_ENGLISH_LOWER = re.compile(_EN_LOWER)
_DIGIT = re.compile(r"\d")


def _numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """French and English addresses, which open with a house number: searched from the text's
    first digit (the word boundary before it still sees the character before)."""
    digit = _DIGIT.search(text)
    if digit is None:
        return
    yield from _FRENCH.finditer(text, digit.start())
    yield from _ENGLISH.finditer(text, digit.start())


def _english_lower_matches(text: str) -> Iterator[re.Match[str]]:
    """English addresses typed in lower case, searched from the text's first digit."""
    digit = _DIGIT.search(text)
    if digit is not None:
        yield from _ENGLISH_LOWER.finditer(text, digit.start())


# The German and Spanish patterns run only on text holding one of their street words (in lower
# case) or, for German, a preposition opening a street name.
_GERMAN_WORDS = (
    "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt",
)  # fmt: skip
_GERMAN_PREPOSITIONS = (
    "Am ", "Im ", "Zum ", "Zur ", "Beim ", "An de", "Auf de", "In de", "Unter de", "Hinter de",
    "Vor de", "Über de", "Bei de",
)  # fmt: skip
_SPANISH_WORDS = (
    "calle", "avenida", "avda", "av.", "paseo", "pº", " po ", " po.", "plaza", "pza", "camino",
    "carretera", "ctra", "ronda", "traves", "glorieta", "rambla", "vía", "gran via", "carrer",
    "passeig", "rúa ", "rua ", "c/",
)  # fmt: skip


def _has_german(text: str, lowered: str) -> bool:
    return any(w in lowered for w in _GERMAN_WORDS) or any(p in text for p in _GERMAN_PREPOSITIONS)


def _has_spanish(text: str, lowered: str) -> bool:
    return any(w in lowered for w in _SPANISH_WORDS)


# A text holding an English street word in lower case (one search, cheaper than a test of each).
_ENGLISH_LOWER_WORD = re.compile(
    r"[ ](?:street|st(?:[ .,]|$)|avenue|ave(?:[ .,]|$)|road|rd(?:[ .,]|$)|boulevard|blvd|lane)"
)
_GERMAN_LOWER = re.compile(_DE_LOWER)
_SPANISH = re.compile(_ES)
_SPANISH_LOWER = re.compile(_ES_LOWER)


def _has_english_lower(text: str, lowered: str) -> bool:
    return _ENGLISH_LOWER_WORD.search(text) is not None


def _german_all(text: str) -> Iterator[re.Match[str]]:
    """German streets, capitalised or in lower case (whose street words `_has_german` holds)."""
    yield from _german_matches(text)
    yield from _GERMAN_LOWER.finditer(text)


def _spanish_all(text: str) -> Iterator[re.Match[str]]:
    """Spanish streets, capitalised or in lower case (whose street words `_has_spanish` holds)."""
    yield from _SPANISH.finditer(text)
    yield from _SPANISH_LOWER.finditer(text)


_PATTERNS: list[tuple[Callable[[str, str], bool], Callable[[str], Iterator[re.Match[str]]]]] = [
    (lambda text, lowered: True, _numbered_matches),
    (_has_english_lower, _english_lower_matches),
    (_has_german, _german_all),
    (_has_spanish, _spanish_all),
]


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of street addresses in French, English, German or Spanish notation.

    A full stop ending a match is left out: whether it ends an abbreviation ("Main St.") or the
    sentence ("… rue de la Mairie."), it names no one. Every pattern holds a house number: a
    text without a digit is not searched.
    """
    if _DIGIT.search(text) is None:
        return
    lowered = text.lower()
    for has, matches in _PATTERNS:
        if has(text, lowered):
            for m in matches(text):
                yield m.start(), m.start() + len(m.group().rstrip(" ,."))
