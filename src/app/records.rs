//! The app's one door to stored data: each record (the course, the journal, one draft...) as a
//! reactive signal that saves itself through the storage layer.
//!
//! Pages ask for a record by its typed name (`use_record(COURSE)`, see
//! [`record_names`](crate::storage::record_names)) and get an `RwSignal` shared with every other
//! component that asks for the same name. Changing the signal
//! is all a page does. This module then:
//! - loads every record once at start-up through [`Store::load`] (which never writes);
//! - on a change only notes the record as pending and asks the [`SaveSchedule`] when to save, so
//!   a keystroke costs no serialising; the value is encoded when the save actually runs;
//! - saves on the schedule's timer, and at once when the page is hidden or closed;
//! - listens to the browser's `storage` event so another tab's saves show up here;
//! - keeps a [`StorageStatus`] signal for the banners (store full, read-only, set-aside data,
//!   conflicts with another tab).
//!
//! A record whose stored form cannot be decoded is set aside (copied under a quarantine key) and
//! shows its default here; the store holds the original and never writes over it until the
//! trainee chooses on the "My data" page.

use std::any::Any;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app::clock::now_ms;
use crate::domain::date::UnixMs;
use crate::domain::history::History;
use crate::storage::backend::Backend;
use crate::storage::backup::{self, Backup, BackupError, ReplaceEffect, RestoreReport};
use crate::storage::keys;
use crate::storage::quarantine::{QuarantineEntry, SetAsideKind};
use crate::storage::record_names::{self, RecordName};
use crate::storage::record_types;
use crate::storage::save_schedule::{Next, SaveSchedule};
use crate::storage::store::{ExternalOutcome, Keep, LoadReport, SaveOutcome, Store};
use crate::storage::usage::{self, UsageReport};

mod unsent;
pub use unsent::use_unsent_text;

/// A typed [`RecordName`] for a record holding a `T`, given by value or by reference. There is
/// no way to name a record as text: a misspelt name or the wrong type doesn't compile.
pub trait RecordRef<T> {
    /// The short name ("course", "draft/essay").
    fn short_name(&self) -> Cow<'_, str>;
}

impl<T> RecordRef<T> for RecordName<T> {
    fn short_name(&self) -> Cow<'_, str> {
        Cow::Borrowed(RecordName::short_name(self))
    }
}

impl<T> RecordRef<T> for &RecordName<T> {
    fn short_name(&self) -> Cow<'_, str> {
        Cow::Borrowed(RecordName::short_name(self))
    }
}

/// Everything a record type needs to be kept in storage and shared through a signal.
pub trait RecordData:
    Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
}

impl<T> RecordData for T where
    T: Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
}

/// The storage key a short name is kept under (`"course"` -> `"peer-study/course"`).
fn storage_key(name: &str) -> String {
    format!("{}{name}", keys::PREFIX)
}

