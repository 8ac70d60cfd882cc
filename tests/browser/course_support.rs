//! Helpers for the course-area browser tests: mount a page inside a router with fresh records,
//! act as a trainee would (type, click), wait for the page to settle, and read the DOM.

use leptos::prelude::*;
use leptos_router::components::Router;
use peer_study::app::records::Records;
use peer_study::storage::local_storage::LocalStorageBackend;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::support::{fresh_container, store, stored};

/// What a seeded record's envelope starts with (see `seed`).
const SEED_PREFIX: &str = r#"{"rev":1,"saved_at":0,"data":"#;

/// Store `data` (JSON) as the record `key`, in the storage layer's envelope, as a previous visit
/// would have left it.
pub fn seed(key: &str, data: &str) {
    store("peer-study/meta", r#"{"schema_version":2}"#);
    store(key, &format!("{SEED_PREFIX}{data}}}"));
}

/// Make the mounted page save now (as a closing tab does), then read the record `key`'s data
/// from localStorage. A seeded record nobody changed comes back exactly as it was written.
pub fn saved(key: &str) -> Option<String> {
    crate::support::flush_saves();
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

/// Mounts `page` (inside a router, with fresh records) at the address `path`.
pub async fn mount_at<F, V>(path: &str, page: F) -> HtmlElement
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let container = fresh_container();
    // The real browser storage, as the app uses it (each test starts by clearing it).
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(records);
        view! { <Router>{page()}</Router> }
    })
    .forget();
    settle().await;
    container
}

/// Lets effects run and waits one animation frame (focus moves happen then).
pub async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// The element matching `selector`; panics naming the selector if there is none.
pub fn el(container: &HtmlElement, selector: &str) -> HtmlElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// Whether anything matches `selector`.
pub fn exists(container: &HtmlElement, selector: &str) -> bool {
    container.query_selector(selector).unwrap().is_some()
}

/// The trimmed text of the element matching `selector`.
pub fn text(container: &HtmlElement, selector: &str) -> String {
    el(container, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Types `value` into a field as a trainee would: sets it and fires `input`.
pub fn type_into(container: &HtmlElement, selector: &str, value: &str) {
    let field = el(container, selector);
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
        let change = web_sys::Event::new("change").unwrap();
        field.dispatch_event(&change).unwrap();
        return;
    }
    let event = web_sys::Event::new("input").unwrap();
    field.dispatch_event(&event).unwrap();
}

/// The current value of an input or textarea.
pub fn value_of(container: &HtmlElement, selector: &str) -> String {
    let field = el(container, selector);
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else {
        field
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    }
}

/// Clicks the first button whose text (including visually hidden words) is `name`.
pub fn click_button(container: &HtmlElement, name: &str) {
    button(container, name).click();
}

/// The first button whose text is `name`.
pub fn button(container: &HtmlElement, name: &str) -> HtmlElement {
    let buttons = container.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: Element = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == name {
            return b.unchecked_into();
        }
    }
    panic!("no button named {name:?}");
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
