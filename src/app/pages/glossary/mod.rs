//! Glossary: recovery language explained in plain words, "instead of / try" pairs, the trainee's
//! own entries, a box to try the checker, and flashcards.
//!
//! The rules (search, checking, scheduling) all live in the domain layer; these pages only show
//! them. The trainee's side of the glossary (own entries and favourites) is one record,
//! [`GLOSSARY_OWN`] (named in the storage layer, so the checker, which reads it too, never
//! imports from a page), and flashcard progress (with the chosen deck) is another,
//! [`FLASHCARDS`].

mod checker_box;
mod entry;
mod flashcards;
mod flashcards_due;
mod own_entry_form;
mod search;
mod undo_notice;

use leptos::prelude::*;

use crate::app::form::focus_id;
use crate::app::page::Page;
use crate::app::records::use_record;
use crate::domain::flashcards::FlashcardProgress;
use crate::domain::glossary::TraineeGlossary;
use crate::storage::record_names::{FLASHCARDS, GLOSSARY_OWN};

pub use entry::GlossaryEntryPage;
pub use flashcards::FlashcardsPage;
pub use flashcards_due::FlashcardsDue;
pub use own_entry_form::{EditOwnEntryPage, NewOwnEntryPage};

use checker_box::TryTheChecker;
use search::SearchAndBrowse;

/// The trainee's own entries and favourites, shared by every glossary screen.
fn use_glossary() -> RwSignal<TraineeGlossary> {
    use_record(GLOSSARY_OWN)
}

/// Flashcard progress, shared by the flashcards page and the home screen's due count.
fn use_flashcards() -> RwSignal<FlashcardProgress> {
    use_record(FLASHCARDS)
}

/// The glossary page: search and browse, links to add an entry and to the flashcards, and a box
/// to try the checker on a sentence.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    // The checker box is below a long list, so this in-page link moves focus there itself (the
    // router would otherwise treat the link as a navigation): the next Tab is the sentence box.
    let to_the_checker = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_id("try-checker-heading");
    };
    view! {
        <Page title="Glossary">
            <p class="lead">
                "The words we choose can open doors. Look up recovery ideas in plain words, and "
                "find strengths-based ways of saying things."
            </p>
            <ul class="glossary-actions">
                <li><a href="/glossary/new">"Add your own entry"</a></li>
                <li><a href="/glossary/flashcards">"Study with flashcards"</a></li>
                <li>
                    <a href="#try-checker-heading" on:click=to_the_checker>
                        "Try the checker"
                    </a>
                </li>
            </ul>
            <SearchAndBrowse/>
            <TryTheChecker/>
        </Page>
    }
}
