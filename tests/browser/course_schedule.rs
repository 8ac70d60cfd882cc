//! Course dates: setting them up lists the days; a date that doesn't fit is explained beside its
//! field and kept as typed; letting days slip a week never touches ticks or notes.

use peer_study::app::pages::course::SchedulePage;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::course_support::mount_at;
use crate::support::{
    click_button, el, reset_page, saved, seed, settle, text_of, type_into, value_of,
};

const TUESDAYS: &str = r#"{"start":"2026-03-03","weekday":"tuesday"}"#;

#[wasm_bindgen_test]
async fn setting_the_start_date_and_weekday_lists_ten_days_with_their_modules() {
    reset_page();
    let page = mount_at("/course/dates", SchedulePage).await;
    type_into(&page, "#schedule-start", "2026-03-01");
    type_into(&page, "#schedule-weekday", "1");
    click_button(&page, "Set up my dates");
    settle().await;

    assert_eq!(page.query_selector_all(".day-row").unwrap().length(), 10);
    assert!(text_of(&page, ".day-row .day-title").contains("Day 1 · Tue 3 Mar 2026"));
    assert!(
        text_of(&page, ".day-row .day-modules").contains("Welcome and getting to know each other")
    );
    assert!(text_of(&page, "#schedule-form .status").contains("10 classroom days on Tuesdays"));
    assert!(saved("peer-study/schedule").unwrap().contains("2026-03-01"));
}

#[wasm_bindgen_test]
async fn a_missing_start_date_is_asked_for_beside_the_field() {
    reset_page();
    let page = mount_at("/course/dates", SchedulePage).await;
    type_into(&page, "#schedule-days", "12");
    click_button(&page, "Set up my dates");
    settle().await;
    assert!(text_of(&page, "#schedule-start-error")
        .contains("Please choose the date your course starts"));
    assert_eq!(value_of(&page, "#schedule-days"), "12");
    assert_eq!(saved("peer-study/schedule"), None, "nothing saved");
}

#[wasm_bindgen_test]
async fn a_date_before_the_day_before_is_refused_beside_the_field_and_kept_as_typed() {
    reset_page();
    seed("peer-study/schedule", TUESDAYS);
    let page = mount_at("/course/dates", SchedulePage).await;
    type_into(&page, "#day-3-date", "2026-03-05");
    click_button(&page, "Move day 3");
    settle().await;

    let message = text_of(&page, "#day-3-date-error");
    assert!(
        message.contains("That's before day 2 (Tue 10 Mar 2026)"),
        "{message}"
    );
    assert_eq!(value_of(&page, "#day-3-date"), "2026-03-05");
    assert_eq!(
        el(&page, "#day-3-date")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        saved("peer-study/schedule").as_deref(),
        Some(TUESDAYS),
        "the dates were not changed, not even rewritten"
    );
}

#[wasm_bindgen_test]
async fn everything_from_a_day_slips_a_week_and_ticks_and_notes_stay() {
    reset_page();
    seed("peer-study/schedule", TUESDAYS);
    let course = r#"{"ticked":["welcome:hopes"],"notes":{"welcome":"Nervous but excited"}}"#;
    seed("peer-study/course", course);
    let page = mount_at("/course/dates", SchedulePage).await;
    click_button(&page, "Day 2 and every day after it slip a week");
    settle().await;

    let rows = page.query_selector_all(".day-row .day-title").unwrap();
    let day = |i: u32| rows.item(i).unwrap().text_content().unwrap();
    assert!(day(0).contains("Tue 3 Mar 2026"), "day 1 stays: {}", day(0));
    assert!(
        day(1).contains("Tue 17 Mar 2026"),
        "day 2 slips: {}",
        day(1)
    );
    assert!(
        day(9).contains("Tue 12 May 2026"),
        "so does the last: {}",
        day(9)
    );
    assert_eq!(
        saved("peer-study/course").as_deref(),
        Some(course),
        "ticks and notes untouched"
    );
}
