//! Writing: the course's assignments and the drafting space (coming).

use leptos::prelude::*;

use crate::app::page::Page;

/// The assignments page; says plainly that it is still to come.
#[component]
pub fn AssignmentsPage() -> impl IntoView {
    view! {
        <Page title="Assignments">
            <p class="lead">
                "The course asks for a reflective essay on your own recovery story and a final "
                "assignment at the end."
            </p>
            <p class="coming">
                "Coming soon: a drafting space with each brief and its prompts, a word count, "
                "saved versions, and export to Word, Markdown, plain text or PDF."
            </p>
        </Page>
    }
}
