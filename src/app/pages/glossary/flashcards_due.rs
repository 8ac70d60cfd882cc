//! The flashcards due count: one small card for the home screen, and the sentence it shares with
//! the flashcards page, so both always say the same thing.

use leptos::prelude::*;

use super::{use_flashcards, use_glossary};
use crate::app::clock::today;
use crate::app::page::Card;
use crate::domain::flashcards::{deck_ids, DueSummary};

/// "Ready today: 2 to review and 110 new." for a deck's counts.
pub(super) fn ready_message(summary: DueSummary, deck_size: usize) -> String {
    if deck_size == 0 {
        return "There are no cards in this deck yet.".to_string();
    }
    match (summary.due, summary.new) {
        (0, 0) => "Nothing due today. Well done for keeping up.".to_string(),
        (due, 0) => format!("Ready today: {due} to review."),
        (0, new) => format!("Ready today: {new} new."),
        (due, new) => format!("Ready today: {due} to review and {new} new."),
    }
}

/// The due and new counts of the trainee's chosen deck today, and the deck's size.
pub(super) fn use_due_summary() -> Memo<(DueSummary, usize)> {
    let glossary = use_glossary();
    let progress = use_flashcards();
    let today = today();
    Memo::new(move |_| {
        glossary.with(|g| {
            progress.with(|p| {
                let deck = deck_ids(g, &p.deck);
                (p.due_summary(&deck, today), deck.len())
            })
        })
    })
}

/// A small card for the home screen: how many flashcards are ready today, and a link to study.
#[component]
pub fn FlashcardsDue() -> impl IntoView {
    let summary = use_due_summary();
    view! {
        <Card heading_id="home-flashcards" title="Flashcards" class="flashcards-due">
            <p>{move || summary.with(|(s, size)| ready_message(*s, *size))}</p>
            <p><a href="/glossary/flashcards">"Study flashcards"</a></p>
        </Card>
    }
}
