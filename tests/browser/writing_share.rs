//! The share sheet: offered only where the browser says it can share files, and then called with
//! the exported file. Headless Chromium on Linux has no share sheet, so the test gives it one.

use js_sys::{Function, Reflect};
use peer_study::app::App;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{click_button, fresh_container, reset_page, visit};
use crate::writing_support::store_started_essay;

/// Give `navigator` a share sheet that accepts files and remembers what it was handed.
fn install_share_sheet() {
    let navigator = web_sys::window().unwrap().navigator();
    let can_share = Function::new_with_args("data", "return Array.isArray(data.files);");
    let share = Function::new_with_args(
        "data",
        "window.__sharedFile = data.files[0].name; return Promise.resolve();",
    );
    Reflect::set(&navigator, &"canShare".into(), &can_share).unwrap();
    Reflect::set(&navigator, &"share".into(), &share).unwrap();
}

fn remove_share_sheet() {
    let navigator = web_sys::window().unwrap().navigator();
    Reflect::delete_property(&navigator, &"canShare".into()).unwrap();
    Reflect::delete_property(&navigator, &"share".into()).unwrap();
}

fn has_button(container: &web_sys::HtmlElement, label: &str) -> bool {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length()).any(|i| {
        buttons
            .item(i)
            .unwrap()
            .text_content()
            .unwrap_or_default()
            .trim()
            == label
    })
}

#[wasm_bindgen_test]
async fn without_a_share_sheet_only_downloads_are_offered() {
    reset_page();
    store_started_essay(&["Some words."]);
    visit("/assignments/recovery-story-essay");
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    leptos::task::tick().await;

    assert!(has_button(&container, "Download Word document (.docx)"));
    assert!(!has_button(&container, "Share Word document…"));
    visit("/");
}

#[wasm_bindgen_test]
async fn where_files_can_be_shared_the_share_sheet_gets_the_exported_file() {
    reset_page();
    install_share_sheet();
    store_started_essay(&["Some words."]);
    visit("/assignments/recovery-story-essay");
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    leptos::task::tick().await;

    click_button(&container, "Share Word document…");
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    let shared = Reflect::get(&web_sys::window().unwrap(), &"__sharedFile".into()).unwrap();
    remove_share_sheet();
    let name = shared
        .as_string()
        .expect("the share sheet was opened with a file");
    assert!(
        name.starts_with("reflective-essay-my-recovery-story-"),
        "{name}"
    );
    assert!(name.ends_with(".docx"), "{name}");
    let status = container
        .query_selector(".export-panel [role='status']")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(status.contains("is ready to share"), "{status}");
    visit("/");
}
