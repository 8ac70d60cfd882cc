//! The page for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::page::Page;

/// Shown for any unknown address, with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"We couldn't find that page. It may have moved, or the link may have a typo."</p>
            <p><A href="/">"Go to the home page"</A></p>
        </Page>
    }
}
