"""A word in capitals a neighbour makes a name: another name it is joined to by "AND" ("MIT TOM
UND ANNA TELEFONIERT", "Tom and ANNA"), a sign-off before it ("CHEERS,\\nROSE"), a verb of
contact after it ("HANNAH CALLED") or, for two words, "MIT" and a German verb of talking around
them ("MIT ADAEZE OKONKWO TELEFONIERT")."""

import re

from c360.text.names_capitals_alone import (
    AND_BETWEEN,
    AND_WORDS,
    GREETED_GIVEN,
    AloneInCapitals,
)
from c360.text.names_cues import (
    GREETING_END,
    MIT_BEFORE,
    SUBJECT_VERB,
    TALKED_AFTER,
    post_cue,
)
from c360.text.names_german import talked_after
from c360.text.names_lexicon import SURNAMES
from c360.text.names_signoff import after_sign_off, signature_ends
from c360.text.names_words import NOT_PLAIN, VERB_REACH, is_given

_MIN_JOINED = 3  # letters of a given name joined to another: "TOM", not "AL" or "ED"
# "and" in lower case between two names, one of them in capitals ("Tom and ANNA").
_AND_BETWEEN_LOWER = frozenset({" and ", " et ", " y ", " und "})
# Where a sentence opens, before a word: a line's start, end punctuation, a colon, a bullet.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?…•*:]|^\s*[-—–])\s*$")
# Endings of German adjectives after "mit" ("MIT GERINGEM AUFPREIS", "MIT VOLLER GUTSCHRIFT").
_ADJECTIVE_ENDING = re.compile(r"(?:em|er|en|es)$")


