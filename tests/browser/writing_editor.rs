//! The drafting space: typing updates the counts and the stored draft; removing a section that
//! holds words is refused with a message and an offer to merge; focus mode says how to leave it.

use peer_study::domain::assignment::Draft;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::support::{
    click_button, find, open_app_at, reset_page, root_attribute, saved, text_of, type_into, visit,
};
use crate::writing_support::store_started_essay;

fn stored_essay() -> Draft {
    serde_json::from_str(&saved("peer-study/draft/recovery-story-essay").unwrap()).unwrap()
}

#[wasm_bindgen_test]
async fn typing_into_a_section_updates_its_count_the_total_and_the_stored_draft() {
    reset_page();
    store_started_essay(&[]);
    let container = open_app_at("/assignments/recovery-story-essay").await;

    assert_eq!(text_of(&container, "#section-1-count"), "0 words");
    assert_eq!(text_of(&container, "#draft-total"), "0 of 1,500 words");
    type_into(
        &container,
        "#section-1-text",
        "Hope, connection and\u{a0}meaning — all three.",
    );
    leptos::task::tick().await;

    // Counted as Word counts: the spaced dash is a word, the no-break space joins two.
    assert_eq!(text_of(&container, "#section-1-count"), "6 words");
    assert_eq!(text_of(&container, "#draft-total"), "6 of 1,500 words");
    assert_eq!(text_of(&container, "#section-2-count"), "0 words");
    assert_eq!(
        stored_essay().sections[0].text,
        "Hope, connection and\u{a0}meaning — all three."
    );
    visit("/");
}

#[wasm_bindgen_test]
async fn removing_a_section_with_words_is_refused_with_a_message_and_a_merge_offer() {
    reset_page();
    store_started_essay(&["", "Three kept words."]);
    let container = open_app_at("/assignments/recovery-story-essay").await;

    let section: HtmlElement = find(&container, "section[aria-labelledby='section-2-heading']");
    assert!(
        section.query_selector("select").unwrap().is_none(),
        "no merge offer before it is needed"
    );
    click_button(&section, "Remove section");
    leptos::task::tick().await;

    let status = text_of(&section, ".section-tools [role='status']");
    assert!(
        status.contains("\"My recovery story\" still has 3 words in it, so we have kept it"),
        "{status}"
    );
    assert!(container
        .query_selector("#section-2-text")
        .unwrap()
        .is_some());
    assert_eq!(stored_essay().sections.len(), 6, "nothing was removed");
    assert!(
        section.query_selector("select").unwrap().is_some(),
        "merging is offered instead"
    );

    // An empty section goes at once, and says so.
    let empty: HtmlElement = find(&container, "section[aria-labelledby='section-3-heading']");
    click_button(&empty, "Remove section");
    leptos::task::tick().await;
    assert!(container
        .query_selector("#section-3-text")
        .unwrap()
        .is_none());
    assert_eq!(stored_essay().sections.len(), 5);
    visit("/");
}

#[wasm_bindgen_test]
async fn focus_mode_button_says_how_to_leave_and_hides_the_app_frame() {
    reset_page();
    store_started_essay(&[]);
    let container = open_app_at("/assignments/recovery-story-essay").await;

    let toggle: HtmlElement = find(&container, "button.focus-toggle");
    assert_eq!(toggle.text_content().unwrap().trim(), "Focus mode");
    toggle.click();
    leptos::task::tick().await;
    // A phone has no Escape key: the same button, in words, is the way out.
    assert_eq!(toggle.text_content().unwrap().trim(), "Leave focus mode");
    assert!(root_attribute("class")
        .unwrap_or_default()
        .contains("writing-focus"));
    toggle.click();
    leptos::task::tick().await;
    assert_eq!(toggle.text_content().unwrap().trim(), "Focus mode");
    assert!(!root_attribute("class")
        .unwrap_or_default()
        .contains("writing-focus"));
    visit("/");
}
