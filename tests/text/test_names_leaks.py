"""Names left readable where the words around them say a person is meant, and words taken for
names where they say none is: a word-like given name before an auxiliary verb, "Max", a pair of
unknown words between "mit" and a German verb of talking, "ST." in capitals, and German nouns
between "MIT" and such a verb."""

import pytest

from c360.text.redact import redact


# A given name that is also a word ("Grace", "Hope") opening a sentence is the person's before
# an auxiliary and a participle of what a person does ("has left", "has confirmed") or a word
# for where a person is ("is on leave", "was off sick"); the word stays before a noun ("Grace
# period is over") or a predicate a season, a month or a thing takes ("Summer is here", "May is
# busy", "Bill was paid", "Grant has been approved").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Grace has left.", "[PERSON] has left."),
     (None, "Grace has left.", "[PERSON] has left."),
     ("en", "Sadly, Grace has left the company.", "Sadly, [PERSON] has left the company."),
     ("en", "Hannah is on leave until May.", "[PERSON] is on leave until May."),
     ("en", "Hope is on leave until Monday.", "[PERSON] is on leave until Monday."),
     ("en", "Grace has confirmed the order.", "[PERSON] has confirmed the order."),
     ("en", "Mark has signed the contract.", "[PERSON] has signed the contract."),
     ("en", "Grace was off sick last week.", "[PERSON] was off sick last week."),
     ("en", "Florence has left the company.", "[PERSON] has left the company."),
     ("en", "Rose has been in touch again.", "[PERSON] has been in touch again."),
     ("en", "Summer is here", "Summer is here"),
     ("en", "Summer has arrived early this year.", "Summer has arrived early this year."),
     ("en", "Grace period is over", "Grace period is over"),
     ("en", "May is busy", "May is busy"),
     ("en", "Bill was paid on Monday.", "Bill was paid on Monday."),
     ("en", "Bill has been paid.", "Bill has been paid."),
     ("en", "Grant has been approved.", "Grant has been approved."),
     ("en", "Hope is fading.", "Hope is fading.")],
)  # fmt: skip
def test_a_wordlike_given_name_before_an_auxiliary_and_a_persons_participle(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# "Max" is a given name where it opens a capitalised run: after a cue, before a verb, joined to
# a name by "AND". After a capitalised word it is a product's edition ("Router Max", "Blender
# Max", "Pro Max"), and at a sentence start before a noun the abbreviation ("Max discount").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Spoke with Max about the renewal", "Spoke with [PERSON] about the renewal"),
     ("en", "HANNAH AND MAX CALLED", "[PERSON] AND [PERSON] CALLED"),
     ("en", "Max asked for a discount", "[PERSON] asked for a discount"),
     ("de", "Max Müller hat angerufen.", "[PERSON] hat angerufen."),
     ("en", "Please send Max the invoice.", "Please send [PERSON] the invoice."),
     ("en", "the Router Max arrived", "the Router Max arrived"),
     ("en", "ordered 3 × Blender Max", "ordered 3 × Blender Max"),
     ("en", "AirMax", "AirMax"),
     ("en", "Upgrade to the iPhone Pro Max.", "Upgrade to the iPhone Pro Max."),
     ("en", "Bought Voltaro Laptop Stand Max last year.",
      "Bought Voltaro Laptop Stand Max last year."),
     ("en", "Max discount I'm allowed to give: 10%.", "Max discount I'm allowed to give: 10%."),
     ("en", "MAX 3 PER CUSTOMER.", "MAX 3 PER CUSTOMER.")],
)  # fmt: skip
def test_max_is_a_name_unless_a_products_edition(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A given name that is also a word ("Max", "Grace") opening a sentence is the person's where
# "and" joins it to a given name and a verb of what a person does follows the two ("Max and
# Anna called"), as it is alone before that verb; not before a noun ("Summer and Winter
# collections").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Max and Anna called.", "[PERSON] and [PERSON] called."),
     (None, "Max and Anna called.", "[PERSON] and [PERSON] called."),
     ("en", "Max and Tom asked for a discount.", "[PERSON] and [PERSON] asked for a discount."),
     ("en", "Grace and Anna Berger called back.", "[PERSON] and [PERSON] called back."),
     ("en", "Max & Anna wrote in again.", "[PERSON] & [PERSON] wrote in again."),
     ("en", "Anna and Max called.", "[PERSON] and [PERSON] called."),
     ("en", "Summer and Winter collections are out.", "Summer and Winter collections are out."),
     ("en", "Max and Min values were reset.", "Max and Min values were reset.")],
)  # fmt: skip
def test_a_wordlike_given_name_joined_to_a_name_before_a_verb(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# German writes the verb last: two capitalised words no list holds between "mit" and a verb of
# talking are a person's given name and surname, in mixed case as in capitals; not words for a
# thing or a role ("mit Telekom Hotline telefoniert").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "Heute mit Adaeze Okonkwo telefoniert.", "Heute mit [PERSON] telefoniert."),
     (None, "Heute mit Adaeze Okonkwo telefoniert.", "Heute mit [PERSON] telefoniert."),
     ("de", "Mit Adaeze Okonkwo kurz gesprochen.", "Mit [PERSON] kurz gesprochen."),
     ("de", "Heute mit Telekom Hotline telefoniert.", "Heute mit Telekom Hotline telefoniert."),
     ("de", "Heute mit Lufthansa Cargo telefoniert", "Heute mit Lufthansa Cargo telefoniert"),
     (None, "Heute mit Lufthansa Cargo telefoniert", "Heute mit Lufthansa Cargo telefoniert"),
     ("de", "Mit DB Fracht gesprochen.", "Mit DB Fracht gesprochen."),
     ("de", "mit Anna Berger telefoniert", "mit [PERSON] telefoniert"),
     ("de", "Mit Skonto Abzug vereinbart.", "Mit Skonto Abzug vereinbart.")],
)  # fmt: skip
def test_two_unknown_words_between_mit_and_a_verb_of_talking(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# "ST." in capitals before a surname is the name's, as "St." is: where the name opens a sentence
# or follows a cue, or after a given name ("ANNA ST. CLAIR"). After a street's name it is the
# street's ("MAIN ST. JOHN CALLED": only the given name).
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "ST. JOHN CALLED", "[PERSON] CALLED"),
     ("en", "MEETING WITH ANNA ST. CLAIR", "MEETING WITH [PERSON]"),
     ("en", "Meeting with Anna St. Clair", "Meeting with [PERSON]"),
     ("en", "Meeting with Anna St. Clair about the refund.",
      "Meeting with [PERSON] about the refund."),
     ("en", "OLIVIA ST. JOHN CALLED.", "[PERSON] CALLED."),
     ("en", "Delivered to 12 Main St. John called later.",
      "Delivered to [ADDRESS]. [PERSON] called later."),
     ("en", "Delivered to 5 John St. Mary called.", "Delivered to [ADDRESS]. [PERSON] called."),
     ("en", "St. John called", "[PERSON] called"),
     ("en", "CALL WITH ST. JOHN", "CALL WITH [PERSON]"),
     (None, "CALL WITH ST. JOHN", "CALL WITH [PERSON]"),
     ("en", "MET ST. JOHN AT THE STORE", "MET [PERSON] AT THE STORE"),
     ("en", "CALL WITH ST. CLAIR ABOUT THE REFUND.", "CALL WITH [PERSON] ABOUT THE REFUND.")],
)  # fmt: skip
def test_st_in_capitals_is_the_surnames(language: str | None, text: str, expected: str) -> None:
    assert redact(text, language)[0] == expected


