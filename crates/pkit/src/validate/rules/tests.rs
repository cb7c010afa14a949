//! Unit tests of the rules' arithmetic: the 1% tolerance, overlapping slots, usd bounds.

use super::export::overlapping_slots;
use super::national::off_by_more_than_1pc;
use crate::validate::reader::Integer;
use crate::validate::walk::check_usd;
use crate::value::{FiscalSlot, FiscalYear};

#[test]
fn one_percent_boundary() {
    assert!(!off_by_more_than_1pc(101, 100));
    assert!(off_by_more_than_1pc(102, 100));
    assert!(!off_by_more_than_1pc(99, 100));
    assert!(off_by_more_than_1pc(98, 100));
    assert!(!off_by_more_than_1pc(0, 0));
}

#[test]
fn slots_within_a_fiscal_year() {
    // Every pair of distinct export periods of one fiscal year: the slot masks agree with
    // Period::overlaps.
    let year = FiscalYear::new(2023);
    let mut periods = vec![year.period()];
    periods.extend(year.quarters());
    periods.extend(year.months());
    let slots: Vec<FiscalSlot> = periods
        .iter()
        .map(|&p| {
            p.fiscal_slot()
                .map(|(fy, s)| {
                    assert_eq!(fy, year);
                    s
                })
                .unwrap()
        })
        .collect();
    assert_eq!(
        slots.iter().map(|s| s.index()).collect::<Vec<_>>(),
        (0..17).collect::<Vec<_>>()
    );
    for (i, &a) in periods.iter().enumerate() {
        for (j, &b) in periods.iter().enumerate() {
            let masked = overlapping_slots(slots[i]) & (1 << j) != 0;
            assert_eq!(masked, i != j && a.overlaps(b), "{a} {b}");
        }
    }
}

#[test]
fn integer_classes() {
    assert!(check_usd(Integer::Fractional).is_err());
    assert!(check_usd(Integer::Value(10_000_000_000_000)).is_ok());
    assert!(check_usd(Integer::Value(10_000_000_000_001)).is_err());
}
