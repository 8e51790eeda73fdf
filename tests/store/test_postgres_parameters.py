"""PostgreSQL queries go straight to asyncpg: `:name` parameters become `$n` as SQLAlchemy did."""

from __future__ import annotations

from service.store.engine.shared import numbered as _numbered


def test_each_name_gets_one_number_in_order_of_first_use() -> None:
    sql, names = _numbered("SELECT * FROM c WHERE a = :a AND (b = :b OR b = :a) LIMIT :n")
    assert sql == "SELECT * FROM c WHERE a = $1 AND (b = $2 OR b = $1) LIMIT $3"
    assert names == ("a", "b", "n")


def test_casts_and_escaped_colons_are_not_parameters() -> None:
    sql, names = _numbered(r"SELECT CAST(:at AS timestamptz), x::text, '12\:30' FROM t")
    assert sql == "SELECT CAST($1 AS timestamptz), x::text, '12:30' FROM t"
    assert names == ("at",)


def test_a_query_without_parameters_is_left_alone() -> None:
    sql = "SELECT pg_notify('chorus_changes', 'abc') WHERE x LIKE '%a%'"
    assert _numbered(sql) == (sql, ())
