//! "Graduating": both things the course asks for in one card, on home and on the course map:
//! attendance against 80% (in the attendance page's words) and each course assignment, with
//! "Mark as handed in" (a date, undoable).

use leptos::prelude::*;

use super::edit_record;
use crate::app::clock::today;
use crate::app::form::{focus_first_problem, focus_id, Control, Field, StatusLine};
use crate::app::records::use_record;
use crate::domain::assignment::course_assignments;
use crate::domain::date::CalendarDate;
use crate::domain::graduation::{
    assignment_standings, hand_in, take_back, AssignmentStage, AssignmentStanding, GraduationStatus,
};
use crate::storage::record_names::{self, ASSIGNMENTS, ATTENDANCE, COURSE, SCHEDULE};

/// Where the trainee stands on graduating, worked out from the records as they are now.
fn graduation_status() -> Memo<GraduationStatus> {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let attendance = use_record(ATTENDANCE);
    let assignments = use_record(ASSIGNMENTS);
    let today = today();
    Memo::new(move |_| {
        let sessions = schedule.with(|s| {
            s.as_ref()
                .map(|s| course.with(|c| s.sessions(c)))
                .unwrap_or_default()
        });
        GraduationStatus {
            attendance: attendance.with(|a| a.summary(&sessions, today)),
            assignments: assignments.with(|list| {
                assignment_standings(list, |id| {
                    use_record(record_names::draft(id)).with(|d| d.word_count())
                })
            }),
        }
    })
}

/// The graduation card.
#[component]
pub fn GraduationCard() -> impl IntoView {
    let status = graduation_status();
    view! {
        <section class="card graduation" aria-labelledby="graduation-heading">
            <h2 id="graduation-heading">"Graduating"</h2>
            <p class="graduation-summary">{move || status.with(GraduationStatus::summary)}</p>
            <h3>"Attendance: at least 80% of classroom days"</h3>
            <p>{move || status.with(|s| s.attendance.message())}</p>
            <p>
                <a href="/course/attendance">"Mark your attendance"</a>
            </p>
            <h3>"Assignments"</h3>
            <ul class="graduation-list">
                {course_assignments()
                    .iter()
                    .map(|template| {
                        let id = template.id.clone();
                        let standing = Memo::new(move |_| {
                            status.with(|s| s.assignments.iter().find(|a| a.id == id).cloned())
                        });
                        view! { <AssignmentLine id=template.id.clone() standing/> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// One course assignment: how far it has got, and marking it as handed in (or not).
#[component]
fn AssignmentLine(
    /// The assignment's id.
    id: String,
    /// How it stands now.
    standing: Memo<Option<AssignmentStanding>>,
) -> impl IntoView {
    let assignments = use_record(ASSIGNMENTS);
    let title = move || standing.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let stage = move || standing.with(|s| s.as_ref().map(|s| s.stage));
    let date = RwSignal::new(today().to_string());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(String::new());
    let form_id = format!("hand-in-{id}-form");
    let field_id = format!("hand-in-{id}-date");
    let undo_id = format!("hand-in-{id}-undo");
    let (mark_id, undo_target, focus_form) = (id.clone(), undo_id.clone(), form_id.clone());
    let mark = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = date.get_untracked();
        let result = edit_record(assignments, |list| {
            let assignment = list
                .iter_mut()
                .find(|a| a.id == mark_id)
                .expect("only started assignments show the form");
            hand_in(assignment, &text, today())
        });
        match result {
            Ok(_) => {
                error.set(None);
                message.set(format!(
                    "Marked as handed in on {}. If that was a slip, \u{201c}Mark as not handed \
                     in\u{201d} puts it back.",
                    text.trim()
                        .parse::<CalendarDate>()
                        .map(|d| d.display_short())
                        .unwrap_or_default()
                ));
                focus_id(undo_target.clone());
            }
            Err(problem) => {
                error.set(Some(problem.to_string()));
                focus_first_problem(focus_form.clone());
            }
        }
    };
    let undo_for = id.clone();
    let undo_field = field_id.clone();
    let undo = move |_| {
        assignments.update(|list| {
            if let Some(assignment) = list.iter_mut().find(|a| a.id == undo_for) {
                take_back(assignment, None);
            }
        });
        message.set("Marked as not handed in yet.".to_string());
        focus_id(undo_field.clone());
    };
    // The editor's address (the writing area keeps its own helper private).
    let href = format!("/assignments/{id}");
    view! {
        <li class="graduation-item">
            <p>
                <strong>{title}</strong>
                <br/>
                <span class="graduation-stage">
                    {move || stage().map(|s| s.label()).unwrap_or_default()}
                </span>
            </p>
            {move || match stage() {
                Some(AssignmentStage::NotStarted) | None => {
                    view! {
                        <p>
                            <a href="/assignments">"Start it in Writing"</a>
                        </p>
                    }
                        .into_any()
                }
                Some(AssignmentStage::Drafting(_)) => {
                    view! {
                        <p>
                            <a
                                href=href.clone()
                                aria-label=format!("Carry on writing: {}", title())
                            >
                                "Carry on writing"
                            </a>
                        </p>
                        <details>
                            <summary aria-label=format!("Mark as handed in: {}", title())>
                                "Mark as handed in"
                            </summary>
                            <form id=form_id.clone() on:submit=mark.clone() novalidate>
                                <Field
                                    id=field_id.clone()
                                    label=format!("Day you handed in {}", title())
                                    value=date
                                    control=Control::Date
                                    error=Signal::derive(move || error.get())
                                />
                                <button type="submit" class="button">
                                    "Mark as handed in"
                                </button>
                            </form>
                        </details>
                    }
                        .into_any()
                }
                Some(AssignmentStage::HandedIn(_)) => {
                    view! {
                        <button
                            type="button"
                            id=undo_id.clone()
                            class="button quiet"
                            on:click=undo.clone()
                            aria-label=format!("Mark as not handed in: {}", title())
                        >
                            "Mark as not handed in"
                        </button>
                    }
                        .into_any()
                }
            }}
            <StatusLine text=message/>
        </li>
    }
}
