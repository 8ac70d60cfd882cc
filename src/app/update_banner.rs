//! The calm "a new version is ready" banner. It waits for the trainee: the page reloads only when
//! they press the button, after everything has been saved.
//!
//! The live region is part of every page; the offer inside it ([`UpdateOffer`]) is a piece of its
//! own, fetched only once a new version is ready (see lazy_area.rs): most starts never need it.

use leptos::prelude::*;

use crate::app::app_update::{AppUpdate, UpdateState};
use crate::app::lazy_area::{update_offer, LazyPart};
use crate::app::records::Records;

/// The place for the offer of a new version: a polite live region (`role="status"`), always in the
/// page so that screen readers announce the offer when it appears, with [`UpdateOffer`] in it
/// once a new version has downloaded.
///
/// Reads [`AppUpdate`] and [`Records`] from context (and shows nothing without them, so a test
/// can mount the shell alone).
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let (Some(update), Some(_)) = (use_context::<AppUpdate>(), use_context::<Records>()) else {
        return None;
    };
    let state = update.state();
    let waiting = move || state.get() != UpdateState::Current;
    Some(view! {
        <div class="update-status" role="status">
            <Show when=waiting>
                <LazyPart load=update_offer quiet=true/>
            </Show>
        </div>
    })
}

/// The offer itself: what is ready, and one button that saves everything and reloads. It never
/// takes focus, so it never interrupts typing.
#[component]
pub fn UpdateOffer() -> impl IntoView {
    let update = expect_context::<AppUpdate>();
    let records = expect_context::<Records>();
    let state = update.state();
    move || {
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
    }
}
