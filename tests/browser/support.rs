//! The one set of helpers every browser test shares: a clean page and a fresh element to mount
//! into, records stored as a previous visit would have left them, acting as a trainee would (type,
//! choose, click), waiting for the page to settle, reading the DOM, and a passcode lock made with
//! the browser's own Web Crypto.
//!
//! The area helpers (`course_support`, `glossary_support`, `writing_support`) only add what is
//! particular to their area: how to mount it, and its records.

use peer_study::app::lock::web_crypto;
use peer_study::storage::crypto::aead::DataKey;
use peer_study::storage::crypto::keyring::{Keyring, PasscodeKdf};
use peer_study::storage::crypto::random;
use peer_study::storage::crypto::recovery_key::RecoveryKey;
use peer_study::storage::record_names::RecordName;
use peer_study::storage::schema::Meta;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// A stand-in record for tests of the records layer itself: a list of notes, kept under
/// `peer-study/notes`, a key the app doesn't use (so no page's record type gets in the way).
pub const NOTES: RecordName<Vec<String>> = RecordName::fixed("peer-study/notes");

/// Make every mounted app save at once, as a closing tab does (they all listen for `pagehide`).
pub fn flush_saves() {
    let event = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

/// Clear everything a previous test may have left: localStorage, root attributes, mounted nodes.
///
/// Earlier tests' apps are still alive, so they are made to save first; otherwise one of their
/// save timers could fire during this test and write into its fresh storage.
pub fn reset_page() {
    flush_saves();
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let document = window.document().unwrap();
    let root = document.document_element().unwrap();
    for attribute in ["data-theme", "data-text-size"] {
        root.remove_attribute(attribute).unwrap();
    }
    // Every earlier mount: a test that mounts twice (a reload) leaves two, and a form left behind
    // with the same ids as the next test's would be found first.
    while let Some(old) = document.get_element_by_id("test-mount") {
        old.remove();
    }
}

/// A new, empty element in the body for one test to mount into.
pub fn fresh_container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    container.set_id("test-mount");
    document.body().unwrap().append_child(&container).unwrap();
    container.unchecked_into()
}

/// The value stored under `key` in localStorage, if any.
pub fn stored(key: &str) -> Option<String> {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

/// Store a raw value under `key` in localStorage.
pub fn store(key: &str, value: &str) {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item(key, value)
        .unwrap();
}

/// An attribute of the root `<html>` element.
pub fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute(name)
}

/// The element matching a CSS selector inside `container`; panics with the selector if missing.
pub fn find<T: JsCast>(container: &HtmlElement, selector: &str) -> T {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// What a seeded record's envelope starts with (see [`seed`]).
const SEED_PREFIX: &str = r#"{"rev":1,"saved_at":0,"data":"#;

/// Store `data` (JSON) as the record `key`, in the storage layer's envelope, as a previous visit
/// would have left it.
pub fn seed(key: &str, data: &str) {
    store("peer-study/meta", &Meta::current().encode());
    store(key, &format!("{SEED_PREFIX}{data}}}"));
}

/// Make the mounted page save now (as a closing tab does), then read the record `key`'s data
/// from localStorage. A seeded record nobody changed comes back exactly as it was written.
pub fn saved(key: &str) -> Option<String> {
    flush_saves();
    let raw = stored(key)?;
    if let Some(data) = raw
        .strip_prefix(SEED_PREFIX)
        .and_then(|rest| rest.strip_suffix('}'))
    {
        return Some(data.to_string());
    }
    let envelope: serde_json::Value = serde_json::from_str(&raw).expect("an envelope");
    Some(envelope["data"].to_string())
}

/// Put `path` in the address bar (the router reads it when the app mounts, and follows it).
pub fn visit(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Mounts the whole app (router, records, shell) at `path`, as if the trainee opened that
/// address, and lets it render.
pub async fn open_app_at(path: &str) -> HtmlElement {
    visit(path);
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), peer_study::app::App).forget();
    settle().await;
    container
}

/// Lets reactive updates, effects (saves) and router navigations finish, then waits one
/// animation frame (focus moves happen then) and lets what that started finish too.
pub async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Fires a bubbling event of `kind` at `element`, as the browser does when a trainee acts.
fn fire(element: &Element, kind: &str) {
    let event = web_sys::Event::new(kind).unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, true);
    element.dispatch_event(&event).unwrap();
}

/// Types `text` into the field matching `selector` as a trainee would, replacing what was there:
/// the new value, then `input` (for a drop-down list: the chosen value, then `change`).
pub fn type_into(container: &HtmlElement, selector: &str, text: &str) {
    let field = el(container, selector);
    if let Some(select) = field.dyn_ref::<HtmlSelectElement>() {
        select.set_value(text);
        fire(&field, "change");
        return;
    }
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    } else {
        panic!("{selector} is not a field");
    }
    fire(&field, "input");
}

/// The current value of the input or textarea matching `selector`.
pub fn value_of(container: &HtmlElement, selector: &str) -> String {
    let field = el(container, selector);
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else {
        field.unchecked_into::<HtmlTextAreaElement>().value()
    }
}

/// The button whose text (visually hidden words included, trimmed) is exactly `label`, if any.
pub fn button(container: &HtmlElement, label: &str) -> Option<HtmlElement> {
    all(container, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .map(JsCast::unchecked_into)
}

/// Clicks the button whose text is exactly `label`; panics naming it if there is none.
pub fn click_button(container: &HtmlElement, label: &str) {
    button(container, label)
        .unwrap_or_else(|| panic!("no button called {label:?}"))
        .click();
}

/// The element matching `selector`; panics naming the selector if there is none.
pub fn el(container: &HtmlElement, selector: &str) -> HtmlElement {
    find(container, selector)
}

/// Whether anything matches `selector`.
pub fn exists(container: &HtmlElement, selector: &str) -> bool {
    container.query_selector(selector).unwrap().is_some()
}

/// Every element matching `selector`.
pub fn all(container: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The trimmed text of the element matching `selector`.
pub fn text_of(container: &HtmlElement, selector: &str) -> String {
    el(container, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The id of the focused element ("" when none has an id).
pub fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// A lock's keyring with the secrets that open it.
pub struct WebCryptoLock {
    pub keyring: Keyring,
    pub data_key: DataKey,
    pub recovery: RecoveryKey,
}

/// A new lock with `passcode` and a fresh recovery key, its keys derived as the lock screen
/// derives them: by Web Crypto, at the full iterations.
pub async fn web_crypto_lock(passcode: &str) -> WebCryptoLock {
    let data_key = DataKey::generate().unwrap();
    let kdf = PasscodeKdf::fresh().unwrap();
    let passcode_key = web_crypto::passcode_key(passcode, &kdf).await.unwrap();
    let recovery = RecoveryKey::generate().unwrap();
    let salt = random::bytes::<16>().unwrap();
    let recovery_key = web_crypto::recovery_wrapping_key(&recovery, &salt)
        .await
        .unwrap();
    let keyring = Keyring::new(&data_key, kdf, &passcode_key, salt, &recovery_key, 1).unwrap();
    WebCryptoLock {
        keyring,
        data_key,
        recovery,
    }
}
