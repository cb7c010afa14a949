//! The columns of every table, declared once: each column's name, where its value sits in
//! the document ([`Origin`]), and how a row's value is got ([`Cells`]). The table builder, the
//! CSV writer (through the tables) and the CSV reader (through [`TableName::layout`]) all
//! read these declarations.
//!
//! Each table has a guard beside its columns: a pattern that names every field of its record,
//! so adding a field to a record stops the build here until the table has a column for it.
//!
//! What a column of a field means, and what its values may be, is the field's own (the model's
//! doc comments and JSON Schema attributes); a derived column says it here ([`Derivation`]),
//! for the data package that describes an export ([`super::package`]).

use std::borrow::Cow;

use super::{ColumnKind, TableName};
use crate::issue::Word;
use crate::model::{
    Agreement, Award, Certification, Claim, Company, DerivedStatus, ExportRecord, Headcount,
    Initiative, Lead, Observation, Office, Participant, Ranking, Source, Target,
};
use crate::registry::Registry;
use crate::value::{Country, Date, FiscalYear, Period};

/// Where a column's value sits in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A field of the record.
    Field(&'static str),
    /// A field of an object inside the record (`headquarters`, `identifiers`, `source`).
    Nested(&'static str, &'static str),
    /// A list of words, joined by `;` in the column (`services`, `target_markets`).
    List(&'static str),
    /// The id of the record a child record belongs to (`company_id`, `initiative_id`).
    Parent(Parent),
    /// Computed from the record; not a field of the document.
    Derived,
}

/// The records that own the rows of a child table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parent {
    /// Offices, certifications, awards, exports, leads and agreements belong to a company.
    Company,
    /// Participants and headcounts belong to an initiative.
    Initiative,
}

impl Parent {
    /// The table of the parents.
    pub(crate) fn table(self) -> TableName {
        match self {
            Parent::Company => TableName::Companies,
            Parent::Initiative => TableName::Initiatives,
        }
    }

    /// The name of the column that names a row's parent.
    pub(crate) const fn column(self) -> &'static str {
        match self {
            Parent::Company => "company_id",
            Parent::Initiative => "initiative_id",
        }
    }

    /// Every parent's id, in document order.
    pub(crate) fn ids(self, registry: &Registry) -> Vec<&str> {
        match self {
            Parent::Company => registry.companies().iter().map(|c| c.id.as_str()).collect(),
            Parent::Initiative => registry
                .initiatives()
                .iter()
                .map(|i| i.id.as_str())
                .collect(),
        }
    }
}

/// One row as the getters see it: the record, the registry it belongs to, and its index among
/// the records of its kind.
pub(crate) struct Row<'r, R> {
    pub(crate) record: &'r R,
    pub(crate) registry: &'r Registry,
    pub(crate) index: usize,
}

impl<R> Clone for Row<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Row<'_, R> {}

/// A word of a vocabulary: its position among the vocabulary's words, and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordKey {
    pub(crate) index: usize,
    pub(crate) text: &'static str,
}

/// How a column gets each row's value, and so the kind of column it is.
pub(crate) enum Cells<R: 'static> {
    /// Text, stored row by row.
    Text(for<'r> fn(Row<'r, R>) -> Option<Cow<'r, str>>),
    /// Text that repeats (an edition, a category, a region), stored as a dictionary.
    Repeated(for<'r> fn(Row<'r, R>) -> Option<&'r str>),
    /// Words of a vocabulary, stored as a dictionary.
    Words(for<'r> fn(Row<'r, R>) -> Option<WordKey>),
    /// Countries, stored as a dictionary.
    Countries(for<'r> fn(Row<'r, R>) -> Option<Country>),
    /// Fiscal years, as their labels (`FY2024-25`) in a dictionary.
    FiscalYears(for<'r> fn(Row<'r, R>) -> Option<FiscalYear>),
    /// Unsigned integers.
    UInt(for<'r> fn(Row<'r, R>) -> Option<u64>),
    /// Dates.
    Date(for<'r> fn(Row<'r, R>) -> Option<Date>),
    /// Booleans.
    Bool(for<'r> fn(Row<'r, R>) -> Option<bool>),
    /// The row's period, as repeating text; the table's [`Cells::OfPeriod`] columns are
    /// computed from it.
    Period(for<'r> fn(Row<'r, R>) -> Period),
    /// A part of the table's period (its fiscal year, first or last day), worked out once per
    /// distinct period after the rows are read: large tables have many rows and few periods.
    OfPeriod(PeriodPart),
    /// The parent's id in a child table (`company_id`): every parent's id once, a code per row.
    Parent(Parent),
}

