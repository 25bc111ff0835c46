"""A text's capitalised words as the name rules read them: which may be a name's, their runs."""

from __future__ import annotations

from c360.text.names_doc import Doc


def test_a_sentence_in_capitals_is_cut_into_runs_at_the_words_no_name_holds() -> None:
    doc = Doc("RDV VISIO AVEC JEAN VIDAL CE MATIN\nAppel de Jean Vidal.", "fr")
    runs = [(doc.words[k], doc.words[doc.run_end(k)]) for k in range(len(doc.words))]
    assert runs == [
        ("RDV", "RDV"), ("VISIO", "VISIO"), ("AVEC", "AVEC"), ("JEAN", "VIDAL"),
        ("VIDAL", "VIDAL"), ("CE", "CE"), ("MATIN", "MATIN"),
        ("Appel", "Vidal"), ("Jean", "Vidal"), ("Vidal", "Vidal"),
    ]  # fmt: skip
    assert [doc.words[k] for k in range(len(doc.words)) if doc.plain(k)] == [
        "JEAN", "VIDAL", "Jean", "Vidal"
    ]  # fmt: skip
    assert doc.line(8) == "Appel de Jean Vidal."
