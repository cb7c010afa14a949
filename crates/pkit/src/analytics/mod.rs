//! Computations on a [`Registry`](crate::Registry): counts and certification status for the
//! report. (Fiscal-year roll-ups, growth and target progress come next.)

mod summary;

pub use summary::{Breakdown, Count, Summary};
