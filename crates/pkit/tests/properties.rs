//! Property tests (proptest): arbitrary valid registries round-trip losslessly through JSON and
//! CSV; arbitrary mutations of a valid document never panic, every reported path resolves in
//! the mutated document, and validation is deterministic.
//!
//! The valid registries come from typed strategies over the model that respect the spec's
//! rules (unicode texts up to their length limits, leap days, every period form, optional
//! fields absent, `null` or present, identifiers and records kept unique, export periods kept
//! apart), and from `pkit::generate::synthetic` with arbitrary seeds and sizes.
//!
//! The default case counts keep this file at a few seconds in a debug `cargo test`;
//! `PROPTEST_CASES=2000 cargo test -p pkit --test pkit properties` explores further. A failure
//! is written by proptest to `tests/properties.proptest-regressions` and replayed first on every
//! later run; commit that file with the fix.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use pkit::model::{
    AgreementKind, AgreementStatus, Appraisal, AwardResult, CertificationStatus, ClaimMetric,
    ExportService, HeadcountMetric, Indicator, InitiativeKind, InitiativeStatus, LeadStage,
    LegalForm, ParticipantRole, Program, Scheme, Service, Unit, APICTA_CATEGORIES,
};
use pkit::value::{Country, Date, Period, Subdivision};
use pkit::{Code, Registry};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

// ------------------------------------------------------------------------------ configuration

/// `cases` cases, or `PROPTEST_CASES` when set.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // Shrinking a document is slow in debug builds; a failure is still shrunk this far.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "pkit-prop-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

// ------------------------------------------------------------------------------ leaf values

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A date in `lo..=hi` (`lo <= hi`), often a 29 February or an edge of the range.
fn date_in(lo: Date, hi: Date) -> BoxedStrategy<Date> {
    let span = lo.days_until(hi).max(0);
    let leap_days: Vec<Date> = (lo.year()..=hi.year())
        .filter_map(|y| Date::new(y, 2, 29))
        .filter(|x| *x >= lo && *x <= hi)
        .collect();
    let uniform = (0..=span).prop_map(move |n| lo.add_days(n));
    if leap_days.is_empty() {
        prop_oneof![8 => uniform, 1 => Just(lo), 1 => Just(hi)].boxed()
    } else {
        prop_oneof![6 => uniform, 2 => select(leap_days), 1 => Just(lo), 1 => Just(hi)].boxed()
    }
}

fn is_text_control(c: char) -> bool {
    c <= '\u{1f}' || c == '\u{7f}'
}

/// A character allowed in text (SPEC §1.1): no control character except, where `newlines`,
/// a line feed. C1 controls, U+2028 and every other scalar value are allowed.
fn text_char(newlines: bool) -> impl Strategy<Value = char> {
    let awkward = vec![
        ' ', '"', '\\', ',', ';', '\'', 'é', 'ß', '😀', 'ک', '\u{2028}', '\u{85}', '\u{a0}',
        '\u{feff}', '\u{3000}', '\u{200b}', '\u{fffd}',
    ];
    let newline = if newlines { '\n' } else { ' ' };
    prop_oneof![
        6 => proptest::char::range(' ', '~'),
        // Mapped, not filtered: filters count rejections across a whole run, and a long run
        // (PROPTEST_CASES=2500) hit proptest's limit of 65,536.
        2 => any::<char>().prop_map(|c| if is_text_control(c) { '\u{fffd}' } else { c }),
        2 => select(awkward),
        1 => Just(newline),
    ]
}

/// A text of 1..=`max` characters, not blank; a fifth of them exactly `max` long.
fn text(max: usize, newlines: bool) -> BoxedStrategy<String> {
    let chars = prop_oneof![
        4 => vec(text_char(newlines), 1..=max.min(20)),
        1 => vec(text_char(newlines), max..=max),
    ];
    chars
        .prop_map(|cs| {
            let s: String = cs.into_iter().collect();
            if s.trim().is_empty() {
                // Keep the length: replace the first character.
                std::iter::once('x').chain(s.chars().skip(1)).collect()
            } else {
                s
            }
        })
        .boxed()
}

/// A slug (ids): `^[a-z0-9]+(-[a-z0-9]+)*$`, up to 64 characters.
fn slug() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[a-z0-9]{1,10}(-[a-z0-9]{1,6}){0,3}",
        1 => "[a-z0-9]{64}",
        1 => "[a-z0-9]{31}-[a-z0-9]{32}",
    ]
    .boxed()
}

/// A key (award categories): `^[a-z0-9]+(_[a-z0-9]+)*$`, up to 64 characters.
fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(APICTA_CATEGORIES).prop_map(str::to_owned),
        2 => "[a-z0-9]{1,10}(_[a-z0-9]{1,6}){0,3}",
        1 => "[a-z0-9]{64}",
    ]
    .boxed()
}

fn country() -> BoxedStrategy<String> {
    let all: Vec<String> = Country::all().map(|c| c.as_str().to_owned()).collect();
    prop_oneof![3 => select(all), 1 => Just("PK".to_owned())].boxed()
}

fn foreign_country() -> BoxedStrategy<String> {
    let all: Vec<String> = Country::all()
        .filter(|c| *c != Country::PAKISTAN)
        .map(|c| c.as_str().to_owned())
        .collect();
    select(all).boxed()
}

fn subdivision() -> BoxedStrategy<String> {
    select(
        Subdivision::ALL
            .iter()
            .map(|s| s.code().to_owned())
            .collect::<Vec<_>>(),
    )
    .boxed()
}

/// A region or country: `PK`, a subdivision or any country.
fn region_or_country() -> BoxedStrategy<String> {
    prop_oneof![Just("PK".to_owned()), subdivision(), country()].boxed()
}

fn url() -> BoxedStrategy<String> {
    prop_oneof![
        6 => "https?://[a-z0-9]{1,12}\\.example\\.pk(/[a-z0-9._~-]{0,12}){0,3}(\\?[a-z]=[0-9]{1,3})?",
        1 => Just("HTTPS://Example.COM/Path?q=1#frag".to_owned()),
        1 => Just("http://127.0.0.1:8080/".to_owned()),
        1 => Just(format!("https://e.pk/{}", "a".repeat(2048 - 13))),
    ]
    .boxed()
}

fn email() -> BoxedStrategy<String> {
    prop_oneof![
        6 => "[a-z0-9._%+-]{1,16}@[a-z0-9-]{1,12}\\.[a-z]{2,6}",
        1 => Just(format!("{}@example.pk", "a".repeat(254 - 11))),
    ]
    .boxed()
}

/// ISO 7064 MOD 97-10 of an alphanumeric string (letters count as 10..=35).
fn mod97(s: &str) -> u32 {
    s.chars().fold(0, |acc, c| {
        let v = c.to_digit(36).unwrap();
        if v >= 10 {
            (acc * 100 + v) % 97
        } else {
            (acc * 10 + v) % 97
        }
    })
}

