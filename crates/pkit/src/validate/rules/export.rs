//! Export records (SPEC §1.6): periods against `as_of` and the founding, and no record that
//! repeats or overlaps another of the same market and service.

use rustc_hash::FxHashMap as HashMap;

use super::{indexed, Rules};
use crate::issue::Code;
use crate::validate::records::DraftExport;
use crate::value::{Date, FiscalSlot};

/// The slots (by [`FiscalSlot::index`]) that overlap `slot` without being it: the slots that
/// share a month with it.
pub(super) fn overlapping_slots(slot: FiscalSlot) -> u32 {
    OVERLAPS[slot.index()]
}

/// For each slot, the mask of the others that share a month with it, worked out once from
/// [`FiscalSlot::months`] when the crate is compiled.
const OVERLAPS: [u32; FiscalSlot::COUNT] = {
    let mut table = [0; FiscalSlot::COUNT];
    let mut i = 0;
    while i < FiscalSlot::COUNT {
        let mut j = 0;
        while j < FiscalSlot::COUNT {
            if i != j && slot_at(i).months() & slot_at(j).months() != 0 {
                table[i] |= 1 << j;
            }
            j += 1;
        }
        i += 1;
    }
    table
};

/// The slot of number `i` (see [`FiscalSlot::index`]).
const fn slot_at(i: usize) -> FiscalSlot {
    match i {
        0 => FiscalSlot::Year,
        1..=4 => FiscalSlot::Quarter(i as u8),
        _ => FiscalSlot::Month((i - 5) as u8),
    }
}

/// The export periods seen for one market, service and fiscal year.
#[derive(Default)]
struct FiscalYearSlots {
    taken: u32,
    first: [usize; FiscalSlot::COUNT],
}

pub(super) fn exports(
    rules: &mut Rules<'_>,
    base: &str,
    founded: Option<Date>,
    exports: &[DraftExport],
) {
    let mut seen: HashMap<_, FiscalYearSlots> = HashMap::default();
    for (n, e) in indexed(exports) {
        let place = e.place;
        let path = |field: &str| format!("{base}/exports/{n}{field}");
        let Some(p) = e.period.valid() else { continue };
        let Some(period) = rules.period_not_future(p, || path("/period")) else {
            continue;
        };
        if let Some(f) = founded {
            if period.last_day() < f {
                rules.push(
                    p.at,
                    Code::BeforeFounding,
                    path("/period"),
                    format!("{period} ends before the company was founded ({f})"),
                );
            }
        }
        let (Some(market), Some(service), Some((fy, slot))) = (
            e.market.valid_or_absent(),
            e.service.valid_or_absent(),
            period.fiscal_slot(),
        ) else {
            continue;
        };
        let slots = seen
            .entry((market.copied(), service.copied(), fy))
            .or_default();
        let bit = 1 << slot.index();
        if slots.taken & bit != 0 {
            rules.push(place.at, Code::DuplicateRecord, path(""), format!("a record for {period} with the same market and service is already at {base}/exports/{}", slots.first[slot.index()]));
        }
        let overlaps = slots.taken & overlapping_slots(slot);
        if overlaps != 0 {
            let first = (0..FiscalSlot::COUNT)
                .filter(|s| overlaps & (1 << s) != 0)
                .map(|s| slots.first[s])
                .min()
                .unwrap_or(0);
            rules.push(place.at, Code::OverlappingPeriods, path(""), format!("{period} overlaps another period at {base}/exports/{first} with the same market and service: the same revenue would count twice"));
        }
        if slots.taken & bit == 0 {
            slots.taken |= bit;
            slots.first[slot.index()] = n;
        }
    }
}
