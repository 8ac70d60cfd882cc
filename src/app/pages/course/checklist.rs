//! A module's prep checklist: tick tasks off, and (on the module's own page) add, edit and remove
//! the trainee's own tasks. Home uses the same list, so a tick there is the same tick here.

use leptos::prelude::*;

use super::edit_record;
use super::item_form::ItemForm;
use super::progress_meter::ProgressMeter;
use crate::app::form::{
    save_saying, EditInPlace, EntryForm, InPlaceActions, StatusLine, REMOVE_TASK,
};
use crate::app::records::use_record;
use crate::domain::course::{
    ChecklistItem, CourseEditError, CourseState, ItemDraft, ItemErrors, Module,
};
use crate::domain::progress::Progress;
use crate::storage::record_names::COURSE;

/// The module with this id, wherever it is (in the course, the placement, or set aside).
pub fn module_anywhere<'a>(course: &'a CourseState, id: &str) -> Option<&'a Module> {
    course
        .module(id)
        .or_else(|| course.set_aside.iter().find(|m| m.id == id))
}

fn item_in<'a>(
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

/// What the rows of one checklist share: which row is being edited or removed, the status line,
/// and where focus goes when a row disappears.
#[derive(Clone, Copy)]
struct ChecklistState {
    course: RwSignal<CourseState>,
    editing: RwSignal<Option<String>>,
    confirming: RwSignal<Option<String>>,
    status: RwSignal<String>,
    /// The id of the list itself, which takes focus after a task is removed.
    list_id: StoredValue<String>,
}

impl ChecklistState {
    /// The own tasks' editing in place.
    fn in_place(self) -> EditInPlace {
        EditInPlace {
            editing: self.editing,
            confirming: self.confirming,
            status: self.status,
        }
    }
}

/// The checklist of one module, with a progress meter above it.
#[component]
pub fn PrepChecklist(
    /// The module (or placement) whose tasks to list.
    #[prop(into)]
    module_id: String,
    /// Offer editing of the trainee's own tasks and a form to add one (the module page).
    #[prop(optional)]
    editable: bool,
) -> impl IntoView {
    let course = use_record(COURSE);
    let state = ChecklistState {
        course,
        editing: RwSignal::new(None),
        confirming: RwSignal::new(None),
        status: RwSignal::new(String::new()),
        list_id: StoredValue::new(format!("tasks-{module_id}")),
    };
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
    let row_module = module_id.clone();

    view! {
        <div class="checklist">
            <ProgressMeter progress name=meter_name/>
            <ul class="prep-list" id=state.list_id.get_value() tabindex="-1" aria-label="Prep tasks">
                <For
                    each=move || item_ids.get()
                    key=|id| id.clone()
                    children=move |item_id| {
                        view! {
                            <ChecklistRow
                                module_id=row_module.clone()
                                item_id
                                editable
                                state
                            />
                        }
                    }
                />
            </ul>
            {editable.then(|| view! { <AddTask module_id=module_id.clone() state/> })}
            <StatusLine text=state.status.read_only()/>
        </div>
    }
}

/// One task: its checkbox, or its edit form while being edited.
#[component]
fn ChecklistRow(
    /// The module the task belongs to.
    module_id: String,
    /// The task.
    item_id: String,
    /// Whether own tasks can be edited here.
    editable: bool,
    /// Shared with the other rows.
    state: ChecklistState,
) -> impl IntoView {
    let course = state.course;
    let item = {
        let (module_id, item_id) = (module_id.clone(), item_id.clone());
        Memo::new(move |_| course.with(|c| item_in(c, &module_id, &item_id).cloned()))
    };
    let own = item.with_untracked(|i| i.as_ref().is_some_and(|i| i.own));
    let id = StoredValue::new(item_id);
    let is_editing = move || {
        state
            .editing
            .with(|e| e.as_deref() == Some(id.read_value().as_str()))
    };

    view! {
        <li class="prep-item">
            <Show
                when=is_editing
                fallback=move || {
                    view! {
                        <TaskTick item id=id.get_value() course/>
                        {(editable && own).then(|| view! { <OwnTaskActions id=id.get_value() state/> })}
                    }
                }
            >
                <EditTask item id=id.get_value() state/>
            </Show>
        </li>
    }
}

/// A task's checkbox, with its words, estimate and kind as the label.
#[component]
fn TaskTick(
    /// The task as it is now.
    item: Memo<Option<ChecklistItem>>,
    /// Its id.
    id: String,
    /// The course record.
    course: RwSignal<CourseState>,
) -> impl IntoView {
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

/// Edit and remove buttons for one of the trainee's own tasks; removing asks first.
#[component]
fn OwnTaskActions(
    /// The task's id.
    id: String,
    /// Shared checklist state.
    state: ChecklistState,
) -> impl IntoView {
    let in_place = state.in_place();
    let actions = InPlaceActions {
        words: REMOVE_TASK,
        removed: "Task removed.",
        first_field: |id: &str| format!("edit-task-{id}-text"),
        then: move || state.list_id.get_value(),
    };
    in_place.item_actions(StoredValue::new(id), actions, move |id| {
        state.course.update(|c| {
            let _ = c.remove_own_item(id);
        })
    })
}

/// The problems with what was typed in a task's form, if that is why it was not saved.
fn task_problems(error: CourseEditError) -> Result<ItemErrors, CourseEditError> {
    match error {
        CourseEditError::Item(problems) => Ok(problems),
        other => Err(other),
    }
}

/// The edit form in place of a task; saving or cancelling returns focus to its Edit button.
#[component]
fn EditTask(
    /// The task as it is now.
    item: Memo<Option<ChecklistItem>>,
    /// Its id.
    id: String,
    /// Shared checklist state.
    state: ChecklistState,
) -> impl IntoView {
    let initial = item
        .with_untracked(|i| i.as_ref().map(ItemDraft::from_item))
        .unwrap_or_default();
    let id = StoredValue::new(id);
    let in_place = state.in_place();
    let on_save = save_saying(
        state.status,
        move |draft: ItemDraft| {
            edit_record(state.course, |c| {
                c.update_own_item(&id.read_value(), &draft)
            })
        },
        task_problems,
        || "Task saved.".to_string(),
    );
    let form = in_place.edit_form(id, initial, on_save);
    // A task's fields have their own ids, which Edit sends focus to (see `OwnTaskActions`).
    let form = EntryForm {
        id_prefix: format!("edit-task-{}", id.read_value()),
        submit_label: "Save task",
        ..form
    };
    view! { <ItemForm form/> }
}

/// "Add a task of your own", folded away until wanted.
#[component]
fn AddTask(
    /// The module to add to.
    module_id: String,
    /// Shared checklist state.
    state: ChecklistState,
) -> impl IntoView {
    let prefix = format!("add-task-{module_id}");
    let module_id = StoredValue::new(module_id);
    let on_add = save_saying(
        state.status,
        move |draft: ItemDraft| {
            edit_record(state.course, |c| {
                c.add_own_item(&module_id.read_value(), &draft)
            })
            .map(drop)
        },
        task_problems,
        || "Task added to your checklist.".to_string(),
    );
    view! {
        <details class="add-task">
            <summary>"Add a task of your own"</summary>
            <ItemForm form=EntryForm::adding(prefix, ItemDraft::default(), "Add task", on_add)/>
        </details>
    }
}
