//! "Erase everything on this device": which stored keys are Peer Study's, and removing them all.
//!
//! Peer Study's keys are every record, set-aside copy and the schema marker (`peer-study/...`)
//! and the passcode lock's own keys (`peer-study-lock/...`: the keyring, wrong tries, the
//! auto-lock setting), and this device's notes (`peer-study-device/...`: the last backup, the
//! Safari notice put away, storage persistence asked). Nothing else in the browser's storage is ever touched, so another app on
//! the same host keeps its data. The backend is the raw one (never the lock's sealing backend),
//! so sealed records go too, without needing the passcode.

use std::error::Error;
use std::fmt;

use crate::storage::backend::Backend;
use crate::storage::crypto::LOCK_PREFIX;
use crate::storage::device_notes::DEVICE_PREFIX;
use crate::storage::error::BackendError;
use crate::storage::keys::PREFIX;

/// Whether `key` is one of Peer Study's, and so goes when everything is erased.
///
/// ```
/// use peer_study::storage::erase::is_ours;
/// assert!(is_ours("peer-study/draft/essay"));
/// assert!(is_ours("peer-study-lock/keyring"));
/// assert!(is_ours("peer-study-device/last-backup"));
/// assert!(!is_ours("peer-study-elsewhere"));
/// assert!(!is_ours("another-app/settings"));
/// ```
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX) || key.starts_with(LOCK_PREFIX) || key.starts_with(DEVICE_PREFIX)
}

/// Some of Peer Study's keys could not be removed; the rest were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraseError {
    /// How many keys were removed.
    pub removed: usize,
    /// What went wrong: listing the keys, or removing each key that is still there.
    pub failures: Vec<BackendError>,
}

impl fmt::Display for EraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} stored item{} could not be removed from this browser",
            self.failures.len(),
            if self.failures.len() == 1 { "" } else { "s" }
        )?;
        if let Some(first) = self.failures.first() {
            write!(f, " ({first})")?;
        }
        Ok(())
    }
}

impl Error for EraseError {}

/// Remove every key of Peer Study's from `backend` and nothing else. Tries every key even when one
/// fails, and answers how many went.
pub fn erase_everything(backend: &mut dyn Backend) -> Result<usize, EraseError> {
    let keys = backend.keys().map_err(|e| EraseError {
        removed: 0,
        failures: vec![e],
    })?;
    let mut removed = 0;
    let mut failures = Vec::new();
    for key in keys.iter().filter(|k| is_ours(k)) {
        match backend.remove(key) {
            Ok(()) => removed += 1,
            Err(e) => failures.push(e),
        }
    }
    if failures.is_empty() {
        Ok(removed)
    } else {
        Err(EraseError { removed, failures })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory_backend::MemoryBackend;

    #[test]
    fn erasing_removes_every_record_set_aside_copy_and_lock_key_and_nothing_else() {
        let mut backend = MemoryBackend::new();
        for key in [
            "peer-study/meta",
            "peer-study/settings",
            "peer-study/draft/essay",
            "peer-study/history/essay",
            "peer-study/quarantine/journal@1700",
            "peer-study/something-a-newer-build-wrote",
            "peer-study-lock/keyring",
            "peer-study-lock/attempts",
            "another-app/settings",
            "peer-study-elsewhere",
        ] {
            backend.set(key, "{}").unwrap();
        }
        assert_eq!(erase_everything(&mut backend), Ok(8));
        let mut left = backend.keys().unwrap();
        left.sort();
        assert_eq!(left, ["another-app/settings", "peer-study-elsewhere"]);
    }

    #[test]
    fn erasing_an_empty_store_removes_nothing() {
        let mut backend = MemoryBackend::new();
        assert_eq!(erase_everything(&mut backend), Ok(0));
    }
}
