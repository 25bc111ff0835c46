"""Conformed values on every engine: ISO countries, E.164 phones, e-mails, repaired encoding."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import conform


def test_conformers_on_literal_values(engine: Engine) -> None:
    t = engine.register(
        "conform_cases",
        pa.table(
            {
                "country": [" France", "fra", "UK", "Atlantis"],
                "phone": ["06 12 34 56 78", "1212ABC5799", "+49 30 901820", "n/a"],
                "region": ["FR", "US", "DE", "FR"],
                "email": [" Ann@Mail.COM ", "bo@", "a b@x.com", "z@x.io"],
                "text": ["MÃ¼nchen", "Ã‰lodie", "plain", None],
            }
        ),
    )
    out = engine.to_arrow(
        t.select(
            country=conform.country_iso(t.country),
            phone=conform.phone_e164(t.phone, t.region),
            email=conform.email(t.email),
            text=conform.repair_encoding(t.text),
        )
    ).to_pydict()
    assert out == {
        "country": ["FR", "FR", "GB", None],
        # Letters in a number are a typo, not a vanity number.
        "phone": ["+33612345678", None, "+4930901820", None],
        "email": ["ann@mail.com", None, None, "z@x.io"],
        "text": ["München", "Élodie", "plain", None],
    }


def test_every_country_of_the_world_reads_by_its_codes_or_names(engine: Engine) -> None:
    """Not only the five of the seeds: Italy however written, an accented official name, a
    common name, names in French, German and Dutch; text that only looks like the lookup's
    separators finds nothing."""
    written = [
        "Italy", " IT ", "ita", "Italian Republic", "Côte d'Ivoire", "Viet Nam", "Belgique",
        "Schweiz", "Nederland", "it=IT|fr", "be|", "Atlantis", None,
    ]  # fmt: skip
    t = engine.register("countries", pa.table({"country": pa.array(written, pa.string())}))
    out = engine.to_arrow(t.select(iso=conform.country_iso(t.country))).column("iso")
    assert out.to_pylist() == [
        "IT", "IT", "IT", "IT", "CI", "VN", "BE", "CH", "NL", None, None, None, None
    ]  # fmt: skip


def test_countries_written_with_dots_hyphens_or_no_break_spaces(engine: Engine) -> None:
    """A real export's spellings: abbreviations with dots, a hyphen left out, a trailing
    no-break space. Each names one country; silver must not reject its row."""
    written = ["U.K.", "U.S.A", "u.s.", "Fr.", "Royaume Uni", "royaume-uni", "France\u00a0",
               "Etats Unis", "Côte d’Ivoire", "Korea, Republic of"]  # fmt: skip
    t = engine.register("country_spellings", pa.table({"country": written}))
    out = engine.to_arrow(t.select(iso=conform.country_iso(t.country))).column("iso")
    assert out.to_pylist() == ["GB", "US", "US", "FR", "GB", "GB", "FR", "US", "CI", "KR"]


def test_phones_with_an_extension_or_a_tel_scheme_keep_their_number(engine: Engine) -> None:
    """E.164 has no extension: the number is kept without it. Letters inside the number are
    still a typo."""
    t = engine.register(
        "phone_extensions",
        pa.table(
            {
                "phone": ["+33 6 12 34 56 78 ext. 12", "+1 (415) 555-2671 x123",
                          "06 12 34 56 78 poste 4", "+33612345678;ext=12", "0612345678#12",
                          "tel:+33612345678", "061234567x8", "06 12 AB 56 78"],
                "region": ["FR", "US", "FR", "FR", "FR", None, "FR", "FR"],
            }
        ),
    )  # fmt: skip
    out = engine.to_arrow(t.select(p=conform.phone_e164(t.phone, t.region))).column("p")
    assert out.to_pylist() == ["+33612345678", "+14155552671", "+33612345678", "+33612345678",
                               "+33612345678", "+33612345678", None, None]  # fmt: skip


def test_emails_in_a_display_name_form_or_a_mailto_link(engine: Engine) -> None:
    """As mail clients copy an address; what is not an address stays NULL."""
    written = ["Ann Lee <Ann@Mail.fr>", "<bo@x.io>", "mailto:Cy@X.io", "MAILTO: dee@x.io",
               "Ann <not an address>", "a:b@x.io"]  # fmt: skip
    t = engine.register("email_forms", pa.table({"email": written}))
    out = engine.to_arrow(t.select(e=conform.email(t.email))).column("e").to_pylist()
    assert out == ["ann@mail.fr", "bo@x.io", "cy@x.io", "dee@x.io", None, None]


def test_countries_and_emails_with_a_dotted_capital_i_or_a_vertical_tab(engine: Engine) -> None:
    """Spark would lower "İ" to "i" and a combining dot and trim a vertical tab, DuckDB not."""
    values = ["TÜRKİYE", "İtalia", "Deutschland\x0b", "İ@example.com"]
    t = engine.register("i_cases", pa.table({"v": values}))
    out = engine.to_arrow(t.select(c=conform.country_iso(t.v), e=conform.email(t.v))).to_pydict()
    assert out["c"] == ["TR", "IT", "DE", None]
    assert out["e"] == [None, None, None, "i@example.com"]


def test_repaired_text_is_clean_text_with_its_encoding_repaired(engine: Engine) -> None:
    """Only text holding a mis-encoded letter goes to Python; the rest is cleaned alone, and
    both read as cleaning then repairing would."""
    values = ["  MÃ¼nchen ", "Ã‰lodie", "plain", " trim me\t", "", "NULL", None, "â€™s",
              "Âge", "Ã"]  # fmt: skip
    t = engine.register("repaired_cases", pa.table({"v": pa.array(values, pa.string())}))
    out = engine.to_arrow(t.select(v=conform.repaired_text(t.v))).column("v").to_pylist()
    assert out == ["München", "Élodie", "plain", "trim me", None, None, None, "’s", "Âge", "Ã"]


def test_every_known_spelling_reads_as_identity_reads_it(engine: Engine) -> None:
    """Each of the ~1,850 spellings, written between spaces, gives the country that identity's
    lookup (``COUNTRY_FOLDED``) gives: silver and identity never disagree on a spelling."""
    spellings = sorted(conform.COUNTRY_ISO)
    written = [f" {spelling}\u00a0" for spelling in spellings]
    t = engine.register("every_spelling", pa.table({"i": range(len(written)), "country": written}))
    out = engine.to_arrow(t.select("i", iso=conform.country_iso(t.country)).order_by("i"))
    expected = [conform.COUNTRY_FOLDED[conform.fold_country(s)] for s in spellings]
    assert out.column("iso").to_pylist() == expected


def test_emails_with_a_dot_or_a_hyphen_out_of_place_are_not_deliverable(engine: Engine) -> None:
    """A dot may not open or close the local part nor follow another; a domain label may not
    open or close with a hyphen. What a mail server takes stays: plus-addressing, apostrophes,
    subdomains, hyphens inside a label, punycode (IDN) labels."""
    refused = ["a..b@x.com", ".a@x.com", "a.@x.com", "a@-x.com", "a@x-.com",
               "a@mail.-x.com", "a@mail.x-.com", "a@x.com-"]  # fmt: skip
    kept = ["ann.lee+news@mail.co.uk", "o'brien@x.ie", "a-@x.com", "-a@x.com",
            "a_b%c@sub-domain.x.com", "a@xn--mnchen-3ya.de", "a@x1-2.com", "a.b.c@x.io",
            "z@x.io"]  # fmt: skip
    t = engine.register("email_dots", pa.table({"email": [*refused, *kept]}))
    out = engine.to_arrow(t.select(e=conform.email(t.email))).column("e").to_pylist()
    assert out == [None] * len(refused) + kept


def test_countries_with_white_space_inside_are_read(engine: Engine) -> None:
    """Two spaces, a tab or a no-break space between the words of a country name read as one
    space; a NULL or a word of no country stays NULL."""
    written = ["united  states", "United\tKingdom", " royaume   uni ", "Great \u00a0Britain",
               "united\u00a0states", "Viet   Nam", "south  korea", "Atlan  tis", None]  # fmt: skip
    t = engine.register("country_spaces", pa.table({"country": pa.array(written, pa.string())}))
    out = engine.to_arrow(t.select(iso=conform.country_iso(t.country))).column("iso")
    assert out.to_pylist() == ["US", "GB", "GB", "GB", "US", "VN", "KR", None, None]


def test_countries_by_their_names_in_common_use(engine: Engine) -> None:
    """Names people write that ISO 3166 does not list, or lists only with its accents."""
    expected = {
        "Holland": "NL", "The Netherlands": "NL", "Turkey": "TR", "Türkiye": "TR",
        "Turkiye": "TR", "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "South Korea": "KR",
        "Korea, Republic of": "KR", "Republic of Korea": "KR", "Russia": "RU", "Czechia": "CZ",
        "Czech Republic": "CZ", "Vietnam": "VN", "UK": "GB", "The UK": "GB", "Britain": "GB",
        "The United States": "US", "Burma": "MM", "Swaziland": "SZ", "Macedonia": "MK",
        "Cape Verde": "CV", "East Timor": "TL", "Vatican": "VA", "Holy See": "VA",
        "Palestine": "PS", "DR Congo": "CD", "The Gambia": "GM", "The Bahamas": "BS",
        "UAE": "AE", "Curacao": "CW", "Reunion": "RE", "NA": "NA",
    }  # fmt: skip
    t = engine.register("country_aliases", pa.table({"country": list(expected)}))
    out = engine.to_arrow(t.select(iso=conform.country_iso(t.country))).column("iso")
    assert dict(zip(expected, out.to_pylist(), strict=True)) == expected


# Addresses of any script (RFC 6531/6532) as written, then as silver keeps them: lower-cased
# as for ASCII, ß kept (not "ss"), a capital sigma lowered to σ wherever it stands (DuckDB
# lowers it so, Spark and Python to ς at a word's end), an accent written apart kept.
INTERNATIONAL = {
    "Jürgen.Groß@GMX.de": "jürgen.groß@gmx.de",
    "JÜRGEN.GROẞ@gmx.de": "jürgen.groß@gmx.de",
    "josé@correo.es": "josé@correo.es",
    "Ann Lee <José@Correo.ES>": "josé@correo.es",
    "用户@例子.广告": "用户@例子.广告",
    "info@Müller.de": "info@müller.de",
    "ИМЯ@пример.РФ": "имя@пример.рф",
    "राम@उदाहरण.भारत": "राम@उदाहरण.भारत",
    "ΝΙΚΟΣ@ΠΑΡΆΔΕΙΓΜΑ.ΕΛ": "νικοσ@παράδειγμα.ελ",
    "jose\u0301@correo.es": "jose\u0301@correo.es",
    "info@xn--80ak6aa92e.xn--p1ai": "info@xn--80ak6aa92e.xn--p1ai",
    "user٣@example.com": "user٣@example.com",
    "ИМЯ@пример.РФ.\u00a0": "имя@пример.рф",
}
# Malformed whatever the script: a space, two @, no dot in the domain, two trailing dots, a
# label or a local part that opens or closes wrongly, a TLD of one letter or with a digit,
# a character that is no letter, digit or mark (an invisible space, a symbol).
MALFORMED = [
    "jür gen@gmx.de", "josé@@correo.es", "jo@sé@correo.es", "用户@例子", "josé@correo.es..",
    ".josé@correo.es", "josé.@correo.es", "jo..sé@correo.es", "josé@-correo.es",
    "josé@correo-.es", "josé@correo.e", "josé@correo.e٣", "用户@例子.广告\u200b",
    "jo\u200bsé@correo.es", "josé@\u0301correo.es", "jo☺sé@correo.es", "josé@correo.٣٣",
]  # fmt: skip


def test_internationalised_emails_are_kept_and_malformed_ones_refused(engine: Engine) -> None:
    """Letters, digits and accents of any script in the local part and the domain, a TLD of
    letters (or punycode); the same shape rules as for ASCII, on every engine alike."""
    written = [*INTERNATIONAL, *MALFORMED]
    t = engine.register("email_scripts", pa.table({"i": range(len(written)), "email": written}))
    out = engine.to_arrow(t.select("i", e=conform.email(t.email)).order_by("i"))
    assert out.column("e").to_pylist() == [*INTERNATIONAL.values()] + [None] * len(MALFORMED)


def test_identity_reads_every_address_as_silver_keeps_it(engine: Engine) -> None:
    """Identity's Python reading of the pattern and the engine's agree on each address (but
    the slips identity mends: a space inside, a doubled "@")."""
    from c360.identity.normalise import email_key

    mended = {"jür gen@gmx.de", "josé@@correo.es"}
    written = [*INTERNATIONAL, *(m for m in MALFORMED if m not in mended), "Ann@Mail.COM"]
    t = engine.register("email_both", pa.table({"i": range(len(written)), "email": written}))
    out = engine.to_arrow(t.select("i", e=conform.email(t.email)).order_by("i"))
    assert out.column("e").to_pylist() == [email_key(v) for v in written]
