//! The recovery-language checker in the editor: a flagged phrase is marked in place and listed;
//! a suggestion goes into the text and the stored draft and can be undone; dismissals are kept
//! with the draft; "Check my language" can be turned off and stays off.

use peer_study::app::App;
use peer_study::domain::assignment::Draft;
use peer_study::domain::dismissal::Dismissal;
use peer_study::domain::profile::Profile;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlTextAreaElement};

use crate::support::{
    click_button, find, fresh_container, reset_page, saved, seed, settle, text_of, type_into, visit,
};
use crate::writing_support::store_started_essay;

fn stored_essay() -> Draft {
    serde_json::from_str(&saved("peer-study/draft/recovery-story-essay").unwrap()).unwrap()
}

/// Opens the essay's editor and returns (page, first section, its textarea).
async fn open_essay() -> (HtmlElement, HtmlElement, HtmlTextAreaElement) {
    visit("/assignments/recovery-story-essay");
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    settle().await;
    let section: HtmlElement = find(&container, "section[aria-labelledby='section-1-heading']");
    let textarea: HtmlTextAreaElement = find(&container, "#section-1-text");
    (container, section, textarea)
}

/// The texts of the marks behind a section's textarea.
fn marks(section: &HtmlElement) -> Vec<String> {
    let found = section.query_selector_all(".lc-backdrop mark").unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The quoted phrases in a section's findings list.
fn listed(section: &HtmlElement) -> Vec<String> {
    let found = section
        .query_selector_all(".lc-finding .lc-phrase")
        .unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn a_typed_phrase_is_marked_and_listed_and_a_suggestion_is_applied_and_undone() {
    reset_page();
    store_started_essay(&[]);
    let (page, section, textarea) = open_essay().await;
    assert!(marks(&section).is_empty());

    type_into(&page, "#section-1-text", "I was suffering from anxiety");
    settle().await;
    assert_eq!(marks(&section), ["suffering from"]);
    assert_eq!(listed(&section), ["“suffering from”"]);
    assert_eq!(
        text_of(&section, ".lc-summary"),
        "1 phrase you might put differently:"
    );
    // The backdrop holds the same text as the textarea up to the mark, so the mark sits on it.
    assert_eq!(text_of(&section, ".lc-backdrop"), "I was suffering from");
    assert!(textarea
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("section-1-findings"));

    click_button(&section, "Use “living with”");
    settle().await;
    assert_eq!(textarea.value(), "I was living with anxiety");
    assert_eq!(stored_essay().sections[0].text, "I was living with anxiety");
    assert!(marks(&section).is_empty());
    assert!(listed(&section).is_empty());
    let status = text_of(&section, ".lc-status[role='status']");
    assert!(
        status.contains("Changed “suffering from” to “living with”."),
        "{status}"
    );

    click_button(&section, "Undo");
    settle().await;
    assert_eq!(textarea.value(), "I was suffering from anxiety");
    assert_eq!(
        stored_essay().sections[0].text,
        "I was suffering from anxiety"
    );
    assert_eq!(marks(&section), ["suffering from"]);
    assert!(text_of(&section, ".lc-status").contains("Put back “suffering from”."));
    visit("/");
}

#[wasm_bindgen_test]
async fn a_suggestion_at_the_start_of_a_sentence_keeps_its_capital() {
    reset_page();
    store_started_essay(&["Hope matters.\n\nSuffering from grief, I kept going."]);
    let (_page, section, textarea) = open_essay().await;
    assert_eq!(marks(&section), ["Suffering from"]);
    click_button(&section, "Use “experiencing”");
    settle().await;
    assert_eq!(
        textarea.value(),
        "Hope matters.\n\nExperiencing grief, I kept going."
    );
    visit("/");
}

#[wasm_bindgen_test]
async fn what_the_trainee_wrote_is_drawn_as_text_never_as_markup() {
    reset_page();
    store_started_essay(&["<b>bold</b> & <i>he was non-compliant</i>"]);
    let (_page, section, _textarea) = open_essay().await;
    assert_eq!(marks(&section), ["non-compliant"]);
    let backdrop: HtmlElement = find(&section, ".lc-backdrop");
    assert!(backdrop.query_selector("b, i").unwrap().is_none());
    assert_eq!(
        backdrop.text_content().unwrap(),
        "<b>bold</b> & <i>he was non-compliant"
    );
    visit("/");
}

#[wasm_bindgen_test]
async fn not_here_dismisses_one_spot_and_is_kept_with_the_draft() {
    reset_page();
    store_started_essay(&["I was suffering from anxiety. She was suffering from grief."]);
    let (page, section, _textarea) = open_essay().await;
    assert_eq!(marks(&section), ["suffering from", "suffering from"]);

    click_button(&section, "Not here");
    settle().await;
    assert_eq!(marks(&section), ["suffering from"]);
    assert_eq!(listed(&section), ["“suffering from”"]);
    // The one left is the second.
    assert_eq!(
        text_of(&section, ".lc-backdrop"),
        "I was suffering from anxiety. She was suffering from"
    );
    let draft = stored_essay();
    assert_eq!(draft.dismissed.len(), 1);
    assert!(matches!(&draft.dismissed[0], Dismissal::Spot { before, .. } if before == "I was "));
    assert!(text_of(&section, ".lc-status").contains("won't be flagged in this spot"));

    // Opened again, the spot stays dismissed.
    page.remove();
    let (_page, section, _textarea) = open_essay().await;
    assert_eq!(marks(&section), ["suffering from"]);

    // Undo brings it back.
    click_button(&section, "Not here");
    settle().await;
    assert!(marks(&section).is_empty());
    click_button(&section, "Undo");
    settle().await;
    assert_eq!(marks(&section), ["suffering from"]);
    assert_eq!(stored_essay().dismissed.len(), 1);
    visit("/");
}

#[wasm_bindgen_test]
async fn a_rule_dismissed_for_the_draft_is_hidden_everywhere_in_it_and_can_come_back() {
    reset_page();
    store_started_essay(&[
        "She suffers from stress.",
        "He suffered from grief and was non-compliant.",
    ]);
    let (page, section, _textarea) = open_essay().await;
    click_button(&section, "Don't flag “suffers from” in this draft");
    settle().await;
    assert!(marks(&section).is_empty());
    let second: HtmlElement = find(&page, "section[aria-labelledby='section-2-heading']");
    assert_eq!(marks(&second), ["non-compliant"]);
    assert_eq!(
        stored_essay().dismissed,
        [Dismissal::Entry {
            entry_id: "suffering-from".into(),
            matched: "suffers from".into()
        }]
    );

    // The list of phrases not flagged offers it back.
    let dismissed: HtmlElement = find(&page, ".lc-dismissed");
    assert!(dismissed.text_content().unwrap().contains("“suffers from”"));
    click_button(&dismissed, "Flag again");
    settle().await;
    assert_eq!(marks(&section), ["suffers from"]);
    assert_eq!(marks(&second), ["suffered from", "non-compliant"]);
    assert!(stored_essay().dismissed.is_empty());
    visit("/");
}

#[wasm_bindgen_test]
async fn check_my_language_turns_the_marks_off_and_is_remembered() {
    reset_page();
    store_started_essay(&["He was non-compliant."]);
    let (page, section, _textarea) = open_essay().await;
    let toggle: HtmlElement = find(&page, "button.check-toggle");
    assert_eq!(toggle.text_content().unwrap().trim(), "Check my language");
    assert_eq!(toggle.get_attribute("role").as_deref(), Some("switch"));
    assert!(page.text_content().unwrap().contains("Checking is on"));
    assert_eq!(
        toggle.get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    assert_eq!(marks(&section), ["non-compliant"]);

    toggle.click();
    settle().await;
    assert_eq!(
        toggle.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert!(marks(&section).is_empty());
    assert!(listed(&section).is_empty());
    assert!(page.text_content().unwrap().contains("Checking is off"));
    let profile: Profile = serde_json::from_str(&saved("peer-study/profile").unwrap()).unwrap();
    assert!(profile.language_check_off);
    visit("/");

    // A profile saved with it off opens the editor with it off.
    reset_page();
    store_started_essay(&["He was non-compliant."]);
    seed("peer-study/profile", r#"{"language_check_off":true}"#);
    let (page, section, _textarea) = open_essay().await;
    let toggle: HtmlElement = find(&page, "button.check-toggle");
    assert_eq!(
        toggle.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert!(marks(&section).is_empty());
    toggle.click();
    settle().await;
    assert_eq!(marks(&section), ["non-compliant"]);
    visit("/");
}
