"""Person names on literal sentences: where a capital is a name's and where it is not."""

import re

import pytest

from c360.text import names_before
from c360.text.names_doc import Doc
from c360.text.redact import redact


# A given name that is also a word ("Ángel", "Claire") opening a sentence is a name when a verb
# or an object pronoun follows it bare: the word as a noun or adjective would not stand so.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("es", "Ángel lo tiene que validar con compras.",
      "[PERSON] lo tiene que validar con compras."),
     ("es", "Ángel confirma el pedido mañana.", "[PERSON] confirma el pedido mañana."),
     ("fr", "Claire nous a rappelé ce matin.", "[PERSON] nous a rappelé ce matin."),
     ("fr", "Claire doit valider le devis.", "[PERSON] doit valider le devis."),
     ("en", "Will wants a refund.", "[PERSON] wants a refund."),
     ("es", "Pilar valora la transparencia del proceso.",
      "[PERSON] valora la transparencia del proceso."),
     ("es", "Pilar agradece la rapidez de la entrega.",
      "[PERSON] agradece la rapidez de la entrega."),
     ("fr", "Claire apprécie le suivi du dossier.", "[PERSON] apprécie le suivi du dossier."),
     ("en", "Hope appreciates the quick reply.", "[PERSON] appreciates the quick reply."),
     ("es", "Pilar central del proyecto: la logística.",
      "Pilar central del proyecto: la logística."),
     ("es", "Luz verde para el pedido.", "Luz verde para el pedido."),
     ("fr", "Claire et nette, la réponse du client.", "Claire et nette, la réponse du client."),
     ("en", "Will call back tomorrow.", "Will call back tomorrow."),
     ("en", "Grace period ends Monday.", "Grace period ends Monday.")],
)  # fmt: skip
def test_a_wordlike_given_name_opening_a_sentence_before_a_verb_is_a_name(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# An unknown word before a model code ("Sonivo 4K", "Nexiq X200") is a brand, whatever cue
# precedes it; an unknown word alone after the cue is still a person.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("es", "Tiene que ver con Sonivo 4K Monitor Premium.",
      "Tiene que ver con Sonivo 4K Monitor Premium."),
     ("en", "Call with Nexiq X200 support, no news.", "Call with Nexiq X200 support, no news."),
     ("es", "Llamada con Zubizarreta 2 veces.", "Llamada con [PERSON] 2 veces."),
     ("es", "Llamada con Zubizarreta.", "Llamada con [PERSON].")],
)  # fmt: skip
def test_an_unknown_word_before_a_model_code_is_a_brand(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A capitalised particle after a given name opens the surname ("Pierre Le Goff"): the whole
# surname is the name's, not left in clear after "[PERSON]".
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("fr", "Appel entrant de Pierre Le Goff.", "Appel entrant de [PERSON]."),
     ("fr", "J'ai eu Jacques de La Roche au téléphone.", "J'ai eu [PERSON] au téléphone."),
     ("fr", "Échange avec Marie-Claire Le Bihan (mail).", "Échange avec [PERSON] (mail)."),
     ("fr", "Appel de Pierre. Le Goff est un cap breton.",
      "Appel de [PERSON]. Le Goff est un cap breton."),
     ("fr", "Passage de Pierre le matin.", "Passage de [PERSON] le matin.")],
)  # fmt: skip
def test_a_capitalised_particle_after_a_given_name_opens_the_surname(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A Spanish cooperative's legal form ("S.Coop.") after a run marks a company, as "S.L." does.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Call with Ms Davis re: Aurora Robotics S.Coop. account.",
      "Call with Ms [PERSON] re: Aurora Robotics S.Coop. account."),
     ("de", "Lieferung ging an den Standort von Aurora Robotics S. Coop.",
      "Lieferung ging an den Standort von Aurora Robotics S. Coop."),
     ("es", "Llamada con Aurora Ruiz, de Cooperativa Sur.",
      "Llamada con [PERSON], de Cooperativa Sur.")],
)  # fmt: skip
def test_a_cooperative_legal_form_marks_a_company(language: str, text: str, expected: str) -> None:
    assert redact(text, language)[0] == expected


