//! The classroom timetable: which date each training day falls on, and which modules it covers.
//!
//! # The rules
//!
//! - **Dates.** The first classroom day is the first chosen weekday on or after the start date;
//!   the others follow on the same weekday in consecutive weeks. Dates are calendar dates, so UK
//!   clock changes never move a session (there are no timestamps here at all).
//! - **Moved dates.** Any single day can be moved to another date (a bank holiday, a rearranged
//!   session). A moved date must fall *after* the day before it and *before* the day after it:
//!   days stay in course order and no two share a date. To move a run of days (everything slips a
//!   week), use [`Schedule::shift_from`]. Moves are kept per day number, so they survive
//!   course edits.
//! - **Modules per day.** Modules are shared out over the classroom days in course order, never
//!   more than two ([`MAX_MODULES_PER_DAY`]) on one day, spread as evenly as the numbers allow.
//!   Twenty modules over ten days is two a day; the built-in sixteen over ten days gives six
//!   two-module days and four one-module days, with the first eight modules in the first five
//!   weeks and the final review on the last day. If the trainee adds more modules than the days
//!   can hold at two a day, further weeks are added after the last day. Adding, removing or
//!   reordering modules recomputes only this sharing-out: moved dates stay as they are.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::course::{CourseState, ModuleId};
use super::date::{CalendarDate, Weekday};
use super::field_error::{join_messages, required_date, FieldError};

/// How many classroom days the course has unless the trainee says otherwise.
pub const DEFAULT_CLASSROOM_DAYS: u32 = 10;
/// The most modules taught on one classroom day.
pub const MAX_MODULES_PER_DAY: usize = 2;
/// The most classroom days a schedule may be set up with.
pub const MAX_CLASSROOM_DAYS: u32 = 52;

fn default_day_count() -> u32 {
    DEFAULT_CLASSROOM_DAYS
}

/// The trainee's classroom timetable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The date the course starts from (the first session is on or after it).
    pub start: CalendarDate,
    /// The weekday sessions fall on.
    pub weekday: Weekday,
    /// How many classroom days were set up (more are added only if the modules need them).
    #[serde(default = "default_day_count")]
    pub day_count: u32,
    /// Dates the trainee moved, by day number (1 for the first day).
    #[serde(default)]
    pub moved: BTreeMap<u32, CalendarDate>,
}

/// One classroom day as the interface shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// 1 for the first classroom day.
    pub number: u32,
    /// The day's date.
    pub date: CalendarDate,
    /// True when the trainee moved this date away from the weekly pattern.
    pub moved: bool,
    /// The modules taught that day, in order (empty on a day with none).
    pub module_ids: Vec<ModuleId>,
}

/// What the trainee typed in the "set up my course dates" form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScheduleDraft {
    /// The start date as typed (`YYYY-MM-DD`, as a date input gives it).
    pub start: String,
    /// The weekday chosen; `None` means the start date's own weekday.
    pub weekday: Option<Weekday>,
    /// Number of classroom days as typed; empty means [`DEFAULT_CLASSROOM_DAYS`].
    pub days: String,
}

/// Field-level problems with a [`ScheduleDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScheduleErrors {
    /// Beside the start date.
    pub start: Option<FieldError>,
    /// Beside the number of days.
    pub days: Option<ScheduleDaysError>,
}

/// Why a number of classroom days was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleDaysError {
    /// Not a whole number.
    NotANumber {
        /// What was typed.
        text: String,
    },
    /// Zero, or more than [`MAX_CLASSROOM_DAYS`].
    OutOfRange {
        /// The number typed.
        days: u64,
    },
}

/// Why a classroom day's date was not changed. The schedule is left exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveDayError {
    /// There is no classroom day with this number.
    NoSuchDay {
        /// The number asked for.
        number: u32,
        /// How many days there are.
        count: u32,
    },
    /// The date typed could not be read.
    BadDate(FieldError),
    /// The new date is the same as another classroom day's.
    SameDateAs {
        /// The other day's number.
        other: u32,
        /// The shared date.
        date: CalendarDate,
    },
    /// The new date is before the previous classroom day.
    BeforePrevious {
        /// The previous day's number.
        previous: u32,
        /// Its date.
        previous_date: CalendarDate,
    },
    /// The new date is after the next classroom day.
    AfterNext {
        /// The next day's number.
        next: u32,
        /// Its date.
        next_date: CalendarDate,
    },
}

