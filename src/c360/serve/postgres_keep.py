"""What a reload keeps of the table it replaces, read from the catalog: its grants, comments,
row-level security and policies."""

from __future__ import annotations

import re

# The keywords PostgreSQL 15 takes as a name only in double quotes (pg_get_keywords() other than
# unreserved): quote_ident quotes them.
_RESERVED = """
    all analyse analyze and any array as asc asymmetric authorization between bigint binary bit
    boolean both case cast char character check coalesce collate collation column concurrently
    constraint create cross current_catalog current_date current_role current_schema
    current_time current_timestamp current_user dec decimal default deferrable desc distinct do
    else end except exists extract false fetch float for foreign freeze from full grant greatest
    group grouping having ilike in initially inner inout int integer intersect interval into is
    isnull join lateral leading least left like limit localtime localtimestamp national natural
    nchar none normalize not notnull null nullif numeric offset on only or order out outer
    overlaps overlay placing position precision primary real references returning right row
    select session_user setof similar smallint some substring symmetric table tablesample then
    time timestamp to trailing treat trim true union unique user using values varchar variadic
    verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest
    xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
"""
RESERVED_WORDS = frozenset(_RESERVED.split())
# Those later releases added (16 and 17): quoted too, which is harmless where they are not.
_LATER = """
    json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar
    json_serialize json_table json_value merge_action system_user
"""
LATER_KEYWORDS = frozenset(_LATER.split())
_SAFE = re.compile(r"[a-z_][a-z0-9_]*")
# A name PostgreSQL reads without quotes (its lexer's identifier; any non-ASCII character is
# a letter to it), folding its ASCII capitals to lower case.
_PLAIN = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*")
_CAPITALS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def quoted(identifier: str) -> str:
    """An SQL identifier in double quotes."""
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    r"""``text`` as an SQL string literal, read alike whatever ``standard_conforming_strings``
    says (PostgreSQL's text holds no NUL: one is left out).

    >>> print(literal("it's a \\ here"))
    E'it\'s a \\ here'
    """
    escaped = text.replace("\x00", "").replace("\\", "\\\\").replace("'", "\\'")
    return f"E'{escaped}'"


def sql_name(*parts: str) -> str:
    """``parts`` joined by dots as SQL must write them: each in double quotes where PostgreSQL's
    ``quote_ident`` puts it (capitals, spaces, any character but a-z, 0-9 and _, a keyword).

    >>> sql_name("gold", "fct_orders"), sql_name("Gold Schéma", "fct_orders")
    ('gold.fct_orders', '"Gold Schéma".fct_orders')
    """
    return ".".join(
        p if _SAFE.fullmatch(p) and p not in RESERVED_WORDS | LATER_KEYWORDS else quoted(p)
        for p in parts
    )


def folded(name: str) -> str:
    """The name PostgreSQL gives ``name`` written in SQL: a plain name with its ASCII capitals
    in lower case (``Gold`` is ``gold``), a double-quoted one as it is written between the
    quotes (``"Gold"`` is ``Gold``), any other as it is (``Gold Schéma``).

    >>> folded("Gold"), folded('"Gold"'), folded("Gold Schéma"), folded("Schéma")
    ('gold', 'Gold', 'Gold Schéma', 'schéma')
    """
    if _PLAIN.fullmatch(name):
        return name.translate(_CAPITALS)
    inner = name[1:-1]
    if len(name) > 1 and name[0] == name[-1] == '"' and '"' not in inner.replace('""', ""):
        return inner.replace('""', '"')
    return name