/// What the banners and the "My data" page need to know about storage, as one value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StorageStatus {
    /// A lasting banner for read-only or memory-only mode.
    pub mode_banner: Option<String>,
    /// Whether saves can happen at all (false when read-only or memory-only).
    pub writable: bool,
    /// True when the browser gives Peer Study no storage at all.
    pub memory_only: bool,
    /// The "store full" banner, while the last save ran out of room.
    pub store_full: Option<&'static str>,
    /// How many copies of unreadable or superseded data are set aside.
    pub set_aside: usize,
    /// Storage keys of records whose stored copy couldn't be read and is held for the trainee's
    /// choice (the "couldn't be read" banner). Readable copies kept aside don't count.
    pub unreadable: Vec<String>,
    /// Storage keys of held records with new work kept waiting.
    pub waiting: Vec<String>,
    /// A one-off note in words about what just happened to stored data (after a choice
    /// between two tabs' versions), until the trainee dismisses it.
    pub notice: Option<String>,
    /// Keys of records changed in another tab and here too, waiting for a choice.
    pub conflicts: Vec<String>,
    /// Whether changes are waiting to be saved.
    pub unsaved: bool,
    /// When the last save that wrote something finished.
    pub last_saved_at: Option<UnixMs>,
}

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
    fn of(entry: &QuarantineEntry) -> Self {
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

/// The store as the app holds it: over whichever backend it was started with.
type AppStore = Store<Box<dyn Backend>>;
/// Encodes a signal's value into the store.
type Push = Rc<dyn Fn(&mut AppStore)>;
/// Sets a signal from the store; says whether that changed it.
type Pull = Rc<dyn Fn(&AppStore) -> bool>;

/// How one record moves between its signal and the store.
struct Binding {
    /// Encode the signal's current value into the store (marks it dirty if it changed).
    push: Push,
    /// Set the signal from what the store now holds (after another tab's save or a restore).
    pull: Pull,
    /// The signal itself, to hand out again.
    signal: Box<dyn Any>,
    /// Goes up each time the signal is set from the store rather than by the app (another tab,
    /// a conflict choice, a restore, a merge). See [`Records::outside_changes`].
    outside: RwSignal<u64>,
}

struct Inner {
    /// The reactive owner every record signal and its save effect belong to: the one current
    /// when the records started (the app's), never the page that happened to ask first.
    /// Otherwise leaving that page would dispose of the shared signal and stop its saves.
    owner: Owner,
    store: AppStore,
    schedule: SaveSchedule,
    bindings: HashMap<String, Binding>,
    /// Record names changed since their last push into the store.
    pending: BTreeSet<String>,
    /// Record names whose signal was just set from the store: their save effect's next run is
    /// not a change made here.
    pulled: BTreeSet<String>,
    timer: Option<TimeoutHandle>,
    last_saved_at: Option<UnixMs>,
}

/// The stored records and their save machinery, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Records {
    inner: StoredValue<Inner, LocalStorage>,
    status: RwSignal<StorageStatus>,
}

impl Records {
    /// Load everything from `backend` and start saving changes back to it.
    ///
    /// Listens for the page being hidden or closed (to save at once) and for other tabs' saves.
    pub fn start(backend: Box<dyn Backend>) -> (Self, LoadReport) {
        let now = now_ms();
        let (store, report) = Store::load(backend, now);
        let records = Self {
            inner: StoredValue::new_local(Inner {
                owner: Owner::current().unwrap_or_default(),
                store,
                schedule: SaveSchedule::default(),
                bindings: HashMap::new(),
                pending: BTreeSet::new(),
                pulled: BTreeSet::new(),
                timer: None,
                last_saved_at: None,
            }),
            status: RwSignal::new(StorageStatus::default()),
        };
        records.refresh_status();
        records.listen_to_the_page();
        (records, report)
    }

    /// Records kept only in memory, with nothing loaded: for browser tests and previews of a
    /// single component. The app itself always starts from the browser's storage.
    pub fn in_memory() -> Self {
        Self::start(Box::new(
            crate::storage::memory_backend::MemoryBackend::new(),
        ))
        .0
    }

    /// Storage as it stands, for banners and the "My data" page.
    pub fn status(&self) -> ReadSignal<StorageStatus> {
        self.status.read_only()
    }

    fn refresh_status(&self) {
        let last_saved_at = self.inner.with_value(|i| i.last_saved_at);
        let next = self.inner.with_value(|inner| {
            let status = inner.store.status();
            StorageStatus {
                mode_banner: status.mode.banner(),
                writable: status.mode.is_writable(),
                memory_only: matches!(
                    status.mode,
                    crate::storage::store::StoreMode::MemoryOnly { .. }
                ),
                store_full: status.store_full_banner(),
                set_aside: status.set_aside,
                unreadable: status.unreadable.clone(),
                waiting: status.waiting.clone(),
                notice: self.status.with_untracked(|s| s.notice.clone()),
                conflicts: inner
                    .store
                    .conflicts()
                    .iter()
                    .map(|c| c.key.to_string())
                    .collect(),
                unsaved: status.unsaved > 0 || !inner.pending.is_empty(),
                last_saved_at,
            }
        });
        if self.status.with_untracked(|current| current != &next) {
            self.status.set(next);
        }
    }

