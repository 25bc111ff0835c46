"""The verbs after a word opening a sentence that make it a name (`SUBJECT_VERB`)."""

import pytest

from c360.text.names_cues import SUBJECT_VERB
from c360.text.redact import redact


# A given name that is also a word ("Pilar", "Claire") opening a sentence before a verb of what a
# person gives, approves or turns down is the person; the word as a noun stays. ("donne" is left
# out: "la nouvelle donne" is a noun.)
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("es", "Pilar da el visto bueno al presupuesto revisado.",
      "[PERSON] da el visto bueno al presupuesto revisado."),
     ("es", "Pilar dio el visto bueno al presupuesto revisado.",
      "[PERSON] dio el visto bueno al presupuesto revisado."),
     ("es", "Pilar aprueba el presupuesto revisado.", "[PERSON] aprueba el presupuesto revisado."),
     ("es", "Pilar aprobó el presupuesto revisado.", "[PERSON] aprobó el presupuesto revisado."),
     ("es", "Pilar rechaza la oferta.", "[PERSON] rechaza la oferta."),
     ("es", "Pilar rechazó la oferta.", "[PERSON] rechazó la oferta."),
     ("es", "Pilar pidió un descuento.", "[PERSON] pidió un descuento."),
     ("fr", "Claire a donné son accord.", "[PERSON] a donné son accord."),
     ("fr", "Claire approuve le devis révisé.", "[PERSON] approuve le devis révisé."),
     ("fr", "Claire a approuvé le devis révisé.", "[PERSON] a approuvé le devis révisé."),
     ("fr", "Claire a refusé la remise.", "[PERSON] a refusé la remise."),
     ("es", "Pilar central del proyecto: la logística.",
      "Pilar central del proyecto: la logística."),
     ("es", "Luz verde para el pedido.", "Luz verde para el pedido."),
     ("fr", "Claire et nette, la réponse du client.", "Claire et nette, la réponse du client.")],
)  # fmt: skip
def test_a_wordlike_given_name_before_a_verb_of_giving_or_approving_is_a_name(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# The verb must be a word of its own: "da" is not the start of "dado", "dio" not of "diode".
@pytest.mark.parametrize(
    ("text", "verb"),
    [("Pilar da el visto bueno", True), ("Pilar dio su visto bueno", True),
     ("Pilar dado vuelta", False), ("Pilar diode", False), ("Pilar dar", False)],
)  # fmt: skip
def test_a_verb_matches_as_a_whole_word(text: str, verb: bool) -> None:
    assert (SUBJECT_VERB.match(text, len("Pilar")) is not None) is verb
