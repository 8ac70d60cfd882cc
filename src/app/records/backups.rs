//! Backups and restore as the app sees them: export what is here (typed a moment ago included),
//! check a file, preview a replace, and restore, after which every open view shows the result.

use leptos::prelude::*;

use super::Records;
use crate::app::clock::now_ms;
use crate::storage::backup::{self, Backup, BackupError, ReplaceEffect, RestoreReport};
use crate::storage::error::StoreError;

impl Records {
    /// Everything, as the text of one backup file, with the file name to save it under.
    pub fn export_backup(&self) -> (String, String) {
        // Unsaved changes belong in the backup too.
        self.push_pending();
        let now = now_ms();
        // Exporting finishes the load first (every record in the file), so it needs the store
        // mutably.
        self.with_store(|store| (backup::backup_file_name(now), store.export_backup(now)))
    }

    /// Check a backup file completely, changing nothing.
    pub fn check_backup(&self, text: &str) -> Result<Backup, BackupError> {
        backup::parse_backup(text, now_ms())
    }

    /// What replacing everything with `backup` would remove or change here, changing nothing
    /// (what was typed a moment ago included).
    pub fn replace_preview(&self, backup: &Backup) -> Vec<ReplaceEffect> {
        self.push_pending();
        self.with_store(|store| store.replace_preview(backup))
    }

    /// Restore a checked backup: replace everything, or merge it with what is here. Every screen
    /// then shows the restored data, and it is saved at once.
    /// The store's own error is returned as it is, for the screen to word.
    pub fn restore(&self, backup: &Backup, replace: bool) -> Result<RestoreReport, StoreError> {
        let now = now_ms();
        // What was typed a moment ago counts as this device's newest copy in a merge (and a
        // replace then shows it was replaced); nothing typed is dropped unseen.
        self.push_pending();
        let report = self
            .inner
            .try_update_value(|inner| {
                if replace {
                    inner.store.restore_replace(backup)
                } else {
                    inner.store.restore_merge(backup, now)
                }
            })
            .ok_or(StoreError::Closed)??;
        self.pull_all();
        self.save_now();
        Ok(report)
    }
}
