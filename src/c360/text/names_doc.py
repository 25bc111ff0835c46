"""A text's capitalised words, with the facts the person-name rules ask about them."""

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise

from c360.identity.given_names import LISTED
from c360.text.language import LANGUAGES, detect
from c360.text.lexicon_language import WORDS
from c360.text.names_cues import (
    ARTICLE_BEFORE_TITLE,
    CAPITALS_TITLE_BEFORE,
    COMPANY_SUFFIX,
    CONTACT_AFTER,
    CONTACT_BEFORE,
    CONTACT_VERB_BEFORE,
    DID_AFTER,
    FEELING_AFTER,
    GREETING,
    GREETING_END,
    LINE_OPENER,
    MIT_BEFORE,
    PRODUCT_BEFORE,
    SIGN_OFF_LINE,
    STRONG_CUE,
    SUBJECT_VERB,
    TALKED_AFTER,
    TITLE_ALSO_A_WORD,
    TITLE_BEFORE,
    post_cue,
)
from c360.text.names_lexicon import (
    AMBIGUOUS,
    CONTACT_OBJECTS,
    FIRST_NAMES,
    FUNCTION_NOUNS,
    GERMAN_MONTHS,
    GIVEN_ALSO_WORDS,
    HEADING_NOUNS,
    HONORIFICS,
    JOB_WORDS,
    MONTH_NAMES,
    MS_PRODUCTS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    PRODUCT_NOUNS,
    SURNAMES,
    TASK_WORDS,
    UNIT_WORDS,
    WORDLIKE,
)

MAX_NAME_WORDS = 4
SENTENCE_START = re.compile(r"(?:^|[.!?…•*]|^\s*[-—–])\s*$")

# Capitals of the Latin, Greek, Cyrillic and Armenian alphabets ("Éloïse", "Παπαδόπουλος",
# "Иванов"), Vietnamese and Welsh letters of Latin Extended Additional included.
_SCRIPTS = (range(0x41, 0x250), range(0x370, 0x557), range(0x1E00, 0x1F00))
_UPPER = "".join(c for r in _SCRIPTS for c in map(chr, r) if c.isupper() and c.isalpha())
# A capitalised word of two letters or more, hyphenated parts included ("Jean-Baptiste"), "O'"
# or "D'" before it. Opening with the capital, so the engine skips to capitals; the look-behind
# after it reads the character before the word.
_WORD = re.compile(
    rf"[{_UPPER}](?<![\w@-].)(?:(?<=[OD])['’][{_UPPER}])?[^\W\d_]+(?:-[^\W\d_]+)*(?![\w@])"
)
_LOWER_WORD = re.compile(rf"(?<![\w-])[^\W\d_{_UPPER}][^\W\d_]+")
# Initials written beside a name: before it ("J. Smith", "J.-P. Dupont", "И. И. Иванов") or
# after it ("Иванов И. И.", "Müller H.", "Dupont J.-P.").
# Three at most, and not the abbreviations written the same way ("U.S.", "M.D.").
_INITIAL = rf"[{_UPPER}]\."
_INITIALS = rf"(?!(?:U\.[SKN]|E\.U|M\.D)\.){_INITIAL}(?:-?{_INITIAL}|[ ]{_INITIAL}){{0,2}}"
INITIALS_BEFORE = re.compile(rf"(?<![\w.'’-]){_INITIALS}[ ]$")
INITIALS_AFTER = re.compile(rf"[ ]{_INITIALS}(?![\w])")
# Surname endings of Central and Eastern Europe (Polish "-ski", "-wicz", "-czyk"; Czech "-ová";
# South Slavic "-ić"; Romanian "-escu"; Ukrainian "-enko"; Lithuanian "-ienė"; Russian "-ов",
# declined "-овым"): a second unknown word so shaped makes the pair a name.
_SURNAME_SHAPE = re.compile(
    r"\w{3,}(?:sk[aiy]|ck[aiy]|wicz|czyk|czak|czuk|ová|ský|ská|ić|escu|eanu|enko|chuk|auskas"
    r"|ienė|aitė|ytė|shvili|(?:ов|ев|ёв)(?:а|у|е|ым|ой|ом|ых)?|(?:ск|цк)(?:ий|ая|ого|ому|им|ой|ую)"
    r"|енко|[чюу]к)$"
)
# Between two words of one name: a space, maybe surname particles ("de la", "von der").
_GAP = re.compile(r"[ ](?:(?:" + "|".join(PARTICLES) + r")[ ])?")
_NEWLINE = re.compile("\n")
_FOLD_EXTRA = str.maketrans(
    {"ß": "ss", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"}
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case `word` and strip its accents: "Jürgen" -> "jurgen"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def surname_shaped(word: str) -> bool:
    """True if `word` ends the way surnames of Central and Eastern Europe do ("Kowalczyk")."""
    return _SURNAME_SHAPE.match(word.lower()) is not None


def is_given(folded: str) -> bool:
    """True if `folded` (see `fold`) is a known given name, hyphenated ones included."""
    return (
        folded in FIRST_NAMES
        or folded in WORDLIKE
        or ("-" in folded and all(part in FIRST_NAMES for part in folded.split("-")))
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_PLAIN = NOT_NAMES | ORG_WORDS | HONORIFICS
# Particles of a surname written in capitals ("LE BIHAN", "VON DER HEIDE", "DE LA ROCHE").
CAPITALS_PARTICLES = _words("de la le del della der van von vom zur zum da di dos du des ten ter")
# Words written in capitals for emphasis or as a label, which a given name may follow ("URGENT,
# Marie a rappelé"): no surname, whatever stands beside them.
_SHOUTED = _words(
    """
    urgent urgente important importante attention achtung dringend wichtig asap info nota rappel
    relance todo merci thanks danke gracias update suivi bitte hinweis aviso ojo nb ps done fait
    erledigt hecho vip sav sap faq ceo cfo cto coo seo bio iva usa eur api erp tva ttc ht
    """
)
_VOWEL = re.compile("[aeiouy]")
# Particles that are articles too: after a surname in capitals, "LE" and "LA" alone open no
# second surname ("COLLET LE PREND TRÈS MAL").
_ARTICLES = _words("le la")
# Particles in capitals no article is part of ("DE SOUZA", "VAN DYKE"; not "DER", "DEL", "DU").
_PLAIN_PARTICLES = _words("de di da van von dos ten ter")
# The frequent words of each note language, and of any of them where the language is unknown.
_COMMON = {language: _words(WORDS[language]) for language in LANGUAGES}
_ANY_COMMON = frozenset().union(*_COMMON.values())
# Given names that are also words, and no surnames ("will", "hope", "june"; not "rose").
WORD_LIKE_GIVEN = (
    WORDLIKE | frozenset(w for w in AMBIGUOUS if w in MONTH_NAMES or is_given(w))
) - SURNAMES
# Titles in capitals that are abbreviations too: "DR" (disaster recovery), "MS" (Microsoft), "SR"
# (senior).
_ABBREVIATION_TITLES = _words("DR MS SR MX")
# Titles in capitals that take no word no list holds: abbreviations of "senior" and a gender.
_NOT_TITLES_BEFORE_WORDS = _words("SR MX")
# Titles in capitals that are nouns too, after an article ("EINE FRAU", "LA SEÑORA", "THE PROF").
_NOUN_TITLES = _words("HERR HERRN FRAU MONSIEUR MADAME SEÑOR SEÑORA PROF")
# Words no surname is: the frequent words of every note language, and words for what notes ask
# or report, for a place, a part of an organisation, a job, a heading or a product "MS" names.
_NO_SURNAME = (
    _ANY_COMMON | TASK_WORDS | HEADING_NOUNS | UNIT_WORDS | JOB_WORDS | MS_PRODUCTS | _SHOUTED
)
# What a German contact phrase takes that names no person and no list of frequent words holds
# ("MIT LIEFERANT TELEFONIERT", "TELEFONIERT MIT HERSTELLER"), as `fold` writes them: beside
# `CONTACT_OBJECTS`, with the "-n" and "-en" German adds ("MIT KOLLEGEN GESPROCHEN").
_GERMAN_CONTACT_OBJECTS = _words(
    """
    lieferant lieferantin hersteller herstellerin handler handlerin spediteur paketdienst
    lieferdienst zusteller paketbote bote fahrer kurier vertrieb kundendienst kundenservice
    kollege kollegin chef chefin vorgesetzte mitarbeiter mitarbeiterin berater beraterin
    verkaufer verkauferin sachbearbeiter sachbearbeiterin empfang technik werkstatt bank
    sparkasse vermieter vermieterin nachbar nachbarin anwalt anwaltin versand einkauf verkauf
    zoll filialleiter filialleiterin marktleiter logistik disponent inkasso
    """
)
# Endings of common words rather than surnames: participles and gerunds ("APPROVED", "SIGNING"),
# nouns ("VALIDATION", "LIEFERUNG", "PAYMENT", "FACTURACIÓN"), adverbs ("DIRECTLY").
_COMMON_SHAPE = re.compile(
    r"^\w{3,}(?:ed|ing|ung|heit|keit|schaft|tion|sion|cion|ment|ness|ship|ity|ance|ence|able"
    r"|ible|ieren|iert|idad|aje|ly)$"
)
# Given names no capital tells from a word in capitals (see `GIVEN_ALSO_WORDS`), and the known
# given names of four letters or more that are none of them.
_NOT_ALONE = WORDLIKE | AMBIGUOUS | MONTH_NAMES | GIVEN_ALSO_WORDS | _ANY_COMMON
_ALONE_GIVEN = frozenset(n for n in FIRST_NAMES if len(n) > 3 and n not in _NOT_ALONE)
# The known given names no word shares, of any length: after a greeting in capitals a name ("HI
# TOM,"), where an acronym is none ("HELLO HR,").
_GREETED_GIVEN = frozenset(n for n in FIRST_NAMES if n not in _NOT_ALONE)
# Given names that open no name before a given name alone in capitals: words like "WILL", months,
# frequent words of a note language ("SAID"); given names that are other words are let through
# ("DIANA ROSS", "JEAN PAUL").
_NOT_BEFORE_ALONE = WORDLIKE | AMBIGUOUS | MONTH_NAMES | _ANY_COMMON
# An article in capitals right before a word ("THE ", "LA ", "DIE ", "L'"): a given name after it
# names a product or a show ("THE EMMA MATTRESS", "WATCHED THE MATILDA MUSICAL"). Not "A", a
# preposition in Spanish and French written without its accent ("LLAMAR A HANNAH").
_CAPITALS_ARTICLE_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:(?:THE|AN|LE|LA|LES|UN|UNE|DER|DIE|DAS|DEN|DEM|DES|EIN|EINE|EINEN|EINEM"
    r"|EL|LOS|LAS|UNA|UNO)[ ]|L['’])$"
)
# Where a sentence ends, for a word in capitals: a line break, end punctuation, a colon; not a
# full stop inside a word ("S.KOCH@", "3.5").
_SENTENCE_BREAK = re.compile(r"[!?:;\n]|\.(?!\S)")
_SENTENCE_REACH = 160  # characters looked at on either side of a word for its sentence
_VERB_REACH = 40  # characters after a word in capitals looked at, lower-cased, for a verb
_SIGN_OFF_REACH = 40  # characters of the line before a word looked at for a sign-off
# The titles and particles `CAPITALS_TITLE_BEFORE` matches, as words.
_CAPITALS_TITLES = _words(
    "MR MRS MS MX DR PROF MME MLLE MONSIEUR MADAME HERR HERRN FRAU SR SRA SRTA SEÑOR SEÑORA"
)
_PARTICLES_IN_CAPITALS = frozenset(particle.upper() for particle in CAPITALS_PARTICLES)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MIN_SENTENCE_WORDS = 3
# Words that open a place's name before a given name ("SAN FRANCISCO", "ST. LOUIS").
_PLACE_OPENER_BEFORE = re.compile(
    r"(?<![\w.])(?:san|santa|santo|saint|sainte|st|ste|sankt|sao|são|los|las|fort|port|lake)"
    r"\.?[ ]$",
    re.IGNORECASE,
)
_EMAIL_LOCAL = re.compile(r"[\w.+-]+(?=@)")
_NOT_LETTERS = re.compile(r"[^a-z]+")
# "AND" between two names in capitals, as a word and as written between them.
_AND = _words("and et und")
_AND_BETWEEN = frozenset({" AND ", " ET ", " Y ", " UND ", " & "})
# What may follow a name: the end of the phrase.
_PHRASE_END = re.compile(r"\s*(?:[.,;:!?()\n—–-]|$)")
_NEXT_LOWER = re.compile(r"[ ]([^\W\d_]+)")


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


@lru_cache(maxsize=4096)
def _greeting_before(before: str) -> bool:
    """True if a greeting ends `before`, in any case ("HI ", "Bonjour ")."""
    return GREETING.search(before.lower()) is not None


def _alone_given(folded: str) -> bool:
    """True if `folded` is a known given name of four letters or more that no word shares."""
    if folded in _ALONE_GIVEN:
        return True
    return "-" in folded and folded not in _NOT_ALONE and is_given(folded)


def known_surname(folded: str) -> bool:
    """True if `folded` is a known surname, not also a common word, its parts if hyphenated
    ("schmidt-weber")."""
    if folded in AMBIGUOUS:
        return False
    return folded in SURNAMES or ("-" in folded and all(p in SURNAMES for p in folded.split("-")))


def known_name(folded: str) -> bool:
    """True if `folded` is a known surname or given name, common words among them ("brown",
    "may")."""
    return folded in SURNAMES or folded in MONTH_NAMES or is_given(folded)


def _listed(folded: str) -> bool:
    """True if `folded` is a known given name or a short form of one ("steph", "chrissy")."""
    return is_given(folded) or folded.replace("-", " ") in LISTED


def _adjacent(text: str, end: int, start: int) -> bool:
    """True if a word ending at `end` and the next, at `start`, are parted by `_GAP` only."""
    if text[end] != " ":  # most words end before punctuation or a line break
        return False
    return start == end + 1 or _GAP.fullmatch(text, end, start) is not None


class Doc:
    """One text's capitalised words and what the rules ask about them."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.language = (language or "").lower()[:2]
        self.nouns_capitalised = self.language == "de"
        found = list(_WORD.finditer(text))
        self.spans = [m.span() for m in found]
        self.words = [m.group() for m in found]
        self.folded = [fold(w) for w in self.words]
        # What is written before each word, on its line: asked of most words, some twice.
        self._before: list[str] = []
        for start, _ in self.spans:
            low = start - 48 if start > 48 else 0
            line = text.rfind("\n", low, start)
            self._before.append(text[line + 1 if line >= 0 else low : start])
        self.adjacent = [
            _adjacent(text, end, start) for (_, end), (start, _) in pairwise(self.spans)
        ]
        self.adjacent.append(False)
        self._lower: set[str] | None = None
        self._email_words: set[str] | None = None  # see `_spelled_in_email`
        self._common: frozenset[str] | None = None  # see `common_word`
        self._plain = [
            f not in _NOT_PLAIN and (not w.isupper() or self._capitals_name(k))
            for k, (w, f) in enumerate(zip(self.words, self.folded, strict=True))
        ]
        # Where each capitalised run starts and ends, and where each line starts: computed once,
        # as walking a run or a line from every word in it is quadratic in a long run, or in a
        # long text without line breaks.
        self._run_first = list(range(len(found)))
        for k in range(1, len(found)):
            if self.adjacent[k - 1]:
                self._run_first[k] = self._run_first[k - 1]
        self._run_last = list(range(len(found)))
        for k in range(len(found) - 2, -1, -1):
            if self.adjacent[k]:
                self._run_last[k] = self._run_last[k + 1]
        # Runs in capitals cut at words no name holds: each word's whole run before the cut.
        self._whole_run: dict[int, tuple[int, int]] = {}
        self._split_shouted_runs()
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._line_search: dict[tuple[int, re.Pattern[str]], bool] = {}

    def _split_shouted_runs(self) -> None:
        """Cut each run of more than `MAX_NAME_WORDS` words written in capitals at the words no
        name holds: such a run is a sentence written in capitals ("RDV VISIO AVEC JEAN VIDAL CE
        MATIN"), and a name in it is judged on its own words, not taken for a company's."""
        first = 0
        while first < len(self.words):
            last = self._run_last[first]
            if last - first >= MAX_NAME_WORDS and all(
                self.words[j].isupper() for j in range(first, last + 1)
            ):
                self._split_run(first, last)
            first = last + 1

    def _split_run(self, first: int, last: int) -> None:
        """Make runs of words first..last the stretches of words that may be a name's."""
        self._whole_run.update(dict.fromkeys(range(first, last + 1), (first, last)))
        start = first
        for j in range(first, last + 2):
            if j <= last and (self._plain[j] or self.capitals_particle(j)):
                continue
            for i in range(start, j):
                self._run_first[i], self._run_last[i] = start, j - 1
            if j <= last:
                self._run_first[j] = self._run_last[j] = j
            start = j + 1

    def _capitals_name(self, k: int) -> bool:
        """True if word k, written in capitals, may be a name: after a title ("M. DUPONT",
        "M. LE BIHAN"; one in capitals before a name it takes, "MRS BROWN", "MR OKAFOR"), as a
        known surname, beside a given name ("John SMITH", "DUPONT Jean", "SMITH, John"), as a
        given name before a known surname ("WILL SMITH", "WILL Smith", "MAY JONES"), as a known
        given name alone in a sentence in capitals and the surname after it ("MET HANNAH OKAFOR
        AT THE TRADE SHOW") or after particles right after a name cue ("Call with DE LUCA"); an
        acronym or a shouted word ("VIP", "URGENT") is none."""
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
        if folded in _SHOUTED or not _VOWEL.search(folded):
            return False  # "URGENT", "RGPD"
        if self._surname_after_titled_given(k, lead):
            return True  # "MRS MARY BROWN", "MR PETER VAN DYKE"
        if self.comma_name(k):
            return True
        if self._greeted(k):
            return True  # "HI TOM,", "DEAR TOM OKAFOR,"
        if (folded in _ALONE_GIVEN or "-" in folded) and self._alone_in_capitals_sentence(k):
            return True  # "MET HANNAH AT THE TRADE SHOW"
        if self._given_before_alone_given(k):
            return True  # "DIANA ROSS CALLED", "MET JEAN PAUL AT THE SHOW"
        previous = self.folded[k - 1] if lead == k and k else ""
        if (previous in _ALONE_GIVEN or "-" in previous) and self._surname_after_alone_given(k):
            return True  # "MET HANNAH OKAFOR AT THE TRADE SHOW"
        if lead < k and self._particles_after_cue(k, lead):
            return True  # "Call with DE LUCA"
        if lead == k and self.after_contact_verb(k):
            return True  # "MET TOM AT THE STORE", "MET SULLIVAN", "MET TOM SULLIVAN"
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

    def _greeted(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name no word shares (`_GREETED_GIVEN`;
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
        )

    def _greeted_given(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name no word shares right after a
        greeting ("HI TOM", "Hola ANA")."""
        folded = self.folded[k]
        if not (folded in _GREETED_GIVEN or _alone_given(folded)) or not self.words[k].isupper():
            return False
        return _greeting_before(self._before[k])

    def signs(self, k: int) -> bool:
        """True if word k opens the line right after a sign-off (`SIGN_OFF_LINE`: "Cheers,",
        "Cordialement", "Viele Grüße") and the line holds nothing else but punctuation, or but a
        word that may be a surname after it ("Rose", "Mark Okafor" under "Thanks,"): the name
        signing the message. Not a team, a service or a heading ("Support team", "Summer Sale
        team" under "Cheers,")."""
        if self._before[k].strip(" \t"):
            return False
        opens = self.spans[k][0] - len(self._before[k])
        if opens < 2 or self.text[opens - 1] != "\n":
            return False
        previous = self.text.rfind("\n", max(0, opens - _SIGN_OFF_REACH), opens - 1)
        if previous < 0 and opens > _SIGN_OFF_REACH:
            return False  # a line too long for a sign-off
        sign_off = self.text[previous + 1 : opens - 1].rstrip("\r").lower()
        if not SIGN_OFF_LINE.fullmatch(sign_off):
            return False
        last = k
        if k + 1 < len(self.words) and self.tight_pair(k):
            last = k + 1
            if not self.plain(last) or not (
                self.folded[last] in SURNAMES or self.may_be_surname(last)
            ):
                return False  # "Summer Sale", "Rose Team"
        end = self.spans[last][1]
        line_end = self.text.find("\n", end)
        rest = self.text[end : line_end if line_end >= 0 else len(self.text)]
        return not rest.strip(" \t\r.,!")

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
            or _PHRASE_END.match(self.text, end)
            or post_cue(self.text, end)
            or SUBJECT_VERB.match(self.text[end : end + _VERB_REACH].lower()) is not None
            or CONTACT_AFTER.match(self.text, end)
            or surname_shaped(self.words[k])
        )

    def may_be_surname(self, k: int) -> bool:
        """True if word k, which no name list holds, may be a surname: no frequent word of a note
        language nor a word for a task, a place, a job or a heading ("REVIEW", "OFFICE"), not
        shaped like a common word ("APPROVED", "LIEFERUNG"), not written in lower case elsewhere
        in the text, and with a vowel."""
        folded = self.folded[k]
        return not (
            folded in _NO_SURNAME
            or _COMMON_SHAPE.match(folded)
            or not _VOWEL.search(folded)
            or self.lower_case_use(k)
        )

    def _spelled_in_email(self, k: int) -> bool:
        """True if an e-mail address of the text spells word k in its local part, alone or after
        an initial ("p.review@", "preview@")."""
        if "@" not in self.text:
            return False
        if self._email_words is None:
            self._email_words = {
                chunk
                for local in _EMAIL_LOCAL.findall(self.text)
                for chunk in _NOT_LETTERS.split(fold(local))
                if len(chunk) >= 3
            }
        folded = self.folded[k]
        return folded in self._email_words or any(
            w[1:] == folded for w in self._email_words if len(w) == len(folded) + 1
        )

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
        if _CAPITALS_ARTICLE_BEFORE.search(self._before[k]) and not (
            self._surname_may_follow(k)
            or post_cue(self.text, end)
            or SUBJECT_VERB.match(self.text[end : end + _VERB_REACH].lower())
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
            or SUBJECT_VERB.match(self.text[end : end + _VERB_REACH].lower())
            or FEELING_AFTER.match(self.text, end)
            or DID_AFTER.match(self.text, end)
        )

    def _surname_may_follow(self, k: int) -> bool:
        """True if the word right after word k may be a surname, no contact verb following word k
        ("HANNAH OKAFOR"; not "HANNAH RANG", "EMMA IS")."""
        after = k + 1
        if after >= len(self.words) or not self.tight_pair(k):
            return False
        return not post_cue(self.text, self.spans[k][1]) and self.may_be_surname(after)

    def after_contact_verb(self, k: int) -> bool:
        """True if word k, in capitals, is a person's after a verb of meeting or contacting in a
        sentence in capitals (`CONTACT_VERB_BEFORE`): a known given name of three letters no word
        shares ("MET TOM AT THE STORE"), also after another and "AND" ("CALLED AMY AND TOM"), a
        word that may be a surname ("MET OKAFOR AT THE STORE", "RAPPELER DUBOIS DEMAIN"), also
        after such a given name ("MET TOM SULLIVAN"): the phrase ending or a frequent word
        following it, or a word that may be a surname after the given name. Not a word such a
        verb takes that names no person (`CONTACT_OBJECTS`: "CALLED COURIER", "SAW DAMAGE"), nor
        one before a product's word: a surname no list holds is worth more than a noun kept. In
        German the verb may close the phrase, "MIT" before the name ("MIT TOM OKONKWO
        TELEFONIERT", "HABE MIT OKONKWO GESPROCHEN"; not "MIT LIEFERANT TELEFONIERT")."""
        folded = self.folded[k]
        short = len(folded) == 3 and folded in FIRST_NAMES and folded not in _NOT_ALONE
        if not short and (len(folded) <= 3 or is_given(folded) or self._contact_object(k)):
            return False
        before = self._before[k]
        cued = before == before.upper() and (
            CONTACT_VERB_BEFORE.search(before.lower()) or self._talked_with(k)
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
        end = self.spans[k][1]
        if _PHRASE_END.match(self.text, end) or TALKED_AFTER.match(self.text, end):
            return True  # "MET OKONKWO.", "MIT OKONKWO TELEFONIERT"
        following = _NEXT_LOWER.match(self.text, end)
        if following is None or not following.group(1).isupper() or self._product_after(k):
            return False
        after = fold(following.group(1))
        if self.common_word(after) or after in _SHOUTED:
            return True
        surname_next = k + 1 < len(self.words) and self.tight_pair(k)
        return short and surname_next and not self._contact_object(k + 1)

    def _contact_object(self, k: int) -> bool:
        """True if word k is no surname (`may_be_surname`) or, maybe in the plural, a word a verb
        of meeting or contacting takes that names no person (`CONTACT_OBJECTS`: "TARGETS"; in
        German `_GERMAN_CONTACT_OBJECTS`: "LIEFERANTEN")."""
        folded = self.folded[k]
        singular = (folded, folded.removesuffix("s"), folded.removesuffix("es"))
        if not self.may_be_surname(k) or not CONTACT_OBJECTS.isdisjoint(singular):
            return True
        declined = (folded, folded.removesuffix("n"), folded.removesuffix("en"))
        return not _GERMAN_CONTACT_OBJECTS.isdisjoint(declined)

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
        given = k - 2 if k > 1 and self.folded[k - 1] in _AND else k - 1
        if given < 0:
            return False
        joined = self.text[self.spans[given][1] : self.spans[k][0]]
        return joined in _AND_BETWEEN and self._short_given_cued(given)

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
        if _PHRASE_END.match(self.text, end) or post_cue(self.text, end):
            return False
        if SUBJECT_VERB.match(self.text, end):
            return False
        following = _NEXT_LOWER.match(self.text, end)
        word = following.group(1) if following else ""
        return not (word.islower() and self.common_word(fold(word)))

    def common_word(self, folded: str) -> bool:
        """True if `folded` is a frequent word of the text's language (as given, or detected),
        of any note language if neither tells."""
        if self._common is None:
            language = self.language if self.language in _COMMON else detect(self.text)
            self._common = _COMMON.get(language, _ANY_COMMON)
        return folded in self._common

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

    def capitals_particle(self, k: int) -> bool:
        """True if word k is a surname particle written in capitals ("LE", "VON", "DE")."""
        return self.folded[k] in CAPITALS_PARTICLES and self.words[k].isupper()

    def tight_pair(self, k: int) -> bool:
        """True if word k and the next are parted by one space only."""
        return self.adjacent[k] and self.spans[k][1] + 1 == self.spans[k + 1][0]

    def written_given(self, k: int) -> bool:
        """True if word k is a known given name, not written in capitals ("John")."""
        return not self.words[k].isupper() and is_given(self.folded[k])

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
        if there in _NOT_PLAIN or here in _SHOUTED or here in _NOT_PLAIN:
            return False
        if _listed(there):  # not after a word no surname is: "SALE, Summer collection"
            return here in SURNAMES or here not in _NO_SURNAME
        if here in SURNAMES:
            return there not in SURNAMES and not self.lower_case_use(after)
        return _listed(here) and there in SURNAMES

    def plain(self, k: int) -> bool:
        """True if word k may be part of a name: no title, function word, acronym or product."""
        return self._plain[k]

    def before(self, k: int) -> str:
        """Up to 48 characters before word k, on its line."""
        return self._before[k]

    def line(self, k: int) -> str:
        """The line holding word k."""
        i = bisect_right(self._line_starts, self.spans[k][0])
        end = self._line_starts[i] - 1 if i < len(self._line_starts) else None
        return self.text[self._line_starts[i - 1] : end]

    def line_mentions(self, k: int, pattern: re.Pattern[str]) -> bool:
        """True if `pattern` occurs in the lower-cased line holding word k (searched once)."""
        key = (bisect_right(self._line_starts, self.spans[k][0]), pattern)
        found = self._line_search.get(key)
        if found is None:
            found = self._line_search[key] = pattern.search(self.line(k).lower()) is not None
        return found

    def run_end(self, k: int) -> int:
        """Index of the last word of the capitalised run that starts at word k."""
        return self._run_last[k]

    def lower_case_use(self, k: int) -> bool:
        """True if word k also appears in lower case in the text: a common word, then."""
        if self._lower is None:
            self._lower = {fold(w) for w in _LOWER_WORD.findall(self.text)}
        return self.folded[k] in self._lower

    def looks_like_org(self, k: int) -> bool:
        """True if the capitalised run around word k is a company or a product."""
        first, last = self._run_first[k], self._run_last[k]
        if last - first >= MAX_NAME_WORDS and (
            last - first >= 2 * MAX_NAME_WORDS or self.name_words(first, last) > MAX_NAME_WORDS
        ):
            return True  # not "FRANCISCO JAVIER FERNÁNDEZ DE CASTRO": particles are no words
        # A company's word or legal form anywhere in the run, cut or not ("JOHN SMITH TRADING LTD").
        whole_first, whole_last = self._whole_run.get(k, (first, last))
        if any(self.folded[j] in ORG_WORDS for j in range(whole_first, whole_last + 1) if j != k):
            return True
        if COMPANY_SUFFIX.match(self.text, self.spans[whole_last][1]) is not None:
            return True
        # A name wedged mid-sentence between unknown words: "..., Maison Solène Sunscreen".
        wedged = first < k < last and self.unknown(first) and self.unknown(last)
        return bool(
            wedged and self.tight(first, last) and not SENTENCE_START.search(self.before(first))
        )

    def name_words(self, first: int, last: int) -> int:
        """How many of words first..last are no surname particle written in capitals."""
        return sum(not self.capitals_particle(j) for j in range(first, last + 1))

    def tight(self, first: int, last: int) -> bool:
        """True if words first..last are separated by single spaces only."""
        return all(self.spans[j][1] + 1 == self.spans[j + 1][0] for j in range(first, last))

    def unknown(self, k: int) -> bool:
        """True if word k may be a name but no list knows it."""
        f = self.folded[k]
        return self.plain(k) and not is_given(f) and f not in SURNAMES
