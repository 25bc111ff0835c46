"""The project file (``c360.yaml``): one per workspace, validated, with environment overrides.

Every setting has a default, so a workspace needs no project file at all; ``c360 generate``
writes one with the defaults spelled out so users see what they can change.
"""

from __future__ import annotations

import difflib
import ipaddress
import os
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from c360 import contracts
from c360.contracts.gold_profile import BUILT_IN_SEGMENTS, CRM_PREFIX, RFM_PREFIX
from c360.file_dialects import (
    EURO,
    CsvFile,
    JsonFile,
    amount_columns,
    check_columns,
    csv_tables,
    currency_code,
    json_tables,
)
from c360.identity.roles import CONSENT_PREFIX, KEPT, OPT_IN, ROLES, is_consent
from c360.workspace import special_file

PROJECT_FILE = "c360.yaml"


class ConfigError(Exception):
    """The project file is unreadable or invalid; the message says where and why."""


def _empty_section(value: object) -> object:
    """A section written with nothing under it (its entries all commented out), which YAML
    reads as null, as a section without entries: its defaults."""
    return {} if value is None else value


class Privacy(BaseModel):
    """How direct identifiers are pseudonymised in silver and gold."""

    model_config = ConfigDict(extra="forbid")

    pseudonymisation: Literal["hmac", "md5"] = Field(
        default="hmac", description="hmac: keyed HMAC-SHA256 (default); md5: seed 004's unkeyed MD5"
    )
    key_env: str = Field(
        default="C360_PRIVACY_KEY", min_length=1, description="Environment variable holding the key"
    )


class MongoSource(BaseModel):
    """A MongoDB collection; its connection string comes from an environment variable."""

    model_config = ConfigDict(extra="forbid")

    uri_env: str = Field(
        default="C360_MONGODB_URI", min_length=1, description="Variable holding the URI"
    )
    database: str = "bronze_db"
    collection: str


class PostgresSource(BaseModel):
    """A PostgreSQL table or query; its URL, password included, comes from an env variable."""

    model_config = ConfigDict(extra="forbid")

    url_env: str = Field(
        default="C360_SOURCE_POSTGRES_URL", min_length=1, description="Variable holding the URL"
    )
    table: str | None = Field(default=None, description="[schema.]table, read in key order")
    query: str | None = Field(default=None, description="SELECT …, read in the query's own order")

    @model_validator(mode="after")
    def _table_or_query(self) -> PostgresSource:
        if (self.table is None) == (self.query is None):
            raise ValueError("give either table or query")
        return self


class DatabaseSource(BaseModel):
    """Where a source table is read instead of its file: exactly one database."""

    model_config = ConfigDict(extra="forbid")

    mongodb: MongoSource | None = None
    postgres: PostgresSource | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> DatabaseSource:
        if (self.mongodb is None) == (self.postgres is None):
            raise ValueError("give exactly one of mongodb or postgres")
        return self


def plain_http_refused(url: str) -> str | None:
    """Why ``url`` may not carry notes: plain http to a host other than this machine (a
    loopback address: localhost, 127.0.0.0/8, ::1), which anyone on the way could read; None
    for https, or http to this machine.

    >>> plain_http_refused("http://127.0.0.1:8000/v1") is None
    True
    >>> plain_http_refused("http://llm.example.com/v1")  # doctest: +ELLIPSIS
    'plain http:// sends the notes unencrypted: use https:// for llm.example.com (...)'
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # a malformed address ("http://[::1")
        parts, host = urlsplit(""), ""
    if parts.scheme.lower() != "http" or _loopback(host):
        return None
    return (
        f"plain http:// sends the notes unencrypted: use https:// for {host or url} (http:// "
        "is for a server on this machine only: localhost, 127.0.0.0/8, ::1)"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":  # ``hostname`` is lower-cased
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Llm(BaseModel):
    """An OpenAI-compatible endpoint for summaries and sentiment; its key comes from the env."""

    model_config = ConfigDict(extra="forbid")

    base_url: str = Field(
        default="http://127.0.0.1:8000/v1", pattern=r"^https?://", description="Up to /v1, no /chat"
    )
    model: str = Field(min_length=1, description="Model name the server expects")
    api_key_env: str = Field(
        default="C360_LLM_API_KEY", min_length=1, description="Variable holding the key"
    )
    timeout_seconds: float = Field(  # a socket's wait overflows long before infinity
        default=10, gt=0, le=3600, allow_inf_nan=False, description="Per request"
    )
    use_for: list[Literal["summary", "sentiment"]] = Field(
        default=["summary", "sentiment"], min_length=1, description="What the endpoint computes"
    )

    @field_validator("base_url")
    @classmethod
    def _encrypted_unless_local(cls, value: str) -> str:
        """The notes go to the endpoint: over https, or plain http to this machine only."""
        if refused := plain_http_refused(value):
            raise ValueError(refused)
        return value

    @field_validator("model")
    @classmethod
    def _not_offline(cls, value: str) -> str:
        """Silver names the model that gave a summary or sentiment, and "offline" none."""
        if value.strip().lower() == "offline":
            raise ValueError("'offline' names the method used without a model: name the model")
        return value


class Text(BaseModel):
    """How notes and e-mail bodies are enriched: offline unless ``llm`` names an endpoint."""

    model_config = ConfigDict(extra="forbid")

    llm: Llm | None = None


# Profile attributes a source can map besides its matching roles (identity.sources.*.attributes),
# beside the consent ones (marketing_opt_in, consent_<channel>).
PLAIN_ATTRIBUTES = (
    "language",
    "preferred_channel",
    "gender",
    "loyalty_tier",
    "loyalty_points_balance",
)


class IdentitySource(BaseModel):
    """One source table of people: its id column and which of its columns play which role."""

    model_config = ConfigDict(extra="forbid")

    table: str = Field(description="The source table (as landed in bronze)")
    id: str = Field(description="Column holding the record's id in that system")
    roles: dict[str, str] = Field(description="Role -> column, e.g. {email: mail_address}")
    updated_at: str | None = Field(default=None, description="Column dating the record")
    attributes: dict[str, str] = Field(
        default_factory=dict, description="Profile attribute -> column (tier, consent, …)"
    )

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(ROLES))
        if unknown:
            raise ValueError(f"unknown role {', '.join(unknown)}; roles are {', '.join(ROLES)}")
        if not value:
            raise ValueError("map at least one column to a role")
        return value


def check_identity_tables(workspace: Path, project: Project) -> None:
    """Raise ``ConfigError`` for an identity source whose table bronze does not land (nor
    holds, published through the Python API), before a run lands anything: a misspelt one
    would otherwise be told after bronze, as a table without a file."""
    known = {t.name for t in contracts.SOURCE_TABLES}
    for name, source in project.identity.sources.items():
        table = source.table
        if table in known or (Path(workspace) / "lake" / "bronze" / table).is_dir():
            continue
        raise ConfigError(
            f"{Path(workspace) / PROJECT_FILE}: identity.sources.{name}.table: not a source "
            f"table: {table}{_guess([table], known)}"
        )


class Identity(BaseModel):
    """Which tables describe people, and how their records are resolved into customers."""

    model_config = ConfigDict(extra="forbid")

    sources: dict[str, IdentitySource] = Field(
        default_factory=dict, description="System name -> its table of people"
    )
    threshold: float = Field(
        default=0.9,
        gt=0,
        lt=1,
        allow_inf_nan=False,
        description="Match probability from which two records link",
    )
    survivorship: dict[str, object] = Field(
        default_factory=dict, description="Profile attribute -> rule (most_recent, …)"
    )
    overrides: str = Field(
        default="identity/overrides.csv", description="must_link / must_not_link pairs"
    )

    _sections = field_validator("sources", "survivorship", mode="before")(_empty_section)

    @model_validator(mode="after")
    def _source_attributes_known(self) -> Identity:
        """A source maps only attributes the profile has: another would fail the run after
        bronze, or with a typo (loyalty_teir) be read nowhere."""
        if (message := unknown_attributes(self)) is not None:
            raise ValueError(message)
        return self

    @field_validator("survivorship")
    @classmethod
    def _known_rules(cls, value: dict[str, object]) -> dict[str, object]:
        """Each rule read as a run reads it, so that a wrong one is told before the run."""
        from c360.identity.survivorship import parse_rules

        for attribute, spec in value.items():
            try:
                parse_rules({attribute: spec})
            except TypeError:  # sources that are not a list at all
                raise ValueError(
                    f"survivorship of {attribute!r}: sources must be a list of names"
                ) from None
        return value

    @model_validator(mode="after")
    def _attributes_known(self) -> Identity:
        """A rule names an attribute the profile keeps: a role it keeps or an attribute a
        source maps. Any other name (a typo, a role used only for matching, a consent) would
        change nothing, silently."""
        mapped = [a for source in self.sources.values() for a in source.attributes]
        kept = [r for r in ROLES if r in KEPT] + [a for a in mapped if not is_consent(a)]
        shown = ", ".join(dict.fromkeys(kept))
        for attribute in self.survivorship:
            if attribute in kept:
                continue
            if attribute in ROLES:
                why = "a role used for matching only"
            elif attribute in mapped:
                why = "consent, which is merged from every record"
            else:
                raise ValueError(
                    f"survivorship of {attribute!r}: no such attribute (attributes: {shown})"
                )
            raise ValueError(
                f"survivorship of {attribute!r}: {why}, so a rule for it would change nothing "
                f"(attributes: {shown})"
            )
        return self

    @model_validator(mode="after")
    def _ranked_sources_known(self) -> Identity:
        """A source_priority rule ranks identity sources: a name that is none of them (a typo)
        would rank after every other one, silently."""
        from c360.identity.survivorship import parse_rules

        for attribute, rule in parse_rules(self.survivorship).items():
            unknown = [s for s in rule.sources if s not in self.sources]
            if unknown:
                raise ValueError(
                    f"survivorship of {attribute!r}: no identity source {', '.join(unknown)} "
                    f"(sources: {', '.join(self.sources) or 'none'})"
                )
        return self


def unknown_attributes(identity: Identity) -> str | None:
    """Why the first source mapping an attribute the profile lacks is wrong, naming the known
    ones and the closest; None when every source maps known attributes."""
    for name, source in identity.sources.items():
        unknown = sorted(
            a for a in source.attributes if a not in PLAIN_ATTRIBUTES and not is_consent(a)
        )
        if unknown:
            known = ", ".join((*PLAIN_ATTRIBUTES, OPT_IN, CONSENT_PREFIX + "<channel>"))
            return (
                f"identity source {name!r}: unknown profile attribute {', '.join(unknown)}; "
                f"attributes are {known}{_guess(unknown, (*PLAIN_ATTRIBUTES, OPT_IN))}"
            )
    return None


class Segment(BaseModel):
    """A rule-based segment: the customers of ``customer_profile`` that satisfy ``where``."""

    model_config = ConfigDict(extra="forbid")

    where: str = Field(
        description="SQL condition on customer_profile's columns, plus <column>_percentile "
        "(0-1 rank) for lifetime_value, total_revenue, churn_risk_score, engagement_score and "
        "propensity_to_buy_score"
    )
    priority: int = Field(
        default=100, description="Lower wins: the primary_segment is the member segment of "
        "lowest priority (rule segments before the built-in value/state segment)"
    )  # fmt: skip
    description: str = ""

    @field_validator("where")
    @classmethod
    def _one_condition(cls, value: str) -> str:
        """One condition: after a ';', a second statement would run, and its error would be
        reported as the condition's."""
        from c360.serve.sql_files import SqlFileError, read_sql_file_text

        if value.strip():  # an empty condition is the engine's to report
            try:
                read_sql_file_text(value)
            except SqlFileError as exc:
                raise ValueError(f"{exc}: give one SQL condition") from None
        return value


