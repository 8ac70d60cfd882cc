//! An entry's page: the favourite toggle says its state with aria-pressed and is remembered; the
//! trainee's own entries can be deleted, with an Undo that puts them back.

use peer_study::domain::glossary::{OwnEntryDraft, TraineeGlossary};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::glossary_support::{store_glossary, stored_glossary};
use crate::support::{button, click_button, open_app_at, reset_page, settle, text_of};

fn favourite_pressed(app: &web_sys::HtmlElement) -> Option<String> {
    button(app, "☆Favourite")
        .or_else(|| button(app, "★Favourite"))
        .expect("a Favourite button")
        .get_attribute("aria-pressed")
}

#[wasm_bindgen_test]
async fn an_entry_page_shows_the_term_meaning_example_and_source() {
    reset_page();
    let app = open_app_at("/glossary/mutuality").await;

    assert_eq!(text_of(&app, "main h1"), "Mutuality");
    let text = app.text_content().unwrap();
    for heading in ["What it means", "Example", "Source"] {
        assert!(text.contains(heading), "missing {heading}");
    }
    assert!(text.contains("power is shared"));
}

#[wasm_bindgen_test]
async fn toggling_a_favourite_updates_aria_pressed_and_persists_in_the_record() {
    reset_page();
    let app = open_app_at("/glossary/hope").await;
    assert_eq!(favourite_pressed(&app).as_deref(), Some("false"));

    click_button(&app, "☆Favourite");
    settle().await;

    assert_eq!(favourite_pressed(&app).as_deref(), Some("true"));
    assert!(stored_glossary().is_favourite("hope"));

    // A fresh visit reads it back.
    let again = open_app_at("/glossary/hope").await;
    assert_eq!(favourite_pressed(&again).as_deref(), Some("true"));

    click_button(&again, "★Favourite");
    settle().await;
    assert_eq!(favourite_pressed(&again).as_deref(), Some("false"));
    assert!(!stored_glossary().is_favourite("hope"));
}

#[wasm_bindgen_test]
async fn deleting_an_own_entry_offers_undo_which_puts_it_back() {
    reset_page();
    let mut glossary = TraineeGlossary::default();
    glossary
        .add_own(&OwnEntryDraft {
            term: "Thriving".into(),
            explanation: "Doing well on my own terms.".into(),
            ..OwnEntryDraft::default()
        })
        .unwrap();
    store_glossary(&glossary);
    let app = open_app_at("/glossary/own-1").await;
    assert_eq!(text_of(&app, "main h1"), "Thriving");
    assert!(text_of(&app, "main").contains("Your own entry."));

    click_button(&app, "Delete this entry");
    settle().await;

    assert!(stored_glossary().own_entries.is_empty());
    let status = text_of(&app, ".entry-status");
    assert!(status.contains("“Thriving” has been deleted."), "{status}");

    click_button(&app, "Undo");
    settle().await;

    assert_eq!(stored_glossary().own_entries.len(), 1);
    assert_eq!(text_of(&app, ".entry-status"), "");
    assert!(button(&app, "Delete this entry").is_some());
}

#[wasm_bindgen_test]
async fn built_in_entries_offer_no_edit_or_delete() {
    reset_page();
    let app = open_app_at("/glossary/hope").await;
    assert!(button(&app, "Delete this entry").is_none());
    assert!(app
        .query_selector("a[href='/glossary/hope/edit']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn an_unknown_entry_says_so_with_a_way_back() {
    reset_page();
    let app = open_app_at("/glossary/no-such-entry").await;
    assert_eq!(text_of(&app, "main h1"), "Entry not found");
    assert!(app
        .query_selector("main a[href='/glossary']")
        .unwrap()
        .is_some());
}
