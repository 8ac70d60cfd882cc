//! Keeping data on the device (issue 14, part C), in the browser: the home page's backup card
//! waits for the trainee's first entry, then says "No backup yet" with a one-tap backup, and a
//! backup made there is noted on this device (outside the store) and said as "today".

use leptos::prelude::*;
use peer_study::app::clock::today;
use peer_study::app::notices::{BackupReminder, DeviceSafety};
use peer_study::app::records::Records;
use peer_study::domain::course::CourseState;
use peer_study::domain::journal::JournalDraft;
use peer_study::storage::device_notes::LAST_BACKUP;
use peer_study::storage::record_names::JOURNAL;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, fresh_container, reset_page, settle, stored};

#[wasm_bindgen_test]
async fn the_backup_card_waits_for_the_first_entry_then_one_tap_backs_up_and_says_today() {
    reset_page();
    let container = fresh_container();
    let records = Records::in_memory();
    let safety = DeviceSafety::start();
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(records);
        provide_context(safety);
        view! { <BackupReminder/> }
    })
    .forget();
    settle().await;
    let text = || container.text_content().unwrap_or_default();
    assert!(button(&container, "Back up now").is_none(), "{}", text());
    assert!(!text().contains("No backup yet"));

    // The first entry: a reflection, saved.
    records.get(JOURNAL).update(|journal| {
        let mut draft = JournalDraft::new(today(), None);
        draft.body = "Hope came back slowly, through small things.".into();
        journal
            .add(&draft, &CourseState::default(), 1_800_000_000_000)
            .unwrap();
    });
    // The record's effect marks it changed on the next tick; then it is saved.
    settle().await;
    records.save_now();
    settle().await;
    assert!(text().contains("No backup yet"), "{}", text());
    assert!(text().contains("A backup file keeps a spare copy"));

    button(&container, "Back up now")
        .expect("the Back up now button")
        .click();
    settle().await;
    assert!(text().contains("Last backup: today"), "{}", text());
    assert!(
        !text().contains("spare copy"),
        "no nudge right after a backup"
    );
    assert!(
        stored(LAST_BACKUP).is_some(),
        "the backup is noted on this device"
    );
}
