//! The "new version is ready" banner: silent until a new version waits, then a polite status with
//! one button, and it never takes focus from what the trainee is doing.

use leptos::prelude::*;
use peer_study::app::app_update::{AppUpdate, UpdateState};
use peer_study::app::records::Records;
use peer_study::app::update_banner::UpdateBanner;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::support::{fresh_container, reset_page};

/// The banner beside a text field the trainee is typing in.
fn mount(update: AppUpdate) -> HtmlElement {
    reset_page();
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(Records::in_memory());
        provide_context(update);
        view! {
            <label for="typing">"Notes"</label>
            <input id="typing" type="text"/>
            <UpdateBanner/>
        }
    })
    .forget();
    container
}

#[wasm_bindgen_test]
async fn nothing_shows_while_this_is_the_newest_version() {
    let container = mount(AppUpdate::inactive());
    leptos::task::tick().await;
    assert!(container
        .query_selector(".update-banner")
        .unwrap()
        .is_none());
    assert!(container.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_waiting_version_is_offered_politely_without_taking_focus() {
    let update = AppUpdate::inactive();
    let container = mount(update);
    leptos::task::tick().await;
    let field: HtmlElement = container
        .query_selector("#typing")
        .unwrap()
        .unwrap()
        .unchecked_into();
    field.focus().unwrap();

    update.offer();
    leptos::task::tick().await;

    assert_eq!(update.state().get_untracked(), UpdateState::Ready);
    let banner = container
        .query_selector("[role='status'] > .update-banner")
        .unwrap()
        .expect("a banner inside the live region");
    assert!(banner
        .text_content()
        .unwrap()
        .contains("A new version of Peer Study is ready."));
    let button = banner.query_selector("button").unwrap().expect("a button");
    assert_eq!(button.text_content().unwrap(), "Reload to update");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    // The trainee's typing is not interrupted.
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), "typing");
}
