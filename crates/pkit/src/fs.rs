//! Reading files within the size limit, and writing files and directories so that a crash
//! never leaves half of one: [`write_atomic`]
//! for files; [`Registry::to_csv_dir`](crate::registry::Registry::to_csv_dir) for CSV directories
//! (and, with the feature `parquet`, `Registry::to_parquet_dir` for Parquet exports).
//!
//! Everything pkit writes is first written in full to a temporary sibling of the target,
//! synced to disk, and then put in the target's place in one step (a rename; for a directory
//! that already exists, an atomic exchange on Linux). A process killed at any moment leaves
//! the target as it was or as it was meant to be, never truncated or missing.
//!
//! A killed writer can leave its temporary sibling behind. Such leftovers are hidden and
//! named after the target, `.NAME.pkit-tmp-PID-N-NANOS` (and, for a directory replaced where no
//! atomic exchange exists, `.NAME.pkit-old-PID-N-NANOS`), so they are easy to recognise and
//! safe to delete when no pkit is running.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::Error;

use crate::issue::Report;

use crate::limits::Limits;

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames it over `path`:
/// readers see the old file or the new one, never a truncated one.
///
/// The new file keeps the permissions of the file it replaces. A symbolic link at `path` is
/// replaced by the file (its target is left alone). After the rename the directory is synced
/// too, so the new name survives a power cut.
///
/// # Errors
/// [`Error::Io`] when the file cannot be written; `path` is then unchanged and the temporary
/// file is removed.
///
/// # Example
/// ```
/// let path = std::env::temp_dir().join(format!("pkit-fs-{}.txt", std::process::id()));
/// pkit::fs::write_atomic(&path, b"first")?;
/// pkit::fs::write_atomic(&path, b"second")?;
/// assert_eq!(std::fs::read(&path).unwrap(), b"second");
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), pkit::Error>(())
/// ```
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let tmp = sibling(path, "tmp");
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut file| {
            if let Ok(old) = std::fs::metadata(path) {
                file.set_permissions(old.permissions())?;
            }
            file.write_all(bytes)?;
            file.sync_all()
        });
    if let Err(source) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Io {
            path: path.to_owned(),
            source,
        });
    }
    sync_parent(path);
    Ok(())
}

/// A sibling of `target` that no one else uses: `.NAME.pkit-SUFFIX-PID-N-NANOS`, with `N`
/// counting the names this process made (so two threads never share one).
pub(crate) fn sibling(target: &Path, suffix: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map_or_else(|| "pkit".into(), |n| n.to_string_lossy().into_owned());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    target.with_file_name(format!(
        ".{name}.pkit-{suffix}-{}-{n}-{nanos}",
        std::process::id()
    ))
}

/// Syncs the directory that holds `path`, so that a rename in it is durable. Best effort: not
/// every platform can open a directory for syncing, and the data itself is already synced.
pub(crate) fn sync_parent(path: &Path) {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    sync_dir(parent);
}

/// Syncs a directory's entries (best effort, as [`sync_parent`]).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Puts the finished directory `tmp` in the place of `target`, which may exist (it is then
/// removed, best effort: the new directory is in place either way). On Linux an existing `target` is exchanged with `tmp` in one step; elsewhere, or
/// where the file system cannot exchange, the old directory is first renamed aside.
pub(crate) fn replace_dir(tmp: &Path, target: &Path) -> std::io::Result<()> {
    sync_dir(tmp);
    if std::fs::symlink_metadata(target).is_err() {
        match std::fs::rename(tmp, target) {
            Ok(()) => {
                sync_parent(target);
                return Ok(());
            }
            // Another writer put a directory there in the meantime: replace it below, as one
            // that existed (found by two threads writing one new directory at once).
            Err(_) if std::fs::symlink_metadata(target).is_ok() => {}
            Err(e) => return Err(e),
        }
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        if renameat_with(CWD, tmp, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `tmp` now holds the old directory; the new one is in place whatever happens
            // to the old one, so removing it is best effort (a leftover is recognisable).
            sync_parent(target);
            let _ = std::fs::remove_dir_all(tmp);
            return Ok(());
        }
    }
    let old = sibling(target, "old");
    std::fs::rename(target, &old)?;
    if let Err(e) = std::fs::rename(tmp, target) {
        // Put the old directory back: the caller keeps what it had.
        let _ = std::fs::rename(&old, target);
        return Err(e);
    }
    sync_parent(target);
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// A form pkit writes as a directory (the CSV form, the Parquet export): the file that marks
/// a directory of that form, and how messages name the form.
pub(crate) struct DirForm {
    /// A file every directory of the form holds at its top (`registry.csv`).
    pub(crate) marker: &'static str,
    /// The form, with its article: `a CSV registry`.
    pub(crate) one: &'static str,
    /// The form in the plural: `CSV registries`.
    pub(crate) many: &'static str,
}

/// Writes the directory `dir` of `form` atomically: every file of `files` (a path relative to
/// `dir`, `/`-separated, and its bytes), each made when the iterator reaches it, goes into a
/// temporary sibling of `dir`, which then takes `dir`'s place ([`replace_dir`]). On an error
/// the temporary directory is removed and `dir` is unchanged.
///
/// An existing `dir` is replaced only when it is empty or holds `form.marker`: anything else
/// is refused (kind `AlreadyExists`), so that no file pkit did not write is deleted.
pub(crate) fn write_dir<N: AsRef<str>, B: AsRef<[u8]>>(
    dir: &Path,
    form: &DirForm,
    files: impl IntoIterator<Item = Result<(N, B), Error>>,
) -> Result<(), Error> {
    check_replaceable(dir, form)?;
    let tmp = sibling(dir, "tmp");
    std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
    let written = write_files(&tmp, files).and_then(|()| replace_dir(&tmp, dir).map_err(io(dir)));
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes and syncs each file under `dir`, making (and then syncing) the folders of nested
/// paths.
fn write_files<N: AsRef<str>, B: AsRef<[u8]>>(
    dir: &Path,
    files: impl IntoIterator<Item = Result<(N, B), Error>>,
) -> Result<(), Error> {
    let mut folders = std::collections::BTreeSet::new();
    for file in files {
        let (name, bytes) = file?;
        let path = name
            .as_ref()
            .split('/')
            .fold(dir.to_owned(), |p, c| p.join(c));
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            if folders.insert(parent.to_owned()) {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
        }
        let mut out = std::fs::File::create(&path).map_err(io(&path))?;
        std::io::Write::write_all(&mut out, bytes.as_ref()).map_err(io(&path))?;
        out.sync_all().map_err(io(&path))?;
    }
    // Each folder's entries, and its own entry in its parent (the top one is synced by
    // `replace_dir`).
    for folder in folders.iter().rev() {
        sync_dir(folder);
        sync_parent(folder);
    }
    Ok(())
}

/// Refuses a target that is not a directory of `form` pkit may replace: an existing file, or
/// a directory that is neither empty nor holds `form.marker` (replacing it would delete files
/// pkit did not write).
pub(crate) fn check_replaceable(dir: &Path, form: &DirForm) -> Result<(), Error> {
    let refuse = |why: String| Error::Io {
        path: dir.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, why),
    };
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(refuse(format!(
            "exists and is not a directory; {} is written as a directory",
            form.one
        )));
    }
    let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
    if entries.next().is_none() || dir.join(form.marker).is_file() {
        return Ok(());
    }
    Err(refuse(format!(
        "is a directory that holds files but no {}; pkit replaces only empty directories and \
         {}, so as not to delete other files",
        form.marker, form.many
    )))
}

