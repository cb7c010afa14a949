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
