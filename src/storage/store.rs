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
//!   tab wrote since, nothing is written and a conflict waits for the app (see [`cross_tab`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::backend::Backend;
use super::cross_tab::{self, ExternalAction, LocalState, Stored, WriteDecision};
use super::error::{BackendError, StoreError};
use super::keys::{self, KeyClass, RecordKind};
use super::migrate::{self, Snapshot};
use super::quarantine::{QuarantineEntry, SetAsideKind};
use super::record::{Record, RecordError};
use super::schema::{Meta, CURRENT_VERSION};
use super::unknown_fields;
use crate::domain::date::UnixMs;

mod waiting;

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

/// What a load found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    /// Whether the store may write (see [`StoreMode::banner`]).
    pub mode: StoreMode,
    /// Nothing of Peer Study's was stored: a first visit. (Always `false` in memory-only mode,
    /// where nobody can tell.)
    pub first_run: bool,
    /// The schema version the data was migrated from, if a migration ran.
    pub migrated_from: Option<u32>,
    /// Keys of set-aside copies made during this load (see [`Store::set_aside_entries`]).
    pub newly_set_aside: Vec<String>,
    /// Keys that could not be read at all; they are held and never written.
    pub unreadable: Vec<(String, BackendError)>,
    /// How many records loaded.
    pub records_loaded: usize,
}

/// How a save went, overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    /// There was nothing to save.
    NothingToSave,
    /// Every change was written.
    Saved,
    /// Everything that could be written was; some records wait for a choice (a conflict, or a
    /// set-aside original).
    SavedSomeHeldBack,
    /// Storage is full: the changes that did not fit are kept in memory.
    StoreFull,
    /// Some writes failed for another reason; the changes are kept in memory.
    Failed,
    /// Read-only: nothing is ever written.
    ReadOnly,
    /// No storage: nothing can be written.
    MemoryOnly,
}

/// What one save did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveReport {
    /// Keys written.
    pub written: Vec<String>,
    /// Keys removed.
    pub removed: Vec<String>,
    /// Keys where another tab's newer write was found; see [`Store::conflicts`].
    pub new_conflicts: Vec<String>,
    /// Keys with changes waiting for the trainee's choice (a conflict or a set-aside original).
    pub held_back: Vec<String>,
    /// Held keys whose new work was kept as a waiting copy instead (see `store/waiting.rs`).
    pub kept_waiting: Vec<String>,
    /// Writes that failed; their changes are still in memory.
    pub failures: Vec<BackendError>,
    /// The mode at the time (writes happen only in [`StoreMode::ReadWrite`]).
    pub mode_blocked: Option<SaveOutcome>,
}

impl SaveReport {
    /// The overall outcome, for the save indicator.
    pub fn outcome(&self) -> SaveOutcome {
        if let Some(blocked) = self.mode_blocked {
            blocked
        } else if self.failures.iter().any(BackendError::is_quota_exceeded) {
            SaveOutcome::StoreFull
        } else if !self.failures.is_empty() {
            SaveOutcome::Failed
        } else if !self.held_back.is_empty() {
            SaveOutcome::SavedSomeHeldBack
        } else if self.written.is_empty() && self.removed.is_empty() {
            SaveOutcome::NothingToSave
        } else {
            SaveOutcome::Saved
        }
    }

    /// No write failed (what [`SaveSchedule::save_finished`](super::save_schedule::SaveSchedule::save_finished)
    /// wants to know).
    pub fn succeeded(&self) -> bool {
        self.failures.is_empty()
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

/// Which version to keep when resolving a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// This tab's version.
    Mine,
    /// The version another tab saved.
    Theirs,
}

/// A conflict waiting for the app: both versions of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView<'a> {
    /// The record's key.
    pub key: &'a str,
    /// This tab's version (`None` if this tab removed the record).
    pub mine: Option<&'a Value>,
    /// The version another tab saved.
    pub theirs: &'a Value,
    /// When the other tab saved it.
    pub theirs_saved_at: UnixMs,
}

/// What happened to a key after another tab changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalOutcome {
    /// Nothing to do.
    Ignored,
    /// The record now holds the other tab's version: refresh what shows it.
    Updated(String),
    /// The other tab removed the record, and it is gone here too.
    Removed(String),
    /// Both tabs changed it: see [`Store::conflicts`].
    Conflict(String),
    /// It is being edited here, so the newer version was not swapped in; the app may offer it
    /// ([`Store::reload_from_storage`]).
    NewerElsewhere(String),
    /// What the other tab left could not be read; it was set aside and the key is held.
    SetAside(String),
    /// The set-aside list changed (another tab set something aside or discarded it).
    SetAsideListChanged,
    /// A newer version of Peer Study has taken over the data: this tab is now read-only.
    BecameReadOnly,
}

