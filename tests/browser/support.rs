//! Shared helpers for browser tests: a clean page and a fresh element to mount into.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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
    if let Some(old) = document.get_element_by_id("test-mount") {
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