# A currency's unit, where a message says what its rate is.
_UNIT = {"USD": "dollar", "CAD": "dollar", "AUD": "dollar", "GBP": "pound", "JPY": "yen"}
# A rate: the euros one unit of a currency is worth.
Rate = Annotated[float, Field(gt=0, allow_inf_nan=False, strict=True)]


class Project(BaseModel):
    """Settings of one workspace."""

    # ``json`` is a method of pydantic's models: the section's field is spelt apart
    model_config = ConfigDict(extra="forbid", serialize_by_alias=True)

    name: str = "c360"
    engine: Literal["duckdb", "spark"] = "duckdb"
    schema_drift: Literal["fail", "evolve"] = Field(
        default="fail", description="What a run does when a source gains, loses or retypes a column"
    )
    privacy: Privacy = Privacy()  # pydantic copies model defaults per instance
    sources: dict[str, DatabaseSource] = Field(
        default_factory=dict, description="Source tables read from a database, not their file"
    )
    exchange_rates: dict[str, Rate] = Field(
        default_factory=dict,
        description="ISO 4217 code → the euros one unit is worth ({USD: 0.92}): silver reads "
        "an amount in that currency as its value times the rate",
    )
    csv: dict[str, CsvFile] = Field(
        default_factory=dict, description="Source CSV files written another way, by table"
    )
    json_files: dict[str, JsonFile] = Field(
        default_factory=dict,
        alias="json",
        description="Source JSON files naming their fields another way, by table",
    )
    text: Text = Text()
    identity: Identity = Identity()
    segments: dict[str, Segment] = Field(
        default_factory=dict, description="Rule-based segments, by name"
    )

    _sections = field_validator(
        "privacy", "sources", "csv", "json_files", "exchange_rates", "text", "identity",
        "segments", mode="before",
    )(_empty_section)  # fmt: skip

    @field_validator("engine", mode="before")
    @classmethod
    def _engine_in_any_case(cls, value: object) -> object:
        """``Spark`` is spark, as on the command line."""
        return value.lower() if isinstance(value, str) else value

    @field_validator("sources")
    @classmethod
    def _known_tables(cls, value: dict[str, DatabaseSource]) -> dict[str, DatabaseSource]:
        known = {t.name for t in contracts.SOURCE_TABLES}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"not a source table: {', '.join(unknown)}{_guess(unknown, known)}")
        return value

    @field_validator("segments")
    @classmethod
    def _named_segments(cls, value: dict[str, Segment]) -> dict[str, Segment]:
        """A name is what the profile lists a customer's segments by: a blank one says nothing,
        and a built-in one's (or one under the RFM and CRM segments' prefixes) would mix the
        rule's members with the built-in segment's."""
        for name in value:
            if not name.strip():
                raise ValueError(f"a segment has no name (got {name!r}): name each segment")
        if not value:
            return value
        prefixes = (RFM_PREFIX, CRM_PREFIX)
        taken = {n.casefold(): n for n in BUILT_IN_SEGMENTS}
        for name in value:
            said = name.strip().casefold()
            if said in taken:
                alias = f" ({taken[said]!r})" if taken[said] != name else ""
                raise ValueError(
                    f"{name!r} is the name of a built-in segment{alias}, one of the value – "
                    "state segments the profile gives every customer: rename it"
                )
            prefix = next((p for p in prefixes if said.startswith(p.casefold())), None)
            if prefix is not None:
                kept = ", ".join(f"{p}…" for p in prefixes)
                raise ValueError(
                    f"{name!r} starts with {prefix!r}, kept for the segments the profile takes "
                    f"from the data ({kept}): rename it"
                )
        return value

    @field_validator("csv")
    @classmethod
    def _csv_tables(cls, value: dict[str, CsvFile], info: ValidationInfo) -> dict[str, CsvFile]:
        _known_files(value, csv_tables())
        for table, dialect in value.items():
            check_columns(contracts.get(table), dialect.columns, "header")
            _check_currency(table, dialect.currency, info.data.get("exchange_rates"))
        return value

    @field_validator("json_files")
    @classmethod
    def _json_tables(cls, value: dict[str, JsonFile], info: ValidationInfo) -> dict[str, JsonFile]:
        _known_files(value, json_tables())
        csv: dict[str, CsvFile] = info.data.get("csv") or {}
        for table, entry in value.items():
            check_columns(contracts.get(table), entry.columns, "field")
            _check_currency(table, entry.currency, info.data.get("exchange_rates"))
            said = [
                e.currency
                for e in (csv.get(table), entry)
                if e and "currency" in e.model_fields_set
            ]
            if len(set(said)) > 1:
                raise ValueError(
                    f"{table}: currency {said[1]}, but csv: {table}: currency {said[0]}: a "
                    "table's amounts are in one currency"
                )
        return value

    @field_validator("exchange_rates", mode="before")
    @classmethod
    def _currency_codes(cls, value: object) -> object:
        """Each code an ISO one c360 reads amounts in, in capitals, once; never the euro."""
        if not isinstance(value, dict):
            return value  # pydantic says what it should be
        rates: dict[str, object] = {}
        for code, rate in value.items():
            iso = currency_code(str(code))
            if iso == EURO:
                raise ValueError("EUR is the euro, c360's own currency: it needs no rate")
            if iso in rates:
                raise ValueError(f"{iso} is given twice")
            rates[iso] = rate
        return rates

    def currency(self, table: str) -> str:
        """The ISO code of the amounts of ``table`` written without a sign or a code: the
        ``currency`` its ``csv:`` or ``json:`` entry gives, the euro without one."""
        entries = (self.csv.get(table), self.json_files.get(table))
        given = [e.currency for e in entries if e is not None and "currency" in e.model_fields_set]
        return given[0] if given else EURO


