"""What the guard knows of given names: which are listed, which pairs are a man's and a woman's
form of one name, which spellings are one name, and what a misspelt name was meant to be.

Names are in :func:`c360.identity.normalise.name_key` form. The lists are our own (general
knowledge of English, French, German, Spanish and Italian names), never the generator's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from string import ascii_lowercase

from c360.identity.nicknames import FORMS
from c360.text.names_given import GIVEN_NAMES

_CACHE = 1 << 16

# Given names that are words too, which c360.text's lists leave out so that redaction takes
# no "Grace Period" or "Summer Deals" for a person.
_WORDS_TOO = frozenset([
    "april", "autumn", "crystal", "dawn", "faith", "faye", "grace", "hope", "hunter", "ivy", "joy",
    "june", "mason", "may", "melody", "rose", "skye", "summer",
])  # fmt: skip
# A given name of c360.text's lists or a name of the nickname table (what redaction reads too).
LISTED = frozenset(n.replace("-", " ") for n in GIVEN_NAMES) | FORMS.keys()
# A listed name, for identity: those and the word-names.
_LISTED = LISTED | _WORDS_TOO

# The masculine and feminine forms of one name: two people (a couple, siblings, twins), however
# close the spelling. Names used by both sexes (Andrea, Dominique, Camille) are left out.
_GENDERED = """
adrian/adriana adrien/adrienne agustin/agustina alan/alana albert/alberta albert/albertine
alejandro/alejandra alessandro/alessandra alexander/alexandra alexandre/alexandra
aleksander/aleksandra aleksandr/aleksandra alban/albane andre/andrea andre/andree angel/angela
angelo/angela anton/antonia antonio/antonia antoni/antonia antoine/antoinette
aurelien/aurelie bernard/bernadette bogdan/bogdana brendan/brenda carl/carla carlo/carla
carlos/carla catalin/catalina cayetano/cayetana charles/charlotte christian/christiane
christian/christina claudio/claudia clement/clementine daniel/daniela daniel/danielle
darius/daria dario/daria denis/denise dimitri/dimitra dominik/dominika emil/emilia emil/emilie
emile/emilie emilio/emilia emmanuel/emmanuelle eric/erica erik/erika ernest/ernestine
eugene/eugenie evan/eva fabien/fabienne federico/federica fernand/fernande fernando/fernanda
filip/filipa francesco/francesca francis/frances francisco/francisca francois/francoise
franz/franziska frederic/frederique gabriel/gabriela gabriel/gabrielle gael/gaelle
george/georgia georges/georgette gerald/geraldine ghislain/ghislaine gilbert/gilberte
giorgio/giorgia giovanni/giovanna giulio/giulia henri/henriette henry/henrietta ivan/ivana
jacques/jacqueline jan/jana jandro/jandra jean/jeanne jean/jeannette joel/joelle
johann/johanna johannes/johanna jose/josefa jose/josefina josef/josefa josef/josefina
joseph/josephine juan/juana jules/julie julian/julia julian/juliana julian/juliane
julien/julie julien/julienne julio/julia julius/julia justin/justine karol/karolina
kamil/kamila leon/leonie lilian/liliane louis/louisa louis/louise luc/lucie luc/lucette
lucian/lucia lucien/lucie lucien/lucienne luis/luisa luis/luise mael/maelle manuel/manuela
marcel/marcela marcel/marcelle marcelo/marcela marian/mariana mariano/mariana mario/maria
marion/mario marius/maria martin/martina martin/martine max/maxine michael/michaela
michel/micheline michel/michelle morgan/morgane nicholas/nicola nicolas/nicole noel/noelia
noel/noelle norman/norma paco/paca paolo/paola pascal/pascale patrick/patricia paul/paula
paul/paule paul/paulette paul/pauline paulo/paula pepe/pepa peter/petra petr/petra
pierre/pierrette rachid/rachida ramon/ramona raphael/raphaelle raymond/raymonde rene/renee
robert/roberta roberto/roberta simon/simona simon/simone stefan/stefanie stephan/stephanie
stephane/stephanie sylvain/sylvaine theo/thea theodore/theodora ulrich/ulrike
valentin/valentina valentin/valentine valerio/valeria vicente/vicenta victor/victoria
viktor/viktoria yves/yvette yvon/yvonne
"""
GENDERED: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split("/")) for pair in _GENDERED.split()
)

# Keys next to each other on a keyboard: a changed letter between two listed names is a slip
# of the finger only when the keys touch ("Lena"/"Lwna"), else another name ("Mary"/"Mark").
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    c: {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
    for row in _ROWS
    for i, c in enumerate(row)
}
# Spellings of one sound: "Catherine"/"Katherine", "Sara"/"Sarah", "Philip"/"Phillip".
_SOUNDS = (("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"), ("z", "s"), ("y", "i"), ("v", "f"))


def listed(name: str | None) -> bool:
    """Whether ``name`` is a given name or nickname of the lists (not a typo, not a rare name)."""
    return name in _LISTED


def gendered(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the masculine and feminine forms of one name."""
    return frozenset((a, b)) in GENDERED