impl fmt::Display for ScheduleDaysError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleDaysError::NotANumber { text } => write!(
                f,
                "We couldn't read \"{}\" as a number of days. Most courses have {DEFAULT_CLASSROOM_DAYS}.",
                super::field_error::quote(text)
            ),
            ScheduleDaysError::OutOfRange { .. } => write!(
                f,
                "Please choose between 1 and {MAX_CLASSROOM_DAYS} classroom days. \
                 Most courses have {DEFAULT_CLASSROOM_DAYS}."
            ),
        }
    }
}

impl std::error::Error for ScheduleDaysError {}

impl fmt::Display for ScheduleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join_messages(f, [("Start date", &self.start)])?;
        if let Some(days) = &self.days {
            if self.start.is_some() {
                f.write_str(" ")?;
            }
            write!(f, "Classroom days: {days}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScheduleErrors {}

impl fmt::Display for MoveDayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveDayError::NoSuchDay { number, count } => write!(
                f,
                "There is no day {number}: your course has {count} classroom days."
            ),
            MoveDayError::BadDate(err) => err.fmt(f),
            MoveDayError::SameDateAs { other, date } => write!(
                f,
                "Day {other} is already on {}. Each classroom day needs its own date.",
                date.display_short()
            ),
            MoveDayError::BeforePrevious {
                previous,
                previous_date,
            } => write!(
                f,
                "That's before day {previous} ({}), and days stay in course order. \
                 Please pick a later date, or move day {previous} first.",
                previous_date.display_short()
            ),
            MoveDayError::AfterNext { next, next_date } => write!(
                f,
                "That's after day {next} ({}), and days stay in course order. \
                 Please pick an earlier date, move day {next} first, or move this day and \
                 all the days after it together.",
                next_date.display_short()
            ),
        }
    }
}

impl std::error::Error for MoveDayError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MoveDayError::BadDate(err) => Some(err),
            _ => None,
        }
    }
}

impl ScheduleDraft {
    /// Checks every field and builds the schedule.
    pub fn validate(&self) -> Result<Schedule, ScheduleErrors> {
        let start = required_date(&self.start, "Please choose the date your course starts.");
        let days_text = self.days.trim();
        let days = if days_text.is_empty() {
            Ok(DEFAULT_CLASSROOM_DAYS)
        } else {
            match days_text.parse::<u64>() {
                Ok(n) if (1..=u64::from(MAX_CLASSROOM_DAYS)).contains(&n) => Ok(n as u32),
                Ok(n) => Err(ScheduleDaysError::OutOfRange { days: n }),
                Err(_) => Err(ScheduleDaysError::NotANumber {
                    text: self.days.clone(),
                }),
            }
        };
        match (start, days) {
            (Ok(start), Ok(days)) => {
                let weekday = self.weekday.unwrap_or(start.weekday());
                Ok(Schedule::with_day_count(start, weekday, days))
            }
            (start, days) => Err(ScheduleErrors {
                start: start.err(),
                days: days.err(),
            }),
        }
    }
}

/// Which modules (by position in the course order) each classroom day covers.
///
/// `module_count` modules over at least `day_count` days, at most two a day, in order and as
/// evenly as possible. The result has one range per day.
pub fn share_out(module_count: usize, day_count: u32) -> Vec<Range<usize>> {
    let days = (day_count.max(1) as usize).max(module_count.div_ceil(MAX_MODULES_PER_DAY));
    (0..days)
        .map(|day| (day * module_count / days)..((day + 1) * module_count / days))
        .collect()
}

impl Schedule {
    /// Ten weekly classroom days on `weekday`, from the first such day on or after `start`.
    pub fn new(start: CalendarDate, weekday: Weekday) -> Self {
        Self::with_day_count(start, weekday, DEFAULT_CLASSROOM_DAYS)
    }

    /// Like [`Schedule::new`] with a different number of classroom days (at least one).
    pub fn with_day_count(start: CalendarDate, weekday: Weekday, day_count: u32) -> Self {
        Self {
            start,
            weekday,
            day_count: day_count.max(1),
            moved: BTreeMap::new(),
        }
    }

    /// The date of the first classroom day in the weekly pattern.
    pub fn first_day(&self) -> CalendarDate {
        self.start.next_on_or_after(self.weekday)
    }

