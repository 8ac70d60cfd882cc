//! Saving: write only dirty records, never over another tab's newer write or a held original,
//! and keep every change in memory when a write fails.

use super::{Store, StoreMode};
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::cross_tab::{self, Stored, WriteDecision};
use crate::storage::error::BackendError;
use crate::storage::keys;
use crate::storage::quarantine::SetAsideKind;
use crate::storage::record::Record;
use std::collections::BTreeSet;

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

impl<B: Backend> Store<B> {
    // ----- saving -----

    /// Writes every dirty record (and only those). Call when the
    /// [`SaveSchedule`](super::save_schedule::SaveSchedule) says so, and at once on
    /// `visibilitychange` to hidden and on `pagehide`.
    pub fn save(&mut self, now: UnixMs) -> SaveReport {
        self.finish_load();
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

    pub(in crate::storage) fn save_copies(
        &mut self,
        copy_keys: &[String],
        report: &mut SaveReport,
    ) {
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

    pub(in crate::storage) fn save_one(&mut self, key: &str, now: UnixMs, report: &mut SaveReport) {
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
    pub(in crate::storage) fn held_originals(&self) -> Vec<String> {
        let held: BTreeSet<String> = self
            .quarantine
            .values()
            .filter(|e| e.holds_original())
            .map(|e| e.original_key.clone())
            .chain(self.unreadable.iter().cloned())
            .collect();
        held.into_iter().collect()
    }

    pub(in crate::storage) fn is_held(&self, key: &str) -> bool {
        self.unreadable.contains(key)
            || self
                .quarantine
                .values()
                .any(|e| e.original_key == key && e.holds_original())
    }
}
