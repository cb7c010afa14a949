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
        "leads",
        "agreements",
        "observations",
        "targets",
        "rankings",
        "initiatives",
        "participants",
        "headcounts",
        "claims",
    ]
    companies = sample.companies
    initiatives = sample.initiatives
    expected_rows = {
        "companies": len(companies),
        "offices": sum(len(c.offices) for c in companies),
        "certifications": sum(len(c.certifications) for c in companies),
        "awards": sum(len(c.awards) for c in companies),
        "exports": sum(len(c.exports) for c in companies),
        "leads": sum(len(c.leads) for c in companies),
        "agreements": sum(len(c.agreements) for c in companies),
        "observations": len(sample.observations),
        "targets": len(sample.targets),
        "rankings": len(sample.rankings),
        "initiatives": len(initiatives),
        "participants": sum(len(i.participants) for i in initiatives),
        "headcounts": sum(len(i.headcounts) for i in initiatives),
        "claims": len(sample.claims),
    }
    promotion = {"leads": 39, "agreements": 25, "initiatives": 10, "participants": 44}
    assert {name: expected_rows[name] for name in promotion} == promotion
    assert (expected_rows["headcounts"], expected_rows["claims"]) == (17, 2)
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


# Promotion tables (SPEC §1.10) ------------------------------------------------------------

PROMOTION_TABLES = ["leads", "agreements", "initiatives", "participants", "headcounts", "claims"]


def test_promotion_table_types(sample: pkit.Registry) -> None:
    words = pa.dictionary(pa.uint32(), pa.string())
    expected = {
        "offices": {"company_id": words, "initiative": words, "opened_on": pa.date32()},
        "leads": {
            "company_id": words,
            "id": pa.string(),
            "counterparty_country": words,
            "identified_on": pa.date32(),
            "initiative": words,
            "estimated_value_usd": pa.uint64(),
            "stage": words,
            "closed_on": pa.date32(),
        },
        "agreements": {
            "company_id": words,
            "kind": words,
            "signed_on": pa.date32(),
            "lead": pa.string(),
            "value_usd": pa.uint64(),
            "duration_months": pa.uint64(),
            "status": words,
            "binding": pa.bool_(),
        },
        "initiatives": {
            "id": pa.string(),
            "kind": words,
            "country": words,
            "starts_on": pa.date32(),
            "ends_on": pa.date32(),
            "status": words,
            "target_markets": pa.string(),
            "public_cost_usd": pa.uint64(),
            "fiscal_year": words,
        },
        "participants": {"initiative_id": words, "company": pa.string(), "role": words, "subsidy_usd": pa.uint64()},
        "headcounts": {"initiative_id": words, "metric": words, "value": pa.uint64(), "reported_by": pa.string()},
        "claims": {"id": pa.string(), "metric": words, "value": pa.uint64(), "initiative": words, "claimed_on": pa.date32()},
    }
    for name, columns in expected.items():
        schema = pa.table(sample.table(name)).schema
        for column, type in columns.items():
            assert schema.field(column).type == type, f"{name}.{column}"
    # Child tables of initiatives carry initiative_id first, as those of companies company_id.
    for name in ("participants", "headcounts"):
        assert sample.table(name).column_names[0] == "initiative_id"
    for name in ("offices", "leads", "agreements"):
        assert sample.table(name).column_names[0] == "company_id"
    assert sample.table("offices").column_names[-1] == "initiative"


