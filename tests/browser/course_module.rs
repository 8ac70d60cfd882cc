//! A module's page inside the whole app: setting a module aside and putting it back keeps its
//! ticks, and records stay live (and saved) after the page that first used them has gone.

use leptos::prelude::*;
use peer_study::app::pages::course::PrepChecklist;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::course_support::mount_at;
use crate::support::{
    click_button, el, exists, focused_id, open_app_at, reset_page, saved, seed, settle, text_of,
};

#[wasm_bindgen_test]
async fn a_module_set_aside_and_put_back_keeps_its_ticks_and_place() {
    reset_page();
    seed(
        "peer-study/course",
        r#"{"ticked":["personal-recovery:chime-link"]}"#,
    );
    let page = open_app_at("/course/personal-recovery").await;
    assert!(text_of(&page, ".module-meta").starts_with("Module 3 of 16"));

    click_button(&page, "Set this module aside");
    settle().await;
    assert_eq!(
        focused_id(),
        "put-back-button",
        "focus goes to the way back"
    );
    assert!(!exists(&page, ".prep-list"));
    let course: serde_json::Value =
        serde_json::from_str(&saved("peer-study/course").unwrap()).unwrap();
    assert_eq!(course["set_aside"][0]["id"], "personal-recovery");

    click_button(&page, "Put it back");
    settle().await;
    assert!(
        text_of(&page, ".module-meta").starts_with("Module 3 of 16"),
        "back in its place"
    );
    assert_eq!(
        text_of(&page, ".progress-label"),
        "1 of 4 tasks · 10 of 55 min"
    );
    assert_eq!(focused_id(), "module-status");
}

#[wasm_bindgen_test]
async fn moving_a_module_earlier_says_where_it_is_now() {
    reset_page();
    let page = open_app_at("/course/personal-recovery").await;
    click_button(&page, "Move earlier");
    settle().await;
    assert!(text_of(&page, ".module-meta").starts_with("Module 2 of 16"));
    assert!(text_of(&page, "#change-heading ~ .status").contains("now module 2 of 16"));
}

// Regression: the shared record signal used to belong to the first component that asked for it,
// so once that component was gone (the trainee left the page) later ticks were neither shown nor
// saved.
#[wasm_bindgen_test]
async fn a_record_stays_live_after_the_component_that_first_used_it_has_gone() {
    reset_page();
    let first_page_showing = RwSignal::new(true);
    let page = mount_at("/", move || {
        view! {
            <Show when=move || first_page_showing.get()>
                <PrepChecklist module_id="welcome"/>
            </Show>
            <Show when=move || !first_page_showing.get()>
                <PrepChecklist module_id="what-is-recovery"/>
            </Show>
        }
    })
    .await;
    assert!(
        exists(&page, "input[id='tick-welcome:hopes']"),
        "the first reader is showing"
    );
    first_page_showing.set(false);
    settle().await;
    el(&page, "input[id='tick-what-is-recovery:chime']").click();
    settle().await;
    assert_eq!(
        text_of(&page, ".progress-label"),
        "1 of 4 tasks · 15 of 55 min"
    );
    assert!(saved("peer-study/course")
        .unwrap()
        .contains("what-is-recovery:chime"));
}
