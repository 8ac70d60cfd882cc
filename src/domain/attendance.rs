//! Classroom attendance and the 80% rule.
//!
//! To graduate a trainee attends at least 80% of the classroom days. The arithmetic, in whole days:
//!
//! - The days that **count** are the scheduled classroom days plus any extra days the trainee
//!   added, minus the days marked **cancelled** (a day that did not run is nobody's absence).
//! - The days to **attend** are 80% of those, rounded *up*: ten days means eight, nine means eight
//!   (7.2 rounds up), eleven means nine (8.8), twelve means ten (9.6).
//! - The days that **may be missed** are the rest: two of ten, one of nine, two of eleven. So a
//!   cancelled day can leave less room to miss, and that is said plainly rather than hidden.
//!
//! Marks are kept by classroom day *number* (and extra days by id), never by date, so moving a
//! session to another date keeps its mark.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::course::ModuleId;
use super::date::CalendarDate;
use super::field_error::{join_messages, limited_text, required_date, FieldError};
use super::schedule::Session;

/// The share of counted days a trainee attends to graduate, as a percentage.
pub const REQUIRED_PERCENT: u32 = 80;

/// How a classroom day went, as the trainee marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// I was there.
    Attended,
    /// I couldn't make it.
    Missed,
    /// The day did not run; it does not count either way.
    Cancelled,
}

impl Mark {
    /// Every mark, in the order the interface offers them.
    pub const ALL: [Mark; 3] = [Mark::Attended, Mark::Missed, Mark::Cancelled];

    /// Words for a button or a badge.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Attended => "Attended",
            Mark::Missed => "Missed",
            Mark::Cancelled => "Cancelled",
        }
    }

    /// Whether this mark can be given to a day on `date`, as of `today`. "Attended" and "Missed"
    /// describe a day that has happened, so a day still to come can only be marked cancelled
    /// (the course team may call one off ahead of time). Marking a future day attended used to
    /// move home on to the next day and hide the open prep of a day that hadn't happened yet.
    pub fn allowed_on(self, date: CalendarDate, today: CalendarDate) -> bool {
        match self {
            Mark::Attended | Mark::Missed => date <= today,
            Mark::Cancelled => true,
        }
    }
}

/// A classroom day added by the trainee, outside the regular weekly schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraDay {
    /// Stable id, such as `"extra-1"`.
    pub id: String,
    /// When it is.
    pub date: CalendarDate,
    /// What it is ("Catch-up day"); may be empty.
    #[serde(default)]
    pub label: String,
    /// How it went, once marked.
    #[serde(default)]
    pub mark: Option<Mark>,
}

/// Every attendance mark the trainee has made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attendance {
    /// Marks for scheduled classroom days, by day number (1 for the first).
    pub marks: BTreeMap<u32, Mark>,
    /// Extra classroom days, each with its own mark.
    pub extra_days: Vec<ExtraDay>,
    /// Counter for extra-day ids, so a removed day's id is never reused.
    pub next_extra_number: u32,
}

/// Which day a mark belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DayRef {
    /// A scheduled classroom day, by number.
    Classroom(u32),
    /// An extra day, by id.
    Extra(String),
}

/// Where a day stands, for the attendance list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayStatus {
    /// Marked attended.
    Attended,
    /// Marked missed.
    Missed,
    /// Marked cancelled.
    Cancelled,
    /// Today or later, not marked.
    ToCome,
    /// Already past, not marked yet.
    NotMarkedYet,
}

impl DayStatus {
    /// Words for a badge.
    pub fn label(self) -> &'static str {
        match self {
            DayStatus::Attended => "Attended",
            DayStatus::Missed => "Missed",
            DayStatus::Cancelled => "Cancelled",
            DayStatus::ToCome => "Still to come",
            DayStatus::NotMarkedYet => "Not marked yet",
        }
    }
}