/// What a [`Cells::OfPeriod`] column shows of the table's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodPart {
    /// The label of the fiscal year that contains it (`FY2023-24`), as repeating text.
    FiscalYear,
    /// Its first day.
    FirstDay,
    /// Its last day.
    LastDay,
}

impl<R> Cells<R> {
    /// The kind of the column these cells make (the table builder's choice of values).
    pub(crate) fn kind(&self) -> ColumnKind {
        match self {
            Cells::Text(_)
            | Cells::Repeated(_)
            | Cells::Words(_)
            | Cells::Countries(_)
            | Cells::FiscalYears(_)
            | Cells::Period(_)
            | Cells::Parent(_)
            | Cells::OfPeriod(PeriodPart::FiscalYear) => ColumnKind::Text,
            Cells::UInt(_) => ColumnKind::UInt,
            Cells::Date(_) | Cells::OfPeriod(PeriodPart::FirstDay | PeriodPart::LastDay) => {
                ColumnKind::Date
            }
            Cells::Bool(_) => ColumnKind::Bool,
        }
    }
}

/// What a derived column means, as the data package describes it: a field's meaning is the
/// model's, but a derived column has no field. A derived column has a value on every row.
#[derive(Clone, Copy)]
pub(crate) struct Derivation {
    /// One or two sentences: what the value is, and what it is computed from.
    pub(crate) description: &'static str,
    /// The words the column may hold, for a column of a vocabulary's words.
    pub(crate) vocabulary: Option<fn() -> Vec<&'static str>>,
}

/// The texts of a vocabulary's words, in order, as a [`Derivation::vocabulary`].
macro_rules! words_of {
    ($vocabulary:ty) => {{
        fn words() -> Vec<&'static str> {
            <$vocabulary>::ALL.iter().map(|w| w.as_str()).collect()
        }
        Some(words as fn() -> Vec<&'static str>)
    }};
}

/// One column: its name, where its value is in the document, its cells, and for a derived
/// column what it means.
pub(crate) struct ColumnSpec<R: 'static> {
    pub(crate) name: &'static str,
    pub(crate) source: Origin,
    pub(crate) cells: Cells<R>,
    /// `Some` exactly for a derived column.
    pub(crate) about: Option<Derivation>,
}

/// Something to do with the columns of any table, whatever its record: [`TableName::visit`]
/// calls [`ColumnsOf::of`] with the table's own columns.
pub(crate) trait ColumnsOf {
    /// What it gives.
    type Out;
    /// Does it with the columns of one table, whose rows are records of type `R`.
    fn of<R: schemars::JsonSchema>(self, columns: &'static [ColumnSpec<R>]) -> Self::Out;
}

/// What the CSV reader needs to know of a column: its name, where its value goes in the
/// document, and whether its cells are JSON numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ColumnLayout {
    pub(crate) name: &'static str,
    pub(crate) source: Origin,
    pub(crate) number: bool,
}

impl<R> ColumnSpec<R> {
    fn layout(&self) -> ColumnLayout {
        ColumnLayout {
            name: self.name,
            source: self.source,
            number: matches!(self.cells, Cells::UInt(_)),
        }
    }
}

