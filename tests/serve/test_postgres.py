"""Loading gold into a real PostgreSQL server: rows, keys, indexes, reruns and clear errors."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import adbc_driver_postgresql.dbapi as pg
import pyarrow as pa
import pytest

from c360.cli import main
from c360.contracts.model import Column, Table
from c360.pipeline.lake import drop, publish_table, table_dir
from c360.serve import postgres_keep
from c360.serve.postgres import (
    LoadError,
    _no_nul,
    connect,
    load_postgres,
    query,
    redact,
    schema_name,
    sql_name,
)

pytestmark = pytest.mark.postgres

CUSTOMERS = Table(
    name="dim_customer",
    seed="000",
    description="",
    layer="gold",
    primary_key=("customer_id",),
    columns=(
        Column("customer_id", "string"),
        Column("segment_id", "string"),
        Column("signed_up_at", "timestamp"),
        Column("tags", "list<string>", nullable=True),
    ),
)
LINES = Table(
    name="fct_order_lines",
    seed="000",
    description="",
    layer="gold",
    primary_key=("order_id", "line"),
    partition_by=("year",),
    columns=(
        Column("order_id", "string"),
        Column("line", "int"),
        Column("buyer", "string", references="dim_customer.customer_id"),
        Column("product_id", "string"),
        Column("amount_eur", "float"),
        Column("year", "int"),
    ),
)
CONTRACTS = (CUSTOMERS, LINES)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    customers = pa.table(
        {
            "customer_id": ["c1", "c2"],
            "segment_id": ["s1", "s1"],
            "signed_up_at": [dt.datetime(2023, 5, 1, 10, 0, 1), dt.datetime(2024, 2, 29)],
            "tags": [["vip", "fr"], None],
        },
        schema=CUSTOMERS.arrow_schema(),
    )
    lines = pa.table(
        {
            "order_id": ["o1", "o2", "o2"],
            "line": [1, 1, 2],
            "buyer": ["c1", "c2", "c2"],
            "product_id": ["p1", "p1", "p2"],
            "amount_eur": [10.5, 3.25, 4.0],
            "year": [2023, 2024, 2024],
        },
        schema=LINES.arrow_schema(),
    )
    publish_table(tmp_path, "gold", "dim_customer", customers)
    publish_table(tmp_path, "gold", "fct_order_lines", lines, LINES.partition_by)
    return tmp_path


def three_customers(workspace: Path) -> None:
    """A new run of ``dim_customer`` in the workspace's gold: c1, c2 and c3."""
    more = pa.table(
        {"customer_id": ["c1", "c2", "c3"], "segment_id": ["s1", "s1", "s2"],
         "signed_up_at": [dt.datetime(2024, 1, 1)] * 3, "tags": [None, None, None]},
        schema=CUSTOMERS.arrow_schema(),
    )  # fmt: skip
    publish_table(workspace, "gold", "dim_customer", more)


def catalog(url: str, sql: str) -> list[tuple]:
    with pg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def execute(url: str, *statements: str) -> None:
    """Run ``statements`` and commit, as a user would in psql."""
    with pg.connect(url) as conn, conn.cursor() as cur:
        for statement in statements:
            cur.execute(statement)
        conn.commit()


@pytest.fixture
def role(postgres_url: str) -> Iterator[Callable[[str], str]]:
    """``role(name)`` makes a login role ``c360_test_<pid>_<name>``; every such role goes after
    the test, with what it owns and was granted in the test database."""
    made: list[str] = []

    def make(name: str) -> str:
        made.append(f"c360_test_{os.getpid()}_{name}")
        execute(postgres_url, f'CREATE ROLE "{made[-1]}" LOGIN')
        return made[-1]

    yield make
    for name in made:
        execute(postgres_url, f'DROP OWNED BY "{name}" CASCADE')
        with pg.connect(postgres_url, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(f'DROP ROLE "{name}"')


def as_role(url: str, name: str) -> str:
    """``url`` with ``name`` as its user."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{name}@{parts.netloc.rpartition('@')[2]}"))


def test_load_twice_gives_the_same_tables_keys_and_indexes(
    workspace: Path, postgres_url: str
) -> None:
    seen: list[tuple[str, int]] = []
    first = load_postgres(
        workspace, postgres_url, "gold", CONTRACTS, lambda t, n: seen.append((t, n))
    )
    assert first == {"dim_customer": 2, "fct_order_lines": 3}
    assert seen == [("dim_customer", 2), ("fct_order_lines", 3)]
    indexes = "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'gold' ORDER BY 2"
    before = catalog(postgres_url, indexes)
    rows = "SELECT * FROM gold.fct_order_lines ORDER BY order_id, line"
    data = catalog(postgres_url, rows)

    assert load_postgres(workspace, postgres_url, "gold", CONTRACTS) == first
    assert catalog(postgres_url, indexes) == before
    assert (
        catalog(postgres_url, rows)
        == data
        == [
            ("o1", 1, "c1", "p1", 10.5, 2023),
            ("o2", 1, "c2", "p1", 3.25, 2024),
            ("o2", 2, "c2", "p2", 4.0, 2024),
        ]
    )
    tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'gold' ORDER BY 1"
    assert catalog(postgres_url, tables) == [("dim_customer",), ("fct_order_lines",)]
    # The key's first column is served by the key's index; every other *_id or reference is
    # indexed once.
    assert sorted((t, d.split(" USING btree ")[1]) for t, d in before) == [
        ("dim_customer", "(customer_id)"),
        ("dim_customer", "(segment_id)"),
        ("fct_order_lines", "(buyer)"),
        ("fct_order_lines", "(order_id, line)"),
        ("fct_order_lines", "(product_id)"),
    ]
    keys = catalog(
        postgres_url,
        "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'p' AND connamespace = 'gold'::regnamespace ORDER BY 1",
    )
    assert keys == [
        ("gold.dim_customer", "PRIMARY KEY (customer_id)"),
        ("gold.fct_order_lines", "PRIMARY KEY (order_id, line)"),
    ]


def test_types_survive_the_load(workspace: Path, postgres_url: str) -> None:
    load_postgres(workspace, postgres_url, "typed", CONTRACTS)
    columns = catalog(
        postgres_url,
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'typed' AND table_name = 'dim_customer' ORDER BY ordinal_position",
    )
    assert columns == [
        ("customer_id", "text", "NO"),
        ("segment_id", "text", "NO"),
        ("signed_up_at", "timestamp without time zone", "NO"),
        ("tags", "ARRAY", "YES"),
    ]
    answer = query(postgres_url, "SELECT * FROM dim_customer ORDER BY customer_id", "typed")
    assert answer.to_pylist()[0] == {
        "customer_id": "c1",
        "segment_id": "s1",
        "signed_up_at": dt.datetime(2023, 5, 1, 10, 0, 1),
        "tags": ["vip", "fr"],
    }


def test_a_role_that_owns_the_schema_loads_into_it(
    workspace: Path, postgres_url: str, role: Callable[[str], str]
) -> None:
    """It needs no CREATE on the database when the schema is there: a DBA made it for it.
    Its reload keeps the SELECT it granted to a BI role."""
    loader, bi = role("loader"), role("bi")
    execute(postgres_url, f'CREATE SCHEMA owned AUTHORIZATION "{loader}"')
    url = as_role(postgres_url, loader)
    assert load_postgres(workspace, url, "owned", CONTRACTS) == {
        "dim_customer": 2,
        "fct_order_lines": 3,
    }
    execute(url, f'GRANT SELECT ON owned.dim_customer TO "{bi}"')
    load_postgres(workspace, url, "owned", CONTRACTS)
    privilege = f"SELECT has_table_privilege('{bi}', 'owned.dim_customer', 'SELECT')"
    assert catalog(postgres_url, privilege) == [(True,)]
    owners = "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'owned'"
    assert catalog(postgres_url, owners) == [(loader,)]


def test_a_failed_table_leaves_the_previous_load(workspace: Path, postgres_url: str) -> None:
    load_postgres(workspace, postgres_url, "kept", CONTRACTS)
    duplicate = pa.table(
        {
            "customer_id": ["c1", "c1", "c3"],
            "segment_id": ["s1", "s1", "s2"],
            "signed_up_at": [dt.datetime(2024, 1, 1)] * 3,
            "tags": [None, None, None],
        },
        schema=CUSTOMERS.arrow_schema(),
    )
    publish_table(workspace, "gold", "dim_customer", duplicate)
    with pytest.raises(
        LoadError,
        match=r"^cannot replace kept\.dim_customer: could not create unique index "
        r'"dim_customer_pkey"; Key \(customer_id\)=\(c1\) is duplicated$',
    ):
        load_postgres(workspace, postgres_url, "kept", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM kept.dim_customer") == [(2,)]
    leftovers = "SELECT count(*) FROM pg_tables WHERE tablename LIKE '_c360_staging%'"
    assert catalog(postgres_url, leftovers) == [(0,)]


def test_a_load_is_all_tables_or_none(workspace: Path, postgres_url: str) -> None:
    """A user's view on one table stops its replacement: the tables before it keep the
    previous load too, so the schema never mixes two runs."""
    load_postgres(workspace, postgres_url, "whole", CONTRACTS)
    with pg.connect(postgres_url) as conn, conn.cursor() as cur:
        cur.execute("CREATE VIEW whole.my_lines AS SELECT order_id FROM whole.fct_order_lines")
        conn.commit()
    three_customers(workspace)
    with pytest.raises(LoadError, match=r"cannot replace whole\.fct_order_lines: .*my_lines"):
        load_postgres(workspace, postgres_url, "whole", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM whole.dim_customer") == [(2,)]
    leftovers = "SELECT count(*) FROM pg_tables WHERE tablename LIKE '_c360_staging%'"
    assert catalog(postgres_url, leftovers) == [(0,)]


def test_a_table_gone_from_the_lake_leaves_the_database_too(
    workspace: Path, postgres_url: str
) -> None:
    """Its source was removed and the run dropped it: a BI tool must not keep reading the old
    batch. A table of the user's own in the schema stays."""
    load_postgres(workspace, postgres_url, "gone", CONTRACTS)
    with pg.connect(postgres_url) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE gone.my_notes (note text)")
        conn.commit()
    drop(workspace, "gold", "fct_order_lines")
    assert load_postgres(workspace, postgres_url, "gone", CONTRACTS) == {"dim_customer": 2}
    tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'gone' ORDER BY 1"
    assert catalog(postgres_url, tables) == [("dim_customer",), ("my_notes",)]


def test_a_table_whose_files_were_deleted_is_refused_and_the_previous_load_stays(
    workspace: Path, postgres_url: str
) -> None:
    load_postgres(workspace, postgres_url, "spoilt", CONTRACTS)
    folder = table_dir(workspace, "gold", "fct_order_lines")
    for part in folder.rglob("*.parquet"):
        part.unlink()
    with pytest.raises(LoadError, match=f"^{folder}: the table holds no Parquet file; rerun"):
        load_postgres(workspace, postgres_url, "spoilt", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM spoilt.fct_order_lines") == [(3,)]
    publish_table(workspace, "gold", "dim_customer", pa.table({"customer_id": ["c9"]}))
    (table_dir(workspace, "gold", "dim_customer") / "part-00000.parquet").write_text("junk")
    with pytest.raises(LoadError, match=r"dim_customer: part-00000\.parquet is not Parquet"):
        load_postgres(workspace, postgres_url, "spoilt", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM spoilt.dim_customer") == [(2,)]


def test_nul_characters_inside_text_are_left_out(tmp_path: Path, postgres_url: str) -> None:
    """PostgreSQL text cannot hold NUL; the lake can, so the load takes them out."""
    customers = pa.table(
        {"customer_id": ["c\x001", "c2"], "segment_id": ["s\x00\x001", "s1"],
         "signed_up_at": [dt.datetime(2024, 1, 1)] * 2, "tags": [None, None]},
        schema=CUSTOMERS.arrow_schema(),
    )  # fmt: skip
    publish_table(tmp_path, "gold", "dim_customer", customers)
    load_postgres(tmp_path, postgres_url, "nul", (CUSTOMERS,))
    rows = "SELECT customer_id, segment_id FROM nul.dim_customer ORDER BY 1"
    assert catalog(postgres_url, rows) == [("c1", "s1"), ("c2", "s1")]


def test_nul_characters_inside_list_items_are_left_out(tmp_path: Path, postgres_url: str) -> None:
    """A list of text is text too: an item holding NUL would fail the whole load."""
    tags = pa.array([["v\x00ip", None, "\x00"], [], None], pa.list_(pa.string()))
    customers = pa.table(
        {"customer_id": ["c1", "c2", "c3"], "segment_id": ["s1"] * 3,
         "signed_up_at": [dt.datetime(2024, 1, 1)] * 3, "tags": tags},
        schema=CUSTOMERS.arrow_schema(),
    )  # fmt: skip
    publish_table(tmp_path, "gold", "dim_customer", customers)
    load_postgres(tmp_path, postgres_url, "nul_lists", (CUSTOMERS,))
    rows = "SELECT customer_id, tags FROM nul_lists.dim_customer ORDER BY 1"
    answer = query(postgres_url, rows).to_pylist()
    assert answer == [
        {"customer_id": "c1", "tags": ["vip", None, ""]},
        {"customer_id": "c2", "tags": []},
        {"customer_id": "c3", "tags": None},
    ]


def test_nul_characters_inside_a_category_column_are_left_out(
    tmp_path: Path, postgres_url: str
) -> None:
    """A column of categories (dictionary-encoded text) is text too."""
    tiers = pa.array(["gold\x00", "silver", None, "gold"]).dictionary_encode()
    items = pa.array(["v\x00ip", "fr"]).dictionary_encode()
    tags = pa.ListArray.from_arrays(
        [0, 2, 2, 2, 2], items, mask=pa.array([False, False, True, False])
    )
    data = pa.table({"customer_id": ["c1", "c2", "c3", "c4"], "tier": tiers, "tags": tags})
    publish_table(tmp_path, "gold", "dim_tiers", data)
    load_postgres(tmp_path, postgres_url, "nul_categories", contracts=())
    rows = "SELECT customer_id, tier, tags FROM nul_categories.dim_tiers ORDER BY 1"
    assert query(postgres_url, rows).to_pylist() == [
        {"customer_id": "c1", "tier": "gold", "tags": ["vip", "fr"]},
        {"customer_id": "c2", "tier": "silver", "tags": []},
        {"customer_id": "c3", "tier": None, "tags": None},
        {"customer_id": "c4", "tier": "gold", "tags": []},
    ]


def test_nul_characters_come_out_of_the_categories_a_slice_keeps() -> None:
    tiers = pa.array(["a\x00", "b", None, "a\x00"]).dictionary_encode().slice(1)
    cleaned = _no_nul(tiers)
    assert pa.types.is_dictionary(cleaned.type)
    assert cleaned.to_pylist() == ["b", None, "a"]
    clean = pa.array(["a", "b"]).dictionary_encode()
    assert _no_nul(clean) is clean


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@127.0.0.1/x", "not a PostgreSQL URL"),
        ("not a url", "not a PostgreSQL URL"),
        ("postgresql://postgres@127.0.0.1:1/x", "Connection refused"),
        ("postgresql://postgres@127.0.0.1:5432/c360_no_such_db", "does not exist"),
    ],
)
def test_a_bad_url_is_one_clear_line(workspace: Path, url: str, message: str) -> None:
    with pytest.raises(LoadError, match=message) as error:
        load_postgres(workspace, url, contracts=CONTRACTS)
    assert "\n" not in str(error.value)


def test_a_role_without_rights_gets_one_line_in_postgresqls_words(
    workspace: Path, postgres_url: str, role: Callable[[str], str]
) -> None:
    weak = as_role(postgres_url, role("weak"))
    execute(
        postgres_url,
        "CREATE SCHEMA IF NOT EXISTS locked",
        "REVOKE ALL ON SCHEMA locked FROM PUBLIC",
    )
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, weak, "locked", CONTRACTS)
    assert str(error.value) == "cannot load dim_customer: permission denied for schema locked"
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, weak, "c360_new_schema", CONTRACTS)
    assert str(error.value).startswith("cannot create schema c360_new_schema: permission denied")


def test_no_gold_says_to_run_the_pipeline(tmp_path: Path, postgres_url: str) -> None:
    with pytest.raises(LoadError, match=r"no gold tables .*c360 run"):
        load_postgres(tmp_path, postgres_url)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:s3cret@db:5432/x", "postgresql://u:***@db:5432/x"),
        ("postgresql://u@db/x?password=s3cret", "postgresql://u@db/x?password=***"),
        (
            "postgresql://u:s3cret@db/x?sslmode=off&password=s3cret&connect_timeout=2",
            "postgresql://u:***@db/x?sslmode=off&password=***&connect_timeout=2",
        ),
        ("postgresql://u@db/x?%70assword=s3cret", "postgresql://u@db/x?%70assword=***"),
        ("postgresql://u:s3:cr@t@[::1/x", "postgresql://u:***@[::1/x"),  # the widest reading
        ("postgresql://u:s3/cr@db/x", "postgresql://u:***@db/x"),  # libpq: host u, port s3
        ("postgresql://u:s3?cr@db/x", "postgresql://u:***@db/x"),  # libpq: user u, no query
        ("postgresql://u:s3?c/r@db/x", "postgresql://u:***@db/x"),  # libpq: host u, port s3?c
        (
            "postgresql://u:s3@db/x?application_name=me@home",
            "postgresql://u:***@db/x?application_name=me@home",
        ),
        (
            "postgresql://u:s3@db?application_name=me@home",
            "postgresql://u:***@db?application_name=me@home",
        ),
        ("host=db user=u password='s3 cr' dbname=x", "host=db user=u password=*** dbname=x"),
        ("postgresql://u@db/x", "postgresql://u@db/x"),
    ],
)
def test_redact_hides_every_password(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:s3cret@127.0.0.1:1/x",
        "postgresql://u@127.0.0.1:1/x?password=s3cret",
        "postgresql://u@127.0.0.1:1/x?%70assword=s3cret",
        "postgresql://u@127.0.0.1:1/x?password=s3cret&no_such_option=1",
        "postgresql://u:s3cret@[::1/x",  # libpq echoes the URI it cannot parse
        "postgresql://u:s3%zzcret@127.0.0.1:1/x",  # ...and the token it cannot decode
        "mysql://u:s3cret@127.0.0.1/x?password=s3cret",
        "postgresql://bi:s3+c/dEF12==@127.0.0.1:1/db",  # a "/" in it: libpq reads a port
        "postgresql://bi:Xy7@s3cret9@127.0.0.1:1/db",  # an "@" in it: libpq reads a host
        "postgresql://bi:Xy7?s3cret9@127.0.0.1:1/db",  # a "?" in it: libpq reads it whole
        "postgresql://bi:Xy7?s3/cret9@127.0.0.1:1/db",  # and a "/": libpq reads a port
        "host=127.0.0.1 port=1 user=u password=s3cret dbname=x",  # libpq's key=value form
    ],
)
def test_the_password_never_reaches_a_message(workspace: Path, url: str) -> None:
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, url, contracts=CONTRACTS)
    assert "s3" not in str(error.value) and "***" in str(error.value)
    assert "\n" not in str(error.value)


