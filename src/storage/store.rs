//! The store: loads everything once, hands records to the app, and saves only what changed.
//!
//! Rules it keeps, whatever happens:
//! - Nothing is written before [`Store::load`] has finished; a load never writes over anything.
//! - A record that cannot be read is set aside (see [`quarantine`](super::quarantine)) and its key
//!   is held: no save writes over it until the trainee chooses. The rest loads as usual.
//! - Data from a newer version (or whose version cannot be read) opens read-only: never written.
//! - No storage at all runs from memory, with [`StoreMode::MemoryOnly`] so the app can warn.
//! - A save writes only dirty records. A full store keeps every change in memory (still dirty) and
//!   sets a lasting "store full" state that clears after the next save with no failures.
//! - Before each write the stored revision is compared with the one this tab last saw; if another
//!   tab wrote since, nothing is written and a conflict waits for the app (see [`cross_tab`](super::cross_tab)).
//!
//! The parts, one file each: `load` (start-up), `deferred` (records left in storage at start-up and
//! read when first needed), `save` (writing what changed), `set_aside`
//! (copies kept rather than lost, and the trainee's choices about them), `waiting` (new work over
//! a held record), `other_tabs` (`storage` events and conflicts). Restoring a backup lives beside
//! export, in [`backup`](super::backup).

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::backend::Backend;
use super::error::{BackendError, StoreError};
use super::keys::{self, KeyClass, RecordKind};
use super::quarantine::{QuarantineEntry, SetAsideKind};
use super::record::Record;
use super::schema::Meta;
use super::unknown_fields;
use crate::domain::date::UnixMs;

mod deferred;
mod load;
mod other_tabs;
mod save;
mod set_aside;
mod waiting;

pub use deferred::Finished;
pub use load::LoadReport;
pub use other_tabs::{ConflictView, ExternalOutcome, Keep};
pub use save::{SaveOutcome, SaveReport};

/// Whether the store may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreMode {
    /// Normal: changes are saved.
    ReadWrite,
    /// The data is shown but never written.
    ReadOnly(ReadOnlyReason),
    /// There is no storage: everything lives in this tab's memory until it closes.
    MemoryOnly {
        /// What the browser said, for the developer console.
        detail: String,
    },
}

/// Why the data opened read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// A newer version of Peer Study saved it.
    NewerVersion {
        /// The schema version found.
        found: u32,
    },
    /// The record saying which version saved the data could not be read.
    UnreadableVersion,
    /// Bringing older data up to date failed; it is left exactly as it was.
    MigrationFailed(String),
}

impl StoreMode {
    /// The lasting banner for this mode, in words for the trainee; `None` when all is well.
    pub fn banner(&self) -> Option<String> {
        match self {
            StoreMode::ReadWrite => None,
            StoreMode::ReadOnly(ReadOnlyReason::NewerVersion { .. }) => Some(
                "Your notes were saved by a newer version of Peer Study. To keep them safe, this \
                 version can show them but won't change them. Reloading the page usually brings \
                 the newer version; you can also download a backup from My data."
                    .into(),
            ),
            StoreMode::ReadOnly(ReadOnlyReason::UnreadableVersion) => Some(
                "We couldn't tell which version of Peer Study saved your notes, so we've opened \
                 them read-only to keep them safe. You can download a backup from My data."
                    .into(),
            ),
            StoreMode::ReadOnly(ReadOnlyReason::MigrationFailed(_)) => Some(
                "We couldn't update your saved notes to this version of Peer Study, so we've left \
                 them exactly as they were and opened read-only. You can download a backup from \
                 My data."
                    .into(),
            ),
            StoreMode::MemoryOnly { .. } => Some(
                "This browser isn't letting Peer Study save anything on this device, so your work \
                 will only last until you close this tab. Please download a backup from My data \
                 before you leave."
                    .into(),
            ),
        }
    }

    /// Whether saves may write.
    pub fn is_writable(&self) -> bool {
        matches!(self, StoreMode::ReadWrite)
    }
}