    /// The record called `name` as a signal: loaded on first use, saved after every change.
    ///
    /// Panics if the same record was made with two types: only a test can do that, by making
    /// its own [`RecordName`]; the names in [`record_names`](crate::storage::record_names) each
    /// have one type.
    pub fn get<T: RecordData>(&self, name: impl RecordRef<T>) -> RwSignal<T> {
        let name = name.short_name();
        let name = name.as_ref();
        if let Some(signal) = self.inner.with_value(|inner| {
            inner.bindings.get(name).map(|binding| {
                *binding
                    .signal
                    .downcast_ref::<RwSignal<T>>()
                    .unwrap_or_else(|| panic!("record {name} was asked for as two types"))
            })
        }) {
            return signal;
        }

        let owner = self.inner.with_value(|inner| inner.owner.clone());
        owner.with(|| self.bind::<T>(name))
    }

    /// Make the signal for a record, its save effect and its way in and out of the store.
    /// Runs under the records' own owner (see `Inner::owner`).
    fn bind<T: RecordData>(&self, name: &str) -> RwSignal<T> {
        let key = storage_key(name);
        let (initial, set_aside) = self
            .inner
            .try_update_value(|inner| read_record::<T>(&mut inner.store, &key))
            .unwrap_or_default();
        let signal = RwSignal::new(initial);
        let outside = RwSignal::new(0u64);

        let push_key = key.clone();
        let push: Push = Rc::new(move |store| {
            let value = signal.get_untracked();
            // A refusal here means the store is read-only: the change stays in the signal
            // (memory) and the banner already says why.
            let _ = store.set_typed(&push_key, &value);
        });
        let pull_key = key.clone();
        let pull: Pull = Rc::new(move |store| {
            let value = match store.get_as::<T>(&pull_key) {
                Some(Ok(value)) => value,
                Some(Err(_)) => return false,
                None => T::default(),
            };
            if signal.with_untracked(|current| current == &value) {
                return false;
            }
            signal.set(value);
            // Views holding a copy of the text (a textarea, a form) reload it now.
            outside.update(|n| *n += 1);
            true
        });
        self.inner.update_value(|inner| {
            inner.bindings.insert(
                name.to_string(),
                Binding {
                    push,
                    pull,
                    signal: Box::new(signal),
                    outside,
                },
            );
        });
        if set_aside {
            // The page that asked is about to show: its banner must be there as it opens.
            self.refresh_status();
        }

        let records = *self;
        let name = name.to_string();
        // Effects first run a moment later, so a caller may already have changed the signal by
        // then (starting a draft sets it straight after asking for it). The first run therefore
        // compares with what was loaded instead of assuming nothing changed; after that, every
        // run is a change, except one that only followed the store.
        let mut loaded = Some(signal.get_untracked());
        Effect::new(move |_| {
            let changed = match loaded.take() {
                Some(loaded) => signal.with(|now| now != &loaded),
                None => {
                    signal.track();
                    true
                }
            };
            let followed_the_store = records
                .inner
                .try_update_value(|inner| inner.pulled.remove(&name))
                .unwrap_or(false);
            if changed && !followed_the_store {
                records.changed(&name);
            }
        });
        signal
    }

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

    /// Whether changes to the record called `name` are being held back from its own place in
    /// storage, because its stored copy couldn't be read and waits for the trainee's choice. New
    /// work is then kept safe as a waiting copy, but it is not "saved in" the record yet.
    pub fn is_held<T>(&self, name: impl RecordRef<T>) -> bool {
        let key = storage_key(&name.short_name());
        self.inner
            .with_value(|inner| inner.store.is_held_for_choice(&key))
    }

    /// What to tell the trainee after a change to the record called `name`: `saved` when it can
    /// be saved as usual, otherwise a sentence that says honestly where the work is.
    pub fn saved_words<T>(&self, name: impl RecordRef<T>, saved: &str) -> String {
        let name = name.short_name();
        if self
            .inner
            .with_value(|inner| inner.store.is_held_for_choice(&storage_key(&name)))
        {
            format!(
                "Kept safe on this device, but not yet in {}: its saved copy couldn't be read. \
                 Decide about that copy on My data and this goes into place, whichever you \
                 choose.",
                record_types::describe(&storage_key(&name))
            )
        } else {
            saved.to_string()
        }
    }

