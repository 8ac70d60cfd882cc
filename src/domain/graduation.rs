//! Where the trainee stands on graduating, in one place: the course asks for at least 80%
//! attendance and the assignment handed in.
//!
//! - **Attendance** is the attendance page's own arithmetic and wording
//!   ([`AttendanceSummary::message`]), not a second version of it.
//! - **Each course assignment** is not started, being drafted (words against the target), or
//!   handed in on a date the trainee gives ([`hand_in`], undone with [`take_back`]). The trainee's
//!   own extra assignments are theirs to use as they like and are not counted here.
//! - **The summary** puts both in one plain sentence: "You're on track to graduate: ...".

use std::fmt;

use super::assignment::{course_assignments, Assignment};
use super::attendance::{AttendanceSummary, Standing, REQUIRED_PERCENT};
use super::date::CalendarDate;
use super::field_error::{required_date, FieldError};
use super::word_count::TargetProgress;

/// How far one course assignment has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignmentStage {
    /// Not started in Peer Study yet.
    NotStarted,
    /// Started: the words so far, against the target if there is one.
    Drafting(TargetProgress),
    /// Marked as handed in, on this day.
    HandedIn(CalendarDate),
}

/// One course assignment as the graduation card lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentStanding {
    /// The assignment's id (the built-in one's, which a started copy shares).
    pub id: String,
    /// Its title: the trainee's if they renamed it.
    pub title: String,
    /// How far it has got.
    pub stage: AssignmentStage,
}

impl AssignmentStage {
    /// "Not started yet", "Drafting: 640 of 1,500 words", "Handed in on Tue 2 Feb 2027".
    pub fn label(&self) -> String {
        match self {
            AssignmentStage::NotStarted => "Not started yet".to_string(),
            AssignmentStage::Drafting(progress) => format!("Drafting: {}", progress.label()),
            AssignmentStage::HandedIn(on) => format!("Handed in on {}", on.display_short()),
        }
    }
}

/// The course's assignments in course order, each with how far it has got. `started` is the
/// assignments record; `words_in` gives the words in an assignment's draft by its id.
pub fn assignment_standings(
    started: &[Assignment],
    words_in: impl Fn(&str) -> usize,
) -> Vec<AssignmentStanding> {
    course_assignments()
        .iter()
        .map(
            |template| match started.iter().find(|a| a.id == template.id) {
                None => AssignmentStanding {
                    id: template.id.clone(),
                    title: template.title.clone(),
                    stage: AssignmentStage::NotStarted,
                },
                Some(assignment) => AssignmentStanding {
                    id: assignment.id.clone(),
                    title: assignment.title.clone(),
                    stage: match assignment.handed_in {
                        Some(on) => AssignmentStage::HandedIn(on),
                        None => AssignmentStage::Drafting(TargetProgress::new(
                            words_in(&assignment.id),
                            assignment.word_target,
                        )),
                    },
                },
            },
        )
        .collect()
}

/// Both requirements together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraduationStatus {
    /// The 80% arithmetic, as the attendance page has it.
    pub attendance: AttendanceSummary,
    /// The course's assignments.
    pub assignments: Vec<AssignmentStanding>,
}

impl GraduationStatus {
    /// How many of the course's assignments are handed in.
    pub fn handed_in(&self) -> usize {
        self.assignments
            .iter()
            .filter(|a| matches!(a.stage, AssignmentStage::HandedIn(_)))
            .count()
    }

    /// The assignments in a phrase: "both assignments are handed in", "1 of 2 assignments is
    /// handed in", "your assignments are under way", "your assignments are still to start".
    fn assignments_phrase(&self) -> String {
        let total = self.assignments.len();
        let handed_in = self.handed_in();
        let started = self
            .assignments
            .iter()
            .any(|a| !matches!(a.stage, AssignmentStage::NotStarted));
        match (total, handed_in) {
            (0, _) => "there is no assignment to hand in".to_string(),
            (1, 1) => "your assignment is handed in".to_string(),
            (2, 2) => "both assignments are handed in".to_string(),
            (t, h) if t == h => format!("all {t} assignments are handed in"),
            (t, 0) if t > 1 && started => "your assignments are under way".to_string(),
            (1, 0) if started => "your assignment is under way".to_string(),
            (1, 0) => "your assignment is still to start".to_string(),
            (_, 0) => "your assignments are still to start".to_string(),
            (t, 1) => format!("1 of {t} assignments is handed in"),
            (t, h) => format!("{h} of {t} assignments are handed in"),
        }
    }

