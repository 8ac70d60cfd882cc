//! "Install Peer Study", where the browser offers installing (`beforeinstallprompt`: Chrome,
//! Edge, Samsung Internet on Android and desktops). The event is kept when it comes, its
//! `prompt()` runs when the button is pressed, and the button goes once used or once installed.
//! Installed, Peer Study opens from its own icon and its data is kept like an app's.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{focus_page_heading, DeviceSafety};
use crate::app::page::Card;

thread_local! {
    /// The browser's kept `beforeinstallprompt` event, while installing is on offer. Beside a
    /// plain `bool` signal rather than in a signal of its own: one reactive type fewer in the wasm.
    static OFFER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps the browser's install offer from now on (`offered` says whether there is one), and
/// forgets it once installed.
pub(super) fn listen(offered: RwSignal<bool>) {
    let window = window();
    let keep = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Keep the offer for the button instead of the browser's own bar.
        event.prevent_default();
        OFFER.with(|offer| *offer.borrow_mut() = Some(event.into()));
        offered.set(true);
    });
    let installed = Closure::<dyn Fn()>::new(move || {
        OFFER.with(|offer| offer.borrow_mut().take());
        offered.set(false);
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", keep.as_ref().unchecked_ref());
    let _ =
        window.add_event_listener_with_callback("appinstalled", installed.as_ref().unchecked_ref());
    // For the whole visit, as the app itself lives.
    keep.forget();
    installed.forget();
}

/// Calls the kept event's `prompt()`, which shows the browser's own install question.
fn prompt(event: &JsValue) {
    let prompt = js_sys::Reflect::get(event, &"prompt".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(prompt) = prompt {
        // The browser says what happened through `appinstalled`; a "not now" needs nothing.
        if let Ok(answer) = prompt.call0(event) {
            if let Ok(promise) = answer.dyn_into::<js_sys::Promise>() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
    }
}

/// The install card; shows only while the browser offers installing.
#[component]
pub fn InstallOffer() -> impl IntoView {
    let safety = use_context::<DeviceSafety>()?;
    let offered = safety.install;
    let install = move |_| {
        // An offer can be used once: the button goes whatever the trainee answers.
        offered.set(false);
        if let Some(event) = OFFER.with(|offer| offer.borrow_mut().take()) {
            prompt(&event);
        }
        focus_page_heading();
    };
    Some(view! {
        <Show when=move || offered.get()>
            <Card heading_id="install-heading" title="Install Peer Study">
                <p>
                    "Installed, Peer Study opens from its own icon like any other app, works "
                    "without a connection, and this device keeps its data like an app's."
                </p>
                <button type="button" class="primary" on:click=install>"Install Peer Study"</button>
            </Card>
        </Show>
    })
}
