"""Reloading gold into PostgreSQL: what users added to the tables survives or is named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import adbc_driver_postgresql.dbapi as pg
import pytest

from c360.cli import main
from c360.serve.postgres import load_postgres
from tests.serve.test_postgres import CONTRACTS, catalog, execute, role, workspace

pytestmark = pytest.mark.postgres

__all__ = ["role", "workspace"]  # fixtures

PRIVILEGES = """
    SELECT c.relname, NULL AS attname, x.grantor::regrole::text,
           CASE x.grantee WHEN 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END,
           x.privilege_type, x.is_grantable
    FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) x
    WHERE c.relnamespace = '{schema}'::regnamespace AND c.relkind = 'r'
    UNION ALL
    SELECT c.relname, a.attname, x.grantor::regrole::text,
           CASE x.grantee WHEN 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END,
           x.privilege_type, x.is_grantable
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid, aclexplode(a.attacl) x
    WHERE c.relnamespace = '{schema}'::regnamespace AND c.relkind = 'r'
    ORDER BY 1, 2, 3, 4, 5, 6
"""
COMMENTS = """
    SELECT c.relname, a.attname, d.description
    FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
    WHERE c.relnamespace = '{schema}'::regnamespace
    ORDER BY 1, 2 NULLS FIRST
"""


def test_a_reload_keeps_the_grants_and_comments(
    workspace: Path, postgres_url: str, role: Callable[[str], str]
) -> None:
    """A BI role that may read the gold tables still may after the nightly load; what the
    tables' default privileges give on creation is taken back where it had been revoked."""
    bi, analyst, newcomer = role("bi"), role("analyst"), role("newcomer")
    load_postgres(workspace, postgres_url, "granted", CONTRACTS)
    execute(
        postgres_url,
        f'GRANT SELECT ON granted.dim_customer TO "{bi}"',
        f'GRANT UPDATE ON granted.dim_customer TO "{analyst}" WITH GRANT OPTION',
        "GRANT INSERT ON granted.dim_customer TO PUBLIC",
        f'GRANT SELECT (order_id, amount_eur) ON granted.fct_order_lines TO "{bi}"',
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA granted GRANT SELECT ON TABLES TO "{newcomer}"',
        "COMMENT ON TABLE granted.dim_customer IS 'One row per customer: it''s gold'",
        "COMMENT ON COLUMN granted.dim_customer.segment_id IS 'a \\ and a '' in it'",
    )
    privileges = PRIVILEGES.format(schema="granted")
    comments = COMMENTS.format(schema="granted")
    before = catalog(postgres_url, privileges)
    assert (None, f"{bi}") in [(r[1], r[3]) for r in before if r[0] == "dim_customer"]
    assert newcomer not in {r[3] for r in before}

    load_postgres(workspace, postgres_url, "granted", CONTRACTS)
    assert catalog(postgres_url, privileges) == before
    assert catalog(postgres_url, comments) == [
        ("dim_customer", None, "One row per customer: it's gold"),
        ("dim_customer", "segment_id", "a \\ and a ' in it"),
    ]
    assert catalog(
        postgres_url, f"SELECT has_table_privilege('{bi}', 'granted.dim_customer', 'SELECT')"
    ) == [(True,)]


def test_a_reload_names_what_it_dropped(workspace: Path, postgres_url: str) -> None:
    """The load owns its tables and replaces them whole: a hand-made index, column or trigger
    goes, and the load says so once it has committed."""
    load_postgres(workspace, postgres_url, "handmade", CONTRACTS)
    execute(
        postgres_url,
        "CREATE INDEX by_lower_id ON handmade.dim_customer (lower(customer_id))",
        "ALTER TABLE handmade.dim_customer ADD COLUMN note text",
        "CREATE FUNCTION handmade.noop() RETURNS trigger LANGUAGE plpgsql "
        "AS 'BEGIN RETURN NEW; END'",
        "CREATE TRIGGER audited BEFORE INSERT ON handmade.fct_order_lines "
        "FOR EACH ROW EXECUTE FUNCTION handmade.noop()",
    )
    warnings: list[str] = []
    load_postgres(workspace, postgres_url, "handmade", CONTRACTS, warn=warnings.append)
    assert warnings == [
        "the reload of handmade.dim_customer dropped what the load does not make: "
        "column note, index by_lower_id",
        "the reload of handmade.fct_order_lines dropped what the load does not make: "
        "trigger audited",
    ]
    warnings.clear()
    load_postgres(workspace, postgres_url, "handmade", CONTRACTS, warn=warnings.append)
    assert warnings == []


def test_the_command_shows_what_a_reload_dropped(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["load-postgres", "-w", str(workspace), "--schema", "told", "--url", postgres_url]
    assert main(args) == 0
    execute(postgres_url, "ALTER TABLE told.dim_customer ADD COLUMN note text")
    capsys.readouterr()
    assert main(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    told = "the reload of told.dim_customer dropped what the load does not make: column note"
    assert f"warning: {told}" in out


def test_a_reload_keeps_row_level_security_and_its_policies(
    workspace: Path, postgres_url: str, role: Callable[[str], str]
) -> None:
    """A role that may read some rows reads no more after the reload: access never widens."""
    reader = role("reader")
    load_postgres(workspace, postgres_url, "guarded", CONTRACTS)
    execute(
        postgres_url,
        "ALTER TABLE guarded.dim_customer ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE guarded.dim_customer FORCE ROW LEVEL SECURITY",
        f'CREATE POLICY "only c1" ON guarded.dim_customer FOR SELECT TO "{reader}" '
        "USING (customer_id = 'c1')",
        f'GRANT SELECT ON guarded.dim_customer TO "{reader}"',
        f'GRANT USAGE ON SCHEMA guarded TO "{reader}"',
    )
    warnings: list[str] = []
    load_postgres(workspace, postgres_url, "guarded", CONTRACTS, warn=warnings.append)
    assert warnings == []
    assert catalog(
        postgres_url,
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
        "WHERE oid = 'guarded.dim_customer'::regclass",
    ) == [(True, True)]
    policies = "SELECT policyname FROM pg_policies WHERE schemaname = 'guarded'"
    assert catalog(postgres_url, policies) == [("only c1",)]
    with pg.connect(postgres_url) as conn, conn.cursor() as cur:
        cur.execute(f'SET ROLE "{reader}"')
        cur.execute("SELECT customer_id FROM guarded.dim_customer ORDER BY 1")
        assert cur.fetchall() == [("c1",)]
