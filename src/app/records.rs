//! The app's one door to stored data: each record (the course, the journal, one draft...) as a
//! reactive signal that saves itself.
//!
//! Pages ask for a record by its short name (`use_record::<CourseState>("course")`) and get an
//! `RwSignal` shared with every other component that asks for the same name. Changing the signal
//! is all a page does; getting the change safely onto the device is this module's job, and the
//! storage layer's. Record names map onto the storage key registry here, in one place.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Everything a record type needs to be kept in storage and shared through a signal.
pub trait RecordData:
    Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
}

impl<T> RecordData for T where
    T: Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
}

/// The signals handed out so far, by record name, so every caller shares one signal per record.
#[derive(Clone)]
pub struct Records {
    signals: Arc<Mutex<HashMap<String, Box<dyn Any + Send + Sync>>>>,
    /// The owner the signals and their save effects live under: the one current when `Records`
    /// was made (the app's). Without it a record first asked for by a page would be disposed
    /// with that page, and the next page asking for it would get a dead signal.
    owner: Owner,
}

impl Default for Records {
    fn default() -> Self {
        Records {
            signals: Arc::default(),
            owner: Owner::current().unwrap_or_default(),
        }
    }
}

/// The localStorage key a record name is kept under.
pub fn storage_key(name: &str) -> String {
    format!("peer-study/{name}")
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Records {
    /// The record called `name` as a signal: loaded on first use, saved on every change.
    ///
    /// A record that is missing starts from `T::default()`. A record that cannot be read also
    /// starts from the default in memory, and is never written over: saving stays off for it
    /// until the storage layer has set the unreadable text aside.
    pub fn get<T: RecordData>(&self, name: &str) -> RwSignal<T> {
        let mut signals = self.signals.lock().expect("records lock");
        if let Some(existing) = signals.get(name) {
            if let Some(signal) = existing.downcast_ref::<RwSignal<T>>() {
                return *signal;
            }
            // The same name asked for as two types is a programming error, said loudly.
            panic!("record {name} was asked for as two different types");
        }
        let key = storage_key(name);
        let raw = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        let (value, readable) = match &raw {
            None => (T::default(), true),
            Some(text) => match serde_json::from_str::<T>(text) {
                Ok(value) => (value, true),
                Err(_) => (T::default(), false),
            },
        };
        // What storage holds now, so an unchanged value is never written again. Comparing with
        // it (rather than skipping the effect's first run) also saves a value set before the
        // effect first ran, such as a draft created and filled in one go. A missing record
        // counts as holding its default, which is not written until it changes.
        let mut last_written = raw.or_else(|| serde_json::to_string(&value).ok());
        let signal = self.owner.with(|| RwSignal::new(value));
        if readable {
            self.owner.with(|| {
                Effect::new(move |_| {
                    let Ok(json) = signal.with(|value| serde_json::to_string(value)) else {
                        return;
                    };
                    if last_written.as_deref() == Some(json.as_str()) {
                        return;
                    }
                    if let Some(storage) = local_storage() {
                        if storage.set_item(&key, &json).is_ok() {
                            last_written = Some(json);
                        }
                    }
                });
            });
        }
        signals.insert(name.to_string(), Box::new(signal));
        signal
    }
}

/// The record called `name`, shared with every other component that asks for it.
///
/// Short names (`"course"`, `"journal"`, `"draft/recovery-story-essay"`) are mapped onto storage
/// keys here. Needs [`Records`] in context, which [`crate::app::App`] provides.
pub fn use_record<T: RecordData>(name: &str) -> RwSignal<T> {
    expect_context::<Records>().get(name)
}