fn lei() -> BoxedStrategy<String> {
    "[A-Z0-9]{18}"
        .prop_map(|base| {
            let check = 98 - mod97(&format!("{base}00"));
            format!("{base}{check:02}")
        })
        .boxed()
}

fn enum_str<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
    f: fn(T) -> &'static str,
) -> BoxedStrategy<String> {
    select(all).prop_map(move |v| f(v).to_owned()).boxed()
}

/// A period of one of `forms` (indexes into [FY, FQ, month, year, quarter]) that contains `day`
/// and lies within 1900..=2100; a month when the chosen form would leave that range.
fn period_containing(day: Date, form: usize) -> Period {
    let (y, m) = (day.year(), u8::try_from(day.month()).unwrap());
    let fy = if m >= 7 { y } else { y - 1 };
    let fq = match m {
        7..=9 => 1,
        10..=12 => 2,
        1..=3 => 3,
        _ => 4,
    };
    let p = match form {
        0 => Period::FiscalYear(fy),
        1 => Period::FiscalQuarter(fy, fq),
        2 => Period::Month(y, m),
        3 => Period::Year(y),
        _ => Period::Quarter(y, (m - 1) / 3 + 1),
    };
    if p.first_day() >= Date::MIN && p.last_day() <= Date::MAX {
        p
    } else {
        Period::Month(y, m)
    }
}

/// A period of one of `forms` that starts on or before `as_of` and does not end before `from`.
fn period(from: Date, as_of: Date, forms: &'static [usize]) -> BoxedStrategy<Period> {
    (date_in(from, as_of), select(forms))
        .prop_map(|(day, form)| period_containing(day, form))
        .boxed()
}

/// Optional values: absent, `null`, or present.
#[derive(Debug, Clone)]
struct Obj(Map<String, Value>);

impl Obj {
    fn new() -> Obj {
        Obj(Map::new())
    }

    fn set(mut self, key: &str, value: impl Into<Value>) -> Obj {
        self.0.insert(key.to_owned(), value.into());
        self
    }

    /// `None` is left out, or written as `null` when `nulls` (the same to the spec).
    fn opt(mut self, key: &str, value: Option<impl Into<Value>>, nulls: bool) -> Obj {
        match value {
            Some(v) => {
                self.0.insert(key.to_owned(), v.into());
            }
            None if nulls => {
                self.0.insert(key.to_owned(), Value::Null);
            }
            None => {}
        }
        self
    }

    fn value(self) -> Value {
        Value::Object(self.0)
    }
}

// ------------------------------------------------------------------------------ records

fn source(nulls: bool) -> BoxedStrategy<Value> {
    (
        text(200, false),
        proptest::option::of(text(500, false)),
        proptest::option::of(url()),
    )
        .prop_map(move |(publisher, title, url)| {
            Obj::new()
                .set("publisher", publisher)
                .opt("title", title, nulls)
                .opt("url", url, nulls)
                .value()
        })
        .boxed()
}

fn office(founded: Option<Date>, as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    let from = founded.unwrap_or(Date::MIN);
    (
        foreign_country(),
        text(100, false),
        proptest::option::of(date_in(from, as_of)),
    )
        .prop_map(move |(country, city, opened_on)| {
            Obj::new()
                .set("country", country)
                .set("city", city)
                .opt("opened_on", opened_on.map(|x| x.to_string()), nulls)
                .value()
        })
        .boxed()
}

/// A certification, or `None` when none can be valid: `expires_on` must come after
/// `issued_on`, in 2100 at the latest, and `issued_on` not before the founding.
fn certification(founded: Option<Date>, as_of: Date, nulls: bool) -> BoxedStrategy<Option<Value>> {
    let from = founded.unwrap_or(Date::MIN);
    let to = as_of.min(Date::MAX.add_days(-1));
    if from > to {
        return Just(None).boxed();
    }
    (select(Scheme::ALL), date_in(from, to))
        .prop_flat_map(move |(scheme, issued)| {
            let latest = issued.add_years(scheme.max_validity_years()).min(Date::MAX);
            let cmmi = scheme == Scheme::Cmmi;
            (
                (
                    Just(scheme),
                    select(scheme.editions()),
                    if cmmi {
                        (2u8..=5).prop_map(Some).boxed()
                    } else {
                        Just(None).boxed()
                    },
                    if cmmi {
                        proptest::option::of(select(Appraisal::ALL)).boxed()
                    } else {
                        Just(None).boxed()
                    },
                ),
                (
                    proptest::option::of(text(60, false)),
                    text(200, false),
                    proptest::option::of(text(200, false)),
                    Just(issued),
                    date_in(issued.add_days(1), latest),
                    proptest::option::of(select(CertificationStatus::ALL)),
                    proptest::option::of(text(2000, true)),
                ),
            )
        })
        .prop_map(
            move |(
                (scheme, edition, level, appraisal),
                (number, issuer, accredited_by, issued, expires, status, scope),
            )| {
                Obj::new()
                    .set("scheme", scheme.as_str())
                    .set("edition", edition)
                    .opt("level", level, nulls)
                    .opt("appraisal", appraisal.map(Appraisal::as_str), nulls)
                    .opt("certificate_number", number, nulls)
                    .set("issuer", issuer)
                    .opt("accredited_by", accredited_by, nulls)
                    .set("issued_on", issued.to_string())
                    .set("expires_on", expires.to_string())
                    .opt("status", status.map(CertificationStatus::as_str), nulls)
                    .opt("scope", scope, nulls)
                    .value()
            },
        )
        .prop_map(Some)
        .boxed()
}

/// An award, or `None` when no year is possible (an `as_of` before 1950 or the founding year
/// after `as_of`'s year cannot happen, but the program's first year can be later).
fn award(founded: Option<Date>, as_of: Date, nulls: bool) -> BoxedStrategy<Option<Value>> {
    let floor = founded.map_or(1950, |f| f.year()).max(1950);
    let last = as_of.year();
    select(Program::ALL)
        .prop_flat_map(move |program| {
            let lo = floor.max(i32::from(program.first_year()));
            let (program, lo) = if lo <= last {
                (program, lo)
            } else {
                (Program::Other, floor)
            };
            (
                Just(program),
                lo..=last.max(lo),
                if program == Program::Other {
                    text(200, false).prop_map(Some).boxed()
                } else {
                    proptest::option::of(text(200, false)).boxed()
                },
                key(),
                select(AwardResult::ALL),
                text(200, false),
                proptest::option::of(country()),
            )
        })
        .prop_map(
            move |(program, year, name, category, result, entry, host)| {
                (year <= last).then(|| {
                    Obj::new()
                        .set("program", program.as_str())
                        .opt("program_name", name, nulls)
                        .set("year", year)
                        .set("category", category)
                        .set("result", result.as_str())
                        .set("entry", entry)
                        .opt("host_country", host, nulls)
                        .value()
                })
            },
        )
        .boxed()
}

/// The export period forms: fiscal year, fiscal quarter, month.
const EXPORT_FORMS: &[usize] = &[0, 1, 2];
const ALL_FORMS: &[usize] = &[0, 1, 2, 3, 4];
const RANKING_FORMS: &[usize] = &[0, 2, 3, 4];