# What a reload keeps from the table it replaces, and what it names when it cannot. Each query
# takes the table's quoted name as $1. The owner (the loading role) holds every privilege anyway.
CATALOG = {
    "privileges": """
        SELECT NULL::text, x.privilege_type, r.rolname::text, x.is_grantable
        FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) x
        LEFT JOIN pg_roles r ON r.oid = x.grantee
        WHERE c.oid = to_regclass($1) AND r.rolname IS DISTINCT FROM current_user
        UNION ALL
        SELECT a.attname::text, x.privilege_type, r.rolname::text, x.is_grantable
        FROM pg_attribute a, aclexplode(a.attacl) x
        LEFT JOIN pg_roles r ON r.oid = x.grantee
        WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
          AND r.rolname IS DISTINCT FROM current_user
    """,
    "comments": """
        SELECT a.attname::text, quote_literal(d.description), d.description
        FROM pg_description d
        LEFT JOIN pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid
        WHERE d.objoid = to_regclass($1) AND d.classoid = 'pg_class'::regclass
    """,
    "security": """
        SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = to_regclass($1)
    """,
    "policies": """
        SELECT p.polname::text, p.polpermissive, p.polcmd::text,
               (SELECT string_agg(CASE r WHEN 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r))
                                  END, ', ' ORDER BY r)
                FROM unnest(p.polroles) AS r),
               pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
        FROM pg_policy p WHERE p.polrelid = to_regclass($1)
    """,
    "features": """
        SELECT 'column', attname::text FROM pg_attribute
        WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped
        UNION ALL
        SELECT 'constraint', conname::text FROM pg_constraint WHERE conrelid = to_regclass($1)
        UNION ALL
        SELECT 'index', c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = to_regclass($1)
          AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        UNION ALL
        SELECT 'trigger', tgname::text FROM pg_trigger
        WHERE tgrelid = to_regclass($1) AND NOT tgisinternal
        UNION ALL
        SELECT 'policy', polname::text FROM pg_policy WHERE polrelid = to_regclass($1)
    """,
}


def keep_sql(
    target: str, had: dict[str, set[tuple]], has: dict[str, set[tuple]], columns: set[str]
) -> list[str]:
    """GRANTs and REVOKEs that give ``target`` the privileges the table it replaced had (the
    schema's default privileges may have given others), and that table's comments
    (``had["comments"]``: column or None, the text as a literal, the text)."""
    kept = {p for p in had["privileges"] if p[0] is None or p[0] in columns}

    def on(column: str | None, privilege: str) -> str:
        return f"{privilege}{f' ({quoted(column)})' if column else ''} ON {target}"

    def who(grantee: str | None) -> str:
        return "PUBLIC" if grantee is None else quoted(grantee)

    revokes = [f"REVOKE {on(c, p)} FROM {who(g)}" for c, p, g, _ in has["privileges"] - kept]
    grants = [
        f"GRANT {on(c, p)} TO {who(g)}{' WITH GRANT OPTION' if grantable else ''}"
        for c, p, g, grantable in kept - has["privileges"]
    ]
    comments = [
        f"COMMENT ON {f'COLUMN {target}.{quoted(column)}' if column else f'TABLE {target}'} "
        f"IS {text}"
        for column, text, _ in had["comments"]
        if column is None or column in columns
    ]
    return sorted(revokes) + sorted(grants) + sorted(comments) + _row_security(target, had)


_COMMANDS = {"r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "*": "ALL"}


def _row_security(target: str, had: dict[str, set[tuple]]) -> list[str]:
    """Row-level security as the replaced table had it, its policies included: the grants
    kept must not read more rows than they did (a policy on a column gone fails the load)."""
    enable = [
        f"ALTER TABLE {target} {how} ROW LEVEL SECURITY"
        for enabled, forced in had["security"]
        for how, on in (("ENABLE", enabled), ("FORCE", forced))
        if on
    ]
    policies = [
        f"CREATE POLICY {quoted(name)} ON {target} AS "
        f"{'PERMISSIVE' if permissive else 'RESTRICTIVE'} FOR {_COMMANDS[command]} TO {roles}"
        + (f" USING ({using})" if using else "")
        + (f" WITH CHECK ({check})" if check else "")
        for name, permissive, command, roles, using, check in had["policies"]
    ]
    return enable + sorted(policies)