def _check_currency(table: str, currency: str, rates: dict[str, float] | None) -> None:
    """A table's ``currency`` is the euro, or one with a rate of a table that holds amounts: a
    bare amount in a currency without a rate could not be read, and a currency given to a table
    without amounts (a typo of the table's name) would convert nothing, silently. ``rates``
    None: ``exchange_rates`` is wrong itself, and said so."""
    if currency == EURO or rates is None:
        return
    if not amount_columns(contracts.get(table)):
        raise ValueError(f"{table}: the table holds no amounts, so it takes no currency")
    if currency not in rates:
        unit = _UNIT.get(currency, "unit")
        raise ValueError(
            f"{table}: currency {currency} has no rate: give one under exchange_rates "
            f"(exchange_rates: {{{currency}: 0.92}}, the euros one {unit} is worth), or leave "
            "the table in euros"
        )


def _known_files(tables: dict[str, Any], files: set[str]) -> None:
    """Refuse a table of ``tables`` that is none of ``files``: a folder of notes, which takes
    no file settings, is said to be one; another name is near one or none."""
    unknown = sorted(set(tables) - files)
    if not unknown:
        return
    notes = [
        t for t in unknown if t in contracts.CONTRACTS and contracts.get(t).file_format == "text"
    ]
    if notes:
        raise ValueError(
            f"not a source table with a file: {', '.join(notes)} (a folder of notes takes "
            "neither csv: nor json:)"
        )
    raise ValueError(
        f"not a source table with a file: {', '.join(unknown)}{_guess(unknown, files)}"
    )