    /// Note that a record changed and let the schedule decide when to save.
    fn changed(&self, name: &str) {
        let now = now_ms();
        self.inner.update_value(|inner| {
            inner.pending.insert(name.to_string());
            inner.schedule.changed(now);
        });
        self.arm_timer();
        if !self.status.with_untracked(|s| s.unsaved) {
            self.status.update(|s| s.unsaved = true);
        }
    }

    fn arm_timer(&self) {
        let now = now_ms();
        let wait = self
            .inner
            .with_value(|inner| match inner.schedule.next(now) {
                Next::Idle => None,
                Next::SaveNow => Some(0),
                Next::WaitUntil(at) => Some((at - now).max(0)),
            });
        let Some(wait) = wait else { return };
        let records = *self;
        let handle = set_timeout_with_handle(
            move || records.on_timer(),
            Duration::from_millis(wait as u64),
        )
        .ok();
        self.inner.update_value(|inner| {
            if let Some(old) = inner.timer.take() {
                old.clear();
            }
            inner.timer = handle;
        });
    }

    fn on_timer(&self) {
        self.inner.update_value(|inner| inner.timer = None);
        let now = now_ms();
        let due = self
            .inner
            .with_value(|inner| matches!(inner.schedule.next(now), Next::SaveNow));
        if due {
            self.save_now();
        } else {
            self.arm_timer();
        }
    }

    /// Encode every record changed since its last push into the store (which then knows it is
    /// dirty). Kept off the keystroke path: it runs when a save or a backup needs the values.
    fn push_pending(&self) {
        let pushes: Vec<Push> = self.inner.with_value(|inner| {
            inner
                .pending
                .iter()
                .filter_map(|name| inner.bindings.get(name).map(|b| b.push.clone()))
                .collect()
        });
        self.inner.update_value(|inner| {
            for push in &pushes {
                push(&mut inner.store);
            }
            inner.pending.clear();
        });
    }

    /// Encode every pending record and save now. Used by the timer, when the page is hidden or
    /// closed, and after a restore. Returns how the save went.
    pub fn save_now(&self) -> SaveOutcome {
        let now = now_ms();
        self.push_pending();
        let outcome = self
            .inner
            .try_update_value(|inner| {
                let report = inner.store.save(now);
                inner.schedule.save_finished(now, report.succeeded());
                if !report.written.is_empty() || !report.removed.is_empty() {
                    inner.last_saved_at = Some(now);
                }
                report.outcome()
            })
            .unwrap_or(SaveOutcome::Failed);
        self.refresh_status();
        // A failed save is retried on the schedule's back-off; a good one leaves it idle.
        self.arm_timer();
        outcome
    }

    /// Whether anything is not yet safely stored (for the "leave this page?" prompt).
    pub fn has_unsaved_changes(&self) -> bool {
        self.inner
            .with_value(|inner| !inner.pending.is_empty() || inner.store.has_unsaved_changes())
    }

