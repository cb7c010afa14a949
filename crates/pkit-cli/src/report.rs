//! `pkit report`: a readable summary of a registry and what its data says (exports by fiscal
//! year with growth, target progress, certification coverage, top exporters, awards,
//! promotion), or the same as JSON. Every line fits 80 columns.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use pkit::analytics::{
    ClaimCheck, CompanyAwards, CompanyValue, Count, Coverage, ExportTotal, FiscalYearTotal,
    FollowThrough, InitiativeOutcome, MarketOutcome, OutcomeGroup, ParticipationGrowth, Summary,
    TargetProgress, TargetStatus,
};
use pkit::model::{DerivedStatus, Headcount, Indicator};
use pkit::value::Region;

/// How many companies the top lists show.
const TOP: usize = 5;

/// Everything the report shows, computed by the core.
#[derive(Serialize)]
struct Analysis {
    summary: Summary,
    /// Pakistan's ICT exports per fiscal year, with year-on-year growth in percent.
    ict_exports: Vec<YearRow>,
    targets: Vec<TargetProgress>,
    certification_coverage: Vec<Coverage>,
    /// The registry's companies together, per fiscal year.
    company_exports: Vec<ExportTotal>,
    top_exporters: Option<TopExporters>,
    award_leaders: Vec<CompanyAwards>,
    /// What the export board's initiatives yielded (`docs/promotion.md`).
    promotion: Promotion,
}

/// The promotion analytics, and the headcounts as reported.
#[derive(Serialize)]
struct Promotion {
    initiatives: Vec<InitiativeOutcome>,
    by_fiscal_year: Vec<OutcomeGroup>,
    by_host_country: Vec<OutcomeGroup>,
    by_counterparty_country: Vec<MarketOutcome>,
    follow_through: FollowThrough,
    participation_growth: Vec<ParticipationGrowth>,
    claims: Vec<ClaimCheck>,
    /// Each initiative's headcounts, side by side: never added.
    headcounts: Vec<InitiativeHeadcounts>,
}

#[derive(Serialize)]
struct InitiativeHeadcounts {
    initiative_id: String,
    headcounts: Vec<Headcount>,
}

#[derive(Serialize)]
struct YearRow {
    #[serde(flatten)]
    total: FiscalYearTotal,
    growth_percent: Option<f64>,
}

#[derive(Serialize)]
struct TopExporters {
    fiscal_year: String,
    companies: Vec<CompanyValue>,
}

fn analyse(registry: &pkit::Registry) -> Analysis {
    let series = registry.series(Indicator::IctExports, Region::PAKISTAN);
    let growth = series.growth();
    let ict_exports = series
        .fiscal_years()
        .into_iter()
        .map(|total| YearRow {
            growth_percent: growth
                .iter()
                .find(|g| g.to_year() == total.fiscal_year)
                .map(|g| g.percent()),
            total,
        })
        .collect();
    let company_exports = registry.exports_by_fiscal_year();
    let top_year = company_exports
        .iter()
        .rev()
        .find(|t| t.complete)
        .or(company_exports.last())
        .map(|t| t.fiscal_year);
    let top_exporters = top_year.map(|fy| TopExporters {
        fiscal_year: fiscal_label(fy),
        companies: registry.top_exporters(fy, TOP),
    });
    let mut award_leaders = registry.companies_by_awards();
    award_leaders.truncate(TOP);
    let promotion = Promotion {
        initiatives: registry.initiative_outcomes(),
        by_fiscal_year: registry.outcomes_by_fiscal_year(),
        by_host_country: registry.outcomes_by_host_country(),
        by_counterparty_country: registry.outcomes_by_counterparty_country(),
        follow_through: registry.follow_through(),
        participation_growth: registry.participation_growth(),
        claims: registry.claims_reconciled(),
        headcounts: registry
            .initiatives()
            .iter()
            .filter(|i| !i.headcounts.is_empty())
            .map(|i| InitiativeHeadcounts {
                initiative_id: i.id.as_str().to_owned(),
                headcounts: i.headcounts.clone(),
            })
            .collect(),
    };
    Analysis {
        promotion,
        summary: registry.summary(),
        ict_exports,
        targets: registry.target_progress(),
        certification_coverage: registry.certification_coverage(registry.as_of()),
        company_exports,
        top_exporters,
        award_leaders,
    }
}

