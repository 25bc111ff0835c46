"""A text's capitalised words as the person-name rules read them: which may be part of a name
(`plain`), the runs they form, the lines they stand on, and a name signing a message."""

import re
from bisect import bisect_right

from c360.text.names_capitals import CapitalsNames
from c360.text.names_cues import COMPANY_SUFFIX, TALKED_AFTER
from c360.text.names_edition import given_edition_name
from c360.text.names_lexicon import ORG_WORDS, SURNAMES
from c360.text.names_signoff import after_sign_off, signature_ends
from c360.text.names_words import NOT_PLAIN, is_given, word_set

MAX_NAME_WORDS = 4
# Saints' abbreviations, which may open a surname or a place's name ("St. John", "St. Louis").
SAINTS = word_set("St ST Ste STE")
SENTENCE_START = re.compile(r"(?:^|[.!?…•*]|^\s*[-—–])\s*$")
_NEWLINE = re.compile("\n")


class Doc(CapitalsNames):
    """One text's capitalised words and what the rules ask about them."""

    def __init__(self, text: str, language: str | None) -> None:
        super().__init__(text, language)
        count = len(self.words)
        # "Max" is an edition's word, no name, after a product's ("Router Max"; `names_edition`).
        self._plain = [
            (f not in NOT_PLAIN or given_edition_name(self, k))
            and (not w.isupper() or self._capitals_name(k))
            for k, (w, f) in enumerate(zip(self.words, self.folded, strict=True))
        ]
        # Where each capitalised run starts and ends, and where each line starts: computed once,
        # as walking a run or a line from every word in it is quadratic in a long run, or in a
        # long text without line breaks.
        adjacent = self.adjacent
        self._run_first = run_first = list(range(count))
        for k in range(1, count):
            if adjacent[k - 1]:
                run_first[k] = run_first[k - 1]
        self._run_last = run_last = list(range(count))
        for k in range(count - 2, -1, -1):
            if adjacent[k]:
                run_last[k] = run_last[k + 1]
        # Runs in capitals cut at words no name holds: each word's whole run before the cut.
        self._whole_run: dict[int, tuple[int, int]] = {}
        self._split_shouted_runs()
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._line_search: dict[tuple[int, re.Pattern[str]], bool] = {}
        # Whether a saint's abbreviation is among the words (`names_saint`): seldom.
        self.saints = not SAINTS.isdisjoint(self.words)

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

    def plain(self, k: int) -> bool:
        """True if word k may be part of a name: no title, function word, acronym or product."""
        return self._plain[k]

    def run_end(self, k: int) -> int:
        """Index of the last word of the capitalised run that starts at word k."""
        return self._run_last[k]

    def name_run_end(self, k: int) -> int:
        """`run_end`, but k itself or the next word for a word in capitals a German verb of
        talking follows, maybe after an adverb (`TALKED_AFTER`: "MIT OKONKWO HEUTE GESPROCHEN",
        "MIT ADAEZE OKONKWO TELEFONIERT"), and k itself after a word for the person and before a
        verb of contact (`after_person_cue`: "KUNDE OKAFOR HAT ANGERUFEN"): the verb ends the
        name."""
        if self.words[k].isupper():
            for last in (k, k + 1)[: self._run_last[k] - k + 1]:
                if TALKED_AFTER.match(self.text, self.spans[last][1]):
                    return last
            if self._run_last[k] > k and self.after_person_cue(k):
                return k  # "KUNDE OKAFOR HAT ANGERUFEN": the verb ends the name
        return self._run_last[k]

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

    def looks_like_org(self, k: int) -> bool:
        """True if the capitalised run around word k is a company or a product."""
        first, last = self._run_first[k], self._run_last[k]
        if last - first >= MAX_NAME_WORDS and (
            last - first >= 2 * MAX_NAME_WORDS or self.name_words(first, last) > MAX_NAME_WORDS
        ):
            return True  # not "FRANCISCO JAVIER FERNÁNDEZ DE CASTRO": particles are no words
        # A company's word or legal form anywhere in the run, cut or not ("JOHN SMITH TRADING LTD").
        # Not a given name joined to word k by "AND" ("HANNAH AND MAX CALLED"; "Pro Max" is one),
        # nor one opening a name ("Max Weber": a name's word, `plain`, is no company's).
        whole_first, whole_last = self._whole_run.get(k, (first, last))
        for j in range(whole_first, whole_last + 1):
            org = self.folded[j] in ORG_WORDS and not self._plain[j]
            if j != k and org and not self._given_joined(k, j):
                return True
        if COMPANY_SUFFIX.match(self.text, self.spans[whole_last][1]) is not None:
            return True
        # A name wedged mid-sentence between unknown words: "..., Maison Solène Sunscreen".
        wedged = first < k < last and self.unknown(first) and self.unknown(last)
        return bool(
            wedged and self.tight(first, last) and not SENTENCE_START.search(self.before(first))
        )

    def _given_joined(self, k: int, j: int) -> bool:
        """True if word j is a given name joined to word k by "AND" (see `joined_to_name`)."""
        return is_given(self.folded[j]) and j in (self._joined(k, 1), self._joined(k, -1))

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

    def signs(self, k: int) -> bool:
        """True if word k follows a sign-off (`after_sign_off`: "Cheers,\\nRose", "Cheers, Rose",
        "Viele Grüße\\nGrit") and its line holds nothing else but punctuation, a word that may be
        a surname after it ("Mark Okafor" under "Thanks,"), or a role or a firm set apart ("Rose,
        Account Manager", "Rose | Lumavo"): the name signing the message. Not a team, a service
        or a heading ("Support team", "Summer Sale team" under "Cheers,")."""
        if not after_sign_off(self.text, self.spans[k][0], self._before[k]):
            return False
        last = k
        if k + 1 < len(self.words) and self.tight_pair(k):
            last = k + 1
            if not self.plain(last) or not (
                self.folded[last] in SURNAMES or self.may_be_surname(last)
            ):
                return False  # "Summer Sale", "Rose Team"
        return signature_ends(self.text, self.spans[last][1])