# A lower-case particle before a surname ("von Berg", "de la Fuente", "d'Almeida"), or "St."
# ("St. John"), is the name's where the name opens a sentence or a clause or follows a
# preposition: the whole name is redacted, nothing of it left readable before "[PERSON]".
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "von Berg war im Laden, wir haben uns kurz unterhalten.",
      "[PERSON] war im Laden, wir haben uns kurz unterhalten."),
     ("de", "zur Mühlen telefonisch erreicht, im zweiten Versuch.",
      "[PERSON] telefonisch erreicht, im zweiten Versuch."),
     ("de", "Mailverkehr mit vom Hofe (emma_vomhofe@hotmail.de). Wir klären das.",
      "Mailverkehr mit [PERSON] ([EMAIL]). Wir klären das."),
     ("es", "Llamada entrante — de León. Reclamación por la visita.",
      "Llamada entrante — [PERSON]. Reclamación por la visita."),
     ("es", "Llamada rápida con de León (seguimiento de la semana pasada).",
      "Llamada rápida con [PERSON] (seguimiento de la semana pasada)."),
     ("es", "Intercambio de correos con del Río (adelrio@outlook.es). Solicita info.",
      "Intercambio de correos con [PERSON] ([EMAIL]). Solicita info."),
     ("fr", "Call de La Roche — compte Clearwater Foods S.L.",
      "Call [PERSON] — compte Clearwater Foods S.L."),
     ("fr", "Engagement prolongé, d'Almeida n'envisage pas d'autre fournisseur.",
      "Engagement prolongé, [PERSON] n'envisage pas d'autre fournisseur."),
     ("en", "St. John dropped by the store, we had a chat.",
      "[PERSON] dropped by the store, we had a chat."),
     ("en", "Fixed on the call, St. John was very grateful.",
      "Fixed on the call, [PERSON] was very grateful."),
     ("fr", "Appel de Pierre Martin ce matin.", "Appel de [PERSON] ce matin."),
     ("fr", "Rappel de Dupont demain.", "Rappel de [PERSON] demain."),
     ("fr", "Appel entrant de Le Floch.", "Appel entrant de [PERSON]."),
     ("fr", "Message de Da Silva via le formulaire.", "Message de [PERSON] via le formulaire."),
     ("es", "Hablamos de la reunión de mañana con Marta.",
      "Hablamos de la reunión de mañana con [PERSON].")],
)  # fmt: skip
def test_a_particle_or_saint_before_a_surname_is_the_names(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# Name words joined by a particle are one name ("Romain d'Almeida", "Ruiz de Azúa"), and so is a
# given name with a second one no list holds ("Ana Belén Valero").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("fr", "Chat en ligne avec Romain d'Almeida, repris ensuite par téléphone.",
      "Chat en ligne avec [PERSON], repris ensuite par téléphone."),
     ("es", "Ruiz de Azúa devuelve la llamada tras mi mensaje.",
      "[PERSON] devuelve la llamada tras mi mensaje."),
     ("es", "Cliente: Ana Belén Valero. Pasa por la tienda.",
      "Cliente: [PERSON]. Pasa por la tienda."),
     ("fr", "Passage de Pierre le matin avec Paul.", "Passage de [PERSON] le matin avec [PERSON]."),
     ("es", "Visita de Marta de la tienda de Lucía.",
      "Visita de [PERSON] de la tienda de [PERSON].")],
)  # fmt: skip
def test_name_words_joined_by_a_particle_or_a_second_given_name_are_one_name(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


def test_the_text_before_a_word_no_name_starts_with_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Thursday", "Call", "Email": function words never open a name, whatever title precedes.
    read: list[str] = []
    title = names_before.title

    def reading(doc: Doc, before: str) -> re.Match[str] | None:
        read.append(before)
        return title(doc, before)

    monkeypatch.setattr(names_before, "title", reading)
    text = "Mme Thursday. Call with Mme Dupont. Email sent."
    assert redact(text, "fr")[0] == "Mme Thursday. Call with Mme [PERSON]. Email sent."
    assert read == ["Mme Thursday. Call with Mme "]  # "Dupont"'s only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zorglub wants a refund. Mail: z.zorglub@example.fr", "[PERSON] wants a refund."),
        ("Zorglub wants a refund (z.zorglub@example.fr).", "[PERSON] wants a refund ("),
        # The local part right before a line break before the "@" still spells the name.
        ("Zorglub wants a refund.\nzorglub\n@example.fr", "[PERSON] wants a refund."),
        ("Zorglub wants a refund. Mail: team zorglub @example.fr", "Zorglub wants"),
        ("Zorglub wants a refund.", "Zorglub wants a refund."),
    ],
)
def test_a_word_an_e_mail_address_spells_is_a_name(text: str, expected: str) -> None:
    assert redact(text, "en")[0].startswith(expected)


