//! A trainee's first weeks through the public domain API, with a save and reload (a JSON round
//! trip) in the middle: the native twin of the end-to-end journey.

use crate::support::date;
use peer_study::domain::attendance::{Attendance, DayRef, Mark, Standing};
use peer_study::domain::course::CourseState;
use peer_study::domain::date::Weekday;
use peer_study::domain::journal::{Journal, JournalDraft};
use peer_study::domain::next_steps::{what_next, Stage};
use peer_study::domain::placement::{PlacementDraft, PlacementLog};
use peer_study::domain::progress::{course_progress, module_progress};
use peer_study::domain::schedule::{Schedule, ScheduleDraft};

/// Serialises and reads back, as the storage layer will on a reload.
fn reload<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

#[test]
fn a_cohort_starting_next_monday_ticks_prep_from_home_and_keeps_it_after_a_reload() {
    // Saturday 21 November 2026; the cohort starts next Monday.
    let today = date("2026-11-21");
    let mut course = CourseState::from_builtin();
    let schedule = ScheduleDraft {
        start: "2026-11-23".into(),
        weekday: Some(Weekday::Monday),
        days: String::new(),
    }
    .validate()
    .unwrap();

    let home = what_next(&course, Some(&schedule), &Attendance::default(), today);
    assert_eq!(home.stage, Stage::InProgress);
    let next = home.next_session.unwrap();
    assert_eq!(next.date, date("2026-11-23"));
    assert_eq!(next.when, "in 2 days");
    let first_two: Vec<String> = next.modules[0]
        .open_items
        .iter()
        .take(2)
        .map(|i| i.id.clone())
        .collect();
    for id in &first_two {
        course.set_ticked(id, true).unwrap();
    }

    let course = reload(&course);
    let schedule = reload(&schedule);
    for id in &first_two {
        assert!(course.is_ticked(id), "{id} is still ticked after a reload");
    }
    let home = what_next(&course, Some(&schedule), &Attendance::default(), today);
    let next = home.next_session.unwrap();
    assert_eq!(next.progress.done_items, 2);
    assert_eq!(next.modules[0].open_items.len(), 2);
    assert_eq!(course_progress(&course).overall.done_items, 2);
}

#[test]
fn marking_attendance_says_how_many_days_can_still_be_missed() {
    let course = CourseState::from_builtin();
    let schedule = Schedule::new(date("2026-11-23"), Weekday::Monday);
    let mut attendance = Attendance::default();
    attendance
        .set_mark(&DayRef::Classroom(1), Some(Mark::Attended))
        .unwrap();
    attendance
        .set_mark(&DayRef::Classroom(2), Some(Mark::Missed))
        .unwrap();
    let attendance = reload(&attendance);
    let home = what_next(&course, Some(&schedule), &attendance, date("2026-12-01"));
    assert_eq!(home.attendance.standing(), Standing::CanMiss(1));
    assert_eq!(
        home.attendance_message,
        "You're on track. You can miss 1 more day and still graduate (you need to attend 8 of 10 days)."
    );
}

#[test]
fn placement_and_journal_entries_are_saved_and_found_where_the_trainee_looks() {
    let course = CourseState::from_builtin();
    let mut placement = PlacementLog::default();
    placement
        .add(&PlacementDraft {
            date: "2026-12-02".into(),
            hours: "3.5".into(),
            setting: "Community recovery hub".into(),
            observed: "A peer worker opening a group.".into(),
            learned: "Small talk builds trust.".into(),
            ..PlacementDraft::default()
        })
        .unwrap();
    let mut journal = Journal::default();
    let mut draft = JournalDraft::new(date("2026-12-02"), Some("peer-relationship"));
    draft.body = "Noticed how choice was offered at every step.".into();
    journal.add(&draft, &course, 1_795_000_000_000).unwrap();

    let placement = reload(&placement);
    let journal = reload(&journal);
    assert_eq!(placement.totals().label(), "3 hours 30 minutes over 1 day");
    let on_module_page = journal.for_module("peer-relationship");
    assert_eq!(on_module_page.len(), 1);
    assert_eq!(journal.search("CHOICE").len(), 1);
    assert!(module_progress(&course, "peer-relationship").is_some());
}
