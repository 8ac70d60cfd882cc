//! The browser's localStorage as a [`Backend`] (wasm only), through gloo-storage.
//!
//! gloo's `LocalStorage::raw()` throws when there is no storage (turned off, some private modes),
//! so [`LocalStorageBackend::open`] checks `window().local_storage()` first and, if it is missing,
//! gives a backend whose every call answers [`BackendError::Unavailable`]: the store then runs
//! from memory and says so. Values are read and written as raw strings with the `web_sys`
//! handle (gloo's own `get`/`set` would JSON-encode them again and hide the browser's exception),
//! and every exception is surfaced: a full store (`QuotaExceededError`, or the legacy codes 22 and
//! 1014) as [`BackendError::QuotaExceeded`], a blocked one (`SecurityError`) as unavailable.

use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomException;

use super::backend::Backend;
use super::error::{is_quota_exception, BackendError};

/// localStorage, or the reason it cannot be used.
#[derive(Debug, Clone)]
pub struct LocalStorageBackend {
    storage: Result<web_sys::Storage, String>,
}

impl LocalStorageBackend {
    /// Opens localStorage, checking that it exists before touching it.
    pub fn open() -> Self {
        LocalStorageBackend {
            storage: check_available().map(|()| gloo_storage::LocalStorage::raw()),
        }
    }

    /// Whether localStorage can be used at all.
    pub fn is_available(&self) -> bool {
        self.storage.is_ok()
    }

    fn storage(&self) -> Result<&web_sys::Storage, BackendError> {
        self.storage
            .as_ref()
            .map_err(|detail| BackendError::Unavailable {
                detail: detail.clone(),
            })
    }
}

/// Whether `window().local_storage()` gives a handle; the reason if not.
fn check_available() -> Result<(), String> {
    let window = web_sys::window().ok_or_else(|| "there is no window".to_owned())?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err("the browser has no localStorage".to_owned()),
        Err(e) => Err(describe(&e)),
    }
}

/// The exception's name and message, for the developer console.
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<DomException>() {
        Some(ex) => format!("{}: {}", ex.name(), ex.message()),
        None => format!("{e:?}"),
    }
}

fn is_security_error(e: &JsValue) -> bool {
    e.dyn_ref::<DomException>()
        .is_some_and(|ex| ex.name() == "SecurityError")
}

fn read_error(key: &str, e: JsValue) -> BackendError {
    if is_security_error(&e) {
        BackendError::Unavailable {
            detail: describe(&e),
        }
    } else {
        BackendError::ReadFailed {
            key: key.to_owned(),
            detail: describe(&e),
        }
    }
}

fn write_error(key: &str, e: JsValue) -> BackendError {
    let quota = e
        .dyn_ref::<DomException>()
        .is_some_and(|ex| is_quota_exception(&ex.name(), ex.code()));
    if quota {
        BackendError::QuotaExceeded {
            key: key.to_owned(),
        }
    } else if is_security_error(&e) {
        BackendError::Unavailable {
            detail: describe(&e),
        }
    } else {
        BackendError::WriteFailed {
            key: key.to_owned(),
            detail: describe(&e),
        }
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?
            .get_item(key)
            .map_err(|e| read_error(key, e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?
            .set_item(key, value)
            .map_err(|e| write_error(key, e))
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage()?
            .remove_item(key)
            .map_err(|e| write_error(key, e))
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = self.storage()?;
        let length = storage.length().map_err(|e| read_error("(all keys)", e))?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = storage
                .key(index)
                .map_err(|e| read_error("(all keys)", e))?
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