@lru_cache(maxsize=_CACHE)
def spelling(name: str) -> str:
    """One spelling for names that sound alike: letters of one sound merged, doubles single,
    an "h" after a vowel dropped ("Sarah" → "sara", "Katherine" → "katerine", "Marc" → "mark")."""
    for letters, sound in _SOUNDS:
        name = name.replace(letters, sound)
    out: list[str] = []
    for char in name:
        if out and (char == out[-1] or (char == "h" and out[-1] in "aeiou")):
            continue
        out.append(char)
    return "".join(out)


def one_edit(a: str, b: str, changed: Callable[[str, str], bool]) -> bool:
    """Whether ``a`` and ``b`` are equal or one edit apart: a letter added or dropped, two
    neighbours swapped, or one letter changed where ``changed(old, new)`` allows it."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    head = 0
    while head < len(a) and a[head] == b[head]:
        head += 1
    if len(a) < len(b):
        return a[head:] == b[head + 1 :]
    if a[head + 2 :] == b[head + 2 :] and a[head : head + 2] == b[head : head + 2][::-1]:
        return True
    return a[head + 1 :] == b[head + 1 :] and changed(a[head], b[head])


def _touching(old: str, new: str) -> bool:
    return new in _NEIGHBOURS.get(old, ())


def slip(a: str, b: str) -> bool:
    """Between two listed names: one slip of the finger, the first letter spared (a letter
    added, dropped, two neighbours swapped, or one changed for the key next to it)."""
    return a == b or (a[:1] == b[:1] and one_edit(a, b, _touching))


def known(name: str) -> bool:
    """Whether ``name`` is listed, or a compound whose every word is ("maria carmen")."""
    return name in _LISTED or (" " in name and all(word in _LISTED for word in name.split()))


def _any(_old: str, _new: str) -> bool:
    return True


def typo(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (two letters or more) are one typo apart, the first letter
    spared: a letter added, dropped or doubled, two neighbours swapped, or one changed for any
    other ("lebrun"/"leburn", "jean pierre"/"jean oierre")."""
    return a != b and len(a) > 1 and len(b) > 1 and a[0] == b[0] and one_edit(a, b, _any)


@lru_cache(maxsize=_CACHE)
def misspelling(name: str, of: str) -> bool:
    """Whether ``name``, no :func:`known` name, is one :func:`typo` away from ``of``, a known
    one ("melussa" of "melissa"). Two known names (Lena, Leena) are two names, and of two
    unknown ones neither is the spelling."""
    return typo(name, of) and known(of) and not known(name)


@lru_cache(maxsize=_CACHE)
def corrections(name: str) -> tuple[str, ...]:
    """The listed names one slip away from an unlisted ``name`` ("jum" → "jim"; "alxe" → "alex"),
    the first letter kept: what a misspelt name may have been. Empty for a listed name."""
    if name in _LISTED or len(name) < 2 or " " in name:
        return ()
    found: set[str] = set()
    for i in range(1, len(name) + 1):
        head, tail = name[:i], name[i:]
        if tail:
            found.add(head + tail[1:])  # a doubled or stray letter
        if len(tail) > 1:
            found.add(head + tail[1] + tail[0] + tail[2:])  # two letters swapped
        for char in ascii_lowercase:
            found.add(head + char + tail)  # a dropped letter
            if tail:
                found.add(head + char + tail[1:])  # a changed letter
    return tuple(sorted(found & _LISTED))
