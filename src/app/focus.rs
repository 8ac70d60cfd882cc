//! Moving focus to an element that may not be on the page yet.

use leptos::prelude::*;

/// Moves focus to an element once it is on the page. Views update just after a signal changes,
/// so the element a trainee should land on (an Undo button, say) may not exist yet when the
/// click handler runs; waiting one frame lets it appear first.
pub fn focus_soon<E>(target: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    request_animation_frame(move || {
        if let Some(element) = target.get_untracked() {
            let element: &web_sys::HtmlElement = element.as_ref();
            let _ = element.focus();
        }
    });
}
