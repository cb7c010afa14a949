//! MoU follow-through: how many MoUs and letters of intent were followed, within a year, by a
//! binding agreement of the same company with the same counterparty country.

use serde::Serialize;

use crate::model::{Agreement, AgreementKind};
use crate::registry::Registry;
use crate::value::{Country, Date};

/// How many days after a non-binding agreement a binding one follows it up.
pub const FOLLOW_UP_DAYS: i64 = 365;

crate::issue::vocabulary! {
    /// Whether a non-binding agreement was followed by a binding one.
    ///
    /// # Example
    /// ```
    /// assert_eq!(pkit::analytics::FollowUpState::NotFollowed.as_str(), "not_followed");
    /// ```
    pub enum FollowUpState as "a follow-up state" in "pkit::analytics" {
        /// A binding agreement with the same counterparty country followed within 365 days.
        Followed = "followed",
        /// None followed, and the 365 days have passed by `as_of`.
        NotFollowed = "not_followed",
        /// None followed yet, and the 365 days run past `as_of`: too early to say.
        Pending = "pending",
    }
}

/// One MoU or letter of intent and what followed it.
///
/// # Example
/// ```
/// use pkit::analytics::FollowUpState;
/// let sample = pkit::Registry::sample();
/// let follow = sample.follow_through();
/// let riyadh = follow.agreements.iter().find(|f| f.agreement_id == "riyadh-payments-mou").unwrap();
/// assert_eq!(riyadh.state, FollowUpState::Followed);
/// assert_eq!(riyadh.followed_by, ["riyadh-payments-contract"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// The company's id.
    pub company_id: String,
    /// The agreement's id (unique within the company).
    pub agreement_id: String,
    /// `mou` or `letter_of_intent`.
    pub kind: AgreementKind,
    /// The counterparty country.
    pub counterparty_country: Country,
    /// When it was signed.
    pub signed_on: Date,
    /// The initiative credited with it, if any.
    pub initiative: Option<String>,
    /// Whether it was followed.
    pub state: FollowUpState,
    /// The ids of the binding agreements that followed it, in document order.
    pub followed_by: Vec<String>,
}

/// The follow-through of every MoU and letter of intent, credited or not.
///
/// `share` is followed ÷ (total − pending): the pending ones, whose year is not over by
/// `as_of`, are not counted either way.
///
/// # Example
/// ```
/// let follow = pkit::Registry::sample().follow_through();
/// assert_eq!((follow.total, follow.followed, follow.pending), (9, 4, 1));
/// assert_eq!(follow.share, Some(0.5));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowThrough {
    /// MoUs and letters of intent.
    pub total: usize,
    /// Of them, followed by a binding agreement.
    pub followed: usize,
    /// Of them, not followed yet with their year not over.
    pub pending: usize,
    /// Followed ÷ (total − pending); `None` when nothing can be counted.
    pub share: Option<f64>,
    /// Each of them, company by company in document order.
    pub agreements: Vec<FollowUp>,
}

/// True when binding agreement `b` follows up `a`: same counterparty country, signed on the
/// same day or at most 365 days later.
fn follows(a: &Agreement, b: &Agreement) -> bool {
    b.kind.is_binding()
        && b.counterparty_country == a.counterparty_country
        && (0..=FOLLOW_UP_DAYS).contains(&a.signed_on.days_until(b.signed_on))
}

impl Registry {
    /// How many MoUs and letters of intent a binding agreement of the same company with the
    /// same counterparty country followed within 365 days (see [`FollowThrough`]).
    ///
    /// # Example
    /// ```
    /// let follow = pkit::Registry::sample().follow_through();
    /// assert_eq!(follow.agreements.len(), follow.total);
    /// ```
    pub fn follow_through(&self) -> FollowThrough {
        let as_of = self.as_of();
        let mut agreements = Vec::new();
        for c in self.companies() {
            for a in c.agreements.iter().filter(|a| !a.kind.is_binding()) {
                let followed_by: Vec<String> = c
                    .agreements
                    .iter()
                    .filter(|b| follows(a, b))
                    .map(|b| b.id.as_str().to_owned())
                    .collect();
                let state = if !followed_by.is_empty() {
                    FollowUpState::Followed
                } else if a.signed_on.add_days(FOLLOW_UP_DAYS) > as_of {
                    FollowUpState::Pending
                } else {
                    FollowUpState::NotFollowed
                };
                agreements.push(FollowUp {
                    company_id: c.id.as_str().to_owned(),
                    agreement_id: a.id.as_str().to_owned(),
                    kind: a.kind,
                    counterparty_country: a.counterparty_country,
                    signed_on: a.signed_on,
                    initiative: a.initiative.as_ref().map(|i| i.as_str().to_owned()),
                    state,
                    followed_by,
                });
            }
        }
        let count = |s: FollowUpState| agreements.iter().filter(|f| f.state == s).count();
        let (followed, pending) = (
            count(FollowUpState::Followed),
            count(FollowUpState::Pending),
        );
        let total = agreements.len();
        FollowThrough {
            total,
            followed,
            pending,
            share: super::ratio(followed as f64, (total - pending) as f64),
            agreements,
        }
    }
}