impl TableName {
    /// Does `with` with this table's columns (the one place that matches a table to them).
    pub(crate) fn visit<V: ColumnsOf>(self, with: V) -> V::Out {
        match self {
            TableName::Companies => with.of(COMPANIES),
            TableName::Offices => with.of(OFFICES),
            TableName::Certifications => with.of(CERTIFICATIONS),
            TableName::Awards => with.of(AWARDS),
            TableName::Exports => with.of(EXPORTS),
            TableName::Leads => with.of(LEADS),
            TableName::Agreements => with.of(AGREEMENTS),
            TableName::Observations => with.of(OBSERVATIONS),
            TableName::Targets => with.of(TARGETS),
            TableName::Rankings => with.of(RANKINGS),
            TableName::Initiatives => with.of(INITIATIVES),
            TableName::Participants => with.of(PARTICIPANTS),
            TableName::Headcounts => with.of(HEADCOUNTS),
            TableName::Claims => with.of(CLAIMS),
        }
    }

    /// The table's columns as the CSV form lays them out, in order.
    pub(crate) fn layout(self) -> Vec<ColumnLayout> {
        struct Layout;
        impl ColumnsOf for Layout {
            type Out = Vec<ColumnLayout>;
            fn of<R: schemars::JsonSchema>(self, columns: &'static [ColumnSpec<R>]) -> Self::Out {
                columns.iter().map(ColumnSpec::layout).collect()
            }
        }
        self.visit(Layout)
    }

    /// The records that own this table's rows (their id is its first column), for a child
    /// table; `None` for a table of the document's own arrays.
    pub(crate) fn parent(self) -> Option<Parent> {
        self.layout().first().and_then(|c| match c.source {
            Origin::Parent(p) => Some(p),
            _ => None,
        })
    }

    /// True for a table of records that belong to another record (`company_id`,
    /// `initiative_id`).
    pub(crate) fn is_child(self) -> bool {
        self.parent().is_some()
    }
}

/// A vocabulary's word.
fn word<W: Word>(w: W) -> WordKey {
    WordKey {
        index: w.index(),
        text: w.text(),
    }
}

/// A field's text.
fn text(s: &str) -> Option<Cow<'_, str>> {
    Some(Cow::Borrowed(s))
}

/// An optional field's text.
fn opt_text(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

/// A list's items joined with `;` in document order; `None` when there are none.
fn joined<T>(list: &[T], text: fn(&T) -> &str) -> Option<Cow<'static, str>> {
    if list.is_empty() {
        return None;
    }
    let words: Vec<&str> = list.iter().map(text).collect();
    Some(Cow::Owned(words.join(";")))
}

/// A column of a list of words joined with `;`.
const fn list<R>(name: &'static str, cells: Cells<R>) -> ColumnSpec<R> {
    ColumnSpec {
        name,
        source: Origin::List(name),
        cells,
        about: None,
    }
}

/// An optional id's text, as repeating text.
fn opt_slug(s: &Option<crate::value::Slug>) -> Option<&str> {
    s.as_ref().map(|s| s.as_str())
}

/// A column of a field of the record.
const fn field<R>(name: &'static str, cells: Cells<R>) -> ColumnSpec<R> {
    ColumnSpec {
        name,
        source: Origin::Field(name),
        cells,
        about: None,
    }
}

/// A column of a field of an object inside the record, named `{object}_{key}` or `key`.
const fn nested<R>(
    name: &'static str,
    object: &'static str,
    key: &'static str,
    cells: Cells<R>,
) -> ColumnSpec<R> {
    ColumnSpec {
        name,
        source: Origin::Nested(object, key),
        cells,
        about: None,
    }
}

/// A column computed from the record, with what it means.
const fn derived<R>(name: &'static str, about: Derivation, cells: Cells<R>) -> ColumnSpec<R> {
    ColumnSpec {
        name,
        source: Origin::Derived,
        cells,
        about: Some(about),
    }
}

/// What a derived column of no vocabulary means.
const fn means(description: &'static str) -> Derivation {
    Derivation {
        description,
        vocabulary: None,
    }
}

/// The `company_id` column of a child table.
const fn company_id<R>() -> ColumnSpec<R> {
    parent_id(Parent::Company)
}

/// The column of a child table that names its parent.
const fn parent_id<R>(parent: Parent) -> ColumnSpec<R> {
    ColumnSpec {
        name: parent.column(),
        source: Origin::Parent(parent),
        cells: Cells::Parent(parent),
        about: None,
    }
}