/// Everything the banners need, in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreStatus {
    /// Read-write, read-only or memory-only (see [`StoreMode::banner`]).
    pub mode: StoreMode,
    /// The last save ran out of room; clears after the next save with no failures.
    pub store_full: bool,
    /// How many records have changes not yet saved.
    pub unsaved: usize,
    /// How many set-aside copies there are.
    pub set_aside: usize,
    /// The original keys of records that couldn't be read and are held for the trainee's choice
    /// (the "couldn't be read" banner; superseded copies don't count).
    pub unreadable: Vec<String>,
    /// The original keys of held records with new work kept waiting.
    pub waiting: Vec<String>,
    /// How many set-aside copies are only in memory (not yet safely stored).
    pub set_aside_in_memory_only: usize,
    /// How many conflicts wait for a choice.
    pub conflicts: usize,
    /// The last write failure, if the last save had one.
    pub last_failure: Option<BackendError>,
}

impl StoreStatus {
    /// The "storage is full" banner text, while the store is full.
    pub fn store_full_banner(&self) -> Option<&'static str> {
        self.store_full.then_some(
            "Your device's storage for Peer Study is full, so your latest changes are being kept \
             open in this tab but not saved yet. Downloading a backup keeps them safe; clearing \
             old draft history on My data makes room.",
        )
    }
}

/// The store. See the module documentation.
#[derive(Debug)]
pub struct Store<B: Backend> {
    pub(super) backend: B,
    pub(super) mode: StoreMode,
    pub(super) meta: Meta,
    pub(super) meta_dirty: bool,
    pub(super) records: BTreeMap<String, Record>,
    /// Records left in storage by the load, in key order: not in `records` or `seen` until the
    /// load finishes (see [`deferred`]). A list, not a map: there are a handful, and a map of
    /// its own would cost the download more than it saves.
    pub(super) deferred: Vec<(String, deferred::Deferred)>,
    /// When the load ran: the time given to copies set aside when it finishes.
    pub(super) loaded_at: UnixMs,
    /// The revision last read from or written to storage, per key.
    pub(super) seen: BTreeMap<String, u64>,
    /// Keys with unsaved changes: a write if the key is in `records`, else a removal.
    pub(super) dirty: BTreeSet<String>,
    /// Keys changed by a migration: the meta record moves on only once they are all written.
    pub(super) migration_pending: BTreeSet<String>,
    /// Legacy keys to remove once the meta record says the new version.
    pub(super) legacy_to_remove: BTreeSet<String>,
    /// Keys that could not be read at all: never written.
    pub(super) unreadable: BTreeSet<String>,
    /// Original keys the trainee has said may be written over.
    pub(super) overwrite_allowed: BTreeSet<String>,
    pub(super) quarantine: BTreeMap<String, QuarantineEntry>,
    /// Set-aside keys to write (present in `quarantine`) or remove (absent).
    pub(super) quarantine_dirty: BTreeSet<String>,
    /// Another tab's version, per key in conflict.
    pub(super) conflicts: BTreeMap<String, Record>,
    pub(super) store_full: bool,
    pub(super) last_failure: Option<BackendError>,
}

impl<B: Backend> Store<B> {
    fn empty(backend: B, mode: StoreMode) -> Self {
        Store {
            backend,
            mode,
            meta: Meta::current(),
            meta_dirty: false,
            records: BTreeMap::new(),
            deferred: Vec::new(),
            loaded_at: 0,
            seen: BTreeMap::new(),
            dirty: BTreeSet::new(),
            migration_pending: BTreeSet::new(),
            legacy_to_remove: BTreeSet::new(),
            unreadable: BTreeSet::new(),
            overwrite_allowed: BTreeSet::new(),
            quarantine: BTreeMap::new(),
            quarantine_dirty: BTreeSet::new(),
            conflicts: BTreeMap::new(),
            store_full: false,
            last_failure: None,
        }
    }

    // ----- reading -----

    /// The mode (read-write, read-only, memory-only).
    pub fn mode(&self) -> &StoreMode {
        &self.mode
    }

    /// The schema version of the data as stored (the current one unless read-only for a newer).
    pub fn data_version(&self) -> u32 {
        self.meta.schema_version
    }

