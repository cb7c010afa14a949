//! HTML tables of a [`Report`], a [`Summary`] and a [`Registry`], for notebooks (Python's
//! `_repr_html_`) and any page that shows them: plain `<table>` markup with a class per kind
//! (`pkit-issues`, `pkit-summary`, `pkit-registry`) and no styles or scripts, every text
//! escaped.
//!
//! # Example
//! ```
//! let report = pkit::validate(r#"{"schema_version": 1, "as_of": "2024-02-30"}"#);
//! let html = report.to_html();
//! assert!(html.starts_with("<table class=\"pkit-issues\">"));
//! assert!(html.contains("<td>invalid_date</td>"));
//! ```

use std::fmt::Write;

use crate::analytics::{Count, Summary};
use crate::issue::Report;
use crate::registry::Registry;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A table of `class` with a caption, a header row and the rows (cells already escaped).
fn table(class: &str, caption: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!(
        "<table class=\"{class}\"><caption>{}</caption><thead><tr>",
        escape(caption)
    );
    for h in header {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn count_rows(prefix: &str, counts: &[Count]) -> Vec<Vec<String>> {
    counts
        .iter()
        .map(|c| vec![escape(&format!("{prefix}{}", c.label)), c.count.to_string()])
        .collect()
}

impl Report {
    /// The issues as an HTML table: severity, code, line, column, path and message, under the
    /// report's headline.
    ///
    /// # Example
    /// ```
    /// let html = pkit::validate(r#"{"schema_version": 1}"#).to_html();
    /// assert!(html.contains("<td>missing_field</td>"));
    /// assert!(html.contains("<caption>invalid registry: 1 error</caption>"));
    /// ```
    pub fn to_html(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .issues()
            .iter()
            .map(|issue| {
                let line = match (issue.file(), issue.line()) {
                    (Some(file), Some(line)) => format!("{file}:{line}"),
                    (None, Some(line)) => line.to_string(),
                    (_, None) => String::new(),
                };
                let column = match (issue.column(), issue.header()) {
                    (Some(column), _) => column.to_string(),
                    (None, Some(header)) => header.to_owned(),
                    (None, None) => String::new(),
                };
                vec![
                    issue.severity.as_str().to_owned(),
                    issue.code.as_str().to_owned(),
                    escape(&line),
                    escape(&column),
                    escape(&issue.path),
                    escape(&issue.message),
                ]
            })
            .collect();
        table(
            "pkit-issues",
            &self.headline(),
            &["severity", "code", "line", "column", "path", "message"],
            &rows,
        )
    }
}

impl Summary {
    /// The summary as an HTML table of counts: companies (by region and legal form),
    /// certificates and awards (by scheme and program), observations, targets, rankings and
    /// warnings.
    ///
    /// # Example
    /// ```
    /// let html = pkit::Registry::sample().summary().to_html();
    /// assert!(html.starts_with("<table class=\"pkit-summary\">"));
    /// assert!(html.contains("<td>companies</td>"));
    /// ```
    pub fn to_html(&self) -> String {
        let mut rows = vec![vec!["companies".to_owned(), self.companies.to_string()]];
        rows.extend(count_rows("companies in ", &self.companies_by_region));
        rows.extend(count_rows("companies: ", &self.companies_by_legal_form));
        for scheme in &self.certifications {
            rows.push(vec![
                escape(&format!("certificates: {}", scheme.label)),
                scheme.total.to_string(),
            ]);
        }
        for program in &self.awards {
            rows.push(vec![
                escape(&format!("awards: {}", program.label)),
                program.total.to_string(),
            ]);
        }
        rows.extend(count_rows(
            "observations: ",
            &self.observations_by_indicator,
        ));
        rows.push(vec!["targets".to_owned(), self.targets.to_string()]);
        rows.push(vec!["rankings".to_owned(), self.rankings.to_string()]);
        rows.push(vec!["warnings".to_owned(), self.warnings.len().to_string()]);
        table(
            "pkit-summary",
            &format!("Summary as of {}", self.as_of),
            &["", "count"],
            &rows,
        )
    }
}

impl Registry {
    /// The registry as an HTML table: how many records of each kind it holds, as of its date.
    ///
    /// # Example
    /// ```
    /// let html = pkit::Registry::sample().to_html();
    /// assert!(html.contains("<caption>Registry as of 2026-01-31</caption>"));
    /// assert!(html.contains("<td>certifications</td>"));
    /// ```
    pub fn to_html(&self) -> String {
        let companies = self.companies();
        let sum =
            |f: fn(&crate::model::Company) -> usize| -> usize { companies.iter().map(f).sum() };
        let counts = [
            ("companies", companies.len()),
            ("offices", sum(|c| c.offices.len())),
            ("certifications", sum(|c| c.certifications.len())),
            ("awards", sum(|c| c.awards.len())),
            ("exports", sum(|c| c.exports.len())),
            ("leads", sum(|c| c.leads.len())),
            ("agreements", sum(|c| c.agreements.len())),
            ("observations", self.observations().len()),
            ("targets", self.targets().len()),
            ("rankings", self.rankings().len()),
            ("initiatives", self.initiatives().len()),
            ("claims", self.claims().len()),
            ("warnings", self.warnings().len()),
        ];
        let rows: Vec<Vec<String>> = counts
            .iter()
            .map(|(name, n)| vec![(*name).to_owned(), n.to_string()])
            .collect();
        table(
            "pkit-registry",
            &format!("Registry as of {}", self.as_of()),
            &["records", "count"],
            &rows,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_document_is_escaped() {
        assert_eq!(
            escape("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
        let report = crate::validate(r#"{"schema_version": 1, "as_of": "2024-06-30", "<b>": 1}"#);
        let html = report.to_html();
        assert!(html.contains("/&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn every_issue_is_one_row() {
        let report = crate::validate(r#"{"schema_version": 1, "as_of": "2024-02-30", "x": 1}"#);
        let html = report.to_html();
        assert_eq!(html.matches("<tr>").count(), 1 + report.issues().len());
        assert!(html.contains("<td>1</td>"), "lines are shown: {html}");
    }
}
