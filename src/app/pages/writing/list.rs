//! The assignments list (`/assignments`): the course's two assignments (started with one tap,
//! opened once started), the trainee's own, and a way to add one.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::app::clock::{now_ms, today};
use crate::app::form::{focus_id, Field};
use crate::app::page::Page;
use crate::app::records::use_record;
use crate::domain::assignment::{
    course_assignments, days_to_go_label, Assignment, AssignmentOrigin, CourseAssignment, Draft,
};
use crate::domain::word_count::{group_thousands, TargetProgress};
use crate::storage::record_names::{self, ASSIGNMENTS};

/// The address of an assignment's editor.
pub fn editor_path(id: &str) -> String {
    format!("/assignments/{id}")
}

/// Where a started assignment stands: words against the target, and the hand-in date.
#[component]
pub(crate) fn StartedSummary(
    /// The assignment.
    assignment: Assignment,
) -> impl IntoView {
    let draft = use_record(record_names::draft(&assignment.id));
    let target = assignment.word_target;
    let progress = Memo::new(move |_| TargetProgress::new(draft.with(Draft::word_count), target));
    let due = match assignment.due {
        Some(due) => {
            let days = assignment.days_until_due(today()).unwrap_or_default();
            format!(
                "Hand-in date: {} · {}",
                due.display_short(),
                days_to_go_label(days)
            )
        }
        None => "No hand-in date set yet: you can add one in the draft.".to_string(),
    };
    view! {
        <p class="assignment-count">
            {move || {
                let note = progress.with(TargetProgress::note);
                let label = progress.with(TargetProgress::label);
                if note.is_empty() { label } else { format!("{label} · {note}") }
            }}
        </p>
        <p class="assignment-due">{due}</p>
    }
}

/// One of the course's assignments: start it, or open it once started.
#[component]
fn CourseAssignmentCard(
    /// The built-in assignment.
    template: &'static CourseAssignment,
    /// The assignments record.
    assignments: RwSignal<Vec<Assignment>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let started = Memo::new(move |_| {
        assignments.with(|list| list.iter().find(|a| a.id == template.id).cloned())
    });
    let heading_id = format!("assignment-{}", template.id);
    let labelled_by = heading_id.clone();
    let start = move |_| {
        // Each course assignment is started once; a second tap (or another tab) just opens it.
        if started.get_untracked().is_none() {
            let (assignment, draft) = Assignment::start_from_course(template, now_ms());
            use_record(record_names::draft(&assignment.id)).set(draft);
            assignments.update(|list| list.push(assignment));
        }
        navigate(&editor_path(&template.id), Default::default());
    };
    view! {
        <li>
            <article class="card assignment-card" aria-labelledby=labelled_by>
                {move || match started.get() {
                    Some(assignment) => {
                        let href = editor_path(&assignment.id);
                        let title = assignment.title.clone();
                        view! {
                            <h2 id=heading_id.clone()>
                                <a href=href>{title}</a>
                            </h2>
                            <StartedSummary assignment/>
                        }
                        .into_any()
                    }
                    None => view! {
                        <h2 id=heading_id.clone()>{template.title.clone()}</h2>
                        <p class="hint">{template.set_at.clone()}</p>
                        <p>{format!("About {} words", group_thousands(template.word_target as usize))}</p>
                        <button
                            type="button"
                            class="button primary"
                            aria-describedby=heading_id.clone()
                            on:click=start.clone()
                        >
                            "Start writing"
                        </button>
                    }
                    .into_any(),
                }}
            </article>
        </li>
    }
}

/// An assignment the trainee added.
#[component]
fn OwnAssignmentCard(
    /// The assignment.
    assignment: Assignment,
) -> impl IntoView {
    let heading_id = format!("assignment-{}", assignment.id);
    let labelled_by = heading_id.clone();
    let href = editor_path(&assignment.id);
    let title = assignment.title.clone();
    view! {
        <li>
            <article class="card assignment-card" aria-labelledby=labelled_by>
                <h2 id=heading_id>
                    <a href=href>{title}</a>
                </h2>
                <StartedSummary assignment/>
            </article>
        </li>
    }
}

/// Adding an assignment of the trainee's own.
#[component]
fn AddOwnAssignment(
    /// The assignments record.
    assignments: RwSignal<Vec<Assignment>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let started = assignments
            .with_untracked(|list| Assignment::start_own(&title.get_untracked(), list, now_ms()));
        match started {
            Ok((assignment, draft)) => {
                error.set(None);
                let id = assignment.id.clone();
                use_record(record_names::draft(&id)).set(draft);
                assignments.update(|list| list.push(assignment));
                navigate(&editor_path(&id), Default::default());
            }
            // What was typed stays in the field, with the reason beside it.
            Err(e) => {
                error.set(Some(e.to_string()));
                focus_id("own-title");
            }
        }
    };
    view! {
        <form class="card add-assignment" on:submit=on_submit>
            <h2 id="add-own-heading">"Add an assignment of your own"</h2>
            <Field id="own-title" label="Title of your assignment" value=title error>
                <button type="submit" class="button">"Add assignment"</button>
            </Field>
        </form>
    }
}

/// The assignments page.
#[component]
pub fn AssignmentsPage() -> impl IntoView {
    let assignments = use_record(ASSIGNMENTS);
    let own = Memo::new(move |_| {
        assignments.with(|list| {
            list.iter()
                .filter(|a| a.origin == AssignmentOrigin::Own)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="writing">
            <Page title="Assignments">
                <p class="lead">
                    "Your course asks for a reflective essay on your own recovery story and a final "
                    "assignment. Start one whenever you are ready: it saves as you type and stays on "
                    "this device."
                </p>
                <ul class="assignment-list" aria-label="Course assignments">
                    {course_assignments()
                        .iter()
                        .map(|template| view! { <CourseAssignmentCard template assignments/> })
                        .collect_view()}
                </ul>
                <Show when=move || !own.with(Vec::is_empty)>
                    <ul class="assignment-list" aria-label="Your own assignments">
                        <For
                            each=move || own.get()
                            key=|a| (a.id.clone(), a.title.clone(), a.due, a.word_target)
                            children=|assignment| view! { <OwnAssignmentCard assignment/> }
                        />
                    </ul>
                </Show>
                <AddOwnAssignment assignments/>
            </Page>
        </div>
    }
}