# A note written in capitals is redacted as the same note written in mixed case: "St." after a
# name cue opens the surname either way.
@pytest.mark.parametrize(
    "text",
    ["Call with St. John", "Call with St. Clair about the refund.", "Met St. John at the store",
     "Spoke to St. John", "Call St. John back", "Call with Ste. Marie"],
)  # fmt: skip
def test_st_after_a_cue_in_capitals_as_in_mixed_case(text: str) -> None:
    assert redact(text.upper(), "en")[0] == redact(text, "en")[0].upper()


# Nouns for a firm, an office or a part of one between "MIT" and a German verb of talking are no
# names, declined ("ANWALTS") or compounded ("ANWALTSKANZLEI", "STEUERBÜRO") as German does.
@pytest.mark.parametrize(
    ("language", "text"),
    [("de", "MIT ANWALTS KANZLEI GESPROCHEN"),
     (None, "MIT ANWALTS KANZLEI GESPROCHEN"),
     ("de", "MIT ANWALTSKANZLEI GESPROCHEN"),
     ("de", "MIT KANZLEI TELEFONIERT"),
     ("de", "MIT STEUERBÜRO TELEFONIERT"),
     ("de", "MIT BÜRO GESPROCHEN"),
     ("de", "MIT ABTEILUNG GESPROCHEN"),
     ("de", "MIT ANWALT GESPROCHEN")],
)  # fmt: skip
def test_nouns_for_a_firm_between_mit_and_a_verb_of_talking(
    language: str | None, text: str
) -> None:
    assert redact(text, language)[0] == text


def test_a_name_between_mit_and_a_verb_of_talking_is_still_one() -> None:
    assert redact("MIT OKONKWO TELEFONIERT", "de")[0] == "MIT [PERSON] TELEFONIERT"
    assert redact("MIT ADAEZE OKONKWO TELEFONIERT", "de")[0] == "MIT [PERSON] TELEFONIERT"


# What a bill, a grant, a season or a stone may be doing too is no cue for a person: waiting for
# something, being back from somewhere, away this year.
@pytest.mark.parametrize(
    "text",
    ["Bill is waiting for approval by finance.", "Grant is waiting for approval.",
     "Will is waiting for signature.", "Summer is away this year.",
     "Jade is back from the supplier.", "Pearl is waiting for polishing."],
)  # fmt: skip
def test_what_a_thing_may_be_doing_is_no_cue_for_a_person(text: str) -> None:
    assert redact(text, "en")[0] == text


# "Max" as the setting or the limit: set to it, at it, after a colon.
@pytest.mark.parametrize(
    "text",
    ["Speed set to Max by default.", "Setting is at Max. Please lower it.",
     "Order limit: Max. Please advise.", "Fan turned to Max overnight."],
)  # fmt: skip
def test_max_as_a_setting_or_a_limit_is_the_word(text: str) -> None:
    assert redact(text, "en")[0] == text


# A surname no list holds after a name cue ("with", "spoke to", "email from") is a person's in a
# note written in capitals as in mixed case ("CALL WITH OKAFOR", "Call with Okafor").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "CALL WITH OKAFOR", "CALL WITH [PERSON]"),
     (None, "CALL WITH OKAFOR", "CALL WITH [PERSON]"),
     ("en", "CALL WITH OKAFOR TODAY", "CALL WITH [PERSON] TODAY"),
     ("en", "CALL WITH OKAFOR ABOUT THE REFUND.", "CALL WITH [PERSON] ABOUT THE REFUND."),
     ("en", "MEETING WITH OKAFOR, WANTS A REFUND", "MEETING WITH [PERSON], WANTS A REFUND"),
     ("en", "CALL WITH TOM", "CALL WITH [PERSON]"),
     ("fr", "RDV AVEC OKAFOR CE MATIN", "RDV AVEC [PERSON] CE MATIN"),
     ("es", "LLAMADA CON OKAFOR ESTA MAÑANA", "LLAMADA CON [PERSON] ESTA MAÑANA")],
)  # fmt: skip
def test_an_unlisted_surname_after_a_cue_in_capitals(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


@pytest.mark.parametrize(
    "text",
    ["Call with Okafor", "Call with Okafor today", "Call with Okafor about the refund.",
     "Chat with Okafor re: invoice", "Call with Okafor, said fine", "Meeting with Okafor",
     "Call with Tom today"],
)  # fmt: skip
def test_an_unlisted_surname_after_a_cue_in_capitals_as_in_mixed_case(text: str) -> None:
    assert redact(text.upper(), "en")[0] == redact(text, "en")[0].upper()


# What a cue takes that names no person stays in capitals: a unit, a team, an acronym, a thing, a
# word for how a customer feels or is served.
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "CALL WITH WARSAW OFFICE"), ("en", "CALL WITH IT"), ("en", "MEETING WITH SUPPORT TEAM"),
     ("en", "CALL WITH SUPPLIER TODAY"), ("en", "ISSUE WITH DELIVERY AGAIN"),
     ("en", "CALL WITH COURIER"), ("en", "EMAIL FROM HR ABOUT THE REFUND"),
     ("en", "CUSTOMER FURIOUS, THIRD TIME THIS HAPPENS."),
     ("en", "FRUSTRATED BY HOW LONG THEIR REQUEST TOOK TO PROCESS."),
     ("fr", "CONDITIONS ACCEPTÉES AVEC PLAISIR."), ("fr", "CLIENT PRÉVENU."),
     ("fr", "RELANCE DE PAIEMENT REÇUE PAR ERREUR."), ("es", "PARA ELEGIR CON CONFIANZA."),
     ("es", "FICHA DE CONTACTO ACTUALIZADA."), ("de", "KUNDE FREUT SICH.")],
)  # fmt: skip
def test_what_a_cue_takes_that_names_no_person_stays_in_capitals(language: str, text: str) -> None:
    assert redact(text, language)[0] == text


# Two given names joined by "and" before a verb in the plural are two persons in French, German
# and Spanish as in English ("Max und Anna haben angerufen", "Max and Anna called"); not before
# a noun or what things do.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "Max und Anna haben angerufen.", "[PERSON] und [PERSON] haben angerufen."),
     (None, "Max und Anna haben angerufen.", "[PERSON] und [PERSON] haben angerufen."),
     ("de", "Max und Anna haben sich gemeldet.", "[PERSON] und [PERSON] haben sich gemeldet."),
     ("fr", "Max et Anna ont appelé ce matin.", "[PERSON] et [PERSON] ont appelé ce matin."),
     ("es", "Max y Ana han llamado hoy.", "[PERSON] y [PERSON] han llamado hoy."),
     ("en", "Max and Anna have signed the contract.",
      "[PERSON] and [PERSON] have signed the contract."),
     ("de", "Max und Min Werte wurden zurückgesetzt.", "Max und Min Werte wurden zurückgesetzt."),
     ("en", "Summer and Winter collections have arrived.",
      "Summer and Winter collections have arrived."),
     ("en", "MAX AND ANNA CALLED.", "[PERSON] AND [PERSON] CALLED."),
     ("de", "MAX UND ANNA HABEN ANGERUFEN.", "[PERSON] UND [PERSON] HABEN ANGERUFEN."),
     ("en", "MAX AND ANNA BERGER CALLED BACK.", "[PERSON] AND [PERSON] CALLED BACK."),
     ("en", "MAX AND MIN VALUES WERE RESET.", "MAX AND MIN VALUES WERE RESET."),
     ("en", "SUMMER AND WINTER COLLECTIONS ARE OUT.", "SUMMER AND WINTER COLLECTIONS ARE OUT.")],
)  # fmt: skip
def test_two_given_names_joined_before_a_plural_verb(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# After a German profession ("Notar", "Rechtsanwältin"), a word no list holds is the surname
# where a verb of talking follows it, as a listed surname is ("mit Notar Schmidt telefoniert");
# not a noun before a verb of agreeing ("mit Berater Termin vereinbart").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("de", "mit Notar Okonkwo telefoniert", "mit Notar [PERSON] telefoniert"),
     (None, "mit Notar Okonkwo telefoniert", "mit Notar [PERSON] telefoniert"),
     ("de", "Heute mit Rechtsanwältin Okonkwo kurz gesprochen.",
      "Heute mit Rechtsanwältin [PERSON] kurz gesprochen."),
     ("de", "MIT NOTAR OKONKWO TELEFONIERT", "MIT NOTAR [PERSON] TELEFONIERT"),
     ("de", "mit Notar Schmidt telefoniert", "mit Notar [PERSON] telefoniert"),
     ("de", "mit Berater Termin vereinbart", "mit Berater Termin vereinbart"),
     ("de", "mit Sachbearbeiter Hotline telefoniert", "mit Sachbearbeiter Hotline telefoniert"),
     ("de", "Notar Rechnung geschrieben", "Notar Rechnung geschrieben")],
)  # fmt: skip
def test_an_unlisted_surname_after_a_german_profession_before_a_verb_of_talking(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A greeting in capitals before "ST." and a surname names the person, as in mixed case.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "HI ST. JOHN,", "HI [PERSON],"),
     (None, "HI ST. JOHN,", "HI [PERSON],"),
     ("en", "HELLO ST. JOHN", "HELLO [PERSON]"),
     ("en", "HI ST. JOHN, THANKS FOR THE CALL.", "HI [PERSON], THANKS FOR THE CALL."),
     ("en", "DEAR STE. MARIE,", "DEAR [PERSON],")],
)  # fmt: skip
def test_st_after_a_greeting_in_capitals(language: str | None, text: str, expected: str) -> None:
    assert redact(text, language)[0] == expected


