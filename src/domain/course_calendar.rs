//! The course in the trainee's own calendar: an `.ics` file (RFC 5545) with every classroom day,
//! a reminder the evening before about that day's prep, and the placement.
//!
//! - **Classroom days** run 10:00 to 16:00 UK time, written in Europe/London with its
//!   `VTIMEZONE`, so a phone in any time zone shows them at the right moment either side of the
//!   clock changes. Each names that day's modules.
//! - **The reminder** fires at 19:00 UK time the evening before. Its trigger is the exact time
//!   between then and the start, worked out in UTC, so a clock change overnight doesn't move it.
//! - **The placement** is an all-day span, once its dates are set.
//! - **UIDs** come from what an event *is* (classroom day 3, the placement), never from its date,
//!   so importing the file again after a date moved updates the event instead of adding a second.
//!   `SEQUENCE` grows with the time of export, so the newer file is the one calendars keep.
//!
//! The file is built from the dates as they are when it is asked for; nothing here is stored.

use super::course::CourseState;
use super::date::{CalendarDate, UnixMs};
use super::field_error::minutes_in_words;
use super::ics::{
    duration, escape_text, ics_date, local_date_time, london_to_utc, london_vtimezone, push_folded,
    utc_date_time, LONDON_TZID,
};
use super::placement_dates::PlacementDates;
use super::schedule::{Schedule, Session};

/// When a classroom day starts, in minutes after midnight, UK time.
pub const DAY_STARTS: u32 = 10 * 60;
/// When a classroom day ends.
pub const DAY_ENDS: u32 = 16 * 60;
/// When the prep reminder fires on the evening before.
pub const REMINDER_AT: u32 = 19 * 60;

/// The name the file is offered under.
pub const FILE_NAME: &str = "peer-support-course.ics";
/// Its media type.
pub const MIME_TYPE: &str = "text/calendar;charset=utf-8";

/// What goes after the `@` of every UID. `.invalid` is reserved (RFC 2606), so it can never name a
/// real host: the identifiers say which event, not where it came from.
const UID_DOMAIN: &str = "peer-study.invalid";

/// SEQUENCE counts minutes from this instant (2025-01-01T00:00:00Z), so it stays a small number
/// that only ever grows from one export to the next.
const SEQUENCE_EPOCH_MS: UnixMs = 1_735_689_600_000;

/// The stable UID of classroom day `number`.
pub fn day_uid(number: u32) -> String {
    format!("peer-study-classroom-day-{number}@{UID_DOMAIN}")
}

/// The stable UID of the placement.
pub fn placement_uid() -> String {
    format!("peer-study-placement@{UID_DOMAIN}")
}

/// Seconds from the reminder (19:00 UK time the evening before) to the start of the day (10:00
/// UK time): fifteen hours, or fourteen or sixteen across a clock change.
pub fn reminder_lead_seconds(date: CalendarDate) -> i64 {
    london_to_utc(date, DAY_STARTS) - london_to_utc(date.add_days(-1), REMINDER_AT)
}

/// One classroom day's words: its modules' titles, and its prep in sum.
struct DayWords {
    titles: Vec<String>,
    tasks: usize,
    minutes: u32,
}

fn day_words(course: &CourseState, session: &Session) -> DayWords {
    let modules: Vec<_> = session
        .module_ids
        .iter()
        .filter_map(|id| course.module(id))
        .collect();
    DayWords {
        titles: modules.iter().map(|m| m.title.trim().to_string()).collect(),
        tasks: modules.iter().map(|m| m.checklist.len()).sum(),
        minutes: modules.iter().map(|m| m.total_minutes()).sum(),
    }
}

impl DayWords {
    fn summary(&self, number: u32) -> String {
        if self.titles.is_empty() {
            format!("Peer support training, day {number}")
        } else {
            format!(
                "Peer support training, day {number}: {}",
                self.titles.join("; ")
            )
        }
    }

    fn prep(&self) -> String {
        match (self.tasks, self.minutes) {
            (0, _) => "There is no prep checklist for this day.".to_string(),
            (1, 0) => "Prep: 1 task on your checklist in Peer Study.".to_string(),
            (n, 0) => format!("Prep: {n} tasks on your checklist in Peer Study."),
            (1, m) => format!(
                "Prep: 1 task, about {}, on your checklist in Peer Study.",
                minutes_in_words(m)
            ),
            (n, m) => format!(
                "Prep: {n} tasks, about {}, on your checklist in Peer Study.",
                minutes_in_words(m)
            ),
        }
    }

