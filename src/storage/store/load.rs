//! Loading: read everything once, bring older data up to date, set aside what can't be read,
//! and decide whether the store may write. A load never writes.

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
        report.records_loaded = store.records.len();
        report.mode = store.mode.clone();
        (store, report)
    }
}
