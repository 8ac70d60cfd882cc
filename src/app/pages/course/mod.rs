//! The course area: the course map, each module's page (prep checklist, notes, journal entries,
//! adapting it), the cohort's dates, attendance, the placement (with its log) and the journal.
//!
//! Everything is read from and written to records through [`crate::app::records::use_record`]:
//! `COURSE` (`CourseState`), `SCHEDULE` (`Option<Schedule>`), `ATTENDANCE`, `PLACEMENT`,
//! `JOURNAL` and `CAREERS`, typed names from [`record_names`](crate::storage::record_names). The
//! rules live in the domain layer; these files only show them and pass input on.

mod attendance_page;
mod calendar_card;
mod checklist;
mod course_map;
mod graduation_card;
mod item_form;
mod journal;
mod journal_page;
mod module_controls;
mod module_page;
mod own_tasks;
mod placement_log;
mod placement_share;
mod progress_meter;
mod reading_pages;
mod schedule_page;

pub use attendance_page::AttendancePage;
pub use calendar_card::{AddToCalendar, PlacementDatesForm};
pub use checklist::{module_progress_signal, PrepChecklist};
pub use course_map::CoursePage;
pub use graduation_card::GraduationCard;
pub use journal_page::JournalPage;
pub use module_page::ModulePage;
pub use own_tasks::EditableChecklist;
pub use progress_meter::ProgressMeter;
pub use reading_pages::{CareersPage, FurtherReadingPage};
pub use schedule_page::SchedulePage;

use leptos::prelude::*;

use crate::domain::course::CourseState;
use crate::domain::schedule::{Schedule, Session};

/// The address of a module's page (the placement's too).
pub fn module_href(id: &str) -> String {
    format!("/course/{id}")
}

/// "Day 3 · Tue 17 Mar 2026" for a session.
pub fn session_words(session: &Session) -> String {
    format!("Day {} · {}", session.number, session.date.display_short())
}

/// The session a module is taught in, if dates are set and the module is in the course.
pub fn session_of(
    course: &CourseState,
    schedule: Option<&Schedule>,
    module_id: &str,
) -> Option<Session> {
    schedule?.session_for_module(course, module_id)
}

/// Applies a change that may be refused to a record, and keeps it only if it was made: a refused
/// edit leaves the record (and what is stored) exactly as it was, not even rewritten.
pub fn edit_record<T, R, E>(
    record: RwSignal<T>,
    change: impl FnOnce(&mut T) -> Result<R, E>,
) -> Result<R, E>
where
    T: Clone + Send + Sync + 'static,
{
    let mut changed = record.get_untracked();
    let result = change(&mut changed);
    if result.is_ok() {
        record.set(changed);
    }
    result
}

/// A way back to the course map from one of its pages.
#[component]
pub fn BackToCourse() -> impl IntoView {
    view! {
        <p class="back-link">
            <a href="/course">
                <span aria-hidden="true">"← "</span>
                "Your course"
            </a>
        </p>
    }
}
