"""Splink's ``jaro_winkler`` on Spark gives DuckDB's ``jaro_winkler_similarity``, double for
double, so both engines put every pair of names in the same comparison level."""

from __future__ import annotations

import random

import duckdb
import pyarrow as pa
import pytest

from c360.engines import Engine, connect
from c360.engines.spark import backend

# Each pair here scored differently on Splink's jar (Apache Commons Text) than on DuckDB.
DIFFERED = [
    (None, "anna"), ("anna", None), (None, None),  # jar: 0.0, DuckDB: NULL
    ("", ""),  # jar: 1.0, DuckDB: 0.0
    # DuckDB compares UTF-8 bytes, the jar UTF-16 units
    ("jörg", "jorg"), ("müller", "mueller"), ("zoë", "zoe"), ("rené", "rene"),
    ("straße", "strasse"), ("abigial", "ábigial"), ("agnel", "agnél"), ("aexandra", "äexandra"),
    ("😀a", "a😀"), ("сергей", "серей"), ("ελένη", "ελενη"), ("李小龙", "李"),
    # the jar matches other characters: 0.88 decides otherwise on each of these
    ("baley", "bealey"), ("nthan", "natahn"), ("jeenkins", "jekins"), ("athony", "hathony"),
    ("elils", "elsils"), ("abgail", "aabgail"), ("claire", "carpentire"),
    # the last bit: DuckDB fuses the prefix bonus's multiply and add
    ("adam", "ayaym"), ("anderaon", "aanderaon"), ("genevieve", "gneevieve"),
    ("patterrson", "patrock"), ("mathoeu", "matt"),
    # more than 64 bytes: DuckDB matches them a 64-bit word at a time
    ("uoxhokakkscoryraypyqqctyvciuvgyiuftpdmjdfgwazlkefytsntywuaootrvwj",
     "qoxhokakkscoryraypyqqctyvciuvgyiuftpdmndfgwazlkefytsndywuaootrvoh"),
    ("cacccaaccbbccbccccaccbbabcaabbaccacabaaaacbcabcbccabacbbbbbccbc",
     "cccccabbacacaaccccaacbcabcbbaabcbccccaaacbcbcabccaccbaabbabbcbcacbaacaba"),
    ("aaéaééééaéaéaééééaaéaéééaéaéaa", "aaéaéaaaaaaéééééaéaééaaaééaaaaéaaééaéaaaaaéaééaéa"),
]  # fmt: skip
# Pairs on which both always agreed: they must go on agreeing.
AGREED = [("a", "a"), ("a", "b"), ("a", ""), ("ab", "ba"), ("martha", "marhta"), ("ß", "ss")]


@pytest.fixture(scope="module")
def spark_engine() -> Engine:
    return connect("spark")


def _both(engine: Engine, pairs: list[tuple[str | None, str | None]]) -> list[tuple]:
    """Each pair with DuckDB's score and the score of Splink's ``jaro_winkler`` on Spark."""
    data = pa.table(
        {
            "i": pa.array(range(len(pairs)), pa.int64()),
            "a": pa.array([a for a, _ in pairs], pa.string()),
            "b": pa.array([b for _, b in pairs], pa.string()),
        }
    )
    engine.splink_api()  # registers Splink's functions in the session
    spark = backend.session()
    spark.createDataFrame(data).createOrReplaceTempView("jaro_winkler_pairs")
    scored = spark.sql(
        "SELECT i, jaro_winkler(a, b) AS s FROM jaro_winkler_pairs ORDER BY i"
    ).toArrow()
    duck = (
        duckdb.connect()
        .sql("SELECT i, jaro_winkler_similarity(a, b) AS d FROM data ORDER BY i")
        .to_arrow_table()
    )
    return list(
        zip(pairs, duck.column("d").to_pylist(), scored.column("s").to_pylist(), strict=True)
    )


@pytest.mark.spark
@pytest.mark.parametrize("pairs", [DIFFERED, AGREED], ids=["differed", "agreed"])
def test_jaro_winkler_on_spark_is_duckdb_s(spark_engine: Engine, pairs: list) -> None:
    scores = _both(spark_engine, pairs)
    assert [(pair, d) for pair, d, _ in scores] == [(pair, s) for pair, _, s in scores]


@pytest.mark.spark
def test_jaro_winkler_on_spark_is_duckdb_s_on_random_text(spark_engine: Engine) -> None:
    """Short and long text over small alphabets: many shared letters, transpositions, shared
    prefixes, letters of two bytes, and text past 64 bytes (or 63, or 128)."""
    rng = random.Random(360)
    pairs: list[tuple[str | None, str | None]] = []
    for n in [*range(1, 12), 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200] * 60:
        alphabet = rng.choice(["ab", "abc", "abcd", "aé", "aéß", "xyz", "abcdefghijklmnop"])
        a = "".join(rng.choice(alphabet) for _ in range(n))
        b = list(a) if rng.random() < 0.6 else [rng.choice(alphabet) for _ in range(n)]
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(len(b) + 1)
            b[i:i] = rng.choice(alphabet) if rng.random() < 0.5 else ""
            if len(b) > 1:
                del b[rng.randrange(len(b))]
        pairs.append((a, "".join(b)))
    scores = _both(spark_engine, pairs)
    differ = [(pair, d, s) for pair, d, s in scores if d != s]
    assert differ == []
