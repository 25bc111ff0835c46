"""Given names that name a product: between an article and a word for a product ("the Emma
mattress"), or after an article and such a word in French or Spanish ("LA ROBE EMMA")."""

import pytest

from c360.text.redact import redact


# A given name between an article and a word for a product, a garment or a show names the
# product, written in capitals or not ("THE EMMA MATTRESS", "the Emma mattress"). Without such a
# word the name stays a person's ("The Emma I met"), and so does one a title or a mention of the
# person elsewhere in the text names.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "The Emma mattress arrived damaged.", "The Emma mattress arrived damaged."),
     (None, "The Emma mattress arrived damaged.", "The Emma mattress arrived damaged."),
     ("en", "She returned the Emma mattress.", "She returned the Emma mattress."),
     ("en", "Ordered the Sophia dress in red.", "Ordered the Sophia dress in red."),
     ("en", "Watched the Matilda musical.", "Watched the Matilda musical."),
     ("en", "The Emma Mattress arrived damaged.", "The Emma Mattress arrived damaged."),
     ("de", "Die Emma Matratze ist zu weich.", "Die Emma Matratze ist zu weich."),
     ("en", "The Emma I met was nice.", "The [PERSON] I met was nice."),
     ("en", "Emma mattress returned by Hannah.", "[PERSON] mattress returned by [PERSON]."),
     ("en", "Emma Smith returned the Emma mattress.",
      "[PERSON] returned the [PERSON] mattress."),
     ("en", "Spoke to Emma about the mattress.", "Spoke to [PERSON] about the mattress."),
     ("en", "The Hannah Okafor account was closed.", "The [PERSON] account was closed.")],
)  # fmt: skip
def test_a_given_name_between_an_article_and_a_product_word_is_no_name(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# French and Spanish write the product first: a given name right after an article and a word
# for a product ("LA ROBE EMMA", "EL VESTIDO EMMA", "la robe Emma") names the product's model.
# Not after a preposition ("LA ROBE DE HANNAH" is hers), nor in English, where a person may
# follow the product ("SENT THE DRESS HANNAH ORDERED").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("fr", "LA ROBE EMMA EST ARRIVÉE DÉCHIRÉE.", "LA ROBE EMMA EST ARRIVÉE DÉCHIRÉE."),
     (None, "LA ROBE EMMA EST ARRIVÉE DÉCHIRÉE.", "LA ROBE EMMA EST ARRIVÉE DÉCHIRÉE."),
     ("fr", "LE MATELAS HANNAH EST TROP MOU.", "LE MATELAS HANNAH EST TROP MOU."),
     ("es", "EL VESTIDO EMMA LLEGÓ ROTO.", "EL VESTIDO EMMA LLEGÓ ROTO."),
     ("es", "LA CAMISA HANNAH ESTÁ AGOTADA.", "LA CAMISA HANNAH ESTÁ AGOTADA."),
     ("fr", "La robe Emma est arrivée déchirée.", "La robe Emma est arrivée déchirée."),
     ("es", "El vestido Emma llegó roto.", "El vestido Emma llegó roto."),
     ("fr", "LA ROBE CHANEL EST ARRIVÉE.", "LA ROBE CHANEL EST ARRIVÉE."),
     ("fr", "LA ROBE DE HANNAH EST ARRIVÉE.", "LA ROBE DE [PERSON] EST ARRIVÉE."),
     ("fr", "ROBE RENDUE PAR HANNAH HIER.", "ROBE RENDUE PAR [PERSON] HIER."),
     ("en", "SENT THE DRESS HANNAH ORDERED", "SENT THE DRESS [PERSON] ORDERED")],
)  # fmt: skip
def test_a_given_name_after_an_article_and_a_product_word_is_the_products(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# After a French or Spanish word for a product a given name is the model's only alone: a surname,
# a given name or a word that may be a surname right after it, or a verb of a person following it
# ("a choisi", "firmó", "l'a rapportée", "lo compró"), makes it a person's, named whole.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("fr", "Livré le sac Emma Dubois a signé le bon.", "Livré le sac [PERSON] a signé le bon."),
     ("fr", "REMIS LE SAC EMMA DUBOIS A SIGNÉ", "REMIS LE SAC [PERSON] A SIGNÉ"),
     ("fr", "Remboursé la robe Claire Martin satisfaite.",
      "Remboursé la robe [PERSON] satisfaite."),
     ("es", "Entregado el bolso María López firmó el albarán.",
      "Entregado el bolso [PERSON] firmó el albarán."),
     ("es", "Cambio de la chaqueta Lucía Fernández pidió talla M.",
      "Cambio de la chaqueta [PERSON] pidió talla M."),
     ("fr", "Échange de la veste Emma a choisi une taille M.",
      "Échange de la veste [PERSON] a choisi une taille M."),
     ("fr", "La montre Claire Dubois l'a rapportée en boutique.",
      "La montre [PERSON] l'a rapportée en boutique."),
     ("es", "El reloj Sofía lo compró para su marido.",
      "El reloj [PERSON] lo compró para su marido."),
     ("fr", "LA VESTE EMMA A CHOISI UNE TAILLE M.", "LA VESTE [PERSON] A CHOISI UNE TAILLE M."),
     ("fr", "Le modèle Emma est en rupture.", "Le modèle Emma est en rupture."),
     ("fr", "Elle a offert la veste Emma à sa fille.", "Elle a offert la veste Emma à sa fille."),
     ("fr", "La robe Emma a été livrée hier.", "La robe Emma a été livrée hier.")],
)  # fmt: skip
def test_a_given_name_after_a_product_word_with_a_surname_or_a_verb_after_it_is_a_name(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected
