"""The project file: defaults, the file, environment overrides and clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from c360.config import ConfigError, load, write_default


def test_defaults_without_a_file(tmp_path: Path) -> None:
    project = load(tmp_path)
    assert (project.engine, project.schema_drift, project.privacy.pseudonymisation) == (
        "duckdb",
        "fail",
        "hmac",
    )


def test_written_default_round_trips_and_file_overrides(tmp_path: Path) -> None:
    write_default(tmp_path, "demo")
    assert load(tmp_path).name == "demo"
    (tmp_path / "c360.yaml").write_text("engine: spark\nprivacy:\n  pseudonymisation: md5\n")
    project = load(tmp_path)
    assert project.engine == "spark" and project.privacy.pseudonymisation == "md5"
    write_default(tmp_path, "other")  # never overwrites the user's file
    assert load(tmp_path).engine == "spark"


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c360.yaml").write_text("engine: spark\n")
    monkeypatch.setenv("C360_ENGINE", "duckdb")
    assert load(tmp_path).engine == "duckdb"


@pytest.mark.parametrize("value", ["oracle", ""])
def test_a_wrong_environment_override_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    write_default(tmp_path, "demo")
    monkeypatch.setenv("C360_ENGINE", value)
    with pytest.raises(ConfigError) as error:
        load(tmp_path)
    assert str(error.value) == (
        f"environment variable C360_ENGINE: Input should be 'duckdb' or 'spark' (got {value!r})"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("engine: oracle\n", "engine: Input should be 'duckdb' or 'spark'"),
        ("engine: [\n", "cannot read the project file"),
        ("- a\n- b\n", "must be a mapping"),
        ("colour: blue\n", "colour: Extra inputs are not permitted"),
        ("csv: {orders: {encoding: cp037}}\n", "cp037 does not write ASCII as ASCII"),
        ("csv: {orders: {encoding: klingon}}\n", "unknown encoding 'klingon'"),
        ("csv: {orders: {delimiter: ';;'}}\n", "csv.orders.delimiter: String should have at most"),
        ("csv: {text_customer_notes: {delimiter: ';'}}\n", "a folder of notes takes neither"),
        (
            "csv: {orders: {columns: {Total: total}}}\n",
            "orders has no column total .its columns: order_id, ",
        ),
        (
            "csv: {orders: {columns: {Id: order_id, Ref: order_id}}}\n",
            "more than one header name maps to order_id",
        ),
        ("csv: {orders: {dates: european}}\n", "csv.orders.dates: Input should be 'year_first'"),
        ("csv: {orders: {decimal: german}}\n", "csv.orders.decimal: Input should be 'point' or"),
    ],
)
def test_invalid_files_get_one_clear_message(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load(tmp_path)


def test_a_csv_file_says_what_its_decimal_separator_is_or_leaves_it_to_the_values(
    tmp_path: Path,
) -> None:
    (tmp_path / "c360.yaml").write_text(
        "csv:\n  orders: {decimal: comma}\n  products: {decimal: point}\n  returns: {}\n"
    )
    found = load(tmp_path).csv
    assert [found[t].decimal for t in ("orders", "products", "returns")] == ["comma", "point", None]


def test_database_sources_are_read_with_defaults(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text(
        "sources:\n"
        "  mongo_customers: {mongodb: {collection: customers}}\n"
        "  ecommerce_orders: {postgres: {url_env: SHOP_DB, table: public.orders}}\n"
        "  ecommerce_customers:\n"
        "    postgres: {query: SELECT * FROM customers ORDER BY customer_id}\n"
    )
    found = load(tmp_path).sources
    mongo = found["mongo_customers"].mongodb
    assert mongo is not None and found["mongo_customers"].postgres is None
    assert (mongo.uri_env, mongo.database, mongo.collection) == (
        "C360_MONGODB_URI",
        "bronze_db",
        "customers",
    )
    orders = found["ecommerce_orders"].postgres
    assert orders is not None and (orders.url_env, orders.table, orders.query) == (
        "SHOP_DB",
        "public.orders",
        None,
    )
    query = found["ecommerce_customers"].postgres
    assert query is not None and query.url_env == "C360_SOURCE_POSTGRES_URL"
    assert query.query == "SELECT * FROM customers ORDER BY customer_id"


def test_no_sources_section_means_every_table_from_its_file(tmp_path: Path) -> None:
    assert load(tmp_path).sources == {}
    write_default(tmp_path, "demo")
    assert load(tmp_path).sources == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources:\n  orderz: {postgres: {table: t}}\n", "sources: .*not a source table: orderz"),
        ("sources:\n  ecommerce_orders: {}\n", "ecommerce_orders: .*exactly one of mongodb or"),
        (
            "sources:\n  ecommerce_orders: {postgres: {table: t}, mongodb: {collection: c}}\n",
            "ecommerce_orders: .*exactly one of mongodb or postgres",
        ),
        ("sources:\n  ecommerce_orders: {postgres: {}}\n", "postgres: .*either table or query"),
        (
            "sources:\n  ecommerce_orders: {postgres: {table: t, query: SELECT 1}}\n",
            "postgres: .*either table or query",
        ),
        (  # the URL holds a password, so it can only come from the environment
            "sources:\n  ecommerce_orders: {postgres: {url: 'postgresql://u:pw@h/db', table: t}}\n",
            "sources.ecommerce_orders.postgres.url: Extra inputs are not permitted",
        ),
        ("sources:\n  mongo_customers: {mongodb: {database: x}}\n", "collection: Field required"),
    ],
)
def test_invalid_sources_get_one_clear_message(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError, match=message) as caught:
        load(tmp_path)
    assert "\n" not in str(caught.value)


def test_text_section_defaults_to_offline(tmp_path: Path) -> None:
    assert load(tmp_path).text.llm is None
    (tmp_path / "c360.yaml").write_text("text: {llm: null}\n")
    assert load(tmp_path).text.llm is None
    other = tmp_path / "fresh"
    other.mkdir()
    write_default(other, "demo")  # the written default spells the section out and round-trips
    assert "llm: null" in (other / "c360.yaml").read_text() and load(other).text.llm is None


def test_text_llm_section_parses_with_defaults(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text("text:\n  llm: {model: qwen2.5, use_for: [sentiment]}\n")
    llm = load(tmp_path).text.llm
    assert llm is not None
    assert (llm.base_url, llm.model, llm.api_key_env, llm.timeout_seconds, llm.use_for) == (
        "http://127.0.0.1:8000/v1",
        "qwen2.5",
        "C360_LLM_API_KEY",
        10,
        ["sentiment"],
    )
    (tmp_path / "c360.yaml").write_text("text:\n  llm: {model: m}\n")
    llm = load(tmp_path).text.llm
    assert llm is not None and llm.use_for == ["summary", "sentiment"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("text: {colour: blue}\n", "text.colour: Extra inputs are not permitted"),
        ("text: {llm: {model: m, api_key: sk}}\n", "text.llm.api_key: Extra inputs are not"),
        ("text: {llm: {}}\n", "text.llm.model: Field required"),
        ("text: {llm: {model: ''}}\n", "text.llm.model: String should have at least 1"),
        ("text: {llm: {model: ' Offline'}}\n", "text.llm.model: .*'offline' names the method"),
        ("text: {llm: {model: m, use_for: [topic]}}\n", "text.llm.use_for.0: Input should be"),
        ("text: {llm: {model: m, use_for: []}}\n", "text.llm.use_for: List should have at least"),
        (
            "text: {llm: {model: m, timeout_seconds: 0}}\n",
            "timeout_seconds: Input should be greater",
        ),
        ("text: {llm: {model: m, base_url: 'file:///x'}}\n", "base_url: String should match"),
        (
            "text: {llm: {model: m, base_url: 'http://llm.example.com/v1'}}\n",
            r"c360.yaml: text.llm.base_url: plain http:// sends the notes unencrypted: use "
            r"https:// for llm.example.com \(http:// is for a server on this machine only: "
            r"localhost, 127.0.0.0/8, ::1\)$",
        ),
        ("text: {llm: {model: m, base_url: 'http://10.0.0.7:8000/v1'}}\n", "use https://"),
        ("text: {llm: {model: m, base_url: 'http://localhost.example.com/v1'}}\n", "https://"),
        ("text: {llm: {model: m, base_url: 'http://128.0.0.1/v1'}}\n", "use https://"),
        ("text: {llm: {model: m, base_url: 'http://[::2]/v1'}}\n", "use https://"),
    ],
)
def test_invalid_text_sections_get_one_clear_message(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        load(tmp_path)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000/v1",
        "http://LOCALHOST/v1",
        "http://127.0.0.1:8000/v1",
        "http://127.8.9.10/v1",
        "http://[::1]:8000/v1",
        "https://llm.example.com/v1",
        "https://10.0.0.7/v1",
    ],
)
def test_an_llm_endpoint_on_this_machine_or_over_https_is_accepted(
    tmp_path: Path, url: str
) -> None:
    (tmp_path / "c360.yaml").write_text(f"text: {{llm: {{model: m, base_url: '{url}'}}}}\n")
    llm = load(tmp_path).text.llm
    assert llm is not None and llm.base_url == url


def test_a_file_that_is_not_utf8_gets_one_clear_message(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_bytes(b"engine: duckdb\n# caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    message = str(caught.value)
    assert str(tmp_path / "c360.yaml") in message and "not UTF-8 text" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("engine: [duckdb\n", "expected ',' or ']', but got '<stream end>' (line 2, column 1)"),
        ("name: x\n\tengine: duckdb\n", "found character '\\t' that cannot start any token"),
    ],
)
def test_a_yaml_syntax_error_is_one_line_with_its_place(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_setting_given_twice_is_an_error_not_the_last_one(tmp_path: Path) -> None:
    """YAML keeps the last value silently: a second ``schema_drift`` would undo the first."""
    (tmp_path / "c360.yaml").write_text("schema_drift: fail\nname: x\nschema_drift: evolve\n")
    with pytest.raises(ConfigError, match=r"'schema_drift' is given twice \(line 3, column 1\)"):
        load(tmp_path)
    (tmp_path / "c360.yaml").write_text("base: &b {uri_env: A}\nname: x\n")
    with pytest.raises(ConfigError, match="base: Extra inputs"):  # anchors still work
        load(tmp_path)


@pytest.mark.parametrize("delimiter", ['\\"', "\\n", "\\r"])
def test_a_quote_or_line_break_is_no_csv_delimiter(tmp_path: Path, delimiter: str) -> None:
    (tmp_path / "c360.yaml").write_text(f'csv: {{orders: {{delimiter: "{delimiter}"}}}}\n')
    with pytest.raises(ConfigError, match=r"csv\.orders\.delimiter: .* cannot separate values"):
        load(tmp_path)


@pytest.mark.parametrize(
    "text",
    ["sources:\ncsv:\nsegments:\n", "identity:\n", "identity:\n  sources:\n  survivorship:\n",
     "privacy:\ntext:\n"],
)  # fmt: skip
def test_a_section_with_nothing_under_it_has_its_defaults(tmp_path: Path, text: str) -> None:
    """YAML reads a section whose entries are all commented out as null: no entries."""
    (tmp_path / "c360.yaml").write_text(text + "#  orders: {delimiter: ';'}\n")
    project = load(tmp_path)
    assert (project.sources, project.csv, project.segments) == ({}, {}, {})
    assert (project.identity.sources, project.identity.survivorship) == ({}, {})
    assert (project.privacy.pseudonymisation, project.text.llm) == ("hmac", None)


def test_a_setting_with_nothing_after_it_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text("engine:\n")
    with pytest.raises(ConfigError, match=r"c360.yaml: engine: Input should be 'duckdb'"):
        load(tmp_path)


def test_a_project_file_linked_to_nothing_is_an_error_not_the_defaults(tmp_path: Path) -> None:
    """A dangling link is a project file gone missing: running on the defaults would hide it."""
    (tmp_path / "c360.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: cannot read the project file: No such file or directory"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("identity: {threshold: .nan}\n", "identity.threshold: Input should be a finite number"),
        (
            "text: {llm: {model: m, timeout_seconds: .inf}}\n",
            "text.llm.timeout_seconds: Input should be a finite number",
        ),
        (  # a socket cannot wait that long: the text stage would stop with an overflow
            "text: {llm: {model: m, timeout_seconds: 1e300}}\n",
            "text.llm.timeout_seconds: Input should be less than or equal to 3600",
        ),
        ("privacy: {key_env: ''}\n", "privacy.key_env: String should have at least 1 character"),
        (
            "text: {llm: {model: m, api_key_env: ''}}\n",
            "text.llm.api_key_env: String should have at least 1 character",
        ),
        (
            "sources: {ecommerce_orders: {postgres: {url_env: '', table: t}}}\n",
            "sources.ecommerce_orders.postgres.url_env: String should have at least 1 character",
        ),
        (
            "sources: {mongo_customers: {mongodb: {uri_env: '', collection: c}}}\n",
            "sources.mongo_customers.mongodb.uri_env: String should have at least 1 character",
        ),
        (
            "identity: {survivorship: {loyalty_tier: newest}}\n",
            "identity.survivorship: survivorship of 'loyalty_tier': unknown survivorship rule "
            "'newest'; rules are source_priority, most_recent, most_frequent, most_complete",
        ),
        (
            "identity: {survivorship: {email: {rule: most_recent, sources: [crm]}}}\n",
            "identity.survivorship: survivorship of 'email': sources only apply to "
            "source_priority, not to 'most_recent'",
        ),
        (
            "identity: {survivorship: {email: 3}}\n",
            "identity.survivorship: survivorship of 'email': a survivorship rule is a name or a "
            "mapping, not 3",
        ),
        (
            "identity: {survivorship: {phone: {rule: source_priority, sources: 5}}}\n",
            "identity.survivorship: survivorship of 'phone': sources must be a list of names",
        ),
    ],
)
def test_settings_that_cannot_work_are_refused_when_the_file_is_read(
    tmp_path: Path, text: str, message: str
) -> None:
    """Not at the end of a run, after every layer was built (a survivorship rule was)."""
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'c360.yaml'}: {message}"


def test_survivorship_rules_the_file_gives_are_kept(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text(
        "identity:\n  survivorship:\n    email: most_frequent\n    phone: {rule: source_priority}\n"
    )
    assert load(tmp_path).identity.survivorship == {
        "email": "most_frequent",
        "phone": {"rule": "source_priority"},
    }


@pytest.mark.parametrize(
    "where",
    ["churn_risk_score > 0.5; DROP TABLE customer_profile", "1; SELECT 2"],
)
def test_a_segment_condition_of_several_statements_is_refused(tmp_path: Path, where: str) -> None:
    """Run as written, the second statement's error would be reported as the condition's."""
    (tmp_path / "c360.yaml").write_text(f"segments:\n  VIP:\n    where: '{where}'\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: segments.VIP.where: more than one statement: give one SQL "
        "condition"
    )


@pytest.mark.parametrize(
    "where", ["country = 'FR;BE'", "lifetime_value > 10 -- the top; roughly", "x = 1;"]
)
def test_a_semicolon_in_a_string_or_comment_or_at_the_end_is_no_second_statement(
    tmp_path: Path, where: str
) -> None:
    (tmp_path / "c360.yaml").write_text(f'segments:\n  VIP:\n    where: "{where}"\n')
    assert load(tmp_path).segments["VIP"].where == where


def test_a_source_priority_naming_no_identity_source_is_refused(tmp_path: Path) -> None:
    """A misspelt source would rank after every other one, silently."""
    (tmp_path / "c360.yaml").write_text(
        "identity:\n"
        "  sources:\n"
        "    crm: {table: identity_crm_contacts, id: crm_contact_id, roles: {email: email}}\n"
        "    web: {table: identity_web_accounts, id: user_id, roles: {email: email}}\n"
        "  survivorship:\n"
        "    email: {rule: source_priority, sources: [web, CRM]}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: identity: survivorship of 'email': no identity source CRM "
        "(sources: crm, web)"
    )
    text = (tmp_path / "c360.yaml").read_text().replace("CRM", "crm")
    (tmp_path / "c360.yaml").write_text(text)
    assert load(tmp_path).identity.survivorship["email"] == {
        "rule": "source_priority",
        "sources": ["web", "crm"],
    }


def test_a_file_nested_too_deeply_for_the_reader_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text("name: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: cannot read the project file: nested too deeply"
    )


def test_a_survivorship_rule_for_no_known_attribute_is_refused(tmp_path: Path) -> None:
    """A misspelt attribute would keep its default rule, silently."""
    (tmp_path / "c360.yaml").write_text(
        "identity:\n"
        "  sources:\n"
        "    crm: {table: identity_crm_contacts, id: crm_contact_id, roles: {email: email},\n"
        "          attributes: {loyalty_tier: tier, marketing_opt_in: opt_in}}\n"
        "    web: {table: identity_web_accounts, id: user_id, roles: {email: email},\n"
        "          attributes: {language: locale, loyalty_tier: tier}}\n"
        "  survivorship: {emial: most_recent}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: identity: survivorship of 'emial': no such attribute "
        "(attributes: first_name, last_name, date_of_birth, email, phone, city, postcode, "
        "country, loyalty_tier, language)"
    )
    text = (tmp_path / "c360.yaml").read_text().replace("{emial: most_recent}\n", "")
    unkept = {
        "full_name": "a role used for matching only",
        "national_id": "a role used for matching only",
        "marketing_opt_in": "consent, which is merged from every record",
    }
    for attribute, why in unkept.items():
        (tmp_path / "c360.yaml").write_text(f"{text}{{{attribute}: most_complete}}\n")
        with pytest.raises(ConfigError) as caught:
            load(tmp_path)
        assert str(caught.value) == (
            f"{tmp_path / 'c360.yaml'}: identity: survivorship of {attribute!r}: {why}, so a "
            "rule for it would change nothing (attributes: first_name, last_name, "
            "date_of_birth, email, phone, city, postcode, country, loyalty_tier, language)"
        )
    for attribute in ("email", "loyalty_tier", "language", "city"):
        (tmp_path / "c360.yaml").write_text(f"{text}{{{attribute}: most_complete}}\n")
        assert load(tmp_path).identity.survivorship == {attribute: "most_complete"}


@pytest.mark.parametrize(("key", "shown"), [("''", "''"), ("'  '", "'  '"), ('"\\t"', "'\\t'")])
def test_a_segment_without_a_name_is_refused(tmp_path: Path, key: str, shown: str) -> None:
    """The name is what the profile's segments list and segment_membership hold."""
    (tmp_path / "c360.yaml").write_text(f"segments:\n  {key}: {{where: country = 'FR'}}\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: segments: a segment has no name (got {shown}): name each "
        "segment"
    )


@pytest.mark.parametrize("text", ["", "\n  \n", "# everything deleted\n# engine: spark\n", "~\n"])
def test_a_project_file_holding_no_settings_is_refused_not_read_as_the_defaults(
    tmp_path: Path, text: str
) -> None:
    """An emptied file would run on the defaults: no identity sources, so no customers, and
    the customer tables of earlier runs removed."""
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: the project file holds no settings (it is empty or all "
        "comments): restore them, or delete the file to run on the defaults"
    )
    (tmp_path / "c360.yaml").write_text(text.replace("~", "") + "engine: duckdb\n")
    assert load(tmp_path).identity.sources == {}


def test_a_project_file_that_is_a_named_pipe_is_one_line_not_a_wait(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "c360.yaml")  # reading it would wait for a writer for ever
    with pytest.raises(ConfigError, match=r"c360\.yaml: the project file is a pipe, a socket"):
        load(tmp_path)


@pytest.mark.parametrize(
    "encoding", ["utf-16", "UTF16", "utf-16-le", "utf_16_be", "utf-32", "UTF-32LE", "utf_32_be"]
)
def test_a_csv_may_be_read_as_utf16_or_utf32(tmp_path: Path, encoding: str) -> None:
    """A spreadsheet's "Unicode text": bronze writes it in UTF-8 before counting records."""
    (tmp_path / "c360.yaml").write_text(f"csv: {{orders: {{encoding: {encoding}}}}}\n")
    assert load(tmp_path).csv["orders"].encoding == encoding


@pytest.mark.parametrize(
    ("name", "why"),
    [("Prospect – at risk", "a built-in segment"), ("High value – engaged", "a built-in segment"),
     ("prospect – AT RISK", "a built-in segment"), ("rfm:Champions", "starts with 'rfm:'"),
     ("crm:VIP", "starts with 'crm:'"), ("RFM:Lost", "starts with 'rfm:'")],
)  # fmt: skip
def test_a_segment_named_as_a_built_in_one_is_refused(tmp_path: Path, name: str, why: str) -> None:
    """It would give its members the built-in name (a buyer listed as a prospect), or mix
    with the RFM or CRM segments the profile lists under those prefixes."""
    (tmp_path / "c360.yaml").write_text(f"segments:\n  '{name}': {{where: orders_count >= 1}}\n")
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'c360.yaml'}: segments: {name!r} ")
    assert why in message and "rename it" in message and "\n" not in message


def test_the_built_in_segment_names_are_those_the_profile_gives() -> None:
    """Declared once, given by the profile: each name the value/state rule can give."""
    import pyarrow as pa

    from c360.contracts.gold_profile import BUILT_IN_SEGMENTS
    from c360.identity.profile_scores import AT_RISK, ENGAGED, primary_segments

    revenue, orders = [1e9, 0.0, 0.0], [1, 1, 0]
    states = [(AT_RISK, 0.0), (0.0, ENGAGED), (0.0, 0.0)]
    rows = [(r, o, c, e) for r, o in zip(revenue, orders, strict=True) for c, e in states]
    columns = {n: pa.array([row[i] for row in rows]) for i, n in enumerate(
        ("total_revenue", "orders_count", "churn_risk_score", "engagement_score"))}  # fmt: skip
    given = set(primary_segments(columns).to_pylist())
    assert len(given) == 9 and given == BUILT_IN_SEGMENTS


def test_a_segment_named_apart_from_the_built_in_ones_is_kept(tmp_path: Path) -> None:
    text = "segments:\n  Prospect at risk soon: {where: x}\n  rfm Champions FR: {where: x}\n"
    (tmp_path / "c360.yaml").write_text(text)
    assert list(load(tmp_path).segments) == ["Prospect at risk soon", "rfm Champions FR"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "csv:\n  crm_customers:\n    delimeter: ';'\n",
            "csv.crm_customers.delimeter: Extra inputs are not permitted; "
            "did you mean 'delimiter'?",
        ),
        (
            "schema_drfit: evolve\n",
            "schema_drfit: Extra inputs are not permitted; did you mean 'schema_drift'?",
        ),
        (
            "text: {llm: {model: m, api_key: sk}}\n",
            "text.llm.api_key: Extra inputs are not permitted; did you mean 'api_key_env'?",
        ),
        (
            "sources:\n  orders: {postgress: {table: t}}\n",
            "sources.orders.postgress: Extra inputs are not permitted; did you mean 'postgres'?",
        ),
        (
            "identity:\n  sources:\n    crm: {table: t, id: i, roles: {email: e}, atributes: {}}\n",
            "identity.sources.crm.atributes: Extra inputs are not permitted; "
            "did you mean 'attributes'?",
        ),
        (
            "csv: {crm_customer: {delimiter: ';'}}\n",
            "csv: not a source table with a file: crm_customer; did you mean 'crm_customers'?",
        ),
        (
            "sources:\n  mongo_customer: {mongodb: {collection: c}}\n",
            "sources: not a source table: mongo_customer; did you mean 'mongo_customers'?",
        ),
    ],
)
def test_an_unknown_key_near_a_known_one_says_which(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'c360.yaml'}: {message}"


KNOWN_ATTRIBUTES = (
    "attributes are language, preferred_channel, gender, loyalty_tier, loyalty_points_balance, "
    "marketing_opt_in, consent_<channel>"
)


@pytest.mark.parametrize(
    ("attributes", "said"),
    [
        ("{company: Company}", f"company; {KNOWN_ATTRIBUTES}"),
        ("{loyalty_teir: Tier, language: Lang}", f"loyalty_teir; {KNOWN_ATTRIBUTES}; did you mean "
         "'loyalty_tier'?"),
    ],
)  # fmt: skip
def test_an_unknown_identity_attribute_is_refused_as_the_file_is_read(
    tmp_path: Path, attributes: str, said: str
) -> None:
    """Not once bronze has landed: the run's own check, with the closest name."""
    (tmp_path / "c360.yaml").write_text(
        "identity:\n  sources:\n    contacts:\n      {table: people, id: Id, roles: {email: Mail},"
        f" attributes: {attributes}}}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'c360.yaml'}: identity: identity source 'contacts': unknown profile "
        f"attribute {said}"
    )


def test_consent_attributes_are_known(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text(
        "identity:\n  sources:\n    contacts:\n      {table: people, id: Id, roles: {email: Mail},"
        " attributes: {marketing_opt_in: OptIn, consent_sms: Sms, gender: G}}\n"
    )
    assert list(load(tmp_path).identity.sources["contacts"].attributes) == [
        "marketing_opt_in", "consent_sms", "gender"
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["colour: blue\n", "csv: {orders: {sheet: 2}}\n"])
def test_an_unknown_key_like_no_known_one_gets_no_guess(tmp_path: Path, text: str) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError, match=r"Extra inputs are not permitted$"):
        load(tmp_path)