def test_lead_and_agreement_cells_agree_with_the_records(sample: pkit.Registry) -> None:
    rows = pa.table(sample.table("leads")).to_pylist()
    leads = [(c.id, lead) for c in sample.companies for lead in c.leads]
    assert len(rows) == len(leads) == 39
    for row, (company_id, lead) in zip(rows, leads, strict=True):
        assert row["company_id"] == company_id
        assert (row["id"], row["counterparty"], row["counterparty_country"]) == (
            lead.id,
            lead.counterparty,
            lead.counterparty_country,
        )
        assert (row["identified_on"], row["closed_on"]) == (lead.identified_on, lead.closed_on)
        assert (row["initiative"], row["estimated_value_usd"]) == (lead.initiative, lead.estimated_value_usd)
        assert (row["service"], row["stage"]) == (lead.service, lead.stage)

    rows = pa.table(sample.table("agreements")).to_pylist()
    agreements = [(c.id, a) for c in sample.companies for a in c.agreements]
    assert len(rows) == len(agreements) == 25
    for row, (company_id, a) in zip(rows, agreements, strict=True):
        assert row["company_id"] == company_id
        assert (row["id"], row["kind"], row["counterparty"], row["counterparty_country"]) == (
            a.id,
            a.kind,
            a.counterparty,
            a.counterparty_country,
        )
        assert (row["signed_on"], row["initiative"], row["lead"]) == (a.signed_on, a.initiative, a.lead)
        assert (row["value_usd"], row["service"], row["duration_months"]) == (
            a.value_usd,
            a.service,
            a.duration_months,
        )
        assert row["status"] == a.status
        assert row["binding"] is a.is_binding()
    assert sum(not row["binding"] for row in rows) == 9

    offices = pa.table(sample.table("offices")).to_pylist()
    records = [o for c in sample.companies for o in c.offices]
    assert [row["initiative"] for row in offices] == [o.initiative for o in records]
    assert sum(row["initiative"] is not None for row in offices) == 4


def test_initiative_and_claim_cells_agree_with_the_records(sample: pkit.Registry) -> None:
    rows = pa.table(sample.table("initiatives")).to_pylist()
    for row, i in zip(rows, sample.initiatives, strict=True):
        assert (row["id"], row["name"], row["kind"], row["host_event"]) == (i.id, i.name, i.kind, i.host_event)
        assert (row["organised_by"], row["country"], row["city"]) == (i.organised_by, i.country, i.city)
        assert (row["starts_on"], row["ends_on"], row["status"]) == (i.starts_on, i.ends_on, i.status)
        assert row["target_markets"] == (";".join(i.target_markets) or None)
        assert row["public_cost_usd"] == i.public_cost_usd
        assert row["note"] == i.note
        assert row["source_url"] == (i.source.url if i.source else None)
        year = i.fiscal_year()
        assert row["fiscal_year"] == f"FY{year}-{(year + 1) % 100:02d}"
    assert rows[0]["fiscal_year"] == "FY2021-22"
    assert sum(row["public_cost_usd"] is None for row in rows) == 5
    europe = next(row for row in rows if row["id"] == "gitex-europe-2025")
    assert (europe["source_publisher"], europe["source_url"]) == (None, None)

    rows = pa.table(sample.table("participants")).to_pylist()
    participants = [(i.id, p) for i in sample.initiatives for p in i.participants]
    assert len(rows) == len(participants) == 44
    for row, (initiative_id, p) in zip(rows, participants, strict=True):
        assert (row["initiative_id"], row["company"], row["role"], row["subsidy_usd"]) == (
            initiative_id,
            p.company,
            p.role,
            p.subsidy_usd,
        )

    rows = pa.table(sample.table("headcounts")).to_pylist()
    headcounts = [(i.id, h) for i in sample.initiatives for h in i.headcounts]
    assert len(rows) == len(headcounts) == 17
    for row, (initiative_id, h) in zip(rows, headcounts, strict=True):
        assert (row["initiative_id"], row["metric"], row["value"], row["reported_by"]) == (
            initiative_id,
            h.metric,
            h.value,
            h.reported_by,
        )
        assert row["source_publisher"] == (h.source.publisher if h.source else None)

    rows = pa.table(sample.table("claims")).to_pylist()
    for row, claim in zip(rows, sample.claims, strict=True):
        assert (row["id"], row["metric"], row["value"], row["initiative"]) == (
            claim.id,
            claim.metric,
            claim.value,
            claim.initiative,
        )
        assert (row["period"], row["claimed_on"], row["claimed_by"]) == (None, None, claim.claimed_by)
        assert (row["source_publisher"], row["source_url"]) == (claim.source.publisher, claim.source.url)
        assert row["note"] == claim.note


