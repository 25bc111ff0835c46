"""Titles written in capitals ("MRS", "DR", "MS"): the surname after a given name is the name's,
and a given name that is also a word ("WILL", "Hope") needs more than the title."""

import pytest

from c360.text.redact import redact


# After a title in capitals and a known given name in capitals, the next word in capitals is the
# surname, unless it is a common word of the sentence's language ("BACK", "ANRUFEN").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "PLEASE CALL MRS MARY BROWN", "PLEASE CALL MRS [PERSON]"),
     (None, "PLEASE CALL MRS MARY BROWN", "PLEASE CALL MRS [PERSON]"),
     ("en", "PLEASE CALL MR PETER VANDERBILT BACK", "PLEASE CALL MR [PERSON] BACK"),
     (None, "PLEASE CALL MR PETER VANDERBILT BACK", "PLEASE CALL MR [PERSON] BACK"),
     ("en", "PLEASE CALL MR PETER VANDERBILT TODAY.", "PLEASE CALL MR [PERSON] TODAY."),
     ("en", "Called Mrs MARY BROWN.", "Called Mrs [PERSON]."),
     ("de", "BITTE FRAU ANNA SCHNEIDERHAN ANRUFEN", "BITTE FRAU [PERSON] ANRUFEN"),
     (None, "BITTE FRAU ANNA SCHNEIDERHAN ANRUFEN", "BITTE FRAU [PERSON] ANRUFEN"),
     ("en", "PLEASE CALL MR PETER BACK", "PLEASE CALL MR [PERSON] BACK"),
     ("de", "BITTE FRAU ANNA ANRUFEN", "BITTE FRAU [PERSON] ANRUFEN"),
     ("fr", "RAPPELER MME MARIE DEMAIN", "RAPPELER MME [PERSON] DEMAIN")],
)  # fmt: skip
def test_the_word_after_a_title_and_a_given_name_in_capitals_is_the_surname(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A title in capitals that is an abbreviation too ("DR", "SR", "MS") before a given name that is a
# word ("WILL", "MARK", "Hope", "Grace") names nobody, unless a request to call stands before the
# title, or a known surname follows the word, a verb a person does, or nothing more; a brand
# after a word for buying is none either. Other titles ("MME", "MRS") name whoever follows.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "ACCOUNT LOCKED: DR WILL REVIEW TOMORROW", "ACCOUNT LOCKED: DR WILL REVIEW TOMORROW"),
     ("en", "SR MARK DOWN ITEMS NOW", "SR MARK DOWN ITEMS NOW"),
     (None, "SR MARK DOWN ITEMS NOW", "SR MARK DOWN ITEMS NOW"),
     ("en", "Our DR Hope programme", "Our DR Hope programme"),
     ("en", "Customer has MS Grace period issues", "Customer has MS Grace period issues"),
     ("en", "Bought DR MARTENS boots", "Bought DR MARTENS boots"),
     ("en", "Spoke with DR WILL SMITH", "Spoke with DR [PERSON]"),
     ("en", "PLEASE CALL DR WILL", "PLEASE CALL DR [PERSON]"),
     ("en", "PLEASE CALL DR HOPE TODAY", "PLEASE CALL DR [PERSON] TODAY"),
     ("en", "MS Grace called about the refund.", "MS [PERSON] called about the refund."),
     ("en", "Spoke to MS Grace about the refund.", "Spoke to MS [PERSON] about the refund."),
     ("en", "PLEASE CALL DR MARTENS", "PLEASE CALL DR [PERSON]"),
     ("en", "Dr Hope called.", "Dr [PERSON] called."),
     ("fr", "MME CLAIRE RAPPELLE DEMAIN", "MME [PERSON] RAPPELLE DEMAIN"),
     ("en", "MRS Hope programme manager called.", "MRS [PERSON] programme manager called.")],
)  # fmt: skip
def test_a_word_like_given_name_after_a_title_in_capitals_needs_support(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A given name that is also a month, before a capitalised surname and a verb of speech or
# contact, is the person's: the surname too.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "June Brown called", "[PERSON] called"),
     (None, "June Brown called", "[PERSON] called"),
     ("en", "Spoke to May Green, she said yes.", "Spoke to [PERSON], she said yes."),
     ("en", "June Brown said the parcel came.", "[PERSON] said the parcel came."),
     ("en", "In June Brown shoes sold well.", "In June Brown shoes sold well.")],
)  # fmt: skip
def test_a_month_given_name_before_a_surname_and_a_verb_is_the_names(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A title in capitals that no acronym shares ("MR", "MRS", "MME", "HERR") takes a surname no list
# holds, as "Mr Okafor" does, where a cue before it, a contact verb or the end of the phrase after
# the word or a surname's ending says so; not a common word ("MR APPROVED"), a word after an
# article before the title ("EINE FRAU RIEF AN": a woman called) nor a function after "LE" or
# "LA" ("MME LA DIRECTRICE"). Titles that are acronyms too ("MS", "DR") take one only after a cue.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "MR OKAFOR", "MR [PERSON]"),
     ("en", "Mr Okafor", "Mr [PERSON]"),
     ("en", "PLEASE CALL MR OKAFOR TOMORROW.", "PLEASE CALL MR [PERSON] TOMORROW."),
     ("en", "Spoke with MRS OKAFOR today.", "Spoke with MRS [PERSON] today."),
     ("fr", "RAPPELER MME NKOLO AVANT MIDI", "RAPPELER MME [PERSON] AVANT MIDI"),
     ("de", "BITTE HERRN OKAFOR ZURÜCKRUFEN", "BITTE HERRN [PERSON] ZURÜCKRUFEN"),
     ("en", "MS OFFICE LICENCE EXPIRED, MR APPROVED.", "MS OFFICE LICENCE EXPIRED, MR APPROVED."),
     ("en", "MR MERGED AFTER REVIEW", "MR MERGED AFTER REVIEW"),
     ("de", "EINE FRAU RIEF AN", "EINE FRAU RIEF AN"),
     ("es", "LA SEÑORA LLAMÓ AYER", "LA SEÑORA LLAMÓ AYER"),
     ("fr", "MME LA DIRECTRICE A VALIDÉ", "MME LA DIRECTRICE A VALIDÉ"),
     ("de", "FRAU NOWAKOWSKI RUFT ZURÜCK", "FRAU [PERSON] RUFT ZURÜCK"),
     ("es", "SRA OKAFOR LLAMÓ AYER", "SRA [PERSON] LLAMÓ AYER"),
     ("en", "MR DE SOUZA WANTS TO MOVE FAST", "MR [PERSON] WANTS TO MOVE FAST"),
     ("fr", "APPEL ENTRANT DE MME LE BIHAN.", "APPEL ENTRANT DE MME [PERSON]."),
     ("fr", "MONSIEUR LE MAIRE A APPELÉ", "MONSIEUR LE MAIRE A APPELÉ"),
     ("en", "MRS SURVEY RESULTS ARE IN.", "MRS SURVEY RESULTS ARE IN."),
     ("en", "MR NICE GUY", "MR NICE GUY"),
     ("de", "HERR DOKTOR KOMMT MORGEN", "HERR DOKTOR KOMMT MORGEN"),
     ("en", "DR OKAFOR", "DR OKAFOR"),
     ("en", "MET MS DE SOUZA AT THE TRADE SHOW", "MET MS [PERSON] AT THE TRADE SHOW"),
     ("en", "CALL DR OKAFOR TOMORROW", "CALL DR [PERSON] TOMORROW"),
     ("en", "MS DE SOUZA WAS THRILLED", "MS DE SOUZA WAS THRILLED"),
     ("en", "ALIGNED WITH DR PLAN", "ALIGNED WITH DR PLAN"),
     ("en", "MS TEAMS CALL AT NOON", "MS TEAMS CALL AT NOON")],
)  # fmt: skip
def test_a_title_in_capitals_no_acronym_shares_takes_an_unknown_surname(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# "MS" before a Microsoft product is the company's name, not a title: the product names nobody,
# whatever cue stands before ("Call with MS Teams"); before a name it is still a title.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Call with MS Teams", "Call with MS Teams"),
     ("en", "Call with MS Teams tomorrow", "Call with MS Teams tomorrow"),
     ("en", "Meeting on MS Office with Mr Okafor", "Meeting on MS Office with Mr [PERSON]"),
     ("en", "Call with MS Word and MS Excel", "Call with MS Word and MS Excel"),
     ("en", "Call with MS Dynamics support", "Call with MS Dynamics support"),
     ("en", "CALL WITH MS TEAMS TOMORROW", "CALL WITH MS TEAMS TOMORROW"),
     ("en", "Call with MS Smith", "Call with MS [PERSON]"),
     ("en", "Call with MS Okafor", "Call with MS [PERSON]")],
)  # fmt: skip
def test_ms_before_a_microsoft_product_is_no_title(language: str, text: str, expected: str) -> None:
    assert redact(text, language)[0] == expected