# "St." before a given name opens a place's name where a word for a place says so: a preposition
# of place or "visited" before it ("Meeting at St. Louis"), a word for a site after it ("St.
# Louis store", "St. Louis office"). After a name cue, or before any other word, it opens the
# surname ("Call with St. John", "Met St. Clair today").
@pytest.mark.parametrize(
    ("text", "expected"),
    [("Meeting at St. Louis", "Meeting at St. Louis"),
     ("Visited St. Louis store", "Visited St. Louis store"),
     ("Call with St. Louis office", "Call with St. Louis office"),
     ("Order shipped to the store in St. Albans.", "Order shipped to the store in St. Albans."),
     ("MEETING AT ST. LOUIS", "MEETING AT ST. LOUIS"),
     ("Met St. John at St. Louis store", "Met [PERSON] at St. Louis store"),
     ("Call with St. John", "Call with [PERSON]"),
     ("Met St. Clair today", "Met [PERSON] today"),
     ("Meeting with St. John", "Meeting with [PERSON]"),
     ("Spoke to St. John store manager", "Spoke to [PERSON] store manager"),
     ("Anna St. Clair called from the office", "[PERSON] called from the office")],
)  # fmt: skip
def test_st_opens_a_place_where_a_word_for_a_place_says_so(text: str, expected: str) -> None:
    assert redact(text, "en")[0] == expected


# In capitals, a surname no list holds is a person's after a word for the person ("CUSTOMER",
# "CLIENT", "KUNDE") where a verb of contact follows it, and after a message and "FROM" ("EMAIL
# FROM", "APPEL DE", "ANRUF VON") where that verb follows it or the text ends, as in mixed case.
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "CUSTOMER OKAFOR CALLED", "CUSTOMER [PERSON] CALLED"),
     (None, "CUSTOMER OKAFOR CALLED", "CUSTOMER [PERSON] CALLED"),
     ("en", "CUSTOMER OKAFOR CALLED BACK ABOUT THE REFUND.",
      "CUSTOMER [PERSON] CALLED BACK ABOUT THE REFUND."),
     ("en", "EMAIL FROM OKAFOR", "EMAIL FROM [PERSON]"),
     (None, "EMAIL FROM OKAFOR", "EMAIL FROM [PERSON]"),
     ("en", "VOICEMAIL FROM OKAFOR", "VOICEMAIL FROM [PERSON]"),
     ("fr", "CLIENT OKAFOR A RAPPELÉ", "CLIENT [PERSON] A RAPPELÉ"),
     ("fr", "APPEL DE OKAFOR", "APPEL DE [PERSON]"),
     ("de", "KUNDE OKAFOR HAT ANGERUFEN", "KUNDE [PERSON] HAT ANGERUFEN"),
     ("de", "ANRUF VON OKAFOR", "ANRUF VON [PERSON]"),
     ("es", "CLIENTE OKAFOR LLAMÓ", "CLIENTE [PERSON] LLAMÓ"),
     ("es", "LLAMADA DE OKAFOR", "LLAMADA DE [PERSON]")],
)  # fmt: skip
def test_an_unlisted_surname_after_a_person_or_message_cue_in_capitals(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Customer Okafor called"), ("en", "Email from Okafor"),
     ("en", "Customer Okafor rang"), ("en", "Client Okafor called"),
     ("fr", "Client Okafor a rappelé"), ("de", "Anruf von Okafor"), ("es", "Llamada de Okafor")],
)  # fmt: skip
def test_an_unlisted_surname_after_a_person_or_message_cue_in_capitals_as_in_mixed_case(
    language: str, text: str
) -> None:
    assert redact(text.upper(), language)[0] == redact(text, language)[0].upper()


