//! Synthetic registries: deterministic, valid, any size, for benchmarks and for testing a
//! pipeline at scale (`pkit generate --companies N --seed S`).
//!
//! The companies are invented from word lists; the observations, targets and rankings are the
//! built-in sample's public figures. The promotion data is invented too (`promotion`):
//! initiatives every year, and participants, leads, agreements and credited offices in
//! proportion to the companies.

mod promotion;

use crate::model::{
    Appraisal, Award, AwardResult, Certification, CertificationStatus, Company, ExportRecord,
    ExportService, Headquarters, Identifiers, LegalForm, Office, Program, Scheme, Service,
    APICTA_CATEGORIES,
};
use crate::registry::{Records, Registry};
use crate::value::{Country, Date, Key, Period, Slug, Subdivision};

/// SplitMix64: a small, fast, well-distributed generator; the same seed gives the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64 - 1) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.range(1, 100) <= percent
    }
}

const FIRST: &[&str] = &[
    "Indus",
    "Ravi",
    "Margalla",
    "Karakoram",
    "Chenab",
    "Khyber",
    "Bolan",
    "Hunza",
    "Thar",
    "Makran",
    "Swat",
    "Kaghan",
    "Jhelum",
    "Potohar",
    "Sutlej",
    "Neelum",
    "Gwadar",
    "Deosai",
];
const SECOND: &[&str] = &[
    "Byteworks",
    "Code Labs",
    "Systems",
    "Technologies",
    "Softworks",
    "Digital",
    "Data",
    "Cloud",
    "Solutions",
    "Analytics",
    "Logic",
    "Apps",
    "Interactive",
    "Networks",
];
const CITIES: &[(Subdivision, &[&str])] = &[
    (
        Subdivision::Punjab,
        &["Lahore", "Faisalabad", "Rawalpindi", "Multan", "Sialkot"],
    ),
    (Subdivision::Sindh, &["Karachi", "Hyderabad", "Sukkur"]),
    (
        Subdivision::KhyberPakhtunkhwa,
        &["Peshawar", "Abbottabad", "Mardan"],
    ),
    (Subdivision::Balochistan, &["Quetta", "Gwadar"]),
    (Subdivision::Islamabad, &["Islamabad"]),
    (Subdivision::GilgitBaltistan, &["Gilgit", "Skardu"]),
    (
        Subdivision::AzadJammuAndKashmir,
        &["Muzaffarabad", "Mirpur"],
    ),
];
const MARKETS: &[&str] = &[
    "US", "GB", "AE", "SA", "DE", "CA", "AU", "NL", "SE", "QA", "IE", "SG",
];
const FOREIGN_CITIES: &[&str] = &["Head office abroad", "Sales office", "Delivery centre"];

/// The LEI made of an 18-character base and its ISO 7064 MOD 97-10 check digits.
fn lei(base: &str) -> String {
    let with_zeros = format!("{base}00");
    let remainder = crate::value::identifiers::mod97(with_zeros.as_bytes());
    format!("{base}{:02}", 98 - remainder)
}

fn date(rng: &mut Rng, from: Date, to: Date) -> Date {
    let span = u64::try_from(from.days_until(to)).unwrap_or(0);
    from.add_days(i64::try_from(rng.range(0, span)).unwrap_or(0))
}

/// A foreign market from the list.
fn market(rng: &mut Rng) -> Country {
    let code: &&str = rng.pick(MARKETS);
    parse(code, Country::PAKISTAN)
}

fn parse<T: std::str::FromStr>(s: &str, fallback: T) -> T {
    s.parse().unwrap_or(fallback)
}

/// A valid registry of `companies` invented companies, the same for the same `seed`.
///
/// Each company has identifiers, a head office, services, offices abroad, certifications
/// (current editions only), awards and fiscal-year and monthly exports; about a third take
/// part in initiatives (six a year from 2019) and get leads and agreements from them, some
/// credited offices too; the document has no warnings. About 2 KB of JSON per company: 25,000
/// companies make about 50 MB.
///
/// # Example
/// ```
/// let registry = pkit::generate::synthetic(100, 7);
/// assert_eq!(registry.companies().len(), 100);
/// assert_eq!(registry, pkit::generate::synthetic(100, 7));
/// let report = pkit::validate(&registry.to_json());
/// assert!(report.is_empty(), "{report}");
/// ```
pub fn synthetic(companies: usize, seed: u64) -> Registry {
    let sample = Registry::sample();
    let as_of = sample.as_of();
    let mut rng = Rng(seed ^ 0x5EED_0000_0000_0000);
    let min_date = Date::new(1990, 1, 1).unwrap_or(Date::MIN);
    let mut promotion = promotion::Promotion::new(as_of);
    let mut list = Vec::with_capacity(companies);
    for i in 0..companies {
        let mut company = company(&mut rng, i, as_of, min_date);
        promotion.take_part(&mut rng, &mut company);
        list.push(company);
    }
    let (initiatives, claims) = promotion.finish(&mut rng);
    Registry::from_parts(Records {
        as_of,
        companies: list,
        observations: sample.observations().to_vec(),
        targets: sample.targets().to_vec(),
        rankings: sample.rankings().to_vec(),
        initiatives,
        claims,
    })
}

