//! `pkit`: validate, report on, print the schema of, and generate pkit registry documents.
//!
//! ```text
//! pkit report [FILE] [--format text|json] [--chart F.svg] [--promotion-chart F.svg]
//!                                              summary of a registry (the built-in sample by default)
//! pkit validate FILE... [--format text|json]  every issue of each file; exit 1 when any has an error
//! pkit schema                                 the JSON Schema of the registry document
//! pkit generate --companies N [--seed S]      a valid synthetic registry, for benchmarks
//! pkit convert IN --to csv|json [--out OUT]   JSON file <-> CSV directory
//! ```
//!
//! Wherever a FILE is read, a directory is read as the CSV form of a registry.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod chart;
mod report;

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
    /// A CSV directory: registry.csv and one file per table.
    Csv,
    /// A JSON document.
    Json,
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
    /// Validate documents: one line per issue, `FILE:PATH: severity code: message`.
    /// Exit status 0 when no file has an error, 1 when any has, 2 on usage or I/O errors.
    Validate {
        /// The documents to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `json`: one JSON object per file, `{"file", "issues"}`, one per line.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema (draft 2020-12) of the registry document.
    Schema,
    /// Convert a registry between JSON (a file) and CSV (a directory, one file per table).
    Convert {
        /// The registry: a JSON file or a CSV directory.
        input: PathBuf,
        /// The form to write.
        #[arg(long, value_enum)]
        to: Form,
        /// Where to write: a directory for csv (required), a file for json (stdout when omitted).
        #[arg(long)]
        out: Option<PathBuf>,
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
        Command::Validate { files, format } => validate(&files, format == Format::Json),
        Command::Schema => print(&pkit::schema::registry_pretty()),
        Command::Convert { input, to, out } => convert(&input, to, out.as_deref()),
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

/// The report of one file or CSV directory, or `None` when it could not be read (said on
/// stderr).
fn check_file(file: &Path) -> Option<pkit::Report> {
    match pkit::validate_path(file) {
        Ok(report) => Some(report),
        Err(e) => {
            eprintln!("pkit: {e}");
            None
        }
    }
}

/// One issue as a line: the file, then the core's text of the issue: `FILE:PATH: severity
/// code: message`, or for CSV `DIR/FILE.csv:LINE:COLUMN: severity code: message (PATH)`.
pub(crate) fn issue_line(name: &str, issue: &pkit::Issue) -> String {
    match &issue.location {
        None => format!("{name}:{issue}"),
        Some(_) => format!("{name}/{issue}"),
    }
}

/// Prints every issue of a rejected document on stderr, then the report's headline and what
/// was not done.
pub(crate) fn rejected(name: &str, error: &pkit::Error, not_done: &str) {
    let report = pkit::Report::new(error.issues());
    for issue in report.issues() {
        eprintln!("{}", issue_line(name, issue));
    }
    eprintln!("pkit: {name}: {}; {not_done}", report.headline());
}

fn convert(input: &Path, to: Form, out: Option<&Path>) -> Result<ExitCode, String> {
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

fn validate(files: &[PathBuf], json: bool) -> Result<ExitCode, String> {
    let (mut any_error, mut io_error) = (false, false);
    let mut out = String::new();
    for file in files {
        let Some(report) = check_file(file) else {
            io_error = true;
            continue;
        };
        any_error |= !report.is_valid();
        let name = file.to_string_lossy();
        if json {
            let line = serde_json::json!({ "file": name, "issues": report });
            out.push_str(&line.to_string());
            out.push('\n');
        } else {
            for issue in report.issues() {
                out.push_str(&issue_line(&name, issue));
                out.push('\n');
            }
        }
    }
    print(&out)?;
    Ok(if io_error {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
