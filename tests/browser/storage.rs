//! The storage layer against the browser's real localStorage: round trips, a genuinely full
//! store, and records that survive being read back by a fresh start.

use leptos::prelude::*;
use peer_study::app::records::Records;
use peer_study::storage::backend::Backend;
use peer_study::storage::local_storage::LocalStorageBackend;
use peer_study::storage::store::SaveOutcome;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{reset_page, stored, NOTES};

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Fill localStorage until the browser refuses, with ever smaller pieces so that almost no
/// room is left. Returns the filler keys, to free the room again.
fn fill_to_quota() -> Vec<String> {
    let storage = local_storage();
    let mut keys = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16] {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("filler-{}", keys.len());
            if storage.set_item(&key, &chunk).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

fn free(keys: &[String]) {
    let storage = local_storage();
    for key in keys {
        storage.remove_item(key).unwrap();
    }
}

#[wasm_bindgen_test]
fn the_local_storage_backend_round_trips_and_lists_keys() {
    reset_page();
    let mut backend = LocalStorageBackend::open();
    assert!(backend.is_available());
    backend.set("peer-study/journal", "{\"a\":1}").unwrap();
    assert_eq!(
        backend.get("peer-study/journal").unwrap().as_deref(),
        Some("{\"a\":1}")
    );
    assert!(backend
        .keys()
        .unwrap()
        .contains(&"peer-study/journal".to_string()));
    backend.remove("peer-study/journal").unwrap();
    assert_eq!(backend.get("peer-study/journal").unwrap(), None);
}

#[wasm_bindgen_test]
fn every_kind_of_character_reads_back_exactly_as_it_was_written() {
    reset_page();
    // Welsh, Polish, Greek, Chinese, an emoji with a skin tone and a joiner, a line break: words
    // a trainee may type, stored as the browser holds them and read back through the backend.
    let words = "Iechyd da, Siân. Zażółć gęślą jaźń. Ελπίδα. 希望. 👩🏽‍⚕️ Hope,\nand \"quotes\".";
    let long = format!("{{\"data\":\"{}\"}}", words.repeat(2_000));
    let mut backend = LocalStorageBackend::open();
    backend.set("peer-study/journal", &long).unwrap();
    assert_eq!(backend.get("peer-study/journal").unwrap(), Some(long));
    // Written by the browser itself, not by us.
    local_storage()
        .set_item("peer-study/course", words)
        .unwrap();
    assert_eq!(
        backend.get("peer-study/course").unwrap().as_deref(),
        Some(words)
    );
    // Nothing at all, plain ASCII, and an emoji straight after a long run of ASCII (it does not
    // fit the room ASCII needs, so the rest is read on into a larger buffer).
    for text in [
        "",
        "{\"data\":\"plain\"}",
        &format!("{}🙂", "a".repeat(10_000)),
    ] {
        backend.set("peer-study/careers", text).unwrap();
        assert_eq!(
            backend.get("peer-study/careers").unwrap().as_deref(),
            Some(text)
        );
    }
    // A lone surrogate (which no keyboard types, but a broken paste could hold) reads back as the
    // replacement character, as wasm-bindgen's own strings do, never as an error.
    let lone: js_sys::JsString = js_sys::JsString::from_char_code(&[0x61, 0xD800, 0x62]);
    js_sys::Reflect::apply(
        &js_sys::Reflect::get(&local_storage(), &"setItem".into())
            .unwrap()
            .into(),
        &local_storage(),
        &js_sys::Array::of2(&"peer-study/placement".into(), &lone),
    )
    .unwrap();
    assert_eq!(
        backend.get("peer-study/placement").unwrap().as_deref(),
        Some("a\u{FFFD}b")
    );
}

#[wasm_bindgen_test]
fn a_real_full_store_is_reported_as_quota_exceeded() {
    reset_page();
    let fillers = fill_to_quota();
    assert!(!fillers.is_empty());
    let mut backend = LocalStorageBackend::open();
    let error = backend
        .set("peer-study/journal", &"y".repeat(100_000))
        .expect_err("the browser's store is full");
    free(&fillers);
    assert!(error.is_quota_exceeded(), "got {error:?}");
}

#[wasm_bindgen_test]
async fn when_the_store_fills_up_changes_are_kept_and_saved_once_there_is_room() {
    reset_page();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let journal = records.get(NOTES);
    leptos::task::tick().await;

    let fillers = fill_to_quota();
    journal.update(|entries| entries.push("A long reflection. ".repeat(5_000)));
    leptos::task::tick().await;
    let outcome = records.save_now();

    assert_eq!(outcome, SaveOutcome::StoreFull);
    let status = records.status().get_untracked();
    assert!(status.store_full.is_some(), "the lasting banner shows");
    assert!(status.unsaved);
    assert_eq!(
        journal.get_untracked().len(),
        1,
        "the words are still in memory"
    );
    assert_eq!(stored(NOTES.key()), None);

    free(&fillers);
    let outcome = records.save_now();
    assert_eq!(outcome, SaveOutcome::Saved);
    let status = records.status().get_untracked();
    assert!(
        status.store_full.is_none(),
        "the banner clears after a good save"
    );
    assert!(!status.unsaved);
    assert!(stored(NOTES.key()).unwrap().contains("A long reflection."));
}

#[wasm_bindgen_test]
async fn what_one_start_saves_the_next_start_reads() {
    reset_page();
    {
        let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
        let journal = records.get(NOTES);
        leptos::task::tick().await;
        journal.set(vec![
            "First entry".into(),
            "Second, with “curly quotes” and é".into(),
        ]);
        leptos::task::tick().await;
        records.flush();
    }
    let (records, report) = Records::start(Box::new(LocalStorageBackend::open()));
    assert!(!report.first_run);
    let journal = records.get(NOTES);
    assert_eq!(
        journal.get_untracked(),
        vec![
            "First entry".to_string(),
            "Second, with “curly quotes” and é".to_string()
        ]
    );
}

#[wasm_bindgen_test]
async fn a_backup_restored_by_replace_brings_back_the_same_records() {
    reset_page();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let journal = records.get(NOTES);
    leptos::task::tick().await;
    journal.set(vec!["Kept safe".into()]);
    leptos::task::tick().await;
    let (_, backup_text) = records.export_backup();

    journal.set(vec!["Changed afterwards".into()]);
    leptos::task::tick().await;
    records.flush();

    let backup = records
        .check_backup(&backup_text)
        .expect("our own backup is valid");
    records.restore(&backup, true).expect("restore works");
    assert_eq!(journal.get_untracked(), vec!["Kept safe".to_string()]);
    assert!(stored(NOTES.key()).unwrap().contains("Kept safe"));
}

#[wasm_bindgen_test]
async fn a_record_changed_straight_after_it_is_first_asked_for_is_saved() {
    // Guards against a bug where the save effect took its first run as "just loaded", so a
    // value set in the same step as asking for the record (starting a draft) was never saved.
    reset_page();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let journal = records.get(NOTES);
    journal.set(vec!["Started straight away".into()]);
    leptos::task::tick().await;
    records.flush();
    assert!(stored(NOTES.key())
        .expect("the record was saved")
        .contains("Started straight away"));
}

#[wasm_bindgen_test]
async fn only_reading_a_record_writes_nothing() {
    reset_page();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    let journal = records.get(NOTES);
    assert!(journal.get_untracked().is_empty());
    leptos::task::tick().await;
    records.flush();
    assert_eq!(stored(NOTES.key()), None);
}
