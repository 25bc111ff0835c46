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
    CAPITALS_TITLE_BEFORE,
    COMPANY_SUFFIX,
    CONTACT_BEFORE,
    SUBJECT_VERB,
    TITLE_ALSO_A_WORD,
    TITLE_BEFORE,
    post_cue,
)
from c360.text.names_lexicon import (
    AMBIGUOUS,
    FIRST_NAMES,
    GERMAN_MONTHS,
    HONORIFICS,
    MONTH_NAMES,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    SURNAMES,
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
# What may follow a name: the end of the phrase.
_PHRASE_END = re.compile(r"\s*(?:[.,;:!?()\n—–-]|$)")
_NEXT_LOWER = re.compile(r"[ ]([^\W\d_]+)")


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
        "M. LE BIHAN"; one in capitals before a known name, "MRS BROWN"), as a known surname,
        beside a given name ("John SMITH", "DUPONT Jean", "SMITH, John") or as a given name
        before a known surname ("WILL SMITH", "WILL Smith", "MAY JONES"); an acronym or a
        shouted word ("VIP", "URGENT") is none."""
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
        titled = known_name(folded) and CAPITALS_TITLE_BEFORE.search(self._before[lead])
        if titled and not self.doubtful_after_title(k):
            return True  # "MRS BROWN"; not "DR WILL REVIEW"
        if folded in _SHOUTED or not _VOWEL.search(folded):
            return False  # "URGENT", "RGPD"
        if lead == k and self._surname_after_titled_given(k):
            return True  # "MRS MARY BROWN"
        if self.comma_name(k):
            return True
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

    def _surname_after_titled_given(self, k: int) -> bool:
        """True if word k, in capitals, follows a title and a known given name in capitals
        ("MRS MARY BROWN", "FRAU ANNA SCHNEIDERHAN"): the surname, unless a common word of the
        text's language or a contact verb ("MR PETER BACK", "FRAU ANNA RUFT AN")."""
        given = k - 1
        if given < 0 or not self.tight_pair(given) or not self.words[given].isupper():
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
        if self.folded[k] in SURNAMES:
            return True
        return not (post_cue(self.text, self.spans[given][1]) or self.common_word(self.folded[k]))

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
        (the two swapped: "SOPHIE, Petit")."""
        end = self.spans[k][1]
        after = k + 1
        if after >= len(self.words) or self.spans[after][0] != end + 2:
            return False
        if self.text[end : end + 2] != ", " or self.words[after].isupper():
            return False
        here, there = self.folded[k], self.folded[after]
        if there in _NOT_PLAIN or here in _SHOUTED or here in _NOT_PLAIN:
            return False
        if _listed(there):
            return True
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
        if last - first >= MAX_NAME_WORDS:
            return True
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

    def tight(self, first: int, last: int) -> bool:
        """True if words first..last are separated by single spaces only."""
        return all(self.spans[j][1] + 1 == self.spans[j + 1][0] for j in range(first, last))

    def unknown(self, k: int) -> bool:
        """True if word k may be a name but no list knows it."""
        f = self.folded[k]
        return self.plain(k) and not is_given(f) and f not in SURNAMES
