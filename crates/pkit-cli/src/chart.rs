//! `pkit report --chart FILE.svg`: ICT exports by fiscal year as bars, every target of the
//! same indicator and region as a marked point, in USD billions.

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
