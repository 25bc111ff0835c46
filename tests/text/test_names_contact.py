"""A surname no list holds after a verb of meeting or contacting, in a note written in capitals:
a person (a noun such a verb takes is named in the lexicon)."""

from __future__ import annotations

import pytest

from c360.text.redact import redact


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "MET NAKAMURA AT THE POP-UP STORE", "MET [PERSON] AT THE POP-UP STORE"),
     ("en", "SPOKE TO ADEYEMI RE LATE DELIVERY", "SPOKE TO [PERSON] RE LATE DELIVERY"),
     ("en", "CALLED FITZPATRICK BACK, NO ANSWER", "CALLED [PERSON] BACK, NO ANSWER"),
     ("en", "EMAILED OKONKWO TODAY", "EMAILED [PERSON] TODAY"),
     ("fr", "CLIENT MÉCONTENT, APPELÉ OKAFOR POUR LE RETARD",
      "CLIENT MÉCONTENT, APPELÉ [PERSON] POUR LE RETARD"),
     ("es", "LLAMÉ A ECHEVERRÍA AYER", "LLAMÉ A [PERSON] AYER"),
     ("en", "SAW DAMAGE ON THE BOX", "SAW DAMAGE ON THE BOX"),
     ("en", "SAW SCRATCHES ON THE LID", "SAW SCRATCHES ON THE LID"),
     ("en", "EMAILED LABEL FOR THE RETURN", "EMAILED LABEL FOR THE RETURN"),
     ("en", "CALL SUMMARY: REFUND ISSUED", "CALL SUMMARY: REFUND ISSUED")],
)  # fmt: skip
def test_a_word_no_list_holds_after_a_contact_verb_is_a_person_unless_a_thing(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected
