//! Glossary: recovery language, "instead of / try" pairs and flashcards (coming).

use leptos::prelude::*;

use crate::app::page::Page;

/// The glossary page; says plainly that it is still to come.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <Page title="Glossary">
            <p class="lead">
                "The words we choose can open doors. The glossary will help you find "
                "strengths-based, recovery-focused ways of saying things."
            </p>
            <p class="coming">
                "Coming soon: recovery ideas explained in plain words, \"instead of / try\" "
                "suggestions, your own entries and flashcards."
            </p>
        </Page>
    }
}