    /// How many classroom days there are for a course of `module_count` modules.
    pub fn days_for(&self, module_count: usize) -> u32 {
        share_out(module_count, self.day_count).len() as u32
    }

    /// How many classroom days there are for this course.
    pub fn day_total(&self, course: &CourseState) -> u32 {
        self.days_for(course.modules.len())
    }

    /// The date of each classroom day, day 1 first.
    ///
    /// A day not moved by the trainee follows the weekly pattern; should that land on or before
    /// the day before it (only possible after the start date was changed), it moves to the next
    /// session weekday after that day, so the dates always run in order.
    pub fn dates(&self, day_total: u32) -> Vec<CalendarDate> {
        let first = self.first_day();
        let mut dates: Vec<CalendarDate> = Vec::with_capacity(day_total as usize);
        for number in 1..=day_total {
            let date = match self.moved.get(&number) {
                Some(&moved) => moved,
                None => {
                    let pattern = first.add_weeks(i64::from(number - 1));
                    match dates.last() {
                        Some(&previous) if pattern <= previous => {
                            previous.add_days(1).next_on_or_after(self.weekday)
                        }
                        _ => pattern,
                    }
                }
            };
            dates.push(date);
        }
        dates
    }

    /// Every classroom day with its date and modules.
    pub fn sessions(&self, course: &CourseState) -> Vec<Session> {
        let ranges = share_out(course.modules.len(), self.day_count);
        let dates = self.dates(ranges.len() as u32);
        ranges
            .into_iter()
            .zip(dates)
            .enumerate()
            .map(|(index, (range, date))| {
                let number = index as u32 + 1;
                Session {
                    number,
                    date,
                    moved: self.moved.contains_key(&number),
                    module_ids: course.modules[range].iter().map(|m| m.id.clone()).collect(),
                }
            })
            .collect()
    }

    /// The classroom day on which a module is taught, if it is in the course.
    pub fn session_for_module(&self, course: &CourseState, module_id: &str) -> Option<Session> {
        self.sessions(course)
            .into_iter()
            .find(|s| s.module_ids.iter().any(|id| id == module_id))
    }

    fn check_fits(
        dates: &[CalendarDate],
        number: u32,
        date: CalendarDate,
    ) -> Result<(), MoveDayError> {
        let index = number as usize - 1;
        if let Some((other, &same)) = dates
            .iter()
            .enumerate()
            .find(|&(i, &d)| i != index && d == date)
        {
            return Err(MoveDayError::SameDateAs {
                other: other as u32 + 1,
                date: same,
            });
        }
        if index > 0 && date < dates[index - 1] {
            return Err(MoveDayError::BeforePrevious {
                previous: number - 1,
                previous_date: dates[index - 1],
            });
        }
        if let Some(&next_date) = dates.get(index + 1) {
            if date > next_date {
                return Err(MoveDayError::AfterNext {
                    next: number + 1,
                    next_date,
                });
            }
        }
        Ok(())
    }

    fn check_day(
        &self,
        course: &CourseState,
        number: u32,
    ) -> Result<Vec<CalendarDate>, MoveDayError> {
        let count = self.day_total(course);
        if number == 0 || number > count {
            return Err(MoveDayError::NoSuchDay { number, count });
        }
        Ok(self.dates(count))
    }

    /// Moves one classroom day to `date`, keeping every other day where it is.
    ///
    /// The date must fall after the previous day and before the next one (see the module docs).
    /// Moving a day back onto its weekly-pattern date clears the move.
    pub fn move_day(
        &mut self,
        course: &CourseState,
        number: u32,
        date: CalendarDate,
    ) -> Result<(), MoveDayError> {
        let dates = self.check_day(course, number)?;
        Self::check_fits(&dates, number, date)?;
        // A move back onto the weekly pattern is no move at all: forget it, so that a later change
        // of start date carries this day along with the others.
        let mut without = self.clone();
        without.moved.remove(&number);
        if without.dates(dates.len() as u32)[number as usize - 1] == date {
            self.moved.remove(&number);
        } else {
            self.moved.insert(number, date);
        }
        Ok(())
    }

    /// [`Schedule::move_day`] from the text of a date field.
    pub fn move_day_to_text(
        &mut self,
        course: &CourseState,
        number: u32,
        text: &str,
    ) -> Result<(), MoveDayError> {
        let date = required_date(text, "Please choose the new date for this day.")
            .map_err(MoveDayError::BadDate)?;
        self.move_day(course, number, date)
    }