    /// Whether every course assignment is handed in.
    pub fn all_handed_in(&self) -> bool {
        self.handed_in() == self.assignments.len()
    }

    /// Where the trainee stands on both requirements, in one plain sentence.
    pub fn summary(&self) -> String {
        let assignments = self.assignments_phrase();
        let attendance = self.attendance;
        match attendance.standing() {
            Standing::Met if attendance.unmarked == 0 && self.all_handed_in() => format!(
                "You've done what the course asks to graduate: your attendance meets the \
                 {REQUIRED_PERCENT}% needed, and {assignments}. Well done."
            ),
            Standing::Met => format!(
                "You're on track to graduate: your attendance already meets the \
                 {REQUIRED_PERCENT}% needed, and {assignments}."
            ),
            Standing::CanMiss(_) | Standing::NoMoreToMiss => format!(
                "You're on track to graduate: your attendance is on course for the \
                 {REQUIRED_PERCENT}% needed, and {assignments}."
            ),
            Standing::BelowTarget => format!(
                "Attendance is below the {REQUIRED_PERCENT}% the course asks for, so a chat with \
                 the course team about what's possible is the next step to graduating. Meanwhile, \
                 {assignments}."
            ),
            Standing::NoDays => {
                let mut sentence = assignments;
                if let Some(first) = sentence.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                format!(
                    "{sentence}. Once your course dates are set, you'll see here whether you're \
                     on track to graduate."
                )
            }
        }
    }
}

/// Why an assignment was not marked as handed in. Nothing changes when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandInError {
    /// The date is missing or could not be read.
    BadDate(FieldError),
    /// The date is after today.
    NotYet {
        /// The date given.
        date: CalendarDate,
    },
}

impl fmt::Display for HandInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HandInError::BadDate(err) => err.fmt(f),
            HandInError::NotYet { date } => write!(
                f,
                "{} hasn't come yet. Please mark it once it's handed in, with the day you \
                 handed it in.",
                date.display_short()
            ),
        }
    }
}

impl std::error::Error for HandInError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HandInError::BadDate(err) => Some(err),
            HandInError::NotYet { .. } => None,
        }
    }
}

/// Marks `assignment` as handed in on the date typed (`YYYY-MM-DD`), which may not be after
/// `today`. Returns what it was before, for [`take_back`] to undo.
pub fn hand_in(
    assignment: &mut Assignment,
    date_text: &str,
    today: CalendarDate,
) -> Result<Option<CalendarDate>, HandInError> {
    let date = required_date(date_text, "Please give the day you handed it in.")
        .map_err(HandInError::BadDate)?;
    if date > today {
        return Err(HandInError::NotYet { date });
    }
    Ok(assignment.handed_in.replace(date))
}

