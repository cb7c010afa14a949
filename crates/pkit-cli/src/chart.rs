//! `pkit report --chart FILE.svg`: ICT exports by fiscal year as bars, every target of the
//! same indicator and region as a marked point, in USD billions; `--promotion-chart FILE.svg`:
//! the leads (by stage) and contracted value credited to each initiative.

use std::path::Path;

use plotters::prelude::*;

use pkit::model::Indicator;
use pkit::value::Region;

const BAR: RGBColor = RGBColor(31, 119, 180);
const PARTIAL: RGBColor = RGBColor(158, 202, 225);
const TARGET: RGBColor = RGBColor(214, 39, 40);

/// One bar: the fiscal year (by start year), the value in USD, whether it is complete.
struct Bar {
    fiscal_year: i32,
    usd: u64,
    complete: bool,
}

fn billions(usd: u64) -> f64 {
    usd as f64 / 1e9
}

fn label(fy: i32) -> String {
    pkit::value::FiscalYear::new(fy).to_string()
}

/// Draws the chart of `registry` into the SVG file `path`.
pub(crate) fn draw(registry: &pkit::Registry, path: &Path) -> Result<(), String> {
    let series = registry.series(Indicator::IctExports, Region::PAKISTAN);
    let bars: Vec<Bar> = series
        .fiscal_years()
        .iter()
        .map(|t| Bar {
            fiscal_year: t.fiscal_year,
            usd: t.value,
            complete: t.is_complete(),
        })
        .collect();
    let targets: Vec<(i32, u64)> = registry
        .target_progress()
        .iter()
        .filter(|p| p.indicator == Indicator::IctExports && p.region == Region::PAKISTAN)
        .map(|p| (p.deadline_fiscal_year, p.target))
        .collect();
    if bars.is_empty() && targets.is_empty() {
        return Err("the registry has no ICT export figures or targets to chart".into());
    }
    let years = bars
        .iter()
        .map(|b| b.fiscal_year)
        .chain(targets.iter().map(|t| t.0));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let top = bars
        .iter()
        .map(|b| b.usd)
        .chain(targets.iter().map(|t| t.1))
        .max()
        .map_or(1.0, billions)
        * 1.1;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 540)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                "Pakistan's ICT exports by fiscal year, with targets",
                ("sans-serif", 22),
            )
            .margin(16)
            .x_label_area_size(56)
            .y_label_area_size(64)
            .build_cartesian_2d((first - 1) as f64 + 0.4..(last + 1) as f64 - 0.4, 0.0..top)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(usize::try_from(last - first + 1).unwrap_or(1))
            .x_label_formatter(&|x| label(x.round() as i32))
            .y_desc("USD billions")
            .x_desc("fiscal year (July to June)")
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().map(|b| {
                let x = f64::from(b.fiscal_year);
                let color = if b.complete { BAR } else { PARTIAL };
                Rectangle::new(
                    [(x - 0.35, 0.0), (x + 0.35, billions(b.usd))],
                    color.filled(),
                )
            }))
            .map_err(|e| e.to_string())?
            .label("ICT exports (pale: year not complete)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], BAR.filled()));
        chart
            .draw_series(targets.iter().map(|(fy, usd)| {
                Cross::new((f64::from(*fy), billions(*usd)), 7, TARGET.stroke_width(3))
            }))
            .map_err(|e| e.to_string())?
            .label("target, at its deadline")
            .legend(|(x, y)| Cross::new((x + 6, y), 5, TARGET.stroke_width(3)));
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.3))
            .draw()
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    pkit::fs::write_atomic(path, svg.as_bytes()).map_err(|e| e.to_string())
}

const WON: RGBColor = RGBColor(44, 160, 44);
const LOST: RGBColor = RGBColor(214, 39, 40);
const OPEN: RGBColor = RGBColor(199, 199, 199);

/// Draws `pkit report --promotion-chart FILE.svg`: for each initiative (top to bottom in
/// document order), its credited leads by stage (won, lost, open) on the left and the value of
/// its credited binding agreements on the right, in USD millions.
pub(crate) fn draw_promotion(registry: &pkit::Registry, path: &Path) -> Result<(), String> {
    let outcomes = registry.initiative_outcomes();
    if outcomes.is_empty() {
        return Err("the registry has no initiatives to chart".into());
    }
    let n = outcomes.len();
    let rows = |i: usize| (n - 1 - i) as f64;
    let most_leads = outcomes.iter().map(|o| o.outcome.leads).max().unwrap_or(0);
    let most_usd = outcomes
        .iter()
        .map(|o| o.outcome.contracted_value_usd)
        .max()
        .unwrap_or(0);
    let lead_top = (most_leads.max(1) as f64) * 1.1;
    let usd_top = (most_usd.max(1) as f64 / 1e6) * 1.1;
    let name = |y: &f64| {
        let i = n.checked_sub(1 + y.round() as usize);
        i.and_then(|i| outcomes.get(i))
            .map_or_else(String::new, |o| o.initiative_id.clone())
    };
    let height = u32::try_from(120 + 36 * n).unwrap_or(4000);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1100, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let root = root
            .titled(
                "Leads and contracted value credited to each initiative",
                ("sans-serif", 22),
            )
            .map_err(|e| e.to_string())?;
        let (left, right) = root.split_horizontally(620);
        let y_range = -0.6..(n as f64) - 0.4;
        let mut leads = ChartBuilder::on(&left)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(230)
            .build_cartesian_2d(0.0..lead_top, y_range.clone())
            .map_err(|e| e.to_string())?;
        leads
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&name)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .x_desc("leads credited")
            .draw()
            .map_err(|e| e.to_string())?;
        for (stage, color, start) in [("won", WON, 0usize), ("lost", LOST, 1), ("open", OPEN, 2)] {
            leads
                .draw_series(outcomes.iter().enumerate().map(|(i, o)| {
                    let o = &o.outcome;
                    let parts = [o.leads_won, o.leads_lost, o.leads_open];
                    let from: usize = parts.iter().take(start).sum();
                    let to = from + parts.get(start).copied().unwrap_or(0);
                    let y = rows(i);
                    Rectangle::new(
                        [(from as f64, y - 0.35), (to as f64, y + 0.35)],
                        color.filled(),
                    )
                }))
                .map_err(|e| e.to_string())?
                .label(stage)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
                });
        }
        leads
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.3))
            .draw()
            .map_err(|e| e.to_string())?;
        let mut value = ChartBuilder::on(&right)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(10)
            .build_cartesian_2d(0.0..usd_top, y_range)
            .map_err(|e| e.to_string())?;
        value
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_desc("binding agreements, USD millions")
            .draw()
            .map_err(|e| e.to_string())?;
        value
            .draw_series(outcomes.iter().enumerate().map(|(i, o)| {
                let y = rows(i);
                let usd = o.outcome.contracted_value_usd as f64 / 1e6;
                Rectangle::new([(0.0, y - 0.35), (usd, y + 0.35)], BAR.filled())
            }))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    pkit::fs::write_atomic(path, svg.as_bytes()).map_err(|e| e.to_string())
}
