"""The Python quick start of the README, as a script that runs in CI.

    pip install "./bindings/python[pandas]"
    python examples/python/quickstart.py
"""

from __future__ import annotations

import pkit

reg = pkit.sample()  # or pkit.load("registry.json"), pkit.loads(text), pkit.load_csv("dir")
print(reg)

# Every problem of a bad document at once.
try:
    pkit.loads('{"schema_version": 1, "as_of": "2025-02-30", "companies": [{"id": "Bad Id"}]}')
except pkit.ValidationError as error:  # a ValueError
    print(error)
    print([(issue.code, issue.loc) for issue in error.issues][:2])

# Records: attributes named as in JSON, dates as datetime.date, enums as strings.
cert = reg.companies[0].certifications[0]
print(cert.scheme, cert.expires_on.isoformat())

# Analytics.
for year in reg.series("ict_exports", "PK").fiscal_years()[-3:]:
    print(year.label, f"{year.value / 1e9:.2f} bn", "complete" if year.complete else "partial")
for target in reg.target_progress():
    print(target.id, target.status)
print(len(reg.expiring_within(90)), "certificates expire within 90 days")

# Promotion: what each initiative yielded, and the published claims beside the records.
for outcome in reg.initiative_outcomes()[:3]:
    print(outcome.initiative_id, outcome.outcome.leads, "leads", outcome.outcome.return_per_usd)
for check in reg.claims_reconciled():
    print(check.claim_id, "claimed", check.claimed, "recorded", check.recorded)

# Tables, straight into pandas (pip install "pkit[pandas]").
exports = reg.to_pandas("exports")
print(exports.groupby("fiscal_year", observed=True)["amount_usd"].sum().tail(3))