def test_the_password_is_kept_out_of_the_refusal_too(workspace: Path) -> None:
    with pytest.raises(LoadError, match="Connection refused") as error:
        load_postgres(workspace, "postgresql://u:s3cret@127.0.0.1:1/x", contracts=CONTRACTS)
    assert "s3cret" not in str(error.value) and "u:***@127.0.0.1:1" in str(error.value)


def test_the_summary_names_the_server_without_the_password(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{postgres_url}?password=hunter2"  # trust authentication ignores it
    args = ["load-postgres", "--workspace", str(workspace), "--schema", "secret", "--url", url]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "hunter2" not in out and f"{postgres_url}?password=***" in " ".join(out.split())


def test_a_libpq_keyword_string_loads_and_is_shown_without_its_password(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = urlsplit(postgres_url)
    url = (
        f"host={parts.hostname} port={parts.port} user={parts.username} "
        f"dbname={parts.path[1:]} password='hunter 2'"  # trust authentication ignores it
    )
    args = ["load-postgres", "--workspace", str(workspace), "--schema", "keywords", "--url", url]
    assert main(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "hunter" not in out and f"port={parts.port} user={parts.username}" in out
    assert catalog(postgres_url, "SELECT count(*) FROM keywords.dim_customer") == [(2,)]
    with pytest.raises(LoadError, match="Connection refused") as error:
        load_postgres(workspace, "host=127.0.0.1 port=1 password=x5432y", contracts=CONTRACTS)
    assert "x5432y" not in str(error.value) and "port=1 password=***" in str(error.value)


def test_the_command_shows_a_summary_and_errors_in_one_line(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["load-postgres", "--workspace", str(workspace), "--schema", "cli"]
    assert main([*args, "--url", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "cli.fct_order_lines" in out and "2 gold tables, 5 rows loaded" in out
    assert catalog(postgres_url, "SELECT count(*) FROM cli.dim_customer") == [(2,)]

    assert main([*args, "--url", "postgresql://postgres@127.0.0.1:1/x"]) == 2
    captured = capsys.readouterr()
    # strip(): off a terminal, the shared progress bar leaves an empty line as it closes
    err = captured.err.strip()
    assert err.startswith("error: cannot connect to postgresql://postgres@127.0.0.1:1/x")
    assert "\n" not in err and "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ("", "no schema name: name the schema to load into"),
        (
            "s" * 64,
            f"schema name {'s' * 64} is 64 bytes long: PostgreSQL would cut it to its first 63",
        ),
        (
            "ü" * 32,
            f"schema name {'ü' * 32} is 64 bytes long: PostgreSQL would cut it to its first 63",
        ),
    ],
)
def test_a_schema_name_postgresql_would_refuse_or_cut_is_one_line(
    workspace: Path, postgres_url: str, schema: str, message: str
) -> None:
    """A longer name would load into a schema named otherwise than the summary says."""
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, schema, contracts=CONTRACTS)
    assert str(error.value) == message
    cut = schema.encode()[:63].decode("utf-8", "ignore")
    assert catalog(postgres_url, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{cut}'") == [
        (0,)
    ]


def test_a_schema_name_of_63_bytes_is_kept_whole(workspace: Path, postgres_url: str) -> None:
    load_postgres(workspace, postgres_url, "s" * 63, contracts=CONTRACTS)
    assert catalog(postgres_url, f'SELECT count(*) FROM "{"s" * 63}".dim_customer') == [(2,)]


def test_nul_characters_come_out_of_a_slice_of_lists() -> None:
    """A reader's batches may be slices of larger arrays, their list offsets not from 0."""
    tags = pa.array([["x\x00"], None, ["a\x00b", None], []], pa.list_(pa.string()))
    assert _no_nul(tags.slice(1)).to_pylist() == [None, ["ab", None], []]
    assert _no_nul(tags.slice(2, 1)).to_pylist() == [["ab", None]]


def test_a_value_postgresql_cannot_hold_names_the_table_and_column_in_one_line(
    tmp_path: Path, postgres_url: str
) -> None:
    """A date past PostgreSQL's last (5874897 AD) is refused by the server's COPY; the message
    names the gold table, not the staging table it was copied into, without libpq's noise."""
    days = Table(
        name="dim_day", seed="000", description="", layer="gold", primary_key=("day",),
        columns=(Column("day", "date"),),
    )  # fmt: skip
    publish_table(
        tmp_path, "gold", "dim_day", pa.table({"day": pa.array([2**31 - 1], pa.date32())})
    )
    with pytest.raises(LoadError) as error:
        load_postgres(tmp_path, postgres_url, "far", (days,))
    assert str(error.value) == (
        "cannot load dim_day: date out of range; CONTEXT: COPY dim_day, line 1, column day"
    )


def test_a_schema_name_holding_nul_is_one_line_naming_it(
    workspace: Path, postgres_url: str
) -> None:
    """libpq would cut the name at the NUL, or the server refuse it as bytes it cannot read."""
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, "gold\x00x", contracts=CONTRACTS)
    assert str(error.value) == (
        "schema name 'gold\\x00x' holds a NUL character, which PostgreSQL names cannot hold"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "host=127.0.0.1 port=1 dbname=x password=my secret",
            'cannot connect to host=127.0.0.1 port=1 dbname=x password=***: missing "=" after '
            '"***" in connection info string',
        ),
        (
            'host=127.0.0.1 port=1 password="my secret" dbname=x',
            'cannot connect to host=127.0.0.1 port=1 password=*** dbname=x: missing "=" after '
            '"***" in connection info string',
        ),
        (
            "host=127.0.0.1 port=1 password='my secret dbname=x",
            "cannot connect to host=127.0.0.1 port=1 password=***: unterminated quoted string in "
            "connection info string",
        ),
        (
            "host=127.0.0.1 port=1 password=abc\\ def",
            "cannot connect to host=127.0.0.1 port=1 password=***: Connection refused; Is the "
            "server running on that host and accepting TCP/IP connections?",
        ),
    ],
)
def test_a_keyword_password_libpq_cannot_read_is_hidden_whole(url: str, message: str) -> None:
    with pytest.raises(LoadError) as error:
        connect(url)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "DATABASE_URL=postgresql://u:s3cret@127.0.0.1:1/x",
            "the connection string starts with DATABASE_URL=: drop the DATABASE_URL= before "
            "the URL",
        ),
        (
            "C360_POSTGRES_URL='postgresql://u:s3cret@127.0.0.1:1/x'",
            "the connection string starts with C360_POSTGRES_URL=: drop the C360_POSTGRES_URL= "
            "before the URL",
        ),
        (
            "no_such_option=1 password=s3cret",
            "not a PostgreSQL URL: 'no_such_option=1 password=***' (expected "
            "postgresql://user@host/database or host=H dbname=D)",
        ),
    ],
)
def test_a_url_given_with_a_variables_name_is_refused_without_its_password(
    url: str, message: str
) -> None:
    with pytest.raises(LoadError) as error:
        connect(url)
    assert str(error.value) == message