fn amount() -> BoxedStrategy<u64> {
    prop_oneof![
        3 => 0u64..=1_000_000_000,
        1 => Just(10_000_000_000_000),
        1 => Just(0),
        1 => 0u64..=10_000_000_000_000,
    ]
    .boxed()
}

/// An export record as (period, value): the period is kept to drop overlaps later.
fn export(founded: Option<Date>, as_of: Date, nulls: bool) -> BoxedStrategy<(Period, Value)> {
    let from = founded.unwrap_or(Date::MIN);
    (
        period(from, as_of, EXPORT_FORMS),
        amount(),
        proptest::option::of(country()),
        proptest::option::of(select(ExportService::ALL)),
    )
        .prop_map(move |(period, amount, market, service)| {
            let value = Obj::new()
                .set("period", period.to_string())
                .set("amount_usd", amount)
                .opt("market", market, nulls)
                .opt("service", service.map(ExportService::as_str), nulls)
                .value();
            (period, value)
        })
        .boxed()
}

fn company(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    proptest::option::of(date_in(Date::MIN, as_of))
        .prop_flat_map(move |founded| {
            (
                (
                    slug(),
                    text(200, false),
                    proptest::option::of(text(200, false)),
                    enum_str(LegalForm::ALL, LegalForm::as_str),
                    (
                        proptest::option::of("[0-9]{7}(-[0-9])?"),
                        proptest::option::of("[0-9]{5,10}"),
                        proptest::option::of(lei()),
                        proptest::option::of(text(40, false)),
                    ),
                    Just(founded),
                    (text(100, false), subdivision()),
                ),
                (
                    proptest::option::of(url()),
                    proptest::option::of(email()),
                    proptest::option::of(prop_oneof![0u64..=1_000_000, Just(1_000_000)]),
                    vec(select(Service::ALL), 0..5),
                    vec(office(founded, as_of, nulls), 0..3),
                    vec(certification(founded, as_of, nulls), 0..3),
                    vec(award(founded, as_of, nulls), 0..3),
                    vec(export(founded, as_of, nulls), 0..6),
                ),
            )
        })
        .prop_map(
            move |(
                (
                    id,
                    legal_name,
                    trade_name,
                    legal_form,
                    (ntn, cuin, lei, pseb),
                    founded,
                    (city, region),
                ),
                (website, email, employees, services, offices, certs, awards, exports),
            )| {
                let identifiers = Obj::new()
                    .opt("ntn", ntn, nulls)
                    .opt("cuin", cuin, nulls)
                    .opt("lei", lei, nulls)
                    .opt("pseb", pseb, nulls);
                let mut seen = HashSet::new();
                let services: Vec<&str> = services
                    .into_iter()
                    .filter(|s| seen.insert(*s))
                    .map(Service::as_str)
                    .collect();
                let list = |v: Vec<Value>| (!v.is_empty()).then_some(Value::Array(v));
                Obj::new()
                    .set("id", id)
                    .set("legal_name", legal_name)
                    .opt("trade_name", trade_name, nulls)
                    .set("legal_form", legal_form)
                    .opt(
                        "identifiers",
                        (!identifiers.0.is_empty()).then(|| identifiers.value()),
                        nulls,
                    )
                    .opt("founded_on", founded.map(|x| x.to_string()), nulls)
                    .set("headquarters", json!({"city": city, "region": region}))
                    .opt("website", website, nulls)
                    .opt("email", email, nulls)
                    .opt("employees", employees, nulls)
                    .opt(
                        "services",
                        list(services.into_iter().map(Value::from).collect()),
                        nulls,
                    )
                    .opt("offices", list(offices), nulls)
                    .opt(
                        "certifications",
                        list(certs.into_iter().flatten().collect()),
                        nulls,
                    )
                    .opt(
                        "awards",
                        list(awards.into_iter().flatten().collect()),
                        nulls,
                    )
                    .opt("exports", list(distinct_exports(exports)), nulls)
                    .value()
            },
        )
        .boxed()
}

/// Drops export records that repeat or overlap an earlier one of the same market and service.
fn distinct_exports(exports: Vec<(Period, Value)>) -> Vec<Value> {
    let mut kept: Vec<(Period, Value)> = Vec::new();
    for (period, value) in exports {
        let group = |v: &Value| (v.get("market").cloned(), v.get("service").cloned());
        let norm = |x: (Option<Value>, Option<Value>)| {
            (x.0.filter(|v| !v.is_null()), x.1.filter(|v| !v.is_null()))
        };
        let clash = kept
            .iter()
            .any(|(p, v)| norm(group(v)) == norm(group(&value)) && p.overlaps(period));
        if !clash {
            kept.push((period, value));
        }
    }
    kept.into_iter().map(|(_, v)| v).collect()
}

fn indicator_value(indicator: Indicator) -> BoxedStrategy<u64> {
    let max = indicator.unit().max();
    prop_oneof![3 => 0..=max.min(1_000_000_000), 1 => Just(max), 1 => 0..=max].boxed()
}

fn observation(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    select(Indicator::ALL)
        .prop_flat_map(move |indicator| {
            (
                Just(indicator),
                proptest::option::of(region_or_country()),
                period(Date::MIN, as_of, ALL_FORMS),
                indicator_value(indicator),
                source(nulls),
                proptest::option::of(date_in(Date::MIN, as_of)),
                proptest::option::of(text(2000, true)),
            )
        })
        .prop_map(
            move |(indicator, region, period, value, source, published_on, note)| {
                Obj::new()
                    .set("indicator", indicator.as_str())
                    .opt("region", region, nulls)
                    .set("period", period.to_string())
                    .set("value", value)
                    .set("source", source)
                    .opt("published_on", published_on.map(|x| x.to_string()), nulls)
                    .opt("note", note, nulls)
                    .value()
            },
        )
        .boxed()
}

fn target(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    (
        select(Indicator::ALL),
        prop_oneof![
            (1900i32..=2099).prop_map(Period::FiscalYear),
            (1900i32..=2100).prop_map(Period::Year),
        ],
    )
        .prop_flat_map(move |(indicator, deadline)| {
            let stated_to = as_of.min(deadline.last_day());
            (
                (
                    Just(indicator),
                    slug(),
                    proptest::option::of(region_or_country()),
                ),
                (1..=indicator.unit().max()),
                Just(deadline),
                text(200, false),
                proptest::option::of(date_in(Date::MIN, stated_to)),
                proptest::option::of(source(nulls)),
                proptest::option::of(text(2000, true)),
            )
        })
        .prop_map(
            move |(
                (indicator, id, region),
                value,
                deadline,
                stated_by,
                stated_on,
                source,
                note,
            )| {
                Obj::new()
                    .set("id", id)
                    .set("indicator", indicator.as_str())
                    .opt("region", region, nulls)
                    .set("value", value)
                    .set("deadline", deadline.to_string())
                    .set("stated_by", stated_by)
                    .opt("stated_on", stated_on.map(|x| x.to_string()), nulls)
                    .opt("source", source, nulls)
                    .opt("note", note, nulls)
                    .value()
            },
        )
        .boxed()
}

