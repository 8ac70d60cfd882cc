//! The course map: every module in order, grouped as the course's two halves, then the placement,
//! each with its session date and prep progress; modules set aside; and adding a module.

use leptos::prelude::*;

use super::module_controls::ModuleForm;
use super::{
    edit_record, module_href, module_progress_signal, session_of, session_words, AddToCalendar,
    GraduationCard, ProgressMeter,
};
use crate::app::form::{focus_first_problem, focus_id, StatusLine};
use crate::app::page::Page;
use crate::app::records::{use_record, UnsentForm};
use crate::domain::course::{CourseEditError, CoursePart, ModuleDraft, ModuleErrors};
use crate::domain::progress::course_progress;
use crate::domain::schedule::{share_out, DEFAULT_CLASSROOM_DAYS};
use crate::storage::record_names::{COURSE, SCHEDULE};

/// How many modules (from the start) make up the first half: those taught in the first half of
/// the classroom days, so the halves follow the trainee's own order and dates.
fn first_half_len(module_count: usize, day_count: u32) -> usize {
    let days = share_out(module_count, day_count);
    let half = days.len().div_ceil(2);
    days[..half].last().map(|range| range.end).unwrap_or(0)
}

/// The course map page.
#[component]
pub fn CoursePage() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let halves = Memo::new(move |_| {
        let day_count =
            schedule.with(|s| s.as_ref().map_or(DEFAULT_CLASSROOM_DAYS, |s| s.day_count));
        course.with(|c| {
            let ids: Vec<String> = c.modules.iter().map(|m| m.id.clone()).collect();
            let split = first_half_len(ids.len(), day_count);
            let (first, second) = ids.split_at(split);
            (first.to_vec(), second.to_vec())
        })
    });
    let overall = Signal::derive(move || course.with(|c| course_progress(c).overall));
    let set_aside = Memo::new(move |_| {
        course.with(|c| {
            c.set_aside
                .iter()
                .map(|m| (m.id.clone(), m.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let status = RwSignal::new(String::new());

    view! {
        <Page title="Your course">
            <p class="lead">
                "Sixteen modules over ten classroom days, with about an hour of preparation before "
                "each, and a placement alongside. Go at a pace that works for you."
            </p>
            <ProgressMeter progress=overall name="Prep for the whole course"/>
            <nav class="course-links" aria-label="Course">
                <ul>
                    <li><a href="/course/dates">"Course dates"</a></li>
                    <li><a href="/course/attendance">"Attendance"</a></li>
                    <li><a href="/course/placement">"Placement and log"</a></li>
                    <li><a href="/course/journal">"Reflection journal"</a></li>
                    <li><a href="/course/reading">"Further reading"</a></li>
                    <li><a href="/course/careers">"Peer support as a career"</a></li>
                </ul>
            </nav>
            <Show when=move || schedule.with(Option::is_none)>
                <p class="notice">
                    "Your session dates aren't set yet. "
                    <a href="/course/dates">"Set your course dates"</a>
                    " to see when each module is."
                </p>
            </Show>
            <section class="course-half" aria-labelledby="half-core">
                <h2 id="half-core">{CoursePart::Core.label()}</h2>
                <ModuleList ids=Signal::derive(move || halves.get().0) start=1/>
            </section>
            <section class="course-half" aria-labelledby="half-practice">
                <h2 id="half-practice">{CoursePart::Practice.label()}</h2>
                <ModuleList
                    ids=Signal::derive(move || halves.get().1)
                    start=Signal::derive(move || halves.with(|h| h.0.len() + 1))
                />
            </section>
            <section class="course-half" aria-labelledby="half-placement">
                <h2 id="half-placement">"Placement"</h2>
                <ul class="module-list">
                    <ModuleRow id=crate::domain::course::PLACEMENT_ID.to_string()/>
                </ul>
            </section>
            <Show when=move || !set_aside.with(Vec::is_empty)>
                <section aria-labelledby="set-aside-heading">
                    <h2 id="set-aside-heading">"Modules you've set aside"</h2>
                    <p>"Their ticks and notes are kept. Put one back whenever you like."</p>
                    <ul class="set-aside-list">
                        <For
                            each=move || set_aside.get()
                            key=|(id, _)| id.clone()
                            children=move |(id, title)| {
                                let put_back = title.clone();
                                let button_name = format!(" {title}");
                                view! {
                                    <li>
                                        <span>{title}</span>
                                        <button
                                            type="button"
                                            class="button quiet small"
                                            on:click=move |_| {
                                                course.update(|c| {
                                                    let _ = c.restore_module(&id, None);
                                                });
                                                status.set(format!(
                                                    "\u{201c}{put_back}\u{201d} is back in your course, at the end. You can move it from its page."
                                                ));
                                                focus_id(format!("module-link-{id}"));
                                            }
                                        >
                                            "Put back"
                                            <span class="visually-hidden">{button_name}</span>
                                        </button>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </section>
            </Show>
            <GraduationCard/>
            <AddToCalendar/>
            <StatusLine text=status/>
            <AddModule status/>
        </Page>
    }
}

/// An ordered list of modules, numbered from `start`.
#[component]
fn ModuleList(
    /// The module ids, in order.
    ids: Signal<Vec<String>>,
    /// The number of the first one.
    #[prop(into)]
    start: Signal<usize>,
) -> impl IntoView {
    view! {
        <ol class="module-list" start=move || start.get()>
            <For each=move || ids.get() key=|id| id.clone() children=|id| view! { <ModuleRow id/> }/>
        </ol>
    }
}

/// One module on the map: its title as a link, its date and its progress.
#[component]
fn ModuleRow(
    /// The module's id.
    id: String,
) -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let title_id = id.clone();
    let title = move || {
        course.with(|c| {
            c.module(&title_id)
                .map(|m| m.title.clone())
                .unwrap_or_default()
        })
    };
    let when_id = id.clone();
    let when = move || {
        if when_id == crate::domain::course::PLACEMENT_ID {
            return "Alongside the classroom days".to_string();
        }
        course.with(|c| {
            schedule.with(|s| match session_of(c, s.as_ref(), &when_id) {
                Some(session) => session_words(&session),
                None => "Date to be set".to_string(),
            })
        })
    };
    let meter_title = title.clone();
    let progress = module_progress_signal(course, id.clone());
    view! {
        <li class="module-row">
            <a href=module_href(&id) id=format!("module-link-{id}") class="module-link">
                {title}
            </a>
            <span class="module-when">{when}</span>
            <ProgressMeter progress name=move || format!("Prep for {}", meter_title())/>
        </li>
    }
}

/// "Add a module of your own", folded away until wanted.
#[component]
fn AddModule(
    /// Where to say what happened.
    status: RwSignal<String>,
) -> impl IntoView {
    let course = use_record(COURSE);
    // Kept as typed, so leaving the page never drops a half-written module.
    let unsent = UnsentForm::new("add-module");
    let title = unsent.field("title", String::new());
    let summary = unsent.field("summary", String::new());
    let errors = RwSignal::new(ModuleErrors::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ModuleDraft {
            title: title.get_untracked(),
            summary: summary.get_untracked(),
        };
        let result = edit_record(course, |c| c.add_module(&draft, None));
        match result {
            Ok(id) => {
                errors.set(ModuleErrors::default());
                status.set(format!(
                    "\u{201c}{}\u{201d} is added at the end of your course.",
                    draft.title.trim()
                ));
                title.set(String::new());
                summary.set(String::new());
                unsent.clear();
                focus_id(format!("module-link-{id}"));
            }
            Err(CourseEditError::Module(problems)) => {
                errors.set(problems);
                focus_first_problem("add-module-form");
            }
            Err(other) => status.set(other.to_string()),
        }
    };
    view! {
        <details class="card add-module">
            <summary>"Add a module of your own"</summary>
            <ModuleForm
                id_prefix="add-module"
                labels=("Module title", "What it covers (optional)")
                title
                summary
                errors
                submit
                submit_label="Add module"
            />
        </details>
    }
}
