//! Reads a document into a draft in one pass, checking each value's kind and format.
//!
//! Relations between values (dates against `as_of`, duplicates, editions of a scheme) are the
//! rules' job ([`super::rules`]); this pass checks only what a value is on its own.

use std::borrow::Cow;
use std::str::FromStr;

use super::draft::{
    At, DraftAward, DraftCertification, DraftCompany, DraftExport, DraftObservation, DraftOffice,
    DraftRanking, DraftRegistry, DraftTarget, Place, RawNumber,
};
use super::reader::{Integer, Kind, Reader, Stop};
use super::{Code, Issue};
use crate::model::export::EXPORT_PERIOD_FORMS;
use crate::model::ranking::RANKING_PERIOD_FORMS;
use crate::model::target::DEADLINE_FORMS;
use crate::model::{Headquarters, Source};
use crate::value::{
    check_cuin, check_email, check_lei, check_ntn, check_text, check_url, Country, ParseError,
    Period, PeriodForm, Region, Subdivision, TextRule,
};
use crate::Limits;

/// An issue and the byte offset it is ordered by.
#[derive(Debug)]
pub(crate) struct Located {
    pub(crate) at: usize,
    pub(crate) issue: Issue,
}

enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// Appends `key` to a JSON Pointer, escaped per RFC 6901.
pub(crate) fn push_pointer(path: &mut String, key: &str) {
    path.push('/');
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// The outcome of reading: a draft with its issues, or one issue that stands alone.
pub(crate) enum Read {
    Draft {
        draft: DraftRegistry,
        issues: Vec<Located>,
    },
    Alone(Issue),
}

pub(crate) struct Walker<'a> {
    text: &'a str,
    r: Reader<'a>,
    path: Vec<Seg<'a>>,
    issues: Vec<Located>,
}

type Res<T> = Result<T, Stop>;

/// How a field of an object is declared.
pub(crate) struct Field {
    name: &'static str,
    required: bool,
}

const fn req(name: &'static str) -> Field {
    Field {
        name,
        required: true,
    }
}

const fn opt(name: &'static str) -> Field {
    Field {
        name,
        required: false,
    }
}

const LINE_200: TextRule = TextRule::line(200);
const LINE_100: TextRule = TextRule::line(100);
const NOTE: TextRule = TextRule::paragraph(2000);

/// Reads `text` into a draft.
pub(crate) fn read(text: &str, limits: Limits) -> Read {
    let mut w = Walker {
        text,
        r: Reader::new(text, limits),
        path: Vec::new(),
        issues: Vec::new(),
    };
    match w.document() {
        Ok(Some(draft)) => Read::Draft {
            draft,
            issues: w.issues,
        },
        Ok(None) => Read::Alone(w.issues.pop().map_or_else(
            || Issue::new(Code::InvalidType, "", "the document must be a JSON object"),
            |l| l.issue,
        )),
        Err(stop) => Read::Alone(stop_issue(text, stop, limits)),
    }
}

/// The one issue for a document that could not be read.
fn stop_issue(text: &str, stop: Stop, limits: Limits) -> Issue {
    match stop {
        Stop::Limit(message) => Issue::new(Code::LimitExceeded, "", message),
        Stop::Syntax {
            at,
            message,
            in_string,
            depth,
        } => {
            if let Some(message) =
                super::reader::limit_after_syntax_error(text, at, in_string, depth, limits)
            {
                return Issue::new(Code::LimitExceeded, "", message);
            }
            let (line, column) = super::reader::line_column(text, at);
            Issue::new(
                Code::InvalidJson,
                "",
                format!("not JSON: {message} at line {line} column {column}"),
            )
        }
    }
}