/// The SVG files `pkit report` may draw besides its text.
pub(crate) struct Charts<'a> {
    /// ICT exports by fiscal year, with the targets.
    pub(crate) exports: Option<&'a Path>,
    /// Leads and contracted value per initiative.
    pub(crate) promotion: Option<&'a Path>,
}

pub(crate) fn run(file: Option<&Path>, json: bool, charts: Charts<'_>) -> Result<ExitCode, String> {
    let registry = match file {
        None => pkit::Registry::sample(),
        Some(path) => match super::load(path) {
            Ok(registry) => registry,
            Err(pkit::Error::Io { path, source }) => {
                return Err(format!("{}: {source}", path.display()))
            }
            Err(e) => {
                super::rejected(&path.to_string_lossy(), &e, "no report");
                return Ok(ExitCode::from(1));
            }
        },
    };
    if let Some(chart) = charts.exports {
        super::chart::draw(&registry, chart)?;
    }
    if let Some(chart) = charts.promotion {
        super::chart::draw_promotion(&registry, chart)?;
    }
    let analysis = analyse(&registry);
    let mut text = if json {
        serde_json::to_string_pretty(&analysis).map_err(|e| e.to_string())?
    } else {
        render(&analysis, file)
    };
    text.push('\n');
    super::print(&text)
}

fn fiscal_label(fy: i32) -> String {
    pkit::value::FiscalYear::new(fy).to_string()
}

/// US dollars as millions with one decimal and thousands separators: `3,810.0`.
fn millions(usd: u64) -> String {
    let tenths = (usd + 50_000) / 100_000;
    format!("{}.{}", grouped(tenths / 10), tenths % 10)
}

/// An integer with thousands separators: `100,000,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes `text` wrapped to 80 columns, indented by two, its later lines by six.
fn hanging(out: &mut String, text: &str) {
    for (i, line) in wrap(text, 80 - 6).iter().enumerate() {
        let indent = if i == 0 { 2 } else { 6 };
        let _ = writeln!(out, "{:indent$}{line}", "");
    }
}

/// A growth rate as a signed percentage with two decimals, or `—`.
fn growth(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("{:+.2}%", r * 100.0))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stands
/// alone on its line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
}

fn counts(out: &mut String, counts: &[Count]) {
    let width = counts.iter().map(|c| c.label.len()).max().unwrap_or(0);
    for c in counts {
        let _ = writeln!(out, "  {:<width$}  {:>6}", c.label, c.count);
    }
}

fn render(a: &Analysis, file: Option<&Path>) -> String {
    let s = &a.summary;
    let mut out = String::new();
    let source = file.map_or_else(
        || "the built-in sample (fictional companies, public national figures)".to_owned(),
        |f| f.display().to_string(),
    );
    for line in wrap(&format!("pkit report: {source}"), 80) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "as of {}: {}, {}, {}, {}",
        s.as_of,
        plural(s.companies, "company", "companies"),
        plural(s.targets, "target", "targets"),
        plural(s.rankings, "ranking", "rankings"),
        plural(s.warnings.len(), "warning", "warnings"),
    );
    exports_section(&mut out, a);
    targets_section(&mut out, &a.targets);
    coverage_section(&mut out, a);
    company_exports_section(&mut out, a);
    promotion_sections(&mut out, &a.promotion);
    summary_sections(&mut out, s, &a.award_leaders);
    out.pop();
    out
}

fn exports_section(out: &mut String, a: &Analysis) {
    if a.ict_exports.is_empty() {
        return;
    }
    heading(out, "ICT exports of Pakistan by fiscal year (USD millions)");
    let _ = writeln!(
        out,
        "  {:<12} {:>10} {:>8}  basis",
        "fiscal year", "USD m", "growth"
    );
    for row in &a.ict_exports {
        let t = &row.total;
        let growth = row
            .growth_percent
            .map_or_else(String::new, |g| format!("{g:+.1}%"));
        let basis = if t.is_complete() {
            t.basis.as_str().to_owned()
        } else {
            format!("partial: {} of 12 months", t.months_covered)
        };
        let _ = writeln!(
            out,
            "  {:<12} {:>10} {:>8}  {basis}",
            t.label(),
            millions(t.value),
            growth
        );
    }
}

fn status_text(status: TargetStatus) -> &'static str {
    match status {
        TargetStatus::Met => "met",
        TargetStatus::Missed => "missed",
        TargetStatus::OnTrack => "on track",
        TargetStatus::OffTrack => "off track",
        TargetStatus::NoData => "no data",
    }
}

fn targets_section(out: &mut String, targets: &[TargetProgress]) {
    if targets.is_empty() {
        return;
    }
    heading(out, "Targets");
    for t in targets {
        let _ = writeln!(
            out,
            "  {:<30} {:>10}m by {:<10} {}",
            t.id.as_str(),
            millions(t.target),
            t.deadline.to_string(),
            status_text(t.status)
        );
        let mut detail = Vec::new();
        if let (Some(latest), Some(share)) = (&t.latest, t.share_achieved) {
            detail.push(format!(
                "latest {} {}m ({:.1}%)",
                latest.label(),
                millions(latest.value),
                share * 100.0
            ));
        }
        if let Some(gap) = t.gap.filter(|&g| g > 0) {
            detail.push(format!("gap {}m", millions(gap)));
        }
        if let Some(cagr) = t.required_cagr {
            detail.push(format!("needs {:.1}% a year", cagr * 100.0));
        }
        if let (Some(trailing), Some(projected)) = (t.trailing_cagr, t.projected) {
            if t.status != TargetStatus::Missed && t.status != TargetStatus::Met {
                detail.push(format!(
                    "at the trailing {:.1}% a year: {}m",
                    trailing * 100.0,
                    millions(projected)
                ));
            }
        }
        for line in wrap(&detail.join("; "), 80 - 4) {
            let _ = writeln!(out, "    {line}");
        }
    }
}

fn coverage_section(out: &mut String, a: &Analysis) {
    heading(
        out,
        &format!(
            "Certification coverage on {} (certificate in force)",
            a.summary.as_of
        ),
    );
    let _ = writeln!(out, "  {:<12} {:>9} {:>7}", "scheme", "companies", "share");
    for c in &a.certification_coverage {
        let _ = writeln!(
            out,
            "  {:<12} {:>9} {:>6.1}%",
            c.scheme.as_str(),
            c.companies,
            c.share * 100.0
        );
    }
}

fn company_exports_section(out: &mut String, a: &Analysis) {
    if a.company_exports.is_empty() {
        return;
    }
    heading(out, "Exports of the registry's companies (USD millions)");
    for t in &a.company_exports {
        let note = if t.complete { "" } else { "  (not complete)" };
        let _ = writeln!(
            out,
            "  {:<12} {:>12}{note}",
            fiscal_label(t.fiscal_year),
            millions(t.value)
        );
    }
    if let Some(top) = &a.top_exporters {
        heading(
            out,
            &format!("Top exporters, {} (USD millions)", top.fiscal_year),
        );
        for (i, c) in top.companies.iter().enumerate() {
            let name: String = c.legal_name.chars().take(56).collect();
            let _ = writeln!(out, "  {:>2}. {name:<56} {:>12}", i + 1, millions(c.value));
        }
    }
}

/// A ratio with `decimals` decimals, or `—` when it cannot be computed.
fn ratio(r: Option<f64>, decimals: usize) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("{r:.decimals$}"))
}

