"""Whether a word written in capitals is a name ("MRS BROWN", "SMITH, John", "WILL SMITH")
or an acronym or a shouted word ("VIP", "URGENT"): the titles, particles, commas and months
around it."""

import re
from functools import lru_cache

from c360.identity.given_names import LISTED
from c360.text.names_capitals_alone import ALONE_GIVEN, PERSON_CUE_ENDS
from c360.text.names_capitals_joined import JoinedInCapitals
from c360.text.names_cues import (
    ARTICLE_BEFORE_TITLE,
    CAPITALS_TITLE_BEFORE,
    CONTACT_AFTER,
    CONTACT_BEFORE,
    GREETING,
    GREETING_END,
    LINE_OPENER,
    STRONG_CUE,
    SUBJECT_VERB,
    TITLE_ALSO_A_WORD,
    TITLE_BEFORE,
    post_cue,
)
from c360.text.names_lexicon import (
    AMBIGUOUS,
    FIRST_NAMES,
    FUNCTION_NOUNS,
    GERMAN_MONTHS,
    MONTH_NAMES,
    NOT_NAMES,
    SURNAMES,
    WORDLIKE,
)
from c360.text.names_words import (
    CAPITALS_PARTICLES,
    NEXT_LOWER,
    NO_SURNAME,
    NOT_PLAIN,
    PHRASE_END,
    SHOUTED,
    VERB_REACH,
    VOWEL,
    WORD_LIKE_GIVEN,
    fold,
    is_given,
    known_name,
    known_surname,
    surname_shaped,
    word_set,
)

# Particles that are articles too: after a surname in capitals, "LE" and "LA" alone open no
# second surname ("COLLET LE PREND TRÈS MAL").
_ARTICLES = word_set("le la")
# Particles in capitals no article is part of ("DE SOUZA", "VAN DYKE"; not "DER", "DEL", "DU").
_PLAIN_PARTICLES = word_set("de di da van von dos ten ter")
# Titles in capitals that are abbreviations too: "DR" (disaster recovery), "MS" (Microsoft), "SR"
# (senior).
_ABBREVIATION_TITLES = word_set("DR MS SR MX")
# Titles in capitals that take no word no list holds: abbreviations of "senior" and a gender.
_NOT_TITLES_BEFORE_WORDS = word_set("SR MX")
# Titles in capitals that are nouns too, after an article ("EINE FRAU", "LA SEÑORA", "THE PROF").
_NOUN_TITLES = word_set("HERR HERRN FRAU MONSIEUR MADAME SEÑOR SEÑORA PROF")
# The titles and particles `CAPITALS_TITLE_BEFORE` matches, as words.
_CAPITALS_TITLES = word_set(
    "MR MRS MS MX DR PROF MME MLLE MONSIEUR MADAME HERR HERRN FRAU SR SRA SRTA SEÑOR SEÑORA"
)
_PARTICLES_IN_CAPITALS = frozenset(particle.upper() for particle in CAPITALS_PARTICLES)
# A saint's abbreviation in capitals, which may open a surname ("ST. JOHN", "STE. MARIE").
_SAINTS = word_set("ST STE")


def capitals_title_before(before: str) -> re.Match[str] | None:
    """The title in capitals `before` ends with, maybe with particles ("MR ", "HERR VON "): the
    regex is searched only where the last word but particles may be such a title, as in a
    sentence written in capitals it would be for most words."""
    end = len(before) - 1
    if end < 2 or before[end] != " " or not (before[end - 1].isupper() or before[end - 1] == "."):
        return None  # every title and particle ends with a capital or a full stop
    start = before.rfind(" ", 0, end) + 1
    word = before[start:end]
    while word in _PARTICLES_IN_CAPITALS and start > 1:
        end = start - 1
        start = before.rfind(" ", 0, end) + 1
        word = before[start:end]
    # A word of letters only is a title whole or none; "MR.", "(MR" are left to the regex.
    if word.isalpha() and word not in _CAPITALS_TITLES:
        return None
    return _search_capitals_title(before)


@lru_cache(maxsize=4096)
def _search_capitals_title(before: str) -> re.Match[str] | None:
    return CAPITALS_TITLE_BEFORE.search(before)


def _listed(folded: str) -> bool:
    """True if `folded` is a known given name or a short form of one ("steph", "chrissy")."""
    return is_given(folded) or folded.replace("-", " ") in LISTED


class CapitalsNames(JoinedInCapitals):
    """The rules that tell a name written in capitals from an acronym or a shouted word."""

    def _capitals_name(self, k: int, joined: bool = True) -> bool:
        """True if word k, written in capitals, may be a name: after a title ("M. DUPONT",
        "M. LE BIHAN"; one in capitals before a name it takes, "MRS BROWN", "MR OKAFOR"), as a
        known surname, beside a given name ("John SMITH", "DUPONT Jean", "SMITH, John"), as a
        given name before a known surname ("WILL SMITH", "WILL Smith", "MAY JONES"), as a known
        given name alone in a sentence in capitals and the surname after it ("MET HANNAH OKAFOR
        AT THE TRADE SHOW") or after particles right after a name cue ("Call with DE LUCA"), as a
        given name signing under a sign-off or joined by "AND" to a name (`JoinedInCapitals`;
        `joined` false: not so joined); an acronym or a shouted word ("VIP", "URGENT") is none."""
        if self.folded[k] in CAPITALS_PARTICLES:
            return False
        lead = k  # the first of the capitals particles before it, or itself
        while lead > 0 and self.capitals_particle(lead - 1) and self.tight_pair(lead - 1):
            lead -= 1
        title = TITLE_BEFORE.search(self._before[lead])
        if title and title.group("title").lower() not in TITLE_ALSO_A_WORD:
            return True
        folded = self.folded[k]
        if known_surname(folded):
            return True
        capitals_title = capitals_title_before(self._before[lead])
        if capitals_title and self.takes_title(k, capitals_title, lead):
            return True  # "MRS BROWN", "MR OKAFOR", "MR VAN DYKE"; not "DR WILL REVIEW"
        if self.words[k] in _SAINTS and self._saint_after_cue(k):
            return True  # "CALL WITH ST. JOHN", as "Call with St. John"
        if folded in SHOUTED or not VOWEL.search(folded):
            return False  # "URGENT", "RGPD"
        if self._surname_after_titled_given(k, lead):
            return True  # "MRS MARY BROWN", "MR PETER VAN DYKE"
        if self.comma_name(k):
            return True
        if self._greeted(k):
            return True  # "HI TOM,", "DEAR TOM OKAFOR,"
        if self.signs_in_capitals(k):
            return True  # "CHEERS,\nROSE", "THANKS,\nTOM OKAFOR"
        if (folded in ALONE_GIVEN or "-" in folded) and self._alone_in_capitals_sentence(k):
            return True  # "MET HANNAH AT THE TRADE SHOW"
        if self._given_before_alone_given(k):
            return True  # "DIANA ROSS CALLED", "MET JEAN PAUL AT THE SHOW"
        previous = self.folded[k - 1] if lead == k and k else ""
        if (previous in ALONE_GIVEN or "-" in previous) and self._surname_after_alone_given(k):
            return True  # "MET HANNAH OKAFOR AT THE TRADE SHOW"
        if lead < k and self._particles_after_cue(k, lead):
            return True  # "Call with DE LUCA"
        if lead == k and self.after_contact_verb(k):
            return True  # "MET TOM AT THE STORE", "MET SULLIVAN", "MET TOM SULLIVAN"
        if k and self.folded[k - 1] in PERSON_CUE_ENDS and self.after_person_cue(k):
            return True  # "CUSTOMER OKAFOR CALLED", "EMAIL FROM OKAFOR", "APPEL DE OKAFOR"
        if joined and self.joined_to_name(k):
            return True  # "MIT TOM UND ANNA TELEFONIERT", "MET HANNAH AND TOM"
        if self.opens_before_verb(k) or self.talked_pair(k):
            return True  # "HANNAH CALLED", "MIT ADAEZE OKONKWO TELEFONIERT"
        after = k + 1
        tight_after = after < len(self.words) and self.tight_pair(k)
        # "WILL SMITH", "WILL Smith", "AMY SMITH", "MAY JONES": a given name in capitals before a
        # known surname, though the given name is also a word, a month or is short.
        given = is_given(folded) or self.month_name(k)
        if tight_after and given and known_surname(self.folded[after]):
            return True
        if len(folded) <= 3:
            return False  # "SLA", "CRM"
        before = lead - 1
        if before >= 0 and self.tight_pair(before):
            if self.written_given(before):
                return True  # "John SMITH", "Jean LE BIHAN"
            # "RUIZ DE AZÚA"; not over an article ("COLLET LE PREND": the surname, then a verb).
            article = lead == k - 1 and self.folded[lead] in _ARTICLES
            surname = self.words[before].isupper() and known_surname(self.folded[before])
            if lead < k and surname and not article:
                return True
        return tight_after and self.written_given(after)

    def _saint_after_cue(self, k: int) -> bool:
        """True if word k, "ST" or "STE" (`_SAINTS`), comes before ". " and a word in capitals no
        function word is, right after a name cue (`STRONG_CUE`, `LINE_OPENER`: "CALL WITH ST.
        JOHN", "MET ST. CLAIR", "CALL ST. JOHN BACK"), or after a greeting, the phrase ending
        after that word (`GREETING`, `GREETING_END`: "HI ST. CLAIR,"): "St." opening the surname,
        judged as it is in mixed case ("Call with St. John", "Hi St. Clair,"), where it is a
        capitalised word like any other. Not before a name written surname first ("Call with ST.
        JOHN, Olivia": `comma_name` takes the whole)."""
        after = k + 1
        if after == len(self.words):
            return False
        end = self.spans[k][1]
        if self.spans[after][0] != end + 2 or self.text[end] != ".":
            return False
        word = self.words[after]
        if not (word.isupper() and word.isalpha()) or self.folded[after] in NOT_NAMES:
            return False
        if self.comma_name(after):
            return False
        before = self._before[k].lower()
        if GREETING.search(before) and GREETING_END.match(self.text, self.spans[after][1]):
            return True  # "HI ST. CLAIR,", as "Hi St. Clair,"
        return STRONG_CUE.search(before) is not None or LINE_OPENER.search(before) is not None

    def _surname_after_titled_given(self, k: int, first: int) -> bool:
        """True if word k, in capitals, follows a title and a known given name in capitals, maybe
        particles from word `first` on between them ("MRS MARY BROWN", "FRAU ANNA SCHNEIDERHAN",
        "MR PETER VAN DYKE"): the surname, unless a common word of the text's language, a word no
        surname is (see `may_be_surname`) or a contact verb ("MR PETER BACK", "MR PETER REVIEW",
        "FRAU ANNA RUFT AN"), or after "LE" or "LA" alone ("MME MARIE LA RAPPELLE"). A known
        surname is one, and so is a word an e-mail address of the text spells ("p.review@")."""
        given = first - 1
        if given < 0 or not self.tight_pair(given) or not self.words[given].isupper():
            return False
        if first < k and all(self.folded[j] in _ARTICLES for j in range(first, k)):
            return False
        name = self.folded[given]
        if name not in FIRST_NAMES or name in WORDLIKE or name in AMBIGUOUS:
            return False
        before = self._before[given]
        title = TITLE_BEFORE.search(before)
        if not (
            (title and title.group("title").lower() not in TITLE_ALSO_A_WORD)
            or CAPITALS_TITLE_BEFORE.search(before)
        ):
            return False
        if self.folded[k] in SURNAMES or self._spelled_in_email(k):
            return True
        if post_cue(self.text, self.spans[given][1]) or self.common_word(self.folded[k]):
            return False
        return self.may_be_surname(k)

    def takes_title(self, k: int, title: re.Match[str], first: int) -> bool:
        """True if word k, after `title` (`CAPITALS_TITLE_BEFORE`) and the capitals particles from
        word `first` on, is the name the title introduces: a known name the title leaves no doubt
        about ("MRS BROWN", not "DR WILL REVIEW": see `doubtful_after_title`); after a title no
        acronym shares ("MR", "MME", "HERR"), a word that may be a surname ("MR OKAFOR", "MR VAN
        DYKE"; not "MR APPROVED") where something else says a person is meant: a request to call
        or a name cue before the title ("PLEASE CALL MR OKAFOR"), a contact verb or a verb of what
        a person says or wants after the word ("MR OKAFOR CALLED", "HERRN OKAFOR ZURÜCKRUFEN", "MR
        OKAFOR WANTS"), the end of the phrase ("MR OKAFOR.") or a surname's ending ("FRAU
        NOWAKOWSKI"); not where the title is a noun after an article ("EINE FRAU RIEF AN") or a
        function follows "LE" or "LA" ("MME LA DIRECTRICE"). After "MS" or "DR", acronyms too, only
        a request to call or a name cue before the title will do ("MET MS DE SOUZA"; not "MS DE
        SOUZA WAS THRILLED", "MS OFFICE", "DR SITE")."""
        folded = self.folded[k]
        if folded in CAPITALS_PARTICLES:
            return False
        if known_name(folded):
            return not self.doubtful_after_title(k)
        word = title.group("title")
        if word in _NOT_TITLES_BEFORE_WORDS or not self.may_be_surname(k):
            return False
        articles = first < k and all(self.folded[j] in _ARTICLES for j in range(first, k))
        if articles and folded in FUNCTION_NOUNS:
            return False  # "MME LA DIRECTRICE", "MONSIEUR LE MAIRE"; not "MME LE BIHAN"
        before, opens = title.string, title.start("title")
        if word in _NOUN_TITLES and ARTICLE_BEFORE_TITLE.search(before, 0, opens):
            return False
        cued = CONTACT_BEFORE.search(before, 0, opens) or STRONG_CUE.search(before[:opens].lower())
        if word in _ABBREVIATION_TITLES:
            return cued is not None  # "MET MS DE SOUZA", "CALL DR OKAFOR"; not "MS DAVIES WAS"
        end = self.spans[k][1]
        return bool(
            cued
            or PHRASE_END.match(self.text, end)
            or post_cue(self.text, end)
            or SUBJECT_VERB.match(self.text[end : end + VERB_REACH].lower()) is not None
            or CONTACT_AFTER.match(self.text, end)
            or surname_shaped(self.words[k])
        )

    def doubtful_after_title(self, k: int) -> bool:
        """True if word k, a given name that is also a word and no surname ("WILL", "Mark",
        "Hope"), is no name after a title in capitals that is an abbreviation too ("DR WILL
        REVIEW", "SR MARK DOWN", "MS Grace period"): no request to call stands before the title
        ("CALL DR HOPE"), no known name follows the word, no verb a person does ("MS Grace
        called"), no frequent lower-case word ("... about"), and the phrase goes on."""
        if self.folded[k] not in WORD_LIKE_GIVEN:
            return False
        title = CAPITALS_TITLE_BEFORE.search(self._before[k])
        if title is None or title.group("title") not in _ABBREVIATION_TITLES:
            return False  # "MME CLAIRE RAPPELLE"
        if CONTACT_BEFORE.search(self._before[k], 0, title.start("title")):
            return False  # "PLEASE CALL DR HOPE TODAY"
        end = self.spans[k][1]
        if k + 1 < len(self.words) and self.tight_pair(k):
            after = self.folded[k + 1]
            return not (known_surname(after) or (is_given(after) and after not in WORDLIKE))
        if PHRASE_END.match(self.text, end) or post_cue(self.text, end):
            return False
        if SUBJECT_VERB.match(self.text, end):
            return False
        following = NEXT_LOWER.match(self.text, end)
        word = following.group(1) if following else ""
        return not (word.islower() and self.common_word(fold(word)))

    def _particles_after_cue(self, k: int, first: int) -> bool:
        """True if word k, in capitals, follows capitals particles from word `first` on, right
        after a name cue in a line not written in capitals ("Call with DE LUCA", "Appel de LE
        ROY"): a known name, or after a particle no article is part of a word that may be a
        surname ("Spoke to VAN DYKE"; not "Appel de LA POSTE", "Rückruf von DER POST", "con DEL
        MONTE")."""
        before = self._before[first]
        if before == before.upper() or not STRONG_CUE.search(before.lower()):
            return False
        if known_name(self.folded[k]):
            return True
        plain = all(self.folded[j] in _PLAIN_PARTICLES for j in range(first, k))
        return plain and self.may_be_surname(k)

    def month_name(self, k: int) -> bool:
        """True if word k is a given name that is also a month, right before a known surname
        ("MAY JONES", "June Smith") or a surname and a verb of speech or contact ("June Brown
        called"), and the text is not German (`GERMAN_MONTHS`)."""
        folded = self.folded[k]
        if folded not in MONTH_NAMES or (self.nouns_capitalised and folded in GERMAN_MONTHS):
            return False
        if k + 1 == len(self.words) or not self.tight_pair(k):
            return False
        after = self.folded[k + 1]
        if known_surname(after):
            return True
        end = self.spans[k + 1][1]
        return after in SURNAMES and (
            post_cue(self.text, end) or SUBJECT_VERB.match(self.text, end) is not None
        )

    def comma_name(self, k: int) -> bool:
        """True if word k, in capitals, a comma and the next word are a name written surname
        first, as loyalty cards write names: a given name or a short form of one after it
        ("SMITH, John", "KIM, Brian", "WILKINSON, Steph"), a word no list holds after a known
        surname (a misspelt given name: "HENDERSON, Megsn"), or a surname after a given name
        (the two swapped: "SOPHIE, Petit"). Not a given name after a word no surname is, a
        heading noun or a frequent word ("SALE, Summer collection"): that word is a label."""
        end = self.spans[k][1]
        after = k + 1
        if after >= len(self.words) or self.spans[after][0] != end + 2:
            return False
        if self.text[end : end + 2] != ", " or self.words[after].isupper():
            return False
        here, there = self.folded[k], self.folded[after]
        if there in NOT_PLAIN or here in SHOUTED or here in NOT_PLAIN:
            return False
        if _listed(there):  # not after a word no surname is: "SALE, Summer collection"
            return here in SURNAMES or here not in NO_SURNAME
        if here in SURNAMES:
            return there not in SURNAMES and not self.lower_case_use(after)
        return _listed(here) and there in SURNAMES
