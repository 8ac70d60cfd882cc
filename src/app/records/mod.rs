//! The app's one door to stored data: each record (the course, the journal, one draft...) as a
//! reactive signal that saves itself through the storage layer.
//!
//! Pages ask for a record by its typed name (`use_record(COURSE)`, see
//! [`record_names`](crate::storage::record_names)) and get an `RwSignal` shared with every other
//! component that asks for the same name. Changing the signal
//! is all a page does. This module then:
//! - loads every record once at start-up through [`Store::load_deferring`] (which never
//!   writes), leaving the long writing in storage until the first screen is painted (see
//!   [`read_later`]);
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
//!
//! This file holds the [`Records`] context, its status and [`use_record`]; the rest is split by
//! what it does: [`saving`] (when to save, and the page's hide/close events), [`follow`] (open
//! views following the store: other tabs, conflict choices, restores), [`set_aside`] (conflicts
//! between tabs and set-aside copies), [`unreadable`] (records whose stored copy couldn't be
//! read, and the work kept waiting for them), [`backups`] (backups and restore) and [`unsent`]
//! (form text not yet sent).

use std::any::Any;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::app::clock::now_ms;
use crate::domain::date::UnixMs;
use crate::domain::history::History;
use crate::storage::backend::Backend;
use crate::storage::keys;
use crate::storage::record_names::{self, RecordName};
use crate::storage::save_schedule::SaveSchedule;
use crate::storage::store::{LoadReport, Store};
use crate::storage::usage::{self, UsageReport};

mod backups;
mod follow;
mod saving;
mod set_aside;
mod unreadable;
mod unsent;

pub use set_aside::SetAsideView;
use unreadable::read_record;
pub use unsent::{use_unsent_text, UnsentForm};

/// A typed [`RecordName`] for a record holding a `T`, given by value or by reference. There is
/// no way to name a record as text: a misspelt name or the wrong type doesn't compile.
pub trait RecordRef<T> {
    /// The short name ("course", "draft/essay").
    fn short_name(&self) -> Cow<'_, str>;
    /// See [`RecordName::early_reader`].
    fn early_reader(&self) -> Option<fn(&str) -> Option<T>>;
}

impl<T> RecordRef<T> for RecordName<T> {
    fn short_name(&self) -> Cow<'_, str> {
        Cow::Borrowed(RecordName::short_name(self))
    }
    fn early_reader(&self) -> Option<fn(&str) -> Option<T>> {
        RecordName::early_reader(self)
    }
}

impl<T> RecordRef<T> for &RecordName<T> {
    fn short_name(&self) -> Cow<'_, str> {
        Cow::Borrowed(RecordName::short_name(self))
    }
    fn early_reader(&self) -> Option<fn(&str) -> Option<T>> {
        RecordName::early_reader(self)
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

/// What the load leaves in storage until it is needed:
/// - the trainee's long writing (the journal, the assignments with their drafts and histories)
///   and the placement log, nine tenths of a year's stored data, which no first screen shows; a
///   page that does show one finishes the load as it asks (see [`read_record`]);
/// - the course, which most first screens do show: its name has a reader of its own
///   ([`record_names::COURSE`]) that reads it straight from its stored text, about a third less
///   work than decoding it as the store does, which waits until the screen is painted.
fn read_later(key: &str) -> bool {
    use keys::{KeyClass, RecordKind};
    // The course's kind also holds the attendance and the session dates, small records every
    // first screen reads as the store does: only the course itself has a reader of its own.
    key == record_names::COURSE.key()
        || matches!(
            keys::classify(key),
            KeyClass::Record(
                RecordKind::Journal
                    | RecordKind::Draft
                    | RecordKind::History
                    | RecordKind::Placement
            )
        )
}

/// When the load is finished even if no page has said it is shown, or no frame was painted (a
/// tab opened in the background). Long enough for a slow phone's first screen to come first.
const FINISH_LOAD_AT_THE_LATEST: Duration = Duration::from_secs(3);

/// How many frames to wait for the first page's heading to be in the document before finishing
/// the load anyway.
const FRAMES_TO_WAIT: u8 = 30;

/// See [`Records::first_screen_shown`].
fn finish_load_once_painted(records: Records, heading: web_sys::Element, frames_left: u8) {
    request_animation_frame(move || {
        if heading.is_connected() || frames_left == 0 {
            set_timeout(move || records.finish_load(), Duration::ZERO);
        } else {
            finish_load_once_painted(records, heading, frames_left - 1);
        }
    });
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
        let (store, report) = Store::load_deferring(backend, now, read_later);
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
        // Should no page ever say it is shown (or a tab opened in the background paints no
        // frames), the load still finishes.
        set_timeout(move || records.finish_load(), FINISH_LOAD_AT_THE_LATEST);
        (records, report)
    }

    /// The first page of a visit has been built, with `heading` its `h1`: decode what the load
    /// left in storage once that page is on the glass. That is the first frame in which the
    /// heading is in the document (a route is built before it is put there), then a task of its
    /// own, so the frame is painted first. Called by [`Page`](crate::app::page::Page). Anything
    /// that needs the records before then finishes the load itself.
    pub fn first_screen_shown(&self, heading: web_sys::Element) {
        finish_load_once_painted(*self, heading, FRAMES_TO_WAIT);
    }

    /// Reads every record the load left in storage; anything held because it couldn't be read
    /// (a copy set aside, a key the browser failed to read) shows in the banners at once.
    fn finish_load(&self) {
        let held = self
            .inner
            .try_update_value(|inner| inner.store.finish_load())
            .unwrap_or_default();
        if !held.is_empty() {
            self.refresh_status();
        }
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

    /// The store itself, mutably: for what must finish the load first (see
    /// [`Store::finish_load`]). Panics, as reading a disposed value does, if the records have
    /// been disposed, which only happens when the app itself is gone.
    fn with_store<U>(&self, f: impl FnOnce(&mut AppStore) -> U) -> U {
        self.inner
            .try_update_value(|inner| f(&mut inner.store))
            .expect("the stored records outlive every view")
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
        let early = name.early_reader();
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
        owner.with(|| self.bind::<T>(name, early))
    }

    /// Make the signal for a record, its save effect and its way in and out of the store.
    /// Runs under the records' own owner (see `Inner::owner`).
    fn bind<T: RecordData>(&self, name: &str, early: Option<fn(&str) -> Option<T>>) -> RwSignal<T> {
        let key = storage_key(name);
        let (initial, set_aside) = self
            .inner
            .try_update_value(|inner| read_record::<T>(&mut inner.store, &key, early))
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

    /// Whether any record of `kind` is stored (for "has the trainee written anything yet?").
    pub fn has_any_of_kind(&self, kind: keys::RecordKind) -> bool {
        self.inner
            .with_value(|inner| !inner.store.keys_of_kind(kind).is_empty())
    }

    /// Storage used, by group, against the browser's usual allowance.
    pub fn usage(&self) -> Option<UsageReport> {
        self.inner
            .with_value(|inner| usage::usage(inner.store.backend()).ok())
    }
}

impl Default for Records {
    /// The same as [`Records::in_memory`].
    fn default() -> Self {
        Self::in_memory()
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
