//! Tests of the JSON pull parser.

use super::*;

fn skip_all(text: &str) -> Result<()> {
    let mut r = Reader::new(text, Limits::default());
    r.skip()?;
    r.finish()
}

#[test]
fn accepts_json() {
    for ok in [
        "{}",
        "[]",
        " {\"a\" : [1, -0, 2.5e-3, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\"]} ",
        "0",
        "-1.0E+2",
        "\"\"",
    ] {
        assert!(skip_all(ok).is_ok(), "{ok}");
    }
}

#[test]
fn rejects_non_json() {
    for bad in [
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1,]",
        "[1 2]",
        "01",
        "1.",
        "-",
        "1e",
        "tru",
        "nul",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"a\u{1}\"",
        "{} x",
        "{'a':1}",
        "NaN",
        "[,1]",
        "{,}",
        "{,\"a\":1}",
        "{\"a\":1 \"b\":2}",
        "\"\\n\u{1}\"",
    ] {
        assert!(matches!(skip_all(bad), Err(Stop::Syntax { .. })), "{bad:?}");
    }
}

#[test]
fn decodes_escapes() {
    let mut r = Reader::new(
        r#""a\"b\\c\/d\u0041\ud83d\ude00\b\f\n\r\t""#,
        Limits::default(),
    );
    assert_eq!(
        r.string().ok().as_deref(),
        Some("a\"b\\c/dA😀\u{8}\u{c}\n\r\t")
    );
}

#[test]
fn integers() {
    let n = |t: &str| {
        Number {
            text: t,
            integer: !t.contains(['.', 'e', 'E']),
        }
        .integer()
    };
    assert_eq!(n("0"), Integer::Value(0));
    assert_eq!(n("-0"), Integer::Value(0));
    assert_eq!(n("-3"), Integer::OutOfRange);
    assert_eq!(n("18446744073709551616"), Integer::OutOfRange);
    assert_eq!(n("1.0"), Integer::Fractional);
    assert_eq!(n("1e3"), Integer::Fractional);
}

#[test]
fn depth_limit_stops_early() {
    let deep = "[".repeat(100_000);
    assert!(matches!(skip_all(&deep), Err(Stop::Limit(_))));
    let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
    assert!(skip_all(&ok).is_ok());
    let over = format!("{}{}", "[".repeat(65), "]".repeat(65));
    assert!(matches!(skip_all(&over), Err(Stop::Limit(_))));
}

#[test]
fn limit_scan_after_an_error_in_a_string() {
    let small = Limits {
        max_string_bytes: 3,
        ..Limits::default()
    };
    // Reads `text` as a string, which fails, and scans on from there for a broken limit.
    let scan_after = |text: &str| {
        let Err(Stop::Syntax {
            at,
            in_string,
            depth,
            ..
        }) = Reader::new(text, small).string()
        else {
            panic!("syntax error expected in {text:?}")
        };
        limit_after_syntax_error(text, at, in_string, depth, small)
    };
    // An unterminated string at the very end: no underflow, no limit.
    assert_eq!(scan_after("\""), None);
    // A control character inside a long string: the string's length still counts.
    assert!(scan_after("\"ab\u{1}cdef\"").is_some());
}

#[test]
fn limit_scan_counts_strings_and_brackets_exactly() {
    let small = Limits {
        max_string_bytes: 3,
        max_depth: 2,
        ..Limits::default()
    };
    let scan = |text: &str| limit_after_syntax_error(text, 0, None, 0, small);
    // A string of exactly the limit passes, one byte more does not; closed or not.
    assert_eq!(scan(r#"x "abc" "#), None);
    assert!(scan(r#"x "abcd" "#).is_some());
    assert_eq!(scan(r#"x "abc"#), None);
    assert!(scan(r#"x "abcd"#).is_some());
    // An escaped quote does not end a string; a quote does.
    assert!(scan(r#"x "ab\"cd" "#).is_some());
    assert_eq!(scan(r#"x "ab", "cd""#), None);
    // Nesting of exactly the limit passes; closing brackets count down.
    assert_eq!(scan("x [{"), None);
    assert!(scan("x [{[").is_some());
    assert_eq!(scan("x [[]][{}][]"), None);
}

#[test]
fn surrogate_escapes_are_named() {
    let message = |text: &str| match Reader::new(text, Limits::default()).string() {
        Err(Stop::Syntax { message, .. }) => message,
        other => panic!("syntax error expected, got {other:?}"),
    };
    assert_eq!(
        message(r#""\udc00""#),
        "lone trailing surrogate in a \\u escape"
    );
    assert_eq!(
        message(r#""\ud800x""#),
        "lone leading surrogate in a \\u escape"
    );
}