/// One row of the attendance list: a scheduled or extra day and how it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceDay {
    /// Which day (for [`Attendance::set_mark`]).
    pub day: DayRef,
    /// Its date.
    pub date: CalendarDate,
    /// A name for it: "Day 3" or the extra day's label.
    pub label: String,
    /// Modules taught that day (none for extra days).
    pub module_ids: Vec<ModuleId>,
    /// How it stands.
    pub status: DayStatus,
}

/// Where the trainee stands against the 80% rule, in the terms the home page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No classroom days yet (no schedule, or everything cancelled).
    NoDays,
    /// Enough days attended already: the rule is met whatever happens next.
    Met,
    /// On track, and this many more days may be missed.
    CanMiss(u32),
    /// On track, but every remaining day is needed.
    NoMoreToMiss,
    /// Too many days missed to reach 80%; time to talk with the course team.
    BelowTarget,
}

/// The 80% arithmetic for the days as they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceSummary {
    /// Scheduled plus extra days, not counting cancelled ones.
    pub counted: u32,
    /// Days marked attended.
    pub attended: u32,
    /// Days marked missed.
    pub missed: u32,
    /// Days marked cancelled (not in `counted`).
    pub cancelled: u32,
    /// Counted days not marked yet, past or to come.
    pub unmarked: u32,
    /// Of those, days already past.
    pub not_marked_yet: u32,
    /// Days to attend for 80% (rounded up).
    pub needed: u32,
    /// Days that may be missed in all (`counted - needed`).
    pub allowed_misses: u32,
}

/// What the trainee typed in the "add an extra day" form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExtraDayDraft {
    /// The date as typed.
    pub date: String,
    /// What the day is (optional).
    pub label: String,
}

/// Field-level problems with an [`ExtraDayDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExtraDayErrors {
    /// Beside the date.
    pub date: Option<ExtraDayDateError>,
    /// Beside the label.
    pub label: Option<FieldError>,
}

/// Why an extra day's date was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtraDayDateError {
    /// Missing or unreadable.
    Field(FieldError),
    /// Another classroom day (scheduled or extra) is already on that date.
    Taken {
        /// The other day's name ("Day 4").
        other: String,
    },
}

/// Why a mark could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttendanceError {
    /// The day does not exist (day number 0, or an extra day that was removed).
    NoSuchDay(DayRef),
    /// "Attended" or "Missed" for a day that hasn't happened yet.
    NotYet {
        /// The mark asked for.
        mark: Mark,
        /// The day's date.
        date: CalendarDate,
    },
}

impl fmt::Display for ExtraDayDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtraDayDateError::Field(err) => err.fmt(f),
            ExtraDayDateError::Taken { other } => write!(
                f,
                "{other} is already on that date. Is this the same day, or a different date?"
            ),
        }
    }
}

impl std::error::Error for ExtraDayDateError {}

impl fmt::Display for ExtraDayErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(date) = &self.date {
            write!(f, "Date: {date}")?;
            if self.label.is_some() {
                f.write_str(" ")?;
            }
        }
        join_messages(f, [("Label", &self.label)])
    }
}

impl std::error::Error for ExtraDayErrors {}

impl fmt::Display for AttendanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttendanceError::NoSuchDay(DayRef::Classroom(n)) => {
                write!(f, "There is no classroom day {n} to mark.")
            }
            AttendanceError::NoSuchDay(DayRef::Extra(id)) => {
                write!(f, "The extra day \"{id}\" is no longer in your list.")
            }
            AttendanceError::NotYet { mark, date } => write!(
                f,
                "{} is still to come, so it can't be marked \"{}\" yet. You can mark it on the \
                 day or afterwards.",
                date.display_short(),
                mark.label().to_lowercase()
            ),
        }
    }
}

impl std::error::Error for AttendanceError {}

/// Days to attend out of `counted` for the 80% rule: 80% rounded up, in whole days.
pub fn days_needed(counted: u32) -> u32 {
    (counted * REQUIRED_PERCENT).div_ceil(100)
}