# A given name that is also a word ("Summer", "Grace", "Victoria") before a capitalised common
# noun is the word, as headings and e-mail subjects write it ("Summer Deals", "Grace Period"),
# unless a title, a cue or a verb says it is a person or a known surname follows it.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Summer Deals", "Summer Deals"),
     (None, "Summer Deals", "Summer Deals"),
     ("en", "Summer Sale: 20% off everything", "Summer Sale: 20% off everything"),
     ("en", "Subject: Summer Deals for you", "Subject: Summer Deals for you"),
     ("en", "Shop our Summer Sale now.", "Shop our Summer Sale now."),
     ("en", "Grace Period Ends Soon", "Grace Period Ends Soon"),
     ("en", "Hope Springs Eternal", "Hope Springs Eternal"),
     ("en", "Meet us at Victoria Station.", "Meet us at Victoria Station."),
     ("en", "Summer Smith called.", "[PERSON] called."),
     ("en", "Summer Ashworth", "[PERSON]"),
     ("en", "Grace Kelly", "[PERSON]"),
     ("en", "Rosa Parks", "[PERSON]"),
     ("en", "Spoke with Summer Deals.", "Spoke with [PERSON]."),
     ("en", "Summer Deals said yes.", "[PERSON] said yes."),
     ("en", "Ms Summer Deals", "Ms [PERSON]")],
)  # fmt: skip
def test_a_wordlike_given_name_before_a_common_noun_is_the_word(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# Marketing pairs of a given name that is also a word and a capitalised noun ("Amber Alert",
# "Ruby Wedding", "Hope Programme") are the word, as "Summer Sale" is.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Amber Alert", "Amber Alert"),
     ("en", "Ruby Wedding", "Ruby Wedding"),
     ("en", "Our Amber Alert service", "Our Amber Alert service"),
     ("en", "The Ruby Wedding package", "The Ruby Wedding package"),
     ("en", "Ruby Wedding offer sent", "Ruby Wedding offer sent"),
     ("en", "Hope Programme launched", "Hope Programme launched"),
     ("en", "Spoke with Ruby Wedding.", "Spoke with [PERSON]."),
     ("en", "Ruby Wedding called.", "[PERSON] called."),
     ("en", "Amber Smith", "[PERSON]")],
)  # fmt: skip
def test_a_wordlike_given_name_before_a_marketing_noun_is_the_word(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A given name that is also a word ("Rose", "Mark", "Summer"), alone on the line after a sign-off
# or before a surname there, signs the message: a name. Elsewhere it needs the support it needs
# today ("Update: Grace period ends"), and a team or a service signing is no one ("The Team").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Cheers,\nRose", "Cheers,\n[PERSON]"),
     ("en", "Thanks,\nMark", "Thanks,\n[PERSON]"),
     ("en", "Thanks!\nMark\n", "Thanks!\n[PERSON]\n"),
     ("en", "Best regards,\nSummer", "Best regards,\n[PERSON]"),
     ("en", "Kind regards,\nGrace\nSince 2019", "Kind regards,\n[PERSON]\nSince 2019"),
     ("en", "Thanks,\nMark Smith", "Thanks,\n[PERSON]"),
     ("en", "Many thanks,\nHope Okonkwo", "Many thanks,\n[PERSON]"),
     ("fr", "Cordialement,\nRose", "Cordialement,\n[PERSON]"),
     ("fr", "Bien cordialement,\nClaire", "Bien cordialement,\n[PERSON]"),
     ("es", "Saludos,\nPaloma", "Saludos,\n[PERSON]"),
     ("es", "Un saludo,\nPaloma Ruiz", "Un saludo,\n[PERSON]"),
     ("de", "Viele Grüße\nGrit", "Viele Grüße\n[PERSON]"),
     ("de", "Mit freundlichen Grüßen\nGrit", "Mit freundlichen Grüßen\n[PERSON]"),
     ("en", "Regards,\nTom", "Regards,\n[PERSON]"),
     ("en", "Thanks,\nThe Team", "Thanks,\nThe Team"),
     ("en", "Regards,\nCustomer Service", "Regards,\nCustomer Service"),
     ("en", "Cheers,\nSupport team", "Cheers,\nSupport team"),
     ("en", "Thanks,\nSummer Sale team", "Thanks,\nSummer Sale team"),
     ("en", "Thanks,\nGrace period ends Monday", "Thanks,\nGrace period ends Monday"),
     ("en", "Update: Grace period ends", "Update: Grace period ends"),
     ("en", "Summer Sale starts", "Summer Sale starts"),
     ("en", "Order shipped.\nSummer", "Order shipped.\nSummer"),
     ("en", "Cheers,\n\nRose", "Cheers,\n\n[PERSON]"),
     ("en", "Cheers,\n-- \nRose", "Cheers,\n-- \n[PERSON]"),
     ("en", "Cheers,\nRose, Account Manager", "Cheers,\n[PERSON], Account Manager"),
     ("en", "Thanks,\nRose | Lumavo", "Thanks,\n[PERSON] | Lumavo"),
     ("en", "Thanks,\nMark - Lumavo", "Thanks,\n[PERSON] - Lumavo"),
     ("en", "Thank you very much,\nMark", "Thank you very much,\n[PERSON]"),
     ("en", "Love,\nRose", "Love,\n[PERSON]"),
     ("de", "Danke und Grüße\nGrit", "Danke und Grüße\n[PERSON]"),
     ("en", "Thanks,\nSummer Sale - ends Monday", "Thanks,\nSummer Sale - ends Monday"),
     ("en", "Thanks,\n\nSummer Collection", "Thanks,\n\nSummer Collection")],
)  # fmt: skip
def test_a_wordlike_given_name_alone_on_the_line_after_a_sign_off_is_a_name(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected
