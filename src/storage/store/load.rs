//! Loading: read everything once, bring older data up to date, set aside what can't be read,
//! and decide whether the store may write. A load never writes.

use super::deferred::Deferred;
use super::{ReadOnlyReason, Store, StoreMode};
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::error::BackendError;
use crate::storage::keys::{self, KeyClass};
use crate::storage::migrate::{self, Snapshot};
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record::{Record, RecordError};
use crate::storage::schema::{Meta, CURRENT_VERSION};

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

impl<B: Backend> Store<B> {
    /// Loads everything: reads, migrates step by step, decodes, and sets aside what cannot be
    /// read. Never fails and never writes; the report says what happened. Call once at start-up,
    /// before showing anything.
    pub fn load(backend: B, now: UnixMs) -> (Self, LoadReport) {
        Self::load_deferring(backend, now, |_| false)
    }

    /// [`Store::load`], except that on a plain load the records `later` picks are listed but
    /// read only when first needed (see the `store::deferred` module): for a first screen that
    /// doesn't show them. Their revisions, and anything set aside or held because one can't be
    /// read, follow when the load finishes ([`Store::finish_load`]); `records_loaded` counts
    /// them all the same.
    pub fn load_deferring(
        backend: B,
        now: UnixMs,
        later: impl Fn(&str) -> bool,
    ) -> (Self, LoadReport) {
        let mut store = Store::empty(backend, StoreMode::ReadWrite);
        store.loaded_at = now;
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
            Err(e) => return store.memory_only(e, report),
        };

        // Read everything of ours before deciding anything; what `later` picks is only noted
        // for now, and read below unless the load can leave it for later.
        let mut read = Reading::default();
        let mut unread = Vec::new();
        for key in all_keys {
            let class = keys::classify(&key);
            if class == KeyClass::Foreign {
                continue;
            }
            if matches!(class, KeyClass::Record(_)) && later(&key) {
                unread.push(key);
                continue;
            }
            if let Err(gone) = store.read_key(key, class, &mut read, &mut report) {
                return store.memory_only(gone, report);
            }
        }
        for entry in store.quarantine.values() {
            if entry.kind == SetAsideKind::Unreadable && entry.released {
                store.overwrite_allowed.insert(entry.original_key.clone());
            }
        }

        // Which version is this?
        let nothing_stored = read.stored.is_empty()
            && unread.is_empty()
            && store.quarantine.is_empty()
            && store.unreadable.is_empty();
        let version = match read.meta_raw.take() {
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
            None if read.meta_unreadable => None,
            None if nothing_stored => {
                report.first_run = true;
                store.meta_dirty = true;
                Some(CURRENT_VERSION)
            }
            // Version 1 had no meta record.
            None => Some(1),
        };

        // Only a plain load leaves anything for later (see the `deferred` module); any other
        // reads everything now, before a migration or a read-only decision looks at it.
        let may_defer = version == Some(CURRENT_VERSION)
            && store.quarantine.is_empty()
            && store.unreadable.is_empty();
        if may_defer {
            for key in unread {
                let at = store.deferred.partition_point(|(k, _)| *k < key);
                store.deferred.insert(at, (key, Deferred::unread()));
            }
        } else {
            for key in unread {
                let class = keys::classify(&key);
                if let Err(gone) = store.read_key(key, class, &mut read, &mut report) {
                    return store.memory_only(gone, report);
                }
            }
        }
        let stored = read.stored;

        // What a migration produced, if one ran; otherwise the records are what storage holds.
        let migrated = match version {
            None => {
                store.mode = StoreMode::ReadOnly(ReadOnlyReason::UnreadableVersion);
                None
            }
            Some(v) if v > CURRENT_VERSION => {
                store.mode = StoreMode::ReadOnly(ReadOnlyReason::NewerVersion { found: v });
                None
            }
            Some(v) if v == CURRENT_VERSION => None,
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
                    Some(migrated.snapshot)
                }
                Err(e) => {
                    store.mode =
                        StoreMode::ReadOnly(ReadOnlyReason::MigrationFailed(e.to_string()));
                    None
                }
            },
        };

        // The revisions storage holds now, whatever the migration produced. Without a migration,
        // the records decoded below are what storage holds, so each is decoded once and gives its
        // own revision: a year's store is a megabyte of JSON, and decoding it twice (and copying
        // it once) was a fifth of what it added to start-up.
        let seen_here = migrated.is_none();
        let working = match migrated {
            Some(snapshot) => {
                for (key, raw) in &stored {
                    if let Ok(record) = Record::decode(raw) {
                        store.seen.insert(key.clone(), record.rev);
                    }
                }
                snapshot
            }
            None => stored,
        };
        for (key, raw) in working {
            if !keys::is_record_key(&key) {
                if seen_here {
                    if let Ok(record) = Record::decode(&raw) {
                        store.seen.insert(key, record.rev);
                    }
                }
                continue;
            }
            match Record::decode(&raw) {
                Ok(record) => {
                    if seen_here {
                        store.seen.insert(key.clone(), record.rev);
                    }
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
        report.records_loaded = store.records.len() + store.deferred.len();
        report.mode = store.mode.clone();
        (store, report)
    }

    /// Reads one key of ours into `read` (a record's text, the meta record, a set-aside copy).
    /// A key the browser fails to read is held and reported. `Err` means storage itself has
    /// gone (see [`Store::memory_only`]).
    fn read_key(
        &mut self,
        key: String,
        class: KeyClass,
        read: &mut Reading,
        report: &mut LoadReport,
    ) -> Result<(), BackendError> {
        match self.backend.get(&key) {
            Ok(None) => {}
            Ok(Some(raw)) => match class {
                KeyClass::Meta => read.meta_raw = Some(raw),
                KeyClass::Quarantine => {
                    let entry = QuarantineEntry::decode(&key, &raw);
                    self.quarantine.insert(key, entry);
                }
                _ => {
                    read.stored.insert(key, raw);
                }
            },
            Err(e) if e.is_unavailable() => return Err(e),
            Err(e) => {
                if class == KeyClass::Meta {
                    read.meta_unreadable = true;
                }
                self.unreadable.insert(key.clone());
                report.unreadable.push((key, e));
            }
        }
        Ok(())
    }

    /// Storage is not there at all: run from memory, with nothing loaded.
    fn memory_only(mut self, error: BackendError, mut report: LoadReport) -> (Self, LoadReport) {
        self.mode = StoreMode::MemoryOnly {
            detail: error.to_string(),
        };
        self.quarantine.clear();
        report.mode = self.mode.clone();
        (self, report)
    }
}

/// What the load has read so far, before deciding anything.
#[derive(Default)]
struct Reading {
    /// Every record's (and legacy key's) stored text, by key.
    stored: Snapshot,
    /// The meta record's text.
    meta_raw: Option<String>,
    /// Whether the browser failed to read the meta record.
    meta_unreadable: bool,
}
