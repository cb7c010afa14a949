//! Certifications on a date: each certificate's derived status (SPEC §1.4), coverage per
//! scheme, certificates about to expire, and companies left on a superseded edition.

use serde::Serialize;

use crate::model::{Certification, Company, DerivedStatus, Scheme};
use crate::registry::Registry;
use crate::value::Date;

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
mod tests;
