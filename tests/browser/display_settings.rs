//! The settings page applies a theme and text size at once and remembers them on this device.

use leptos::prelude::*;
use peer_study::app::display_settings::DisplaySettingsState;
use peer_study::app::pages::SettingsPage;
use peer_study::app::records::Records;
use peer_study::storage::local_storage::LocalStorageBackend;
use peer_study::storage::schema::Meta;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlInputElement;

use crate::support::{find, fresh_container, reset_page, root_attribute, store, stored};

/// Mount the settings page over the real localStorage, as the app does.
fn mount_settings() -> (web_sys::HtmlElement, Records) {
    let container = fresh_container();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(records);
        provide_context(DisplaySettingsState::load_and_apply(records));
        view! { <SettingsPage/> }
    });
    // Keep the view alive for the rest of the test; the next test removes the element.
    handle.forget();
    (container, records)
}

#[wasm_bindgen_test]
async fn choosing_dark_applies_it_to_the_page_and_remembers_it() {
    reset_page();
    let (container, records) = mount_settings();
    leptos::task::tick().await;

    let system: HtmlInputElement = find(&container, "#theme-system");
    assert!(system.checked(), "a first visit follows the device");
    assert_eq!(root_attribute("data-theme"), None);

    find::<HtmlInputElement>(&container, "#theme-dark").click();
    leptos::task::tick().await;
    assert_eq!(root_attribute("data-theme").as_deref(), Some("dark"));
    assert!(!system.checked());

    // What a closing tab does: save at once.
    records.flush();
    let saved = stored("peer-study/settings").expect("the settings record is saved");
    assert!(saved.contains("\"theme\":\"dark\""), "saved: {saved}");
}

#[wasm_bindgen_test]
async fn choosing_larger_text_applies_it_and_remembers_it() {
    reset_page();
    let (container, records) = mount_settings();
    leptos::task::tick().await;

    find::<HtmlInputElement>(&container, "#text-size-larger").click();
    leptos::task::tick().await;
    records.flush();

    assert_eq!(root_attribute("data-text-size").as_deref(), Some("larger"));
    let saved = stored("peer-study/settings").unwrap();
    assert!(saved.contains("\"text_size\":\"larger\""), "saved: {saved}");
}

#[wasm_bindgen_test]
async fn settings_saved_by_the_first_version_are_carried_over_and_applied() {
    // Schema version 1 kept the two settings as plain strings under their own keys.
    reset_page();
    store("peer-study.theme", "light");
    store("peer-study.text-size", "large");
    let (container, _) = mount_settings();
    leptos::task::tick().await;

    assert_eq!(root_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(root_attribute("data-text-size").as_deref(), Some("large"));
    assert!(find::<HtmlInputElement>(&container, "#theme-light").checked());
    assert!(find::<HtmlInputElement>(&container, "#text-size-large").checked());
}

#[wasm_bindgen_test]
async fn an_unreadable_settings_record_is_set_aside_and_never_written_over() {
    // Guards against the classic local-first bug: reading something unexpected and writing a
    // default over it before the trainee has chosen anything.
    reset_page();
    let garbled = "{\"rev\":3,\"saved_at\":1,\"data\":{\"theme\":";
    store("peer-study/meta", &Meta::current().encode());
    store("peer-study/settings", garbled);
    let (container, records) = mount_settings();
    leptos::task::tick().await;

    assert!(find::<HtmlInputElement>(&container, "#theme-system").checked());
    assert_eq!(records.status().get_untracked().set_aside, 1);

    // Even after a new choice and a save, the original text is still there.
    find::<HtmlInputElement>(&container, "#theme-dark").click();
    leptos::task::tick().await;
    records.flush();
    assert_eq!(stored("peer-study/settings").as_deref(), Some(garbled));
    // The unreadable copy (the new choice waits in a copy of its own until the trainee decides).
    let unreadable = records
        .set_aside()
        .into_iter()
        .find(|copy| copy.kind == peer_study::storage::quarantine::SetAsideKind::Unreadable)
        .unwrap();
    let copy = records.set_aside_raw(&unreadable.key);
    assert_eq!(copy.as_deref(), Some(garbled));
}
