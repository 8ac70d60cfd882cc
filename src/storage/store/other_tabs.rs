//! Other tabs: another tab's save arrives as a `storage` event and is taken in, left for now, or
//! met as a conflict that waits for the trainee's choice. See [`cross_tab`] for the rules.

use serde_json::Value;

use super::{ReadOnlyReason, Store, StoreMode};
use crate::domain::date::UnixMs;
use crate::storage::backend::Backend;
use crate::storage::cross_tab::{self, ExternalAction, LocalState, Stored};
use crate::storage::error::StoreError;
use crate::storage::keys::{self, KeyClass};
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record::Record;
use crate::storage::schema::{Meta, CURRENT_VERSION};

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

impl<B: Backend> Store<B> {
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
        self.finish_load();
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
        self.finish_load();
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
                if let Some(theirs) = self.same_revision_written_twice(key, raw.as_deref()) {
                    // Two tabs saved the same revision at once (browsers pass localStorage
                    // writes between tabs a moment late), so the other one's write replaced
                    // ours. Ours is still here in memory: keep both, and ask.
                    self.dirty.insert(key.to_owned());
                    self.conflicts.insert(key.to_owned(), theirs);
                    return ExternalOutcome::Conflict(key.to_owned());
                }
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

    /// The other tab's record, when storage holds the very revision this tab last wrote or saw
    /// but with other data in it: both tabs wrote that revision, and the later write replaced
    /// the earlier one.
    fn same_revision_written_twice(&self, key: &str, raw: Option<&str>) -> Option<Record> {
        let ours = self.records.get(key)?;
        let theirs = Record::decode(raw?).ok()?;
        let both_wrote = self.seen.get(key) == Some(&theirs.rev)
            && ours.rev == theirs.rev
            && (ours.data != theirs.data || ours.saved_at != theirs.saved_at);
        both_wrote.then_some(theirs)
    }

    /// Takes the stored version of a record now (after [`ExternalOutcome::NewerElsewhere`], when
    /// the trainee chooses to load it). Does nothing if this tab has unsaved changes to it.
    pub fn reload_from_storage(&mut self, key: &str, now: UnixMs) -> ExternalOutcome {
        self.external_change(key, false, now)
    }
}
