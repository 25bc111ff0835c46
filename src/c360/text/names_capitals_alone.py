"""A name in capitals no title introduces: a given name alone in a sentence in capitals,
after a greeting ("HI TOM,") or a verb of contacting ("MET TOM SULLIVAN", "MIT OKONKWO
TELEFONIERT"), unless it names a product ("THE EMMA MATTRESS", "LA ROBE EMMA")."""

import re
from functools import lru_cache

from c360.text.names_cues import (
    CONTACT_VERB_BEFORE,
    DID_AFTER,
    FEELING_AFTER,
    GREETING,
    GREETING_END,
    LINE_END,
    LINE_OPENER,
    MESSAGE_FROM_BEFORE,
    MIT_BEFORE,
    PERSON_NOUN_BEFORE,
    PRODUCT_BEFORE,
    STRONG_CUE,
    SUBJECT_VERB,
    TALKED_AFTER,
    post_cue,
)
from c360.text.names_firms import listed_party
from c360.text.names_german import profession_before, talked_after
from c360.text.names_lexicon import (
    AMBIGUOUS,
    FIRST_NAMES,
    GIVEN_ALSO_WORDS,
    HEADING_NOUNS,
    MONTH_NAMES,
    PRODUCT_NOUNS,
    SURNAMES,
    UNIT_WORDS,
    WORDLIKE,
)
from c360.text.names_words import (
    ANY_COMMON,
    NEXT_LOWER,
    PHRASE_END,
    SHOUTED,
    VERB_REACH,
    Words,
    fold,
    is_given,
    known_name,
    known_surname,
    word_set,
)

# Given names no capital tells from a word in capitals (see `GIVEN_ALSO_WORDS`), and the known
# given names of four letters or more that are none of them.
_NOT_ALONE = WORDLIKE | AMBIGUOUS | MONTH_NAMES | GIVEN_ALSO_WORDS | ANY_COMMON
ALONE_GIVEN = frozenset(n for n in FIRST_NAMES if len(n) > 3 and n not in _NOT_ALONE)
# The known given names no word shares, of any length: after a greeting in capitals a name ("HI
# TOM,"), where an acronym is none ("HELLO HR,").
GREETED_GIVEN = frozenset(n for n in FIRST_NAMES if n not in _NOT_ALONE)
# Given names that open no name before a given name alone in capitals: words like "WILL", months,
# frequent words of a note language ("SAID"); given names that are other words are let through
# ("DIANA ROSS", "JEAN PAUL").
_NOT_BEFORE_ALONE = WORDLIKE | AMBIGUOUS | MONTH_NAMES | ANY_COMMON
# An article in capitals right before a word ("THE ", "LA ", "DIE ", "L'"): a given name after it
# names a product or a show ("THE EMMA MATTRESS", "WATCHED THE MATILDA MUSICAL"). Not "A", a
# preposition in Spanish and French written without its accent ("LLAMAR A HANNAH").
CAPITALS_ARTICLE_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:(?:THE|AN|LE|LA|LES|UN|UNE|DER|DIE|DAS|DEN|DEM|DES|EIN|EINE|EINEN|EINEM"
    r"|EL|LOS|LAS|UNA|UNO)[ ]|L['’])$"
)
# Where a sentence ends, for a word in capitals: a line break, end punctuation, a colon; not a
# full stop inside a word ("S.KOCH@", "3.5").
_SENTENCE_BREAK = re.compile(r"[!?:;\n]|\.(?!\S)")
_SENTENCE_REACH = 160  # characters looked at on either side of a word for its sentence
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MIN_SENTENCE_WORDS = 3
# Words that open a place's name before a given name ("SAN FRANCISCO", "ST. LOUIS").
_PLACE_OPENER_BEFORE = re.compile(
    r"(?<![\w.])(?:san|santa|santo|saint|sainte|st|ste|sankt|sao|são|los|las|fort|port|lake)"
    r"\.?[ ]$",
    re.IGNORECASE,
)
# A saint's abbreviation in capitals right before a word, which opens its surname ("ST. JOHN").
_SAINT_BEFORE = re.compile(r"(?<![\w.])STE?\.[ ]$")
# Whom a greeting addresses that is no person, as `fold` writes them: a group, the readers of a
# message ("HI GUYS,", "HALLO ZUSAMMEN,", "DEAR MEMBERS,", "HOLA CHICOS,").
_GREETED_GROUPS = word_set(
    """
    guys folks everyone everybody world there again member members subscriber subscribers
    shopper shoppers reader readers friend friends colleagues sunshine gang crew
    zusammen allerseits alle leute kollegen freunde
    tous toutes amis collegues
    todos todas chicos chicas amigos amigas companeros
    """
)
# "AND" between two names in capitals, as a word and as written between them.
AND_WORDS = word_set("and et und")
AND_BETWEEN = frozenset({" AND ", " ET ", " Y ", " UND ", " & "})


