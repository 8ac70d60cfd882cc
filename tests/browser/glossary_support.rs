//! Helpers for the glossary's browser tests: open the whole app at an address, type into fields
//! as a trainee would (so the app's input handlers run), and read the glossary records.

use peer_study::app::records::storage_key;
use peer_study::app::App;
use peer_study::domain::flashcards::FlashcardProgress;
use peer_study::domain::glossary::TraineeGlossary;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::course_support::{saved, seed};
use crate::support::fresh_container;

/// Mounts the whole app (router, records, shell) at `path`, as if the trainee opened that
/// address, and lets it render.
pub async fn open_app_at(path: &str) -> HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    settle().await;
    container
}

/// Lets reactive updates, effects (saves) and router navigations finish.
pub async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
    }
}

fn fire(element: &Element, kind: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    let event = document.create_event("Event").unwrap();
    event.init_event_with_bubbles_and_cancelable(kind, true, true);
    element.dispatch_event(&event).unwrap();
}

/// Types `text` into the input or textarea matching `selector`, replacing what was there.
pub async fn type_into(container: &HtmlElement, selector: &str, text: &str) {
    let element = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"));
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    } else {
        panic!("{selector} is not a text field");
    }
    fire(&element, "input");
    settle().await;
}

/// Chooses `value` in the select matching `selector`.
pub async fn choose(container: &HtmlElement, selector: &str, value: &str) {
    let element = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"));
    element
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .expect("a select")
        .set_value(value);
    fire(&element, "change");
    settle().await;
}

/// Clicks the button whose visible text is exactly `label`.
pub async fn click_button(container: &HtmlElement, label: &str) {
    button(container, label)
        .unwrap_or_else(|| panic!("no button called {label:?}"))
        .click();
    settle().await;
}

/// The button whose visible text (trimmed) is exactly `label`, if there is one.
pub fn button(container: &HtmlElement, label: &str) -> Option<HtmlElement> {
    all(container, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .map(JsCast::unchecked_into)
}

/// Every element matching `selector`.
pub fn all(container: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The trimmed text of the first element matching `selector`.
pub fn text_of(container: &HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The trainee's glossary as stored on the device (the default when nothing is stored).
pub fn stored_glossary() -> TraineeGlossary {
    saved(&storage_key("glossary-own"))
        .map(|json| serde_json::from_str(&json).expect("the stored glossary reads back"))
        .unwrap_or_default()
}

/// Stores a trainee glossary, as if saved on an earlier visit.
pub fn store_glossary(glossary: &TraineeGlossary) {
    seed(
        &storage_key("glossary-own"),
        &serde_json::to_string(glossary).unwrap(),
    );
}

/// Flashcard progress as stored on the device.
pub fn stored_flashcards() -> FlashcardProgress {
    saved(&storage_key("flashcards"))
        .map(|json| serde_json::from_str(&json).expect("the stored progress reads back"))
        .unwrap_or_default()
}
