//! The fields of national records: observations and their sources, targets, rankings
//! (SPEC §1.7–§1.9).

use super::record;
use crate::model::ranking::RANKING_PERIOD_FORMS;
use crate::model::target::DEADLINE_FORMS;
use crate::model::{Indicator, Observation, Ranking, Source, Target};
use crate::validate::reader::Integer;
use crate::value::{check_url, Country, Date, Period, PeriodForm, Region, Slug, TextRule};

record! {
    /// A source as read.
    DraftSource => Source {
        required publisher: String = |w| w.text(TextRule::NAME),
        optional title: String = |w| w.text(TextRule::TITLE),
        optional url: String = |w| w.checked(check_url),
    }
}

record! {
    /// An observation as read; its value is checked by the rules, by the indicator's unit.
    DraftObservation => Observation {
        required indicator: Indicator = |w| w.parsed(),
        defaulted(Region::PAKISTAN) region: Region = |w| w.parsed(),
        required period: Period = |w| w.period(&PeriodForm::ALL),
        required value: Integer = |w| w.number(),
        required source: DraftSource = |w| w.record(),
        optional published_on: Date = |w| w.parsed(),
        optional note: String = |w| w.text(TextRule::NOTE),
    }
}

record! {
    /// A target as read; its value is checked by the rules, by the indicator's unit.
    DraftTarget => Target {
        required id: Slug = |w| w.parsed(),
        required indicator: Indicator = |w| w.parsed(),
        defaulted(Region::PAKISTAN) region: Region = |w| w.parsed(),
        required value: Integer = |w| w.number(),
        required deadline: Period = |w| w.period(DEADLINE_FORMS),
        required stated_by: String = |w| w.text(TextRule::NAME),
        optional stated_on: Date = |w| w.parsed(),
        optional source: DraftSource = |w| w.record(),
        optional note: String = |w| w.text(TextRule::NOTE),
    }
}

record! {
    /// A ranking as read.
    DraftRanking => Ranking {
        required index: String = |w| w.text(TextRule::NAME),
        required publisher: String = |w| w.text(TextRule::NAME),
        required period: Period = |w| w.period(RANKING_PERIOD_FORMS),
        required metric: String = |w| w.text(TextRule::NAME),
        defaulted(Country::PAKISTAN) country: Country = |w| w.parsed(),
        required rank: u64 = |w| w.integer(1..=u64::MAX),
        optional out_of: u64 = |w| w.integer(1..=u64::MAX),
        optional source: DraftSource = |w| w.record(),
        optional note: String = |w| w.text(TextRule::NOTE),
    }
}
