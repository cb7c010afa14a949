//! Certifications on a date: each certificate's derived status (SPEC §1.4), coverage per
//! scheme, certificates about to expire, and companies left on a superseded edition.

use serde::Serialize;

use crate::model::{Certification, Company, DerivedStatus, Scheme};
use crate::value::Date;
use crate::Registry;

/// A certificate's derived status on a date.
///
/// # Example
/// ```
/// use pkit::model::DerivedStatus;
/// let sample = pkit::Registry::sample();
/// let statuses = sample.certificate_statuses(sample.as_of());
/// let first = &statuses[0];
/// assert_eq!((first.company_id.as_str(), first.index), ("indus-byteworks", 0));
/// assert_eq!((first.scheme.as_str(), first.edition), ("cmmi", "2.0"));
/// assert_eq!(first.status, DerivedStatus::Valid);
/// assert_eq!(first.days_to_expiry, 139);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateStatus {
    /// The company's id.
    pub company_id: String,
    /// The certificate's position in the company's `certifications`.
    pub index: usize,
    /// The scheme.
    pub scheme: Scheme,
    /// The edition, one of [`Scheme::editions`].
    pub edition: &'static str,
    /// The derived status on the date.
    pub status: DerivedStatus,
    /// `expires_on`, or the end of the edition's transition when that comes first.
    pub effective_expiry: Date,
    /// Days from the date to the effective expiry; negative once it has passed.
    pub days_to_expiry: i64,
}

/// How many companies hold a certificate of a scheme in force on a date.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let coverage = sample.certification_coverage(sample.as_of());
/// assert_eq!(coverage.len(), pkit::model::Scheme::ALL.len());
/// assert_eq!((coverage[0].scheme.as_str(), coverage[0].companies), ("cmmi", 5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coverage {
    /// The scheme.
    pub scheme: Scheme,
    /// How many companies hold at least one certificate of it that is `valid` or `expiring`.
    pub companies: usize,
    /// `companies` over all companies of the registry, 0.0..=1.0 (0.0 when there are none).
    pub share: f64,
}

/// A company whose only certificates of a scheme are to a superseded edition whose transition
/// period has ended.
///
/// # Example
/// ```
/// let sample = pkit::Registry::sample();
/// let on = pkit::value::Date::new(2019, 1, 1).unwrap();
/// let gaps = sample.past_transition(on);
/// assert_eq!(gaps[0].company_id, "indus-byteworks");
/// assert_eq!((gaps[0].scheme.as_str(), gaps[0].edition), ("iso_9001", "2008"));
/// assert_eq!(gaps[0].transition_end.to_string(), "2018-09-15");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransitionGap {
    /// The company's id.
    pub company_id: String,
    /// The scheme.
    pub scheme: Scheme,
    /// The superseded edition, one of [`Scheme::editions`].
    pub edition: &'static str,
    /// The last day a certificate to that edition stayed valid.
    pub transition_end: Date,
}

/// The edition as the scheme's own `'static` text. A registry holds only known editions (the
/// validator rejects others), so the fallback never shows.
fn edition(cert: &Certification) -> &'static str {
    cert.scheme
        .editions()
        .iter()
        .copied()
        .find(|e| *e == cert.edition)
        .unwrap_or("")
}

/// The position of a scheme in [`Scheme::ALL`].
fn scheme_index(scheme: Scheme) -> usize {
    scheme as usize
}

fn in_force(status: DerivedStatus) -> bool {
    matches!(status, DerivedStatus::Valid | DerivedStatus::Expiring)
}

fn status(company: &Company, index: usize, cert: &Certification, on: Date) -> CertificateStatus {
    let effective_expiry = cert.effective_expiry();
    CertificateStatus {
        company_id: company.id.as_str().to_owned(),
        index,
        scheme: cert.scheme,
        edition: edition(cert),
        status: cert.status_on(on),
        effective_expiry,
        days_to_expiry: on.days_until(effective_expiry),
    }
}

