//! My data: what is stored on this device, backup and restore (coming).

use leptos::prelude::*;

use crate::app::page::Page;

/// The "My data" page; says where data lives today and that backups are still to come.
#[component]
pub fn MyDataPage() -> impl IntoView {
    view! {
        <Page title="My data">
            <p class="lead">
                "Everything in Peer Study is kept in this browser, on this device. No account, no "
                "cloud, no tracking."
            </p>
            <p class="coming">
                "Coming soon: how much space your work uses, a one-file backup you can keep "
                "safe, and restoring it on another device."
            </p>
        </Page>
    }
}