    /// A record's data, as the app last set it. A record the load left in storage is read now;
    /// one that cannot be read gives `None` until the load finishes and sets it aside or holds
    /// it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.record(key).map(|r| &r.data)
    }

    /// A record's data decoded into the app's type. `Some(Err(_))` means the data is there but
    /// does not fit the type: the app should call [`Store::quarantine`] rather than use a default.
    pub fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        self.get(key).map(|v| T::deserialize(v))
    }

    /// A whole record with its revision and save time.
    pub fn record(&self, key: &str) -> Option<&Record> {
        match self.records.get(key) {
            Some(record) => Some(record),
            None => self
                .deferred
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, d)| d.record(key, &self.backend)),
        }
    }

    /// Every record, by key (finishing the load first, so none is missing).
    pub fn records(&mut self) -> &BTreeMap<String, Record> {
        self.finish_load();
        &self.records
    }

    /// The keys of every record of one kind, in key order (for example every draft).
    pub fn keys_of_kind(&self, kind: RecordKind) -> Vec<&str> {
        let of_kind = |k: &&String| keys::classify(k) == KeyClass::Record(kind);
        let mut loaded = self.records.keys().filter(of_kind).peekable();
        let mut left = self
            .deferred
            .iter()
            .map(|(k, _)| k)
            .filter(of_kind)
            .peekable();
        // Both are in key order and never share a key: merged as they go (a sort would cost
        // every trainee 3 KB of download for this alone).
        let mut found = Vec::new();
        loop {
            let next = match (loaded.peek(), left.peek()) {
                (Some(a), Some(b)) if b < a => left.next(),
                (Some(_), _) => loaded.next(),
                (None, _) => left.next(),
            };
            match next {
                Some(key) => found.push(key.as_str()),
                None => return found,
            }
        }
    }

    /// The backend, for usage figures.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The backend itself, for tests that inject faults. Anything written through it bypasses
    /// every check the store makes: the app must not use it.
    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    // ----- changing -----

    /// Sets a record's data. Only marks it dirty; [`Store::save`] writes it. Setting the same
    /// data again changes nothing.
    pub fn set(&mut self, key: &str, data: Value) -> Result<(), StoreError> {
        self.finish_load();
        self.check_change(key)?;
        match self.records.get_mut(key) {
            Some(record) if record.data == data => return Ok(()),
            Some(record) => record.data = data,
            None => {
                let mut record = Record::new(data);
                record.rev = self.seen.get(key).copied().unwrap_or(0);
                self.records.insert(key.to_owned(), record);
            }
        }
        self.dirty.insert(key.to_owned());
        Ok(())
    }

    /// Sets a record from the app's own type, keeping fields the type does not know (written by
    /// a newer build) as they were, at every depth. See [`unknown_fields`].
    pub fn set_typed<T: Serialize + DeserializeOwned>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        self.finish_load();
        let fresh = serde_json::to_value(value).map_err(|e| StoreError::Encode {
            key: key.to_owned(),
            detail: e.to_string(),
        })?;
        let data = unknown_fields::keep_unknown_at_depth::<T>(self.get(key), fresh);
        self.set(key, data)
    }

    /// Removes a record (on the next save).
    pub fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.finish_load();
        self.check_change(key)?;
        if self.records.remove(key).is_some() || self.seen.contains_key(key) {
            self.dirty.insert(key.to_owned());
        }
        Ok(())
    }

    fn check_change(&self, key: &str) -> Result<(), StoreError> {
        if matches!(self.mode, StoreMode::ReadOnly(_)) {
            return Err(StoreError::ReadOnly);
        }
        if !keys::is_record_key(key) {
            return Err(StoreError::NotARecordKey {
                key: key.to_owned(),
            });
        }
        Ok(())
    }

    /// Whether this record has changes not yet saved.
    pub fn is_dirty(&self, key: &str) -> bool {
        self.dirty.contains(key)
    }

    /// Whether anything at all is not yet saved (for a `beforeunload` warning, and in
    /// memory-only mode for "download a backup before you leave").
    pub fn has_unsaved_changes(&self) -> bool {
        !self.dirty.is_empty() || self.meta_dirty || !self.quarantine_dirty.is_empty()
    }

    /// Everything the banners need.
    pub fn status(&self) -> StoreStatus {
        StoreStatus {
            mode: self.mode.clone(),
            store_full: self.store_full,
            unsaved: self.dirty.len(),
            set_aside: self.quarantine.len(),
            unreadable: self.held_originals(),
            waiting: self
                .quarantine
                .values()
                .filter(|e| e.kind == SetAsideKind::Waiting)
                .map(|e| e.original_key.clone())
                .collect(),
            set_aside_in_memory_only: self.quarantine.values().filter(|e| !e.stored).count(),
            conflicts: self.conflicts.len(),
            last_failure: self.last_failure.clone(),
        }
    }
}
