//! The trainee's own entries: the form keeps what was typed and explains problems beside the
//! field; a saved entry's "instead of" phrase is flagged by the "try the checker" box, whose
//! suggestion can be applied and undone.

use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

use crate::glossary_support::stored_glossary;
use crate::support::{
    all, click_button, find, open_app_at, reset_page, settle, text_of, type_into,
};

#[wasm_bindgen_test]
async fn a_missing_explanation_is_explained_beside_the_field_and_the_typing_is_kept() {
    reset_page();
    let app = open_app_at("/glossary/new").await;
    type_into(&app, "#own-term", "Thriving");
    settle().await;
    type_into(&app, "#own-instead-of", "coping badly");
    settle().await;

    click_button(&app, "Save entry");
    settle().await;

    let explanation: HtmlTextAreaElement = find(&app, "#own-explanation");
    assert_eq!(
        explanation.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described = explanation.get_attribute("aria-describedby").unwrap();
    assert!(described.contains("own-explanation-error"));
    assert!(text_of(&app, "#own-explanation-error").contains("what it means to you"));
    // Nothing typed is lost, and nothing was saved.
    assert_eq!(
        find::<HtmlInputElement>(&app, "#own-term").value(),
        "Thriving"
    );
    assert_eq!(
        find::<HtmlTextAreaElement>(&app, "#own-instead-of").value(),
        "coping badly"
    );
    assert!(stored_glossary().own_entries.is_empty());
    assert!(find::<HtmlInputElement>(&app, "#own-term")
        .get_attribute("aria-invalid")
        .is_none());
}

#[wasm_bindgen_test]
async fn an_own_instead_of_phrase_is_flagged_by_the_checker_and_its_suggestion_applied_and_undone()
{
    reset_page();
    let app = open_app_at("/glossary/new").await;
    type_into(&app, "#own-term", "Battling");
    settle().await;
    type_into(
        &app,
        "#own-explanation",
        "I'd rather not describe my life as a war.",
    );
    settle().await;
    type_into(&app, "#own-instead-of", "battling with\nbattles with");
    settle().await;
    type_into(&app, "#own-suggestions", "working through");
    settle().await;
    type_into(&app, "#own-why", "It makes every day sound like a fight.");
    settle().await;

    click_button(&app, "Save entry");
    settle().await;

    let saved = stored_glossary();
    assert_eq!(saved.own_entries.len(), 1);
    assert_eq!(saved.own_entries[0].term, "Battling");
    assert_eq!(
        text_of(&app, "main h1"),
        "Battling",
        "the new entry's page opens"
    );

    let app = open_app_at("/glossary").await;
    type_into(
        &app,
        "#try-checker-text",
        "She has been battling with anxiety.",
    );
    settle().await;

    let findings = all(&app, ".finding");
    assert_eq!(findings.len(), 1);
    assert!(text_of(&app, ".finding-phrase").contains("“battling with”"));
    assert_eq!(
        text_of(&app, ".finding-why"),
        "It makes every day sound like a fight."
    );

    click_button(&app, "Use “working through”");
    settle().await;
    let text: HtmlTextAreaElement = find(&app, "#try-checker-text");
    assert_eq!(text.value(), "She has been working through anxiety.");
    assert!(all(&app, ".finding").is_empty());

    click_button(&app, "Undo");
    settle().await;
    assert_eq!(text.value(), "She has been battling with anxiety.");
    assert_eq!(all(&app, ".finding").len(), 1);
}

#[wasm_bindgen_test]
async fn what_the_trainee_types_in_the_checker_is_shown_as_text_never_as_markup() {
    reset_page();
    let app = open_app_at("/glossary").await;
    type_into(
        &app,
        "#try-checker-text",
        "<b>He</b> is \"non-compliant\" and non-compliant <img src=x onerror=alert(1)>",
    );
    settle().await;
    assert!(app
        .query_selector(".try-checker b, .try-checker img")
        .unwrap()
        .is_none());
    assert!(text_of(&app, ".finding-phrase").contains("non-compliant"));
}
