//! The settings page applies a theme and text size at once and remembers them on this device.

use leptos::prelude::*;
use peer_study::app::display_settings::{DisplaySettingsState, TEXT_SIZE_KEY, THEME_KEY};
use peer_study::app::pages::SettingsPage;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use crate::support::{find, fresh_container, reset_page, root_attribute, store, stored};

fn mount_settings() -> web_sys::HtmlElement {
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), || {
        provide_context(DisplaySettingsState::load_and_apply());
        view! { <SettingsPage/> }
    });
    // Keep the view alive for the rest of the test; the next test removes the element.
    handle.forget();
    container
}

#[wasm_bindgen_test]
async fn choosing_dark_applies_it_to_the_page_and_remembers_it() {
    reset_page();
    let container = mount_settings();
    leptos::task::tick().await;

    let system: HtmlInputElement = find(&container, "#theme-system");
    assert!(system.checked(), "a first visit follows the device");
    assert_eq!(root_attribute("data-theme"), None);

    find::<HtmlInputElement>(&container, "#theme-dark").click();
    leptos::task::tick().await;

    assert_eq!(root_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(stored(THEME_KEY).as_deref(), Some("dark"));
    assert!(!system.checked());
}

#[wasm_bindgen_test]
async fn choosing_larger_text_applies_it_and_remembers_it() {
    reset_page();
    let container = mount_settings();
    leptos::task::tick().await;

    find::<HtmlInputElement>(&container, "#text-size-larger").click();
    leptos::task::tick().await;

    assert_eq!(root_attribute("data-text-size").as_deref(), Some("larger"));
    assert_eq!(stored(TEXT_SIZE_KEY).as_deref(), Some("larger"));
}

#[wasm_bindgen_test]
async fn stored_choices_are_applied_before_the_trainee_does_anything() {
    reset_page();
    store(THEME_KEY, "light");
    store(TEXT_SIZE_KEY, "large");
    let container = mount_settings();
    leptos::task::tick().await;

    assert_eq!(root_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(root_attribute("data-text-size").as_deref(), Some("large"));
    assert!(find::<HtmlInputElement>(&container, "#theme-light").checked());
    assert!(find::<HtmlInputElement>(&container, "#text-size-large").checked());
}

#[wasm_bindgen_test]
async fn an_unknown_stored_value_is_read_as_the_default_and_left_untouched() {
    // Guards against the classic local-first bug: reading something unexpected and writing a
    // default over it before the trainee has chosen anything.
    reset_page();
    store(THEME_KEY, "sepia");
    let container = mount_settings();
    leptos::task::tick().await;

    assert!(find::<HtmlInputElement>(&container, "#theme-system").checked());
    assert_eq!(stored(THEME_KEY).as_deref(), Some("sepia"));
}
