"""Person names in free text: capitalised words judged by name lists, titles and context cues.

A capitalised word starts a name when it follows a title ("Mme", "Herrn", "Ms", "Sra."), is a
known given name, sits in a contact cue ("call with X", "appel de X", "X a rappelé") or is a
surname after a German profession ("Rechtsanwalt Schmidt"). The name then takes in a surname
and particles ("Hugo de la Cruz"). Once found, a name's words are names everywhere in the text
("Liam" after "Liam Lewis"), and so are capitalised words spelled out in an e-mail address of
the same text ("Deschamps" beside "l.deschamps@..."); names written in lower case are found
apart (`names_lower`).

A capitalised run after a cue is judged at its first word, whole: a name, or no part of one
("Call with Nordhaus Doormat" names nobody, nor do "Email from Amazon" and "von Lieferant":
`names_firms`). Initials beside a name are part of it ("J.-P.
Dupont", "Иванов И. И."), and so is a known surname written before a given name ("Kovács
Zsuzsanna"). A word no list holds, before a word for a site or a part of an organisation, is a
place or a company ("Call with Warsaw office"), unless the unit word opens a job title
("Okafor store manager"). Slavic languages decline names: their titles take any name in any
case ("s gospođom Ivanom Horvat"), and their prepositions a known given name or surname
declined ("z Piotrem", "od Anny", "s Novákem"; see `names_declined`).
"""

import re

from c360.text import names_before as context
from c360.text import names_cues as cues
from c360.text.names_again import again_start, common_word_opening, mentioned_again
from c360.text.names_declined import declined_given, declined_surname
from c360.text.names_doc import MAX_NAME_WORDS, SENTENCE_START, Doc
from c360.text.names_edition import GIVEN_EDITIONS
from c360.text.names_email import email_words, spelled_in, spellings_of
from c360.text.names_firms import no_person_after_cue
from c360.text.names_german import profession_before
from c360.text.names_lexicon import (
    AMBIGUOUS,
    HEADING_NOUNS,
    HONORIFICS,
    MONTH_NAMES,
    PRODUCT_NOUNS,
    SURNAMES,
    WORDLIKE,
)
from c360.text.names_lower import lower_case_names
from c360.text.names_predicate import person_acts
from c360.text.names_saint import saint_after_name, saint_place, saint_start
from c360.text.names_wordlike import NEXT_WORD, after_thing_word, opens_as_word
from c360.text.names_words import (
    CAPITALS_PARTICLES,
    INITIALS_AFTER,
    fold,
    is_given,
    known_surname,
    surname_shaped,
)

_DETERMINER = re.compile(
    r"(?:^|\s)(?P<article>the|a|an|le|la|les|un|une|du|der|die|das|dem|den|des|im|am|ein|eine"
    r"|einem|einen|el|los|las|una|al|del)[ ]$",
    re.IGNORECASE,
)
# Where "a" is no article: a Spanish preposition ("a Mercedes le encanta"), a French verb.
_A_IS_NO_ARTICLE = frozenset({"es", "fr", "de"})
_BOUNDARY = re.compile(r"\s*(?:[.,;:!?()\n—–-]|$)")
# Common-noun endings of longer words (German nouns are capitalised: "Problem mit Lieferung").
_NOUN_ENDING = re.compile(
    r"^\w{3,}(?:ung|heit|keit|schaft|tion|tat|nis|ment|ismus|idad|edad|aje|ance|ence|ness|ship|ity"
    r"|teur)$"
)
_CAPITAL_PARTICLES = frozenset({"le", "la", "de", "del", "van", "von", "da", "di", "du", "des"})
# Words of a name found that name no one where written again: particles, and "St." that opened
# a surname ("Met St. John at St. Louis store").
_NO_MENTIONS = _CAPITAL_PARTICLES | {"st", "ste"}
# After a name, a word naming where the person works: "Sarah from Apple called", where the verb
# is Sarah's and Apple no person.
_AFFILIATION = re.compile(r"[ ](?:from|at|of|chez|de chez|bei)[ ]")
# Given names that are also words, which a heading's common noun after them makes the word
# ("Summer Sale", "Max Discount": `_before_common_noun`).
_WORDS_BEFORE_NOUNS = WORDLIKE | AMBIGUOUS | GIVEN_EDITIONS
# "ST. JOHN, Olivia": "St." written in capitals before a surname in capitals.
_CAPITALS_SAINT = re.compile(r"(?<![\w.])STE?\.[ ]$")


def _surname_like(doc: Doc, k: int) -> bool:
    """True if word k is a known surname or shaped like one ("Brzęczyszczykiewicz")."""
    return doc.folded[k] in SURNAMES or surname_shaped(doc.words[k])


def _unknown_word_ok(doc: Doc, k: int, particle_led: bool, cue_before: bool) -> bool:
    """May an unknown capitalised word, in a name cue, be a name? (not a noun, product...).

    `cue_before`: the cue stands before the word ("with X Y"), not after its run ("X Y called",
    where X may open the sentence).
    """
    # "Call with Warsaw office": a word no list holds, before a unit word, is a place or a firm.
    if _names_a_place(doc, k) and not _person_before_unit(doc, k):
        return False
    last = doc.name_run_end(k)
    if cues.MODEL_CODE_AFTER.match(doc.text, doc.spans[last][1]):
        return False  # "con Sonivo 4K": a brand before its model
    if no_person_after_cue(doc, k, last):
        return False  # "Email from Amazon", "von Lieferant", "Call with Nordhaus Doormat"
    if last - k >= 2 and not any(
        _surname_like(doc, j) or is_given(doc.folded[j]) for j in range(k, last + 1)
    ):
        return False
    after = doc.spans[last][1]
    # In capitals, a German verb of talking right after it or the pair ("MIT OKONKWO TELEFONIERT
    # WEGEN …": see `Doc.name_run_end`); in any case after a pair "mit" opens ("mit Adaeze
    # Okonkwo telefoniert": `Doc.opens_talked_pair`).
    upper = doc.words[k].isupper()
    talked = (upper and cues.TALKED_AFTER.match(doc.text, after)) or doc.opens_talked_pair(k)
    pair_ends = _BOUNDARY.match(doc.text, after) or (cue_before and _surname_like(doc, last))
    if last - k == 1 and not (pair_ends or talked):
        return False
    # German capitalises every noun ("Termin mit Technik am ..."): a lone unknown word is a name
    # only after particles ("von Bülow"), where a name phrase ends, or before a contact verb.
    surname = any(part in SURNAMES for part in doc.folded[k].split("-"))
    lone_noun_like = doc.nouns_capitalised and last == k and not (surname or particle_led)
    ends = _BOUNDARY.match(doc.text, after) or cues.post_cue(doc.text, after) or talked
    if lone_noun_like and not ends:
        return False
    # A known surname alone right after the cue is the person's even where the text also uses
    # the word ("Spoke to Price ... the price list", "con Díez ... diez días").
    common = doc.lower_case_use(k) and not (cue_before and last == k and surname)
    return not (
        _NOUN_ENDING.search(doc.folded[k])
        or common
        or doc.line_mentions(k, cues.NOT_PERSON_CONTEXT)
    )


def _names_a_place(doc: Doc, k: int) -> bool:
    """True if word k names a site or a part of an organisation: a unit word follows it
    ("Warsaw office", "Lyon HQ") or ends it after a hyphen ("Warschau-Team")."""
    parts = doc.folded[k].rsplit("-", 1)
    return (len(parts) == 2 and parts[1] in cues.UNIT_WORDS) or (
        cues.UNIT_AFTER.match(doc.text, doc.spans[k][1]) is not None
    )


def _person_before_unit(doc: Doc, k: int) -> bool:
    """True if word k, before a unit word, is a person's all the same: a known surname ("Smith
    office"), one shaped like one, or the word before a job title ("Okafor store manager"),
    unless it is also a place or a brand ("Paris store manager")."""
    folded = doc.folded[k]
    if surname_shaped(doc.words[k]):
        return True
    if folded in AMBIGUOUS:
        return False
    return folded in SURNAMES or cues.JOB_TITLE_AFTER.match(doc.text, doc.spans[k][1]) is not None


def _starts_name(doc: Doc, k: int) -> tuple[int, bool] | None:
    """If a name starts at word k: how many characters before it (particles, initials) belong
    to it, and whether a title stands before it."""
    if not doc.plain(k) and not _particle(doc, k):
        return None  # a function word, acronym or product opens no name, whatever stands before
    before = doc.before(k)
    if not before:  # a word opening a line: no title or initials (each needs a character)
        lead = _lead(doc, k, None, before)
        return None if lead is None else (lead, False)
    title = context.title(doc, before) or context.capitals_title(doc, k, before)
    if title is None and context.no_name_after_capitals_title(doc, k, before):
        return None  # "Our DR Hope programme"
    # "J.-P. Dupont", "Frau H. Müller": initials open the name; a cue or title precedes them.
    initials = None if title else context.initials_before(before)
    if initials:
        before = before[: initials.start()]
        title = context.title(doc, before) or context.capitals_title(doc, k, before)
    lead = _lead(doc, k, title, before)
    if lead is None:
        return None
    return lead + (len(initials.group()) if initials else 0), title is not None


def _lead(doc: Doc, k: int, title: re.Match[str] | None, before: str) -> int | None:
    """If a name starts at word k, how many particle characters before it belong to it."""
    if title:
        ok = doc.plain(k) or _particle(doc, k)
        return len(title.group("lead")) if ok else None
    probe = k + 1 if doc.adjacent[k] and _particle(doc, k) else k
    if doc.words[probe].isupper() and cues.SHOP_OF_CAPITALS.search(doc.before(probe)):
        return None  # "TIENDA DE LEÓN CERRADA": the shop's place, as a sign writes it
    # "APPEL DE JEAN VIDAL", "APPEL DE OKAFOR": "DE" is a preposition, not "De Luca"'s particle.
    if probe != k and (_opens_own_name(doc, probe) or doc.after_person_cue(probe)):
        return None
    # Inside a line a run is often a product or a firm ("the Lumavo Fitness Tracker"): it is
    # looked at first. A word opening a line seldom opens one, but most open no name at all
    # ("Cancellation confirmed"): there the run is looked at only for a name.
    if not doc.plain(probe) or (before and doc.looks_like_org(probe)):
        return None
    lead = _untitled_lead(doc, k, probe, before.lower())
    return None if lead is None or (not before and doc.looks_like_org(probe)) else lead


def _opens_own_name(doc: Doc, k: int) -> bool:
    """True if word k, after a capitalised particle, is a given name (no surname) before another
    name word, or in a sentence written in capitals: it opens a name of its own ("DE JEAN VIDAL",
    "APPEL DE CHLOÉ CE MATIN"), the particle a preposition."""
    folded = doc.folded[k]
    if not is_given(folded) or folded in SURNAMES:
        return False
    if doc.adjacent[k] and doc.tight(k, k + 1) and doc.plain(k + 1):
        return True
    return doc.before(k - 1).isupper()


def _untitled_lead(doc: Doc, k: int, probe: int, before: str) -> int | None:
    """`_lead` of word k, or of `probe` after a capitalised particle k, with no title before it
    and its run not looked at; `before` lower-cased."""
    if context.place_opener_before(doc.before(probe)) or (doc.saints and saint_place(doc, probe)):
        return None  # "San Francisco", "Los Angeles", "at St. Louis": a place
    folded = doc.folded[probe]
    given = is_given(folded) or doc.month_name(probe)
    # "Summer Sale", "Grace Period": a name only with a cue or a verb, whatever stands before.
    heading = given and _before_common_noun(doc, probe)
    doubtful = given and (
        heading
        or folded in AMBIGUOUS
        or opens_as_word(doc, probe, before)
        or after_thing_word(doc, probe)
    )
    if given and _names_product(doc, probe):
        return None  # "the Emma mattress", "la robe Emma"
    if given and not doubtful:
        return 0
    if doubtful and _after_article(doc, probe):
        return None  # "The Rose Garden package"
    cued, lead_len = context.cued(doc, k, before)
    if given:
        # "Call with Sydney office": a name that is also a place, before a unit word, is the place.
        if cued and not _names_a_place(doc, probe):
            return 0
        if probe == k and doc.signs(k):
            return 0  # "Cheers,\nRose", "Thanks,\nMark Okafor"
        if heading:
            return 0 if _acts(doc, doc.run_end(probe)) else None
        followed = doc.adjacent[probe] and doc.tight(probe, probe + 1) and doc.plain(probe + 1)
        # "Rose wants a refund", "Florence called back", "Rose has left": what a person does.
        acts = folded in AMBIGUOUS and person_acts(doc.text, doc.spans[probe][1])
        return 0 if followed or acts else None
    if cued and _unknown_word_ok(doc, probe, lead_len > 0, context.cue_before(before)):
        return lead_len
    # "z Piotrem", "od Anny", "s Novákem": a known name declined after a Slavic preposition.
    # Not where the preposition is a word of the text's language: "do Time", "Lyon o Lille".
    declined = probe == k and (declined_given(folded) or declined_surname(folded))
    if declined and (case := cues.CASE_CUE.search(before)):
        plain = case.group("prep") not in cues.CASE_CUE_ALSO_A_WORD and not doc.language
        return 0 if plain or context.slavic(doc) else None
    # "mit Rechtsanwalt Schmidt", "Steuerberaterin Koch": a German profession before a surname,
    # as a title, whether or not the surname is also a word; before a verb of talking, a word no
    # list holds too ("mit Notar Okonkwo telefoniert").
    if profession_before(before) and (folded in SURNAMES or doc.surname_after_profession(probe)):
        return 0
    if not known_surname(folded):
        return None
    if not doc.words[probe].isupper():
        return 0 if cues.WEAK_CUE.search(before) else None
    # In capitals only after a German preposition for a person, in a sentence not written in
    # capitals ("Paket von MÜLLER", not "BEI ALLEN MAILS"): "Merci et BRAVO" is shouting.
    written = doc.before(probe)
    if written == written.upper():
        return 0 if doc.after_contact_verb(probe) else None  # "RAPPELER DUBOIS DEMAIN"
    return 0 if cues.PERSON_PREPOSITION.search(before) else None


def _before_common_noun(doc: Doc, k: int) -> bool:
    """True if word k, a given name that is also a word ("Summer", "Grace", "Victoria"), comes
    right before a capitalised common noun: one headings capitalise (`HEADING_NOUNS`), one with
    a noun's ending ("Station") or one the text also writes in lower case. Not a surname or a
    given name: "Summer Smith", "Rose Marie" are names."""
    folded = doc.folded[k]
    after = k + 1
    if folded not in _WORDS_BEFORE_NOUNS or after == len(doc.words):
        return False
    if not (doc.adjacent[k] and doc.tight(k, after)):
        return False
    word = doc.folded[after]
    if word in SURNAMES or is_given(word):
        return False
    return (
        word in HEADING_NOUNS or _NOUN_ENDING.search(word) is not None or doc.lower_case_use(after)
    )


def _names_product(doc: Doc, k: int) -> bool:
    """True if word k, a given name, names a product's model: between an article and a word for
    a product (`PRODUCT_NOUNS`: "the Emma mattress", "Die Emma Matratze"), or alone after an
    article and such a word in French or Spanish ("la robe Emma": `Doc.names_model`)."""
    if doc.names_model(k):
        return True
    following = NEXT_WORD.match(doc.text, doc.spans[k][1])
    return (
        following is not None
        and fold(following.group(1)) in PRODUCT_NOUNS
        and _after_article(doc, k)
    )


def _extend(doc: Doc, k: int, titled: bool) -> int:
    """Index of the last word of the name starting at word k.

    After a title every capitalised word of the run is the name's ("Mme Nguyễn Thị Hương"),
    but in German, where nouns are capitalised ("Frau Müller Unterlagen schicken").
    """
    titled = titled and not doc.nouns_capitalised
    last = k
    words = 1  # particles in capitals are none: "FRANCISCO JAVIER FERNÁNDEZ DE CASTRO"
    while words < MAX_NAME_WORDS:
        if (saint := saint_after_name(doc, k, last)) is not None:  # "Anna St. Clair"
            last, words = saint, words + 1
            continue
        if not (doc.adjacent[last] and _name_word(doc, last + 1)):
            break
        here, nxt = doc.folded[last], doc.folded[last + 1]
        gap = doc.text[doc.spans[last][1] : doc.spans[last + 1][0]]
        joins = (
            last == k
            or titled
            or is_given(here)
            or _particle(doc, last)
            or gap.strip() != ""
            or nxt in SURNAMES
            or _second_given_name(doc, k, last)
        )
        if not joins or (_NOUN_ENDING.search(nxt) and nxt not in SURNAMES):
            break
        if is_given(here) and _past_verb_in_capitals(doc, last + 1):
            break
        last += 1
        words += not doc.capitals_particle(last)
    return last


def _past_verb_in_capitals(doc: Doc, k: int) -> bool:
    """True if word k, in capitals, ends as a Spanish verb in the past does ("FIRMÓ", "RECIBIÓ"),
    is no known surname and a word no such verb follows it: after a given name the verb ("MARÍA
    FIRMÓ EL ALBARÁN"), not the surname ("JOAN MIRÓ.", "JOAN MIRÓ LLAMÓ AYER")."""
    word = doc.words[k]
    if not (word.endswith("Ó") and word.isupper()) or known_surname(doc.folded[k]):
        return False
    if not (doc.adjacent[k] and doc.tight(k, k + 1)) or doc.words[k + 1].endswith("Ó"):
        return False
    return not cues.post_cue(doc.text, doc.spans[k][1])


def _second_given_name(doc: Doc, k: int, last: int) -> bool:
    """True if word `last`, after given name k, is a second given name no list holds ("Ana
    Belén Valero."): the word after it ends the capitalised run and the phrase."""
    after = last + 1
    return (
        last == k + 1
        and is_given(doc.folded[k])
        and doc.run_end(k) == after
        and doc.unknown(last)
        and doc.unknown(after)
        and not doc.lower_case_use(after)
        and _BOUNDARY.match(doc.text, doc.spans[after][1]) is not None
    )


def _name_word(doc: Doc, k: int) -> bool:
    """True if word k may go on a name: a plain word, or a capitalised particle opening a
    surname right after it ("Pierre Le Goff", "Jacques de La Roche")."""
    if doc.plain(k):
        return True
    return (
        _particle(doc, k)
        and doc.adjacent[k]
        and doc.tight(k, k + 1)
        and (doc.plain(k + 1) or (doc.capitals_particle(k + 1) and _name_word(doc, k + 1)))
    )


def _particle(doc: Doc, k: int) -> bool:
    """True if word k is a capitalised surname particle ("Le", "De", "VON", "DER")."""
    folded = doc.folded[k]
    return folded in _CAPITAL_PARTICLES or (folded in CAPITALS_PARTICLES and doc.words[k].isupper())


def find_names(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of person names in `text`, sorted and non-overlapping.

    `language` "de" makes lone unknown words after a cue need more support, as German
    capitalises every noun.
    """
    doc = Doc(text, language)
    spans: list[tuple[int, int]] = []
    known: dict[str, int] = {}  # the words of the names found, and where each was first
    alone: set[str] = set()  # words that name someone bare, on their own ("call to Price")
    used = [False] * len(doc.words)
    surname_first = _surnames_before_comma(doc)
    k = 0
    while k < len(doc.words):
        if k in surname_first:  # "LE ROUX, Christine"
            start, last = surname_first[k]
            spans.append((start, _with_initials(text, doc.spans[last][1])))
            for j in range(k, last + 1):
                used[j] = True
                if not doc.capitals_particle(j):
                    known.setdefault(doc.folded[j], j)
            k = last + 1
            continue
        opening = None if doc.folded[k] in HONORIFICS else _starts_name(doc, k)
        if opening is not None and _affiliation(doc, k, used):
            opening = None
        if opening is not None:
            lead, titled = opening
            last = _extend(doc, k, titled)
            first = k - 1 if not (lead or titled) and _family_name_first(doc, k, used) else k
            spans.append((doc.spans[first][0] - lead, _with_initials(text, doc.spans[last][1])))
            for j in range(first, last + 1):
                used[j] = True
                if not doc.capitals_particle(j):  # "DOS SANTOS": "Dos días" is no name
                    known.setdefault(doc.folded[j], j)
            if first == last and not titled:
                alone.add(doc.folded[k])
            k = last
        k += 1
    for word in _NO_MENTIONS.intersection(known):
        del known[word]
    spellings = spellings_of(email_words(text))
    openings: list[int] = []

    def named(folded: str) -> bool:
        return folded in known or spelled_in(folded, spellings)

    for k in range(len(doc.words)):
        folded = doc.folded[k]
        if used[k] or not (doc.plain(k) and named(folded)):
            # "MR MASON ... MASON APPROVED": in capitals, no capital tells the name again.
            if used[k] or folded not in known or not mentioned_again(doc, k, known[folded]):
                continue  # asked first, as the checks below only leave out more words
            if common_word_opening(doc, k, capitals=True):
                openings.append(k)  # "HANNAH PRICE ... PRICE NEGOTIATION", as in mixed case
                continue
        # "im Keller", "the Price": a common word again, whoever Mr Keller is.
        if (folded in AMBIGUOUS or folded in WORDLIKE) and _after_article(doc, k):
            continue
        # "in May" after "MAY JONES": the month, unless a verb makes it the person ("May said").
        if folded in MONTH_NAMES and not _acts(doc, k):
            continue
        if not doc.looks_like_org(k):
            if context.place_opener_before(doc.before(k)):
                continue  # "San Francisco" after "Francisco called"
            if common_word_opening(doc, k):
                openings.append(k)
                continue
            beside = [j for j in (k - 1, k + 1) if 0 <= j < len(doc.words)]
            if not any(doc.adjacent[min(j, k)] and named(doc.folded[j]) for j in beside):
                alone.add(folded)
            spans.append(_mention_span(doc, k, known.get(folded)))
    # "Price negotiation" after "Hannah Price" is the word; after "call to Price" the person.
    spans.extend(
        _mention_span(doc, k, known.get(doc.folded[k])) for k in openings if doc.folded[k] in alone
    )
    spans.extend(lower_case_names(doc))
    return _whole_names(doc, spans)


def _whole_names(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans`, sorted, each grown over what is written before it and is the name's: particles
    and "St." ("von Berg", "d'Almeida", "St. John"), a name word joined by a particle ("Ruiz de
    Azúa"); names so joined are one."""
    if not spans:
        return []
    first_word = {start: k for k, (start, _) in enumerate(doc.spans)}
    last_word = {end: k for k, (_, end) in enumerate(doc.spans)}
    whole: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        k = first_word.get(start)
        if k is not None:
            start = _name_start(doc, k, last_word, whole[-1][1] if whole else -1)
        if whole and start <= whole[-1][1]:
            whole[-1] = (whole[-1][0], max(end, whole[-1][1]))
        else:
            whole.append((start, end))
    return whole


def _name_start(doc: Doc, k: int, last_word: dict[int, int], named_to: int) -> int:
    """Where the name whose first word is word k starts, with what is written before it and is
    the name's (see `_whole_names`). `named_to`: where the name before it ends."""
    start = doc.spans[k][0]
    before = doc.before(k)
    lead = cues.NAME_PIECES_BEFORE.search(before)
    if lead is None:
        return start
    head = start - len(before) + lead.start()  # where the particles start
    word = last_word.get(head - 1) if doc.text[head - 1 : head] == " " else None
    saint = saint_start(doc, word, start) if lead.group()[:2] in ("St", "ST") else None
    if saint is not None:  # "12 Main St. John called": the street's; "OLIVIA ST. JOHN"
        return saint
    if word is not None and (doc.spans[word][1] == named_to or _known_name_word(doc, word)):
        return doc.spans[word][0]  # "Ruiz de Azúa", "Romain d'Almeida": one name
    folded = doc.folded[k]
    # "Appel de Pierre": before a given name, "de" is a preposition, not a particle.
    particle_led = not is_given(folded) or folded in SURNAMES
    # "de La Roche" is a name's; "de Le Goff", "de Da Silva" a preposition before one ("de le"
    # would be written "du").
    capital_la = doc.words[k] == "La"
    cut = head
    for piece in cues.NAME_PIECE.findall(lead.group()):
        clause = doc.text[max(doc.text.rfind("\n", 0, cut) + 1, cut - 48) : cut]
        # A particle is the name's where it opens a line or a clause, follows a preposition or a
        # cue (and so is none itself) or comes before a capital "La".
        name_bound = (
            capital_la
            or cues.CLAUSE_START.search(clause)
            or cues.WEAK_CUE.search(clause.lower())
            or cues.STRONG_CUE.search(clause.lower())
        )
        if piece.startswith(("St", "ST")) or (
            particle_led and piece not in cues.ARTICLE_PIECES and name_bound
        ):
            return cut
        cut += len(piece)
    return start


def _known_name_word(doc: Doc, k: int) -> bool:
    """True if word k is a known given name or surname, and not also a common word."""
    folded = doc.folded[k]
    return doc.plain(k) and folded not in AMBIGUOUS and (folded in SURNAMES or is_given(folded))


def _mention_span(doc: Doc, k: int, first: int | None) -> tuple[int, int]:
    """The span of a further mention of a name at word k, with a particle before it; in capitals
    the particles the name had where first found, at word `first` (`again_start`)."""
    start, end = doc.spans[k]
    if first is not None and doc.words[k].isupper():
        start = again_start(doc, k, first)  # "FRAU ZUR MÜHLEN", not "DANKESCHÖN VON KAI"
    elif k > 0 and doc.adjacent[k - 1] and doc.folded[k - 1] in _CAPITAL_PARTICLES:
        start = doc.spans[k - 1][0]
    return start, _with_initials(doc.text, end)


def _after_article(doc: Doc, k: int) -> bool:
    """True if an article stands right before word k ("the Price", "im Keller").

    Not a capitalised one inside a sentence: "de La Roche" is a particle of the name.
    """
    before = doc.before(k)
    article = _DETERMINER.search(before)
    if article is None:
        return False
    word = article.group("article")
    if word.lower() == "a" and doc.language in _A_IS_NO_ARTICLE:
        return False
    return word.islower() or SENTENCE_START.search(before[: article.start("article")]) is not None


def _acts(doc: Doc, k: int) -> bool:
    """True if a contact verb or a verb of what a person says or wants follows word k ("May
    called", "June said")."""
    end = doc.spans[k][1]
    return cues.post_cue(doc.text, end) or cues.SUBJECT_VERB.match(doc.text, end) is not None


def _family_name_first(doc: Doc, k: int, used: list[bool]) -> bool:
    """True if a known surname, not yet a name's, is written right before given name k, as
    Hungarians and lists write them ("Kovács Zsuzsanna")."""
    if k == 0 or used[k - 1] or not doc.adjacent[k - 1] or not doc.tight(k - 1, k):
        return False
    folded = doc.folded[k - 1]
    surname = doc.words[k - 1].isupper() or (folded in SURNAMES and folded not in AMBIGUOUS)
    return is_given(doc.folded[k]) and doc.plain(k - 1) and surname


def _with_initials(text: str, end: int) -> int:
    """`end`, or the end of the initials written right after it ("Иванов И. И.")."""
    initials = INITIALS_AFTER.match(text, end)
    return initials.end() if initials else end


def _surnames_before_comma(doc: Doc) -> dict[int, tuple[int, int]]:
    """Names written surname first in capitals, a comma, then the given name ("SMITH, John",
    "LE ROUX, Christine", "GARCÍA LÓPEZ, María José"), as loyalty cards write them: for the
    first word of each, where the name starts and the index of its last word."""
    found: dict[int, tuple[int, int]] = {}
    for k, word in enumerate(doc.words):
        if not (word.isupper() and doc.plain(k) and doc.comma_name(k)):
            continue
        first = k  # back over particles and known surnames in capitals: "RUIZ DE AZÚA"
        while first > 0 and doc.tight_pair(first - 1) and doc.words[first - 1].isupper():
            if not (doc.capitals_particle(first - 1) or known_surname(doc.folded[first - 1])):
                break
            first -= 1
        start = doc.spans[first][0]
        saint = _CAPITALS_SAINT.search(doc.before(first))
        found[first] = (start - (len(saint.group()) if saint else 0), _extend(doc, k + 1, False))
    return found


def _affiliation(doc: Doc, k: int, used: list[bool]) -> bool:
    """True if word k, no given name, follows a name and a word for where it works ("Sarah from
    Apple called"): the firm's name, though a contact verb follows it."""
    if k == 0 or not used[k - 1] or is_given(doc.folded[k]):
        return False
    return _AFFILIATION.fullmatch(doc.text, doc.spans[k - 1][1], doc.spans[k][0]) is not None
