//! Prep checklists: ticking shows at once in the progress words, own tasks are checked kindly and
//! keep what was typed, and focus never gets lost when a task goes.

use leptos::prelude::*;
use peer_study::app::pages::course::{EditableChecklist, PrepChecklist};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use crate::course_support::mount_at;
use crate::support::{
    click_button, el, exists, focused_id, reset_page, saved, settle, text_of, type_into, value_of,
};

#[wasm_bindgen_test]
async fn ticking_a_prep_task_updates_the_progress_words_and_is_kept() {
    reset_page();
    let page = mount_at("/", || view! { <PrepChecklist module_id="welcome"/> }).await;
    assert_eq!(
        text_of(&page, ".progress-label"),
        "0 of 4 tasks · 0 of 60 min"
    );

    el(&page, "input[id='tick-welcome:hopes']").click();
    settle().await;

    assert_eq!(
        text_of(&page, ".progress-label"),
        "1 of 4 tasks · 15 of 60 min"
    );
    let bar = el(&page, "[role=progressbar]");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("25"));
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Prep for Welcome and getting to know each other")
    );
    let saved = saved("peer-study/course").expect("the course was saved");
    assert!(
        saved.contains("\"welcome:hopes\""),
        "the tick is stored: {saved}"
    );
    let checkbox: HtmlInputElement = el(&page, "input[id='tick-welcome:hopes']").unchecked_into();
    assert!(checkbox.checked());
}

#[wasm_bindgen_test]
async fn an_own_task_without_words_is_refused_beside_the_field_and_keeps_the_minutes() {
    reset_page();
    let page = mount_at("/", || {
        view! { <EditableChecklist module_id="welcome"/> }
    })
    .await;
    el(&page, ".add-task summary").click();
    type_into(&page, "#add-task-welcome-minutes", "20");
    click_button(&page, "Add task");
    settle().await;

    let message = text_of(&page, "#add-task-welcome-text-error");
    assert!(
        message.contains("Please write what the task is"),
        "{message}"
    );
    let field = el(&page, "#add-task-welcome-text");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some("add-task-welcome-text-error")
    );
    assert_eq!(value_of(&page, "#add-task-welcome-minutes"), "20");
    assert_eq!(
        focused_id(),
        "add-task-welcome-text",
        "focus goes to the field to fix"
    );
    assert_eq!(
        text_of(&page, ".progress-label"),
        "0 of 4 tasks · 0 of 60 min"
    );
}

#[wasm_bindgen_test]
async fn an_own_task_can_be_added_edited_and_removed_without_losing_focus() {
    reset_page();
    let page = mount_at("/", || {
        view! { <EditableChecklist module_id="welcome"/> }
    })
    .await;
    type_into(&page, "#add-task-welcome-text", "Charge my laptop");
    type_into(&page, "#add-task-welcome-minutes", "5");
    click_button(&page, "Add task");
    settle().await;
    assert_eq!(
        text_of(&page, ".progress-label"),
        "0 of 5 tasks · 0 of 65 min"
    );
    assert!(text_of(&page, ".prep-list").contains("Charge my laptop"));
    assert_eq!(
        value_of(&page, "#add-task-welcome-text"),
        "",
        "ready for another"
    );

    click_button(&page, "Edit this task");
    settle().await;
    let edit_field = "#edit-task-welcome\\:own-1-text";
    assert_eq!(value_of(&page, edit_field), "Charge my laptop");
    type_into(&page, edit_field, "Charge my laptop and headphones");
    click_button(&page, "Save task");
    settle().await;
    assert!(text_of(&page, ".prep-list").contains("Charge my laptop and headphones"));
    assert_eq!(
        focused_id(),
        "edit-welcome:own-1",
        "focus returns to the Edit button"
    );

    click_button(&page, "Remove this task");
    settle().await;
    assert_eq!(focused_id(), "keep-welcome:own-1", "removing asks first");
    click_button(&page, "Yes, remove it");
    settle().await;
    assert!(!exists(&page, "input[id='tick-welcome:own-1']"));
    assert_eq!(
        focused_id(),
        "tasks-welcome",
        "focus lands on the list, not nowhere"
    );
    assert_eq!(text_of(&page, ".checklist .status"), "Task removed.");
}

#[wasm_bindgen_test]
async fn home_ticks_an_own_task_but_leaves_editing_it_to_the_module_page() {
    reset_page();
    let page = mount_at("/", || {
        view! {
            <div id="module"><EditableChecklist module_id="welcome"/></div>
            <div id="home"><PrepChecklist module_id="welcome"/></div>
        }
    })
    .await;
    el(&page, "#module .add-task summary").click();
    type_into(&page, "#add-task-welcome-text", "Ring my mentor");
    click_button(&page, "Add task");
    settle().await;

    let home = el(&page, "#home");
    let rows = home.query_selector_all(".prep-item").unwrap().length();
    assert_eq!(rows, 5, "the four built-in tasks and the trainee's own");
    assert!(text_of(&home, ".prep-list").contains("Ring my mentor"));
    assert!(
        text_of(&home, ".prep-list").contains("your own task"),
        "home says whose task it is"
    );
    assert!(!exists(&home, "button"), "no Edit or Remove on home");
    assert!(!exists(&home, ".add-task"), "no adding on home");
    assert_eq!(
        text_of(&home, ".progress-label"),
        text_of(&el(&page, "#module"), ".progress-label"),
        "both lists read the same record"
    );
}