    /// Puts one classroom day back on its weekly-pattern date.
    ///
    /// Refused (and nothing changes) if that date would now clash with a moved neighbour.
    pub fn reset_day(&mut self, course: &CourseState, number: u32) -> Result<(), MoveDayError> {
        self.check_day(course, number)?;
        let mut trial = self.clone();
        trial.moved.remove(&number);
        let dates = trial.dates(trial.day_total(course));
        Self::check_fits(&dates, number, dates[number as usize - 1])?;
        *self = trial;
        Ok(())
    }

    /// Moves day `number` and every day after it by `days` (7 for "everything slips a week").
    ///
    /// Refused if day `number` would land on or before the day before it.
    pub fn shift_from(
        &mut self,
        course: &CourseState,
        number: u32,
        days: i64,
    ) -> Result<(), MoveDayError> {
        let dates = self.check_day(course, number)?;
        let index = number as usize - 1;
        let new_first = dates[index].add_days(days);
        if index > 0 && new_first <= dates[index - 1] {
            return Err(if new_first == dates[index - 1] {
                MoveDayError::SameDateAs {
                    other: number - 1,
                    date: new_first,
                }
            } else {
                MoveDayError::BeforePrevious {
                    previous: number - 1,
                    previous_date: dates[index - 1],
                }
            });
        }
        for (offset, date) in dates[index..].iter().enumerate() {
            self.moved
                .insert(number + offset as u32, date.add_days(days));
        }
        Ok(())
    }

