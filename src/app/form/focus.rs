//! Moving focus to an element that may not be on the page yet.
//!
//! Views update just after a signal changes, so the element a trainee should land on (the field
//! to fix, an Undo button, the form that replaced a row) may not exist yet when a handler runs.
//! Each helper waits one animation frame first, so focus is never lost to a vanished element.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focus `element` if it can take focus.
fn focus_element(element: web_sys::Element) {
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id once the page has caught up with the latest change
/// (after a save, a removal or a swap between a view and a form).
pub fn focus_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            focus_element(element);
        }
    });
}

/// Moves focus to the element behind `target` once it is on the page.
pub fn focus_node<E>(target: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    request_animation_frame(move || {
        if let Some(element) = target.get_untracked() {
            let element: &web_sys::HtmlElement = element.as_ref();
            let _ = element.focus();
        }
    });
}

/// Moves focus to the first field marked invalid inside the element with id `within`, so after a
/// refused save the trainee lands on the field to fix and hears its message.
pub fn focus_first_problem(within: impl Into<String>) {
    let within = within.into();
    request_animation_frame(move || {
        let found = document()
            .get_element_by_id(&within)
            .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten());
        if let Some(element) = found {
            focus_element(element);
        }
    });
}