/// The superseded-edition gaps of one company on `on`, in scheme order.
fn gaps(company: &Company, on: Date, out: &mut Vec<TransitionGap>) {
    let mut current = 0u16;
    let mut past: [Option<(&'static str, Date)>; Scheme::ALL.len()] = [None; Scheme::ALL.len()];
    for cert in company.certifications.iter().filter(|c| c.issued_on <= on) {
        let i = scheme_index(cert.scheme);
        match cert.scheme.transition_end(&cert.edition) {
            Some(end) if end < on => past[i] = Some((edition(cert), end)),
            _ => current |= 1 << i,
        }
    }
    for (i, gap) in past.into_iter().enumerate() {
        let (Some((edition, transition_end)), Some(&scheme)) = (gap, Scheme::ALL.get(i)) else {
            continue;
        };
        if current & (1 << i) == 0 {
            out.push(TransitionGap {
                company_id: company.id.as_str().to_owned(),
                scheme,
                edition,
                transition_end,
            });
        }
    }
}

/// Every certificate with its company and its index in the company's list, in document order.
fn certificates(registry: &Registry) -> impl Iterator<Item = (&Company, usize, &Certification)> {
    registry.companies().iter().flat_map(|company| {
        company
            .certifications
            .iter()
            .enumerate()
            .map(move |(i, cert)| (company, i, cert))
    })
}

impl Registry {
    /// Every certificate's derived status on `on` (usually [`Registry::as_of`]), in document
    /// order: companies, then each company's certificates.
    ///
    /// # Example
    /// ```
    /// use pkit::model::DerivedStatus;
    /// let sample = pkit::Registry::sample();
    /// let statuses = sample.certificate_statuses(sample.as_of());
    /// assert_eq!(statuses.len(), 51);
    /// let expired = statuses.iter().filter(|s| s.status == DerivedStatus::Expired).count();
    /// assert_eq!(expired, 16);
    /// ```
    pub fn certificate_statuses(&self, on: Date) -> Vec<CertificateStatus> {
        certificates(self)
            .map(|(company, i, cert)| status(company, i, cert, on))
            .collect()
    }

    /// For every scheme, in the spec's order, how many companies hold a certificate of it in
    /// force on `on` (derived status `valid` or `expiring`), and their share of all companies.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let coverage = sample.certification_coverage(sample.as_of());
    /// let iso = coverage.iter().find(|c| c.scheme.as_str() == "iso_27001").unwrap();
    /// assert_eq!(iso.companies, 7);
    /// assert_eq!(iso.share, 0.25);
    /// ```
    pub fn certification_coverage(&self, on: Date) -> Vec<Coverage> {
        let mut counts = [0usize; Scheme::ALL.len()];
        for company in self.companies() {
            let held = company
                .certifications
                .iter()
                .filter(|c| in_force(c.status_on(on)))
                .fold(0u16, |mask, c| mask | 1 << scheme_index(c.scheme));
            for (i, count) in counts.iter_mut().enumerate() {
                *count += usize::from(held & (1 << i) != 0);
            }
        }
        let all = self.companies().len();
        Scheme::ALL
            .iter()
            .zip(counts)
            .map(|(&scheme, companies)| Coverage {
                scheme,
                companies,
                share: if all == 0 {
                    0.0
                } else {
                    companies as f64 / all as f64
                },
            })
            .collect()
    }

    /// The certificates in force on `on` whose effective expiry is at most `days` days after
    /// it, soonest first (ties in document order). `days = 90` gives the `expiring` ones.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// let soon = sample.expiring_within(sample.as_of(), 90);
    /// assert_eq!(soon.len(), 6);
    /// assert_eq!(soon[0].effective_expiry.to_string(), "2026-02-19");
    /// assert!(sample.expiring_within(sample.as_of(), -1).is_empty());
    /// ```
    pub fn expiring_within(&self, on: Date, days: i64) -> Vec<CertificateStatus> {
        let mut soon: Vec<CertificateStatus> = certificates(self)
            .filter(|(_, _, cert)| {
                in_force(cert.status_on(on)) && on.days_until(cert.effective_expiry()) <= days
            })
            .map(|(company, i, cert)| status(company, i, cert, on))
            .collect();
        soon.sort_by_key(|s| s.effective_expiry);
        soon
    }

    /// The companies whose only certificates of a scheme, among those issued by `on`, are to a
    /// superseded edition whose transition period ended before `on`: they hold no certificate
    /// of the scheme to a current edition (whatever its status). In document order, then
    /// scheme order; one entry per company and scheme. CMMI 1.3 has no transition end and is
    /// never listed.
    ///
    /// # Example
    /// ```
    /// let sample = pkit::Registry::sample();
    /// // Every company of the sample on a superseded edition has moved to the current one.
    /// assert!(sample.past_transition(sample.as_of()).is_empty());
    /// ```
    pub fn past_transition(&self, on: Date) -> Vec<TransitionGap> {
        let mut out = Vec::new();
        for company in self.companies() {
            gaps(company, on, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The sample's expected values were computed by a throwaway Python script, an independent
    // Python reading of sample.json (derived status per SPEC §1.4, transition ends from the
    // spec's table); they agree with the status table of data/README.md.

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn sample_statuses_match_the_readme() {
        let s = Registry::sample();
        let statuses = s.certificate_statuses(s.as_of());
        let count = |d: DerivedStatus| statuses.iter().filter(|c| c.status == d).count();
        assert_eq!(statuses.len(), 51);
        assert_eq!(
            [
                DerivedStatus::Valid,
                DerivedStatus::Expiring,
                DerivedStatus::Expired,
                DerivedStatus::Suspended,
                DerivedStatus::Withdrawn
            ]
            .map(count),
            [26, 6, 16, 2, 1]
        );
        // ravi-code-labs' 27001:2013 expires 2026-02-28 but its transition ended 2025-10-31.
        let ravi = statuses
            .iter()
            .find(|c| c.company_id == "ravi-code-labs" && c.index == 0)
            .unwrap();
        assert_eq!(ravi.effective_expiry, day("2025-10-31"));
        assert_eq!(ravi.days_to_expiry, -92);
        assert_eq!(
            (ravi.status, ravi.edition),
            (DerivedStatus::Expired, "2013")
        );
    }

    #[test]
    fn sample_coverage_on_as_of() {
        // Companies with a valid or expiring certificate of the scheme, over 28 companies.
        let s = Registry::sample();
        let coverage = s.certification_coverage(day("2026-01-31"));
        let counts: Vec<(Scheme, usize)> =
            coverage.iter().map(|c| (c.scheme, c.companies)).collect();
        assert_eq!(
            counts,
            [
                (Scheme::Cmmi, 5),
                (Scheme::Iso9001, 6),
                (Scheme::Iso14001, 2),
                (Scheme::Iso20000_1, 2),
                (Scheme::Iso22301, 1),
                (Scheme::Iso27001, 7),
                (Scheme::Iso27701, 3),
                (Scheme::PciDss, 2),
                (Scheme::Soc2, 4),
            ]
        );
        assert_eq!(coverage[5].share, 7.0 / 28.0);
        assert_eq!(coverage[0].share, 5.0 / 28.0);
    }

    #[test]
    fn sample_expiring_within() {
        let s = Registry::sample();
        let on = s.as_of();
        let soon: Vec<(String, usize, i64)> = s
            .expiring_within(on, 90)
            .into_iter()
            .map(|c| (c.company_id, c.index, c.days_to_expiry))
            .collect();
        assert_eq!(
            soon,
            [
                ("chenab-data-systems".into(), 4, 19),
                ("margalla-secureware".into(), 1, 28),
                ("khyber-pass-technologies".into(), 1, 40),
                ("indus-byteworks".into(), 3, 61),
                ("seaview-fintech".into(), 0, 73),
                ("sindhu-analytics".into(), 0, 75),
            ]
        );
        assert_eq!(s.expiring_within(on, 30).len(), 2);
        assert_eq!(s.expiring_within(on, 28).len(), 2, "the last day counts");
        assert_eq!(s.expiring_within(on, 27).len(), 1);
        // Certificates in force beyond 90 days are included for a wider window.
        assert_eq!(s.expiring_within(on, 365).len(), 14);
    }

    #[test]
    fn sample_past_transition() {
        let s = Registry::sample();
        let gaps = |on: &str| -> Vec<(String, Scheme, &'static str, String)> {
            s.past_transition(day(on))
                .into_iter()
                .map(|g| {
                    (
                        g.company_id,
                        g.scheme,
                        g.edition,
                        g.transition_end.to_string(),
                    )
                })
                .collect()
        };
        // On as_of every superseded certificate sits next to one to the current edition.
        assert!(gaps("2026-01-31").is_empty());
        // On 2022-01-01 the current-edition certificates were not issued yet.
        assert_eq!(
            gaps("2022-01-01"),
            [
                (
                    "indus-byteworks".into(),
                    Scheme::Iso9001,
                    "2008",
                    "2018-09-15".into()
                ),
                (
                    "chenab-data-systems".into(),
                    Scheme::Iso14001,
                    "2004",
                    "2018-09-15".into()
                ),
                (
                    "chenab-data-systems".into(),
                    Scheme::Iso20000_1,
                    "2011",
                    "2021-09-30".into()
                ),
            ]
        );
        // ravi-code-labs between the end of 27001:2013 and its 27001:2022 certificate.
        assert_eq!(
            gaps("2025-11-01"),
            [(
                "ravi-code-labs".into(),
                Scheme::Iso27001,
                "2013",
                "2025-10-31".into()
            )]
        );
        // The transition end itself is still inside the transition.
        assert!(gaps("2025-10-31").is_empty());
    }

    #[test]
    fn a_current_certificate_of_any_status_closes_the_gap() {
        let cert = |edition: &str, issued: &str, expires: &str, status: &str| {
            format!(
                r#"{{"scheme": "iso_27001", "edition": "{edition}", "issuer": "X", "issued_on": "{issued}",
                    "expires_on": "{expires}", "status": "{status}"}}"#
            )
        };
        let company = |id: &str, certs: &[String]| {
            format!(
                r#"{{"id": "{id}", "legal_name": "X", "legal_form": "private_limited",
                    "headquarters": {{"city": "Lahore", "region": "PK-PB"}}, "certifications": [{}]}}"#,
                certs.join(",")
            )
        };
        let old = cert("2013", "2022-01-10", "2025-01-09", "active");
        let text = format!(
            r#"{{"schema_version": 1, "as_of": "2026-01-31", "companies": [{}, {}, {}]}}"#,
            company("only-old", std::slice::from_ref(&old)),
            company(
                "old-and-withdrawn-new",
                &[
                    old.clone(),
                    cert("2022", "2025-01-10", "2028-01-09", "withdrawn")
                ]
            ),
            company("none", &[]),
        );
        let r = Registry::from_json(&text).unwrap();
        let gaps = r.past_transition(r.as_of());
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].company_id, "only-old");
        // Coverage counts companies, not certificates: three companies, none in force.
        let coverage = r.certification_coverage(r.as_of());
        assert!(coverage.iter().all(|c| c.companies == 0 && c.share == 0.0));
        // On 2024-06-01 the 2013 certificates are in force: two companies out of three.
        let iso = r.certification_coverage(day("2024-06-01"))[5];
        assert_eq!((iso.companies, iso.share), (2, 2.0 / 3.0));
    }

    #[test]
    fn a_company_with_two_certificates_of_a_scheme_counts_once() {
        let cert = |number: &str| {
            format!(
                r#"{{"scheme": "iso_9001", "edition": "2015", "issuer": "SGS",
                    "certificate_number": "{number}", "issued_on": "2024-01-01",
                    "expires_on": "2027-01-01"}}"#
            )
        };
        let text = format!(
            r#"{{"schema_version": 1, "as_of": "2025-06-30", "companies": [
                {{"id": "a", "legal_name": "A Ltd", "legal_form": "private_limited",
                  "headquarters": {{"city": "Lahore", "region": "PK-PB"}},
                  "certifications": [{}, {}]}},
                {{"id": "b", "legal_name": "B Ltd", "legal_form": "private_limited",
                  "headquarters": {{"city": "Lahore", "region": "PK-PB"}}}}]}}"#,
            cert("Q-1"),
            cert("Q-2")
        );
        let r = Registry::from_json(&text).unwrap();
        let iso = r
            .certification_coverage(day("2025-06-30"))
            .into_iter()
            .find(|c| c.scheme == Scheme::Iso9001)
            .unwrap();
        assert_eq!((iso.companies, iso.share), (1, 0.5));
    }
}
