//! The "My data" page: making room clears older automatic draft versions and keeps named ones.

use leptos::prelude::*;
use peer_study::app::pages::MyDataPage;
use peer_study::app::records::Records;
use peer_study::domain::assignment::{course_assignment, Assignment};
use peer_study::domain::history::{History, ThinningPolicy};
use peer_study::storage::local_storage::LocalStorageBackend;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{button, fresh_container, reset_page, saved, seed, settle, text_of};

/// A history of 60 automatic versions ten minutes apart, each about 6 KB, and one named.
fn long_history() -> History {
    let template = course_assignment("recovery-story-essay").unwrap();
    let (_, mut draft) = Assignment::start_from_course(template, 0);
    let section = draft.sections[0].id;
    let policy = ThinningPolicy::default();
    let mut history = History::new();
    let minute = 60_000;
    for i in 0..60 {
        let now = 1_795_000_000_000 + i * 10 * minute;
        let text = format!("Version {i}. ") + &"Hope grows in small steps. ".repeat(220);
        draft
            .set_section_text(section, text, now - 2 * minute)
            .unwrap();
        history.take_auto_if_due(&draft, now, now - 2 * minute, &policy);
        if i == 5 {
            history
                .take_named(&draft, "First full draft", now + 1, &policy)
                .unwrap();
        }
    }
    history
}

#[wasm_bindgen_test]
async fn making_room_clears_older_automatic_versions_and_keeps_named_ones() {
    reset_page();
    let history = long_history();
    let before = history.snapshots().len();
    assert!(before > 50, "the test history is long ({before})");
    seed(
        "peer-study/history/recovery-story-essay",
        &serde_json::to_string(&history).unwrap(),
    );
    let container = fresh_container();
    let (records, _) = Records::start(Box::new(LocalStorageBackend::open()));
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(records);
        view! { <MyDataPage/> }
    })
    .forget();
    settle().await;

    button(&container, "Clear older draft versions")
        .expect("the Clear older draft versions button")
        .click();
    settle().await;

    let after: History =
        serde_json::from_str(&saved("peer-study/history/recovery-story-essay").unwrap()).unwrap();
    assert!(
        after.snapshots().len() < before,
        "some versions were cleared"
    );
    assert!(after
        .snapshots()
        .iter()
        .any(|s| s.label().contains("First full draft")));
    assert!(text_of(
        &container,
        "section[aria-labelledby='room-heading'] [role='status']"
    )
    .starts_with("Cleared "));
}
