//! "What should I do next?": the home page's answer, worked out from the course, the schedule,
//! attendance and today's date. A pure function, [`what_next`], so every case is tested natively.
//!
//! - The **next session** is the first classroom day (scheduled or extra) from today on that is
//!   not yet marked: a session today counts until it is marked, and cancelled days are skipped.
//! - Its **open prep** is every unticked item of its modules, ready to tick from home.
//! - **Earlier prep** still open (for sessions already past and not cancelled) is listed gently:
//!   it is still worth doing, and nothing is "late" in a way that blames.
//! - The **attendance** position is the 80% summary with its plain-words message.

use super::attendance::{Attendance, AttendanceSummary, DayRef, DayStatus};
use super::course::{ChecklistItem, CourseState, ModuleId};
use super::date::CalendarDate;
use super::progress::Progress;
use super::schedule::Schedule;

/// One module's prep as home shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModulePrep {
    /// The module's id (for links and for ticking).
    pub module_id: ModuleId,
    /// Its title.
    pub title: String,
    /// Items not ticked yet, in checklist order.
    pub open_items: Vec<ChecklistItem>,
    /// Progress through its checklist.
    pub progress: Progress,
}

/// The next classroom day and what to prepare for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextSession {
    /// Which day (for marking attendance).
    pub day: DayRef,
    /// "Day 4" or an extra day's label.
    pub label: String,
    /// Its date.
    pub date: CalendarDate,
    /// Whole days from today (0 for today).
    pub days_away: i64,
    /// "today", "tomorrow", "in 3 days", "in 2 weeks".
    pub when: String,
    /// The modules taught that day with their prep (empty for an extra day).
    pub modules: Vec<ModulePrep>,
    /// Prep progress for the whole day.
    pub progress: Progress,
}

/// Prep still open for a session that has already happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierPrep {
    /// The session's number.
    pub session_number: u32,
    /// Its date.
    pub date: CalendarDate,
    /// The module and its open items.
    pub module: ModulePrep,
}

/// Where the course as a whole is, for choosing what home shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// No dates set yet: home invites the trainee to set them.
    NeedsDates,
    /// Sessions still to come.
    InProgress,
    /// Every classroom day has passed or been marked.
    ClassroomDone,
}

/// Everything home needs to answer "what should I do next, and am I on track?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextSteps {
    /// Where the course is.
    pub stage: Stage,
    /// One sentence to lead with.
    pub headline: String,
    /// The next session, if any.
    pub next_session: Option<NextSession>,
    /// Open prep from earlier sessions, oldest first.
    pub earlier_prep: Vec<EarlierPrep>,
    /// A kind sentence about the earlier prep, when there is some.
    pub earlier_prep_message: Option<String>,
    /// The 80% arithmetic.
    pub attendance: AttendanceSummary,
    /// The attendance position in plain words.
    pub attendance_message: String,
}

/// "today", "tomorrow", "in 3 days", "in 2 weeks".
pub fn when_words(days_away: i64) -> String {
    match days_away {
        i64::MIN..=0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        2..=13 => format!("in {days_away} days"),
        _ => format!("in {} weeks", days_away / 7),
    }
}

fn prep_for(course: &CourseState, module_id: &str) -> Option<ModulePrep> {
    let module = course.module(module_id)?;
    Some(ModulePrep {
        module_id: module.id.clone(),
        title: module.title.clone(),
        open_items: course.open_items(module_id).into_iter().cloned().collect(),
        progress: Progress::of_module(course, module),
    })
}

fn minutes_words(minutes: u32) -> String {
    if minutes == 0 {
        String::new()
    } else {
        format!(", about {}", super::field_error::minutes_in_words(minutes))
    }
}

