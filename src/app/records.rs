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
    /// The reactive owner every record's signal and save effect belong to: the one current when
    /// `Records` was made (the app's root). Without it a record would belong to the page that
    /// first asked for it, and be disposed when the trainee navigated away from that page while
    /// other pages still held it.
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
        self.owner.with(|| self.create(name, &mut signals))
    }

    /// Loads the record called `name` into a new signal, with its save effect, and keeps it.
    fn create<T: RecordData>(
        &self,
        name: &str,
        signals: &mut HashMap<String, Box<dyn Any + Send + Sync>>,
    ) -> RwSignal<T> {
        let key = storage_key(name);
        let raw = local_storage().and_then(|s| s.get_item(&key).ok().flatten());
        let (value, readable) = match raw {
            None => (T::default(), true),
            Some(text) => match serde_json::from_str::<T>(&text) {
                Ok(value) => (value, true),
                Err(_) => (T::default(), false),
            },
        };
        let signal = RwSignal::new(value);
        if readable {
            Effect::new(move |previous: Option<()>| {
                let json = signal.with(|value| serde_json::to_string(value));
                // The first run is the value just loaded: nothing to save.
                if previous.is_some() {
                    if let (Some(storage), Ok(json)) = (local_storage(), json) {
                        let _ = storage.set_item(&key, &json);
                    }
                }
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