class JoinedInCapitals(AloneInCapitals):
    """The rules for a word in capitals beside another name, under a sign-off, before a verb of
    contact, or one of two between "MIT" and a German verb of talking."""

    def _capitals_name(self, k: int, joined: bool = True) -> bool:
        """True if word k, in capitals, may be a name (see `CapitalsNames`); with `joined`
        false, not for a name it is joined to (`joined_to_name`)."""
        raise NotImplementedError

    def joined_to_name(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name of three letters or more no word
        shares (`GREETED_GIVEN`: "TOM", not "MARK" or "SUMMER") joined by "AND", "UND", "ET",
        "Y" or "&" to a name in capitals on either side ("MIT TOM UND ANNA TELEFONIERT", "CALLED
        TOM & ANNA OKAFOR", "MET HANNAH AND TOM"), to such a given name in mixed case ("Tom and
        ANNA"), or to another such given name right after a greeting, the phrase ending after the
        two ("HI TOM AND AMY,"): the phrase names two people, as "Hi Tom and Anna," does."""
        if not self._joinable(k):
            return False
        for first, second in ((k, self._joined(k, 1)), (self._joined(k, -1), k)):
            if first is None or second is None:
                continue
            other = second if first == k else first
            if not self.words[other].isupper():
                if self.written_given(other) and self._joinable(other):
                    return True  # "Tom and ANNA", "Anna und TOM"
                continue
            if self._capitals_name(other, joined=False):
                return True  # "MIT TOM UND ANNA TELEFONIERT"
            if (
                self._joinable(other)
                and self._greeted_given(first)
                and GREETING_END.match(self.text, self.spans[second][1]) is not None
            ):
                return True  # "HI TOM AND AMY,"
        return False

    def _joinable(self, k: int) -> bool:
        folded = self.folded[k]
        return len(folded) >= _MIN_JOINED and folded in GREETED_GIVEN

    def _joined(self, k: int, step: int) -> int | None:
        """The word joined to word k by "AND" (`AND_BETWEEN`) or "and", after it (`step` 1) or
        before it (`step` -1), if one is."""
        other = k + step
        if 0 <= other < len(self.words) and self.folded[other] in AND_WORDS:
            other += step  # "AND", "UND", "ET" are words; "Y" and "&" none
        if not 0 <= other < len(self.words):
            return None
        first, second = min(k, other), max(k, other)
        joined = self.text[self.spans[first][1] : self.spans[second][0]]
        return other if joined in AND_BETWEEN or joined in _AND_BETWEEN_LOWER else None

    def signs_in_capitals(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name signing the message after a
        sign-off (`after_sign_off`: "CHEERS,\\nROSE", "THANKS, TOM", "VIELE GRÜSSE\\nGRIT"), or
        the word after it that may be a surname ("THANKS,\\nTOM OKAFOR"); nothing else on the
        line but punctuation, or a role or a firm set apart. Not "THANKS,\\nSUMMER SALE"."""
        return self._signing_given(k) or (
            k > 0 and self.tight_pair(k - 1) and self._signing_given(k - 1)
        )

    def _signing_given(self, k: int) -> bool:
        if not (self.words[k].isupper() and is_given(self.folded[k])):
            return False
        if not after_sign_off(self.text, self.spans[k][0], self._before[k]):
            return False
        last = k
        if k + 1 < len(self.words) and self.tight_pair(k):
            last = k + 1
            following = self.folded[last]
            if not self.words[last].isupper() or not (
                following in SURNAMES or is_given(following) or self.may_be_surname(last)
            ):
                return False  # "SUMMER SALE", "ROSE TEAM"
        return signature_ends(self.text, self.spans[last][1])

    def opens_before_verb(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name of three letters or more no word
        shares (`GREETED_GIVEN`: "HANNAH", "TOM"; not "MAY", "SUMMER", "HR") opening a sentence
        before a verb of getting in touch or of what a person says or wants ("HANNAH CALLED",
        "TOM RANG", "HANNAH SAID YES"): the sentence names who acted, however short."""
        if not (self.words[k].isupper() and self._joinable(k)):
            return False
        if _SENTENCE_OPENS.search(self._before[k]) is None:
            return False
        end = self.spans[k][1]
        return post_cue(self.text, end) or bool(
            SUBJECT_VERB.match(self.text[end : end + VERB_REACH].lower())
        )

    def talked_pair(self, k: int) -> bool:
        """True if word k, in capitals, is one of two between "MIT" and a German verb of talking
        or writing, maybe after an adverb (`TALKED_AFTER`: "MIT ADAEZE OKONKWO TELEFONIERT",
        "MIT ADAEZE OKONKWO KURZ TELEFONIERT"), as one word there is (see `after_contact_verb`):
        each may be a surname and names nothing else such a phrase takes ("MIT POLIZEI BERLIN",
        "MIT TELEKOM HOTLINE"), the first without an adjective's ending ("MIT NEUEM LIEFERANTEN
        GESPROCHEN"); not before a verb of agreeing ("MIT SKONTO ABZUG VEREINBART")."""
        return self.opens_talked_pair(k) or self.opens_talked_pair(k - 1)

    def opens_talked_pair(self, first: int) -> bool:
        """True if word `first` is the first of two words `talked_pair` takes, both in capitals
        or both capitalised only ("mit Adaeze Okonkwo telefoniert")."""
        second = first + 1
        if first < 0 or second >= len(self.words) or not self.tight_pair(first):
            return False
        if self.words[first].isupper() != self.words[second].isupper():
            return False  # both in capitals, or both capitalised: "mit Adaeze Okonkwo telefoniert"
        if not MIT_BEFORE.search(self._before[first].lower()):
            return False
        if TALKED_AFTER.match(self.text, self.spans[first][1]):
            return False  # "MIT OKONKWO KURZ TELEFONIERT": one word, and an adverb
        if not talked_after(self.text, self.spans[second][1]):
            return False  # "MIT SKONTO ABZUG VEREINBART": things are agreed, people talked to
        opening = self.folded[first]
        if _ADJECTIVE_ENDING.search(opening) and not is_given(opening):
            return False
        if any(self._no_name_word(j) for j in (first, second)):
            return False  # "mit Casaluna Service telefoniert"
        return not (self._contact_object(first) or self._contact_object(second))

    def _no_name_word(self, k: int) -> bool:
        """True if word k is a function word, a company's or a title no given name is."""
        folded = self.folded[k]
        return folded in NOT_PLAIN and not is_given(folded)
