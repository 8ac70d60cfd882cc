//! The glossary page: typo-tolerant search, finding an entry from an "instead of" phrase, the
//! category filter, and a polite live count of what is shown.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, open_app_at, reset_page, settle, text_of, type_into};

fn result_terms(container: &web_sys::HtmlElement) -> Vec<String> {
    all(container, ".entry-list .entry-link")
        .into_iter()
        .map(|link| link.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn typing_a_misspelling_lists_the_entry_and_announces_the_count() {
    reset_page();
    let app = open_app_at("/glossary").await;

    type_into(&app, "input[type=search]", "mutualty");
    settle().await;

    let terms = result_terms(&app);
    assert_eq!(
        terms.first().map(String::as_str),
        Some("Mutuality"),
        "{terms:?}"
    );
    let status = app.query_selector(".result-count").unwrap().unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        status.text_content().unwrap(),
        format!("{} entries found for “mutualty”.", terms.len()).replace("1 entries", "1 entry")
    );
    // The result links to the entry's own page.
    let link = app.query_selector(".entry-list a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/glossary/mutuality")
    );
}

#[wasm_bindgen_test]
async fn an_entry_found_through_an_instead_of_phrase_says_what_to_try() {
    reset_page();
    let app = open_app_at("/glossary").await;

    type_into(&app, "input[type=search]", "suffers from");
    settle().await;

    assert_eq!(result_terms(&app)[0], "Suffering from");
    assert_eq!(
        text_of(&app, ".entry-via"),
        "You searched for “suffers from”: try “lives with”"
    );
    // "Instead of" and "Try" are labelled in words, not by colour.
    let labels: Vec<String> = all(&app, ".entry-row dt")
        .into_iter()
        .map(|dt| dt.text_content().unwrap())
        .collect();
    assert!(
        labels.starts_with(&["Instead of".to_string(), "Try".to_string()]),
        "{labels:?}"
    );
}

#[wasm_bindgen_test]
async fn choosing_a_category_shows_only_its_entries() {
    reset_page();
    let app = open_app_at("/glossary").await;
    let everything = result_terms(&app).len();
    assert!(everything >= 80, "browsing shows the whole glossary");
    assert_eq!(
        text_of(&app, ".result-count"),
        format!("Showing {everything} entries.")
    );

    type_into(&app, "#glossary-category", "Substance use");
    settle().await;

    let terms = result_terms(&app);
    assert!(!terms.is_empty() && terms.len() < everything);
    assert!(terms.contains(&"Addict / junkie".to_string()), "{terms:?}");
    assert_eq!(
        text_of(&app, ".result-count"),
        format!("Showing {} entries in Substance use.", terms.len())
    );
}

#[wasm_bindgen_test]
async fn a_search_with_no_match_says_so_kindly() {
    reset_page();
    let app = open_app_at("/glossary").await;

    type_into(&app, "input[type=search]", "zzqxv");
    settle().await;

    assert!(result_terms(&app).is_empty());
    assert!(text_of(&app, ".result-count").starts_with("No entries found for “zzqxv”."));
}