    fn description(&self) -> String {
        let modules = if self.titles.is_empty() {
            "No modules are planned for this day.".to_string()
        } else {
            format!("Modules: {}.", self.titles.join("; "))
        };
        format!(
            "{modules}\n{}\nThe day runs from 10:00 to 16:00, with short breaks and an hour for \
             lunch.",
            self.prep()
        )
    }

    fn reminder(&self, number: u32) -> String {
        let modules = if self.titles.is_empty() {
            String::new()
        } else {
            format!(": {}", self.titles.join("; "))
        };
        format!(
            "Tomorrow is day {number} of your course{modules}. {}",
            self.prep()
        )
    }
}

/// Writes a property whose value is TEXT, escaped and folded.
fn push_text(out: &mut String, name: &str, value: &str) {
    push_folded(out, &format!("{name}:{}", escape_text(value)));
}

/// The calendar file for the course as it is now: every classroom day of `schedule`, and the
/// placement if `placement` is set. `now` stamps the file (DTSTAMP, SEQUENCE).
pub fn course_calendar(
    course: &CourseState,
    schedule: &Schedule,
    placement: Option<PlacementDates>,
    now: UnixMs,
) -> String {
    let stamp = utc_date_time(now);
    let sequence = (now - SEQUENCE_EPOCH_MS).max(0) / 60_000;
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Peer Study//Course calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Peer support training",
    ] {
        push_folded(&mut out, line);
    }
    for line in london_vtimezone() {
        push_folded(&mut out, line);
    }
    for session in schedule.sessions(course) {
        let words = day_words(course, &session);
        let number = session.number;
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:{}", day_uid(number)));
        push_folded(&mut out, &format!("DTSTAMP:{stamp}"));
        push_folded(&mut out, &format!("SEQUENCE:{sequence}"));
        push_folded(
            &mut out,
            &format!(
                "DTSTART;TZID={LONDON_TZID}:{}",
                local_date_time(session.date, DAY_STARTS)
            ),
        );
        push_folded(
            &mut out,
            &format!(
                "DTEND;TZID={LONDON_TZID}:{}",
                local_date_time(session.date, DAY_ENDS)
            ),
        );
        push_text(&mut out, "SUMMARY", &words.summary(number));
        push_text(&mut out, "DESCRIPTION", &words.description());
        push_folded(&mut out, "BEGIN:VALARM");
        push_folded(&mut out, "ACTION:DISPLAY");
        push_folded(
            &mut out,
            &format!("TRIGGER:{}", duration(-reminder_lead_seconds(session.date))),
        );
        push_text(&mut out, "DESCRIPTION", &words.reminder(number));
        push_folded(&mut out, "END:VALARM");
        push_folded(&mut out, "END:VEVENT");
    }
    if let Some(dates) = placement {
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:{}", placement_uid()));
        push_folded(&mut out, &format!("DTSTAMP:{stamp}"));
        push_folded(&mut out, &format!("SEQUENCE:{sequence}"));
        push_folded(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", ics_date(dates.start)),
        );
        // An all-day span ends on the day *after* its last day (DTEND is not included).
        push_folded(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", ics_date(dates.end.add_days(1))),
        );
        push_text(&mut out, "SUMMARY", "Placement (peer support training)");
        push_text(
            &mut out,
            "DESCRIPTION",
            "Your observational placement, supported by your peer supervisor. You can log your \
             hours, what you observed and what you learned in Peer Study.",
        );
        // Shown as free time: the placement fits around other things on those days.
        push_folded(&mut out, "TRANSP:TRANSPARENT");
        push_folded(&mut out, "END:VEVENT");
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Weekday;
    use crate::domain::ics::unfold;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    const NOW: UnixMs = 1_795_254_859_000; // 2026-11-21T09:54:19Z

    fn events(file: &str) -> Vec<Vec<String>> {
        let mut events = Vec::new();
        let mut current: Option<Vec<String>> = None;
        for line in unfold(file) {
            if line == "BEGIN:VEVENT" {
                current = Some(Vec::new());
            } else if line == "END:VEVENT" {
                events.extend(current.take());
            } else if let Some(event) = current.as_mut() {
                event.push(line);
            }
        }
        events
    }

    fn value<'a>(event: &'a [String], name: &str) -> &'a str {
        event
            .iter()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {event:?}"))
    }

    #[test]
    fn every_classroom_day_is_an_event_from_ten_to_four_uk_time() {
        let course = CourseState::from_builtin();
        let schedule = Schedule::new(date("2026-09-01"), Weekday::Tuesday);
        let file = course_calendar(&course, &schedule, None, NOW);
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !file.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        let events = events(&file);
        assert_eq!(events.len(), 10);
        let third_uid = day_uid(3);
        let expected = [
            (0, "DTSTART;TZID=Europe/London:", "20260901T100000"),
            (0, "DTEND;TZID=Europe/London:", "20260901T160000"),
            // Day 9 is after the clocks go back: still 10:00 on the wall clock.
            (8, "DTSTART;TZID=Europe/London:", "20261027T100000"),
            (2, "UID:", third_uid.as_str()),
            (
                0,
                "SUMMARY:",
                "Peer support training\\, day 1: Welcome and getting to know each other",
            ),
            // Two modules on one day are both named, kept apart by an escaped semicolon.
            (
                1,
                "SUMMARY:",
                "Peer support training\\, day 2: What is recovery?\\; Personal recovery",
            ),
        ];
        for (event, name, expected) in expected {
            assert_eq!(
                value(&events[event], name),
                expected,
                "{name} of event {event}"
            );
        }
    }

    #[test]
    fn each_day_has_a_reminder_the_evening_before_about_its_prep() {
        let course = CourseState::from_builtin();
        let schedule = Schedule::new(date("2026-09-01"), Weekday::Tuesday);
        let file = course_calendar(&course, &schedule, None, NOW);
        let first = &events(&file)[0];
        assert_eq!(value(first, "TRIGGER:"), "-PT15H");
        let reminder = first
            .iter()
            .skip_while(|l| *l != "BEGIN:VALARM")
            .find_map(|l| l.strip_prefix("DESCRIPTION:"))
            .unwrap();
        assert!(
            reminder.starts_with("Tomorrow is day 1 of your course: Welcome"),
            "{reminder}"
        );
        assert!(reminder.contains("Prep: "), "{reminder}");
    }

    #[test]
    fn a_reminder_across_a_clock_change_still_fires_at_seven() {
        // A Sunday class the day the clocks go forward: 19:00 GMT Saturday to 10:00 BST Sunday
        // is fourteen hours; the day they go back, sixteen.
        assert_eq!(reminder_lead_seconds(date("2026-03-29")), 14 * 3_600);
        assert_eq!(reminder_lead_seconds(date("2026-10-25")), 16 * 3_600);
        assert_eq!(reminder_lead_seconds(date("2026-10-26")), 15 * 3_600);
    }

    #[test]
    fn moved_dates_keep_their_uid_and_come_out_where_they_are_now() {
        let course = CourseState::from_builtin();
        let mut schedule = Schedule::new(date("2026-09-01"), Weekday::Tuesday);
        let before = events(&course_calendar(&course, &schedule, None, NOW));
        schedule.move_day(&course, 3, date("2026-09-16")).unwrap();
        let later = NOW + 3_600_000;
        let after = events(&course_calendar(&course, &schedule, None, later));
        assert_eq!(value(&after[2], "UID:"), value(&before[2], "UID:"));
        assert_eq!(
            value(&after[2], "DTSTART;TZID=Europe/London:"),
            "20260916T100000"
        );
        let sequence = |e: &[String]| value(e, "SEQUENCE:").parse::<i64>().unwrap();
        assert!(sequence(&after[2]) > sequence(&before[2]));
    }

    #[test]
    fn the_placement_is_an_all_day_span_once_its_dates_are_set() {
        let course = CourseState::from_builtin();
        let schedule = Schedule::new(date("2026-09-01"), Weekday::Tuesday);
        let dates = PlacementDates::from_text("2026-10-05", "2026-10-30").unwrap();
        let all = events(&course_calendar(&course, &schedule, Some(dates), NOW));
        assert_eq!(all.len(), 11);
        let placement = &all[10];
        assert_eq!(value(placement, "UID:"), placement_uid());
        assert_eq!(value(placement, "DTSTART;VALUE=DATE:"), "20261005");
        assert_eq!(value(placement, "DTEND;VALUE=DATE:"), "20261031");
    }

    #[test]
    fn titles_with_commas_semicolons_and_new_lines_are_escaped() {
        let mut course = CourseState::from_builtin();
        course.modules[0].title = "Risk, safety; and me\\you\nagain".to_string();
        let schedule = Schedule::new(date("2026-09-01"), Weekday::Tuesday);
        let file = course_calendar(&course, &schedule, None, NOW);
        let first = &events(&file)[0];
        assert!(value(first, "SUMMARY:").contains("Risk\\, safety\\; and me\\\\you\\nagain"));
        for physical in file.split("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
        }
    }
}
