//! A module's prep checklist: tick tasks off. Home shows it as it is; the module's own page adds
//! editing of the trainee's own tasks (see `own_tasks.rs`). Both are the same list over the same
//! record, so a tick on home is the same tick on the module's page.
//!
//! The list is written once, generic over what each row holds ([`checklist_list`]), so home's
//! tick-only list carries none of the editing: in a split build the forms stay in the course
//! area's piece instead of the first download.

use leptos::prelude::*;

use super::progress_meter::ProgressMeter;
use crate::app::form::StatusLine;
use crate::app::records::use_record;
use crate::domain::course::{ChecklistItem, CourseState, Module};
use crate::domain::progress::Progress;
use crate::storage::record_names::COURSE;

/// The module with this id, wherever it is (in the course, the placement, or set aside).
pub fn module_anywhere<'a>(course: &'a CourseState, id: &str) -> Option<&'a Module> {
    course
        .module(id)
        .or_else(|| course.set_aside.iter().find(|m| m.id == id))
}

pub(super) fn item_in<'a>(
    course: &'a CourseState,
    module_id: &str,
    item_id: &str,
) -> Option<&'a ChecklistItem> {
    module_anywhere(course, module_id)?
        .checklist
        .iter()
        .find(|i| i.id == item_id)
}

/// "15 min · Read": an item's estimate and kind, in words.
fn item_meta(item: &ChecklistItem) -> String {
    let mut meta = if item.minutes == 0 {
        item.kind.label().to_string()
    } else {
        format!("{} min · {}", item.minutes, item.kind.label())
    };
    if item.own {
        meta.push_str(" · your own task");
    }
    meta
}

/// A module's progress as a signal, for [`ProgressMeter`].
pub fn module_progress_signal(
    course: RwSignal<CourseState>,
    module_id: String,
) -> Signal<Progress> {
    Signal::derive(move || {
        course.with(|c| {
            module_anywhere(c, &module_id)
                .map(|m| Progress::of_module(c, m))
                .unwrap_or_default()
        })
    })
}

/// What the rows of one checklist share: the course record, the status line, and the list's own
/// id. (Which row is being edited is the module page's alone: see `own_tasks.rs`.)
#[derive(Clone, Copy)]
pub(super) struct ChecklistState {
    pub(super) course: RwSignal<CourseState>,
    pub(super) status: RwSignal<String>,
    /// The id of the list itself, which takes focus after a task is removed.
    pub(super) list_id: StoredValue<String>,
}

impl ChecklistState {
    /// The shared state of `module_id`'s list, with nothing said yet.
    pub(super) fn new(module_id: &str) -> Self {
        ChecklistState {
            course: use_record(COURSE),
            status: RwSignal::new(String::new()),
            list_id: StoredValue::new(format!("tasks-{module_id}")),
        }
    }
}

/// One row's task, as the row builder gets it.
#[derive(Clone, Copy)]
pub(super) struct TaskRow {
    /// The task as it is now.
    pub(super) item: Memo<Option<ChecklistItem>>,
    /// Its id.
    pub(super) id: StoredValue<String>,
    /// Shared with the other rows.
    pub(super) state: ChecklistState,
}

/// The checklist of one module, with a progress meter above it: each task's box to tick.
#[component]
pub fn PrepChecklist(
    /// The module (or placement) whose tasks to list.
    #[prop(into)]
    module_id: String,
) -> impl IntoView {
    let state = ChecklistState::new(&module_id);
    checklist_list(module_id, state, |row| view! { <TaskTick row/> }, ())
}

/// The list itself: the meter, a row per task built by `row`, then `below` under the list (the
/// module page's "Add a task"), and the status line.
pub(super) fn checklist_list<R, V, W>(
    module_id: String,
    state: ChecklistState,
    row: R,
    below: W,
) -> impl IntoView
where
    R: Fn(TaskRow) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    W: IntoView + 'static,
{
    let course = state.course;
    let list_module = module_id.clone();
    // Only the ids: ticking changes the course but not this list, so the rows (and the focus on
    // the checkbox just ticked) stay put.
    let item_ids = Memo::new(move |_| {
        course.with(|c| {
            module_anywhere(c, &list_module)
                .map(|m| m.checklist.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let title_module = module_id.clone();
    let meter_name = move || {
        course.with(|c| {
            module_anywhere(c, &title_module)
                .map(|m| format!("Prep for {}", m.title))
                .unwrap_or_default()
        })
    };
    let progress = module_progress_signal(course, module_id.clone());
    let row_module = StoredValue::new(module_id.clone());

    view! {
        <div class="checklist">
            <ProgressMeter progress name=meter_name/>
            <ul class="prep-list" id=state.list_id.get_value() tabindex="-1" aria-label="Prep tasks">
                <For
                    each=move || item_ids.get()
                    key=|id| id.clone()
                    children=move |item_id| {
                        let item = {
                            let (module_id, item_id) = (row_module.get_value(), item_id.clone());
                            Memo::new(move |_| course.with(|c| item_in(c, &module_id, &item_id).cloned()))
                        };
                        let task = TaskRow { item, id: StoredValue::new(item_id), state };
                        view! { <li class="prep-item">{row.clone()(task)}</li> }
                    }
                />
            </ul>
            {below}
            <StatusLine text=state.status.read_only()/>
        </div>
    }
}

/// A task's checkbox, with its words, estimate and kind as the label.
#[component]
pub(super) fn TaskTick(
    /// The task.
    row: TaskRow,
) -> impl IntoView {
    let TaskRow { item, id, state } = row;
    let course = state.course;
    let id = id.get_value();
    let checkbox_id = format!("tick-{id}");
    let tick_id = id.clone();
    view! {
        <div class="prep-row">
            <input
                type="checkbox"
                id=checkbox_id.clone()
                prop:checked=move || course.with(|c| c.is_ticked(&id))
                on:change=move |ev| {
                    let now = event_target_checked(&ev);
                    course.update(|c| {
                        let _ = c.set_ticked(&tick_id, now);
                    });
                }
            />
            <label for=checkbox_id>
                <span class="prep-text">
                    {move || item.with(|i| i.as_ref().map(|i| i.text.clone()))}
                </span>
                <span class="prep-meta">{move || item.with(|i| i.as_ref().map(item_meta))}</span>
            </label>
        </div>
    }
}
