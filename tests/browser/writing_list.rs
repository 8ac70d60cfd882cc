//! The assignments list: a course assignment starts with one tap and is stored with its draft;
//! an own assignment without a title is explained beside the field and nothing is stored.

use peer_study::app::App;
use peer_study::domain::assignment::{Assignment, Draft};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::support::{click_button, find, fresh_container, reset_page, saved, text_of, visit};

#[wasm_bindgen_test]
async fn starting_a_course_assignment_stores_it_with_its_outline_and_opens_it() {
    reset_page();
    visit("/assignments");
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    leptos::task::tick().await;

    let essay: HtmlElement = find(
        &container,
        "article[aria-labelledby='assignment-recovery-story-essay']",
    );
    click_button(&essay, "Start writing");
    // The editor opens once the router has followed the navigation.
    for _ in 0..50 {
        leptos::task::tick().await;
        if text_of(&container, "main h1") != "Assignments" {
            break;
        }
    }

    let assignments: Vec<Assignment> =
        serde_json::from_str(&saved("peer-study/assignments").unwrap()).unwrap();
    assert_eq!(assignments.len(), 1);
    assert_eq!(assignments[0].id, "recovery-story-essay");
    let draft: Draft =
        serde_json::from_str(&saved("peer-study/draft/recovery-story-essay").unwrap()).unwrap();
    assert_eq!(draft.sections.len(), 6);
    assert_eq!(
        text_of(&container, "main h1"),
        "Reflective essay: my recovery story"
    );
    assert_eq!(
        web_sys::window().unwrap().location().pathname().unwrap(),
        "/assignments/recovery-story-essay"
    );
    visit("/");
}

#[wasm_bindgen_test]
async fn an_own_assignment_without_a_title_is_explained_beside_the_field() {
    reset_page();
    visit("/assignments");
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    leptos::task::tick().await;

    let title: HtmlInputElement = find(&container, "#own-title");
    title.set_value("   ");
    click_button(&container, "Add assignment");
    leptos::task::tick().await;

    assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        text_of(&container, "#own-title-error"),
        "A title needs at least one word."
    );
    assert_eq!(
        title.get_attribute("aria-describedby").as_deref(),
        Some("own-title-error")
    );
    assert!(saved("peer-study/assignments").is_none(), "nothing stored");
    visit("/");
}
