//! Flashcards: studying a card moves it on (Leitner boxes), the counts change at once on the
//! flashcards page and the home screen, and progress is kept in the "flashcards" record.

use peer_study::domain::glossary::builtin_entries;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::glossary_support::stored_flashcards;
use crate::support::{button, click_button, open_app_at, reset_page, settle, text_of};

#[wasm_bindgen_test]
async fn studying_two_cards_changes_the_counts_and_keeps_the_progress() {
    reset_page();
    let all = builtin_entries().len();
    let app = open_app_at("/glossary/flashcards").await;
    assert_eq!(
        text_of(&app, ".flashcard-counts"),
        format!("Ready today: {all} new.")
    );
    assert!(text_of(&app, ".how-it-works").contains("Leitner"));

    click_button(&app, "Start studying");
    settle().await;
    let first = &builtin_entries()[0];
    assert_eq!(text_of(&app, "#flashcard-term"), first.term);
    assert!(
        button(&app, "I knew it").is_none(),
        "the meaning waits to be asked for"
    );

    click_button(&app, "Show the meaning");
    settle().await;
    assert!(text_of(&app, ".flashcard-meaning").contains(&first.explanation));
    click_button(&app, "I knew it");
    settle().await;

    click_button(&app, "Show the meaning");
    settle().await;
    click_button(&app, "Not yet");
    settle().await;

    assert_eq!(
        text_of(&app, ".flashcard-counts"),
        format!("Ready today: 1 to review and {} new.", all - 2)
    );
    let progress = stored_flashcards();
    assert_eq!(progress.card(&first.id).map(|c| c.leitner_box), Some(2));
    assert_eq!(
        progress
            .card(&builtin_entries()[1].id)
            .map(|c| c.leitner_box),
        Some(1)
    );

    let home = open_app_at("/").await;
    assert_eq!(
        text_of(&home, ".flashcards-due p"),
        format!("Ready today: 1 to review and {} new.", all - 2)
    );
}

#[wasm_bindgen_test]
async fn a_favourites_deck_with_no_favourites_says_how_to_add_some() {
    reset_page();
    let app = open_app_at("/glossary/flashcards").await;
    let radio: web_sys::HtmlInputElement = crate::support::find(&app, "#deck-favourites");
    radio.click();
    crate::support::settle().await;

    assert!(text_of(&app, ".flashcard-counts").contains("You haven't chosen any favourites yet"));
    assert!(button(&app, "Start studying").is_none());
    assert_eq!(
        stored_flashcards().deck,
        peer_study::domain::flashcards::DeckChoice::Favourites
    );
}