/// A share as a percentage with one decimal, or `—`.
fn percent(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// An id cut to `width` characters, with `…` when cut.
fn cut(id: &str, width: usize) -> String {
    if id.chars().count() <= width {
        id.to_owned()
    } else {
        let mut s: String = id.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// A table's columns: each one's width, and whether it is left-aligned (text).
type Layout = &'static [(usize, bool)];

/// One row of a table, indented by two, its cells padded to their columns.
fn row(out: &mut String, layout: Layout, cells: &[String]) {
    out.push(' ');
    for (&(width, left), cell) in layout.iter().zip(cells) {
        out.push(' ');
        let _ = if left {
            write!(out, "{cell:<width$}")
        } else {
            write!(out, "{cell:>width$}")
        };
    }
    out.push('\n');
}

/// `names` as the header row of a table.
fn header(out: &mut String, layout: Layout, names: &[&str]) {
    let cells: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    row(out, layout, &cells);
}

fn promotion_sections(out: &mut String, p: &Promotion) {
    if p.initiatives.is_empty() {
        return;
    }
    heading(
        out,
        "Promotion: what each initiative yielded (credited records, USD millions)",
    );
    const PER_INITIATIVE: Layout = &[
        (27, true),
        (9, true),
        (5, false),
        (5, false),
        (7, false),
        (4, false),
        (7, false),
        (7, false),
    ];
    header(
        out,
        PER_INITIATIVE,
        &[
            "initiative",
            "FY",
            "part.",
            "leads",
            "won/lst",
            "bind",
            "USD m",
            "per $",
        ],
    );
    for i in &p.initiatives {
        let o = &i.outcome;
        row(
            out,
            PER_INITIATIVE,
            &[
                cut(&i.initiative_id, 27),
                fiscal_label(i.fiscal_year),
                o.participants.to_string(),
                o.leads.to_string(),
                format!("{}/{}", o.leads_won, o.leads_lost),
                o.binding_agreements.to_string(),
                millions(o.contracted_value_usd),
                ratio(o.return_per_usd, 2),
            ],
        );
    }
    out.push_str("  per $: binding contracted value per dollar of public cost\n");

    heading(
        out,
        "Promotion by host country (cost measures over costed initiatives)",
    );
    const BY_HOST: Layout = &[
        (7, true),
        (11, false),
        (6, false),
        (6, false),
        (10, false),
        (11, false),
        (8, false),
    ];
    header(
        out,
        BY_HOST,
        &[
            "country",
            "initiatives",
            "leads",
            "conv.",
            "USD m",
            "cost/lead",
            "per $",
        ],
    );
    for g in &p.by_host_country {
        let o = &g.outcome;
        row(
            out,
            BY_HOST,
            &[
                g.label.clone(),
                g.initiatives.len().to_string(),
                o.leads.to_string(),
                percent(o.conversion),
                millions(o.contracted_value_usd),
                ratio(o.cost_per_lead, 0),
                ratio(o.return_per_usd, 2),
            ],
        );
    }

    if !p.by_counterparty_country.is_empty() {
        heading(
            out,
            "Promotion by counterparty country (which markets yield)",
        );
        const BY_MARKET: Layout = &[
            (7, true),
            (6, false),
            (6, false),
            (6, false),
            (8, false),
            (10, false),
            (11, false),
        ];
        header(
            out,
            BY_MARKET,
            &[
                "country",
                "leads",
                "won",
                "conv.",
                "binding",
                "USD m",
                "non-binding",
            ],
        );
        for m in &p.by_counterparty_country {
            row(
                out,
                BY_MARKET,
                &[
                    m.country.as_str().to_owned(),
                    m.leads.to_string(),
                    m.leads_won.to_string(),
                    percent(m.conversion),
                    m.binding_agreements.to_string(),
                    millions(m.contracted_value_usd),
                    m.non_binding_agreements.to_string(),
                ],
            );
        }
    }

    let f = &p.follow_through;
    if f.total > 0 {
        heading(
            out,
            "MoU follow-through (a binding agreement within 365 days)",
        );
        let not_followed = f.total - f.followed - f.pending;
        let line = format!(
            "{} MoUs and letters of intent: {} followed, {} not followed, {} pending \
             (their year is not over); followed: {}",
            f.total,
            f.followed,
            not_followed,
            f.pending,
            percent(f.share)
        );
        hanging(out, &line);
    }

    if !p.participation_growth.is_empty() {
        heading(
            out,
            "Export growth to the next fiscal year: participants and the others",
        );
        const GROWTH: Layout = &[
            (27, true),
            (9, true),
            (9, false),
            (8, false),
            (9, false),
            (8, false),
        ];
        header(
            out,
            GROWTH,
            &["initiative", "FY", "measured", "growth", "others", "growth"],
        );
        for g in &p.participation_growth {
            let (part, rest) = (&g.participants, &g.non_participants);
            row(
                out,
                GROWTH,
                &[
                    cut(&g.initiative_id, 27),
                    fiscal_label(g.fiscal_year),
                    format!("{}/{}", part.measured, part.members),
                    growth(part.growth),
                    format!("{}/{}", rest.measured, rest.members),
                    growth(rest.growth),
                ],
            );
        }
        out.push_str("  measured: companies with complete totals in both years\n");
    }

    if !p.headcounts.is_empty() {
        heading(
            out,
            "Headcounts as reported (each its own count, never added)",
        );
        for h in &p.headcounts {
            let parts: Vec<String> = h
                .headcounts
                .iter()
                .map(|c| format!("{} {} ({})", c.value, c.metric, c.reported_by))
                .collect();
            hanging(out, &format!("{}: {}", h.initiative_id, parts.join("; ")));
        }
    }

    if !p.claims.is_empty() {
        heading(out, "Claims beside the records");
        for c in &p.claims {
            let about = c
                .initiative
                .clone()
                .or_else(|| c.period.map(|p| p.to_string()))
                .unwrap_or_default();
            let recorded = match c.recorded {
                Some(r) if r.fract() == 0.0 && r >= 0.0 => format!(
                    "the records: {}; claimed ÷ recorded {}",
                    grouped(r as u64),
                    ratio(c.ratio, 2)
                ),
                Some(r) => format!(
                    "the records: {r:.4}; claimed ÷ recorded {}",
                    ratio(c.ratio, 2)
                ),
                None => "cannot be computed from the records".to_owned(),
            };
            let line = format!(
                "{} ({about}): {} {} claimed by {}; {recorded}",
                c.claim_id,
                grouped(c.claimed),
                c.metric,
                c.claimed_by
            );
            hanging(out, &line);
        }
    }
}

fn summary_sections(out: &mut String, s: &Summary, leaders: &[CompanyAwards]) {
    heading(out, "Companies by region");
    counts(out, &s.companies_by_region);
    heading(out, "Companies by legal form");
    counts(out, &s.companies_by_legal_form);

    heading(
        out,
        &format!("Certifications by scheme and status on {}", s.as_of),
    );
    let statuses = DerivedStatus::ALL;
    let short = |d: DerivedStatus| match d {
        DerivedStatus::NotYetValid => "not yet",
        other => other.as_str(),
    };
    let _ = write!(out, "  {:<12}", "scheme");
    for &d in statuses {
        let _ = write!(out, " {:>9}", short(d));
    }
    out.push('\n');
    for b in &s.certifications {
        let _ = write!(out, "  {:<12}", b.label);
        for &d in statuses {
            let n = b
                .counts
                .iter()
                .find(|c| c.label == d.as_str())
                .map_or(0, |c| c.count);
            let _ = write!(out, " {n:>9}");
        }
        out.push('\n');
    }

    heading(out, "Awards by program and result");
    for b in &s.awards {
        let parts: Vec<String> = b
            .counts
            .iter()
            .map(|c| format!("{} {}", c.count, c.label))
            .collect();
        let _ = writeln!(
            out,
            "  {:<10} {:>4}  ({})",
            b.label,
            b.total,
            parts.join(", ")
        );
    }
    if !leaders.is_empty() {
        heading(out, "Most awarded companies");
        for (i, c) in leaders.iter().enumerate() {
            let name: String = c.legal_name.chars().take(50).collect();
            let _ = writeln!(
                out,
                "  {:>2}. {name:<50} {:>3} awards, {:>2} won",
                i + 1,
                c.awards,
                c.winners
            );
        }
    }
    heading(out, "Observations by indicator");
    counts(out, &s.observations_by_indicator);
    heading(out, "Warnings");
    if s.warnings.is_empty() {
        out.push_str("  none\n");
    }
    for w in &s.warnings {
        let _ = writeln!(out, "  {} {}", w.code, w.path);
        for line in wrap(&w.message, 80 - 4) {
            let _ = writeln!(out, "    {line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millions_round_and_group() {
        assert_eq!(millions(3_810_000_000), "3,810.0");
        assert_eq!(millions(2_605_340_000), "2,605.3");
        assert_eq!(millions(5_520_000), "5.5");
        assert_eq!(millions(0), "0.0");
        assert_eq!(millions(30_000_000_000), "30,000.0");
    }

    #[test]
    fn wrap_keeps_lines_short() {
        let lines = wrap("aaa bbb ccc ddd", 7);
        assert_eq!(lines, ["aaa bbb", "ccc ddd"]);
    }
}