# After a title in capitals, a surname with particles in capitals is the name's, whole ("MR PETER
# VAN DYKE", "HERR VON BERG").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "MR PETER VAN DYKE", "MR [PERSON]"),
     ("en", "PLEASE CALL MR PETER VAN DYKE TODAY", "PLEASE CALL MR [PERSON] TODAY"),
     ("en", "MR VAN DYKE", "MR [PERSON]"),
     ("en", "MRS DE LUCA", "MRS [PERSON]"),
     ("en", "MR LE ROY", "MR [PERSON]"),
     ("de", "HERR VON BERG", "HERR [PERSON]"),
     ("de", "BITTE FRAU ANNA VON DER HEIDE ANRUFEN", "BITTE FRAU [PERSON] ANRUFEN"),
     ("fr", "RAPPELER MME MARIE LA RAPPELLE", "RAPPELER MME [PERSON] LA RAPPELLE")],
)  # fmt: skip
def test_a_surname_with_particles_after_a_title_in_capitals_is_the_names(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# After a title and a given name in capitals, a word for what is to be done ("REVIEW", "DEVIS",
# "PRÜFEN") or shaped like a common word ("APPROVED", "SIGNING") is no surname; a known surname
# is, and so is a word no list holds.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "MR PETER REVIEW", "MR [PERSON] REVIEW"),
     ("en", "MR PETER REVIEW TOMORROW", "MR [PERSON] REVIEW TOMORROW"),
     ("en", "MRS MARY SIGNING NEXT WEEK", "MRS [PERSON] SIGNING NEXT WEEK"),
     ("en", "MR PETER APPROVED", "MR [PERSON] APPROVED"),
     ("fr", "MME MARIE DEVIS ENVOYÉ", "MME [PERSON] DEVIS ENVOYÉ"),
     ("de", "HERR PETER PRÜFEN", "HERR [PERSON] PRÜFEN"),
     ("en", "MR PETER VANDERBILT", "MR [PERSON]"),
     ("en", "MR PETER BROWN", "MR [PERSON]"),
     ("en", "MR PETER REVIEW (p.review@example.com)", "MR [PERSON] ([EMAIL])")],
)  # fmt: skip
def test_a_common_word_after_a_title_and_a_given_name_is_no_surname(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected
