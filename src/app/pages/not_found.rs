//! The page for an address the app does not know.

use leptos::prelude::*;

use crate::app::page::MissingPage;

/// Shown for any unknown address, with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <MissingPage
            title="Page not found"
            explanation="We couldn't find that page. It may have moved, or the link may have a typo."
            ways_on=&[("/", "Go to the home page")]
        />
    }
}
