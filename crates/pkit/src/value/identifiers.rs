//! Checks for Pakistani company identifiers (NTN, CUIN) and the global LEI.

use super::ParseError;
use crate::issue::Code;

/// Checks a National Tax Number: seven digits, optionally `-` and a check digit.
///
/// # Errors
/// `invalid_ntn`.
///
/// # Example
/// ```
/// use pkit::value::check_ntn;
/// assert!(check_ntn("1234567").is_ok());
/// assert!(check_ntn("1234567-8").is_ok());
/// assert!(check_ntn("123456").is_err());
/// assert!(check_ntn("1234567-").is_err());
/// ```
pub fn check_ntn(s: &str) -> Result<(), ParseError> {
    let b = s.as_bytes();
    let digits = |x: &[u8]| x.iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        7 => digits(b),
        9 => digits(&b[..7]) && b[7] == b'-' && b[8].is_ascii_digit(),
        _ => false,
    };
    ok.then_some(()).ok_or_else(|| {
        ParseError::new(
            Code::InvalidNtn,
            format!("`{s}` is not an NTN: expected seven digits, optionally followed by -digit (1234567-8)"),
        )
    })
}

/// The seven digits that name the taxpayer of a valid NTN (`1234567-8` → `1234567`).
///
/// # Example
/// ```
/// assert_eq!(pkit::value::ntn_taxpayer("1234567-8"), "1234567");
/// ```
pub fn ntn_taxpayer(ntn: &str) -> &str {
    ntn.get(..7).unwrap_or(ntn)
}

/// Checks a Corporate Unique Identification Number: 5 to 10 digits.
///
/// # Errors
/// `invalid_cuin`.
///
/// # Example
/// ```
/// use pkit::value::check_cuin;
/// assert!(check_cuin("0123456").is_ok());
/// assert!(check_cuin("1234").is_err());
/// ```
pub fn check_cuin(s: &str) -> Result<(), ParseError> {
    let ok = (5..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(()).ok_or_else(|| {
        ParseError::new(
            Code::InvalidCuin,
            format!("`{s}` is not a CUIN: expected 5 to 10 digits"),
        )
    })
}

/// ISO 7064 MOD 97-10 over digits and upper-case letters (A = 10, ..., Z = 35).
pub(crate) fn mod97(chars: &[u8]) -> u32 {
    chars.iter().fold(0u32, |acc, &c| {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c.saturating_sub(b'A')) + 10
        };
        if v >= 10 {
            (acc * 100 + v) % 97
        } else {
            (acc * 10 + v) % 97
        }
    })
}

/// Checks a Legal Entity Identifier (ISO 17442): 18 upper-case letters or digits, then two
/// check digits that satisfy ISO 7064 MOD 97-10.
///
/// # Errors
/// `invalid_lei`.
///
/// # Example
/// ```
/// use pkit::value::check_lei;
/// assert!(check_lei("5493001KJTIIGC8Y1R12").is_ok());
/// assert!(check_lei("5493001KJTIIGC8Y1R13").is_err()); // wrong check digits
/// assert!(check_lei("5493001kjtiigc8y1r12").is_err()); // lower case
/// ```
pub fn check_lei(s: &str) -> Result<(), ParseError> {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b[..18]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[18..].iter().all(u8::is_ascii_digit);
    if !shape {
        return Err(ParseError::new(
            Code::InvalidLei,
            format!(
                "`{s}` is not an LEI: expected 18 upper-case letters or digits and 2 check digits"
            ),
        ));
    }
    if mod97(b) == 1 {
        Ok(())
    } else {
        Err(ParseError::new(
            Code::InvalidLei,
            format!("`{s}` is not an LEI: its check digits are wrong (ISO 7064 MOD 97-10)"),
        ))
    }
}
