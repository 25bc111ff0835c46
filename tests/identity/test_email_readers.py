"""Identity reads an address as silver reads it: one list of written addresses through
``normalise.email_key`` (Python) and ``conform.email`` (on the engine)."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.identity.normalise import email_key
from c360.pipeline.silver import conform

# Plain ones, white space of every kind at either end, a full stop after the domain (one, as
# DNS writes a name; two read as nothing), display-name forms and mailto: links, and the
# neighbours that read as nothing on both sides.
WRITTEN = [
    "ann@mail.fr", " Ann@Mail.FR ", "ann@mail.fr.", "ANN@MAIL.FR.", "ann@mail.fr..",
    "ann@mail.fr\u00a0", "ann@mail.fr\u202f", "ann@mail.fr\u2007", "ann@mail.fr\ufeff",
    "\ufeffann@mail.fr", "\u00a0ann@mail.fr\u00a0", "ann@mail.fr\u3000", "ann@mail.fr\u2003",
    "ann@mail.fr\u2028", "ann@mail.fr\x00", "ann@mail.fr\t", "ann@mail.fr\r\n",
    "ann@mail.fr.\u00a0", "ann@xn--mnchen-3ya.de.", "jürgen.groß@gmx.de.", "İ@example.com",
    "ΣΑΣ@x.gr", "Ann Lee <ann@mail.fr>", "Ann Lee <ann@mail.fr.>", "Ann <ann@mail.fr>\u00a0",
    "Ann Lee <\u00a0ann@mail.fr\u00a0>", "mailto:ann@mail.fr", "MAILTO:ann@mail.fr.",
    " mailto: ann@mail.fr", "mailto:\u00a0ann@mail.fr", "ann.@mail.fr", ".ann@mail.fr",
    "ann@mail", "ann@mail.", "ann@.fr", "a@b.c.", "ann@mail.fr\u200b", "ann@mail.fr;",
    "<ann@mail.fr", "", "NULL", None,
]  # fmt: skip
# Typed addresses a form should have refused: identity reads them (a match on a typo is still
# a match), silver does not (no mail server takes them as written).
TYPOS = ["ann @mail.fr", "a nn@mail.fr", "ann@ mail.fr", "ann@@mail.fr", "ann@mail.fr\u00a0."]


def _silver(engine: Engine, written: list[str | None], name: str) -> list[str | None]:
    t = engine.register(
        name, pa.table({"i": range(len(written)), "v": pa.array(written, pa.string())})
    )
    out = engine.to_arrow(t.select("i", e=conform.email(t.v)).order_by("i"))
    return out.column("e").to_pylist()


def test_every_address_reads_the_same_in_silver_and_identity(engine: Engine) -> None:
    silver = dict(zip(WRITTEN, _silver(engine, WRITTEN, "email_readers"), strict=True))
    identity = {w: email_key(w) for w in WRITTEN}
    assert identity == silver


def test_the_addresses_both_read_after_a_trailing_space_or_dot(engine: Engine) -> None:
    """Not only the same: each of these reads as the plain address."""
    written = ["ann@mail.fr.", "ann@mail.fr\u00a0", "ann@mail.fr\u202f", "ann@mail.fr\u2007",
               "ann@mail.fr\ufeff", "ann@mail.fr.\u00a0", "Ann Lee <ann@mail.fr.>"]  # fmt: skip
    assert _silver(engine, written, "email_ends") == ["ann@mail.fr"] * len(written)
    assert [email_key(w) for w in written] == ["ann@mail.fr"] * len(written)


def test_a_typo_a_form_should_have_refused_reads_in_identity_alone(engine: Engine) -> None:
    assert _silver(engine, TYPOS, "email_typos") == [None] * len(TYPOS)
    assert [email_key(w) for w in TYPOS] == ["ann@mail.fr"] * len(TYPOS)
