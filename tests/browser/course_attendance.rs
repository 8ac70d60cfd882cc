//! Attendance: each day is a labelled radio group, and the page says in plain words how many more
//! days can be missed.

use peer_study::app::pages::course::AttendancePage;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::course_support::mount_at;
use crate::support::{el, reset_page, saved, seed, settle, text_of};

#[wasm_bindgen_test]
async fn marking_days_says_how_many_more_can_be_missed() {
    reset_page();
    seed(
        "peer-study/schedule",
        r#"{"start":"2026-03-03","weekday":"tuesday"}"#,
    );
    let page = mount_at("/course/attendance", AttendancePage).await;
    assert_eq!(page.query_selector_all(".day-marks").unwrap().length(), 10);
    assert!(text_of(&page, "label[for='mark-day-1-attended']") == "Attended");

    el(&page, "#mark-day-1-attended").click();
    el(&page, "#mark-day-2-missed").click();
    settle().await;

    let standing = text_of(&page, ".standing");
    assert!(
        standing.contains("You can miss 1 more day and still graduate"),
        "{standing}"
    );
    assert_eq!(
        el(&page, ".standing").get_attribute("role").as_deref(),
        Some("status")
    );
    // Said once, in the standing, not repeated beside it.
    let summary = text_of(&page, ".attendance-summary");
    assert_eq!(summary.matches("8 of 10 days").count(), 1, "{summary}");
    let saved = saved("peer-study/attendance").unwrap();
    assert!(
        saved.contains("\"1\":\"attended\"") && saved.contains("\"2\":\"missed\""),
        "{saved}"
    );

    el(&page, "#mark-day-2-none").click();
    settle().await;
    assert!(text_of(&page, ".standing").contains("up to 2 more days"));
}

#[wasm_bindgen_test]
async fn an_extra_day_on_a_session_date_is_explained_beside_the_field() {
    reset_page();
    seed(
        "peer-study/schedule",
        r#"{"start":"2026-03-03","weekday":"tuesday"}"#,
    );
    let page = mount_at("/course/attendance", AttendancePage).await;
    crate::support::type_into(&page, "#extra-day-date", "2026-03-10");
    crate::support::type_into(&page, "#extra-day-label", "Catch-up");
    crate::support::click_button(&page, "Add extra day");
    settle().await;
    assert!(text_of(&page, "#extra-day-date-error").contains("Day 2 is already on that date"));
    assert_eq!(
        crate::support::value_of(&page, "#extra-day-label"),
        "Catch-up"
    );
}

#[wasm_bindgen_test]
async fn an_unmarked_day_is_still_to_come_or_not_marked_yet_depending_on_the_date() {
    reset_page();
    seed(
        "peer-study/schedule",
        r#"{"start":"2020-01-07","weekday":"tuesday"}"#,
    );
    let page = mount_at("/course/attendance", AttendancePage).await;
    assert_eq!(
        text_of(&page, "label[for='mark-day-1-none']"),
        "Not marked yet"
    );

    reset_page();
    seed(
        "peer-study/schedule",
        r#"{"start":"2099-01-06","weekday":"tuesday"}"#,
    );
    let page = mount_at("/course/attendance", AttendancePage).await;
    assert_eq!(
        text_of(&page, "label[for='mark-day-1-none']"),
        "Still to come"
    );
}
