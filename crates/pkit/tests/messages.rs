//! The messages of issues: what a person reads, checked word for word where the words carry
//! the facts (the kind found, the kind expected).

/// The only issue of validating `text`, as `path: code: message`.
fn only_issue(text: &str) -> String {
    let report = pkit::validate(text);
    assert_eq!(report.len(), 1, "{report}");
    let issue = &report.issues()[0];
    format!("{}: {}: {}", issue.path, issue.code, issue.message)
}

#[test]
fn a_value_of_the_wrong_kind_names_the_kind_found_and_the_kind_expected() {
    for (value, noun) in [
        ("{}", "an object"),
        ("[]", "an array"),
        ("1", "a number"),
        ("true", "a boolean"),
    ] {
        assert_eq!(
            only_issue(&format!(r#"{{"schema_version": 1, "as_of": {value}}}"#)),
            format!("/as_of: invalid_type: expected a string, found {noun}")
        );
    }
    for (value, noun) in [
        ("{}", "an object"),
        ("1", "a number"),
        ("true", "a boolean"),
        (r#""x""#, "a string"),
    ] {
        assert_eq!(
            only_issue(&format!(
                r#"{{"schema_version": 1, "as_of": "2024-06-30", "companies": {value}}}"#
            )),
            format!("/companies: invalid_type: expected an array, found {noun}")
        );
    }
}

#[test]
fn a_document_that_is_not_an_object_says_what_it_is() {
    for (text, noun) in [
        ("[]", "an array"),
        ("1", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
        (r#""x""#, "a string"),
    ] {
        assert_eq!(
            only_issue(text),
            format!(": invalid_type: the document must be a JSON object, found {noun}")
        );
    }
}

/// The issue at `path` of validating `text`, as `code: message`.
fn issue_at(text: &str, path: &str) -> String {
    let report = pkit::validate(text);
    let issue = report
        .issues()
        .iter()
        .find(|i| i.path == path)
        .unwrap_or_else(|| panic!("no issue at {path}: {report}"));
    format!("{}: {}", issue.code, issue.message)
}

/// A document of one company with `extra` (JSON members, compact) among its fields.
fn company_with(extra: &str) -> String {
    format!(
        r#"{{"schema_version":1,"as_of":"2025-06-30","companies":[{{"id":"acme-soft","legal_name":"Acme Software (Private) Limited","legal_form":"private_limited","headquarters":{{"city":"Lahore","region":"PK-PB"}},{extra}}}]}}"#
    )
}

/// A document of one company with one export of 1,000 USD for each of these periods.
fn company_with_exports(periods: &[&str]) -> String {
    let exports: Vec<String> = periods
        .iter()
        .map(|p| format!(r#"{{"period":"{p}","amount_usd":1000}}"#))
        .collect();
    company_with(&format!(r#""exports":[{}]"#, exports.join(",")))
}

/// A CMMI appraisal's members without its level.
const CMMI: &str = r#""scheme":"cmmi","edition":"2.0","issuer":"Process Dynamics Lead Appraisers","issued_on":"2023-05-01","expires_on":"2026-05-01""#;

#[test]
fn an_unsupported_version_is_shown_as_written() {
    for version in ["2", "-1", "18446744073709551616"] {
        assert_eq!(
            only_issue(&format!(
                r#"{{"schema_version": {version}, "as_of": "2024-06-30"}}"#
            )),
            format!(
                "/schema_version: unsupported_version: schema_version {version} is not \
                 supported; this version of pkit reads version 1"
            )
        );
    }
}

#[test]
fn an_integer_out_of_range_states_the_range() {
    let ranking = |rank: &str| {
        format!(
            r#"{{"schema_version":1,"as_of":"2025-06-30","rankings":[{{"index":"Payoneer Global Gig-Economy Index","publisher":"Payoneer","period":"2019","metric":"growth in freelancer earnings","rank":{rank}}}]}}"#
        )
    };
    // No upper bound: only the lower one is stated.
    assert_eq!(
        only_issue(&ranking("0")),
        "/rankings/0/rank: out_of_range: expected an integer of at least 1"
    );
    assert_eq!(
        only_issue(&ranking("1.5")),
        "/rankings/0/rank: invalid_type: expected an integer (no fraction or exponent)"
    );
    let cmmi = company_with(&format!(r#""certifications":[{{{CMMI},"level":6}}]"#));
    assert_eq!(
        issue_at(&cmmi, "/companies/0/certifications/0/level"),
        "out_of_range: expected an integer in 2..=5"
    );
}

#[test]
fn a_repeated_or_overlapping_export_names_the_first_record_it_repeats() {
    // Three records of one month: both repeats name the first.
    let text = company_with_exports(&["2024-03", "2024-03", "2024-03"]);
    for n in [1, 2] {
        assert_eq!(
            issue_at(&text, &format!("/companies/0/exports/{n}")),
            "duplicate_record: a record for 2024-03 with the same market and service is \
             already at /companies/0/exports/0"
        );
    }
    // The quarter overlaps only the October record (1), not the July one (0).
    let text = company_with_exports(&["2023-07", "2023-10", "FY2023-24-Q2"]);
    assert_eq!(
        issue_at(&text, "/companies/0/exports/2"),
        "overlapping_periods: FY2023-24-Q2 overlaps another period at /companies/0/exports/1 \
         with the same market and service: the same revenue would count twice"
    );
}

#[test]
fn an_issue_at_the_end_of_a_record_comes_before_the_next_record() {
    // The missing CMMI level is reported at the certificate's closing brace, so it comes before
    // the issue of the element that follows it directly (compact JSON: `},5]`).
    let text = company_with(&format!(r#""certifications":[{{{CMMI}}},5]"#));
    let report = pkit::validate(&text);
    let paths: Vec<&str> = report.issues().iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/companies/0/certifications/0/level",
            "/companies/0/certifications/1"
        ],
        "{report}"
    );
}
