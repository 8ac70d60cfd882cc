//! Bench only: the language checker and the store, callable from JavaScript, so `make bench` can
//! time them in Chromium exactly as compiled for the app (Peer Study's own library, same release
//! profile, same wasm-opt level) without adding a single export to the app's own wasm.
//!
//! `make bench` builds it (`cargo build --release --target wasm32-unknown-unknown` in this folder,
//! then `wasm-bindgen --target web` and `wasm-opt -Oz --low-memory-unused`, as Trunk does for the
//! app). The JavaScript side (bench/browser.mjs) times the calls with `performance.now()`; texts
//! are handed over first, so the timed calls do no copying of their own.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use peer_study::app::lock::web_crypto;
use peer_study::domain::language_check::{Checker, ParagraphCache};
use peer_study::storage::backend::Backend;
use peer_study::storage::crypto::aead::{DataKey, WrappingKey};
use peer_study::storage::crypto::keyring::{Keyring, PasscodeKdf};
use peer_study::storage::crypto::sealed_backend::{LockSlot, SealedBackend};
use peer_study::storage::crypto::{random, KEYRING};
use peer_study::storage::keys;
use peer_study::storage::local_storage::LocalStorageBackend;
use peer_study::storage::store::Store;
use serde_json::json;
use wasm_bindgen::prelude::*;

