//! Restoring a checked backup into the store, beside [`export_backup`](Store::export_backup) in
//! the backup module: replace everything, merge, and a preview of what replacing would do.

use serde_json::Value;

use super::Backup;
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::error::StoreError;
use crate::storage::quarantine::SetAsideKind;
use crate::storage::record::Record;
use crate::storage::store::{Store, StoreMode};

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

impl<B: Backend> Store<B> {
    /// Replaces every record with the backup's (a backup's set-aside copies are added). Current
    /// set-aside copies stay. Call [`Store::save`] afterwards. Offer the trainee a backup of what
    /// is here first ([`Store::export_backup`]).
    pub fn restore_replace(&mut self, backup: &Backup) -> Result<RestoreReport, StoreError> {
        self.finish_load();
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
        backup: &Backup,
        now: UnixMs,
    ) -> Result<RestoreReport, StoreError> {
        self.finish_load();
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
    pub fn replace_preview(&mut self, backup: &Backup) -> Vec<ReplaceEffect> {
        self.finish_load();
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
    pub(in crate::storage) fn adopt(&mut self, key: &str, incoming: &Record) {
        let record = Record {
            rev: self.seen.get(key).copied().unwrap_or(0),
            ..incoming.clone()
        };
        if self.records.get(key).map(|r| &r.data) != Some(&record.data) {
            self.dirty.insert(key.to_owned());
        }
        self.records.insert(key.to_owned(), record);
    }

    pub(in crate::storage) fn add_backup_copies(&mut self, backup: &Backup) {
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
