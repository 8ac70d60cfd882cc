//! The journal: search finds as you type, an empty reflection is refused kindly, and an entry
//! about a module appears on that module's page.

use peer_study::app::pages::course::JournalPage;
use peer_study::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::course_support::mount_at;
use crate::support::{
    click_button, el, fresh_container, reset_page, saved, seed, settle, text_of, type_into,
    value_of,
};

const TWO_ENTRIES: &str = r#"{"entries":[
  {"id":"journal-1","date":"2026-03-03","module_id":"welcome","title":"First day","body":"Felt hopeful after the check-in."},
  {"id":"journal-2","date":"2026-03-10","title":"","body":"Boundaries came up again."}
],"next_number":3}"#;

#[wasm_bindgen_test]
async fn search_narrows_the_list_as_you_type() {
    reset_page();
    seed("peer-study/journal", TWO_ENTRIES);
    let page = mount_at("/course/journal", JournalPage).await;
    assert_eq!(
        page.query_selector_all(".journal-entry").unwrap().length(),
        2
    );

    type_into(&page, "#journal-search", "HOPEFUL");
    settle().await;
    assert_eq!(
        page.query_selector_all(".journal-entry").unwrap().length(),
        1
    );
    assert_eq!(text_of(&page, ".journal-entry h3"), "First day");
    assert!(
        text_of(&page, "#reflections-heading + .field + .status").contains("1 reflection matches")
    );

    type_into(&page, "#journal-search", "nothing like this");
    settle().await;
    assert_eq!(
        page.query_selector_all(".journal-entry").unwrap().length(),
        0
    );
}

#[wasm_bindgen_test]
async fn an_empty_reflection_is_refused_beside_the_field_and_the_module_choice_is_kept() {
    reset_page();
    let page = mount_at("/course/journal?module=welcome", JournalPage).await;
    let select: web_sys::HtmlSelectElement = el(&page, "#new-entry-module").unchecked_into();
    assert_eq!(
        select.value(),
        "welcome",
        "a link from a module page chooses it"
    );
    click_button(&page, "Save reflection");
    settle().await;
    assert!(text_of(&page, "#new-entry-body-error").contains("There's nothing to save yet"));
    assert_eq!(select.value(), "welcome");
    assert_eq!(saved("peer-study/journal"), None);

    type_into(&page, "#new-entry-body", "Nervous, then glad I came.");
    click_button(&page, "Save reflection");
    settle().await;
    assert!(text_of(&page, ".journal-list").contains("Nervous, then glad I came."));
    assert_eq!(
        value_of(&page, "#new-entry-body"),
        "",
        "ready for the next one"
    );
    assert!(saved("peer-study/journal")
        .unwrap()
        .contains("\"module_id\":\"welcome\""));
}

#[wasm_bindgen_test]
async fn a_module_page_shows_its_journal_entries_and_saves_notes_as_typed() {
    reset_page();
    seed("peer-study/journal", TWO_ENTRIES);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/course/welcome"))
        .unwrap();
    let page = fresh_container();
    leptos::mount::mount_to(page.clone(), App).forget();
    settle().await;

    assert_eq!(
        text_of(&page, "h1"),
        "Welcome and getting to know each other"
    );
    let entries = text_of(&page, ".journal-list");
    assert!(
        entries.contains("First day") && entries.contains("Felt hopeful"),
        "{entries}"
    );
    assert!(
        !entries.contains("Boundaries"),
        "only entries about this module"
    );

    type_into(&page, "#module-notes", "  Bring water.\nAsk about breaks.");
    settle().await;
    let saved = saved("peer-study/course").unwrap();
    assert!(
        saved.contains(r#""welcome":"  Bring water.\nAsk about breaks.""#),
        "{saved}"
    );
}