/// The three columns of a record's optional source.
macro_rules! source_columns {
    ($record:ident, |$r:ident| $source:expr) => {
        [
            nested(
                "source_publisher",
                "source",
                "publisher",
                Cells::Text(|$r: Row<'_, $record>| {
                    $source.map(|s: &Source| Cow::Borrowed(s.publisher.as_str()))
                }),
            ),
            nested(
                "source_title",
                "source",
                "title",
                Cells::Text(|$r: Row<'_, $record>| {
                    $source.and_then(|s: &Source| opt_text(&s.title))
                }),
            ),
            nested(
                "source_url",
                "source",
                "url",
                Cells::Text(|$r: Row<'_, $record>| $source.and_then(|s: &Source| opt_text(&s.url))),
            ),
        ]
    };
}

/// The columns of `companies`.
pub(crate) const COMPANIES: &[ColumnSpec<Company>] = &[
    field("id", Cells::Text(|r| text(r.record.id.as_str()))),
    field("legal_name", Cells::Text(|r| text(&r.record.legal_name))),
    field(
        "trade_name",
        Cells::Text(|r| opt_text(&r.record.trade_name)),
    ),
    field(
        "legal_form",
        Cells::Words(|r| Some(word(r.record.legal_form))),
    ),
    nested(
        "ntn",
        "identifiers",
        "ntn",
        Cells::Text(|r| opt_text(&r.record.identifiers.ntn)),
    ),
    nested(
        "cuin",
        "identifiers",
        "cuin",
        Cells::Text(|r| opt_text(&r.record.identifiers.cuin)),
    ),
    nested(
        "lei",
        "identifiers",
        "lei",
        Cells::Text(|r| opt_text(&r.record.identifiers.lei)),
    ),
    nested(
        "pseb",
        "identifiers",
        "pseb",
        Cells::Text(|r| opt_text(&r.record.identifiers.pseb)),
    ),
    field("founded_on", Cells::Date(|r| r.record.founded_on)),
    nested(
        "headquarters_city",
        "headquarters",
        "city",
        Cells::Text(|r| text(&r.record.headquarters.city)),
    ),
    nested(
        "headquarters_region",
        "headquarters",
        "region",
        Cells::Repeated(|r| Some(r.record.headquarters.region.code())),
    ),
    field("website", Cells::Text(|r| opt_text(&r.record.website))),
    field("email", Cells::Text(|r| opt_text(&r.record.email))),
    field("employees", Cells::UInt(|r| r.record.employees)),
    list(
        "services",
        Cells::Text(|r| joined(&r.record.services, |s| s.as_str())),
    ),
];

/// Every field of a company is a column above, or a child table.
#[rustfmt::skip]
const _: fn(&Company) = |Company { id: _, legal_name: _, trade_name: _, legal_form: _, identifiers: _, founded_on: _, headquarters: _, website: _, email: _, employees: _, services: _, offices: _, certifications: _, awards: _, exports: _, leads: _, agreements: _ }| {};

/// The columns of `offices`.
pub(crate) const OFFICES: &[ColumnSpec<Office>] = &[
    company_id(),
    field("country", Cells::Countries(|r| Some(r.record.country))),
    field("city", Cells::Text(|r| text(&r.record.city))),
    field("opened_on", Cells::Date(|r| r.record.opened_on)),
    field(
        "initiative",
        Cells::Repeated(|r| opt_slug(&r.record.initiative)),
    ),
];

/// Every field of an office is a column above.
#[rustfmt::skip]
const _: fn(&Office) = |Office { country: _, city: _, opened_on: _, initiative: _ }| {};