# Environment variables that override the file (the file overrides the defaults).
ENV_OVERRIDES = {"C360_ENGINE": "engine", "C360_SCHEMA_DRIFT": "schema_drift"}


def load(workspace: Path) -> Project:
    """The workspace's settings: defaults, then ``c360.yaml`` if present, then the environment."""
    path = Path(workspace) / PROJECT_FILE
    data: dict[str, object] = {}
    if _exists(path):
        if special_file(path):
            raise ConfigError(f"{path}: the project file is a pipe, a socket or a device")
        try:
            loaded = yaml.load(path.read_text(encoding="utf-8"), _Loader)
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: the project file is not UTF-8 text") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the project file: {exc.strerror}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: cannot read the project file: {_yaml_error(exc)}") from None
        except RecursionError:  # the reader recurses once per level of nesting
            raise ConfigError(f"{path}: cannot read the project file: nested too deeply") from None
        if loaded is None:  # running on the defaults would drop the identity sources unsaid
            raise ConfigError(
                f"{path}: the project file holds no settings (it is empty or all comments): "
                "restore them, or delete the file to run on the defaults"
            )
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}: the project file must be a mapping of settings")
        data.update(loaded)
    overridden = {key: env for env, key in ENV_OVERRIDES.items() if env in os.environ}
    for key, env in overridden.items():
        data[key] = os.environ[env]
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        if field in overridden:  # the value came from the environment, not the file
            env = overridden[field]
            raise ConfigError(
                f"environment variable {env}: {first['msg']} (got {os.environ[env]!r})"
            ) from None
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        message = first["msg"].removeprefix("Value error, ")  # a validator's own message
        if first["type"] == "extra_forbidden":  # a typo of a setting's name, most often
            message += _guess([first["loc"][-1]], _settings(first["loc"][:-1]))
        raise ConfigError(f"{path}: {where}: {message}") from None


