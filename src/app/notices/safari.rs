//! The Safari notice: on an iPhone or iPad, in a browser tab rather than from the Home Screen,
//! Safari may clear Peer Study's data after 7 days without a visit. Calm, on home and My data;
//! "Hide for 3 days" puts it away for a while, and it comes back while the risk remains.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{focus_page_heading, DeviceSafety};
use crate::app::clock::now_ms;
use crate::app::page::Card;
use crate::domain::storage_safety::{notice_due, pause_until, safari_may_clear, BrowserFacts};
use crate::storage::device_notes::{self, SAFARI_NOTICE_UNTIL};
use crate::storage::local_storage::LocalStorageBackend;

/// Whether this page was opened from the Home Screen (or installed, in its own window): the
/// `display-mode` media query, or Safari's own `navigator.standalone`.
fn opened_as_app() -> bool {
    let window = window();
    let by_media = ["standalone", "fullscreen", "minimal-ui"]
        .iter()
        .any(|mode| {
            let query = JsValue::from_str(&format!("(display-mode: {mode})"));
            js_sys::Reflect::get(&window, &"matchMedia".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(&window, &query).ok())
                .and_then(|list| js_sys::Reflect::get(&list, &"matches".into()).ok())
                .and_then(|m| m.as_bool())
                .unwrap_or(false)
        });
    let by_safari = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    by_media || by_safari
}

/// Whether Safari may clear Peer Study's data in this browser, as it was opened.
fn at_risk() -> bool {
    let navigator = window().navigator();
    let user_agent = navigator.user_agent().unwrap_or_default();
    safari_may_clear(BrowserFacts {
        user_agent: &user_agent,
        max_touch_points: navigator.max_touch_points().max(0) as u32,
        standalone: opened_as_app(),
    })
}

/// The notice itself; shows nothing elsewhere, from the Home Screen, or while put away.
#[component]
pub fn SafariNotice() -> impl IntoView {
    let safety = use_context::<DeviceSafety>()?;
    if !at_risk() {
        return None;
    }
    let until = safety.notice_until;
    let hide = move |_| {
        let later = pause_until(now_ms());
        // If this can't be stored, the notice is only back at the next visit.
        let _ = device_notes::write_instant(
            &mut LocalStorageBackend::open(),
            SAFARI_NOTICE_UNTIL,
            later,
        );
        until.set(Some(later));
        focus_page_heading();
    };
    Some(view! {
        <Show when=move || notice_due(until.get(), now_ms())>
            <Card heading_id="safari-heading" title="Keep Peer Study on your Home Screen" class="notice safari-notice">
                <p>
                    "Safari may clear Peer Study's data after 7 days without a visit. Opened from "
                    "your Home Screen, Peer Study keeps it."
                </p>
                <ol class="safari-steps">
                    <li>"Tap Share (the square with an arrow pointing up)."</li>
                    <li>"Choose \u{201c}Add to Home Screen\u{201d}, then Add."</li>
                    <li>"Open Peer Study from its new icon from now on."</li>
                </ol>
                <p>
                    "The Home Screen app keeps its own copy of your data. If you have written "
                    "something here already, download a backup from My data first, then restore "
                    "it in the Home Screen app."
                </p>
                <button type="button" on:click=hide>"Hide for 3 days"</button>
            </Card>
        </Show>
    })
}
