//! The small key-value interface every storage backend offers, and how its size is counted.
//!
//! Two backends implement it: the browser's localStorage ([`local_storage`](super::local_storage),
//! wasm only) and [`MemoryBackend`](super::memory_backend::MemoryBackend) for tests, which can
//! inject every fault the browser can throw at us. Values are plain strings; what they mean is
//! decided above this layer.

use std::cell::RefCell;
use std::rc::Rc;

use super::error::BackendError;

/// What browsers allow one site in localStorage: about 5 MiB, counted in UTF-16 code units of
/// every key plus its value (Chromium and Firefox both count this way).
pub const BROWSER_QUOTA_UNITS: u64 = 5 * 1024 * 1024;

/// How much room a key and its value take in localStorage: UTF-16 code units, as browsers count.
///
/// ```
/// use peer_study::storage::backend::storage_units;
/// assert_eq!(storage_units("ab", "cd"), 4);
/// assert_eq!(storage_units("k", "😊"), 3); // an emoji is two UTF-16 units
/// ```
pub fn storage_units(key: &str, value: &str) -> u64 {
    (key.encode_utf16().count() + value.encode_utf16().count()) as u64
}

/// A store of string values under string keys, like the browser's localStorage.
///
/// Every method surfaces failures: nothing is swallowed, so the store above can tell a first run
/// (`Ok(None)`) from a read failure, and a full store from any other failed write.
pub trait Backend {
    /// The value under `key`; `Ok(None)` when nothing has been stored there (a first run).
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;

    /// Stores `value` under `key`, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;

    /// Removes `key`; removing a key that is not there is not an error.
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;

    /// Every key currently stored, in no particular order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;

    /// The room used by every key and value, in UTF-16 code units (see [`BROWSER_QUOTA_UNITS`]).
    fn used_units(&self) -> Result<u64, BackendError> {
        let mut total = 0;
        for key in self.keys()? {
            if let Some(value) = self.get(&key)? {
                total += storage_units(&key, &value);
            }
        }
        Ok(total)
    }
}

/// A shared backend, so that two stores (two "tabs" in a test) can see the same data.
impl<B: Backend> Backend for Rc<RefCell<B>> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.borrow().keys()
    }
    fn used_units(&self) -> Result<u64, BackendError> {
        self.borrow().used_units()
    }
}

/// A boxed backend, so the app can choose one at start-up and hold a `Store<Box<dyn Backend>>`.
impl Backend for Box<dyn Backend> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        (**self).keys()
    }
    fn used_units(&self) -> Result<u64, BackendError> {
        (**self).used_units()
    }
}
