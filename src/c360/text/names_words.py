"""A text's capitalised words, where each stands, and what the name lists and the text itself
say of each: the facts every person-name rule asks about a word."""

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from c360.text.language import LANGUAGES, detect
from c360.text.lexicon_language import WORDS
from c360.text.names_lexicon import (
    AMBIGUOUS,
    FIRST_NAMES,
    HEADING_NOUNS,
    HONORIFICS,
    JOB_WORDS,
    MONTH_NAMES,
    MS_PRODUCTS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    SURNAMES,
    TASK_WORDS,
    UNIT_WORDS,
    WORDLIKE,
)

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


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, parted by whitespace."""
    return frozenset(text.split())


NOT_PLAIN = NOT_NAMES | ORG_WORDS | HONORIFICS
# Particles of a surname written in capitals ("LE BIHAN", "VON DER HEIDE", "DE LA ROCHE").
CAPITALS_PARTICLES = word_set("de la le del della der van von vom zur zum da di dos du des ten ter")
# Words written in capitals for emphasis or as a label, which a given name may follow ("URGENT,
# Marie a rappelé"): no surname, whatever stands beside them.
SHOUTED = word_set(
    """
    urgent urgente important importante attention achtung dringend wichtig asap info nota rappel
    relance todo merci thanks danke gracias update suivi bitte hinweis aviso ojo nb ps done fait
    erledigt hecho vip sav sap faq ceo cfo cto coo seo bio iva usa eur api erp tva ttc ht
    """
)
VOWEL = re.compile("[aeiouy]")
# The frequent words of each note language, and of any of them where the language is unknown.
_COMMON = {language: word_set(WORDS[language]) for language in LANGUAGES}
ANY_COMMON = frozenset().union(*_COMMON.values())
# Given names that are also words, and no surnames ("will", "hope", "june"; not "rose").
WORD_LIKE_GIVEN = (
    WORDLIKE | frozenset(w for w in AMBIGUOUS if w in MONTH_NAMES or is_given(w))
) - SURNAMES
# Words no surname is: the frequent words of every note language, and words for what notes ask
# or report, for a place, a part of an organisation, a job, a heading or a product "MS" names.
NO_SURNAME = (
    ANY_COMMON | TASK_WORDS | HEADING_NOUNS | UNIT_WORDS | JOB_WORDS | MS_PRODUCTS | SHOUTED
)
# Endings of common words rather than surnames: participles and gerunds ("APPROVED", "SIGNING"),
# nouns ("VALIDATION", "LIEFERUNG", "PAYMENT", "FACTURACIÓN"), adverbs ("DIRECTLY").
_COMMON_SHAPE = re.compile(
    r"^\w{3,}(?:ed|ing|ung|heit|keit|schaft|tion|sion|cion|ment|ness|ship|ity|ance|ence|able"
    r"|ible|ieren|iert|idad|aje|ly)$"
)
_EMAIL_LOCAL = re.compile(r"[\w.+-]+(?=@)")
_NOT_LETTERS = re.compile(r"[^a-z]+")
# What may follow a name: the end of the phrase.
PHRASE_END = re.compile(r"\s*(?:[.,;:!?()\n—–-]|$)")
NEXT_LOWER = re.compile(r"[ ]([^\W\d_]+)")
VERB_REACH = 40  # characters after a word in capitals looked at, lower-cased, for a verb


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


class Words:
    """One text's capitalised words, where each stands and what the text says of each."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.language = (language or "").lower()[:2]
        self.nouns_capitalised = self.language == "de"
        found = list(_WORD.finditer(text))
        self.spans = [m.span() for m in found]
        self.words = [m[0] for m in found]
        self.folded = [fold(w) for w in self.words]
        # What is written before each word, on its line: asked of most words, some twice.
        self._before: list[str] = []
        add, rfind = self._before.append, text.rfind
        for start, _ in self.spans:
            low = start - 48 if start > 48 else 0
            line = rfind("\n", low, start)
            add(text[line + 1 if line >= 0 else low : start])
        # Whether each word and the next are parted by `_GAP` only (most words end before
        # punctuation or a line break).
        self.adjacent = [
            text[end] == " " and (start == end + 1 or _GAP.fullmatch(text, end, start) is not None)
            for (_, end), (start, _) in pairwise(self.spans)
        ]
        self.adjacent.append(False)
        self._lower: set[str] | None = None
        self._email_words: set[str] | None = None  # see `_spelled_in_email`
        self._common: frozenset[str] | None = None  # see `common_word`

    def tight_pair(self, k: int) -> bool:
        """True if word k and the next are parted by one space only."""
        return self.adjacent[k] and self.spans[k][1] + 1 == self.spans[k + 1][0]

    def before(self, k: int) -> str:
        """Up to 48 characters before word k, on its line."""
        return self._before[k]

    def capitals_particle(self, k: int) -> bool:
        """True if word k is a surname particle written in capitals ("LE", "VON", "DE")."""
        return self.folded[k] in CAPITALS_PARTICLES and self.words[k].isupper()

    def written_given(self, k: int) -> bool:
        """True if word k is a known given name, not written in capitals ("John")."""
        return not self.words[k].isupper() and is_given(self.folded[k])

    def lower_case_use(self, k: int) -> bool:
        """True if word k also appears in lower case in the text: a common word, then."""
        if self._lower is None:
            self._lower = {fold(w) for w in _LOWER_WORD.findall(self.text)}
        return self.folded[k] in self._lower

    def common_word(self, folded: str) -> bool:
        """True if `folded` is a frequent word of the text's language (as given, or detected),
        of any note language if neither tells."""
        if self._common is None:
            language = self.language if self.language in _COMMON else detect(self.text)
            self._common = _COMMON.get(language, ANY_COMMON)
        return folded in self._common

    def may_be_surname(self, k: int) -> bool:
        """True if word k, which no name list holds, may be a surname: no frequent word of a note
        language nor a word for a task, a place, a job or a heading ("REVIEW", "OFFICE"), not
        shaped like a common word ("APPROVED", "LIEFERUNG"), not written in lower case elsewhere
        in the text, and with a vowel."""
        folded = self.folded[k]
        return not (
            folded in NO_SURNAME
            or _COMMON_SHAPE.match(folded)
            or not VOWEL.search(folded)
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
