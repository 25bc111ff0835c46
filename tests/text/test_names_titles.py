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