@lru_cache(maxsize=4096)
def _greeting_before(before: str) -> bool:
    """True if a greeting ends `before`, in any case ("HI ", "Bonjour ")."""
    return GREETING.search(before.lower()) is not None


_PERSON_NOUN, _MESSAGE_FROM = 1, 2
# What those cues take in capitals that names no one and no list of frequent words holds: what
# a message is ("MESSAGE DE BIENVENUE", "EMAIL FROM WELCOME"), an adverb before the verb ("KUNDE
# ERNEUT HAT ANGERUFEN"), as `fold` writes them.
_NO_PERSON_AFTER_CUE = word_set(
    """
    bienvenue remerciement remerciements felicitations excuses offre offres refus rupture
    erneut nochmal nochmals gerade soeben zuletzt vorhin eben personlich direkt willkommen
    bienvenida bienvenido recordatorio agradecimiento disculpa disculpas nuevamente
    once welcome chaser apology apologies
    """
)
# The last words of `PERSON_NOUN_BEFORE` and `MESSAGE_FROM_BEFORE`, as `fold` writes them: no
# other word before word k lets `after_person_cue` take it.
PERSON_CUE_ENDS = word_set(
    "customer client cliente caller contact contacto kunde kundin anrufer anruferin from de von por"
)


@lru_cache(maxsize=4096)
def _person_cue_before(before: str) -> int:
    """Which cue of `after_person_cue` ends `before`, written in capitals: `_PERSON_NOUN`
    ("CUSTOMER "), `_MESSAGE_FROM` ("EMAIL FROM "), or 0."""
    if not before or before != before.upper():
        return 0
    lowered = before.lower()
    if PERSON_NOUN_BEFORE.search(lowered):
        return _PERSON_NOUN
    return _MESSAGE_FROM if MESSAGE_FROM_BEFORE.search(lowered) else 0


def _alone_given(folded: str) -> bool:
    """True if `folded` is a known given name of four letters or more that no word shares."""
    if folded in ALONE_GIVEN:
        return True
    return "-" in folded and folded not in _NOT_ALONE and is_given(folded)