def test_promotion_tables_in_pandas_and_polars(sample: pkit.Registry) -> None:
    agreements = sample.to_pandas("agreements")
    assert str(agreements["binding"].dtype) == "boolean"
    assert str(agreements["value_usd"].dtype) == "UInt64"
    assert str(agreements["kind"].dtype) == "category"
    assert str(agreements["signed_on"].dtype).startswith("datetime64")
    records = [a for c in sample.companies for a in c.agreements]
    assert int(agreements["binding"].sum()) == sum(a.is_binding() for a in records) == 16
    assert int(agreements["value_usd"].isna().sum()) == sum(a.value_usd is None for a in records)
    binding_value = agreements.loc[agreements["binding"], "value_usd"].sum()
    assert int(binding_value) == sum(a.value_usd or 0 for a in records if a.is_binding())
    frame = sample.to_polars("agreements")
    assert frame.schema["binding"] == pl.Boolean
    assert frame["binding"].sum() == 16
    assert frame["lead"].null_count() == sum(a.lead is None for a in records)

    initiatives = sample.to_pandas("initiatives")
    assert list(initiatives["fiscal_year"].iloc[:3]) == ["FY2021-22", "FY2022-23", "FY2022-23"]
    assert initiatives["fiscal_year"].dtype == "category"
    assert int(initiatives["public_cost_usd"].isna().sum()) == 5
    assert int(initiatives["public_cost_usd"].sum()) == sum(i.public_cost_usd or 0 for i in sample.initiatives)
    polars_initiatives = sample.to_polars("initiatives")
    assert polars_initiatives.schema["fiscal_year"] == pl.Categorical
    assert polars_initiatives["public_cost_usd"].null_count() == 5

    participants = sample.to_pandas("participants")
    subsidies = [p.subsidy_usd for i in sample.initiatives for p in i.participants]
    assert int(participants["subsidy_usd"].isna().sum()) == subsidies.count(None) == 10
    assert str(participants["initiative_id"].dtype) == "category"
    per_initiative = participants.groupby("initiative_id", observed=True).size()
    assert int(per_initiative["gitex-global-2023"]) == 8

    leads = sample.to_polars("leads")
    assert leads["closed_on"].null_count() == 10
    assert leads["initiative"].null_count() == 3
    assert leads.schema["stage"] == pl.Categorical
    headcounts = sample.to_pandas("headcounts")
    assert str(headcounts["value"].dtype) == "UInt64" and len(headcounts) == 17
    claims = sample.to_polars("claims")
    assert claims["period"].null_count() == 2 and claims["claimed_on"].null_count() == 2


def test_promotion_tables_without_promotion_data(sample: pkit.Registry) -> None:
    """A registry without promotion data has the same columns, no rows; a column of nulls only
    (an office credited to no initiative) reads as nulls."""
    bare = pkit.loads(
        '{"schema_version": 1, "as_of": "2025-01-31", "companies": [{"id": "a", "legal_name": "A",'
        ' "legal_form": "private_limited", "headquarters": {"city": "Lahore", "region": "PK-PB"},'
        ' "offices": [{"country": "AE", "city": "Dubai"}]}]}'
    )
    for name in PROMOTION_TABLES:
        table = bare.table(name)
        assert (table.num_rows, table.column_names) == (0, sample.table(name).column_names), name
        assert len(bare.to_pandas(name)) == 0
        assert bare.to_polars(name).height == 0
        assert pa.table(table).schema == pa.table(sample.table(name)).schema, name
    offices = bare.to_pandas("offices")
    assert offices["initiative"].isna().all() and len(offices) == 1
    assert bare.to_polars("offices")["initiative"].null_count() == 1
    assert pa.table(bare.table("offices")).to_pylist()[0]["initiative"] is None


def test_a_large_promotion_table() -> None:
    big = pkit.generate(2000, seed=3)
    agreements = [a for c in big.companies for a in c.agreements]
    frame = pl.DataFrame(big.table("agreements"))
    assert frame.height == len(agreements) > 0
    assert frame["binding"].sum() == sum(a.is_binding() for a in agreements)
    initiatives = pl.DataFrame(big.table("initiatives"))
    assert initiatives.height == len(big.initiatives) > 0
    assert initiatives["id"].to_list() == [i.id for i in big.initiatives]
