//! The calm "a new version is ready" banner. It waits for the trainee: the page reloads only when
//! they press the button, after everything has been saved.

use leptos::prelude::*;

use crate::app::app_update::{AppUpdate, UpdateState};
use crate::app::records::Records;

/// Offers a new version of Peer Study once one has downloaded; shows nothing otherwise.
///
/// Reads [`AppUpdate`] and [`Records`] from context (and shows nothing without them, so a test
/// can mount the shell alone). The polite live region (`role="status"`) is always in the page, so
/// screen readers announce the banner when it appears; it never takes focus, so it never
/// interrupts typing.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let (Some(update), Some(records)) = (use_context::<AppUpdate>(), use_context::<Records>())
    else {
        return None;
    };
    let state = update.state();
    let banner = move || {
        let applying = match state.get() {
            UpdateState::Current => return None,
            UpdateState::Ready => false,
            UpdateState::Applying => true,
        };
        Some(view! {
            <div class="banner update-banner">
                <p>
                    <strong>"A new version of Peer Study is ready."</strong>
                    " Everything you've written is saved first, so nothing is lost."
                </p>
                // aria-disabled rather than disabled while it works, so focus stays on the button.
                <button
                    type="button"
                    class="primary"
                    aria-disabled=applying.then_some("true")
                    on:click=move |_| update.accept(records)
                >
                    {if applying { "Updating…" } else { "Reload to update" }}
                </button>
            </div>
        })
    };
    Some(view! { <div class="update-status" role="status">{banner}</div> })
}
