//! Open views follow the store: when a record is set from the store rather than by this tab's own
//! edits (another tab's save, a conflict choice, a restore, a merge), its signal is set and its
//! "outside changes" count goes up, so views holding a copy of the text reload it.

use leptos::prelude::*;

use super::{Pull, RecordRef, Records};
use crate::app::clock::now_ms;
use crate::storage::keys;
use crate::storage::store::ExternalOutcome;

impl Records {
    /// A count that goes up each time the record called `name` is set from the store rather than
    /// by this tab's own edits: another tab's save, a conflict choice, a restore or a merge.
    ///
    /// Every view that reads a record through its signal follows such changes by itself. A view
    /// that keeps its own copy of the text while the trainee types (a textarea filled once, a
    /// form's fields) tracks this and reloads its copy when it goes up, so it never writes stale
    /// text over newer words.
    pub fn outside_changes<T>(&self, name: impl RecordRef<T>) -> Signal<u64> {
        let found = self.inner.with_value(|inner| {
            inner
                .bindings
                .get(name.short_name().as_ref())
                .map(|b| b.outside)
        });
        match found {
            Some(outside) => outside.into(),
            None => Signal::derive(|| 0),
        }
    }

    /// Set every record's signal from the store (after a restore or a merge).
    pub(super) fn pull_all(&self) {
        let pulls: Vec<(String, Pull)> = self.inner.with_value(|inner| {
            inner
                .bindings
                .iter()
                .map(|(name, b)| (name.clone(), b.pull.clone()))
                .collect()
        });
        let followed: Vec<String> = self.inner.with_value(|inner| {
            pulls
                .iter()
                .filter(|(_, pull)| pull(&inner.store))
                .map(|(name, _)| name.clone())
                .collect()
        });
        self.inner
            .update_value(|inner| inner.pulled.extend(followed));
    }

    /// Set one record's signal from the store (after another tab's save or a conflict choice).
    pub(super) fn pull(&self, key: &str) {
        let name = keys::short_name(key).to_string();
        let pull = self
            .inner
            .with_value(|inner| inner.bindings.get(&name).map(|b| b.pull.clone()));
        if let Some(pull) = pull {
            if self.inner.with_value(|inner| pull(&inner.store)) {
                self.inner.update_value(|inner| {
                    inner.pulled.insert(name);
                });
            }
        }
    }

    /// Another tab saved `key` (or cleared storage, when `key` is `None`).
    pub(super) fn on_external_change(&self, key: Option<String>) {
        let now = now_ms();
        let keys: Vec<String> = match key {
            Some(key) if key.starts_with(keys::PREFIX) => vec![key],
            Some(_) => return,
            None => self.with_store(|store| store.records().keys().cloned().collect()),
        };
        for key in keys {
            let name = keys::short_name(&key).to_string();
            let outcome = self.inner.try_update_value(|inner| {
                // Typed here but not yet pushed: push it, so the store sees it as unsaved and
                // keeps both versions (a conflict) instead of either one winning.
                if inner.pending.remove(&name) {
                    if let Some(binding) = inner.bindings.get(&name) {
                        (binding.push.clone())(&mut inner.store);
                    }
                }
                // Every open view follows the store (see `outside_changes`), so a record open
                // here with nothing unsaved simply takes the other tab's version.
                inner.store.external_change(&key, false, now)
            });
            match outcome {
                Some(ExternalOutcome::Updated(k)) | Some(ExternalOutcome::Removed(k)) => {
                    self.pull(&k)
                }
                Some(ExternalOutcome::NewerElsewhere(k)) => {
                    // Our own unsaved change meets a newer save: saving now makes the store
                    // notice the clash and keep both (a conflict) rather than either one winning.
                    let _ = k;
                    self.save_now();
                }
                _ => {}
            }
        }
        self.refresh_status();
    }
}
