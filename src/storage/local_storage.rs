//! The browser's localStorage as a [`Backend`] (wasm only), through gloo-storage.
//!
//! gloo's `LocalStorage::raw()` throws when there is no storage (turned off, some private modes),
//! so [`LocalStorageBackend::open`] checks `window().local_storage()` first and, if it is missing,
//! gives a backend whose every call answers [`BackendError::Unavailable`]: the store then runs
//! from memory and says so. Values are read and written as raw strings with the `web_sys`
//! handle (gloo's own `get`/`set` would JSON-encode them again and hide the browser's exception),
//! and every exception is surfaced: a full store (`QuotaExceededError`, or the legacy codes 22 and
//! 1014) as [`BackendError::QuotaExceeded`], a blocked one (`SecurityError`) as unavailable.
//!
//! Reads bring the browser's string across as UTF-8 bytes from its own `TextEncoder` (see
//! [`rust_text`]) rather than through wasm-bindgen's string passing, whose character-by-character
//! copy in JavaScript made a year's store (1.3 MB, most of it version history) start up tens of
//! milliseconds slower on a phone.

use std::cell::OnceCell;

use gloo_storage::Storage as _;
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
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

#[wasm_bindgen]
extern "C" {
    /// The browser's `Storage`, as [`web_sys::Storage`] is, with the one method it lacks.
    #[wasm_bindgen(js_name = Storage)]
    type StorageArea;

    /// `localStorage.getItem`, keeping the value as the browser's own string.
    #[wasm_bindgen(method, js_name = getItem, catch)]
    fn get_item_as_js(this: &StorageArea, key: &str) -> Result<Option<JsString>, JsValue>;

    /// The browser's `TextEncoder` (always UTF-8).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// `TextEncoder.encodeInto`: as much of `text` as fits, written as UTF-8 into `into`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &JsString, into: &Uint8Array) -> EncodedInto;

    /// What `encodeInto` did: how many UTF-16 code units it read, how many bytes it wrote.
    type EncodedInto;

    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodedInto) -> u32;

    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodedInto) -> u32;
}

thread_local! {
    static ENCODER: OnceCell<Utf8Encoder> = const { OnceCell::new() };
}

/// A browser string as a Rust one, written as UTF-8 by the browser's native `TextEncoder`
/// straight into wasm memory. wasm-bindgen's own `String` return copies ASCII one character at a
/// time in JavaScript before it reaches `encodeInto`, which is what a megabyte of stored JSON
/// (nearly all ASCII) cost at start-up; `TextEncoder.encode` then a copy into wasm memory was
/// quicker, but still spent most of its time making a JavaScript array of its own (a year's
/// store: 6-7 ms to encode against 1-2 ms to `encodeInto` a buffer, unthrottled).
///
/// The buffer starts one byte per UTF-16 code unit, which holds stored JSON whole (nearly all
/// ASCII); whatever doesn't fit is encoded on into room for the worst case (three bytes a unit),
/// so a second pass always finishes. `TextEncoder` always writes valid UTF-8 (a lone surrogate
/// becomes U+FFFD, as with wasm-bindgen), so the check below never replaces anything.
fn rust_text(text: &JsString) -> String {
    ENCODER.with(|cell| {
        let encoder = cell.get_or_init(Utf8Encoder::new);
        let mut bytes: Vec<u8> = Vec::with_capacity(text.length() as usize);
        let mut rest = text.clone();
        loop {
            let spare = bytes.spare_capacity_mut();
            // SAFETY: the view covers only this Vec's spare capacity and lives for this one
            // call, during which Rust allocates nothing (so wasm memory cannot grow and detach
            // it); `encodeInto` writes at most `spare.len()` bytes, all of them initialised
            // before `set_len` counts them.
            let done = unsafe {
                let view = Uint8Array::view_mut_raw(spare.as_mut_ptr().cast(), spare.len());
                encoder.encode_into(&rest, &view)
            };
            let written = done.written() as usize;
            // SAFETY: `encodeInto` initialised exactly `written` bytes of the spare capacity.
            unsafe { bytes.set_len(bytes.len() + written) };
            let (read, length) = (done.read(), rest.length());
            if read >= length {
                break;
            }
            rest = rest.slice(read, length);
            bytes.reserve(rest.length() as usize * 3);
        }
        String::from_utf8(bytes)
            .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned())
    })
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?
            .unchecked_ref::<StorageArea>()
            .get_item_as_js(key)
            .map(|value| value.as_ref().map(rust_text))
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