def test_a_json_source_maps_its_field_names_under_json(tmp_path: Path) -> None:
    (tmp_path / "c360.yaml").write_text(
        "json:\n  mongo_customers:\n    columns: {Mail: email, cust_no: customer_id}\n"
        "csv:\n  orders: {delimiter: ';', columns: {Total: total_amount_eur}}\n"
    )
    project = load(tmp_path)
    assert project.json_files["mongo_customers"].columns == {
        "Mail": "email",
        "cust_no": "customer_id",
    }
    assert (project.csv["orders"].delimiter, project.csv["orders"].columns) == (
        ";",
        {"Total": "total_amount_eur"},
    )


def test_the_json_section_is_written_with_the_defaults(tmp_path: Path) -> None:
    write_default(tmp_path, "demo")
    text = (tmp_path / "c360.yaml").read_text()
    assert "\njson: {}\n" in text and "json_files" not in text
    assert load(tmp_path).json_files == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "json: {text_email_bodies: {columns: {Body: body}}}\n",
            "json: not a source table with a file: text_email_bodies (a folder of notes takes "
            "neither csv: nor json:)",
        ),
        (
            "json: {mongo_customer: {columns: {Mail: email}}}\n",
            "json: not a source table with a file: mongo_customer; did you mean 'mongo_customers'?",
        ),
        (
            "csv: {mongo_customers: {columns: {Mail: mail}}}\n",
            "csv: mongo_customers has no column mail (its columns: _id, customer_id, ",
        ),
        (
            "json: {mongo_customers: {columns: {Mail: mail}}}\n",
            "json: mongo_customers has no column mail (its columns: _id, customer_id, ",
        ),
        (
            "json: {mongo_customers: {columns: {Mail: email, eMail: email}}}\n",
            "json: more than one field name maps to email",
        ),
        (
            "json: {mongo_customers: {delimiter: ';'}}\n",
            "json.mongo_customers.delimiter: Extra inputs are not permitted",
        ),
        ("json_files: {}\n", "json_files: Extra inputs are not permitted"),
        (
            "json: {mongo_customers: {colums: {}}}\n",
            "json.mongo_customers.colums: Extra inputs are not permitted; did you mean 'columns'?",
        ),
    ],
)
def test_a_wrong_json_mapping_gets_one_clear_message(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "c360.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'c360.yaml'}: {message}")


@pytest.mark.parametrize("section", ["csv: {orders:", "json: {mongo_customers:"])
def test_one_name_mapped_to_two_columns_but_for_case_is_refused(
    tmp_path: Path, section: str
) -> None:
    """Names are matched in any case and with spaces around them: ``Mail`` and `` MAIL`` name
    one header or field, which cannot hold two columns."""
    mapping = "{columns: {Mail: customer_id, ' MAIL': order_id}}"
    if section.startswith("json"):
        mapping = "{columns: {Mail: customer_id, ' MAIL': email}}"
    (tmp_path / "c360.yaml").write_text(f"{section} {mapping}}}\n")
    with pytest.raises(ConfigError, match=r"'Mail' and ' MAIL' are one name .in any case"):
        load(tmp_path)
