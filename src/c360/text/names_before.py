"""What is written before a capitalised word says of it: a title, initials, a name cue.

The text before a word (`Doc.before`, up to 48 characters of its line) is mostly empty, a word
opening a line, or one of a few phrases ("Call with ", "Spoke to "), so each regex over it runs
once per distinct text, not once per word: the searches are cached.

>>> cue_lead("call with von der ")
(True, 8)
>>> cue_lead("the ")
(False, 0)
"""

import re
from functools import lru_cache

from c360.text import names_cues as cues
from c360.text.language import LANGUAGES, detect
from c360.text.names_capitals import capitals_title_before
from c360.text.names_doc import Doc
from c360.text.names_lexicon import MS_PRODUCTS
from c360.text.names_saint import saint_surname
from c360.text.names_words import INITIALS_BEFORE, WORD_LIKE_GIVEN

_PARTICLE_SPLIT = re.compile(r"\w+[ ]|\w['’]")
_CACHED = 4096  # distinct texts before a word remembered: enough for nearly every repeat
# Letters of Slavic alphabets that English, French, German and Spanish do not use.
_SLAVIC_LETTER = re.compile(r"[łąęśćźżńšžčřěďťňůđЀ-ӿ]", re.IGNORECASE)


@lru_cache(maxsize=_CACHED)
def title_before(before: str) -> re.Match[str] | None:
    """The title `before` ends with ("Mme ", "Herrn von "), whatever the language."""
    return cues.TITLE_BEFORE.search(before)


@lru_cache(maxsize=_CACHED)
def initials_before(before: str) -> re.Match[str] | None:
    """The initials `before` ends with ("J.-P. ")."""
    return INITIALS_BEFORE.search(before)


@lru_cache(maxsize=_CACHED)
def cue_before(before: str) -> bool:
    """True if a cue that stands before a name ends `before` (lower-cased)."""
    return any(cue.search(before) for cue in (cues.STRONG_CUE, cues.LINE_OPENER, cues.GREETING))


@lru_cache(maxsize=_CACHED)
def greeting_before(before: str) -> bool:
    """True if a greeting ends `before` (lower-cased): "hola ", "dear "."""
    return cues.GREETING.search(before) is not None


@lru_cache(maxsize=_CACHED)
def office_of_before(before: str) -> bool:
    """True if "the office of" ends `before` (lower-cased): "appel avec le bureau de "."""
    return cues.OFFICE_OF.search(before) is not None


@lru_cache(maxsize=_CACHED)
def place_opener_before(before: str) -> bool:
    """True if a word opening a place's name ends `before`: "San ", "Los ", "Fort "."""
    return cues.PLACE_OPENER_BEFORE.search(before) is not None


@lru_cache(maxsize=_CACHED)
def cue_lead(before: str) -> tuple[bool, int]:
    """Whether a cue ends `before` (lower-cased), maybe followed by surname particles, and how
    many particle characters end it then: they open the name ("with von der Heide")."""
    lead = cues.LEAD_PARTICLES.search(before)
    cuts = [0]
    for particle in reversed(_PARTICLE_SPLIT.findall(lead.group()) if lead else []):
        cuts.append(cuts[-1] + len(particle))  # "von von der": the cue may own the first "von"
    # The longest particle lead a cue still stands before; a bare line opener ("Anruf ...")
    # takes the shortest, as it may swallow words.
    for lead_len in sorted(cuts, reverse=True):
        if cues.STRONG_CUE.search(before, 0, len(before) - lead_len):
            return True, lead_len
    for lead_len in cuts:
        if cues.LINE_OPENER.search(before, 0, len(before) - lead_len):
            return True, lead_len
    return False, 0


def cued(doc: Doc, k: int, before: str) -> tuple[bool, int]:
    """Whether a name cue surrounds word k, and how many particle characters lead the name.

    `before`: `doc.before(k)`, lower-cased.
    """
    end = doc.spans[doc.run_end(k)][1]
    if not before:  # a word opening a line: only a contact verb after its run is a cue
        return cues.post_cue(doc.text, end), 0
    if _cue_belongs_to_previous_word(doc, k):
        return False, 0
    if cues.post_cue(doc.text, end):
        return True, 0
    if before.endswith("mit ") and _talked_with(doc, k, before, end):
        return True, 0  # "mit Tom Okonkwo telefoniert", "MIT WEBER GESPROCHEN"
    if greeting_before(before) and (
        cues.GREETING_END.match(doc.text, end) or (doc.saints and _greeted_saint(doc, k))
    ):
        return True, 0
    if office_of_before(before):
        return False, 0
    return cue_lead(before)