fn plural_days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

impl Attendance {
    /// The mark on a day, if any.
    pub fn mark(&self, day: &DayRef) -> Option<Mark> {
        match day {
            DayRef::Classroom(n) => self.marks.get(n).copied(),
            DayRef::Extra(id) => self.extra_days.iter().find(|d| &d.id == id)?.mark,
        }
    }

    /// Marks a day, or clears its mark with `None` (back to "still to come").
    pub fn set_mark(&mut self, day: &DayRef, mark: Option<Mark>) -> Result<(), AttendanceError> {
        match day {
            DayRef::Classroom(0) => return Err(AttendanceError::NoSuchDay(day.clone())),
            DayRef::Classroom(n) => match mark {
                Some(mark) => {
                    self.marks.insert(*n, mark);
                }
                None => {
                    self.marks.remove(n);
                }
            },
            DayRef::Extra(id) => {
                let extra = self
                    .extra_days
                    .iter_mut()
                    .find(|d| &d.id == id)
                    .ok_or_else(|| AttendanceError::NoSuchDay(day.clone()))?;
                extra.mark = mark;
            }
        }
        Ok(())
    }

    /// Marks a day as [`Attendance::set_mark`] does, but refuses "Attended" or "Missed" for a
    /// day after `today` (see [`Mark::allowed_on`]). This is the one the interface uses.
    pub fn set_mark_as_of(
        &mut self,
        day: &DayRef,
        mark: Option<Mark>,
        date: CalendarDate,
        today: CalendarDate,
    ) -> Result<(), AttendanceError> {
        if let Some(mark) = mark {
            if !mark.allowed_on(date, today) {
                return Err(AttendanceError::NotYet { mark, date });
            }
        }
        self.set_mark(day, mark)
    }

    /// Adds an extra classroom day. `sessions` are the scheduled days, to catch a clash.
    pub fn add_extra_day(
        &mut self,
        draft: &ExtraDayDraft,
        sessions: &[Session],
    ) -> Result<String, ExtraDayErrors> {
        let date = required_date(&draft.date, "Please choose the date of the extra day.")
            .map_err(ExtraDayDateError::Field)
            .and_then(|date| {
                if let Some(s) = sessions.iter().find(|s| s.date == date) {
                    return Err(ExtraDayDateError::Taken {
                        other: format!("Day {}", s.number),
                    });
                }
                if let Some(d) = self.extra_days.iter().find(|d| d.date == date) {
                    return Err(ExtraDayDateError::Taken {
                        other: extra_label(d),
                    });
                }
                Ok(date)
            });
        let label = limited_text(&draft.label, super::course::MAX_TITLE_CHARS);
        let (date, label) = match (date, label) {
            (Ok(date), Ok(label)) => (date, label),
            (date, label) => {
                return Err(ExtraDayErrors {
                    date: date.err(),
                    label: label.err(),
                })
            }
        };
        let mut number = self.next_extra_number.max(1);
        let id = loop {
            let id = format!("extra-{number}");
            number += 1;
            if !self.extra_days.iter().any(|d| d.id == id) {
                break id;
            }
        };
        self.next_extra_number = number;
        self.extra_days.push(ExtraDay {
            id: id.clone(),
            date,
            label,
            mark: None,
        });
        Ok(id)
    }

    /// Removes an extra day (and its mark). Returns it, so the interface can offer to undo.
    pub fn remove_extra_day(&mut self, id: &str) -> Option<ExtraDay> {
        let index = self.extra_days.iter().position(|d| d.id == id)?;
        Some(self.extra_days.remove(index))
    }

    /// Every scheduled and extra day in date order, with how it stands on `today`.
    pub fn days(&self, sessions: &[Session], today: CalendarDate) -> Vec<AttendanceDay> {
        let status = |mark: Option<Mark>, date: CalendarDate| match mark {
            Some(Mark::Attended) => DayStatus::Attended,
            Some(Mark::Missed) => DayStatus::Missed,
            Some(Mark::Cancelled) => DayStatus::Cancelled,
            None if date < today => DayStatus::NotMarkedYet,
            None => DayStatus::ToCome,
        };
        let mut days: Vec<AttendanceDay> = sessions
            .iter()
            .map(|s| AttendanceDay {
                day: DayRef::Classroom(s.number),
                date: s.date,
                label: format!("Day {}", s.number),
                module_ids: s.module_ids.clone(),
                status: status(self.marks.get(&s.number).copied(), s.date),
            })
            .chain(self.extra_days.iter().map(|d| AttendanceDay {
                day: DayRef::Extra(d.id.clone()),
                date: d.date,
                label: extra_label(d),
                module_ids: Vec::new(),
                status: status(d.mark, d.date),
            }))
            .collect();
        // Stable sort: a scheduled day and an extra day on one date keep scheduled first.
        days.sort_by_key(|d| d.date);
        days
    }

    /// The 80% arithmetic for these days on `today`.
    pub fn summary(&self, sessions: &[Session], today: CalendarDate) -> AttendanceSummary {
        AttendanceSummary::from_days(&self.days(sessions, today))
    }
}

fn extra_label(day: &ExtraDay) -> String {
    if day.label.trim().is_empty() {
        "Extra day".to_string()
    } else {
        day.label.trim().to_string()
    }
}

impl AttendanceSummary {
    /// Counts the days of an attendance list.
    pub fn from_days(days: &[AttendanceDay]) -> Self {
        let count = |status: DayStatus| days.iter().filter(|d| d.status == status).count() as u32;
        let cancelled = count(DayStatus::Cancelled);
        let counted = days.len() as u32 - cancelled;
        let needed = days_needed(counted);
        let not_marked_yet = count(DayStatus::NotMarkedYet);
        Self {
            counted,
            attended: count(DayStatus::Attended),
            missed: count(DayStatus::Missed),
            cancelled,
            unmarked: count(DayStatus::ToCome) + not_marked_yet,
            not_marked_yet,
            needed,
            allowed_misses: counted - needed,
        }
    }

    /// How many more counted days may be missed and still graduate; `None` once 80% is out of reach.
    pub fn can_still_miss(&self) -> Option<u32> {
        self.allowed_misses
            .checked_sub(self.missed)
            .map(|room| room.min(self.unmarked))
    }

    /// Attended days as a share of the days marked so far (attended or missed), rounded down so
    /// that 79.9% never shows as 80%. `None` before any day is marked.
    pub fn rate_percent(&self) -> Option<u32> {
        let held = self.attended + self.missed;
        (held > 0).then(|| self.attended * 100 / held)
    }

    /// Where the trainee stands.
    pub fn standing(&self) -> Standing {
        if self.counted == 0 {
            Standing::NoDays
        } else if self.attended >= self.needed {
            Standing::Met
        } else {
            match self.can_still_miss() {
                None => Standing::BelowTarget,
                Some(0) => Standing::NoMoreToMiss,
                Some(n) => Standing::CanMiss(n),
            }
        }
    }

    /// "7 of 8 days so far (87%)", or `None` before any day is marked.
    pub fn rate_label(&self) -> Option<String> {
        let percent = self.rate_percent()?;
        Some(format!(
            "{} of {} so far ({percent}%)",
            self.attended,
            plural_days(self.attended + self.missed)
        ))
    }