@pytest.mark.parametrize(
    "url", [" postgresql://u:s3cret@127.0.0.1:1/x", "\tpostgresql://u:s3cret@127.0.0.1:1/x \n"]
)
def test_spaces_around_a_url_are_left_out(workspace: Path, url: str) -> None:
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, url, contracts=CONTRACTS)
    assert str(error.value).startswith("cannot connect to postgresql://u:***@127.0.0.1:1/x: ")
    assert "Connection refused" in str(error.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://u@127.0.0.1:1/x?password=s3c&ret9xyz",
            "cannot connect to postgresql://u@127.0.0.1:1/x?password=***: missing key/value "
            'separator "=" in URI query parameter: "***"',
        ),
        (
            "postgresql://u@127.0.0.1:1/x?password=s3c&ret=9xyz",
            "cannot connect to postgresql://u@127.0.0.1:1/x?password=***: invalid URI query "
            'parameter: "***" (the parameter after password=, hidden as it may be part of the '
            'password: write a "&" in a password as %26)',
        ),
        (
            "host=127.0.0.1 port=1 passwd=s3cret dbname=x",
            "cannot connect to host=127.0.0.1 port=1 passwd=*** dbname=x: invalid connection "
            'option "passwd"',
        ),
        (
            "postgresql://u@127.0.0.1:1/x?pwd=s3cret",
            "cannot connect to postgresql://u@127.0.0.1:1/x?pwd=***: invalid URI query parameter: "
            '"pwd"',
        ),
        (
            "host=127.0.0.1 port=1 password=s3cret9 passwd=x",
            "cannot connect to host=127.0.0.1 port=1 password=*** passwd=***: invalid connection "
            'option "passwd"',
        ),
    ],
)
def test_a_password_option_libpq_refuses_is_named_without_its_value(url: str, message: str) -> None:
    """A password holding "&" in a URL's query, or given under a misspelt option."""
    with pytest.raises(LoadError) as error:
        connect(url)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://u:s3cret@127.0.0.1:1/x?password=x&bogus=1",
            "cannot connect to postgresql://u:***@127.0.0.1:1/x?password=***: invalid URI query "
            'parameter: "***" (the parameter after password=, hidden as it may be part of the '
            'password: write a "&" in a password as %26)',
        ),
        (
            "host=127.0.0.1 port=1 password=s3cret bogus=1",
            "cannot connect to host=127.0.0.1 port=1 password=***: invalid connection option "
            '"***" (the option after password=, hidden as it may be part of the password: put a '
            "password holding a space in quotes, password='…')",
        ),
        (
            "postgresql://127.0.0.1:1/x?password=s3cret&connect_timeout=abc",
            "cannot connect to postgresql://127.0.0.1:1/x?password=***&connect_timeout=abc: "
            'invalid integer value "abc" for connection option "connect_timeout"',
        ),
        (
            "host=127.0.0.1 port=1 password=s3cret connect_timeout=abc",
            "cannot connect to host=127.0.0.1 port=1 password=*** connect_timeout=abc: invalid "
            'integer value "abc" for connection option "connect_timeout"',
        ),
    ],
)
def test_an_invalid_option_beside_a_password_is_named_without_the_password(
    url: str, message: str
) -> None:
    """Named as libpq names it, or, when it may be a piece of the password, by its place."""
    with pytest.raises(LoadError) as error:
        connect(url)
    assert str(error.value) == message