/// The columns of `certifications`; the status is derived on the registry's `as_of`.
pub(crate) const CERTIFICATIONS: &[ColumnSpec<Certification>] = &[
    company_id(),
    field("scheme", Cells::Words(|r| Some(word(r.record.scheme)))),
    field("edition", Cells::Repeated(|r| Some(&r.record.edition))),
    field("level", Cells::UInt(|r| r.record.level.map(u64::from))),
    field("appraisal", Cells::Words(|r| r.record.appraisal.map(word))),
    field(
        "certificate_number",
        Cells::Text(|r| opt_text(&r.record.certificate_number)),
    ),
    field("issuer", Cells::Text(|r| text(&r.record.issuer))),
    field(
        "accredited_by",
        Cells::Text(|r| opt_text(&r.record.accredited_by)),
    ),
    field("issued_on", Cells::Date(|r| Some(r.record.issued_on))),
    field("expires_on", Cells::Date(|r| Some(r.record.expires_on))),
    field("status", Cells::Words(|r| Some(word(r.record.status)))),
    field("scope", Cells::Text(|r| opt_text(&r.record.scope))),
    derived(
        "effective_expiry",
        means(
            "The last day the certificate is valid: `expires_on`, or the last day of its \
             superseded edition's transition when that comes first (SPEC §1.4).",
        ),
        Cells::Date(|r| Some(r.record.effective_expiry())),
    ),
    derived(
        "derived_status",
        Derivation {
            description: "The certificate's status on the registry's `as_of`: `withdrawn` or \
                          `suspended` as declared, else `not_yet_valid`, `expired`, `expiring` \
                          (its effective expiry within 90 days) or `valid` (SPEC §1.4).",
            vocabulary: words_of!(DerivedStatus),
        },
        Cells::Words(|r| Some(word(r.record.status_on(r.registry.as_of())))),
    ),
];

/// Every field of a certification is a column above.
#[rustfmt::skip]
const _: fn(&Certification) = |Certification { scheme: _, edition: _, level: _, appraisal: _, certificate_number: _, issuer: _, accredited_by: _, issued_on: _, expires_on: _, status: _, scope: _ }| {};

/// The columns of `awards`.
pub(crate) const AWARDS: &[ColumnSpec<Award>] = &[
    company_id(),
    field("program", Cells::Words(|r| Some(word(r.record.program)))),
    field(
        "program_name",
        Cells::Text(|r| opt_text(&r.record.program_name)),
    ),
    field("year", Cells::UInt(|r| Some(u64::from(r.record.year)))),
    field(
        "category",
        Cells::Repeated(|r| Some(r.record.category.as_str())),
    ),
    field("result", Cells::Words(|r| Some(word(r.record.result)))),
    field("entry", Cells::Text(|r| text(&r.record.entry))),
    field("host_country", Cells::Countries(|r| r.record.host_country)),
];

/// Every field of an award is a column above.
#[rustfmt::skip]
const _: fn(&Award) = |Award { program: _, program_name: _, year: _, category: _, result: _, entry: _, host_country: _ }| {};

/// The columns of `exports`.
pub(crate) const EXPORTS: &[ColumnSpec<ExportRecord>] = &[
    company_id(),
    field("period", Cells::Period(|r| r.record.period)),
    field("amount_usd", Cells::UInt(|r| Some(r.record.amount_usd))),
    field("market", Cells::Countries(|r| r.record.market)),
    field("service", Cells::Words(|r| r.record.service.map(word))),
    derived(
        "fiscal_year",
        means("The fiscal year (July to June) that contains `period`, such as `FY2023-24`."),
        Cells::OfPeriod(PeriodPart::FiscalYear),
    ),
    derived(
        "period_start",
        means("The first day of `period`."),
        Cells::OfPeriod(PeriodPart::FirstDay),
    ),
    derived(
        "period_end",
        means("The last day of `period`."),
        Cells::OfPeriod(PeriodPart::LastDay),
    ),
];

/// Every field of an export record is a column above.
#[rustfmt::skip]
const _: fn(&ExportRecord) = |ExportRecord { period: _, amount_usd: _, market: _, service: _ }| {};