thread_local! {
    static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    static STORE: RefCell<Option<Store<Box<dyn Backend>>>> = const { RefCell::new(None) };
    /// The draft for [`keystroke`], the same with one character typed in its middle, and the
    /// paragraph cache the editor would keep for it.
    static KEYSTROKE: RefCell<Option<(String, String, ParagraphCache)>> =
        const { RefCell::new(None) };
    /// The passcode lock for [`unlock`] and [`load_store_sealed`]: the encoded keyring and the
    /// data key it wraps.
    static LOCK: RefCell<Option<(String, [u8; 32])>> = const { RefCell::new(None) };
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// Hands a text over (not timed): the next [`check`] checks it.
#[wasm_bindgen]
pub fn set_text(text: String) {
    TEXT.with(|t| *t.borrow_mut() = text);
}

/// Checks the text last handed over with the built-in glossary; returns how many findings.
/// The first call also compiles the rules (the app pays that once, at first use).
#[wasm_bindgen]
pub fn check() -> u32 {
    TEXT.with(|t| Checker::builtin().check(&t.borrow()).len() as u32)
}

/// Hands a draft over for [`keystroke`] (not timed), makes the copy with one character typed in
/// its middle, and checks the draft once so the paragraph cache is warm, as it is in the editor.
/// Returns how many findings.
#[wasm_bindgen]
pub fn set_keystroke_text(text: String) -> u32 {
    let middle = (text.len() / 2..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let mut typed = text.clone();
    typed.insert(middle, 'x');
    let mut cache = ParagraphCache::new();
    let findings = Checker::builtin().check_cached(&text, &mut cache).len() as u32;
    KEYSTROKE.with(|k| *k.borrow_mut() = Some((text, typed, cache)));
    findings
}

/// Rechecks the draft after a keystroke, with the paragraph cache as the editor uses it: an odd
/// `n` checks the copy with the typed character, an even `n` the draft itself, so every call
/// finds one paragraph changed. Returns how many findings.
#[wasm_bindgen]
pub fn keystroke(n: u32) -> u32 {
    KEYSTROKE.with(|k| {
        let mut k = k.borrow_mut();
        let Some((text, typed, cache)) = k.as_mut() else {
            return 0;
        };
        let now = if n % 2 == 1 { &*typed } else { &*text };
        Checker::builtin().check_cached(now, cache).len() as u32
    })
}

/// Loads everything from localStorage, as the app does at start-up; returns how many records.
#[wasm_bindgen]
pub fn load_store() -> u32 {
    let (store, report) = Store::load(
        Box::new(LocalStorageBackend::open()) as Box<dyn Backend>,
        now(),
    );
    STORE.with(|s| *s.borrow_mut() = Some(store));
    report.records_loaded as u32
}

/// Changes every loaded record a little (not timed), so the next [`save`] writes them all.
#[wasm_bindgen]
pub fn touch_all(run: u32) -> u32 {
    with_store(|store| {
        let record_keys: Vec<String> = store.records().keys().cloned().collect();
        for key in &record_keys {
            let mut data = store.get(key).cloned().unwrap_or_default();
            if let Some(object) = data.as_object_mut() {
                object.insert("bench_touch".into(), json!(run));
            }
            let _ = store.set(key, data);
        }
        record_keys.len() as u32
    })
}

/// Changes the first draft a little (not timed), so the next [`save`] writes just that draft, as
/// a debounced save while typing does. Returns false when there is no draft.
#[wasm_bindgen]
pub fn touch_one_draft(run: u32) -> bool {
    with_store(|store| {
        let Some(key) = store
            .records()
            .keys()
            .find(|k| k.starts_with(keys::DRAFT_PREFIX))
            .cloned()
        else {
            return false;
        };
        let mut data = store.get(&key).cloned().unwrap_or_default();
        data["updated_at"] = json!(run);
        store.set(&key, data).is_ok()
    })
}

/// Saves every changed record to localStorage; returns how many keys were written.
#[wasm_bindgen]
pub fn save() -> u32 {
    with_store(|store| store.save(now()).written.len() as u32)
}

/// Sets up a passcode lock as the app does (not timed): a fresh data key wrapped under the
/// passcode's key (PBKDF2 in Web Crypto, the app's iteration count) and a random recovery key.
#[wasm_bindgen]
pub async fn lock_on(passcode: String) -> Result<(), JsValue> {
    let fail = |e: &dyn std::fmt::Display| JsValue::from_str(&e.to_string());
    let key_bytes = random::bytes::<32>().map_err(|e| fail(&e))?;
    let kdf = PasscodeKdf::fresh().map_err(|e| fail(&e))?;
    let passcode_key = web_crypto::passcode_key(&passcode, &kdf)
        .await
        .map_err(|e| fail(&e))?;
    let recovery = WrappingKey::from_bytes(random::bytes::<32>().map_err(|e| fail(&e))?);
    let salt = random::bytes::<16>().map_err(|e| fail(&e))?;
    let keyring = Keyring::new(
        &DataKey::from_bytes(key_bytes),
        kdf,
        &passcode_key,
        salt,
        &recovery,
        now(),
    )
    .map_err(|e| fail(&e))?;
    LOCK.with(|l| *l.borrow_mut() = Some((keyring.encode(), key_bytes)));
    Ok(())
}

/// Unlocks as the lock screen does: derives the passcode's key (PBKDF2 in Web Crypto) and
/// unwraps the data key. Returns whether the passcode opened it.
#[wasm_bindgen]
pub async fn unlock(passcode: String) -> bool {
    let Some(keyring) = LOCK.with(|l| l.borrow().as_ref().map(|(text, _)| text.clone())) else {
        return false;
    };
    let Ok(keyring) = Keyring::decode(&keyring) else {
        return false;
    };
    match web_crypto::passcode_key(&passcode, keyring.passcode_kdf()).await {
        Ok(key) => keyring.unlock_with_passcode(&key).is_ok(),
        Err(_) => false,
    }
}

/// Loads everything from localStorage with the passcode lock on and unlocked (after
/// [`lock_on`]): every save after this seals what it writes, as the app's do. Returns how many
/// records.
#[wasm_bindgen]
pub fn load_store_sealed() -> u32 {
    let Some((keyring, key)) = LOCK.with(|l| l.borrow().clone()) else {
        return 0;
    };
    let mut local = LocalStorageBackend::open();
    let _ = local.set(KEYRING, &keyring);
    let slot = LockSlot::shared();
    let id = Keyring::id_of(&keyring).unwrap_or_default();
    slot.borrow_mut().unlock(id, DataKey::from_bytes(key));
    let backend: Box<dyn Backend> = Box::new(SealedBackend::new(local, Rc::clone(&slot)));
    let (store, report) = Store::load(backend, now());
    STORE.with(|s| *s.borrow_mut() = Some(store));
    report.records_loaded as u32
}

fn with_store<T>(f: impl FnOnce(&mut Store<Box<dyn Backend>>) -> T) -> T {
    STORE.with(|s| f(s.borrow_mut().as_mut().expect("load_store first")))
}