def _guess(unknown: Sequence[object], known: Iterable[str]) -> str:
    """``; did you mean 'delimiter'?`` for the first of ``unknown`` names that is close to one of
    ``known``, nothing when none is."""
    for name in unknown:
        close = difflib.get_close_matches(str(name), sorted(known), n=1)
        if close:
            return f"; did you mean {close[0]!r}?"
    return ""


def _settings(loc: tuple[int | str, ...]) -> list[str]:
    """The setting names allowed where ``loc`` leads in the project file (``("csv",
    "orders")``: a ``CsvFile``'s), following the models' fields and the keys of their maps."""
    kind: Any = Project
    for part in loc:
        if get_origin(kind) is dict:  # ``part`` is a key of the map: its values' kind
            kind = _optional(get_args(kind)[1])
        elif _is_model(kind) and part in _fields(kind):
            kind = _optional(_fields(kind)[str(part)].annotation)
        else:
            return []
    return list(_fields(kind)) if _is_model(kind) else []


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the name the project file gives them (``json``, not ``json_files``)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _optional(kind: Any) -> Any:
    """``Llm | None`` as ``Llm``: what a setting holds when it is given."""
    if get_origin(kind) in (Union, UnionType):
        return next(a for a in get_args(kind) if a is not type(None))
    return kind


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _exists(path: Path) -> bool:
    """Whether the project file exists; one in a folder that cannot be searched does, as far as
    reading it (and failing, saying why) is concerned."""
    try:
        path.stat()
    except FileNotFoundError:
        return path.is_symlink()  # a link to nothing: a project file gone missing
    except OSError:
        return True
    return True


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping: YAML would keep the last
    one silently, so ``schema_drift: fail`` further up would read as ``evolve``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # "<<: *defaults" may be overridden
                continue
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, Hashable):
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"{key!r} is given twice", key_node.start_mark
                    )
                seen.add(key)
        return super().construct_mapping(node, deep)


def _yaml_error(exc: yaml.YAMLError) -> str:
    """A YAML error on one line: what is wrong and where (PyYAML's own text spans lines)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"{exc.problem}{where}"
    return " ".join(str(exc).split())


def write_default(workspace: Path, name: str, **sections: object) -> Path:
    """Write a commented ``c360.yaml`` with the defaults and ``sections`` (``identity=…``,
    ``segments=…``), unless one exists; returns its path."""
    path = Path(workspace) / PROJECT_FILE
    if not path.exists():
        project = Project.model_validate({"name": name, **sections})
        path.write_text(
            "# c360 project file: every setting is optional; environment variables\n"
            "# C360_ENGINE and C360_SCHEMA_DRIFT override the values here.\n"
            + yaml.safe_dump(project.model_dump(), sort_keys=False),
            encoding="utf-8",
        )
    return path