/// The columns of `observations`.
pub(crate) const OBSERVATIONS: &[ColumnSpec<Observation>] = &{
    let [publisher, title, url] = source_columns!(Observation, |r| Some(&r.record.source));
    [
        field(
            "indicator",
            Cells::Text(|r| text(r.record.indicator.as_str())),
        ),
        field("region", Cells::Text(|r| text(r.record.region.code()))),
        field(
            "period",
            Cells::Text(|r| Some(Cow::Owned(r.record.period.to_string()))),
        ),
        field("value", Cells::UInt(|r| Some(r.record.value))),
        publisher,
        title,
        url,
        field("published_on", Cells::Date(|r| r.record.published_on)),
        field("note", Cells::Text(|r| opt_text(&r.record.note))),
        derived(
            "period_start",
            means("The first day of `period`."),
            Cells::Date(|r| Some(r.record.period.first_day())),
        ),
        derived(
            "period_end",
            means("The last day of `period`."),
            Cells::Date(|r| Some(r.record.period.last_day())),
        ),
        derived(
            "is_current",
            means(
                "True when this is the current vintage of its indicator, region and period \
                 (the latest `published_on`; SPEC §1.7), false for an earlier one.",
            ),
            Cells::Bool(|r| Some(r.registry.is_current(r.index))),
        ),
    ]
};

/// Every field of an observation is a column above.
#[rustfmt::skip]
const _: fn(&Observation) = |Observation { indicator: _, region: _, period: _, value: _, source: _, published_on: _, note: _ }| {};

/// The columns of `targets`.
pub(crate) const TARGETS: &[ColumnSpec<Target>] = &{
    let [publisher, title, url] = source_columns!(Target, |r| r.record.source.as_ref());
    [
        field("id", Cells::Text(|r| text(r.record.id.as_str()))),
        field(
            "indicator",
            Cells::Text(|r| text(r.record.indicator.as_str())),
        ),
        field("region", Cells::Text(|r| text(r.record.region.code()))),
        field("value", Cells::UInt(|r| Some(r.record.value))),
        field(
            "deadline",
            Cells::Text(|r| Some(Cow::Owned(r.record.deadline.to_string()))),
        ),
        field("stated_by", Cells::Text(|r| text(&r.record.stated_by))),
        field("stated_on", Cells::Date(|r| r.record.stated_on)),
        publisher,
        title,
        url,
        field("note", Cells::Text(|r| opt_text(&r.record.note))),
        derived(
            "deadline_end",
            means("The last day of `deadline`."),
            Cells::Date(|r| Some(r.record.deadline.last_day())),
        ),
    ]
};

/// Every field of a target is a column above.
#[rustfmt::skip]
const _: fn(&Target) = |Target { id: _, indicator: _, region: _, value: _, deadline: _, stated_by: _, stated_on: _, source: _, note: _ }| {};

/// The columns of `rankings`.
pub(crate) const RANKINGS: &[ColumnSpec<Ranking>] = &{
    let [publisher, title, url] = source_columns!(Ranking, |r| r.record.source.as_ref());
    [
        field("index", Cells::Text(|r| text(&r.record.index))),
        field("publisher", Cells::Text(|r| text(&r.record.publisher))),
        field(
            "period",
            Cells::Text(|r| Some(Cow::Owned(r.record.period.to_string()))),
        ),
        field("metric", Cells::Text(|r| text(&r.record.metric))),
        field("country", Cells::Text(|r| text(r.record.country.as_str()))),
        field("rank", Cells::UInt(|r| Some(r.record.rank))),
        field("out_of", Cells::UInt(|r| r.record.out_of)),
        publisher,
        title,
        url,
        field("note", Cells::Text(|r| opt_text(&r.record.note))),
    ]
};

/// Every field of a ranking is a column above.
#[rustfmt::skip]
const _: fn(&Ranking) = |Ranking { index: _, publisher: _, period: _, metric: _, country: _, rank: _, out_of: _, source: _, note: _ }| {};