# Not any word after any cue in capitals: a word for how a customer feels or is served after
# "CLIENT", "CON" or "AVEC", nor one after "CUSTOMER" that no verb of contact follows.
@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "CLIENT FURIEUX"), (None, "CLIENT FURIEUX"), ("fr", "CLIENT FURIEUX."),
     ("es", "CON CONFIANZA"), (None, "CON CONFIANZA"), ("fr", "AVEC PLAISIR"),
     (None, "AVEC PLAISIR"), ("en", "CUSTOMER OKAFOR"), ("en", "CUSTOMER SERVICE CALLED"),
     ("en", "EMAIL FROM SUPPORT")],
)  # fmt: skip
def test_no_word_after_a_cue_in_capitals_without_a_verb_or_the_end(
    language: str | None, text: str
) -> None:
    assert redact(text, language)[0] == text


# A greeting before "St." and a surname no list holds names the person ("Hi St. Clair,"), in
# mixed case as in capitals, as it does before a given name ("Hi St. John,").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "Hi St. Clair,", "Hi [PERSON],"),
     (None, "Hi St. Clair,", "Hi [PERSON],"),
     ("en", "Dear St. Clair,", "Dear [PERSON],"),
     ("en", "Dear St. Clair,\nThanks for the call.", "Dear [PERSON],\nThanks for the call."),
     ("en", "HI ST. CLAIR,", "HI [PERSON],"),
     (None, "HI ST. CLAIR,", "HI [PERSON],"),
     ("en", "DEAR ST. CLAIR,", "DEAR [PERSON],"),
     ("en", "DEAR ST. CLAIR, THANKS FOR THE CALL.", "DEAR [PERSON], THANKS FOR THE CALL."),
     ("fr", "Bonjour Ste. Marie,", "Bonjour [PERSON],")],
)  # fmt: skip
def test_an_unlisted_surname_after_a_greeting_and_st(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# What a message is, or an adverb before the verb, after those cues in capitals names no one.
@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "MESSAGE DE BIENVENUE"), ("fr", "MESSAGE DE FÉLICITATIONS"),
     ("de", "KUNDE ERNEUT HAT ANGERUFEN"), ("de", "KUNDE PERSÖNLICH HAT ANGERUFEN"),
     ("es", "MENSAJE DE BIENVENIDA"), ("en", "EMAIL FROM WELCOME")],
)  # fmt: skip
def test_what_a_message_is_after_a_message_cue_in_capitals_is_no_name(
    language: str, text: str
) -> None:
    assert redact(text, language)[0] == text


