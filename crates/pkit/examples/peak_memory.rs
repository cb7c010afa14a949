//! Peak memory of loading a large document, checked against a bound: by default a generated
//! document of about 100 MB must load (`Registry::from_path`: read, parse, validate, build)
//! with the process's peak resident memory at most three times the document's size.
//!
//! ```text
//! cargo run -p pkit --example peak_memory                 # 100 MB, bound 3.0 (scripts/test.sh)
//! cargo run -p pkit --example peak_memory -- 200 2.5      # 200 MB, bound 2.5
//! ```
//!
//! The program writes the document to a temporary file, then runs itself again as a child that
//! only loads it and reads its own high-water mark (`VmHWM` in `/proc/self/status`), so the
//! generator's memory is not counted. The peak counts the whole child process: the text, the
//! records, the allocator's overhead and the program itself. It exits with status 1 when the
//! bound is broken. Linux only (elsewhere it says so and exits 0): `/proc` is how a program
//! without `unsafe` learns its peak.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Bytes of JSON per generated company, measured (`pkit::generate` docs: about 2.1 KB).
const BYTES_PER_COMPANY: f64 = 2_100.0;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice() {
        if flag == "--load" {
            return load(Path::new(path));
        }
    }
    let megabytes: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(100.0);
    let bound: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3.0);
    if high_water_mark_kib().is_none() {
        println!("peak_memory: /proc/self/status has no VmHWM here (not Linux?); skipped");
        return ExitCode::SUCCESS;
    }
    match run(megabytes, bound) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("peak_memory: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(megabytes: f64, bound: f64) -> Result<ExitCode, String> {
    let companies = (megabytes * 1e6 / BYTES_PER_COMPANY).round() as usize;
    let path = temp_file();
    let started = std::time::Instant::now();
    let text = pkit::generate::synthetic(companies, 1).to_json();
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = text.len() as f64;
    drop(text);
    let generated = started.elapsed();
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let output = Command::new(exe)
        .arg("--load")
        .arg(&path)
        .output()
        .map_err(|e| e.to_string());
    let _ = std::fs::remove_file(&path);
    let output = output?;
    let loaded = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let Some(peak_kib) = stdout
        .lines()
        .find_map(|l| l.strip_prefix("peak_kib "))
        .and_then(|n| n.trim().parse::<f64>().ok())
    else {
        return Err(format!(
            "the child did not report its peak (status {}): {}{}",
            output.status,
            stdout,
            String::from_utf8_lossy(&output.stderr)
        ));
    };
    let peak = peak_kib * 1024.0;
    let ratio = peak / size;
    println!(
        "peak_memory: {companies} companies, {:.1} MB document (generated in {:.1} s); \
         loading it peaked at {:.1} MB resident in {:.1} s: {ratio:.2}x the document (bound {bound:.2}x)",
        size / 1e6,
        generated.as_secs_f64(),
        peak / 1e6,
        loaded.as_secs_f64(),
    );
    if ratio > bound {
        eprintln!("peak_memory: {ratio:.2}x is over the bound of {bound:.2}x");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The child: load the document, then report the process's peak resident memory.
fn load(path: &Path) -> ExitCode {
    match pkit::Registry::from_path(path) {
        Ok(registry) => {
            let Some(peak) = high_water_mark_kib() else {
                eprintln!("peak_memory: no VmHWM");
                return ExitCode::from(2);
            };
            println!("companies {}", registry.companies().len());
            println!("peak_kib {peak}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peak_memory: the generated document did not load: {e}");
            ExitCode::from(2)
        }
    }
}

/// `VmHWM` (peak resident set size) of this process, in KiB.
fn high_water_mark_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn temp_file() -> PathBuf {
    std::env::temp_dir().join(format!("pkit-peak-memory-{}.json", std::process::id()))
}