PASSWORDS = [
    "Qz9 Vx7k",
    "Qz9'Vx7k",
    'Qz9"Vx7k',
    "Qz9\\Vx7k",
    "Qz9\\ Vx7k",
    "Qz9' Vx7k",
    "Qz9@Vx7k",
    "Qz9/Vx7k",
    "Qz9?Vx7k",
    "Qz9#Vx7k",
    "Qz9=Vx7k",
    "Qz9 Vx7k=Wq4",
    "Qz9%zzVx7k",
    "Qzé9 Vx7kü",
    "Qz9&Vx7k",
    "Qz9&Vx7k=Wq4",
]


def shapes(host: str, port: int, password: str) -> list[tuple[str, str]]:
    """Connection strings to a database that is not there, each with ``password`` as written."""
    escaped = password.replace("\\", "\\\\").replace("'", "\\'")
    encoded = quote(password, safe="")
    url = f"{host}:{port}/c360_no_such_db"
    keywords = f"host={host} port={port}"
    return [
        (f"postgresql://u:{p}@{url}", p) for p in (password, encoded)
    ] + [
        (f"postgresql://u@{url}?{name}={p}{then}", p)
        for p in (password, encoded)
        for name, then in [("password", ""), ("pwd", ""), ("password", "&connect_timeout=9")]
    ] + [
        (f"{keywords} password={password} dbname=c360_no_such_db", password),
        (f"{keywords} dbname=c360_no_such_db password={password}", password),
        (f"{keywords} passwd={password} dbname=c360_no_such_db", password),
        (f"{keywords} Password='{escaped}' dbname=c360_no_such_db", escaped),
        (f"{keywords} password='{escaped}' dbname=c360_no_such_db", escaped),
        (f"{keywords} password='{password}' dbname=c360_no_such_db", password),
        (f'{keywords} password="{password}" dbname=c360_no_such_db', password),
        (f"{keywords} password='{password} dbname=c360_no_such_db", password),
        (f"DATABASE_URL=postgresql://u:{password}@{url}", password),
        (f"C360_POSTGRES_URL=postgresql://u:{encoded}@{url}", encoded),
        (f" postgresql://u:{encoded}@{url} ", encoded),
    ]  # fmt: skip


