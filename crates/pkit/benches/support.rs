//! What the benches share: the median of repeated runs, for the ratios they print.

use std::time::{Duration, Instant};

/// The median wall time of `runs` calls of `f`.
pub fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}
