//! `pkit`: validate, report on, print the schema of, and generate pkit registry documents.
//!
//! ```text
//! pkit report [FILE] [--format text|json] [--chart F.svg] [--promotion-chart F.svg]
//!                                              summary of a registry (the built-in sample by default)
//! pkit validate FILE... [--format text|json|jsonl|github|sarif] [--deny-warnings]
//!                                              every issue of each file; exit 1 when any has an error
//! pkit schema                                 the JSON Schema of the registry document
//! pkit generate --companies N [--seed S]      a valid synthetic registry, for benchmarks
//! pkit convert IN --to csv|json [--out OUT]   JSON file <-> CSV directory
//! pkit convert IN --to parquet --out DIR [--partition-by fiscal_year]
//!                                             a directory of Parquet files, one per table
//! ```
//!
//! Wherever a FILE is read, a directory is read as the CSV form of a registry.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod chart;
mod report;
mod validate;

/// Validate, report on and generate pkit registry documents (Pakistan's IT-export industry).
#[derive(Parser)]
#[command(name = "pkit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Form {
    /// A CSV directory: registry.csv, one file per table, and datapackage.json.
    Csv,
    /// A JSON document.
    Json,
    /// A directory of Parquet files, one per table (zstd; derived columns included). Write
    /// only: it is not read back.
    Parquet,
}

/// How `--to parquet` splits tables into Hive partitions (`--partition-by`).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Partition {
    /// By fiscal year, `exports/fiscal_year=FY2024-25/part-0.parquet`, for the tables with a
    /// `fiscal_year` column (exports, initiatives).
    #[value(name = "fiscal_year")]
    FiscalYear,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize a registry: companies, certifications, awards, observations, warnings.
    Report {
        /// The registry: a JSON file or a CSV directory; the built-in sample when omitted.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also draw ICT exports by fiscal year, with the targets, as an SVG file.
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
        /// Also draw the leads and contracted value credited to each initiative, as an SVG file.
        #[arg(long, value_name = "FILE.svg")]
        promotion_chart: Option<PathBuf>,
    },
    /// Validate documents: one line per issue, `FILE:LINE:COL: severity code: message (PATH)`.
    /// Exit status 0 when no file has an error, 1 when any has, 2 on usage or I/O errors.
    Validate {
        /// The documents to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `json`: one JSON object per file, `{"file", "issues"}`; `jsonl`: one JSON object
        /// per issue; `github`: workflow annotations; `sarif`: one SARIF 2.1.0 log.
        #[arg(long, value_enum, default_value_t = validate::IssueFormat::Text)]
        format: validate::IssueFormat,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of the registry document.
    Schema,
    /// Convert a registry between JSON (a file) and CSV (a directory, one file per table), or
    /// export it as Parquet (a directory, one file per table).
    Convert {
        /// The registry: a JSON file or a CSV directory.
        input: PathBuf,
        /// The form to write.
        #[arg(long, value_enum)]
        to: Form,
        /// Where to write: a directory for csv and parquet (required), a file for json (stdout
        /// when omitted).
        #[arg(long)]
        out: Option<PathBuf>,
        /// With `--to parquet`: write the tables that have this column as Hive partitions.
        #[arg(long, value_enum)]
        partition_by: Option<Partition>,
    },
    /// Print a valid synthetic registry (deterministic for a seed), for benchmarks and tests.
    Generate {
        /// How many companies.
        #[arg(long)]
        companies: usize,
        /// The seed: the same seed gives the same document.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Report {
            file,
            format,
            chart,
            promotion_chart,
        } => report::run(
            file.as_deref(),
            format == Format::Json,
            report::Charts {
                exports: chart.as_deref(),
                promotion: promotion_chart.as_deref(),
            },
        ),
        Command::Validate {
            files,
            format,
            deny_warnings,
        } => validate::run(&files, format, deny_warnings),
        Command::Schema => print(&pkit::schema::registry_pretty()),
        Command::Convert {
            input,
            to,
            out,
            partition_by,
        } => convert(&input, to, out.as_deref(), partition_by),
        Command::Generate {
            companies,
            seed,
            pretty,
        } => {
            let registry = pkit::generate::synthetic(companies, seed);
            let mut text = if pretty {
                registry.to_json_pretty()
            } else {
                registry.to_json()
            };
            text.push('\n');
            print(&text)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("pkit: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe (`pkit schema | head`) is not an error.
fn print(text: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

/// Loads a registry from a JSON file or, for a directory, from its CSV form.
pub(crate) fn load(path: &Path) -> Result<pkit::Registry, pkit::Error> {
    pkit::Registry::open(path)
}

/// Prints every issue of a rejected document on stderr, then the report's headline and what
/// was not done.
pub(crate) fn rejected(name: &str, error: &pkit::Error, not_done: &str) {
    let report = pkit::Report::new(error.issues());
    for issue in report.issues() {
        eprintln!("{}", validate::issue_line(name, issue));
    }
    eprintln!("pkit: {name}: {}; {not_done}", report.headline());
}

fn convert(
    input: &Path,
    to: Form,
    out: Option<&Path>,
    partition_by: Option<Partition>,
) -> Result<ExitCode, String> {
    // Usage errors before the input is read.
    if to == Form::Parquet && !cfg!(feature = "parquet") {
        return Err(NO_PARQUET.into());
    }
    if partition_by.is_some() && to != Form::Parquet {
        return Err("--partition-by is for --to parquet".into());
    }
    let registry = match load(input) {
        Ok(registry) => registry,
        Err(pkit::Error::Io { path, source }) => {
            return Err(format!("{}: {source}", path.display()))
        }
        Err(e) => {
            rejected(&input.to_string_lossy(), &e, "nothing converted");
            return Ok(ExitCode::from(1));
        }
    };
    let written = match (to, out) {
        (Form::Csv, Some(dir)) => registry.to_csv_dir(dir),
        (Form::Csv, None) => return Err("--to csv needs --out DIR".into()),
        (Form::Parquet, Some(dir)) => to_parquet(&registry, dir, partition_by),
        (Form::Parquet, None) => return Err("--to parquet needs --out DIR".into()),
        (Form::Json, Some(file)) => registry.to_json_file(file),
        (Form::Json, None) => {
            let mut text = registry.to_json_pretty();
            text.push('\n');
            return print(&text);
        }
    };
    written.map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// What `--to parquet` says when pkit-cli was built without its `parquet` feature.
const NO_PARQUET: &str = "--to parquet: this pkit was built without Parquet support; \
    rebuild it with the `parquet` feature of pkit-cli (on by default): \
    cargo install pkit-cli --features parquet";

/// Writes the Parquet export, partitioned or not.
#[cfg(feature = "parquet")]
fn to_parquet(
    registry: &pkit::Registry,
    dir: &Path,
    partition_by: Option<Partition>,
) -> Result<(), pkit::Error> {
    match partition_by {
        None => registry.to_parquet_dir(dir),
        Some(Partition::FiscalYear) => {
            registry.to_parquet_dir_partitioned(dir, pkit::parquet::PartitionBy::FiscalYear)
        }
    }
}

/// Without the feature, `convert` refuses `--to parquet` before it reads the input, so this
/// is not reached; it says the same.
#[cfg(not(feature = "parquet"))]
fn to_parquet(_: &pkit::Registry, dir: &Path, _: Option<Partition>) -> Result<(), pkit::Error> {
    Err(pkit::Error::Io {
        path: dir.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::Unsupported, NO_PARQUET),
    })
}