def test_no_message_holds_a_piece_of_the_password(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every shape of connection string, a server refusing and one answering: neither a load's
    error nor the command's output holds three characters of the password in a row, but those
    the rest of the string holds too."""
    server = urlsplit(postgres_url)
    leaks = []
    for host, port in [("127.0.0.1", 1), (server.hostname or "", server.port or 5432)]:
        for password in PASSWORDS:
            for url, written in shapes(host, port, password):
                rest = url.replace(written, " ")
                with pytest.raises(LoadError) as error:
                    load_postgres(workspace, url, contracts=CONTRACTS)
                messages = [str(error.value)]
                if port == 1 and password in PASSWORDS[::4]:  # and what the command prints
                    args = ["load-postgres", "--workspace", str(workspace), "--url", url]
                    assert main(args) != 0
                    messages.append("".join(capsys.readouterr()))
                for message in messages:
                    pieces = {
                        piece
                        for secret in {password, written}
                        for n in range(3, len(secret) + 1)
                        for i in range(len(secret) - n + 1)
                        if (piece := secret[i : i + n]) not in rest
                    }
                    leaks += [(url, message) for piece in pieces if piece in message][:1]
    assert leaks == []


def test_a_url_given_with_spaces_around_it_loads(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f" {postgres_url}?password=hunter2 \n"  # trust authentication ignores the password
    args = ["load-postgres", "--workspace", str(workspace), "--schema", "spaced", "--url", url]
    assert main(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "hunter2" not in out and f"loaded into {postgres_url}?password=*** in " in out


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("gold", "gold"),
        ("Gold", "gold"),
        ("GOLD_2025$", "gold_2025$"),
        ("_Gold", "_gold"),
        ("Schéma", "schéma"),  # PostgreSQL folds ASCII letters only in UTF-8
        ("Gold Schéma", "Gold Schéma"),  # not a plain name: taken as it is
        ("2025gold", "2025gold"),
        ("gold-eu", "gold-eu"),
        ('"Gold"', "Gold"),  # quoted, as in SQL and pg_dump --schema: kept as written
        ('"Gold ""EU"""', 'Gold "EU"'),
        ('"Gold', '"Gold'),
    ],
)
def test_a_plain_schema_name_is_folded_to_lower_case_as_in_sql(given: str, stored: str) -> None:
    assert schema_name(given) == stored


@pytest.mark.parametrize(
    ("schema", "table", "written"),
    [
        ("gold", "fct_orders", "gold.fct_orders"),
        ("Gold Schéma", "fct_orders", '"Gold Schéma".fct_orders'),
        ("Gold", "fct_orders", '"Gold".fct_orders'),
        ("schéma", "fct_orders", '"schéma".fct_orders'),
        ('a"b', "fct_orders", '"a""b".fct_orders'),
        ("user", "order", '"user"."order"'),
        ("gold", "2025_orders", 'gold."2025_orders"'),
    ],
)
def test_sql_name_is_written_as_sql_needs_it(schema: str, table: str, written: str) -> None:
    assert sql_name(schema, table) == written


def test_sql_name_quotes_as_postgresql_quotes(postgres_url: str) -> None:
    """Every keyword PostgreSQL cannot take unquoted as a name is quoted, as quote_ident does."""
    words = [w for (w,) in catalog(postgres_url, "SELECT word FROM pg_get_keywords()")]
    names = [*words, "Gold", "gold", "schéma", "a b", "_x$1", "x$", "$x", ""]
    answer = catalog(
        postgres_url,
        "SELECT n, quote_ident(n) FROM unnest(ARRAY["
        + ", ".join("'" + n.replace("'", "''") + "'" for n in names)
        + "]::text[]) AS n",
    )
    # Keywords of later releases are quoted too: harmless where they are not keywords.
    differ = [(n, q) for n, q in answer if sql_name(n) != q]
    assert all(n in postgres_keep.LATER_KEYWORDS and sql_name(n) == f'"{n}"' for n, _ in differ)


def test_a_schema_given_in_capitals_is_the_one_sql_names_without_quotes(
    workspace: Path, postgres_url: str
) -> None:
    """--schema Gold loads into gold, which ``select ... from Gold.fct_order_lines`` or
    ``gold.fct_order_lines`` reads; no case-sensitive "Gold" is made."""
    load_postgres(workspace, postgres_url, "Folded", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM folded.fct_order_lines") == [(3,)]
    assert catalog(postgres_url, "SELECT count(*) FROM Folded.dim_customer") == [(2,)]
    made = "SELECT count(*) FROM pg_namespace WHERE nspname = 'Folded'"
    assert catalog(postgres_url, made) == [(0,)]
    assert query(postgres_url, "SELECT count(*) AS n FROM dim_customer", "Folded")[
        "n"
    ].to_pylist() == [2]
    load_postgres(workspace, postgres_url, '"Folded"', CONTRACTS)  # quoted: as written
    assert catalog(postgres_url, 'SELECT count(*) FROM "Folded".dim_customer') == [(2,)]


def test_capitals_naming_a_schema_earlier_loads_made_as_written_are_refused_saying_how(
    workspace: Path, postgres_url: str
) -> None:
    """Loads made "Legacy" when --schema Legacy kept its capitals: loading into a new legacy
    instead would leave the dashboards on "Legacy" with the old figures, unsaid."""
    load_postgres(workspace, postgres_url, '"Legacy"', CONTRACTS)
    with pytest.raises(LoadError) as caught:
        load_postgres(workspace, postgres_url, "Legacy", CONTRACTS)
    assert str(caught.value) == (
        "--schema Legacy names the schema legacy, as PostgreSQL reads a name without quotes, "
        'and there is none; "Legacy" exists: give --schema \'"Legacy"\' to load into it, or '
        "create legacy to load there"
    )
    assert catalog(postgres_url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'legacy'") == [
        (0,)
    ]
    execute(postgres_url, "CREATE SCHEMA legacy")
    assert load_postgres(workspace, postgres_url, "Legacy", CONTRACTS)["dim_customer"] == 2


def test_a_schema_name_that_needs_quotes_is_named_as_sql_writes_it(
    workspace: Path, postgres_url: str
) -> None:
    load_postgres(workspace, postgres_url, "Gold Schéma", CONTRACTS)
    execute(
        postgres_url,
        'CREATE VIEW "Gold Schéma".my_lines AS SELECT * FROM "Gold Schéma".fct_order_lines',
    )
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, "Gold Schéma", CONTRACTS)
    assert str(error.value).startswith('cannot replace "Gold Schéma".fct_order_lines: ')