/// Reads a file of at most `limits.max_bytes` bytes as UTF-8 text. The outer error is I/O;
/// the inner one a report (too large, not UTF-8).
pub(crate) fn read_limited(path: &Path, limits: &Limits) -> Result<Result<String, Report>, Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > limits.max_bytes {
        return Ok(Err(Report::new(vec![limits.too_large(len)])));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file that grows while it is read is still cut at the limit.
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Ok(Err(Report::new(vec![limits.too_large(bytes.len() as u64)])));
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Err(Report::new(vec![crate::issue::Issue::not_utf8(
            e.as_bytes(),
            &e.utf8_error(),
        )])),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_are_unique_hidden_and_recognisable() {
        let target = Path::new("some/dir/registry.json");
        let a = sibling(target, "tmp");
        let b = sibling(target, "tmp");
        assert_ne!(a, b);
        assert_eq!(a.parent(), target.parent());
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".registry.json.pkit-tmp-"), "{name}");
        let old = sibling(target, "old");
        let old = old.file_name().unwrap().to_string_lossy();
        assert!(old.starts_with(".registry.json.pkit-old-"), "{old}");
    }

    /// On Linux the directory is exchanged in one step: a reader never finds it missing.
    /// (Replaced by two renames, it is missing for a moment, which this test sees.)
    #[test]
    #[cfg(target_os = "linux")]
    fn a_replaced_directory_is_never_missing() {
        use std::sync::atomic::AtomicBool;
        let base = std::env::temp_dir().join(format!("pkit-fs-swap-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let target = base.join("csv");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("registry.csv"), "0").unwrap();
        let done = AtomicBool::new(false);
        let (missing, looked) = std::thread::scope(|s| {
            let reader = s.spawn(|| {
                let (mut missing, mut looked) = (0, 0);
                while !done.load(Ordering::Relaxed) {
                    looked += 1;
                    if std::fs::read(target.join("registry.csv")).is_err() {
                        missing += 1;
                    }
                }
                (missing, looked)
            });
            for i in 1..=300 {
                let tmp = sibling(&target, "tmp");
                std::fs::create_dir(&tmp).unwrap();
                std::fs::write(tmp.join("registry.csv"), i.to_string()).unwrap();
                replace_dir(&tmp, &target).unwrap();
            }
            done.store(true, Ordering::Relaxed);
            reader.join().unwrap()
        });
        let content = std::fs::read_to_string(target.join("registry.csv")).unwrap();
        let names: Vec<_> = std::fs::read_dir(&base)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        std::fs::remove_dir_all(&base).unwrap();
        assert_eq!(content, "300");
        assert_eq!(names, [std::ffi::OsString::from("csv")]);
        assert!(looked > 0);
        assert_eq!(missing, 0, "missing {missing} times in {looked} looks");
    }

    #[test]
    #[cfg(unix)]
    fn a_replaced_file_keeps_its_permissions_and_no_temporary_file_stays() {
        use std::os::unix::fs::PermissionsExt;
        let base = std::env::temp_dir().join(format!("pkit-fs-perm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).unwrap();
        let file = base.join("registry.json");
        write_atomic(&file, b"old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&file, b"new").unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        let names: Vec<_> = std::fs::read_dir(&base)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        // A write that fails (the target is a directory) leaves nothing behind either.
        assert!(write_atomic(&base, b"x").is_err());
        let after: Vec<_> = std::fs::read_dir(base.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!(".pkit-fs-perm-{}.pkit-", std::process::id())))
            .collect();
        std::fs::remove_dir_all(&base).unwrap();
        assert_eq!(mode, 0o600);
        assert_eq!(names, [std::ffi::OsString::from("registry.json")]);
        assert_eq!(after, Vec::<String>::new());
    }
}
