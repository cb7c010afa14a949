//! The Rust side of the FFI measurement (see `bench/Bench.kt`): the same calls as the Kotlin
//! bench, made on the core directly, and the conversion this crate does before uniffi
//! serializes a result.
//!
//! ```text
//! cargo run --release -p pkit-ffi --example bench -- SAMPLE_JSON BIG_JSON
//! ```

use std::time::Instant;

fn millis(f: &mut impl FnMut()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64() * 1e3
}

/// Runs `f` `warmup` times untimed, then `runs` times; prints the median.
fn bench(name: &str, warmup: usize, runs: usize, mut f: impl FnMut()) {
    for _ in 0..warmup {
        f();
    }
    let mut times: Vec<f64> = (0..runs).map(|_| millis(&mut f)).collect();
    times.sort_by(f64::total_cmp);
    let median = times.get(runs / 2).copied().unwrap_or(f64::NAN);
    let (min, max) = (times.first().copied(), times.last().copied());
    println!(
        "rust   {name:<28} median {median:9.3} ms  (min {:.3}, max {:.3}, {runs} runs)",
        min.unwrap_or(f64::NAN),
        max.unwrap_or(f64::NAN)
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(sample_path), Some(big_path)) = (args.get(1), args.get(2)) else {
        return Err("usage: bench SAMPLE_JSON BIG_JSON".into());
    };
    let sample = std::fs::read_to_string(sample_path)?;
    let big = std::fs::read_to_string(big_path)?;
    for (label, text, warmup, runs) in [("sample", &sample, 30, 51), ("big", &big, 3, 11)] {
        bench(&format!("from_json({label})"), warmup, runs, || {
            std::hint::black_box(pkit::Registry::from_json(text).ok());
        });
        let registry = pkit::Registry::from_json(text)?;
        let ffi = pkit_ffi::Registry::from_json(text.clone())?;
        bench(
            &format!("companies().to_vec() {label}"),
            warmup,
            runs,
            || {
                std::hint::black_box(registry.companies().to_vec());
            },
        );
        bench(&format!("ffi records {label}"), warmup, runs, || {
            std::hint::black_box(ffi.companies());
        });
    }
    Ok(())
}
