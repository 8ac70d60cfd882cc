//! Unreadable records: a record whose stored copy can't be decoded is set aside and held (never
//! written over) until the trainee decides on "My data"; work typed there meanwhile is kept as a
//! waiting copy, and the page says honestly where it is.

use leptos::prelude::*;

use super::{storage_key, AppStore, RecordData, RecordRef, Records};
use crate::app::clock::now_ms;
use crate::storage::record_types;

impl Records {
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
}

/// Read one record for its signal: the stored value, the default if there is none, or, if it
/// cannot be decoded, its stored text is set aside and held, and the signal starts from any work
/// typed since (kept waiting by the store), else the default. The flag says whether it set
/// something aside.
///
/// A record the load left in storage is read straight from its text by `early`, its name's own
/// reader, if it has one and the text reads; otherwise it finishes the load first, so one whose
/// stored text can't be read is set aside (and the page says so) before the page shows it.
pub(super) fn read_record<T: RecordData>(
    store: &mut AppStore,
    key: &str,
    early: Option<fn(&str) -> Option<T>>,
) -> (T, bool) {
    // A record with a reader of its own is read straight from its text, leaving the rest of the
    // load for after the first screen; if that text doesn't read, the usual way below says why.
    if let Some(value) = early.and_then(|read| store.read_deferred_as(key, read)) {
        return (value, false);
    }
    let newly_held = store.is_deferred(key) && !store.finish_load().is_empty();
    let (value, set_aside) = read_loaded::<T>(store, key);
    (value, set_aside || newly_held)
}

/// [`read_record`] once the record is loaded.
fn read_loaded<T: RecordData>(store: &mut AppStore, key: &str) -> (T, bool) {
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
