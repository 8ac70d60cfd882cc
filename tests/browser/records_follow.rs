//! Open views follow the store, as a property of the records layer: another tab's save and a
//! choice between two tabs' versions reach the record's signal and raise its outside-changes
//! count (which views holding their own copy of the text, like the essay's textareas, reload
//! on), without counting as a change made here.

use leptos::prelude::*;
use peer_study::app::records::Records;
use peer_study::storage::local_storage::LocalStorageBackend;
use peer_study::storage::store::Keep;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{reset_page, store, NOTES};

/// What another tab's save looks like to this one: the stored text changes, then a `storage`
/// event names the key.
fn other_tab_saves(key: &str, raw: &str) {
    store(key, raw);
    let event = web_sys::StorageEvent::new("storage").unwrap();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::from_str(key)).unwrap();
    js_sys::Object::define_property(&event, &"key".into(), &descriptor);
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn another_tabs_save_and_a_conflict_choice_reach_every_open_view() {
    // Guards against an open editor that kept stale text after another tab's save or a choice
    // of "Use the other tab's version", and then typed it back over the newer words.
    reset_page();
    let owner = Owner::new();
    owner.set();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let notes = records.get(NOTES);
    let outside = records.outside_changes(NOTES);
    leptos::task::tick().await;
    // A first visit stores which version saved the data; nothing else is waiting.
    records.save_now();
    assert!(!records.has_unsaved_changes());
    assert_eq!(outside.get_untracked(), 0);

    other_tab_saves(
        "peer-study/notes",
        r#"{"rev":1,"saved_at":5,"data":["from the other tab"]}"#,
    );
    leptos::task::tick().await;
    assert_eq!(
        notes.get_untracked(),
        vec!["from the other tab".to_string()]
    );
    assert_eq!(outside.get_untracked(), 1);
    // Following the store is not a change made here: nothing waits to be saved.
    assert!(!records.has_unsaved_changes());

    // Both tabs change it at once: this tab is asked to choose.
    notes.set(vec!["typed here".to_string()]);
    leptos::task::tick().await;
    other_tab_saves(
        "peer-study/notes",
        r#"{"rev":2,"saved_at":6,"data":["newer there"]}"#,
    );
    leptos::task::tick().await;
    assert_eq!(
        records.status().get_untracked().conflicts,
        vec!["peer-study/notes".to_string()]
    );
    assert_eq!(notes.get_untracked(), vec!["typed here".to_string()]);

    records.resolve_conflict("peer-study/notes", Keep::Theirs);
    leptos::task::tick().await;
    assert_eq!(notes.get_untracked(), vec!["newer there".to_string()]);
    assert_eq!(outside.get_untracked(), 2);
    let notice = records.status().get_untracked().notice.unwrap_or_default();
    assert!(notice.contains("other tab's version"), "{notice}");
    // This tab's words are kept aside, not lost.
    assert!(records.set_aside().iter().any(|copy| records
        .set_aside_raw(&copy.key)
        .is_some_and(|raw| raw.contains("typed here"))));
}