    /// The position in plain words, for the home page and the attendance page.
    pub fn message(&self) -> String {
        match self.standing() {
            Standing::NoDays => "Once your classroom days are set up, you'll see here how your \
                                 attendance is going."
                .to_string(),
            Standing::Met if self.unmarked == 0 => format!(
                "You attended {} of {}, which meets the {REQUIRED_PERCENT}% needed to graduate. \
                 Well done.",
                self.attended,
                plural_days(self.counted)
            ),
            Standing::Met => format!(
                "You've attended {}, which already meets the {REQUIRED_PERCENT}% needed to \
                 graduate. Every day you come adds something.",
                plural_days(self.attended)
            ),
            Standing::CanMiss(n) => format!(
                "You're on track. You can miss {} and still graduate \
                 (you need to attend {} of {}).",
                if n == 1 {
                    "1 more day".to_string()
                } else {
                    format!("up to {n} more days")
                },
                self.needed,
                plural_days(self.counted)
            ),
            Standing::NoMoreToMiss => format!(
                "You're still on track, and you'll need to be at each of the {} left to reach \
                 {REQUIRED_PERCENT}%. If something might get in the way, talk to the course team \
                 early: they would rather know.",
                if self.unmarked == 1 {
                    "1 day".to_string()
                } else {
                    format!("{} days", self.unmarked)
                }
            ),
            Standing::BelowTarget => format!(
                "Attendance has dropped below the {REQUIRED_PERCENT}% the course asks for. That \
                 doesn't have to be the end of your journey on it: please have a chat with the \
                 course team about what is possible from here, such as catching up on what you \
                 missed."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::course::CourseState;
    use crate::domain::date::Weekday;
    use crate::domain::schedule::Schedule;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    /// Ten Tuesdays, 3 March to 5 May 2026.
    fn sessions() -> Vec<Session> {
        Schedule::new(date("2026-03-03"), Weekday::Tuesday).sessions(&CourseState::from_builtin())
    }

    fn after_course() -> CalendarDate {
        date("2026-06-01")
    }

    fn marked(marks: &[(u32, Mark)]) -> Attendance {
        let mut attendance = Attendance::default();
        for &(n, mark) in marks {
            attendance
                .set_mark(&DayRef::Classroom(n), Some(mark))
                .unwrap();
        }
        attendance
    }

    fn summary_of(attendance: &Attendance, today: CalendarDate) -> AttendanceSummary {
        attendance.summary(&sessions(), today)
    }

    #[test]
    fn eighty_percent_rounds_up_to_whole_days() {
        let cases = [
            (0, 0),
            (1, 1),
            (4, 4),
            (5, 4),
            (8, 7),
            (9, 8),
            (10, 8),
            (11, 9),
            (12, 10),
            (15, 12),
            (20, 16),
        ];
        for (counted, needed) in cases {
            assert_eq!(days_needed(counted), needed, "{counted} counted days");
        }
    }

    #[test]
    fn ten_days_allow_two_to_be_missed() {
        let fresh = summary_of(&Attendance::default(), date("2026-03-01"));
        assert_eq!(
            (fresh.counted, fresh.needed, fresh.allowed_misses),
            (10, 8, 2)
        );
        assert_eq!(fresh.standing(), Standing::CanMiss(2));
        assert_eq!(
            fresh.message(),
            "You're on track. You can miss up to 2 more days and still graduate \
             (you need to attend 8 of 10 days)."
        );
    }

    #[test]
    fn each_missed_day_counts_down_until_a_third_is_one_too_many() {
        let today = after_course();
        let one = summary_of(&marked(&[(1, Mark::Missed)]), today);
        assert_eq!(one.standing(), Standing::CanMiss(1));
        assert!(one
            .message()
            .contains("You can miss 1 more day and still graduate"));
        let two = summary_of(&marked(&[(1, Mark::Missed), (2, Mark::Missed)]), today);
        assert_eq!(two.standing(), Standing::NoMoreToMiss);
        assert_eq!(two.can_still_miss(), Some(0));
        assert!(two.message().contains("each of the 8 days left"));
        let three = summary_of(
            &marked(&[(1, Mark::Missed), (2, Mark::Missed), (3, Mark::Missed)]),
            today,
        );
        assert_eq!(three.standing(), Standing::BelowTarget);
        assert_eq!(three.can_still_miss(), None);
        assert!(three.message().contains("chat with the course team"));
    }

    #[test]
    fn eight_of_ten_attended_meets_the_rule_exactly() {
        let mut marks: Vec<(u32, Mark)> = (1..=8).map(|n| (n, Mark::Attended)).collect();
        marks.extend([(9, Mark::Missed), (10, Mark::Missed)]);
        let s = summary_of(&marked(&marks), after_course());
        assert_eq!(s.rate_percent(), Some(80));
        assert_eq!(s.standing(), Standing::Met);
        assert_eq!(
            s.message(),
            "You attended 8 of 10 days, which meets the 80% needed to graduate. Well done."
        );
        let mut marks: Vec<(u32, Mark)> = (1..=7).map(|n| (n, Mark::Attended)).collect();
        marks.extend([(8, Mark::Missed), (9, Mark::Missed), (10, Mark::Missed)]);
        let s = summary_of(&marked(&marks), after_course());
        assert_eq!(s.rate_percent(), Some(70));
        assert_eq!(s.standing(), Standing::BelowTarget);
    }

    #[test]
    fn meeting_the_rule_early_is_said_before_the_course_ends() {
        let marks: Vec<(u32, Mark)> = (1..=8).map(|n| (n, Mark::Attended)).collect();
        let s = summary_of(&marked(&marks), date("2026-04-22"));
        assert_eq!(s.standing(), Standing::Met);
        assert!(s.message().contains("already meets"));
        assert_eq!(s.can_still_miss(), Some(2));
    }

    #[test]
    fn can_still_miss_never_exceeds_the_days_left() {
        let marks: Vec<(u32, Mark)> = (1..=9).map(|n| (n, Mark::Attended)).collect();
        let s = summary_of(&marked(&marks), after_course());
        assert_eq!(s.can_still_miss(), Some(1));
    }

    #[test]
    fn a_cancelled_day_does_not_count_and_nine_days_allow_one_miss() {
        let s = summary_of(&marked(&[(4, Mark::Cancelled)]), after_course());
        assert_eq!(
            (s.counted, s.cancelled, s.needed, s.allowed_misses),
            (9, 1, 8, 1)
        );
        let s = summary_of(
            &marked(&[(4, Mark::Cancelled), (5, Mark::Missed)]),
            after_course(),
        );
        assert_eq!(s.standing(), Standing::NoMoreToMiss);
        let s = summary_of(
            &marked(&[(4, Mark::Cancelled), (5, Mark::Missed), (6, Mark::Missed)]),
            after_course(),
        );
        assert_eq!(s.standing(), Standing::BelowTarget);
        // Two cancelled: eight counted, 6.4 rounds up to 7, one may be missed.
        let s = summary_of(
            &marked(&[(4, Mark::Cancelled), (5, Mark::Cancelled)]),
            after_course(),
        );
        assert_eq!((s.counted, s.needed, s.allowed_misses), (8, 7, 1));
        assert_eq!(s.rate_percent(), None, "cancelled days are not in the rate");
    }

    #[test]
    fn an_extra_day_counts_and_eleven_days_still_allow_two_misses() {
        let mut attendance = Attendance::default();
        let id = attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: "2026-05-12".into(),
                    label: "Catch-up day".into(),
                },
                &sessions(),
            )
            .unwrap();
        let s = summary_of(&attendance, date("2026-03-01"));
        assert_eq!((s.counted, s.needed, s.allowed_misses), (11, 9, 2));
        attendance
            .set_mark(&DayRef::Extra(id.clone()), Some(Mark::Attended))
            .unwrap();
        attendance
            .set_mark(&DayRef::Classroom(2), Some(Mark::Missed))
            .unwrap();
        attendance
            .set_mark(&DayRef::Classroom(3), Some(Mark::Missed))
            .unwrap();
        let s = summary_of(&attendance, after_course());
        assert_eq!(s.standing(), Standing::NoMoreToMiss);
        assert_eq!(s.rate_percent(), Some(33));
        let days = attendance.days(&sessions(), after_course());
        assert_eq!(days.last().unwrap().label, "Catch-up day");
        assert_eq!(days.last().unwrap().status, DayStatus::Attended);

        // Twelve days: 9.6 rounds up to 10, still two may be missed.
        attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: "2026-05-19".into(),
                    label: String::new(),
                },
                &sessions(),
            )
            .unwrap();
        let s = summary_of(&attendance, after_course());
        assert_eq!((s.counted, s.needed, s.allowed_misses), (12, 10, 2));
        // A cancelled extra day does not count either.
        attendance
            .set_mark(&DayRef::Extra(id), Some(Mark::Cancelled))
            .unwrap();
        assert_eq!(summary_of(&attendance, after_course()).counted, 11);
    }

    #[test]
    fn the_rate_rounds_down_so_it_never_overstates() {
        let mut marks: Vec<(u32, Mark)> = (1..=5).map(|n| (n, Mark::Attended)).collect();
        marks.push((6, Mark::Missed));
        let s = summary_of(&marked(&marks), after_course());
        assert_eq!(s.rate_percent(), Some(83), "5 of 6 is 83.3%");
        assert_eq!(s.rate_label().unwrap(), "5 of 6 days so far (83%)");
        let mut marks: Vec<(u32, Mark)> = (1..=2).map(|n| (n, Mark::Attended)).collect();
        marks.push((3, Mark::Missed));
        assert_eq!(
            summary_of(&marked(&marks), after_course()).rate_percent(),
            Some(66)
        );
    }

    #[test]
    fn past_unmarked_days_are_not_marked_yet_and_future_ones_still_to_come() {
        let attendance = marked(&[(1, Mark::Attended)]);
        // Tuesday 17 March is day 3: days 1-2 are past, day 3 is today.
        let days = attendance.days(&sessions(), date("2026-03-17"));
        let statuses: Vec<DayStatus> = days.iter().take(4).map(|d| d.status).collect();
        assert_eq!(
            statuses,
            [
                DayStatus::Attended,
                DayStatus::NotMarkedYet,
                DayStatus::ToCome,
                DayStatus::ToCome
            ]
        );
        let s = AttendanceSummary::from_days(&days);
        assert_eq!((s.not_marked_yet, s.unmarked), (1, 9));
        assert_eq!(days[2].module_ids, sessions()[2].module_ids);
    }

    #[test]
    fn marks_follow_the_day_number_when_a_date_moves() {
        let course = CourseState::from_builtin();
        let mut schedule = Schedule::new(date("2026-03-03"), Weekday::Tuesday);
        let attendance = marked(&[(3, Mark::Attended)]);
        schedule.move_day(&course, 3, date("2026-03-19")).unwrap();
        let days = attendance.days(&schedule.sessions(&course), after_course());
        assert_eq!(days[2].date, date("2026-03-19"));
        assert_eq!(days[2].status, DayStatus::Attended);
    }

    #[test]
    fn clearing_a_mark_returns_the_day_to_still_to_come() {
        let mut attendance = marked(&[(2, Mark::Missed)]);
        attendance.set_mark(&DayRef::Classroom(2), None).unwrap();
        assert_eq!(attendance.mark(&DayRef::Classroom(2)), None);
        assert!(attendance
            .set_mark(&DayRef::Classroom(0), Some(Mark::Attended))
            .is_err());
        assert_eq!(
            attendance.set_mark(&DayRef::Extra("extra-9".into()), Some(Mark::Attended)),
            Err(AttendanceError::NoSuchDay(DayRef::Extra("extra-9".into())))
        );
    }

    #[test]
    fn an_extra_day_on_a_taken_date_or_without_a_date_is_refused() {
        let mut attendance = Attendance::default();
        let errors = attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: "2026-03-10".into(),
                    label: "Again".into(),
                },
                &sessions(),
            )
            .unwrap_err();
        assert_eq!(
            errors.date,
            Some(ExtraDayDateError::Taken {
                other: "Day 2".into()
            })
        );
        assert!(errors
            .date
            .unwrap()
            .to_string()
            .starts_with("Day 2 is already on that date"));
        let errors = attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: String::new(),
                    label: "x".repeat(200),
                },
                &sessions(),
            )
            .unwrap_err();
        assert!(matches!(
            errors.date,
            Some(ExtraDayDateError::Field(FieldError::Required { .. }))
        ));
        assert!(matches!(errors.label, Some(FieldError::TooLong { .. })));
        assert_eq!(attendance, Attendance::default());
    }

    #[test]
    fn removed_extra_day_ids_are_not_reused() {
        let mut attendance = Attendance::default();
        let draft = |d: &str| ExtraDayDraft {
            date: d.into(),
            label: String::new(),
        };
        let first = attendance
            .add_extra_day(&draft("2026-05-12"), &sessions())
            .unwrap();
        assert_eq!(
            attendance.remove_extra_day(&first).unwrap().date,
            date("2026-05-12")
        );
        let second = attendance
            .add_extra_day(&draft("2026-05-12"), &sessions())
            .unwrap();
        assert_ne!(first, second);
    }

    #[test]
    fn no_schedule_means_no_days_and_a_gentle_pointer_to_set_up() {
        let s = Attendance::default().summary(&[], after_course());
        assert_eq!(s.standing(), Standing::NoDays);
        assert!(s
            .message()
            .starts_with("Once your classroom days are set up"));
        let all_cancelled: Vec<(u32, Mark)> = (1..=10).map(|n| (n, Mark::Cancelled)).collect();
        assert_eq!(
            summary_of(&marked(&all_cancelled), after_course()).standing(),
            Standing::NoDays
        );
    }

    #[test]
    fn attendance_round_trips_and_older_saves_load() {
        let mut attendance = marked(&[(1, Mark::Attended), (2, Mark::Cancelled)]);
        attendance
            .add_extra_day(
                &ExtraDayDraft {
                    date: "2026-05-12".into(),
                    label: "Catch-up".into(),
                },
                &sessions(),
            )
            .unwrap();
        let json = serde_json::to_string(&attendance).unwrap();
        assert_eq!(
            serde_json::from_str::<Attendance>(&json).unwrap(),
            attendance
        );
        let old: Attendance = serde_json::from_str(r#"{"marks":{"1":"missed"}}"#).unwrap();
        assert_eq!(old.mark(&DayRef::Classroom(1)), Some(Mark::Missed));
    }

    #[test]
    fn a_day_still_to_come_can_be_cancelled_but_not_attended_or_missed() {
        let day_one = sessions()[0].date;
        let before = date("2026-02-27");
        let mut attendance = Attendance::default();
        for mark in [Mark::Attended, Mark::Missed] {
            let refused =
                attendance.set_mark_as_of(&DayRef::Classroom(1), Some(mark), day_one, before);
            assert_eq!(
                refused,
                Err(AttendanceError::NotYet {
                    mark,
                    date: day_one
                })
            );
            assert!(refused.unwrap_err().to_string().contains("still to come"));
        }
        assert_eq!(
            attendance.mark(&DayRef::Classroom(1)),
            None,
            "a refused mark changes nothing"
        );
        attendance
            .set_mark_as_of(
                &DayRef::Classroom(1),
                Some(Mark::Cancelled),
                day_one,
                before,
            )
            .unwrap();
        assert_eq!(
            attendance.mark(&DayRef::Classroom(1)),
            Some(Mark::Cancelled)
        );
        // On the day itself, and afterwards, every mark is fine.
        for today in [day_one, date("2026-03-04")] {
            attendance
                .set_mark_as_of(&DayRef::Classroom(1), Some(Mark::Attended), day_one, today)
                .unwrap();
            assert_eq!(attendance.mark(&DayRef::Classroom(1)), Some(Mark::Attended));
        }
    }
}
