"""A given name in capitals a neighbour makes a name: another name it is joined to by "AND"
("MIT TOM UND ANNA TELEFONIERT"), or a sign-off before it ("CHEERS,\\nROSE")."""

from c360.text.names_capitals_alone import (
    AND_BETWEEN,
    AND_WORDS,
    GREETED_GIVEN,
    AloneInCapitals,
)
from c360.text.names_cues import GREETING_END
from c360.text.names_lexicon import SURNAMES
from c360.text.names_signoff import after_sign_off, signature_ends
from c360.text.names_words import is_given

_MIN_JOINED = 3  # letters of a given name joined to another: "TOM", not "AL" or "ED"


class JoinedInCapitals(AloneInCapitals):
    """The rules for a given name in capitals beside another name or under a sign-off."""

    def _capitals_name(self, k: int, joined: bool = True) -> bool:
        """True if word k, in capitals, may be a name (see `CapitalsNames`); with `joined`
        false, not for a name it is joined to (`joined_to_name`)."""
        raise NotImplementedError

    def joined_to_name(self, k: int) -> bool:
        """True if word k, in capitals, is a known given name of three letters or more no word
        shares (`GREETED_GIVEN`: "TOM", not "MARK" or "SUMMER") joined by "AND", "UND", "ET",
        "Y" or "&" to a name in capitals on either side ("MIT TOM UND ANNA TELEFONIERT", "CALLED
        TOM & ANNA OKAFOR", "MET HANNAH AND TOM"), or to another such given name right after a
        greeting, the phrase ending after the two ("HI TOM AND AMY,"): the phrase names two
        people, as "Hi Tom and Anna," does."""
        if not self._joinable(k):
            return False
        for first, second in ((k, self._joined(k, 1)), (self._joined(k, -1), k)):
            if first is None or second is None:
                continue
            other = second if first == k else first
            if not self.words[other].isupper():
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
        """The word joined to word k by "AND" (`AND_BETWEEN`), after it (`step` 1) or before it
        (`step` -1), if one is."""
        other = k + step
        if 0 <= other < len(self.words) and self.folded[other] in AND_WORDS:
            other += step  # "AND", "UND", "ET" are words; "Y" and "&" none
        if not 0 <= other < len(self.words):
            return None
        first, second = min(k, other), max(k, other)
        joined = self.text[self.spans[first][1] : self.spans[second][0]]
        return other if joined in AND_BETWEEN else None

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