/// What a restore from a backup did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RestoreReport {
    /// Records that were not here before.
    pub added: Vec<String>,
    /// Records whose content now comes from the backup.
    pub replaced: Vec<String>,
    /// Records removed (replace only).
    pub removed: Vec<String>,
    /// Records where this device's copy was kept (merge only: it was newer).
    pub kept_yours: Vec<String>,
    /// Set-aside copies made so that the losing side of a merge is not lost.
    pub set_aside: Vec<String>,
}

/// What replacing everything with a backup would do to one record here.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplaceEffect {
    /// The record's key.
    pub key: String,
    /// Removed, or replaced by the backup's different copy.
    pub change: ReplaceChange,
    /// When this device's copy was saved; `None` if it has changes not saved yet.
    pub here_saved_at: Option<UnixMs>,
    /// This device's data (to count what would go, such as reflections the backup lacks).
    pub here: Value,
    /// The backup's data, when it has the record.
    pub backup: Option<Value>,
}

/// See [`ReplaceEffect`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceChange {
    /// The backup lacks the record: it would be removed.
    Removed,
    /// The backup's copy differs: it would replace this one.
    Replaced,
}

/// The store. See the module documentation.
#[derive(Debug)]
pub struct Store<B: Backend> {
    backend: B,
    mode: StoreMode,
    meta: Meta,
    meta_dirty: bool,
    records: BTreeMap<String, Record>,
    /// The revision last read from or written to storage, per key.
    seen: BTreeMap<String, u64>,
    /// Keys with unsaved changes: a write if the key is in `records`, else a removal.
    dirty: BTreeSet<String>,
    /// Keys changed by a migration: the meta record moves on only once they are all written.
    migration_pending: BTreeSet<String>,
    /// Legacy keys to remove once the meta record says the new version.
    legacy_to_remove: BTreeSet<String>,
    /// Keys that could not be read at all: never written.
    unreadable: BTreeSet<String>,
    /// Original keys the trainee has said may be written over.
    overwrite_allowed: BTreeSet<String>,
    quarantine: BTreeMap<String, QuarantineEntry>,
    /// Set-aside keys to write (present in `quarantine`) or remove (absent).
    quarantine_dirty: BTreeSet<String>,
    /// Another tab's version, per key in conflict.
    conflicts: BTreeMap<String, Record>,
    store_full: bool,
    last_failure: Option<BackendError>,
}

impl<B: Backend> Store<B> {
    fn empty(backend: B, mode: StoreMode) -> Self {
        Store {
            backend,
            mode,
            meta: Meta::current(),
            meta_dirty: false,
            records: BTreeMap::new(),
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

    /// Loads everything: reads, migrates step by step, decodes, and sets aside what cannot be
    /// read. Never fails and never writes; the report says what happened. Call once at start-up,
    /// before showing anything.
    pub fn load(backend: B, now: UnixMs) -> (Self, LoadReport) {
        let mut store = Store::empty(backend, StoreMode::ReadWrite);
        let mut report = LoadReport {
            mode: StoreMode::ReadWrite,
            first_run: false,
            migrated_from: None,
            newly_set_aside: Vec::new(),
            unreadable: Vec::new(),
            records_loaded: 0,
        };
        let all_keys = match store.backend.keys() {
            Ok(keys) => keys,
            Err(e) => {
                store.mode = StoreMode::MemoryOnly {
                    detail: e.to_string(),
                };
                report.mode = store.mode.clone();
                return (store, report);
            }
        };

        // Read everything of ours before deciding anything.
        let mut stored = Snapshot::new();
        let mut meta_raw = None;
        let mut meta_unreadable = false;
        for key in all_keys {
            let class = keys::classify(&key);
            if class == KeyClass::Foreign {
                continue;
            }
            match store.backend.get(&key) {
                Ok(None) => {}
                Ok(Some(raw)) => match class {
                    KeyClass::Meta => meta_raw = Some(raw),
                    KeyClass::Quarantine => {
                        let entry = QuarantineEntry::decode(&key, &raw);
                        store.quarantine.insert(key, entry);
                    }
                    _ => {
                        stored.insert(key, raw);
                    }
                },
                Err(e) if e.is_unavailable() => {
                    store.mode = StoreMode::MemoryOnly {
                        detail: e.to_string(),
                    };
                    store.quarantine.clear();
                    report.mode = store.mode.clone();
                    return (store, report);
                }
                Err(e) => {
                    if class == KeyClass::Meta {
                        meta_unreadable = true;
                    }
                    store.unreadable.insert(key.clone());
                    report.unreadable.push((key, e));
                }
            }
        }
        for entry in store.quarantine.values() {
            if entry.kind == SetAsideKind::Unreadable && entry.released {
                store.overwrite_allowed.insert(entry.original_key.clone());
            }
        }

        // Which version is this?
        let nothing_stored =
            stored.is_empty() && store.quarantine.is_empty() && store.unreadable.is_empty();
        let version = match meta_raw {
            Some(raw) => match Meta::decode(&raw) {
                Some(meta) => {
                    let version = meta.schema_version;
                    store.meta = meta;
                    Some(version)
                }
                None => {
                    let key = store.set_aside(
                        keys::META,
                        raw,
                        RecordError::NotAnEnvelope.to_string(),
                        SetAsideKind::Unreadable,
                        now,
                    );
                    report.newly_set_aside.push(key);
                    None
                }
            },
            None if meta_unreadable => None,
            None if nothing_stored => {
                report.first_run = true;
                store.meta_dirty = true;
                Some(CURRENT_VERSION)
            }
            // Version 1 had no meta record.
            None => Some(1),
        };

        let working = match version {
            None => {
                store.mode = StoreMode::ReadOnly(ReadOnlyReason::UnreadableVersion);
                stored.clone()
            }
            Some(v) if v > CURRENT_VERSION => {
                store.mode = StoreMode::ReadOnly(ReadOnlyReason::NewerVersion { found: v });
                stored.clone()
            }
            Some(v) if v == CURRENT_VERSION => stored.clone(),
            Some(v) => match migrate::migrate(&stored, v, now) {
                Ok(migrated) => {
                    report.migrated_from = Some(v);
                    store.meta.schema_version = CURRENT_VERSION;
                    store.meta_dirty = true;
                    for key in stored.keys() {
                        if !migrated.snapshot.contains_key(key) {
                            if keys::classify(key) == KeyClass::Legacy {
                                store.legacy_to_remove.insert(key.clone());
                            } else {
                                store.dirty.insert(key.clone());
                                store.migration_pending.insert(key.clone());
                            }
                        }
                    }
                    for (key, raw) in &migrated.snapshot {
                        if stored.get(key) != Some(raw) {
                            store.dirty.insert(key.clone());
                            store.migration_pending.insert(key.clone());
                        }
                    }
                    for aside in migrated.set_aside {
                        let key = store.set_aside(
                            &aside.key,
                            aside.raw,
                            aside.reason,
                            SetAsideKind::Superseded,
                            now,
                        );
                        report.newly_set_aside.push(key);
                    }
                    migrated.snapshot
                }
                Err(e) => {
                    store.mode =
                        StoreMode::ReadOnly(ReadOnlyReason::MigrationFailed(e.to_string()));
                    stored.clone()
                }
            },
        };

        // The revisions storage holds now, whatever the migration produced.
        for (key, raw) in &stored {
            if let Ok(record) = Record::decode(raw) {
                store.seen.insert(key.clone(), record.rev);
            }
        }
        for (key, raw) in working {
            if !keys::is_record_key(&key) {
                continue;
            }
            match Record::decode(&raw) {
                Ok(record) => {
                    store.records.insert(key, record);
                }
                Err(reason) => {
                    store.dirty.remove(&key);
                    let aside = store.set_aside(
                        &key,
                        raw,
                        reason.to_string(),
                        SetAsideKind::Unreadable,
                        now,
                    );
                    report.newly_set_aside.push(aside);
                }
            }
        }
        if store.mode.is_writable() {
            store.settle_waiting_after_load();
        }
        report.records_loaded = store.records.len();
        report.mode = store.mode.clone();
        (store, report)
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

    /// A record's data, as the app last set it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.records.get(key).map(|r| &r.data)
    }

    /// A record's data decoded into the app's type. `Some(Err(_))` means the data is there but
    /// does not fit the type: the app should call [`Store::quarantine`] rather than use a default.
    pub fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        self.get(key).map(|v| T::deserialize(v))
    }

    /// A whole record with its revision and save time.
    pub fn record(&self, key: &str) -> Option<&Record> {
        self.records.get(key)
    }

    /// Every record, by key.
    pub fn records(&self) -> &BTreeMap<String, Record> {
        &self.records
    }

    /// The keys of every record of one kind, in key order (for example every draft).
    pub fn keys_of_kind(&self, kind: RecordKind) -> Vec<&str> {
        self.records
            .keys()
            .filter(|k| keys::classify(k) == KeyClass::Record(kind))
            .map(String::as_str)
            .collect()
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
        let fresh = serde_json::to_value(value).map_err(|e| StoreError::Encode {
            key: key.to_owned(),
            detail: e.to_string(),
        })?;
        let data = unknown_fields::keep_unknown_at_depth::<T>(self.get(key), fresh);
        self.set(key, data)
    }

    /// Removes a record (on the next save).
    pub fn remove(&mut self, key: &str) -> Result<(), StoreError> {
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

    // ----- saving -----

    /// Writes every dirty record (and only those). Call when the
    /// [`SaveSchedule`](super::save_schedule::SaveSchedule) says so, and at once on
    /// `visibilitychange` to hidden and on `pagehide`.
    pub fn save(&mut self, now: UnixMs) -> SaveReport {
        let mut report = SaveReport::default();
        match self.mode {
            StoreMode::ReadWrite => {}
            StoreMode::ReadOnly(_) => {
                report.mode_blocked = Some(SaveOutcome::ReadOnly);
                return report;
            }
            StoreMode::MemoryOnly { .. } => {
                report.mode_blocked = Some(SaveOutcome::MemoryOnly);
                return report;
            }
        }

        // Removals first: they free room that the writes after them may need.
        let (removals, writes): (Vec<String>, Vec<String>) = self
            .dirty
            .iter()
            .cloned()
            .partition(|k| !self.records.contains_key(k));
        let copy_removals: Vec<String> = self
            .quarantine_dirty
            .iter()
            .filter(|k| !self.quarantine.contains_key(*k))
            .cloned()
            .collect();
        self.save_copies(&copy_removals, &mut report);
        for key in removals.iter().chain(&writes) {
            self.save_one(key, now, &mut report);
        }
        // Every copy still to store, including any set aside by the writes above.
        let copy_writes: Vec<String> = self.quarantine_dirty.iter().cloned().collect();
        self.save_copies(&copy_writes, &mut report);
        self.migration_pending.retain(|k| self.dirty.contains(k));
        if self.meta_dirty && self.migration_pending.is_empty() {
            match self.backend.set(keys::META, &self.meta.encode()) {
                Ok(()) => {
                    self.meta_dirty = false;
                    report.written.push(keys::META.to_owned());
                }
                Err(e) => report.failures.push(e),
            }
        }
        // Legacy keys go only once the new layout is fully stored, set-aside copies included.
        if !self.meta_dirty && self.quarantine_dirty.is_empty() {
            for key in self.legacy_to_remove.clone() {
                match self.backend.remove(&key) {
                    Ok(()) => {
                        self.legacy_to_remove.remove(&key);
                        report.removed.push(key);
                    }
                    Err(e) => report.failures.push(e),
                }
            }
        }

        if report.failures.is_empty() {
            self.store_full = false;
            self.last_failure = None;
        } else {
            self.store_full = report.failures.iter().any(BackendError::is_quota_exceeded);
            self.last_failure = report.failures.last().cloned();
        }
        report
    }

    fn save_copies(&mut self, copy_keys: &[String], report: &mut SaveReport) {
        for key in copy_keys {
            if !self.quarantine_dirty.contains(key) {
                continue;
            }
            let result = match self.quarantine.get(key) {
                Some(entry) => self.backend.set(key, &entry.encode()),
                None => self.backend.remove(key),
            };
            match result {
                Ok(()) => {
                    self.quarantine_dirty.remove(key);
                    match self.quarantine.get_mut(key) {
                        Some(entry) => {
                            entry.stored = true;
                            report.written.push(key.clone());
                        }
                        None => report.removed.push(key.clone()),
                    }
                }
                Err(e) => report.failures.push(e),
            }
        }
    }

    fn save_one(&mut self, key: &str, now: UnixMs, report: &mut SaveReport) {
        if self.conflicts.contains_key(key) {
            report.held_back.push(key.to_owned());
            return;
        }
        if self.is_held(key) {
            // Never over the held original; the new work waits in a copy of its own instead.
            if self.records.contains_key(key) {
                self.keep_waiting(key, now);
                report.kept_waiting.push(key.to_owned());
            }
            report.held_back.push(key.to_owned());
            return;
        }
        let stored_raw = match self.backend.get(key) {
            Ok(raw) => raw,
            Err(e) => {
                report.failures.push(e);
                return;
            }
        };
        let seen = self.seen.get(key).copied();
        let mut decision = cross_tab::decide_write(seen, Stored::of(stored_raw.as_deref()));
        if decision == WriteDecision::StoredUnreadable && self.overwrite_allowed.contains(key) {
            decision = WriteDecision::Write {
                rev: seen.unwrap_or(0) + 1,
            };
        }
        match decision {
            WriteDecision::Write { rev } => {
                let result = match self.records.get(key) {
                    Some(record) => {
                        let written = Record {
                            rev,
                            saved_at: now,
                            ..record.clone()
                        };
                        self.backend.set(key, &written.encode())
                    }
                    None => self.backend.remove(key),
                };
                match result {
                    Ok(()) => {
                        self.dirty.remove(key);
                        match self.records.get_mut(key) {
                            Some(record) => {
                                record.rev = rev;
                                record.saved_at = now;
                                self.seen.insert(key.to_owned(), rev);
                                report.written.push(key.to_owned());
                                self.drop_waiting(key);
                            }
                            None => report.removed.push(key.to_owned()),
                        }
                    }
                    Err(e) => report.failures.push(e),
                }
            }
            WriteDecision::Conflict => {
                // `Stored::Rev` means it decoded a moment ago.
                if let Some(theirs) = stored_raw.as_deref().and_then(|r| Record::decode(r).ok()) {
                    self.conflicts.insert(key.to_owned(), theirs);
                    report.new_conflicts.push(key.to_owned());
                }
                report.held_back.push(key.to_owned());
            }
            WriteDecision::StoredUnreadable => {
                if let Some(raw) = stored_raw {
                    self.set_aside(
                        key,
                        raw,
                        "Another tab saved something here that couldn't be read.".into(),
                        SetAsideKind::Unreadable,
                        now,
                    );
                }
                report.held_back.push(key.to_owned());
            }
        }
    }

    /// Every original key held by an unreadable copy, once each, in key order.
    fn held_originals(&self) -> Vec<String> {
        let held: BTreeSet<String> = self
            .quarantine
            .values()
            .filter(|e| e.holds_original())
            .map(|e| e.original_key.clone())
            .chain(self.unreadable.iter().cloned())
            .collect();
        held.into_iter().collect()
    }

    fn is_held(&self, key: &str) -> bool {
        self.unreadable.contains(key)
            || self
                .quarantine
                .values()
                .any(|e| e.original_key == key && e.holds_original())
    }

    // ----- set-aside copies -----

    /// Keeps a copy of `raw` (from `original_key`) aside, reusing an existing copy of the very
    /// same text. Returns the copy's key. Written on the next save.
    fn set_aside(
        &mut self,
        original_key: &str,
        raw: String,
        reason: String,
        kind: SetAsideKind,
        now: UnixMs,
    ) -> String {
        if let Some(existing) = self
            .quarantine
            .values()
            .find(|e| e.original_key == original_key && e.raw == raw)
        {
            return existing.key.clone();
        }
        let entry = QuarantineEntry::new(original_key, raw, reason, kind, now, |k| {
            self.quarantine.contains_key(k)
        });
        let key = entry.key.clone();
        self.quarantine.insert(key.clone(), entry);
        self.quarantine_dirty.insert(key.clone());
        key
    }

    /// Sets a loaded record aside because the app could not decode it into its type. The record
    /// leaves the store (so the app starts that part afresh), its stored text is kept as a copy,
    /// and its key is held until the trainee chooses. Returns the copy's key.
    pub fn quarantine(
        &mut self,
        key: &str,
        reason: &str,
        now: UnixMs,
    ) -> Result<String, StoreError> {
        let Some(record) = self.records.remove(key) else {
            return Err(StoreError::NoSuchRecord {
                key: key.to_owned(),
            });
        };
        self.dirty.remove(key);
        let raw = match self.backend.get(key) {
            Ok(Some(raw)) => raw,
            _ => record.encode(),
        };
        let copy = self.set_aside(
            key,
            raw,
            RecordError::App(reason.to_owned()).to_string(),
            SetAsideKind::Unreadable,
            now,
        );
        // Work typed here while this copy was held (before a reload) comes back into place.
        self.bring_back_waiting(key);
        Ok(copy)
    }

    /// Keeps a readable copy of a record aside (for example the losing side of a conflict, for a
    /// record that has no version history). Returns the copy's key.
    pub fn keep_copy(
        &mut self,
        original_key: &str,
        data: &Value,
        reason: &str,
        now: UnixMs,
    ) -> String {
        let raw = serde_json::to_string_pretty(data).unwrap_or_else(|_| data.to_string());
        self.set_aside(
            original_key,
            raw,
            reason.to_owned(),
            SetAsideKind::Superseded,
            now,
        )
    }

    /// Every set-aside copy, oldest first, for the "kept safe for you" list.
    pub fn set_aside_entries(&self) -> Vec<&QuarantineEntry> {
        let mut list: Vec<_> = self.quarantine.values().collect();
        list.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
        list
    }

    /// The raw text of a set-aside copy, for download.
    pub fn set_aside_raw(&self, quarantine_key: &str) -> Option<&str> {
        self.quarantine.get(quarantine_key).map(|e| e.raw.as_str())
    }

    /// The trainee discards a set-aside copy. If it held an unreadable original and the app has
    /// nothing newer for that key, the unreadable original is removed too; otherwise the app's
    /// version may now be saved over it.
    pub fn discard_set_aside(&mut self, quarantine_key: &str) -> Result<(), StoreError> {
        if matches!(self.mode, StoreMode::ReadOnly(_)) {
            return Err(StoreError::ReadOnly);
        }
        let entry = self.quarantine.remove(quarantine_key).ok_or_else(|| {
            StoreError::NoSuchQuarantineEntry {
                key: quarantine_key.to_owned(),
            }
        })?;
        self.quarantine_dirty.insert(quarantine_key.to_owned());
        if entry.kind == SetAsideKind::Unreadable && keys::is_record_key(&entry.original_key) {
            let original = entry.original_key;
            self.overwrite_allowed.insert(original.clone());
            self.unreadable.remove(&original);
            self.adopt_waiting(&original);
            if !self.records.contains_key(&original) {
                self.dirty.insert(original);
            }
        } else if entry.original_key == keys::META
            && self.mode == StoreMode::ReadOnly(ReadOnlyReason::UnreadableVersion)
        {
            // The trainee has chosen to carry on: the data is treated as the current version.
            self.mode = StoreMode::ReadWrite;
            self.meta = Meta::current();
            self.meta_dirty = true;
        }
        Ok(())
    }

    /// The trainee keeps a set-aside copy but lets the app save over its original key. Only once
    /// the copy is safely stored, so the original text always exists somewhere.
    pub fn release_original(&mut self, quarantine_key: &str) -> Result<(), StoreError> {
        let entry = self.quarantine.get_mut(quarantine_key).ok_or_else(|| {
            StoreError::NoSuchQuarantineEntry {
                key: quarantine_key.to_owned(),
            }
        })?;
        if !entry.stored {
            return Err(StoreError::CopyNotStoredYet {
                key: quarantine_key.to_owned(),
            });
        }
        entry.released = true;
        let original = entry.original_key.clone();
        self.quarantine_dirty.insert(quarantine_key.to_owned());
        self.adopt_waiting(&original);
        self.overwrite_allowed.insert(original);
        Ok(())
    }

    // ----- other tabs -----

    /// Conflicts waiting for the app: both versions of each record.
    pub fn conflicts(&self) -> Vec<ConflictView<'_>> {
        self.conflicts
            .iter()
            .map(|(key, theirs)| ConflictView {
                key,
                mine: self.get(key),
                theirs: &theirs.data,
                theirs_saved_at: theirs.saved_at,
            })
            .collect()
    }

    /// Resolves a conflict. Returns the version that was *not* kept (`None` if it was a removal):
    /// the app must keep it, for a draft as a history snapshot, otherwise with
    /// [`Store::keep_copy`], so that neither version is lost.
    #[must_use = "the other version must be kept (history snapshot or keep_copy)"]
    pub fn resolve_conflict(&mut self, key: &str, keep: Keep) -> Result<Option<Value>, StoreError> {
        let theirs = self
            .conflicts
            .remove(key)
            .ok_or_else(|| StoreError::NoSuchConflict {
                key: key.to_owned(),
            })?;
        self.seen.insert(key.to_owned(), theirs.rev);
        match keep {
            Keep::Mine => {
                // Our version is written next, on top of theirs.
                self.dirty.insert(key.to_owned());
                Ok(Some(theirs.data))
            }
            Keep::Theirs => {
                self.dirty.remove(key);
                let mine = self.records.insert(key.to_owned(), theirs).map(|r| r.data);
                Ok(mine)
            }
        }
    }

    /// Another tab changed `key` (the browser's `storage` event). `editing` says whether the
    /// trainee is editing that record here. Reads what is stored now and decides with
    /// [`cross_tab::decide_external_change`]. For a `storage` event with no key (storage
    /// cleared), call this for every key in [`Store::records`].
    pub fn external_change(&mut self, key: &str, editing: bool, now: UnixMs) -> ExternalOutcome {
        if matches!(self.mode, StoreMode::MemoryOnly { .. }) {
            return ExternalOutcome::Ignored;
        }
        let raw = match self.backend.get(key) {
            Ok(raw) => raw,
            Err(_) => return ExternalOutcome::Ignored,
        };
        match keys::classify(key) {
            KeyClass::Meta => match raw.as_deref().and_then(Meta::decode) {
                Some(meta) if meta.schema_version > CURRENT_VERSION => {
                    self.mode = StoreMode::ReadOnly(ReadOnlyReason::NewerVersion {
                        found: meta.schema_version,
                    });
                    self.meta = meta;
                    ExternalOutcome::BecameReadOnly
                }
                _ => ExternalOutcome::Ignored,
            },
            KeyClass::Quarantine => {
                match raw {
                    Some(raw) => {
                        let entry = QuarantineEntry::decode(key, &raw);
                        if entry.released {
                            self.overwrite_allowed.insert(entry.original_key.clone());
                        }
                        self.quarantine.insert(key.to_owned(), entry);
                    }
                    None => {
                        self.quarantine.remove(key);
                    }
                }
                self.quarantine_dirty.remove(key);
                ExternalOutcome::SetAsideListChanged
            }
            KeyClass::Record(_) => {
                let local = LocalState {
                    seen_rev: self.seen.get(key).copied(),
                    dirty: self.dirty.contains(key),
                    editing,
                };
                let incoming = Stored::of(raw.as_deref());
                match cross_tab::decide_external_change(local, incoming) {
                    ExternalAction::Ignore => ExternalOutcome::Ignored,
                    ExternalAction::LeaveForNow => ExternalOutcome::NewerElsewhere(key.to_owned()),
                    ExternalAction::Apply => match raw.as_deref().map(Record::decode) {
                        Some(Ok(record)) => {
                            self.seen.insert(key.to_owned(), record.rev);
                            self.records.insert(key.to_owned(), record);
                            ExternalOutcome::Updated(key.to_owned())
                        }
                        _ => {
                            self.records.remove(key);
                            self.seen.remove(key);
                            ExternalOutcome::Removed(key.to_owned())
                        }
                    },
                    ExternalAction::Conflict => {
                        if let Some(Ok(theirs)) = raw.as_deref().map(Record::decode) {
                            self.conflicts.insert(key.to_owned(), theirs);
                        }
                        ExternalOutcome::Conflict(key.to_owned())
                    }
                    ExternalAction::StoredUnreadable => {
                        let copy = self.set_aside(
                            key,
                            raw.unwrap_or_default(),
                            "Another tab saved something here that couldn't be read.".into(),
                            SetAsideKind::Unreadable,
                            now,
                        );
                        ExternalOutcome::SetAside(copy)
                    }
                }
            }
            KeyClass::Legacy | KeyClass::Foreign => ExternalOutcome::Ignored,
        }
    }

    /// Takes the stored version of a record now (after [`ExternalOutcome::NewerElsewhere`], when
    /// the trainee chooses to load it). Does nothing if this tab has unsaved changes to it.
    pub fn reload_from_storage(&mut self, key: &str, now: UnixMs) -> ExternalOutcome {
        self.external_change(key, false, now)
    }

    // ----- restore -----

    /// Replaces every record with the backup's (a backup's set-aside copies are added). Current
    /// set-aside copies stay. Call [`Store::save`] afterwards. Offer the trainee a backup of what
    /// is here first ([`Store::export_backup`]).
    pub fn restore_replace(
        &mut self,
        backup: &super::backup::Backup,
    ) -> Result<RestoreReport, StoreError> {
        if matches!(self.mode, StoreMode::ReadOnly(_)) {
            return Err(StoreError::ReadOnly);
        }
        let mut report = RestoreReport::default();
        let gone: Vec<String> = self
            .records
            .keys()
            .filter(|k| !backup.records.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            self.records.remove(&key);
            self.dirty.insert(key.clone());
            report.removed.push(key);
        }
        for (key, incoming) in &backup.records {
            match self.records.get(key) {
                Some(current) if current.data == incoming.data => {}
                Some(_) => report.replaced.push(key.clone()),
                None => report.added.push(key.clone()),
            }
            self.adopt(key, incoming);
        }
        self.add_backup_copies(backup);
        Ok(report)
    }

    /// Merges a backup into what is here. The rule, per record:
    /// - only in the backup: added;
    /// - only here: kept;
    /// - the same in both: nothing changes;
    /// - different: the copy saved more recently wins (a record with unsaved changes here counts
    ///   as saved now; a tie keeps this device's copy), and the other copy is set aside, so
    ///   nothing is lost. The app may turn set-aside drafts into history snapshots.
    ///
    /// Call [`Store::save`] afterwards.
    pub fn restore_merge(
        &mut self,
        backup: &super::backup::Backup,
        now: UnixMs,
    ) -> Result<RestoreReport, StoreError> {
        if matches!(self.mode, StoreMode::ReadOnly(_)) {
            return Err(StoreError::ReadOnly);
        }
        let mut report = RestoreReport::default();
        for (key, incoming) in &backup.records {
            let Some(current) = self.records.get(key) else {
                report.added.push(key.clone());
                self.adopt(key, incoming);
                continue;
            };
            if current.data == incoming.data {
                continue;
            }
            let ours_saved_at = if self.dirty.contains(key) {
                now
            } else {
                current.saved_at
            };
            if incoming.saved_at > ours_saved_at {
                let raw = current.encode();
                let copy = self.set_aside(
                    key,
                    raw,
                    "Your copy from this device, kept because the backup had a newer one.".into(),
                    SetAsideKind::Superseded,
                    now,
                );
                report.set_aside.push(copy);
                report.replaced.push(key.clone());
                self.adopt(key, incoming);
            } else {
                let reason = if incoming.saved_at == ours_saved_at {
                    "The backup's copy, saved at the same moment as yours, kept so that nothing \
                     is lost."
                } else {
                    "The backup's older copy, kept so that nothing is lost."
                };
                let copy = self.set_aside(
                    key,
                    incoming.encode(),
                    reason.into(),
                    SetAsideKind::Superseded,
                    now,
                );
                report.set_aside.push(copy);
                report.kept_yours.push(key.clone());
            }
        }
        self.add_backup_copies(backup);
        Ok(report)
    }

    /// What [`Store::restore_replace`] would do to each record here, changing nothing: for the
    /// "are you sure?" step, which says what will be removed or replaced before it happens.
    pub fn replace_preview(&self, backup: &super::backup::Backup) -> Vec<ReplaceEffect> {
        let mut effects = Vec::new();
        for (key, here) in &self.records {
            let saved_at = if self.dirty.contains(key) {
                None
            } else {
                Some(here.saved_at)
            };
            let change = match backup.records.get(key) {
                None => ReplaceChange::Removed,
                Some(theirs) if theirs.data == here.data => continue,
                Some(_) => ReplaceChange::Replaced,
            };
            effects.push(ReplaceEffect {
                key: key.clone(),
                change,
                here_saved_at: saved_at,
                here: here.data.clone(),
                backup: backup.records.get(key).map(|r| r.data.clone()),
            });
        }
        effects
    }

    /// Puts a backup's record in place of this one, keeping this device's revision bookkeeping.
    fn adopt(&mut self, key: &str, incoming: &Record) {
        let record = Record {
            rev: self.seen.get(key).copied().unwrap_or(0),
            ..incoming.clone()
        };
        if self.records.get(key).map(|r| &r.data) != Some(&record.data) {
            self.dirty.insert(key.to_owned());
        }
        self.records.insert(key.to_owned(), record);
    }

    fn add_backup_copies(&mut self, backup: &super::backup::Backup) {
        for entry in &backup.set_aside {
            // A copy from another device never holds a key here, so it comes in as superseded.
            self.set_aside(
                &entry.original_key,
                entry.raw.clone(),
                entry.reason.clone(),
                SetAsideKind::Superseded,
                entry.at,
            );
        }
    }
}