/// The columns of `leads`.
pub(crate) const LEADS: &[ColumnSpec<Lead>] = &[
    company_id(),
    field("id", Cells::Text(|r| text(r.record.id.as_str()))),
    field(
        "counterparty",
        Cells::Text(|r| opt_text(&r.record.counterparty)),
    ),
    field(
        "counterparty_country",
        Cells::Countries(|r| Some(r.record.counterparty_country)),
    ),
    field(
        "identified_on",
        Cells::Date(|r| Some(r.record.identified_on)),
    ),
    field(
        "initiative",
        Cells::Repeated(|r| opt_slug(&r.record.initiative)),
    ),
    field(
        "estimated_value_usd",
        Cells::UInt(|r| r.record.estimated_value_usd),
    ),
    field("service", Cells::Words(|r| r.record.service.map(word))),
    field("stage", Cells::Words(|r| Some(word(r.record.stage)))),
    field("closed_on", Cells::Date(|r| r.record.closed_on)),
];

/// Every field of a lead is a column above.
#[rustfmt::skip]
const _: fn(&Lead) = |Lead { id: _, counterparty: _, counterparty_country: _, identified_on: _, initiative: _, estimated_value_usd: _, service: _, stage: _, closed_on: _ }| {};

/// The columns of `agreements`; `binding` is derived from the kind.
pub(crate) const AGREEMENTS: &[ColumnSpec<Agreement>] = &[
    company_id(),
    field("id", Cells::Text(|r| text(r.record.id.as_str()))),
    field("kind", Cells::Words(|r| Some(word(r.record.kind)))),
    field(
        "counterparty",
        Cells::Text(|r| text(&r.record.counterparty)),
    ),
    field(
        "counterparty_country",
        Cells::Countries(|r| Some(r.record.counterparty_country)),
    ),
    field("signed_on", Cells::Date(|r| Some(r.record.signed_on))),
    field(
        "initiative",
        Cells::Repeated(|r| opt_slug(&r.record.initiative)),
    ),
    field(
        "lead",
        Cells::Text(|r| opt_slug(&r.record.lead).map(Cow::Borrowed)),
    ),
    field("value_usd", Cells::UInt(|r| r.record.value_usd)),
    field("service", Cells::Words(|r| r.record.service.map(word))),
    field(
        "duration_months",
        Cells::UInt(|r| r.record.duration_months.map(u64::from)),
    ),
    field("status", Cells::Words(|r| Some(word(r.record.status)))),
    derived(
        "binding",
        means(
            "True when `kind` binds the parties (a contract, purchase order, framework \
             agreement, partnership or joint venture), false for an MoU or a letter of intent.",
        ),
        Cells::Bool(|r| Some(r.record.kind.is_binding())),
    ),
];

/// Every field of an agreement is a column above.
#[rustfmt::skip]
const _: fn(&Agreement) = |Agreement { id: _, kind: _, counterparty: _, counterparty_country: _, signed_on: _, initiative: _, lead: _, value_usd: _, service: _, duration_months: _, status: _ }| {};

/// The columns of `initiatives`; `fiscal_year` is derived from `starts_on`.
pub(crate) const INITIATIVES: &[ColumnSpec<Initiative>] = &{
    let [publisher, title, url] = source_columns!(Initiative, |r| r.record.source.as_ref());
    [
        field("id", Cells::Text(|r| text(r.record.id.as_str()))),
        field("name", Cells::Text(|r| text(&r.record.name))),
        field("kind", Cells::Words(|r| Some(word(r.record.kind)))),
        field(
            "host_event",
            Cells::Text(|r| opt_text(&r.record.host_event)),
        ),
        field(
            "organised_by",
            Cells::Text(|r| text(&r.record.organised_by)),
        ),
        field("country", Cells::Countries(|r| Some(r.record.country))),
        field("city", Cells::Text(|r| opt_text(&r.record.city))),
        field("starts_on", Cells::Date(|r| Some(r.record.starts_on))),
        field("ends_on", Cells::Date(|r| Some(r.record.ends_on))),
        field("status", Cells::Words(|r| Some(word(r.record.status)))),
        list(
            "target_markets",
            Cells::Text(|r| joined(&r.record.target_markets, |c| c.as_str())),
        ),
        field("public_cost_usd", Cells::UInt(|r| r.record.public_cost_usd)),
        publisher,
        title,
        url,
        field("note", Cells::Text(|r| opt_text(&r.record.note))),
        derived(
            "fiscal_year",
            means("The fiscal year (July to June) that contains `starts_on`."),
            Cells::FiscalYears(|r| Some(r.record.fiscal_year())),
        ),
    ]
};