/// Undoes [`hand_in`]: puts back what `previous` says it was (usually not handed in).
pub fn take_back(assignment: &mut Assignment, previous: Option<CalendarDate>) {
    assignment.handed_in = previous;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attendance::{Attendance, DayRef, Mark};
    use crate::domain::course::CourseState;
    use crate::domain::date::Weekday;
    use crate::domain::schedule::Schedule;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    fn started(id: &str) -> Assignment {
        let template = course_assignments().iter().find(|a| a.id == id).unwrap();
        Assignment::start_from_course(template, 0).0
    }

    /// Attendance on ten days from 1 September 2026, `attended` and `missed` marked from day 1.
    fn attendance(attended: u32, missed: u32) -> AttendanceSummary {
        let course = CourseState::from_builtin();
        let sessions = Schedule::new(date("2026-09-01"), Weekday::Tuesday).sessions(&course);
        let mut marks = Attendance::default();
        for n in 1..=attended + missed {
            let mark = if n <= attended {
                Mark::Attended
            } else {
                Mark::Missed
            };
            marks.set_mark(&DayRef::Classroom(n), Some(mark)).unwrap();
        }
        marks.summary(&sessions, date("2026-12-31"))
    }

    fn status(attendance: AttendanceSummary, started: &[Assignment]) -> GraduationStatus {
        GraduationStatus {
            attendance,
            assignments: assignment_standings(started, |_| 640),
        }
    }

    #[test]
    fn each_course_assignment_is_not_started_drafting_or_handed_in() {
        let mut essay = started("recovery-story-essay");
        let standings = assignment_standings(std::slice::from_ref(&essay), |_| 640);
        assert_eq!(standings.len(), 2);
        assert_eq!(standings[0].stage.label(), "Drafting: 640 of 1,500 words");
        assert_eq!(standings[1].stage, AssignmentStage::NotStarted);
        assert_eq!(standings[1].stage.label(), "Not started yet");

        hand_in(&mut essay, "2027-02-02", date("2027-02-03")).unwrap();
        let standings = assignment_standings(&[essay], |_| 640);
        assert_eq!(standings[0].stage.label(), "Handed in on Tue 2 Feb 2027");
    }

    #[test]
    fn handing_in_can_be_undone_and_a_date_ahead_changes_nothing() {
        let mut essay = started("recovery-story-essay");
        let before = essay.clone();
        let err = hand_in(&mut essay, "2027-02-04", date("2027-02-03")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Thu 4 Feb 2027 hasn't come yet. Please mark it once it's handed in, with the day \
             you handed it in."
        );
        assert!(matches!(
            hand_in(&mut essay, "", date("2027-02-03")),
            Err(HandInError::BadDate(_))
        ));
        assert_eq!(essay, before, "refused: nothing changed");

        let previous = hand_in(&mut essay, "2027-02-03", date("2027-02-03")).unwrap();
        assert_eq!(essay.handed_in, Some(date("2027-02-03")));
        take_back(&mut essay, previous);
        assert_eq!(essay, before, "undone: exactly as it was");
    }

    #[test]
    fn an_assignment_saved_before_handing_in_existed_still_loads() {
        let essay = started("recovery-story-essay");
        let mut json = serde_json::to_value(&essay).unwrap();
        json.as_object_mut().unwrap().remove("handed_in");
        let loaded: Assignment = serde_json::from_value(json).unwrap();
        assert_eq!(loaded.handed_in, None);
        assert_eq!(loaded, essay);
    }

    #[test]
    fn the_summary_says_on_track_while_attendance_is_on_course() {
        let essay = started("recovery-story-essay");
        let on_track = status(attendance(4, 1), std::slice::from_ref(&essay));
        assert_eq!(
            on_track.summary(),
            "You're on track to graduate: your attendance is on course for the 80% needed, and \
             your assignments are under way."
        );
        let mut done = essay.clone();
        hand_in(&mut done, "2026-12-01", date("2026-12-02")).unwrap();
        let one_in = status(attendance(8, 0), &[done.clone()]);
        assert_eq!(
            one_in.summary(),
            "You're on track to graduate: your attendance already meets the 80% needed, and 1 \
             of 2 assignments is handed in."
        );
        let mut last = started("final-assignment");
        hand_in(&mut last, "2026-12-02", date("2026-12-02")).unwrap();
        let all = status(attendance(9, 1), &[done, last]);
        assert_eq!(
            all.summary(),
            "You've done what the course asks to graduate: your attendance meets the 80% \
             needed, and both assignments are handed in. Well done."
        );
    }

    #[test]
    fn below_the_target_or_without_dates_the_summary_is_still_kind_and_clear() {
        let below = status(attendance(5, 3), &[]);
        assert_eq!(
            below.summary(),
            "Attendance is below the 80% the course asks for, so a chat with the course team \
             about what's possible is the next step to graduating. Meanwhile, your assignments \
             are still to start."
        );
        let no_dates = GraduationStatus {
            attendance: AttendanceSummary::from_days(&[]),
            assignments: assignment_standings(&[], |_| 0),
        };
        assert_eq!(
            no_dates.summary(),
            "Your assignments are still to start. Once your course dates are set, you'll see \
             here whether you're on track to graduate."
        );
        // The attendance line itself is the attendance page's wording, unchanged.
        assert_eq!(below.attendance.message(), attendance(5, 3).message());
    }
}
