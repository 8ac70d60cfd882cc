//! The course calendar file checked from outside: a property test over start dates either side of
//! the UK clock changes (checked against the rule worked out a second, simpler way), and Python's
//! `icalendar` (`tests/tools/read_ics.py`) reading a sample file back, with the time zone database
//! as a second opinion on every start time.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::support::{date, read_with_python, TempDir};
use peer_study::domain::course::CourseState;
use peer_study::domain::course_calendar::{course_calendar, day_uid, placement_uid};
use peer_study::domain::date::{CalendarDate, Weekday};
use peer_study::domain::ics::unfold;
use peer_study::domain::placement_dates::PlacementDates;
use peer_study::domain::schedule::Schedule;
use proptest::prelude::*;
use serde_json::Value;

const NOW: i64 = 1_795_254_859_000; // 2026-11-21T09:54:19Z

/// Whether a UK wall-clock time well clear of the changeover hours (10:00, 19:00) is in summer
/// time, found by walking back from the end of the month rather than with the app's arithmetic.
fn is_summer(day: CalendarDate) -> bool {
    let last_sunday = |month: u32| {
        (25..=31)
            .rev()
            .map(|d| CalendarDate::new(day.year(), month, d).unwrap())
            .find(|d| d.weekday() == Weekday::Sunday)
            .unwrap()
    };
    last_sunday(3) <= day && day < last_sunday(10)
}

/// Seconds since the epoch of a UK wall-clock time, by the rule above.
fn uk_instant(day: CalendarDate, hour: i64) -> i64 {
    day.days_since_epoch() * 86_400 + hour * 3_600 - if is_summer(day) { 3_600 } else { 0 }
}

/// Reads "20261124T100000" as a date and an hour.
fn local(text: &str) -> (CalendarDate, i64) {
    let day = CalendarDate::new(
        text[0..4].parse().unwrap(),
        text[4..6].parse().unwrap(),
        text[6..8].parse().unwrap(),
    )
    .unwrap();
    assert_eq!(&text[11..], "0000", "on the hour: {text}");
    (day, text[9..11].parse().unwrap())
}

/// Reads "-PT15H" (the only shape the writer gives a reminder) as seconds.
fn trigger_seconds(text: &str) -> i64 {
    let hours = text
        .strip_prefix("-PT")
        .and_then(|t| t.strip_suffix('H'))
        .unwrap_or_else(|| panic!("a whole number of hours before: {text}"));
    -hours.parse::<i64>().unwrap() * 3_600
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any start date in the weeks around either clock change, any weekday, any year to 2045:
    /// every day starts at 10:00 UK time, its reminder fires at 19:00 UK time the evening before,
    /// every line is folded and ends in CRLF, and each day keeps its own UID.
    #[test]
    fn classroom_days_and_reminders_keep_uk_time_across_clock_changes(
        year in 2025i32..2046,
        autumn in any::<bool>(),
        offset in 0i64..70,
        weekday in 0usize..7,
        days in 1u32..16,
    ) {
        let start = date(&format!("{year}-{}-01", if autumn { "09" } else { "02" }))
            .add_days(offset);
        let schedule = Schedule::with_day_count(start, Weekday::ALL[weekday], days);
        let course = CourseState::from_builtin();
        let file = course_calendar(&course, &schedule, None, NOW);

        for physical in file.split_terminator("\r\n") {
            prop_assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
            prop_assert!(!physical.contains('\n') && !physical.contains('\r'));
        }
        prop_assert!(file.ends_with("END:VCALENDAR\r\n"));

        let lines = unfold(&file);
        let starts: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("DTSTART;TZID=Europe/London:"))
            .collect();
        let triggers: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("TRIGGER:")).collect();
        let uids: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("UID:")).collect();
        let sessions = schedule.sessions(&course);
        prop_assert_eq!(starts.len(), sessions.len());
        prop_assert_eq!(triggers.len(), sessions.len());
        prop_assert_eq!(uids.iter().collect::<BTreeSet<_>>().len(), sessions.len());
        for ((session, start), (trigger, uid)) in
            sessions.iter().zip(&starts).zip(triggers.iter().zip(&uids))
        {
            let (day, hour) = local(start);
            prop_assert_eq!(day, session.date);
            prop_assert_eq!(hour, 10);
            prop_assert_eq!(uid.to_string(), day_uid(session.number));
            let fires = uk_instant(day, 10) + trigger_seconds(trigger);
            prop_assert_eq!(fires, uk_instant(day.add_days(-1), 19), "reminder for {}", day);
        }
    }
}

/// What Python's icalendar found in `files`.
fn read_with_icalendar(files: &[PathBuf]) -> Value {
    read_with_python("read_ics.py", "icalendar", ".ics file", files)
}

#[test]
fn python_icalendar_reads_the_course_back_with_the_right_times_and_words() {
    let mut course = CourseState::from_builtin();
    // A title that needs escaping and is long enough to fold, with characters of 2, 3 and 4 bytes.
    course.modules[1].title =
        "What is recovery? Hope, control; and “opportunity” \\ café 🌱 — a long title".to_string();
    // Tuesdays from 6 October 2026: the clocks go back on 25 October, between days 3 and 4.
    let schedule = Schedule::new(date("2026-10-01"), Weekday::Tuesday);
    let placement = PlacementDates::from_text("2026-11-02", "2026-11-27").unwrap();
    let dir = TempDir::new("ics");
    let path = dir.0.join("course.ics");
    std::fs::write(
        &path,
        course_calendar(&course, &schedule, Some(placement), NOW),
    )
    .unwrap();

    let read = read_with_icalendar(std::slice::from_ref(&path));
    let file = &read[0];
    assert_eq!(file["calendar_name"], "Peer support training");
    let events = file["events"].as_array().unwrap();
    assert_eq!(events.len(), 11, "ten classroom days and the placement");

    let day = |n: usize| &events[n - 1];
    assert_eq!(day(1)["uid"], day_uid(1));
    assert_eq!(day(1)["start_utc"], "2026-10-06T09:00:00Z", "10:00 BST");
    assert_eq!(day(1)["end_utc"], "2026-10-06T15:00:00Z", "16:00 BST");
    assert_eq!(
        day(4)["start_utc"],
        "2026-10-27T10:00:00Z",
        "10:00 GMT, after the change"
    );
    for event in &events[..10] {
        assert_eq!(
            event["start_utc"], event["start_utc_tzdb"],
            "our VTIMEZONE agrees with the time zone database for {}",
            event["uid"]
        );
        let alarm = &event["alarms"][0];
        assert!(
            alarm["fires_local"].as_str().unwrap().ends_with(" 19:00"),
            "{alarm}"
        );
        assert!(alarm["description"]
            .as_str()
            .unwrap()
            .starts_with("Tomorrow is day "));
    }
    // Day 4's reminder fires on the evening the clocks went back: 19:00 GMT on Monday 26th.
    assert_eq!(day(4)["alarms"][0]["fires_utc"], "2026-10-26T19:00:00Z");

    // The escaped title comes back exactly as typed, both halves of the day named.
    assert_eq!(
        day(2)["summary"],
        "Peer support training, day 2: What is recovery? Hope, control; and “opportunity” \\ \
         café 🌱 — a long title; Personal recovery"
    );
    assert!(day(2)["description"]
        .as_str()
        .unwrap()
        .contains("\nThe day runs from 10:00 to 16:00"));

    let placement = &events[10];
    assert_eq!(placement["uid"], placement_uid());
    assert_eq!(placement["all_day_start"], "2026-11-02");
    assert_eq!(
        placement["all_day_end"], "2026-11-28",
        "the day after the last day"
    );
}