fn ranking(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    prop_oneof![3 => 1u64..=200, 1 => 1u64..=u64::MAX, 1 => Just(u64::MAX)]
        .prop_flat_map(move |rank| {
            (
                (
                    text(200, false),
                    text(200, false),
                    period(Date::MIN, as_of, RANKING_FORMS),
                ),
                text(200, false),
                proptest::option::of(country()),
                Just(rank),
                proptest::option::of(prop_oneof![Just(rank), rank..=u64::MAX]),
                proptest::option::of(source(nulls)),
                proptest::option::of(text(2000, true)),
            )
        })
        .prop_map(
            move |((index, publisher, period), metric, country, rank, out_of, source, note)| {
                Obj::new()
                    .set("index", index)
                    .set("publisher", publisher)
                    .set("period", period.to_string())
                    .set("metric", metric)
                    .opt("country", country, nulls)
                    .set("rank", rank)
                    .opt("out_of", out_of, nulls)
                    .opt("source", source, nulls)
                    .opt("note", note, nulls)
                    .value()
            },
        )
        .boxed()
}

// ------------------------------------------------------------------------------ promotion

/// An initiative; its participants name no company yet (`link_promotion` chooses them).
fn initiative(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    let status = proptest::option::of(select(InitiativeStatus::ALL));
    (status, select(InitiativeKind::ALL), 0i64..=30)
        .prop_flat_map(move |(status, kind, days)| {
            let held = status.is_none_or(|s| s == InitiativeStatus::Held);
            let latest = if held { as_of } else { Date::MAX };
            let starts = date_in(Date::MIN, latest.min(Date::MAX.add_days(-days)));
            (
                (Just(status), Just(kind), Just(days), starts, slug()),
                (
                    text(200, false),
                    proptest::option::of(text(200, false)),
                    text(200, false),
                    country(),
                    proptest::option::of(text(100, false)),
                    vec(country(), 0..4),
                ),
                (
                    proptest::option::of(amount()),
                    vec(
                        (
                            proptest::option::of(select(ParticipantRole::ALL)),
                            proptest::option::of(0u64..=5_000),
                        ),
                        0..4,
                    ),
                    vec(
                        (
                            select(HeadcountMetric::ALL),
                            prop_oneof![0u64..=1_000, Just(Unit::Count.max())],
                            text(200, false),
                            proptest::option::of(source(nulls)),
                        ),
                        0..4,
                    ),
                    proptest::option::of(source(nulls)),
                    proptest::option::of(text(2000, true)),
                ),
            )
        })
        .prop_map(
            move |(
                (status, kind, days, starts, id),
                (name, host, organised_by, country, city, markets),
                (cost, participants, headcounts, source, note),
            )| {
                let host = if kind == InitiativeKind::Pavilion {
                    Some(host.unwrap_or_else(|| "GITEX Global".to_owned()))
                } else {
                    host
                };
                let mut seen = HashSet::new();
                let markets: Vec<Value> = markets
                    .into_iter()
                    .filter(|m| seen.insert(m.clone()))
                    .map(Value::from)
                    .collect();
                let subsidies: u64 = participants.iter().filter_map(|p| p.1).sum();
                let cost = cost.map(|c| c.max(subsidies));
                let participants: Vec<Value> = participants
                    .into_iter()
                    .map(|(role, subsidy)| {
                        Obj::new()
                            .set("company", "?")
                            .opt("role", role.map(ParticipantRole::as_str), nulls)
                            .opt("subsidy_usd", subsidy, nulls)
                            .value()
                    })
                    .collect();
                let mut reported = HashSet::new();
                let headcounts: Vec<Value> = headcounts
                    .into_iter()
                    .filter(|(metric, _, by, _)| reported.insert((*metric, by.clone())))
                    .map(|(metric, value, by, source)| {
                        Obj::new()
                            .set("metric", metric.as_str())
                            .set("value", value)
                            .set("reported_by", by)
                            .opt("source", source, nulls)
                            .value()
                    })
                    .collect();
                let list = |v: Vec<Value>| (!v.is_empty()).then_some(Value::Array(v));
                Obj::new()
                    .set("id", id)
                    .set("name", name)
                    .set("kind", kind.as_str())
                    .opt("host_event", host, nulls)
                    .set("organised_by", organised_by)
                    .set("country", country)
                    .opt("city", city, nulls)
                    .set("starts_on", starts.to_string())
                    .set("ends_on", starts.add_days(days).to_string())
                    .opt("status", status.map(InitiativeStatus::as_str), nulls)
                    .opt("target_markets", list(markets), nulls)
                    .opt("public_cost_usd", cost, nulls)
                    .opt("participants", list(participants), nulls)
                    .opt("headcounts", list(headcounts), nulls)
                    .opt("source", source, nulls)
                    .opt("note", note, nulls)
                    .value()
            },
        )
        .boxed()
}

/// A lead of no company yet; `link_promotion` gives it to one and moves its dates to the
/// company's founding when they are earlier.
fn lead(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    date_in(Date::MIN, as_of)
        .prop_flat_map(move |identified| {
            (
                (
                    slug(),
                    proptest::option::of(text(200, false)),
                    foreign_country(),
                ),
                Just(identified),
                proptest::option::of(amount()),
                proptest::option::of(select(ExportService::ALL)),
                proptest::option::of(select(LeadStage::ALL)),
                proptest::option::of(date_in(identified, as_of)),
            )
        })
        .prop_map(
            move |((id, counterparty, country), identified, value, service, stage, closed)| {
                let closed = closed.filter(|_| stage.is_some_and(|s| s != LeadStage::Open));
                Obj::new()
                    .set("id", id)
                    .opt("counterparty", counterparty, nulls)
                    .set("counterparty_country", country)
                    .set("identified_on", identified.to_string())
                    .opt("estimated_value_usd", value, nulls)
                    .opt("service", service.map(ExportService::as_str), nulls)
                    .opt("stage", stage.map(LeadStage::as_str), nulls)
                    .opt("closed_on", closed.map(|d| d.to_string()), nulls)
                    .value()
            },
        )
        .boxed()
}

/// An agreement of no company yet (see [`lead`]); values only on binding kinds.
fn agreement(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    (
        (
            slug(),
            select(AgreementKind::ALL),
            text(200, false),
            foreign_country(),
        ),
        date_in(Date::MIN, as_of),
        proptest::option::of(amount()),
        proptest::option::of(select(ExportService::ALL)),
        proptest::option::of(prop_oneof![1u64..=120, Just(1), Just(120)]),
        proptest::option::of(select(AgreementStatus::ALL)),
    )
        .prop_map(
            move |((id, kind, counterparty, country), signed, value, service, months, status)| {
                Obj::new()
                    .set("id", id)
                    .set("kind", kind.as_str())
                    .set("counterparty", counterparty)
                    .set("counterparty_country", country)
                    .set("signed_on", signed.to_string())
                    .opt("value_usd", value.filter(|_| kind.is_binding()), nulls)
                    .opt("service", service.map(ExportService::as_str), nulls)
                    .opt("duration_months", months, nulls)
                    .opt("status", status.map(AgreementStatus::as_str), nulls)
                    .value()
            },
        )
        .boxed()
}

