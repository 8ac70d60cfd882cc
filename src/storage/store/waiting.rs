//! New work typed into a record whose unreadable original is held.
//!
//! While the trainee has not yet decided about an unreadable copy, the store never writes over
//! the record's own key. Anything typed there meanwhile must still be kept somewhere safe, and
//! never reported as saved into the record: each save keeps it as the record's one
//! [`SetAsideKind::Waiting`] copy (see [`QuarantineEntry::waiting_key`]). After a reload the
//! waiting work comes back into the record, so the page shows it again. Once the trainee decides
//! (discards the unreadable copy, or lets the app save over the original), the next save writes
//! the work into the record and the waiting copy goes. Either way nothing typed is lost.

use serde_json::Value;

use super::Store;
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record::Record;

/// What the waiting copy says about itself in "My data".
const WAITING_REASON: &str = "What you wrote here after the saved copy couldn't be read. It is \
                              kept safe and goes back into place once you decide about the copy \
                              that couldn't be read.";

impl<B: Backend> Store<B> {
    /// Whether the record's own key is held (an unreadable original waits for the trainee's
    /// choice): changes to it are kept as waiting work, not written into the record.
    pub fn is_held_for_choice(&self, key: &str) -> bool {
        self.is_held(key)
    }

    /// Whether new work on a held record is kept, and that copy is safely stored.
    pub fn waiting_work_stored(&self, key: &str) -> Option<bool> {
        self.quarantine
            .get(&QuarantineEntry::waiting_key(key))
            .map(|entry| entry.stored)
    }

    /// Keeps the current data of a held record as its waiting copy (written with the other
    /// set-aside copies in the same save).
    pub(super) fn keep_waiting(&mut self, key: &str, now: UnixMs) {
        let Some(record) = self.records.get(key) else {
            return;
        };
        let raw = record.data.to_string();
        let waiting_key = QuarantineEntry::waiting_key(key);
        if self
            .quarantine
            .get(&waiting_key)
            .is_some_and(|entry| entry.raw == raw)
        {
            return;
        }
        let entry = QuarantineEntry {
            key: waiting_key.clone(),
            original_key: key.to_owned(),
            reason: WAITING_REASON.to_owned(),
            kind: SetAsideKind::Waiting,
            at: now,
            raw,
            released: false,
            stored: false,
        };
        self.quarantine.insert(waiting_key.clone(), entry);
        self.quarantine_dirty.insert(waiting_key);
    }

    /// The record was written into its own key: its waiting copy is no longer needed.
    pub(super) fn drop_waiting(&mut self, key: &str) {
        let waiting_key = QuarantineEntry::waiting_key(key);
        if self.quarantine.remove(&waiting_key).is_some() {
            self.quarantine_dirty.insert(waiting_key);
        }
    }

    /// Puts a held record's waiting work back in place (in memory, marked unsaved), when the
    /// record itself is not there to show. Returns whether it did.
    pub(super) fn bring_back_waiting(&mut self, key: &str) -> bool {
        if self.records.contains_key(key) {
            return false;
        }
        let Some(entry) = self.quarantine.get(&QuarantineEntry::waiting_key(key)) else {
            return false;
        };
        let Ok(data) = serde_json::from_str::<Value>(&entry.raw) else {
            return false;
        };
        let mut record = Record::new(data);
        record.rev = self.seen.get(key).copied().unwrap_or(0);
        record.saved_at = entry.at;
        self.records.insert(key.to_owned(), record);
        self.dirty.insert(key.to_owned());
        true
    }

    /// The trainee has decided about the unreadable copy of `key`: its waiting work (if any)
    /// takes the record's place now, over whatever unreadable data was loaded, and is written
    /// on the next save.
    pub(super) fn adopt_waiting(&mut self, key: &str) {
        let Some(entry) = self.quarantine.get(&QuarantineEntry::waiting_key(key)) else {
            return;
        };
        let Ok(data) = serde_json::from_str::<Value>(&entry.raw) else {
            return;
        };
        let mut record = Record::new(data);
        record.rev = self.seen.get(key).copied().unwrap_or(0);
        record.saved_at = entry.at;
        self.records.insert(key.to_owned(), record);
        self.dirty.insert(key.to_owned());
    }

    /// After a load: waiting work comes back into each held record. Waiting work whose record is
    /// no longer held (the trainee decided in another tab, and the write did not finish) stays
    /// as an ordinary set-aside copy, so it can never overwrite anything newer.
    pub(super) fn settle_waiting_after_load(&mut self) {
        let waiting: Vec<(String, String)> = self
            .quarantine
            .values()
            .filter(|entry| entry.kind == SetAsideKind::Waiting)
            .map(|entry| (entry.key.clone(), entry.original_key.clone()))
            .collect();
        for (waiting_key, original) in waiting {
            if self.is_held(&original) {
                self.bring_back_waiting(&original);
            } else if let Some(entry) = self.quarantine.remove(&waiting_key) {
                // Under a key of its own, so later waiting work never replaces it.
                self.quarantine_dirty.insert(waiting_key);
                self.set_aside(
                    &original,
                    entry.raw,
                    "What you wrote while an earlier copy couldn't be read, kept as it was.".into(),
                    SetAsideKind::Superseded,
                    entry.at,
                );
            }
        }
    }
}
