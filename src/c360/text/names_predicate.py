"""What a person is or has done, said right after a word with an auxiliary verb ("has left",
"has confirmed", "is on leave", "was off sick"): a given name that is also a word ("Grace",
"Hope", "Rose") opening a sentence before it is the person, as the word would not stand so.

Only participles a person's act takes and places a person is at: what a season, a month, a bill
or a grant does is left out ("Summer has arrived", "Bill was paid", "Grant has been approved",
"Hope is fading", "May is busy").

>>> person_predicate("Grace has left the company.", 5)
True
>>> person_predicate("Summer has arrived.", 6), person_predicate("Bill was paid.", 4)
(False, False)
>>> persons_act("Max und Anna haben angerufen.", 12)
True
"""

import re

from c360.text.names_cues import SUBJECT_VERB

# Adverbs an auxiliary and its participle may have between them ("has just left", "has not yet
# replied").
_ADVERBS = (
    r"(?:(?:just|already|now|finally|since|also|still|not|yet|never|recently|officially|kindly"
    r"|again)[ ])*"
)
# Participles of what a person does: leave, agree, sign, order, write back.
_DONE = (
    r"left|quit|resigned|retired|joined|confirmed|agreed|accepted|declined|refused|approved|signed"
    r"|countersigned|ordered|reordered|paid|cancell?ed|complained|asked|requested|called|phoned"
    r"|rung|emailed|e-mailed|texted|written|replied|responded|answered|contacted|promised"
    r"|mentioned|decided|chosen|opted|forwarded|renewed|upgraded|downgraded|booked|visited"
    r"|reviewed|threatened|escalated|reported|sent|handed over|taken over|gone on leave"
    r"|been in touch|been in contact|been off sick|been on leave"
)
# Where a person is, or is doing, after "is", "was" or "has been": away from work, busy with a
# customer's business. Not "unavailable": a colour is too ("Ruby is unavailable in size M"); nor
# "waiting for", "back from" or "away this year": a bill, a stone, a season may be.
_STATE = (
    r"on (?:annual |sick |maternity |paternity |parental )?leave|on holiday|on vacation|off sick"
    r"|off work|out of (?:the )?office|away (?:until|till|on leave)"
    r"|in hospital|in a meeting|no longer (?:with|at|in)"
    r"|asking|requesting|chasing|considering|planning|threatening"
    r"|complaining|insisting"
)
# The same in French, Spanish and German ("Claire a quitté", "Pilar está de baja", "Till ist im
# Urlaub").
_OTHER_LANGUAGES = (
    r"a (?:quitté|signé|répondu|refusé|commandé|payé|annulé|accepté)"
    r"|est (?:en congé|en vacances|absente?|en arrêt)"
    r"|está de (?:baja|vacaciones|viaje)|ha (?:dejado|firmado|confirmado|pagado|aceptado|rechazado"
    r"|respondido|contestado|cancelado)"
    r"|ist (?:im urlaub|in urlaub|krank|nicht erreichbar|ausgeschieden)|hat gekündigt"
)
PERSON_PREDICATE_AFTER = re.compile(
    rf"[ ](?:(?:has|had|hasn't|hadn't)[ ]{_ADVERBS}(?:{_DONE})"
    rf"|(?:is|was|isn't|wasn't|has been|had been)[ ]{_ADVERBS}(?:{_STATE})"
    rf"|{_OTHER_LANGUAGES})\b",
    re.IGNORECASE,
)


def person_predicate(text: str, end: int) -> bool:
    """True if an auxiliary and what a person has done or where a person is start at `end`,
    after a space (`PERSON_PREDICATE_AFTER`)."""
    return text[end : end + 1] == " " and PERSON_PREDICATE_AFTER.match(text, end) is not None


def person_acts(text: str, end: int) -> bool:
    """True if a verb of what a person does, says or wants (`SUBJECT_VERB`: "Rose wants", "Rose
    called") or an auxiliary and what a person has done or where a person is (`person_predicate`:
    "Rose has left") starts at `end`."""
    return SUBJECT_VERB.match(text, end) is not None or person_predicate(text, end)


# The same for two persons, with the verb in the plural ("Max and Anna have signed", "Max und
# Anna haben angerufen", "Max et Anna ont appelé", "Max y Ana han llamado"): of getting in touch
# too, which `POST_CUE` knows in the singular only.
_PLURAL_OTHER_LANGUAGES = (
    r"ont (?:appelé|rappelé|écrit|répondu|téléphoné|quitté|signé|refusé|commandé|payé|annulé"
    r"|accepté)|nous ont (?:appelés?|écrit|rappelés?)|sont passée?s|appellent|rappellent"
    r"|han (?:llamado|escrito|contestado|dejado|firmado|confirmado|pagado|aceptado|rechazado"
    r"|respondido|cancelado)|llamaron|escribieron|pasaron por|están de (?:baja|vacaciones|viaje)"
    r"|haben (?:angerufen|zurückgerufen|geschrieben|sich gemeldet|gekündigt|unterschrieben"
    r"|bestellt|bezahlt|storniert)|riefen an|rufen an|schrieben|meldeten sich|melden sich"
    r"|sind (?:im urlaub|in urlaub|krank|nicht erreichbar|ausgeschieden)"
)
PLURAL_PREDICATE_AFTER = re.compile(
    rf"[ ](?:(?:have|haven't)[ ]{_ADVERBS}(?:{_DONE})"
    rf"|(?:are|were|aren't|weren't|have been)[ ]{_ADVERBS}(?:{_STATE})"
    rf"|{_PLURAL_OTHER_LANGUAGES})\b",
    re.IGNORECASE,
)


def persons_act(text: str, end: int) -> bool:
    """True if a verb in the plural of what persons have done, where they are or how they got in
    touch (`PLURAL_PREDICATE_AFTER`: "have signed", "haben angerufen", "ont appelé") starts at
    `end`, after a space: the words before it, two names joined by "and", are persons."""
    return text[end : end + 1] == " " and PLURAL_PREDICATE_AFTER.match(text, end) is not None