def _greeted_saint(doc: Doc, k: int) -> bool:
    """True if word k is "St." or "Ste." opening a surname (`saint_surname`) that ends the
    greeting's phrase ("Hi St. Clair,", "DEAR ST. CLAIR,"), as a name alone does ("Hi Okafor,")."""
    name = saint_surname(doc, k)
    return name is not None and cues.GREETING_END.match(doc.text, doc.spans[name][1]) is not None


def _talked_with(doc: Doc, k: int, before: str, end: int) -> bool:
    """True if "mit" ends `before` and a German verb of talking follows word k or its run, which
    ends at `end` ("mit Tom Okonkwo telefoniert"; in capitals the verb may close the run: "MIT
    WEBER GESPROCHEN"), or word k and the next in capitals (`opens_talked_pair`: "MIT ADAEZE
    OKONKWO TELEFONIERT"): the cue German writes around the name."""
    if not cues.MIT_BEFORE.search(before):
        return False
    if any(cues.TALKED_AFTER.match(doc.text, at) for at in {doc.spans[k][1], end}):
        return True
    return doc.opens_talked_pair(k)


def _cue_belongs_to_previous_word(doc: Doc, k: int) -> bool:
    """True if word k follows a capitalised word that a cue stands before ("with Łukasz|
    Żółkiewski"): the cue was that word's, and its run was judged there, whole."""
    if k == 0 or not doc.adjacent[k - 1] or not doc.plain(k - 1):
        return False
    return cue_before(doc.before(k - 1).lower())


def title(doc: Doc, before: str) -> re.Match[str] | None:
    """The title `before` ends with, unless it is a word of the text's language ("pan")."""
    found = title_before(before)
    if found and found.group("title").lower() in cues.TITLE_ALSO_A_WORD and not slavic(doc):
        return None
    return found


def capitals_title(doc: Doc, k: int, before: str) -> re.Match[str] | None:
    """The title in capitals `before` word k ends with, maybe with particles ("MR VAN "), if the
    title takes word k (`Doc.takes_title`: "MR SMITH", "MR OKAFOR"; not "MS Teams", "DR WILL
    REVIEW") and no word for buying is written before it ("bought DR MARTENS")."""
    found = capitals_title_before(before)
    if found is None or _bought_before(before):
        return None
    first = k - len(found.group("lead").split())  # the first particle, or word k
    return found if doc.takes_title(k, found, first) else None


def no_name_after_capitals_title(doc: Doc, k: int, before: str) -> bool:
    """True if word k, a given name that is also a word, follows a title in capitals with nothing
    to make it a name ("Our DR Hope programme"), or is a product "MS" (Microsoft) names ("Call
    with MS Teams"): it names nobody, whatever stands before."""
    folded = doc.folded[k]
    if folded in MS_PRODUCTS:
        found = capitals_title_before(before)
        return found is not None and found.group("title") == "MS" and not found.group("lead")
    if folded not in WORD_LIKE_GIVEN:
        return False
    return capitals_title_before(before) is not None and doc.doubtful_after_title(k)


@lru_cache(maxsize=_CACHED)
def _bought_before(before: str) -> bool:
    return cues.BOUGHT_BEFORE.search(before) is not None


def slavic(doc: Doc) -> bool:
    """Whether the text may be in a Slavic language: its language, as given, is none the notes
    are written in; or, none given, it has a Slavic letter or is not detected as one of them
    (asked only where a rule depends on it: short texts are often detected wrong)."""
    if doc.language:
        return doc.language not in LANGUAGES
    return bool(_SLAVIC_LETTER.search(doc.text)) or _detected(doc.text) not in LANGUAGES


@lru_cache(maxsize=256)
def _detected(text: str) -> str:
    return detect(text)