impl<'a> Walker<'a> {
    fn pointer(&self) -> String {
        let mut path = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => push_pointer(&mut path, k),
                Seg::Index(i) => {
                    path.push('/');
                    path.push_str(&i.to_string());
                }
            }
        }
        path
    }

    fn issue(&mut self, at: usize, code: Code, message: impl Into<String>) {
        let issue = Issue::new(code, self.pointer(), message);
        self.issues.push(Located { at, issue });
    }

    fn parse_error(&mut self, at: usize, e: ParseError) {
        self.issue(at, e.code(), e.message().to_owned());
    }

    /// Reports a value of the wrong kind and skips it.
    fn wrong_kind(&mut self, kind: Kind, expected: &str) -> Res<()> {
        let at = self.r.pos();
        self.r.skip()?;
        self.issue(
            at,
            Code::InvalidType,
            format!("expected {expected}, found {}", kind.noun()),
        );
        Ok(())
    }

    /// Walks an object of declared fields, calling `field` with the index of each present,
    /// non-null field (the reader is then at its value). Returns the record's place, or `None`
    /// when the value is not an object. Handles unknown and repeated keys, `null` and missing
    /// required fields.
    fn object(
        &mut self,
        index: usize,
        fields: &[Field],
        mut field: impl FnMut(&mut Self, usize) -> Res<()>,
    ) -> Res<Option<Place>> {
        let kind = self.r.peek()?;
        let at = self.r.pos();
        if kind != Kind::Object {
            self.wrong_kind(kind, "an object")?;
            return Ok(None);
        }
        self.r.begin_object()?;
        let mut seen: u32 = 0;
        // A set, not a list: 100,000 unknown keys would take a minute to search one by one
        // (found by the pathological-input tests). Empty sets do not allocate.
        let mut unknown_seen: rustc_hash::FxHashSet<Cow<'a, str>> = Default::default();
        let mut first = true;
        while let Some((key, key_at)) = self.r.next_key(first)? {
            first = false;
            let known = fields.iter().position(|f| f.name == key);
            let repeated = match known {
                Some(i) => seen & (1 << i) != 0,
                None => unknown_seen.contains(&key),
            };
            self.path.push(Seg::Key(key.clone()));
            if repeated {
                self.issue(
                    key_at,
                    Code::DuplicateKey,
                    format!(
                        "the key `{}` appears more than once; only the first is read",
                        crate::issue::shorten(&key)
                    ),
                );
                self.r.skip()?;
            } else if let Some(i) = known {
                seen |= 1 << i;
                let kind = self.r.peek()?;
                if kind == Kind::Null {
                    let value_at = self.r.pos();
                    self.r.null()?;
                    if fields[i].required {
                        self.issue(
                            value_at,
                            Code::InvalidType,
                            format!("`{key}` is required and cannot be null"),
                        );
                    }
                } else {
                    field(self, i)?;
                }
            } else {
                self.issue(
                    key_at,
                    Code::UnknownField,
                    format!("unknown field `{}`", crate::issue::shorten(&key)),
                );
                unknown_seen.insert(key);
                self.r.skip()?;
            }
            self.path.pop();
        }
        let end = self.r.pos() - 1;
        for (i, f) in fields.iter().enumerate() {
            if f.required && seen & (1 << i) == 0 {
                self.missing(end, f.name);
            }
        }
        Ok(Some(Place { index, at, end }))
    }

    /// Walks a record object into `draft` and keeps it, with its place, when it is an object.
    fn record<D: Placed>(
        &mut self,
        index: usize,
        fields: &[Field],
        mut draft: D,
        out: &mut Vec<D>,
        mut field: impl FnMut(&mut Self, &mut D, usize) -> Res<()>,
    ) -> Res<()> {
        if let Some(place) = self.object(index, fields, |w, i| field(w, &mut draft, i))? {
            *draft.place_mut() = place;
            out.push(draft);
        }
        Ok(())
    }

    /// Reports the required field `name` of the current object as missing.
    pub(crate) fn missing(&mut self, end: usize, name: &'static str) {
        self.path.push(Seg::Key(Cow::Borrowed(name)));
        self.issue(
            end,
            Code::MissingField,
            format!("the required field `{name}` is missing"),
        );
        self.path.pop();
    }

    /// Walks an array, calling `element` with the index of each element.
    fn array(&mut self, mut element: impl FnMut(&mut Self, usize) -> Res<()>) -> Res<()> {
        let kind = self.r.peek()?;
        if kind != Kind::Array {
            return self.wrong_kind(kind, "an array");
        }
        self.r.begin_array()?;
        let mut i = 0;
        while self.r.next_element(i == 0)? {
            self.path.push(Seg::Index(i));
            element(self, i)?;
            self.path.pop();
            i += 1;
        }
        Ok(())
    }

    /// Reads a string, or reports the wrong kind.
    fn string(&mut self) -> Res<Option<(Cow<'a, str>, usize)>> {
        let kind = self.r.peek()?;
        if kind != Kind::String {
            self.wrong_kind(kind, "a string")?;
            return Ok(None);
        }
        let at = self.r.pos();
        Ok(Some((self.r.string()?, at)))
    }

    /// Reads a string and checks it with `check`.
    fn checked(
        &mut self,
        check: impl FnOnce(&str) -> Result<(), ParseError>,
    ) -> Res<Option<At<String>>> {
        let Some((s, at)) = self.string()? else {
            return Ok(None);
        };
        match check(&s) {
            Ok(()) => Ok(Some(At {
                v: s.into_owned(),
                at,
            })),
            Err(e) => {
                self.parse_error(at, e);
                Ok(None)
            }
        }
    }

    fn text(&mut self, rule: TextRule) -> Res<Option<String>> {
        Ok(self.checked(|s| check_text(s, rule))?.map(|a| a.v))
    }

    /// Reads a string and parses it as `T`.
    fn parsed<T: FromStr<Err = ParseError>>(&mut self) -> Res<Option<At<T>>> {
        self.parsed_with(|s| s.parse())
    }

    fn parsed_with<T>(
        &mut self,
        parse: impl FnOnce(&str) -> Result<T, ParseError>,
    ) -> Res<Option<At<T>>> {
        let Some((s, at)) = self.string()? else {
            return Ok(None);
        };
        match parse(&s) {
            Ok(v) => Ok(Some(At { v, at })),
            Err(e) => {
                self.parse_error(at, e);
                Ok(None)
            }
        }
    }

    fn value<T: FromStr<Err = ParseError>>(&mut self) -> Res<Option<T>> {
        Ok(self.parsed()?.map(|a: At<T>| a.v))
    }

    fn period(&mut self, forms: &[PeriodForm]) -> Res<Option<At<Period>>> {
        self.parsed_with(|s| Period::parse_form(s, forms))
    }

    /// Reads a JSON number.
    fn number(&mut self) -> Res<Option<RawNumber>> {
        let kind = self.r.peek()?;
        if kind != Kind::Number {
            self.wrong_kind(kind, "a number")?;
            return Ok(None);
        }
        let at = self.r.pos();
        let n = self.r.number()?;
        Ok(Some(RawNumber {
            integer: n.integer(),
            at,
        }))
    }

    /// Reads an integer in `min..=max` (`invalid_type` for a non-integer, `out_of_range`).
    fn integer(&mut self, min: u64, max: u64) -> Res<Option<At<u64>>> {
        let Some(n) = self.number()? else {
            return Ok(None);
        };
        Ok(check_integer(n, min, max).map_or_else(
            |(code, message)| {
                self.issue(n.at, code, message);
                None
            },
            |v| Some(At { v, at: n.at }),
        ))
    }

    /// Reads whole US dollars (`invalid_amount` for anything but an integer in 0..=10^13).
    fn usd(&mut self) -> Res<Option<u64>> {
        let Some(n) = self.number()? else {
            return Ok(None);
        };
        Ok(check_usd(n).map_or_else(
            |(code, message)| {
                self.issue(n.at, code, message);
                None
            },
            Some,
        ))
    }

    fn document(&mut self) -> Res<Option<DraftRegistry>> {
        const FIELDS: [Field; 7] = [
            opt("$schema"),
            req("schema_version"),
            req("as_of"),
            opt("companies"),
            opt("observations"),
            opt("targets"),
            opt("rankings"),
        ];
        let kind = self.r.peek()?;
        if kind != Kind::Object {
            self.r.skip()?;
            self.r.finish()?;
            self.issue(
                0,
                Code::InvalidType,
                format!("the document must be a JSON object, found {}", kind.noun()),
            );
            return Ok(None);
        }
        let mut draft = DraftRegistry::default();
        let mut version: Option<RawNumber> = None;
        self.object(0, &FIELDS, |w, i| {
            match i {
                0 => {
                    w.string()?;
                }
                1 => version = w.number()?,
                2 => draft.as_of = w.value()?,
                3 => w.array(|w, i| w.company(i, &mut draft.companies))?,
                4 => w.array(|w, i| w.observation(i, &mut draft.observations))?,
                5 => w.array(|w, i| w.target(i, &mut draft.targets))?,
                _ => w.array(|w, i| w.ranking(i, &mut draft.rankings))?,
            }
            Ok(())
        })?;
        self.r.finish()?;
        if let Some(n) = version {
            match n.integer {
                Integer::Value(1) => {}
                Integer::Fractional => {
                    self.path.push(Seg::Key(Cow::Borrowed("schema_version")));
                    self.issue(n.at, Code::InvalidType, "expected the integer 1");
                    self.path.pop();
                }
                _ => {
                    let text = &self.text[n.at..];
                    let shown: String = text
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '-')
                        .take(24)
                        .collect();
                    self.issues.clear();
                    self.path.push(Seg::Key(Cow::Borrowed("schema_version")));
                    self.issue(n.at, Code::UnsupportedVersion, format!("schema_version {shown} is not supported; this version of pkit reads version 1"));
                    return Ok(None);
                }
            }
        }
        Ok(Some(draft))
    }

    fn company(&mut self, index: usize, out: &mut Vec<DraftCompany>) -> Res<()> {
        const FIELDS: [Field; 15] = [
            req("id"),
            req("legal_name"),
            opt("trade_name"),
            req("legal_form"),
            opt("identifiers"),
            opt("founded_on"),
            req("headquarters"),
            opt("website"),
            opt("email"),
            opt("employees"),
            opt("services"),
            opt("offices"),
            opt("certifications"),
            opt("awards"),
            opt("exports"),
        ];
        let c = DraftCompany::default();
        self.record(index, &FIELDS, c, out, |w, c, i| {
            match i {
                0 => c.id = w.parsed()?,
                1 => c.legal_name = w.text(LINE_200)?,
                2 => c.trade_name = w.text(LINE_200)?,
                3 => c.legal_form = w.value()?,
                4 => w.identifiers(c)?,
                5 => c.founded_on = w.parsed()?,
                6 => c.headquarters = w.headquarters()?,
                7 => c.website = w.checked(check_url)?.map(|a| a.v),
                8 => c.email = w.checked(check_email)?.map(|a| a.v),
                9 => c.employees = w.integer(0, 1_000_000)?.map(|a| a.v),
                // Each list is shrunk to its length once read: a vector grows to at least
                // four elements, and most companies have one or two offices, certificates and
                // awards, so this keeps the draft (and the registry built from it in place)
                // small enough that loading stays under three times the document's size.
                10 => {
                    w.array(|w, i| {
                        if let Some(s) = w.parsed()? {
                            c.services.push((i, s));
                        }
                        Ok(())
                    })?;
                    c.services.shrink_to_fit();
                }
                11 => {
                    w.array(|w, i| w.office(i, &mut c.offices))?;
                    c.offices.shrink_to_fit();
                }
                12 => {
                    w.array(|w, i| w.certification(i, &mut c.certifications))?;
                    c.certifications.shrink_to_fit();
                }
                13 => {
                    w.array(|w, i| w.award(i, &mut c.awards))?;
                    c.awards.shrink_to_fit();
                }
                _ => {
                    w.array(|w, i| w.export(i, &mut c.exports))?;
                    c.exports.shrink_to_fit();
                }
            }
            Ok(())
        })
    }

    fn identifiers(&mut self, c: &mut DraftCompany) -> Res<()> {
        const FIELDS: [Field; 4] = [opt("ntn"), opt("cuin"), opt("lei"), opt("pseb")];
        self.object(0, &FIELDS, |w, i| {
            match i {
                0 => c.ntn = w.checked(check_ntn)?,
                1 => c.cuin = w.checked(check_cuin)?,
                2 => c.lei = w.checked(check_lei)?,
                _ => c.pseb = w.text(TextRule::line(40))?,
            }
            Ok(())
        })?;
        Ok(())
    }

    fn headquarters(&mut self) -> Res<Option<Headquarters>> {
        const FIELDS: [Field; 2] = [req("city"), req("region")];
        let (mut city, mut region) = (None, None);
        self.object(0, &FIELDS, |w, i| {
            match i {
                0 => city = w.text(LINE_100)?,
                _ => region = w.value::<Subdivision>()?,
            }
            Ok(())
        })?;
        Ok(city
            .zip(region)
            .map(|(city, region)| Headquarters { city, region }))
    }

    fn office(&mut self, index: usize, out: &mut Vec<DraftOffice>) -> Res<()> {
        const FIELDS: [Field; 3] = [req("country"), req("city"), opt("opened_on")];
        let o = DraftOffice::default();
        self.record(index, &FIELDS, o, out, |w, o, i| {
            match i {
                0 => o.country = w.parsed()?,
                1 => o.city = w.text(LINE_100)?,
                _ => o.opened_on = w.parsed()?,
            }
            Ok(())
        })
    }

    fn certification(&mut self, index: usize, out: &mut Vec<DraftCertification>) -> Res<()> {
        const FIELDS: [Field; 11] = [
            req("scheme"),
            req("edition"),
            opt("level"),
            opt("appraisal"),
            opt("certificate_number"),
            req("issuer"),
            opt("accredited_by"),
            req("issued_on"),
            req("expires_on"),
            opt("status"),
            opt("scope"),
        ];
        let c = DraftCertification::default();
        self.record(index, &FIELDS, c, out, |w, c, i| {
            match i {
                0 => c.scheme = w.value()?,
                1 => {
                    c.edition = w.string()?.map(|(s, at)| At {
                        v: s.into_owned(),
                        at,
                    })
                }
                2 => {
                    c.level = Some(w.integer(2, 5)?.map(|a| At {
                        v: u8::try_from(a.v).unwrap_or(u8::MAX),
                        at: a.at,
                    }))
                }
                3 => c.appraisal = w.parsed()?,
                4 => c.certificate_number = w.text(TextRule::line(60))?,
                5 => c.issuer = w.text(LINE_200)?,
                6 => c.accredited_by = w.text(LINE_200)?,
                7 => c.issued_on = w.parsed()?,
                8 => c.expires_on = w.parsed()?,
                9 => c.status = w.value()?,
                _ => c.scope = w.text(TextRule::paragraph(2000))?,
            }
            Ok(())
        })
    }

    fn award(&mut self, index: usize, out: &mut Vec<DraftAward>) -> Res<()> {
        const FIELDS: [Field; 7] = [
            req("program"),
            opt("program_name"),
            req("year"),
            req("category"),
            req("result"),
            req("entry"),
            opt("host_country"),
        ];
        let a = DraftAward::default();
        self.record(index, &FIELDS, a, out, |w, a, i| {
            match i {
                0 => a.program = w.value()?,
                1 => a.program_name = Some(w.text(LINE_200)?),
                2 => {
                    a.year = w.integer(1950, u64::from(u16::MAX))?.map(|y| At {
                        v: u16::try_from(y.v).unwrap_or(u16::MAX),
                        at: y.at,
                    })
                }
                3 => a.category = w.parsed()?,
                4 => a.result = w.value()?,
                5 => a.entry = w.text(LINE_200)?,
                _ => a.host_country = w.value()?,
            }
            Ok(())
        })
    }

    fn export(&mut self, index: usize, out: &mut Vec<DraftExport>) -> Res<()> {
        const FIELDS: [Field; 4] = [
            req("period"),
            req("amount_usd"),
            opt("market"),
            opt("service"),
        ];
        let e = DraftExport {
            market: Some(None),
            service: Some(None),
            ..DraftExport::default()
        };
        self.record(index, &FIELDS, e, out, |w, e, i| {
            match i {
                0 => e.period = w.period(EXPORT_PERIOD_FORMS)?,
                1 => e.amount_usd = w.usd()?,
                2 => e.market = w.value()?.map(Some),
                _ => e.service = w.value()?.map(Some),
            }
            Ok(())
        })
    }

    fn source(&mut self) -> Res<Option<Source>> {
        const FIELDS: [Field; 3] = [req("publisher"), opt("title"), opt("url")];
        let (mut publisher, mut title, mut url) = (None, None, None);
        let mut bad = false;
        self.object(0, &FIELDS, |w, i| {
            match i {
                0 => publisher = w.text(LINE_200)?,
                1 => {
                    title = w.text(TextRule::line(500))?;
                    bad |= title.is_none();
                }
                _ => {
                    url = w.checked(check_url)?.map(|a| a.v);
                    bad |= url.is_none();
                }
            }
            Ok(())
        })?;
        Ok(publisher.filter(|_| !bad).map(|publisher| Source {
            publisher,
            title,
            url,
        }))
    }

    fn indicator_value(&mut self) -> Res<Option<RawNumber>> {
        self.number()
    }

    fn observation(&mut self, index: usize, out: &mut Vec<DraftObservation>) -> Res<()> {
        const FIELDS: [Field; 7] = [
            req("indicator"),
            opt("region"),
            req("period"),
            req("value"),
            req("source"),
            opt("published_on"),
            opt("note"),
        ];
        let o = DraftObservation {
            region: Some(Region::PAKISTAN),
            published_on: Some(None),
            ..DraftObservation::default()
        };
        self.record(index, &FIELDS, o, out, |w, o, i| {
            match i {
                0 => o.indicator = Some(w.value()?),
                1 => o.region = w.value()?,
                2 => o.period = w.period(&PeriodForm::ALL)?,
                3 => o.value = w.indicator_value()?,
                4 => o.source = w.source()?,
                5 => o.published_on = w.parsed()?.map(Some),
                _ => o.note = w.text(NOTE)?,
            }
            Ok(())
        })
    }

    fn target(&mut self, index: usize, out: &mut Vec<DraftTarget>) -> Res<()> {
        const FIELDS: [Field; 9] = [
            req("id"),
            req("indicator"),
            opt("region"),
            req("value"),
            req("deadline"),
            req("stated_by"),
            opt("stated_on"),
            opt("source"),
            opt("note"),
        ];
        let t = DraftTarget {
            region: Some(Region::PAKISTAN),
            ..DraftTarget::default()
        };
        self.record(index, &FIELDS, t, out, |w, t, i| {
            match i {
                0 => t.id = w.parsed()?,
                1 => t.indicator = Some(w.value()?),
                2 => t.region = w.value()?,
                3 => t.value = w.indicator_value()?,
                4 => t.deadline = w.period(DEADLINE_FORMS)?,
                5 => t.stated_by = w.text(LINE_200)?,
                6 => t.stated_on = w.parsed()?,
                7 => t.source = w.source()?,
                _ => t.note = w.text(NOTE)?,
            }
            Ok(())
        })
    }

    fn ranking(&mut self, index: usize, out: &mut Vec<DraftRanking>) -> Res<()> {
        const FIELDS: [Field; 9] = [
            req("index"),
            req("publisher"),
            req("period"),
            req("metric"),
            opt("country"),
            req("rank"),
            opt("out_of"),
            opt("source"),
            opt("note"),
        ];
        let r = DraftRanking::default();
        self.record(index, &FIELDS, r, out, |w, r, i| {
            match i {
                0 => r.index = w.text(LINE_200)?,
                1 => r.publisher = w.text(LINE_200)?,
                2 => r.period = w.period(RANKING_PERIOD_FORMS)?,
                3 => r.metric = w.text(LINE_200)?,
                4 => r.country = w.value::<Country>()?,
                5 => r.rank = w.integer(1, u64::MAX)?,
                6 => r.out_of = w.integer(1, u64::MAX)?,
                7 => r.source = w.source()?,
                _ => r.note = w.text(NOTE)?,
            }
            Ok(())
        })
    }
}

