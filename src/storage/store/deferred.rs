//! Records left in storage at start-up and read when first needed.
//!
//! A year of use is half a megabyte of stored JSON, and nine tenths of it is the trainee's long
//! writing (the journal, the drafts and their histories), which the first screen never shows.
//! Reading and decoding it all before that screen cost a cold start about 8 ms unthrottled
//! (`docs/build.md`), and more on a slow phone. So [`Store::load_deferring`] lists every key and
//! reads everything else as [`Store::load`] does, but leaves the records the caller names where
//! they are, and reads and decodes each when it is first needed:
//! - reading one through [`Store::get`] reads that one (and keeps the result);
//! - [`Store::read_deferred_as`] reads one's text straight into the app's type for a first
//!   screen, keeping the text, so the store decodes its own copy from the same text later;
//! - anything that changes the store, saves, exports or lists every record first finishes the
//!   load ([`Store::finish_load`]): reads the rest, and sets aside any that cannot be read,
//!   exactly as a load would have;
//! - the app finishes the load itself just after the first screen is painted.
//!
//! So nothing is written, exported or compared with another tab's save until every record has
//! been read, and a record that can't be read is still set aside or held, never written over;
//! only the moment it is noticed moves, by a frame. A record another tab saved in between is
//! read as it is then, as if the load had run a moment later.
//!
//! Only a plain load defers anything: not one that migrates, opens read-only, or finds copies
//! already set aside or keys it could not read (those are rare, and the full load's rules about
//! them stay as they are).

use std::cell::OnceCell;

use super::Store;
use crate::storage::backend::Backend;
use crate::storage::error::BackendError;
use crate::storage::quarantine::SetAsideKind;
use crate::storage::record::{Record, RecordError};

/// One record left in storage, and what reading it gave once something asked.
#[derive(Debug)]
pub(in crate::storage) struct Deferred {
    read: OnceCell<Read>,
}

/// What reading a deferred record gave.
#[derive(Debug)]
enum Read {
    /// It is no longer stored (another tab removed it).
    Gone,
    /// The browser failed to read it: the key is held, as a load holds it.
    Failed(BackendError),
    /// Its stored text, and that text decoded once something asks for the record (a first
    /// screen may only want the text: see [`Store::read_deferred_as`]).
    Text {
        raw: String,
        decoded: OnceCell<Result<Record, RecordError>>,
    },
}

impl Deferred {
    /// A record not read yet.
    pub(super) fn unread() -> Self {
        Deferred {
            read: OnceCell::new(),
        }
    }

    /// The record, reading it on first use; `None` when it is gone or cannot be read (it is
    /// set aside or held when the load finishes).
    pub(super) fn record(&self, key: &str, backend: &impl Backend) -> Option<&Record> {
        match self.read.get_or_init(|| read(key, backend)) {
            Read::Text { raw, decoded } => {
                decoded.get_or_init(|| Record::decode(raw)).as_ref().ok()
            }
            _ => None,
        }
    }

    /// The record's stored text, reading it on first use but not decoding it; `None` when it
    /// is gone or cannot be read.
    fn text(&self, key: &str, backend: &impl Backend) -> Option<&str> {
        match self.read.get_or_init(|| read(key, backend)) {
            Read::Text { raw, .. } => Some(raw),
            _ => None,
        }
    }
}

fn read(key: &str, backend: &impl Backend) -> Read {
    match backend.get(key) {
        Ok(None) => Read::Gone,
        Ok(Some(raw)) => Read::Text {
            raw,
            decoded: OnceCell::new(),
        },
        Err(error) => Read::Failed(error),
    }
}

/// What finishing the load found: anything in it is held for the trainee's choice.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Finished {
    /// Keys of the copies set aside because their text couldn't be read (as
    /// [`LoadReport::newly_set_aside`](super::LoadReport::newly_set_aside)).
    pub newly_set_aside: Vec<String>,
    /// Keys the browser failed to read (as [`LoadReport::unreadable`](super::LoadReport::unreadable)).
    pub unreadable: Vec<(String, BackendError)>,
}

impl Finished {
    /// Whether nothing new is held.
    pub fn is_empty(&self) -> bool {
        self.newly_set_aside.is_empty() && self.unreadable.is_empty()
    }
}

impl<B: Backend> Store<B> {
    /// Whether `key` is stored but not loaded yet (see the module documentation).
    pub fn is_deferred(&self, key: &str) -> bool {
        self.deferred.iter().any(|(k, _)| k == key)
    }

    /// A record the load left in storage, read straight from its stored text into `T` by
    /// `decode` (say [`Record::data_from_text`]), without finishing the load or building the
    /// JSON value the store keeps: for a first screen that needs one sizeable record. The text
    /// read is kept, so when the load finishes the store holds exactly what was shown.
    ///
    /// `None` when `key` isn't waiting to be read, is gone, or its text doesn't decode: the
    /// caller then finishes the load and reads it as any other record, which sets aside a copy
    /// that can't be read before anything is shown.
    pub fn read_deferred_as<T>(&self, key: &str, decode: fn(&str) -> Option<T>) -> Option<T> {
        let (_, deferred) = self.deferred.iter().find(|(k, _)| k == key)?;
        decode(deferred.text(key, &self.backend)?)
    }

    /// Reads and decodes every record the load left in storage, and sets aside or holds any
    /// that cannot be read, just as [`Store::load`] does. Does nothing once the load has
    /// finished; every method that changes, saves, exports or lists the records calls it first.
    pub fn finish_load(&mut self) -> Finished {
        if self.deferred.is_empty() {
            return Finished::default();
        }
        self.read_what_was_left()
    }

    /// [`Store::finish_load`]'s work, kept out of line: a dozen methods call it first, and
    /// almost always there is nothing left to read.
    #[inline(never)]
    fn read_what_was_left(&mut self) -> Finished {
        let mut finished = Finished::default();
        for (key, deferred) in std::mem::take(&mut self.deferred) {
            let got = match deferred.read.into_inner() {
                Some(got) => got,
                None => read(&key, &self.backend),
            };
            let (raw, decoded) = match got {
                Read::Gone => continue,
                Read::Failed(error) => {
                    self.unreadable.insert(key.clone());
                    finished.unreadable.push((key, error));
                    continue;
                }
                Read::Text { raw, decoded } => {
                    let decoded = decoded.into_inner().unwrap_or_else(|| Record::decode(&raw));
                    (raw, decoded)
                }
            };
            match decoded {
                Ok(record) => {
                    self.seen.insert(key.clone(), record.rev);
                    self.records.insert(key, record);
                }
                // Sealed since this tab started (another tab turned the passcode lock on and this
                // one has no key): not damage, so no copy is made of it; the key is held, never
                // written, and this tab locks as the lock sees the keyring arrive.
                Err(RecordError::WontOpen) => {
                    self.unreadable.insert(key.clone());
                    let detail = RecordError::WontOpen.to_string();
                    finished
                        .unreadable
                        .push((key.clone(), BackendError::ReadFailed { key, detail }));
                }
                Err(reason) => {
                    let at = self.loaded_at;
                    let aside =
                        self.set_aside(&key, raw, reason.to_string(), SetAsideKind::Unreadable, at);
                    finished.newly_set_aside.push(aside);
                }
            }
        }
        finished
    }
}