# A name a note in capitals has redacted is redacted where the note names the person again
# later, as in mixed case: a surname no list holds or one that is also a word ("MR MASON", "MIT
# ENGEL"), a given name ("CHARLOTTE"), with its particles ("MR DE SOUZA").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "CAUGHT MR MASON BETWEEN MEETINGS.\nMR MASON RENEWED WITHOUT HESITATION.",
      "CAUGHT MR [PERSON] BETWEEN MEETINGS.\nMR [PERSON] RENEWED WITHOUT HESITATION."),
     ("en", "INBOUND CALL FROM MASON.\nMASON APPROVED THE REVISED QUOTE.",
      "INBOUND CALL FROM [PERSON].\n[PERSON] APPROVED THE REVISED QUOTE."),
     ("de", "TELEFONAT MIT ENGEL.\nALLES GEKLÄRT, ENGEL WILL ZÜGIG WEITERMACHEN.",
      "TELEFONAT MIT [PERSON].\nALLES GEKLÄRT, [PERSON] WILL ZÜGIG WEITERMACHEN."),
     ("en", "MET MR DE SOUZA.\nEXPLAINED WHAT HAPPENED, MR DE SOUZA TOOK NOTE.",
      "MET MR [PERSON].\nEXPLAINED WHAT HAPPENED, MR [PERSON] TOOK NOTE."),
     ("en", "CHARLOTTE DURAND DROPPED BY THE STORE.\nCHARLOTTE IS FED UP.",
      "[PERSON] DROPPED BY THE STORE.\n[PERSON] IS FED UP."),
     ("en", "SPOKE TO MR KING.\nREFUND DONE, KING WAS PLEASED.",
      "SPOKE TO MR [PERSON].\nREFUND DONE, [PERSON] WAS PLEASED.")],
)  # fmt: skip
def test_a_name_redacted_in_capitals_is_redacted_where_mentioned_again(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# Not before the note has named the person, after an article, nor where mixed case keeps the word
# too: a surname that is also a word opening a sentence, the person named only with a given name
# or a title before ("HANNAH PRICE ... PRICE NEGOTIATION"), or a frequent word ("I WILL SEND").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "KING SIZE BED ORDERED. CALL WITH MR KING.",
      "KING SIZE BED ORDERED. CALL WITH MR [PERSON]."),
     ("en", "CALL WITH MR KING.\nTHE KING SIZE BED ARRIVED.",
      "CALL WITH MR [PERSON].\nTHE KING SIZE BED ARRIVED."),
     ("en", "CALL WITH MR MASON.\nTHE MASON JAR ARRIVED.",
      "CALL WITH MR [PERSON].\nTHE MASON JAR ARRIVED."),
     ("en", "HANNAH PRICE CALLED.\nPRICE NEGOTIATION STALLED.",
      "[PERSON] PRICE CALLED.\nPRICE NEGOTIATION STALLED."),
     ("de", "FRAU BRAUN HAT ANGERUFEN.\nBRAUN MÖCHTE EINE GUTSCHRIFT.",
      "FRAU [PERSON] HAT ANGERUFEN.\nBRAUN MÖCHTE EINE GUTSCHRIFT."),
     ("en", "WILL SMITH CALLED.\nI WILL SEND THE QUOTE.",
      "[PERSON] CALLED.\nI WILL SEND THE QUOTE.")],
)  # fmt: skip
def test_a_word_in_capitals_is_no_mention_before_the_name_or_where_it_is_the_word(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected


# A greeting in capitals names a surname no list holds or a known one, as "Hi Okafor," does; not a
# word for a group, a role or a firm ("HI TEAM,", "DEAR CUSTOMER,", "HALLO ZUSAMMEN,").
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [("en", "HI OKAFOR,", "HI [PERSON],"), (None, "HI OKAFOR,", "HI [PERSON],"),
     ("en", "HI OKAFOR, THANKS FOR CALLING.", "HI [PERSON], THANKS FOR CALLING."),
     ("en", "DEAR OKAFOR,", "DEAR [PERSON],"), ("de", "HALLO OKAFOR,", "HALLO [PERSON],"),
     ("fr", "BONJOUR OKAFOR,", "BONJOUR [PERSON],"), ("en", "HI KING,", "HI [PERSON],"),
     ("en", "HI TEAM,", "HI TEAM,"), ("en", "HELLO HR,", "HELLO HR,"), ("en", "HI ALL,", "HI ALL,"),
     ("en", "DEAR CUSTOMER,", "DEAR CUSTOMER,"), ("en", "HI THERE,", "HI THERE,"),
     ("en", "DEAR SUPPLIER,", "DEAR SUPPLIER,"), ("de", "HALLO ZUSAMMEN,", "HALLO ZUSAMMEN,"),
     ("es", "HOLA EQUIPO,", "HOLA EQUIPO,"), ("en", "HELLO AMAZON,", "HELLO AMAZON,")],
)  # fmt: skip
def test_a_surname_after_a_greeting_in_capitals(
    language: str | None, text: str, expected: str
) -> None:
    assert redact(text, language)[0] == expected
