"""Person names written in lower case: a known name after a title ("Mr smith", "Herr müller",
"Sra. ruiz"; "M. le directeur" is none), or a known given name and a known surname together
("spoke with john smith").

>>> from c360.text.names_doc import Doc
>>> text = "Spoke with john smith, then Mr jones."
>>> [text[a:b] for a, b in lower_case_names(Doc(text, "en"))]
['jones', 'john smith']
"""

import re

from c360.text.names_doc import Doc
from c360.text.names_lexicon import (
    AMBIGUOUS,
    FIRST_NAMES,
    HONORIFICS,
    NOT_NAMES,
    PARTICLES,
    SURNAMES,
    WORDLIKE,
)
from c360.text.names_words import fold, is_given, known_surname

# A name written in lower case right after a title ("Mr smith", "Herr müller", "Sra. ruiz"),
# matched where the title ends.
_LOWER_AFTER_TITLE = re.compile(
    r"\.?[ ](?P<name>[^\W\d_A-Z][^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?:[ ](?P<more>[^\W\d_A-Z][^\W\d_]+))?(?![\w@])"
)
# Two words in lower case, each tried: "spoke with john smith".
_LOWER_PAIR = re.compile(
    r"(?<![\w@.+'’/-])(?=([^\W\d_]+)[ ]([^\W\d_]+(?:-[^\W\d_]+)?)(?![\w@'’-]|\.\w))"
)
# Given names that are words of the languages the notes are written in ("una", "said").
_GIVEN_ALSO_WORDS = frozenset({"una", "said", "max", "della", "jean", "mia", "ana", "lea", "iva"})
_LOWER_GIVEN = frozenset(
    n for n in FIRST_NAMES if n.isascii() and n not in AMBIGUOUS | WORDLIKE | _GIVEN_ALSO_WORDS
)
_NO_LOWER_NAME = NOT_NAMES | frozenset(PARTICLES)


def lower_case_names(doc: Doc) -> list[tuple[int, int]]:
    """Spans of names written in lower case: a known name after a title ("Mr smith", "M. le
    directeur" is none), or a known given name and a known surname together ("john smith")."""
    text = doc.text
    title_ends = []
    if not HONORIFICS.isdisjoint(doc.folded):
        title_ends = [doc.spans[k][1] for k, f in enumerate(doc.folded) if f in HONORIFICS]
    at = text.find("M. ")  # "M." is no word of `Doc`: one letter
    while at >= 0:
        if not at or not (text[at - 1].isalnum() or text[at - 1] in "._"):
            title_ends.append(at + 1)
        at = text.find("M. ", at + 1)
    spans = []
    for end in title_ends:
        m = _LOWER_AFTER_TITLE.match(text, end)
        if m is None:
            continue
        name = fold(m.group("name"))
        if name in _NO_LOWER_NAME or not (name in SURNAMES or is_given(name)):
            continue
        more = m.group("more")  # "Mr john smith"
        whole = more and is_given(name) and _lower_surname(more)
        spans.append((m.start("name"), m.end("more") if whole else m.end("name")))
    # Most texts hold no given name in lower case: their words tell at once. A given name with
    # an accent ("josé garcía") is looked for written without it only.
    if _LOWER_GIVEN.isdisjoint(text.split()):
        return spans
    for m in _LOWER_PAIR.finditer(text):
        given, surname = m.group(1), m.group(2)
        if given[0].islower() and fold(given) in _LOWER_GIVEN and _lower_surname(surname):
            spans.append((m.start(1), m.end(2)))
    return spans


def _lower_surname(word: str) -> bool:
    """True if `word`, in lower case, is a known surname and no common word."""
    return word[0].islower() and known_surname(fold(word))
