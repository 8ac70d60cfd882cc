//! Small facts about this device that are not the trainee's work: when a backup was last
//! downloaded here, until when the Safari notice is put away, and whether the browser has been
//! asked to keep Peer Study's data.
//!
//! They live under [`DEVICE_PREFIX`], outside the store's `peer-study/` prefix, like the lock's
//! own keys: the store treats them as another app's, so they are never loaded, set aside, backed
//! up or restored. That is the point: a backup restored on a new phone must not bring the old
//! phone's "last backup" with it, and restoring an older backup must not wind it back. They hold
//! no words, so they stay readable with the passcode lock on.

use super::backend::Backend;
use super::error::BackendError;
use super::keys::RecordKind;
use crate::domain::date::UnixMs;

/// What every key of this device's notes starts with.
pub const DEVICE_PREFIX: &str = "peer-study-device/";
/// When the last backup file was downloaded on this device (Unix ms, as text).
pub const LAST_BACKUP: &str = "peer-study-device/last-backup";
/// Until when the Safari notice stays put away (Unix ms, as text).
pub const SAFARI_NOTICE_UNTIL: &str = "peer-study-device/safari-notice-until";
/// When the browser was asked to keep Peer Study's data after the first entry (Unix ms), so it is
/// asked once, not at every save.
pub const PERSIST_ASKED: &str = "peer-study-device/persist-asked";

/// An instant stored under `key`; nothing (or anything unreadable, which is only a hint lost) is
/// `None`.
pub fn read_instant(backend: &impl Backend, key: &str) -> Option<UnixMs> {
    backend.get(key).ok().flatten()?.trim().parse().ok()
}

/// Stores an instant under `key`.
pub fn write_instant(
    backend: &mut impl Backend,
    key: &str,
    at: UnixMs,
) -> Result<(), BackendError> {
    backend.set(key, &at.to_string())
}

/// Whether a stored record of this kind is the trainee's own work, worth a backup and worth
/// asking the browser to keep: anything but the display settings and profile, which a first
/// visit may set without writing a word.
pub fn is_own_work(kind: RecordKind) -> bool {
    kind != RecordKind::Settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::keys::{self, KeyClass};
    use crate::storage::memory_backend::MemoryBackend;

    #[test]
    fn an_instant_round_trips_and_nothing_or_nonsense_reads_as_none() {
        let mut backend = MemoryBackend::new();
        assert_eq!(read_instant(&backend, LAST_BACKUP), None);
        write_instant(&mut backend, LAST_BACKUP, 1_800_000_000_123).unwrap();
        assert_eq!(read_instant(&backend, LAST_BACKUP), Some(1_800_000_000_123));
        backend.set(SAFARI_NOTICE_UNTIL, "soon").unwrap();
        assert_eq!(read_instant(&backend, SAFARI_NOTICE_UNTIL), None);
    }

    #[test]
    fn device_notes_are_never_the_stores_records_so_never_backed_up_or_restored() {
        for key in [LAST_BACKUP, SAFARI_NOTICE_UNTIL, PERSIST_ASKED] {
            assert!(key.starts_with(DEVICE_PREFIX));
            assert_eq!(keys::classify(key), KeyClass::Foreign, "{key}");
        }
    }

    #[test]
    fn settings_alone_are_not_own_work_but_anything_written_is() {
        assert!(!is_own_work(RecordKind::Settings));
        for kind in RecordKind::ALL
            .into_iter()
            .filter(|k| *k != RecordKind::Settings)
        {
            assert!(is_own_work(kind), "{kind:?}");
        }
    }
}