/// A draft record that knows where it stands.
trait Placed {
    fn place_mut(&mut self) -> &mut Place;
}

macro_rules! placed {
    ($($t:ty),*) => {$(
        impl Placed for $t {
            fn place_mut(&mut self) -> &mut Place {
                &mut self.place
            }
        }
    )*};
}

placed!(
    DraftCompany,
    DraftOffice,
    DraftCertification,
    DraftAward,
    DraftExport,
    DraftObservation,
    DraftTarget,
    DraftRanking
);

/// Checks an integer field: `invalid_type` for a non-integer, `out_of_range` outside min..=max.
pub(crate) fn check_integer(n: RawNumber, min: u64, max: u64) -> Result<u64, (Code, String)> {
    match n.integer {
        Integer::Fractional => Err((
            Code::InvalidType,
            "expected an integer (no fraction or exponent)".into(),
        )),
        Integer::Value(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err((
            Code::OutOfRange,
            if max == u64::MAX {
                format!("expected an integer of at least {min}")
            } else {
                format!("expected an integer in {min}..={max}")
            },
        )),
    }
}

/// Checks whole US dollars: an integer in 0..=10^13, else `invalid_amount`.
pub(crate) fn check_usd(n: RawNumber) -> Result<u64, (Code, String)> {
    match n.integer {
        Integer::Value(v) if v <= crate::model::Unit::Usd.max() => Ok(v),
        _ => Err((
            Code::InvalidAmount,
            "expected whole US dollars: an integer in 0..=10000000000000, without fraction or exponent".into(),
        )),
    }
}
