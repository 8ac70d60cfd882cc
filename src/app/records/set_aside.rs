//! Conflicts between tabs and set-aside copies: the trainee's choice between two tabs' versions
//! (the other one is kept as a copy), and the copies listed on "My data" to download, keep or
//! discard.

use leptos::prelude::*;

use super::Records;
use crate::app::clock::now_ms;
use crate::domain::date::UnixMs;
use crate::storage::error::StoreError;
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record_types;
use crate::storage::store::Keep;

/// A set-aside copy, as the "My data" page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAsideView {
    /// The quarantine key (to download or discard it).
    pub key: String,
    /// What the copy was, in words ("your journal").
    pub what: String,
    /// Why it was set aside, in words for the trainee.
    pub reason: String,
    /// When it was set aside.
    pub at: UnixMs,
    /// The file name to download it under.
    pub download_name: String,
    /// Unreadable, a readable copy kept aside, or new work waiting to go back into place.
    pub kind: SetAsideKind,
}

impl SetAsideView {
    pub(super) fn of(entry: &QuarantineEntry) -> Self {
        Self {
            key: entry.key.clone(),
            what: record_types::describe(&entry.original_key),
            reason: entry.reason.clone(),
            at: entry.at,
            download_name: entry.download_name(),
            kind: entry.kind,
        }
    }
}

impl Records {
    /// Settle a clash between this tab and another: keep one version in the record and set the
    /// other aside as a copy the trainee can download from "My data". Nothing is lost, and a
    /// notice says in words which version is which.
    pub fn resolve_conflict(&self, key: &str, keep: Keep) {
        let now = now_ms();
        self.inner.update_value(|inner| {
            if let Ok(Some(losing)) = inner.store.resolve_conflict(key, keep) {
                let reason = match keep {
                    Keep::Mine => "The version saved in another tab, kept when you chose this one",
                    Keep::Theirs => "This tab's version, kept when you chose the other tab's",
                };
                let _ = inner.store.keep_copy(key, &losing, reason, now);
            }
        });
        let what = record_types::describe(key);
        let notice = match keep {
            Keep::Mine => format!(
                "You're carrying on with this tab's version of {what}. The other tab's version \
                 is kept on My data, under \"Set aside\"."
            ),
            Keep::Theirs => format!(
                "You're now working on the other tab's version of {what}. This tab's version \
                 is kept on My data, under \"Set aside\"."
            ),
        };
        self.status.update(|s| s.notice = Some(notice));
        self.pull(key);
        self.save_now();
    }

    /// The trainee has read the notice.
    pub fn dismiss_notice(&self) {
        self.status.update(|s| s.notice = None);
    }

    /// Copies of unreadable or superseded data, newest first.
    pub fn set_aside(&self) -> Vec<SetAsideView> {
        self.inner.with_value(|inner| {
            let mut list: Vec<SetAsideView> = inner
                .store
                .set_aside_entries()
                .into_iter()
                .map(SetAsideView::of)
                .collect();
            list.sort_by_key(|entry| std::cmp::Reverse(entry.at));
            list
        })
    }

    /// The raw text of a set-aside copy, exactly as it was found.
    pub fn set_aside_raw(&self, quarantine_key: &str) -> Option<String> {
        self.inner.with_value(|inner| {
            inner
                .store
                .set_aside_raw(quarantine_key)
                .map(str::to_string)
        })
    }

    /// Discard a set-aside copy for good (the trainee chose to). If it held an unreadable
    /// original, the app may save over that record from now on.
    pub fn discard_set_aside(&self, quarantine_key: &str) -> Result<(), StoreError> {
        let original = self.original_of(quarantine_key);
        let result = self
            .inner
            .try_update_value(|inner| inner.store.discard_set_aside(quarantine_key))
            .unwrap_or(Ok(()));
        // Work kept waiting for this choice is now the record: every open view shows it.
        if let Some(original) = original {
            self.pull(&original);
        }
        self.save_now();
        result
    }

    /// The key a set-aside copy came from.
    pub(super) fn original_of(&self, quarantine_key: &str) -> Option<String> {
        self.inner.with_value(|inner| {
            inner
                .store
                .set_aside_entries()
                .into_iter()
                .find(|e| e.key == quarantine_key)
                .map(|e| e.original_key.clone())
        })
    }

    /// The trainee keeps a set-aside copy of an unreadable record but carries on: the app may
    /// save over the record from now on (work typed meanwhile goes into place), and the copy
    /// stays until discarded.
    pub fn keep_set_aside_and_carry_on(&self, quarantine_key: &str) -> Result<(), StoreError> {
        // The copy must be safely stored before its original may be written over.
        self.save_now();
        let original = self.original_of(quarantine_key);
        let result = self
            .inner
            .try_update_value(|inner| inner.store.release_original(quarantine_key))
            .unwrap_or(Ok(()));
        if let Some(original) = original {
            self.pull(&original);
        }
        self.save_now();
        result
    }
}
