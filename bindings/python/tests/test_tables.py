"""Tables as Arrow: pyarrow, polars and pandas read them with the right types, and every cell
agrees with the records."""

from __future__ import annotations

import datetime
import sys

import pytest

import pkit

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")


def test_every_table_has_rows_and_columns(sample: pkit.Registry) -> None:
    names = pkit.Registry.table_names()
    assert names == [
        "companies",
        "offices",
        "certifications",
        "awards",
        "exports",
        "observations",
        "targets",
        "rankings",
    ]
    companies = sample.companies
    expected_rows = {
        "companies": len(companies),
        "offices": sum(len(c.offices) for c in companies),
        "certifications": sum(len(c.certifications) for c in companies),
        "awards": sum(len(c.awards) for c in companies),
        "exports": sum(len(c.exports) for c in companies),
        "observations": len(sample.observations),
        "targets": len(sample.targets),
        "rankings": len(sample.rankings),
    }
    for name in names:
        table = sample.table(name)
        assert table.name == name
        assert table.num_rows == len(table) == expected_rows[name] > 0
        arrow = pa.table(table)
        assert arrow.num_rows == expected_rows[name]
        assert arrow.column_names == table.column_names


def test_exports_types_in_pyarrow_and_polars(sample: pkit.Registry) -> None:
    table = sample.table("exports")
    arrow = pa.table(table)
    schema = arrow.schema
    assert schema.field("amount_usd").type == pa.uint64()
    assert schema.field("period_start").type == pa.date32()
    assert schema.field("period_end").type == pa.date32()
    assert schema.field("company_id").type == pa.dictionary(pa.uint32(), pa.string())
    assert schema.field("market").type == pa.dictionary(pa.uint32(), pa.string())

    frame = pl.DataFrame(table)
    assert frame.schema["amount_usd"] == pl.UInt64
    assert frame.schema["period_start"] == pl.Date
    assert frame.schema["company_id"] == pl.Categorical
    assert frame.height == arrow.num_rows
    assert sample.to_polars("exports").equals(frame)

    # polars.from_arrow takes the stream too; polars 2 gives a Series of structs for any
    # object that is not pyarrow's own, which unnests into the same frame.
    loaded = pl.from_arrow(table)
    if isinstance(loaded, pl.Series):
        loaded = loaded.struct.unnest()
    assert loaded.schema == frame.schema
    assert loaded.equals(frame)


def test_export_cells_agree_with_the_records(sample: pkit.Registry) -> None:
    rows = pa.table(sample.table("exports")).to_pylist()
    records = [(c.id, e) for c in sample.companies for e in c.exports]
    assert len(rows) == len(records)
    for row, (company_id, record) in zip(rows, records):
        assert row["company_id"] == company_id
        assert row["period"] == record.period
        assert row["amount_usd"] == record.amount_usd
        assert row["market"] == record.market
        assert row["service"] == record.service
        assert isinstance(row["period_start"], datetime.date)
        assert row["period_start"] <= row["period_end"]


def test_certification_cells_agree_with_the_records(sample: pkit.Registry) -> None:
    rows = pa.table(sample.table("certifications")).to_pylist()
    certs = [(c.id, x) for c in sample.companies for x in c.certifications]
    assert len(rows) == len(certs)
    for row, (company_id, cert) in zip(rows, certs):
        assert row["company_id"] == company_id
        assert row["scheme"] == cert.scheme
        assert row["issued_on"] == cert.issued_on
        assert row["expires_on"] == cert.expires_on
        assert row["level"] == cert.level


def test_company_and_observation_cells(sample: pkit.Registry) -> None:
    rows = pa.table(sample.table("companies")).to_pylist()
    for row, company in zip(rows, sample.companies, strict=True):
        assert row["id"] == company.id
        assert row["legal_name"] == company.legal_name
        assert row["founded_on"] == company.founded_on
        assert row["employees"] == company.employees
    rows = pa.table(sample.table("observations")).to_pylist()
    for row, obs in zip(rows, sample.observations, strict=True):
        assert (row["indicator"], row["period"], row["value"]) == (
            obs.indicator,
            obs.period,
            obs.value,
        )


def test_to_pandas(sample: pkit.Registry) -> None:
    frame = sample.to_pandas("exports")
    assert len(frame) == sample.table("exports").num_rows
    assert str(frame["amount_usd"].dtype) == "UInt64"
    assert str(frame["company_id"].dtype) == "category"
    assert str(frame["period_start"].dtype).startswith("datetime64")
    total = sum(e.amount_usd for c in sample.companies for e in c.exports)
    assert int(frame["amount_usd"].sum()) == total
    companies = sample.to_pandas("companies")
    assert companies["employees"].isna().sum() == sum(c.employees is None for c in sample.companies)


def test_a_missing_extra_says_what_to_install(
    sample: pkit.Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "pkit\[pandas\]"'):
        sample.to_pandas("exports")
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r'pip install "pkit\[polars\]"'):
        sample.to_polars("exports")


def test_a_large_table(sample: pkit.Registry) -> None:
    big = pkit.generate(2000, seed=3)
    table = big.table("exports")
    frame = pl.DataFrame(table)
    assert frame.height == sum(len(c.exports) for c in big.companies)
    assert frame["amount_usd"].sum() == sum(e.amount_usd for c in big.companies for e in c.exports)
