//! Helpers for the writing tests: a started assignment in storage, the app opened at an address,
//! and typing the way a browser reports it (the textarea's value, then an input event).

use peer_study::domain::assignment::{course_assignment, Assignment, Draft};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, HtmlElement, HtmlTextAreaElement};

use crate::course_support::seed;

/// Store the reflective essay as started, with `texts` in its first sections.
pub fn store_started_essay(texts: &[&str]) -> (Assignment, Draft) {
    let template = course_assignment("recovery-story-essay").unwrap();
    let (assignment, mut draft) = Assignment::start_from_course(template, 1_000);
    let ids: Vec<_> = draft.sections.iter().map(|s| s.id).collect();
    for (id, text) in ids.into_iter().zip(texts) {
        draft.set_section_text(id, *text, 2_000).unwrap();
    }
    seed(
        "peer-study/assignments",
        &serde_json::to_string(&vec![assignment.clone()]).unwrap(),
    );
    seed(
        "peer-study/draft/recovery-story-essay",
        &serde_json::to_string(&draft).unwrap(),
    );
    (assignment, draft)
}

/// Put `path` in the address bar (the router reads it when the app mounts).
pub fn visit(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Type `text` into a textarea as the browser reports it: the new value, then `input`.
pub fn type_into(textarea: &HtmlTextAreaElement, text: &str) {
    textarea.set_value(text);
    let event = Event::new("input").unwrap();
    textarea.dispatch_event(&event).unwrap();
}

/// Click the button inside `container` whose text is exactly `label`.
pub fn click_button(container: &HtmlElement, label: &str) {
    let buttons = container.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if button.text_content().unwrap_or_default().trim() == label {
            button.click();
            return;
        }
    }
    panic!("no button labelled {label}");
}

/// The text of the element matching `selector` inside `container`, trimmed.
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
