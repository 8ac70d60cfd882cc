//! My data's "Keep my data on this device": the browser's answer to keeping Peer Study's data
//! (`navigator.storage.persist()`, asked once by itself after the first real entry, see
//! `app::notices`), and a button to ask again. Without that promise, a browser short of space may
//! clear a site's data on its own.

use leptos::prelude::*;

use crate::app::notices::{storage_manager, DeviceSafety};
use crate::app::page::Card;

/// The persistent-storage card.
#[component]
pub fn KeepOnDevice() -> impl IntoView {
    let safety = use_context::<DeviceSafety>()?;
    let kept = safety.kept();
    let supported = storage_manager().is_some();
    let body = if supported {
        view! {
            <p role="status">
                {move || match kept.get() {
                    Some(true) => {
                        "Your browser has agreed to keep Peer Study's data, unless you clear it \
                         yourself."
                    }
                    Some(false) => {
                        "Your browser hasn't agreed to keep Peer Study's data yet: if the device \
                         runs short of space, it may clear it. You can ask it; some browsers \
                         decide for themselves, so a backup is still a good idea."
                    }
                    None => "Checking what your browser has agreed to…",
                }}
            </p>
            <button
                type="button"
                on:click=move |_| safety.ask_to_keep()
                disabled=move || kept.get() == Some(true)
            >
                "Ask the browser to keep my data"
            </button>
        }
        .into_any()
    } else {
        view! {
            <p>
                "This browser doesn't say whether it will keep Peer Study's data, so a regular "
                "backup is the safest way to keep your work."
            </p>
        }
        .into_any()
    };
    Some(view! {
        <Card heading_id="persist-heading" title="Keep my data on this device">
            {body}
        </Card>
    })
}