/// A claim about a period (`link_promotion` may name an initiative too).
fn claim(as_of: Date, nulls: bool) -> BoxedStrategy<Value> {
    select(ClaimMetric::ALL)
        .prop_flat_map(move |metric| {
            (
                (Just(metric), slug(), 0..=metric.unit().max()),
                (1900..=as_of.year(), any::<bool>()).prop_map(move |(y, fiscal)| {
                    match Date::new(y, 7, 1) {
                        Some(first) if fiscal && first <= as_of && y < 2100 => {
                            Period::FiscalYear(y)
                        }
                        _ => Period::Year(y),
                    }
                }),
                text(200, false),
                proptest::option::of(date_in(Date::MIN, as_of)),
                source(nulls),
                proptest::option::of(text(2000, true)),
            )
        })
        .prop_map(
            move |((metric, id, value), period, claimed_by, claimed_on, source, note)| {
                Obj::new()
                    .set("id", id)
                    .set("metric", metric.as_str())
                    .set("value", value)
                    .set("period", period.to_string())
                    .set("claimed_by", claimed_by)
                    .opt("claimed_on", claimed_on.map(|d| d.to_string()), nulls)
                    .set("source", source)
                    .opt("note", note, nulls)
                    .value()
            },
        )
        .boxed()
}

fn date_of(v: &Value, key: &str) -> Option<Date> {
    v.get(key)?.as_str()?.parse().ok()
}

/// Ties the promotion records to the document as the rules require: initiative and claim ids
/// made unique; participants given to companies founded by the initiative's end (each once);
/// leads and agreements given to companies in turn, their dates moved to the founding when
/// earlier, their ids made unique within the company; every other lead credited to the first
/// held initiative whose attribution window holds it, every other agreement and office to the
/// first held initiative that began by then, every third agreement to the company's first
/// lead identified by its signing; every other claim about an initiative.
fn link_promotion(doc: &mut Value, leads: Vec<Value>, agreements: Vec<Value>) {
    let obj = doc.as_object_mut().unwrap();
    let mut ids = HashSet::new();
    for (i, init) in obj
        .get_mut("initiatives")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if !ids.insert(init["id"].as_str().unwrap().to_owned()) {
            init["id"] = json!(format!("i{i}"));
            ids.insert(format!("i{i}"));
        }
    }
    let initiatives: Vec<(String, bool, Date, Date)> = obj
        .get("initiatives")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|i| {
            let held = i
                .get("status")
                .and_then(Value::as_str)
                .is_none_or(|s| s == "held");
            let starts = date_of(i, "starts_on").unwrap();
            let ends = date_of(i, "ends_on").unwrap();
            (i["id"].as_str().unwrap().to_owned(), held, starts, ends)
        })
        .collect();
    let companies: Vec<(String, Option<Date>)> = obj
        .get("companies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_owned(),
                date_of(c, "founded_on"),
            )
        })
        .collect();
    for (k, init) in obj
        .get_mut("initiatives")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let ends = date_of(init, "ends_on").unwrap();
        let open: Vec<&String> = companies
            .iter()
            .filter(|(_, founded)| founded.is_none_or(|f| f <= ends))
            .map(|(id, _)| id)
            .collect();
        if let Some(list) = init.get_mut("participants").and_then(Value::as_array_mut) {
            list.truncate(open.len());
            for (j, p) in list.iter_mut().enumerate() {
                p["company"] = json!(open[(k + j) % open.len()]);
            }
            let mut seen = HashSet::new();
            list.retain(|p| seen.insert(p["company"].as_str().unwrap().to_owned()));
        }
    }
    let held_window = |day: Date| {
        initiatives.iter().find(|(_, held, starts, ends)| {
            *held && (starts.add_days(-30)..=ends.add_days(90)).contains(&day)
        })
    };
    let held_by = |day: Date| {
        initiatives
            .iter()
            .find(|(_, held, starts, _)| *held && *starts <= day)
    };
    let Some(list) = obj.get_mut("companies").and_then(Value::as_array_mut) else {
        return;
    };
    if list.is_empty() {
        return;
    }
    let n = list.len();
    let mut given: Vec<(Vec<Value>, Vec<Value>)> = vec![(Vec::new(), Vec::new()); n];
    // An id unique within its company: its own, or `{prefix}{m}` when the company has it.
    let mut taken: Vec<HashSet<String>> = vec![HashSet::new(); 2 * n];
    let mut unique = |record: &mut Value, slot: usize, prefix: &str, m: usize| {
        let id = record["id"].as_str().unwrap().to_owned();
        if !taken[slot].insert(id) {
            let mut k = m;
            while !taken[slot].insert(format!("{prefix}{k}")) {
                k += 1_000;
            }
            record["id"] = json!(format!("{prefix}{k}"));
        }
    };
    for (m, mut lead) in leads.into_iter().enumerate() {
        let founded = companies[m % n].1.unwrap_or(Date::MIN);
        let identified = date_of(&lead, "identified_on").unwrap().max(founded);
        lead["identified_on"] = json!(identified.to_string());
        if let Some(closed) = date_of(&lead, "closed_on") {
            lead["closed_on"] = json!(closed.max(identified).to_string());
        }
        unique(&mut lead, m % n, "l", m);
        if m % 2 == 0 {
            if let Some((id, ..)) = held_window(identified) {
                lead["initiative"] = json!(id);
            }
        }
        given[m % n].0.push(lead);
    }
    for (m, mut agreement) in agreements.into_iter().enumerate() {
        let founded = companies[m % n].1.unwrap_or(Date::MIN);
        let signed = date_of(&agreement, "signed_on").unwrap().max(founded);
        agreement["signed_on"] = json!(signed.to_string());
        unique(&mut agreement, n + m % n, "a", m);
        if m % 2 == 0 {
            if let Some((id, ..)) = held_by(signed) {
                agreement["initiative"] = json!(id);
            }
        }
        if m % 3 == 0 {
            let lead = given[m % n]
                .0
                .iter()
                .find(|l| date_of(l, "identified_on").is_some_and(|d| d <= signed));
            if let Some(lead) = lead {
                agreement["lead"] = lead["id"].clone();
            }
        }
        given[m % n].1.push(agreement);
    }
    for (c, (company, (leads, agreements))) in list.iter_mut().zip(given).enumerate() {
        let company = company.as_object_mut().unwrap();
        for office in company
            .get_mut("offices")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .skip(c % 2)
            .step_by(2)
        {
            if let Some((id, ..)) = date_of(office, "opened_on").and_then(held_by) {
                office["initiative"] = json!(id);
            }
        }
        if !leads.is_empty() {
            company.insert("leads".into(), Value::Array(leads));
        }
        if !agreements.is_empty() {
            company.insert("agreements".into(), Value::Array(agreements));
        }
    }
    let mut claim_ids = HashSet::new();
    for (k, claim) in obj
        .get_mut("claims")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if !claim_ids.insert(claim["id"].as_str().unwrap().to_owned()) {
            claim["id"] = json!(format!("c{k}"));
            claim_ids.insert(format!("c{k}"));
        }
        if k % 2 == 0 && !initiatives.is_empty() {
            claim["initiative"] = json!(initiatives[k % initiatives.len()].0);
        }
    }
}