    /// Changes the start date and weekday, keeping moved dates that still fit in order.
    ///
    /// Returns the numbers of the days whose moved dates no longer fitted and went back to the
    /// weekly pattern, so the interface can say so.
    pub fn set_start(
        &mut self,
        course: &CourseState,
        start: CalendarDate,
        weekday: Weekday,
    ) -> Vec<u32> {
        self.start = start;
        self.weekday = weekday;
        let total = self.day_total(course);
        let mut dropped = Vec::new();
        // Keep moves from the first day on while they stay in order with everything before them.
        let mut kept = BTreeMap::new();
        let moves: Vec<(u32, CalendarDate)> = self.moved.iter().map(|(&n, &d)| (n, d)).collect();
        for (number, date) in moves {
            let mut trial = self.clone();
            trial.moved = kept.clone();
            trial.moved.insert(number, date);
            let dates = trial.dates(total.max(number));
            let in_order = dates[..number as usize]
                .windows(2)
                .all(|pair| pair[0] < pair[1]);
            if in_order {
                kept.insert(number, date);
            } else {
                dropped.push(number);
            }
        }
        self.moved = kept;
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::course::ModuleDraft;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    fn tuesday_course() -> (CourseState, Schedule) {
        // Tuesday 3 March 2026: the course runs every Tuesday until 5 May.
        (
            CourseState::from_builtin(),
            Schedule::new(date("2026-03-03"), Weekday::Tuesday),
        )
    }

    /// The built-in course (sixteen modules) with `extra` modules of the trainee's own at the end.
    fn builtin_with_extra_modules(extra: usize) -> CourseState {
        let mut course = CourseState::from_builtin();
        for n in 0..extra {
            let draft = ModuleDraft {
                title: format!("Extra {n}"),
                summary: String::new(),
            };
            course.add_module(&draft, None).unwrap();
        }
        course
    }

    #[test]
    fn ten_weekly_days_start_on_the_first_chosen_weekday_on_or_after_the_start() {
        let course = CourseState::from_builtin();
        // Saturday 21 November 2026, sessions on Mondays: the first is Monday 23rd.
        let schedule = Schedule::new(date("2026-11-21"), Weekday::Monday);
        let sessions = schedule.sessions(&course);
        assert_eq!(sessions.len(), 10);
        assert_eq!(sessions[0].date, date("2026-11-23"));
        assert_eq!(sessions[9].date, date("2027-01-25"), "crosses the new year");
        for pair in sessions.windows(2) {
            assert_eq!(pair[0].date.days_until(pair[1].date), 7);
        }
        assert!(sessions
            .iter()
            .all(|s| s.date.weekday() == Weekday::Monday && !s.moved));
        assert_eq!(
            sessions.iter().map(|s| s.number).collect::<Vec<_>>(),
            (1..=10).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_start_date_on_the_session_weekday_is_the_first_day() {
        let (course, schedule) = tuesday_course();
        assert_eq!(schedule.sessions(&course)[0].date, date("2026-03-03"));
    }

    #[test]
    fn sessions_stay_on_tuesdays_across_both_uk_clock_changes() {
        let course = CourseState::from_builtin();
        // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
        for start in ["2026-03-10", "2026-09-01"] {
            let sessions = Schedule::new(date(start), Weekday::Tuesday).sessions(&course);
            let first = sessions[0].date;
            for (i, session) in sessions.iter().enumerate() {
                assert_eq!(session.date.weekday(), Weekday::Tuesday);
                assert_eq!(first.days_until(session.date), 7 * i as i64);
            }
        }
        let spring = Schedule::new(date("2026-03-10"), Weekday::Tuesday).sessions(&course);
        assert_eq!(spring[2].date, date("2026-03-24"));
        assert_eq!(
            spring[3].date,
            date("2026-03-31"),
            "the Tuesday after the clocks go forward"
        );
        let autumn = Schedule::new(date("2026-09-01"), Weekday::Tuesday).sessions(&course);
        assert_eq!(autumn[7].date, date("2026-10-20"));
        assert_eq!(
            autumn[8].date,
            date("2026-10-27"),
            "the Tuesday after the clocks go back"
        );
    }

    #[test]
    fn the_built_in_sixteen_modules_are_shared_over_ten_days_in_order_at_most_two_a_day() {
        let (course, schedule) = tuesday_course();
        let sessions = schedule.sessions(&course);
        let taught: Vec<&str> = sessions
            .iter()
            .flat_map(|s| s.module_ids.iter().map(String::as_str))
            .collect();
        let order: Vec<&str> = course.modules.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(taught, order, "every module once, in course order");
        assert!(sessions
            .iter()
            .all(|s| (1..=2).contains(&s.module_ids.len())));
        assert_eq!(
            sessions.iter().filter(|s| s.module_ids.len() == 2).count(),
            6
        );
        assert_eq!(sessions[0].module_ids, ["welcome"]);
        assert_eq!(sessions[9].module_ids.last().unwrap(), "final-review");
        // The first eight modules (the core half) fill the first five weeks.
        let first_half: usize = sessions[..5].iter().map(|s| s.module_ids.len()).sum();
        assert_eq!(first_half, 8);
    }

    #[test]
    fn twenty_modules_over_ten_days_is_exactly_two_a_day() {
        let course = builtin_with_extra_modules(4);
        let sessions = Schedule::new(date("2026-03-03"), Weekday::Tuesday).sessions(&course);
        assert_eq!(sessions.len(), 10);
        assert!(sessions.iter().all(|s| s.module_ids.len() == 2));
        assert_eq!(sessions[0].module_ids, ["welcome", "what-is-recovery"]);
    }

    #[test]
    fn an_eight_day_course_pairs_the_sixteen_modules() {
        let course = CourseState::from_builtin();
        let sessions =
            Schedule::with_day_count(date("2026-03-03"), Weekday::Tuesday, 8).sessions(&course);
        assert_eq!(sessions.len(), 8);
        assert!(sessions.iter().all(|s| s.module_ids.len() == 2));
    }

    #[test]
    fn more_modules_than_ten_days_can_hold_adds_weeks_after_the_last_day() {
        let course = builtin_with_extra_modules(5);
        let mut schedule = Schedule::new(date("2026-03-03"), Weekday::Tuesday);
        schedule.move_day(&course, 10, date("2026-05-06")).unwrap();
        let sessions = schedule.sessions(&course);
        assert_eq!(sessions.len(), 11);
        assert!(sessions
            .iter()
            .all(|s| s.module_ids.len() <= MAX_MODULES_PER_DAY));
        assert_eq!(sessions[9].date, date("2026-05-06"));
        assert_eq!(
            sessions[10].date,
            date("2026-05-12"),
            "the next Tuesday after the moved day"
        );
    }

    #[test]
    fn sharing_out_covers_every_module_once_for_any_size() {
        for modules in 0..=40 {
            for days in 1..=12 {
                let ranges = share_out(modules, days);
                assert!(ranges.len() >= days as usize);
                let mut next = 0;
                for range in &ranges {
                    assert_eq!(range.start, next);
                    assert!(range.len() <= MAX_MODULES_PER_DAY);
                    next = range.end;
                }
                assert_eq!(next, modules);
            }
        }
    }

    #[test]
    fn moving_one_date_changes_only_that_day() {
        let (course, mut schedule) = tuesday_course();
        let before = schedule.sessions(&course);
        // Day 3 (17 March) moves to the Wednesday.
        schedule.move_day(&course, 3, date("2026-03-18")).unwrap();
        let after = schedule.sessions(&course);
        assert_eq!(after[2].date, date("2026-03-18"));
        assert!(after[2].moved);
        for i in [0, 1, 3, 4, 9] {
            assert_eq!(after[i].date, before[i].date);
            assert!(!after[i].moved);
        }
        assert_eq!(after[2].module_ids, before[2].module_ids);
    }

    #[test]
    fn a_moved_date_that_breaks_the_order_or_doubles_up_is_refused_kindly() {
        let (course, mut schedule) = tuesday_course();
        let before = schedule.clone();
        // Day 4 is 24 March; day 3 is 17 March and day 5 is 31 March.
        let refusals = [
            (
                4,
                "2026-03-16",
                MoveDayError::BeforePrevious {
                    previous: 3,
                    previous_date: date("2026-03-17"),
                },
                "before day 3 (Tue 17 Mar 2026)",
            ),
            (
                4,
                "2026-04-01",
                MoveDayError::AfterNext {
                    next: 5,
                    next_date: date("2026-03-31"),
                },
                "after day 5 (Tue 31 Mar 2026)",
            ),
            (
                4,
                "2026-03-31",
                MoveDayError::SameDateAs {
                    other: 5,
                    date: date("2026-03-31"),
                },
                "needs its own date",
            ),
            (
                11,
                "2026-06-01",
                MoveDayError::NoSuchDay {
                    number: 11,
                    count: 10,
                },
                "has 10 classroom days",
            ),
        ];
        for (day, to, refused, says) in refusals {
            let err = schedule.move_day(&course, day, date(to)).unwrap_err();
            assert_eq!(err, refused, "moving day {day} to {to}");
            assert!(err.to_string().contains(says), "{err}");
        }
        assert!(schedule.move_day(&course, 0, date("2026-06-01")).is_err());
        let err = schedule
            .move_day_to_text(&course, 4, "31/03/2026")
            .unwrap_err();
        assert!(matches!(err, MoveDayError::BadDate(FieldError::BadDate(_))));
        assert_eq!(schedule, before, "nothing changes when a move is refused");
        // The last and first days can move freely outwards.
        schedule.move_day(&course, 10, date("2026-06-30")).unwrap();
        schedule.move_day(&course, 1, date("2026-02-01")).unwrap();
    }

    #[test]
    fn moving_a_day_back_onto_its_pattern_date_forgets_the_move() {
        let (course, mut schedule) = tuesday_course();
        schedule.move_day(&course, 2, date("2026-03-11")).unwrap();
        schedule.move_day(&course, 2, date("2026-03-10")).unwrap();
        assert!(schedule.moved.is_empty());
        schedule.move_day(&course, 2, date("2026-03-11")).unwrap();
        schedule.reset_day(&course, 2).unwrap();
        assert_eq!(schedule.sessions(&course)[1].date, date("2026-03-10"));
    }

    #[test]
    fn everything_can_slip_a_week_from_one_day_on() {
        let (course, mut schedule) = tuesday_course();
        schedule.shift_from(&course, 6, 7).unwrap();
        let sessions = schedule.sessions(&course);
        assert_eq!(sessions[4].date, date("2026-03-31"));
        assert_eq!(
            sessions[5].date,
            date("2026-04-14"),
            "a week's break after day 5"
        );
        assert_eq!(sessions[9].date, date("2026-05-12"));
        let before = schedule.clone();
        let err = schedule.shift_from(&course, 6, -14).unwrap_err();
        assert_eq!(
            err,
            MoveDayError::SameDateAs {
                other: 5,
                date: date("2026-03-31")
            }
        );
        assert_eq!(schedule, before);
    }

    #[test]
    fn editing_the_course_after_ticking_keeps_ticks_notes_and_moved_dates() {
        let (mut course, mut schedule) = tuesday_course();
        course
            .set_ticked("peer-relationship:mutuality", true)
            .unwrap();
        course
            .set_notes("peer-relationship", "Power and choice")
            .unwrap();
        schedule.move_day(&course, 10, date("2026-05-07")).unwrap();
        let day_of = |course: &CourseState, schedule: &Schedule, id: &str| {
            schedule.session_for_module(course, id).unwrap().number
        };
        assert_eq!(day_of(&course, &schedule, "peer-relationship"), 4);

        course.remove_module("welcome").unwrap();
        course.remove_module("what-is-recovery").unwrap();
        course.move_module_to("peer-relationship", 0).unwrap();
        let extra = course
            .add_module(
                &ModuleDraft {
                    title: "Self-care".into(),
                    summary: String::new(),
                },
                Some(1),
            )
            .unwrap();

        let sessions = schedule.sessions(&course);
        assert_eq!(sessions.len(), 10);
        assert_eq!(sessions[0].module_ids, ["peer-relationship"]);
        assert!(sessions.iter().any(|s| s.module_ids.contains(&extra)));
        assert_eq!(
            sessions[9].date,
            date("2026-05-07"),
            "the moved date is kept"
        );
        assert!(course.is_ticked("peer-relationship:mutuality"));
        assert_eq!(course.notes("peer-relationship"), "Power and choice");
        assert!(schedule.session_for_module(&course, "welcome").is_none());
    }

    #[test]
    fn changing_the_start_keeps_moves_that_still_fit_and_reports_the_rest() {
        let (course, mut schedule) = tuesday_course();
        schedule.move_day(&course, 2, date("2026-03-11")).unwrap();
        schedule.move_day(&course, 9, date("2026-04-29")).unwrap();
        // A fortnight later: day 9's move would now fall before day 8 (5 May), day 2's before day 1.
        let dropped = schedule.set_start(&course, date("2026-03-17"), Weekday::Tuesday);
        assert_eq!(dropped, [2, 9]);
        let sessions = schedule.sessions(&course);
        assert!(sessions.windows(2).all(|p| p[0].date < p[1].date));
        assert_eq!(sessions[0].date, date("2026-03-17"));

        let (course, mut schedule) = tuesday_course();
        schedule.move_day(&course, 10, date("2026-05-06")).unwrap();
        let dropped = schedule.set_start(&course, date("2026-02-24"), Weekday::Tuesday);
        assert!(dropped.is_empty());
        assert_eq!(schedule.sessions(&course)[9].date, date("2026-05-06"));
    }

    #[test]
    fn the_setup_form_builds_a_schedule_or_says_what_to_fix() {
        let draft = ScheduleDraft {
            start: "2026-11-21".into(),
            weekday: Some(Weekday::Monday),
            days: "".into(),
        };
        let schedule = draft.validate().unwrap();
        assert_eq!(schedule.day_count, 10);
        assert_eq!(schedule.first_day(), date("2026-11-23"));
        let draft = ScheduleDraft {
            start: "2026-11-24".into(),
            weekday: None,
            days: " 12 ".into(),
        };
        let schedule = draft.validate().unwrap();
        assert_eq!(
            (schedule.weekday, schedule.day_count),
            (Weekday::Tuesday, 12)
        );

        let draft = ScheduleDraft {
            start: "".into(),
            weekday: None,
            days: "ten".into(),
        };
        let errors = draft.validate().unwrap_err();
        assert_eq!(
            errors.start.as_ref().unwrap().to_string(),
            "Please choose the date your course starts."
        );
        assert!(matches!(
            errors.days,
            Some(ScheduleDaysError::NotANumber { .. })
        ));
        let draft = ScheduleDraft {
            start: "2026-11-21".into(),
            weekday: None,
            days: "0".into(),
        };
        let errors = draft.validate().unwrap_err();
        assert!(errors.start.is_none());
        assert_eq!(errors.days, Some(ScheduleDaysError::OutOfRange { days: 0 }));
    }

    #[test]
    fn a_schedule_round_trips_and_older_saves_without_moves_load() {
        let (course, mut schedule) = tuesday_course();
        schedule.move_day(&course, 3, date("2026-03-18")).unwrap();
        let json = serde_json::to_string(&schedule).unwrap();
        assert!(json.contains(r#""moved":{"3":"2026-03-18"}"#));
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), schedule);
        let old: Schedule =
            serde_json::from_str(r#"{"start":"2026-03-03","weekday":"tuesday"}"#).unwrap();
        assert_eq!(old, Schedule::new(date("2026-03-03"), Weekday::Tuesday));
    }
}
