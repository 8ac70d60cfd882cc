//! Set-aside copies: unreadable records (whose original key is then held until the trainee
//! chooses), readable copies that lost a merge or a conflict, and the trainee's choices about
//! them.

use serde_json::Value;

use super::{ReadOnlyReason, Store, StoreMode};
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::error::StoreError;
use crate::storage::keys;
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record::RecordError;
use crate::storage::schema::Meta;

impl<B: Backend> Store<B> {
    // ----- set-aside copies -----

    /// Keeps a copy of `raw` (from `original_key`) aside, reusing an existing copy of the very
    /// same text. Returns the copy's key. Written on the next save.
    pub(in crate::storage) fn set_aside(
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
        self.finish_load();
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
        self.finish_load();
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
        self.finish_load();
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
        self.finish_load();
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
}
