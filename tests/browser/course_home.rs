//! Home: a first visit invites setting the course dates; once they are set, the next session's
//! prep can be ticked right there.

use peer_study::app::clock::today;
use peer_study::app::pages::HomePage;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::course_support::mount_at;
use crate::support::{el, reset_page, saved, seed, settle, text_of};

#[wasm_bindgen_test]
async fn a_first_visit_invites_setting_the_course_dates() {
    reset_page();
    let page = mount_at("/", HomePage).await;
    let link = el(&page, "a[href='/course/dates']");
    assert_eq!(link.text_content().unwrap(), "Set your course start date");
    assert!(text_of(&page, ".home-headline").starts_with("Set your course start date"));
}

#[wasm_bindgen_test]
async fn the_next_sessions_prep_can_be_ticked_from_home() {
    reset_page();
    let start = today().add_days(3);
    seed(
        "peer-study/schedule",
        &format!(
            r#"{{"start":"{start}","weekday":"{}"}}"#,
            start.weekday().name().to_lowercase()
        ),
    );
    let page = mount_at("/", HomePage).await;
    assert!(text_of(&page, ".home-headline").starts_with("Day 1 is in 3 days"));
    assert!(text_of(&page, "#home-next + .module-meta").contains(&start.display_short()));
    assert_eq!(
        text_of(&page, ".home-module h3"),
        "Welcome and getting to know each other"
    );

    el(&page, "input[id='tick-welcome:course-shape']").click();
    el(&page, "input[id='tick-welcome:hopes']").click();
    settle().await;
    assert_eq!(
        text_of(&page, ".home-module .progress-label"),
        "2 of 4 tasks · 30 of 60 min"
    );
    assert!(text_of(&page, ".home-headline").contains("2 prep tasks to go"));
    assert!(saved("peer-study/course")
        .unwrap()
        .contains("welcome:course-shape"));
    assert!(text_of(&page, ".graduation h3 + p").contains("You're on track"));
}