/// Works out what home should show on `today`.
pub fn what_next(
    course: &CourseState,
    schedule: Option<&Schedule>,
    attendance: &Attendance,
    today: CalendarDate,
) -> NextSteps {
    let sessions = schedule.map(|s| s.sessions(course)).unwrap_or_default();
    let days = attendance.days(&sessions, today);
    let summary = AttendanceSummary::from_days(&days);

    // A day after today is never "done", even if an older version let it be marked attended:
    // its prep stays on home until the day has happened.
    let next_session = days
        .iter()
        .find(|d| {
            d.status == DayStatus::ToCome || (d.date > today && d.status != DayStatus::Cancelled)
        })
        .map(|d| {
            let modules: Vec<ModulePrep> = d
                .module_ids
                .iter()
                .filter_map(|id| prep_for(course, id))
                .collect();
            let progress = modules
                .iter()
                .map(|m| m.progress)
                .fold(Progress::default(), Progress::plus);
            let days_away = today.days_until(d.date);
            NextSession {
                day: d.day.clone(),
                label: d.label.clone(),
                date: d.date,
                days_away,
                when: when_words(days_away),
                modules,
                progress,
            }
        });

    let earlier_prep: Vec<EarlierPrep> = sessions
        .iter()
        .filter(|s| s.date < today)
        .filter(|s| {
            let status = days.iter().find(|d| d.day == DayRef::Classroom(s.number));
            status.map(|d| d.status) != Some(DayStatus::Cancelled)
        })
        .flat_map(|s| {
            s.module_ids.iter().filter_map(move |id| {
                let prep = prep_for(course, id)?;
                let open = !prep.open_items.is_empty();
                open.then_some(EarlierPrep {
                    session_number: s.number,
                    date: s.date,
                    module: prep,
                })
            })
        })
        .collect();

    let earlier_prep_message = match earlier_prep.len() {
        0 => None,
        1 => Some(
            "There's a little prep still open from an earlier session. No pressure: it's still \
             worth a look when you have the energy."
                .to_string(),
        ),
        n => Some(format!(
            "There's some prep still open from {n} earlier modules. No pressure: pick whatever \
             feels useful when you have the energy, it all still counts."
        )),
    };

    let stage = if schedule.is_none() {
        Stage::NeedsDates
    } else if next_session.is_none() {
        Stage::ClassroomDone
    } else {
        Stage::InProgress
    };

    let headline = match (&stage, &next_session) {
        (Stage::NeedsDates, _) => {
            "Set your course start date to see your sessions and what to prepare for each."
                .to_string()
        }
        (_, Some(next)) => {
            let when = if next.days_away == 0 {
                format!("{} is today", next.label)
            } else {
                format!(
                    "{} is {} ({})",
                    next.label,
                    next.when,
                    next.date.display_short()
                )
            };
            let prep = if next.modules.is_empty() || next.progress.total_items == 0 {
                String::new()
            } else if next.progress.is_complete() {
                ": your prep is all done.".to_string()
            } else {
                let open = next.progress.open_items();
                format!(
                    ": {open} prep {} to go{}.",
                    if open == 1 { "task" } else { "tasks" },
                    minutes_words(next.progress.open_minutes())
                )
            };
            if prep.is_empty() {
                format!("{when}.")
            } else {
                format!("{when}{prep}")
            }
        }
        (_, None) => "Your classroom days are complete. Well done for getting here.".to_string(),
    };

    NextSteps {
        stage,
        headline,
        next_session,
        earlier_prep,
        earlier_prep_message,
        attendance_message: summary.message(),
        attendance: summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attendance::{ExtraDayDraft, Mark, Standing};
    use crate::domain::date::Weekday;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    /// Tuesdays from 3 March 2026: day 1 welcome; day 2 recovery + personal recovery; day 3 peer
    /// support; day 4 peer relationship + review.
    fn setup() -> (CourseState, Schedule, Attendance) {
        (
            CourseState::from_builtin(),
            Schedule::new(date("2026-03-03"), Weekday::Tuesday),
            Attendance::default(),
        )
    }

    #[test]
    fn before_dates_are_set_home_asks_for_them() {
        let (course, _, attendance) = setup();
        let next = what_next(&course, None, &attendance, date("2026-03-01"));
        assert_eq!(next.stage, Stage::NeedsDates);
        assert!(next.next_session.is_none() && next.earlier_prep.is_empty());
        assert!(next.headline.starts_with("Set your course start date"));
        assert_eq!(next.attendance.standing(), Standing::NoDays);
    }

    #[test]
    fn the_next_session_comes_with_its_modules_and_open_prep() {
        let (mut course, schedule, attendance) = setup();
        course.set_ticked("what-is-recovery:chime", true).unwrap();
        // Wednesday 4 March: day 1 is past, day 2 is next Tuesday.
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-04"));
        assert_eq!(next.stage, Stage::InProgress);
        let session = next.next_session.unwrap();
        assert_eq!(
            (session.day.clone(), session.date),
            (DayRef::Classroom(2), date("2026-03-10"))
        );
        assert_eq!((session.days_away, session.when.as_str()), (6, "in 6 days"));
        let ids: Vec<&str> = session
            .modules
            .iter()
            .map(|m| m.module_id.as_str())
            .collect();
        assert_eq!(ids, ["what-is-recovery", "personal-recovery"]);
        assert_eq!(session.modules[0].title, "What is recovery?");
        assert_eq!(session.modules[0].open_items.len(), 3);
        assert!(session.modules[0]
            .open_items
            .iter()
            .all(|i| i.id != "what-is-recovery:chime"));
        assert_eq!(
            (session.progress.done_items, session.progress.total_items),
            (1, 8)
        );
        assert_eq!(
            next.headline,
            "Day 2 is in 6 days (Tue 10 Mar 2026): 7 prep tasks to go, about 1 hour 35 minutes."
        );
    }

    #[test]
    fn a_session_today_is_next_until_it_is_marked() {
        let (course, schedule, mut attendance) = setup();
        let today = date("2026-03-10");
        let next = what_next(&course, Some(&schedule), &attendance, today);
        assert_eq!(next.next_session.as_ref().unwrap().when, "today");
        assert!(next
            .headline
            .starts_with("Day 2 is today: 8 prep tasks to go"));
        attendance
            .set_mark(&DayRef::Classroom(2), Some(Mark::Attended))
            .unwrap();
        let next = what_next(&course, Some(&schedule), &attendance, today);
        assert_eq!(next.next_session.unwrap().day, DayRef::Classroom(3));
    }

    #[test]
    fn a_future_day_marked_attended_by_an_older_version_still_shows_its_open_prep() {
        let (course, schedule, mut attendance) = setup();
        // Five days before Day 2; older versions let the trainee mark it attended already.
        let today = date("2026-03-05");
        attendance
            .set_mark(&DayRef::Classroom(2), Some(Mark::Attended))
            .unwrap();
        let next = what_next(&course, Some(&schedule), &attendance, today);
        let session = next.next_session.expect("Day 2 has not happened yet");
        assert_eq!(session.day, DayRef::Classroom(2));
        assert!(!session.modules.is_empty());
        assert!(session.modules.iter().any(|m| !m.open_items.is_empty()));
    }

    #[test]
    fn a_cancelled_session_is_skipped_and_its_prep_is_not_called_overdue() {
        let (course, schedule, mut attendance) = setup();
        attendance
            .set_mark(&DayRef::Classroom(2), Some(Mark::Cancelled))
            .unwrap();
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-09"));
        assert_eq!(next.next_session.unwrap().day, DayRef::Classroom(3));
        attendance
            .set_mark(&DayRef::Classroom(1), Some(Mark::Cancelled))
            .unwrap();
        let later = what_next(&course, Some(&schedule), &attendance, date("2026-03-12"));
        assert!(later.earlier_prep.is_empty());
    }

    #[test]
    fn all_prep_done_is_said_and_tomorrow_reads_naturally() {
        let (mut course, schedule, attendance) = setup();
        for item in course.module("welcome").unwrap().checklist.clone() {
            course.set_ticked(&item.id, true).unwrap();
        }
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-02"));
        assert_eq!(
            next.headline,
            "Day 1 is tomorrow (Tue 3 Mar 2026): your prep is all done."
        );
        assert!(next.next_session.unwrap().modules[0].open_items.is_empty());
    }

    #[test]
    fn open_prep_from_past_sessions_is_listed_kindly_oldest_first() {
        let (mut course, schedule, attendance) = setup();
        for item in course
            .module("personal-recovery")
            .unwrap()
            .checklist
            .clone()
        {
            course.set_ticked(&item.id, true).unwrap();
        }
        // Thursday 12 March: days 1 and 2 are past.
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-12"));
        let earlier: Vec<(u32, &str)> = next
            .earlier_prep
            .iter()
            .map(|e| (e.session_number, e.module.module_id.as_str()))
            .collect();
        assert_eq!(earlier, [(1, "welcome"), (2, "what-is-recovery")]);
        let message = next.earlier_prep_message.unwrap();
        assert!(message.contains("No pressure"));
        assert!(
            !message.to_lowercase().contains("overdue") && !message.to_lowercase().contains("late")
        );
        assert_eq!(next.attendance.not_marked_yet, 2);
    }

    #[test]
    fn an_extra_day_before_the_next_session_comes_first() {
        let (course, schedule, mut attendance) = setup();
        let sessions = schedule.sessions(&course);
        attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: "2026-03-05".into(),
                    label: "Catch-up".into(),
                },
                &sessions,
            )
            .unwrap();
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-04"));
        let session = next.next_session.unwrap();
        assert_eq!(session.label, "Catch-up");
        assert!(session.modules.is_empty());
        assert_eq!(next.headline, "Catch-up is tomorrow (Thu 5 Mar 2026).");
    }

    #[test]
    fn after_the_last_day_home_congratulates_and_shows_attendance() {
        let (course, schedule, mut attendance) = setup();
        for n in 1..=10 {
            attendance
                .set_mark(
                    &DayRef::Classroom(n),
                    Some(if n == 4 { Mark::Missed } else { Mark::Attended }),
                )
                .unwrap();
        }
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-05-06"));
        assert_eq!(next.stage, Stage::ClassroomDone);
        assert!(next
            .headline
            .starts_with("Your classroom days are complete"));
        assert_eq!(next.attendance.standing(), Standing::Met);
        assert!(next.attendance_message.contains("9 of 10 days"));
    }

    #[test]
    fn a_moved_date_and_a_reordered_course_change_what_is_next() {
        let (mut course, mut schedule, attendance) = setup();
        schedule.move_day(&course, 2, date("2026-03-12")).unwrap();
        course.move_module_to("peer-relationship", 1).unwrap();
        let next = what_next(&course, Some(&schedule), &attendance, date("2026-03-11"));
        let session = next.next_session.unwrap();
        assert_eq!(session.date, date("2026-03-12"));
        assert_eq!(session.modules[0].module_id, "peer-relationship");
    }

    #[test]
    fn when_words_read_naturally() {
        assert_eq!(when_words(0), "today");
        assert_eq!(when_words(1), "tomorrow");
        assert_eq!(when_words(13), "in 13 days");
        assert_eq!(when_words(14), "in 2 weeks");
        assert_eq!(when_words(20), "in 2 weeks");
    }
}