    /// Set every record's signal from the store (after a restore or a merge).
    fn pull_all(&self) {
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
    fn pull(&self, key: &str) {
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
    fn on_external_change(&self, key: Option<String>) {
        let now = now_ms();
        let keys: Vec<String> = match key {
            Some(key) if key.starts_with(keys::PREFIX) => vec![key],
            Some(_) => return,
            None => self
                .inner
                .with_value(|inner| inner.store.records().keys().cloned().collect()),
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
    pub fn discard_set_aside(&self, quarantine_key: &str) -> Result<(), String> {
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
        result.map_err(|e| e.to_string())
    }

    /// The key a set-aside copy came from.
    fn original_of(&self, quarantine_key: &str) -> Option<String> {
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
    pub fn keep_set_aside_and_carry_on(&self, quarantine_key: &str) -> Result<(), String> {
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
        result.map_err(|e| e.to_string())
    }

    /// The name of every stored draft history.
    pub fn histories(&self) -> Vec<RecordName<History>> {
        self.inner.with_value(|inner| {
            inner
                .store
                .keys_of_kind(keys::RecordKind::History)
                .into_iter()
                .filter_map(record_names::history_at)
                .collect()
        })
    }

    /// Storage used, by group, against the browser's usual allowance.
    pub fn usage(&self) -> Option<UsageReport> {
        self.inner
            .with_value(|inner| usage::usage(inner.store.backend()).ok())
    }

    /// Everything, as the text of one backup file, with the file name to save it under.
    pub fn export_backup(&self) -> (String, String) {
        // Unsaved changes belong in the backup too.
        self.push_pending();
        let now = now_ms();
        self.inner.with_value(|inner| {
            (
                backup::backup_file_name(now),
                inner.store.export_backup(now),
            )
        })
    }

    /// Check a backup file completely, changing nothing.
    pub fn check_backup(&self, text: &str) -> Result<Backup, BackupError> {
        backup::parse_backup(text, now_ms())
    }

    /// What replacing everything with `backup` would remove or change here, changing nothing
    /// (what was typed a moment ago included).
    pub fn replace_preview(&self, backup: &Backup) -> Vec<ReplaceEffect> {
        self.push_pending();
        self.inner
            .with_value(|inner| inner.store.replace_preview(backup))
    }

    /// Restore a checked backup: replace everything, or merge it with what is here. Every screen
    /// then shows the restored data, and it is saved at once.
    pub fn restore(&self, backup: &Backup, replace: bool) -> Result<RestoreReport, String> {
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
            .ok_or_else(|| "The store is busy; please try again.".to_string())?
            .map_err(|e| e.to_string())?;
        self.pull_all();
        self.save_now();
        Ok(report)
    }

    fn listen_to_the_page(&self) {
        let records = *self;
        // Save at once when the page is hidden (tab switched, phone locked, app swiped away):
        // on phones that is often the last moment a page gets to run.
        let on_hidden = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                records.flush();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_hidden.as_ref().unchecked_ref(),
        );
        on_hidden.forget();

        let on_pagehide = Closure::<dyn Fn()>::new(move || records.flush());
        let _ = window()
            .add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
        on_pagehide.forget();

        // If something could not be saved (store full, no storage), ask before the tab closes.
        let on_beforeunload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                records.flush();
                if records.has_unsaved_changes() {
                    event.prevent_default();
                    event.set_return_value("You have changes that are not saved yet.");
                }
            },
        );
        let _ = window().add_event_listener_with_callback(
            "beforeunload",
            on_beforeunload.as_ref().unchecked_ref(),
        );
        on_beforeunload.forget();

        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                records.on_external_change(event.key());
            });
        let _ = window()
            .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// Save now if anything is waiting.
    pub fn flush(&self) {
        let waiting = self
            .inner
            .with_value(|inner| !inner.pending.is_empty() || inner.schedule.flush());
        if waiting {
            self.save_now();
        }
    }
}

impl Default for Records {
    /// The same as [`Records::in_memory`].
    fn default() -> Self {
        Self::in_memory()
    }
}

/// Read one record for its signal: the stored value, the default if there is none, or, if it
/// cannot be decoded, its stored text is set aside and held, and the signal starts from any work
/// typed since (kept waiting by the store), else the default. The flag says whether it set
/// something aside.
fn read_record<T: RecordData>(store: &mut AppStore, key: &str) -> (T, bool) {
    match store.get_as::<T>(key) {
        None => (T::default(), false),
        Some(Ok(value)) => (value, false),
        Some(Err(error)) => {
            // The decoder's own words ("invalid type: string, expected struct Journal") mean
            // nothing to a trainee; the record's name in a sentence does.
            let _ = error;
            let reason = format!(
                "{}.",
                record_types::WrongShape {
                    what: record_types::describe(key)
                }
            );
            let _ = store.quarantine(key, &reason, now_ms());
            let waiting = match store.get_as::<T>(key) {
                Some(Ok(value)) => value,
                _ => T::default(),
            };
            (waiting, true)
        }
    }
}

/// The record called `name`, shared with every other component that asks for it.
///
/// Name it with a typed name from [`record_names`](crate::storage::record_names)
/// (`use_record(COURSE)`, `use_record(record_names::draft(&id))`), which fixes the type it
/// holds. Needs [`Records`] in context, which [`crate::app::App`] provides.
pub fn use_record<T: RecordData>(name: impl RecordRef<T>) -> RwSignal<T> {
    expect_context::<Records>().get(name)
}
