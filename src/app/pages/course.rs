//! Course: the course map with each module's prep checklist (coming).

use leptos::prelude::*;

use crate::app::page::Page;

/// The course map page; says plainly that it is still to come.
#[component]
pub fn CoursePage() -> impl IntoView {
    view! {
        <Page title="Your course">
            <p class="lead">
                "The course has sixteen modules and a placement, with about an hour of preparation "
                "before each module."
            </p>
            <p class="coming">
                "Coming soon: the course map, prep checklists you can tick off, your session "
                "dates, attendance and a placement log."
            </p>
        </Page>
    }
}