/// Makes the records' identities unique as the spec requires: company and target ids,
/// identifiers, certificate numbers, awards, observation vintages.
fn make_unique(doc: &mut Value) {
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    if let Some(companies) = doc.get_mut("companies").and_then(Value::as_array_mut) {
        let mut ids = HashSet::new();
        let mut identifiers = HashSet::new();
        for (i, c) in companies.iter_mut().enumerate() {
            let id = str_of(c, "id").unwrap();
            if !ids.insert(id) {
                c["id"] = json!(format!("c{i}"));
                ids.insert(format!("c{i}"));
            }
            if let Some(idents) = c.get_mut("identifiers").and_then(Value::as_object_mut) {
                for k in ["ntn", "cuin", "lei"] {
                    if let Some(v) = idents.get(k).and_then(Value::as_str) {
                        let norm = if k == "ntn" {
                            v[..7].to_owned()
                        } else {
                            v.to_owned()
                        };
                        if !identifiers.insert((k, norm)) {
                            idents.remove(k);
                        }
                    }
                }
            }
            if let Some(certs) = c.get_mut("certifications").and_then(Value::as_array_mut) {
                let mut seen = HashSet::new();
                for cert in certs.iter_mut() {
                    if let Some(n) = str_of(cert, "certificate_number") {
                        let scheme = str_of(cert, "scheme").unwrap();
                        if !seen.insert((scheme, n.trim().to_ascii_lowercase())) {
                            cert.as_object_mut().unwrap().remove("certificate_number");
                        }
                    }
                }
            }
            if let Some(awards) = c.get_mut("awards").and_then(Value::as_array_mut) {
                let mut seen = HashSet::new();
                awards.retain(|a| {
                    seen.insert((
                        str_of(a, "program"),
                        a["year"].as_u64(),
                        str_of(a, "category"),
                        str_of(a, "entry"),
                    ))
                });
            }
        }
    }
    if let Some(observations) = doc.get_mut("observations").and_then(Value::as_array_mut) {
        // (indicator, region, period) → published_on dates seen (None for undated).
        let mut vintages: BTreeMap<(String, String, String), HashSet<Option<String>>> =
            BTreeMap::new();
        observations.retain(|o| {
            let region = str_of(o, "region").unwrap_or_else(|| "PK".to_owned());
            let group = (
                str_of(o, "indicator").unwrap(),
                region,
                str_of(o, "period").unwrap(),
            );
            vintages
                .entry(group)
                .or_default()
                .insert(str_of(o, "published_on"))
        });
    }
    if let Some(targets) = doc.get_mut("targets").and_then(Value::as_array_mut) {
        let mut ids = HashSet::new();
        for (i, t) in targets.iter_mut().enumerate() {
            if !ids.insert(str_of(t, "id").unwrap()) {
                t["id"] = json!(format!("t{i}"));
                ids.insert(format!("t{i}"));
            }
        }
    }
}

/// An arbitrary valid registry document, as JSON.
fn valid_document() -> BoxedStrategy<Value> {
    let as_of = prop_oneof![
        4 => date_in(d(1990, 1, 1), Date::MAX),
        1 => date_in(Date::MIN, Date::MAX),
        1 => select(vec![d(2024, 2, 29), d(2000, 2, 29), Date::MAX, d(2026, 1, 31)]),
    ];
    (as_of, any::<bool>(), any::<bool>())
        .prop_flat_map(|(as_of, nulls, with_schema)| {
            (
                Just(as_of),
                Just(nulls),
                Just(with_schema),
                vec(company(as_of, nulls), 0..4),
                vec(observation(as_of, nulls), 0..4),
                vec(target(as_of, nulls), 0..3),
                vec(ranking(as_of, nulls), 0..3),
                (
                    vec(initiative(as_of, nulls), 0..3),
                    vec(lead(as_of, nulls), 0..5),
                    vec(agreement(as_of, nulls), 0..5),
                    vec(claim(as_of, nulls), 0..3),
                ),
            )
        })
        .prop_map(
            |(
                as_of,
                nulls,
                with_schema,
                companies,
                observations,
                targets,
                rankings,
                (initiatives, leads, agreements, claims),
            )| {
                let list = |v: Vec<Value>| (!v.is_empty()).then_some(Value::Array(v));
                let mut doc = Obj::new()
                    .opt(
                        "$schema",
                        with_schema.then_some("https://example.pk/registry.schema.json"),
                        false,
                    )
                    .set("schema_version", 1)
                    .set("as_of", as_of.to_string())
                    .opt("companies", list(companies), nulls)
                    .opt("observations", list(observations), nulls)
                    .opt("targets", list(targets), nulls)
                    .opt("rankings", list(rankings), nulls)
                    .opt("initiatives", list(initiatives), nulls)
                    .opt("claims", list(claims), nulls)
                    .value();
                make_unique(&mut doc);
                link_promotion(&mut doc, leads, agreements);
                doc
            },
        )
        .boxed()
}

// ------------------------------------------------------------------------------ round trips

fn csv_round_trip(registry: &Registry) -> Result<(), TestCaseError> {
    let tmp = TempDir::new();
    registry.to_csv_dir(&tmp.0).unwrap();
    let back = Registry::from_csv_dir(&tmp.0);
    prop_assert!(back.is_ok(), "the CSV form does not load: {:?}", back.err());
    let back = back.unwrap();
    prop_assert_eq!(&back, registry);
    prop_assert_eq!(back.to_json(), registry.to_json());
    Ok(())
}