/// Every field of an initiative is a column above, or a child table.
#[rustfmt::skip]
const _: fn(&Initiative) = |Initiative { id: _, name: _, kind: _, host_event: _, organised_by: _, country: _, city: _, starts_on: _, ends_on: _, status: _, target_markets: _, public_cost_usd: _, participants: _, headcounts: _, source: _, note: _ }| {};

/// The columns of `participants`.
pub(crate) const PARTICIPANTS: &[ColumnSpec<Participant>] = &[
    parent_id(Parent::Initiative),
    field("company", Cells::Text(|r| text(r.record.company.as_str()))),
    field("role", Cells::Words(|r| Some(word(r.record.role)))),
    field("subsidy_usd", Cells::UInt(|r| r.record.subsidy_usd)),
];

/// Every field of a participant is a column above.
#[rustfmt::skip]
const _: fn(&Participant) = |Participant { company: _, role: _, subsidy_usd: _ }| {};

/// The columns of `headcounts`.
pub(crate) const HEADCOUNTS: &[ColumnSpec<Headcount>] = &{
    let [publisher, title, url] = source_columns!(Headcount, |r| r.record.source.as_ref());
    [
        parent_id(Parent::Initiative),
        field("metric", Cells::Words(|r| Some(word(r.record.metric)))),
        field("value", Cells::UInt(|r| Some(r.record.value))),
        field("reported_by", Cells::Text(|r| text(&r.record.reported_by))),
        publisher,
        title,
        url,
    ]
};

/// Every field of a headcount is a column above.
#[rustfmt::skip]
const _: fn(&Headcount) = |Headcount { metric: _, value: _, reported_by: _, source: _ }| {};

/// The columns of `claims`.
pub(crate) const CLAIMS: &[ColumnSpec<Claim>] = &{
    let [publisher, title, url] = source_columns!(Claim, |r| Some(&r.record.source));
    [
        field("id", Cells::Text(|r| text(r.record.id.as_str()))),
        field("metric", Cells::Words(|r| Some(word(r.record.metric)))),
        field("value", Cells::UInt(|r| Some(r.record.value))),
        field(
            "initiative",
            Cells::Repeated(|r| opt_slug(&r.record.initiative)),
        ),
        field(
            "period",
            Cells::Text(|r| r.record.period.map(|p| Cow::Owned(p.to_string()))),
        ),
        field("claimed_by", Cells::Text(|r| text(&r.record.claimed_by))),
        field("claimed_on", Cells::Date(|r| r.record.claimed_on)),
        publisher,
        title,
        url,
        field("note", Cells::Text(|r| opt_text(&r.record.note))),
    ]
};

/// Every field of a claim is a column above.
#[rustfmt::skip]
const _: fn(&Claim) = |Claim { id: _, metric: _, value: _, initiative: _, period: _, claimed_by: _, claimed_on: _, source: _, note: _ }| {};

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Service;

    #[test]
    fn lists_are_joined_in_order() {
        let words = |list: &[Service]| joined(list, |s| s.as_str());
        assert_eq!(words(&[]), None);
        assert_eq!(
            words(&[Service::Fintech, Service::Bpo]).as_deref(),
            Some("fintech;bpo")
        );
        assert_eq!(words(&[Service::Gaming]).as_deref(), Some("gaming"));
    }

    #[test]
    fn every_table_lays_out_its_columns_with_unique_names() {
        for &table in TableName::ALL {
            let layout = table.layout();
            let mut names: Vec<&str> = layout.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), layout.len(), "{table}");
            let parents = layout
                .iter()
                .filter(|c| matches!(c.source, Origin::Parent(_)))
                .count();
            assert_eq!(
                parents,
                usize::from(table.is_child()),
                "{table}: one parent column, first"
            );
            if let Some(parent) = table.parent() {
                assert_eq!(layout[0].name, parent.column(), "{table}");
                assert!(
                    !parent.table().is_child(),
                    "{table}: a parent is a top-level table"
                );
            }
        }
    }
}