def test_a_missing_database_says_how_to_create_it(workspace: Path, postgres_url: str) -> None:
    name = f"f5_absent_{os.getpid()}"
    url = urlunsplit(urlsplit(postgres_url)._replace(path=f"/{name}"))
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, url, "gold", CONTRACTS)
    assert str(error.value) == (
        f'cannot connect to {url}: database "{name}" does not exist; create it with '
        f"createdb {name} or CREATE DATABASE {name}"
    )


def test_a_view_on_a_gold_table_is_named_with_what_to_do(
    workspace: Path, postgres_url: str
) -> None:
    """PostgreSQL's own hint, DROP ... CASCADE, would drop the view and anything on it: the
    message names the view and the table, and says to drop the view and create it again."""
    load_postgres(workspace, postgres_url, "viewed", CONTRACTS)
    execute(
        postgres_url,
        "CREATE VIEW viewed.my_lines AS SELECT order_id FROM viewed.fct_order_lines",
        'CREATE MATERIALIZED VIEW viewed."My Buyers" AS SELECT order_id FROM viewed.my_lines',
        "CREATE VIEW viewed.my_customers AS SELECT customer_id FROM viewed.dim_customer",
    )
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, "viewed", CONTRACTS)
    message = str(error.value)
    assert message == (
        "cannot replace viewed.dim_customer: view viewed.my_customers depends on it; the load "
        "replaces the table whole: drop the view, load, then create it again"
    )
    assert "CASCADE" not in message
    execute(postgres_url, "DROP VIEW viewed.my_customers")
    with pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, "viewed", CONTRACTS)
    assert str(error.value) == (
        "cannot replace viewed.fct_order_lines: view viewed.my_lines depends on it, and "
        'materialized view viewed."My Buyers" on viewed.my_lines; the load replaces the table '
        "whole: drop these views, load, then create them again"
    )


def test_a_table_an_earlier_version_built_is_refused_in_words_and_the_load_stays(
    workspace: Path, postgres_url: str
) -> None:
    """A column that gained a default since the lake was built holds NULLs its contract no
    longer allows: the load says so and to rebuild, not Arrow's cast error mid-load."""
    load_postgres(workspace, postgres_url, "older", CONTRACTS)
    older = pa.table(
        {"customer_id": ["c1", "c2", "c3"], "segment_id": ["s1", None, "s2"],
         "signed_up_at": [dt.datetime(2024, 1, 1)] * 3, "tags": [None, None, None]},
    )  # fmt: skip
    publish_table(workspace, "gold", "dim_customer", older)
    with pytest.raises(
        LoadError,
        match=r"^cannot load dim_customer: lake/gold/dim_customer is not as this version of "
        r"c360 makes it \(column segment_id holds NULLs, which its contract allows none of\); "
        r"run `c360 run` to rebuild gold$",
    ):
        load_postgres(workspace, postgres_url, "older", CONTRACTS)
    assert catalog(postgres_url, "SELECT count(*) FROM older.dim_customer") == [(2,)]


@pytest.mark.parametrize(
    ("schema", "shown"),
    [("Listed", "listed.fct_orders"), ("Listed Schéma", '"Listed Schéma".fct_orders')],
)
def test_the_summary_names_each_table_as_sql_writes_it(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str], schema: str, shown: str
) -> None:
    """What the summary lists can be pasted into psql as it is."""
    publish_table(tmp_path, "gold", "fct_orders", pa.table({"order_id": ["o1"]}))
    args = ["load-postgres", "--url", postgres_url, "--schema", schema, "-w", str(tmp_path)]
    assert main(args) == 0
    assert f"│ {shown} " in capsys.readouterr().out


def test_keys_and_indexes_are_named_as_postgresql_names_them(
    tmp_path: Path, postgres_url: str
) -> None:
    """The names PostgreSQL gives a table's key and indexes, cut to 63 bytes on a character's
    boundary, as if they were made on the loaded table itself."""
    name = "fct_" + "é" * 28  # 60 bytes
    long_id = "customer_" + "x" * 40 + "_id"
    contract = Table(
        name=name,
        seed="000",
        description="",
        layer="gold",
        primary_key=("order_id", "line"),
        columns=(
            Column("order_id", "string"),
            Column("line", "int"),
            Column(long_id, "string"),
            Column("buyer_id", "string", nullable=True),
        ),
    )
    table = pa.table(
        {"order_id": ["o1"], "line": [1], long_id: ["c1"], "buyer_id": [None]},
        schema=contract.arrow_schema(),
    )
    publish_table(tmp_path, "gold", name, table)
    load_postgres(tmp_path, postgres_url, "named", (contract,))
    load_postgres(tmp_path, postgres_url, "named", (contract,))
    execute(
        postgres_url,
        "CREATE SCHEMA made",
        f'CREATE TABLE made."{name}" (order_id text, line int, "{long_id}" text, buyer_id text)',
        f'ALTER TABLE made."{name}" ADD PRIMARY KEY (order_id, line)',
        f'CREATE INDEX ON made."{name}" ("{long_id}")',
        f'CREATE INDEX ON made."{name}" (buyer_id)',
    )
    names = """
        SELECT c.relname::text FROM pg_class c
        WHERE c.relnamespace = '{}'::regnamespace AND c.relkind = 'i' ORDER BY 1
    """
    made = catalog(postgres_url, names.format("made"))
    assert len(made) == 3
    assert catalog(postgres_url, names.format("named")) == made
    keys = "SELECT conname::text FROM pg_constraint WHERE connamespace = '{}'::regnamespace"
    assert catalog(postgres_url, keys.format("named")) == catalog(postgres_url, keys.format("made"))