class AloneInCapitals(Words):
    """The rules for a name in capitals no title introduces, and for a product's given name."""

    def _greeted(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name no word shares (`GREETED_GIVEN`;
        not "SUMMER", "MAY") right after a greeting, the phrase ending after it or after a word
        that may be a surname ("HI TOM,", "BONJOUR LÉO,", "HELLO TOM", "DEAR TOM OKAFOR,"), or is
        that surname: a greeting names whoever follows it, however short the name; an acronym, a
        team or a role is no given name ("HELLO HR,", "HI IT TEAM,", "DEAR CEO,")."""
        if self._greeted_given(k):
            if GREETING_END.match(self.text, self.spans[k][1]):
                return True  # "HI TOM,"
            after = k + 1
            return (
                after < len(self.words)
                and self.tight_pair(k)
                and GREETING_END.match(self.text, self.spans[after][1]) is not None
                and self.may_be_surname(after)
            )  # "DEAR TOM OKAFOR,"
        given = k - 1
        return (
            given >= 0
            and self.tight_pair(given)
            and GREETING_END.match(self.text, self.spans[k][1]) is not None
            and self._greeted_given(given)
            and self.may_be_surname(k)
        ) or self._greeted_surname(k)

    def _greeted_surname(self, k: int) -> bool:
        """True if word k, in capitals, no given name, stands right after a greeting, the phrase
        ending after it, as "Hi Okafor," does ("HI OKAFOR,", "DEAR KING,", "HALLO OKAFOR,"): a
        known surname no frequent word of the text's language, or a word of four letters or more
        that may be a surname and names no group, party or firm ("HI TEAM,", "DEAR SUPPLIER,",
        "HALLO ZUSAMMEN,", "HELLO AMAZON,": `_GREETED_GROUPS`, `_contact_object`)."""
        folded = self.folded[k]
        if is_given(folded) or folded in _GREETED_GROUPS:
            return False
        if not GREETING_END.match(self.text, self.spans[k][1]):
            return False
        if not _greeting_before(self._before[k]):
            return False
        if folded in SURNAMES:
            return not self.common_word(folded)
        return len(folded) > 3 and not self._contact_object(k)

    def _greeted_given(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name no word shares right after a
        greeting ("HI TOM", "Hola ANA"), maybe after "ST." opening it ("HI ST. JOHN,", as "Hi St.
        John,")."""
        folded = self.folded[k]
        if not (folded in GREETED_GIVEN or _alone_given(folded)) or not self.words[k].isupper():
            return False
        before = self._before[k]
        saint = _SAINT_BEFORE.search(before)
        return _greeting_before(before[: saint.start()] if saint else before)

    def after_contact_verb(self, k: int) -> bool:
        """True if word k, in capitals, is a person's after a verb of meeting or contacting, or a
        noun for a call and "WITH", in a sentence in capitals (`CONTACT_VERB_BEFORE`: "CALL WITH
        OKAFOR TODAY", as "Call with Okafor today"): a known given name of three letters no word
        shares ("MET TOM AT THE STORE"), also after another and "AND" ("CALLED AMY AND TOM"), a
        word that may be a surname ("MET OKAFOR AT THE STORE", "RAPPELER DUBOIS DEMAIN"), also
        after such a given name ("MET TOM SULLIVAN"): the phrase ending or a frequent word
        following it, or a word that may be a surname after the given name. Not a word such a
        verb takes that names no person (`CONTACT_OBJECTS`: "CALLED COURIER", "SAW DAMAGE"), nor
        one before a product's word: a surname no list holds is worth more than a noun kept. In
        German the verb may close the phrase, "MIT" before the name ("MIT TOM OKONKWO
        TELEFONIERT", "HABE MIT OKONKWO GESPROCHEN"; not "MIT LIEFERANT TELEFONIERT"), and a
        German profession may stand before it (`surname_after_profession`: "MIT NOTAR OKONKWO
        TELEFONIERT")."""
        folded = self.folded[k]
        short = len(folded) == 3 and folded in FIRST_NAMES and folded not in _NOT_ALONE
        if not short and (len(folded) <= 3 or is_given(folded) or self._contact_object(k)):
            return False
        before, end = self._before[k], self.spans[k][1]
        cued = before == before.upper() and (
            CONTACT_VERB_BEFORE.search(before.lower())
            or self._talked_with(k)
            or (TALKED_AFTER.match(self.text, end) and self._talked_to_after_profession(k))
        )
        after_given = not short and k > 0 and self.tight_pair(k - 1)
        if after_given and TALKED_AFTER.match(self.text, self.spans[k - 1][1]):
            return False  # the verb closing "MIT TOM GESPROCHEN"
        if not (
            cued
            or (short and self._after_short_given_and(k))
            or (after_given and self._short_given_cued(k - 1))
        ):
            return False
        if PHRASE_END.match(self.text, end) or TALKED_AFTER.match(self.text, end):
            return True  # "MET OKONKWO.", "MIT OKONKWO TELEFONIERT"
        following = NEXT_LOWER.match(self.text, end)
        if following is None or not following.group(1).isupper() or self._product_after(k):
            return False
        after = fold(following.group(1))
        if self.common_word(after) or after in SHOUTED:
            return True
        surname_next = k + 1 < len(self.words) and self.tight_pair(k)
        return short and surname_next and not self._contact_object(k + 1)

    def after_person_cue(self, k: int) -> bool:
        """True if word k, in capitals, no given name and may be a surname (see
        `_contact_object`), is a person's after a word for the person, a verb of contact
        following it (`PERSON_NOUN_BEFORE`: "CUSTOMER OKAFOR CALLED", "KUNDE OKAFOR HAT
        ANGERUFEN"), or after a message and "FROM", that verb following it or its line ending
        (`MESSAGE_FROM_BEFORE`: "EMAIL FROM OKAFOR", "APPEL DE OKAFOR"), in a sentence in
        capitals: as "Customer Okafor called", "Email from Okafor". Not a word for how a
        customer feels or is served ("CLIENT FURIEUX", "CUSTOMER SERVICE CALLED")."""
        if k == 0 or self.folded[k - 1] not in PERSON_CUE_ENDS:
            return False  # most words: asked first, as no cue ends with the word before
        cue = _person_cue_before(self._before[k])
        folded = self.folded[k]
        if not cue or len(folded) <= 3 or is_given(folded):
            return False
        end = self.spans[k][1]
        ends = post_cue(self.text, end) or (
            cue == _MESSAGE_FROM and LINE_END.match(self.text, end) is not None
        )
        return ends and folded not in _NO_PERSON_AFTER_CUE and not self._contact_object(k)

    def surname_after_profession(self, k: int) -> bool:
        """True if word k follows a German noun for a profession (`profession_before`: "Notar",
        "Rechtsanwältin") and a verb of talking or writing follows it (`talked_after`: "mit Notar
        Okonkwo telefoniert", "MIT NOTAR OKONKWO KURZ GESPROCHEN"): the surname, though no list
        holds it, as a listed one is there ("mit Notar Schmidt"); not a word no surname is or one
        such a phrase takes (`_contact_object`: "mit Sachbearbeiter Hotline telefoniert")."""
        return self._talked_to_after_profession(k) and not self._contact_object(k)

    def _talked_to_after_profession(self, k: int) -> bool:
        """`surname_after_profession` but for the word itself: any word there."""
        return talked_after(self.text, self.spans[k][1]) and profession_before(
            self._before[k].lower()
        )

    def _contact_object(self, k: int) -> bool:
        """True if word k is no surname (`may_be_surname`) or, maybe in the plural or declined, a
        word a verb of meeting or contacting takes that names no person (`listed_party`:
        "TARGETS", "AMAZON"; in German "LIEFERANTEN", "ANWALTS", "STEUERBÜRO")."""
        return not self.may_be_surname(k) or listed_party(self.folded[k])

    def _talked_with(self, k: int) -> bool:
        """True if "mit" ends what is written before word k and a German verb of talking follows
        the word, or the next one of its name ("MIT OKONKWO TELEFONIERT", "MIT TOM OKONKWO
        GESPROCHEN"): German writes the verb of a contact phrase last."""
        if not MIT_BEFORE.search(self._before[k].lower()):
            return False
        last = k + 1 if k + 1 < len(self.words) and self.tight_pair(k) else k
        return any(TALKED_AFTER.match(self.text, self.spans[j][1]) for j in {k, last})

    def _short_given_cued(self, k: int) -> bool:
        """True if word k is a short given name `after_contact_verb` takes ("MET TOM")."""
        folded = self.folded[k]
        return len(folded) == 3 and self.words[k].isupper() and self.after_contact_verb(k)

    def _after_short_given_and(self, k: int) -> bool:
        """True if word k comes after "AND" ("ET", "Y", "UND") and a short given name
        `after_contact_verb` takes ("CALLED AMY AND TOM")."""
        given = k - 2 if k > 1 and self.folded[k - 1] in AND_WORDS else k - 1
        if given < 0:
            return False
        joined = self.text[self.spans[given][1] : self.spans[k][0]]
        return joined in AND_BETWEEN and self._short_given_cued(given)

    def _alone_in_capitals_sentence(self, k: int) -> bool:
        """True if word k is a known given name of four letters or more that no word shares
        (`_NOT_ALONE`), in a sentence written in capitals of three words or more ("MET HANNAH AT
        THE TRADE SHOW") or after a name cue ("CC PRIYA:", "CALL HANNAH"); not after a word
        opening a place's name ("SAN FRANCISCO"), before a word for a place, a unit or a heading
        ("CHLOÉ STORE") or a product's (see `_product_after`) or after one in French or Spanish
        ("LA ROBE EMMA": `PRODUCT_BEFORE`), nor alone after an article but before a verb of a
        person ("THE EMMA IS TOO SOFT"; not "DIE HANNAH HAT ANGERUFEN", "THE HANNAH OKAFOR
        ACCOUNT")."""
        if not _alone_given(self.folded[k]) or _PLACE_OPENER_BEFORE.search(self._before[k]):
            return False
        after = k + 1
        if after < len(self.words) and self.tight_pair(k):
            following = self.folded[after]
            if following in HEADING_NOUNS or following in UNIT_WORDS:
                return False
        if self._product_after(k) or self.names_model(k):
            return False  # "THE EMMA MATTRESS", "RALPH LAUREN POLO", "LA ROBE EMMA"
        start, end = self.spans[k]
        if CAPITALS_ARTICLE_BEFORE.search(self._before[k]) and not (
            self._surname_may_follow(k)
            or post_cue(self.text, end)
            or SUBJECT_VERB.match(self.text[end : end + VERB_REACH].lower())
        ):
            return False  # "THE EMMA IS TOO SOFT"; not "DIE HANNAH HAT ANGERUFEN"
        low = max(0, start - _SENTENCE_REACH)
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, low, start)]
        first = breaks[-1] if breaks else low
        stop = _SENTENCE_BREAK.search(self.text, end, end + _SENTENCE_REACH)
        sentence = self.text[first : stop.start() if stop else end + _SENTENCE_REACH]
        if not sentence.isupper():
            return False
        if len(_LETTERS.findall(sentence)) >= _MIN_SENTENCE_WORDS:
            return True
        before = self._before[k].lower()
        return any(cue.search(before) for cue in (STRONG_CUE, LINE_OPENER, GREETING))

    def _given_before_alone_given(self, k: int) -> bool:
        """True if word k, a known given name in capitals, though also a word ("DIANA", "JEAN";
        not "WILL", "MAY", "SAID": `_NOT_BEFORE_ALONE`), comes right before a given name alone
        in a sentence in capitals (see `_alone_in_capitals_sentence`): the name's first word
        ("DIANA ROSS CALLED", "MET JEAN PAUL AT THE SHOW")."""
        folded = self.folded[k]
        if folded not in FIRST_NAMES or folded in _NOT_BEFORE_ALONE:
            return False
        after = k + 1
        if after >= len(self.words) or not self.tight_pair(k):
            return False
        return _alone_given(self.folded[after]) and self._alone_in_capitals_sentence(after)

    def _surname_after_alone_given(self, k: int) -> bool:
        """True if word k, in capitals, follows a known given name in a sentence in capitals (see
        `_alone_in_capitals_sentence`) and may be a surname, no contact verb following the given
        name ("MET HANNAH OKAFOR AT THE TRADE SHOW"; not "HANNAH RANG", "PETER REVIEW")."""
        given = k - 1
        if given < 0 or not self.tight_pair(given) or not _alone_given(self.folded[given]):
            return False
        if post_cue(self.text, self.spans[given][1]) or not self.may_be_surname(k):
            return False
        return self._alone_in_capitals_sentence(given)

    def _surname_may_follow(self, k: int) -> bool:
        """True if the word right after word k may be a surname, no contact verb following word k
        ("HANNAH OKAFOR"; not "HANNAH RANG", "EMMA IS")."""
        after = k + 1
        if after >= len(self.words) or not self.tight_pair(k):
            return False
        return not post_cue(self.text, self.spans[k][1]) and self.may_be_surname(after)

    def _product_after(self, k: int) -> bool:
        """True if a word for a product, a garment, a show or a place's feature (`PRODUCT_NOUNS`)
        follows word k in capitals, right after it or after a known name ("EMMA MATTRESS", "DIANA
        ROSS TICKETS", "RALPH LAUREN POLO", "CALVIN KLEIN SIZE CHART"): the name the product's, not
        a person's. Not after a verb or a word no list holds ("HANNAH SENT THE DRESS", "HANNAH
        OKAFOR WINE ORDER")."""
        after = k + 1
        if after >= len(self.words) or not self.tight_pair(k):
            return False
        if self.folded[after] in PRODUCT_NOUNS:
            return True
        then = after + 1
        if then >= len(self.words) or not self.tight_pair(after):
            return False
        return self.folded[then] in PRODUCT_NOUNS and known_name(self.folded[after])

    def names_model(self, k: int) -> bool:
        """True if word k, a given name, names a product's model after an article and a French or
        Spanish word for a product (`PRODUCT_BEFORE`: "la robe Emma", "LA ROBE EMMA EST ARRIVÉE"):
        alone, no given name or word that may be a surname right after it ("la robe Claire
        Martin"), nor a verb of a person ("la veste Emma a choisi", "el reloj Sofía lo compró")."""
        if not PRODUCT_BEFORE.search(self._before[k]):
            return False
        after = k + 1
        if after < len(self.words) and self.tight_pair(k):
            following = self.folded[after]
            if is_given(following) or known_surname(following) or self.may_be_surname(after):
                return False
        end = self.spans[k][1]
        return not (
            post_cue(self.text, end)
            or SUBJECT_VERB.match(self.text[end : end + VERB_REACH].lower())
            or FEELING_AFTER.match(self.text, end)
            or DID_AFTER.match(self.text, end)
        )
