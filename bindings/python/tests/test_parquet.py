"""The Parquet export: pyarrow and DuckDB read back every table with the same rows, types and
metadata; partitions by fiscal year that DuckDB reads as Hive partitions and prunes; the same
bytes on every export."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import pkit

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def rows(table: Any, columns: list[str]) -> Counter[tuple[Any, ...]]:
    """The rows of a pyarrow table (dictionaries decoded) as a multiset of tuples."""
    data = table.select(columns).to_pydict()
    return Counter(zip(*(data[c] for c in columns)))


def test_every_table_reads_back_with_pyarrow(sample: pkit.Registry, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    sample.to_parquet(out)
    names = pkit.Registry.table_names()
    assert sorted(files(out)) == sorted(
        [f"{name}.parquet" for name in names] + ["datapackage.json"]
    )
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [f"{name}.parquet" for name in names]
    for name in names:
        path = out / f"{name}.parquet"
        got = pq.read_table(path)
        want = sample.table(name).to_pyarrow()
        assert got.num_rows == want.num_rows, name
        assert got.column_names == want.column_names, name
        for field in want.schema:
            # Dictionary columns stay dictionaries (pandas categoricals), amounts uint64.
            assert got.schema.field(field.name).type == field.type, (name, field.name)
        assert got.to_pylist() == want.to_pylist(), name
        metadata = pq.read_metadata(path)
        assert metadata.created_by == f"pkit version {pkit.__version__}"
        assert metadata.metadata[b"pkit.version"] == pkit.__version__.encode()
        assert metadata.metadata[b"pkit.as_of"] == sample.as_of.isoformat().encode()
        assert metadata.metadata[b"pkit.table"] == name.encode()
    exports = pq.read_table(out / "exports.parquet")
    assert pa.types.is_dictionary(exports.schema.field("fiscal_year").type)
    assert exports.schema.field("amount_usd").type == pa.uint64()
    assert str(pq.read_metadata(out / "exports.parquet").row_group(0).column(0).compression) == "ZSTD"


def test_duckdb_reads_the_same_rows(sample: pkit.Registry, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    sample.to_parquet(out)
    con = duckdb.connect()
    for name in pkit.Registry.table_names():
        count = con.execute(f"SELECT count(*) FROM read_parquet('{out / name}.parquet')").fetchone()
        assert count == (sample.table(name).num_rows,), name
    total = con.execute(f"SELECT sum(amount_usd) FROM '{out}/exports.parquet'").fetchone()
    assert total == (sum(e.amount_usd for c in sample.companies for e in c.exports),)
    described = con.execute(f"DESCRIBE SELECT * FROM '{out}/exports.parquet'").fetchall()
    kinds = {row[0]: row[1] for row in described}
    assert kinds["amount_usd"] == "UBIGINT"
    assert kinds["period_start"] == "DATE"


def test_partitions_by_fiscal_year_read_as_hive_and_are_pruned(
    sample: pkit.Registry, tmp_path: Path
) -> None:
    out = tmp_path / "partitioned"
    sample.to_parquet(out, partition_by="fiscal_year")
    written = files(out)
    assert "exports.parquet" not in written and "companies.parquet" in written
    exports = sample.table("exports").to_pyarrow()
    years = sorted(set(exports.column("fiscal_year").to_pylist()))
    assert len(years) > 2
    assert sorted(p for p in written if p.startswith("exports/")) == [
        f"exports/fiscal_year={fy}/part-0.parquet" for fy in years
    ]
    assert any(p.startswith("initiatives/fiscal_year=") for p in written)
    # The partition column is left out of the files, and given back by the reader.
    part = pq.read_table(out / f"exports/fiscal_year={years[0]}/part-0.parquet")
    assert "fiscal_year" not in part.column_names

    con = duckdb.connect()
    source = f"read_parquet('{out}/exports/**/*.parquet', hive_partitioning=true)"
    columns = exports.column_names
    got = con.execute(f"SELECT {', '.join(columns)} FROM {source}").fetchall()
    assert len(got) == exports.num_rows
    assert Counter(got) == rows(exports, columns)
    # pyarrow's dataset reader sees the same partitions.
    assert pq.read_table(out / "exports", partitioning="hive").num_rows == exports.num_rows

    # Pruning: a query on one fiscal year reads only its folder. With another year's file
    # corrupted, the filtered query still succeeds; reading every file fails.
    query = f"SELECT count(*), sum(amount_usd) FROM {source} WHERE fiscal_year = 'FY2022-23'"
    before = con.execute(query).fetchone()
    amounts = exports.column("amount_usd").to_pylist()
    labels = exports.column("fiscal_year").to_pylist()
    in_year = [a for a, fy in zip(amounts, labels) if fy == "FY2022-23"]
    assert before == (len(in_year), sum(in_year)) and len(in_year) > 0
    other = years[-1]
    assert other != "FY2022-23" and other != years[0]
    (out / f"exports/fiscal_year={other}/part-0.parquet").write_bytes(b"not parquet at all")
    assert con.execute(query).fetchone() == before
    with pytest.raises(duckdb.Error):
        con.execute(f"SELECT count(*) FROM {source}").fetchone()


def test_the_same_registry_gives_the_same_bytes(sample: pkit.Registry, tmp_path: Path) -> None:
    for partition_by in (None, "fiscal_year"):
        a, b = tmp_path / f"a-{partition_by}", tmp_path / f"b-{partition_by}"
        sample.to_parquet(a, partition_by=partition_by)
        sample.to_parquet(b, partition_by)
        assert files(a) == files(b)
        assert len(files(a)) >= 14


def test_an_export_is_replaced_and_other_directories_are_refused(
    sample: pkit.Registry, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    sample.to_parquet(out, partition_by="fiscal_year")
    sample.to_parquet(str(out))
    assert not (out / "exports").exists() and (out / "exports.parquet").is_file()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(OSError, match="no companies.parquet"):
        sample.to_parquet(other)
    assert [p.name for p in other.iterdir()] == ["notes.txt"]
    with pytest.raises(ValueError, match="partition_by: `year` is not a partitioning"):
        sample.to_parquet(tmp_path / "never", partition_by="year")
    assert not (tmp_path / "never").exists()
