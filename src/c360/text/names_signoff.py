"""A sign-off before a word, in any case: the word may be the name signing the message, on the
line under it ("Cheers,\\nRose", "THANKS,\\nTOM") or after it and a comma on its line ("Cheers,
Rose", "Saludos, Paloma").

>>> text = "Thanks for the update.\\nCheers, Rose"
>>> after_sign_off(text, text.index("Rose"), "Cheers, ")
True
>>> after_sign_off("We said cheers, Rose", 16, "We said cheers, ")
False
"""

import re

from c360.text.names_cues import SIGN_OFF_LINE

_SIGN_OFF_REACH = 48  # characters before a word looked at for a sign-off and blank lines
_SIGNATURE_GAP = re.compile(r"[ \t\r]*(?:--?[ \t\r]*)?")  # a blank line, a "-- " delimiter
# What may follow a name signing a message on its line: a role or a firm ("Rose, Account
# Manager", "Rose (Sales)", "Rose | Lumavo", "Mark - Lumavo").
_SIGNATURE_REST = re.compile(r"[ \t]*(?:[,(|/]|[-–—][ \t])")


def after_sign_off(text: str, start: int, before: str) -> bool:
    """True if the word at `start` of `text` follows a sign-off (`SIGN_OFF_LINE`: "Cheers,",
    "Cordialement", "VIELE GRÜSSE"): opening the line under it (blank lines and a "-- " line
    between them), or after it and a comma, the two opening the line ("Cheers, Rose").
    `before`: what the word's line holds before it, up to 48 characters (`Doc.before`)."""
    opens = start - len(before)
    if before.strip(" \t"):  # "Cheers, Rose": the sign-off opens the line, a comma ends it
        if opens and text[opens - 1] != "\n":
            return False  # `before` is cut: the line is longer, and no sign-off
        return before.rstrip(" \t").endswith(",") and bool(SIGN_OFF_LINE.fullmatch(before.lower()))
    if opens < 2 or text[opens - 1] != "\n":
        return False
    lines = text[max(0, opens - _SIGN_OFF_REACH) : opens - 1].split("\n")
    while len(lines) > 1 and _SIGNATURE_GAP.fullmatch(lines[-1]):
        lines.pop()  # blank lines, "-- " between the sign-off and the name
    if len(lines) == 1 and opens > _SIGN_OFF_REACH:
        return False  # a line too long for a sign-off
    return SIGN_OFF_LINE.fullmatch(lines[-1].rstrip("\r").lower()) is not None


def signature_ends(text: str, end: int) -> bool:
    """True if what follows `end` on its line is nothing but punctuation, or a role or a firm set
    apart ("Rose, Account Manager", "Rose | Lumavo"): a signature's line."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return not rest.strip(" \t\r.,!") or bool(_SIGNATURE_REST.match(rest))