fn json_round_trip(registry: &Registry) -> Result<(), TestCaseError> {
    for text in [registry.to_json(), registry.to_json_pretty()] {
        let back = Registry::from_json(&text);
        prop_assert!(
            back.is_ok(),
            "to_json does not load: {:?}\n{text}",
            back.err()
        );
        let back = back.unwrap();
        prop_assert_eq!(&back, registry);
        prop_assert_eq!(
            crate::roundtrip::unplaced(back.warnings()),
            crate::roundtrip::unplaced(registry.warnings())
        );
        prop_assert_eq!(back.to_json(), registry.to_json());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    /// A document built by the spec's rules is valid, and its registry round-trips.
    #[test]
    fn valid_documents_load_and_round_trip_through_json(doc in valid_document()) {
        let text = serde_json::to_string(&doc).unwrap();
        let report = pkit::validate(&text);
        prop_assert!(report.is_valid(), "{report}\n{text}");
        let registry = Registry::from_json(&text).unwrap();
        prop_assert_eq!(registry.warnings(), report.issues());
        json_round_trip(&registry)?;
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn valid_documents_round_trip_through_csv(doc in valid_document()) {
        let registry = Registry::from_json(&serde_json::to_string(&doc).unwrap()).unwrap();
        csv_round_trip(&registry)?;
    }

    #[test]
    fn generated_registries_round_trip(companies in 0usize..6, seed in any::<u64>()) {
        let registry = pkit::generate::synthetic(companies, seed);
        prop_assert!(pkit::validate(&registry.to_json()).is_empty());
        json_round_trip(&registry)?;
        csv_round_trip(&registry)?;
    }
}

// ------------------------------------------------------------------------------ mutations

/// A JSON value read keeping the *first* occurrence of a repeated key, as pkit validates it
/// (serde_json's `Value` keeps the last).
struct FirstWins(Value);

impl<'de> serde::Deserialize<'de> for FirstWins {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FirstWins, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FirstWins;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, v: bool) -> Result<FirstWins, E> {
                Ok(FirstWins(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<FirstWins, E> {
                Ok(FirstWins(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<FirstWins, E> {
                Ok(FirstWins(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<FirstWins, E> {
                Ok(FirstWins(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<FirstWins, E> {
                Ok(FirstWins(v.into()))
            }
            fn visit_unit<E>(self) -> Result<FirstWins, E> {
                Ok(FirstWins(Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<FirstWins, A::Error> {
                let mut out = Vec::new();
                while let Some(FirstWins(v)) = a.next_element()? {
                    out.push(v);
                }
                Ok(FirstWins(Value::Array(out)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<FirstWins, A::Error> {
                let mut out = Map::new();
                while let Some((k, FirstWins(v))) = a.next_entry::<String, FirstWins>()? {
                    out.entry(k).or_insert(v);
                }
                Ok(FirstWins(Value::Object(out)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Resolves an RFC 6901 JSON Pointer.
fn resolve<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    if pointer.is_empty() {
        return Some(doc);
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').try_fold(doc, |v, token| {
        let token = token.replace("~1", "/").replace("~0", "~");
        match v {
            Value::Object(m) => m.get(&token),
            Value::Array(a) => {
                // RFC 6901: no leading zeros, no sign.
                if token.len() > 1 && token.starts_with('0') {
                    return None;
                }
                token.parse::<usize>().ok().and_then(|i| a.get(i))
            }
            _ => None,
        }
    })
}

/// Every JSON Pointer of a value (containers and leaves).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Values to put where others were: every JSON kind, edge numbers, awkward strings, and
/// values of the right kind for many fields (so rules beyond the formats run).
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        select(vec![0.0, 1.5, -0.0, 1e3, 1e300, -3.0]).prop_map(Value::from),
        select(vec![
            "",
            " ",
            "x",
            "FY2023-24",
            "FY2023-25",
            "FY2023-24-Q3",
            "2024-03",
            "2024",
            "2019-Q2",
            "2024-02-29",
            "2023-02-29",
            "1899-12-31",
            "2101-01-01",
            "PK",
            "PK-PB",
            "US",
            "XX",
            "pk",
            "cmmi",
            "iso_27001",
            "2015",
            "1.3",
            "active",
            "apicta",
            "other",
            "winner",
            "ict_exports",
            "freelancers",
            "https://a.pk",
            "ftp://a.pk",
            "a@b.pk",
            "1234567",
            "1234567-8",
            "12345",
            "bad id",
            "a-b",
            "a_b",
            "\u{0}",
            "\n",
            "PK\u{2028}PB",
            "😀",
            "~1/~0",
        ])
        .prop_map(Value::from),
        text(12, true).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec(("[a-z_$~/]{1,10}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A known key, so that an insertion often adds a field the spec knows (or repeats one).
fn field_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "id", "legal_name", "as_of", "schema_version", "companies", "certifications",
            "scheme", "level", "appraisal", "edition", "issued_on", "expires_on", "exports",
            "period", "market", "amount_usd", "value", "indicator", "region", "founded_on",
            "published_on", "program", "program_name", "year", "rank", "out_of", "deadline",
            "stated_on", "$schema", "services", "offices", "identifiers", "ntn",
        ])
        .prop_map(str::to_owned),
        1 => "[a-z_~/\n\u{2028}]{1,8}",
    ]
    .boxed()
}

#[derive(Debug, Clone)]
enum Edit {
    /// Replace the value at the n-th pointer.
    Replace(usize, Value),
    /// Delete the value at the n-th pointer (a key from its object, an element from its array).
    Delete(usize),
    /// Insert into the container at the n-th pointer (a key, or an element at a position).
    Insert(usize, String, usize, Value),
    /// Write the n-th object's k-th key a second time, with another value.
    DuplicateKey(usize, usize, Value),
}

fn edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        3 => (any::<usize>(), any_json()).prop_map(|(n, v)| Edit::Replace(n, v)),
        2 => any::<usize>().prop_map(Edit::Delete),
        2 => (any::<usize>(), field_name(), any::<usize>(), any_json())
            .prop_map(|(n, k, i, v)| Edit::Insert(n, k, i, v)),
        1 => (any::<usize>(), any::<usize>(), any_json()).prop_map(|(n, k, v)| Edit::DuplicateKey(n, k, v)),
    ]
    .boxed()
}

/// Applies edits to the tree; a duplicated key is returned for the writer (a `Value` cannot
/// hold one): (pointer of the object, key, value).
fn apply(doc: &mut Value, edits: &[Edit]) -> Option<(String, String, Value)> {
    let mut duplicate = None;
    for e in edits {
        let mut all = Vec::new();
        pointers(doc, String::new(), &mut all);
        let pick = |n: usize| all[n % all.len()].clone();
        match e {
            Edit::Replace(n, v) => {
                let p = pick(*n);
                if let Some(slot) = doc.pointer_mut(&p) {
                    *slot = v.clone();
                }
            }
            Edit::Delete(n) => {
                let p = pick(*n);
                if let Some((parent, last)) = p.rsplit_once('/') {
                    let last = last.replace("~1", "/").replace("~0", "~");
                    match doc.pointer_mut(parent) {
                        Some(Value::Object(m)) => {
                            m.remove(&last);
                        }
                        Some(Value::Array(a)) => {
                            if let Ok(i) = last.parse::<usize>() {
                                if i < a.len() {
                                    a.remove(i);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Edit::Insert(n, k, i, v) => match doc.pointer_mut(&pick(*n)) {
                Some(Value::Object(m)) => {
                    m.insert(k.clone(), v.clone());
                }
                Some(Value::Array(a)) => {
                    let at = i % (a.len() + 1);
                    a.insert(at, v.clone());
                }
                _ => {}
            },
            Edit::DuplicateKey(n, k, v) => {
                let objects: Vec<&String> = all
                    .iter()
                    .filter(|p| matches!(resolve(doc, p), Some(Value::Object(m)) if !m.is_empty()))
                    .collect();
                if !objects.is_empty() {
                    let p = objects[n % objects.len()].clone();
                    if let Some(Value::Object(m)) = resolve(doc, &p) {
                        let key = m.keys().nth(k % m.len()).unwrap().clone();
                        duplicate = Some((p, key, v.clone()));
                    }
                }
            }
        }
    }
    duplicate
}

/// Writes JSON text, repeating `duplicate`'s key (after the first) in the object it names.
fn write(v: &Value, at: &str, duplicate: Option<&(String, String, Value)>, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push('{');
            let mut first = true;
            for (k, child) in m {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                let child_at = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                write(child, &child_at, duplicate, out);
                if let Some((p, key, value)) = duplicate {
                    if p == at && key == k {
                        out.push(',');
                        out.push_str(&serde_json::to_string(k).unwrap());
                        out.push(':');
                        out.push_str(&serde_json::to_string(value).unwrap());
                    }
                }
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, child) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(child, &format!("{at}/{i}"), duplicate, out);
            }
            out.push(']');
        }
        leaf => out.push_str(&serde_json::to_string(leaf).unwrap()),
    }
}

#[derive(Debug, Clone)]
enum Bytes {
    None,
    Truncate(usize),
    Flip(Vec<(usize, u8)>),
}

fn bytes_edit() -> BoxedStrategy<Bytes> {
    prop_oneof![
        4 => Just(Bytes::None),
        1 => any::<usize>().prop_map(Bytes::Truncate),
        1 => vec((any::<usize>(), 1u8..=255), 1..4).prop_map(Bytes::Flip),
    ]
    .boxed()
}

/// The checks every report must pass: no panic (we got here), determinism, well-formed issues,
/// paths that resolve in the document as pkit reads it, agreement with loading.
fn check_report(bytes: &[u8]) -> Result<(), TestCaseError> {
    let report = pkit::validate_bytes(bytes);
    prop_assert_eq!(&report, &pkit::validate_bytes(bytes), "not deterministic");
    for issue in report.issues() {
        prop_assert_eq!(issue.severity, issue.code.severity());
        prop_assert!(
            !issue.message.is_empty()
                && !issue.message.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            "{:?}",
            issue
        );
        prop_assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "{}",
            issue
        );
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    prop_assert_eq!(Registry::from_json(text).is_ok(), report.is_valid());
    // serde_json refuses some JSON that pkit reads (numbers past f64, nesting past 128):
    // those documents are checked for everything but the paths.
    let Ok(FirstWins(doc)) = serde_json::from_str::<FirstWins>(text) else {
        return Ok(());
    };
    for issue in report.issues() {
        let resolved = if issue.code == Code::MissingField {
            let (parent, _) = issue.path.rsplit_once('/').unwrap_or(("", ""));
            matches!(resolve(&doc, parent), Some(Value::Object(_)))
        } else {
            resolve(&doc, &issue.path).is_some()
        };
        prop_assert!(resolved, "{} does not resolve in\n{}", issue, text);
    }
    Ok(())
}

fn mutated(doc: &Value, edits: &[Edit], bytes: &Bytes) -> Vec<u8> {
    let mut doc = doc.clone();
    let duplicate = apply(&mut doc, edits);
    let mut text = String::new();
    write(&doc, "", duplicate.as_ref(), &mut text);
    let mut out = text.into_bytes();
    match bytes {
        Bytes::None => {}
        Bytes::Truncate(n) => out.truncate(n % (out.len() + 1)),
        Bytes::Flip(flips) => {
            for &(at, x) in flips {
                let len = out.len();
                if len > 0 {
                    out[at % len] ^= x;
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config(128))]

    /// Mutations of arbitrary valid documents.
    #[test]
    fn mutations_never_panic_and_paths_resolve(
        doc in valid_document(),
        edits in vec(edit(), 1..4),
        bytes in bytes_edit(),
    ) {
        check_report(&mutated(&doc, &edits, &bytes))?;
    }

    /// Mutations of generated registries (larger, with every record family filled).
    #[test]
    fn mutations_of_generated_registries(
        seed in any::<u64>(),
        edits in vec(edit(), 1..6),
        bytes in bytes_edit(),
    ) {
        let doc: Value = serde_json::from_str(&pkit::generate::synthetic(2, seed).to_json()).unwrap();
        check_report(&mutated(&doc, &edits, &bytes))?;
    }
}

/// The resolver itself: escapes, indexes, and what does not resolve.
#[test]
fn json_pointer_resolver() {
    let doc = json!({"a/b": {"m~n": [1, {"": 2}]}, "x": null});
    assert_eq!(resolve(&doc, ""), Some(&doc));
    assert_eq!(resolve(&doc, "/a~1b/m~0n/0"), Some(&json!(1)));
    assert_eq!(resolve(&doc, "/a~1b/m~0n/1/"), Some(&json!(2)));
    assert_eq!(resolve(&doc, "/x"), Some(&Value::Null));
    for missing in [
        "/a~1b/m~0n/2",
        "/a~1b/m~0n/01",
        "/a/b",
        "x",
        "/x/0",
        "/a~1b/m~0n/-",
    ] {
        assert_eq!(resolve(&doc, missing), None, "{missing}");
    }
    let mut all = Vec::new();
    pointers(&doc, String::new(), &mut all);
    assert!(all.iter().all(|p| resolve(&doc, p).is_some()), "{all:?}");
    // Duplicate keys: the first occurrence is the one pkit reads.
    let FirstWins(v) = serde_json::from_str(r#"{"a": [1], "a": 2}"#).unwrap();
    assert_eq!(v, json!({"a": [1]}));
}

/// Messages are one line even when they quote a key or a value with a line break.
#[test]
fn messages_quoting_line_breaks_stay_on_one_line() {
    let docs = [
        r#"{"schema_version": 1, "as_of": "2024-06-30", "a\nb": 1}"#,
        r#"{"schema_version": 1, "as_of": "2024-06-30", "a\nb": 1, "a\nb": 2}"#,
        r#"{"schema_version": 1, "as_of": "2024\n-06-30"}"#,
        r#"{"schema_version": 1, "as_of": "2024-06-30", "companies": [{"id": "x\ny", "legal_name": "n", "legal_form": "llp\r", "headquarters": {"city": "c", "region": "PK\u2028PB"}, "website": "https://a\n.pk", "email": "a@\nb.pk", "services": ["x\ny"]}]}"#,
        r#"{"schema_version": 1, "as_of": "2024-06-30", "observations": [{"indicator": "ict\nexports", "period": "FY2023\n-24", "value": 1, "source": {"publisher": "p"}}]}"#,
    ];
    for doc in docs {
        let report = pkit::validate(doc);
        assert!(!report.is_empty(), "{doc}");
        for issue in report.issues() {
            assert!(
                !issue
                    .message
                    .contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "{:?}",
                issue.message
            );
        }
    }
}