fn company(rng: &mut Rng, i: usize, as_of: Date, min_date: Date) -> Company {
    let (first, second) = (*rng.pick(FIRST), *rng.pick(SECOND));
    let slug = format!(
        "{}-{}-{i}",
        first.to_lowercase(),
        second.to_lowercase().replace(' ', "-")
    );
    // Word lists of lower-case letters, a hyphen and a number: always a slug (tests check).
    let id = Slug::from_valid(slug.clone());
    let founded = date(rng, min_date, Date::new(2020, 12, 31).unwrap_or(as_of));
    let (region, cities) = *rng.pick(CITIES);
    let legal_form = *rng.pick(LegalForm::ALL);
    let mut services: Vec<Service> = Vec::new();
    for _ in 0..rng.range(1, 4) {
        let s = *rng.pick(Service::ALL);
        if !services.contains(&s) {
            services.push(s);
        }
    }
    let mut offices: Vec<Office> = Vec::new();
    for _ in 0..rng.range(0, 3) {
        let country: Country = market(rng);
        if country != Country::PAKISTAN && !offices.iter().any(|o| o.country == country) {
            offices.push(Office {
                country,
                city: (*rng.pick(FOREIGN_CITIES)).to_owned(),
                opened_on: rng.chance(70).then(|| date(rng, founded, as_of)),
                initiative: None,
            });
        }
    }
    let certifications = (0..rng.range(0, 3))
        .map(|k| certification(rng, i, k, founded, as_of))
        .collect();
    let awards = (0..rng.range(0, 3))
        .filter_map(|k| award(rng, k, founded, as_of))
        .collect();
    Company {
        id,
        legal_name: format!("{first} {second} {i} (Pvt) Ltd"),
        trade_name: rng
            .chance(30)
            .then(|| format!("{first}{}", second.replace(' ', ""))),
        legal_form,
        identifiers: Identifiers {
            ntn: Some(if rng.chance(50) {
                format!("{:07}", 1_000_000 + i % 9_000_000)
            } else {
                format!("{:07}-{}", 1_000_000 + i % 9_000_000, i % 10)
            }),
            cuin: rng.chance(70).then(|| format!("{:08}", i)),
            lei: rng.chance(10).then(|| lei(&format!("5493{:014}", i))),
            pseb: rng
                .chance(40)
                .then(|| format!("Z-{:02}-{:05}/{}", i % 100, i % 100_000, 10 + i % 15)),
        },
        founded_on: Some(founded),
        headquarters: Headquarters {
            city: (*rng.pick(cities)).to_owned(),
            region,
        },
        website: Some(format!("https://{slug}.example.pk")),
        email: Some(format!("info@{slug}.example.pk")),
        employees: Some(rng.range(3, 5_000)),
        services,
        offices,
        certifications,
        awards,
        exports: exports(rng, founded),
        leads: Vec::new(),
        agreements: Vec::new(),
    }
}

fn certification(rng: &mut Rng, i: usize, k: u64, founded: Date, as_of: Date) -> Certification {
    let scheme = *rng.pick(Scheme::ALL);
    let edition = scheme.editions().last().copied().unwrap_or("1");
    let from = Date::new(2023, 1, 1).map_or(founded, |d| d.max(founded));
    let issued_on = date(rng, from, as_of);
    let years = scheme.max_validity_years();
    let cmmi = scheme == Scheme::Cmmi;
    Certification {
        scheme,
        edition: edition.to_owned(),
        level: cmmi.then(|| u8::try_from(rng.range(2, 5)).unwrap_or(3)),
        appraisal: cmmi.then_some(Appraisal::Benchmark),
        certificate_number: Some(format!("{}-{i}-{k}", scheme.as_str().to_uppercase())),
        issuer: "Example Certification Body".to_owned(),
        accredited_by: (!cmmi && rng.chance(50)).then(|| "PNAC".to_owned()),
        issued_on,
        expires_on: issued_on.add_years(years).add_days(-1),
        status: if rng.chance(5) {
            CertificationStatus::Suspended
        } else {
            CertificationStatus::Active
        },
        scope: rng
            .chance(30)
            .then(|| "Design, development and support of software".to_owned()),
    }
}

fn award(rng: &mut Rng, k: u64, founded: Date, as_of: Date) -> Option<Award> {
    let program = if rng.chance(60) {
        Program::Apicta
    } else {
        Program::PashaIct
    };
    let first = i32::from(program.first_year()).max(founded.year());
    let year = u16::try_from(rng.range(
        u64::try_from(first).ok()?,
        u64::try_from(as_of.year()).ok()?,
    ))
    .ok()?;
    Some(Award {
        program,
        program_name: None,
        year,
        category: Key::from_valid((*rng.pick(APICTA_CATEGORIES)).to_owned()),
        result: *rng.pick(AwardResult::ALL),
        entry: format!("Product {k}"),
        host_country: None,
    })
}

fn exports(rng: &mut Rng, founded: Date) -> Vec<ExportRecord> {
    let mut out = Vec::new();
    let first_fy = founded.year().max(2019);
    for fy in first_fy..=2024 {
        out.push(ExportRecord {
            period: Period::FiscalYear(fy),
            amount_usd: rng.range(50_000, 20_000_000),
            market: None,
            service: None,
        });
        if rng.chance(40) {
            out.push(ExportRecord {
                period: Period::FiscalYear(fy),
                amount_usd: rng.range(10_000, 5_000_000),
                market: Some(market(rng)),
                service: Some(ExportService::ComputerServices),
            });
        }
    }
    for month in 7..=12 {
        out.push(ExportRecord {
            period: Period::Month(2025, month),
            amount_usd: rng.range(5_000, 2_000_000),
            market: None,
            service: None,
        });
    }
    out
}
