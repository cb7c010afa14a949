//! Writing files so that a crash never leaves half of one: [`write_atomic`].

use std::path::{Path, PathBuf};

use crate::Error;

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames it over `path`:
/// readers see the old file or the new one, never a truncated one.
///
/// # Errors
/// [`Error::Io`] when the file cannot be written; `path` is then unchanged.
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
    let written = std::fs::File::create(&tmp).and_then(|mut file| {
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
    Ok(())
}

/// A sibling of `target` that no one else uses: `.NAME.SUFFIX-PID-NANOS`.
pub(crate) fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "pkit".into(), |n| n.to_string_lossy().into_owned());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    target.with_file_name(format!(".{name}.{suffix}-{}-{nanos}", std::process::id()))
}
